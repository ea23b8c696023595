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

/*
 * What load_module_image() returns when the module's init oopsed, and
 * delete_module() when its exit did.  On Linux the oops kills the insmod
 * (or rmmod) process, its shell prints "Killed", and the module stays
 * ("Loading" or "Unloading"): rmmod refuses it from then on.  Here the
 * oops is caught in the loader, the module stays the same way, and the
 * shell's insmod and rmmod print what the killed process's shell would.
 * Kernel-internal, as Linux's errnos above 511 are.
 */
#define EOOPSKILLED	600

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

/* kernel/module/track.c: what the tracker knows of one live allocation */
struct module_alloc_info {
	unsigned long size;		/* bytes asked for (pages: the block) */
	gfp_t gfp;			/* the flags asked with */
	bool could_sleep;		/* asked where sleeping was allowed */
	unsigned long caller;		/* the call site in the module */
};
bool module_alloc_find(const void *addr, struct module_alloc_info *info);
/* kallsyms: the allocator a tracking entry point stands for, or NULL */
const char *module_track_alias(unsigned long start);

/* Walk the loaded modules (caller holds module_mutex, or reports). */
extern struct list_head modules;
extern struct mutex module_mutex;

#endif /* _KERNEL_MODULE_H */
