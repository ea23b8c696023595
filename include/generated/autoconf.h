/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <generated/autoconf.h> - the kernel configuration, as Linux's Kconfig
 * writes it.  This kernel has one configuration, so the file is kept by
 * hand: the options code written for Linux tests to learn what machine
 * it runs on.  Every C file gets it through <linux/kconfig.h>, which the
 * Makefile force-includes (-include), as Linux's build does.
 */
#ifndef _GENERATED_AUTOCONF_H
#define _GENERATED_AUTOCONF_H

#define CONFIG_X86 1
#define CONFIG_X86_64 1
#define CONFIG_64BIT 1
#define CONFIG_MMU 1
#define CONFIG_SLUB 1
#define CONFIG_MODULES 1
#define CONFIG_MODULE_UNLOAD 1
#define CONFIG_PRINTK 1
#define CONFIG_HZ 100
#define CONFIG_DEBUG_KMEMLEAK 1
#define CONFIG_SMP 1
#define CONFIG_NR_CPUS 8
#define CONFIG_PAGE_SHIFT 12

#endif /* _GENERATED_AUTOCONF_H */
