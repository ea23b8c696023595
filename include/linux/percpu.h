/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/percpu.h> - one copy of a variable per CPU.
 *
 * DEFINE_PER_CPU(int, x) puts x in the linker section .data..percpu.
 * That section, as linked, is CPU 0's copy.  When the APs are started,
 * each gets a copy of the section's initial contents (kept aside at the
 * first C instruction, before CPU 0 changed anything) in pages of its
 * own, and __per_cpu_offset[cpu] is how far that copy lies from the
 * linked one: CPU 0's offset is 0.
 *
 *       linked section (CPU 0)        CPU 1's copy        CPU 2's copy
 *   +---------------------------+  +---------------+  +---------------+
 *   | __preempt_count           |  | ...           |  | ...           |
 *   | current_task, cpu_number  |  |               |  |               |
 *   +---------------------------+  +---------------+  +---------------+
 *   ^ __per_cpu_start              ^ + offset[1]      ^ + offset[2]
 *
 * Each CPU's GS segment base holds its own offset, so "this CPU's copy"
 * is one instruction whatever CPU runs it: this_cpu_read(x) is a load
 * from %gs:x, this_cpu_inc(x) an "incl %gs:x", which an interrupt
 * cannot split (a task switch could, between two of them: the caller
 * keeps preemption off when it needs two to be on one CPU).
 * per_cpu(x, cpu) reaches any CPU's copy: x's address + offset[cpu].
 *
 * As in Linux: the this_cpu_*() operations are safe against interrupts
 * on this CPU, the __this_cpu_*() / raw_cpu_*() ones assume the caller
 * already keeps the CPU from changing under it.  this_cpu_ptr(&x) is a
 * plain pointer to this CPU's copy, valid on any CPU afterwards.
 *
 * Built for the host (the unit tests: no __KERNEL__), a per-CPU
 * variable is a plain variable, the single CPU's copy.
 */
#ifndef _LINUX_PERCPU_H
#define _LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/cpumask.h>

#define PER_CPU_SECTION		".data..percpu"
#define __percpu

#ifdef __KERNEL__
#define __PCPU_ATTRS	__attribute__((section(PER_CPU_SECTION)))
#else
#define __PCPU_ATTRS
#endif
#define DECLARE_PER_CPU(type, name)	extern __PCPU_ATTRS __typeof__(type) name
#define DEFINE_PER_CPU(type, name)	__PCPU_ATTRS __typeof__(type) name
#define DECLARE_PER_CPU_ALIGNED(type, name)	DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_ALIGNED(type, name)				\
	DEFINE_PER_CPU(type, name) __aligned(SMP_CACHE_BYTES_PCPU)
#define SMP_CACHE_BYTES_PCPU	64

/* Where each CPU's copy lies from the linked section: 0 for CPU 0. */
extern unsigned long __per_cpu_offset[NR_CPUS];
#define per_cpu_offset(cpu)	(__per_cpu_offset[(cpu)])

#define per_cpu_ptr(ptr, cpu)						\
	((__typeof__(ptr))((unsigned long)(ptr) + per_cpu_offset(cpu)))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), (cpu)))

#ifdef __KERNEL__
/*
 * x, seen through %gs: the compiler's named address space (GCC's
 * __seg_gs) turns a dereference into a %gs-relative access.
 */
#define __pcpu_gs(var)		((volatile __typeof__(var) __seg_gs *)(unsigned long)&(var))
#define __pcpu_gs_raw(var)	((__typeof__(var) __seg_gs *)(unsigned long)&(var))

/* A read gives a plain value (not one of the %gs address space). */
#define raw_cpu_read(var)	({ __typeof__(var) __pcpu_r = *__pcpu_gs_raw(var); __pcpu_r; })
#define raw_cpu_write(var, val)	((void)(*__pcpu_gs_raw(var) = (val)))
#define this_cpu_read(var)	({ __typeof__(var) __pcpu_r = *__pcpu_gs(var); __pcpu_r; })
#define this_cpu_write(var, val)	((void)(*__pcpu_gs(var) = (val)))

/* One read-modify-write instruction on %gs:var: no interrupt splits it. */
#define this_cpu_add(var, val) do {					\
	__typeof__(var) __pcpu_val = (val);				\
	switch (sizeof(var)) {						\
	case 1: __asm__ __volatile__("addb %1, %%gs:%0"			\
			: "+m"(var) : "qi"(__pcpu_val)); break;		\
	case 2: __asm__ __volatile__("addw %1, %%gs:%0"			\
			: "+m"(var) : "ri"(__pcpu_val)); break;		\
	case 4: __asm__ __volatile__("addl %1, %%gs:%0"			\
			: "+m"(var) : "ri"(__pcpu_val)); break;		\
	default: __asm__ __volatile__("addq %1, %%gs:%0"		\
			: "+m"(var) : "re"(__pcpu_val)); break;		\
	}								\
} while (0)
#else
#define raw_cpu_read(var)	(var)
#define raw_cpu_write(var, val)	((var) = (val))
#define this_cpu_read(var)	READ_ONCE(var)
#define this_cpu_write(var, val)	WRITE_ONCE(var, val)
#define this_cpu_add(var, val)	((var) += (val))
#endif

#define this_cpu_sub(var, val)	this_cpu_add(var, -(__typeof__(var))(val))
#define this_cpu_inc(var)	this_cpu_add(var, 1)
#define this_cpu_dec(var)	this_cpu_sub(var, 1)
#define __this_cpu_read(var)	raw_cpu_read(var)
#define __this_cpu_write(var, val)	raw_cpu_write(var, val)
#define __this_cpu_add(var, val)	this_cpu_add(var, val)
#define __this_cpu_inc(var)	this_cpu_inc(var)
#define __this_cpu_dec(var)	this_cpu_dec(var)
#define raw_cpu_add(var, val)	this_cpu_add(var, val)
#define raw_cpu_inc(var)	this_cpu_inc(var)

/* This CPU's offset, a per-CPU variable itself (as Linux's this_cpu_off). */
DECLARE_PER_CPU(unsigned long, this_cpu_off);
#define raw_cpu_ptr(ptr)						\
	((__typeof__(ptr))((unsigned long)(ptr) + raw_cpu_read(this_cpu_off)))
#define this_cpu_ptr(ptr)	raw_cpu_ptr(ptr)

#endif /* _LINUX_PERCPU_H */
