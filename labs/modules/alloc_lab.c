// SPDX-License-Identifier: GPL-2.0
/*
 * labs/modules/alloc_lab.c - the modules lab (labs/modules/README.md):
 * a module that serves allocation requests, each with the allocator and
 * the GFP flags that suit its size, its need for physically contiguous
 * memory and the context of its caller.
 *
 * The grading suite (tests/kernel/lab_modules_test.c) loads this module,
 * calls alloc_lab_serve() from the context each request names, looks at
 * what it got back, calls alloc_lab_release() for some of it and unloads
 * the module: whatever is still served then must be freed by the exit.
 */
#include <linux/module.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/vmalloc.h>
#include "alloc_lab.h"

/* What is served now: the request and its memory, in a fixed table. */
static struct alloc_lab_slot {
	struct alloc_request req;
	void *mem;
} slots[ALLOC_LAB_SLOTS];
/* Taken from interrupts too: always with irqsave. */
static DEFINE_SPINLOCK(slots_lock);

/*
 * Allocate the memory for @req with the right API and GFP flags, or
 * return NULL (what cannot be served at all is NULL without trying).
 * Runs in @req->ctx.
 */
static void *lab_alloc(const struct alloc_request *req)
{
	/* LAB(modules) BEGIN choose: the right allocator and flags for @req */
	bool atomic = req->ctx != ALLOC_LAB_PROCESS;
	gfp_t gfp = atomic ? GFP_ATOMIC : GFP_KERNEL;

	if (req->size < PAGE_SIZE)
		return kmalloc(req->size, gfp);
	if (req->size > KMALLOC_MAX_SIZE)	/* more than the largest block */
		return (req->contiguous || atomic) ? NULL : vmalloc(req->size);
	if (!req->contiguous && !atomic && req->size > 8 * PAGE_SIZE)
		return vmalloc(req->size);
	return (void *)__get_free_pages(gfp, get_order(req->size));
	/* LAB(modules) END choose */
}

/* Free @p, which lab_alloc() returned for @req.  Any context. */
static void lab_free(const struct alloc_request *req, void *p)
{
	/* LAB(modules) BEGIN free: give @p back to the allocator it came from */
	if (is_vmalloc_addr(p))
		vfree(p);
	else if (req->size < PAGE_SIZE)
		kfree(p);
	else
		free_pages((unsigned long)p, get_order(req->size));
	/* LAB(modules) END free */
}

/**
 * alloc_lab_serve - serve one request
 * @req: what is wanted
 * @out: where the memory goes (NULL when it is not served)
 *
 * Context: As @req->ctx says.
 * Return: 0; -ENOMEM when the memory cannot be had; -ENOSPC when
 * ALLOC_LAB_SLOTS requests are served already.
 */
int alloc_lab_serve(const struct alloc_request *req, void **out)
{
	unsigned long flags;
	void *p;
	int i;

	*out = NULL;
	p = lab_alloc(req);
	/* LAB(modules) BEGIN check: what the allocator returned */
	if (!p)
		return -ENOMEM;
	/* LAB(modules) END check */
	spin_lock_irqsave(&slots_lock, flags);
	for (i = 0; i < ALLOC_LAB_SLOTS; i++) {
		if (!slots[i].mem) {
			slots[i].req = *req;
			slots[i].mem = p;
			break;
		}
	}
	spin_unlock_irqrestore(&slots_lock, flags);
	if (i == ALLOC_LAB_SLOTS) {
		lab_free(req, p);
		return -ENOSPC;
	}
	*out = p;
	return 0;
}
EXPORT_SYMBOL(alloc_lab_serve);

/* Take @p (or, with @p NULL, any served memory) out of the table. */
static bool take_slot(void *p, struct alloc_lab_slot *got)
{
	unsigned long flags;
	bool found = false;
	int i;

	spin_lock_irqsave(&slots_lock, flags);
	for (i = 0; i < ALLOC_LAB_SLOTS && !found; i++) {
		if (slots[i].mem && (!p || slots[i].mem == p)) {
			*got = slots[i];
			slots[i].mem = NULL;
			found = true;
		}
	}
	spin_unlock_irqrestore(&slots_lock, flags);
	return found;
}

/**
 * alloc_lab_release - free what alloc_lab_serve() gave
 * @p: its memory (anything else is ignored)
 *
 * Context: Any context the request's own allows.
 */
void alloc_lab_release(void *p)
{
	struct alloc_lab_slot s;

	if (p && take_slot(p, &s))
		lab_free(&s.req, s.mem);
}
EXPORT_SYMBOL(alloc_lab_release);

static int __init alloc_lab_init(void)
{
	pr_info("alloc_lab: ready to serve %d requests\n", ALLOC_LAB_SLOTS);
	return 0;
}

/* At unload: everything still served goes back. */
static void __exit alloc_lab_exit(void)
{
	/* LAB(modules) BEGIN exit: free every request still served */
	struct alloc_lab_slot s;

	while (take_slot(NULL, &s))
		lab_free(&s.req, s.mem);
	/* LAB(modules) END exit */
	pr_info("alloc_lab: unloaded\n");
}

module_init(alloc_lab_init);
module_exit(alloc_lab_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("The modules lab: which allocator for which request");
