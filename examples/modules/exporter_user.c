// SPDX-License-Identifier: GPL-2.0
/*
 * exporter_user.c - a module that uses the exporter module's exports, so
 * it loads only after exporter, and while it is loaded exporter is in
 * use: lsmod shows "exporter ... 1 exporter_user" and "rmmod exporter"
 * is refused with "Module exporter is in use by: exporter_user".
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <exporter.h>

static int __init exporter_user_init(void)
{
	pr_info("exporter_twice(50) = %d, exporter_gpl_only() = %d\n",
		exporter_twice(50), exporter_gpl_only());
	return 0;
}

static void __exit exporter_user_exit(void)
{
	pr_info("done with exporter\n");
}

module_init(exporter_user_init);
module_exit(exporter_user_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("uses the exporter module's symbols");
