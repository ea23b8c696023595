// SPDX-License-Identifier: GPL-2.0
/*
 * modtest_leak: a deliberately leaky module for the leak check at unload
 * (tests/kernel/module_loader_test.c).  Its init keeps a kmalloc object,
 * a vmalloc area and a page block, and frees one object and two page
 * blocks properly, the blocks through the other API (alloc_pages() then
 * free_pages(addr), __get_free_page() then __free_page(page)): those must
 * not be reported.  Its exit frees nothing.  It hands each kept
 * pointer to the suite (modtest_keep()) so the suite can free them after
 * checking the report.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

extern int modtest_init_ret;
void modtest_keep(void *p);

/*
 * Sizes the compiler cannot see: kmalloc() then calls __kmalloc()
 * rather than kmalloc_trace() with a kmalloc_caches[] entry, which the
 * kernel of this suite's branch does not export.
 */
static volatile size_t small = 32, big = 1000;

/*
 * In .init.text explicitly: the init part is freed after init, and the
 * report at rmmod must still name this function.
 */
static int __section(".init.text") modtest_leak_init(void)
{
	void *tmp = kmalloc(small, GFP_KERNEL);
	struct page *pg = alloc_pages(GFP_KERNEL, 2);
	unsigned long addr = __get_free_page(GFP_KERNEL);

	kfree(tmp);
	/* freed through the other API (as the book's lowlevel_mem does): not leaks */
	if (pg)
		free_pages((unsigned long)page_address(pg), 2);
	if (addr)
		__free_page(virt_to_page(addr));
	modtest_keep(kmalloc(big, GFP_KERNEL));
	modtest_keep(vmalloc(12288));
	modtest_keep((void *)__get_free_pages(GFP_KERNEL, 1));
	return modtest_init_ret;
}

static void __exit modtest_leak_exit(void)
{
}

module_init(modtest_leak_init);
module_exit(modtest_leak_exit);
MODULE_LICENSE("GPL");
