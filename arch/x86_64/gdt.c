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
 *
 * Each CPU has its own GDT and TSS (per-CPU variables: loading a TSS
 * marks its descriptor busy, and each CPU needs its own IST stacks) and
 * its own three IST stacks: the boot CPU's are static, an AP's come from
 * smpboot.c.
 */
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <asm/setup.h>
#include <asm/smp.h>
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

static DEFINE_PER_CPU(u64 [7], cpu_gdt) __aligned(16) = {
	[0] = 0,
	[1] = 0x00cf9a000000ffffULL,	/* 0x08 32-bit code */
	[2] = 0x00af9a000000ffffULL,	/* 0x10 64-bit code */
	[3] = 0x00cf92000000ffffULL,	/* 0x18 data */
	[4] = 0,
	/* [5], [6]: 0x28 the 16-byte TSS descriptor, filled at run time */
};

static DEFINE_PER_CPU(struct tss, cpu_tss) __aligned(16);
static u8 boot_ist_stacks[NR_IST_STACKS][IST_STACK_SIZE] __aligned(16);
/* This CPU's IST stacks: NR_IST_STACKS of IST_STACK_SIZE bytes, in a row. */
DEFINE_PER_CPU(u8 *, ist_stacks);

/* Is @sp on one of this CPU's IST stacks?  Gives that stack's bounds. */
bool ist_stack_bounds(unsigned long sp, unsigned long *lo, unsigned long *hi)
{
	unsigned long first = (unsigned long)this_cpu_read(ist_stacks);
	unsigned int i;

	for (i = 0; i < NR_IST_STACKS; i++) {
		unsigned long base = first + i * IST_STACK_SIZE;

		if (sp >= base && sp <= base + IST_STACK_SIZE) {
			*lo = base;
			*hi = base + IST_STACK_SIZE;
			return true;
		}
	}
	return false;
}

/**
 * gdt_init - load the boot CPU's GDT with a TSS whose IST holds the fault stacks
 *
 * Context: Early boot.
 */
void gdt_init(void)
{
	this_cpu_write(ist_stacks, &boot_ist_stacks[0][0]);
	gdt_load_this_cpu();
}

/**
 * gdt_load_this_cpu - load this CPU's GDT and TSS (its IST stacks set)
 *
 * Context: Boot of a CPU, interrupts off, its per-CPU area in GS.
 */
void gdt_load_this_cpu(void)
{
	struct tss *tss = this_cpu_ptr(&cpu_tss);
	u64 *gdt = *this_cpu_ptr(&cpu_gdt);
	unsigned long base = (unsigned long)tss;
	unsigned long ist = (unsigned long)this_cpu_read(ist_stacks);
	u64 limit = sizeof(*tss) - 1;
	struct {
		u16 limit;
		u64 base;
	} __packed gdtr = { sizeof(u64) * 7 - 1, (u64)gdt };

	tss->ist[IST_DOUBLE_FAULT - 1] = ist + 1 * IST_STACK_SIZE;
	tss->ist[IST_NMI - 1] = ist + 2 * IST_STACK_SIZE;
	tss->ist[IST_MACHINE_CHECK - 1] = ist + 3 * IST_STACK_SIZE;
	tss->iomap_base = sizeof(*tss);

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
