// SPDX-License-Identifier: GPL-2.0
/*
 * Text to integer conversion: the strict kstrto*() family and the lenient
 * simple_strto*() family (see include/linux/kstrtox.h for the contract).
 *
 * Both families share two steps:
 *
 *   pick_base()    turns base 0 into 8, 10 or 16 by looking at the
 *                  prefix, and steps over a "0x" where one is allowed;
 *   parse_digits() accumulates digits of that base, noting overflow.
 *
 * The signed functions parse the magnitude as unsigned and then check
 * that it fits: -9223372036854775808 is accepted although its magnitude
 * does not fit in a long long.
 */
#include <linux/kstrtox.h>
#include <linux/export.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/limits.h>

/*
 * Choose the base for @s and return a pointer past any "0x" prefix.  With
 * base 0, "0x" counts as a prefix only if a hex digit follows, so "0x"
 * alone reads as the number 0 followed by 'x'.
 */
static const char *pick_base(const char *s, unsigned int *base)
{
	bool hex_prefix = s[0] == '0' && _tolower(s[1]) == 'x';

	if (*base == 0) {
		if (hex_prefix && isxdigit(s[2]))
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && hex_prefix)
		s += 2;
	return s;
}

/* The value of digit @c, or 16 (too big for any base) if it is none. */
static unsigned int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return _tolower(c) - 'a' + 10;
	return 16;
}

/*
 * Read the digits of @base at @s into *@res.  Return the number of digits
 * read; set *@overflow if the value did not fit (the result is then
 * meaningless).
 */
static size_t parse_digits(const char *s, unsigned int base,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long val = 0;
	size_t n = 0;
	unsigned int d;

	*overflow = false;
	while ((d = digit_value(s[n])) < base) {
		if (val > (ULLONG_MAX - d) / base)
			*overflow = true;
		val = val * base + d;
		n++;
	}
	*res = val;
	return n;
}

/**
 * kstrtoull - convert a string to an unsigned long long
 * @s: the string: an optional '+', the digits, an optional '\n'
 * @base: 2..16, or 0 to auto-detect from the prefix
 * @res: where to store the result on success
 *
 * Context: Any context.
 * Return: 0 on success, -EINVAL if @s is not a number of that base,
 * -ERANGE if the number does not fit.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long val;
	bool overflow;
	size_t n;

	if (base == 1 || base > 16)
		return -EINVAL;
	if (*s == '+')
		s++;
	s = pick_base(s, &base);
	n = parse_digits(s, base, &val, &overflow);
	if (n == 0)
		return -EINVAL;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = val;
	return 0;
}
EXPORT_SYMBOL(kstrtoull);

/**
 * kstrtoll - convert a string to a long long
 * @s: the string: an optional sign, the digits, an optional '\n'
 * @base: 2..16, or 0 to auto-detect from the prefix
 * @res: where to store the result on success
 *
 * Context: Any context.
 * Return: 0, -EINVAL or -ERANGE as kstrtoull().
 */
int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long mag;
	int ret;

	if (*s == '-') {
		ret = kstrtoull(s + 1, base, &mag);
		if (ret)
			return ret;
		if (mag > (unsigned long long)LLONG_MAX + 1)
			return -ERANGE;
		*res = (long long)(0ULL - mag);
		return 0;
	}
	ret = kstrtoull(s, base, &mag);
	if (ret)
		return ret;
	if (mag > LLONG_MAX)
		return -ERANGE;
	*res = mag;
	return 0;
}
EXPORT_SYMBOL(kstrtoll);

/**
 * kstrtoul - convert a string to an unsigned long
 * @s: the string
 * @base: 2..16, or 0 to auto-detect
 * @res: where to store the result on success
 *
 * Context: Any context.
 * Return: 0, -EINVAL or -ERANGE as kstrtoull().
 */
int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val > ULONG_MAX)
		return -ERANGE;
	*res = val;
	return 0;
}
EXPORT_SYMBOL(kstrtoul);

/**
 * kstrtol - convert a string to a long
 * @s: the string
 * @base: 2..16, or 0 to auto-detect
 * @res: where to store the result on success
 *
 * Context: Any context.
 * Return: 0, -EINVAL or -ERANGE as kstrtoull().
 */
int kstrtol(const char *s, unsigned int base, long *res)
{
	long long val;
	int ret = kstrtoll(s, base, &val);

	if (ret)
		return ret;
	if (val < LONG_MIN || val > LONG_MAX)
		return -ERANGE;
	*res = val;
	return 0;
}
EXPORT_SYMBOL(kstrtol);

/**
 * kstrtouint - convert a string to an unsigned int
 * @s: the string
 * @base: 2..16, or 0 to auto-detect
 * @res: where to store the result on success
 *
 * Context: Any context.
 * Return: 0, -EINVAL or -ERANGE as kstrtoull().
 */
int kstrtouint(const char *s, unsigned int base, unsigned int *res)
{
	unsigned long long val;
	int ret = kstrtoull(s, base, &val);

	if (ret)
		return ret;
	if (val > UINT_MAX)
		return -ERANGE;
	*res = val;
	return 0;
}
EXPORT_SYMBOL(kstrtouint);

/**
 * kstrtoint - convert a string to an int
 * @s: the string
 * @base: 2..16, or 0 to auto-detect
 * @res: where to store the result on success
 *
 * Context: Any context.
 * Return: 0, -EINVAL or -ERANGE as kstrtoull().
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	long long val;
	int ret = kstrtoll(s, base, &val);

	if (ret)
		return ret;
	if (val < INT_MIN || val > INT_MAX)
		return -ERANGE;
	*res = val;
	return 0;
}
EXPORT_SYMBOL(kstrtoint);

/**
 * kstrtobool - convert a yes/no string to a bool
 * @s: the string; only its first two characters are looked at, as in
 *     Linux 6.x: "1", "y", "t", "e" (yes, true, enable, either case) and
 *     "on" mean true; "0", "n", "f", "d" and "off" false
 * @res: where to store the result on success
 *
 * Context: Any context.
 * Return: 0 on success, -EINVAL if @s is none of those.
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case 'e': case 'E': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case 'd': case 'D': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (_tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (_tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);

/**
 * simple_strtoull - convert the start of a string to an unsigned long long
 * @cp: the string
 * @endp: if not NULL, set to the first character not converted
 * @base: 2..16, or 0 to auto-detect
 *
 * Context: Any context.
 * Return: the value of the longest valid prefix (0 if there is none, with
 * *@endp == @cp).  Overflow is not detected.
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	const char *digits = pick_base(cp, &base);
	unsigned long long val;
	bool overflow;
	size_t n;

	n = parse_digits(digits, base, &val, &overflow);
	if (endp) {
		if (n)
			*endp = (char *)digits + n;
		else if (digits != cp)
			*endp = (char *)cp + 1;	/* "0x" then junk: just the 0 */
		else
			*endp = (char *)cp;
	}
	return val;
}
EXPORT_SYMBOL(simple_strtoull);

/**
 * simple_strtoul - convert the start of a string to an unsigned long
 * @cp: the string
 * @endp: if not NULL, set to the first character not converted
 * @base: 2..16, or 0 to auto-detect
 *
 * Context: Any context.
 * Return: as simple_strtoull().
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoull(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtoul);

/**
 * simple_strtoll - convert the start of a string to a long long
 * @cp: the string, with an optional leading '-'
 * @endp: if not NULL, set to the first character not converted
 * @base: 2..16, or 0 to auto-detect
 *
 * Context: Any context.
 * Return: as simple_strtoull(), negated after a '-'.
 */
long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	if (*cp == '-') {
		char *end;
		unsigned long long mag = simple_strtoull(cp + 1, &end, base);

		if (endp)
			*endp = end == cp + 1 ? (char *)cp : end;
		return (long long)(0ULL - mag);
	}
	return simple_strtoull(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtoll);

/**
 * simple_strtol - convert the start of a string to a long
 * @cp: the string, with an optional leading '-'
 * @endp: if not NULL, set to the first character not converted
 * @base: 2..16, or 0 to auto-detect
 *
 * Context: Any context.
 * Return: as simple_strtoll().
 */
long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}
EXPORT_SYMBOL(simple_strtol);

/*
 * The narrow types, as Linux has them: through the wide conversion, then
 * -ERANGE when the value does not fit.
 */
#define KSTRTO_NARROW(name, type, wide, wide_fn, fits)			\
int name(const char *s, unsigned int base, type *res)			\
{									\
	wide val;							\
	int ret = wide_fn(s, base, &val);				\
									\
	if (ret)							\
		return ret;						\
	if (!(fits))							\
		return -ERANGE;						\
	*res = (type)val;						\
	return 0;							\
}									\
EXPORT_SYMBOL(name)

KSTRTO_NARROW(kstrtou16, u16, unsigned long long, kstrtoull, val <= U16_MAX);
KSTRTO_NARROW(kstrtos16, s16, long long, kstrtoll, val >= S16_MIN && val <= S16_MAX);
KSTRTO_NARROW(kstrtou8, u8, unsigned long long, kstrtoull, val <= U8_MAX);
KSTRTO_NARROW(kstrtos8, s8, long long, kstrtoll, val >= S8_MIN && val <= S8_MAX);
