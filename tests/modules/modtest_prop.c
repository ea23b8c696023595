// SPDX-License-Identifier: GPL-2.0
/*
 * modtest_prop: a module without a GPL-compatible license that calls a
 * _GPL export: its load must fail with "Unknown symbol", and it taints
 * the kernel P (tests/kernel/module_loader_test.c).
 */
#include <linux/module.h>

void modtest_gpl_only(void);

static int __init modtest_prop_init(void)
{
	modtest_gpl_only();
	return 0;
}

module_init(modtest_prop_init);
MODULE_LICENSE("Proprietary");
