// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/main.c - loading and unloading modules (insmod, rmmod).
 *
 * A load, step by step (load_module_image()):
 *
 *   1. check the file (kernel/module/elf.c: every offset and index is
 *      proved inside the file before anything uses it);
 *   2. its name, license and taint: .modinfo "name=" (else the file name),
 *      "license=" (P taint without a GPL-compatible one; every module
 *      loaded here is out-of-tree: O);
 *   3. lay out and allocate the core and init parts in the module area
 *      (module_alloc(): within 2 GiB of the kernel, in vmallocinfo);
 *   4. copy, resolve each undefined symbol (the kernel's sorted export
 *      tables, then the loaded modules' exports; __this_module is the
 *      module's own struct module), relocate;
 *   5. its own exports (sorted here), its symbols for backtraces, its
 *      parameters (module_parse_args());
 *   6. page permissions: text read-only and executable, rodata read-only,
 *      data non-executable;
 *   7. on the list (COMING: reports name its functions), run init in the
 *      insmod's own task with an oops catcher around it; then LIVE and the
 *      init part freed, or on an error everything undone.
 *
 * Every step that can fail undoes the earlier ones (free_module()): no
 * memory, no list entry, no symbol stays behind.
 *
 * Locking.  module_mutex serializes loads and unloads and protects the
 * use lists; the list of modules changes only under both module_mutex
 * and the allocation tracker's irq-safe lock (track.c walks it from any
 * context).  Reports (oops, backtraces) read the list without either: a
 * module leaves the list before its memory is freed.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/kmemleak.h>
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kernel/bootfiles.h>
#include <kernel/module.h>
#include <kernel/module_elf.h>
#include <kernel/oops.h>
#include "internal.h"

LIST_HEAD(modules);
DEFINE_MUTEX(module_mutex);

/* The kernel's exports, sorted by name by the linker script. */
extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];
extern const struct kernel_symbol __start___ksymtab_gpl[], __stop___ksymtab_gpl[];

/**
 * module_license_gpl_compatible - may a module with @license use _GPL exports
 * @license: its MODULE_LICENSE() text
 *
 * Linux's list: "GPL", "GPL v2", "GPL and additional rights", and the
 * "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL" pairs.
 *
 * Context: Any context.
 */
bool module_license_gpl_compatible(const char *license)
{
	return !strcmp(license, "GPL") || !strcmp(license, "GPL v2") ||
	       !strcmp(license, "GPL and additional rights") ||
	       !strcmp(license, "Dual BSD/GPL") ||
	       !strcmp(license, "Dual MIT/GPL") ||
	       !strcmp(license, "Dual MPL/GPL");
}


/**
 * find_symbol - look an export up: the kernel's, then each module's
 * @name: the symbol
 * @gpl_ok: may _GPL exports be used
 * @owner: set to the module exporting it (NULL for the kernel)
 *
 * Context: module_mutex held.
 * Return: the export, or NULL.
 */
const struct kernel_symbol *find_symbol(const char *name, bool gpl_ok,
					struct module **owner)
{
	const struct kernel_symbol *ks;
	struct module *mod;

	*owner = NULL;
	ks = mod_symbol_bsearch(__start___ksymtab, __stop___ksymtab - __start___ksymtab,
			    name);
	if (!ks && gpl_ok)
		ks = mod_symbol_bsearch(__start___ksymtab_gpl,
				    __stop___ksymtab_gpl - __start___ksymtab_gpl,
				    name);
	if (ks)
		return ks;
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		ks = mod_symbol_bsearch(mod->syms, mod->num_syms, name);
		if (!ks && gpl_ok)
			ks = mod_symbol_bsearch(mod->gpl_syms, mod->num_gpl_syms, name);
		if (ks) {
			*owner = mod;
			return ks;
		}
	}
	return NULL;
}

/**
 * find_module - a loaded module by name
 * @name: its name
 *
 * Context: module_mutex held (or a report).
 * Return: the module, or NULL.
 */
struct module *find_module(const char *name)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		if (!strcmp(mod->name, name))
			return mod;
	return NULL;
}

/**
 * module_refcount - how many modules use @mod (lsmod's "Used by" count)
 * @mod: a loaded module
 *
 * Context: module_mutex held.
 */
unsigned int module_refcount(const struct module *mod)
{
	struct module_use *use;
	unsigned int n = 0;

	list_for_each_entry(use, &mod->source_list, source_list)
		n++;
	return n;
}

/* @a uses @b: record it once. */
static int ref_module(struct module *a, struct module *b)
{
	struct module_use *use;

	list_for_each_entry(use, &b->source_list, source_list)
		if (use->source == a)
			return 0;
	use = kmalloc(sizeof(*use), GFP_KERNEL);
	if (!use)
		return -ENOMEM;
	use->source = a;
	use->target = b;
	list_add_tail(&use->source_list, &b->source_list);
	list_add_tail(&use->target_list, &a->target_list);
	return 0;
}

/* Drop every reference @mod holds on other modules. */
static void module_unload_free(struct module *mod)
{
	struct module_use *use, *tmp;

	list_for_each_entry_safe(use, tmp, &mod->target_list, target_list) {
		list_del(&use->source_list);
		list_del(&use->target_list);
		kfree(use);
	}
}

/* What a load is working on, for the resolver and the error paths. */
struct load_info {
	const char *filename;
	struct mod_elf elf;
	struct module *mod;
	void *copy;			/* an aligned copy of the file, or NULL */
};

/* The resolver callback of mod_elf_resolve(). */
static int resolve_one(void *cookie, const char *name, bool weak, u64 *value)
{
	struct load_info *info = cookie;
	struct module *mod = info->mod, *owner;
	const struct kernel_symbol *ks;
	int err;

	if (!strcmp(name, "__this_module")) {
		*value = (unsigned long)mod;
		return 0;
	}
	/* the allocators: their tracking entry points (track.c) */
	ks = module_track_symbol(name);
	owner = NULL;
	if (!ks)
		ks = find_symbol(name, mod->gpl_compatible, &owner);
	if (!ks)
		return -ENOENT;
	if (owner) {
		err = ref_module(mod, owner);
		if (err)
			return err;
	}
	*value = ks->value;
	return 0;
}

/* Sort @n exports by name (insertion sort: a module has few). */
static void sort_symbols(struct kernel_symbol *tab, unsigned int n)
{
	unsigned int i, j;

	for (i = 1; i < n; i++) {
		struct kernel_symbol k = tab[i];

		for (j = i; j > 0 && strcmp(tab[j - 1].name, k.name) > 0; j--)
			tab[j] = tab[j - 1];
		tab[j] = k;
	}
}

/*
 * The module's exports: sections "___ksymtab+NAME" (one entry each, as
 * <linux/export.h> makes them) or "__ksymtab" (merged by a linker script),
 * and the _gpl kind.  Copied (relocated) into sorted arrays.  A name the
 * kernel or another module already exports is refused, as Linux does.
 */
static int collect_exports(struct load_info *info, bool gpl)
{
	struct mod_elf *elf = &info->elf;
	struct module *mod = info->mod, *owner;
	const char *one = gpl ? "___ksymtab_gpl+" : "___ksymtab+";
	const char *merged = gpl ? "__ksymtab_gpl" : "__ksymtab";
	struct kernel_symbol *tab;
	unsigned int i, n = 0, k;

	for (i = 1; i < elf->shnum; i++) {
		const char *sname = mod_elf_sec_name(elf, i);

		if (elf->secs[i].placed &&
		    (!strncmp(sname, one, strlen(one)) || !strcmp(sname, merged)))
			n += elf->shdrs[i].sh_size / sizeof(struct kernel_symbol);
	}
	if (!n)
		return 0;
	tab = kmalloc_array(n, sizeof(*tab), GFP_KERNEL);
	if (!tab)
		return -ENOMEM;
	k = 0;
	for (i = 1; i < elf->shnum; i++) {
		const char *sname = mod_elf_sec_name(elf, i);
		unsigned int cnt = elf->shdrs[i].sh_size / sizeof(struct kernel_symbol);

		if (!elf->secs[i].placed ||
		    (strncmp(sname, one, strlen(one)) && strcmp(sname, merged)))
			continue;
		memcpy(&tab[k], mod_elf_sec_mem(elf, i), cnt * sizeof(*tab));
		k += cnt;
	}
	for (i = 0; i < n; i++) {
		if (!module_text_or_data(mod, (unsigned long)tab[i].name)) {
			pr_err("%s: export %u has no name in the module\n",
			       mod->name, i);
			kfree(tab);
			return -ENOEXEC;
		}
		if (find_symbol(tab[i].name, true, &owner)) {
			pr_err("%s: exports duplicate symbol %s (owned by %s)\n",
			       mod->name, tab[i].name, module_name(owner));
			kfree(tab);
			return -ENOEXEC;
		}
	}
	sort_symbols(tab, n);
	if (gpl) {
		mod->gpl_syms = tab;
		mod->num_gpl_syms = n;
	} else {
		mod->syms = tab;
		mod->num_syms = n;
	}
	return 0;
}

/* The module's name: .modinfo "name=", else the file's without ".ko". */
static void set_module_name(struct load_info *info)
{
	const char *name = mod_elf_modinfo(&info->elf, "name", NULL);
	const char *base = strrchr(info->filename, '/');
	char *p;

	base = base ? base + 1 : info->filename;
	strscpy(info->mod->name, name ?: base, MODULE_NAME_LEN);
	if (!name) {
		p = strstr(info->mod->name, ".ko");
		if (p && !p[3])
			*p = '\0';
	}
	for (p = info->mod->name; *p; p++)
		if (*p == '-')
			*p = '_';
}

/* License and taints, with Linux's messages (once per boot each). */
static void set_license(struct module *mod, const char *license)
{
	if (!license)
		license = "unspecified";
	mod->gpl_compatible = module_license_gpl_compatible(license);
	if (!mod->gpl_compatible) {
		if (!test_taint(TAINT_PROPRIETARY_MODULE))
			pr_warn("%s: module license '%s' taints kernel.\n",
				mod->name, license);
		add_taint(TAINT_PROPRIETARY_MODULE, LOCKDEP_STILL_OK);
		mod->taints |= 1UL << TAINT_PROPRIETARY_MODULE;
	}
	if (!test_taint(TAINT_OOT_MODULE))
		pr_warn("%s: loading out-of-tree module taints kernel.\n",
			mod->name);
	add_taint(TAINT_OOT_MODULE, LOCKDEP_STILL_OK);
	mod->taints |= 1UL << TAINT_OOT_MODULE;
}

/* Allocate the parts in the module area and point the ELF steps at them. */
static int alloc_parts(struct load_info *info)
{
	struct mod_elf *elf = &info->elf;
	struct module *mod = info->mod;

	mod->core_size = elf->parts[MOD_PART_CORE].size;
	mod->core_text_size = elf->parts[MOD_PART_CORE].kind_size[MOD_KIND_TEXT];
	mod->core_ro_end = elf->parts[MOD_PART_CORE].kind_start[MOD_KIND_DATA];
	mod->init_size = elf->parts[MOD_PART_INIT].size;
	mod->init_text_size = elf->parts[MOD_PART_INIT].kind_size[MOD_KIND_TEXT];
	if (mod->core_size) {
		mod->core = module_alloc(mod->core_size, __builtin_return_address(0));
		if (!mod->core)
			return -ENOMEM;
		/* kmemleak reads the data and bss for pointers, not the code */
		kmemleak_scan_area(mod->core + mod->core_ro_end,
				   mod->core_size - mod->core_ro_end, GFP_KERNEL);
	}
	if (mod->init_size) {
		mod->init_mem = module_alloc(mod->init_size, __builtin_return_address(0));
		if (!mod->init_mem)
			return -ENOMEM;
		kmemleak_ignore(mod->init_mem);	/* as Linux: init is not scanned */
		mod->init_addr = (unsigned long)mod->init_mem;
	}
	elf->part_mem[MOD_PART_CORE] = mod->core;
	elf->part_addr[MOD_PART_CORE] = (unsigned long)mod->core;
	elf->part_mem[MOD_PART_INIT] = mod->init_mem;
	elf->part_addr[MOD_PART_INIT] = (unsigned long)mod->init_mem;
	return 0;
}

/*
 * Each placed section's name and address, in one allocation, for the
 * debugger: gdb's lx-symbols loads the .ko's symbols with
 * "add-symbol-file FILE.ko -s .text ADDR -s .data ADDR ...".
 */
static int record_sections(struct module *mod, const struct mod_elf *elf)
{
	unsigned int i, n = 0;
	size_t names = 0;
	char *p;

	for (i = 1; i < elf->shnum; i++)
		if (elf->secs[i].placed) {
			n++;
			names += strlen(mod_elf_sec_name(elf, i)) + 1;
		}
	mod->sects = kmalloc(n * sizeof(*mod->sects) + names, GFP_KERNEL);
	if (!mod->sects)
		return -ENOMEM;
	p = (char *)&mod->sects[n];
	for (i = 1; i < elf->shnum; i++) {
		if (!elf->secs[i].placed)
			continue;
		strcpy(p, mod_elf_sec_name(elf, i));
		mod->sects[mod->num_sects].name = p;
		mod->sects[mod->num_sects++].addr = mod_elf_sec_addr(elf, i);
		p += strlen(p) + 1;
	}
	return 0;
}

/* Text RO+X, rodata RO+NX, data RW+NX, for one part. */
static void protect_part(void *base, const struct mod_part_layout *pl)
{
	unsigned long text = pl->kind_start[MOD_KIND_RODATA];
	unsigned long ro = pl->kind_start[MOD_KIND_DATA] - text;

	if (!base)
		return;
	module_set_prot(base, text, PAGE_KERNEL_ROX);
	module_set_prot((u8 *)base + text, ro, PAGE_KERNEL_RO);
}

/*
 * The compiler's constructors (.init_array), after relocation: with
 * make KASAN=1 each registers its file's globals with KASAN, as Linux's
 * do_mod_ctors() runs them.
 */
static void run_module_ctors(struct load_info *info)
{
	int idx = mod_elf_find_section(&info->elf, ".init_array");
	void (**fn)(void);
	unsigned int i, n;

	if (idx <= 0 || !info->elf.secs[idx].placed)
		return;
	fn = mod_elf_sec_mem(&info->elf, idx);
	n = info->elf.shdrs[idx].sh_size / sizeof(*fn);
	for (i = 0; i < n; i++)
		fn[i]();
}

/* The module's parameters: its __param section, after relocation. */
static int parse_args(struct load_info *info, const char *args)
{
	int idx = mod_elf_find_section(&info->elf, "__param");
	struct kernel_param *kp = NULL;
	unsigned int num = 0;
	char *copy;
	int err;

	if (idx > 0 && info->elf.secs[idx].placed) {
		kp = mod_elf_sec_mem(&info->elf, idx);
		num = info->elf.shdrs[idx].sh_size / sizeof(*kp);
	}
	info->mod->kp = kp;		/* for module_destroy_params() */
	info->mod->num_kp = num;
	if (!args || !*args)
		return 0;
	/* kept while the module lives, as Linux: a value may point into it */
	copy = kstrdup(args, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	info->mod->args = copy;
	err = module_parse_args(info->mod->name, copy, kp, num);
	return err;
}

/*
 * The struct module lives in the module area too, not in the direct map:
 * module code built with -mcmodel=kernel takes THIS_MODULE's address as a
 * sign-extended 32-bit immediate (R_X86_64_32S), which reaches only the
 * top 2 GiB.  (Linux keeps it in the module's own data, in the section
 * .gnu.linkonce.this_module.)
 */
static struct module *alloc_module_struct(void)
{
	struct module *mod = module_alloc(sizeof(*mod), __builtin_return_address(0));

	if (mod)
		memset(mod, 0, sizeof(*mod));
	return mod;
}

/* Off the list, its references dropped: module_mutex held. */
static void unlist_module(struct module *mod)
{
	module_list_del(mod);
	module_unload_free(mod);
}

/* Free everything a module holds; it is off the list already. */
static void free_module(struct module *mod)
{
	/* the charp copies parsing made (the variables are in core) */
	if (mod->kp)
		module_destroy_params(mod->kp, mod->num_kp);
	if (mod->init_mem)
		vfree(mod->init_mem);
	if (mod->core)
		vfree(mod->core);
	kfree(mod->kallsyms);
	kfree(mod->syms);
	kfree(mod->gpl_syms);
	kfree(mod->sects);
	kfree(mod->args);
	vfree(mod);
}

/*
 * Run the module's init in this task; an oops in it is caught here.  Its
 * name is Linux's, and it is never inlined or cloned: a debugger breaks
 * here to learn of each new module before its init runs (lx-symbols).
 */
__attribute__((__noipa__)) int do_init_module(struct module *mod, bool *oopsed)
{
	struct oops_catcher c;
	int ret;

	if (!mod->init)
		return 0;
	if (oops_catch(&c) == 0) {
		ret = mod->init();
		oops_uncatch(&c);
	} else {
		pr_err("%s: init oopsed: insmod is killed; the module stays, loading, as on Linux (rmmod refuses it, rmmod -f removes it)\n",
		       mod->name);
		*oopsed = true;
		return -EOOPSKILLED;
	}
	if (ret > 0) {
		pr_warn("%s: '%ps'->init suspiciously returned %d, it should follow 0/-E convention\n",
			mod->name, mod->init, ret);
		ret = 0;
	}
	return ret;
}

/* Steps 3 to 6 under module_mutex; the module is on the list, UNFORMED. */
static int layout_and_link(struct load_info *info)
{
	struct mod_elf *elf = &info->elf;
	struct module *mod = info->mod;
	const char *failed = NULL;
	int err, idx;

	elf->secs = kcalloc(elf->shnum, sizeof(*elf->secs), GFP_KERNEL);
	elf->symval = kmalloc_array(elf->nsyms, sizeof(*elf->symval), GFP_KERNEL);
	if (!elf->secs || !elf->symval)
		return -ENOMEM;
	err = mod_elf_layout(elf);
	if (err)
		goto bad_elf;
	err = alloc_parts(info);
	if (err)
		return err;
	mod_elf_copy(elf);
	err = mod_elf_resolve(elf, resolve_one, info, &failed);
	if (err == -ENOENT) {
		pr_warn("%s: Unknown symbol %s (err %d)\n", mod->name, failed, err);
		return err;
	}
	if (err == -ENOEXEC)
		goto bad_elf;
	if (err)
		return err;
	err = mod_elf_relocate(elf, NULL);
	if (err)
		goto bad_elf;
	err = collect_exports(info, false);
	if (!err)
		err = collect_exports(info, true);
	if (!err)
		err = module_build_kallsyms(mod, elf);
	if (!err)
		err = record_sections(mod, elf);
	if (err)
		return err;
	for (idx = 1; idx < (int)elf->nsyms; idx++) {
		const char *name = mod_elf_sym_name(elf, idx);

		if (elf->syms[idx].st_shndx == SHN_UNDEF ||
		    ELF64_ST_BIND(elf->syms[idx].st_info) == STB_LOCAL)
			continue;
		if (!strcmp(name, "init_module"))
			mod->init = (int (*)(void))(unsigned long)elf->symval[idx];
		else if (!strcmp(name, "cleanup_module"))
			mod->exit = (void (*)(void))(unsigned long)elf->symval[idx];
	}
	protect_part(mod->core, &elf->parts[MOD_PART_CORE]);
	protect_part(mod->init_mem, &elf->parts[MOD_PART_INIT]);
	run_module_ctors(info);		/* once the code may run */
	return 0;

bad_elf:
	pr_err("%s: %s\n", mod->name, elf->reason);
	return -ENOEXEC;
}

/**
 * load_module_image - load a module from a .ko image in memory
 * @filename: for messages and the default name ("a.ko")
 * @data: the file's bytes (copied if not 8-byte aligned)
 * @size: its length
 * @args: "name=value ..." for its parameters, or NULL
 *
 * Context: Process context.  May sleep; runs the module's init in the
 * caller's task.
 * Return: 0, or a negative errno: -ENOEXEC (Invalid module format),
 * -ENOENT (Unknown symbol in module), -EEXIST, -ENOMEM, -EINVAL (a bad
 * parameter), what init returned, or -EOOPSKILLED: init oopsed, the
 * module stays (COMING), as on Linux, where the oops kills the insmod.
 */
int load_module_image(const char *filename, const void *data, size_t size,
		      const char *args)
{
	struct load_info info = { .filename = filename };
	struct module *mod;
	bool oopsed = false;
	int err;

	if ((unsigned long)data % 8) {
		info.copy = kvmalloc(size, GFP_KERNEL);
		if (!info.copy)
			return -ENOMEM;
		memcpy(info.copy, data, size);
		data = info.copy;
	}
	module_fault_note_register();
	err = mod_elf_check(&info.elf, data, size);
	if (err) {
		pr_err("%s: %s\n", filename, info.elf.reason);
		goto out_copy;
	}
	mod = alloc_module_struct();
	if (!mod) {
		err = -ENOMEM;
		goto out_copy;
	}
	info.mod = mod;
	mod->state = MODULE_STATE_UNFORMED;
	INIT_LIST_HEAD(&mod->source_list);
	INIT_LIST_HEAD(&mod->target_list);
	INIT_LIST_HEAD(&mod->allocs);
	set_module_name(&info);

	mutex_lock(&module_mutex);
	if (find_module(mod->name)) {
		mutex_unlock(&module_mutex);
		vfree(mod);
		err = -EEXIST;
		goto out_copy;
	}
	module_list_add(mod);	/* newest first, as Linux; UNFORMED: not yet visible */
	set_license(mod, mod_elf_modinfo(&info.elf, "license", NULL));
	err = layout_and_link(&info);
	mutex_unlock(&module_mutex);
	/* parameters: module code (its ops) runs, so not under the mutex */
	if (!err)
		err = parse_args(&info, args);
	mutex_lock(&module_mutex);
	if (err) {
		unlist_module(mod);
		mutex_unlock(&module_mutex);
		free_module(mod);
		goto out_elf;
	}
	mod->state = MODULE_STATE_COMING;
	mutex_unlock(&module_mutex);

	err = do_init_module(mod, &oopsed);
	mutex_lock(&module_mutex);
	if (oopsed) {
		/*
		 * Its state is unknown (half initialized, maybe holding
		 * locks), so it stays, COMING, as Linux's does; rmmod -f
		 * removes it without running its exit.
		 */
		mutex_unlock(&module_mutex);
		goto out_elf;
	}
	if (err) {
		mod->state = MODULE_STATE_GOING;
		module_check_leaks(mod);	/* on the list: names for the report */
		unlist_module(mod);
		mutex_unlock(&module_mutex);
		free_module(mod);
		goto out_elf;
	}
	mod->state = MODULE_STATE_LIVE;
	if (mod->init_mem) {
		vfree(mod->init_mem);
		mod->init_mem = NULL;
	}
	mutex_unlock(&module_mutex);
out_elf:
	kfree(info.elf.secs);
	kfree(info.elf.symval);
out_copy:
	kvfree(info.copy);
	return err;
}

/**
 * load_module_file - insmod: load a boot file by name
 * @filename: "a.ko" (a path's last component also matches)
 * @args: parameters, or NULL
 *
 * Context: Process context.  May sleep.
 * Return: as load_module_image(); -ENOENT if there is no such file.
 */
int load_module_file(const char *filename, const char *args)
{
	const struct boot_file *f = boot_file_find(filename);

	if (!f)
		return -ENOENT;
	return load_module_image(f->name, f->data, f->size, args);
}

/*
 * Run the module's exit in this task, as do_init_module() runs init: an
 * oops in it ends only the rmmod.  Return: true if it oopsed.
 */
static noinline bool run_exit_caught(struct module *mod)
{
	struct oops_catcher c;

	if (oops_catch(&c) == 0) {
		mod->exit();
		oops_uncatch(&c);
		return false;
	}
	pr_err("%s: exit oopsed: rmmod is killed; the module stays, unloading, as on Linux (rmmod refuses it, rmmod -f removes it)\n",
	       mod->name);
	return true;
}

/**
 * delete_module - rmmod: run a module's exit and free it
 * @name: the module
 * @force: rmmod -f: also a module whose init oopsed (its exit is not
 *         run) or that has no exit; taints the kernel R, as Linux
 * @users: on -EWOULDBLOCK, the names of the modules using it, with commas
 * @users_len: size of @users
 *
 * Context: Process context.  May sleep.
 * Return: 0; -ENOENT (not loaded); -EWOULDBLOCK (in use: @users says by
 * whom); -EBUSY (it has an init but no exit, or its init or exit
 * oopsed: not LIVE, as Linux refuses it); -EOOPSKILLED (its exit oopsed:
 * it stays).
 */
int delete_module(const char *name, bool force, char *users, size_t users_len)
{
	bool run_exit;

	struct module *mod;
	struct module_use *use;
	size_t len = 0;

	mutex_lock(&module_mutex);
	mod = find_module(name);
	if (!mod || mod->state == MODULE_STATE_UNFORMED) {
		mutex_unlock(&module_mutex);
		return -ENOENT;
	}
	if (!list_empty(&mod->source_list)) {
		if (users_len)
			users[0] = '\0';
		list_for_each_entry(use, &mod->source_list, source_list)
			len += scnprintf(users + len, users_len - len, "%s%s",
					 len ? "," : "", use->source->name);
		mutex_unlock(&module_mutex);
		return -EWOULDBLOCK;
	}
	if (!force && (mod->state != MODULE_STATE_LIVE ||
		       (mod->init && !mod->exit))) {
		mutex_unlock(&module_mutex);
		return -EBUSY;
	}
	if (force)
		add_taint(TAINT_FORCED_RMMOD, LOCKDEP_STILL_OK);
	run_exit = mod->state == MODULE_STATE_LIVE && mod->exit;
	mod->state = MODULE_STATE_GOING;
	mutex_unlock(&module_mutex);

	if (run_exit && run_exit_caught(mod))
		return -EOOPSKILLED;	/* it stays, GOING: rmmod -f removes it */

	module_check_leaks(mod);	/* still on the list: names in the report */
	mutex_lock(&module_mutex);
	unlist_module(mod);
	mutex_unlock(&module_mutex);
	free_module(mod);
	return 0;
}

/**
 * print_modules - the oops line "Modules linked in: a b"
 *
 * Context: Any context (reports).
 */
void print_modules(void)
{
	struct module *mod;

	printk(KERN_DEFAULT "Modules linked in:");
	list_for_each_entry(mod, &modules, list)
		if (mod->state != MODULE_STATE_UNFORMED)
			pr_cont(" %s", mod->name);
	pr_cont("\n");
}
