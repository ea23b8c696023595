// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/tty.c - the console's input queue.
 *
 * The keyboard and serial interrupt handlers put characters into a ring
 * buffer and wake the reader; the reader (the shell) sleeps on a wait
 * queue until there is something to read.  This is the classic split of
 * a driver: the interrupt handler does the least it can (no sleeping, no
 * allocation), a task does the rest.
 */
#include <linux/kernel.h>
#include <linux/irqflags.h>
#include <linux/wait.h>
#include <kernel/tty.h>

#define TTY_BUF_SIZE	256

static char tty_buf[TTY_BUF_SIZE];
static unsigned int tty_head, tty_tail;	/* write at head, read at tail */
static DECLARE_WAIT_QUEUE_HEAD(tty_wait);
unsigned long tty_rx_count;

void tty_receive_char(char c)
{
	unsigned long flags;

	local_irq_save(flags);
	if (tty_head - tty_tail < TTY_BUF_SIZE) {	/* full: drop it */
		tty_buf[tty_head++ % TTY_BUF_SIZE] = c;
		tty_rx_count++;
	}
	local_irq_restore(flags);
	wake_up(&tty_wait);
}

int tty_getc_nowait(void)
{
	unsigned long flags;
	int c = -1;

	local_irq_save(flags);
	if (tty_tail != tty_head)
		c = (unsigned char)tty_buf[tty_tail++ % TTY_BUF_SIZE];
	local_irq_restore(flags);
	return c;
}

/**
 * tty_getc - read one input character, sleeping until there is one
 *
 * Return: the character.
 * Context: Process context (sleeps).
 */
int tty_getc(void)
{
	int c;

	wait_event_interruptible(tty_wait, (c = tty_getc_nowait()) >= 0);
	return c;
}
