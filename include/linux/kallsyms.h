/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kallsyms: the kernel's own symbol table, for symbolized backtraces and
 * the %pS / %ps printk formats.
 *
 * The table covers the code of the kernel image (see scripts/kallsyms.py
 * for how it is built into the kernel it describes); an address in a
 * loaded module is looked up in that module's own symbols
 * (kernel/module/kallsyms.c), and printed as Linux prints it:
 * "func+0x1c/0x90 [name]", with @modname set to the module's name.  The
 * module loader's allocation tracking entry points are named as the
 * allocators they stand for ("__kmalloc", not "mt___kmalloc";
 * kernel/module/track.c).  Every function only reads tables that do not
 * change under it (a module leaves the list before its memory is freed):
 * all may be called in any context, including from an oops handler with
 * interrupts off.
 */
#ifndef _LINUX_KALLSYMS_H
#define _LINUX_KALLSYMS_H

#include <linux/types.h>

#define KSYM_NAME_LEN		128
#define KSYM_SYMBOL_LEN		512

/**
 * kallsyms_lookup - find the function containing an address
 * @addr: a code address
 * @symbolsize: if not NULL, set to the function's size in bytes
 * @offset: if not NULL, set to @addr minus the function's start
 * @modname: if not NULL, set to the module's name, or NULL for the kernel
 * @namebuf: buffer of KSYM_NAME_LEN bytes that receives the name
 *
 * Context: Any context.
 * Return: @namebuf, or NULL if @addr is in no known function.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *symbolsize,
			    unsigned long *offset, char **modname,
			    char *namebuf);

/**
 * kallsyms_lookup_size_offset - size of, and offset into, a function
 * @addr: a code address
 * @symbolsize: if not NULL, set to the function's size
 * @offset: if not NULL, set to the offset of @addr in it
 *
 * Context: Any context.
 * Return: true if @addr is in a known function.
 */
bool kallsyms_lookup_size_offset(unsigned long addr,
				 unsigned long *symbolsize,
				 unsigned long *offset);

/**
 * kallsyms_lookup_name - address of a function by name
 * @name: exact symbol name
 *
 * A linear scan: meant for tests and the shell, not for fast paths.
 *
 * Context: Any context.
 * Return: the start address, or 0 if there is no such symbol.
 */
unsigned long kallsyms_lookup_name(const char *name);

/**
 * sprint_symbol - format an address as "name+0xoff/0xsize"
 * @buffer: at least KSYM_SYMBOL_LEN bytes
 * @address: the address to describe
 *
 * An unknown address is printed raw, as "0xffffffff8010abcd".
 *
 * Context: Any context.
 * Return: the length of the string written.
 */
int sprint_symbol(char *buffer, unsigned long address);

/**
 * sprint_symbol_no_offset - format an address as "name"
 * @buffer: at least KSYM_SYMBOL_LEN bytes
 * @address: the address to describe
 *
 * Context: Any context.
 * Return: the length of the string written.
 */
int sprint_symbol_no_offset(char *buffer, unsigned long address);

/**
 * sprint_backtrace - format a return address found on the stack
 * @buffer: at least KSYM_SYMBOL_LEN bytes
 * @address: a return address
 *
 * Like sprint_symbol(), but looks up @address - 1: a call to a noreturn
 * function may be the last instruction of its caller, so its return
 * address already lies in the next function.
 *
 * Context: Any context.
 * Return: the length of the string written.
 */
int sprint_backtrace(char *buffer, unsigned long address);

/**
 * print_ip_sym - print one backtrace line, " [<address>] name+off/size"
 * @loglvl: KERN_* level prefix
 * @ip: the address
 *
 * Context: Any context.
 */
void print_ip_sym(const char *loglvl, unsigned long ip);

#endif /* _LINUX_KALLSYMS_H */
