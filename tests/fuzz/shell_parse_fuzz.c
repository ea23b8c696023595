// SPDX-License-Identifier: GPL-2.0
// fuzz-srcs: kernel/shell_parse.c lib/hexdump.c lib/string.c
/*
 * libFuzzer target for kernel/shell_parse.c, the shell's line editor,
 * word splitter, number and GFP-flag parsers.  Beyond "no crash, no
 * out-of-bounds access" (ASan; every string is in a heap buffer of
 * exactly its size) it checks what the shell relies on:
 *
 *   - the line editor against a model (a plain array of what was typed):
 *     the length it counts, the text it keeps, "too long" exactly when
 *     the line has more than SHELL_LINE_MAX - 1 characters;
 *   - the words: non-empty, no separator inside, inside the line, in
 *     order, together exactly the line's non-separator characters; as
 *     many as the line has runs of them (or -E2BIG when too many);
 *   - numbers: accepted exactly when the word is decimal digits or 0x and
 *     hex digits and the value fits (-ERANGE when it does not); the value
 *     printed back reads the same; any 64-bit value printed in decimal
 *     and in hex parses back to itself;
 *   - GFP flags against a second, simpler reading of the same words.
 *
 * Build (the fuzz helper does this for each tests/fuzz/NAME_fuzz.c, with
 * the host tests' include flags):
 *   clang -fsanitize=fuzzer,address,undefined -std=gnu11 -ffreestanding \
 *     -fno-builtin -g -Iinclude -Itests/host/arch -Iarch/x86_64/include \
 *     -include tests/host/host_rename.h tests/fuzz/shell_parse_fuzz.c \
 *     kernel/shell_parse.c lib/string.c -o build/fuzz/shell_parse
 * Seeds: tests/fuzz/corpus/shell_parse/.
 */
#include <stddef.h>
#include <stdint.h>

#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/limits.h>
#include <linux/string.h>
#include <kernel/shell_parse.h>

void *malloc(size_t size);
void free(void *ptr);

#define CHECK(cond) do { if (!(cond)) __builtin_trap(); } while (0)

static char *dup_bytes(const uint8_t *data, size_t len)
{
	char *s = malloc(len + 1);

	CHECK(s);
	memcpy(s, data, len);
	s[len] = '\0';
	return s;
}

/* ---- the line editor against a model ---- */

static void check_line_editor(const uint8_t *data, size_t size)
{
	struct shell_line line;
	static char model[1 << 16];
	size_t mlen = 0, i;

	shell_line_init(&line);
	for (i = 0; i < size; i++) {
		int c = data[i];
		enum shell_line_state st = shell_line_feed(&line, c);

		CHECK(strlen(line.echo) < SHELL_ECHO_MAX);
		if (c == '\n' || c == '\r') {
			CHECK(st == SHELL_LINE_DONE);
			CHECK(line.len == mlen);
			CHECK(shell_line_too_long(&line) == (mlen > SHELL_LINE_MAX - 1));
			CHECK(strlen(line.buf) == min_t(size_t, mlen, SHELL_LINE_MAX - 1));
			CHECK(!memcmp(line.buf, model, strlen(line.buf)));
			shell_line_init(&line);
			mlen = 0;
			continue;
		}
		CHECK(st == SHELL_LINE_MORE);
		if (c == '\b' || c == 0x7f) {
			if (mlen)
				mlen--;
		} else if (c >= ' ' || c == '\t') {
			if (mlen < sizeof(model))
				model[mlen] = c;
			mlen++;
			CHECK((unsigned char)line.echo[0] == (c == '\t' ? ' ' : c));
		} else {
			CHECK(!line.echo[0]);		/* ignored */
		}
		CHECK(line.len == mlen);
	}
}

/* ---- words ---- */

static int count_runs(const char *s)
{
	int n = 0;

	for (; *s; s++)
		if (!shell_is_separator(*s) && (s[1] == '\0' || shell_is_separator(s[1])))
			n++;
	return n;
}

/* Split @s (kept intact) into a heap copy; check; return argc. */
static int check_split(const char *s, char *copy, size_t len, char **argv,
		       int max_args)
{
	int argc = shell_split(copy, argv, max_args);
	int runs = count_runs(s);
	size_t at = 0;
	int i;

	if (argc < 0) {
		CHECK(argc == -E2BIG && runs > max_args);
		return argc;
	}
	CHECK(argc == runs && argv[argc] == NULL);
	for (i = 0; i < argc; i++) {
		size_t wlen = strlen(argv[i]);
		size_t j;

		CHECK(wlen > 0);
		CHECK(argv[i] >= copy && argv[i] + wlen <= copy + len);
		CHECK(i == 0 || argv[i] > argv[i - 1]);
		for (j = 0; j < wlen; j++)
			CHECK(!shell_is_separator(argv[i][j]));
		/* the words are the line's non-separator characters, in order */
		while (shell_is_separator(s[at]))
			at++;
		CHECK(!memcmp(s + at, argv[i], wlen));
		at += wlen;
		CHECK(s[at] == '\0' || shell_is_separator(s[at]));
	}
	while (shell_is_separator(s[at]))
		at++;
	CHECK(s[at] == '\0');
	return argc;
}

/* ---- numbers ---- */

static unsigned int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* Write @v in @base (10 or 16, hex with 0x) into @buf; return it. */
static char *format_ulong(char *buf, unsigned long v, unsigned int base)
{
	char tmp[32];
	int n = 0, i = 0;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (base == 16) {
		buf[i++] = '0';
		buf[i++] = 'x';
	}
	while (n)
		buf[i++] = tmp[--n];
	buf[i] = '\0';
	return buf;
}

static void check_number(const char *w)
{
	unsigned int base = 10;
	const char *digits = w;
	unsigned __int128 ref = 0;
	bool syntax = true, big = false;
	unsigned long v = 0x5a5a;
	int ret = shell_parse_ulong(w, &v);
	char back[40];
	const char *p;

	if (w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) {
		base = 16;
		digits = w + 2;
	}
	if (!*digits)
		syntax = false;
	for (p = digits; *p && syntax; p++) {
		if (hexval(*p) >= base)
			syntax = false;
		else if (!big) {
			ref = ref * base + hexval(*p);
			big = ref > ULONG_MAX;
		}
	}
	if (!syntax) {
		CHECK(ret == -EINVAL && v == 0x5a5a);
		return;
	}
	if (big) {
		CHECK(ret == -ERANGE && v == 0x5a5a);
		return;
	}
	CHECK(ret == 0 && v == (unsigned long)ref);
	/* printed back: the same digits, leading zeros aside */
	while (digits[0] == '0' && digits[1])
		digits++;
	format_ulong(back, v, base);
	p = base == 16 ? back + 2 : back;
	CHECK(strlen(p) == strlen(digits));
	for (; *p; p++, digits++)
		CHECK(hexval(*p) == hexval(*digits));
}

static void check_roundtrip(unsigned long v)
{
	char buf[40];
	unsigned long got;

	CHECK(shell_parse_ulong(format_ulong(buf, v, 10), &got) == 0 && got == v);
	CHECK(shell_parse_ulong(format_ulong(buf, v, 16), &got) == 0 && got == v);
}

/* ---- GFP flags, read a second time by a simpler reader ---- */

static bool ref_lookup(const char *name, size_t len, gfp_t *gfp)
{
	static const struct { const char *name; gfp_t gfp; } names[] = {
		{ "GFP_KERNEL", GFP_KERNEL }, { "GFP_ATOMIC", GFP_ATOMIC },
		{ "GFP_NOWAIT", GFP_NOWAIT }, { "GFP_NOIO", GFP_NOIO },
		{ "GFP_NOFS", GFP_NOFS }, { "GFP_USER", GFP_USER },
		{ "GFP_DMA", GFP_DMA }, { "GFP_DMA32", GFP_DMA32 },
		{ "GFP_ZERO", __GFP_ZERO }, { "__GFP_ZERO", __GFP_ZERO },
		{ "__GFP_NOWARN", __GFP_NOWARN }, { "__GFP_NORETRY", __GFP_NORETRY },
		{ "__GFP_RETRY_MAYFAIL", __GFP_RETRY_MAYFAIL },
		{ "__GFP_NOFAIL", __GFP_NOFAIL }, { "__GFP_HIGH", __GFP_HIGH },
		{ "__GFP_IO", __GFP_IO }, { "__GFP_FS", __GFP_FS },
		{ "__GFP_RECLAIM", __GFP_RECLAIM },
		{ "__GFP_DIRECT_RECLAIM", __GFP_DIRECT_RECLAIM },
		{ "__GFP_KSWAPD_RECLAIM", __GFP_KSWAPD_RECLAIM },
		{ "__GFP_DMA", __GFP_DMA }, { "__GFP_DMA32", __GFP_DMA32 },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (strlen(names[i].name) == len && !memcmp(names[i].name, name, len)) {
			*gfp = names[i].gfp;
			return true;
		}
	return false;
}

static void check_gfp(char **words, int n)
{
	const char *bad = NULL;
	size_t bad_len = 0;
	gfp_t gfp = 0x5a5a5a, want = 0, one = 0;
	int ret = shell_parse_gfp(words, n, &gfp, &bad, &bad_len);
	int want_ret = 0, i;
	/* the tokens in order: names and bars; the first error wins */
	enum { START, NAME, BAR } last = START;
	const char *want_bad = NULL;
	size_t want_bad_len = 0;

	for (i = 0; i < n && !want_ret; i++) {
		const char *p = words[i];

		while (*p && !want_ret) {
			const char *end = p;

			if (*p == '|') {
				if (last != NAME) {
					want_ret = -EINVAL;
					want_bad = words[i];
					want_bad_len = strlen(words[i]);
				}
				last = BAR;
				p++;
				continue;
			}
			while (*end && *end != '|')
				end++;
			if (!ref_lookup(p, end - p, &one)) {
				want_ret = -ENOENT;
				want_bad = p;
				want_bad_len = end - p;
			}
			want |= one;
			last = NAME;
			p = end;
		}
	}
	if (!want_ret && last == BAR) {
		want_ret = -EINVAL;
		want_bad = words[n - 1];
		want_bad_len = strlen(words[n - 1]);
	}
	CHECK(ret == want_ret);
	if (ret) {
		CHECK(gfp == 0x5a5a5a);
		CHECK(bad == want_bad && bad_len == want_bad_len);
		return;
	}
	if (!(want & (__GFP_RECLAIM | __GFP_HIGH | __GFP_ATOMIC | __GFP_IO | __GFP_FS)))
		want |= GFP_KERNEL;
	CHECK(gfp == want);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[SHELL_ARGS_MAX + 1];
	char *s, *copy;
	size_t len;
	int argc, i, max_args;

	check_line_editor(data, size);
	if (size >= sizeof(unsigned long)) {
		unsigned long v;

		memcpy(&v, data, sizeof(v));
		check_roundtrip(v);
		check_roundtrip(v >> (data[0] & 63));
	}

	/* the bytes up to the first NUL as a line, as the editor hands it on */
	s = dup_bytes(data, size);
	len = strlen(s);
	copy = dup_bytes((const uint8_t *)s, len);
	max_args = size ? data[0] % (SHELL_ARGS_MAX + 1) : SHELL_ARGS_MAX;
	check_split(s, copy, len, argv, max_args);
	memcpy(copy, s, len + 1);
	argc = check_split(s, copy, len, argv, SHELL_ARGS_MAX);
	if (argc > 0) {
		for (i = 0; i < argc; i++)
			check_number(argv[i]);
		check_gfp(argv, argc);
		check_gfp(argv + 1, argc - 1);
	}
	check_number(s);
	free(copy);
	free(s);
	return 0;
}
