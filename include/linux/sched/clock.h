/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_CLOCK_H
#define _LINUX_SCHED_CLOCK_H

#include <linux/types.h>

/**
 * local_clock - nanoseconds since boot
 *
 * Read from the CPU's time-stamp counter, calibrated at boot; 0 before
 * calibration.  printk uses it for its timestamps.
 *
 * Context: Any context.
 */
u64 local_clock(void);

#endif /* _LINUX_SCHED_CLOCK_H */
