// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/mutex.c - sleeping locks.
 *
 * The mutex records its owner.  mutex_lock() on a free mutex takes it;
 * on a taken one, the task queues itself (FIFO) and sleeps.  Unlock hands
 * the mutex straight to the first waiter and wakes it, so nobody can
 * overtake a sleeper.  Locking may sleep, so it begins with might_sleep():
 * a mutex_lock() under a spin lock or in an interrupt is reported even if
 * the mutex happens to be free.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/mutex.h>
#include <linux/sched.h>

struct mutex_waiter {
	struct list_head list;
	struct task_struct *task;
	bool granted;
};

/**
 * __mutex_init - initialise a mutex (use mutex_init())
 * @lock: the mutex
 * @name: shown in reports
 *
 * Context: Any context.
 */
void __mutex_init(struct mutex *lock, const char *name)
{
	lock->owner = NULL;
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
}
EXPORT_SYMBOL(__mutex_init);

/**
 * mutex_lock - take the mutex, sleeping until it is free
 * @lock: the mutex
 *
 * Context: Process context (may sleep).  Not recursive.
 */
void mutex_lock(struct mutex *lock)
{
	struct mutex_waiter waiter;
	unsigned long flags;

	might_sleep();
	local_irq_save(flags);
	if (!lock->owner) {
		lock->owner = current;
		local_irq_restore(flags);
		return;
	}
	WARN(lock->owner == current, "mutex %s: %s/%d locks it again (deadlock)\n",
	     lock->name, current->comm, current->pid);
	waiter.task = current;
	waiter.granted = false;
	list_add_tail(&waiter.list, &lock->wait_list);
	current->wchan = lock->name;
	for (;;) {
		set_current_state(TASK_UNINTERRUPTIBLE);
		if (waiter.granted)
			break;
		local_irq_restore(flags);
		schedule();
		local_irq_save(flags);
	}
	__set_current_state(TASK_RUNNING);
	current->wchan = NULL;
	local_irq_restore(flags);
}
EXPORT_SYMBOL(mutex_lock);

/**
 * mutex_lock_interruptible - mutex_lock() (no signals here: always 0)
 * @lock: the mutex
 *
 * Context: Process context (may sleep).
 */
int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}
EXPORT_SYMBOL(mutex_lock_interruptible);

/**
 * mutex_trylock - take the mutex if it is free
 * @lock: the mutex
 *
 * Return: 1 if taken, 0 if not.
 * Context: Process context (does not sleep).
 */
int mutex_trylock(struct mutex *lock)
{
	unsigned long flags;
	int ret = 0;

	local_irq_save(flags);
	if (!lock->owner) {
		lock->owner = current;
		ret = 1;
	}
	local_irq_restore(flags);
	return ret;
}
EXPORT_SYMBOL(mutex_trylock);

/**
 * mutex_unlock - release the mutex, handing it to the first waiter
 * @lock: a mutex this task holds
 *
 * Context: Process context, by the owner only.
 */
void mutex_unlock(struct mutex *lock)
{
	struct mutex_waiter *waiter;
	unsigned long flags;

	local_irq_save(flags);
	if (WARN(lock->owner != current,
		 "mutex %s unlocked by %s/%d, but owned by %s\n", lock->name,
		 current->comm, current->pid,
		 lock->owner ? lock->owner->comm : "nobody")) {
		local_irq_restore(flags);
		return;
	}
	if (list_empty(&lock->wait_list)) {
		lock->owner = NULL;
	} else {
		waiter = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
		list_del(&waiter->list);
		lock->owner = waiter->task;
		waiter->granted = true;
		wake_up_process(waiter->task);
	}
	local_irq_restore(flags);
}
EXPORT_SYMBOL(mutex_unlock);
