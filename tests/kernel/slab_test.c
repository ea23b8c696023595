// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for slab caches (mm/slub.c, mm/slab_common.c): the kmem_cache
 * API of <linux/slab.h>.
 *
 * Suite "slab": creating caches with every flag that is not a debug
 * flag, objects (distinct, aligned, writable, zeroed on request), the
 * constructor, shrinking and destroying (frames go back to the page
 * allocator), DMA caches, refused arguments, and the slabinfo report.
 * The misuse reports are in slab_debug_test.c, kmalloc in kmalloc_test.c.
 *
 * Nothing here depends on slab_debug=: the test kernel runs with
 * slab_debug=FZPU, which adds red zones, poison and call sites to every
 * cache, and `make ktest T=slab KTEST_SLAB_DEBUG=` runs these tests
 * without.  Sizes of slots and slabs are read from slabinfo rather than
 * assumed.
 *
 * Frame accounting: a cache keeps a few empty slabs for reuse, and the
 * cache of caches (kmem_cache) may grow by a slab when a cache is made,
 * so "every frame came back" is checked as "free frames + slab frames
 * is unchanged", and the slab frames of one cache through slabinfo.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include "slab_kunit.h"

/* Free frames plus slab frames: constant unless a frame leaked. */
static unsigned long frames_free_or_slab(void)
{
	return nr_free_pages() + slab_frames();
}

/* A cache the case must get. */
#define CREATE(test, name, size, align, flags, ctor) ({			\
	struct kmem_cache *__s = kmem_cache_create(name, size, align, flags, ctor); \
	KUNIT_ASSERT_NOT_NULL(test, __s);				\
	__s;								\
})

/* ---- basics ---------------------------------------------------------------- */

static void create_alloc_free_destroy(struct kunit *test)
{
	unsigned long frames = frames_free_or_slab();
	struct slabinfo_row row;
	struct kmem_cache *s;
	u8 *a, *b, *c;

	s = CREATE(test, "slab_test-48", 48, 0, 0, NULL);
	KUNIT_EXPECT_STREQ(test, kmem_cache_name(s), "slab_test-48");
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 0UL);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 0UL);	/* no slab until needed */
	KUNIT_EXPECT_GE(test, row.objsize, 48UL);

	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	c = kmem_cache_alloc(s, GFP_ATOMIC);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_PTR_NE(test, a, b);
	KUNIT_EXPECT_PTR_NE(test, b, c);
	KUNIT_EXPECT_PTR_NE(test, a, c);
	memset(a, 0xa1, 48);
	memset(b, 0xb2, 48);
	memset(c, 0xc3, 48);
	KUNIT_EXPECT_TRUE(test, mem_is(a, 0xa1, 48));
	KUNIT_EXPECT_TRUE(test, mem_is(b, 0xb2, 48));
	KUNIT_EXPECT_EQ(test, ksize(a), (size_t)48);
	KUNIT_EXPECT_PTR_EQ(test, cache_of(a), s);

	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 3UL);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 1UL);
	KUNIT_EXPECT_EQ(test, row.num_objs, row.objperslab);

	kmem_cache_free(s, b);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 2UL);
	kmem_cache_free(s, a);
	kmem_cache_free(s, c);
	kmem_cache_free(s, NULL);	/* ignored */
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 0UL);

	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, slabinfo_line("slab_test-48"));
	kmem_cache_destroy(NULL);	/* ignored */
	KUNIT_EXPECT_EQ(test, frames_free_or_slab(), frames);
}

/*
 * Several slabs' worth of objects: no two overlap (each keeps its own
 * pattern while all the others are written), every one is 8-byte
 * aligned, and the counts follow.
 */
#define MANY	300

static void objects_do_not_overlap(struct kunit *test)
{
	static u8 *obj[MANY];
	struct slabinfo_row row;
	struct kmem_cache *s;
	unsigned int i;

	s = CREATE(test, "slab_test-100", 100, 0, 0, NULL);
	for (i = 0; i < MANY; i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		KUNIT_EXPECT_EQ(test, (unsigned long)obj[i] % 8, 0UL);
		memset(obj[i], (u8)i, 100);
	}
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, (unsigned long)MANY);
	KUNIT_EXPECT_GE(test, row.num_slabs, DIV_ROUND_UP(MANY, row.objperslab));
	KUNIT_EXPECT_EQ(test, row.num_objs, row.num_slabs * row.objperslab);
	KUNIT_EXPECT_EQ(test, row.active_slabs, row.num_slabs);
	for (i = 0; i < MANY; i++)
		KUNIT_EXPECT_TRUE_MSG(test, mem_is(obj[i], (u8)i, 100),
				      "object %u was overwritten", i);

	/* free every other one, take them again, then free all */
	for (i = 0; i < MANY; i += 2)
		kmem_cache_free(s, obj[i]);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, (unsigned long)MANY / 2);
	for (i = 0; i < MANY; i += 2) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		memset(obj[i], (u8)i, 100);
	}
	for (i = 0; i < MANY; i++) {
		KUNIT_EXPECT_TRUE(test, mem_is(obj[i], (u8)i, 100));
		kmem_cache_free(s, obj[i]);
	}
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 0UL);
	kmem_cache_destroy(s);
}

static void zalloc_zeroes(struct kunit *test)
{
	struct kmem_cache *s = CREATE(test, "slab_test-200", 200, 0, 0, NULL);
	u8 *p, *q;

	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xff, 200);
	kmem_cache_free(s, p);
	q = kmem_cache_zalloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_TRUE(test, mem_is(q, 0, 200));
	memset(q, 0xff, 200);
	kmem_cache_free(s, q);
	q = kmem_cache_alloc(s, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_TRUE(test, mem_is(q, 0, 200));
	kmem_cache_free(s, q);
	kmem_cache_destroy(s);
}

/* ---- alignment ----------------------------------------------------------------- */

static void expect_aligned_objects(struct kunit *test, struct kmem_cache *s,
				   unsigned long align, unsigned int size)
{
	u8 *obj[20];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(obj); i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		KUNIT_EXPECT_EQ_MSG(test, (unsigned long)obj[i] % align, 0UL,
				    "%s: object %px not %lu-aligned",
				    kmem_cache_name(s), obj[i], align);
		memset(obj[i], 0x11, size);
	}
	for (i = 0; i < ARRAY_SIZE(obj); i++)
		kmem_cache_free(s, obj[i]);
}

/* The align argument, every power of two from 8 to a page. */
static void align_argument(struct kunit *test)
{
	static const char *const names[] = {
		"slab_test-a8", "slab_test-a16", "slab_test-a32", "slab_test-a64",
		"slab_test-a128", "slab_test-a256", "slab_test-a512",
		"slab_test-a1024", "slab_test-a2048", "slab_test-a4096",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		unsigned int align = 8U << i;
		struct kmem_cache *s = CREATE(test, names[i], 24, align, 0, NULL);

		expect_aligned_objects(test, s, align, 24);
		kmem_cache_destroy(s);
	}
	/* 0 means the default: 8 bytes (ARCH_SLAB_MINALIGN) */
	{
		struct kmem_cache *s = CREATE(test, "slab_test-a0", 13, 0, 0, NULL);

		expect_aligned_objects(test, s, ARCH_SLAB_MINALIGN, 13);
		kmem_cache_destroy(s);
	}
}

/*
 * SLAB_HWCACHE_ALIGN: objects start on a cache line (64 bytes), or on
 * the smallest power of two fraction of one that the object still
 * fills more than half of (Linux's rule): 20 bytes get 32-byte
 * alignment, so two share a line without straddling it.
 */
static void hwcache_align(struct kunit *test)
{
	struct kmem_cache *s;

	s = CREATE(test, "slab_test-hw40", 40, 0, SLAB_HWCACHE_ALIGN, NULL);
	expect_aligned_objects(test, s, L1_CACHE_BYTES, 40);
	kmem_cache_destroy(s);

	s = CREATE(test, "slab_test-hw20", 20, 0, SLAB_HWCACHE_ALIGN, NULL);
	expect_aligned_objects(test, s, 32, 20);
	kmem_cache_destroy(s);

	s = CREATE(test, "slab_test-hw200", 200, 0, SLAB_HWCACHE_ALIGN, NULL);
	expect_aligned_objects(test, s, L1_CACHE_BYTES, 200);
	kmem_cache_destroy(s);
}

/* ---- the constructor -------------------------------------------------------------- */

#define CTOR_MAGIC	0x5157c70aU

struct ctor_obj {
	u32 magic;
	u32 uses;
	u8 payload[56];
};

static unsigned long ctor_calls;

static void ctor_obj_init(void *p)
{
	struct ctor_obj *o = p;

	o->magic = CTOR_MAGIC;
	o->uses = 0;
	memset(o->payload, 0x77, sizeof(o->payload));
	ctor_calls++;
}

/*
 * The constructor runs once for every object of a slab when the slab is
 * made, not at each allocation: an object comes back from a free in the
 * state its user left it (which, by the rule of constructed caches,
 * must be the constructed state).
 */
static void ctor_runs_once_per_object(struct kunit *test)
{
	static struct ctor_obj *obj[200];
	struct slabinfo_row row;
	struct kmem_cache *s;
	struct ctor_obj *o, *again;
	unsigned int i, n;

	ctor_calls = 0;
	s = CREATE(test, "slab_test-ctor", sizeof(struct ctor_obj), 0, 0,
		   ctor_obj_init);
	KUNIT_EXPECT_EQ(test, ctor_calls, 0UL);

	o = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, o);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, ctor_calls, row.objperslab);	/* one slab */
	KUNIT_EXPECT_EQ(test, o->magic, CTOR_MAGIC);
	KUNIT_EXPECT_EQ(test, o->uses, 0U);

	/* a free and an allocation do not construct again */
	o->uses = 1;
	kmem_cache_free(s, o);
	again = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, again);
	KUNIT_EXPECT_EQ(test, ctor_calls, row.objperslab);
	KUNIT_EXPECT_EQ(test, again->magic, CTOR_MAGIC);
	if (again == o)
		KUNIT_EXPECT_EQ(test, again->uses, 1U);	/* as its user left it */
	again->uses = 0;
	kmem_cache_free(s, again);

	/* one more slab's worth: the constructor ran for each new object */
	n = min_t(unsigned int, row.objperslab + 1, ARRAY_SIZE(obj));
	for (i = 0; i < n; i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		KUNIT_EXPECT_EQ(test, obj[i]->magic, CTOR_MAGIC);
		KUNIT_EXPECT_TRUE(test, mem_is(obj[i]->payload, 0x77,
					       sizeof(obj[i]->payload)));
	}
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, ctor_calls, row.num_objs);
	for (i = 0; i < n; i++)
		kmem_cache_free(s, obj[i]);

	/* shrunk to nothing, the next slab is constructed afresh */
	kmem_cache_shrink(s);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 0UL);
	ctor_calls = 0;
	o = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, o);
	KUNIT_EXPECT_EQ(test, ctor_calls, row.objperslab);
	KUNIT_EXPECT_EQ(test, o->magic, CTOR_MAGIC);
	kmem_cache_free(s, o);
	kmem_cache_destroy(s);
}

/* ---- shrink and destroy ------------------------------------------------------------ */

/*
 * kmem_cache_shrink() gives every empty slab back to the page allocator
 * and keeps the slabs that still hold objects, with the objects intact.
 */
static void shrink_frees_empty_slabs(struct kunit *test)
{
	static u8 *obj[MANY];
	unsigned long frames, slab_frames_before;
	struct slabinfo_row row;
	struct kmem_cache *s;
	unsigned int i;

	/* untracked by kmemleak: its bookkeeping would add slabs of its own */
	s = CREATE(test, "slab_test-256", 256, 0, SLAB_NOLEAKTRACE, NULL);
	frames = frames_free_or_slab();
	slab_frames_before = slab_frames();
	for (i = 0; i < MANY; i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		memset(obj[i], (u8)i, 256);
	}
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_GE(test, row.num_slabs, 3UL);
	KUNIT_EXPECT_EQ(test, slab_frames(),
			slab_frames_before + row.num_slabs * row.pagesperslab);

	/* keep one object: its slab must stay, the others may go */
	for (i = 1; i < MANY; i++)
		kmem_cache_free(s, obj[i]);
	kmem_cache_shrink(s);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 1UL);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 1UL);
	KUNIT_EXPECT_EQ(test, slab_frames(), slab_frames_before + row.pagesperslab);
	KUNIT_EXPECT_TRUE(test, mem_is(obj[0], 0, 256));
	KUNIT_EXPECT_TRUE(test, PageSlab(virt_to_page(obj[0])));

	kmem_cache_free(s, obj[0]);
	KUNIT_EXPECT_EQ(test, kmem_cache_shrink(s), 0);
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 0UL);
	KUNIT_EXPECT_EQ(test, row.num_objs, 0UL);
	KUNIT_EXPECT_EQ(test, slab_frames(), slab_frames_before);
	KUNIT_EXPECT_EQ(test, frames_free_or_slab(), frames);

	/* and it still works after */
	expect_cache_works(test, s, 0);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, slab_frames() + nr_free_pages(), frames);
}

/* kmem_cache_destroy() returns every frame, however many slabs there were. */
static void destroy_frees_all_frames(struct kunit *test)
{
	static u8 *obj[MANY];
	unsigned long frames = frames_free_or_slab();
	struct kmem_cache *s;
	unsigned int i;

	s = CREATE(test, "slab_test-3000", 3000, 0, 0, NULL);
	for (i = 0; i < MANY; i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
	}
	for (i = 0; i < MANY; i++)
		kmem_cache_free(s, obj[i]);
	kmem_cache_destroy(s);
	KUNIT_EXPECT_NULL(test, slabinfo_line("slab_test-3000"));
	KUNIT_EXPECT_EQ(test, frames_free_or_slab(), frames);
}

/* Objects bigger than a page, up to a megabyte: multi-frame slabs. */
static void big_objects(struct kunit *test)
{
	static const unsigned int sizes[] = { 4096, 5000, 8192, 20000, 65536, 1 << 20 };
	static const char *const names[] = {
		"slab_test-4096", "slab_test-5000", "slab_test-8192",
		"slab_test-20000", "slab_test-65536", "slab_test-1M",
	};
	unsigned long frames = frames_free_or_slab();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct kmem_cache *s = CREATE(test, names[i], sizes[i], 0, 0, NULL);
		struct slabinfo_row row;
		u8 *a, *b;

		a = kmem_cache_alloc(s, GFP_KERNEL);
		b = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, a);
		KUNIT_ASSERT_NOT_NULL(test, b);
		memset(a, 0xaa, sizes[i]);
		memset(b, 0xbb, sizes[i]);
		KUNIT_EXPECT_TRUE(test, mem_is(a, 0xaa, sizes[i]));
		SLABINFO(test, s, &row);
		KUNIT_EXPECT_GE(test, row.objsize, (unsigned long)sizes[i]);
		KUNIT_EXPECT_GE(test, row.pagesperslab * PAGE_SIZE,
				row.objperslab * row.objsize);
		kmem_cache_free(s, a);
		kmem_cache_free(s, b);
		kmem_cache_destroy(s);
	}
	KUNIT_EXPECT_EQ(test, frames_free_or_slab(), frames);
}

/* Many caches alive at once, each with its own objects. */
static void many_caches(struct kunit *test)
{
	static char names[16][24];
	struct kmem_cache *s[16];
	void *obj[16];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(s); i++) {
		snprintf(names[i], sizeof(names[i]), "slab_test-many%u", i);
		s[i] = CREATE(test, names[i], 8 + 40 * i, 0, 0, NULL);
		obj[i] = kmem_cache_alloc(s[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		memset(obj[i], i, 8 + 40 * i);
	}
	for (i = 0; i < ARRAY_SIZE(s); i++) {
		KUNIT_EXPECT_PTR_EQ(test, cache_of(obj[i]), s[i]);
		KUNIT_EXPECT_TRUE(test, mem_is(obj[i], i, 8 + 40 * i));
		kmem_cache_free(s[i], obj[i]);
		kmem_cache_destroy(s[i]);
	}
}

/* ---- flags ------------------------------------------------------------------------ */

/* SLAB_CACHE_DMA: every object lies below 16 MiB (ZONE_DMA). */
static void dma_cache_below_16m(struct kunit *test)
{
	static void *obj[100];
	struct kmem_cache *s;
	unsigned int i;

	s = CREATE(test, "slab_test-dma", 512, 0, SLAB_CACHE_DMA, NULL);
	for (i = 0; i < ARRAY_SIZE(obj); i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		KUNIT_EXPECT_LT_MSG(test, virt_to_phys(obj[i]) + 512, 16UL << 20,
				    "object %u at %#llx", i,
				    (unsigned long long)virt_to_phys(obj[i]));
	}
	for (i = 0; i < ARRAY_SIZE(obj); i++)
		kmem_cache_free(s, obj[i]);
	kmem_cache_destroy(s);
}

/* The flags that only matter elsewhere are accepted, and the cache works. */
static void other_flags_accepted(struct kunit *test)
{
	struct kmem_cache *s;

	s = CREATE(test, "slab_test-panic", 64, 0, SLAB_PANIC, NULL);
	expect_cache_works(test, s, 0);
	kmem_cache_destroy(s);
	s = CREATE(test, "slab_test-flags", 72, 0,
		   SLAB_HWCACHE_ALIGN | SLAB_ACCOUNT | SLAB_RECLAIM_ACCOUNT, NULL);
	expect_cache_works(test, s, 0);
	kmem_cache_destroy(s);
}

/*
 * Bad arguments: NULL and a warning naming the cache and the error, no
 * panic (that needs SLAB_PANIC, which cannot be tested by panicking),
 * and nothing allocated.
 */
static void bad_arguments_fail_with_warning(struct kunit *test)
{
	static const struct {
		const char *name;
		unsigned int size, align;
	} bad[] = {
		{ "slab_test-size0", 0, 0 },
		{ "slab_test-toobig", KMALLOC_MAX_SIZE + 1, 0 },
		{ "slab_test-huge", UINT_MAX, 0 },
		{ "slab_test-align3", 64, 3 },
		{ "slab_test-align48", 64, 48 },
		{ "slab_test-align-odd", 64, 0x1001 },
	};
	unsigned long live = slab_objects_live();
	unsigned int i;
	u64 seq;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		seq = log_seq();
		KUNIT_EXPECT_NULL(test, kmem_cache_create(bad[i].name, bad[i].size,
							  bad[i].align, 0, NULL));
		expect_logf(test, seq, "kmem_cache_create(%s) failed with error -22",
			    bad[i].name);
		KUNIT_EXPECT_NULL(test, slabinfo_line(bad[i].name));
	}
	seq = log_seq();
	KUNIT_EXPECT_NULL(test, kmem_cache_create(NULL, 64, 0, 0, NULL));
	expect_log(test, seq, "kmem_cache_create((null)) failed with error -22");
	KUNIT_EXPECT_EQ(test, slab_objects_live(), live);
}

/* ---- slabinfo ------------------------------------------------------------------------ */

#define SLABINFO_HEADER "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> <batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n"

static void slabinfo_format(struct kunit *test)
{
	struct slabinfo_row row;
	struct kmem_cache *s;
	const char *line;
	char expect[40];
	void *a, *b;

	line = slabinfo_line("slabinfo");
	KUNIT_ASSERT_NOT_NULL(test, line);
	KUNIT_EXPECT_EQ(test, strncmp(line, "slabinfo - version: 2.1\n", 24), 0);
	line = strchr(line, '\n') + 1;
	KUNIT_EXPECT_EQ(test, strncmp(line, SLABINFO_HEADER, strlen(SLABINFO_HEADER)), 0);

	/* the kmalloc caches are listed */
	KUNIT_EXPECT_NOT_NULL(test, slabinfo_line("kmalloc-96"));
	KUNIT_EXPECT_NOT_NULL(test, slabinfo_line("kmalloc-8k"));
	KUNIT_EXPECT_NOT_NULL(test, slabinfo_line("dma-kmalloc-192"));
	KUNIT_EXPECT_NOT_NULL(test, slabinfo_line("kmem_cache"));

	s = CREATE(test, "slab_test-info", 40, 0, 0, NULL);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	line = slabinfo_line("slab_test-info");
	KUNIT_ASSERT_NOT_NULL(test, line);
	/* the name padded to 17 columns, the counts in Linux's widths */
	KUNIT_EXPECT_EQ(test, strncmp(line, "slab_test-info         2 ", 25), 0);
	KUNIT_EXPECT_NOT_NULL(test, strstr(line, " : tunables    0    0    0 : slabdata      1      1      0\n"));
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, 2UL);
	KUNIT_EXPECT_EQ(test, row.num_objs, row.objperslab);
	KUNIT_EXPECT_GE(test, row.objsize, 40UL);
	KUNIT_EXPECT_LE(test, row.objperslab * row.objsize, row.pagesperslab * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, row.active_slabs, 1UL);
	KUNIT_EXPECT_EQ(test, row.num_slabs, 1UL);
	snprintf(expect, sizeof(expect), " %6lu %6lu %6lu %4lu %4lu : ",
		 row.active_objs, row.num_objs, row.objsize, row.objperslab,
		 row.pagesperslab);
	KUNIT_EXPECT_NOT_NULL(test, strstr(line, expect));
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

static struct kunit_case slab_cases[] = {
	KUNIT_CASE(create_alloc_free_destroy),
	KUNIT_CASE(objects_do_not_overlap),
	KUNIT_CASE(zalloc_zeroes),
	KUNIT_CASE(align_argument),
	KUNIT_CASE(hwcache_align),
	KUNIT_CASE(ctor_runs_once_per_object),
	KUNIT_CASE(shrink_frees_empty_slabs),
	KUNIT_CASE(destroy_frees_all_frames),
	KUNIT_CASE(big_objects),
	KUNIT_CASE(many_caches),
	KUNIT_CASE(dma_cache_below_16m),
	KUNIT_CASE(other_flags_accepted),
	KUNIT_CASE(bad_arguments_fail_with_warning),
	KUNIT_CASE(slabinfo_format),
	{}
};

static struct kunit_suite slab_suite = {
	.name = "slab",
	.test_cases = slab_cases,
};
kunit_test_suite(slab_suite);
