/* SPDX-License-Identifier: GPL-2.0 */
/* Port I/O: the x86 in/out instructions. */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>
#include <asm/page.h>

static inline void outb(u8 value, u16 port)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outw(u16 value, u16 port)
{
	__asm__ __volatile__("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outl(u32 value, u16 port)
{
	__asm__ __volatile__("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	__asm__ __volatile__("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline u16 inw(u16 port)
{
	u16 value;

	__asm__ __volatile__("inw %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline u32 inl(u16 port)
{
	u32 value;

	__asm__ __volatile__("inl %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

/* A write to an unused port takes about a microsecond: a short delay. */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

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

#endif /* _ASM_X86_IO_H */
