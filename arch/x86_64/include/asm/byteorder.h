/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <asm/byteorder.h> - x86_64 is little-endian.  As in Linux the macro
 * itself (__LITTLE_ENDIAN, and no __BIG_ENDIAN) comes from
 * <linux/kconfig.h>, which every file gets first; this header is kept
 * for code that includes it by name.
 */
#ifndef _ASM_X86_BYTEORDER_H
#define _ASM_X86_BYTEORDER_H

#include <linux/kconfig.h>

#endif /* _ASM_X86_BYTEORDER_H */
