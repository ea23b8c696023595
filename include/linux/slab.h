/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Slab caches and kmalloc: small objects carved out of pages.
 *
 * kmem_cache_create() makes a cache of equal-sized objects; the kmalloc
 * family serves any size from a set of such caches (8 bytes .. 8 KiB),
 * and larger sizes straight from the page allocator, up to
 * KMALLOC_MAX_SIZE.  Implemented in mm/slub.c (caches, fast paths),
 * mm/slab_common.c (kmalloc family, slabinfo) and mm/slub_debug.c
 * (poison, red zones, call sites and the reports).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/cache.h>

/* Cache flags (Linux's bit values). */
#define SLAB_CONSISTENCY_CHECKS	((__force slab_flags_t)0x00000100U)
#define SLAB_RED_ZONE		((__force slab_flags_t)0x00000400U)
#define SLAB_POISON		((__force slab_flags_t)0x00000800U)
#define SLAB_HWCACHE_ALIGN	((__force slab_flags_t)0x00002000U)
#define SLAB_CACHE_DMA		((__force slab_flags_t)0x00004000U)
#define SLAB_CACHE_DMA32	((__force slab_flags_t)0x00008000U)
#define SLAB_STORE_USER		((__force slab_flags_t)0x00010000U)
#define SLAB_PANIC		((__force slab_flags_t)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU	((__force slab_flags_t)0x00080000U)
#define SLAB_ACCOUNT		((__force slab_flags_t)0x04000000U)
#define SLAB_RECLAIM_ACCOUNT	((__force slab_flags_t)0x00020000U)
#define SLAB_NO_MERGE		((__force slab_flags_t)0x01000000U)
/* Not counted by leak checks: the allocator's own bookkeeping. */
#define SLAB_NOLEAKTRACE	((__force slab_flags_t)0x00800000U)

/* make KASAN=1: every cache; KASAN's hooks are on the debug (slow) paths */
#define SLAB_KASAN		((__force slab_flags_t)0x08000000U)
#define SLAB_DEBUG_FLAGS	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
				 SLAB_POISON | SLAB_STORE_USER)

/* Slab debug bytes, Linux's values (<linux/poison.h> there). */
#define POISON_INUSE		0x5a	/* never handed out since the slab was made */
#define POISON_FREE		0x6b	/* freed: a read of this is a use after free */
#define POISON_END		0xa5	/* last byte of a poisoned object */
#define SLUB_RED_INACTIVE	0xbb	/* red zone of a free object */
#define SLUB_RED_ACTIVE		0xcc	/* red zone of an allocated object */

/* kmalloc(0) returns this: not NULL, but faults when touched. */
#define ZERO_SIZE_PTR		((void *)16)
#define ZERO_OR_NULL_PTR(x)	((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

#define ARCH_KMALLOC_MINALIGN	8
#define ARCH_SLAB_MINALIGN	8
#define KMALLOC_MIN_SIZE	8
#define KMALLOC_SHIFT_HIGH	13		/* largest cache: 8 KiB */
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
#define KMALLOC_SHIFT_MAX	22		/* MAX_PAGE_ORDER + PAGE_SHIFT */
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)	/* 4 MiB */


struct kmem_cache;

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *s, void *objp);
const char *kmem_cache_name(const struct kmem_cache *s);
/* The object size of @s, as its creator asked. */
unsigned int kmem_cache_size(struct kmem_cache *s);

static inline void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t gfp)
{
	return kmem_cache_alloc(s, gfp | __GFP_ZERO);
}

#define KMEM_CACHE(__struct, __flags)					\
	kmem_cache_create(#__struct, sizeof(struct __struct),		\
			  __alignof__(struct __struct), (__flags), NULL)

/*
 * slab_slow_path - nonzero while a debug hook wants to see every slab
 * allocation and free: the fast paths (mm/slab.h) test it once and then
 * take the slow paths, slab_alloc_slow() and slab_free_slow() in
 * mm/slub.c, where the hooks are.  One bit per hook.
 */
extern unsigned long slab_slow_path;
#define SLAB_SLOW_FAILSLAB	0x1UL	/* failslab= or fault_attr_set(&failslab) */

void *__kmalloc(size_t size, gfp_t gfp);
void *kmalloc_trace(struct kmem_cache *s, gfp_t gfp);
/* a module's kmalloc_trace(), with the size (kernel/module/track.c) */
void *__kmalloc_cache_noprof(struct kmem_cache *s, gfp_t gfp, size_t size);

/*
 * KMALLOC_INFO - the kmalloc size classes, the one place they are
 * written: C(index, size, name) for each.  The index is the class's row
 * of kmalloc_caches[] and what kmalloc_index() returns: a power of two
 * sits at its log2 (8 bytes at 3 ... 8 KiB at KMALLOC_SHIFT_HIGH), 96 and
 * 192 in the free rows 1 and 2, as in Linux; the cache is called
 * kmalloc-NAME (dma-kmalloc-NAME for GFP_DMA).
 *
 * mm/slab_common.c makes kmalloc_info[] (names and sizes) of it, counts
 * the classes with it, and ties KMALLOC_CACHES, KMALLOC_MIN_SIZE and
 * KMALLOC_MAX_CACHE_SIZE to it with static_assert.  kmalloc_index() and
 * size_index[] say the same as comparisons and as a table (they must be
 * fast, and are lab exercises); the kmalloc suite checks them against
 * this list, for constant and run-time sizes.
 */
#define KMALLOC_INFO(C)							\
	C(1,    96,   "96")						\
	C(2,   192,  "192")						\
	C(3,     8,    "8")						\
	C(4,    16,   "16")						\
	C(5,    32,   "32")						\
	C(6,    64,   "64")						\
	C(7,   128,  "128")						\
	C(8,   256,  "256")						\
	C(9,   512,  "512")						\
	C(10, 1024,   "1k")						\
	C(11, 2048,   "2k")						\
	C(12, 4096,   "4k")						\
	C(13, 8192,   "8k")

/* The kmalloc caches: [size class][normal or DMA]. */
enum kmalloc_cache_type { KMALLOC_NORMAL, KMALLOC_DMA, NR_KMALLOC_TYPES };
#define KMALLOC_CACHES	(KMALLOC_SHIFT_HIGH + 1)	/* rows: index 0 unused */
extern struct kmem_cache *kmalloc_caches[KMALLOC_CACHES][NR_KMALLOC_TYPES];

/* A size class: its cache's names and its size (from KMALLOC_INFO). */
struct kmalloc_info_struct {
	const char *name[NR_KMALLOC_TYPES];
	unsigned int size;
};
extern const struct kmalloc_info_struct kmalloc_info[KMALLOC_CACHES];

/*
 * kmalloc_index - the size class of @size: 3 (8 bytes) .. 13 (8 KiB),
 * with 1 for 96 and 2 for 192 (the rows of KMALLOC_INFO).  Folds to a
 * constant for constant sizes.
 */
static __always_inline unsigned int kmalloc_index(size_t size)
{
	/* LAB(slab) BEGIN size_classes: the smallest class that fits @size */
	if (size <= 8)
		return 3;
	if (size <= 16)
		return 4;
	if (size <= 32)
		return 5;
	if (size <= 64)
		return 6;
	if (size <= 96)
		return 1;
	if (size <= 128)
		return 7;
	if (size <= 192)
		return 2;
	return 64 - __builtin_clzl(size - 1);
	/* LAB(slab) END size_classes */
}
#ifdef CONFIG_KASAN
#define KMALLOC_CONSTANT_CACHE	0	/* __kmalloc() tells KASAN the size asked for */
#else
#define KMALLOC_CONSTANT_CACHE	1
#endif

void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);
size_t kmalloc_size_roundup(size_t size);
void *krealloc(const void *objp, size_t new_size, gfp_t gfp);
char *kstrdup(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);

/**
 * kmalloc - allocate kernel memory
 * @size: bytes wanted
 * @gfp: GFP_KERNEL where sleeping is allowed, GFP_ATOMIC where it is not;
 *       GFP_DMA for memory below 16 MiB; __GFP_ZERO for zeroed memory
 *
 * Sizes up to 8 KiB come from the kmalloc-N caches (the smallest class
 * that fits: ksize() tells), larger ones from the page allocator, up to
 * KMALLOC_MAX_SIZE.  kmalloc(0) returns ZERO_SIZE_PTR.
 *
 * Return: the memory, aligned to at least 8 bytes, or NULL.
 * Context: Any context with GFP_ATOMIC / GFP_NOWAIT; process context
 * (may sleep) with GFP_KERNEL.
 */
static __always_inline void *kmalloc(size_t size, gfp_t gfp)
{
	/* a constant size picks its cache at compile time, as in Linux */
	if (KMALLOC_CONSTANT_CACHE &&
	    __builtin_constant_p(size) && size && size <= KMALLOC_MAX_CACHE_SIZE) {
		struct kmem_cache *s = kmalloc_caches[kmalloc_index(size)]
			[(gfp & __GFP_DMA) ? KMALLOC_DMA : KMALLOC_NORMAL];
#ifdef MODULE
		/* also the size asked for: the leak report at unload shows it */
		return __kmalloc_cache_noprof(s, gfp, size);
#else
		return kmalloc_trace(s, gfp);
#endif
	}
	return __kmalloc(size, gfp);
}

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/* n * size bytes, or NULL when the product overflows. */
static inline void *kmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc(bytes, gfp);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t gfp)
{
	return kmalloc_array(n, size, gfp | __GFP_ZERO);
}

static inline void *krealloc_array(void *p, size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return krealloc(p, bytes, gfp);
}

/* Boot: create the kmalloc caches (after mem_init). */
void kmem_cache_init(void);

/* mm/slub.c: a CPU being brought up gets its part of every cache. */
void slab_prepare_cpu(unsigned int cpu);

#endif /* _LINUX_SLAB_H */
