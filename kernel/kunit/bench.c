// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/kunit/bench.c - timing one benchmark row (<kunit/bench.h>).
 *
 * The operation runs BENCH_OPS times per round, with the TSC read around
 * the whole round, so the cost of reading the clock and of the indirect
 * call is spread over thousands of operations.  One untimed round first
 * warms the caches and the allocator's lists; the best of BENCH_ROUNDS
 * rounds is printed, the usual choice for micro-benchmarks, because
 * every disturbance only ever adds time.
 *
 * The rounds run in process context with interrupts and preemption on,
 * the context the operations are written for: a GFP_KERNEL allocation
 * may sleep, so timing it with interrupts off would break the rule it
 * is measured under (and might_sleep() says so).  A timer tick (or a
 * task that preempts the round) is the disturbance the best-of-rounds
 * choice removes: rounds are kept short (BENCH_OPS of even the slowest
 * row fit well within one 10 ms tick), so most of them see none.  A row
 * that must run with interrupts off has to use GFP_ATOMIC, and its own
 * local_irq_save() inside the operation, and say so in its name.
 *
 * Under QEMU's TCG the TSC is the virtual one: figures compare rows and
 * versions of the code on one machine, not machines.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <kunit/bench.h>
#include <asm/processor.h>

#define BENCH_OPS	1024
#define BENCH_ROUNDS	20

static u64 bench_round(void (*op)(void))
{
	unsigned int i;
	u64 start;

	might_sleep();		/* the operations may; so must the caller */
	start = rdtsc();
	for (i = 0; i < BENCH_OPS; i++)
		op();
	return rdtsc() - start;
}

/**
 * kunit_bench - time an operation and print its cost per call
 * @test: the benchmark's test case
 * @name: the row's name in the table ("page_order0_pair")
 * @op: one operation; it must leave the system as it found it
 *
 * Prints "# bench NAME: N cycles/op".
 * Context: Process context (a test case).
 */
void kunit_bench(struct kunit *test, const char *name, void (*op)(void))
{
	u64 best = ~0ULL;
	unsigned int round;

	bench_round(op);	/* warm-up, not counted */
	for (round = 0; round < BENCH_ROUNDS; round++)
		best = min(best, bench_round(op));
	kunit_log_line(test, "bench %s: %llu cycles/op", name,
		       (unsigned long long)(best / BENCH_OPS));
}
