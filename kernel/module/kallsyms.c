// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/kallsyms.c - module symbols for reports.
 *
 * At load, the module's function and object symbols (those in a loaded
 * section) are copied out of its ELF symbol table into one allocation:
 * an array sorted by address, then the names.  kernel/kallsyms.c asks
 * here for any address it does not know, so backtraces print module
 * functions as "func+0x1c/0x90 [name]".
 *
 * The init part's symbols stay in the table after the init part is
 * freed (its address range is remembered in init_addr/init_size): a leak
 * report at rmmod still names the init function that made it.  The core
 * parts of all modules are searched before any init range, so a later
 * module loaded where an old init part was wins.
 *
 * Lookups take no lock and allocate nothing: reports call them from any
 * context (see the locking note in main.c).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/page.h>
#include <asm/traps.h>
#include <kernel/module.h>
#include "internal.h"

static bool in_range(unsigned long addr, unsigned long start, unsigned long size)
{
	return start && addr - start < size;
}

/* Is @addr inside @mod's core part (or its init part, while loaded)? */
bool module_text_or_data(const struct module *mod, unsigned long addr)
{
	return in_range(addr, (unsigned long)mod->core, mod->core_size) ||
	       (mod->init_mem && in_range(addr, mod->init_addr, mod->init_size));
}

/* The names module_init() and module_exit() give their functions. */
static bool is_alias(const char *name)
{
	return !strcmp(name, "init_module") || !strcmp(name, "cleanup_module");
}

/* The symbols worth naming: functions and objects in loaded sections. */
static bool keep_symbol(const struct mod_elf *elf, unsigned int i)
{
	const Elf64_Sym *s = &elf->syms[i];
	unsigned int type = ELF64_ST_TYPE(s->st_info);

	return (type == STT_FUNC || type == STT_OBJECT) &&
	       s->st_shndx != SHN_UNDEF && s->st_shndx < elf->shnum &&
	       elf->secs[s->st_shndx].placed && *mod_elf_sym_name(elf, i);
}

/**
 * module_build_kallsyms - copy @mod's symbols out of its ELF image
 * @mod: being loaded (parts allocated)
 * @elf: resolved (symval holds every symbol's address)
 *
 * Context: Process context.  May sleep.
 * Return: 0 or -ENOMEM.
 */
int module_build_kallsyms(struct module *mod, const struct mod_elf *elf)
{
	struct mod_kallsyms *ks;
	size_t names = 0, n = 0, i, j;
	char *p;

	for (i = 1; i < elf->nsyms; i++)
		if (keep_symbol(elf, i)) {
			n++;
			names += strlen(mod_elf_sym_name(elf, i)) + 1;
		}
	ks = kmalloc(sizeof(*ks) + n * sizeof(ks->syms[0]) + names, GFP_KERNEL);
	if (!ks)
		return -ENOMEM;
	p = (char *)&ks->syms[n];
	ks->num = 0;
	for (i = 1; i < elf->nsyms; i++) {
		struct mod_ksym k;

		if (!keep_symbol(elf, i))
			continue;
		k.addr = elf->symval[i];
		k.size = elf->syms[i].st_size;
		k.name = p;
		strcpy(p, mod_elf_sym_name(elf, i));
		p += strlen(p) + 1;
		/*
		 * Insertion by address; at one address, the names module_init()
		 * and module_exit() alias come first, so that lookups (the last
		 * symbol at or below) name the function as its source does.
		 */
		for (j = ks->num; j > 0 && (ks->syms[j - 1].addr > k.addr ||
			(ks->syms[j - 1].addr == k.addr && is_alias(k.name))); j--)
			ks->syms[j] = ks->syms[j - 1];
		ks->syms[j] = k;
		ks->num++;
	}
	mod->kallsyms = ks;
	return 0;
}

/* The symbol of @ks containing @addr, or NULL (binary search). */
static const struct mod_ksym *ksym_find(const struct mod_kallsyms *ks,
					unsigned long addr)
{
	unsigned int lo = 0, hi;
	const struct mod_ksym *s;

	if (!ks || !ks->num || addr < ks->syms[0].addr)
		return NULL;
	hi = ks->num;
	while (hi - lo > 1) {
		unsigned int mid = lo + (hi - lo) / 2;

		if (ks->syms[mid].addr <= addr)
			lo = mid;
		else
			hi = mid;
	}
	s = &ks->syms[lo];
	return (addr - s->addr < s->size || addr == s->addr) ? s : NULL;
}

/* The module whose core (@core) or remembered init range holds @addr. */
static struct module *module_of(unsigned long addr, bool core)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		if (core ? in_range(addr, (unsigned long)mod->core, mod->core_size)
			 : in_range(addr, mod->init_addr, mod->init_size))
			return mod;
	}
	return NULL;
}

/**
 * __module_address - the module whose memory holds @addr
 * @addr: any address
 *
 * Its core part, or the range its init part had (freed or not).
 *
 * Context: Any context.
 * Return: the module, or NULL.
 */
struct module *__module_address(unsigned long addr)
{
	if (addr < MODULES_VADDR)
		return NULL;
	return module_of(addr, true) ?: module_of(addr, false);
}

/**
 * module_address_lookup - the module symbol containing @addr
 * @addr: any address
 * @size: set to the symbol's size
 * @offset: set to @addr's offset in it
 * @modname: set to the module's name
 *
 * Context: Any context.
 * Return: the symbol's name, or NULL.
 */
const char *module_address_lookup(unsigned long addr, unsigned long *size,
				  unsigned long *offset, const char **modname)
{
	struct module *mod = __module_address(addr);
	const struct mod_ksym *s;

	if (!mod)
		return NULL;
	s = ksym_find(mod->kallsyms, addr);
	if (!s)
		return NULL;
	if (size)
		*size = s->size;
	if (offset)
		*offset = addr - s->addr;
	if (modname)
		*modname = mod->name;
	return s->name;
}

/*
 * The page-fault report's note for an address in the module area: which
 * module and which part, with the part's permissions, so that "a write to
 * rodata" reads as such.
 */
static void module_fault_note(unsigned long address)
{
	struct module *mod = __module_address(address);
	unsigned long core = (unsigned long)(mod ? mod->core : NULL);

	if (address < MODULES_VADDR || address >= MODULES_END)
		return;
	if (!mod) {
		pr_alert("address %#lx is in the module area but in no module\n",
			 address);
	} else if (!in_range(address, core, mod->core_size)) {
		pr_alert("address %#lx is in module %s's init part%s\n", address,
			 mod->name, mod->init_mem ? "" : ", freed after its init");
	} else if (address - core < PAGE_ALIGN(mod->core_text_size)) {
		pr_alert("address %#lx is in module %s: text (read-only, executable)\n",
			 address, mod->name);
	} else if (address - core < mod->core_ro_end) {
		pr_alert("address %#lx is in module %s: rodata (read-only, not executable)\n",
			 address, mod->name);
	} else {
		pr_alert("address %#lx is in module %s: data (read-write, not executable)\n",
			 address, mod->name);
	}
}

/* Add the note to page-fault reports, once (at the first load). */
void module_fault_note_register(void)
{
	static bool registered;

	if (!registered) {
		registered = true;
		register_page_fault_note(module_fault_note);
	}
}

/**
 * is_module_text_address - is @addr in a loaded module's code
 * @addr: any address
 *
 * Context: Any context.
 */
bool is_module_text_address(unsigned long addr)
{
	struct module *mod;

	list_for_each_entry(mod, &modules, list)
		if (in_range(addr, (unsigned long)mod->core, mod->core_text_size) ||
		    (mod->init_mem &&
		     in_range(addr, mod->init_addr, mod->init_text_size)))
			return true;
	return false;
}
