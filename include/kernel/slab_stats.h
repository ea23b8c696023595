/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The slab allocator's reports and counters, for the shell, the tests
 * and the leak check of the test runner (mm/slab_common.c).
 */
#ifndef _KERNEL_SLAB_STATS_H
#define _KERNEL_SLAB_STATS_H

#include <linux/seq_buf.h>

/* /proc/slabinfo, version 2.1. */
void slabinfo_show(struct seq_buf *s);
void show_slabinfo(void);

#include <linux/types.h>

/* Debug flags every cache gets (boot parameter slab_debug=). */
extern slab_flags_t slab_debug_flags;

/* Objects allocated and not freed, all caches. */
unsigned long slab_objects_live(void);
/* Frames owned by slabs, all caches. */
unsigned long slab_frames(void);
/* Objects allocated since boot: a position for slab_report_live_since(). */
unsigned long slab_alloc_seq_now(void);
/* Print objects allocated after @seq and still live, with call sites. */
void slab_report_live_since(unsigned long seq, const char *title);
/* Shrink every cache; returns frames freed (memory pressure). */
unsigned long kmem_cache_shrink_all(void);

#endif /* _KERNEL_SLAB_STATS_H */
