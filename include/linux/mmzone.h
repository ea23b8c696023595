/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Zones, free areas and watermarks: the page allocator's bookkeeping.
 *
 * Physical memory is split into zones by what hardware can reach:
 *   ZONE_DMA     below 16 MiB (ISA DMA),
 *   ZONE_DMA32   below 4 GiB (32-bit devices),
 *   ZONE_NORMAL  everything else.
 * Each zone keeps a free list per order (blocks of 2^order frames,
 * naturally aligned), three watermarks, and a list of single free frames
 * per CPU for the fast path (pcp[cpu]: only that CPU touches it).
 */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <linux/cpumask.h>
#include <linux/spinlock.h>

#define MAX_PAGE_ORDER		10
#define NR_PAGE_ORDERS		(MAX_PAGE_ORDER + 1)
#define MAX_ORDER		MAX_PAGE_ORDER	/* the name in older kernels */
#define MAX_ORDER_NR_PAGES	(1UL << MAX_PAGE_ORDER)

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	MAX_NR_ZONES
};

enum zone_watermarks {
	WMARK_MIN,
	WMARK_LOW,
	WMARK_HIGH,
	NR_WMARK
};

struct free_area {
	struct list_head free_list;
	unsigned long nr_free;		/* blocks of this order */
};

/* The per-CPU page list: single frames, freed and refilled in batches. */
struct per_cpu_pages {
	int count;			/* frames on the list */
	int high;			/* drain down when count reaches it */
	int batch;			/* frames moved per refill or drain */
	struct list_head list;
};

struct zone {
	/* first: the fast paths' only field; pcp[N] is CPU N's, its own alone */
	struct per_cpu_pages pcp[NR_CPUS];
	spinlock_t lock;		/* free_area[], free_pages */
	const char *name;
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;	/* pfn range, holes included */
	unsigned long present_pages;	/* RAM frames in the range */
	unsigned long managed_pages;	/* given to the buddy allocator */
	unsigned long free_pages;	/* in free_area lists (not pcp) */
	unsigned long _watermark[NR_WMARK];
	struct free_area free_area[NR_PAGE_ORDERS];
};

extern struct zone zones[MAX_NR_ZONES];
extern int min_free_kbytes;

#define min_wmark_pages(z)	((z)->_watermark[WMARK_MIN])
#define low_wmark_pages(z)	((z)->_watermark[WMARK_LOW])
#define high_wmark_pages(z)	((z)->_watermark[WMARK_HIGH])

/* Frames on every CPU's list of @zone (a snapshot: they move meanwhile). */
static inline unsigned long zone_pcp_count(const struct zone *zone)
{
	unsigned long sum = 0;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		sum += READ_ONCE(zone->pcp[cpu].count);
	return sum;
}

#define for_each_zone(z)	for (z = zones; z < zones + MAX_NR_ZONES; z++)

static inline bool populated_zone(const struct zone *zone)
{
	return zone->present_pages != 0;
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

#endif /* _LINUX_MMZONE_H */
