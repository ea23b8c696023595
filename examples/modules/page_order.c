// SPDX-License-Identifier: GPL-2.0
/*
 * page_order.c - the page allocator from a module: one block of
 * 2^order pages at init, freed at exit.
 *
 *	insmod page_order.ko order=3
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>

static unsigned int order;
module_param(order, uint, 0444);
MODULE_PARM_DESC(order, "the block is 2^order pages (default 0)");

static unsigned long block;

static int __init page_order_init(void)
{
	block = __get_free_pages(GFP_KERNEL, order);
	if (!block)
		return -ENOMEM;
	pr_info("order %u: %lu bytes at %#lx\n", order, PAGE_SIZE << order, block);
	return 0;
}

static void __exit page_order_exit(void)
{
	free_pages(block, order);
	pr_info("order %u freed\n", order);
}

module_init(page_order_init);
module_exit(page_order_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a block of 2^order pages from the page allocator");
