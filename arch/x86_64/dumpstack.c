// SPDX-License-Identifier: GPL-2.0
/*
 * Registers and backtraces for oops, WARN and dump_stack().
 *
 * The kernel is built with frame pointers: every function starts with
 * "push rbp; mov rbp, rsp", so RBP points at a frame whose first word is
 * the caller's RBP and whose second is the return address.  Walking that
 * chain gives the call stack; kallsyms turns each return address into
 * function+offset/size.  One exception: a fault on the first instruction
 * of a function (before its "push rbp") leaves RBP still pointing at the
 * caller's frame, so the caller's own return address sits at RSP; the
 * exception trace picks it up from there, or it would skip a frame.  The walk stops at a zero RBP (set by
 * boot/head.asm), never leaves the stack it started on, and reads no
 * word of it that is not mapped (a stack vunmapped under its task), so a
 * corrupted frame or a vanished stack cannot make the walker fault: a
 * fault inside an oops report would start a second report.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/panic.h>
#include <kernel/module.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/traps.h>
#include <kernel/oops.h>
#include <kernel/pgtable.h>

#define BACKTRACE_MAX_FRAMES	32

static void show_trace(unsigned long bp, unsigned long ip, unsigned long sp);

/* Can [@addr, @addr + @size) of a stack be read without faulting? */
static bool stack_readable(unsigned long addr, unsigned long size)
{
	return pgtable_virt_to_phys(addr) != (phys_addr_t)-1 &&
	       pgtable_virt_to_phys(addr + size - 1) != (phys_addr_t)-1;
}

bool ist_stack_bounds(unsigned long sp, unsigned long *lo, unsigned long *hi);

bool get_stack_bounds(unsigned long sp, unsigned long *lo, unsigned long *hi)
{
	struct task_struct *t = current;

	if (ist_stack_bounds(sp, lo, hi))
		return true;
	if (sp >= t->stack_lo && sp <= t->stack_hi) {
		*lo = t->stack_lo;
		*hi = t->stack_hi;
		return true;
	}
	return false;
}

/**
 * show_stack_from - print a "Call Trace:" walking frames from @bp
 * @bp: frame pointer of the innermost frame to show
 * @ip: if not 0, printed first (the faulting instruction's function)
 *
 * Context: Any context.
 */
void show_stack_from(unsigned long bp, unsigned long ip)
{
	show_trace(bp, ip, 0);
}

static void show_trace(unsigned long bp, unsigned long ip, unsigned long sp)
{
	unsigned long lo, hi;
	int depth;

	printk(KERN_DEFAULT "Call Trace:\n");
	printk(KERN_DEFAULT " <TASK>\n");
	if (ip)
		printk(KERN_DEFAULT " %pS\n", (void *)ip);
	if (sp && get_stack_bounds(sp, &lo, &hi) && sp + 8 <= hi &&
	    stack_readable(sp, 8))
		printk(KERN_DEFAULT " %pS\n", (void *)(*(unsigned long *)sp - 1));
	if (get_stack_bounds(bp, &lo, &hi)) {
		for (depth = 0; depth < BACKTRACE_MAX_FRAMES; depth++) {
			unsigned long *frame = (unsigned long *)bp;
			unsigned long ret;

			if (!bp || bp < lo || bp + 16 > hi || (bp & 7) ||
			    !stack_readable(bp, 16))
				break;
			ret = frame[1];
			if (!ret)
				break;
			/* a return address points after the call: show the call */
			printk(KERN_DEFAULT " %pS\n", (void *)(ret - 1));
			if (frame[0] <= bp)	/* frames must go up the stack */
				break;
			bp = frame[0];
		}
	}
	printk(KERN_DEFAULT " </TASK>\n");
}

/**
 * dump_stack - print a backtrace of the caller
 *
 * Context: Any context.
 */
noinline void dump_stack(void)
{
	struct task_struct *t = current;

	printk(KERN_DEFAULT "CPU: %u PID: %d Comm: %s %s\n",
	       raw_smp_processor_id(), t->pid, t->comm, print_tainted());
	show_stack_from((unsigned long)__builtin_frame_address(0), 0);
}
EXPORT_SYMBOL(dump_stack);

/* Is @ip the first instruction of its function (RBP not yet pushed)? */
static bool ip_in_prologue(unsigned long ip)
{
	unsigned long size, offset;

	return kallsyms_lookup_size_offset(ip, &size, &offset) && offset == 0;
}

/**
 * show_regs - print the saved registers of an exception, Linux style
 * @regs: the registers the entry code saved
 *
 * Context: Any context.
 */
void show_regs(struct pt_regs *regs)
{
	struct task_struct *t = current;

	print_modules();
	printk(KERN_DEFAULT "CPU: %u PID: %d Comm: %s %s\n",
	       raw_smp_processor_id(), t->pid, t->comm, print_tainted());
	printk(KERN_DEFAULT "RIP: %04lx:%pS\n", regs->cs, (void *)regs->ip);
	printk(KERN_DEFAULT "RSP: %04lx:%016lx EFLAGS: %08lx\n",
	       regs->ss, regs->sp, regs->flags);
	printk(KERN_DEFAULT "RAX: %016lx RBX: %016lx RCX: %016lx\n",
	       regs->ax, regs->bx, regs->cx);
	printk(KERN_DEFAULT "RDX: %016lx RSI: %016lx RDI: %016lx\n",
	       regs->dx, regs->si, regs->di);
	printk(KERN_DEFAULT "RBP: %016lx R08: %016lx R09: %016lx\n",
	       regs->bp, regs->r8, regs->r9);
	printk(KERN_DEFAULT "R10: %016lx R11: %016lx R12: %016lx\n",
	       regs->r10, regs->r11, regs->r12);
	printk(KERN_DEFAULT "R13: %016lx R14: %016lx R15: %016lx\n",
	       regs->r13, regs->r14, regs->r15);
	printk(KERN_DEFAULT "CR2: %016lx CR3: %016lx CR4: %016lx\n",
	       read_cr2(), read_cr3(), read_cr4());
	show_trace(regs->bp, 0, ip_in_prologue(regs->ip) ? regs->sp : 0);
}
