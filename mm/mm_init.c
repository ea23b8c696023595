// SPDX-License-Identifier: GPL-2.0
/*
 * mm/mm_init.c - from memblock to the buddy allocator.
 *
 * At the end of boot-time memory setup, memblock knows all RAM and what
 * is in use.  mem_init() turns that into the page allocator's world:
 *
 *   1. mem_map: one struct page per frame up to the end of RAM, from
 *      memblock, zeroed.  All-zero means "not free, not allocated": the
 *      state of a frame nobody has given to the allocator yet;
 *   2. zones: DMA below 16 MiB, DMA32 below 4 GiB, Normal above, each
 *      with its pfn span and the RAM frames present in it;
 *   3. every frame that is not RAM (a hole) or is reserved (the kernel,
 *      the first MiB, mem_map itself ...) gets PG_reserved, so a stray
 *      free of one is caught;
 *   4. every free memblock range goes to the buddy lists in the largest
 *      naturally aligned blocks that fit (a 4 MiB-aligned stretch becomes
 *      order-10 blocks; only the ragged ends are smaller), so this costs
 *      one step per block, not per frame;
 *   5. watermarks.
 *
 * The cost that grows with RAM is zeroing mem_map (32 bytes per 4 KiB
 * frame, 0.8%) and marking holes; both are plain memory writes.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <kernel/page_alloc.h>

static_assert(sizeof(struct page) <= 32, "struct page must stay within 32 bytes");

struct page *mem_map;
EXPORT_SYMBOL(mem_map);
unsigned long max_pfn;
EXPORT_SYMBOL(max_pfn);

static const unsigned long zone_end_pfns[MAX_NR_ZONES] = {
	[ZONE_DMA] = ZONE_DMA_END_PFN,
	[ZONE_DMA32] = ZONE_DMA32_END_PFN,
	[ZONE_NORMAL] = ~0UL,
};

static void __init init_zones(void)
{
	unsigned long start_pfn = 0;
	unsigned int z, order, cpu;
	u64 i;

	for (z = 0; z < MAX_NR_ZONES; z++) {
		struct zone *zone = &zones[z];
		unsigned long end_pfn = min(zone_end_pfns[z], max_pfn);

		zone->zone_start_pfn = start_pfn;
		zone->spanned_pages = end_pfn > start_pfn ? end_pfn - start_pfn : 0;
		zone->present_pages = 0;
		zone->managed_pages = 0;
		zone->free_pages = 0;
		for (order = 0; order <= MAX_PAGE_ORDER; order++) {
			INIT_LIST_HEAD(&zone->free_area[order].free_list);
			zone->free_area[order].nr_free = 0;
		}
		spin_lock_init(&zone->lock);
		for (cpu = 0; cpu < NR_CPUS; cpu++) {
			INIT_LIST_HEAD(&zone->pcp[cpu].list);
			zone->pcp[cpu].count = 0;
			zone->pcp[cpu].batch = 1;
			zone->pcp[cpu].high = 6;
		}
		start_pfn = max(start_pfn, end_pfn);
	}

	for (i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];
		unsigned long pfn = PFN_UP(r->base);
		unsigned long end = min(PFN_DOWN(r->base + r->size), max_pfn);

		for (z = 0; z < MAX_NR_ZONES && pfn < end; z++) {
			unsigned long zend = min(zone_end_pfn(&zones[z]), end);

			if (pfn < zend) {
				zones[z].present_pages += zend - pfn;
				pfn = zend;
			}
		}
	}
}

static void __init reserve_range(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < min(end_pfn, max_pfn); pfn++)
		__SetPageReserved(pfn_to_page(pfn));
}

/* PG_reserved for memblock's reserved regions and the holes between RAM. */
static void __init mark_reserved_frames(void)
{
	unsigned long prev_end = 0;
	u64 i;

	for (i = 0; i < memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];

		reserve_range(prev_end, PFN_UP(r->base));
		prev_end = PFN_DOWN(r->base + r->size);
	}
	for (i = 0; i < memblock.reserved.cnt; i++) {
		struct memblock_region *r = &memblock.reserved.regions[i];

		reserve_range(PFN_DOWN(r->base), PFN_UP(r->base + r->size));
	}
}

/* The largest order a block starting at @pfn may have, within @end. */
static unsigned int __init max_block_order(unsigned long pfn, unsigned long end)
{
	unsigned int order = pfn ? __builtin_ctzl(pfn) : MAX_PAGE_ORDER;

	order = min(order, (unsigned int)MAX_PAGE_ORDER);
	while (pfn + (1UL << order) > end)
		order--;
	return order;
}

/* Hand [start_pfn, end_pfn) to the buddy allocator, big blocks first. */
static unsigned long __init free_range(unsigned long start_pfn,
				       unsigned long end_pfn)
{
	unsigned long pfn = start_pfn;

	while (pfn < end_pfn) {
		unsigned int order = max_block_order(pfn, end_pfn);
		struct page *page = pfn_to_page(pfn);

		/* make it look allocated with this order, then free it */
		page_zone(page)->managed_pages += 1UL << order;
		set_page_count(page, 1);
		page->private = order;
		if (order)
			__SetPageHead(page);
		__free_pages(page, order);
		pfn += 1UL << order;
	}
	return end_pfn - start_pfn;
}

static void __init print_zone_ranges(void)
{
	struct zone *zone;

	pr_info("Zone ranges:\n");
	for_each_zone(zone) {
		if (!zone->spanned_pages)
			pr_info("  %-8s empty\n", zone->name);
		else
			pr_info("  %-8s [mem %#018llx-%#018llx]\n", zone->name,
				(unsigned long long)PFN_PHYS(zone->zone_start_pfn),
				(unsigned long long)PFN_PHYS(zone_end_pfn(zone)) - 1);
	}
}

/**
 * mem_init - build mem_map and the zones, give free RAM to the buddy allocator
 *
 * After this, memblock must no longer allocate: the page allocator owns
 * every frame memblock had not reserved.
 *
 * Context: Boot, after the direct map covers all RAM.
 */
void __init mem_init(void)
{
	phys_addr_t start, end;
	unsigned long freed = 0;
	u64 i;

	max_pfn = PFN_DOWN(memblock_end_of_DRAM());
	mem_map = memblock_alloc(max_pfn * sizeof(struct page), PAGE_SIZE);
	if (!mem_map)
		panic("Cannot allocate mem_map for %lu frames", max_pfn);
	init_zones();
	mark_reserved_frames();

	/* Frames handed over must not carry PG_reserved from rounding. */
	for_each_free_mem_range(i, &start, &end) {
		unsigned long spfn = PFN_UP(start), epfn = min(PFN_DOWN(end), max_pfn);

		if (spfn >= epfn)
			continue;
		freed += free_range(spfn, epfn);
	}
	memblock_retire();
	drain_all_pages();
	setup_per_zone_wmarks();

	print_zone_ranges();
	pr_info("mem_map: %lu frames, %lu KiB of struct page (%zu bytes each)\n",
		max_pfn, (max_pfn * sizeof(struct page)) >> 10, sizeof(struct page));
	pr_info("Buddy allocator: %lu frames free, min_free_kbytes: %d\n",
		freed, min_free_kbytes);
}
