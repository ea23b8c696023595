// SPDX-License-Identifier: GPL-2.0
/*
 * Boot parameters.
 *
 * The command line is split by lib/cmdline.c; each "name=value" or bare
 * "name" is looked up in the table that __setup() builds in the
 * .init.setup section (see <linux/init.h>).  An unknown parameter, or a
 * value its handler rejects, gets a warning that names it: a typo in a
 * lab's command line should never pass silently.
 */
#include <linux/kernel.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/string.h>

extern const struct obs_kernel_param __setup_start[], __setup_end[];

char boot_command_line[COMMAND_LINE_SIZE];
static char parse_buf[COMMAND_LINE_SIZE];

/* Does table entry @p ("name=" or "name") take this param/val? */
static bool setup_matches(const struct obs_kernel_param *p, const char *param,
			  const char *val)
{
	size_t n = strlen(p->str);

	if (n && p->str[n - 1] == '=')
		return val && strlen(param) == n - 1 && !strncmp(p->str, param, n - 1);
	return !val && !strcmp(p->str, param);
}

static int do_boot_param(char *param, char *val, const char *doing, void *arg)
{
	const struct obs_kernel_param *p;

	(void)doing;
	(void)arg;
	for (p = __setup_start; p < __setup_end; p++) {
		if (!setup_matches(p, param, val))
			continue;
		if (p->setup_func(val) < 0)
			pr_warn("Malformed boot parameter \"%s=%s\", ignored\n",
				param, val ? val : "");
		return 0;
	}
	pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored\n",
		param, val ? "=" : "", val ? val : "");
	return 0;
}

/**
 * parse_boot_params - apply the boot command line
 * @cmdline: the loader's command line (may be NULL)
 *
 * GRUB puts the kernel's path first ("/boot/kernel.elf loglevel=7"); a
 * first word starting with '/' is taken as that path and skipped.  A
 * line longer than COMMAND_LINE_SIZE - 1 characters is cut there, with a
 * warning that names the limit.
 *
 * Context: Early boot.
 */
void parse_boot_params(const char *cmdline)
{
	char *args = parse_buf;

	if (strscpy(boot_command_line, cmdline ? cmdline : "", COMMAND_LINE_SIZE) < 0)
		pr_warn("Command line of %zu characters is too long: the limit is %d (COMMAND_LINE_SIZE - 1), the rest is ignored\n",
			strlen(cmdline), COMMAND_LINE_SIZE - 1);
	strscpy(parse_buf, boot_command_line, COMMAND_LINE_SIZE);
	pr_info("Command line: %s\n", boot_command_line);

	while (*args == ' ')
		args++;
	if (*args == '/') {
		while (*args && *args != ' ')
			args++;
	}
	parse_args("Booting kernel", args, do_boot_param, NULL);
}
