/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel threads (kernel/kthread.c).
 *
 *	struct task_struct *t = kthread_run(worker, data, "worker/%d", n);
 *	...
 *	kthread_stop(t);	// worker's loop sees kthread_should_stop()
 */
#ifndef _LINUX_KTHREAD_H
#define _LINUX_KTHREAD_H

#include <linux/sched.h>
#include <linux/err.h>

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char namefmt[], ...) __printf(3, 4);
int kthread_stop(struct task_struct *k);
void kthread_bind(struct task_struct *k, unsigned int cpu);
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt);
bool kthread_should_stop(void);
/* Wait for @k to exit on its own, then free it: 0 or -ETIMEDOUT. */
int kthread_join_timeout(struct task_struct *k, unsigned long timeout,
			 int *exit_code);
void kthread_exit_notify(struct task_struct *t);

#define kthread_run(threadfn, data, namefmt, ...) ({			\
	struct task_struct *__k =					\
		kthread_create(threadfn, data, namefmt, ##__VA_ARGS__);	\
	if (!IS_ERR(__k))						\
		wake_up_process(__k);					\
	__k;								\
})

#endif /* _LINUX_KTHREAD_H */
