// SPDX-License-Identifier: GPL-2.0
/*
 * modtest_oops: its init writes to its own read-only data, which the
 * loader mapped read-only: a page fault, an oops named with the module's
 * function, caught so that only the insmod fails
 * (tests/kernel/module_loader_test.c).
 */
#include <linux/module.h>

const int modtest_oops_ro = 1;

static int __init modtest_oops_init(void)
{
	*(volatile int *)&modtest_oops_ro = 2;
	return 0;
}

static void __exit modtest_oops_exit(void)
{
}

module_init(modtest_oops_init);
module_exit(modtest_oops_exit);
MODULE_LICENSE("GPL");
