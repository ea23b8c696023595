/* SPDX-License-Identifier: GPL-2.0 */
/*
 * preempt_count: one number that says in which context the CPU runs.
 *
 * Its bits are laid out as in Linux:
 *
 *	bits  0-7   PREEMPT  preempt_disable() nesting (spin locks too)
 *	bits  8-15  SOFTIRQ  bit 8: serving a softirq; +2 per local_bh_disable()
 *	bits 16-19  HARDIRQ  hard interrupt nesting
 *	bits 20-23  NMI
 *
 * So "in an interrupt" is any of the HARDIRQ, SOFTIRQ or NMI bits set,
 * and "atomic" (must not sleep) is any bit set at all.  Interrupt entry
 * adds HARDIRQ_OFFSET, softirq processing adds SOFTIRQ_OFFSET, and a
 * sleeping function checks that the whole number is 0 (might_sleep()).
 */
#ifndef _LINUX_PREEMPT_H
#define _LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>

#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	4
#define NMI_BITS	4

#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)

#define __IRQ_MASK(x)	((1UL << (x)) - 1)
#define PREEMPT_MASK	(__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK	(__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	(__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK	(__IRQ_MASK(NMI_BITS) << NMI_SHIFT)

#define PREEMPT_OFFSET	(1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET	(1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET	(1UL << NMI_SHIFT)
#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)

/*
 * Each CPU's count, a per-CPU variable as in Linux's x86 (so "am I in an
 * interrupt?" is one %gs-relative load, and the count of an interrupt on
 * one CPU never shows on another).  A task switch keeps it, since only
 * preempt-disabled code switches.
 */
DECLARE_PER_CPU(int, __preempt_count);
/* Set when the task running on this CPU should give it up soon. */
DECLARE_PER_CPU(int, __need_resched);

static __always_inline int preempt_count(void)
{
	return this_cpu_read(__preempt_count);
}

static __always_inline void preempt_count_set(int val)
{
	this_cpu_write(__preempt_count, val);
}

static __always_inline void __preempt_count_add(int val)
{
	this_cpu_add(__preempt_count, val);
	barrier();
}

static __always_inline void __preempt_count_sub(int val)
{
	barrier();
	this_cpu_sub(__preempt_count, val);
}

#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define softirq_count()	(preempt_count() & SOFTIRQ_MASK)
#define irq_count()	(preempt_count() & (HARDIRQ_MASK | SOFTIRQ_MASK | NMI_MASK))

#define in_nmi()		(preempt_count() & NMI_MASK)
#define in_hardirq()		(hardirq_count())
#define in_irq()		in_hardirq()
#define in_softirq()		(softirq_count())
#define in_serving_softirq()	(softirq_count() & SOFTIRQ_OFFSET)
#define in_interrupt()		(irq_count())
#define in_task()		(!(preempt_count() & (NMI_MASK | HARDIRQ_MASK | SOFTIRQ_OFFSET)))
#define in_atomic()		(preempt_count() != 0)
#define preemptible()		(preempt_count() == 0 && !irqs_disabled())

void preempt_schedule(void);

#define preempt_disable()	__preempt_count_add(1)
#define preempt_enable_no_resched()	__preempt_count_sub(1)
#define preempt_enable() do {						\
	__preempt_count_sub(1);						\
	if (unlikely(!preempt_count() && this_cpu_read(__need_resched)))	\
		preempt_schedule();					\
} while (0)
#define preempt_count_inc()	__preempt_count_add(1)
#define preempt_count_dec()	__preempt_count_sub(1)

#endif /* _LINUX_PREEMPT_H */
