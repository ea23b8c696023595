// SPDX-License-Identifier: GPL-2.0
/*
 * stack_trace_save(): the frame-pointer walk of dumpstack.c, saving the
 * return addresses instead of printing them, for the stack depot.
 *
 * It runs on every allocation that records its stack, so it checks
 * only what keeps it from faulting on a stack it is running on: each
 * frame lies inside the stack's bounds, is aligned, and is above the one
 * before.  (dumpstack.c also checks that each word is mapped, because an
 * oops may walk a stack taken away from under its task; a stack being
 * run on is mapped.)
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/stacktrace.h>
#include <linux/printk.h>

bool get_stack_bounds(unsigned long sp, unsigned long *lo, unsigned long *hi);

noinline unsigned int stack_trace_save(unsigned long *store, unsigned int size,
				       unsigned int skipnr)
{
	unsigned long bp = (unsigned long)__builtin_frame_address(0);
	unsigned long lo, hi;
	unsigned int nr = 0;

	if (!get_stack_bounds(bp, &lo, &hi))
		return 0;
	while (nr < size) {
		unsigned long *frame = (unsigned long *)bp;
		unsigned long ret;

		if (bp < lo || bp + 16 > hi || (bp & 7))
			break;
		ret = frame[1];
		if (!ret)
			break;
		if (skipnr)
			skipnr--;
		else
			store[nr++] = ret;
		if (frame[0] <= bp)
			break;
		bp = frame[0];
	}
	return nr;
}
EXPORT_SYMBOL_GPL(stack_trace_save);

void stack_trace_print(const unsigned long *entries, unsigned int nr_entries,
		       int spaces)
{
	unsigned int i;

	/* a return address points after its call: name the call's line */
	for (i = 0; i < nr_entries; i++)
		printk(KERN_DEFAULT "%*c%pS\n", 1 + spaces, ' ',
		       (void *)(entries[i] - 1));
}
EXPORT_SYMBOL_GPL(stack_trace_print);
