// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc on every CPU at once, run by `make bench` (not by `make test`,
 * see <kunit/bench.h>): does the slab allocator's fast path stay as fast
 * per CPU when all CPUs allocate together as when one does?
 *
 * One thread per online CPU, bound to it (kthread_create_on_cpu()), each
 * doing kmalloc/kfree pairs:
 *
 *   kmalloc64_pair_percpu       kmalloc(64) + kfree(), as kmalloc64_pair
 *   kmalloc_mixed_pair_percpu   the sizes of <kernel/kmalloc_mix.h>, each
 *                               thread walking the sequence on its own
 *   kmalloc64_batch100_percpu   allocate 100 objects of 64 bytes, then
 *                               free the 100 (counted as 100 pairs)
 *
 * Method.  The threads run SMP_BENCH_ROUNDS rounds of SMP_BENCH_PAIRS
 * pairs each (after SMP_BENCH_WARMUP rounds that are not counted).  Every
 * round begins at a barrier that all threads reach before any goes on, so
 * the CPUs allocate at the same time, and each thread times its own round
 * with local_clock() and the TSC.  A round lasts a fraction of a
 * millisecond, well within a timer tick and a host time slice, so most
 * rounds see no disturbance.  Under QEMU's TCG each vCPU is a host thread
 * and the guest's TSC follows the host's clock: a vCPU the host takes off
 * its core goes on counting time.  The barrier helps there as well (a
 * round cannot begin while one vCPU is off its core, the others wait for
 * it), and the figure printed is the median of every round of every CPU,
 * which a few rounds slowed by the host do not move.
 *
 * Each row prints two lines (scripts/bench.py reads both):
 *
 *	# bench kmalloc64_pair_percpu: 290 cycles/op
 *	# bench_smp kmalloc64_pair_percpu: 2 CPUs, 8957342 pairs/s per CPU, 51 rounds, 49 together, CPU0 8901234, CPU1 9012345
 *
 * the median cost of one pair on one CPU, and the median rate with each
 * CPU's own median.  "together" counts the rounds whose threads ran
 * side by side for at least 90% of the longest one's time (a round
 * where one vCPU was held up by the host is not one).  `make bench-smp`
 * runs the rows at SMP=1 and SMP=2 and prints the ratio of the per-CPU
 * rates (docs/performance.md).
 *
 * The case fails when an allocation fails, a thread finds itself on
 * another CPU than its own, or the threads do not meet at a barrier
 * within SMP_BENCH_WAIT_NS.
 */
#include <kunit/bench.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <asm/processor.h>
#include <kernel/kmalloc_mix.h>

#define SMP_BENCH_WARMUP	3	/* rounds not counted */
#define SMP_BENCH_ROUNDS	51	/* rounds counted: an odd number, for the median */
#define SMP_BENCH_PAIRS		2000	/* pairs per round and CPU: a multiple of the batch */
#define SMP_BENCH_BATCH		100
#define SMP_BENCH_TOGETHER	90	/* percent of a round run side by side */
#define SMP_BENCH_WAIT_NS	(30 * NSEC_PER_SEC)	/* a barrier waits at most this */

struct smp_bench;

/* One CPU's thread and what it measured: written by that thread alone. */
struct smp_bench_cpu {
	struct smp_bench *bench;
	struct task_struct *task;
	unsigned int cpu;		/* the CPU it is bound to */
	unsigned int mix_next;		/* its place in the mix sequence */
	unsigned int wrong_cpu;		/* rounds begun on another CPU */
	bool failed;			/* an allocation returned NULL */
	u64 start_ns[SMP_BENCH_ROUNDS];
	u64 ns[SMP_BENCH_ROUNDS];
	u64 cycles[SMP_BENCH_ROUNDS];
	void *batch[SMP_BENCH_BATCH];
} ____cacheline_aligned;

struct smp_bench {
	bool (*work)(struct smp_bench_cpu *c);	/* one round's pairs */
	unsigned int nr;			/* threads, one per online CPU */
	unsigned long arrived ____cacheline_aligned;	/* at the barriers so far */
	bool abort;				/* a thread gave up: all stop */
	struct smp_bench_cpu cpu[];
};

static unsigned short smp_mix_sizes[KMALLOC_MIX_LEN];

static bool work_kmalloc64_pair(struct smp_bench_cpu *c)
{
	bool ok = true;
	unsigned int i;

	for (i = 0; i < SMP_BENCH_PAIRS; i++) {
		void *p = kmalloc(64, GFP_KERNEL);

		ok &= p != NULL;
		kfree(p);
	}
	return ok;
}

static bool work_kmalloc_mixed_pair(struct smp_bench_cpu *c)
{
	unsigned int i, next = c->mix_next;
	bool ok = true;

	for (i = 0; i < SMP_BENCH_PAIRS; i++) {
		void *p = kmalloc(smp_mix_sizes[next++ & (KMALLOC_MIX_LEN - 1)],
				  GFP_KERNEL);

		ok &= p != NULL;
		kfree(p);
	}
	c->mix_next = next;
	return ok;
}

static bool work_kmalloc64_batch100(struct smp_bench_cpu *c)
{
	unsigned int i, n;
	bool ok = true;

	for (n = 0; n < SMP_BENCH_PAIRS / SMP_BENCH_BATCH; n++) {
		for (i = 0; i < SMP_BENCH_BATCH; i++) {
			c->batch[i] = kmalloc(64, GFP_KERNEL);
			ok &= c->batch[i] != NULL;
		}
		for (i = 0; i < SMP_BENCH_BATCH; i++)
			kfree(c->batch[i]);
	}
	return ok;
}

/*
 * Wait until @target arrivals in all (each thread arrives once per
 * round), or give up (another thread did, or SMP_BENCH_WAIT_NS passed).
 */
static bool smp_bench_barrier(struct smp_bench *b, unsigned long target)
{
	u64 deadline = local_clock() + SMP_BENCH_WAIT_NS;

	__atomic_add_fetch(&b->arrived, 1, __ATOMIC_SEQ_CST);
	while (READ_ONCE(b->arrived) < target) {
		if (READ_ONCE(b->abort) || local_clock() > deadline) {
			WRITE_ONCE(b->abort, true);
			return false;
		}
		cpu_relax();
	}
	return true;
}

/* The thread on one CPU: warm-up rounds, then the timed ones. */
static int smp_bench_thread(void *data)
{
	struct smp_bench_cpu *c = data;
	struct smp_bench *b = c->bench;
	unsigned int round;

	for (round = 0; round < SMP_BENCH_WARMUP + SMP_BENCH_ROUNDS; round++) {
		unsigned int r = round - SMP_BENCH_WARMUP;
		u64 t0, c0, c1, t1;
		bool ok;

		if (!smp_bench_barrier(b, (unsigned long)b->nr * (round + 1)))
			break;
		if (raw_smp_processor_id() != c->cpu)
			c->wrong_cpu++;
		t0 = local_clock();
		c0 = rdtsc();
		ok = b->work(c);
		c1 = rdtsc();
		t1 = local_clock();
		if (!ok) {
			c->failed = true;
			WRITE_ONCE(b->abort, true);
			break;
		}
		if (round >= SMP_BENCH_WARMUP) {
			c->start_ns[r] = t0;
			c->ns[r] = max_t(u64, t1 - t0, 1);
			c->cycles[r] = c1 - c0;
		}
	}
	return 0;
}

/* The median of @n values (sorts them: insertion sort, n is small). */
static u64 median(u64 *v, unsigned int n)
{
	unsigned int i, j;

	for (i = 1; i < n; i++) {
		u64 x = v[i];

		for (j = i; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static u64 pairs_per_sec(u64 ns)
{
	return (u64)SMP_BENCH_PAIRS * NSEC_PER_SEC / ns;
}

/*
 * Did round @r run on every CPU at once?  Its threads' time side by
 * side (the latest start to the earliest end) must be at least
 * SMP_BENCH_TOGETHER percent of the longest thread's time.
 */
static bool round_together(struct smp_bench *b, unsigned int r)
{
	u64 first_end = ~0ULL, last_start = 0, longest = 0;
	unsigned int i;

	for (i = 0; i < b->nr; i++) {
		struct smp_bench_cpu *c = &b->cpu[i];

		last_start = max(last_start, c->start_ns[r]);
		first_end = min(first_end, c->start_ns[r] + c->ns[r]);
		longest = max(longest, c->ns[r]);
	}
	return first_end > last_start &&
	       (first_end - last_start) * 100 >= longest * SMP_BENCH_TOGETHER;
}

/* Print the row's two lines from what the threads measured. */
static void smp_bench_report(struct kunit *test, struct smp_bench *b,
			     const char *name, u64 *all)
{
	unsigned int i, r, n = 0, together = 0;
	char per_cpu[160];
	size_t len = 0;
	u64 rate, cycles;

	for (r = 0; r < SMP_BENCH_ROUNDS; r++)
		together += round_together(b, r);
	for (i = 0; i < b->nr; i++) {
		struct smp_bench_cpu *c = &b->cpu[i];
		u64 *mine = all + n;

		for (r = 0; r < SMP_BENCH_ROUNDS; r++)
			all[n++] = pairs_per_sec(c->ns[r]);
		len += scnprintf(per_cpu + len, sizeof(per_cpu) - len, ", CPU%u %llu",
				 c->cpu, (unsigned long long)median(mine, SMP_BENCH_ROUNDS));
	}
	rate = median(all, n);

	n = 0;
	for (i = 0; i < b->nr; i++)
		for (r = 0; r < SMP_BENCH_ROUNDS; r++)
			all[n++] = b->cpu[i].cycles[r];
	cycles = median(all, n) / SMP_BENCH_PAIRS;

	kunit_log_line(test, "bench %s: %llu cycles/op", name, (unsigned long long)cycles);
	kunit_log_line(test, "bench_smp %s: %u CPUs, %llu pairs/s per CPU, %u rounds, %u together%s",
		       name, b->nr, (unsigned long long)rate, SMP_BENCH_ROUNDS, together,
		       per_cpu);
}

/*
 * Run @work on one thread per online CPU, all started together, and
 * report it as row @name.
 */
static void smp_bench_run(struct kunit *test, const char *name,
			  bool (*work)(struct smp_bench_cpu *c))
{
	unsigned int nr = num_online_cpus(), i = 0, cpu, joined = 0;
	bool failed = false, wrong_cpu = false;
	struct smp_bench *b;
	u64 *all;

	b = kzalloc(struct_size(b, cpu, nr), GFP_KERNEL);
	all = kunit_kzalloc(test, sizeof(*all) * nr * SMP_BENCH_ROUNDS, GFP_KERNEL);
	if (!b || !all) {
		kfree(b);
		KUNIT_FAIL(test, "out of memory for %u CPUs", nr);
		return;
	}
	b->work = work;
	b->nr = nr;
	for_each_online_cpu(cpu) {
		struct smp_bench_cpu *c = &b->cpu[i];
		struct task_struct *t;

		if (i == nr)
			break;		/* a CPU came online meanwhile */
		c->bench = b;
		c->cpu = cpu;
		t = kthread_create_on_cpu(smp_bench_thread, c, cpu, "bench_slab/%u");
		if (IS_ERR(t)) {
			KUNIT_FAIL(test, "kthread_create_on_cpu(%u): error %ld", cpu, PTR_ERR(t));
			b->abort = true;	/* the threads made so far end at once */
			break;
		}
		c->task = t;
		i++;
	}
	/* all exist: start them together (they meet at the first barrier) */
	for (cpu = 0; cpu < i; cpu++)
		wake_up_process(b->cpu[cpu].task);
	for (cpu = 0; cpu < i; cpu++) {
		if (kthread_join_timeout(b->cpu[cpu].task, 120 * HZ, NULL)) {
			KUNIT_FAIL(test, "bench_slab/%u did not end", b->cpu[cpu].cpu);
			WRITE_ONCE(b->abort, true);
			continue;
		}
		joined++;
		failed |= b->cpu[cpu].failed;
		wrong_cpu |= b->cpu[cpu].wrong_cpu != 0;
	}
	if (joined < i)
		return;		/* a thread may still read b: leave it */

	KUNIT_EXPECT_FALSE_MSG(test, failed, "an allocation failed");
	KUNIT_EXPECT_FALSE_MSG(test, wrong_cpu, "a bound thread ran on another CPU");
	KUNIT_EXPECT_FALSE_MSG(test, b->abort, "the threads did not meet at a barrier");
	if (i == nr && !b->abort)
		smp_bench_report(test, b, name, all);
	kfree(b);
}

static void kmalloc64_pair_percpu(struct kunit *test)
{
	smp_bench_run(test, "kmalloc64_pair_percpu", work_kmalloc64_pair);
}

static void kmalloc_mixed_pair_percpu(struct kunit *test)
{
	smp_bench_run(test, "kmalloc_mixed_pair_percpu", work_kmalloc_mixed_pair);
}

static void kmalloc64_batch100_percpu(struct kunit *test)
{
	smp_bench_run(test, "kmalloc64_batch100_percpu", work_kmalloc64_batch100);
}

static int bench_slab_smp_init(struct kunit_suite *suite)
{
	kmalloc_mix_fill(smp_mix_sizes);
	return 0;
}

static struct kunit_case bench_slab_smp_cases[] = {
	KUNIT_CASE(kmalloc64_pair_percpu),
	KUNIT_CASE(kmalloc_mixed_pair_percpu),
	KUNIT_CASE(kmalloc64_batch100_percpu),
	{}
};

static struct kunit_suite bench_slab_smp_suite = {
	.name = "bench_slab_smp",
	.suite_init = bench_slab_smp_init,
	.test_cases = bench_slab_smp_cases,
};
kunit_test_suite(bench_slab_smp_suite);
