/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Making the CPU forget old translations after a page table changes.
 *
 * invlpg drops one page's entry from the TLB; reloading CR3 drops all
 * (non-global) entries.  For a long range one reload is cheaper than
 * many invlpg, so local_flush_tlb_kernel_range() switches over past a
 * limit.
 *
 * Each CPU has its own TLB, and nothing the hardware does keeps them in
 * step with the page tables: flush_tlb_kernel_range() (arch/x86_64/tlb.c)
 * asks every online CPU by IPI to flush the range ("TLB shootdown") and
 * waits for all; the local_ and flush_tlb_all() forms act on this CPU
 * alone.
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

static inline void local_flush_tlb_kernel_range(unsigned long start,
						unsigned long end)
{
	unsigned long addr;

	if ((end - start) >> PAGE_SHIFT > TLB_FLUSH_ALL_THRESHOLD) {
		flush_tlb_all();
		return;
	}
	for (addr = start; addr < end; addr += PAGE_SIZE)
		invlpg(addr);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end);

#endif /* _ASM_X86_TLBFLUSH_H */
