// SPDX-License-Identifier: GPL-2.0
/*
 * Host benchmark of the allocators: instructions per operation, counted
 * by callgrind (make bench-host runs this under scripts/bench-host.py).
 *
 * Each row is one function bench_NAME(n) that does its operation n
 * times.  For every row the program runs it once to warm up (caches of
 * the allocator, per-CPU lists), then twice under counting, n = N and
 * n = 2N, each between CALLGRIND_ZERO_STATS and a CALLGRIND_DUMP_STATS_AT
 * named "bench NAME N".  The script takes (count(2N) - count(N)) / N:
 * the loop's own operations remain, everything paid once (the call, the
 * client requests) cancels out.  Rows run in the same process, glibc's
 * malloc beside the kernel's allocators, so they are directly comparable.
 *
 * To add a row: write a noinline bench_NAME(unsigned long n) below and
 * add BENCH_ROW(NAME) to rows[].  Keep the result of each allocation
 * visible to the compiler (keep()) so the loop is not optimized away.
 *
 * Run outside valgrind, the program runs the same rows and just says so
 * (a quick check that every row works).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <valgrind/callgrind.h>

#include "../host/host_support.h"
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>
#include <kernel/kmalloc_mix.h>
#include <kernel/module_elf.h>
#include <kernel/page_alloc.h>
#include <kernel/pgtable.h>
#include <kernel/slab_stats.h>
#include <kernel/vmalloc_stats.h>
#include "../host/fake_ram.h"
#include "../kernel/module_elf_image.h"

/* glibc's, not renamed: <stdlib.h> itself cannot be included here. */
void *malloc(size_t size);
void free(void *ptr);

#define BENCH_N		20000UL
#define BENCH_WARMUP	1000UL

/* Make @p look used, so neither the allocation nor the loop can vanish. */
static inline void keep(const void *p)
{
	__asm__ __volatile__("" : : "r"(p) : "memory");
}

static noinline void bench_page_order0_pair(unsigned long n)
{
	while (n--) {
		struct page *page = alloc_page(GFP_KERNEL);

		keep(page);
		__free_page(page);
	}
}

static noinline void bench_page_order3_pair(unsigned long n)
{
	while (n--) {
		struct page *page = alloc_pages(GFP_KERNEL, 3);

		keep(page);
		__free_pages(page, 3);
	}
}

static noinline void bench_kmalloc64_pair(unsigned long n)
{
	while (n--) {
		void *p = kmalloc(64, GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

static noinline void bench_kmalloc256_pair(unsigned long n)
{
	while (n--) {
		void *p = kmalloc(256, GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

/* The sizes of <kernel/kmalloc_mix.h>, walked cyclically. */
static unsigned short mix_sizes[KMALLOC_MIX_LEN];

static noinline void bench_kmalloc_mixed_pair(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		void *p = kmalloc(mix_sizes[i % KMALLOC_MIX_LEN], GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

/*
 * The comparison with the peers (tests/bench/peer_bench.c runs the same
 * cases with each user-space malloc): kmalloc_64_pair, kmalloc_64var_pair,
 * kmalloc_mix_pair, kmalloc_4k_pair, kmalloc_64_batch100.  As there, one
 * object of each size of the mix, one of 64 bytes and one of 4 KiB stay
 * allocated while the rows run (the ballast: see peer_bench.c).
 */
#define BATCH		100

static void *ballast[KMALLOC_MIX_LEN + 2];
static void *batch[BATCH];

/* @size, hidden from the compiler: kmalloc() cannot pick the cache at build time. */
static inline size_t opaque(size_t size)
{
	__asm__ ("" : "+r"(size));
	return size;
}

static noinline void bench_kmalloc_64_pair(unsigned long n)
{
	while (n--) {
		void *p = kmalloc(64, GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

static noinline void bench_kmalloc_64var_pair(unsigned long n)
{
	size_t size = opaque(64);

	while (n--) {
		void *p = kmalloc(size, GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

static noinline void bench_kmalloc_mix_pair(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++) {
		void *p = kmalloc(mix_sizes[i % KMALLOC_MIX_LEN], GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

static noinline void bench_kmalloc_4k_pair(unsigned long n)
{
	while (n--) {
		void *p = kmalloc(4096, GFP_KERNEL);

		keep(p);
		kfree(p);
	}
}

/* n pairs: n / BATCH rounds of BATCH allocations, then their frees. */
static noinline void bench_kmalloc_64_batch100(unsigned long n)
{
	unsigned long rounds = n / BATCH;
	unsigned int i;

	while (rounds--) {
		for (i = 0; i < BATCH; i++) {
			batch[i] = kmalloc(64, GFP_KERNEL);
			keep(batch[i]);
		}
		for (i = 0; i < BATCH; i++)
			kfree(batch[i]);
	}
}

static void ballast_alloc(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ballast); i++) {
		ballast[i] = kmalloc(i < KMALLOC_MIX_LEN ? mix_sizes[i] :
				     i == KMALLOC_MIX_LEN ? 64 : 4096, GFP_KERNEL);
		if (!ballast[i]) {
			printk("host_bench: kmalloc of the ballast failed\n");
			host_dump_printk_and_abort();
		}
	}
}

static void ballast_free(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ballast); i++)
		kfree(ballast[i]);
}

static struct kmem_cache *cache64;

static noinline void bench_kmem_cache64_pair(unsigned long n)
{
	while (n--) {
		void *p = kmem_cache_alloc(cache64, GFP_KERNEL);

		keep(p);
		kmem_cache_free(cache64, p);
	}
}

static noinline void bench_glibc_malloc64_pair(unsigned long n)
{
	while (n--) {
		void *p = malloc(64);

		keep(p);
		free(p);
	}
}

/*
 * vmalloc with other areas live: @nr one-page areas side by side (the
 * rows of the issue: the busy tree holds @nr areas), or, for the
 * "fragmented" row, each followed by a freed one, so that the free tree
 * also holds @nr two-page holes (too small for the 16 KiB area: the
 * search must descend past them).  Set up before the row runs, torn down
 * after.
 */
#define VMALLOC_MANY	15000

static void *vm_others[VMALLOC_MANY];
static void *vm_holes[VMALLOC_MANY];
static unsigned int vm_nr_others;

static void vmalloc_others(unsigned int nr, bool holes)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		vm_others[i] = vmalloc(PAGE_SIZE);
		vm_holes[i] = holes ? vmalloc(PAGE_SIZE) : NULL;
		if (!vm_others[i] || (holes && !vm_holes[i])) {
			printk("host_bench: vmalloc of area %u failed\n", i);
			host_dump_printk_and_abort();
		}
	}
	for (i = 0; i < nr; i++)
		vfree(vm_holes[i]);
	purge_vmap_area_lazy();
	vm_nr_others = nr;
}

static void vmalloc_others_free(void)
{
	while (vm_nr_others)
		vfree(vm_others[--vm_nr_others]);
	purge_vmap_area_lazy();
}

static void setup_10areas(void)
{
	vmalloc_others(10, false);
}

static void setup_15000areas(void)
{
	vmalloc_others(VMALLOC_MANY, false);
}

static void setup_15000areas_fragmented(void)
{
	vmalloc_others(VMALLOC_MANY, true);
}

static noinline void bench_vmalloc16k_pair(unsigned long n)
{
	while (n--) {
		void *p = vmalloc(16 * 1024);

		keep(p);
		vfree(p);
	}
}

static noinline void bench_vmalloc16k_pair_10areas(unsigned long n)
{
	bench_vmalloc16k_pair(n);
}

static noinline void bench_vmalloc16k_pair_15000areas(unsigned long n)
{
	bench_vmalloc16k_pair(n);
}

static noinline void bench_vmalloc16k_pair_15000areas_fragmented(unsigned long n)
{
	bench_vmalloc16k_pair(n);
}

/*
 * kvmalloc's usual case: 64 KiB is above a page, so kmalloc is tried
 * first without retrying (an order-4 block); vmalloc only if that fails.
 */
static noinline void bench_kvmalloc64k_pair(unsigned long n)
{
	while (n--) {
		void *p = kvmalloc(64 * 1024, GFP_KERNEL);

		keep(p);
		kvfree(p);
	}
}

/*
 * The module loader (kernel/module/elf.c): one load of a synthetic
 * module, parse + lay out + copy + resolve + relocate, as insmod does it
 * less the allocation of the module area.  The module has
 * MB_RELOCS PLT32 relocations in .text against MB_UNDEF undefined
 * symbols, resolved by binary search in an export table of
 * MB_EXPORTS names (mod_symbol_bsearch(), the kernel's lookup).
 */
#define MB_RELOCS	40
#define MB_UNDEF	20
#define MB_EXPORTS_MAX	4000
#define MB_NAME_LEN	12		/* "exp_00000" and its NUL, padded */

static struct kernel_symbol mb_exports[MB_EXPORTS_MAX];
static char mb_export_names[MB_EXPORTS_MAX][MB_NAME_LEN];
static unsigned int mb_nr_exports;
static u8 mb_image[8192] __attribute__((aligned(8)));
static size_t mb_image_size;
static struct mod_sec mb_secs[8];
static u64 mb_symval[MB_UNDEF + 2];
static u8 mb_core[2 * 4096] __attribute__((aligned(4096)));

/* The sorted export table: exp_00000 .. exp_NNNNN (sorted as numbers). */
static void mb_exports_fill(unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		snprintf(mb_export_names[i], MB_NAME_LEN, "exp_%05u", i);
		mb_exports[i].name = mb_export_names[i];
		mb_exports[i].value = 0xffffffff81000000UL + 16 * i;
	}
	mb_nr_exports = n;
}

static int mb_resolve(void *cookie, const char *name, bool weak, u64 *value)
{
	const struct kernel_symbol *ks =
		mod_symbol_bsearch(mb_exports, mb_nr_exports, name);

	if (!ks)
		return -ENOENT;
	*value = ks->value;
	return 0;
}

/* Write the synthetic module: .text, .symtab, .strtab, .rela.text, .shstrtab. */
static void mb_image_build(void)
{
	static const char shstr[] = "\0.text\0.symtab\0.strtab\0.rela.text\0.shstrtab";
	Elf64_Ehdr *eh = (Elf64_Ehdr *)mb_image;
	Elf64_Sym *sym;
	Elf64_Rela *rela;
	Elf64_Shdr *sh;
	char *str;
	size_t off = 64, text_off, sym_off, str_off, rela_off, shstr_off, str_len = 1;
	unsigned int i;

	memset(mb_image, 0, sizeof(mb_image));
	text_off = off;
	off += MB_RELOCS * 8;
	sym_off = off;
	sym = (Elf64_Sym *)(mb_image + sym_off);
	off += (MB_UNDEF + 2) * sizeof(*sym);
	str_off = off;
	str = (char *)mb_image + str_off;
	/* symbol 1: the .text section; 2..: undefined, spread over the table */
	sym[1].st_info = ELF64_ST_INFO(STB_LOCAL, STT_SECTION);
	sym[1].st_shndx = 1;
	for (i = 0; i < MB_UNDEF; i++) {
		sym[i + 2].st_name = str_len;
		sym[i + 2].st_info = ELF64_ST_INFO(STB_GLOBAL, STT_NOTYPE);
		str_len += snprintf(str + str_len, MB_NAME_LEN, "exp_%05u",
				    (i * 997) % 1000) + 1;
	}
	off = (off + str_len + 7) & ~7UL;
	rela_off = off;
	rela = (Elf64_Rela *)(mb_image + rela_off);
	for (i = 0; i < MB_RELOCS; i++) {
		rela[i].r_offset = i * 8 + 1;
		rela[i].r_info = ELF64_R_INFO(2 + i % MB_UNDEF, R_X86_64_PLT32);
		rela[i].r_addend = -4;
	}
	off += MB_RELOCS * sizeof(*rela);
	shstr_off = off;
	memcpy(mb_image + off, shstr, sizeof(shstr));
	off = (off + sizeof(shstr) + 7) & ~7UL;

	sh = (Elf64_Shdr *)(mb_image + off);
	sh[1] = (Elf64_Shdr){ .sh_name = 1, .sh_type = SHT_PROGBITS,
		.sh_flags = SHF_ALLOC | SHF_EXECINSTR, .sh_offset = text_off,
		.sh_size = MB_RELOCS * 8, .sh_addralign = 16 };
	sh[2] = (Elf64_Shdr){ .sh_name = 7, .sh_type = SHT_SYMTAB,
		.sh_offset = sym_off, .sh_size = (MB_UNDEF + 2) * sizeof(*sym),
		.sh_link = 3, .sh_info = 2, .sh_addralign = 8,
		.sh_entsize = sizeof(*sym) };
	sh[3] = (Elf64_Shdr){ .sh_name = 15, .sh_type = SHT_STRTAB,
		.sh_offset = str_off, .sh_size = str_len, .sh_addralign = 1 };
	sh[4] = (Elf64_Shdr){ .sh_name = 23, .sh_type = SHT_RELA,
		.sh_offset = rela_off, .sh_size = MB_RELOCS * sizeof(*rela),
		.sh_link = 2, .sh_info = 1, .sh_addralign = 8,
		.sh_entsize = sizeof(*rela) };
	sh[5] = (Elf64_Shdr){ .sh_name = 34, .sh_type = SHT_STRTAB,
		.sh_offset = shstr_off, .sh_size = sizeof(shstr), .sh_addralign = 1 };
	img_fill_ehdr(eh, off, 6);
	mb_image_size = off + 6 * sizeof(Elf64_Shdr);
}

/* One whole load; aborts if the loader refuses the image. */
static void mb_load_once(void)
{
	struct mod_elf elf;
	const char *failed;
	unsigned int count;

	if (mod_elf_check(&elf, mb_image, mb_image_size))
		goto bad;
	elf.secs = mb_secs;
	if (mod_elf_layout(&elf) || elf.parts[MOD_PART_CORE].size > sizeof(mb_core))
		goto bad;
	elf.part_mem[MOD_PART_CORE] = mb_core;
	elf.part_addr[MOD_PART_CORE] = 0xffffffffa0000000ULL;
	mod_elf_copy(&elf);
	elf.symval = mb_symval;
	if (mod_elf_resolve(&elf, mb_resolve, NULL, &failed) ||
	    mod_elf_relocate(&elf, &count) || count != MB_RELOCS)
		goto bad;
	keep(mb_core);
	return;
bad:
	printk("host_bench: the synthetic module does not load: %s\n", elf.reason);
	host_dump_printk_and_abort();
}

static void mb_setup(void)
{
	mb_exports_fill(1000);
	mb_image_build();
}

/* n relocations' worth of loads: instructions per relocation. */
static noinline void bench_module_load_per_reloc(unsigned long n)
{
	unsigned long loads = n / MB_RELOCS;

	while (loads--)
		mb_load_once();
}

/* One export lookup, at three table sizes: must grow as log2(size). */
static void mb_lookups(unsigned long n)
{
	unsigned long i;

	for (i = 0; i < n; i++)
		keep(mod_symbol_bsearch(mb_exports, mb_nr_exports,
					mb_export_names[(i * 7919) % mb_nr_exports]));
}

static noinline void bench_module_symbol_lookup_1000exports(unsigned long n)
{
	mb_lookups(n);
}

static noinline void bench_module_symbol_lookup_2000exports(unsigned long n)
{
	mb_lookups(n);
}

static noinline void bench_module_symbol_lookup_4000exports(unsigned long n)
{
	mb_lookups(n);
}

static void mb_setup_2000(void)
{
	mb_exports_fill(2000);
}

static void mb_setup_4000(void)
{
	mb_exports_fill(4000);
}

struct bench_row {
	const char *name;
	void (*fn)(unsigned long n);
	void (*setup)(void);		/* before the row (optional) */
	void (*teardown)(void);		/* after it */
};

#define BENCH_ROW(name)	{ #name, bench_##name, NULL, NULL }
#define BENCH_ROW_WITH(name, setup, teardown) \
	{ #name, bench_##name, setup, teardown }

static const struct bench_row rows[] = {
	BENCH_ROW(page_order0_pair),
	BENCH_ROW(page_order3_pair),
	BENCH_ROW(kmalloc64_pair),
	BENCH_ROW(kmalloc256_pair),
	BENCH_ROW(kmalloc_mixed_pair),
	BENCH_ROW(kmem_cache64_pair),
	BENCH_ROW(glibc_malloc64_pair),
	BENCH_ROW_WITH(kmalloc_64_pair, ballast_alloc, NULL),
	BENCH_ROW(kmalloc_64var_pair),
	BENCH_ROW(kmalloc_mix_pair),
	BENCH_ROW(kmalloc_4k_pair),
	BENCH_ROW_WITH(kmalloc_64_batch100, NULL, ballast_free),
	BENCH_ROW_WITH(vmalloc16k_pair_10areas, setup_10areas, vmalloc_others_free),
	BENCH_ROW_WITH(vmalloc16k_pair_15000areas, setup_15000areas,
		       vmalloc_others_free),
	BENCH_ROW_WITH(vmalloc16k_pair_15000areas_fragmented,
		       setup_15000areas_fragmented, vmalloc_others_free),
	BENCH_ROW(kvmalloc64k_pair),
	BENCH_ROW_WITH(module_load_per_reloc, mb_setup, NULL),
	BENCH_ROW_WITH(module_symbol_lookup_1000exports, mb_setup, NULL),
	BENCH_ROW_WITH(module_symbol_lookup_2000exports, mb_setup_2000, NULL),
	BENCH_ROW_WITH(module_symbol_lookup_4000exports, mb_setup_4000, NULL),
};

static void measure(const struct bench_row *row, unsigned long n)
{
	char label[96];

	snprintf(label, sizeof(label), "bench %s %lu", row->name, n);
	CALLGRIND_ZERO_STATS;
	row->fn(n);
	CALLGRIND_DUMP_STATS_AT(label);
}

int main(void)
{
	unsigned long boot_free, boot_live, pgtables;
	unsigned int i;

	host_test_init();
	fake_boot(&fake_map_pc);
	kmem_cache_init();
	fake_boot_vmalloc();
	kmalloc_mix_fill(mix_sizes);
	cache64 = kmem_cache_create("bench-64", 64, 0, 0, NULL);
	kmem_cache_shrink_all();
	boot_free = nr_free_pages();
	boot_live = slab_objects_live();
	pgtables = nr_pgtable_pages;
	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		if (rows[i].setup)
			rows[i].setup();
		rows[i].fn(BENCH_WARMUP);
		measure(&rows[i], BENCH_N);
		measure(&rows[i], 2 * BENCH_N);
		if (rows[i].teardown)
			rows[i].teardown();
	}
	purge_vmap_area_lazy();
	kmem_cache_shrink_all();
	/* page-table pages stay (mm/pgtable.c): not a leak */
	boot_free -= nr_pgtable_pages - pgtables;
	if (nr_free_pages() != boot_free || slab_objects_live() != boot_live) {
		printk("host_bench: %lu frames free, %lu after boot; %lu slab objects, %lu after boot: a row leaks\n",
		       nr_free_pages(), boot_free, slab_objects_live(), boot_live);
		host_dump_printk_and_abort();
	}
	if (!RUNNING_ON_VALGRIND)
		host_print("host_bench: %u rows ran; counts need callgrind "
			   "(make bench-host)\n", (unsigned int)ARRAY_SIZE(rows));
	return 0;
}
