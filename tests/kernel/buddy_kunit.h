/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the page allocator's test suites
 * (tests/kernel/page_alloc_test.c, tests/kernel/lab_buddy_test.c):
 * snapshots of the free lists, and lists of held blocks that can all be
 * freed with their orders (held_alloc(): also when an ASSERT ends the
 * case).
 */
#ifndef _TESTS_BUDDY_KUNIT_H
#define _TESTS_BUDDY_KUNIT_H

#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/mm.h>

/* Free-block counts of every zone and order, per-CPU lists drained. */
struct buddy_snapshot {
	unsigned long nr_free[MAX_NR_ZONES][NR_PAGE_ORDERS];
	unsigned long free_pages[MAX_NR_ZONES];
};

static inline void take_snapshot(struct buddy_snapshot *snap)
{
	unsigned int z, order;

	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++) {
		snap->free_pages[z] = zones[z].free_pages;
		for (order = 0; order <= MAX_PAGE_ORDER; order++)
			snap->nr_free[z][order] = zones[z].free_area[order].nr_free;
	}
}

/* The free lists hold exactly the blocks they held at @before. */
static inline void expect_free_lists_as(struct kunit *test,
					const struct buddy_snapshot *before)
{
	struct buddy_snapshot now;
	unsigned int z, order;

	take_snapshot(&now);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		KUNIT_EXPECT_EQ_MSG(test, now.free_pages[z], before->free_pages[z],
				    "free frames of zone %s", zones[z].name);
		for (order = 0; order <= MAX_PAGE_ORDER; order++)
			KUNIT_EXPECT_EQ_MSG(test, now.nr_free[z][order],
					    before->nr_free[z][order],
					    "free blocks of zone %s, order %u",
					    zones[z].name, order);
	}
}

/* The highest zone that has memory: where GFP_KERNEL looks first. */
static inline struct zone *highest_zone(void)
{
	int z;

	for (z = MAX_NR_ZONES - 1; z > 0; z--)
		if (zones[z].managed_pages)
			break;
	return &zones[z];
}

/* Allocations kept on lists, one per order, so they can all be freed. */
struct held_pages {
	struct list_head list[NR_PAGE_ORDERS];
	unsigned long nr;
};

static inline void held_init(struct held_pages *held)
{
	unsigned int order;

	for (order = 0; order <= MAX_PAGE_ORDER; order++)
		INIT_LIST_HEAD(&held->list[order]);
	held->nr = 0;
}

static inline void held_add(struct held_pages *held, struct page *page,
			    unsigned int order)
{
	list_add_tail(&page->lru, &held->list[order]);
	held->nr++;
}

static inline void held_free_all(struct held_pages *held)
{
	unsigned int order;

	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		while (!list_empty(&held->list[order])) {
			struct page *page = list_first_entry(&held->list[order],
							     struct page, lru);

			list_del(&page->lru);
			__free_pages(page, order);
		}
	}
	held->nr = 0;
}

static inline void held_free_all_action(void *held)
{
	held_free_all(held);
}

/*
 * Held blocks that go back to the page allocator when the case ends,
 * however it ends (a failed ASSERT included): the list lives in
 * kunit_kzalloc() memory, and a deferred action frees what it still
 * holds.  The case may free them earlier with held_free_all().
 */
static inline struct held_pages *held_alloc(struct kunit *test)
{
	struct held_pages *held = kunit_kzalloc(test, sizeof(*held), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, held);
	held_init(held);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, held_free_all_action,
							held), 0);
	return held;
}

/* The highest order with a free block in any zone, -1 if none. */
static inline int highest_free_order(void)
{
	int z, order;

	for (order = MAX_PAGE_ORDER; order >= 0; order--)
		for (z = 0; z < MAX_NR_ZONES; z++)
			if (zones[z].free_area[order].nr_free)
				return order;
	return -1;
}

/*
 * Take a mix of orders into @held: 64 blocks of orders 0, 7, 3, 10, 6,
 * 2, 9 ... (step 7 mod 11).  An order is left out when it would take
 * more than half of the free memory left, or when no free block is that
 * big, so that it fits any memory size (at 512 MiB all 64 are taken,
 * 11,000 frames).  Fewer than three different orders would not be a
 * mix: the case is skipped.
 */
static inline void held_take_mixed_orders(struct kunit *test,
					  struct held_pages *held)
{
	unsigned long budget = nr_free_pages() / 2;
	unsigned int i, orders_seen = 0, nr_orders = 0;

	for (i = 0; i < 64; i++) {
		int order = (i * 7) % (MAX_PAGE_ORDER + 1);
		struct page *page;

		if ((1UL << order) > budget || order > highest_free_order())
			continue;
		page = alloc_pages(GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL_MSG(test, page, "order %d (%lu frames of budget left)",
					  order, budget);
		held_add(held, page, order);
		budget -= 1UL << order;
		if (!(orders_seen & (1U << order)))
			nr_orders++;
		orders_seen |= 1U << order;
	}
	if (nr_orders < 3)
		kunit_skip(test, "needs free blocks of three orders or more; %lu frames free",
			   nr_free_pages());
	kunit_info(test, "%lu blocks, %u different orders", held->nr, nr_orders);
}

#endif /* _TESTS_BUDDY_KUNIT_H */
