/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Character classes for the C locale ("ASCII only"), with the Linux names.
 *
 * Written as plain comparisons instead of a 256-entry table: the kernel
 * only ever asks about ASCII, and a comparison is easy to read in a
 * debugger.  Every function takes the character as an int but looks only
 * at its low byte interpreted as unsigned, so a plain (signed) char holding
 * a byte >= 0x80 is simply "not in the class" and can never index out of
 * bounds.
 */
#ifndef _LINUX_CTYPE_H
#define _LINUX_CTYPE_H

#include <linux/types.h>

static inline int __ctype_byte(int c)
{
	return (unsigned char)c;
}

static inline int isdigit(int c)
{
	c = __ctype_byte(c);
	return c >= '0' && c <= '9';
}

static inline int islower(int c)
{
	c = __ctype_byte(c);
	return c >= 'a' && c <= 'z';
}

static inline int isupper(int c)
{
	c = __ctype_byte(c);
	return c >= 'A' && c <= 'Z';
}

static inline int isalpha(int c)
{
	return islower(c) || isupper(c);
}

static inline int isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

static inline int isxdigit(int c)
{
	c = __ctype_byte(c);
	return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Space, tab, newline, vertical tab, form feed, carriage return. */
static inline int isspace(int c)
{
	c = __ctype_byte(c);
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int isprint(int c)
{
	c = __ctype_byte(c);
	return c >= 0x20 && c < 0x7f;
}

static inline int tolower(int c)
{
	return isupper(c) ? __ctype_byte(c) - 'A' + 'a' : c;
}

static inline int toupper(int c)
{
	return islower(c) ? __ctype_byte(c) - 'a' + 'A' : c;
}

/* Linux's fast lower-casing for letters and digits (sets bit 0x20). */
static inline char _tolower(const char c)
{
	return c | 0x20;
}

#endif /* _LINUX_CTYPE_H */
