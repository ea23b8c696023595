// SPDX-License-Identifier: GPL-2.0
/*
 * exporter_main.c - a module of two objects (exporter-objs in Kbuild)
 * that exports functions to other modules.  Its __ksymtab is sorted by
 * name whatever the order of the EXPORT_SYMBOL()s in the sources.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <exporter.h>

int exporter_twice(int x)
{
	return exporter_add(x, x);
}
EXPORT_SYMBOL(exporter_twice);

static int __init exporter_init(void)
{
	pr_info("2 + 3 = %d, twice 21 = %d\n", exporter_add(2, 3), exporter_twice(21));
	return 0;
}

static void __exit exporter_exit(void)
{
	pr_info("gone\n");
}

module_init(exporter_init);
module_exit(exporter_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a composite module with exports");
