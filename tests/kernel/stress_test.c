// SPDX-License-Identifier: GPL-2.0
/*
 * A stress test of the three allocators together (mm/slub.c,
 * mm/page_alloc.c, mm/vmalloc.c), from several contexts at once.
 *
 * STRESS_THREADS kernel threads and a timer callback (softirq context,
 * every tick, interrupting the threads wherever they are) each keep a
 * table of slots.  One operation picks a random slot: an empty slot gets
 * an allocation (kmalloc of a random size, kmem_cache_alloc, alloc_pages
 * of order 0-2, or, in the threads only, vmalloc), which is then filled
 * with a pattern that depends on the slot and the moment; a full slot
 * has its pattern verified, then is freed.  The threads use GFP_KERNEL,
 * the timer GFP_ATOMIC.  At the end every slot is freed, and the test
 * checks: no pattern was ever wrong (no corruption), no report was
 * printed (no "BUG", no "WARNING", no might_sleep report), and every
 * page, slab object and vmalloc area is back.
 *
 * The first case does at least STRESS_OPS operations (one allocation or
 * one free each); the second does fewer with failslab and
 * fail_page_alloc failing 2% of the allocations, and checks that every
 * failure was an injected one and was survived.  Both print their
 * figures (docs/contexts.md quotes them).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <kernel/kunit_leaks.h>
#include <kernel/log.h>

#define STRESS_THREADS		4
#define STRESS_SLOTS		64	/* per thread, and for the timer */
#define STRESS_OPS		1000000UL	/* the first case's total, at least */
#define STRESS_INJECT_OPS	200000UL
#define STRESS_INJECT_PERCENT	2
#define STRESS_TIMER_OPS	32	/* per timer callback */
#define STRESS_TIME_LIMIT	(30 * HZ)	/* a safety net, not the plan */
#define STRESS_CACHE_SIZE	200

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
	struct task_struct *task;
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

static int stress_thread_fn(void *data)
{
	struct stress_worker *w = data;

	while (w->ops < w->quota && time_before(jiffies, w->deadline))
		stress_step(w);
	stress_free_all(w);
	return 0;
}

struct stress_timer {
	struct timer_list timer;
	struct stress_worker w;
	bool stop;
	unsigned long callbacks;
};

static void stress_timer_fn(struct timer_list *t)
{
	struct stress_timer *st = from_timer(st, t, timer);
	unsigned int i;

	if (READ_ONCE(st->stop))
		return;
	for (i = 0; i < STRESS_TIMER_OPS; i++)
		stress_step(&st->w);
	st->callbacks++;
	mod_timer(&st->timer, jiffies + 1);
}

struct stress_result {
	unsigned long ops, failures, corrupt, thread_ops, timer_ops, callbacks;
	unsigned long allocs[NR_KINDS];
	unsigned long injected;		/* failures injected, both attributes */
	unsigned long ms;
	struct kunit_usage before, after;	/* pages, objects, areas in use */
};

/*
 * Run the threads (each doing @total_ops / STRESS_THREADS operations) and
 * the timer until the threads are done, failing @inject_percent of the
 * allocations; free everything; add up.
 */
static void stress_run(struct kunit *test, unsigned long total_ops,
		       unsigned long inject_percent, struct stress_result *res)
{
	gfp_t extra_gfp = inject_percent ? __GFP_NOWARN : 0;
	struct stress_worker *workers;
	struct stress_timer *st;
	unsigned long start;
	unsigned int i, k;

	workers = kunit_kzalloc(test, sizeof(*workers) * STRESS_THREADS, GFP_KERNEL);
	st = kunit_kzalloc(test, sizeof(*st), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, workers);
	KUNIT_ASSERT_NOT_NULL(test, st);
	memset(res, 0, sizeof(*res));
	kunit_usage_now(&res->before);

	start = jiffies;
	for (i = 0; i < STRESS_THREADS; i++) {
		struct stress_worker *w = &workers[i];

		w->rng = 0x9e3779b97f4a7c15ULL * (i + 1) ^ get_random_u64();
		w->gfp = GFP_KERNEL | extra_gfp;
		w->may_vmalloc = true;
		w->quota = total_ops / STRESS_THREADS;
		w->deadline = start + STRESS_TIME_LIMIT;
		/* created stopped: every thread starts once all exist */
		w->task = kthread_create(stress_thread_fn, w, "stress/%u", i);
		if (IS_ERR(w->task)) {
			/* the threads made so far end at once, unstarted */
			while (i--) {
				workers[i].quota = 0;
				wake_up_process(workers[i].task);
				kthread_join_timeout(workers[i].task, 5 * HZ, NULL);
			}
		}
		KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(w->task), "kthread_create: error %ld",
				       PTR_ERR(w->task));
	}
	st->w.rng = 0x2545f4914f6cdd1dULL ^ get_random_u64();
	st->w.gfp = GFP_ATOMIC | extra_gfp;
	timer_setup(&st->timer, stress_timer_fn, 0);
	if (inject_percent) {
		/* now that the threads exist: their stacks are not to fail */
		fault_attr_set(&failslab, 1, inject_percent, 0, -1);
		fault_attr_set(&fail_page_alloc, 1, inject_percent, 0, -1);
	}
	mod_timer(&st->timer, jiffies + 1);
	for (i = 0; i < STRESS_THREADS; i++)
		wake_up_process(workers[i].task);

	for (i = 0; i < STRESS_THREADS; i++)
		KUNIT_EXPECT_EQ(test, kthread_join_timeout(workers[i].task,
							   STRESS_TIME_LIMIT + 5 * HZ, NULL), 0);
	WRITE_ONCE(st->stop, true);
	del_timer_sync(&st->timer);
	if (inject_percent) {
		fault_attr_clear(&failslab);
		fault_attr_clear(&fail_page_alloc);
		res->injected = failslab.injected + fail_page_alloc.injected;
	}
	stress_free_all(&st->w);
	res->ms = jiffies_to_msecs(jiffies - start);
	kunit_usage_now(&res->after);

	for (i = 0; i <= STRESS_THREADS; i++) {
		struct stress_worker *w = i < STRESS_THREADS ? &workers[i] : &st->w;

		res->ops += w->ops;
		res->failures += w->failures;
		res->corrupt += w->corrupt;
		for (k = 0; k < NR_KINDS; k++)
			res->allocs[k] += w->allocs[k];
		if (i < STRESS_THREADS)
			res->thread_ops += w->ops;
	}
	res->timer_ops = st->w.ops;
	res->callbacks = st->callbacks;
	kunit_info(test, "stress: %lu operations in %lu ms (%lu/s): %u threads %lu, timer %lu in %lu callbacks",
		   res->ops, res->ms, res->ops * 1000 / max(res->ms, 1UL), STRESS_THREADS,
		   res->thread_ops, res->timer_ops, res->callbacks);
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
	stress_run(test, STRESS_OPS, 0, res);

	KUNIT_EXPECT_GE(test, res->ops, STRESS_OPS);
	KUNIT_EXPECT_EQ(test, res->corrupt, 0UL);
	KUNIT_EXPECT_EQ(test, res->failures, 0UL);
	KUNIT_EXPECT_GT(test, res->timer_ops, 0UL);
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
