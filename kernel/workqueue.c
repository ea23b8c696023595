// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/workqueue.c - deferred work in process context.
 *
 * The system workqueue: a pool per CPU, each a list of work items and
 * one thread bound to that CPU that runs them, "kworker/N:0" as Linux
 * names it.  schedule_work() adds a work item (once: a pending item is
 * not added again) to the pool of the CPU it is called on and wakes that
 * pool's worker; the worker runs the items in order, in process context,
 * where they may sleep, take mutexes and allocate with GFP_KERNEL.  That
 * is the difference from a tasklet.
 *
 * Many CPUs: wq_lock (interrupts off) guards every pool's list and every
 * item's pending/running/cpu; the run queue lock may be taken inside it,
 * nothing else.  An item queued again while it runs goes to the pool it
 * runs in, so it never runs on two CPUs at once (Linux's non-reentrance).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

struct worker_pool {
	struct list_head worklist;
	wait_queue_head_t wait;		/* its worker sleeps here */
	struct task_struct *worker;
	struct work_struct *current_work;
};

static struct worker_pool pools[NR_CPUS];
static DEFINE_SPINLOCK(wq_lock);
static DECLARE_WAIT_QUEUE_HEAD(flush_wait);	/* flushers sleep here */

/**
 * schedule_work - run @work in the kworker thread of this CPU
 * @work: set up with INIT_WORK()
 *
 * Return: false if it was already pending.
 * Context: Any context.
 */
bool schedule_work(struct work_struct *work)
{
	struct worker_pool *pool;
	unsigned long flags;
	unsigned int cpu;

	spin_lock_irqsave(&wq_lock, flags);
	if (work->pending) {
		spin_unlock_irqrestore(&wq_lock, flags);
		return false;
	}
	cpu = work->running ? work->cpu : raw_smp_processor_id();
	if (!pools[cpu].worker)
		cpu = 0;	/* a CPU without a worker (none yet at boot) */
	pool = &pools[cpu];
	work->pending = true;
	work->cpu = cpu;
	list_add_tail(&work->entry, &pool->worklist);
	spin_unlock_irqrestore(&wq_lock, flags);
	wake_up(&pool->wait);
	return true;
}
EXPORT_SYMBOL(schedule_work);

static int worker_thread(void *data)
{
	struct worker_pool *pool = data;
	unsigned long flags;

	while (!kthread_should_stop()) {
		struct work_struct *work;

		wait_event_interruptible(pool->wait,
					 !list_empty(&pool->worklist) ||
					 kthread_should_stop());
		spin_lock_irqsave(&wq_lock, flags);
		if (list_empty(&pool->worklist)) {
			spin_unlock_irqrestore(&wq_lock, flags);
			continue;
		}
		work = list_first_entry(&pool->worklist, struct work_struct, entry);
		list_del_init(&work->entry);
		work->pending = false;
		work->running = true;
		pool->current_work = work;
		spin_unlock_irqrestore(&wq_lock, flags);

		work->func(work);

		spin_lock_irqsave(&wq_lock, flags);
		pool->current_work = NULL;
		work->running = false;
		spin_unlock_irqrestore(&wq_lock, flags);
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
 * flush_work - wait until @work has run
 * @work: the item
 *
 * Return: true if it was pending or running.
 * Context: Process context; not from @work itself.
 */
bool flush_work(struct work_struct *work)
{
	bool busy = work_busy(work);

	might_sleep();
	if (WARN_ON(current == pools[READ_ONCE(work->cpu)].worker && work->running))
		return busy;	/* a work waiting for itself: deadlock */
	wait_event(flush_wait, !work_busy(work));
	return busy;
}
EXPORT_SYMBOL(flush_work);

/**
 * cancel_work_sync - take @work off its queue and wait if it runs
 * @work: the item
 *
 * Return: true if it was pending.
 * Context: Process context.
 */
bool cancel_work_sync(struct work_struct *work)
{
	unsigned long flags;
	bool was_pending;

	might_sleep();
	spin_lock_irqsave(&wq_lock, flags);
	was_pending = work->pending;
	if (was_pending) {
		list_del_init(&work->entry);
		work->pending = false;
	}
	spin_unlock_irqrestore(&wq_lock, flags);
	wait_event(flush_wait, !READ_ONCE(work->running));
	return was_pending;
}
EXPORT_SYMBOL(cancel_work_sync);

/* No pool has an item queued or running. */
static bool all_pools_idle(void)
{
	unsigned long flags;
	unsigned int cpu;
	bool idle = true;

	spin_lock_irqsave(&wq_lock, flags);
	for (cpu = 0; cpu < NR_CPUS && idle; cpu++)
		idle = list_empty(&pools[cpu].worklist) && !pools[cpu].current_work;
	spin_unlock_irqrestore(&wq_lock, flags);
	return idle;
}

/**
 * flush_scheduled_work - wait until every queued work item has run
 *
 * Context: Process context; not from a work item.
 */
void flush_scheduled_work(void)
{
	might_sleep();
	wait_event(flush_wait, all_pools_idle());
}
EXPORT_SYMBOL(flush_scheduled_work);

/**
 * workqueue_init - start a kworker thread for each possible CPU
 *
 * Context: Boot (the boot thread, before the other CPUs start).
 */
void workqueue_init(void)
{
	struct task_struct *t;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		INIT_LIST_HEAD(&pools[cpu].worklist);
		init_waitqueue_head(&pools[cpu].wait);
	}
	for_each_possible_cpu(cpu) {
		t = kthread_create_on_cpu(worker_thread, &pools[cpu], cpu, "kworker/%u:0");
		if (IS_ERR(t))
			panic("cannot start kworker/%u:0", cpu);
		pools[cpu].worker = t;
		wake_up_process(t);
	}
}
