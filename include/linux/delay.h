/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Delays.  msleep() sleeps (process context only); udelay() and mdelay()
 * spin on the TSC and may be used anywhere, but waste the CPU.
 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

void msleep(unsigned int msecs);
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
#define mdelay(n)	udelay((n) * 1000UL)

#endif /* _LINUX_DELAY_H */
