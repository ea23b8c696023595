/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct page: one for every 4 KiB frame of physical memory.
 *
 * The array of them, mem_map, is indexed by page frame number (pfn =
 * physical address >> 12), so converting between a frame and its struct
 * page is one subtraction or addition.  To keep the array small (it is
 * 0.8% of RAM at 32 bytes a frame; Linux's 64 bytes cost 1.6%), every
 * field is shared between the users a frame can have:
 *
 *	            flags   private            lru                  _refcount
 *	free        PG_buddy  order of block   free_area list       0
 *	pcp list    PG_pcp    0                per-cpu list         0
 *	allocated   -         order allocated  owner's use          >= 1
 *	reserved    PG_reserved -              -                    0
 *
 * A frame's zone is not stored: it follows from its pfn (page_zone()).
 * Tail frames of a free or allocated block are left untouched (all 0);
 * only the first ("head") frame of a block describes it.
 */
#ifndef _LINUX_MM_TYPES_H
#define _LINUX_MM_TYPES_H

#include <linux/types.h>

struct kmem_cache;

struct page {
	unsigned int flags;		/* PG_* bits, <linux/page-flags.h> */
	unsigned int private;		/* order of the block this frame heads */
	struct list_head lru;		/* free list, pcp list, or owner's list */
	union {
		struct {
			atomic_t _refcount;	/* users; 0 = not allocated */
			unsigned int page_type;	/* owner's use (e.g. slab) */
		};
		struct kmem_cache *slab_cache;	/* PG_slab: its cache */
	};
};

#endif /* _LINUX_MM_TYPES_H */
