// SPDX-License-Identifier: GPL-2.0
/*
 * bug_kasan.c - BUGGY ON PURPOSE: the memory bugs only KASAN sees.
 *
 * Each of these reads memory the code does not own, and on an ordinary
 * kernel nothing happens: the bytes are there, the read returns them.
 * Boot a kernel built with make KASAN=1 and each prints a KASAN report
 * ("BUG: KASAN: ..."), then the module goes on:
 *
 *	insmod bug_kasan.ko bug=uaf	 read of a freed kmalloc object
 *					 (slab-use-after-free)
 *	insmod bug_kasan.ko bug=oob	 read one byte past a 123-byte object
 *					 (slab-out-of-bounds)
 *	insmod bug_kasan.ko bug=pages	 read after free_pages() (use-after-free)
 *	insmod bug_kasan.ko bug=global	 read past a global array
 *					 (global-out-of-bounds)
 *	insmod bug_kasan.ko bug=stack	 read past a stack array
 *					 (stack-out-of-bounds)
 *
 * The reads go through volatile pointers so the compiler keeps them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

static char *bug = "uaf";
module_param(bug, charp, 0444);
MODULE_PARM_DESC(bug, "which bug: uaf, oob, pages, global or stack");

static char global_array[10];

static __always_inline char read_at(const volatile char *p)
{
	return *p;
}

static noinline int use_after_free(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	kfree(p);
	pr_info("read %d from a freed object\n", read_at(p + 8));	/* the bug */
	return 0;
}

static noinline int out_of_bounds(void)
{
	char *p = kmalloc(123, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	pr_info("read %d one byte past a 123-byte object\n", read_at(p + 123));
	kfree(p);
	return 0;
}

static noinline int pages_after_free(void)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1);

	if (!addr)
		return -ENOMEM;
	free_pages(addr, 1);
	pr_info("read %d from freed pages\n", read_at((char *)addr + 100));
	return 0;
}

static noinline int global_overrun(void)
{
	volatile int i = sizeof(global_array) + 2;

	pr_info("read %d past a global array\n", read_at(&global_array[i]));
	return 0;
}

static noinline int stack_overrun(void)
{
	char stack_array[10];
	volatile int i = sizeof(stack_array) + 2;

	memset(stack_array, 0, sizeof(stack_array));
	pr_info("read %d past a stack array\n", read_at(&stack_array[i]));
	return 0;
}

static int __init bug_kasan_init(void)
{
	if (!strcmp(bug, "uaf"))
		return use_after_free();
	if (!strcmp(bug, "oob"))
		return out_of_bounds();
	if (!strcmp(bug, "pages"))
		return pages_after_free();
	if (!strcmp(bug, "global"))
		return global_overrun();
	if (!strcmp(bug, "stack"))
		return stack_overrun();
	pr_err("bug=%s: not one of uaf, oob, pages, global, stack\n", bug);
	return -EINVAL;
}

static void __exit bug_kasan_exit(void)
{
	pr_info("unloaded\n");
}

module_init(bug_kasan_init);
module_exit(bug_kasan_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("buggy on purpose: reads that only KASAN reports");
