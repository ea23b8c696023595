/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Crafted .ko images for the module loader's tests: the host tests
 * (tests/host/test_module_elf.c) and the in-kernel suite
 * (tests/kernel/module_loader_test.c) build the same small ELF
 * relocatable objects byte by byte, then break one field at a time.
 *
 * img_build() writes: the ELF header, each section's bytes (8-byte
 * aligned), the section name table, the section headers.  The standard
 * image (img_standard()) is a tiny module:
 *
 *   1 .text        AX  20 bytes: a PLT32 call to @IMG_UNDEF_NAME at 1,
 *                      a PC32 to "counter" at 6, a 32 to abs_sym at 12,
 *                      cleanup_module (ret) at 16
 *   2 .rodata      A    8 bytes
 *   3 .data        WA  16 bytes: R_X86_64_64 to .text+8 at 0, PC64 to
 *                      @IMG_UNDEF_NAME at 8
 *   4 .bss         WA  NOBITS 32 bytes
 *   5 .init.text   AX   8 bytes: init_module
 *   6 .modinfo     A   license, author, two parm lines
 *   7 .symtab, 8 .strtab, 9 .rela.text, 10 .rela.data, 11 .shstrtab
 *
 * No allocation: everything goes into the caller's buffer.
 */
#ifndef _TESTS_MODULE_ELF_IMAGE_H
#define _TESTS_MODULE_ELF_IMAGE_H

#include <linux/types.h>
#include <linux/string.h>
#include <kernel/module_elf.h>

#define IMG_MAX		4096	/* every image here fits */
#ifndef IMG_UNDEF_NAME
#define IMG_UNDEF_NAME	"printk"	/* the kernel test names its own export */
#endif

struct img_sec {
	const char *name;
	u32 type;
	u64 flags;
	const void *data;
	u64 size;
	u32 link, info;
	u64 align, entsize;
};

static inline size_t img_align8(size_t x)
{
	return (x + 7) & ~(size_t)7;
}

/*
 * The ELF header of a well-formed x86_64 relocatable object with @shnum
 * section headers at @shoff, the last of them the section-name table.
 */
static inline void img_fill_ehdr(Elf64_Ehdr *eh, u64 shoff, unsigned int shnum)
{
	memcpy(eh->e_ident, ELFMAG, SELFMAG);
	eh->e_ident[EI_CLASS] = ELFCLASS64;
	eh->e_ident[EI_DATA] = ELFDATA2LSB;
	eh->e_ident[EI_VERSION] = EV_CURRENT;
	eh->e_type = ET_REL;
	eh->e_machine = EM_X86_64;
	eh->e_version = EV_CURRENT;
	eh->e_shoff = shoff;
	eh->e_ehsize = sizeof(*eh);
	eh->e_shentsize = sizeof(Elf64_Shdr);
	eh->e_shnum = shnum;
	eh->e_shstrndx = shnum - 1;
}

/*
 * Write an ELF image of sections @secs[0..n-1] (indexes 1..n; the
 * section name table is added as n + 1) into @out.  Return its size.
 */
static inline size_t img_build(u8 *out, const struct img_sec *secs,
			       unsigned int n)
{
	Elf64_Ehdr *eh = (Elf64_Ehdr *)out;
	Elf64_Shdr *sh;
	u64 offs[16];
	size_t pos = sizeof(*eh), names = 1, shstr_off;
	unsigned int i;

	memset(out, 0, IMG_MAX);
	for (i = 0; i < n; i++) {
		offs[i] = pos;
		if (secs[i].type != SHT_NOBITS && secs[i].data)
			memcpy(out + pos, secs[i].data, secs[i].size);
		if (secs[i].type != SHT_NOBITS)
			pos = img_align8(pos + secs[i].size);
	}
	/* the name table: "\0" then each name */
	shstr_off = pos;
	for (i = 0; i < n; i++) {
		strcpy((char *)out + pos + names, secs[i].name);
		names += strlen(secs[i].name) + 1;
	}
	strcpy((char *)out + pos + names, ".shstrtab");
	names += sizeof(".shstrtab");
	pos = img_align8(pos + names);

	sh = (Elf64_Shdr *)(out + pos);
	names = 1;
	for (i = 0; i < n; i++) {
		Elf64_Shdr *s = &sh[i + 1];

		s->sh_name = names;
		names += strlen(secs[i].name) + 1;
		s->sh_type = secs[i].type;
		s->sh_flags = secs[i].flags;
		s->sh_offset = offs[i];
		s->sh_size = secs[i].size;
		s->sh_link = secs[i].link;
		s->sh_info = secs[i].info;
		s->sh_addralign = secs[i].align;
		s->sh_entsize = secs[i].entsize;
	}
	sh[n + 1].sh_name = names;
	sh[n + 1].sh_type = SHT_STRTAB;
	sh[n + 1].sh_offset = shstr_off;
	sh[n + 1].sh_size = names + sizeof(".shstrtab");
	sh[n + 1].sh_addralign = 1;

	img_fill_ehdr(eh, pos, n + 2);
	return pos + (n + 2) * sizeof(Elf64_Shdr);
}

/* Section and symbol indexes of the standard image. */
enum {
	IMG_TEXT = 1, IMG_RODATA, IMG_DATA, IMG_BSS, IMG_INIT, IMG_MODINFO,
	IMG_SYMTAB, IMG_STRTAB, IMG_RELA_TEXT, IMG_RELA_DATA, IMG_SHSTRTAB,
	IMG_NSECS = IMG_SHSTRTAB + 1,
};
enum {
	IMG_SYM_TEXT = 1, IMG_SYM_INIT, IMG_SYM_UNDEF, IMG_SYM_COUNTER,
	IMG_SYM_WEAK, IMG_SYM_ABS, IMG_SYM_EXIT, IMG_NSYMS,
};
#define IMG_ABS_VALUE	0x12345678UL

static const char img_strtab[] =
	"\0init_module\0" IMG_UNDEF_NAME "\0counter\0weak_missing\0abs_sym"
	"\0cleanup_module";
#define IMG_STR_INIT	1
#define IMG_STR_UNDEF	(IMG_STR_INIT + sizeof("init_module"))
#define IMG_STR_COUNTER	(IMG_STR_UNDEF + sizeof(IMG_UNDEF_NAME))
#define IMG_STR_WEAK	(IMG_STR_COUNTER + sizeof("counter"))
#define IMG_STR_ABS	(IMG_STR_WEAK + sizeof("weak_missing"))
#define IMG_STR_EXIT	(IMG_STR_ABS + sizeof("abs_sym"))

static const char img_modinfo[] =
	"license=GPL\0author=A. Student\0\0parm=count:how many\0"
	"parmtype=count:int";

/* Write the standard image into @out (IMG_MAX bytes); return its size. */
static inline size_t img_standard(u8 *out)
{
	static const u8 text[20] = { 0xe8, 0, 0, 0, 0, 0x8b, 0x05, 0, 0, 0, 0,
				     0xb8, 0, 0, 0, 0, 0xc3 };
	static const u8 rodata[8] = "ro-data";
	static const u8 data[16];
	static const u8 init[8] = { 0x31, 0xc0, 0xc3 };
	const Elf64_Sym syms[IMG_NSYMS] = {
		[IMG_SYM_TEXT] = { .st_info = ELF64_ST_INFO(STB_LOCAL, STT_SECTION),
				   .st_shndx = IMG_TEXT },
		[IMG_SYM_INIT] = { .st_name = IMG_STR_INIT,
				   .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC),
				   .st_shndx = IMG_INIT, .st_size = 3 },
		[IMG_SYM_UNDEF] = { .st_name = IMG_STR_UNDEF,
				    .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE) },
		[IMG_SYM_COUNTER] = { .st_name = IMG_STR_COUNTER,
				      .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_OBJECT),
				      .st_shndx = IMG_DATA, .st_value = 4,
				      .st_size = 4 },
		[IMG_SYM_WEAK] = { .st_name = IMG_STR_WEAK,
				   .st_info = ELF64_ST_INFO(STB_WEAK, STT_NOTYPE) },
		[IMG_SYM_ABS] = { .st_name = IMG_STR_ABS,
				  .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE),
				  .st_shndx = SHN_ABS, .st_value = IMG_ABS_VALUE },
		[IMG_SYM_EXIT] = { .st_name = IMG_STR_EXIT,
				   .st_info = ELF64_ST_INFO(STB_GLOBAL, STT_FUNC),
				   .st_shndx = IMG_TEXT, .st_value = 16, .st_size = 1 },
	};
	const Elf64_Rela rtext[3] = {
		{ 1, ELF64_R_INFO(IMG_SYM_UNDEF, R_X86_64_PLT32), -4 },
		{ 7, ELF64_R_INFO(IMG_SYM_COUNTER, R_X86_64_PC32), -4 },
		{ 12, ELF64_R_INFO(IMG_SYM_ABS, R_X86_64_32), 0 },
	};
	const Elf64_Rela rdata[2] = {
		{ 0, ELF64_R_INFO(IMG_SYM_TEXT, R_X86_64_64), 8 },
		{ 8, ELF64_R_INFO(IMG_SYM_UNDEF, R_X86_64_PC64), 0 },
	};
	const struct img_sec secs[] = {
		{ ".text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, text, 20, 0, 0, 16, 0 },
		{ ".rodata", SHT_PROGBITS, SHF_ALLOC, rodata, 8, 0, 0, 8, 0 },
		{ ".data", SHT_PROGBITS, SHF_ALLOC | SHF_WRITE, data, 16, 0, 0, 8, 0 },
		{ ".bss", SHT_NOBITS, SHF_ALLOC | SHF_WRITE, NULL, 32, 0, 0, 32, 0 },
		{ ".init.text", SHT_PROGBITS, SHF_ALLOC | SHF_EXECINSTR, init, 8, 0, 0, 1, 0 },
		{ ".modinfo", SHT_PROGBITS, SHF_ALLOC, img_modinfo, sizeof(img_modinfo), 0, 0, 1, 0 },
		{ ".symtab", SHT_SYMTAB, 0, syms, sizeof(syms), IMG_STRTAB, IMG_SYM_INIT, 8, sizeof(Elf64_Sym) },
		{ ".strtab", SHT_STRTAB, 0, img_strtab, sizeof(img_strtab), 0, 0, 1, 0 },
		{ ".rela.text", SHT_RELA, 0, rtext, sizeof(rtext), IMG_SYMTAB, IMG_TEXT, 8, sizeof(Elf64_Rela) },
		{ ".rela.data", SHT_RELA, 0, rdata, sizeof(rdata), IMG_SYMTAB, IMG_DATA, 8, sizeof(Elf64_Rela) },
	};

	return img_build(out, secs, ARRAY_SIZE(secs));
}

/* The headers of an image img_build() wrote. */
static inline Elf64_Ehdr *img_ehdr(u8 *img)
{
	return (Elf64_Ehdr *)img;
}

static inline Elf64_Shdr *img_shdr(u8 *img, unsigned int i)
{
	return (Elf64_Shdr *)(img + img_ehdr(img)->e_shoff) + i;
}

static inline Elf64_Sym *img_sym(u8 *img, unsigned int i)
{
	return (Elf64_Sym *)(img + img_shdr(img, IMG_SYMTAB)->sh_offset) + i;
}

static inline Elf64_Rela *img_rela(u8 *img, unsigned int sec, unsigned int i)
{
	return (Elf64_Rela *)(img + img_shdr(img, sec)->sh_offset) + i;
}

#endif /* _TESTS_MODULE_ELF_IMAGE_H */
