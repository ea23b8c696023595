// SPDX-License-Identifier: GPL-2.0
/*
 * bug_atomic_sleep.c - BUGGY ON PURPOSE: kmalloc(GFP_KERNEL) while
 * holding a spinlock.  GFP_KERNEL may sleep; under a spinlock nothing
 * may.  Linux with CONFIG_DEBUG_ATOMIC_SLEEP, and this kernel always,
 * report "BUG: sleeping function called from invalid context".  The fix
 * is GFP_ATOMIC, or allocating before taking the lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(demo_lock);

static int __init bug_atomic_sleep_init(void)
{
	void *p;

	spin_lock(&demo_lock);
	p = kmalloc(64, GFP_KERNEL);	/* the bug: may sleep under a lock */
	spin_unlock(&demo_lock);
	if (!p)
		return -ENOMEM;
	pr_info("got %px under the lock\n", p);
	kfree(p);
	return 0;
}

static void __exit bug_atomic_sleep_exit(void)
{
	pr_info("unloaded\n");
}

module_init(bug_atomic_sleep_init);
module_exit(bug_atomic_sleep_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("buggy on purpose: GFP_KERNEL under a spinlock");
