/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Formatted output into a buffer (implemented in lib/vsprintf.c).
 *
 * The conversions are the C ones (%d %i %u %x %X %o %c %s %% with the
 * flags "-0+ #", width, precision, '*', and the length modifiers hh h l
 * ll z t j) plus the kernel's pointer formats:
 *
 *   %p, %pK   a keyed hash of the address, as Linux prints it: 32 bits
 *             zero-padded to 16 hex digits ("00000000a1b2c3d4"), the
 *             same for the same address during one boot; the real
 *             address when booted with no_hash_pointers
 *   %px       the real address as 16 lowercase hex digits
 *             ("ffff888000100000")
 *   %pS, %pB  "symbol+0xoffset/0xsize" through kallsyms
 *   %ps       "symbol" alone
 *
 * As in Linux, all letters and digits right after %p belong to the
 * pointer format, and an extension this file does not know prints as
 * %p does.  %s of NULL prints "(null)"; an obviously bad pointer
 * (below 4096 or an ERR_PTR value) prints "(efault)" instead of faulting.
 * Integers are laid out as Linux does, which differs from C in corners:
 * "%#x" of 0 is "0x0", "%.0d" of 0 is "0", and '0' pads even with a
 * precision (table in lib/vsprintf.c).
 *
 * Return values follow Linux:
 *   vsnprintf/snprintf    the length the full output WOULD have had, so
 *                         "ret >= size" means truncated;
 *   vscnprintf/scnprintf  the number of characters actually stored
 *                         (excluding the NUL), handy for "len +=".
 * The buffer is always NUL-terminated when size > 0.
 */
#ifndef _LINUX_KERNEL_SPRINTF_H_
#define _LINUX_KERNEL_SPRINTF_H_

#include <stdarg.h>
#include <linux/types.h>
#include <linux/compiler.h>

__printf(2, 3) int sprintf(char *buf, const char *fmt, ...);
__printf(2, 0) int vsprintf(char *buf, const char *fmt, va_list args);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);

/* %p's hash (lib/vsprintf.c): the key is chosen once, early in boot. */
extern bool no_hash_pointers;
void hash_pointers_init(u64 seed);
int ptr_to_hashval(const void *ptr, unsigned long *hashval_out);
u64 siphash_1u64(u64 first, const u64 key[2]);

#endif /* _LINUX_KERNEL_SPRINTF_H_ */
