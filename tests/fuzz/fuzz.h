/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the fuzz targets (tests/fuzz/NAME_fuzz.c): how a target
 * reports a broken property, and exact-size heap copies of its input.
 * Include after "host_support.h" and the kernel headers.
 */
#ifndef _FUZZ_H
#define _FUZZ_H

/*
 * A property does not hold: say which, with the values involved, on one
 * line starting "FUZZ FAIL:", and stop.  libFuzzer catches the trap and
 * saves the input (tests/fuzz/run-fuzz.sh prints where and how to
 * reproduce).  stdout is made unbuffered first so the line is not lost.
 * The first argument must be a string literal.
 */
#define fuzz_fail(...) do {						\
	host_test_init();						\
	host_print("FUZZ FAIL: " __VA_ARGS__);				\
	host_print("\n");						\
	__builtin_trap();						\
} while (0)

#define fuzz_check(cond, ...) do {					\
	if (!(cond))							\
		fuzz_fail(__VA_ARGS__);					\
} while (0)

/*
 * @len bytes of @s in a heap buffer of exactly @len + 1 bytes, with a NUL
 * added: AddressSanitizer stops a read or write one byte past it.
 */
static inline char *fuzz_strdup_exact(const void *s, size_t len)
{
	char *p = host_malloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

#endif /* _FUZZ_H */
