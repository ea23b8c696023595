// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for scheduling on many CPUs (kernel/sched/core.c): per-CPU run
 * queues, tasks spread over the CPUs, wake-ups across CPUs with the
 * reschedule IPI, kthread_bind() and set_cpus_allowed_ptr(), the per-CPU
 * ksoftirqd/N and kworker/N:0 threads, timers, tasklets and work items
 * used from another CPU than 0.
 *
 * Run them on several CPUs: make ktest SMP=4 T='sched_smp*'.  At SMP=1
 * the cases that need a second CPU skip and say so.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/err.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <asm/smp.h>
#include "context_kunit.h"

#define NEED_TWO_CPUS(test) do {					\
	if (num_online_cpus() < 2)					\
		kunit_skip(test, "needs 2 CPUs or more (make ktest SMP=4): at SMP=1 every task runs on CPU 0"); \
} while (0)

#define SPREAD_THREADS_PER_CPU	2
#define SPREAD_MS		3000	/* at most, under a loaded TCG host */
#define WAKE_BOUND_MS		500	/* a wake-up across CPUs takes at most this */

/* ---- tasks spread over every CPU -------------------------------------------------- */

struct spread {
	unsigned long ran_on;		/* bit N: some thread ran on CPU N */
};

/* Busy: never sleeps; notes each CPU it finds itself on. */
static int spread_fn(void *data)
{
	struct spread *s = data;

	while (!kthread_should_stop()) {
		__atomic_fetch_or(&s->ran_on, 1UL << raw_smp_processor_id(),
				  __ATOMIC_RELAXED);
		cpu_relax();
	}
	return 0;
}

/*
 * Twice as many CPU-bound threads as CPUs: new tasks go to the least
 * loaded CPU and idle CPUs pull waiting ones, so every CPU runs one.
 */
static void busy_threads_spread_over_all_cpus(struct kunit *test)
{
	struct task_struct *t[NR_CPUS * SPREAD_THREADS_PER_CPU];
	unsigned int n = num_online_cpus() * SPREAD_THREADS_PER_CPU, i, cpu;
	unsigned long all = 0;
	struct spread s = {};

	NEED_TWO_CPUS(test);
	for_each_online_cpu(cpu)
		all |= 1UL << cpu;
	for (i = 0; i < n; i++) {
		t[i] = kthread_run(spread_fn, &s, "spread/%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
	}
	KUNIT_EXPECT_TRUE(test, ctx_wait_until((READ_ONCE(s.ran_on) & all) == all,
					       SPREAD_MS));
	kunit_info(test, "%u busy threads ran on CPUs %#lx of %#lx", n,
		   READ_ONCE(s.ran_on), all);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(t[i]), 0);
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_LE(test, sched_nr_running(cpu), 2U);
}

/* ---- a wake-up across CPUs -------------------------------------------------------- */

struct sleeper {
	bool go;
	bool asleep;
	unsigned long woke_at;		/* jiffies */
	unsigned int woke_on;
};

/* Sleep until ->go, then note when and where it ran again. */
static int sleeper_fn(void *data)
{
	struct sleeper *s = data;

	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		WRITE_ONCE(s->asleep, true);
		if (READ_ONCE(s->go))
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	s->woke_on = raw_smp_processor_id();
	WRITE_ONCE(s->woke_at, jiffies);
	return 0;
}

/*
 * A task bound to CPU 1, asleep, woken by the test on CPU 0: it goes on
 * CPU 1's queue, CPU 1 (idle) gets the reschedule IPI and runs it at
 * once, without waiting for its tick.
 */
static void wake_up_across_cpus(struct kunit *test)
{
	struct sleeper s = {};
	struct task_struct *t;
	unsigned long ipis, start;

	NEED_TWO_CPUS(test);
	ctx_pin_to_cpu(0);
	KUNIT_ASSERT_EQ(test, raw_smp_processor_id(), 0U);
	t = ctx_thread_run_on(test, sleeper_fn, &s, "sched_smp_wake", 1);
	KUNIT_ASSERT_TRUE(test, ctx_wait_until(READ_ONCE(s.asleep) &&
					       READ_ONCE(t->__state) == TASK_UNINTERRUPTIBLE &&
					       !READ_ONCE(t->on_cpu), 1000));
	ipis = READ_ONCE(per_cpu(irq_stat, 1).irq_resched_count);
	start = jiffies;
	WRITE_ONCE(s.go, true);
	KUNIT_EXPECT_EQ(test, wake_up_process(t), 1);
	KUNIT_EXPECT_EQ(test, task_cpu(t), 1U);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(s.woke_at), WAKE_BOUND_MS));
	KUNIT_EXPECT_EQ(test, s.woke_on, 1U);
	KUNIT_EXPECT_LE(test, s.woke_at - start, (unsigned long)msecs_to_jiffies(WAKE_BOUND_MS));
	KUNIT_EXPECT_GT(test, READ_ONCE(per_cpu(irq_stat, 1).irq_resched_count), ipis);
	kunit_info(test, "woken on CPU %u after %lu jiffies", s.woke_on, s.woke_at - start);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	ctx_unpin();
}

/* ---- affinity -------------------------------------------------------------------------- */

struct bound {
	unsigned int cpu;
	unsigned long rounds, elsewhere;
};

/* Sleep, yield and spin in turn; count the rounds spent off ->cpu. */
static int bound_fn(void *data)
{
	struct bound *b = data;

	while (!kthread_should_stop()) {
		if (raw_smp_processor_id() != b->cpu)
			b->elsewhere++;
		b->rounds++;
		if (b->rounds % 3 == 0)
			schedule_timeout_uninterruptible(1);
		else if (b->rounds % 3 == 1)
			yield();
		else
			udelay(200);
	}
	return 0;
}

/* kthread_bind(): the task never runs elsewhere, however the others move. */
static void kthread_bind_keeps_task_on_its_cpu(struct kunit *test)
{
	struct task_struct *t, *busy[NR_CPUS];
	struct bound b = { .cpu = num_online_cpus() - 1 };
	struct spread s = {};
	unsigned int i;

	NEED_TWO_CPUS(test);
	/* load, so an idle CPU would like to pull it */
	for (i = 0; i < num_online_cpus(); i++) {
		busy[i] = kthread_run(spread_fn, &s, "bound_load/%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(busy[i]));
	}
	t = ctx_thread_run_on(test, bound_fn, &b, "sched_smp_bound", b.cpu);
	msleep(300);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	for (i = 0; i < num_online_cpus(); i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(busy[i]), 0);
	kunit_info(test, "%lu rounds, %lu off CPU %u", b.rounds, b.elsewhere, b.cpu);
	KUNIT_EXPECT_GT(test, b.rounds, 0UL);
	KUNIT_EXPECT_EQ(test, b.elsewhere, 0UL);
}

/* set_cpus_allowed_ptr() on oneself moves at once; an empty mask is refused. */
static void set_cpus_allowed_moves_the_caller(struct kunit *test)
{
	unsigned int cpu;
	cpumask_t none;

	cpumask_clear(&none);
	KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, &none), -EINVAL);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(cpu)), 0);
		KUNIT_EXPECT_EQ(test, raw_smp_processor_id(), cpu);
		KUNIT_EXPECT_EQ(test, task_cpu(current), cpu);
		/* and stays, across a sleep */
		msleep(5);
		KUNIT_EXPECT_EQ(test, raw_smp_processor_id(), cpu);
	}
	ctx_unpin();
}

/* ---- per-CPU threads ------------------------------------------------------------------ */

static struct task_struct *find_task(const char *comm)
{
	struct task_struct *t, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&tasklist_lock, flags);
	list_for_each_entry(t, &task_list, tasks) {
		if (!strcmp(t->comm, comm)) {
			found = t;
			break;
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return found;
}

/*
 * ksoftirqd/N and kworker/N:0 for every CPU, each bound to its CPU and
 * on it (task_cpu(): where it last ran, or waits to run).  They are made
 * before smp_init() brings CPU N up, and must not have run elsewhere
 * meanwhile.
 */
static void per_cpu_threads_exist(struct kunit *test)
{
	static const char *const fmt[] = { "ksoftirqd/%u", "kworker/%u:0" };
	struct task_struct *t;
	unsigned int cpu, i;
	char name[TASK_COMM_LEN];

	for_each_online_cpu(cpu) {
		for (i = 0; i < ARRAY_SIZE(fmt); i++) {
			snprintf(name, sizeof(name), fmt[i], cpu);
			t = find_task(name);
			KUNIT_EXPECT_NOT_NULL_MSG(test, t, "no %s", name);
			if (!t)
				continue;
			KUNIT_EXPECT_TRUE(test, cpumask_equal(&t->cpus_mask, cpumask_of(cpu)));
			KUNIT_EXPECT_EQ_MSG(test, task_cpu(t), cpu, "%s", name);
		}
	}
}

/* ---- busy CPUs balance ------------------------------------------------------------- */

#define CROWD_THREADS	5	/* movable, all started on CPU 0 */
#define CROWD_MS	3000	/* at most, under a loaded TCG host */

/* Busy on CPU @cpu only, until stopped. */
static int anchor_fn(void *data)
{
	while (!kthread_should_stop())
		cpu_relax();
	return 0;
}

/*
 * CPUs 1..N-1 each run a busy thread bound to it (so none is idle and
 * idle pulls never happen); CROWD_THREADS busy threads start on CPU 0.
 * Once they may go anywhere, the busy CPUs' periodic balance must take
 * some of them: they are seen running on other CPUs than 0.
 */
static void busy_cpus_take_from_crowded_one(struct kunit *test)
{
	struct task_struct *anchors[NR_CPUS], *crowd[CROWD_THREADS];
	unsigned int n = num_online_cpus(), i, cpu;
	struct spread s = {};
	unsigned long others;

	NEED_TWO_CPUS(test);
	for (cpu = 1; cpu < n; cpu++)
		anchors[cpu] = ctx_thread_run_on(test, anchor_fn, NULL, "anchor", cpu);
	for (i = 0; i < CROWD_THREADS; i++)
		crowd[i] = ctx_thread_run_on(test, spread_fn, &s, "crowd", 0);
	msleep(50);
	__atomic_store_n(&s.ran_on, 0, __ATOMIC_RELAXED);
	for (i = 0; i < CROWD_THREADS; i++)
		set_cpus_allowed_ptr(crowd[i], cpu_online_mask);
	ctx_wait_until(__atomic_load_n(&s.ran_on, __ATOMIC_RELAXED) & ~1UL, CROWD_MS);
	others = __atomic_load_n(&s.ran_on, __ATOMIC_RELAXED) & ~1UL;
	for (i = 0; i < CROWD_THREADS; i++)
		kthread_stop(crowd[i]);
	for (cpu = 1; cpu < n; cpu++)
		kthread_stop(anchors[cpu]);
	kunit_info(test, "%d threads started on CPU 0 later ran on CPUs %#lx too",
		   CROWD_THREADS, others);
	KUNIT_EXPECT_NE(test, others, 0UL);
}

/* ---- timers, tasklets and work from CPU 1 -------------------------------------------- */

struct on_cpu1 {
	struct timer_list timer;
	struct tasklet_struct tasklet;
	struct work_struct work;
	bool timer_fired, tasklet_ran, work_ran;
	unsigned int timer_cpu, tasklet_cpu, work_cpu;
	char work_comm[TASK_COMM_LEN];
};

static void cpu1_timer_fn(struct timer_list *t)
{
	struct on_cpu1 *o = container_of(t, struct on_cpu1, timer);

	o->timer_cpu = raw_smp_processor_id();
	WRITE_ONCE(o->timer_fired, true);
}

static void cpu1_tasklet_fn(struct tasklet_struct *t)
{
	struct on_cpu1 *o = container_of(t, struct on_cpu1, tasklet);

	o->tasklet_cpu = raw_smp_processor_id();
	WRITE_ONCE(o->tasklet_ran, true);
}

static void cpu1_work_fn(struct work_struct *w)
{
	struct on_cpu1 *o = container_of(w, struct on_cpu1, work);

	o->work_cpu = raw_smp_processor_id();
	strscpy(o->work_comm, current->comm, sizeof(o->work_comm));
	WRITE_ONCE(o->work_ran, true);
}

/* In a thread bound to CPU 1: arm the timer, schedule the tasklet and the work. */
static int cpu1_arm_fn(void *data)
{
	struct on_cpu1 *o = data;

	mod_timer(&o->timer, jiffies + 2);
	tasklet_schedule(&o->tasklet);
	schedule_work(&o->work);
	return 0;
}

/*
 * A timer armed on CPU 1 fires there (each CPU has its timer base), a
 * tasklet scheduled there runs there, and a work item queued there runs
 * in kworker/1:0.
 */
static void timer_tasklet_work_from_cpu1(struct kunit *test)
{
	struct on_cpu1 *o;
	struct task_struct *t;

	NEED_TWO_CPUS(test);
	o = kunit_kzalloc(test, sizeof(*o), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, o);
	timer_setup(&o->timer, cpu1_timer_fn, 0);
	tasklet_setup(&o->tasklet, cpu1_tasklet_fn);
	INIT_WORK(&o->work, cpu1_work_fn);
	t = ctx_thread_run_on(test, cpu1_arm_fn, o, "sched_smp_arm", 1);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(o->timer_fired) &&
					       READ_ONCE(o->tasklet_ran) &&
					       READ_ONCE(o->work_ran), 2000));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	del_timer_sync(&o->timer);
	tasklet_kill(&o->tasklet);
	cancel_work_sync(&o->work);
	KUNIT_EXPECT_TRUE(test, o->timer_fired);
	KUNIT_EXPECT_EQ(test, o->timer_cpu, 1U);
	KUNIT_EXPECT_TRUE(test, o->tasklet_ran);
	KUNIT_EXPECT_EQ(test, o->tasklet_cpu, 1U);
	KUNIT_EXPECT_TRUE(test, o->work_ran);
	KUNIT_EXPECT_EQ(test, o->work_cpu, 1U);
	KUNIT_EXPECT_STREQ(test, o->work_comm, "kworker/1:0");
}

/* ---- timer bases ------------------------------------------------------------------ */

struct timer_probe {
	struct timer_list timer;
	int cpu, fired;
	bool slow;			/* spin 100 ms in the function */
	int in, out;
};

static void probe_timer_fn(struct timer_list *t)
{
	struct timer_probe *p = from_timer(p, t, timer);
	u64 end;

	WRITE_ONCE(p->cpu, raw_smp_processor_id());
	if (p->slow) {
		WRITE_ONCE(p->in, 1);
		end = local_clock() + 100000000ULL;
		while (local_clock() < end)
			cpu_relax();
		WRITE_ONCE(p->out, 1);
	}
	__atomic_add_fetch(&p->fired, 1, __ATOMIC_RELEASE);
}

/*
 * add_timer_on() runs the function on the CPU given, and mod_timer()
 * from elsewhere keeps a pinned timer there; an unpinned timer moves to
 * the CPU that re-arms it.
 */
static void timers_run_where_armed_or_pinned(struct kunit *test)
{
	struct timer_probe *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	unsigned int last = num_online_cpus() - 1;

	NEED_TWO_CPUS(test);
	KUNIT_ASSERT_NOT_NULL(test, p);
	timer_setup(&p->timer, probe_timer_fn, 0);
	p->timer.expires = jiffies + 1;
	add_timer_on(&p->timer, last);
	KUNIT_ASSERT_TRUE(test, ctx_wait_until(READ_ONCE(p->fired) == 1, 2000));
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->cpu), (int)last);
	/* re-armed from CPU 0: still pinned to the last CPU */
	mod_timer(&p->timer, jiffies + 1);
	KUNIT_ASSERT_TRUE(test, ctx_wait_until(READ_ONCE(p->fired) == 2, 2000));
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->cpu), (int)last);
	del_timer_sync(&p->timer);

	/* not pinned: armed from CPU 0, it runs on CPU 0 */
	ctx_pin_to_cpu(0);
	timer_setup(&p->timer, probe_timer_fn, 0);
	mod_timer(&p->timer, jiffies + 1);
	KUNIT_ASSERT_TRUE(test, ctx_wait_until(READ_ONCE(p->fired) == 3, 2000));
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->cpu), 0);
	del_timer_sync(&p->timer);
}

/*
 * del_timer_sync() on CPU 0 waits for the function running on CPU 1's
 * base to return: after it, the function is out, never half-way.
 */
static void del_timer_sync_waits_for_other_cpu(struct kunit *test)
{
	struct timer_probe *p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);

	NEED_TWO_CPUS(test);
	KUNIT_ASSERT_NOT_NULL(test, p);
	p->slow = true;
	timer_setup(&p->timer, probe_timer_fn, 0);
	p->timer.expires = jiffies + 1;
	add_timer_on(&p->timer, 1);
	KUNIT_ASSERT_TRUE(test, ctx_wait_until(READ_ONCE(p->in), 2000));
	del_timer_sync(&p->timer);
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->out), 1);
	KUNIT_EXPECT_EQ(test, READ_ONCE(p->cpu), 1);
	KUNIT_EXPECT_FALSE(test, timer_pending(&p->timer));
}

/* On CPU 0, in the call-function interrupt: no tick there for 300 ms. */
static void stall_cpu0(void *info)
{
	u64 end = local_clock() + 300000000ULL;

	WRITE_ONCE(*(int *)info, 1);
	while (local_clock() < end)
		cpu_relax();
}

/*
 * jiffies is CPU 0's to advance; while CPU 0 takes no interrupt (here: an
 * IPI callback spinning 300 ms; under a loaded host: its vCPU not run),
 * another CPU's tick catches it up with the clock.  Measured on CPU 1
 * over 200 ms of the stall: about 20 jiffies, not 0.
 */
static void jiffies_advance_while_cpu0_stalls(struct kunit *test)
{
	unsigned long j0, dj;
	int started = 0;

	NEED_TWO_CPUS(test);
	ctx_pin_to_cpu(1);
	KUNIT_ASSERT_EQ(test, smp_call_function_single(0, stall_cpu0, &started, 0), 0);
	while (!READ_ONCE(started))
		cpu_relax();
	j0 = jiffies;
	mdelay(200);
	dj = jiffies - j0;
	kunit_info(test, "CPU 0 stalled: jiffies advanced %lu in 200 ms", dj);
	KUNIT_EXPECT_GE(test, dj, 200UL * HZ / 1000 / 2);
	msleep(150);		/* the stall is over */
}

#define TIMER_RACE_MS	500

struct timer_race {
	struct timer_list timer;
	int fired, stop, done, moves;
};

static void race_timer_fn(struct timer_list *t)
{
	struct timer_race *r = from_timer(r, t, timer);

	__atomic_add_fetch(&r->fired, 1, __ATOMIC_RELAXED);
	if (!READ_ONCE(r->stop))
		mod_timer(t, jiffies + 1);	/* re-arms itself on its base */
}

/*
 * Each CPU, for TIMER_RACE_MS, in rounds: a burst of moves of the timer
 * to itself (due at once) with now and then a delete, then a wait of up
 * to 3 ticks for it to fire (the next burst may catch it running).
 */
static int timer_race_fn(void *data)
{
	struct timer_race *r = data;
	u64 end = local_clock() + TIMER_RACE_MS * 1000000ULL;
	unsigned int cpu = raw_smp_processor_id(), round, i;
	unsigned long wait_end;
	int fired;

	for (round = 0; local_clock() < end && !READ_ONCE(r->stop); round++) {
		fired = READ_ONCE(r->fired);
		for (i = 0; i < 8; i++) {
			mod_timer(&r->timer, jiffies);
			if (i == 3 && (round & 3) == cpu % 4)
				del_timer(&r->timer);
			udelay(5 + 7 * cpu);
		}
		__atomic_add_fetch(&r->moves, 8, __ATOMIC_RELAXED);
		wait_end = jiffies + 3;
		while (READ_ONCE(r->fired) == fired && time_before(jiffies, wait_end))
			cpu_relax();
	}
	__atomic_add_fetch(&r->done, 1, __ATOMIC_RELEASE);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

/*
 * One timer, re-arming itself, moved and deleted by a thread on every
 * CPU at once: its bases' lists stay sound (the timer is on one list at
 * most: del_timer_sync() then finds it on none and the function does not
 * run again).
 */
static void one_timer_moved_by_every_cpu(struct kunit *test)
{
	struct timer_race *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	unsigned int n = num_online_cpus(), cpu;
	struct task_struct *t[NR_CPUS];
	int fired;

	NEED_TWO_CPUS(test);
	KUNIT_ASSERT_NOT_NULL(test, r);
	timer_setup(&r->timer, race_timer_fn, 0);
	for (cpu = 0; cpu < n; cpu++)
		t[cpu] = ctx_thread_run_on(test, timer_race_fn, r, "timer_race", cpu);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(__atomic_load_n(&r->done, __ATOMIC_ACQUIRE) ==
					       (int)n, 60000));
	WRITE_ONCE(r->stop, 1);
	del_timer_sync(&r->timer);
	for (cpu = 0; cpu < n; cpu++)
		kthread_stop(t[cpu]);
	KUNIT_EXPECT_FALSE(test, timer_pending(&r->timer));
	KUNIT_EXPECT_TRUE(test, list_empty(&r->timer.entry));
	fired = READ_ONCE(r->fired);
	msleep(30);
	KUNIT_EXPECT_EQ(test, READ_ONCE(r->fired), fired);
	kunit_info(test, "%u CPUs, %d moves: the function ran %d times", n,
		   READ_ONCE(r->moves), fired);
	KUNIT_EXPECT_GT(test, fired, 10);
}

static struct kunit_case sched_smp_test_cases[] = {
	KUNIT_CASE(busy_threads_spread_over_all_cpus),
	KUNIT_CASE(wake_up_across_cpus),
	KUNIT_CASE(kthread_bind_keeps_task_on_its_cpu),
	KUNIT_CASE(set_cpus_allowed_moves_the_caller),
	KUNIT_CASE(busy_cpus_take_from_crowded_one),
	KUNIT_CASE(per_cpu_threads_exist),
	KUNIT_CASE(timer_tasklet_work_from_cpu1),
	KUNIT_CASE(timers_run_where_armed_or_pinned),
	KUNIT_CASE(del_timer_sync_waits_for_other_cpu),
	KUNIT_CASE(one_timer_moved_by_every_cpu),
	KUNIT_CASE(jiffies_advance_while_cpu0_stalls),
	{}
};

static struct kunit_suite sched_smp_test_suite = {
	.name = "sched_smp",
	.test_cases = sched_smp_test_cases,
};
kunit_test_suite(sched_smp_test_suite);
