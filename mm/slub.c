// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slub.c - slab caches, SLUB style.
 *
 * A cache hands out objects of one size.  It gets memory from the page
 * allocator a slab at a time (2^order frames cut into slots) and keeps
 * three kinds of slab:
 *
 *   the active slab   whose free objects sit on the cache's cpu_freelist,
 *                     a plain linked list through the free objects;
 *   partial slabs     some objects free (on the slab's own freelist);
 *   full slabs        no object free.
 *
 * The fast paths touch only the active slab (interrupts off, one CPU):
 *
 *   alloc:  object = cpu_freelist; cpu_freelist = *object;
 *   free:   if the object lies in the active slab:
 *               *object = cpu_freelist; cpu_freelist = object;
 *
 * That is a handful of instructions and no debug code: a cache with
 * debug flags (poison, red zones, call sites, consistency checks) never
 * has an active slab, so its every operation takes the slow path, where
 * mm/slub_debug.c does its checks.  The cost when debugging is off is
 * the one test the fast path makes anyway.
 *
 * The slow path of an allocation: the active slab is exhausted, so it is
 * put on the full list and the first partial slab (or a new one from the
 * page allocator) becomes active, its whole freelist moving to
 * cpu_freelist.  The slow path of a free: the object goes on its own
 * slab's freelist, and the slab moves from full to partial, or, once
 * empty, back to the page allocator (a few empty slabs are kept).
 *
 * The slab bookkeeping lives in struct page (see mm/slab.h).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "slab.h"

LIST_HEAD(slab_caches);
unsigned long nr_slab_pages;
unsigned long slab_alloc_seq;

/* ---- slabs ---------------------------------------------------------------- */

/* Get 2^order frames and cut them into a chain of free objects. */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	unsigned int i, nr_frames = 1U << s->order;
	struct page *slab;
	void *prev = NULL;

	slab = alloc_pages((gfp & ~__GFP_ZERO) | s->allocflags | __GFP_NOWARN,
			   s->order);
	if (!slab)
		return NULL;

	for (i = 0; i < nr_frames; i++) {
		__SetPageSlab(slab + i);
		slab[i].slab_cache = s;
		if (i)
			slab[i].private = i;
	}
	__SetPageHead(slab);	/* even for one frame: slab_head() relies on it */
	if (kmem_cache_debug(s))
		setup_slab_debug(s, slab);

	/* link the objects from the last to the first: slot 0 comes out first */
	for (i = s->objects; i-- > 0;) {
		void *object = slab_object(s, slab, i);

		if (kmem_cache_debug(s))
			setup_object_debug(s, object);
		if (s->ctor)
			s->ctor(object);
		set_freepointer(s, object, prev);
		prev = object;
	}
	slab_set(slab, 0, 0);
	s->nr_slabs++;
	nr_slab_pages += nr_frames;
	return slab;
}

/* Give an empty slab's frames back to the page allocator. */
static void discard_slab(struct kmem_cache *s, struct page *slab)
{
	unsigned int i, nr_frames = 1U << s->order;

	for (i = 0; i < nr_frames; i++) {
		__ClearPageSlab(slab + i);
		slab[i].slab_cache = NULL;	/* clears _refcount and page_type */
		if (i)
			slab[i].private = 0;
	}
	/* make it look as alloc_pages() left it, then free it */
	if (!s->order)
		__ClearPageHead(slab);
	set_page_count(slab, 1);
	slab->private = s->order;
	s->nr_slabs--;
	nr_slab_pages -= nr_frames;
	__free_pages(slab, s->order);
}

/*
 * Put the active slab back on a list: its remaining free objects (the
 * cpu_freelist, all from this slab) become the slab's own freelist.
 */
void flush_cpu_slab(struct kmem_cache *s)
{
	struct page *slab = s->cpu_slab;
	unsigned int nr_free = 0;
	void *p;

	if (!slab)
		return;
	for (p = s->cpu_freelist; p; p = get_freepointer(s, p))
		nr_free++;
	s->nr_taken -= nr_free;
	slab_set(slab, s->cpu_freelist ?
		 slab_obj_index(s, slab, s->cpu_freelist) : SLAB_FREELIST_NONE,
		 s->objects - nr_free);
	if (nr_free) {
		list_add(&slab->lru, &s->partial);
		s->nr_partial++;
	} else {
		list_add(&slab->lru, &s->full);
	}
	s->cpu_slab = NULL;
	s->cpu_freelist = NULL;
	s->cpu_base = 0;
	s->cpu_bytes = 0;
}

/* ---- allocation ------------------------------------------------------------- */

/*
 * A slab with a free object: the first partial one, or a new one.
 * Getting a new one may wait for memory, so interrupts go back to the
 * state the caller had (@irqflags) meanwhile.
 */
static struct page *get_slab(struct kmem_cache *s, gfp_t gfp,
			     unsigned long irqflags)
{
	struct page *slab;

	if (!list_empty(&s->partial)) {
		slab = list_first_entry(&s->partial, struct page, lru);
		list_del(&slab->lru);
		s->nr_partial--;
		return slab;
	}
	local_irq_restore(irqflags);
	slab = new_slab(s, gfp);
	local_irq_disable();
	return slab;
}

/* Take one object off @slab's own freelist (debug caches). */
static void *take_from_slab(struct kmem_cache *s, struct page *slab)
{
	void *object = slab_object(s, slab, slab_free_idx(slab));
	void *next = get_freepointer(s, object);

	slab_set(slab, next ? slab_obj_index(s, slab, next) : SLAB_FREELIST_NONE,
		 slab_inuse(slab) + 1);
	if (next) {
		list_add(&slab->lru, &s->partial);
		s->nr_partial++;
	} else {
		list_add(&slab->lru, &s->full);
	}
	return object;
}

/* The slow path of an allocation; interrupts are off. */
void *__slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		   unsigned long irqflags)
{
	struct page *slab;
	void *object;

	if (kmem_cache_debug(s)) {
		do {
			slab = get_slab(s, gfp, irqflags);
			if (!slab)
				return NULL;
			object = take_from_slab(s, slab);
		} while (!alloc_debug_processing(s, slab, object, caller));
		s->nr_taken++;
		return object;
	}

	flush_cpu_slab(s);	/* the active slab is full: retire it */
	slab = get_slab(s, gfp, irqflags);
	if (!slab)
		return NULL;
	/* activate: the slab's whole freelist becomes the cpu freelist */
	s->cpu_slab = slab;
	s->cpu_freelist = slab_object(s, slab, slab_free_idx(slab));
	s->cpu_base = (unsigned long)slab_base(slab);
	s->cpu_bytes = PAGE_SIZE << s->order;
	s->nr_taken += s->objects - slab_inuse(slab);
	slab_set(slab, SLAB_FREELIST_NONE, s->objects);

	object = s->cpu_freelist;
	s->cpu_freelist = get_freepointer(s, object);
	return object;
}

/*
 * Everything slab_alloc() does not do inline: an empty cpu freelist, and
 * zeroing.  Interrupts are off (@irqflags: the caller's); restored here.
 */
void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		      unsigned long irqflags)
{
	void *object;

	if (alloc_in_atomic(gfp, irqflags))
		__might_sleep_irqflags(__FILE__, __LINE__, irqflags);	/* GFP_KERNEL where it may not sleep */
	if (fault_injection_active && !(gfp & __GFP_NOFAIL) &&
	    should_fail(&failslab, s->object_size)) {
		local_irq_restore(irqflags);
		return NULL;
	}
	object = s->cpu_freelist;
	if (object)		/* only the checks above sent us here */
		s->cpu_freelist = get_freepointer(s, object);
	else
		object = __slab_alloc(s, gfp, caller, irqflags);
	local_irq_restore(irqflags);

	if (unlikely(gfp & __GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	return object;
}

/* ---- freeing ------------------------------------------------------------- */

/* The slow path of a free: @x is not in the active slab.  Irqs are off. */
void __slab_free(struct kmem_cache *s, struct page *slab, void *x,
			unsigned long caller)
{
	unsigned int idx = slab_free_idx(slab), inuse = slab_inuse(slab);

	if (kmem_cache_debug(s) && !free_debug_processing(s, slab, x, caller))
		return;		/* reported; the object stays as it was */

	set_freepointer(s, x, idx == SLAB_FREELIST_NONE ? NULL :
			slab_object(s, slab, idx));
	slab_set(slab, slab_obj_index(s, slab, x), inuse - 1);
	s->nr_taken--;

	if (idx == SLAB_FREELIST_NONE) {	/* was full: now partial */
		list_move(&slab->lru, &s->partial);
		s->nr_partial++;
	}
	/* LAB(slab) BEGIN discard: an empty slab goes back to the page allocator */
	if (inuse == 1 && s->nr_partial > SLAB_MIN_PARTIAL) {
		list_del(&slab->lru);
		s->nr_partial--;
		discard_slab(s, slab);
	}
	/* LAB(slab) END discard */
}

/* slab_free() of an object outside the active slab; restores interrupts. */
void slab_free_slow(struct kmem_cache *s, void *x, unsigned long caller,
		    unsigned long irqflags)
{
	__slab_free(s, slab_head(virt_to_page(x)), x, caller);
	local_irq_restore(irqflags);
}

/*
 * Give every empty slab back to the page allocator, checking the free
 * objects of debug caches on the way.  Returns the frames freed.
 */
unsigned long __kmem_cache_shrink(struct kmem_cache *s)
{
	struct page *slab, *next;
	unsigned long freed = 0, flags;

	local_irq_save(flags);
	flush_cpu_slab(s);
	list_for_each_entry_safe(slab, next, &s->partial, lru) {
		check_free_objects(s, slab);
		if (slab_inuse(slab))
			continue;
		list_del(&slab->lru);
		s->nr_partial--;
		discard_slab(s, slab);
		freed += 1UL << s->order;
	}
	local_irq_restore(flags);
	return freed;
}

/* Objects of @s allocated and not freed. */
unsigned long slab_cache_live(struct kmem_cache *s)
{
	unsigned long flags, nr_free = 0;
	void *p;

	local_irq_save(flags);
	for (p = s->cpu_freelist; p; p = get_freepointer(s, p))
		nr_free++;
	local_irq_restore(flags);
	return s->nr_taken - nr_free;
}

/* ---- the kmem_cache API ------------------------------------------------------ */

/**
 * kmem_cache_alloc - allocate an object from a cache
 * @s: the cache
 * @gfp: GFP flags (GFP_KERNEL may sleep; GFP_ATOMIC never does);
 *       __GFP_ZERO zeroes the object
 *
 * Return: the object, or NULL when no memory could be had.
 * Context: Any context with GFP_ATOMIC or GFP_NOWAIT; process context
 * with GFP_KERNEL.
 */
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp, _RET_IP_);
}

/* kmem_cache_free() of NULL (ignored) or of something not in @s (reported). */
static noinline void kmem_cache_free_invalid(struct kmem_cache *s, void *objp,
					     unsigned long caller)
{
	struct page *page;

	if (!objp)
		return;
	if (!in_direct_map(objp)) {
		slab_report_invalid(s, objp, caller, "not a direct-map address (stack, vmalloc or kernel image?)");
		return;
	}
	page = virt_to_page(objp);
	slab_report_invalid(s, objp, caller, PageSlab(page) ?
			    "the object belongs to another cache" :
			    "not in a slab page");
}

/**
 * kmem_cache_free - return an object to its cache
 * @s: the cache it came from
 * @objp: the object (NULL is ignored)
 *
 * A pointer that is not an object of @s is reported ("Invalid object
 * pointer") and nothing is freed.
 *
 * Context: Any context.
 */
void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	unsigned long pfn = direct_map_pfn(objp);

	if (unlikely(pfn >= max_pfn || !PageSlab(pfn_to_page(pfn)) ||
		     pfn_to_page(pfn)->slab_cache != s)) {
		kmem_cache_free_invalid(s, objp, _RET_IP_);
		return;
	}
	slab_free(s, objp, _RET_IP_);
}

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

/* Choose the slab order: enough objects per slab, little waste. */
static unsigned int calculate_order(unsigned int size)
{
	/* LAB(slab) BEGIN order: enough objects per slab, little waste */
	unsigned int order;

	for (order = 0; order <= SLAB_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order;
		unsigned long objects = bytes / size;

		if (objects >= SLAB_MIN_OBJECTS && (bytes % size) * 16 <= bytes)
			return order;
	}
	for (order = 0; (PAGE_SIZE << order) < size * 2UL &&
	     order < MAX_PAGE_ORDER; order++)
		;
	if ((PAGE_SIZE << order) < size)
		order++;
	return order;
	/* LAB(slab) END order */
}

/*
 * Lay out a slot (see mm/slab.h) from object_size, align and the flags,
 * and choose the slab order.  Returns 0, or -EINVAL when the object does
 * not fit in the largest slab.
 */
int __kmem_cache_create(struct kmem_cache *s)
{
	slab_flags_t flags = s->flags;
	unsigned int size = ALIGN(s->object_size, sizeof(void *));

	s->red_left_pad = 0;
	if (flags & SLAB_RED_ZONE) {
		s->red_left_pad = ALIGN(sizeof(void *), s->align);
		if (size == s->object_size)
			size += sizeof(void *);		/* room for the right zone */
	}
	s->inuse = size;
	if ((flags & (SLAB_POISON | SLAB_RED_ZONE)) || s->ctor) {
		s->offset = size;		/* free pointer outside the object */
		size += sizeof(void *);
	} else {
		s->offset = 0;
	}
	if (flags & SLAB_STORE_USER)
		size += 2 * sizeof(struct track);
	size += s->red_left_pad;
	s->size = ALIGN(size, s->align);

	s->order = calculate_order(s->size);
	if (s->order > MAX_PAGE_ORDER)
		return -EINVAL;
	s->objects = (PAGE_SIZE << s->order) / s->size;
	if (s->objects >= SLAB_FREELIST_NONE)
		s->objects = SLAB_FREELIST_NONE - 1;

	s->allocflags = 0;
	if (flags & SLAB_CACHE_DMA)
		s->allocflags |= GFP_DMA;
	if (flags & SLAB_CACHE_DMA32)
		s->allocflags |= GFP_DMA32;

	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	s->nr_partial = s->nr_slabs = 0;
	s->nr_taken = 0;
	s->cpu_slab = NULL;
	s->cpu_freelist = NULL;
	s->cpu_base = s->cpu_bytes = 0;
	s->refcount = 1;
	return 0;
}
