/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/smp.h> - which CPU am I on, and running a function on others.
 *
 * smp_processor_id() is this CPU's number, for code that cannot migrate
 * to another CPU while it uses the answer: preemption or interrupts off,
 * or a task bound to this one CPU.  Called anywhere else it still
 * answers, but first prints Linux's report
 *
 *	BUG: using smp_processor_id() in preemptible [00000000] code: NAME/PID
 *
 * because the number may be stale by the time it is used.
 * raw_smp_processor_id() is the same without the check: a hint, for
 * statistics.  get_cpu() disables preemption and says where; put_cpu()
 * ends it.
 *
 * The scheduler keeps every task on CPU 0 for now; the other CPUs run
 * their idle loop and the functions sent to them here
 * (smp_call_function_single(), on_each_cpu()), in hard-interrupt
 * context on the target CPU.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/preempt.h>
#include <linux/percpu.h>
#include <linux/cpumask.h>

/* This CPU's number, a per-CPU variable (Linux's x86 cpu_number). */
DECLARE_PER_CPU(int, cpu_number);

#ifdef __KERNEL__
#define raw_smp_processor_id()	((unsigned int)this_cpu_read(cpu_number))
unsigned int debug_smp_processor_id(void);
#define smp_processor_id()	debug_smp_processor_id()
#else
#define raw_smp_processor_id()	0U
#define smp_processor_id()	0U
#endif

/* get_cpu()/put_cpu(): pin to this CPU (preemption off) and say which. */
#define get_cpu()		({ preempt_disable(); smp_processor_id(); })
#define put_cpu()		preempt_enable()

typedef void (*smp_call_func_t)(void *info);

int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
void smp_call_function(smp_call_func_t func, void *info, int wait);
void on_each_cpu(smp_call_func_t func, void *info, int wait);
void smp_send_reschedule(int cpu);

/* Boot: find the CPUs (arch), then start the others (kernel_init). */
void smp_prepare_boot_cpu(void);
void smp_init(void);

#endif /* _LINUX_SMP_H */
