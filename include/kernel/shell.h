/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel shell (kernel/shell.c, kernel/memmap.c). */
#ifndef _KERNEL_SHELL_H
#define _KERNEL_SHELL_H

#include <linux/compiler.h>

void shell_main(void);
void shell_execute(char *line);
__printf(1, 2) void shell_printf(const char *fmt, ...);
void cmd_memmap(int argc, char **argv);
/* kernel/module/kmod.c */
void cmd_insmod(int argc, char **argv);
void cmd_rmmod(int argc, char **argv);
void cmd_lsmod(int argc, char **argv);
void cmd_modinfo(int argc, char **argv);
void cmd_ls(int argc, char **argv);

#endif /* _KERNEL_SHELL_H */
