// SPDX-License-Identifier: GPL-2.0
/*
 * bug_null_deref.c - BUGGY ON PURPOSE: init writes through a NULL
 * pointer.
 *
 * The oops names the function as func+off/size [bug_null_deref] and
 * prints "Modules linked in:"; only the insmod dies ("Killed"), the shell
 * goes on.  As on Linux, the module stays listed (its init never
 * finished) and rmmod refuses it; here "rmmod -f bug_null_deref" removes
 * it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>

struct config {
	int verbose;
};

/* never set: the bug */
static struct config *cfg;

static noinline void bug_null_deref_setup(struct config *c)
{
	c->verbose = 1;
}

static int __init bug_null_deref_init(void)
{
	pr_info("about to write through %px\n", cfg);
	bug_null_deref_setup(READ_ONCE(cfg));
	pr_info("never printed\n");
	return 0;
}

static void __exit bug_null_deref_exit(void)
{
	pr_info("unloaded\n");
}

module_init(bug_null_deref_init);
module_exit(bug_null_deref_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("buggy on purpose: a NULL pointer dereference in init");
