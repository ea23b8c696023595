// SPDX-License-Identifier: GPL-2.0
/*
 * Host benchmark of the allocators: instructions per operation, counted
 * by callgrind (make bench-host runs this under scripts/bench-host.py).
 *
 * Each row is one function bench_NAME(n) that does its operation n
 * times.  For every row the program runs it once to warm up (caches of
 * the allocator, per-CPU lists), then twice under counting, n = N and
 * n = 2N, each between CALLGRIND_ZERO_STATS and a CALLGRIND_DUMP_STATS_AT
 * named "bench NAME N".  The script takes (count(2N) - count(N)) / N:
 * the loop's own operations remain, everything paid once (the call, the
 * client requests) cancels out.  Rows run in the same process, glibc's
 * malloc beside the kernel's allocators, so they are directly comparable.
 *
 * To add a row: write a noinline bench_NAME(unsigned long n) below and
 * add BENCH_ROW(NAME) to rows[].  Keep the result of each allocation
 * visible to the compiler (keep()) so the loop is not optimized away.
 *
 * Run outside valgrind, the program runs the same rows and just says so
 * (a quick check that every row works).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <valgrind/callgrind.h>

#include "../host/host_support.h"
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include "../host/fake_ram.h"

/* glibc's, not renamed: <stdlib.h> itself cannot be included here. */
void *malloc(size_t size);
void free(void *ptr);

#define BENCH_N		20000UL
#define BENCH_WARMUP	1000UL

/* Make @p look used, so neither the allocation nor the loop can vanish. */
static inline void keep(const void *p)
{
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

static noinline void bench_page_order0_pair(unsigned long n)
{
	while (n--) {
		struct page *page = alloc_page(GFP_KERNEL);

		keep(page);
		__free_page(page);
	}
}

static noinline void bench_page_order3_pair(unsigned long n)
{
	while (n--) {
		struct page *page = alloc_pages(GFP_KERNEL, 3);

		keep(page);
		__free_pages(page, 3);
	}
}

static noinline void bench_glibc_malloc64_pair(unsigned long n)
{
	while (n--) {
		void *p = malloc(64);

		keep(p);
		free(p);
	}
}

struct bench_row {
	const char *name;
	void (*fn)(unsigned long n);
};

#define BENCH_ROW(name)	{ #name, bench_##name }

static const struct bench_row rows[] = {
	BENCH_ROW(page_order0_pair),
	BENCH_ROW(page_order3_pair),
	BENCH_ROW(glibc_malloc64_pair),
};

static void measure(const struct bench_row *row, unsigned long n)
{
	char label[96];

	snprintf(label, sizeof(label), "bench %s %lu", row->name, n);
	CALLGRIND_ZERO_STATS;
	row->fn(n);
	CALLGRIND_DUMP_STATS_AT(label);
}

int main(void)
{
	unsigned int i;

	host_test_init();
	fake_boot(&fake_map_pc);
	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		rows[i].fn(BENCH_WARMUP);
		measure(&rows[i], BENCH_N);
		measure(&rows[i], 2 * BENCH_N);
	}
	if (nr_free_pages() != totalram_pages()) {
		printk("host_bench: %lu frames free of %lu: a row leaks\n",
		       nr_free_pages(), totalram_pages());
		host_dump_printk_and_abort();
	}
	if (!RUNNING_ON_VALGRIND)
		host_print("host_bench: %u rows ran; counts need callgrind "
			   "(make bench-host)\n", (unsigned int)ARRAY_SIZE(rows));
	return 0;
}
