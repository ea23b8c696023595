// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/core.c - the scheduler, and the rule that atomic code
 * does not sleep.
 *
 * The run queue is a list of runnable tasks, served round robin.  The
 * running task is not on it.  schedule() picks the first task of the
 * queue, puts the outgoing one at the back if it can still run, and
 * switches stacks (arch/x86_64/switch.asm).  With nothing to run, the
 * idle task (the boot thread, pid 0) runs and halts the CPU until an
 * interrupt.
 *
 * Preemption: every timer tick takes one tick from the running task's
 * slice; at zero, __need_resched is set.  The task is then switched out
 * on its way back from the interrupt (preempt_schedule_irq()) or at the
 * preempt_enable() that makes it preemptible again (preempt_schedule()),
 * whichever comes first, unless it is atomic.
 *
 * The rules of sleeping, enforced here:
 *   - might_sleep(), at the top of every function that can sleep, reports
 *     "BUG: sleeping function called from invalid context" when called in
 *     atomic context (preempt_count() != 0: a spin lock, preempt_disable,
 *     an interrupt, a softirq) or with interrupts off, even if this time
 *     it would not have slept;
 *   - schedule() itself refuses to switch away from an atomic context
 *     ("BUG: scheduling while atomic"): on SMP that is a deadlock or a
 *     corrupted lock, here it is a report and the caller goes on.
 * With the boot parameter atomic_sleep=panic, both reports panic instead
 * (graders use it).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <kernel/oops.h>
#include <kunit/test.h>

#define MIGHT_SLEEP_SITES	64	/* distinct call sites remembered */
#define MIGHT_SLEEP_INTERVAL	HZ	/* one report per site per second */

DEFINE_PER_CPU(int, __preempt_count);
EXPORT_SYMBOL(__preempt_count);
DEFINE_PER_CPU(int, __need_resched);
EXPORT_SYMBOL(__need_resched);
int system_running;
EXPORT_SYMBOL(system_running);
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
EXPORT_SYMBOL(current_task);
LIST_HEAD(task_list);
EXPORT_SYMBOL(task_list);
static LIST_HEAD(run_queue);
static bool atomic_sleep_panics;
unsigned long nr_context_switches;

void __switch_to_asm(unsigned long *prev_sp, unsigned long next_sp);

static int __init atomic_sleep_setup(char *val)
{
	if (!strcmp(val, "panic"))
		atomic_sleep_panics = true;
	else if (!strcmp(val, "warn"))
		atomic_sleep_panics = false;
	else
		return -EINVAL;
	return 0;
}
__setup("atomic_sleep=", atomic_sleep_setup);

const char *task_state_name(const struct task_struct *t)
{
	switch (t->__state) {
	case TASK_RUNNING:
		return "R (running)";
	case TASK_INTERRUPTIBLE:
		return "S (sleeping)";
	case TASK_UNINTERRUPTIBLE:
		return "D (disk sleep)";
	case TASK_DEAD:
		return "X (dead)";
	default:
		return "? (unknown)";
	}
}

/* ---- the run queue --------------------------------------------------------- */

static void enqueue_task(struct task_struct *p)
{
	if (p->on_rq || (p->flags & PF_IDLE))
		return;
	list_add_tail(&p->run_list, &run_queue);
	p->on_rq = true;
}

static void dequeue_task(struct task_struct *p)
{
	if (!p->on_rq)
		return;
	list_del(&p->run_list);
	p->on_rq = false;
}

/**
 * wake_up_process - make a sleeping task runnable
 * @p: the task
 *
 * Return: 1 if it was asleep, 0 if it was already running.
 * Context: Any context.
 */
int wake_up_process(struct task_struct *p)
{
	unsigned long flags;
	int woken = 0;

	local_irq_save(flags);
	if (p->__state != TASK_RUNNING && p->__state != TASK_DEAD) {
		p->__state = TASK_RUNNING;
		woken = 1;
	}
	if (p != current && p->__state == TASK_RUNNING) {
		enqueue_task(p);
		if (current->flags & PF_IDLE)
			this_cpu_write(__need_resched, 1);
	}
	local_irq_restore(flags);
	return woken;
}
EXPORT_SYMBOL(wake_up_process);

/* ---- reports ------------------------------------------------------------------ */

static void atomic_report_end(void)
{
	dump_stack();
	if (atomic_sleep_panics)
		panic("atomic_sleep=panic: sleeping in atomic context");
}

static bool might_sleep_ratelimited(const char *file, int line);

/* "scheduling while atomic", once a second per caller of schedule(). */
static void schedule_bug(unsigned long caller)
{
	struct task_struct *prev = current;

	if (might_sleep_ratelimited((const char *)caller, 0))
		return;
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm,
	       prev->pid, preempt_count());
	atomic_report_end();
}

/* A small table of call sites and when each was last reported. */
static struct {
	const char *file;
	int line;
	unsigned long when;
} might_sleep_sites[MIGHT_SLEEP_SITES];

static bool might_sleep_ratelimited(const char *file, int line)
{
	unsigned int i, oldest = 0;

	for (i = 0; i < MIGHT_SLEEP_SITES; i++) {
		if (might_sleep_sites[i].file == file &&
		    might_sleep_sites[i].line == line) {
			if (time_before(jiffies, might_sleep_sites[i].when +
					MIGHT_SLEEP_INTERVAL))
				return true;
			might_sleep_sites[i].when = jiffies;
			return false;
		}
		if (time_before(might_sleep_sites[i].when,
				might_sleep_sites[oldest].when))
			oldest = i;
	}
	might_sleep_sites[oldest].file = file;
	might_sleep_sites[oldest].line = line;
	might_sleep_sites[oldest].when = jiffies;
	return false;
}

unsigned long might_sleep_reports;

/**
 * __might_sleep - check that sleeping is allowed here
 * @file: the caller's file (might_sleep() passes __FILE__)
 * @line: and line
 *
 * Context: Any context; that is the point.
 */
void __might_sleep(const char *file, int line)
{
	if (unlikely(current->kunit_test))
		kunit_stop_at_might_sleep();	/* a timed-out case stops here */
	__might_sleep_irqflags(file, line, arch_local_save_flags());
}
EXPORT_SYMBOL(__might_sleep);

/**
 * __might_sleep_irqflags - __might_sleep() for a caller that has already
 * turned interrupts off
 * @file: the caller's file
 * @line: and line
 * @irqflags: interrupt flags as the caller found them (local_irq_save())
 *
 * Context: Any context.
 */
void __might_sleep_irqflags(const char *file, int line, unsigned long irqflags)
{
	struct task_struct *t = current;
	unsigned long flags;

	if (!system_running || oops_in_progress)
		return;
	/* LAB(contexts) BEGIN might_sleep: sleeping is fine outside atomic context */
	if (likely(preempt_count() == 0 && !irqs_disabled_flags(irqflags)))
		return;
	/* LAB(contexts) END might_sleep */
	local_irq_save(flags);
	if (might_sleep_ratelimited(file, line)) {
		local_irq_restore(flags);
		return;
	}
	might_sleep_reports++;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n",
	       file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       in_atomic() ? 1 : 0, irqs_disabled_flags(irqflags) ? 1 : 0, t->pid,
	       t->comm);
	pr_err("preempt_count: %x, expected: 0\n", preempt_count());
	local_irq_restore(flags);
	atomic_report_end();
}
EXPORT_SYMBOL(__might_sleep_irqflags);

/* ---- switching ----------------------------------------------------------------- */

static struct task_struct *pick_next_task(void)
{
	if (list_empty(&run_queue))
		return &init_task;	/* the idle task */
	return list_first_entry(&run_queue, struct task_struct, run_list);
}

/*
 * The heart of it, with interrupts off and preemption counted as
 * disabled: take @prev off the CPU, put the next runnable task on.
 */
static void __schedule(bool preempt)
{
	struct task_struct *prev = current, *next;
	bool blocks = prev->__state != TASK_RUNNING && !preempt;

	if (blocks)
		dequeue_task(prev);
	else if (!(prev->flags & PF_IDLE))
		enqueue_task(prev);	/* to the back of the queue */
	next = pick_next_task();
	dequeue_task(next);
	this_cpu_write(__need_resched, 0);
	next->time_slice = SCHED_TIME_SLICE_TICKS;
	if (next == prev)
		return;

	/* Counted only when the CPU really goes to another task, as Linux. */
	if (blocks)
		prev->nvcsw++;
	else
		prev->nivcsw++;	/* preempted, or yielded while runnable */

	nr_context_switches++;
	prev->last_ran = jiffies;
	this_cpu_write(current_task, next);
	__switch_to_asm(&prev->thread_sp, next->thread_sp);
	/* back in prev, when someone switched to it again */
}

/**
 * schedule - give the CPU to another task
 *
 * The caller sets its state first: TASK_RUNNING to just yield,
 * TASK_UNINTERRUPTIBLE (or INTERRUPTIBLE) to sleep until woken.  Called
 * in atomic context it reports "BUG: scheduling while atomic" and
 * returns without switching.
 *
 * Context: Process context, not atomic.
 */
void schedule(void)
{
	unsigned long flags;

	if (unlikely(preempt_count() != 0)) {
		schedule_bug(_RET_IP_);
		__set_current_state(TASK_RUNNING);
		return;
	}
	local_irq_save(flags);
	__preempt_count_add(1);
	__schedule(false);
	__preempt_count_sub(1);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(schedule);

/*
 * preempt_schedule - preempt_enable() found a reschedule pending: switch
 * now that the task became preemptible.
 */
void preempt_schedule(void)
{
	unsigned long flags;

	if (preempt_count() || irqs_disabled())
		return;
	local_irq_save(flags);
	__preempt_count_add(1);
	__schedule(true);
	__preempt_count_sub(1);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(preempt_schedule);

/*
 * preempt_schedule_irq - an interrupt is returning to preemptible code
 * whose slice ran out: switch before the interrupt returns.  Interrupts
 * are off and stay off until the interrupted code's iretq.
 */
void preempt_schedule_irq(void)
{
	while (need_resched()) {
		__preempt_count_add(1);
		__schedule(true);
		__preempt_count_sub(1);
	}
}

/**
 * yield - let the other runnable tasks run first
 *
 * Context: Process context.
 */
void yield(void)
{
	__set_current_state(TASK_RUNNING);
	schedule();
}
EXPORT_SYMBOL(yield);

int __cond_resched(void)
{
	if (need_resched() && preemptible()) {
		yield();
		return 1;
	}
	return 0;
}
EXPORT_SYMBOL(__cond_resched);

/* Called from the timer tick: use up the slice. */
void scheduler_tick(void)
{
	struct task_struct *t = current;

	if (t->flags & PF_IDLE) {
		if (!list_empty(&run_queue))
			this_cpu_write(__need_resched, 1);
		return;
	}
	if (--t->time_slice <= 0 && !list_empty(&run_queue))
		this_cpu_write(__need_resched, 1);
}

/**
 * do_exit - end the current task
 * @code: its exit code
 *
 * Context: Process context of a kernel thread.  Never returns.
 */
void do_exit(long code)
{
	struct task_struct *t = current;

	if (t->flags & PF_IDLE)
		panic("Attempted to kill the idle task!");
	local_irq_disable();
	preempt_count_set(0);		/* an oops may leave it dirty */
	t->exit_code = code;
	t->flags |= PF_EXITING;
	kthread_exit_notify(t);		/* wake kthread_stop(), free later */
	t->__state = TASK_DEAD;
	__preempt_count_add(1);
	__schedule(false);
	BUG();				/* a dead task is never switched to */
	cpu_halt_forever();
}

/**
 * cpu_idle_loop - what the boot thread does once the system runs
 *
 * Halts until an interrupt; runs the scheduler when something is
 * runnable.  "sti; hlt" is atomic: an interrupt between the two would
 * otherwise be taken before the hlt and the CPU would sleep through it.
 *
 * Context: The idle task.  Never returns.
 */
void cpu_idle_loop(void)
{
	current->flags |= PF_IDLE;
	for (;;) {
		local_irq_disable();
		if (need_resched()) {
			local_irq_enable();
			schedule();
			continue;
		}
		__asm__ __volatile__("sti; hlt" : : : "memory");
	}
}

/**
 * sched_init - the boot thread becomes task 0 of the scheduler
 *
 * Context: Boot.
 */
void sched_init(void)
{
	INIT_LIST_HEAD(&init_task.run_list);
	list_add(&init_task.tasks, &task_list);
	init_task.__state = TASK_RUNNING;
	init_task.time_slice = SCHED_TIME_SLICE_TICKS;
}
