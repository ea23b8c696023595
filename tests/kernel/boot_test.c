// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the boot path: what GRUB handed over (kernel/multiboot2.c,
 * kernel/params.c), the memory map against QEMU's -m, memblock's
 * reservations (mm/memblock.c) and the direct map built by
 * arch/x86_64/mm_init.c.
 */
#include <kunit/test.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/memblock.h>
#include <asm/page.h>
#include <asm/setup.h>
#include <kernel/boot.h>
#include <kernel/log.h>
#include <kernel/oops.h>

/* QEMU's firmware keeps the 640K-1M hole and a few ROM/ACPI pages. */
#define FIRMWARE_HOLES_MAX	(2 * SZ_1M)

static void loader_is_grub(struct kunit *test)
{
	KUNIT_ASSERT_NOT_NULL(test, boot_info.loader_name);
	KUNIT_EXPECT_EQ(test, strncmp(boot_info.loader_name, "GRUB", 4), 0);
}

/*
 * The loader's string (multiboot2 tag 1) reaches boot_command_line
 * whole.  A boot from make ktest also carries ktest= and ktest_mem=, and
 * the latter was parsed; a default boot (make run, then the shell's
 * "test") has only what CMDLINE= added, so there is nothing more to
 * look for.
 */
static void command_line_reached_the_kernel(struct kunit *test)
{
	KUNIT_ASSERT_NOT_NULL_MSG(test, boot_info.cmdline,
				  "no multiboot2 command line tag");
	KUNIT_EXPECT_EQ_MSG(test, strncmp(boot_command_line, boot_info.cmdline,
					  COMMAND_LINE_SIZE - 1), 0,
			    "boot_command_line \"%s\", loader's \"%s\"",
			    boot_command_line, boot_info.cmdline);
	if (!ktest_expected_mem) {
		kunit_info(test, "no ktest_mem= (not a make ktest boot): checked the loader's string only");
		return;
	}
	KUNIT_EXPECT_NOT_NULL(test, strstr(boot_command_line, "ktest="));
	KUNIT_EXPECT_NOT_NULL(test, strstr(boot_command_line, "ktest_mem="));
}

/* The usable RAM in the map is what QEMU was given, less firmware holes. */
static void memory_map_matches_qemu_size(struct kunit *test)
{
	u64 usable = mb2_usable_bytes(&boot_info);

	if (!ktest_expected_mem)
		kunit_skip(test, "no ktest_mem= on the command line");
	kunit_info(test, "QEMU -m %llu MiB, usable %llu KiB in %u ranges",
		   ktest_expected_mem >> 20, usable >> 10, boot_info.nr_mmap);
	KUNIT_EXPECT_LE(test, usable, ktest_expected_mem);
	KUNIT_EXPECT_LT(test, ktest_expected_mem - usable, (u64)FIRMWARE_HOLES_MAX);
	/* memblock has the same RAM, trimmed to whole pages */
	KUNIT_EXPECT_LE(test, (u64)memblock_phys_mem_size(), usable);
	KUNIT_EXPECT_LT(test, usable - memblock_phys_mem_size(), (u64)SZ_1M);
}

/* Past 3.5 GiB QEMU moves RAM above the 4 GiB line (the PCI hole). */
static void big_memory_lies_above_4g(struct kunit *test)
{
	if (ktest_expected_mem < 0xe0000000ULL)
		kunit_skip(test, "needs MEM of 3.5G or more");
	KUNIT_EXPECT_GT(test, (u64)memblock_end_of_DRAM(), SZ_4G);
	KUNIT_EXPECT_TRUE(test, memblock_is_memory(SZ_4G));
	KUNIT_EXPECT_FALSE(test, memblock_is_memory(0xfee00000ULL));	/* the LAPIC */
}

static void boot_memory_is_reserved(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(__pa_symbol(_text)));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(__pa_symbol(_end) - 1));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(0));
	KUNIT_EXPECT_TRUE(test, memblock_is_reserved(__pa(boot_info.cmdline)));
	KUNIT_EXPECT_GT(test, (u64)memblock_reserved_size(), (u64)SZ_1M);
}

/*
 * Every free stretch of RAM is reachable through the direct map: write a
 * pattern at its first and last word, read it back, restore.
 */
static __no_sanitize_address void direct_map_reaches_all_ram(struct kunit *test)
{
	phys_addr_t start, end;
	unsigned int ranges = 0;
	u64 i;

	for_each_free_mem_range(i, &start, &end) {
		volatile u64 *first = __va(start);
		volatile u64 *last = __va(end - sizeof(u64));
		u64 a = *first, b = *last;

		*first = 0x5a5a5a5a12345678ULL ^ start;
		*last = 0xa5a5a5a587654321ULL ^ end;
		KUNIT_EXPECT_EQ(test, *first, 0x5a5a5a5a12345678ULL ^ start);
		KUNIT_EXPECT_EQ(test, *last, 0xa5a5a5a587654321ULL ^ end);
		*first = a;
		*last = b;
		ranges++;
	}
	KUNIT_EXPECT_GT(test, ranges, 0U);
	KUNIT_EXPECT_EQ(test, __pa(__va(0x12345000ULL)), 0x12345000ULL);
	KUNIT_EXPECT_EQ(test, (unsigned long)__va(0), PAGE_OFFSET);
}

/*
 * __no_sanitize_address: with make KASAN=1 the compiler would check the
 * shadow of the low address first, at a non-canonical address: a general
 * protection fault instead of the page fault this test is about (as in
 * Linux with KASAN).
 */
static noinline __no_sanitize_address void touch_identity_map(void)
{
	(void)*(volatile u64 *)(uintptr_t)SZ_1M;
}

/* The boot identity map is gone: a physical address is not a pointer. */
static void identity_map_is_gone(struct kunit *test)
{
	struct oops_catcher c;
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: unable to handle page fault");
	if (oops_catch(&c) == 0) {
		touch_identity_map();
		oops_uncatch(&c);
		KUNIT_FAIL(test, "reading virtual 1 MiB did not fault");
	}
	KUNIT_EXPECT_NE(test, log_search(seq, "page fault for address: 0000000000100000"), 0ULL);
}

static void kernel_has_its_symbols(struct kunit *test)
{
	char buf[KSYM_SYMBOL_LEN];

	KUNIT_EXPECT_EQ(test, kallsyms_lookup_name("start_kernel"),
			(unsigned long)start_kernel);
	sprint_symbol(buf, (unsigned long)start_kernel + 4);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "start_kernel+0x4/0x", 19), 0);
}

static struct kunit_case boot_cases[] = {
	KUNIT_CASE(loader_is_grub),
	KUNIT_CASE(command_line_reached_the_kernel),
	KUNIT_CASE(memory_map_matches_qemu_size),
	KUNIT_CASE(big_memory_lies_above_4g),
	KUNIT_CASE(boot_memory_is_reserved),
	KUNIT_CASE(direct_map_reaches_all_ram),
	KUNIT_CASE(identity_map_is_gone),
	KUNIT_CASE(kernel_has_its_symbols),
	{}
};

static struct kunit_suite boot_suite = {
	.name = "boot",
	.test_cases = boot_cases,
};
kunit_test_suite(boot_suite);
