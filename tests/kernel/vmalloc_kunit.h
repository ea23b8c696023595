/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the vmalloc suites (vmalloc_test.c) and benchmarks
 * (vmalloc_bench.c): many live areas at once, and the height an AVL tree
 * may reach.
 *
 * A "filler" keeps N one-page areas live, the way Linux's
 * lib/test_vmalloc.c builds its long busy list.  Each area is a
 * vmalloc(PAGE_SIZE) when free memory allows; otherwise (15000 areas
 * need some 60 MiB, more than a 64 MiB machine has) each is a vmap() of
 * one shared frame.  Both kinds take the same two pages of address space
 * (one mapped, one guard) and the same nodes in vmalloc's trees, which is
 * what the tests and benchmarks measure; only the frames differ.
 */
#ifndef _TESTS_KERNEL_VMALLOC_KUNIT_H
#define _TESTS_KERNEL_VMALLOC_KUNIT_H

#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <kernel/vmalloc_stats.h>

struct vmalloc_filler {
	void **areas;		/* kvcalloc'd, @want slots */
	unsigned long nr;	/* live areas in @areas[0..nr) */
	unsigned long want;
	struct page *frame;	/* behind every area when @vmapped */
	bool vmapped;
};

/*
 * filler_fill - make @n one-page areas live
 *
 * Return: how many were made (@n unless memory ran out).  Whatever
 * happens, filler_release() undoes it.
 * Context: Process context.
 */
static inline unsigned long filler_fill(struct vmalloc_filler *f, unsigned long n)
{
	f->want = n;
	f->nr = 0;
	f->frame = NULL;
	f->areas = kvcalloc(n, sizeof(void *), GFP_KERNEL);
	if (!f->areas)
		return 0;
	/* a frame, a vmap_area, a pages array and page tables per area */
	f->vmapped = nr_free_pages() < 2 * n + 4096;
	if (f->vmapped) {
		f->frame = alloc_page(GFP_KERNEL);
		if (!f->frame)
			return 0;
	}
	while (f->nr < n) {
		void *p = f->vmapped ? vmap(&f->frame, 1, VM_MAP, PAGE_KERNEL) :
				       vmalloc(PAGE_SIZE);

		if (!p)
			break;
		f->areas[f->nr++] = p;
	}
	return f->nr;
}

/* Free one area of @f: vunmap() for the vmap kind (vfree() refuses it). */
static inline void filler_free_area(struct vmalloc_filler *f, void *area)
{
	if (f->vmapped)
		vunmap(area);
	else
		vfree(area);
}

/* Free every area still in @f (NULL slots are skipped), and @f itself. */
static inline void filler_release(struct vmalloc_filler *f)
{
	unsigned long i;

	for (i = 0; f->areas && i < f->nr; i++)
		filler_free_area(f, f->areas[i]);
	kvfree(f->areas);
	if (f->frame)
		__free_page(f->frame);
	f->areas = NULL;
	f->frame = NULL;
	f->nr = 0;
}

/*
 * The tallest an AVL tree of @n nodes can be: the largest h whose
 * sparsest AVL tree, N(h) = N(h-1) + N(h-2) + 1 nodes, still has at
 * most @n.  About 1.44 log2(n + 2): 19 for 15000 nodes.
 */
static inline int avl_max_height(unsigned long n)
{
	unsigned long below = 0, at = 1;	/* N(h-1), N(h) */
	int h = 1;

	if (!n)
		return 0;
	while (below + at + 1 <= n) {
		unsigned long next = below + at + 1;

		below = at;
		at = next;
		h++;
	}
	return h;
}

#endif /* _TESTS_KERNEL_VMALLOC_KUNIT_H */
