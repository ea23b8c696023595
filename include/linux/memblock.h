/* SPDX-License-Identifier: GPL-2.0 */
/*
 * memblock: the boot-time physical memory allocator.
 *
 * Before the page allocator exists, the kernel knows RAM only as a list
 * of ranges from the boot loader's memory map ("memory") and a list of
 * ranges already in use ("reserved": the kernel image, the boot
 * information, the first MiB, early page tables).  memblock allocates by
 * finding a free stretch (in memory, not in reserved) and reserving it.
 * Later the page allocator takes over everything that is still free.
 */
#ifndef _LINUX_MEMBLOCK_H
#define _LINUX_MEMBLOCK_H

#include <linux/types.h>

#define INIT_MEMBLOCK_REGIONS	128
#define MEMBLOCK_ALLOC_ANYWHERE	(~(phys_addr_t)0)

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	const char *name;
};

struct memblock {
	phys_addr_t current_limit;	/* allocations stay below this */
	struct memblock_type memory;
	struct memblock_type reserved;
};

extern struct memblock memblock;

int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align);
void *memblock_alloc(phys_addr_t size, phys_addr_t align);
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_memory(phys_addr_t addr);
void memblock_dump_all(void);
void memblock_retire(void);

/*
 * for_each_free_mem_range - iterate over stretches of memory not reserved
 * @i: u64 cursor (start it at 0)
 * @start, @end: phys_addr_t out: [start, end) of each free stretch
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start,
			   phys_addr_t *out_end);
#define for_each_free_mem_range(i, p_start, p_end)			\
	for (i = 0; __next_free_mem_range(&i, p_start, p_end);)

#endif /* _LINUX_MEMBLOCK_H */
