/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The types the lock validator (kernel/locking/lockdep.c) puts into every
 * lock and every task, kept apart from <linux/lockdep.h> so that
 * <linux/spinlock.h> and <linux/sched.h> can include them cheaply.
 *
 * A lock class is what lockdep reasons about: not one lock, but every
 * lock initialised at the same place in the source.  The place is named
 * by a key whose address is unique to it, as in Linux: spin_lock_init()
 * and mutex_init() declare a static struct lock_class_key at their call
 * site; DEFINE_SPINLOCK() and DEFINE_MUTEX() use a string literal made of
 * the file, line and name of the definition (a literal has static
 * storage even inside a function, so a lock defined on the stack keeps
 * one class however many times the function runs).
 */
#ifndef _LINUX_LOCKDEP_TYPES_H
#define _LINUX_LOCKDEP_TYPES_H

#include <linux/types.h>
#include <linux/stringify.h>

struct lock_class_key {
	char site;			/* only its address matters */
};

struct lock_class;

/* What every lock instance carries for lockdep. */
struct lockdep_map {
	const char *name;		/* the lock's name as written: "&zone->lock" */
	const void *key;		/* its initialisation site */
	struct lock_class *class_cache;	/* the class, once looked up */
	unsigned char wait_type;	/* LD_WAIT_SPIN or LD_WAIT_SLEEP */
};

/* The wait types as Linux prints them after a class: -{2:2}, -{3:3}. */
#define LD_WAIT_SPIN	2
#define LD_WAIT_SLEEP	3

/* The key of a lock defined with DEFINE_SPINLOCK() / DEFINE_MUTEX(). */
#define __LOCKDEP_SITE_KEY(name)	(__FILE__ ":" __stringify(__LINE__) " " #name)

#define STATIC_LOCKDEP_MAP_INIT(_name, _key, _wait)			\
	{ .name = (_name), .key = (_key), .wait_type = (_wait) }

/*
 * One lock a task holds (or that an interrupt handler running on top of
 * it holds): the task's held-lock stack is an array of these.
 */
struct held_lock {
	unsigned long acquire_ip;	/* where it was taken */
	struct lockdep_map *instance;
	unsigned short class_idx;	/* 0: not validated */
	unsigned char irq_context;	/* 0 task, 1 hardirq, 2 softirq, 3 both */
	unsigned char trylock;
};

/* Deepest lock nesting a task may have (Linux: 48). */
#define MAX_LOCK_DEPTH	24

#endif /* _LINUX_LOCKDEP_TYPES_H */
