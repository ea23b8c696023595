/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt vectors (Linux's numbers where Linux has them):
 *
 *   0-31     CPU exceptions
 *   32-47    the 8259 PICs' IRQ 0-15 (arch/x86_64/i8259.c)
 *   0xec     the local APIC timer: the tick
 *   0xf6     irq_work self-IPI
 *   0xfb     call-function IPI (smp_call_function_single(), on_each_cpu())
 *   0xfd     reschedule IPI (smp_send_reschedule())
 *   0xff     APIC spurious interrupt
 */
#ifndef _ASM_X86_IRQ_VECTORS_H
#define _ASM_X86_IRQ_VECTORS_H

#define ISA_IRQ_VECTOR(irq)	(0x20 + (irq))
#define LOCAL_TIMER_VECTOR	0xec
#define IRQ_WORK_VECTOR		0xf6
#define CALL_FUNCTION_SINGLE_VECTOR	0xfb
#define RESCHEDULE_VECTOR	0xfd
#define SPURIOUS_APIC_VECTOR	0xff

#endif /* _ASM_X86_IRQ_VECTORS_H */
