// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmarks of ordinary kernel code, no allocator: what every load and
 * store costs.  Beside make bench's allocator rows, they show what a
 * KASAN kernel (make KASAN=1, make bench-kasan) costs on code that is
 * not allocating: each access there is a call that reads the shadow
 * (outline instrumentation), each function with an array on its stack
 * writes red zones in its prologue and clears them on return.
 *
 * Suite "bench_code" (<kunit/bench.h>: make bench runs it).
 */
#include <kunit/bench.h>
#include <linux/errno.h>
#include <linux/slab.h>

#define SUM_WORDS	1024	/* 4 KiB of u32 */
#define SORT_LEN	64

static u32 *sum_buf;
static volatile u32 sink;
static const u8 sort_input[SORT_LEN] = {
	41, 3, 60, 17, 8, 55, 29, 1, 46, 12, 33, 63, 20, 5, 38, 50,
	27, 9, 58, 14, 44, 2, 31, 61, 19, 6, 52, 36, 23, 48, 11, 0,
	57, 26, 40, 15, 62, 7, 34, 49, 21, 59, 4, 30, 45, 13, 54, 24,
	37, 10, 51, 28, 43, 18, 56, 32, 47, 16, 39, 25, 53, 22, 35, 42,
};

/* A checksum of 4 KiB of kmalloc memory: 1024 loads. */
BENCH(code_sum4k)
{
	u32 s = 0;
	unsigned int i;

	for (i = 0; i < SUM_WORDS; i++)
		s += sum_buf[i] ^ i;
	sink = s;
}

/* An insertion sort of 64 bytes in a stack array: loads and stores. */
BENCH(code_sort64)
{
	u8 a[SORT_LEN];
	unsigned int i, j;

	for (i = 0; i < SORT_LEN; i++)
		a[i] = sort_input[i];
	for (i = 1; i < SORT_LEN; i++) {
		u8 v = a[i];

		for (j = i; j > 0 && a[j - 1] > v; j--)
			a[j] = a[j - 1];
		a[j] = v;
	}
	sink = a[0] + a[SORT_LEN - 1];
}

static int bench_code_init(struct kunit_suite *suite)
{
	unsigned int i;

	sum_buf = kmalloc(SUM_WORDS * sizeof(*sum_buf), GFP_KERNEL);
	if (!sum_buf)
		return -ENOMEM;
	for (i = 0; i < SUM_WORDS; i++)
		sum_buf[i] = i * 2654435761U;
	return 0;
}

static void bench_code_exit(struct kunit_suite *suite)
{
	kfree(sum_buf);
	sum_buf = NULL;
}

static struct kunit_case bench_code_cases[] = {
	KUNIT_CASE(code_sum4k),
	KUNIT_CASE(code_sort64),
	{}
};

static struct kunit_suite bench_code_suite = {
	.name = "bench_code",
	.suite_init = bench_code_init,
	.suite_exit = bench_code_exit,
	.test_cases = bench_code_cases,
};
kunit_test_suite(bench_code_suite);
