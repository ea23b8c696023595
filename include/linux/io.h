/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Physical and virtual addresses of memory, and port I/O (<asm/io.h>).
 *
 * virt_to_phys() and phys_to_virt() translate through the direct map (and,
 * for virt_to_phys(), the kernel image), as Linux's do.  They are not for
 * vmalloc addresses: use vmalloc_to_page() for those.
 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <asm/io.h>
#include <asm/page.h>

/**
 * virt_to_phys - the physical address of a kernel virtual address
 * @address: a direct-map address (kmalloc, page_address()) or an address
 *           in the kernel image (a static variable)
 *
 * Return: the physical address.
 * Context: Any context.
 */
static inline phys_addr_t virt_to_phys(volatile void *address)
{
	return __pa((unsigned long)address);
}

/**
 * phys_to_virt - the direct-map address of a physical address
 * @address: a physical address of RAM
 *
 * Return: its address in the direct map.
 * Context: Any context.
 */
static inline void *phys_to_virt(phys_addr_t address)
{
	return __va(address);
}

#endif /* _LINUX_IO_H */
