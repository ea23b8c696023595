// SPDX-License-Identifier: GPL-2.0
/*
 * Grading suite of the slab lab (labs/slab): the kmalloc size classes
 * (kmalloc_index() in <linux/slab.h>, size_index[] in mm/slab_common.c),
 * the slab order (calculate_order() in mm/slub.c) and the return of empty
 * slabs to the page allocator (__slab_free() in mm/slub.c).
 *
 * `make grade LAB=slab` runs it; labs/slab/lab.conf gives each case its
 * points.  Every case is leak-checked by the runner: each cache a case
 * creates is destroyed, and every object freed.
 *
 * The cases read a cache's insides (order, slot size, slab counts) from
 * mm/slab.h: grading looks where slabinfo would.
 */
#include <kunit/test.h>
#include <linux/kasan.h>
#include <linux/fault-inject.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "../../mm/slab.h"

/* What kmalloc(size) must give: ksize() and the cache's name. */
static const struct {
	size_t size;
	unsigned int class_size;
	const char *cache;
} classes[] = {
	{ 1, 8, "kmalloc-8" },		{ 8, 8, "kmalloc-8" },
	{ 9, 16, "kmalloc-16" },	{ 16, 16, "kmalloc-16" },
	{ 17, 32, "kmalloc-32" },	{ 32, 32, "kmalloc-32" },
	{ 33, 64, "kmalloc-64" },	{ 64, 64, "kmalloc-64" },
	{ 65, 96, "kmalloc-96" },	{ 96, 96, "kmalloc-96" },
	{ 97, 128, "kmalloc-128" },	{ 128, 128, "kmalloc-128" },
	{ 129, 192, "kmalloc-192" },	{ 192, 192, "kmalloc-192" },
	{ 193, 256, "kmalloc-256" },	{ 256, 256, "kmalloc-256" },
	{ 257, 512, "kmalloc-512" },	{ 1000, 1024, "kmalloc-1k" },
	{ 1025, 2048, "kmalloc-2k" },	{ 4096, 4096, "kmalloc-4k" },
	{ 4097, 8192, "kmalloc-8k" },	{ 8192, 8192, "kmalloc-8k" },
};

static void expect_class(struct kunit *test, void *p, unsigned int i,
			 const char *how)
{
	struct page *page;

	KUNIT_ASSERT_NOT_NULL_MSG(test, p, "%s kmalloc(%zu)", how, classes[i].size);
	page = virt_to_page(p);
	KUNIT_EXPECT_EQ_MSG(test, ksize(p), (size_t)classes[i].class_size,
			    "ksize(kmalloc(%zu)), %s size", classes[i].size, how);
	KUNIT_EXPECT_TRUE_MSG(test, PageSlab(page) &&
			      !strcmp(kmem_cache_name(page->slab_cache),
				      classes[i].cache),
			      "kmalloc(%zu), %s size, came from %s, not %s",
			      classes[i].size, how,
			      PageSlab(page) ? kmem_cache_name(page->slab_cache) :
			      "no slab", classes[i].cache);
	kfree(p);
}

/*
 * A size known at compile time: kmalloc() picks the cache inline with
 * kmalloc_index() (the sizes are spelled out, so they are constants).
 */
static void kmalloc_constant_sizes_use_the_right_class(struct kunit *test)
{
	unsigned int i = 0;

#define CONST_CASE(n)							\
	do {								\
		KUNIT_ASSERT_EQ(test, classes[i].size, (size_t)(n));	\
		expect_class(test, kmalloc(n, GFP_KERNEL), i, "constant"); \
		KUNIT_EXPECT_EQ_MSG(test, kmalloc_size_roundup(n),	\
				    (size_t)classes[i].class_size,	\
				    "kmalloc_size_roundup(%d)", n);	\
		i++;							\
	} while (0)
	CONST_CASE(1);	  CONST_CASE(8);    CONST_CASE(9);    CONST_CASE(16);
	CONST_CASE(17);	  CONST_CASE(32);   CONST_CASE(33);   CONST_CASE(64);
	CONST_CASE(65);	  CONST_CASE(96);   CONST_CASE(97);   CONST_CASE(128);
	CONST_CASE(129);  CONST_CASE(192);  CONST_CASE(193);  CONST_CASE(256);
	CONST_CASE(257);  CONST_CASE(1000); CONST_CASE(1025); CONST_CASE(4096);
	CONST_CASE(4097); CONST_CASE(8192);
#undef CONST_CASE
	KUNIT_EXPECT_EQ(test, i, (unsigned int)ARRAY_SIZE(classes));
}

/* A size known only at run time: __kmalloc() and its size_index[] table. */
static void kmalloc_runtime_sizes_use_the_right_class(struct kunit *test)
{
	unsigned int i;
	size_t size;

	for (i = 0; i < ARRAY_SIZE(classes); i++) {
		WRITE_ONCE(size, classes[i].size);	/* not a constant */
		expect_class(test, kmalloc(READ_ONCE(size), GFP_KERNEL), i,
			     "run-time");
	}
	/* every size up to 192, against the constant path's class */
	for (size = 1; size <= 192; size++) {
		void *p = kmalloc(READ_ONCE(size), GFP_KERNEL);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ_MSG(test, ksize(p), kmalloc_size_roundup(size),
				    "kmalloc(%zu): ksize() and kmalloc_size_roundup() "
				    "disagree", size);
		KUNIT_EXPECT_LE(test, size, ksize(p));
		kfree(p);
	}
}

/* Does a slab of @order hold >= SLAB_MIN_OBJECTS slots of @size, wasting <= 1/16? */
static bool order_is_good(unsigned int size, unsigned int order)
{
	unsigned long bytes = PAGE_SIZE << order;

	return bytes / size >= SLAB_MIN_OBJECTS && (bytes % size) * 16 <= bytes;
}

/*
 * The rule of the lab text: the smallest order up to SLAB_MAX_ORDER that
 * is good; if none is, the smallest order with room for two slots (one
 * at least, for slots bigger than the largest block).
 */
static void expect_order_rule(struct kunit *test, const struct kmem_cache *s)
{
	unsigned int o, want = ~0U;

	for (o = 0; o <= SLAB_MAX_ORDER; o++) {
		if (order_is_good(s->size, o)) {
			want = o;
			break;
		}
	}
	if (want == ~0U) {
		for (o = 0; o < MAX_PAGE_ORDER &&
		     (PAGE_SIZE << o) < 2UL * s->size; o++)
			;
		want = o;
	}
	KUNIT_EXPECT_EQ_MSG(test, s->order, want,
			    "cache %s: slot of %u bytes: %u objects in an order-%u slab",
			    s->name, s->size, s->objects, s->order);
	KUNIT_EXPECT_EQ_MSG(test, s->objects, (unsigned int)((PAGE_SIZE << s->order) /
							     s->size),
			    "cache %s: objects per slab", s->name);
}

/* Caches of many object sizes: each slab order follows the rule. */
static void new_caches_choose_the_slab_order(struct kunit *test)
{
	static const unsigned int sizes[] = {
		8, 24, 100, 200, 340, 500, 700, 1000, 1500, 2100, 3000,
		4000, 5000, 8192, 12000, 40000,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = kmem_cache_create("lab_slab_order", sizes[i],
							 0, 0, NULL);
		void *p;

		KUNIT_ASSERT_NOT_NULL_MSG(test, s, "kmem_cache_create(size %u)",
					  sizes[i]);
		expect_order_rule(test, s);
		p = kmem_cache_alloc(s, GFP_KERNEL);	/* and it works */
		KUNIT_EXPECT_NOT_NULL(test, p);
		if (p) {
			memset(p, 0x5a, sizes[i]);
			kmem_cache_free(s, p);
		}
		kmem_cache_destroy(s);
	}
}

/* The kmalloc caches, made at boot, follow the same rule. */
static void kmalloc_caches_choose_the_slab_order(struct kunit *test)
{
	unsigned int i, type;

	for (type = 0; type < NR_KMALLOC_TYPES; type++)
		for (i = 1; i < KMALLOC_CACHES; i++)
			if (kmalloc_caches[i][type])
				expect_order_rule(test, kmalloc_caches[i][type]);
}

static void destroy_cache_action(void *s)
{
	kmem_cache_destroy(s);
}

/*
 * A cache for one case, destroyed when the case ends even if an ASSERT
 * ends it early (kunit_release_action() destroys it on the way out).
 * Not tracked by kmemleak (SLAB_NOLEAKTRACE): its bookkeeping would take
 * frames of its own, and the cases count frames.
 */
static struct kmem_cache *lab_cache_create(struct kunit *test, const char *name,
					   unsigned int size)
{
	struct kmem_cache *s = kmem_cache_create(name, size, 0, SLAB_NOLEAKTRACE, NULL);

	KUNIT_ASSERT_NOT_NULL_MSG(test, s, "kmem_cache_create(%s, %u)", name, size);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, destroy_cache_action, s), 0);
	return s;
}

/* Allocate @n objects of @s into @objs; ends the case on failure. */
static void fill(struct kunit *test, struct kmem_cache *s, void **objs,
		 unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i]) {
			while (i--)
				kmem_cache_free(s, objs[i]);
			KUNIT_ASSERT_TRUE_MSG(test, false, "kmem_cache_alloc failed");
		}
	}
}

#define NR_TEST_SLABS	8

/*
 * The slabs an emptied cache keeps: SLAB_MIN_PARTIAL empty ones on its
 * partial list, and its active slab if it has one.  Without slab_debug
 * the slab filled last stays active, its objects freed back onto the
 * active freelist; debug caches (slab_debug, as make ktest boots) have
 * no active slab.
 */
static unsigned long slabs_kept_when_empty(const struct kmem_cache *s)
{
	return SLAB_MIN_PARTIAL + (s->cpu[raw_smp_processor_id()].slab ? 1 : 0);
}

/*
 * Objects filling eight slabs, all freed: the cache keeps
 * SLAB_MIN_PARTIAL empty slabs for the next allocations (and its active
 * slab) and gives the others' frames back to the page allocator at once.
 */
static void empty_slabs_go_back_to_the_page_allocator(struct kunit *test)
{
	struct kmem_cache *s;
	unsigned long free_before, nr;
	unsigned int i;
	void **objs;

	s = lab_cache_create(test, "lab_slab_empty", 200);
	nr = (unsigned long)s->objects * NR_TEST_SLABS;
	objs = kunit_kzalloc(test, nr * sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	drain_all_pages();
	free_before = nr_free_pages();
	fill(test, s, objs, nr);
	KUNIT_EXPECT_EQ(test, s->nr_slabs, (unsigned long)NR_TEST_SLABS);
	for (i = 0; i < nr; i++)
		kmem_cache_free(s, objs[i]);
	kasan_quarantine_drain();	/* KASAN=1: the objects are really back */
	/*
	 * Without slab_debug the last frees wait in the per-CPU sheaf
	 * (mm/slab.h); counting the live objects, as slabinfo does, gives
	 * them back to their slabs first.
	 */
	KUNIT_EXPECT_EQ(test, slab_cache_live(s), 0UL);
	KUNIT_EXPECT_EQ_MSG(test, s->nr_partial, (unsigned long)SLAB_MIN_PARTIAL,
			    "empty slabs kept on the partial list");
	KUNIT_EXPECT_EQ_MSG(test, s->nr_slabs, slabs_kept_when_empty(s),
			    "slabs left after every object was freed");
	drain_all_pages();
	KUNIT_EXPECT_EQ_MSG(test, nr_free_pages(),
			    free_before - (slabs_kept_when_empty(s) << s->order),
			    "frames not given back to the page allocator");
	kunit_release_action(test, destroy_cache_action, s);
}

/* A slab with an object still in use is never given back. */
static void slabs_in_use_stay(struct kunit *test)
{
	struct kmem_cache *s;
	unsigned long nr;
	unsigned int i;
	void **objs;

	s = lab_cache_create(test, "lab_slab_busy", 200);
	nr = (unsigned long)s->objects * NR_TEST_SLABS;
	objs = kunit_kzalloc(test, nr * sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	fill(test, s, objs, nr);
	/* free all but the last object of each slab */
	for (i = 0; i < nr; i++)
		if ((i + 1) % s->objects)
			kmem_cache_free(s, objs[i]);
	KUNIT_EXPECT_EQ(test, s->nr_slabs, (unsigned long)NR_TEST_SLABS);
	KUNIT_EXPECT_EQ(test, slab_cache_live(s), (unsigned long)NR_TEST_SLABS);
	for (i = 0; i < nr; i++)
		if (!((i + 1) % s->objects))
			kmem_cache_free(s, objs[i]);
	KUNIT_EXPECT_EQ(test, slab_cache_live(s), 0UL);
	kunit_release_action(test, destroy_cache_action, s);
}

/*
 * Fault injection: every third allocation from the cache fails, twice.
 * The callers see NULL, the cache goes on working, and when everything
 * is freed only SLAB_MIN_PARTIAL empty slabs remain.
 */
static void failed_allocations_leave_the_cache_sound(struct kunit *test)
{
	struct kmem_cache *s;
	unsigned int i, failed = 0;
	unsigned long nr;
	void **objs;

	s = lab_cache_create(test, "lab_slab_fail", 300);
	nr = (unsigned long)s->objects * 4;
	objs = kunit_kzalloc(test, nr * sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, objs);
	fault_attr_set(&failslab, 3, 100, 0, 2);
	for (i = 0; i < nr; i++) {
		objs[i] = kmem_cache_alloc(s, GFP_KERNEL);
		if (!objs[i])
			failed++;
	}
	fault_attr_clear(&failslab);
	KUNIT_EXPECT_EQ(test, failed, 2U);
	KUNIT_EXPECT_EQ(test, slab_cache_live(s), nr - 2);
	for (i = 0; i < nr; i++)
		kmem_cache_free(s, objs[i]);	/* NULL is ignored */
	kasan_quarantine_drain();	/* KASAN=1: the objects are really back */
	KUNIT_EXPECT_EQ(test, slab_cache_live(s), 0UL);
	KUNIT_EXPECT_EQ_MSG(test, s->nr_slabs, slabs_kept_when_empty(s),
			    "slabs left after every object was freed");
	kunit_release_action(test, destroy_cache_action, s);
}

static void lab_slab_exit(struct kunit *test)
{
	fault_attr_clear(&failslab);
}

static struct kunit_case lab_slab_cases[] = {
	KUNIT_CASE(kmalloc_constant_sizes_use_the_right_class),
	KUNIT_CASE(kmalloc_runtime_sizes_use_the_right_class),
	KUNIT_CASE(new_caches_choose_the_slab_order),
	KUNIT_CASE(kmalloc_caches_choose_the_slab_order),
	KUNIT_CASE(empty_slabs_go_back_to_the_page_allocator),
	KUNIT_CASE(slabs_in_use_stay),
	KUNIT_CASE(failed_allocations_leave_the_cache_sound),
	{}
};

static struct kunit_suite lab_slab_suite = {
	.name = "lab_slab",
	.exit = lab_slab_exit,
	.test_cases = lab_slab_cases,
};
kunit_test_suite(lab_slab_suite);
