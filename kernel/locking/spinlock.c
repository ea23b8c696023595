// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/locking/spinlock.c - the lock word of a spin lock.
 *
 * With one CPU and the section already atomic (see <linux/spinlock.h>),
 * finding the lock taken can only mean this CPU took it and did not give
 * it back: on SMP that spins forever.  It is reported instead, once per
 * lock, and the kernel goes on.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/spinlock.h>

void do_raw_spin_lock(spinlock_t *lock)
{
	/* a minimal real spin (SMP allocators); the spinlock work replaces it */
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE)) {
		struct task_struct *owner = READ_ONCE(lock->owner);

		if (owner != current && num_online_cpus() > 1) {
			__builtin_ia32_pause();
			continue;
		}
		pr_err("BUG: spinlock recursion on CPU#%u, %s/%d\n",
		       raw_smp_processor_id(), current->comm, current->pid);
		pr_err(" lock: %s, .owner: %s/%d\n", lock->name ? lock->name : "?",
		       owner ? owner->comm : "<none>", owner ? owner->pid : -1);
		dump_stack();
		break;
	}
	lock->owner = current;
}
EXPORT_SYMBOL(do_raw_spin_lock);

void do_raw_spin_unlock(spinlock_t *lock)
{
	if (unlikely(!lock->locked)) {
		pr_err("BUG: spinlock already unlocked on CPU#0, %s/%d\n",
		       current->comm, current->pid);
		pr_err(" lock: %s\n", lock->name ? lock->name : "?");
		dump_stack();
	}
	lock->owner = NULL;
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}
EXPORT_SYMBOL(do_raw_spin_unlock);
