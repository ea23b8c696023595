/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/lockdep.h> - the lock validator (kernel/locking/lockdep.c).
 *
 * Spin locks and mutexes tell lockdep each time they are taken and
 * released.  From that it learns, for every lock class (the locks
 * initialised at one place, <linux/lockdep_types.h>):
 *
 *  - which classes were held when it was taken: an edge A -> B in a
 *    graph of classes for "B taken while A held".  An edge that closes a
 *    cycle (B -> A when A -> B is known) is a possible deadlock, even if
 *    the two orders never ran at the same time:
 *	WARNING: possible circular locking dependency detected
 *  - in which contexts it was taken: in a hard interrupt (IN-HARDIRQ),
 *    with interrupts on (HARDIRQ-ON), in a softirq, with softirqs on.  A
 *    class seen both IN-HARDIRQ and HARDIRQ-ON can deadlock a CPU against
 *    itself: an interrupt arrives while the task holds the lock, and the
 *    handler spins on it forever (spin_lock() where spin_lock_irqsave()
 *    was needed):
 *	WARNING: inconsistent lock state
 *	inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage.
 *  - a class taken again while one of its locks is held:
 *	WARNING: possible recursive locking detected
 *
 * As in Linux the first report turns the validator off (debug_locks
 * becomes 0; the held-lock stacks are still kept), so a kernel prints
 * one report, not a flood.  Boot with lockdep=off to skip it entirely.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/lockdep_types.h>

/* 1 while the validator checks (cleared by its first report). */
extern int debug_locks;

#ifdef __KERNEL__
void lockdep_init_map(struct lockdep_map *map, const char *name,
		      const struct lock_class_key *key, int wait_type);
void lock_acquire(struct lockdep_map *map, unsigned int subclass, int trylock,
		  unsigned long ip);
void lock_release(struct lockdep_map *map, unsigned long ip);
bool lockdep_enabled(void);
void lockdep_free_key_range(void *start, unsigned long size);
struct task_struct;
void debug_show_held_locks(struct task_struct *t);
void print_irqtrace_events(struct task_struct *t);
void trace_softirqs_off(unsigned long ip);
void trace_softirqs_on(unsigned long ip);
#else
/* host builds (the unit tests): no validator */
static inline void lockdep_init_map(struct lockdep_map *map, const char *name,
				    const struct lock_class_key *key, int wait_type)
{
	map->name = name;
	map->key = key;
	map->class_cache = NULL;
	map->wait_type = wait_type;
}
static inline void lock_acquire(struct lockdep_map *map, unsigned int subclass,
				int trylock, unsigned long ip) { }
static inline void lock_release(struct lockdep_map *map, unsigned long ip) { }
static inline bool lockdep_enabled(void) { return false; }
static inline void lockdep_free_key_range(void *start, unsigned long size) { }
#endif

/* For tests that cause a report on purpose: validate again afterwards. */
void lockdep_reset_debug_locks(void);

/* What the validator has learnt, for tests and the docs. */
struct lockdep_stats {
	unsigned int classes, max_classes;
	unsigned int edges, max_edges;
	unsigned long acquires;		/* lock_acquire() calls validated */
	unsigned int reports;
};
void lockdep_get_stats(struct lockdep_stats *st);

#define SINGLE_DEPTH_NESTING	1

/*
 * A lock lockdep must leave alone (Linux's name): for tests that take
 * one lock on purpose in every context, where the report they are after
 * is another one (a sleeping call in atomic context, say).
 */
extern struct lock_class_key __lockdep_no_validate__;
#define lockdep_set_novalidate_class(lock) do {				\
	(lock)->dep_map.key = &__lockdep_no_validate__;			\
	(lock)->dep_map.class_cache = NULL;				\
} while (0)

#endif /* _LINUX_LOCKDEP_H */
