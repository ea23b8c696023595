// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/softirq.c - interrupt entry and exit, softirqs and tasklets.
 *
 * An interrupt handler should be short: it runs with interrupts off.
 * Work that can wait a little is deferred to a softirq: a bit in a
 * pending mask, and a function run when the interrupt returns, with
 * interrupts on again but still in interrupt (softirq) context, so it
 * must not sleep either:
 *
 *   irq_enter()        preempt_count += HARDIRQ_OFFSET
 *     handler          may raise_softirq(TIMER_SOFTIRQ) ...
 *   irq_exit()         preempt_count -= HARDIRQ_OFFSET; if no interrupt
 *                      context is left and softirqs are pending and not
 *                      disabled: __do_softirq()
 *
 * __do_softirq() sets SOFTIRQ_OFFSET (in_serving_softirq()), enables
 * interrupts and runs the pending softirqs in priority order, again
 * while new ones were raised meanwhile, up to a limit; what is left then
 * goes to the ksoftirqd thread, so a flood of interrupts cannot starve
 * every task.  local_bh_disable() holds softirqs off in process context;
 * local_bh_enable() runs what piled up.
 *
 * Tasklets are the simple way to use a softirq: schedule a function to
 * run once, soon (TASKLET_SOFTIRQ, or HI_SOFTIRQ for tasklet_hi).
 *
 * Many CPUs, as Linux: pending softirqs, tasklet lists and the ksoftirqd
 * thread ("ksoftirqd/N", bound to CPU N) are per CPU; a softirq raised
 * on a CPU runs there.  A tasklet runs on the CPU that scheduled it, and
 * never on two at once: its SCHED and RUN bits change atomically, and
 * one scheduled again while it runs elsewhere waits its turn.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/interrupt.h>
#include <linux/lockdep.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <asm/processor.h>

#define MAX_SOFTIRQ_RESTART	10

/* Softirqs raised on each CPU and not yet run (there, as in Linux). */
static DEFINE_PER_CPU(unsigned long, softirq_pending);
static struct softirq_action softirq_vec[NR_SOFTIRQS];
unsigned long softirqs_run[NR_SOFTIRQS];
static DEFINE_PER_CPU(struct task_struct *, ksoftirqd);

/**
 * open_softirq - install the handler of softirq @nr
 * @nr: HI_SOFTIRQ, TIMER_SOFTIRQ ...
 * @action: the handler
 *
 * Context: Boot.
 */
void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}

/* Raise softirq @nr; interrupts must be off. */
void raise_softirq_irqoff(unsigned int nr)
{
	this_cpu_write(softirq_pending, this_cpu_read(softirq_pending) | 1UL << nr);
	/* in a task with bottom halves on, nobody will notice: wake ksoftirqd */
	if (!in_interrupt() && this_cpu_read(ksoftirqd))
		wake_up_process(this_cpu_read(ksoftirqd));
}

/**
 * raise_softirq - mark softirq @nr pending
 * @nr: HI_SOFTIRQ, TIMER_SOFTIRQ, TASKLET_SOFTIRQ ...
 *
 * Context: Any context.
 */
void raise_softirq(unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	raise_softirq_irqoff(nr);
	local_irq_restore(flags);
}

/* Run pending softirqs; called with interrupts off, returns with them off. */
static void __do_softirq(void)
{
	int restart = MAX_SOFTIRQ_RESTART;
	unsigned long pending;
	int base;

	/* on top of an interrupted spin_unlock_irqrestore() the count is not 0 */
	__preempt_count_add(SOFTIRQ_OFFSET);
	base = preempt_count();
	while ((pending = this_cpu_read(softirq_pending)) != 0) {
		int nr;

		this_cpu_write(softirq_pending, 0);
		local_irq_enable();
		for (nr = 0; pending; nr++, pending >>= 1) {
			if (!(pending & 1) || !softirq_vec[nr].action)
				continue;
			softirqs_run[nr]++;
			softirq_vec[nr].action(&softirq_vec[nr]);
			WARN_ONCE(preempt_count() != base &&
				  !(preempt_count() & HARDIRQ_MASK),
				  "softirq %d left preempt_count %#x\n", nr,
				  preempt_count());
		}
		local_irq_disable();
		if (!--restart) {
			if (this_cpu_read(softirq_pending) && this_cpu_read(ksoftirqd))
				wake_up_process(this_cpu_read(ksoftirqd));
			break;
		}
	}
	__preempt_count_sub(SOFTIRQ_OFFSET);
}

/**
 * do_softirq - run pending softirqs now, if not in interrupt context
 *
 * Context: Any context; does nothing inside interrupts or with bottom
 * halves disabled.
 */
void do_softirq(void)
{
	unsigned long flags;

	if (in_interrupt())
		return;
	local_irq_save(flags);
	if (this_cpu_read(softirq_pending))
		__do_softirq();
	local_irq_restore(flags);
}

/**
 * irq_enter - entering a hard interrupt handler
 *
 * Context: Hard interrupt, interrupts off.
 */
void irq_enter(void)
{
	__preempt_count_add(HARDIRQ_OFFSET);
}

/**
 * irq_exit - leaving a hard interrupt handler: run softirqs if we can
 *
 * Context: Hard interrupt, interrupts off.
 */
void irq_exit(void)
{
	__preempt_count_sub(HARDIRQ_OFFSET);
	if (!in_interrupt() && this_cpu_read(softirq_pending))
		__do_softirq();
}

/**
 * local_bh_disable - hold softirqs off on this CPU
 *
 * Context: Any context; nests.
 */
void local_bh_disable(void)
{
	if (!softirq_count())
		trace_softirqs_off(_RET_IP_);
	__preempt_count_add(SOFTIRQ_DISABLE_OFFSET);
}
EXPORT_SYMBOL(local_bh_disable);

/**
 * local_bh_enable - allow softirqs again, running those that are pending
 *
 * Context: Process or softirq context; not with interrupts off.
 */
void local_bh_enable(void)
{
	WARN_ON_ONCE(in_hardirq());
	if (softirq_count() == SOFTIRQ_DISABLE_OFFSET)
		trace_softirqs_on(_RET_IP_);
	__preempt_count_sub(SOFTIRQ_DISABLE_OFFSET);
	if (!in_interrupt() && this_cpu_read(softirq_pending))
		do_softirq();
	if (!preempt_count() && need_resched() && !irqs_disabled())
		preempt_schedule();
}
EXPORT_SYMBOL(local_bh_enable);

/* The thread that runs softirqs that keep coming back, one per CPU. */
static int ksoftirqd_fn(void *unused)
{
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!this_cpu_read(softirq_pending)) {
			schedule();
			continue;
		}
		__set_current_state(TASK_RUNNING);
		do_softirq();
		cond_resched();
	}
	return 0;
}

/* ---- tasklets ---------------------------------------------------------------------- */

struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;	/* meaningful while head != NULL */
};

static DEFINE_PER_CPU(struct tasklet_head, tasklet_vec);
static DEFINE_PER_CPU(struct tasklet_head, tasklet_hi_vec);

/* Append @t to this CPU's @head; interrupts off. */
static void tasklet_append(struct tasklet_head *head, struct tasklet_struct *t)
{
	t->next = NULL;
	if (!head->head)
		head->tail = &head->head;
	*head->tail = t;
	head->tail = &t->next;
}

static bool tasklet_test_and_set(struct tasklet_struct *t, unsigned int bit)
{
	return __atomic_fetch_or(&t->state, 1UL << bit, __ATOMIC_ACQUIRE) & (1UL << bit);
}

static void tasklet_clear(struct tasklet_struct *t, unsigned int bit)
{
	__atomic_fetch_and(&t->state, ~(1UL << bit), __ATOMIC_RELEASE);
}

static void __tasklet_schedule_common(struct tasklet_struct *t,
				      struct tasklet_head __percpu *vec,
				      unsigned int nr)
{
	unsigned long flags;

	local_irq_save(flags);
	if (!tasklet_test_and_set(t, TASKLET_STATE_SCHED)) {
		tasklet_append(this_cpu_ptr(vec), t);
		raise_softirq_irqoff(nr);
	}
	local_irq_restore(flags);
}

/**
 * tasklet_schedule - run @t once, soon, in softirq context
 * @t: the tasklet (already scheduled: nothing changes)
 *
 * Context: Any context.
 */
void tasklet_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, &tasklet_vec, TASKLET_SOFTIRQ);
}
EXPORT_SYMBOL(tasklet_schedule);

/**
 * tasklet_hi_schedule - tasklet_schedule() on the high-priority softirq
 * @t: the tasklet
 *
 * Context: Any context.
 */
void tasklet_hi_schedule(struct tasklet_struct *t)
{
	__tasklet_schedule_common(t, &tasklet_hi_vec, HI_SOFTIRQ);
}
EXPORT_SYMBOL(tasklet_hi_schedule);

static void tasklet_action_common(struct tasklet_head __percpu *vec, unsigned int nr)
{
	struct tasklet_head *tl_head;
	struct tasklet_struct *list;

	local_irq_disable();
	tl_head = this_cpu_ptr(vec);
	list = tl_head->head;
	tl_head->head = NULL;
	local_irq_enable();

	while (list) {
		struct tasklet_struct *t = list;

		list = list->next;
		if (!tasklet_test_and_set(t, TASKLET_STATE_RUN)) {
			if (!READ_ONCE(t->count)) {
				tasklet_clear(t, TASKLET_STATE_SCHED);
				if (t->use_callback)
					t->callback(t);
				else
					t->func(t->data);
				tasklet_clear(t, TASKLET_STATE_RUN);
				continue;
			}
			tasklet_clear(t, TASKLET_STATE_RUN);
		}
		/* disabled, or running on another CPU: put it back for later */
		local_irq_disable();
		tasklet_append(this_cpu_ptr(vec), t);
		raise_softirq_irqoff(nr);
		local_irq_enable();
	}
}

static void tasklet_action(struct softirq_action *a)
{
	tasklet_action_common(&tasklet_vec, TASKLET_SOFTIRQ);
}

static void tasklet_hi_action(struct softirq_action *a)
{
	tasklet_action_common(&tasklet_hi_vec, HI_SOFTIRQ);
}

/**
 * tasklet_init - prepare a tasklet (the old API: function and data)
 * @t: the tasklet
 * @func: runs in softirq context
 * @data: its argument
 *
 * Context: Any context.
 */
void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	t->count = 0;
	t->use_callback = false;
	t->func = func;
	t->data = data;
}
EXPORT_SYMBOL(tasklet_init);

/**
 * tasklet_setup - prepare a tasklet (the new API: the callback gets the tasklet)
 * @t: the tasklet
 * @callback: runs in softirq context
 *
 * Context: Any context.
 */
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	t->count = 0;
	t->use_callback = true;
	t->callback = callback;
	t->data = 0;
}
EXPORT_SYMBOL(tasklet_setup);

/**
 * tasklet_disable - keep a tasklet from running, waiting if it runs now
 * @t: the tasklet
 *
 * Context: Process context.
 */
void tasklet_disable(struct tasklet_struct *t)
{
	__atomic_fetch_add(&t->count, 1, __ATOMIC_SEQ_CST);
	barrier();
	while (READ_ONCE(t->state) & (1UL << TASKLET_STATE_RUN))
		cpu_relax();
}
EXPORT_SYMBOL(tasklet_disable);

/**
 * tasklet_enable - undo tasklet_disable()
 * @t: the tasklet
 *
 * Context: Any context.
 */
void tasklet_enable(struct tasklet_struct *t)
{
	barrier();
	__atomic_fetch_sub(&t->count, 1, __ATOMIC_SEQ_CST);
}
EXPORT_SYMBOL(tasklet_enable);

/**
 * tasklet_kill - wait until @t is neither scheduled nor running
 * @t: the tasklet
 *
 * Context: Process context (may sleep).
 */
void tasklet_kill(struct tasklet_struct *t)
{
	might_sleep();
	while (READ_ONCE(t->state) & ((1UL << TASKLET_STATE_SCHED) |
				      (1UL << TASKLET_STATE_RUN)))
		yield();
}
EXPORT_SYMBOL(tasklet_kill);

/**
 * softirq_init - tasklet softirqs; the ksoftirqd thread comes later
 *
 * Context: Boot.
 */
void softirq_init(void)
{
	open_softirq(TASKLET_SOFTIRQ, tasklet_action);
	open_softirq(HI_SOFTIRQ, tasklet_hi_action);
}

/**
 * spawn_ksoftirqd - start "ksoftirqd/N" for each possible CPU, bound to it
 *
 * Context: Boot (the boot thread, before the other CPUs start).
 */
void spawn_ksoftirqd(void)
{
	struct task_struct *t;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		t = kthread_create_on_cpu(ksoftirqd_fn, NULL, cpu, "ksoftirqd/%u");
		if (IS_ERR(t))
			panic("cannot start ksoftirqd/%u", cpu);
		per_cpu(ksoftirqd, cpu) = t;
		wake_up_process(t);
	}
}
