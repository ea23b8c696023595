// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slab_common.c - creating and destroying caches, the kmalloc family,
 * and /proc/slabinfo.
 *
 * kmalloc(size) picks the smallest size class that fits (the list is
 * KMALLOC_INFO in <linux/slab.h>):
 *
 *	8 16 32 64 96 128 192 256 512 1k 2k 4k 8k
 *
 * 96 and 192 are there because sizes just above 64 and 128 are common,
 * and rounding them up to a power of two would waste a third of the
 * memory.  Each class is a cache named kmalloc-N (dma-kmalloc-N for
 * GFP_DMA).  Above 8 KiB, kmalloc asks the page allocator for a block
 * of frames directly (a "large kmalloc"), up to KMALLOC_MAX_SIZE (4 MiB).
 * kfree() tells the two kinds apart by the frame: PG_slab, or a large
 * kmalloc's marker.
 *
 * Locking (a cache's own state is mm/slub.c's, see its essay):
 *
 *   - slab_caches, the list of every cache, is changed (cache created or
 *     destroyed) and walked (slabinfo, the counters, shrinking, the leak
 *     report) under slab_caches_lock, a spinlock taken with interrupts
 *     as they are: nothing a walk calls may sleep, and with interrupts
 *     on, a walk may ask the other CPUs (IPI) to give their sheaves and
 *     active slabs back (flush_all_cpus() in mm/slub.c), which it could
 *     not with interrupts off.  No interrupt handler walks the list;
 *   - kmalloc_caches[] is written once, by kmem_cache_init() at boot
 *     before any other task exists, and only read after;
 *   - a large kmalloc's frames belong to its owner; their page_type
 *     marker is set and cleared by kmalloc and kfree alone.
 *
 * Lock order: slab_caches_lock > a cache's list_lock > the page
 * allocator's zone->lock (taken by shrinking, inside).  No IPI is sent
 * while a list_lock is held (the CPU asked could be spinning on it).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kasan.h>
#include <linux/kmemleak.h>
#include <linux/mm.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kernel/page_alloc.h>
#include <kernel/slab_stats.h>
#include "slab.h"

static DEFINE_SPINLOCK(slab_caches_lock);



/* [class][type]: the two types of a class side by side, for __kmalloc's index */
struct kmem_cache *kmalloc_caches[KMALLOC_CACHES][NR_KMALLOC_TYPES];
EXPORT_SYMBOL(kmalloc_caches);

/* The cache of struct kmem_cache itself: every other cache comes from it. */
static struct kmem_cache kmem_cache_boot;

/* The size classes' names and sizes, by index: <linux/slab.h>'s KMALLOC_INFO. */
#define KMALLOC_INFO_ENTRY(index, bytes, suffix)			\
	[index] = { { [KMALLOC_NORMAL] = "kmalloc-" suffix,		\
		      [KMALLOC_DMA] = "dma-kmalloc-" suffix }, bytes },
const struct kmalloc_info_struct kmalloc_info[KMALLOC_CACHES] = {
	KMALLOC_INFO(KMALLOC_INFO_ENTRY)
};

/* How many classes there are (13). */
#define KMALLOC_INFO_ONE(index, bytes, suffix)	+ 1
#define KMALLOC_NR_CLASSES	(0 KMALLOC_INFO(KMALLOC_INFO_ONE))

/*
 * The other facts about the classes, tied to the list at build time:
 * each index is a row of kmalloc_caches[] and each power of two sits at
 * its log2; every row but 0 is used, once (KMALLOC_CACHES is the list's
 * length + 1); the first power of two is KMALLOC_MIN_SIZE and the last
 * is KMALLOC_MAX_CACHE_SIZE, at KMALLOC_SHIFT_HIGH.
 */
#define KMALLOC_INFO_CHECK(index, bytes, suffix)			\
	static_assert((index) > 0 && (index) < KMALLOC_CACHES);		\
	static_assert((index) < 3 || (bytes) == 1U << (index));		\
	static_assert((bytes) >= KMALLOC_MIN_SIZE &&			\
		      (bytes) <= KMALLOC_MAX_CACHE_SIZE);
KMALLOC_INFO(KMALLOC_INFO_CHECK)
#define KMALLOC_INFO_BIT(index, bytes, suffix)	| 1UL << (index)
static_assert(KMALLOC_NR_CLASSES == KMALLOC_CACHES - 1 &&
	      (0 KMALLOC_INFO(KMALLOC_INFO_BIT)) == (1UL << KMALLOC_CACHES) - 2);
static_assert(KMALLOC_MIN_SIZE == 1U << 3);

/* Class index for sizes 1..192, by (size - 1) / 8: 1 = 96, 2 = 192. */
static const u8 size_index[24] = {
	/* LAB(slab) BEGIN size_index: the same classes, as a table */
	3, 4, 5, 5, 6, 6, 6, 6,		/* 8, 16, 32, 32, 64 x4 */
	1, 1, 1, 1, 7, 7, 7, 7,		/* 96 x4, 128 x4 */
	2, 2, 2, 2, 2, 2, 2, 2,		/* 192 x8 */
	/* LAB(slab) END size_index */
};


/*
 * __kmalloc()'s table: the normal cache for each size 1..8 KiB, by
 * (size - 1) / 8 (sizes in a class differ by at least 8 bytes).  Filled
 * by kmem_cache_init() from size_index[] and kmalloc_index()'s rule, so
 * it picks what they pick, in one load.  GFP_DMA goes through the slow
 * path, which turns to the cache's dma_twin.
 */
static struct kmem_cache *kmalloc_size_cache[KMALLOC_MAX_CACHE_SIZE / KMALLOC_MIN_SIZE];

static inline unsigned int kmalloc_class_size(unsigned int index)
{
	return kmalloc_info[index].size;
}

/* ---- caches ----------------------------------------------------------------- */

static unsigned int calculate_alignment(slab_flags_t flags, unsigned int align,
					unsigned int size)
{
	if (flags & SLAB_HWCACHE_ALIGN) {
		unsigned int ralign = L1_CACHE_BYTES;

		while (size <= ralign / 2)
			ralign /= 2;
		align = max(align, ralign);
	}
	align = max(align, (unsigned int)ARCH_SLAB_MINALIGN);
	return ALIGN(align, sizeof(void *));
}

static int init_cache(struct kmem_cache *s, const char *name, unsigned int size,
		      unsigned int align, slab_flags_t flags, void (*ctor)(void *))
{
	unsigned long irqflags;

	memset(s, 0, sizeof(*s));
	s->name = name;
	s->object_size = size;
	s->flags = slab_debug_flags_for(name, flags);
	if (kasan_enabled())
		s->flags |= SLAB_KASAN;
	s->align = calculate_alignment(s->flags, align, size);
	s->ctor = ctor;
	if (__kmem_cache_create(s))
		return -EINVAL;
	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_add_tail(&s->list, &slab_caches);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	return 0;
}

/**
 * kmem_cache_create - create a cache of objects of one size
 * @name: shown in slabinfo and reports; must stay valid while the cache lives
 * @size: object size in bytes
 * @align: minimum alignment (0 for the default of 8), a power of two
 * @flags: SLAB_HWCACHE_ALIGN, SLAB_CACHE_DMA, SLAB_PANIC, debug flags ...
 * @ctor: called once for each object when its slab is made, or NULL
 *
 * Return: the cache, or NULL (a bad argument or no memory); with
 * SLAB_PANIC a failure panics instead.
 * Context: Process context (may sleep).
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	struct kmem_cache *s = NULL;
	int err = -EINVAL;

	if (!name || !size || size > KMALLOC_MAX_SIZE || (align & (align - 1)))
		goto fail;
	err = -ENOMEM;
	s = kmem_cache_alloc(&kmem_cache_boot, GFP_KERNEL);
	if (!s)
		goto fail;
	err = init_cache(s, name, size, align, flags, ctor);
	if (!err)
		return s;
	kmem_cache_free(&kmem_cache_boot, s);
fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: Failed to create slab '%s'. Error %d",
		      name ? name : "(null)", err);
	pr_warn("kmem_cache_create(%s) failed with error %d\n",
		name ? name : "(null)", err);
	return NULL;
}
EXPORT_SYMBOL(kmem_cache_create);

/**
 * kmem_cache_shrink - give a cache's empty slabs back to the page allocator
 * @s: the cache
 *
 * Free objects of debug caches have their poison checked on the way.
 *
 * Return: 0.
 * Context: Process context.
 */
int kmem_cache_shrink(struct kmem_cache *s)
{
	kasan_cache_shutdown(s);	/* its quarantined objects first */
	__kmem_cache_shrink(s);
	return 0;
}
EXPORT_SYMBOL(kmem_cache_shrink);

/**
 * kmem_cache_shrink_all - shrink every cache (memory is short)
 *
 * Return: the number of frames given back.
 * Context: Process context.
 */
unsigned long kmem_cache_shrink_all(void)
{
	struct kmem_cache *s;
	unsigned long freed = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		freed += __kmem_cache_shrink(s);
	spin_unlock(&slab_caches_lock);
	return freed;
}

/**
 * kmem_cache_destroy - destroy a cache whose objects have all been freed
 * @s: the cache (NULL is ignored)
 *
 * If objects are still allocated, reports "Objects remaining on
 * __kmem_cache_shutdown()" with their allocation sites and leaves the
 * cache (and its memory) as it is: freeing slabs under live objects would
 * turn a leak into memory corruption.
 *
 * Context: Process context.
 */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long irqflags;

	if (!s)
		return;
	kasan_cache_shutdown(s);	/* its quarantined objects first */
	__kmem_cache_shrink(s);
	if (slab_cache_live(s) || s->nr_slabs) {
		report_objects_remaining(s, _RET_IP_);
		return;
	}
	spin_lock_irqsave(&slab_caches_lock, irqflags);
	list_del(&s->list);
	spin_unlock_irqrestore(&slab_caches_lock, irqflags);
	kmem_cache_free(&kmem_cache_boot, s);
}
EXPORT_SYMBOL(kmem_cache_destroy);

/* ---- kmalloc -------------------------------------------------------------------- */

static noinline void *kmalloc_large(size_t size, gfp_t gfp)
{
	struct page *page;

	page = alloc_pages(gfp | __GFP_COMP, get_order(size));
	if (!page)
		return NULL;
	page->page_type = LARGE_KMALLOC_TYPE;
	kmemleak_alloc(page_address(page), size, 1, gfp);
	return kasan_kmalloc_large(page_address(page), size);
}

/* kmalloc() of 0 bytes or of more than KMALLOC_MAX_CACHE_SIZE. */
static noinline void *kmalloc_zero_or_large(size_t size, gfp_t gfp)
{
	if (!size)
		return ZERO_SIZE_PTR;
	return kmalloc_large(size, gfp);
}

/* The class of @size (1 .. KMALLOC_MAX_CACHE_SIZE) at run time. */
static unsigned int kmalloc_runtime_index(size_t size)
{
	if (size - 1 < 192)
		return size_index[(size - 1) / 8];
	return 64 - __builtin_clzl(size - 1);
}

/**
 * __kmalloc - kmalloc() of a size known only at run time
 * @size: bytes
 * @gfp: GFP flags
 *
 * The fast path: one unsigned compare sends 0 and the large sizes away
 * (size - 1 wraps for 0), one load from kmalloc_size_cache[] gives the
 * cache, then the slab fast path, inlined, which also sends __GFP_DMA
 * to the slow path.
 *
 * Context: As kmalloc(): any context with GFP_ATOMIC, process context
 * with GFP_KERNEL.
 */
void *__kmalloc(size_t size, gfp_t gfp)
{
	if (unlikely(size - 1 >= KMALLOC_MAX_CACHE_SIZE))	/* 0 wraps */
		return kmalloc_zero_or_large(size, gfp);
	return kasan_kmalloc(__slab_alloc_fast(kmalloc_size_cache[(size - 1) / KMALLOC_MIN_SIZE],
					       gfp, __GFP_ZERO | __GFP_DMA | GFP_SLAB_BUG_MASK), size);
}
EXPORT_SYMBOL(__kmalloc);

/**
 * kmalloc_trace - kmalloc() from a cache chosen at compile time
 * @s: the kmalloc cache of the size class
 * @gfp: GFP flags
 *
 * Context: As kmalloc().
 */
void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp)
{
	return slab_alloc(s, gfp);
}
EXPORT_SYMBOL(kmalloc_trace);

/* Is @page the first frame of a large kmalloc, and @x its start? */
static inline bool is_large_kmalloc(struct page *page, const void *x)
{
	return !PageSlab(page) && page->page_type == LARGE_KMALLOC_TYPE &&
	       page_address(page) == x;
}

static void kfree_not_slab(struct page *page, const void *x,
				    unsigned long caller)
{
	if (!is_large_kmalloc(page, x)) {
		slab_report_invalid(NULL, x, caller,
				    "not memory from kmalloc (no slab object, no large kmalloc)");
		return;
	}
	kmemleak_free(x);
	page->page_type = 0;
	__free_pages(page, page->private);
}

/* NULL and ZERO_SIZE_PTR are ignored; any other such pointer is reported. */
static void kfree_not_direct_map(const void *x, unsigned long caller)
{
	if (ZERO_OR_NULL_PTR(x))
		return;
	slab_report_invalid(NULL, x, caller,
			    "not a direct-map address (stack, vmalloc or kernel image?)");
}

/*
 * kfree() when its fast path did not do it: not a direct-map address,
 * not a slab, or the slab fast path refused.  One out-of-line call for
 * all, so kfree() itself needs no stack frame.
 */
static noinline void kfree_slow(const void *x, unsigned long caller)
{
	unsigned long pfn = direct_map_pfn(x);
	struct page *page;

	if (pfn >= max_pfn) {
		kfree_not_direct_map(x, caller);
		return;
	}
	page = pfn_to_page(pfn);
	if (!PageSlab(page)) {
		kfree_not_slab(page, x, caller);
		return;
	}
	slab_free_careful(page->slab_cache, (void *)x, caller);
}

/**
 * kfree - free memory from kmalloc and friends
 * @objp: what kmalloc() returned; NULL and ZERO_SIZE_PTR are ignored
 *
 * Anything else (a stack or vmalloc address, a pointer into the middle
 * of an object) is reported as "Invalid object pointer" and not freed.
 *
 * Context: Any context.
 */
void kfree(const void *objp)
{
	unsigned long pfn = direct_map_pfn(objp);
	struct page *page;

	if (likely(pfn < max_pfn)) {
		page = pfn_to_page(pfn);
		if (likely(PageSlab(page)) &&
		    likely(slab_free_fast(page->slab_cache, (void *)objp)))
			return;
	}
	kfree_slow(objp, slab_caller());
}
EXPORT_SYMBOL(kfree);

/**
 * ksize - how many bytes an allocation really has
 * @objp: what kmalloc() returned
 *
 * Return: the size of its class (ksize(kmalloc(65)) is 96), or of its
 * block of frames for a large kmalloc; 0 for NULL or ZERO_SIZE_PTR.
 * Context: Any context.
 */
size_t ksize(const void *objp)
{
	struct page *page;
	size_t size = 0;

	if (ZERO_OR_NULL_PTR(objp) || !in_direct_map(objp) ||
	    !kasan_check_read(objp, 1))		/* KASAN=1: freed memory */
		return 0;
	page = virt_to_page(objp);
	if (PageSlab(page))
		size = page->slab_cache->object_size;
	else if (is_large_kmalloc(page, objp))
		size = PAGE_SIZE << page->private;
	else
		WARN_ON_ONCE(1);
	kasan_unpoison_range(objp, size);	/* the caller may use it all */
	return size;
}
EXPORT_SYMBOL(ksize);

/**
 * kmalloc_size_roundup - the size kmalloc(@size) would really give
 * @size: bytes
 *
 * Return: the class size, or @size rounded to whole frames above 8 KiB.
 * Context: Any context.
 */
size_t kmalloc_size_roundup(size_t size)
{
	if (!size)
		return 0;
	if (size <= KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_class_size(kmalloc_index(size));
	if (size > KMALLOC_MAX_SIZE)
		return size;	/* kmalloc will fail: let it say so */
	return PAGE_SIZE << get_order(size);
}
EXPORT_SYMBOL(kmalloc_size_roundup);

/**
 * krealloc - resize memory from kmalloc
 * @objp: the old memory, or NULL (then this is kmalloc)
 * @new_size: bytes wanted; 0 frees @objp and returns ZERO_SIZE_PTR
 * @gfp: GFP flags for the new memory
 *
 * The contents are kept up to the smaller size.  When the allocation
 * already has room (ksize()), the same pointer comes back.
 *
 * Return: the memory, or NULL with @objp untouched.
 * Context: As kmalloc() with @gfp.
 */
void *krealloc(const void *objp, size_t new_size, gfp_t gfp)
{
	size_t old_size;
	void *ret;

	if (unlikely(!new_size)) {
		kfree(objp);
		return ZERO_SIZE_PTR;
	}
	if (ZERO_OR_NULL_PTR(objp))
		return kmalloc(new_size, gfp);
	old_size = ksize(objp);
	if (new_size <= old_size)
		return kasan_krealloc((void *)objp, new_size);
	ret = kmalloc(new_size, gfp & ~__GFP_ZERO);
	if (!ret)
		return NULL;
	memcpy(ret, objp, old_size);
	if (gfp & __GFP_ZERO)
		memset((char *)ret + old_size, 0, new_size - old_size);
	kfree(objp);
	return ret;
}
EXPORT_SYMBOL(krealloc);

/**
 * kfree_sensitive - zero memory, then kfree() it
 * @objp: what kmalloc() returned (NULL is ignored)
 *
 * For keys and passwords: the bytes do not linger in freed memory.
 * Context: Any context.
 */
void kfree_sensitive(const void *objp)
{
	size_t size = ksize(objp);

	if (size) {
		memset((void *)objp, 0, size);
		barrier();	/* the zeroing must not be optimized away */
	}
	kfree(objp);
}
EXPORT_SYMBOL(kfree_sensitive);

/**
 * kmemdup - copy a buffer into new kmalloc memory
 * @src: the bytes
 * @len: how many
 * @gfp: GFP flags
 *
 * Return: the copy, or NULL.
 * Context: As kmalloc() with @gfp.
 */
void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p && len)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(kmemdup);

/**
 * kstrdup - copy a string into new kmalloc memory
 * @s: the string (NULL gives NULL)
 * @gfp: GFP flags
 *
 * Return: the copy, or NULL.
 * Context: As kmalloc() with @gfp.
 */
char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}
EXPORT_SYMBOL(kstrdup);

/**
 * kstrndup - copy at most @max characters of a string
 * @s: the string (NULL gives NULL)
 * @max: most characters copied
 * @gfp: GFP flags
 *
 * Return: the NUL-terminated copy, or NULL.
 * Context: As kmalloc() with @gfp.
 */
char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}
EXPORT_SYMBOL(kstrndup);

/* ---- reports and counters ------------------------------------------------------------ */

/**
 * slabinfo_show - /proc/slabinfo, version 2.1
 * @s: where the text goes
 *
 * Context: Any context.
 */
void slabinfo_show(struct seq_buf *m)
{
	struct kmem_cache *s;

	seq_buf_printf(m, "slabinfo - version: 2.1\n");
	seq_buf_printf(m, "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n");
	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list) {
		seq_buf_printf(m, "%-17s %6lu %6lu %6u %4u %4d : tunables %4u %4u %4u : slabdata %6lu %6lu %6lu\n",
			       s->name, slab_cache_live(s),
			       s->nr_slabs * s->objects, s->size, s->objects,
			       1 << s->order, 0U, 0U, 0U, s->nr_slabs,
			       s->nr_slabs, 0UL);
	}
	spin_unlock(&slab_caches_lock);
}

void show_slabinfo(void)
{
	static char buf[8192];
	struct seq_buf s;

	seq_buf_init(&s, buf, sizeof(buf));
	slabinfo_show(&s);
	seq_buf_print_lines(&s);
}

unsigned long slab_objects_live(void)
{
	struct kmem_cache *s;
	unsigned long n = 0;

	spin_lock(&slab_caches_lock);
	list_for_each_entry(s, &slab_caches, list)
		if (!(s->flags & SLAB_NOLEAKTRACE))
			n += slab_cache_live(s);
	spin_unlock(&slab_caches_lock);
	return n;
}

unsigned long slab_frames(void)
{
	return nr_slab_pages;
}

unsigned long slab_alloc_seq_now(void)
{
	return slab_alloc_seq;
}

/*
 * Under slab_caches_lock, and each cache's list_lock (slab_list_objects()),
 * interrupts off: the slabs' freelists change under a task preempted by
 * the timer (see mm/slub.c, Locking).
 */
void slab_report_live_since(unsigned long seq, const char *title)
{
	struct kmem_cache *s;
	unsigned long flags;

	spin_lock_irqsave(&slab_caches_lock, flags);
	list_for_each_entry(s, &slab_caches, list) {
		if (!(s->flags & SLAB_STORE_USER) || (s->flags & SLAB_NOLEAKTRACE))
			continue;
		slab_list_objects(s, seq + 1, title);
	}
	spin_unlock_irqrestore(&slab_caches_lock, flags);
}

/**
 * kmem_cache_init - create the cache of caches and the kmalloc caches
 *
 * Context: Boot, after mem_init() and after boot parameters (slab_debug=).
 */
void __init kmem_cache_init(void)
{
	unsigned int type, i;

	INIT_LIST_HEAD(&slab_caches);
	if (init_cache(&kmem_cache_boot, "kmem_cache", sizeof(struct kmem_cache),
		       0, SLAB_HWCACHE_ALIGN, NULL))
		panic("Cannot create the kmem_cache cache");

	for (type = 0; type < NR_KMALLOC_TYPES; type++) {
		for (i = 1; i < KMALLOC_CACHES; i++) {
			kmalloc_caches[i][type] =
				kmem_cache_create(kmalloc_info[i].name[type],
						  kmalloc_info[i].size, 0,
						  SLAB_PANIC | (type == KMALLOC_DMA ?
								SLAB_CACHE_DMA : 0),
						  NULL);
		}
	}
	for (i = 1; i < KMALLOC_CACHES; i++)
		kmalloc_caches[i][KMALLOC_NORMAL]->dma_twin =
			kmalloc_caches[i][KMALLOC_DMA];
	for (i = 0; i < ARRAY_SIZE(kmalloc_size_cache); i++)
		kmalloc_size_cache[i] = kmalloc_caches[kmalloc_runtime_index(
			(i + 1) * KMALLOC_MIN_SIZE)][KMALLOC_NORMAL];
	slab_debug_check_cache_name();
	register_reclaim_hook(kmem_cache_shrink_all);
	pr_info("SLUB: %u kmalloc size classes (%u .. %lu bytes), HWalign=%d, debug flags %#x%s%s\n",
		KMALLOC_NR_CLASSES, KMALLOC_MIN_SIZE, KMALLOC_MAX_CACHE_SIZE,
		L1_CACHE_BYTES, slab_debug_flags,
		slab_debug_cache ? " for " : "", slab_debug_cache ?: "");
}
