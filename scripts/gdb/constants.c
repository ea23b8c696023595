// SPDX-License-Identifier: GPL-2.0
/*
 * The constants the gdb helpers (scripts/gdb/teachkernel.py) need, taken
 * from the kernel's own headers at build time.
 *
 * They are C macros and enum values, which gdb cannot see in the debug
 * info (macros need -g3).  Copying them by hand into Python would let
 * the two drift apart; instead the Makefile compiles this file with the
 * kernel's flags to assembly only (-S: nothing here runs or links), and
 * scripts/gdb/gen_constants.py turns its "@@gdb-const NAME VALUE" lines
 * into build/gdb/constants.py, which teachkernel.py loads.  Linux's
 * scripts/gdb/linux/constants.py.in does the same job with the
 * preprocessor.
 *
 * To give the helpers a new constant: one GDB_CONSTANT() line below.
 */
#include <linux/mmzone.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>

/*
 * An assembler comment line holding the value as two plain numbers, its
 * high and low 32 bits ("%c": no "$"; an x86-64 immediate operand holds
 * only 32 bits).  The compiler checks that the value is a constant.
 */
#define GDB_CONSTANT(name, value) \
	asm volatile("\n# @@gdb-const " #name " %c0 %c1" : : \
		     "i" ((int)((unsigned long long)(value) >> 32)), \
		     "i" ((int)((unsigned long long)(value) & 0xffffffffULL)))

void gdb_constants(void);

void gdb_constants(void)
{
	/* asm/page.h */
	GDB_CONSTANT(PAGE_SHIFT, PAGE_SHIFT);
	GDB_CONSTANT(PAGE_OFFSET, PAGE_OFFSET);
	GDB_CONSTANT(START_KERNEL_MAP, __START_KERNEL_map);
	GDB_CONSTANT(VMALLOC_START, VMALLOC_START);
	GDB_CONSTANT(VMALLOC_END, VMALLOC_END);
	/* asm/pgtable.h */
	GDB_CONSTANT(PAGE_PRESENT, _PAGE_PRESENT);
	GDB_CONSTANT(PAGE_RW, _PAGE_RW);
	GDB_CONSTANT(PAGE_USER, _PAGE_USER);
	GDB_CONSTANT(PAGE_ACCESSED, _PAGE_ACCESSED);
	GDB_CONSTANT(PAGE_DIRTY, _PAGE_DIRTY);
	GDB_CONSTANT(PAGE_PSE, _PAGE_PSE);
	GDB_CONSTANT(PAGE_NX, _PAGE_NX);
	GDB_CONSTANT(PTE_ADDR_MASK, PTE_ADDR_MASK);
	GDB_CONSTANT(PTRS_PER_TABLE, PTRS_PER_TABLE);
	/* linux/mmzone.h */
	GDB_CONSTANT(WMARK_HIGH, WMARK_HIGH);
	/* linux/vmalloc.h */
	GDB_CONSTANT(VM_IOREMAP, VM_IOREMAP);
	GDB_CONSTANT(VM_ALLOC, VM_ALLOC);
	/* linux/preempt.h */
	GDB_CONSTANT(PREEMPT_MASK, PREEMPT_MASK);
	GDB_CONSTANT(SOFTIRQ_MASK, SOFTIRQ_MASK);
	GDB_CONSTANT(HARDIRQ_MASK, HARDIRQ_MASK);
	GDB_CONSTANT(NMI_MASK, NMI_MASK);
	GDB_CONSTANT(SOFTIRQ_OFFSET, SOFTIRQ_OFFSET);
	/* asm/processor.h */
	GDB_CONSTANT(X86_EFLAGS_IF, X86_EFLAGS_IF);
	/* linux/sched.h: the states task_state_name() names */
	GDB_CONSTANT(TASK_RUNNING, TASK_RUNNING);
	GDB_CONSTANT(TASK_INTERRUPTIBLE, TASK_INTERRUPTIBLE);
	GDB_CONSTANT(TASK_UNINTERRUPTIBLE, TASK_UNINTERRUPTIBLE);
	GDB_CONSTANT(TASK_DEAD, TASK_DEAD);
	/* linux/printk.h: a log message starts with KERN_SOH, then its level */
	GDB_CONSTANT(KERN_SOH, KERN_SOH[0]);
	/* linux/module.h: lsmod skips modules still being laid out */
	GDB_CONSTANT(MODULE_STATE_UNFORMED, MODULE_STATE_UNFORMED);
	/* asm/page.h: where modules are loaded */
	GDB_CONSTANT(MODULES_VADDR, MODULES_VADDR);
	GDB_CONSTANT(MODULES_END, MODULES_END);
}
