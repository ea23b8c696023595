// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/locking/: spin locks (what they switch off, the lock
 * word, the recursion and double-unlock reports) and mutexes (a taken
 * mutex puts the next locker to sleep; unlock hands it to the first
 * waiter, in FIFO order; only the owner may unlock; mutex_lock is a
 * sleeping function).
 */
#include <linux/delay.h>
#include <linux/mutex.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include "context_kunit.h"

/* ---- spin locks ---------------------------------------------------------------------- */

static void spin_lock_word_and_trylock(struct kunit *test)
{
	spinlock_t lock;
	int again;

	spin_lock_init(&lock);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
	spin_lock(&lock);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_PTR_EQ(test, lock.owner, (void *)current);
	/* taken: trylock fails quietly, and leaves the count alone */
	again = spin_trylock(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, again, 0);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);

	KUNIT_EXPECT_EQ(test, spin_trylock(&lock), 1);
	KUNIT_EXPECT_TRUE(test, spin_is_locked(&lock));
	KUNIT_EXPECT_EQ(test, preempt_count(), 1);
	spin_unlock(&lock);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
}

struct spinner {
	volatile unsigned long count;
};

static int spin_until_stopped(void *data)
{
	struct spinner *s = data;

	while (!kthread_should_stop())
		s->count++;
	return 0;
}

/*
 * Holding a spin lock, a task is not preempted, however long it holds
 * it (which is why it must hold it briefly): a CPU-bound thread waiting
 * to run gets nothing until the unlock, and then gets the CPU at once.
 */
static void spin_lock_prevents_preemption(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	struct spinner s = {};
	struct task_struct *t;
	unsigned long c0, c1, c2, nivcsw0, nivcsw1;

	/* a case about one CPU: the spinner waits for this one */
	t = ctx_thread_run_on(test, spin_until_stopped, &s, "lock_spinner",
			      ctx_pin_this_cpu());
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(s.count != 0, 1000));
	spin_lock(&lock);
	c0 = s.count;
	nivcsw0 = current->nivcsw;
	mdelay(3 * SCHED_TIME_SLICE_TICKS * 1000 / HZ);	/* three slices */
	c1 = s.count;
	nivcsw1 = current->nivcsw;
	KUNIT_EXPECT_TRUE(test, need_resched());	/* asked, not granted */
	spin_unlock(&lock);	/* preempt_enable(): switches right here */
	c2 = s.count;
	KUNIT_EXPECT_EQ(test, c1, c0);
	KUNIT_EXPECT_EQ(test, nivcsw1, nivcsw0);
	KUNIT_EXPECT_GT(test, c2, c1);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	ctx_unpin();
}

static DEFINE_SPINLOCK(test_recursive_lock);

/* Taking a spin lock one holds: a deadlock on SMP, reported here. */
static void spinlock_recursion_is_reported(struct kunit *test)
{
	char line[96];
	u64 seq = log_seq();
	int count;

	kunit_expect_reports(test, "BUG: spinlock recursion", "BUG: spinlock already unlocked");
	ctx_pin_this_cpu();	/* the report names the CPU it happened on */
	spin_lock(&test_recursive_lock);
	spin_lock(&test_recursive_lock);
	count = preempt_count();
	spin_unlock(&test_recursive_lock);
	spin_unlock(&test_recursive_lock);	/* already unlocked: reported */
	KUNIT_EXPECT_EQ(test, count, 2);
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&test_recursive_lock));

	snprintf(line, sizeof(line), "BUG: spinlock recursion on CPU#%u, kunit_try_catch/%d",
		 raw_smp_processor_id(), current->pid);
	ctx_expect_log(test, seq, line);
	snprintf(line, sizeof(line),
		 " lock: test_recursive_lock, .magic: dead4ead, .owner: kunit_try_catch/%d, .owner_cpu: %u",
		 current->pid, raw_smp_processor_id());
	ctx_expect_log(test, seq, line);
	snprintf(line, sizeof(line),
		 "BUG: spinlock already unlocked on CPU#%u, kunit_try_catch/%d",
		 raw_smp_processor_id(), current->pid);
	ctx_expect_log(test, seq, line);
}

/* Each variant undoes exactly what it did. */
static void spin_lock_variants_restore_state(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	unsigned long flags;
	bool off;

	spin_lock_irq(&lock);
	spin_unlock_irq(&lock);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	spin_lock_bh(&lock);
	spin_unlock_bh(&lock);
	spin_lock_irqsave(&lock, flags);
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, preempt_count(), 0);

	/* nested in an irqs-off section, irqrestore keeps them off */
	local_irq_disable();
	spin_lock_irqsave(&lock, flags);
	spin_unlock_irqrestore(&lock, flags);
	off = irqs_disabled();
	local_irq_enable();
	KUNIT_EXPECT_TRUE(test, off);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));
}

/* ---- spin locks on two CPUs ------------------------------------------------------- */

#define NEED_TWO_CPUS(test) do {					\
	if (num_online_cpus() < 2)					\
		kunit_skip(test, "needs 2 CPUs or more (make ktest SMP=2): only CPU 0 is online"); \
	ctx_pin_to_cpu(0);	/* the cases name CPU 0 (here) and CPU 1 */	\
} while (0)

#define CONTENTION_LOOPS	200000UL

struct contention {
	spinlock_t lock;
	bool use_lock;
	volatile unsigned long counter;
	int started, go, done;		/* the other CPU's progress */
};

/* counter++ CONTENTION_LOOPS times: read, add, write, under the lock or not. */
static void contention_loop(struct contention *c)
{
	unsigned long i;

	for (i = 0; i < CONTENTION_LOOPS; i++) {
		if (c->use_lock)
			spin_lock(&c->lock);
		c->counter = c->counter + 1;
		if (c->use_lock)
			spin_unlock(&c->lock);
	}
}

/* CPU 1, in the call-function interrupt: wait for the go, then count. */
static void contention_remote(void *info)
{
	struct contention *c = info;

	WRITE_ONCE(c->started, 1);
	while (!READ_ONCE(c->go))
		cpu_relax();
	contention_loop(c);
	__atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
}

/*
 * CPU 0 (this task, interrupts off as the other side has them: the
 * lock is taken in hard-interrupt context there) and CPU 1 (an IPI
 * callback) each add one CONTENTION_LOOPS times; returns the final count.
 */
static unsigned long contend(struct kunit *test, bool use_lock)
{
	struct contention *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	unsigned long flags;

	KUNIT_ASSERT_NOT_NULL(test, c);
	spin_lock_init(&c->lock);
	c->use_lock = use_lock;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(1, contention_remote, c, 0), 0);
	KUNIT_ASSERT_TRUE(test, ctx_wait_until(READ_ONCE(c->started), 5000));
	local_irq_save(flags);
	WRITE_ONCE(c->go, 1);
	contention_loop(c);
	local_irq_restore(flags);
	/* a loaded host can make the hand-offs slow (seen: 42 s): be patient */
	KUNIT_ASSERT_TRUE(test, ctx_wait_until(__atomic_load_n(&c->done, __ATOMIC_ACQUIRE),
					       300000));
	return c->counter;
}

/*
 * Two CPUs, one counter, a spin lock: not one update lost, whichever way
 * the lock word is taken (ticket order or test-and-set, spinlock.c).
 */
static void spin_lock_contention_two_cpus(struct kunit *test)
{
	bool saved = spin_lock_test_and_set;
	unsigned long total;
	int tas;
	u64 t;

	NEED_TWO_CPUS(test);
	for (tas = 0; tas <= 1; tas++) {
		WRITE_ONCE(spin_lock_test_and_set, tas);
		t = local_clock();
		total = contend(test, true);
		t = local_clock() - t;
		kunit_info(test, "%s: %lu of %lu updates kept in %llu ms",
			   tas ? "test-and-set" : "ticket", total,
			   2 * CONTENTION_LOOPS, t / 1000000);
		KUNIT_EXPECT_EQ(test, total, 2 * CONTENTION_LOOPS);
	}
	WRITE_ONCE(spin_lock_test_and_set, saved);
}

#define ORDER_ROUNDS	20

struct ticket_order {
	spinlock_t lock;
	int go[3];		/* the round each of CPUs 1 and 2 may start */
	int order[2], n, done, stop;
};

/* On CPU 1 and CPU 2: in each round, when told, take the lock and sign in. */
static int take_and_sign(void *data)
{
	struct ticket_order *o = data;
	int cpu = raw_smp_processor_id(), round;

	for (round = 1; round <= ORDER_ROUNDS; round++) {
		while (READ_ONCE(o->go[cpu]) < round)
			if (READ_ONCE(o->stop))
				return 0;
			else
				cpu_relax();
		spin_lock(&o->lock);
		o->order[o->n++] = cpu;
		spin_unlock(&o->lock);
		__atomic_add_fetch(&o->done, 1, __ATOMIC_RELEASE);
	}
	return 0;
}

/* Spin (holding the lock) until @tail tickets are out: 5 s at most. */
static bool wait_for_tail(struct ticket_order *o, u16 tail)
{
	u64 end = local_clock() + 5000000000ULL;

	while (READ_ONCE(o->lock.raw_lock.tail) != tail)
		if (local_clock() > end)
			return false;
	return true;
}

/*
 * The ticket lock is fair: CPU 0 holds the lock, CPU 1 starts waiting,
 * then CPU 2; at the unlock CPU 1 gets it first, in every round.  (With
 * test-and-set the order would be whoever tries first after the unlock.)
 */
static void ticket_lock_serves_in_arrival_order(struct kunit *test)
{
	struct ticket_order *o = kunit_kzalloc(test, sizeof(*o), GFP_KERNEL);
	bool saved = spin_lock_test_and_set;
	struct task_struct *t[3];
	int round, cpu, in_order = 0;
	u16 head;

	if (num_online_cpus() < 3)
		kunit_skip(test, "needs 3 CPUs or more (make ktest SMP=4)");
	ctx_pin_to_cpu(0);
	KUNIT_ASSERT_NOT_NULL(test, o);
	spin_lock_init(&o->lock);
	for (cpu = 1; cpu <= 2; cpu++) {
		t[cpu] = kthread_create_on_cpu(take_and_sign, o, cpu, "ticket/%u");
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[cpu]));
		wake_up_process(t[cpu]);
	}
	WRITE_ONCE(spin_lock_test_and_set, false);
	for (round = 1; round <= ORDER_ROUNDS; round++) {
		o->n = 0;
		WRITE_ONCE(o->done, 0);
		spin_lock(&o->lock);
		head = o->lock.raw_lock.head;
		WRITE_ONCE(o->go[1], round);
		if (wait_for_tail(o, head + 2)) {
			WRITE_ONCE(o->go[2], round);
			wait_for_tail(o, head + 3);
		}
		spin_unlock(&o->lock);
		if (!ctx_wait_until(__atomic_load_n(&o->done, __ATOMIC_ACQUIRE) == 2,
				    10000))
			break;
		if (o->order[0] == 1 && o->order[1] == 2)
			in_order++;
	}
	WRITE_ONCE(spin_lock_test_and_set, saved);
	WRITE_ONCE(o->stop, 1);
	for (cpu = 1; cpu <= 2; cpu++)
		kthread_stop(t[cpu]);
	KUNIT_EXPECT_EQ(test, round, ORDER_ROUNDS + 1);
	KUNIT_EXPECT_EQ(test, in_order, ORDER_ROUNDS);
}

/*
 * The same without the lock loses updates (two read-add-writes overlap),
 * which shows the test above could fail.  Skipped in the unlikely run
 * where the two CPUs never overlapped (the host did not run both vCPU
 * threads at once).
 */
static void unlocked_counter_loses_updates(struct kunit *test)
{
	unsigned long total = 0;
	int tries;

	NEED_TWO_CPUS(test);
	/* the host may not run both vCPUs at once every time: a few tries */
	for (tries = 0; tries < 5; tries++) {
		total = contend(test, false);
		if (total < 2 * CONTENTION_LOOPS)
			break;
	}
	kunit_info(test, "without the lock: %lu of %lu updates kept", total,
		   2 * CONTENTION_LOOPS);
	if (total == 2 * CONTENTION_LOOPS)
		kunit_skip(test, "the two CPUs never overlapped in 5 tries");
	KUNIT_EXPECT_LT(test, total, 2 * CONTENTION_LOOPS);
}

struct lockup_test {
	spinlock_t lock;
	unsigned long reports_before;
	int held, released;
};

/* CPU 1 holds the lock until CPU 0 has reported the lockup (at most 10 s). */
static void hold_until_reported(void *info)
{
	struct lockup_test *l = info;
	u64 end = local_clock() + 10000000000ULL;

	spin_lock(&l->lock);
	WRITE_ONCE(l->held, 1);
	while (READ_ONCE(spin_lockup_reports) == l->reports_before &&
	       local_clock() < end)
		cpu_relax();
	spin_unlock(&l->lock);
	WRITE_ONCE(l->released, 1);
}

/*
 * A lock held too long by another CPU: the spinner reports a suspected
 * lockup once, in Linux's words, then gets the lock when it is let go.
 */
static void spinlock_lockup_is_reported(struct kunit *test)
{
	struct lockup_test *l = kunit_kzalloc(test, sizeof(*l), GFP_KERNEL);
	unsigned int saved = spin_lockup_ms;
	unsigned long flags;
	char line[96];
	u64 seq = log_seq();

	NEED_TWO_CPUS(test);
	KUNIT_ASSERT_NOT_NULL(test, l);
	kunit_expect_reports(test, "BUG: spinlock lockup suspected on CPU#0");
	spin_lock_init(&l->lock);
	l->reports_before = READ_ONCE(spin_lockup_reports);
	KUNIT_ASSERT_EQ(test, smp_call_function_single(1, hold_until_reported, l, 0), 0);
	KUNIT_ASSERT_TRUE(test, ctx_wait_until(READ_ONCE(l->held), 5000));
	spin_lockup_ms = 100;
	spin_lock_irqsave(&l->lock, flags);	/* the holder runs in hard irq */
	spin_unlock_irqrestore(&l->lock, flags);
	spin_lockup_ms = saved;
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(l->released), 5000));
	KUNIT_EXPECT_EQ(test, READ_ONCE(spin_lockup_reports), l->reports_before + 1);
	snprintf(line, sizeof(line), "BUG: spinlock lockup suspected on CPU#0, kunit_try_catch/%d",
		 current->pid);
	ctx_expect_log(test, seq, line);
	ctx_expect_log(test, seq, " lock: &l->lock, .magic: dead4ead, .owner: swapper/1/0, .owner_cpu: 1");
}

/* Unlocking a lock one does not hold, and one never initialised. */
static void spinlock_wrong_owner_and_bad_magic(struct kunit *test)
{
	spinlock_t *zeroed = kunit_kzalloc(test, sizeof(*zeroed), GFP_KERNEL);
	DEFINE_SPINLOCK(lock);
	u64 seq = log_seq();
	void *owner;

	KUNIT_ASSERT_NOT_NULL(test, zeroed);
	kunit_expect_reports(test, "BUG: spinlock wrong owner", "BUG: spinlock bad magic");
	spin_lock(&lock);
	owner = lock.owner;
	lock.owner = &owner;		/* as if another task had taken it */
	spin_unlock(&lock);
	KUNIT_EXPECT_PTR_EQ(test, owner, (void *)current);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock));

	spin_lock(zeroed);		/* never spin_lock_init()ed */
	spin_unlock(zeroed);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(zeroed));
	ctx_expect_log(test, seq, ".magic: 00000000");
}

/* ---- mutexes -------------------------------------------------------------------------- */

struct locker {
	struct mutex *m;
	int id;
	int *order;		/* each locker appends its id, under the mutex */
	int *n;
	bool acquired;
};

static int lock_and_record(void *data)
{
	struct locker *l = data;

	mutex_lock(l->m);
	WRITE_ONCE(l->acquired, true);
	if (l->order)
		l->order[(*l->n)++] = l->id;
	mutex_unlock(l->m);
	return 0;
}

/* Is @t asleep waiting for a mutex? */
static bool blocked_on_mutex(struct task_struct *t)
{
	return READ_ONCE(t->__state) == TASK_UNINTERRUPTIBLE && READ_ONCE(t->wchan);
}

static void mutex_blocks_second_locker(struct kunit *test)
{
	struct mutex m;
	struct locker l = { .m = &m };
	struct task_struct *t, *owner_after_unlock;
	/* the waiter on this CPU: it cannot run while preemption is off here */
	unsigned int cpu = ctx_pin_this_cpu();

	mutex_init(&m);
	mutex_lock(&m);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m));
	t = kthread_create(lock_and_record, &l, "mutex_waiter");
	if (IS_ERR(t)) {
		mutex_unlock(&m);
		KUNIT_FAIL(test, "kthread_create failed");
		return;
	}
	kthread_bind(t, cpu);
	wake_up_process(t);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(blocked_on_mutex(t), 1000));
	msleep(20);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(l.acquired));
	KUNIT_EXPECT_TRUE(test, blocked_on_mutex(t));

	/* unlock hands the mutex over: the waiter owns it before it runs */
	preempt_disable();
	mutex_unlock(&m);
	owner_after_unlock = READ_ONCE(m.owner);
	preempt_enable();
	KUNIT_EXPECT_PTR_EQ(test, owner_after_unlock, t);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_TRUE(test, l.acquired);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	ctx_unpin();
}

/*
 * Three sleepers get the mutex in the order they asked for it.  All on
 * this CPU: with preemption off here none of them can run between the
 * unlock and the trylock (on another CPU all three could have taken and
 * released it meanwhile, and the trylock would rightly succeed).
 */
static void mutex_handoff_is_fifo(struct kunit *test)
{
	struct locker l[3];
	struct task_struct *t[3];
	struct mutex m;
	int order[3] = { 0 }, n = 0, i, started = 0, overtook;
	unsigned int cpu = ctx_pin_this_cpu();

	mutex_init(&m);
	mutex_lock(&m);
	for (i = 0; i < 3; i++) {
		l[i] = (struct locker){ .m = &m, .id = i + 1, .order = order, .n = &n };
		t[i] = kthread_create(lock_and_record, &l[i], "mutex_fifo/%d", i + 1);
		if (IS_ERR(t[i]))
			break;
		kthread_bind(t[i], cpu);
		wake_up_process(t[i]);
		started++;
		/* queue them one at a time, in a known order */
		KUNIT_EXPECT_TRUE(test, ctx_wait_until(blocked_on_mutex(t[i]), 1000));
	}
	/* nobody overtakes the sleepers, not even the unlocker */
	preempt_disable();
	mutex_unlock(&m);
	overtook = mutex_trylock(&m);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, overtook, 0);
	if (overtook)
		mutex_unlock(&m);
	for (i = 0; i < started; i++)
		KUNIT_EXPECT_EQ(test, kthread_stop(t[i]), 0);
	ctx_unpin();
	KUNIT_ASSERT_EQ(test, started, 3);
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_EQ(test, order[0], 1);
	KUNIT_EXPECT_EQ(test, order[1], 2);
	KUNIT_EXPECT_EQ(test, order[2], 3);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

static int trylock_from_thread(void *data)
{
	return mutex_trylock(data);
}

static void mutex_trylock_works(struct kunit *test)
{
	struct task_struct *t;
	struct mutex m;
	u64 seq = log_seq();

	mutex_init(&m);
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 1);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	/* taken: 0 without sleeping, from the owner or anyone else */
	KUNIT_EXPECT_EQ(test, mutex_trylock(&m), 0);
	t = ctx_thread_run(test, trylock_from_thread, &m, "mutex_try");
	msleep(10);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
	ctx_expect_no_log(test, seq, "WARNING:");
}

static int unlock_foreign_mutex(void *data)
{
	mutex_unlock(data);
	return 0;
}

/* Only the owner unlocks: anyone else gets a WARNING and changes nothing. */
static void mutex_unlock_by_non_owner_warns(struct kunit *test)
{
	struct task_struct *t;
	struct mutex m;
	char line[128];
	pid_t pid;
	u64 seq;

	kunit_expect_reports(test, "WARNING:");
	mutex_init(&m);
	mutex_lock(&m);
	seq = log_seq();
	/* on a CPU known in advance: the report names it */
	t = ctx_thread_run_on(test, unlock_foreign_mutex, &m, "mutex_thief", 0);
	pid = t->pid;
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(READ_ONCE(t->__state) == TASK_DEAD, 1000));
	KUNIT_EXPECT_EQ(test, kthread_stop(t), 0);
	KUNIT_EXPECT_PTR_EQ(test, m.owner, current);
	ctx_expect_log(test, seq, "------------[ cut here ]------------");
	snprintf(line, sizeof(line), "WARNING: CPU: 0 PID: %d at kernel/locking/mutex.c:", pid);
	ctx_expect_log(test, seq, line);
	snprintf(line, sizeof(line), "unlocked by mutex_thief/%d, but owned by kunit_try_catch",
		 pid);
	ctx_expect_log(test, seq, line);
	mutex_unlock(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));

	/* unlocking a free mutex is the same mistake */
	seq = log_seq();
	mutex_unlock(&m);
	ctx_expect_log(test, seq, "but owned by nobody");
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m));
}

/* mutex_lock() may sleep: under a spin lock it is reported, free or not. */
static void mutex_lock_in_atomic_is_reported(struct kunit *test)
{
	DEFINE_SPINLOCK(lock);
	struct mutex m;
	char line[128];
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: sleeping function called");
	mutex_init(&m);
	spin_lock(&lock);
	mutex_lock(&m);
	spin_unlock(&lock);
	mutex_unlock(&m);
	ctx_expect_log(test, seq,
		       "BUG: sleeping function called from invalid context at kernel/locking/mutex.c:");
	snprintf(line, sizeof(line),
		 "in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: %d, name: kunit_try_catch",
		 current->pid);
	ctx_expect_log(test, seq, line);
	ctx_expect_log(test, seq, "preempt_count: 1, expected: 0");
}

struct counter_test {
	struct mutex lock;
	unsigned long value;
	unsigned int contended;	/* lockers that found it taken */
};

#define COUNTER_LOOPS	50

static int add_slowly(void *data)
{
	struct counter_test *c = data;
	unsigned long v;
	int i;

	for (i = 0; i < COUNTER_LOOPS; i++) {
		if (mutex_is_locked(&c->lock))
			c->contended++;
		mutex_lock(&c->lock);
		v = c->value;
		udelay(2000);	/* 100 ms in all: more than a slice */
		c->value = v + 1;
		mutex_unlock(&c->lock);
	}
	return 0;
}

/*
 * Two threads doing read, wait, write: preempted inside the section
 * (they are, every slice), the mutex still lets no update be lost.
 */
static void mutex_serializes_preempted_threads(struct kunit *test)
{
	struct counter_test c = { .value = 0 };
	struct task_struct *a, *b;
	unsigned long preemptions;

	mutex_init(&c.lock);
	/* both on one CPU: each is preempted inside the section */
	a = ctx_thread_run_on(test, add_slowly, &c, "mutex_add_a", 0);
	b = kthread_create(add_slowly, &c, "mutex_add_b");
	if (IS_ERR(b)) {
		kthread_stop(a);
		KUNIT_FAIL(test, "kthread_create failed");
		return;
	}
	kthread_bind(b, 0);
	wake_up_process(b);
	KUNIT_EXPECT_TRUE(test, ctx_wait_until(
		READ_ONCE(a->__state) == TASK_DEAD && READ_ONCE(b->__state) == TASK_DEAD,
		2000));
	preemptions = a->nivcsw + b->nivcsw;
	KUNIT_EXPECT_EQ(test, kthread_stop(a), 0);
	KUNIT_EXPECT_EQ(test, kthread_stop(b), 0);
	KUNIT_EXPECT_EQ(test, c.value, 2UL * COUNTER_LOOPS);
	/* they really were preempted and really did wait for each other */
	KUNIT_EXPECT_GT(test, preemptions, 0UL);
	KUNIT_EXPECT_GT(test, c.contended, 0U);
}

static struct kunit_case locking_cases[] = {
	KUNIT_CASE(spin_lock_word_and_trylock),
	KUNIT_CASE(spin_lock_prevents_preemption),
	KUNIT_CASE(spin_lock_contention_two_cpus),
	KUNIT_CASE(ticket_lock_serves_in_arrival_order),
	KUNIT_CASE(unlocked_counter_loses_updates),
	KUNIT_CASE(spinlock_lockup_is_reported),
	KUNIT_CASE(spinlock_wrong_owner_and_bad_magic),
	KUNIT_CASE(spinlock_recursion_is_reported),
	KUNIT_CASE(spin_lock_variants_restore_state),
	KUNIT_CASE(mutex_blocks_second_locker),
	KUNIT_CASE(mutex_handoff_is_fifo),
	KUNIT_CASE(mutex_trylock_works),
	KUNIT_CASE(mutex_unlock_by_non_owner_warns),
	KUNIT_CASE(mutex_lock_in_atomic_is_reported),
	KUNIT_CASE(mutex_serializes_preempted_threads),
	{}
};

static struct kunit_suite locking_suite = {
	.name = "locking",
	.test_cases = locking_cases,
};
kunit_test_suite(locking_suite);
