/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/cpumask.h> - sets of CPUs, one bit per CPU number.
 *
 * Two sets matter at boot, as in Linux:
 *
 *   cpu_possible_mask  the CPUs the firmware (the ACPI MADT) listed as
 *                      enabled, up to NR_CPUS: fixed once boot found them;
 *   cpu_online_mask    those running now: the boot CPU, and each AP from
 *                      the moment its start_secondary() says so.
 *
 * CPU numbers are 0..nr_cpu_ids-1, the boot CPU being 0; the local APIC
 * ID of each is in the arch code (cpu_physical_id()).  NR_CPUS is 8 here,
 * so a mask is one word and each update is one atomic instruction.
 */
#ifndef _LINUX_CPUMASK_H
#define _LINUX_CPUMASK_H

#include <linux/types.h>
#include <linux/compiler.h>

#ifdef CONFIG_NR_CPUS
#define NR_CPUS		CONFIG_NR_CPUS
#else
#define NR_CPUS		1		/* the host unit tests: one CPU */
#endif

struct cpumask {
	unsigned long bits[1];
};
typedef struct cpumask cpumask_t;

extern struct cpumask __cpu_possible_mask, __cpu_online_mask;
#define cpu_possible_mask	((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask		((const struct cpumask *)&__cpu_online_mask)

/* How many CPU numbers are in use: the highest possible one, plus one. */
extern unsigned int nr_cpu_ids;

#define cpumask_bits(mask)	((mask)->bits)

static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *mask)
{
	return cpu < NR_CPUS && (READ_ONCE(mask->bits[0]) >> cpu) & 1;
}

/* Atomic against the other CPUs (one locked instruction). */
static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *mask)
{
	__atomic_fetch_or(&mask->bits[0], 1UL << cpu, __ATOMIC_SEQ_CST);
}

static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *mask)
{
	__atomic_fetch_and(&mask->bits[0], ~(1UL << cpu), __ATOMIC_SEQ_CST);
}

static inline void cpumask_clear(struct cpumask *mask)
{
	WRITE_ONCE(mask->bits[0], 0UL);
}

static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	WRITE_ONCE(dst->bits[0], READ_ONCE(src->bits[0]));
}

static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	return READ_ONCE(a->bits[0]) == READ_ONCE(b->bits[0]);
}

static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b)
{
	return READ_ONCE(a->bits[0]) & READ_ONCE(b->bits[0]);
}

static inline bool cpumask_empty(const struct cpumask *mask)
{
	return !READ_ONCE(mask->bits[0]);
}

static inline unsigned int cpumask_weight(const struct cpumask *mask)
{
	unsigned long bits = READ_ONCE(mask->bits[0]);
	unsigned int n = 0;

	for (; bits; bits &= bits - 1)	/* no popcnt in the baseline ISA */
		n++;
	return n;
}

/* The first CPU of @mask at or after @cpu, or nr_cpu_ids if none. */
static inline unsigned int cpumask_next_from(unsigned int cpu, const struct cpumask *mask)
{
	unsigned long bits;

	if (cpu >= NR_CPUS)
		return nr_cpu_ids;
	bits = READ_ONCE(mask->bits[0]) >> cpu;
	return bits ? cpu + __builtin_ctzl(bits) : nr_cpu_ids;
}

static inline unsigned int cpumask_first(const struct cpumask *mask)
{
	return cpumask_next_from(0, mask);
}

/* The mask holding @cpu alone. */
extern const struct cpumask __cpu_single_masks[NR_CPUS];
#define cpumask_of(cpu)		(&__cpu_single_masks[(cpu)])

#define for_each_cpu(cpu, mask)						\
	for ((cpu) = cpumask_next_from(0, (mask));			\
	     (cpu) < nr_cpu_ids;					\
	     (cpu) = cpumask_next_from((cpu) + 1, (mask)))
#define for_each_possible_cpu(cpu)	for_each_cpu((cpu), cpu_possible_mask)
#define for_each_online_cpu(cpu)	for_each_cpu((cpu), cpu_online_mask)

#define num_possible_cpus()	cpumask_weight(cpu_possible_mask)
#define num_online_cpus()	cpumask_weight(cpu_online_mask)
#define cpu_possible(cpu)	cpumask_test_cpu((cpu), cpu_possible_mask)
#define cpu_online(cpu)		cpumask_test_cpu((cpu), cpu_online_mask)

void set_cpu_possible(unsigned int cpu, bool possible);
void set_cpu_online(unsigned int cpu, bool online);

#endif /* _LINUX_CPUMASK_H */
