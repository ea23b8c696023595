// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/irq.c - device interrupt handlers.
 *
 * request_irq() attaches a handler to a legacy IRQ line (0-15, the 8259
 * PIC's: 1 keyboard, 4 COM1).  Handlers of one line are chained when it
 * is shared (IRQF_SHARED).  The arch code calls generic_handle_irq()
 * between irq_enter() and irq_exit(), so handlers run in hard-interrupt
 * context with interrupts off.
 *
 * A handler returns IRQ_NONE when its device did not interrupt.  Now and
 * then that is normal: the UART's handler empties the whole FIFO in a
 * loop, so the interrupt that a byte arriving during the loop raised
 * again finds nothing left to do.  What is not normal is a line that
 * keeps firing with nobody handling it (a stuck line, a missing driver):
 * it would take the CPU forever.  As Linux does (kernel/irq/spurious.c),
 * note_interrupt() counts the interrupts of each line in windows of
 * IRQ_SPURIOUS_WINDOW; when more than IRQ_SPURIOUS_LIMIT of a window went
 * unhandled, unhandled ones coming less than 100 ms apart, it prints
 * "irq N: nobody cared" with the handlers and disables the line
 * ("Disabling IRQ #N").  So that message means what it says in Linux:
 * the line was switched off.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	const char *name;
	unsigned long flags;
	struct irqaction *next;
};

#define IRQ_SPURIOUS_WINDOW	100000	/* interrupts per verdict */
#define IRQ_SPURIOUS_LIMIT	99900	/* unhandled ones that disable */

/* Unhandled-interrupt accounting of one line (note_interrupt()). */
struct irq_spurious {
	unsigned int count;		/* interrupts in this window */
	unsigned int unhandled;		/* of them, nobody's */
	unsigned long last_unhandled;	/* jiffies of the last one */
};

static struct irqaction *irq_actions[NR_IRQS];
static unsigned long irq_counts[NR_IRQS];
static struct irq_spurious irq_spurious[NR_IRQS];

void arch_irq_unmask(unsigned int irq);
void arch_irq_mask(unsigned int irq);

/**
 * request_irq - install a handler for an interrupt line
 * @irq: legacy IRQ 0-15
 * @handler: returns IRQ_HANDLED if the interrupt was its device's
 * @flags: IRQF_SHARED to share the line
 * @name: shown in reports
 * @dev_id: passed to @handler; identifies it for free_irq()
 *
 * Return: 0, -EINVAL or -EBUSY.
 * Context: Process context (may sleep).
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id)
{
	struct irqaction *action, **p;
	unsigned long irqflags;

	might_sleep();
	if (irq >= NR_IRQS || !handler)
		return -EINVAL;
	action = kzalloc(sizeof(*action), GFP_KERNEL);
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->dev_id = dev_id;
	action->name = name;
	action->flags = flags;

	local_irq_save(irqflags);
	p = &irq_actions[irq];
	if (*p && !((*p)->flags & flags & IRQF_SHARED)) {
		local_irq_restore(irqflags);
		kfree(action);
		return -EBUSY;
	}
	while (*p)
		p = &(*p)->next;
	*p = action;
	/* a new handler may be the one that was missing: judge afresh */
	irq_spurious[irq] = (struct irq_spurious){ 0 };
	arch_irq_unmask(irq);
	local_irq_restore(irqflags);
	return 0;
}
EXPORT_SYMBOL(request_irq);

/**
 * free_irq - remove the handler installed with @dev_id
 * @irq: the line
 * @dev_id: as given to request_irq()
 *
 * Return: the handler's name, or NULL if there was none.
 * Context: Process context.
 */
const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irqaction *action, **p;
	unsigned long flags;
	const char *name;

	if (irq >= NR_IRQS)
		return NULL;
	local_irq_save(flags);
	for (p = &irq_actions[irq]; *p; p = &(*p)->next)
		if ((*p)->dev_id == dev_id)
			break;
	action = *p;
	if (!action) {
		local_irq_restore(flags);
		WARN(1, "Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	*p = action->next;
	if (!irq_actions[irq])
		arch_irq_mask(irq);
	local_irq_restore(flags);
	name = action->name;
	kfree(action);
	return name;
}
EXPORT_SYMBOL(free_irq);

/**
 * disable_irq - mask an interrupt line
 * @irq: the line
 *
 * Context: Any context.
 */
void disable_irq(unsigned int irq)
{
	if (irq < NR_IRQS)
		arch_irq_mask(irq);
}
EXPORT_SYMBOL(disable_irq);

/**
 * enable_irq - unmask an interrupt line that has a handler
 * @irq: the line
 *
 * Context: Any context.
 */
void enable_irq(unsigned int irq)
{
	if (irq < NR_IRQS && irq_actions[irq])
		arch_irq_unmask(irq);
}
EXPORT_SYMBOL(enable_irq);

unsigned long kstat_irqs(unsigned int irq)
{
	return irq < NR_IRQS ? irq_counts[irq] : 0;
}

/* Nobody handles @irq: say so, name its handlers, switch it off. */
static void report_bad_irq(unsigned int irq)
{
	struct irqaction *action;

	pr_err("irq %u: nobody cared\n", irq);
	dump_stack();
	pr_err("handlers:\n");
	for (action = irq_actions[irq]; action; action = action->next)
		pr_err("[<%px>] %ps (%s)\n", action->handler, action->handler,
		       action->name);
	pr_emerg("Disabling IRQ #%u\n", irq);
	arch_irq_mask(irq);
}

/* Count @irq's outcome; disable a line that nobody handles (see the top). */
static void note_interrupt(unsigned int irq, irqreturn_t ret)
{
	struct irq_spurious *sp = &irq_spurious[irq];

	if (ret == IRQ_NONE) {
		/* unhandled ones far apart are noise, not a stuck line */
		if (sp->unhandled &&
		    time_after(jiffies, sp->last_unhandled + HZ / 10))
			sp->unhandled = 1;
		else
			sp->unhandled++;
		sp->last_unhandled = jiffies;
	}
	if (++sp->count < IRQ_SPURIOUS_WINDOW)
		return;
	if (sp->unhandled > IRQ_SPURIOUS_LIMIT)
		report_bad_irq(irq);
	sp->count = 0;
	sp->unhandled = 0;
}

/*
 * Run the handlers of @irq; hard-interrupt context.  (The PIC's spurious
 * IRQ 7 and 15 have been filtered out by the arch code before.)
 */
void generic_handle_irq(unsigned int irq)
{
	struct irqaction *action;
	irqreturn_t ret = IRQ_NONE;

	irq_counts[irq]++;
	for (action = irq_actions[irq]; action; action = action->next)
		ret |= action->handler(irq, action->dev_id);
	note_interrupt(irq, ret);
}
