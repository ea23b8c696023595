// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/smp.c - the CPUs: which are online, which one am I, and running
 * a function on another.
 *
 * Boot finds the CPUs in the ACPI MADT (arch/x86_64/acpi.c: the possible
 * mask), and smp_init(), early in the init thread as in Linux, starts
 * each one (arch/x86_64/smpboot.c: the online mask).  The scheduler
 * keeps every task on CPU 0 for now; the others idle with their timer
 * ticking, and run what is sent to them here.
 *
 * Cross-CPU calls.  Each CPU has one call slot (call_slot, per-CPU):
 *
 *	caller (CPU A)                         target (CPU B)
 *	takes B's slot lock (xchg)
 *	writes func, info; queued++  -----IPI---->  in its interrupt handler:
 *	(wait: spins until done >= its ticket)      func(info); done = queued;
 *	                                           releases the slot lock
 *
 * So at most one call per target is in flight, a later caller spins on
 * the lock meanwhile (with interrupts on, so a CPU that spins can still
 * run what others send it: never call with interrupts off), and a waiter
 * knows its call finished when "done" reached its ticket.  The function
 * runs on the target in hard-interrupt context, interrupts off, as in
 * Linux; on the calling CPU itself it runs with interrupts off too.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kstrtox.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <asm/processor.h>
#include <asm/smp.h>

struct cpumask __cpu_possible_mask = { { 1UL } };
struct cpumask __cpu_online_mask = { { 1UL } };
EXPORT_SYMBOL(__cpu_possible_mask);
EXPORT_SYMBOL(__cpu_online_mask);
unsigned int nr_cpu_ids = 1;
EXPORT_SYMBOL(nr_cpu_ids);

const struct cpumask __cpu_single_masks[NR_CPUS] = {
	{ { 1UL << 0 } }, { { 1UL << 1 } }, { { 1UL << 2 } }, { { 1UL << 3 } },
	{ { 1UL << 4 } }, { { 1UL << 5 } }, { { 1UL << 6 } }, { { 1UL << 7 } },
};
EXPORT_SYMBOL(__cpu_single_masks);

unsigned long __per_cpu_offset[NR_CPUS];
EXPORT_SYMBOL(__per_cpu_offset);
DEFINE_PER_CPU(unsigned long, this_cpu_off);
EXPORT_SYMBOL(this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);
EXPORT_SYMBOL(cpu_number);

/**
 * set_cpu_possible - add @cpu to (or take it from) the possible mask
 * @cpu: CPU number, below NR_CPUS
 * @possible: in or out
 *
 * Context: Boot, before smp_init().
 */
void set_cpu_possible(unsigned int cpu, bool possible)
{
	if (possible) {
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
		if (cpu >= nr_cpu_ids)
			nr_cpu_ids = cpu + 1;
	} else {
		cpumask_clear_cpu(cpu, &__cpu_possible_mask);
	}
}

/**
 * set_cpu_online - mark @cpu running (or not)
 * @cpu: CPU number
 * @online: in or out
 *
 * Context: Any context; the CPU itself, when it is ready for calls.
 */
void set_cpu_online(unsigned int cpu, bool online)
{
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

static DEFINE_RATELIMIT_STATE(smp_id_ratelimit, DEFAULT_RATELIMIT_INTERVAL,
			      DEFAULT_RATELIMIT_BURST);

/**
 * debug_smp_processor_id - smp_processor_id(), checking it is safe
 *
 * The answer is stable when preemption or interrupts are off, or when
 * the task may run on this CPU only (its cpus_mask; so every task at
 * SMP=1), and during boot.  Elsewhere the task could move to another
 * CPU right after reading its number: Linux's report, then the number.
 *
 * Return: this CPU's number.
 * Context: Any context.
 */
unsigned int debug_smp_processor_id(void)
{
	unsigned int cpu = raw_smp_processor_id();

	if (likely(preempt_count()) || irqs_disabled())
		return cpu;
	if (cpumask_equal(&current->cpus_mask, cpumask_of(cpu)))
		return cpu;
	if (!system_running || !__ratelimit(&smp_id_ratelimit))
		return cpu;
	preempt_disable();
	pr_err("BUG: using smp_processor_id() in preemptible [%08x] code: %s/%d\n",
	       preempt_count() - 1, current->comm, current->pid);
	pr_err("caller is %pS\n", __builtin_return_address(0));
	dump_stack();
	preempt_enable_no_resched();
	return cpu;
}
EXPORT_SYMBOL(debug_smp_processor_id);

/* ---- cross-CPU function calls -------------------------------------- */

struct call_slot {
	unsigned long lock;		/* 1 while a caller owns the slot */
	smp_call_func_t func;
	void *info;
	unsigned long queued;		/* calls placed in this slot, ever */
	unsigned long done;		/* of them, finished */
};
static DEFINE_PER_CPU(struct call_slot, call_slot);

/* Place a call in @cpu's slot and send the IPI; returns its ticket. */
static unsigned long call_queue(int cpu, smp_call_func_t func, void *info)
{
	struct call_slot *slot = per_cpu_ptr(&call_slot, cpu);
	unsigned long ticket;

	while (__atomic_exchange_n(&slot->lock, 1UL, __ATOMIC_ACQUIRE))
		cpu_relax();
	slot->func = func;
	slot->info = info;
	ticket = slot->queued + 1;
	__atomic_store_n(&slot->queued, ticket, __ATOMIC_RELEASE);
	arch_send_call_function_single_ipi(cpu);
	return ticket;
}

/* Spin until the call with @ticket in @cpu's slot has run. */
static void call_wait(int cpu, unsigned long ticket)
{
	struct call_slot *slot = per_cpu_ptr(&call_slot, cpu);

	while ((long)(__atomic_load_n(&slot->done, __ATOMIC_ACQUIRE) - ticket) < 0)
		cpu_relax();
}

/**
 * generic_smp_call_function_single_interrupt - run the call sent here
 *
 * Context: Hard interrupt on the target CPU (the call-function IPI).
 */
void generic_smp_call_function_single_interrupt(void)
{
	struct call_slot *slot = this_cpu_ptr(&call_slot);
	unsigned long queued = __atomic_load_n(&slot->queued, __ATOMIC_ACQUIRE);

	this_cpu_inc(irq_stat.irq_call_count);
	if (queued == slot->done)
		return;			/* an IPI whose call already ran */
	slot->func(slot->info);
	__atomic_store_n(&slot->done, queued, __ATOMIC_RELEASE);
	__atomic_store_n(&slot->lock, 0UL, __ATOMIC_RELEASE);
}

/* Run @func here, interrupts off, as if it had come by IPI. */
static void call_local(smp_call_func_t func, void *info)
{
	unsigned long flags;

	local_irq_save(flags);
	func(info);
	local_irq_restore(flags);
}

/**
 * smp_call_function_single - run a function on one CPU
 * @cpu: the CPU
 * @func: what to run; in hard-interrupt context there, interrupts off:
 *        it must be short and must not sleep
 * @info: its argument
 * @wait: return only once @func has finished
 *
 * Return: 0, or -ENXIO if @cpu is not online.
 * Context: Process context or softirq, interrupts on (a CPU spinning
 * for another with interrupts off could deadlock against it).
 */
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	unsigned int this_cpu = get_cpu();
	unsigned long ticket;

	if (cpu < 0 || cpu >= (int)NR_CPUS || !cpu_online(cpu)) {
		put_cpu();
		return -ENXIO;
	}
	if ((unsigned int)cpu == this_cpu) {
		call_local(func, info);
		put_cpu();
		return 0;
	}
	WARN_ON_ONCE(irqs_disabled());
	ticket = call_queue(cpu, func, info);
	if (wait)
		call_wait(cpu, ticket);
	put_cpu();
	return 0;
}
EXPORT_SYMBOL(smp_call_function_single);

/* Send @func to every online CPU but this one; run it here too if @self. */
static void call_many(smp_call_func_t func, void *info, int wait, bool self)
{
	unsigned long tickets[NR_CPUS];
	unsigned int this_cpu = get_cpu();
	struct cpumask targets;
	unsigned int cpu;

	/* the CPUs online now: one coming up meanwhile is not waited for */
	cpumask_copy(&targets, cpu_online_mask);
	cpumask_clear_cpu(this_cpu, &targets);
	WARN_ON_ONCE(irqs_disabled() && !cpumask_empty(&targets));
	for_each_cpu(cpu, &targets)
		tickets[cpu] = call_queue(cpu, func, info);
	if (self)
		call_local(func, info);
	if (wait)
		for_each_cpu(cpu, &targets)
			call_wait(cpu, tickets[cpu]);
	put_cpu();
}

/**
 * smp_call_function - run a function on every other online CPU
 * @func: as for smp_call_function_single()
 * @info: its argument
 * @wait: return only once every call has finished
 *
 * Context: As smp_call_function_single().
 */
void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	call_many(func, info, wait, false);
}
EXPORT_SYMBOL(smp_call_function);

/**
 * on_each_cpu - run a function on every online CPU, this one included
 * @func: as for smp_call_function_single(); here too with interrupts off
 * @info: its argument
 * @wait: return only once every call has finished
 *
 * Context: As smp_call_function_single().
 */
void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	call_many(func, info, wait, true);
}
EXPORT_SYMBOL(on_each_cpu);

/**
 * smp_send_reschedule - ask @cpu to run its scheduler soon
 * @cpu: an online CPU
 *
 * The reschedule IPI sets need_resched on @cpu.  Nothing sends it yet:
 * tasks stay on CPU 0 until the scheduler has per-CPU run queues.
 *
 * Context: Any context.
 */
void smp_send_reschedule(int cpu)
{
	if (cpu_online(cpu))
		arch_smp_send_reschedule(cpu);
}
EXPORT_SYMBOL(smp_send_reschedule);

/**
 * scheduler_ipi - the reschedule IPI arrived on this CPU
 *
 * Context: Hard interrupt.
 */
void scheduler_ipi(void)
{
	this_cpu_inc(irq_stat.irq_resched_count);
	this_cpu_write(__need_resched, 1);
}

/* make ktest says how many CPUs QEMU has (ktest_smp=N), for the tests. */
unsigned int ktest_expected_cpus;

static int __init ktest_smp_setup(char *val)
{
	unsigned long n;

	if (kstrtoul(val, 10, &n) || !n || n > NR_CPUS)
		return -EINVAL;
	ktest_expected_cpus = n;
	return 0;
}
__setup("ktest_smp=", ktest_smp_setup);

/**
 * smp_init - start every possible CPU, as Linux's smp_init()
 *
 * Prints Linux's lines: "smp: Bringing up secondary CPUs ..." and
 * "smp: Brought up 1 node, N CPUs".  A CPU that does not answer is
 * reported and left out.
 *
 * Context: The init thread, before the initcalls.  May sleep.
 */
void smp_init(void)
{
	char line[80];
	unsigned int cpu, len = 0, n;

	pr_info("smp: Bringing up secondary CPUs ...\n");
	for_each_possible_cpu(cpu) {
		if (cpu_online(cpu))
			continue;
		if (!len) {
			pr_info("x86: Booting SMP configuration:\n");
			len = scnprintf(line, sizeof(line), ".... node  #0, CPUs:    ");
		}
		if (__cpu_up(cpu))
			continue;
		sched_cpu_online(cpu);	/* its per-CPU threads can run now */
		len += scnprintf(line + len, sizeof(line) - len, "  #%u", cpu);
	}
	if (len)
		pr_info("%s\n", line);
	n = num_online_cpus();
	pr_info("smp: Brought up 1 node, %u CPU%s\n", n, n == 1 ? "" : "s");
}
