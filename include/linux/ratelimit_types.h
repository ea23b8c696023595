/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/ratelimit_types.h> - the state of one rate limit: at most
 * @burst events per @interval jiffies; the rest are dropped and counted
 * (@missed), and the count is printed when the next interval opens.
 */
#ifndef _LINUX_RATELIMIT_TYPES_H
#define _LINUX_RATELIMIT_TYPES_H

#include <asm/param.h>

#define DEFAULT_RATELIMIT_INTERVAL	(5 * HZ)
#define DEFAULT_RATELIMIT_BURST		10

struct ratelimit_state {
	int interval;		/* jiffies */
	int burst;		/* events allowed per interval */
	int printed;		/* events allowed in this interval */
	int missed;		/* events dropped in this interval */
	unsigned long begin;	/* jiffies when this interval opened; 0: not yet */
	unsigned long flags;
};

#define RATELIMIT_STATE_INIT(name, interval_init, burst_init) {		\
		.interval = (interval_init), .burst = (burst_init) }

#define DEFINE_RATELIMIT_STATE(name, interval_init, burst_init)	\
	struct ratelimit_state name =					\
		RATELIMIT_STATE_INIT(name, interval_init, burst_init)

int ___ratelimit(struct ratelimit_state *rs, const char *func);
#define __ratelimit(state) ___ratelimit(state, __func__)

#endif /* _LINUX_RATELIMIT_TYPES_H */
