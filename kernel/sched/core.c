// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/sched/core.c - the scheduler, and the rule that atomic code
 * does not sleep.
 *
 * Each CPU has its run queue (struct rq): a list of runnable tasks,
 * served round robin, and the task it runs (rq->curr, not on the list).
 * schedule() picks the first task of this CPU's queue, puts the outgoing
 * one at the back if it can still run, and switches stacks
 * (arch/x86_64/switch.asm).  With nothing to run, the CPU's idle task
 * (swapper/N, pid 0) runs and halts the CPU until an interrupt.
 *
 * Many CPUs:
 *   - a task is on the queue of task_cpu(p); wake_up_process() takes that
 *     queue's lock, makes the task runnable there (or on the least loaded
 *     CPU it may use, for a new task or one whose CPU it may no longer
 *     use) and sends the reschedule IPI when that CPU is idle;
 *   - an idle CPU pulls a waiting task from the busiest queue at its own
 *     tick, and a busy one every BALANCE_TICKS ticks if the busiest CPU
 *     has at least two tasks more than it (load_balance());
 *   - every CPU counts down its task's slice at its own tick; jiffies
 *     advance on CPU 0 only;
 *   - a task woken before any CPU it may use is up (ksoftirqd/N and
 *     kworker/N:0, made at boot for every possible CPU) waits on a list
 *     until its CPU comes online (sched_cpu_online()).
 *
 * Lock order: rq->lock is innermost; it is taken with interrupts off,
 * inside any spinlock (a wait queue's, a completion's), never the other
 * way round.  Two run queue locks are taken together only by
 * load_balance(), the lower CPU number first.  rq->lock is a raw lock
 * outside lockdep: it is held across the context switch, taken by the
 * outgoing task and released by the incoming one (finish_task_switch()),
 * which lockdep's per-task held-lock stacks cannot describe.
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
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/smp.h>
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
static bool atomic_sleep_panics;

/* A CPU's run queue. */
struct rq {
	u32 lock;			/* raw: see the lock order above */
	struct list_head queue;		/* runnable, waiting for this CPU */
	unsigned int nr_queued;
	struct task_struct *curr;	/* what it runs */
	struct task_struct *idle;	/* swapper/N */
	struct task_struct *prev;	/* the task it is switching away from */
	unsigned long nr_switches;
	unsigned int balance_ticks;	/* ticks until a busy CPU balances */
};

static struct rq runqueues[NR_CPUS];

/* A busy CPU looks for a busier one every BALANCE_TICKS ticks. */
#define BALANCE_TICKS	10

static inline struct rq *cpu_rq(unsigned int cpu)
{
	return &runqueues[cpu];
}

static inline struct rq *this_rq(void)
{
	return cpu_rq(raw_smp_processor_id());
}

/* With interrupts off. */
static void rq_lock(struct rq *rq)
{
	while (__atomic_exchange_n(&rq->lock, 1, __ATOMIC_ACQUIRE))
		while (READ_ONCE(rq->lock))
			cpu_relax();
}

static void rq_unlock(struct rq *rq)
{
	__atomic_store_n(&rq->lock, 0, __ATOMIC_RELEASE);
}

/* Lock the queue @p is on (or will be on when woken); interrupts off. */
static struct rq *task_rq_lock(struct task_struct *p)
{
	struct rq *rq;
	unsigned int cpu;

	for (;;) {
		cpu = READ_ONCE(p->cpu);
		rq = cpu_rq(cpu);
		rq_lock(rq);
		if (READ_ONCE(p->cpu) == cpu)
			return rq;
		rq_unlock(rq);
	}
}

/**
 * sched_nr_running - tasks running or waiting on @cpu
 * @cpu: a CPU
 *
 * Return: the queue's length, plus one if it runs something else than idle.
 * Context: Any context; the answer may be stale at once.
 */
unsigned int sched_nr_running(unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	return READ_ONCE(rq->nr_queued) + (READ_ONCE(rq->curr) != rq->idle);
}

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

static void enqueue_task(struct rq *rq, struct task_struct *p)
{
	if (p->on_rq || (p->flags & PF_IDLE))
		return;
	list_add_tail(&p->run_list, &rq->queue);
	p->on_rq = true;
	rq->nr_queued++;
}

static void dequeue_task(struct rq *rq, struct task_struct *p)
{
	if (!p->on_rq)
		return;
	list_del(&p->run_list);
	p->on_rq = false;
	rq->nr_queued--;
}

/* The least loaded online CPU @p may use; its own on a tie. */
static unsigned int select_task_rq(struct task_struct *p)
{
	unsigned int cpu, best = NR_CPUS, load, best_load = ~0U;

	for_each_online_cpu(cpu) {
		if (!cpumask_test_cpu(cpu, &p->cpus_mask))
			continue;
		load = sched_nr_running(cpu);
		if (load < best_load || (load == best_load && cpu == p->cpu)) {
			best = cpu;
			best_load = load;
		}
	}
	if (best == NR_CPUS)	/* no CPU it may use is online: any online */
		best = cpumask_first(cpu_online_mask);
	return best;
}

/* @rq (locked) got a task: have its CPU look if it idles. */
static void resched_idle(struct rq *rq, unsigned int cpu)
{
	if (rq->curr != rq->idle)
		return;		/* it runs something: the task waits its turn */
	per_cpu(__need_resched, cpu) = 1;
	if (cpu != raw_smp_processor_id())
		smp_send_reschedule((int)cpu);
}

/* Put @p, runnable and on no CPU, on the queue of @cpu. */
static void activate_task_on(struct task_struct *p, unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	rq_lock(rq);
	WRITE_ONCE(p->cpu, cpu);
	enqueue_task(rq, p);
	resched_idle(rq, cpu);
	rq_unlock(rq);
}

/*
 * Tasks woken while none of the CPUs they may use is online (a per-CPU
 * thread created before smp_init() brought its CPU up): they wait here,
 * TASK_RUNNING on no queue, until sched_cpu_online().  parked_lock is
 * taken inside a run queue's lock, never around one.
 */
static LIST_HEAD(parked_tasks);
static DEFINE_SPINLOCK(parked_lock);

/**
 * sched_cpu_online - @cpu came up: run the tasks that were waiting for it
 * @cpu: a CPU just marked online
 *
 * Context: Process context, on another CPU (smp_init()).
 */
void sched_cpu_online(unsigned int cpu)
{
	struct task_struct *p, *n;
	unsigned long flags;
	LIST_HEAD(ready);

	spin_lock_irqsave(&parked_lock, flags);
	list_for_each_entry_safe(p, n, &parked_tasks, run_list)
		if (cpumask_test_cpu(cpu, &p->cpus_mask))
			list_move_tail(&p->run_list, &ready);
	spin_unlock_irqrestore(&parked_lock, flags);
	list_for_each_entry_safe(p, n, &ready, run_list) {
		list_del_init(&p->run_list);
		p->sched_new = false;
		local_irq_save(flags);
		activate_task_on(p, cpu);
		local_irq_restore(flags);
	}
}

/**
 * wake_up_process - make a sleeping task runnable
 * @p: the task
 *
 * The task goes on the queue of the CPU it last ran on, or of the least
 * loaded CPU it may use if it is new or may no longer use that one; an
 * idle CPU gets the reschedule IPI.
 *
 * Return: 1 if it was asleep, 0 if it was already running.
 * Context: Any context.
 */
int wake_up_process(struct task_struct *p)
{
	unsigned long flags;
	unsigned int cpu, target;
	struct rq *rq;

	local_irq_save(flags);
	rq = task_rq_lock(p);
	if (p->__state == TASK_RUNNING || p->__state == TASK_DEAD) {
		rq_unlock(rq);
		local_irq_restore(flags);
		return 0;
	}
	WRITE_ONCE(p->__state, TASK_RUNNING);
	if (rq->curr == p) {
		/* not yet switched out: it sees TASK_RUNNING in __schedule() */
		rq_unlock(rq);
		local_irq_restore(flags);
		return 1;
	}
	/* Off every CPU: its last switch is over (rq->lock was held across it). */
	cpu = p->cpu;
	target = cpu;
	if (unlikely(!cpumask_intersects(&p->cpus_mask, cpu_online_mask))) {
		/* a per-CPU thread of a CPU not yet up: it waits for it */
		spin_lock(&parked_lock);
		list_add_tail(&p->run_list, &parked_tasks);
		spin_unlock(&parked_lock);
		rq_unlock(rq);
		local_irq_restore(flags);
		return 1;
	}
	if (p->sched_new || !cpu_online(cpu) ||
	    !cpumask_test_cpu(cpu, &p->cpus_mask))
		target = select_task_rq(p);
	p->sched_new = false;
	if (target == cpu) {
		enqueue_task(rq, p);
		resched_idle(rq, cpu);
		rq_unlock(rq);
	} else {
		WRITE_ONCE(p->cpu, target);	/* other wakers now find it RUNNING */
		rq_unlock(rq);
		activate_task_on(p, target);
	}
	local_irq_restore(flags);
	return 1;
}
EXPORT_SYMBOL(wake_up_process);

/**
 * set_cpus_allowed_ptr - the CPUs @p may run on
 * @p: the task
 * @new_mask: at least one online CPU
 *
 * A sleeping or waiting task moves at its next wake-up or pick; the
 * calling task moves at once (it yields, and goes to an allowed CPU).
 *
 * Return: 0, or -EINVAL if @new_mask has no online CPU.
 * Context: Process context.
 */
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask)
{
	unsigned long flags;
	struct rq *rq;
	bool move;

	if (!cpumask_intersects(new_mask, cpu_online_mask))
		return -EINVAL;
	local_irq_save(flags);
	rq = task_rq_lock(p);
	cpumask_copy(&p->cpus_mask, new_mask);
	move = !cpumask_test_cpu(p->cpu, new_mask);
	if (move && p->on_rq) {
		/* waiting on a CPU it may no longer use: to one it may */
		dequeue_task(rq, p);
		rq_unlock(rq);
		activate_task_on(p, select_task_rq(p));
		move = false;
	} else {
		rq_unlock(rq);
	}
	local_irq_restore(flags);
	if (move && p == current)
		yield();	/* __schedule() sends it to an allowed CPU */
	return 0;
}
EXPORT_SYMBOL(set_cpus_allowed_ptr);

/* Tasks on @rq: waiting, and the one running unless it is the idle task. */
static inline unsigned int rq_load(struct rq *rq)
{
	return READ_ONCE(rq->nr_queued) + (READ_ONCE(rq->curr) != rq->idle);
}

/*
 * load_balance - take a waiting task from the busiest queue, one that may
 * run here, if that queue has at least two tasks more than this one (an
 * idle CPU: one more).  The busiest queue is found without locks; both
 * loads are checked again under the two locks.  At the tick, interrupts
 * off.
 */
static void load_balance(unsigned int this_cpu)
{
	struct rq *this = cpu_rq(this_cpu), *busiest = NULL, *first, *second;
	struct task_struct *p, *found = NULL;
	unsigned int cpu, max = 0, n, mine;

	for_each_online_cpu(cpu) {
		n = READ_ONCE(cpu_rq(cpu)->nr_queued);
		if (cpu != this_cpu && n > max) {
			max = n;
			busiest = cpu_rq(cpu);
		}
	}
	if (!busiest)
		return;
	first = this < busiest ? this : busiest;
	second = this < busiest ? busiest : this;
	rq_lock(first);
	rq_lock(second);
	mine = rq_load(this);
	/* a task moved must leave its queue no shorter than ours */
	if (busiest->nr_queued && rq_load(busiest) >= mine + 2) {
		list_for_each_entry(p, &busiest->queue, run_list) {
			if (cpumask_test_cpu(this_cpu, &p->cpus_mask)) {
				found = p;
				break;
			}
		}
	}
	if (found) {
		dequeue_task(busiest, found);
		WRITE_ONCE(found->cpu, this_cpu);
		enqueue_task(this, found);
		if (this->curr == this->idle)
			this_cpu_write(__need_resched, 1);
	}
	rq_unlock(second);
	rq_unlock(first);
}

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
	debug_show_held_locks(prev);
	if (irqs_disabled())
		print_irqtrace_events(prev);
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
	/* as Linux: the locks held, and where interrupts went off */
	debug_show_held_locks(t);
	if (irqs_disabled_flags(irqflags))
		print_irqtrace_events(t);
	local_irq_restore(flags);
	atomic_report_end();
}
EXPORT_SYMBOL(__might_sleep_irqflags);

/* ---- switching ----------------------------------------------------------------- */

static struct task_struct *pick_next_task(struct rq *rq)
{
	if (list_empty(&rq->queue))
		return rq->idle;
	return list_first_entry(&rq->queue, struct task_struct, run_list);
}

/*
 * finish_task_switch - the first thing the incoming task does: release
 * the run queue lock the outgoing one took, and let go of the outgoing
 * task (on_cpu 0: its stack is no longer in use, kthread_stop() may free
 * it).  One that may no longer run here goes to a CPU it may use.
 */
void finish_task_switch(void)
{
	struct rq *rq = this_rq();
	struct task_struct *prev = rq->prev;
	bool move = prev->__state == TASK_RUNNING && !(prev->flags & PF_IDLE) &&
		    !prev->on_rq;

	rq_unlock(rq);
	if (move) {
		__atomic_store_n(&prev->on_cpu, 0, __ATOMIC_RELEASE);
		activate_task_on(prev, select_task_rq(prev));
		return;
	}
	__atomic_store_n(&prev->on_cpu, 0, __ATOMIC_RELEASE);
}

/*
 * The heart of it, with interrupts off and preemption counted as
 * disabled: take @prev off the CPU, put the next runnable task on.
 */
static void __schedule(bool preempt)
{
	struct rq *rq = this_rq();
	unsigned int cpu = raw_smp_processor_id();
	struct task_struct *prev, *next;
	bool blocks;

	rq_lock(rq);
	prev = rq->curr;
	blocks = prev->__state != TASK_RUNNING && !preempt;
	if (blocks)
		dequeue_task(rq, prev);
	else if (!(prev->flags & PF_IDLE) && cpumask_test_cpu(cpu, &prev->cpus_mask))
		enqueue_task(rq, prev);	/* to the back of the queue */
	/* else it may no longer run here: finish_task_switch() moves it */
	next = pick_next_task(rq);
	dequeue_task(rq, next);
	this_cpu_write(__need_resched, 0);
	next->time_slice = SCHED_TIME_SLICE_TICKS;
	if (next == prev) {
		rq_unlock(rq);
		return;
	}

	/* Counted only when the CPU really goes to another task, as Linux. */
	if (blocks)
		prev->nvcsw++;
	else
		prev->nivcsw++;	/* preempted, or yielded while runnable */

	rq->nr_switches++;
	prev->last_ran = jiffies;
	rq->curr = next;
	rq->prev = prev;
	next->on_cpu = 1;
	next->cpu = cpu;
	this_cpu_write(current_task, next);
	__switch_to_asm(&prev->thread_sp, next->thread_sp);
	/* back in prev, when some CPU switched to it again */
	finish_task_switch();
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

/*
 * Called from every CPU's timer tick: use up the slice; an idle CPU
 * looks for work on the others' queues at each tick, a busy one every
 * BALANCE_TICKS (100 ms at HZ=100).
 */
void scheduler_tick(void)
{
	struct task_struct *t = current;
	unsigned int cpu = raw_smp_processor_id();
	struct rq *rq = cpu_rq(cpu);

	if (t->flags & PF_IDLE) {
		if (READ_ONCE(rq->nr_queued))
			this_cpu_write(__need_resched, 1);
		else if (num_online_cpus() > 1)
			load_balance(cpu);
		return;
	}
	if (num_online_cpus() > 1 && ++rq->balance_ticks >= BALANCE_TICKS) {
		rq->balance_ticks = 0;
		load_balance(cpu);
	}
	if (--t->time_slice <= 0 && READ_ONCE(rq->nr_queued))
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
 * sched_init_idle - @idle is the idle task of @cpu, which starts now
 * @idle: swapper/N
 * @cpu: the CPU
 *
 * Context: Boot, before @cpu runs.
 */
void sched_init_idle(struct task_struct *idle, unsigned int cpu)
{
	idle->cpu = cpu;
	idle->on_cpu = 1;
	runqueues[cpu].idle = idle;
	runqueues[cpu].curr = idle;
}

/**
 * sched_init - the boot thread becomes task 0 of the scheduler
 *
 * Context: Boot.
 */
void sched_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		INIT_LIST_HEAD(&runqueues[cpu].queue);
	runqueues[0].curr = runqueues[0].idle = &init_task;
	init_task.on_cpu = 1;
	INIT_LIST_HEAD(&init_task.run_list);
	list_add(&init_task.tasks, &task_list);
	init_task.__state = TASK_RUNNING;
	init_task.time_slice = SCHED_TIME_SLICE_TICKS;
}
