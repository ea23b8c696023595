// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/timer.c - jiffies, kernel timers, sleeping for a while.
 *
 * The local APIC timer interrupts HZ times a second (arch/x86_64/apic.c)
 * and calls tick_periodic(): jiffies goes up by one (by more if ticks
 * were lost: it follows the clock), the running task's time slice goes
 * down by one, and if the earliest timer is due, TIMER_SOFTIRQ is raised.  The softirq then runs every due timer's
 * function, in softirq context.
 *
 * Pending timers are kept in lists sorted by expiry: adding is a walk
 * of the list, the tick looks only at the head.  (Linux uses a timer
 * wheel, which adds in constant time; with the few dozen timers a
 * teaching kernel has, the list is the clearer choice.)
 *
 * Many CPUs: as in Linux, each CPU has its own timer base (a list, its
 * lock, the timer running now).  mod_timer() queues a timer on the base
 * of the CPU it is called on, so its function runs there, in that CPU's
 * TIMER_SOFTIRQ: the CPU that armed a timer usually has the data it
 * touches in its cache.  add_timer_on() puts a timer on a given CPU and
 * keeps it there (TIMER_PINNED).  Two exceptions keep the rules simple:
 * a timer whose function is running stays on that base (del_timer_sync()
 * waits for the function on the timer's base), and a pinned timer stays
 * where it was put.  The timer's base is the CPU number in the low bits
 * of timer->flags; while mod_timer() moves it between bases it carries
 * TIMER_MIGRATING, and lock_timer_base() waits that out.  jiffies goes up
 * on CPU 0's tick (another CPU's tick catches it up if CPU 0 is not run);
 * every CPU's tick checks its own base.
 *
 * Lock order: a base's lock is taken with interrupts off, inside no
 * other lock, never two at once; wake_up_process()'s run queue lock may
 * be taken inside it.  A timer function runs with it released.
 *
 * schedule_timeout() is a timer whose function wakes the sleeping task;
 * msleep() is schedule_timeout() in a loop.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/delay.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <asm/processor.h>

volatile unsigned long jiffies;
EXPORT_SYMBOL(jiffies);
static u64 jiffies_base_ns;	/* local_clock() at jiffies 0 */
static bool jiffies_in_phase;	/* base moved to CPU 0's tick phase */
extern unsigned long tsc_khz;

struct timer_base {
	spinlock_t lock;
	struct list_head pending;	/* sorted by expiry */
	struct timer_list *running_timer;
	unsigned long expired;		/* functions run here (the shell's cpus) */
} ____cacheline_aligned;

static struct timer_base timer_bases[NR_CPUS];

static inline unsigned int timer_cpu(const struct timer_list *timer)
{
	return READ_ONCE(timer->flags) & TIMER_CPUMASK;
}

/**
 * timer_setup - prepare a timer
 * @timer: the timer
 * @func: called at expiry, in softirq context
 * @flags: 0 or TIMER_PINNED
 *
 * The timer belongs to this CPU's base until it is first armed.
 *
 * Context: Any context.
 */
void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = (flags & ~(TIMER_CPUMASK | TIMER_MIGRATING)) |
		       raw_smp_processor_id();
	timer->expires = 0;
	timer->pending = false;
}
EXPORT_SYMBOL(timer_setup);

/*
 * Lock the base @timer is on and return it (interrupts off, *flags the
 * state to restore).  The timer may move meanwhile: check after locking,
 * and wait while it is being moved.
 */
static struct timer_base *lock_timer_base(struct timer_list *timer,
					  unsigned long *flags)
{
	for (;;) {
		unsigned int tf = READ_ONCE(timer->flags);
		struct timer_base *base = &timer_bases[tf & TIMER_CPUMASK];

		if (!(tf & TIMER_MIGRATING)) {
			spin_lock_irqsave(&base->lock, *flags);
			if (READ_ONCE(timer->flags) == tf)
				return base;
			spin_unlock_irqrestore(&base->lock, *flags);
		}
		cpu_relax();
	}
}

/* Insert, keeping the list sorted by expiry; the base's lock held. */
static void enqueue_timer(struct timer_base *base, struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &base->pending, entry) {
		if (time_before(timer->expires, t->expires)) {
			list_add_tail(&timer->entry, &t->entry);
			timer->pending = true;
			return;
		}
	}
	list_add_tail(&timer->entry, &base->pending);
	timer->pending = true;
}

static int detach_timer(struct timer_list *timer)
{
	if (!timer->pending)
		return 0;
	list_del_init(&timer->entry);
	timer->pending = false;
	return 1;
}

/*
 * Arm @timer for @expires on CPU @cpu's base (-1: this CPU's, unless it
 * must stay where it is: pinned, or its function running).
 */
static int __mod_timer(struct timer_list *timer, unsigned long expires, int cpu)
{
	struct timer_base *base, *new_base;
	unsigned long flags;
	int ret;

	base = lock_timer_base(timer, &flags);
	ret = detach_timer(timer);
	if (cpu >= 0)
		timer->flags |= TIMER_PINNED;
	else if (timer->flags & TIMER_PINNED)
		cpu = timer_cpu(timer);
	else
		cpu = raw_smp_processor_id();	/* interrupts are off */
	new_base = &timer_bases[cpu];
	if (new_base != base && base->running_timer != timer) {
		/* move it: lock_timer_base() waits while it is between bases */
		WRITE_ONCE(timer->flags, timer->flags | TIMER_MIGRATING);
		spin_unlock(&base->lock);
		base = new_base;
		spin_lock(&base->lock);
		WRITE_ONCE(timer->flags, (timer->flags & ~(TIMER_CPUMASK | TIMER_MIGRATING)) |
					 cpu);
	}
	timer->expires = expires;
	enqueue_timer(base, timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}

/**
 * mod_timer - (re)arm a timer for jiffy @expires
 * @timer: set up with timer_setup()
 * @expires: absolute time in jiffies
 *
 * The timer's function will run on this CPU (unless the timer is pinned,
 * or its function is running now: then on the CPU it was on).
 *
 * Return: 1 if the timer was pending before, 0 if not.
 * Context: Any context.
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return __mod_timer(timer, expires, -1);
}
EXPORT_SYMBOL(mod_timer);

/**
 * add_timer - start a timer at timer->expires
 * @timer: the timer
 *
 * Context: Any context.
 */
void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

/**
 * add_timer_on - start a timer at timer->expires on CPU @cpu
 * @timer: the timer
 * @cpu: an online CPU
 *
 * The timer is pinned there: mod_timer() keeps it on @cpu afterwards.
 *
 * Context: Any context.
 */
void add_timer_on(struct timer_list *timer, int cpu)
{
	if (WARN_ON_ONCE(cpu < 0 || cpu >= (int)NR_CPUS || !cpu_online(cpu)))
		cpu = raw_smp_processor_id();
	__mod_timer(timer, timer->expires, cpu);
}
EXPORT_SYMBOL(add_timer_on);

/**
 * del_timer - deactivate a timer
 * @timer: the timer
 *
 * Return: 1 if it was pending.
 * Context: Any context.  The function may still be running elsewhere:
 * use del_timer_sync() before freeing what it touches.
 */
int del_timer(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	int ret;

	base = lock_timer_base(timer, &flags);
	ret = detach_timer(timer);
	spin_unlock_irqrestore(&base->lock, flags);
	return ret;
}
EXPORT_SYMBOL(del_timer);

/**
 * del_timer_sync - deactivate a timer and wait for its function to finish
 * @timer: the timer
 *
 * Return: 1 if it was pending.
 * Context: Process context, or any context that is not the timer's own
 * function.
 */
int del_timer_sync(struct timer_list *timer)
{
	struct timer_base *base;
	unsigned long flags;
	bool running;
	int ret;

	for (;;) {
		base = lock_timer_base(timer, &flags);
		ret = detach_timer(timer);
		running = base->running_timer == timer;
		spin_unlock_irqrestore(&base->lock, flags);
		if (!running)
			return ret;
		cpu_relax();
	}
}
EXPORT_SYMBOL(del_timer_sync);

/* TIMER_SOFTIRQ: run every due timer of this CPU's base. */
static void run_timer_softirq(struct softirq_action *h)
{
	struct timer_base *base = &timer_bases[raw_smp_processor_id()];
	unsigned long flags;

	spin_lock_irqsave(&base->lock, flags);
	while (!list_empty(&base->pending)) {
		struct timer_list *t = list_first_entry(&base->pending,
							struct timer_list, entry);

		if (time_before(jiffies, t->expires))
			break;
		detach_timer(t);
		base->running_timer = t;
		base->expired++;
		spin_unlock_irqrestore(&base->lock, flags);
		t->function(t);
		spin_lock_irqsave(&base->lock, flags);
		base->running_timer = NULL;
	}
	spin_unlock_irqrestore(&base->lock, flags);
}

/**
 * timer_base_stats - a CPU's timer base, for the shell's "cpus"
 * @cpu: the CPU
 * @pending: timers waiting there
 * @expired: timer functions run there since boot
 *
 * Context: Any context.
 */
void timer_base_stats(unsigned int cpu, unsigned int *pending,
		      unsigned long *expired)
{
	struct timer_base *base = &timer_bases[cpu];
	struct list_head *l;
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&base->lock, flags);
	list_for_each(l, &base->pending)
		n++;
	*expired = base->expired;
	spin_unlock_irqrestore(&base->lock, flags);
	*pending = n;
}

/**
 * run_local_timers - this CPU's share of the tick
 *
 * Raises TIMER_SOFTIRQ if the earliest timer of this CPU's base is due.
 *
 * Context: Hard interrupt (the local APIC timer).
 */
void run_local_timers(void)
{
	struct timer_base *base = &timer_bases[raw_smp_processor_id()];
	bool due = false;

	spin_lock(&base->lock);
	if (!list_empty(&base->pending)) {
		struct timer_list *t = list_first_entry(&base->pending,
							struct timer_list, entry);

		due = time_after_eq(jiffies, t->expires);
	}
	spin_unlock(&base->lock);
	if (due)
		raise_softirq_irqoff(TIMER_SOFTIRQ);
}

/*
 * jiffies counts the ticks there have been by the clock (the TSC), as
 * Linux's tick_do_update_jiffies64() does: usually one more at each of
 * CPU 0's ticks, but several if ticks were lost.  A tick is lost when
 * the emulator runs the vCPU late and the local APIC merges two periods
 * into one interrupt, or when CPU 0's vCPU is not run at all for a while
 * (4 vCPUs on 2 host cores); then another CPU's tick catches jiffies up.
 *
 * The count is taken from jiffies_base_ns, set by init_timers() and moved
 * at CPU 0's first tick so that CPU 0's ticks fall in the middle of their
 * tick period: a tick a little early or late (under half a period) still
 * counts exactly one.
 * The other CPUs only catch up when jiffies is more than a tick behind,
 * so they never run it ahead of CPU 0's own pace.  A cmpxchg, because
 * every CPU may try at once; jiffies never goes back.
 */
#define TICK_NS		(NSEC_PER_SEC / HZ)

static void advance_jiffies(unsigned long to)
{
	unsigned long cur = READ_ONCE(jiffies);

	while (time_after(to, cur) &&
	       !__atomic_compare_exchange_n(&jiffies, &cur, to, false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
}

/**
 * tick_periodic - the timer interrupt's work on CPU 0
 *
 * jiffies catches up with the clock, then the work every CPU's tick does.
 *
 * Context: Hard interrupt, CPU 0.
 */
void tick_periodic(void)
{
	u64 now = local_clock();

	if (unlikely(!jiffies_in_phase)) {
		/* the first tick: the whole ticks since init_timers(), at least one */
		unsigned long k = max((now - jiffies_base_ns) / TICK_NS, (u64)jiffies + 1);

		WRITE_ONCE(jiffies_base_ns, now - (u64)k * TICK_NS);
		jiffies_in_phase = true;
	}
	advance_jiffies((now - jiffies_base_ns + TICK_NS / 2) / TICK_NS);
	scheduler_tick();
	run_local_timers();
}

/**
 * tick_secondary - the timer interrupt's work on the other CPUs
 *
 * jiffies is CPU 0's to advance, but a CPU that sees it behind the clock
 * (CPU 0 not run) catches it up; then this CPU's slice and timer base.
 *
 * Context: Hard interrupt.
 */
void tick_secondary(void)
{
	unsigned long due = (local_clock() - READ_ONCE(jiffies_base_ns)) / TICK_NS;

	if (time_after(due, READ_ONCE(jiffies) + 1))
		advance_jiffies(due);
	scheduler_tick();
	run_local_timers();
}

void init_timers(void)
{
	unsigned int cpu;

	jiffies_base_ns = local_clock() - (u64)jiffies * TICK_NS;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		spin_lock_init(&timer_bases[cpu].lock);
		INIT_LIST_HEAD(&timer_bases[cpu].pending);
	}
	open_softirq(TIMER_SOFTIRQ, run_timer_softirq);
}

/* ---- sleeping ------------------------------------------------------------------ */

struct process_timer {
	struct timer_list timer;
	struct task_struct *task;
};

static void process_timeout(struct timer_list *t)
{
	struct process_timer *timeout = from_timer(timeout, t, timer);

	wake_up_process(timeout->task);
}

/**
 * schedule_timeout - sleep until woken or @timeout jiffies have passed
 * @timeout: jiffies, or MAX_SCHEDULE_TIMEOUT for no limit
 *
 * Set the task state first (TASK_UNINTERRUPTIBLE ...), as for schedule().
 *
 * Return: the jiffies left (0 when the time ran out).
 * Context: Process context (sleeps).
 */
long schedule_timeout(long timeout)
{
	struct process_timer timer;
	unsigned long expire;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		schedule();
		return timeout;
	}
	if (timeout < 0) {
		__set_current_state(TASK_RUNNING);
		return 0;
	}
	if (unlikely(preempt_count())) {
		/*
		 * Atomic: schedule() reports "scheduling while atomic" and
		 * returns at once, and with interrupts off (a hard interrupt,
		 * spin_lock_irq) jiffies never move.  Wait the time out on the
		 * clock instead, so the caller goes on after one report.
		 */
		schedule();
		udelay(jiffies_to_msecs(timeout) * 1000UL);
		return 0;
	}
	/*
	 * Count from the clock, not from a jiffies that lags it (CPU 0's
	 * tick late, not yet caught up): a sleep from a lagging start would
	 * end early once jiffies catches up (msleep(50) measured 45 ms).
	 */
	advance_jiffies((local_clock() - READ_ONCE(jiffies_base_ns)) / TICK_NS);
	expire = jiffies + timeout;
	timer.task = current;
	timer_setup(&timer.timer, process_timeout, 0);
	mod_timer(&timer.timer, expire);
	schedule();
	del_timer_sync(&timer.timer);
	timeout = (long)(expire - jiffies);
	return timeout < 0 ? 0 : timeout;
}
EXPORT_SYMBOL(schedule_timeout);

/**
 * schedule_timeout_uninterruptible - sleep @timeout jiffies (uninterruptible)
 * @timeout: jiffies
 *
 * Context: Process context (sleeps).
 */
long schedule_timeout_uninterruptible(long timeout)
{
	__set_current_state(TASK_UNINTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

/**
 * schedule_timeout_interruptible - sleep @timeout jiffies (interruptible)
 * @timeout: jiffies
 *
 * Context: Process context (sleeps).
 */
long schedule_timeout_interruptible(long timeout)
{
	__set_current_state(TASK_INTERRUPTIBLE);
	return schedule_timeout(timeout);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

/**
 * msleep - sleep for at least @msecs milliseconds
 * @msecs: milliseconds
 *
 * Context: Process context (sleeps).
 */
void msleep(unsigned int msecs)
{
	unsigned long timeout = msecs_to_jiffies(msecs) + 1;

	might_sleep();
	while (timeout)
		timeout = schedule_timeout_uninterruptible(timeout);
}
EXPORT_SYMBOL(msleep);

/**
 * udelay - busy-wait @usecs microseconds
 * @usecs: microseconds
 *
 * Context: Any context (it does not sleep; it burns the CPU).
 */
void udelay(unsigned long usecs)
{
	u64 end = local_clock() + (u64)usecs * 1000;

	while (local_clock() < end)
		cpu_relax();
}
EXPORT_SYMBOL(udelay);

/**
 * ndelay - busy-wait @nsecs nanoseconds
 * @nsecs: nanoseconds
 *
 * Context: Any context (does not sleep).
 */
void ndelay(unsigned long nsecs)
{
	u64 end = local_clock() + nsecs;

	while (local_clock() < end)
		cpu_relax();
}
EXPORT_SYMBOL(ndelay);
