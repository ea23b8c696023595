// SPDX-License-Identifier: GPL-2.0
/*
 * bug_double_free.c - BUGGY ON PURPOSE: kfree() of the same object twice.
 *
 * The second kfree() is caught by the allocator's hardened checks (on
 * Linux with CONFIG_SLAB_FREELIST_HARDENED or slub_debug, and here
 * always): "kernel BUG at mm/slub.c" and "Object already free".  The
 * object is not freed a second time, so the cache stays sound.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/slab.h>

static int __init bug_double_free_init(void)
{
	void *p = kmalloc(200, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	pr_info("kfree(%px) once\n", p);
	kfree(p);
	pr_info("and twice\n");
	kfree(p);	/* the bug */
	return 0;
}

static void __exit bug_double_free_exit(void)
{
	pr_info("unloaded\n");
}

module_init(bug_double_free_init);
module_exit(bug_double_free_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("buggy on purpose: frees an object twice");
