// SPDX-License-Identifier: GPL-2.0
/*
 * A suite that fails on purpose, to test the runner itself: a case that
 * oopses, one that fails an expectation and one that leaks must each be
 * reported "not ok", and the cases after them must still run.  Suites
 * named selftest_* run only when the ktest= glob names them
 * (scripts/boot_checks.py does, and checks the KTAP it prints).
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

static void oopses(struct kunit *test)
{
	int *volatile p = NULL;

	*(volatile int *)p = 1;	/* the runner catches this */
	KUNIT_FAIL(test, "still running after the oops");
}

static void runs_after_the_oops(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 2 + 2, 4);
}

static void fails_an_expectation(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 2 + 2, 5);
}

static void leaks_an_object(struct kunit *test)
{
	void *volatile p = kmalloc(48, GFP_KERNEL);

	KUNIT_EXPECT_NOT_NULL(test, p);
}

static void runs_last(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, true);
}

static struct kunit_case selftest_cases[] = {
	KUNIT_CASE(oopses),
	KUNIT_CASE(runs_after_the_oops),
	KUNIT_CASE(fails_an_expectation),
	KUNIT_CASE(leaks_an_object),
	KUNIT_CASE(runs_last),
	{}
};

static struct kunit_suite selftest_suite = {
	.name = "selftest_runner",
	.test_cases = selftest_cases,
};
kunit_test_suite(selftest_suite);

/* For the atomic_sleep=panic boot check: sleeping under a spin lock. */
static DEFINE_SPINLOCK(selftest_lock);

static void sleeps_under_spinlock(struct kunit *test)
{
	spin_lock(&selftest_lock);
	msleep(1);
	spin_unlock(&selftest_lock);
}

static struct kunit_case atomic_sleep_cases[] = {
	KUNIT_CASE(sleeps_under_spinlock),
	{}
};

static struct kunit_suite atomic_sleep_suite = {
	.name = "selftest_atomic_sleep",
	.test_cases = atomic_sleep_cases,
};
kunit_test_suite(atomic_sleep_suite);

/*
 * For the KTAP boot check: a suite whose suite_init() fails prints only
 * "# failed to initialize (ERR)" and its "not ok" line, as KUnit does;
 * a skipped case prints its reason after "# SKIP".
 */
static int suite_init_fails(struct kunit_suite *suite)
{
	return -ENOMEM;
}

static void never_runs(struct kunit *test)
{
	KUNIT_FAIL(test, "ran although suite_init() failed");
}

static struct kunit_case ktap_init_cases[] = {
	KUNIT_CASE(never_runs),
	{}
};

static struct kunit_suite ktap_init_suite = {
	.name = "selftest_ktap_init",
	.suite_init = suite_init_fails,
	.test_cases = ktap_init_cases,
};

static void skips_with_a_reason(struct kunit *test)
{
	kunit_skip(test, "the reason given to kunit_skip()");
}

static struct kunit_case ktap_skip_cases[] = {
	KUNIT_CASE(skips_with_a_reason),
	{}
};

static struct kunit_suite ktap_skip_suite = {
	.name = "selftest_ktap_skip",
	.test_cases = ktap_skip_cases,
};
kunit_test_suites(&ktap_init_suite, &ktap_skip_suite);
