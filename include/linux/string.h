/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory and string primitives with the Linux names and semantics
 * (implemented in lib/string.c).
 *
 * The kernel is built with -fno-builtin, so every call here is a real call
 * to lib/string.c; nothing comes from a C library.  Two functions differ
 * from the C library on purpose, as in Linux:
 *
 *  - strscpy() is the safe way to copy a string into a fixed buffer: it
 *    always NUL-terminates (unless the buffer has size 0) and says
 *    whether it had to truncate, instead of strncpy()'s silent
 *    non-termination.
 *  - strncpy() is kept for code written against it; it zero-fills the
 *    rest of the destination and does NOT terminate a truncated copy.
 */
#ifndef _LINUX_STRING_H
#define _LINUX_STRING_H

#include <linux/types.h>
#include <linux/compiler.h>

void *memcpy(void *dest, const void *src, size_t count);
void *memmove(void *dest, const void *src, size_t count);
void *memset(void *s, int c, size_t count);
#ifdef CONFIG_KASAN
/*
 * make KASAN=1: memcpy(), memmove() and memset() check their ranges
 * (mm/kasan/shadow.c) and call these, lib/string.c's.  Files built
 * without instrumentation (the allocators' insides, which touch poisoned
 * memory on purpose) call these directly, as Linux's asm/string_64.h
 * arranges.
 */
void *__memcpy(void *dest, const void *src, size_t count);
void *__memmove(void *dest, const void *src, size_t count);
void *__memset(void *s, int c, size_t count);
#ifndef __SANITIZE_ADDRESS__
#define memcpy(dest, src, count)	__memcpy(dest, src, count)
#define memmove(dest, src, count)	__memmove(dest, src, count)
#define memset(s, c, count)		__memset(s, c, count)
#endif
#endif
int memcmp(const void *a, const void *b, size_t count);
void *memchr(const void *s, int c, size_t count);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t count);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t count);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t count);
char *strcat(char *dest, const char *src);
ssize_t strscpy(char *dest, const char *src, size_t count);

char *strncat(char *dest, const char *src, size_t count);
size_t strlcat(char *dest, const char *src, size_t count);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
char *strsep(char **s, const char *ct);
char *strnstr(const char *haystack, const char *needle, size_t len);

char *skip_spaces(const char *str);
char *strim(char *s);
#define strstrip(s)	strim(s)
bool sysfs_streq(const char *a, const char *b);

/* str_has_prefix: strlen(@prefix) if @str starts with it, else 0. */
static inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) == 0 ? len : 0;
}

#endif /* _LINUX_STRING_H */
