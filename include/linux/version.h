/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/version.h> - the Linux release whose module API this kernel
 * offers: 6.12 (a long-term release).  Module code compares
 * LINUX_VERSION_CODE with KERNEL_VERSION(a, b, c) to pick the API of its
 * kernel, so the headers must agree with the release named here: for
 * example 6.12 has timer_delete_sync() beside del_timer_sync(),
 * kmalloc_size_roundup(), kvrealloc(p, size, gfp), __vmalloc() without a
 * pgprot argument (since 5.8), and still from_timer() and in_irq().
 * <generated/utsrelease.h> gives the same release as a string.
 */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#define LINUX_VERSION_MAJOR	6
#define LINUX_VERSION_PATCHLEVEL 12
#define LINUX_VERSION_SUBLEVEL	0

/* One number per release, ordered as releases are: a.b.c -> a:b:c bytes. */
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

#define LINUX_VERSION_CODE	KERNEL_VERSION(LINUX_VERSION_MAJOR, \
				LINUX_VERSION_PATCHLEVEL, LINUX_VERSION_SUBLEVEL)

#endif /* _LINUX_VERSION_H */
