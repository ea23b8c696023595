/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmalloc: virtually contiguous memory built from frames anywhere in RAM,
 * mapped in the kernel's own page tables between VMALLOC_START and
 * VMALLOC_END, with one unmapped guard page after every area.
 * Implemented in mm/vmalloc.c.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <asm/page.h>
#include <asm/pgtable.h>

struct page;

/* vm_struct flags */
#define VM_IOREMAP	0x00000001
#define VM_ALLOC	0x00000002	/* vmalloc(): frames owned by the area */
#define VM_MAP		0x00000004	/* vmap(): frames owned by the caller */
#define VM_NO_GUARD	0x00000040

#define PAGE_KERNEL_PROT	(PAGE_KERNEL | _PAGE_NX)
#define pgprot_t		u64
#define PAGE_KERNEL_RO		((PAGE_KERNEL & ~_PAGE_RW) | _PAGE_NX)
#define PAGE_KERNEL_ROX		(PAGE_KERNEL & ~_PAGE_RW)

struct vm_struct {
	void *addr;			/* first byte */
	unsigned long size;		/* bytes, the guard page included */
	unsigned long flags;		/* VM_ALLOC, VM_MAP */
	struct page **pages;
	unsigned int nr_pages;
	const void *caller;		/* who asked, for vmallocinfo */
};

void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void *__vmalloc(unsigned long size, gfp_t gfp_mask);
void *vmalloc_node_caller(unsigned long size, unsigned long align,
			  gfp_t gfp_mask, const void *caller);
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot);
void vunmap(const void *addr);
struct page *vmalloc_to_page(const void *addr);
unsigned long vmalloc_to_pfn(const void *addr);
struct vm_struct *find_vm_area(const void *addr);
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags);
void free_vm_area(struct vm_struct *area);

#define __iomem
void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size);
void iounmap(volatile void __iomem *addr);

/* The module area (kernel/module/): see mm/vmalloc.c. */
void *module_alloc(unsigned long size, const void *caller);
int module_set_prot(const void *addr, unsigned long size, pgprot_t prot);

/* Boot: the free-space tree covers the whole region. */
void vmalloc_init(void);

#endif /* _LINUX_VMALLOC_H */
