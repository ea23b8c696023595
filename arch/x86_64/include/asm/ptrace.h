/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct pt_regs: the registers saved on the stack when an exception or
 * interrupt enters the kernel, in the order the entry code in
 * arch/x86_64/entry.asm pushes them (the same order as Linux).
 */
#ifndef _ASM_X86_PTRACE_H
#define _ASM_X86_PTRACE_H

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx;
	unsigned long r11, r10, r9, r8, ax, cx, dx, si, di;
	unsigned long orig_ax;	/* vector number on entry */
	unsigned long error_code;
	/* pushed by the CPU */
	unsigned long ip, cs, flags, sp, ss;
};

#endif /* _ASM_X86_PTRACE_H */
