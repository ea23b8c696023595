// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/taint.c - the kernel's taint flags.
 *
 * Loading a module whose source this kernel never saw (out-of-tree: O),
 * or one without a GPL-compatible license (proprietary: P), marks the
 * kernel for the rest of the boot, and every report says so, as Linux's
 * do: "Tainted: P           O" instead of "Not tainted".  One letter
 * per flag in Linux's order, a space for a flag that is not set.
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
 * Return: "Not tainted", or "Tainted: " and a letter or space per flag,
 * up to the last set one.
 */
const char *print_tainted(void)
{
	static char buf[sizeof("Tainted: ") + TAINT_FLAGS_COUNT];
	unsigned int i, last = 0;
	char *p = buf;

	if (!tainted_mask)
		return "Not tainted";
	for (i = 0; i < TAINT_FLAGS_COUNT; i++)
		if (tainted_mask & (1UL << i))
			last = i;
	p += snprintf(buf, sizeof(buf), "Tainted: ");
	/* as Linux: an untainted first column (no proprietary module) is 'G' */
	for (i = 0; i <= last; i++)
		*p++ = (tainted_mask & (1UL << i)) ? taint_letters[i] :
		       i == TAINT_PROPRIETARY_MODULE ? 'G' : ' ';
	*p = '\0';
	return buf;
}
