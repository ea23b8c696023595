/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The shell's line editor and argument parsing (kernel/shell_parse.c):
 * no hardware, no printing, so the same file is built into the kernel,
 * the host unit tests and a libFuzzer target.
 */
#ifndef _KERNEL_SHELL_PARSE_H
#define _KERNEL_SHELL_PARSE_H

#include <linux/types.h>
#include <linux/gfp_types.h>

/* A line holds at most SHELL_LINE_MAX - 1 characters (and the NUL). */
#define SHELL_LINE_MAX	128
/* At most this many words on a line (the command and its arguments). */
#define SHELL_ARGS_MAX	16
/* The longest echo of one input character ("\b \b"), with its NUL. */
#define SHELL_ECHO_MAX	4

/**
 * struct shell_line - a line being typed
 * @buf: the characters that fit, NUL-terminated when the line is done
 * @len: characters typed so far (after backspaces); more than fit in
 *	@buf when the line is too long
 * @echo: what to show the user for the last character fed, a string
 */
struct shell_line {
	char buf[SHELL_LINE_MAX];
	size_t len;
	char echo[SHELL_ECHO_MAX];
};

enum shell_line_state {
	SHELL_LINE_MORE,	/* go on feeding characters */
	SHELL_LINE_DONE,	/* Enter: the line is complete */
};

void shell_line_init(struct shell_line *line);
enum shell_line_state shell_line_feed(struct shell_line *line, int c);
bool shell_line_too_long(const struct shell_line *line);

/* Word separators: space and tab. */
static inline bool shell_is_separator(char c)
{
	return c == ' ' || c == '\t';
}

int shell_split(char *line, char **argv, int max_args);
int shell_parse_ulong(const char *s, unsigned long *val);
int shell_parse_gfp(char *const *words, int nr_words, gfp_t *gfp,
		    const char **bad, size_t *bad_len);
const char *shell_gfp_name(unsigned int i);

#endif /* _KERNEL_SHELL_PARSE_H */
