// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc_param.c - kmalloc() and kfree() from a module, sized by a
 * parameter.
 *
 *	insmod kmalloc_param.ko size=3000 fill=0x5a
 *
 * init allocates @size bytes, fills them and prints what ksize() says
 * the allocator really gave (the kmalloc-N cache rounds up); exit frees.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

static unsigned int size = 100;
module_param(size, uint, 0644);
MODULE_PARM_DESC(size, "bytes to kmalloc() at init (default 100)");

static int fill = 0xa5;
module_param(fill, int, 0644);
MODULE_PARM_DESC(fill, "the byte to fill them with");

static void *buf;

static int __init kmalloc_param_init(void)
{
	buf = kmalloc(size, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memset(buf, fill, size);
	pr_info("kmalloc(%u) = %px, ksize %zu\n", size, buf, ksize(buf));
	return 0;
}

static void __exit kmalloc_param_exit(void)
{
	kfree(buf);
	pr_info("freed %u bytes\n", size);
}

module_init(kmalloc_param_init);
module_exit(kmalloc_param_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("teachkernel");
MODULE_DESCRIPTION("kmalloc and kfree from a module, sized by a parameter");
MODULE_VERSION("1.0");
