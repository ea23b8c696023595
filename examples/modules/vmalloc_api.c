// SPDX-License-Identifier: GPL-2.0
/*
 * vmalloc_api.c - virtually contiguous memory: vmalloc(), vzalloc() and
 * vfree(), and kvmalloc()/kvfree(), which take from kmalloc() when the
 * size allows and fall back to vmalloc() otherwise.
 *
 *	insmod vmalloc_api.ko vsize=100000 small=1000 big=5000000
 *
 * While loaded, vmallocinfo lists the areas with this module's call sites.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

static unsigned long vsize = 3 * 4096 + 10;
module_param(vsize, ulong, 0444);
MODULE_PARM_DESC(vsize, "bytes to vmalloc() and to vzalloc() (default 12298)");

static unsigned long small = 500;
module_param(small, ulong, 0444);
MODULE_PARM_DESC(small, "a kvmalloc() size kmalloc() serves (default 500)");

static unsigned long big = 5 << 20;
module_param(big, ulong, 0444);
MODULE_PARM_DESC(big, "a kvmalloc() size above kmalloc's limit (default 5 MiB)");

static void *v, *vz, *kv_small, *kv_big;

static const char *which(const void *p)
{
	return is_vmalloc_addr(p) ? "vmalloc" : "kmalloc";
}

static void vmalloc_api_free(void)
{
	kvfree(kv_big);
	kvfree(kv_small);
	vfree(vz);
	vfree(v);
}

static int __init vmalloc_api_init(void)
{
	v = vmalloc(vsize);
	vz = vzalloc(vsize);
	kv_small = kvmalloc(small, GFP_KERNEL);
	kv_big = kvmalloc(big, GFP_KERNEL);
	if (!v || !vz || !kv_small || !kv_big) {
		vmalloc_api_free();
		return -ENOMEM;
	}
	pr_info("vmalloc(%lu) = %px\n", vsize, v);
	pr_info("vzalloc(%lu) = %px, last byte %u\n", vsize, vz,
		((u8 *)vz)[vsize - 1]);
	pr_info("kvmalloc(%lu) = %px from %s\n", small, kv_small, which(kv_small));
	pr_info("kvmalloc(%lu) = %px from %s\n", big, kv_big, which(kv_big));
	return 0;
}

static void __exit vmalloc_api_exit(void)
{
	vmalloc_api_free();
	pr_info("vfree() and kvfree() done\n");
}

module_init(vmalloc_api_init);
module_exit(vmalloc_api_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("teachkernel");
MODULE_DESCRIPTION("vmalloc, vzalloc, vfree, kvmalloc, kvfree");
