/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hard interrupt context.  irq_enter()/irq_exit() bracket every interrupt
 * handler: they move preempt_count into hard-interrupt context and, on
 * the way out, run pending softirqs (kernel/softirq.c).
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

void irq_enter(void);
void irq_exit(void);

#endif /* _LINUX_HARDIRQ_H */
