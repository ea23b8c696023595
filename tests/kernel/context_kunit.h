/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the suites about contexts and scheduling (contexts,
 * sched, locking, softirq).
 *
 * A callback that runs in some context (a timer, a tasklet, an irq_work,
 * a work item) cannot fail a test itself: it runs on another stack, maybe
 * in an interrupt, where a failed KUNIT_ASSERT could not unwind.  So it
 * takes a snapshot of "where am I" (struct ctx_snap), and the test checks
 * the snapshot afterwards against what that context must look like:
 *
 *	static void my_timer_fn(struct timer_list *t)
 *	{
 *		ctx_snap_take(&from_timer(s, t, timer)->snap);
 *	}
 *	...
 *	ctx_expect(test, &s.snap, &(struct ctx_snap){
 *		.preempt_count = SOFTIRQ_OFFSET, .in_interrupt = true, ...
 *	}, "timer callback");
 *
 * The expected values are spelled out field by field in every test: the
 * point is to show a student which predicate is true where.
 *
 * Every thread a test starts must be kthread_stop()ped before the test
 * returns (the leak check counts its task and its vmalloc stack), and
 * every timer deleted: test data lives on the test's stack.  Where a
 * failed ASSERT could end the case between the start and the stop, the
 * stop is a deferred action (kunit_add_action(), as gfp_rules_test.c
 * does for its timer and threads): the runner calls it however the case
 * ends, newest first, so a stop registered after the kunit_kzalloc() of
 * its data runs before that memory is freed.
 */
#ifndef _TESTS_KERNEL_CONTEXT_KUNIT_H
#define _TESTS_KERNEL_CONTEXT_KUNIT_H

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/hardirq.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <kernel/log.h>

/* Where the CPU was when a snapshot was taken. */
struct ctx_snap {
	bool taken;
	int preempt_count;
	bool in_interrupt;
	bool in_hardirq;
	bool in_irq;
	bool in_softirq;
	bool in_serving_softirq;
	bool in_task;
	bool in_atomic;
	bool irqs_disabled;
	bool preemptible;
	/* the task that was running (an interrupt borrows the interrupted one) */
	pid_t pid;
	char comm[TASK_COMM_LEN];
};

/* Record the context we run in.  Context: any. */
static inline void ctx_snap_take(struct ctx_snap *s)
{
	s->preempt_count = preempt_count();
	s->in_interrupt = in_interrupt() != 0;
	s->in_hardirq = in_hardirq() != 0;
	s->in_irq = in_irq() != 0;
	s->in_softirq = in_softirq() != 0;
	s->in_serving_softirq = in_serving_softirq() != 0;
	s->in_task = in_task() != 0;
	s->in_atomic = in_atomic() != 0;
	s->irqs_disabled = irqs_disabled() != 0;
	s->preemptible = preemptible() != 0;
	s->pid = current->pid;
	memcpy(s->comm, current->comm, TASK_COMM_LEN);
	barrier();
	WRITE_ONCE(s->taken, true);
}

/*
 * Check a snapshot against the context's expected values (fields not
 * named in @want are expected false / 0; pid and comm are not compared).
 * Call it after the callback is known to be finished (del_timer_sync,
 * tasklet_kill, irq_work_sync, flush_work).
 */
static inline void ctx_expect(struct kunit *test, const struct ctx_snap *got,
			      const struct ctx_snap *want, const char *where)
{
	if (!READ_ONCE(got->taken)) {
		KUNIT_FAIL(test, "%s: the callback never ran", where);
		return;
	}
	KUNIT_EXPECT_EQ_MSG(test, got->preempt_count, want->preempt_count,
			    "%s: preempt_count()", where);
#define CTX_EXPECT_FIELD(f)						\
	KUNIT_EXPECT_EQ_MSG(test, (int)got->f, (int)want->f, "%s: " #f "()", where)
	CTX_EXPECT_FIELD(in_interrupt);
	CTX_EXPECT_FIELD(in_hardirq);
	CTX_EXPECT_FIELD(in_irq);
	CTX_EXPECT_FIELD(in_softirq);
	CTX_EXPECT_FIELD(in_serving_softirq);
	CTX_EXPECT_FIELD(in_task);
	CTX_EXPECT_FIELD(in_atomic);
	CTX_EXPECT_FIELD(irqs_disabled);
	CTX_EXPECT_FIELD(preemptible);
#undef CTX_EXPECT_FIELD
}

/* Start a kernel thread, or end the test case. */
static inline struct task_struct *ctx_thread_run(struct kunit *test,
						 int (*fn)(void *), void *data,
						 const char *name)
{
	struct task_struct *t = kthread_run(fn, data, "%s", name);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(t), "kthread_run(%s) failed", name);
	return t;
}

/* ctx_thread_run_on - ctx_thread_run() bound to @cpu. */
static inline struct task_struct *ctx_thread_run_on(struct kunit *test,
						    int (*fn)(void *), void *data,
						    const char *name, unsigned int cpu)
{
	struct task_struct *t = kthread_create(fn, data, "%s", name);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(t), "kthread_create(%s) failed", name);
	kthread_bind(t, cpu);
	wake_up_process(t);
	return t;
}

/*
 * ctx_pin_this_cpu - keep the calling thread on the CPU it runs on, for
 * a case about one CPU; ctx_unpin() lets it go anywhere again.  Returns
 * the CPU.  Context: process.
 */
static inline unsigned int ctx_pin_this_cpu(void)
{
	set_cpus_allowed_ptr(current, cpumask_of(raw_smp_processor_id()));
	return task_cpu(current);
}

/* ctx_pin_to_cpu - keep the calling thread on @cpu (online). */
static inline void ctx_pin_to_cpu(unsigned int cpu)
{
	set_cpus_allowed_ptr(current, cpumask_of(cpu));
}

static inline void ctx_unpin(void)
{
	set_cpus_allowed_ptr(current, cpu_possible_mask);
}

/*
 * ctx_wait_until - sleep a jiffy at a time until @cond holds, at most @ms
 * milliseconds.  Evaluates to @cond at the end.  Context: process.
 */
#define ctx_wait_until(cond, ms) ({					\
	unsigned long __end = jiffies + msecs_to_jiffies(ms);		\
	while (!(cond) && time_before(jiffies, __end))			\
		schedule_timeout_uninterruptible(1);			\
	!!(cond);							\
})

/* Has @text been printed since log position @seq? */
#define ctx_expect_log(test, seq, text)					\
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) != 0,		\
			      "the log lacks \"%s\"", text)

#define ctx_expect_no_log(test, seq, text)				\
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) == 0,		\
			      "the log unexpectedly has \"%s\"", text)

#endif /* _TESTS_KERNEL_CONTEXT_KUNIT_H */
