/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The state bits of struct page's flags word.
 */
#ifndef _LINUX_PAGE_FLAGS_H
#define _LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

enum pageflags {
	PG_reserved,	/* not managed by the page allocator (kernel, holes) */
	PG_buddy,	/* head of a free block on a free_area list */
	PG_pcp,		/* free, on a per-cpu list */
	PG_head,	/* head of an allocated block of order > 0 */
	PG_slab,	/* owned by the slab allocator */
	PG_vmalloc,	/* mapped into the vmalloc area */
	PG_pgtable,	/* a page-table page */
	PG_frozen,	/* slab head: some CPU's active slab, on no list */
	NR_PAGEFLAGS,
};

#define PAGEFLAG(name, bit)						\
static inline bool Page##name(const struct page *page)			\
{ return page->flags & (1U << (bit)); }					\
static inline void __SetPage##name(struct page *page)			\
{ page->flags |= 1U << (bit); }						\
static inline void __ClearPage##name(struct page *page)			\
{ page->flags &= ~(1U << (bit)); }

PAGEFLAG(Reserved, PG_reserved)
PAGEFLAG(Buddy, PG_buddy)
PAGEFLAG(Pcp, PG_pcp)
PAGEFLAG(Head, PG_head)
PAGEFLAG(Slab, PG_slab)
PAGEFLAG(Vmalloc, PG_vmalloc)
PAGEFLAG(Pgtable, PG_pgtable)
PAGEFLAG(Frozen, PG_frozen)

#define SetPageReserved(p)	__SetPageReserved(p)
#define ClearPageReserved(p)	__ClearPageReserved(p)

#endif /* _LINUX_PAGE_FLAGS_H */
