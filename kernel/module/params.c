// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/params.c - a minimal module_parse_args(), weak: the
 * full one (every param_ops_*, arrays, quoting) lives with the
 * parameter types and replaces this one when it is linked in.  This one
 * splits "name=value" words, calls each known parameter's ops->set() and
 * prints Linux's two messages.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

__weak int module_parse_args(const char *modname, char *args,
			     const struct kernel_param *params, unsigned int num)
{
	char *word, *next = args;

	while (next && *next) {
		char *val;
		unsigned int i;
		int err;

		word = skip_spaces(next);
		for (next = word; *next && *next != ' ' && *next != '\t'; next++)
			;
		if (*next)
			*next++ = '\0';
		if (!*word)
			continue;
		val = strchr(word, '=');
		if (val)
			*val++ = '\0';
		for (i = 0; i < num; i++)
			if (!strcmp(params[i].name, word))
				break;
		if (i == num) {
			pr_warn("%s: unknown parameter '%s' ignored\n", modname, word);
			continue;
		}
		err = params[i].ops->set(val, &params[i]);
		if (err) {
			pr_err("%s: `%s' invalid for parameter `%s'\n", modname,
			       val ?: "", word);
			return err;
		}
	}
	return 0;
}
