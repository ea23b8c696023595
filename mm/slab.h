/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/slab.h - the slab allocator's insides, shared by mm/slub.c,
 * mm/slub_debug.c and mm/slab_common.c (not for the rest of the kernel).
 *
 * A slab is a block of 2^order frames cut into equal slots.  Its
 * bookkeeping lives in the struct page of its frames:
 *
 *   head frame:  PG_slab (+PG_head if order > 0)
 *                private = freelist index << 16 | objects in use
 *                lru     = link in the cache's partial or full list
 *                slab_cache = the cache
 *   tail frames: PG_slab, private = distance to the head frame,
 *                slab_cache = the cache
 *
 * A free object holds, at s->offset, a pointer to the next free object
 * of its slab (the free pointer); the slab's head frame remembers the
 * index of the first one (SLAB_FREELIST_NONE when none is free).
 *
 * One slot, with every debug option on (SLAB_RED_ZONE, SLAB_POISON,
 * SLAB_STORE_USER):
 *
 *   | left red zone | object (object_size) | right red zone | free ptr | alloc track | free track |
 *   ^slot           ^object                ^object_size     ^inuse (= s->offset)
 *   <-------------------------------- s->size ------------------------------------------------->
 *
 * Without debug options and without a constructor the free pointer lives
 * inside the free object (offset 0) and a slot is just the object,
 * rounded up to its alignment.
 */
#ifndef _MM_SLAB_H
#define _MM_SLAB_H

#include <linux/fault-inject.h>
#include <linux/irqflags.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/mm.h>
#include <linux/slab.h>

#define SLAB_FREELIST_NONE	0xffffU
#define SLAB_MAX_ORDER		3
#define SLAB_MIN_OBJECTS	8
#define SLAB_MIN_PARTIAL	2	/* empty slabs a cache keeps for reuse */
#define LARGE_KMALLOC_TYPE	0x4b4d4c47U	/* page_type of a large kmalloc */

/* Who allocated or freed an object (SLAB_STORE_USER). */
struct track {
	unsigned long addr;	/* the caller */
	unsigned long seq;	/* allocation sequence number, for leak checks */
	unsigned long when_ms;	/* milliseconds since boot */
	int pid;
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

struct kmem_cache {
	/* The fast path reads only these. */
	void *cpu_freelist;		/* next free object of the active slab */
	unsigned long cpu_base;		/* active slab's first byte (0: none) */
	unsigned long cpu_bytes;	/* its size (0 for debug caches) */
	unsigned int offset;		/* free pointer offset in the object */

	struct page *cpu_slab;		/* the active slab (not on a list) */
	/*
	 * Objects off their slab's own freelist: the allocated ones, plus
	 * those on the cpu freelist (a slab's free objects all count as
	 * taken when it becomes active, and are given back when it is
	 * flushed), so the fast paths need not count.  Live objects:
	 * slab_cache_live().
	 */
	long nr_taken;
	unsigned int object_size;	/* what the creator asked for */
	unsigned int size;		/* slot size: object + metadata */
	unsigned int inuse;		/* object_size + right red zone */
	unsigned int red_left_pad;	/* left red zone bytes */
	unsigned int align;
	unsigned int order;		/* slab size: 2^order frames */
	unsigned int objects;		/* slots per slab */
	slab_flags_t flags;
	gfp_t allocflags;		/* GFP_DMA for SLAB_CACHE_DMA */
	void (*ctor)(void *object);
	const char *name;

	struct list_head list;		/* in slab_caches */
	struct list_head partial;	/* slabs with some free objects */
	struct list_head full;		/* slabs with none */
	unsigned long nr_partial;
	unsigned long nr_slabs;
	int refcount;			/* 0 while destroy is refused */
};

extern struct list_head slab_caches;
extern unsigned long nr_slab_pages;	/* frames owned by slabs, all caches */
extern unsigned long slab_alloc_seq;	/* objects allocated since boot */
extern slab_flags_t slab_debug_flags;	/* from slab_debug= */
extern const char *slab_debug_cache;	/* NULL: every cache */

static inline void *slab_base(const struct page *slab)
{
	return page_address(slab);
}

static inline unsigned int slab_inuse(const struct page *slab)
{
	return slab->private & 0xffff;
}

static inline unsigned int slab_free_idx(const struct page *slab)
{
	return slab->private >> 16;
}

static inline void slab_set(struct page *slab, unsigned int free_idx,
			    unsigned int inuse)
{
	slab->private = (free_idx << 16) | inuse;
}

/* The object in slot @idx of @slab. */
static inline void *slab_object(const struct kmem_cache *s,
				const struct page *slab, unsigned int idx)
{
	return (char *)slab_base(slab) + (size_t)idx * s->size + s->red_left_pad;
}

static inline unsigned int slab_obj_index(const struct kmem_cache *s,
					  const struct page *slab, const void *x)
{
	return ((const char *)x - (const char *)slab_base(slab)) / s->size;
}

static inline void *get_freepointer(const struct kmem_cache *s, void *object)
{
	return *(void **)((char *)object + s->offset);
}

static inline void set_freepointer(const struct kmem_cache *s, void *object,
				   void *fp)
{
	*(void **)((char *)object + s->offset) = fp;
}

/* The head frame of the slab holding the frame @page. */
static inline struct page *slab_head(struct page *page)
{
	return PageHead(page) ? page : page - page->private;
}

/* Is @x a direct-map address with a struct page? */
static inline bool in_direct_map(const void *x)
{
	unsigned long a = (unsigned long)x;

	return a >= PAGE_OFFSET && a - PAGE_OFFSET < (max_pfn << PAGE_SHIFT);
}

/*
 * The frame number of @x if it is a direct-map address; for any other
 * address (NULL and ZERO_SIZE_PTR included) a number >= max_pfn.  So
 * "pfn < max_pfn" is in_direct_map(), and pfn_to_page(pfn) is then
 * virt_to_page(): one subtraction, one shift, one compare on the free
 * fast paths.
 */
static __always_inline unsigned long direct_map_pfn(const void *x)
{
	return ((unsigned long)x - PAGE_OFFSET) >> PAGE_SHIFT;
}

static inline bool kmem_cache_debug(const struct kmem_cache *s)
{
	return s->flags & SLAB_DEBUG_FLAGS;
}

/* mm/slub.c */
void *__slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		   unsigned long irqflags);
void __slab_free(struct kmem_cache *s, struct page *slab, void *x,
		 unsigned long caller);
int __kmem_cache_create(struct kmem_cache *s);
void __kmem_cache_release(struct kmem_cache *s);
void flush_cpu_slab(struct kmem_cache *s);
unsigned long __kmem_cache_shrink(struct kmem_cache *s);
unsigned long slab_cache_live(struct kmem_cache *s);

/*
 * The rest of slab_alloc() and slab_free() (mm/slub.c): entered with
 * interrupts off, @irqflags as the caller had them; they restore them.
 * Leaving the whole remainder to one out-of-line call keeps the fast
 * paths leaf code: no registers to save, and the slow path is a jump.
 */
void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		      unsigned long irqflags);
void slab_free_slow(struct kmem_cache *s, void *x, unsigned long caller,
		    unsigned long irqflags);

/*
 * slab_alloc - the allocation fast path, inlined into kmem_cache_alloc()
 * and kmalloc(): pop the cpu freelist.  An empty cpu freelist (and so
 * every debug cache) and __GFP_ZERO go to slab_alloc_slow().  @caller is
 * recorded by debug caches.
 */
static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp,
					unsigned long caller)
{
	unsigned long flags;
	void *object;

	local_irq_save(flags);
	object = s->cpu_freelist;
	if (unlikely(!object || (gfp & __GFP_ZERO) || fault_injection_active ||
		     alloc_in_atomic(gfp, flags)))
		return slab_alloc_slow(s, gfp, caller, flags);
	s->cpu_freelist = get_freepointer(s, object);
	local_irq_restore(flags);
	return object;
}

/*
 * slab_free - the free fast path: an object of the active slab goes back
 * on the cpu freelist; anything else is slab_free_slow().  @x must
 * already be known to lie in a slab frame of @s.
 */
static __always_inline void slab_free(struct kmem_cache *s, void *x,
				      unsigned long caller)
{
	unsigned long flags;

	local_irq_save(flags);
	if (unlikely((unsigned long)x - s->cpu_base >= s->cpu_bytes)) {
		slab_free_slow(s, x, caller, flags);
		return;
	}
	set_freepointer(s, x, s->cpu_freelist);
	s->cpu_freelist = x;
	local_irq_restore(flags);
}

/* mm/slub_debug.c: called only for caches with debug flags */
slab_flags_t slab_debug_flags_for(const char *name, slab_flags_t flags);
void setup_object_debug(struct kmem_cache *s, void *object);
void setup_slab_debug(struct kmem_cache *s, struct page *slab);
bool alloc_debug_processing(struct kmem_cache *s, struct page *slab,
			    void *object, unsigned long caller);
bool free_debug_processing(struct kmem_cache *s, struct page *slab,
			   void *object, unsigned long caller);
void check_free_objects(struct kmem_cache *s, struct page *slab);
struct track *get_track(struct kmem_cache *s, void *object, enum track_item t);
void slab_report_invalid(struct kmem_cache *s, const void *x,
			 unsigned long caller, const char *why);
void list_slab_objects(struct kmem_cache *s, struct page *slab,
		       unsigned long min_seq, const char *title);
void report_objects_remaining(struct kmem_cache *s, unsigned long caller);
bool slab_object_is_free(struct kmem_cache *s, struct page *slab, void *object);

#endif /* _MM_SLAB_H */
