// SPDX-License-Identifier: GPL-2.0
/*
 * modtest_kmemleak: a module that keeps one object in a global of its
 * own (its bss) and loses another, for the kmemleak suite
 * (tests/kernel/kmemleak_test.c).  kmemleak scans a module's data and
 * bss: the kept object is referenced, the lost one is a leak.  The
 * module hands the addresses to the suite disguised (XOR-ed with a key,
 * so they are not pointers anywhere), and frees everything at unload.
 */
#include <linux/module.h>
#include <linux/slab.h>

#define HIDE_KEY	0x5a5a5a5a5a5a5a5aUL

unsigned long modtest_kmemleak_lost(size_t size);
void modtest_kmemleak_objects(unsigned long kept_hidden,
			      unsigned long lost_hidden);

static void *kept;			/* in bss: kmemleak must find it */
static unsigned long lost_hidden;	/* not a pointer */
static volatile size_t size = 88;	/* __kmalloc(): see modtest_leak.c */

static int __init modtest_kmemleak_init(void)
{
	kept = kmalloc(size, GFP_KERNEL);
	if (!kept)
		return -ENOMEM;
	memset(kept, 0x11, size);
	/*
	 * The lost one comes from the suite, which allocates it for us at an
	 * address no stale pointer elsewhere in the kernel reaches (see
	 * pick_unreferenced()); its stack still goes through this function.
	 */
	lost_hidden = modtest_kmemleak_lost(size);
	modtest_kmemleak_objects((unsigned long)kept ^ HIDE_KEY, lost_hidden);
	return 0;
}

static void __exit modtest_kmemleak_exit(void)
{
	kfree(kept);
	if (lost_hidden)
		kfree((void *)(lost_hidden ^ HIDE_KEY));
}

module_init(modtest_kmemleak_init);
module_exit(modtest_kmemleak_exit);
MODULE_LICENSE("GPL");
