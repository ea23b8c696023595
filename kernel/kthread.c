// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kthread.c - kernel threads.
 *
 * kthread_create() allocates a task_struct and a 16 KiB stack.  The stack
 * comes from vmalloc, as Linux's does (CONFIG_VMAP_STACK): vmalloc leaves
 * an unmapped page between areas, so a thread that overflows its stack
 * faults on that page, and the double fault (on its own IST stack)
 * reports "kernel stack overflow" instead of silently overwriting
 * whatever lies below.
 *
 * The new stack is laid out as if the task had been switched out just
 * before entering kthread_trampoline (arch/x86_64/switch.asm), so the
 * first switch to it "returns" there, and kthread_entry() calls the
 * thread function.  When the function returns (or the task oopses, or
 * calls do_exit()), the task becomes TASK_DEAD; kthread_stop() waits for
 * that and frees the stack and the task_struct.  A thread must therefore
 * be stopped by someone, as in Linux: the leak check notices a thread
 * that nobody stops.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/completion.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kernel/oops.h>

struct kthread {
	struct task_struct task;
	struct completion exited;
};

static pid_t next_pid = 1;
/* Guards task_list and next_pid: tasks are made and reaped on any CPU. */
DEFINE_SPINLOCK(tasklist_lock);
EXPORT_SYMBOL(tasklist_lock);
void kthread_trampoline(void);

static struct kthread *to_kthread(struct task_struct *t)
{
	return container_of(t, struct kthread, task);
}

/* The first C code of every kernel thread. */
void __noreturn kthread_entry(struct task_struct *t)
{
	int ret;

	/* finish the switch that brought us here (see __schedule()) */
	finish_task_switch();
	__preempt_count_sub(1);
	local_irq_enable();
	/* stopped before it ever ran: do not start the work at all */
	ret = t->should_stop ? -EINTR : t->threadfn(t->data);
	do_exit(ret);
}

void kthread_exit_notify(struct task_struct *t)
{
	if (t->flags & PF_KTHREAD)
		complete(&to_kthread(t)->exited);
}

/**
 * kthread_create - create a kernel thread, not yet running
 * @threadfn: what it runs; its return value is the exit code
 * @data: passed to @threadfn
 * @namefmt: printf-style name (shown by ps, in reports)
 *
 * Start it with wake_up_process(), or use kthread_run().
 *
 * Return: the task, or ERR_PTR(-ENOMEM).
 * Context: Process context (may sleep).
 */
struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char namefmt[], ...)
{
	struct kthread *k;
	struct task_struct *t;
	unsigned long *sp, flags;
	va_list args;

	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	t = &k->task;
	/*
	 * Zeroed, as Linux's THREADINFO_GFP asks: no earlier owner's data
	 * on a new stack.  Under QEMU's TCG it also matters for speed: a
	 * frame that last held executed code (a module's, since unloaded)
	 * keeps its translations until each one is overwritten, and until
	 * then every store to that page takes QEMU's slow path (ten times
	 * slower calls, docs/performance.md).
	 */
	t->stack = vzalloc(THREAD_SIZE);
	if (!t->stack) {
		kfree(k);
		return ERR_PTR(-ENOMEM);
	}
	va_start(args, namefmt);
	vscnprintf(t->comm, sizeof(t->comm), namefmt, args);
	va_end(args);
	init_completion(&k->exited);
	t->threadfn = threadfn;
	t->data = data;
	t->flags = PF_KTHREAD;
	cpumask_copy(&t->cpus_mask, cpu_possible_mask);
	t->cpu = raw_smp_processor_id();
	t->sched_new = true;
	t->__state = TASK_UNINTERRUPTIBLE;	/* until woken */
	t->stack_lo = (unsigned long)t->stack;
	t->stack_hi = t->stack_lo + THREAD_SIZE;
	INIT_LIST_HEAD(&t->run_list);

	sp = (unsigned long *)t->stack_hi;
	*--sp = 0;				/* alignment; the end of backtraces */
	*--sp = (unsigned long)kthread_trampoline;
	*--sp = 0;				/* rbp */
	*--sp = (unsigned long)t;		/* rbx: the task */
	*--sp = 0;				/* r12 */
	*--sp = 0;				/* r13 */
	*--sp = 0;				/* r14 */
	*--sp = 0;				/* r15 */
	t->thread_sp = (unsigned long)sp;

	spin_lock_irqsave(&tasklist_lock, flags);
	t->pid = next_pid++;
	t->tgid = t->pid;
	list_add_tail(&t->tasks, &task_list);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return t;
}
EXPORT_SYMBOL(kthread_create);

/**
 * kthread_should_stop - has kthread_stop() been called on this thread?
 *
 * Return: true when the thread should return from its function.
 * Context: The kthread itself.
 */
/**
 * kthread_bind - keep a thread not yet started on one CPU
 * @k: from kthread_create(), not yet woken
 * @cpu: the CPU (need not be online yet)
 *
 * Context: Process context.
 */
void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	if (WARN_ON(k->__state != TASK_UNINTERRUPTIBLE))
		return;
	cpumask_copy(&k->cpus_mask, cpumask_of(cpu));
	k->cpu = cpu;
	k->sched_new = false;
}
EXPORT_SYMBOL(kthread_bind);

/**
 * kthread_create_on_cpu - kthread_create() bound to @cpu
 * @threadfn: the thread's function
 * @data: its argument
 * @cpu: the CPU
 * @namefmt: its name, printf-style, one %u for @cpu (as "ksoftirqd/%u")
 *
 * Return: the task, not yet running, or an ERR_PTR().
 * Context: Process context.
 */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data,
					  unsigned int cpu, const char *namefmt)
{
	struct task_struct *t = kthread_create(threadfn, data, namefmt, cpu);

	if (!IS_ERR(t))
		kthread_bind(t, cpu);
	return t;
}
EXPORT_SYMBOL(kthread_create_on_cpu);

bool kthread_should_stop(void)
{
	return READ_ONCE(current->should_stop);
}
EXPORT_SYMBOL(kthread_should_stop);

/**
 * kthread_join_timeout - wait for a thread to exit, then free it
 * @k: the thread
 * @timeout: jiffies to wait at most
 * @exit_code: where its exit code goes (may be NULL)
 *
 * Return: 0, or -ETIMEDOUT (the thread still runs and is not freed).
 * Context: Process context (sleeps).
 */
int kthread_join_timeout(struct task_struct *k, unsigned long timeout,
			 int *exit_code)
{
	struct kthread *kt = to_kthread(k);
	unsigned long flags;

	if (!wait_for_completion_timeout(&kt->exited, timeout))
		return -ETIMEDOUT;
	/* let it finish switching away, maybe on another CPU */
	while (READ_ONCE(k->__state) != TASK_DEAD ||
	       __atomic_load_n(&k->on_cpu, __ATOMIC_ACQUIRE))
		yield();
	if (exit_code)
		*exit_code = k->exit_code;
	spin_lock_irqsave(&tasklist_lock, flags);
	list_del(&k->tasks);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	vfree(k->stack);
	kfree(kt);
	return 0;
}

/**
 * kthread_stop - ask a thread to stop, wait until it has, free it
 * @k: the thread (running, sleeping, or already exited)
 *
 * Sets kthread_should_stop() for it, wakes it, and waits for it to exit.
 *
 * Return: the thread's exit code (-EINTR if it never ran).
 * Context: Process context (sleeps).
 */
int kthread_stop(struct task_struct *k)
{
	int ret = 0;

	might_sleep();
	WRITE_ONCE(k->should_stop, true);
	wake_up_process(k);
	kthread_join_timeout(k, MAX_SCHEDULE_TIMEOUT, &ret);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);
