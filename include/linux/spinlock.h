/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spin locks.  A CPU that finds the lock taken spins (busy-waits) until
 * its holder, on another CPU, lets it go; so a spin lock is held briefly
 * and never across a sleep.  What each variant also switches off on this
 * CPU, so that nothing here can take the lock again under the holder:
 *
 *   spin_lock            preemption (no other task runs here)
 *   spin_lock_bh         and softirqs (no timer or tasklet runs here)
 *   spin_lock_irq        and interrupts (no handler runs here)
 *   spin_lock_irqsave    the same, restoring the previous interrupt state
 *
 * The lock word is a ticket lock (kernel/locking/spinlock.c): a locker
 * takes the next ticket with one locked instruction and waits until the
 * "now serving" number reaches it, so CPUs get the lock in the order
 * they asked.  Around it sit the checks of Linux's CONFIG_DEBUG_SPINLOCK
 * (a magic number, the owner and its CPU: recursion, lockup, unlocking a
 * free lock or someone else's) and the lock validator (<linux/lockdep.h>:
 * lock order and interrupt safety).
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>
#include <linux/lockdep_types.h>

/*
 * The ticket lock: "head" is the ticket being served, "tail" the next one
 * handed out; free when they are equal.  Little-endian: head is the low
 * half of val, so adding 1 << 16 to val takes a ticket.
 */
typedef struct {
	union {
		u32 val;
		struct {
			u16 head;
			u16 tail;
		};
	};
} arch_spinlock_t;

#define TICKET_SHIFT	16
#define SPINLOCK_MAGIC	0xdead4ead
#define SPINLOCK_OWNER_INIT	((void *)-1L)

/* true: locks are taken test-and-set, not in ticket order (spinlock.c) */
extern bool spin_lock_test_and_set;
void spin_lock_mode_init(void);

typedef struct spinlock {
	arch_spinlock_t raw_lock;
	unsigned int magic;		/* SPINLOCK_MAGIC once initialised */
	int owner_cpu;			/* -1 when free */
	void *owner;			/* struct task_struct * of the holder */
	struct lockdep_map dep_map;
} spinlock_t;

#define __SPIN_LOCK_INIT(lockname, key) {				\
	.raw_lock = { { 0 } },						\
	.magic = SPINLOCK_MAGIC,					\
	.owner_cpu = -1,						\
	.owner = SPINLOCK_OWNER_INIT,					\
	.dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, key, LD_WAIT_SPIN) }
#define __SPIN_LOCK_UNLOCKED(lockname)					\
	(spinlock_t)__SPIN_LOCK_INIT(lockname, __LOCKDEP_SITE_KEY(lockname))
#define DEFINE_SPINLOCK(x)						\
	spinlock_t x = __SPIN_LOCK_INIT(x, __LOCKDEP_SITE_KEY(x))

void __raw_spin_lock_init(spinlock_t *lock, const char *name,
			  struct lock_class_key *key);
/* One class per call site of spin_lock_init(), as Linux. */
#define spin_lock_init(lock) do {					\
	static struct lock_class_key __key;				\
	__raw_spin_lock_init((lock), #lock, &__key);			\
} while (0)

/* Spin this long before "BUG: spinlock lockup suspected" (tests lower it). */
extern unsigned int spin_lockup_ms;
extern unsigned long spin_lockup_reports;

void do_raw_spin_lock(spinlock_t *lock);
void do_raw_spin_lock_nested(spinlock_t *lock, unsigned int subclass);
int do_raw_spin_trylock(spinlock_t *lock);
void do_raw_spin_unlock(spinlock_t *lock);

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock);
}

/*
 * spin_lock_nested - take a second lock of a class already held
 * @subclass: 1.. (SINGLE_DEPTH_NESTING): a class of its own for lockdep
 *
 * For code that nests two locks of one class in a fixed order (a parent
 * and a child of the same kind): without it lockdep reports "possible
 * recursive locking detected".
 */
static inline void spin_lock_nested(spinlock_t *lock, unsigned int subclass)
{
	preempt_disable();
	do_raw_spin_lock_nested(lock, subclass);
}

static inline void spin_unlock(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	preempt_enable();
}

static inline void spin_lock_bh(spinlock_t *lock)
{
	local_bh_disable();
	do_raw_spin_lock(lock);
}

static inline void spin_unlock_bh(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_bh_enable();
}

static inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	do_raw_spin_lock(lock);
}

static inline void spin_unlock_irq(spinlock_t *lock)
{
	do_raw_spin_unlock(lock);
	local_irq_enable();
	preempt_enable();
}

#define spin_lock_irqsave(lock, flags) do {				\
	local_irq_save(flags);						\
	preempt_disable();						\
	do_raw_spin_lock(lock);						\
} while (0)

#define spin_lock_irqsave_nested(lock, flags, subclass) do {		\
	local_irq_save(flags);						\
	preempt_disable();						\
	do_raw_spin_lock_nested(lock, subclass);			\
} while (0)

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

static inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (do_raw_spin_trylock(lock))
		return 1;
	preempt_enable();
	return 0;
}

#define spin_trylock_irqsave(lock, flags) ({				\
	local_irq_save(flags);						\
	spin_trylock(lock) ? 1 : ({ local_irq_restore(flags); 0; });	\
})

static inline int spin_is_locked(spinlock_t *lock)
{
	arch_spinlock_t v = { { READ_ONCE(lock->raw_lock.val) } };

	return v.head != v.tail;
}

/* Is another CPU waiting for it (a ticket handed out after the holder's)? */
static inline int spin_is_contended(spinlock_t *lock)
{
	arch_spinlock_t v = { { READ_ONCE(lock->raw_lock.val) } };

	return (u16)(v.tail - v.head) > 1;
}

#define assert_spin_locked(lock)	BUG_ON(!spin_is_locked(lock))

#endif /* _LINUX_SPINLOCK_H */
