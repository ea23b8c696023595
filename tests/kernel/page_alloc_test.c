// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the buddy page allocator (mm/page_alloc.c, mm/mm_init.c).
 *
 * Three suites:
 *
 *   page_alloc      the page API of <linux/gfp.h> and <linux/mm.h>: every
 *                   order, alignment, address conversions, __GFP_ZERO,
 *                   splitting and merging, zones, the text reports;
 *   page_alloc_bad  wrong uses (double free, wrong order, reserved and
 *                   tail frames, foreign addresses, impossible orders,
 *                   allocation failure): each is reported in Linux's words
 *                   and leaves the free lists exactly as they were;
 *   gfp_watermarks  how far each kind of caller may empty a zone, and the
 *                   fallback from zone to zone.
 *
 * They run at every memory size of the test matrix (16M: DMA only; 32M
 * and 64M: DMA and DMA32; 512M; 4G: a Normal zone above 4 GiB), so
 * nothing here assumes a size: expectations are computed from the zones
 * the kernel found, and a case that needs a zone or a block size that is
 * not there skips it and says so.
 *
 * How "the free lists are intact" is checked: with the per-CPU lists
 * drained, the buddy free lists are canonical (every free block merged
 * as far as it goes), so the same set of free frames always gives the
 * same count of blocks per order.  A snapshot of those counts taken
 * before a test must be found again after it.
 *
 * Every case leaves every page back: the suites' exit hook checks that
 * nr_free_pages() is what it was when the case started.
 */
#include <kunit/test.h>
#include <kernel/slab_stats.h>
#include <linux/kasan.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/kstrtox.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <kernel/log.h>
#include <kernel/page_alloc.h>
#include "buddy_kunit.h"

#define BAD_PAGE_TEXT	"BUG: Bad page state in process "
#define ALLOC_FAIL_TEXT	"page allocation failure: order:"

/* ---- helpers --------------------------------------------------------------- */

/* After a bad call: the lists are as before, and they still work. */
static void expect_allocator_intact(struct kunit *test,
				    const struct buddy_snapshot *before)
{
	struct page *page;

	expect_free_lists_as(test, before);
	page = alloc_pages(GFP_KERNEL, 3);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_pages(page, 3);
	page = alloc_page(GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_page(page);
	expect_free_lists_as(test, before);
}

static void expect_log(struct kunit *test, u64 seq, const char *text)
{
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) != 0,
			      "the log lacks \"%s\"", text);
}

static void expect_no_log(struct kunit *test, u64 seq, const char *text)
{
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) == 0,
			      "the log has \"%s\"", text);
}

/* One "BUG: Bad page state" report for @pfn was printed since @seq. */
static void expect_bad_page_report(struct kunit *test, u64 seq,
				   unsigned long reports_before,
				   unsigned long pfn)
{
	char text[32];

	expect_log(test, seq, BAD_PAGE_TEXT);
	snprintf(text, sizeof(text), "  pfn:%05lx", pfn);
	expect_log(test, seq, text);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports_before + 1);
}

static unsigned int zone_idx(const struct zone *zone)
{
	return zone - zones;
}

static bool zone_above_low_for(const struct zone *zone, unsigned int order);

/* Allocate @order blocks with @gfp until it fails; returns how many. */
static unsigned long alloc_until_failure(struct held_pages *held, gfp_t gfp,
					 unsigned int order)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		held_add(held, page, order);
		n++;
	}
	return n;
}

/* Every case must give back every frame it took. */
static unsigned long free_at_case_start;

/*
 * test->priv: a list of held blocks freed when the case ends, made before
 * the frames are counted (its slab memory is not the case's doing).
 */
static int page_alloc_case_init(struct kunit *test)
{
	/* GFP_KERNEL failures reclaim empty slabs: start without any */
	kmem_cache_shrink_all();
	test->priv = held_alloc(test);
	free_at_case_start = nr_free_pages();
	return 0;
}

static void page_alloc_case_exit(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, nr_free_pages(), free_at_case_start,
			    "the case did not give every frame back");
}

/* ---- suite page_alloc: the API --------------------------------------------- */

/* struct page is 0.8% of RAM at 32 bytes; it must not grow unnoticed. */
static void struct_page_is_32_bytes_at_most(struct kunit *test)
{
	KUNIT_EXPECT_LE(test, sizeof(struct page), (size_t)32);
}

/*
 * Every order from 0 to MAX_PAGE_ORDER: the block is naturally aligned,
 * its frames are RAM we can write, and every address conversion agrees.
 */
static void every_order_is_aligned_and_usable(struct kunit *test)
{
	unsigned long free_before = nr_free_pages();
	unsigned int order;

	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn, i;
		u8 *addr;

		KUNIT_ASSERT_NOT_NULL(test, page);
		pfn = page_to_pfn(page);
		addr = page_address(page);
		KUNIT_EXPECT_EQ_MSG(test, pfn & ((1UL << order) - 1), 0UL,
				    "order %u block at pfn %#lx", order, pfn);
		KUNIT_EXPECT_LT(test, pfn + (1UL << order), max_pfn + 1);
		KUNIT_EXPECT_PTR_EQ(test, pfn_to_page(pfn), page);
		KUNIT_EXPECT_PTR_EQ(test, virt_to_page(addr), page);
		KUNIT_EXPECT_PTR_EQ(test, addr, __va(PFN_PHYS(pfn)));
		KUNIT_EXPECT_EQ(test, virt_to_phys(addr), PFN_PHYS(pfn));
		KUNIT_EXPECT_PTR_EQ(test, phys_to_virt(virt_to_phys(addr)), addr);
		/* the last frame of the block converts back too */
		KUNIT_EXPECT_PTR_EQ(test,
				    virt_to_page(addr + (PAGE_SIZE << order) - 1),
				    page + (1UL << order) - 1);
		/* the first and last byte of every frame are writable RAM */
		for (i = 0; i < (1UL << order); i++) {
			addr[i * PAGE_SIZE] = (u8)i;
			addr[i * PAGE_SIZE + PAGE_SIZE - 1] = (u8)~i;
		}
		for (i = 0; i < (1UL << order); i++) {
			KUNIT_EXPECT_EQ(test, addr[i * PAGE_SIZE], (u8)i);
			KUNIT_EXPECT_EQ(test, addr[i * PAGE_SIZE + PAGE_SIZE - 1],
					(u8)~i);
		}
		KUNIT_EXPECT_EQ(test, nr_free_pages(),
				free_before - (1UL << order));
		__free_pages(page, order);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	}
}

/* The address-returning API: __get_free_pages() and friends. */
static void address_api_round_trips(struct kunit *test)
{
	unsigned long free_before = nr_free_pages();
	unsigned long addr;
	struct page *page;

	addr = __get_free_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NE(test, addr, 0UL);
	KUNIT_EXPECT_EQ(test, addr & ((PAGE_SIZE << 2) - 1), 0UL);
	KUNIT_EXPECT_GE(test, addr, PAGE_OFFSET);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before - 4);
	free_pages(addr, 2);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);

	addr = __get_free_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, addr, 0UL);
	KUNIT_EXPECT_EQ(test, addr & (PAGE_SIZE - 1), 0UL);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before - 1);
	free_page(addr);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);

	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before - 1);
	__free_page(page);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);

	/* a second reference: the first free only drops it */
	page = alloc_pages(GFP_KERNEL, 1);
	KUNIT_ASSERT_NOT_NULL(test, page);
	get_page(page);
	__free_pages(page, 1);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before - 2);
	__free_pages(page, 1);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);

	free_pages(0, 3);	/* freeing NULL does nothing, as in Linux */
	free_page(0);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

static bool all_zero(const void *p, size_t size)
{
	const unsigned long *w = p;
	size_t i;

	for (i = 0; i < size / sizeof(*w); i++)
		if (w[i])
			return false;
	return true;
}

/*
 * __GFP_ZERO really zeroes: dirty a block, free it, and the next zeroed
 * allocation (which, LIFO, is likely the same frames) is all zero.
 */
static void gfp_zero_zeroes(struct kunit *test)
{
	static const unsigned int orders[] = { 0, 0, 3 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(orders); i++) {
		unsigned int order = orders[i];
		size_t size = PAGE_SIZE << order;
		struct page *page = alloc_pages(GFP_KERNEL, order);
		void *addr;

		KUNIT_ASSERT_NOT_NULL(test, page);
		memset(page_address(page), 0xa5, size);
		__free_pages(page, order);

		if (i == 1) {
			addr = (void *)get_zeroed_page(GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, addr);
		} else {
			page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
			KUNIT_ASSERT_NOT_NULL(test, page);
			addr = page_address(page);
		}
		KUNIT_EXPECT_TRUE_MSG(test, all_zero(addr, size),
				      "order %u block not zeroed", order);
		free_pages((unsigned long)addr, order);
	}
}

/*
 * Splitting: an order-k request served from a free block of order j > k
 * takes that block and leaves one free block at each order k .. j-1.
 * When a block of exactly order k is free, nothing is split.  Freeing
 * the block merges everything back.
 */
static void split_takes_smallest_block_and_merge_undoes_it(struct kunit *test)
{
	struct zone *zone = highest_zone();
	unsigned int order;

	for (order = 1; order <= MAX_PAGE_ORDER; order++) {
		struct buddy_snapshot before, after;
		unsigned int j = order, o;
		struct page *page;

		take_snapshot(&before);
		while (j <= MAX_PAGE_ORDER && !zone->free_area[j].nr_free)
			j++;
		KUNIT_ASSERT_TRUE_MSG(test, j <= MAX_PAGE_ORDER,
				      "no free block of order >= %u in %s", order,
				      zone->name);
		page = alloc_pages(GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_PTR_EQ(test, page_zone(page), zone);
		take_snapshot(&after);
		for (o = 0; o <= MAX_PAGE_ORDER; o++) {
			long change = (long)after.nr_free[zone_idx(zone)][o] -
				      (long)before.nr_free[zone_idx(zone)][o];
			long expected = o == j ? -1 : (o >= order && o < j) ? 1 : 0;

			KUNIT_EXPECT_EQ_MSG(test, change, expected,
					    "order %u from a free order-%u block: order %u",
					    order, j, o);
		}
		__free_pages(page, order);
		expect_free_lists_as(test, &before);
	}
}

/*
 * Many small blocks taken from one big one merge back into it: take all
 * 1024 frames of an order-10 block one by one (after draining, order-0
 * allocations come from a split), free them in a scrambled order, and the
 * buddy lists are exactly as before.
 */
static void order0_frames_merge_back(struct kunit *test)
{
	struct held_pages *held = test->priv;
	struct buddy_snapshot before;
	unsigned long i, n = MAX_ORDER_NR_PAGES;
	struct page *page, *tmp;
	LIST_HEAD(odd);

	take_snapshot(&before);
	for (i = 0; i < n; i++) {
		page = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, page);
		held_add(held, page, 0);
	}
	/* free the odd pfns first, then the even ones: merging waits for them */
	list_for_each_entry_safe(page, tmp, &held->list[0], lru)
		if (page_to_pfn(page) & 1)
			list_move(&page->lru, &odd);
	while (!list_empty(&odd)) {
		page = list_first_entry(&odd, struct page, lru);
		list_del(&page->lru);
		__free_page(page);
	}
	held_free_all(held);
	expect_free_lists_as(test, &before);
}

/* After a mix of orders is freed, every order's count is back. */
static void buddyinfo_returns_after_mixed_frees(struct kunit *test)
{
	struct held_pages *held = test->priv;
	struct buddy_snapshot before;

	take_snapshot(&before);
	held_take_mixed_orders(test, held);
	held_free_all(held);
	expect_free_lists_as(test, &before);
}

static void gfp_dma_is_below_16m(struct kunit *test)
{
	unsigned int order;

	for (order = 0; order <= 4; order++) {
		struct page *page = alloc_pages(GFP_KERNEL | GFP_DMA, order);

		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_LT(test, page_to_pfn(page) + (1UL << order),
				(unsigned long)ZONE_DMA_END_PFN + 1);
		KUNIT_EXPECT_LT(test, page_to_phys(page), (phys_addr_t)SZ_16M);
		KUNIT_EXPECT_PTR_EQ(test, page_zone(page), &zones[ZONE_DMA]);
		__free_pages(page, order);
	}
}

/*
 * GFP_DMA32 is served from ZONE_DMA32 while it is above its low mark with
 * a block that fits (at 24 MiB an order-10 block may not be there).
 */
static void gfp_dma32_is_below_4g(struct kunit *test)
{
	unsigned int order;

	if (!populated_zone(&zones[ZONE_DMA32]))
		kunit_skip(test, "no ZONE_DMA32: RAM ends at 16 MiB");
	for (order = 0; order <= MAX_PAGE_ORDER; order += 5) {
		struct page *page;

		if (!zone_above_low_for(&zones[ZONE_DMA32], order)) {
			kunit_info(test, "ZONE_DMA32 has no order-%u block above its low mark",
				   order);
			continue;
		}
		page = alloc_pages(GFP_KERNEL | GFP_DMA32, order);

		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_LT(test, page_to_pfn(page) + (1UL << order),
				(unsigned long)ZONE_DMA32_END_PFN + 1);
		/* DMA32 first: the DMA zone is the last resort */
		KUNIT_EXPECT_PTR_EQ(test, page_zone(page), &zones[ZONE_DMA32]);
		__free_pages(page, order);
	}
}

/*
 * GFP_KERNEL starts at the top: Normal when RAM reaches past 4 GiB, DMA
 * when it ends at 16 MiB; served there while that zone is above its low
 * mark with a block that fits.
 */
static void gfp_kernel_uses_highest_zone_first(struct kunit *test)
{
	struct zone *top = highest_zone();
	unsigned int order;

	kunit_info(test, "highest zone: %s", top->name);
	if (max_pfn > ZONE_DMA32_END_PFN)
		KUNIT_EXPECT_PTR_EQ(test, top, &zones[ZONE_NORMAL]);
	else if (max_pfn > ZONE_DMA_END_PFN)
		KUNIT_EXPECT_PTR_EQ(test, top, &zones[ZONE_DMA32]);
	else
		KUNIT_EXPECT_PTR_EQ(test, top, &zones[ZONE_DMA]);
	for (order = 0; order <= MAX_PAGE_ORDER; order += 5) {
		struct page *page;

		if (!zone_above_low_for(top, order)) {
			kunit_info(test, "%s has no order-%u block above its low mark",
				   top->name, order);
			continue;
		}
		page = alloc_pages(GFP_KERNEL, order);

		KUNIT_ASSERT_NOT_NULL(test, page);
		KUNIT_EXPECT_PTR_EQ(test, page_zone(page), top);
		__free_pages(page, order);
	}
}

/* Zones partition mem_map; the page counters agree with each other. */
static void zones_are_consistent(struct kunit *test)
{
	unsigned long spanned = 0, managed = 0;
	struct zone *zone;

	drain_all_pages();
	for_each_zone(zone) {
		unsigned long free = 0;
		unsigned int order;

		if (zone->spanned_pages)
			KUNIT_EXPECT_EQ(test, zone->zone_start_pfn, spanned);
		spanned += zone->spanned_pages;
		managed += zone->managed_pages;
		KUNIT_EXPECT_LE(test, zone->present_pages, zone->spanned_pages);
		KUNIT_EXPECT_LE(test, zone->managed_pages, zone->present_pages);
		for (order = 0; order <= MAX_PAGE_ORDER; order++)
			free += zone->free_area[order].nr_free << order;
		KUNIT_EXPECT_EQ_MSG(test, free, zone->free_pages, "zone %s",
				    zone->name);
		KUNIT_EXPECT_EQ(test, zone_free_pages_total(zone), zone->free_pages);
		if (zone->managed_pages) {
			KUNIT_EXPECT_GT(test, min_wmark_pages(zone), 0UL);
			KUNIT_EXPECT_LT(test, min_wmark_pages(zone), low_wmark_pages(zone));
			KUNIT_EXPECT_LT(test, low_wmark_pages(zone), high_wmark_pages(zone));
		}
	}
	KUNIT_EXPECT_EQ(test, spanned, max_pfn);
	KUNIT_EXPECT_EQ(test, managed, totalram_pages());
	KUNIT_EXPECT_TRUE(test, populated_zone(&zones[ZONE_DMA]));
	KUNIT_EXPECT_EQ(test, populated_zone(&zones[ZONE_DMA32]),
			max_pfn > ZONE_DMA_END_PFN);
	KUNIT_EXPECT_EQ(test, populated_zone(&zones[ZONE_NORMAL]),
			max_pfn > ZONE_DMA32_END_PFN);
}

/* Read an unsigned decimal after optional spaces; NULL if none. */
static const char *parse_ulong(const char *p, unsigned long *val)
{
	char *end;

	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return NULL;
	*val = simple_strtoul(p, &end, 10);
	return end;
}

/*
 * buddyinfo: "Node 0, zone      DMA      1      0 ..." for each populated
 * zone, 11 columns (orders 0..10) that are the free lists' counts.
 */
static void buddyinfo_has_linux_format(struct kunit *test)
{
	static char buf[1024];
	struct seq_buf s;
	const char *line;
	struct zone *zone;

	drain_all_pages();
	seq_buf_init(&s, buf, sizeof(buf));
	buddyinfo_show(&s);
	KUNIT_ASSERT_FALSE(test, s.overflow);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "Node 0, zone      DMA ", 22), 0);

	line = buf;
	for_each_zone(zone) {
		char head[32];
		unsigned int order;
		const char *p;

		if (!populated_zone(zone))
			continue;
		snprintf(head, sizeof(head), "Node 0, zone %8s", zone->name);
		KUNIT_ASSERT_EQ_MSG(test, strncmp(line, head, strlen(head)), 0,
				    "line \"%.40s\"", line);
		p = line + strlen(head);
		for (order = 0; order <= MAX_PAGE_ORDER; order++) {
			unsigned long nr;

			p = parse_ulong(p, &nr);
			KUNIT_ASSERT_TRUE_MSG(test, p != NULL, "zone %s order %u",
					      zone->name, order);
			KUNIT_EXPECT_EQ(test, nr, zone->free_area[order].nr_free);
		}
		while (*p == ' ')
			p++;
		KUNIT_ASSERT_EQ_MSG(test, *p, '\n', "more than %d columns for %s",
				    NR_PAGE_ORDERS, zone->name);
		line = p + 1;
	}
	KUNIT_EXPECT_EQ(test, *line, '\0');
}

/* The value of "Name:   N kB" in @text. */
static bool meminfo_value(const char *text, const char *name,
			  unsigned long *kb)
{
	const char *p = strstr(text, name);

	if (!p || (p != text && p[-1] != '\n'))
		return false;
	p = parse_ulong(p + strlen(name), kb);
	return p && strncmp(p, " kB\n", 4) == 0;
}

static void meminfo_has_linux_format(struct kunit *test)
{
	static char buf[512];
	unsigned long total, free, avail;
	struct seq_buf s;

	seq_buf_init(&s, buf, sizeof(buf));
	meminfo_show(&s);
	KUNIT_ASSERT_TRUE(test, meminfo_value(buf, "MemTotal:", &total));
	KUNIT_ASSERT_TRUE(test, meminfo_value(buf, "MemFree:", &free));
	KUNIT_ASSERT_TRUE(test, meminfo_value(buf, "MemAvailable:", &avail));
	KUNIT_EXPECT_EQ(test, strncmp(buf, "MemTotal:", 9), 0);
	KUNIT_EXPECT_EQ(test, total, totalram_pages() * (PAGE_SIZE / 1024));
	KUNIT_EXPECT_EQ(test, free, nr_free_pages() * (PAGE_SIZE / 1024));
	KUNIT_EXPECT_LE(test, avail, free);
	KUNIT_EXPECT_LE(test, free, total);
	/* the kernel and mem_map take a little, not most, of RAM */
	KUNIT_EXPECT_GT(test, free, total / 2);
}

static struct kunit_case page_alloc_cases[] = {
	KUNIT_CASE(struct_page_is_32_bytes_at_most),
	KUNIT_CASE(every_order_is_aligned_and_usable),
	KUNIT_CASE(address_api_round_trips),
	KUNIT_CASE(gfp_zero_zeroes),
	KUNIT_CASE(split_takes_smallest_block_and_merge_undoes_it),
	KUNIT_CASE(order0_frames_merge_back),
	KUNIT_CASE(buddyinfo_returns_after_mixed_frees),
	KUNIT_CASE(gfp_dma_is_below_16m),
	KUNIT_CASE(gfp_dma32_is_below_4g),
	KUNIT_CASE(gfp_kernel_uses_highest_zone_first),
	KUNIT_CASE(zones_are_consistent),
	KUNIT_CASE(buddyinfo_has_linux_format),
	KUNIT_CASE(meminfo_has_linux_format),
	{}
};

static struct kunit_suite page_alloc_suite = {
	.name = "page_alloc",
	.init = page_alloc_case_init,
	.exit = page_alloc_case_exit,
	.test_cases = page_alloc_cases,
};

/* ---- suite page_alloc_bad: wrong uses are reported, and harmless ------------ */

/*
 * An order above MAX_PAGE_ORDER is a caller's bug: NULL and a WARNING
 * (once per boot, as Linux's WARN_ON_ONCE), none under __GFP_NOWARN.
 * The quiet call comes first so the one warning is still to come.
 */
static void order_above_max_warns(struct kunit *test)
{
	struct buddy_snapshot before;
	u64 seq;

	kunit_expect_reports(test, "WARNING:");
	take_snapshot(&before);
	seq = log_seq();
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | __GFP_NOWARN,
					    MAX_PAGE_ORDER + 1));
	expect_no_log(test, seq, "WARNING:");

	seq = log_seq();
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
	expect_log(test, seq, "------------[ cut here ]------------");
	expect_log(test, seq, "WARNING: CPU: ");
	expect_log(test, seq, "mm/page_alloc.c:");
	KUNIT_EXPECT_EQ(test, __get_free_pages(GFP_KERNEL | __GFP_NOWARN, 20), 0UL);
	expect_allocator_intact(test, &before);
}

static void double_free_is_reported(struct kunit *test)
{
	static const unsigned int orders[] = { 0, 3 };
	unsigned int i;

	kunit_expect_reports(test, "BUG: Bad page state");
	for (i = 0; i < ARRAY_SIZE(orders); i++) {
		unsigned int order = orders[i];
		unsigned long reports = nr_bad_page_reports;
		struct buddy_snapshot before;
		struct page *page;
		u64 seq;

		take_snapshot(&before);
		page = alloc_pages(GFP_KERNEL, order);
		KUNIT_ASSERT_NOT_NULL(test, page);
		__free_pages(page, order);

		seq = log_seq();
		__free_pages(page, order);
		expect_bad_page_report(test, seq, reports, page_to_pfn(page));
		expect_log(test, seq, "page dumped because: ");
		expect_allocator_intact(test, &before);
	}
}

static void wrong_order_is_reported(struct kunit *test)
{
	unsigned long reports = nr_bad_page_reports;
	struct buddy_snapshot before;
	struct page *page;
	u64 seq;

	kunit_expect_reports(test, "BUG: Bad page state");
	take_snapshot(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);

	seq = log_seq();
	__free_pages(page, 1);
	expect_bad_page_report(test, seq, reports, page_to_pfn(page));
	expect_log(test, seq, "freed with order 1 but allocated with order 2");
	/* nothing was freed: the block is still ours, whole */
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);

	seq = log_seq();
	__free_pages(page, 3);
	expect_bad_page_report(test, seq, reports + 1, page_to_pfn(page));

	__free_pages(page, 2);		/* the right way */
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 2);
	expect_allocator_intact(test, &before);
}

/* The kernel's own first frame was never the allocator's to give. */
static void reserved_frame_free_is_reported(struct kunit *test)
{
	struct page *page = virt_to_page(__va(__pa_symbol(_text)));
	unsigned long reports = nr_bad_page_reports;
	unsigned int flags = page->flags;
	int refs = page_ref_count(page);
	struct buddy_snapshot before;
	u64 seq;

	kunit_expect_reports(test, "BUG: Bad page state");
	KUNIT_ASSERT_TRUE(test, PageReserved(page));
	take_snapshot(&before);
	seq = log_seq();
	__free_page(page);
	expect_bad_page_report(test, seq, reports, page_to_pfn(page));
	expect_log(test, seq, "reserved");
	/* the report changed nothing */
	KUNIT_EXPECT_EQ(test, page->flags, flags);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), refs);

	/* the same frame through its kernel-image address */
	seq = log_seq();
	free_page((unsigned long)_text);
	expect_bad_page_report(test, seq, reports + 1, page_to_pfn(page));
	expect_allocator_intact(test, &before);
}

static void tail_frame_free_is_reported(struct kunit *test)
{
	unsigned long reports = nr_bad_page_reports;
	struct buddy_snapshot before;
	struct page *page;
	u64 seq;

	kunit_expect_reports(test, "BUG: Bad page state");
	take_snapshot(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);

	seq = log_seq();
	__free_page(page + 1);
	expect_bad_page_report(test, seq, reports, page_to_pfn(page) + 1);

	seq = log_seq();
	free_page((unsigned long)page_address(page + 3));
	expect_bad_page_report(test, seq, reports + 1, page_to_pfn(page) + 3);

	__free_pages(page, 2);
	KUNIT_EXPECT_EQ(test, nr_bad_page_reports, reports + 2);
	expect_allocator_intact(test, &before);
}

/*
 * free_pages() of a slab's page (the shell's `freepages ADDR 0` of a
 * kmalloc address) says it is a slab page; it used to read the slab's
 * fields as a refcount and an order ("refcount:532523072", "allocated
 * with order 4294901768").  Nothing is freed: the object stays usable.
 */
static void slab_page_free_is_reported_as_slab(struct kunit *test)
{
	unsigned long reports = nr_bad_page_reports;
	struct buddy_snapshot before;
	struct page *page;
	char *obj;
	u64 seq;

	kunit_expect_reports(test, "BUG: Bad page state");
	obj = kmalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	memset(obj, 0x5a, 200);
	page = virt_to_page(obj);
	KUNIT_ASSERT_TRUE(test, PageSlab(page));
	take_snapshot(&before);

	seq = log_seq();
	free_pages((unsigned long)page_address(page), 0);
	expect_bad_page_report(test, seq, reports, page_to_pfn(page));
	expect_log(test, seq, "slab page");
	/* in the flags line; "|frozen" follows while it is a CPU's active slab */
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, "slab)") || log_search(seq, "slab|frozen)"),
			      "the flags line lacks \"slab\"");
	expect_log(test, seq, "page dumped because: freeing a slab page");
	expect_no_log(test, seq, "refcount:");
	expect_no_log(test, seq, "allocated with order");
	KUNIT_EXPECT_TRUE(test, PageSlab(page));
	expect_allocator_intact(test, &before);
	KUNIT_EXPECT_EQ(test, (u8)obj[0], 0x5a);
	KUNIT_EXPECT_EQ(test, (u8)obj[199], 0x5a);
	kfree(obj);
	kasan_quarantine_drain();	/* KASAN=1: obj is really back */
	/* a slab kmalloc() had to start (its others full) is empty again */
	kmem_cache_shrink_all();
}

/* free_pages() of an address that is not a frame in the direct map. */
static void foreign_address_free_is_reported(struct kunit *test)
{
	const unsigned long addrs[] = {
		VMALLOC_START + 0x42000,	/* vmalloc space */
		0x400000,			/* a user address */
		0,				/* set below: inside a frame */
	};
	unsigned long reports = nr_bad_page_reports;
	struct buddy_snapshot before;
	unsigned long buf, a[ARRAY_SIZE(addrs)];
	unsigned int i;

	kunit_expect_reports(test, "BUG: Bad page state");
	take_snapshot(&before);
	buf = __get_free_page(GFP_KERNEL);
	KUNIT_ASSERT_NE(test, buf, 0UL);
	memcpy(a, addrs, sizeof(a));
	a[2] = buf + 64;
	for (i = 0; i < ARRAY_SIZE(a); i++) {
		u64 seq = log_seq();

		free_pages(a[i], 0);
		expect_log(test, seq, BAD_PAGE_TEXT);
		KUNIT_EXPECT_EQ_MSG(test, nr_bad_page_reports, reports + i + 1,
				    "free_pages(%#lx)", a[i]);
	}
	free_page(buf);
	expect_allocator_intact(test, &before);
}

/*
 * Allocation failure: once the DMA zone has no order-10 block left, one
 * more request prints Linux's report with every zone's free counts;
 * under __GFP_NOWARN the same failure is silent.
 */
static void allocation_failure_is_reported(struct kunit *test)
{
	struct buddy_snapshot before;
	struct held_pages held;
	unsigned long n;
	u64 seq;

	take_snapshot(&before);
	held_init(&held);
	seq = log_seq();
	n = alloc_until_failure(&held, GFP_KERNEL | GFP_DMA, MAX_PAGE_ORDER);
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | GFP_DMA | __GFP_NOWARN,
					    MAX_PAGE_ORDER));
	expect_no_log(test, seq, ALLOC_FAIL_TEXT);
	kunit_info(test, "%lu order-10 blocks in DMA before failure", n);

	seq = log_seq();
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL | GFP_DMA, MAX_PAGE_ORDER));
	expect_log(test, seq, ": page allocation failure: order:10, mode:0xcc1(");
	expect_log(test, seq, "Node 0 DMA free:");
	expect_log(test, seq, "Node 0 DMA: ");
	if (populated_zone(&zones[ZONE_DMA32]))
		expect_log(test, seq, "Node 0 DMA32 free:");
	expect_log(test, seq, "Call Trace:");

	held_free_all(&held);
	expect_allocator_intact(test, &before);
}

static struct kunit_case page_alloc_bad_cases[] = {
	KUNIT_CASE(order_above_max_warns),
	KUNIT_CASE(double_free_is_reported),
	KUNIT_CASE(wrong_order_is_reported),
	KUNIT_CASE(reserved_frame_free_is_reported),
	KUNIT_CASE(tail_frame_free_is_reported),
	KUNIT_CASE(foreign_address_free_is_reported),
	KUNIT_CASE(slab_page_free_is_reported_as_slab),
	KUNIT_CASE(allocation_failure_is_reported),
	{}
};

static struct kunit_suite page_alloc_bad_suite = {
	.name = "page_alloc_bad",
	.init = page_alloc_case_init,
	.exit = page_alloc_case_exit,
	.test_cases = page_alloc_bad_cases,
};

/* ---- suite gfp_watermarks: the reserves and the zone fallback ------------- */

/*
 * Where each kind of caller must stop, in free frames of @zone: the min
 * watermark, less half of it for __GFP_HIGH, less a further quarter of
 * what remains for __GFP_ATOMIC (GFP_ATOMIC has both: 3/8 of min).
 */
static unsigned long stop_level(const struct zone *zone, gfp_t gfp)
{
	unsigned long mark = min_wmark_pages(zone);

	if (gfp & __GFP_HIGH)
		mark -= mark / 2;
	if (gfp & __GFP_ATOMIC)
		mark -= mark / 4;
	return mark;
}

static const struct {
	const char *name;
	gfp_t gfp;
} callers[] = {
	{ "GFP_KERNEL", GFP_KERNEL },
	{ "GFP_NOWAIT", GFP_NOWAIT },
	{ "__GFP_HIGH", __GFP_HIGH },
	{ "GFP_ATOMIC", GFP_ATOMIC },
};

/*
 * In the small DMA zone, from a full zone each time: allocate single
 * frames until the allocator says no.  A frame is only taken while the
 * zone's buddy lists stay above the caller's mark, and the failing call
 * drains the per-CPU list, so at the stop the zone holds exactly the
 * caller's mark.
 */
static void each_caller_stops_at_its_mark(struct kunit *test)
{
	struct zone *dma = &zones[ZONE_DMA];
	unsigned long level[ARRAY_SIZE(callers)];
	struct buddy_snapshot before;
	unsigned int i;

	KUNIT_ASSERT_GT(test, dma->managed_pages, 0UL);
	take_snapshot(&before);
	kunit_info(test, "DMA: %lu free, watermarks min %lu low %lu high %lu, pcp batch %d",
		   dma->free_pages, min_wmark_pages(dma), low_wmark_pages(dma),
		   high_wmark_pages(dma), dma->pcp[0].batch);
	for (i = 0; i < ARRAY_SIZE(callers); i++) {
		struct held_pages held;
		unsigned long n;

		held_init(&held);
		n = alloc_until_failure(&held, callers[i].gfp | GFP_DMA, 0);
		level[i] = zone_free_pages_total(dma);
		kunit_info(test, "%-10s took %lu frames, stopped at %lu free (expected %lu)",
			   callers[i].name, n, level[i],
			   stop_level(dma, callers[i].gfp));
		KUNIT_EXPECT_EQ_MSG(test, level[i], stop_level(dma, callers[i].gfp),
				    "%s", callers[i].name);
		KUNIT_EXPECT_EQ(test, zone_pcp_count(dma), 0UL);
		KUNIT_EXPECT_EQ(test, n, before.free_pages[ZONE_DMA] - level[i]);
		/* nothing came from another zone */
		KUNIT_EXPECT_EQ(test, zones[ZONE_DMA32].free_pages +
				zone_pcp_count(&zones[ZONE_DMA32]),
				before.free_pages[ZONE_DMA32]);
		held_free_all(&held);
		expect_free_lists_as(test, &before);
	}
	/*
	 * The reserves are ordered: atomic callers may go deepest.  (Strictly
	 * so only when min is big enough for the halving and quartering to
	 * differ: at 16G the DMA zone's min is 3 frames, and 3/2 = 1.)
	 */
	KUNIT_EXPECT_EQ(test, level[0], level[1]);
	KUNIT_EXPECT_LE(test, level[2], level[0]);
	KUNIT_EXPECT_LE(test, level[3], level[2]);
	if (min_wmark_pages(dma) >= 8)
		KUNIT_EXPECT_LT(test, level[3], level[0]);
}

/* Could the fast path serve @order from @zone (low watermark, a block)? */
static bool zone_above_low_for(const struct zone *zone, unsigned int order)
{
	unsigned int o;

	if (!zone->managed_pages ||
	    (long)zone->free_pages - ((1L << order) - 1) <= (long)low_wmark_pages(zone))
		return false;
	for (o = order; o <= MAX_PAGE_ORDER; o++)
		if (zone->free_area[o].nr_free)
			return true;
	return false;
}

/*
 * Empty all of memory with GFP_KERNEL, largest blocks first.  It is
 * served from the highest zone while that zone is above its low
 * watermark with a block that fits, then from the zone below, and so on
 * down to DMA; when every zone is at its low mark it goes on down to the
 * min marks.  At the end every zone holds exactly its min watermark: the
 * reserve.  Then each reserve-using caller goes deeper, to its own mark,
 * in every zone, and GFP_NOWAIT, like GFP_KERNEL, gets nothing.
 */
static void gfp_kernel_falls_back_zone_by_zone(struct kunit *test)
{
	unsigned long taken[MAX_NR_ZONES] = { 0 };
	struct buddy_snapshot before;
	struct held_pages held;
	unsigned long misplaced = 0;
	unsigned int z, i;
	int order;

	take_snapshot(&before);
	held_init(&held);
	for (order = MAX_PAGE_ORDER; order >= 0; order--) {
		for (;;) {
			bool above_low[MAX_NR_ZONES];
			struct page *page;

			for (z = 0; z < MAX_NR_ZONES; z++)
				above_low[z] = zone_above_low_for(&zones[z], order);
			page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order);
			if (!page)
				break;
			held_add(&held, page, order);
			z = zone_idx(page_zone(page));
			taken[z] += 1UL << order;
			/* a higher zone that could serve it was skipped? */
			for (i = z + 1; i < MAX_NR_ZONES; i++) {
				if (above_low[i] && misplaced++ < 3)
					kunit_err(test, "order %d from %s while %s was above low",
						  order, zones[z].name, zones[i].name);
			}
		}
	}
	KUNIT_EXPECT_EQ(test, misplaced, 0UL);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];

		if (!zone->managed_pages)
			continue;
		kunit_info(test, "%-6s gave %lu frames, left %lu (min %lu)",
			   zone->name, taken[z], zone_free_pages_total(zone),
			   min_wmark_pages(zone));
		KUNIT_EXPECT_GT_MSG(test, taken[z], 0UL, "zone %s", zone->name);
		KUNIT_EXPECT_EQ_MSG(test, zone_free_pages_total(zone),
				    min_wmark_pages(zone), "zone %s", zone->name);
	}
	/* the reserve is not for GFP_NOWAIT either */
	KUNIT_EXPECT_NULL(test, alloc_page(GFP_NOWAIT | __GFP_NOWARN));

	/* __GFP_HIGH, then GFP_ATOMIC, each down to its own mark */
	for (i = 2; i < ARRAY_SIZE(callers); i++) {
		unsigned long n = alloc_until_failure(&held, callers[i].gfp, 0);

		KUNIT_EXPECT_GT(test, n, 0UL);
		for (z = 0; z < MAX_NR_ZONES; z++) {
			if (!zones[z].managed_pages)
				continue;
			KUNIT_EXPECT_EQ_MSG(test, zone_free_pages_total(&zones[z]),
					    stop_level(&zones[z], callers[i].gfp),
					    "%s in zone %s", callers[i].name,
					    zones[z].name);
		}
	}
	kunit_info(test, "%lu blocks held at the end", held.nr);
	held_free_all(&held);
	expect_free_lists_as(test, &before);
}

static struct kunit_case gfp_watermarks_cases[] = {
	KUNIT_CASE(each_caller_stops_at_its_mark),
	KUNIT_CASE(gfp_kernel_falls_back_zone_by_zone),
	{}
};

static struct kunit_suite gfp_watermarks_suite = {
	.name = "gfp_watermarks",
	.init = page_alloc_case_init,
	.exit = page_alloc_case_exit,
	.test_cases = gfp_watermarks_cases,
};

kunit_test_suites(&page_alloc_suite, &page_alloc_bad_suite,
		  &gfp_watermarks_suite);
