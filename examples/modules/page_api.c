// SPDX-License-Identifier: GPL-2.0
/*
 * page_api.c - every way a module asks the page allocator for memory:
 * one page by address (__get_free_page(), get_zeroed_page()), a block of
 * 2^order pages by address (__get_free_pages()) and by struct page
 * (alloc_page(), alloc_pages(), then page_address() for its address).
 *
 *	insmod page_api.ko order=2
 *
 * Each is freed at exit with its matching call: free_page(), free_pages(),
 * __free_page(), __free_pages().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/module.h>

static unsigned int order = 1;
module_param(order, uint, 0444);
MODULE_PARM_DESC(order, "order of the multi-page blocks (default 1: 2 pages)");

static unsigned long one, zeroed, block;
static struct page *pg, *pgs;

/* Give back whatever init got, in any state (init's error path too). */
static void page_api_free(void)
{
	if (pgs)
		__free_pages(pgs, order);
	if (pg)
		__free_page(pg);
	if (block)
		free_pages(block, order);
	if (zeroed)
		free_page(zeroed);
	if (one)
		free_page(one);
}

static int __init page_api_init(void)
{
	unsigned long *words;

	if (order > MAX_ORDER) {
		pr_err("order %u is above MAX_ORDER (%d)\n", order, MAX_ORDER);
		return -EINVAL;
	}
	one = __get_free_page(GFP_KERNEL);
	zeroed = get_zeroed_page(GFP_KERNEL);
	block = __get_free_pages(GFP_KERNEL, order);
	pg = alloc_page(GFP_KERNEL);
	pgs = alloc_pages(GFP_KERNEL, order);
	if (!one || !zeroed || !block || !pg || !pgs) {
		page_api_free();
		return -ENOMEM;
	}
	words = (unsigned long *)zeroed;
	pr_info("__get_free_page() = %px\n", (void *)one);
	pr_info("get_zeroed_page() = %px (first word %lu, last word %lu)\n",
		words, words[0], words[PAGE_SIZE / sizeof(long) - 1]);
	pr_info("__get_free_pages(order %u) = %px (%lu bytes)\n",
		order, (void *)block, PAGE_SIZE << order);
	pr_info("alloc_page() = struct page %px, page_address %px\n",
		pg, page_address(pg));
	pr_info("alloc_pages(order %u): page_address %px, pfn %lu\n",
		order, page_address(pgs), page_to_pfn(pgs));
	return 0;
}

static void __exit page_api_exit(void)
{
	page_api_free();
	pr_info("freed 2 pages and 2 blocks of order %u\n", order);
}

module_init(page_api_init);
module_exit(page_api_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("teachkernel");
MODULE_DESCRIPTION("the page allocator's interfaces, by address and by struct page");
