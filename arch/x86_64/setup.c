// SPDX-License-Identifier: GPL-2.0
/*
 * The hand-over from boot/head.asm to C, and powering off.
 *
 * x86_64_start_kernel() runs on the boot stack in the higher half, with
 * the early page tables.  It notes the TSC (so timestamps count from the
 * first C instruction), describes the boot task, and calls the portable
 * start_kernel() in kernel/main.c.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/kasan.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define QEMU_DEBUG_EXIT_PORT	0xf4	/* -device isa-debug-exit,iobase=0xf4 */
#define ACPI_PM1A_CNT_QEMU	0x604	/* QEMU's PIIX4 / ICH9 PM1a control */
#define ACPI_PM1A_CNT_BOCHS	0xb004
#define ACPI_SLP_EN_S5		0x2000
#define KBD_STATUS		0x64
#define KBD_CMD_PULSE_RESET	0xfe

void start_kernel(u32 magic, unsigned long mbi_phys);
extern u64 tsc_at_boot;

struct task_struct init_task = {
	.pid = 0,
	.comm = "swapper/0",
	.cpus_mask = { { 1UL } },	/* CPU 0's idle task stays there */
};
EXPORT_SYMBOL(init_task);

void x86_64_start_kernel(u32 magic, unsigned long mbi_phys)
{
	kasan_early_init();	/* before any instrumented code (make KASAN=1) */
	tsc_at_boot = rdtsc();
	setup_boot_cpu_gs();	/* before the first per-CPU variable */
	init_task.stack_lo = (unsigned long)boot_stack_top - THREAD_SIZE;
	init_task.stack_hi = (unsigned long)boot_stack_top;
	start_kernel(magic, mbi_phys);
	cpu_halt_forever();
}

/**
 * qemu_exit - end QEMU with an exit status
 * @status: QEMU exits with (status << 1) | 1
 *
 * Works when QEMU has -device isa-debug-exit (make ktest adds it);
 * otherwise it falls through to machine_power_off().
 *
 * Context: Any context.
 */
void qemu_exit(int status)
{
	outl(status, QEMU_DEBUG_EXIT_PORT);
	machine_power_off();
}

/**
 * machine_power_off - switch the (virtual) machine off
 *
 * Context: Any context.  Does not return.
 */
void machine_power_off(void)
{
	outw(ACPI_SLP_EN_S5, ACPI_PM1A_CNT_QEMU);
	outw(ACPI_SLP_EN_S5, ACPI_PM1A_CNT_BOCHS);
	cpu_halt_forever();
}

/**
 * machine_restart - reset the machine through the keyboard controller
 *
 * Context: Any context.  Does not return.
 */
void machine_restart(void)
{
	outb(KBD_CMD_PULSE_RESET, KBD_STATUS);
	cpu_halt_forever();
}
