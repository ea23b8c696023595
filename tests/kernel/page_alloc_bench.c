// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of the buddy page allocator (mm/page_alloc.c), run by
 * `make bench`, not by `make test` (see <kunit/bench.h>).
 *
 *   page_order0_pair   alloc_page() + __free_page(): the per-CPU list path
 *   page_order3_pair   alloc_pages(3) + __free_pages(3): straight from and
 *                      back to the buddy free lists (split, merge)
 */
#include <kunit/bench.h>
#include <linux/gfp.h>

BENCH(page_order0_pair)
{
	__free_page(alloc_page(GFP_KERNEL));
}

BENCH(page_order3_pair)
{
	__free_pages(alloc_pages(GFP_KERNEL, 3), 3);
}

static struct kunit_case bench_page_alloc_cases[] = {
	KUNIT_CASE(page_order0_pair),
	KUNIT_CASE(page_order3_pair),
	{}
};

static struct kunit_suite bench_page_alloc_suite = {
	.name = "bench_page_alloc",
	.test_cases = bench_page_alloc_cases,
};
kunit_test_suite(bench_page_alloc_suite);
