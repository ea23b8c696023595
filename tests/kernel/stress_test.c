// SPDX-License-Identifier: GPL-2.0
/*
 * A stress test of the three allocators together (mm/slub.c,
 * mm/page_alloc.c, mm/vmalloc.c), from several contexts at once.
 *
 * Kernel threads (STRESS_THREADS, or one per CPU if there are more
 * CPUs, each bound to its CPU), a timer per CPU (softirq context, every
 * tick), and for each thread a tasklet (softirq) and an irq_work (hard
 * interrupt) that the thread schedules on its CPU as it goes, each keep
 * a table of slots; the callbacks interrupt the threads wherever they
 * are.  One operation picks a random slot: an empty slot gets
 * an allocation (kmalloc of a random size, kmem_cache_alloc, alloc_pages
 * of order 0-2, or, in the threads only, vmalloc), which is then filled
 * with a pattern that depends on the slot and the moment; a full slot
 * has its pattern verified, then is freed.  The threads use GFP_KERNEL,
 * the callbacks GFP_ATOMIC (and no vmalloc).  At the end every slot is
 * freed, and the test
 * checks: no pattern was ever wrong (no corruption), no report was
 * printed (no "BUG", no "WARNING", no might_sleep report), and every
 * page, slab object and vmalloc area is back.
 *
 * The first case does at least STRESS_OPS operations (one allocation or
 * one free each; "ktest_stress_ops=N" on the command line asks for N,
 * as make test's many-CPU step does: 10 million on 4 CPUs); the second
 * does fewer with failslab and
 * fail_page_alloc failing 2% of the allocations, and checks that every
 * failure was an injected one and was survived.  Both print their
 * figures (docs/contexts.md quotes them).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <asm/restart.h>
#include <kernel/kunit_leaks.h>
#include <kernel/log.h>
#include <kernel/page_alloc.h>
#include <kernel/pgtable.h>
#include "buddy_kunit.h"
#include <kernel/slab_stats.h>

#define STRESS_THREADS		4U	/* at least; one per CPU if more */
#define STRESS_SLOTS		64	/* per thread, and per callback */
#define STRESS_OPS		1000000UL	/* the first case's total, at least */
#define STRESS_INJECT_OPS	200000UL
#define STRESS_INJECT_PERCENT	2
#define STRESS_TIMER_OPS	32	/* per timer or tasklet callback */
#define STRESS_IRQ_WORK_OPS	8	/* per irq_work callback */
#define STRESS_KICK_EVERY	256	/* a thread's ops between kicks */
#define STRESS_CACHE_SIZE	200
/* the time limit: 30 s, or longer at 100,000 operations a second */
#define STRESS_MIN_RATE		100000UL
#define STRESS_TIME_LIMIT	(30 * HZ)	/* the other cases': a safety net */

/* the first case's operations: ktest_stress_ops=N, STRESS_OPS if not given */
static unsigned long stress_ops = STRESS_OPS;

static int __init stress_ops_setup(char *val)
{
	unsigned long n;

	if (kstrtoul(val, 0, &n) || !n)
		return -EINVAL;
	stress_ops = n;
	return 1;
}
__setup("ktest_stress_ops=", stress_ops_setup);

/* kernel/sched/core.c counts the sleeping-in-atomic reports */
extern unsigned long might_sleep_reports;

enum stress_kind { K_KMALLOC, K_CACHE, K_PAGES, K_VMALLOC, NR_KINDS };

static const char *const kind_names[NR_KINDS] = {
	"kmalloc", "kmem_cache", "alloc_pages", "vmalloc"
};

struct stress_obj {
	void *ptr;
	size_t size;
	unsigned int order;		/* K_PAGES */
	enum stress_kind kind;
	u64 pattern;
};

struct stress_worker {
	struct stress_obj slots[STRESS_SLOTS];
	u64 rng;
	gfp_t gfp;
	bool may_vmalloc;
	unsigned long quota;		/* operations to do (threads) */
	unsigned long deadline;		/* jiffies */
	/* results */
	unsigned long ops, failures, corrupt;
	unsigned long allocs[NR_KINDS];
	unsigned long runs;		/* callbacks: times run */
};

/* A thread, and the tasklet and irq_work it schedules on its CPU. */
struct stress_thread {
	struct stress_worker w, tasklet_w, irq_w;
	struct tasklet_struct tasklet;
	struct irq_work irq_work;
	struct task_struct *task;
	bool stop_kicks;
};

static struct kmem_cache *stress_cache;

static u64 next_random(u64 *state)
{
	u64 x = *state;		/* xorshift64* */

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * 0x2545f4914f6cdd1dULL;
}

/*
 * The words of an object that carry its pattern: all of them in a small
 * object, one per 64-byte line in a large one (the frames and vmalloc
 * areas), which still catches any two live blocks that overlap and
 * keeps the test fast under QEMU's emulation.
 */
#define FILL_ALL_BELOW	512
#define FILL_STRIDE	(64 / sizeof(u64))

static size_t fill_stride(size_t size)
{
	return size < FILL_ALL_BELOW ? 1 : FILL_STRIDE;
}

/* Fill @p's pattern words and, for a small object, its odd tail bytes. */
static void fill(void *p, size_t size, u64 pattern)
{
	size_t i, words = size / 8, stride = fill_stride(size);
	u64 *w = p;
	u8 *tail;

	for (i = 0; i < words; i += stride)
		w[i] = pattern ^ i;
	tail = (u8 *)(w + words);
	for (i = 0; i < size % 8; i++)
		tail[i] = (u8)pattern;
}

static bool verify(const void *p, size_t size, u64 pattern)
{
	size_t i, words = size / 8, stride = fill_stride(size);
	const u64 *w = p;
	const u8 *tail;

	for (i = 0; i < words; i += stride)
		if (w[i] != (pattern ^ i))
			return false;
	tail = (const u8 *)(w + words);
	for (i = 0; i < size % 8; i++)
		if (tail[i] != (u8)pattern)
			return false;
	return true;
}

/* A kmalloc size: mostly small, sometimes up to 8 KiB, rarely large (page allocator). */
static size_t kmalloc_size(u64 r)
{
	switch (r % 16) {
	case 0:
		return 8192 + (r >> 8) % (24 * 1024);	/* > 8 KiB: large kmalloc */
	case 1:
	case 2:
		return 1 + (r >> 8) % 8192;
	default:
		return 1 + (r >> 8) % 512;
	}
}

/* Of ten allocations: 4 kmalloc, 3 kmem_cache, 2 alloc_pages, 1 vmalloc. */
static enum stress_kind pick_kind(unsigned int tenth, bool may_vmalloc)
{
	if (tenth < 4)
		return K_KMALLOC;
	if (tenth < 7)
		return K_CACHE;
	if (tenth < 9 || !may_vmalloc)
		return K_PAGES;
	return K_VMALLOC;
}

static void stress_alloc(struct stress_worker *w, struct stress_obj *o, u64 r)
{
	struct page *page;

	o->kind = pick_kind((r >> 40) % 10, w->may_vmalloc);
	switch (o->kind) {
	case K_KMALLOC:
		o->size = kmalloc_size(r);
		o->ptr = kmalloc(o->size, w->gfp);
		break;
	case K_CACHE:
		o->size = STRESS_CACHE_SIZE;
		o->ptr = kmem_cache_alloc(stress_cache, w->gfp);
		break;
	case K_PAGES:
		o->order = (r >> 8) % 3;
		o->size = PAGE_SIZE << o->order;
		page = alloc_pages(w->gfp, o->order);
		o->ptr = page ? page_address(page) : NULL;
		break;
	default:
		o->size = (1 + (r >> 8) % 4) * PAGE_SIZE;
		o->ptr = __vmalloc(o->size, w->gfp);
		break;
	}
	if (!o->ptr) {
		w->failures++;
		return;
	}
	w->allocs[o->kind]++;
	o->pattern = r ^ (unsigned long)o->ptr;
	fill(o->ptr, o->size, o->pattern);
}

static void stress_free(struct stress_worker *w, struct stress_obj *o)
{
	if (!verify(o->ptr, o->size, o->pattern)) {
		if (!w->corrupt++)
			pr_err("stress: %s object %px (%zu bytes) corrupted\n",
			       kind_names[o->kind], o->ptr, o->size);
	}
	switch (o->kind) {
	case K_KMALLOC:
		kfree(o->ptr);
		break;
	case K_CACHE:
		kmem_cache_free(stress_cache, o->ptr);
		break;
	case K_PAGES:
		free_pages((unsigned long)o->ptr, o->order);
		break;
	default:
		vfree(o->ptr);
		break;
	}
	o->ptr = NULL;
}

/* One operation on a random slot: fill an empty one, or check and free a full one. */
static void stress_step(struct stress_worker *w)
{
	u64 r = next_random(&w->rng);
	struct stress_obj *o = &w->slots[(r >> 58) % STRESS_SLOTS];	/* top bits: the slot */

	if (o->ptr)
		stress_free(w, o);
	else
		stress_alloc(w, o, r);
	w->ops++;
}

static void stress_free_all(struct stress_worker *w)
{
	unsigned int i;

	for (i = 0; i < STRESS_SLOTS; i++)
		if (w->slots[i].ptr)
			stress_free(w, &w->slots[i]);
}

/* The thread's tasklet (softirq, this CPU): a few operations. */
static void stress_tasklet_fn(struct tasklet_struct *t)
{
	struct stress_thread *th = from_tasklet(th, t, tasklet);
	unsigned int i;

	for (i = 0; i < STRESS_TIMER_OPS; i++)
		stress_step(&th->tasklet_w);
	th->tasklet_w.runs++;
}

/* The thread's irq_work (hard interrupt, this CPU): fewer operations. */
static void stress_irq_work_fn(struct irq_work *work)
{
	struct stress_thread *th = container_of(work, struct stress_thread, irq_work);
	unsigned int i;

	for (i = 0; i < STRESS_IRQ_WORK_OPS; i++)
		stress_step(&th->irq_w);
	th->irq_w.runs++;
}

static int stress_thread_fn(void *data)
{
	struct stress_thread *th = data;
	struct stress_worker *w = &th->w;

	while (w->ops < w->quota && time_before(jiffies, w->deadline)) {
		stress_step(w);
		if (w->ops % STRESS_KICK_EVERY)
			continue;
		/* both run on this CPU (the thread is bound to it) */
		if (!READ_ONCE(th->stop_kicks)) {
			tasklet_schedule(&th->tasklet);
			irq_work_queue(&th->irq_work);
		}
	}
	stress_free_all(w);
	return 0;
}

struct stress_timer {
	struct timer_list timer;
	struct stress_worker w;
	bool stop;
};

static void stress_timer_fn(struct timer_list *t)
{
	struct stress_timer *st = from_timer(st, t, timer);
	unsigned int i;

	if (READ_ONCE(st->stop))
		return;
	for (i = 0; i < STRESS_TIMER_OPS; i++)
		stress_step(&st->w);
	st->w.runs++;
	mod_timer(&st->timer, jiffies + 1);	/* pinned: stays on its CPU */
}

struct stress_result {
	unsigned long ops, failures, corrupt, thread_ops, timer_ops, callbacks;
	unsigned long tasklet_ops, tasklet_runs, irq_work_ops, irq_work_runs;
	unsigned int threads, cpus;
	unsigned long allocs[NR_KINDS];
	unsigned long injected;		/* failures injected, both attributes */
	unsigned long ms;
	struct kunit_usage before, after;	/* pages, objects, areas in use */
};

/* A callback's worker: GFP_ATOMIC, no vmalloc. */
static void atomic_worker(struct stress_worker *w, u64 seed, gfp_t extra_gfp)
{
	w->rng = seed ^ get_random_u64();
	w->gfp = GFP_ATOMIC | extra_gfp;
}

/* Add up @w's figures into @res. */
static void add_worker(struct stress_result *res, const struct stress_worker *w)
{
	unsigned int k;

	res->ops += w->ops;
	res->failures += w->failures;
	res->corrupt += w->corrupt;
	for (k = 0; k < NR_KINDS; k++)
		res->allocs[k] += w->allocs[k];
}

/*
 * Run the threads (together doing @total_ops operations), their tasklets
 * and irq_work and a timer on each CPU until the threads are done,
 * failing @inject_percent of the allocations; free everything; add up.
 */
static void stress_run(struct kunit *test, unsigned long total_ops,
		       unsigned long inject_percent, struct stress_result *res)
{
	unsigned int cpus = num_online_cpus(), nthreads = max(STRESS_THREADS, cpus);
	unsigned long limit = max((unsigned long)STRESS_TIME_LIMIT, total_ops / STRESS_MIN_RATE * HZ);
	gfp_t extra_gfp = inject_percent ? __GFP_NOWARN : 0;
	struct stress_thread *threads;
	struct stress_timer *timers;
	unsigned long start;
	unsigned int i;

	threads = kunit_kzalloc(test, sizeof(*threads) * nthreads, GFP_KERNEL);
	timers = kunit_kzalloc(test, sizeof(*timers) * cpus, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, threads);
	KUNIT_ASSERT_NOT_NULL(test, timers);
	memset(res, 0, sizeof(*res));
	res->threads = nthreads;
	res->cpus = cpus;
	kunit_usage_now(&res->before);

	start = jiffies;
	for (i = 0; i < nthreads; i++) {
		struct stress_thread *th = &threads[i];
		struct stress_worker *w = &th->w;

		w->rng = 0x9e3779b97f4a7c15ULL * (i + 1) ^ get_random_u64();
		w->gfp = GFP_KERNEL | extra_gfp;
		w->may_vmalloc = true;
		w->quota = total_ops / nthreads;
		w->deadline = start + limit;
		atomic_worker(&th->tasklet_w, 0x5851f42d4c957f2dULL * (i + 1), extra_gfp);
		atomic_worker(&th->irq_w, 0x14057b7ef767814fULL * (i + 1), extra_gfp);
		tasklet_setup(&th->tasklet, stress_tasklet_fn);
		init_irq_work(&th->irq_work, stress_irq_work_fn);
		/* created stopped: every thread starts once all exist */
		th->task = kthread_create(stress_thread_fn, th, "stress/%u", i);
		if (IS_ERR(th->task)) {
			/* the threads made so far end at once, unstarted */
			while (i--) {
				threads[i].w.quota = 0;
				wake_up_process(threads[i].task);
				kthread_join_timeout(threads[i].task, 5 * HZ, NULL);
			}
		}
		KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(th->task), "kthread_create: error %ld",
				       PTR_ERR(th->task));
		kthread_bind(th->task, i % cpus);
	}
	for (i = 0; i < cpus; i++) {
		atomic_worker(&timers[i].w, 0x2545f4914f6cdd1dULL * (i + 1), extra_gfp);
		timer_setup(&timers[i].timer, stress_timer_fn, 0);
	}
	if (inject_percent) {
		/* now that the threads exist: their stacks are not to fail */
		fault_attr_set(&failslab, 1, inject_percent, 0, -1);
		fault_attr_set(&fail_page_alloc, 1, inject_percent, 0, -1);
	}
	for (i = 0; i < cpus; i++) {
		timers[i].timer.expires = jiffies + 1;
		add_timer_on(&timers[i].timer, i);
	}
	for (i = 0; i < nthreads; i++)
		wake_up_process(threads[i].task);

	for (i = 0; i < nthreads; i++)
		KUNIT_EXPECT_EQ(test, kthread_join_timeout(threads[i].task,
							   limit + 5 * HZ, NULL), 0);
	for (i = 0; i < cpus; i++) {
		WRITE_ONCE(timers[i].stop, true);
		del_timer_sync(&timers[i].timer);
	}
	for (i = 0; i < nthreads; i++) {
		WRITE_ONCE(threads[i].stop_kicks, true);
		tasklet_kill(&threads[i].tasklet);
		irq_work_sync(&threads[i].irq_work);
	}
	if (inject_percent) {
		fault_attr_clear(&failslab);
		fault_attr_clear(&fail_page_alloc);
		res->injected = failslab.injected + fail_page_alloc.injected;
	}
	for (i = 0; i < cpus; i++)
		stress_free_all(&timers[i].w);
	for (i = 0; i < nthreads; i++) {
		stress_free_all(&threads[i].tasklet_w);
		stress_free_all(&threads[i].irq_w);
	}
	res->ms = jiffies_to_msecs(jiffies - start);
	kunit_usage_now(&res->after);

	for (i = 0; i < nthreads; i++) {
		const struct stress_thread *th = &threads[i];

		add_worker(res, &th->w);
		add_worker(res, &th->tasklet_w);
		add_worker(res, &th->irq_w);
		res->thread_ops += th->w.ops;
		res->tasklet_ops += th->tasklet_w.ops;
		res->tasklet_runs += th->tasklet_w.runs;
		res->irq_work_ops += th->irq_w.ops;
		res->irq_work_runs += th->irq_w.runs;
	}
	for (i = 0; i < cpus; i++) {
		add_worker(res, &timers[i].w);
		res->timer_ops += timers[i].w.ops;
		res->callbacks += timers[i].w.runs;
	}
	kunit_info(test, "stress: %lu operations in %lu ms (%lu/s) on %u CPUs: %u threads %lu, timers %lu in %lu callbacks, tasklets %lu in %lu runs, irq_work %lu in %lu runs",
		   res->ops, res->ms, res->ops * 1000 / max(res->ms, 1UL), cpus, nthreads,
		   res->thread_ops, res->timer_ops, res->callbacks, res->tasklet_ops,
		   res->tasklet_runs, res->irq_work_ops, res->irq_work_runs);
	kunit_info(test, "stress: allocations kmalloc %lu, kmem_cache %lu, alloc_pages %lu, vmalloc %lu; failed %lu; corrupted %lu",
		   res->allocs[K_KMALLOC], res->allocs[K_CACHE], res->allocs[K_PAGES],
		   res->allocs[K_VMALLOC], res->failures, res->corrupt);
	if (inject_percent)
		kunit_info(test, "stress: failures injected %lu (failslab %lu, fail_page_alloc %lu, %lu%% of the calls)",
			   res->injected, failslab.injected, fail_page_alloc.injected,
			   inject_percent);
	kunit_info(test, "stress: in use before/after: %lu/%lu pages, %lu/%lu slab objects, %lu/%lu vmalloc areas",
		   res->before.pages, res->after.pages, res->before.slab_objects,
		   res->after.slab_objects, res->before.vmalloc_areas,
		   res->after.vmalloc_areas);
}

static void expect_no_report(struct kunit *test, u64 seq, unsigned long reports)
{
	KUNIT_EXPECT_EQ(test, log_search(seq, "BUG"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "WARNING"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "page allocation failure"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "vmalloc error"), 0ULL);
	KUNIT_EXPECT_EQ(test, READ_ONCE(might_sleep_reports), reports);
}

/* Every frame, object and area back: the runner's own accounting, before and after. */
static void expect_all_back(struct kunit *test, const struct stress_result *res)
{
	KUNIT_EXPECT_EQ(test, res->after.pages, res->before.pages);
	KUNIT_EXPECT_EQ(test, res->after.slab_objects, res->before.slab_objects);
	KUNIT_EXPECT_EQ(test, res->after.vmalloc_areas, res->before.vmalloc_areas);
}

static void threads_and_timer_million_ops(struct kunit *test)
{
	unsigned long reports = READ_ONCE(might_sleep_reports);
	struct stress_result *res;
	u64 seq;

	res = kunit_kzalloc(test, sizeof(*res), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, res);
	seq = log_seq();
	stress_run(test, stress_ops, 0, res);

	KUNIT_EXPECT_GE(test, res->ops, stress_ops);
	KUNIT_EXPECT_EQ(test, res->corrupt, 0UL);
	KUNIT_EXPECT_EQ(test, res->failures, 0UL);
	KUNIT_EXPECT_GT(test, res->timer_ops, 0UL);
	KUNIT_EXPECT_GT(test, res->tasklet_ops, 0UL);
	KUNIT_EXPECT_GT(test, res->irq_work_ops, 0UL);
	KUNIT_EXPECT_GT(test, res->allocs[K_VMALLOC], 0UL);
	expect_no_report(test, seq, reports);
	expect_all_back(test, res);
}

/*
 * With failures injected into both the slab and the page allocator, in
 * both contexts.  Allocations are __GFP_NOWARN, so an injected failure
 * prints nothing; every NULL must be an injected failure, and survived.
 */
static void threads_and_timer_with_injected_failures(struct kunit *test)
{
	unsigned long reports = READ_ONCE(might_sleep_reports);
	struct stress_result *res;
	u64 seq;

	res = kunit_kzalloc(test, sizeof(*res), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, res);
	seq = log_seq();
	stress_run(test, STRESS_INJECT_OPS, STRESS_INJECT_PERCENT, res);

	KUNIT_EXPECT_GE(test, res->ops, STRESS_INJECT_OPS);
	KUNIT_EXPECT_EQ(test, res->corrupt, 0UL);
	KUNIT_EXPECT_GT(test, res->failures, 0UL);
	KUNIT_EXPECT_EQ(test, res->failures, res->injected);
	expect_no_report(test, seq, reports);
	expect_all_back(test, res);
}

/* ---- page tables: vmalloc areas in one fresh 2 MiB ---------------------------- */

#define PT_RACE_THREADS		8	/* tasks mapping into one new PTE table */
#define PT_RACE_ROUNDS		3
#define PT_RACE_SPAN		(32 * PMD_SIZE)	/* address space only */
#define PT_RACE_TRIES		64		/* spans: 4 GiB at most */
#define PT_CHURN_THREADS	4
#define PT_CHURN_OPS		1500	/* vmalloc + check + vfree, per thread */

struct pt_racer {
	struct task_struct *task;
	unsigned long addr;		/* pgtable race: where to map @page */
	struct page *page;
	bool started, done;
	int ret;
	u64 rng;			/* churn: per-thread random state */
	unsigned long ops, bad;		/* churn: rounds, wrong mappings */
};

/* A 2 MiB slot of @vm that has no PTE table yet (nor maybe a PMD table). */
static unsigned long fresh_pmd_slot(struct vm_struct *vm)
{
	unsigned long va = ALIGN((unsigned long)vm->addr, PMD_SIZE);
	unsigned long end = (unsigned long)vm->addr + vm->size - PAGE_SIZE;
	enum pt_level level;

	for (; va + PMD_SIZE <= end; va += PMD_SIZE)
		if (!pgtable_lookup(init_pgd, va, &level) && level >= PT_PMD)
			return va;
	return 0;
}

static int pt_race_fn(void *data)
{
	struct pt_racer *r = data;

	WRITE_ONCE(r->started, true);
	r->ret = vmap_pages_range(r->addr, r->addr + PAGE_SIZE,
				  PAGE_KERNEL_PROT, &r->page);
	WRITE_ONCE(r->done, true);
	return 0;
}

/* Every racer has finished, or sleeps (in the page allocator) after starting. */
static bool racers_parked(struct pt_racer *r, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!READ_ONCE(r[i].done) &&
		    !(READ_ONCE(r[i].started) &&
		      READ_ONCE(r[i].task->__state) == TASK_UNINTERRUPTIBLE))
			return false;
	return true;
}

/* Take every frame a GFP_KERNEL allocation could get, onto @held. */
static void hold_all_memory(struct held_pages *held)
{
	int order;

	for (order = MAX_PAGE_ORDER; order >= 0; order--) {
		struct page *page;

		while ((page = alloc_pages(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN,
					   order)))
			held_add(held, page, order);
	}
}

/*
 * One round of the page-table race: PT_RACE_THREADS tasks map one page
 * each into the same 2 MiB, which has no PTE table yet, while memory is
 * exhausted: each finds the PMD entry empty and sleeps in alloc_page()
 * for its table, all inside the window between the check and the
 * install.  Memory comes back, they all wake up with a table each, and
 * every mapping must be there afterwards (without the lock and the
 * re-check, each install replaces the one before and takes the mappings
 * already written into it along).  Return: how many mappings were lost.
 */
static unsigned int pt_race_round(struct kunit *test, struct pt_racer *r,
				  unsigned int *slept)
{
	struct vm_struct *vm, *spans[PT_RACE_TRIES];
	struct held_pages *held;
	unsigned long slot, deadline;
	unsigned int i, tries, lost = 0;

	held = kunit_kzalloc(test, sizeof(*held), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, held);
	held_init(held);
	/*
	 * Address space that earlier tests used has its tables already:
	 * take spans (address space only) until one reaches fresh ground.
	 */
	for (tries = 0, slot = 0; !slot && tries < PT_RACE_TRIES; tries++) {
		spans[tries] = vm = get_vm_area(PT_RACE_SPAN, VM_MAP);
		if (!vm)
			break;
		slot = fresh_pmd_slot(vm);
	}
	for (i = 0; i + 1 < tries; i++)
		free_vm_area(spans[i]);		/* all but the one with the slot */
	if (!slot) {
		if (tries)
			free_vm_area(spans[tries - 1]);
		kunit_skip(test, "no 2 MiB without a page table in %lu MiB of vmalloc space",
			   (PT_RACE_SPAN >> 20) * PT_RACE_TRIES);
	}
	for (i = 0; i < PT_RACE_THREADS; i++) {
		memset(&r[i], 0, sizeof(r[i]));
		r[i].addr = slot + (2 * i + 1) * PAGE_SIZE;
		r[i].page = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, r[i].page);
		memset(page_address(r[i].page), 0xa0 + i, PAGE_SIZE);
		r[i].task = kthread_create(pt_race_fn, &r[i], "ptrace/%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(r[i].task));
	}

	hold_all_memory(held);
	for (i = 0; i < PT_RACE_THREADS; i++)
		wake_up_process(r[i].task);
	/* the allocator retries for over a second: release well before */
	deadline = jiffies + HZ / 2;
	while (!racers_parked(r, PT_RACE_THREADS) && time_before(jiffies, deadline))
		yield();
	for (i = 0; i < PT_RACE_THREADS; i++)
		*slept += !READ_ONCE(r[i].done);
	held_free_all(held);

	for (i = 0; i < PT_RACE_THREADS; i++) {
		const u8 *p = (const u8 *)r[i].addr;

		KUNIT_EXPECT_EQ(test, kthread_join_timeout(r[i].task, 60 * HZ, NULL), 0);
		KUNIT_EXPECT_EQ(test, r[i].ret, 0);
		if (r[i].ret == 0 && vmalloc_to_page(p) == r[i].page &&
		    p[0] == 0xa0 + i && p[PAGE_SIZE - 1] == 0xa0 + i)
			continue;
		lost++;
	}
	free_vm_area(vm);
	for (i = 0; i < PT_RACE_THREADS; i++)
		__free_page(r[i].page);
	return lost;
}

static int pt_churn_fn(void *data)
{
	struct pt_racer *r = data;
	unsigned long n, k;

	for (n = 0; n < PT_CHURN_OPS; n++) {
		unsigned long pages = 1 + next_random(&r->rng) % 3;
		u64 *p = vmalloc(pages * PAGE_SIZE);
		u64 tag = r->rng;

		if (!p) {
			r->bad++;
			continue;
		}
		for (k = 0; k < pages * PAGE_SIZE / sizeof(u64); k++)
			p[k] = tag + k;
		for (k = 0; k < pages; k++)
			if (!vmalloc_to_page((char *)p + k * PAGE_SIZE))
				r->bad++;
		for (k = 0; k < pages * PAGE_SIZE / sizeof(u64); k++)
			if (READ_ONCE(p[k]) != tag + k) {
				r->bad++;
				break;
			}
		vfree(p);
		r->ops++;
	}
	return 0;
}

/*
 * vmalloc areas that need new page tables, from several tasks at once.
 * First the race made certain (pt_race_round()); then PT_CHURN_THREADS
 * tasks vmalloc, fill, check (pattern and vmalloc_to_page()) and vfree
 * small areas, side by side in the same 2 MiB, while the timer preempts
 * them wherever they are.
 */
static void vmalloc_threads_share_fresh_page_tables(struct kunit *test)
{
	unsigned long reports = READ_ONCE(might_sleep_reports);
	struct kunit_usage before, after;
	unsigned int round, lost = 0, slept = 0, i;
	unsigned long ops = 0, bad = 0;
	struct pt_racer *r;
	u64 seq;

	r = kunit_kzalloc(test, sizeof(*r) * PT_RACE_THREADS, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	vfree(vmalloc(PAGE_SIZE));	/* warm the caches vmalloc takes from */
	seq = log_seq();
	kunit_usage_now(&before);

	for (round = 0; round < PT_RACE_ROUNDS; round++)
		lost += pt_race_round(test, r, &slept);
	kunit_info(test, "page-table race: %u rounds of %u tasks, %u slept between check and install, %u mappings lost",
		   PT_RACE_ROUNDS, PT_RACE_THREADS, slept, lost);
	KUNIT_EXPECT_GE(test, slept, 2U);	/* or the race was never on */
	KUNIT_EXPECT_EQ(test, lost, 0U);

	for (i = 0; i < PT_CHURN_THREADS; i++) {
		memset(&r[i], 0, sizeof(r[i]));
		r[i].rng = 0x9e3779b97f4a7c15ULL * (i + 1) ^ get_random_u64();
		r[i].task = kthread_run(pt_churn_fn, &r[i], "ptchurn/%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(r[i].task));
	}
	for (i = 0; i < PT_CHURN_THREADS; i++) {
		KUNIT_EXPECT_EQ(test, kthread_join_timeout(r[i].task, 60 * HZ, NULL), 0);
		ops += r[i].ops;
		bad += r[i].bad;
	}
	kunit_info(test, "vmalloc churn: %lu areas by %u tasks, %lu wrong", ops,
		   PT_CHURN_THREADS, bad);
	KUNIT_EXPECT_EQ(test, ops, (unsigned long)PT_CHURN_THREADS * PT_CHURN_OPS);
	KUNIT_EXPECT_EQ(test, bad, 0UL);

	kunit_usage_now(&after);
	KUNIT_EXPECT_EQ(test, after.vmalloc_areas, before.vmalloc_areas);
	expect_no_report(test, seq, reports);
}

/*
 * Many threads filling new slabs of one cache while the timer preempts
 * them, and allocates from the same cache in softirq context on every
 * tick.  The slab slow path turns interrupts back on to get a new slab
 * from the page allocator; whoever runs meanwhile may install an active
 * slab of its own, so __slab_alloc() must look again before it installs
 * the new one (mm/slub.c, Locking).  Without that re-check the other
 * slab was dropped: its free objects leaked (the cache cannot be
 * destroyed clean), and a later free of one of its objects moved a
 * slab that was on no list.  The cache has no debug flags even under
 * slab_debug= (a debug cache has no active slab, so no race), and
 * 512-byte objects, 8 to a slab, so that a thread's every eighth
 * allocation needs a new slab.
 */
#define NEWSLAB_THREADS		6
#define NEWSLAB_HOLD		64	/* objects a thread holds at once: 8 slabs */
#define NEWSLAB_TIMER_HOLD	16	/* per timer callback */
#define NEWSLAB_ROUNDS		1500	/* per thread */
#define NEWSLAB_SIZE		512

struct newslab_worker {
	struct kmem_cache *cache;
	void *held[NEWSLAB_HOLD];
	u64 pattern;
	unsigned long rounds, allocs, failures, corrupt, deadline;
	struct task_struct *task;
};

struct newslab_timer {
	struct timer_list timer;
	struct newslab_worker w;
	bool stop;
	unsigned long callbacks;
};

/* Allocate @nr objects, fill them, then check and free them all. */
static void newslab_round(struct newslab_worker *w, unsigned int nr, gfp_t gfp)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		w->held[i] = kmem_cache_alloc(w->cache, gfp);
		if (!w->held[i]) {
			w->failures++;
			continue;
		}
		w->allocs++;
		fill(w->held[i], NEWSLAB_SIZE, w->pattern ^ (unsigned long)w->held[i]);
	}
	for (i = 0; i < nr; i++) {
		if (!w->held[i])
			continue;
		if (!verify(w->held[i], NEWSLAB_SIZE,
			    w->pattern ^ (unsigned long)w->held[i]) && !w->corrupt++)
			pr_err("stress: new-slab object %px corrupted\n", w->held[i]);
		kmem_cache_free(w->cache, w->held[i]);
		w->held[i] = NULL;
	}
	w->pattern = next_random(&w->pattern);
	w->rounds++;
}

static int newslab_thread_fn(void *data)
{
	struct newslab_worker *w = data;

	while (w->rounds < NEWSLAB_ROUNDS && time_before(jiffies, w->deadline))
		newslab_round(w, NEWSLAB_HOLD, GFP_KERNEL);
	return 0;
}

static void newslab_timer_fn(struct timer_list *t)
{
	struct newslab_timer *nt = from_timer(nt, t, timer);

	if (READ_ONCE(nt->stop))
		return;
	newslab_round(&nt->w, NEWSLAB_TIMER_HOLD, GFP_ATOMIC);
	nt->callbacks++;
	mod_timer(&nt->timer, jiffies + 1);
}

static void threads_and_timer_share_new_slabs(struct kunit *test)
{
	unsigned long allocs = 0, failures = 0, corrupt = 0, start, restarts;
	slab_flags_t saved = slab_debug_flags;
	struct newslab_worker *workers;
	struct newslab_timer *nt;
	struct kmem_cache *s;
	unsigned int i;
	u64 seq = log_seq();

	workers = kunit_kzalloc(test, sizeof(*workers) * NEWSLAB_THREADS, GFP_KERNEL);
	nt = kunit_kzalloc(test, sizeof(*nt), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, workers);
	KUNIT_ASSERT_NOT_NULL(test, nt);
	slab_debug_flags = 0;
	s = kmem_cache_create("stress_newslab", NEWSLAB_SIZE, 0, 0, NULL);
	slab_debug_flags = saved;
	KUNIT_ASSERT_NOT_NULL(test, s);

	start = jiffies;
	restarts = nr_region_restarts;
	for (i = 0; i < NEWSLAB_THREADS; i++) {
		struct newslab_worker *w = &workers[i];

		w->cache = s;
		w->pattern = 0x9e3779b97f4a7c15ULL * (i + 1) ^ get_random_u64();
		w->deadline = start + STRESS_TIME_LIMIT;
		w->task = kthread_create(newslab_thread_fn, w, "newslab/%u", i);
		if (IS_ERR(w->task)) {
			KUNIT_FAIL(test, "no thread %u", i);
			w->task = NULL;
		}
	}
	nt->w.cache = s;
	nt->w.pattern = 0x2545f4914f6cdd1dULL ^ get_random_u64();
	timer_setup(&nt->timer, newslab_timer_fn, 0);
	mod_timer(&nt->timer, jiffies + 1);
	for (i = 0; i < NEWSLAB_THREADS; i++)
		if (workers[i].task)
			wake_up_process(workers[i].task);
	for (i = 0; i < NEWSLAB_THREADS; i++)
		if (workers[i].task)
			KUNIT_EXPECT_EQ(test, kthread_join_timeout(workers[i].task,
					STRESS_TIME_LIMIT + 5 * HZ, NULL), 0);
	WRITE_ONCE(nt->stop, true);
	del_timer_sync(&nt->timer);

	for (i = 0; i <= NEWSLAB_THREADS; i++) {
		struct newslab_worker *w = i < NEWSLAB_THREADS ? &workers[i] : &nt->w;

		allocs += w->allocs;
		failures += w->failures;
		corrupt += w->corrupt;
	}
	/* restarts: interrupts that came inside a sheaf operation (<asm/restart.h>) */
	kunit_info(test, "stress: %lu allocations of new-slab objects in %u ms (timer %lu in %lu callbacks); failed %lu; corrupted %lu; sheaf operations restarted %lu",
		   allocs, jiffies_to_msecs(jiffies - start), nt->w.allocs,
		   nt->callbacks, failures, corrupt, nr_region_restarts - restarts);
	KUNIT_EXPECT_EQ(test, corrupt, 0UL);
	KUNIT_EXPECT_EQ(test, failures, 0UL);
	KUNIT_EXPECT_GT(test, nt->callbacks, 0UL);
	/* every object back: the cache is destroyed without a report */
	kmem_cache_destroy(s);
	KUNIT_EXPECT_EQ(test, log_search(seq, "BUG"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "WARNING"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "Objects remaining"), 0ULL);
}

static void stress_exit(struct kunit *test)
{
	fault_attr_clear(&failslab);
	fault_attr_clear(&fail_page_alloc);
}

static int stress_suite_init(struct kunit_suite *suite)
{
	stress_cache = kmem_cache_create("stress_cache", STRESS_CACHE_SIZE, 0, 0, NULL);
	return stress_cache ? 0 : -ENOMEM;
}

static void stress_suite_exit(struct kunit_suite *suite)
{
	kmem_cache_destroy(stress_cache);
	stress_cache = NULL;
}

static struct kunit_case stress_cases[] = {
	KUNIT_CASE(threads_and_timer_million_ops),
	KUNIT_CASE(threads_and_timer_with_injected_failures),
	KUNIT_CASE(vmalloc_threads_share_fresh_page_tables),
	KUNIT_CASE(threads_and_timer_share_new_slabs),
	{}
};

static struct kunit_suite stress_suite = {
	.name = "stress",
	.suite_init = stress_suite_init,
	.suite_exit = stress_suite_exit,
	.exit = stress_exit,
	.test_cases = stress_cases,
};
kunit_test_suite(stress_suite);
