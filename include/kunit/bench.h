/* SPDX-License-Identifier: GPL-2.0 */
/*
 * In-kernel micro-benchmarks, run by `make bench`.
 *
 * A benchmark is a KUnit suite whose name starts with "bench" (so the
 * runner keeps it out of `make test`: such suites run only when the
 * ktest= glob itself starts with "bench").  Each case is one row of the
 * table: an operation, timed with the TSC over many repetitions, printed
 * as a KTAP diagnostic line that scripts/bench.py collects:
 *
 *	# bench page_order0_pair: 212 cycles/op
 *
 * Adding a row is one function and one KUNIT_CASE line:
 *
 *	BENCH(page_order0_pair)
 *	{
 *		__free_page(alloc_page(GFP_KERNEL));
 *	}
 *	...
 *		KUNIT_CASE(page_order0_pair),
 *
 * The operation must leave the system as it found it (allocate and free),
 * since it runs thousands of times.
 */
#ifndef _KUNIT_BENCH_H
#define _KUNIT_BENCH_H

#include <kunit/test.h>

/* Time @op, print "bench NAME: N cycles/op" (best of several rounds). */
void kunit_bench(struct kunit *test, const char *name, void (*op)(void));

#define BENCH(name)							\
	static void bench_op_##name(void);				\
	static void name(struct kunit *test)				\
	{								\
		kunit_bench(test, #name, bench_op_##name);		\
	}								\
	static void bench_op_##name(void)

#endif /* _KUNIT_BENCH_H */
