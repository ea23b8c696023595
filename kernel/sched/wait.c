// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/wait.c - wait queues and completions.
 *
 * A wait queue is a list of sleepers.  A sleeper adds itself, sets its
 * state to not running, checks its condition once more and only then
 * calls schedule(); a waker sets the condition, then walks the list and
 * makes the sleepers runnable.  Either order of the two leaves the
 * sleeper running: that is the whole trick.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/wait.h>

/**
 * init_waitqueue_head - initialise a wait queue
 * @wq_head: the queue
 *
 * Context: Any context.
 */
void init_waitqueue_head(struct wait_queue_head *wq_head)
{
	spin_lock_init(&wq_head->lock);
	INIT_LIST_HEAD(&wq_head->head);
}
EXPORT_SYMBOL(init_waitqueue_head);

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int flags, void *key)
{
	struct task_struct *p = wq_entry->private;

	if (!(p->__state & mode))
		return 0;
	return wake_up_process(p);
}
EXPORT_SYMBOL(default_wake_function);

int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}
EXPORT_SYMBOL(autoremove_wake_function);

/**
 * add_wait_queue - put an entry on a wait queue
 * @wq_head: the queue
 * @wq_entry: the entry
 *
 * Context: Any context.
 */
void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(add_wait_queue);

/**
 * remove_wait_queue - take an entry off a wait queue
 * @wq_head: the queue
 * @wq_entry: the entry
 *
 * Context: Any context.
 */
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del_init(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(remove_wait_queue);

/**
 * prepare_to_wait - join a wait queue and mark the task asleep
 * @wq_head: the queue
 * @wq_entry: this task's entry (DEFINE_WAIT)
 * @state: TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 *
 * Context: Process context.
 */
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(prepare_to_wait);

/**
 * prepare_to_wait_exclusive - prepare_to_wait() for a waiter that wake_up() wakes alone
 * @wq_head: the queue
 * @wq_entry: this task's entry
 * @state: TASK_UNINTERRUPTIBLE or TASK_INTERRUPTIBLE
 *
 * Context: Process context.
 */
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	set_current_state(state);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(prepare_to_wait_exclusive);

/**
 * finish_wait - leave the wait queue, running again
 * @wq_head: the queue
 * @wq_entry: this task's entry
 *
 * Context: Process context.
 */
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	__set_current_state(TASK_RUNNING);
	if (!list_empty(&wq_entry->entry)) {
		spin_lock_irqsave(&wq_head->lock, flags);
		list_del_init(&wq_entry->entry);
		spin_unlock_irqrestore(&wq_head->lock, flags);
	}
}
EXPORT_SYMBOL(finish_wait);

/**
 * __wake_up - wake the sleepers of a wait queue
 * @wq_head: the queue
 * @mode: which sleep states to wake (TASK_NORMAL: both)
 * @nr: how many exclusive waiters to wake (0: all)
 *
 * Non-exclusive waiters are all woken.
 * Context: Any context.
 */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr)
{
	struct wait_queue_entry *curr, *next;
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int wq_flags = curr->flags;

		if (curr->func(curr, mode, 0, NULL) &&
		    (wq_flags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
	}
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
EXPORT_SYMBOL(__wake_up);

/* ---- completions ---------------------------------------------------------------- */

/**
 * complete - signal one waiter (or the next one to wait)
 * @x: the completion
 *
 * Context: Any context.
 */
void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}
EXPORT_SYMBOL(complete);

/**
 * complete_all - signal every waiter, now and later
 * @x: the completion
 *
 * Context: Any context.
 */
void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up_all(&x->wait);
}
EXPORT_SYMBOL(complete_all);

/* Take one "done" if there is one. */
bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}
EXPORT_SYMBOL(try_wait_for_completion);

/**
 * completion_done - has complete() been called and not yet waited for?
 * @x: the completion
 *
 * Context: Any context.
 */
bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
EXPORT_SYMBOL(completion_done);

/**
 * wait_for_completion_timeout - wait for complete(), at most @timeout jiffies
 * @x: the completion
 * @timeout: jiffies
 *
 * Return: 0 on timeout, else the jiffies left (at least 1).
 * Context: Process context (sleeps).
 */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	long left;

	might_sleep();
	left = wait_event_timeout(x->wait, try_wait_for_completion(x), timeout);
	return left;
}
EXPORT_SYMBOL(wait_for_completion_timeout);

/**
 * wait_for_completion - wait for complete()
 * @x: the completion
 *
 * Context: Process context (sleeps).
 */
void wait_for_completion(struct completion *x)
{
	might_sleep();
	wait_event(x->wait, try_wait_for_completion(x));
}
EXPORT_SYMBOL(wait_for_completion);

/**
 * wait_for_completion_interruptible - wait_for_completion() (no signals here: always 0)
 * @x: the completion
 *
 * Context: Process context (sleeps).
 */
int wait_for_completion_interruptible(struct completion *x)
{
	wait_for_completion(x);
	return 0;
}
EXPORT_SYMBOL(wait_for_completion_interruptible);
