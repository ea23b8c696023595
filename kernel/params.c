// SPDX-License-Identifier: GPL-2.0
/*
 * Boot parameters.
 *
 * The command line is split by lib/cmdline.c; each "name=value" or bare
 * "name" is looked up in the table that __setup() builds in the
 * .init.setup section (see <linux/init.h>).  An unknown parameter, or a
 * value its handler rejects, gets a warning that names it: a typo in a
 * lab's command line should never pass silently.
 */
#include <linux/kernel.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/string.h>

extern const struct obs_kernel_param __setup_start[], __setup_end[];

char boot_command_line[COMMAND_LINE_SIZE];
static char parse_buf[COMMAND_LINE_SIZE];

/* Does table entry @p ("name=" or "name") take this param/val? */
static bool setup_matches(const struct obs_kernel_param *p, const char *param,
			  const char *val)
{
	size_t n = strlen(p->str);

	if (n && p->str[n - 1] == '=')
		return val && strlen(param) == n - 1 && !strncmp(p->str, param, n - 1);
	return !val && !strcmp(p->str, param);
}

static int do_boot_param(char *param, char *val, const char *doing, void *arg)
{
	const struct obs_kernel_param *p;

	(void)doing;
	(void)arg;
	for (p = __setup_start; p < __setup_end; p++) {
		if (!setup_matches(p, param, val))
			continue;
		if (p->setup_func(val) < 0)
			pr_warn("Malformed boot parameter \"%s=%s\", ignored\n",
				param, val ? val : "");
		return 0;
	}
	pr_warn("Unknown kernel command line parameter \"%s%s%s\", ignored\n",
		param, val ? "=" : "", val ? val : "");
	return 0;
}

/**
 * parse_boot_params - apply the boot command line
 * @cmdline: the loader's command line (may be NULL)
 *
 * GRUB puts the kernel's path first ("/boot/kernel.elf loglevel=7"); a
 * first word starting with '/' is taken as that path and skipped.  A
 * line longer than COMMAND_LINE_SIZE - 1 characters is cut there, with a
 * warning that names the limit.
 *
 * Context: Early boot.
 */
void parse_boot_params(const char *cmdline)
{
	char *args = parse_buf;

	if (strscpy(boot_command_line, cmdline ? cmdline : "", COMMAND_LINE_SIZE) < 0)
		pr_warn("Command line of %zu characters is too long: the limit is %d (COMMAND_LINE_SIZE - 1), the rest is ignored\n",
			strlen(cmdline), COMMAND_LINE_SIZE - 1);
	strscpy(parse_buf, boot_command_line, COMMAND_LINE_SIZE);
	pr_info("Command line: %s\n", boot_command_line);

	while (*args == ' ')
		args++;
	if (*args == '/') {
		while (*args && *args != ' ')
			args++;
	}
	parse_args("Booting kernel", args, do_boot_param, NULL);
}

/* ---- module parameters -------------------------------------------------- */
/*
 * insmod's "name=value ..." words reach module_parse_args() with the
 * module's table of struct kernel_param (its __param section, one entry
 * per module_param()).  Each value goes to its type's ops->set(), which
 * parses it into the module's variable with Linux's rules:
 *
 *   byte short ushort int uint long ulong ullong hexint
 *		kstrto*() with base 0 (so 0x1f and 017 work), -EINVAL for
 *		text that is not a number, -ERANGE for one that does not fit
 *   bool	y/n, Y/N, 1/0, t/f, on/off (kstrtobool); a bare name is "y"
 *		(its ops have KERNEL_PARAM_OPS_FL_NOARG; for every other
 *		type a bare name is refused before set() is called)
 *   invbool	the same, stored inverted
 *   charp	a kmalloc'ed copy of the text (freed when it is replaced,
 *		and by module_destroy_params() at unload)
 *   arrays	comma-separated values, at most the array's size
 *
 * Every ops->get() prints the value followed by a newline, as sysfs
 * shows /sys/module/NAME/parameters/P on Linux.
 */
#include <linux/export.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <asm/page.h>

/* The longest charp value Linux accepts. */
#define CHARP_MAX_LEN	1024

/*
 * The integer types: set parses with the kstrto*() of the type, get
 * prints with the type's format.
 */
#define STANDARD_PARAM_DEF(name, type, format, strtofn)			\
int param_set_##name(const char *val, const struct kernel_param *kp)	\
{									\
	if (!val)							\
		return -EINVAL;						\
	return strtofn(val, 0, (type *)kp->arg);			\
}									\
EXPORT_SYMBOL(param_set_##name);					\
int param_get_##name(char *buffer, const struct kernel_param *kp)	\
{									\
	return scnprintf(buffer, PAGE_SIZE, format "\n",		\
			 *(type *)kp->arg);				\
}									\
EXPORT_SYMBOL(param_get_##name);					\
const struct kernel_param_ops param_ops_##name = {			\
	.set = param_set_##name,					\
	.get = param_get_##name,					\
};									\
EXPORT_SYMBOL(param_ops_##name)

STANDARD_PARAM_DEF(byte, unsigned char, "%hhu", kstrtou8);
STANDARD_PARAM_DEF(short, short, "%hi", kstrtos16);
STANDARD_PARAM_DEF(ushort, unsigned short, "%hu", kstrtou16);
STANDARD_PARAM_DEF(int, int, "%i", kstrtoint);
STANDARD_PARAM_DEF(uint, unsigned int, "%u", kstrtouint);
STANDARD_PARAM_DEF(long, long, "%li", kstrtol);
STANDARD_PARAM_DEF(ulong, unsigned long, "%lu", kstrtoul);
STANDARD_PARAM_DEF(ullong, unsigned long long, "%llu", kstrtoull);

/* hexint: an unsigned int, read in any base, shown as 0x and 8 digits. */
int param_set_hexint(const char *val, const struct kernel_param *kp)
{
	if (!val)
		return -EINVAL;
	return kstrtouint(val, 0, (unsigned int *)kp->arg);
}
EXPORT_SYMBOL(param_set_hexint);

int param_get_hexint(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%#08x\n", *(unsigned int *)kp->arg);
}
EXPORT_SYMBOL(param_get_hexint);

const struct kernel_param_ops param_ops_hexint = {
	.set = param_set_hexint,
	.get = param_get_hexint,
};
EXPORT_SYMBOL(param_ops_hexint);

/*
 * The charp copies this file made, so that only those are ever freed: a
 * charp variable starts out pointing at the module's own string literal
 * (or NULL), which must not go to kfree().
 */
struct kmalloced_param {
	struct list_head list;
	char val[];
};
static LIST_HEAD(kmalloced_params);
static DEFINE_SPINLOCK(kmalloced_params_lock);

static char *kmalloc_parameter(size_t size)
{
	struct kmalloced_param *p = kmalloc(sizeof(*p) + size, GFP_KERNEL);
	unsigned long flags;

	if (!p)
		return NULL;
	spin_lock_irqsave(&kmalloced_params_lock, flags);
	list_add(&p->list, &kmalloced_params);
	spin_unlock_irqrestore(&kmalloced_params_lock, flags);
	return p->val;
}

/* Free @val if it is one of our copies; anything else is left alone. */
static void maybe_kfree_parameter(void *val)
{
	struct kmalloced_param *p, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&kmalloced_params_lock, flags);
	list_for_each_entry(p, &kmalloced_params, list) {
		if (p->val == val) {
			list_del(&p->list);
			found = p;
			break;
		}
	}
	spin_unlock_irqrestore(&kmalloced_params_lock, flags);
	kfree(found);
}

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	char **arg = kp->arg;
	size_t len;
	char *copy;

	if (!val)
		return -EINVAL;
	len = strlen(val);
	if (len > CHARP_MAX_LEN) {
		pr_err("%s: string parameter too long\n", kp->name);
		return -ENOSPC;
	}
	copy = kmalloc_parameter(len + 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, val, len + 1);
	maybe_kfree_parameter(*arg);
	*arg = copy;
	return 0;
}
EXPORT_SYMBOL(param_set_charp);

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", *(char **)kp->arg);
}
EXPORT_SYMBOL(param_get_charp);

void param_free_charp(void *arg)
{
	maybe_kfree_parameter(*(char **)arg);
}
EXPORT_SYMBOL(param_free_charp);

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
	.free = param_free_charp,
};
EXPORT_SYMBOL(param_ops_charp);

/* bool: a bare "name" (no value) means true, as in Linux. */
int param_set_bool(const char *val, const struct kernel_param *kp)
{
	return kstrtobool(val ? val : "1", (bool *)kp->arg);
}
EXPORT_SYMBOL(param_set_bool);

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}
EXPORT_SYMBOL(param_get_bool);

const struct kernel_param_ops param_ops_bool = {
	.set = param_set_bool,
	.get = param_get_bool,
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
};
EXPORT_SYMBOL(param_ops_bool);

/* invbool: the variable holds the opposite of what was written. */
int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool v;
	int ret = kstrtobool(val ? val : "1", &v);

	if (!ret)
		*(bool *)kp->arg = !v;
	return ret;
}
EXPORT_SYMBOL(param_set_invbool);

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}
EXPORT_SYMBOL(param_get_invbool);

const struct kernel_param_ops param_ops_invbool = {
	.set = param_set_invbool,
	.get = param_get_invbool,
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
};
EXPORT_SYMBOL(param_ops_invbool);

/*
 * Arrays: "1,2,3" sets elements 0..2 and *num = 3.  Each element goes
 * through the element type's set() with a kernel_param of its own that
 * points at the element.
 */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = *kp;
	unsigned int count = 0, dummy;
	unsigned int *num = arr->num ? arr->num : &dummy;
	char *copy, *p;
	int ret = 0;

	if (!val)
		return -EINVAL;
	/* A copy to cut at the commas: @val belongs to the caller. */
	copy = kmalloc(strlen(val) + 1, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	strcpy(copy, val);
	p = copy;
	for (;;) {
		char *item = strsep(&p, ",");

		if (count == arr->max) {
			pr_err("%s: can only take %u arguments\n", kp->name, arr->max);
			ret = -EINVAL;
			break;
		}
		elem.arg = (char *)arr->elem + (size_t)arr->elemsize * count;
		ret = arr->ops->set(item, &elem);
		if (ret)
			break;
		count++;
		if (!p)
			break;
	}
	kfree(copy);
	*num = count;
	return ret;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = *kp;
	unsigned int i, n = arr->num ? *arr->num : arr->max;
	int off = 0, ret;

	for (i = 0; i < n; i++) {
		if (i)
			buffer[off - 1] = ',';	/* the previous newline */
		elem.arg = (char *)arr->elem + (size_t)arr->elemsize * i;
		ret = arr->ops->get(buffer + off, &elem);
		if (ret < 0)
			return ret;
		off += ret;
	}
	buffer[off] = '\0';
	return off;
}

static void param_array_free(void *arg)
{
	const struct kparam_array *arr = arg;
	unsigned int i;

	if (!arr->ops->free)
		return;
	for (i = 0; i < (arr->num ? *arr->num : arr->max); i++)
		arr->ops->free((char *)arr->elem + (size_t)arr->elemsize * i);
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
	.free = param_array_free,
};
EXPORT_SYMBOL(param_array_ops);

/* The table entry for @name ('-' and '_' alike), or NULL. */
static const struct kernel_param *find_param(const char *name,
					     const struct kernel_param *params,
					     unsigned int num)
{
	unsigned int i;

	for (i = 0; i < num; i++)
		if (parameq(name, params[i].name))
			return &params[i];
	return NULL;
}

int module_parse_args(const char *modname, char *args,
		      const struct kernel_param *params, unsigned int num)
{
	char *param, *val;

	args = skip_spaces(args);
	while (*args) {
		const struct kernel_param *kp;
		int ret;

		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;
		kp = find_param(param, params, num);
		if (!kp) {
			pr_warn("%s: unknown parameter '%s' ignored\n", modname, param);
			continue;
		}
		if (!val && !(kp->ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
			ret = -EINVAL;	/* "name" alone: only bools take it */
		else
			ret = kp->ops->set(val, kp);
		if (!ret)
			continue;
		if (ret == -ENOSPC)
			pr_err("%s: `%s' too large for parameter `%s'\n",
			       modname, val ? val : "", param);
		else
			pr_err("%s: `%s' invalid for parameter `%s'\n",
			       modname, val ? val : "", param);
		return ret;
	}
	return 0;
}
EXPORT_SYMBOL(module_parse_args);

void module_destroy_params(const struct kernel_param *params, unsigned int num)
{
	unsigned int i;

	for (i = 0; i < num; i++) {
		if (!params[i].ops->free)
			continue;
		if (params[i].ops == &param_array_ops)
			params[i].ops->free((void *)params[i].arr);
		else
			params[i].ops->free(params[i].arg);
	}
}
EXPORT_SYMBOL(module_destroy_params);
