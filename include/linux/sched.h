/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tasks and the scheduler (kernel/sched/core.c).
 *
 * Every thread of execution is a struct task_struct with its own kernel
 * stack.  The boot thread becomes the idle task (pid 0, "swapper/0"),
 * which runs only when nothing else can; every other task is a kernel
 * thread (<linux/kthread.h>).  The scheduler is round robin with a time
 * slice, preemptive: the timer interrupt ends a slice, and the task is
 * switched out on the way back from the interrupt, or at the next
 * preempt_enable(), if it is not in an atomic section.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/preempt.h>
#include <linux/cpumask.h>
#include <linux/lockdep_types.h>

#define TASK_COMM_LEN		16
#ifdef CONFIG_KASAN
#define THREAD_SIZE		(32 * 1024)	/* red zones double the frames (Linux too) */
#else
#define THREAD_SIZE		(16 * 1024)
#endif

/* Task states. */
#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_DEAD		0x0080
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

/* Task flags. */
#define PF_IDLE			0x00000002
#define PF_EXITING		0x00000004
#define PF_KTHREAD		0x00200000

#define MAX_SCHEDULE_TIMEOUT	LONG_MAX
#define SCHED_TIME_SLICE_TICKS	5	/* jiffies a task runs before others get a turn */

struct oops_catcher;
struct mm_struct;

struct task_struct {
	unsigned long thread_sp;	/* saved stack pointer while switched out */
	volatile long __state;		/* TASK_RUNNING, TASK_UNINTERRUPTIBLE ... */
	unsigned int flags;		/* PF_* */
	pid_t pid;
	pid_t tgid;			/* thread group: every task here is its own */
	/*
	 * The CPUs it may run on (Linux's cpus_mask): all possible ones for
	 * a kernel thread, its own for an idle task.  smp_processor_id()
	 * is safe in preemptible code only when this is one CPU.
	 */
	cpumask_t cpus_mask;
	char comm[TASK_COMM_LEN];
	/*
	 * The address space: NULL for kernel threads, which borrow the
	 * kernel's (active_mm), and every task here is a kernel thread.
	 * Code written for Linux tests !current->mm to tell them apart.
	 */
	struct mm_struct *mm, *active_mm;
	void *stack;			/* the stack's lowest address (vmalloc) */
	unsigned long stack_lo, stack_hi;	/* [lo, hi) for backtraces */
	int time_slice;			/* ticks left */
	bool on_rq;			/* on the queue of CPU @cpu */
	bool sched_new;			/* never woken: goes to the least loaded CPU */
	int on_cpu;			/* running, or its switch-out not finished */
	unsigned int cpu;		/* the CPU it runs or last ran on */
	struct list_head run_list;	/* in the run queue */
	struct list_head tasks;		/* in the list of all tasks */
	struct oops_catcher *oops_catcher_top;	/* <kernel/oops.h> */
	/*
	 * Context switches away from this task, as Linux counts them (and
	 * /proc/PID/status shows): voluntary when it blocked or slept
	 * (schedule() in a state other than TASK_RUNNING), involuntary when
	 * it was preempted or yielded while still runnable.
	 */
	unsigned long nvcsw, nivcsw;
	/* Page faults: minor and major.  Kernel threads take none here. */
	unsigned long min_flt, maj_flt;
	unsigned long last_ran;		/* jiffies */
	/* kernel threads (kernel/kthread.c) */
	int (*threadfn)(void *data);
	void *data;
	int exit_code;
	bool should_stop;
	void *kthread_done;		/* struct completion *, signalled at exit */
#ifdef CONFIG_KASAN
	unsigned int kasan_depth;	/* > 0: KASAN reports nothing (kasan_disable_current()) */
#endif
	const char *wchan;		/* what a sleeping task waits for */
	struct kunit *kunit_test;	/* the KUnit case it runs, if any */
	/*
	 * The locks it holds, innermost last, for the lock validator
	 * (kernel/locking/lockdep.c); an interrupt handler's go on top of
	 * those of the task it interrupted.
	 */
	unsigned int lockdep_depth;
	struct held_lock held_locks[MAX_LOCK_DEPTH];
	/* where its interrupts and softirqs last went off and on */
	struct irqtrace_events irqtrace;
};

extern struct task_struct init_task;
/* The task each CPU runs (per-CPU, as Linux's x86 pcpu_hot.current_task). */
DECLARE_PER_CPU(struct task_struct *, current_task);
extern struct list_head task_list;
/* Guards task_list (kernel/kthread.c); interrupts off while held. */
extern struct spinlock tasklist_lock;

static __always_inline struct task_struct *get_current(void)
{
	return this_cpu_read(current_task);
}
#define current get_current()

static inline pid_t task_pid_nr(struct task_struct *t)
{
	return t->pid;
}

#define set_current_state(state)	WRITE_ONCE(current->__state, (state))
#define __set_current_state(state)	(current->__state = (state))
#define task_is_running(t)		(READ_ONCE((t)->__state) == TASK_RUNNING)

void schedule(void);
void preempt_schedule_irq(void);
long schedule_timeout(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_interruptible(long timeout);
int wake_up_process(struct task_struct *p);
void yield(void);
int __cond_resched(void);
void scheduler_tick(void);
void sched_init(void);
void sched_init_idle(struct task_struct *idle, unsigned int cpu);
void sched_cpu_online(unsigned int cpu);
void finish_task_switch(void);
unsigned int sched_nr_running(unsigned int cpu);
int set_cpus_allowed_ptr(struct task_struct *p, const struct cpumask *new_mask);

static inline unsigned int task_cpu(const struct task_struct *p)
{
	return READ_ONCE(p->cpu);
}
void __noreturn do_exit(long code);
/* Become the idle task: never returns. */
void __noreturn cpu_idle_loop(void);
const char *task_state_name(const struct task_struct *t);

/**
 * cond_resched - give the CPU away if another task should run
 *
 * Return: 1 if it did.
 * Context: Process context, may sleep.
 */
#define cond_resched() ({ might_sleep(); __cond_resched(); })

static inline bool need_resched(void)
{
	return this_cpu_read(__need_resched);
}

/*
 * might_sleep - annotate a function that may sleep
 *
 * In atomic context (preempt_count() != 0), with interrupts off, or in an
 * interrupt, prints "BUG: sleeping function called from invalid context"
 * with the caller's file and line (rate limited per call site).
 */
void __might_sleep(const char *file, int line);
void __might_sleep_irqflags(const char *file, int line, unsigned long irqflags);
#define might_sleep()	__might_sleep(__FILE__, __LINE__)
#define might_sleep_if(cond) do { if (cond) might_sleep(); } while (0)

/* Nonzero once the scheduler runs: sleeping is checked from then on. */
extern int system_running;

#endif /* _LINUX_SCHED_H */
