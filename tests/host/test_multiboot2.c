// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for kernel/multiboot2.c.
 *
 * Each test crafts boot information with a small builder (tags appended
 * at 8-byte boundaries, as GRUB lays them out), copies it into a heap
 * buffer of exactly its size and parses it with avail = that size, so
 * AddressSanitizer reports any read past the information.  Malformed
 * inputs are checked for the exact reason the parser gives.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <kernel/multiboot2.h>

/* ---- building boot information ---- */

struct builder {
	u64 words[1024];	/* 8 KiB, 8-byte aligned like GRUB's copy */
	u32 len;
};

static struct builder b;
static struct boot_info bi;
static u8 *parsed;		/* the exact-size copy the last parse used */

static u8 *bytes(void)
{
	return (u8 *)b.words;
}

static void put32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void put64(u8 *p, u64 v)
{
	put32(p, (u32)v);
	put32(p + 4, (u32)(v >> 32));
}

static void begin(void)
{
	memset(&b, 0, sizeof(b));
	b.len = 8;
}

/* Append a tag header of @size bytes (payload zeroed); return the tag. */
static u8 *add_tag(u32 type, u32 size)
{
	u8 *t = bytes() + b.len;

	put32(t, type);
	put32(t + 4, size);
	b.len += ALIGN(size, 8);
	return t;
}

static void add_string(u32 type, const char *s)
{
	u32 len = strlen(s) + 1;

	memcpy(add_tag(type, 8 + len) + 8, s, len);
}

struct e { u64 addr, len; u32 type; };

static void add_mmap_sized(const struct e *entries, u32 n, u32 entry_size)
{
	u8 *t = add_tag(MB2_TAG_MMAP, 16 + n * entry_size);
	u32 i;

	put32(t + 8, entry_size);
	put32(t + 12, 0);
	for (i = 0; i < n; i++) {
		u8 *e = t + 16 + i * entry_size;

		put64(e, entries[i].addr);
		put64(e + 8, entries[i].len);
		put32(e + 16, entries[i].type);
	}
}

static void add_mmap(const struct e *entries, u32 n)
{
	add_mmap_sized(entries, n, 24);
}

/* End tag and total_size. */
static void finish(void)
{
	add_tag(MB2_TAG_END, 8);
	put32(bytes(), b.len);
}

/* Parse the first @avail bytes of the built information from an exact copy. */
static int parse_avail(size_t avail)
{
	host_free(parsed);
	parsed = host_malloc(avail);
	memcpy(parsed, bytes(), avail);
	return mb2_parse(parsed, avail, &bi);
}

static int parse(void)
{
	return parse_avail(b.len);
}

static int free_parsed(void **state)
{
	(void)state;
	host_free(parsed);
	parsed = NULL;
	return 0;
}

/* The memory map QEMU's SeaBIOS reports for 512 MiB. */
static const struct e qemu_map[] = {
	{ 0x0, 0x9fc00, MB2_MEMORY_AVAILABLE },
	{ 0x9fc00, 0x400, MB2_MEMORY_RESERVED },
	{ 0xf0000, 0x10000, MB2_MEMORY_RESERVED },
	{ 0x100000, 0x1fee0000, MB2_MEMORY_AVAILABLE },
	{ 0x1ffe0000, 0x20000, MB2_MEMORY_RESERVED },
	{ 0xfffc0000, 0x40000, MB2_MEMORY_RESERVED },
};

/* A complete, valid information block with every decoded tag. */
static void build_valid(void)
{
	u8 *t;

	begin();
	add_string(MB2_TAG_CMDLINE, "console=ttyS0 loglevel=7");
	add_string(MB2_TAG_BOOT_LOADER_NAME, "GRUB 2.06");
	t = add_tag(MB2_TAG_BASIC_MEMINFO, 16);
	put32(t + 8, 639);
	put32(t + 12, 523136);
	add_mmap(qemu_map, ARRAY_SIZE(qemu_map));
	t = add_tag(MB2_TAG_FRAMEBUFFER, 38);
	put64(t + 8, 0xfd000000);
	put32(t + 16, 4096);
	put32(t + 20, 1024);
	put32(t + 24, 768);
	t[28] = 32;
	t[29] = 1;
	t = add_tag(MB2_TAG_ACPI_OLD, 8 + 20);
	memcpy(t + 8, "RSD PTR ", 8);
	finish();
}

#define EXPECT_ERR(ret, want_ret, want_msg) do {			\
	assert_int_equal(ret, want_ret);				\
	assert_string_equal(mb2_strerror(&bi), want_msg);		\
} while (0)

/* ---- valid information ---- */

static void test_parse_valid(void **state)
{
	(void)state;
	build_valid();
	assert_int_equal(parse(), 0);
	assert_string_equal(mb2_strerror(&bi), "no error");
	assert_string_equal(bi.err, "");
	assert_string_equal(bi.cmdline, "console=ttyS0 loglevel=7");
	assert_string_equal(bi.loader_name, "GRUB 2.06");
	assert_true(bi.have_basic_meminfo);
	assert_int_equal(bi.mem_lower_kb, 639);
	assert_int_equal(bi.mem_upper_kb, 523136);
	assert_true(bi.have_mmap);
	assert_int_equal(bi.nr_mmap, 6);
	assert_int_equal(bi.nr_mmap_dropped, 0);
	assert_int_equal(bi.mmap[3].addr, 0x100000);
	assert_int_equal(bi.mmap[3].len, 0x1fee0000);
	assert_int_equal(bi.mmap[3].type, MB2_MEMORY_AVAILABLE);
	assert_int_equal(bi.mmap[5].addr, 0xfffc0000);
	assert_true(bi.fb.present);
	assert_int_equal(bi.fb.addr, 0xfd000000);
	assert_int_equal(bi.fb.pitch, 4096);
	assert_int_equal(bi.fb.width, 1024);
	assert_int_equal(bi.fb.height, 768);
	assert_int_equal(bi.fb.bpp, 32);
	assert_int_equal(bi.fb.type, 1);
	assert_non_null(bi.acpi_rsdp_v1);
	assert_memory_equal(bi.acpi_rsdp_v1, "RSD PTR ", 8);
	assert_null(bi.acpi_rsdp_v2);
	/* Strings point into the information itself. */
	assert_true((const u8 *)bi.cmdline > parsed && (const u8 *)bi.cmdline < parsed + b.len);
}

static void test_minimal_valid(void **state)
{
	static const struct e one[] = { { 0x100000, 0x100000, 1 } };

	(void)state;
	begin();
	add_mmap(one, 1);
	finish();
	assert_int_equal(parse(), 0);
	assert_null(bi.cmdline);
	assert_null(bi.loader_name);
	assert_false(bi.have_basic_meminfo);
	assert_false(bi.fb.present);
	assert_int_equal(bi.nr_mmap, 1);
}

static void test_print_mmap(void **state)
{
	(void)state;
	build_valid();
	assert_int_equal(parse(), 0);
	host_printk_reset();
	mb2_print_mmap(&bi);
	assert_string_equal(host_printk_text(),
		"BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable\n"
		"BIOS-e820: [mem 0x000000000009fc00-0x000000000009ffff] reserved\n"
		"BIOS-e820: [mem 0x00000000000f0000-0x00000000000fffff] reserved\n"
		"BIOS-e820: [mem 0x0000000000100000-0x000000001ffdffff] usable\n"
		"BIOS-e820: [mem 0x000000001ffe0000-0x000000001fffffff] reserved\n"
		"BIOS-e820: [mem 0x00000000fffc0000-0x00000000ffffffff] reserved\n");
	assert_int_equal(host_printk_last_level(), 6);	/* KERN_INFO */
}

static void test_print_mmap_all_types(void **state)
{
	static const struct e map[] = {
		{ 0x0, 0x1000, 1 }, { 0x1000, 0x1000, 2 }, { 0x2000, 0x1000, 3 },
		{ 0x3000, 0x1000, 4 }, { 0x4000, 0x1000, 5 }, { 0x5000, 0x1000, 99 },
		{ 0xfffffffffffff000ULL, 0x1000, 1 },	/* the very top */
	};

	(void)state;
	begin();
	add_mmap(map, ARRAY_SIZE(map));
	finish();
	assert_int_equal(parse(), 0);
	host_printk_reset();
	mb2_print_mmap(&bi);
	assert_string_equal(host_printk_text(),
		"BIOS-e820: [mem 0x0000000000000000-0x0000000000000fff] usable\n"
		"BIOS-e820: [mem 0x0000000000001000-0x0000000000001fff] reserved\n"
		"BIOS-e820: [mem 0x0000000000002000-0x0000000000002fff] ACPI data\n"
		"BIOS-e820: [mem 0x0000000000003000-0x0000000000003fff] ACPI NVS\n"
		"BIOS-e820: [mem 0x0000000000004000-0x0000000000004fff] unusable\n"
		"BIOS-e820: [mem 0x0000000000005000-0x0000000000005fff] reserved\n"
		"BIOS-e820: [mem 0xfffffffffffff000-0xffffffffffffffff] usable\n");
}

static void test_mmap_type_names(void **state)
{
	(void)state;
	assert_string_equal(mb2_mmap_type_name(1), "usable");
	assert_string_equal(mb2_mmap_type_name(2), "reserved");
	assert_string_equal(mb2_mmap_type_name(3), "ACPI data");
	assert_string_equal(mb2_mmap_type_name(4), "ACPI NVS");
	assert_string_equal(mb2_mmap_type_name(5), "unusable");
	assert_string_equal(mb2_mmap_type_name(0), "reserved");
	assert_string_equal(mb2_mmap_type_name(0xffffffff), "reserved");
}

static void test_usable_bytes(void **state)
{
	static const struct e huge[] = {
		{ 0, 1ULL << 63, 1 }, { 1ULL << 63, 1ULL << 63, 1 },
	};

	(void)state;
	build_valid();
	assert_int_equal(parse(), 0);
	assert_int_equal(mb2_usable_bytes(&bi), 0x9fc00 + 0x1fee0000);

	begin();
	add_mmap(huge, 2);
	finish();
	assert_int_equal(parse(), 0);
	assert_true(mb2_usable_bytes(&bi) == U64_MAX);	/* saturates */
}

static void test_mmap_zero_length_and_big_entries(void **state)
{
	static const struct e map[] = {
		{ 0x0, 0x1000, 1 }, { 0x5000, 0, 1 }, { 0x100000, 0x2000, 3 },
	};

	(void)state;
	begin();
	add_mmap_sized(map, 3, 32);	/* a loader with larger entries */
	finish();
	assert_int_equal(parse(), 0);
	assert_int_equal(bi.nr_mmap, 2);	/* the empty range is dropped */
	assert_int_equal(bi.mmap[1].addr, 0x100000);
	assert_int_equal(bi.mmap[1].type, 3);
}

static void test_mmap_too_many_entries(void **state)
{
	static struct e map[200];
	u32 i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(map); i++)
		map[i] = (struct e){ i * 0x2000ULL, 0x1000, 1 };
	begin();
	add_mmap(map, ARRAY_SIZE(map));
	finish();
	assert_int_equal(parse(), 0);
	assert_int_equal(bi.nr_mmap, MB2_MAX_MMAP_ENTRIES);
	assert_int_equal(bi.nr_mmap_dropped, 200 - MB2_MAX_MMAP_ENTRIES);
	assert_int_equal(bi.mmap[127].addr, 127 * 0x2000);
	host_printk_reset();
	mb2_print_mmap(&bi);
	assert_non_null(strstr(host_printk_text(),
		"BIOS-e820: [mem 0x00000000000fe000-0x00000000000fefff] usable\n"
		"BIOS-e820: 72 more ranges ignored (table holds 128)\n"));
}

static void test_unknown_tags_and_padding(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };

	(void)state;
	begin();
	add_tag(21, 12);			/* load base address: skipped */
	add_string(MB2_TAG_CMDLINE, "abcd");	/* size 13: 3 bytes padding */
	add_tag(3, 17);				/* module: empty, no name */
	add_tag(0x7777, 8);			/* unknown, empty */
	add_mmap(one, 1);
	finish();
	assert_int_equal(parse(), 0);
	assert_string_equal(bi.cmdline, "abcd");
	assert_int_equal(bi.nr_mmap, 1);
	assert_int_equal(bi.nr_modules, 1);
	assert_string_equal(bi.modules[0].string, "");
}

/* A module tag: mod_start, mod_end, then the string GRUB was given. */
static u8 *add_module(u32 start, u32 end, const char *s)
{
	u32 len = strlen(s) + 1;
	u8 *t = add_tag(MB2_TAG_MODULE, 16 + len);

	put32(t + 8, start);
	put32(t + 12, end);
	memcpy(t + 16, s, len);
	return t;
}

/* What `make run MODULES="a.ko b.ko"` gives: two files, in order. */
static void test_module_tags(void **state)
{
	static const struct e one[] = { { 0, 0x8000000, 1 } };

	(void)state;
	begin();
	add_string(MB2_TAG_CMDLINE, "");
	add_module(0x1f0000, 0x1f3078, "kmalloc_param.ko");
	add_mmap(one, 1);
	add_module(0x1f4000, 0x1f4000, "empty.ko");	/* an empty file */
	finish();
	assert_int_equal(parse(), 0);
	assert_int_equal(bi.nr_modules, 2);
	assert_int_equal(bi.nr_modules_dropped, 0);
	assert_int_equal(bi.modules[0].start, 0x1f0000);
	assert_int_equal(bi.modules[0].end, 0x1f3078);
	assert_string_equal(bi.modules[0].string, "kmalloc_param.ko");
	/* the string points into the information, in place */
	assert_ptr_equal(bi.modules[0].string, (const char *)parsed + 8 + 16 + 16);
	assert_int_equal(bi.modules[1].start, 0x1f4000);
	assert_int_equal(bi.modules[1].end, 0x1f4000);
	assert_string_equal(bi.modules[1].string, "empty.ko");
}

static void test_module_tag_errors(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };
	u8 *t;

	(void)state;
	begin();
	add_mmap(one, 1);
	add_module(0x3000, 0x2fff, "back.ko");
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "module tag at offset 48 ends before it starts (start 0x3000, end 0x2fff)");

	/* addresses but no room for the string's NUL */
	begin();
	add_tag(MB2_TAG_MODULE, 16);
	add_mmap(one, 1);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 3 at offset 8 has size 16, too small for its fields (needs 17)");

	/* a string that does not end inside its tag */
	begin();
	add_mmap(one, 1);
	t = add_tag(MB2_TAG_MODULE, 16 + 4);
	memcpy(t + 16, "a.ko", 4);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 3 at offset 48: string not NUL-terminated within its 4 bytes");
}

static void test_module_too_many(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };
	unsigned int i;

	(void)state;
	begin();
	add_mmap(one, 1);
	for (i = 0; i < MB2_MAX_MODULES + 2; i++)
		add_module(i * 0x1000, i * 0x1000 + 10, "m.ko");
	finish();
	assert_true(b.len <= sizeof(b.words));
	assert_int_equal(parse(), 0);
	assert_int_equal(bi.nr_modules, MB2_MAX_MODULES);
	assert_int_equal(bi.nr_modules_dropped, 2);
	assert_int_equal(bi.modules[MB2_MAX_MODULES - 1].start,
			 (MB2_MAX_MODULES - 1) * 0x1000);
}

static void test_acpi_tags(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };
	u8 *t;

	(void)state;
	begin();
	add_mmap(one, 1);
	t = add_tag(MB2_TAG_ACPI_NEW, 8 + 36);
	memcpy(t + 8, "RSD PTR ", 8);
	finish();
	assert_int_equal(parse(), 0);
	assert_null(bi.acpi_rsdp_v1);
	assert_ptr_equal(bi.acpi_rsdp_v2, parsed + 8 + 16 + 24 + 8);
}

static void test_info_at_odd_address(void **state)
{
	u8 *odd;

	(void)state;
	/* Fields are read byte by byte; UBSan would flag a misaligned load. */
	build_valid();
	odd = host_malloc(b.len + 1);
	memcpy(odd + 1, bytes(), b.len);
	assert_int_equal(mb2_parse(odd + 1, b.len, &bi), 0);
	assert_int_equal(bi.nr_mmap, 6);
	host_free(odd);
}

/* ---- malformed information ---- */

static void test_null_and_tiny(void **state)
{
	(void)state;
	EXPECT_ERR(mb2_parse(NULL, 100, &bi), -EINVAL, "no boot information (NULL pointer)");
	build_valid();
	EXPECT_ERR(parse_avail(4), -EINVAL, "only 4 bytes readable, the fixed part needs 8");
}

static void test_total_size_too_small(void **state)
{
	(void)state;
	build_valid();
	put32(bytes(), 4);
	EXPECT_ERR(parse(), -EINVAL, "total_size 4 smaller than the fixed part");
}

static void test_truncated_information(void **state)
{
	(void)state;
	/* total_size promises more than the caller can read. */
	build_valid();
	assert_int_equal(b.len, 328);
	EXPECT_ERR(parse_avail(b.len - 8), -EINVAL,
		   "total_size 328 larger than the 320 readable bytes");
}

static void test_tag_runs_past_end(void **state)
{
	static const struct e two[] = { { 0, 0x1000, 1 }, { 0x1000, 0x1000, 1 } };

	(void)state;
	begin();
	add_string(MB2_TAG_CMDLINE, "0123456789012345678901234567890");	/* size 40 */
	add_mmap(two, 1);		/* tag 6 at offset 48, size 40 */
	put32(bytes() + 48 + 4, 40);
	b.len = 64;			/* total_size cuts it: 16 bytes left */
	put32(bytes(), b.len);
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 6 at offset 48 runs past the end of the information (size 40, 16 left)");
}

static void test_tag_smaller_than_header(void **state)
{
	(void)state;
	build_valid();
	put32(bytes() + 8 + 4, 4);	/* the cmdline tag's size */
	EXPECT_ERR(parse(), -EINVAL, "tag 1 at offset 8 has size 4, less than its 8-byte header");
	put32(bytes() + 8 + 4, 0);	/* size 0 would loop forever if accepted */
	EXPECT_ERR(parse(), -EINVAL, "tag 1 at offset 8 has size 0, less than its 8-byte header");
}

static void test_missing_end_tag(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };

	(void)state;
	begin();
	add_mmap(one, 1);		/* offset 8, size 40 */
	put32(bytes(), b.len);		/* total 48, no end tag */
	EXPECT_ERR(parse(), -EINVAL, "no end tag (tag list stops at offset 48, total_size 48)");

	/* A last tag whose padding would reach past total_size. */
	begin();
	add_mmap(one, 1);
	add_tag(0x99, 12);		/* offset 48, ends at 60 */
	put32(bytes(), 60);
	b.len = 60;
	EXPECT_ERR(parse(), -EINVAL, "no end tag (tag list stops at offset 60, total_size 60)");

	/* Only 4 bytes after the last tag: not even a header fits. */
	begin();
	add_mmap(one, 1);
	put32(bytes(), 52);
	b.len = 52;
	EXPECT_ERR(parse(), -EINVAL, "no end tag (tag list stops at offset 48, total_size 52)");
}

static void test_end_tag_bad_size(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };

	(void)state;
	begin();
	add_mmap(one, 1);
	add_tag(MB2_TAG_END, 16);
	put32(bytes(), b.len);
	EXPECT_ERR(parse(), -EINVAL, "end tag at offset 48 has size 16, not 8");
}

static void test_missing_mmap(void **state)
{
	(void)state;
	begin();
	add_string(MB2_TAG_CMDLINE, "quiet");
	finish();
	EXPECT_ERR(parse(), -ENOENT, "no memory map tag");
	/* What was decoded is still there for the panic message. */
	assert_string_equal(bi.cmdline, "quiet");
}

static void test_unterminated_strings(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };
	u8 *t;

	(void)state;
	begin();
	add_mmap(one, 1);
	t = add_tag(MB2_TAG_CMDLINE, 8 + 5);
	memcpy(t + 8, "abcde", 5);		/* no NUL inside the tag... */
	memset(t + 13, 0, 3);			/* ...even though padding has one */
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 1 at offset 48: string not NUL-terminated within its 5 bytes");

	begin();
	add_tag(MB2_TAG_BOOT_LOADER_NAME, 8);	/* empty payload: no room for NUL */
	add_mmap(one, 1);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 2 at offset 8: string not NUL-terminated within its 0 bytes");
}

static void test_mmap_bad_entry_size(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };

	(void)state;
	begin();
	add_mmap_sized(one, 1, 12);
	finish();
	EXPECT_ERR(parse(), -EINVAL, "memory map entry_size 12 too small (needs 24)");

	begin();
	add_mmap_sized(one, 1, 0);		/* would divide by zero */
	finish();
	EXPECT_ERR(parse(), -EINVAL, "memory map entry_size 0 too small (needs 24)");
}

static void test_mmap_tag_too_small(void **state)
{
	(void)state;
	begin();
	add_tag(MB2_TAG_MMAP, 12);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 6 at offset 8 has size 12, too small for its fields (needs 16)");
}

static void test_mmap_entry_wraps(void **state)
{
	static const struct e bad[] = {
		{ 0, 0x1000, 1 }, { 0xfffffffffffff000ULL, 0x2000, 2 },
	};

	(void)state;
	begin();
	add_mmap(bad, 2);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "memory map entry 1 wraps around (addr 0xfffffffffffff000, len 0x2000)");
}

static void test_small_fixed_tags(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };

	(void)state;
	begin();
	add_mmap(one, 1);
	add_tag(MB2_TAG_FRAMEBUFFER, 29);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 8 at offset 48 has size 29, too small for its fields (needs 30)");

	begin();
	add_tag(MB2_TAG_BASIC_MEMINFO, 12);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 4 at offset 8 has size 12, too small for its fields (needs 16)");

	begin();
	add_tag(MB2_TAG_ACPI_OLD, 8 + 19);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 14 at offset 8 has size 27, too small for its fields (needs 28)");

	begin();
	add_tag(MB2_TAG_ACPI_NEW, 8 + 20);
	finish();
	EXPECT_ERR(parse(), -EINVAL,
		   "tag 15 at offset 8 has size 28, too small for its fields (needs 44)");
}

static void test_misaligned_tag(void **state)
{
	static const struct e one[] = { { 0, 0x1000, 1 } };
	u8 *t;

	(void)state;
	/*
	 * A broken loader that packs tags without padding: the cmdline tag
	 * has size 13 and the end tag follows at offset 21 instead of 24.
	 * The parser looks for the next tag at 24 and must reject what it
	 * finds there instead of wandering off.
	 */
	begin();
	add_mmap(one, 1);
	t = add_tag(MB2_TAG_CMDLINE, 13);
	memcpy(t + 8, "abcd", 5);
	put32(t + 13, MB2_TAG_END);		/* end tag at 61, misplaced */
	put32(t + 17, 8);
	b.len = 48 + 21;
	put32(bytes(), b.len);
	EXPECT_ERR(parse(), -EINVAL, "no end tag (tag list stops at offset 64, total_size 69)");
}

/* ---- junk must never crash the parser or escape the buffer ---- */

static unsigned int rnd_state = 1;

static unsigned int rnd(void)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return rnd_state >> 8;
}

static void check_outcome(int ret)
{
	if (ret == 0) {
		assert_true(bi.have_mmap);
		assert_true(bi.nr_mmap <= MB2_MAX_MMAP_ENTRIES);
		assert_string_equal(bi.err, "");
	} else {
		assert_true(ret == -EINVAL || ret == -ENOENT);
		assert_true(bi.err[0] != '\0');
		assert_true(strnlen(bi.err, sizeof(bi.err)) < sizeof(bi.err));
	}
}

static void test_fuzz_mutations(void **state)
{
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		int flips = 1 + rnd() % 4, i;

		build_valid();
		for (i = 0; i < flips; i++) {
			u32 at = rnd() % b.len;

			/* Mostly small values, so sizes stay plausible. */
			bytes()[at] = rnd() % 3 ? rnd() % 64 : rnd();
		}
		/* Usually all of it readable, sometimes a truncated prefix. */
		check_outcome(parse_avail(rnd() % 3 ? b.len : rnd() % (b.len + 1)));
		if (!bi.cmdline)
			continue;
		/* A string accepted by the parser ends inside the buffer. */
		assert_true(strnlen(bi.cmdline, parsed + b.len - (const u8 *)bi.cmdline) <
			    (size_t)(parsed + b.len - (const u8 *)bi.cmdline));
	}
}

static void test_fuzz_random(void **state)
{
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		u32 len = 8 + rnd() % 120, i;

		begin();
		for (i = 0; i < len; i++)
			bytes()[i] = rnd() % 4 ? rnd() % 48 : rnd();
		if (rnd() % 2)
			put32(bytes(), len - rnd() % 8);	/* plausible total */
		b.len = len;
		check_outcome(parse());
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_teardown(f, free_parsed)
		T(test_parse_valid),
		T(test_minimal_valid),
		T(test_print_mmap),
		T(test_print_mmap_all_types),
		T(test_mmap_type_names),
		T(test_usable_bytes),
		T(test_mmap_zero_length_and_big_entries),
		T(test_mmap_too_many_entries),
		T(test_unknown_tags_and_padding),
		T(test_module_tags),
		T(test_module_tag_errors),
		T(test_module_too_many),
		T(test_acpi_tags),
		T(test_info_at_odd_address),
		T(test_null_and_tiny),
		T(test_total_size_too_small),
		T(test_truncated_information),
		T(test_tag_runs_past_end),
		T(test_tag_smaller_than_header),
		T(test_missing_end_tag),
		T(test_end_tag_bad_size),
		T(test_missing_mmap),
		T(test_unterminated_strings),
		T(test_mmap_bad_entry_size),
		T(test_mmap_tag_too_small),
		T(test_mmap_entry_wraps),
		T(test_small_fixed_tags),
		T(test_misaligned_tag),
		T(test_fuzz_mutations),
		T(test_fuzz_random),
#undef T
	};

	host_test_init();
	return cmocka_run_group_tests_name("multiboot2", tests, NULL, NULL);
}
