// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/vsprintf.c: every conversion with flags, width,
 * precision and length modifiers against literal expected strings, the
 * Linux return-value rules under truncation, the %p family, and a large
 * cross-check of the integer conversions against glibc's snprintf().
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
#include <linux/err.h>

/* Format into a roomy buffer; check the text and that the return is its length. */
#define CHECK(expect, fmt, ...) do {						\
	char _buf[512];								\
	int _n = snprintf(_buf, sizeof(_buf), fmt, ##__VA_ARGS__);		\
	assert_string_equal(_buf, expect);					\
	assert_int_equal(_n, strlen(expect));					\
} while (0)

/* Same, for formats the compiler must not check (deliberately odd ones). */
static void check_nonliteral(const char *expect, const char *fmt, ...)
{
	char buf[512];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	assert_string_equal(buf, expect);
	assert_int_equal(n, strlen(expect));
}

/* vsnprintf() behind a non-literal format, returning its result. */
static int vsnprintf_wrap(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

static void test_plain_text(void **state)
{
	(void)state;
	check_nonliteral("", "");
	CHECK("hello, world", "hello, world");
	CHECK("100%", "100%%");
	CHECK("%%", "%%%%");
}

static void test_decimal(void **state)
{
	(void)state;
	CHECK("0", "%d", 0);
	CHECK("42", "%d", 42);
	CHECK("-42", "%i", -42);
	CHECK("2147483647", "%d", INT_MAX);
	CHECK("-2147483648", "%d", INT_MIN);
	CHECK("1 -2 3", "%d %d %d", 1, -2, 3);
}

static void test_decimal_flags_width(void **state)
{
	(void)state;
	CHECK("   42", "%5d", 42);
	CHECK("42   |", "%-5d|", 42);
	CHECK("00042", "%05d", 42);
	CHECK("-0042", "%05d", -42);
	CHECK("+42", "%+d", 42);
	CHECK("-42", "%+d", -42);
	CHECK(" 42", "% d", 42);
	CHECK("+0042", "%+05d", 42);
	CHECK(" 0042", "% 05d", 42);
	CHECK("+42  |", "%-+5d|", 42);
	check_nonliteral("42   |", "%-05d|", 42);	/* '-' beats '0' */
	check_nonliteral("+42", "%+ d", 42);	/* '+' beats ' ' */
	CHECK("12345", "%3d", 12345);	/* width is a minimum */
}

static void test_precision_integers(void **state)
{
	(void)state;
	CHECK("007", "%.3d", 7);
	CHECK("-007", "%.3d", -7);
	CHECK("     007", "%8.3d", 7);
	CHECK("007     |", "%-8.3d|", 7);
	/* Linux, unlike C: '0' still pads with a precision... */
	check_nonliteral("00000007", "%08.3d", 7);
	check_nonliteral("-0000007", "%08.3d", -7);
	/* ...and zero always has a digit. */
	CHECK("0", "%.0d", 0);
	CHECK("    0", "%5.0d", 0);
	CHECK("+0", "%+.0d", 0);
	CHECK("0", "%.d", 0);			/* "." alone is precision 0 */
	CHECK("5", "%.d", 5);
	CHECK("12345", "%.2d", 12345);
}

static void test_unsigned(void **state)
{
	(void)state;
	CHECK("0", "%u", 0U);
	CHECK("4294967295", "%u", UINT_MAX);
	CHECK("4294967295", "%u", (unsigned int)-1);
	CHECK("18446744073709551615", "%lu", ULONG_MAX);
	CHECK("18446744073709551615", "%llu", ULLONG_MAX);
	CHECK("  17", "%4u", 17U);
}

static void test_hex(void **state)
{
	(void)state;
	CHECK("ff", "%x", 255U);
	CHECK("FF", "%X", 255U);
	CHECK("0xff", "%#x", 255U);
	CHECK("0XFF", "%#X", 255U);
	CHECK("0x0", "%#x", 0U);		/* Linux: prefix even for zero */
	CHECK("0X0", "%#X", 0U);
	CHECK("0x0000ff", "%#08x", 255U);
	CHECK("      0xff", "%#10x", 255U);
	CHECK("0xff      |", "%-#10x|", 255U);
	CHECK("00ff", "%.4x", 255U);
	CHECK("0x00ff", "%#.4x", 255U);
	CHECK("deadbeef", "%x", 0xdeadbeefU);
	CHECK("deadbeefcafebabe", "%lx", 0xdeadbeefcafebabeUL);
	CHECK("DEADBEEFCAFEBABE", "%llX", 0xdeadbeefcafebabeULL);
	CHECK("0x0000000000001000", "%#018llx", 0x1000ULL);
	CHECK("ffffffff", "%x", -1);
}

static void test_octal(void **state)
{
	(void)state;
	CHECK("10", "%o", 8U);
	CHECK("010", "%#o", 8U);
	CHECK("0", "%#o", 0U);
	CHECK("0", "%#.0o", 0U);		/* no extra 0 in front of zero */
	CHECK("0", "%.0o", 0U);
	CHECK("  010", "%#5o", 8U);
	CHECK("000010", "%#.5o", 8U);		/* Linux: prefix before precision */
	CHECK("00010", "%#05o", 8U);
	CHECK("1777777777777777777777", "%lo", ULONG_MAX);
}

static void test_length_modifiers(void **state)
{
	(void)state;
	check_nonliteral("44", "%hhd", 300);
	check_nonliteral("-1", "%hhd", 255);
	check_nonliteral("255", "%hhu", -1);
	check_nonliteral("ff", "%hhx", -1);
	check_nonliteral("4464", "%hd", 70000);
	check_nonliteral("-1", "%hd", 65535);
	check_nonliteral("65535", "%hu", -1);
	check_nonliteral("2345", "%hx", 0x12345);
	CHECK("-9223372036854775808", "%ld", LONG_MIN);
	CHECK("9223372036854775807", "%lld", LLONG_MAX);
	CHECK("-9223372036854775808", "%lli", LLONG_MIN);
	CHECK("18446744073709551615", "%zu", SIZE_MAX);
	CHECK("-1", "%zd", (ssize_t)-1);
	CHECK("1000", "%zx", (size_t)0x1000);
	CHECK("-5", "%td", (ptrdiff_t)-5);
	CHECK("-7", "%jd", (intmax_t)-7);
	/* Arguments after a wide one are still found in the right place. */
	CHECK("1 8589934592 3", "%d %lld %d", 1, 8589934592LL, 3);
	check_nonliteral("123456789012", "%Lu", 123456789012ULL);
}

static void test_char(void **state)
{
	char buf[8];
	int n;

	(void)state;
	CHECK("A", "%c", 'A');
	CHECK("  A", "%3c", 'A');
	CHECK("A  |", "%-3c|", 'A');
	CHECK("xyz", "%c%c%c", 'x', 'y', 'z');
	/* A NUL character is output like any other. */
	memset(buf, 'Z', sizeof(buf));
	n = snprintf(buf, sizeof(buf), "a%cb", 0);
	assert_int_equal(n, 3);
	assert_memory_equal(buf, "a\0b\0", 4);
}

static void test_string(void **state)
{
	/* Not NUL-terminated: precision must keep the read inside the array. */
	static const char unterminated[3] = { 'a', 'b', 'c' };

	(void)state;
	CHECK("abc", "%s", "abc");
	CHECK("", "%s", "");
	CHECK("  abc", "%5s", "abc");
	CHECK("abc  |", "%-5s|", "abc");
	CHECK("ab", "%.2s", "abc");
	CHECK("    a", "%5.1s", "abc");
	CHECK("abc", "%.10s", "abc");
	CHECK("abc", "%.3s", unterminated);
	CHECK("[hello] [world]", "[%s] [%s]", "hello", "world");
}

static void test_string_bad_pointers(void **state)
{
	(void)state;
	check_nonliteral("(null)", "%s", (char *)NULL);
	check_nonliteral("(nu", "%.3s", (char *)NULL);
	check_nonliteral("  (null)", "%8s", (char *)NULL);
	check_nonliteral("(efault)", "%s", (char *)16);
	check_nonliteral("(efault)", "%s", (char *)(uintptr_t)-ENOMEM);
}

static void test_star_width_precision(void **state)
{
	(void)state;
	CHECK("   42", "%*d", 5, 42);
	CHECK("42   |", "%-*d|", 5, 42);
	CHECK("42   |", "%*d|", -5, 42);	/* negative width means '-' */
	CHECK("0007", "%.*d", 4, 7);
	CHECK("7", "%.*d", -1, 7);		/* negative precision: none */
	CHECK("abc", "%.*s", 3, "abcdef");
	CHECK("  ab", "%*s", 4, "ab");
	CHECK("   ab", "%*.*s", 5, 2, "abcdef");
	CHECK("  0x00ff", "%#*.*x", 8, 4, 255U);
}

/*
 * Before the boot chooses the key, %p prints Linux's placeholder; %px
 * and NULL are not hashed at all.  (Runs first: the key stays set.)
 */
static void test_pointer_before_key(void **state)
{
	(void)state;
	CHECK("(____ptrval____)", "%p", (void *)0xffff888000100000UL);
	CHECK("(____ptrval____)", "%pK", (void *)0xffff888000100000UL);
	CHECK("ffff888000100000", "%px", (void *)0xffff888000100000UL);
	CHECK("0000000000000000", "%p", NULL);
}

/* SipHash-2-4's published test vector: key 00..0f, message 00..07. */
static void test_siphash_vector(void **state)
{
	const u64 key[2] = { 0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL };

	(void)state;
	assert_true(siphash_1u64(0x0706050403020100ULL, key) == 0x93f5f5799a932462ULL);
}

/* What %p must print for @p: the hash as 16 zero-padded digits. */
static void expect_hashed(const char *fmt_out, const void *p)
{
	unsigned long hash;
	char expect[32];

	assert_int_equal(ptr_to_hashval(p, &hash), 0);
	assert_true(hash <= 0xffffffffUL);	/* 32 bits shown, as Linux */
	ref_snprintf(expect, sizeof(expect), "%016lx", hash);
	assert_string_equal(fmt_out, expect);
}

static void test_pointer(void **state)
{
	void *a = (void *)0xffff888000100000UL, *b = (void *)0xffff888000100040UL;
	char pa[32], pa2[32], pb[32], pk[32];

	(void)state;
	hash_pointers_init(0x1234);
	snprintf(pa, sizeof(pa), "%p", a);
	snprintf(pa2, sizeof(pa2), "%p", a);
	snprintf(pb, sizeof(pb), "%p", b);
	snprintf(pk, sizeof(pk), "%pK", a);
	expect_hashed(pa, a);
	expect_hashed(pb, b);
	assert_string_equal(pa, pa2);		/* stable */
	assert_string_equal(pa, pk);		/* %pK is %p (kptr_restrict 0) */
	assert_string_not_equal(pa, pb);	/* tells objects apart */
	assert_memory_equal(pa, "00000000", 8);
	assert_string_not_equal(pa, "ffff888000100000");

	/* %px, NULL and ERR_PTR values print as they are */
	CHECK("ffff888000100000", "%px", a);
	CHECK("0000000000001000", "%px", (void *)0x1000UL);
	CHECK("0000000000000000", "%p", NULL);
	CHECK("fffffffffffffff4", "%p", ERR_PTR(-12));
	CHECK("                1000", "%20px", (void *)0x1000UL);
	CHECK("1000                |", "%-20px|", (void *)0x1000UL);
	CHECK("at ffffffff81000000.", "at %px.", (void *)0xffffffff81000000UL);
}

/* A new key gives new values: the hash is keyed. */
static void test_pointer_key_matters(void **state)
{
	void *a = (void *)0xffff888000100000UL;
	char one[32], two[32];

	(void)state;
	hash_pointers_init(1);
	snprintf(one, sizeof(one), "%p", a);
	hash_pointers_init(2);
	snprintf(two, sizeof(two), "%p", a);
	assert_string_not_equal(one, two);
}

/* Booted with no_hash_pointers: %p prints the real address. */
static void test_no_hash_pointers(void **state)
{
	(void)state;
	no_hash_pointers = true;
	CHECK("ffff888000100000", "%p", (void *)0xffff888000100000UL);
	CHECK("ffff888000100000", "%pK", (void *)0xffff888000100000UL);
	no_hash_pointers = false;
}

static void test_pointer_unknown_extension(void **state)
{
	char buf[64];

	(void)state;
	/* Letters and digits after %p belong to it and print as %p does. */
	snprintf(buf, sizeof(buf), "%p", (void *)0x10UL);
	check_nonliteral(buf, "%pK", (void *)0x10UL);
	snprintf(buf, sizeof(buf), "%p|", (void *)0x10UL);
	check_nonliteral(buf, "%pfoo42|", (void *)0x10UL);
	snprintf(buf, sizeof(buf), "%p-x", (void *)0x10UL);
	check_nonliteral(buf, "%p-x", (void *)0x10UL);
	snprintf(buf, sizeof(buf), "%p 7", (void *)0x10UL);
	check_nonliteral(buf, "%pZz %d", (void *)0x10UL, 7);
	/* %pGg is known (mm/debug.c); a bad pointer prints a marker */
	check_nonliteral("(efault) 7", "%pGg %d", (void *)0x10UL, 7);
}

static void test_pointer_symbols(void **state)
{
	void *start = (void *)(FAKE_SYM_START_KERNEL + 0x10);

	(void)state;
	check_nonliteral("start_kernel+0x10/0x120", "%pS", start);
	check_nonliteral("start_kernel+0x10/0x120", "%pB", start);
	check_nonliteral("start_kernel", "%ps", start);
	check_nonliteral("kmalloc+0x0/0x80", "%pS", (void *)FAKE_SYM_KMALLOC);
	check_nonliteral("0x1234", "%pS", (void *)0x1234UL);
	check_nonliteral("[<ffffffff81000010>] start_kernel+0x10/0x120\n",
			 "[<%px>] %pS\n", start, start);
	check_nonliteral("start_kernel+0x10/0x120 x", "%pSR x", start);
	check_nonliteral("     kmalloc|", "%12ps|", (void *)FAKE_SYM_KMALLOC);
}

static void test_truncation_return_value(void **state)
{
	char buf[16];
	int n;

	(void)state;
	memset(buf, '#', sizeof(buf));
	n = snprintf(buf, 5, "hello world");
	assert_int_equal(n, 11);
	assert_string_equal(buf, "hell");
	assert_int_equal(buf[5], '#');		/* nothing past size */

	n = snprintf(buf, 6, "hello");		/* exact fit */
	assert_int_equal(n, 5);
	assert_string_equal(buf, "hello");

	n = snprintf(buf, 5, "hello");		/* one short */
	assert_int_equal(n, 5);
	assert_string_equal(buf, "hell");

	memset(buf, '#', sizeof(buf));
	n = snprintf(buf, 1, "hello");
	assert_int_equal(n, 5);
	assert_int_equal(buf[0], '\0');
	assert_int_equal(buf[1], '#');

	n = snprintf(NULL, 0, "%d-%s", 12345, "abc");	/* measuring */
	assert_int_equal(n, 9);

	memset(buf, '#', sizeof(buf));
	n = snprintf(buf, 4, "%d", 123456);
	assert_int_equal(n, 6);
	assert_string_equal(buf, "123");

	n = snprintf(buf, 4, "%10d", 5);
	assert_int_equal(n, 10);
	assert_string_equal(buf, "   ");
}

static void test_scnprintf(void **state)
{
	char buf[16];
	size_t len = 0;
	int i, n;

	(void)state;
	n = scnprintf(buf, 5, "hello world");
	assert_int_equal(n, 4);
	assert_string_equal(buf, "hell");
	assert_int_equal(scnprintf(buf, sizeof(buf), "abc"), 3);
	assert_int_equal(scnprintf(buf, 0, "abc"), 0);
	assert_int_equal(scnprintf(buf, 1, "abc"), 0);
	assert_string_equal(buf, "");

	/* The "len +=" idiom can never run past the buffer. */
	for (i = 0; i < 10; i++)
		len += scnprintf(buf + len, sizeof(buf) - len, "%d,", i * 111);
	assert_int_equal(len, 15);
	assert_string_equal(buf, "0,111,222,333,4");
}

static int call_vscnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}

static int call_vsprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsprintf(buf, fmt, args);
	va_end(args);
	return n;
}

static void test_sprintf_and_v_variants(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(sprintf(buf, "%s=%d", "x", -3), 4);
	assert_string_equal(buf, "x=-3");
	assert_int_equal(call_vsprintf(buf, "%05u", 42U), 5);
	assert_string_equal(buf, "00042");
	assert_int_equal(call_vscnprintf(buf, 4, "%s", "abcdef"), 3);
	assert_string_equal(buf, "abc");
}

static void test_size_above_int_max(void **state)
{
	char buf[4] = "xyz";

	(void)state;
	assert_int_equal(snprintf(buf, (size_t)INT_MAX + 1, "abc"), 0);
	assert_string_equal(buf, "xyz");	/* untouched */
}

static void test_unknown_conversions(void **state)
{
	(void)state;
	/* Copied literally, and no argument is consumed. */
	check_nonliteral("%y 7", "%y %d", 7);
	check_nonliteral("%-5y", "%-5y");
	check_nonliteral("%n 3", "%n %d", 3);
	check_nonliteral("abc%", "abc%");
	check_nonliteral("x%5", "x%5");
	check_nonliteral("%l", "%l");
}

static void test_huge_width_is_clamped(void **state)
{
	char buf[8];

	(void)state;
	/* A silly width neither hangs nor overflows; output is capped at 4096. */
	assert_int_equal(snprintf(buf, sizeof(buf), "%999999999d", 1), 4096);
	assert_string_equal(buf, "       ");
	assert_int_equal(vsnprintf_wrap(buf, sizeof(buf), "%*d", INT_MIN, 1), 4096);
	assert_string_equal(buf, "1      ");
}

/*
 * Every combination of flags, width, precision, length and conversion on
 * awkward values, compared with glibc.  The two differ only where the
 * kernel deliberately departs from C (%p, %s of NULL), which is not
 * exercised here.
 */
static void test_cross_check_with_glibc(void **state)
{
	static const char *const flags[] = {
		"", "-", "+", " ", "#", "0", "-0", "+0", "#0", "- ", "+ #0", "-#",
	};
	static const char *const widths[] = { "", "1", "5", "12", "25" };
	static const char *const precs[] = { "", ".", ".0", ".1", ".3", ".8", ".22" };
	static const char *const lens[] = { "", "hh", "h", "l", "ll", "z" };
	static const char convs[] = "diuxXo";
	static const long long values[] = {
		0, 1, -1, 7, -42, 255, 256, 65535, 65536, INT_MAX, INT_MIN,
		UINT_MAX, LLONG_MAX, LLONG_MIN, 0x123456789abcdefLL,
	};
	char fmt[32], got[128], want[128];
	size_t f, w, p, l, c, v;
	unsigned long checked = 0;

	(void)state;
	for (f = 0; f < ARRAY_SIZE(flags); f++)
	for (w = 0; w < ARRAY_SIZE(widths); w++)
	for (p = 0; p < ARRAY_SIZE(precs); p++)
	for (l = 0; l < ARRAY_SIZE(lens); l++)
	for (c = 0; c < sizeof(convs) - 1; c++)
	for (v = 0; v < ARRAY_SIZE(values); v++) {
		int n_got, n_want;

		/* Skip the corners where Linux (and we) differ from C. */
		bool has_prec = precs[p][0] == '.';
		bool prec0 = !strcmp(precs[p], ".") || !strcmp(precs[p], ".0");

		if ((has_prec && strchr(flags[f], '0')) ||
		    (strchr(flags[f], '#') && convs[c] != 'd' && convs[c] != 'i' &&
		     convs[c] != 'u') || prec0)
			continue;
		snprintf(fmt, sizeof(fmt), "[%%%s%s%s%s%c]", flags[f], widths[w],
			 precs[p], lens[l], convs[c]);
		if (lens[l][0] == 'l' || lens[l][0] == 'z') {
			n_got = snprintf(got, sizeof(got), fmt, (long)values[v]);
			n_want = ref_snprintf(want, sizeof(want), fmt, (long)values[v]);
		} else {
			n_got = snprintf(got, sizeof(got), fmt, (int)values[v]);
			n_want = ref_snprintf(want, sizeof(want), fmt, (int)values[v]);
		}
		if (n_got != n_want || strcmp(got, want))
			fail_msg("format \"%s\" value %lld: got \"%s\" (%d), glibc \"%s\" (%d)",
				 fmt, values[v], got, n_got, want, n_want);
		checked++;
	}
	/* Strings and characters with every flag/width/precision. */
	for (f = 0; f < ARRAY_SIZE(flags); f++)
	for (w = 0; w < ARRAY_SIZE(widths); w++)
	for (p = 0; p < ARRAY_SIZE(precs); p++) {
		static const char *const strs[] = { "", "a", "hello", "hello, world!" };

		for (v = 0; v < ARRAY_SIZE(strs); v++) {
			if (strchr(flags[f], '0') || strchr(flags[f], '#') ||
			    strchr(flags[f], '+') || strchr(flags[f], ' '))
				continue;	/* undefined for %s in C */
			snprintf(fmt, sizeof(fmt), "[%%%s%s%ss]", flags[f], widths[w], precs[p]);
			snprintf(got, sizeof(got), fmt, strs[v]);
			ref_snprintf(want, sizeof(want), fmt, strs[v]);
			if (strcmp(got, want))
				fail_msg("format \"%s\" on \"%s\": got \"%s\", glibc \"%s\"",
					 fmt, strs[v], got, want);
			checked++;
		}
	}
	assert_true(checked > 30000);
}

/* Small output buffers: every size from 0 to beyond the length. */
static void test_every_buffer_size(void **state)
{
	static const char expect[] = "ffff888000100000 -12 abc";
	char buf[32];
	size_t size;

	(void)state;
	for (size = 0; size < sizeof(buf); size++) {
		int n;

		memset(buf, '#', sizeof(buf));
		n = snprintf(buf, size, "%px %d %s", (void *)0xffff888000100000UL, -12, "abc");
		assert_int_equal(n, sizeof(expect) - 1);
		if (size == 0) {
			assert_int_equal(buf[0], '#');
			continue;
		}
		assert_int_equal(strlen(buf), min(size - 1, sizeof(expect) - 1));
		assert_memory_equal(buf, expect, strlen(buf));
		if (size < sizeof(buf))
			assert_int_equal(buf[size], '#');	/* nothing written past size */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_decimal_flags_width),
		cmocka_unit_test(test_precision_integers),
		cmocka_unit_test(test_unsigned),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_octal),
		cmocka_unit_test(test_length_modifiers),
		cmocka_unit_test(test_char),
		cmocka_unit_test(test_string),
		cmocka_unit_test(test_string_bad_pointers),
		cmocka_unit_test(test_star_width_precision),
		cmocka_unit_test(test_pointer_before_key),
		cmocka_unit_test(test_siphash_vector),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_pointer_key_matters),
		cmocka_unit_test(test_no_hash_pointers),
		cmocka_unit_test(test_pointer_unknown_extension),
		cmocka_unit_test(test_pointer_symbols),
		cmocka_unit_test(test_truncation_return_value),
		cmocka_unit_test(test_scnprintf),
		cmocka_unit_test(test_sprintf_and_v_variants),
		cmocka_unit_test(test_size_above_int_max),
		cmocka_unit_test(test_unknown_conversions),
		cmocka_unit_test(test_huge_width_is_clamped),
		cmocka_unit_test(test_cross_check_with_glibc),
		cmocka_unit_test(test_every_buffer_size),
	};

	host_test_init();
	return cmocka_run_group_tests_name("vsprintf", tests, NULL, NULL);
}
