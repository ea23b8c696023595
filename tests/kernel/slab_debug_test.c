// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for slab debugging (mm/slub_debug.c): every misuse of a slab
 * object is reported in Linux's words, and the kernel goes on with the
 * cache intact.
 *
 * Suite "slab_debug".  For each misuse - a double free, a write past
 * either end of an object, a write after free, a free of something that
 * is not an object (the middle of one, the stack, the vmalloc region,
 * the kernel image, a page from the page allocator, an object of another
 * cache), a destroy with objects still allocated - a case checks
 *
 *   - the report: its first line "BUG CACHE (TAINT): WHAT" (TAINT is
 *     print_tainted(): "Not tainted" until a module taints the kernel), the
 *     object's address and bad bytes, "Allocated in FUNC+0x..." and
 *     "Freed in FUNC+0x..." naming the test's own functions, and the
 *     "FIX CACHE: ..." line saying what was repaired;
 *   - that the kernel goes on: the misused object is neither lost nor
 *     handed out twice, the cache's counts (slabinfo) are right, and the
 *     cache then hands out and takes back objects without a report.
 *
 * The cases make their own caches with explicit debug flags, so they
 * pass with or without slab_debug= on the command line; only the cases
 * about kmalloc's own caches need slab_debug= and are skipped without.
 *
 * Each report text is read back from the log ring (<kernel/log.h>).
 * Functions whose names a report must show are noinline, and end with a
 * barrier() so their call into the allocator is not a tail call.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <asm/page.h>
#include "slab_kunit.h"
#include "../../mm/slab.h"	/* give_back_leaked_slab() */

#define CACHE_NAME	"slab_debug-test"

/* A cache of @size-byte objects with @flags, destroyed by the case. */
static struct kmem_cache *debug_cache(struct kunit *test, unsigned int size,
				      slab_flags_t flags)
{
	struct kmem_cache *s = kmem_cache_create(CACHE_NAME, size, 0, flags, NULL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	return s;
}

/* Allocation sites the reports must name. */
static noinline void *alloc_victim(struct kmem_cache *s)
{
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	barrier();
	return p;
}

static noinline void free_victim(struct kmem_cache *s, void *p)
{
	kmem_cache_free(s, p);
	barrier();
}

static noinline void *kmalloc_victim(size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);

	barrier();
	return p;
}

static noinline void kfree_victim(const void *p)
{
	kfree(p);
	barrier();
}

/* The first line of a report about cache @s. */
static void expect_bug(struct kunit *test, u64 seq, struct kmem_cache *s,
		       const char *what)
{
	expect_logf(test, seq, "BUG %s (%s): %s", kmem_cache_name(s), print_tainted(), what);
}

/*
 * A track of a report: the line "WHAT in FUNC+0x...", then, as Linux
 * SLUB prints it from the stack depot, the whole stack it was recorded
 * with, a " FUNC+0xOFF/0xSIZE" line per frame: @func's own frame and
 * further down the test runner's (kunit_try), all before the slab's
 * "Slab 0x..." line that follows the tracks (the report's own call
 * trace, which names the freeing function too, comes later still).
 */
static void expect_track(struct kunit *test, u64 seq, const char *what,
			 const char *func)
{
	char line[64], frame[64];
	u64 at, end, f, runner;

	snprintf(line, sizeof(line), "%s in %s+0x", what, func);
	snprintf(frame, sizeof(frame), "]  %s+0x", func);
	at = log_search(seq, line);
	KUNIT_EXPECT_TRUE_MSG(test, at, "the log lacks \"%s\"", line);
	if (!at)
		return;
	end = log_search(at, "Slab 0x") ?: ~0ULL;
	f = log_search(at, frame);
	runner = f ? log_search(f, "]  kunit_try+0x") : 0;
	KUNIT_EXPECT_TRUE_MSG(test, f && f < end && runner && runner < end,
			      "\"%s...\" is not followed by its stack (\"%s\", then \"kunit_try+0x\")",
			      line, frame + 3);
}

/* The call sites of a report about an object of the test's own functions. */
static void expect_tracks(struct kunit *test, u64 seq, bool freed)
{
	expect_track(test, seq, "Allocated", "alloc_victim");
	if (freed)
		expect_track(test, seq, "Freed", "free_victim");
}

/* ---- double free --------------------------------------------------------------------------- */

/*
 * The second free is refused ("Object already free"): had it gone
 * through, the object would sit twice on the freelist and the next two
 * allocations would both get it.
 */
static void double_free_with_flags(struct kunit *test, slab_flags_t flags)
{
	struct kmem_cache *s = debug_cache(test, 64, flags);
	void *anchor, *p;
	u64 seq;

	anchor = alloc_victim(s);	/* keeps the slab alive */
	p = alloc_victim(s);
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	free_victim(s, p);

	seq = log_seq();
	free_victim(s, p);
	expect_bug(test, seq, s, "Object already free");
	if (flags & SLAB_STORE_USER)
		expect_tracks(test, seq, true);
	expect_log(test, seq, "Freed again by free_victim+0x");
	expect_logf(test, seq, "FIX %s: Object at 0x%px not freed", CACHE_NAME, p);

	/* freed once only: the object comes back once, with the others distinct */
	expect_cache_works(test, s, 1);
	kmem_cache_free(s, anchor);
	seq = log_seq();
	kmem_cache_destroy(s);
	expect_no_log(test, seq, "BUG ");
}

static void double_free(struct kunit *test)
{
	kunit_expect_reports(test, "BUG slab_debug-test (*): Object already free");
	double_free_with_flags(test, SLAB_TEST_DEBUG);
}

/* Each of the two ways of catching it alone: red zone state, freelist walk. */
static void double_free_red_zone_only(struct kunit *test)
{
	kunit_expect_reports(test, "BUG slab_debug-test (*): Object already free");
	double_free_with_flags(test, SLAB_RED_ZONE);
}

static void double_free_consistency_only(struct kunit *test)
{
	kunit_expect_reports(test, "BUG slab_debug-test (*): Object already free");
	double_free_with_flags(test, SLAB_CONSISTENCY_CHECKS);
}

/* kfree() finds a slab object's cache itself; the check is the same. */
static void double_kfree_of_cache_object(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 64, SLAB_TEST_DEBUG);
	void *anchor = alloc_victim(s), *p = alloc_victim(s);
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Object already free");
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree_victim(p);
	seq = log_seq();
	kfree_victim(p);
	expect_bug(test, seq, s, "Object already free");
	expect_track(test, seq, "Allocated", "alloc_victim");
	expect_track(test, seq, "Freed", "kfree_victim");
	expect_log(test, seq, "Freed again by kfree_victim+0x");
	expect_cache_works(test, s, 1);
	kfree(anchor);
	kmem_cache_destroy(s);
}

/* ---- red zones ----------------------------------------------------------------------------- */

/*
 * One byte written past the end of a live object: reported when it is
 * freed, with the address, the offset in the slab and the byte found,
 * then the red zone is restored and the free goes through.
 */
static void right_redzone_overwrite(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 64, SLAB_TEST_DEBUG);
	u8 *p = alloc_victim(s);
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Right Redzone overwritten");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[64], SLUB_RED_ACTIVE);
	((volatile u8 *)p)[64] = 0x00;
	((volatile u8 *)p)[65] = 0x11;

	seq = log_seq();
	free_victim(s, p);
	expect_bug(test, seq, s, "Right Redzone overwritten");
	expect_logf(test, seq, "0x%px-0x%px @offset=", p + 64, p + 65);
	expect_log(test, seq, "First byte 0x0 instead of 0xcc");
	expect_track(test, seq, "Allocated", "alloc_victim");
	expect_logf(test, seq, "Object  %px: 6b 6b", p);
	expect_logf(test, seq, "FIX %s: Restoring Right Redzone 0x%px-0x%px=0xcc",
		    CACHE_NAME, p + 64, p + 65);

	/* the free went through, the zone is whole again */
	KUNIT_EXPECT_EQ(test, p[64], SLUB_RED_INACTIVE);
	KUNIT_EXPECT_EQ(test, p[65], SLUB_RED_INACTIVE);
	expect_cache_works(test, s, 0);
	seq = log_seq();
	kmem_cache_destroy(s);
	expect_no_log(test, seq, "BUG ");
}

/* One byte written before the start: the left red zone. */
static void left_redzone_overwrite(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 64, SLAB_TEST_DEBUG);
	u8 *p = alloc_victim(s);
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Left Redzone overwritten");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p[-1], SLUB_RED_ACTIVE);
	((volatile u8 *)p)[-1] = 0x00;

	seq = log_seq();
	free_victim(s, p);
	expect_bug(test, seq, s, "Left Redzone overwritten");
	expect_logf(test, seq, "0x%px-0x%px @offset=", p - 1, p - 1);
	expect_log(test, seq, "First byte 0x0 instead of 0xcc");
	expect_track(test, seq, "Allocated", "alloc_victim");
	expect_logf(test, seq, "FIX %s: Restoring Left Redzone 0x%px-0x%px=0xcc",
		    CACHE_NAME, p - 1, p - 1);
	KUNIT_EXPECT_EQ(test, p[-1], SLUB_RED_INACTIVE);
	expect_cache_works(test, s, 0);
	kmem_cache_destroy(s);
}

/*
 * With consistency checks (F, in SLAB_TEST_DEBUG), a free object found
 * damaged when it is about to be handed out is refused, as in Linux:
 * the report, then "Marking all objects used": its slab is taken out of
 * use (every free object of it counts as allocated, leaked on purpose)
 * and the allocation is served from another slab.
 *
 * The cases then give the leaked slots back, so that they can destroy
 * their cache: each slot (but @keep, still allocated) is made to look
 * allocated (red zones 0xcc) and freed, as an owner would free it.
 */
static void give_back_leaked_slab(struct kmem_cache *s, void *in_slab,
				  void *keep)
{
	struct page *slab = slab_head(virt_to_page(in_slab));
	unsigned int i;

	for (i = 0; i < s->objects; i++) {
		u8 *o = slab_object(s, slab, i);

		if (o == keep)
			continue;
		if (s->flags & SLAB_RED_ZONE) {
			memset(o - s->red_left_pad, SLUB_RED_ACTIVE, s->red_left_pad);
			memset(o + s->object_size, SLUB_RED_ACTIVE,
			       s->inuse - s->object_size);
		}
		kmem_cache_free(s, o);
	}
}

/* The report ends with the slab being taken out of use. */
static void expect_refused(struct kunit *test, u64 seq, struct kmem_cache *s,
			   void *damaged, void *got)
{
	expect_logf(test, seq, "FIX %s: Marking all objects used", CACHE_NAME);
	KUNIT_EXPECT_PTR_NE(test, got, damaged);
	KUNIT_EXPECT_PTR_NE(test, virt_to_page(got), virt_to_page(damaged));
}

/*
 * A red zone written while the object is free (0xbb there): found when
 * the object is handed out again, before its new owner gets it.
 */
static void redzone_of_free_object(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 40, SLAB_TEST_DEBUG);
	u8 *anchor = alloc_victim(s), *p = alloc_victim(s), *q;
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Right Redzone overwritten");
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	free_victim(s, p);
	KUNIT_EXPECT_EQ(test, p[40], SLUB_RED_INACTIVE);
	((volatile u8 *)p)[40] = 0x42;

	seq = log_seq();
	q = alloc_victim(s);
	KUNIT_ASSERT_NOT_NULL(test, q);
	expect_bug(test, seq, s, "Right Redzone overwritten");
	expect_log(test, seq, "First byte 0x42 instead of 0xbb");
	expect_tracks(test, seq, true);
	expect_refused(test, seq, s, p, q);
	KUNIT_EXPECT_EQ(test, q[40], SLUB_RED_ACTIVE);
	kmem_cache_free(s, q);
	give_back_leaked_slab(s, p, anchor);
	expect_cache_works(test, s, 1);
	kmem_cache_free(s, anchor);
	kmem_cache_destroy(s);
}

/* ---- poison: use after free ------------------------------------------------------------------ */

/*
 * A write into a freed object is found when the object is handed out
 * again: "Poison overwritten", the first bad byte, where it was allocated
 * and freed; the poison is restored and the object refused.
 */
static void use_after_free_found_at_alloc(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 100, SLAB_TEST_DEBUG);
	u8 *anchor = alloc_victim(s), *p = alloc_victim(s), *q;
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Poison overwritten");
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	free_victim(s, p);
	((volatile u8 *)p)[10] = 0x00;
	((volatile u8 *)p)[11] = 0x00;

	seq = log_seq();
	q = alloc_victim(s);
	KUNIT_ASSERT_NOT_NULL(test, q);
	expect_bug(test, seq, s, "Poison overwritten");
	expect_logf(test, seq, "0x%px-0x%px @offset=", p + 10, p + 11);
	expect_log(test, seq, "First byte 0x0 instead of 0x6b");
	expect_tracks(test, seq, true);
	expect_logf(test, seq, "FIX %s: Restoring Poison 0x%px-0x%px=0x6b",
		    CACHE_NAME, p + 10, p + 11);
	expect_refused(test, seq, s, p, q);
	/* once only: the allocations that follow find nothing */
	kmem_cache_free(s, q);
	seq = log_seq();
	q = alloc_victim(s);
	KUNIT_EXPECT_PTR_NE(test, virt_to_page(q), virt_to_page(p));
	expect_no_log(test, seq, "BUG ");
	kmem_cache_free(s, q);
	give_back_leaked_slab(s, p, anchor);
	expect_cache_works(test, s, 1);
	kmem_cache_free(s, anchor);
	kmem_cache_destroy(s);
}

/* The last byte of a free object is POISON_END (0xa5), not 0x6b. */
static void poison_end_overwritten(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 32, SLAB_TEST_DEBUG);
	u8 *anchor = alloc_victim(s), *p = alloc_victim(s), *q;
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Poison overwritten");
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	free_victim(s, p);
	KUNIT_EXPECT_EQ(test, p[31], POISON_END);
	((volatile u8 *)p)[31] = POISON_FREE;
	seq = log_seq();
	q = alloc_victim(s);
	KUNIT_ASSERT_NOT_NULL(test, q);
	expect_bug(test, seq, s, "Poison overwritten");
	expect_log(test, seq, "First byte 0x6b instead of 0xa5");
	expect_refused(test, seq, s, p, q);
	kmem_cache_free(s, q);
	give_back_leaked_slab(s, p, anchor);
	kmem_cache_free(s, anchor);
	kmem_cache_destroy(s);
}

/*
 * The refusal in detail (see give_back_leaked_slab()): the slab's free
 * objects all count as allocated, the allocation and those that follow
 * come from a new slab, and the old one hands out nothing more.
 */
static void alloc_refuses_damaged_object(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 100, SLAB_TEST_DEBUG);
	u8 *anchor = alloc_victim(s), *p = alloc_victim(s), *q;
	struct slabinfo_row row;
	unsigned int objects, i;
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Poison overwritten");
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_PTR_EQ(test, virt_to_page(anchor), virt_to_page(p));
	SLABINFO(test, s, &row);
	objects = row.objperslab;
	KUNIT_ASSERT_EQ(test, row.num_slabs, 1UL);
	free_victim(s, p);
	((volatile u8 *)p)[10] = 0x00;		/* use after free */

	seq = log_seq();
	q = alloc_victim(s);
	KUNIT_ASSERT_NOT_NULL(test, q);
	expect_bug(test, seq, s, "Poison overwritten");
	expect_logf(test, seq, "FIX %s: Restoring Poison", CACHE_NAME);
	/* not the damaged object, nor any other of its slab: a new slab */
	expect_refused(test, seq, s, p, q);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 2UL);
	KUNIT_EXPECT_EQ(test, row.active_objs, (unsigned long)objects + 1);

	/* the old slab hands out nothing more */
	seq = log_seq();
	for (i = 0; i < 4; i++) {
		void *o = kmem_cache_alloc(s, GFP_KERNEL);

		KUNIT_EXPECT_PTR_NE(test, virt_to_page(o), virt_to_page(p));
		kmem_cache_free(s, o);
	}
	expect_no_log(test, seq, "BUG ");

	/* give the leaked slots back, then the cache is clean */
	give_back_leaked_slab(s, p, anchor);
	kmem_cache_free(s, anchor);
	kmem_cache_free(s, q);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 0UL);
	seq = log_seq();
	kmem_cache_destroy(s);
	expect_no_log(test, seq, "BUG ");
}

/*
 * kmem_cache_shrink() checks every free object, so a write after free
 * into an object nobody allocates again is still found.
 */
static void use_after_free_found_at_shrink(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 100, SLAB_TEST_DEBUG);
	u8 *anchor = alloc_victim(s), *p = alloc_victim(s);
	struct slabinfo_row row;
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Poison overwritten");
	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	free_victim(s, p);
	((volatile u8 *)p)[0] = 0x42;

	seq = log_seq();
	kmem_cache_shrink(s);
	expect_bug(test, seq, s, "Poison overwritten");
	expect_log(test, seq, "First byte 0x42 instead of 0x6b");
	expect_tracks(test, seq, true);
	expect_logf(test, seq, "FIX %s: Restoring Poison 0x%px-0x%px=0x6b",
		    CACHE_NAME, p, p);
	KUNIT_EXPECT_EQ(test, p[0], POISON_FREE);	/* anchor keeps the slab */

	/* reported once: the next shrink is silent */
	seq = log_seq();
	kmem_cache_shrink(s);
	expect_no_log(test, seq, "BUG ");
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 1UL);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 1UL);
	expect_cache_works(test, s, 1);
	kmem_cache_free(s, anchor);
	kmem_cache_shrink(s);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 0UL);
	kmem_cache_destroy(s);
}

/* ... and so does kmem_cache_destroy(), which then frees everything. */
static void use_after_free_found_at_destroy(struct kunit *test)
{
	unsigned long frames = nr_free_pages() + slab_frames();
	struct kmem_cache *s = debug_cache(test, 100, SLAB_TEST_DEBUG);
	u8 *p = alloc_victim(s);
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Poison overwritten");
	KUNIT_ASSERT_NOT_NULL(test, p);
	free_victim(s, p);
	((volatile u8 *)p)[99] = 0x00;

	seq = log_seq();
	kmem_cache_destroy(s);
	expect_logf(test, seq, "BUG %s (%s): Poison overwritten", CACHE_NAME, print_tainted());
	expect_log(test, seq, "First byte 0x0 instead of 0xa5");
	expect_tracks(test, seq, true);
	expect_no_log(test, seq, "Objects remaining");
	KUNIT_EXPECT_NULL(test, slabinfo_line(CACHE_NAME));
	KUNIT_EXPECT_EQ(test, nr_free_pages() + slab_frames(), frames);
}

/* ---- the debug bytes --------------------------------------------------------------------------- */

/*
 * Linux's values: an allocated object has 0xcc red zones (and, never
 * written, still its poison), a freed one 0x6b poison ending in 0xa5 and
 * 0xbb red zones.
 */
static void debug_bytes_are_linux_values(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 48, SLAB_TEST_DEBUG);
	u8 *anchor = alloc_victim(s), *p = alloc_victim(s);

	KUNIT_ASSERT_NOT_NULL(test, anchor);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, POISON_INUSE, 0x5a);
	KUNIT_EXPECT_EQ(test, POISON_FREE, 0x6b);
	KUNIT_EXPECT_EQ(test, POISON_END, 0xa5);
	KUNIT_EXPECT_EQ(test, SLUB_RED_INACTIVE, 0xbb);
	KUNIT_EXPECT_EQ(test, SLUB_RED_ACTIVE, 0xcc);

	KUNIT_EXPECT_EQ(test, p[-1], SLUB_RED_ACTIVE);
	KUNIT_EXPECT_EQ(test, p[48], SLUB_RED_ACTIVE);
	KUNIT_EXPECT_TRUE(test, mem_is(p, POISON_FREE, 47));
	KUNIT_EXPECT_EQ(test, p[47], POISON_END);
	memset(p, 0, 48);
	free_victim(s, p);
	KUNIT_EXPECT_EQ(test, p[-1], SLUB_RED_INACTIVE);
	KUNIT_EXPECT_EQ(test, p[48], SLUB_RED_INACTIVE);
	KUNIT_EXPECT_TRUE(test, mem_is(p, POISON_FREE, 47));
	KUNIT_EXPECT_EQ(test, p[47], POISON_END);
	kmem_cache_free(s, anchor);
	kmem_cache_destroy(s);
}

/* ---- invalid pointers ---------------------------------------------------------------------------- */

/* The report for @bad passed to kmem_cache_free(@s) or kfree() (@s NULL). */
static void expect_invalid(struct kunit *test, u64 seq, struct kmem_cache *s,
			   const void *bad, const char *freer)
{
	expect_logf(test, seq, "BUG %s (%s): Invalid object pointer 0x%px",
		    s ? kmem_cache_name(s) : "kmalloc", print_tainted(), bad);
	expect_logf(test, seq, "freed by %s+0x", freer);
	if (s)
		expect_logf(test, seq, "FIX %s: Object at 0x%px not freed",
			    kmem_cache_name(s), bad);
}

/* A pointer into the middle of an object is not an object: nothing is freed. */
static void invalid_pointer_middle_of_object(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 64, SLAB_TEST_DEBUG);
	u8 *p = alloc_victim(s);
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-test (*): Invalid object pointer");
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0x33, 64);
	seq = log_seq();
	free_victim(s, p + 8);
	expect_invalid(test, seq, s, p + 8, "free_victim");

	seq = log_seq();
	kfree_victim(p + 1);
	expect_invalid(test, seq, s, p + 1, "kfree_victim");

	/* the object is still allocated, untouched, and frees normally */
	KUNIT_EXPECT_TRUE(test, mem_is(p, 0x33, 64));
	expect_cache_works(test, s, 1);
	seq = log_seq();
	free_victim(s, p);
	expect_no_log(test, seq, "BUG ");
	kmem_cache_destroy(s);
}

/* A stack address: kfree() and kmem_cache_free() refuse it. */
static void invalid_pointer_stack(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 64, 0);
	unsigned long live = slab_objects_live();
	u8 buf[64];
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc (*): Invalid", "BUG slab_debug-test (*): Invalid");
	memset(buf, 0x5c, sizeof(buf));
	seq = log_seq();
	kfree_victim(buf);
	expect_invalid(test, seq, NULL, buf, "kfree_victim");
	seq = log_seq();
	free_victim(s, buf);
	expect_invalid(test, seq, s, buf, "free_victim");
	KUNIT_EXPECT_TRUE(test, mem_is(buf, 0x5c, sizeof(buf)));
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
	expect_cache_works(test, s, 0);
	kmem_cache_destroy(s);
}

/*
 * An address in the vmalloc region where nothing is mapped: refused
 * without being touched (touching it would fault).
 */
static void invalid_pointer_vmalloc(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 64, 0);
	void *bad = (void *)(VMALLOC_START + 0x1000);
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc (*): Invalid", "BUG slab_debug-test (*): Invalid");
	seq = log_seq();
	kfree_victim(bad);
	expect_invalid(test, seq, NULL, bad, "kfree_victim");
	seq = log_seq();
	free_victim(s, bad);
	expect_invalid(test, seq, s, bad, "free_victim");
	KUNIT_EXPECT_EQ(test, ksize(bad), (size_t)0);
	expect_no_log(test, seq, "page fault");
	expect_cache_works(test, s, 0);
	kmem_cache_destroy(s);
}

static u8 image_bytes[64] = { 1, 2, 3 };

/* An address in the kernel image (a static variable). */
static void invalid_pointer_kernel_image(struct kunit *test)
{
	struct kmem_cache *s = debug_cache(test, 64, 0);
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc (*): Invalid", "BUG slab_debug-test (*): Invalid");
	seq = log_seq();
	kfree_victim(image_bytes);
	expect_invalid(test, seq, NULL, image_bytes, "kfree_victim");
	seq = log_seq();
	free_victim(s, image_bytes);
	expect_invalid(test, seq, s, image_bytes, "free_victim");
	KUNIT_EXPECT_EQ(test, image_bytes[2], 3);
	expect_cache_works(test, s, 0);
	kmem_cache_destroy(s);
}

/* A page from the page allocator is neither a slab object nor a large kmalloc. */
static void invalid_pointer_page(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long free_before;
	void *addr;
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc (*): Invalid object pointer");
	KUNIT_ASSERT_NOT_NULL(test, page);
	addr = page_address(page);
	free_before = nr_free_pages();
	seq = log_seq();
	kfree_victim(addr);
	expect_invalid(test, seq, NULL, addr, "kfree_victim");
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);	/* not freed */
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);
	seq = log_seq();
	__free_page(page);
	expect_no_log(test, seq, "Bad page state");
}

/*
 * A large kmalloc freed twice: the second kfree() finds no large kmalloc
 * there any more, and frees nothing.
 */
static void double_kfree_large(struct kunit *test)
{
	unsigned long free_before = nr_free_pages();
	void *p = kmalloc_victim(5 * PAGE_SIZE);
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc (*): Invalid object pointer");
	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree_victim(p);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
	seq = log_seq();
	kfree_victim(p);
	expect_invalid(test, seq, NULL, p, "kfree_victim");
	expect_no_log(test, seq, "Bad page state");
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);

	/* and a pointer into the middle of a live one */
	p = kmalloc_victim(5 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	seq = log_seq();
	kfree_victim((u8 *)p + PAGE_SIZE);
	expect_invalid(test, seq, NULL, (u8 *)p + PAGE_SIZE, "kfree_victim");
	seq = log_seq();
	kfree_victim((u8 *)p + 16);
	expect_invalid(test, seq, NULL, (u8 *)p + 16, "kfree_victim");
	kfree(p);
	KUNIT_EXPECT_EQ(test, nr_free_pages(), free_before);
}

/* An object freed to the wrong cache: refused, still allocated in its own. */
static void wrong_cache(struct kunit *test)
{
	struct kmem_cache *a = kmem_cache_create("slab_debug-a", 64, 0, 0, NULL);
	struct kmem_cache *b = kmem_cache_create("slab_debug-b", 64, 0, 0, NULL);
	struct slabinfo_row row;
	void *p, *k;
	u64 seq;

	kunit_expect_reports(test, "BUG slab_debug-b (*): Invalid", "BUG slab_debug-a (*): Invalid");
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	p = alloc_victim(a);
	KUNIT_ASSERT_NOT_NULL(test, p);
	seq = log_seq();
	free_victim(b, p);
	expect_invalid(test, seq, b, p, "free_victim");
	SLABINFO(test, a, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 1UL);
	SLABINFO(test, b, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 0UL);

	/* a kmalloc object is not an object of a either */
	k = kmalloc_victim(64);
	KUNIT_ASSERT_NOT_NULL(test, k);
	seq = log_seq();
	free_victim(a, k);
	expect_invalid(test, seq, a, k, "free_victim");
	kfree(k);

	expect_cache_works(test, a, 1);
	expect_cache_works(test, b, 0);
	kmem_cache_free(a, p);
	kmem_cache_destroy(a);
	kmem_cache_destroy(b);
}

/* ---- destroy with live objects ---------------------------------------------------------------------- */

#define LEAKED	3

static noinline void leak_objects(struct kmem_cache *s, void **obj)
{
	unsigned int i;

	for (i = 0; i < LEAKED; i++)
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
	barrier();
}

static noinline void destroy_cache(struct kmem_cache *s)
{
	kmem_cache_destroy(s);
	barrier();
}

/*
 * kmem_cache_destroy() with objects still allocated: "Objects remaining
 * on __kmem_cache_shutdown()", each live object with the function that
 * allocated it, and the cache stays, its slabs not freed from under the
 * objects.  Once they are freed, the cache is destroyed without a word.
 */
static void destroy_with_objects_with_flags(struct kunit *test, slab_flags_t flags)
{
	unsigned long frames = nr_free_pages() + slab_frames();
	struct kmem_cache *s = debug_cache(test, 200, flags);
	struct slabinfo_row row;
	void *obj[LEAKED];
	unsigned int i;
	u64 seq;

	leak_objects(s, obj);
	for (i = 0; i < LEAKED; i++) {
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		memset(obj[i], 0x44 + i, 200);
	}

	seq = log_seq();
	destroy_cache(s);
	expect_bug(test, seq, s, "Objects remaining on __kmem_cache_shutdown()");
	for (i = 0; i < LEAKED; i++)
		expect_logf(test, seq, "Object 0x%px @offset=", obj[i]);
	if ((flags | slab_debug_flags) & SLAB_STORE_USER)
		expect_log(test, seq, "Allocated in leak_objects+0x");
	expect_logf(test, seq,
		    "kmem_cache_destroy %s: Slab cache still has objects when called from destroy_cache+0x",
		    CACHE_NAME);

	/* the cache is still there, and so is every object */
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, (unsigned long)LEAKED);
	for (i = 0; i < LEAKED; i++) {
		KUNIT_EXPECT_TRUE(test, PageSlab(virt_to_page(obj[i])));
		KUNIT_EXPECT_PTR_EQ(test, cache_of(obj[i]), s);
		KUNIT_EXPECT_TRUE(test, mem_is(obj[i], 0x44 + i, 200));
	}
	expect_cache_works(test, s, LEAKED);

	for (i = 0; i < LEAKED; i++)
		kmem_cache_free(s, obj[i]);
	seq = log_seq();
	destroy_cache(s);
	expect_no_log(test, seq, "BUG ");
	expect_no_log(test, seq, "still has objects");
	KUNIT_EXPECT_NULL(test, slabinfo_line(CACHE_NAME));
	KUNIT_EXPECT_EQ(test, nr_free_pages() + slab_frames(), frames);
}

static void destroy_with_objects(struct kunit *test)
{
	kunit_expect_reports(test, "BUG slab_debug-test (*): Objects remaining");
	destroy_with_objects_with_flags(test, SLAB_TEST_DEBUG);
}

/* Without debug flags the report has no call sites, but the rest holds. */
static void destroy_with_objects_no_debug(struct kunit *test)
{
	kunit_expect_reports(test, "BUG slab_debug-test (*): Objects remaining");
	destroy_with_objects_with_flags(test, 0);
}

/* ---- kmalloc's own caches (need slab_debug=) ------------------------------------------------------- */

/* Skip unless kmalloc-@size has every debug option (slab_debug=FZPU). */
static struct kmem_cache *kmalloc_debug_cache(struct kunit *test, size_t size)
{
	void *p = kmalloc(size, GFP_KERNEL);
	struct kmem_cache *s;

	KUNIT_ASSERT_NOT_NULL(test, p);
	s = cache_of(p);
	kfree(p);
	KUNIT_ASSERT_NOT_NULL(test, s);
	if ((slab_debug_flags & SLAB_TEST_DEBUG) != SLAB_TEST_DEBUG)
		kunit_skip(test, "needs slab_debug=FZPU on the kmalloc caches");
	return s;
}

/* The kmalloc cache @s works, whatever others hold in it. */
static void expect_kmalloc_cache_works(struct kunit *test, struct kmem_cache *s)
{
	struct slabinfo_row row;

	SLABINFO(test, s, &row);
	expect_cache_works(test, s, row.active_objs);
}

/* A write past the requested size but inside the class (ksize) is allowed... */
static void kmalloc_redzone_at_class_size(struct kunit *test)
{
	struct kmem_cache *s = kmalloc_debug_cache(test, 64);
	u8 *p = kmalloc_victim(60);
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc-64 (*): Right Redzone overwritten");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_EQ(test, cache_of(p), s);
	((volatile u8 *)p)[63] = 0;	/* inside ksize(): allowed */
	((volatile u8 *)p)[64] = 0;	/* ...past it: not */
	seq = log_seq();
	kfree_victim(p);
	expect_logf(test, seq, "BUG kmalloc-64 (%s): Right Redzone overwritten", print_tainted());
	expect_logf(test, seq, "0x%px-0x%px @offset=", p + 64, p + 64);
	expect_track(test, seq, "Allocated", "kmalloc_victim");
	expect_log(test, seq, "FIX kmalloc-64: Restoring Right Redzone");
	expect_kmalloc_cache_works(test, s);
}

static void kmalloc_double_free(struct kunit *test)
{
	struct kmem_cache *s = kmalloc_debug_cache(test, 96);
	void *p = kmalloc_victim(70);
	unsigned long live;
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc-96 (*): Object already free");
	KUNIT_ASSERT_NOT_NULL(test, p);
	kfree_victim(p);
	live = slab_objects_live();
	seq = log_seq();
	kfree_victim(p);
	expect_logf(test, seq, "BUG kmalloc-96 (%s): Object already free", print_tainted());
	expect_track(test, seq, "Allocated", "kmalloc_victim");
	expect_track(test, seq, "Freed", "kfree_victim");
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
	expect_kmalloc_cache_works(test, s);
}

/*
 * A write after free into a kmalloc object, found by shrinking its
 * cache.  The object must stay in a slab for that: another object of the
 * same slab is kept allocated meanwhile.
 */
static void kmalloc_use_after_free(struct kunit *test)
{
	struct kmem_cache *s = kmalloc_debug_cache(test, 192);
	static void *others[64];
	void *anchor = NULL;
	u8 *p;
	unsigned int i, n = 0;
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc-192 (*): Poison overwritten");
	p = kmalloc_victim(150);
	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < ARRAY_SIZE(others) && !anchor; i++) {
		void *o = kmalloc(150, GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, o);
		if (virt_to_page(o) == virt_to_page(p))
			anchor = o;
		else
			others[n++] = o;
	}
	while (n)
		kfree(others[--n]);
	KUNIT_ASSERT_NOT_NULL(test, anchor);

	kfree_victim(p);
	((volatile u8 *)p)[100] = 0x99;
	seq = log_seq();
	kmem_cache_shrink(s);
	expect_logf(test, seq, "BUG kmalloc-192 (%s): Poison overwritten", print_tainted());
	expect_log(test, seq, "First byte 0x99 instead of 0x6b");
	expect_track(test, seq, "Allocated", "kmalloc_victim");
	expect_track(test, seq, "Freed", "kfree_victim");
	expect_log(test, seq, "FIX kmalloc-192: Restoring Poison");
	kfree(anchor);
	expect_kmalloc_cache_works(test, s);
}

/* kfree() of the middle of a kmalloc object. */
static void kmalloc_invalid_pointer(struct kunit *test)
{
	struct kmem_cache *s = kmalloc_debug_cache(test, 32);
	u8 *p = kmalloc_victim(32);
	unsigned long live = slab_objects_live();
	u64 seq;

	kunit_expect_reports(test, "BUG kmalloc-32 (*): Invalid object pointer");
	KUNIT_ASSERT_NOT_NULL(test, p);
	seq = log_seq();
	kfree_victim(p + 16);
	expect_invalid(test, seq, s, p + 16, "kfree_victim");
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
	kfree(p);
	expect_kmalloc_cache_works(test, s);
}

static struct kunit_case slab_debug_cases[] = {
	KUNIT_CASE(double_free),
	KUNIT_CASE(double_free_red_zone_only),
	KUNIT_CASE(double_free_consistency_only),
	KUNIT_CASE(double_kfree_of_cache_object),
	KUNIT_CASE(right_redzone_overwrite),
	KUNIT_CASE(left_redzone_overwrite),
	KUNIT_CASE(redzone_of_free_object),
	KUNIT_CASE(use_after_free_found_at_alloc),
	KUNIT_CASE(poison_end_overwritten),
	KUNIT_CASE(alloc_refuses_damaged_object),
	KUNIT_CASE(use_after_free_found_at_shrink),
	KUNIT_CASE(use_after_free_found_at_destroy),
	KUNIT_CASE(debug_bytes_are_linux_values),
	KUNIT_CASE(invalid_pointer_middle_of_object),
	KUNIT_CASE(invalid_pointer_stack),
	KUNIT_CASE(invalid_pointer_vmalloc),
	KUNIT_CASE(invalid_pointer_kernel_image),
	KUNIT_CASE(invalid_pointer_page),
	KUNIT_CASE(double_kfree_large),
	KUNIT_CASE(wrong_cache),
	KUNIT_CASE(destroy_with_objects),
	KUNIT_CASE(destroy_with_objects_no_debug),
	KUNIT_CASE(kmalloc_redzone_at_class_size),
	KUNIT_CASE(kmalloc_double_free),
	KUNIT_CASE(kmalloc_use_after_free),
	KUNIT_CASE(kmalloc_invalid_pointer),
	{}
};

/*
 * A KASAN kernel (make KASAN=1) reports each of these misuses itself,
 * first, as Linux's does (suite kasan), and holds freed objects in its
 * quarantine: the slab allocator's own checks never see them.
 */
static int slab_debug_init(struct kunit *test)
{
	if (IS_ENABLED(CONFIG_KASAN))
		kunit_skip(test, "KASAN kernel: KASAN reports these misuses first (suite kasan)");
	return 0;
}

static struct kunit_suite slab_debug_suite = {
	.name = "slab_debug",
	.init = slab_debug_init,
	.test_cases = slab_debug_cases,
};
kunit_test_suite(slab_debug_suite);
