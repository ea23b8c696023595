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
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kunit/test.h>
#include <asm/setup.h>
#include <kernel/log.h>
#include <kernel/page_alloc.h>
#include <kernel/pgtable.h>
#include <kernel/shell.h>
#include <kernel/slab_stats.h>
#include <kernel/tty.h>
#include <kernel/vmalloc_stats.h>

#define SHELL_PROMPT	"tk> "
#define SHELL_LINE_MAX	128
#define SHELL_ARGS_MAX	4
#define REPORT_BUF_SIZE	16384

static char report_buf[REPORT_BUF_SIZE];

static void out(const char *s)
{
	console_write(s, strlen(s));
}

static __printf(1, 2) void outf(const char *fmt, ...)
{
	char buf[256];
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
	if (!arg) {
		outf("%s: missing %s\n", cmd, what);
		return false;
	}
	if (kstrtoul(arg, 0, val)) {
		outf("%s: bad %s '%s' (a number: decimal, or hex with 0x)\n",
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
		outf("%s: order must be 0..%d\n", cmd, MAX_PAGE_ORDER);
		return false;
	}
	return true;
}

static const struct {
	const char *name;
	gfp_t gfp;
} gfp_names[] = {
	{ "GFP_KERNEL", GFP_KERNEL }, { "GFP_ATOMIC", GFP_ATOMIC },
	{ "GFP_NOWAIT", GFP_NOWAIT }, { "GFP_DMA", GFP_KERNEL | GFP_DMA },
	{ "GFP_DMA32", GFP_KERNEL | GFP_DMA32 },
	{ "GFP_ZERO", GFP_KERNEL | __GFP_ZERO },
};

static bool parse_gfp(const char *cmd, const char *arg, gfp_t *gfp)
{
	unsigned int i;

	*gfp = GFP_KERNEL;
	if (!arg)
		return true;
	for (i = 0; i < ARRAY_SIZE(gfp_names); i++) {
		if (!strcmp(arg, gfp_names[i].name)) {
			*gfp = gfp_names[i].gfp;
			return true;
		}
	}
	outf("%s: unknown flags '%s' (GFP_KERNEL, GFP_ATOMIC, GFP_NOWAIT, GFP_DMA, GFP_DMA32, GFP_ZERO)\n",
	     cmd, arg);
	return false;
}

/* ---- commands ---------------------------------------------------------------------- */

static void cmd_kmalloc(int argc, char **argv)
{
	unsigned long size;
	gfp_t gfp;
	void *p;

	if (!parse_ulong(argv[0], "size", argv[1], &size) ||
	    !parse_gfp(argv[0], argv[2], &gfp))
		return;
	if (size > KMALLOC_MAX_SIZE) {
		outf("kmalloc: size %lu is above KMALLOC_MAX_SIZE (%lu)\n", size,
		     KMALLOC_MAX_SIZE);
		return;
	}
	p = kmalloc(size, gfp);
	if (!p)
		outf("kmalloc(%lu) failed\n", size);
	else if (ZERO_OR_NULL_PTR(p))
		outf("kmalloc(0) = ZERO_SIZE_PTR (%px)\n", p);
	else
		outf("kmalloc(%lu) = %px (ksize %zu)\n", size, p, ksize(p));
}

static void cmd_kfree(int argc, char **argv)
{
	unsigned long addr;

	if (!parse_ulong(argv[0], "address", argv[1], &addr))
		return;
	kfree((void *)addr);
	outf("kfree(%px) done\n", (void *)addr);
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
		outf("vmalloc(%lu) = %px\n", size, p);
	else
		outf("vmalloc(%lu) failed\n", size);
}

static void cmd_vfree(int argc, char **argv)
{
	unsigned long addr;

	if (!parse_ulong(argv[0], "address", argv[1], &addr))
		return;
	if (!is_vmalloc_addr((void *)addr)) {
		outf("vfree: %#lx is not in the vmalloc region (%#lx-%#lx)\n",
		     addr, VMALLOC_START, VMALLOC_END);
		return;
	}
	vfree((void *)addr);
	outf("vfree(%px) done\n", (void *)addr);
}

static void cmd_pages(int argc, char **argv)
{
	unsigned long order, addr;

	if (!parse_order(argv[0], argv[1], &order))
		return;
	addr = __get_free_pages(GFP_KERNEL, order);
	if (addr)
		outf("__get_free_pages(order %lu) = %#lx (pfn %#lx, %lu pages)\n",
		     order, addr, (unsigned long)virt_to_pfn(addr), 1UL << order);
	else
		outf("__get_free_pages(order %lu) failed\n", order);
}

static void cmd_freepages(int argc, char **argv)
{
	unsigned long addr, order;

	if (!parse_ulong(argv[0], "address", argv[1], &addr) ||
	    !parse_order(argv[0], argv[2], &order))
		return;
	free_pages(addr, order);
	outf("free_pages(%#lx, %lu) done\n", addr, order);
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

	out("  PID STATE           COMM\n");
	list_for_each_entry(t, &task_list, tasks)
		outf("%5d %-15s %s%s\n", t->pid, task_state_name(t), t->comm,
		     t == current ? " (current)" : "");
}

static void cmd_ctx(int argc, char **argv)
{
	int pc = preempt_count();

	outf("preempt_count: %#x (preempt %lu, softirq %lu, hardirq %lu, nmi %lu)\n",
	     pc, (pc & PREEMPT_MASK) >> PREEMPT_SHIFT,
	     (pc & SOFTIRQ_MASK) >> SOFTIRQ_SHIFT,
	     (pc & HARDIRQ_MASK) >> HARDIRQ_SHIFT, (pc & NMI_MASK) >> NMI_SHIFT);
	outf("in_interrupt: %d, in_task: %d, in_atomic: %d, irqs_disabled: %d, preemptible: %d\n",
	     !!in_interrupt(), !!in_task(), !!in_atomic(), !!irqs_disabled(),
	     !!preemptible());
	outf("current: %s (pid %d)\n", current->comm, current->pid);
}

static void cmd_test(int argc, char **argv)
{
	int failed = kunit_run_all(argv[1] ? argv[1] : "*");

	outf("test: %d failed\n", failed);
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

static void cmd_help(int argc, char **argv);

static const struct shell_command {
	const char *name;
	const char *args;
	const char *help;
	void (*fn)(int argc, char **argv);
} commands[] = {
	{ "help", "", "this list", cmd_help },
	{ "meminfo", "", "memory totals (/proc/meminfo)", cmd_meminfo },
	{ "buddyinfo", "", "free blocks per zone and order (/proc/buddyinfo)", cmd_buddyinfo },
	{ "slabinfo", "", "slab caches (/proc/slabinfo)", cmd_slabinfo },
	{ "vmallocinfo", "", "vmalloc areas (/proc/vmallocinfo)", cmd_vmallocinfo },
	{ "memmap", "", "a map of physical memory (in colour on the screen)", cmd_memmap },
	{ "dmesg", "", "the kernel log", cmd_dmesg },
	{ "ps", "", "tasks", cmd_ps },
	{ "ctx", "", "the shell's context: preempt_count, irqs", cmd_ctx },
	{ "kmalloc", "SIZE [GFP_...]", "kmalloc(SIZE, flags)", cmd_kmalloc },
	{ "kfree", "ADDR", "kfree(ADDR)", cmd_kfree },
	{ "vmalloc", "SIZE", "vmalloc(SIZE)", cmd_vmalloc },
	{ "vfree", "ADDR", "vfree(ADDR)", cmd_vfree },
	{ "pages", "ORDER", "__get_free_pages(GFP_KERNEL, ORDER)", cmd_pages },
	{ "freepages", "ADDR ORDER", "free_pages(ADDR, ORDER)", cmd_freepages },
	{ "pagewalk", "ADDR", "walk the page tables for ADDR", cmd_pagewalk },
	{ "test", "[GLOB]", "run KUnit suites (default: all)", cmd_test },
	{ "bench", "[GLOB]", "run benchmarks", cmd_bench },
	{ "reboot", "", "restart the machine", cmd_reboot },
	{ "poweroff", "", "switch the machine off", cmd_poweroff },
};

static void cmd_help(int argc, char **argv)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		char left[32];

		snprintf(left, sizeof(left), "%s %s", commands[i].name,
			 commands[i].args);
		outf("  %-24s %s\n", left, commands[i].help);
	}
}

/* ---- the loop ---------------------------------------------------------------------- */

static int split_args(char *line, char **argv)
{
	int argc = 0;

	while (*line && argc < SHELL_ARGS_MAX) {
		while (*line == ' ' || *line == '\t')
			*line++ = '\0';
		if (!*line)
			break;
		argv[argc++] = line;
		while (*line && *line != ' ' && *line != '\t')
			line++;
	}
	argv[argc] = NULL;
	return argc;
}

/**
 * shell_execute - run one command line
 * @line: the line (modified in place)
 *
 * Context: Process context (commands may sleep).
 */
void shell_execute(char *line)
{
	char *argv[SHELL_ARGS_MAX + 1];
	int argc = split_args(line, argv);
	unsigned int i;

	if (!argc)
		return;
	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		if (!strcmp(argv[0], commands[i].name)) {
			commands[i].fn(argc, argv);
			return;
		}
	}
	outf("%s: unknown command (try 'help')\n", argv[0]);
}

/* Read a line with echo and backspace. */
static void read_line(char *buf, size_t size)
{
	size_t len = 0;

	for (;;) {
		int c = tty_getc();

		if (c == '\n') {
			out("\n");
			break;
		}
		if (c == '\b' || c == 0x7f) {
			if (len) {
				len--;
				out("\b \b");
			}
			continue;
		}
		if (c < ' ' || len + 1 >= size)
			continue;
		buf[len++] = c;
		console_write(&buf[len - 1], 1);
	}
	buf[len] = '\0';
}

static int shell_thread(void *unused)
{
	char line[SHELL_LINE_MAX];

	out("\nteachkernel shell. Type 'help' for the commands.\n");
	while (!kthread_should_stop()) {
		out(SHELL_PROMPT);
		read_line(line, sizeof(line));
		shell_execute(line);
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
