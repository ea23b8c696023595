// SPDX-License-Identifier: GPL-2.0
// fuzz-srcs: lib/vsprintf.c lib/string.c mm/debug.c
/*
 * Fuzz target for vsnprintf() and its family (lib/vsprintf.c).
 *
 * The first input byte picks how the rest is used:
 *
 *  even: a byte stream from which up to five conversions are built
 *        (flags, width or '*', precision or '.*', length modifier,
 *        conversion among "diouxXcs%") with literal text between them,
 *        and their arguments;
 *  odd:  the rest is the format itself, byte for byte, cut where it
 *        could consume more arguments than are passed; every argument
 *        is then a pointer to a fixed string (valid for %s, %pGg, %pS).
 *
 * Properties checked, besides the absence of crashes:
 *  - exact buffer sizes: the output in a heap buffer of exactly n bytes
 *    (AddressSanitizer traps a write past it) is the reference (the
 *    output for a buffer of the full length + 1) cut to n - 1 bytes plus
 *    a NUL, and the return value is the full length, for n = 0, 1, 2, 3,
 *    len - 1, len, len + 1 and one size taken from the input;
 *  - vsnprintf(NULL, 0) gives the full length; scnprintf() returns what
 *    it stored, min(len, n - 1); a size above INT_MAX is refused with 0;
 *  - for the built formats, the output equals glibc's snprintf() except
 *    in the four corners where Linux differs from C (listed at the top
 *    of lib/vsprintf.c), which are avoided.
 *
 * Arguments are passed as sixteen unsigned longs whatever the
 * conversions read: on x86_64 every integer or pointer variadic argument
 * takes one 8-byte register or stack slot, and va_arg(ap, int) reads the
 * low half of its slot, so one call fits every format.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include "fuzz.h"

#define NR_SLOTS	16
#define MAX_CONVS	5
#define FMT_MAX		4096
#define MAX_RAW_STARS	2

#define SLOTS(a) a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], \
		 a[9], a[10], a[11], a[12], a[13], a[14], a[15]

/* Arguments of %s: fixed texts, and one taken from the input. */
static const char *const texts[] = {
	"", "x", "hello", "kmalloc-64", "a much longer text, with spaces and 123",
};
static char arg_text[64] = "fuzz argument text (also read as a gfp_t)";

struct stream {
	const uint8_t *p;
	size_t n;
};

static unsigned int next_byte(struct stream *s)
{
	if (!s->n)
		return 0;
	s->n--;
	return *s->p++;
}

static unsigned long long next_u64(struct stream *s, unsigned int nbytes)
{
	unsigned long long v = 0;
	unsigned int i;

	for (i = 0; i < nbytes; i++)
		v |= (unsigned long long)next_byte(s) << (8 * i);
	return v;
}

/* A number 0..max-1 from two bytes. */
static int next_upto(struct stream *s, int max)
{
	return (int)(next_u64(s, 2) % max);
}

struct built {
	char fmt[FMT_MAX];
	size_t len;
	unsigned long slot[NR_SLOTS];
	int nr_slots;
	bool like_glibc;	/* no corner where Linux and C differ */
};

static void emit(struct built *b, const char *s)
{
	while (*s && b->len < FMT_MAX - 1)
		b->fmt[b->len++] = *s++;
	b->fmt[b->len] = '\0';
}

/* The bits of @v an integer conversion reads, given its length modifier. */
static unsigned long long truncated(unsigned long long v, const char *length)
{
	if (!strcmp(length, "hh"))
		return (unsigned char)v;
	if (!strcmp(length, "h"))
		return (unsigned short)v;
	if (!*length)
		return (unsigned int)v;
	return v;
}


/* Append one conversion to the format, and its arguments to the slots. */
static void build_one(struct built *b, struct stream *s)
{
	static const char convs[] = "diouxXcs%";
	static const char *const lengths[] = { "", "hh", "h", "l", "ll", "z", "t", "j" };
	char conv = convs[next_byte(s) % (sizeof(convs) - 1)];
	unsigned int fl = next_byte(s);
	bool is_int = strchr("diouxX", conv) != NULL;
	int width_kind = next_byte(s) % 3, prec_kind = next_byte(s) % 4;
	int precision = -1;
	const char *length = is_int ? lengths[next_byte(s) % 8] : "";
	unsigned long long value;
	char piece[32];

	emit(b, "%");
	if (conv == '%') {
		emit(b, "%");
		return;
	}
	if (fl & 1)
		emit(b, "-");
	if (is_int) {
		if (fl & 2)
			emit(b, "+");
		if (fl & 4)
			emit(b, " ");
		if (fl & 8)
			emit(b, "#");
		if (fl & 16)
			emit(b, "0");
	}
	if (width_kind == 1) {
		ref_snprintf(piece, sizeof(piece), "%d", next_upto(s, 1000));
		emit(b, piece);
	} else if (width_kind == 2) {
		emit(b, "*");
		b->slot[b->nr_slots++] = (unsigned long)(long)(next_upto(s, 1999) - 999);
	}
	if (conv != 'c' && prec_kind == 1) {
		precision = next_upto(s, 1000);
		ref_snprintf(piece, sizeof(piece), ".%d", precision);
		emit(b, piece);
	} else if (conv != 'c' && prec_kind == 2) {
		emit(b, ".");
		precision = 0;
	} else if (conv != 'c' && prec_kind == 3) {
		int p = next_upto(s, 1005) - 5;

		emit(b, ".*");
		b->slot[b->nr_slots++] = (unsigned long)(long)p;
		precision = p < 0 ? -1 : p;
	}
	emit(b, length);
	piece[0] = conv;
	piece[1] = '\0';
	emit(b, piece);

	if (conv == 's') {
		unsigned int pick = next_byte(s) % (ARRAY_SIZE(texts) + 1);

		b->slot[b->nr_slots++] = pick < ARRAY_SIZE(texts) ?
			(unsigned long)texts[pick] : (unsigned long)arg_text;
		return;
	}
	value = next_u64(s, 8);
	b->slot[b->nr_slots++] = value;
	if (!is_int)
		return;
	/* The four corners of lib/vsprintf.c's table. */
	value = truncated(value, length);	/* only its being 0 matters */
	if ((fl & 8) && strchr("xX", conv) && value == 0)
		b->like_glibc = false;
	if (precision == 0 && value == 0)
		b->like_glibc = false;
	if ((fl & 16) && !(fl & 1) && precision >= 0)
		b->like_glibc = false;
	if ((fl & 8) && conv == 'o' && precision >= 0)
		b->like_glibc = false;
}

static void build(struct built *b, struct stream *s)
{
	int nconv = next_byte(s) % (MAX_CONVS + 1), i;

	b->len = 0;
	b->fmt[0] = '\0';
	b->nr_slots = 0;
	b->like_glibc = true;
	for (i = 0; i <= nconv; i++) {
		/* literal text, '%' doubled */
		unsigned int n = next_byte(s) % 8;

		while (n--) {
			char c[2] = { (char)next_byte(s), '\0' };

			if (!c[0])
				c[0] = '.';
			emit(b, c);
			if (c[0] == '%')
				emit(b, "%");
		}
		if (i < nconv)
			build_one(b, s);
	}
}

/*
 * The raw format: cut where it might consume more than NR_SLOTS arguments
 * (each conversion takes at most one per '%' and one per '*'), or at its
 * third '*': a pointer read as a width is clamped to 4096, and sixteen
 * such fields would make every run slow.
 */
static void take_raw(struct built *b, struct stream *s)
{
	size_t i, uses = 0, stars = 0;

	b->len = 0;
	for (i = 0; i < s->n && i < FMT_MAX - 1 && s->p[i]; i++) {
		if (s->p[i] == '%' || s->p[i] == '*')
			uses++;
		if (s->p[i] == '*')
			stars++;
		if (uses > NR_SLOTS || stars > MAX_RAW_STARS)
			break;
		b->fmt[b->len++] = s->p[i];
	}
	b->fmt[b->len] = '\0';
	for (i = 0; i < NR_SLOTS; i++)
		b->slot[i] = (unsigned long)arg_text;
	b->nr_slots = NR_SLOTS;
	b->like_glibc = false;
}

static int call_vsnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

static int call_vscnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return ret;
}

/*
 * Check one exact buffer size @size against the reference output; with
 * @family, snprintf() and vscnprintf() too.
 */
static void check_size(const struct built *b, const char *ref, int len, size_t size,
		       bool family)
{
	char *buf = size ? host_malloc(size) : NULL;
	size_t kept = size ? min(size - 1, (size_t)len) : 0;
	int ret;

	if (buf)
		memset(buf, 0xa5, size);
	ret = call_vsnprintf(buf, size, b->fmt, SLOTS(b->slot));
	fuzz_check(ret == len, "vsnprintf(size %zu, \"%s\") returned %d, full length %d",
		   size, b->fmt, ret, len);
	fuzz_check(!size || (!memcmp(buf, ref, kept) && buf[kept] == '\0'),
		   "vsnprintf(size %zu, \"%s\") is not the reference cut to %zu bytes",
		   size, b->fmt, kept);
	if (!family)
		goto out;

	if (buf)
		memset(buf, 0xa5, size);
	ret = snprintf(buf, size, b->fmt, SLOTS(b->slot));
	fuzz_check(ret == len && (!size || (!memcmp(buf, ref, kept) && buf[kept] == '\0')),
		   "snprintf(size %zu, \"%s\") differs from vsnprintf()", size, b->fmt);

	if (buf)
		memset(buf, 0xa5, size);
	ret = call_vscnprintf(buf, size, b->fmt, SLOTS(b->slot));
	fuzz_check(ret == (int)kept && (!size || (!memcmp(buf, ref, kept) && buf[kept] == '\0')),
		   "vscnprintf(size %zu, \"%s\") returned %d, stored %zu", size, b->fmt,
		   ret, kept);
out:
	host_free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct built b;
	struct stream s = { data, size };
	unsigned int mode = next_byte(&s);
	size_t extra_size, text_len;
	char *ref, *glibc, one;
	int len, glibc_len;

	/* The last bytes also fill the %s argument text. */
	text_len = min(size, sizeof(arg_text) - 1);
	memcpy(arg_text, data + size - text_len, text_len);
	arg_text[text_len] = '\0';

	if (mode & 1)
		take_raw(&b, &s);
	else
		build(&b, &s);
	extra_size = next_u64(&s, 2);

	len = call_vsnprintf(NULL, 0, b.fmt, SLOTS(b.slot));
	fuzz_check(len >= 0, "vsnprintf(NULL, 0, \"%s\") returned %d", b.fmt, len);
	ref = host_malloc(len + 1);
	fuzz_check(call_vsnprintf(ref, len + 1, b.fmt, SLOTS(b.slot)) == len &&
		   ref[len] == '\0',
		   "vsnprintf(\"%s\") into len + 1 bytes is not %d bytes long", b.fmt, len);

	if (b.like_glibc) {
		glibc = host_malloc(len + 1);
		glibc_len = ref_snprintf(glibc, len + 1, b.fmt, SLOTS(b.slot));
		fuzz_check(glibc_len == len && !memcmp(glibc, ref, len + 1),
			   "\"%s\": the kernel prints \"%s\" (%d), glibc \"%s\" (%d)",
			   b.fmt, ref, len, glibc, glibc_len);
		host_free(glibc);
	}

	check_size(&b, ref, len, 0, true);
	check_size(&b, ref, len, 1, false);
	check_size(&b, ref, len, 2, false);
	check_size(&b, ref, len, 3, false);
	if (len > 3)
		check_size(&b, ref, len, len - 1, false);
	if (len > 2)
		check_size(&b, ref, len, len, true);
	check_size(&b, ref, len, len + 1, true);
	check_size(&b, ref, len, len + 2, false);
	check_size(&b, ref, len, extra_size % (len + 2), true);

	/* Linux refuses sizes above INT_MAX without touching the buffer. */
	one = 'k';
	fuzz_check(call_vsnprintf(&one, (size_t)INT_MAX + 1, b.fmt, SLOTS(b.slot)) == 0 &&
		   one == 'k', "vsnprintf() with size INT_MAX + 1 did not refuse");
	host_free(ref);
	return 0;
}
