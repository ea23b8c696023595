// SPDX-License-Identifier: GPL-2.0
/*
 * Time since boot from the time-stamp counter.
 *
 * The TSC counts at a fixed rate we do not know, so tsc_init() measures it
 * once against the 8254 PIT, whose input clock is exactly 1.193182 MHz:
 * channel 2 is set to count down 10 ms (gate on, speaker off) and the TSC
 * is read before and after.  local_clock() then scales TSC ticks to
 * nanoseconds with a 32.32 fixed-point multiplier, so the fast path is one
 * rdtsc, one multiply and a shift.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/sched/clock.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/setup.h>

#define PIT_HZ			1193182UL
#define PIT_CH2			0x42
#define PIT_CMD			0x43
#define PIT_PORT_B		0x61	/* bit 0: channel 2 gate, bit 5: output */
#define PIT_CALIBRATE_MS	10
#define NSEC_PER_SEC		1000000000ULL

u64 tsc_at_boot;		/* set by x86_64_start_kernel() */
static u64 ns_per_tick_32_32;	/* nanoseconds per TSC tick, 32.32 fixed point */
unsigned long tsc_khz;

u64 local_clock(void)
{
	u64 ticks;

	if (!ns_per_tick_32_32)
		return 0;
	ticks = rdtsc() - tsc_at_boot;
	return (u64)(((unsigned __int128)ticks * ns_per_tick_32_32) >> 32);
}
EXPORT_SYMBOL_GPL(local_clock);

/**
 * tsc_init - measure the TSC frequency against the PIT
 *
 * Context: Early boot, interrupts off.  Takes about 10 ms.
 */
void tsc_init(void)
{
	u16 count = PIT_HZ * PIT_CALIBRATE_MS / 1000;
	u64 start, ticks;
	u8 portb;

	portb = inb(PIT_PORT_B);
	outb((portb & ~0x02) | 0x01, PIT_PORT_B);	/* gate on, speaker off */
	outb(0xb0, PIT_CMD);		/* channel 2, lo/hi byte, mode 0 */
	outb(count & 0xff, PIT_CH2);
	outb(count >> 8, PIT_CH2);

	start = rdtsc();
	while (!(inb(PIT_PORT_B) & 0x20))	/* output goes high at 0 */
		;
	ticks = rdtsc() - start;
	outb(portb, PIT_PORT_B);

	tsc_khz = ticks / PIT_CALIBRATE_MS;
	if (!tsc_khz)
		return;
	ns_per_tick_32_32 = (NSEC_PER_SEC << 32) / ((u64)tsc_khz * 1000);
	pr_info("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / 1000,
		tsc_khz % 1000);
}
