/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page allocator's reports and the knobs its tests use
 * (mm/page_alloc.c).
 */
#ifndef _KERNEL_PAGE_ALLOC_H
#define _KERNEL_PAGE_ALLOC_H

#include <linux/types.h>
#include <linux/seq_buf.h>

struct zone;

/* /proc/buddyinfo: "Node 0, zone      DMA      1      0 ..." per zone. */
void buddyinfo_show(struct seq_buf *s);
void pcplists_show(struct seq_buf *s);
/* /proc/meminfo: "MemTotal:         523772 kB" ... */
void meminfo_show(struct seq_buf *s);
/* Print both on the console. */
void show_buddyinfo(void);
void show_meminfo(void);
/* The failure report's zone lines: "Node 0 DMA free:...kB min:... ", orders. */
void show_free_areas(void);

/* Something that can free memory when it runs short (a shrinker). */
void register_reclaim_hook(unsigned long (*fn)(void));
/* Times an allocation slept waiting for memory. */
extern unsigned long page_alloc_sleeps;

/* Recompute every zone's watermarks from min_free_kbytes. */
void setup_per_zone_wmarks(void);

/* Bad-page reports printed since boot (tests check it moved). */
extern unsigned long nr_bad_page_reports;

/* The number of frames in the free lists of @zone, pcp lists included. */
unsigned long zone_free_pages_total(const struct zone *zone);

#endif /* _KERNEL_PAGE_ALLOC_H */
