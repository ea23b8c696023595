/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/module.h> - what a loadable module is, seen from its source.
 *
 * A module is built with -DMODULE -DKBUILD_MODNAME=name into name.ko, an
 * ELF relocatable object (the Kbuild-compatible build: make -C TREE
 * M=DIR modules).  What the loader needs from it is found by name:
 *
 *   init_module / cleanup_module  symbols, aliases of the functions given
 *                                 to module_init() and module_exit()
 *   .modinfo                      "tag=value" strings: license, author,
 *                                 description, version, alias, parm,
 *                                 parmtype (MODULE_LICENSE() ...)
 *   __param                       struct kernel_param, one per parameter
 *   __ksymtab, __ksymtab_gpl      its own exports, sorted by name
 *   __this_module                 an undefined symbol the loader resolves
 *                                 to the module's struct module, so that
 *                                 THIS_MODULE works in module code
 *
 * Code built into the kernel (no MODULE) may use the same macros: its
 * module_init() function runs at boot as an initcall and THIS_MODULE is
 * NULL, as in Linux.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/stat.h>
#include <linux/types.h>
/*
 * What Linux's <linux/module.h> brings in on the way (through kobject.h,
 * kmod.h, elf.h ...) and modules use without including it: errno values,
 * the string functions, BUG/WARN, gfp flags and PAGE_SIZE, current and
 * the scheduler, locks and wait queues.
 */
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/bug.h>
#include <linux/gfp.h>
#include <asm/page.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#define MODULE_NAME_LEN		56	/* 64 - sizeof(unsigned long), as Linux */

enum module_state {
	MODULE_STATE_LIVE,	/* init done */
	MODULE_STATE_COMING,	/* being initialized */
	MODULE_STATE_GOING,	/* exit running, or init failed */
	MODULE_STATE_UNFORMED,	/* still being laid out */
};

/*
 * A loaded module, as the loader (kernel/module/) keeps it.  Fields
 * past name are the loader's; module code reads only name (through
 * module_name()).
 */
struct mod_kallsyms;

struct module {
	enum module_state state;
	struct list_head list;		/* in the list of loaded modules */
	char name[MODULE_NAME_LEN];

	int (*init)(void);
	void (*exit)(void);

	/* the loader's own fields follow (kernel/module/main.c) */
	void *core;			/* core part: text | rodata | data */
	unsigned long core_size;
	unsigned long core_text_size;	/* bytes of text at core's start */
	unsigned long core_ro_end;	/* text and rodata end here (page) */
	struct module_sect *sects;	/* each loaded section's address */
	unsigned int num_sects;		/* (for gdb's lx-symbols) */
	void *init_mem;			/* init part, NULL once freed */
	unsigned long init_addr;	/* where it was (names in reports) */
	unsigned long init_size;
	unsigned long init_text_size;
	struct mod_kallsyms *kallsyms;	/* its symbols, by address */
	struct kernel_symbol *syms;	/* its exports, sorted by name */
	unsigned int num_syms;
	struct kernel_symbol *gpl_syms;	/* its _GPL exports */
	unsigned int num_gpl_syms;
	struct list_head source_list;	/* struct module_use: who uses me */
	struct list_head target_list;	/* struct module_use: whom I use */
	char *args;			/* insmod's parameters, kept (charp) */
	const struct kernel_param *kp;	/* its __param section */
	unsigned int num_kp;
	bool gpl_compatible;
	unsigned long taints;		/* TAINT_* bits it added */
	struct list_head allocs;	/* its live allocations (leak check) */
	unsigned int nr_allocs;
};

#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

static inline const char *module_name(const struct module *mod)
{
	return mod ? mod->name : "kernel";
}

#define MODULE_INFO(tag, info)	__MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(_license) MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)	MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias)	MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)
#define MODULE_IMPORT_NS(ns)	MODULE_INFO(import_ns, __stringify(ns))

#ifdef MODULE
/* The loader finds init_module and cleanup_module by name. */
#define module_init(initfn)						\
	static inline initcall_t __maybe_unused __inittest(void)	\
	{ return initfn; }						\
	int init_module(void) __copy(initfn)				\
		__attribute__((alias(#initfn)))

#define module_exit(exitfn)						\
	static inline exitcall_t __maybe_unused __exittest(void)	\
	{ return exitfn; }						\
	void cleanup_module(void) __copy(exitfn)			\
		__attribute__((alias(#exitfn)))
#else
/* Built in: module_init() is an initcall, module_exit() never runs. */
#define module_init(fn)		__initcall(fn)
#define module_exit(fn)		static inline exitcall_t __maybe_unused \
				__exittest(void) { return fn; }
#endif

#endif /* _LINUX_MODULE_H */
