// SPDX-License-Identifier: GPL-2.0
/*
 * bug_gpl_only.c - BUGGY ON PURPOSE: a module under a proprietary
 * license calls a function the kernel exports with EXPORT_SYMBOL_GPL
 * (sprint_symbol()).  modpost warns at build time; at insmod the kernel
 * says "module license 'Proprietary' taints kernel." and then, since the
 * symbol is not visible to it, "Unknown symbol sprint_symbol (err -2)",
 * and insmod fails with "Unknown symbol in module".
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kallsyms.h>
#include <linux/module.h>

static int __init bug_gpl_only_init(void)
{
	char buf[KSYM_SYMBOL_LEN];

	sprint_symbol(buf, (unsigned long)bug_gpl_only_init);
	pr_info("I am %s\n", buf);
	return 0;
}

static void __exit bug_gpl_only_exit(void)
{
}

module_init(bug_gpl_only_init);
module_exit(bug_gpl_only_exit);

MODULE_LICENSE("Proprietary");
MODULE_DESCRIPTION("buggy on purpose: a proprietary module using a _GPL export");
