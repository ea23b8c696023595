// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slub.c - slab caches, SLUB style.
 *
 * A cache hands out objects of one size.  It gets memory from the page
 * allocator a slab at a time (2^order frames cut into slots) and keeps
 * three kinds of slab, with a per-CPU stack of free objects in front:
 *
 *   the sheaf         this CPU's stack of free objects, from any slab
 *                     (struct slab_sheaf in mm/slab.h): kmalloc/kfree
 *                     pairs and batches run on it alone;
 *   the active slab   this CPU's: its free objects sit on this CPU's
 *                     freelist, a plain linked list through the free
 *                     objects;
 *   partial slabs     some objects free (on the slab's own freelist);
 *   full slabs        no object free.
 *
 * The fast paths touch only the sheaf:
 *
 *   alloc:  if nr: object = objects[--nr];
 *   free:   if the object is the start of a slot, not the object on top
 *           (freed twice), and the sheaf is not full:
 *               objects[nr++] = object;
 *
 * each a restartable region (<asm/restart.h>): an interrupt in the
 * middle sends it back to its start, so it needs no cli/sti.  Before the
 * pop, the allocation makes the tests every allocation owes: interrupts
 * off or preempt_count() (the sleeping rule, reported on the slow path
 * for GFP_KERNEL), __GFP_ZERO, and slab_slow_path, the one word that
 * sends everything to the slow paths while a debug hook (fault
 * injection today) wants to see it.  A cache with debug flags (poison,
 * red zones, call sites, consistency checks) has a sheaf of capacity 0,
 * so its every operation takes the slow path, where mm/slub_debug.c does
 * its checks.  So has every cache kmemleak tracks while it is on (boot
 * parameter kmemleak=): its hooks are in the slow paths too.  The hardening checks of the free (see slab_free_fast() in
 * mm/slab.h) refuse a pointer into the middle of an object and the
 * naive double free even without slab_debug=, as Linux's
 * CONFIG_SLAB_FREELIST_HARDENED refuses the second.
 *
 * Behind the sheaf, the slow path of an allocation pops the cpu
 * freelist; the slow path of a free pushes on the sheaf and, when it is
 * full, gives its older half back to the slabs (sheaf_flush()): onto
 * the cpu freelist for the active slab, __slab_free() for the others.
 * Counting live objects (slabinfo, leak checks), shrinking and destroying
 * a cache give the whole sheaf back first, on every CPU.
 *
 * Many CPUs.  Each CPU has its own part of every cache (struct
 * kmem_cache_cpu, s->cpu[N]): its sheaf, its active slab and that slab's
 * freelist.  The lists are shared:
 *
 *	         s->cpu[0]              s->cpu[1]              s->cpu[2]
 *	  sheaf  [o o o o o]            [o o]                  [ ]
 *	  slab   A (frozen)             B (frozen)             -
 *	  freelist  o->o->o             o->o                   -
 *	                    \              |
 *	          s->list_lock: partial C <-> D    full E <-> F   nr_taken
 *
 * An object freed on another CPU than the one it came from goes on the
 * freeing CPU's sheaf like any other (a sheaf takes objects of any
 * slab).  When it reaches its slab (sheaf_flush(), or a debug cache's
 * free), the slab may be some other CPU's active one: such a slab is
 * "frozen" (PG_frozen), on no list, and the object joins the slab's own
 * freelist under list_lock, where the owner finds it when it retires
 * the slab (flush_cpu_slab() joins the two chains).  The owner's cpu
 * freelist is never touched by another CPU.  To gather every CPU's part
 * (slab_cache_live(), shrinking, destroy), each CPU is asked by IPI to
 * give its own back (flush_all_cpus()): in the middle of a restartable
 * region a CPU can only be restarted by its own interrupt, so no other
 * CPU may write its sheaf.
 *
 * The slow path of an allocation: the active slab is exhausted, so it is
 * put on the full list and the first partial slab (or a new one from the
 * page allocator) becomes active, its whole freelist moving to
 * cpu_freelist.  The slow path of a free: the object goes on its own
 * slab's freelist, and the slab moves from full to partial, or, once
 * empty, back to the page allocator (a few empty slabs are kept).
 *
 * The slab bookkeeping lives in struct page (see mm/slab.h).
 *
 * Locking.  Who protects what:
 *
 *   - s->cpu[N] (sheaf, freelist, slab) belongs to CPU N.  Its sheaf's
 *     count and slots are changed by the fast paths in restartable
 *     regions with interrupts as the caller has them (the region finds
 *     its CPU's sheaf through %gs, inside the region, so a restart finds
 *     the right one), and by everything else on CPU N with interrupts
 *     off (so never in the middle of a region: a region interrupted is
 *     restarted before anything else runs).  Other CPUs ask CPU N by
 *     IPI (on_each_cpu()); the callback runs there with interrupts off.
 *     Linux keeps this part under the per-CPU local_lock.
 *   - s->list_lock (a spinlock, interrupts off) protects the partial
 *     and full lists, nr_partial, nr_slabs, nr_taken, and the
 *     bookkeeping of every slab (page->private, lru, PG_frozen, the free
 *     pointers of the objects on a slab's own freelist), frozen ones
 *     included.  Linux's node list_lock.
 *   - slab_caches and slab_caches_lock: mm/slab_common.c.  nr_slab_pages
 *     is changed atomically; slab_alloc_seq is a statistic.
 *   - Nothing that may sleep runs with interrupts off or a lock held.
 *     grow_cache() turns interrupts back on (to the caller's state)
 *     around new_slab(), which calls the page allocator and may wait for
 *     memory.  Meanwhile another task may run the slow path of the same
 *     cache and refill this CPU's freelist, or another CPU take the new
 *     slab: so the new slab goes on the partial list under list_lock,
 *     and __slab_alloc() looks at everything again (Linux re-checks
 *     c->slab the same way).
 *   - A slab's struct page fields are not touched without list_lock
 *     except by new_slab() on a slab nobody else can see yet.
 *
 * Lock order, outermost first: slab_caches_lock > s->list_lock > the
 * page allocator's zone->lock (taken inside by discard_slab(); new_slab()
 * calls the page allocator with no slab lock held).  The slab paths
 * nest inside a caller's interrupts-off region and then never turn
 * interrupts on: only GFP_ATOMIC / GFP_NOWAIT may be used there.  No
 * IPI is sent with list_lock held (the CPU asked could be spinning on
 * it with interrupts off), nor with interrupts off: flush_all_cpus()
 * then flushes this CPU only.  The page allocator never calls back into
 * the slab allocator.
 *
 * Corruption.  Every walk of a freelist is bounded by the slab's slot
 * count and checks each pointer before following it; a walk that finds
 * a loop or a pointer that is no slot reports "Freechain corrupt" and
 * drops the rest of the chain (its objects are leaked on purpose, as
 * Linux isolates a corrupted freechain).  Walks of the slab lists are
 * bounded by nr_slabs.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kasan.h>
#include <linux/kmemleak.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "slab.h"

LIST_HEAD(slab_caches);
unsigned long slab_slow_path;
EXPORT_SYMBOL(slab_slow_path);
unsigned long nr_slab_pages;
unsigned long slab_alloc_seq;
DEFINE_PER_CPU(unsigned long, slab_cpu_off);	/* CPU 0: 0 */

/* ---- slabs ---------------------------------------------------------------- */

/*
 * Get 2^order frames and cut them into a chain of free objects.  Called
 * with interrupts as the allocating caller had them (it may sleep) and
 * no lock held: the slab is private until grow_cache() puts it on the
 * partial list under list_lock.
 */
static struct page *new_slab(struct kmem_cache *s, gfp_t gfp)
{
	unsigned int i, nr_frames = 1U << s->order;
	struct page *slab;
	void *prev = NULL;

	/* no __GFP_NOWARN of our own: a failure says so, as in Linux */
	slab = alloc_pages((gfp & ~__GFP_ZERO) | s->allocflags, s->order);
	if (!slab) {
		if (!(gfp & __GFP_NOWARN))
			slab_out_of_memory(s, gfp);
		return NULL;
	}

	for (i = 0; i < nr_frames; i++) {
		__SetPageSlab(slab + i);
		slab[i].slab_cache = s;
		if (i)
			slab[i].private = i;
	}
	__SetPageHead(slab);	/* even for one frame: slab_head() relies on it */
	/* a buddy block is aligned to its size: slab_free_fast()'s check relies on it */
	WARN_ON_ONCE((unsigned long)slab_base(slab) & ((PAGE_SIZE << s->order) - 1));
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
	kasan_poison_slab(s, slab);
	slab_set(slab, 0, 0);
	return slab;
}

/*
 * Give an empty slab, off every list, back to the page allocator.
 * list_lock is held (the page allocator's zone lock nests inside it).
 */
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
	__atomic_sub_fetch(&nr_slab_pages, nr_frames, __ATOMIC_RELAXED);
	__free_pages(slab, s->order);
}

/*
 * The number of free objects on the chain that starts at @head, all of
 * which must be slots of @slab; there can be at most s->objects of them.
 * A chain that leaves the slots (a stray write into a free object) or
 * is longer (a loop: an object freed twice) is reported, and -1 is
 * returned: the caller drops the chain.  Irqs are off.
 */
static int freechain_count(struct kmem_cache *s, struct page *slab, void *head)
{
	unsigned int n = 0;
	void *p;

	for (p = head; p; p = get_freepointer(s, p)) {
		if (n == s->objects || !slab_valid_object(s, slab, p)) {
			slab_report_freechain(s, slab, head, p, n);
			return -1;
		}
		n++;
	}
	return n;
}

/* Put @slab, off every list, on the list its counts say.  list_lock held. */
static void put_slab_on_list(struct kmem_cache *s, struct page *slab)
{
	if (slab_free_idx(slab) != SLAB_FREELIST_NONE) {
		list_add(&slab->lru, &s->partial);
		s->nr_partial++;
	} else {
		list_add(&slab->lru, &s->full);
	}
}

/*
 * Put this CPU's active slab back on a list.  Its free objects are the
 * cpu freelist plus, on the slab's own freelist, those other CPUs freed
 * into it meanwhile (see __slab_free()): the two chains are joined.  A
 * corrupted cpu freelist is dropped: its objects stay counted as taken.
 * Interrupts are off; takes list_lock.
 */
void flush_cpu_slab(struct kmem_cache *s)
{
	struct kmem_cache_cpu *c = this_cpu_slab(s);
	struct page *slab = c->slab;
	void *tail = NULL, *p;
	int nr_free;

	if (!slab)
		return;
	nr_free = freechain_count(s, slab, c->freelist);
	if (nr_free < 0) {
		nr_free = 0;		/* leaked on purpose: still counted as taken */
		c->freelist = NULL;
	}
	for (p = c->freelist; p; p = get_freepointer(s, p))
		tail = p;		/* a bounded walk: counted above */

	spin_lock(&s->list_lock);
	if (tail) {
		unsigned int idx = slab_free_idx(slab);

		set_freepointer(s, tail, idx == SLAB_FREELIST_NONE ? NULL :
				slab_object(s, slab, idx));
		slab_set(slab, slab_obj_index(s, slab, c->freelist),
			 slab_inuse(slab) - nr_free);
	}
	s->nr_taken -= nr_free;
	__ClearPageFrozen(slab);
	put_slab_on_list(s, slab);
	spin_unlock(&s->list_lock);
	c->slab = NULL;
	c->freelist = NULL;
}

/*
 * sheaf_flush - give the @nr oldest objects of this CPU's sheaf back to
 * their slabs: onto the cpu freelist for this CPU's active slab, through
 * __slab_free() for the others (another CPU's active slab included).
 * The rest move down.  @caller is what a report names.  Interrupts are
 * off; takes list_lock.
 */
void sheaf_flush(struct kmem_cache *s, unsigned int nr, unsigned long caller)
{
	struct kmem_cache_cpu *c = this_cpu_slab(s);
	struct slab_sheaf *sheaf = &c->sheaf;
	unsigned int i;

	nr = min(nr, sheaf->nr);
	if (!nr)
		return;
	spin_lock(&s->list_lock);
	for (i = 0; i < nr; i++) {
		void *x = sheaf->objects[i];
		struct page *slab = slab_head(virt_to_page(x));

		if (slab == c->slab) {
			set_freepointer(s, x, c->freelist);
			c->freelist = x;
		} else {
			__slab_free(s, slab, x, caller);
		}
	}
	spin_unlock(&s->list_lock);
	sheaf->nr -= nr;
	memmove(sheaf->objects, sheaf->objects + nr, sheaf->nr * sizeof(void *));
}

/* on_each_cpu() callback: give this CPU's sheaf and active slab back. */
static void flush_cpu_ipi(void *info)
{
	struct kmem_cache *s = info;

	sheaf_flush(s, SLAB_SHEAF_MAX, _RET_IP_);
	flush_cpu_slab(s);
}

/* May this context ask the other CPUs by IPI (and wait for them)? */
static bool can_ask_other_cpus(void)
{
	return num_online_cpus() > 1 && !irqs_disabled() && !in_hardirq();
}

/**
 * flush_all_cpus - every CPU gives @s's sheaf and active slab back
 * @s: the cache
 *
 * Each CPU's part of a cache is its own (a CPU in the middle of a
 * restartable region on it could not be restarted from another), so
 * each is asked by IPI to flush its own, and this waits for all.  With
 * interrupts off (or in a hard interrupt) only this CPU's part is
 * flushed: the others keep theirs, still counted as taken.
 *
 * Context: Any context; all CPUs only with interrupts on.
 */
void flush_all_cpus(struct kmem_cache *s)
{
	unsigned long flags;

	if (can_ask_other_cpus()) {
		on_each_cpu(flush_cpu_ipi, s, 1);
		return;
	}
	local_irq_save(flags);
	flush_cpu_ipi(s);
	local_irq_restore(flags);
}

/* ---- allocation ------------------------------------------------------------- */

/*
 * A new slab for @s, put on the partial list (counted there, under
 * list_lock), or false when the page allocator has none.  Getting it may
 * wait for memory, so interrupts go back to the state the caller had
 * (@irqflags) meanwhile: the caller must look again at everything,
 * another task (or CPU) may have taken the slab first.
 */
static bool grow_cache(struct kmem_cache *s, gfp_t gfp, unsigned long irqflags)
{
	struct page *slab;

	local_irq_restore(irqflags);
	slab = new_slab(s, gfp);
	local_irq_disable();
	if (!slab)
		return false;
	spin_lock(&s->list_lock);
	s->nr_slabs++;
	__atomic_add_fetch(&nr_slab_pages, 1UL << s->order, __ATOMIC_RELAXED);
	list_add(&slab->lru, &s->partial);
	s->nr_partial++;
	spin_unlock(&s->list_lock);
	return true;
}

/*
 * Take one object off @slab's own freelist (debug caches); @slab is off
 * every list and goes back on the one it then belongs to.  A free
 * pointer that is no slot of @slab is reported, and the rest of the
 * chain dropped.  list_lock held.
 */
static void *take_from_slab(struct kmem_cache *s, struct page *slab)
{
	void *object = slab_object(s, slab, slab_free_idx(slab));
	void *next = get_freepointer(s, object);

	if (unlikely(next && !slab_valid_object(s, slab, next))) {
		slab_report_freechain(s, slab, object, next, 1);
		next = NULL;
	}
	slab_set(slab, next ? slab_obj_index(s, slab, next) : SLAB_FREELIST_NONE,
		 slab_inuse(slab) + 1);
	put_slab_on_list(s, slab);
	return object;
}

/*
 * @slab held a corrupted free object (@object, just taken off it): hand
 * out nothing more from it.  All its free objects count as in use and it
 * goes on the full list, so they are leaked on purpose rather than
 * handed out, as Linux does ("Marking all objects used").  list_lock held.
 */
static void mark_slab_full(struct kmem_cache *s, struct page *slab)
{
	s->nr_taken += s->objects - slab_inuse(slab) + 1;	/* + @object */
	if (slab_free_idx(slab) != SLAB_FREELIST_NONE) {
		list_move(&slab->lru, &s->full);
		s->nr_partial--;
	}
	slab_set(slab, SLAB_FREELIST_NONE, s->objects);
}

/* The first partial slab, off the list, or NULL.  list_lock held. */
static struct page *get_partial(struct kmem_cache *s)
{
	struct page *slab;

	if (list_empty(&s->partial))
		return NULL;
	slab = list_first_entry(&s->partial, struct page, lru);
	list_del(&slab->lru);
	s->nr_partial--;
	return slab;
}

/*
 * The slow path of a debug cache's allocation: straight from a slab's
 * own freelist, under list_lock; interrupts are off.
 */
static void *__slab_alloc_debug(struct kmem_cache *s, gfp_t gfp,
				unsigned long caller, unsigned long irqflags)
{
	struct page *slab;
	void *object;

	for (;;) {
		spin_lock(&s->list_lock);
		slab = get_partial(s);
		if (!slab) {
			spin_unlock(&s->list_lock);
			if (!grow_cache(s, gfp, irqflags))
				return NULL;
			continue;
		}
		object = take_from_slab(s, slab);
		if (alloc_debug_processing(s, slab, object, caller))
			break;
		/* refused: try the next slab (each refusal retires one) */
		mark_slab_full(s, slab);
		spin_unlock(&s->list_lock);
	}
	s->nr_taken++;
	spin_unlock(&s->list_lock);
	return object;
}

/*
 * The slow path of an allocation: this CPU's cpu freelist is empty.
 * Retire the active slab and activate the first partial slab (frozen,
 * its whole freelist becoming the cpu freelist), growing the cache when
 * there is none.  Interrupts are off.
 */
void *__slab_alloc(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		   unsigned long irqflags)
{
	struct kmem_cache_cpu *c;
	struct page *slab;
	void *object;

	if (kmem_cache_debug(s))
		return __slab_alloc_debug(s, gfp, caller, irqflags);

	for (;;) {
		c = this_cpu_slab(s);
		if (c->freelist)	/* another task refilled it meanwhile */
			goto take;
		flush_cpu_slab(s);	/* the active slab is used up: retire it */
		spin_lock(&s->list_lock);
		slab = get_partial(s);
		if (slab)
			break;
		spin_unlock(&s->list_lock);
		if (!grow_cache(s, gfp, irqflags))
			return NULL;
	}
	/* activate: the slab's whole freelist becomes the cpu freelist */
	__SetPageFrozen(slab);
	s->nr_taken += s->objects - slab_inuse(slab);
	c->freelist = slab_object(s, slab, slab_free_idx(slab));
	slab_set(slab, SLAB_FREELIST_NONE, s->objects);
	spin_unlock(&s->list_lock);
	c->slab = slab;
take:
	object = c->freelist;
	c->freelist = get_freepointer(s, object);
	return object;
}

/*
 * kmemleak (mm/kmemleak.c) records the new object.  A free pointer kept
 * inside the object (offset 0) still holds the address of the next free
 * object, which kmemleak would take for a reference to it: cleared.
 */
static __always_inline void slab_kmemleak_alloc(struct kmem_cache *s,
						void *object, gfp_t gfp)
{
	if (s->flags & SLAB_NOLEAKTRACE)
		return;
	if (s->offset + sizeof(void *) <= s->object_size)
		set_freepointer(s, object, NULL);
	kmemleak_alloc_recursive(object, s->object_size, 1, s->flags, gfp);
}

/*
 * kmalloc_fix_flags - warn about GFP flags the slab allocator cannot honour
 *
 * GFP_DMA32 and __GFP_HIGHMEM (and bits no gfp_t has) make no sense for
 * slab objects: a driver that needs memory below 4 GiB must use the page
 * allocator or the DMA API.  As Linux does, say so with a stack trace and
 * go on with the flags taken out.
 */
static noinline gfp_t kmalloc_fix_flags(gfp_t flags)
{
	gfp_t invalid_mask = flags & GFP_SLAB_BUG_MASK;

	flags &= ~GFP_SLAB_BUG_MASK;
	pr_warn("Unexpected gfp: %#x (%pGg). Fixing up to gfp: %#x (%pGg). Fix your code!\n",
		invalid_mask, &invalid_mask, flags, &flags);
	dump_stack();
	return flags;
}

/*
 * Everything slab_alloc() does not do inline: interrupts were off, an
 * atomic context, a debug hook (slab_slow_path), zeroing, an empty
 * sheaf, a debug cache.  Interrupts are off (@irqflags: the caller's);
 * restored here.  Here are the hooks: the sleeping rule, fault injection.
 */
void *slab_alloc_slow(struct kmem_cache *s, gfp_t gfp, unsigned long caller,
		      unsigned long irqflags)
{
	struct kmem_cache_cpu *c;
	void *object;

	if (unlikely(gfp & GFP_SLAB_BUG_MASK))
		gfp = kmalloc_fix_flags(gfp);
	/* __kmalloc()'s table holds the normal caches */
	if (unlikely(gfp & __GFP_DMA) && s->dma_twin)
		s = s->dma_twin;
	if (alloc_in_atomic(gfp, irqflags))
		__might_sleep_irqflags(__FILE__, __LINE__, irqflags);	/* GFP_KERNEL where it may not sleep */
	if ((slab_slow_path & SLAB_SLOW_FAILSLAB) && !(gfp & __GFP_NOFAIL) &&
	    should_fail(&failslab, s->object_size)) {
		local_irq_restore(irqflags);
		return NULL;
	}
	c = this_cpu_slab(s);
	if (c->sheaf.nr) {
		object = c->sheaf.objects[--c->sheaf.nr];
	} else if (c->freelist) {
		object = c->freelist;
		c->freelist = get_freepointer(s, object);
	} else {
		object = __slab_alloc(s, gfp, caller, irqflags);
	}
	local_irq_restore(irqflags);
	kasan_slab_alloc(s, object);

	if (unlikely(gfp & __GFP_ZERO) && object)
		memset(object, 0, s->object_size);
	if (object && kmemleak_enabled)
		slab_kmemleak_alloc(s, object, gfp);
	return object;
}

/* ---- freeing ------------------------------------------------------------- */

/*
 * The slow path of a free: @x goes on its slab's own freelist.  Irqs
 * are off and list_lock is held.  Debug caches check @x in
 * mm/slub_debug.c first; every cache refuses a pointer that is no slot
 * of @slab, and the object at the head of the slab's freelist (Linux's
 * naive double-free check, which it makes with
 * CONFIG_SLAB_FREELIST_HARDENED).
 *
 * A remote free: @slab may be another CPU's active slab (PG_frozen).
 * Then @x joins the slab's own freelist and nothing else changes: the
 * slab is on no list, and its owner picks the object up when it
 * retires the slab (flush_cpu_slab()).  Only the owner ever touches its
 * cpu freelist.
 */
void __slab_free(struct kmem_cache *s, struct page *slab, void *x,
			unsigned long caller)
{
	unsigned int idx = slab_free_idx(slab), inuse = slab_inuse(slab);
	void *head = idx == SLAB_FREELIST_NONE ? NULL : slab_object(s, slab, idx);

	if (kmem_cache_debug(s)) {
		if (!free_debug_processing(s, slab, x, caller))
			return;		/* reported; the object stays as it was */
	} else if (unlikely(!slab_valid_object(s, slab, x))) {
		slab_report_invalid(s, x, caller,
				    "not the start of an object in its slab");
		return;
	}
	if (unlikely(x == head || !inuse)) {
		slab_report_double_free(s, slab, x, caller, __FILE__, __LINE__);
		return;
	}

	set_freepointer(s, x, head);
	slab_set(slab, slab_obj_index(s, slab, x), inuse - 1);
	s->nr_taken--;
	if (PageFrozen(slab))
		return;			/* another CPU's active slab */

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

/* __slab_free() under list_lock. */
static void slab_free_to_slab(struct kmem_cache *s, struct page *slab, void *x,
			      unsigned long caller)
{
	spin_lock(&s->list_lock);
	__slab_free(s, slab, x, caller);
	spin_unlock(&s->list_lock);
}

/*
 * Everything slab_free_fast() does not do: a debug hook, a cache whose
 * slots are not a power of two, a full sheaf, a debug cache, and the
 * frees its checks refused, which are reported here.  Interrupts are off
 * (@irqflags: the caller's); restored here.
 */
void slab_free_slow(struct kmem_cache *s, void *x, unsigned long caller,
		    unsigned long irqflags)
{
	struct page *slab = slab_head(virt_to_page(x));
	struct kmem_cache_cpu *c = this_cpu_slab(s);
	struct slab_sheaf *sheaf = &c->sheaf;

	kmemleak_free_recursive(x, s->flags);	/* before anyone can reuse it */
	if (kasan_slab_free(s, x, caller)) {	/* quarantined or reported */
		local_irq_restore(irqflags);
		return;
	}
	if (!sheaf->capacity || slab_slow_path) {
		/* straight to the slab: debug caches, debug hooks */
		if (slab != c->slab)
			slab_free_to_slab(s, slab, x, caller);
		else if (!slab_valid_object(s, slab, x))
			slab_report_invalid(s, x, caller,
					    "not the start of an object in its slab");
		else if (x == c->freelist || (&sheaf->guard)[sheaf->nr] == x)
			slab_report_double_free(s, slab, x, caller, __FILE__, __LINE__);
		else {
			set_freepointer(s, x, c->freelist);
			c->freelist = x;
		}
	} else if (!slab_valid_object(s, slab, x)) {
		slab_report_invalid(s, x, caller,
				    "not the start of an object in its slab");
	} else if ((&sheaf->guard)[sheaf->nr] == x) {
		slab_report_double_free(s, slab, x, caller, __FILE__, __LINE__);
	} else {
		if (sheaf->nr >= sheaf->capacity)	/* full: the older half goes */
			sheaf_flush(s, sheaf->capacity / 2, caller);
		sheaf->objects[sheaf->nr++] = x;
	}
	local_irq_restore(irqflags);
}

/* slab_free_slow() with interrupts off, for a fast path that failed. */
void slab_free_careful(struct kmem_cache *s, void *x, unsigned long caller)
{
	unsigned long flags;

	local_irq_save(flags);
	slab_free_slow(s, x, caller, flags);
}

/*
 * Give every empty slab back to the page allocator, checking the free
 * objects of debug caches on the way.  Every CPU gives its sheaf and
 * active slab back first (flush_all_cpus()).  Returns the frames freed.
 */
unsigned long __kmem_cache_shrink(struct kmem_cache *s)
{
	struct page *slab, *next;
	unsigned long freed = 0, flags, walked = 0, nr_slabs;

	flush_all_cpus(s);
	spin_lock_irqsave(&s->list_lock, flags);
	nr_slabs = s->nr_slabs;		/* discard_slab() lowers it */
	list_for_each_entry_safe(slab, next, &s->partial, lru) {
		if (!slab_list_walk_ok(s, &walked, nr_slabs))
			break;
		check_free_objects(s, slab);
		if (slab_inuse(slab))
			continue;
		list_del(&slab->lru);
		s->nr_partial--;
		discard_slab(s, slab);
		freed += 1UL << s->order;
	}
	spin_unlock_irqrestore(&s->list_lock, flags);
	return freed;
}

/* What slab_cache_live() asks of each CPU. */
struct live_count {
	struct kmem_cache *s;
	unsigned long caller;
	long nr_free;		/* objects on the cpu freelists */
};

/*
 * on_each_cpu() callback: this CPU's sheaf goes back to the slabs, and
 * its cpu freelist is counted (a corrupted one is reported and dropped:
 * its objects then count as allocated).
 */
static void count_cpu_free(void *info)
{
	struct live_count *lc = info;
	struct kmem_cache *s = lc->s;
	struct kmem_cache_cpu *c = this_cpu_slab(s);
	int nr_free = 0;

	sheaf_flush(s, SLAB_SHEAF_MAX, lc->caller);
	if (c->slab) {
		nr_free = freechain_count(s, c->slab, c->freelist);
		if (nr_free < 0) {
			nr_free = 0;
			c->freelist = NULL;
		}
	}
	__atomic_add_fetch(&lc->nr_free, nr_free, __ATOMIC_RELAXED);
}

/*
 * Objects of @s allocated and not freed.  Every CPU gives its sheaf back
 * to the slabs first, so that what counts is the slabs' freelists and
 * the cpu freelists alone; with interrupts off only this CPU can (see
 * flush_all_cpus()), and the others' sheaves count as allocated.
 */
unsigned long slab_cache_live(struct kmem_cache *s)
{
	struct live_count lc = { .s = s, .caller = _RET_IP_ };
	unsigned long flags, live;

	if (can_ask_other_cpus()) {
		on_each_cpu(count_cpu_free, &lc, 1);
	} else {
		local_irq_save(flags);
		count_cpu_free(&lc);
		local_irq_restore(flags);
	}
	spin_lock_irqsave(&s->list_lock, flags);
	live = s->nr_taken - lc.nr_free - kasan_quarantined(s);	/* freed, held back */
	spin_unlock_irqrestore(&s->list_lock, flags);
	return live;
}

/*
 * slab_list_walk_ok - count one more step of a walk of @s's partial or
 * full list in *@walked; false (with a report) once the walk has seen
 * more than the @nr_slabs slabs the cache had when it began, which only
 * a corrupted list allows.
 */
bool slab_list_walk_ok(struct kmem_cache *s, unsigned long *walked,
		       unsigned long nr_slabs)
{
	if (++*walked <= nr_slabs)
		return true;
	slab_report_list_corrupt(s);
	return false;
}

/**
 * slab_prepare_cpu - set up @cpu's slab_cpu_off before it runs
 * @cpu: a CPU being brought up
 *
 * Context: Boot (the CPU is not running yet).
 */
void slab_prepare_cpu(unsigned int cpu)
{
	per_cpu(slab_cpu_off, cpu) = cpu * sizeof(struct kmem_cache_cpu);
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
	return slab_alloc(s, gfp);
}
EXPORT_SYMBOL(kmem_cache_alloc);

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

/* kmem_cache_free() when its fast path did not do it: one call, no frame there. */
static noinline void kmem_cache_free_slow(struct kmem_cache *s, void *objp,
					  unsigned long caller)
{
	unsigned long pfn = direct_map_pfn(objp);

	if (pfn >= max_pfn || !PageSlab(pfn_to_page(pfn)) ||
	    pfn_to_page(pfn)->slab_cache != s)
		kmem_cache_free_invalid(s, objp, caller);
	else
		slab_free_careful(s, objp, caller);
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

	if (likely(pfn < max_pfn && PageSlab(pfn_to_page(pfn)) &&
		   pfn_to_page(pfn)->slab_cache == s) &&
	    likely(slab_free_fast(s, objp)))
		return;
	kmem_cache_free_slow(s, objp, slab_caller());
}
EXPORT_SYMBOL(kmem_cache_free);

const char *kmem_cache_name(const struct kmem_cache *s)
{
	return s->name;
}

/**
 * kmem_cache_size - the object size of a cache
 * @s: the cache
 *
 * Context: Any context.
 * Return: the size its creator asked for (not the slot size with the
 * alignment and debug metadata, which slabinfo shows).
 */
unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}
EXPORT_SYMBOL(kmem_cache_size);

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
 * The constants of slab_slot_of(): s->size = odd << size_shift, and
 * size_inv the inverse of odd modulo 2^64 (Newton's iteration doubles
 * the correct low bits each step: 3, 6, 12, 24, 48, 96).
 */
static void set_slot_divisor(struct kmem_cache *s)
{
	unsigned long odd, inv;
	int i;

	s->size_shift = __builtin_ctz(s->size);
	odd = s->size >> s->size_shift;
	inv = odd;
	for (i = 0; i < 5; i++)
		inv *= 2 - odd * inv;
	s->size_inv = inv;
}

/* Does kmemleak (mm/kmemleak.c) record the objects of @s? */
static inline bool kmemleak_tracks(const struct kmem_cache *s)
{
	return kmemleak_enabled && !(s->flags & SLAB_NOLEAKTRACE);
}

/*
 * The sheaf of a cache (see mm/slab.h): as many objects as Linux's old
 * SLAB kept per CPU, fewer for bigger objects; none for debug caches,
 * whose every operation must reach mm/slub_debug.c, nor for the caches
 * kmemleak tracks (its hooks are in the slow paths too).  And the mask of
 * slab_free_fast()'s one-test slot check: size - 1 when the slots are a
 * power of two and fill the slab, else ~0 (every free checked in full).
 */
static void set_sheaf_capacity(struct kmem_cache *s)
{
	unsigned int capacity, cpu;

	if (kmem_cache_debug(s) || kmemleak_tracks(s))
		capacity = 0;
	else if (s->size <= 256)
		capacity = SLAB_SHEAF_MAX;
	else if (s->size <= 1024)
		capacity = 54;
	else if (s->size <= PAGE_SIZE)
		capacity = 24;
	else
		capacity = 8;
	for (cpu = 0; cpu < SLAB_NR_CPUS; cpu++) {
		s->cpu[cpu].sheaf.nr = 0;
		s->cpu[cpu].sheaf.capacity = capacity;
		s->cpu[cpu].sheaf.guard = NULL;
		s->cpu[cpu].freelist = NULL;
		s->cpu[cpu].slab = NULL;
	}
	if (!(s->size & (s->size - 1)) && s->objects * s->size == PAGE_SIZE << s->order)
		s->free_check_mask = s->size - 1;
	else
		s->free_check_mask = ~0UL;
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
	if (flags & SLAB_KASAN)
		size += kasan_metadata_size();	/* the last bytes of the slot */
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
	spin_lock_init(&s->list_lock);
	set_slot_divisor(s);
	set_sheaf_capacity(s);
	s->refcount = 1;
	return 0;
}
