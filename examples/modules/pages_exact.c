// SPDX-License-Identifier: GPL-2.0
/*
 * pages_exact.c - alloc_pages_exact() and free_pages_exact(): a size
 * that is not a power-of-two number of pages, without the waste of
 * rounding it up to 2^order pages.
 *
 *	insmod pages_exact.ko size=20000
 *
 * init shows what __get_free_pages() would have to take for the same
 * size, and what alloc_pages_exact() keeps (the tail pages are freed).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/module.h>

static unsigned long size = 5 * 4096 + 100;
module_param(size, ulong, 0444);
MODULE_PARM_DESC(size, "bytes to allocate (default 20580)");

static void *buf;

static int __init pages_exact_init(void)
{
	unsigned int order = get_order(size);
	unsigned long kept = PAGE_ALIGN(size);

	buf = alloc_pages_exact(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	pr_info("alloc_pages_exact(%lu) = %px\n", size, buf);
	pr_info("keeps %lu pages (%lu bytes); __get_free_pages(order %u) would take %lu, wasting %lu\n",
		kept >> PAGE_SHIFT, kept, order, PAGE_SIZE << order,
		(PAGE_SIZE << order) - size);
	return 0;
}

static void __exit pages_exact_exit(void)
{
	free_pages_exact(buf, size);
	pr_info("free_pages_exact(%px, %lu) done\n", buf, size);
}

module_init(pages_exact_init);
module_exit(pages_exact_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("teachkernel");
MODULE_DESCRIPTION("alloc_pages_exact() and free_pages_exact()");
