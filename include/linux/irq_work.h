/* SPDX-License-Identifier: GPL-2.0 */
/*
 * irq_work: run a function in hard-interrupt context, soon
 * (kernel/irq_work.c).  irq_work_queue() may be called from anywhere,
 * even where interrupts are off; it sends the CPU an interrupt to itself
 * (a self-IPI through the local APIC), which is taken as soon as
 * interrupts are on again.
 */
#ifndef _LINUX_IRQ_WORK_H
#define _LINUX_IRQ_WORK_H

#include <linux/types.h>

struct irq_work {
	struct irq_work *next;
	bool pending;
	bool busy;
	void (*func)(struct irq_work *work);
};

#define IRQ_WORK_INIT(_func)	{ .func = (_func) }
#define DEFINE_IRQ_WORK(name, _f) struct irq_work name = IRQ_WORK_INIT(_f)

static inline void init_irq_work(struct irq_work *work,
				 void (*func)(struct irq_work *))
{
	*work = (struct irq_work)IRQ_WORK_INIT(func);
}

bool irq_work_queue(struct irq_work *work);
void irq_work_sync(struct irq_work *work);
void irq_work_run(void);

#endif /* _LINUX_IRQ_WORK_H */
