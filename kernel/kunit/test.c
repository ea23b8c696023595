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
 * does an oops, after its report is printed, and so does a case that
 * ran past its timeout, stopped at a safe point.  Either way the case's
 * thread ends, its result is printed, and the run goes on.
 *
 * When the case's thread has ended, the runner, in its own thread:
 *
 *   1. calls the case's deferred actions, newest first (kunit_add_action(),
 *      kunit_kzalloc() memory): what the case set up is undone however
 *      it ended;
 *   2. reads the console text the case printed, and fails it for every
 *      kernel report ("BUG:", "WARNING:", an oops) it did not declare
 *      with kunit_expect_reports();
 *   3. checks for leaks: a case that ends with more live slab objects,
 *      pages in use or vmalloc areas than it started with fails, and the
 *      objects are listed with the call sites that allocated them (when
 *      slab_debug has U).
 *
 * Timeline of one case:
 *
 *	runner			case thread ("kunit_try_catch")
 *	# RUN suite.case
 *	baseline, log position
 *	kthread_run ----------> init(), the case
 *	wait (timeout) ...	  ASSERT/skip/oops/stop -> catcher
 *				exit()
 *	join <----------------- thread ends
 *	actions, reports, leaks
 *	ok / not ok N case
 */
#include <linux/kasan.h>
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
#include <kernel/log.h>
#include <kernel/oops.h>
#include <kernel/slab_stats.h>
#include <kernel/kunit_leaks.h>
#include <kernel/pgtable.h>
#include <kernel/vmalloc_stats.h>
#include <asm/ptrace.h>

#define KUNIT_ABORT_ASSERT	2	/* longjmp value for ASSERT/skip */
#define KUNIT_ABORT_STOP	3	/* longjmp value for a stopped case */
#define KUNIT_CASE_TIMEOUT_S	120	/* a case running longer fails */
#define KUNIT_STOP_GRACE	(2 * HZ) /* for a timed-out case to stop */

extern struct kunit_suite *__kunit_suites_start[], *__kunit_suites_end[];
const char *kunit_current_test;
static char current_name[512];
static char case_comment[256];	/* the last case's kunit_skip() reason */

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
	kasan_quarantine_drain();	/* KASAN=1: freed objects, held back */
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

/**
 * __kunit_expect_reports - declare the reports a case prints on purpose
 * @test: the case
 * @first_lines: NULL-terminated; each the beginning of a report's first line
 *
 * Use kunit_expect_reports(test, "...", ...).  Declaring more than
 * KUNIT_MAX_EXPECTED_REPORTS fails the case.
 *
 * Context: Any context.
 */
void __kunit_expect_reports(struct kunit *test, const char *const *first_lines)
{
	for (; *first_lines; first_lines++) {
		if (test->nr_expected_reports == KUNIT_MAX_EXPECTED_REPORTS) {
			KUNIT_FAIL(test, "more than %d expected reports declared",
				   KUNIT_MAX_EXPECTED_REPORTS);
			return;
		}
		test->expected_reports[test->nr_expected_reports++] = *first_lines;
	}
}

/* How the first line of a report begins (SPEC section 5). */
static const char *const report_starts[] = {
	"BUG:",			/* BUG: sleeping function called ..., oopses */
	"BUG ",			/* slab: BUG kmalloc-64 (Not tainted): ... */
	"WARNING:",		/* WARN_ON() */
	"kernel BUG at ",	/* BUG() */
};

/* An oops headline, "Oops: 0002 [#1] PREEMPT" or "divide error: 0000 [#3] PREEMPT". */
static bool is_oops_line(const char *line)
{
	const char *p = strstr(line, " [#");

	return p && strstr(p, "] PREEMPT");
}

/*
 * An oops line this close below a "BUG:" line is that report's second
 * headline (the page-fault report prints two #PF lines and notes between).
 */
#define REPORT_OOPS_LINE_WITHIN	8
#define REPORT_LINE_MAX		160
#define REPORT_UNEXPECTED_SHOWN	5

struct report_scan {
	struct kunit *test;
	bool seen[KUNIT_MAX_EXPECTED_REPORTS];
	unsigned int unexpected;
	unsigned int lines_since_bug;
};

/*
 * Does @line begin with @want?  A '*' in @want matches any run of
 * characters: "BUG kmalloc-64 (*): Object already free" matches the
 * report whatever the kernel's taint.
 */
static bool report_matches(const char *line, const char *want)
{
	const char *star = strchr(want, '*');

	if (!star)
		return !strncmp(line, want, strlen(want));
	if (strncmp(line, want, star - want))
		return false;
	for (line += star - want; ; line++) {
		if (report_matches(line, star + 1))
			return true;
		if (!*line)
			return false;
	}
}

/* One console line (timestamp still on): a report, expected or not? */
static void scan_line(struct report_scan *scan, char *line)
{
	struct kunit *test = scan->test;
	bool headline = false, bug;
	unsigned int i;

	if (line[0] == '[') {		/* "[    1.234567] " */
		char *end = strstr(line, "] ");

		if (end)
			line = end + 2;
	}
	for (i = 0; i < ARRAY_SIZE(report_starts); i++)
		if (!strncmp(line, report_starts[i], strlen(report_starts[i])))
			headline = true;
	bug = headline && (!strncmp(line, "BUG:", 4) ||
			   !strncmp(line, "kernel BUG at ", 14));
	if (!headline && is_oops_line(line))
		headline = scan->lines_since_bug > REPORT_OOPS_LINE_WITHIN;
	scan->lines_since_bug = bug ? 0 : scan->lines_since_bug + 1;
	if (!headline)
		return;

	/* a line declared n times is expected n times: the first unseen one */
	for (i = 0; i < test->nr_expected_reports; i++) {
		const char *want = test->expected_reports[i];

		if (!scan->seen[i] && report_matches(line, want)) {
			scan->seen[i] = true;
			return;
		}
	}
	for (i = 0; i < test->nr_expected_reports; i++) {
		if (report_matches(line, test->expected_reports[i]))
			return;
	}
	test->status = KUNIT_FAILURE;
	if (scan->unexpected++ < REPORT_UNEXPECTED_SHOWN)
		kunit_err(test, "unexpected report: %s", line);
}

/*
 * The report check: read the console text printed from @from to now, a
 * line at a time, and judge each report's first line against what the
 * case declared with kunit_expect_reports().
 */
static void kunit_check_reports(struct kunit *test, u64 from)
{
	struct report_scan scan = {
		.test = test,
		.lines_since_bug = REPORT_OOPS_LINE_WITHIN + 1,
	};
	char chunk[256], line[REPORT_LINE_MAX];
	u64 seq = from, end = log_seq();
	size_t len = 0, n, i;
	unsigned int e;

	if (from < log_first_seq())
		kunit_err(test, "report check: the log ring wrapped, %llu bytes printed by the case were not checked",
			  (unsigned long long)(log_first_seq() - from));
	while (seq < end) {
		n = log_read(&seq, chunk, min_t(u64, sizeof(chunk), end - seq + 1));
		if (!n)
			break;
		for (i = 0; i < n; i++) {
			if (chunk[i] == '\n') {
				line[len] = '\0';
				scan_line(&scan, line);
				len = 0;
			} else if (len < sizeof(line) - 1) {
				line[len++] = chunk[i];
			}
		}
	}
	if (len) {
		line[len] = '\0';
		scan_line(&scan, line);
	}
	if (scan.unexpected > REPORT_UNEXPECTED_SHOWN)
		kunit_err(test, "... and %u more unexpected reports",
			  scan.unexpected - REPORT_UNEXPECTED_SHOWN);
	if (test->status == KUNIT_SKIPPED)
		return;
	for (e = 0; e < test->nr_expected_reports; e++) {
		if (scan.seen[e])
			continue;
		test->status = KUNIT_FAILURE;
		kunit_err(test, "expected report not printed: %s",
			  test->expected_reports[e]);
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
	kasan_unpoison_task_stack_below((void *)c->buf.rsp);
	kernel_longjmp(&c->buf, KUNIT_ABORT_ASSERT);
}

/*
 * Stopping a timed-out case.  The case's thread cannot be killed at an
 * arbitrary instruction: it may hold a spin lock or have interrupts off.
 * It is stopped where it could have been preempted or could sleep
 * (preempt_count() 0, interrupts on), which is where the kernel allows
 * another task to run in its place: it resumes at the runner's catcher,
 * as after an oops, and the runner then undoes what it registered.
 * A sleeping thread is not woken for this: one woken by hand could be
 * stopped with its wait-queue entry still linked.  A case that sleeps
 * for ever in a wait queue is quarantined instead (kunit_stop_case()).
 * A mutex the case holds stays held: the same limit as an oops.
 */
static bool kunit_stop_due(struct kunit *test)
{
	if (!READ_ONCE(test->stop_requested) || !test->try_catch ||
	    READ_ONCE(current->__state) != TASK_RUNNING)
		return false;
	WRITE_ONCE(test->stop_requested, false);	/* once */
	return true;
}

/**
 * kunit_stop_at_interrupt - stop a timed-out case as an interrupt returns
 * @regs: the registers the interrupt returns to (preemptible code of the
 *	  case's thread)
 *
 * Rewrites @regs so that the interrupt "returns" into the longjmp to the
 * case's catcher, below its frame, as oops_end() does for an oops.
 *
 * Context: Hard interrupt, on its way out; interrupts off.
 */
void kunit_stop_at_interrupt(struct pt_regs *regs)
{
	struct kunit *test = current->kunit_test;
	struct oops_catcher *c = test->try_catch;

	if (!kunit_stop_due(test))
		return;
	oops_catcher_top = c->prev;
	kasan_unpoison_task_stack_below((void *)c->buf.rsp);
	regs->ip = (unsigned long)kernel_longjmp;
	regs->di = (unsigned long)&c->buf;
	regs->si = KUNIT_ABORT_STOP;
	regs->sp = ((c->buf.rsp - 128) & ~15UL) - 8;
}

/**
 * kunit_stop_at_might_sleep - stop a timed-out case where it may sleep
 *
 * Context: Process context (the case's thread, in might_sleep()).
 */
void kunit_stop_at_might_sleep(void)
{
	struct kunit *test = current->kunit_test;
	struct oops_catcher *c = test->try_catch;

	if (preempt_count() || irqs_disabled() || !kunit_stop_due(test))
		return;
	oops_catcher_top = c->prev;
	kasan_unpoison_task_stack_below((void *)c->buf.rsp);
	kernel_longjmp(&c->buf, KUNIT_ABORT_STOP);
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
static bool glob_matches_one(const char *glob, const char *suite,
			     const char *tcase);

/*
 * Does SUITE[.CASE] match @glob, a comma-separated list of globs (make
 * test's KASAN step runs several suites in one boot: ktest=kasan,slab)?
 */
static bool glob_matches(const char *glob, const char *suite, const char *tcase)
{
	char one[256];
	const char *comma;

	while ((comma = strchr(glob, ','))) {
		if ((size_t)(comma - glob) < sizeof(one)) {
			memcpy(one, glob, comma - glob);
			one[comma - glob] = '\0';
			if (glob_matches_one(one, suite, tcase))
				return true;
		}
		glob = comma + 1;
	}
	return glob_matches_one(glob, suite, tcase);
}

static bool glob_matches_one(const char *glob, const char *suite,
			     const char *tcase)
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
 * Run @fn(@test) under the catcher that ASSERT, kunit_skip(), an oops and
 * a stop request resume at; returns how it ended (0: it returned).
 */
static int kunit_try(struct kunit *test, void (*fn)(struct kunit *test))
{
	struct oops_catcher catcher;
	int ret;

	test->try_catch = &catcher;
	ret = oops_catch(&catcher);
	if (ret == 0) {
		fn(test);
		oops_uncatch(&catcher);
	}
	test->try_catch = NULL;
	return ret;
}

static void kunit_init_and_run(struct kunit *test)
{
	struct kunit_case_run *run = container_of(test, struct kunit_case_run, test);
	int err = run->suite->init ? run->suite->init(test) : 0;

	if (err) {
		test->status = KUNIT_FAILURE;
		kunit_err(test, "failed to initialize: the suite's init() returned %d",
			  err);
		return;
	}
	run->tc->run_case(test);
}

static void kunit_exit(struct kunit *test)
{
	test->suite->exit(test);
}

/* What ended a case or its exit(), said in the KTAP output. */
static void kunit_ended(struct kunit *test, int how, const char *what)
{
	if (how == 0 || how == KUNIT_ABORT_ASSERT)
		return;
	test->status = KUNIT_FAILURE;
	if (how == KUNIT_ABORT_STOP)
		kunit_err(test, "%s was stopped", what);
	else
		kunit_err(test, "%s oopsed (report above)", what);
}

/*
 * The body of a case, in its own thread: init and the case, then the
 * suite's exit(), each under its own catcher, so exit() runs however the
 * case ended.
 */
static int kunit_case_thread(void *data)
{
	struct kunit_case_run *run = data;
	struct kunit *test = &run->test;

	current->kunit_test = test;
	kunit_ended(test, kunit_try(test, kunit_init_and_run), "the test case");
	if (run->suite->exit)
		kunit_ended(test, kunit_try(test, kunit_exit), "the suite's exit()");
	current->kunit_test = NULL;
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
 * A timed-out case whose thread did not stop is quarantined: its record
 * and what it registered stay as they are (the thread may still use
 * them), and no other case runs, so none has it in its leak baseline.
 * When the thread ends at last, its actions run and the runner goes on.
 */
static struct kunit_case_run *quarantined;
static struct task_struct *quarantined_task;

/* True when no quarantined thread is left (finishing its case if it ended). */
static bool kunit_quarantine_over(void)
{
	if (!quarantined)
		return true;
	if (READ_ONCE(quarantined_task->__state) != TASK_DEAD)
		return false;
	kthread_join_timeout(quarantined_task, MAX_SCHEDULE_TIMEOUT, NULL);
	printk(KERN_INFO "    # the thread of the timed-out case %s has ended; its actions run now\n",
	       quarantined->test.name);
	kunit_run_cleanup(&quarantined->test);
	kfree(quarantined);
	quarantined = NULL;
	return true;
}

bool kunit_quarantined(void)
{
	return quarantined && READ_ONCE(quarantined_task->__state) != TASK_DEAD;
}

/*
 * The case did not end in time: ask its thread to stop at its next safe
 * point (kunit_stop_at_interrupt(), kunit_stop_at_might_sleep()) and
 * wait KUNIT_STOP_GRACE for it.  Returns true when the thread has ended
 * (and is freed); else the case is quarantined.
 */
static bool kunit_stop_case(struct kunit_case_run *run,
			    struct task_struct *task, unsigned long timeout)
{
	struct kunit *test = &run->test;

	test->status = KUNIT_FAILURE;
	kunit_err(test, "timed out after %lu s: stopping its thread", timeout / HZ);
	WRITE_ONCE(test->stop_requested, true);
	if (!kthread_join_timeout(task, KUNIT_STOP_GRACE, NULL))
		return true;
	kunit_err(test, "its thread did not stop: quarantined, no other case runs until it ends");
	quarantined = run;
	quarantined_task = task;
	return false;
}

/*
 * Run one case in its own kernel thread ("kunit_try_catch", as in
 * Linux), wait for it, run its deferred actions, check its reports and
 * leaks; returns its status.  A case that does not finish in @timeout
 * jiffies fails and is stopped (or quarantined: kunit_stop_case()).
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
	u64 log_start;

	if (!outer) {
		snprintf(current_name, sizeof(current_name), "%s.%s",
			 suite->name, tc->name);
		kunit_current_test = current_name;
		printk(KERN_INFO "    # RUN %s\n", current_name);
	}
	case_comment[0] = '\0';
	if (!kunit_quarantine_over()) {
		printk(KERN_INFO "    # %s: not run: the thread of the timed-out case %s is still running\n",
		       tc->name, quarantined->test.name);
		kunit_current_test = outer;
		return KUNIT_FAILURE;
	}
	kunit_usage_now(&usage);
	log_start = log_seq();

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
	if (kthread_join_timeout(task, timeout, NULL) &&
	    !kunit_stop_case(run, task, timeout)) {
		kunit_current_test = outer;
		return KUNIT_FAILURE;		/* quarantined */
	}
	kunit_run_cleanup(&run->test);
	kunit_check_reports(&run->test, log_start);
	status = run->test.status;
	strscpy(case_comment, run->test.status_comment, sizeof(case_comment));
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
	int err;
	bool ok;

	/* as KUnit: a suite that cannot start prints no header, one line */
	err = suite->suite_init ? suite->suite_init(suite) : 0;
	if (err) {
		printk(KERN_INFO "    # failed to initialize (%d)\n", err);
		printk(KERN_INFO "not ok %u %s\n", index, suite->name);
		totals[KUNIT_FAILURE]++;
		return false;
	}

	printk(KERN_INFO "    KTAP version 1\n");
	printk(KERN_INFO "    # Subtest: %s\n", suite->name);
	printk(KERN_INFO "    1..%u\n", count_cases(suite, glob));

	for (tc = suite->test_cases; tc->run_case; tc++) {
		if (!glob_matches(glob, suite->name, tc->name))
			continue;
		tc->status = kunit_run_case(suite, tc, KUNIT_CASE_TIMEOUT_S * HZ);
		counts[tc->status]++;
		if (tc->status == KUNIT_SKIPPED)
			printk(KERN_INFO "    ok %u %s # SKIP%s%s\n", ++n, tc->name,
			       case_comment[0] ? " " : "", case_comment);
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
 * A glob that matches no suite is an error (a typo must not pass): the
 * run says so and counts one failure.
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
	if (!nr_suites) {
		printk(KERN_INFO "# no test suite matches \"%s\"\n", glob);
		return 1;
	}
	for (s = __kunit_suites_start; s < __kunit_suites_end; s++)
		if (count_cases(*s, glob))
			run_suite(*s, glob, ++index, totals);

	printk(KERN_INFO "# Totals: pass:%u fail:%u skip:%u total:%u\n",
	       totals[KUNIT_SUCCESS], totals[KUNIT_FAILURE],
	       totals[KUNIT_SKIPPED],
	       totals[KUNIT_SUCCESS] + totals[KUNIT_FAILURE] + totals[KUNIT_SKIPPED]);
	return totals[KUNIT_FAILURE];
}
