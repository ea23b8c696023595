// SPDX-License-Identifier: GPL-2.0
/*
 * CPU exceptions: what the kernel says when the processor stops it.
 *
 * Every vector arrives in do_interrupt() with the saved registers.  For an
 * exception (vectors 0-31) there is nothing to fix up in this kernel: it
 * is a kernel bug, so we print an oops in Linux's format and let
 * oops_end() decide what happens next (resume at a catcher, or panic).
 *
 *   BUG: unable to handle page fault for address: ffffc90000042000
 *   #PF: supervisor write access in kernel mode
 *   #PF: error_code(0x0002) - not-present page
 *   Oops: 0002 [#1] PREEMPT
 *   CPU: 0 PID: 0 Comm: swapper/0 Not tainted
 *   RIP: 0010:function+0x12/0x40
 *   ...registers...
 *   Call Trace:
 *
 * Other subsystems can add lines to a page-fault report (the vmalloc code
 * names the area a fault hit) through page_fault_notes.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <linux/hardirq.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <asm/irq_vectors.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/restart.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>
#include <kernel/oops.h>
#include <kunit/test.h>

static const char *const exception_names[32] = {
	[X86_TRAP_DE] = "divide error",
	[X86_TRAP_DB] = "debug",
	[X86_TRAP_NMI] = "NMI",
	[X86_TRAP_BP] = "int3",
	[X86_TRAP_OF] = "overflow",
	[X86_TRAP_BR] = "bounds",
	[X86_TRAP_UD] = "invalid opcode",
	[X86_TRAP_NM] = "device not available",
	[X86_TRAP_DF] = "double fault",
	[X86_TRAP_OLD_MF] = "coprocessor segment overrun",
	[X86_TRAP_TS] = "invalid TSS",
	[X86_TRAP_NP] = "segment not present",
	[X86_TRAP_SS] = "stack segment",
	[X86_TRAP_GP] = "general protection fault",
	[X86_TRAP_PF] = "page fault",
	[X86_TRAP_SPURIOUS] = "spurious interrupt",
	[X86_TRAP_MF] = "coprocessor error",
	[X86_TRAP_AC] = "alignment check",
	[X86_TRAP_MC] = "machine check",
	[X86_TRAP_XF] = "SIMD coprocessor error",
	[X86_TRAP_VE] = "virtualization exception",
	[X86_TRAP_CP] = "control protection fault",
};

/*
 * Is @addr in the guard page below the current task's stack?  (The boot
 * stack has one from boot/head.asm; a kernel thread's stack is a vmalloc
 * area, below which lies the guard page of another area, or nothing.)
 */
static bool in_stack_guard(unsigned long addr, unsigned long *lo,
			   unsigned long *hi)
{
	struct task_struct *t = current;

	if (addr < t->stack_lo && addr >= t->stack_lo - PAGE_SIZE) {
		*lo = t->stack_lo;
		*hi = t->stack_hi;
		return true;
	}
	return false;
}

static void page_fault_report(struct pt_regs *regs, unsigned long address)
{
	unsigned long err = regs->error_code;

	if (address < PAGE_SIZE)
		printk(KERN_ALERT "BUG: kernel NULL pointer dereference, address: %016lx\n",
		       address);
	else
		printk(KERN_ALERT "BUG: unable to handle page fault for address: %016lx\n",
		       address);
	printk(KERN_ALERT "#PF: %s %s in %s mode\n",
	       (err & X86_PF_USER) ? "user" : "supervisor",
	       (err & X86_PF_INSTR) ? "instruction fetch" :
	       (err & X86_PF_WRITE) ? "write access" : "read access",
	       (err & X86_PF_USER) ? "user" : "kernel");
	printk(KERN_ALERT "#PF: error_code(0x%04lx) - %s\n", err,
	       !(err & X86_PF_PROT) ? "not-present page" :
	       (err & X86_PF_RSVD) ? "reserved bit violation" :
	       "permissions violation");
	page_fault_notes(address);
}

static void exception_report(struct pt_regs *regs, unsigned int vector)
{
	unsigned long lo, hi;

	oops_begin();
	if (vector == X86_TRAP_PF) {
		page_fault_report(regs, read_cr2());
		printk(KERN_DEFAULT "Oops: %04lx [#%u] PREEMPT\n",
		       regs->error_code, oops_count);
	} else if (vector == X86_TRAP_DF && in_stack_guard(read_cr2(), &lo, &hi)) {
		printk(KERN_EMERG "BUG: stack guard page was hit at %px (stack is %px..%px)\n",
		       (void *)read_cr2(), (void *)lo, (void *)hi);
		printk(KERN_EMERG "kernel stack overflow (double-fault): %04lx [#%u] PREEMPT\n",
		       regs->error_code, oops_count);
	} else {
		printk(KERN_DEFAULT "%s: %04lx [#%u] PREEMPT\n",
		       exception_names[vector] ? exception_names[vector] :
		       "reserved exception", regs->error_code, oops_count);
	}
	show_regs(regs);
	oops_end(regs, "Fatal exception");
}

/*
 * Page-fault notes: a subsystem that owns part of the address space can
 * register a function that explains a faulting address (e.g. "vmalloc
 * guard page of area ..."); each is called while the oops is printed.
 */
static void (*pf_note_fns[4])(unsigned long address);

void register_page_fault_note(void (*fn)(unsigned long address))
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pf_note_fns); i++) {
		if (!pf_note_fns[i]) {
			pf_note_fns[i] = fn;
			return;
		}
	}
	WARN_ON(1);
}

void page_fault_notes(unsigned long address)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pf_note_fns) && pf_note_fns[i]; i++)
		pf_note_fns[i](address);
}

/* Which device interrupt @vector is, and its handling. */
static void handle_vector(unsigned int vector)
{
	unsigned int irq;

	switch (vector) {
	case LOCAL_TIMER_VECTOR:
		this_cpu_inc(irq_stat.apic_timer_irqs);
		apic_eoi();
		if (raw_smp_processor_id()) {
			tick_secondary();
			return;
		}
		lapic_timer_interrupts++;
		tick_periodic();
		return;
	case CALL_FUNCTION_SINGLE_VECTOR:
		apic_eoi();
		/*
		 * No TLB flush needed here: a vmalloc range (a task's stack
		 * among them) is handed out again only after every CPU
		 * flushed it (purge_vmap_area_lazy(), the TLB shootdown).
		 */
		generic_smp_call_function_single_interrupt();
		return;
	case RESCHEDULE_VECTOR:
		apic_eoi();
		scheduler_ipi();
		return;
	case IRQ_WORK_VECTOR:
		apic_eoi();
		irq_work_run();
		return;
	case SPURIOUS_APIC_VECTOR:
		return;		/* no EOI for a spurious interrupt */
	}
	if (vector >= ISA_IRQ_VECTOR(0) && vector < ISA_IRQ_VECTOR(NR_IRQS)) {
		irq = vector - ISA_IRQ_VECTOR(0);
		if (i8259_spurious(irq))
			return;
		generic_handle_irq(irq);
		i8259_eoi(irq);
		return;
	}
	pr_warn("do_IRQ: no handler for vector %#x\n", vector);
	apic_eoi();
}

unsigned long nr_region_restarts;

/**
 * restart_interrupted_region - send an interrupted region back to its start
 * @regs: the interrupted context
 *
 * If @regs->ip lies in a restartable region (<asm/restart.h>) before its
 * commit, the region has changed nothing yet: it is made to run again
 * from its first instruction when the interrupt returns.
 *
 * Return: true if @regs was moved.
 * Context: Hard interrupt, interrupts off (do_interrupt()).
 */
bool restart_interrupted_region(struct pt_regs *regs)
{
	const struct restart_region *r;

	for (r = __start___restart_table; r < __stop___restart_table; r++) {
		if (regs->ip - r->start < r->end - r->start) {
			regs->ip = r->start;
			nr_region_restarts++;
			return true;
		}
	}
	return false;
}

/**
 * do_interrupt - C entry of every interrupt and exception
 * @regs: registers saved by entry.asm; orig_ax holds the vector
 *
 * Exceptions are reported (exception_report()).  Interrupts run their
 * handler between irq_enter() and irq_exit() (which runs softirqs), and
 * then, if the interrupted code was preemptible and its time slice is
 * over, the scheduler switches tasks before the interrupt returns.
 *
 * Context: Hard interrupt or exception context, interrupts off.
 */
void do_interrupt(struct pt_regs *regs)
{
	unsigned int vector = regs->orig_ax;

	if (vector < FIRST_EXTERNAL_VECTOR) {
		exception_report(regs, vector);
		return;
	}
	restart_interrupted_region(regs);
	irq_enter();
	handle_vector(vector);
	irq_exit();
	if ((regs->flags & X86_EFLAGS_IF) && !preempt_count() && need_resched())
		preempt_schedule_irq();
	/* a timed-out KUnit case is stopped here, at a preemptible point */
	if (unlikely(current->kunit_test) && (regs->flags & X86_EFLAGS_IF) &&
	    !preempt_count())
		kunit_stop_at_interrupt(regs);
}
