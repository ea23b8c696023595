// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the checks a cache makes without any debug flag (mm/slub.c,
 * mm/slab.h): the hardened free and the bounded freelist walks.
 *
 * Suite "slab_hardened".  The default boot has no slab_debug=, so these
 * are the only checks most kernels run: a free of a pointer into the
 * middle of an object is refused ("Invalid object pointer"), the same
 * object freed twice in a row is refused ("kernel BUG at mm/slub.c",
 * Linux's naive double-free check), a freelist turned into a loop is
 * reported when it is walked ("Freechain corrupt") instead of hanging
 * the kernel, and a slab the page allocator cannot give is reported
 * ("SLUB: Unable to allocate memory").
 *
 * The cases make caches without debug flags even when the boot asked
 * for slab_debug= (plain_cache()), so they test the same code in every
 * boot.
 */
#include <kunit/test.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include "slab_kunit.h"
#include <asm/ptrace.h>
#include <asm/restart.h>
#include "../../mm/slab.h"	/* slab_object(), the cache's layout */

#define CACHE_NAME	"slab_hardened-test"

/*
 * A cache of @size-byte objects with no debug flag, whatever slab_debug=
 * says: the boot flags are set aside while it is made.  Not tracked by
 * kmemleak either (SLAB_NOLEAKTRACE), which would leave it without a
 * sheaf: these cases test the fast paths.
 */
static struct kmem_cache *plain_cache(struct kunit *test, unsigned int size)
{
	slab_flags_t saved = slab_debug_flags;
	struct kmem_cache *s;

	slab_debug_flags = 0;
	s = kmem_cache_create(CACHE_NAME, size, 0, SLAB_NOLEAKTRACE, NULL);
	slab_debug_flags = saved;
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_ASSERT_FALSE(test, kmem_cache_debug(s));
	return s;
}

/* Call sites the reports must name. */
static noinline void free_victim(struct kmem_cache *s, void *p)
{
	kmem_cache_free(s, p);
	barrier();
}

static noinline void kfree_victim(const void *p)
{
	kfree(p);
	barrier();
}

/* Destroy @s, which must be clean by now: no report. */
static void destroy_clean(struct kunit *test, struct kmem_cache *s)
{
	u64 seq = log_seq();

	kmem_cache_destroy(s);
	expect_no_log(test, seq, "BUG ");
	expect_no_log(test, seq, "kmem_cache_destroy");
}

static void expect_double_free(struct kunit *test, u64 seq, void *p)
{
	expect_log(test, seq, "kernel BUG at mm/slub.c:");
	expect_logf(test, seq, "BUG %s (%s): Object already free", CACHE_NAME, print_tainted());
	expect_log(test, seq, "Freed again by free_victim+0x");
	expect_logf(test, seq, "FIX %s: Object at 0x%px not freed", CACHE_NAME, p);
}

/* ---- double free ------------------------------------------------------------------------ */

/*
 * The shell's `kmalloc 200; kfree X; kfree X`: the object is freed into
 * the active slab, then again.  Had the second free gone through, the
 * object would point at itself and every allocation after it would
 * return it.
 */
static void double_free_in_active_slab(struct kunit *test)
{
	struct kmem_cache *s = plain_cache(test, 200);
	void *anchor = kmem_cache_alloc(s, GFP_KERNEL);
	void *p = kmem_cache_alloc(s, GFP_KERNEL), *a, *b;
	u64 seq;

	kunit_expect_reports(test, "kernel BUG at mm/slub.c:",
			     "BUG slab_hardened-test (*): Object already free");
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	free_victim(s, p);
	seq = log_seq();
	free_victim(s, p);
	expect_double_free(test, seq, p);

	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, a, p);
	KUNIT_EXPECT_PTR_NE(test, b, p);
	KUNIT_EXPECT_PTR_NE(test, b, anchor);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	expect_cache_works(test, s, 1);
	kmem_cache_free(s, anchor);
	destroy_clean(test, s);
}

/*
 * The same in a slab that is not the active one: its own freelist's
 * first object is what a second free finds.
 */
static void double_free_in_other_slab(struct kunit *test)
{
	struct kmem_cache *s = plain_cache(test, 200);
	static void *held[256];
	unsigned int n = 0, i;
	void *p, *a, *b;
	u64 seq;

	kunit_expect_reports(test, "kernel BUG at mm/slub.c:",
			     "BUG slab_hardened-test (*): Object already free");
	/* fill the first slab, so that a second one becomes active */
	held[n++] = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, held[0]);
	do {
		KUNIT_ASSERT_LT(test, n, (unsigned int)ARRAY_SIZE(held));
		held[n] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, held[n]);
	} while (virt_to_page(held[n++]) == virt_to_page(held[0]));
	p = held[1];		/* in the first slab, now on the full list */

	free_victim(s, p);
	seq = log_seq();
	free_victim(s, p);
	expect_double_free(test, seq, p);

	/* freed once only: it comes back once */
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, a != p || b != p);
	KUNIT_EXPECT_PTR_NE(test, a, b);
	held[1] = a;
	held[n++] = b;
	for (i = 0; i < n; i++)
		kmem_cache_free(s, held[i]);
	expect_cache_works(test, s, 0);
	destroy_clean(test, s);
}

/* ---- invalid pointers ---------------------------------------------------------------------- */

static void expect_invalid(struct kunit *test, u64 seq, const void *bad,
			   const char *freer)
{
	expect_logf(test, seq, "BUG %s (%s): Invalid object pointer 0x%px",
		    CACHE_NAME, print_tainted(), bad);
	expect_logf(test, seq, "freed by %s+0x", freer);
	expect_logf(test, seq, "FIX %s: Object at 0x%px not freed", CACHE_NAME, bad);
}

/*
 * A pointer into the middle of an object (the shell's `kfree X+8`), in
 * the active slab and in another one, by kmem_cache_free() and kfree():
 * refused, and the object is neither freed nor changed.
 */
static void interior_pointer_is_refused(struct kunit *test)
{
	struct kmem_cache *s = plain_cache(test, 200);
	static u8 *held[256];
	unsigned int n = 0, i;
	u8 *p, *q;
	u64 seq;

	kunit_expect_reports(test, "BUG slab_hardened-test (*): Invalid object pointer");
	held[n++] = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, held[0]);
	do {
		KUNIT_ASSERT_LT(test, n, (unsigned int)ARRAY_SIZE(held));
		held[n] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, held[n]);
	} while (virt_to_page(held[n++]) == virt_to_page(held[0]));
	p = held[n - 1];	/* in the active slab */
	q = held[1];		/* in the full one */
	memset(p, 0x33, 200);
	memset(q, 0x44, 200);

	seq = log_seq();
	free_victim(s, p + 8);
	expect_invalid(test, seq, p + 8, "free_victim");
	seq = log_seq();
	kfree_victim(p + 1);
	expect_invalid(test, seq, p + 1, "kfree_victim");
	seq = log_seq();
	free_victim(s, q + 8);
	expect_invalid(test, seq, q + 8, "free_victim");
	seq = log_seq();
	kfree_victim(q + 199);
	expect_invalid(test, seq, q + 199, "kfree_victim");

	KUNIT_EXPECT_TRUE(test, mem_is(p, 0x33, 200));
	KUNIT_EXPECT_TRUE(test, mem_is(q, 0x44, 200));
	/* nothing was freed: the next objects are new ones */
	for (i = 0; i < 2; i++) {
		u8 *o = kmem_cache_alloc(s, GFP_KERNEL);

		KUNIT_EXPECT_FALSE(test, o > p - 200 && o < p + 200);
		KUNIT_EXPECT_FALSE(test, o > q - 200 && o < q + 200);
		held[n++] = o;
	}
	for (i = 0; i < n; i++)
		kmem_cache_free(s, held[i]);
	expect_cache_works(test, s, 0);
	destroy_clean(test, s);
}

/* ---- corrupted freelists -------------------------------------------------------------------- */

/*
 * X, Y, X: the second free of X is not caught by the naive check (Y is
 * first on the freelist), and the freelist becomes the loop X, Y, X ...
 * Counting the free objects (slabinfo) must not walk it for ever: the
 * walk is bounded, reports "Freechain corrupt" and drops the chain (its
 * objects are leaked, not handed out twice).
 */
static void freelist_loop_is_reported(struct kunit *test)
{
	struct kmem_cache *s = plain_cache(test, 64);
	void *anchor = kmem_cache_alloc(s, GFP_KERNEL);
	void *x = kmem_cache_alloc(s, GFP_KERNEL);
	void *y = kmem_cache_alloc(s, GFP_KERNEL);
	struct page *slab;
	struct slabinfo_row row;
	unsigned int i;
	u64 seq;

	kunit_expect_reports(test, "BUG slab_hardened-test (*): Freechain corrupt");
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, x);
	KUNIT_ASSERT_NOT_NULL(test, y);
	slab = slab_head(virt_to_page(x));
	KUNIT_ASSERT_PTR_EQ(test, slab, this_cpu_slab(s)->slab);
	kmem_cache_free(s, x);
	kmem_cache_free(s, y);
	kmem_cache_free(s, x);		/* the loop */

	seq = log_seq();
	SLABINFO(test, s, &row);	/* walks the cpu freelist */
	expect_logf(test, seq, "BUG %s (%s): Freechain corrupt", CACHE_NAME, print_tainted());
	expect_log(test, seq, "a loop: an object freed twice?");
	expect_logf(test, seq, "FIX %s: Isolate corrupted freechain", CACHE_NAME);
	/* every slot of the slab now counts as allocated */
	KUNIT_EXPECT_EQ(test, row.active_objs, (unsigned long)s->objects);
	seq = log_seq();
	SLABINFO(test, s, &row);
	expect_no_log(test, seq, "BUG ");	/* reported once */

	/* the leaked slots, given back by hand, make the cache whole again */
	for (i = 0; i < s->objects; i++) {
		void *o = slab_object(s, slab, i);

		if (o != anchor)
			kmem_cache_free(s, o);
	}
	expect_cache_works(test, s, 1);
	kmem_cache_free(s, anchor);
	destroy_clean(test, s);
}

/* ---- the per-CPU sheaf ------------------------------------------------------------------ */

/*
 * Frees from any slab go on this CPU's sheaf (mm/slab.h), and the next
 * allocations take them back, newest first; slabinfo counts them as
 * free.  A 64-byte cache (slots a power of two: the one-test check of
 * slab_free()) and a 200-byte one (every free checked in full).
 */
static void sheaf_takes_frees_from_any_slab(struct kunit *test)
{
	static const unsigned int sizes[] = { 64, 200 };
	static void *held[160];
	unsigned int k, i, n;

	for (k = 0; k < ARRAY_SIZE(sizes); k++) {
		struct kmem_cache *s = plain_cache(test, sizes[k]);
		struct slab_sheaf *sheaf = this_cpu_sheaf(s);
		struct slabinfo_row row;

		/* objects of several slabs: more than one slab's worth */
		n = min_t(unsigned int, 2 * s->objects + 1, sheaf->capacity);
		KUNIT_ASSERT_GT(test, n, s->objects);
		for (i = 0; i < n; i++) {
			held[i] = kmem_cache_alloc(s, GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, held[i]);
		}
		KUNIT_EXPECT_PTR_NE(test, slab_head(virt_to_page(held[0])),
				    slab_head(virt_to_page(held[n - 1])));
		for (i = 0; i < n; i++)
			kmem_cache_free(s, held[i]);
		KUNIT_EXPECT_EQ(test, sheaf->nr, (unsigned long)n);
		for (i = n; i-- > 0;)
			KUNIT_EXPECT_PTR_EQ(test, kmem_cache_alloc(s, GFP_KERNEL), held[i]);
		KUNIT_EXPECT_EQ(test, sheaf->nr, 0UL);
		for (i = 0; i < n; i++)
			kmem_cache_free(s, held[i]);
		SLABINFO(test, s, &row);	/* gives the sheaf back to the slabs */
		KUNIT_EXPECT_EQ(test, row.active_objs, 0UL);
		KUNIT_EXPECT_EQ(test, sheaf->nr, 0UL);
		expect_cache_works(test, s, 0);
		destroy_clean(test, s);
	}
}

/*
 * A full sheaf gives its older half back to the slabs, and keeps taking
 * frees; every object comes back once.
 */
static void full_sheaf_goes_back_to_the_slabs(struct kunit *test)
{
	struct kmem_cache *s = plain_cache(test, 32);
	struct slab_sheaf *sheaf = this_cpu_sheaf(s);
	unsigned int n = sheaf->capacity + 10, i;
	void **objs = kunit_kzalloc(test, n * sizeof(void *), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, objs);
	for (i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
	}
	for (i = 0; i < n; i++)
		kmem_cache_free(s, objs[i]);
	KUNIT_EXPECT_LE(test, sheaf->nr, sheaf->capacity);
	KUNIT_EXPECT_EQ(test, sheaf->nr, sheaf->capacity - sheaf->capacity / 2 + 10);
	expect_cache_works(test, s, 0);
	destroy_clean(test, s);
}

/*
 * failslab forces the slow path through slab_slow_path, even when the
 * sheaf could serve the allocation at once: a fast path that did not
 * test it would hand out the object.
 */
static void failslab_reaches_past_the_sheaf(struct kunit *test)
{
	struct kmem_cache *s = plain_cache(test, 64);
	void *p = kmem_cache_alloc(s, GFP_KERNEL), *q;

	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	KUNIT_ASSERT_EQ(test, this_cpu_sheaf(s)->nr, 1UL);
	failslab.verbose = false;
	fault_attr_set(&failslab, 1, 100, 0, 1);
	KUNIT_EXPECT_NE(test, slab_slow_path & SLAB_SLOW_FAILSLAB, 0UL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	fault_attr_clear(&failslab);
	KUNIT_EXPECT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, slab_slow_path & SLAB_SLOW_FAILSLAB, 0UL);
	q = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	kmem_cache_free(s, q);
	destroy_clean(test, s);
}

/*
 * The sheaf's pop and push are restartable regions (<asm/restart.h>):
 * an interrupt that comes before a region's commit sends it back to its
 * first instruction, one that comes after leaves it alone.  Checked on
 * every region of the table with made-up interrupted contexts; the
 * stress suite's threads_and_timer_share_new_slabs runs them under real
 * interrupts.
 */
static void interrupted_region_starts_again(struct kunit *test)
{
	const struct restart_region *r, *q;
	unsigned long before = nr_region_restarts;
	unsigned int n = 0;

	for (r = __start___restart_table; r < __stop___restart_table; r++) {
		struct pt_regs regs = { .ip = r->start };
		bool end_inside = false;

		KUNIT_EXPECT_LT(test, r->start, r->end);
		KUNIT_EXPECT_TRUE(test, restart_interrupted_region(&regs));
		KUNIT_EXPECT_EQ(test, regs.ip, r->start);
		regs.ip = r->end - 1;		/* the commit not yet run */
		KUNIT_EXPECT_TRUE(test, restart_interrupted_region(&regs));
		KUNIT_EXPECT_EQ(test, regs.ip, r->start);
		for (q = __start___restart_table; q < __stop___restart_table; q++)
			end_inside |= r->end >= q->start && r->end < q->end;
		if (!end_inside) {		/* the commit has run: stays */
			regs.ip = r->end;
			KUNIT_EXPECT_FALSE(test, restart_interrupted_region(&regs));
			KUNIT_EXPECT_EQ(test, regs.ip, r->end);
		}
		n++;
	}
	/* kfree() and kmalloc() at least have a region each */
	KUNIT_EXPECT_GE(test, n, 2U);
	KUNIT_EXPECT_GE(test, nr_region_restarts - before, 2UL * n);
	{
		struct pt_regs regs = { .ip = (unsigned long)interrupted_region_starts_again };

		KUNIT_EXPECT_FALSE(test, restart_interrupted_region(&regs));
		KUNIT_EXPECT_EQ(test, regs.ip,
				(unsigned long)interrupted_region_starts_again);
	}
}

/* ---- allocation failure ---------------------------------------------------------------------- */

/*
 * No frame for a new slab: Linux's report, with the cache's line, unless
 * the caller passed __GFP_NOWARN (SPEC section 5).  The page allocator is
 * made to fail by fault injection.
 */
static void slab_allocation_failure_is_reported(struct kunit *test)
{
	struct kmem_cache *s = plain_cache(test, 100);
	gfp_t gfp = GFP_KERNEL;
	void *p;
	u64 seq;

	fail_page_alloc.verbose = false;
	fault_attr_set(&fail_page_alloc, 1, 100, 0, 1);
	seq = log_seq();
	p = kmem_cache_alloc(s, GFP_KERNEL);
	fault_attr_clear(&fail_page_alloc);
	KUNIT_EXPECT_NULL(test, p);
	expect_logf(test, seq, "SLUB: Unable to allocate memory on node -1, gfp=%#x(%pGg)",
		    gfp, &gfp);
	expect_logf(test, seq, "  cache: %s, object size: 100, buffer size: %u, default order: %u, min order: %u",
		    CACHE_NAME, s->size, s->order, s->order);
	expect_log(test, seq, "  node 0: slabs: 0, objs: 0, free: 0");

	fault_attr_set(&fail_page_alloc, 1, 100, 0, 1);
	seq = log_seq();
	p = kmem_cache_alloc(s, GFP_KERNEL | __GFP_NOWARN);
	fault_attr_clear(&fail_page_alloc);
	KUNIT_EXPECT_NULL(test, p);
	expect_no_log(test, seq, "SLUB: Unable to allocate memory");

	expect_cache_works(test, s, 0);
	destroy_clean(test, s);
}

static struct kunit_case slab_hardened_cases[] = {
	KUNIT_CASE(double_free_in_active_slab),
	KUNIT_CASE(double_free_in_other_slab),
	KUNIT_CASE(interior_pointer_is_refused),
	KUNIT_CASE(freelist_loop_is_reported),
	KUNIT_CASE(slab_allocation_failure_is_reported),
	KUNIT_CASE(sheaf_takes_frees_from_any_slab),
	KUNIT_CASE(full_sheaf_goes_back_to_the_slabs),
	KUNIT_CASE(failslab_reaches_past_the_sheaf),
	KUNIT_CASE(interrupted_region_starts_again),
	{}
};

/*
 * A KASAN kernel (make KASAN=1) reports each of these misuses itself,
 * first, as Linux's does (suite kasan), and holds freed objects in its
 * quarantine: the slab allocator's own checks never see them.
 */
static int slab_hardened_init(struct kunit *test)
{
	if (IS_ENABLED(CONFIG_KASAN))
		kunit_skip(test, "KASAN kernel: KASAN reports these misuses first (suite kasan)");
	return 0;
}

static struct kunit_suite slab_hardened_suite = {
	.name = "slab_hardened",
	.init = slab_hardened_init,
	.test_cases = slab_hardened_cases,
};
kunit_test_suite(slab_hardened_suite);
