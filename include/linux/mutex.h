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
	spinlock_t wait_lock;		/* guards owner and wait_list */
	struct list_head wait_list;	/* of struct mutex_waiter, FIFO */
	const char *name;
	struct lockdep_map dep_map;	/* a sleeping lock class */
};

#define __MUTEX_INITIALIZER(lockname)					\
	{ .owner = NULL,						\
	  .wait_lock = __SPIN_LOCK_INIT(lockname.wait_lock,		\
					__LOCKDEP_SITE_KEY(lockname.wait_lock)), \
	  .wait_list = LIST_HEAD_INIT(lockname.wait_list),		\
	  .name = #lockname,						\
	  .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname,			\
			__LOCKDEP_SITE_KEY(lockname), LD_WAIT_SLEEP) }
#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name,
		  struct lock_class_key *key);
/* One lockdep class per call site, as Linux. */
#define mutex_init(mutex) do {						\
	static struct lock_class_key __key;				\
	__mutex_init((mutex), #mutex, &__key);				\
} while (0)

void mutex_lock(struct mutex *lock);
/* mutex_lock() as lockdep subclass @subclass (see spin_lock_nested()). */
void mutex_lock_nested(struct mutex *lock, unsigned int subclass);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

static inline bool mutex_is_locked(struct mutex *lock)
{
	return READ_ONCE(lock->owner) != NULL;
}

#endif /* _LINUX_MUTEX_H */
