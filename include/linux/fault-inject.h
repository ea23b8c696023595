/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault injection: make chosen allocations fail, so that the code that
 * handles NULL gets run (kernel/fault-inject.c).
 *
 * Two attributes, set by boot parameters with Linux's syntax
 *	failslab=<interval>,<probability>,<space>,<times>
 *	fail_page_alloc=<interval>,<probability>,<space>,<times>
 * or by tests through fault_attr_set():
 *   interval     fail at most every interval-th eligible call (1: any)
 *   probability  percent chance of failing an eligible call
 *   space        bytes allowed to succeed before failures start
 *   times        how many failures at most (-1: no limit)
 * failslab applies to kmalloc and kmem_cache_alloc; fail_page_alloc to the
 * page allocator.  __GFP_NOFAIL allocations never fail.
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>
#include <linux/compiler.h>

struct fault_attr {
	unsigned long probability;
	unsigned long interval;
	long times;
	long space;
	unsigned long count;		/* eligible calls seen */
	unsigned long injected;		/* failures injected */
	bool verbose;			/* print each failure and a backtrace */
	const char *name;
};

extern struct fault_attr failslab;
extern struct fault_attr fail_page_alloc;
/* Nonzero while any attribute can fail something: the fast paths' test. */
extern int fault_injection_active;

bool should_fail(struct fault_attr *attr, size_t size);
void fault_attr_set(struct fault_attr *attr, unsigned long interval,
		    unsigned long probability, long space, long times);
void fault_attr_clear(struct fault_attr *attr);
int setup_fault_attr(struct fault_attr *attr, char *str);

#endif /* _LINUX_FAULT_INJECT_H */
