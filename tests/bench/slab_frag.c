// SPDX-License-Identifier: GPL-2.0
/*
 * Memory efficiency of kmalloc for a realistic mix of sizes: how many
 * bytes of RAM the slab allocator uses per byte asked for.  Run by
 * `make bench-host` after the instruction counts.
 *
 * The requests are the KMALLOC_MIX_LEN sizes of <kernel/kmalloc_mix.h>
 * (the ones the kmalloc_mixed_pair benchmark makes).  A request of r
 * bytes lands in a class of c >= r bytes (ksize()), whose slabs are
 * 2^order frames holding n objects; so it really occupies
 *
 *	c			the slot
 *	+ (slab bytes / n - c)	its share of the slab's unused tail
 *	+ frames * sizeof(struct page) / n
 *				its share of the slab's struct pages
 *
 * Three class sets are compared on the same requests:
 *
 *   this kernel	8 .. 8k with 96 and 192: the real caches, their
 *			layout read back from slabinfo (objsize,
 *			objperslab, pagesperslab)
 *   Linux		the same classes; slab orders by Linux SLUB's
 *			calculate_order() on one CPU (min_objects 8, max
 *			order 3, tail <= 1/16 .. 1/2); struct page 64 bytes
 *   powers of two	8 .. 8k without 96 and 192, this kernel's layout
 *			of each class: what 96 and 192 buy
 *
 * Integer arithmetic only (built like the kernel, without SSE): shares
 * are summed in thousandths of a byte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "../host/host_support.h"
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kernel/kmalloc_mix.h>
#include <kernel/slab_stats.h>
#include "../host/fake_ram.h"

#define NR_POW2		11		/* 8 .. 8192 */
#define LINUX_PAGE_STRUCT 64		/* sizeof(struct page) on x86_64 Linux */

struct layout {
	unsigned int slot;		/* bytes per object slot */
	unsigned int objects;		/* per slab */
	unsigned int frames;		/* per slab */
};

/* The layout of kmalloc-<class> in this kernel, indexed by class size / 8. */
static struct layout ours[KMALLOC_MAX_CACHE_SIZE / 8 + 1];

static unsigned long field(const char **p)
{
	while (**p == ' ')
		(*p)++;
	return simple_strtoul(*p, (char **)p, 10);
}

/* Read objsize, objperslab and pagesperslab of every kmalloc-N from slabinfo. */
static void read_layouts(void)
{
	static char buf[16384];
	struct seq_buf s;
	const char *line;

	seq_buf_init(&s, buf, sizeof(buf));
	slabinfo_show(&s);
	for (line = buf; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		unsigned long class;
		const char *p = line;

		if (strncmp(line, "kmalloc-", 8))
			continue;
		p += 8;
		class = simple_strtoul(p, (char **)&p, 10);
		if (*p == 'k') {
			class *= 1024;
			p++;
		}
		field(&p);			/* active_objs */
		field(&p);			/* num_objs */
		ours[class / 8].slot = field(&p);
		ours[class / 8].objects = field(&p);
		ours[class / 8].frames = field(&p);
	}
}

/* Linux SLUB's calculate_order() for one CPU: min_objects = 4 * (fls(1) + 1). */
static struct layout linux_layout(unsigned int size)
{
	unsigned int min_objects = 8, max_order = 3, fraction, order;
	struct layout l = { .slot = size };

	if ((PAGE_SIZE << max_order) / size < min_objects)
		min_objects = (PAGE_SIZE << max_order) / size;
	for (fraction = 16; fraction > 1; fraction /= 2) {
		for (order = get_order((unsigned long)min_objects * size);
		     order <= max_order; order++) {
			unsigned long bytes = PAGE_SIZE << order;

			if (bytes % size <= bytes / fraction)
				goto found;
		}
	}
	order = get_order(size);
found:
	l.frames = 1U << order;
	l.objects = (PAGE_SIZE << order) / size;
	return l;
}

static unsigned int pow2_class(unsigned int size)
{
	unsigned int c = 8;

	while (c < size)
		c *= 2;
	return c;
}

struct tally {
	unsigned long asked, slot;
	unsigned long tail_mb, pages_mb;	/* thousandths of a byte */
};

static void add(struct tally *t, unsigned int asked, const struct layout *l,
		unsigned int page_struct)
{
	t->asked += asked;
	t->slot += l->slot;
	t->tail_mb += (unsigned long)l->frames * PAGE_SIZE * 1000 / l->objects -
		      (unsigned long)l->slot * 1000;
	t->pages_mb += (unsigned long)l->frames * page_struct * 1000 / l->objects;
}

/* "12.3" from a ratio in thousandths. */
static void print_row(const char *name, const struct tally *t)
{
	unsigned long used_mb = t->slot * 1000 + t->tail_mb + t->pages_mb;
	unsigned long waste_pm = (used_mb - t->asked * 1000) * 1000 / used_mb;
	unsigned long ratio = used_mb / t->asked;	/* used per asked, x1000 */

	host_print("%-34s %8lu %8lu %8lu %8lu %9lu %4lu.%03lu %5lu.%lu%%\n", name,
		   t->asked, t->slot, t->tail_mb / 1000, t->pages_mb / 1000,
		   used_mb / 1000, ratio / 1000, ratio % 1000, waste_pm / 10,
		   waste_pm % 10);
}

int main(void)
{
	static unsigned short sizes[KMALLOC_MIX_LEN];
	struct tally t_ours = { 0 }, t_linux = { 0 }, t_pow2 = { 0 };
	struct tally r_ours[2] = { { 0 } }, r_pow2[2] = { { 0 } };
	unsigned int i;

	host_test_init();
	fake_boot(&fake_map_pc);
	kmem_cache_init();
	read_layouts();
	kmalloc_mix_fill(sizes);

	for (i = 0; i < KMALLOC_MIX_LEN; i++) {
		unsigned int r = sizes[i], band;
		void *p = kmalloc(r, GFP_KERNEL);
		unsigned int class = ksize(p);
		struct layout lin = linux_layout(class);

		kfree(p);
		if (!ours[class / 8].objects) {
			host_print("slab_frag: no layout for kmalloc-%u\n", class);
			return 1;
		}
		add(&t_ours, r, &ours[class / 8], sizeof(struct page));
		add(&t_linux, r, &lin, LINUX_PAGE_STRUCT);
		add(&t_pow2, r, &ours[pow2_class(r) / 8], sizeof(struct page));
		band = r > 64 && r <= 96 ? 0 : r > 128 && r <= 192 ? 1 : 2;
		if (band < 2) {
			add(&r_ours[band], r, &ours[class / 8], sizeof(struct page));
			add(&r_pow2[band], r, &ours[pow2_class(r) / 8], sizeof(struct page));
		}
	}

	host_print("kmalloc memory efficiency: the %u requests of <kernel/kmalloc_mix.h>, bytes\n",
		   KMALLOC_MIX_LEN);
	host_print("%-34s %8s %8s %8s %8s %9s %8s %7s\n", "class set", "asked",
		   "slots", "tails", "pages", "used", "used/ask", "waste");
	print_row("this kernel (8..8k, 96, 192)", &t_ours);
	print_row("Linux SLUB (same classes)", &t_linux);
	print_row("powers of two only (no 96, 192)", &t_pow2);
	print_row("  65..96 bytes, this kernel", &r_ours[0]);
	print_row("  65..96 bytes, powers of two", &r_pow2[0]);
	print_row("  129..192 bytes, this kernel", &r_ours[1]);
	print_row("  129..192 bytes, powers of two", &r_pow2[1]);
	host_print("(waste = (used - asked) / used; slots: class sizes; tails: unused slab ends;\n"
		   " pages: struct page, %zu bytes here, %u in Linux)\n",
		   sizeof(struct page), LINUX_PAGE_STRUCT);
	return 0;
}
