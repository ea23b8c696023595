// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/cmdline.c: splitting command lines (quotes, runs of
 * whitespace, junk) into parameters, parse_args() and its messages,
 * memparse() and get_option(); and setup_fault_attr() (kernel/fault-inject.c),
 * the parser of failslab= and fail_page_alloc=.
 *
 * Junk inputs are copied into heap buffers of exactly their size, so
 * AddressSanitizer stops the test on a single byte read or written
 * outside the string.
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
#include <linux/cmdline.h>
#include <linux/fault-inject.h>

#define MAX_PARAMS 16

/* What parse_args() handed to the recording handler. */
struct seen {
	int n;
	char param[MAX_PARAMS][64];
	char val[MAX_PARAMS][64];	/* "<NULL>" for no value */
};

static int record(char *param, char *val, const char *doing, void *arg)
{
	struct seen *seen = arg;

	assert_string_equal(doing, "test");
	assert_true(seen->n < MAX_PARAMS);
	strscpy(seen->param[seen->n], param, sizeof(seen->param[0]));
	strscpy(seen->val[seen->n], val ? val : "<NULL>", sizeof(seen->val[0]));
	seen->n++;
	return 0;
}

/* Copy @s into an exact-size heap buffer, parse it, return what was seen. */
static struct seen *parse(const char *s)
{
	static struct seen seen;
	size_t len = strlen(s);
	char *copy = host_malloc(len + 1);

	memcpy(copy, s, len + 1);
	memset(&seen, 0, sizeof(seen));
	assert_int_equal(parse_args("test", copy, record, &seen), 0);
	host_free(copy);
	return &seen;
}

#define EXPECT(seen, i, p, v) do {					\
	assert_string_equal((seen)->param[i], p);			\
	assert_string_equal((seen)->val[i], v);				\
} while (0)

static void test_next_arg_basic(void **state)
{
	char line[] = "a=1 b c=\"quoted value\" d=";
	char *param, *val, *next;

	(void)state;
	next = next_arg(line, &param, &val);
	assert_string_equal(param, "a");
	assert_string_equal(val, "1");
	next = next_arg(next, &param, &val);
	assert_string_equal(param, "b");
	assert_null(val);
	next = next_arg(next, &param, &val);
	assert_string_equal(param, "c");
	assert_string_equal(val, "quoted value");
	next = next_arg(next, &param, &val);
	assert_string_equal(param, "d");
	assert_string_equal(val, "");
	assert_int_equal(*next, '\0');
	assert_ptr_equal(next, line + sizeof(line) - 1);
}

static void test_parse_args_kernel_line(void **state)
{
	struct seen *s;

	(void)state;
	s = parse("console=ttyS0,115200 loglevel=7 slab_debug=FZ,kmalloc-64 quiet");
	assert_int_equal(s->n, 4);
	EXPECT(s, 0, "console", "ttyS0,115200");
	EXPECT(s, 1, "loglevel", "7");
	EXPECT(s, 2, "slab_debug", "FZ,kmalloc-64");
	EXPECT(s, 3, "quiet", "<NULL>");
}

static void test_whitespace_runs(void **state)
{
	struct seen *s;

	(void)state;
	s = parse("  \t a=1 \t\n\n  b  \r\n");
	assert_int_equal(s->n, 2);
	EXPECT(s, 0, "a", "1");
	EXPECT(s, 1, "b", "<NULL>");

	assert_int_equal(parse("")->n, 0);
	assert_int_equal(parse(" \t\n\v\f\r ")->n, 0);
}

static void test_quotes(void **state)
{
	struct seen *s;

	(void)state;
	s = parse("\"msg=hello world\" x=\"a b\" y=\"\" \"z\"");
	assert_int_equal(s->n, 4);
	EXPECT(s, 0, "msg", "hello world");	/* quotes around the whole param */
	EXPECT(s, 1, "x", "a b");
	EXPECT(s, 2, "y", "");
	EXPECT(s, 3, "z", "<NULL>");

	s = parse("p=a\"b c\"d q");			/* quotes inside a value stay */
	assert_int_equal(s->n, 2);
	EXPECT(s, 0, "p", "a\"b c\"d");
	EXPECT(s, 1, "q", "<NULL>");

	s = parse("p=\"a\"b\" q");			/* odd quote: swallows the rest */
	assert_int_equal(s->n, 1);
	EXPECT(s, 0, "p", "a\"b\" q");

	s = parse("name=\"x=y\"");			/* only the first '=' splits */
	assert_int_equal(s->n, 1);
	EXPECT(s, 0, "name", "x=y");
}

static void test_junk(void **state)
{
	struct seen *s;

	(void)state;
	s = parse("a=\"unterminated value here");	/* runs to the end */
	assert_int_equal(s->n, 1);
	EXPECT(s, 0, "a", "unterminated value here");

	s = parse("\"");
	assert_int_equal(s->n, 1);
	EXPECT(s, 0, "", "<NULL>");

	s = parse("\"\" x");
	assert_int_equal(s->n, 2);
	EXPECT(s, 0, "", "<NULL>");
	EXPECT(s, 1, "x", "<NULL>");

	s = parse("=");
	assert_int_equal(s->n, 1);
	EXPECT(s, 0, "", "");

	s = parse("==");
	assert_int_equal(s->n, 1);
	EXPECT(s, 0, "", "=");

	s = parse("a==b =c x=\"");
	assert_int_equal(s->n, 3);
	EXPECT(s, 0, "a", "=b");
	EXPECT(s, 1, "", "c");
	EXPECT(s, 2, "x", "");

	s = parse("k\xc3\xa9=v\xff\x80 \xa0w");	/* bytes >= 0x80 are not spaces */
	assert_int_equal(s->n, 2);
	EXPECT(s, 0, "k\xc3\xa9", "v\xff\x80");
	EXPECT(s, 1, "\xa0w", "<NULL>");
}

static void test_very_long_token(void **state)
{
	const size_t len = 1 << 20;
	char *line = host_malloc(len + 1), *param, *val, *next;

	(void)state;
	memset(line, 'x', len);
	line[10] = '=';
	line[len] = '\0';
	next = next_arg(line, &param, &val);
	assert_int_equal(strlen(param), 10);
	assert_int_equal(strlen(val), len - 11);
	assert_ptr_equal(next, line + len);

	memset(line, '"', len);			/* a megabyte of quotes */
	line[len] = '\0';
	next = next_arg(line, &param, &val);
	assert_null(val);
	assert_ptr_equal(next, line + len);
	host_free(line);
}

/* Pseudo-random junk of every length: must never leave the buffer. */
static void test_random_junk(void **state)
{
	static const char alphabet[] = "ab=\" \t\n\x80\xff,";
	unsigned int seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t len = round % 40, i;
		char *line = host_malloc(len + 1);
		struct seen seen = { 0 };
		char *p;

		for (i = 0; i < len; i++) {
			seed = seed * 1103515245 + 12345;
			line[i] = alphabet[(seed >> 16) % (sizeof(alphabet) - 1)];
		}
		line[len] = '\0';
		p = skip_spaces(line);
		while (*p && seen.n < MAX_PARAMS) {
			char *param, *val, *next = next_arg(p, &param, &val);

			assert_true(next > p && next <= line + len);
			assert_true(param >= line && param <= line + len);
			assert_true(!val || (val >= line && val <= line + len));
			p = next;
			seen.n++;
		}
		host_free(line);
	}
}

static int picky(char *param, char *val, const char *doing, void *arg)
{
	int *calls = arg;

	(void)doing;
	(*calls)++;
	if (parameq(param, "loglevel"))
		return val && val[0] >= '0' && val[0] <= '9' ? 0 : -EINVAL;
	if (parameq(param, "slab_debug"))
		return 0;
	return -ENOENT;
}

static void test_parse_args_errors(void **state)
{
	char line[] = "loglevel=x bogus slab-debug=F loglevel=3 also_bogus=1";
	int calls = 0;

	(void)state;
	host_printk_reset();
	/* The first error is returned, but every parameter is still seen. */
	assert_int_equal(parse_args("Booting kernel", line, picky, &calls), -EINVAL);
	assert_int_equal(calls, 5);
	assert_string_equal(host_printk_text(),
			    "Booting kernel: `x' invalid for parameter `loglevel'\n"
			    "Booting kernel: Unknown parameter `bogus'\n"
			    "Booting kernel: Unknown parameter `also_bogus'\n");
}

static void test_parse_args_double_dash(void **state)
{
	char line[] = "a=1 -- init_arg b=2";
	struct seen seen = { 0 };

	(void)state;
	assert_int_equal(parse_args("test", line, record, &seen), 0);
	assert_int_equal(seen.n, 1);
	EXPECT(&seen, 0, "a", "1");
}

static void test_parameq(void **state)
{
	(void)state;
	assert_true(parameq("slab_debug", "slab_debug"));
	assert_true(parameq("slab-debug", "slab_debug"));
	assert_true(parameq("a-b_c", "a_b-c"));
	assert_false(parameq("slab", "slab_debug"));
	assert_false(parameq("slab_debug", "slab"));
	assert_true(parameq("", ""));
}

static void test_memparse(void **state)
{
	static const struct {
		const char *s;
		unsigned long long val;
		size_t used;
	} cases[] = {
		{ "100", 100, 3 },
		{ "1k", 1ULL << 10, 2 },
		{ "1K", 1ULL << 10, 2 },
		{ "64M", 64ULL << 20, 3 },
		{ "64m", 64ULL << 20, 3 },
		{ "2G", 2ULL << 30, 2 },
		{ "3t", 3ULL << 40, 2 },
		{ "1P", 1ULL << 50, 2 },
		{ "1e", 1ULL << 60, 2 },
		{ "0x1000", 4096, 6 },
		{ "0x10M", 16ULL << 20, 5 },
		{ "010", 8, 3 },
		{ "512M,foo", 512ULL << 20, 4 },
		{ "16X", 16, 2 },
		{ "abc", 0, 0 },
		{ "", 0, 0 },
		{ "M", 0, 1 },	/* as Linux: a suffix alone is 0 and is consumed */
	};
	size_t i;
	char *end;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		unsigned long long v = memparse(cases[i].s, &end);

		if (v != cases[i].val || end != cases[i].s + cases[i].used)
			fail_msg("memparse(\"%s\") = %llu, used %td; want %llu, %zu",
				 cases[i].s, v, end - cases[i].s, cases[i].val, cases[i].used);
	}
	assert_true(memparse("4K", NULL) == 4096);		/* retptr optional */
}

static void test_get_option(void **state)
{
	char line[] = "1,-2,0x10,3-7";
	char *s = line;
	int v = 99;

	(void)state;
	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, 1);
	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, -2);
	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, 16);
	assert_int_equal(get_option(&s, &v), 3);	/* a range follows */
	assert_int_equal(v, 3);
	assert_string_equal(s, "-7");
	assert_int_equal(get_option(&s, &v), 1);	/* "-7": the end */
	assert_int_equal(v, -7);
	assert_string_equal(s, "");
	assert_int_equal(get_option(&s, &v), 0);	/* nothing left */
}

/*
 * The extremes of int, and values beyond it (taken modulo 2^32, as a
 * cast does).  "-2147483648" used to negate INT_MIN as an int: undefined
 * behaviour, which UBSan stops here (found by tests/fuzz/cmdline_fuzz.c).
 */
static void test_get_option_int_limits(void **state)
{
	char line[] = "-2147483648,2147483647,-2147483647,4294967295,-4294967296";
	char *s = line;
	int v = 99;

	(void)state;
	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, INT_MIN);
	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, INT_MAX);
	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, -INT_MAX);
	assert_int_equal(get_option(&s, &v), 2);
	assert_int_equal(v, -1);
	assert_int_equal(get_option(&s, &v), 1);
	assert_int_equal(v, 0);
}

static void test_get_option_junk(void **state)
{
	char abc[] = "abc", dash[] = "-", empty[] = "", comma[] = ",1";
	char *s, *null = NULL;
	int v = 99;

	(void)state;
	s = abc;
	assert_int_equal(get_option(&s, &v), 0);
	assert_ptr_equal(s, abc);
	s = dash;
	assert_int_equal(get_option(&s, &v), 0);
	assert_ptr_equal(s, dash);
	s = empty;
	assert_int_equal(get_option(&s, &v), 0);
	s = comma;
	assert_int_equal(get_option(&s, &v), 0);
	assert_int_equal(get_option(&null, &v), 0);
	assert_int_equal(v, 99);			/* untouched throughout */
}

/* setup_fault_attr() of @s (copied): its result, @attr changed or not. */
static int fault_attr_of(struct fault_attr *attr, const char *s)
{
	size_t len = strlen(s);
	char *copy = host_malloc(len + 1);
	int ret;

	memcpy(copy, s, len + 1);
	host_printk_reset();
	ret = setup_fault_attr(attr, copy);
	host_free(copy);
	return ret;
}

/*
 * failslab=,,, used to be taken as four zeros (simple_strtoul of an
 * empty field); as in Linux, all four numbers are required, and a
 * refused string leaves the attribute alone.
 */
static void test_setup_fault_attr(void **state)
{
	static const char *const bad[] = {
		",,,", "", "1", "1,2", "1,2,3", "1,2,3,", ",1,2,3", "1,,2,3",
		"1,2,,3", "1,2,3,4,", "1,2,3,4,5", "a,b,c,d", "1,2,3,x",
		"-1,2,3,4", "1,-2,3,4", "1 ,2,3,4", "1,2,3,4 ", "1,2,3,-",
	};
	struct fault_attr attr = { .name = "failtest" };
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(fault_attr_of(&attr, bad[i]), -EINVAL);
		assert_non_null(strstr(host_printk_text(),
				       "FAULT_INJECTION: failed to parse arguments"));
		assert_int_equal(attr.times, 0);
		assert_int_equal(attr.interval, 0);
		assert_false(fault_injection_active);
	}
	assert_int_equal(setup_fault_attr(&attr, NULL), -EINVAL);

	assert_int_equal(fault_attr_of(&attr, "10,50,-1,-1"), 0);
	assert_int_equal(attr.interval, 10);
	assert_int_equal(attr.probability, 50);
	assert_int_equal(attr.space, -1);
	assert_int_equal(attr.times, -1);
	assert_non_null(strstr(host_printk_text(), "failtest: interval 10, probability 50"));
	assert_int_equal(fault_attr_of(&attr, "0x2,100,4096,3"), 0);
	assert_int_equal(attr.interval, 2);
	assert_int_equal(attr.space, 4096);
	assert_int_equal(attr.times, 3);
	assert_int_equal(fault_attr_of(&attr, "1,2,3,x"), -EINVAL);
	assert_int_equal(attr.times, 3);	/* unchanged by the refusal */
	fault_attr_clear(&attr);
	assert_false(fault_injection_active);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_next_arg_basic),
		cmocka_unit_test(test_parse_args_kernel_line),
		cmocka_unit_test(test_whitespace_runs),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_junk),
		cmocka_unit_test(test_very_long_token),
		cmocka_unit_test(test_random_junk),
		cmocka_unit_test(test_parse_args_errors),
		cmocka_unit_test(test_parse_args_double_dash),
		cmocka_unit_test(test_parameq),
		cmocka_unit_test(test_memparse),
		cmocka_unit_test(test_get_option),
		cmocka_unit_test(test_get_option_int_limits),
		cmocka_unit_test(test_get_option_junk),
		cmocka_unit_test(test_setup_fault_attr),
	};

	host_test_init();
	return cmocka_run_group_tests_name("cmdline", tests, NULL, NULL);
}
