/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <kernel/module.h> - the module loader's kernel side (kernel/module/):
 * loading and unloading, the list of modules, symbol lookup for reports.
 * The ELF reading is in <kernel/module_elf.h>.
 */
#ifndef _KERNEL_MODULE_H
#define _KERNEL_MODULE_H

#include <linux/module.h>
#include <linux/types.h>

/* One module using another's exports: on both modules' lists. */
struct module_use {
	struct list_head source_list;	/* on target->source_list */
	struct list_head target_list;	/* on source->target_list */
	struct module *source, *target;
};

/* Where a section of a loaded module went (gdb: add-symbol-file -s). */
struct module_sect {
	const char *name;
	unsigned long addr;
};

/* A module's symbols for backtraces: sorted by address. */
struct mod_ksym {
	unsigned long addr, size;
	const char *name;		/* in the names blob after the array */
};

struct mod_kallsyms {
	unsigned int num;
	struct mod_ksym syms[];
};

int load_module_image(const char *filename, const void *data, size_t size,
		      const char *args);
int load_module_file(const char *filename, const char *args);
/* kmod's insmod and modinfo on a file already found (kernel/module/kmod.c) */
struct boot_file;
int kmod_insmod(const struct boot_file *f, int argc, char **argv);
void kmod_modinfo(const struct boot_file *f);
int delete_module(const char *name, bool force, char *users, size_t users_len);
struct module *find_module(const char *name);
unsigned int module_refcount(const struct module *mod);
void print_modules(void);
int module_list_print(char *buf, size_t size);
bool module_license_gpl_compatible(const char *license);

/* kallsyms: the module symbol containing @addr, or NULL. */
const char *module_address_lookup(unsigned long addr, unsigned long *size,
				  unsigned long *offset, const char **modname);
bool is_module_text_address(unsigned long addr);

/* Walk the loaded modules (caller holds module_mutex, or reports). */
extern struct list_head modules;
extern struct mutex module_mutex;

#endif /* _KERNEL_MODULE_H */
