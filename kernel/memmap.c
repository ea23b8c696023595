// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/memmap.c - the shell's picture of physical memory.
 *
 * Every frame is classified from its struct page, walking mem_map in
 * order: a free block (PG_buddy on its head, its order in private) or a
 * frame on a per-CPU list is free; PG_slab, PG_vmalloc and PG_pgtable
 * say who owns it; PG_reserved is the kernel image, firmware, mem_map
 * itself, or a hole in the memory map; an allocated head (refcount >= 1)
 * owns 2^order frames.  The screen is then cut into cells of equal
 * numbers of frames, each drawn in the colour of what most of its frames
 * are: run "pages 10" a few times and watch the free colour give way.
 *
 * On the VGA screen the map is drawn in colour with a legend; on the
 * serial console the same map is printed with one letter per cell.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/setup.h>
#include <kernel/shell.h>

enum frame_kind { FK_HOLE, FK_FREE, FK_KERNEL, FK_RESERVED, FK_PGTABLE,
		  FK_SLAB, FK_VMALLOC, FK_ALLOCATED, NR_FRAME_KINDS };

static const struct {
	const char *name;
	char letter;		/* on serial */
	u8 attr;		/* on VGA: background << 4 | foreground */
} kinds[NR_FRAME_KINDS] = {
	[FK_HOLE] = { "hole", ' ', 0x00 },
	[FK_FREE] = { "free", '.', 0x22 },
	[FK_KERNEL] = { "kernel", 'K', 0x44 },
	[FK_RESERVED] = { "reserved", 'R', 0x77 },
	[FK_PGTABLE] = { "page tables", 'P', 0x66 },
	[FK_SLAB] = { "slab", 'S', 0x33 },
	[FK_VMALLOC] = { "vmalloc", 'V', 0x55 },
	[FK_ALLOCATED] = { "other allocated", 'A', 0x11 },
};

#define MAP_ROWS	20		/* screen rows for the map */
#define MAP_CELLS	(MAP_ROWS * VGA_SCREEN_COLS)
#define SERIAL_COLS	64

static u8 cell_kind[MAP_CELLS];
static unsigned long kind_frames[NR_FRAME_KINDS];

static enum frame_kind frame_flags_kind(unsigned long pfn, const struct page *p)
{
	if (PageReserved(p)) {
		if (!memblock_is_memory(PFN_PHYS(pfn)))
			return FK_HOLE;
		if (pfn >= PFN_DOWN(__pa_symbol(_text)) && pfn < PFN_UP(__pa_symbol(_end)))
			return FK_KERNEL;
		return FK_RESERVED;
	}
	if (PageSlab(p))
		return FK_SLAB;
	if (PageVmalloc(p))
		return FK_VMALLOC;
	if (PagePgtable(p))
		return FK_PGTABLE;
	return FK_ALLOCATED;
}

/* Fill cell_kind[] for @cells cells covering all frames. */
static void classify(unsigned int cells)
{
	unsigned long per_cell = DIV_ROUND_UP(max_pfn, cells), pfn = 0;
	unsigned long counts[NR_FRAME_KINDS];
	unsigned int cell = 0, k;

	memset(counts, 0, sizeof(counts));
	memset(kind_frames, 0, sizeof(kind_frames));
	while (pfn < max_pfn) {
		const struct page *p = pfn_to_page(pfn);
		unsigned long run = 1;
		enum frame_kind kind;

		if (PageBuddy(p)) {
			kind = FK_FREE;
			run = 1UL << p->private;
		} else if (PagePcp(p)) {
			kind = FK_FREE;
		} else if (!PageReserved(p) && !PageSlab(p) && page_ref_count(p) > 0) {
			kind = frame_flags_kind(pfn, p);
			run = 1UL << min(p->private, (unsigned int)MAX_PAGE_ORDER);
		} else {
			kind = frame_flags_kind(pfn, p);
		}
		/* count the run frame by frame into its cells */
		while (run-- && pfn < max_pfn) {
			counts[kind]++;
			kind_frames[kind]++;
			if (++pfn % per_cell == 0 || pfn == max_pfn) {
				unsigned int best = 0;

				for (k = 1; k < NR_FRAME_KINDS; k++)
					if (counts[k] > counts[best])
						best = k;
				if (cell < cells)
					cell_kind[cell++] = best;
				memset(counts, 0, sizeof(counts));
			}
		}
	}
	while (cell < cells)
		cell_kind[cell++] = FK_HOLE;
}

static void draw_vga(void)
{
	unsigned int i, col = 0;
	char title[VGA_SCREEN_COLS + 1];
	int n;

	vga_clear_screen();
	n = snprintf(title, sizeof(title),
		     "Physical memory: %lu frames, %lu per cell", max_pfn,
		     DIV_ROUND_UP(max_pfn, MAP_CELLS));
	for (i = 0; i < (unsigned int)n; i++)
		vga_draw_cell(0, i, title[i], 0x0f);
	for (i = 0; i < MAP_CELLS; i++)
		vga_draw_cell(1 + i / VGA_SCREEN_COLS, i % VGA_SCREEN_COLS, '\xdb',
			      kinds[cell_kind[i]].attr);
	for (i = 0; i < NR_FRAME_KINDS; i++) {
		const char *s = kinds[i].name;
		unsigned int row = 1 + MAP_ROWS + i / 4;

		if (i % 4 == 0)
			col = 0;
		vga_draw_cell(row, col, '\xdb', kinds[i].attr ? kinds[i].attr : 0x08);
		col += 2;
		while (*s)
			vga_draw_cell(row, col++, *s++, 0x07);
		col = (i % 4 + 1) * 20;
	}
}

static void print_serial(void)
{
	char line[SERIAL_COLS + 2];
	unsigned int i, j;

	for (i = 0; i < MAP_CELLS; i += SERIAL_COLS * 2) {
		for (j = 0; j < SERIAL_COLS; j++)
			line[j] = kinds[cell_kind[min(i + j * 2, (unsigned int)MAP_CELLS - 1)]].letter;
		line[SERIAL_COLS] = '\n';
		line[SERIAL_COLS + 1] = '\0';
		console_write(line, SERIAL_COLS + 1);
	}
}

/**
 * cmd_memmap - the shell's memmap command
 * @argc: unused
 * @argv: unused
 *
 * Context: Process context.
 */
void cmd_memmap(int argc, char **argv)
{
	char buf[128];
	unsigned int i;
	int n;

	classify(MAP_CELLS);
	for (i = 0; i < NR_FRAME_KINDS; i++) {
		n = snprintf(buf, sizeof(buf), "%c %-16s %8lu frames\n",
			     kinds[i].letter == ' ' ? '_' : kinds[i].letter,
			     kinds[i].name, kind_frames[i]);
		console_write(buf, n);
	}
	print_serial();
	draw_vga();	/* last, so that the text above does not scroll it away */
}
