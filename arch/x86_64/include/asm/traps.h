/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_X86_TRAPS_H
#define _ASM_X86_TRAPS_H

#include <asm/ptrace.h>

enum x86_vector {
	X86_TRAP_DE = 0, X86_TRAP_DB, X86_TRAP_NMI, X86_TRAP_BP, X86_TRAP_OF,
	X86_TRAP_BR, X86_TRAP_UD, X86_TRAP_NM, X86_TRAP_DF, X86_TRAP_OLD_MF,
	X86_TRAP_TS, X86_TRAP_NP, X86_TRAP_SS, X86_TRAP_GP, X86_TRAP_PF,
	X86_TRAP_SPURIOUS, X86_TRAP_MF, X86_TRAP_AC, X86_TRAP_MC, X86_TRAP_XF,
	X86_TRAP_VE, X86_TRAP_CP,
	FIRST_EXTERNAL_VECTOR = 32,
	NR_VECTORS = 256,
};

/* Page-fault error code bits. */
#define X86_PF_PROT	(1UL << 0)	/* 0: not-present page, 1: protection */
#define X86_PF_WRITE	(1UL << 1)
#define X86_PF_USER	(1UL << 2)
#define X86_PF_RSVD	(1UL << 3)
#define X86_PF_INSTR	(1UL << 4)

/* IST slots (the TSS holds their stacks). */
#define IST_DOUBLE_FAULT	1
#define IST_NMI			2
#define IST_MACHINE_CHECK	3
#define IST_STACK_SIZE		8192
#define NR_IST_STACKS		3

void do_interrupt(struct pt_regs *regs);

/* The stack bounds of the stack holding @sp, for the backtrace walker. */
bool get_stack_bounds(unsigned long sp, unsigned long *lo, unsigned long *hi);


void register_page_fault_note(void (*fn)(unsigned long address));
void page_fault_notes(unsigned long address);
/* Interrupt controllers and the tick, for do_interrupt(). */
void apic_eoi(void);
bool i8259_spurious(unsigned int irq);
void i8259_eoi(unsigned int irq);
void generic_handle_irq(unsigned int irq);
void tick_periodic(void);
void tick_secondary(void);
extern unsigned long lapic_timer_interrupts;

#endif /* _ASM_X86_TRAPS_H */
