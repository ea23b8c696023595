/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_IRQFLAGS_H
#define _ASM_X86_IRQFLAGS_H

#include <asm/processor.h>

static inline void arch_local_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void arch_local_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
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
