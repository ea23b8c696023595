// SPDX-License-Identifier: GPL-2.0
/*
 * Boot the page allocator on fake RAM once, then give every test the
 * state right after boot.
 *
 * mem_init() runs once per process, as in the kernel (memblock retires
 * after it).  What it builds lives in two places: mem_map, inside the
 * fake RAM, and the page allocator's globals (zones[], min_free_kbytes,
 * the bad-page counter).  Every list pointer in them points into one of
 * those two, at addresses that do not change, so a byte copy taken right
 * after boot and copied back later is an exact restore: the free lists,
 * the per-CPU lists and every struct page are as mem_init() left them.
 * The contents of the frames are not restored; no test relies on them.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kernel/page_alloc.h>
#include "host_support.h"
#include "fake_ram.h"

static struct page *saved_mem_map;
static struct zone saved_zones[MAX_NR_ZONES];
static int saved_min_free_kbytes;

void fake_boot(const struct fake_ram_map *map)
{
	size_t size;

	if (saved_mem_map) {
		printk("fake_boot: mem_init() runs once per process\n");
		host_dump_printk_and_abort();
	}
	fake_ram_setup(map);
	mem_init();

	size = max_pfn * sizeof(struct page);
	saved_mem_map = host_malloc(size);
	memcpy(saved_mem_map, mem_map, size);
	memcpy(saved_zones, zones, sizeof(zones));
	saved_min_free_kbytes = min_free_kbytes;
}

void fake_boot_restore(void)
{
	memcpy(mem_map, saved_mem_map, max_pfn * sizeof(struct page));
	memcpy(zones, saved_zones, sizeof(zones));
	min_free_kbytes = saved_min_free_kbytes;
	nr_bad_page_reports = 0;
}

/* The arch sets up init_pgd before mm runs; here it is one fake frame. */
void fake_boot_vmalloc(void)
{
	struct page *pgd = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!pgd) {
		printk("fake_boot_vmalloc: no frame for init_pgd\n");
		host_dump_printk_and_abort();
	}
	init_pgd = page_address(pgd);
	vmalloc_init();
}
