// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/kmod.c - the shell's module commands, worded as kmod's
 * tools print them on Linux (SPEC section 8), so what a student sees here
 * is what they will see there:
 *
 *   insmod FILE.ko [name=value ...]   silent, or
 *       "insmod: ERROR: could not insert module FILE.ko: REASON"
 *   rmmod [-f] NAME                   silent, or
 *       "rmmod: ERROR: Module NAME is not currently loaded" /
 *       "rmmod: ERROR: Module NAME is in use by: OTHER"
 *   lsmod                             "Module                  Size  Used by"
 *   modinfo FILE.ko                   filename:, license:, ... parm:
 *   ls                                the boot files and their sizes
 *
 * The commands run in the shell's thread: insmod runs the module's init
 * right here, as the insmod process does on Linux.  An oops in that init
 * (or in exit, for rmmod) kills the process on Linux and its shell says
 * "Killed"; here the loader catches the oops and the command says the
 * same, and the module stays, refused by rmmod (rmmod -f removes it: a
 * way out Linux does not have).
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kernel/bootfiles.h>
#include <kernel/module.h>
#include <kernel/module_elf.h>
#include <kernel/shell.h>

#define ARGS_MAX	1024	/* insmod's parameters, joined */


/* The C library's strerror() text for the errors a load can return. */
static const char *strerror(int err)
{
	switch (err) {
	case -EPERM:	return "Operation not permitted";
	case -ENOENT:	return "No such file or directory";
	case -EIO:	return "Input/output error";
	case -E2BIG:	return "Argument list too long";
	case -ENOEXEC:	return "Exec format error";
	case -EAGAIN:	return "Resource temporarily unavailable";
	case -ENOMEM:	return "Cannot allocate memory";
	case -EACCES:	return "Permission denied";
	case -EFAULT:	return "Bad address";
	case -EBUSY:	return "Device or resource busy";
	case -EEXIST:	return "File exists";
	case -ENODEV:	return "No such device";
	case -EINVAL:	return "Invalid argument";
	case -ENOSPC:	return "No space left on device";
	case -ERANGE:	return "Numerical result out of range";
	case -ENOSYS:	return "Function not implemented";
	case -ETIMEDOUT: return "Connection timed out";
	case -EOVERFLOW: return "Value too large for defined data type";
	}
	return "Unknown error";
}

/*
 * kmod's reason for a failed insert: it rewords two errors of the
 * init_module() call (ENOEXEC, and ENOENT which there means a symbol).
 */
static const char *insmod_reason(int err)
{
	if (err == -ENOEXEC)
		return "Invalid module format";
	if (err == -ENOENT)
		return "Unknown symbol in module";
	return strerror(err);
}

/**
 * kmod_insmod - insmod of a file found: load it, say why not as kmod does
 * @f: the file
 * @argc: words
 * @argv: "insmod", the file name as typed, then the parameters
 *
 * Context: Process context.  Runs the module's init.
 * Return: the load's result.
 */
int kmod_insmod(const struct boot_file *f, int argc, char **argv)
{
	static char args[ARGS_MAX];
	size_t len = 0;
	int i, err;

	args[0] = '\0';
	for (i = 2; i < argc; i++) {
		size_t n = strlen(argv[i]);

		if (len + n + 2 > sizeof(args)) {
			shell_printf("insmod: ERROR: could not insert module %s: %s\n",
			    argv[1], strerror(-E2BIG));
			return -E2BIG;
		}
		if (len)
			args[len++] = ' ';
		memcpy(args + len, argv[i], n + 1);
		len += n;
	}
	err = load_module_image(f->name, f->data, f->size, args);
	if (err == -EOOPSKILLED)
		shell_printf("Killed\n");	/* what bash says of the insmod */
	else if (err)
		shell_printf("insmod: ERROR: could not insert module %s: %s\n", argv[1],
		    insmod_reason(err));
	return err;
}

/**
 * cmd_insmod - the shell's insmod FILE.ko [name=value ...]
 * @argc: words
 * @argv: the command, the file, its parameters
 *
 * Context: Process context (the shell).
 */
void cmd_insmod(int argc, char **argv)
{
	const struct boot_file *f;

	if (argc < 2) {
		shell_printf("insmod: ERROR: missing filename.\n");
		return;
	}
	f = boot_file_find(argv[1]);
	if (!f) {
		shell_printf("insmod: ERROR: could not insert module %s: %s\n", argv[1],
		    strerror(-ENOENT));
		return;
	}
	kmod_insmod(f, argc, argv);
}

/**
 * cmd_rmmod - the shell's rmmod NAME
 * @argc: words
 * @argv: the command and the module's name (or its file name)
 *
 * Context: Process context (the shell).
 */
void cmd_rmmod(int argc, char **argv)
{
	char name[MODULE_NAME_LEN], users[128], *p;
	bool force = argc > 2 && (!strcmp(argv[1], "-f") || !strcmp(argv[1], "--force"));
	const char *arg = argv[force ? 2 : 1];
	int err;

	if (argc < 2 || (argc > 2 && !force)) {
		shell_printf("rmmod: ERROR: usage: rmmod [-f] NAME\n");
		return;
	}
	/* kmod accepts a path too: its last component without ".ko" */
	p = strrchr(arg, '/');
	strscpy(name, p ? p + 1 : arg, sizeof(name));
	p = strstr(name, ".ko");
	if (p && !p[3])
		*p = '\0';
	for (p = name; *p; p++)
		if (*p == '-')
			*p = '_';
	err = delete_module(name, force, users, sizeof(users));
	if (err == -ENOENT)
		shell_printf("rmmod: ERROR: Module %s is not currently loaded\n", name);
	else if (err == -EWOULDBLOCK)
		shell_printf("rmmod: ERROR: Module %s is in use by: %s\n", name, users);
	else if (err == -EOOPSKILLED)
		shell_printf("Killed\n");
	else if (err)
		shell_printf("rmmod: ERROR: could not remove module %s: %s\n", name,
		    strerror(err));
}

/**
 * cmd_lsmod - the shell's lsmod, as /proc/modules shows through kmod
 * @argc: words
 * @argv: the command
 *
 * Context: Process context (the shell).
 */
void cmd_lsmod(int argc, char **argv)
{
	struct module *mod;
	struct module_use *use;

	shell_printf("Module                  Size  Used by\n");
	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		char users[128];
		size_t len = 0;

		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		users[0] = '\0';
		list_for_each_entry(use, &mod->source_list, source_list)
			len += scnprintf(users + len, sizeof(users) - len, "%s%s",
					 len ? "," : "", use->source->name);
		shell_printf("%-19s %8lu  %u%s%s\n", mod->name,
		    mod->core_size + (mod->init_mem ? mod->init_size : 0),
		    module_refcount(mod), users[0] ? " " : "", users);
	}
	mutex_unlock(&module_mutex);
}

/* Length of @s up to its first ':' (or all of it). */
static size_t name_len(const char *s)
{
	const char *c = strchr(s, ':');

	return c ? (size_t)(c - s) : strlen(s);
}

/* "parm:           name:description (type)", as kmod joins them. */
static void modinfo_parms(const struct mod_elf *elf)
{
	const char *p, *t;

	for (p = mod_elf_modinfo(elf, "parm", NULL); p;
	     p = mod_elf_modinfo(elf, "parm", p)) {
		size_t n = name_len(p);
		const char *type = NULL;

		for (t = mod_elf_modinfo(elf, "parmtype", NULL); t;
		     t = mod_elf_modinfo(elf, "parmtype", t))
			if (!strncmp(t, p, n) && t[n] == ':')
				type = t + n + 1;
		shell_printf("%-16s%s%s%s%s\n", "parm:", p, type ? " (" : "",
		    type ?: "", type ? ")" : "");
	}
	/* parameters without a description: kmod prints name:(type) */
	for (t = mod_elf_modinfo(elf, "parmtype", NULL); t;
	     t = mod_elf_modinfo(elf, "parmtype", t)) {
		size_t n = name_len(t);
		bool described = false;

		for (p = mod_elf_modinfo(elf, "parm", NULL); p;
		     p = mod_elf_modinfo(elf, "parm", p))
			if (!strncmp(t, p, n) && p[n] == ':')
				described = true;
		if (!described && t[n] == ':')
			shell_printf("%-16s%.*s:(%s)\n", "parm:", (int)n, t, t + n + 1);
	}
}

/**
 * cmd_modinfo - the shell's modinfo FILE.ko
 * @argc: words
 * @argv: the command and the file
 *
 * Context: Process context (the shell).
 */
void cmd_modinfo(int argc, char **argv)
{
	const struct boot_file *f;

	if (argc < 2) {
		shell_printf("modinfo: ERROR: missing module or filename.\n");
		return;
	}
	f = boot_file_find(argv[1]);
	if (!f) {
		shell_printf("modinfo: ERROR: Module %s not found.\n", argv[1]);
		return;
	}
	kmod_modinfo(f);
}

/**
 * kmod_modinfo - modinfo of a file found: its .modinfo, as kmod prints it
 * @f: the file
 *
 * Context: Process context.
 */
void kmod_modinfo(const struct boot_file *f)
{
	static const char *const tags[] = {
		"license", "author", "description", "version", "alias",
		"softdep", "depends", "name", "vermagic",
	};
	struct mod_elf elf;
	unsigned int i;
	void *copy = NULL;
	const void *data;

	data = f->data;
	if ((unsigned long)data % 8) {
		copy = kvmalloc(f->size, GFP_KERNEL);
		if (!copy) {
			shell_printf("modinfo: ERROR: %s\n", strerror(-ENOMEM));
			return;
		}
		memcpy(copy, data, f->size);
		data = copy;
	}
	if (mod_elf_check(&elf, data, f->size)) {
		shell_printf("modinfo: ERROR: could not get modinfo from '%s': %s\n",
		    f->name, "Invalid module format");
		kvfree(copy);
		return;
	}
	shell_printf("%-16s%s\n", "filename:", f->name);
	for (i = 0; i < ARRAY_SIZE(tags); i++) {
		const char *v;
		char label[20];

		snprintf(label, sizeof(label), "%s:", tags[i]);
		for (v = mod_elf_modinfo(&elf, tags[i], NULL); v;
		     v = mod_elf_modinfo(&elf, tags[i], v))
			shell_printf("%-16s%s\n", label, v);
	}
	modinfo_parms(&elf);
	kvfree(copy);
}

/**
 * cmd_ls - the shell's ls: the files the boot loader brought
 * @argc: words
 * @argv: the command
 *
 * Context: Process context (the shell).
 */
void cmd_ls(int argc, char **argv)
{
	unsigned int i, n = boot_file_count();

	for (i = 0; i < n; i++) {
		const struct boot_file *f = boot_file_get(i);

		if (f)
			shell_printf("%10zu %s\n", f->size, f->name);
	}
	if (!n)
		shell_printf("ls: no boot files (make run MODULES=\"a.ko ...\" adds some)\n");
}
