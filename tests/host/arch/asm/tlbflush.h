/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host shim for <asm/tlbflush.h>: there is no TLB in front of the page
 * tables the host tests build (they live in fake RAM and are only ever
 * walked in software, mm/pgtable.c), so every flush is a no-op.
 */
#ifndef _ASM_X86_TLBFLUSH_H
#define _ASM_X86_TLBFLUSH_H

#include <asm/page.h>

static inline void flush_tlb_all(void)
{
}

static inline void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	(void)start;
	(void)end;
}

static inline void local_flush_tlb_kernel_range(unsigned long start,
						unsigned long end)
{
	(void)start;
	(void)end;
}

#endif /* _ASM_X86_TLBFLUSH_H */
