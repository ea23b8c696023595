/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Oopses, and catching them.
 *
 * An oops is the report of a kernel bug found by the CPU (an exception)
 * or by BUG(): a headline, the registers and a backtrace.  After the
 * report, the kernel cannot return into the broken code.  Linux kills the
 * task; here, if someone armed an oops catcher, the oops resumes at that
 * catcher (a setjmp point) instead:
 *
 *	struct oops_catcher c;
 *
 *	if (oops_catch(&c) == 0) {
 *		risky();		// may oops
 *		oops_uncatch(&c);
 *	} else {
 *		// risky() oopsed; the report is in the log
 *	}
 *
 * The KUnit runner arms one around every test case, which is how a test
 * case that oopses is reported "not ok" and the run goes on.  Catchers
 * nest; the innermost wins, and each task has its own.  With no catcher
 * an oops ends the task that caused it, as in Linux (do_exit()); in an
 * interrupt, or in the idle task, it is fatal: panic().
 */
#ifndef _KERNEL_OOPS_H
#define _KERNEL_OOPS_H

#include <linux/compiler.h>
#include <linux/sched.h>
#include <asm/setjmp.h>
#include <asm/ptrace.h>

struct oops_catcher {
	struct jmp_buf buf;
	struct oops_catcher *prev;
	unsigned int oopses;	/* how many oopses came back here */
	int preempt_count;	/* restored when an oops comes back here */
};

/* Catchers belong to the task that armed them. */
#define oops_catcher_top (current->oops_catcher_top)

/* Set while an oops or panic report is printed (reports stay quiet). */
extern int oops_in_progress;

#define oops_catch(c) ({						\
	(c)->prev = oops_catcher_top;					\
	(c)->oopses = 0;						\
	(c)->preempt_count = preempt_count();				\
	oops_catcher_top = (c);						\
	kernel_setjmp(&(c)->buf);					\
})

static inline void oops_uncatch(struct oops_catcher *c)
{
	oops_catcher_top = c->prev;
}

/* Number of oopses since boot. */
extern unsigned int oops_count;

/*
 * Start and finish an oops report.  oops_end() either resumes at the
 * innermost catcher (by rewriting @regs so the return from the exception
 * lands there; @regs NULL means "longjmp now") or panics.
 */
void oops_begin(void);
void oops_end(struct pt_regs *regs, const char *fatal_msg);
/* Is a page of @t's kernel stack unmapped (so that it cannot run on it)? */
bool task_stack_gone(const struct task_struct *t);

void show_regs(struct pt_regs *regs);
void show_stack_from(unsigned long bp, unsigned long ip);
void dump_stack(void);



#endif /* _KERNEL_OOPS_H */
