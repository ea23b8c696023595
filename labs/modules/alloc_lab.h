/* SPDX-License-Identifier: GPL-2.0 */
/*
 * labs/modules/alloc_lab.h - the interface of the modules lab's module
 * (alloc_lab.c): the grading suite (tests/kernel/lab_modules_test.c)
 * finds the two exported functions by name and calls them from the
 * context each request names.
 */
#ifndef _ALLOC_LAB_H
#define _ALLOC_LAB_H

#include <linux/types.h>

/* Where the caller of alloc_lab_serve() runs. */
enum alloc_lab_ctx {
	ALLOC_LAB_PROCESS,	/* a task, no lock held: may sleep */
	ALLOC_LAB_SPINLOCK,	/* a task holding a spin lock (irqs off) */
	ALLOC_LAB_TIMER,	/* a timer callback (softirq) */
	ALLOC_LAB_IRQ,		/* an interrupt handler (irq_work) */
};

/* One request: how much, whether it must be physically contiguous, where. */
struct alloc_request {
	size_t size;
	bool contiguous;
	enum alloc_lab_ctx ctx;
};

/* The module keeps at most this many served requests at a time. */
#define ALLOC_LAB_SLOTS		32

int alloc_lab_serve(const struct alloc_request *req, void **out);
void alloc_lab_release(void *p);

#endif /* _ALLOC_LAB_H */
