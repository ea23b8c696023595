/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Turning local interrupts off and on.  On x86 this is the IF flag:
 * cli/sti, and pushf to read it.
 *
 * In the kernel each change is also noted in the running task, as
 * Linux's CONFIG_TRACE_IRQFLAGS does: the call site and an event number
 * of the last time its interrupts went off and on (and its softirqs, by
 * local_bh_disable()/local_bh_enable()).  Reports made with interrupts
 * off print them ("hardirqs last disabled at (N): FUNC+0x..."), so the
 * place that turned them off is named (kernel/locking/lockdep.c).  Only
 * real changes count: a local_irq_save() with interrupts already off is
 * not an event.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <asm/irqflags.h>

/* A task's last interrupt on/off events (Linux's struct irqtrace_events). */
struct irqtrace_events {
	unsigned int irq_events;		/* the stamp: events so far */
	unsigned long hardirq_enable_ip;
	unsigned long hardirq_disable_ip;
	unsigned int hardirq_enable_event;
	unsigned int hardirq_disable_event;
	unsigned long softirq_disable_ip;
	unsigned long softirq_enable_ip;
	unsigned int softirq_disable_event;
	unsigned int softirq_enable_event;
};

#ifdef __KERNEL__
void trace_hardirqs_on(void);
void trace_hardirqs_off(void);

#define local_irq_disable() do {					\
	if (!arch_irqs_disabled())					\
		trace_hardirqs_off();					\
	arch_local_irq_disable();					\
} while (0)
#define local_irq_enable() do {						\
	if (arch_irqs_disabled())					\
		trace_hardirqs_on();					\
	arch_local_irq_enable();					\
} while (0)
#define local_irq_save(flags) do {					\
	(flags) = arch_local_irq_save();				\
	if (!arch_irqs_disabled_flags(flags))				\
		trace_hardirqs_off();					\
} while (0)
#define local_irq_restore(flags) do {					\
	if (!arch_irqs_disabled_flags(flags) && arch_irqs_disabled())	\
		trace_hardirqs_on();					\
	arch_local_irq_restore(flags);					\
} while (0)
#else
#define local_irq_disable()	arch_local_irq_disable()
#define local_irq_enable()	arch_local_irq_enable()
#define local_irq_save(flags)	do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#endif
#define irqs_disabled()		arch_irqs_disabled()
#define irqs_disabled_flags(flags) arch_irqs_disabled_flags(flags)

#endif /* _LINUX_IRQFLAGS_H */
