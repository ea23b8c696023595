/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host shim for <asm/processor.h>: only what portable code may use.
 *
 * Deliberately narrow.  Control registers, MSRs and CPUID are left out:
 * if code under host test reaches for them, it does not compile, which
 * is the point (mm/ must not know it runs on a CPU it owns).
 */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>

#define X86_EFLAGS_IF	(1UL << 9)

extern unsigned long host_rflags;

static inline unsigned long read_rflags(void)
{
	return host_rflags;
}

static inline u64 rdtsc(void)
{
	return __builtin_ia32_rdtsc();
}

static inline void cpu_relax(void)
{
	__builtin_ia32_pause();
}

/* A host test that gets here has lost: stop with a core, not a hang. */
static inline __attribute__((__noreturn__)) void cpu_halt_forever(void)
{
	__builtin_trap();
}

#endif /* _ASM_X86_PROCESSOR_H */
