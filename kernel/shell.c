// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/shell.c - a small command shell on the console.
 *
 * It runs in the init thread (pid 1), reads lines from the keyboard or
 * the serial port (kernel/tty.c), and lets a student poke at the
 * allocators: allocate and free with each of them, look at the reports
 * (the same text as /proc and the gdb helpers), walk the page tables of
 * an address, draw physical memory, run tests.  Every command checks its
 * arguments and says what is wrong with them; what it passes on to the
 * allocators is then the allocators' business, so "kfree 0x1234" shows
 * the allocator's own "Invalid object pointer" report, as it should.
 *
 * Nothing typed is dropped or changed on the way: the line editing, the
 * splitting into words and the reading of numbers and GFP flags live in
 * kernel/shell_parse.c (tested on the host and fuzzed).  A line too long
 * for the buffer, a word too many or a number too big is refused with a
 * message; a command is never run on a cut-down version of what was
 * typed.  Input that arrives while a command runs waits in the tty's
 * receive ring (kernel/tty.c) until the shell reads it.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kunit/test.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <kernel/kmemleak.h>
#include <kernel/log.h>
#include <kernel/page_alloc.h>
#include <kernel/pgtable.h>
#include <kernel/shell.h>
#include <kernel/shell_parse.h>
#include <kernel/slab_stats.h>
#include <kernel/tty.h>
#include <kernel/vmalloc_stats.h>

#define SHELL_PROMPT	"tk> "
#define REPORT_BUF_SIZE	16384

static char report_buf[REPORT_BUF_SIZE];

static void out(const char *s)
{
	console_write(s, strlen(s));
}

/**
 * shell_printf - print a command's answer on the console (not the log)
 * @fmt: printf format; the text is cut at 320 bytes
 *
 * Context: Process context (the shell's commands).
 */
void shell_printf(const char *fmt, ...)
{
	char buf[320];
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	console_write(buf, n);
}

/* Run a report function into the buffer and print it. */
static void show_report(void (*show)(struct seq_buf *s))
{
	struct seq_buf s;

	seq_buf_init(&s, report_buf, sizeof(report_buf));
	show(&s);
	out(seq_buf_str(&s));
	if (s.overflow)
		out("(report truncated)\n");
}

/* ---- argument parsing ---------------------------------------------------------- */

static bool parse_ulong(const char *cmd, const char *what, const char *arg,
			unsigned long *val)
{
	int err;

	if (!arg) {
		shell_printf("%s: missing %s\n", cmd, what);
		return false;
	}
	err = shell_parse_ulong(arg, val);
	if (err == -ERANGE) {
		shell_printf("%s: %s '%s' is too big (at most %lu)\n", cmd, what, arg,
		     ULONG_MAX);
		return false;
	}
	if (err) {
		shell_printf("%s: bad %s '%s' (a number: decimal, or hex with 0x)\n",
		     cmd, what, arg);
		return false;
	}
	return true;
}

static bool parse_order(const char *cmd, const char *arg, unsigned long *order)
{
	if (!parse_ulong(cmd, "order", arg, order))
		return false;
	if (*order > MAX_PAGE_ORDER) {
		shell_printf("%s: order must be 0..%d\n", cmd, MAX_PAGE_ORDER);
		return false;
	}
	return true;
}

/* The flag names the shell knows, for its messages: "GFP_KERNEL GFP_ATOMIC ...". */
static void out_gfp_names(void)
{
	const char *name;
	unsigned int i;

	for (i = 0; (name = shell_gfp_name(i)); i++)
		shell_printf("%s%s", i ? " " : "", name);
}

/* GFP flags from @nr_words words (none: GFP_KERNEL); see shell_parse_gfp(). */
static bool parse_gfp(const char *cmd, char *const *words, int nr_words,
		      gfp_t *gfp)
{
	const char *bad;
	size_t bad_len;
	int err = shell_parse_gfp(words, nr_words, gfp, &bad, &bad_len);

	if (err == -ENOENT) {
		shell_printf("%s: unknown flag '%.*s' (", cmd, (int)bad_len, bad);
		out_gfp_names();
		out(")\n");
		return false;
	}
	if (err) {
		shell_printf("%s: bad flags '%.*s' ('|' stands between two names, as in C)\n",
		     cmd, (int)bad_len, bad);
		return false;
	}
	return true;
}

/* ---- commands ---------------------------------------------------------------------- */

/*
 * kmalloc SIZE [FLAGS...]: the call is shown as it would be written in C,
 * with the flags when some were given: "kmalloc(100, GFP_ATOMIC|__GFP_ZERO)".
 */
static void cmd_kmalloc(int argc, char **argv)
{
	unsigned long size;
	char call[192];
	gfp_t gfp;
	void *p;

	if (!parse_ulong(argv[0], "size", argv[1], &size) ||
	    !parse_gfp(argv[0], argv + 2, max(argc - 2, 0), &gfp))
		return;
	if (size > KMALLOC_MAX_SIZE) {
		shell_printf("kmalloc: size %lu is above KMALLOC_MAX_SIZE (%lu)\n", size,
		     KMALLOC_MAX_SIZE);
		return;
	}
	if (argc > 2)
		snprintf(call, sizeof(call), "kmalloc(%lu, %pGg)", size, &gfp);
	else
		snprintf(call, sizeof(call), "kmalloc(%lu)", size);
	p = kmalloc(size, gfp);
	if (!p)
		shell_printf("%s failed\n", call);
	else if (ZERO_OR_NULL_PTR(p))
		shell_printf("%s = ZERO_SIZE_PTR (%px)\n", call, p);
	else
		shell_printf("%s = %px (ksize %zu)\n", call, p, ksize(p));
}

/*
 * The free functions return nothing: a refused free (double free, a
 * pointer that is no object, a task's stack) shows only as a report.
 * Say "done" only when the call printed none since @seq.
 */
static void free_outcome(const char *call, u64 seq)
{
	if (log_search(seq, "BUG") || log_search(seq, "WARNING:"))
		shell_printf("%s: refused, see the report above\n", call);
	else
		shell_printf("%s done\n", call);
}

static void cmd_kfree(int argc, char **argv)
{
	char call[64];
	u64 seq;
	unsigned long addr;

	if (!parse_ulong(argv[0], "address", argv[1], &addr))
		return;
	seq = log_seq();
	kfree((void *)addr);
	snprintf(call, sizeof(call), "kfree(%px)", (void *)addr);
	free_outcome(call, seq);
}

static void cmd_vmalloc(int argc, char **argv)
{
	unsigned long size;
	void *p;

	if (!parse_ulong(argv[0], "size", argv[1], &size))
		return;
	if (!size) {
		out("vmalloc: size must not be 0\n");
		return;
	}
	p = vmalloc(size);
	if (p)
		shell_printf("vmalloc(%lu) = %px\n", size, p);
	else
		shell_printf("vmalloc(%lu) failed\n", size);
}

static void cmd_vfree(int argc, char **argv)
{
	char call[64];
	u64 seq;
	unsigned long addr;

	if (!parse_ulong(argv[0], "address", argv[1], &addr))
		return;
	if (!is_vmalloc_addr((void *)addr)) {
		shell_printf("vfree: %#lx is not in the vmalloc region (%#lx-%#lx)\n",
		     addr, VMALLOC_START, VMALLOC_END);
		return;
	}
	seq = log_seq();
	vfree((void *)addr);
	snprintf(call, sizeof(call), "vfree(%px)", (void *)addr);
	free_outcome(call, seq);
}

static void cmd_pages(int argc, char **argv)
{
	unsigned long order, addr;

	if (!parse_order(argv[0], argv[1], &order))
		return;
	addr = __get_free_pages(GFP_KERNEL, order);
	if (addr)
		shell_printf("__get_free_pages(order %lu) = %#lx (pfn %#lx, %lu pages)\n",
		     order, addr, (unsigned long)virt_to_pfn(addr), 1UL << order);
	else
		shell_printf("__get_free_pages(order %lu) failed\n", order);
}

static void cmd_freepages(int argc, char **argv)
{
	char call[64];
	u64 seq;
	unsigned long addr, order;

	if (!parse_ulong(argv[0], "address", argv[1], &addr) ||
	    !parse_order(argv[0], argv[2], &order))
		return;
	seq = log_seq();
	free_pages(addr, order);
	snprintf(call, sizeof(call), "free_pages(%#lx, %lu)", addr, order);
	free_outcome(call, seq);
}

static void cmd_pagewalk(int argc, char **argv)
{
	unsigned long addr;
	struct seq_buf s;

	if (!parse_ulong(argv[0], "address", argv[1], &addr))
		return;
	seq_buf_init(&s, report_buf, sizeof(report_buf));
	pagewalk_show(&s, addr);
	out(seq_buf_str(&s));
}

static void cmd_dmesg(int argc, char **argv)
{
	u64 seq = log_first_seq();
	char buf[512];

	while (log_read(&seq, buf, sizeof(buf)))
		out(buf);
}

static void cmd_ps(int argc, char **argv)
{
	struct task_struct *t;

	/* CPU: the one it runs on, or last ran on (Linux's ps -o psr) */
	out("  PID CPU STATE           COMM\n");
	list_for_each_entry(t, &task_list, tasks)
		shell_printf("%5d %3u %-15s %s%s\n", t->pid, task_cpu(t),
			     task_state_name(t), t->comm,
			     t == current ? " (current)" : "");
}

static void cmd_ctx(int argc, char **argv)
{
	int pc = preempt_count();

	shell_printf("preempt_count: %#x (preempt %lu, softirq %lu, hardirq %lu, nmi %lu)\n",
	     pc, (pc & PREEMPT_MASK) >> PREEMPT_SHIFT,
	     (pc & SOFTIRQ_MASK) >> SOFTIRQ_SHIFT,
	     (pc & HARDIRQ_MASK) >> HARDIRQ_SHIFT, (pc & NMI_MASK) >> NMI_SHIFT);
	shell_printf("in_interrupt: %d, in_task: %d, in_atomic: %d, irqs_disabled: %d, preemptible: %d\n",
	     !!in_interrupt(), !!in_task(), !!in_atomic(), !!irqs_disabled(),
	     !!preemptible());
	shell_printf("current: %s (pid %d) on CPU %u\n", current->comm, current->pid,
		     raw_smp_processor_id());
}

/* The CPUs: which are online, and each one's interrupt counts. */
static void cmd_cpus(int argc, char **argv)
{
	unsigned int cpu;

	shell_printf("online: %u of %u CPUs\n", num_online_cpus(), num_possible_cpus());
	out("CPU  APIC  STATE    TIMER_TICKS  CALL_IPIS  RESCHED_IPIS  TIMERS  TIMER_FNS  IDLE\n");
	for_each_possible_cpu(cpu) {
		const struct irq_cpustat *st = per_cpu_ptr(&irq_stat, cpu);
		unsigned long timer_fns;
		unsigned int timers;

		/* the CPU's timer base: timers waiting, functions run there */
		timer_base_stats(cpu, &timers, &timer_fns);
		shell_printf("%3u  %4u  %-7s  %11lu  %9lu  %12lu  %6u  %9lu  %s\n", cpu,
			     cpu_physical_id(cpu), cpu_online(cpu) ? "online" : "offline",
			     READ_ONCE(st->apic_timer_irqs), READ_ONCE(st->irq_call_count),
			     READ_ONCE(st->irq_resched_count), timers, timer_fns,
			     idle_tasks[cpu] ? idle_tasks[cpu]->comm : "-");
	}
	show_report(pcplists_show);
}

static void cmd_test(int argc, char **argv)
{
	int failed = kunit_run_all(argv[1] ? argv[1] : "*");

	shell_printf("test: %d failed\n", failed);
}

static void cmd_bench(int argc, char **argv)
{
	kunit_run_all(argv[1] ? argv[1] : "bench*");
}

static void cmd_reboot(int argc, char **argv)
{
	out("Restarting system.\n");
	machine_restart();
}

static void cmd_poweroff(int argc, char **argv)
{
	out("Power down.\n");
	machine_power_off();
}

static void cmd_meminfo(int argc, char **argv)
{
	show_report(meminfo_show);
}

static void cmd_buddyinfo(int argc, char **argv)
{
	show_report(buddyinfo_show);
}

static void cmd_slabinfo(int argc, char **argv)
{
	show_report(slabinfo_show);
}

static void cmd_vmallocinfo(int argc, char **argv)
{
	show_report(vmallocinfo_show);
}

/*
 * kmemleak [CMD]: with no argument, what /sys/kernel/debug/kmemleak shows
 * (each reported leak); with one, what writing it there does ("scan",
 * "clear", "off", "scan=SECS", "dump=ADDR"), plus "stats".
 */
static void cmd_kmemleak(int argc, char **argv)
{
	unsigned long pos = 0;
	struct kmemleak_stats st;
	struct seq_buf s;
	int err;

	if (argc < 2) {
		seq_buf_init(&s, report_buf, sizeof(report_buf));
		while (kmemleak_show_next(&pos, &s)) {
			out(seq_buf_str(&s));
			seq_buf_init(&s, report_buf, sizeof(report_buf));
		}
		return;
	}
	if (!strcmp(argv[1], "stats")) {
		kmemleak_get_stats(&st);
		shell_printf("kmemleak: %s, %lu objects tracked (%lu KiB of metadata, at most %lu objects), %lu leaks shown\n",
			     st.enabled ? "on" : "off", st.objects,
			     st.meta_bytes >> 10, st.max_objects, st.leaks);
		shell_printf("kmemleak: %lu scans, the last read %lu KiB in %lu us; every %u s, min age %u ms\n",
			     st.scans, st.last_scanned_bytes >> 10,
			     st.last_scan_us, st.scan_period_s, st.min_age_ms);
		return;
	}
	err = kmemleak_control(argv[1]);
	if (err == -EINVAL)
		shell_printf("kmemleak: unknown command '%s' (scan, clear, off, scan=on|off|SECS, dump=ADDR, stats)\n",
			     argv[1]);
	else if (err == -EPERM)
		out("kmemleak: the leak detector is off (kmemleak=off, or it turned itself off)\n");
	else if (err == -ENOENT)
		shell_printf("kmemleak: no object at %s\n", argv[1] + 5);
}

static void cmd_help(int argc, char **argv);

/*
 * The commands.  @max_args is how many arguments a command takes at most
 * (SHELL_ARGS_MAX: any number, for flags); more are refused with the
 * usage line, so nothing typed is silently ignored.  A missing argument
 * is reported by the command itself, which knows its name.
 */
static const struct shell_command {
	const char *name;
	const char *args;
	const char *help;
	void (*fn)(int argc, char **argv);
	int max_args;
} commands[] = {
	{ "help", "", "this list", cmd_help, 0 },
	{ "meminfo", "", "memory totals (/proc/meminfo)", cmd_meminfo, 0 },
	{ "buddyinfo", "", "free blocks per zone and order (/proc/buddyinfo)", cmd_buddyinfo, 0 },
	{ "slabinfo", "", "slab caches (/proc/slabinfo)", cmd_slabinfo, 0 },
	{ "vmallocinfo", "", "vmalloc areas (/proc/vmallocinfo)", cmd_vmallocinfo, 0 },
	{ "memmap", "", "a map of physical memory (in colour on the screen)", cmd_memmap, 0 },
	{ "dmesg", "", "the kernel log", cmd_dmesg, 0 },
	{ "ps", "", "tasks", cmd_ps, 0 },
	{ "ctx", "", "the shell's context: preempt_count, irqs, CPU", cmd_ctx, 0 },
	{ "cpus", "", "the CPUs: online, timer ticks, IPIs, timers", cmd_cpus, 0 },
	{ "kmalloc", "SIZE [GFP_...]", "kmalloc(SIZE, flags), flags as in C: GFP_KERNEL|__GFP_ZERO",
	  cmd_kmalloc, SHELL_ARGS_MAX },
	{ "kfree", "ADDR", "kfree(ADDR)", cmd_kfree, 1 },
	{ "vmalloc", "SIZE", "vmalloc(SIZE)", cmd_vmalloc, 1 },
	{ "vfree", "ADDR", "vfree(ADDR)", cmd_vfree, 1 },
	{ "pages", "ORDER", "__get_free_pages(GFP_KERNEL, ORDER)", cmd_pages, 1 },
	{ "freepages", "ADDR ORDER", "free_pages(ADDR, ORDER)", cmd_freepages, 2 },
	{ "pagewalk", "ADDR", "walk the page tables for ADDR", cmd_pagewalk, 1 },
	{ "ls", "", "the files the boot loader brought (make run MODULES=...)", cmd_ls, 0 },
	{ "insmod", "FILE.ko [NAME=VAL ...]", "load a module", cmd_insmod, SHELL_ARGS_MAX },
	{ "rmmod", "[-f] NAME", "unload a module (-f: also a broken one)", cmd_rmmod, 2 },
	{ "lsmod", "", "the loaded modules", cmd_lsmod, 0 },
	{ "modinfo", "FILE.ko", "a module file's .modinfo", cmd_modinfo, 1 },
	{ "kmemleak", "[scan|clear|...]", "suspected leaks (/sys/kernel/debug/kmemleak); scan now; clear",
	  cmd_kmemleak, 1 },
	{ "test", "[GLOB]", "run KUnit suites (default: all)", cmd_test, 1 },
	{ "bench", "[GLOB]", "run benchmarks", cmd_bench, 1 },
	{ "reboot", "", "restart the machine", cmd_reboot, 0 },
	{ "poweroff", "", "switch the machine off", cmd_poweroff, 0 },
};

static void cmd_help(int argc, char **argv)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		char left[32];

		snprintf(left, sizeof(left), "%s %s", commands[i].name,
			 commands[i].args);
		shell_printf("  %-24s %s\n", left, commands[i].help);
	}
	out("Numbers are decimal, or hex with 0x.  Words are separated by spaces or tabs.\n");
}

/* ---- the loop ---------------------------------------------------------------------- */

/**
 * shell_execute - run one command line
 * @line: the line (modified in place)
 *
 * Context: Process context (commands may sleep).
 */
void shell_execute(char *line)
{
	char *argv[SHELL_ARGS_MAX + 1];
	const struct shell_command *cmd;
	int argc = shell_split(line, argv, SHELL_ARGS_MAX);

	if (argc == -E2BIG) {
		shell_printf("shell: too many words (at most %d), not run\n",
		     SHELL_ARGS_MAX);
		return;
	}
	if (argc <= 0)
		return;
	for (cmd = commands; cmd < commands + ARRAY_SIZE(commands); cmd++) {
		if (strcmp(argv[0], cmd->name))
			continue;
		if (argc - 1 > cmd->max_args) {
			shell_printf("%s: too many arguments (usage: %s%s%s)\n",
			     cmd->name, cmd->name, *cmd->args ? " " : "",
			     cmd->args);
			return;
		}
		cmd->fn(argc, argv);
		return;
	}
	shell_printf("%s: unknown command (try 'help')\n", argv[0]);
}

/* Read a line, echoing it as it is typed (kernel/shell_parse.c edits it). */
static void read_line(struct shell_line *line)
{
	shell_line_init(line);
	for (;;) {
		enum shell_line_state st = shell_line_feed(line, tty_getc());

		out(line->echo);
		if (st == SHELL_LINE_DONE)
			return;
	}
}

static int shell_thread(void *unused)
{
	static struct shell_line line;

	out("\nteachkernel shell. Type 'help' for the commands.\n");
	while (!kthread_should_stop()) {
		out(SHELL_PROMPT);
		read_line(&line);
		if (shell_line_too_long(&line)) {
			shell_printf("shell: line too long (%zu characters, at most %d), not run\n",
			     line.len, SHELL_LINE_MAX - 1);
			continue;
		}
		shell_execute(line.buf);
	}
	return 0;
}

static bool shell_enabled = true;

static int __init shell_setup(char *val)
{
	if (!strcmp(val, "1"))
		shell_enabled = true;
	else if (!strcmp(val, "0"))
		shell_enabled = false;
	else
		return -EINVAL;
	return 0;
}
__setup("shell=", shell_setup);

/**
 * shell_main - run the shell in the calling thread, unless shell=0
 *
 * Return: only if the shell is disabled.
 * Context: Process context (the init thread).
 */
void shell_main(void)
{
	if (shell_enabled)
		shell_thread(NULL);
}
