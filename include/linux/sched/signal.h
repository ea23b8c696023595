/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/sched/signal.h> - signals and the task list, as module code
 * reaches them.  Every task here is a kernel thread, and nothing sends
 * kernel threads signals, so signal_pending() is always false; an
 * interruptible sleep ends only by its wake-up or its timeout.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>
#include <linux/list.h>

static inline int signal_pending(struct task_struct *p)
{
	return 0;
}

static inline int fatal_signal_pending(struct task_struct *p)
{
	return 0;
}

/*
 * for_each_process(p): every task, the idle task first.  Walk it with
 * interrupts off or under rcu_read_lock() in Linux; here tasks come and
 * go only with interrupts off, so the caller turns them off.
 */
#define for_each_process(p) \
	list_for_each_entry(p, &task_list, tasks)

#endif /* _LINUX_SCHED_SIGNAL_H */
