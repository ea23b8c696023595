// SPDX-License-Identifier: GPL-2.0
/*
 * bug_unknown_sym.c - BUGGY ON PURPOSE: calls a function nobody exports
 * (declared here, defined nowhere).  The build links it (a module's
 * undefined symbols are resolved at load; modpost warns "undefined!"),
 * and insmod refuses it: "bug_unknown_sym: Unknown symbol
 * tk_no_such_function (err -2)" in the log, "Unknown symbol in module"
 * from insmod.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>

int tk_no_such_function(int x);

static int __init bug_unknown_sym_init(void)
{
	pr_info("got %d\n", tk_no_such_function(1));
	return 0;
}

static void __exit bug_unknown_sym_exit(void)
{
}

module_init(bug_unknown_sym_init);
module_exit(bug_unknown_sym_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("buggy on purpose: uses a symbol nobody exports");
