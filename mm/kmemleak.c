// SPDX-License-Identifier: GPL-2.0
/*
 * mm/kmemleak.c - finding memory nobody points to any more.
 *
 * A leak is memory that was allocated and is no longer reachable: no
 * pointer to it is left anywhere the kernel could follow.  Such memory
 * can never be freed.  kmemleak finds it the way a tracing garbage
 * collector finds garbage, except that it reports instead of freeing:
 *
 *   1. every slab object, large kmalloc and vmalloc area is recorded
 *      when it is allocated (kmemleak_alloc(), called by the allocators'
 *      slow paths) with its size, the allocating stack (stack depot),
 *      pid, comm and jiffies, and forgotten when it is freed;
 *   2. a scan starts from the roots - the kernel's data and bss, and the
 *      live part of every task's stack - and reads every aligned word.
 *      A word whose value lies inside a recorded object (at its start or
 *      anywhere in the middle) is a reference to that object;
 *   3. each referenced object is scanned in turn for more references,
 *      until nothing new is found.  What was never referenced is a leak.
 *
 * The colours are Linux's.  An object needs min_count references (1 for
 * ordinary memory):
 *
 *   white   count < min_count: not (yet) known to be referenced;
 *   gray    count >= min_count: referenced, or never a leak (min_count 0,
 *           kmemleak_not_leak()); its contents are scanned;
 *   black   min_count -1 (kmemleak_ignore()): neither reported nor
 *           scanned.
 *
 *   roots --> A(gray) --> B(gray)          C(white) --> D(white)
 *                                          nobody points to C: C and
 *                                          everything only C reaches
 *                                          are reported
 *
 * Conservative by design: any word that happens to look like a pointer
 * keeps an object alive (a leak can be missed, never invented by that).
 * False reports come from pointers kmemleak cannot see: a physical
 * address (kmemleak_ignore() such memory), a pointer kept in memory it
 * does not scan (pages from alloc_pages()), or one that moved while the
 * scan ran.  Against the last, as in Linux: an object must be at least
 * min_age old (5 s) and born before the scan began, and a white object
 * whose contents changed since the previous scan (its crc32 checksum)
 * is taken as referenced this time.  So a fresh leak is usually
 * reported by the second scan after it happened, and each leak once:
 * the console line counts only objects not reported before.
 *
 * The objects are kept in one AVL tree (lib/avltree.c) ordered by
 * address; as objects never overlap, "which object holds this word" is
 * one descent.  A scan also walks the tree in address order, a few
 * dozen objects at a time, and finds its place again by address after
 * dropping the lock.  The bookkeeping of an object (struct
 * kmemleak_object, 112 bytes) comes from a cache of its own, made with
 * SLAB_NOLEAKTRACE so that kmemleak does not track itself; objects
 * allocated before that cache exists (the caches made by
 * kmem_cache_init()) use a small static pool, which also serves when the
 * cache cannot get memory.  When neither can, kmemleak turns itself off
 * (an object it does not know would make its children look leaked).
 *
 * While kmemleak is on, the caches it tracks have no per-CPU sheaf (as
 * debug caches have none, mm/slub.c), so both slab fast paths send every
 * allocation and free of theirs to the slow paths, where the hooks are;
 * with kmemleak=off the fast paths are exactly as before.
 *
 * Locking.  kmemleak_lock (a spin lock, interrupts off) protects the
 * tree, every field of every object, the gray list, the pool and the
 * counters.  It is the innermost lock: nothing is allocated, freed or
 * printed under it, and it is taken from inside the allocators' own
 * interrupts-off regions.  A scan holds it for one step at a time -
 * 4 KiB of memory read, or a few dozen objects walked - and after each
 * step, with the lock taken again, re-checks that the object it is in
 * is still allocated.  Freeing an object takes the lock before the
 * memory is released (the hooks run before the allocator frees), so a
 * step never reads memory being freed, and a vmalloc area is unmapped
 * only after kmemleak has forgotten it.  The scanner keeps objects it
 * will come back to (the gray list) flagged OBJECT_HELD: freeing such an
 * object takes it out of the tree but leaves its bookkeeping to the
 * scanner.  scan_mutex lets one scan run at a time (the thread, the
 * shell, a test).  Task stacks are scanned with interrupts off, which
 * keeps tasks from exiting meanwhile (tasks leave the task list only
 * with interrupts off).
 */
#define pr_fmt(fmt) "kmemleak: " fmt

#include <linux/kernel.h>
#include <linux/avltree.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kmemleak.h>
#include <linux/kstrtox.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/signal.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/stackdepot.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <kernel/kmemleak.h>

#define MSECS_MIN_AGE		5000	/* younger objects are not reported */
#define SECS_SCAN_PERIOD	10	/* the thread's default */
#define MAX_SCAN_SIZE		4096	/* bytes read per lock hold */
#define OBJECTS_PER_STEP	32	/* objects walked per lock hold */
#define KMEMLEAK_POOL_SIZE	128	/* static bookkeeping: boot, emergencies */
#define HEX_ROW_SIZE		16
#define HEX_MAX_BYTES		32	/* the report's hex dump */

/* object->flags */
#define OBJECT_ALLOCATED	0x01	/* in the tree: not freed */
#define OBJECT_REPORTED		0x02	/* counted as a new leak once */
#define OBJECT_NO_SCAN		0x04	/* never read for pointers */
#define OBJECT_HELD		0x08	/* on the gray list or being worked on */
#define OBJECT_POOL		0x10	/* bookkeeping from the static pool */

struct kmemleak_object {
	struct avl_node node;		/* in object_tree, by pointer */
	unsigned long pointer;		/* the block: [pointer, pointer + size) */
	size_t size;
	struct kmemleak_object *next;	/* gray list, or the pool's free list */
	unsigned long jiffies;		/* when it was allocated */
	u32 seq;			/* creation number: born during a scan? */
	u32 trace;			/* allocation stack (stack depot handle) */
	u32 checksum;			/* crc32 of the contents, last scan */
	u32 area_off, area_len;		/* the scan area (area_len 0: all) */
	pid_t pid;
	int count;			/* references found by this scan */
	s16 min_count;
	u16 flags;
	char comm[TASK_COMM_LEN];
};

/* The size docs/kmemleak.md and the essay above quote. */
static_assert(sizeof(struct kmemleak_object) == 112);

bool kmemleak_enabled = true;
static bool kmemleak_initialized;	/* the object cache exists */

static DEFINE_SPINLOCK(kmemleak_lock);
static struct avl_root object_tree = AVL_ROOT_INIT(NULL);
static unsigned long nr_objects, max_objects;
static u32 object_seq;
static struct kmemleak_object *gray_list;
static struct kmem_cache *object_cache;

/*
 * What holds the addresses of tracked objects, in one place that the
 * scan of the bss leaves out: kmemleak's own records must not count as
 * references (the lowest object would never be reported).
 */
static struct {
	struct kmemleak_object pool[KMEMLEAK_POOL_SIZE];	/* static bookkeeping */
	unsigned long min_addr, max_addr;	/* no object outside (0, 0: none yet) */
} own;
static unsigned int pool_next;		/* never used yet: own.pool[pool_next..] */
static struct kmemleak_object *pool_free;	/* given back */

/* Scans (scan_mutex). */
static DEFINE_MUTEX(scan_mutex);
static unsigned long scan_jiffies;	/* when the last scan began */
static u32 scan_seq;			/* object_seq then */
static unsigned long scan_min_age;	/* jiffies, as it was then */
static unsigned long scanned_bytes;
static unsigned long nr_scans, last_scan_us, last_scanned_bytes;

static unsigned int min_age_ms = MSECS_MIN_AGE;
static unsigned int scan_period_s = SECS_SCAN_PERIOD;
static struct task_struct *scan_thread;
static bool cleanup_pending;

static u32 crc32_table[256];

static int __init kmemleak_boot_config(char *str)
{
	if (!strcmp(str, "off"))
		kmemleak_enabled = false;
	else if (!strcmp(str, "on"))
		kmemleak_enabled = true;
	else
		return -EINVAL;
	return 0;
}
__setup("kmemleak=", kmemleak_boot_config);

/* ---- the colours ------------------------------------------------------------ */

static inline bool color_white(const struct kmemleak_object *o)
{
	return o->min_count != -1 && o->count < o->min_count;
}

static inline bool color_gray(const struct kmemleak_object *o)
{
	return o->min_count != -1 && o->count >= o->min_count;
}

/*
 * A leak as of the last scan: white, allocated, born before that scan
 * began and at least min_age old then.  kmemleak_lock held.
 */
static bool unreferenced_object(const struct kmemleak_object *o)
{
	return color_white(o) && (o->flags & OBJECT_ALLOCATED) &&
	       (s32)(o->seq - scan_seq) <= 0 && nr_scans &&
	       time_before_eq(o->jiffies + scan_min_age, scan_jiffies);
}

/* ---- the tree ---------------------------------------------------------------- */

static inline struct kmemleak_object *obj_of(struct avl_node *n)
{
	return n ? avl_entry(n, struct kmemleak_object, node) : NULL;
}

/* The object holding @addr, or NULL.  kmemleak_lock held. */
static struct kmemleak_object *lookup_object(unsigned long addr)
{
	struct avl_node *n = object_tree.node;

	while (n) {
		struct kmemleak_object *o = obj_of(n);

		if (addr < o->pointer)
			n = n->left;
		else if (addr - o->pointer >= o->size)
			n = n->right;
		else
			return o;
	}
	return NULL;
}

/* The object that starts exactly at @addr, or NULL.  kmemleak_lock held. */
static struct kmemleak_object *lookup_exact(unsigned long addr)
{
	struct kmemleak_object *o = lookup_object(addr);

	return o && o->pointer == addr ? o : NULL;
}

/* The first object at or above @addr.  kmemleak_lock held. */
static struct kmemleak_object *first_object_from(unsigned long addr)
{
	struct avl_node *n = object_tree.node, *best = NULL;

	while (n) {
		if (obj_of(n)->pointer >= addr) {
			best = n;
			n = n->left;
		} else {
			n = n->right;
		}
	}
	return obj_of(best);
}

/*
 * Put @o in the tree.  Returns the object it overlaps (and does not
 * insert it), or NULL.  kmemleak_lock held.
 */
static struct kmemleak_object *insert_object(struct kmemleak_object *o)
{
	struct avl_node **link = &object_tree.node, *parent = NULL;

	while (*link) {
		struct kmemleak_object *p = obj_of(*link);

		parent = *link;
		if (o->pointer + o->size <= p->pointer)
			link = &parent->left;
		else if (o->pointer >= p->pointer + p->size)
			link = &parent->right;
		else
			return p;
	}
	avl_link_node(&o->node, parent, link);
	avl_insert_fixup(&object_tree, &o->node);
	if (!own.max_addr || o->pointer < own.min_addr)
		own.min_addr = o->pointer;
	own.max_addr = max(own.max_addr, o->pointer + o->size);
	nr_objects++;
	max_objects = max(max_objects, nr_objects);
	return NULL;
}

/* ---- bookkeeping memory ------------------------------------------------------- */

/*
 * The flags for kmemleak's own allocation: it may sleep only where the
 * caller's allocation may, it dips into the reserves only where the
 * caller's does, and __GFP_NOFAIL keeps failslab and fail_page_alloc
 * away from it (an injected failure is meant for the caller, and would
 * turn kmemleak off); __GFP_NORETRY keeps that from looping.
 */
static gfp_t meta_gfp(gfp_t gfp)
{
	gfp_t base = __GFP_NORETRY | __GFP_NOWARN | __GFP_NOFAIL;

	if ((gfp & __GFP_DIRECT_RECLAIM) && !preempt_count() && !irqs_disabled())
		return GFP_KERNEL | base;
	return ((gfp & __GFP_HIGH) ? GFP_ATOMIC : GFP_NOWAIT) | base;
}

static struct kmemleak_object *alloc_object(gfp_t gfp)
{
	struct kmemleak_object *o = NULL;
	unsigned long flags;

	if (READ_ONCE(kmemleak_initialized)) {
		o = kmem_cache_alloc(object_cache, meta_gfp(gfp));
		if (o) {
			o->flags = 0;
			return o;
		}
	}
	spin_lock_irqsave(&kmemleak_lock, flags);
	if (pool_free) {
		o = pool_free;
		pool_free = o->next;
	} else if (pool_next < KMEMLEAK_POOL_SIZE) {
		o = &own.pool[pool_next++];
	}
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (o)
		o->flags = OBJECT_POOL;
	return o;
}

/* Give bookkeeping back.  Not under kmemleak_lock. */
static void free_object(struct kmemleak_object *o)
{
	unsigned long flags;

	if (o->flags & OBJECT_POOL) {
		spin_lock_irqsave(&kmemleak_lock, flags);
		o->next = pool_free;
		pool_free = o;
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		return;
	}
	kmem_cache_free(object_cache, o);
}

/*
 * Turn kmemleak off for good (Linux's kmemleak_disable()): the hooks
 * stop, and the kmemleak thread frees the bookkeeping.
 */
static void kmemleak_disable(void)
{
	unsigned long flags;
	bool was_on;

	spin_lock_irqsave(&kmemleak_lock, flags);
	was_on = kmemleak_enabled;
	WRITE_ONCE(kmemleak_enabled, false);
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (!was_on)
		return;
	pr_info("Kernel memory leak detector disabled\n");
	WRITE_ONCE(cleanup_pending, true);
	if (scan_thread)
		wake_up_process(scan_thread);
}

/* ---- the hooks ------------------------------------------------------------------ */

/* Record an object; its stack is saved by the caller. */
static void create_object(unsigned long ptr, size_t size, int min_count,
			  gfp_t gfp, depot_stack_handle_t trace)
{
	struct kmemleak_object *o = alloc_object(gfp), *old, seen;
	unsigned long flags;

	if (!o) {
		pr_warn("Cannot allocate a kmemleak_object structure\n");
		kmemleak_disable();
		return;
	}
	o->pointer = ptr;
	o->size = size;
	o->min_count = min_count;
	o->count = 0;
	o->flags |= OBJECT_ALLOCATED;
	o->checksum = 0;
	o->area_off = o->area_len = 0;
	o->trace = trace;
	o->jiffies = jiffies;
	o->next = NULL;
	if (in_hardirq()) {
		o->pid = 0;
		strscpy(o->comm, "hardirq", sizeof(o->comm));
	} else if (in_serving_softirq()) {
		o->pid = 0;
		strscpy(o->comm, "softirq", sizeof(o->comm));
	} else {
		o->pid = current->pid;
		strscpy(o->comm, current->comm, sizeof(o->comm));
	}

	spin_lock_irqsave(&kmemleak_lock, flags);
	if (!kmemleak_enabled) {
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		free_object(o);
		return;
	}
	o->seq = ++object_seq;
	old = insert_object(o);
	if (old)
		seen = *old;	/* printed below, without the lock */
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (old) {
		/* a free that was never reported: kmemleak cannot go on */
		pr_err("Cannot insert 0x%lx into the object search tree (overlaps existing)\n",
		       ptr);
		pr_notice("Object 0x%08lx (size %zu):\n", seen.pointer, seen.size);
		pr_notice("  comm \"%s\", pid %d, jiffies %lu\n", seen.comm,
			  seen.pid, seen.jiffies);
		stack_depot_print(seen.trace);
		free_object(o);
		kmemleak_disable();
	}
}

noinline void kmemleak_alloc(const void *ptr, size_t size, int min_count,
			     gfp_t gfp)
{
	depot_stack_handle_t trace;

	if (!READ_ONCE(kmemleak_enabled) || ZERO_OR_NULL_PTR(ptr) || !size)
		return;
	/* leave out this function and the allocator's internal one */
	trace = stack_depot_save_here(2);
	create_object((unsigned long)ptr, size, min_count, gfp, trace);
}
EXPORT_SYMBOL_GPL(kmemleak_alloc);

void kmemleak_free(const void *ptr)
{
	struct kmemleak_object *o;
	unsigned long flags;

	if (!READ_ONCE(kmemleak_enabled) || ZERO_OR_NULL_PTR(ptr))
		return;
	spin_lock_irqsave(&kmemleak_lock, flags);
	o = lookup_exact((unsigned long)ptr);
	if (o) {
		avl_erase(&object_tree, &o->node);
		nr_objects--;
		o->flags &= ~OBJECT_ALLOCATED;
		if (o->flags & OBJECT_HELD)
			o = NULL;	/* the scanner gives it back */
	}
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (o)
		free_object(o);
}
EXPORT_SYMBOL_GPL(kmemleak_free);

#define KEEP_MIN_COUNT	1	/* change_object(): leave min_count as it is */

/*
 * Set @min_count (unless KEEP_MIN_COUNT) and @set_flags on the object
 * that starts at @ptr; a pointer kmemleak does not track is reported, as
 * Linux's paint_ptr() does ("Trying to color unknown object").
 */
static void change_object(const void *ptr, int min_count, u16 set_flags,
			  const char *color)
{
	struct kmemleak_object *o;
	unsigned long flags;

	if (!READ_ONCE(kmemleak_enabled) || ZERO_OR_NULL_PTR(ptr))
		return;
	spin_lock_irqsave(&kmemleak_lock, flags);
	o = lookup_exact((unsigned long)ptr);
	if (o) {
		if (min_count != KEEP_MIN_COUNT)
			o->min_count = min_count;
		o->flags |= set_flags;
	}
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (!o)
		pr_warn("Trying to color unknown object at 0x%px as %s\n", ptr,
			color);
}

void kmemleak_not_leak(const void *ptr)
{
	change_object(ptr, 0, 0, "Grey");
}
EXPORT_SYMBOL(kmemleak_not_leak);

void kmemleak_ignore(const void *ptr)
{
	change_object(ptr, -1, OBJECT_NO_SCAN, "Black");
}
EXPORT_SYMBOL(kmemleak_ignore);

void kmemleak_no_scan(const void *ptr)
{
	change_object(ptr, KEEP_MIN_COUNT, OBJECT_NO_SCAN, "no-scan");
}
EXPORT_SYMBOL(kmemleak_no_scan);

void kmemleak_scan_area(const void *ptr, size_t size, gfp_t gfp)
{
	unsigned long addr = (unsigned long)ptr, flags;
	struct kmemleak_object *o;

	if (!READ_ONCE(kmemleak_enabled) || ZERO_OR_NULL_PTR(ptr))
		return;
	spin_lock_irqsave(&kmemleak_lock, flags);
	o = lookup_object(addr);
	if (o && size <= o->size - (addr - o->pointer) && size <= U32_MAX) {
		o->area_off = addr - o->pointer;
		o->area_len = size;
		if (!size)	/* an empty area: nothing to scan */
			o->flags |= OBJECT_NO_SCAN;
	} else {
		o = NULL;
	}
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (!o)
		pr_warn("Adding scan area to unknown object at 0x%px\n", ptr);
}
EXPORT_SYMBOL(kmemleak_scan_area);

/* ---- reading memory -------------------------------------------------------------- */

/*
 * The scan reads whole objects, slack and all (kmalloc(100) gets 128
 * bytes), and the stacks of other tasks: nothing KASAN should check.
 */
#define __kmemleak_nocheck	__attribute__((__no_sanitize_address__))

static void __init crc32_init(void)
{
	unsigned int i, k;

	for (i = 0; i < 256; i++) {
		u32 c = i;

		for (k = 0; k < 8; k++)
			c = (c >> 1) ^ ((c & 1) ? 0xedb88320 : 0);
		crc32_table[i] = c;
	}
}

/* Linux's crc32() (crc32_le, no inversion) of @len bytes at @p. */
static __kmemleak_nocheck u32 crc32_bytes(u32 crc, const u8 *p, size_t len)
{
	while (len--)
		crc = (crc >> 8) ^ crc32_table[(crc ^ *p++) & 0xff];
	return crc;
}

static __kmemleak_nocheck void copy_bytes(u8 *dst, const u8 *src, size_t len)
{
	while (len--)
		*dst++ = *src++;
}

/* Push @o on the gray list (it will be scanned).  kmemleak_lock held. */
static void push_gray(struct kmemleak_object *o)
{
	if (o->flags & (OBJECT_HELD | OBJECT_NO_SCAN))
		return;
	o->flags |= OBJECT_HELD;
	o->next = gray_list;
	gray_list = o;
}

/*
 * Read every aligned word in [start, end) and count each that points
 * into a tracked object other than @scanned (an object pointing to
 * itself does not keep itself alive).  kmemleak_lock held.
 */
static __kmemleak_nocheck void scan_block(unsigned long start, unsigned long end,
					  struct kmemleak_object *scanned)
{
	const unsigned long *p = (const unsigned long *)ALIGN(start, sizeof(long));
	const unsigned long *e = (const unsigned long *)(end & ~(sizeof(long) - 1));

	for (; p < e; p++) {
		unsigned long v = *p;
		struct kmemleak_object *o;

		if (v < own.min_addr || v >= own.max_addr)
			continue;
		o = lookup_object(v);
		if (!o || o == scanned || !color_white(o))
			continue;
		if (++o->count >= o->min_count)
			push_gray(o);
	}
	scanned_bytes += end - start;
}

/* Scan memory that is not an object (data, bss), a step at a time. */
static void scan_range(unsigned long start, unsigned long end)
{
	unsigned long flags;

	while (start < end) {
		unsigned long next = min(start + MAX_SCAN_SIZE, end);

		spin_lock_irqsave(&kmemleak_lock, flags);
		scan_block(start, next, NULL);
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		start = next;
		cond_resched();
	}
}

/*
 * The bss, but not kmemleak's own records (see "own") nor the boot
 * stack's guard page (never mapped).
 */
struct mem_range {
	unsigned long start, end;
};

static void scan_bss(void)
{
	struct mem_range holes[2] = {
		{ (unsigned long)&own, (unsigned long)(&own + 1) },
		{ (unsigned long)boot_stack_guard,
		  (unsigned long)boot_stack_guard + PAGE_SIZE },
	};
	unsigned long pos = (unsigned long)__bss_start;
	unsigned int i;

	if (holes[1].start < holes[0].start) {	/* in address order */
		struct mem_range first = holes[1];

		holes[1] = holes[0];
		holes[0] = first;
	}
	for (i = 0; i < ARRAY_SIZE(holes); i++) {
		scan_range(pos, holes[i].start);
		pos = max(pos, holes[i].end);
	}
	scan_range(pos, (unsigned long)__bss_stop);
}

/*
 * The roots: every task's stack from its stack pointer up (what lies
 * below it is dead).  A task's stack is also a vmalloc object: it is
 * marked no-scan, so its dead part is not read that way either.
 */
static __kmemleak_nocheck void scan_task_stacks(void)
{
	unsigned long flags, here;
	struct task_struct *t;
	struct kmemleak_object *o;

	spin_lock_irqsave(&kmemleak_lock, flags);
	here = (unsigned long)&here;	/* below the callers' saved registers */
	barrier();
	for_each_process(t) {
		unsigned long lo = t->stack_lo, hi = t->stack_hi;
		unsigned long sp = t == current ? here : t->thread_sp;

		if (!lo || hi <= lo)
			continue;
		if (sp >= lo && sp < hi)
			lo = sp;
		o = t->stack ? lookup_exact((unsigned long)t->stack) : NULL;
		if (o)
			o->flags |= OBJECT_NO_SCAN;
		scan_block(lo, hi, NULL);
	}
	spin_unlock_irqrestore(&kmemleak_lock, flags);
}

/*
 * Done with a held object: unhold it, and give its bookkeeping back if
 * it was freed meanwhile.  kmemleak_lock held; returns the object to
 * free (after unlocking), or NULL.
 */
static struct kmemleak_object *unhold(struct kmemleak_object *o)
{
	o->flags &= ~OBJECT_HELD;
	return (o->flags & OBJECT_ALLOCATED) ? NULL : o;
}

/* Scan a held object's contents (or its scan area), a step at a time. */
static void scan_object(struct kmemleak_object *o)
{
	unsigned long flags, start, end;

	spin_lock_irqsave(&kmemleak_lock, flags);
	if (!(o->flags & OBJECT_ALLOCATED) || (o->flags & OBJECT_NO_SCAN))
		goto out;
	start = o->pointer + o->area_off;
	end = o->area_len ? start + o->area_len : o->pointer + o->size;
	for (;;) {
		unsigned long next = min(start + MAX_SCAN_SIZE, end);

		scan_block(start, next, o);
		start = next;
		if (start >= end)
			break;
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		cond_resched();
		spin_lock_irqsave(&kmemleak_lock, flags);
		if (!(o->flags & OBJECT_ALLOCATED))
			break;		/* freed between two steps */
	}
out:
	o = unhold(o);
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (o)
		free_object(o);
}

static void scan_gray_list(void)
{
	struct kmemleak_object *o;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&kmemleak_lock, flags);
		o = gray_list;
		if (o)
			gray_list = o->next;
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		if (!o)
			break;
		scan_object(o);
	}
}

/*
 * crc32 of a held object's contents, a step at a time.  Returns true
 * when it changed since the last time; false too when it was freed.
 */
static bool update_checksum(struct kmemleak_object *o)
{
	unsigned long flags, p, end;
	bool changed = false;
	u32 crc = 0;

	spin_lock_irqsave(&kmemleak_lock, flags);
	p = o->pointer;
	end = p + o->size;
	while (o->flags & OBJECT_ALLOCATED) {
		unsigned long next = min(p + MAX_SCAN_SIZE, end);

		crc = crc32_bytes(crc, (const u8 *)p, next - p);
		p = next;
		if (p >= end) {
			changed = crc != o->checksum;
			o->checksum = crc;
			break;
		}
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		cond_resched();
		spin_lock_irqsave(&kmemleak_lock, flags);
	}
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	return changed;
}

/* Born after the scan began: not judged by it.  kmemleak_lock held. */
static inline bool born_during_scan(const struct kmemleak_object *o)
{
	return (s32)(o->seq - scan_seq) > 0;
}

/*
 * A white object whose contents changed since the previous scan may be
 * in the middle of being linked somewhere: take it as referenced this
 * time (gray), and scan what it points to.
 */
static void check_changed_objects(void)
{
	struct kmemleak_object *o, *done;
	unsigned long flags, pos = 0;
	unsigned int steps;

	for (;;) {
		spin_lock_irqsave(&kmemleak_lock, flags);
		o = first_object_from(pos);
		for (steps = 0; o && steps < OBJECTS_PER_STEP; steps++) {
			if (color_white(o) && !(o->flags & OBJECT_HELD) &&
			    !born_during_scan(o))
				break;
			o = obj_of(avl_next(&o->node));
		}
		if (!o) {
			spin_unlock_irqrestore(&kmemleak_lock, flags);
			return;
		}
		pos = o->pointer + 1;
		if (steps == OBJECTS_PER_STEP) {	/* a breath, then go on */
			pos = o->pointer;
			spin_unlock_irqrestore(&kmemleak_lock, flags);
			cond_resched();
			continue;
		}
		o->flags |= OBJECT_HELD;
		spin_unlock_irqrestore(&kmemleak_lock, flags);

		if (update_checksum(o)) {
			spin_lock_irqsave(&kmemleak_lock, flags);
			if ((o->flags & OBJECT_ALLOCATED) && color_white(o)) {
				o->count = o->min_count;
				if (!(o->flags & OBJECT_NO_SCAN)) {
					/* already held: onto the gray list */
					o->next = gray_list;
					gray_list = o;
					spin_unlock_irqrestore(&kmemleak_lock, flags);
					continue;
				}
			}
			spin_unlock_irqrestore(&kmemleak_lock, flags);
		}
		spin_lock_irqsave(&kmemleak_lock, flags);
		done = unhold(o);
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		if (done)
			free_object(done);
	}
}

/*
 * Call @fn on every object in address order, OBJECTS_PER_STEP under one
 * hold of kmemleak_lock; @fn must not free or move objects.
 */
static void for_each_object(void (*fn)(struct kmemleak_object *o, void *arg),
			    void *arg)
{
	struct kmemleak_object *o;
	unsigned long flags, pos = 0;
	unsigned int i;

	for (;;) {
		spin_lock_irqsave(&kmemleak_lock, flags);
		o = first_object_from(pos);
		for (i = 0; o && i < OBJECTS_PER_STEP; i++) {
			fn(o, arg);
			pos = o->pointer + 1;
			o = obj_of(avl_next(&o->node));
		}
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		if (!o)
			return;
		cond_resched();
	}
}

/* Step 1: forget the last scan's counts; the never-leaks are the first grays. */
static void reset_object(struct kmemleak_object *o, void *unused)
{
	o->count = 0;
	if (color_gray(o))
		push_gray(o);
}

/* The last step: count the new leaks. */
static void report_object(struct kmemleak_object *o, void *new_leaks)
{
	if (unreferenced_object(o) && !(o->flags & OBJECT_REPORTED)) {
		o->flags |= OBJECT_REPORTED;
		(*(int *)new_leaks)++;
	}
}

/* One whole scan.  scan_mutex held. */
static int kmemleak_scan(void)
{
	u64 t0 = local_clock();
	unsigned long flags;
	int new_leaks = 0;

	spin_lock_irqsave(&kmemleak_lock, flags);
	scan_jiffies = jiffies;
	scan_seq = object_seq;
	scan_min_age = msecs_to_jiffies(READ_ONCE(min_age_ms));
	scanned_bytes = 0;
	spin_unlock_irqrestore(&kmemleak_lock, flags);

	for_each_object(reset_object, NULL);

	/* the roots: data, bss, the task stacks */
	scan_range((unsigned long)_data, (unsigned long)_edata);
	scan_bss();
	scan_task_stacks();
	scan_gray_list();

	check_changed_objects();
	scan_gray_list();

	/* nr_scans counts this scan before the report: unreferenced_object() */
	spin_lock_irqsave(&kmemleak_lock, flags);
	nr_scans++;
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	for_each_object(report_object, &new_leaks);

	last_scan_us = (local_clock() - t0) / 1000;
	last_scanned_bytes = scanned_bytes;
	if (new_leaks)
		pr_info("%d new suspected memory leaks (see /sys/kernel/debug/kmemleak)\n",
			new_leaks);
	return new_leaks;
}

int kmemleak_scan_now(void)
{
	int ret = -EPERM;

	mutex_lock(&scan_mutex);
	if (READ_ONCE(kmemleak_enabled) && kmemleak_initialized)
		ret = kmemleak_scan();
	mutex_unlock(&scan_mutex);
	return ret;
}

/* ---- what the debugfs file shows ---------------------------------------------------- */

/* A copy of what a report prints, taken under the lock. */
struct object_snapshot {
	unsigned long pointer;
	size_t size;
	unsigned long jiffies;
	u32 trace, checksum;
	pid_t pid;
	int min_count, count;
	u16 flags;
	char comm[TASK_COMM_LEN];
	u8 bytes[HEX_MAX_BYTES];
	size_t nr_bytes;
};

static void take_snapshot(const struct kmemleak_object *o,
			  struct object_snapshot *s)
{
	s->pointer = o->pointer;
	s->size = o->size;
	s->jiffies = o->jiffies;
	s->trace = o->trace;
	s->checksum = o->checksum;
	s->pid = o->pid;
	s->min_count = o->min_count;
	s->count = o->count;
	s->flags = o->flags;
	memcpy(s->comm, o->comm, sizeof(s->comm));
	s->nr_bytes = min_t(size_t, o->size, HEX_MAX_BYTES);
	copy_bytes(s->bytes, (const u8 *)o->pointer, s->nr_bytes);
}

/* Linux's print_unreferenced(), into @m. */
static void print_unreferenced(struct seq_buf *m, const struct object_snapshot *s)
{
	unsigned long *entries;
	unsigned int nr = stack_depot_fetch(s->trace, &entries), i;
	char line[HEX_ROW_SIZE * 4 + 8];
	size_t off;

	seq_buf_printf(m, "unreferenced object 0x%08lx (size %zu):\n",
		       s->pointer, s->size);
	seq_buf_printf(m, "  comm \"%s\", pid %d, jiffies %lu\n", s->comm,
		       s->pid, s->jiffies);
	seq_buf_printf(m, "  hex dump (first %zu bytes):\n", s->nr_bytes);
	for (off = 0; off < s->nr_bytes; off += HEX_ROW_SIZE) {
		hex_dump_to_buffer(s->bytes + off,
				   min_t(size_t, HEX_ROW_SIZE, s->nr_bytes - off),
				   HEX_ROW_SIZE, 1, line, sizeof(line), true);
		seq_buf_printf(m, "    %s\n", line);
	}
	seq_buf_printf(m, "  backtrace (crc %x):\n", s->checksum);
	for (i = 0; i < nr; i++)
		seq_buf_printf(m, "    [<%px>] %pS\n", (void *)entries[i],
			       (void *)entries[i]);
}

bool kmemleak_show_next(unsigned long *pos, struct seq_buf *m)
{
	struct object_snapshot snap;
	struct kmemleak_object *o;
	unsigned long flags;

	mutex_lock(&scan_mutex);	/* not a scan's half-done counts */
	spin_lock_irqsave(&kmemleak_lock, flags);
	for (o = first_object_from(*pos); o; o = obj_of(avl_next(&o->node)))
		if ((o->flags & OBJECT_REPORTED) && unreferenced_object(o))
			break;
	if (o) {
		take_snapshot(o, &snap);
		*pos = o->pointer + 1;
	}
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	mutex_unlock(&scan_mutex);
	if (!o)
		return false;
	print_unreferenced(m, &snap);
	return true;
}

/* "clear": what was reported is taken as not a leak from now on (Linux's). */
static void clear_object(struct kmemleak_object *o, void *unused)
{
	if ((o->flags & OBJECT_REPORTED) && unreferenced_object(o))
		o->min_count = 0;
}

/* "dump=ADDR": Linux's dump_object_info(), on the console. */
static int dump_object(unsigned long addr)
{
	struct object_snapshot s;
	struct kmemleak_object *o;
	unsigned long flags;

	spin_lock_irqsave(&kmemleak_lock, flags);
	o = lookup_object(addr);
	if (o)
		take_snapshot(o, &s);
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	if (!o) {
		pr_info("Unknown object at 0x%08lx\n", addr);
		return -ENOENT;
	}
	pr_notice("Object 0x%08lx (size %zu):\n", s.pointer, s.size);
	pr_notice("  comm \"%s\", pid %d, jiffies %lu\n", s.comm, s.pid,
		  s.jiffies);
	pr_notice("  min_count = %d\n", s.min_count);
	pr_notice("  count = %d\n", s.count);
	pr_notice("  flags = 0x%x\n", s.flags);
	pr_notice("  checksum = %u\n", s.checksum);
	pr_notice("  backtrace:\n");
	stack_depot_print(s.trace);
	return 0;
}

int kmemleak_control(const char *cmd)
{
	unsigned long val;

	if (!strcmp(cmd, "off")) {
		kmemleak_disable();
		return 0;
	}
	if (!READ_ONCE(kmemleak_enabled))
		return -EPERM;
	if (!strcmp(cmd, "scan")) {
		int ret = kmemleak_scan_now();

		return ret < 0 ? ret : 0;
	}
	if (!strcmp(cmd, "clear")) {
		mutex_lock(&scan_mutex);
		for_each_object(clear_object, NULL);
		mutex_unlock(&scan_mutex);
		return 0;
	}
	if (!strcmp(cmd, "scan=off")) {
		kmemleak_set_scan_period(0);
		return 0;
	}
	if (!strcmp(cmd, "scan=on")) {
		kmemleak_set_scan_period(SECS_SCAN_PERIOD);
		return 0;
	}
	if (!strncmp(cmd, "scan=", 5)) {
		if (kstrtoul(cmd + 5, 0, &val) || val > UINT_MAX / HZ)
			return -EINVAL;
		kmemleak_set_scan_period(val);
		return 0;
	}
	if (!strncmp(cmd, "dump=", 5)) {
		if (kstrtoul(cmd + 5, 0, &val))
			return -EINVAL;
		return dump_object(val);
	}
	return -EINVAL;
}

bool kmemleak_object_info(const void *ptr, struct kmemleak_object_info *info)
{
	struct kmemleak_object *o;
	unsigned long flags;

	spin_lock_irqsave(&kmemleak_lock, flags);
	o = lookup_object((unsigned long)ptr);
	if (o) {
		info->pointer = o->pointer;
		info->size = o->size;
		info->min_count = o->min_count;
		info->count = o->count;
		info->reported = o->flags & OBJECT_REPORTED;
		info->unreferenced = unreferenced_object(o);
		info->checksum = o->checksum;
		info->pid = o->pid;
	}
	spin_unlock_irqrestore(&kmemleak_lock, flags);
	return o;
}

static void count_leak(struct kmemleak_object *o, void *leaks)
{
	if ((o->flags & OBJECT_REPORTED) && unreferenced_object(o))
		(*(unsigned long *)leaks)++;
}

void kmemleak_get_stats(struct kmemleak_stats *st)
{
	unsigned long flags;

	memset(st, 0, sizeof(*st));
	if (kmemleak_initialized && READ_ONCE(kmemleak_enabled))
		for_each_object(count_leak, &st->leaks);
	spin_lock_irqsave(&kmemleak_lock, flags);
	st->objects = nr_objects;
	st->meta_bytes = nr_objects * sizeof(struct kmemleak_object);
	st->max_objects = max_objects;
	st->scans = nr_scans;
	st->last_scan_us = last_scan_us;
	st->last_scanned_bytes = last_scanned_bytes;
	st->scan_period_s = scan_period_s;
	st->min_age_ms = min_age_ms;
	st->enabled = kmemleak_enabled;
	spin_unlock_irqrestore(&kmemleak_lock, flags);
}

unsigned int kmemleak_set_min_age(unsigned int msecs)
{
	unsigned int old = READ_ONCE(min_age_ms);

	WRITE_ONCE(min_age_ms, msecs);
	return old;
}

unsigned int kmemleak_set_scan_period(unsigned int secs)
{
	unsigned int old = READ_ONCE(scan_period_s);

	WRITE_ONCE(scan_period_s, secs);

	if (scan_thread)
		wake_up_process(scan_thread);	/* wait the new period */
	return old;
}

/* ---- boot and the thread ------------------------------------------------------------- */

/* kmemleak is off: give back all the bookkeeping (the thread does it). */
static void kmemleak_do_cleanup(void)
{
	struct kmemleak_object *o, *batch;
	unsigned long flags;
	unsigned int i;

	mutex_lock(&scan_mutex);
	do {
		batch = NULL;
		spin_lock_irqsave(&kmemleak_lock, flags);
		for (i = 0; i < OBJECTS_PER_STEP && object_tree.node; i++) {
			o = obj_of(avl_first(&object_tree));
			avl_erase(&object_tree, &o->node);
			nr_objects--;
			o->flags &= ~OBJECT_ALLOCATED;
			o->next = batch;
			batch = o;
		}
		spin_unlock_irqrestore(&kmemleak_lock, flags);
		while (batch) {
			o = batch;
			batch = o->next;
			free_object(o);
		}
		cond_resched();
	} while (READ_ONCE(object_tree.node));
	mutex_unlock(&scan_mutex);
}

void __init kmemleak_init(void)
{
	if (!kmemleak_enabled)
		return;
	crc32_init();
	object_cache = kmem_cache_create("kmemleak_object",
					 sizeof(struct kmemleak_object), 0,
					 SLAB_NOLEAKTRACE, NULL);
	if (!object_cache) {
		kmemleak_disable();
		return;
	}
	WRITE_ONCE(kmemleak_initialized, true);
	pr_info("Kernel memory leak detector initialized (mem pool available: %u)\n",
		KMEMLEAK_POOL_SIZE - pool_next);
}

static int kmemleak_scan_thread(void *unused)
{
	pr_info("Automatic memory scanning thread started\n");
	while (!kthread_should_stop()) {
		unsigned int period = READ_ONCE(scan_period_s);

		if (READ_ONCE(cleanup_pending)) {
			WRITE_ONCE(cleanup_pending, false);
			kmemleak_do_cleanup();
		}
		if (!period || !READ_ONCE(kmemleak_enabled)) {
			schedule_timeout_interruptible(MAX_SCHEDULE_TIMEOUT);
			continue;
		}
		/* a new period or "off" wakes us early: scan only on time */
		if (!schedule_timeout_interruptible(period * HZ))
			kmemleak_scan_now();
	}
	return 0;
}

/* After the slab caches and the scheduler work: the scanning thread. */
static int __init kmemleak_late_init(void)
{
	struct task_struct *t;

	if (!kmemleak_initialized)
		return 0;
	t = kthread_run(kmemleak_scan_thread, NULL, "kmemleak");
	if (IS_ERR(t)) {
		pr_warn("Failed to create the scan thread\n");
		return PTR_ERR(t);
	}
	scan_thread = t;
	return 0;
}
__initcall(kmemleak_late_init);
