// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the deferred-work mechanisms: kernel/time/timer.c (timers
 * and jiffies), kernel/softirq.c (tasklets), kernel/irq_work.c and
 * kernel/workqueue.c.  What each promises: when the function runs, how
 * often, in what order, and what the "sync" calls wait for.  (Which
 * context each runs in is checked by the contexts suite.)
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/mutex.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include "context_kunit.h"

/* ---- timers ---------------------------------------------------------------------------- */

struct timer_test {
	struct timer_list timer;
	unsigned int runs;
	unsigned int rearm;		/* re-arm from the callback this many times */
	unsigned long ran_at;		/* jiffies of the last run */
	struct completion done;
};

static void count_timer_fn(struct timer_list *t)
{
	struct timer_test *tt = from_timer(tt, t, timer);

	tt->runs++;
	tt->ran_at = jiffies;
	if (tt->rearm) {
		tt->rearm--;
		mod_timer(&tt->timer, jiffies + 1);
		return;
	}
	complete(&tt->done);
}

static void timer_init_test(struct timer_test *tt)
{
	init_completion(&tt->done);
	timer_setup(&tt->timer, count_timer_fn, 0);
}

static void timer_fires_once_after_expiry(struct kunit *test)
{
	struct timer_test tt = {};
	unsigned long expires;

	timer_init_test(&tt);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tt.timer));
	expires = jiffies + 3;
	mod_timer(&tt.timer, expires);
	KUNIT_EXPECT_TRUE(test, timer_pending(&tt.timer));
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&tt.done, HZ), 0UL);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tt.timer));
	msleep(30);
	del_timer_sync(&tt.timer);
	KUNIT_EXPECT_EQ(test, tt.runs, 1U);
	KUNIT_EXPECT_GE(test, tt.ran_at, expires);
	KUNIT_EXPECT_LE(test, tt.ran_at, expires + 2);
}

/* mod_timer() says whether the timer was pending; it moves it either way. */
static void mod_timer_moves_a_pending_timer(struct kunit *test)
{
	struct timer_test tt = {};
	unsigned long start = jiffies;

	timer_init_test(&tt);
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, start + HZ), 0);
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, start + 2), 1);	/* sooner */
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&tt.done, HZ / 2), 0UL);
	KUNIT_EXPECT_LT(test, tt.ran_at, start + HZ / 2);

	reinit_completion(&tt.done);
	start = jiffies;
	mod_timer(&tt.timer, start + 2);
	KUNIT_EXPECT_EQ(test, mod_timer(&tt.timer, start + 10), 1);	/* later */
	msleep(50);
	KUNIT_EXPECT_EQ(test, tt.runs, 1U);		/* not at the old time */
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&tt.done, HZ), 0UL);
	KUNIT_EXPECT_EQ(test, tt.runs, 2U);
	KUNIT_EXPECT_GE(test, tt.ran_at, start + 10);
	del_timer_sync(&tt.timer);
}

static void del_timer_sync_stops_a_pending_timer(struct kunit *test)
{
	struct timer_test tt = {};

	timer_init_test(&tt);
	mod_timer(&tt.timer, jiffies + 2);
	KUNIT_EXPECT_EQ(test, del_timer_sync(&tt.timer), 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tt.timer));
	msleep(50);
	KUNIT_EXPECT_EQ(test, tt.runs, 0U);
	/* not pending any more: 0, for each spelling */
	KUNIT_EXPECT_EQ(test, del_timer_sync(&tt.timer), 0);
	KUNIT_EXPECT_EQ(test, timer_delete_sync(&tt.timer), 0);

	mod_timer(&tt.timer, jiffies + 2);
	KUNIT_EXPECT_EQ(test, timer_delete_sync(&tt.timer), 1);
	mod_timer(&tt.timer, jiffies + 2);
	KUNIT_EXPECT_EQ(test, del_timer(&tt.timer), 1);
	msleep(50);
	KUNIT_EXPECT_EQ(test, tt.runs, 0U);
}

/* A periodic timer is one that re-arms itself from its function. */
static void timer_rearms_itself(struct kunit *test)
{
	struct timer_test tt = { .rearm = 4 };
	unsigned long start = jiffies;

	timer_init_test(&tt);
	mod_timer(&tt.timer, start + 1);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&tt.done, HZ), 0UL);
	del_timer_sync(&tt.timer);
	KUNIT_EXPECT_EQ(test, tt.runs, 5U);
	KUNIT_EXPECT_GE(test, tt.ran_at, start + 5);
	KUNIT_EXPECT_FALSE(test, timer_pending(&tt.timer));
}

struct ordered_timer {
	struct timer_list timer;
	int id;
	int *order, *n;
};

static void ordered_timer_fn(struct timer_list *t)
{
	struct ordered_timer *o = from_timer(o, t, timer);

	o->order[(*o->n)++] = o->id;
}

/* Timers armed out of order run in the order of their expiry. */
static void timers_run_in_expiry_order(struct kunit *test)
{
	static const unsigned int delay[3] = { 4, 2, 3 };
	struct ordered_timer o[3];
	int order[3] = { 0 }, n = 0, i;
	unsigned long now = jiffies;

	for (i = 0; i < 3; i++) {
		o[i] = (struct ordered_timer){ .id = i, .order = order, .n = &n };
		timer_setup(&o[i].timer, ordered_timer_fn, 0);
		mod_timer(&o[i].timer, now + delay[i]);
	}
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(n) == 3, 1000));
	for (i = 0; i < 3; i++)
		del_timer_sync(&o[i].timer);
	KUNIT_EXPECT_EQ(test, order[0], 1);
	KUNIT_EXPECT_EQ(test, order[1], 2);
	KUNIT_EXPECT_EQ(test, order[2], 0);
}

/* jiffies count the tick: HZ a second, by the TSC's clock. */
static void jiffies_advance_at_hz(struct kunit *test)
{
	unsigned long j0, dj, expected;
	u64 t0, dt_ns;

	j0 = jiffies;
	t0 = local_clock();
	mdelay(200);
	dj = jiffies - j0;
	dt_ns = local_clock() - t0;
	expected = dt_ns / (1000000000ULL / HZ);
	/*
	 * Never more ticks than time allows.  Under a loaded emulator some
	 * ticks are lost (the APIC merges a late tick with the next one):
	 * allow a quarter less.
	 */
	KUNIT_EXPECT_LE(test, dj, expected + 2);
	KUNIT_EXPECT_GE(test, dj * 4, expected * 3);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1000), (unsigned long)HZ);
	KUNIT_EXPECT_EQ(test, msecs_to_jiffies(1), 1UL);	/* rounds up */
	KUNIT_EXPECT_EQ(test, jiffies_to_msecs(HZ), 1000U);
}

/* ---- tasklets -------------------------------------------------------------------------- */

struct tasklet_test {
	struct tasklet_struct tasklet;
	unsigned int runs;
	unsigned long data;
	int id;
	int *order, *n;
};

static void count_tasklet_func(unsigned long data)
{
	struct tasklet_test *tt = (struct tasklet_test *)data;

	tt->runs++;
	tt->data = data;
}

/* Scheduled twice before it runs, a tasklet runs once. */
static void tasklet_runs_once(struct kunit *test)
{
	struct tasklet_test tt = {};

	tasklet_init(&tt.tasklet, count_tasklet_func, (unsigned long)&tt);
	local_bh_disable();
	tasklet_schedule(&tt.tasklet);
	tasklet_schedule(&tt.tasklet);
	KUNIT_EXPECT_EQ(test, tt.runs, 0U);
	local_bh_enable();
	KUNIT_EXPECT_EQ(test, tt.runs, 1U);
	msleep(20);
	KUNIT_EXPECT_EQ(test, tt.runs, 1U);
	KUNIT_EXPECT_EQ(test, tt.data, (unsigned long)&tt);

	/* once run, it can be scheduled again */
	tasklet_schedule(&tt.tasklet);
	tasklet_kill(&tt.tasklet);
	KUNIT_EXPECT_EQ(test, tt.runs, 2U);
}

/*
 * A tick that ends while a task has preemption off (in a spin_lock()
 * section, interrupts on) runs the pending softirqs right there, as
 * Linux does: their check that a handler gave preempt_count back is
 * against the count they started with, not against SOFTIRQ_OFFSET alone
 * (it warned "softirq 6 left preempt_count 0x101" here).
 */
static void softirq_runs_with_preemption_off(struct kunit *test)
{
	struct tasklet_test tt = {};
	unsigned long end = jiffies + msecs_to_jiffies(500);

	tasklet_init(&tt.tasklet, count_tasklet_func, (unsigned long)&tt);
	preempt_disable();
	tasklet_schedule(&tt.tasklet);	/* ksoftirqd cannot run: the tick will */
	while (!READ_ONCE(tt.runs) && time_before(jiffies, end))
		cpu_relax();
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, tt.runs, 1U);
	tasklet_kill(&tt.tasklet);
}

static void ordered_tasklet_callback(struct tasklet_struct *t)
{
	struct tasklet_test *tt = from_tasklet(tt, t, tasklet);

	tt->runs++;
	tt->order[(*tt->n)++] = tt->id;
}

/* HI_SOFTIRQ comes before TASKLET_SOFTIRQ, whatever the order of scheduling. */
static void tasklet_hi_runs_first(struct kunit *test)
{
	int order[2] = { 0 }, n = 0;
	struct tasklet_test lo = { .id = 1, .order = order, .n = &n };
	struct tasklet_test hi = { .id = 2, .order = order, .n = &n };

	tasklet_setup(&lo.tasklet, ordered_tasklet_callback);
	tasklet_setup(&hi.tasklet, ordered_tasklet_callback);
	local_bh_disable();
	tasklet_schedule(&lo.tasklet);
	tasklet_hi_schedule(&hi.tasklet);
	local_bh_enable();
	tasklet_kill(&lo.tasklet);
	tasklet_kill(&hi.tasklet);
	KUNIT_EXPECT_EQ(test, n, 2);
	KUNIT_EXPECT_EQ(test, order[0], 2);
	KUNIT_EXPECT_EQ(test, order[1], 1);
}

/* A disabled tasklet stays scheduled; it runs once enabled. */
static void tasklet_disable_holds_it(struct kunit *test)
{
	struct tasklet_test tt = {};

	tasklet_init(&tt.tasklet, count_tasklet_func, (unsigned long)&tt);
	tasklet_disable(&tt.tasklet);
	tasklet_schedule(&tt.tasklet);
	msleep(20);
	KUNIT_EXPECT_EQ(test, tt.runs, 0U);
	tasklet_enable(&tt.tasklet);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(tt.runs) == 1, 1000));
	tasklet_kill(&tt.tasklet);
	KUNIT_EXPECT_EQ(test, tt.runs, 1U);
}

/* ---- irq_work ---------------------------------------------------------------------------- */

struct irq_work_test {
	struct irq_work work;
	unsigned int runs;
};

static void count_irq_work_fn(struct irq_work *w)
{
	container_of(w, struct irq_work_test, work)->runs++;
}

/* The self-IPI waits while interrupts are off, and is taken at the sti. */
static void irq_work_waits_for_irqs_on(struct kunit *test)
{
	struct irq_work_test iw = {};
	bool first, second;
	unsigned int runs_off;

	init_irq_work(&iw.work, count_irq_work_fn);
	local_irq_disable();
	first = irq_work_queue(&iw.work);
	second = irq_work_queue(&iw.work);	/* still queued: false */
	udelay(2000);
	runs_off = iw.runs;
	local_irq_enable();
	irq_work_sync(&iw.work);
	KUNIT_EXPECT_TRUE(test, first);
	KUNIT_EXPECT_FALSE(test, second);
	KUNIT_EXPECT_EQ(test, runs_off, 0U);
	KUNIT_EXPECT_EQ(test, iw.runs, 1U);

	/* run: it can be queued again */
	KUNIT_EXPECT_TRUE(test, irq_work_queue(&iw.work));
	irq_work_sync(&iw.work);
	KUNIT_EXPECT_EQ(test, iw.runs, 2U);
}

/* ---- workqueue ----------------------------------------------------------------------------- */

struct work_test {
	struct work_struct work;
	unsigned int runs;
	unsigned int requeue;		/* schedule itself again this many times */
	struct completion *gate;	/* wait for it to open, if set */
	bool started, finished;
};

static void count_work_fn(struct work_struct *w)
{
	struct work_test *wt = container_of(w, struct work_test, work);

	WRITE_ONCE(wt->started, true);
	if (wt->gate)
		wait_for_completion(wt->gate);
	wt->runs++;
	if (wt->requeue) {
		wt->requeue--;
		schedule_work(&wt->work);
	}
	WRITE_ONCE(wt->finished, true);
}

static void work_init_test(struct work_test *wt, struct completion *gate)
{
	INIT_WORK(&wt->work, count_work_fn);
	wt->gate = gate;
}

struct sleepy_work {
	struct work_struct work;
	struct mutex lock;
	unsigned long slept_jiffies;
	bool allocated;
};

static void sleepy_work_fn(struct work_struct *w)
{
	struct sleepy_work *sw = container_of(w, struct sleepy_work, work);
	unsigned long start = jiffies;
	void *p;

	mutex_lock(&sw->lock);
	msleep(20);
	mutex_unlock(&sw->lock);
	p = kmalloc(128, GFP_KERNEL);
	sw->allocated = p != NULL;
	kfree(p);
	sw->slept_jiffies = jiffies - start;
}

/* A work item is process context: it may sleep, lock mutexes, allocate. */
static void work_may_sleep(struct kunit *test)
{
	struct sleepy_work sw = {};
	u64 seq = log_seq();

	INIT_WORK(&sw.work, sleepy_work_fn);
	mutex_init(&sw.lock);
	KUNIT_EXPECT_TRUE(test, schedule_work(&sw.work));
	KUNIT_EXPECT_TRUE(test, flush_work(&sw.work));
	KUNIT_EXPECT_GE(test, sw.slept_jiffies, 2UL);
	KUNIT_EXPECT_TRUE(test, sw.allocated);
	ctx_expect_no_log(test, seq, "BUG:");
}

/*
 * With the worker busy on a gated item, a second item stays pending:
 * scheduling it again changes nothing, flush_work() waits for its run.
 */
static void pending_work_runs_once(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(gate);
	struct work_test a = {}, b = {};
	bool again, pending, started;

	work_init_test(&a, &gate);
	work_init_test(&b, NULL);
	schedule_work(&a.work);
	started = ctx_wait_until(READ_ONCE(a.started), 1000);
	KUNIT_EXPECT_TRUE(test, schedule_work(&b.work));
	again = schedule_work(&b.work);
	pending = work_pending(&b.work);
	complete(&gate);
	KUNIT_EXPECT_TRUE(test, started);
	KUNIT_EXPECT_FALSE(test, again);
	KUNIT_EXPECT_TRUE(test, pending);
	KUNIT_EXPECT_TRUE(test, flush_work(&b.work));
	KUNIT_EXPECT_EQ(test, b.runs, 1U);
	KUNIT_EXPECT_FALSE(test, work_pending(&b.work));
	/* idle work: nothing to wait for */
	KUNIT_EXPECT_FALSE(test, flush_work(&b.work));
	flush_work(&a.work);
	KUNIT_EXPECT_EQ(test, a.runs, 1U);
}

static void cancel_work_sync_removes_pending_work(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(gate);
	struct work_test a = {}, b = {};
	bool cancelled, started;

	work_init_test(&a, &gate);
	work_init_test(&b, NULL);
	schedule_work(&a.work);
	started = ctx_wait_until(READ_ONCE(a.started), 1000);
	schedule_work(&b.work);
	cancelled = cancel_work_sync(&b.work);
	complete(&gate);
	flush_work(&a.work);
	KUNIT_EXPECT_TRUE(test, started);
	KUNIT_EXPECT_TRUE(test, cancelled);
	KUNIT_EXPECT_EQ(test, b.runs, 0U);
	KUNIT_EXPECT_FALSE(test, cancel_work_sync(&b.work));
	KUNIT_EXPECT_EQ(test, b.runs, 0U);
}

struct gate_timer {
	struct timer_list timer;
	struct completion *gate;
};

static void open_gate_fn(struct timer_list *t)
{
	struct gate_timer *g = from_timer(g, t, timer);

	complete(g->gate);
}

/* cancel_work_sync() on a running item waits until it has finished. */
static void cancel_work_sync_waits_for_running_work(struct kunit *test)
{
	DECLARE_COMPLETION_ONSTACK(gate);
	struct gate_timer gt = { .gate = &gate };
	struct work_test a = {};
	bool cancelled, started;

	work_init_test(&a, &gate);
	timer_setup(&gt.timer, open_gate_fn, 0);
	schedule_work(&a.work);
	started = ctx_wait_until(READ_ONCE(a.started), 1000);
	mod_timer(&gt.timer, jiffies + 3);
	cancelled = cancel_work_sync(&a.work);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(a.finished));
	del_timer_sync(&gt.timer);
	if (!completion_done(&gate)) {	/* never leave the worker stuck */
		complete(&gate);
		flush_work(&a.work);
	}
	KUNIT_EXPECT_TRUE(test, started);
	KUNIT_EXPECT_FALSE(test, cancelled);	/* it was running, not pending */
	KUNIT_EXPECT_EQ(test, a.runs, 1U);
}

/* An item may schedule itself again; flush_work() waits for the last run. */
static void work_requeues_itself(struct kunit *test)
{
	struct work_test a = { .requeue = 2 };

	work_init_test(&a, NULL);
	schedule_work(&a.work);
	KUNIT_EXPECT_TRUE(test, flush_work(&a.work));
	KUNIT_EXPECT_EQ(test, a.runs, 3U);
	KUNIT_EXPECT_FALSE(test, work_pending(&a.work));
}

/* ---- the classic chain: hard irq -> tasklet -> work -> the waiting task ------------------- */

struct chain {
	struct irq_work irq_work;
	struct tasklet_struct tasklet;
	struct work_struct work;
	struct completion done;
	struct ctx_snap hard, soft, process;
};

static void chain_work_fn(struct work_struct *w)
{
	struct chain *c = container_of(w, struct chain, work);

	ctx_snap_take(&c->process);
	complete(&c->done);
}

static void chain_tasklet_fn(struct tasklet_struct *t)
{
	struct chain *c = from_tasklet(c, t, tasklet);

	ctx_snap_take(&c->soft);
	schedule_work(&c->work);
}

static void chain_irq_work_fn(struct irq_work *w)
{
	struct chain *c = container_of(w, struct chain, irq_work);

	ctx_snap_take(&c->hard);
	tasklet_schedule(&c->tasklet);
}

/*
 * How a driver defers: the interrupt handler does the least, a tasklet
 * more, a work item whatever needs to sleep; each stage in its context.
 */
static void deferral_chain(struct kunit *test)
{
	struct chain c = {};

	init_completion(&c.done);
	init_irq_work(&c.irq_work, chain_irq_work_fn);
	tasklet_setup(&c.tasklet, chain_tasklet_fn);
	INIT_WORK(&c.work, chain_work_fn);
	irq_work_queue(&c.irq_work);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&c.done, HZ), 0UL);
	irq_work_sync(&c.irq_work);
	tasklet_kill(&c.tasklet);
	cancel_work_sync(&c.work);
	ctx_expect(test, &c.hard, &(struct ctx_snap){
		.preempt_count = HARDIRQ_OFFSET, .in_interrupt = true,
		.in_hardirq = true, .in_irq = true, .in_atomic = true,
		.irqs_disabled = true,
	}, "hard irq stage");
	ctx_expect(test, &c.soft, &(struct ctx_snap){
		.preempt_count = SOFTIRQ_OFFSET, .in_interrupt = true,
		.in_softirq = true, .in_serving_softirq = true, .in_atomic = true,
	}, "tasklet stage");
	ctx_expect(test, &c.process, &(struct ctx_snap){
		.in_task = true, .preemptible = true,
	}, "work stage");
	/* the tasklet ran as the hard interrupt returned, on the same task */
	KUNIT_EXPECT_EQ(test, c.soft.pid, c.hard.pid);
}

static struct kunit_case softirq_cases[] = {
	KUNIT_CASE(timer_fires_once_after_expiry),
	KUNIT_CASE(mod_timer_moves_a_pending_timer),
	KUNIT_CASE(del_timer_sync_stops_a_pending_timer),
	KUNIT_CASE(timer_rearms_itself),
	KUNIT_CASE(timers_run_in_expiry_order),
	KUNIT_CASE(jiffies_advance_at_hz),
	KUNIT_CASE(softirq_runs_with_preemption_off),
	KUNIT_CASE(tasklet_runs_once),
	KUNIT_CASE(tasklet_hi_runs_first),
	KUNIT_CASE(tasklet_disable_holds_it),
	KUNIT_CASE(irq_work_waits_for_irqs_on),
	KUNIT_CASE(work_may_sleep),
	KUNIT_CASE(pending_work_runs_once),
	KUNIT_CASE(cancel_work_sync_removes_pending_work),
	KUNIT_CASE(cancel_work_sync_waits_for_running_work),
	KUNIT_CASE(work_requeues_itself),
	KUNIT_CASE(deferral_chain),
	{}
};

static struct kunit_suite softirq_suite = {
	.name = "softirq",
	.test_cases = softirq_cases,
};
kunit_test_suite(softirq_suite);
