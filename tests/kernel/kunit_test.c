// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the test runner itself (kernel/kunit/test.c): the leak check
 * that every case passes through, kunit_kzalloc(), and the glob filter.
 */
#include <kunit/test.h>
#include <linux/glob.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <kernel/kunit_leaks.h>
#include <kernel/log.h>
#include <kernel/slab_stats.h>

static noinline void *leaky_function(void)
{
	void *p = kmalloc(40, GFP_KERNEL);

	barrier();	/* no tail call: the call site must be in here */
	return p;
}

/* A fake case: the check marks it failed and names the allocation site. */
static void leak_check_finds_slab_objects(struct kunit *test)
{
	struct kunit fake = { .name = "fake", .status = KUNIT_SUCCESS };
	struct kunit_usage before;
	u64 seq;
	void *p;

	kunit_usage_now(&before);
	p = leaky_function();
	KUNIT_ASSERT_NOT_NULL(test, p);
	seq = log_seq();
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak check: 1 slab objects"), 0ULL);
	if (slab_debug_flags & SLAB_STORE_USER)
		KUNIT_EXPECT_NE(test, log_search(seq, "allocated in leaky_function+0x"), 0ULL);

	kfree(p);
	fake.status = KUNIT_SUCCESS;
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_SUCCESS);
}

static void leak_check_finds_pages(struct kunit *test)
{
	struct kunit fake = { .name = "fake", .status = KUNIT_SUCCESS };
	struct kunit_usage before;
	struct page *page;
	u64 seq;

	kunit_usage_now(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	seq = log_seq();
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak check: 4 pages"), 0ULL);

	__free_pages(page, 2);
	fake.status = KUNIT_SUCCESS;
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_SUCCESS);
}

static void leak_check_finds_vmalloc_areas(struct kunit *test)
{
	struct kunit fake = { .name = "fake", .status = KUNIT_SUCCESS };
	struct kunit_usage before;
	void *p;
	u64 seq;

	kunit_usage_now(&before);
	p = vmalloc(3 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	seq = log_seq();
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak check: 1 vmalloc areas"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak check: 3 pages"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak_check_finds_vmalloc_areas+0x"), 0ULL);

	vfree(p);
	fake.status = KUNIT_SUCCESS;
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_SUCCESS);
}

/* kunit_kzalloc() memory is zeroed and freed by the runner, not by us. */
static void kzalloc_is_zeroed_and_managed(struct kunit *test)
{
	unsigned char *p = kunit_kzalloc(test, 300, GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 300; i++)
		KUNIT_EXPECT_EQ(test, p[i], 0);
	KUNIT_EXPECT_NOT_NULL(test, kunit_kmalloc(test, 5000, GFP_KERNEL));
}

static void glob_matches_like_a_shell(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, glob_match("*", "anything"));
	KUNIT_EXPECT_TRUE(test, glob_match("slab*", "slab_debug"));
	KUNIT_EXPECT_TRUE(test, glob_match("k?alloc", "kmalloc"));
	KUNIT_EXPECT_TRUE(test, glob_match("*_test*end", "a_test_x_end"));
	KUNIT_EXPECT_FALSE(test, glob_match("slab", "slab_debug"));
	KUNIT_EXPECT_FALSE(test, glob_match("?", ""));
	KUNIT_EXPECT_TRUE(test, glob_match("", ""));
}

static struct kunit_case kunit_cases[] = {
	KUNIT_CASE(leak_check_finds_slab_objects),
	KUNIT_CASE(leak_check_finds_pages),
	KUNIT_CASE(leak_check_finds_vmalloc_areas),
	KUNIT_CASE(kzalloc_is_zeroed_and_managed),
	KUNIT_CASE(glob_matches_like_a_shell),
	{}
};

static struct kunit_suite kunit_suite = {
	.name = "kunit",
	.test_cases = kunit_cases,
};
kunit_test_suite(kunit_suite);
