/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Text to integer conversion (implemented in lib/kstrtox.c).
 *
 * Two families, as in Linux:
 *
 *  - kstrto*(): strict.  The whole string must be one number, optionally
 *    followed by a single '\n' (so a value read from a line of input
 *    works).  They return 0 and store the value, or -EINVAL for anything
 *    that is not a number and -ERANGE for a number that does not fit;
 *    on error *res is left untouched.
 *  - simple_strto*(): lenient.  They convert the longest valid prefix,
 *    report where they stopped through @endp and never fail; overflow
 *    is not detected.  The command-line parser uses them to read
 *    "64M" or "1,2,3".
 *
 * @base is 2..16, or 0 to auto-detect: "0x"/"0X" means hexadecimal, a
 * leading "0" octal, anything else decimal.  With base 16 an optional
 * "0x" prefix is accepted.
 */
#ifndef _LINUX_KSTRTOX_H
#define _LINUX_KSTRTOX_H

#include <linux/types.h>
#include <linux/compiler.h>

int __must_check kstrtoull(const char *s, unsigned int base, unsigned long long *res);
int __must_check kstrtoll(const char *s, unsigned int base, long long *res);
int __must_check kstrtoul(const char *s, unsigned int base, unsigned long *res);
int __must_check kstrtol(const char *s, unsigned int base, long *res);
int __must_check kstrtouint(const char *s, unsigned int base, unsigned int *res);
int __must_check kstrtoint(const char *s, unsigned int base, int *res);
int __must_check kstrtou16(const char *s, unsigned int base, u16 *res);
int __must_check kstrtos16(const char *s, unsigned int base, s16 *res);
int __must_check kstrtou8(const char *s, unsigned int base, u8 *res);
int __must_check kstrtos8(const char *s, unsigned int base, s8 *res);
int __must_check kstrtobool(const char *s, bool *res);

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);
long long simple_strtoll(const char *cp, char **endp, unsigned int base);
long simple_strtol(const char *cp, char **endp, unsigned int base);

#endif /* _LINUX_KSTRTOX_H */
