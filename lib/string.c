// SPDX-License-Identifier: GPL-2.0
/*
 * The memory and string primitives every other file leans on.
 *
 * Design: byte loops, written to be read.  The only optimisation is in
 * memcpy() and memset(), which move a whole machine word per step when
 * the pointers allow it, because the allocators clear and copy entire
 * pages with them.  The word accesses go through a may_alias type so
 * that the compiler's strict-aliasing rules cannot reorder them against
 * the caller's typed accesses.
 *
 * A trap for freestanding code: GCC recognises a loop that copies or
 * fills memory ("loop distribution") and replaces it with a call to
 * memcpy()/memset().  Inside memset() that call would be to memset()
 * itself: infinite recursion on the first use.  Without -ffreestanding
 * GCC 12 does exactly that to this file (try "gcc -O3 -S"), and older
 * GCCs did it even with -ffreestanding -fno-builtin.  The pragma below
 * switches the transformation off for this file only
 * (-fno-tree-loop-distribute-patterns), so the result does not depend on
 * the compiler version or the flags in the Makefile.  Clang does not
 * form such calls when -fno-builtin is given.
 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-loop-distribute-patterns")
#endif

#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>

typedef unsigned long __attribute__((__may_alias__)) word_t;

#define WORD_SIZE	sizeof(word_t)
#define WORD_ALIGNED(p)	(((uintptr_t)(p) & (WORD_SIZE - 1)) == 0)

/**
 * memcpy - copy a memory area
 * @dest: where to copy to
 * @src: where to copy from
 * @count: number of bytes
 *
 * Copy @count bytes from @src to @dest.  The areas must not overlap; use
 * memmove() when they may.
 *
 * Context: Any context.
 * Return: @dest.
 */
void *memcpy(void *dest, const void *src, size_t count)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (WORD_ALIGNED(d) && WORD_ALIGNED(s)) {
		for (; count >= WORD_SIZE; count -= WORD_SIZE) {
			*(word_t *)d = *(const word_t *)s;
			d += WORD_SIZE;
			s += WORD_SIZE;
		}
	}
	while (count--)
		*d++ = *s++;
	return dest;
}

/**
 * memmove - copy a memory area that may overlap the destination
 * @dest: where to copy to
 * @src: where to copy from
 * @count: number of bytes
 *
 * Copy forwards when @dest lies below @src and backwards otherwise, so
 * every source byte is read before it can be overwritten.
 *
 * Context: Any context.
 * Return: @dest.
 */
void *memmove(void *dest, const void *src, size_t count)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if ((uintptr_t)d <= (uintptr_t)s) {
		while (count--)
			*d++ = *s++;
	} else {
		d += count;
		s += count;
		while (count--)
			*--d = *--s;
	}
	return dest;
}

/**
 * memset - fill a memory area with a byte
 * @s: the area
 * @c: the byte value (only the low 8 bits are used)
 * @count: number of bytes
 *
 * Context: Any context.
 * Return: @s.
 */
void *memset(void *s, int c, size_t count)
{
	unsigned char *p = s;
	unsigned char byte = (unsigned char)c;

	/* Head bytes up to a word boundary, whole words, then the tail. */
	while (count && !WORD_ALIGNED(p)) {
		*p++ = byte;
		count--;
	}
	if (count >= WORD_SIZE) {
		word_t pattern = (word_t)-1 / 0xff * byte;	/* byte in every lane */

		for (; count >= WORD_SIZE; count -= WORD_SIZE) {
			*(word_t *)p = pattern;
			p += WORD_SIZE;
		}
	}
	while (count--)
		*p++ = byte;
	return s;
}

/**
 * memcmp - compare two memory areas
 * @a: first area
 * @b: second area
 * @count: number of bytes
 *
 * Bytes compare as unsigned char, as in C.
 *
 * Context: Any context.
 * Return: 0 if equal, otherwise negative or positive as the first
 * differing byte of @a is smaller or larger than the one in @b.
 */
int memcmp(const void *a, const void *b, size_t count)
{
	const unsigned char *p = a, *q = b;

	for (; count; count--, p++, q++) {
		if (*p != *q)
			return *p < *q ? -1 : 1;
	}
	return 0;
}

/**
 * memchr - find a byte in a memory area
 * @s: the area
 * @c: the byte to find (low 8 bits)
 * @count: size of the area
 *
 * Context: Any context.
 * Return: a pointer to the first occurrence, or NULL.
 */
void *memchr(const void *s, int c, size_t count)
{
	const unsigned char *p = s;

	for (; count; count--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

/**
 * strlen - length of a string
 * @s: the string
 *
 * Context: Any context.
 * Return: the number of characters before the terminating NUL.
 */
size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/**
 * strnlen - length of a string, looking at no more than @count bytes
 * @s: the string
 * @count: the maximum number of bytes to examine
 *
 * Safe on a buffer that may lack a terminator: never reads @s[@count].
 *
 * Context: Any context.
 * Return: strlen(@s) if that is less than @count, otherwise @count.
 */
size_t strnlen(const char *s, size_t count)
{
	size_t n = 0;

	while (n < count && s[n])
		n++;
	return n;
}

/**
 * strcmp - compare two strings
 * @a: first string
 * @b: second string
 *
 * Characters compare as unsigned char, as in C.
 *
 * Context: Any context.
 * Return: 0 if equal, negative if @a sorts first, positive otherwise.
 */
int strcmp(const char *a, const char *b)
{
	return strncmp(a, b, SIZE_MAX);
}

/**
 * strncmp - compare at most @count characters of two strings
 * @a: first string
 * @b: second string
 * @count: the maximum number of characters to compare
 *
 * Context: Any context.
 * Return: as strcmp(), for the first @count characters.
 */
int strncmp(const char *a, const char *b, size_t count)
{
	for (; count; count--, a++, b++) {
		unsigned char ca = *a, cb = *b;

		if (ca != cb)
			return ca < cb ? -1 : 1;
		if (!ca)
			break;
	}
	return 0;
}

/**
 * strchr - find the first occurrence of a character in a string
 * @s: the string
 * @c: the character; '\0' finds the terminator
 *
 * Context: Any context.
 * Return: a pointer to the character, or NULL if it does not occur.
 */
char *strchr(const char *s, int c)
{
	for (; *s != (char)c; s++) {
		if (!*s)
			return NULL;
	}
	return (char *)s;
}

/**
 * strrchr - find the last occurrence of a character in a string
 * @s: the string
 * @c: the character; '\0' finds the terminator
 *
 * Context: Any context.
 * Return: a pointer to the character, or NULL if it does not occur.
 */
char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	do {
		if (*s == (char)c)
			last = s;
	} while (*s++);
	return (char *)last;
}

/**
 * strstr - find a substring
 * @haystack: the string to search
 * @needle: the string to look for; "" matches at the start
 *
 * The simple quadratic search: the kernel only searches short strings.
 *
 * Context: Any context.
 * Return: a pointer to the first match in @haystack, or NULL.
 */
char *strstr(const char *haystack, const char *needle)
{
	size_t hlen = strlen(haystack), nlen = strlen(needle);

	for (; hlen >= nlen; hlen--, haystack++) {
		if (!memcmp(haystack, needle, nlen))
			return (char *)haystack;
	}
	return NULL;
}

/**
 * strcpy - copy a string
 * @dest: where to copy to; must have room for strlen(@src) + 1 bytes
 * @src: the string
 *
 * Prefer strscpy(), which knows the size of the destination.
 *
 * Context: Any context.
 * Return: @dest.
 */
char *strcpy(char *dest, const char *src)
{
	char *d = dest;

	while ((*d++ = *src++))
		;
	return dest;
}

/**
 * strncpy - copy a string into a fixed-size field, zero-filling the rest
 * @dest: the field
 * @src: the string
 * @count: the size of the field
 *
 * Exactly @count bytes of @dest are written.  If @src has @count or more
 * characters the result is NOT NUL-terminated; use strscpy() for
 * ordinary strings.
 *
 * Context: Any context.
 * Return: @dest.
 */
char *strncpy(char *dest, const char *src, size_t count)
{
	size_t i;

	for (i = 0; i < count && src[i]; i++)
		dest[i] = src[i];
	for (; i < count; i++)
		dest[i] = '\0';
	return dest;
}

/**
 * strcat - append a string
 * @dest: the string to append to; must have room for the result
 * @src: the string to append
 *
 * Context: Any context.
 * Return: @dest.
 */
char *strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

/**
 * strscpy - copy a string into a buffer of known size
 * @dest: the buffer
 * @src: the string
 * @count: the size of @dest in bytes
 *
 * Copy as much of @src as fits, always leaving @dest NUL-terminated
 * (when @count > 0).  Reads @src only up to its terminator or @count
 * bytes, whichever comes first.
 *
 * Context: Any context.
 * Return: the number of characters copied (not counting the NUL), or
 * -E2BIG if @src did not fit (including when @count is 0).
 */
ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t len;

	if (count == 0)
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		/* No terminator within the buffer: truncate. */
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, len + 1);
	return len;
}

/**
 * skip_spaces - skip leading whitespace
 * @str: the string
 *
 * Context: Any context.
 * Return: a pointer to the first character of @str that is not a space
 * in the sense of isspace() (possibly the terminating NUL).
 */
char *skip_spaces(const char *str)
{
	while (isspace(*str))
		str++;
	return (char *)str;
}
