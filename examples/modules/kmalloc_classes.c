// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc_classes.c - kmalloc()'s size classes: for a series of sizes,
 * what was asked and what ksize() says was given, and the bytes lost to
 * rounding up.  kzalloc() once to show it zeroes.
 *
 *	insmod kmalloc_classes.ko step=100 max=2000
 *
 * Everything is freed again before init returns; nothing stays.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/slab.h>

static unsigned int step = 200;
module_param(step, uint, 0444);
MODULE_PARM_DESC(step, "size increment in bytes (default 200)");

static unsigned int max = 1200;
module_param(max, uint, 0444);
MODULE_PARM_DESC(max, "last size (default 1200)");

static int __init kmalloc_classes_init(void)
{
	unsigned int asked;
	size_t wasted = 0;
	u8 *z;

	if (!step || max > KMALLOC_MAX_SIZE)
		return -EINVAL;
	pr_info("   asked  actual  wasted\n");
	for (asked = step; asked <= max; asked += step) {
		void *p = kmalloc(asked, GFP_KERNEL);
		size_t got;

		if (!p)
			return -ENOMEM;
		got = ksize(p);
		pr_info("%8u %7zu %7zu\n", asked, got, got - asked);
		wasted += got - asked;
		kfree(p);
	}
	pr_info("%zu bytes wasted in all\n", wasted);

	z = kzalloc(100, GFP_KERNEL);
	if (!z)
		return -ENOMEM;
	pr_info("kzalloc(100): ksize %zu, bytes 0 and 99 are %u and %u\n",
		ksize(z), z[0], z[99]);
	kfree(z);
	return 0;
}

static void __exit kmalloc_classes_exit(void)
{
	pr_info("nothing to free\n");
}

module_init(kmalloc_classes_init);
module_exit(kmalloc_classes_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("teachkernel");
MODULE_DESCRIPTION("kmalloc size classes: asked against actual (ksize)");
