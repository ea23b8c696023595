/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wait queues: how a task sleeps until something happens
 * (kernel/sched/wait.c).
 *
 *	wait_event(wq, condition);	// sleeps until condition is true
 *	...
 *	condition = true;		// elsewhere, maybe in an interrupt
 *	wake_up(&wq);
 *
 * The sleeper puts itself on the queue and marks itself not running
 * before it tests the condition again, so a wake_up() between the test
 * and the sleep is never lost.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/jiffies.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry,
				 unsigned int mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01

struct wait_queue_entry {
	unsigned int flags;
	void *private;			/* the task */
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;
typedef struct wait_queue_entry wait_queue_entry_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {				\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.head = LIST_HEAD_INIT(name.head) }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(struct wait_queue_head *wq_head);
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
			  int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry,
			     unsigned int mode, int flags, void *key);

#define DEFINE_WAIT(name)						\
	struct wait_queue_entry name = {				\
		.private = current,					\
		.func = autoremove_wake_function,			\
		.entry = LIST_HEAD_INIT((name).entry),			\
	}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head,
		     struct wait_queue_entry *wq_entry, int state);
void prepare_to_wait_exclusive(struct wait_queue_head *wq_head,
			       struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr);

#define wake_up(x)			__wake_up(x, TASK_NORMAL, 1)
#define wake_up_nr(x, nr)		__wake_up(x, TASK_NORMAL, nr)
#define wake_up_all(x)			__wake_up(x, TASK_NORMAL, 0)
#define wake_up_interruptible(x)	__wake_up(x, TASK_INTERRUPTIBLE, 1)
#define wake_up_interruptible_all(x)	__wake_up(x, TASK_INTERRUPTIBLE, 0)

static inline bool waitqueue_active(struct wait_queue_head *wq_head)
{
	return !list_empty(&wq_head->head);
}

/*
 * The wait loop all wait_event*() share: sleep in @state until @condition,
 * or until the timeout (in jiffies) runs out.  Evaluates to the time
 * left (at least 1) when the condition came true, 0 on timeout.
 */
#define ___wait_event(wq_head, condition, state, timeout) ({		\
	long __ret = (timeout);						\
	DEFINE_WAIT(__wait);						\
	might_sleep();							\
	for (;;) {							\
		prepare_to_wait(&(wq_head), &__wait, state);		\
		if (condition)						\
			break;						\
		__ret = schedule_timeout(__ret);			\
		if (!__ret) {						\
			if (condition)					\
				__ret = 1;				\
			break;						\
		}							\
	}								\
	finish_wait(&(wq_head), &__wait);				\
	__ret;								\
})

#define wait_event(wq_head, condition) do {				\
	if (!(condition))						\
		___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE,	\
			      MAX_SCHEDULE_TIMEOUT);			\
} while (0)

#define wait_event_timeout(wq_head, condition, timeout) ({		\
	long __t = (timeout);						\
	(condition) ? (__t ? __t : 1) :					\
	___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, __t);	\
})

/*
 * No signals in this kernel: an interruptible wait ends only by its
 * condition, but the task shows as sleeping ("S"), not "D".
 */
#define wait_event_interruptible(wq_head, condition) ({			\
	if (!(condition))						\
		___wait_event(wq_head, condition, TASK_INTERRUPTIBLE,	\
			      MAX_SCHEDULE_TIMEOUT);			\
	0;								\
})

#define wait_event_interruptible_timeout(wq_head, condition, timeout)	\
	wait_event_timeout(wq_head, condition, timeout)

#endif /* _LINUX_WAIT_H */
