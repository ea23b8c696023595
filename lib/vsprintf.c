// SPDX-License-Identifier: GPL-2.0
/*
 * printf-style formatting into a buffer: the engine under printk(),
 * snprintf() and every text report of the kernel.
 *
 * Design.  vsnprintf() walks the format once.  Every character of output
 * goes through put(), which stores it only while there is room and
 * counts it either way:
 *
 *	struct out { buf, size, pos }     pos counts ALL output;
 *	put(c): if (pos < size) buf[pos] = c; pos++;
 *
 * so truncation needs no special case anywhere, the return value "length
 * the output would have had" is simply the final pos, and the buffer is
 * terminated at min(pos, size - 1) at the end.  Positions are indices,
 * not pointers, so a huge size can never make a pointer wrap around.
 *
 * A conversion is parsed into a struct fmt_spec (flags, width,
 * precision, length modifier) and handed to one of three printers:
 * put_number() for the integers, put_padded() for %c and %s, and
 * put_pointer() for %p and its extensions (kallsyms, GFP flags; plain %p
 * prints a hash of the address, see put_hashed_pointer()).  The
 * number layout follows the C standard, piece by piece:
 *
 *	[spaces][sign][0x prefix][zeros][digits][spaces if '-' flag]
 *
 * where "zeros" comes from the precision and from the '0' flag.  The
 * layout is Linux's, which differs from the C standard in four corners
 * (the host tests pin each one down):
 *
 *	format		value	Linux/here	C
 *	"%#x"		0	"0x0"		"0"	(kallsyms prints "+0x0/0x80")
 *	"%.0d"		0	"0"		""
 *	"%08.3d"	7	"00000007"	"     007"
 *	"%#.3o"		8	"0010"		"010"
 *
 * What is left out: floating point (the kernel has none), %n (a classic
 * exploit primitive; Linux refuses it too), wide characters.  A
 * conversion this file does not know is copied to the output literally,
 * so a wrong format is visible in the log instead of silently eating an
 * argument.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/kallsyms.h>
#include <linux/mmdebug.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/random.h>

/* Flags of a conversion (the characters "-+ #0"). */
#define F_LEFT		0x01	/* '-': pad on the right */
#define F_PLUS		0x02	/* '+': always print a sign */
#define F_SPACE		0x04	/* ' ': space where a '+' would go */
#define F_SPECIAL	0x08	/* '#': 0x prefix / leading octal 0 */
#define F_ZEROPAD	0x10	/* '0': pad with zeros after sign and prefix */

/* Width and precision are clamped so that a silly format cannot spin. */
#define FIELD_MAX	4096

enum length_mod { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J };

struct fmt_spec {
	unsigned int flags;
	int width;		/* -1: none given */
	int precision;		/* -1: none given */
	enum length_mod length;
};

struct out {
	char *buf;
	size_t size;
	size_t pos;
};

static void put(struct out *o, char c)
{
	if (o->pos < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

/* Emit @len bytes of @s padded to the field width (for %s, %c, %pS). */
static void put_padded(struct out *o, const char *s, size_t len,
		       const struct fmt_spec *spec)
{
	int pad = spec->width > (int)len ? spec->width - (int)len : 0;

	if (!(spec->flags & F_LEFT))
		put_repeat(o, ' ', pad);
	while (len--)
		put(o, *s++);
	if (spec->flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

/* Can @ptr be dereferenced?  Linux prints these markers when not. */
static const char *bad_pointer(const void *ptr)
{
	if (!ptr)
		return "(null)";
	if ((uintptr_t)ptr < 4096 || (uintptr_t)ptr >= (uintptr_t)-MAX_ERRNO)
		return "(efault)";
	return NULL;
}

/* %s: NULL and pointers that cannot be valid print a marker instead. */
static void put_string(struct out *o, const char *s, const struct fmt_spec *spec)
{
	size_t max = spec->precision >= 0 ? (size_t)spec->precision : SIZE_MAX;
	const char *bad = bad_pointer(s);

	if (bad)
		s = bad;
	put_padded(o, s, strnlen(s, max), spec);
}

/*
 * Print the magnitude @num in @base.  @sign is '-', '+', ' ' or 0.  See the
 * layout in the comment at the top of the file.
 */
static void put_number(struct out *o, unsigned long long num, char sign,
		       unsigned int base, bool upper, const struct fmt_spec *spec)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char digits[24];	/* 64 bits in octal need 22 */
	const char *prefix = "";
	int ndigits = 0, zeros = 0, len, pad;

	if (spec->flags & F_SPECIAL) {
		if (base == 16)
			prefix = upper ? "0X" : "0x";	/* even for 0, as Linux */
		else if (base == 8 && num)
			prefix = "0";
	}
	do {				/* always at least one digit */
		digits[ndigits++] = set[num % base];
		num /= base;
	} while (num);
	if (spec->precision > ndigits)
		zeros = spec->precision - ndigits;

	len = (sign ? 1 : 0) + (int)strlen(prefix) + zeros + ndigits;
	pad = spec->width > len ? spec->width - len : 0;
	if ((spec->flags & F_ZEROPAD) && !(spec->flags & F_LEFT)) {
		zeros += pad;
		pad = 0;
	}

	if (!(spec->flags & F_LEFT))
		put_repeat(o, ' ', pad);
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	put_repeat(o, '0', zeros);
	while (ndigits)
		put(o, digits[--ndigits]);
	if (spec->flags & F_LEFT)
		put_repeat(o, ' ', pad);
}

/* %pGg: the gfp_t that @ptr points at, by name (mm/debug.c). */
static void put_gfp(struct out *o, const gfp_t *ptr, const struct fmt_spec *spec)
{
	char names[GFP_FLAGS_NAMES_MAX];
	const char *bad = bad_pointer(ptr);
	int len;

	if (bad) {
		put_padded(o, bad, strlen(bad), spec);
		return;
	}
	len = format_gfp_flags(names, sizeof(names), *ptr);
	put_padded(o, names, min((size_t)len, sizeof(names) - 1), spec);
}

/*
 * Hashed pointers.  A plain %p must not tell a reader of the log where
 * kernel objects live (that helps an attacker), yet it should still tell
 * two objects apart.  So, as Linux does, %p prints a keyed hash of the
 * address: SipHash-2-4 of the 64-bit address under a 128-bit key chosen
 * at boot, of which the top 32 bits are shown, zero-padded to the width
 * of a pointer ("00000000a1b2c3d4").  The same address gives the same
 * value for the whole boot, and a different one next boot.  %px prints
 * the real address; so does %p when the kernel was booted with
 * no_hash_pointers.  NULL and ERR_PTR values are printed as they are:
 * they are not addresses.  Until the key is set (early boot),
 * %p prints "(____ptrval____)".
 */
static u64 ptr_key[2];
static bool ptr_key_ready;
bool no_hash_pointers;
EXPORT_SYMBOL_GPL(no_hash_pointers);

static inline u64 rol64(u64 word, unsigned int shift)
{
	return (word << shift) | (word >> (64 - shift));
}

#define SIPROUND(v0, v1, v2, v3) do {					\
	v0 += v1; v1 = rol64(v1, 13); v1 ^= v0; v0 = rol64(v0, 32);	\
	v2 += v3; v3 = rol64(v3, 16); v3 ^= v2;				\
	v0 += v3; v3 = rol64(v3, 21); v3 ^= v0;				\
	v2 += v1; v1 = rol64(v1, 17); v1 ^= v2; v2 = rol64(v2, 32);	\
} while (0)

/**
 * siphash_1u64 - SipHash-2-4 of one 64-bit word (8 message bytes)
 * @first: the word, taken as its 8 little-endian bytes
 * @key: the two 64-bit halves of the key
 *
 * Context: Any context.
 * Return: the 64-bit hash.
 */
u64 siphash_1u64(u64 first, const u64 key[2])
{
	u64 v0 = key[0] ^ 0x736f6d6570736575ULL;
	u64 v1 = key[1] ^ 0x646f72616e646f6dULL;
	u64 v2 = key[0] ^ 0x6c7967656e657261ULL;
	u64 v3 = key[1] ^ 0x7465646279746573ULL;
	u64 last = 8ULL << 56;	/* the length byte; no bytes left over */

	v3 ^= first;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= first;
	v3 ^= last;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= last;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}
EXPORT_SYMBOL(siphash_1u64);

/**
 * hash_pointers_init - choose the key of %p's hash
 * @seed: boot-varying bits (the boot passes the time stamp counter)
 *
 * Context: Early boot, once; %p prints "(____ptrval____)" before it.
 */
void hash_pointers_init(u64 seed)
{
	ptr_key[0] = get_random_u64() ^ seed;
	ptr_key[1] = get_random_u64() ^ rol64(seed, 29);
	WRITE_ONCE(ptr_key_ready, true);
}

/**
 * ptr_to_hashval - the value %p prints for @ptr
 * @ptr: the address
 * @hashval_out: where the (32-bit) hash goes
 *
 * Context: Any context.
 * Return: 0, or -EAGAIN while the key is not chosen yet.
 */
int ptr_to_hashval(const void *ptr, unsigned long *hashval_out)
{
	if (!READ_ONCE(ptr_key_ready))
		return -EAGAIN;
	*hashval_out = (unsigned long)(siphash_1u64((unsigned long)ptr, ptr_key) >> 32);
	return 0;
}
EXPORT_SYMBOL_GPL(ptr_to_hashval);

/* "no_hash_pointers" on the command line: %p shows real addresses. */
static int __init no_hash_pointers_setup(char *val)
{
	no_hash_pointers = true;
	pr_warn("**********************************************************\n");
	pr_warn("**   NOTICE NOTICE NOTICE NOTICE NOTICE NOTICE NOTICE   **\n");
	pr_warn("**                                                      **\n");
	pr_warn("** This system shows unhashed kernel memory addresses   **\n");
	pr_warn("** via the console, logs, and other interfaces. This    **\n");
	pr_warn("** might reduce the security of your system.            **\n");
	pr_warn("**                                                      **\n");
	pr_warn("** If you see this message and you are not debugging    **\n");
	pr_warn("** the kernel, report this immediately to your system   **\n");
	pr_warn("** administrator!                                       **\n");
	pr_warn("**                                                      **\n");
	pr_warn("**   NOTICE NOTICE NOTICE NOTICE NOTICE NOTICE NOTICE   **\n");
	pr_warn("**********************************************************\n");
	return 0;
}
__setup("no_hash_pointers", no_hash_pointers_setup);

/* An address as a pointer-wide, zero-padded hex number (unless a width). */
static void put_address(struct out *o, unsigned long addr, struct fmt_spec *spec)
{
	spec->flags &= ~(F_PLUS | F_SPACE | F_SPECIAL);
	if (spec->width < 0) {
		spec->width = 2 * sizeof(void *);
		spec->flags |= F_ZEROPAD;
	}
	put_number(o, addr, 0, 16, false, spec);
}

/* %p, %pK and unknown extensions: the hash, as described above. */
static void put_hashed_pointer(struct out *o, void *ptr, struct fmt_spec *spec)
{
	unsigned long hashval;

	if (no_hash_pointers || !ptr || IS_ERR(ptr)) {
		put_address(o, (unsigned long)ptr, spec);
		return;
	}
	if (ptr_to_hashval(ptr, &hashval)) {
		spec->width = 2 * sizeof(void *);
		put_padded(o, "(____ptrval____)", 16, spec);
		return;
	}
	put_address(o, hashval, spec);
}

/*
 * %p and its extensions.  @ext points just after the 'p'.  Without a
 * width the value is zero-padded to 16 digits, as Linux does.
 */
static void put_pointer(struct out *o, const char *ext, void *ptr,
			struct fmt_spec *spec)
{
	char sym[KSYM_SYMBOL_LEN];
	unsigned long addr = (unsigned long)ptr;

	switch (*ext) {
	case 'G':
		if (ext[1] == 'g') {
			put_gfp(o, ptr, spec);
		} else {
			/* %pGp, %pGv: page and vma flags are not printed here */
			put_padded(o, "(%pG?)", 6, spec);
		}
		return;
	case 'S':
	case 'B':
		sprint_symbol(sym, addr);
		put_padded(o, sym, strnlen(sym, sizeof(sym)), spec);
		return;
	case 's':
		sprint_symbol_no_offset(sym, addr);
		put_padded(o, sym, strnlen(sym, sizeof(sym)), spec);
		return;
	case 'x':
		put_address(o, addr, spec);	/* %px: the real address */
		return;
	case 'a': {
		/* %pa[p]: *(phys_addr_t *), %pad: *(dma_addr_t *); never hashed */
		const char *bad = bad_pointer(ptr);

		if (bad) {
			put_padded(o, bad, strlen(bad), spec);
			return;
		}
		spec->flags |= F_SPECIAL | F_ZEROPAD;
		spec->width = 2 + 2 * sizeof(phys_addr_t);
		put_number(o, ext[1] == 'd' ? *(const dma_addr_t *)ptr :
			   *(const phys_addr_t *)ptr, 0, 16, false, spec);
		return;
	}
	}
	/* %p, %pK (kptr_restrict 0) and extensions not known here: hashed */
	put_hashed_pointer(o, ptr, spec);
}

/* Read a decimal field (width or precision) and clamp it to FIELD_MAX. */
static int read_field(const char **fmt)
{
	int val = 0;

	while (isdigit(**fmt)) {
		if (val < FIELD_MAX)
			val = val * 10 + (**fmt - '0');
		(*fmt)++;
	}
	return min(val, FIELD_MAX);
}

/*
 * Parse flags, width, precision and length of the conversion at @fmt
 * (just after the '%').  '*' fields are taken from @ap.  Return a pointer
 * to the conversion character.
 */
static const char *parse_spec(const char *fmt, struct fmt_spec *spec, va_list *ap)
{
	spec->flags = 0;
	spec->width = -1;
	spec->precision = -1;
	spec->length = LEN_NONE;

	for (;; fmt++) {
		if (*fmt == '-')
			spec->flags |= F_LEFT;
		else if (*fmt == '+')
			spec->flags |= F_PLUS;
		else if (*fmt == ' ')
			spec->flags |= F_SPACE;
		else if (*fmt == '#')
			spec->flags |= F_SPECIAL;
		else if (*fmt == '0')
			spec->flags |= F_ZEROPAD;
		else
			break;
	}

	if (*fmt == '*') {
		int w = va_arg(*ap, int);

		fmt++;
		if (w < 0) {		/* a negative '*' width means '-' */
			spec->flags |= F_LEFT;
			w = w == INT_MIN ? INT_MAX : -w;
		}
		spec->width = min(w, FIELD_MAX);
	} else if (isdigit(*fmt)) {
		spec->width = read_field(&fmt);
	}

	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			int p = va_arg(*ap, int);

			fmt++;
			spec->precision = p < 0 ? -1 : min(p, FIELD_MAX);
		} else {
			spec->precision = read_field(&fmt);	/* "%.d" is 0 */
		}
	}

	switch (*fmt) {
	case 'h':
		spec->length = fmt[1] == 'h' ? LEN_HH : LEN_H;
		fmt += spec->length == LEN_HH ? 2 : 1;
		break;
	case 'l':
		spec->length = fmt[1] == 'l' ? LEN_LL : LEN_L;
		fmt += spec->length == LEN_LL ? 2 : 1;
		break;
	case 'L':	/* Linux spells long long "%Lx" in places */
	case 'q':
		spec->length = LEN_LL;
		fmt++;
		break;
	case 'z':
		spec->length = LEN_Z;
		fmt++;
		break;
	case 't':
		spec->length = LEN_T;
		fmt++;
		break;
	case 'j':
		spec->length = LEN_J;
		fmt++;
		break;
	}
	return fmt;
}

/* Fetch a signed integer argument of the size the length modifier says. */
static long long get_signed(va_list *ap, enum length_mod length)
{
	switch (length) {
	case LEN_HH:	return (signed char)va_arg(*ap, int);
	case LEN_H:	return (short)va_arg(*ap, int);
	case LEN_L:	return va_arg(*ap, long);
	case LEN_LL:	return va_arg(*ap, long long);
	case LEN_Z:	return va_arg(*ap, ssize_t);
	case LEN_T:	return va_arg(*ap, ptrdiff_t);
	case LEN_J:	return va_arg(*ap, intmax_t);
	default:	return va_arg(*ap, int);
	}
}

/* Fetch an unsigned integer argument of the size the length modifier says. */
static unsigned long long get_unsigned(va_list *ap, enum length_mod length)
{
	switch (length) {
	case LEN_HH:	return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H:	return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L:	return va_arg(*ap, unsigned long);
	case LEN_LL:	return va_arg(*ap, unsigned long long);
	case LEN_Z:	return va_arg(*ap, size_t);
	case LEN_T:	return (unsigned long)va_arg(*ap, ptrdiff_t);
	case LEN_J:	return va_arg(*ap, uintmax_t);
	default:	return va_arg(*ap, unsigned int);
	}
}

/**
 * vsnprintf - format a string into a buffer
 * @buf: the buffer (may be NULL when @size is 0)
 * @size: the size of the buffer in bytes, including room for the NUL
 * @fmt: the format, see include/linux/sprintf.h
 * @args: the arguments
 *
 * Context: Any context.
 * Return: the number of characters the complete output has, excluding
 * the NUL, even if it did not all fit (so "ret >= size" means the output
 * was truncated).  A @size above INT_MAX is refused with 0, as in Linux.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size, .pos = 0 };
	struct fmt_spec spec;
	const char *start;
	va_list ap;

	if (size > INT_MAX)
		return 0;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		start = fmt;
		fmt = parse_spec(fmt + 1, &spec, &ap);

		switch (*fmt) {
		case 'd':
		case 'i': {
			long long v = get_signed(&ap, spec.length);
			char sign = 0;

			if (v < 0)
				sign = '-';
			else if (spec.flags & F_PLUS)
				sign = '+';
			else if (spec.flags & F_SPACE)
				sign = ' ';
			put_number(&o, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v,
				   sign, 10, false, &spec);
			break;
		}
		case 'u':
			put_number(&o, get_unsigned(&ap, spec.length), 0, 10, false, &spec);
			break;
		case 'x':
		case 'X':
			put_number(&o, get_unsigned(&ap, spec.length), 0, 16,
				   *fmt == 'X', &spec);
			break;
		case 'o':
			put_number(&o, get_unsigned(&ap, spec.length), 0, 8, false, &spec);
			break;
		case 'c': {
			char c = (char)va_arg(ap, int);

			put_padded(&o, &c, 1, &spec);
			break;
		}
		case 's':
			put_string(&o, va_arg(ap, const char *), &spec);
			break;
		case 'p':
			put_pointer(&o, fmt + 1, va_arg(ap, void *), &spec);
			while (isalnum(fmt[1]))	/* the extension belongs to %p */
				fmt++;
			break;
		case '%':
			put(&o, '%');
			break;
		default:
			/* Unknown or cut short ("%5" at the end): copy it as text. */
			while (start < fmt)
				put(&o, *start++);
			if (!*fmt)
				goto done;
			put(&o, *fmt);
			break;
		}
		fmt++;
	}
done:
	va_end(ap);

	if (size)
		buf[min(o.pos, size - 1)] = '\0';
	return (int)o.pos;
}
EXPORT_SYMBOL(vsnprintf);

/**
 * vscnprintf - format a string into a buffer, counting what was stored
 * @buf: the buffer
 * @size: the size of the buffer in bytes
 * @fmt: the format
 * @args: the arguments
 *
 * Context: Any context.
 * Return: the number of characters stored in @buf, excluding the NUL:
 * at most @size - 1, and 0 when @size is 0.
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if ((size_t)len < size)
		return len;
	return size ? (int)size - 1 : 0;
}
EXPORT_SYMBOL(vscnprintf);

/**
 * snprintf - format a string into a buffer
 * @buf: the buffer
 * @size: the size of the buffer in bytes
 * @fmt: the format
 *
 * Context: Any context.
 * Return: as vsnprintf(): the length of the complete output.
 */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL(snprintf);

/**
 * scnprintf - format a string into a buffer, counting what was stored
 * @buf: the buffer
 * @size: the size of the buffer in bytes
 * @fmt: the format
 *
 * Context: Any context.
 * Return: as vscnprintf(): the number of characters stored.
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL(scnprintf);

/**
 * vsprintf - format a string into a buffer of unknown size
 * @buf: the buffer; it must be large enough
 * @fmt: the format
 * @args: the arguments
 *
 * Prefer vsnprintf() or vscnprintf(), which cannot overrun.
 *
 * Context: Any context.
 * Return: the number of characters stored, excluding the NUL.
 */
int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, INT_MAX, fmt, args);
}
EXPORT_SYMBOL(vsprintf);

/**
 * sprintf - format a string into a buffer of unknown size
 * @buf: the buffer; it must be large enough
 * @fmt: the format
 *
 * Context: Any context.
 * Return: the number of characters stored, excluding the NUL.
 */
int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL(sprintf);
