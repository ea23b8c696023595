/* SPDX-License-Identifier: GPL-2.0 */
/* <asm/param.h> - HZ: timer interrupts (jiffies) a second. */
#ifndef _ASM_X86_PARAM_H
#define _ASM_X86_PARAM_H

#define HZ		100
#define USER_HZ		100

#endif /* _ASM_X86_PARAM_H */
