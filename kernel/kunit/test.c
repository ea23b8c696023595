// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kunit/test.c - the in-kernel test runner (a KUnit subset).
 *
 * Suites register themselves with kunit_test_suite(), which puts a
 * pointer in the .kunit_test_suites section; the linker gathers them
 * between __kunit_suites_start and __kunit_suites_end, so adding a test
 * file needs no list.  kunit_run_all(glob) runs the matching suites and
 * prints KTAP version 1, the format Linux's KUnit prints and its
 * kunit.py parses:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: printk
 *	    1..3
 *	    # RUN printk.timestamps
 *	    ok 1 timestamps
 *	    ...
 *	ok 1 printk
 *
 * "# RUN suite.case" is this kernel's addition: a KTAP diagnostic line
 * that lets the host runner name the test that was running when a run
 * hangs or crashes.
 *
 * Each case runs in its own kernel thread, under an oops catcher
 * (<kernel/oops.h>).  A failed ASSERT or kunit_skip() longjmps to it; so
 * does an oops, after its report is printed.  Either way the case's
 * thread ends, its result is printed, and the run goes on.
 *
 * After each case the runner frees its kunit_kzalloc() memory and checks
 * for leaks: a case that ends with more live slab objects, or more pages
 * in use, than it started with fails, and the objects are listed with
 * the call sites that allocated them (when slab_debug has U).
 */
#include <linux/kernel.h>
#include <linux/glob.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <kunit/test.h>
#include <kernel/oops.h>
#include <kernel/slab_stats.h>
#include <kernel/kunit_leaks.h>
#include <kernel/pgtable.h>
#include <kernel/vmalloc_stats.h>

#define KUNIT_ABORT_ASSERT	2	/* longjmp value for ASSERT/skip */
#define KUNIT_CASE_TIMEOUT_S	120	/* a case running longer fails */

extern struct kunit_suite *__kunit_suites_start[], *__kunit_suites_end[];
const char *kunit_current_test;
static char current_name[512];

/*
 * kunit_kmalloc() memory is kmalloc memory with a small header that links
 * it into the case's list; the runner frees the list when the case ends,
 * whether it passed, failed or oopsed.
 */
struct kunit_resource {
	struct kunit_resource *next;
	unsigned long pad;		/* keeps the payload 16-byte aligned */
};

void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	struct kunit_resource *res = kmalloc(sizeof(*res) + size, gfp);

	if (!res)
		return NULL;
	res->next = test->resources;
	test->resources = res;
	return res + 1;
}

void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

static void kunit_free_resources(struct kunit *test)
{
	while (test->resources) {
		struct kunit_resource *res = test->resources;

		test->resources = res->next;
		kfree(res);
	}
}

/*
 * The leak check: what a case may not leave behind.  Slab frames are not
 * counted as pages (a cache keeps empty slabs for reuse); objects are
 * counted instead.  Nor are page-table pages (kernel page tables stay
 * once made).  Frames on the per-CPU lists count as free.
 */
void kunit_usage_now(struct kunit_usage *u)
{
	/* lazily freed vmalloc ranges would look like live metadata */
	purge_vmap_area_lazy();
	u->slab_objects = slab_objects_live();
	u->pages = totalram_pages() - nr_free_pages() - slab_frames() -
		   nr_pgtable_pages;
	u->vmalloc_areas = vmalloc_nr_areas();
	u->alloc_seq = slab_alloc_seq_now();
}

void kunit_check_leaks(struct kunit *test, const struct kunit_usage *before)
{
	struct kunit_usage after;

	kunit_usage_now(&after);
	if (after.slab_objects > before->slab_objects) {
		test->status = KUNIT_FAILURE;
		kunit_err(test, "leak check: %lu slab objects allocated by the case were not freed",
			  after.slab_objects - before->slab_objects);
		slab_report_live_since(before->alloc_seq, "    # leaked object");
	}
	if (after.pages > before->pages) {
		test->status = KUNIT_FAILURE;
		kunit_err(test, "leak check: %lu pages allocated by the case were not freed",
			  after.pages - before->pages);
	}
	if (after.vmalloc_areas > before->vmalloc_areas) {
		test->status = KUNIT_FAILURE;
		kunit_err(test, "leak check: %lu vmalloc areas allocated by the case were not freed; live areas:",
			  after.vmalloc_areas - before->vmalloc_areas);
		show_vmallocinfo();
	}
}

void kunit_log_line(struct kunit *test, const char *fmt, ...)
{
	char line[512];
	va_list args;

	(void)test;
	va_start(args, fmt);
	vscnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	printk(KERN_INFO "    # %s\n", line);
}

void __kunit_abort(struct kunit *test)
{
	struct oops_catcher *c = test->try_catch;

	oops_catcher_top = c->prev;
	kernel_longjmp(&c->buf, KUNIT_ABORT_ASSERT);
}

void kunit_mark_skipped(struct kunit *test, const char *fmt, ...)
{
	va_list args;

	if (test->status == KUNIT_SUCCESS)
		test->status = KUNIT_SKIPPED;
	va_start(args, fmt);
	vscnprintf(test->status_comment, sizeof(test->status_comment), fmt, args);
	va_end(args);
}

static void kunit_fail_header(struct kunit *test, enum kunit_assert_type type,
			      const char *file, int line)
{
	test->status = KUNIT_FAILURE;
	kunit_log_line(test, "%s: %s FAILED at %s:%d", test->name,
		       type == KUNIT_ASSERTION ? "ASSERTION" : "EXPECTATION",
		       file, line);
}

void kunit_report_fail(struct kunit *test, enum kunit_assert_type type,
		       const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list args;

	kunit_fail_header(test, type, file, line);
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	kunit_log_line(test, "%s", msg);
}

void kunit_report_binary(struct kunit *test, enum kunit_assert_type type,
			 const char *file, int line, const char *left_text,
			 const char *op, const char *right_text,
			 long long left, long long right)
{
	kunit_fail_header(test, type, file, line);
	kunit_log_line(test, "Expected %s %s %s, but", left_text, op, right_text);
	kunit_log_line(test, "    %s == %lld (0x%llx)", left_text, left, left);
	kunit_log_line(test, "    %s == %lld (0x%llx)", right_text, right, right);
}

void kunit_report_ptr(struct kunit *test, enum kunit_assert_type type,
		      const char *file, int line, const char *left_text,
		      const char *op, const char *right_text,
		      const void *left, const void *right)
{
	kunit_fail_header(test, type, file, line);
	kunit_log_line(test, "Expected %s %s %s, but", left_text, op, right_text);
	kunit_log_line(test, "    %s == %px", left_text, left);
	kunit_log_line(test, "    %s == %px", right_text, right);
}

void kunit_report_str(struct kunit *test, enum kunit_assert_type type,
		      const char *file, int line, const char *left_text,
		      const char *op, const char *right_text,
		      const char *left, const char *right)
{
	kunit_fail_header(test, type, file, line);
	kunit_log_line(test, "Expected %s %s %s, but", left_text, op, right_text);
	kunit_log_line(test, "    %s == \"%s\"", left_text, left);
	kunit_log_line(test, "    %s == \"%s\"", right_text, right);
}

/* Split "suite.case" globs: does this suite / case match? */
static bool glob_matches(const char *glob, const char *suite, const char *tcase)
{
	char pat[256];
	const char *dot = strchr(glob, '.');

	if (!dot)
		return glob_match(glob, suite);
	if ((size_t)(dot - glob) >= sizeof(pat))
		return false;
	memcpy(pat, glob, dot - glob);
	pat[dot - glob] = '\0';
	if (!glob_match(pat, suite))
		return false;
	return !tcase || glob_match(dot + 1, tcase);
}

static const char *status_word(enum kunit_status s)
{
	return s == KUNIT_FAILURE ? "not ok" : "ok";
}

/* What a case's thread needs, and what it reports back. */
struct kunit_case_run {
	struct kunit_suite *suite;
	struct kunit_case *tc;
	struct kunit test;
};

/*
 * The body of a case, in its own thread, under an oops catcher: init,
 * the case, exit.  Returns through the catcher on an ASSERT failure, a
 * kunit_skip() or an oops.
 */
static int kunit_case_thread(void *data)
{
	struct kunit_case_run *run = data;
	struct kunit_suite *suite = run->suite;
	struct kunit *test = &run->test;
	struct oops_catcher catcher;
	int ret;

	test->try_catch = &catcher;
	ret = oops_catch(&catcher);
	if (ret == 0) {
		if (suite->init && suite->init(test)) {
			kunit_err(test, "failed to initialize");
			test->status = KUNIT_FAILURE;
		} else {
			run->tc->run_case(test);
		}
		oops_uncatch(&catcher);
	} else if (ret != KUNIT_ABORT_ASSERT) {
		kunit_err(test, "the test case oopsed (report above)");
		test->status = KUNIT_FAILURE;
	}

	if (suite->exit) {
		struct oops_catcher exit_catcher;

		if (oops_catch(&exit_catcher) == 0) {
			suite->exit(test);
			oops_uncatch(&exit_catcher);
		} else {
			kunit_err(test, "the suite's exit() oopsed");
			test->status = KUNIT_FAILURE;
		}
	}
	return 0;
}

/*
 * Run one case in its own kernel thread ("kunit_try_catch", as in
 * Linux), wait for it, check for leaks; returns its status.  A case that
 * does not finish in KUNIT_CASE_TIMEOUT_S fails and is left behind.
 */
static enum kunit_status run_case(struct kunit_suite *suite,
				  struct kunit_case *tc)
{
	struct kunit_case_run *run;
	struct kunit_usage usage;
	struct task_struct *task;
	enum kunit_status status;

	snprintf(current_name, sizeof(current_name), "%s.%s", suite->name,
		 tc->name);
	kunit_current_test = current_name;
	printk(KERN_INFO "    # RUN %s\n", current_name);
	kunit_usage_now(&usage);

	run = kzalloc(sizeof(*run), GFP_KERNEL);
	if (!run)
		return KUNIT_FAILURE;
	run->suite = suite;
	run->tc = tc;
	run->test.name = tc->name;
	run->test.suite = suite;
	run->test.status = KUNIT_SUCCESS;

	task = kthread_run(kunit_case_thread, run, "kunit_try_catch");
	if (IS_ERR(task)) {
		kunit_err(&run->test, "cannot start the test thread");
		kfree(run);
		return KUNIT_FAILURE;
	}
	if (kthread_join_timeout(task, KUNIT_CASE_TIMEOUT_S * HZ, NULL)) {
		/* still running: leave it (and its memory) alone */
		kunit_err(&run->test, "timed out after %d s", KUNIT_CASE_TIMEOUT_S);
		kunit_current_test = NULL;
		return KUNIT_FAILURE;
	}
	kunit_free_resources(&run->test);
	status = run->test.status;
	kfree(run);
	{
		struct kunit check = { .name = tc->name, .status = status };

		kunit_check_leaks(&check, &usage);
		status = check.status;
	}
	kunit_current_test = NULL;
	return status;
}

/*
 * Two kinds of suite do not run with the rest: benchmarks (<kunit/bench.h>,
 * named "bench...": they take time and check nothing) and the runner's
 * own selftests ("selftest_...": they fail on purpose).  "*" leaves them
 * out; only a glob that itself starts with their prefix selects them.
 */
static bool suite_selected(struct kunit_suite *suite, const char *glob)
{
	static const char *const special[] = { "bench", "selftest_" };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(special); i++) {
		size_t n = strlen(special[i]);

		if (!strncmp(suite->name, special[i], n))
			return !strncmp(glob, special[i], n);
	}
	return true;
}

static unsigned int count_cases(struct kunit_suite *suite, const char *glob)
{
	struct kunit_case *tc;
	unsigned int n = 0;

	if (!suite_selected(suite, glob))
		return 0;
	for (tc = suite->test_cases; tc->run_case; tc++)
		n += glob_matches(glob, suite->name, tc->name);
	return n;
}

/* Run a suite's matching cases; returns true when none failed. */
static bool run_suite(struct kunit_suite *suite, const char *glob,
		      unsigned int index, unsigned int totals[3])
{
	unsigned int counts[3] = { 0 }, n = 0;
	struct kunit_case *tc;
	bool ok;

	printk(KERN_INFO "    KTAP version 1\n");
	printk(KERN_INFO "    # Subtest: %s\n", suite->name);
	printk(KERN_INFO "    1..%u\n", count_cases(suite, glob));

	if (suite->suite_init && suite->suite_init(suite)) {
		printk(KERN_INFO "    # %s: suite_init failed\n", suite->name);
		printk(KERN_INFO "not ok %u %s\n", index, suite->name);
		totals[KUNIT_FAILURE]++;
		return false;
	}

	for (tc = suite->test_cases; tc->run_case; tc++) {
		if (!glob_matches(glob, suite->name, tc->name))
			continue;
		tc->status = run_case(suite, tc);
		counts[tc->status]++;
		if (tc->status == KUNIT_SKIPPED)
			printk(KERN_INFO "    ok %u %s # SKIP\n", ++n, tc->name);
		else
			printk(KERN_INFO "    %s %u %s\n", status_word(tc->status),
			       ++n, tc->name);
	}
	if (suite->suite_exit)
		suite->suite_exit(suite);

	printk(KERN_INFO "    # %s: pass:%u fail:%u skip:%u total:%u\n",
	       suite->name, counts[KUNIT_SUCCESS], counts[KUNIT_FAILURE],
	       counts[KUNIT_SKIPPED], n);
	ok = counts[KUNIT_FAILURE] == 0;
	printk(KERN_INFO "%s %u %s\n", ok ? "ok" : "not ok", index, suite->name);
	totals[KUNIT_SUCCESS] += counts[KUNIT_SUCCESS];
	totals[KUNIT_FAILURE] += counts[KUNIT_FAILURE];
	totals[KUNIT_SKIPPED] += counts[KUNIT_SKIPPED];
	return ok;
}

/**
 * kunit_run_all - run every registered suite matching @glob
 * @glob: "suite" or "suite.case" pattern ('*' and '?'), "*" for all
 *
 * Return: the number of failed cases (0 when all passed).
 * Context: Process context.
 */
int kunit_run_all(const char *glob)
{
	struct kunit_suite **s;
	unsigned int nr_suites = 0, index = 0, totals[3] = { 0 };

	for (s = __kunit_suites_start; s < __kunit_suites_end; s++)
		if (count_cases(*s, glob))
			nr_suites++;

	printk(KERN_INFO "KTAP version 1\n");
	printk(KERN_INFO "1..%u\n", nr_suites);
	for (s = __kunit_suites_start; s < __kunit_suites_end; s++)
		if (count_cases(*s, glob))
			run_suite(*s, glob, ++index, totals);

	printk(KERN_INFO "# Totals: pass:%u fail:%u skip:%u total:%u\n",
	       totals[KUNIT_SUCCESS], totals[KUNIT_FAILURE],
	       totals[KUNIT_SKIPPED],
	       totals[KUNIT_SUCCESS] + totals[KUNIT_FAILURE] + totals[KUNIT_SKIPPED]);
	return totals[KUNIT_FAILURE];
}
