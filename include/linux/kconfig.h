/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/kconfig.h> - the configuration and the tests on it.
 *
 * Force-included into every kernel and module C file by the Makefile's
 * CFLAGS (-include include/linux/kconfig.h), as Linux's build does, so
 * CONFIG_X86 and friends are defined before the first line of any file.
 *
 * IS_BUILTIN(CONFIG_FOO) is 1 when CONFIG_FOO is defined as 1, else 0;
 * it works in C and in #if, where a plain defined() would not do for a
 * value.  How: the option's value is pasted onto __cfg_marker_, and only
 * __cfg_marker_1 is a macro, one that supplies an extra argument, so
 * that __cfg_second() picks 1 for it and 0 for anything else.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#include <generated/autoconf.h>

/* The byte order: x86_64 is little-endian (CONFIG_CPU_BIG_ENDIAN unset). */
#ifdef CONFIG_CPU_BIG_ENDIAN
#define __BIG_ENDIAN 4321
#else
#define __LITTLE_ENDIAN 1234
#endif
#define __LITTLE_ENDIAN_BITFIELD

#define __cfg_marker_1			~,
#define __cfg_second(first, second, ...) second
#define __cfg_pick(marker_or_junk)	__cfg_second(marker_or_junk 1, 0)
#define __cfg_is_1(value)		__cfg_pick(__cfg_marker_##value)

/* IS_BUILTIN(CONFIG_FOO): 1 when CONFIG_FOO is y (defined as 1). */
#define IS_BUILTIN(option)	__cfg_is_1(option)
/* IS_MODULE(CONFIG_FOO): 1 when CONFIG_FOO is m (CONFIG_FOO_MODULE). */
#define IS_MODULE(option)	__cfg_is_1(option##_MODULE)
/* IS_ENABLED(CONFIG_FOO): 1 when CONFIG_FOO is y or m. */
#define IS_ENABLED(option)	(IS_BUILTIN(option) || IS_MODULE(option))

#endif /* _LINUX_KCONFIG_H */
