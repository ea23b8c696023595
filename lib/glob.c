// SPDX-License-Identifier: GPL-2.0
/*
 * Shell-style wildcard matching: '*' matches any run of characters, '?'
 * one character, anything else itself.  Used by ktest= and the shell's
 * test command to pick suites.
 *
 * The classic iterative algorithm: on a mismatch after a '*', retry
 * with the '*' swallowing one more character.  Only the last '*' needs
 * remembering, so this is linear in practice and never recurses.
 */
#include <linux/glob.h>
#include <linux/export.h>

/**
 * glob_match - does @str match the pattern @pat?
 * @pat: pattern with * and ?
 * @str: the string to test
 *
 * Return: true on a match of the whole string.
 * Context: Any context.
 */
bool glob_match(const char *pat, const char *str)
{
	const char *star_pat = NULL, *star_str = NULL;

	while (*str) {
		if (*pat == '*') {
			star_pat = ++pat;
			star_str = str;
		} else if (*pat == '?' || *pat == *str) {
			pat++;
			str++;
		} else if (star_pat) {
			pat = star_pat;
			str = ++star_str;
		} else {
			return false;
		}
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}
EXPORT_SYMBOL(glob_match);
