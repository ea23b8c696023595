// SPDX-License-Identifier: GPL-2.0
/*
 * The slab allocator checked against a model: see slab_model.h.
 *
 * One churn step is an allocation, a free, or (now and then) a krealloc
 * or a shrink.  Allocations go 3:1 to kmalloc (sizes drawn from the
 * realistic mix of <kernel/kmalloc_mix.h>, some uniform up to 8 KiB,
 * some large kmallocs, some GFP_DMA, some __GFP_ZERO) and to five caches
 * made for the run: a plain one, one with a constructor, one
 * SLAB_HWCACHE_ALIGN, one with multi-frame slabs, one SLAB_CACHE_DMA.
 * The number of live objects wanders between 0 and max_live, so slabs
 * fill up, go partial, empty out and are given back, over and over.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/irqflags.h>
#include <kernel/kmalloc_mix.h>
#include <kernel/page_alloc.h>
#include <kernel/slab_stats.h>
#include "fake_ram.h"
#include "slab_model.h"

/* glibc's, not renamed (<stdlib.h> cannot be included here). */
char *getenv(const char *name);

extern slab_flags_t slab_debug_flags;	/* mm/slub_debug.c: slab_debug= */

#define GRANULE		8
#define CTOR_MARK	0xc7
#define VERIFY_EVERY	4096

struct live {
	u8 *p;
	size_t size;			/* bytes asked for */
	struct kmem_cache *cache;	/* NULL: kmalloc */
	u32 id;				/* picks the pattern */
};

static unsigned long boot_free_pages;
static unsigned long boot_live_objects;
static unsigned long *shadow;		/* one bit per GRANULE bytes of fake RAM */
static u64 rng;

static u64 next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned long below(unsigned long n)
{
	return next_random() % n;
}

u64 slab_model_seed(u64 dflt)
{
	const char *env = getenv("SLAB_CHURN_SEED");
	u64 seed = env ? simple_strtoull(env, NULL, 0) : dflt;

	host_print("slab churn seed %#llx (set SLAB_CHURN_SEED to repeat)\n",
		   (unsigned long long)seed);
	return seed ? seed : 1;
}

void slab_model_boot(slab_flags_t debug_flags)
{
	size_t words;

	fake_boot(&fake_map_pc);
	words = fake_ram_end() / GRANULE / BITS_PER_LONG + 1;
	slab_debug_flags = debug_flags;
	kmem_cache_init();
	kmem_cache_shrink_all();
	boot_free_pages = nr_free_pages();
	boot_live_objects = slab_objects_live();
	shadow = host_malloc(words * sizeof(long));
	memset(shadow, 0, words * sizeof(long));
	host_printk_reset();
}

void slab_model_expect_all_returned(void)
{
	kmem_cache_shrink_all();
	assert_int_equal(slab_objects_live(), boot_live_objects);
	if (nr_free_pages() != boot_free_pages)
		fail_msg("%lu frames free after freeing everything and shrinking, "
			 "%lu after boot", nr_free_pages(), boot_free_pages);
	assert_false(irqs_disabled());
}

/* ---- the model's checks ---- */

static u8 pattern(u32 id, size_t i)
{
	return (u8)((id * 2654435761U) >> 24) ^ (u8)(i * 7) ^ (u8)(i >> 8);
}

static void fill(const struct live *o)
{
	size_t i;

	for (i = 0; i < o->size; i++)
		o->p[i] = pattern(o->id, i);
}

static void verify(const struct live *o)
{
	size_t i;

	for (i = 0; i < o->size; i++) {
		if (o->p[i] != pattern(o->id, i))
			fail_msg("object %u at %p (%zu bytes, %s): byte %zu is %#x, "
				 "want %#x", o->id, o->p, o->size,
				 o->cache ? kmem_cache_name(o->cache) : "kmalloc",
				 i, o->p[i], pattern(o->id, i));
	}
}

/* Mark (@set) or clear the granules of @o; a set bit already set is an overlap. */
static void shadow_mark(const struct live *o, bool set)
{
	unsigned long g = ((unsigned long)o->p - PAGE_OFFSET) / GRANULE;
	unsigned long end = g + DIV_ROUND_UP(o->size, GRANULE);

	for (; g < end; g++) {
		unsigned long bit = 1UL << (g % BITS_PER_LONG);
		unsigned long *w = &shadow[g / BITS_PER_LONG];

		if (set && (*w & bit))
			fail_msg("object %u at %p (%zu bytes) overlaps a live object",
				 o->id, o->p, o->size);
		if (!set && !(*w & bit))
			fail_msg("object %u at %p: model lost its bytes", o->id, o->p);
		*w ^= bit;
	}
}

/* Where and what a new allocation must be. */
static void check_placement(const struct live *o, gfp_t gfp, unsigned int align)
{
	struct page *page;

	assert_non_null(o->p);
	assert_true((unsigned long)o->p - PAGE_OFFSET < max_pfn << PAGE_SHIFT);
	assert_int_equal((unsigned long)o->p % align, 0);
	page = virt_to_page(o->p);
	if (o->cache) {
		assert_true(PageSlab(page));
		assert_ptr_equal(page->slab_cache, o->cache);
	} else {
		assert_true(ksize(o->p) >= o->size);
		assert_int_equal(PageSlab(page), o->size <= KMALLOC_MAX_CACHE_SIZE);
	}
	if (gfp & GFP_DMA)
		assert_true(__pa(o->p) + o->size <= SZ_16M);
	if (gfp & __GFP_ZERO) {
		size_t i;

		for (i = 0; i < o->size; i++)
			if (o->p[i])
				fail_msg("__GFP_ZERO object at %p: byte %zu is %#x",
					 o->p, i, o->p[i]);
	}
}

/* ---- the caches of the run ---- */

static void ctor_mark(void *object)
{
	memset(object, CTOR_MARK, 100);
}

struct churn_cache {
	const char *name;
	unsigned int size, align, expect_align;
	slab_flags_t flags;
	void (*ctor)(void *);
	struct kmem_cache *s;
};

static struct churn_cache caches[] = {
	{ "churn-24", 24, 0, 8, 0, NULL, NULL },
	{ "churn-ctor-100", 100, 0, 8, 0, ctor_mark, NULL },
	{ "churn-hwalign-20", 20, 0, 32, SLAB_HWCACHE_ALIGN, NULL, NULL },
	{ "churn-3000", 3000, 0, 8, 0, NULL, NULL },
	{ "churn-dma-64", 64, 0, 8, SLAB_CACHE_DMA, NULL, NULL },
};

/* A size from the realistic mix of <kernel/kmalloc_mix.h>. */
static unsigned int mix_state;

static size_t mix_size(void)
{
	return kmalloc_mix_draw(&mix_state);
}

static void churn_alloc(struct live *o, u32 id)
{
	unsigned long r = below(100);
	gfp_t gfp = GFP_KERNEL;
	unsigned int align = 8;

	o->id = id;
	o->cache = NULL;
	if (r < 25) {
		struct churn_cache *c = &caches[below(ARRAY_SIZE(caches))];

		o->cache = c->s;
		o->size = c->size;
		align = c->expect_align;
		if (c->flags & SLAB_CACHE_DMA)
			gfp |= GFP_DMA;
		if (!c->ctor && below(8) == 0)
			gfp |= __GFP_ZERO;
		o->p = kmem_cache_alloc(c->s, gfp);
		if (c->ctor) {
			size_t i;

			assert_non_null(o->p);
			for (i = 0; i < c->size; i++)
				assert_int_equal(o->p[i], CTOR_MARK);
		}
	} else {
		if (r < 75)
			o->size = mix_size();
		else if (r < 97)
			o->size = 1 + below(KMALLOC_MAX_CACHE_SIZE);
		else
			o->size = KMALLOC_MAX_CACHE_SIZE + 1 + below(7 * KMALLOC_MAX_CACHE_SIZE);
		if (below(10) == 0)
			gfp |= __GFP_ZERO;
		if (below(20) == 0 && o->size <= 4096)
			gfp |= GFP_DMA;
		o->p = kmalloc(o->size, gfp);
	}
	check_placement(o, gfp, align);
	shadow_mark(o, true);
	fill(o);
}

static void churn_free(struct live *o)
{
	verify(o);
	shadow_mark(o, false);
	if (o->cache) {
		/* a constructed cache gets its objects back constructed (Linux's rule) */
		if (o->cache == caches[1].s)
			ctor_mark(o->p);
		kmem_cache_free(o->cache, o->p);
	} else {
		kfree(o->p);
	}
}

/* krealloc: the old bytes survive up to the smaller size. */
static void churn_realloc(struct live *o)
{
	size_t new_size = below(3) ? mix_size() : 1 + below(2 * KMALLOC_MAX_CACHE_SIZE);
	size_t keep = min(o->size, new_size), i;
	u8 *p;

	verify(o);
	shadow_mark(o, false);
	p = krealloc(o->p, new_size, GFP_KERNEL);
	assert_non_null(p);
	for (i = 0; i < keep; i++)
		if (p[i] != pattern(o->id, i))
			fail_msg("krealloc %zu -> %zu lost byte %zu", o->size, new_size, i);
	o->p = p;
	o->size = new_size;
	assert_true(ksize(p) >= new_size);
	shadow_mark(o, true);
	fill(o);
}

void slab_model_churn(const struct slab_churn *c)
{
	struct live *live = host_malloc(c->max_live * sizeof(*live));
	unsigned int nr_live = 0, i;
	unsigned long step, peak_frames = 0;
	u32 id = 0;

	rng = c->seed;
	mix_state = (unsigned int)(c->seed ^ (c->seed >> 32)) | 1;
	for (i = 0; i < ARRAY_SIZE(caches); i++) {
		caches[i].s = kmem_cache_create(caches[i].name, caches[i].size,
						caches[i].align, caches[i].flags,
						caches[i].ctor);
		assert_non_null(caches[i].s);
	}

	for (step = 0; step < c->steps; step++) {
		unsigned long r = below(1000);
		/* drift: mostly grow in the first half of each 64k-step wave */
		bool grow = ((step >> 15) & 1) ? r < 400 : r < 600;

		if (r == 999) {
			if (below(2))
				kmem_cache_shrink(caches[below(ARRAY_SIZE(caches))].s);
			else
				kmem_cache_shrink_all();
		} else if (r >= 990 && nr_live) {
			struct live *o = &live[below(nr_live)];

			if (!o->cache)
				churn_realloc(o);
		} else if (nr_live < c->max_live && (grow || !nr_live)) {
			churn_alloc(&live[nr_live++], ++id);
		} else if (nr_live) {
			i = below(nr_live);
			churn_free(&live[i]);
			live[i] = live[--nr_live];
		}
		if (step % VERIFY_EVERY == 0) {
			for (i = 0; i < nr_live; i++)
				verify(&live[i]);
			assert_false(irqs_disabled());
			peak_frames = max(peak_frames, slab_frames());
		}
	}

	/* everything back, in random order */
	while (nr_live) {
		i = below(nr_live);
		churn_free(&live[i]);
		live[i] = live[--nr_live];
	}
	for (i = 0; i < ARRAY_SIZE(caches); i++)
		kmem_cache_destroy(caches[i].s);
	host_free(live);
	if (strstr(host_printk_text(), "BUG") || strstr(host_printk_text(), "WARNING"))
		fail_msg("the churn caused reports:\n%s", host_printk_text());
	host_print("slab churn: %lu steps, %u objects, peak %lu slab frames\n",
		   c->steps, id, peak_frames);
	slab_model_expect_all_returned();
}
