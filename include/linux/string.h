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

char *skip_spaces(const char *str);

#endif /* _LINUX_STRING_H */
