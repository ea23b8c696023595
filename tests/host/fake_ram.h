/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fake physical memory for the host tests and benchmarks of mm/.
 *
 * A memory map (RAM ranges and reserved ranges, in fake physical
 * addresses) is laid over one big mmap'ed region: fake physical address
 * P lives at region + P, and PAGE_OFFSET (tests/host/arch/asm/page.h) is
 * the region's address, so the kernel's own __va()/__pa() and
 * page_address() work unchanged.  Only the RAM ranges are accessible;
 * holes fault.  Since only __va() matters, RAM "above 4 GiB" costs
 * address space, not memory.
 *
 *	fake_ram_setup(map)	what x86_init_memory() does: memblock_add()
 *				each RAM range, memblock_reserve() the rest
 *	fake_boot(map)		fake_ram_setup(), then the page allocator's
 *				boot: mem_init(); once per process
 *	fake_boot_restore()	back to the state right after fake_boot()
 *				(fake_boot.c)
 */
#ifndef _FAKE_RAM_H
#define _FAKE_RAM_H

#include <linux/types.h>

struct fake_range {
	phys_addr_t base;
	phys_addr_t size;
};

struct fake_ram_map {
	const char *name;
	const struct fake_range *ram;
	unsigned int nr_ram;
	const struct fake_range *reserved;
	unsigned int nr_reserved;
};

/*
 * The standard map, a small PC with RAM above 4 GiB:
 *	[0, 0x9f000)		low RAM (reserved: first MiB)
 *	[1 MiB, 64 MiB)		DMA (the kernel image at 1-3 MiB) and DMA32
 *	[64 MiB, 96 MiB)	hole
 *	[96 MiB, 160 MiB)	DMA32
 *	[160 MiB, 4 GiB)	hole
 *	[4 GiB, 4 GiB + 128 MiB) Normal
 */
extern const struct fake_ram_map fake_map_pc;
/* 48 MiB with ragged edges, no RAM above 4 GiB: DMA and DMA32 only. */
extern const struct fake_ram_map fake_map_small;

/* Map the region for @map, reset memblock, feed it the map. */
void fake_ram_setup(const struct fake_ram_map *map);
/* Unmap the region (the next setup starts from zeroed memory). */
void fake_ram_teardown(void);
/* Empty memblock's two region lists, as at boot. */
void fake_memblock_reset(void);
/* The end of the highest RAM range of the current map. */
phys_addr_t fake_ram_end(void);

/* fake_ram_setup() + mem_init(), and a snapshot of the result. */
void fake_boot(const struct fake_ram_map *map);
/* Put mem_map and the allocator's globals back as fake_boot() left them. */
void fake_boot_restore(void);

/*
 * After fake_boot() and kmem_cache_init(): the kernel's PGD (init_pgd, a
 * zeroed frame of the fake RAM, as the arch code would set it up) and
 * vmalloc_init().  A program that calls it must not fake_boot_restore()
 * afterwards: the restore would free the page-table frames under it.
 */
void fake_boot_vmalloc(void);

#endif /* _FAKE_RAM_H */
