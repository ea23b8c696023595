// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86_64/apic.c - the local APIC: the timer tick, the self-IPI, EOI.
 *
 * Each x86 CPU has a local APIC, a small interrupt controller reached
 * through a 4 KiB MMIO page (normally at physical 0xfee00000, which we
 * map uncached with ioremap()).  We use three of its features:
 *
 *   the timer   periodic, HZ times a second: the scheduler tick.  Its
 *               rate is the bus clock divided down, which we measure
 *               against the TSC at boot;
 *   self-IPI    an interrupt the CPU sends itself (irq_work): it waits,
 *               pending, while interrupts are off;
 *   EOI         every interrupt the APIC delivered must be acknowledged.
 *
 * The legacy devices (keyboard, serial port) still go through the 8259
 * PICs, whose output reaches the CPU through the local APIC's LINT0 pin
 * in "virtual wire" mode: those interrupts are acknowledged at the PIC.
 */
#include <linux/kernel.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/traps.h>

#define MSR_IA32_APICBASE	0x1b
#define APICBASE_ENABLE		(1UL << 11)
#define APIC_BASE_MASK		0xfffff000UL

#define APIC_ID		0x020
#define APIC_TASKPRI	0x080
#define APIC_EOI	0x0b0
#define APIC_SPIV	0x0f0
#define APIC_SPIV_ENABLE (1U << 8)
#define APIC_ICR	0x300
#define APIC_ICR_SELF	(1U << 18)	/* destination shorthand: self */
#define APIC_ICR_BUSY	(1U << 12)
#define APIC_ICR2	0x310		/* the destination's APIC ID, bits 24..31 */
#define APIC_LVTT	0x320
#define APIC_LVTT_PERIODIC (1U << 17)
#define APIC_LVT_MASKED	(1U << 16)
#define APIC_LVT0	0x350
#define APIC_LVT_EXTINT	(7U << 8)
#define APIC_TMICT	0x380
#define APIC_TMCCT	0x390
#define APIC_TDCR	0x3e0
#define APIC_TDR_DIV_16	0x3

#define CALIBRATE_MS	10

static volatile u32 *apic_mmio;
static u32 apic_ticks_per_jiffy;
extern unsigned long tsc_khz;
unsigned long lapic_timer_interrupts;

static inline u32 apic_read(u32 reg)
{
	return apic_mmio[reg / 4];
}

static inline void apic_write(u32 reg, u32 val)
{
	apic_mmio[reg / 4] = val;
}

void apic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

/* irq_work: an interrupt to ourselves, taken once interrupts are on. */
void arch_irq_work_raise(void)
{
	if (!apic_mmio)
		return;
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
	apic_write(APIC_ICR, APIC_ICR_SELF | IRQ_WORK_VECTOR);
}

/**
 * apic_read_id - this CPU's local APIC ID
 *
 * Context: Any context, after apic_init().
 */
u32 apic_read_id(void)
{
	return apic_read(APIC_ID) >> 24;
}

/**
 * apic_send_ipi - send an interrupt to another CPU's local APIC
 * @apicid: the destination
 * @icr_low: the vector and delivery mode (fixed, INIT, start-up)
 *
 * Context: Any context.
 */
void apic_send_ipi(u32 apicid, u32 icr_low)
{
	unsigned long flags;

	local_irq_save(flags);	/* ICR2 then ICR: nothing in between */
	while (apic_read(APIC_ICR) & APIC_ICR_BUSY)
		cpu_relax();
	apic_write(APIC_ICR2, apicid << 24);
	apic_write(APIC_ICR, icr_low);
	local_irq_restore(flags);
}

/* How many APIC timer ticks (divided by 16) fit in one jiffy. */
static u32 calibrate_apic_timer(void)
{
	u64 start, end;
	u32 counted;

	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVT_MASKED);
	apic_write(APIC_TMICT, 0xffffffff);
	start = local_clock();
	end = start + CALIBRATE_MS * 1000000ULL;
	while (local_clock() < end)
		cpu_relax();
	counted = 0xffffffff - apic_read(APIC_TMCCT);
	apic_write(APIC_TMICT, 0);
	return counted / CALIBRATE_MS * 1000 / HZ;
}

/**
 * apic_init - enable the local APIC and start the HZ timer
 *
 * Context: Boot, interrupts off, after vmalloc_init() (for ioremap).
 */
void apic_init(void)
{
	u32 a, b, c, d;
	u64 base;

	cpuid(1, &a, &b, &c, &d);
	if (!(d & (1U << 9)))
		panic("This CPU has no local APIC");
	base = rdmsr(MSR_IA32_APICBASE);
	wrmsr(MSR_IA32_APICBASE, base | APICBASE_ENABLE);
	apic_mmio = ioremap(base & APIC_BASE_MASK, PAGE_SIZE);
	if (!apic_mmio)
		panic("Cannot map the local APIC");

	apic_write(APIC_SPIV, APIC_SPIV_ENABLE | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVT0, APIC_LVT_EXTINT);	/* PIC interrupts: virtual wire */

	apic_ticks_per_jiffy = calibrate_apic_timer();
	if (!apic_ticks_per_jiffy)
		panic("APIC timer does not count");
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVTT_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, apic_ticks_per_jiffy);
	pr_info("APIC: base %#llx, timer %u ticks per jiffy (HZ=%d)\n",
		(unsigned long long)(base & APIC_BASE_MASK), apic_ticks_per_jiffy, HZ);
}

/**
 * apic_init_secondary - enable an AP's local APIC and its HZ timer
 *
 * The rate measured on the boot CPU serves every CPU (they share the bus
 * clock).  LINT0 stays masked: the PIC's interrupts go to CPU 0 only.
 *
 * Context: The AP's start_secondary(), interrupts off.
 */
void apic_init_secondary(void)
{
	wrmsr(MSR_IA32_APICBASE, rdmsr(MSR_IA32_APICBASE) | APICBASE_ENABLE);
	apic_write(APIC_SPIV, APIC_SPIV_ENABLE | SPURIOUS_APIC_VECTOR);
	apic_write(APIC_TASKPRI, 0);
	apic_write(APIC_LVT0, APIC_LVT_MASKED);
	apic_write(APIC_TDCR, APIC_TDR_DIV_16);
	apic_write(APIC_LVTT, APIC_LVTT_PERIODIC | LOCAL_TIMER_VECTOR);
	apic_write(APIC_TMICT, apic_ticks_per_jiffy);
}
