// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of vmalloc (mm/vmalloc.c) and kvmalloc (mm/util.c), run by
 * `make bench`, not by `make test` (see <kunit/bench.h>).
 *
 *   vmalloc16k_pair_10areas     vmalloc(16 KiB) + vfree() with 10 other
 *                               areas live
 *   vmalloc16k_pair_15000areas  the same with 15000 other areas live (Linux's
 *                               "long busy list"): the trees keep it
 *                               O(log n), so it must cost at most 1.5 times
 *                               the row above
 *   kvmalloc64k_pair            kvmalloc(64 KiB) + kvfree(): a large kmalloc
 *                               (order 4) when memory is not fragmented
 *
 * A pair maps four frames and, after the vfree, leaves its address range
 * on the lazy list; every 256th vfree purges the list, so that cost is
 * spread over the pairs as it is in use.
 */
#include <kunit/bench.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include "vmalloc_kunit.h"

static struct vmalloc_filler bench_filler;

static void bench_op_vmalloc16k_pair(void)
{
	vfree(vmalloc(16 * 1024));
}

/* One row: the pair, timed with @others areas live besides. */
static void vmalloc16k_pair_among(struct kunit *test, const char *name,
				  unsigned long others)
{
	unsigned long n = filler_fill(&bench_filler, others);

	if (n < others) {
		KUNIT_FAIL(test, "only %lu of %lu areas", n, others);
		return;
	}
	purge_vmap_area_lazy();
	kunit_bench(test, name, bench_op_vmalloc16k_pair);
	kunit_info(test, "%lu areas live (%s), busy tree height %d",
		   vmalloc_nr_areas(), bench_filler.vmapped ? "vmap" : "vmalloc",
		   vmalloc_busy_tree_height());
	filler_release(&bench_filler);
}

static void vmalloc16k_pair_10areas(struct kunit *test)
{
	vmalloc16k_pair_among(test, "vmalloc16k_pair_10areas", 10);
}

static void vmalloc16k_pair_15000areas(struct kunit *test)
{
	vmalloc16k_pair_among(test, "vmalloc16k_pair_15000areas", 15000);
}

BENCH(kvmalloc64k_pair)
{
	kvfree(kvmalloc(64 * 1024, GFP_KERNEL));
}

/* After a failed row, what it left live. */
static void bench_vmalloc_exit(struct kunit *test)
{
	filler_release(&bench_filler);
}

static struct kunit_case bench_vmalloc_cases[] = {
	KUNIT_CASE(vmalloc16k_pair_10areas),
	KUNIT_CASE(vmalloc16k_pair_15000areas),
	KUNIT_CASE(kvmalloc64k_pair),
	{}
};

static struct kunit_suite bench_vmalloc_suite = {
	.name = "bench_vmalloc",
	.exit = bench_vmalloc_exit,
	.test_cases = bench_vmalloc_cases,
};
kunit_test_suite(bench_vmalloc_suite);
