/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/ratelimit.h> - limit how often something happens (usually a
 * message): if (__ratelimit(&rs)) pr_warn(...).  printk_ratelimited()
 * and pr_*_ratelimited() (<linux/printk.h>) keep one state per call site.
 */
#ifndef _LINUX_RATELIMIT_H
#define _LINUX_RATELIMIT_H

#include <linux/ratelimit_types.h>
#include <linux/printk.h>

static inline void ratelimit_state_init(struct ratelimit_state *rs,
					int interval, int burst)
{
	*rs = (struct ratelimit_state)RATELIMIT_STATE_INIT(*rs, interval, burst);
}

#endif /* _LINUX_RATELIMIT_H */
