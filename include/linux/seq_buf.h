/* SPDX-License-Identifier: GPL-2.0 */
/*
 * seq_buf: formatted text into a fixed buffer, never past its end.
 * Reports (buddyinfo, meminfo, slabinfo ...) write into one, so the same
 * text can go to the console, the shell or a test's assertions.
 */
#ifndef _LINUX_SEQ_BUF_H
#define _LINUX_SEQ_BUF_H

#include <linux/types.h>
#include <linux/compiler.h>

struct seq_buf {
	char *buffer;
	size_t size;
	size_t len;		/* bytes used, not counting the NUL */
	bool overflow;		/* something did not fit */
};

static inline void seq_buf_init(struct seq_buf *s, char *buf, size_t size)
{
	s->buffer = buf;
	s->size = size;
	s->len = 0;
	s->overflow = false;
	if (size)
		buf[0] = '\0';
}

static inline const char *seq_buf_str(struct seq_buf *s)
{
	return s->buffer;
}

__printf(2, 3) int seq_buf_printf(struct seq_buf *s, const char *fmt, ...);
int seq_buf_puts(struct seq_buf *s, const char *str);
/* printk every line of @s at KERN_INFO. */
void seq_buf_print_lines(struct seq_buf *s);

#endif /* _LINUX_SEQ_BUF_H */
