// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/workqueue.c - deferred work in process context.
 *
 * One queue, the system workqueue, and one thread that runs it,
 * "kworker/0:0".  schedule_work() adds a work item (once: a pending item
 * is not added again) and wakes the worker; the worker runs the items in
 * order, in process context, where they may sleep, take mutexes and
 * allocate with GFP_KERNEL.  That is the difference from a tasklet.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

static LIST_HEAD(worklist);
static DECLARE_WAIT_QUEUE_HEAD(worker_wait);	/* the worker sleeps here */
static DECLARE_WAIT_QUEUE_HEAD(flush_wait);	/* flushers sleep here */
static struct task_struct *kworker;
static struct work_struct *current_work;

/**
 * schedule_work - run @work in the kworker thread
 * @work: set up with INIT_WORK()
 *
 * Return: false if it was already pending.
 * Context: Any context.
 */
bool schedule_work(struct work_struct *work)
{
	unsigned long flags;

	local_irq_save(flags);
	if (work->pending) {
		local_irq_restore(flags);
		return false;
	}
	work->pending = true;
	list_add_tail(&work->entry, &worklist);
	local_irq_restore(flags);
	wake_up(&worker_wait);
	return true;
}
EXPORT_SYMBOL(schedule_work);

static int worker_thread(void *unused)
{
	unsigned long flags;

	while (!kthread_should_stop()) {
		struct work_struct *work;

		wait_event_interruptible(worker_wait, !list_empty(&worklist) ||
					 kthread_should_stop());
		local_irq_save(flags);
		if (list_empty(&worklist)) {
			local_irq_restore(flags);
			continue;
		}
		work = list_first_entry(&worklist, struct work_struct, entry);
		list_del_init(&work->entry);
		work->pending = false;
		work->running = true;
		current_work = work;
		local_irq_restore(flags);

		work->func(work);

		local_irq_save(flags);
		current_work = NULL;
		work->running = false;
		local_irq_restore(flags);
		wake_up_all(&flush_wait);
		WARN_ONCE(preempt_count(), "work %ps left preempt_count %#x\n",
			  work->func, preempt_count());
	}
	return 0;
}

static bool work_busy(struct work_struct *work)
{
	return READ_ONCE(work->pending) || READ_ONCE(work->running);
}

/**
 * flush_work - wait until @work has finished running
 * @work: the work
 *
 * Return: true if it was pending or running.
 * Context: Process context (sleeps).
 */
bool flush_work(struct work_struct *work)
{
	bool busy = work_busy(work);

	might_sleep();
	if (WARN_ON(current == kworker && work->running))
		return busy;	/* a work waiting for itself: deadlock */
	wait_event(flush_wait, !work_busy(work));
	return busy;
}
EXPORT_SYMBOL(flush_work);

/**
 * cancel_work_sync - take @work off the queue, or wait until it has run
 * @work: the work
 *
 * Return: true if it was pending.
 * Context: Process context (sleeps).
 */
bool cancel_work_sync(struct work_struct *work)
{
	unsigned long flags;
	bool was_pending;

	might_sleep();
	local_irq_save(flags);
	was_pending = work->pending;
	if (was_pending) {
		list_del_init(&work->entry);
		work->pending = false;
	}
	local_irq_restore(flags);
	wait_event(flush_wait, !READ_ONCE(work->running));
	return was_pending;
}
EXPORT_SYMBOL(cancel_work_sync);

/**
 * flush_scheduled_work - wait until the system workqueue is empty and idle
 *
 * Context: Process context (sleeps).
 */
void flush_scheduled_work(void)
{
	might_sleep();
	wait_event(flush_wait, list_empty(&worklist) && !READ_ONCE(current_work));
}
EXPORT_SYMBOL(flush_scheduled_work);

/**
 * workqueue_init - start the kworker thread
 *
 * Context: Boot, once the scheduler runs.
 */
void workqueue_init(void)
{
	kworker = kthread_run(worker_thread, NULL, "kworker/0:0");
	if (IS_ERR(kworker))
		panic("cannot start kworker");
}
