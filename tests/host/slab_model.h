/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A model of what the slab allocator owes its callers, and a randomized
 * churn checked against it (tests/host/slab_model.c), shared by
 * test_slab.c (plain caches: the fast paths) and test_slab_debug.c
 * (every cache with slab_debug=FZPU: the slow paths).
 *
 * The model keeps every live allocation: address, size asked for, cache
 * (or kmalloc), and a byte pattern unique to it that fills the whole
 * object.  It checks
 *
 *	contents	an object's bytes are exactly its pattern when it is
 *			freed (nothing else wrote into it), and all live
 *			objects every few thousand steps;
 *	no overlap	a bitmap over fake RAM, one bit per 8 bytes, marks
 *			the bytes of live objects; a new object must find
 *			its bits clear;
 *	placement	8-byte (or the cache's) alignment, a direct-map
 *			address in a slab frame of the right cache, below
 *			16 MiB for GFP_DMA, ksize() >= size, zeroed memory
 *			for __GFP_ZERO;
 *	return		after everything is freed and every cache shrunk,
 *			nr_free_pages() is back to the value after boot.
 */
#ifndef _SLAB_MODEL_H
#define _SLAB_MODEL_H

#include <linux/types.h>

struct slab_churn {
	u64 seed;		/* xorshift seed: same seed, same run */
	unsigned long steps;	/* allocations + frees + reallocs */
	unsigned int max_live;	/* the model holds at most this many */
};

/*
 * Boot the page allocator on fake_map_pc and the slab allocator, with
 * @debug_flags as if given by slab_debug= (0: none), shrink every cache
 * and remember nr_free_pages() as the post-boot value.  Once per process.
 */
void slab_model_boot(slab_flags_t debug_flags);

/* After the caller freed everything: shrink every cache, compare. */
void slab_model_expect_all_returned(void);

/* Run the churn of @c: mixed sizes, kmalloc and five caches, all freed. */
void slab_model_churn(const struct slab_churn *c);

/* The seed to use: $SLAB_CHURN_SEED if set, else @dflt (printed). */
u64 slab_model_seed(u64 dflt);

#endif /* _SLAB_MODEL_H */
