/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Consoles: where printk's text goes (the serial port, the VGA screen).
 * A driver fills a struct console and calls register_console(); from then
 * on every line above the console loglevel is written to it.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, unsigned int len);
	struct console *next;
};

void register_console(struct console *con);
void unregister_console(struct console *con);
/* Text straight to the consoles, bypassing the log (the shell). */
void console_write(const char *s, size_t len);

#endif /* _LINUX_CONSOLE_H */
