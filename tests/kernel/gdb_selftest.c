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
 *      and finishes), a live vmalloc area and a lazily freed one, and a
 *      loaded module: GDB_MODULE, a boot file (the gdbtest target boots
 *      with it), which gdb's lx-symbols learns of at do_init_module();
 *      gdb stops in its init through a breakpoint set before the load;
 *   2. turns interrupts off, so nothing else runs from here on: no tick,
 *      no other task, no allocation behind our back;
 *   3. prints every report through the shell's own commands, each after a
 *      "@@gdb-report COMMAND" line that the session script splits on
 *      (dmesg quoted line by line, see gdb_report_dmesg());
 *   4. calls gdb_checkpoint(), where gdb stops.  The state gdb sees is the
 *      state the reports were printed from: the script runs each lx-
 *      helper and compares its text with the report;
 *   5. unloads the module and frees everything, so the leak check passes.
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
#include <kernel/log.h>
#include <kernel/module.h>
#include <kernel/shell.h>

#define GDB_KMALLOC_SIZE	100	/* a kmalloc-128 object */
#define GDB_VMALLOC_SIZE	(3 * PAGE_SIZE)
/* examples/modules/kmalloc_param.c: its init kmallocs, its exit frees */
#define GDB_MODULE		"kmalloc_param"

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

/*
 * The dmesg report, each line behind "| ".  The log holds this run's own
 * KTAP lines; replayed bare they would read as a second KTAP stream to
 * whoever parses the serial log (Linux's kunit_parser.py, scripts/ktap.py).
 * The text is the shell's dmesg (the same log_read() loop); the session
 * script takes the "| " off before comparing it with lx-dmesg.
 */
static void gdb_report_dmesg(void)
{
	u64 seq = log_first_seq();
	bool line_start = true;
	char buf[256];
	size_t n, i, run;

	console_write("@@gdb-report dmesg\n", 19);
	while ((n = log_read(&seq, buf, sizeof(buf)))) {
		for (i = 0; i < n; i += run) {
			if (line_start)
				console_write("| ", 2);
			for (run = 0; i + run < n && buf[i + run] != '\n'; run++)
				;
			line_start = i + run < n;	/* stopped at a '\n' */
			run += line_start;
			console_write(buf + i, run);
		}
	}
}

static void reports_match_gdb(struct kunit *test)
{
	unsigned long flags;
	void *object, *area, *freed;
	int err;

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

	/* gdb: lx-symbols, break kmalloc_param_init before this load */
	err = load_module_file(GDB_MODULE ".ko", NULL);
	if (err) {
		vfree(area);
		kfree(object);
		KUNIT_FAIL(test, "insmod " GDB_MODULE ".ko: error %d (boot without it? "
			   "make gdbtest boots with it)", err);
		return;
	}

	/*
	 * lsmod takes module_mutex, so it runs before interrupts go off;
	 * nothing loads or unloads a module from here to the checkpoint.
	 */
	gdb_report("lsmod");
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
	gdb_report_dmesg();	/* last: the reports above are not in the log */
	console_write("@@gdb-end\n", 10);
	gdb_checkpoint();
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, delete_module(GDB_MODULE, false, NULL, 0), 0);
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
