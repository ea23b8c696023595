/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Debug helpers of the memory allocators (mm/debug.c).
 */
#ifndef _LINUX_MMDEBUG_H
#define _LINUX_MMDEBUG_H

#include <linux/types.h>

/*
 * A buffer this big holds the names of any gfp_t, every bit set
 * (the host tests check it).
 */
#define GFP_FLAGS_NAMES_MAX	512

/**
 * format_gfp_flags - write the names of GFP flags, as printk's %pGg does
 * @buf: where to write (always NUL-terminated when @size > 0)
 * @size: its size in bytes
 * @gfp: the flags
 *
 * Composite names come first and take their bits: 0xcc0 is "GFP_KERNEL",
 * 0xa20 | 0x100 is "GFP_ATOMIC|__GFP_ZERO".  Bits no name covers end the
 * text in hex ("__GFP_HIGH|0x1000000"), and 0 is "0".
 *
 * Return: the length of the whole text, as snprintf() returns it, even
 * when @size cut it short.
 * Context: Any context.
 */
int format_gfp_flags(char *buf, size_t size, gfp_t gfp);

#endif /* _LINUX_MMDEBUG_H */
