// SPDX-License-Identifier: GPL-2.0
/*
 * The final GDT and the TSS.
 *
 * In long mode segments are almost unused, but the CPU still wants a
 * GDT with a code and a data segment, and a TSS: the TSS holds the
 * Interrupt Stack Table, the stacks the CPU switches to for chosen
 * exceptions whatever the current stack is.  The double fault uses one,
 * so that a kernel stack overflow (a fault that cannot even push its
 * frame) lands on a good stack and is reported instead of rebooting.
 *
 * Selectors match Linux: __KERNEL_CS = 0x10, __KERNEL_DS = 0x18.
 */
#include <linux/kernel.h>
#include <asm/setup.h>
#include <asm/traps.h>

#define GDT_TSS_SEL	0x28

struct tss {
	u32 reserved0;
	u64 rsp[3];
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __packed;

static u64 gdt[7] __aligned(16) = {
	[0] = 0,
	[1] = 0x00cf9a000000ffffULL,	/* 0x08 32-bit code */
	[2] = 0x00af9a000000ffffULL,	/* 0x10 64-bit code */
	[3] = 0x00cf92000000ffffULL,	/* 0x18 data */
	[4] = 0,
	/* [5], [6]: 0x28 the 16-byte TSS descriptor, filled at run time */
};

static struct tss tss __aligned(16);
static u8 ist_stacks[3][IST_STACK_SIZE] __aligned(16);

/* Is @sp on one of the IST stacks?  Gives that stack's bounds. */
bool ist_stack_bounds(unsigned long sp, unsigned long *lo, unsigned long *hi)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ist_stacks); i++) {
		unsigned long base = (unsigned long)ist_stacks[i];

		if (sp >= base && sp <= base + IST_STACK_SIZE) {
			*lo = base;
			*hi = base + IST_STACK_SIZE;
			return true;
		}
	}
	return false;
}

/**
 * gdt_init - load the GDT with a TSS whose IST holds the fault stacks
 *
 * Context: Early boot.
 */
void gdt_init(void)
{
	unsigned long base = (unsigned long)&tss;
	u64 limit = sizeof(tss) - 1;
	struct {
		u16 limit;
		u64 base;
	} __packed gdtr = { sizeof(gdt) - 1, (u64)gdt };

	tss.ist[IST_DOUBLE_FAULT - 1] = (u64)ist_stacks[0] + IST_STACK_SIZE;
	tss.ist[IST_NMI - 1] = (u64)ist_stacks[1] + IST_STACK_SIZE;
	tss.ist[IST_MACHINE_CHECK - 1] = (u64)ist_stacks[2] + IST_STACK_SIZE;
	tss.iomap_base = sizeof(tss);

	/* 64-bit available TSS descriptor (type 9), present. */
	gdt[5] = (limit & 0xffff) | ((base & 0xffffff) << 16) |
		 (0x89ULL << 40) | (((limit >> 16) & 0xf) << 48) |
		 (((base >> 24) & 0xff) << 56);
	gdt[6] = base >> 32;

	__asm__ __volatile__(
		"lgdt %0\n\t"
		"pushq $0x10\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movw $0x18, %%ax\n\t"
		"movw %%ax, %%ds\n\t"
		"movw %%ax, %%es\n\t"
		"movw %%ax, %%ss\n\t"
		"movw %1, %%ax\n\t"
		"ltr %%ax"
		: : "m"(gdtr), "i"(GDT_TSS_SEL) : "rax", "memory");
}
