/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host shim for <asm/irqflags.h>: no cli/sti in a user process, so the
 * interrupt flag is a variable.  It is still tracked exactly as the CPU
 * would track IF, so a test can check that the code under test leaves
 * interrupts the way it found them (irqs_disabled() after the call).
 *
 * Each operation costs what the kernel's costs, give or take one
 * instruction, so `make bench-host` counts predict the kernel's: cli and
 * sti are one store each, save is a load and a store (pushf, pop, cli),
 * restore a test, a branch and a store (test, jz, sti).
 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <asm/processor.h>

/* The fake RFLAGS: only IF is kept (set = interrupts on).  fake_kernel.c. */
extern unsigned long host_rflags;

static inline void arch_local_irq_disable(void)
{
	host_rflags = 0;
}

static inline void arch_local_irq_enable(void)
{
	host_rflags = X86_EFLAGS_IF;
}

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = read_rflags();

	arch_local_irq_disable();
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		arch_local_irq_enable();
}

static inline bool arch_irqs_disabled(void)
{
	return !(read_rflags() & X86_EFLAGS_IF);
}

static inline unsigned long arch_local_save_flags(void)
{
	return read_rflags();
}

/* Were interrupts off when @flags was saved? */
static inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & X86_EFLAGS_IF);
}

#endif /* _ASM_X86_IRQFLAGS_H */
