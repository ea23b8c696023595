/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Console input (kernel/tty.c): characters from the keyboard and the
 * serial port, pushed by their interrupt handlers, read by the shell.
 */
#ifndef _KERNEL_TTY_H
#define _KERNEL_TTY_H

#include <linux/types.h>

/* Queue a received character.  Context: hard interrupt (or any). */
void tty_receive_char(char c);
/* The next character, sleeping until one comes.  Context: process. */
int tty_getc(void);
/* The next character if one is queued, else -1.  Context: any. */
int tty_getc_nowait(void);
/* Characters received since boot, per source (tests, ps). */
extern unsigned long tty_rx_count;

void keyboard_init(void);
void serial_irq_init(void);

#endif /* _KERNEL_TTY_H */
