// SPDX-License-Identifier: GPL-2.0
// fuzz-srcs: kernel/module/elf.c lib/vsprintf.c lib/string.c
/*
 * Fuzz target for the module loader's ELF code (kernel/module/elf.c):
 * the input is a .ko file.
 *
 * It is copied to an 8-byte aligned heap buffer of exactly its size, so
 * AddressSanitizer stops any read past the file.  When the checker
 * accepts it, the target goes on as the loader does: lay out, copy into
 * parts allocated at exactly their laid-out size (a write past a part is
 * caught), resolve (names starting with 'x' are unknown, the rest get a
 * kernel-like address) and relocate.
 *
 * Properties checked, besides the absence of crashes:
 *  - a refusal always has a reason, success never;
 *  - after a successful check, every section other than NOBITS lies in
 *    the file and the symbol table is within it;
 *  - every placed section lies inside its part, and parts are whole
 *    pages;
 *  - the image with its last byte cut off is refused by the checker or
 *    still accepted, never crashes (the section headers end the file
 *    for most real objects, so this is usually a refusal).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/page.h>
#include <kernel/module_elf.h>
#include "fuzz.h"

#define FUZZ_PART_MAX	(1UL << 20)	/* skip layouts bigger than this */

static int resolve(void *cookie, const char *name, bool weak, u64 *value)
{
	if (name[0] == 'x')
		return -ENOENT;
	*value = 0xffffffff81000000ULL + (strlen(name) << 4);
	return 0;
}

static void run(const u8 *data, size_t size)
{
	struct mod_elf elf;
	u8 *copy = host_malloc(size ? size : 1);
	const char *failed = NULL;
	unsigned int i, p;
	int err;

	memcpy(copy, data, size);
	err = mod_elf_check(&elf, copy, size);
	fuzz_check(!err == !elf.reason[0], "check %d with reason '%s'",
		   err, elf.reason);
	if (err) {
		fuzz_check(err == -ENOEXEC, "check returned %d", err);
		host_free(copy);
		return;
	}
	for (i = 1; i < elf.shnum; i++) {
		const Elf64_Shdr *sh = &elf.shdrs[i];

		if (sh->sh_type != SHT_NOBITS && sh->sh_type != SHT_NULL)
			fuzz_check(sh->sh_offset <= size &&
				   sh->sh_size <= size - sh->sh_offset,
				   "section %u outside the file", i);
	}
	fuzz_check((const u8 *)(elf.syms + elf.nsyms) <= copy + size,
		   "symbol table past the file");

	/* what a modinfo command would read */
	for (const char *v = mod_elf_modinfo(&elf, "parm", NULL); v;
	     v = mod_elf_modinfo(&elf, "parm", v))
		(void)strlen(v);

	elf.secs = host_malloc(elf.shnum * sizeof(*elf.secs));
	elf.symval = host_malloc(elf.nsyms * sizeof(*elf.symval));
	err = mod_elf_layout(&elf);
	if (err || elf.parts[0].size > FUZZ_PART_MAX ||
	    elf.parts[1].size > FUZZ_PART_MAX)
		goto out;
	for (p = 0; p < MOD_NR_PARTS; p++) {
		fuzz_check(elf.parts[p].size % PAGE_SIZE == 0, "part %u size %lu",
			   p, elf.parts[p].size);
		elf.part_mem[p] = host_malloc(elf.parts[p].size ?: 1);
		elf.part_addr[p] = 0xffffffffa0000000ULL + p * 0x10000000ULL;
	}
	for (i = 1; i < elf.shnum; i++)
		if (elf.secs[i].placed)
			fuzz_check(elf.secs[i].offset + elf.shdrs[i].sh_size <=
				   elf.parts[elf.secs[i].part].size,
				   "section %u past its part", i);
	mod_elf_copy(&elf);
	err = mod_elf_resolve(&elf, resolve, NULL, &failed);
	if (err)
		fuzz_check(failed != NULL, "resolve %d without a name", err);
	else
		mod_elf_relocate(&elf, NULL);
	for (p = 0; p < MOD_NR_PARTS; p++)
		host_free(elf.part_mem[p]);
out:
	host_free(elf.secs);
	host_free(elf.symval);
	host_free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(data, size);
	if (size)
		run(data, size - 1);
	return 0;
}
