// SPDX-License-Identifier: GPL-2.0
/*
 * init_fails.c - a module whose init fails on purpose.
 *
 * It allocates, frees what it allocated, then returns -ENOMEM, as a
 * careful init does when a later step fails: insmod prints
 * "insmod: ERROR: could not insert module init_fails.ko: Cannot allocate
 * memory", and the module leaves nothing behind (no exit ever runs).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/slab.h>

static int __init init_fails_init(void)
{
	void *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	pr_info("got %px, now failing on purpose\n", p);
	kfree(p);
	return -ENOMEM;
}

static void __exit init_fails_exit(void)
{
	pr_info("never printed: init failed\n");
}

module_init(init_fails_init);
module_exit(init_fails_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("an init that fails with -ENOMEM");
