// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for mm/page_alloc.c and mm/mm_init.c, on fake RAM.
 *
 * The program boots the page allocator once on the "pc" map of
 * fake_ram.c (DMA, DMA32 with a hole, Normal above 4 GiB), and every
 * test starts from that exact state (fake_boot_restore()).  Most tests
 * end with expect_initial_state(): after everything is freed and the
 * per-CPU lists drained, every zone's free lists hold exactly the blocks
 * they held after boot, which only a correct merge can achieve (the
 * fully merged buddy decomposition of a set of frames is unique).
 *
 * check_free_lists() is the structural invariant, run often: every free
 * block is naturally aligned, inside its zone, marked PG_buddy with its
 * order, its tail frames clean, no two free blocks overlap, no free
 * block has a free buddy of the same order (it would have merged), and
 * the counters agree with the lists.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/irqflags.h>
#include <linux/memblock.h>
#include <kernel/page_alloc.h>
#include "fake_ram.h"

#define PFN_16M		(SZ_16M >> PAGE_SHIFT)
#define PFN_4G		(SZ_4G >> PAGE_SHIFT)

struct free_counts {
	unsigned long nr_free[MAX_NR_ZONES][NR_PAGE_ORDERS];
	unsigned long free_pages[MAX_NR_ZONES];
	int pcp_count[MAX_NR_ZONES];
};

static struct free_counts initial;
static unsigned long initial_nr_free;
static u8 *free_map;		/* one byte per frame: in a free block or pcp list */
static u8 *live_map;		/* one byte per frame: allocated by a test */

static void take_counts(struct free_counts *c)
{
	unsigned int z, o;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		for (o = 0; o < NR_PAGE_ORDERS; o++)
			c->nr_free[z][o] = zones[z].free_area[o].nr_free;
		c->free_pages[z] = zones[z].free_pages;
		c->pcp_count[z] = zones[z].pcp[0].count;
	}
}

static void expect_counts(const struct free_counts *want)
{
	struct free_counts now;
	unsigned int z, o;

	take_counts(&now);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		for (o = 0; o < NR_PAGE_ORDERS; o++) {
			if (now.nr_free[z][o] != want->nr_free[z][o])
				fail_msg("zone %s order %u: %lu free blocks, want %lu",
					 zones[z].name, o, now.nr_free[z][o],
					 want->nr_free[z][o]);
		}
		assert_int_equal(now.free_pages[z], want->free_pages[z]);
		assert_int_equal(now.pcp_count[z], want->pcp_count[z]);
	}
}

static enum zone_type zone_of_pfn(unsigned long pfn)
{
	return pfn < PFN_16M ? ZONE_DMA : pfn < PFN_4G ? ZONE_DMA32 : ZONE_NORMAL;
}

/* Mark [pfn, pfn + n) in @map; fail on any frame already marked. */
static void mark_frames(u8 *map, unsigned long pfn, unsigned long n, const char *what)
{
	unsigned long i;

	assert_true(pfn + n <= max_pfn);
	for (i = 0; i < n; i++) {
		if (map[pfn + i])
			fail_msg("%s: frame %#lx is already in another block", what, pfn + i);
		map[pfn + i] = 1;
	}
}

/* The structural invariant of the free lists; see the top of the file. */
static void check_free_lists(void)
{
	unsigned int z, o;

	memset(free_map, 0, max_pfn);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];
		unsigned long total = 0, count;
		struct page *page;

		for (o = 0; o < NR_PAGE_ORDERS; o++) {
			count = 0;
			list_for_each_entry(page, &zone->free_area[o].free_list, lru) {
				unsigned long pfn = page_to_pfn(page), i;

				assert_true(PageBuddy(page));
				assert_false(PageReserved(page));
				assert_int_equal(page->private, o);
				assert_int_equal(page_ref_count(page), 0);
				assert_int_equal(pfn & ((1UL << o) - 1), 0);
				assert_true(pfn >= zone->zone_start_pfn);
				assert_true(pfn + (1UL << o) <= zone_end_pfn(zone));
				for (i = 1; i < (1UL << o); i++)
					assert_int_equal(page[i].flags, 0);
				if (o < MAX_PAGE_ORDER) {
					unsigned long buddy = pfn ^ (1UL << o);

					if (buddy < max_pfn &&
					    PageBuddy(pfn_to_page(buddy)) &&
					    pfn_to_page(buddy)->private == o)
						fail_msg("free buddies %#lx and %#lx of order %u not merged",
							 pfn, buddy, o);
				}
				mark_frames(free_map, pfn, 1UL << o, "free list");
				count++;
				total += 1UL << o;
			}
			assert_int_equal(count, zone->free_area[o].nr_free);
		}
		assert_int_equal(total, zone->free_pages);

		count = 0;
		list_for_each_entry(page, &zone->pcp[0].list, lru) {
			unsigned long pfn = page_to_pfn(page);

			assert_true(PagePcp(page));
			assert_false(PageBuddy(page));
			assert_int_equal(page_ref_count(page), 0);
			assert_int_equal(zone_of_pfn(pfn), z);
			mark_frames(free_map, pfn, 1, "pcp list");
			count++;
		}
		assert_int_equal(count, zone->pcp[0].count);
	}
}

/* Everything freed: the lists are exactly as after boot. */
static void expect_initial_state(void)
{
	drain_all_pages();
	check_free_lists();
	expect_counts(&initial);
	assert_int_equal(nr_free_pages(), initial_nr_free);
	assert_false(irqs_disabled());
}

static int boot(void **state)
{
	(void)state;
	fake_boot(&fake_map_pc);
	take_counts(&initial);
	initial_nr_free = nr_free_pages();
	free_map = host_malloc(max_pfn);
	live_map = host_malloc(max_pfn);
	return 0;
}

static int restore(void **state)
{
	(void)state;
	fake_boot_restore();
	host_printk_reset();
	memset(live_map, 0, max_pfn);
	return 0;
}

/* ---- boot: mem_init() ---- */

static void test_boot_zones_and_free_memory(void **state)
{
	phys_addr_t start, end;
	unsigned long expect_free = 0, pfn;
	u64 i;

	(void)state;
	assert_int_equal(max_pfn, (SZ_4G + 128 * SZ_1M) >> PAGE_SHIFT);
	assert_int_equal(zones[ZONE_DMA].zone_start_pfn, 0);
	assert_int_equal(zones[ZONE_DMA].spanned_pages, PFN_16M);
	assert_int_equal(zones[ZONE_DMA32].zone_start_pfn, PFN_16M);
	assert_int_equal(zones[ZONE_DMA32].spanned_pages, PFN_4G - PFN_16M);
	assert_int_equal(zones[ZONE_NORMAL].zone_start_pfn, PFN_4G);
	assert_int_equal(zones[ZONE_NORMAL].spanned_pages, (128 * SZ_1M) >> PAGE_SHIFT);
	/* RAM present: 0x9f frames + 15 MiB; 48 + 64 MiB; 128 MiB */
	assert_int_equal(zones[ZONE_DMA].present_pages, 0x9f + (15 * SZ_1M >> PAGE_SHIFT));
	assert_int_equal(zones[ZONE_DMA32].present_pages, 112 * SZ_1M >> PAGE_SHIFT);
	assert_int_equal(zones[ZONE_NORMAL].present_pages, 128 * SZ_1M >> PAGE_SHIFT);

	/* exactly memblock's free memory went to the buddy lists */
	for_each_free_mem_range(i, &start, &end)
		expect_free += PFN_DOWN(end) - PFN_UP(start);
	assert_int_equal(nr_free_pages(), expect_free);
	assert_int_equal(totalram_pages(), expect_free);
	check_free_lists();

	/* every frame not handed over is PG_reserved: holes, kernel, mem_map */
	for (pfn = 0; pfn < max_pfn; pfn++) {
		if (free_map[pfn])
			assert_false(PageReserved(pfn_to_page(pfn)));
		else if (!PageReserved(pfn_to_page(pfn)))
			fail_msg("frame %#lx is neither free nor reserved", pfn);
	}
	assert_true(PageReserved(pfn_to_page(0x100)));		/* kernel at 1 MiB */
	assert_true(PageReserved(pfn_to_page(0x5000)));		/* hole at 80 MiB */
	assert_true(PageReserved(virt_to_page(mem_map)));	/* mem_map itself */
	/* a 4 MiB-aligned free stretch became order-10 blocks */
	assert_true(PageBuddy(pfn_to_page(PFN_16M)));
	assert_int_equal(pfn_to_page(PFN_16M)->private, MAX_PAGE_ORDER);
}

static void test_boot_watermarks(void **state)
{
	unsigned int z;

	(void)state;
	assert_true(min_free_kbytes >= 128);
	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];

		assert_true(min_wmark_pages(zone) > 0);
		assert_true(min_wmark_pages(zone) < low_wmark_pages(zone));
		assert_true(low_wmark_pages(zone) < high_wmark_pages(zone));
		assert_true(high_wmark_pages(zone) < zone->managed_pages);
		assert_true(zone->pcp[0].batch >= 1);
		assert_int_equal(zone->pcp[0].count, 0);
	}
}

static void test_buddyinfo_format(void **state)
{
	char buf[1024];
	struct seq_buf s;

	(void)state;
	seq_buf_init(&s, buf, sizeof(buf));
	buddyinfo_show(&s);
	assert_non_null(strstr(buf, "Node 0, zone      DMA "));
	assert_non_null(strstr(buf, "Node 0, zone    DMA32 "));
	assert_non_null(strstr(buf, "Node 0, zone   Normal "));
}

/* ---- alloc and free of every order ---- */

static void test_every_order(void **state)
{
	unsigned int order;

	(void)state;
	for (order = 0; order <= MAX_PAGE_ORDER; order++) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned long pfn;

		assert_non_null(page);
		pfn = page_to_pfn(page);
		assert_int_equal(pfn & ((1UL << order) - 1), 0);
		assert_int_equal(zone_of_pfn(pfn), ZONE_NORMAL);
		assert_int_equal(page_ref_count(page), 1);
		assert_int_equal(page->private, order);
		assert_int_equal(PageHead(page), order > 0);
		assert_false(PageBuddy(page) || PagePcp(page) || PageReserved(page));
		memset(page_address(page), 0x5a, PAGE_SIZE << order);
		__free_pages(page, order);
		assert_false(irqs_disabled());
	}
	expect_initial_state();
}

static void test_get_free_pages_addresses(void **state)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);

	(void)state;
	assert_true(addr != 0);
	assert_ptr_equal(virt_to_page(addr), virt_to_page((void *)addr));
	assert_ptr_equal(page_address(virt_to_page(addr)), (void *)addr);
	free_pages(addr, 2);
	free_pages(0, 0);		/* ignored, as in Linux */
	addr = __get_free_page(GFP_DMA);
	assert_true(addr != 0);
	assert_true(__pa(addr) < SZ_16M);
	free_page(addr);
	expect_initial_state();
	assert_int_equal(nr_bad_page_reports, 0);
}

/*
 * Splitting: an order-k request takes the smallest free block of order
 * j >= k and leaves one block of each order k..j-1 behind.  Freeing it
 * merges them back.  Checked in every zone, for every order.
 */
static void test_split_and_merge_exactly(void **state)
{
	static const gfp_t zone_gfp[MAX_NR_ZONES] = { GFP_DMA, GFP_DMA32, GFP_KERNEL };
	unsigned int z, k, j, o;

	(void)state;
	for (z = 0; z < MAX_NR_ZONES; z++) {
		for (k = 1; k <= MAX_PAGE_ORDER; k++) {
			struct free_counts before, want;
			struct page *page;

			take_counts(&before);
			for (j = k; j <= MAX_PAGE_ORDER && !before.nr_free[z][j]; j++)
				;
			page = alloc_pages(zone_gfp[z] | __GFP_NOWARN, k);
			if (j > MAX_PAGE_ORDER) {	/* no block that big here */
				if (page)
					assert_true(zone_of_pfn(page_to_pfn(page)) < z);
				if (page)
					__free_pages(page, k);
				continue;
			}
			assert_non_null(page);
			assert_int_equal(zone_of_pfn(page_to_pfn(page)), z);
			want = before;
			want.nr_free[z][j]--;
			for (o = k; o < j; o++)
				want.nr_free[z][o]++;
			want.free_pages[z] -= 1UL << k;
			expect_counts(&want);
			check_free_lists();
			__free_pages(page, k);
			expect_counts(&before);
		}
	}
	expect_initial_state();
}

static void test_many_blocks_merge_back(void **state)
{
	struct page *pages[600];
	unsigned int i, n = 0;

	(void)state;
	/* interleave orders so that neighbours are freed in every pattern */
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_pages(GFP_KERNEL, i % 4);
		assert_non_null(pages[i]);
		n++;
	}
	check_free_lists();
	for (i = 0; i < n; i += 2)
		__free_pages(pages[i], i % 4);
	check_free_lists();
	for (i = 1; i < n; i += 2)
		__free_pages(pages[i], i % 4);
	expect_initial_state();
}

static void test_order_too_large(void **state)
{
	(void)state;
	assert_null(alloc_pages(GFP_KERNEL | __GFP_NOWARN, MAX_PAGE_ORDER + 1));
	assert_null(strstr(host_printk_text(), "WARNING"));
	assert_null(alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
	assert_null(alloc_pages(GFP_ATOMIC, 31));
	assert_int_equal(__get_free_pages(GFP_KERNEL | __GFP_NOWARN, 20), 0);
	expect_initial_state();
}

/* ---- zones ---- */

static void test_zone_selection(void **state)
{
	struct page *dma = alloc_page(GFP_DMA);
	struct page *dma32 = alloc_page(GFP_DMA32);
	struct page *normal = alloc_page(GFP_KERNEL);
	struct page *atomic = alloc_pages(GFP_ATOMIC, 3);
	struct page *dma_big = alloc_pages(GFP_DMA | GFP_KERNEL, 5);

	(void)state;
	assert_int_equal(zone_of_pfn(page_to_pfn(dma)), ZONE_DMA);
	assert_int_equal(zone_of_pfn(page_to_pfn(dma32)), ZONE_DMA32);
	assert_int_equal(zone_of_pfn(page_to_pfn(normal)), ZONE_NORMAL);
	assert_int_equal(zone_of_pfn(page_to_pfn(atomic)), ZONE_NORMAL);
	assert_int_equal(zone_of_pfn(page_to_pfn(dma_big)), ZONE_DMA);
	assert_ptr_equal(page_zone(dma), &zones[ZONE_DMA]);
	__free_page(dma);
	__free_page(dma32);
	__free_page(normal);
	__free_pages(atomic, 3);
	__free_pages(dma_big, 5);
	expect_initial_state();
}

/* Chain allocated blocks through their lru (the owner's to use). */
static LIST_HEAD(held);

static void hold(struct page *page)
{
	list_add(&page->lru, &held);
}

static void release_all(unsigned int order)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &held, lru) {
		list_del(&page->lru);
		__free_pages(page, order);
	}
}

/* Allocate order-@order blocks with @gfp until it fails; return how many. */
static unsigned long drain_with(gfp_t gfp, unsigned int order, int *first_seen)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_pages(gfp | __GFP_NOWARN, order))) {
		enum zone_type z = zone_of_pfn(page_to_pfn(page));

		if (first_seen && first_seen[z] < 0)
			first_seen[z] = n;
		hold(page);
		n++;
	}
	return n;
}

/*
 * GFP_KERNEL prefers Normal; it moves to DMA32 only once Normal is down
 * to its low watermark, and to DMA only once DMA32 is.
 */
static void test_fallback_normal_dma32_dma(void **state)
{
	int first[MAX_NR_ZONES] = { -1, -1, -1 };
	unsigned long n;

	(void)state;
	n = drain_with(GFP_KERNEL, 0, first);
	assert_true(n > 0);
	assert_int_equal(first[ZONE_NORMAL], 0);
	assert_true(first[ZONE_DMA32] > first[ZONE_NORMAL]);
	assert_true(first[ZONE_DMA] > first[ZONE_DMA32]);
	/* Normal gave its frames down to low before the first fallback */
	assert_true((unsigned long)first[ZONE_DMA32] >=
		    zones[ZONE_NORMAL].managed_pages - low_wmark_pages(&zones[ZONE_NORMAL]) -
		    zones[ZONE_NORMAL].pcp[0].batch);
	release_all(0);
	expect_initial_state();
}

static void test_dma32_never_above_4g(void **state)
{
	int first[MAX_NR_ZONES] = { -1, -1, -1 };

	(void)state;
	drain_with(GFP_DMA32, 2, first);
	assert_int_equal(first[ZONE_NORMAL], -1);
	assert_int_equal(first[ZONE_DMA32], 0);
	assert_true(first[ZONE_DMA] > 0);
	assert_true(zones[ZONE_NORMAL].free_pages == initial.free_pages[ZONE_NORMAL]);
	release_all(2);
	first[ZONE_DMA] = first[ZONE_DMA32] = -1;
	drain_with(GFP_DMA, 0, first);
	assert_int_equal(first[ZONE_DMA32], -1);
	assert_int_equal(first[ZONE_DMA], 0);
	release_all(0);
	expect_initial_state();
}

/* ---- watermarks ---- */

/* The mark an allocation with @gfp may not go below, as mm/page_alloc.c computes it. */
static long reserve_mark(const struct zone *zone, gfp_t gfp)
{
	long min = min_wmark_pages(zone);

	if (gfp & __GFP_HIGH)
		min -= min / 2;
	if (gfp & __GFP_ATOMIC)
		min -= min / 4;
	return min;
}

/* After a drain with @gfp: each zone's free frames sit at its mark. */
static void expect_zones_at_mark(gfp_t gfp)
{
	unsigned int z;

	drain_all_pages();
	for (z = 0; z < MAX_NR_ZONES; z++) {
		const struct zone *zone = &zones[z];
		long mark = reserve_mark(zone, gfp), free = zone->free_pages;

		/* order 0 refills the pcp list by up to batch frames per check */
		if (free > mark || free <= mark - zone->pcp[0].batch)
			fail_msg("zone %s: %ld free after draining with %#x, mark %ld, batch %d",
				 zone->name, free, gfp, mark, zone->pcp[0].batch);
	}
}

static void test_watermarks_reserve_levels(void **state)
{
	(void)state;
	/* GFP_KERNEL and GFP_NOWAIT stop at min */
	assert_true(drain_with(GFP_KERNEL, 0, NULL) > 0);
	expect_zones_at_mark(GFP_KERNEL);
	assert_int_equal(drain_with(GFP_NOWAIT, 0, NULL), 0);
	assert_int_equal(drain_with(GFP_KERNEL, 0, NULL), 0);
	/* __GFP_HIGH may take half of the reserve */
	assert_true(drain_with(__GFP_HIGH, 0, NULL) > 0);
	expect_zones_at_mark(__GFP_HIGH);
	/* GFP_ATOMIC (__GFP_HIGH | __GFP_ATOMIC) goes on to 3/8 of min */
	assert_true(drain_with(GFP_ATOMIC, 0, NULL) > 0);
	expect_zones_at_mark(GFP_ATOMIC);
	assert_int_equal(drain_with(__GFP_HIGH, 0, NULL), 0);
	release_all(0);
	expect_initial_state();
}

static void test_nowait_stops_at_min_alone(void **state)
{
	(void)state;
	assert_true(drain_with(GFP_NOWAIT, 0, NULL) > 0);
	expect_zones_at_mark(GFP_NOWAIT);
	assert_true(drain_with(GFP_ATOMIC, 0, NULL) > 0);
	expect_zones_at_mark(GFP_ATOMIC);
	release_all(0);
	expect_initial_state();
}

static void test_allocation_failure_report(void **state)
{
	const char *out;

	(void)state;
	drain_with(GFP_DMA, 0, NULL);
	host_printk_reset();
	assert_null(alloc_page(GFP_DMA));
	out = host_printk_text();
	assert_non_null(strstr(out,
		"swapper/0: page allocation failure: order:0, mode:0x1(GFP_DMA)\n"));
	assert_non_null(strstr(out, "Node 0 DMA free:"));
	assert_non_null(strstr(out, "Node 0 DMA: "));
	host_printk_reset();
	assert_null(alloc_page(GFP_DMA | __GFP_NOWARN));
	assert_string_equal(host_printk_text(), "");
	release_all(0);
	expect_initial_state();
}

/* ---- __GFP_ZERO ---- */

static void test_gfp_zero(void **state)
{
	unsigned int order;

	(void)state;
	for (order = 0; order <= MAX_PAGE_ORDER; order += 2) {
		struct page *page = alloc_pages(GFP_KERNEL, order);
		unsigned char *p = page_address(page);
		size_t i;

		memset(p, 0xa5, PAGE_SIZE << order);
		__free_pages(page, order);
		/* a hot free block comes back first: the same frames */
		page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
		assert_ptr_equal(page_address(page), p);
		for (i = 0; i < (PAGE_SIZE << order); i++)
			if (p[i])
				fail_msg("order %u: byte %zu is %#x", order, i, p[i]);
		__free_pages(page, order);
	}
	{
		unsigned long addr = __get_free_page(GFP_KERNEL);
		unsigned char *p = (unsigned char *)addr;

		memset(p, 0xff, PAGE_SIZE);
		free_page(addr);
		addr = get_zeroed_page(GFP_KERNEL);
		assert_true(addr == (unsigned long)p);
		assert_int_equal(p[0] | p[PAGE_SIZE - 1] | p[PAGE_SIZE / 2], 0);
		free_page(addr);
	}
	expect_initial_state();
}

/* ---- the per-CPU list ---- */

static void test_pcp_hot_reuse_and_drain(void **state)
{
	struct zone *normal = &zones[ZONE_NORMAL];
	struct page *page = alloc_page(GFP_KERNEL), *again;
	int i;

	(void)state;
	assert_true(normal->pcp[0].count > 0 || normal->pcp[0].batch == 1);
	__free_page(page);
	assert_true(PagePcp(page));
	again = alloc_page(GFP_KERNEL);
	assert_ptr_equal(again, page);		/* the hot frame comes back */
	__free_page(again);
	/* the list never reaches high: it drains a batch when it would */
	for (i = 0; i < 4 * normal->pcp[0].high; i++)
		hold(alloc_page(GFP_KERNEL));
	release_all(0);
	assert_true(normal->pcp[0].count < normal->pcp[0].high);
	check_free_lists();
	expect_initial_state();
}

/* ---- bad frees ---- */

static void expect_bad_page(unsigned long pfn, const char *reason)
{
	char line[96];
	const char *out = host_printk_text();

	snprintf(line, sizeof(line), "BUG: Bad page state in process swapper/0  pfn:%05lx\n", pfn);
	if (!strstr(out, line))
		fail_msg("no \"%s\" in:\n%s", line, out);
	if (reason && !strstr(out, reason))
		fail_msg("no \"%s\" in:\n%s", reason, out);
	assert_non_null(strstr(out, "Call Trace:"));
}

/* A bad free: exactly one report, and the free lists as they were. */
#define EXPECT_BAD_FREE(page, order, reason) do {			\
	struct free_counts _before;					\
	unsigned long _reports = nr_bad_page_reports;			\
									\
	take_counts(&_before);						\
	host_printk_reset();						\
	__free_pages(page, order);					\
	assert_int_equal(nr_bad_page_reports, _reports + 1);		\
	expect_bad_page(page_to_pfn(page), reason);			\
	expect_counts(&_before);					\
	check_free_lists();						\
	assert_false(irqs_disabled());					\
} while (0)

static void test_double_free(void **state)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct page *block = alloc_pages(GFP_KERNEL, 3);

	(void)state;
	__free_page(page);			/* on the pcp list now */
	EXPECT_BAD_FREE(page, 0, "not allocated");
	drain_all_pages();			/* in the buddy lists now */
	EXPECT_BAD_FREE(page, 0, "not allocated");
	__free_pages(block, 3);
	EXPECT_BAD_FREE(block, 3, "not allocated");
	expect_initial_state();
}

static void test_wrong_order(void **state)
{
	struct page *page = alloc_pages(GFP_KERNEL, 2);

	(void)state;
	EXPECT_BAD_FREE(page, 1, "freed with order 1 but allocated with order 2");
	EXPECT_BAD_FREE(page, 3, "freed with order 3 but allocated with order 2");
	__free_pages(page, 2);			/* the right order still works */
	expect_initial_state();
	assert_int_equal(nr_bad_page_reports, 2);
}

static void test_free_reserved_frame(void **state)
{
	(void)state;
	EXPECT_BAD_FREE(pfn_to_page(0x100), 0, "reserved");	/* the kernel image */
	EXPECT_BAD_FREE(virt_to_page(mem_map), 0, "reserved");
	EXPECT_BAD_FREE(pfn_to_page(0x5000), 2, "reserved");	/* a hole */
	expect_initial_state();
}

static void test_free_tail_page(void **state)
{
	struct page *block = alloc_pages(GFP_KERNEL, 2);

	(void)state;
	EXPECT_BAD_FREE(block + 1, 0, NULL);
	EXPECT_BAD_FREE(block + 3, 1, NULL);
	__free_pages(block, 2);
	expect_initial_state();
}

static void test_free_pages_bad_address(void **state)
{
	unsigned long addr = __get_free_page(GFP_KERNEL);

	(void)state;
	host_printk_reset();
	free_pages(addr + 8, 0);
	assert_int_equal(nr_bad_page_reports, 1);
	expect_bad_page(virt_to_pfn(addr), "address");
	free_pages(addr, 0);
	expect_initial_state();
}

static void test_extra_reference_defers_free(void **state)
{
	struct page *page = alloc_pages(GFP_KERNEL, 1);

	(void)state;
	get_page(page);
	__free_pages(page, 1);			/* drops one reference */
	assert_int_equal(page_ref_count(page), 1);
	assert_false(PageBuddy(page));
	__free_pages(page, 1);			/* the last one frees */
	assert_int_equal(nr_bad_page_reports, 0);
	expect_initial_state();
}

/* ---- randomized churn against a model ---- */

struct live_block {
	struct page *page;
	unsigned int order;
	gfp_t gfp;
	u64 stamp;
};

static u64 rng_state;

static u64 rnd(void)
{
	/* xorshift64*: fixed seeds give the same run every time */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static const gfp_t churn_gfps[] = {
	GFP_KERNEL, GFP_KERNEL, GFP_KERNEL | __GFP_ZERO, GFP_ATOMIC, GFP_NOWAIT,
	GFP_DMA32, GFP_DMA32 | __GFP_ZERO, GFP_DMA, GFP_KERNEL | GFP_DMA,
	GFP_ATOMIC | __GFP_ZERO,
};

static unsigned long highest_pfn_for(gfp_t gfp)
{
	if (gfp & __GFP_DMA)
		return PFN_16M;
	if (gfp & __GFP_DMA32)
		return PFN_4G;
	return max_pfn;
}

/* Each frame of a block carries a stamp in its first and last 8 bytes. */
static void stamp_block(const struct live_block *b, bool check)
{
	unsigned long i, n = 1UL << b->order;

	for (i = 0; i < n; i++) {
		u64 *first = page_address(b->page + i);
		u64 *last = (u64 *)((char *)first + PAGE_SIZE) - 1;
		u64 want = b->stamp + i;

		if (!check) {
			*first = want;
			*last = ~want;
		} else if (*first != want || *last != ~want) {
			fail_msg("block pfn %#lx order %u: frame %lu overwritten",
				 page_to_pfn(b->page), b->order, i);
		}
	}
}

static void check_live_not_free(const struct live_block *live, unsigned int n)
{
	unsigned int i;

	check_free_lists();
	for (i = 0; i < n; i++) {
		unsigned long pfn = page_to_pfn(live[i].page), j;

		for (j = 0; j < (1UL << live[i].order); j++)
			if (free_map[pfn + j])
				fail_msg("live frame %#lx is on a free list", pfn + j);
	}
}

static void churn(u64 seed, unsigned int ops)
{
	static struct live_block live[512];
	unsigned long live_pages = 0, failures = 0;
	unsigned int n = 0, op;

	rng_state = seed;
	for (op = 0; op < ops; op++) {
		bool do_alloc = n == 0 ||
			(n < ARRAY_SIZE(live) && live_pages < 8192 && rnd() % 100 < 55);

		if (do_alloc) {
			struct live_block *b = &live[n];
			unsigned long pfn;
			u64 r = rnd();

			b->order = r % 4 ? (r >> 8) % 4 : (r >> 8) % (MAX_PAGE_ORDER + 1);
			b->gfp = churn_gfps[(r >> 16) % ARRAY_SIZE(churn_gfps)];
			b->stamp = rnd();
			b->page = alloc_pages(b->gfp | __GFP_NOWARN, b->order);
			assert_false(irqs_disabled());
			if (!b->page) {
				/* only the 15 MiB DMA zone may run out of big blocks */
				if (!(b->gfp & __GFP_DMA) || b->order < 8)
					fail_msg("op %u: order %u gfp %#x failed", op,
						 b->order, b->gfp);
				failures++;
				continue;
			}
			pfn = page_to_pfn(b->page);
			assert_int_equal(pfn & ((1UL << b->order) - 1), 0);
			if (pfn + (1UL << b->order) > highest_pfn_for(b->gfp))
				fail_msg("op %u: gfp %#x got pfn %#lx", op, b->gfp, pfn);
			mark_frames(live_map, pfn, 1UL << b->order, "alloc_pages");
			if (b->gfp & __GFP_ZERO) {
				const u64 *p = page_address(b->page);
				size_t i;

				for (i = 0; i < (PAGE_SIZE << b->order) / 8; i += 61)
					assert_int_equal(p[i], 0);
			}
			stamp_block(b, false);
			live_pages += 1UL << b->order;
			n++;
		} else {
			unsigned int i = rnd() % n;
			struct live_block b = live[i];
			unsigned long pfn = page_to_pfn(b.page);

			stamp_block(&b, true);
			memset(live_map + pfn, 0, 1UL << b.order);
			__free_pages(b.page, b.order);
			assert_false(irqs_disabled());
			live[i] = live[--n];
			live_pages -= 1UL << b.order;
		}
		if (op % 512 == 0)
			check_live_not_free(live, n);
		assert_int_equal(nr_free_pages() + live_pages, initial_nr_free);
	}
	check_live_not_free(live, n);
	while (n) {
		stamp_block(&live[--n], true);
		__free_pages(live[n].page, live[n].order);
	}
	assert_int_equal(nr_bad_page_reports, 0);
	expect_initial_state();
	print_message("churn seed %#llx: %u ops, %lu expected DMA failures\n",
		      (unsigned long long)seed, ops, failures);
}

static void test_churn_seed1(void **state)
{
	(void)state;
	churn(0x9e3779b97f4a7c15ULL, 5000);
}

static void test_churn_seed2(void **state)
{
	(void)state;
	churn(0x2545f4914f6cdd1dULL, 5000);
}

static void test_churn_seed3(void **state)
{
	(void)state;
	churn(12345, 5000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup(fn, restore)
		T(test_boot_zones_and_free_memory),
		T(test_boot_watermarks),
		T(test_buddyinfo_format),
		T(test_every_order),
		T(test_get_free_pages_addresses),
		T(test_split_and_merge_exactly),
		T(test_many_blocks_merge_back),
		T(test_order_too_large),
		T(test_zone_selection),
		T(test_fallback_normal_dma32_dma),
		T(test_dma32_never_above_4g),
		T(test_watermarks_reserve_levels),
		T(test_nowait_stops_at_min_alone),
		T(test_allocation_failure_report),
		T(test_gfp_zero),
		T(test_pcp_hot_reuse_and_drain),
		T(test_double_free),
		T(test_wrong_order),
		T(test_free_reserved_frame),
		T(test_free_tail_page),
		T(test_free_pages_bad_address),
		T(test_extra_reference_defers_free),
		T(test_churn_seed1),
		T(test_churn_seed2),
		T(test_churn_seed3),
#undef T
	};

	host_test_init();
	return cmocka_run_group_tests_name("page_alloc", tests, boot, NULL);
}
