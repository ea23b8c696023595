// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the many-CPU foundation: the CPUs found in the ACPI MADT and
 * started (arch/x86_64/acpi.c, smpboot.c), per-CPU variables
 * (<linux/percpu.h>), cross-CPU calls (kernel/smp.c) and the
 * smp_processor_id() check.
 *
 * Run them on several CPUs: make ktest SMP=4 T='smp*'.  At SMP=1 the
 * cases that need a second CPU skip and say so; the others still check
 * the one CPU.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/delay.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/smp.h>
#include <kernel/acpi.h>
#include <kernel/log.h>

extern unsigned int ktest_expected_cpus;

static DEFINE_PER_CPU(unsigned long, smp_test_value);
static DEFINE_PER_CPU(unsigned int, smp_test_calls);

#define NEED_TWO_CPUS(test) do {					\
	if (num_online_cpus() < 2)					\
		kunit_skip(test, "needs 2 CPUs or more (make ktest SMP=2): only CPU 0 is online"); \
} while (0)

/* As many CPUs online as QEMU has (ktest_smp=, from make ktest SMP=N). */
static void all_cpus_online(struct kunit *test)
{
	unsigned int cpu, n = 0;

	KUNIT_EXPECT_EQ(test, num_online_cpus(), num_possible_cpus());
	KUNIT_EXPECT_TRUE(test, cpu_online(0));
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_LT(test, cpu, nr_cpu_ids);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, num_online_cpus());
	if (!ktest_expected_cpus)
		kunit_skip(test, "no ktest_smp= on the command line: QEMU's count unknown");
	KUNIT_EXPECT_EQ(test, num_online_cpus(), ktest_expected_cpus);
}

/* Each CPU's idle task is "swapper/N", pid 0, bound to that CPU. */
static void idle_tasks_are_swapper_n(struct kunit *test)
{
	unsigned int cpu;
	char name[16];

	for_each_online_cpu(cpu) {
		struct task_struct *idle = idle_tasks[cpu];

		KUNIT_ASSERT_NOT_NULL(test, idle);
		snprintf(name, sizeof(name), "swapper/%u", cpu);
		KUNIT_EXPECT_STREQ(test, idle->comm, name);
		KUNIT_EXPECT_EQ(test, idle->pid, 0);
		KUNIT_EXPECT_TRUE(test, cpumask_equal(&idle->cpus_mask, cpumask_of(cpu)));
		KUNIT_EXPECT_EQ(test, task_cpu(idle), cpu);
	}
}

/* Every online CPU's local APIC timer ticks (the APs' only count). */
static void every_cpu_timer_ticks(struct kunit *test)
{
	unsigned long before[NR_CPUS];
	unsigned int cpu;

	for_each_online_cpu(cpu)
		before[cpu] = READ_ONCE(per_cpu(irq_stat, cpu).apic_timer_irqs);
	msleep(100);		/* 10 jiffies at HZ=100 */
	for_each_online_cpu(cpu) {
		unsigned long ticks = READ_ONCE(per_cpu(irq_stat, cpu).apic_timer_irqs) -
				      before[cpu];

		kunit_info(test, "CPU %u: %lu timer ticks in 100 ms", cpu, ticks);
		KUNIT_EXPECT_GE(test, ticks, 2UL);
	}
}

static void write_cpu_value(void *unused)
{
	this_cpu_write(smp_test_value, 1000 + raw_smp_processor_id());
}

/* this_cpu_write() on each CPU lands in that CPU's copy only. */
static void per_cpu_copies_are_distinct(struct kunit *test)
{
	unsigned int cpu, other, this_cpu;

	for_each_online_cpu(cpu)
		per_cpu(smp_test_value, cpu) = 0;
	on_each_cpu(write_cpu_value, NULL, 1);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_EQ(test, per_cpu(smp_test_value, cpu), 1000UL + cpu);
		for_each_online_cpu(other)
			if (other != cpu)
				KUNIT_EXPECT_PTR_NE(test, per_cpu_ptr(&smp_test_value, cpu),
						    per_cpu_ptr(&smp_test_value, other));
	}
	this_cpu = get_cpu();
	KUNIT_EXPECT_PTR_EQ(test, this_cpu_ptr(&smp_test_value),
			    per_cpu_ptr(&smp_test_value, this_cpu));
	KUNIT_EXPECT_EQ(test, this_cpu_read(smp_test_value), 1000UL + this_cpu);
	this_cpu_inc(smp_test_value);
	this_cpu_add(smp_test_value, 10);
	KUNIT_EXPECT_EQ(test, per_cpu(smp_test_value, this_cpu), 1011UL + this_cpu);
	put_cpu();
	/* CPU 0's copy is the linked variable itself */
	KUNIT_EXPECT_PTR_EQ(test, per_cpu_ptr(&smp_test_value, 0), &smp_test_value);
}

struct call_record {
	unsigned int calls;
	unsigned int cpu;
	bool hardirq, irqs_off;
};

static void count_call(void *info)
{
	struct call_record *rec = info;

	this_cpu_inc(smp_test_calls);
	rec[raw_smp_processor_id()].calls++;
	rec[raw_smp_processor_id()].hardirq = in_hardirq();
	rec[raw_smp_processor_id()].irqs_off = irqs_disabled();
}

/* on_each_cpu(wait) ran the function once on each online CPU. */
static void on_each_cpu_runs_once_per_cpu(struct kunit *test)
{
	struct call_record rec[NR_CPUS] = { };
	unsigned int cpu, this_cpu;

	for_each_online_cpu(cpu)
		per_cpu(smp_test_calls, cpu) = 0;
	on_each_cpu(count_call, rec, 1);
	this_cpu = raw_smp_processor_id();	/* the test runs on CPU 0 */
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		KUNIT_EXPECT_EQ(test, rec[cpu].calls, cpu_online(cpu) ? 1U : 0U);
		if (!cpu_online(cpu))
			continue;
		KUNIT_EXPECT_EQ(test, per_cpu(smp_test_calls, cpu), 1U);
		KUNIT_EXPECT_TRUE(test, rec[cpu].irqs_off);
		/* by IPI on the others: hard-interrupt context, as Linux */
		if (cpu != this_cpu)
			KUNIT_EXPECT_TRUE(test, rec[cpu].hardirq);
	}
}

static void count_call_quiet(void *unused)
{
	this_cpu_inc(smp_test_calls);
}

static void note_cpu(void *info)
{
	WRITE_ONCE(*(int *)info, raw_smp_processor_id());
}

/* smp_call_function_single() runs on the CPU it names; -ENXIO offline. */
static void call_function_single_each_cpu(struct kunit *test)
{
	unsigned int cpu;
	int where;

	for_each_online_cpu(cpu) {
		where = -1;
		KUNIT_EXPECT_EQ(test, smp_call_function_single(cpu, note_cpu, &where, 1), 0);
		KUNIT_EXPECT_EQ(test, where, (int)cpu);
	}
	where = -1;
	KUNIT_EXPECT_EQ(test, smp_call_function_single(NR_CPUS, note_cpu, &where, 1), -ENXIO);
	KUNIT_EXPECT_EQ(test, where, -1);
	NEED_TWO_CPUS(test);
	/* without waiting: it still runs, soon */
	where = -1;
	KUNIT_EXPECT_EQ(test, smp_call_function_single(1, note_cpu, &where, 0), 0);
	for (cpu = 0; cpu < 1000 && READ_ONCE(where) != 1; cpu++)
		udelay(100);
	KUNIT_EXPECT_EQ(test, READ_ONCE(where), 1);
}

/* Many calls in a row to each CPU: none lost, none run twice. */
static void many_calls_all_arrive(struct kunit *test)
{
	unsigned int cpu, i;

	NEED_TWO_CPUS(test);
	for_each_online_cpu(cpu)
		per_cpu(smp_test_calls, cpu) = 0;
	for (i = 0; i < 1000; i++)
		on_each_cpu(count_call_quiet, NULL, i % 2);
	on_each_cpu(count_call_quiet, NULL, 1);	/* and wait for the last */
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ(test, per_cpu(smp_test_calls, cpu), 1001U);
}

/* The reschedule IPI reaches its CPU (nothing schedules there yet). */
static void reschedule_ipi_arrives(struct kunit *test)
{
	unsigned long before;
	unsigned int i;

	NEED_TWO_CPUS(test);
	before = READ_ONCE(per_cpu(irq_stat, 1).irq_resched_count);
	smp_send_reschedule(1);
	for (i = 0; i < 1000 && READ_ONCE(per_cpu(irq_stat, 1).irq_resched_count) == before; i++)
		udelay(100);
	/* at least ours: the scheduler sends CPU 1 its own as well */
	KUNIT_EXPECT_GE(test, READ_ONCE(per_cpu(irq_stat, 1).irq_resched_count), before + 1);
}

/*
 * smp_processor_id() in preemptible code of a task that may run on any
 * CPU: Linux's report.  Not with preemption off, nor in a bound task.
 */
static void smp_processor_id_preemptible_is_reported(struct kunit *test)
{
	char line[96];
	u64 seq;
	unsigned int cpu;

	if (num_possible_cpus() < 2)
		kunit_skip(test, "at SMP=1 every task may run on CPU 0 only, where smp_processor_id() is always safe");
	kunit_expect_reports(test, "BUG: using smp_processor_id() in preemptible");

	seq = log_seq();
	cpu = get_cpu();	/* preemption off: no report */
	KUNIT_EXPECT_EQ(test, smp_processor_id(), cpu);
	put_cpu();
	KUNIT_EXPECT_EQ(test, log_search(seq, "BUG: using smp_processor_id()"), 0ULL);

	cpu = smp_processor_id();	/* preemptible: reported */
	KUNIT_EXPECT_EQ(test, cpu, raw_smp_processor_id());
	snprintf(line, sizeof(line),
		 "BUG: using smp_processor_id() in preemptible [00000000] code: %s/%d",
		 current->comm, current->pid);
	KUNIT_EXPECT_NE(test, log_search(seq, line), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "caller is smp_processor_id_preemptible_is_reported+"), 0ULL);
}

/* ---- the MADT parser, on tables built here ------------------------- */

static const void *buf_map(u64 phys, u32 len)
{
	return (const void *)(unsigned long)phys;	/* "physical" = our pointer */
}

static void buf_unmap(const void *virt, u32 len)
{
}

static const struct acpi_access buf_access = { .map = buf_map, .unmap = buf_unmap };

struct fake_acpi {
	u8 rsdp[ACPI_RSDP_V1_LEN];
	u8 madt[ACPI_SDT_HDR_LEN + 8 + 3 * 8];
};

static void put32(u8 *p, u32 v)
{
	p[0] = v;
	p[1] = v >> 8;
	p[2] = v >> 16;
	p[3] = v >> 24;
}

static void fix_checksum(u8 *t, u32 len, u32 at)
{
	t[at] = 0;
	t[at] = -acpi_checksum(t, len);
}

/* An RSDP and a MADT with APIC IDs 0 and 2 enabled, 1 disabled. */
static struct fake_acpi *build_tables(struct kunit *test)
{
	struct fake_acpi *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	u8 *e;
	int i;

	memcpy(f->rsdp, "RSD PTR ", 8);
	memcpy(f->rsdp + 9, "TEST  ", 6);
	memcpy(f->madt, "APIC", 4);
	put32(f->madt + 4, sizeof(f->madt));
	put32(f->madt + ACPI_SDT_HDR_LEN, 0xfee00000);
	for (i = 0, e = f->madt + ACPI_SDT_HDR_LEN + 8; i < 3; i++, e += 8) {
		e[0] = 0;		/* local APIC */
		e[1] = 8;
		e[2] = i;		/* ACPI processor ID */
		e[3] = i;		/* APIC ID */
		put32(e + 4, i == 1 ? 0 : 1);
	}
	return f;
}

/*
 * The tables live in the direct map, above what the RSDT's 32-bit
 * pointers reach: a revision-2 RSDP points at an XSDT instead.
 */
struct fake_acpi2 {
	u8 rsdp[ACPI_RSDP_V2_LEN];
	u8 xsdt[ACPI_SDT_HDR_LEN + 8];
	struct fake_acpi *f;
};

static void link_tables(struct fake_acpi2 *t)
{
	u64 madt = (unsigned long)t->f->madt, xsdt = (unsigned long)t->xsdt;

	memcpy(t->rsdp, t->f->rsdp, ACPI_RSDP_V1_LEN);
	t->rsdp[15] = 2;
	put32(t->rsdp + 20, ACPI_RSDP_V2_LEN);
	put32(t->rsdp + 24, xsdt);
	put32(t->rsdp + 28, xsdt >> 32);
	fix_checksum(t->rsdp, ACPI_RSDP_V1_LEN, 8);
	fix_checksum(t->rsdp, ACPI_RSDP_V2_LEN, 32);
	memcpy(t->xsdt, "XSDT", 4);
	put32(t->xsdt + 4, sizeof(t->xsdt));
	put32(t->xsdt + ACPI_SDT_HDR_LEN, madt);
	put32(t->xsdt + ACPI_SDT_HDR_LEN + 4, madt >> 32);
	fix_checksum(t->xsdt, sizeof(t->xsdt), 9);
	fix_checksum(t->f->madt, sizeof(t->f->madt), 9);
}

static void madt_enabled_cpus_are_found(struct kunit *test)
{
	struct fake_acpi2 *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	struct acpi_cpus *cpus = kunit_kzalloc(test, sizeof(*cpus), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_NOT_NULL(test, cpus);
	t->f = build_tables(test);
	KUNIT_ASSERT_NOT_NULL(test, t->f);
	link_tables(t);
	KUNIT_ASSERT_EQ(test, acpi_find_cpus(t->rsdp, sizeof(t->rsdp), &buf_access, cpus), 0);
	KUNIT_EXPECT_EQ(test, cpus->nr_cpus, 2U);
	KUNIT_EXPECT_EQ(test, cpus->apic_ids[0], 0U);
	KUNIT_EXPECT_EQ(test, cpus->apic_ids[1], 2U);
	KUNIT_EXPECT_EQ(test, cpus->nr_disabled, 1U);
	KUNIT_EXPECT_EQ(test, cpus->lapic_phys, 0xfee00000ULL);
}

/* Each kind of damage is refused with a sentence naming it. */
static void madt_bad_tables_are_refused(struct kunit *test)
{
	struct fake_acpi2 *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	struct acpi_cpus *cpus = kunit_kzalloc(test, sizeof(*cpus), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_NOT_NULL(test, cpus);
	t->f = build_tables(test);
	KUNIT_ASSERT_NOT_NULL(test, t->f);

	/* a MADT byte changed after its checksum was computed */
	link_tables(t);
	t->f->madt[ACPI_SDT_HDR_LEN + 8 + 3]++;
	KUNIT_EXPECT_EQ(test, acpi_find_cpus(t->rsdp, sizeof(t->rsdp), &buf_access, cpus), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cpus->err, "[APIC]"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(cpus->err, "bad checksum"));
	t->f->madt[ACPI_SDT_HDR_LEN + 8 + 3]--;

	/* an entry longer than what is left of the table */
	t->f->madt[ACPI_SDT_HDR_LEN + 8 + 16 + 1] = 200;
	link_tables(t);
	KUNIT_EXPECT_EQ(test, acpi_find_cpus(t->rsdp, sizeof(t->rsdp), &buf_access, cpus), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cpus->err, "overruns"));
	t->f->madt[ACPI_SDT_HDR_LEN + 8 + 16 + 1] = 8;

	/* a table length beyond what a table may be */
	put32(t->f->madt + 4, ACPI_TABLE_MAX_LEN + 1);
	link_tables(t);
	KUNIT_EXPECT_EQ(test, acpi_find_cpus(t->rsdp, sizeof(t->rsdp), &buf_access, cpus), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cpus->err, "length"));
	put32(t->f->madt + 4, sizeof(t->f->madt));

	/* the RSDP's own checksum */
	link_tables(t);
	t->rsdp[9]++;
	KUNIT_EXPECT_EQ(test, acpi_find_cpus(t->rsdp, sizeof(t->rsdp), &buf_access, cpus), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cpus->err, "RSDP: bad checksum"));

	/* no RSDP at all */
	KUNIT_EXPECT_EQ(test, acpi_find_cpus(NULL, 0, &buf_access, cpus), -EINVAL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(cpus->err, "no RSDP"));

	/* and mended, it parses again */
	link_tables(t);
	KUNIT_EXPECT_EQ(test, acpi_find_cpus(t->rsdp, sizeof(t->rsdp), &buf_access, cpus), 0);
}

static struct kunit_case smp_test_cases[] = {
	KUNIT_CASE(all_cpus_online),
	KUNIT_CASE(idle_tasks_are_swapper_n),
	KUNIT_CASE(every_cpu_timer_ticks),
	KUNIT_CASE(per_cpu_copies_are_distinct),
	KUNIT_CASE(on_each_cpu_runs_once_per_cpu),
	KUNIT_CASE(call_function_single_each_cpu),
	KUNIT_CASE(many_calls_all_arrive),
	KUNIT_CASE(reschedule_ipi_arrives),
	KUNIT_CASE(smp_processor_id_preemptible_is_reported),
	KUNIT_CASE(madt_enabled_cpus_are_found),
	KUNIT_CASE(madt_bad_tables_are_refused),
	{}
};

static struct kunit_suite smp_test_suite = {
	.name = "smp",
	.test_cases = smp_test_cases,
};
kunit_test_suite(smp_test_suite);
