// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/module/elf.c: the module loader's ELF checker,
 * layout and x86_64 relocator, on crafted images
 * (tests/kernel/module_elf_image.h) broken one field at a time.  Each
 * refusal must come with its reason; the good image must lay out and
 * relocate to the values computed here by hand, with fake kernel
 * addresses (the relocator writes through part_mem and computes with
 * part_addr).
 *
 * Images are copied into heap buffers of exactly their size, so
 * AddressSanitizer stops a read past the file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/page.h>
#include <linux/export.h>
#include <kernel/module_elf.h>
#include "../kernel/module_elf_image.h"

#define CORE_ADDR	0xffffffffa0000000ULL
#define INIT_ADDR	0xffffffffa0100000ULL
#define UNDEF_ADDR	0xffffffff81002000ULL

static u8 img[IMG_MAX] __attribute__((aligned(8)));

/* Check @size bytes of img from an exact-size heap copy. */
static int check_copy(struct mod_elf *elf, size_t size, u8 **copy)
{
	*copy = host_malloc(size ? size : 1);
	memcpy(*copy, img, size);
	return mod_elf_check(elf, *copy, size);
}

/* The image must be refused, with a reason containing @why. */
static void expect_refused(size_t size, const char *why)
{
	struct mod_elf elf;
	u8 *copy;
	int err = check_copy(&elf, size, &copy);

	if (err != -ENOEXEC || !strstr(elf.reason, why))
		host_print("refused with %d: '%s', want '%s'\n", err,
			   elf.reason, why);
	assert_int_equal(err, -ENOEXEC);
	assert_non_null(strstr(elf.reason, why));
	host_free(copy);
}

static void test_check_good(void **state)
{
	struct mod_elf elf;
	size_t size = img_standard(img);
	u8 *copy;
	const char *v;

	(void)state;
	assert_int_equal(check_copy(&elf, size, &copy), 0);
	assert_string_equal(elf.reason, "");
	assert_int_equal(elf.shnum, IMG_NSECS);
	assert_int_equal(elf.nsyms, IMG_NSYMS);
	assert_int_equal(elf.symtab_idx, IMG_SYMTAB);
	assert_int_equal(mod_elf_find_section(&elf, ".bss"), IMG_BSS);
	assert_int_equal(mod_elf_find_section(&elf, "__param"), -1);
	assert_string_equal(mod_elf_sym_name(&elf, IMG_SYM_UNDEF), IMG_UNDEF_NAME);

	/* .modinfo: values by tag, in order, padding skipped */
	assert_string_equal(mod_elf_modinfo(&elf, "license", NULL), "GPL");
	assert_string_equal(mod_elf_modinfo(&elf, "author", NULL), "A. Student");
	assert_null(mod_elf_modinfo(&elf, "description", NULL));
	assert_null(mod_elf_modinfo(&elf, "licens", NULL));
	v = mod_elf_modinfo(&elf, "parm", NULL);
	assert_string_equal(v, "count:how many");
	assert_null(mod_elf_modinfo(&elf, "parm", v));
	assert_string_equal(mod_elf_modinfo(&elf, "parmtype", NULL), "count:int");
	host_free(copy);
}

static void test_check_header(void **state)
{
	size_t size = img_standard(img);

	(void)state;
	expect_refused(0, "file too short");
	expect_refused(10, "file too short");
	/* the section headers are the last thing in the file */
	expect_refused(size - 1, "section headers outside the file");

	img[0] = 0x7e;
	expect_refused(size, "bad magic");
	img_standard(img);
	img[EI_CLASS] = 1;
	expect_refused(size, "not ELFCLASS64");
	img_standard(img);
	img[EI_DATA] = 2;
	expect_refused(size, "not little-endian");
	img_standard(img);
	img_ehdr(img)->e_type = 2;	/* ET_EXEC */
	expect_refused(size, "not a relocatable object (type 2");
	img_standard(img);
	img_ehdr(img)->e_machine = 3;	/* EM_386 */
	expect_refused(size, "not for x86_64 (machine 3)");
	img_standard(img);
	img_ehdr(img)->e_shentsize = 32;
	expect_refused(size, "bad section header size");
	img_standard(img);
	img_ehdr(img)->e_shnum = 0;
	expect_refused(size, "bad section count");
	img_standard(img);
	img_ehdr(img)->e_shnum = 200;
	expect_refused(size, "section headers outside the file");
	img_standard(img);
	img_ehdr(img)->e_shoff = ~0ULL - 7;	/* offset + length wraps */
	expect_refused(size, "section headers outside the file");
	img_standard(img);
	img_ehdr(img)->e_shstrndx = IMG_NSECS;
	expect_refused(size, "bad section name table index");
	img_standard(img);
	img_ehdr(img)->e_shstrndx = IMG_TEXT;
	expect_refused(size, "section name table (section 1) is not a string table");
}

static void test_check_sections(void **state)
{
	size_t size = img_standard(img);

	(void)state;
	img_shdr(img, IMG_DATA)->sh_offset = size - 8;
	expect_refused(size, "section 3 (.data): offset");
	img_standard(img);
	img_shdr(img, IMG_DATA)->sh_size = ~0ULL;
	expect_refused(size, "outside the file");
	img_standard(img);
	/* NOBITS sections take no room in the file: any offset is fine */
	img_shdr(img, IMG_BSS)->sh_offset = ~0ULL;
	{
		struct mod_elf elf;
		u8 *copy;

		assert_int_equal(check_copy(&elf, size, &copy), 0);
		host_free(copy);
	}
	img_standard(img);
	img_shdr(img, IMG_TEXT)->sh_name = 0x10000;
	expect_refused(size, "name offset 65536 outside the name table");
	img_standard(img);
	img_shdr(img, IMG_TEXT)->sh_addralign = 24;
	expect_refused(size, "bad alignment 24");
	img_standard(img);
	img_shdr(img, IMG_TEXT)->sh_link = 99;
	expect_refused(size, "sh_link 99 out of range");
	img_standard(img);
	img_shdr(img, IMG_SHSTRTAB)->sh_size -= 1;	/* cuts the last NUL */
	expect_refused(size, "not NUL terminated");
	img_standard(img);
	img_shdr(img, IMG_SYMTAB)->sh_type = SHT_PROGBITS;
	expect_refused(size, "no symbol table");
	img_standard(img);
	img_shdr(img, IMG_TEXT)->sh_type = SHT_SYMTAB;
	expect_refused(size, "more than one symbol table");
}

static void test_check_symbols(void **state)
{
	size_t size = img_standard(img);

	(void)state;
	img_shdr(img, IMG_SYMTAB)->sh_entsize = 16;
	expect_refused(size, "bad symbol table");
	img_standard(img);
	img_shdr(img, IMG_SYMTAB)->sh_size -= 1;
	expect_refused(size, "bad symbol table");
	img_standard(img);
	img_shdr(img, IMG_SYMTAB)->sh_link = IMG_TEXT;
	expect_refused(size, "symbol string table (section 1) is not a string table");
	img_standard(img);
	img_shdr(img, IMG_STRTAB)->sh_size -= 1;
	expect_refused(size, "symbol string table (section 8) not NUL terminated");
	img_standard(img);
	img_sym(img, IMG_SYM_COUNTER)->st_name = 5000;
	expect_refused(size, "symbol 4: name offset 5000 outside the string table");
	img_standard(img);
	img_sym(img, IMG_SYM_COUNTER)->st_shndx = 40;
	expect_refused(size, "symbol 4 (counter): section index 40 out of range");
	img_standard(img);
	img_sym(img, IMG_SYM_COUNTER)->st_shndx = SHN_XINDEX;
	expect_refused(size, "section index 65535 out of range");
	img_standard(img);
	img_sym(img, IMG_SYM_COUNTER)->st_value = 17;
	expect_refused(size, "symbol 4 (counter): value 0x11 past its section");
}

static void test_check_relocs(void **state)
{
	size_t size = img_standard(img);

	(void)state;
	img_rela(img, IMG_RELA_TEXT, 1)->r_info = ELF64_R_INFO(IMG_NSYMS, R_X86_64_PC32);
	expect_refused(size, "relocation 1 of .rela.text: symbol index 8 out of range (8 symbols)");
	img_standard(img);
	/* a 4-byte field at 17 ends past .text's 20 bytes */
	img_rela(img, IMG_RELA_TEXT, 2)->r_offset = 17;
	expect_refused(size, "relocation 2 of .rela.text: offset 0x11 outside .text (20 bytes)");
	img_standard(img);
	img_rela(img, IMG_RELA_DATA, 0)->r_offset = ~0ULL;
	expect_refused(size, "outside .data");
	img_standard(img);
	img_shdr(img, IMG_RELA_TEXT)->sh_info = 77;
	expect_refused(size, "target section 77 out of range");
	img_standard(img);
	img_shdr(img, IMG_RELA_TEXT)->sh_link = IMG_STRTAB;
	expect_refused(size, "is not the symbol table");
	img_standard(img);
	img_shdr(img, IMG_RELA_TEXT)->sh_entsize = 16;
	expect_refused(size, "relocation section 9 (.rela.text): bad size");
	img_standard(img);
	img_shdr(img, IMG_RELA_TEXT)->sh_type = SHT_REL;
	expect_refused(size, "REL relocations are not supported");
}

/* Undefined symbols: IMG_UNDEF_NAME is the kernel's, the rest unknown. */
static int resolve(void *cookie, const char *name, bool weak, u64 *value)
{
	int *calls = cookie;

	(*calls)++;
	if (strcmp(name, IMG_UNDEF_NAME))
		return -ENOENT;
	*value = UNDEF_ADDR;
	return 0;
}

struct loaded {
	struct mod_elf elf;
	u8 *copy;
	struct mod_sec secs[IMG_NSECS];
	u64 symval[IMG_NSYMS];
	u8 *mem[MOD_NR_PARTS];
};

/* Check, lay out, copy and resolve img; leave relocation to the caller. */
static int load(struct loaded *l, size_t size, const char **failed)
{
	int calls = 0, err, p;

	memset(l, 0, sizeof(*l));
	assert_int_equal(check_copy(&l->elf, size, &l->copy), 0);
	l->elf.secs = l->secs;
	assert_int_equal(mod_elf_layout(&l->elf), 0);
	for (p = 0; p < MOD_NR_PARTS; p++) {
		l->mem[p] = host_malloc(l->elf.parts[p].size);
		l->elf.part_mem[p] = l->mem[p];
	}
	l->elf.part_addr[MOD_PART_CORE] = CORE_ADDR;
	l->elf.part_addr[MOD_PART_INIT] = INIT_ADDR;
	mod_elf_copy(&l->elf);
	l->elf.symval = l->symval;
	err = mod_elf_resolve(&l->elf, resolve, &calls, failed);
	if (!err)
		assert_int_equal(calls, 2);	/* printk and the weak one */
	return err;
}

static void unload(struct loaded *l)
{
	int p;

	for (p = 0; p < MOD_NR_PARTS; p++)
		host_free(l->mem[p]);
	host_free(l->copy);
}

static u32 get32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, 4);
	return v;
}

static u64 get64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, 8);
	return v;
}

static void test_layout_and_relocate(void **state)
{
	size_t size = img_standard(img);
	struct loaded l;
	const char *failed = NULL;
	unsigned int count = 0;
	struct mod_part_layout *core, *init;
	u8 *text, *data;

	(void)state;
	assert_int_equal(load(&l, size, &failed), 0);
	core = &l.elf.parts[MOD_PART_CORE];
	init = &l.elf.parts[MOD_PART_INIT];

	/* core: text page, rodata page, data page (.data then .bss) */
	assert_int_equal(core->size, 3 * PAGE_SIZE);
	assert_int_equal(core->kind_start[MOD_KIND_TEXT], 0);
	assert_int_equal(core->kind_size[MOD_KIND_TEXT], 20);
	assert_int_equal(core->kind_start[MOD_KIND_RODATA], PAGE_SIZE);
	assert_int_equal(core->kind_size[MOD_KIND_RODATA], 8);
	assert_int_equal(core->kind_start[MOD_KIND_DATA], 2 * PAGE_SIZE);
	assert_int_equal(core->kind_size[MOD_KIND_DATA], 64);	/* bss at 32 */
	assert_true(l.secs[IMG_BSS].placed);
	assert_int_equal(l.secs[IMG_BSS].offset, 2 * PAGE_SIZE + 32);
	/* init: only .init.text; .modinfo and non-alloc sections not placed */
	assert_int_equal(init->size, PAGE_SIZE);
	assert_int_equal(init->kind_size[MOD_KIND_TEXT], 8);
	assert_int_equal(l.secs[IMG_INIT].part, MOD_PART_INIT);
	assert_false(l.secs[IMG_MODINFO].placed);
	assert_false(l.secs[IMG_SYMTAB].placed);
	assert_false(l.secs[IMG_RELA_TEXT].placed);

	/* copied: rodata bytes, init code; bss zero */
	assert_memory_equal(l.mem[0] + PAGE_SIZE, "ro-data", 8);
	assert_int_equal(l.mem[1][0], 0x31);

	/* symbol values */
	assert_int_equal(l.symval[IMG_SYM_INIT], INIT_ADDR);
	assert_int_equal(l.symval[IMG_SYM_UNDEF], UNDEF_ADDR);
	assert_int_equal(l.symval[IMG_SYM_COUNTER], CORE_ADDR + 2 * PAGE_SIZE + 4);
	assert_int_equal(l.symval[IMG_SYM_WEAK], 0);
	assert_int_equal(l.symval[IMG_SYM_ABS], IMG_ABS_VALUE);

	assert_int_equal(mod_elf_relocate(&l.elf, &count), 0);
	assert_int_equal(count, 5);
	text = l.mem[0];
	data = l.mem[0] + 2 * PAGE_SIZE;
	/* PLT32 at 1: S + A - P */
	assert_int_equal(get32(text + 1), (u32)(UNDEF_ADDR - 4 - (CORE_ADDR + 1)));
	/* PC32 at 7 to counter */
	assert_int_equal(get32(text + 7), (u32)(2 * PAGE_SIZE + 4 - 4 - 7));
	/* 32 at 12: the absolute value */
	assert_int_equal(get32(text + 12), IMG_ABS_VALUE);
	/* untouched bytes stay */
	assert_int_equal(text[0], 0xe8);
	assert_int_equal(text[5], 0x8b);
	assert_int_equal(text[16], 0xc3);
	assert_int_equal(l.symval[IMG_SYM_EXIT], CORE_ADDR + 16);
	/* 64 at data+0: .text + 8; PC64 at data+8 */
	assert_int_equal(get64(data), CORE_ADDR + 8);
	assert_int_equal(get64(data + 8), UNDEF_ADDR - (CORE_ADDR + 2 * PAGE_SIZE + 8));
	unload(&l);
}

static void test_relocate_refusals(void **state)
{
	size_t size = img_standard(img);
	struct loaded l;
	const char *failed = NULL;

	(void)state;
	/* a relocation type this loader does not handle: GOTPCREL (9) */
	img_rela(img, IMG_RELA_TEXT, 1)->r_info =
		ELF64_R_INFO(IMG_SYM_COUNTER, 9);
	assert_int_equal(load(&l, size, &failed), 0);
	assert_int_equal(mod_elf_relocate(&l.elf, NULL), -ENOEXEC);
	assert_string_equal(l.elf.reason, "Unknown rela relocation: 9");
	unload(&l);

	/* R_X86_64_32 of a kernel address does not fit */
	img_standard(img);
	img_rela(img, IMG_RELA_TEXT, 2)->r_info =
		ELF64_R_INFO(IMG_SYM_UNDEF, R_X86_64_32);
	assert_int_equal(load(&l, size, &failed), 0);
	assert_int_equal(mod_elf_relocate(&l.elf, NULL), -ENOEXEC);
	assert_non_null(strstr(l.elf.reason, "overflow in relocation type 10 val ffffffff81002000"));
	unload(&l);

	/* R_X86_64_32S of it does, of a small absolute too; of 2^31 not */
	img_standard(img);
	img_rela(img, IMG_RELA_TEXT, 2)->r_info =
		ELF64_R_INFO(IMG_SYM_UNDEF, R_X86_64_32S);
	assert_int_equal(load(&l, size, &failed), 0);
	assert_int_equal(mod_elf_relocate(&l.elf, NULL), 0);
	assert_int_equal(get32(l.mem[0] + 12), 0x81002000);
	unload(&l);
	img_standard(img);
	img_rela(img, IMG_RELA_TEXT, 2)->r_info =
		ELF64_R_INFO(IMG_SYM_ABS, R_X86_64_32S);
	img_sym(img, IMG_SYM_ABS)->st_value = 0x80000000UL;
	assert_int_equal(load(&l, size, &failed), 0);
	assert_int_equal(mod_elf_relocate(&l.elf, NULL), -ENOEXEC);
	assert_non_null(strstr(l.elf.reason, "overflow in relocation type 11"));
	unload(&l);

	/* PC32 further than 2 GiB: an absolute symbol at 4 GiB */
	img_standard(img);
	img_sym(img, IMG_SYM_ABS)->st_value = 0x100000000ULL;
	img_rela(img, IMG_RELA_TEXT, 2)->r_info =
		ELF64_R_INFO(IMG_SYM_ABS, R_X86_64_PC32);
	assert_int_equal(load(&l, size, &failed), 0);
	assert_int_equal(mod_elf_relocate(&l.elf, NULL), -ENOEXEC);
	assert_non_null(strstr(l.elf.reason, "overflow in relocation type 2"));
	unload(&l);
}

static void test_resolve_refusals(void **state)
{
	size_t size = img_standard(img);
	struct loaded l;
	const char *failed = NULL;
	char *name = (char *)img + img_shdr(img, IMG_STRTAB)->sh_offset + IMG_STR_UNDEF;

	(void)state;
	/* an unknown strong symbol: the callback's error and its name */
	name[0] = 'q';
	assert_int_equal(load(&l, size, &failed), -ENOENT);
	assert_string_equal(failed, "qrintk");
	unload(&l);

	/* a common symbol */
	img_standard(img);
	img_sym(img, IMG_SYM_COUNTER)->st_shndx = SHN_COMMON;
	assert_int_equal(load(&l, size, &failed), -ENOEXEC);
	assert_string_equal(failed, "counter");
	assert_non_null(strstr(l.elf.reason, "common symbol counter"));
	unload(&l);
}

static void test_symbol_bsearch(void **state)
{
	static const struct kernel_symbol tab[] = {
		{ 1, "__kmalloc" }, { 2, "kfree" }, { 3, "kmalloc_trace" },
		{ 4, "printk" }, { 5, "vfree" },
	};
	unsigned int n;

	(void)state;
	assert_ptr_equal(mod_symbol_bsearch(tab, 5, "__kmalloc"), &tab[0]);
	assert_ptr_equal(mod_symbol_bsearch(tab, 5, "kmalloc_trace"), &tab[2]);
	assert_ptr_equal(mod_symbol_bsearch(tab, 5, "vfree"), &tab[4]);
	assert_null(mod_symbol_bsearch(tab, 5, "kmalloc"));
	assert_null(mod_symbol_bsearch(tab, 5, "zzz"));
	assert_null(mod_symbol_bsearch(tab, 5, "_"));
	assert_null(mod_symbol_bsearch(tab, 0, "kfree"));
	/* every prefix of the table finds exactly its own entries */
	for (n = 1; n <= 5; n++) {
		assert_ptr_equal(mod_symbol_bsearch(tab, n, tab[n - 1].name), &tab[n - 1]);
		if (n < 5)
			assert_null(mod_symbol_bsearch(tab, n, tab[n].name));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_good),
		cmocka_unit_test(test_check_header),
		cmocka_unit_test(test_check_sections),
		cmocka_unit_test(test_check_symbols),
		cmocka_unit_test(test_check_relocs),
		cmocka_unit_test(test_layout_and_relocate),
		cmocka_unit_test(test_relocate_refusals),
		cmocka_unit_test(test_resolve_refusals),
		cmocka_unit_test(test_symbol_bsearch),
	};

	host_test_init();
	return cmocka_run_group_tests_name("module_elf", tests, NULL, NULL);
}
