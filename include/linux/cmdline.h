/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The boot command line: splitting it into parameters and reading the
 * values (implemented in lib/cmdline.c).
 *
 * The command line is a string such as
 *
 *	loglevel=7 slab_debug=FZ shell=0 "msg=hello world" foo="a b" quiet
 *
 * Parameters are separated by runs of spaces, tabs or newlines.  Double
 * quotes group spaces into one parameter; quotes around the value (or
 * around the whole parameter) are removed.  Parsing happens in place: the
 * string is cut with NUL bytes and the param/value pointers point into
 * it, so nothing is allocated and the caller's buffer must be writable.
 */
#ifndef _LINUX_CMDLINE_H
#define _LINUX_CMDLINE_H

#include <linux/types.h>

/*
 * The handler parse_args() calls for each parameter.  @val is NULL for a
 * bare word ("quiet") and "" for "name=".  Return 0 if the parameter was
 * used, -ENOENT if it is unknown, another negative errno if @val is bad.
 */
typedef int (*cmdline_handler_t)(char *param, char *val, const char *doing,
				 void *arg);

char *next_arg(char *args, char **param, char **val);
int parse_args(const char *doing, char *args, cmdline_handler_t handle,
	       void *arg);
bool parameq(const char *a, const char *b);
unsigned long long memparse(const char *ptr, char **retptr);
int get_option(char **str, int *pint);

#endif /* _LINUX_CMDLINE_H */
