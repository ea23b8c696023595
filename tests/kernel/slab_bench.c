// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the slab allocator (mm/slub.c, mm/slab_common.c), run by
 * `make bench` without slab debugging, not by `make test` (see
 * <kunit/bench.h>).  Each row is an allocation and its free:
 *
 *   kmalloc64_pair      kmalloc(64) + kfree(): the size-class lookup and
 *                       the cpu-freelist fast paths
 *   kmalloc256_pair     the same from kmalloc-256 (size found by fls())
 *   kmalloc_mixed_pair  sizes of the realistic mix of <kernel/kmalloc_mix.h>
 *                       in its fixed order (the host benchmark times the
 *                       same sequence), 8 bytes to 8 KiB, every class
 *   kmem_cache64_pair   kmem_cache_alloc() + kmem_cache_free() of a
 *                       64-byte cache: no size lookup at all
 *
 * A pair that frees what it just took hits the fast paths every time;
 * that is the point: these rows are the cost of the common case.
 */
#include <kunit/bench.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <kernel/kmalloc_mix.h>

static unsigned short mix_sizes[KMALLOC_MIX_LEN];
static unsigned int mix_next;
static struct kmem_cache *bench_cache64;

BENCH(kmalloc64_pair)
{
	kfree(kmalloc(64, GFP_KERNEL));
}

BENCH(kmalloc256_pair)
{
	kfree(kmalloc(256, GFP_KERNEL));
}

BENCH(kmalloc_mixed_pair)
{
	size_t size = mix_sizes[mix_next++ & (KMALLOC_MIX_LEN - 1)];

	kfree(kmalloc(size, GFP_KERNEL));
}

BENCH(kmem_cache64_pair)
{
	kmem_cache_free(bench_cache64, kmem_cache_alloc(bench_cache64, GFP_KERNEL));
}

static int bench_slab_init(struct kunit_suite *suite)
{
	kmalloc_mix_fill(mix_sizes);
	bench_cache64 = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	return bench_cache64 ? 0 : -ENOMEM;
}

static void bench_slab_exit(struct kunit_suite *suite)
{
	kmem_cache_destroy(bench_cache64);
	bench_cache64 = NULL;
}

static struct kunit_case bench_slab_cases[] = {
	KUNIT_CASE(kmalloc64_pair),
	KUNIT_CASE(kmalloc256_pair),
	KUNIT_CASE(kmalloc_mixed_pair),
	KUNIT_CASE(kmem_cache64_pair),
	{}
};

static struct kunit_suite bench_slab_suite = {
	.name = "bench_slab",
	.suite_init = bench_slab_init,
	.suite_exit = bench_slab_exit,
	.test_cases = bench_slab_cases,
};
kunit_test_suite(bench_slab_suite);
