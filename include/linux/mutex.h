/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutexes: sleeping locks with an owner (kernel/locking/mutex.c).
 *
 * A task that finds the mutex taken sleeps until the owner unlocks it and
 * hands it over; so mutex_lock() may sleep, and is only for process
 * context.  Only the owner may unlock.
 */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/list.h>
#include <linux/spinlock.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;
	struct list_head wait_list;	/* of struct mutex_waiter, FIFO */
	const char *name;
};

#define __MUTEX_INITIALIZER(lockname)					\
	{ .owner = NULL, .wait_list = LIST_HEAD_INIT(lockname.wait_list), \
	  .name = #lockname }
#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name);
#define mutex_init(mutex)	__mutex_init((mutex), #mutex)

void mutex_lock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

#endif /* _LINUX_MUTEX_H */
