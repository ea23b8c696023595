/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Saving a call stack as an array of return addresses, for the stack
 * depot (<linux/stackdepot.h>) and the reports that print where an
 * object was allocated and freed.  As Linux's: an entry is a return
 * address, the innermost caller first; stack_trace_save() itself is
 * never in the array.
 */
#ifndef _LINUX_STACKTRACE_H
#define _LINUX_STACKTRACE_H

#include <linux/types.h>

/**
 * stack_trace_save - save the caller's call stack
 * @store: array that receives the return addresses
 * @size: entries @store can hold
 * @skipnr: innermost frames to leave out (0 starts at the caller of
 *	    stack_trace_save())
 *
 * Walks the frame-pointer chain of the stack the caller runs on and
 * stops at its end, at a frame that leaves that stack, or when @store is
 * full.
 *
 * Context: Any context.
 * Return: the number of entries saved.
 */
unsigned int stack_trace_save(unsigned long *store, unsigned int size,
			      unsigned int skipnr);

/**
 * stack_trace_print - print saved entries, one " FUNC+0xOFF/0xSIZE" a line
 * @entries: return addresses, as stack_trace_save() saves them
 * @nr_entries: how many
 * @spaces: extra indentation of each line
 *
 * Context: Any context.
 */
void stack_trace_print(const unsigned long *entries, unsigned int nr_entries,
		       int spaces);

#endif /* _LINUX_STACKTRACE_H */
