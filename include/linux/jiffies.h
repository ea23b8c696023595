/* SPDX-License-Identifier: GPL-2.0 */
/*
 * jiffies: timer interrupts since boot, HZ of them a second.
 */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#include <asm/param.h>
#define MSEC_PER_SEC	1000L

extern volatile unsigned long jiffies;

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

static inline unsigned long msecs_to_jiffies(unsigned int m)
{
	return ((unsigned long)m * HZ + MSEC_PER_SEC - 1) / MSEC_PER_SEC;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j * (MSEC_PER_SEC / HZ);
}

static inline unsigned long usecs_to_jiffies(unsigned int u)
{
	return ((unsigned long)u * HZ + 999999) / 1000000;
}

#endif /* _LINUX_JIFFIES_H */
