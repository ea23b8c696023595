// SPDX-License-Identifier: GPL-2.0
/*
 * mm/kasan/common.c - what the allocators tell KASAN, and what it writes
 * into the shadow for them.
 *
 *   slab object      allocated: valid for object_size bytes (kmalloc: then
 *                    cut to the size asked for, kasan_kmalloc()); the rest
 *                    of the slot is KASAN_SLAB_REDZONE.  Freed:
 *                    KASAN_SLAB_FREE, and into the quarantine.
 *   large kmalloc    valid for the size asked for, KASAN_PAGE_REDZONE to
 *                    the end of its pages.
 *   pages            KASAN_PAGE_FREE while free, valid while allocated.
 *   vmalloc area     valid for the size asked for, KASAN_VMALLOC_INVALID
 *                    to the end of the guard page; all of it once freed.
 *   globals          KASAN_GLOBAL_REDZONE after each (the constructors
 *                    call __asan_register_globals() at boot).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/stackdepot.h>
#include <asm/setup.h>
#include "../slab.h"
#include "kasan.h"

/* ---- slab objects --------------------------------------------------------- */

unsigned int kasan_metadata_size(void)
{
	return sizeof(struct kasan_obj_meta);
}

/* The metadata at the end of @object's slot. */
struct kasan_obj_meta *kasan_get_meta(struct kmem_cache *s, const void *object)
{
	return (struct kasan_obj_meta *)((char *)object - s->red_left_pad +
					 s->size - sizeof(struct kasan_obj_meta));
}

/*
 * The object of a slab that @addr points into (the whole slot counts),
 * and its cache in *@cachep; NULL when @addr is in no slab.
 */
void *kasan_find_object(const void *addr, struct kmem_cache **cachep)
{
	unsigned long a = (unsigned long)addr;
	struct page *slab;
	struct kmem_cache *s;
	unsigned int idx;

	if (a < PAGE_OFFSET || a - PAGE_OFFSET >= (max_pfn << PAGE_SHIFT))
		return NULL;
	slab = virt_to_page(addr);
	if (!PageSlab(slab))
		return NULL;
	slab = slab_head(slab);
	s = slab->slab_cache;
	idx = slab_obj_index(s, slab, addr);
	if (idx >= s->objects)
		return NULL;
	*cachep = s;
	return slab_object(s, slab, idx);
}

/* A new slab: nothing in it may be touched until it is handed out. */
void kasan_poison_slab(struct kmem_cache *s, struct page *slab)
{
	kasan_poison(slab_base(slab), PAGE_SIZE << s->order, KASAN_SLAB_REDZONE);
}

/*
 * kasan_slab_alloc - @object of @s is handed out: valid for the cache's
 * object size; remember who asked.  Called from the slow path of
 * slab_alloc() with interrupts on or off.
 */
void kasan_slab_alloc(struct kmem_cache *s, void *object)
{
	struct kasan_obj_meta *meta;

	if (!kasan_ready || !object)
		return;
	kasan_unpoison_range(object, s->object_size);
	meta = kasan_get_meta(s, object);
	meta->alloc_stack = stack_depot_save_here(1);
	meta->alloc_pid = current->pid;
	meta->free_stack = 0;
	meta->free_pid = 0;
	meta->quarantine_next = NULL;
}

/**
 * kasan_kmalloc - cut a kmalloc object to the @size its caller asked for
 * @object: from the kmalloc cache (NULL and ZERO_SIZE_PTR pass through)
 * @size: bytes asked for
 *
 * The bytes from @size to the end of the slot become red zone, so an
 * overrun inside the slack of the size class is caught too.
 *
 * Context: Any context.
 * Return: @object.
 */
void *kasan_kmalloc(void *object, size_t size)
{
	struct kmem_cache *s;
	unsigned long end;

	if (!kasan_ready || ZERO_OR_NULL_PTR(object) ||
	    kasan_find_object(object, &s) != object)
		return object;
	end = round_up((unsigned long)object + size, KASAN_GRANULE_SIZE);
	kasan_poison((void *)end, (unsigned long)object + s->object_size - end,
		     KASAN_SLAB_REDZONE);
	kasan_poison_last_granule(object, size);
	return object;
}

/* kasan_kmalloc() for a large kmalloc: the pages' tail is red zone. */
void *kasan_kmalloc_large(void *ptr, size_t size)
{
	unsigned long end;

	if (!kasan_ready || !ptr)
		return ptr;
	end = round_up((unsigned long)ptr + size, KASAN_GRANULE_SIZE);
	kasan_poison((void *)end,
		     (unsigned long)ptr + (PAGE_SIZE << get_order(size)) - end,
		     KASAN_PAGE_REDZONE);
	kasan_poison_last_granule(ptr, size);
	return ptr;
}

/* krealloc() that keeps the object: valid for @new_size bytes, no more. */
void *kasan_krealloc(void *object, size_t new_size)
{
	struct kmem_cache *s;

	if (!kasan_ready || ZERO_OR_NULL_PTR(object))
		return object;
	if (kasan_find_object(object, &s) == object) {
		kasan_unpoison_range(object, s->object_size);
		return kasan_kmalloc(object, new_size);
	}
	kasan_unpoison_range(object, PAGE_SIZE << get_order(new_size));
	return kasan_kmalloc_large(object, new_size);
}

/**
 * kasan_slab_free - @object of @s is being freed: check and quarantine it
 * @s: its cache
 * @object: what the caller passed to kfree() or kmem_cache_free()
 * @ip: the caller
 *
 * A pointer into the middle of an object is an invalid-free, an object
 * already free a double-free: both are reported and nothing happens.
 * Otherwise the object is poisoned, its free stack recorded, and it
 * waits in the quarantine; the slab gets it back later
 * (kasan_quarantine_put()).
 *
 * Context: Interrupts off (the slow path of slab_free()).
 * Return: true when KASAN took the object (the caller frees nothing).
 */
bool kasan_slab_free(struct kmem_cache *s, void *object, unsigned long ip)
{
	struct kmem_cache *found;
	struct kasan_obj_meta *meta;

	if (!kasan_ready)
		return false;
	if (kasan_find_object(object, &found) != object) {
		kasan_report_invalid_free(object, ip, "invalid-free");
		return true;
	}
	if (*(s8 *)shadow_of((unsigned long)object) == (s8)KASAN_SLAB_FREE) {
		kasan_report_invalid_free(object, ip, "double-free");
		return true;
	}
	kasan_poison(object, round_up(s->object_size, KASAN_GRANULE_SIZE),
		     KASAN_SLAB_FREE);
	meta = kasan_get_meta(s, object);
	meta->free_stack = stack_depot_save_here(1);
	meta->free_pid = current->pid;
	kasan_quarantine_put(s, object);
	return true;
}

/* ---- pages --------------------------------------------------------------- */

void kasan_unpoison_pages(struct page *page, unsigned int order)
{
	kasan_poison(page_address(page), PAGE_SIZE << order, 0);
}

void kasan_poison_pages(struct page *page, unsigned int order)
{
	kasan_poison(page_address(page), PAGE_SIZE << order, KASAN_PAGE_FREE);
}

/* ---- vmalloc ------------------------------------------------------------- */

/*
 * A vmalloc area of @size bytes asked for is mapped at @start, @mapped
 * bytes of pages plus the guard page: the bytes asked for are valid, the
 * rest up to the end of the guard page is not.  The area's shadow gets
 * pages first if it has none (when that fails, the shadow stays the zero
 * page: valid, and nothing written).
 */
void kasan_unpoison_vmalloc(const void *start, unsigned long size,
			    unsigned long mapped)
{
	unsigned long end = round_up((unsigned long)start + size,
				     KASAN_GRANULE_SIZE);

	if (kasan_populate_vmalloc((unsigned long)start, mapped + PAGE_SIZE))
		return;
	kasan_unpoison_range(start, size);
	kasan_poison((void *)end, (unsigned long)start + mapped + PAGE_SIZE - end,
		     KASAN_VMALLOC_INVALID);
}

/* The area [@start, @start + @size) is unmapped. */
void kasan_poison_vmalloc(const void *start, unsigned long size)
{
	if (kasan_populate_vmalloc((unsigned long)start, size))
		return;
	kasan_poison(start, size, KASAN_VMALLOC_INVALID);
}

/* ---- globals ------------------------------------------------------------- */

/* What gcc (ASan ABI 8) describes each instrumented global with. */
struct kasan_global {
	const void *beg;		/* its address */
	size_t size;			/* its size */
	size_t size_with_redzone;	/* with the red zone gcc put after it */
	const char *name;
	const char *module_name;	/* the source file */
	unsigned long has_dynamic_init;
	void *location;
	char *odr_indicator;
};

/*
 * The descriptors, one array a file, for the report's "belongs to the
 * variable" line (the symbol table has functions only).  A module's go
 * away at unload without a word: an entry counts only while a live
 * vmalloc-area mapping holds it, and a module that registers drops the
 * entries of earlier modules in its own area.
 */
#define KASAN_GLOBAL_FILES	512
static struct {
	struct kasan_global *globals;
	size_t n;
} image_globals[KASAN_GLOBAL_FILES];
static unsigned int nr_image_globals;

static bool in_image(const void *p)
{
	return (unsigned long)p >= __START_KERNEL_map &&
	       (unsigned long)p < (unsigned long)_end;
}

/* Is entry @f's descriptor array still mapped (the image, or a live area)? */
static bool globals_live(unsigned int f)
{
	struct kasan_global *g = image_globals[f].globals;

	return in_image(g) || find_vm_area(g);
}

/**
 * kasan_describe_global - "NAME+0xOFF/0xSIZE" of the global @addr is in
 * @addr: an address in the kernel image
 * @buf: where the text goes
 * @len: its size
 *
 * Return: true when a registered global (with its red zone) holds @addr.
 * Context: Any context.
 */
bool kasan_describe_global(unsigned long addr, char *buf, size_t len)
{
	unsigned int f;
	size_t i;

	for (f = 0; f < nr_image_globals; f++) {
		if (!globals_live(f))
			continue;
		for (i = 0; i < image_globals[f].n; i++) {
			struct kasan_global *g = &image_globals[f].globals[i];
			unsigned long beg = (unsigned long)g->beg;

			if (addr >= beg && addr < beg + g->size_with_redzone) {
				if (len)
					snprintf(buf, len, "%s+%#lx/%#zx", g->name,
						 addr - beg, g->size_with_redzone);
				return true;
			}
		}
	}
	return false;
}

void __asan_register_globals(struct kasan_global *globals, size_t n);
void __asan_register_globals(struct kasan_global *globals, size_t n)
{
	size_t i;

	struct vm_struct *vm = in_image(globals) ? NULL : find_vm_area(globals);
	unsigned int f, kept = 0;

	/* a module: forget the entries of unloaded ones in its area */
	for (f = 0; vm && f < nr_image_globals; f++) {
		unsigned long a = (unsigned long)image_globals[f].globals;

		if (a >= (unsigned long)vm->addr &&
		    a < (unsigned long)vm->addr + vm->size)
			continue;
		image_globals[kept++] = image_globals[f];
	}
	if (vm)
		nr_image_globals = kept;
	if (nr_image_globals < KASAN_GLOBAL_FILES) {
		image_globals[nr_image_globals].globals = globals;
		image_globals[nr_image_globals++].n = n;
	}

	for (i = 0; i < n; i++) {
		struct kasan_global *g = &globals[i];
		unsigned long end = round_up((unsigned long)g->beg + g->size,
					     KASAN_GRANULE_SIZE);

		kasan_unpoison_range(g->beg, g->size);
		kasan_poison((void *)end,
			     (unsigned long)g->beg + g->size_with_redzone - end,
			     KASAN_GLOBAL_REDZONE);
	}
}
EXPORT_SYMBOL(__asan_register_globals);

void __asan_unregister_globals(struct kasan_global *globals, size_t n);
void __asan_unregister_globals(struct kasan_global *globals, size_t n)
{
}
EXPORT_SYMBOL(__asan_unregister_globals);

