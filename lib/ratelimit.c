// SPDX-License-Identifier: GPL-2.0
/*
 * lib/ratelimit.c - at most @burst events per @interval jiffies.
 *
 * An interval opens at the first event after the previous one ended.
 * Within it the first @burst events pass and the others are counted as
 * missed; when the next interval opens, the count is reported as Linux
 * does ("FUNC: N callbacks suppressed") and starts again from zero.
 * Interrupts are off while the state changes, so a message from an
 * interrupt handler cannot tear it (this kernel runs on one CPU).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/ratelimit.h>

/**
 * ___ratelimit - may this event happen now?
 * @rs: the limit's state
 * @func: the caller's name, for the "callbacks suppressed" line
 *
 * A zero @rs->interval means no limit.
 *
 * Context: Any context.
 * Return: 1 if the event may go ahead, 0 if it is dropped.
 */
int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	unsigned long flags, now = jiffies;
	int ok;

	if (!rs->interval)
		return 1;
	local_irq_save(flags);
	if (!rs->begin)
		rs->begin = now;
	if (time_after_eq(now, rs->begin + rs->interval)) {
		if (rs->missed)
			pr_warn("%s: %d callbacks suppressed\n", func, rs->missed);
		rs->begin = now;
		rs->printed = 0;
		rs->missed = 0;
	}
	ok = rs->burst && rs->printed < rs->burst;
	if (ok)
		rs->printed++;
	else
		rs->missed++;
	local_irq_restore(flags);
	return ok;
}
EXPORT_SYMBOL(___ratelimit);
