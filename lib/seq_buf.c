// SPDX-License-Identifier: GPL-2.0
/*
 * seq_buf: append formatted text to a bounded buffer.  The buffer always
 * holds a NUL-terminated string; text that does not fit is cut and the
 * overflow flag set, so a report can say it was truncated.
 */
#include <linux/kernel.h>
#include <linux/seq_buf.h>
#include <linux/string.h>

int seq_buf_printf(struct seq_buf *s, const char *fmt, ...)
{
	size_t room = s->size - s->len;
	va_list args;
	int n;

	if (!room)
		return -1;
	va_start(args, fmt);
	n = vsnprintf(s->buffer + s->len, room, fmt, args);
	va_end(args);
	if ((size_t)n >= room) {
		s->len = s->size - 1;
		s->overflow = true;
		return -1;
	}
	s->len += n;
	return 0;
}

int seq_buf_puts(struct seq_buf *s, const char *str)
{
	return seq_buf_printf(s, "%s", str);
}

void seq_buf_print_lines(struct seq_buf *s)
{
	const char *line = s->buffer, *nl;

	while (*line) {
		nl = strchr(line, '\n');
		if (!nl) {
			printk(KERN_INFO "%s\n", line);
			break;
		}
		printk(KERN_INFO "%.*s\n", (int)(nl - line), line);
		line = nl + 1;
	}
	if (s->overflow)
		printk(KERN_INFO "(report truncated)\n");
}
