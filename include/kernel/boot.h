/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What start_kernel() learned at boot, for the code (and tests) that
 * need it later.
 */
#ifndef _KERNEL_BOOT_H
#define _KERNEL_BOOT_H

#include <linux/types.h>
#include <kernel/multiboot2.h>

extern struct boot_info boot_info;	/* the parsed multiboot2 information */
extern u64 ktest_expected_mem;		/* ktest_mem=SIZE: QEMU's -m, for tests */
extern bool panic_exits_qemu;		/* ktest= given: panic ends the run */

void start_kernel(u32 magic, unsigned long mbi_phys);

#endif /* _KERNEL_BOOT_H */
