/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Force-included (gcc -include) first into every file of the host unit
 * tests: the kernel sources built for the host and the tests themselves.
 *
 * The kernel defines functions with the C library's names (memcpy,
 * snprintf, strlen, ...).  Linked into a host program they would clash
 * with glibc, and worse, the sanitizer runtime would intercept them.  So
 * on the host every such name is renamed to kern_NAME by the
 * preprocessor, in the definitions and in every call alike: the tests
 * call the kernel's code, glibc keeps its own, and nothing in the kernel
 * sources has to know.
 *
 * Consequences for test files: include the std/cmocka headers first
 * (<stdarg.h>, <stddef.h>, <stdint.h>, <setjmp.h>, <cmocka.h>), then the
 * kernel's <linux/...> headers; never a glibc header that declares one
 * of the names below (<string.h>, <stdio.h>, <stdlib.h>).  Code that
 * needs glibc itself lives in host_libc.c, which undoes the renaming.
 */
#ifndef _HOST_RENAME_H
#define _HOST_RENAME_H

/* lib/string.c */
#define memcpy		kern_memcpy
#define memmove		kern_memmove
#define memset		kern_memset
#define memcmp		kern_memcmp
#define memchr		kern_memchr
#define strlen		kern_strlen
#define strnlen		kern_strnlen
#define strcmp		kern_strcmp
#define strncmp		kern_strncmp
#define strchr		kern_strchr
#define strrchr		kern_strrchr
#define strstr		kern_strstr
#define strcpy		kern_strcpy
#define strncpy		kern_strncpy
#define strcat		kern_strcat
#define strscpy		kern_strscpy
#define skip_spaces	kern_skip_spaces
#define strncat		kern_strncat
#define strlcat		kern_strlcat
#define strspn		kern_strspn
#define strcspn		kern_strcspn
#define strpbrk		kern_strpbrk
#define strsep		kern_strsep
#define strnstr		kern_strnstr
#define strim		kern_strim

/* lib/vsprintf.c */
#define sprintf		kern_sprintf
#define vsprintf	kern_vsprintf
#define snprintf	kern_snprintf
#define vsnprintf	kern_vsnprintf
#define scnprintf	kern_scnprintf
#define vscnprintf	kern_vscnprintf

/* lib/kstrtox.c (no glibc clash, renamed for uniformity) */
#define simple_strtoul	kern_simple_strtoul
#define simple_strtoull	kern_simple_strtoull
#define simple_strtol	kern_simple_strtol
#define simple_strtoll	kern_simple_strtoll

/* include/linux/ctype.h: static inline, but glibc has macros of these names */
#define isdigit		kern_isdigit
#define islower		kern_islower
#define isupper		kern_isupper
#define isalpha		kern_isalpha
#define isalnum		kern_isalnum
#define isxdigit	kern_isxdigit
#define isspace		kern_isspace
#define isprint		kern_isprint
#define tolower		kern_tolower
#define toupper		kern_toupper

#endif /* _HOST_RENAME_H */
