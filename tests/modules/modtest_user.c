// SPDX-License-Identifier: GPL-2.0
/*
 * modtest_user: uses modtest's export, so modtest is "in use by" it
 * while it is loaded (tests/kernel/module_loader_test.c).
 */
#include <linux/module.h>

int modtest_provided(int x);
void modtest_record(int event);

static int __init modtest_user_init(void)
{
	modtest_record(1000 + modtest_provided(0));
	return 0;
}

static void __exit modtest_user_exit(void)
{
}

module_init(modtest_user_init);
module_exit(modtest_user_exit);
MODULE_LICENSE("GPL");
