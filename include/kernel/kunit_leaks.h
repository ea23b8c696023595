/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The test runner's leak check (kernel/kunit/test.c), exposed so that
 * its own tests can exercise it.
 */
#ifndef _KERNEL_KUNIT_LEAKS_H
#define _KERNEL_KUNIT_LEAKS_H

#include <kunit/test.h>

struct kunit_usage {
	unsigned long slab_objects;	/* live slab objects */
	unsigned long pages;		/* frames in use, slab frames excluded */
	unsigned long vmalloc_areas;	/* live vmalloc and vmap areas */
	unsigned long alloc_seq;	/* slab allocations so far */
};

void kunit_usage_now(struct kunit_usage *u);
/* Mark @test failed, and say why, if usage grew since @before. */
void kunit_check_leaks(struct kunit *test, const struct kunit_usage *before);

/*
 * Run one case as the runner does (thread, deferred actions, leak check)
 * and return its status; @timeout in jiffies.  Called from a case, it
 * is a nested run that prints no "# RUN" line.
 */
enum kunit_status kunit_run_case(struct kunit_suite *suite,
				 struct kunit_case *tc, unsigned long timeout);
/* Is the thread of a quarantined (timed-out, unstoppable) case alive? */
bool kunit_quarantined(void);

#endif /* _KERNEL_KUNIT_LEAKS_H */
