/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory management for the rest of the kernel: frames and their struct
 * page, address conversions, and the allocation families.
 *
 *   mem_map[pfn]   the struct page of frame pfn (flat memory model)
 *   page_address   the frame's address in the direct map
 *   virt_to_page   the struct page of a direct-map address
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/page-flags.h>
#include <asm/page.h>

extern struct page *mem_map;
extern unsigned long max_pfn;		/* frames [0, max_pfn) have a struct page */
extern unsigned long totalram_pages_count;

#define pfn_to_page(pfn)	(mem_map + (pfn))
#define page_to_pfn(page)	((unsigned long)((page) - mem_map))
#define virt_to_pfn(kaddr)	(__pa(kaddr) >> PAGE_SHIFT)
#define virt_to_page(kaddr)	pfn_to_page(virt_to_pfn(kaddr))
#define page_to_phys(page)	((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)
#define phys_to_page(phys)	pfn_to_page((phys) >> PAGE_SHIFT)
#ifndef virt_addr_valid		/* the kernel's <asm/page.h> has them */
#define virt_addr_valid(kaddr)	pfn_valid(virt_to_pfn(kaddr))

static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}
#endif

static inline void *page_address(const struct page *page)
{
	return __va((phys_addr_t)(page - mem_map) << PAGE_SHIFT);
}

static inline void *lowmem_page_address(const struct page *page)
{
	return page_address(page);
}

/* Zones follow from the frame number: below 16 MiB, below 4 GiB, above. */
#define ZONE_DMA_END_PFN	(SZ_16M >> PAGE_SHIFT)
#define ZONE_DMA32_END_PFN	(SZ_4G >> PAGE_SHIFT)

static inline enum zone_type pfn_zone_idx(unsigned long pfn)
{
	/* ZONE_DMA + one for each boundary at or below pfn: no branches */
	return (enum zone_type)((pfn >= ZONE_DMA_END_PFN) +
				(pfn >= ZONE_DMA32_END_PFN));
}

static inline struct zone *page_zone(const struct page *page)
{
	return &zones[pfn_zone_idx(page - mem_map)];
}

static inline int page_ref_count(const struct page *page)
{
	return page->_refcount.counter;
}

static inline void set_page_count(struct page *page, int v)
{
	page->_refcount.counter = v;
}

static inline void get_page(struct page *page)
{
	page->_refcount.counter++;
}

/* kmalloc when possible, vmalloc when not (mm/util.c). */
void *kvmalloc(size_t size, gfp_t flags);
void *kvzalloc(size_t size, gfp_t flags);
void *kvmalloc_array(size_t n, size_t size, gfp_t flags);
void *kvcalloc(size_t n, size_t size, gfp_t flags);
void kvfree(const void *addr);
void *__kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags);
void *__kvrealloc3(const void *p, size_t newsize, gfp_t flags);
#define __kvrealloc_pick(_1, _2, _3, _4, name, ...) name
/* kvrealloc(p, oldsize, newsize, gfp) as in 5.15-6.10, or kvrealloc(p, newsize, gfp) */
#define kvrealloc(...) \
	__kvrealloc_pick(__VA_ARGS__, __kvrealloc, __kvrealloc3, _)(__VA_ARGS__)

static inline bool is_vmalloc_addr(const void *x)
{
	unsigned long addr = (unsigned long)x;

	return addr >= VMALLOC_START && addr <= VMALLOC_END;	/* END is inclusive */
}

/* Number of frames free in the buddy allocator's lists, all zones. */
unsigned long nr_free_pages(void);
/* Pages the page allocator manages (MemTotal).  Context: Any context. */
unsigned long totalram_pages(void);

/* Boot: build mem_map and zones, hand memblock's free memory over. */
void mem_init(void);

#endif /* _LINUX_MM_H */
