/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Workqueues: a function run later by a kernel thread ("kworker"), so in
 * process context, where it may sleep (kernel/workqueue.c).
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/list.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	struct list_head entry;
	work_func_t func;
	bool pending;
	bool running;
	unsigned int cpu;		/* the pool it is queued on or runs in */
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
};

#define INIT_WORK(_work, _func) do {					\
	INIT_LIST_HEAD(&(_work)->entry);				\
	(_work)->func = (_func);					\
	(_work)->pending = false;					\
	(_work)->running = false;					\
	(_work)->cpu = 0;						\
} while (0)

#define DECLARE_WORK(n, f)						\
	struct work_struct n = { .entry = LIST_HEAD_INIT((n).entry), .func = (f) }

bool schedule_work(struct work_struct *work);
bool flush_work(struct work_struct *work);
bool cancel_work_sync(struct work_struct *work);
void flush_scheduled_work(void);
void workqueue_init(void);

static inline bool work_pending(const struct work_struct *work)
{
	return work->pending;
}

#endif /* _LINUX_WORKQUEUE_H */
