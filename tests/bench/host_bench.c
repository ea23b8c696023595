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
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <kernel/kmalloc_mix.h>
#include <kernel/page_alloc.h>
#include <kernel/pgtable.h>
#include <kernel/slab_stats.h>
#include <kernel/vmalloc_stats.h>
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

static noinline void bench_kmalloc64_pair(unsigned long n)
{
	while (n--) {
		void *p = kmalloc(64, GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

static noinline void bench_kmalloc256_pair(unsigned long n)
{
	while (n--) {
		void *p = kmalloc(256, GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

/* The sizes of <kernel/kmalloc_mix.h>, walked cyclically. */
static unsigned short mix_sizes[KMALLOC_MIX_LEN];

static noinline void bench_kmalloc_mixed_pair(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		void *p = kmalloc(mix_sizes[i % KMALLOC_MIX_LEN], GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

static struct kmem_cache *cache64;

static noinline void bench_kmem_cache64_pair(unsigned long n)
{
	while (n--) {
		void *p = kmem_cache_alloc(cache64, GFP_KERNEL);

		keep(p);
		kmem_cache_free(cache64, p);
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

/*
 * vmalloc with other areas live: @nr one-page areas side by side (the
 * rows of the issue: the busy tree holds @nr areas), or, for the
 * "fragmented" row, each followed by a freed one, so that the free tree
 * also holds @nr two-page holes (too small for the 16 KiB area: the
 * search must descend past them).  Set up before the row runs, torn down
 * after.
 */
#define VMALLOC_MANY	15000

static void *vm_others[VMALLOC_MANY];
static void *vm_holes[VMALLOC_MANY];
static unsigned int vm_nr_others;

static void vmalloc_others(unsigned int nr, bool holes)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		vm_others[i] = vmalloc(PAGE_SIZE);
		vm_holes[i] = holes ? vmalloc(PAGE_SIZE) : NULL;
		if (!vm_others[i] || (holes && !vm_holes[i])) {
			printk("host_bench: vmalloc of area %u failed\n", i);
			host_dump_printk_and_abort();
		}
	}
	for (i = 0; i < nr; i++)
		vfree(vm_holes[i]);
	purge_vmap_area_lazy();
	vm_nr_others = nr;
}

static void vmalloc_others_free(void)
{
	while (vm_nr_others)
		vfree(vm_others[--vm_nr_others]);
	purge_vmap_area_lazy();
}

static void setup_10areas(void)
{
	vmalloc_others(10, false);
}

static void setup_15000areas(void)
{
	vmalloc_others(VMALLOC_MANY, false);
}

static void setup_15000areas_fragmented(void)
{
	vmalloc_others(VMALLOC_MANY, true);
}

static noinline void bench_vmalloc16k_pair(unsigned long n)
{
	while (n--) {
		void *p = vmalloc(16 * 1024);

		keep(p);
		vfree(p);
	}
}

static noinline void bench_vmalloc16k_pair_10areas(unsigned long n)
{
	bench_vmalloc16k_pair(n);
}

static noinline void bench_vmalloc16k_pair_15000areas(unsigned long n)
{
	bench_vmalloc16k_pair(n);
}

static noinline void bench_vmalloc16k_pair_15000areas_fragmented(unsigned long n)
{
	bench_vmalloc16k_pair(n);
}

/*
 * kvmalloc's usual case: 64 KiB is above a page, so kmalloc is tried
 * first without retrying (an order-4 block); vmalloc only if that fails.
 */
static noinline void bench_kvmalloc64k_pair(unsigned long n)
{
	while (n--) {
		void *p = kvmalloc(64 * 1024, GFP_KERNEL);

		keep(p);
		kvfree(p);
	}
}

struct bench_row {
	const char *name;
	void (*fn)(unsigned long n);
	void (*setup)(void);		/* before the row (optional) */
	void (*teardown)(void);		/* after it */
};

#define BENCH_ROW(name)	{ #name, bench_##name, NULL, NULL }
#define BENCH_ROW_WITH(name, setup, teardown) \
	{ #name, bench_##name, setup, teardown }

static const struct bench_row rows[] = {
	BENCH_ROW(page_order0_pair),
	BENCH_ROW(page_order3_pair),
	BENCH_ROW(kmalloc64_pair),
	BENCH_ROW(kmalloc256_pair),
	BENCH_ROW(kmalloc_mixed_pair),
	BENCH_ROW(kmem_cache64_pair),
	BENCH_ROW(glibc_malloc64_pair),
	BENCH_ROW_WITH(vmalloc16k_pair_10areas, setup_10areas, vmalloc_others_free),
	BENCH_ROW_WITH(vmalloc16k_pair_15000areas, setup_15000areas,
		       vmalloc_others_free),
	BENCH_ROW_WITH(vmalloc16k_pair_15000areas_fragmented,
		       setup_15000areas_fragmented, vmalloc_others_free),
	BENCH_ROW(kvmalloc64k_pair),
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
	unsigned long boot_free, boot_live, pgtables;
	unsigned int i;

	host_test_init();
	fake_boot(&fake_map_pc);
	kmem_cache_init();
	fake_boot_vmalloc();
	kmalloc_mix_fill(mix_sizes);
	cache64 = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	kmem_cache_shrink_all();
	boot_free = nr_free_pages();
	boot_live = slab_objects_live();
	pgtables = nr_pgtable_pages;
	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		if (rows[i].setup)
			rows[i].setup();
		rows[i].fn(BENCH_WARMUP);
		measure(&rows[i], BENCH_N);
		measure(&rows[i], 2 * BENCH_N);
		if (rows[i].teardown)
			rows[i].teardown();
	}
	purge_vmap_area_lazy();
	kmem_cache_shrink_all();
	/* page-table pages stay (mm/pgtable.c): not a leak */
	boot_free -= nr_pgtable_pages - pgtables;
	if (nr_free_pages() != boot_free || slab_objects_live() != boot_live) {
		printk("host_bench: %lu frames free, %lu after boot; %lu slab objects, %lu after boot: a row leaks\n",
		       nr_free_pages(), boot_free, slab_objects_live(), boot_live);
		host_dump_printk_and_abort();
	}
	if (!RUNNING_ON_VALGRIND)
		host_print("host_bench: %u rows ran; counts need callgrind "
			   "(make bench-host)\n", (unsigned int)ARRAY_SIZE(rows));
	return 0;
}
