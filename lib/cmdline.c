// SPDX-License-Identifier: GPL-2.0
/*
 * Boot command line parsing, Linux style.
 *
 * next_arg() is the tokenizer.  It finds the end of one parameter by
 * scanning for the first space that is not inside double quotes, notes
 * the first '=', and cuts the string there:
 *
 *	before:  a=1  b="x y"  c
 *	after:   a\01\0 b\0x y\0 c      param "a" val "1", then "b"/"x y", ...
 *
 * Every step reads only up to the string's terminating NUL and writes
 * only inside the token it has just scanned, so arbitrary input
 * (an unterminated quote, a lone '=', bytes >= 0x80, megabytes without
 * a space) is safe: the worst it can do is produce a strange token.
 *
 * parse_args() loops over next_arg() and hands each parameter to a
 * callback, reporting failures the way Linux does ("Unknown parameter
 * `foo'") so the callback only has to recognise names.  "--" ends the
 * kernel's part of the command line, as in Linux.
 *
 * memparse() and get_option() read the values: sizes with K/M/G/...
 * suffixes, and comma-separated integer lists.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/cmdline.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/errno.h>

/**
 * next_arg - cut the next parameter off a command line
 * @args: the command line, at the start of a parameter (no leading
 *        spaces; parse_args() skips them); it is modified in place
 * @param: set to the parameter name
 * @val: set to the value after the first '=', or NULL if there is none
 *
 * Double quotes protect spaces.  A quote at the start of the value, or
 * at the start of the whole parameter, is removed together with a quote
 * ending the token: both a="x y" and "a=x y" give param a, value x y.
 * The first '=' splits name and value even inside quotes; a token that
 * starts with '=' has the empty name "".
 *
 * Context: Any context.
 * Return: the start of the next parameter (leading whitespace skipped),
 * pointing at the terminating NUL when there are no more.
 */
char *next_arg(char *args, char **param, char **val)
{
	size_t i, equals = 0;
	bool in_quote = false, quoted = false;
	bool have_equals = false;

	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}

	for (i = 0; args[i]; i++) {
		if (isspace(args[i]) && !in_quote)
			break;
		if (!have_equals && args[i] == '=') {
			have_equals = true;
			equals = i;
		}
		if (args[i] == '"')
			in_quote = !in_quote;
	}
	/* Now args[0..i) is the token and args[i] is a space or the NUL. */

	*param = args;
	*val = NULL;
	if (have_equals) {
		args[equals] = '\0';
		*val = args + equals + 1;
		/* Strip quotes around the value.  i > equals, so args[i-1] is in the token. */
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		i++;
	}
	return skip_spaces(args + i);
}

/**
 * parse_args - split a command line and hand each parameter to a handler
 * @doing: what is being parsed, for messages ("Booting kernel")
 * @args: the command line; it is modified in place and the strings the
 *        handler receives point into it
 * @handle: called as handle(param, val, doing, arg) for each parameter
 * @arg: passed through to @handle
 *
 * Failures are printed, Linux style, and parsing goes on with the next
 * parameter: -ENOENT from the handler gives "DOING: Unknown parameter
 * `P'", any other error "DOING: `V' invalid for parameter `P'".  The
 * parameter "--" stops parsing (what follows is not for the kernel).
 *
 * Context: Any context (does not allocate).
 * Return: 0 if every parameter was accepted, otherwise the first error.
 */
int parse_args(const char *doing, char *args, cmdline_handler_t handle,
	       void *arg)
{
	char *param, *val;
	int err = 0, ret;

	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;
		ret = handle(param, val, doing, arg);
		if (ret == -ENOENT)
			pr_warn("%s: Unknown parameter `%s'\n", doing, param);
		else if (ret < 0)
			pr_err("%s: `%s' invalid for parameter `%s'\n",
			       doing, val ? val : "", param);
		if (ret < 0 && !err)
			err = ret;
	}
	return err;
}

/**
 * parameq - compare two parameter names
 * @a: one name
 * @b: the other
 *
 * As in Linux, '-' and '_' are the same character in parameter names, so
 * "slab-debug" matches "slab_debug".
 *
 * Context: Any context.
 * Return: true if the names are equal.
 */
bool parameq(const char *a, const char *b)
{
	for (;; a++, b++) {
		char ca = *a == '-' ? '_' : *a;
		char cb = *b == '-' ? '_' : *b;

		if (ca != cb)
			return false;
		if (!ca)
			return true;
	}
}

/**
 * memparse - parse a size with an optional binary suffix
 * @ptr: the string: a number (decimal, 0x hex or 0 octal) and optionally
 *       one of K, M, G, T, P, E in either case (powers of 1024)
 * @retptr: if not NULL, set to the first character after the size
 *
 * "64M" is 67108864, "0x1000" is 4096.  Overflow is not detected.
 *
 * Context: Any context.
 * Return: the size in bytes (0 if @ptr does not start with a number).
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long val = simple_strtoull(ptr, &end, 0);
	unsigned int shift = 0;

	switch (*end) {
	case 'E': case 'e':
		shift += 10;
		fallthrough;
	case 'P': case 'p':
		shift += 10;
		fallthrough;
	case 'T': case 't':
		shift += 10;
		fallthrough;
	case 'G': case 'g':
		shift += 10;
		fallthrough;
	case 'M': case 'm':
		shift += 10;
		fallthrough;
	case 'K': case 'k':
		shift += 10;
		end++;
		break;
	}
	if (retptr)
		*retptr = end;
	return val << shift;
}
EXPORT_SYMBOL(memparse);

/**
 * get_option - read one integer from a comma-separated list
 * @str: in: where to start reading; out: advanced past the integer and
 *       past a following comma
 * @pint: if not NULL, set to the integer read (an optional '-', then
 *        decimal, 0x hex or 0 octal)
 *
 * Loop with "while (get_option(&s, &v) == 2)" to read "1,2,3".
 *
 * Context: Any context.
 * Return: 0 if there was no integer (*@str unchanged), 1 if an integer
 * was read and nothing follows it, 2 if a comma followed (and was
 * skipped), 3 if a '-' followed (a range "2-5"; *@str points at the '-').
 */
int get_option(char **str, int *pint)
{
	char *cur = *str;
	char *end;
	int value;

	if (!cur || !*cur)
		return 0;
	/* Negate as unsigned: "-2147483648" must not negate INT_MIN as an int. */
	if (*cur == '-')
		value = (int)(0U - (unsigned int)simple_strtoull(cur + 1, &end, 0));
	else
		value = (int)simple_strtoull(cur, &end, 0);
	if (end == cur || (*cur == '-' && end == cur + 1))
		return 0;
	if (pint)
		*pint = value;
	*str = end;
	if (*end == ',') {
		(*str)++;
		return 2;
	}
	if (*end == '-')
		return 3;
	return 1;
}
EXPORT_SYMBOL(get_option);
