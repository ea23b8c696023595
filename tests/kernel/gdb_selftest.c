// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's half of the scripted gdb session (scripts/gdb_session.py,
 * `make gdbtest`, part of `make test`).
 *
 * The gdb helpers (scripts/gdb/teachkernel.py: lx-dmesg, lx-slabinfo ...)
 * read the kernel's data structures from outside and must print the same
 * text as the kernel's own reports.  To compare the two for one state,
 * this case
 *
 *   1. makes the state interesting: a kmalloc (gdb breaks in it, steps
 *      and finishes), a live vmalloc area and a lazily freed one;
 *   2. turns interrupts off, so nothing else runs from here on: no tick,
 *      no other task, no allocation behind our back;
 *   3. prints every report through the shell's own commands, each after a
 *      "@@gdb-report COMMAND" line that the session script splits on;
 *   4. calls gdb_checkpoint(), where gdb stops.  The state gdb sees is the
 *      state the reports were printed from: the script runs each lx-
 *      helper and compares its text with the report;
 *   5. frees everything, so the leak check passes.
 *
 * Its name starts with "selftest_", so it runs only when ktest= names it
 * (kernel/kunit/test.c), not with every other suite.
 */
#include <kunit/test.h>
#include <linux/console.h>
#include <linux/irqflags.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kernel/shell.h>

#define GDB_KMALLOC_SIZE	100	/* a kmalloc-128 object */
#define GDB_VMALLOC_SIZE	(3 * PAGE_SIZE)

/*
 * gdb_checkpoint - where the gdb session stops to compare
 *
 * Empty, but not inlined and not dropped (the asm barrier), so
 * "break gdb_checkpoint" has one address to stop at.
 *
 * Context: Any context.
 */
noinline void gdb_checkpoint(void)
{
	barrier();
}

/* Run one shell command after the marker line the script looks for. */
static void gdb_report(const char *fmt, ...)
{
	char line[96];
	va_list args;

	va_start(args, fmt);
	vscnprintf(line, sizeof(line), fmt, args);
	va_end(args);
	console_write("@@gdb-report ", 13);
	console_write(line, strlen(line));
	console_write("\n", 1);
	shell_execute(line);
}

static void reports_match_gdb(struct kunit *test)
{
	unsigned long flags;
	void *object, *area, *freed;

	object = kmalloc(GDB_KMALLOC_SIZE, GFP_KERNEL);	/* gdb: break kmalloc */
	KUNIT_ASSERT_NOT_NULL(test, object);
	area = vmalloc(GDB_VMALLOC_SIZE);
	freed = vmalloc(GDB_VMALLOC_SIZE);
	if (!area || !freed) {
		vfree(area);
		vfree(freed);
		kfree(object);
		KUNIT_FAIL(test, "vmalloc failed");
		return;
	}
	vfree(freed);		/* an "unpurged vm_area" line */

	local_irq_save(flags);
	gdb_report("meminfo");
	gdb_report("buddyinfo");
	gdb_report("slabinfo");
	gdb_report("vmallocinfo");
	gdb_report("pagewalk %#lx", (unsigned long)object);	/* direct map */
	gdb_report("pagewalk %#lx", (unsigned long)area + 5);	/* vmalloc, 4 KiB */
	gdb_report("pagewalk %#lx", (unsigned long)area + GDB_VMALLOC_SIZE); /* guard */
	gdb_report("pagewalk %#lx", (unsigned long)gdb_checkpoint);	/* kernel image */
	gdb_report("pagewalk %#lx", 0x1000UL);		/* user half: nothing */
	gdb_report("ps");
	gdb_report("ctx");
	gdb_report("dmesg");	/* last: the reports above are not in the log */
	console_write("@@gdb-end\n", 10);
	gdb_checkpoint();
	local_irq_restore(flags);

	vfree(area);
	kfree(object);
}

static struct kunit_case gdb_selftest_cases[] = {
	KUNIT_CASE(reports_match_gdb),
	{}
};

static struct kunit_suite gdb_selftest_suite = {
	.name = "selftest_gdb",
	.test_cases = gdb_selftest_cases,
};
kunit_test_suite(gdb_selftest_suite);
