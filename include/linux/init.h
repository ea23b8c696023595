/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Boot-time markers and boot parameters.
 *
 * __setup("name=", fn) registers fn to receive the value of boot
 * parameter name=VALUE (or __setup("name", fn) for a bare flag, fn then
 * gets NULL).  The table lives in its own section, so adding a parameter
 * needs no central list.  fn returns a negative errno for a bad value
 * (the kernel warns and names the parameter); any other value means
 * handled, so Linux-style "return 1" functions work unchanged.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

/*
 * Code and data used only at start-up (__init, __initdata, __initconst)
 * or only at unload (__exit, __exitdata).  In a module (-DMODULE) they go
 * to Linux's sections .init.text, .init.data, .init.rodata, .exit.text
 * and .exit.data: the loader frees the .init ones once the module's init
 * has returned 0.  Built into this kernel they are ordinary code and
 * data: the kernel never frees its start-up code (it is small, and a
 * backtrace through it stays readable).
 */
#ifdef MODULE
#define __init		__section(".init.text") __cold
#define __initdata	__section(".init.data")
#define __initconst	__section(".init.rodata")
#define __exit		__section(".exit.text") __used __cold
#define __exitdata	__section(".exit.data")
#else
#define __init
#define __initdata
#define __initconst
#define __exit
#define __exitdata
#endif
#define __init_or_module
#define __ref
#define __refdata
#define __refconst
#define __meminit	__init
#define __meminitdata	__initdata

struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
};

#define __setup(str, fn)						\
	static const struct obs_kernel_param __setup_##fn		\
	__used __section(".init.setup") __aligned(8) = { str, fn }

#define early_param(str, fn) __setup(str "=", fn)

/*
 * __initcall(fn): run fn() once late in boot (built-in module_init()).
 * The table lives in the section .initcall, between __initcall_start
 * and __initcall_end.
 */
typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);
#define __initcall(fn)							\
	static const initcall_t __initcall_##fn				\
	__used __section(".initcall") __aligned(8) = fn

/* The boot command line, as the loader gave it. */
extern char boot_command_line[];
#define COMMAND_LINE_SIZE 2048

void parse_boot_params(const char *cmdline);

#endif /* _LINUX_INIT_H */
