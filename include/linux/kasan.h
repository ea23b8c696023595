/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <linux/kasan.h> - the Kernel Address Sanitizer (generic KASAN), as the
 * allocators and the boot code call it.
 *
 * `make KASAN=1` compiles the kernel with gcc's -fsanitize=kernel-address:
 * before every load and store the compiler calls __asan_loadN() or
 * __asan_storeN() (mm/kasan/shadow.c), which look the address up in the
 * shadow memory: one byte of shadow for every 8 bytes of memory, at
 *
 *	shadow = (addr >> 3) + KASAN_SHADOW_OFFSET
 *
 * A shadow byte of 0 says all 8 bytes may be touched, 1..7 that only the
 * first N may, and a negative value (0xfb, 0xfc ...) says none may and
 * why: a freed object, a red zone, a freed page.  The allocators write the
 * shadow through the hooks below; the compiler writes it for the red zones
 * around stack and global arrays.  Without KASAN every hook is an empty
 * inline function.
 *
 * The design of this kernel's KASAN is in mm/kasan/kasan.h.
 */
#ifndef _LINUX_KASAN_H
#define _LINUX_KASAN_H

#include <linux/types.h>
#include <linux/gfp.h>

struct kmem_cache;
struct page;
struct task_struct;

/* Linux's layout for x86_64 with four-level paging. */
#define KASAN_SHADOW_SCALE_SHIFT	3
#define KASAN_GRANULE_SIZE		(1UL << KASAN_SHADOW_SCALE_SHIFT)
#define KASAN_SHADOW_OFFSET		0xdffffc0000000000UL
#define KASAN_SHADOW_START		0xffffec0000000000UL
#define KASAN_SHADOW_END		0xfffffc0000000000UL

#ifdef CONFIG_KASAN

/* A KASAN kernel?  A constant: the tests on it cost nothing without. */
static inline bool kasan_enabled(void)
{
	return true;
}

/* The shadow byte of @addr. */
static inline void *kasan_mem_to_shadow(const void *addr)
{
	return (void *)(((unsigned long)addr >> KASAN_SHADOW_SCALE_SHIFT) +
			KASAN_SHADOW_OFFSET);
}

/* Boot (arch/x86_64/kasan_init.c).  Context: early boot, single threaded. */
void kasan_early_init(void);
void kasan_map_early_shadow(u64 *pgd);
void kasan_init(void);

/*
 * mm/slub.c: bytes of KASAN metadata at the end of every slot; a new slab
 * all red zone; an object handed out; an object freed (true: KASAN took
 * it, into the quarantine, or reported a bad free).
 * Context: the slab slow paths (kasan_slab_free() with interrupts off).
 */
unsigned int kasan_metadata_size(void);
void kasan_poison_slab(struct kmem_cache *s, struct page *slab);
void kasan_slab_alloc(struct kmem_cache *s, void *object);
bool kasan_slab_free(struct kmem_cache *s, void *object, unsigned long ip);

/*
 * mm/slab_common.c: a kmalloc object or large kmalloc cut to the size
 * asked for, and a krealloc() in place (each returns its pointer); a
 * cache's objects out of the quarantine before it is shrunk or destroyed;
 * the whole quarantine out (the KUnit leak check); how many objects of a
 * cache it holds (slab_cache_live()).
 * Context: as the kmalloc()/kfree() that call them; kasan_cache_shutdown()
 * process context; kasan_quarantined() with interrupts off.
 */
void *kasan_kmalloc(void *object, size_t size);
void *kasan_kmalloc_large(void *ptr, size_t size);
void *kasan_krealloc(void *object, size_t new_size);
void kasan_cache_shutdown(struct kmem_cache *s);
void kasan_quarantine_drain(void);
unsigned long kasan_quarantined(struct kmem_cache *s);

/* mm/page_alloc.c: a block handed out, a block freed.  Context: any. */
void kasan_unpoison_pages(struct page *page, unsigned int order);
void kasan_poison_pages(struct page *page, unsigned int order);

/*
 * mm/vmalloc.c: shadow pages for an area (0 or -ENOMEM); an area valid
 * for @size bytes of its @mapped, the rest to the end of its guard page
 * not; an area unmapped.
 * Context: process context, or any with atomic allocations (interrupts
 * are off while the shadow's page tables change).
 */
int kasan_populate_vmalloc(unsigned long addr, unsigned long size);
void kasan_unpoison_vmalloc(const void *start, unsigned long size,
			    unsigned long mapped);
void kasan_poison_vmalloc(const void *start, unsigned long size);

/**
 * kasan_unpoison_range - make [@addr, @addr + @size) accessible
 * @addr: start, 8-byte aligned
 * @size: bytes
 *
 * Context: Any context.
 */
void kasan_unpoison_range(const void *addr, size_t size);

/* Stacks left without running their epilogues (an oops caught). */
void kasan_unpoison_task_stack_below(const void *watermark);

/**
 * kasan_check_read - report if [@p, @p + @size) may not be read
 * @p: start
 * @size: bytes
 *
 * What uninstrumented code (assembly, inline asm) calls for the memory it
 * touches.  Context: Any context.
 * Return: true when the access is valid.
 */
bool kasan_check_read(const volatile void *p, unsigned int size);
/* kasan_check_write - the same for a write.  Context: Any context. */
bool kasan_check_write(const volatile void *p, unsigned int size);

/* Pages of shadow (and of its page tables) so far. */
extern unsigned long kasan_shadow_pages;

/*
 * Reports in tests: each one printed (not just the first); restore puts
 * back what save returned.  Context: Any context.
 */
bool kasan_save_enable_multi_shot(void);
void kasan_restore_multi_shot(bool enabled);

/*
 * The last bad access found, printed or not, as the kasan suite checks
 * it (Linux's kasan_test captures the same through a tracepoint);
 * kasan_report_count counts them since boot.
 */
struct kasan_report_info {
	const char *bug_type;	/* "slab-out-of-bounds" ... */
	unsigned long addr;	/* the access (a free: the pointer freed) */
	size_t size;		/* 0 for a free */
	bool is_write;
	unsigned long ip;
};
extern struct kasan_report_info kasan_last_report;
extern unsigned long kasan_report_count;

/*
 * kasan_disable_current / kasan_enable_current - no reports from the
 * current task in between (a test that corrupts memory on purpose to
 * check another detector).  They nest.  Context: Any context.
 */
void kasan_disable_current(void);
void kasan_enable_current(void);

#else /* !CONFIG_KASAN */

static inline bool kasan_enabled(void)
{
	return false;
}

static inline void kasan_early_init(void) { }
static inline void kasan_map_early_shadow(u64 *pgd) { }
static inline void kasan_init(void) { }
static inline unsigned int kasan_metadata_size(void) { return 0; }
static inline void kasan_poison_slab(struct kmem_cache *s, struct page *slab) { }
static inline void kasan_slab_alloc(struct kmem_cache *s, void *object) { }
static inline bool kasan_slab_free(struct kmem_cache *s, void *object,
				   unsigned long ip)
{
	return false;
}
static inline void *kasan_kmalloc(void *object, size_t size) { return object; }
static inline void *kasan_kmalloc_large(void *ptr, size_t size) { return ptr; }
static inline void *kasan_krealloc(void *object, size_t new_size)
{
	return object;
}
static inline void kasan_cache_shutdown(struct kmem_cache *s) { }
static inline void kasan_quarantine_drain(void) { }
static inline unsigned long kasan_quarantined(struct kmem_cache *s) { return 0; }
static inline void kasan_unpoison_pages(struct page *page, unsigned int order) { }
static inline void kasan_poison_pages(struct page *page, unsigned int order) { }
static inline int kasan_populate_vmalloc(unsigned long addr, unsigned long size)
{
	return 0;
}
static inline void kasan_unpoison_vmalloc(const void *start, unsigned long size,
					  unsigned long mapped) { }
static inline void kasan_poison_vmalloc(const void *start, unsigned long size) { }
static inline void kasan_unpoison_range(const void *addr, size_t size) { }
static inline void kasan_unpoison_task_stack_below(const void *watermark) { }
static inline bool kasan_check_read(const volatile void *p, unsigned int size)
{
	return true;
}
static inline bool kasan_check_write(const volatile void *p, unsigned int size)
{
	return true;
}
static inline bool kasan_save_enable_multi_shot(void) { return false; }
static inline void kasan_restore_multi_shot(bool enabled) { }
static inline void kasan_disable_current(void) { }
static inline void kasan_enable_current(void) { }

#endif /* CONFIG_KASAN */

#endif /* _LINUX_KASAN_H */
