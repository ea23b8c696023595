/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/kmemleak.h> - telling the kernel memory leak detector about
 * memory, as Linux's header does (mm/kmemleak.c).
 *
 * The allocators call kmemleak_alloc() and kmemleak_free() themselves
 * (slab objects, large kmalloc, vmalloc); other code needs this header
 * only for the memory kmemleak cannot judge by itself:
 *
 *   kmemleak_not_leak(p)	p is never reported, and is still scanned
 *				for pointers (it holds other objects);
 *   kmemleak_ignore(p)		p is neither reported nor scanned: memory
 *				referenced only by physical address (a
 *				device's descriptor ring), or holding no
 *				pointers worth following;
 *   kmemleak_no_scan(p)	p is reported as usual but not scanned.
 *
 * The kernel is always built with kmemleak; the boot parameter
 * kmemleak=off turns it off (then every call here returns at once).
 * Host unit tests compile mm/ without it: these become empty stubs.
 */
#ifndef _LINUX_KMEMLEAK_H
#define _LINUX_KMEMLEAK_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/slab.h>

#if defined(CONFIG_DEBUG_KMEMLEAK) && defined(__KERNEL__)

/* True while kmemleak tracks allocations (read by the slab slow path). */
extern bool kmemleak_enabled;

/**
 * kmemleak_alloc - register a newly allocated block of memory
 * @ptr: its start
 * @size: its size in bytes
 * @min_count: references needed for it not to be a leak: 1 for
 *	       ordinary memory, 0 for never a leak, -1 for ignored
 * @gfp: the flags of the allocation (kmemleak's own bookkeeping is
 *	 allocated the same way: it sleeps only where the caller may)
 *
 * Records the caller's stack, pid, comm and jiffies with it.
 *
 * Context: Any context.
 */
void kmemleak_alloc(const void *ptr, size_t size, int min_count, gfp_t gfp);

/**
 * kmemleak_free - unregister a block before it is freed
 * @ptr: the start given to kmemleak_alloc(); anything else is ignored
 *
 * Context: Any context.
 */
void kmemleak_free(const void *ptr);

/**
 * kmemleak_not_leak - never report @ptr, but keep scanning it
 * @ptr: the start of a registered block
 *
 * Context: Any context.
 */
void kmemleak_not_leak(const void *ptr);

/**
 * kmemleak_ignore - neither report nor scan @ptr
 * @ptr: the start of a registered block
 *
 * For memory referenced only by physical address, or holding nothing
 * kmemleak should follow.  What only @ptr points to is then reported.
 *
 * Context: Any context.
 */
void kmemleak_ignore(const void *ptr);

/**
 * kmemleak_no_scan - do not scan @ptr for pointers (it is still reported)
 * @ptr: the start of a registered block
 *
 * Context: Any context.
 */
void kmemleak_no_scan(const void *ptr);

/**
 * kmemleak_scan_area - scan only part of a block
 * @ptr: inside a registered block
 * @size: bytes from @ptr
 * @gfp: accepted for Linux's signature
 *
 * The block is then scanned only in its scan areas (one here): a loaded
 * module's data and bss, and not its code.
 *
 * Context: Any context.
 */
void kmemleak_scan_area(const void *ptr, size_t size, gfp_t gfp);

/* What the slab allocator calls: caches made with SLAB_NOLEAKTRACE are skipped. */
static inline void kmemleak_alloc_recursive(const void *ptr, size_t size,
					    int min_count, slab_flags_t flags,
					    gfp_t gfp)
{
	if (!(flags & SLAB_NOLEAKTRACE))
		kmemleak_alloc(ptr, size, min_count, gfp);
}

static inline void kmemleak_free_recursive(const void *ptr, slab_flags_t flags)
{
	if (!(flags & SLAB_NOLEAKTRACE))
		kmemleak_free(ptr);
}

#else /* no kmemleak: host unit tests */

#define kmemleak_enabled	false
static inline void kmemleak_alloc(const void *ptr, size_t size, int min_count,
				  gfp_t gfp) { }
static inline void kmemleak_free(const void *ptr) { }
static inline void kmemleak_not_leak(const void *ptr) { }
static inline void kmemleak_ignore(const void *ptr) { }
static inline void kmemleak_no_scan(const void *ptr) { }
static inline void kmemleak_scan_area(const void *ptr, size_t size, gfp_t gfp) { }
static inline void kmemleak_alloc_recursive(const void *ptr, size_t size,
					    int min_count, slab_flags_t flags,
					    gfp_t gfp) { }
static inline void kmemleak_free_recursive(const void *ptr, slab_flags_t flags) { }

#endif

/* Clear a pointer so kmemleak no longer sees it (Linux's helper). */
static inline void kmemleak_erase(void **ptr)
{
	*ptr = NULL;
}

#endif /* _LINUX_KMEMLEAK_H */
