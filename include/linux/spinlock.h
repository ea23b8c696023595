/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Spin locks.  On one CPU there is nobody to spin against: what a spin
 * lock really does here is what it does on every CPU of an SMP kernel
 * for the code it protects, make the section atomic:
 *
 *   spin_lock            preemption off (no other task runs here)
 *   spin_lock_bh         and softirqs off (no timer or tasklet runs here)
 *   spin_lock_irq        and interrupts off (no handler runs here)
 *   spin_lock_irqsave    the same, restoring the previous interrupt state
 *
 * Sleeping while holding one is a bug, reported by might_sleep().  The
 * lock word is still kept, so taking a lock twice ("recursion": a certain
 * deadlock on SMP) is reported rather than ignored.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/bottom_half.h>

typedef struct spinlock {
	int locked;
	const char *name;
	void *owner;		/* struct task_struct * of the holder */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)	{ 0, #lockname, NULL }
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define spin_lock_init(lock)	do { *(lock) = (spinlock_t)__SPIN_LOCK_UNLOCKED(lock); } while (0)

void do_raw_spin_lock(spinlock_t *lock);
void do_raw_spin_unlock(spinlock_t *lock);

static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	do_raw_spin_lock(lock);
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

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	do_raw_spin_unlock(lock);
	local_irq_restore(flags);
	preempt_enable();
}

static inline int spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (lock->locked) {
		preempt_enable();
		return 0;
	}
	do_raw_spin_lock(lock);
	return 1;
}

static inline int spin_is_locked(spinlock_t *lock)
{
	return READ_ONCE(lock->locked);
}

#define assert_spin_locked(lock)	BUG_ON(!spin_is_locked(lock))

#endif /* _LINUX_SPINLOCK_H */
