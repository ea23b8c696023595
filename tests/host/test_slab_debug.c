// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for mm/slub_debug.c: every cache booted as with
 * slab_debug=FZPU (poison, red zones, call sites, consistency checks),
 * so every operation takes the slow path.  Each misuse must give Linux's
 * report, be repaired or refused, and leave the caches usable; then the
 * randomized churn of test_slab.c runs again against the model
 * (slab_model.c), now through the debug paths.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "slab_model.h"
#include "../../mm/slab.h"	/* slab_debug_parse() */

static int boot(void **state)
{
	(void)state;
	slab_model_boot(SLAB_DEBUG_FLAGS);
	return 0;
}

static int reset_printk(void **state)
{
	(void)state;
	host_printk_reset();
	return 0;
}

static void expect_report(const char *line)
{
	if (!strstr(host_printk_text(), line))
		fail_msg("no \"%s\" in:\n%s", line, host_printk_text());
	host_printk_reset();
}

static void test_right_redzone_overwritten(void **state)
{
	u8 *p = kmalloc(64, GFP_KERNEL);

	(void)state;
	p[64] = 0;			/* one past the end */
	kfree(p);
	expect_report("BUG kmalloc-64 (Not tainted): Right Redzone overwritten");
	p = kmalloc(64, GFP_KERNEL);	/* repaired: no second report */
	kfree(p);
	assert_null(strstr(host_printk_text(), "BUG"));
	slab_model_expect_all_returned();
}

static void test_left_redzone_overwritten(void **state)
{
	u8 *p = kmalloc(32, GFP_KERNEL);

	(void)state;
	p[-1] = 0;
	kfree(p);
	expect_report("BUG kmalloc-32 (Not tainted): Left Redzone overwritten");
	slab_model_expect_all_returned();
}

static void test_use_after_free_poison(void **state)
{
	struct kmem_cache *s = kmem_cache_create("uaf-48", 48, 0, 0, NULL);
	u8 *p = kmem_cache_alloc(s, GFP_KERNEL), *keep = kmem_cache_alloc(s, GFP_KERNEL);
	unsigned int i;

	(void)state;
	for (i = 0; i < 48; i++)	/* allocated: its bytes are still poisoned */
		assert_int_equal(p[i], i == 47 ? POISON_END : POISON_FREE);
	kmem_cache_free(s, p);
	p[10] = 0x11;			/* write after free */
	kmem_cache_shrink(s);
	expect_report("BUG uaf-48 (Not tainted): Poison overwritten");
	kmem_cache_free(s, keep);
	kmem_cache_destroy(s);
	assert_null(strstr(host_printk_text(), "BUG"));
	slab_model_expect_all_returned();
}

static void test_double_free_refused(void **state)
{
	void *p = kmalloc(100, GFP_KERNEL), *q = kmalloc(100, GFP_KERNEL);

	(void)state;
	kfree(p);
	kfree(p);
	expect_report("BUG kmalloc-128 (Not tainted): Object already free");
	kfree(q);
	assert_null(strstr(host_printk_text(), "BUG"));
	slab_model_expect_all_returned();
}

static void test_pointer_into_object_refused(void **state)
{
	u8 *p = kmalloc(200, GFP_KERNEL);

	(void)state;
	kfree(p + 8);
	expect_report("BUG kmalloc-256 (Not tainted): Invalid object pointer");
	kfree(p);
	assert_null(strstr(host_printk_text(), "BUG"));
	slab_model_expect_all_returned();
}

static void test_leak_report_names_objects(void **state)
{
	struct kmem_cache *s = kmem_cache_create("leaky-debug", 40, 0, 0, NULL);
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	(void)state;
	kmem_cache_destroy(s);
	kmem_cache_free(s, p);		/* the cache is still there */
	assert_non_null(strstr(host_printk_text(),
		"BUG leaky-debug (Not tainted): Objects remaining on __kmem_cache_shutdown()"));
	expect_report("@offset=");	/* the live object is listed */
	kmem_cache_destroy(s);
	slab_model_expect_all_returned();
}

static void test_churn_against_model_debug(void **state)
{
	struct slab_churn c = {
		.seed = slab_model_seed(0xdeb6c0de),
		.steps = 150000,
		.max_live = 3000,
	};

	(void)state;
	slab_model_churn(&c);
}

/* slab_debug=VALUE as Linux reads it: flags, then an optional cache. */
static void expect_parse(const char *val, slab_flags_t want_flags,
			 const char *want_cache)
{
	slab_flags_t flags = 0x1234;
	char cache[64];

	assert_int_equal(slab_debug_parse(val, &flags, cache, sizeof(cache)), 0);
	if (flags != want_flags)
		fail_msg("slab_debug=%s: flags %#x, not %#x", val ? val : "(none)",
			 flags, want_flags);
	assert_string_equal(cache, want_cache);
}

static void test_slab_debug_parameter(void **state)
{
	(void)state;
	expect_parse(NULL, SLAB_DEBUG_FLAGS, "");		/* bare slab_debug */
	expect_parse("", SLAB_DEBUG_FLAGS, "");
	expect_parse("FZPU", SLAB_DEBUG_FLAGS, "");
	expect_parse("fzpu", SLAB_DEBUG_FLAGS, "");
	expect_parse("F", SLAB_CONSISTENCY_CHECKS, "");
	expect_parse("ZP", SLAB_RED_ZONE | SLAB_POISON, "");
	expect_parse("U,kmalloc-64", SLAB_STORE_USER, "kmalloc-64");
	expect_parse("-", 0, "");
	/* no letters before the cache: every option for that cache (Linux) */
	expect_parse(",kmalloc-64", SLAB_DEBUG_FLAGS, "kmalloc-64");
	assert_null(strstr(host_printk_text(), "slab_debug"));

	/* an unknown letter is skipped, and named */
	expect_parse("FxP", SLAB_CONSISTENCY_CHECKS | SLAB_POISON, "");
	expect_report("slab_debug option 'x' unknown. skipped");
}

/* slab_debug=F,nosuchcache is not silent: the unknown name is warned about. */
static void test_slab_debug_unknown_cache_warned(void **state)
{
	const char *saved_cache = slab_debug_cache;
	slab_flags_t saved_flags = slab_debug_flags;

	(void)state;
	slab_debug_flags = SLAB_CONSISTENCY_CHECKS;
	slab_debug_cache = "nosuchcache";
	slab_debug_check_cache_name();
	expect_report("slab_debug: no cache named 'nosuchcache'");

	/* once a cache of that name exists, it gets the flags: no warning */
	assert_int_equal(slab_debug_flags_for("kmalloc-64", 0), 0);
	assert_int_equal(slab_debug_flags_for("nosuchcache", SLAB_POISON),
			 SLAB_POISON | SLAB_CONSISTENCY_CHECKS);
	slab_debug_check_cache_name();
	assert_null(strstr(host_printk_text(), "nosuchcache"));

	slab_debug_cache = saved_cache;
	slab_debug_flags = saved_flags;
}

/*
 * Once a module tainted the kernel, the report says so as Linux's does:
 * print_tainted(), one column per flag.  (Taint stays: this test runs
 * last.)
 */
static void test_report_shows_the_taint(void **state)
{
	u8 *p = kmalloc(100, GFP_KERNEL);

	(void)state;
	add_taint(TAINT_OOT_MODULE, LOCKDEP_STILL_OK);
	kfree(p);
	kfree(p);
	expect_report("BUG kmalloc-128 (Tainted: G           O      ): Object already free");
	slab_model_expect_all_returned();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_right_redzone_overwritten, reset_printk),
		cmocka_unit_test_setup(test_left_redzone_overwritten, reset_printk),
		cmocka_unit_test_setup(test_use_after_free_poison, reset_printk),
		cmocka_unit_test_setup(test_double_free_refused, reset_printk),
		cmocka_unit_test_setup(test_pointer_into_object_refused, reset_printk),
		cmocka_unit_test_setup(test_leak_report_names_objects, reset_printk),
		cmocka_unit_test_setup(test_churn_against_model_debug, reset_printk),
		cmocka_unit_test_setup(test_slab_debug_parameter, reset_printk),
		cmocka_unit_test_setup(test_slab_debug_unknown_cache_warned, reset_printk),
		cmocka_unit_test_setup(test_report_shows_the_taint, reset_printk),
	};

	host_test_init();
	return cmocka_run_group_tests_name("slab_debug", tests, boot, NULL);
}
