// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/string.c and lib/kstrtox.c: the memory primitives
 * at every alignment (against a byte-by-byte reference), the string
 * functions' edge cases, strscpy()'s truncation contract, and the
 * kstrto*() / simple_strto*() parsing rules.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>

#define BUF 96

/* A recognisable, position-dependent pattern. */
static void fill_pattern(unsigned char *p, size_t n, unsigned char seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

static void test_memcpy_all_alignments(void **state)
{
	unsigned char src[BUF], dst[BUF], want[BUF];
	size_t so, doff, len, i;

	(void)state;
	fill_pattern(src, BUF, 1);
	for (so = 0; so < 9; so++)
	for (doff = 0; doff < 9; doff++)
	for (len = 0; len + 9 <= BUF; len += 1) {
		for (i = 0; i < BUF; i++)
			dst[i] = want[i] = 0xee;
		for (i = 0; i < len; i++)
			want[doff + i] = src[so + i];
		assert_ptr_equal(memcpy(dst + doff, src + so, len), dst + doff);
		assert_memory_equal(dst, want, BUF);	/* incl. no write outside */
	}
}

static void test_memmove_overlap(void **state)
{
	unsigned char buf[BUF], want[BUF];
	size_t from, to, len, i;

	(void)state;
	for (from = 0; from < 20; from++)
	for (to = 0; to < 20; to++)
	for (len = 0; len + 20 <= BUF; len += 5) {
		fill_pattern(buf, BUF, 3);
		fill_pattern(want, BUF, 3);
		for (i = 0; i < len; i++)	/* what a non-overlapping copy gives */
			want[to + i] = (unsigned char)(3 + (from + i) * 7);
		assert_ptr_equal(memmove(buf + to, buf + from, len), buf + to);
		assert_memory_equal(buf, want, BUF);
	}
}

static void test_memset_all_alignments(void **state)
{
	unsigned char buf[BUF];
	size_t off, len, i;

	(void)state;
	for (off = 0; off < 9; off++)
	for (len = 0; len + 9 <= BUF; len++) {
		for (i = 0; i < BUF; i++)
			buf[i] = 0x11;
		assert_ptr_equal(memset(buf + off, 0x1a5, len), buf + off);	/* low byte 0xa5 */
		for (i = 0; i < BUF; i++)
			assert_int_equal(buf[i], i >= off && i < off + len ? 0xa5 : 0x11);
	}
}

static void test_memcmp_memchr(void **state)
{
	static const char hello[] = "hello", anb[] = "a\0b", ff[] = "\xff";

	(void)state;
	assert_int_equal(memcmp("abc", "abc", 3), 0);
	assert_true(memcmp("abc", "abd", 3) < 0);
	assert_true(memcmp("abd", "abc", 3) > 0);
	assert_int_equal(memcmp("abc", "abd", 2), 0);
	assert_int_equal(memcmp("x", "y", 0), 0);
	/* Bytes compare unsigned: 0x80 is larger than 0x01. */
	assert_true(memcmp("\x80", "\x01", 1) > 0);

	assert_ptr_equal(memchr(hello, 'l', 5), hello + 2);
	assert_null(memchr("hello", 'z', 5));
	assert_null(memchr("hello", 'o', 4));		/* stays within count */
	assert_ptr_equal(memchr(anb, 'b', 3), anb + 2);	/* past a NUL */
	assert_ptr_equal(memchr(ff, 0x1ff, 1), ff);	/* low byte only */
}

static void test_strlen_strnlen(void **state)
{
	static const char unterminated[4] = { 'a', 'b', 'c', 'd' };

	(void)state;
	assert_int_equal(strlen(""), 0);
	assert_int_equal(strlen("hello"), 5);
	assert_int_equal(strnlen("hello", 10), 5);
	assert_int_equal(strnlen("hello", 3), 3);
	assert_int_equal(strnlen("hello", 0), 0);
	assert_int_equal(strnlen(unterminated, 4), 4);	/* never reads [4] */
}

static void test_strcmp_strncmp(void **state)
{
	(void)state;
	assert_int_equal(strcmp("", ""), 0);
	assert_int_equal(strcmp("abc", "abc"), 0);
	assert_true(strcmp("abc", "abd") < 0);
	assert_true(strcmp("abc", "ab") > 0);
	assert_true(strcmp("ab", "abc") < 0);
	assert_true(strcmp("\xe9", "e") > 0);		/* unsigned chars */
	assert_int_equal(strncmp("abcX", "abcY", 3), 0);
	assert_true(strncmp("abcX", "abcY", 4) < 0);
	assert_int_equal(strncmp("ab", "ab", 100), 0);	/* stops at the NUL */
	assert_int_equal(strncmp("a", "b", 0), 0);
}

static void test_strchr_strrchr_strstr(void **state)
{
	const char *s = "a/b/c";

	(void)state;
	assert_ptr_equal(strchr(s, '/'), s + 1);
	assert_ptr_equal(strrchr(s, '/'), s + 3);
	assert_null(strchr(s, 'z'));
	assert_null(strrchr(s, 'z'));
	assert_ptr_equal(strchr(s, '\0'), s + 5);	/* the terminator counts */
	assert_ptr_equal(strrchr(s, '\0'), s + 5);
	s = "\xe9t\xe9";				/* bytes >= 0x80 */
	assert_ptr_equal(strchr(s, 0xe9), s);
	assert_ptr_equal(strrchr(s, 0xe9), s + 2);
	s = "a/b/c";

	assert_ptr_equal(strstr(s, ""), s);
	assert_ptr_equal(strstr(s, "b/c"), s + 2);
	assert_ptr_equal(strstr(s, "c"), s + 4);
	assert_null(strstr(s, "c/"));
	assert_null(strstr("ab", "abc"));
	s = "aaab";
	assert_ptr_equal(strstr(s, "aab"), s + 1);
}

static void test_strcpy_strcat_strncpy(void **state)
{
	char buf[16];

	(void)state;
	assert_ptr_equal(strcpy(buf, "abc"), buf);
	assert_string_equal(buf, "abc");
	assert_ptr_equal(strcat(buf, "def"), buf);
	assert_string_equal(buf, "abcdef");
	strcat(buf, "");
	assert_string_equal(buf, "abcdef");

	/* strncpy zero-fills the field ... */
	memset(buf, 'x', sizeof(buf));
	assert_ptr_equal(strncpy(buf, "ab", 6), buf);
	assert_memory_equal(buf, "ab\0\0\0\0xx", 8);
	/* ... and does not terminate a truncated copy. */
	memset(buf, 'x', sizeof(buf));
	strncpy(buf, "abcdef", 3);
	assert_memory_equal(buf, "abcx", 4);
}

static void test_strscpy(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(strscpy(buf, "abc", sizeof(buf)), 3);
	assert_string_equal(buf, "abc");

	assert_int_equal(strscpy(buf, "1234567", sizeof(buf)), 7);	/* exact fit */
	assert_string_equal(buf, "1234567");

	assert_int_equal(strscpy(buf, "12345678", sizeof(buf)), -E2BIG);
	assert_string_equal(buf, "1234567");

	assert_int_equal(strscpy(buf, "whatever", 1), -E2BIG);
	assert_string_equal(buf, "");

	memset(buf, 'x', sizeof(buf));
	assert_int_equal(strscpy(buf, "abc", 0), -E2BIG);
	assert_int_equal(buf[0], 'x');			/* nothing written */

	assert_int_equal(strscpy(buf, "", sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

static void test_strscpy_reads_only_count_bytes(void **state)
{
	/* Source without a terminator: strscpy must not look past count. */
	static const char src[4] = { 'w', 'x', 'y', 'z' };
	char buf[4];

	(void)state;
	assert_int_equal(strscpy(buf, src, sizeof(buf)), -E2BIG);
	assert_string_equal(buf, "wxy");
}

static void test_skip_spaces(void **state)
{
	const char *s = " \t\n\v\f\rx y";

	(void)state;
	assert_ptr_equal(skip_spaces(s), s + 6);
	s = "";
	assert_ptr_equal(skip_spaces(s), s);
	assert_int_equal(*skip_spaces("   "), '\0');
	assert_int_equal(*skip_spaces("\xa0x"), (char)0xa0);	/* not ASCII space */
}

static void test_kstrtoul(void **state)
{
	unsigned long v;

	(void)state;
	assert_int_equal(kstrtoul("0", 10, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(kstrtoul("12345", 10, &v), 0);
	assert_int_equal(v, 12345);
	assert_int_equal(kstrtoul("12\n", 10, &v), 0);		/* one newline ok */
	assert_int_equal(v, 12);
	assert_int_equal(kstrtoul("+7", 10, &v), 0);
	assert_int_equal(v, 7);
	assert_int_equal(kstrtoul("18446744073709551615", 10, &v), 0);
	assert_true(v == ULONG_MAX);
	assert_int_equal(kstrtoul("0x1f", 0, &v), 0);
	assert_int_equal(v, 31);
	assert_int_equal(kstrtoul("0X1F", 0, &v), 0);
	assert_int_equal(v, 31);
	assert_int_equal(kstrtoul("017", 0, &v), 0);		/* octal */
	assert_int_equal(v, 15);
	assert_int_equal(kstrtoul("0", 0, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(kstrtoul("ff", 16, &v), 0);
	assert_int_equal(v, 255);
	assert_int_equal(kstrtoul("0xff", 16, &v), 0);		/* prefix allowed */
	assert_int_equal(v, 255);
	assert_int_equal(kstrtoul("101", 2, &v), 0);
	assert_int_equal(v, 5);
}

static void test_kstrtoul_errors(void **state)
{
	unsigned long v = 4242;

	(void)state;
	assert_int_equal(kstrtoul("", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul(" 1", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("1 ", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("12\n\n", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("\n", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("12a", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("-5", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("+", 10, &v), -EINVAL);
	assert_int_equal(kstrtoul("0x", 16, &v), -EINVAL);
	assert_int_equal(kstrtoul("0x", 0, &v), -EINVAL);	/* "0" then 'x' */
	assert_int_equal(kstrtoul("8", 8, &v), -EINVAL);
	assert_int_equal(kstrtoul("1", 17, &v), -EINVAL);
	assert_int_equal(kstrtoul("1", 1, &v), -EINVAL);
	assert_int_equal(kstrtoul("18446744073709551616", 10, &v), -ERANGE);
	assert_int_equal(kstrtoul("99999999999999999999999", 10, &v), -ERANGE);
	assert_int_equal(kstrtoul("0x10000000000000000", 0, &v), -ERANGE);
	assert_int_equal(v, 4242);				/* never touched */
}

static void test_kstrtol_kstrtoint_kstrtouint(void **state)
{
	long l = 0;
	int i = 0;
	unsigned int u = 0;

	(void)state;
	assert_int_equal(kstrtol("-42", 10, &l), 0);
	assert_int_equal(l, -42);
	assert_int_equal(kstrtol("-9223372036854775808", 10, &l), 0);
	assert_true(l == LONG_MIN);
	assert_int_equal(kstrtol("9223372036854775807", 10, &l), 0);
	assert_true(l == LONG_MAX);
	assert_int_equal(kstrtol("-9223372036854775809", 10, &l), -ERANGE);
	assert_int_equal(kstrtol("9223372036854775808", 10, &l), -ERANGE);
	assert_int_equal(kstrtol("-0x10", 0, &l), 0);
	assert_int_equal(l, -16);
	assert_int_equal(kstrtol("--1", 10, &l), -EINVAL);
	assert_int_equal(kstrtol("-", 10, &l), -EINVAL);

	assert_int_equal(kstrtoint("-2147483648", 10, &i), 0);
	assert_int_equal(i, INT_MIN);
	assert_int_equal(kstrtoint("2147483647\n", 10, &i), 0);
	assert_int_equal(i, INT_MAX);
	assert_int_equal(kstrtoint("2147483648", 10, &i), -ERANGE);
	assert_int_equal(kstrtoint("-2147483649", 10, &i), -ERANGE);
	assert_int_equal(i, INT_MAX);

	assert_int_equal(kstrtouint("4294967295", 10, &u), 0);
	assert_int_equal(u, UINT_MAX);
	assert_int_equal(kstrtouint("4294967296", 10, &u), -ERANGE);
	assert_int_equal(kstrtouint("-1", 10, &u), -EINVAL);
}

static void test_kstrtoull_kstrtoll(void **state)
{
	unsigned long long ull;
	long long ll;

	(void)state;
	assert_int_equal(kstrtoull("0xdeadbeefcafebabe", 16, &ull), 0);
	assert_true(ull == 0xdeadbeefcafebabeULL);
	assert_int_equal(kstrtoll("-0", 10, &ll), 0);
	assert_true(ll == 0);
	assert_int_equal(kstrtoll("-9223372036854775808", 0, &ll), 0);
	assert_true(ll == LLONG_MIN);
}

static void test_kstrtobool(void **state)
{
	/* Linux 6.x: also true/false and enable/disable, by the first letter */
	static const char *const yes[] = { "1", "y", "Y", "yes", "on", "ON", "On\n",
					   "true", "T", "enable", "E" };
	static const char *const no[] = { "0", "n", "N", "no", "off", "OFF",
					  "false", "F", "disable", "D" };
	static const char *const bad[] = { "", "2", "o", "maybe", "x" };
	bool b;
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		b = false;
		assert_int_equal(kstrtobool(yes[i], &b), 0);
		assert_true(b);
	}
	for (i = 0; i < ARRAY_SIZE(no); i++) {
		b = true;
		assert_int_equal(kstrtobool(no[i], &b), 0);
		assert_false(b);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(kstrtobool(bad[i], &b), -EINVAL);
	assert_int_equal(kstrtobool(NULL, &b), -EINVAL);
}

static void test_simple_strtoul(void **state)
{
	const char *s;
	char *end;

	(void)state;
	s = "123abc";
	assert_int_equal(simple_strtoul(s, &end, 10), 123);
	assert_ptr_equal(end, s + 3);
	s = "0x1fz";
	assert_int_equal(simple_strtoul(s, &end, 0), 0x1f);
	assert_ptr_equal(end, s + 4);
	s = "0x";					/* base 0: the number 0 */
	assert_int_equal(simple_strtoul(s, &end, 0), 0);
	assert_ptr_equal(end, s + 1);
	s = "0xg";					/* base 16: the 0 of the prefix */
	assert_int_equal(simple_strtoul(s, &end, 16), 0);
	assert_ptr_equal(end, s + 1);
	s = "0777";
	assert_int_equal(simple_strtoul(s, &end, 0), 0777);
	assert_ptr_equal(end, s + 4);
	s = "xyz";
	assert_int_equal(simple_strtoul(s, &end, 0), 0);
	assert_ptr_equal(end, s);
	assert_int_equal(simple_strtoul("42", NULL, 10), 42);	/* endp optional */
	assert_true(simple_strtoull("18446744073709551615", NULL, 10) == ULLONG_MAX);
}

static void test_simple_strtol(void **state)
{
	const char *s;
	char *end;

	(void)state;
	s = "-42x";
	assert_int_equal(simple_strtol(s, &end, 10), -42);
	assert_ptr_equal(end, s + 3);
	s = "-";
	assert_int_equal(simple_strtol(s, &end, 10), 0);
	assert_ptr_equal(end, s);
	s = "-0x10";
	assert_int_equal(simple_strtoll(s, &end, 0), -16);
	assert_ptr_equal(end, s + 5);
}

/* The string functions Linux modules use beyond the C library's core. */
static void test_module_string_helpers(void **state)
{
	char buf[8] = "ab", line[32] = "a,b,,c", *cur = line, spaced[16] = "  x y \t\n";
	u8 narrow8;
	s16 narrow16;

	(void)state;
	/* strlcat: the length it tried to make, truncation always terminated */
	assert_int_equal(strlcat(buf, "cd", sizeof(buf)), 4);
	assert_int_equal(strlcat(buf, "efghij", sizeof(buf)), 10);
	assert_string_equal(buf, "abcdefg");
	strcpy(buf, "x");
	assert_string_equal(strncat(buf, "yzw", 2), "xyz");
	assert_int_equal(strspn("aabxa", "ab"), 3);
	assert_int_equal(strcspn("hello, world", ", "), 5);
	assert_string_equal(strpbrk("key=value", "=:"), "=value");
	assert_null(strpbrk("abc", "xyz"));
	/* strsep keeps empty fields and ends with NULL */
	assert_string_equal(strsep(&cur, ","), "a");
	assert_string_equal(strsep(&cur, ","), "b");
	assert_string_equal(strsep(&cur, ","), "");
	assert_string_equal(strsep(&cur, ","), "c");
	assert_null(cur);
	assert_null(strsep(&cur, ","));
	assert_string_equal(strnstr("needle in hay", "in", 9), "in hay");
	assert_null(strnstr("needle in hay", "hay", 9));
	assert_string_equal(strim(spaced), "x y");
	assert_true(sysfs_streq("on\n", "on"));
	assert_true(sysfs_streq("on", "on\n"));
	assert_false(sysfs_streq("on\n\n", "on"));
	assert_false(sysfs_streq("o", "on"));
	assert_int_equal(str_has_prefix("slab_debug=F", "slab_debug="), 11);
	assert_int_equal(str_has_prefix("slab", "slab_debug"), 0);
	/* the narrow kstrto*: range checked */
	assert_int_equal(kstrtou8("255", 0, &narrow8), 0);
	assert_int_equal(narrow8, 255);
	assert_int_equal(kstrtou8("256", 0, &narrow8), -ERANGE);
	assert_int_equal(kstrtos16("-32768", 0, &narrow16), 0);
	assert_int_equal(kstrtos16("0x8000", 0, &narrow16), -ERANGE);
	assert_int_equal(narrow16, -32768);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memcpy_all_alignments),
		cmocka_unit_test(test_memmove_overlap),
		cmocka_unit_test(test_memset_all_alignments),
		cmocka_unit_test(test_memcmp_memchr),
		cmocka_unit_test(test_strlen_strnlen),
		cmocka_unit_test(test_strcmp_strncmp),
		cmocka_unit_test(test_strchr_strrchr_strstr),
		cmocka_unit_test(test_strcpy_strcat_strncpy),
		cmocka_unit_test(test_strscpy),
		cmocka_unit_test(test_strscpy_reads_only_count_bytes),
		cmocka_unit_test(test_skip_spaces),
		cmocka_unit_test(test_kstrtoul),
		cmocka_unit_test(test_kstrtoul_errors),
		cmocka_unit_test(test_kstrtol_kstrtoint_kstrtouint),
		cmocka_unit_test(test_kstrtoull_kstrtoll),
		cmocka_unit_test(test_kstrtobool),
		cmocka_unit_test(test_module_string_helpers),
		cmocka_unit_test(test_simple_strtoul),
		cmocka_unit_test(test_simple_strtol),
	};

	host_test_init();
	return cmocka_run_group_tests_name("string", tests, NULL, NULL);
}
