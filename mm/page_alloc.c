// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_alloc.c - the buddy page allocator.
 *
 * Physical memory is handed out in blocks of 2^order frames (order 0 to
 * MAX_PAGE_ORDER = 10: 4 KiB to 4 MiB), each block naturally aligned: a
 * block of order k starts at a pfn that is a multiple of 2^k.  Every
 * zone keeps one free list per order.
 *
 * Allocating order k: take a block from the first non-empty list of
 * order >= k; if it is bigger, split it, putting the unused halves back
 * on the lower lists ("expand"):
 *
 *	order 3 block: [ 0 1 2 3 4 5 6 7 ]   want order 1
 *	               [ 0 1 ] [2 3] [4 5 6 7]
 *	                 ^used  ^o1    ^o2 go back on their free lists
 *
 * Freeing: a block's "buddy" is the block it was split from, found by
 * flipping one bit of its pfn (pfn ^ (1 << order)).  If the buddy is free
 * and of the same order, the two merge into a block of order k+1, and
 * so on up: that is what keeps memory from crumbling into single frames.
 *
 * A free block is marked on its first frame only: PG_buddy, and its
 * order in page->private.  Allocated blocks carry their order in
 * page->private too, which is how a free with the wrong order, a double
 * free or a free of a frame that was never allocated is caught and
 * reported ("BUG: Bad page state") instead of corrupting the lists.
 *
 * Zones and fallback: an allocation may use its "highest" zone (NORMAL
 * for GFP_KERNEL, DMA32 for GFP_DMA32, DMA for GFP_DMA) and any below
 * it, tried from the top, so the scarce low memory is used last.
 *
 * Watermarks: each zone keeps min < low < high free-frame marks, derived
 * from min_free_kbytes as Linux derives them.  The fast path allocates
 * only while a zone stays above low; the slow path goes down to min;
 * __GFP_HIGH may use half of what is below min, and __GFP_ATOMIC a
 * quarter of the rest (GFP_ATOMIC has both: it stops at 3/8 of min).
 * The frames below that are the reserve for the callers that cannot
 * wait.
 *
 * The fast path for single frames: a list of free order-0 frames per
 * CPU (struct per_cpu_pages, zone->pcp[cpu]).  Allocation pops one, free
 * pushes one; only when the list is empty or too long is the zone's
 * buddy list touched, a batch of frames at a time, under zone->lock.
 * Each CPU's list is its own: no other CPU ever touches it, so it needs
 * no lock, only interrupts off on its CPU.  drain_all_pages() (memory
 * is short, or a test wants every frame back) asks each CPU by IPI to
 * give its own lists back:
 *
 *	          CPU 0            CPU 1            CPU 2
 *	pcp[]   [f f f f]        [f f]            [f f f f f f]   free frames
 *	           \ batch          |                 /
 *	            +---------- zone->lock -----------+
 *	            free_area[0..10]: the buddy lists, shared
 *
 * (the shell's "cpus" command prints the lists of each CPU, pcplists_show()).
 *
 * Locking.  Who protects what:
 *
 *   zone->lock         (a spinlock, taken with interrupts off: interrupt
 *                       handlers allocate and free too, GFP_ATOMIC)
 *                       protects the zone's free lists (free_area[],
 *                       nr_free), free_pages, and the PG_buddy and order
 *                       fields of free blocks.  Every move of a block onto
 *                       or off a buddy list happens under it.
 *   interrupts off     on CPU N protect zone->pcp[N] (list, count) and the
 *                       PG_pcp flag of the frames on it: only CPU N
 *                       touches them, and nothing else runs there
 *                       meanwhile.  Another CPU's lists are reached only
 *                       by asking it (drain_all_pages(): on_each_cpu()).
 *   the block's owner  an allocated block's struct page (flags, refcount,
 *                       private) is its owner's until it is freed:
 *                       free_pages_prepare() reads it with interrupts
 *                       on, and a wrong free is reported, not trusted.
 *   page_alloc_wait    (a wait queue, with its own lock) the sleeping
 *                       GFP_KERNEL allocations.
 *   nothing            page_free_events and page_alloc_sleeps are hints
 *                       and statistics; the watermark checks read
 *                       free_pages unlocked, as Linux's do: a stale value
 *                       costs one more trip to the slow path, or one
 *                       frame below the mark.
 *
 * Lock order: zone->lock is the innermost lock of all the allocators'.
 * It is taken inside the slab allocator's list_lock, inside vmalloc's
 * vmap_area_lock (clip_free_range() allocates GFP_ATOMIC there) and
 * inside pgtable_lock (freeing a spare table); nothing is called while
 * it is held but list and counter work.  The slow path drops it before
 * it runs the reclaim hooks (which take the slab and vmalloc locks),
 * before it sends IPIs (drain_all_pages()) and before it sleeps.  No IPI
 * is ever sent with a lock held that the IPI's callback takes.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/irqflags.h>
#include <linux/kasan.h>
#include <linux/fault-inject.h>
#include <linux/list.h>
#include <linux/wait.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/seq_buf.h>
#include <kernel/oops.h>
#include <kernel/page_alloc.h>

/* How a caller may dip below the watermarks (Linux's alloc_flags). */
#define ALLOC_WMARK_MIN		WMARK_MIN
#define ALLOC_WMARK_LOW		WMARK_LOW
#define ALLOC_WMARK_HIGH	WMARK_HIGH
#define ALLOC_WMARK_MASK	0x03
#define ALLOC_HIGH		0x20	/* __GFP_HIGH: half of the reserve */
#define ALLOC_HARDER		0x10	/* __GFP_ATOMIC: a quarter more */

#define WATERMARK_SCALE_FACTOR	10	/* low - min = 0.1% of the zone */
#define PCP_BATCH_MAX		63

/* Flags a frame being freed must not have. */
#define PAGE_FLAGS_CHECK_AT_FREE ((1U << PG_reserved) | (1U << PG_buddy) | \
				  (1U << PG_pcp) | (1U << PG_slab) |	\
				  (1U << PG_vmalloc) | (1U << PG_pgtable) | \
				  (1U << PG_frozen))

struct zone zones[MAX_NR_ZONES] = {
	[ZONE_DMA] = { .name = "DMA" },
	[ZONE_DMA32] = { .name = "DMA32" },
	[ZONE_NORMAL] = { .name = "Normal" },
};
int min_free_kbytes;
unsigned long nr_bad_page_reports;

/*
 * For each highest allowed zone, the first zone with memory at or below
 * it: where the fast path looks (set by setup_per_zone_wmarks()).
 */
static struct zone *preferred_zone[MAX_NR_ZONES] = {
	&zones[ZONE_DMA], &zones[ZONE_DMA], &zones[ZONE_DMA],
};

/*
 * This CPU's list of @zone.  Context: interrupts off (nothing else runs
 * here, and no other CPU touches it: drain_all_pages() asks each CPU to
 * give its own back).
 */
static __always_inline struct per_cpu_pages *this_cpu_pcp(struct zone *zone)
{
	return &zone->pcp[raw_smp_processor_id()];
}

/* ---- free lists -------------------------------------------------------- */

static inline void set_buddy_order(struct page *page, unsigned int order)
{
	page->private = order;
	__SetPageBuddy(page);
}

static inline void add_to_free_list(struct page *page, struct zone *zone,
				    unsigned int order)
{
	struct free_area *area = &zone->free_area[order];

	set_buddy_order(page, order);
	list_add(&page->lru, &area->free_list);
	area->nr_free++;
}

static inline void del_from_free_list(struct page *page, struct zone *zone,
				      unsigned int order)
{
	list_del(&page->lru);
	__ClearPageBuddy(page);
	page->private = 0;
	zone->free_area[order].nr_free--;
}

/* Is @buddy the head of a free block of exactly @order? */
static inline bool page_is_buddy(const struct page *buddy, unsigned int order)
{
	return PageBuddy(buddy) && buddy->private == order;
}

/*
 * Put a block of 2^order frames starting at @pfn on the free lists,
 * merging it with its buddy as long as the buddy is free too.  Blocks
 * never cross a zone boundary (16 MiB and 4 GiB are multiples of the
 * largest block), so the buddy is always in the same zone.
 */
static void __free_one_page(struct page *page, unsigned long pfn,
			    struct zone *zone, unsigned int order)
{
	zone->free_pages += 1UL << order;
	/* LAB(buddy) BEGIN merge: merge with the buddy while it is free */
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy = page + (buddy_pfn - pfn);

		if (buddy_pfn >= max_pfn || !page_is_buddy(buddy, order))
			break;
		del_from_free_list(buddy, zone, order);
		pfn &= buddy_pfn;	/* the merged block starts at the lower */
		page = pfn_to_page(pfn);
		order++;
	}
	/* LAB(buddy) END merge */
	add_to_free_list(page, zone, order);
}

/*
 * Split a block of order @high down to order @low, giving back the
 * upper half at each step.
 */
static inline void expand(struct zone *zone, struct page *page,
			  unsigned int low, unsigned int high)
{
	/* LAB(buddy) BEGIN expand: give back the upper half at each order */
	unsigned long size = 1UL << high;

	while (high > low) {
		high--;
		size >>= 1;
		add_to_free_list(&page[size], zone, high);
	}
	/* LAB(buddy) END expand */
}

/* Take the smallest free block of at least @order and trim it to @order. */
static struct page *__rmqueue_smallest(struct zone *zone, unsigned int order)
{
	unsigned int current_order;

	for (current_order = order; current_order <= MAX_PAGE_ORDER; current_order++) {
		struct free_area *area = &zone->free_area[current_order];
		struct page *page;

		if (list_empty(&area->free_list))
			continue;
		page = list_first_entry(&area->free_list, struct page, lru);
		del_from_free_list(page, zone, current_order);
		expand(zone, page, order, current_order);
		zone->free_pages -= 1UL << order;
		return page;
	}
	return NULL;
}

/* Move up to @count single frames from the buddy lists to the pcp list. */
static int rmqueue_bulk(struct zone *zone, int count, struct per_cpu_pages *pcp)
{
	int i;

	for (i = 0; i < count; i++) {
		struct page *page = __rmqueue_smallest(zone, 0);

		if (!page)
			break;
		__SetPagePcp(page);
		list_add_tail(&page->lru, &pcp->list);
	}
	pcp->count += i;
	return i;
}

/* Give @count frames from the cold end of the pcp list back to the buddy. */
static void free_pcppages_bulk(struct zone *zone, int count,
			       struct per_cpu_pages *pcp)
{
	while (count-- && !list_empty(&pcp->list)) {
		struct page *page = list_last_entry(&pcp->list, struct page, lru);

		list_del(&page->lru);
		__ClearPagePcp(page);
		pcp->count--;
		__free_one_page(page, page_to_pfn(page), zone, 0);
	}
}

/* ---- watermarks ---------------------------------------------------------- */

/*
 * May @zone give a block of @order and stay above @mark?  The reserve
 * rules: ALLOC_HIGH lowers the mark by half, ALLOC_HARDER by a further
 * quarter.  For order > 0 a free block of that size must also exist.
 */
static bool zone_watermark_ok(const struct zone *zone, unsigned int order,
			      unsigned long mark, unsigned int alloc_flags)
{
	long min = mark;
	long free_pages = zone->free_pages - ((1L << order) - 1);
	unsigned int o;

	/* LAB(contexts) BEGIN watermark: how far below the mark each may go */
	if (alloc_flags & ALLOC_HIGH)
		min -= min / 2;
	if (alloc_flags & ALLOC_HARDER)
		min -= min / 4;
	/* LAB(contexts) END watermark */
	if (free_pages <= min)
		return false;
	if (!order)
		return true;
	for (o = order; o <= MAX_PAGE_ORDER; o++)
		if (zone->free_area[o].nr_free)
			return true;
	return false;
}

static inline unsigned int gfp_to_alloc_flags(gfp_t gfp)
{
	unsigned int alloc_flags = ALLOC_WMARK_MIN;

	/* LAB(contexts) BEGIN alloc_flags: which callers may use the reserve */
	if (gfp & __GFP_HIGH)
		alloc_flags |= ALLOC_HIGH;
	if ((gfp & __GFP_ATOMIC) && !(gfp & __GFP_NOMEMALLOC))
		alloc_flags |= ALLOC_HARDER;
	/* LAB(contexts) END alloc_flags */
	return alloc_flags;
}

/* The highest zone @gfp allows: a table lookup on the two zone bits. */
static const u8 gfp_zone_table[8] = {
	[0] = ZONE_NORMAL,
	[___GFP_DMA] = ZONE_DMA,
	[___GFP_DMA32] = ZONE_DMA32,
	[___GFP_DMA | ___GFP_DMA32] = ZONE_DMA,	/* nonsense: the lower wins */
	[___GFP_HIGHMEM] = ZONE_NORMAL,		/* no highmem on 64-bit */
	[___GFP_HIGHMEM | ___GFP_DMA] = ZONE_DMA,
	[___GFP_HIGHMEM | ___GFP_DMA32] = ZONE_DMA32,
	[___GFP_HIGHMEM | ___GFP_DMA | ___GFP_DMA32] = ZONE_DMA,
};

static inline enum zone_type gfp_zone(gfp_t gfp)
{
	return gfp_zone_table[gfp & (___GFP_DMA | ___GFP_DMA32 | ___GFP_HIGHMEM)];
}

/* ---- allocation ---------------------------------------------------------- */

static struct page *rmqueue(struct zone *zone, unsigned int order)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;
	struct page *page;

	local_irq_save(flags);
	if (likely(order == 0)) {
		pcp = this_cpu_pcp(zone);
		if (unlikely(list_empty(&pcp->list))) {
			int got;

			spin_lock(&zone->lock);
			got = rmqueue_bulk(zone, pcp->batch, pcp);
			spin_unlock(&zone->lock);
			if (!got) {
				local_irq_restore(flags);
				return NULL;
			}
		}
		page = list_first_entry(&pcp->list, struct page, lru);
		list_del(&page->lru);
		__ClearPagePcp(page);
		pcp->count--;
	} else {
		spin_lock(&zone->lock);
		page = __rmqueue_smallest(zone, order);
		spin_unlock(&zone->lock);
	}
	local_irq_restore(flags);
	return page;
}

static inline void prep_new_page(struct page *page, unsigned int order, gfp_t gfp)
{
	kasan_unpoison_pages(page, order);
	set_page_count(page, 1);
	page->private = order;
	if (order)
		__SetPageHead(page);
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
}

/* Try each allowed zone, highest first, under the given watermark rules. */
static struct page *get_page_from_freelist(gfp_t gfp, unsigned int order,
					   unsigned int alloc_flags)
{
	int z;

	for (z = gfp_zone(gfp); z >= 0; z--) {
		struct zone *zone = &zones[z];
		struct page *page;

		if (!zone->managed_pages)
			continue;
		if (!zone_watermark_ok(zone, order,
				       zone->_watermark[alloc_flags & ALLOC_WMARK_MASK],
				       alloc_flags))
			continue;
		page = rmqueue(zone, order);
		if (page) {
			prep_new_page(page, order, gfp);
			return page;
		}
	}
	return NULL;
}

/**
 * warn_alloc - the allocation-failure report
 * @gfp: the failed allocation's flags
 * @order: its order
 *
 * Prints "NAME: page allocation failure: order:N, mode:0x...(FLAGS)", a
 * backtrace and every zone's free counts, unless __GFP_NOWARN.
 */
static void warn_alloc(gfp_t gfp, unsigned int order)
{
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("%s: page allocation failure: order:%u, mode:%#x(%pGg)\n",
		current->comm, order, gfp, &gfp);
	dump_stack();
	show_free_areas();
}

/* ---- reclaim and waiting -------------------------------------------------------- */

#define MAX_RECLAIM_HOOKS	4
#define MAX_RECLAIM_RETRIES	16		/* sleeps before giving up */
#define RECLAIM_WAIT_JIFFIES	(HZ / 10)	/* between retries */

static unsigned long (*reclaim_hooks[MAX_RECLAIM_HOOKS])(void);
static DECLARE_WAIT_QUEUE_HEAD(page_alloc_wait);
static unsigned long page_free_events;	/* bumped when frames come back */
unsigned long page_alloc_sleeps;	/* times an allocation went to sleep */

/**
 * register_reclaim_hook - something that can give memory back on demand
 * @fn: frees what it can, returns how much (in its own unit)
 *
 * The slab allocator registers the shrinking of empty slabs, vmalloc the
 * purge of lazily freed areas (Linux calls these shrinkers).
 *
 * Context: Boot.
 */
void register_reclaim_hook(unsigned long (*fn)(void))
{
	unsigned int i;

	for (i = 0; i < MAX_RECLAIM_HOOKS; i++) {
		if (!reclaim_hooks[i]) {
			reclaim_hooks[i] = fn;
			return;
		}
	}
	WARN_ON(1);
}

/* Ask every hook to give memory back. */
static void reclaim(void)
{
	unsigned int i;

	for (i = 0; i < MAX_RECLAIM_HOOKS && reclaim_hooks[i]; i++)
		reclaim_hooks[i]();
}

/* Frames went back to the buddy lists: wake allocations that wait. */
static inline void wake_page_waiters(void)
{
	if (unlikely(waitqueue_active(&page_alloc_wait))) {
		WRITE_ONCE(page_free_events, page_free_events + 1);
		wake_up_all(&page_alloc_wait);
	}
}

/*
 * The slow path: the fast path found every zone at or below its low
 * watermark.  Retry down to the min watermark (less for __GFP_HIGH and
 * __GFP_ATOMIC), after pulling the per-CPU lists back into the buddy
 * lists (frames parked there could complete a larger block).
 *
 * An allocation that may not block (GFP_ATOMIC, GFP_NOWAIT) fails here.
 * One that may (GFP_KERNEL) reclaims (the slab caches' empty slabs,
 * vmalloc's lazily freed areas), and then really sleeps on a wait queue
 * until frames are freed, up to MAX_RECLAIM_RETRIES times;
 * __GFP_NORETRY does not sleep at all, __GFP_NOFAIL never gives up.
 */
static struct page *__alloc_pages_slowpath(gfp_t gfp, unsigned int order)
{
	unsigned int alloc_flags = gfp_to_alloc_flags(gfp);
	unsigned int retries = 0;
	struct page *page;

	page = get_page_from_freelist(gfp, order, alloc_flags);
	if (page)
		return page;
	drain_all_pages();
	page = get_page_from_freelist(gfp, order, alloc_flags);
	if (page)
		return page;

	while (gfpflags_allow_blocking(gfp) && !alloc_in_atomic(gfp, arch_local_save_flags())) {
		unsigned long events = READ_ONCE(page_free_events);

		reclaim();
		drain_all_pages();
		page = get_page_from_freelist(gfp, order, alloc_flags);
		if (page)
			return page;
		if (gfp & __GFP_NORETRY)
			break;
		if (!(gfp & __GFP_NOFAIL) && retries++ >= MAX_RECLAIM_RETRIES)
			break;
		page_alloc_sleeps++;
		wait_event_timeout(page_alloc_wait,
				   READ_ONCE(page_free_events) != events,
				   RECLAIM_WAIT_JIFFIES);
	}
	warn_alloc(gfp, order);
	return NULL;
}

/*
 * The fast path for one frame: the preferred zone's per-CPU list has a
 * frame and the zone is above its low watermark.  Anything else (empty
 * list, low memory, a fallback zone) goes the general way.
 */
static inline struct page *alloc_page_pcp_fast(gfp_t gfp)
{
	struct zone *zone = preferred_zone[gfp_zone(gfp)];
	struct per_cpu_pages *pcp;
	struct page *page = NULL;
	unsigned long flags;

	local_irq_save(flags);
	pcp = this_cpu_pcp(zone);
	/* KASAN=1: always the general way, where the shadow is written */
	if (likely(!kasan_enabled() && pcp->count && !fault_injection_active &&
		   !alloc_in_atomic(gfp, flags) &&
		   zone->free_pages > zone->_watermark[WMARK_LOW])) {
		page = list_first_entry(&pcp->list, struct page, lru);
		__list_del_entry(&page->lru);
		pcp->count--;
		page->flags = 0;		/* only PG_pcp was set */
		set_page_count(page, 1);
	}
	local_irq_restore(flags);
	return page;
}

static noinline struct page *zero_new_page(struct page *page, unsigned int order)
{
	memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}

/* The general allocation: any order, any zone, the watermark rules. */
static noinline struct page *__alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	might_alloc(gfp);
	if (unlikely(order > MAX_PAGE_ORDER)) {
		WARN_ON_ONCE(!(gfp & __GFP_NOWARN));
		return NULL;
	}
	if (fault_injection_active && !(gfp & __GFP_NOFAIL) &&
	    should_fail(&fail_page_alloc, PAGE_SIZE << order))
		return NULL;
	page = get_page_from_freelist(gfp, order, ALLOC_WMARK_LOW);
	if (unlikely(!page))
		page = __alloc_pages_slowpath(gfp, order);
	return page;
}

/**
 * alloc_pages - allocate a block of 2^@order physically contiguous frames
 * @gfp: GFP flags: zone (GFP_DMA, GFP_DMA32), reserve access (GFP_ATOMIC),
 *       __GFP_ZERO, __GFP_NOWARN ...
 * @order: log2 of the number of frames, 0..MAX_PAGE_ORDER
 *
 * Return: the struct page of the first frame, or NULL.  An order above
 * MAX_PAGE_ORDER returns NULL with a warning (none with __GFP_NOWARN).
 * Context: Any context when @gfp does not allow blocking (GFP_ATOMIC,
 * GFP_NOWAIT); process context for GFP_KERNEL.
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order)
{
	if (likely(order == 0)) {
		struct page *page = alloc_page_pcp_fast(gfp);

		if (likely(page)) {
			if (unlikely(gfp & __GFP_ZERO))
				return zero_new_page(page, 0);
			return page;
		}
	}
	return __alloc_pages(gfp, order);
}
EXPORT_SYMBOL(alloc_pages);

/**
 * __get_free_pages - allocate frames and return their direct-map address
 * @gfp: GFP flags, as for alloc_pages()
 * @order: log2 of the number of frames
 *
 * Return: the address, or 0.
 * Context: As alloc_pages().
 */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}
EXPORT_SYMBOL(__get_free_pages);

/**
 * get_zeroed_page - allocate one zeroed frame
 * @gfp: GFP flags, as for alloc_pages()
 *
 * Return: its direct-map address, or 0.
 * Context: As alloc_pages().
 */
unsigned long get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}
EXPORT_SYMBOL(get_zeroed_page);

/* ---- freeing ------------------------------------------------------------- */

static void dump_page_flags(const struct page *page)
{
	static const char *const names[NR_PAGEFLAGS] = {
		[PG_reserved] = "reserved", [PG_buddy] = "buddy",
		[PG_pcp] = "pcp", [PG_head] = "head", [PG_slab] = "slab",
		[PG_vmalloc] = "vmalloc", [PG_pgtable] = "pgtable",
		[PG_frozen] = "frozen",
	};
	char buf[96];
	size_t len = 0;
	unsigned int bit;

	buf[0] = '\0';
	for (bit = 0; bit < NR_PAGEFLAGS; bit++)
		if (page->flags & (1U << bit))
			len += scnprintf(buf + len, sizeof(buf) - len, "%s%s",
					 len ? "|" : "", names[bit]);
	pr_alert("flags: %#x(%s)\n", page->flags, buf);
}

/*
 * bad_page - report a frame in a state it must not be in, Linux style:
 *	BUG: Bad page state in process swapper/0  pfn:1f2c3
 * The frame is left exactly as it was: a report must not make things worse.
 */
static void bad_page(const struct page *page, unsigned long pfn,
		     const char *reason)
{
	nr_bad_page_reports++;
	pr_alert("BUG: Bad page state in process %s  pfn:%05lx\n",
		 current->comm, pfn);
	if (page && PageSlab(page)) {
		/* refcount and order are the slab allocator's fields here */
		pr_alert("page:%px slab page (its cache at %px) pfn:%#lx\n",
			 page, page->slab_cache, pfn);
		dump_page_flags(page);
	} else if (page) {
		pr_alert("page:%px refcount:%d mapcount:0 mapping:0000000000000000 index:0x0 pfn:%#lx\n",
			 page, page_ref_count(page), pfn);
		dump_page_flags(page);
	}
	pr_alert("page dumped because: %s\n", reason);
	dump_stack();
}

/*
 * Is a free of @page with @order legitimate?  The common case (refcount
 * 1, no state flags, the order it was allocated with) is one test; the
 * rest explains what is wrong.  Returns true when the block should go
 * back to the free lists now.
 */
static bool free_pages_prepare(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	char reason[96];

	if (likely(page_ref_count(page) == 1 && page->private == order &&
		   !(page->flags & PAGE_FLAGS_CHECK_AT_FREE)))
		goto ok;

	if (page->flags & (1U << PG_reserved)) {
		bad_page(page, pfn, "freeing a reserved frame (not managed by the page allocator)");
		return false;
	}
	if (PageSlab(page)) {
		/* checked first: a slab reuses the refcount and order fields */
		bad_page(page, pfn, "freeing a slab page (its objects go back with kfree() or kmem_cache_free())");
		return false;
	}
	if (page_ref_count(page) > 1 && page->private == order) {
		page->_refcount.counter--;	/* another user still holds it */
		return false;
	}
	if (page->flags & ((1U << PG_buddy) | (1U << PG_pcp)) ||
	    page_ref_count(page) == 0) {
		bad_page(page, pfn, "freeing a frame that is not allocated (double free, or a tail frame of a block)");
		return false;
	}
	if (page->private != order) {
		snprintf(reason, sizeof(reason),
			 "freed with order %u but allocated with order %u",
			 order, page->private);
		bad_page(page, pfn, reason);
		return false;
	}
	bad_page(page, pfn, "PAGE_FLAGS_CHECK_AT_FREE flag(s) set");
	return false;
ok:
	set_page_count(page, 0);
	page->private = 0;
	__ClearPageHead(page);
	return true;
}

/* The pcp list grew too long: give a batch of frames back to the buddy. */
static noinline void drain_pcp_batch(struct zone *zone)
{
	struct per_cpu_pages *pcp;
	unsigned long flags;

	local_irq_save(flags);
	pcp = this_cpu_pcp(zone);
	if (pcp->count >= pcp->high) {
		spin_lock(&zone->lock);
		free_pcppages_bulk(zone, pcp->batch, pcp);
		spin_unlock(&zone->lock);
	}
	local_irq_restore(flags);
	wake_page_waiters();
}

/* Everything but the common single-frame free: checks, then the lists. */
static noinline void __free_pages_slow(struct page *page, unsigned long pfn,
				       unsigned int order)
{
	struct zone *zone;
	unsigned long flags;

	if (pfn >= max_pfn || order > MAX_PAGE_ORDER) {
		bad_page(NULL, pfn, "not a frame the page allocator knows");
		return;
	}
	if (!free_pages_prepare(page, order))
		return;
	kasan_poison_pages(page, order);

	zone = page_zone(page);
	local_irq_save(flags);
	if (order == 0) {
		struct per_cpu_pages *pcp = this_cpu_pcp(zone);

		__SetPagePcp(page);
		list_add(&page->lru, &pcp->list);
		if (++pcp->count >= pcp->high) {
			spin_lock(&zone->lock);
			free_pcppages_bulk(zone, pcp->batch, pcp);
			spin_unlock(&zone->lock);
		}
	} else {
		spin_lock(&zone->lock);
		__free_one_page(page, pfn, zone, order);
		spin_unlock(&zone->lock);
	}
	local_irq_restore(flags);
	wake_page_waiters();
}

/**
 * __free_pages - free a block allocated with alloc_pages()
 * @page: its first frame
 * @order: the order it was allocated with
 *
 * Drops a reference; the frames go back when the last one is dropped.
 * A frame that is not allocated, or a wrong @order, is reported as
 * "BUG: Bad page state" and nothing is freed.
 *
 * Context: Any context.
 */
void __free_pages(struct page *page, unsigned int order)
{
	unsigned long pfn = page_to_pfn(page);
	struct per_cpu_pages *pcp;
	struct zone *zone;
	unsigned long flags;

	/* one frame, allocated once, nothing unusual: straight to the pcp list */
	if (unlikely(kasan_enabled() || order != 0 || pfn >= max_pfn ||
		     (page->flags | page->private) != 0 ||
		     page_ref_count(page) != 1)) {
		__free_pages_slow(page, pfn, order);
		return;
	}
	zone = zones + (unsigned long)pfn_zone_idx(pfn);
	local_irq_save(flags);
	pcp = this_cpu_pcp(zone);
	set_page_count(page, 0);
	page->flags = 1U << PG_pcp;
	list_add(&page->lru, &pcp->list);
	pcp->count++;
	local_irq_restore(flags);
	if (unlikely(pcp->count >= pcp->high))
		drain_pcp_batch(zone);
}
EXPORT_SYMBOL(__free_pages);

/**
 * free_pages - free a block by its direct-map address
 * @addr: what __get_free_pages() returned (0 is ignored)
 * @order: the order it was allocated with
 *
 * Context: Any context.
 */
void free_pages(unsigned long addr, unsigned int order)
{
	if (!addr)
		return;
	if (unlikely(addr < PAGE_OFFSET || !IS_ALIGNED(addr, PAGE_SIZE) ||
		     virt_to_pfn(addr) >= max_pfn)) {
		bad_page(NULL, addr >= PAGE_OFFSET ? virt_to_pfn(addr) : 0,
			 "address is not the start of a frame in the direct map");
		return;
	}
	__free_pages(virt_to_page(addr), order);
}
EXPORT_SYMBOL(free_pages);

/**
 * split_page - turn an allocated block into single frames
 * @page: the block's first frame, as alloc_pages() returned it
 * @order: its order
 *
 * Afterwards each of the 2^@order frames is an allocated order-0 frame
 * of its own, to be freed with __free_page() one by one.
 *
 * Context: Any context.
 */
void split_page(struct page *page, unsigned int order)
{
	unsigned long i;

	__ClearPageHead(page);
	page->private = 0;
	for (i = 1; i < (1UL << order); i++) {
		set_page_count(page + i, 1);
		page[i].private = 0;
	}
}
EXPORT_SYMBOL_GPL(split_page);

/**
 * alloc_pages_exact - allocate an exact number of contiguous frames
 * @size: bytes wanted; PAGE_ALIGN(@size) bytes are kept
 * @gfp: GFP flags, as for alloc_pages()
 *
 * The buddy allocator deals in powers of two, so 5 frames would cost a
 * block of 8.  This takes that block, splits it (split_page()) and gives
 * the 3 frames past the 5th straight back: they are free for anyone.
 *
 * Context: As alloc_pages().
 * Return: the direct-map address of the first frame, or NULL (also for
 * a @size of 0, or one above what the largest block holds).
 */
void *alloc_pages_exact(size_t size, gfp_t gfp)
{
	unsigned long addr, nr = DIV_ROUND_UP(size, PAGE_SIZE), i;
	unsigned int order;
	struct page *page;

	if (!size)
		return NULL;
	order = get_order(size);
	addr = __get_free_pages(gfp, order);
	if (!addr)
		return NULL;
	page = virt_to_page(addr);
	split_page(page, order);
	for (i = nr; i < (1UL << order); i++)
		__free_page(page + i);
	return (void *)addr;
}
EXPORT_SYMBOL(alloc_pages_exact);

/**
 * free_pages_exact - free what alloc_pages_exact() allocated
 * @virt: its address
 * @size: the size given to alloc_pages_exact()
 *
 * Context: Any context.
 */
void free_pages_exact(void *virt, size_t size)
{
	unsigned long addr = (unsigned long)virt;
	unsigned long end = addr + PAGE_ALIGN(size);

	for (; addr < end; addr += PAGE_SIZE)
		free_page(addr);
}
EXPORT_SYMBOL(free_pages_exact);

/* Give this CPU's lists back to the buddy lists; the frames moved. */
static unsigned long drain_local_pages(void)
{
	struct zone *zone;
	unsigned long flags, drained = 0;

	local_irq_save(flags);
	for_each_zone(zone) {
		struct per_cpu_pages *pcp = this_cpu_pcp(zone);

		if (!pcp->count)
			continue;
		drained += pcp->count;
		spin_lock(&zone->lock);
		free_pcppages_bulk(zone, pcp->count, pcp);
		spin_unlock(&zone->lock);
	}
	local_irq_restore(flags);
	return drained;
}

/* on_each_cpu() callback: hard interrupt on each CPU, @info counts. */
static void drain_local_pages_ipi(void *info)
{
	__atomic_add_fetch((unsigned long *)info, drain_local_pages(),
			   __ATOMIC_RELAXED);
}

/**
 * drain_all_pages - return every CPU's per-CPU list frames to the buddy lists
 *
 * Each CPU's lists are its own (see this_cpu_pcp()), so each CPU is asked
 * to give its lists back itself, by IPI (on_each_cpu()), and this waits
 * until all have.  Where IPIs cannot be waited for (interrupts off, hard
 * interrupt), only this CPU's lists are drained.
 *
 * Context: Any context; all CPUs' lists only with interrupts on.
 */
void drain_all_pages(void)
{
	unsigned long drained = 0;

	if (num_online_cpus() > 1 && !irqs_disabled() && !in_hardirq())
		on_each_cpu(drain_local_pages_ipi, &drained, 1);
	else
		drained = drain_local_pages();
	if (drained)
		wake_page_waiters();
}

/* ---- counters, watermarks, reports ---------------------------------------- */

unsigned long zone_free_pages_total(const struct zone *zone)
{
	return zone->free_pages + zone_pcp_count(zone);
}

/**
 * nr_free_pages - free frames in all zones, per-CPU lists included
 *
 * Context: Any context.
 */
unsigned long nr_free_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone_free_pages_total(zone);
	return sum;
}
EXPORT_SYMBOL_GPL(nr_free_pages);

unsigned long totalram_pages(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += zone->managed_pages;
	return sum;
}
EXPORT_SYMBOL(totalram_pages);

static unsigned long int_sqrt(unsigned long x)
{
	unsigned long r = 0, bit = 1UL << (BITS_PER_LONG - 2);

	while (bit > x)
		bit >>= 2;
	while (bit) {
		if (x >= r + bit) {
			x -= r + bit;
			r = (r >> 1) + bit;
		} else {
			r >>= 1;
		}
		bit >>= 2;
	}
	return r;
}

/**
 * setup_per_zone_wmarks - compute min/low/high for every zone
 *
 * As Linux: min_free_kbytes = sqrt(16 * lowmem kB), clamped to
 * [128, 65536], is split between the zones in proportion to their size;
 * low and high are min plus one and two times max(min/4, 0.1% of the
 * zone).  Also sizes each zone's per-CPU list.
 *
 * Context: Boot, or process context.
 */
void setup_per_zone_wmarks(void)
{
	unsigned long lowmem_pages = totalram_pages(), pages_min;
	struct zone *zone;
	unsigned int cpu;
	int z;

	if (!min_free_kbytes) {
		min_free_kbytes = int_sqrt(lowmem_pages * (PAGE_SIZE >> 10) * 16);
		min_free_kbytes = clamp(min_free_kbytes, 128, 65536);
	}
	pages_min = (unsigned long)min_free_kbytes >> (PAGE_SHIFT - 10);

	for_each_zone(zone) {
		unsigned long min, delta;

		if (!zone->managed_pages || !lowmem_pages)
			continue;
		min = pages_min * zone->managed_pages / lowmem_pages;
		delta = max(min / 4, zone->managed_pages *
			    WATERMARK_SCALE_FACTOR / 10000);
		zone->_watermark[WMARK_MIN] = min;
		zone->_watermark[WMARK_LOW] = min + delta;
		zone->_watermark[WMARK_HIGH] = min + 2 * delta;

		for (cpu = 0; cpu < NR_CPUS; cpu++) {
			struct per_cpu_pages *pcp = &zone->pcp[cpu];

			pcp->batch = clamp(zone->managed_pages / 1024, 1UL,
					   (unsigned long)PCP_BATCH_MAX);
			pcp->high = 6 * pcp->batch;
		}
	}

	for (z = 0; z < MAX_NR_ZONES; z++) {
		int best = z;

		while (best > 0 && !zones[best].managed_pages)
			best--;
		preferred_zone[z] = &zones[best];
	}
}

void buddyinfo_show(struct seq_buf *s)
{
	struct zone *zone;
	unsigned int order;

	for_each_zone(zone) {
		if (!populated_zone(zone))
			continue;
		seq_buf_printf(s, "Node 0, zone %8s ", zone->name);
		for (order = 0; order <= MAX_PAGE_ORDER; order++)
			seq_buf_printf(s, "%6lu ", zone->free_area[order].nr_free);
		seq_buf_printf(s, "\n");
	}
}

/**
 * pcplists_show - each CPU's per-CPU page lists, one row per CPU
 * @s: where the text goes
 *
 *	Per-CPU page lists (free frames; high/batch):
 *	CPU       DMA     DMA32    Normal
 *	  0         0        12         -
 *	  1         3         0         -
 *
 * A column per zone ("-": the zone has no memory); the last row is the
 * zone's high and batch.  A snapshot: the owners change them meanwhile.
 *
 * Context: Any context.
 */
void pcplists_show(struct seq_buf *s)
{
	struct zone *zone;
	unsigned int cpu;

	seq_buf_printf(s, "Per-CPU page lists (free frames; high/batch):\nCPU ");
	for_each_zone(zone)
		seq_buf_printf(s, " %9s", zone->name);
	seq_buf_printf(s, "\n");
	for_each_online_cpu(cpu) {
		seq_buf_printf(s, "%3u ", cpu);
		for_each_zone(zone) {
			if (populated_zone(zone))
				seq_buf_printf(s, " %9d", READ_ONCE(zone->pcp[cpu].count));
			else
				seq_buf_printf(s, " %9s", "-");
		}
		seq_buf_printf(s, "\n");
	}
	seq_buf_printf(s, "h/b ");
	for_each_zone(zone) {
		char hb[16];

		snprintf(hb, sizeof(hb), "%d/%d", zone->pcp[0].high, zone->pcp[0].batch);
		seq_buf_printf(s, " %9s", populated_zone(zone) ? hb : "-");
	}
	seq_buf_printf(s, "\n");
}

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

void show_buddyinfo(void)
{
	char buf[512];
	struct seq_buf s;

	seq_buf_init(&s, buf, sizeof(buf));
	buddyinfo_show(&s);
	seq_buf_print_lines(&s);
}

/**
 * show_free_areas - each zone's free memory and marks, then its free blocks
 *
 * The zone lines of Linux's allocation-failure report:
 *   Node 0 DMA32 free:12345kB min:1234kB low:1500kB high:1800kB ...
 *   Node 0 DMA32: 3*4kB 1*8kB ... = 12345kB
 *
 * Context: Any context.
 */
void show_free_areas(void)
{
	struct zone *zone;
	unsigned int order;

	for_each_zone(zone) {
		char line[384];
		size_t len;
		unsigned long total = 0;

		if (!populated_zone(zone))
			continue;
		pr_info("Node 0 %s free:%lukB min:%lukB low:%lukB high:%lukB present:%lukB managed:%lukB free_pcp:%lukB\n",
			zone->name, K(zone_free_pages_total(zone)),
			K(min_wmark_pages(zone)), K(low_wmark_pages(zone)),
			K(high_wmark_pages(zone)), K(zone->present_pages),
			K(zone->managed_pages), K(zone_pcp_count(zone)));
		len = scnprintf(line, sizeof(line), "Node 0 %s: ", zone->name);
		for (order = 0; order <= MAX_PAGE_ORDER; order++) {
			unsigned long nr = zone->free_area[order].nr_free;

			len += scnprintf(line + len, sizeof(line) - len,
					 "%lu*%lukB ", nr, K(1UL << order));
			total += nr << order;
		}
		pr_info("%s= %lukB\n", line, K(total));
	}
}
