// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for mm/debug.c: GFP flags by name, directly through
 * format_gfp_flags() and through printk's %pGg (lib/vsprintf.c), in the
 * order and with the composite names Linux 5.4 prints.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/gfp.h>
#include <linux/mmdebug.h>

static void check_gfp(const char *expect, gfp_t gfp)
{
	char buf[GFP_FLAGS_NAMES_MAX];
	int n = format_gfp_flags(buf, sizeof(buf), gfp);

	assert_string_equal(buf, expect);
	assert_int_equal(n, strlen(expect));
}

static void test_composites_first(void **state)
{
	(void)state;
	check_gfp("GFP_KERNEL", GFP_KERNEL);
	check_gfp("GFP_ATOMIC", GFP_ATOMIC);
	check_gfp("GFP_NOWAIT", GFP_NOWAIT);
	check_gfp("GFP_NOIO", GFP_NOIO);
	check_gfp("GFP_NOFS", GFP_NOFS);
	check_gfp("GFP_USER", GFP_USER);
	check_gfp("GFP_USER", GFP_KERNEL | __GFP_HARDWALL);
	check_gfp("GFP_KERNEL_ACCOUNT", GFP_KERNEL_ACCOUNT);
	check_gfp("GFP_HIGHUSER_MOVABLE", GFP_HIGHUSER_MOVABLE);
	check_gfp("GFP_DMA", GFP_DMA);
	check_gfp("GFP_DMA32", GFP_DMA32);
}

static void test_modifiers_after_composite(void **state)
{
	(void)state;
	check_gfp("GFP_ATOMIC|__GFP_ZERO", GFP_ATOMIC | __GFP_ZERO);
	check_gfp("GFP_KERNEL|__GFP_NOWARN", GFP_KERNEL | __GFP_NOWARN);
	check_gfp("GFP_KERNEL|__GFP_ZERO", GFP_KERNEL | __GFP_ZERO);
	check_gfp("GFP_KERNEL|GFP_DMA", GFP_KERNEL | GFP_DMA);
	check_gfp("GFP_KERNEL|GFP_DMA32|__GFP_ZERO",
		  GFP_KERNEL | GFP_DMA32 | __GFP_ZERO);
	check_gfp("GFP_ATOMIC|__GFP_NOWARN|__GFP_ZERO",
		  GFP_ATOMIC | __GFP_NOWARN | __GFP_ZERO);
	check_gfp("GFP_NOWAIT|__GFP_NOWARN", GFP_NOWAIT | __GFP_NOWARN);
	check_gfp("GFP_KERNEL|__GFP_RETRY_MAYFAIL|__GFP_NOFAIL|__GFP_NORETRY",
		  GFP_KERNEL | __GFP_RETRY_MAYFAIL | __GFP_NOFAIL | __GFP_NORETRY);
}

static void test_single_bits(void **state)
{
	(void)state;
	check_gfp("__GFP_HIGH", __GFP_HIGH);
	check_gfp("__GFP_ZERO", __GFP_ZERO);
	check_gfp("__GFP_ATOMIC", __GFP_ATOMIC);
	check_gfp("__GFP_DIRECT_RECLAIM", __GFP_DIRECT_RECLAIM);
	check_gfp("__GFP_HIGH|__GFP_DIRECT_RECLAIM", __GFP_HIGH | __GFP_DIRECT_RECLAIM);
	check_gfp("__GFP_IO|__GFP_FS", __GFP_IO | __GFP_FS);
}

static void test_zero_and_unknown_bits(void **state)
{
	(void)state;
	check_gfp("0", 0);
	check_gfp("0x1000000", 0x1000000);
	check_gfp("__GFP_HIGH|0x3000000", __GFP_HIGH | 0x3000000);
	check_gfp("GFP_KERNEL|0x80000000", GFP_KERNEL | 0x80000000u);
}

/* Every bit set must fit the buffer vsprintf uses; unknown bits last. */
static void test_all_bits_fit(void **state)
{
	char buf[GFP_FLAGS_NAMES_MAX];
	int n;

	(void)state;
	n = format_gfp_flags(buf, sizeof(buf), ~0u);
	assert_true(n < (int)sizeof(buf));
	assert_int_equal(n, strlen(buf));
	assert_non_null(strstr(buf, "GFP_TRANSHUGE|"));
	assert_string_equal(buf + n - strlen("|0xff800000"), "|0xff800000");
}

static void test_truncation(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(format_gfp_flags(buf, 5, GFP_KERNEL), strlen("GFP_KERNEL"));
	assert_string_equal(buf, "GFP_");
	assert_int_equal(buf[5], 'x');
	assert_int_equal(format_gfp_flags(buf, sizeof(buf), GFP_KERNEL | __GFP_ZERO),
			 strlen("GFP_KERNEL|__GFP_ZERO"));
	assert_string_equal(buf, "GFP_KER");
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(format_gfp_flags(buf, 0, __GFP_HIGH | 0x1000000),
			 strlen("__GFP_HIGH|0x1000000"));
	assert_int_equal(buf[0], 'x');
}

static void test_printk_pGg(void **state)
{
	gfp_t gfp = GFP_KERNEL;
	gfp_t atomic_zero = GFP_ATOMIC | __GFP_ZERO;
	gfp_t none = 0;
	char buf[128];
	int n;

	(void)state;
	n = snprintf(buf, sizeof(buf), "mode:%#x(%pGg)", gfp, &gfp);
	assert_string_equal(buf, "mode:0xcc0(GFP_KERNEL)");
	assert_int_equal(n, strlen(buf));
	snprintf(buf, sizeof(buf), "mode:%#x(%pGg)", atomic_zero, &atomic_zero);
	assert_string_equal(buf, "mode:0xb20(GFP_ATOMIC|__GFP_ZERO)");
	snprintf(buf, sizeof(buf), "[%pGg]", &none);
	assert_string_equal(buf, "[0]");
	snprintf(buf, sizeof(buf), "[%pGg]", (gfp_t *)NULL);
	assert_string_equal(buf, "[(null)]");
	/* other %pG variants are not known here: a marker, as Linux does */
	snprintf(buf, sizeof(buf), "[%pGp]", &gfp);
	assert_string_equal(buf, "[(%pG?)]");
	/* truncated inside the names: the return value is the whole length */
	n = snprintf(buf, 12, "(%pGg)", &atomic_zero);
	assert_string_equal(buf, "(GFP_ATOMIC");
	assert_int_equal(n, strlen("(GFP_ATOMIC|__GFP_ZERO)"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_composites_first),
		cmocka_unit_test(test_modifiers_after_composite),
		cmocka_unit_test(test_single_bits),
		cmocka_unit_test(test_zero_and_unknown_bits),
		cmocka_unit_test(test_all_bits_fit),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_printk_pGg),
	};

	host_test_init();
	return cmocka_run_group_tests_name("mm_debug", tests, NULL, NULL);
}
