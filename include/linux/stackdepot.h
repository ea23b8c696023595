/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The stack depot: call stacks stored once and named by a 32-bit handle.
 *
 * Slab debugging, KASAN and kmemleak record the stack of every allocation
 * and free.  Most of those stacks are the same few hundred call paths, so
 * each distinct stack is kept once, in a pool of fixed size set aside at
 * boot, and what an object records is its handle.  A handle of 0 means
 * "no stack" (the pool was full, or the depot was not set up yet).
 * Stacks are never removed, so a handle stays valid for the life of the
 * kernel.
 */
#ifndef _LINUX_STACKDEPOT_H
#define _LINUX_STACKDEPOT_H

#include <linux/types.h>
#include <linux/gfp.h>

typedef u32 depot_stack_handle_t;

/* Frames a saved stack keeps at most (deeper ones are cut off). */
#define STACK_DEPOT_MAX_FRAMES	16

/**
 * stack_depot_save - store a stack once and return its handle
 * @entries: return addresses, as stack_trace_save() saves them
 * @nr_entries: how many (more than STACK_DEPOT_MAX_FRAMES are cut)
 * @alloc_flags: accepted for Linux's signature; the depot never
 *		 allocates after boot, so any context may call it
 *
 * Context: Any context, including hard interrupts.
 * Return: the handle, or 0 if the pool is full or @nr_entries is 0.
 */
depot_stack_handle_t stack_depot_save(unsigned long *entries,
				      unsigned int nr_entries,
				      gfp_t alloc_flags);

/**
 * stack_depot_fetch - the entries of a stored stack
 * @handle: a handle from stack_depot_save()
 * @entries: set to the stored array (read-only, valid forever)
 *
 * Context: Any context.
 * Return: the number of entries, 0 for handle 0 or an invalid handle.
 */
unsigned int stack_depot_fetch(depot_stack_handle_t handle,
			       unsigned long **entries);

/**
 * stack_depot_print - print a stored stack with stack_trace_print()
 * @handle: a handle from stack_depot_save(); 0 prints nothing
 *
 * Context: Any context.
 */
void stack_depot_print(depot_stack_handle_t handle);

/**
 * stack_depot_save_here - save the caller's stack and store it
 * @skipnr: innermost frames to leave out (0: the caller of this)
 *
 * What the allocators call: stack_trace_save() plus stack_depot_save().
 *
 * Context: Any context.
 * Return: the handle, or 0.
 */
depot_stack_handle_t stack_depot_save_here(unsigned int skipnr);

/* How much of the pool is used, for meminfo-style reports and tests. */
struct stack_depot_stats {
	unsigned long pool_bytes;	/* the whole pool */
	unsigned long used_bytes;	/* taken by stored stacks */
	unsigned long stacks;		/* distinct stacks stored */
	unsigned long saves;		/* stack_depot_save() calls */
	unsigned long dropped;		/* saves refused: pool full */
};
/**
 * stack_depot_get_stats - a snapshot of the pool's use
 * @st: filled in
 *
 * Context: Any context.
 */
void stack_depot_get_stats(struct stack_depot_stats *st);

/* Boot: set the pool aside from memblock (before mem_init()). */
void stack_depot_early_init(void);

#endif /* _LINUX_STACKDEPOT_H */
