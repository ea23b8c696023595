// SPDX-License-Identifier: GPL-2.0
// fuzz-srcs: lib/cmdline.c lib/kstrtox.c lib/string.c
/*
 * Fuzz target for the boot command line parser (lib/cmdline.c):
 * next_arg() through parse_args(), memparse() and get_option().
 *
 * Input: a command line (up to its first NUL byte), parsed in a heap
 * buffer of exactly its size, so AddressSanitizer stops on any byte read
 * or written outside it.
 *
 * Properties checked, besides the absence of crashes and undefined
 * behaviour:
 *  - parse_args() hands the handler exactly the parameters a reference
 *    tokenizer finds (written here from the rules in lib/cmdline.c's
 *    comments, on indices rather than by cutting the string), in order,
 *    with names and values pointing into the buffer; "--" stops it; its
 *    return value is the handler's first error;
 *  - memparse() and get_option() agree with reference readers of
 *    numbers (decimal, 0x hex, 0 octal, wrapping modulo 2^64, K/M/G/T/P/E
 *    suffixes) on the whole line and on every value.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/cmdline.h>
#include "fuzz.h"

#define MAX_LEN		4096
#define MAX_PARAMS	(MAX_LEN / 2 + 1)

/* One parameter: offsets into the line; val_start < 0 for no value. */
struct tok {
	long param_start, param_end;
	long val_start, val_end;
};

static struct tok want[MAX_PARAMS], got[MAX_PARAMS];
static int nr_want, nr_got;
static const char *line;	/* the unmodified input */
static char *buf;		/* what parse_args() works on */
static size_t len;
static int first_err;

/*
 * The reference tokenizer.  A parameter runs to the first whitespace
 * outside double quotes; a quote at its very start is dropped, and so is
 * a quote at its very end when the parameter started with one, or when
 * the value (after the first '=') starts with one.
 */
static void reference_tokens(void)
{
	size_t pos = 0;

	nr_want = 0;
	while (pos < len && isspace(line[pos]))
		pos++;
	while (pos < len) {
		struct tok *t = &want[nr_want];
		size_t start = pos, end, eq, cut;
		bool quoted = false, in_quote;

		if (line[start] == '"') {
			quoted = true;
			start++;
		}
		in_quote = quoted;
		for (end = start; end < len; end++) {
			if (isspace(line[end]) && !in_quote)
				break;
			if (line[end] == '"')
				in_quote = !in_quote;
		}
		for (eq = start; eq < end && line[eq] != '='; eq++)
			;
		cut = end;	/* where the token's text stops */
		t->val_start = -1;
		if (eq < end) {
			t->val_start = eq + 1;
			if (eq + 1 < end && line[eq + 1] == '"') {
				t->val_start = eq + 2;
				if (line[end - 1] == '"')
					cut = end - 1;
			}
		}
		if (quoted && end > start && line[end - 1] == '"')
			cut = end - 1;
		t->param_start = start;
		t->param_end = eq < end ? eq : cut;
		if (t->val_start >= 0)
			t->val_end = max((long)cut, t->val_start);

		if (t->val_start < 0 && t->param_end - t->param_start == 2 &&
		    !strncmp(line + start, "--", 2))
			break;
		nr_want++;
		pos = end < len ? end + 1 : end;
		while (pos < len && isspace(line[pos]))
			pos++;
	}
}

/* The handler: record where the strings are; fail on some names. */
static int record(char *param, char *val, const char *doing, void *arg)
{
	struct tok *t = &got[nr_got];
	int ret = 0;

	fuzz_check(arg == &got && !strcmp(doing, "fuzz"),
		   "parse_args() passed the wrong doing/arg to the handler");
	fuzz_check(nr_got < MAX_PARAMS, "more than %d parameters", MAX_PARAMS);
	fuzz_check(param >= buf && param < buf + len + 1 &&
		   (!val || (val >= buf && val < buf + len + 1)),
		   "parameter %d points outside the line", nr_got);
	t->param_start = param - buf;
	t->param_end = t->param_start + strlen(param);
	t->val_start = val ? val - buf : -1;
	t->val_end = val ? t->val_start + (long)strlen(val) : 0;
	nr_got++;

	/* Exercise parse_args()'s error paths: the first error is returned. */
	if (param[0] == 'N')
		ret = -ENOENT;
	else if (param[0] == 'E')
		ret = -EINVAL;
	if (ret && !first_err)
		first_err = ret;
	return ret;
}

static bool same_text(long a_start, long a_end, const char *b, long b_start,
		      long b_end)
{
	return a_end - a_start == b_end - b_start &&
	       !memcmp(line + a_start, b + b_start, a_end - a_start);
}

static void check_parse_args(void)
{
	int i, ret;

	reference_tokens();
	nr_got = 0;
	first_err = 0;
	host_printk_reset();
	ret = parse_args("fuzz", buf, record, &got);
	fuzz_check(nr_got == nr_want, "parse_args() found %d parameters, the reference %d",
		   nr_got, nr_want);
	for (i = 0; i < nr_got; i++) {
		struct tok *g = &got[i], *w = &want[i];

		fuzz_check(same_text(w->param_start, w->param_end, buf,
				     g->param_start, g->param_end),
			   "parameter %d: name at %ld..%ld, the reference says %ld..%ld",
			   i, g->param_start, g->param_end, w->param_start, w->param_end);
		fuzz_check((g->val_start < 0) == (w->val_start < 0),
			   "parameter %d: value present %d, the reference says %d",
			   i, g->val_start >= 0, w->val_start >= 0);
		if (g->val_start >= 0)
			fuzz_check(same_text(w->val_start, w->val_end, buf,
					     g->val_start, g->val_end),
				   "parameter %d: value at %ld..%ld, the reference says %ld..%ld",
				   i, g->val_start, g->val_end, w->val_start, w->val_end);
	}
	fuzz_check(ret == first_err, "parse_args() returned %d, the first error was %d",
		   ret, first_err);
}

/*
 * Reference number reader: base from the prefix as simple_strtoull()
 * with base 0 documents it, value modulo 2^64.  Returns the characters
 * used (0: no number).
 */
static size_t ref_number(const char *s, unsigned long long *val)
{
	unsigned int base = 10;
	size_t i = 0, first;

	*val = 0;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isxdigit(s[2])) {
		base = 16;
		i = 2;
	} else if (s[0] == '0') {
		base = 8;
	}
	for (first = i;; i++) {
		char c = s[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			break;
		if (d >= base)
			break;
		*val = *val * base + d;
	}
	return i == first ? 0 : i;
}

static void check_memparse(const char *s)
{
	static const char suffixes[] = "KMGTPE";
	unsigned long long want_val, got_val;
	size_t n = ref_number(s, &want_val);
	const char *suffix;
	char *end;

	got_val = memparse(s, &end);
	suffix = s[n] ? strchr(suffixes, toupper(s[n])) : NULL;
	if (suffix) {
		want_val <<= 10 * (suffix - suffixes + 1);
		n++;
	}
	fuzz_check(got_val == want_val && end == s + n,
		   "memparse(\"%s\") = %llu ending at +%ld, the reference says %llu at +%zu",
		   s, got_val, (long)(end - s), want_val, n);
	fuzz_check(memparse(s, NULL) == got_val, "memparse(\"%s\", NULL) differs", s);
}

/* Read the list @s as "while (get_option(&s, &v) == 2)" does, step by step. */
static void check_get_option(char *s)
{
	int step, ret, want_ret, v, want_v;

	for (step = 0; step < MAX_LEN; step++) {
		char *before = s, *want_end;
		bool neg = *s == '-';
		unsigned long long mag;
		size_t n = *s ? ref_number(s + neg, &mag) : 0;

		want_ret = 0;
		want_end = s;
		if (n) {
			want_v = (int)(unsigned int)(neg ? 0ULL - mag : mag);
			want_end = s + neg + n;
			want_ret = *want_end == ',' ? 2 : *want_end == '-' ? 3 : 1;
		}
		v = 0x5a5a5a5a;
		ret = get_option(&s, &v);
		fuzz_check(ret == want_ret,
			   "get_option(\"%s\") returned %d, the reference says %d",
			   before, ret, want_ret);
		if (!ret) {
			fuzz_check(s == before && v == 0x5a5a5a5a,
				   "get_option(\"%s\") returned 0 but moved or wrote", before);
			return;
		}
		fuzz_check(v == want_v && s == want_end + (ret == 2),
			   "get_option(\"%s\") read %d up to +%ld, the reference says %d up to +%ld",
			   before, v, (long)(s - before), want_v,
			   (long)(want_end + (ret == 2) - before));
		if (ret != 2)
			return;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy;
	int i;

	len = strnlen((const char *)data, size);
	if (len > MAX_LEN)
		return 0;
	line = fuzz_strdup_exact(data, len);
	buf = fuzz_strdup_exact(data, len);
	check_parse_args();

	/* memparse() and get_option() on the line and on every value. */
	copy = fuzz_strdup_exact(line, len);
	check_memparse(copy);
	check_get_option(copy);
	host_free(copy);
	for (i = 0; i < nr_got; i++) {
		if (got[i].val_start < 0)
			continue;
		check_memparse(buf + got[i].val_start);
		check_get_option(buf + got[i].val_start);
	}
	host_free(buf);
	host_free((char *)line);
	return 0;
}
