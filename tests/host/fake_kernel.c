// SPDX-License-Identifier: GPL-2.0
/*
 * Host stand-ins for the kernel services the code under test calls:
 * printk() writes into a capture buffer the tests can inspect, and
 * sprint_symbol() knows two made-up symbols.  Both are formatted with
 * the kernel's own vsnprintf(), so the tests see exactly what the kernel
 * would print.  For mm/: the one task (current), dump_stack(), WARN and
 * BUG reports, panic(), local_clock(), and the variables behind the arch
 * shim in tests/host/arch/asm/ (the interrupt flag, PAGE_OFFSET).
 */
#include <linux/kernel.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/sched/clock.h>
#include <linux/bug.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <kernel/oops.h>
#include "host_support.h"

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static char capture[16384];
static size_t capture_len;
static int last_level = -1;

void host_printk_reset(void)
{
	capture_len = 0;
	capture[0] = '\0';
	last_level = -1;
}

const char *host_printk_text(void)
{
	return capture;
}

int host_printk_last_level(void)
{
	return last_level;
}

int vprintk(const char *fmt, va_list args)
{
	char line[1024];
	const char *text = line;
	int len;

	vscnprintf(line, sizeof(line), fmt, args);
	while (text[0] == KERN_SOH[0] && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			last_level = text[1] - '0';
		text += 2;
	}
	len = strlen(text);
	if (capture_len + len < sizeof(capture)) {
		memcpy(capture + capture_len, text, len + 1);
		capture_len += len;
	}
	return len;
}

int printk(const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vprintk(fmt, args);
	va_end(args);
	return len;
}

static const struct {
	const char *name;
	unsigned long addr, size;
} fake_symbols[] = {
	{ "start_kernel", FAKE_SYM_START_KERNEL, 0x120 },
	{ "kmalloc", FAKE_SYM_KMALLOC, 0x80 },
};

/* Find the symbol containing @addr; Linux prints a bare address otherwise. */
static int fake_lookup(char *buf, unsigned long addr, bool offset)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fake_symbols); i++) {
		unsigned long off = addr - fake_symbols[i].addr;

		if (addr < fake_symbols[i].addr || off >= fake_symbols[i].size)
			continue;
		if (!offset)
			return sprintf(buf, "%s", fake_symbols[i].name);
		return sprintf(buf, "%s+%#lx/%#lx", fake_symbols[i].name, off,
			       fake_symbols[i].size);
	}
	return sprintf(buf, "0x%lx", addr);
}

int sprint_symbol(char *buffer, unsigned long address)
{
	return fake_lookup(buffer, address, true);
}

int sprint_symbol_no_offset(char *buffer, unsigned long address)
{
	return fake_lookup(buffer, address, false);
}

/* ---- the arch shim's state (tests/host/arch/asm/) ---- */

unsigned long host_page_offset;		/* set by fake_ram.c */
unsigned long host_rflags = X86_EFLAGS_IF;

/* ---- time ---- */

/*
 * local_clock(): a clock that advances 1 ms per reading, so the ages
 * in slab reports are small, deterministic and never negative.
 */
u64 host_clock_ns;

u64 local_clock(void)
{
	host_clock_ns += 1000000;
	return host_clock_ns;
}

/* ---- CPUs: the host is CPU 0 alone ---- */

struct cpumask __cpu_possible_mask = { { 1UL } };
struct cpumask __cpu_online_mask = { { 1UL } };
unsigned int nr_cpu_ids = 1;
unsigned long __per_cpu_offset[NR_CPUS];

/* A call on every CPU is the call here, with interrupts off. */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	unsigned long flags;

	(void)wait;
	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

/* ---- tasks, backtraces, WARN, BUG, panic ---- */

struct task_struct init_task = { .pid = 0, .comm = "swapper/0" };
struct task_struct *current_task = &init_task;
LIST_HEAD(task_list);		/* empty: no task stacks among the host's areas */
int __preempt_count;
int __need_resched;
int system_running;

/*
 * The host has no scheduler.  A task that would sleep finds, at once,
 * that its timeout has passed (the page allocator's GFP_KERNEL retries
 * then run back to back); wake-ups have nobody to wake.
 */
void schedule(void)
{
}

long schedule_timeout(long timeout)
{
	(void)timeout;
	current_task->__state = 0;
	return 0;
}

void preempt_schedule(void)
{
}

int wake_up_process(struct task_struct *p)
{
	(void)p;
	return 1;
}

/* might_sleep() checks nothing here. */
void __might_sleep_irqflags(const char *file, int line, unsigned long irqflags)
{
	(void)file;
	(void)line;
	(void)irqflags;
}

void __might_sleep(const char *file, int line)
{
	(void)file;
	(void)line;
}

unsigned long host_dump_stack_count;

/*
 * No frame walking on the host: no stack is saved, so the stack depot
 * (lib/stackdepot.c, never set up here) hands out handle 0 ("no stack").
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr)
{
	return 0;
}

void stack_trace_print(const unsigned long *entries, unsigned int nr_entries,
		       int spaces)
{
}

/* No frame walking on the host: a marker line shows where it would be. */
void dump_stack(void)
{
	host_dump_stack_count++;
	printk(KERN_DEFAULT "Call Trace:\n <host: no backtrace>\n");
}

void __warn_printk(const char *file, int line, unsigned long caller,
		   const char *fmt, ...)
{
	va_list args;

	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_WARNING "WARNING: CPU: 0 PID: %d at %s:%d %pS\n",
	       current->pid, file, line, (void *)caller);
	if (fmt) {
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	dump_stack();
	printk(KERN_WARNING "---[ end trace %016x ]---\n", 0);
}

/* BUG() and panic() end the test program: a core is the report. */
void __bug(const char *file, int line, unsigned long caller)
{
	printk(KERN_ALERT "kernel BUG at %s:%d!\n", file, line);
	printk(KERN_DEFAULT "RIP: 0010:%pS\n", (void *)caller);
	host_dump_printk_and_abort();
}

void panic(const char *fmt, ...)
{
	va_list args;

	printk(KERN_EMERG "Kernel panic - not syncing: ");
	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
	host_dump_printk_and_abort();
}

/* ---- the page-fault report's notes (arch/x86_64/traps.c) ---- */

/*
 * vmalloc_init() registers its note for the page-fault report here.  The
 * host takes no page faults; a test calls host_page_fault_note() with an
 * address to see the text the kernel's report would carry.
 */
static void (*page_fault_note_fn)(unsigned long address);

void register_page_fault_note(void (*fn)(unsigned long address))
{
	page_fault_note_fn = fn;
}

void host_page_fault_note(unsigned long address)
{
	if (page_fault_note_fn)
		page_fault_note_fn(address);
}
