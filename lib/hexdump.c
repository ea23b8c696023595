// SPDX-License-Identifier: GPL-2.0
/*
 * lib/hexdump.c - memory as hex, in Linux's format.
 *
 * One line of a dump shows up to @rowsize bytes (16 or 32), in groups of
 * @groupsize bytes (1, 2, 4 or 8).  A group of more than one byte is
 * printed as one little-endian number, as the CPU reads it, so the bytes
 * 01 02 03 04 in groups of 4 read "04030201".  With @ascii the bytes
 * follow again as characters ('.' for what is not printable ASCII), in a
 * column that starts at the same place on every line whatever the line's
 * length:
 *
 *	rowsize 16, groupsize 1:
 *	00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f  ................
 *	rowsize 16, groupsize 4:
 *	03020100 07060504 0b0a0908 0f0e0d0c  ................
 *
 * The ASCII column starts at rowsize * 2 + rowsize / groupsize + 1: the
 * hex digits of a full row, a space per group, and one more.  A bad
 * rowsize becomes 16; a bad groupsize, or one that does not divide the
 * line's length, becomes 1 (these fallbacks are Linux's).
 */
#include <linux/kernel.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/printk.h>
#include <linux/string.h>

const char hex_asc[] = "0123456789abcdef";
EXPORT_SYMBOL(hex_asc);
const char hex_asc_upper[] = "0123456789ABCDEF";
EXPORT_SYMBOL(hex_asc_upper);

/**
 * hex_to_bin - the value of one hex digit
 * @ch: '0'-'9', 'a'-'f' or 'A'-'F'
 *
 * Context: Any context.
 * Return: 0..15, or -1 if @ch is not a hex digit.
 */
int hex_to_bin(unsigned char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = tolower(ch);
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}
EXPORT_SYMBOL(hex_to_bin);

/**
 * hex2bin - turn 2 * @count hex digits into @count bytes
 * @dst: where the bytes go
 * @src: the digits, two per byte, high digit first
 * @count: bytes to make
 *
 * Context: Any context.
 * Return: 0, or -EINVAL at the first character that is not a hex digit.
 */
int hex2bin(u8 *dst, const char *src, size_t count)
{
	while (count--) {
		int hi = hex_to_bin(*src++), lo;

		if (hi < 0)
			return -EINVAL;
		lo = hex_to_bin(*src++);
		if (lo < 0)
			return -EINVAL;
		*dst++ = (u8)(hi << 4 | lo);
	}
	return 0;
}
EXPORT_SYMBOL(hex2bin);

/**
 * bin2hex - write @count bytes as lowercase hex digits
 * @dst: room for 2 * @count characters (no terminating NUL is written)
 * @src: the bytes
 * @count: how many
 *
 * Context: Any context.
 * Return: a pointer just past the last digit written.
 */
char *bin2hex(char *dst, const void *src, size_t count)
{
	const unsigned char *p = src;

	while (count--) {
		*dst++ = hex_asc_hi(*p);
		*dst++ = hex_asc_lo(*p++);
	}
	return dst;
}
EXPORT_SYMBOL(bin2hex);

/* The little-endian value of the @size bytes at @p (no alignment needed). */
static unsigned long long read_group(const u8 *p, int size)
{
	unsigned long long v = 0;

	while (size--)
		v = v << 8 | p[size];
	return v;
}

/**
 * hex_dump_to_buffer - one line of a hex dump, as text
 * @buf: the bytes
 * @len: how many (at most @rowsize are shown)
 * @rowsize: bytes a full line holds: 16 or 32 (anything else means 16)
 * @groupsize: bytes per group: 1, 2, 4 or 8 (anything else means 1)
 * @linebuf: where the text goes, always NUL-terminated when not empty
 * @linebuflen: its size
 * @ascii: add the ASCII column
 *
 * Context: Any context.
 * Return: the length of the line, not counting the NUL.  When @linebuf
 * is too small, the text is cut and the length the whole line would have
 * had is returned, so the caller can tell (as snprintf does).
 */
int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize,
		       char *linebuf, size_t linebuflen, bool ascii)
{
	const u8 *ptr = buf;
	int ngroups, ascii_column, j, digits;
	size_t lx = 0;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	if (len > (size_t)rowsize)
		len = rowsize;
	if (groupsize != 1 && groupsize != 2 && groupsize != 4 && groupsize != 8)
		groupsize = 1;
	if (len % groupsize)
		groupsize = 1;
	ngroups = len / groupsize;
	ascii_column = rowsize * 2 + rowsize / groupsize + 1;
	digits = groupsize * 2;

	if (!linebuflen)
		goto too_small;
	/* Each character needs room for itself and the final NUL. */
	for (j = 0; j < ngroups; j++) {
		unsigned long long v = read_group(ptr + j * groupsize, groupsize);
		int d;

		if (j) {
			if (lx + 1 >= linebuflen)
				goto too_small;
			linebuf[lx++] = ' ';
		}
		for (d = digits - 1; d >= 0; d--) {
			if (lx + 1 >= linebuflen)
				goto too_small;
			linebuf[lx++] = hex_asc[(v >> (4 * d)) & 0xf];
		}
	}
	if (ascii && len) {
		while (lx < (size_t)ascii_column) {
			if (lx + 1 >= linebuflen)
				goto too_small;
			linebuf[lx++] = ' ';
		}
		for (j = 0; j < (int)len; j++) {
			u8 ch = ptr[j];

			if (lx + 1 >= linebuflen)
				goto too_small;
			linebuf[lx++] = (ch < 0x80 && isprint(ch)) ? ch : '.';
		}
	}
	linebuf[lx] = '\0';
	return lx;

too_small:
	if (linebuflen)
		linebuf[lx] = '\0';
	if (ascii)
		return ascii_column + len;
	return (digits + 1) * ngroups - 1;
}
EXPORT_SYMBOL(hex_dump_to_buffer);

/* The longest line: 32 bytes as "xx " each, two spaces, 32 characters. */
#define HEX_DUMP_LINE_MAX	(32 * 3 + 2 + 32 + 1)

/**
 * print_hex_dump - print a memory area as a hex dump, one printk a line
 * @level: KERN_DEBUG, KERN_INFO ...
 * @prefix_str: text at the start of each line (such as "buf: ")
 * @prefix_type: DUMP_PREFIX_NONE, DUMP_PREFIX_ADDRESS (each line's
 *	address, printed with %p, so hashed unless no_hash_pointers) or
 *	DUMP_PREFIX_OFFSET (its offset from @buf, 8 hex digits)
 * @rowsize: 16 or 32 bytes a line
 * @groupsize: 1, 2, 4 or 8 bytes a group
 * @buf: the memory
 * @len: its length in bytes
 * @ascii: add the ASCII column
 *
 * Context: Any context (printk).
 */
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len,
		    bool ascii)
{
	const u8 *ptr = buf;
	char linebuf[HEX_DUMP_LINE_MAX];
	size_t i;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	for (i = 0; i < len; i += rowsize) {
		size_t linelen = min(len - i, (size_t)rowsize);

		hex_dump_to_buffer(ptr + i, linelen, rowsize, groupsize,
				   linebuf, sizeof(linebuf), ascii);
		switch (prefix_type) {
		case DUMP_PREFIX_ADDRESS:
			printk("%s%s%p: %s\n", level, prefix_str, ptr + i, linebuf);
			break;
		case DUMP_PREFIX_OFFSET:
			printk("%s%s%.8zx: %s\n", level, prefix_str, i, linebuf);
			break;
		default:
			printk("%s%s%s\n", level, prefix_str, linebuf);
			break;
		}
	}
}
EXPORT_SYMBOL(print_hex_dump);
