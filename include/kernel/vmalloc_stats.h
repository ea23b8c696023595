/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmalloc's reports and counters (mm/vmalloc.c), for the shell, meminfo,
 * the tests and the test runner's leak check.
 */
#ifndef _KERNEL_VMALLOC_STATS_H
#define _KERNEL_VMALLOC_STATS_H

#include <linux/seq_buf.h>

/* /proc/vmallocinfo: one line per area, lazily freed ones included. */
void vmallocinfo_show(struct seq_buf *s);
void show_vmallocinfo(void);

/* Live areas (vmalloc and vmap), and the frames vmalloc owns. */
unsigned long vmalloc_nr_areas(void);
unsigned long vmalloc_nr_pages(void);

/*
 * Return lazily freed address ranges to the free tree (after a TLB
 * flush).  Returns the number of areas purged.
 */
unsigned long purge_vmap_area_lazy(void);
/* Test hook: purge with a local flush only, no TLB shootdown (mm_smp). */
extern bool vmalloc_skip_tlb_shootdown;

/* Depth of the free-space and busy trees (tests check O(log n)). */
int vmalloc_free_tree_height(void);
int vmalloc_busy_tree_height(void);
/* Largest free block in the region, in bytes. */
unsigned long vmalloc_largest_free(void);

#endif /* _KERNEL_VMALLOC_STATS_H */
