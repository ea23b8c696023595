/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's page tables, as C code changes and reads them
 * (mm/pgtable.c).  Levels are counted from the bottom, as the
 * hardware's names go:
 *
 *	PGD (level 4) -> PUD (3) -> PMD (2) -> PTE (1) -> 4 KiB page
 *
 * A PUD entry with _PAGE_PSE maps 1 GiB, a PMD entry with it 2 MiB.
 */
#ifndef _KERNEL_PGTABLE_H
#define _KERNEL_PGTABLE_H

#include <linux/types.h>
#include <linux/seq_buf.h>
#include <asm/pgtable.h>

struct page;

enum pt_level { PT_PTE = 1, PT_PMD, PT_PUD, PT_PGD };

/*
 * With four-level paging an address has 48 significant bits: bits 63-48
 * must be copies of bit 47 ("canonical").  Any access to another address
 * raises #GP before the page tables are looked at.
 */
static inline bool va_is_canonical(unsigned long va)
{
	long top = (long)va >> 47;

	return top == 0 || top == -1;
}

/* Where new page-table pages come from: memblock at boot, pages later. */
typedef u64 *(*pt_alloc_fn)(void);

/*
 * pgtable_entry - the entry for @va at @level, creating missing tables
 * on the way with @alloc (NULL: do not create; return NULL instead).
 * A new table is allocated unlocked and installed under pgtable_lock
 * only if the entry is still empty; otherwise it is freed (it lost to
 * another task).  Context: may sleep if @alloc may (GFP_KERNEL).
 */
u64 *pgtable_entry(u64 *pgd, unsigned long va, enum pt_level level,
		   pt_alloc_fn alloc);

/*
 * pgtable_lookup - the entry that maps @va, at whatever level the walk
 * ends (*level says which), or NULL when a table on the way is missing.
 */
u64 *pgtable_lookup(u64 *pgd, unsigned long va, enum pt_level *level);

/* Map 4 KiB pages @pages[0..] at [@addr, @end); 0 or -ENOMEM. */
int vmap_pages_range(unsigned long addr, unsigned long end, u64 prot,
		     struct page **pages);
/* Map the physical range @phys.. (device memory) at [@addr, @end). */
int vmap_phys_range(unsigned long addr, unsigned long end, phys_addr_t phys,
		    u64 prot);
/* Clear the PTEs of [@addr, @end) and flush them from the TLB. */
void vunmap_range(unsigned long addr, unsigned long end);

/* The physical address @va maps to, or -1 when nothing maps it (or @va is not canonical). */
phys_addr_t pgtable_virt_to_phys(unsigned long va);

/* A walk of @va, one line per level: entry, flags, final address. */
void pagewalk_show(struct seq_buf *s, unsigned long va);

/* Page-table pages allocated since boot for runtime mappings. */
extern unsigned long nr_pgtable_pages;
/* Direct-map entries by size: [0] 4 KiB, [1] 2 MiB, [2] 1 GiB. */
extern unsigned long direct_pages_count[3];

#endif /* _KERNEL_PGTABLE_H */
