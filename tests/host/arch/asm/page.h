/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Host shim for <asm/page.h>: the real header with PAGE_OFFSET moved.
 *
 * On the host, "physical memory" is one big mmap'ed region (see
 * tests/host/fake_ram.c): fake physical address 0 is the region's first
 * byte, so the direct map starts at the region, wherever mmap put it.
 * PAGE_OFFSET becomes that address, read from a variable; everything
 * else (__va, __pa, PAGE_SIZE ...) is the kernel's own header, reached
 * with #include_next because this folder comes first on the include path.
 */
#ifndef _HOST_ASM_PAGE_H
#define _HOST_ASM_PAGE_H

extern unsigned long host_page_offset;
#define PAGE_OFFSET	host_page_offset

#include_next <asm/page.h>

#endif /* _HOST_ASM_PAGE_H */
