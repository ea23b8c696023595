/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/moduleparam.h> - parameters of a loadable module.
 *
 * module_param(name, type, perm) makes the variable @name settable at
 * load time (`insmod x.ko name=value`).  Each parameter is one struct
 * kernel_param in the module's section "__param"; the loader hands that
 * array and the insmod arguments to module_parse_args(), which calls the
 * parameter's ops->set() with the text of its value.  The ops of the
 * standard types (param_ops_int, param_ops_charp, ...) live in the
 * kernel and are exported.  MODULE_PARM_DESC and the type add
 * "parm=name:text" and "parmtype=name:type" lines to .modinfo, which
 * modinfo prints, as Linux's do.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/types.h>

#ifdef MODULE
#define MODULE_PARAM_PREFIX	/* empty: module parameters have no prefix */
#else
#define MODULE_PARAM_PREFIX	KBUILD_MODNAME "."
#endif

/* One .modinfo line "tag=info", in the module's ".modinfo" section. */
#define __MODULE_INFO(tag, name, info)					\
	static const char __UNIQUE_ID(name)[]				\
		__used __section(".modinfo") __aligned(1) =		\
		__stringify(tag) "=" info

#define __MODULE_PARM_TYPE(name, _type)					\
	__MODULE_INFO(parmtype, name##type, #name ":" _type)

#define MODULE_PARM_DESC(_parm, desc)					\
	__MODULE_INFO(parm, _parm, #_parm ":" desc)

struct kernel_param;

struct kernel_param_ops {
	/* Parse @val (NULL for a bare "name") into kp->arg; 0 or -errno. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/*
	 * Print the value into @buffer (PAGE_SIZE bytes), ending with a
	 * newline as sysfs shows it; the length written, or -errno.
	 */
	int (*get)(char *buffer, const struct kernel_param *kp);
	/* Release what set() allocated (charp's copy); may be NULL. */
	void (*free)(void *arg);
	/* KERNEL_PARAM_OPS_FL_NOARG: a bare "name" is allowed (bools) */
	unsigned int flags;
};

#define KERNEL_PARAM_OPS_FL_NOARG	(1 << 0)

struct kparam_array {
	unsigned int max;	/* elements of elem */
	unsigned int elemsize;
	unsigned int *num;	/* where the count goes (may be NULL) */
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;	/* as given on the insmod line */
	const struct kernel_param_ops *ops;
	unsigned short perm;	/* sysfs mode: kept for modinfo, not used */
	union {
		void *arg;	/* the variable */
		const struct kparam_array *arr;
	};
};

extern const struct kernel_param_ops param_ops_byte, param_ops_short,
	param_ops_ushort, param_ops_int, param_ops_uint, param_ops_long,
	param_ops_ulong, param_ops_ullong, param_ops_hexint, param_ops_charp,
	param_ops_bool, param_ops_invbool, param_array_ops;

/* The type checks Linux makes: the variable must have the type's C type. */
#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)	__param_check(name, p, unsigned int)
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)
#define __param_check(name, p, type)					\
	static inline type __always_unused *__check_##name(void) { return (p); }

#define module_param_cb(_name, _ops, _arg, _perm)			\
	__module_param_call(MODULE_PARAM_PREFIX, _name, _ops, .arg = _arg, _perm)

/* @_init sets the union: ".arg = &variable" or ".arr = &array_desc" */
#define __module_param_call(_prefix, _name, _ops, _init, _perm)	\
	static const char __param_str_##_name[] = _prefix #_name;	\
	static const struct kernel_param __param_##_name		\
		__used __section("__param") __aligned(sizeof(void *)) = \
		{ .name = __param_str_##_name, .ops = _ops,		\
		  .perm = _perm, { _init } }

#define module_param_named(name, value, type, perm)			\
	param_check_##type(name, &(value));				\
	module_param_cb(name, &param_ops_##type, &value, perm);		\
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm)					\
	module_param_named(name, name, type, perm)

#define module_param_array_named(_name, array, type, nump, perm)	\
	param_check_##type(_name, &(array)[0]);				\
	static const struct kparam_array __param_arr_##_name = {	\
		.max = ARRAY_SIZE(array), .num = nump,			\
		.ops = &param_ops_##type,				\
		.elemsize = sizeof(array[0]), .elem = array };		\
	__module_param_call(MODULE_PARAM_PREFIX, _name, &param_array_ops, \
			    .arr = &__param_arr_##_name, perm);		\
	__MODULE_PARM_TYPE(_name, "array of " #type)

#define module_param_array(name, type, nump, perm)			\
	module_param_array_named(name, name, type, nump, perm)

/*
 * The set/get functions behind the param_ops_* (kernel/params.c), for
 * module_param_cb() users who wrap them, as in Linux.  set() returns 0
 * or -EINVAL/-ERANGE; get() the length it wrote.
 *
 * Context: Process context (insmod).  param_set_charp() may sleep: it
 * kmallocs the copy, which param_free_charp() frees.
 */
#define __DECLARE_PARAM_FNS(type)					\
	int param_set_##type(const char *val, const struct kernel_param *kp); \
	int param_get_##type(char *buffer, const struct kernel_param *kp)
__DECLARE_PARAM_FNS(byte);
__DECLARE_PARAM_FNS(short);
__DECLARE_PARAM_FNS(ushort);
__DECLARE_PARAM_FNS(int);
__DECLARE_PARAM_FNS(uint);
__DECLARE_PARAM_FNS(long);
__DECLARE_PARAM_FNS(ulong);
__DECLARE_PARAM_FNS(ullong);
__DECLARE_PARAM_FNS(hexint);
__DECLARE_PARAM_FNS(charp);
__DECLARE_PARAM_FNS(bool);
__DECLARE_PARAM_FNS(invbool);
void param_free_charp(void *arg);

/**
 * module_destroy_params - free what a module's parameters allocated
 * @params: the module's __param section
 * @num: its number of entries
 *
 * The kmalloc'ed copies of charp values (arrays included).  The loader
 * calls it when the module goes away, or when its load fails after
 * module_parse_args().
 *
 * Context: Process context.
 */
void module_destroy_params(const struct kernel_param *params, unsigned int num);

/**
 * module_parse_args - apply insmod's "name=value ..." to a module
 * @modname: the module's name, for the messages
 * @args: the arguments (modified: split in place)
 * @params: the module's __param section
 * @num: its number of entries
 *
 * An unknown name prints "MODNAME: unknown parameter 'P' ignored" and is
 * skipped; a value its ops refuse prints "MODNAME: `VALUE' invalid for
 * parameter `P'" and stops the parse, as Linux does.
 *
 * Context: Process context.  May sleep (charp values are kmalloc'ed).
 * Return: 0, or the first error (-EINVAL for a bad value).
 */
int module_parse_args(const char *modname, char *args,
		      const struct kernel_param *params, unsigned int num);

#endif /* _LINUX_MODULEPARAM_H */
