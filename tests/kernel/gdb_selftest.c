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
 *   2. holds every other CPU (hold_other_cpus()) and keeps this one to
 *      this task, so nothing runs behind our back: no other task, no
 *      softirq, no allocation;
 *   3. gives every CPU its own part of the slab caches to show: each
 *      allocates and frees on its own (fill_cpu_parts()), which leaves
 *      objects in its sheaf of the cache gdb_percpu and in its cpu
 *      freelists, a different number on each CPU;
 *   4. prints every report through the shell's own commands, each after a
 *      "@@gdb-report COMMAND" line that the session script splits on
 *      (dmesg quoted line by line, see gdb_report_dmesg()): slabinfo
 *      first, with interrupts on, then the held CPUs and this one turn
 *      interrupts off and the others are printed;
 *   5. calls gdb_checkpoint(), where gdb stops.  The state gdb sees is the
 *      state the reports were printed from: the script runs each lx-
 *      helper and compares its text with the report;
 *   6. lets the other CPUs go, unloads the module and frees everything,
 *      so the leak check passes.
 *
 * Why slabinfo is printed with interrupts on.  slab_cache_live() counts
 * the free objects each CPU keeps in its own part of a cache (its sheaf,
 * its cpu freelist) by asking that CPU, by IPI: only a CPU may touch its
 * own part.  With interrupts off it cannot ask, and counts the other
 * CPUs' free objects as allocated (mm/slub.c, flush_all_cpus()); gdb,
 * which reads every CPU's part with all of them stopped, would then
 * rightly show fewer.  On one CPU the two agree either way.  Asking the
 * CPUs gives their sheaves back to the slabs, so once the report is out
 * each CPU fills its sheaf again (churn_cpu_parts(): as many objects
 * allocated as freed, the live counts unchanged): gdb must then subtract
 * every CPU's sheaf to find the same figures.
 *
 * Its name starts with "selftest_", so it runs only when ktest= names it
 * (kernel/kunit/test.c), not with every other suite.
 */
#include <kunit/test.h>
#include <linux/console.h>
#include <linux/bottom_half.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/smp.h>
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
 * The cache whose every CPU's sheaf gdb must count: untracked by kmemleak
 * (which is on in this boot, and takes the sheaf of the caches it tracks)
 * and free of debug flags, so it has sheaves.  CPU N frees
 * GDB_PERCPU_BASE + N of its objects into its sheaf: a different number
 * on each CPU, all in the first slab each CPU takes.
 */
#define GDB_PERCPU_CACHE	"gdb_percpu"
#define GDB_PERCPU_SIZE		64
#define GDB_PERCPU_BASE		3
#define GDB_PERCPU_MAX		(GDB_PERCPU_BASE + NR_CPUS)
#define GDB_HOLD_MS		10000	/* the other CPUs reach their hold in this */

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

/*
 * Holding the other CPUs.  On many CPUs, interrupts off here stop nothing
 * elsewhere: a kworker or a timer on another CPU could allocate between
 * the reports and the checkpoint.  So each other CPU runs a thread bound
 * to it (gdbhold/N) that keeps it, preemption and softirqs off, and
 * spins: first with interrupts on, so that the CPU still answers the IPIs
 * of the slab reports and of fill_cpu_parts(), then, once told, with
 * interrupts off too, until released.
 */
struct gdb_hold {
	struct task_struct *thread[NR_CPUS];
	int held;		/* CPUs spinning, interrupts on */
	int quiet;		/* CPUs spinning, interrupts off */
	bool irqs_off;		/* the held CPUs turn interrupts off */
	bool release;		/* they let go */
};

static int hold_cpu_fn(void *data)
{
	struct gdb_hold *h = data;
	unsigned long flags;

	preempt_disable();
	local_bh_disable();
	__atomic_add_fetch(&h->held, 1, __ATOMIC_SEQ_CST);
	while (!READ_ONCE(h->irqs_off) && !READ_ONCE(h->release))
		cpu_relax();
	local_irq_save(flags);
	__atomic_add_fetch(&h->quiet, 1, __ATOMIC_SEQ_CST);
	while (!READ_ONCE(h->release))
		cpu_relax();
	local_irq_restore(flags);
	local_bh_enable();
	preempt_enable();
	while (!kthread_should_stop())
		msleep(1);
	return 0;
}

/* Wait (spinning, up to GDB_HOLD_MS) until *@count reaches @want. */
static bool gdb_hold_wait(int *count, int want)
{
	unsigned int ms;

	for (ms = 0; ms < GDB_HOLD_MS; ms++) {
		if (__atomic_load_n(count, __ATOMIC_SEQ_CST) >= want)
			return true;
		mdelay(1);
	}
	return false;
}

/* One thread on each CPU but this one (CPU 0, where the case runs). */
static int hold_other_cpus(struct kunit *test, struct gdb_hold *h)
{
	unsigned int cpu;
	int n = 0;

	for_each_online_cpu(cpu) {
		struct task_struct *t;

		if (cpu == 0)
			continue;
		t = kthread_create_on_cpu(hold_cpu_fn, h, cpu, "gdbhold/%u");
		if (IS_ERR(t)) {
			KUNIT_FAIL(test, "kthread_create_on_cpu(%u): %ld", cpu, PTR_ERR(t));
			break;
		}
		h->thread[cpu] = t;
		wake_up_process(t);
		n++;
	}
	return n;
}

static void release_other_cpus(struct kunit *test, struct gdb_hold *h)
{
	unsigned int cpu;

	WRITE_ONCE(h->release, true);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (h->thread[cpu])
			KUNIT_EXPECT_EQ(test, kthread_stop(h->thread[cpu]), 0);
}

/* What each CPU allocates in its own part of the caches (on_each_cpu()). */
struct gdb_cpu_parts {
	struct kmem_cache *cache;
	void *kept[NR_CPUS];		/* one gdb_percpu object each CPU keeps */
	void *kept_kmalloc[NR_CPUS];	/* and one kmalloc-64 object */
	int failed;
};

/*
 * on_each_cpu() callback: this CPU allocates GDB_PERCPU_BASE + N + 1
 * objects of gdb_percpu and frees all but one, onto its sheaf; and a few
 * kmalloc-64 objects (no sheaf while kmemleak tracks kmalloc: they go
 * back to this CPU's cpu freelist), one kept.
 */
static void fill_cpu_parts(void *info)
{
	struct gdb_cpu_parts *p = info;
	unsigned int cpu = smp_processor_id(), n = GDB_PERCPU_BASE + cpu, i;
	void *obj[GDB_PERCPU_MAX + 1];

	for (i = 0; i <= n; i++) {
		obj[i] = kmem_cache_alloc(p->cache, GFP_ATOMIC);
		if (!obj[i])
			__atomic_add_fetch(&p->failed, 1, __ATOMIC_RELAXED);
	}
	p->kept[cpu] = obj[n];
	for (i = 0; i < n; i++)
		if (obj[i])
			kmem_cache_free(p->cache, obj[i]);

	for (i = 0; i <= n; i++) {
		obj[i] = kmalloc(GDB_PERCPU_SIZE, GFP_ATOMIC);
		if (!obj[i])
			__atomic_add_fetch(&p->failed, 1, __ATOMIC_RELAXED);
	}
	p->kept_kmalloc[cpu] = obj[n];
	for (i = 0; i < n; i++)
		kfree(obj[i]);		/* NULL: nothing */
}

/*
 * on_each_cpu() callback, after the slabinfo report emptied the sheaves:
 * this CPU allocates and frees GDB_PERCPU_BASE + N objects again, so its
 * sheaf holds them; live counts and slabs are as the report saw them.
 */
static void churn_cpu_parts(void *info)
{
	struct gdb_cpu_parts *p = info;
	unsigned int cpu = smp_processor_id(), n = GDB_PERCPU_BASE + cpu, i;
	void *obj[GDB_PERCPU_MAX];

	for (i = 0; i < n; i++) {
		obj[i] = kmem_cache_alloc(p->cache, GFP_ATOMIC);
		if (!obj[i])
			__atomic_add_fetch(&p->failed, 1, __ATOMIC_RELAXED);
	}
	for (i = 0; i < n; i++)
		if (obj[i])
			kmem_cache_free(p->cache, obj[i]);
}

static void free_cpu_parts(struct gdb_cpu_parts *p)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		if (p->kept[cpu])
			kmem_cache_free(p->cache, p->kept[cpu]);
		kfree(p->kept_kmalloc[cpu]);
	}
	kmem_cache_destroy(p->cache);
}

/*
 * Steps 2 to 6 for @object (the kmalloc gdb finished) and @area (a live
 * vmalloc area): every CPU held and given its part, the reports, the
 * checkpoint, the CPUs let go.  Runs on CPU 0.
 */
static void reports_with_cpus_held(struct kunit *test, void *object, void *area)
{
	struct gdb_cpu_parts parts = { };
	struct gdb_hold hold = { };
	unsigned long flags;
	int others;

	parts.cache = kmem_cache_create(GDB_PERCPU_CACHE, GDB_PERCPU_SIZE, 0,
					SLAB_NOLEAKTRACE, NULL);
	others = hold_other_cpus(test, &hold);
	if (!parts.cache || !gdb_hold_wait(&hold.held, others)) {
		KUNIT_FAIL(test, "%s: %d of %d other CPUs held",
			   parts.cache ? "no hold" : "no cache " GDB_PERCPU_CACHE,
			   READ_ONCE(hold.held), others);
		goto out;
	}
	preempt_disable();		/* nothing else runs on this CPU */
	local_bh_disable();
	on_each_cpu(fill_cpu_parts, &parts, 1);
	gdb_report("slabinfo");		/* interrupts on: it asks every CPU */
	on_each_cpu(churn_cpu_parts, &parts, 1);
	WRITE_ONCE(hold.irqs_off, true);
	if (!gdb_hold_wait(&hold.quiet, others))
		KUNIT_FAIL(test, "%d of %d other CPUs turned interrupts off",
			   READ_ONCE(hold.quiet), others);
	KUNIT_EXPECT_EQ(test, parts.failed, 0);
	local_irq_save(flags);
	gdb_report("meminfo");
	gdb_report("buddyinfo");
	gdb_report("vmallocinfo");
	gdb_report("pagewalk %#lx", (unsigned long)object);	/* direct map */
	gdb_report("pagewalk %#lx", (unsigned long)area + 5);	/* vmalloc, 4 KiB */
	gdb_report("pagewalk %#lx", (unsigned long)area + GDB_VMALLOC_SIZE); /* guard */
	gdb_report("pagewalk %#lx", (unsigned long)gdb_checkpoint);	/* kernel image */
	gdb_report("pagewalk %#lx", 0x1000UL);		/* user half: nothing */
	gdb_report("ps");
	gdb_report("ctx");
	gdb_report("cpus");
	gdb_report_dmesg();	/* last: the reports above are not in the log */
	console_write("@@gdb-end\n", 10);
	gdb_checkpoint();
	local_irq_restore(flags);
	local_bh_enable();
	preempt_enable();
out:
	release_other_cpus(test, &hold);
	if (parts.cache)
		free_cpu_parts(&parts);
}

static void reports_match_gdb(struct kunit *test)
{
	void *object, *area, *freed;
	int err;

	/* on CPU 0 from here on: the other CPUs are the ones held */
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(0)), 0);
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
	 * lsmod takes module_mutex, so it runs before the CPUs are held;
	 * nothing loads or unloads a module from here to the checkpoint.
	 */
	gdb_report("lsmod");
	reports_with_cpus_held(test, object, area);

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
