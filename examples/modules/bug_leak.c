// SPDX-License-Identifier: GPL-2.0
/*
 * bug_leak.c - BUGGY ON PURPOSE: exit forgets to free.
 *
 * init takes a kmalloc() object, a vmalloc() area and a page; exit frees
 * only the page.  Linux says nothing and the memory is lost until reboot;
 * this kernel reports it at rmmod, each with its call site:
 *
 *	BUG: module bug_leak leaked 2 allocation(s) at unload
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static void *obj, *area;
static unsigned long page;

static int __init bug_leak_init(void)
{
	obj = kmalloc(1000, GFP_KERNEL);
	area = vmalloc(3 * 4096);
	page = __get_free_page(GFP_KERNEL);
	if (!obj || !area || !page) {
		kfree(obj);
		vfree(area);
		free_page(page);
		return -ENOMEM;
	}
	pr_info("took a 1000-byte object, a 12 KiB vmalloc area and a page\n");
	return 0;
}

static void __exit bug_leak_exit(void)
{
	free_page(page);	/* the bug: obj and area are not freed */
	pr_info("freed the page only\n");
}

module_init(bug_leak_init);
module_exit(bug_leak_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("buggy on purpose: leaks two allocations at unload");
