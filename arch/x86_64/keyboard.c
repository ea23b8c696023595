// SPDX-License-Identifier: GPL-2.0
/*
 * The PS/2 keyboard (i8042 controller, IRQ 1).
 *
 * Each interrupt brings one byte of "scan code set 1" at port 0x60: the
 * key's number when pressed, the same with bit 7 set when released.  We
 * translate presses through a US layout table, track Shift and Ctrl, and
 * queue the characters for the console (kernel/tty.c).  A key pressed
 * while the tty's ring is full is lost, and counted so the tty says so.
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <asm/io.h>
#include <kernel/tty.h>

#define KBD_DATA		0x60
#define KBD_STATUS		0x64
#define KBD_STATUS_OUTPUT	0x01	/* a byte is waiting */
#define KBD_IRQ			1
#define SC_RELEASE		0x80
#define SC_LSHIFT		0x2a
#define SC_RSHIFT		0x36
#define SC_CTRL			0x1d

static const char keymap[128] = {
	0, 27, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', '\b',
	'\t', 'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\n',
	0, 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
	0, '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/', 0,
	'*', 0, ' ',
};

static const char keymap_shift[128] = {
	0, 27, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '\b',
	'\t', 'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\n',
	0, 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
	0, '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?', 0,
	'*', 0, ' ',
};

static bool shift, ctrl;

static irqreturn_t keyboard_interrupt(int irq, void *dev_id)
{
	u8 sc;
	char c;

	if (!(inb(KBD_STATUS) & KBD_STATUS_OUTPUT))
		return IRQ_NONE;
	sc = inb(KBD_DATA);
	switch (sc & ~SC_RELEASE) {
	case SC_LSHIFT:
	case SC_RSHIFT:
		shift = !(sc & SC_RELEASE);
		return IRQ_HANDLED;
	case SC_CTRL:
		ctrl = !(sc & SC_RELEASE);
		return IRQ_HANDLED;
	}
	if (sc & SC_RELEASE)
		return IRQ_HANDLED;
	c = (shift ? keymap_shift : keymap)[sc & 0x7f];
	if (c && ctrl && c >= 'a' && c <= 'z')
		c -= 'a' - 1;		/* Ctrl-A .. Ctrl-Z */
	if (c && !tty_receive_char(c))
		tty_lost_chars(1);	/* the tty's ring is full: reported */
	return IRQ_HANDLED;
}

/**
 * keyboard_init - take the keyboard interrupt
 *
 * Context: Process context (boot thread, interrupts on).
 */
void keyboard_init(void)
{
	while (inb(KBD_STATUS) & KBD_STATUS_OUTPUT)
		inb(KBD_DATA);		/* drop what the firmware left */
	if (request_irq(KBD_IRQ, keyboard_interrupt, 0, "i8042", NULL))
		pr_warn("keyboard: IRQ %d is busy\n", KBD_IRQ);
}
