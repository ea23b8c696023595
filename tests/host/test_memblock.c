// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for mm/memblock.c: adding, reserving, merging and removing
 * ranges, the free-range walk, and allocation (top down, aligned,
 * limited) on crafted memory maps.  The allocating tests run on fake RAM
 * (fake_ram.c), so memblock_alloc()'s zeroing writes real memory and any
 * write outside RAM faults.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <linux/memblock.h>
#include <asm/page.h>
#include "fake_ram.h"

#define MB(x)	((phys_addr_t)(x) * SZ_1M)

static void expect_regions(const struct memblock_type *type,
			   const struct fake_range *want, unsigned int n)
{
	phys_addr_t total = 0;
	unsigned int i;

	assert_int_equal(type->cnt, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(type->regions[i].base, want[i].base);
		assert_int_equal(type->regions[i].size, want[i].size);
		total += want[i].size;
	}
	assert_int_equal(type->total_size, total);
}

/* Collect for_each_free_mem_range() into @out; return how many. */
static unsigned int free_ranges(struct fake_range *out, unsigned int max)
{
	phys_addr_t start, end;
	unsigned int n = 0;
	u64 i;

	for_each_free_mem_range(i, &start, &end) {
		assert_true(n < max);
		assert_true(start < end);
		out[n].base = start;
		out[n].size = end - start;
		n++;
	}
	return n;
}

static int reset(void **state)
{
	(void)state;
	fake_memblock_reset();
	host_printk_reset();
	return 0;
}

static void test_add_merges_touching_and_overlapping(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(0x3000, 0x1000), 0);
	assert_int_equal(memblock_add(0x1000, 0x1000), 0);
	expect_regions(&memblock.memory,
		       (struct fake_range[]){ { 0x1000, 0x1000 }, { 0x3000, 0x1000 } }, 2);
	/* fills the gap exactly: all three become one */
	assert_int_equal(memblock_add(0x2000, 0x1000), 0);
	expect_regions(&memblock.memory, (struct fake_range[]){ { 0x1000, 0x3000 } }, 1);
	/* inside: nothing changes; overlapping the end: extends */
	assert_int_equal(memblock_add(0x1800, 0x100), 0);
	assert_int_equal(memblock_add(0x3800, 0x1800), 0);
	expect_regions(&memblock.memory, (struct fake_range[]){ { 0x1000, 0x4000 } }, 1);
	/* covering several at once */
	assert_int_equal(memblock_add(0x10000, 0x1000), 0);
	assert_int_equal(memblock_add(0x20000, 0x1000), 0);
	assert_int_equal(memblock_add(0x800, 0x30000), 0);
	expect_regions(&memblock.memory, (struct fake_range[]){ { 0x800, 0x30000 } }, 1);
	/* size 0 is a no-op */
	assert_int_equal(memblock_add(0x100000, 0), 0);
	assert_int_equal(memblock.memory.cnt, 1);
}

static void test_add_keeps_order(void **state)
{
	(void)state;
	memblock_add(MB(64), MB(1));
	memblock_add(MB(1), MB(1));
	memblock_add(SZ_4G, MB(1));
	memblock_add(MB(16), MB(1));
	expect_regions(&memblock.memory,
		       (struct fake_range[]){ { MB(1), MB(1) }, { MB(16), MB(1) },
					      { MB(64), MB(1) }, { SZ_4G, MB(1) } }, 4);
	assert_int_equal(memblock_start_of_DRAM(), MB(1));
	assert_int_equal(memblock_end_of_DRAM(), SZ_4G + MB(1));
	assert_int_equal(memblock_phys_mem_size(), MB(4));
}

static void test_add_wrapping_range_is_clamped(void **state)
{
	(void)state;
	assert_int_equal(memblock_add(~(phys_addr_t)0 - 0xfff, 0x2000), 0);
	assert_int_equal(memblock.memory.cnt, 1);
	assert_int_equal(memblock.memory.regions[0].base, ~(phys_addr_t)0 - 0xfff);
	assert_int_equal(memblock.memory.regions[0].size, 0xfff);
}

static void test_region_array_full(void **state)
{
	unsigned int i;

	(void)state;
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		assert_int_equal(memblock_add(MB(2 * i), MB(1)), 0);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS);
	assert_int_equal(memblock_add(MB(2 * i), MB(1)), -ENOSPC);
	/* a range that merges with a neighbour still fits */
	assert_int_equal(memblock_add(MB(1), MB(1)), 0);
	assert_int_equal(memblock.memory.cnt, INIT_MEMBLOCK_REGIONS - 1);
}

static void test_reserve_and_queries(void **state)
{
	(void)state;
	memblock_add(0, MB(64));
	memblock_reserve(MB(1), MB(2));
	memblock_reserve(MB(3), 0x2000);	/* touches: merges */
	expect_regions(&memblock.reserved,
		       (struct fake_range[]){ { MB(1), MB(2) + 0x2000 } }, 1);
	assert_int_equal(memblock_reserved_size(), MB(2) + 0x2000);
	assert_false(memblock_is_reserved(MB(1) - 1));
	assert_true(memblock_is_reserved(MB(1)));
	assert_true(memblock_is_reserved(MB(3) + 0x1fff));
	assert_false(memblock_is_reserved(MB(3) + 0x2000));
	assert_true(memblock_is_memory(0));
	assert_true(memblock_is_memory(MB(64) - 1));
	assert_false(memblock_is_memory(MB(64)));
	/* reserving outside memory is allowed (firmware tables, say) */
	assert_int_equal(memblock_reserve(MB(100), MB(1)), 0);
	assert_true(memblock_is_reserved(MB(100)));
	assert_false(memblock_is_memory(MB(100)));
}

static void test_phys_free_splits_and_trims(void **state)
{
	(void)state;
	memblock_reserve(0x10000, 0x10000);
	memblock_phys_free(0x14000, 0x4000);	/* the middle: splits */
	expect_regions(&memblock.reserved,
		       (struct fake_range[]){ { 0x10000, 0x4000 }, { 0x18000, 0x8000 } }, 2);
	memblock_phys_free(0xf000, 0x2000);	/* overlapping the start: trims */
	memblock_phys_free(0x1f000, 0x10000);	/* overlapping the end: trims */
	expect_regions(&memblock.reserved,
		       (struct fake_range[]){ { 0x11000, 0x3000 }, { 0x18000, 0x7000 } }, 2);
	memblock_phys_free(0, 0x100000);	/* all of it */
	expect_regions(&memblock.reserved, NULL, 0);
	assert_int_equal(memblock_phys_free(0x5000, 0x1000), 0);	/* nothing there */
}

/*
 * Freeing the middle of a reservation needs a second slot.  With the
 * array full, the free is refused with -ENOSPC and nothing is lost: the
 * old code removed the region, re-added the lower piece into the freed
 * slot, dropped the upper piece and returned 0.
 */
static void test_phys_free_split_in_full_array(void **state)
{
	unsigned int i;
	phys_addr_t total;

	(void)state;
	for (i = 0; i < INIT_MEMBLOCK_REGIONS; i++)
		assert_int_equal(memblock_reserve(MB(2 * i), MB(1)), 0);
	total = memblock_reserved_size();
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS);
	assert_int_equal(memblock_phys_free(MB(10) + 0x1000, 0x1000), -ENOSPC);
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS);
	assert_int_equal(memblock_reserved_size(), total);
	assert_int_equal(memblock.reserved.regions[5].base, MB(10));
	assert_int_equal(memblock.reserved.regions[5].size, MB(1));
	assert_true(memblock_is_reserved(MB(11) - 1));
	/* trimming an end needs no slot: still allowed in a full array */
	assert_int_equal(memblock_phys_free(MB(10), 0x1000), 0);
	assert_int_equal(memblock.reserved.regions[5].base, MB(10) + 0x1000);
	assert_int_equal(memblock_reserved_size(), total - 0x1000);
	/* and now that a region is gone, the split fits */
	assert_int_equal(memblock_phys_free(MB(12), MB(1)), 0);
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS - 1);
	assert_int_equal(memblock_phys_free(MB(20) + 0x1000, 0x1000), 0);
	assert_int_equal(memblock.reserved.cnt, INIT_MEMBLOCK_REGIONS);
	assert_int_equal(memblock_reserved_size(), total - 0x2000 - MB(1));
	assert_false(memblock_is_reserved(MB(20) + 0x1000));
	assert_true(memblock_is_reserved(MB(20) + 0x2000));
	assert_true(memblock_is_reserved(MB(21) - 1));
}

static void test_free_ranges_on_a_pc_map(void **state)
{
	struct fake_range got[16];
	unsigned int n;

	(void)state;
	memblock_add(0, 0x9f000);
	memblock_add(MB(1), MB(63));
	memblock_add(MB(96), MB(64));
	memblock_add(SZ_4G, MB(128));
	memblock_reserve(0, MB(1));		/* covers the first range and the gap */
	memblock_reserve(MB(1), MB(2));		/* kernel */
	memblock_reserve(MB(3), 0x2000);	/* boot information */
	memblock_reserve(MB(60), MB(40));	/* across the hole 64M..96M */
	memblock_reserve(SZ_4G + MB(128) - 0x1000, 0x1000);	/* last page */
	n = free_ranges(got, ARRAY_SIZE(got));
	assert_int_equal(n, 3);
	assert_int_equal(got[0].base, MB(3) + 0x2000);
	assert_int_equal(got[0].size, MB(57) - 0x2000);
	assert_int_equal(got[1].base, MB(100));
	assert_int_equal(got[1].size, MB(60));
	assert_int_equal(got[2].base, SZ_4G);
	assert_int_equal(got[2].size, MB(128) - 0x1000);
}

static void test_free_ranges_edge_cases(void **state)
{
	struct fake_range got[8];

	(void)state;
	assert_int_equal(free_ranges(got, ARRAY_SIZE(got)), 0);	/* no memory */
	memblock_add(MB(1), MB(1));
	assert_int_equal(free_ranges(got, ARRAY_SIZE(got)), 1);
	assert_int_equal(got[0].base, MB(1));
	memblock_reserve(0, MB(4));		/* all of it */
	assert_int_equal(free_ranges(got, ARRAY_SIZE(got)), 0);
	memblock_phys_free(MB(1), 0x1000);	/* one page at the start */
	memblock_phys_free(MB(2) - 0x1000, 0x1000);	/* and one at the end */
	assert_int_equal(free_ranges(got, ARRAY_SIZE(got)), 2);
	assert_int_equal(got[0].base, MB(1));
	assert_int_equal(got[0].size, 0x1000);
	assert_int_equal(got[1].base, MB(2) - 0x1000);
	assert_int_equal(got[1].size, 0x1000);
}

/* ---- allocation, on fake RAM ---- */

static int setup_pc(void **state)
{
	(void)state;
	host_printk_reset();
	fake_ram_setup(&fake_map_pc);
	return 0;
}

static int teardown_ram(void **state)
{
	(void)state;
	fake_ram_teardown();
	return 0;
}

static void test_alloc_is_top_down(void **state)
{
	phys_addr_t top = SZ_4G + MB(128);
	phys_addr_t reserved = memblock_reserved_size();

	(void)state;
	assert_int_equal(memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE), top - PAGE_SIZE);
	assert_int_equal(memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE), top - 2 * PAGE_SIZE);
	assert_int_equal(memblock_reserved_size(), reserved + 2 * PAGE_SIZE);
	/* the two allocations merged into one reserved region */
	assert_true(memblock_is_reserved(top - 1));
	assert_int_equal(memblock.reserved.regions[memblock.reserved.cnt - 1].size,
			 2 * PAGE_SIZE);
}

static void test_alloc_alignment(void **state)
{
	phys_addr_t top = SZ_4G + MB(128), pa;

	(void)state;
	memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE);	/* top is no longer 2M-aligned free */
	pa = memblock_phys_alloc(PAGE_SIZE, SZ_2M);
	assert_int_equal(pa, top - SZ_2M);
	pa = memblock_phys_alloc(3 * PAGE_SIZE, SZ_1G);
	assert_int_equal(pa, SZ_4G);
	assert_int_equal(memblock_phys_alloc(PAGE_SIZE, 3 * PAGE_SIZE), 0);	/* not 2^n */
	assert_int_equal(memblock_phys_alloc(PAGE_SIZE, 0), 0);
	assert_int_equal(memblock_phys_alloc(0, PAGE_SIZE), 0);
}

static void test_alloc_range_and_limit(void **state)
{
	phys_addr_t pa;

	(void)state;
	pa = memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0, SZ_16M);
	assert_int_equal(pa, SZ_16M - PAGE_SIZE);
	/* 64M..96M is a hole: the highest fit below 80M ends at 64M */
	pa = memblock_phys_alloc_range(MB(1), PAGE_SIZE, 0, MB(80));
	assert_int_equal(pa, MB(63));
	/* the start bound: nothing free in [0, 3M + 8K) */
	assert_int_equal(memblock_phys_alloc_range(PAGE_SIZE, PAGE_SIZE, 0, MB(3)), 0);
	memblock_set_current_limit(MB(32));
	assert_int_equal(memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE), MB(32) - PAGE_SIZE);
	memblock_set_current_limit(MEMBLOCK_ALLOC_ANYWHERE);
	/* larger than any free range: fails, reserves nothing */
	pa = memblock_reserved_size();
	assert_int_equal(memblock_phys_alloc(MB(129), PAGE_SIZE), 0);
	assert_int_equal(memblock_reserved_size(), pa);
}

static void test_alloc_zeroes_through_the_direct_map(void **state)
{
	unsigned char *p, *top = __va(SZ_4G + MB(128) - 3 * PAGE_SIZE);
	size_t i;

	(void)state;
	memset(top, 0xaa, 3 * PAGE_SIZE);
	p = memblock_alloc(3 * PAGE_SIZE, PAGE_SIZE);
	assert_ptr_equal(p, top);
	assert_int_equal(__pa(p), SZ_4G + MB(128) - 3 * PAGE_SIZE);
	for (i = 0; i < 3 * PAGE_SIZE; i++)
		assert_int_equal(p[i], 0);
}

static void test_dump_all(void **state)
{
	const char *out;

	(void)state;
	memblock_dump_all();
	out = host_printk_text();
	assert_non_null(strstr(out, "MEMBLOCK configuration:\n"));
	assert_non_null(strstr(out, " memory.cnt  = 0x4\n"));
	assert_non_null(strstr(out, " reserved.cnt  = 0x1\n"));
	assert_non_null(strstr(out,
		" memory[0x3]\t[0x0000000100000000-0x0000000107ffffff], 0x0000000008000000 bytes\n"));
}

/* Last: memblock stays retired for the rest of the process, as in the kernel. */
static void test_retire_refuses_allocations(void **state)
{
	(void)state;
	assert_int_not_equal(memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE), 0);
	memblock_retire();
	host_printk_reset();
	assert_int_equal(memblock_phys_alloc(PAGE_SIZE, PAGE_SIZE), 0);
	assert_null(memblock_alloc(PAGE_SIZE, PAGE_SIZE));
	assert_non_null(strstr(host_printk_text(), "WARNING: CPU: 0 PID: 0 at "));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_add_merges_touching_and_overlapping, reset),
		cmocka_unit_test_setup(test_add_keeps_order, reset),
		cmocka_unit_test_setup(test_add_wrapping_range_is_clamped, reset),
		cmocka_unit_test_setup(test_region_array_full, reset),
		cmocka_unit_test_setup(test_reserve_and_queries, reset),
		cmocka_unit_test_setup(test_phys_free_splits_and_trims, reset),
		cmocka_unit_test_setup(test_phys_free_split_in_full_array, reset),
		cmocka_unit_test_setup(test_free_ranges_on_a_pc_map, reset),
		cmocka_unit_test_setup(test_free_ranges_edge_cases, reset),
		cmocka_unit_test_setup_teardown(test_alloc_is_top_down, setup_pc, teardown_ram),
		cmocka_unit_test_setup_teardown(test_alloc_alignment, setup_pc, teardown_ram),
		cmocka_unit_test_setup_teardown(test_alloc_range_and_limit, setup_pc, teardown_ram),
		cmocka_unit_test_setup_teardown(test_alloc_zeroes_through_the_direct_map,
						setup_pc, teardown_ram),
		cmocka_unit_test_setup_teardown(test_dump_all, setup_pc, teardown_ram),
		cmocka_unit_test_setup_teardown(test_retire_refuses_allocations,
						setup_pc, teardown_ram),
	};

	host_test_init();
	return cmocka_run_group_tests_name("memblock", tests, NULL, NULL);
}
