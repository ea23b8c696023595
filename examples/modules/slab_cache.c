// SPDX-License-Identifier: GPL-2.0
/*
 * slab_cache.c - a cache of its own: kmem_cache_create() with a
 * constructor, kmem_cache_alloc() of @count objects, kmem_cache_free()
 * and kmem_cache_destroy() at exit.
 *
 *	insmod slab_cache.ko count=8
 *
 * The constructor runs once per object when a new slab is filled, not at
 * every allocation: the count it prints shows it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>

struct record {
	u32 magic;
	u32 serial;
	char tag[48];
};

#define RECORD_MAGIC 0x7ea5c0deU
#define MAX_RECORDS 64

static unsigned int count = 4;
module_param(count, uint, 0444);
MODULE_PARM_DESC(count, "objects to allocate from the cache (1..64, default 4)");

static struct kmem_cache *record_cache;
static struct record *records[MAX_RECORDS];
static unsigned int ctor_calls;

/* The constructor: every object starts with its magic and a tag. */
static void record_ctor(void *obj)
{
	struct record *r = obj;

	r->magic = RECORD_MAGIC;
	r->serial = 0;
	strscpy(r->tag, "constructed", sizeof(r->tag));
	ctor_calls++;
}

static void slab_cache_free_all(void)
{
	unsigned int i;

	for (i = 0; i < MAX_RECORDS; i++) {
		if (records[i])
			kmem_cache_free(record_cache, records[i]);
		records[i] = NULL;
	}
}

static int __init slab_cache_init(void)
{
	unsigned int i;

	if (count < 1 || count > MAX_RECORDS) {
		pr_err("count must be 1..%d\n", MAX_RECORDS);
		return -EINVAL;
	}
	record_cache = kmem_cache_create("tk_record", sizeof(struct record), 0,
					 SLAB_HWCACHE_ALIGN, record_ctor);
	if (!record_cache)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		records[i] = kmem_cache_alloc(record_cache, GFP_KERNEL);
		if (!records[i]) {
			slab_cache_free_all();
			kmem_cache_destroy(record_cache);
			return -ENOMEM;
		}
		records[i]->serial = i;
	}
	pr_info("cache tk_record: object size %zu (struct is %zu bytes)\n",
		(size_t)kmem_cache_size(record_cache), sizeof(struct record));
	pr_info("%u objects, first %px tag '%s' magic %#x; constructor ran %u times\n",
		count, records[0], records[0]->tag, records[0]->magic, ctor_calls);
	return 0;
}

static void __exit slab_cache_exit(void)
{
	slab_cache_free_all();
	kmem_cache_destroy(record_cache);
	pr_info("freed %u objects, cache destroyed\n", count);
}

module_init(slab_cache_init);
module_exit(slab_cache_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("teachkernel");
MODULE_DESCRIPTION("a custom slab cache with a constructor");
