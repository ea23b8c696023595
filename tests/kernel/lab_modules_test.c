// SPDX-License-Identifier: GPL-2.0
/*
 * Grading suite of the modules lab (labs/modules): the module
 * labs/modules/alloc_lab.c, built as an out-of-tree module is (the
 * Makefile's LABMODS rule; its bytes are included below), is loaded by
 * every case, serves requests through its exported alloc_lab_serve(),
 * called from the context each request names (a task, under a spin lock,
 * from a timer, from an interrupt), and is unloaded at the end.
 *
 * What a case checks for each request: that it was served (or refused
 * with -ENOMEM when it cannot be), and by which allocator, from what the
 * address says (is_vmalloc_addr(), virt_addr_valid(), PageSlab(),
 * ksize()), and with which GFP flags from where (the loader's tracking
 * of module allocations, module_alloc_find(): GFP_ATOMIC where the caller
 * could sleep is a lost point, as GFP_KERNEL where it could not is a
 * report); the runner fails a case on any report (a GFP_KERNEL or
 * vmalloc() call where sleeping is not allowed prints "BUG: sleeping
 * function called from invalid context") and on anything it leaves
 * allocated; the loader reports what the module still holds at rmmod.
 *
 * `make grade LAB=modules` runs it; labs/modules/lab.conf gives each case
 * its points.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/fault-inject.h>
#include <linux/gfp.h>
#include <linux/irq_work.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <kernel/log.h>
#include <kernel/module.h>
#include "../../kernel/module/internal.h"
#include "../../labs/modules/alloc_lab.h"

#define LAB_MODULE	"alloc_lab"

asm(".section .rodata\n.balign 8\n.global alloc_lab_ko\nalloc_lab_ko:\n"
    ".incbin \"" LABMOD_DIR "/alloc_lab.ko\"\n.global alloc_lab_ko_end\n"
    "alloc_lab_ko_end:\n.previous\n");
extern const u8 alloc_lab_ko[], alloc_lab_ko_end[];

#define KiB	1024UL
#define MiB	(1024 * KiB)
#define LARGE	(32 * KiB)	/* above this, memory need not be one block */

static int (*lab_serve)(const struct alloc_request *req, void **out);
static void (*lab_release)(void *p);

static const char *const ctx_names[] = {
	[ALLOC_LAB_PROCESS] = "process", [ALLOC_LAB_SPINLOCK] = "spin lock",
	[ALLOC_LAB_TIMER] = "timer", [ALLOC_LAB_IRQ] = "interrupt",
};

/* Which allocator an address comes from. */
enum served_by { BY_SLAB, BY_PAGES, BY_VMALLOC, BY_NOTHING_KNOWN };
static const char *const by_names[] = {
	"kmalloc (a slab object)", "the page allocator (whole pages)",
	"vmalloc", "no allocator this suite knows (or too small a block)",
};
#define OK_SLAB		(1 << BY_SLAB)
#define OK_PAGES	(1 << BY_PAGES)
#define OK_VMALLOC	(1 << BY_VMALLOC)

static enum served_by served_by(const void *p, size_t size)
{
	const char *last = (const char *)p + size - 1;

	if (is_vmalloc_addr(p))
		return is_vmalloc_addr(last) && vmalloc_to_page(p) &&
		       vmalloc_to_page(last) ? BY_VMALLOC : BY_NOTHING_KNOWN;
	if (!virt_addr_valid(p) || !virt_addr_valid(last))
		return BY_NOTHING_KNOWN;
	if (PageSlab(virt_to_page(p)))
		return ksize(p) >= size ? BY_SLAB : BY_NOTHING_KNOWN;
	return PAGE_ALIGNED(p) ? BY_PAGES : BY_NOTHING_KNOWN;
}

/*
 * The flowchart (labs/modules/README.md): which allocators may serve
 * @req; 0 when it cannot be served at all (the answer is -ENOMEM).
 */
static unsigned int allowed(const struct alloc_request *req)
{
	bool atomic = req->ctx != ALLOC_LAB_PROCESS;

	if (req->size > KMALLOC_MAX_SIZE && (req->contiguous || atomic))
		return 0;
	if (req->size < PAGE_SIZE)
		return OK_SLAB;
	if (req->contiguous || atomic)
		return OK_SLAB | OK_PAGES;
	if (req->size > LARGE)
		return OK_VMALLOC;
	return OK_SLAB | OK_PAGES | OK_VMALLOC;
}

/* A list of requests, served together in one context. */
#define MAX_BATCH	12
struct batch {
	const struct alloc_request *reqs;
	int n;
	int ret[MAX_BATCH];
	void *mem[MAX_BATCH];
	bool in_context;	/* each request ran where it said */
	volatile bool done;
};

static bool in_ctx(enum alloc_lab_ctx ctx)
{
	switch (ctx) {
	case ALLOC_LAB_PROCESS:
		return preemptible();
	case ALLOC_LAB_SPINLOCK:
		return !preemptible() && !in_interrupt();
	case ALLOC_LAB_TIMER:
		return in_serving_softirq() != 0;
	case ALLOC_LAB_IRQ:
		return in_hardirq() != 0;
	}
	return false;
}

static void serve_batch(struct batch *b)
{
	int i;

	b->in_context = true;
	for (i = 0; i < b->n; i++) {
		if (!in_ctx(b->reqs[i].ctx))
			b->in_context = false;
		b->ret[i] = lab_serve(&b->reqs[i], &b->mem[i]);
	}
	b->done = true;
}

static struct batch *async_batch;	/* for the timer and the irq_work */
static DEFINE_SPINLOCK(lab_lock);

static void batch_timer_fn(struct timer_list *t)
{
	serve_batch(async_batch);
}

static void batch_irq_work_fn(struct irq_work *w)
{
	serve_batch(async_batch);
}

/* Serve @b's requests (all of one context) from that context. */
static void run_batch(struct kunit *test, struct batch *b)
{
	struct timer_list timer;
	struct irq_work work;
	unsigned long flags;
	int waited = 0;

	KUNIT_ASSERT_LE(test, b->n, MAX_BATCH);
	b->done = false;
	async_batch = b;
	switch (b->reqs[0].ctx) {
	case ALLOC_LAB_PROCESS:
		serve_batch(b);
		break;
	case ALLOC_LAB_SPINLOCK:
		spin_lock_irqsave(&lab_lock, flags);
		serve_batch(b);
		spin_unlock_irqrestore(&lab_lock, flags);
		break;
	case ALLOC_LAB_TIMER:
		timer_setup(&timer, batch_timer_fn, 0);
		mod_timer(&timer, jiffies + 1);
		while (!b->done && waited++ < 500)
			msleep(10);
		del_timer_sync(&timer);
		break;
	case ALLOC_LAB_IRQ:
		init_irq_work(&work, batch_irq_work_fn);
		irq_work_queue(&work);
		irq_work_sync(&work);
		break;
	}
	KUNIT_ASSERT_TRUE_MSG(test, b->done, "the %s never ran",
			      ctx_names[b->reqs[0].ctx]);
	KUNIT_EXPECT_TRUE_MSG(test, b->in_context,
			      "the suite did not run the requests in %s context",
			      ctx_names[b->reqs[0].ctx]);
}

/*
 * Where the caller may sleep (a task holding no lock), the flowchart asks
 * for GFP_KERNEL: GFP_ATOMIC there works, but it cannot wait for memory,
 * fails sooner and dips into the reserves that atomic callers need.  The
 * loader recorded the flags and the context of every allocation the
 * module made: was @p asked without __GFP_DIRECT_RECLAIM where sleeping
 * was allowed?
 */
static bool atomic_where_it_may_sleep(const void *p)
{
	struct module_alloc_info info;

	return module_alloc_find(p, &info) && info.could_sleep &&
	       !gfpflags_allow_blocking(info.gfp);
}

/* Check each request of @b against the flowchart. */
static void check_batch(struct kunit *test, struct batch *b)
{
	int i;

	for (i = 0; i < b->n; i++) {
		const struct alloc_request *r = &b->reqs[i];
		unsigned int ok = allowed(r);
		enum served_by by;

		if (!ok) {
			KUNIT_EXPECT_EQ_MSG(test, b->ret[i], -ENOMEM,
					    "%zu bytes%s in %s context cannot be served",
					    r->size, r->contiguous ? " contiguous" : "",
					    ctx_names[r->ctx]);
			KUNIT_EXPECT_NULL(test, b->mem[i]);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, b->ret[i], 0,
				    "%zu bytes%s in %s context were not served",
				    r->size, r->contiguous ? " contiguous" : "",
				    ctx_names[r->ctx]);
		if (b->ret[i])
			continue;
		KUNIT_EXPECT_NOT_NULL_MSG(test, b->mem[i],
					  "%zu bytes%s in %s context: 0 returned, but no memory",
					  r->size, r->contiguous ? " contiguous" : "",
					  ctx_names[r->ctx]);
		if (!b->mem[i])
			continue;
		by = served_by(b->mem[i], r->size);
		KUNIT_EXPECT_TRUE_MSG(test, ok & (1 << by),
				      "%zu bytes%s in %s context came from %s",
				      r->size, r->contiguous ? " contiguous" : "",
				      ctx_names[r->ctx], by_names[by]);
		if (r->ctx == ALLOC_LAB_PROCESS)
			KUNIT_EXPECT_FALSE_MSG(test, atomic_where_it_may_sleep(b->mem[i]),
					       "%zu bytes%s in process context were asked with GFP_ATOMIC: a task holding no lock may sleep, so GFP_KERNEL",
					       r->size, r->contiguous ? " contiguous" : "");
		memset(b->mem[i], 0x5a, r->size);	/* all of it is usable */
	}
}

static void release_batch(struct batch *b)
{
	int i;

	for (i = 0; i < b->n; i++)
		if (!b->ret[i] && b->mem[i])
			lab_release(b->mem[i]);
}

/* Load the lab's module and find its two functions. */
static void lab_load(struct kunit *test)
{
	const struct kernel_symbol *sym;
	struct module *owner;

	KUNIT_ASSERT_EQ(test, load_module_image(LAB_MODULE ".ko", alloc_lab_ko,
						alloc_lab_ko_end - alloc_lab_ko,
						NULL), 0);
	sym = find_symbol("alloc_lab_serve", true, &owner);
	KUNIT_ASSERT_NOT_NULL_MSG(test, sym, "alloc_lab_serve is not exported");
	lab_serve = (void *)sym->value;
	sym = find_symbol("alloc_lab_release", true, &owner);
	KUNIT_ASSERT_NOT_NULL_MSG(test, sym, "alloc_lab_release is not exported");
	lab_release = (void *)sym->value;
}

/* Check that the module holds nothing, then unload it. */
static void lab_unload(struct kunit *test)
{
	struct module *mod = find_module(LAB_MODULE);

	KUNIT_ASSERT_NOT_NULL(test, mod);
	KUNIT_EXPECT_EQ_MSG(test, mod->nr_allocs, 0U,
			    "alloc_lab_release() did not free everything");
	KUNIT_EXPECT_EQ(test, delete_module(LAB_MODULE, false, NULL, 0), 0);
}

/* Serve, check, release @reqs (all of one context), module loaded. */
static void serve_and_check(struct kunit *test,
			    const struct alloc_request *reqs, int n)
{
	struct batch b = { .reqs = reqs, .n = n };

	run_batch(test, &b);
	check_batch(test, &b);
	release_batch(&b);
}

#define SERVE(test, reqs)	serve_and_check(test, reqs, ARRAY_SIZE(reqs))
#define P	ALLOC_LAB_PROCESS

/* ---- process context --------------------------------------------------- */

static void small_requests_come_from_the_slab(struct kunit *test)
{
	static const struct alloc_request reqs[] = {
		{ 8, false, P }, { 100, false, P }, { 1000, true, P },
		{ 3000, false, P }, { 4000, true, P }, { 24, true, P },
	};

	lab_load(test);
	SERVE(test, reqs);
	lab_unload(test);
}

static void contiguous_requests_come_from_the_direct_map(struct kunit *test)
{
	static const struct alloc_request reqs[] = {
		{ 4096, true, P }, { 12288, true, P }, { 64 * KiB, true, P },
		{ 200 * KiB, true, P }, { 1 * MiB, true, P }, { 4 * MiB, true, P },
	};

	lab_load(test);
	SERVE(test, reqs);
	lab_unload(test);
}

/*
 * The requests above the page allocator's largest block (5 and 24 MiB)
 * are made when the machine has the memory (the grade boots with 512M).
 * The suites also run at 16M and 32M: there, so large a vmalloc() left
 * the few free order-10 blocks broken (seen at 16M), and the page
 * allocator's suite, which runs later, wants one whole.
 */
static void large_requests_come_from_vmalloc(struct kunit *test)
{
	bool roomy = totalram_pages() >= (128 * MiB) / PAGE_SIZE;
	static const struct alloc_request reqs[] = {
		{ 16 * KiB, false, P }, { 64 * KiB, false, P },
		{ 1 * MiB, false, P }, { 5 * MiB, false, P },
		{ 24 * MiB, false, P },
	};

	lab_load(test);
	serve_and_check(test, reqs, roomy ? ARRAY_SIZE(reqs) : 3);
	lab_unload(test);
}

/* ---- atomic contexts ------------------------------------------------------- */

/*
 * The report "BUG: sleeping function called from invalid context" is
 * printed at most once a second per call site (file and line), and an
 * allocator reports from its own sites whoever calls it: each atomic
 * case first waits that second out, so that a GFP_KERNEL or vmalloc()
 * call of the module is reported in every one of them.
 */
static void wait_out_ratelimit(void)
{
	msleep(1100);
}

#define ATOMIC_REQUESTS(ctx)						\
	{ 16, false, ctx }, { 700, true, ctx }, { 3000, false, ctx },	\
	{ 8 * KiB, true, ctx }, { 64 * KiB, false, ctx },		\
	{ 256 * KiB, true, ctx }

static void requests_under_a_spin_lock_are_atomic(struct kunit *test)
{
	static const struct alloc_request reqs[] = {
		ATOMIC_REQUESTS(ALLOC_LAB_SPINLOCK),
	};

	wait_out_ratelimit();
	lab_load(test);
	SERVE(test, reqs);
	lab_unload(test);
}

static void requests_from_a_timer_are_atomic(struct kunit *test)
{
	static const struct alloc_request reqs[] = {
		ATOMIC_REQUESTS(ALLOC_LAB_TIMER),
	};

	wait_out_ratelimit();
	lab_load(test);
	SERVE(test, reqs);
	lab_unload(test);
}

static void requests_from_an_interrupt_are_atomic(struct kunit *test)
{
	static const struct alloc_request reqs[] = {
		ATOMIC_REQUESTS(ALLOC_LAB_IRQ),
	};

	wait_out_ratelimit();
	lab_load(test);
	SERVE(test, reqs);
	lab_unload(test);
}

/* ---- what cannot be had ------------------------------------------------------ */

static void impossible_requests_are_refused(struct kunit *test)
{
	static const struct alloc_request task[] = {
		{ 8 * MiB, true, P }, { 64 * MiB, true, P },
	};
	static const struct alloc_request locked[] = {
		{ 6 * MiB, false, ALLOC_LAB_SPINLOCK },
		{ 16 * MiB, true, ALLOC_LAB_SPINLOCK },
	};
	static const struct alloc_request irq[] = {
		{ 32 * MiB, false, ALLOC_LAB_IRQ },
	};

	lab_load(test);
	SERVE(test, task);
	SERVE(test, locked);
	SERVE(test, irq);
	lab_unload(test);
}

/*
 * Every slab and page allocation fails (failslab and fail_page_alloc,
 * <linux/fault-inject.h>): each request must come back -ENOMEM with no
 * memory, and nothing may oops.
 */
static void injected_failures_return_enomem(struct kunit *test)
{
	static const struct alloc_request task[] = {
		{ 64, false, P }, { 3000, true, P }, { 16 * KiB, true, P },
		{ 1 * MiB, false, P }, { 12 * MiB, false, P },
	};
	static const struct alloc_request irq[] = {
		{ 100, false, ALLOC_LAB_IRQ }, { 32 * KiB, true, ALLOC_LAB_IRQ },
	};
	struct batch b1 = { .reqs = task, .n = ARRAY_SIZE(task) };
	struct batch b2 = { .reqs = irq, .n = ARRAY_SIZE(irq) };
	int i;

	lab_load(test);
	fault_attr_set(&failslab, 1, 100, 0, -1);
	fault_attr_set(&fail_page_alloc, 1, 100, 0, -1);
	run_batch(test, &b1);
	run_batch(test, &b2);
	fault_attr_clear(&failslab);
	fault_attr_clear(&fail_page_alloc);
	for (i = 0; i < b1.n; i++) {
		KUNIT_EXPECT_EQ_MSG(test, b1.ret[i], -ENOMEM,
				    "request %d (%zu bytes) with every allocation failing",
				    i, task[i].size);
		KUNIT_EXPECT_NULL(test, b1.mem[i]);
	}
	for (i = 0; i < b2.n; i++) {
		KUNIT_EXPECT_EQ_MSG(test, b2.ret[i], -ENOMEM,
				    "interrupt request %d (%zu bytes) with every allocation failing",
				    i, irq[i].size);
		KUNIT_EXPECT_NULL(test, b2.mem[i]);
	}
	release_batch(&b1);
	release_batch(&b2);
	lab_unload(test);
}

/* ---- unload ------------------------------------------------------------------ */

/* Requests still served at rmmod: the module's exit must free them all. */
static void unload_frees_everything(struct kunit *test)
{
	static const struct alloc_request task[] = {
		{ 40, false, P }, { 2000, true, P }, { 12 * KiB, true, P },
		{ 2 * MiB, true, P }, { 3 * MiB, false, P },
	};
	static const struct alloc_request locked[] = {
		{ 500, false, ALLOC_LAB_SPINLOCK },
		{ 20 * KiB, true, ALLOC_LAB_SPINLOCK },
	};
	struct batch b1 = { .reqs = task, .n = ARRAY_SIZE(task) };
	struct batch b2 = { .reqs = locked, .n = ARRAY_SIZE(locked) };
	u64 seq;

	lab_load(test);
	run_batch(test, &b1);
	run_batch(test, &b2);
	check_batch(test, &b1);
	check_batch(test, &b2);
	seq = log_seq();
	KUNIT_EXPECT_EQ(test, delete_module(LAB_MODULE, false, NULL, 0), 0);
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, "leaked") == 0,
			      "the module's exit left memory allocated");
}

static void lab_modules_exit(struct kunit *test)
{
	fault_attr_clear(&failslab);
	fault_attr_clear(&fail_page_alloc);
	if (find_module(LAB_MODULE))	/* a case stopped half way */
		delete_module(LAB_MODULE, true, NULL, 0);
}

static struct kunit_case lab_modules_cases[] = {
	KUNIT_CASE(small_requests_come_from_the_slab),
	KUNIT_CASE(contiguous_requests_come_from_the_direct_map),
	KUNIT_CASE(large_requests_come_from_vmalloc),
	KUNIT_CASE(requests_under_a_spin_lock_are_atomic),
	KUNIT_CASE(requests_from_a_timer_are_atomic),
	KUNIT_CASE(requests_from_an_interrupt_are_atomic),
	KUNIT_CASE(impossible_requests_are_refused),
	KUNIT_CASE(injected_failures_return_enomem),
	KUNIT_CASE(unload_frees_everything),
	{}
};

static struct kunit_suite lab_modules_suite = {
	.name = "lab_modules",
	.exit = lab_modules_exit,
	.test_cases = lab_modules_cases,
};
kunit_test_suite(lab_modules_suite);
