// SPDX-License-Identifier: GPL-2.0
/*
 * Grading suite of the buddy lab (labs/buddy): splitting in expand() and
 * merging in __free_one_page() (mm/page_alloc.c, regions LAB(buddy)).
 *
 * `make grade LAB=buddy` runs it; labs/buddy/lab.conf gives each case its
 * points.  Every case is also leak-checked by the runner, and the suite
 * checks that each case gives back every frame it took.
 *
 * How the cases see the free lists: with the per-CPU lists drained, the
 * buddy lists of a correct allocator are canonical (every free block
 * merged as far as it goes), so the same free frames always give the
 * same number of blocks per order.  A snapshot of those counts taken
 * before a case must be found again after it.
 *
 * To get two blocks of order k that are buddies, a case first takes
 * every free block of order k of the zone (so the list is empty), then
 * allocates twice: the first allocation splits a bigger block of order j,
 * and gets its lowest 2^k frames; the split leaves their buddy first on
 * the order-k list, and the second allocation takes it.
 */
#include <kunit/test.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <kernel/page_alloc.h>
#include <kernel/slab_stats.h>
#include "buddy_kunit.h"

#define PAIR_ORDER	2	/* the order of the buddy pairs the cases make */

static bool is_free_block(const struct page *page, unsigned int order)
{
	return PageBuddy(page) && page->private == order;
}

/*
 * Empty the order-@k list of @zone (the blocks go to @h), then allocate
 * a buddy pair: *@lo the lower block, *@hi its buddy, from a block of
 * order *@split.  Ends the case if that cannot be done.
 */
static void make_buddy_pair(struct kunit *test, struct zone *zone,
			    unsigned int k, struct held_pages *h, struct page **lo,
			    struct page **hi, unsigned int *split)
{
	unsigned long n = zone->free_area[k].nr_free;
	unsigned int j;

	while (n--) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, k);

		KUNIT_ASSERT_NOT_NULL(test, page);
		held_add(h, page, k);
	}
	KUNIT_ASSERT_EQ_MSG(test, zone->free_area[k].nr_free, 0UL,
			    "could not empty the order-%u list of zone %s",
			    k, zone->name);
	for (j = k + 1; j <= MAX_PAGE_ORDER && !zone->free_area[j].nr_free; j++)
		;
	KUNIT_ASSERT_LE_MSG(test, j, (unsigned int)MAX_PAGE_ORDER,
			    "no free block bigger than order %u in zone %s",
			    k, zone->name);
	*split = j;
	*lo = alloc_pages(GFP_KERNEL, k);
	KUNIT_ASSERT_NOT_NULL(test, *lo);
	*hi = alloc_pages(GFP_KERNEL, k);
	if (!*hi)
		__free_pages(*lo, k);
	KUNIT_ASSERT_NOT_NULL(test, *hi);
	if (page_to_pfn(*hi) != (page_to_pfn(*lo) ^ (1UL << k))) {
		__free_pages(*hi, k);
		__free_pages(*lo, k);
		KUNIT_FAIL(test, "two order-%u allocations after a split of order %u "
			   "are not buddies: pfn %#lx and %#lx (does the split leave "
			   "the buddy of the block it returns on the order-%u list?)",
			   k, j, page_to_pfn(*lo), page_to_pfn(*hi), k);
		held_free_all(h);
		KUNIT_ASSERT_TRUE(test, false);
	}
}

/* ---- splitting (region expand) ------------------------------------------- */

/*
 * An order-k request served from a free block of order j > k takes that
 * block and leaves exactly one free block at each order k .. j-1.
 */
static void split_gives_back_one_block_per_order(struct kunit *test)
{
	struct zone *zone = highest_zone();
	unsigned int z = zone - zones, order;

	for (order = 1; order < MAX_PAGE_ORDER; order++) {
		struct buddy_snapshot before, after;
		unsigned int j = order, o;
		struct page *page;

		take_snapshot(&before);
		while (j <= MAX_PAGE_ORDER && !zone->free_area[j].nr_free)
			j++;
		KUNIT_ASSERT_LE(test, j, (unsigned int)MAX_PAGE_ORDER);
		page = alloc_pages(GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		take_snapshot(&after);
		__free_pages(page, order);
		for (o = 0; o <= MAX_PAGE_ORDER; o++) {
			long change = (long)after.nr_free[z][o] -
				      (long)before.nr_free[z][o];
			long expected = o == j ? -1 : (o >= order && o < j) ? 1 : 0;

			KUNIT_EXPECT_EQ_MSG(test, change, expected,
					    "order-%u allocation from a free order-%u "
					    "block: change of free order-%u blocks",
					    order, j, o);
		}
		KUNIT_EXPECT_EQ_MSG(test, after.free_pages[z],
				    before.free_pages[z] - (1UL << order),
				    "free frames after an order-%u allocation", order);
	}
}

/*
 * The caller gets the lowest 2^k frames of the split block; the upper
 * halves, of orders j-1 down to k, are free blocks at page + 2^o.
 */
static void split_keeps_the_lower_half(struct kunit *test)
{
	struct zone *zone = highest_zone();
	struct page *lo, *hi;
	unsigned int j, o, k = PAIR_ORDER;
	struct held_pages *h = test->priv;

	make_buddy_pair(test, zone, k, h, &lo, &hi, &j);
	KUNIT_EXPECT_EQ_MSG(test, page_to_pfn(lo) & ((1UL << j) - 1), 0UL,
			    "the block returned is not the start of the order-%u "
			    "block that was split", j);
	for (o = k + 1; o < j; o++)
		KUNIT_EXPECT_TRUE_MSG(test, is_free_block(lo + (1UL << o), o),
				      "no free order-%u block at pfn %#lx", o,
				      page_to_pfn(lo) + (1UL << o));
	__free_pages(hi, k);
	__free_pages(lo, k);
	held_free_all(h);
}

/* ---- merging (region merge) ---------------------------------------------- */

/*
 * A block whose buddy is allocated stays at its order; when the buddy is
 * freed too, the two merge, and on up to the block that was split.
 */
static void free_merges_with_free_buddy(struct kunit *test)
{
	struct zone *zone = highest_zone();
	unsigned int k = PAIR_ORDER, j;
	struct buddy_snapshot before;
	struct page *lo, *hi;
	struct held_pages *h = test->priv;

	take_snapshot(&before);
	make_buddy_pair(test, zone, k, h, &lo, &hi, &j);
	__free_pages(lo, k);
	KUNIT_EXPECT_TRUE_MSG(test, is_free_block(lo, k),
			      "a block whose buddy is busy must stay a free "
			      "block of its own order");
	__free_pages(hi, k);
	KUNIT_EXPECT_FALSE_MSG(test, PageBuddy(hi),
			       "the freed block did not merge with its free buddy");
	KUNIT_EXPECT_TRUE_MSG(test, is_free_block(lo, j),
			      "the pair did not merge back into the order-%u block "
			      "(lower buddy: PG_buddy %d, order %u)", j,
			      PageBuddy(lo), lo->private);
	held_free_all(h);
	expect_free_lists_as(test, &before);
}

/* A free block does not merge with a buddy that is still allocated. */
static void merge_stops_at_busy_buddy(struct kunit *test)
{
	struct zone *zone = highest_zone();
	unsigned int k = PAIR_ORDER, j;
	unsigned long nr_before;
	struct page *lo, *hi;
	struct held_pages *h = test->priv;

	make_buddy_pair(test, zone, k, h, &lo, &hi, &j);
	nr_before = zone->free_area[k].nr_free;
	__free_pages(hi, k);
	KUNIT_EXPECT_TRUE_MSG(test, is_free_block(hi, k),
			      "the upper buddy, freed while the lower one is busy, "
			      "must be a free order-%u block", k);
	KUNIT_EXPECT_FALSE(test, PageBuddy(lo));
	KUNIT_EXPECT_EQ(test, zone->free_area[k].nr_free, nr_before + 1);
	__free_pages(lo, k);
	held_free_all(h);
}

/*
 * The merged block starts at the lower buddy, whichever is freed last:
 * free the upper block first, then the lower one.
 */
static void merged_block_starts_at_lower_buddy(struct kunit *test)
{
	struct zone *zone = highest_zone();
	unsigned int k = PAIR_ORDER, j;
	struct buddy_snapshot before;
	struct page *lo, *hi;
	struct held_pages *h = test->priv;

	take_snapshot(&before);
	make_buddy_pair(test, zone, k, h, &lo, &hi, &j);
	__free_pages(hi, k);
	__free_pages(lo, k);
	KUNIT_EXPECT_FALSE_MSG(test, PageBuddy(hi),
			       "the upper buddy still heads a free block");
	KUNIT_EXPECT_TRUE_MSG(test, is_free_block(lo, j),
			      "the merged order-%u block must start at the lower "
			      "buddy (pfn %#lx)", j, page_to_pfn(lo));
	held_free_all(h);
	expect_free_lists_as(test, &before);
}

/*
 * Every frame of an order-10 block taken one at a time, then freed odd
 * pfns first (no frame can merge until its even buddy comes back): the
 * free lists end exactly as they started.
 */
static void order0_frames_merge_back(struct kunit *test)
{
	struct buddy_snapshot before;
	struct page *page, *tmp;
	unsigned long i;
	struct held_pages *h = test->priv;
	LIST_HEAD(odd);

	take_snapshot(&before);
	for (i = 0; i < MAX_ORDER_NR_PAGES; i++) {
		page = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, page);
		held_add(h, page, 0);
	}
	list_for_each_entry_safe(page, tmp, &h->list[0], lru)
		if (page_to_pfn(page) & 1)
			list_move(&page->lru, &odd);
	while (!list_empty(&odd)) {
		page = list_first_entry(&odd, struct page, lru);
		list_del(&page->lru);
		__free_page(page);
	}
	held_free_all(h);
	expect_free_lists_as(test, &before);
}

/* A mix of orders, allocated and freed: every order's count is back. */
static void mixed_orders_merge_back(struct kunit *test)
{
	struct held_pages *h = test->priv;
	struct buddy_snapshot before;

	take_snapshot(&before);
	held_take_mixed_orders(test, h);
	held_free_all(h);
	expect_free_lists_as(test, &before);
}

/*
 * Fault injection: while 1100 single frames are taken (more than an
 * order-10 block), every fifth allocation fails, ten times.  The callers
 * see NULL, nothing is lost, and once every frame is freed (odd pfns
 * first) the lists are as they were: the frames merged back.
 */
static void failed_allocations_leave_lists_intact(struct kunit *test)
{
	unsigned int i, failed = 0;
	struct buddy_snapshot before;
	struct page *page, *tmp;
	struct held_pages *h = test->priv;
	LIST_HEAD(odd);

	take_snapshot(&before);
	fault_attr_set(&fail_page_alloc, 5, 100, 0, 10);
	for (i = 0; i < 1100; i++) {
		page = alloc_page(GFP_KERNEL | __GFP_NOWARN);
		if (page)
			held_add(h, page, 0);
		else
			failed++;
	}
	fault_attr_clear(&fail_page_alloc);
	KUNIT_EXPECT_EQ(test, failed, 10U);
	KUNIT_EXPECT_EQ(test, fail_page_alloc.injected, 10UL);
	list_for_each_entry_safe(page, tmp, &h->list[0], lru)
		if (page_to_pfn(page) & 1)
			list_move(&page->lru, &odd);
	while (!list_empty(&odd)) {
		page = list_first_entry(&odd, struct page, lru);
		list_del(&page->lru);
		__free_page(page);
	}
	held_free_all(h);
	expect_free_lists_as(test, &before);
}

/* ---- the suite ------------------------------------------------------------ */

static unsigned long free_at_start;

/*
 * Each case's list of held blocks (test->priv) is made here, before the
 * frames are counted: it is slab memory, and the frame a new slab takes
 * is not the case's doing.  Whatever it still holds when the case ends
 * (a failed ASSERT) goes back then.
 */
static int lab_buddy_init(struct kunit *test)
{
	kmem_cache_shrink_all();	/* no empty slab freed under our feet */
	test->priv = held_alloc(test);
	free_at_start = nr_free_pages();
	return 0;
}

static void lab_buddy_exit(struct kunit *test)
{
	fault_attr_clear(&fail_page_alloc);
	KUNIT_EXPECT_EQ_MSG(test, nr_free_pages(), free_at_start,
			    "the case did not give every frame back");
}

static struct kunit_case lab_buddy_cases[] = {
	KUNIT_CASE(split_gives_back_one_block_per_order),
	KUNIT_CASE(split_keeps_the_lower_half),
	KUNIT_CASE(free_merges_with_free_buddy),
	KUNIT_CASE(merge_stops_at_busy_buddy),
	KUNIT_CASE(merged_block_starts_at_lower_buddy),
	KUNIT_CASE(order0_frames_merge_back),
	KUNIT_CASE(mixed_orders_merge_back),
	KUNIT_CASE(failed_allocations_leave_lists_intact),
	{}
};

static struct kunit_suite lab_buddy_suite = {
	.name = "lab_buddy",
	.init = lab_buddy_init,
	.exit = lab_buddy_exit,
	.test_cases = lab_buddy_cases,
};
kunit_test_suite(lab_buddy_suite);
