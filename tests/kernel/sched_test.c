// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/sched/core.c, kernel/sched/wait.c, kernel/kthread.c and
 * the sleeping half of kernel/time/timer.c: kernel threads and their exit
 * codes, preemption of threads that never give the CPU up, the ways of
 * giving it up (cond_resched, yield, schedule_timeout, msleep), what an
 * oops or a stack overflow does to a thread (it dies, the kernel goes
 * on), wait queues, completions, and the reports of sleeping where one
 * must not: "BUG: scheduling while atomic" and "BUG: sleeping function
 * called from invalid context", with Linux's exact values per context.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/irq_work.h>
#include <linux/lockdep.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <kernel/oops.h>
#include "context_kunit.h"

/* ---- kernel threads --------------------------------------------------------------- */

struct stop_test {
	bool ran;
	unsigned int loops;
};

static int loop_until_stopped(void *data)
{
	struct stop_test *st = data;

	WRITE_ONCE(st->ran, true);
	while (!kthread_should_stop()) {
		st->loops++;
		schedule_timeout_uninterruptible(1);
	}
	return 42;
}

/* kthread_stop() wakes the thread, waits for it and returns its exit code. */
static void kthread_stop_returns_exit_code(struct kunit *test)
{
	struct stop_test st = {};
	struct task_struct *t;

	t = ctx_thread_run(test, loop_until_stopped, &st, "sched_loop");
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(st.ran), 1000));
	msleep(30);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 42);
	KUNIT_EXPECT_GT(test, st.loops, 0U);
}

static void kthread_stop_before_it_ran(struct kunit *test)
{
	struct stop_test st = {};
	struct task_struct *t;

	t = kthread_create(loop_until_stopped, &st, "sched_never");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_FALSE(test, task_is_running(t));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);
	KUNIT_EXPECT_FALSE(test, st.ran);
}

static int return_seven(void *data)
{
	WRITE_ONCE(*(bool *)data, true);
	return 7;
}

/* A thread that returns on its own is dead until kthread_stop() reaps it. */
static void kthread_returns_on_its_own(struct kunit *test)
{
	struct task_struct *t;
	bool ran = false;

	t = ctx_thread_run(test, return_seven, &ran, "sched_ret7");
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(t->__state) == TASK_DEAD,
					       1000));
	KUNIT_EXPECT_TRUE(test, ran);
	KUNIT_EXPECT_TRUE(test, t->flags & PF_EXITING);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 7);
}

struct whoami {
	struct task_struct *self;
	pid_t pid;
	char comm[TASK_COMM_LEN];
};

static int record_whoami(void *data)
{
	struct whoami *w = data;

	w->self = current;
	w->pid = current->pid;
	memcpy(w->comm, current->comm, TASK_COMM_LEN);
	return 0;
}

static void kthread_comm_and_pid(struct kunit *test)
{
	struct whoami a = {}, b = {};
	struct task_struct *ta, *tb;

	KUNIT_EXPECT_STREQ(test, current->comm, "kunit_try_catch");
	ta = kthread_run(record_whoami, &a, "sched_who/%d", 3);
	KUNIT_ASSERT_FALSE(test, IS_ERR(ta));
	/* names are cut to TASK_COMM_LEN - 1 characters */
	tb = kthread_run(record_whoami, &b, "sched_a_very_long_name");
	if (IS_ERR(tb)) {
		kthread_stop(ta);
		KUNIT_FAIL(test, "kthread_run failed");
		return;
	}
	KUNIT_EXPECT_STREQ(test, ta->comm, "sched_who/3");
	KUNIT_EXPECT_STREQ(test, tb->comm, "sched_a_very_lo");
	KUNIT_EXPECT_TRUE(test, ta->flags & PF_KTHREAD);
	KUNIT_EXPECT_GT(test, tb->pid, ta->pid);
	KUNIT_EXPECT_GT(test, ta->pid, current->pid);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(a.self) && READ_ONCE(b.self),
					       1000));
	KUNIT_EXPECT_PTR_EQ(test, a.self, ta);
	KUNIT_EXPECT_PTR_EQ(test, b.self, tb);
	KUNIT_EXPECT_EQ(test, a.pid, task_pid_nr(ta));
	KUNIT_EXPECT_STREQ(test, a.comm, "sched_who/3");
	KUNIT_EXPECT_STREQ(test, b.comm, "sched_a_very_lo");
	kthread_stop(ta);
	kthread_stop(tb);
}

/*
 * A new thread's stack is zeroed, as Linux's are (THREADINFO_GFP has
 * __GFP_ZERO): nothing of the memory's earlier owner shows.  The case
 * leaves a pattern in freed vmalloc memory first, which the stack's
 * frames would show without the zeroing (the page allocator hands the
 * last-freed frames of this CPU out first); the thread reads the lowest
 * page of its stack, far below anything it or an interrupt on it uses.
 */
static int count_dirty_stack_words(void *data)
{
	const unsigned long *w = (const unsigned long *)current->stack_lo;
	unsigned long i, dirty = 0;

	for (i = 0; i < PAGE_SIZE / sizeof(long); i++)
		dirty += w[i] != 0;
	*(unsigned long *)data = dirty;
	return 0;
}

static void kthread_stack_is_zeroed(struct kunit *test)
{
	unsigned long dirty = ~0UL;
	struct task_struct *t;
	void *old;

	set_cpus_allowed_ptr(current, cpumask_of(0));	/* one CPU's free lists */
	old = vmalloc(THREAD_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, old);
	memset(old, 0xa5, THREAD_SIZE);
	vfree(old);
	t = kthread_run(count_dirty_stack_words, &dirty, "sched_stack0");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(t->__state) == TASK_DEAD, 1000));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_EQ_MSG(test, dirty, 0UL, "words of the earlier owner's data on a new stack");
}

/* ---- preemption and giving the CPU up ---------------------------------------------- */

/*
 * The cases below are about one CPU's scheduling (its slice, its
 * preemption points): the test thread and its peers share one CPU.
 */
struct spinner {
	volatile unsigned long count;
};

/* CPU-bound: never sleeps, never yields. */
static int spin_until_stopped(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop())
		s->count++;
	return 0;
}

/*
 * Two threads that never give the CPU up both run: the tick takes it
 * from each when its slice is over (involuntary switches, nivcsw).
 */
static void cpu_bound_threads_are_preempted(struct kunit *test)
{
	struct spinner a = {}, b = {};
	struct task_struct *ta, *tb;
	unsigned long start = jiffies, a1, b1;
	unsigned int cpu = ctx_pin_this_cpu();

	ta = ctx_thread_run_on(test, spin_until_stopped, &a, "sched_spin_a", cpu);
	tb = kthread_create(spin_until_stopped, &b, "sched_spin_b");
	if (IS_ERR(tb)) {
		kthread_stop(ta);
		KUNIT_FAIL(test, "kthread_create failed");
		return;
	}
	kthread_bind(tb, cpu);
	wake_up_process(tb);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(a.count && b.count, 1000));
	a1 = a.count;
	b1 = b.count;
	msleep(4 * SCHED_TIME_SLICE_TICKS * 1000 / HZ);
	/* both went on running: each was preempted to let the other in */
	KUNIT_EXPECT_GT(test, a.count, a1);
	KUNIT_EXPECT_GT(test, b.count, b1);
	KUNIT_EXPECT_GT(test, ta->nivcsw, 0UL);
	KUNIT_EXPECT_GT(test, tb->nivcsw, 0UL);
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)HZ);
	KUNIT_EXPECT_EQ(test, kthread_stop(ta), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop(tb), 0);
	ctx_unpin();
}

static int set_flag(void *data)
{
	WRITE_ONCE(*(bool *)data, true);
	return 0;
}

/* Spin (preemption off, interrupts on) until the tick asks for a switch. */
static bool spin_until_need_resched(void)
{
	unsigned long end = jiffies + HZ;

	while (!need_resched() && time_before(jiffies, end))
		cpu_relax();
	return need_resched();
}

/*
 * With preemption off the slice runs out but nothing switches; the
 * request stays pending until cond_resched() honours it.
 */
static void cond_resched_switches_when_asked(struct kunit *test)
{
	struct task_struct *t;
	bool ran = false, asked, ran_before;
	int switched;

	t = kthread_create(set_flag, &ran, "sched_peer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, ctx_pin_this_cpu());
	preempt_disable();
	wake_up_process(t);
	asked = spin_until_need_resched();
	ran_before = READ_ONCE(ran);
	preempt_enable_no_resched();
	switched = cond_resched();
	KUNIT_EXPECT_TRUE(test, asked);
	KUNIT_EXPECT_FALSE(test, ran_before);
	KUNIT_EXPECT_EQ(test, switched, 1);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(ran));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	/* nobody waiting: nothing to do */
	KUNIT_EXPECT_EQ(test, cond_resched(), 0);
	ctx_unpin();
}

/* preempt_enable() is itself a preemption point. */
static void preempt_enable_switches_when_asked(struct kunit *test)
{
	struct task_struct *t;
	bool ran = false, asked, ran_before, ran_after;

	t = kthread_create(set_flag, &ran, "sched_peer");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	kthread_bind(t, ctx_pin_this_cpu());
	preempt_disable();
	wake_up_process(t);
	asked = spin_until_need_resched();
	ran_before = READ_ONCE(ran);
	preempt_enable();
	ran_after = READ_ONCE(ran);
	KUNIT_EXPECT_TRUE(test, asked);
	KUNIT_EXPECT_FALSE(test, ran_before);
	KUNIT_EXPECT_TRUE(test, ran_after);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	ctx_unpin();
}

static void yield_lets_others_run(struct kunit *test)
{
	struct task_struct *t;
	bool ran = false;

	t = ctx_thread_run_on(test, set_flag, &ran, "sched_peer", ctx_pin_this_cpu());
	yield();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(ran));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	/* alone on the run queue, yield() comes straight back */
	yield();
	ctx_unpin();
}

struct wake_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void wake_task_fn(struct timer_list *t)
{
	struct wake_timer *w = from_timer(w, t, timer);

	wake_up_process(w->task);
}

static void schedule_timeout_sleeps(struct kunit *test)
{
	struct wake_timer w = { .task = current };
	unsigned long start;
	long left;

	start = jiffies;
	set_current_state(TASK_UNINTERRUPTIBLE);
	left = schedule_timeout(5);
	KUNIT_EXPECT_EQ(test, left, 0L);
	KUNIT_EXPECT_GE(test, jiffies - start, 5UL);
	KUNIT_EXPECT_LE(test, jiffies - start, 8UL);

	/* woken early: returns the jiffies that were left */
	timer_setup(&w.timer, wake_task_fn, 0);
	start = jiffies;
	mod_timer(&w.timer, start + 3);
	left = schedule_timeout_uninterruptible(HZ);
	del_timer_sync(&w.timer);
	KUNIT_EXPECT_GT(test, left, 0L);
	KUNIT_EXPECT_GE(test, left, (long)HZ - 6);
	KUNIT_EXPECT_GE(test, jiffies - start, 3UL);
	KUNIT_EXPECT_TRUE(test, task_is_running(current));
}

/* msleep(50) sleeps at least 50 ms, and not much more (one tick's slack). */
static void msleep_is_accurate(struct kunit *test)
{
	unsigned long j0, dj;
	u64 t0, dt_ms;

	j0 = jiffies;
	t0 = local_clock();
	msleep(50);
	dj = jiffies - j0;
	dt_ms = (local_clock() - t0) / 1000000;
	KUNIT_EXPECT_GE(test, dj, msecs_to_jiffies(50));
	KUNIT_EXPECT_LE(test, dj, msecs_to_jiffies(50) + 3);
	KUNIT_EXPECT_GE(test, dt_ms, 50ULL);
	KUNIT_EXPECT_LT(test, dt_ms, 150ULL);
}

/* ---- a thread that oopses dies alone ----------------------------------------------- */

/*
 * __no_sanitize_address: with make KASAN=1 the compiler would check the
 * shadow of the NULL pointer first, at a non-canonical address: a general
 * protection fault instead of the page fault this test is about (as in
 * Linux with KASAN).
 */
static __no_sanitize_address int null_deref_fn(void *data)
{
	int *volatile p = NULL;

	WRITE_ONCE(*(bool *)data, true);
	return *p;		/* no oops catcher in this thread: it dies */
}

static noinline unsigned long recurse_deep(unsigned long depth)
{
	volatile char frame[512];

	frame[0] = (char)depth;
	if (depth == ~0UL)	/* never: but the compiler cannot know */
		return frame[0];
	return recurse_deep(depth + 1) + frame[0];
}

static int overflow_fn(void *data)
{
	WRITE_ONCE(*(bool *)data, true);
	return (int)recurse_deep(0);
}

/* Run @fn in a thread, expect it to die of an oops (exit code 9). */
static void expect_thread_killed(struct kunit *test, int (*fn)(void *),
				 const char *name, const char *report)
{
	unsigned int oopses = oops_count;
	struct task_struct *t;
	bool started = false;
	u64 seq = log_seq();
	char note[64];
	pid_t pid;

	t = ctx_thread_run(test, fn, &started, name);
	pid = t->pid;
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(t->__state) == TASK_DEAD,
					       2000));
	KUNIT_EXPECT_TRUE(test, started);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 9);
	KUNIT_EXPECT_EQ(test, oops_count, oopses + 1);
	ctx_expect_log(test, seq, report);
	snprintf(note, sizeof(note), "note: %s[%d] exited", name, pid);
	ctx_expect_log(test, seq, note);
	/* and this thread, the kernel, the scheduler go on */
	msleep(10);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void oops_kills_only_the_thread(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: kernel NULL pointer dereference");
	expect_thread_killed(test, null_deref_fn, "sched_oops",
			     "BUG: kernel NULL pointer dereference, address: 0000000000000000");
}

/* The vmalloc stack's guard page turns an overflow into a double fault. */
static void stack_overflow_kills_only_the_thread(struct kunit *test)
{
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: stack guard page was hit");
	expect_thread_killed(test, overflow_fn, "sched_overflow",
			     "kernel stack overflow (double-fault)");
	ctx_expect_log(test, seq, "BUG: stack guard page was hit at");
	ctx_expect_log(test, seq, "RIP: 0010:recurse_deep");
}

/* ---- wait queues -------------------------------------------------------------------- */

struct wq_test {
	wait_queue_head_t wq;
	struct timer_list timer;
	bool cond;
	bool wake_without_cond;
	unsigned int woken;
};

static void wq_timer_fn(struct timer_list *t)
{
	struct wq_test *w = from_timer(w, t, timer);

	if (w->wake_without_cond) {
		/* a wake-up without the condition: the sleeper sleeps again */
		w->wake_without_cond = false;
		wake_up(&w->wq);
		mod_timer(&w->timer, jiffies + 2);
		return;
	}
	WRITE_ONCE(w->cond, true);
	wake_up(&w->wq);
}

static void wait_event_timeout_times_out(struct kunit *test)
{
	struct wq_test w = {};
	unsigned long start;
	long ret;

	init_waitqueue_head(&w.wq);
	start = jiffies;
	ret = wait_event_timeout(w.wq, READ_ONCE(w.cond), 5);
	KUNIT_EXPECT_EQ(test, ret, 0L);
	KUNIT_EXPECT_GE(test, jiffies - start, 5UL);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&w.wq));

	/* already true: no sleep, the whole timeout is "left" */
	w.cond = true;
	KUNIT_EXPECT_EQ(test, wait_event_timeout(w.wq, w.cond, 5), 5L);
	KUNIT_EXPECT_EQ(test, wait_event_timeout(w.wq, w.cond, 0), 1L);
}

static void wait_event_woken_by_timer(struct kunit *test)
{
	struct wq_test w = { .wake_without_cond = true };
	unsigned long start;
	long ret;

	init_waitqueue_head(&w.wq);
	timer_setup(&w.timer, wq_timer_fn, 0);
	start = jiffies;
	mod_timer(&w.timer, start + 2);
	ret = wait_event_timeout(w.wq, READ_ONCE(w.cond), HZ);
	del_timer_sync(&w.timer);
	KUNIT_EXPECT_GT(test, ret, 0L);
	KUNIT_EXPECT_TRUE(test, w.cond);
	/* the first wake-up found the condition false and slept on */
	KUNIT_EXPECT_GE(test, jiffies - start, 4UL);
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)HZ);
	KUNIT_EXPECT_FALSE(test, waitqueue_active(&w.wq));
}

static int wq_waiter(void *data)
{
	struct wq_test *w = data;

	wait_event(w->wq, READ_ONCE(w->cond) || kthread_should_stop());
	w->woken++;		/* only one CPU: no race on this count */
	return 0;
}

/* Several sleepers on one queue: wake_up_all() gets them all. */
static void wake_up_all_wakes_every_waiter(struct kunit *test)
{
	struct task_struct *t[3];
	struct wq_test w = {};
	int i, n = 0;

	init_waitqueue_head(&w.wq);
	for (i = 0; i < 3; i++) {
		t[i] = kthread_run(wq_waiter, &w, "sched_wq/%d", i);
		if (IS_ERR(t[i]))
			break;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(
		n < 1 || READ_ONCE(t[n - 1]->__state) == TASK_UNINTERRUPTIBLE, 1000));
	msleep(20);
	KUNIT_EXPECT_EQ(test, w.woken, 0U);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, READ_ONCE(t[i]->__state), (long)TASK_UNINTERRUPTIBLE);
	WRITE_ONCE(w.cond, true);
	wake_up_all(&w.wq);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(w.woken) == (unsigned int)n,
					       1000));
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(t[i]), 0);
}

/* ---- completions -------------------------------------------------------------------- */

/* complete() counts: each one lets one wait through. */
static void completion_counts(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);
	unsigned long start;

	KUNIT_EXPECT_FALSE(test, completion_done(&done));
	complete(&done);
	complete(&done);
	KUNIT_EXPECT_TRUE(test, completion_done(&done));
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&done, 5), 0UL);
	wait_for_completion(&done);
	start = jiffies;
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&done, 5), 0UL);
	KUNIT_EXPECT_GE(test, jiffies - start, 5UL);
	KUNIT_EXPECT_FALSE(test, try_wait_for_completion(&done));
}

struct completion_timer {
	struct timer_list timer;
	struct completion done;
};

static void complete_fn(struct timer_list *t)
{
	struct completion_timer *ct = from_timer(ct, t, timer);

	complete(&ct->done);
}

static void completion_from_timer(struct kunit *test)
{
	struct completion_timer ct;
	unsigned long left, start;

	init_completion(&ct.done);
	timer_setup(&ct.timer, complete_fn, 0);
	start = jiffies;
	mod_timer(&ct.timer, start + 3);
	left = wait_for_completion_timeout(&ct.done, HZ);
	del_timer_sync(&ct.timer);
	KUNIT_EXPECT_GT(test, left, 0UL);
	KUNIT_EXPECT_GE(test, jiffies - start, 3UL);
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)HZ / 2);
}

struct completion_waiter {
	struct completion *done;
	bool finished;
};

static int completion_waiter_fn(void *data)
{
	struct completion_waiter *w = data;

	wait_for_completion(w->done);
	WRITE_ONCE(w->finished, true);
	return 0;
}

static unsigned int count_finished(struct completion_waiter *w, int n)
{
	unsigned int i, c = 0;

	for (i = 0; i < (unsigned int)n; i++)
		c += READ_ONCE(w[i].finished);
	return c;
}

/*
 * Two sleepers, complete() once: exactly one goes; again: the other.
 * complete_all() then lets everyone through, now and later.
 */
static void complete_one_then_all(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);
	struct completion_waiter w[3] = { { .done = &done }, { .done = &done }, { .done = &done } };
	struct task_struct *t[3];
	int i, n = 0;

	for (i = 0; i < 3; i++) {
		t[i] = kthread_run(completion_waiter_fn, &w[i], "sched_cw/%d", i);
		if (IS_ERR(t[i]))
			break;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 3);
	msleep(20);
	KUNIT_EXPECT_EQ(test, count_finished(w, n), 0U);
	complete(&done);
	msleep(20);
	KUNIT_EXPECT_EQ(test, count_finished(w, n), 1U);
	complete(&done);
	msleep(20);
	KUNIT_EXPECT_EQ(test, count_finished(w, n), 2U);
	complete_all(&done);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(count_finished(w, n) == (unsigned int)n,
					       1000));
	/* done for good: later waits do not sleep */
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&done, 1), 0UL);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&done, 1), 0UL);
	reinit_completion(&done);
	KUNIT_EXPECT_FALSE(test, completion_done(&done));
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(t[i]), 0);
}

/* ---- sleeping in atomic context ------------------------------------------------------- */

static void expect_schedule_bug(struct kunit *test, u64 seq, int count)
{
	char line[96];

	snprintf(line, sizeof(line), "BUG: scheduling while atomic: %s/%d/0x%08x",
		 current->comm, current->pid, count);
	ctx_expect_log(test, seq, line);
}

/* schedule() refuses to switch away from atomic context, says so, returns. */
static void schedule_while_atomic_is_reported(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	long state;
	u64 seq;

	kunit_expect_reports(test, "BUG: scheduling while atomic");
	seq = log_seq();
	preempt_disable();
	set_current_state(TASK_UNINTERRUPTIBLE);
	schedule();
	state = current->__state;
	preempt_enable();
	KUNIT_EXPECT_EQ(test, state, (long)TASK_RUNNING);
	expect_schedule_bug(test, seq, 1);

	seq = log_seq();
	spin_lock_bh(&lock);
	schedule();
	spin_unlock_bh(&lock);
	expect_schedule_bug(test, seq, 0x200);
}

/*
 * The three lines of the might_sleep() report: where, the context flags
 * (of the task that was running), the count.
 */
static void expect_might_sleep_report(struct kunit *test, u64 seq, int line,
				      int atomic, int irqs_off, pid_t pid,
				      const char *comm, int count)
{
	char text[160];

	snprintf(text, sizeof(text),
		 "BUG: sleeping function called from invalid context at tests/kernel/sched_test.c:%d",
		 line);
	ctx_expect_log(test, seq, text);
	snprintf(text, sizeof(text),
		 "in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s",
		 atomic, irqs_off, pid, comm);
	ctx_expect_log(test, seq, text);
	snprintf(text, sizeof(text), "preempt_count: %x, expected: 0", count);
	ctx_expect_log(test, seq, text);
}

/*
 * The report's held-lock lines, as Linux's debug_show_held_locks():
 * "no locks held by NAME/PID." or "N lock(s) held by NAME/PID:" and
 * " #0: ADDR (NAME){....}-{2:2}, at: FUNC+0x..." (@lock0: the part from
 * the class name on; its usage letters depend on the suites run before).
 */
static void expect_held_locks(struct kunit *test, u64 seq, int n, const char *lock0)
{
	char text[96];

	if (!lockdep_enabled()) {
		ctx_expect_log(test, seq, "INFO: lockdep is turned off.");
		return;
	}
	if (!n)
		snprintf(text, sizeof(text), "no locks held by %s/%d.", current->comm,
			 current->pid);
	else
		snprintf(text, sizeof(text), "%d lock%s held by %s/%d:", n, n > 1 ? "s" : "",
			 current->comm, current->pid);
	ctx_expect_log(test, seq, text);
	if (lock0) {
		/* " (lock){+.+.}": skip the usage letters, keep the rest */
		const char *brace = strchr(lock0, '{');
		char head[48];

		snprintf(head, sizeof(head), "%.*s", (int)(brace - lock0 + 1), lock0);
		ctx_expect_log(test, seq, head);
		ctx_expect_log(test, seq, strchr(brace, '}') + 1);
	}
}

/* "hardirqs last disabled at (N): [<ADDR>] FUNC+0x..." naming @func. */
static void expect_irqs_off_at(struct kunit *test, u64 seq, const char *func)
{
	char line[160], *end;
	u64 at = log_search(seq, "hardirqs last disabled at (");

	KUNIT_ASSERT_NE_MSG(test, at, 0ULL, "no \"hardirqs last disabled at\" line");
	log_read(&at, line, sizeof(line));
	end = strchr(line, '\n');
	if (end)
		*end = '\0';
	KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(line, func), "the line ends \"%s\"", line);
}

static void might_sleep_under_preempt_disable(struct kunit *test)
{
	u64 seq = log_seq();
	int line;

	kunit_expect_reports(test, "BUG: sleeping function called");
	preempt_disable();
	line = __LINE__ + 1;
	might_sleep();
	preempt_enable();
	expect_might_sleep_report(test, seq, line, 1, 0, current->pid,
				  "kunit_try_catch", 1);
}

static void might_sleep_with_irqs_off(struct kunit *test)
{
	u64 seq = log_seq();
	int line;

	kunit_expect_reports(test, "BUG: sleeping function called");
	local_irq_disable();
	line = __LINE__ + 1;
	might_sleep();
	local_irq_enable();
	expect_might_sleep_report(test, seq, line, 0, 1, current->pid,
				  "kunit_try_catch", 0);
	/* as Linux: no locks, and where this task turned interrupts off */
	expect_held_locks(test, seq, 0, NULL);
	ctx_expect_log(test, seq, "irq event stamp: ");
	ctx_expect_log(test, seq, "hardirqs last  enabled at (");
	expect_irqs_off_at(test, seq, "might_sleep_with_irqs_off+0x");
}

static void might_sleep_under_spin_lock_bh(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	u64 seq = log_seq();
	int line;

	kunit_expect_reports(test, "BUG: sleeping function called");
	spin_lock_bh(&lock);
	line = __LINE__ + 1;
	might_sleep();
	spin_unlock_bh(&lock);
	expect_might_sleep_report(test, seq, line, 1, 0, current->pid,
				  "kunit_try_catch", 0x200);
}

static void might_sleep_under_spin_lock_irqsave(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	unsigned long flags;
	u64 seq = log_seq();
	int line;

	kunit_expect_reports(test, "BUG: sleeping function called");
	spin_lock_irqsave(&lock, flags);
	line = __LINE__ + 1;
	might_sleep();
	spin_unlock_irqrestore(&lock, flags);
	expect_might_sleep_report(test, seq, line, 1, 1, current->pid,
				  "kunit_try_catch", 1);
	expect_held_locks(test, seq, 1,
			  " (lock){....}-{2:2}, at: might_sleep_under_spin_lock_irqsave+0x");
	expect_irqs_off_at(test, seq, "might_sleep_under_spin_lock_irqsave+0x");
}

struct atomic_sleeper {
	struct timer_list timer;
	struct irq_work work;
	struct completion done;
	int line;
	pid_t pid;
	char comm[TASK_COMM_LEN];
};

static void might_sleep_timer_fn(struct timer_list *t)
{
	struct atomic_sleeper *a = from_timer(a, t, timer);

	a->pid = current->pid;
	memcpy(a->comm, current->comm, TASK_COMM_LEN);
	a->line = __LINE__ + 1;
	might_sleep();
	complete(&a->done);
}

/* In a softirq the report names whichever task the softirq interrupted. */
static void might_sleep_in_timer_callback(struct kunit *test)
{
	struct atomic_sleeper a = {};
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: sleeping function called");
	init_completion(&a.done);
	timer_setup(&a.timer, might_sleep_timer_fn, 0);
	mod_timer(&a.timer, jiffies + 1);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&a.done, HZ), 0UL);
	del_timer_sync(&a.timer);
	expect_might_sleep_report(test, seq, a.line, 1, 0, a.pid, a.comm,
				  SOFTIRQ_OFFSET);
}

static void might_sleep_irq_work_fn(struct irq_work *w)
{
	struct atomic_sleeper *a = container_of(w, struct atomic_sleeper, work);

	a->line = __LINE__ + 1;
	might_sleep();
}

static void might_sleep_in_hardirq(struct kunit *test)
{
	struct atomic_sleeper a = {};
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: sleeping function called");
	init_irq_work(&a.work, might_sleep_irq_work_fn);
	irq_work_queue(&a.work);
	irq_work_sync(&a.work);
	/* the self-IPI interrupted this very task */
	expect_might_sleep_report(test, seq, a.line, 1, 1, current->pid,
				  "kunit_try_catch", HARDIRQ_OFFSET);
}

static noinline void might_sleep_site_a(void)
{
	might_sleep();
}

static noinline void might_sleep_site_b(void)
{
	might_sleep();
}

/* One report per call site per second; other sites are not silenced. */
static void might_sleep_is_ratelimited_per_site(struct kunit *test)
{
	const char *bug = "BUG: sleeping function called";
	u64 seq0, seq1, seq2, seq3;

	kunit_expect_reports(test, "BUG: sleeping function called");
	preempt_disable();
	seq0 = log_seq();
	might_sleep_site_a();
	seq1 = log_seq();
	might_sleep_site_a();
	seq2 = log_seq();
	might_sleep_site_b();
	preempt_enable();
	KUNIT_EXPECT_NE(test, log_search(seq0, bug), 0ULL);
	KUNIT_EXPECT_EQ(test, seq2, seq1);	/* the second call printed nothing */
	KUNIT_EXPECT_NE(test, log_search(seq2, bug), 0ULL);

	/* a second later, site a speaks again */
	msleep(1000);
	seq3 = log_seq();
	preempt_disable();
	might_sleep_site_a();
	preempt_enable();
	KUNIT_EXPECT_NE(test, log_search(seq3, bug), 0ULL);
}

/* Sleeping where it is allowed says nothing. */
static void sleeping_in_process_context_is_quiet(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(done);
	u64 seq = log_seq();

	might_sleep();
	msleep(1);
	cond_resched();
	complete(&done);
	wait_for_completion(&done);
	ctx_expect_no_log(test, seq, "BUG:");
}

static struct kunit_case sched_cases[] = {
	KUNIT_CASE(kthread_stop_returns_exit_code),
	KUNIT_CASE(kthread_stop_before_it_ran),
	KUNIT_CASE(kthread_returns_on_its_own),
	KUNIT_CASE(kthread_comm_and_pid),
	KUNIT_CASE(kthread_stack_is_zeroed),
	KUNIT_CASE(cpu_bound_threads_are_preempted),
	KUNIT_CASE(cond_resched_switches_when_asked),
	KUNIT_CASE(preempt_enable_switches_when_asked),
	KUNIT_CASE(yield_lets_others_run),
	KUNIT_CASE(schedule_timeout_sleeps),
	KUNIT_CASE(msleep_is_accurate),
	KUNIT_CASE(oops_kills_only_the_thread),
	KUNIT_CASE(stack_overflow_kills_only_the_thread),
	KUNIT_CASE(wait_event_timeout_times_out),
	KUNIT_CASE(wait_event_woken_by_timer),
	KUNIT_CASE(wake_up_all_wakes_every_waiter),
	KUNIT_CASE(completion_counts),
	KUNIT_CASE(completion_from_timer),
	KUNIT_CASE(complete_one_then_all),
	KUNIT_CASE(schedule_while_atomic_is_reported),
	KUNIT_CASE(might_sleep_under_preempt_disable),
	KUNIT_CASE(might_sleep_with_irqs_off),
	KUNIT_CASE(might_sleep_under_spin_lock_bh),
	KUNIT_CASE(might_sleep_under_spin_lock_irqsave),
	KUNIT_CASE(might_sleep_in_timer_callback),
	KUNIT_CASE(might_sleep_in_hardirq),
	KUNIT_CASE(might_sleep_is_ratelimited_per_site),
	KUNIT_CASE(sleeping_in_process_context_is_quiet),
	{}
};

static struct kunit_suite sched_suite = {
	.name = "sched",
	.test_cases = sched_cases,
};
kunit_test_suite(sched_suite);
