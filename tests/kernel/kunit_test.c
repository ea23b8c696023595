// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the test runner itself (kernel/kunit/test.c): the leak check
 * that every case passes through, deferred actions and kunit_kzalloc(),
 * and the glob filter.  Some run a fake case through the runner
 * (kunit_run_case(), a nested run) to see what it does when a case
 * fails an assertion or oopses.
 */
#include <kunit/test.h>
#include <kunit/bench.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/glob.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <kernel/kunit_leaks.h>
#include <kernel/log.h>
#include <kernel/oops.h>
#include <kernel/slab_stats.h>

static noinline void *leaky_function(void)
{
	void *p = kmalloc(40, GFP_KERNEL);

	barrier();	/* no tail call: the call site must be in here */
	return p;
}

/* A fake case: the check marks it failed and names the allocation site. */
static void leak_check_finds_slab_objects(struct kunit *test)
{
	struct kunit fake = { .name = "fake", .status = KUNIT_SUCCESS };
	struct kunit_usage before;
	u64 seq;
	void *p;

	kunit_usage_now(&before);
	p = leaky_function();
	KUNIT_ASSERT_NOT_NULL(test, p);
	seq = log_seq();
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak check: 1 slab objects"), 0ULL);
	if (slab_debug_flags & SLAB_STORE_USER)
		KUNIT_EXPECT_NE(test, log_search(seq, "allocated in leaky_function+0x"), 0ULL);

	kfree(p);
	fake.status = KUNIT_SUCCESS;
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_SUCCESS);
}

static void leak_check_finds_pages(struct kunit *test)
{
	struct kunit fake = { .name = "fake", .status = KUNIT_SUCCESS };
	struct kunit_usage before;
	struct page *page;
	u64 seq;

	kunit_usage_now(&before);
	page = alloc_pages(GFP_KERNEL, 2);
	KUNIT_ASSERT_NOT_NULL(test, page);
	seq = log_seq();
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak check: 4 pages"), 0ULL);

	__free_pages(page, 2);
	fake.status = KUNIT_SUCCESS;
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_SUCCESS);
}

static void leak_check_finds_vmalloc_areas(struct kunit *test)
{
	struct kunit fake = { .name = "fake", .status = KUNIT_SUCCESS };
	struct kunit_usage before;
	void *p;
	u64 seq;

	kunit_usage_now(&before);
	p = vmalloc(3 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	seq = log_seq();
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak check: 1 vmalloc areas"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak check: 3 pages"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "leak_check_finds_vmalloc_areas+0x"), 0ULL);

	vfree(p);
	fake.status = KUNIT_SUCCESS;
	kunit_check_leaks(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_SUCCESS);
}

/* kunit_kzalloc() memory is zeroed and freed by the runner, not by us. */
static void kzalloc_is_zeroed_and_managed(struct kunit *test)
{
	unsigned char *p = kunit_kzalloc(test, 300, GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	for (i = 0; i < 300; i++)
		KUNIT_EXPECT_EQ(test, p[i], 0);
	KUNIT_EXPECT_NOT_NULL(test, kunit_kmalloc(test, 5000, GFP_KERNEL));
}

/* Deferred actions record their calls here: "a", "b", ... in call order. */
struct action_log {
	char calls[16];
	unsigned int n;
};

static struct action_log action_log;

static void log_a(void *ctx)
{
	struct action_log *log = ctx;

	log->calls[log->n++] = 'a';
}

static void log_b(void *ctx)
{
	struct action_log *log = ctx;

	log->calls[log->n++] = 'b';
}

static void log_c(void *ctx)
{
	struct action_log *log = ctx;

	log->calls[log->n++] = 'c';
}

static void actions_run_newest_first(struct kunit *test)
{
	struct action_log log = { };
	struct kunit fake;

	kunit_init_test(&fake, "fake");
	KUNIT_ASSERT_EQ(test, kunit_add_action(&fake, log_a, &log), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(&fake, log_b, &log), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(&fake, log_c, &log), 0);
	KUNIT_EXPECT_EQ(test, log.n, 0U);
	kunit_cleanup(&fake);
	KUNIT_EXPECT_STREQ(test, log.calls, "cba");
	KUNIT_EXPECT_TRUE(test, list_empty(&fake.resources));
}

static void remove_and_release_action(struct kunit *test)
{
	struct action_log log = { };
	struct kunit fake;

	kunit_init_test(&fake, "fake");
	KUNIT_ASSERT_EQ(test, kunit_add_action(&fake, log_a, &log), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(&fake, log_b, &log), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(&fake, log_c, &log), 0);

	kunit_remove_action(&fake, log_b, &log);	/* forgotten, not called */
	KUNIT_EXPECT_EQ(test, log.n, 0U);
	kunit_release_action(&fake, log_a, &log);	/* called now */
	KUNIT_EXPECT_STREQ(test, log.calls, "a");
	kunit_release_action(&fake, log_a, &log);	/* no longer registered */
	kunit_remove_action(&fake, log_a, NULL);	/* never registered */
	KUNIT_EXPECT_STREQ(test, log.calls, "a");

	kunit_cleanup(&fake);
	KUNIT_EXPECT_STREQ(test, log.calls, "ac");
}

/* When the node cannot be allocated, _or_reset calls the action at once. */
static void add_action_or_reset_calls_on_failure(struct kunit *test)
{
	struct action_log log = { };
	struct kunit fake;
	int ret;

	kunit_init_test(&fake, "fake");
	fault_attr_set(&failslab, 1, 100, 0, 1);	/* the next kmalloc fails */
	ret = kunit_add_action_or_reset(&fake, log_a, &log);
	fault_attr_clear(&failslab);
	KUNIT_EXPECT_EQ(test, ret, -ENOMEM);
	KUNIT_EXPECT_STREQ(test, log.calls, "a");
	KUNIT_EXPECT_TRUE(test, list_empty(&fake.resources));

	KUNIT_EXPECT_EQ(test, kunit_add_action_or_reset(&fake, log_b, &log), 0);
	KUNIT_EXPECT_STREQ(test, log.calls, "a");
	kunit_cleanup(&fake);
	KUNIT_EXPECT_STREQ(test, log.calls, "ab");
}

static void kfree_frees_at_once(struct kunit *test)
{
	unsigned long before = slab_objects_live();
	struct kunit fake;
	void *p, *q;
	u64 seq;

	kunit_init_test(&fake, "fake");
	p = kunit_kmalloc(&fake, 100, GFP_KERNEL);
	q = kunit_kcalloc(&fake, 10, 10, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, slab_objects_live(), before + 4);	/* 2 + 2 nodes */
	kunit_kfree(&fake, p);
	KUNIT_EXPECT_EQ(test, slab_objects_live(), before + 2);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_SUCCESS);

	/* a pointer the case did not get from kunit_kmalloc() */
	seq = log_seq();
	kunit_kfree(&fake, &before);
	KUNIT_EXPECT_EQ(test, (int)fake.status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "was not allocated by kunit_kmalloc()"), 0ULL);
	KUNIT_EXPECT_NULL(test, kunit_kmalloc_array(&fake, SIZE_MAX / 2, 4, GFP_KERNEL));

	kunit_cleanup(&fake);
	KUNIT_EXPECT_EQ(test, slab_objects_live(), before);
}

/*
 * Fake cases for nested runs: each registers actions, and allocates with
 * kunit_kzalloc(), then ends in its own way.
 */
static void fake_setup(struct kunit *test)
{
	KUNIT_ASSERT_NOT_NULL(test, kunit_kzalloc(test, 64, GFP_KERNEL));
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, log_a, &action_log), 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action(test, log_b, &action_log), 0);
}

static void fake_returns(struct kunit *test)
{
	fake_setup(test);
}

static void fake_fails_an_assertion(struct kunit *test)
{
	fake_setup(test);
	KUNIT_ASSERT_EQ(test, 1, 2);
	kunit_add_action(test, log_c, &action_log);	/* not reached */
}

static void fake_skips(struct kunit *test)
{
	fake_setup(test);
	kunit_skip(test, "nothing to do here");
}

/* (__no_sanitize_address: see fake_catches_its_oops()) */
static __no_sanitize_address void fake_oopses(struct kunit *test)
{
	int *volatile p = NULL;

	fake_setup(test);
	*(volatile int *)p = 1;
}

static void fake_spins_forever(struct kunit *test)
{
	fake_setup(test);
	for (;;)
		cpu_relax();
}

static void fake_sleeps_forever(struct kunit *test)
{
	fake_setup(test);
	for (;;)
		msleep(50);
}

/*
 * A thread the runner cannot stop: it opts out of stopping (as a thread
 * stuck in a wait queue would be) and waits until the test lets it go.
 */
static DECLARE_WAIT_QUEUE_HEAD(fake_release_wq);
static bool fake_released;

static void fake_cannot_be_stopped(struct kunit *test)
{
	fake_setup(test);
	current->kunit_test = NULL;
	wait_event(fake_release_wq, READ_ONCE(fake_released));
}

static struct kunit_case fake_cases[] = {
	KUNIT_CASE(fake_returns),
	KUNIT_CASE(fake_fails_an_assertion),
	KUNIT_CASE(fake_skips),
	KUNIT_CASE(fake_oopses),
	KUNIT_CASE(fake_spins_forever),
	KUNIT_CASE(fake_sleeps_forever),
	KUNIT_CASE(fake_cannot_be_stopped),
	{}
};

static struct kunit_suite fake_suite = {
	.name = "fake",
	.test_cases = fake_cases,
};

/*
 * Run fake case @i with a timeout of @timeout_s seconds; its actions must
 * have run newest first.
 */
static enum kunit_status run_fake(struct kunit *test, unsigned int i,
				  unsigned int timeout_s)
{
	enum kunit_status status;

	memset(&action_log, 0, sizeof(action_log));
	status = kunit_run_case(&fake_suite, &fake_cases[i], timeout_s * HZ);
	KUNIT_EXPECT_STREQ_MSG(test, action_log.calls, "ba",
			       "the actions of %s", fake_cases[i].name);
	return status;
}

/*
 * However a case ends, its actions run and its kunit_kzalloc() memory is
 * freed (the nested run's leak check would fail it otherwise).
 */
static void actions_run_however_the_case_ends(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, (int)run_fake(test, 0, 10), (int)KUNIT_SUCCESS);
	KUNIT_EXPECT_EQ(test, (int)run_fake(test, 1, 10), (int)KUNIT_FAILURE);
	KUNIT_EXPECT_EQ(test, (int)run_fake(test, 2, 10), (int)KUNIT_SKIPPED);
}

static void actions_run_when_the_case_oopses(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: kernel NULL pointer dereference");
	KUNIT_EXPECT_EQ(test, (int)run_fake(test, 3, 10), (int)KUNIT_FAILURE);
}

/*
 * A case that times out is stopped, and what it registered is undone
 * before the next case starts (so no later leak baseline includes it).
 */
static void timed_out_case_is_stopped(struct kunit *test)
{
	u64 seq = log_seq();

	KUNIT_EXPECT_EQ(test, (int)run_fake(test, 4, 1), (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "fake_spins_forever: timed out after 1 s: stopping its thread"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "fake_spins_forever: the test case was stopped"), 0ULL);

	seq = log_seq();
	KUNIT_EXPECT_EQ(test, (int)run_fake(test, 5, 1), (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "fake_sleeps_forever: the test case was stopped"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "quarantined"), 0ULL);
}

/*
 * A timed-out case whose thread does not stop is quarantined: nothing
 * else runs, and its actions wait, until the thread has ended.
 */
static void unstoppable_case_is_quarantined(struct kunit *test)
{
	enum kunit_status status;
	u64 seq = log_seq();
	unsigned int i;

	WRITE_ONCE(fake_released, false);
	status = kunit_run_case(&fake_suite, &fake_cases[6], HZ);
	KUNIT_EXPECT_EQ(test, (int)status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "fake_cannot_be_stopped: its thread did not stop: quarantined"), 0ULL);

	memset(&action_log, 0, sizeof(action_log));
	seq = log_seq();
	status = kunit_run_case(&fake_suite, &fake_cases[0], HZ);
	KUNIT_EXPECT_EQ(test, (int)status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "fake_returns: not run: the thread of the timed-out case fake_cannot_be_stopped is still running"), 0ULL);
	KUNIT_EXPECT_EQ(test, action_log.n, 0U);

	WRITE_ONCE(fake_released, true);
	wake_up(&fake_release_wq);
	for (i = 0; i < 100 && kunit_quarantined(); i++)
		msleep(50);	/* let it end */
	memset(&action_log, 0, sizeof(action_log));
	seq = log_seq();
	status = kunit_run_case(&fake_suite, &fake_cases[0], 10 * HZ);
	KUNIT_EXPECT_EQ(test, (int)status, (int)KUNIT_SUCCESS);
	KUNIT_EXPECT_NE(test, log_search(seq, "the thread of the timed-out case fake_cannot_be_stopped has ended"), 0ULL);
	/* the quarantined case's actions, then the new case's */
	KUNIT_EXPECT_STREQ(test, action_log.calls, "baba");
}

/* A case that cannot start says why, whatever stopped it. */
static int fake_init_fails(struct kunit *test)
{
	return -ENOMEM;
}

static struct kunit_suite fake_init_suite = {
	.name = "fake_init",
	.init = fake_init_fails,
	.test_cases = fake_cases,
};

static void case_that_cannot_start_says_why(struct kunit *test)
{
	enum kunit_status status;
	u64 seq = log_seq();

	fault_attr_set(&failslab, 1, 100, 0, 1);	/* the runner's record */
	status = kunit_run_case(&fake_suite, &fake_cases[0], 10 * HZ);
	fault_attr_clear(&failslab);
	KUNIT_EXPECT_EQ(test, (int)status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "fake_returns: cannot allocate the runner's record of the case (out of memory)"), 0ULL);

	seq = log_seq();
	status = kunit_run_case(&fake_init_suite, &fake_cases[0], 10 * HZ);
	KUNIT_EXPECT_EQ(test, (int)status, (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "fake_returns: failed to initialize: the suite's init() returned -12"), 0ULL);
}

/* Fake cases for the report check. */
static void fake_prints_a_report(struct kunit *test)
{
	pr_err("BUG: kunit_test fake report\n");
}

static void fake_declares_and_prints(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: kunit_test fake", "WARNING: kunit_test");
	pr_err("BUG: kunit_test fake report\n");
	pr_warn("WARNING: kunit_test fake warning\n");
	pr_err("BUG: kunit_test fake report again\n");
}

static void fake_declares_but_prints_none(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: kunit_test fake");
	pr_err("    BUG: kunit_test fake, indented: not a report\n");
}

static void fake_declares_but_skips(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: kunit_test fake");
	kunit_skip(test, "skipped before the report");
}

/* An oops it catches itself: "BUG: ..." and "Oops: ..." are one report. */
/*
 * __no_sanitize_address: with make KASAN=1 the compiler would check the
 * shadow of the NULL pointer first, at a non-canonical address: a general
 * protection fault instead of the page fault this test is about (as in
 * Linux with KASAN).
 */
static __no_sanitize_address void fake_catches_its_oops(struct kunit *test)
{
	struct oops_catcher c;
	int *volatile p = NULL;

	kunit_expect_reports(test, "BUG: kernel NULL pointer dereference");
	if (oops_catch(&c) == 0) {
		*(volatile int *)p = 1;
		oops_uncatch(&c);
	}
}

/* A line declared twice is two reports expected (the kasan suite's cases). */
static void fake_declares_twice_prints_twice(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: kunit_test fake", "BUG: kunit_test fake");
	pr_err("BUG: kunit_test fake report\n");
	pr_err("BUG: kunit_test fake report again\n");
}

static void fake_declares_twice_prints_once(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: kunit_test fake", "BUG: kunit_test fake");
	pr_err("BUG: kunit_test fake report\n");
}

static struct kunit_case report_cases[] = {
	KUNIT_CASE(fake_prints_a_report),
	KUNIT_CASE(fake_declares_and_prints),
	KUNIT_CASE(fake_declares_but_prints_none),
	KUNIT_CASE(fake_declares_but_skips),
	KUNIT_CASE(fake_catches_its_oops),
	KUNIT_CASE(fake_declares_twice_prints_twice),
	KUNIT_CASE(fake_declares_twice_prints_once),
	{}
};

static struct kunit_suite report_suite = {
	.name = "fake_reports",
	.test_cases = report_cases,
};

static enum kunit_status run_report_case(unsigned int i)
{
	return kunit_run_case(&report_suite, &report_cases[i], 10 * HZ);
}

static void unexpected_report_fails_the_case(struct kunit *test)
{
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: kunit_test fake");
	KUNIT_EXPECT_EQ(test, (int)run_report_case(0), (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "unexpected report: BUG: kunit_test fake report"), 0ULL);
}

static void declared_reports_pass(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: kunit_test fake", "WARNING: kunit_test",
			     "BUG: kernel NULL pointer dereference");
	KUNIT_EXPECT_EQ(test, (int)run_report_case(1), (int)KUNIT_SUCCESS);
	KUNIT_EXPECT_EQ(test, (int)run_report_case(4), (int)KUNIT_SUCCESS);
}

static void report_declared_twice_is_expected_twice(struct kunit *test)
{
	u64 seq = log_seq();

	/* the nested cases print three reports in all: this case sees them too */
	kunit_expect_reports(test, "BUG: kunit_test fake", "BUG: kunit_test fake",
			     "BUG: kunit_test fake");

	KUNIT_EXPECT_EQ(test, (int)run_report_case(5), (int)KUNIT_SUCCESS);
	KUNIT_EXPECT_EQ(test, (int)run_report_case(6), (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "expected report not printed: BUG: kunit_test fake"), 0ULL);
}

static void declared_report_must_appear(struct kunit *test)
{
	u64 seq = log_seq();

	KUNIT_EXPECT_EQ(test, (int)run_report_case(2), (int)KUNIT_FAILURE);
	KUNIT_EXPECT_NE(test, log_search(seq, "expected report not printed: BUG: kunit_test fake"), 0ULL);
	KUNIT_EXPECT_EQ(test, (int)run_report_case(3), (int)KUNIT_SKIPPED);
}

/*
 * Benchmarks time GFP_KERNEL operations, which may sleep: kunit_bench()
 * must run them where sleeping is allowed (it once ran them with
 * interrupts off, and every row printed "BUG: sleeping function called").
 */
static bool bench_op_context_bad;

static void bench_op_kmalloc64_pair(void)
{
	if (irqs_disabled() || preempt_count())
		bench_op_context_bad = true;
	kfree(kmalloc(64, GFP_KERNEL));
}

static void bench_runs_ops_where_they_may_sleep(struct kunit *test)
{
	bench_op_context_bad = false;
	kunit_bench(test, "kunit_selftest_kmalloc64_pair", bench_op_kmalloc64_pair);
	KUNIT_EXPECT_FALSE(test, bench_op_context_bad);
}

static void glob_matches_like_a_shell(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, glob_match("*", "anything"));
	KUNIT_EXPECT_TRUE(test, glob_match("slab*", "slab_debug"));
	KUNIT_EXPECT_TRUE(test, glob_match("k?alloc", "kmalloc"));
	KUNIT_EXPECT_TRUE(test, glob_match("*_test*end", "a_test_x_end"));
	KUNIT_EXPECT_FALSE(test, glob_match("slab", "slab_debug"));
	KUNIT_EXPECT_FALSE(test, glob_match("?", ""));
	KUNIT_EXPECT_TRUE(test, glob_match("", ""));
}

static struct kunit_case kunit_cases[] = {
	KUNIT_CASE(leak_check_finds_slab_objects),
	KUNIT_CASE(leak_check_finds_pages),
	KUNIT_CASE(leak_check_finds_vmalloc_areas),
	KUNIT_CASE(kzalloc_is_zeroed_and_managed),
	KUNIT_CASE(actions_run_newest_first),
	KUNIT_CASE(remove_and_release_action),
	KUNIT_CASE(add_action_or_reset_calls_on_failure),
	KUNIT_CASE(kfree_frees_at_once),
	KUNIT_CASE(actions_run_however_the_case_ends),
	KUNIT_CASE(actions_run_when_the_case_oopses),
	KUNIT_CASE(case_that_cannot_start_says_why),
	KUNIT_CASE(timed_out_case_is_stopped),
	KUNIT_CASE(unstoppable_case_is_quarantined),
	KUNIT_CASE(unexpected_report_fails_the_case),
	KUNIT_CASE(declared_reports_pass),
	KUNIT_CASE(declared_report_must_appear),
	KUNIT_CASE(report_declared_twice_is_expected_twice),
	KUNIT_CASE(bench_runs_ops_where_they_may_sleep),
	KUNIT_CASE(glob_matches_like_a_shell),
	{}
};

static struct kunit_suite kunit_suite = {
	.name = "kunit",
	.test_cases = kunit_cases,
};
kunit_test_suite(kunit_suite);
