/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Disabling bottom halves: softirqs (timers, tasklets) do not run on this
 * CPU between local_bh_disable() and local_bh_enable(); the latter runs
 * those that became pending meanwhile.
 */
#ifndef _LINUX_BOTTOM_HALF_H
#define _LINUX_BOTTOM_HALF_H

#include <linux/preempt.h>

void local_bh_disable(void);
void local_bh_enable(void);

#endif /* _LINUX_BOTTOM_HALF_H */
