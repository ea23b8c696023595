// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/shell_parse.c - what the shell does with the characters it reads,
 * before any command runs.
 *
 * Three steps, each a pure function of its input (no hardware, no
 * printing, no allocation), so that the host tests and a fuzzer can run
 * them as they are built into the kernel:
 *
 *   1. The line editor (shell_line_feed) takes one character at a time:
 *      printable characters are stored, Backspace removes the last one,
 *      Enter ends the line, a tab is stored (it separates words) and
 *      echoed as a space.  A line longer than SHELL_LINE_MAX - 1
 *      characters is never cut short silently: the editor keeps counting
 *      what is typed beyond the end of its buffer, so the shell can see
 *      that the line is too long and refuse it as a whole.  Backspacing
 *      back under the limit makes the line good again, because only the
 *      characters that did not fit were lost, and they have been erased.
 *
 *   2. shell_split() cuts the line into words at runs of spaces and tabs,
 *      in place.  More words than the caller has room for is an error,
 *      not a silent drop of the last ones.
 *
 *   3. The arguments: numbers are decimal ("010" is ten) or hex with a
 *      0x prefix, nothing else (no octal, no sign, no suffix); a number
 *      that does not fit in an unsigned long is an error.  GFP flags are
 *      written as in C, names joined by '|' ("GFP_KERNEL|__GFP_ZERO"); the
 *      names may also be given as separate words, which are OR-ed too.
 */
#include <linux/errno.h>
#include <linux/hex.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/string.h>
#include <kernel/shell_parse.h>

/* ---- 1. the line editor ------------------------------------------------------------ */

/**
 * shell_line_init - start a new, empty line
 * @line: the line
 *
 * Context: Any context.
 */
void shell_line_init(struct shell_line *line)
{
	line->len = 0;
	line->buf[0] = '\0';
	line->echo[0] = '\0';
}

/**
 * shell_line_feed - add one typed character to a line
 * @line: the line, from shell_line_init()
 * @c: the character (0..255; '\n' or '\r' is Enter, '\b' or DEL erases)
 *
 * Afterwards @line->echo holds what to show for @c (possibly nothing).
 * Control characters other than Enter, Backspace and tab are ignored.
 *
 * Return: SHELL_LINE_DONE when @c ended the line (@line->buf is then
 * NUL-terminated; see shell_line_too_long()), else SHELL_LINE_MORE.
 * Context: Any context.
 */
enum shell_line_state shell_line_feed(struct shell_line *line, int c)
{
	line->echo[0] = '\0';
	if (c == '\n' || c == '\r') {
		line->buf[min_t(size_t, line->len, SHELL_LINE_MAX - 1)] = '\0';
		strcpy(line->echo, "\n");
		return SHELL_LINE_DONE;
	}
	if (c == '\b' || c == 0x7f) {
		if (line->len) {
			line->len--;
			strcpy(line->echo, "\b \b");
		}
		return SHELL_LINE_MORE;
	}
	if (c < 0 || c > 0xff || (c < ' ' && c != '\t'))
		return SHELL_LINE_MORE;
	if (line->len < SHELL_LINE_MAX - 1)
		line->buf[line->len] = c;
	line->len++;
	line->echo[0] = c == '\t' ? ' ' : c;
	line->echo[1] = '\0';
	return SHELL_LINE_MORE;
}

/**
 * shell_line_too_long - did the line have more characters than fit?
 * @line: a line that shell_line_feed() reported done
 *
 * Return: true if @line->buf holds only the beginning of the line.
 * Context: Any context.
 */
bool shell_line_too_long(const struct shell_line *line)
{
	return line->len > SHELL_LINE_MAX - 1;
}

/* ---- 2. words ---------------------------------------------------------------------- */

/**
 * shell_split - cut a line into words at spaces and tabs, in place
 * @line: the line; separators are overwritten with NULs
 * @argv: room for @max_args words and a final NULL
 * @max_args: how many words the caller takes
 *
 * Return: the number of words (0 for an empty line), or -E2BIG when the
 * line has more than @max_args words (then @argv is not terminated).
 * Context: Any context.
 */
int shell_split(char *line, char **argv, int max_args)
{
	int argc = 0;

	for (;;) {
		while (shell_is_separator(*line))
			*line++ = '\0';
		if (!*line)
			break;
		if (argc == max_args)
			return -E2BIG;
		argv[argc++] = line;
		while (*line && !shell_is_separator(*line))
			line++;
	}
	argv[argc] = NULL;
	return argc;
}

/* ---- 3. arguments ------------------------------------------------------------------ */

/**
 * shell_parse_ulong - read a number: decimal, or hex with 0x
 * @s: the word
 * @val: where the value goes on success
 *
 * Leading zeros do not make a number octal.  Only digits are allowed
 * after the optional prefix: no sign, no spaces, no suffix.
 *
 * Return: 0; -EINVAL if @s is not a number; -ERANGE if it is one but does
 * not fit in an unsigned long.
 * Context: Any context.
 */
int shell_parse_ulong(const char *s, unsigned long *val)
{
	unsigned int base = 10, digit;
	unsigned long v = 0;
	bool overflow = false;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (!*s)
		return -EINVAL;
	for (; *s; s++) {
		int d = hex_to_bin(*s);	/* -1: not a hex digit */

		if (d < 0 || d >= (int)base)
			return -EINVAL;
		digit = d;
		if (v > (ULONG_MAX - digit) / base)
			overflow = true;
		v = v * base + digit;
	}
	if (overflow)
		return -ERANGE;
	*val = v;
	return 0;
}

/*
 * The flag names the shell accepts, with their values from
 * <linux/gfp_types.h>; mm/debug.c's table is the one for printing.
 * GFP_ZERO is the shell's older shorthand for __GFP_ZERO.
 */
static const struct {
	const char *name;
	gfp_t gfp;
} gfp_words[] = {
#define GFP_WORD(flag)	{ #flag, flag }
	GFP_WORD(GFP_KERNEL), GFP_WORD(GFP_ATOMIC), GFP_WORD(GFP_NOWAIT),
	GFP_WORD(GFP_NOIO), GFP_WORD(GFP_NOFS), GFP_WORD(GFP_USER),
	GFP_WORD(GFP_DMA), GFP_WORD(GFP_DMA32), GFP_WORD(__GFP_ZERO),
	GFP_WORD(__GFP_NOWARN), GFP_WORD(__GFP_NORETRY),
	GFP_WORD(__GFP_RETRY_MAYFAIL), GFP_WORD(__GFP_NOFAIL),
	GFP_WORD(__GFP_HIGH), GFP_WORD(__GFP_IO), GFP_WORD(__GFP_FS),
	GFP_WORD(__GFP_RECLAIM), GFP_WORD(__GFP_DIRECT_RECLAIM),
	GFP_WORD(__GFP_KSWAPD_RECLAIM), GFP_WORD(__GFP_DMA),
	GFP_WORD(__GFP_DMA32),
	{ "GFP_ZERO", __GFP_ZERO },
#undef GFP_WORD
};

/*
 * The bits that say how to allocate (may it sleep, reclaim, do I/O, use
 * the reserves).  Flags without any of them are modifiers (a zone,
 * __GFP_ZERO, __GFP_NOWARN...) and modify the default, GFP_KERNEL.
 */
#define GFP_HOW_MASK	(__GFP_RECLAIM | __GFP_HIGH | __GFP_ATOMIC | \
			 __GFP_IO | __GFP_FS)

/**
 * shell_gfp_name - the names shell_parse_gfp() knows, one by one
 * @i: 0, 1, ...
 *
 * Return: the @i-th name, or NULL past the last.
 * Context: Any context.
 */
const char *shell_gfp_name(unsigned int i)
{
	return i < ARRAY_SIZE(gfp_words) ? gfp_words[i].name : NULL;
}

static bool gfp_lookup(const char *name, size_t len, gfp_t *gfp)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(gfp_words); i++) {
		if (strlen(gfp_words[i].name) == len &&
		    !strncmp(gfp_words[i].name, name, len)) {
			*gfp = gfp_words[i].gfp;
			return true;
		}
	}
	return false;
}

/**
 * shell_parse_gfp - read GFP flags written as in C
 * @words: the words holding the flags ("GFP_ATOMIC|__GFP_ZERO", or
 *	"GFP_ATOMIC" "__GFP_ZERO", or "GFP_ATOMIC" "|" "__GFP_ZERO")
 * @nr_words: how many; none means GFP_KERNEL
 * @gfp: the OR of the named flags, on success
 * @bad: on failure, the offending text (not NUL-terminated) ...
 * @bad_len: ... and its length
 *
 * Every name is looked up; a '|' must stand between two names.  When the
 * names carry no bit of how to allocate (only modifiers such as GFP_DMA
 * or __GFP_ZERO), GFP_KERNEL is added, as when no flags are given.
 *
 * Return: 0; -ENOENT for an unknown name (@bad is that name); -EINVAL for
 * a '|' at the start, at the end or after another '|' (@bad is its word).
 * Context: Any context.
 */
int shell_parse_gfp(char *const *words, int nr_words, gfp_t *gfp,
		    const char **bad, size_t *bad_len)
{
	bool seen_name = false, bar_pending = false;
	gfp_t mask = 0, one;
	const char *word = "";
	int i;

	for (i = 0; i < nr_words; i++) {
		const char *p = words[i];

		word = p;
		while (*p) {
			size_t len = 0;

			if (*p == '|') {
				if (!seen_name || bar_pending)
					goto bad_bar;
				bar_pending = true;
				p++;
				continue;
			}
			while (p[len] && p[len] != '|')
				len++;
			if (!gfp_lookup(p, len, &one)) {
				*bad = p;
				*bad_len = len;
				return -ENOENT;
			}
			mask |= one;
			seen_name = true;
			bar_pending = false;
			p += len;
		}
	}
	if (bar_pending)
		goto bad_bar;
	if (!(mask & GFP_HOW_MASK))
		mask |= GFP_KERNEL;
	*gfp = mask;
	return 0;

bad_bar:
	*bad = word;
	*bad_len = strlen(word);
	return -EINVAL;
}
