// SPDX-License-Identifier: GPL-2.0
/*
 * lib/random.c - xorshift64* (Vigna): three shifts, an xor each, and a
 * multiply.  Period 2^64 - 1, good statistical quality for its size, and
 * small enough to read at a glance.
 */
#include <linux/random.h>
#include <linux/export.h>

static u64 random_state = 0x9e3779b97f4a7c15ULL;

void random_seed(u64 seed)
{
	random_state = seed ? seed : 0x9e3779b97f4a7c15ULL;
}

u64 get_random_u64(void)
{
	u64 x = random_state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	random_state = x;
	return x * 0x2545f4914f6cdd1dULL;
}
EXPORT_SYMBOL(get_random_u64);

u32 get_random_u32(void)
{
	return get_random_u64() >> 32;
}
EXPORT_SYMBOL(get_random_u32);

u32 get_random_u32_below(u32 ceil)
{
	return ceil ? (u32)(((u64)get_random_u32() * ceil) >> 32) : 0;
}
EXPORT_SYMBOL(get_random_u32_below);
