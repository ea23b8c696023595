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
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <kernel/oops.h>

/* QEMU exit status (through isa-debug-exit) when the kernel panics. */
#define PANIC_EXIT_STATUS	2

struct oops_catcher *oops_catcher_top;
unsigned int oops_count;
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

void oops_begin(void)
{
	oops_count++;
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
	if (!c)
		panic("%s", fatal_msg);

	c->oopses++;
	oops_catcher_top = c->prev;
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
	printk(KERN_WARNING "WARNING: CPU: 0 PID: %d at %s:%d %pS\n",
	       t->pid, file, line, (void *)caller);
	if (fmt) {
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	dump_stack();
	printk(KERN_WARNING "---[ end trace %016x ]---\n", 0);
}

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
