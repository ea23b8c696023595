// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86_64/kasan_init.c - the page tables of KASAN's shadow memory
 * (make KASAN=1; see mm/kasan/kasan.h for the design).
 *
 * The shadow of the kernel half of the address space is the 16 TiB at
 * [KASAN_SHADOW_START, KASAN_SHADOW_END), 32 entries of the top-level
 * table.  Three stages:
 *
 *   1. kasan_early_init(), the first thing x86_64_start_kernel() does:
 *      all 32 entries point to one PUD table whose entries all point to
 *      one PMD table, whose entries all point to one PTE table, whose
 *      entries all map one page of zeros.  Four pages map 16 TiB of
 *      shadow saying "valid".  The stack instrumentation of every
 *      function writes there; nothing reads it yet (kasan_ready is false).
 *   2. kasan_map_early_shadow() copies the 32 entries into the kernel's
 *      own top-level table before x86_init_memory() switches to it.
 *   3. kasan_init(), once memblock knows the RAM: the shadow of the
 *      direct map of every RAM range and of the kernel image gets real
 *      zeroed pages.  A shared early table on the way is replaced by a
 *      private copy first (copy on write).  Then the zero page is mapped
 *      read-only, the compiler's constructors register the globals, and
 *      the checks go on.
 *
 * Later, kasan_populate_vmalloc() gives shadow pages to the vmalloc and
 * module areas when something is mapped there (from the page allocator,
 * counted with the page tables: they are never given back).
 *
 * Not instrumented: it runs before there is any shadow to check.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/kasan.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/tlbflush.h>
#include <kernel/pgtable.h>
#include "../../mm/kasan/kasan.h"

#define PTRS		PTRS_PER_TABLE
#define SHADOW_PROT	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

extern u64 early_pml4[];

static u8 kasan_early_shadow_page[PAGE_SIZE] __aligned(PAGE_SIZE);
static u64 kasan_early_shadow_pte[PTRS] __aligned(PAGE_SIZE);
static u64 kasan_early_shadow_pmd[PTRS] __aligned(PAGE_SIZE);
static u64 kasan_early_shadow_pud[PTRS] __aligned(PAGE_SIZE);

/* The entry that points at @table (the same in every slot of its parent). */
static inline u64 early_entry(const void *table)
{
	return __pa_symbol(table) | SHADOW_PROT;
}

/**
 * kasan_early_init - map all of the shadow to one page of zeros
 *
 * Context: Early boot, on the boot page tables, before any instrumented
 * function runs.
 */
void __init kasan_early_init(void)
{
	unsigned long va;
	int i;

	for (i = 0; i < PTRS; i++) {
		kasan_early_shadow_pte[i] = early_entry(kasan_early_shadow_page);
		kasan_early_shadow_pmd[i] = early_entry(kasan_early_shadow_pte);
		kasan_early_shadow_pud[i] = early_entry(kasan_early_shadow_pmd);
	}
	for (va = KASAN_SHADOW_START; va < KASAN_SHADOW_END; va += 1UL << PGDIR_SHIFT)
		early_pml4[pgd_index(va)] = early_entry(kasan_early_shadow_pud);
}

/* Stage 2: the kernel's own top-level table gets the same entries. */
void __init kasan_map_early_shadow(u64 *pgd)
{
	unsigned long va;

	for (va = KASAN_SHADOW_START; va < KASAN_SHADOW_END; va += 1UL << PGDIR_SHIFT)
		pgd[pgd_index(va)] = early_pml4[pgd_index(va)];
}

/* Where shadow pages and tables come from: memblock at boot, pages later. */
static bool runtime;
static gfp_t runtime_gfp;
/* Shadow pages and their tables, boot and runtime (docs/performance.md). */
unsigned long kasan_shadow_pages;

static void *alloc_shadow_page(void)
{
	struct page *page;

	if (!runtime) {
		void *p = memblock_alloc(PAGE_SIZE, PAGE_SIZE);	/* zeroed */

		kasan_shadow_pages += !!p;
		return p;
	}
	page = alloc_page(runtime_gfp | __GFP_ZERO);
	if (!page)
		return NULL;
	nr_pgtable_pages++;	/* kept for good, as page tables are */
	kasan_shadow_pages++;
	return page_address(page);
}

/*
 * The table below *@entry, made private: a missing one, or the shared
 * early table @early, is replaced by a new page holding @fill in every
 * slot (a copy of the early table).  NULL when out of memory.
 */
static u64 *private_table(u64 *entry, const void *early, u64 fill)
{
	u64 *table;
	int i;

	if ((*entry & _PAGE_PRESENT) &&
	    (*entry & PTE_ADDR_MASK) != __pa_symbol(early))
		return __va(*entry & PTE_ADDR_MASK);
	table = alloc_shadow_page();
	if (!table)
		return NULL;
	for (i = 0; i < PTRS; i++)
		table[i] = fill;
	*entry = __pa(table) | SHADOW_PROT;
	return table;
}

/*
 * Give [@start, @end) of shadow (page aligned) real zeroed pages, keeping
 * the ones it already has.  Returns 0 or -ENOMEM.
 */
static int populate_shadow(unsigned long start, unsigned long end)
{
	unsigned long va;

	for (va = start; va < end; va += PAGE_SIZE) {
		u64 *pud, *pmd, *pte;
		u8 *page;

		pud = private_table(&init_pgd[pgd_index(va)], kasan_early_shadow_pud,
				    kasan_early_shadow_pud[0]);
		if (!pud)
			return -ENOMEM;
		pmd = private_table(&pud[pud_index(va)], kasan_early_shadow_pmd,
				    kasan_early_shadow_pmd[0]);
		if (!pmd)
			return -ENOMEM;
		pte = private_table(&pmd[pmd_index(va)], kasan_early_shadow_pte,
				    kasan_early_shadow_pte[0]);
		if (!pte)
			return -ENOMEM;
		if ((pte[pte_index(va)] & PTE_ADDR_MASK) !=
		    __pa_symbol(kasan_early_shadow_page))
			continue;
		page = alloc_shadow_page();
		if (!page)
			return -ENOMEM;
		pte[pte_index(va)] = __pa(page) | SHADOW_PROT;
		if (__supported_pte_mask & _PAGE_NX)
			pte[pte_index(va)] |= _PAGE_NX;
	}
	return 0;
}

/* Shadow for the memory [@start, @end). */
static int populate_for(unsigned long start, unsigned long end)
{
	return populate_shadow(round_down((unsigned long)kasan_mem_to_shadow((void *)start), PAGE_SIZE),
			       round_up((unsigned long)kasan_mem_to_shadow((void *)end), PAGE_SIZE));
}

/**
 * kasan_populate_vmalloc - give shadow pages to a vmalloc or module area
 * @addr: its start
 * @size: its size in bytes, the guard page included
 *
 * Context: Process context or any, with atomic allocations when
 * interrupts are off.  Return: 0, or -ENOMEM.
 */
int kasan_populate_vmalloc(unsigned long addr, unsigned long size)
{
	unsigned long flags;
	int err;

	if (!kasan_ready)
		return 0;
	local_irq_save(flags);
	/* interrupts are off; and fault injection is for the caller's memory */
	runtime_gfp = GFP_ATOMIC | __GFP_NOWARN | __GFP_NOFAIL;
	err = populate_for(addr, addr + size);
	local_irq_restore(flags);
	flush_tlb_all();
	return err;
}

/* The compiler's constructors (linker.ld): each registers its file's globals. */
typedef void (*ctor_fn_t)(void);
extern ctor_fn_t __init_array_start[], __init_array_end[];

static void __init run_constructors(void)
{
	ctor_fn_t *fn;

	for (fn = __init_array_start; fn < __init_array_end; fn++)
		(*fn)();
}

/**
 * kasan_init - real shadow for RAM and the kernel image; checks on
 *
 * Context: Boot, after the direct map is built and before mem_init()
 * (the shadow comes from memblock: 1/8 of RAM).
 */
void __init kasan_init(void)
{
	u64 i;
	int j;

	for (i = 0; i < memblock.memory.cnt; i++) {
		phys_addr_t base = memblock.memory.regions[i].base;
		phys_addr_t size = memblock.memory.regions[i].size;

		if (populate_for((unsigned long)__va(base), (unsigned long)__va(base + size)))
			panic("KASAN: no memory for the shadow of the direct map");
	}
	if (populate_for(__START_KERNEL_map, round_up((unsigned long)_end, PAGE_SIZE)))
		panic("KASAN: no memory for the shadow of the kernel image");

	/* the zero page is read-only from now on, and zero again */
	for (j = 0; j < PTRS; j++)
		kasan_early_shadow_pte[j] &= ~(u64)_PAGE_RW;
	flush_tlb_all();
	memset(kasan_early_shadow_page, 0, PAGE_SIZE);
	runtime = true;

	kasan_ready = true;
	run_constructors();
	pr_info("KernelAddressSanitizer initialized (generic)\n");
	pr_info("KASAN: shadow %luK for %lluK of RAM, quarantine up to %luK\n",
		kasan_shadow_pages * (PAGE_SIZE / 1024),
		(unsigned long long)memblock_phys_mem_size() >> 10,
		(unsigned long)(memblock_phys_mem_size() / 32) >> 10);
}
