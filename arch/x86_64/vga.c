// SPDX-License-Identifier: GPL-2.0
/*
 * The VGA text screen as a console: 80x25 cells at physical 0xb8000, each
 * a character byte and a colour byte.  Text scrolls up when it reaches the
 * bottom line; the hardware cursor follows the text.
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
#define VGA_CURSOR_HI	0x0e
#define VGA_CURSOR_LO	0x0f

static u16 *vga_mem;
static unsigned int vga_row, vga_col;

static void vga_set_cursor(void)
{
	unsigned int pos = vga_row * VGA_COLS + vga_col;

	outb(VGA_CURSOR_HI, VGA_CRTC_INDEX);
	outb(pos >> 8, VGA_CRTC_DATA);
	outb(VGA_CURSOR_LO, VGA_CRTC_INDEX);
	outb(pos & 0xff, VGA_CRTC_DATA);
}

static void vga_newline(void)
{
	unsigned int i;

	vga_col = 0;
	if (++vga_row < VGA_ROWS)
		return;
	memmove(vga_mem, vga_mem + VGA_COLS,
		(VGA_ROWS - 1) * VGA_COLS * sizeof(*vga_mem));
	for (i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = (VGA_ATTR << 8) | ' ';
	vga_row = VGA_ROWS - 1;
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
			vga_mem[vga_row * VGA_COLS + vga_col] =
				(VGA_ATTR << 8) | (u8)c;
			if (++vga_col == VGA_COLS)
				vga_newline();
		}
	}
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
	unsigned int i;

	vga_mem = (u16 *)(__START_KERNEL_map + VGA_PHYS);
	for (i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_mem[i] = (VGA_ATTR << 8) | ' ';
	vga_row = vga_col = 0;
	vga_set_cursor();
	register_console(&vga_console);
}
