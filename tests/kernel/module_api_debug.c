// SPDX-License-Identifier: GPL-2.0
/*
 * Half of tests/kernel/module_api_test.c: a file that defines DEBUG
 * before its includes, as the book's Makefiles do with -DDEBUG, so its
 * pr_debug() and print_hex_dump_bytes() print.  The suite calls these
 * and compares with the same calls in its own file, which has no DEBUG.
 */
#define DEBUG
#define pr_fmt(fmt) "api_debug: " fmt

#include <linux/module.h>
#include <linux/printk.h>

void module_api_debug_print(int n)
{
	pr_debug("debug line %d\n", n);
}

void module_api_debug_hexdump(const void *buf, size_t len)
{
	print_hex_dump_bytes("hx: ", DUMP_PREFIX_OFFSET, buf, len);
}
