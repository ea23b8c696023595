/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control registers, MSRs, CPUID, the time-stamp counter and halting:
 * the CPU instructions C code needs, each wrapped in a named function.
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>

#define X86_CR0_WP	(1UL << 16)
#define X86_CR0_PG	(1UL << 31)
#define X86_CR4_PAE	(1UL << 5)
#define X86_CR4_PGE	(1UL << 7)

#define MSR_EFER	0xc0000080
#define EFER_NX		(1UL << 11)

#define X86_EFLAGS_IF	(1UL << 9)

static inline unsigned long read_cr0(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr0, %0" : "=r"(val));
	return val;
}

static inline unsigned long read_cr2(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(val));
	return val;
}

static inline unsigned long read_cr3(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(val));
	return val;
}

static inline void write_cr3(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(val) : "memory");
}

static inline unsigned long read_cr4(void)
{
	unsigned long val;

	__asm__ __volatile__("mov %%cr4, %0" : "=r"(val));
	return val;
}

static inline void write_cr4(unsigned long val)
{
	__asm__ __volatile__("mov %0, %%cr4" : : "r"(val) : "memory");
}

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 val)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)val), "d"((u32)(val >> 32)));
}

static inline void cpuid(u32 leaf, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	__asm__ __volatile__("cpuid"
			     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
			     : "a"(leaf), "c"(0));
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void invlpg(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline void halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

static inline void cpu_relax(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

static inline unsigned long read_rflags(void)
{
	unsigned long flags;

	__asm__ __volatile__("pushfq; popq %0" : "=r"(flags) : : "memory");
	return flags;
}

static inline unsigned long read_rsp(void)
{
	unsigned long rsp;

	__asm__ __volatile__("mov %%rsp, %0" : "=r"(rsp));
	return rsp;
}

/* Stop this CPU for good: interrupts off, halt forever. */
static inline __attribute__((__noreturn__)) void cpu_halt_forever(void)
{
	for (;;)
		__asm__ __volatile__("cli; hlt" : : : "memory");
}

bool boot_cpu_has_pdpe1gb(void);

#endif /* _ASM_X86_PROCESSOR_H */
