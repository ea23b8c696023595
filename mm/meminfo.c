// SPDX-License-Identifier: GPL-2.0
/*
 * mm/meminfo.c - /proc/meminfo: where all the memory is, in one report
 * that asks each allocator for its share.
 *
 *   MemTotal       frames the page allocator manages
 *   MemFree        of those, free (per-CPU lists included)
 *   MemAvailable   free minus the zones' high watermarks
 *   Slab           frames held by slab caches (all of it unreclaimable
 *                  here: SUnreclaim)
 *   PageTables     kernel page-table pages made at run time
 *   VmallocTotal   size of the vmalloc region; VmallocUsed: its frames
 *   DirectMap*     how the direct map is built (4 KiB, 2 MiB, 1 GiB pages)
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/seq_buf.h>
#include <kernel/page_alloc.h>
#include <kernel/pgtable.h>
#include <kernel/slab_stats.h>
#include <kernel/vmalloc_stats.h>

#define K(pages)	((unsigned long)(pages) << (PAGE_SHIFT - 10))

static void show_val_kb(struct seq_buf *s, const char *name, unsigned long kb)
{
	seq_buf_printf(s, "%-16s%8lu kB\n", name, kb);
}

/**
 * meminfo_show - /proc/meminfo, the lines this kernel has
 * @s: where the text goes
 *
 * Context: Any context.
 */
void meminfo_show(struct seq_buf *s)
{
	unsigned long free = nr_free_pages(), reserve = 0;
	struct zone *zone;

	for_each_zone(zone)
		reserve += high_wmark_pages(zone);
	show_val_kb(s, "MemTotal:", K(totalram_pages()));
	show_val_kb(s, "MemFree:", K(free));
	show_val_kb(s, "MemAvailable:", K(free > reserve ? free - reserve : 0));
	show_val_kb(s, "Slab:", K(slab_frames()));
	show_val_kb(s, "SReclaimable:", 0);
	show_val_kb(s, "SUnreclaim:", K(slab_frames()));
	show_val_kb(s, "PageTables:", K(nr_pgtable_pages));
	show_val_kb(s, "VmallocTotal:", (VMALLOC_END - VMALLOC_START + 1) >> 10);
	show_val_kb(s, "VmallocUsed:", K(vmalloc_nr_pages()));
	show_val_kb(s, "VmallocChunk:", 0);
	show_val_kb(s, "DirectMap4k:", direct_pages_count[0] * 4);
	show_val_kb(s, "DirectMap2M:", direct_pages_count[1] * 2048);
	show_val_kb(s, "DirectMap1G:", direct_pages_count[2] * 1024 * 1024);
}

void show_meminfo(void)
{
	char buf[1024];
	struct seq_buf s;

	seq_buf_init(&s, buf, sizeof(buf));
	meminfo_show(&s);
	seq_buf_print_lines(&s);
}
