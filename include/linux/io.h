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

#endif /* _LINUX_IO_H */
