/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/slab.h - the slab allocator's insides, shared by mm/slub.c,
 * mm/slub_debug.c and mm/slab_common.c (not for the rest of the kernel).
 *
 * A slab is a block of 2^order frames cut into equal slots.  Its
 * bookkeeping lives in the struct page of its frames:
 *
 *   head frame:  PG_slab, PG_head, PG_frozen while it is some CPU's
 *                active slab (off every list)
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
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/percpu.h>
#include <linux/spinlock.h>
#include <linux/stackdepot.h>
#include <asm/restart.h>

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
	depot_stack_handle_t handle;	/* the whole stack (0: not stored) */
};

enum track_item { TRACK_ALLOC, TRACK_FREE };

/*
 * The per-CPU object cache of a kmem_cache: a stack of free objects of
 * the cache, from any of its slabs ("sheaf" in Linux's newest SLUB,
 * "magazine" in Bonwick's slab allocator, "array cache" in Linux's old
 * SLAB).  kmalloc/kfree pairs and batches run on it alone: a pop and a
 * push.  It sits in front of the active slab: an allocation takes from
 * it first, then from the cpu freelist; a free goes to it whatever slab
 * the object is in, and when it is full its older half goes back to the
 * slabs (sheaf_flush() in mm/slub.c).  Debug caches have capacity 0:
 * their every operation takes the slow path.
 *
 * The objects in it are free but still counted as taken (nr_taken);
 * slab_cache_live() gives them back to their slabs before it counts, so
 * a duplicate (the same object freed twice, not in a row) turns into the
 * freelist loop the bounded walks report.
 *
 * One per CPU, in struct kmem_cache_cpu: only its CPU touches it (the
 * fast paths find it through the per-CPU variable slab_cpu_off; other
 * CPUs ask the owner by IPI to give it back: flush_all_cpus()).
 */
#define SLAB_SHEAF_MAX		120	/* most objects a sheaf holds (SLAB's limit) */
#define SLAB_NR_CPUS		NR_CPUS

struct slab_sheaf {
	unsigned long nr;		/* objects held: objects[0 .. nr - 1] */
	unsigned long capacity;		/* 0 .. SLAB_SHEAF_MAX; 0: not used */
	void *guard;			/* objects[-1], always NULL: see slab_free_fast() */
	void *objects[SLAB_SHEAF_MAX];
};

/*
 * What a cache keeps per CPU (Linux's struct kmem_cache_cpu): the sheaf,
 * then the active slab and its free objects.  Only its CPU reads or
 * writes it, with interrupts off (the sheaf also in restartable regions).
 */
struct kmem_cache_cpu {
	struct slab_sheaf sheaf;	/* first: see SHEAF_OFF() */
	void *freelist;			/* next free object of the active slab */
	struct page *slab;		/* the active slab (PG_frozen, on no list) */
};

/*
 * This CPU's byte offset into a cache's cpu[] array: cpu * sizeof(struct
 * kmem_cache_cpu), set when the CPU is brought up (slab_prepare_cpu()).
 * A per-CPU variable, so a fast path finds its CPU's sheaf with one
 * %gs-relative load inside its restartable region.
 */
DECLARE_PER_CPU(unsigned long, slab_cpu_off);

struct kmem_cache {
	/* The fast paths read only this and this CPU's sheaf (cpu[]). */
	unsigned long free_check_mask;	/* see slab_free_fast() */

	unsigned long size_inv;		/* see slab_slot_of() */
	unsigned int size_shift;	/* see slab_slot_of() */
	unsigned int offset;		/* free pointer offset in the object */
	struct kmem_cache *dma_twin;	/* kmalloc-N: dma-kmalloc-N (see slab_alloc_slow()) */

	/*
	 * Under list_lock: the lists, their counts, nr_taken, and the
	 * bookkeeping of every slab that is not some CPU's active one.
	 */
	spinlock_t list_lock;
	/*
	 * Objects off their slab's own freelist: the allocated ones, plus
	 * those on the cpu freelists (a slab's free objects all count as
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

	struct kmem_cache_cpu cpu[SLAB_NR_CPUS];	/* cpu[N]: CPU N's alone */
};

/* This CPU's part of @s.  Context: interrupts off. */
static __always_inline struct kmem_cache_cpu *this_cpu_slab(struct kmem_cache *s)
{
	return &s->cpu[raw_smp_processor_id()];
}

/* This CPU's sheaf of @s.  Context: interrupts off. */
static __always_inline struct slab_sheaf *this_cpu_sheaf(struct kmem_cache *s)
{
	return &this_cpu_slab(s)->sheaf;
}

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

/*
 * slab_slot_of - the slot that starts @off bytes into a slab (the free
 * fast path passes the offset into the active slab); for an @off that is
 * not a whole number of slots, a number above ULONG_MAX / s->size (so
 * never a slot number).
 *
 * s->size is odd * 2^size_shift and size_inv is the inverse of the odd
 * factor modulo 2^64.  When @off is k slots, @off * size_inv is exactly
 * k << size_shift, and rotating it right by size_shift gives k back.
 * Any other @off leaves set bits that the rotation carries to the top
 * (Granlund and Montgomery's test for divisibility by a constant).  So
 * one multiply, one rotate and one compare with the slot count check
 * both "in the active slab" and "at the start of an object": the free
 * fast path refuses a pointer into the middle of an object this way.
 */
static __always_inline unsigned long slab_slot_of(const struct kmem_cache *s,
						  unsigned long off)
{
	unsigned long q = off * s->size_inv;
	unsigned int k = s->size_shift;

	return (q >> k) | (q << (-k & 63));
}

/* Is @x the start of an object in one of @slab's slots? */
static inline bool slab_valid_object(const struct kmem_cache *s,
				     const struct page *slab, const void *x)
{
	unsigned long off = (unsigned long)x - (unsigned long)slab_base(slab) -
			    s->red_left_pad;

	return slab_slot_of(s, off) < s->objects;
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
	return s->flags & (SLAB_DEBUG_FLAGS | SLAB_KASAN);	/* KASAN=1: all */
}

/* mm/slub.c */
void *__slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		   unsigned long irqflags);
void __slab_free(struct kmem_cache *s, struct page *slab, void *x,
		 unsigned long caller);
int __kmem_cache_create(struct kmem_cache *s);
void __kmem_cache_release(struct kmem_cache *s);
void flush_cpu_slab(struct kmem_cache *s);
void flush_all_cpus(struct kmem_cache *s);
void sheaf_flush(struct kmem_cache *s, unsigned int nr, unsigned long caller);
unsigned long __kmem_cache_shrink(struct kmem_cache *s);
unsigned long slab_cache_live(struct kmem_cache *s);
bool slab_list_walk_ok(struct kmem_cache *s, unsigned long *walked,
		       unsigned long nr_slabs);

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
 * slab_caller - the caller that debug caches record and reports name:
 * the return address of the function slab_alloc() or slab_free() is
 * inlined into (always inlined: kmalloc(), kfree() ...), which is
 * what __builtin_return_address(0) gives there.  Read only on the slow
 * path, after a compiler barrier: read as an argument, the compiler
 * loads it on the fast path too, where it costs an instruction per
 * call for nothing.
 */
#define slab_caller()	({ barrier(); _RET_IP_; })

/*
 * The fast paths change this CPU's sheaf in restartable regions
 * (<asm/restart.h>): an interrupt that comes in the middle sends the
 * region back to its start, so they need not turn interrupts off.
 */
#define SHEAF_OFF(field)	(offsetof(struct kmem_cache, cpu[0]) + \
				 offsetof(struct slab_sheaf, field))

/*
 * slab_alloc - the allocation fast path, inlined into kmem_cache_alloc()
 * and kmalloc(): pop this CPU's sheaf.  Three tests send everything else
 * to slab_alloc_slow():
 *
 *   - interrupts are off: GFP_ATOMIC there is served by the slow path,
 *     GFP_KERNEL is reported there (the sleeping rule's irq half);
 *   - the gfp bits of @slow_gfp: __GFP_ZERO, and for __kmalloc()
 *     __GFP_DMA;
 *   - preempt_count() and slab_slow_path, ORed into one word: the
 *     sleeping rule's other half (any atomic context) and the debug
 *     hooks;
 *
 * and the pop itself, when the sheaf is empty (always so for debug
 * caches).  The slow path is entered with interrupts off, as it always
 * was.
 */
static __always_inline void *__slab_alloc_fast(struct kmem_cache *s, gfp_t gfp,
					       gfp_t slow_gfp)
{
	unsigned long flags = arch_local_save_flags();
	void *object;

	if (unlikely(irqs_disabled_flags(flags)))
		goto slow;
	if (unlikely(gfp & slow_gfp))
		goto slow;
	if (unlikely((unsigned int)preempt_count() | slab_slow_path))
		goto slow;
	restartable_stack_pop(s, slab_cpu_off, SHEAF_OFF(nr), SHEAF_OFF(objects),
			      object, slow);
	return object;
slow:
	local_irq_save(flags);
	return slab_alloc_slow(s, gfp, slab_caller(), flags);
}

static __always_inline void *slab_alloc(struct kmem_cache *s, gfp_t gfp)
{
	return __slab_alloc_fast(s, gfp, __GFP_ZERO | GFP_SLAB_BUG_MASK);
}

/*
 * slab_free_fast - the free fast path: push @x on this CPU's sheaf, or
 * return false for slab_free_careful().  @x must already be known to lie
 * in a slab frame of @s.
 *
 * Two checks make the fast path safe against the commonest misuse
 * (Linux's hardened freelist does the second one too): @x must be the
 * start of a slot, and it must not be the object on top of the sheaf,
 * which is what freeing the same object twice in a row looks like.
 * Either failure goes to the slow path, which reports it.
 *
 * The first is one test: slabs are blocks of the page allocator, aligned
 * to their size, so in a cache whose slot is a power of two that fills
 * its slab exactly, an address is the start of a slot when its low bits
 * are clear: free_check_mask is size - 1.  Other caches have ~0 there:
 * their frees take the slow path, which checks with slab_slot_of().
 * The second reads objects[nr - 1], the guard (NULL) when the sheaf is
 * empty.  A full sheaf and slab_slow_path go to the slow path too.
 */
static __always_inline bool slab_free_fast(struct kmem_cache *s, void *x)
{
	if (unlikely(((unsigned long)x & s->free_check_mask) | slab_slow_path))
		return false;
	restartable_stack_push(s, slab_cpu_off, SHEAF_OFF(nr), SHEAF_OFF(capacity),
			       SHEAF_OFF(objects), x, refused);
	return true;
refused:
	return false;
}

/*
 * The entry to slab_free_slow() of a caller whose fast path failed:
 * interrupts as the caller has them.  One out-of-line call for every
 * failure keeps the fast paths free of stack frames.
 */
void slab_free_careful(struct kmem_cache *s, void *x, unsigned long caller);

static __always_inline void slab_free(struct kmem_cache *s, void *x)
{
	if (unlikely(!slab_free_fast(s, x)))
		slab_free_careful(s, x, slab_caller());
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
void slab_list_objects(struct kmem_cache *s, unsigned long min_seq,
		       const char *title);
void report_objects_remaining(struct kmem_cache *s, unsigned long caller);
void slab_debug_check_cache_name(void);
void slab_report_double_free(struct kmem_cache *s, struct page *slab, void *x,
			     unsigned long caller, const char *file, int line);
void slab_report_freechain(struct kmem_cache *s, struct page *slab, void *head,
			   void *bad, unsigned int nr_good);
void slab_report_list_corrupt(struct kmem_cache *s);
void slab_out_of_memory(struct kmem_cache *s, gfp_t gfp);
int slab_debug_parse(const char *val, slab_flags_t *flags, char *cache,
		     size_t cache_len);
bool slab_object_is_free(struct kmem_cache *s, struct page *slab, void *object);

#endif /* _MM_SLAB_H */
