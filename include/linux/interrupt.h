/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt handlers, softirqs and tasklets.
 *
 * request_irq() attaches a handler to one of the legacy IRQ lines (0-15:
 * 1 the keyboard, 4 the serial port); it runs in hard-interrupt context
 * (kernel/irq.c).  Softirqs and tasklets are the "bottom halves": work an
 * interrupt defers, run with interrupts on as the interrupt returns
 * (kernel/softirq.c); they may not sleep either.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/hardirq.h>
#include <linux/bottom_half.h>

typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
	IRQ_WAKE_THREAD = 2,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED	0x00000080
#define NR_IRQS		16

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);
/* Interrupts handled on @irq since boot. */
unsigned long kstat_irqs(unsigned int irq);

/* Softirqs, in priority order. */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

struct softirq_action {
	void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
void do_softirq(void);
extern unsigned long softirqs_run[NR_SOFTIRQS];

/* Tasklets: a function scheduled to run once, soon, in softirq context. */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	int count;			/* > 0: disabled */
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

enum { TASKLET_STATE_SCHED, TASKLET_STATE_RUN };

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data);
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *));
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_disable(struct tasklet_struct *t);
void tasklet_enable(struct tasklet_struct *t);

#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

#define DECLARE_TASKLET(name, _callback)				\
	struct tasklet_struct name = { .count = 0,			\
		.callback = _callback, .use_callback = true }

void softirq_init(void);
void spawn_ksoftirqd(void);

#endif /* _LINUX_INTERRUPT_H */
