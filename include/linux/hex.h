/* SPDX-License-Identifier: GPL-2.0 */
/* <linux/hex.h> - hex digits to bytes and back (lib/hexdump.c). */
#ifndef _LINUX_HEX_H
#define _LINUX_HEX_H

#include <linux/types.h>

extern const char hex_asc[];		/* "0123456789abcdef" */
extern const char hex_asc_upper[];	/* "0123456789ABCDEF" */
#define hex_asc_lo(x)	hex_asc[((x) & 0x0f)]
#define hex_asc_hi(x)	hex_asc[((x) & 0xf0) >> 4]
#define hex_asc_upper_lo(x)	hex_asc_upper[((x) & 0x0f)]
#define hex_asc_upper_hi(x)	hex_asc_upper[((x) & 0xf0) >> 4]

int hex_to_bin(unsigned char ch);
int hex2bin(u8 *dst, const char *src, size_t count);
char *bin2hex(char *dst, const void *src, size_t count);

#endif /* _LINUX_HEX_H */
