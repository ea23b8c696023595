/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Making the CPU forget old translations after a page table changes.
 *
 * invlpg drops one page's entry from the TLB; reloading CR3 drops all
 * (non-global) entries.  For a long range one reload is cheaper than
 * many invlpg, so flush_tlb_kernel_range() switches over past a limit.
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <asm/page.h>
#include <asm/processor.h>

#define TLB_FLUSH_ALL_THRESHOLD	33	/* pages; Linux's tlb_single_page_flush_ceiling */

static inline void flush_tlb_all(void)
{
	write_cr3(read_cr3());
}

static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long addr;

	if ((end - start) >> PAGE_SHIFT > TLB_FLUSH_ALL_THRESHOLD) {
		flush_tlb_all();
		return;
	}
	for (addr = start; addr < end; addr += PAGE_SIZE)
		invlpg(addr);
}

#endif /* _ASM_X86_TLBFLUSH_H */
