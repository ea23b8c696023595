// SPDX-License-Identifier: GPL-2.0
// fuzz-srcs: kernel/multiboot2.c lib/vsprintf.c lib/string.c
/*
 * Fuzz target for the multiboot2 boot information parser
 * (kernel/multiboot2.c).
 *
 * Input: the information itself.  It is copied to an odd address at the
 * very end of a heap buffer, so AddressSanitizer stops a read one byte
 * past the readable bytes, and UBSan a read that assumes alignment.
 *
 * Properties checked, besides the absence of crashes:
 *  - mb2_parse() returns what a reference walk of the tags (written here
 *    from the multiboot2 specification's layout, not from the parser)
 *    decides: 0, -EINVAL for malformed information, -ENOENT for a
 *    missing memory map; an error always comes with a reason and
 *    success with none;
 *  - on success, every field equals what the reference decoded from the
 *    last tag of its type: the memory map (empty entries dropped, 128
 *    kept, the rest counted), strings and ACPI tables pointing at the
 *    tag's payload, basic memory info, framebuffer; and every module tag
 *    in order (64 kept, the rest counted), its string in place;
 *  - the same bytes with one readable byte less parse the same if
 *    total_size still fits, and fail otherwise;
 *  - round trip: the boot_info written back as a fresh information block
 *    parses to the same boot_info;
 *  - mb2_usable_bytes() is the saturated sum of the usable ranges, and
 *    mb2_print_mmap() prints one line per range.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <kernel/multiboot2.h>
#include "fuzz.h"

#define MAX_INFO	65536

static u32 rd32(const u8 *p)
{
	u32 v;

	memcpy(&v, p, 4);	/* x86_64 is little endian, as the format */
	return v;
}

static u64 rd64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, 8);
	return v;
}

/* What the reference walk found: the last tag of each decoded type. */
struct ref {
	int ret;
	long cmdline, loader, meminfo, mmap, fb, acpi1, acpi2;	/* offsets, -1: none */
	long modules[MB2_MAX_MODULES];	/* offsets of the first module tags */
	unsigned int nr_modules;	/* all module tags, kept or not */
};

static bool has_nul(const u8 *p, size_t n)
{
	return memchr(p, '\0', n) != NULL;
}

/* The structure's rules, tag by tag, from the start of @info. */
static void reference_walk(const u8 *info, size_t avail, struct ref *r)
{
	size_t total, off = 8;

	r->ret = -EINVAL;
	r->cmdline = r->loader = r->meminfo = r->mmap = r->fb = r->acpi1 = r->acpi2 = -1;
	r->nr_modules = 0;
	if (avail < 8)
		return;
	total = rd32(info);
	if (total < 8 || total > avail)
		return;
	for (;;) {
		const u8 *tag = info + off;
		size_t type, size;

		if (off + 8 > total)
			return;			/* no room for a header: no end tag */
		type = rd32(tag);
		size = rd32(tag + 4);
		if (size < 8 || off + size > total)
			return;
		if (type == MB2_TAG_END) {
			if (size != 8)
				return;
			break;
		}
		switch (type) {
		case MB2_TAG_CMDLINE:
		case MB2_TAG_BOOT_LOADER_NAME:
			if (!has_nul(tag + 8, size - 8))
				return;
			*(type == MB2_TAG_CMDLINE ? &r->cmdline : &r->loader) = off;
			break;
		case MB2_TAG_MODULE:
			/* start, end (not before start), a NUL-ended string */
			if (size < 17 || rd32(tag + 12) < rd32(tag + 8) ||
			    !has_nul(tag + 16, size - 16))
				return;
			if (r->nr_modules < MB2_MAX_MODULES)
				r->modules[r->nr_modules] = off;
			r->nr_modules++;
			break;
		case MB2_TAG_BASIC_MEMINFO:
			if (size < 16)
				return;
			r->meminfo = off;
			break;
		case MB2_TAG_MMAP: {
			size_t esize, e;

			if (size < 16)
				return;
			esize = rd32(tag + 8);
			if (esize < 24)
				return;
			for (e = 16; e + esize <= size; e += esize) {
				u64 addr = rd64(tag + e), len = rd64(tag + e + 8);

				/* the last byte, addr + len - 1, must not pass 2^64 - 1 */
				if (len && addr + (len - 1) < addr)
					return;
			}
			r->mmap = off;
			break;
		}
		case MB2_TAG_FRAMEBUFFER:
			if (size < 30)
				return;
			r->fb = off;
			break;
		case MB2_TAG_ACPI_OLD:
			if (size < 8 + 20)
				return;
			r->acpi1 = off;
			break;
		case MB2_TAG_ACPI_NEW:
			if (size < 8 + 36)
				return;
			r->acpi2 = off;
			break;
		}
		off += (size + 7) / 8 * 8;	/* tags start 8-byte aligned */
		if (off > total)
			return;			/* padding past the end: no end tag */
	}
	r->ret = r->mmap < 0 ? -ENOENT : 0;
}

static const u8 *tag_at(const u8 *info, long off)
{
	return off < 0 ? NULL : info + off;
}

/* On success, @bi must hold exactly what the reference's tags say. */
static void check_fields(const u8 *info, const struct ref *r, const struct boot_info *bi)
{
	const u8 *t;
	unsigned int i, nr = 0, dropped = 0;

	fuzz_check(bi->cmdline == (r->cmdline < 0 ? NULL : (const char *)info + r->cmdline + 8),
		   "cmdline does not point at the last tag 1's payload");
	fuzz_check(bi->loader_name ==
		   (r->loader < 0 ? NULL : (const char *)info + r->loader + 8),
		   "loader_name does not point at the last tag 2's payload");
	fuzz_check(bi->acpi_rsdp_v1 == (r->acpi1 < 0 ? NULL : info + r->acpi1 + 8) &&
		   bi->acpi_rsdp_v2 == (r->acpi2 < 0 ? NULL : info + r->acpi2 + 8),
		   "ACPI pointers do not point at the last tags 14/15");

	t = tag_at(info, r->meminfo);
	fuzz_check(bi->have_basic_meminfo == !!t &&
		   (!t || (bi->mem_lower_kb == rd32(t + 8) && bi->mem_upper_kb == rd32(t + 12))),
		   "basic meminfo differs from the last tag 4");

	t = tag_at(info, r->fb);
	fuzz_check(bi->fb.present == !!t &&
		   (!t || (bi->fb.addr == rd64(t + 8) && bi->fb.pitch == rd32(t + 16) &&
			   bi->fb.width == rd32(t + 20) && bi->fb.height == rd32(t + 24) &&
			   bi->fb.bpp == t[28] && bi->fb.type == t[29])),
		   "framebuffer differs from the last tag 8");

	fuzz_check(bi->nr_modules == min(r->nr_modules, (unsigned int)MB2_MAX_MODULES) &&
		   bi->nr_modules_dropped == r->nr_modules - bi->nr_modules,
		   "%u modules (%u dropped), the tags %u", bi->nr_modules,
		   bi->nr_modules_dropped, r->nr_modules);
	for (i = 0; i < bi->nr_modules; i++) {
		t = info + r->modules[i];
		fuzz_check(bi->modules[i].start == rd32(t + 8) &&
			   bi->modules[i].end == rd32(t + 12) &&
			   bi->modules[i].string == (const char *)t + 16,
			   "module %u differs from its tag", i);
	}

	t = tag_at(info, r->mmap);
	fuzz_check(bi->have_mmap, "success without a memory map");
	{
		u64 size = rd32(t + 4), esize = rd32(t + 8), e;	/* no u32 wrap */

		for (e = 16; e + esize <= size; e += esize) {
			u64 addr = rd64(t + e), len = rd64(t + e + 8);

			if (!len)
				continue;
			if (nr == MB2_MAX_MMAP_ENTRIES) {
				dropped++;
				continue;
			}
			fuzz_check(nr < bi->nr_mmap && bi->mmap[nr].addr == addr &&
				   bi->mmap[nr].len == len &&
				   bi->mmap[nr].type == rd32(t + e + 16),
				   "memory map entry %u differs from the tag", nr);
			nr++;
		}
	}
	fuzz_check(bi->nr_mmap == nr && bi->nr_mmap_dropped == dropped,
		   "memory map has %u entries (%u dropped), the tag %u (%u)",
		   bi->nr_mmap, bi->nr_mmap_dropped, nr, dropped);
	for (i = 0; i < bi->nr_mmap; i++)
		fuzz_check(bi->mmap[i].len && bi->mmap[i].addr + (bi->mmap[i].len - 1) >=
			   bi->mmap[i].addr, "memory map entry %u is empty or wraps", i);
}

/* ---- writing a boot_info back as an information block ---- */

struct writer {
	u8 buf[MAX_INFO];
	size_t len;
};

static u8 *add_tag(struct writer *w, u32 type, u32 size)
{
	u8 *t = w->buf + w->len;

	memset(t, 0, (size + 7) / 8 * 8);
	memcpy(t, &type, 4);
	memcpy(t + 4, &size, 4);
	w->len += (size + 7) / 8 * 8;
	return t;
}

static void add_string(struct writer *w, u32 type, const char *s)
{
	size_t n = strlen(s) + 1;

	memcpy(add_tag(w, type, 8 + n) + 8, s, n);
}

static void write_back(const struct boot_info *bi, struct writer *w)
{
	u32 esize = 24, i, total;
	u8 *t;

	w->len = 8;
	if (bi->cmdline)
		add_string(w, MB2_TAG_CMDLINE, bi->cmdline);
	if (bi->loader_name)
		add_string(w, MB2_TAG_BOOT_LOADER_NAME, bi->loader_name);
	if (bi->have_basic_meminfo) {
		t = add_tag(w, MB2_TAG_BASIC_MEMINFO, 16);
		memcpy(t + 8, &bi->mem_lower_kb, 4);
		memcpy(t + 12, &bi->mem_upper_kb, 4);
	}
	t = add_tag(w, MB2_TAG_MMAP, 16 + bi->nr_mmap * esize);
	memcpy(t + 8, &esize, 4);
	for (i = 0; i < bi->nr_mmap; i++) {
		memcpy(t + 16 + i * esize, &bi->mmap[i].addr, 8);
		memcpy(t + 16 + i * esize + 8, &bi->mmap[i].len, 8);
		memcpy(t + 16 + i * esize + 16, &bi->mmap[i].type, 4);
	}
	if (bi->fb.present) {
		t = add_tag(w, MB2_TAG_FRAMEBUFFER, 30);
		memcpy(t + 8, &bi->fb.addr, 8);
		memcpy(t + 16, &bi->fb.pitch, 4);
		memcpy(t + 20, &bi->fb.width, 4);
		memcpy(t + 24, &bi->fb.height, 4);
		t[28] = bi->fb.bpp;
		t[29] = bi->fb.type;
	}
	for (i = 0; i < bi->nr_modules; i++) {
		size_t n = strlen(bi->modules[i].string) + 1;

		t = add_tag(w, MB2_TAG_MODULE, 16 + n);
		memcpy(t + 8, &bi->modules[i].start, 4);
		memcpy(t + 12, &bi->modules[i].end, 4);
		memcpy(t + 16, bi->modules[i].string, n);
	}
	if (bi->acpi_rsdp_v1)
		memcpy(add_tag(w, MB2_TAG_ACPI_OLD, 8 + 20) + 8, bi->acpi_rsdp_v1, 20);
	if (bi->acpi_rsdp_v2)
		memcpy(add_tag(w, MB2_TAG_ACPI_NEW, 8 + 36) + 8, bi->acpi_rsdp_v2, 36);
	add_tag(w, MB2_TAG_END, 8);
	total = w->len;
	memcpy(w->buf, &total, 4);
	memset(w->buf + 4, 0, 4);
}

static bool same_string(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool same_modules(const struct boot_info *a, const struct boot_info *b)
{
	unsigned int i;

	if (a->nr_modules != b->nr_modules)
		return false;
	for (i = 0; i < a->nr_modules; i++)
		if (a->modules[i].start != b->modules[i].start ||
		    a->modules[i].end != b->modules[i].end ||
		    strcmp(a->modules[i].string, b->modules[i].string))
			return false;
	return true;
}

static void check_round_trip(const struct boot_info *bi)
{
	static struct writer w;
	static struct boot_info again;
	int ret;

	write_back(bi, &w);
	ret = mb2_parse(w.buf, w.len, &again);
	fuzz_check(ret == 0, "the boot_info written back does not parse: %s",
		   mb2_strerror(&again));
	fuzz_check(same_string(bi->cmdline, again.cmdline) &&
		   same_string(bi->loader_name, again.loader_name) &&
		   bi->nr_mmap == again.nr_mmap && same_modules(bi, &again) &&
		   !memcmp(bi->mmap, again.mmap, bi->nr_mmap * sizeof(bi->mmap[0])) &&
		   bi->have_basic_meminfo == again.have_basic_meminfo &&
		   bi->mem_lower_kb == again.mem_lower_kb &&
		   bi->mem_upper_kb == again.mem_upper_kb &&
		   !memcmp(&bi->fb, &again.fb, sizeof(bi->fb)) &&
		   !bi->acpi_rsdp_v1 == !again.acpi_rsdp_v1 &&
		   !bi->acpi_rsdp_v2 == !again.acpi_rsdp_v2 &&
		   (!bi->acpi_rsdp_v1 || !memcmp(bi->acpi_rsdp_v1, again.acpi_rsdp_v1, 20)) &&
		   (!bi->acpi_rsdp_v2 || !memcmp(bi->acpi_rsdp_v2, again.acpi_rsdp_v2, 36)),
		   "the boot_info written back parses differently");
}

static void check_usable_and_print(const struct boot_info *bi)
{
	unsigned int i, lines = 0;
	u64 sum = 0;
	const char *p;

	for (i = 0; i < bi->nr_mmap; i++) {
		if (bi->mmap[i].type != MB2_MEMORY_AVAILABLE)
			continue;
		sum = sum + bi->mmap[i].len < sum ? U64_MAX : sum + bi->mmap[i].len;
	}
	fuzz_check(mb2_usable_bytes(bi) == sum, "mb2_usable_bytes() = %llu, want %llu",
		   (unsigned long long)mb2_usable_bytes(bi), (unsigned long long)sum);

	host_printk_reset();
	mb2_print_mmap(bi);
	for (p = host_printk_text(); (p = strstr(p, "BIOS-e820: [mem ")); p++)
		lines++;
	fuzz_check(lines == bi->nr_mmap, "mb2_print_mmap() printed %u ranges of %u",
		   lines, bi->nr_mmap);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct boot_info bi, bi_short;
	struct ref r;
	u8 *mem, *info;
	int ret;

	if (size > MAX_INFO)
		return 0;
	/* At the end of the allocation, at an odd address. */
	mem = host_malloc(size + 1);
	info = mem + 1;
	memcpy(info, data, size);

	ret = mb2_parse(info, size, &bi);
	reference_walk(info, size, &r);
	fuzz_check(ret == r.ret, "mb2_parse() returned %d, the reference walk says %d (%s)",
		   ret, r.ret, mb2_strerror(&bi));
	fuzz_check(strnlen(bi.err, sizeof(bi.err)) < sizeof(bi.err) &&
		   !ret == !bi.err[0],
		   "mb2_parse() returned %d with reason \"%s\"", ret, mb2_strerror(&bi));

	if (!ret) {
		check_fields(info, &r, &bi);
		check_round_trip(&bi);
		check_usable_and_print(&bi);
	}

	/* One readable byte less: the same answer while total_size fits. */
	if (size) {
		int ret_short = mb2_parse(info, size - 1, &bi_short);

		if (size > 8 && rd32(info) <= size - 1)
			fuzz_check(ret_short == ret && !strcmp(bi.err, bi_short.err),
				   "mb2_parse() depends on bytes past total_size");
		else
			fuzz_check(ret_short == -EINVAL, "mb2_parse() read past the readable bytes");
	}
	host_free(mem);
	return 0;
}
