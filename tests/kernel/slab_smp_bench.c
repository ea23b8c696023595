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
 *                               free the 100 (counted as 100 pairs): all
 *                               on the sheaf (it holds 120)
 *   kmalloc64_batch1000_percpu  the same with 1000: past the sheaf, so
 *                               the slow paths too (the cpu freelist,
 *                               new active slabs from the partial list,
 *                               sheaf flushes to the slabs), which take
 *                               the cache's one list_lock
 *
 * Method.  The threads run rounds of SMP_BENCH_PAIRS pairs each (after
 * SMP_BENCH_WARMUP rounds that are not counted).  Every round begins at a
 * barrier that all threads reach before any goes on, so the CPUs
 * allocate at the same time, and each thread times its own round with
 * local_clock() and the TSC.  A round lasts a fraction of a millisecond,
 * well within a timer tick and a host time slice, so most rounds see no
 * disturbance, and the figures are medians over rounds, which a few
 * rounds slowed down do not move.
 *
 * Under QEMU's TCG each vCPU is a host thread and the guest's TSC follows
 * the host's clock: a vCPU the host takes off its core (other work on a
 * shared machine) goes on counting time, and how fast a host core runs a
 * vCPU drifts with the host's load from one second to the next.  So a
 * per-CPU rate from a boot at SMP=2 set against one from a boot at SMP=1
 * compares two moments of the host as much as the allocator.  Hence a
 * control in the same boot: the rounds alternate between "all" (every
 * CPU allocates) and "alone" (one CPU allocates, each CPU in turn; until
 * it is done the others run code shaped like a kmalloc/kfree pair, two
 * calls, a pop and a push, on memory of their own).  In both kinds the
 * host runs as many vCPUs, as busy, with the same kind of work; only the
 * allocator's sharing between CPUs is missing from "alone".  The ratio
 * all / alone is what allocating on the other CPUs at the same time
 * costs, measured a fraction of a millisecond apart.  At SMP=1 both
 * kinds are the same and the ratio is 1.
 *
 * Rounds are "together" when the threads of an "all" round ran side by
 * side for at least SMP_BENCH_TOGETHER percent of the longest one's time
 * (the TSC is one clock for all vCPUs under TCG).  On a host with as
 * many cores as vCPUs and nothing else to run, all are; on a busy host
 * the vCPUs may take turns on the cores, and an "all" round where they
 * did measures no sharing at all.  So the count is printed, with the
 * per-CPU rate of those rounds alone.
 *
 * Each row prints two lines (scripts/bench.py reads both):
 *
 *	# bench kmalloc64_pair_percpu: 116 cycles/op
 *	# bench_smp kmalloc64_pair_percpu: 2 CPUs, 22345678 pairs/s per CPU, alone 22901234, ratio 0.98, 51 rounds, 47 together (22300000 pairs/s per CPU), CPU0 22400000 (alone 23000000), CPU1 22300000 (alone 22800000)
 *
 * the median cost of one pair on one CPU in "all" rounds; then the rate
 * per CPU in "all" rounds, in "alone" rounds and the ratio of the two,
 * the rounds of each kind, the rounds together and their rate, and each
 * CPU's own medians.  `make bench-smp`
 * boots SMP=1 and SMP=2 in turn and prints the ratio of their per-CPU
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
#include <linux/limits.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/sprintf.h>
#include <asm/processor.h>
#include <kernel/kmalloc_mix.h>

#define SMP_BENCH_WARMUP	4	/* rounds not counted (two of each kind) */
#define SMP_BENCH_ROUNDS	51	/* rounds of each kind counted: odd, for the median */
#define SMP_BENCH_PAIRS		2000	/* pairs per round and CPU: a multiple of a batch */
#define SMP_BENCH_BATCH_MAX	1000	/* the largest batch */
#define SMP_BENCH_TOGETHER	50	/* percent of a round run side by side */
#define SMP_BENCH_WAIT_NS	(30 * NSEC_PER_SEC)	/* a barrier waits at most this */

/*
 * Even rounds are "all" rounds, odd ones "alone" rounds, the CPU that
 * allocates alone taking each thread's turn.
 */
#define ROUND_ALONE(round)		((round) & 1)
#define ROUND_ALONE_THREAD(b, round)	((round) / 2 % (b)->nr)

struct smp_bench;

/* One CPU's thread and what it measured: written by that thread alone. */
struct smp_bench_cpu {
	struct smp_bench *bench;
	struct task_struct *task;
	unsigned int cpu;		/* the CPU it is bound to */
	unsigned int mix_next;		/* its place in the mix sequence */
	unsigned int wrong_cpu;		/* rounds begun on another CPU */
	unsigned int nr_alone;		/* "alone" rounds counted */
	bool failed;			/* an allocation returned NULL */
	/* [kind][n]: its nth counted round of kind 0 (all) or 1 (alone) */
	u64 start_ns[2][SMP_BENCH_ROUNDS];
	u64 ns[2][SMP_BENCH_ROUNDS];
	u64 cycles[2][SMP_BENCH_ROUNDS];
	void **batch;			/* SMP_BENCH_BATCH_MAX slots */
} ____cacheline_aligned;

struct smp_bench {
	bool (*work)(struct smp_bench_cpu *c);	/* one round's pairs */
	unsigned int nr;			/* threads, one per online CPU */
	unsigned long arrived ____cacheline_aligned;	/* at the barriers so far */
	unsigned long alone_done;		/* the last "alone" round done, + 1 */
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

static bool kmalloc64_batches(struct smp_bench_cpu *c, unsigned int batch)
{
	unsigned int i, n;
	bool ok = true;

	for (n = 0; n < SMP_BENCH_PAIRS / batch; n++) {
		for (i = 0; i < batch; i++) {
			c->batch[i] = kmalloc(64, GFP_KERNEL);
			ok &= c->batch[i] != NULL;
		}
		for (i = 0; i < batch; i++)
			kfree(c->batch[i]);
	}
	return ok;
}

static bool work_kmalloc64_batch100(struct smp_bench_cpu *c)
{
	return kmalloc64_batches(c, 100);
}

static bool work_kmalloc64_batch1000(struct smp_bench_cpu *c)
{
	return kmalloc64_batches(c, 1000);
}

/*
 * A CPU's part in another's "alone" round: until that one is done,
 * work the way a kmalloc/kfree pair does (two calls, a pop and a push on
 * a stack of pointers, loads and stores) on memory of its own that no
 * other CPU touches: the host then runs as many vCPUs, as busy with the
 * same kind of code, as in an "all" round, and only the allocator's
 * sharing is missing.
 */
static noinline void *private_pop(void **slots, unsigned long *nr)
{
	return slots[--*nr];
}

static noinline void private_push(void **slots, unsigned long *nr, void *x)
{
	slots[(*nr)++] = x;
}

static void smp_bench_keep_busy(struct smp_bench_cpu *c, unsigned long round)
{
	struct smp_bench *b = c->bench;
	unsigned long nr = 1;
	unsigned int i;

	c->batch[0] = c;
	while (READ_ONCE(b->alone_done) <= round)
		for (i = 0; i < 64; i++)
			private_push(c->batch, &nr, private_pop(c->batch, &nr));
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
	unsigned int me = c - b->cpu;
	unsigned long round;

	for (round = 0; round < SMP_BENCH_WARMUP + 2 * SMP_BENCH_ROUNDS; round++) {
		unsigned int kind = ROUND_ALONE(round);
		unsigned int n = (round - SMP_BENCH_WARMUP) / 2;
		u64 t0, c0, c1, t1;
		bool ok = true;

		if (!smp_bench_barrier(b, (unsigned long)b->nr * (round + 1)))
			break;
		if (raw_smp_processor_id() != c->cpu)
			c->wrong_cpu++;
		if (kind && ROUND_ALONE_THREAD(b, round) != me) {
			smp_bench_keep_busy(c, round);
			continue;
		}
		t0 = local_clock();
		c0 = rdtsc();
		ok = b->work(c);
		c1 = rdtsc();
		t1 = local_clock();
		if (kind)
			WRITE_ONCE(b->alone_done, round + 1);
		if (!ok) {
			c->failed = true;
			WRITE_ONCE(b->abort, true);
			break;
		}
		if (round >= SMP_BENCH_WARMUP) {
			if (kind)
				n = c->nr_alone++;
			c->start_ns[kind][n] = t0;
			c->ns[kind][n] = max_t(u64, t1 - t0, 1);
			c->cycles[kind][n] = c1 - c0;
		}
	}
	WRITE_ONCE(b->alone_done, ULONG_MAX);	/* nobody waits for this one */
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
 * Did "all" round @n run on every CPU at once?  Its threads' time side
 * by side (the latest start to the earliest end) must be at least
 * SMP_BENCH_TOGETHER percent of the longest thread's time.
 */
static bool round_together(struct smp_bench *b, unsigned int n)
{
	u64 first_end = ~0ULL, last_start = 0, longest = 0;
	unsigned int i;

	for (i = 0; i < b->nr; i++) {
		struct smp_bench_cpu *c = &b->cpu[i];

		last_start = max(last_start, c->start_ns[0][n]);
		first_end = min(first_end, c->start_ns[0][n] + c->ns[0][n]);
		longest = max(longest, c->ns[0][n]);
	}
	return first_end > last_start &&
	       (first_end - last_start) * 100 >= longest * SMP_BENCH_TOGETHER;
}

/*
 * The median pairs/s of thread @i's counted rounds of @kind; for "all"
 * rounds (@kind 0) with @only_together, only those of the rounds that
 * ran together.  0 when there is none.
 */
static u64 median_rate(struct smp_bench *b, unsigned int i, unsigned int kind,
		       bool only_together, u64 *buf)
{
	struct smp_bench_cpu *c = &b->cpu[i];
	unsigned int r, n = 0;
	unsigned int rounds = kind ? c->nr_alone : SMP_BENCH_ROUNDS;

	for (r = 0; r < rounds; r++)
		if (!only_together || round_together(b, r))
			buf[n++] = pairs_per_sec(c->ns[kind][r]);
	return n ? median(buf, n) : 0;
}

/*
 * Print the row's two lines from what the threads measured.  The rates
 * are the mean over the CPUs of each CPU's median: the vCPUs need not
 * run equally fast (the host may give one a busier core), and a median
 * of all CPUs' rounds together would land on one or the other.
 */
static void smp_bench_report(struct kunit *test, struct smp_bench *b,
			     const char *name, u64 *buf)
{
	u64 rate = 0, alone = 0, rate_together = 0, cycles, ratio;
	unsigned int i, r, n = 0, together = 0;
	char per_cpu[200];
	size_t len = 0;

	for (r = 0; r < SMP_BENCH_ROUNDS; r++)
		together += round_together(b, r);
	for (i = 0; i < b->nr; i++) {
		u64 mine = median_rate(b, i, 0, false, buf);
		u64 mine_alone = median_rate(b, i, 1, false, buf);

		rate += mine;
		alone += mine_alone;
		rate_together += median_rate(b, i, 0, true, buf);
		len += scnprintf(per_cpu + len, sizeof(per_cpu) - len, ", CPU%u %llu (alone %llu)",
				 b->cpu[i].cpu, (unsigned long long)mine,
				 (unsigned long long)mine_alone);
	}
	rate /= b->nr;
	alone = max_t(u64, alone / b->nr, 1);
	rate_together /= b->nr;
	ratio = (rate * 100 + alone / 2) / alone;	/* in hundredths */

	for (i = 0; i < b->nr; i++)
		for (r = 0; r < SMP_BENCH_ROUNDS; r++)
			buf[n++] = b->cpu[i].cycles[0][r];
	cycles = median(buf, n) / SMP_BENCH_PAIRS;

	kunit_log_line(test, "bench %s: %llu cycles/op", name, (unsigned long long)cycles);
	kunit_log_line(test, "bench_smp %s: %u CPUs, %llu pairs/s per CPU, alone %llu, ratio %llu.%02llu, %u rounds, %u together (%llu pairs/s per CPU)%s",
		       name, b->nr, (unsigned long long)rate, (unsigned long long)alone,
		       (unsigned long long)(ratio / 100), (unsigned long long)(ratio % 100),
		       SMP_BENCH_ROUNDS, together, (unsigned long long)rate_together, per_cpu);
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
		c->batch = kmalloc_array(SMP_BENCH_BATCH_MAX, sizeof(void *), GFP_KERNEL);
		if (!c->batch) {
			KUNIT_FAIL(test, "out of memory for CPU %u's batch", cpu);
			b->abort = true;
			break;
		}
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
			WRITE_ONCE(b->alone_done, ULONG_MAX);
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
	for (cpu = 0; cpu < nr; cpu++)
		kfree(b->cpu[cpu].batch);
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

static void kmalloc64_batch1000_percpu(struct kunit *test)
{
	smp_bench_run(test, "kmalloc64_batch1000_percpu", work_kmalloc64_batch1000);
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
	KUNIT_CASE(kmalloc64_batch1000_percpu),
	{}
};

static struct kunit_suite bench_slab_smp_suite = {
	.name = "bench_slab_smp",
	.suite_init = bench_slab_smp_init,
	.test_cases = bench_slab_smp_cases,
};
kunit_test_suite(bench_slab_smp_suite);
