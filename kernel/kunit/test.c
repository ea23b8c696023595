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
#include <linux/errno.h>
#include <linux/overflow.h>
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
 * Deferred actions.  Each is a small node on the case's list, newest
 * first; kunit_cleanup() pops and calls them until the list is empty, so
 * an action that registers another (or a late kunit_kmalloc() from a
 * timer) is still undone.  The list has its own lock because timers and
 * other threads of the case may register actions too.
 */
struct kunit_action_node {
	struct list_head list;
	kunit_action_t *action;
	void *ctx;
};

/**
 * kunit_init_test - prepare a struct kunit for a case (or a fake case)
 * @test: the structure, zeroed or not
 * @name: the case's name (reports print it)
 *
 * Context: Any context.
 */
void kunit_init_test(struct kunit *test, const char *name)
{
	memset(test, 0, sizeof(*test));
	test->name = name;
	test->status = KUNIT_SUCCESS;
	spin_lock_init(&test->lock);
	INIT_LIST_HEAD(&test->resources);
}

static int __kunit_add_action(struct kunit *test, kunit_action_t *action,
			      void *ctx, gfp_t gfp)
{
	struct kunit_action_node *node = kmalloc(sizeof(*node), gfp);
	unsigned long flags;

	if (!node)
		return -ENOMEM;
	node->action = action;
	node->ctx = ctx;
	spin_lock_irqsave(&test->lock, flags);
	list_add(&node->list, &test->resources);
	spin_unlock_irqrestore(&test->lock, flags);
	return 0;
}

/**
 * kunit_add_action - call @action(@ctx) when the case ends
 * @test: the case
 * @action: what to call
 * @ctx: its argument
 *
 * Actions run in reverse order of registration once the case has ended,
 * whether it returned, failed an assertion, oopsed or timed out.
 *
 * Return: 0, or -ENOMEM (then @action is not registered and not called).
 * Context: Process context (allocates with GFP_KERNEL).
 */
int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	return __kunit_add_action(test, action, ctx, GFP_KERNEL);
}

/**
 * kunit_add_action_or_reset - kunit_add_action(), or call @action at once
 * @test: the case
 * @action: what to call
 * @ctx: its argument
 *
 * When the action cannot be registered, @action(@ctx) is called before
 * returning, so the caller's object is undone either way.
 *
 * Return: 0, or -ENOMEM (and @action(@ctx) has run).
 * Context: Process context (allocates with GFP_KERNEL).
 */
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx)
{
	int ret = kunit_add_action(test, action, ctx);

	if (ret)
		action(ctx);
	return ret;
}

/* Unlink the newest node registered with (@action, @ctx), or NULL. */
static struct kunit_action_node *kunit_take_action(struct kunit *test,
						   kunit_action_t *action,
						   const void *ctx)
{
	struct kunit_action_node *node, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&test->lock, flags);
	list_for_each_entry(node, &test->resources, list) {
		if (node->action == action && node->ctx == ctx) {
			list_del(&node->list);
			found = node;
			break;
		}
	}
	spin_unlock_irqrestore(&test->lock, flags);
	return found;
}

/**
 * kunit_remove_action - forget a deferred action without calling it
 * @test: the case
 * @action: as registered
 * @ctx: as registered
 *
 * The newest registration matching both is removed; none matching is
 * not an error.
 *
 * Context: Any context.
 */
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx)
{
	kfree(kunit_take_action(test, action, ctx));
}

/**
 * kunit_release_action - call a deferred action now, and forget it
 * @test: the case
 * @action: as registered
 * @ctx: as registered
 *
 * Nothing happens when no registration matches.
 *
 * Context: whatever @action needs.
 */
void kunit_release_action(struct kunit *test, kunit_action_t *action,
			  void *ctx)
{
	struct kunit_action_node *node = kunit_take_action(test, action, ctx);

	if (node) {
		kfree(node);
		action(ctx);
	}
}

/**
 * kunit_cleanup - run every deferred action of @test, newest first
 * @test: the case
 *
 * The runner calls it when the case has ended.
 *
 * Context: Process context.
 */
void kunit_cleanup(struct kunit *test)
{
	struct kunit_action_node *node;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&test->lock, flags);
		node = list_first_entry_or_null(&test->resources,
						struct kunit_action_node, list);
		if (node)
			list_del(&node->list);
		spin_unlock_irqrestore(&test->lock, flags);
		if (!node)
			break;
		node->action(node->ctx);
		kfree(node);
	}
}

/* kfree() as an action: its argument is const. */
static void kunit_kfree_action(void *p)
{
	kfree(p);
}

/**
 * kunit_kmalloc - kmalloc() memory that is freed when the case ends
 * @test: the case
 * @size: bytes
 * @gfp: as for kmalloc() (also used for the bookkeeping)
 *
 * Return: the memory, or NULL.
 * Context: as kmalloc() with @gfp.
 */
void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	void *p = kmalloc(size, gfp);

	if (p && __kunit_add_action(test, kunit_kfree_action, p, gfp)) {
		kfree(p);
		return NULL;
	}
	return p;
}

/**
 * kunit_kzalloc - kunit_kmalloc(), zeroed
 * @test: the case
 * @size: bytes
 * @gfp: as for kmalloc()
 *
 * Return: the memory, or NULL.
 * Context: as kmalloc() with @gfp.
 */
void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp)
{
	return kunit_kmalloc(test, size, gfp | __GFP_ZERO);
}

/**
 * kunit_kmalloc_array - kunit_kmalloc() of @n elements of @size bytes
 * @test: the case
 * @n: elements
 * @size: bytes each
 * @gfp: as for kmalloc()
 *
 * Return: the memory, or NULL (also when @n * @size overflows).
 * Context: as kmalloc() with @gfp.
 */
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	size_t bytes;

	if (check_mul_overflow(n, size, &bytes))
		return NULL;
	return kunit_kmalloc(test, bytes, gfp);
}

/**
 * kunit_kcalloc - kunit_kmalloc_array(), zeroed
 * @test: the case
 * @n: elements
 * @size: bytes each
 * @gfp: as for kmalloc()
 *
 * Return: the memory, or NULL.
 * Context: as kmalloc() with @gfp.
 */
void *kunit_kcalloc(struct kunit *test, size_t n, size_t size, gfp_t gfp)
{
	return kunit_kmalloc_array(test, n, size, gfp | __GFP_ZERO);
}

/**
 * kunit_kfree - free kunit_kmalloc() memory before the case ends
 * @test: the case
 * @ptr: what kunit_kmalloc() returned (NULL is ignored)
 *
 * A pointer that @test did not allocate is reported as a failure of the
 * case and not freed.
 *
 * Context: Any context.
 */
void kunit_kfree(struct kunit *test, const void *ptr)
{
	struct kunit_action_node *node;

	if (!ptr)
		return;
	node = kunit_take_action(test, kunit_kfree_action, ptr);
	if (!node) {
		test->status = KUNIT_FAILURE;
		kunit_err(test, "kunit_kfree: %px was not allocated by kunit_kmalloc() in this case",
			  ptr);
		return;
	}
	kfree(node);
	kfree(ptr);
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
		int err = suite->init ? suite->init(test) : 0;

		if (err) {
			kunit_err(test, "failed to initialize: the suite's init() returned %d",
				  err);
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
 * Run the case's deferred actions, in the runner's thread, under an oops
 * catcher of its own: an action that oopses fails the case, and the
 * actions registered before it still run.
 */
static void kunit_run_cleanup(struct kunit *test)
{
	struct oops_catcher catcher;

	while (!list_empty(&test->resources)) {
		if (oops_catch(&catcher) == 0) {
			kunit_cleanup(test);
			oops_uncatch(&catcher);
		} else {
			kunit_err(test, "a deferred action oopsed (report above)");
			test->status = KUNIT_FAILURE;
		}
	}
}

/*
 * Run one case in its own kernel thread ("kunit_try_catch", as in
 * Linux), wait for it, run its deferred actions, check for leaks;
 * returns its status.  A case that does not finish in @timeout jiffies
 * fails and is left behind.
 *
 * The runner's own tests call it from inside a case (a nested run): the
 * outer case's name stays current and no "# RUN" line is printed, so the
 * host still knows which real case is running.
 */
enum kunit_status kunit_run_case(struct kunit_suite *suite,
				 struct kunit_case *tc, unsigned long timeout)
{
	const char *outer = kunit_current_test;
	struct kunit_case_run *run;
	struct kunit_usage usage;
	struct task_struct *task;
	enum kunit_status status;

	if (!outer) {
		snprintf(current_name, sizeof(current_name), "%s.%s",
			 suite->name, tc->name);
		kunit_current_test = current_name;
		printk(KERN_INFO "    # RUN %s\n", current_name);
	}
	kunit_usage_now(&usage);

	run = kzalloc(sizeof(*run), GFP_KERNEL);
	if (!run) {
		printk(KERN_INFO "    # %s: cannot allocate the runner's record of the case (out of memory)\n",
		       tc->name);
		kunit_current_test = outer;
		return KUNIT_FAILURE;
	}
	run->suite = suite;
	run->tc = tc;
	kunit_init_test(&run->test, tc->name);
	run->test.suite = suite;

	task = kthread_run(kunit_case_thread, run, "kunit_try_catch");
	if (IS_ERR(task)) {
		kunit_err(&run->test, "cannot start the test thread (error %ld)",
			  PTR_ERR(task));
		kfree(run);
		kunit_current_test = outer;
		return KUNIT_FAILURE;
	}
	if (kthread_join_timeout(task, timeout, NULL)) {
		/* still running: leave it (and its memory) alone */
		kunit_err(&run->test, "timed out after %lu s", timeout / HZ);
		kunit_current_test = outer;
		return KUNIT_FAILURE;
	}
	kunit_run_cleanup(&run->test);
	status = run->test.status;
	kfree(run);
	{
		struct kunit check = { .name = tc->name, .status = status };

		kunit_check_leaks(&check, &usage);
		status = check.status;
	}
	kunit_current_test = outer;
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
		tc->status = kunit_run_case(suite, tc, KUNIT_CASE_TIMEOUT_S * HZ);
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
