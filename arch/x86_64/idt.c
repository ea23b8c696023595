// SPDX-License-Identifier: GPL-2.0
/*
 * The Interrupt Descriptor Table: 256 gates, one per vector, each
 * pointing at its stub in entry.asm.  All are interrupt gates (the CPU
 * clears IF on entry).  The double fault, NMI and machine check switch to
 * their own IST stacks (see gdt.c).
 */
#include <linux/kernel.h>
#include <asm/setup.h>
#include <asm/traps.h>

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u8 ist;
	u8 type_attr;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

#define GATE_INTERRUPT	0x8e	/* present, DPL 0, 64-bit interrupt gate */
#define __KERNEL_CS	0x10

extern const unsigned long interrupt_stubs[NR_VECTORS];
static struct idt_gate idt[NR_VECTORS] __aligned(16);

static void set_gate(unsigned int vector, unsigned long handler, u8 ist)
{
	struct idt_gate *g = &idt[vector];

	g->offset_low = handler & 0xffff;
	g->selector = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = GATE_INTERRUPT;
	g->offset_mid = (handler >> 16) & 0xffff;
	g->offset_high = handler >> 32;
	g->reserved = 0;
}

/**
 * idt_init - install a gate for every vector and load the IDT
 *
 * Context: Early boot, after gdt_init() (the IST stacks live in the TSS).
 */
void idt_init(void)
{
	unsigned int v;

	for (v = 0; v < NR_VECTORS; v++)
		set_gate(v, interrupt_stubs[v], 0);
	set_gate(X86_TRAP_DF, interrupt_stubs[X86_TRAP_DF], IST_DOUBLE_FAULT);
	set_gate(X86_TRAP_NMI, interrupt_stubs[X86_TRAP_NMI], IST_NMI);
	set_gate(X86_TRAP_MC, interrupt_stubs[X86_TRAP_MC], IST_MACHINE_CHECK);
	idt_load();
}

/**
 * idt_load - point this CPU at the IDT (one table for every CPU)
 *
 * Context: Boot of a CPU, after idt_init() on the boot CPU.
 */
void idt_load(void)
{
	struct {
		u16 limit;
		u64 base;
	} __packed idtr = { sizeof(idt) - 1, (u64)idt };

	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}
