/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel log ring, as kernel code reads it back (dmesg, tests that
 * check a report's text).
 *
 * The ring is one byte array, log_buf, holding the console text of every
 * message: each message starts with KERN_SOH and its level digit, then
 * the "[    0.001234] " timestamp, then the text.  A position in the log
 * is a sequence number: the count of bytes ever written, so a position
 * taken before an action and one taken after bound exactly the text that
 * action printed.  Old text is overwritten when the ring wraps.
 */
#ifndef _KERNEL_LOG_H
#define _KERNEL_LOG_H

#include <linux/types.h>

#define LOG_BUF_LEN	(1U << 17)

/* The next byte's sequence number: where text printed from now on starts. */
u64 log_seq(void);

/*
 * log_search - does the text printed since @from contain @needle?
 * Level markers are skipped, so @needle is matched against what the
 * console showed.  Return: the sequence number just past the first match,
 * or 0 when there is none.
 */
u64 log_search(u64 from, const char *needle);

/*
 * log_read - copy console text from *@seq on into @buf (NUL-terminated),
 * without level markers; advances *@seq.  Return: bytes copied.
 */
size_t log_read(u64 *seq, char *buf, size_t size);

/* Oldest sequence number still in the ring. */
u64 log_first_seq(void);

#endif /* _KERNEL_LOG_H */
