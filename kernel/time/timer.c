// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/timer.c - jiffies, kernel timers, sleeping for a while.
 *
 * The local APIC timer interrupts HZ times a second (arch/x86_64/apic.c)
 * and calls tick_periodic(): jiffies goes up by one, the running task's
 * time slice goes down by one, and if the earliest timer is due,
 * TIMER_SOFTIRQ is raised.  The softirq then runs every due timer's
 * function, in softirq context.
 *
 * Pending timers are kept in one list sorted by expiry: adding is a walk
 * of the list, the tick looks only at the head.  (Linux uses a timer
 * wheel, which adds in constant time; with the few dozen timers a
 * teaching kernel has, the list is the clearer choice.)
 *
 * Many CPUs: one timer base, under timer_lock (taken with interrupts
 * off); any CPU may add, change or delete a timer.  The base is served
 * by CPU 0, whose tick raises TIMER_SOFTIRQ, so every timer function
 * runs on CPU 0, one at a time (running_timer).  timer_lock is taken
 * inside no other lock but may have wake_up_process()'s run queue lock
 * taken inside it: a timer function runs with it released.
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
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <asm/processor.h>

volatile unsigned long jiffies;
EXPORT_SYMBOL(jiffies);
static LIST_HEAD(timer_list_head);
static DEFINE_SPINLOCK(timer_lock);
static struct timer_list *running_timer;
extern unsigned long tsc_khz;

/**
 * timer_setup - prepare a timer
 * @timer: the timer
 * @func: called at expiry, in softirq context
 * @flags: unused here (0)
 *
 * Context: Any context.
 */
void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
	timer->pending = false;
}
EXPORT_SYMBOL(timer_setup);

/* Insert, keeping the list sorted by expiry; timer_lock held. */
static void enqueue_timer(struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &timer_list_head, entry) {
		if (time_before(timer->expires, t->expires)) {
			list_add_tail(&timer->entry, &t->entry);
			timer->pending = true;
			return;
		}
	}
	list_add_tail(&timer->entry, &timer_list_head);
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

/**
 * mod_timer - (re)arm a timer for jiffy @expires
 * @timer: set up with timer_setup()
 * @expires: absolute time in jiffies
 *
 * Return: 1 if the timer was pending before, 0 if not.
 * Context: Any context.
 */
int mod_timer(struct timer_list *timer, unsigned long expires)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&timer_lock, flags);
	ret = detach_timer(timer);
	timer->expires = expires;
	enqueue_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
	return ret;
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
 * del_timer - deactivate a timer
 * @timer: the timer
 *
 * Return: 1 if it was pending.
 * Context: Any context.  The function may still be running elsewhere:
 * use del_timer_sync() before freeing what it touches.
 */
int del_timer(struct timer_list *timer)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&timer_lock, flags);
	ret = detach_timer(timer);
	spin_unlock_irqrestore(&timer_lock, flags);
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
	int ret;

	for (;;) {
		ret = del_timer(timer);
		if (READ_ONCE(running_timer) != timer)
			return ret;
		cpu_relax();
	}
}
EXPORT_SYMBOL(del_timer_sync);

/* TIMER_SOFTIRQ: run every due timer. */
static void run_timer_softirq(struct softirq_action *h)
{
	unsigned long flags;

	spin_lock_irqsave(&timer_lock, flags);
	while (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head,
							struct timer_list, entry);

		if (time_before(jiffies, t->expires))
			break;
		detach_timer(t);
		WRITE_ONCE(running_timer, t);
		spin_unlock_irqrestore(&timer_lock, flags);
		t->function(t);
		spin_lock_irqsave(&timer_lock, flags);
		WRITE_ONCE(running_timer, NULL);
	}
	spin_unlock_irqrestore(&timer_lock, flags);
}

/**
 * tick_periodic - the timer interrupt's work
 *
 * Context: Hard interrupt.
 */
void tick_periodic(void)
{
	jiffies++;
	scheduler_tick();
	spin_lock(&timer_lock);
	if (!list_empty(&timer_list_head)) {
		struct timer_list *t = list_first_entry(&timer_list_head,
							struct timer_list, entry);

		if (time_after_eq(jiffies, t->expires))
			raise_softirq_irqoff(TIMER_SOFTIRQ);
	}
	spin_unlock(&timer_lock);
}

void init_timers(void)
{
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
