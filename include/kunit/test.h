/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit, the subset this kernel implements (SPEC section 6).
 *
 * A test file declares cases and a suite, and registers the suite:
 *
 *	static void add_works(struct kunit *test)
 *	{
 *		KUNIT_EXPECT_EQ(test, 1 + 1, 2);
 *	}
 *
 *	static struct kunit_case example_cases[] = {
 *		KUNIT_CASE(add_works),
 *		{}
 *	};
 *
 *	static struct kunit_suite example_suite = {
 *		.name = "example",
 *		.test_cases = example_cases,
 *	};
 *	kunit_test_suite(example_suite);
 *
 * Any such file in tests/kernel/ is compiled in; no list to edit.  The
 * boot parameter ktest=GLOB runs the suites whose names match GLOB
 * ("suite" or "suite.case" patterns with * and ?), prints KTAP version 1
 * and powers off with the result as exit status.
 *
 * EXPECT failures mark the case failed and go on; ASSERT failures end
 * the case at once.  A case that oopses is reported "not ok" with the
 * oops text, and the run continues with the next case.
 */
#ifndef _KUNIT_TEST_H
#define _KUNIT_TEST_H

#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/spinlock.h>

enum kunit_status {
	KUNIT_SUCCESS,
	KUNIT_FAILURE,
	KUNIT_SKIPPED,
};

struct kunit_suite;

#define KUNIT_MAX_EXPECTED_REPORTS	4

struct kunit {
	const char *name;		/* the case's name */
	struct kunit_suite *suite;
	enum kunit_status status;
	char status_comment[256];	/* reason given to kunit_skip() */
	void *priv;			/* for the suite's init/exit */
	void *try_catch;		/* runner's private: how ASSERT escapes */
	/* runner's private: the deferred actions, newest first */
	spinlock_t lock;
	struct list_head resources;
	/* reports the case prints on purpose: kunit_expect_reports() */
	const char *expected_reports[KUNIT_MAX_EXPECTED_REPORTS];
	unsigned int nr_expected_reports;
	/* runner's private: set when the case timed out and must stop */
	bool stop_requested;
};

struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	/* filled by the runner */
	enum kunit_status status;
};

struct kunit_suite {
	const char name[256];
	int (*suite_init)(struct kunit_suite *suite);
	void (*suite_exit)(struct kunit_suite *suite);
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
};

#define KUNIT_CASE(test_name) { .run_case = test_name, .name = #test_name }

#define __kunit_concat2(a, b)	a##b
#define __kunit_concat(a, b)	__kunit_concat2(a, b)

#define kunit_test_suites(...)						\
	static struct kunit_suite *__kunit_concat(__kunit_suites_, __COUNTER__)[] \
	__used __section(".kunit_test_suites") __aligned(8) = { __VA_ARGS__ }

#define kunit_test_suite(suite)	kunit_test_suites(&suite)

/* Runner entry points (kernel/kunit/). */
int kunit_run_all(const char *glob);
extern const char *kunit_current_test;	/* "suite.case" while it runs */

/*
 * Stopping a case that timed out: the runner sets stop_requested, and
 * the case's thread abandons the case at its next safe point, an
 * interrupt that returns to preemptible code (arch's do_interrupt()) or
 * a might_sleep() with nothing held (__might_sleep()).
 */
struct pt_regs;
void kunit_stop_at_interrupt(struct pt_regs *regs);
void kunit_stop_at_might_sleep(void);

/*
 * Deferred actions (Linux's resource/cleanup model): a case registers
 * what must be undone, and the runner undoes it when the case ends, in
 * reverse order of registration, however it ends: returned, failed an
 * ASSERT, skipped, oopsed or timed out.  So a case never leaves a timer
 * armed, a thread running or memory allocated behind it:
 *
 *	timer_setup(&t, fn, 0);
 *	if (kunit_add_action_or_reset(test, del_timer_sync_action, &t))
 *		... (t was already deleted)
 *	mod_timer(&t, jiffies + 1);
 *	KUNIT_ASSERT_...;	// if this fails, the timer is deleted anyway
 *
 * The runner calls the actions from its own thread, after the case's
 * thread has ended: an action must not depend on running in the case's
 * thread.
 */
typedef void (kunit_action_t)(void *);

int kunit_add_action(struct kunit *test, kunit_action_t *action, void *ctx);
int kunit_add_action_or_reset(struct kunit *test, kunit_action_t *action,
			      void *ctx);
void kunit_remove_action(struct kunit *test, kunit_action_t *action, void *ctx);
void kunit_release_action(struct kunit *test, kunit_action_t *action,
			  void *ctx);
void kunit_cleanup(struct kunit *test);
void kunit_init_test(struct kunit *test, const char *name);

/* Memory freed automatically when the case ends (by a deferred kfree). */
void *kunit_kmalloc(struct kunit *test, size_t size, gfp_t gfp);
void *kunit_kzalloc(struct kunit *test, size_t size, gfp_t gfp);
void *kunit_kmalloc_array(struct kunit *test, size_t n, size_t size, gfp_t gfp);
void *kunit_kcalloc(struct kunit *test, size_t n, size_t size, gfp_t gfp);
void kunit_kfree(struct kunit *test, const void *ptr);

/*
 * Kernel reports (a "BUG:", "BUG <cache>", "WARNING:" or "kernel BUG at"
 * line, or an oops) printed while a case runs fail it, unless the case
 * declares them first, as Linux's KUnit does for the KASAN reports its
 * tests cause (KUNIT_EXPECT_KASAN_FAIL):
 *
 *	kunit_expect_reports(test, "BUG: sleeping function called from invalid context");
 *
 * declares the first lines (their beginnings) of the reports the case
 * prints on purpose, up to KUNIT_MAX_EXPECTED_REPORTS of them.  When the
 * case ends, every report printed since it started must begin with one
 * of them, and each of them must have begun at least one report (unless
 * the case was skipped); otherwise the case fails, and says which.  An
 * oops headline that follows a "BUG:" line within a few lines is part of
 * that report.  A '*' stands for any text, such as the taint of a slab
 * report, which depends on the modules loaded before:
 *
 *	kunit_expect_reports(test, "BUG kmalloc-64 (*): Object already free");
 */
#define kunit_expect_reports(test, ...)					\
	__kunit_expect_reports(test, (const char *const[]){ __VA_ARGS__, NULL })
void __kunit_expect_reports(struct kunit *test, const char *const *first_lines);

/* Reports. */
__printf(2, 3) void kunit_log_line(struct kunit *test, const char *fmt, ...);

#define kunit_info(test, fmt, ...)					\
	kunit_log_line(test, "%s: " fmt, (test)->name, ##__VA_ARGS__)
#define kunit_warn(test, fmt, ...) kunit_info(test, fmt, ##__VA_ARGS__)
#define kunit_err(test, fmt, ...) kunit_info(test, fmt, ##__VA_ARGS__)

void __noreturn __kunit_abort(struct kunit *test);
void kunit_mark_skipped(struct kunit *test, const char *fmt, ...) __printf(2, 3);

#define kunit_skip(test, fmt, ...) do {					\
	kunit_mark_skipped(test, fmt, ##__VA_ARGS__);			\
	__kunit_abort(test);						\
} while (0)

/*
 * Assertions.  Each check calls a reporter on failure, which prints the
 * KUnit failure text, marks the case failed and, for ASSERT, aborts it.
 */
enum kunit_assert_type { KUNIT_EXPECTATION, KUNIT_ASSERTION };

void kunit_report_fail(struct kunit *test, enum kunit_assert_type type,
		       const char *file, int line, const char *fmt, ...) __printf(5, 6);
void kunit_report_binary(struct kunit *test, enum kunit_assert_type type,
			 const char *file, int line, const char *left_text,
			 const char *op, const char *right_text,
			 long long left, long long right);
void kunit_report_ptr(struct kunit *test, enum kunit_assert_type type,
		      const char *file, int line, const char *left_text,
		      const char *op, const char *right_text,
		      const void *left, const void *right);
void kunit_report_str(struct kunit *test, enum kunit_assert_type type,
		      const char *file, int line, const char *left_text,
		      const char *op, const char *right_text,
		      const char *left, const char *right);

#define __KUNIT_END(test, type) do {					\
	if ((type) == KUNIT_ASSERTION)					\
		__kunit_abort(test);					\
} while (0)

#define __KUNIT_BINARY(test, type, left, op, right, fmt, ...) do {	\
	__typeof__(left) __l = (left);					\
	__typeof__(right) __r = (right);				\
	if (!(__l op __r)) {						\
		kunit_report_binary(test, type, __FILE__, __LINE__,	\
				    #left, #op, #right,			\
				    (long long)__l, (long long)__r);	\
		if ((fmt)[0])					\
			kunit_log_line(test, "    " fmt, ##__VA_ARGS__); \
		__KUNIT_END(test, type);				\
	}								\
} while (0)

#define __KUNIT_PTR(test, type, left, op, right, fmt, ...) do {	\
	const void *__l = (left);					\
	const void *__r = (right);					\
	if (!(__l op __r)) {						\
		kunit_report_ptr(test, type, __FILE__, __LINE__,	\
				 #left, #op, #right, __l, __r);		\
		if ((fmt)[0])					\
			kunit_log_line(test, "    " fmt, ##__VA_ARGS__); \
		__KUNIT_END(test, type);				\
	}								\
} while (0)

#define __KUNIT_STR(test, type, left, op, right, fmt, ...) do {	\
	const char *__l = (left);					\
	const char *__r = (right);					\
	if (!(strcmp(__l, __r) op 0)) {					\
		kunit_report_str(test, type, __FILE__, __LINE__,	\
				 #left, #op, #right, __l, __r);		\
		if ((fmt)[0])					\
			kunit_log_line(test, "    " fmt, ##__VA_ARGS__); \
		__KUNIT_END(test, type);				\
	}								\
} while (0)

#define __KUNIT_COND(test, type, cond, text, fmt, ...) do {		\
	if (!(cond)) {							\
		kunit_report_fail(test, type, __FILE__, __LINE__,	\
				  "Expected %s to be %s, but is not", text, \
				  "true");				\
		if ((fmt)[0])					\
			kunit_log_line(test, "    " fmt, ##__VA_ARGS__); \
		__KUNIT_END(test, type);				\
	}								\
} while (0)

#define __KUNIT_MEM(test, type, left, op, right, size, fmt, ...) do {	\
	const void *__l = (left);					\
	const void *__r = (right);					\
	size_t __n = (size);						\
	if (!(memcmp(__l, __r, __n) op 0)) {				\
		kunit_report_fail(test, type, __FILE__, __LINE__,	\
				  "Expected %s %s %s, but the %zu bytes differ", \
				  #left, #op, #right, __n);		\
		if ((fmt)[0])					\
			kunit_log_line(test, "    " fmt, ##__VA_ARGS__); \
		__KUNIT_END(test, type);				\
	}								\
} while (0)

#define KUNIT_FAIL(test, fmt, ...) kunit_report_fail(test, KUNIT_EXPECTATION, \
	__FILE__, __LINE__, fmt, ##__VA_ARGS__)

/* Generate EXPECT and ASSERT, plain and _MSG, from one definition each. */
#define KUNIT_EXPECT_TRUE(t, c)		__KUNIT_COND(t, KUNIT_EXPECTATION, (c), #c, "")
#define KUNIT_EXPECT_FALSE(t, c)	__KUNIT_COND(t, KUNIT_EXPECTATION, !(c), "!(" #c ")", "")
#define KUNIT_ASSERT_TRUE(t, c)		__KUNIT_COND(t, KUNIT_ASSERTION, (c), #c, "")
#define KUNIT_ASSERT_FALSE(t, c)	__KUNIT_COND(t, KUNIT_ASSERTION, !(c), "!(" #c ")", "")
#define KUNIT_EXPECT_TRUE_MSG(t, c, f, ...)  __KUNIT_COND(t, KUNIT_EXPECTATION, (c), #c, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_FALSE_MSG(t, c, f, ...) __KUNIT_COND(t, KUNIT_EXPECTATION, !(c), "!(" #c ")", f, ##__VA_ARGS__)
#define KUNIT_ASSERT_TRUE_MSG(t, c, f, ...)  __KUNIT_COND(t, KUNIT_ASSERTION, (c), #c, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_FALSE_MSG(t, c, f, ...) __KUNIT_COND(t, KUNIT_ASSERTION, !(c), "!(" #c ")", f, ##__VA_ARGS__)

#define KUNIT_EXPECT_EQ(t, a, b)	__KUNIT_BINARY(t, KUNIT_EXPECTATION, a, ==, b, "")
#define KUNIT_EXPECT_NE(t, a, b)	__KUNIT_BINARY(t, KUNIT_EXPECTATION, a, !=, b, "")
#define KUNIT_EXPECT_LT(t, a, b)	__KUNIT_BINARY(t, KUNIT_EXPECTATION, a, <, b, "")
#define KUNIT_EXPECT_LE(t, a, b)	__KUNIT_BINARY(t, KUNIT_EXPECTATION, a, <=, b, "")
#define KUNIT_EXPECT_GT(t, a, b)	__KUNIT_BINARY(t, KUNIT_EXPECTATION, a, >, b, "")
#define KUNIT_EXPECT_GE(t, a, b)	__KUNIT_BINARY(t, KUNIT_EXPECTATION, a, >=, b, "")
#define KUNIT_ASSERT_EQ(t, a, b)	__KUNIT_BINARY(t, KUNIT_ASSERTION, a, ==, b, "")
#define KUNIT_ASSERT_NE(t, a, b)	__KUNIT_BINARY(t, KUNIT_ASSERTION, a, !=, b, "")
#define KUNIT_ASSERT_LT(t, a, b)	__KUNIT_BINARY(t, KUNIT_ASSERTION, a, <, b, "")
#define KUNIT_ASSERT_LE(t, a, b)	__KUNIT_BINARY(t, KUNIT_ASSERTION, a, <=, b, "")
#define KUNIT_ASSERT_GT(t, a, b)	__KUNIT_BINARY(t, KUNIT_ASSERTION, a, >, b, "")
#define KUNIT_ASSERT_GE(t, a, b)	__KUNIT_BINARY(t, KUNIT_ASSERTION, a, >=, b, "")
#define KUNIT_EXPECT_EQ_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, a, ==, b, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, a, !=, b, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_LT_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, a, <, b, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_LE_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, a, <=, b, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_GT_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, a, >, b, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_GE_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_EXPECTATION, a, >=, b, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_EQ_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_ASSERTION, a, ==, b, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_NE_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_ASSERTION, a, !=, b, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_LT_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_ASSERTION, a, <, b, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_LE_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_ASSERTION, a, <=, b, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_GT_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_ASSERTION, a, >, b, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_GE_MSG(t, a, b, f, ...) __KUNIT_BINARY(t, KUNIT_ASSERTION, a, >=, b, f, ##__VA_ARGS__)

#define KUNIT_EXPECT_PTR_EQ(t, a, b)	__KUNIT_PTR(t, KUNIT_EXPECTATION, a, ==, b, "")
#define KUNIT_EXPECT_PTR_NE(t, a, b)	__KUNIT_PTR(t, KUNIT_EXPECTATION, a, !=, b, "")
#define KUNIT_ASSERT_PTR_EQ(t, a, b)	__KUNIT_PTR(t, KUNIT_ASSERTION, a, ==, b, "")
#define KUNIT_ASSERT_PTR_NE(t, a, b)	__KUNIT_PTR(t, KUNIT_ASSERTION, a, !=, b, "")
#define KUNIT_EXPECT_NULL(t, p)		__KUNIT_PTR(t, KUNIT_EXPECTATION, p, ==, NULL, "")
#define KUNIT_EXPECT_NOT_NULL(t, p)	__KUNIT_PTR(t, KUNIT_EXPECTATION, p, !=, NULL, "")
#define KUNIT_ASSERT_NULL(t, p)		__KUNIT_PTR(t, KUNIT_ASSERTION, p, ==, NULL, "")
#define KUNIT_ASSERT_NOT_NULL(t, p)	__KUNIT_PTR(t, KUNIT_ASSERTION, p, !=, NULL, "")
#define KUNIT_EXPECT_NULL_MSG(t, p, f, ...)	__KUNIT_PTR(t, KUNIT_EXPECTATION, p, ==, NULL, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL_MSG(t, p, f, ...)	__KUNIT_PTR(t, KUNIT_EXPECTATION, p, !=, NULL, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_NULL_MSG(t, p, f, ...)	__KUNIT_PTR(t, KUNIT_ASSERTION, p, ==, NULL, f, ##__VA_ARGS__)
#define KUNIT_ASSERT_NOT_NULL_MSG(t, p, f, ...)	__KUNIT_PTR(t, KUNIT_ASSERTION, p, !=, NULL, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_EQ_MSG(t, a, b, f, ...) __KUNIT_PTR(t, KUNIT_EXPECTATION, a, ==, b, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_PTR_NE_MSG(t, a, b, f, ...) __KUNIT_PTR(t, KUNIT_EXPECTATION, a, !=, b, f, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_ERR_OR_NULL(t, p) KUNIT_EXPECT_NOT_NULL(t, p)
#define KUNIT_ASSERT_NOT_ERR_OR_NULL(t, p) KUNIT_ASSERT_NOT_NULL(t, p)

#define KUNIT_EXPECT_STREQ(t, a, b)	__KUNIT_STR(t, KUNIT_EXPECTATION, a, ==, b, "")
#define KUNIT_EXPECT_STRNEQ(t, a, b)	__KUNIT_STR(t, KUNIT_EXPECTATION, a, !=, b, "")
#define KUNIT_ASSERT_STREQ(t, a, b)	__KUNIT_STR(t, KUNIT_ASSERTION, a, ==, b, "")
#define KUNIT_ASSERT_STRNEQ(t, a, b)	__KUNIT_STR(t, KUNIT_ASSERTION, a, !=, b, "")
#define KUNIT_EXPECT_STREQ_MSG(t, a, b, f, ...) __KUNIT_STR(t, KUNIT_EXPECTATION, a, ==, b, f, ##__VA_ARGS__)

#define KUNIT_EXPECT_MEMEQ(t, a, b, n)	__KUNIT_MEM(t, KUNIT_EXPECTATION, a, ==, b, n, "")
#define KUNIT_EXPECT_MEMNEQ(t, a, b, n)	__KUNIT_MEM(t, KUNIT_EXPECTATION, a, !=, b, n, "")
#define KUNIT_ASSERT_MEMEQ(t, a, b, n)	__KUNIT_MEM(t, KUNIT_ASSERTION, a, ==, b, n, "")
#define KUNIT_ASSERT_MEMNEQ(t, a, b, n)	__KUNIT_MEM(t, KUNIT_ASSERTION, a, !=, b, n, "")

#endif /* _KUNIT_TEST_H */
