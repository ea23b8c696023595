// SPDX-License-Identifier: GPL-2.0
/*
 * panic(), oops bookkeeping, BUG() and WARN().
 *
 * The three ways the kernel reports its own bugs, from mildest:
 *   WARN_ON   - "------------[ cut here ]------------" and "WARNING: ...",
 *               a backtrace, and execution simply continues;
 *   oops      - an exception or BUG(): report, then the broken code is
 *               abandoned (resume at an oops catcher, see <kernel/oops.h>);
 *   panic     - "Kernel panic - not syncing: ...": the machine stops.
 *               Under `make ktest` a panic ends QEMU with a failure code,
 *               so a test run never hangs on a dead kernel.
 */
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/preempt.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <kernel/oops.h>
#include <kernel/pgtable.h>

#define SIGKILL_EXIT	9	/* the exit code of a task killed by an oops */

/* QEMU exit status (through isa-debug-exit) when the kernel panics. */
#define PANIC_EXIT_STATUS	2

unsigned int oops_count;
int oops_in_progress;
bool panic_exits_qemu;		/* set by ktest=: a panic ends the run */
static bool in_panic;

/**
 * panic - report a fatal error and stop the machine
 * @fmt: what went wrong
 *
 * Context: Any context.  Does not return.
 */
void panic(const char *fmt, ...)
{
	char msg[256];
	va_list args;

	local_irq_disable();
	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);

	if (!in_panic) {
		in_panic = true;
		printk(KERN_EMERG "Kernel panic - not syncing: %s\n", msg);
		dump_stack();
		printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", msg);
	}
	if (panic_exits_qemu)
		qemu_exit(PANIC_EXIT_STATUS);
	cpu_halt_forever();
}
EXPORT_SYMBOL(panic);

void oops_begin(void)
{
	oops_count++;
	oops_in_progress++;
}

/**
 * task_stack_gone - is part of @t's kernel stack no longer mapped?
 * @t: a task
 *
 * Walks the page tables for each page of [stack_lo, stack_hi).  A task
 * whose stack was unmapped under it (a vfree() of a live stack) can
 * neither resume nor run do_exit(): every push faults again.
 *
 * Context: Any context.
 */
bool task_stack_gone(const struct task_struct *t)
{
	unsigned long va;

	for (va = t->stack_lo & PAGE_MASK; va < t->stack_hi; va += PAGE_SIZE)
		if (pgtable_virt_to_phys(va) == (phys_addr_t)-1)
			return true;
	return false;
}

/*
 * Finish an oops: resume at the innermost catcher, or panic.  Resuming
 * from an exception rewrites the saved registers so that the exception's
 * iretq "returns" into kernel_longjmp(&catcher->buf, 1), on the
 * catcher's own stack: this works even after a stack overflow, where the
 * faulting stack is unusable.
 */
void oops_end(struct pt_regs *regs, const char *fatal_msg)
{
	struct oops_catcher *c = oops_catcher_top;

	printk(KERN_DEFAULT "---[ end trace %016x ]---\n", 0);
	oops_in_progress--;
	if (in_interrupt())
		panic("Fatal exception in interrupt");
	/*
	 * Both ways on (a catcher, do_exit()) run on this task's stack; with
	 * it unmapped each would fault, oops and come back here, forever.
	 */
	if (task_stack_gone(current))
		panic("Fatal exception: the kernel stack of %s[%d] (%px-%px) is unmapped",
		      current->comm, current->pid, (void *)current->stack_lo,
		      (void *)current->stack_hi);
	if (!c) {
		if (current->flags & PF_IDLE || !system_running)
			panic("%s", fatal_msg);
		/* as Linux: the task that oopsed dies, the kernel goes on */
		pr_alert("note: %s[%d] exited with irqs %s and preempt_count %#x\n",
			 current->comm, current->pid,
			 regs && !(regs->flags & X86_EFLAGS_IF) ? "disabled" : "enabled",
			 preempt_count());
		kasan_unpoison_task_stack_below((void *)current->stack_hi);
		if (!regs)
			do_exit(SIGKILL_EXIT);
		regs->ip = (unsigned long)do_exit;
		regs->di = SIGKILL_EXIT;
		regs->sp = (current->stack_hi - 64) & ~15UL;
		regs->sp -= 8;
		regs->bp = 0;
		return;
	}
	/* resuming: whatever the broken code held is abandoned */
	preempt_count_set(c->preempt_count);

	c->oopses++;
	oops_catcher_top = c->prev;
	/* KASAN=1: the abandoned frames' red zones are not unpoisoned by them */
	kasan_unpoison_task_stack_below((void *)c->buf.rsp);
	if (!regs)
		kernel_longjmp(&c->buf, 1);
	regs->ip = (unsigned long)kernel_longjmp;
	regs->di = (unsigned long)&c->buf;
	regs->si = 1;
	/* below the catcher's frame, aligned as right after a call */
	regs->sp = ((c->buf.rsp - 128) & ~15UL) - 8;
}

void __warn_printk(const char *file, int line, unsigned long caller,
		   const char *fmt, ...)
{
	struct task_struct *t = current;
	va_list args;

	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_WARNING "WARNING: CPU: %u PID: %d at %s:%d %pS\n",
	       raw_smp_processor_id(), t->pid, file, line, (void *)caller);
	if (fmt) {
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	dump_stack();
	printk(KERN_WARNING "---[ end trace %016x ]---\n", 0);
}
EXPORT_SYMBOL(__warn_printk);

void __bug(const char *file, int line, unsigned long caller)
{
	printk(KERN_ALERT "kernel BUG at %s:%d!\n", file, line);
	oops_begin();
	printk(KERN_DEFAULT "Oops: invalid opcode: 0000 [#%u] PREEMPT\n",
	       oops_count);
	printk(KERN_DEFAULT "RIP: 0010:%pS\n", (void *)caller);
	dump_stack();
	oops_end(NULL, "Fatal exception");
	cpu_halt_forever();	/* oops_end() did not return */
}
EXPORT_SYMBOL(__bug);
