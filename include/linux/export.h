/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/export.h> - the symbols the kernel (and each module) offers to
 * modules.
 *
 * EXPORT_SYMBOL(sym) puts one struct kernel_symbol in a section of its
 * own, named "___ksymtab+sym" ("___ksymtab_gpl+sym" for the _GPL kind).
 * The kernel's linker script gathers them, sorted by section name and so
 * by symbol name, into __ksymtab and __ksymtab_gpl, between
 * __start___ksymtab and __stop___ksymtab (and the _gpl pair): the module
 * loader looks names up there by binary search.  A module is linked with
 * scripts/module.lds, which sorts its own exports the same way into its
 * sections __ksymtab and __ksymtab_gpl.
 *
 * Linux keeps 32-bit offsets (PREL32) here to save space; this kernel
 * keeps plain pointers, which a student can print in gdb.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

struct kernel_symbol {
	unsigned long value;		/* the symbol's address */
	const char *name;
};

#define __EXPORT_SYMBOL(sym, sec)					\
	extern typeof(sym) sym;						\
	static const char __kstrtab_##sym[]				\
		__attribute__((section("__ksymtab_strings"), used,	\
			       aligned(1))) = #sym;			\
	static const struct kernel_symbol __ksymtab_##sym		\
		__attribute__((section("___ksymtab" sec "+" #sym), used, \
			       aligned(8))) =				\
		{ (unsigned long)&sym, __kstrtab_##sym }

/* Any module may use @sym. */
#define EXPORT_SYMBOL(sym)	__EXPORT_SYMBOL(sym, "")
/* Only modules with a GPL-compatible MODULE_LICENSE may use @sym. */
#define EXPORT_SYMBOL_GPL(sym)	__EXPORT_SYMBOL(sym, "_gpl")

#endif /* _LINUX_EXPORT_H */
