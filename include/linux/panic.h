/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/panic.h> - taint flags, as Linux's: a mark in every later report
 * that the kernel ran code it cannot vouch for (kernel/module/taint.c).
 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/types.h>

#define TAINT_PROPRIETARY_MODULE	0	/* P */
#define TAINT_FORCED_RMMOD		3	/* R */
#define TAINT_WARN			9	/* W */
#define TAINT_OOT_MODULE		12	/* O */
#define TAINT_FLAGS_COUNT		19

#define LOCKDEP_STILL_OK		0

void add_taint(unsigned int flag, int lockdep_ok);
bool test_taint(unsigned int flag);
unsigned long get_taint(void);
const char *print_tainted(void);

#endif /* _LINUX_PANIC_H */
