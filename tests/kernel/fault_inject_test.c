// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for fault injection (kernel/fault-inject.c): the API a test uses
 * to make chosen allocations fail, so that the code handling NULL runs.
 *
 *	fault_attr_set(&failslab, interval, probability, space, times);
 *	...			// kmalloc() and kmem_cache_alloc() now fail
 *	fault_attr_clear(&failslab);
 *
 * failslab covers the slab allocator (kmalloc of up to 8 KiB and
 * kmem_cache_alloc), fail_page_alloc the page allocator (alloc_pages,
 * kmalloc of more than 8 KiB, the frames of vmalloc).  The boot
 * parameters failslab= and fail_page_alloc= set the same attributes.
 * __GFP_NOFAIL allocations are never failed.
 *
 * Every case ends with both attributes cleared (the suite's exit), so
 * one failing case cannot make the next ones fail.
 */
#include <kunit/test.h>
#include <linux/kasan.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <kernel/log.h>

#define SMALL	64

static void fault_inject_clear_all(void)
{
	failslab.verbose = false;
	fail_page_alloc.verbose = false;
	fault_attr_clear(&failslab);
	fault_attr_clear(&fail_page_alloc);
}

static void fault_inject_exit(struct kunit *test)
{
	fault_inject_clear_all();
}

static void fault_inject_suite_exit(struct kunit_suite *suite)
{
	fault_inject_clear_all();
}

/* kmalloc(SMALL) @n times; returns how many failed (and frees the rest). */
static unsigned int kmalloc_failures(unsigned int n, bool *pattern)
{
	unsigned int i, failed = 0;

	for (i = 0; i < n; i++) {
		void *p = kmalloc(SMALL, GFP_KERNEL);

		if (pattern)
			pattern[i] = !p;
		failed += !p;
		kfree(p);
	}
	return failed;
}

/* Nothing set: nothing fails, and the fast paths are not even asked. */
static void nothing_injected_by_default(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, fault_injection_active, 0);
	KUNIT_EXPECT_EQ(test, kmalloc_failures(100, NULL), 0U);
}

/* times: that many failures, then the attribute switches itself off. */
static void failslab_times(struct kunit *test)
{
	fault_attr_set(&failslab, 1, 100, 0, 2);
	KUNIT_EXPECT_NE(test, fault_injection_active, 0);
	KUNIT_EXPECT_EQ(test, kmalloc_failures(5, NULL), 2U);
	KUNIT_EXPECT_EQ(test, failslab.injected, 2UL);
	KUNIT_EXPECT_EQ(test, fault_injection_active, 0);
}

/* interval 3: every third eligible call fails. */
static void failslab_interval(struct kunit *test)
{
	bool failed[9];
	unsigned int i;

	fault_attr_set(&failslab, 3, 100, 0, -1);
	KUNIT_EXPECT_EQ(test, kmalloc_failures(9, failed), 3U);
	for (i = 0; i < 9; i++)
		KUNIT_EXPECT_EQ_MSG(test, failed[i], i % 3 == 2, "call %u", i + 1);
}

/* space: the first bytes asked for succeed; failures start once they are used up. */
static void failslab_space(struct kunit *test)
{
	bool failed[6];

	fault_attr_set(&failslab, 1, 100, 3 * SMALL + 8, -1);
	KUNIT_EXPECT_EQ(test, kmalloc_failures(6, failed), 3U);
	KUNIT_EXPECT_FALSE(test, failed[0] || failed[1] || failed[2]);
	KUNIT_EXPECT_TRUE(test, failed[3] && failed[4] && failed[5]);
}

/* probability: about that percentage of the calls fail; 0 fails none. */
static void failslab_probability(struct kunit *test)
{
	unsigned int failed;

	fault_attr_set(&failslab, 1, 50, 0, -1);
	failed = kmalloc_failures(1000, NULL);
	kunit_info(test, "probability 50: %u of 1000 calls failed", failed);
	KUNIT_EXPECT_GT(test, failed, 350U);
	KUNIT_EXPECT_LT(test, failed, 650U);
	KUNIT_EXPECT_EQ(test, failslab.injected, (unsigned long)failed);

	fault_attr_set(&failslab, 1, 0, 0, -1);
	KUNIT_EXPECT_EQ(test, kmalloc_failures(200, NULL), 0U);
}

/* failslab covers kmem_cache_alloc and kmem_cache_zalloc. */
static void failslab_covers_kmem_cache_alloc(struct kunit *test)
{
	struct kmem_cache *cache;
	void *a, *b, *c;

	cache = kmem_cache_create("fault_inject_test", 200, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, cache);
	fault_attr_set(&failslab, 1, 100, 0, 2);
	a = kmem_cache_alloc(cache, GFP_KERNEL);
	b = kmem_cache_zalloc(cache, GFP_KERNEL);
	c = kmem_cache_alloc(cache, GFP_KERNEL);
	KUNIT_EXPECT_NULL(test, a);
	KUNIT_EXPECT_NULL(test, b);
	KUNIT_EXPECT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, failslab.injected, 2UL);
	if (c)
		kmem_cache_free(cache, c);
	kmem_cache_destroy(cache);
}

/* GFP_ATOMIC is no exception: injection works in any context. */
static void failslab_fails_gfp_atomic(struct kunit *test)
{
	void *p;

	fault_attr_set(&failslab, 1, 100, 0, 1);
	p = kmalloc(SMALL, GFP_ATOMIC);
	KUNIT_EXPECT_NULL(test, p);
	kfree(p);
}

/* fail_page_alloc covers alloc_pages and its wrappers, and large kmalloc. */
static void fail_page_alloc_covers_the_page_allocator(struct kunit *test)
{
	struct page *page;
	unsigned long addr;
	void *p;

	fault_attr_set(&fail_page_alloc, 1, 100, 0, 3);
	page = alloc_pages(GFP_KERNEL, 2);
	KUNIT_EXPECT_NULL(test, page);
	addr = __get_free_page(GFP_KERNEL);
	KUNIT_EXPECT_EQ(test, addr, 0UL);
	p = kmalloc(16 * 1024, GFP_KERNEL);	/* > 8 KiB: the page allocator's */
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, fail_page_alloc.injected, 3UL);

	/* times used up: back to normal */
	page = alloc_pages(GFP_KERNEL, 2);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_pages(page, 2);
	kfree(p);
	free_page(addr);
}

/* The two attributes are independent. */
static void attributes_are_independent(struct kunit *test)
{
	unsigned long injected;
	struct page *page;
	void *p;

	/* fault_attr_clear() keeps the counters: compare with what they were */
	injected = fail_page_alloc.injected;
	fault_attr_set(&failslab, 1, 100, 0, -1);
	page = alloc_page(GFP_KERNEL);
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_page(page);
	KUNIT_EXPECT_EQ(test, fail_page_alloc.injected, injected);
	fault_attr_clear(&failslab);

	p = kmalloc(SMALL, GFP_KERNEL);		/* make sure its slab has room... */
	kfree(p);
	injected = failslab.injected;
	fault_attr_set(&fail_page_alloc, 1, 100, 0, -1);
	p = kmalloc(SMALL, GFP_KERNEL);		/* ...so that no new frame is needed */
	KUNIT_EXPECT_NOT_NULL(test, p);
	kfree(p);
	KUNIT_EXPECT_EQ(test, failslab.injected, injected);
}

/*
 * vmalloc fails when one of its frames cannot be had, and gives back the
 * frames it already had and its area (the runner's leak check would see
 * them).  With space = 3 pages + 1, the first three frames succeed.
 */
static void fail_page_alloc_fails_vmalloc(struct kunit *test)
{
	u64 seq = log_seq();
	void *p;

	/*
	 * KASAN=1: kmalloc() never reuses a freed object at once (its
	 * quarantine), so its caches run out of free slots sooner: make sure
	 * the 4-pointer page array finds one without a new slab page.
	 */
	if (IS_ENABLED(CONFIG_KASAN)) {
		kfree(kmalloc(4 * sizeof(void *), GFP_KERNEL));
		kasan_quarantine_drain();
	}
	fault_attr_set(&fail_page_alloc, 1, 100, 0, 1);
	p = vmalloc(4 * PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, fail_page_alloc.injected, 1UL);
	KUNIT_EXPECT_NE(test, log_search(seq, "vmalloc error: size 16384, failed to allocate pages"), 0ULL);
	vfree(p);

	fault_attr_set(&fail_page_alloc, 1, 100, 3 * PAGE_SIZE + 1, 1);
	p = __vmalloc(8 * PAGE_SIZE, GFP_KERNEL | __GFP_NOWARN);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, fail_page_alloc.injected, 1UL);
	vfree(p);

	fault_attr_clear(&fail_page_alloc);
	p = vmalloc(8 * PAGE_SIZE);
	KUNIT_EXPECT_NOT_NULL(test, p);
	vfree(p);
}

/* vmalloc's own bookkeeping comes from the slab allocator: failslab fails it too. */
static void failslab_fails_vmalloc_metadata(struct kunit *test)
{
	void *p;

	fault_attr_set(&failslab, 1, 100, 0, 1);
	p = __vmalloc(4 * PAGE_SIZE, GFP_KERNEL | __GFP_NOWARN);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, failslab.injected, 1UL);
	vfree(p);
}

/* __GFP_NOFAIL is exempt from both, and does not use up "times". */
static void nofail_is_exempt(struct kunit *test)
{
	struct kmem_cache *cache;
	struct page *page;
	void *p, *q, *v;

	cache = kmem_cache_create("fault_inject_nofail", 96, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, cache);
	fault_attr_set(&failslab, 1, 100, 0, -1);
	fault_attr_set(&fail_page_alloc, 1, 100, 0, -1);

	p = kmalloc(SMALL, GFP_KERNEL | __GFP_NOFAIL);
	q = kmem_cache_alloc(cache, GFP_KERNEL | __GFP_NOFAIL);
	page = alloc_pages(GFP_KERNEL | __GFP_NOFAIL, 1);
	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_NOT_NULL(test, q);
	KUNIT_EXPECT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, failslab.injected + fail_page_alloc.injected, 0UL);

	/* the same calls without the flag fail */
	v = kmalloc(SMALL, GFP_KERNEL);
	KUNIT_EXPECT_NULL(test, v);
	kfree(v);
	KUNIT_EXPECT_NULL(test, alloc_pages(GFP_KERNEL, 1));

	fault_inject_clear_all();
	kfree(p);
	if (q)
		kmem_cache_free(cache, q);
	if (page)
		__free_pages(page, 1);
	kmem_cache_destroy(cache);
}

/* verbose (what the boot parameters set): each failure is announced. */
static void verbose_prints_each_failure(struct kunit *test)
{
	u64 seq = log_seq();
	void *p;

	fault_attr_set(&failslab, 1, 100, 0, 1);
	failslab.verbose = true;
	p = kmalloc(SMALL, GFP_KERNEL);
	KUNIT_EXPECT_NULL(test, p);
	kfree(p);
	KUNIT_EXPECT_NE(test, log_search(seq, "FAULT_INJECTION: forcing a failure."), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "name failslab, interval 1, probability 100"), 0ULL);
}

#define RACE_CALLS	20000	/* should_fail() calls by each CPU */

struct fail_race {
	struct fault_attr attr;
	unsigned long failed[NR_CPUS];	/* each CPU's "true" answers */
	unsigned int arrived;		/* a start line: all CPUs at once */
};

static void fail_race_cpu(void *info)
{
	struct fail_race *r = info;
	unsigned int cpu = raw_smp_processor_id(), i;
	u64 end = local_clock() + 2000000000ULL;

	__atomic_add_fetch(&r->arrived, 1, __ATOMIC_RELAXED);
	while (READ_ONCE(r->arrived) < num_online_cpus() && local_clock() < end)
		cpu_relax();
	for (i = 0; i < RACE_CALLS; i++)
		if (should_fail(&r->attr, SMALL))
			r->failed[cpu]++;
}

/*
 * Every CPU asks at once (on_each_cpu(), from a common start), with a
 * limit of half the calls: exactly that many fail, the count says so and
 * the limit ends at 0.  With plain decrements and increments the CPUs
 * overran the limit (46,782 failures for a limit of 40,000: two CPUs took
 * the last one and the count went below 0, "no limit") and lost each
 * other's counts (the stress suite on 4 CPUs: 3,217 failures, 3,215
 * counted).
 */
static void counts_hold_on_every_cpu(struct kunit *test)
{
	struct fail_race *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	unsigned long limit = RACE_CALLS * num_online_cpus() / 2, total = 0;
	unsigned int cpu;

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->attr.name = "fail_race";
	fault_attr_set(&r->attr, 1, 100, 0, limit);
	on_each_cpu(fail_race_cpu, r, 1);
	for_each_online_cpu(cpu)
		total += r->failed[cpu];
	kunit_info(test, "%u CPUs, %u calls each: %lu failed, %lu counted, limit %lu",
		   num_online_cpus(), RACE_CALLS, total, r->attr.injected, limit);
	KUNIT_EXPECT_EQ(test, total, limit);
	KUNIT_EXPECT_EQ(test, r->attr.injected, limit);
	KUNIT_EXPECT_EQ(test, r->attr.times, 0L);
}

static struct kunit_case fault_inject_cases[] = {
	KUNIT_CASE(nothing_injected_by_default),
	KUNIT_CASE(failslab_times),
	KUNIT_CASE(failslab_interval),
	KUNIT_CASE(failslab_space),
	KUNIT_CASE(failslab_probability),
	KUNIT_CASE(failslab_covers_kmem_cache_alloc),
	KUNIT_CASE(failslab_fails_gfp_atomic),
	KUNIT_CASE(fail_page_alloc_covers_the_page_allocator),
	KUNIT_CASE(attributes_are_independent),
	KUNIT_CASE(fail_page_alloc_fails_vmalloc),
	KUNIT_CASE(failslab_fails_vmalloc_metadata),
	KUNIT_CASE(nofail_is_exempt),
	KUNIT_CASE(verbose_prints_each_failure),
	KUNIT_CASE(counts_hold_on_every_cpu),
	{}
};

static struct kunit_suite fault_inject_suite = {
	.name = "fault_inject",
	.exit = fault_inject_exit,
	.suite_exit = fault_inject_suite_exit,
	.test_cases = fault_inject_cases,
};
kunit_test_suite(fault_inject_suite);
