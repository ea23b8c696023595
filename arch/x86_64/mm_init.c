// SPDX-License-Identifier: GPL-2.0
/*
 * Building the kernel's own page tables: the direct map of all RAM.
 *
 * boot/head.asm left three mappings: identity and PAGE_OFFSET for the
 * first GiB, and the kernel image at 0xffffffff80000000.  Once memblock
 * knows where RAM is, x86_init_memory() builds a fresh top-level table:
 *
 *   - every RAM range of the memory map at PAGE_OFFSET + physical, with
 *     the largest pages that fit: 1 GiB where the CPU supports them and
 *     the range covers an aligned GiB, 2 MiB likewise, 4 KiB at the ragged
 *     ends.  Holes (the PCI window below 4 GiB, ROMs) stay unmapped, so a
 *     stray pointer into them faults instead of touching a device;
 *   - the kernel image mapping, shared with the boot tables (the same
 *     PML4 entry, so its 4 KiB pages and stack guard stay as they are).
 *
 * The identity map is not copied: after the switch, a NULL or physical
 * pointer used as a kernel pointer faults, as it does in Linux.
 *
 * Page-table pages come from memblock below 1 GiB, which the boot tables
 * map at PAGE_OFFSET, so they can be filled before the switch.  The
 * tables are built by the kernel's one page-table walker, mm/pgtable.c.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/kasan.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <kernel/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <kernel/bootfiles.h>
#include <kernel/multiboot2.h>

#define EARLY_MAPPED_LIMIT	SZ_1G	/* what head.asm maps at PAGE_OFFSET */

extern u64 early_pml4[];

static u64 *alloc_table(void)
{
	u64 *table = memblock_alloc(PAGE_SIZE, PAGE_SIZE);

	if (!table)
		panic("Out of memory for the direct map's page tables");
	return table;
}

/*
 * Map [pa, pa + size) at PAGE_OFFSET + pa with the largest pages that fit.
 * pa and size are page aligned.
 */
static void map_direct_range(phys_addr_t pa, phys_addr_t size, bool gbpages)
{
	u64 prot = (PAGE_KERNEL | _PAGE_NX) & __supported_pte_mask;
	phys_addr_t end = pa + size;

	while (pa < end) {
		unsigned long va = (unsigned long)__va(pa);

		if (gbpages && IS_ALIGNED(pa, PUD_SIZE) && end - pa >= PUD_SIZE) {
			*pgtable_entry(init_pgd, va, PT_PUD, alloc_table) =
				pa | prot | _PAGE_PSE;
			direct_pages_count[2]++;
			pa += PUD_SIZE;
		} else if (IS_ALIGNED(pa, PMD_SIZE) && end - pa >= PMD_SIZE) {
			*pgtable_entry(init_pgd, va, PT_PMD, alloc_table) =
				pa | prot | _PAGE_PSE;
			direct_pages_count[1]++;
			pa += PMD_SIZE;
		} else {
			*pgtable_entry(init_pgd, va, PT_PTE, alloc_table) = pa | prot;
			direct_pages_count[0]++;
			pa += PAGE_SIZE;
		}
	}
}

bool boot_cpu_has_pdpe1gb(void)
{
	u32 a, b, c, d;

	cpuid(0x80000000, &a, &b, &c, &d);
	if (a < 0x80000001)
		return false;
	cpuid(0x80000001, &a, &b, &c, &d);
	return d & (1U << 26);
}

static bool boot_cpu_has_nx(void)
{
	return rdmsr(MSR_EFER) & EFER_NX;
}

/* Reserve what is in use before anything is allocated. */
static void reserve_boot_memory(phys_addr_t mbi_phys, u32 mbi_size)
{
	/* BIOS data, real-mode IVT, ROMs; the kernel; the boot information */
	if (memblock_reserve(0, SZ_1M) ||
	    memblock_reserve(__pa_symbol(_text) & ~(SZ_1M - 1),
			     __pa_symbol(_end) - (__pa_symbol(_text) & ~(SZ_1M - 1))) ||
	    memblock_reserve(mbi_phys & PAGE_MASK,
			     PAGE_ALIGN(mbi_phys + mbi_size) - (mbi_phys & PAGE_MASK)))
		panic("memblock: no room to reserve the kernel's own memory");
}

/**
 * x86_init_memory - hand RAM to memblock and build the direct map
 * @bi: the parsed boot information (its memory map)
 * @mbi_phys: where the boot information itself lies, to keep it
 * @mbi_size: its size in bytes
 *
 * Context: Early boot, single threaded.
 */
void x86_init_memory(const struct boot_info *bi, phys_addr_t mbi_phys,
		     u32 mbi_size)
{
	bool gbpages = boot_cpu_has_pdpe1gb();
	unsigned int i;
	u64 i_mem;
	phys_addr_t start, end;

	for (i = 0; i < bi->nr_mmap; i++) {
		const struct mb2_mmap_entry *e = &bi->mmap[i];
		phys_addr_t s = PAGE_ALIGN(e->addr);
		phys_addr_t t = (e->addr + e->len) & PAGE_MASK;

		if (e->type == MB2_MEMORY_AVAILABLE && t > s && memblock_add(s, t - s))
			pr_warn("memblock: more than %d RAM ranges, [mem %#018llx-%#018llx] ignored\n",
				INIT_MEMBLOCK_REGIONS, (unsigned long long)s,
				(unsigned long long)t - 1);
	}
	if (!memblock_phys_mem_size())
		panic("No usable RAM in the boot loader's memory map");
	reserve_boot_memory(mbi_phys, mbi_size);
	boot_files_reserve(bi);		/* the files GRUB loaded (insmod's) */

	if (!boot_cpu_has_nx())
		__supported_pte_mask &= ~_PAGE_NX;

	memblock_set_current_limit(EARLY_MAPPED_LIMIT);
	init_pgd = alloc_table();
	init_pgd[511] = early_pml4[511];	/* the kernel image */
	kasan_map_early_shadow(init_pgd);	/* make KASAN=1: its shadow */

	/* map every RAM region, reserved or not: the direct map is all RAM */
	for (i_mem = 0; i_mem < memblock.memory.cnt; i_mem++) {
		start = memblock.memory.regions[i_mem].base;
		end = start + memblock.memory.regions[i_mem].size;
		map_direct_range(start, end - start, gbpages);
	}
	write_cr3(__pa(init_pgd));
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);

	pr_info("DirectMap4k: %8lu kB, DirectMap2M: %8lu kB, DirectMap1G: %8lu kB\n",
		direct_pages_count[0] * 4, direct_pages_count[1] * 2048,
		direct_pages_count[2] * 1024 * 1024);
}

/**
 * __virt_addr_valid - is @x a kernel address of RAM with a struct page?
 * @x: a virtual address
 *
 * True for direct-map addresses of RAM and for addresses inside the
 * kernel image (a static variable); false for vmalloc and module
 * addresses, and for everything else.  What virt_addr_valid() checks
 * before virt_to_page() may be used.
 *
 * Context: Any context.
 */
bool __virt_addr_valid(unsigned long x)
{
	if (x >= __START_KERNEL_map)	/* the image, not what lies above it */
		return x < (unsigned long)_end;
	if (x < PAGE_OFFSET || x >= VMALLOC_START)
		return false;
	return pfn_valid(__phys_addr(x) >> PAGE_SHIFT);
}
EXPORT_SYMBOL(__virt_addr_valid);
