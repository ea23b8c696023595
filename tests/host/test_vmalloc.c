// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for mm/vmalloc.c, mm/pgtable.c, mm/util.c (kvmalloc) and
 * lib/avltree.c, on fake RAM.
 *
 * The program boots the page allocator, the slab allocator and vmalloc
 * once (fake_boot_vmalloc(): init_pgd is a zeroed frame of the fake RAM).
 * The page tables vmalloc builds are ordinary frames there, reached
 * through the direct map and walked in software; the vmalloc addresses
 * themselves (0xffffc90000000000...) are not mapped in this process, so
 * no test ever dereferences one.  A test reads a mapping through
 * vmalloc_to_page(), pgtable_virt_to_phys() and page_address() instead.
 *
 * Every test frees what it allocated and ends with expect_all_returned():
 * no live area, the free tree one range covering the whole region again
 * (after purge_vmap_area_lazy()), and every frame back except the
 * page-table pages, which are never freed (nr_pgtable_pages counts them).
 *
 * The churn test runs thousands of random vmalloc/vfree of random sizes
 * and alignments (fixed seeds) against a model of the live areas: no two
 * areas (guard pages included) overlap, each page of each area maps to
 * a frame of its own, guard pages stay unmapped, the counters agree.
 * The AVL tests check the tree's invariants (order, heights, balance,
 * parent pointers, the augmented value) after every insert and erase.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/irqflags.h>
#include <linux/avltree.h>
#include <linux/seq_buf.h>
#include <linux/vmalloc.h>
#include <kernel/page_alloc.h>
#include <kernel/pgtable.h>
#include <kernel/slab_stats.h>
#include <kernel/vmalloc_stats.h>
#include "fake_ram.h"

#define REGION_SIZE	(VMALLOC_END + 1 - VMALLOC_START)

static unsigned long boot_free_pages, boot_pgtable_pages;

static int boot(void **state)
{
	(void)state;
	fake_boot(&fake_map_pc);
	kmem_cache_init();
	fake_boot_vmalloc();
	kmem_cache_shrink_all();
	boot_free_pages = nr_free_pages();
	boot_pgtable_pages = nr_pgtable_pages;
	host_printk_reset();
	return 0;
}

static int reset_printk(void **state)
{
	(void)state;
	host_printk_reset();
	return 0;
}

/* Everything freed: no area, one free range, every frame but page tables back. */
static void expect_all_returned(void)
{
	unsigned long pgtables;

	purge_vmap_area_lazy();
	kmem_cache_shrink_all();
	assert_int_equal(vmalloc_nr_areas(), 0);
	assert_int_equal(vmalloc_nr_pages(), 0);
	assert_int_equal(vmalloc_largest_free(), REGION_SIZE);
	assert_int_equal(vmalloc_free_tree_height(), 1);
	assert_int_equal(vmalloc_busy_tree_height(), 0);
	pgtables = nr_pgtable_pages - boot_pgtable_pages;
	if (nr_free_pages() != boot_free_pages - pgtables)
		fail_msg("%lu frames free, %lu after boot, %lu page-table pages since",
			 nr_free_pages(), boot_free_pages, pgtables);
	assert_false(irqs_disabled());
}

static bool text_has(const char *needle)
{
	return strstr(host_printk_text(), needle) != NULL;
}

static unsigned long va(const void *p)
{
	return (unsigned long)p;
}

/* [@addr, @addr + @nr pages) maps page by page, then the guard page does not. */
static void expect_mapped(const void *addr, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++) {
		const void *p = (const char *)addr + i * PAGE_SIZE;
		struct page *page = vmalloc_to_page(p);

		assert_non_null(page);
		assert_int_equal(pgtable_virt_to_phys(va(p) + 123),
				 page_to_phys(page) + 123);
	}
	assert_null(vmalloc_to_page((const char *)addr + nr * PAGE_SIZE));
	assert_int_equal(pgtable_virt_to_phys(va(addr) + nr * PAGE_SIZE),
			 (phys_addr_t)-1);
}

static void test_vmalloc_vfree(void **state)
{
	unsigned long before = vmalloc_nr_areas();
	struct vm_struct *vm;
	char *p;

	(void)state;
	p = vmalloc(3 * PAGE_SIZE + 1);		/* four pages */
	assert_non_null(p);
	assert_true(is_vmalloc_addr(p));
	/* one convention, Linux's: VMALLOC_END is the region's last byte */
	assert_true(is_vmalloc_addr((void *)VMALLOC_START));
	assert_true(is_vmalloc_addr((void *)VMALLOC_END));
	assert_false(is_vmalloc_addr((void *)(VMALLOC_START - 1)));
	assert_false(is_vmalloc_addr((void *)(VMALLOC_END + 1)));
	assert_int_equal(va(p) & ~PAGE_MASK, 0);
	assert_int_equal(vmalloc_nr_areas(), before + 1);
	assert_int_equal(vmalloc_nr_pages(), 4);
	expect_mapped(p, 4);

	vm = find_vm_area(p + 2 * PAGE_SIZE + 7);
	assert_non_null(vm);
	assert_ptr_equal(vm->addr, p);
	assert_int_equal(vm->size, 5 * PAGE_SIZE);	/* guard page included */
	assert_int_equal(vm->nr_pages, 4);
	assert_true(vm->flags & VM_ALLOC);
	assert_ptr_equal(vm->pages[1], vmalloc_to_page(p + PAGE_SIZE));
	assert_int_equal(vmalloc_to_pfn(p), page_to_pfn(vm->pages[0]));
	assert_non_null(find_vm_area(p + 4 * PAGE_SIZE));	/* the guard */
	assert_null(find_vm_area(p + 5 * PAGE_SIZE));

	vfree(p);
	assert_int_equal(vmalloc_nr_areas(), before);
	assert_null(find_vm_area(p));
	assert_null(vmalloc_to_page(p));
	assert_int_equal(pgtable_virt_to_phys(va(p)), (phys_addr_t)-1);
	assert_string_equal(host_printk_text(), "");
	expect_all_returned();
}

static void test_vzalloc_zeroes(void **state)
{
	unsigned long i;
	char *p;

	(void)state;
	p = vmalloc(8 * PAGE_SIZE);
	assert_non_null(p);
	for (i = 0; i < 8; i++)		/* dirty the frames, through the direct map */
		memset(page_address(vmalloc_to_page(p + i * PAGE_SIZE)), 0xa5, PAGE_SIZE);
	vfree(p);
	p = vzalloc(8 * PAGE_SIZE);
	assert_non_null(p);
	for (i = 0; i < 8; i++) {
		const u8 *b = page_address(vmalloc_to_page(p + i * PAGE_SIZE));
		unsigned long j;

		for (j = 0; j < PAGE_SIZE; j++)
			if (b[j])
				fail_msg("vzalloc page %lu byte %lu is %#x", i, j, b[j]);
	}
	vfree(p);
	expect_all_returned();
}

static void test_pgtable_walk(void **state)
{
	enum pt_level level;
	char buf[1024];
	struct seq_buf s;
	u64 *pte;
	char *p;

	(void)state;
	p = vmalloc(2 * PAGE_SIZE);
	assert_non_null(p);
	pte = pgtable_lookup(init_pgd, va(p) + PAGE_SIZE, &level);
	assert_non_null(pte);
	assert_int_equal(level, PT_PTE);
	assert_true(*pte & _PAGE_PRESENT);
	assert_true(*pte & _PAGE_RW);
	assert_true(*pte & _PAGE_NX);
	assert_false(*pte & _PAGE_USER);
	assert_int_equal(*pte & PTE_ADDR_MASK,
			 page_to_phys(vmalloc_to_page(p + PAGE_SIZE)));
	assert_ptr_equal(pgtable_entry(init_pgd, va(p) + PAGE_SIZE, PT_PTE, NULL), pte);

	/* the guard page: the tables exist, the PTE is clear */
	assert_null(pgtable_lookup(init_pgd, va(p) + 2 * PAGE_SIZE, &level));
	assert_int_equal(level, PT_PTE);
	assert_int_equal(*pgtable_entry(init_pgd, va(p) + 2 * PAGE_SIZE, PT_PTE, NULL), 0);

	seq_buf_init(&s, buf, sizeof(buf));
	pagewalk_show(&s, va(p) + 5);
	assert_non_null(strstr(buf, "(4 KiB page)"));
	assert_non_null(strstr(buf, "  PTE["));
	seq_buf_init(&s, buf, sizeof(buf));
	pagewalk_show(&s, va(p) + 2 * PAGE_SIZE);
	assert_non_null(strstr(buf, "not mapped: no PTE entry"));
	seq_buf_init(&s, buf, sizeof(buf));
	pagewalk_show(&s, VMALLOC_END - PAGE_SIZE + 1);	/* nothing up there */
	assert_non_null(strstr(buf, "not mapped: no PUD entry") ||
			strstr(buf, "not mapped: no PGD entry"));

	/*
	 * Non-canonical addresses: the walk used to ignore bits 63-48 and
	 * answer for the canonical twin (0x0000888000000000 as the direct
	 * map's "physical 0", 0x7fffffff801047b0 as kernel text).
	 */
	seq_buf_init(&s, buf, sizeof(buf));
	pagewalk_show(&s, 0x0000888000000000UL);
	assert_non_null(strstr(buf, "non-canonical address"));
	assert_null(strstr(buf, "physical"));
	assert_null(strstr(buf, "PGD["));
	seq_buf_init(&s, buf, sizeof(buf));
	pagewalk_show(&s, 0x7fffffff801047b0UL);
	assert_non_null(strstr(buf, "non-canonical address"));
	assert_int_equal(pgtable_virt_to_phys(0x0000888000000000UL), (phys_addr_t)-1);
	assert_int_equal(pgtable_virt_to_phys(va(p) & ~(1UL << 63)), (phys_addr_t)-1);
	assert_true(va_is_canonical(0x00007fffffffffffUL));
	assert_true(va_is_canonical(0xffff800000000000UL));
	assert_false(va_is_canonical(0x0000800000000000UL));
	assert_false(va_is_canonical(0xffff7fffffffffffUL));

	/* low addresses: nothing of init_pgd maps them */
	assert_null(pgtable_lookup(init_pgd, 0x1000, &level));
	assert_null(pgtable_entry(init_pgd, 0x1000, PT_PTE, NULL));
	vfree(p);
	expect_all_returned();
}

static void test_guard_page_notes(void **state)
{
	char *p;

	(void)state;
	p = vmalloc(2 * PAGE_SIZE);
	assert_non_null(p);
	host_page_fault_note(va(p) + 2 * PAGE_SIZE + 8);
	assert_true(text_has("vmalloc guard page of area"));
	assert_true(text_has("(8192 bytes)"));
	host_printk_reset();
	host_page_fault_note(va(p) + 100);
	assert_true(text_has("address is in vmalloc area"));
	host_printk_reset();
	vfree(p);
	host_page_fault_note(va(p) + 100);	/* on the lazy list */
	assert_true(text_has("freed by vfree(): use after free?"));
	host_printk_reset();
	purge_vmap_area_lazy();
	host_page_fault_note(va(p) + 100);
	assert_true(text_has("is in the vmalloc region but in no vmalloc area"));
	host_printk_reset();
	host_page_fault_note(0x1000);		/* not vmalloc's business */
	assert_string_equal(host_printk_text(), "");
	expect_all_returned();
}

static void test_alignment(void **state)
{
	unsigned long align;

	(void)state;
	for (align = PAGE_SIZE; align <= SZ_2M; align <<= 1) {
		void *filler = vmalloc(PAGE_SIZE);	/* pushes the next start off */
		char *p = vmalloc_node_caller(3 * PAGE_SIZE + 1, align, GFP_KERNEL,
					      test_alignment);

		assert_non_null(filler);
		assert_non_null(p);
		assert_int_equal(va(p) & (align - 1), 0);
		assert_ptr_equal(find_vm_area(p)->caller, test_alignment);
		expect_mapped(p, 4);
		vfree(p);
		vfree(filler);
	}
	expect_all_returned();
}

static void test_edge_cases(void **state)
{
	unsigned long areas;
	char *p;

	(void)state;
	assert_null(vmalloc(0));
	assert_true(text_has("vmalloc error: size 0, zero size"));
	host_printk_reset();
	assert_null(__vmalloc(0, GFP_KERNEL | __GFP_NOWARN));
	assert_string_equal(host_printk_text(), "");
	assert_null(vmalloc(REGION_SIZE + PAGE_SIZE));
	assert_true(text_has("larger than the vmalloc region"));
	host_printk_reset();

	vfree(NULL);
	vunmap(NULL);
	assert_string_equal(host_printk_text(), "");

	p = vmalloc(2 * PAGE_SIZE);
	assert_non_null(p);
	areas = vmalloc_nr_areas();
	vfree(p + PAGE_SIZE);			/* not the start of the area */
	assert_true(text_has("Trying to vfree() nonexistent vm area"));
	assert_int_equal(vmalloc_nr_areas(), areas);
	expect_mapped(p, 2);
	host_printk_reset();
	vfree((void *)(VMALLOC_START + REGION_SIZE / 2));	/* no area at all */
	assert_true(text_has("Trying to vfree() nonexistent vm area"));
	host_printk_reset();
	vunmap(p + 1);
	assert_true(text_has("Trying to vunmap() nonexistent vm area"));
	assert_int_equal(vmalloc_nr_areas(), areas);
	expect_mapped(p, 2);
	vfree(p);
	expect_all_returned();
}

static void test_vmap_vunmap(void **state)
{
	struct page *pages[3];
	unsigned int i;
	char *p;

	(void)state;
	for (i = 0; i < 3; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		assert_non_null(pages[i]);
		memset(page_address(pages[i]), 'a' + i, PAGE_SIZE);
	}
	assert_null(vmap(pages, 0, VM_MAP, PAGE_KERNEL));
	p = vmap(pages, 3, VM_MAP, PAGE_KERNEL_RO);
	assert_non_null(p);
	assert_int_equal(vmalloc_nr_pages(), 0);	/* the frames stay ours */
	for (i = 0; i < 3; i++)
		assert_ptr_equal(vmalloc_to_page(p + i * PAGE_SIZE + 9), pages[i]);
	expect_mapped(p, 3);
	assert_false(*pgtable_entry(init_pgd, va(p), PT_PTE, NULL) & _PAGE_RW);
	assert_true(find_vm_area(p)->flags & VM_MAP);
	vunmap(p);
	assert_null(vmalloc_to_page(p));
	for (i = 0; i < 3; i++) {
		assert_int_equal(((u8 *)page_address(pages[i]))[77], 'a' + i);
		__free_page(pages[i]);
	}
	assert_string_equal(host_printk_text(), "");
	expect_all_returned();
}

static void test_kvmalloc_rules(void **state)
{
	void *p;

	(void)state;
	p = kvmalloc(PAGE_SIZE, GFP_KERNEL);
	assert_non_null(p);
	assert_false(is_vmalloc_addr(p));
	kvfree(p);
	p = kvmalloc(5 * SZ_1M, GFP_KERNEL);
	assert_non_null(p);
	assert_true(is_vmalloc_addr(p));
	assert_int_equal(find_vm_area(p)->nr_pages, 5 * SZ_1M / PAGE_SIZE);
	assert_string_equal(host_printk_text(), "");	/* kmalloc's try was quiet */
	kvfree(p);
	assert_null(kvmalloc(5 * SZ_1M, GFP_ATOMIC | __GFP_NOWARN));
	assert_int_equal(vmalloc_nr_areas(), 0);
	p = kvzalloc(3 * PAGE_SIZE, GFP_KERNEL);
	assert_non_null(p);
	kvfree(p);
	expect_all_returned();
}

/* ---- the randomized churn against a model ---- */

struct model_area {
	char *addr;
	unsigned long nr_pages;
	unsigned long *pfns;		/* what each page mapped to at allocation */
};

static u64 rng_state;

static u64 rng(void)
{
	rng_state ^= rng_state << 13;	/* xorshift64 */
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

#define CHURN_MAX_LIVE	160

static struct model_area live[CHURN_MAX_LIVE];
static unsigned int nr_live;
static u8 *frame_owned;		/* one byte per pfn: a live area maps it */

static void check_no_overlap(const struct model_area *a)
{
	unsigned long start = va(a->addr), end = start + (a->nr_pages + 1) * PAGE_SIZE;
	unsigned int i;

	for (i = 0; i < nr_live; i++) {
		unsigned long s = va(live[i].addr);
		unsigned long e = s + (live[i].nr_pages + 1) * PAGE_SIZE;

		if (&live[i] != a && start < e && s < end)
			fail_msg("area %#lx-%#lx overlaps %#lx-%#lx", start, end, s, e);
	}
}

static void churn_alloc(void)
{
	unsigned long size = 1 + rng() % (64 * PAGE_SIZE);
	unsigned long align = PAGE_SIZE << (rng() % 10);	/* 4 KiB .. 2 MiB */
	struct model_area *a = &live[nr_live];
	unsigned long i;

	if (rng() % 4) {
		a->addr = vmalloc_node_caller(size, align, GFP_KERNEL, churn_alloc);
	} else {
		a->addr = vmalloc(size);	/* the plain entry point too */
		align = PAGE_SIZE;
	}
	assert_non_null(a->addr);
	assert_true(is_vmalloc_addr(a->addr));
	assert_int_equal(va(a->addr) & (align - 1), 0);
	a->nr_pages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	a->pfns = host_malloc(a->nr_pages * sizeof(*a->pfns));
	nr_live++;
	check_no_overlap(a);
	for (i = 0; i < a->nr_pages; i++) {
		struct page *page = vmalloc_to_page(a->addr + i * PAGE_SIZE);

		assert_non_null(page);
		a->pfns[i] = page_to_pfn(page);
		if (frame_owned[a->pfns[i]])
			fail_msg("frame %#lx mapped by two live areas", a->pfns[i]);
		frame_owned[a->pfns[i]] = 1;
	}
	assert_null(vmalloc_to_page(a->addr + a->nr_pages * PAGE_SIZE));
	assert_ptr_equal(find_vm_area(a->addr + (rng() % a->nr_pages) * PAGE_SIZE)->addr,
			 a->addr);
}

static void churn_free(unsigned int k)
{
	struct model_area *a = &live[k];
	unsigned long i;

	for (i = 0; i < a->nr_pages; i++)
		frame_owned[a->pfns[i]] = 0;
	vfree(a->addr);
	assert_null(find_vm_area(a->addr));
	assert_null(vmalloc_to_page(a->addr));
	host_free(a->pfns);
	*a = live[--nr_live];
}

/* Every live area still maps exactly the frames it had; guards unmapped. */
static void check_all_live(void)
{
	unsigned int k;
	unsigned long i;

	for (k = 0; k < nr_live; k++) {
		for (i = 0; i < live[k].nr_pages; i++)
			assert_int_equal(vmalloc_to_pfn(live[k].addr + i * PAGE_SIZE),
					 live[k].pfns[i]);
		assert_null(vmalloc_to_page(live[k].addr + i * PAGE_SIZE));
	}
}

static void churn(u64 seed, unsigned int steps)
{
	unsigned int step, peak = 0, allocs = 0;

	rng_state = seed;
	frame_owned = host_malloc(max_pfn);
	memset(frame_owned, 0, max_pfn);
	for (step = 0; step < steps; step++) {
		bool alloc = nr_live < CHURN_MAX_LIVE && (nr_live == 0 || rng() % 100 < 55);

		if (alloc) {
			churn_alloc();
			allocs++;
			peak = max(peak, nr_live);
		} else
			churn_free(rng() % nr_live);
		assert_int_equal(vmalloc_nr_areas(), nr_live);
		if (step % 512 == 0) {
			check_all_live();
			if (rng() % 2)
				purge_vmap_area_lazy();
		}
	}
	check_all_live();
	assert_true(peak == CHURN_MAX_LIVE && allocs > steps / 2 - CHURN_MAX_LIVE);
	while (nr_live)
		churn_free(rng() % nr_live);
	host_free(frame_owned);
	assert_string_equal(host_printk_text(), "");
	expect_all_returned();
}

static void test_churn_seed1(void **state)
{
	(void)state;
	churn(0x5eedf00d1234567ULL, 20000);
}

static void test_churn_seed2(void **state)
{
	(void)state;
	churn(0x0123456789abcdefULL, 20000);
}

/* ---- lib/avltree.c ---- */

struct tnode {
	struct avl_node node;
	unsigned long key;
	unsigned long max;		/* augmented: the largest key below */
};

#define TNODE(n)	avl_entry(n, struct tnode, node)

static unsigned long tmax(struct avl_node *n)
{
	return n ? TNODE(n)->max : 0;
}

static void tnode_propagate(struct avl_node *n)
{
	TNODE(n)->max = max(TNODE(n)->key, max(tmax(n->left), tmax(n->right)));
}

static void tinsert(struct avl_root *root, struct tnode *t)
{
	struct avl_node **link = &root->node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = t->key < TNODE(parent)->key ? &parent->left : &parent->right;
	}
	avl_link_node(&t->node, parent, link);
	avl_insert_fixup(root, &t->node);
}

/* Check the subtree of @n; return its height. Counts nodes in *@count. */
static int tcheck(struct avl_node *n, struct avl_node *parent, unsigned long *count)
{
	int hl, hr;

	if (!n)
		return 0;
	assert_ptr_equal(n->parent, parent);
	hl = tcheck(n->left, n, count);
	hr = tcheck(n->right, n, count);
	if (n->left)
		assert_true(TNODE(n->left)->key <= TNODE(n)->key);
	if (n->right)
		assert_true(TNODE(n->right)->key >= TNODE(n)->key);
	assert_true(hl - hr <= 1 && hr - hl <= 1);
	assert_int_equal(n->height, 1 + max(hl, hr));
	assert_int_equal(TNODE(n)->max,
			 max(TNODE(n)->key, max(tmax(n->left), tmax(n->right))));
	(*count)++;
	return n->height;
}

static void tcheck_all(struct avl_root *root, unsigned long want)
{
	unsigned long count = 0, walked = 0, prev = 0;
	struct avl_node *n;

	tcheck(root->node, NULL, &count);
	assert_int_equal(count, want);
	for (n = avl_first(root); n; n = avl_next(n), walked++) {
		assert_true(TNODE(n)->key >= prev);
		prev = TNODE(n)->key;
	}
	assert_int_equal(walked, want);
	for (n = avl_last(root), walked = 0; n; n = avl_prev(n))
		walked++;
	assert_int_equal(walked, want);
}

static void test_avl_random(void **state)
{
	enum { N = 3000 };
	struct avl_root root = AVL_ROOT_INIT(tnode_propagate);
	struct tnode *nodes = host_malloc(N * sizeof(*nodes));
	bool *in = host_malloc(N * sizeof(*in));
	unsigned long nr = 0, i, step;

	(void)state;
	memset(in, 0, N * sizeof(*in));
	rng_state = 0xa5a5a5a5deadbeefULL;
	for (i = 0; i < N; i++)
		nodes[i].key = rng() % 1000;	/* duplicates too */
	for (step = 0; step < 20000; step++) {
		i = rng() % N;
		if (in[i]) {
			avl_erase(&root, &nodes[i].node);
			nr--;
		} else {
			tinsert(&root, &nodes[i]);
			nr++;
		}
		in[i] = !in[i];
		if (step % 97 == 0 || nr < 20)
			tcheck_all(&root, nr);
		/* an AVL tree of nr nodes is at most 1.44 log2(nr + 2) high */
		assert_true(avl_height(&root) <= 1 + 1.45 * (64 - __builtin_clzl(nr + 2)));
	}
	tcheck_all(&root, nr);
	/* a changed key: propagate up fixes the augmented value */
	if (root.node) {
		struct avl_node *n = avl_first(&root);

		TNODE(n)->key = 0;	/* the first stays first */
		avl_propagate_up(&root, n);
		tcheck_all(&root, nr);
	}
	for (i = 0; i < N; i++) {
		if (in[i]) {
			avl_erase(&root, &nodes[i].node);
			nr--;
		}
	}
	assert_null(root.node);
	assert_int_equal(avl_height(&root), 0);
	assert_null(avl_first(&root));
	host_free(nodes);
	host_free(in);
}

static void test_avl_sequential(void **state)
{
	enum { N = 1024 };
	struct avl_root root = AVL_ROOT_INIT(tnode_propagate);
	struct tnode *nodes = host_malloc(N * sizeof(*nodes));
	unsigned long i;

	(void)state;
	for (i = 0; i < N; i++) {
		nodes[i].key = i;		/* ascending: rotations all the way */
		tinsert(&root, &nodes[i]);
	}
	tcheck_all(&root, N);
	assert_int_equal(avl_height(&root), 11);	/* perfectly balanced */
	assert_int_equal(tmax(root.node), N - 1);
	for (i = 0; i < N; i += 2)
		avl_erase(&root, &nodes[i].node);
	tcheck_all(&root, N / 2);
	for (i = 1; i < N; i += 2)
		avl_erase(&root, &nodes[i].node);
	assert_null(root.node);
	host_free(nodes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_vmalloc_vfree, reset_printk),
		cmocka_unit_test_setup(test_vzalloc_zeroes, reset_printk),
		cmocka_unit_test_setup(test_pgtable_walk, reset_printk),
		cmocka_unit_test_setup(test_guard_page_notes, reset_printk),
		cmocka_unit_test_setup(test_alignment, reset_printk),
		cmocka_unit_test_setup(test_edge_cases, reset_printk),
		cmocka_unit_test_setup(test_vmap_vunmap, reset_printk),
		cmocka_unit_test_setup(test_kvmalloc_rules, reset_printk),
		cmocka_unit_test_setup(test_churn_seed1, reset_printk),
		cmocka_unit_test_setup(test_churn_seed2, reset_printk),
		cmocka_unit_test_setup(test_avl_random, reset_printk),
		cmocka_unit_test_setup(test_avl_sequential, reset_printk),
	};

	host_test_init();
	return cmocka_run_group_tests_name("vmalloc", tests, boot, NULL);
}
