// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for the lock validator (kernel/locking/lockdep.c): each report
 * in Linux's words, made on purpose (AB-BA in one task, AB-BA across two
 * CPUs, two mutexes, a lock taken by an interrupt handler and by a task
 * with interrupts on, the same for a softirq, two locks of one class),
 * and the right way of each, which must stay quiet.
 *
 * A report turns the validator off (debug_locks = 0), as in Linux; each
 * case starts with it back on (lockdep_test_init()).  Every case uses
 * locks of its own, so the dependencies one case teaches lockdep do not
 * meet another's.
 */
#include <linux/irq_work.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include "context_kunit.h"

#define NEED_LOCKDEP(test) do {						\
	if (!lockdep_enabled())						\
		kunit_skip(test, "booted with lockdep=off");		\
} while (0)

#define NEED_TWO_CPUS(test) do {					\
	if (num_online_cpus() < 2)					\
		kunit_skip(test, "needs 2 CPUs or more (make ktest SMP=2): only CPU 0 is online"); \
	ctx_pin_to_cpu(0);	/* the cases name CPU 0 (here) and CPU 1 */	\
} while (0)

static int lockdep_test_init(struct kunit *test)
{
	lockdep_reset_debug_locks();
	return 0;
}

static void lockdep_test_exit(struct kunit *test)
{
	/* a case that made its report leaves the validator on for the next */
	lockdep_reset_debug_locks();
}

/* ---- lock order ---------------------------------------------------------- */

static DEFINE_SPINLOCK(abba_a);
static DEFINE_SPINLOCK(abba_b);

/*
 * A then B, later B then A, in one task: never a deadlock in this run,
 * but two CPUs doing one each would be.  Lockdep reports at the second
 * order's inner lock, with the first order's stack.
 */
static void ab_ba_in_one_task(struct kunit *test)
{
	u64 seq = log_seq();

	NEED_LOCKDEP(test);
	kunit_expect_reports(test, "WARNING: possible circular locking dependency detected");
	spin_lock(&abba_a);
	spin_lock(&abba_b);
	spin_unlock(&abba_b);
	spin_unlock(&abba_a);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);

	spin_lock(&abba_b);
	spin_lock(&abba_a);		/* reported here */
	spin_unlock(&abba_a);
	spin_unlock(&abba_b);
	KUNIT_EXPECT_EQ(test, debug_locks, 0);	/* one report, then quiet */

	ctx_expect_log(test, seq, "kunit_try_catch/");
	ctx_expect_log(test, seq, " is trying to acquire lock:");
	ctx_expect_log(test, seq, " (abba_a){+.+.}-{2:2}, at: ab_ba_in_one_task+");
	ctx_expect_log(test, seq, "but task is already holding lock:");
	ctx_expect_log(test, seq, "which lock already depends on the new lock.");
	ctx_expect_log(test, seq, "the existing dependency chain (in reverse order) is:");
	ctx_expect_log(test, seq, "-> #1 (abba_b){+.+.}-{2:2}:");
	ctx_expect_log(test, seq, "-> #0 (abba_a){+.+.}-{2:2}:");
	ctx_expect_log(test, seq, " Possible unsafe locking scenario:");
	ctx_expect_log(test, seq, "       CPU0                    CPU1");
	ctx_expect_log(test, seq, "  lock(abba_b);");
	ctx_expect_log(test, seq, "                               lock(abba_a);");
	ctx_expect_log(test, seq, " *** DEADLOCK ***");
	ctx_expect_log(test, seq, "1 lock held by kunit_try_catch/");
	ctx_expect_log(test, seq, "stack backtrace:");
}

static DEFINE_SPINLOCK(cpus_a);
static DEFINE_SPINLOCK(cpus_b);

/* CPU 1, in the call-function interrupt: B then A. */
static void take_b_then_a(void *unused)
{
	spin_lock(&cpus_b);
	spin_lock(&cpus_a);
	spin_unlock(&cpus_a);
	spin_unlock(&cpus_b);
}

/*
 * The same across two CPUs: this task takes A then B, then CPU 1 takes
 * B then A in an IPI callback.  (The task keeps interrupts off, as the
 * callback does, so the locks are interrupt-safe and the one report is
 * about their order.)
 */
static void ab_ba_across_two_cpus(struct kunit *test)
{
	unsigned long flags;
	u64 seq = log_seq();

	NEED_LOCKDEP(test);
	NEED_TWO_CPUS(test);
	kunit_expect_reports(test, "WARNING: possible circular locking dependency detected");
	spin_lock_irqsave(&cpus_a, flags);
	spin_lock(&cpus_b);
	spin_unlock(&cpus_b);
	spin_unlock_irqrestore(&cpus_a, flags);
	KUNIT_ASSERT_EQ(test, smp_call_function_single(1, take_b_then_a, NULL, 1), 0);
	KUNIT_EXPECT_EQ(test, debug_locks, 0);
	ctx_expect_log(test, seq, "swapper/1/0 is trying to acquire lock:");
	ctx_expect_log(test, seq, " (cpus_a){-...}-{2:2}, at: take_b_then_a+");
	ctx_expect_log(test, seq, "-> #1 (cpus_b){-...}-{2:2}:");
	ctx_expect_log(test, seq, "  lock(cpus_b);");
	ctx_expect_log(test, seq, " *** DEADLOCK ***");
	ctx_expect_log(test, seq, "CPU: 1 PID: 0 Comm: swapper/1");
}

static DEFINE_MUTEX(mutex_a);
static DEFINE_MUTEX(mutex_b);

/* Mutexes are lock classes too: A then B, then B then A. */
static void ab_ba_mutexes(struct kunit *test)
{
	u64 seq = log_seq();

	NEED_LOCKDEP(test);
	kunit_expect_reports(test, "WARNING: possible circular locking dependency detected");
	mutex_lock(&mutex_a);
	mutex_lock(&mutex_b);
	mutex_unlock(&mutex_b);
	mutex_unlock(&mutex_a);
	mutex_lock(&mutex_b);
	mutex_lock(&mutex_a);
	mutex_unlock(&mutex_a);
	mutex_unlock(&mutex_b);
	KUNIT_EXPECT_EQ(test, debug_locks, 0);
	ctx_expect_log(test, seq, " (mutex_a){+.+.}-{3:3}, at: ab_ba_mutexes+");
	ctx_expect_log(test, seq, "-> #1 (mutex_b){+.+.}-{3:3}:");
}

static DEFINE_SPINLOCK(chain_a);
static DEFINE_SPINLOCK(chain_b);
static DEFINE_SPINLOCK(chain_c);

/* A -> B and B -> C known; C then A closes a cycle of three. */
static void abc_cycle_is_found(struct kunit *test)
{
	u64 seq = log_seq();

	NEED_LOCKDEP(test);
	kunit_expect_reports(test, "WARNING: possible circular locking dependency detected");
	spin_lock(&chain_a);
	spin_lock(&chain_b);
	spin_unlock(&chain_b);
	spin_unlock(&chain_a);
	spin_lock(&chain_b);
	spin_lock(&chain_c);
	spin_unlock(&chain_c);
	spin_unlock(&chain_b);
	spin_lock(&chain_c);
	spin_lock(&chain_a);
	spin_unlock(&chain_a);
	spin_unlock(&chain_c);
	ctx_expect_log(test, seq, "-> #2 (chain_c)");
	ctx_expect_log(test, seq, "-> #1 (chain_b)");
	ctx_expect_log(test, seq, "Chain exists of:");
	ctx_expect_log(test, seq, "  chain_a --> chain_b --> chain_c");
}

static DEFINE_SPINLOCK(order_a);
static DEFINE_SPINLOCK(order_b);
static DEFINE_SPINLOCK(order_c);
static DEFINE_MUTEX(order_m);

/* One order, kept every time (A, B, C; and under a mutex): no report. */
static void consistent_order_is_quiet(struct kunit *test)
{
	int i;

	NEED_LOCKDEP(test);
	for (i = 0; i < 3; i++) {
		mutex_lock(&order_m);
		spin_lock(&order_a);
		spin_lock(&order_b);
		spin_lock(&order_c);
		spin_unlock(&order_c);
		spin_unlock(&order_b);
		spin_unlock(&order_a);
		spin_lock(&order_a);	/* skipping one keeps the order */
		spin_lock(&order_c);
		spin_unlock(&order_a);	/* released out of order: fine */
		spin_unlock(&order_c);
		mutex_unlock(&order_m);
	}
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
}

/* ---- interrupt safety ------------------------------------------------------- */

struct irq_lock_test {
	struct irq_work work;
	spinlock_t *lock;
	int ran;
};

static void irq_work_takes_lock(struct irq_work *work)
{
	struct irq_lock_test *t = container_of(work, struct irq_lock_test, work);

	spin_lock(t->lock);
	spin_unlock(t->lock);
	WRITE_ONCE(t->ran, 1);
}

static void take_in_hardirq(struct kunit *test, spinlock_t *lock)
{
	struct irq_lock_test t = { .lock = lock };

	init_irq_work(&t.work, irq_work_takes_lock);
	irq_work_queue(&t.work);
	irq_work_sync(&t.work);
	KUNIT_EXPECT_EQ(test, READ_ONCE(t.ran), 1);
}

static DEFINE_SPINLOCK(irq_unsafe_lock);

/*
 * The spin_lock() vs spin_lock_irqsave() rule: a lock an interrupt
 * handler takes, taken by a task with interrupts on.  Had the interrupt
 * come while the task held it, the handler would spin forever on its own
 * CPU.  Reported when the handler takes it (the second usage).
 */
static void irq_unsafe_lock_is_reported(struct kunit *test)
{
	u64 seq = log_seq();

	NEED_LOCKDEP(test);
	kunit_expect_reports(test, "WARNING: inconsistent lock state");
	spin_lock(&irq_unsafe_lock);
	spin_unlock(&irq_unsafe_lock);
	take_in_hardirq(test, &irq_unsafe_lock);
	KUNIT_EXPECT_EQ(test, debug_locks, 0);
	ctx_expect_log(test, seq, "inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage.");
	ctx_expect_log(test, seq, " [HC1[1]:SC0[0]:HE0:SE1] takes:");
	ctx_expect_log(test, seq, " (irq_unsafe_lock){?.+.}-{2:2}, at: irq_work_takes_lock+");
	ctx_expect_log(test, seq, "{HARDIRQ-ON-W} state was registered at:");
	ctx_expect_log(test, seq, "irq_unsafe_lock_is_reported+");
	/* where the task's interrupts last went off and on, as Linux */
	ctx_expect_log(test, seq, "irq event stamp: ");
	ctx_expect_log(test, seq, "hardirqs last  enabled at (");
	ctx_expect_log(test, seq, "hardirqs last disabled at (");
	ctx_expect_log(test, seq, "       CPU0");
	ctx_expect_log(test, seq, "  lock(irq_unsafe_lock);");
	ctx_expect_log(test, seq, "  <Interrupt>");
	ctx_expect_log(test, seq, "    lock(irq_unsafe_lock);");
	ctx_expect_log(test, seq, " *** DEADLOCK ***");
}

static DEFINE_SPINLOCK(irq_unsafe_late_lock);

/* The other order: the handler first, then a task with interrupts on. */
static void irq_unsafe_lock_reported_either_order(struct kunit *test)
{
	u64 seq = log_seq();

	NEED_LOCKDEP(test);
	kunit_expect_reports(test, "WARNING: inconsistent lock state");
	take_in_hardirq(test, &irq_unsafe_late_lock);
	spin_lock(&irq_unsafe_late_lock);
	spin_unlock(&irq_unsafe_late_lock);
	ctx_expect_log(test, seq, "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.");
	ctx_expect_log(test, seq, "{IN-HARDIRQ-W} state was registered at:");
}

static DEFINE_SPINLOCK(irq_safe_lock);

/* Done right: the task takes it with interrupts off.  No report. */
static void irqsave_lock_is_quiet(struct kunit *test)
{
	unsigned long flags;

	NEED_LOCKDEP(test);
	spin_lock_irqsave(&irq_safe_lock, flags);
	spin_unlock_irqrestore(&irq_safe_lock, flags);
	take_in_hardirq(test, &irq_safe_lock);
	spin_lock_irq(&irq_safe_lock);
	spin_unlock_irq(&irq_safe_lock);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
}

struct softirq_lock_test {
	struct timer_list timer;
	spinlock_t *lock;
	int ran;
};

static void timer_takes_lock(struct timer_list *timer)
{
	struct softirq_lock_test *t = from_timer(t, timer, timer);

	spin_lock(t->lock);
	spin_unlock(t->lock);
	WRITE_ONCE(t->ran, 1);
}

static void take_in_softirq(struct kunit *test, spinlock_t *lock)
{
	struct softirq_lock_test t = { .lock = lock };

	timer_setup(&t.timer, timer_takes_lock, 0);
	mod_timer(&t.timer, jiffies + 1);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(t.ran), 2000));
	del_timer_sync(&t.timer);
}

static DEFINE_SPINLOCK(softirq_unsafe_lock);

/* A timer (softirq) takes it, a task takes it with softirqs on. */
static void softirq_unsafe_lock_is_reported(struct kunit *test)
{
	u64 seq = log_seq();

	NEED_LOCKDEP(test);
	kunit_expect_reports(test, "WARNING: inconsistent lock state");
	take_in_softirq(test, &softirq_unsafe_lock);
	spin_lock(&softirq_unsafe_lock);
	spin_unlock(&softirq_unsafe_lock);
	ctx_expect_log(test, seq, "inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage.");
	ctx_expect_log(test, seq, " [HC0[0]:SC0[0]:HE1:SE1] takes:");
}

static DEFINE_SPINLOCK(softirq_safe_lock);

/* Done right: spin_lock_bh() in the task.  No report. */
static void spin_lock_bh_is_quiet(struct kunit *test)
{
	NEED_LOCKDEP(test);
	take_in_softirq(test, &softirq_safe_lock);
	spin_lock_bh(&softirq_safe_lock);
	spin_unlock_bh(&softirq_safe_lock);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
}

/* ---- one class, two locks ----------------------------------------------------- */

struct node {
	spinlock_t lock;
};

static void node_init(struct node *n)
{
	spin_lock_init(&n->lock);	/* one site: one class for every node */
}

/* Two locks of one class nested, without saying so: reported. */
static void same_class_nesting_is_reported(struct kunit *test)
{
	struct node parent, child;
	u64 seq = log_seq();

	NEED_LOCKDEP(test);
	kunit_expect_reports(test, "WARNING: possible recursive locking detected");
	node_init(&parent);
	node_init(&child);
	spin_lock(&parent.lock);
	spin_lock(&child.lock);
	spin_unlock(&child.lock);
	spin_unlock(&parent.lock);
	ctx_expect_log(test, seq, " (&n->lock){+.+.}-{2:2}, at: same_class_nesting_is_reported+");
	ctx_expect_log(test, seq, "  lock(&n->lock);");
	ctx_expect_log(test, seq, " May be due to missing lock nesting notation");
}

/* The same with spin_lock_nested(): a subclass of its own.  No report. */
static void spin_lock_nested_is_quiet(struct kunit *test)
{
	struct node parent, child;

	NEED_LOCKDEP(test);
	node_init(&parent);
	node_init(&child);
	spin_lock(&parent.lock);
	spin_lock_nested(&child.lock, SINGLE_DEPTH_NESTING);
	spin_unlock(&child.lock);
	spin_unlock(&parent.lock);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
}

/* The same instance twice: the spin lock's own check reports it. */
static DEFINE_SPINLOCK(recursive_lock);

static void recursion_is_reported(struct kunit *test)
{
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: spinlock recursion on CPU#", "BUG: spinlock already unlocked");
	spin_lock(&recursive_lock);
	spin_lock(&recursive_lock);
	spin_unlock(&recursive_lock);
	spin_unlock(&recursive_lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&recursive_lock));
	ctx_expect_log(test, seq, " lock: recursive_lock, .magic: dead4ead, .owner: kunit_try_catch/");
}

static DEFINE_SPINLOCK(outer_lock);

/*
 * A module's locks have their keys in the module's memory: unloading it
 * forgets their classes and dependencies, so the next module loaded at
 * the same address, with other locks, starts afresh.  (Without that,
 * its first X then outer_lock would close a cycle with the unloaded
 * module's outer_lock then X.)
 */
static void unloaded_keys_are_forgotten(struct kunit *test)
{
	struct lock_class_key *mod_mem = kunit_kzalloc(test, 64, GFP_KERNEL);
	spinlock_t x;

	NEED_LOCKDEP(test);
	KUNIT_ASSERT_NOT_NULL(test, mod_mem);
	__raw_spin_lock_init(&x, "first_module_lock", mod_mem);
	spin_lock(&outer_lock);
	spin_lock(&x);
	spin_unlock(&x);
	spin_unlock(&outer_lock);

	lockdep_free_key_range(mod_mem, 64);	/* what rmmod does */
	__raw_spin_lock_init(&x, "second_module_lock", mod_mem);
	spin_lock(&x);
	spin_lock(&outer_lock);
	spin_unlock(&outer_lock);
	spin_unlock(&x);
	KUNIT_EXPECT_EQ(test, debug_locks, 1);
	lockdep_free_key_range(mod_mem, 64);
}

/* The held-lock stack follows the locks, and the tables stay small. */
static void held_locks_and_tables(struct kunit *test)
{
	struct lockdep_stats st;
	DEFINE_SPINLOCK(lock);
	unsigned int depth = current->lockdep_depth;

	NEED_LOCKDEP(test);
	spin_lock(&lock);
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, depth + 1);
	KUNIT_EXPECT_PTR_EQ(test, current->held_locks[depth].instance, &lock.dep_map);
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, current->lockdep_depth, depth);
	lockdep_get_stats(&st);
	kunit_info(test, "%u of %u classes, %u of %u edges, %lu acquisitions validated",
		   st.classes, st.max_classes, st.edges, st.max_edges, st.acquires);
	KUNIT_EXPECT_LT(test, st.classes, st.max_classes);
	KUNIT_EXPECT_LT(test, st.edges, st.max_edges);
}

static struct kunit_case lockdep_cases[] = {
	KUNIT_CASE(ab_ba_in_one_task),
	KUNIT_CASE(ab_ba_across_two_cpus),
	KUNIT_CASE(ab_ba_mutexes),
	KUNIT_CASE(abc_cycle_is_found),
	KUNIT_CASE(consistent_order_is_quiet),
	KUNIT_CASE(irq_unsafe_lock_is_reported),
	KUNIT_CASE(irq_unsafe_lock_reported_either_order),
	KUNIT_CASE(irqsave_lock_is_quiet),
	KUNIT_CASE(softirq_unsafe_lock_is_reported),
	KUNIT_CASE(spin_lock_bh_is_quiet),
	KUNIT_CASE(same_class_nesting_is_reported),
	KUNIT_CASE(spin_lock_nested_is_quiet),
	KUNIT_CASE(recursion_is_reported),
	KUNIT_CASE(unloaded_keys_are_forgotten),
	KUNIT_CASE(held_locks_and_tables),
	{}
};

static struct kunit_suite lockdep_suite = {
	.name = "lockdep",
	.init = lockdep_test_init,
	.exit = lockdep_test_exit,
	.test_cases = lockdep_cases,
};
kunit_test_suite(lockdep_suite);
