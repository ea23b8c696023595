// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the kmalloc family (mm/slab_common.c): kmalloc, kzalloc,
 * kmalloc_array, kcalloc, krealloc, kfree, kfree_sensitive, ksize,
 * kmalloc_size_roundup, kstrdup, kstrndup, kmemdup.
 *
 * Suite "kmalloc": the size classes (8 16 32 64 96 128 192 256 512 1k
 * 2k 4k 8k), checked at both edges of every class; large kmallocs
 * straight from the page allocator (8 KiB + 1 .. 4 MiB) and the refusal
 * above; GFP_DMA, __GFP_ZERO, kmalloc(0) and ZERO_SIZE_PTR, overflowing
 * array sizes, krealloc's contract, and a churn of the realistic size mix
 * of <kernel/kmalloc_mix.h>.
 *
 * Everything here holds with or without slab_debug= (the test kernel
 * runs with FZPU: red zones and poison around every kmalloc object).
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/kasan.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <kernel/kmalloc_mix.h>
#include "slab_kunit.h"

/* The classes, smallest first, and their caches' names. */
static const struct {
	unsigned int size;
	const char *name;
} classes[] = {
	{ 8, "kmalloc-8" }, { 16, "kmalloc-16" }, { 32, "kmalloc-32" },
	{ 64, "kmalloc-64" }, { 96, "kmalloc-96" }, { 128, "kmalloc-128" },
	{ 192, "kmalloc-192" }, { 256, "kmalloc-256" }, { 512, "kmalloc-512" },
	{ 1024, "kmalloc-1k" }, { 2048, "kmalloc-2k" }, { 4096, "kmalloc-4k" },
	{ 8192, "kmalloc-8k" },
};

/* The class kmalloc(@size) must use, for 1 <= size <= 8192. */
static unsigned int class_of(size_t size)
{
	unsigned int i;

	for (i = 0; classes[i].size < size; i++)
		;
	return i;
}

/*
 * kmalloc(@size) comes from the class's cache, with the class size as
 * ksize(), usable in full, 8-byte aligned.
 */
static void expect_kmalloc_class(struct kunit *test, size_t size, gfp_t gfp,
				 const char *prefix)
{
	unsigned int c = class_of(size);
	char name[32];
	u8 *p;

	p = kmalloc(size, gfp);
	KUNIT_ASSERT_NOT_NULL(test, p);
	snprintf(name, sizeof(name), "%s%s", prefix, classes[c].name);
	KUNIT_EXPECT_EQ_MSG(test, ksize(p), (size_t)classes[c].size,
			    "ksize(kmalloc(%zu))", size);
	KUNIT_EXPECT_EQ_MSG(test, kmalloc_size_roundup(size), (size_t)classes[c].size,
			    "kmalloc_size_roundup(%zu)", size);
	KUNIT_EXPECT_NOT_NULL(test, cache_of(p));
	if (cache_of(p))
		KUNIT_EXPECT_STREQ_MSG(test, kmem_cache_name(cache_of(p)), name,
				       "kmalloc(%zu)", size);
	KUNIT_EXPECT_EQ_MSG(test, (unsigned long)p % ARCH_KMALLOC_MINALIGN, 0UL,
			    "kmalloc(%zu) = %px", size, p);
	memset(p, 0x3c, ksize(p));	/* all of ksize() is ours */
	kfree(p);
}

/* Both edges of every class: ksize(kmalloc(65)) is 96. */
static void size_class_edges(struct kunit *test)
{
	u64 seq = log_seq();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(classes); i++) {
		size_t lo = i ? classes[i - 1].size + 1 : 1;

		expect_kmalloc_class(test, lo, GFP_KERNEL, "");
		expect_kmalloc_class(test, classes[i].size, GFP_KERNEL, "");
		if (classes[i].size - lo > 2)
			expect_kmalloc_class(test, (lo + classes[i].size) / 2,
					     GFP_KERNEL, "");
	}
	/* writing all of ksize() is not an overflow, even with red zones */
	expect_no_log(test, seq, "BUG ");
}

/*
 * The one list of classes, KMALLOC_INFO: the test's own classes[] (an
 * independent copy on purpose), the caches kmalloc_info[] made, and
 * kmalloc_index() agree with it; and kmalloc() of a constant size (the
 * class chosen at compile time) and of the same size known only at run
 * time (size_index[] and fls) use the class's cache.
 */
static void expect_info_class(struct kunit *test, unsigned int index,
			      unsigned int bytes, const char *name,
			      void *constant, void *constant_minus_1)
{
	struct kmem_cache *s = kmalloc_caches[index][KMALLOC_NORMAL];
	volatile size_t runtime = bytes;	/* not a constant: __kmalloc() */
	void *p = kmalloc(runtime, GFP_KERNEL);

	KUNIT_EXPECT_EQ(test, kmalloc_info[index].size, bytes);
	KUNIT_EXPECT_STREQ(test, kmalloc_info[index].name[KMALLOC_NORMAL], name);
	KUNIT_EXPECT_EQ_MSG(test, kmalloc_index(bytes), index, "kmalloc_index(%u)", bytes);
	KUNIT_EXPECT_EQ_MSG(test, kmalloc_index(bytes - 1), index,
			    "kmalloc_index(%u)", bytes - 1);
	KUNIT_EXPECT_EQ(test, classes[class_of(bytes)].size, bytes);
	KUNIT_EXPECT_STREQ(test, classes[class_of(bytes)].name, name);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, kmem_cache_name(s), name);
	KUNIT_EXPECT_PTR_EQ_MSG(test, cache_of(constant), s, "kmalloc(%u)", bytes);
	KUNIT_EXPECT_PTR_EQ_MSG(test, cache_of(constant_minus_1), s, "kmalloc(%u)",
				bytes - 1);
	KUNIT_EXPECT_PTR_EQ_MSG(test, cache_of(p), s, "kmalloc(runtime %u)", bytes);
	kfree(constant);
	kfree(constant_minus_1);
	kfree(p);
}

static void size_classes_follow_kmalloc_info(struct kunit *test)
{
	unsigned int n = 0;

#define KMALLOC_INFO_TEST(index, bytes, suffix)				\
	expect_info_class(test, index, bytes, "kmalloc-" suffix,	\
			  kmalloc(bytes, GFP_KERNEL),			\
			  kmalloc((bytes) - 1, GFP_KERNEL));		\
	n++;
	KMALLOC_INFO(KMALLOC_INFO_TEST)
#undef KMALLOC_INFO_TEST
	KUNIT_EXPECT_EQ(test, n, (unsigned int)ARRAY_SIZE(classes));
}

/* Every size from 1 to 8 KiB rounds up to its class, never below. */
static void roundup_every_size(struct kunit *test)
{
	size_t size;

	for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		size_t r = kmalloc_size_roundup(size);

		if (r != classes[class_of(size)].size) {
			KUNIT_FAIL(test, "kmalloc_size_roundup(%zu) = %zu, expected %u",
				   size, r, classes[class_of(size)].size);
			break;
		}
	}
	KUNIT_EXPECT_EQ(test, kmalloc_size_roundup(0), (size_t)0);
	KUNIT_EXPECT_EQ(test, kmalloc_size_roundup(8193), (size_t)16384);
	KUNIT_EXPECT_EQ(test, kmalloc_size_roundup(KMALLOC_MAX_SIZE), (size_t)KMALLOC_MAX_SIZE);
}

/* The first 256 sizes one by one, through real allocations. */
static void every_small_size(struct kunit *test)
{
	size_t size;

	for (size = 1; size <= 256; size++) {
		u8 *p = kmalloc(size, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ(test, (unsigned long)p % 8, 0UL);
		KUNIT_EXPECT_GE(test, ksize(p), size);
		KUNIT_EXPECT_EQ(test, ksize(p), (size_t)classes[class_of(size)].size);
		memset(p, (u8)size, size);
		kfree(p);
	}
}

/* ---- zero, NULL, ZERO_SIZE_PTR ------------------------------------------------------- */

static void zero_size_and_null(struct kunit *test)
{
	unsigned long live = slab_objects_live();
	u64 seq = log_seq();
	void *p;

	KUNIT_EXPECT_PTR_EQ(test, kmalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_PTR_EQ(test, kzalloc(0, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_PTR_EQ(test, kmalloc_array(0, 8, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_PTR_EQ(test, kcalloc(8, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_TRUE(test, ZERO_OR_NULL_PTR(ZERO_SIZE_PTR));
	KUNIT_EXPECT_TRUE(test, ZERO_OR_NULL_PTR(NULL));
	KUNIT_EXPECT_EQ(test, ksize(ZERO_SIZE_PTR), (size_t)0);
	KUNIT_EXPECT_EQ(test, ksize(NULL), (size_t)0);
	kfree(NULL);
	kfree(ZERO_SIZE_PTR);
	kfree_sensitive(NULL);
	kfree_sensitive(ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);

	/* krealloc(NULL) is kmalloc; krealloc(p, 0) frees */
	p = krealloc(NULL, 40, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), (size_t)64);
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live + 1);
	KUNIT_EXPECT_PTR_EQ(test, krealloc(p, 0, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
	p = krealloc(ZERO_SIZE_PTR, 10, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ksize(p), (size_t)16);
	kfree(p);

	/* copies of nothing */
	KUNIT_EXPECT_PTR_EQ(test, kmemdup("x", 0, GFP_KERNEL), ZERO_SIZE_PTR);
	KUNIT_EXPECT_NULL(test, kstrdup(NULL, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kstrndup(NULL, 4, GFP_KERNEL));
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
	expect_no_log(test, seq, "BUG ");
	expect_no_log(test, seq, "WARNING");
}

/* ---- __GFP_ZERO ---------------------------------------------------------------- */

/* kzalloc zeroes all of ksize(), even an object just dirtied and freed. */
static void kzalloc_zeroes(struct kunit *test)
{
	static const size_t sizes[] = {
		1, 8, 24, 64, 65, 100, 192, 200, 1000, 4096, 8192,
		8193, 20000, 1 << 20,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);
		size_t ks;

		KUNIT_ASSERT_NOT_NULL(test, p);
		ks = ksize(p);
		memset(p, 0xee, ks);
		kfree(p);
		p = kzalloc(sizes[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE_MSG(test, mem_is(p, 0, ksize(p)),
				      "kzalloc(%zu) not zeroed", sizes[i]);
		memset(p, 0xee, ksize(p));
		kfree(p);
		p = kmalloc(sizes[i], GFP_KERNEL | __GFP_ZERO);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE_MSG(test, mem_is(p, 0, ksize(p)),
				      "kmalloc(%zu, __GFP_ZERO) not zeroed", sizes[i]);
		kfree(p);
	}
}

/* ---- arrays --------------------------------------------------------------------------- */

static void arrays_and_overflow(struct kunit *test)
{
	u64 seq = log_seq();
	u32 *a;
	u8 *b;

	a = kmalloc_array(10, sizeof(u32) * 3, GFP_KERNEL);	/* 120 bytes */
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_EQ(test, ksize(a), (size_t)128);
	memset(a, 0xff, 120);
	kfree(a);

	b = kcalloc(1000, 3, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, ksize(b), (size_t)4096);
	KUNIT_EXPECT_TRUE(test, mem_is(b, 0, 3000));
	b = krealloc_array(b, 2000, 3, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, ksize(b), (size_t)8192);
	KUNIT_EXPECT_TRUE(test, mem_is(b, 0, 3000));
	KUNIT_EXPECT_NULL(test, krealloc_array(b, SIZE_MAX / 2, 3, GFP_KERNEL));
	kfree(b);

	/* n * size overflows: NULL, before any allocation is tried */
	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX / 2, 3, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kmalloc_array(3, SIZE_MAX / 2, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kcalloc(1UL << 33, 1UL << 31, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kmalloc_array(SIZE_MAX, SIZE_MAX, GFP_KERNEL));
	expect_no_log(test, seq, "WARNING");
}

/* ---- large kmalloc ----------------------------------------------------------------------- */

/*
 * Above 8 KiB kmalloc takes whole frames from the page allocator: the
 * block is page-aligned, ksize() is its size, it is not a slab page, and
 * kfree() gives every frame back.
 */
static void large_kmalloc(struct kunit *test)
{
	static const size_t sizes[] = {
		KMALLOC_MAX_CACHE_SIZE + 1, 12288, 16384, 16385, 65536 + 1,
		100000, 1 << 20, (1 << 20) + 1, KMALLOC_MAX_SIZE - 1,
		KMALLOC_MAX_SIZE,
	};
	unsigned long free_before = nr_free_pages();
	unsigned long live = slab_objects_live();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t expect = PAGE_SIZE << get_order(sizes[i]);
		u8 *p = kmalloc(sizes[i], GFP_KERNEL);

		KUNIT_ASSERT_TRUE_MSG(test, p != NULL, "kmalloc(%zu)", sizes[i]);
		KUNIT_EXPECT_EQ(test, (unsigned long)p % PAGE_SIZE, 0UL);
		KUNIT_EXPECT_EQ_MSG(test, ksize(p), expect, "ksize(kmalloc(%zu))", sizes[i]);
		KUNIT_EXPECT_EQ(test, kmalloc_size_roundup(sizes[i]), expect);
		KUNIT_EXPECT_FALSE(test, PageSlab(virt_to_page(p)));
		KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before - expect / PAGE_SIZE);
		KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
		p[0] = 1;
		p[sizes[i] - 1] = 2;
		p[expect - 1] = 3;
		kfree(p);
		KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	}
}

/* More than KMALLOC_MAX_SIZE: NULL, and silent with __GFP_NOWARN. */
static void too_large_fails(struct kunit *test)
{
	unsigned long free_before = nr_free_pages();
	u64 seq = log_seq();

	KUNIT_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, kmalloc(KMALLOC_MAX_SIZE * 2, GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, kzalloc(SIZE_MAX, GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, kmalloc(SIZE_MAX / 2, GFP_ATOMIC | __GFP_NOWARN));
	expect_no_log(test, seq, "WARNING");
	expect_no_log(test, seq, "cut here");
	expect_no_log(test, seq, "page allocation failure");
	/*
	 * Without __GFP_NOWARN the page allocator warns, once per boot
	 * (WARN_ON_ONCE, as Linux): page_alloc_bad checks that warning, so
	 * it is not used up here.
	 */
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/* ---- GFP_DMA ------------------------------------------------------------------------ */

/* GFP_DMA memory lies below 16 MiB: every class (dma-kmalloc-N) and large. */
/*
 * GFP_DMA32 and __GFP_HIGHMEM are not for kmalloc(): Linux warns
 * ("Unexpected gfp ... Fix your code!") and serves the request without
 * them, through the constant-size path, the variable-size path and
 * kmem_cache_alloc() alike.
 */
static void gfp_dma32_is_fixed_with_a_warning(struct kunit *test)
{
	volatile size_t size = 100;
	u64 seq = log_seq();
	void *a, *b;

	a = kmalloc(64, GFP_KERNEL | __GFP_DMA32);
	KUNIT_ASSERT_NOT_NULL(test, a);
	expect_log(test, seq, "Unexpected gfp: 0x4 (GFP_DMA32). Fixing up to gfp: 0xcc0 (GFP_KERNEL). Fix your code!");
	expect_log(test, seq, "gfp_dma32_is_fixed_with_a_warning+");
	seq = log_seq();
	b = kmalloc(size, GFP_KERNEL | __GFP_HIGHMEM);
	KUNIT_ASSERT_NOT_NULL(test, b);
	expect_log(test, seq, "Unexpected gfp: 0x2 (__GFP_HIGHMEM). Fixing up to gfp: 0xcc0 (GFP_KERNEL).");
	KUNIT_EXPECT_GE(test, ksize(b), (size_t)100);
	seq = log_seq();
	kfree(a);
	kfree(b);
	a = kmalloc(64, GFP_KERNEL);
	kfree(a);
	expect_no_log(test, seq, "Unexpected gfp");
}

static void gfp_dma_below_16m(struct kunit *test)
{
	static const size_t large[] = { 8193, 65536, 1 << 20 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(classes); i++) {
		u8 *p = kmalloc(classes[i].size, GFP_DMA);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_LE_MSG(test, virt_to_phys(p) + ksize(p), 16ULL << 20,
				    "kmalloc(%u, GFP_DMA) at %#llx", classes[i].size,
				    (unsigned long long)virt_to_phys(p));
		kfree(p);
		expect_kmalloc_class(test, classes[i].size, GFP_DMA, "dma-");
		expect_kmalloc_class(test, classes[i].size, GFP_KERNEL | GFP_DMA, "dma-");
		p = kzalloc(classes[i].size, GFP_DMA);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, mem_is(p, 0, classes[i].size));
		kfree(p);
	}
	for (i = 0; i < ARRAY_SIZE(large); i++) {
		u8 *p = kmalloc(large[i], GFP_DMA);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_LE(test, virt_to_phys(p) + ksize(p), 16ULL << 20);
		kfree(p);
	}
}

/* ---- krealloc -------------------------------------------------------------------------- */

static void fill_pattern(u8 *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (u8)(i * 7 + 3);
}

static bool has_pattern(const u8 *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != (u8)(i * 7 + 3))
			return false;
	return true;
}

/*
 * Growing keeps the contents; shrinking, or growing within ksize(),
 * returns the same pointer; a failed krealloc leaves the old memory
 * alone; with __GFP_ZERO the new part is zeroed.
 */
static void krealloc_contract(struct kunit *test)
{
	unsigned long live = slab_objects_live();
	unsigned long free_before = nr_free_pages();
	u8 *p, *q;

	p = kmalloc(20, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	fill_pattern(p, 20);

	q = krealloc(p, 30, GFP_KERNEL);		/* fits in 32: in place */
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	q = krealloc(p, 32, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	q = krealloc(p, 5, GFP_KERNEL);		/* shrinking: in place */
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_TRUE(test, has_pattern(p, 20));
	fill_pattern(p, 32);

	q = krealloc(p, 100, GFP_KERNEL);		/* grows: moves, keeps */
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_PTR_NE(test, q, p);
	KUNIT_EXPECT_EQ(test, ksize(q), (size_t)128);
	KUNIT_EXPECT_TRUE(test, has_pattern(q, 32));
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live + 1);	/* old one freed */
	p = q;
	fill_pattern(p, 128);

	q = krealloc(p, 30000, GFP_KERNEL);		/* into a large kmalloc */
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_TRUE(test, has_pattern(q, 128));
	KUNIT_EXPECT_EQ(test, ksize(q), (size_t)32768);
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
	p = q;
	fill_pattern(p, 30000);

	q = krealloc(p, 300000, GFP_KERNEL);		/* large to larger */
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_TRUE(test, has_pattern(q, 30000));
	p = q;
	q = krealloc(p, 1000, GFP_KERNEL);		/* shrinking a large: in place */
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_TRUE(test, has_pattern(q, 30000));

	/* failure: NULL, and the old memory is untouched and still ours */
	q = krealloc(p, KMALLOC_MAX_SIZE + 1, GFP_KERNEL | __GFP_NOWARN);
	KUNIT_EXPECT_NULL(test, q);
	KUNIT_EXPECT_TRUE(test, has_pattern(p, 30000));
	KUNIT_EXPECT_EQ(test, ksize(p), (size_t)(512 << 10));
	kfree(p);

	/* __GFP_ZERO: the grown part reads as zeroes */
	p = kmalloc(40, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	fill_pattern(p, 64);
	q = krealloc(p, 1000, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_TRUE(test, has_pattern(q, 64));
	KUNIT_EXPECT_TRUE(test, mem_is(q + 64, 0, 1000 - 64));
	kfree(q);

	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/* ---- kfree_sensitive -------------------------------------------------------------------- */

#define SECRET	0xc5

static void ctor_nothing(void *p)
{
}

/*
 * kfree_sensitive() zeroes all of ksize() before freeing.  What can a
 * test see of memory it freed?
 *
 *  - a large kmalloc: the frames go back to the page allocator, which
 *    keeps its bookkeeping in struct page, not in the frames, so the
 *    bytes stay as kfree_sensitive() left them; they are read through
 *    the direct map (always mapped) before anything can reuse them;
 *  - an object of a cache with a constructor: never poisoned (that would
 *    destroy the constructed state), its free pointer outside the object,
 *    so the object comes back from the next allocation (last freed,
 *    first reused) exactly as the free left it;
 *  - a kmalloc object: with slab_debug poison the free fills it with
 *    0x6b anyway, without it the first 8 bytes hold the free pointer;
 *    either way no byte of the secret may be left.
 */
static void kfree_sensitive_zeroes(struct kunit *test)
{
	struct kmem_cache *s;
	u8 *p, *q;
	size_t size;

	/* large kmalloc */
	p = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	size = ksize(p);
	memset(p, SECRET, size);
	kfree_sensitive(p);
	KUNIT_EXPECT_TRUE_MSG(test, mem_is(p, 0, size),
			      "a large kmalloc kept its secret through kfree_sensitive()");

	/* a cache with a constructor: the reused object is all zeroes */
	s = kmem_cache_create("kmalloc_test-sensitive", 120, 0, 0, ctor_nothing);
	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, SECRET, 120);
	kfree_sensitive(p);
	kasan_quarantine_drain();	/* KASAN=1: the object comes back now */
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_TRUE_MSG(test, mem_is(q, 0, 120),
			      "the object kept its secret through kfree_sensitive()");
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);

	/* a kmalloc object: reused, it holds no byte of the secret */
	p = kmalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	size = ksize(p);
	memset(p, SECRET, size);
	kfree_sensitive(p);
	kasan_quarantine_drain();
	q = kmalloc(200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	if (q == p) {
		size_t i;

		for (i = sizeof(void *); i < size; i++)
			if (q[i] == SECRET)
				break;
		KUNIT_EXPECT_EQ_MSG(test, i, size, "secret byte at offset %zu", i);
	}
	kfree(q);
}

/* ---- copies ------------------------------------------------------------------------------ */

static void kstrdup_kmemdup(struct kunit *test)
{
	static const u8 bytes[100] = { 1, 2, 3, [50] = 50, [99] = 99 };
	char *s;
	u8 *m;

	s = kstrdup("teachkernel", GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "teachkernel");
	KUNIT_EXPECT_EQ(test, ksize(s), (size_t)16);
	kfree(s);

	s = kstrdup("", GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, s[0], '\0');
	kfree(s);

	s = kstrndup("teachkernel", 5, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "teach");
	kfree(s);
	s = kstrndup("ab", 10, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "ab");
	kfree(s);

	m = kmemdup(bytes, sizeof(bytes), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_PTR_NE(test, m, bytes);
	KUNIT_EXPECT_MEMEQ(test, m, bytes, sizeof(bytes));
	KUNIT_EXPECT_EQ(test, ksize(m), (size_t)128);
	kfree(m);

	m = kmemdup(bytes, 10, GFP_DMA);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_MEMEQ(test, m, bytes, 10);
	KUNIT_EXPECT_LT(test, virt_to_phys(m), 16ULL << 20);
	kfree(m);
}

/* ---- churn -------------------------------------------------------------------------------- */

#define CHURN_LIVE	512
#define CHURN_STEPS	4000

/*
 * The realistic mix of <kernel/kmalloc_mix.h> (the sizes the benchmarks
 * time), with up to CHURN_LIVE objects alive at once, freed in a
 * scrambled order: every object keeps its own pattern (no two overlap,
 * nothing writes into a live object), and everything goes back.
 */
static void churn_realistic_mix(struct kunit *test)
{
	static u8 *obj[CHURN_LIVE];
	static unsigned int len[CHURN_LIVE];
	unsigned long live = slab_objects_live();
	unsigned int state = KMALLOC_MIX_SEED, step, i;
	u64 seq = log_seq();

	memset(obj, 0, sizeof(obj));
	for (step = 0; step < CHURN_STEPS; step++) {
		i = kmalloc_mix_next(&state) % CHURN_LIVE;
		if (obj[i]) {
			KUNIT_EXPECT_TRUE_MSG(test, mem_is(obj[i], (u8)i, len[i]),
					      "object %u (%u bytes) was overwritten",
					      i, len[i]);
			kfree(obj[i]);
			obj[i] = NULL;
			continue;
		}
		len[i] = kmalloc_mix_draw(&state);
		obj[i] = kmalloc(len[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		KUNIT_EXPECT_GE(test, ksize(obj[i]), (size_t)len[i]);
		memset(obj[i], (u8)i, len[i]);
	}
	for (i = 0; i < CHURN_LIVE; i++) {
		if (!obj[i])
			continue;
		KUNIT_EXPECT_TRUE(test, mem_is(obj[i], (u8)i, len[i]));
		kfree(obj[i]);
	}
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
	expect_no_log(test, seq, "BUG ");
}

/* The mix itself: sizes 1..8192, mostly small, the same every time. */
static void mix_is_realistic(struct kunit *test)
{
	static unsigned short sizes[KMALLOC_MIX_LEN];
	static unsigned short again[KMALLOC_MIX_LEN];
	unsigned int i, small = 0, mid = 0, big = 0;

	kmalloc_mix_fill(sizes);
	kmalloc_mix_fill(again);
	KUNIT_EXPECT_MEMEQ(test, sizes, again, sizeof(sizes));
	for (i = 0; i < KMALLOC_MIX_LEN; i++) {
		KUNIT_EXPECT_GE(test, sizes[i], 1);
		KUNIT_EXPECT_LE(test, sizes[i], KMALLOC_MIX_MAX);
		if (sizes[i] <= 128)
			small++;
		else if (sizes[i] <= 1024)
			mid++;
		else
			big++;
	}
	/* 68%, 26% and 6% drawn: allow for the randomness */
	KUNIT_EXPECT_GT(test, small, KMALLOC_MIX_LEN * 60 / 100);
	KUNIT_EXPECT_GT(test, mid, KMALLOC_MIX_LEN * 18 / 100);
	KUNIT_EXPECT_LT(test, big, KMALLOC_MIX_LEN * 12 / 100);
	KUNIT_EXPECT_GT(test, big, 0U);
}

static struct kunit_case kmalloc_cases[] = {
	KUNIT_CASE(size_class_edges),
	KUNIT_CASE(size_classes_follow_kmalloc_info),
	KUNIT_CASE(roundup_every_size),
	KUNIT_CASE(every_small_size),
	KUNIT_CASE(zero_size_and_null),
	KUNIT_CASE(kzalloc_zeroes),
	KUNIT_CASE(arrays_and_overflow),
	KUNIT_CASE(large_kmalloc),
	KUNIT_CASE(too_large_fails),
	KUNIT_CASE(gfp_dma_below_16m),
	KUNIT_CASE(gfp_dma32_is_fixed_with_a_warning),
	KUNIT_CASE(krealloc_contract),
	KUNIT_CASE(kfree_sensitive_zeroes),
	KUNIT_CASE(kstrdup_kmemdup),
	KUNIT_CASE(churn_realistic_mix),
	KUNIT_CASE(mix_is_realistic),
	{}
};

static struct kunit_suite kmalloc_suite = {
	.name = "kmalloc",
	.test_cases = kmalloc_cases,
};
kunit_test_suite(kmalloc_suite);
