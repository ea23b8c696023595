/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Turning local interrupts off and on.  On x86 this is the IF flag:
 * cli/sti, and pushf to read it.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <asm/irqflags.h>

#define local_irq_disable()	arch_local_irq_disable()
#define local_irq_enable()	arch_local_irq_enable()
#define local_irq_save(flags)	do { (flags) = arch_local_irq_save(); } while (0)
#define local_irq_restore(flags) arch_local_irq_restore(flags)
#define irqs_disabled()		arch_irqs_disabled()
#define irqs_disabled_flags(flags) arch_irqs_disabled_flags(flags)

#endif /* _LINUX_IRQFLAGS_H */
