// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc_max.c - how big can one kmalloc() be?  init asks for ever
 * larger sizes (doubling from @start) until kmalloc() says no, frees each
 * success, reports the largest that worked, and then fails on purpose
 * with -ENOMEM: insmod prints
 *
 *	insmod: ERROR: could not insert module kmalloc_max.ko: Cannot allocate memory
 *
 * and nothing of the module stays (no lsmod line, nothing leaked).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/slab.h>

static unsigned long start = 4096;
module_param(start, ulong, 0444);
MODULE_PARM_DESC(start, "first size tried (default 4096)");

static int __init kmalloc_max_init(void)
{
	unsigned long size, largest = 0;

	if (!start)
		return -EINVAL;
	for (size = start; size; size <<= 1) {
		/* __GFP_NOWARN: failing is what we look for, not a bug */
		void *p = kmalloc(size, GFP_KERNEL | __GFP_NOWARN);

		if (!p) {
			pr_info("kmalloc(%lu) failed; largest was %lu (KMALLOC_MAX_SIZE %lu)\n",
				size, largest, (unsigned long)KMALLOC_MAX_SIZE);
			break;
		}
		largest = size;
		kfree(p);
	}
	return -ENOMEM;
}

static void __exit kmalloc_max_exit(void)
{
	pr_info("never printed: init fails\n");
}

module_init(kmalloc_max_init);
module_exit(kmalloc_max_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("teachkernel");
MODULE_DESCRIPTION("the largest kmalloc(), then an init that fails with -ENOMEM");
