// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/module/elf.c - check, lay out and relocate a .ko image.
 *
 * This is the part of the module loader that reads the file, and the
 * file is untrusted input: a student's half-built object, a truncated
 * copy, or a fuzzer's bytes.  So the code is portable C with no hardware
 * and no allocation (the caller hands in every array), built into the
 * kernel and into the host tests and the fuzzer alike
 * (tests/host/test_module_elf.c, tests/fuzz/module_elf_fuzz.c).
 *
 * The rule that keeps it safe: mod_elf_check() proves, once, every fact
 * the later steps rely on (header fields, each section inside the file,
 * every sh_link/sh_info an index, the symbol and string tables bounded
 * and NUL terminated, every symbol's section an index, every relocation's
 * symbol an index and its target bytes inside the target section).  The
 * later steps index freely, because the checker said they may.
 *
 * Layout.  Linux groups a module's SHF_ALLOC sections by what they need
 * from the page tables; so does this loader.  Two parts, each one
 * allocation of the module area:
 *
 *	core:	text | rodata | data+bss     (lives until rmmod)
 *	init:	text | rodata | data+bss     (.init.* sections; freed once
 *	                                      the module's init succeeded)
 *
 * Every kind starts on a page of its own, so the loader can make text
 * read-only and executable, rodata read-only and data non-executable.
 * Relocation writes go through part_mem (where the bytes are now) and
 * are computed with part_addr (where they run): in the kernel the two
 * are the same, the host tests use fake kernel addresses.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/page.h>
#include <linux/export.h>
#include <kernel/module_elf.h>

/* One part may not be larger than this (the module area is 1.5 GiB). */
#define MOD_PART_MAX	(256UL << 20)

static int refuse(struct mod_elf *elf, const char *fmt, ...)
	__printf(2, 3);

/* Record why the image is refused; return -ENOEXEC (Invalid module format). */
static int refuse(struct mod_elf *elf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(elf->reason, sizeof(elf->reason), fmt, ap);
	va_end(ap);
	return -ENOEXEC;
}

/* [off, off + len) lies inside a buffer of @size bytes (no overflow). */
static bool range_ok(u64 off, u64 len, u64 size)
{
	return off <= size && len <= size - off;
}

/**
 * mod_elf_sec_name - a section's name
 * @elf: a checked image
 * @i: section index, below elf->shnum
 *
 * Context: Any context.
 * Return: the name (NUL terminated: the checker made sure).
 */
const char *mod_elf_sec_name(const struct mod_elf *elf, unsigned int i)
{
	return elf->secstrings + elf->shdrs[i].sh_name;
}

/**
 * mod_elf_sym_name - a symbol's name
 * @elf: a checked image
 * @i: symbol index, below elf->nsyms
 *
 * Context: Any context.
 * Return: the name, "" for none.
 */
const char *mod_elf_sym_name(const struct mod_elf *elf, unsigned int i)
{
	return elf->strtab + elf->syms[i].st_name;
}

/**
 * mod_elf_find_section - the index of the section called @name
 * @elf: a checked image
 * @name: e.g. ".modinfo"
 *
 * Context: Any context.
 * Return: the index, or -1 when there is none (index 0 is never a match).
 */
int mod_elf_find_section(const struct mod_elf *elf, const char *name)
{
	unsigned int i;

	for (i = 1; i < elf->shnum; i++)
		if (!strcmp(mod_elf_sec_name(elf, i), name))
			return i;
	return -1;
}

/**
 * mod_elf_sec_data - a section's bytes in the file
 * @elf: a checked image
 * @i: section index
 *
 * Context: Any context.
 * Return: a pointer into the image, or NULL for SHT_NOBITS and SHT_NULL.
 */
const void *mod_elf_sec_data(const struct mod_elf *elf, unsigned int i)
{
	const Elf64_Shdr *sh = &elf->shdrs[i];

	if (sh->sh_type == SHT_NOBITS || sh->sh_type == SHT_NULL)
		return NULL;
	return elf->data + sh->sh_offset;
}

/**
 * mod_elf_modinfo - the next .modinfo value for @tag
 * @elf: a checked image
 * @tag: "license", "author", "parm", ...
 * @prev: NULL for the first value, else the value returned last time
 *
 * .modinfo is a run of NUL-terminated "tag=value" strings (padding NULs
 * between them are skipped).  A last string without its NUL is ignored.
 *
 * Context: Any context.
 * Return: the value (after "tag="), or NULL when there is no more.
 */
const char *mod_elf_modinfo(const struct mod_elf *elf, const char *tag,
			    const char *prev)
{
	int idx = mod_elf_find_section(elf, ".modinfo");
	size_t taglen = strlen(tag);
	const char *p, *end;

	if (idx < 0 || !mod_elf_sec_data(elf, idx))
		return NULL;
	p = mod_elf_sec_data(elf, idx);
	end = p + elf->shdrs[idx].sh_size;
	if (prev)
		p = prev + strlen(prev) + 1;	/* prev is inside, terminated */
	while (p < end) {
		size_t len = strnlen(p, end - p);

		if (len == (size_t)(end - p))
			break;			/* no NUL before the end */
		if (len > taglen && !strncmp(p, tag, taglen) && p[taglen] == '=')
			return p + taglen + 1;
		p += len + 1;
	}
	return NULL;
}

/**
 * mod_symbol_bsearch - find @name in an export table sorted by name
 * @tab: the table (the kernel's __ksymtab, or a module's sorted copy)
 * @num: its entries
 * @name: the symbol
 *
 * O(log num) string compares: symbol lookup stays cheap as the kernel
 * exports more (make bench-host has rows at 1000, 2000, 4000 exports).
 *
 * Context: Any context.
 * Return: the entry, or NULL.
 */
const struct kernel_symbol *mod_symbol_bsearch(const struct kernel_symbol *tab,
					       unsigned int num, const char *name)
{
	unsigned int lo = 0, hi = num;

	while (lo < hi) {
		unsigned int mid = lo + (hi - lo) / 2;
		int c = strcmp(name, tab[mid].name);

		if (!c)
			return &tab[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* Bytes a relocation of @type writes, or 0 for a type the loader refuses. */
static unsigned int reloc_width(u32 type)
{
	switch (type) {
	case R_X86_64_NONE:
		return 1;	/* writes nothing; offset still inside */
	case R_X86_64_64:
	case R_X86_64_PC64:
		return 8;
	case R_X86_64_PC32:
	case R_X86_64_PLT32:
	case R_X86_64_32:
	case R_X86_64_32S:
		return 4;
	}
	return 0;
}

/* The ELF header, and the section table inside the file. */
static int check_header(struct mod_elf *elf)
{
	const Elf64_Ehdr *eh = elf->ehdr;

	if (elf->size < sizeof(*eh))
		return refuse(elf, "file too short for an ELF header (%zu bytes)",
			      elf->size);
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return refuse(elf, "not an ELF file (bad magic)");
	if (eh->e_ident[EI_CLASS] != ELFCLASS64)
		return refuse(elf, "not ELFCLASS64 (class %u)",
			      eh->e_ident[EI_CLASS]);
	if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return refuse(elf, "not little-endian (data %u)",
			      eh->e_ident[EI_DATA]);
	if (eh->e_ident[EI_VERSION] != EV_CURRENT || eh->e_version != EV_CURRENT)
		return refuse(elf, "unknown ELF version");
	if (eh->e_type != ET_REL)
		return refuse(elf, "not a relocatable object (type %u, want ET_REL)",
			      eh->e_type);
	if (eh->e_machine != EM_X86_64)
		return refuse(elf, "not for x86_64 (machine %u)", eh->e_machine);
	if (eh->e_shentsize != sizeof(Elf64_Shdr))
		return refuse(elf, "bad section header size %u", eh->e_shentsize);
	if (eh->e_shnum == 0 || eh->e_shnum > MOD_ELF_MAX_SECTIONS)
		return refuse(elf, "bad section count %u", eh->e_shnum);
	if (eh->e_shoff % 8 ||
	    !range_ok(eh->e_shoff, (u64)eh->e_shnum * sizeof(Elf64_Shdr),
		      elf->size))
		return refuse(elf, "section headers outside the file (offset %llu, %u headers)",
			      (unsigned long long)eh->e_shoff, eh->e_shnum);
	if (eh->e_shstrndx == SHN_UNDEF || eh->e_shstrndx >= eh->e_shnum)
		return refuse(elf, "bad section name table index %u",
			      eh->e_shstrndx);
	elf->shdrs = (const Elf64_Shdr *)(elf->data + eh->e_shoff);
	elf->shnum = eh->e_shnum;
	return 0;
}

/* A string table: inside the file, not empty, its last byte a NUL. */
static int check_strtab(struct mod_elf *elf, unsigned int i, const char *what)
{
	const Elf64_Shdr *sh = &elf->shdrs[i];

	if (sh->sh_type != SHT_STRTAB)
		return refuse(elf, "%s (section %u) is not a string table", what, i);
	if (!range_ok(sh->sh_offset, sh->sh_size, elf->size))
		return refuse(elf, "%s (section %u) outside the file", what, i);
	if (sh->sh_size == 0 || elf->data[sh->sh_offset + sh->sh_size - 1])
		return refuse(elf, "%s (section %u) not NUL terminated", what, i);
	return 0;
}

/* Every section: name, bounds, alignment, links; find the symbol table. */
static int check_sections(struct mod_elf *elf)
{
	const Elf64_Shdr *shstr = &elf->shdrs[elf->ehdr->e_shstrndx];
	unsigned int i;
	int err;

	err = check_strtab(elf, elf->ehdr->e_shstrndx, "section name table");
	if (err)
		return err;
	elf->secstrings = (const char *)elf->data + shstr->sh_offset;

	for (i = 1; i < elf->shnum; i++) {
		const Elf64_Shdr *sh = &elf->shdrs[i];

		if (sh->sh_name >= shstr->sh_size)
			return refuse(elf, "section %u: name offset %u outside the name table",
				      i, sh->sh_name);
		if (sh->sh_type != SHT_NOBITS && sh->sh_type != SHT_NULL &&
		    !range_ok(sh->sh_offset, sh->sh_size, elf->size))
			return refuse(elf, "section %u (%s): offset %llu size %llu outside the file (%zu bytes)",
				      i, mod_elf_sec_name(elf, i),
				      (unsigned long long)sh->sh_offset,
				      (unsigned long long)sh->sh_size, elf->size);
		if (sh->sh_addralign & (sh->sh_addralign - 1) ||
		    sh->sh_addralign > PAGE_SIZE)
			return refuse(elf, "section %u (%s): bad alignment %llu",
				      i, mod_elf_sec_name(elf, i),
				      (unsigned long long)sh->sh_addralign);
		if (sh->sh_link >= elf->shnum)
			return refuse(elf, "section %u (%s): sh_link %u out of range",
				      i, mod_elf_sec_name(elf, i), sh->sh_link);
		if ((sh->sh_flags & SHF_ALLOC) && sh->sh_size > MOD_PART_MAX)
			return refuse(elf, "section %u (%s): too big (%llu bytes)",
				      i, mod_elf_sec_name(elf, i),
				      (unsigned long long)sh->sh_size);
		if (sh->sh_type == SHT_SYMTAB) {
			if (elf->symtab_idx)
				return refuse(elf, "more than one symbol table");
			elf->symtab_idx = i;
		}
	}
	if (!elf->symtab_idx)
		return refuse(elf, "no symbol table");
	return 0;
}

/* The symbol table, its strings, and each symbol's name and section. */
static int check_symtab(struct mod_elf *elf)
{
	const Elf64_Shdr *sh = &elf->shdrs[elf->symtab_idx];
	unsigned int i;
	int err;

	if (sh->sh_entsize != sizeof(Elf64_Sym) || sh->sh_size % sizeof(Elf64_Sym) ||
	    sh->sh_size == 0 || sh->sh_offset % 8)
		return refuse(elf, "bad symbol table (size %llu, entsize %llu)",
			      (unsigned long long)sh->sh_size,
			      (unsigned long long)sh->sh_entsize);
	if (sh->sh_size / sizeof(Elf64_Sym) > 0xffffffffUL)
		return refuse(elf, "too many symbols");
	err = check_strtab(elf, sh->sh_link, "symbol string table");
	if (err)
		return err;
	elf->syms = (const Elf64_Sym *)(elf->data + sh->sh_offset);
	elf->nsyms = sh->sh_size / sizeof(Elf64_Sym);
	elf->strtab = (const char *)elf->data + elf->shdrs[sh->sh_link].sh_offset;
	elf->strtab_size = elf->shdrs[sh->sh_link].sh_size;

	for (i = 1; i < elf->nsyms; i++) {
		const Elf64_Sym *s = &elf->syms[i];

		if (s->st_name >= elf->strtab_size)
			return refuse(elf, "symbol %u: name offset %u outside the string table",
				      i, s->st_name);
		if (s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_ABS ||
		    s->st_shndx == SHN_COMMON)
			continue;
		if (s->st_shndx >= elf->shnum)
			return refuse(elf, "symbol %u (%s): section index %u out of range",
				      i, mod_elf_sym_name(elf, i), s->st_shndx);
		if ((elf->shdrs[s->st_shndx].sh_flags & SHF_ALLOC) &&
		    s->st_value > elf->shdrs[s->st_shndx].sh_size)
			return refuse(elf, "symbol %u (%s): value %#llx past its section",
				      i, mod_elf_sym_name(elf, i),
				      (unsigned long long)s->st_value);
	}
	return 0;
}

/* Each relocation section: shape, links, and every entry's indexes. */
static int check_relocs(struct mod_elf *elf)
{
	unsigned int i;

	for (i = 1; i < elf->shnum; i++) {
		const Elf64_Shdr *sh = &elf->shdrs[i];
		const Elf64_Shdr *target;
		const Elf64_Rela *rela;
		unsigned long n, j;

		if (sh->sh_type != SHT_RELA && sh->sh_type != SHT_REL)
			continue;
		if (sh->sh_info == 0 || sh->sh_info >= elf->shnum)
			return refuse(elf, "relocation section %u (%s): target section %u out of range",
				      i, mod_elf_sec_name(elf, i), sh->sh_info);
		target = &elf->shdrs[sh->sh_info];
		if (!(target->sh_flags & SHF_ALLOC))
			continue;	/* debug info: not loaded, not relocated */
		if (sh->sh_type == SHT_REL)
			return refuse(elf, "relocation section %u (%s): REL relocations are not supported",
				      i, mod_elf_sec_name(elf, i));
		if (sh->sh_link != elf->symtab_idx)
			return refuse(elf, "relocation section %u (%s): sh_link %u is not the symbol table",
				      i, mod_elf_sec_name(elf, i), sh->sh_link);
		if (sh->sh_entsize != sizeof(Elf64_Rela) ||
		    sh->sh_size % sizeof(Elf64_Rela) || sh->sh_offset % 8)
			return refuse(elf, "relocation section %u (%s): bad size %llu or entsize %llu",
				      i, mod_elf_sec_name(elf, i),
				      (unsigned long long)sh->sh_size,
				      (unsigned long long)sh->sh_entsize);
		rela = (const Elf64_Rela *)(elf->data + sh->sh_offset);
		n = sh->sh_size / sizeof(Elf64_Rela);
		for (j = 0; j < n; j++) {
			u64 sym = ELF64_R_SYM(rela[j].r_info);
			unsigned int width = reloc_width(ELF64_R_TYPE(rela[j].r_info));

			if (sym >= elf->nsyms)
				return refuse(elf, "relocation %lu of %s: symbol index %llu out of range (%u symbols)",
					      j, mod_elf_sec_name(elf, i),
					      (unsigned long long)sym, elf->nsyms);
			if (width && !range_ok(rela[j].r_offset, width, target->sh_size))
				return refuse(elf, "relocation %lu of %s: offset %#llx outside %s (%llu bytes)",
					      j, mod_elf_sec_name(elf, i),
					      (unsigned long long)rela[j].r_offset,
					      mod_elf_sec_name(elf, sh->sh_info),
					      (unsigned long long)target->sh_size);
		}
	}
	return 0;
}

/**
 * mod_elf_check - check that @data is a .ko this loader can use
 * @elf: filled in (everything is reset first)
 * @data: the file's bytes, 8-byte aligned
 * @size: its length
 *
 * Checks what every later step relies on; see the top of this file.
 *
 * Context: Any context.
 * Return: 0, or -ENOEXEC with the reason in elf->reason.
 */
int mod_elf_check(struct mod_elf *elf, const void *data, size_t size)
{
	int err;

	memset(elf, 0, sizeof(*elf));
	elf->data = data;
	elf->size = size;
	elf->ehdr = data;
	if ((unsigned long)data % 8)
		return refuse(elf, "image not 8-byte aligned");
	err = check_header(elf);
	if (!err)
		err = check_sections(elf);
	if (!err)
		err = check_symtab(elf);
	if (!err)
		err = check_relocs(elf);
	return err;
}

/* Sections the loader reads from the file but does not load. */
static bool sec_not_loaded(const struct mod_elf *elf, unsigned int i)
{
	const char *name = mod_elf_sec_name(elf, i);

	return !strcmp(name, ".modinfo") || !strcmp(name, "__versions");
}

static enum mod_kind sec_kind(const Elf64_Shdr *sh)
{
	if (sh->sh_flags & SHF_EXECINSTR)
		return MOD_KIND_TEXT;
	if (sh->sh_flags & SHF_WRITE)
		return MOD_KIND_DATA;
	return MOD_KIND_RODATA;
}

/**
 * mod_elf_layout - place every loaded section in the core or init part
 * @elf: a checked image with elf->secs pointing at elf->shnum entries
 *
 * Fills elf->secs and elf->parts.  Sizes are multiples of PAGE_SIZE.
 *
 * Context: Any context.
 * Return: 0, or -ENOEXEC when a part would be too big.
 */
int mod_elf_layout(struct mod_elf *elf)
{
	unsigned int part, kind, i;

	memset(elf->secs, 0, elf->shnum * sizeof(*elf->secs));
	memset(elf->parts, 0, sizeof(elf->parts));
	for (part = 0; part < MOD_NR_PARTS; part++) {
		struct mod_part_layout *pl = &elf->parts[part];
		unsigned long cursor = 0;

		for (kind = 0; kind < MOD_NR_KINDS; kind++) {
			cursor = PAGE_ALIGN(cursor);
			pl->kind_start[kind] = cursor;
			for (i = 1; i < elf->shnum; i++) {
				const Elf64_Shdr *sh = &elf->shdrs[i];
				bool init = !strncmp(mod_elf_sec_name(elf, i),
						     ".init", 5);
				unsigned long align = sh->sh_addralign ?: 1;

				if (!(sh->sh_flags & SHF_ALLOC) ||
				    sh->sh_type == SHT_NULL ||
				    sec_not_loaded(elf, i) ||
				    (init ? MOD_PART_INIT : MOD_PART_CORE) != part ||
				    sec_kind(sh) != kind)
					continue;
				cursor = ALIGN(cursor, align);
				elf->secs[i].placed = true;
				elf->secs[i].part = part;
				elf->secs[i].offset = cursor;
				cursor += sh->sh_size;
				if (cursor > MOD_PART_MAX)
					return refuse(elf, "module too big (over %lu MiB)",
						      MOD_PART_MAX >> 20);
			}
			pl->kind_size[kind] = cursor - pl->kind_start[kind];
		}
		pl->size = PAGE_ALIGN(cursor);
	}
	return 0;
}

/**
 * mod_elf_sec_addr - where a placed section runs
 * @elf: laid out, with part_addr set
 * @i: a placed section
 *
 * Context: Any context.
 * Return: its run-time address.
 */
u64 mod_elf_sec_addr(const struct mod_elf *elf, unsigned int i)
{
	return elf->part_addr[elf->secs[i].part] + elf->secs[i].offset;
}

/**
 * mod_elf_sec_mem - where a placed section's bytes are now
 * @elf: laid out, with part_mem set
 * @i: a placed section
 *
 * Context: Any context.
 * Return: a pointer to its first byte.
 */
void *mod_elf_sec_mem(const struct mod_elf *elf, unsigned int i)
{
	return elf->part_mem[elf->secs[i].part] + elf->secs[i].offset;
}

/**
 * mod_elf_copy - copy the placed sections into the parts' memory
 * @elf: laid out, with part_mem set for every part of non-zero size
 *
 * Everything else in the parts (padding, bss) is zeroed.
 *
 * Context: Any context.
 */
void mod_elf_copy(struct mod_elf *elf)
{
	unsigned int part, i;

	for (part = 0; part < MOD_NR_PARTS; part++)
		if (elf->parts[part].size)
			memset(elf->part_mem[part], 0, elf->parts[part].size);
	for (i = 1; i < elf->shnum; i++) {
		const Elf64_Shdr *sh = &elf->shdrs[i];

		if (elf->secs[i].placed && sh->sh_type != SHT_NOBITS)
			memcpy(mod_elf_sec_mem(elf, i), elf->data + sh->sh_offset,
			       sh->sh_size);
	}
}

/**
 * mod_elf_resolve - the value of every symbol, in elf->symval
 * @elf: laid out, with part_addr set and symval pointing at nsyms entries
 * @resolve: called for each undefined symbol with a name
 * @cookie: passed to @resolve
 * @failed_name: on error, set to the symbol that could not be resolved
 *
 * A weak undefined symbol that @resolve does not find is 0, as Linux.
 *
 * Context: Whatever @resolve allows.
 * Return: 0, @resolve's error (-ENOENT: unknown symbol), or -ENOEXEC for
 * a common symbol (reason in elf->reason).
 */
int mod_elf_resolve(struct mod_elf *elf, mod_resolve_t resolve, void *cookie,
		    const char **failed_name)
{
	unsigned int i;

	elf->symval[0] = 0;
	for (i = 1; i < elf->nsyms; i++) {
		const Elf64_Sym *s = &elf->syms[i];
		const char *name = mod_elf_sym_name(elf, i);
		bool weak = ELF64_ST_BIND(s->st_info) == STB_WEAK;
		int err;

		switch (s->st_shndx) {
		case SHN_UNDEF:
			elf->symval[i] = 0;
			if (!*name)
				break;
			err = resolve(cookie, name, weak, &elf->symval[i]);
			if (err == -ENOENT && weak) {
				elf->symval[i] = 0;
			} else if (err) {
				*failed_name = name;
				return err;
			}
			break;
		case SHN_ABS:
			elf->symval[i] = s->st_value;
			break;
		case SHN_COMMON:
			*failed_name = name;
			return refuse(elf, "common symbol %s: build with -fno-common",
				      name);
		default:
			if (elf->secs[s->st_shndx].placed)
				elf->symval[i] = mod_elf_sec_addr(elf, s->st_shndx) +
						 s->st_value;
			else
				elf->symval[i] = s->st_value;
		}
	}
	return 0;
}

/* The value does not fit the field of relocation @type. */
static int overflow(struct mod_elf *elf, u32 type, u64 val)
{
	return refuse(elf, "overflow in relocation type %u val %llx (not built with -mcmodel=kernel?)",
		      type, (unsigned long long)val);
}

/**
 * mod_elf_relocate - apply the RELA relocations of the placed sections
 * @elf: copied and resolved
 * @count: if not NULL, set to the number of relocations applied
 *
 * Types: R_X86_64_64, PC32, PLT32 (as PC32: the module calls the kernel
 * directly, no PLT), 32, 32S, PC64, NONE.  Values that do not fit the
 * field are refused, as is any other type.
 *
 * Context: Any context.
 * Return: 0, or -ENOEXEC with the reason in elf->reason ("Unknown rela
 * relocation: N" for a type not handled).
 */
int mod_elf_relocate(struct mod_elf *elf, unsigned int *count)
{
	unsigned int i, applied = 0;

	for (i = 1; i < elf->shnum; i++) {
		const Elf64_Shdr *sh = &elf->shdrs[i];
		const Elf64_Rela *rela;
		unsigned long n, j;
		unsigned int t = sh->sh_info;

		if (sh->sh_type != SHT_RELA || !elf->secs[t].placed)
			continue;
		rela = (const Elf64_Rela *)(elf->data + sh->sh_offset);
		n = sh->sh_size / sizeof(Elf64_Rela);
		for (j = 0; j < n; j++) {
			u32 type = ELF64_R_TYPE(rela[j].r_info);
			u64 val = elf->symval[ELF64_R_SYM(rela[j].r_info)] +
				  rela[j].r_addend;
			u64 where = mod_elf_sec_addr(elf, t) + rela[j].r_offset;
			u8 *loc;
			u32 v32;

			/* the checker bounded r_offset for the known types only */
			if (!reloc_width(type))
				return refuse(elf, "Unknown rela relocation: %u",
					      type);
			loc = (u8 *)mod_elf_sec_mem(elf, t) + rela[j].r_offset;
			switch (type) {
			case R_X86_64_NONE:
				continue;
			case R_X86_64_64:
				memcpy(loc, &val, 8);
				break;
			case R_X86_64_32:
				if (val != (u32)val)
					return overflow(elf, type, val);
				v32 = val;
				memcpy(loc, &v32, 4);
				break;
			case R_X86_64_32S:
				if ((s64)val != (s32)val)
					return overflow(elf, type, val);
				v32 = val;
				memcpy(loc, &v32, 4);
				break;
			case R_X86_64_PC32:
			case R_X86_64_PLT32:
				val -= where;
				if ((s64)val != (s32)val)
					return overflow(elf, type, val);
				v32 = val;
				memcpy(loc, &v32, 4);
				break;
			case R_X86_64_PC64:
				val -= where;
				memcpy(loc, &val, 8);
				break;
			}
			applied++;
		}
	}
	if (count)
		*count = applied;
	return 0;
}
