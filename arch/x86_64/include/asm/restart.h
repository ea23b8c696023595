/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Restartable regions: a few instructions on per-CPU data that need no
 * cli/sti to be safe against interrupts on their CPU.
 *
 * A region reads what it needs, computes, and ends with one store (the
 * commit).  Its bounds go into the table __restart_table.  When an
 * interrupt arrives inside a region, before the commit has executed,
 * do_interrupt() moves the saved instruction pointer back to the
 * region's first instruction (restart_interrupted_region()): the
 * interrupt handler may use the same data freely, and the region then
 * runs again from the start on what the handler left.  A commit that
 * has executed is complete.  So the region is atomic with respect to
 * everything that runs on its CPU, preemption included (a task is only
 * preempted from an interrupt), at no cost when no interrupt comes.
 * (User space knows the idea as rseq; this is the kernel's own use.)
 *
 * The only users are the slab allocator's per-CPU sheaf operations
 * (mm/slab.h): a stack of pointers, one per CPU, this CPU's at @p_base
 * plus the per-CPU variable @p_cpu_off, its count at byte offset
 * @p_nr_off, its capacity at @p_cap_off, its slots at @p_slots_off, with
 * slot -1 readable (a guard).  Each macro jumps to a C label when it
 * cannot do its work, having changed nothing.
 *
 * Rules for a region: no calls, no stores before the commit that a
 * restart would not redo, nothing that faults.  On SMP the CPU's data
 * must be found inside the region (a task preempted there may resume on
 * another CPU): its first instruction loads @p_cpu_off through %gs, so a
 * restart finds the CPU it then runs on.  And only the owner CPU may
 * touch its stack: another CPU writing there could not be restarted.
 */

/*
 * The per-CPU load: %gs-relative in the kernel; a plain variable (CPU
 * 0's only copy, one instruction too) in the host build of mm/.
 */
#ifdef __KERNEL__
#define RESTART_PERCPU	"%%gs:"
#else
#define RESTART_PERCPU	""
#endif
#ifndef _ASM_X86_RESTART_H
#define _ASM_X86_RESTART_H

#ifndef __ASSEMBLER__

/* One region: [start, end), end being just after its commit. */
struct restart_region {
	unsigned long start;
	unsigned long end;
};

#define RESTART_REGION(start, end)					\
	".pushsection __restart_table, \"aw\"\n\t"			\
	".balign 8\n\t"							\
	".quad " #start ", " #end "\n\t"				\
	".popsection\n\t"

/*
 * restartable_stack_pop - @p_obj = slots[--nr], or goto @empty when nr is
 * 0.  The commit is the store of the new count.
 */
#define restartable_stack_pop(p_base, p_cpu_off, p_nr_off, p_slots_off, p_obj, empty) \
do {									\
	unsigned long __n, __c;						\
									\
	asm volatile goto("1:	mov " RESTART_PERCPU "%[cpuoff], %[c]\n\t"	\
		 "add %[base], %[c]\n\t"				\
		 "mov %c[nroff](%[c]), %[n]\n\t"			\
		 "sub $1, %[n]\n\t"					\
		 "jb %l[" #empty "]\n\t"				\
		 "mov %c[soff](%[c],%[n],8), %[o]\n\t"		\
		 "mov %[n], %c[nroff](%[c])\n"			\
		 "2:\n\t"						\
		 RESTART_REGION(1b, 2b)					\
		 : [n] "=&r"(__n), [c] "=&r"(__c), [o] "=&r"(p_obj)	\
		 : [base] "r"(p_base), [cpuoff] "m"(p_cpu_off),		\
		   [nroff] "i"(p_nr_off), [soff] "i"(p_slots_off)	\
		 : "cc", "memory"					\
		 : empty);						\
} while (0)

/*
 * restartable_stack_push - slots[nr++] = @p_x, or goto @refused when the
 * stack is full or @p_x is already on top (slots[nr - 1]).  The commit is
 * the store of the new count; the slot written before it is above the
 * count until then, so a handler that pushes there too only makes the
 * restart write the next slot.
 */
#define restartable_stack_push(p_base, p_cpu_off, p_nr_off, p_cap_off, p_slots_off, p_x, refused) \
do {									\
	unsigned long __n, __c;						\
									\
	asm volatile goto("1:	mov " RESTART_PERCPU "%[cpuoff], %[c]\n\t"	\
		 "add %[base], %[c]\n\t"				\
		 "mov %c[nroff](%[c]), %[n]\n\t"			\
		 "cmp %c[capoff](%[c]), %[n]\n\t"			\
		 "jae %l[" #refused "]\n\t"				\
		 "cmp %[x], %c[soff]-8(%[c],%[n],8)\n\t"		\
		 "je %l[" #refused "]\n\t"				\
		 "mov %[x], %c[soff](%[c],%[n],8)\n\t"		\
		 "add $1, %[n]\n\t"					\
		 "mov %[n], %c[nroff](%[c])\n"			\
		 "2:\n\t"						\
		 RESTART_REGION(1b, 2b)					\
		 : [n] "=&r"(__n), [c] "=&r"(__c)			\
		 : [base] "r"(p_base), [x] "r"(p_x),			\
		   [cpuoff] "m"(p_cpu_off), [nroff] "i"(p_nr_off),	\
		   [capoff] "i"(p_cap_off), [soff] "i"(p_slots_off)	\
		 : "cc", "memory"					\
		 : refused);						\
} while (0)

struct pt_regs;
/* arch/x86_64/traps.c: called by do_interrupt() */
bool restart_interrupted_region(struct pt_regs *regs);
extern unsigned long nr_region_restarts;	/* restarts since boot */
extern const struct restart_region __start___restart_table[];
extern const struct restart_region __stop___restart_table[];

#endif /* __ASSEMBLER__ */
#endif /* _ASM_X86_RESTART_H */
