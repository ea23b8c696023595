/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/ktime.h> - time in nanoseconds, as a ktime_t.
 *
 * ktime_get() is the monotonic clock: nanoseconds since boot, from the
 * TSC (local_clock(), <linux/sched/clock.h>), never going back.  As in
 * Linux it is for GPL-compatible modules (local_clock is exported _GPL).
 */
#ifndef _LINUX_KTIME_H
#define _LINUX_KTIME_H

#include <linux/types.h>
#include <linux/jiffies.h>
#include <linux/sched/clock.h>

typedef s64 ktime_t;

#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define USEC_PER_SEC	1000000L

static inline ktime_t ktime_get(void)
{
	return (ktime_t)local_clock();
}

static inline u64 ktime_get_ns(void)
{
	return local_clock();
}

#define ktime_sub(later, earlier)	((later) - (earlier))
#define ktime_add(a, b)			((a) + (b))
#define ktime_add_ns(kt, nsval)		((kt) + (nsval))
#define ktime_compare(a, b)		((a) < (b) ? -1 : (a) > (b) ? 1 : 0)
#define ktime_after(a, b)		((a) > (b))
#define ktime_before(a, b)		((a) < (b))

static inline s64 ktime_to_ns(const ktime_t kt)
{
	return kt;
}

static inline s64 ktime_to_us(const ktime_t kt)
{
	return kt / NSEC_PER_USEC;
}

static inline s64 ktime_to_ms(const ktime_t kt)
{
	return kt / NSEC_PER_MSEC;
}

static inline ktime_t ns_to_ktime(u64 ns)
{
	return (ktime_t)ns;
}

static inline ktime_t ms_to_ktime(u64 ms)
{
	return (ktime_t)(ms * NSEC_PER_MSEC);
}

#endif /* _LINUX_KTIME_H */
