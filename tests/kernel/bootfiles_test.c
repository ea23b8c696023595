// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/bootfiles.c: the files GRUB loaded as multiboot2
 * modules (make run MODULES="a.ko ..." or M=DIR).
 *
 * Most cases need a boot with files and skip without them; the boot
 * check "bootfiles" (scripts/boot_checks.py) boots with two, one of them
 * a known byte pattern spanning several pages, and runs this suite.
 */
#include <kunit/test.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/string.h>
#include <asm/page.h>
#include <kernel/bootfiles.h>
#include <kernel/multiboot2.h>

extern struct boot_info boot_info;

/* The file boot_checks.py makes: byte i is pattern_byte(i). */
#define PATTERN_FILE	"bootfiles-pattern.bin"
static u8 pattern_byte(size_t i)
{
	return (u8)(i * 7 + 3);
}

static void skip_without_files(struct kunit *test)
{
	if (!boot_file_count())
		kunit_skip(test, "booted without files (make ktest MODULES=...)");
}

/* One boot file per module tag, in grub.cfg's order, with its bytes. */
static void one_file_per_module_tag(struct kunit *test)
{
	unsigned int i;

	skip_without_files(test);
	KUNIT_EXPECT_EQ(test, boot_file_count(), boot_info.nr_modules);
	for (i = 0; i < boot_file_count(); i++) {
		const struct boot_file *f = boot_file_get(i);
		const struct mb2_module *m = &boot_info.modules[i];

		KUNIT_ASSERT_NOT_NULL(test, f);
		KUNIT_EXPECT_EQ(test, (u64)__pa(f->data), (u64)m->start);
		KUNIT_EXPECT_EQ(test, (u64)f->size, (u64)(m->end - m->start));
		if (*m->string)
			KUNIT_EXPECT_STREQ(test, f->name, m->string);
	}
	KUNIT_EXPECT_NULL(test, boot_file_get(boot_file_count()));
}

/* Neither memblock nor the page allocator may ever hand the files out. */
static void file_pages_are_reserved(struct kunit *test)
{
	unsigned int i;

	skip_without_files(test);
	for (i = 0; i < boot_file_count(); i++) {
		const struct boot_file *f = boot_file_get(i);
		phys_addr_t pa = __pa(f->data) & PAGE_MASK;
		phys_addr_t end = __pa(f->data) + f->size;

		for (; pa < end; pa += PAGE_SIZE) {
			KUNIT_EXPECT_TRUE_MSG(test, memblock_is_reserved(pa),
					      "%s: page %#llx not reserved", f->name,
					      (unsigned long long)pa);
			KUNIT_EXPECT_TRUE_MSG(test, PageReserved(virt_to_page(__va(pa))),
					      "%s: page %#llx not PG_reserved", f->name,
					      (unsigned long long)pa);
		}
	}
}

/* The pattern file reads back whole through the direct map. */
static void pattern_file_is_intact(struct kunit *test)
{
	const struct boot_file *f = boot_file_find(PATTERN_FILE);
	const u8 *p;
	size_t i;

	if (!f)
		kunit_skip(test, "no " PATTERN_FILE " (the boot check's file)");
	KUNIT_EXPECT_GT(test, f->size, (size_t)(2 * PAGE_SIZE));
	p = f->data;
	for (i = 0; i < f->size; i++)
		if (p[i] != pattern_byte(i))
			break;
	KUNIT_EXPECT_EQ_MSG(test, i, f->size, "byte %zu is %#x", i,
			    i < f->size ? p[i] : 0);
}

/* By name, by a path ending in the name; an unknown name finds nothing. */
static void find_by_name_or_path(struct kunit *test)
{
	char path[128];
	unsigned int i;

	KUNIT_EXPECT_NULL(test, boot_file_find("no-such-file.ko"));
	KUNIT_EXPECT_NULL(test, boot_file_find("/boot/modules/no-such-file.ko"));
	for (i = 0; i < boot_file_count(); i++) {
		const struct boot_file *f = boot_file_get(i);

		KUNIT_EXPECT_PTR_EQ(test, boot_file_find(f->name), f);
		snprintf(path, sizeof(path), "/boot/modules/%s", f->name);
		KUNIT_EXPECT_PTR_EQ(test, boot_file_find(path), f);
	}
}

static struct kunit_case bootfiles_cases[] = {
	KUNIT_CASE(one_file_per_module_tag),
	KUNIT_CASE(file_pages_are_reserved),
	KUNIT_CASE(pattern_file_is_intact),
	KUNIT_CASE(find_by_name_or_path),
	{}
};

static struct kunit_suite bootfiles_suite = {
	.name = "bootfiles",
	.test_cases = bootfiles_cases,
};
kunit_test_suite(bootfiles_suite);
