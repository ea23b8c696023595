// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for the slab allocator (mm/slub.c, mm/slab_common.c) with
 * no debug flags: the fast paths, on fake RAM.
 *
 * The program boots the page allocator and kmem_cache_init() once
 * (slab_model.c); every test frees what it allocated and ends with
 * slab_model_expect_all_returned(): every cache shrunk, nr_free_pages()
 * exactly as after boot.  The last test is the randomized churn of
 * mixed sizes and caches checked against the model.  The same churn
 * runs with slab_debug=FZPU in test_slab_debug.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kernel/slab_stats.h>
#include "slab_model.h"
#include "../../mm/slab.h"	/* slab_slot_of(), slab_object() */

static int boot(void **state)
{
	(void)state;
	slab_model_boot(0);
	return 0;
}

static int reset_printk(void **state)
{
	(void)state;
	host_printk_reset();
	return 0;
}

static size_t class_of(size_t size)
{
	static const size_t classes[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512,
					  1024, 2048, 4096, 8192 };
	unsigned int i;

	for (i = 0; classes[i] < size; i++)
		;
	return classes[i];
}

/* Every size up to 8 KiB lands in the smallest class that fits. */
static void test_size_classes(void **state)
{
	size_t size;

	(void)state;
	for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		size_t class = class_of(size);
		u8 *p = kmalloc(size, GFP_KERNEL);

		assert_non_null(p);
		assert_int_equal(ksize(p), class);
		assert_int_equal(kmalloc_size_roundup(size), class);
		assert_int_equal((unsigned long)p % 8, 0);
		if (!(class & (class - 1)))	/* powers of two: naturally aligned */
			assert_int_equal((unsigned long)p % class, 0);
		p[0] = 1;
		p[size - 1] = 2;
		kfree(p);
	}
	slab_model_expect_all_returned();
}

static void test_zero_size_and_large(void **state)
{
	u8 *p;

	(void)state;
	assert_ptr_equal(kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	kfree(ZERO_SIZE_PTR);
	kfree(NULL);
	assert_int_equal(ksize(NULL), 0);
	assert_int_equal(ksize(ZERO_SIZE_PTR), 0);

	p = kmalloc(KMALLOC_MAX_CACHE_SIZE + 1, GFP_KERNEL);
	assert_non_null(p);
	assert_false(PageSlab(virt_to_page(p)));
	assert_int_equal(ksize(p), 4 * PAGE_SIZE);
	assert_int_equal(kmalloc_size_roundup(KMALLOC_MAX_CACHE_SIZE + 1), 4 * PAGE_SIZE);
	memset(p, 0x33, KMALLOC_MAX_CACHE_SIZE + 1);
	kfree(p);

	p = kmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL);
	assert_non_null(p);
	assert_int_equal(ksize(p), KMALLOC_MAX_SIZE);
	kfree(p);
	assert_null(kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
	assert_null(strstr(host_printk_text(), "BUG"));
	slab_model_expect_all_returned();
}

/* kzalloc zeroes the whole class, even over a dirty freed object. */
static void test_kzalloc_after_dirty_free(void **state)
{
	u8 *p = kmalloc(200, GFP_KERNEL), *q;
	size_t i;

	(void)state;
	memset(p, 0xff, ksize(p));
	kfree(p);
	q = kzalloc(200, GFP_KERNEL);
	assert_ptr_equal(q, p);			/* LIFO: the fast path reuses it */
	for (i = 0; i < ksize(q); i++)
		assert_int_equal(q[i], 0);
	kfree(q);
	q = kcalloc(10, 20, GFP_KERNEL);
	for (i = 0; i < 200; i++)
		assert_int_equal(q[i], 0);
	kfree(q);
	assert_null(kmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL));
	slab_model_expect_all_returned();
}

static void test_gfp_dma(void **state)
{
	void *p = kmalloc(100, GFP_DMA), *q = kmalloc(100, GFP_KERNEL);

	(void)state;
	assert_true(__pa(p) < SZ_16M);
	assert_true(__pa(q) >= SZ_4G);		/* Normal first, as the page allocator */
	kfree(p);
	kfree(q);
	slab_model_expect_all_returned();
}

static void test_interrupts_left_as_found(void **state)
{
	unsigned long flags;
	void *p;

	(void)state;
	p = kmalloc(64, GFP_KERNEL);
	assert_false(irqs_disabled());
	kfree(p);
	assert_false(irqs_disabled());
	local_irq_save(flags);
	p = kmalloc(64, GFP_ATOMIC);
	assert_true(irqs_disabled());
	kfree(p);
	assert_true(irqs_disabled());
	local_irq_restore(flags);
	assert_false(irqs_disabled());
	slab_model_expect_all_returned();
}

static void test_krealloc_and_copies(void **state)
{
	char *p, *q;
	size_t i;

	(void)state;
	p = krealloc(NULL, 10, GFP_KERNEL);
	memcpy(p, "0123456789", 10);
	q = krealloc(p, 16, GFP_KERNEL);	/* fits its 16-byte class */
	assert_ptr_equal(q, p);
	p = krealloc(q, 1000, GFP_KERNEL | __GFP_ZERO);
	assert_ptr_not_equal(p, q);
	assert_memory_equal(p, "0123456789", 10);
	for (i = 16; i < 1000; i++)
		assert_int_equal(p[i], 0);
	assert_ptr_equal(krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);

	p = kstrdup("slab", GFP_KERNEL);
	assert_string_equal(p, "slab");
	q = kstrndup("allocator", 4, GFP_KERNEL);
	assert_string_equal(q, "allo");
	kfree(q);
	q = kmemdup(p, 5, GFP_KERNEL);
	assert_memory_equal(q, "slab", 5);
	kfree(q);
	assert_null(kstrdup(NULL, GFP_KERNEL));
	memset(p, 0x77, 8);
	kfree_sensitive(p);
	for (i = sizeof(void *); i < 8; i++)	/* past the free pointer */
		assert_int_equal(p[i], 0);
	slab_model_expect_all_returned();
}

struct thing {
	long a;
	char name[20];
};

static void test_cache_lifecycle(void **state)
{
	struct kmem_cache *s = KMEM_CACHE(thing, SLAB_HWCACHE_ALIGN);
	void *objs[1000];
	char buf[8192];
	struct seq_buf sb;
	unsigned int i, j;

	(void)state;
	assert_non_null(s);
	assert_string_equal(kmem_cache_name(s), "thing");
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = i % 2 ? kmem_cache_alloc(s, GFP_KERNEL) :
				  kmem_cache_zalloc(s, GFP_KERNEL);
		assert_non_null(objs[i]);
		assert_int_equal((unsigned long)objs[i] % 32, 0);
		memset(objs[i], i, sizeof(struct thing));
	}
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		for (j = 0; j < sizeof(struct thing); j++)
			assert_int_equal(((u8 *)objs[i])[j], (u8)i);
	seq_buf_init(&sb, buf, sizeof(buf));
	slabinfo_show(&sb);
	assert_non_null(strstr(buf, "slabinfo - version: 2.1\n"));
	assert_non_null(strstr(buf, "\nthing               1000 "));
	for (i = 0; i < ARRAY_SIZE(objs); i += 2)
		kmem_cache_free(s, objs[i]);
	kmem_cache_shrink(s);
	for (i = 1; i < ARRAY_SIZE(objs); i += 2)
		kmem_cache_free(s, objs[i]);
	kmem_cache_free(s, NULL);
	kmem_cache_destroy(s);
	kmem_cache_destroy(NULL);
	assert_null(strstr(host_printk_text(), "BUG"));
	slab_model_expect_all_returned();
}

static void test_bad_arguments(void **state)
{
	(void)state;
	assert_null(kmem_cache_create("bad", 0, 0, 0, NULL));
	assert_null(kmem_cache_create("bad", 64, 3, 0, NULL));
	assert_null(kmem_cache_create(NULL, 64, 0, 0, NULL));
	assert_null(kmem_cache_create("huge", KMALLOC_MAX_SIZE + 1, 0, 0, NULL));
	assert_non_null(strstr(host_printk_text(), "kmem_cache_create(bad) failed with error -22"));
	slab_model_expect_all_returned();
}

static void test_invalid_frees_reported(void **state)
{
	struct kmem_cache *a = kmem_cache_create("cache-a", 32, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("cache-b", 32, 0, 0, NULL);
	struct page *page = alloc_page(GFP_KERNEL);
	void *p = kmem_cache_alloc(a, GFP_KERNEL);
	long on_stack;

	(void)state;
	kfree(&on_stack);
	assert_non_null(strstr(host_printk_text(), "BUG kmalloc (Not tainted): Invalid object pointer"));
	host_printk_reset();
	kmem_cache_free(b, p);
	assert_non_null(strstr(host_printk_text(), "BUG cache-b (Not tainted): Invalid object pointer"));
	assert_non_null(strstr(host_printk_text(), "belongs to another cache"));
	host_printk_reset();
	kfree(page_address(page));	/* a page from alloc_page(), not kmalloc */
	assert_non_null(strstr(host_printk_text(), "not memory from kmalloc"));
	__free_page(page);
	kmem_cache_free(a, p);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
	slab_model_expect_all_returned();
}

/*
 * slab_slot_of(), the free fast path's one check: for every slot size a
 * cache can have, an offset into a slab gives its slot exactly when it
 * is a whole number of slots inside the slab, and anything else -
 * the middle of an object, past the end, before the start - a number
 * that is no slot.
 */
static void test_slot_of_is_exact(void **state)
{
	static const unsigned int big[] = { 1032, 1336, 2000, 2048, 2056, 3000,
					    4096, 4104, 5000, 8192 };
	unsigned int i, size;

	(void)state;
	for (i = 0; i < 128 + ARRAY_SIZE(big); i++) {
		struct kmem_cache *s;
		long off, end;

		size = i < 128 ? 8 * (i + 1) : big[i - 128];
		s = kmem_cache_create("slot-test", size, 0, 0, NULL);
		assert_non_null(s);
		assert_int_equal(s->size, size);
		end = (long)s->objects * size;
		for (off = -2L * size; off < end + 2L * size; off++) {
			unsigned long slot = slab_slot_of(s, (unsigned long)off);
			bool valid = off >= 0 && off < end && off % size == 0;

			if ((slot < s->objects) != valid ||
			    (valid && slot != (unsigned long)off / size))
				fail_msg("size %u, offset %ld: slot %lu", size, off, slot);
		}
		kmem_cache_destroy(s);
	}
	slab_model_expect_all_returned();
}

/*
 * Without debug flags: the same object freed twice in a row, and a
 * pointer into the middle of an object, are refused with a report, and
 * the cache hands out distinct objects after.
 */
static void test_hardened_free_without_debug(void **state)
{
	u8 *p = kmalloc(200, GFP_KERNEL), *a, *b;

	(void)state;
	kfree(p);
	kfree(p);
	assert_non_null(strstr(host_printk_text(), "kernel BUG at "));
	assert_non_null(strstr(host_printk_text(), "mm/slub.c:"));
	assert_non_null(strstr(host_printk_text(),
		"BUG kmalloc-256 (Not tainted): Object already free"));
	host_printk_reset();
	a = kmalloc(200, GFP_KERNEL);
	b = kmalloc(200, GFP_KERNEL);
	assert_ptr_equal(a, p);
	assert_ptr_not_equal(b, p);
	kfree(a + 8);
	assert_non_null(strstr(host_printk_text(),
		"BUG kmalloc-256 (Not tainted): Invalid object pointer"));
	host_printk_reset();
	kfree(a);
	kfree(b);
	assert_null(strstr(host_printk_text(), "BUG"));
	slab_model_expect_all_returned();
}

/*
 * A freelist made into a loop (X, Y, X freed: the naive check sees Y
 * first) is found by slabinfo's bounded walk, reported, and dropped;
 * its slots given back, the cache is whole again.
 */
static void test_freelist_loop_bounded(void **state)
{
	struct kmem_cache *s = kmem_cache_create("loop-test", 64, 0, 0, NULL);
	void *anchor = kmem_cache_alloc(s, GFP_KERNEL);
	void *x = kmem_cache_alloc(s, GFP_KERNEL), *y = kmem_cache_alloc(s, GFP_KERNEL);
	struct page *slab = slab_head(virt_to_page(x));
	static char buf[8192];
	struct seq_buf m;
	unsigned int i;

	(void)state;
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, x);
	seq_buf_init(&m, buf, sizeof(buf));
	slabinfo_show(&m);
	assert_non_null(strstr(host_printk_text(), "BUG loop-test (Not tainted): Freechain corrupt"));
	assert_non_null(strstr(host_printk_text(), "FIX loop-test: Isolate corrupted freechain"));
	assert_int_equal(slab_cache_live(s), s->objects);
	host_printk_reset();
	for (i = 0; i < s->objects; i++)
		if (slab_object(s, slab, i) != anchor)
			kmem_cache_free(s, slab_object(s, slab, i));
	kmem_cache_free(s, anchor);
	assert_int_equal(slab_cache_live(s), 0);
	kmem_cache_destroy(s);
	assert_null(strstr(host_printk_text(), "BUG"));
	slab_model_expect_all_returned();
}

static void test_destroy_with_live_objects(void **state)
{
	struct kmem_cache *s = kmem_cache_create("leaky", 128, 0, 0, NULL);
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	(void)state;
	kmem_cache_destroy(s);
	assert_non_null(strstr(host_printk_text(),
		"BUG leaky (Not tainted): Objects remaining on __kmem_cache_shutdown()"));
	kmem_cache_free(s, p);		/* the cache is still there */
	kmem_cache_destroy(s);
	slab_model_expect_all_returned();
}

static void test_churn_against_model(void **state)
{
	struct slab_churn c = {
		.seed = slab_model_seed(0x5eed51ab),
		.steps = 400000,
		.max_live = 4000,
	};

	(void)state;
	slab_model_churn(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_size_classes, reset_printk),
		cmocka_unit_test_setup(test_zero_size_and_large, reset_printk),
		cmocka_unit_test_setup(test_kzalloc_after_dirty_free, reset_printk),
		cmocka_unit_test_setup(test_gfp_dma, reset_printk),
		cmocka_unit_test_setup(test_interrupts_left_as_found, reset_printk),
		cmocka_unit_test_setup(test_krealloc_and_copies, reset_printk),
		cmocka_unit_test_setup(test_cache_lifecycle, reset_printk),
		cmocka_unit_test_setup(test_bad_arguments, reset_printk),
		cmocka_unit_test_setup(test_invalid_frees_reported, reset_printk),
		cmocka_unit_test_setup(test_slot_of_is_exact, reset_printk),
		cmocka_unit_test_setup(test_hardened_free_without_debug, reset_printk),
		cmocka_unit_test_setup(test_freelist_loop_bounded, reset_printk),
		cmocka_unit_test_setup(test_destroy_with_live_objects, reset_printk),
		cmocka_unit_test_setup(test_churn_against_model, reset_printk),
	};

	host_test_init();
	return cmocka_run_group_tests_name("slab", tests, boot, NULL);
}
