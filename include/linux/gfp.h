/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The page allocator's API: blocks of 2^order physically contiguous
 * frames.  Implemented in mm/page_alloc.c.
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/gfp_types.h>
#include <linux/irqflags.h>
#include <linux/mm_types.h>
#include <linux/preempt.h>

struct page;

/**
 * gfpflags_allow_blocking - may an allocation with these flags sleep?
 * @gfp_flags: the allocation's flags
 *
 * Return: true when __GFP_DIRECT_RECLAIM is set (GFP_KERNEL: yes;
 * GFP_ATOMIC, GFP_NOWAIT: no).
 */
static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

/*
 * alloc_in_atomic - would an allocation with @gfp break the sleeping rule?
 * @gfp: its flags
 * @irqflags: the interrupt flags saved on entry (local_irq_save())
 *
 * True when @gfp allows blocking (GFP_KERNEL) but the caller is atomic:
 * preempt_count() != 0 (spin lock, interrupt, softirq) or interrupts
 * were off.  The allocators test this on entry, before they look at
 * whether memory is short, so the bug is reported every time, not only
 * on the day memory runs out (Linux's might_alloc()).
 */
static __always_inline bool alloc_in_atomic(gfp_t gfp, unsigned long irqflags)
{
	/* LAB(contexts) BEGIN atomic_rule: may block, but the caller may not */
	return (gfp & __GFP_DIRECT_RECLAIM) &&
	       (preempt_count() || irqs_disabled_flags(irqflags));
	/* LAB(contexts) END atomic_rule */
}

/* The check for code that does not know its irq flags: may sleep? */
#define might_alloc(gfp) do {						\
	if (alloc_in_atomic(gfp, arch_local_save_flags()))		\
		__might_sleep(__FILE__, __LINE__);			\
} while (0)
void __might_sleep(const char *file, int line);

struct page *alloc_pages(gfp_t gfp, unsigned int order);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp)		alloc_pages(gfp, 0)
#define __get_free_page(gfp)	__get_free_pages(gfp, 0)
#define __free_page(page)	__free_pages(page, 0)
#define free_page(addr)		free_pages(addr, 0)

/*
 * An exact number of frames, not a power of two (mm/page_alloc.c):
 * alloc_pages_exact(size) takes the block of the smallest order that
 * holds @size bytes, splits it into single frames and frees the ones past
 * PAGE_ALIGN(size) at once.  Free with free_pages_exact(addr, size).
 */
void *alloc_pages_exact(size_t size, gfp_t gfp);
void free_pages_exact(void *virt, size_t size);
/* Make a block of 2^order frames 2^order separately freeable frames. */
void split_page(struct page *page, unsigned int order);

/* Give every frame on the per-CPU lists back to the buddy free lists. */
void drain_all_pages(void);

#endif /* _LINUX_GFP_H */
