// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86_64/tlb.c - TLB shootdown: making every CPU forget a kernel
 * mapping (Linux's arch/x86/mm/tlb.c).
 *
 * The page tables are shared by all CPUs, the TLBs are not.  After a
 * kernel mapping is taken away, a CPU that used it may still translate
 * the address through its own TLB, to the old frame.  Before the address
 * can mean something else (vmalloc hands the range out again), each CPU
 * runs the flush itself, sent by IPI: the only way to reach another
 * CPU's TLB.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <asm/tlbflush.h>

struct flush_tlb_info {
	unsigned long start;
	unsigned long end;
};

/* on_each_cpu() callback: flush the range on this CPU. */
static void do_kernel_range_flush(void *info)
{
	const struct flush_tlb_info *f = info;

	local_flush_tlb_kernel_range(f->start, f->end);
}

/**
 * flush_tlb_kernel_range - flush a range of kernel addresses on every CPU
 * @start: first address
 * @end: just past the last
 *
 * Sends the flush to every online CPU and waits until all have done it.
 * With interrupts off (or in a hard interrupt) the other CPUs cannot be
 * waited for: this CPU is flushed, and a warning says the others were
 * not.
 *
 * Context: Process context or softirq, interrupts on.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	struct flush_tlb_info info = { .start = start, .end = end };

	if (num_online_cpus() > 1 && !WARN_ON_ONCE(irqs_disabled() || in_hardirq()))
		on_each_cpu(do_kernel_range_flush, &info, 1);
	else
		local_flush_tlb_kernel_range(start, end);
}
EXPORT_SYMBOL(flush_tlb_kernel_range);
