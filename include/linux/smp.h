/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/smp.h> - which CPU am I on?
 *
 * This kernel runs on one CPU, CPU 0, so the answer is always 0 and
 * there is nothing to protect against migration.  The names are Linux's
 * so that code written for many CPUs compiles and prints what Linux
 * would print on a one-CPU machine.  smp_processor_id() is for code that
 * cannot migrate (preemption off); raw_smp_processor_id() for a hint.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

#include <linux/preempt.h>

#define raw_smp_processor_id()	0
#define smp_processor_id()	raw_smp_processor_id()

/* get_cpu()/put_cpu(): pin to this CPU (preemption off) and say which. */
#define get_cpu()		({ preempt_disable(); smp_processor_id(); })
#define put_cpu()		preempt_enable()

#define num_online_cpus()	1U
#define num_possible_cpus()	1U
#define nr_cpu_ids		1U
#define cpu_online(cpu)		((cpu) == 0)

#endif /* _LINUX_SMP_H */
