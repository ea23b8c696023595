// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/tty.c - the console's input queue.
 *
 * The keyboard and serial interrupt handlers put characters into a ring
 * buffer and wake the reader; the reader (the shell) sleeps on a wait
 * queue until there is something to read.  This is the classic split of
 * a driver: the interrupt handler does the least it can (no sleeping, no
 * allocation), a task does the rest.
 *
 * No character is dropped in silence.  The ring holds TTY_BUF_SIZE
 * characters, enough for a pasted screenful typed ahead while the shell
 * runs a long command.  When it is full, tty_receive_char() refuses the
 * character and the driver keeps it: the serial driver stops taking bytes
 * from the UART (it "throttles", as Linux's tty layer asks a driver to
 * when its buffer fills) and registers a callback; the reader calls it
 * once it has emptied half of the ring, and the driver takes the waiting
 * bytes again.  Meanwhile the UART's FIFO fills and the sender waits
 * (QEMU stops reading its input; a real line would use RTS flow
 * control).  A driver that cannot hold a character back (the keyboard)
 * counts it with tty_lost_chars(), and a lost byte the hardware reports
 * (a UART overrun) with tty_overruns(); the reader prints both counts,
 * in process context, the way Linux's "input overrun(s)" message does.
 *
 * Locking: tty_lock (taken with interrupts off: the handlers take it
 * too) protects the ring indices, the throttle callback and the loss
 * counters.  The callback is called after the lock is dropped.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <kernel/tty.h>

static char tty_buf[TTY_BUF_SIZE];
static unsigned int tty_head, tty_tail;	/* write at head, read at tail */
static DEFINE_SPINLOCK(tty_lock);
static DECLARE_WAIT_QUEUE_HEAD(tty_wait);
static void (*tty_unthrottle_fn)(void);
static unsigned long tty_lost, tty_lost_reported;
static unsigned long tty_overrun, tty_overrun_reported;
unsigned long tty_rx_count;

/**
 * tty_room - how many more characters the ring takes now
 *
 * Return: free places in the ring (only a hint without tty_lock: the
 * reader may make more room at any time).
 * Context: Any context.
 */
unsigned int tty_room(void)
{
	return TTY_BUF_SIZE - (tty_head - tty_tail);
}

/**
 * tty_receive_char - queue a received character for the reader
 * @c: the character
 *
 * Return: true if queued; false if the ring is full, and then the caller
 * keeps @c (see tty_throttle()) or counts it lost (tty_lost_chars()).
 * Context: Hard interrupt (or any).
 */
bool tty_receive_char(char c)
{
	unsigned long flags;
	bool queued = false;

	spin_lock_irqsave(&tty_lock, flags);
	if (tty_room()) {
		tty_buf[tty_head++ % TTY_BUF_SIZE] = c;
		tty_rx_count++;
		queued = true;
	}
	spin_unlock_irqrestore(&tty_lock, flags);
	if (queued)
		wake_up(&tty_wait);
	return queued;
}

/**
 * tty_throttle - a driver stops delivering while the ring is full
 * @unthrottle: called once, when the reader has emptied half of the
 *	ring, so that the driver delivers again; it must not sleep
 *
 * The driver stops first (masks its receive interrupt), then calls this:
 * if the ring has room by then (the reader ran meanwhile on another
 * CPU), nothing is registered and the driver goes on delivering.
 *
 * Return: true if throttled (@unthrottle will be called), false if the
 * ring has room.
 * Context: Any context.
 */
bool tty_throttle(void (*unthrottle)(void))
{
	unsigned long flags;
	bool throttled = false;

	spin_lock_irqsave(&tty_lock, flags);
	if (!tty_room()) {
		tty_unthrottle_fn = unthrottle;
		throttled = true;
	}
	spin_unlock_irqrestore(&tty_lock, flags);
	return throttled;
}

/**
 * tty_lost_chars - count characters a driver had to drop
 * @n: how many
 *
 * Context: Any context.
 */
void tty_lost_chars(unsigned int n)
{
	unsigned long flags;

	spin_lock_irqsave(&tty_lock, flags);
	tty_lost += n;
	spin_unlock_irqrestore(&tty_lock, flags);
}

/**
 * tty_overruns - count bytes the hardware lost (UART overrun errors)
 * @n: how many
 *
 * Context: Any context.
 */
void tty_overruns(unsigned int n)
{
	unsigned long flags;

	spin_lock_irqsave(&tty_lock, flags);
	tty_overrun += n;
	spin_unlock_irqrestore(&tty_lock, flags);
}

/* Say, once per occurrence, that input was lost (process context). */
static void tty_report_losses(void)
{
	unsigned long lost = READ_ONCE(tty_lost);
	unsigned long overrun = READ_ONCE(tty_overrun);

	if (lost != tty_lost_reported) {
		pr_warn("tty: input buffer full, %lu character(s) lost\n",
			lost - tty_lost_reported);
		tty_lost_reported = lost;
	}
	if (overrun != tty_overrun_reported) {
		pr_warn("ttyS0: %lu input overrun(s)\n",
			overrun - tty_overrun_reported);
		tty_overrun_reported = overrun;
	}
}

int tty_getc_nowait(void)
{
	void (*unthrottle)(void) = NULL;
	unsigned long flags;
	int c = -1;

	spin_lock_irqsave(&tty_lock, flags);
	if (tty_tail != tty_head)
		c = (unsigned char)tty_buf[tty_tail++ % TTY_BUF_SIZE];
	if (tty_unthrottle_fn && tty_room() >= TTY_BUF_SIZE / 2) {
		unthrottle = tty_unthrottle_fn;
		tty_unthrottle_fn = NULL;
	}
	spin_unlock_irqrestore(&tty_lock, flags);
	if (unthrottle)
		unthrottle();
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

	tty_report_losses();
	wait_event_interruptible(tty_wait, (c = tty_getc_nowait()) >= 0);
	return c;
}
