// SPDX-License-Identifier: GPL-2.0
/*
 * Fake physical memory for the host tests of mm/: see fake_ram.h.
 *
 * This file stops where the kernel's x86_init_memory() stops, with
 * memblock knowing the RAM and the reserved ranges.  It pulls in
 * mm/memblock.c only, so the memblock tests link without the page
 * allocator; fake_boot.c goes on to mem_init().
 */
#include <linux/kernel.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/page.h>
#include "host_support.h"
#include "fake_ram.h"

/* 4 GiB + 128 MiB of Normal zone: the region spans up to there. */
static const struct fake_range pc_ram[] = {
	{ 0x0, 0x9f000 },
	{ SZ_1M, 63 * SZ_1M },
	{ 96 * SZ_1M, 64 * SZ_1M },
	{ SZ_4G, 128 * SZ_1M },
};

/* x86_init_memory's reservations: first MiB, kernel image, boot info. */
static const struct fake_range pc_reserved[] = {
	{ 0x0, SZ_1M },
	{ SZ_1M, 2 * SZ_1M },
	{ 3 * SZ_1M, 2 * SZ_4K },
};

const struct fake_ram_map fake_map_pc = {
	.name = "pc",
	.ram = pc_ram, .nr_ram = ARRAY_SIZE(pc_ram),
	.reserved = pc_reserved, .nr_reserved = ARRAY_SIZE(pc_reserved),
};

/* Edges that are not multiples of anything, to exercise mem_init's splitting. */
static const struct fake_range small_ram[] = {
	{ 0x1000, 0x9e000 },
	{ SZ_1M, 47 * SZ_1M - 3 * SZ_4K },
};

static const struct fake_range small_reserved[] = {
	{ 0x0, SZ_1M },
	{ SZ_1M, SZ_1M + 5 * SZ_4K },
	{ 20 * SZ_1M + 7 * SZ_4K, 3 * SZ_4K },
};

const struct fake_ram_map fake_map_small = {
	.name = "small",
	.ram = small_ram, .nr_ram = ARRAY_SIZE(small_ram),
	.reserved = small_reserved, .nr_reserved = ARRAY_SIZE(small_reserved),
};

static void *region;
static size_t region_size;
static phys_addr_t ram_end;

void fake_memblock_reset(void)
{
	memblock.memory.cnt = 0;
	memblock.memory.total_size = 0;
	memblock.reserved.cnt = 0;
	memblock.reserved.total_size = 0;
	memblock.current_limit = MEMBLOCK_ALLOC_ANYWHERE;
}

void fake_ram_teardown(void)
{
	if (region)
		host_mem_release(region, region_size);
	region = NULL;
	host_page_offset = 0;
}

void fake_ram_setup(const struct fake_ram_map *map)
{
	unsigned int i;

	fake_ram_teardown();
	ram_end = 0;
	for (i = 0; i < map->nr_ram; i++)
		ram_end = max(ram_end, map->ram[i].base + map->ram[i].size);
	region_size = PAGE_ALIGN(ram_end);
	region = host_mem_reserve(region_size);
	host_page_offset = (unsigned long)region;

	fake_memblock_reset();
	for (i = 0; i < map->nr_ram; i++) {
		host_mem_open(__va(map->ram[i].base), map->ram[i].size);
		memblock_add(map->ram[i].base, map->ram[i].size);
	}
	for (i = 0; i < map->nr_reserved; i++)
		memblock_reserve(map->reserved[i].base, map->reserved[i].size);
}

phys_addr_t fake_ram_end(void)
{
	return ram_end;
}
