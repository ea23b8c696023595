/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the files of kernel/module/ only. */
#ifndef _KERNEL_MODULE_INTERNAL_H
#define _KERNEL_MODULE_INTERNAL_H

#include <linux/export.h>
#include <linux/module.h>
#include <kernel/module_elf.h>

const struct kernel_symbol *find_symbol(const char *name, bool gpl_ok,
					struct module **owner);
/* kernel/module/kallsyms.c */
int module_build_kallsyms(struct module *mod, const struct mod_elf *elf);
bool module_text_or_data(const struct module *mod, unsigned long addr);
struct module *__module_address(unsigned long addr);
void module_fault_note_register(void);
int do_init_module(struct module *mod, bool *oopsed);
/* kernel/module/track.c */
const struct kernel_symbol *module_track_symbol(const char *name);
unsigned int module_check_leaks(struct module *mod);
void module_list_add(struct module *mod);
void module_list_del(struct module *mod);

#endif /* _KERNEL_MODULE_INTERNAL_H */
