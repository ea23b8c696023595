// SPDX-License-Identifier: GPL-2.0
/*
 * The 16550 UART on COM1 as a console.
 *
 * Polled output: each byte waits until the transmit holding register is
 * empty.  That is slow (QEMU makes it fast) but it works in any context,
 * with interrupts off, in an oops and in panic, which is what a kernel
 * console must do.  Newlines become CR LF for terminals.
 *
 * Input comes by interrupt: each one moves every byte waiting in the
 * receive FIFO into the tty's ring (kernel/tty.c).  When the ring is
 * full the driver throttles: it masks the receive interrupt and leaves
 * the bytes in the UART, whose FIFO then fills and holds the sender back
 * (QEMU stops reading its input), until the tty calls serial_unthrottle().
 * Bytes the UART itself lost (an overrun: the FIFO was full when one
 * more came) are counted and reported by the tty, not dropped in silence.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <asm/io.h>
#include <asm/setup.h>
#include <kernel/tty.h>

#define COM1		0x3f8
#define UART_RX		0	/* receive buffer (read) */
#define UART_TX		0	/* transmit holding (write) */
#define UART_IER	1	/* interrupt enable */
#define UART_DLL	0	/* divisor latch, low (DLAB=1) */
#define UART_DLM	1	/* divisor latch, high (DLAB=1) */
#define UART_IIR	2	/* interrupt identification (read) */
#define UART_FCR	2	/* FIFO control (write) */
#define UART_LCR	3	/* line control */
#define UART_MCR	4	/* modem control */
#define UART_LSR	5	/* line status */

#define UART_LCR_DLAB	0x80
#define UART_LCR_8N1	0x03
#define UART_LSR_DR	0x01	/* a received byte is waiting */
#define UART_LSR_OE	0x02	/* overrun: a received byte was lost */
#define UART_IIR_NO_INT	0x01	/* no interrupt pending */
#define UART_IER_RDI	0x01	/* interrupt when a byte arrives */
#define COM1_IRQ	4
#define UART_LSR_THRE	0x20	/* transmitter ready for a byte */
#define UART_FCR_ENABLE	0xc7	/* enable and clear FIFOs, 14-byte trigger */
#define UART_MCR_DTR_RTS_OUT2 0x0b

#define BAUD_BASE	115200
#define BAUD		115200

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		;
	outb(c, COM1 + UART_TX);
}

static void serial_write(struct console *con, const char *s, unsigned int len)
{
	(void)con;
	while (len--) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s++);
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_write,
};

/**
 * serial_getc_poll - read one received byte, if any
 *
 * Return: the byte, or -1 when nothing has arrived.
 * Context: Any context.
 */
int serial_getc_poll(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RX);
}

/* The tty has room again: take the receive interrupt (and the bytes) back. */
static void serial_unthrottle(void)
{
	outb(UART_IER_RDI, COM1 + UART_IER);
}

/*
 * Move every waiting byte into the tty, as long as it has room; when it
 * has none, throttle, leaving the bytes in the UART.  Return how many
 * bytes were moved.
 */
static unsigned int serial_receive_chars(void)
{
	unsigned int moved = 0, overruns = 0;
	u8 lsr, c;

	for (;;) {
		lsr = inb(COM1 + UART_LSR);	/* reading it clears OE */
		if (lsr & UART_LSR_OE)
			overruns++;
		if (!(lsr & UART_LSR_DR))
			break;
		if (!tty_room()) {
			outb(0, COM1 + UART_IER);
			if (tty_throttle(serial_unthrottle))
				break;
			outb(UART_IER_RDI, COM1 + UART_IER);	/* room again */
			continue;
		}
		c = inb(COM1 + UART_RX);
		if (!tty_receive_char(c == '\r' ? '\n' : c))
			tty_lost_chars(1);	/* filled meanwhile: say so */
		moved++;
	}
	if (overruns)
		tty_overruns(overruns);
	return moved;
}

/*
 * COM1 interrupt.  It is ours if the UART says an interrupt is pending
 * or there were bytes; a stray one (the bytes of a burst were already
 * taken by the previous interrupt's loop, or the line was throttled in
 * between) is IRQ_NONE, as in Linux's 8250 driver, and the IRQ core
 * tolerates a few of those (kernel/irq.c).
 */
static irqreturn_t serial_interrupt(int irq, void *dev_id)
{
	bool pending = !(inb(COM1 + UART_IIR) & UART_IIR_NO_INT);

	if (serial_receive_chars() || pending)
		return IRQ_HANDLED;
	return IRQ_NONE;
}

/**
 * serial_irq_init - take COM1's receive interrupt
 *
 * Context: Process context (interrupts on).
 */
void serial_irq_init(void)
{
	if (request_irq(COM1_IRQ, serial_interrupt, 0, "serial", NULL)) {
		pr_warn("serial: IRQ %d is busy\n", COM1_IRQ);
		return;
	}
	outb(UART_IER_RDI, COM1 + UART_IER);
}

/**
 * serial_init - program COM1 for 115200 8N1 and register it as a console
 *
 * Context: Early boot, before anything is printed.
 */
void serial_init(void)
{
	unsigned int divisor = BAUD_BASE / BAUD;

	outb(0, COM1 + UART_IER);
	outb(UART_LCR_DLAB, COM1 + UART_LCR);
	outb(divisor & 0xff, COM1 + UART_DLL);
	outb(divisor >> 8, COM1 + UART_DLM);
	outb(UART_LCR_8N1, COM1 + UART_LCR);
	outb(UART_FCR_ENABLE, COM1 + UART_FCR);
	outb(UART_MCR_DTR_RTS_OUT2, COM1 + UART_MCR);
	register_console(&serial_console);
}
