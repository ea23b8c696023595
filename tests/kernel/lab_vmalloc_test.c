// SPDX-License-Identifier: GPL-2.0
/*
 * Grading suite of the vmalloc lab (labs/vmalloc): the page-table walk
 * (pgtable_lookup() and pgtable_virt_to_phys() in mm/pgtable.c) and the
 * merging of freed address ranges (free_range_merge() in mm/vmalloc.c).
 *
 * `make grade LAB=vmalloc` runs it; labs/vmalloc/lab.conf gives each case
 * its points.  Every case is leak-checked by the runner (slab objects,
 * pages and vmalloc areas).
 *
 * The free-range cases use an area aligned to 1 GiB: no hole left by
 * earlier areas can hold it, so it is cut out of the middle of the big
 * free range at the top of the region, leaving two ranges.  Once it is
 * freed (and the lazy list purged) the two must merge with it again:
 * the largest free range is then what it was before.
 */
#include <kunit/test.h>
#include <linux/fault-inject.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <kernel/pgtable.h>
#include <kernel/vmalloc_stats.h>

#define NR_TEST_PAGES	8

static const char *const level_name[] = {
	[PT_PTE] = "PTE", [PT_PMD] = "PMD", [PT_PUD] = "PUD", [PT_PGD] = "PGD",
};

static void vfree_action(void *v)
{
	vfree(v);
}

/* vfree @v when the case ends, even if an ASSERT ends it first. */
static void vfree_at_end(struct kunit *test, void *v)
{
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, vfree_action, v), 0);
}

/*
 * vmalloc @nr pages; the case ends if it fails.  The case vfrees them
 * with kunit_release_action(test, vfree_action, v), or the runner does.
 */
static u8 *vmalloc_pages(struct kunit *test, unsigned int nr)
{
	u8 *v = vmalloc(nr * PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, v);
	vfree_at_end(test, v);
	return v;
}

/*
 * A physical address where the direct map has a large page at any
 * memory size: 2 MiB-aligned, in the middle of RAM (which may end at
 * 16 MiB).
 */
static phys_addr_t mid_ram(void)
{
	return ((phys_addr_t)max_pfn << PAGE_SHIFT) / 2 & ~(phys_addr_t)(SZ_2M - 1);
}

/* Every page of a vmalloc area is found at PTE level, with its frame. */
static void walk_finds_each_vmalloc_pte(struct kunit *test)
{
	u8 *v = vmalloc_pages(test, NR_TEST_PAGES);
	struct vm_struct *vm = find_vm_area(v);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, vm);
	for (i = 0; i < NR_TEST_PAGES; i++) {
		unsigned long va = (unsigned long)v + i * PAGE_SIZE + 100;
		enum pt_level level = 0;
		u64 *entry = pgtable_lookup(init_pgd, va, &level);

		KUNIT_EXPECT_NOT_NULL_MSG(test, entry, "no entry for page %u", i);
		KUNIT_EXPECT_EQ_MSG(test, (int)level, (int)PT_PTE,
				    "page %u found at level %d", i, level);
		if (!entry)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, *entry & PTE_ADDR_MASK,
				    (u64)page_to_phys(vm->pages[i]),
				    "page %u: the entry's frame", i);
		KUNIT_EXPECT_TRUE(test, *entry & _PAGE_PRESENT);
		KUNIT_EXPECT_TRUE(test, *entry & _PAGE_RW);
	}
	kunit_release_action(test, vfree_action, v);
}

/*
 * The direct map uses 2 MiB and 1 GiB pages: the walk stops at the PMD
 * or PUD entry that has _PAGE_PSE.
 */
static void walk_stops_at_large_pages(struct kunit *test)
{
	unsigned long va = (unsigned long)__va(mid_ram()) + 12345;
	enum pt_level level = 0;
	u64 *entry = pgtable_lookup(init_pgd, va, &level);

	KUNIT_ASSERT_NOT_NULL_MSG(test, entry, "nothing maps the direct map at %#llx",
				  (u64)mid_ram());
	KUNIT_EXPECT_TRUE_MSG(test, level == PT_PMD || level == PT_PUD,
			      "a direct-map address found at level %d", level);
	KUNIT_EXPECT_TRUE_MSG(test, *entry & _PAGE_PSE,
			      "the %s entry has no _PAGE_PSE",
			      level <= PT_PGD ? level_name[level] : "?");
}

/*
 * Where nothing is mapped the walk returns NULL and says where it
 * stopped: the guard page after an area has a PTE table but no entry;
 * a user-space address has not even a PGD entry.
 */
static void walk_reports_holes(struct kunit *test)
{
	u8 *v = vmalloc_pages(test, 1);
	enum pt_level level = 0;

	KUNIT_EXPECT_NULL(test, pgtable_lookup(init_pgd, (unsigned long)v + PAGE_SIZE,
					       &level));
	KUNIT_EXPECT_EQ_MSG(test, (int)level, (int)PT_PTE,
			    "the walk of the guard page stopped at level %d", level);
	level = 0;
	KUNIT_EXPECT_NULL(test, pgtable_lookup(init_pgd, 0x100000000000UL, &level));
	KUNIT_EXPECT_EQ_MSG(test, (int)level, (int)PT_PGD,
			    "the walk of a user address stopped at level %d", level);
	kunit_release_action(test, vfree_action, v);
}

/* The physical address behind a vmalloc address and a direct-map address. */
static void virt_to_phys_adds_the_offset(struct kunit *test)
{
	u8 *v = vmalloc_pages(test, NR_TEST_PAGES);
	struct vm_struct *vm = find_vm_area(v);
	struct page *page;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, vm);
	for (i = 0; i < NR_TEST_PAGES; i++)
		KUNIT_EXPECT_EQ_MSG(test,
				    (u64)pgtable_virt_to_phys((unsigned long)v +
							       i * PAGE_SIZE + 77 * i),
				    (u64)page_to_phys(vm->pages[i]) + 77 * i,
				    "vmalloc page %u", i);
	kunit_release_action(test, vfree_action, v);

	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ_MSG(test,
			    (u64)pgtable_virt_to_phys((unsigned long)page_address(page) + 3000),
			    (u64)page_to_phys(page) + 3000,
			    "a direct-map address (large page)");
	KUNIT_EXPECT_EQ_MSG(test,
			    (u64)pgtable_virt_to_phys((unsigned long)__va(mid_ram() + 0x34567)),
			    (u64)mid_ram() + 0x34567, "the direct map at %#llx",
			    (u64)mid_ram() + 0x34567);
	__free_page(page);
	KUNIT_EXPECT_EQ(test, (u64)pgtable_virt_to_phys(0x100000000000UL),
			(u64)(phys_addr_t)-1);
}

/* vmalloc_to_page() finds each frame; the two mappings share it. */
static void vmalloc_to_page_finds_the_frames(struct kunit *test)
{
	u8 *v = vmalloc_pages(test, NR_TEST_PAGES);
	struct vm_struct *vm = find_vm_area(v);
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, vm);
	for (i = 0; i < NR_TEST_PAGES; i++) {
		struct page *page = vmalloc_to_page(v + i * PAGE_SIZE + 999);

		KUNIT_EXPECT_PTR_EQ_MSG(test, page, vm->pages[i], "page %u", i);
		if (page != vm->pages[i])
			continue;
		v[i * PAGE_SIZE + 5] = 0xa0 + i;
		KUNIT_EXPECT_EQ(test, ((u8 *)page_address(page))[5], (u8)(0xa0 + i));
	}
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(v + NR_TEST_PAGES * PAGE_SIZE));
	kunit_release_action(test, vfree_action, v);
}

/* vmalloc @size bytes at a 1 GiB-aligned address. */
static void *vmalloc_1g_aligned(unsigned long size, gfp_t gfp)
{
	return vmalloc_node_caller(size, SZ_1G, gfp, __builtin_return_address(0));
}

/* A freed range merges with the free ranges on both sides. */
static void freed_range_merges_with_neighbours(struct kunit *test)
{
	unsigned long largest;
	void *v;

	purge_vmap_area_lazy();
	largest = vmalloc_largest_free();
	v = vmalloc_1g_aligned(2 * PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	vfree_at_end(test, v);
	KUNIT_EXPECT_EQ(test, (unsigned long)v & (SZ_1G - 1), 0UL);
	KUNIT_EXPECT_LT_MSG(test, vmalloc_largest_free(), largest,
			    "the area did not split the largest free range");
	kunit_release_action(test, vfree_action, v);
	purge_vmap_area_lazy();
	KUNIT_EXPECT_EQ_MSG(test, vmalloc_largest_free(), largest,
			    "after vfree and purge the free range is not whole again");
}

/* Many areas freed in a scrambled order all merge back. */
static void many_freed_ranges_merge_back(struct kunit *test)
{
	static void *areas[16];
	unsigned long largest;
	unsigned int i;

	purge_vmap_area_lazy();
	largest = vmalloc_largest_free();
	areas[0] = vmalloc_1g_aligned(PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, areas[0]);
	vfree_at_end(test, areas[0]);
	for (i = 1; i < ARRAY_SIZE(areas); i++) {
		areas[i] = vmalloc((i % 4 + 1) * PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, areas[i]);
		vfree_at_end(test, areas[i]);
	}
	for (i = 0; i < ARRAY_SIZE(areas); i += 2)
		kunit_release_action(test, vfree_action, areas[i]);
	purge_vmap_area_lazy();
	for (i = 1; i < ARRAY_SIZE(areas); i += 2)
		kunit_release_action(test, vfree_action, areas[i]);
	purge_vmap_area_lazy();
	KUNIT_EXPECT_EQ_MSG(test, vmalloc_largest_free(), largest,
			    "after vfree and purge the free range is not whole again");
}

/*
 * Fault injection: the fifth page allocation of a vmalloc fails.  It
 * returns NULL, gives back the frames it had (the leak check counts
 * them), and its address range returns to the free ranges and merges.
 */
static void failed_vmalloc_gives_everything_back(struct kunit *test)
{
	unsigned long largest, areas;
	void *v;

	purge_vmap_area_lazy();
	largest = vmalloc_largest_free();
	areas = vmalloc_nr_areas();
	fault_attr_set(&fail_page_alloc, 5, 100, 0, 1);
	v = vmalloc_1g_aligned(NR_TEST_PAGES * PAGE_SIZE, GFP_KERNEL | __GFP_NOWARN);
	fault_attr_clear(&fail_page_alloc);
	KUNIT_EXPECT_NULL(test, v);
	if (v)
		vfree(v);
	KUNIT_EXPECT_EQ(test, fail_page_alloc.injected, 1UL);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
	purge_vmap_area_lazy();
	KUNIT_EXPECT_EQ_MSG(test, vmalloc_largest_free(), largest,
			    "after the failure and a purge the free range is not whole again");
}

static void lab_vmalloc_exit(struct kunit *test)
{
	fault_attr_clear(&fail_page_alloc);
}

static struct kunit_case lab_vmalloc_cases[] = {
	KUNIT_CASE(walk_finds_each_vmalloc_pte),
	KUNIT_CASE(walk_stops_at_large_pages),
	KUNIT_CASE(walk_reports_holes),
	KUNIT_CASE(virt_to_phys_adds_the_offset),
	KUNIT_CASE(vmalloc_to_page_finds_the_frames),
	KUNIT_CASE(freed_range_merges_with_neighbours),
	KUNIT_CASE(many_freed_ranges_merge_back),
	KUNIT_CASE(failed_vmalloc_gives_everything_back),
	{}
};

static struct kunit_suite lab_vmalloc_suite = {
	.name = "lab_vmalloc",
	.exit = lab_vmalloc_exit,
	.test_cases = lab_vmalloc_cases,
};
kunit_test_suite(lab_vmalloc_suite);
