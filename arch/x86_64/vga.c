// SPDX-License-Identifier: GPL-2.0
/*
 * The VGA text screen as a console: 80x25 cells of a character byte and a
 * colour byte, in the 32 KiB of text memory at physical 0xb8000.
 *
 * Scrolling by copying the screen up one line costs 4000 bytes of writes
 * to video memory per line, and under QEMU every one of those is an
 * emulated device access: printing became the slowest thing the kernel
 * did.  So we scroll in hardware instead: the 32 KiB hold 204 lines, the
 * CRTC "start address" register says which line is at the top of the
 * screen, and a new line only moves that register.  When the text reaches
 * the end of video memory, the visible screen is copied back to the start
 * once (every ~180 lines).  The hardware cursor follows the text.
 */
#include <linux/console.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/page.h>
#include <asm/setup.h>

#define VGA_PHYS	0xb8000
#define VGA_COLS	80
#define VGA_ROWS	25
#define VGA_ATTR	0x07	/* light grey on black */
#define VGA_CRTC_INDEX	0x3d4
#define VGA_CRTC_DATA	0x3d5
#define VGA_MEM_LINES	(32768 / (VGA_COLS * 2))	/* 204 */
#define VGA_START_HI	0x0c
#define VGA_START_LO	0x0d
#define VGA_CURSOR_HI	0x0e
#define VGA_CURSOR_LO	0x0f

static u16 *vga_mem;
static unsigned int vga_top;		/* video-memory line at screen top */
static unsigned int vga_row, vga_col;	/* cursor, relative to the screen */

static void crtc_write16(u8 reg_hi, u8 reg_lo, unsigned int value)
{
	outb(reg_hi, VGA_CRTC_INDEX);
	outb(value >> 8, VGA_CRTC_DATA);
	outb(reg_lo, VGA_CRTC_INDEX);
	outb(value & 0xff, VGA_CRTC_DATA);
}

static u16 *vga_line(unsigned int row)
{
	return vga_mem + (vga_top + row) * VGA_COLS;
}

static void vga_clear_line(unsigned int row)
{
	u16 *line = vga_line(row);
	unsigned int i;

	for (i = 0; i < VGA_COLS; i++)
		line[i] = (VGA_ATTR << 8) | ' ';
}

static void vga_set_cursor(void)
{
	crtc_write16(VGA_CURSOR_HI, VGA_CURSOR_LO,
		     (vga_top + vga_row) * VGA_COLS + vga_col);
}

static void vga_newline(void)
{
	vga_col = 0;
	if (++vga_row < VGA_ROWS)
		return;
	vga_row = VGA_ROWS - 1;
	if (vga_top + VGA_ROWS == VGA_MEM_LINES) {
		/* out of video memory: move the screen back to the start */
		memmove(vga_mem, vga_line(1),
			(VGA_ROWS - 1) * VGA_COLS * sizeof(*vga_mem));
		vga_top = 0;
	} else {
		vga_top++;
	}
	vga_clear_line(VGA_ROWS - 1);
	crtc_write16(VGA_START_HI, VGA_START_LO, vga_top * VGA_COLS);
}

static void vga_write(struct console *con, const char *s, unsigned int len)
{
	(void)con;
	while (len--) {
		char c = *s++;

		if (c == '\n') {
			vga_newline();
		} else if (c == '\r') {
			vga_col = 0;
		} else if (c == '\b') {
			if (vga_col)
				vga_col--;
		} else {
			vga_line(vga_row)[vga_col] = (VGA_ATTR << 8) | (u8)c;
			if (++vga_col == VGA_COLS)
				vga_newline();
		}
	}
	vga_set_cursor();
}

/**
 * vga_draw_cell - put one coloured character on the visible screen
 * @row: 0..24
 * @col: 0..79
 * @c: the character
 * @attr: colour byte: background << 4 | foreground
 *
 * For pictures (the shell's memmap).  The console's own text continues
 * from the last line.
 *
 * Context: Any context.
 */
void vga_draw_cell(unsigned int row, unsigned int col, char c, u8 attr)
{
	if (!vga_mem || row >= VGA_ROWS || col >= VGA_COLS)
		return;
	vga_line(row)[col] = ((u16)attr << 8) | (u8)c;
}

/* Clear the screen and put the console's cursor on its last line. */
void vga_clear_screen(void)
{
	unsigned int row;

	if (!vga_mem)
		return;
	for (row = 0; row < VGA_ROWS; row++)
		vga_clear_line(row);
	vga_row = VGA_ROWS - 1;
	vga_col = 0;
	vga_set_cursor();
}

static struct console vga_console = {
	.name = "tty0",
	.write = vga_write,
};

/**
 * vga_init - clear the text screen and register it as a console
 *
 * The screen is reached through the kernel-image mapping of low memory,
 * which exists from the first instruction of C code on.
 *
 * Context: Early boot.
 */
void vga_init(void)
{
	unsigned int row;

	vga_mem = (u16 *)(__START_KERNEL_map + VGA_PHYS);
	vga_top = vga_row = vga_col = 0;
	for (row = 0; row < VGA_ROWS; row++)
		vga_clear_line(row);
	crtc_write16(VGA_START_HI, VGA_START_LO, 0);
	vga_set_cursor();
	register_console(&vga_console);
}
