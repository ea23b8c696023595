/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/cache.h> - the CPU cache line, and data placement hints.
 * __read_mostly and __ro_after_init are plain data here (Linux groups
 * them in sections of their own); the names are kept so code written for
 * Linux compiles.
 */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/compiler.h>

#ifndef L1_CACHE_BYTES
#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#endif
#define SMP_CACHE_BYTES		L1_CACHE_BYTES

#define ____cacheline_aligned	__attribute__((__aligned__(SMP_CACHE_BYTES)))
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#define __cacheline_aligned	____cacheline_aligned
#define __read_mostly
#define __ro_after_init

#endif /* _LINUX_CACHE_H */
