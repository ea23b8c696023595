// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/spinlock.c - the ticket lock and its debug checks.
 *
 * Taking the lock is one locked instruction when it is free: xadd takes
 * the next ticket ("tail") and returns the lock word as it was; if the
 * ticket being served ("head") was that very ticket, the lock is ours.
 * Otherwise the CPU spins, reading head, until the holder's unlock (a
 * plain store: only the holder writes head) reaches its ticket:
 *
 *	 head  tail      CPU 0 holds ticket 0; CPU 1 waits with ticket 1,
 *	+-----+-----+    CPU 2 with ticket 2.  CPU 0's unlock makes head 1:
 *	|  0  |  3  |    CPU 1 goes, then CPU 2.  First come, first served.
 *	+-----+-----+
 *
 * The checks are Linux's CONFIG_DEBUG_SPINLOCK ones, in its words, each
 * followed by the lock, its magic, its owner and the owner's CPU, and a
 * backtrace:
 *
 *	BUG: spinlock bad magic         the lock was never initialised (or
 *	                                was overwritten)
 *	BUG: spinlock recursion         this task already holds it: on SMP
 *	                                it would wait for itself forever
 *	BUG: spinlock cpu recursion     this CPU holds it (another context)
 *	BUG: spinlock lockup suspected  spun for spin_lockup_ms: reported
 *	                                once, then the CPU keeps spinning
 *	BUG: spinlock already unlocked  unlock of a free lock
 *	BUG: spinlock wrong owner       unlock by another task than the holder
 *	BUG: spinlock wrong CPU         unlock on another CPU than the holder's
 *
 * Unlike Linux, which would spin on, a recursive lock is reported and
 * not taken (and the matching extra unlock is reported and ignored), so
 * the kernel goes on, as this kernel does after every report.
 *
 * Before spinning, the lock validator (lockdep.c) sees the acquisition,
 * so a lock-order deadlock is reported even when it really happens.
 *
 * Under a hypervisor the same lock word is taken test-and-set instead:
 * a locker takes the next ticket only when no one holds or waits for the
 * lock (head == tail), and retries otherwise.  A fair lock is slow in a
 * virtual machine: when the holder unlocks, the lock goes to the next
 * ticket even if that waiter's vCPU is not running, and every other CPU
 * spins until the host schedules it again (measured here: the stress
 * suite on 4 vCPUs and 2 host cores did 3 times fewer operations with
 * tickets).  Linux does the same (virt_spin_lock()) when it has no
 * paravirtual locks.  Both ways use one word and one unlock, so they can
 * be mixed: "spinlock=ticket|tas" chooses at boot, and tests switch.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/cache.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/lockdep.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <asm/processor.h>

/*
 * How long a CPU spins before "lockup suspected".  Linux waited about one
 * second; under QEMU's TCG on a loaded host a vCPU holding a lock can be
 * descheduled for a while, so five here.  Tests lower it to provoke the
 * report quickly.
 */
unsigned int spin_lockup_ms = 5000;
EXPORT_SYMBOL(spin_lockup_ms);
/* Lockup reports so far (tests wait for one). */
unsigned long spin_lockup_reports;
EXPORT_SYMBOL(spin_lockup_reports);

/**
 * __raw_spin_lock_init - initialise a spin lock (use spin_lock_init())
 * @lock: the lock
 * @name: shown in reports
 * @key: its lock class (the call site of spin_lock_init())
 *
 * Context: Any context.
 */
void __raw_spin_lock_init(spinlock_t *lock, const char *name,
			  struct lock_class_key *key)
{
	lock->raw_lock.val = 0;
	lock->magic = SPINLOCK_MAGIC;
	lock->owner_cpu = -1;
	lock->owner = SPINLOCK_OWNER_INIT;
	lockdep_init_map(&lock->dep_map, name, key, LD_WAIT_SPIN);
}
EXPORT_SYMBOL(__raw_spin_lock_init);

static const char *lock_name(spinlock_t *lock)
{
	return lock->dep_map.name ? lock->dep_map.name : "?";
}

/* Linux's spin_dump(): the lock, its owner, then a backtrace. */
static void spin_dump(spinlock_t *lock, const char *msg)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	if (owner == SPINLOCK_OWNER_INIT)
		owner = NULL;
	pr_emerg("BUG: spinlock %s on CPU#%u, %s/%d\n", msg,
		 raw_smp_processor_id(), current->comm, current->pid);
	pr_emerg(" lock: %s, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n",
		 lock_name(lock), READ_ONCE(lock->magic),
		 owner ? owner->comm : "<none>", owner ? owner->pid : -1,
		 READ_ONCE(lock->owner_cpu));
	dump_stack();
}

/* Checks before taking; false if the lock must not be taken (recursion). */
static bool debug_spin_lock_before(spinlock_t *lock)
{
	if (unlikely(lock->magic != SPINLOCK_MAGIC)) {
		/* its owner fields mean nothing either: just take it */
		spin_dump(lock, "bad magic");
		return true;
	}
	if (unlikely(READ_ONCE(lock->owner) == current)) {
		spin_dump(lock, "recursion");
		return false;
	}
	if (unlikely(READ_ONCE(lock->owner_cpu) == (int)raw_smp_processor_id())) {
		spin_dump(lock, "cpu recursion");
		return false;
	}
	return true;
}

static inline void debug_spin_lock_after(spinlock_t *lock)
{
	WRITE_ONCE(lock->owner_cpu, (int)raw_smp_processor_id());
	WRITE_ONCE(lock->owner, current);
}

/* Checks before releasing; false if the lock must not be released. */
static bool debug_spin_unlock(spinlock_t *lock)
{
	if (unlikely(lock->magic != SPINLOCK_MAGIC))
		spin_dump(lock, "bad magic");
	if (unlikely(!spin_is_locked(lock))) {
		spin_dump(lock, "already unlocked");
		return false;
	}
	if (unlikely(lock->owner != current))
		spin_dump(lock, "wrong owner");
	else if (unlikely(lock->owner_cpu != (int)raw_smp_processor_id()))
		spin_dump(lock, "wrong CPU");
	WRITE_ONCE(lock->owner, SPINLOCK_OWNER_INIT);
	WRITE_ONCE(lock->owner_cpu, -1);
	return true;
}

/* Test-and-set (true) or ticket (false) locking; see the top. */
bool spin_lock_test_and_set __read_mostly;
EXPORT_SYMBOL(spin_lock_test_and_set);

#ifdef __KERNEL__
static int spin_lock_mode_param = -1;	/* -1: test-and-set under a hypervisor */

static int __init spin_lock_mode_setup(char *str)
{
	if (!strcmp(str, "ticket"))
		spin_lock_mode_param = 0;
	else if (!strcmp(str, "tas"))
		spin_lock_mode_param = 1;
	else
		return -EINVAL;	/* "Malformed boot parameter" */
	return 1;
}
__setup("spinlock=", spin_lock_mode_setup);

/**
 * spin_lock_mode_init - choose ticket or test-and-set locking
 *
 * Test-and-set when CPUID says a hypervisor runs us (leaf 1, ECX bit 31)
 * unless "spinlock=" said otherwise.  Called once on the boot CPU before
 * the other CPUs start; the choice is printed.
 *
 * Context: Boot, one CPU.
 */
void __init spin_lock_mode_init(void)
{
	u32 a, b, c, d;
	bool hypervisor;

	cpuid(1, &a, &b, &c, &d);
	hypervisor = c & (1U << 31);
	if (spin_lock_mode_param >= 0)
		spin_lock_test_and_set = spin_lock_mode_param;
	else
		spin_lock_test_and_set = hypervisor;
	pr_info("spinlock: %s locks%s\n",
		spin_lock_test_and_set ? "test-and-set" : "ticket",
		spin_lock_mode_param >= 0 ? " (spinlock=)" :
		hypervisor ? " (running under a hypervisor)" : "");
}
#endif

/* The lock word if free (head == tail): take the next ticket. */
static __always_inline bool arch_spin_trylock(spinlock_t *lock)
{
	arch_spinlock_t old, new;

	old.val = READ_ONCE(lock->raw_lock.val);
	if (old.head != old.tail)
		return false;
	new.val = old.val + (1U << TICKET_SHIFT);
	return __atomic_compare_exchange_n(&lock->raw_lock.val, &old.val,
					   new.val, false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

/* Is the wait over: our @ticket served, or (test-and-set) the lock ours? */
static __always_inline bool arch_spin_got(spinlock_t *lock, int ticket)
{
	if (ticket < 0)
		return arch_spin_trylock(lock);
	return READ_ONCE(lock->raw_lock.head) == ticket;
}

/*
 * The slow path: wait for @ticket to be served (or, with @ticket -1, for
 * the lock to be free and taken), reporting a suspected lockup once if
 * that takes longer than spin_lockup_ms.
 */
static noinline void arch_spin_wait(spinlock_t *lock, int ticket)
{
#ifdef __KERNEL__
	u64 start = local_clock(), limit = (u64)spin_lockup_ms * 1000000;
	bool reported = false;
	unsigned int n = 0;

	while (!arch_spin_got(lock, ticket)) {
		cpu_relax();
		if (reported || (++n & 1023))
			continue;
		if (local_clock() - start > limit) {
			reported = true;
			spin_dump(lock, "lockup suspected");
			WRITE_ONCE(spin_lockup_reports, spin_lockup_reports + 1);
		}
	}
#else
	while (!arch_spin_got(lock, ticket))
		cpu_relax();
#endif
	/* the loads of the section must not move above the lock */
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
}

static __always_inline void arch_spin_lock(spinlock_t *lock)
{
	arch_spinlock_t old;

	if (READ_ONCE(spin_lock_test_and_set)) {
		if (likely(arch_spin_trylock(lock)))
			return;
		arch_spin_wait(lock, -1);
		return;
	}
	old.val = __atomic_fetch_add(&lock->raw_lock.val, 1U << TICKET_SHIFT,
				     __ATOMIC_ACQUIRE);
	if (likely(old.head == old.tail))
		return;
	arch_spin_wait(lock, old.tail);
}

static __always_inline void __spin_lock(spinlock_t *lock, unsigned int subclass,
					unsigned long ip)
{
	if (!debug_spin_lock_before(lock))
		return;
	lock_acquire(&lock->dep_map, subclass, 0, ip);
	arch_spin_lock(lock);
	debug_spin_lock_after(lock);
}

/**
 * do_raw_spin_lock - take the lock word (spin_lock() and its variants)
 * @lock: the lock
 *
 * Context: Any context; the caller has disabled preemption (and what
 * else its variant disables).
 */
void do_raw_spin_lock(spinlock_t *lock)
{
	__spin_lock(lock, 0, _RET_IP_);
}
EXPORT_SYMBOL(do_raw_spin_lock);

/**
 * do_raw_spin_lock_nested - do_raw_spin_lock() as lockdep subclass @subclass
 * @lock: the lock
 * @subclass: 0 is the lock's own class, 1.. a nested one
 *
 * Context: As do_raw_spin_lock().
 */
void do_raw_spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	__spin_lock(lock, subclass, _RET_IP_);
}
EXPORT_SYMBOL(do_raw_spin_lock_nested);

/**
 * do_raw_spin_trylock - take the lock word if it is free
 * @lock: the lock
 *
 * Return: 1 if taken, 0 if not (quietly: no recursion report).
 * Context: Any context, preemption disabled.
 */
int do_raw_spin_trylock(spinlock_t *lock)
{
	if (!arch_spin_trylock(lock))
		return 0;
	if (unlikely(lock->magic != SPINLOCK_MAGIC))
		spin_dump(lock, "bad magic");
	lock_acquire(&lock->dep_map, 0, 1, _RET_IP_);
	debug_spin_lock_after(lock);
	return 1;
}
EXPORT_SYMBOL(do_raw_spin_trylock);

/**
 * do_raw_spin_unlock - release the lock word
 * @lock: a lock this task holds
 *
 * Context: Any context, by the holder.
 */
void do_raw_spin_unlock(spinlock_t *lock)
{
	if (!debug_spin_unlock(lock))
		return;
	lock_release(&lock->dep_map, _RET_IP_);
	/* serve the next ticket: a release store, only the holder writes head */
	__atomic_store_n(&lock->raw_lock.head, (u16)(lock->raw_lock.head + 1),
			 __ATOMIC_RELEASE);
}
EXPORT_SYMBOL(do_raw_spin_unlock);
