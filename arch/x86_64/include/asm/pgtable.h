/* SPDX-License-Identifier: GPL-2.0 */
/*
 * x86_64 4-level page tables: PGD (PML4) -> PUD (PDPT) -> PMD (PD) -> PTE.
 * Each level is a 4 KiB page of 512 eight-byte entries; an entry holds
 * the physical address of the next level (or of the page) and flag bits.
 */
#ifndef _ASM_X86_PGTABLE_H
#define _ASM_X86_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>

#define PTRS_PER_TABLE	512

#define _PAGE_PRESENT	(1ULL << 0)
#define _PAGE_RW	(1ULL << 1)
#define _PAGE_USER	(1ULL << 2)
#define _PAGE_PWT	(1ULL << 3)
#define _PAGE_PCD	(1ULL << 4)
#define _PAGE_ACCESSED	(1ULL << 5)
#define _PAGE_DIRTY	(1ULL << 6)
#define _PAGE_PSE	(1ULL << 7)	/* 2 MiB / 1 GiB page at PMD / PUD */
#define _PAGE_GLOBAL	(1ULL << 8)
#define _PAGE_NX	(1ULL << 63)
#define PTE_ADDR_MASK	0x000ffffffffff000ULL

#define PAGE_KERNEL	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)
#define _KERNPG_TABLE	(_PAGE_PRESENT | _PAGE_RW | _PAGE_ACCESSED | _PAGE_DIRTY)

#define pgd_index(va)	(((va) >> PGDIR_SHIFT) & (PTRS_PER_TABLE - 1))
#define pud_index(va)	(((va) >> PUD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pmd_index(va)	(((va) >> PMD_SHIFT) & (PTRS_PER_TABLE - 1))
#define pte_index(va)	(((va) >> PAGE_SHIFT) & (PTRS_PER_TABLE - 1))

/* The kernel's top-level table (PML4), as a direct-map pointer. */
extern u64 *init_pgd;
extern u64 __supported_pte_mask;	/* _PAGE_NX removed if the CPU lacks NX */

#endif /* _ASM_X86_PGTABLE_H */
