// SPDX-License-Identifier: GPL-2.0
/* exporter_util.c - the exporter module's second object. */
#include <linux/export.h>
#include <exporter.h>

int exporter_add(int a, int b)
{
	return a + b;
}
EXPORT_SYMBOL(exporter_add);

int exporter_gpl_only(void)
{
	return 42;
}
EXPORT_SYMBOL_GPL(exporter_gpl_only);
