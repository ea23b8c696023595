/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <kernel/module_elf.h> - reading a .ko file: the portable half of the
 * module loader (kernel/module/elf.c).
 *
 * A .ko is an ELF64 relocatable object (ET_REL) for x86_64.  Nothing in
 * it can be trusted: every offset, size and index is checked against the
 * file before it is used.  The steps, each its own function so that the
 * host tests and the fuzzer can drive them without a kernel:
 *
 *   mod_elf_check()     headers, section table, symbol table, string
 *                       tables, relocation sections: everything the
 *                       later steps index is inside the file
 *   mod_elf_layout()    where each SHF_ALLOC section goes: a core part
 *                       (kept while the module lives) and an init part
 *                       (.init.*, freed after init), each as text, then
 *                       read-only data, then writable data, every kind
 *                       starting on a page so it gets its own permissions
 *   mod_elf_copy()      copy the sections into the parts' memory
 *   mod_elf_resolve()   the value of every symbol (undefined ones through
 *                       the caller's callback)
 *   mod_elf_relocate()  apply the RELA relocations of the placed sections
 *
 * A refusal returns a negative errno and leaves the reason, one line
 * without the module's name, in elf->reason.
 */
#ifndef _KERNEL_MODULE_ELF_H
#define _KERNEL_MODULE_ELF_H

#include <linux/types.h>

/* ---- ELF64 as the System V ABI defines it (Linux's names) ---- */

typedef u64 Elf64_Addr;
typedef u64 Elf64_Off;
typedef u16 Elf64_Half;
typedef u32 Elf64_Word;
typedef s32 Elf64_Sword;
typedef u64 Elf64_Xword;
typedef s64 Elf64_Sxword;

#define EI_NIDENT	16
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define ELFCLASS64	2
#define ELFDATA2LSB	1
#define EV_CURRENT	1
#define ET_REL		1
#define EM_X86_64	62

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf64_Half e_type;
	Elf64_Half e_machine;
	Elf64_Word e_version;
	Elf64_Addr e_entry;
	Elf64_Off e_phoff;
	Elf64_Off e_shoff;
	Elf64_Word e_flags;
	Elf64_Half e_ehsize;
	Elf64_Half e_phentsize;
	Elf64_Half e_phnum;
	Elf64_Half e_shentsize;
	Elf64_Half e_shnum;
	Elf64_Half e_shstrndx;
} Elf64_Ehdr;

#define SHN_UNDEF	0
#define SHN_LORESERVE	0xff00
#define SHN_ABS		0xfff1
#define SHN_COMMON	0xfff2
#define SHN_XINDEX	0xffff

#define SHT_NULL	0
#define SHT_PROGBITS	1
#define SHT_SYMTAB	2
#define SHT_STRTAB	3
#define SHT_RELA	4
#define SHT_NOBITS	8
#define SHT_REL		9

#define SHF_WRITE	0x1
#define SHF_ALLOC	0x2
#define SHF_EXECINSTR	0x4

typedef struct {
	Elf64_Word sh_name;
	Elf64_Word sh_type;
	Elf64_Xword sh_flags;
	Elf64_Addr sh_addr;
	Elf64_Off sh_offset;
	Elf64_Xword sh_size;
	Elf64_Word sh_link;
	Elf64_Word sh_info;
	Elf64_Xword sh_addralign;
	Elf64_Xword sh_entsize;
} Elf64_Shdr;

#define STB_LOCAL	0
#define STB_GLOBAL	1
#define STB_WEAK	2
#define STT_NOTYPE	0
#define STT_OBJECT	1
#define STT_FUNC	2
#define STT_SECTION	3
#define STT_FILE	4
#define ELF64_ST_BIND(i)	((i) >> 4)
#define ELF64_ST_TYPE(i)	((i) & 0xf)
#define ELF64_ST_INFO(b, t)	(((b) << 4) + ((t) & 0xf))

typedef struct {
	Elf64_Word st_name;
	unsigned char st_info;
	unsigned char st_other;
	Elf64_Half st_shndx;
	Elf64_Addr st_value;
	Elf64_Xword st_size;
} Elf64_Sym;

typedef struct {
	Elf64_Addr r_offset;
	Elf64_Xword r_info;
	Elf64_Sxword r_addend;
} Elf64_Rela;

#define ELF64_R_SYM(i)		((i) >> 32)
#define ELF64_R_TYPE(i)		((i) & 0xffffffff)
#define ELF64_R_INFO(s, t)	(((u64)(s) << 32) + ((t) & 0xffffffff))

#define R_X86_64_NONE	0
#define R_X86_64_64	1
#define R_X86_64_PC32	2
#define R_X86_64_PLT32	4
#define R_X86_64_32	10
#define R_X86_64_32S	11
#define R_X86_64_PC64	24

/* ---- the loader's view ---- */

enum mod_part { MOD_PART_CORE, MOD_PART_INIT, MOD_NR_PARTS };
enum mod_kind { MOD_KIND_TEXT, MOD_KIND_RODATA, MOD_KIND_DATA, MOD_NR_KINDS };

/* Where one part goes: its size and the start of each kind in it. */
struct mod_part_layout {
	unsigned long size;			/* bytes, a multiple of pages */
	unsigned long kind_start[MOD_NR_KINDS];	/* offsets, page aligned */
	unsigned long kind_size[MOD_NR_KINDS];	/* bytes used, unaligned */
};

/* Where one section went (SHF_ALLOC ones only: placed is true). */
struct mod_sec {
	bool placed;
	u8 part;			/* enum mod_part */
	unsigned long offset;		/* in its part */
};

#define MOD_ELF_REASON_LEN	96
#define MOD_ELF_MAX_SECTIONS	4096	/* more is refused as malformed */

/* A checked image and what the steps found in it. */
struct mod_elf {
	const u8 *data;
	size_t size;
	const Elf64_Ehdr *ehdr;
	const Elf64_Shdr *shdrs;
	unsigned int shnum;
	const char *secstrings;		/* section names, NUL terminated */
	const Elf64_Sym *syms;
	unsigned int nsyms;
	unsigned int symtab_idx;
	const char *strtab;		/* symbol names, NUL terminated */
	unsigned long strtab_size;

	/* Filled by the caller before layout: shnum entries. */
	struct mod_sec *secs;
	struct mod_part_layout parts[MOD_NR_PARTS];
	/* Filled by the caller before copy/relocate: the parts' memory. */
	u8 *part_mem[MOD_NR_PARTS];		/* where to write */
	u64 part_addr[MOD_NR_PARTS];		/* where it runs */
	/* Filled by the caller before resolve: nsyms entries. */
	u64 *symval;

	char reason[MOD_ELF_REASON_LEN];
};

/*
 * Look up an undefined symbol: set *value and return 0, or return a
 * negative errno (-ENOENT: not found; the loader prints the name).
 */
typedef int (*mod_resolve_t)(void *cookie, const char *name, bool weak,
			     u64 *value);

int mod_elf_check(struct mod_elf *elf, const void *data, size_t size);
const char *mod_elf_sec_name(const struct mod_elf *elf, unsigned int i);
int mod_elf_find_section(const struct mod_elf *elf, const char *name);
const void *mod_elf_sec_data(const struct mod_elf *elf, unsigned int i);
const char *mod_elf_modinfo(const struct mod_elf *elf, const char *tag,
			    const char *prev);
int mod_elf_layout(struct mod_elf *elf);
void mod_elf_copy(struct mod_elf *elf);
u64 mod_elf_sec_addr(const struct mod_elf *elf, unsigned int i);
void *mod_elf_sec_mem(const struct mod_elf *elf, unsigned int i);
int mod_elf_resolve(struct mod_elf *elf, mod_resolve_t resolve, void *cookie,
		    const char **failed_name);
int mod_elf_relocate(struct mod_elf *elf, unsigned int *count);
const char *mod_elf_sym_name(const struct mod_elf *elf, unsigned int i);

struct kernel_symbol;
const struct kernel_symbol *mod_symbol_bsearch(const struct kernel_symbol *tab,
					       unsigned int num, const char *name);

#endif /* _KERNEL_MODULE_ELF_H */
