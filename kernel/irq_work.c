// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/irq_work.c - functions run in hard-interrupt context on request.
 *
 * irq_work_queue() puts the work on a list and sends this CPU an
 * interrupt (arch_irq_work_raise(): a self-IPI through the local APIC).
 * The interrupt stays pending while interrupts are off and is taken as
 * soon as they are on; its handler runs the list.  So a function can be
 * made to run in hard-interrupt context from anywhere, which is what the
 * tests use to try allocations "inside an interrupt handler".
 *
 * Many CPUs: each CPU has its list, and a work runs on the CPU that
 * queued it; its pending flag is taken atomically, so two CPUs cannot
 * queue it twice.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/irq_work.h>
#include <linux/irqflags.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <asm/processor.h>

static DEFINE_PER_CPU(struct irq_work *, irq_work_list);

void arch_irq_work_raise(void);

/**
 * irq_work_queue - run @work's function in hard-interrupt context, soon
 * @work: initialised with init_irq_work()
 *
 * Return: false if it was already queued.
 * Context: Any context.
 */
bool irq_work_queue(struct irq_work *work)
{
	unsigned long flags;

	if (__atomic_exchange_n(&work->pending, true, __ATOMIC_ACQUIRE))
		return false;
	local_irq_save(flags);
	WRITE_ONCE(work->busy, true);
	work->next = this_cpu_read(irq_work_list);
	this_cpu_write(irq_work_list, work);
	arch_irq_work_raise();
	local_irq_restore(flags);
	return true;
}
EXPORT_SYMBOL_GPL(irq_work_queue);

/* Run the queued works: the self-IPI handler, in hard-interrupt context. */
void irq_work_run(void)
{
	struct irq_work *list = this_cpu_read(irq_work_list);

	this_cpu_write(irq_work_list, NULL);
	while (list) {
		struct irq_work *work = list;

		list = work->next;
		__atomic_store_n(&work->pending, false, __ATOMIC_RELEASE);
		work->func(work);
		WRITE_ONCE(work->busy, false);
	}
}

/**
 * irq_work_sync - wait until @work is neither queued nor running
 * @work: the work
 *
 * Context: Process context with interrupts on.
 */
void irq_work_sync(struct irq_work *work)
{
	while (READ_ONCE(work->busy))
		cpu_relax();
}
EXPORT_SYMBOL_GPL(irq_work_sync);
