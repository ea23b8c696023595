/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console input (kernel/tty.c): characters from the keyboard and the
 * serial port, pushed by their interrupt handlers, read by the shell.
 */
#ifndef _KERNEL_TTY_H
#define _KERNEL_TTY_H

#include <linux/types.h>

/* The input ring's size; a power of two, so the indices wrap freely. */
#define TTY_BUF_SIZE	4096U

/*
 * Queue a received character; false if the ring is full (the driver then
 * throttles, or counts the character lost).  Context: hard interrupt (or any).
 */
bool tty_receive_char(char c);
/* Free places in the ring.  Context: any. */
unsigned int tty_room(void);
/*
 * A driver that has stopped receiving: @unthrottle is called when the ring
 * has room again; false if it has room already.  Context: any.
 */
bool tty_throttle(void (*unthrottle)(void));
/* Characters a driver had to drop; bytes the UART lost.  Context: any. */
void tty_lost_chars(unsigned int n);
void tty_overruns(unsigned int n);
/* The next character, sleeping until one comes.  Context: process. */
int tty_getc(void);
/* The next character if one is queued, else -1.  Context: any. */
int tty_getc_nowait(void);
/* Characters received since boot, per source (tests, ps). */
extern unsigned long tty_rx_count;

void keyboard_init(void);
void serial_irq_init(void);

#endif /* _KERNEL_TTY_H */
