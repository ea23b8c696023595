/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What kernel/smp.c asks of the x86 code: each CPU's local APIC ID, the
 * interrupts between CPUs (IPIs), starting a CPU, and the per-CPU
 * interrupt counts (Linux's irq_stat, the "LOC:" line of
 * /proc/interrupts).
 */
#ifndef _ASM_X86_SMP_H
#define _ASM_X86_SMP_H

#include <linux/types.h>
#include <linux/percpu.h>

/* Local APIC ID of each CPU number, from the ACPI MADT; boot CPU first. */
extern u32 x86_cpu_to_apicid[NR_CPUS];
#define cpu_physical_id(cpu)	(x86_cpu_to_apicid[(cpu)])

struct irq_cpustat {
	unsigned long apic_timer_irqs;	/* local APIC timer ticks */
	unsigned long irq_call_count;	/* function-call IPIs handled */
	unsigned long irq_resched_count;	/* reschedule IPIs handled */
};
DECLARE_PER_CPU(struct irq_cpustat, irq_stat);
/* This CPU's IST stacks (arch/x86_64/gdt.c). */
DECLARE_PER_CPU(u8 *, ist_stacks);
/* Each CPU's idle task, NULL for a CPU never started. */
extern struct task_struct *idle_tasks[NR_CPUS];

void arch_send_call_function_single_ipi(int cpu);
void arch_smp_send_reschedule(int cpu);
int __cpu_up(unsigned int cpu);
void generic_smp_call_function_single_interrupt(void);
void scheduler_ipi(void);

/* The local APIC (arch/x86_64/apic.c). */
u32 apic_read_id(void);
void apic_send_ipi(u32 apicid, u32 icr_low);
void apic_init_secondary(void);

#endif /* _ASM_X86_SMP_H */
