// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for <linux/preempt.h>, <linux/hardirq.h>, <linux/irqflags.h> and
 * kernel/irq.c: what preempt_count() and the context predicates say in
 * every context a kernel function can run in.
 *
 * Each test enters one context (a lock, a disabled section, or a
 * callback: timer, tasklet, irq_work, work item, IRQ handler) and takes a
 * snapshot there (tests/kernel/context_kunit.h); the test then checks
 * every predicate against the values Linux gives:
 *
 *   context               preempt_count  interrupt softirq serving task atomic irqs_off
 *   thread                0              0         0       0       1    0      0
 *   preempt_disable       1              0         0       0       1    1      0
 *   spin_lock             1              0         0       0       1    1      0
 *   spin_lock_irq(save)   1              0         0       0       1    1      1
 *   spin_lock_bh          0x200          1         1       0       1    1      0
 *   local_irq_disable     0              0         0       0       1    0      1
 *   timer, tasklet        0x100          1         1       1       0    1      0
 *   irq_work, IRQ handler 0x10000        1         0       0       0    1      1
 *   work item             0              0         0       0       1    0      0
 */
#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <asm/irq_vectors.h>
#include <asm/smp.h>
#include "context_kunit.h"

/* A legacy IRQ line with no device behind it in QEMU's PC. */
#define TEST_IRQ	5

/* The Linux layout, bit for bit. */
static void preempt_count_layout(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, PREEMPT_MASK, 0x000000ffUL);
	KUNIT_EXPECT_EQ(test, SOFTIRQ_MASK, 0x0000ff00UL);
	KUNIT_EXPECT_EQ(test, HARDIRQ_MASK, 0x000f0000UL);
	KUNIT_EXPECT_EQ(test, NMI_MASK, 0x00f00000UL);
	KUNIT_EXPECT_EQ(test, PREEMPT_OFFSET, 0x1UL);
	KUNIT_EXPECT_EQ(test, SOFTIRQ_OFFSET, 0x100UL);
	KUNIT_EXPECT_EQ(test, SOFTIRQ_DISABLE_OFFSET, 0x200UL);
	KUNIT_EXPECT_EQ(test, HARDIRQ_OFFSET, 0x10000UL);
	KUNIT_EXPECT_EQ(test, NMI_OFFSET, 0x100000UL);

	/* each disable adds its offset, and nests */
	KUNIT_ASSERT_EQ(test, preempt_count(), 0);
	preempt_disable();
	preempt_disable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 2);
	local_bh_disable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 0x202);
	local_bh_disable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 0x402);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0x400UL);
	local_bh_enable();
	local_bh_enable();
	preempt_enable();
	preempt_enable();
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

/* A test case is a kernel thread: the plainest process context. */
static void thread_context(struct kunit *test)
{
	struct ctx_snap s = {};

	ctx_snap_take(&s);
	ctx_expect(test, &s, &(struct ctx_snap){
		.in_task = true, .preemptible = true,
	}, "test thread");
	KUNIT_EXPECT_STREQ(test, s.comm, "kunit_try_catch");
	KUNIT_EXPECT_GT(test, s.pid, 0);
	KUNIT_EXPECT_TRUE(test, current->flags & PF_KTHREAD);
}

static int snap_thread_fn(void *data)
{
	ctx_snap_take(data);
	return 0;
}

static void kthread_context(struct kunit *test)
{
	struct ctx_snap s = {};
	struct task_struct *t;
	pid_t pid;

	t = ctx_thread_run(test, snap_thread_fn, &s, "ctx_thread");
	pid = t->pid;
	/* let it run: a thread stopped before it ran never runs its function */
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(s.taken), 1000));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	ctx_expect(test, &s, &(struct ctx_snap){
		.in_task = true, .preemptible = true,
	}, "kthread");
	KUNIT_EXPECT_STREQ(test, s.comm, "ctx_thread");
	KUNIT_EXPECT_EQ(test, s.pid, pid);
	KUNIT_EXPECT_NE(test, s.pid, current->pid);
}

static void preempt_disable_context(struct kunit *test)
{
	struct ctx_snap s = {}, nested = {}, after = {};

	preempt_disable();
	ctx_snap_take(&s);
	preempt_disable();
	ctx_snap_take(&nested);
	preempt_enable();
	preempt_enable();
	ctx_snap_take(&after);
	ctx_expect(test, &s, &(struct ctx_snap){
		.preempt_count = 1, .in_task = true, .in_atomic = true,
	}, "preempt_disable");
	ctx_expect(test, &nested, &(struct ctx_snap){
		.preempt_count = 2, .in_task = true, .in_atomic = true,
	}, "preempt_disable twice");
	ctx_expect(test, &after, &(struct ctx_snap){
		.in_task = true, .preemptible = true,
	}, "after preempt_enable");
}

static void spin_lock_context(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	struct ctx_snap s = {};

	spin_lock(&lock);
	ctx_snap_take(&s);
	spin_unlock(&lock);
	ctx_expect(test, &s, &(struct ctx_snap){
		.preempt_count = 1, .in_task = true, .in_atomic = true,
	}, "spin_lock");
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void spin_lock_irq_context(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	struct ctx_snap s = {};

	spin_lock_irq(&lock);
	ctx_snap_take(&s);
	spin_unlock_irq(&lock);
	ctx_expect(test, &s, &(struct ctx_snap){
		.preempt_count = 1, .in_task = true, .in_atomic = true,
		.irqs_disabled = true,
	}, "spin_lock_irq");
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

/* irqsave restores what was there: off inside an irqs-off section. */
static void spin_lock_irqsave_context(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	struct ctx_snap s = {};
	unsigned long flags, inner_flags;
	bool off_after_inner;

	spin_lock_irqsave(&lock, flags);
	ctx_snap_take(&s);
	spin_unlock_irqrestore(&lock, flags);
	ctx_expect(test, &s, &(struct ctx_snap){
		.preempt_count = 1, .in_task = true, .in_atomic = true,
		.irqs_disabled = true,
	}, "spin_lock_irqsave");
	KUNIT_EXPECT_FALSE(test, irqs_disabled_flags(flags));
	KUNIT_EXPECT_FALSE(test, irqs_disabled());

	local_irq_disable();
	spin_lock_irqsave(&lock, inner_flags);
	spin_unlock_irqrestore(&lock, inner_flags);
	off_after_inner = irqs_disabled();
	local_irq_enable();
	KUNIT_EXPECT_TRUE(test, irqs_disabled_flags(inner_flags));
	KUNIT_EXPECT_TRUE(test, off_after_inner);
}

/* Bottom halves off: "in interrupt" by Linux's definition, yet a task. */
static void spin_lock_bh_context(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	struct ctx_snap s = {};

	spin_lock_bh(&lock);
	ctx_snap_take(&s);
	spin_unlock_bh(&lock);
	ctx_expect(test, &s, &(struct ctx_snap){
		.preempt_count = SOFTIRQ_DISABLE_OFFSET, .in_interrupt = true,
		.in_softirq = true, .in_task = true, .in_atomic = true,
	}, "spin_lock_bh");
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

static void local_irq_disable_context(struct kunit *test)
{
	struct ctx_snap s = {};

	local_irq_disable();
	ctx_snap_take(&s);
	local_irq_enable();
	ctx_expect(test, &s, &(struct ctx_snap){
		.in_task = true, .irqs_disabled = true,
	}, "local_irq_disable");
}

/*
 * With interrupts off this CPU's tick is not taken: its timer interrupt
 * count stands still, and so do jiffies if no other CPU ticks (SMP=1).
 * Once interrupts are on, the tick that waited is taken at once, and
 * jiffies catch up with the clock: 40 ms is at least 4 ticks.
 */
static void irqs_off_stops_the_tick(struct kunit *test)
{
	unsigned long j0, j1, j2, t0, t1, t2;
	unsigned int cpu = ctx_pin_this_cpu();
	unsigned long *ticks = &per_cpu(irq_stat, cpu).apic_timer_irqs;

	local_irq_disable();
	j0 = jiffies;
	t0 = READ_ONCE(*ticks);
	mdelay(40);
	j1 = jiffies;
	t1 = READ_ONCE(*ticks);
	local_irq_enable();
	udelay(100);	/* far less than a tick: the one that waited is taken */
	j2 = jiffies;
	t2 = READ_ONCE(*ticks);
	ctx_unpin();
	KUNIT_EXPECT_EQ(test, t1, t0);
	KUNIT_EXPECT_GE(test, t2, t0 + 1);
	if (num_online_cpus() == 1)
		KUNIT_EXPECT_EQ(test, j1, j0);
	KUNIT_EXPECT_GE(test, j2, j0 + 40 * HZ / 1000);
}

struct bh_test {
	struct tasklet_struct tasklet;
	struct ctx_snap snap;
	bool ran;
};

static void bh_tasklet_fn(struct tasklet_struct *t)
{
	struct bh_test *b = from_tasklet(b, t, tasklet);

	ctx_snap_take(&b->snap);
	WRITE_ONCE(b->ran, true);
}

/*
 * local_bh_disable() holds softirqs off even while ticks come in; the
 * local_bh_enable() that ends the section runs them, right there, on
 * this task's stack.
 */
static void local_bh_disable_context(struct kunit *test)
{
	struct bh_test b = {};
	struct ctx_snap s = {};
	bool ran_inside;

	tasklet_setup(&b.tasklet, bh_tasklet_fn);
	local_bh_disable();
	ctx_snap_take(&s);
	tasklet_schedule(&b.tasklet);
	mdelay(40);		/* a few ticks, interrupts on */
	ran_inside = READ_ONCE(b.ran);
	local_bh_enable();
	KUNIT_EXPECT_TRUE(test, READ_ONCE(b.ran));
	tasklet_kill(&b.tasklet);

	ctx_expect(test, &s, &(struct ctx_snap){
		.preempt_count = SOFTIRQ_DISABLE_OFFSET, .in_interrupt = true,
		.in_softirq = true, .in_task = true, .in_atomic = true,
	}, "local_bh_disable");
	KUNIT_EXPECT_FALSE(test, ran_inside);
	ctx_expect(test, &b.snap, &(struct ctx_snap){
		.preempt_count = SOFTIRQ_OFFSET, .in_interrupt = true,
		.in_softirq = true, .in_serving_softirq = true, .in_atomic = true,
	}, "tasklet run by local_bh_enable");
	KUNIT_EXPECT_EQ(test, b.snap.pid, current->pid);
}

struct timer_test {
	struct timer_list timer;
	struct completion done;
	struct ctx_snap snap;
};

static void snap_timer_fn(struct timer_list *t)
{
	struct timer_test *tt = from_timer(tt, t, timer);

	ctx_snap_take(&tt->snap);
	complete(&tt->done);
}

static void timer_callback_context(struct kunit *test)
{
	struct timer_test tt = {};

	init_completion(&tt.done);
	timer_setup(&tt.timer, snap_timer_fn, 0);
	mod_timer(&tt.timer, jiffies + 2);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&tt.done, HZ), 0UL);
	del_timer_sync(&tt.timer);
	ctx_expect(test, &tt.snap, &(struct ctx_snap){
		.preempt_count = SOFTIRQ_OFFSET, .in_interrupt = true,
		.in_softirq = true, .in_serving_softirq = true, .in_atomic = true,
	}, "timer callback");
}

struct tasklet_test {
	struct tasklet_struct tasklet;
	struct completion done;
	struct ctx_snap snap;
	unsigned long data;
};

/* tasklet_init() style: the argument is an unsigned long. */
static void snap_tasklet_func(unsigned long data)
{
	struct tasklet_test *tt = (struct tasklet_test *)data;

	tt->data = data;
	ctx_snap_take(&tt->snap);
	complete(&tt->done);
}

static void tasklet_init_context(struct kunit *test)
{
	struct tasklet_test tt = {};

	init_completion(&tt.done);
	tasklet_init(&tt.tasklet, snap_tasklet_func, (unsigned long)&tt);
	tasklet_schedule(&tt.tasklet);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&tt.done, HZ), 0UL);
	tasklet_kill(&tt.tasklet);
	KUNIT_EXPECT_EQ(test, tt.data, (unsigned long)&tt);
	ctx_expect(test, &tt.snap, &(struct ctx_snap){
		.preempt_count = SOFTIRQ_OFFSET, .in_interrupt = true,
		.in_softirq = true, .in_serving_softirq = true, .in_atomic = true,
	}, "tasklet_init tasklet");
}

/* tasklet_setup() style: the callback gets the tasklet itself. */
static void snap_tasklet_callback(struct tasklet_struct *t)
{
	struct tasklet_test *tt = from_tasklet(tt, t, tasklet);

	ctx_snap_take(&tt->snap);
	complete(&tt->done);
}

static void tasklet_setup_context(struct kunit *test)
{
	struct tasklet_test tt = {};

	init_completion(&tt.done);
	tasklet_setup(&tt.tasklet, snap_tasklet_callback);
	tasklet_schedule(&tt.tasklet);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&tt.done, HZ), 0UL);
	tasklet_kill(&tt.tasklet);
	ctx_expect(test, &tt.snap, &(struct ctx_snap){
		.preempt_count = SOFTIRQ_OFFSET, .in_interrupt = true,
		.in_softirq = true, .in_serving_softirq = true, .in_atomic = true,
	}, "tasklet_setup tasklet");
}

struct irq_work_test {
	struct irq_work work;
	struct ctx_snap snap;
};

static void snap_irq_work_fn(struct irq_work *w)
{
	struct irq_work_test *iw = container_of(w, struct irq_work_test, work);

	ctx_snap_take(&iw->snap);
}

/* The self-IPI interrupts this very task: it runs on top of it. */
static void irq_work_context(struct kunit *test)
{
	struct irq_work_test iw = {};

	init_irq_work(&iw.work, snap_irq_work_fn);
	KUNIT_EXPECT_TRUE(test, irq_work_queue(&iw.work));
	irq_work_sync(&iw.work);
	ctx_expect(test, &iw.snap, &(struct ctx_snap){
		.preempt_count = HARDIRQ_OFFSET, .in_interrupt = true,
		.in_hardirq = true, .in_irq = true, .in_atomic = true,
		.irqs_disabled = true,
	}, "irq_work");
	KUNIT_EXPECT_EQ(test, iw.snap.pid, current->pid);
}

struct nested_test {
	struct timer_list timer;
	struct irq_work work;
	struct completion done;
	struct ctx_snap snap;
};

static void nested_irq_work_fn(struct irq_work *w)
{
	struct nested_test *n = container_of(w, struct nested_test, work);

	ctx_snap_take(&n->snap);
}

static void nested_timer_fn(struct timer_list *t)
{
	struct nested_test *n = from_timer(n, t, timer);

	irq_work_queue(&n->work);	/* taken at once: irqs are on */
	complete(&n->done);
}

/* A hard interrupt can arrive while a softirq is served: both bits set. */
static void hardirq_inside_softirq(struct kunit *test)
{
	struct nested_test n = {};

	init_completion(&n.done);
	init_irq_work(&n.work, nested_irq_work_fn);
	timer_setup(&n.timer, nested_timer_fn, 0);
	mod_timer(&n.timer, jiffies + 1);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&n.done, HZ), 0UL);
	del_timer_sync(&n.timer);
	irq_work_sync(&n.work);
	ctx_expect(test, &n.snap, &(struct ctx_snap){
		.preempt_count = HARDIRQ_OFFSET | SOFTIRQ_OFFSET,
		.in_interrupt = true, .in_hardirq = true, .in_irq = true,
		.in_softirq = true, .in_serving_softirq = true, .in_atomic = true,
		.irqs_disabled = true,
	}, "irq_work inside a timer callback");
}

struct work_test {
	struct work_struct work;
	struct ctx_snap snap;
};

static void snap_work_fn(struct work_struct *w)
{
	struct work_test *wt = container_of(w, struct work_test, work);

	ctx_snap_take(&wt->snap);
}

static void work_item_context(struct kunit *test)
{
	struct work_test wt = {};

	INIT_WORK(&wt.work, snap_work_fn);
	KUNIT_EXPECT_TRUE(test, schedule_work(&wt.work));
	flush_work(&wt.work);
	cancel_work_sync(&wt.work);
	ctx_expect(test, &wt.snap, &(struct ctx_snap){
		.in_task = true, .preemptible = true,
	}, "work item");
	/* this CPU's worker: kworker/N:0 */
	KUNIT_EXPECT_EQ(test, strncmp(wt.snap.comm, "kworker/", 8), 0);
	KUNIT_EXPECT_NE(test, wt.snap.pid, current->pid);
}

/* ---- request_irq ------------------------------------------------------------------ */

struct irq_test {
	unsigned int calls;
	int irq;
	void *dev_id;
	struct ctx_snap snap;
	irqreturn_t ret;
};

static irqreturn_t test_irq_handler(int irq, void *dev_id)
{
	struct irq_test *it = dev_id;

	it->calls++;
	it->irq = irq;
	it->dev_id = dev_id;
	ctx_snap_take(&it->snap);
	return it->ret;
}

/*
 * Raise TEST_IRQ's vector in software: the CPU enters do_interrupt()
 * just as if the PIC had delivered it (the PIC's EOI afterwards finds
 * nothing in service and does nothing).
 */
static void raise_test_irq(void)
{
	__asm__ __volatile__("int %0" : : "i"(ISA_IRQ_VECTOR(TEST_IRQ)) : "memory");
}

static void irq_handler_context(struct kunit *test)
{
	struct irq_test it = { .ret = IRQ_HANDLED };
	unsigned long count = kstat_irqs(TEST_IRQ);

	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, test_irq_handler, 0,
					  "ctx_test", &it), 0);
	raise_test_irq();
	KUNIT_EXPECT_STREQ(test, (const char *)free_irq(TEST_IRQ, &it), "ctx_test");
	KUNIT_EXPECT_EQ(test, it.calls, 1U);
	KUNIT_EXPECT_EQ(test, it.irq, TEST_IRQ);
	KUNIT_EXPECT_PTR_EQ(test, it.dev_id, (void *)&it);
	KUNIT_EXPECT_EQ(test, kstat_irqs(TEST_IRQ), count + 1);
	ctx_expect(test, &it.snap, &(struct ctx_snap){
		.preempt_count = HARDIRQ_OFFSET, .in_interrupt = true,
		.in_hardirq = true, .in_irq = true, .in_atomic = true,
		.irqs_disabled = true,
	}, "IRQ handler");

	/* freed: the handler is not called any more */
	raise_test_irq();
	KUNIT_EXPECT_EQ(test, it.calls, 1U);
}

static void request_irq_errors(struct kunit *test)
{
	struct irq_test a = { .ret = IRQ_HANDLED }, b = { .ret = IRQ_HANDLED };

	KUNIT_EXPECT_EQ(test, request_irq(NR_IRQS, test_irq_handler, 0, "bad", &a),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, NULL, 0, "bad", &a), -EINVAL);

	/* a line taken without IRQF_SHARED cannot be shared, either way */
	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, test_irq_handler, 0, "a", &a), 0);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, test_irq_handler, 0, "b", &b),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, test_irq_handler, IRQF_SHARED,
					  "b", &b), -EBUSY);
	free_irq(TEST_IRQ, &a);
}

static void request_irq_shared(struct kunit *test)
{
	struct irq_test a = { .ret = IRQ_NONE }, b = { .ret = IRQ_HANDLED };

	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, test_irq_handler, IRQF_SHARED,
					  "a", &a), 0);
	KUNIT_EXPECT_EQ(test, request_irq(TEST_IRQ, test_irq_handler, IRQF_SHARED,
					  "b", &b), 0);
	raise_test_irq();
	KUNIT_EXPECT_EQ(test, a.calls, 1U);
	KUNIT_EXPECT_EQ(test, b.calls, 1U);
	KUNIT_EXPECT_PTR_EQ(test, a.dev_id, (void *)&a);
	KUNIT_EXPECT_PTR_EQ(test, b.dev_id, (void *)&b);

	/* free_irq() removes only the handler with that dev_id */
	KUNIT_EXPECT_STREQ(test, (const char *)free_irq(TEST_IRQ, &a), "a");
	raise_test_irq();
	KUNIT_EXPECT_EQ(test, a.calls, 1U);
	KUNIT_EXPECT_EQ(test, b.calls, 2U);
	KUNIT_EXPECT_STREQ(test, (const char *)free_irq(TEST_IRQ, &b), "b");
}

static void free_irq_unknown_warns(struct kunit *test)
{
	struct irq_test a = { .ret = IRQ_HANDLED };
	u64 seq = log_seq();
	char line[64];
	unsigned int cpu = ctx_pin_this_cpu();	/* the report names it */

	kunit_expect_reports(test, "WARNING:");
	KUNIT_EXPECT_NULL(test, free_irq(TEST_IRQ, &a));
	ctx_unpin();
	ctx_expect_log(test, seq, "------------[ cut here ]------------");
	snprintf(line, sizeof(line), "WARNING: CPU: %u PID: %d at kernel/irq.c:",
		 cpu, current->pid);
	ctx_expect_log(test, seq, line);
	ctx_expect_log(test, seq, "Trying to free already-free IRQ 5");
	/* out of range: nothing to free, nothing to say */
	seq = log_seq();
	KUNIT_EXPECT_NULL(test, free_irq(NR_IRQS, &a));
	ctx_expect_no_log(test, seq, "WARNING:");
}

static struct kunit_case context_cases[] = {
	KUNIT_CASE(preempt_count_layout),
	KUNIT_CASE(thread_context),
	KUNIT_CASE(kthread_context),
	KUNIT_CASE(preempt_disable_context),
	KUNIT_CASE(spin_lock_context),
	KUNIT_CASE(spin_lock_irq_context),
	KUNIT_CASE(spin_lock_irqsave_context),
	KUNIT_CASE(spin_lock_bh_context),
	KUNIT_CASE(local_irq_disable_context),
	KUNIT_CASE(irqs_off_stops_the_tick),
	KUNIT_CASE(local_bh_disable_context),
	KUNIT_CASE(timer_callback_context),
	KUNIT_CASE(tasklet_init_context),
	KUNIT_CASE(tasklet_setup_context),
	KUNIT_CASE(irq_work_context),
	KUNIT_CASE(hardirq_inside_softirq),
	KUNIT_CASE(work_item_context),
	KUNIT_CASE(irq_handler_context),
	KUNIT_CASE(request_irq_errors),
	KUNIT_CASE(request_irq_shared),
	KUNIT_CASE(free_irq_unknown_warns),
	{}
};

static struct kunit_suite context_suite = {
	.name = "contexts",
	.test_cases = context_cases,
};
kunit_test_suite(context_suite);
