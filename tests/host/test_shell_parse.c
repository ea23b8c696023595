// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/shell_parse.c: the shell's line editor (long
 * lines refused, not cut; tabs kept as separators; backspace), the word
 * splitter (too many words is an error), numbers (decimal or 0x hex
 * only, "010" is ten, overflow refused) and GFP flags written as in C.
 *
 * Lines and words are copied into heap buffers of exactly their size, so
 * AddressSanitizer stops the test on a byte read outside them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <kernel/shell_parse.h>

/* Type @s into a fresh line; return the state after its last character. */
static enum shell_line_state type(struct shell_line *line, const char *s)
{
	enum shell_line_state st = SHELL_LINE_MORE;

	shell_line_init(line);
	while (*s)
		st = shell_line_feed(line, (unsigned char)*s++);
	return st;
}

static void test_line_basic(void **state)
{
	struct shell_line line;

	(void)state;
	assert_int_equal(type(&line, "kmalloc 64\r"), SHELL_LINE_DONE);
	assert_string_equal(line.buf, "kmalloc 64");
	assert_string_equal(line.echo, "\n");
	assert_false(shell_line_too_long(&line));

	assert_int_equal(type(&line, "ab"), SHELL_LINE_MORE);
	assert_string_equal(line.echo, "b");
	assert_int_equal(shell_line_feed(&line, '\n'), SHELL_LINE_DONE);
	assert_string_equal(line.buf, "ab");

	/* backspace and DEL erase; at the start of the line they do nothing */
	assert_int_equal(type(&line, "\b\x7f" "kmalloc 6x\b4\n"), SHELL_LINE_DONE);
	assert_string_equal(line.buf, "kmalloc 64");
	type(&line, "ab\x7f");
	assert_string_equal(line.echo, "\b \b");
	type(&line, "\b");
	assert_string_equal(line.echo, "");

	/* a tab is kept (it separates words) and shows as a space */
	type(&line, "kmalloc\t64");
	assert_string_equal(line.echo, "4");
	type(&line, "kmalloc\t");
	assert_string_equal(line.echo, " ");
	assert_int_equal(shell_line_feed(&line, '\n'), SHELL_LINE_DONE);
	assert_string_equal(line.buf, "kmalloc\t");

	/* other control characters are ignored; bytes >= 0x80 are kept */
	type(&line, "a\x01\x1b" "b\xc3\xa9\n");
	assert_string_equal(line.buf, "ab\xc3\xa9");
	type(&line, "a");
	assert_int_equal(shell_line_feed(&line, -1), SHELL_LINE_MORE);
	assert_int_equal(shell_line_feed(&line, 0x100), SHELL_LINE_MORE);
	assert_int_equal(shell_line_feed(&line, '\n'), SHELL_LINE_DONE);
	assert_string_equal(line.buf, "a");

	/* an empty line */
	assert_int_equal(type(&line, "\n"), SHELL_LINE_DONE);
	assert_string_equal(line.buf, "");
}

/* A line of @n characters 'x' then Enter. */
static void type_n(struct shell_line *line, size_t n)
{
	shell_line_init(line);
	while (n--)
		assert_int_equal(shell_line_feed(line, 'x'), SHELL_LINE_MORE);
	assert_int_equal(shell_line_feed(line, '\n'), SHELL_LINE_DONE);
}

static void test_line_too_long(void **state)
{
	struct shell_line line;
	size_t i;

	(void)state;
	type_n(&line, SHELL_LINE_MAX - 1);		/* the longest line */
	assert_false(shell_line_too_long(&line));
	assert_int_equal(strlen(line.buf), SHELL_LINE_MAX - 1);

	type_n(&line, SHELL_LINE_MAX);			/* one more: refused */
	assert_true(shell_line_too_long(&line));
	type_n(&line, 250);
	assert_true(shell_line_too_long(&line));
	assert_int_equal(line.len, 250);		/* everything was counted */

	/* the case: "kmalloc 000...0004096" ran kmalloc(4) */
	shell_line_init(&line);
	for (i = 0; i < strlen("kmalloc "); i++)
		shell_line_feed(&line, "kmalloc "[i]);
	for (i = 0; i < SHELL_LINE_MAX - 12; i++)
		shell_line_feed(&line, '0');
	for (i = 0; i < 4; i++)
		shell_line_feed(&line, "4096"[i]);
	assert_int_equal(shell_line_feed(&line, '\n'), SHELL_LINE_DONE);
	assert_int_equal(line.len, SHELL_LINE_MAX);
	assert_true(shell_line_too_long(&line));

	/* too long, then erased back under the limit: good again */
	shell_line_init(&line);
	for (i = 0; i < SHELL_LINE_MAX + 10; i++)
		shell_line_feed(&line, i < 5 ? 'a' + i : 'x');
	assert_string_equal(line.echo, "x");		/* still echoed */
	for (i = 0; i < 12; i++)
		shell_line_feed(&line, '\b');
	shell_line_feed(&line, 'y');
	assert_int_equal(shell_line_feed(&line, '\n'), SHELL_LINE_DONE);
	assert_false(shell_line_too_long(&line));
	assert_int_equal(strlen(line.buf), SHELL_LINE_MAX - 1);
	assert_memory_equal(line.buf, "abcdex", 6);
	assert_int_equal(line.buf[SHELL_LINE_MAX - 2], 'y');
}

/* Split a heap copy of @s; check the words against @want (NULL-ended). */
static void split_check(const char *s, int max, int ret, const char *const *want)
{
	size_t len = strlen(s);
	char *copy = host_malloc(len + 1);
	char *argv[SHELL_ARGS_MAX + 1];
	int i, argc;

	memcpy(copy, s, len + 1);
	argc = shell_split(copy, argv, max);
	assert_int_equal(argc, ret);
	for (i = 0; i < argc; i++)
		assert_string_equal(argv[i], want[i]);
	if (argc >= 0) {
		assert_null(argv[argc]);
		assert_null(want[argc]);
	}
	host_free(copy);
}

static void test_split(void **state)
{
	static const char *const none[] = { NULL };
	static const char *const k[] = { "kmalloc", "100", "GFP_ATOMIC",
					 "GFP_ZERO", NULL };
	static const char *const t[] = { "kmalloc", "64", NULL };
	static const char *const one[] = { "x", NULL };

	(void)state;
	split_check("", SHELL_ARGS_MAX, 0, none);
	split_check(" \t \t", SHELL_ARGS_MAX, 0, none);
	split_check("kmalloc 100 GFP_ATOMIC GFP_ZERO", SHELL_ARGS_MAX, 4, k);
	split_check("  kmalloc \t100\t\tGFP_ATOMIC   GFP_ZERO \t", SHELL_ARGS_MAX, 4, k);
	split_check("kmalloc\t64", SHELL_ARGS_MAX, 2, t);
	split_check("x", 1, 1, one);
	split_check("x ", 1, 1, one);
	/* more words than the caller takes: an error, not a silent drop */
	split_check("kmalloc 100 GFP_ATOMIC GFP_ZERO", 3, -E2BIG, NULL);
	split_check("a b", 0, -E2BIG, NULL);
	split_check("a b c d e f g h i j k l m n o p q", SHELL_ARGS_MAX, -E2BIG, NULL);
}

static void ulong_ok(const char *s, unsigned long want)
{
	unsigned long v = 12345;

	assert_int_equal(shell_parse_ulong(s, &v), 0);
	assert_int_equal(v, want);
}

static void ulong_bad(const char *s, int err)
{
	unsigned long v = 12345;

	assert_int_equal(shell_parse_ulong(s, &v), err);
	assert_int_equal(v, 12345);			/* untouched */
}

static void test_numbers(void **state)
{
	(void)state;
	ulong_ok("0", 0);
	ulong_ok("4096", 4096);
	ulong_ok("010", 10);				/* decimal, not octal */
	ulong_ok("0000000000000000000000000000000000000004096", 4096);
	ulong_ok("0x10", 16);
	ulong_ok("0X1f", 31);
	ulong_ok("0xffff888000000000", 0xffff888000000000UL);
	ulong_ok("0x0000000000000000000000000000001", 1);
	ulong_ok("18446744073709551615", ULONG_MAX);
	ulong_ok("0xffffffffffffffff", ULONG_MAX);

	ulong_bad("18446744073709551616", -ERANGE);
	ulong_bad("99999999999999999999999", -ERANGE);
	ulong_bad("0x10000000000000000", -ERANGE);
	ulong_bad("", -EINVAL);
	ulong_bad("0x", -EINVAL);
	ulong_bad("x10", -EINVAL);
	ulong_bad("-1", -EINVAL);
	ulong_bad("+1", -EINVAL);
	ulong_bad(" 1", -EINVAL);
	ulong_bad("1 ", -EINVAL);
	ulong_bad("0o10", -EINVAL);
	ulong_bad("0b10", -EINVAL);
	ulong_bad("1e3", -EINVAL);
	ulong_bad("12a", -EINVAL);
	ulong_bad("4k", -EINVAL);
	ulong_bad("0x12g", -EINVAL);
	ulong_bad("0x0x1", -EINVAL);
	ulong_bad("99999999999999999999999z", -EINVAL);	/* junk beats range */
}

/* Parse heap copies of the words @w (NULL-ended). */
static int gfp_parse(const char *const *w, gfp_t *gfp, const char **bad,
		     size_t *bad_len)
{
	char *words[SHELL_ARGS_MAX] = { NULL };
	int n, i, ret;

	for (n = 0; w[n]; n++) {
		words[n] = host_malloc(strlen(w[n]) + 1);
		memcpy(words[n], w[n], strlen(w[n]) + 1);
	}
	ret = shell_parse_gfp(words, n, gfp, bad, bad_len);
	if (ret) {
		for (i = 0; i < n; i++)
			if (*bad >= words[i] && *bad < words[i] + strlen(words[i]) + 1)
				*bad = w[i] + (*bad - words[i]);	/* into @w */
	}
	for (i = 0; i < n; i++)
		host_free(words[i]);
	return ret;
}

#define GFP_OK(want, ...) do {						\
	static const char *const w_[] = { __VA_ARGS__, NULL };		\
	const char *bad_ = NULL;					\
	size_t bad_len_ = 0;						\
	gfp_t gfp_ = 0;							\
	assert_int_equal(gfp_parse(w_, &gfp_, &bad_, &bad_len_), 0);	\
	assert_int_equal(gfp_, (want));					\
} while (0)

#define GFP_BAD(err, bad_text, ...) do {				\
	static const char *const w_[] = { __VA_ARGS__, NULL };		\
	const char *bad_ = NULL;					\
	size_t bad_len_ = 0;						\
	gfp_t gfp_ = 0x12345;						\
	assert_int_equal(gfp_parse(w_, &gfp_, &bad_, &bad_len_), (err));	\
	assert_int_equal(gfp_, 0x12345);				\
	assert_int_equal(bad_len_, strlen(bad_text));			\
	assert_memory_equal(bad_, (bad_text), bad_len_);		\
} while (0)

static void test_gfp(void **state)
{
	static const char *const none[] = { NULL };
	const char *bad;
	size_t bad_len;
	gfp_t gfp = 0;
	unsigned int i;

	(void)state;
	assert_int_equal(gfp_parse(none, &gfp, &bad, &bad_len), 0);
	assert_int_equal(gfp, GFP_KERNEL);			/* the default */

	GFP_OK(GFP_KERNEL, "GFP_KERNEL");
	GFP_OK(GFP_ATOMIC, "GFP_ATOMIC");
	GFP_OK(GFP_NOWAIT, "GFP_NOWAIT");
	GFP_OK(GFP_KERNEL | __GFP_ZERO, "GFP_KERNEL|__GFP_ZERO");
	GFP_OK(GFP_KERNEL | __GFP_ZERO, "GFP_KERNEL", "__GFP_ZERO");
	GFP_OK(GFP_KERNEL | __GFP_ZERO, "GFP_KERNEL", "|", "__GFP_ZERO");
	GFP_OK(GFP_KERNEL | __GFP_ZERO, "GFP_KERNEL|", "__GFP_ZERO");
	GFP_OK(GFP_KERNEL | __GFP_ZERO, "GFP_KERNEL", "|__GFP_ZERO");
	/* the case: nothing is dropped */
	GFP_OK(GFP_ATOMIC | __GFP_ZERO, "GFP_ATOMIC", "GFP_ZERO");
	GFP_OK(GFP_ATOMIC | __GFP_ZERO | __GFP_NOWARN,
	       "GFP_ATOMIC|__GFP_ZERO|__GFP_NOWARN");
	GFP_OK(GFP_NOWAIT | GFP_DMA32, "GFP_NOWAIT|GFP_DMA32");
	/* modifiers alone modify the default */
	GFP_OK(GFP_KERNEL | __GFP_ZERO, "GFP_ZERO");
	GFP_OK(GFP_KERNEL | __GFP_ZERO, "__GFP_ZERO");
	GFP_OK(GFP_KERNEL | GFP_DMA, "GFP_DMA");
	GFP_OK(GFP_KERNEL | GFP_DMA32 | __GFP_NOWARN, "GFP_DMA32", "__GFP_NOWARN");
	/* a bit saying how to allocate is taken as written */
	GFP_OK(__GFP_HIGH, "__GFP_HIGH");
	GFP_OK(__GFP_DIRECT_RECLAIM | __GFP_ZERO, "__GFP_DIRECT_RECLAIM|__GFP_ZERO");

	GFP_BAD(-ENOENT, "GFP_BOGUS", "GFP_BOGUS");
	GFP_BAD(-ENOENT, "GFP_BOGUS", "GFP_KERNEL|GFP_BOGUS");
	GFP_BAD(-ENOENT, "GFP_BOGUS", "GFP_KERNEL|GFP_BOGUS|__GFP_ZERO");
	GFP_BAD(-ENOENT, "GFP_BOGUS", "GFP_KERNEL", "GFP_BOGUS");
	GFP_BAD(-ENOENT, "gfp_kernel", "gfp_kernel");
	GFP_BAD(-ENOENT, "GFP_KERNE", "GFP_KERNE");
	GFP_BAD(-ENOENT, "GFP_KERNELX", "GFP_KERNELX");
	GFP_BAD(-ENOENT, "0x10", "0x10");			/* names only */
	GFP_BAD(-EINVAL, "|GFP_KERNEL", "|GFP_KERNEL");
	GFP_BAD(-EINVAL, "GFP_KERNEL|", "GFP_KERNEL|");
	GFP_BAD(-EINVAL, "GFP_KERNEL||__GFP_ZERO", "GFP_KERNEL||__GFP_ZERO");
	GFP_BAD(-EINVAL, "|", "GFP_KERNEL", "|");
	GFP_BAD(-EINVAL, "|", "|");
	GFP_BAD(-EINVAL, "|", "GFP_KERNEL", "|", "|", "__GFP_ZERO");

	/* every name the shell lists is one it accepts */
	for (i = 0; shell_gfp_name(i); i++) {
		const char *w[2] = { shell_gfp_name(i), NULL };

		assert_int_equal(gfp_parse(w, &gfp, &bad, &bad_len), 0);
		assert_true(gfp != 0);
	}
	assert_true(i >= 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_basic),
		cmocka_unit_test(test_line_too_long),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_gfp),
	};

	host_test_init();
	return cmocka_run_group_tests_name("shell_parse", tests, NULL, NULL);
}
