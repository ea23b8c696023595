// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pgtable.c - building and walking the kernel's page tables.
 *
 * One walker serves everyone who touches the kernel's page tables: the
 * direct map at boot (2 MiB and 1 GiB entries, tables from memblock),
 * vmalloc (4 KiB entries, tables from the page allocator), vmalloc_to_page,
 * the page-fault report and the pagewalk command.  It is portable C: the
 * tables are reached through the direct map (__va), so the host tests run
 * the same code on tables kept in ordinary memory.
 *
 * x86_64 four-level paging splits a virtual address into four 9-bit
 * table indexes and a 12-bit offset:
 *
 *   63    48 47    39 38    30 29    21 20    12 11       0
 *  | sign   |  PGD   |  PUD   |  PMD   |  PTE   |  offset  |
 *
 * Page-table pages allocated here are never freed (nor are they in
 * Linux, for kernel mappings); PG_pgtable marks them in mem_map.
 *
 * Locking.  Who may change what:
 *
 *   pgtable_lock      (a spin lock: another CPU spins, preemption off
 *                      while held; Linux's init_mm.page_table_lock)
 *                      protects the upper-level
 *                      entries of init_pgd's tree (PGD, PUD and PMD entries
 *                      that point at tables): the step from "no table" to
 *                      "this table" happens only under it, and nr_pgtable_pages
 *                      changes only under it.
 *   the area's owner  a PTE of the vmalloc region belongs to the one area
 *                      (busy in mm/vmalloc.c) that covers it: only the task
 *                      that maps or unmaps that area writes it, so leaf
 *                      entries need no lock.
 *
 * A new table comes from the page allocator with GFP_KERNEL, which may
 * sleep, so it is allocated before the lock is taken; under the lock the
 * entry is checked again, and if another task installed a table in the
 * meantime (on another CPU, or it was preempted, or slept, in the same
 * place) ours is the spare and is freed.  Installing without that re-check is the classic
 * lost-update race: two vmallocs in one 2 MiB each install a PTE table,
 * and the mappings the first one wrote go with the table it loses.
 *
 * Readers (pgtable_lookup(), vmalloc_to_page(), the fault report) take no
 * lock: tables are never freed, and an entry changes in one aligned
 * 8-byte store, so a reader sees the old value or the new one.
 *
 * Lock order: pgtable_lock is innermost.  It is taken with no other
 * allocator lock held (vmalloc maps an area after its own irq-off
 * region ends), and nothing is allocated or freed under it: the table is
 * allocated before, a spare is freed after.  At boot (the direct map,
 * tables from memblock) there is one task and no preemption, so a boot
 * table can never lose the race.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/tlbflush.h>
#include <kernel/pgtable.h>

u64 *init_pgd;			/* the kernel's PGD (set up by the arch) */
u64 __supported_pte_mask = ~0ULL;	/* the arch clears _PAGE_NX if unsupported */
unsigned long nr_pgtable_pages;
unsigned long direct_pages_count[3];	/* direct map entries: 4K, 2M, 1G */

static const unsigned int level_shift[] = {
	[PT_PTE] = PAGE_SHIFT, [PT_PMD] = PMD_SHIFT, [PT_PUD] = PUD_SHIFT,
	[PT_PGD] = PGDIR_SHIFT,
};

static inline unsigned int pt_index(unsigned long va, enum pt_level level)
{
	return (va >> level_shift[level]) & (PTRS_PER_TABLE - 1);
}

static DEFINE_SPINLOCK(pgtable_lock);

static u64 *alloc_pgtable_page(void);
static void free_spare_pgtable(u64 *table, pt_alloc_fn alloc);

/*
 * Point @entry at @new_table unless another task did it first.
 * Return: true if @new_table went in; false if it is a spare.
 */
static bool install_table(u64 *entry, u64 *new_table, bool counted)
{
	bool installed = false;

	spin_lock(&pgtable_lock);
	if (!(READ_ONCE(*entry) & _PAGE_PRESENT)) {
		WRITE_ONCE(*entry, __pa(new_table) | _KERNPG_TABLE);
		if (counted)
			nr_pgtable_pages++;
		installed = true;
	}
	spin_unlock(&pgtable_lock);
	return installed;
}

u64 *pgtable_entry(u64 *pgd, unsigned long va, enum pt_level level,
		   pt_alloc_fn alloc)
{
	u64 *table = pgd;
	enum pt_level l;

	for (l = PT_PGD; l > level; l--) {
		u64 *entry = &table[pt_index(va, l)];
		u64 e = READ_ONCE(*entry);

		if (!(e & _PAGE_PRESENT)) {
			/* allocate first (may sleep), then install under the lock */
			u64 *new_table = alloc ? alloc() : NULL;

			if (!new_table)
				return NULL;
			if (!install_table(entry, new_table,
					   alloc == alloc_pgtable_page))
				free_spare_pgtable(new_table, alloc);
			e = READ_ONCE(*entry);
		}
		if (e & _PAGE_PSE)
			return NULL;	/* a large page is in the way */
		table = __va(e & PTE_ADDR_MASK);
	}
	return &table[pt_index(va, level)];
}

u64 *pgtable_lookup(u64 *pgd, unsigned long va, enum pt_level *level)
{
	/* LAB(vmalloc) BEGIN walk: down the four levels to the entry that maps @va */
	u64 *table = pgd;
	enum pt_level l;

	for (l = PT_PGD; l >= PT_PTE; l--) {
		u64 *entry = &table[pt_index(va, l)];

		if (l == PT_PTE || !(*entry & _PAGE_PRESENT) ||
		    (*entry & _PAGE_PSE)) {
			*level = l;
			return (*entry & _PAGE_PRESENT) ? entry : NULL;
		}
		table = __va(*entry & PTE_ADDR_MASK);
	}
	return NULL;
	/* LAB(vmalloc) END walk */
}

phys_addr_t pgtable_virt_to_phys(unsigned long va)
{
	enum pt_level level;
	/* a non-canonical address maps nowhere: the CPU refuses it (#GP) */
	u64 *entry = va_is_canonical(va) ? pgtable_lookup(init_pgd, va, &level) : NULL;
	/* LAB(vmalloc) BEGIN phys: the frame from the entry, the offset from @va */
	u64 mask;

	if (!entry)
		return (phys_addr_t)-1;
	mask = (1ULL << level_shift[level]) - 1;
	return ((*entry & PTE_ADDR_MASK) & ~mask) | (va & mask);
	/* LAB(vmalloc) END phys */
}

/*
 * A zeroed page for a page table, from the page allocator.  It is counted
 * in nr_pgtable_pages once it is installed (install_table()).
 */
static u64 *alloc_pgtable_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return NULL;
	__SetPagePgtable(page);
	return page_address(page);
}

/*
 * Another task installed a table while we allocated ours: give ours back.
 * Only the page allocator's tables can get here; a boot allocator
 * (memblock) runs while there is one task, which cannot race itself.
 */
static void free_spare_pgtable(u64 *table, pt_alloc_fn alloc)
{
	struct page *page;

	if (WARN_ON_ONCE(alloc != alloc_pgtable_page))
		return;		/* not ours to free: leak it */
	page = virt_to_page(table);
	__ClearPagePgtable(page);
	__free_page(page);
}

int vmap_pages_range(unsigned long addr, unsigned long end, u64 prot,
		     struct page **pages)
{
	unsigned long start = addr;

	for (; addr < end; addr += PAGE_SIZE, pages++) {
		u64 *pte = pgtable_entry(init_pgd, addr, PT_PTE, alloc_pgtable_page);

		if (!pte) {
			vunmap_range(start, addr);
			return -ENOMEM;
		}
		*pte = page_to_phys(*pages) | (prot & __supported_pte_mask);
	}
	return 0;
}

int vmap_phys_range(unsigned long addr, unsigned long end, phys_addr_t phys,
		    u64 prot)
{
	unsigned long start = addr;

	for (; addr < end; addr += PAGE_SIZE, phys += PAGE_SIZE) {
		u64 *pte = pgtable_entry(init_pgd, addr, PT_PTE, alloc_pgtable_page);

		if (!pte) {
			vunmap_range(start, addr);
			return -ENOMEM;
		}
		*pte = phys | (prot & __supported_pte_mask);
	}
	return 0;
}

void vunmap_range(unsigned long addr, unsigned long end)
{
	unsigned long va;

	for (va = addr; va < end; va += PAGE_SIZE) {
		u64 *pte = pgtable_entry(init_pgd, va, PT_PTE, NULL);

		if (pte)
			*pte = 0;
	}
	/*
	 * This CPU only: the others keep their stale entries until the
	 * range is purged (purge_vmap_area_lazy() shoots them down before
	 * anyone can map it again), as Linux's lazy vunmap does.
	 */
	local_flush_tlb_kernel_range(addr, end);
}

static const char *const level_names[] = {
	[PT_PTE] = "PTE", [PT_PMD] = "PMD", [PT_PUD] = "PUD", [PT_PGD] = "PGD",
};

static void show_entry_flags(struct seq_buf *s, u64 e)
{
	seq_buf_printf(s, "%s%s%s%s%s%s%s", (e & _PAGE_PRESENT) ? " P" : " -",
		       (e & _PAGE_RW) ? " RW" : " RO", (e & _PAGE_USER) ? " U" : " K",
		       (e & _PAGE_ACCESSED) ? " A" : "", (e & _PAGE_DIRTY) ? " D" : "",
		       (e & _PAGE_PSE) ? " PSE" : "", (e & _PAGE_NX) ? " NX" : " X");
}

/**
 * pagewalk_show - the walk of @va through the live page tables
 * @s: where the text goes
 * @va: a virtual address
 *
 * One line per level: its index, the entry and its flags; then the
 * physical address @va maps to, or where the walk stopped.  A
 * non-canonical @va is said to be one, and not walked.
 *
 * Context: Any context.
 */
void pagewalk_show(struct seq_buf *s, unsigned long va)
{
	u64 *table = init_pgd;
	enum pt_level l;

	seq_buf_printf(s, "pagewalk %016lx (CR3 %016llx)\n", va,
		       (unsigned long long)__pa(init_pgd));
	if (!va_is_canonical(va)) {
		/* the walk would use bits 47-12 and silently ignore 63-48 */
		seq_buf_printf(s, "  non-canonical address: bits 63-48 are not copies of bit 47 (canonical is below %016lx or from %016lx on); any access raises #GP, no page table is used\n",
			       1UL << 47, ~0UL << 47);
		return;
	}
	for (l = PT_PGD; l >= PT_PTE; l--) {
		u64 e = table[pt_index(va, l)];

		seq_buf_printf(s, "  %s[%3u] = %016llx", level_names[l],
			       pt_index(va, l), (unsigned long long)e);
		show_entry_flags(s, e);
		seq_buf_printf(s, "\n");
		if (!(e & _PAGE_PRESENT)) {
			seq_buf_printf(s, "  not mapped: no %s entry\n", level_names[l]);
			return;
		}
		if (l == PT_PTE || (e & _PAGE_PSE)) {
			u64 mask = (1ULL << level_shift[l]) - 1;

			seq_buf_printf(s, "  -> physical %016llx (%s page)\n",
				       (unsigned long long)(((e & PTE_ADDR_MASK) & ~mask) |
							    (va & mask)),
				       l == PT_PTE ? "4 KiB" : l == PT_PMD ? "2 MiB" : "1 GiB");
			return;
		}
		table = __va(e & PTE_ADDR_MASK);
	}
}
