/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mm/kasan/kasan.h - the insides of generic KASAN (make KASAN=1).
 *
 * The design, in the order a student meets it:
 *
 * Shadow memory.  Every 8-byte granule of kernel memory has one shadow
 * byte at (addr >> 3) + KASAN_SHADOW_OFFSET, Linux's offset, so the
 * shadow of the whole kernel half lies in [KASAN_SHADOW_START,
 * KASAN_SHADOW_END).  At boot (arch/x86_64/kasan_init.c) all of it maps
 * one page of zeros: every address reads as valid.  Once memblock knows
 * the RAM, kasan_init() gives real, writable pages to the shadow of the
 * direct map and of the kernel image (1/8 of RAM); the vmalloc and module
 * areas get shadow pages when an area is first mapped there
 * (kasan_populate_vmalloc()).  The zero page is then made read-only: a
 * write to shadow nobody populated faults instead of poisoning all of
 * memory at once.
 *
 * Checks.  The compiler calls __asan_loadN_noabort(addr) before each
 * access (outline instrumentation, shadow.c).  Those return at once until
 * kasan_init() has run (kasan_ready), then compare the shadow with the
 * access and call kasan_report() for a bad one.  The access itself then
 * goes ahead: the kernel keeps running (kasan.fault=report), unless the
 * boot asked for kasan.fault=panic.
 *
 * Poisoning.  The allocators write the shadow (common.c): a kmalloc
 * object is valid up to the size asked for and the rest of its slot is a
 * red zone (KASAN_SLAB_REDZONE); a freed object is KASAN_SLAB_FREE and
 * waits in the quarantine (quarantine.c) before its slot can be handed out
 * again, so a use after free is caught for a while; a freed page is
 * KASAN_PAGE_FREE; the tail of a vmalloc area, to the end of its guard
 * page, is KASAN_VMALLOC_INVALID.  Stack and global red zones are written
 * by the compiler's own code (function prologues, __asan_register_globals
 * run from the constructors at boot).
 *
 * Per-object metadata.  Every slot of every cache ends with a struct
 * kasan_obj_meta (kasan_metadata_size() bytes more per slot): the stack
 * depot handles of the allocation and of the free, the tasks' pids, and
 * the quarantine link.  In a KASAN kernel every cache takes the slow
 * paths of mm/slub.c (its caches are made with SLAB_KASAN, which counts
 * as a debug flag), where the hooks are.
 *
 * Reports (report.c) are Linux's, line for line; the first line is
 * "BUG: KASAN: TYPE in FUNCTION+0xOFF/0xSIZE".
 *
 * Locking: one CPU; the quarantine and the shadow of the vmalloc area are
 * changed with interrupts off.
 */
#ifndef _MM_KASAN_KASAN_H
#define _MM_KASAN_KASAN_H

#include <linux/kasan.h>
#include <linux/stackdepot.h>

/* Shadow values, Linux's (mm/kasan/kasan.h). */
#define KASAN_PAGE_FREE		0xff	/* a freed page */
#define KASAN_PAGE_REDZONE	0xfe	/* the tail of a large kmalloc's pages */
#define KASAN_SLAB_REDZONE	0xfc	/* slab metadata, the slack of an object */
#define KASAN_SLAB_FREE		0xfb	/* a freed slab object */
#define KASAN_GLOBAL_REDZONE	0xf9	/* after a global variable */
#define KASAN_VMALLOC_INVALID	0xf8	/* outside a vmalloc area's bytes */
#define KASAN_STACK_LEFT	0xf1	/* written by the compiler's prologues */
#define KASAN_STACK_MID		0xf2
#define KASAN_STACK_RIGHT	0xf3
#define KASAN_STACK_PARTIAL	0xf4
#define KASAN_ALLOCA_LEFT	0xca
#define KASAN_ALLOCA_RIGHT	0xcb

#define KASAN_ALLOCA_REDZONE_SIZE	32

/* The metadata at the end of every slab slot (see above). */
struct kasan_obj_meta {
	depot_stack_handle_t alloc_stack;
	depot_stack_handle_t free_stack;
	int alloc_pid;
	int free_pid;
	void *quarantine_next;		/* the object after this one */
};

/* Set once the real shadow exists: checks and poisoning are on. */
extern bool kasan_ready;

static inline u8 *shadow_of(unsigned long addr)
{
	return kasan_mem_to_shadow((const void *)addr);
}

static inline unsigned long shadow_to_mem(const void *shadow)
{
	return ((unsigned long)shadow - KASAN_SHADOW_OFFSET) <<
	       KASAN_SHADOW_SCALE_SHIFT;
}

/* shadow.c */
void kasan_poison(const void *addr, size_t size, u8 value);
void kasan_poison_last_granule(const void *addr, size_t size);
bool kasan_check_range(unsigned long addr, size_t size, bool write,
		       unsigned long ip);
size_t kasan_object_valid_size(const void *object, size_t max);

/* common.c */
struct kasan_obj_meta *kasan_get_meta(struct kmem_cache *s, const void *object);
bool kasan_describe_global(unsigned long addr, char *buf, size_t len);
void *kasan_find_object(const void *addr, struct kmem_cache **cachep);

/* quarantine.c */
void kasan_quarantine_put(struct kmem_cache *s, void *object);
void kasan_quarantine_remove_cache(struct kmem_cache *s);
unsigned long kasan_quarantine_bytes(void);
unsigned long kasan_quarantine_max_bytes(void);

/* report.c */
void kasan_report(unsigned long addr, size_t size, bool write,
		  unsigned long ip);
void kasan_report_invalid_free(const void *object, unsigned long ip,
			       const char *type);

#endif /* _MM_KASAN_KASAN_H */
