/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks.  Until the scheduler exists there is one task, the boot thread
 * (pid 0, "swapper/0"), running on the boot stack; reports name it the
 * way Linux names its idle task.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>

#define TASK_COMM_LEN 16

struct task_struct {
	pid_t pid;
	char comm[TASK_COMM_LEN];
	unsigned long stack_lo, stack_hi;	/* [lo, hi) of its kernel stack */
};

extern struct task_struct init_task;

static inline struct task_struct *get_current(void)
{
	return &init_task;
}
#define current get_current()

static inline pid_t task_pid_nr(struct task_struct *t)
{
	return t->pid;
}

#endif /* _LINUX_SCHED_H */
