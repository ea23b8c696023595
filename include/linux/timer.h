/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel timers (kernel/time/timer.c): call a function at a given
 * jiffy.  The function runs in softirq context (TIMER_SOFTIRQ), so it
 * must not sleep.
 *
 *	timer_setup(&t, my_callback, 0);
 *	mod_timer(&t, jiffies + msecs_to_jiffies(100));
 *	...
 *	del_timer_sync(&t);		// stopped, and not running anywhere
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <linux/list.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>

struct timer_list {
	struct list_head entry;		/* in the pending list, by expiry */
	unsigned long expires;
	void (*function)(struct timer_list *t);
	unsigned int flags;
	bool pending;
};

/*
 * timer->flags: the CPU whose base the timer is on in the low bits, as
 * Linux keeps it; TIMER_PINNED keeps it there (add_timer_on()).
 */
#define TIMER_CPUMASK		0x0003FFFF
#define TIMER_MIGRATING		0x00040000
#define TIMER_PINNED		0x00200000

void timer_setup(struct timer_list *timer,
		 void (*func)(struct timer_list *), unsigned int flags);
void add_timer(struct timer_list *timer);
void add_timer_on(struct timer_list *timer, int cpu);
int mod_timer(struct timer_list *timer, unsigned long expires);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
#define timer_delete(t)		del_timer(t)
#define timer_delete_sync(t)	del_timer_sync(t)

static inline int timer_pending(const struct timer_list *timer)
{
	return timer->pending;
}

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, __typeof__(*var), timer_fieldname)

/* Boot and the tick (kernel/time/timer.c). */
void init_timers(void);
void run_local_timers(void);
void timer_base_stats(unsigned int cpu, unsigned int *pending,
		      unsigned long *expired);

#endif /* _LINUX_TIMER_H */
