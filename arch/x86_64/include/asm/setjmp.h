/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A freestanding setjmp/longjmp (arch/x86_64/entry.asm).  The KUnit runner
 * uses it to end a test case early (a failed ASSERT) and the oops code to
 * resume after an oops that someone has promised to handle.
 */
#ifndef _ASM_X86_SETJMP_H
#define _ASM_X86_SETJMP_H

struct jmp_buf {
	unsigned long rbx, rbp, r12, r13, r14, r15, rsp, rip;
};

int kernel_setjmp(struct jmp_buf *buf) __attribute__((__returns_twice__));
void kernel_longjmp(struct jmp_buf *buf, int val) __attribute__((__noreturn__));

#endif /* _ASM_X86_SETJMP_H */
