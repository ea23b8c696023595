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
#include <linux/bug.h>
#include <linux/export.h>

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
EXPORT_SYMBOL(memcpy);

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
EXPORT_SYMBOL(memmove);

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
EXPORT_SYMBOL(memset);

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
EXPORT_SYMBOL(memcmp);

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
EXPORT_SYMBOL(memchr);

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
EXPORT_SYMBOL(strlen);

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
EXPORT_SYMBOL(strnlen);

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
EXPORT_SYMBOL(strcmp);

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
EXPORT_SYMBOL(strncmp);

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
EXPORT_SYMBOL(strchr);

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
EXPORT_SYMBOL(strrchr);

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
EXPORT_SYMBOL(strstr);

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
EXPORT_SYMBOL(strcpy);

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
EXPORT_SYMBOL(strncpy);

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
EXPORT_SYMBOL(strcat);

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
EXPORT_SYMBOL(strscpy);

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
EXPORT_SYMBOL(skip_spaces);

/**
 * strncat - append at most @count characters of @src to @dest
 * @dest: a NUL-terminated string with room for them and a NUL
 * @src: the string to append
 * @count: the most characters to take from @src
 *
 * Context: Any context.
 * Return: @dest.
 */
char *strncat(char *dest, const char *src, size_t count)
{
	char *end = dest + strlen(dest);

	while (count-- && *src)
		*end++ = *src++;
	*end = '\0';
	return dest;
}
EXPORT_SYMBOL(strncat);

/**
 * strlcat - append a string to one in a buffer of known size
 * @dest: a NUL-terminated string in a buffer of @count bytes
 * @src: the string to append
 * @count: the size of @dest's buffer
 *
 * Appends as much of @src as fits, always leaving @dest terminated.  As
 * in Linux, a @dest that is not terminated within @count bytes is a bug.
 *
 * Context: Any context.
 * Return: the length the whole string would have (strlen(@dest) +
 * strlen(@src)); a value >= @count means it was truncated.
 */
size_t strlcat(char *dest, const char *src, size_t count)
{
	size_t dlen = strlen(dest), slen = strlen(src), room;

	BUG_ON(dlen >= count);
	room = count - dlen - 1;
	if (slen < room)
		room = slen;
	memcpy(dest + dlen, src, room);
	dest[dlen + room] = '\0';
	return dlen + slen;
}
EXPORT_SYMBOL(strlcat);

/**
 * strspn - the length of the start of @s made only of characters in @accept
 * @s: the string
 * @accept: the characters allowed
 *
 * Context: Any context.
 * Return: that length.
 */
size_t strspn(const char *s, const char *accept)
{
	const char *p = s;

	while (*p && strchr(accept, *p))
		p++;
	return p - s;
}
EXPORT_SYMBOL(strspn);

/**
 * strcspn - the length of the start of @s with no character of @reject
 * @s: the string
 * @reject: the characters that end the span
 *
 * Context: Any context.
 * Return: that length.
 */
size_t strcspn(const char *s, const char *reject)
{
	const char *p = s;

	while (*p && !strchr(reject, *p))
		p++;
	return p - s;
}
EXPORT_SYMBOL(strcspn);

/**
 * strpbrk - the first character of @s that is in @accept
 * @s: the string
 * @accept: the characters looked for
 *
 * Context: Any context.
 * Return: a pointer to it, or NULL if there is none.
 */
char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}
EXPORT_SYMBOL(strpbrk);

/**
 * strsep - cut the next token off a string
 * @s: the string's cursor; set past the token (NULL after the last one)
 * @ct: the delimiter characters
 *
 * The delimiter that ends the token is overwritten with a NUL.  Empty
 * tokens are returned as they are (unlike strtok).
 *
 * Context: Any context.
 * Return: the token, or NULL when *@s is NULL.
 */
char *strsep(char **s, const char *ct)
{
	char *start = *s, *end;

	if (!start)
		return NULL;
	end = strpbrk(start, ct);
	if (end)
		*end++ = '\0';
	*s = end;
	return start;
}
EXPORT_SYMBOL(strsep);

/**
 * strnstr - find @needle in the first @len characters of @haystack
 * @haystack: the string searched
 * @needle: the string looked for
 * @len: how many characters of @haystack to search
 *
 * Context: Any context.
 * Return: a pointer to the first match, or NULL.
 */
char *strnstr(const char *haystack, const char *needle, size_t len)
{
	size_t n = strlen(needle);

	if (!n)
		return (char *)haystack;
	while (len >= n && *haystack) {
		if (!memcmp(haystack, needle, n))
			return (char *)haystack;
		haystack++;
		len--;
	}
	return NULL;
}
EXPORT_SYMBOL(strnstr);

/**
 * strim - remove whitespace at both ends of a string
 * @s: the string (its trailing whitespace is overwritten with NULs)
 *
 * Context: Any context.
 * Return: a pointer to the first character that is not whitespace.
 */
char *strim(char *s)
{
	size_t len = strlen(s);

	while (len && isspace(s[len - 1]))
		s[--len] = '\0';
	return skip_spaces(s);
}
EXPORT_SYMBOL(strim);

/**
 * sysfs_streq - are two strings equal, ignoring one newline at the end?
 * @a: one string
 * @b: the other
 *
 * What sysfs and parameter code use to compare a written value ("on\n")
 * with a keyword ("on").
 *
 * Context: Any context.
 * Return: true if they are equal but for a trailing newline.
 */
bool sysfs_streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	if (*a == *b)
		return true;
	if (*a == '\n' && !a[1] && !*b)
		return true;
	return *b == '\n' && !b[1] && !*a;
}
EXPORT_SYMBOL(sysfs_streq);
