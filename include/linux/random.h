/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pseudo-random numbers (lib/random.c): xorshift64*, seeded from the TSC
 * at boot.  Good for tests and fault injection; not for secrets.
 */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

u32 get_random_u32(void);
u64 get_random_u64(void);
/* A number in [0, ceil). */
u32 get_random_u32_below(u32 ceil);
#define prandom_u32()	get_random_u32()
void random_seed(u64 seed);

#endif /* _LINUX_RANDOM_H */
