/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A realistic mix of kmalloc() sizes, for the benchmarks.
 *
 * Measured on Linux machines, most kmalloc calls ask for small objects
 * (list nodes, small structs, short strings: 16 to 128 bytes), some for
 * a few hundred bytes (buffers, larger structs), and few for kilobytes.
 * The table below says how often each range is drawn, in percent; within
 * a range every size is equally likely, so odd sizes like 72 or 200 (the
 * ones the 96 and 192 classes exist for) come up too:
 *
 *	   1..16   10%		  257..512    8%
 *	  17..32   20%		  513..1024   6%
 *	  33..64   20%		 1025..2048   3%
 *	  65..128  18%		 2049..4096   2%
 *	 129..256  12%		 4097..8192   1%
 *
 * The sequence is fixed (a xorshift generator with a fixed seed), so the
 * in-kernel benchmark (tests/kernel/slab_bench.c, cycles) and the host
 * benchmark (tests/bench/host_bench.c, instructions) time exactly the
 * same requests, in the same order, and runs compare across versions:
 *
 *	static unsigned short sizes[KMALLOC_MIX_LEN];
 *
 *	kmalloc_mix_fill(sizes);
 *	for (i = 0; ...; i++)
 *		kfree(kmalloc(sizes[i % KMALLOC_MIX_LEN], GFP_KERNEL));
 *
 * Integer arithmetic only, no includes: it builds in the kernel (no SSE)
 * and on the host alike.
 */
#ifndef _KERNEL_KMALLOC_MIX_H
#define _KERNEL_KMALLOC_MIX_H

#define KMALLOC_MIX_LEN		1024U	/* sizes in one period; a power of two */
#define KMALLOC_MIX_SEED	0x2545f491U
#define KMALLOC_MIX_MAX		8192U	/* largest size drawn */

struct kmalloc_mix_range {
	unsigned short lo, hi;		/* sizes lo..hi bytes, inclusive */
	unsigned short percent;		/* how often this range is drawn */
};

static const struct kmalloc_mix_range kmalloc_mix_ranges[] = {
	{    1,   16, 10 },
	{   17,   32, 20 },
	{   33,   64, 20 },
	{   65,  128, 18 },
	{  129,  256, 12 },
	{  257,  512,  8 },
	{  513, 1024,  6 },
	{ 1025, 2048,  3 },
	{ 2049, 4096,  2 },
	{ 4097, 8192,  1 },
};

/* Marsaglia's xorshift32: the next number of the fixed sequence. */
static inline unsigned int kmalloc_mix_next(unsigned int *state)
{
	unsigned int x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

/* One size drawn from the table, advancing @state. */
static inline unsigned int kmalloc_mix_draw(unsigned int *state)
{
	unsigned int pick = kmalloc_mix_next(state) % 100;
	unsigned int i, span;

	for (i = 0; pick >= kmalloc_mix_ranges[i].percent; i++)
		pick -= kmalloc_mix_ranges[i].percent;
	span = kmalloc_mix_ranges[i].hi - kmalloc_mix_ranges[i].lo + 1;
	return kmalloc_mix_ranges[i].lo + kmalloc_mix_next(state) % span;
}

/* Fill @sizes with the KMALLOC_MIX_LEN sizes of the sequence. */
static inline void kmalloc_mix_fill(unsigned short sizes[KMALLOC_MIX_LEN])
{
	unsigned int state = KMALLOC_MIX_SEED, i;

	for (i = 0; i < KMALLOC_MIX_LEN; i++)
		sizes[i] = (unsigned short)kmalloc_mix_draw(&state);
}

#endif /* _KERNEL_KMALLOC_MIX_H */
