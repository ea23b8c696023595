/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The grab-bag of small helpers every kernel file uses: container_of,
 * ARRAY_SIZE, min/max, alignment, and the printk/sprintf declarations.
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <stdarg.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/printk.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/hex.h>

/* Stop the machine with a message: kernel/panic.c. */
__printf(1, 2) void __noreturn panic(const char *fmt, ...);

#define BITS_PER_LONG		64

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

#define container_of(ptr, type, member) ({				\
	const __typeof__(((type *)0)->member) *__mptr = (ptr);		\
	(type *)((char *)__mptr - offsetof(type, member)); })

#define min(a, b)		({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a < _b ? _a : _b; })
#define max(a, b)		({ __typeof__(a) _a = (a); __typeof__(b) _b = (b); _a > _b ? _a : _b; })
#define min_t(t, a, b)		min((t)(a), (t)(b))
#define max_t(t, a, b)		max((t)(a), (t)(b))
#define clamp(v, lo, hi)	min(max(v, lo), hi)

/* Alignment to a power of two. */
#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define round_up(x, y)		ALIGN(x, y)
#define round_down(x, y)	ALIGN_DOWN(x, y)

#define SZ_1K			0x00000400UL
#define SZ_4K			0x00001000UL
#define SZ_1M			0x00100000UL
#define SZ_2M			0x00200000UL
#define SZ_16M			0x01000000UL
#define SZ_1G			0x40000000UL
#define SZ_4G			0x100000000ULL

#endif /* _LINUX_KERNEL_H */
