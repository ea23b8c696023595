// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the allocation rules: which allocator calls may be made in
 * which context, and what GFP_KERNEL's "may sleep" really means
 * (mm/page_alloc.c, mm/slub.c, mm/vmalloc.c, mm/util.c,
 * kernel/sched/core.c).  docs/contexts.md is the students' version.
 *
 * Part 1, GFP_KERNEL really sleeps.  A thread takes every free frame of
 * ZONE_DMA (a small zone, so this is quick at any memory size), a second
 * thread asks kmalloc() for 16 KiB of it with GFP_KERNEL | GFP_DMA.  That
 * is larger than the biggest kmalloc cache, so it goes to the page
 * allocator, which finds the zone at its min watermark, reclaims, and
 * puts the thread to sleep (TASK_UNINTERRUPTIBLE, page_alloc_sleeps
 * grows).  Meanwhile a timer callback, which may not sleep, allocates
 * with GFP_ATOMIC (served from the reserve below min) and GFP_NOWAIT
 * (fails: no reserve for it).  When the first thread frees its frames,
 * the sleeper wakes up with its memory.  __GFP_NORETRY gives up without
 * sleeping, plain GFP_KERNEL after MAX_RECLAIM_RETRIES sleeps,
 * __GFP_NOFAIL never.
 *
 * Part 2, the matrix.  Each operation is run in each context and the
 * test checks two things: was "BUG: sleeping function called from
 * invalid context" printed, and did the operation succeed.  The
 * expectations are the table matrix_expected[][] below; each context
 * prints its observed row in the format of docs/contexts.md.
 *
 * The report is rate limited: one per call site (file:line) per second
 * (kernel/sched/core.c).  So the cells of one context are run in an
 * order where each report comes from a site not yet used in that
 * context (see run_order[]), the cells that expect no report run first,
 * and a context starts only once a second has passed since the previous
 * one used the sites.  The first cases (part 1) take more than that
 * second, so the wait costs only about one second per atomic context.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <kernel/log.h>
#include <kernel/page_alloc.h>

#define SLEEP_REPORT	"BUG: sleeping function called from invalid context at "
#define SCHED_REPORT	"BUG: scheduling while atomic"

/* mm/page_alloc.c's retry policy, as the tests observe it */
#define RECLAIM_RETRIES		16
#define RECLAIM_WAIT		(HZ / 10)

/* ---- part 1: GFP_KERNEL sleeps until memory is freed -------------------- */

#define WAITER_SIZE	(16 * 1024)	/* > 8 KiB: straight to the page allocator */

/* The frames of ZONE_DMA that one thread holds, chained through their first word. */
struct dma_hog {
	void *head;
	unsigned long nr;
};

static void unhog_dma_zone(struct dma_hog *hog)
{
	while (hog->head) {
		void **frame = hog->head;

		hog->head = *frame;
		free_page((unsigned long)frame);
	}
	hog->nr = 0;
}

static void unhog_action(void *hog)
{
	unhog_dma_zone(hog);
}

/*
 * Take frames from ZONE_DMA until the zone is down to its min watermark.
 * __GFP_NORETRY: the last, failing, call reclaims once but does not sleep.
 * The frames go back when the case ends, however it ends; the case gives
 * them back earlier with kunit_release_action(test, unhog_action, hog).
 * Below 16 MiB of RAM ZONE_DMA is all of memory: whatever the case needs
 * besides (threads, their stacks) it must have taken before.
 */
static struct dma_hog *hog_dma_zone(struct kunit *test)
{
	struct dma_hog *hog = kunit_kzalloc(test, sizeof(*hog), GFP_KERNEL);
	struct page *page;

	KUNIT_ASSERT_NOT_NULL(test, hog);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, unhog_action, hog), 0);
	while ((page = alloc_page(GFP_KERNEL | GFP_DMA | __GFP_NORETRY | __GFP_NOWARN))) {
		void **frame = page_address(page);

		*frame = hog->head;
		hog->head = frame;
		hog->nr++;
	}
	return hog;
}

/* A thread that asks for memory and reports what it got, and when. */
struct gfp_waiter {
	struct kunit *test;
	gfp_t gfp;
	void *result;
	unsigned long done_at;		/* jiffies */
	bool done;
	struct completion completion;
	struct task_struct *task;
};

static int gfp_waiter_fn(void *data)
{
	struct gfp_waiter *w = data;

	w->result = kmalloc(WAITER_SIZE, w->gfp);
	w->done_at = jiffies;
	WRITE_ONCE(w->done, true);
	complete(&w->completion);
	return 0;
}

/*
 * Wake the waiter if it never was, wait for it to end, free what it got.
 * Run when the case ends (the memory it waits for is back by then) or
 * earlier by join_waiter().
 */
static void waiter_action(void *data)
{
	struct gfp_waiter *w = data;

	wake_up_process(w->task);
	KUNIT_EXPECT_EQ_MSG(w->test, kthread_join_timeout(w->task, 5 * HZ, NULL), 0,
			    "the waiting thread did not end");
	kfree(w->result);
}

/*
 * Make the waiting thread, not started yet: its stack must be taken
 * before the zone is emptied (at 16 MiB ZONE_DMA is all of memory).
 * start_waiter() lets it run.
 */
static void create_waiter(struct kunit *test, struct gfp_waiter *w, gfp_t gfp,
			  const char *name)
{
	w->test = test;
	w->gfp = gfp;
	w->result = NULL;
	w->done = false;
	init_completion(&w->completion);
	w->task = kthread_create(gfp_waiter_fn, w, "%s", name);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(w->task), "kthread_create: error %ld",
			       PTR_ERR(w->task));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, waiter_action, w), 0);
}

static void start_waiter(struct gfp_waiter *w)
{
	wake_up_process(w->task);
}

static void join_waiter(struct kunit *test, struct gfp_waiter *w)
{
	kunit_release_action(test, waiter_action, w);
}

/*
 * Wait until @w is asleep in the page allocator: page_alloc_sleeps has
 * moved past @sleeps and its state is TASK_UNINTERRUPTIBLE.  Polled with
 * yield(), so that a waiter just woken (every free and every drain of
 * the per-CPU lists wakes the page allocator's wait queue) gets to run
 * and go back to sleep before we look.
 * Return: whether that was seen within a second.
 */
static bool waiter_seen_asleep(struct gfp_waiter *w, unsigned long sleeps)
{
	unsigned long deadline = jiffies + HZ;

	while (time_before(jiffies, deadline) && !READ_ONCE(w->done)) {
		if (READ_ONCE(page_alloc_sleeps) > sleeps &&
		    READ_ONCE(w->task->__state) == TASK_UNINTERRUPTIBLE)
			return true;
		yield();
	}
	return false;
}

/* The timer callback's allocations while the zone is short. */
struct pressure_timer {
	struct timer_list timer;
	bool stop;
	unsigned int atomic_ok, atomic_failed, atomic_below_min;
	unsigned int nowait_ok, nowait_failed;
};

static void pressure_timer_fn(struct timer_list *t)
{
	struct pressure_timer *pt = from_timer(pt, t, timer);
	struct zone *dma = &zones[ZONE_DMA];
	bool below_min = dma->free_pages <= min_wmark_pages(dma);
	struct page *page;

	if (READ_ONCE(pt->stop))
		return;		/* and is not re-armed: del_timer_sync() wins */
	page = alloc_page(GFP_ATOMIC | GFP_DMA | __GFP_NOWARN);
	if (page) {
		pt->atomic_ok++;
		pt->atomic_below_min += below_min;
		__free_page(page);
	} else {
		pt->atomic_failed++;
	}
	page = alloc_page(GFP_NOWAIT | GFP_DMA | __GFP_NOWARN);
	if (page) {
		pt->nowait_ok++;
		__free_page(page);
	} else {
		pt->nowait_failed++;
	}
	mod_timer(&pt->timer, jiffies + 1);
}

static void stop_pressure_timer(void *data)
{
	struct pressure_timer *pt = data;

	WRITE_ONCE(pt->stop, true);
	del_timer_sync(&pt->timer);
}

/*
 * The scenario: one thread holds nearly all memory, a second
 * blocks in kmalloc(GFP_KERNEL), the first frees and the second wakes
 * with its memory, while a timer callback's GFP_ATOMIC allocations keep
 * succeeding from the reserves and GFP_NOWAIT ones fail.
 */
static void gfp_kernel_sleeps_until_memory_is_freed(struct kunit *test)
{
	struct zone *dma = &zones[ZONE_DMA];
	struct pressure_timer *pt;
	struct gfp_waiter *w;
	struct dma_hog *hog;
	unsigned long sleeps, freed_at;
	u64 seq = log_seq();

	if (!dma->managed_pages)
		kunit_skip(test, "no ZONE_DMA");
	pt = kunit_kzalloc(test, sizeof(*pt), GFP_KERNEL);
	w = kunit_kzalloc(test, sizeof(*w), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pt);
	KUNIT_ASSERT_NOT_NULL(test, w);
	create_waiter(test, w, GFP_KERNEL | GFP_DMA, "gfp_waiter");

	hog = hog_dma_zone(test);
	kunit_info(test, "holder took %lu of %lu ZONE_DMA frames; free %lu, min watermark %lu",
		   hog->nr, dma->managed_pages, dma->free_pages, min_wmark_pages(dma));
	KUNIT_EXPECT_LE(test, dma->free_pages, min_wmark_pages(dma));

	timer_setup(&pt->timer, pressure_timer_fn, 0);
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, stop_pressure_timer, pt), 0);
	mod_timer(&pt->timer, jiffies + 1);

	sleeps = READ_ONCE(page_alloc_sleeps);
	start_waiter(w);
	KUNIT_EXPECT_TRUE_MSG(test, waiter_seen_asleep(w, sleeps),
			      "the GFP_KERNEL allocation did not go to sleep");
	/* let it sleep, wake, retry and sleep again */
	while (READ_ONCE(page_alloc_sleeps) < sleeps + 3 && !READ_ONCE(w->done))
		msleep(1);
	KUNIT_EXPECT_FALSE_MSG(test, READ_ONCE(w->done),
			       "kmalloc(GFP_KERNEL) returned while the zone was still empty");

	kunit_release_action(test, stop_pressure_timer, pt);

	freed_at = jiffies;
	kunit_release_action(test, unhog_action, hog);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&w->completion, 2 * HZ), 0UL);
	KUNIT_EXPECT_NOT_NULL(test, w->result);
	if (w->result)
		KUNIT_EXPECT_LT(test, page_to_pfn(virt_to_page(w->result)),
				(unsigned long)(SZ_16M >> PAGE_SHIFT));
	kunit_info(test, "waiter slept %lu times, woke with its memory %lu jiffies after the free",
		   READ_ONCE(page_alloc_sleeps) - sleeps, w->done_at - freed_at);
	/* at the latest when its current sleep of RECLAIM_WAIT ends */
	KUNIT_EXPECT_LE(test, w->done_at - freed_at, (unsigned long)RECLAIM_WAIT + 2);
	kunit_info(test, "timer: GFP_ATOMIC %u ok (%u below min) %u failed; GFP_NOWAIT %u ok %u failed",
		   pt->atomic_ok, pt->atomic_below_min, pt->atomic_failed,
		   pt->nowait_ok, pt->nowait_failed);
	KUNIT_EXPECT_GT(test, pt->atomic_ok, 0U);
	KUNIT_EXPECT_GT(test, pt->atomic_below_min, 0U);
	KUNIT_EXPECT_EQ(test, pt->atomic_failed, 0U);
	KUNIT_EXPECT_GT(test, pt->nowait_failed, 0U);
	KUNIT_EXPECT_EQ(test, pt->nowait_ok, 0U);
	/* nothing here was a bug: no report, no failure message */
	KUNIT_EXPECT_EQ(test, log_search(seq, "BUG"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "page allocation failure"), 0ULL);
	join_waiter(test, w);
}

/* __GFP_NORETRY: reclaim once, then fail without sleeping. */
static void gfp_noretry_fails_without_sleeping(struct kunit *test)
{
	struct dma_hog *hog;
	unsigned long sleeps, start;
	void *p;

	if (!zones[ZONE_DMA].managed_pages)
		kunit_skip(test, "no ZONE_DMA");
	hog = hog_dma_zone(test);
	sleeps = READ_ONCE(page_alloc_sleeps);
	start = jiffies;
	p = kmalloc(WAITER_SIZE, GFP_KERNEL | GFP_DMA | __GFP_NORETRY | __GFP_NOWARN);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, READ_ONCE(page_alloc_sleeps), sleeps);
	KUNIT_EXPECT_LT(test, jiffies - start, (unsigned long)RECLAIM_WAIT);
	kfree(p);
	kunit_release_action(test, unhog_action, hog);
}

/*
 * Plain GFP_KERNEL gives up after RECLAIM_RETRIES sleeps of RECLAIM_WAIT;
 * __GFP_NOFAIL, started beside it, is still waiting then, and gets its
 * memory once the holder frees.
 */
static void gfp_nofail_keeps_waiting(struct kunit *test)
{
	struct gfp_waiter *plain, *nofail;
	struct dma_hog *hog;
	unsigned long sleeps, start;

	if (!zones[ZONE_DMA].managed_pages)
		kunit_skip(test, "no ZONE_DMA");
	plain = kunit_kzalloc(test, sizeof(*plain), GFP_KERNEL);
	nofail = kunit_kzalloc(test, sizeof(*nofail), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, plain);
	KUNIT_ASSERT_NOT_NULL(test, nofail);
	create_waiter(test, plain, GFP_KERNEL | GFP_DMA | __GFP_NOWARN, "gfp_plain");
	create_waiter(test, nofail, GFP_KERNEL | GFP_DMA | __GFP_NOFAIL, "gfp_nofail");

	hog = hog_dma_zone(test);
	sleeps = READ_ONCE(page_alloc_sleeps);
	start = jiffies;
	start_waiter(plain);
	start_waiter(nofail);

	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&plain->completion,
							  3 * RECLAIM_RETRIES * RECLAIM_WAIT), 0UL);
	KUNIT_EXPECT_NULL(test, plain->result);
	KUNIT_EXPECT_GE(test, plain->done_at - start,
			(unsigned long)(RECLAIM_RETRIES * RECLAIM_WAIT));
	kunit_info(test, "plain GFP_KERNEL gave up after %lu jiffies", plain->done_at - start);

	/* the __GFP_NOFAIL one has slept as often and is asleep still */
	KUNIT_EXPECT_TRUE(test, waiter_seen_asleep(nofail, sleeps + 2 * RECLAIM_RETRIES));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(nofail->done));

	kunit_release_action(test, unhog_action, hog);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&nofail->completion, 2 * HZ), 0UL);
	KUNIT_EXPECT_NOT_NULL(test, nofail->result);
	kunit_info(test, "__GFP_NOFAIL got its memory after %lu jiffies",
		   nofail->done_at - start);
	join_waiter(test, plain);
	join_waiter(test, nofail);
}

/* ---- part 2: the matrix ------------------------------------------------- */

enum gfp_ctx {
	CTX_THREAD,
	CTX_SPINLOCK,
	CTX_IRQS_OFF,
	CTX_BH_OFF,
	CTX_TIMER,
	CTX_TASKLET,
	CTX_HARDIRQ,
	CTX_WORKQUEUE,
	NR_CTX
};

enum gfp_op {
	OP_KMALLOC_KERNEL,
	OP_KMALLOC_ATOMIC,
	OP_KMALLOC_NOWAIT,
	OP_VMALLOC,
	OP_KVMALLOC_KERNEL,
	OP_KVMALLOC_ATOMIC,
	OP_MUTEX_LOCK,
	OP_MSLEEP,
	NR_OPS
};

#define KMALLOC_SIZE	64
#define VMALLOC_SIZE	(4 * PAGE_SIZE)
#define KVMALLOC_SIZE	(16 * 1024)	/* > PAGE_SIZE: kvmalloc's interesting case */

static const char *const ctx_names[NR_CTX] = {
	[CTX_THREAD]	= "thread",
	[CTX_SPINLOCK]	= "spin_lock held",
	[CTX_IRQS_OFF]	= "local_irq_disable",
	[CTX_BH_OFF]	= "local_bh_disable",
	[CTX_TIMER]	= "timer callback",
	[CTX_TASKLET]	= "tasklet",
	[CTX_HARDIRQ]	= "hard IRQ (irq_work)",
	[CTX_WORKQUEUE]	= "workqueue item",
};

static const struct {
	const char *name;
	const char *site;	/* where its report, if any, comes from */
} ops[NR_OPS] = {
	[OP_KMALLOC_KERNEL]	= { "kmalloc(64, GFP_KERNEL)",	"mm/slub.c:" },
	[OP_KMALLOC_ATOMIC]	= { "kmalloc(64, GFP_ATOMIC)",	NULL },
	[OP_KMALLOC_NOWAIT]	= { "kmalloc(64, GFP_NOWAIT)",	NULL },
	[OP_VMALLOC]		= { "vmalloc(16K)",		"mm/vmalloc.c:" },
	[OP_KVMALLOC_KERNEL]	= { "kvmalloc(16K, GFP_KERNEL)", "mm/page_alloc.c:" },
	[OP_KVMALLOC_ATOMIC]	= { "kvmalloc(16K, GFP_ATOMIC)", NULL },
	[OP_MUTEX_LOCK]		= { "mutex_lock",		"kernel/locking/mutex.c:" },
	[OP_MSLEEP]		= { "msleep(1)",		"kernel/time/timer.c:" },
};

/* What a cell does: "report + succeeds", "no report, succeeds" ... */
struct cell {
	bool report;
	bool succeeds;
};

#define OK	{ .report = false, .succeeds = true }	/* allowed here */
#define BUG_OK	{ .report = true, .succeeds = true }	/* a bug, reported; works this time */
#define NO_SLEEP_ROW { BUG_OK, OK, OK, BUG_OK, BUG_OK, OK, BUG_OK, BUG_OK }

/*
 * The rules, as a table.  Process context (a thread, a workqueue item)
 * may do everything.  Atomic context (a spin lock held, interrupts or
 * bottom halves off, a timer callback or tasklet (softirq), a hard
 * interrupt) may not sleep: GFP_KERNEL, vmalloc, mutex_lock and msleep
 * are reported every time, whether or not they would have slept this
 * time; GFP_ATOMIC and GFP_NOWAIT are fine.  With memory plentiful every
 * call succeeds; part 1 shows what changes when it is short.
 */
static const struct cell matrix_expected[NR_CTX][NR_OPS] = {
	[CTX_THREAD]	= { OK, OK, OK, OK, OK, OK, OK, OK },
	[CTX_SPINLOCK]	= NO_SLEEP_ROW,
	[CTX_IRQS_OFF]	= NO_SLEEP_ROW,
	[CTX_BH_OFF]	= NO_SLEEP_ROW,
	[CTX_TIMER]	= NO_SLEEP_ROW,
	[CTX_TASKLET]	= NO_SLEEP_ROW,
	[CTX_HARDIRQ]	= NO_SLEEP_ROW,
	[CTX_WORKQUEUE]	= { OK, OK, OK, OK, OK, OK, OK, OK },
};

/*
 * The order the cells of one context run in.  First the cells that
 * should not report: nothing has used a report site yet, so a wrong
 * report would be seen.  Then one report per site: kvmalloc(16K) reports
 * in the page allocator (mm/page_alloc.c) before kmalloc's slab refill
 * could use that site; vmalloc comes last because it allocates its own
 * metadata and frames with GFP_KERNEL, which would report in mm/slub.c
 * and mm/page_alloc.c (those reports are rate limited by then).
 */
static const enum gfp_op run_order[NR_OPS] = {
	OP_KMALLOC_ATOMIC, OP_KMALLOC_NOWAIT, OP_KVMALLOC_ATOMIC,
	OP_KVMALLOC_KERNEL, OP_KMALLOC_KERNEL, OP_MUTEX_LOCK, OP_MSLEEP,
	OP_VMALLOC,
};

/* One context's run: what each operation returned and printed. */
struct matrix_run {
	enum gfp_ctx ctx;
	void *mem[NR_OPS];		/* freed by matrix_run_cleanup() */
	bool ok[NR_OPS];
	u64 seq[NR_OPS + 1];		/* log position before each op in run order, and after */
	int preempt_count;		/* in the context, as the ops saw it */
	bool irqs_disabled;
	bool started;			/* its timer/tasklet/... is set up */
	struct completion done;
	struct timer_list timer;
	struct tasklet_struct tasklet;
	struct irq_work irq_work;
	struct work_struct work;
};

static DEFINE_MUTEX(matrix_mutex);
static DEFINE_SPINLOCK(matrix_lock);

/* Stop what a run scheduled, or wait until it has finished running. */
static void matrix_run_stop(struct matrix_run *r)
{
	switch (r->ctx) {
	case CTX_TIMER:
		del_timer_sync(&r->timer);
		break;
	case CTX_TASKLET:
		tasklet_kill(&r->tasklet);
		break;
	case CTX_HARDIRQ:
		irq_work_sync(&r->irq_work);
		break;
	case CTX_WORKQUEUE:
		cancel_work_sync(&r->work);
		break;
	default:
		break;
	}
}

/*
 * Undo a context's run, however the case ends: stop what was scheduled
 * (a timer that never fired is deleted, a tasklet killed...), then free
 * what the operations got.
 */
static void matrix_run_cleanup(void *data)
{
	struct matrix_run *r = data;
	unsigned int op;

	if (r->started)
		matrix_run_stop(r);
	for (op = 0; op < NR_OPS; op++) {
		if (op == OP_VMALLOC)
			vfree(r->mem[op]);
		else if (op == OP_KVMALLOC_KERNEL || op == OP_KVMALLOC_ATOMIC)
			kvfree(r->mem[op]);
		else
			kfree(r->mem[op]);
		r->mem[op] = NULL;
	}
}

/* Run @op here, whatever context this is. */
static void run_op(struct matrix_run *r, enum gfp_op op)
{
	u64 start;

	switch (op) {
	case OP_KMALLOC_KERNEL:
		r->mem[op] = kmalloc(KMALLOC_SIZE, GFP_KERNEL);
		break;
	case OP_KMALLOC_ATOMIC:
		r->mem[op] = kmalloc(KMALLOC_SIZE, GFP_ATOMIC);
		break;
	case OP_KMALLOC_NOWAIT:
		r->mem[op] = kmalloc(KMALLOC_SIZE, GFP_NOWAIT);
		break;
	case OP_VMALLOC:
		r->mem[op] = vmalloc(VMALLOC_SIZE);
		break;
	case OP_KVMALLOC_KERNEL:
		r->mem[op] = kvmalloc(KVMALLOC_SIZE, GFP_KERNEL);
		break;
	case OP_KVMALLOC_ATOMIC:
		r->mem[op] = kvmalloc(KVMALLOC_SIZE, GFP_ATOMIC);
		break;
	case OP_MUTEX_LOCK:
		/* uncontended: taken at once, even where it is a bug */
		lockdep_set_novalidate_class(&matrix_mutex);	/* in every context */
		mutex_lock(&matrix_mutex);
		r->ok[op] = READ_ONCE(matrix_mutex.owner) == current;
		mutex_unlock(&matrix_mutex);
		return;
	case OP_MSLEEP:
		start = local_clock();
		msleep(1);
		r->ok[op] = local_clock() - start >= 1000000;	/* 1 ms */
		return;
	default:
		return;
	}
	r->ok[op] = r->mem[op] != NULL;
	if (r->mem[op])
		memset(r->mem[op], 0x5a, 1);	/* it is really there */
}

static void run_all_ops(struct matrix_run *r)
{
	unsigned int i;

	r->preempt_count = preempt_count();
	r->irqs_disabled = irqs_disabled();
	for (i = 0; i < NR_OPS; i++) {
		r->seq[i] = log_seq();
		run_op(r, run_order[i]);
	}
	r->seq[NR_OPS] = log_seq();
}

static void matrix_timer_fn(struct timer_list *t)
{
	struct matrix_run *r = from_timer(r, t, timer);

	run_all_ops(r);
	complete(&r->done);
}

static void matrix_tasklet_fn(struct tasklet_struct *t)
{
	struct matrix_run *r = from_tasklet(r, t, tasklet);

	run_all_ops(r);
	complete(&r->done);
}

static void matrix_irq_work_fn(struct irq_work *w)
{
	struct matrix_run *r = container_of(w, struct matrix_run, irq_work);

	run_all_ops(r);
	complete(&r->done);
}

static void matrix_work_fn(struct work_struct *w)
{
	struct matrix_run *r = container_of(w, struct matrix_run, work);

	run_all_ops(r);
	complete(&r->done);
}

/* Run every operation in @r->ctx; return when done. */
static void run_in_context(struct kunit *test, struct matrix_run *r)
{
	unsigned long flags;

	init_completion(&r->done);
	switch (r->ctx) {
	case CTX_THREAD:
		run_all_ops(r);
		return;
	case CTX_SPINLOCK:
		spin_lock(&matrix_lock);
		run_all_ops(r);
		spin_unlock(&matrix_lock);
		return;
	case CTX_IRQS_OFF:
		local_irq_save(flags);
		run_all_ops(r);
		local_irq_restore(flags);
		return;
	case CTX_BH_OFF:
		local_bh_disable();
		run_all_ops(r);
		local_bh_enable();
		return;
	case CTX_TIMER:
		timer_setup(&r->timer, matrix_timer_fn, 0);
		mod_timer(&r->timer, jiffies + 1);
		break;
	case CTX_TASKLET:
		tasklet_setup(&r->tasklet, matrix_tasklet_fn);
		tasklet_schedule(&r->tasklet);
		break;
	case CTX_HARDIRQ:
		init_irq_work(&r->irq_work, matrix_irq_work_fn);
		irq_work_queue(&r->irq_work);
		break;
	case CTX_WORKQUEUE:
		INIT_WORK(&r->work, matrix_work_fn);
		schedule_work(&r->work);
		break;
	default:
		KUNIT_FAIL(test, "unknown context %d", r->ctx);
		return;
	}
	r->started = true;	/* matrix_run_cleanup() stops it */
	KUNIT_ASSERT_NE_MSG(test, wait_for_completion_timeout(&r->done, 5 * HZ), 0UL,
			    "the %s never ran", ctx_names[r->ctx]);
	matrix_run_stop(r);
}

/* Did the text printed in [@from, @to) contain @needle? */
static bool logged_between(u64 from, u64 to, const char *needle)
{
	u64 end = log_search(from, needle);

	return end && end <= to;
}

static const char *cell_text(const struct cell *c)
{
	if (c->report)
		return c->succeeds ? "report + succeeds" : "report + fails";
	return c->succeeds ? "no report, succeeds" : "no report, fails";
}

/*
 * When every report site is usable again: a second after the last
 * context that printed reports.  Until then, a cell that should report
 * could be silenced by the rate limit.
 */
static unsigned long sites_fresh_at;

static int gfp_rules_suite_init(struct kunit_suite *suite)
{
	/* an earlier suite may have used the sites just now */
	sites_fresh_at = jiffies + HZ + 1;
	return 0;
}

/*
 * And leave them usable: a later suite that checks for one of these
 * reports (mutex_lock under a spin lock, say) would otherwise find it
 * silenced by ours.
 */
static void gfp_rules_suite_exit(struct kunit_suite *suite)
{
	while (time_before(jiffies, sites_fresh_at))
		msleep(10);
}

static void check_context(struct kunit *test, enum gfp_ctx ctx)
{
	struct cell seen[NR_OPS];
	struct matrix_run *r;
	char row[512];
	size_t len;
	bool atomic, reported = false;
	unsigned int i, op;

	r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->ctx = ctx;
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, matrix_run_cleanup, r), 0);

	while (time_before(jiffies, sites_fresh_at))
		msleep(10);
	run_in_context(test, r);

	atomic = r->preempt_count || r->irqs_disabled;
	kunit_info(test, "%s: preempt_count %#x, irqs_disabled %d", ctx_names[ctx],
		   r->preempt_count, r->irqs_disabled);
	KUNIT_EXPECT_EQ(test, atomic, ctx != CTX_THREAD && ctx != CTX_WORKQUEUE);

	len = scnprintf(row, sizeof(row), "| %s |", ctx_names[ctx]);
	for (i = 0; i < NR_OPS; i++) {
		enum gfp_op op = run_order[i];
		const struct cell *want = &matrix_expected[ctx][op];
		u64 from = r->seq[i], to = r->seq[i + 1];	/* the op's own text */

		seen[op].report = logged_between(from, to, SLEEP_REPORT);
		seen[op].succeeds = r->ok[op];
		reported |= seen[op].report;

		KUNIT_EXPECT_EQ_MSG(test, seen[op].report, want->report,
				    "%s in %s: report %s", ops[op].name, ctx_names[ctx],
				    want->report ? "expected" : "not expected");
		KUNIT_EXPECT_EQ_MSG(test, seen[op].succeeds, want->succeeds,
				    "%s in %s: should %s", ops[op].name, ctx_names[ctx],
				    want->succeeds ? "succeed" : "fail");
		if (want->report && ops[op].site) {
			char needle[96];

			scnprintf(needle, sizeof(needle), SLEEP_REPORT "%s", ops[op].site);
			KUNIT_EXPECT_TRUE_MSG(test, logged_between(from, to, needle),
					      "%s in %s: the report should name %s",
					      ops[op].name, ctx_names[ctx], ops[op].site);
		}
		/*
		 * msleep() where preempt_count() != 0: schedule() refuses too.
		 * With only interrupts off it does switch, and really sleeps.
		 */
		if (op == OP_MSLEEP)
			KUNIT_EXPECT_EQ_MSG(test, logged_between(from, to, SCHED_REPORT),
					    r->preempt_count != 0,
					    "msleep in %s: \"" SCHED_REPORT "\"", ctx_names[ctx]);
	}
	for (op = 0; op < NR_OPS; op++)
		len += scnprintf(row + len, sizeof(row) - len, " %s |", cell_text(&seen[op]));
	kunit_info(test, "matrix: %s", row);

	kunit_release_action(test, matrix_run_cleanup, r);
	if (reported)
		sites_fresh_at = jiffies + HZ + 1;
}

static void matrix_header(struct kunit *test)
{
	char row[512];
	size_t len = scnprintf(row, sizeof(row), "| context |");
	unsigned int op;

	for (op = 0; op < NR_OPS; op++)
		len += scnprintf(row + len, sizeof(row) - len, " %s |", ops[op].name);
	kunit_info(test, "matrix: %s", row);
}

static void matrix_thread(struct kunit *test)
{
	matrix_header(test);
	check_context(test, CTX_THREAD);
}

static void matrix_workqueue(struct kunit *test)
{
	check_context(test, CTX_WORKQUEUE);
}

static void matrix_spinlock(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: sleeping function called", "BUG: scheduling while atomic");
	check_context(test, CTX_SPINLOCK);
}

static void matrix_irqs_off(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: sleeping function called");
	check_context(test, CTX_IRQS_OFF);
}

static void matrix_bh_off(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: sleeping function called", "BUG: scheduling while atomic");
	check_context(test, CTX_BH_OFF);
}

static void matrix_timer(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: sleeping function called", "BUG: scheduling while atomic");
	check_context(test, CTX_TIMER);
}

static void matrix_tasklet(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: sleeping function called", "BUG: scheduling while atomic");
	check_context(test, CTX_TASKLET);
}

static void matrix_hardirq(struct kunit *test)
{
	kunit_expect_reports(test, "BUG: sleeping function called", "BUG: scheduling while atomic");
	check_context(test, CTX_HARDIRQ);
}

static struct kunit_case gfp_rules_cases[] = {
	KUNIT_CASE(gfp_kernel_sleeps_until_memory_is_freed),
	KUNIT_CASE(gfp_noretry_fails_without_sleeping),
	KUNIT_CASE(gfp_nofail_keeps_waiting),
	/* process context first: no report expected, no wait needed after */
	KUNIT_CASE(matrix_thread),
	KUNIT_CASE(matrix_workqueue),
	KUNIT_CASE(matrix_spinlock),
	KUNIT_CASE(matrix_irqs_off),
	KUNIT_CASE(matrix_bh_off),
	KUNIT_CASE(matrix_timer),
	KUNIT_CASE(matrix_tasklet),
	KUNIT_CASE(matrix_hardirq),
	{}
};

static struct kunit_suite gfp_rules_suite = {
	.name = "gfp_rules",
	.suite_init = gfp_rules_suite_init,
	.suite_exit = gfp_rules_suite_exit,
	.test_cases = gfp_rules_cases,
};
kunit_test_suite(gfp_rules_suite);
