// SPDX-License-Identifier: GPL-2.0
/*
 * Grading suite of the contexts lab (labs/contexts): the sleeping rule
 * (alloc_in_atomic() in <linux/gfp.h>, __might_sleep() in
 * kernel/sched/core.c) and the reserves of callers that cannot sleep
 * (gfp_to_alloc_flags() and zone_watermark_ok() in mm/page_alloc.c).
 *
 * `make grade LAB=contexts` runs it; labs/contexts/lab.conf gives each
 * case its points.  Every case is leak-checked by the runner.
 *
 * The report "BUG: sleeping function called" is
 * printed at most once a second per call site (file and line).  An
 * allocator reports from one site whoever calls it (and kmalloc may call
 * the page allocator), so each case that expects a report from an
 * allocator first waits that second out.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/irqflags.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <kernel/log.h>
#include <kernel/page_alloc.h>
#include <kernel/slab_stats.h>

#define SLEEP_BUG	"BUG: sleeping function called"

static DEFINE_SPINLOCK(lab_lock);

/* Let an allocator's report site be ready to report again. */
static void wait_out_ratelimit(void)
{
	msleep(1100);
}

#define expect_report(test, seq, why)					\
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, SLEEP_BUG) != 0,	\
			      "no \"" SLEEP_BUG "\" report: %s", why)
#define expect_no_report(test, seq, why)				\
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, SLEEP_BUG) == 0,	\
			      "an unexpected \"" SLEEP_BUG "\" report: %s", why)

/* ---- the rule (regions atomic_rule and might_sleep) ------------------------- */

/* Which allocations would break the sleeping rule, in which context. */
static void alloc_in_atomic_follows_the_rule(struct kunit *test)
{
	unsigned long flags;
	bool kernel_off, atomic_off;

	local_irq_save(flags);		/* irqs were on: @flags says so */
	local_irq_restore(flags);
	KUNIT_EXPECT_FALSE_MSG(test, alloc_in_atomic(GFP_KERNEL, flags),
			       "GFP_KERNEL in process context may sleep");
	KUNIT_EXPECT_FALSE(test, alloc_in_atomic(GFP_ATOMIC, flags));

	preempt_disable();
	KUNIT_EXPECT_TRUE_MSG(test, alloc_in_atomic(GFP_KERNEL, flags),
			      "GFP_KERNEL with preemption disabled");
	KUNIT_EXPECT_FALSE_MSG(test, alloc_in_atomic(GFP_ATOMIC, flags),
			       "GFP_ATOMIC never sleeps");
	KUNIT_EXPECT_FALSE_MSG(test, alloc_in_atomic(GFP_NOWAIT, flags),
			       "GFP_NOWAIT never sleeps");
	preempt_enable();

	spin_lock(&lab_lock);
	KUNIT_EXPECT_TRUE_MSG(test, alloc_in_atomic(GFP_KERNEL, flags),
			      "GFP_KERNEL under a spin lock");
	spin_unlock(&lab_lock);

	local_irq_save(flags);		/* irqs off: @flags says they were on */
	kernel_off = alloc_in_atomic(GFP_KERNEL, arch_local_save_flags());
	atomic_off = alloc_in_atomic(GFP_ATOMIC, arch_local_save_flags());
	local_irq_restore(flags);
	KUNIT_EXPECT_TRUE_MSG(test, kernel_off, "GFP_KERNEL with interrupts off");
	KUNIT_EXPECT_FALSE(test, atomic_off);
}

/* might_sleep() reports atomic callers, and only them. */
static void might_sleep_reports_atomic_callers(struct kunit *test)
{
	unsigned long flags;
	u64 seq;

	kunit_expect_reports(test, "BUG: sleeping function called");
	seq = log_seq();
	might_sleep();
	expect_no_report(test, seq, "might_sleep() in process context");

	seq = log_seq();
	preempt_disable();
	might_sleep();
	preempt_enable();
	expect_report(test, seq, "might_sleep() with preemption disabled");
	KUNIT_EXPECT_TRUE(test, log_search(seq, "in_atomic(): 1, irqs_disabled(): 0") != 0);

	seq = log_seq();
	spin_lock(&lab_lock);
	might_sleep();
	spin_unlock(&lab_lock);
	expect_report(test, seq, "might_sleep() under a spin lock");

	seq = log_seq();
	local_irq_save(flags);
	might_sleep();
	local_irq_restore(flags);
	expect_report(test, seq, "might_sleep() with interrupts off");
	KUNIT_EXPECT_TRUE(test, log_search(seq, "in_atomic(): 0, irqs_disabled(): 1") != 0);
}

/* kmalloc(GFP_KERNEL) under a spin lock is reported, though memory is plenty. */
static void gfp_kernel_under_spin_lock_is_reported(struct kunit *test)
{
	void *p;
	u64 seq;

	kunit_expect_reports(test, "BUG: sleeping function called");
	wait_out_ratelimit();
	seq = log_seq();
	spin_lock(&lab_lock);
	p = kmalloc(100, GFP_KERNEL);
	spin_unlock(&lab_lock);
	expect_report(test, seq, "kmalloc(GFP_KERNEL) under a spin lock");
	KUNIT_EXPECT_NOT_NULL(test, p);
	kfree(p);
}

/* alloc_page(GFP_KERNEL) with interrupts off is reported. */
static void gfp_kernel_with_irqs_off_is_reported(struct kunit *test)
{
	unsigned long flags;
	struct page *page;
	u64 seq;

	kunit_expect_reports(test, "BUG: sleeping function called");
	wait_out_ratelimit();
	seq = log_seq();
	local_irq_save(flags);
	page = alloc_page(GFP_KERNEL);
	local_irq_restore(flags);
	expect_report(test, seq, "alloc_page(GFP_KERNEL) with interrupts off");
	KUNIT_EXPECT_NOT_NULL(test, page);
	if (page)
		__free_page(page);
}

/* GFP_ATOMIC is the right flag in atomic context: no report. */
static void gfp_atomic_under_spin_lock_is_fine(struct kunit *test)
{
	struct page *page;
	u64 seq = log_seq();
	void *p;

	spin_lock(&lab_lock);
	p = kmalloc(100, GFP_ATOMIC);
	page = alloc_page(GFP_ATOMIC);
	spin_unlock(&lab_lock);
	expect_no_report(test, seq, "GFP_ATOMIC under a spin lock");
	KUNIT_EXPECT_NOT_NULL(test, p);
	KUNIT_EXPECT_NOT_NULL(test, page);
	kfree(p);
	if (page)
		__free_page(page);
}

/*
 * Fault injection: the rule is checked on entry, before the allocator
 * looks at memory, so a GFP_KERNEL kmalloc under a spin lock is reported
 * even when it fails (failslab makes it fail).
 */
static void failing_allocation_is_still_reported(struct kunit *test)
{
	u64 seq;
	void *p;

	kunit_expect_reports(test, "BUG: sleeping function called");
	wait_out_ratelimit();
	seq = log_seq();
	fault_attr_set(&failslab, 1, 100, 0, 1);
	spin_lock(&lab_lock);
	p = kmalloc(100, GFP_KERNEL | __GFP_NOWARN);
	spin_unlock(&lab_lock);
	fault_attr_clear(&failslab);
	KUNIT_EXPECT_NULL(test, p);
	kfree(p);
	KUNIT_EXPECT_EQ(test, failslab.injected, 1UL);
	expect_report(test, seq, "a failing kmalloc(GFP_KERNEL) under a spin lock");
}

/* ---- the reserves (regions alloc_flags and watermark) --------------------- */

/* Single frames held, to be freed at the end. */
static unsigned long take_until_failure(struct list_head *held, gfp_t gfp)
{
	unsigned long n = 0;
	struct page *page;

	while ((page = alloc_page(gfp | GFP_DMA | __GFP_NOWARN))) {
		list_add(&page->lru, held);
		n++;
	}
	return n;
}

static void free_held(struct list_head *held)
{
	while (!list_empty(held)) {
		struct page *page = list_first_entry(held, struct page, lru);

		list_del(&page->lru);
		__free_page(page);
	}
}

/*
 * How many free frames the DMA zone keeps when a caller with @gfp
 * allocates single frames until it is refused.  The refused call drains
 * the per-CPU list, so the count is exact.
 */
static unsigned long stop_level(struct kunit *test, gfp_t gfp)
{
	struct zone *dma = &zones[ZONE_DMA];
	unsigned long level;
	LIST_HEAD(held);

	take_until_failure(&held, gfp);
	level = zone_free_pages_total(dma);
	free_held(&held);
	drain_all_pages();
	return level;
}

/*
 * The reserve below the min watermark: __GFP_HIGH may use half of it,
 * and __GFP_ATOMIC a quarter of the rest (GFP_ATOMIC has both: it stops
 * at 3/8 of min).
 */
static void atomic_callers_use_the_reserve(struct kunit *test)
{
	struct zone *dma = &zones[ZONE_DMA];
	unsigned long min;

	KUNIT_ASSERT_GT(test, dma->managed_pages, 0UL);
	min = min_wmark_pages(dma);	/* 3 at 4G, 80-odd at 512M: exact either way */
	KUNIT_EXPECT_EQ_MSG(test, stop_level(test, __GFP_HIGH), min - min / 2,
			    "__GFP_HIGH must stop at half the min watermark");
	KUNIT_EXPECT_EQ_MSG(test, stop_level(test, GFP_ATOMIC),
			    (min - min / 2) - (min - min / 2) / 4,
			    "GFP_ATOMIC must stop at 3/8 of the min watermark");
}

/* Callers without __GFP_HIGH stop at the min watermark itself. */
static void ordinary_callers_stop_at_min(struct kunit *test)
{
	struct zone *dma = &zones[ZONE_DMA];

	KUNIT_ASSERT_GT(test, dma->managed_pages, 0UL);
	KUNIT_EXPECT_EQ_MSG(test, stop_level(test, GFP_NOWAIT), min_wmark_pages(dma),
			    "GFP_NOWAIT");
	KUNIT_EXPECT_EQ_MSG(test, stop_level(test, GFP_KERNEL | __GFP_NORETRY),
			    min_wmark_pages(dma), "GFP_KERNEL | __GFP_NORETRY");
}

/* ---- the suite ------------------------------------------------------------ */

static int lab_contexts_init(struct kunit *test)
{
	kmem_cache_shrink_all();
	return 0;
}

static void lab_contexts_exit(struct kunit *test)
{
	fault_attr_clear(&failslab);
}

static struct kunit_case lab_contexts_cases[] = {
	KUNIT_CASE(alloc_in_atomic_follows_the_rule),
	KUNIT_CASE(might_sleep_reports_atomic_callers),
	KUNIT_CASE(gfp_kernel_under_spin_lock_is_reported),
	KUNIT_CASE(gfp_kernel_with_irqs_off_is_reported),
	KUNIT_CASE(gfp_atomic_under_spin_lock_is_fine),
	KUNIT_CASE(failing_allocation_is_still_reported),
	KUNIT_CASE(atomic_callers_use_the_reserve),
	KUNIT_CASE(ordinary_callers_stop_at_min),
	{}
};

static struct kunit_suite lab_contexts_suite = {
	.name = "lab_contexts",
	.init = lab_contexts_init,
	.exit = lab_contexts_exit,
	.test_cases = lab_contexts_cases,
};
kunit_test_suite(lab_contexts_suite);
