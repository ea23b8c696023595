// SPDX-License-Identifier: GPL-2.0
// fuzz-srcs: lib/glob.c
/*
 * Fuzz target for glob_match() (lib/glob.c).
 *
 * Input: the pattern, a NUL byte, the string (a missing NUL makes the
 * whole input the pattern and the string empty).  Both are copied into
 * heap buffers of exactly their size, so AddressSanitizer stops on any
 * read past either NUL.
 *
 * Properties checked, besides the absence of crashes:
 *  - glob_match() agrees with a reference matcher written differently:
 *    dynamic programming over (pattern prefix, string prefix), the
 *    textbook definition of '*' (any run, including empty), '?' (any
 *    one character) and literals;
 *  - a pattern always matches itself once its wildcards are taken as
 *    matching themselves, and "*" + string + "*" matches the string.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/glob.h>
#include "fuzz.h"

#define MAX_LEN 512	/* keeps the reference's table small */

/* match[i][j]: does pat[i..] match str[j..]?  Filled from the ends. */
static bool ref_match(const char *pat, size_t np, const char *str, size_t ns)
{
	static bool match[MAX_LEN + 1][MAX_LEN + 1];
	size_t i, j;

	for (i = np + 1; i-- > 0; ) {
		for (j = ns + 1; j-- > 0; ) {
			bool m;

			if (i == np)
				m = j == ns;
			else if (pat[i] == '*')
				m = match[i + 1][j] || (j < ns && match[i][j + 1]);
			else
				m = j < ns && (pat[i] == '?' || pat[i] == str[j]) &&
				    match[i + 1][j + 1];
			match[i][j] = m;
		}
	}
	return match[0][0];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = (const char *)data;
	const char *nul = memchr(in, '\0', size);
	size_t np = nul ? (size_t)(nul - in) : size;
	size_t ns = nul ? size - np - 1 : 0;
	char *pat, *str, *wrapped;
	bool got;

	/* Embedded NULs end the C strings: measure what glob_match() sees. */
	if (np > MAX_LEN || ns > MAX_LEN - 2)
		return 0;
	pat = fuzz_strdup_exact(in, np);
	str = fuzz_strdup_exact(nul ? nul + 1 : "", ns);
	np = strlen(pat);
	ns = strlen(str);

	got = glob_match(pat, str);
	fuzz_check(got == ref_match(pat, np, str, ns),
		   "glob_match(\"%s\", \"%s\") is %d, the reference says %d",
		   pat, str, got, !got);

	/* Every string matches itself wrapped in stars, if it has no wildcard. */
	if (!memchr(str, '*', ns) && !memchr(str, '?', ns)) {
		fuzz_check(glob_match(str, str),
			   "literal pattern \"%s\" does not match itself", str);
		wrapped = host_malloc(ns + 3);
		wrapped[0] = '*';
		memcpy(wrapped + 1, str, ns);
		wrapped[ns + 1] = '*';
		wrapped[ns + 2] = '\0';
		fuzz_check(glob_match(wrapped, str),
			   "\"%s\" does not match \"%s\"", wrapped, str);
		host_free(wrapped);
	}
	host_free(pat);
	host_free(str);
	return 0;
}
