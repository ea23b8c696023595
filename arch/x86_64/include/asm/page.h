/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's address-space layout (SPEC section 3) and the
 * conversions between physical and virtual addresses.
 *
 *   0xffff888000000000  PAGE_OFFSET: all RAM, direct mapped (__va, __pa)
 *   0xffffc90000000000  VMALLOC_START .. VMALLOC_END
 *   0xffffffff80000000  the kernel image (__START_KERNEL_map)
 *   0xffffffffa0000000  MODULES_VADDR .. MODULES_END: loaded modules
 */
#ifndef _ASM_X86_PAGE_H
#define _ASM_X86_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT		12
#define PAGE_SIZE		(1UL << PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr)	(((addr) + PAGE_SIZE - 1) & PAGE_MASK)
#define PAGE_ALIGNED(addr)	(((unsigned long)(addr) & (PAGE_SIZE - 1)) == 0)

#define PMD_SHIFT		21
#define PMD_SIZE		(1UL << PMD_SHIFT)
#define PUD_SHIFT		30
#define PUD_SIZE		(1UL << PUD_SHIFT)
#define PGDIR_SHIFT		39

#ifndef PAGE_OFFSET
#define PAGE_OFFSET		0xffff888000000000UL
#endif
#define VMALLOC_START		0xffffc90000000000UL
#define VMALLOC_END		0xffffe8ffffffffffUL
#define __START_KERNEL_map	0xffffffff80000000UL
#define MODULES_VADDR		0xffffffffa0000000UL
#define MODULES_END		0xffffffffff000000UL

#define PFN_UP(x)		(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)		((x) >> PAGE_SHIFT)
#define PFN_PHYS(pfn)		((phys_addr_t)(pfn) << PAGE_SHIFT)
#define PHYS_PFN(x)		((unsigned long)((x) >> PAGE_SHIFT))

/*
 * __pa() accepts both direct-map addresses and kernel-image addresses
 * (a static variable's address), as Linux's does.
 */
static inline phys_addr_t __phys_addr(unsigned long x)
{
	if (x >= __START_KERNEL_map)
		return x - __START_KERNEL_map;
	return x - PAGE_OFFSET;
}

static inline void *__va(phys_addr_t paddr)
{
	return (void *)((unsigned long)paddr + PAGE_OFFSET);
}

extern unsigned long max_pfn;	/* frames [0, max_pfn) have a struct page */

/* Is there RAM with a struct page at physical frame @pfn? */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn < max_pfn;
}

/*
 * virt_addr_valid(kaddr): is @kaddr a direct-map or kernel-image address
 * of RAM, one virt_to_page() may be used on?  (Not a vmalloc address.)
 */
#define virt_addr_valid(kaddr)	__virt_addr_valid((unsigned long)(kaddr))
bool __virt_addr_valid(unsigned long x);	/* arch/x86_64/mm_init.c */

/* The order of the smallest block of frames that holds @size bytes. */
static inline int get_order(unsigned long size)
{
	if (size <= PAGE_SIZE)
		return 0;
	return 64 - __builtin_clzl((size - 1) >> PAGE_SHIFT);
}

#define __pa(x)		__phys_addr((unsigned long)(x))
#define __pa_symbol(x)		__pa(x)

#endif /* _ASM_X86_PAGE_H */
