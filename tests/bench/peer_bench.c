// SPDX-License-Identifier: GPL-2.0
/*
 * The peers of the host benchmark: one user-space malloc measured with
 * the cases the kernel's allocator is measured with (host_bench.c), by
 * the same harness (callgrind, "bench NAME N" dumps, see host_bench.c).
 *
 * This file is ordinary host C (no kernel headers, no renaming).  It is
 * built once per peer, each binary linked with one allocator only, so
 * that no two of them interpose on each other's malloc:
 *
 *	peer_glibc	glibc's malloc (nothing linked)
 *	peer_jemalloc	-ljemalloc
 *	peer_mimalloc	-lmimalloc
 *	peer_tcmalloc	-ltcmalloc_minimal
 *
 * PEER_NAME (set by tests/host/host.mk) prefixes the rows: PEER_64_pair,
 * PEER_64var_pair, PEER_mix_pair, PEER_4k_pair, PEER_64_batch100.  The
 * calls go through the GOT without a PLT stub (-fno-plt), so a call to a
 * shared library's malloc costs the one instruction a call to the
 * kernel's statically linked kmalloc costs.
 *
 * Before the rows, the program allocates one object of each size of the
 * mix, one of 64 bytes and one of 4 KiB, and keeps them (ballast, as host_bench.c does for kmalloc): a
 * real program always has live objects beside the ones it churns, and
 * without them an allocator that gives back or retires a page when its
 * last object is freed (mimalloc) would pay that on every pair.
 */
#include <stdio.h>
#include <stdlib.h>
#include <valgrind/callgrind.h>

#include "../../include/kernel/kmalloc_mix.h"

#ifndef PEER_NAME
#define PEER_NAME	"glibc"
#endif

#define BENCH_N		20000UL
#define BENCH_WARMUP	1000UL
#define BATCH		100

/* Make @p look used, so neither the allocation nor the loop can vanish. */
static inline void keep(const void *p)
{
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

/* @size, hidden from the compiler: it cannot fold it into the call. */
static inline size_t opaque(size_t size)
{
	__asm__ ("" : "+r"(size));
	return size;
}

static unsigned short mix_sizes[KMALLOC_MIX_LEN];
static void *ballast[KMALLOC_MIX_LEN + 2];
static void *batch[BATCH];

static __attribute__((noinline)) void bench_64_pair(unsigned long n)
{
	while (n--) {
		void *p = malloc(64);

		keep(p);
		free(p);
	}
}

static __attribute__((noinline)) void bench_64var_pair(unsigned long n)
{
	size_t size = opaque(64);

	while (n--) {
		void *p = malloc(size);

		keep(p);
		free(p);
	}
}

static __attribute__((noinline)) void bench_mix_pair(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		void *p = malloc(mix_sizes[i % KMALLOC_MIX_LEN]);

		keep(p);
		free(p);
	}
}

static __attribute__((noinline)) void bench_4k_pair(unsigned long n)
{
	while (n--) {
		void *p = malloc(4096);

		keep(p);
		free(p);
	}
}

/* n pairs: n / BATCH rounds of BATCH allocations, then their frees. */
static __attribute__((noinline)) void bench_64_batch100(unsigned long n)
{
	unsigned long rounds = n / BATCH;
	unsigned int i;

	while (rounds--) {
		for (i = 0; i < BATCH; i++) {
			batch[i] = malloc(64);
			keep(batch[i]);
		}
		for (i = 0; i < BATCH; i++)
			free(batch[i]);
	}
}

struct bench_row {
	const char *name;
	void (*fn)(unsigned long n);
};

static const struct bench_row rows[] = {
	{ "64_pair", bench_64_pair },
	{ "64var_pair", bench_64var_pair },
	{ "mix_pair", bench_mix_pair },
	{ "4k_pair", bench_4k_pair },
	{ "64_batch100", bench_64_batch100 },
};

static void measure(const struct bench_row *row, unsigned long n)
{
	char label[96];

	snprintf(label, sizeof(label), "bench %s_%s %lu", PEER_NAME, row->name, n);
	CALLGRIND_ZERO_STATS;
	row->fn(n);
	CALLGRIND_DUMP_STATS_AT(label);
}

int main(void)
{
	unsigned int i;

	kmalloc_mix_fill(mix_sizes);
	for (i = 0; i < KMALLOC_MIX_LEN + 2; i++) {
		/* the mix, and one of each fixed size of the rows */
		ballast[i] = malloc(i < KMALLOC_MIX_LEN ? mix_sizes[i] :
				    i == KMALLOC_MIX_LEN ? 64 : 4096);
		if (!ballast[i]) {
			fprintf(stderr, "peer_bench %s: out of memory\n", PEER_NAME);
			return 1;
		}
	}
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		rows[i].fn(BENCH_WARMUP);
		measure(&rows[i], BENCH_N);
		measure(&rows[i], 2 * BENCH_N);
	}
	for (i = 0; i < KMALLOC_MIX_LEN + 2; i++)
		free(ballast[i]);
	if (!RUNNING_ON_VALGRIND)
		printf("peer_bench %s: %zu rows ran; counts need callgrind "
		       "(make bench-host)\n", PEER_NAME,
		       sizeof(rows) / sizeof(rows[0]));
	return 0;
}
