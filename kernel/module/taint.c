// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/taint.c - the kernel's taint flags.
 *
 * Loading a module whose source this kernel never saw (out-of-tree: O),
 * or one without a GPL-compatible license (proprietary: P), marks the
 * kernel for the rest of the boot, and every report says so, as Linux's
 * do: "Tainted: P           O      " instead of "Not tainted".  One
 * column per flag in Linux's order, all of them, as Linux 6.x prints:
 * the flag's letter when set, else a space ('G' in the first column, for
 * "only GPL-compatible modules").  The width never changes, so columns
 * line up from one report to the next.
 */
#include <linux/kernel.h>
#include <linux/panic.h>

/* Linux's letters, in its order (bit n is letters[n]). */
static const char taint_letters[TAINT_FLAGS_COUNT + 1] = "PFSRMBUDAWCIOELKXTN";
static unsigned long tainted_mask;

/**
 * add_taint - mark the kernel tainted
 * @flag: TAINT_*
 * @lockdep_ok: kept for Linux's signature
 *
 * Context: Any context.
 */
void add_taint(unsigned int flag, int lockdep_ok)
{
	if (flag < TAINT_FLAGS_COUNT)
		tainted_mask |= 1UL << flag;
}

/* Is @flag set? */
bool test_taint(unsigned int flag)
{
	return flag < TAINT_FLAGS_COUNT && (tainted_mask & (1UL << flag));
}

unsigned long get_taint(void)
{
	return tainted_mask;
}

/**
 * print_tainted - the taint as reports print it
 *
 * Context: Any context (a static buffer: reports are serialized).
 * Return: "Not tainted", or "Tainted: " and one column per flag (all
 * TAINT_FLAGS_COUNT of them): "Tainted: G           O      ".
 */
const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + TAINT_FLAGS_COUNT];
	unsigned int i;
	char *p = buf;

	if (!tainted_mask)
		return "Not tainted";
	p += snprintf(buf, sizeof(buf), "Tainted: ");
	/* as Linux: an untainted first column (no proprietary module) is 'G' */
	for (i = 0; i < TAINT_FLAGS_COUNT; i++)
		*p++ = (tainted_mask & (1UL << i)) ? taint_letters[i] :
		       i == TAINT_PROPRIETARY_MODULE ? 'G' : ' ';
	*p = '\0';
	return buf;
}
