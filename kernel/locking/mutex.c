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
 *
 * wait_lock, a spin lock, guards the owner and the queue, so any CPU may
 * lock and unlock.  Lockdep sees a mutex as a lock class of its own
 * (taken in mutex_lock(), before the task can sleep for it), so a mutex
 * taken in two orders is reported as a spin lock would be.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/lockdep.h>
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
 * @key: its lockdep class (the call site of mutex_init())
 *
 * Context: Any context.
 */
void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key)
{
	static struct lock_class_key wait_lock_key;

	lock->owner = NULL;
	__raw_spin_lock_init(&lock->wait_lock, "&lock->wait_lock", &wait_lock_key);
	INIT_LIST_HEAD(&lock->wait_list);
	lock->name = name;
	lockdep_init_map(&lock->dep_map, name, key, LD_WAIT_SLEEP);
}
EXPORT_SYMBOL(__mutex_init);

/* Queue behind the owner and sleep until it hands the mutex over. */
static void __mutex_lock(struct mutex *lock, unsigned int subclass,
			 unsigned long ip)
{
	struct mutex_waiter waiter;
	unsigned long flags;

	might_sleep();
	lock_acquire(&lock->dep_map, subclass, 0, ip);
	spin_lock_irqsave(&lock->wait_lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		spin_unlock_irqrestore(&lock->wait_lock, flags);
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
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		schedule();
		spin_lock_irqsave(&lock->wait_lock, flags);
	}
	__set_current_state(TASK_RUNNING);
	current->wchan = NULL;
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}

/**
 * mutex_lock - take the mutex, sleeping until it is free
 * @lock: the mutex
 *
 * Context: Process context (may sleep).  Not recursive.
 */
void mutex_lock(struct mutex *lock)
{
	__mutex_lock(lock, 0, _RET_IP_);
}
EXPORT_SYMBOL(mutex_lock);

/**
 * mutex_lock_nested - mutex_lock() as lockdep subclass @subclass
 * @lock: the mutex
 * @subclass: 0 is its own class, 1.. a nested one
 *
 * Context: Process context (may sleep).
 */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass)
{
	__mutex_lock(lock, subclass, _RET_IP_);
}
EXPORT_SYMBOL(mutex_lock_nested);

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

	spin_lock_irqsave(&lock->wait_lock, flags);
	if (!lock->owner) {
		lock->owner = current;
		ret = 1;
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
	if (ret)
		lock_acquire(&lock->dep_map, 0, 1, _RET_IP_);
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

	spin_lock_irqsave(&lock->wait_lock, flags);
	if (WARN(lock->owner != current,
		 "mutex %s unlocked by %s/%d, but owned by %s\n", lock->name,
		 current->comm, current->pid,
		 lock->owner ? lock->owner->comm : "nobody")) {
		spin_unlock_irqrestore(&lock->wait_lock, flags);
		return;
	}
	lock_release(&lock->dep_map, _RET_IP_);
	if (list_empty(&lock->wait_list)) {
		lock->owner = NULL;
	} else {
		waiter = list_first_entry(&lock->wait_list, struct mutex_waiter, list);
		list_del(&waiter->list);
		lock->owner = waiter->task;
		waiter->granted = true;
		wake_up_process(waiter->task);
	}
	spin_unlock_irqrestore(&lock->wait_lock, flags);
}
EXPORT_SYMBOL(mutex_unlock);
