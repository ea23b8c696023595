/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <kernel/bootfiles.h> - files the boot loader brought along.
 *
 * `make run MODULES="a.ko b.ko"` puts each file on the ISO and names it
 * in grub.cfg (module2 /boot/modules/a.ko a.ko); GRUB loads it and passes
 * a multiboot2 module tag (start, end, string).  The kernel keeps each as
 * a boot file known by that string (the file name), its memory reserved
 * from memblock and reached through the direct map.  insmod reads
 * modules from here; the shell's `ls` lists them.
 */
#ifndef _KERNEL_BOOTFILES_H
#define _KERNEL_BOOTFILES_H

#include <linux/types.h>

struct boot_file {
	const char *name;	/* the multiboot2 module string: "a.ko" */
	const void *data;	/* its bytes, in the direct map */
	size_t size;
};

/* How many boot files there are; and the @i-th (NULL past the end). */
unsigned int boot_file_count(void);
const struct boot_file *boot_file_get(unsigned int i);

/* The boot file called @name (a path's last component also matches). */
const struct boot_file *boot_file_find(const char *name);

struct boot_info;
/* Boot code only: record the module tags and memblock-reserve their memory. */
void boot_files_reserve(const struct boot_info *bi);

#endif /* _KERNEL_BOOTFILES_H */
