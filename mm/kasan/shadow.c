// SPDX-License-Identifier: GPL-2.0
/*
 * mm/kasan/shadow.c - reading and writing the shadow: the checks the
 * compiler calls before every access, and the poisoning the allocators
 * ask for.
 *
 * The kernel is built with inline instrumentation, as Linux's default
 * KASAN_INLINE: before every load or store the compiler reads the shadow
 * byte itself and calls __asan_report_loadN_noabort(addr) (or _store)
 * only when it is not 0 and says the access is bad.  Accesses it cannot
 * check inline (odd sizes) call __asan_loadN_noabort(addr, size), and
 * with asan-instrumentation-with-call-threshold=0 (outline, 3.5 times
 * slower) every access would call __asan_loadN_noabort(addr) and friends.
 * All of them end in kasan_check_range(), which reads the shadow of the
 * first and the last granule touched (and of every one between for long
 * accesses) and reports.  "noabort": the report is printed and the access
 * goes ahead, which is what the kernel wants (Linux's KASAN recovers).
 *
 * One consequence of inline checks, as in Linux: the shadow of a NULL or
 * user-space pointer lies at a non-canonical address (0xdffffc0000000000
 * for NULL), so such a dereference in instrumented code faults on the
 * check, as a general protection fault, before the access itself would
 * have raised the page fault.
 *
 * memcpy(), memmove() and memset() are defined here too: they check both
 * ranges and then call the unchecked __memcpy() ... of lib/string.c.
 * Files built without instrumentation (this folder, the slab allocator)
 * call the unchecked ones directly (<linux/string.h>).
 *
 * This file is not instrumented itself (it would check its own shadow
 * reads, forever).
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/string.h>
#include "kasan.h"

#undef memcpy
#undef memmove
#undef memset

bool kasan_ready;

/**
 * kasan_poison - mark [@addr, @addr + @size) with shadow @value
 * @addr: start, 8-byte aligned
 * @size: bytes, a multiple of 8
 * @value: KASAN_SLAB_FREE, KASAN_PAGE_FREE ... or 0 to unpoison
 *
 * Context: Any context.
 */
void kasan_poison(const void *addr, size_t size, u8 value)
{
	unsigned long a = (unsigned long)addr;

	if (!kasan_ready || !size)
		return;
	if (WARN_ON_ONCE(a & (KASAN_GRANULE_SIZE - 1)))
		return;
	__memset(shadow_of(a), value, size >> KASAN_SHADOW_SCALE_SHIFT);
}

/*
 * The granule that holds the last byte of [@addr, @addr + @size): if the
 * range ends inside it, its shadow says how many of its bytes are valid.
 */
void kasan_poison_last_granule(const void *addr, size_t size)
{
	unsigned long end = (unsigned long)addr + size;

	if (kasan_ready && (end & (KASAN_GRANULE_SIZE - 1)))
		*shadow_of(end) = end & (KASAN_GRANULE_SIZE - 1);
}

void kasan_unpoison_range(const void *addr, size_t size)
{
	if (!kasan_ready)
		return;
	kasan_poison(addr, round_down(size, KASAN_GRANULE_SIZE), 0);
	kasan_poison_last_granule(addr, size);
}
EXPORT_SYMBOL(kasan_unpoison_range);

/* Is byte @a valid by its granule's shadow? */
static __always_inline bool byte_valid(unsigned long a)
{
	s8 v = *(s8 *)shadow_of(a);

	return !v || (s8)(a & (KASAN_GRANULE_SIZE - 1)) < v;
}

/*
 * The first byte of [@addr, @addr + @size) that may not be touched, or 0.
 * A granule's shadow of 0 makes all of it valid, so only the granule
 * boundaries and the last byte need looking at.
 */
static unsigned long first_bad_byte(unsigned long addr, size_t size)
{
	unsigned long a = addr, end = addr + size;

	while (a < end) {
		unsigned long next = (a | (KASAN_GRANULE_SIZE - 1)) + 1;
		unsigned long last = min(next, end) - 1;
		s8 v = *(s8 *)shadow_of(a);

		if (v && (v < 0 || (s8)(last & (KASAN_GRANULE_SIZE - 1)) >= v))
			return v < 0 ? a : max(a, (a & ~(KASAN_GRANULE_SIZE - 1)) + v);
		a = next;
	}
	return 0;
}

/* Does @addr have shadow at all (the kernel half of the address space)? */
static inline bool addr_has_shadow(unsigned long addr)
{
	return addr >= shadow_to_mem((void *)KASAN_SHADOW_START);
}

/**
 * kasan_check_range - the check behind every instrumented access
 * @addr: the access's address
 * @size: its size in bytes
 * @write: a store
 * @ip: where it happened (the report names this function)
 *
 * Return: true when valid; otherwise the report is printed first.
 * Context: Any context.
 */
bool kasan_check_range(unsigned long addr, size_t size, bool write,
		       unsigned long ip)
{
	if (unlikely(!kasan_ready) || !size)
		return true;
	if (unlikely(addr + size < addr || !addr_has_shadow(addr))) {
		kasan_report(addr, size, write, ip);
		return false;
	}
	if (likely(size <= KASAN_GRANULE_SIZE &&
		   !*(s8 *)shadow_of(addr) && !*(s8 *)shadow_of(addr + size - 1)))
		return true;
	if (likely(!first_bad_byte(addr, size)))
		return true;
	kasan_report(addr, size, write, ip);
	return false;
}

/*
 * kasan_object_valid_size - how many bytes from @object are valid, up to
 * @max: what the report calls the "allocated N-byte region".
 */
size_t kasan_object_valid_size(const void *object, size_t max)
{
	unsigned long a = (unsigned long)object;
	size_t n = 0;

	while (n < max && byte_valid(a + n))
		n++;
	return n;
}

bool kasan_check_read(const volatile void *p, unsigned int size)
{
	return kasan_check_range((unsigned long)p, size, false, _RET_IP_);
}
EXPORT_SYMBOL(kasan_check_read);

bool kasan_check_write(const volatile void *p, unsigned int size)
{
	return kasan_check_range((unsigned long)p, size, true, _RET_IP_);
}
EXPORT_SYMBOL(kasan_check_write);

/* ---- the compiler's entry points ---------------------------------------- */

/*
 * The common case, inline in each entry point: the shadow of the first
 * and of the last byte of a 1..16-byte access are 0 (whole granules
 * valid).  Anything else goes to kasan_check_range(), which decides.
 */
static __always_inline bool access_fast_ok(unsigned long addr, size_t size)
{
	return addr >= shadow_to_mem((void *)KASAN_SHADOW_START) &&
	       !*(s8 *)shadow_of(addr) && !*(s8 *)shadow_of(addr + size - 1);
}

#define DEFINE_ASAN_LOAD_STORE(size)					\
	void __asan_load##size##_noabort(unsigned long addr);		\
	void __asan_load##size##_noabort(unsigned long addr)		\
	{								\
		if (likely(!kasan_ready || access_fast_ok(addr, size)))	\
			return;						\
		kasan_check_range(addr, size, false, _RET_IP_);		\
	}								\
	EXPORT_SYMBOL(__asan_load##size##_noabort);			\
	void __asan_store##size##_noabort(unsigned long addr);		\
	void __asan_store##size##_noabort(unsigned long addr)		\
	{								\
		if (likely(!kasan_ready || access_fast_ok(addr, size)))	\
			return;						\
		kasan_check_range(addr, size, true, _RET_IP_);		\
	}								\
	EXPORT_SYMBOL(__asan_store##size##_noabort)

DEFINE_ASAN_LOAD_STORE(1);
DEFINE_ASAN_LOAD_STORE(2);
DEFINE_ASAN_LOAD_STORE(4);
DEFINE_ASAN_LOAD_STORE(8);
DEFINE_ASAN_LOAD_STORE(16);

/*
 * Inline instrumentation (the default, as Linux's KASAN_INLINE): the
 * compiler tests the shadow itself and calls these only for a bad one.
 * Before kasan_init() the shadow is the shared early page, full of the
 * red zones of every frame that ran: nothing is reported then.
 */
#define DEFINE_ASAN_REPORT(size)					\
	void __asan_report_load##size##_noabort(unsigned long addr);	\
	void __asan_report_load##size##_noabort(unsigned long addr)	\
	{								\
		kasan_check_range(addr, size, false, _RET_IP_);		\
	}								\
	EXPORT_SYMBOL(__asan_report_load##size##_noabort);		\
	void __asan_report_store##size##_noabort(unsigned long addr);	\
	void __asan_report_store##size##_noabort(unsigned long addr)	\
	{								\
		kasan_check_range(addr, size, true, _RET_IP_);		\
	}								\
	EXPORT_SYMBOL(__asan_report_store##size##_noabort)

DEFINE_ASAN_REPORT(1);
DEFINE_ASAN_REPORT(2);
DEFINE_ASAN_REPORT(4);
DEFINE_ASAN_REPORT(8);
DEFINE_ASAN_REPORT(16);

void __asan_report_load_n_noabort(unsigned long addr, size_t size);
void __asan_report_load_n_noabort(unsigned long addr, size_t size)
{
	kasan_check_range(addr, size, false, _RET_IP_);
}
EXPORT_SYMBOL(__asan_report_load_n_noabort);

void __asan_report_store_n_noabort(unsigned long addr, size_t size);
void __asan_report_store_n_noabort(unsigned long addr, size_t size)
{
	kasan_check_range(addr, size, true, _RET_IP_);
}
EXPORT_SYMBOL(__asan_report_store_n_noabort);

void __asan_loadN_noabort(unsigned long addr, size_t size);
void __asan_loadN_noabort(unsigned long addr, size_t size)
{
	kasan_check_range(addr, size, false, _RET_IP_);
}
EXPORT_SYMBOL(__asan_loadN_noabort);

void __asan_storeN_noabort(unsigned long addr, size_t size);
void __asan_storeN_noabort(unsigned long addr, size_t size)
{
	kasan_check_range(addr, size, true, _RET_IP_);
}
EXPORT_SYMBOL(__asan_storeN_noabort);

/*
 * A call to a function that does not return (panic(), a longjmp): the
 * frames below it will never run their epilogues, which unpoison their
 * red zones.  Nothing to do here: the oops catcher unpoisons the stack it
 * abandons (kasan_unpoison_task_stack_below()).
 */
void __asan_handle_no_return(void);
void __asan_handle_no_return(void)
{
}
EXPORT_SYMBOL(__asan_handle_no_return);

/**
 * kasan_unpoison_task_stack_below - unpoison the current stack below a point
 * @watermark: the lowest address still in use (a stack pointer)
 *
 * Called where execution resumes higher up the stack than the frames it
 * leaves (an oops caught by a KUnit case's catcher): their red zones
 * would otherwise stay poisoned under the next calls' frames.
 *
 * Context: The current task, any context.
 */
void kasan_unpoison_task_stack_below(const void *watermark)
{
	unsigned long lo = current->stack_lo, top = (unsigned long)watermark;

	if (!kasan_ready || top <= lo || top > current->stack_hi)
		return;
	kasan_poison((void *)lo, round_down(top - lo, KASAN_GRANULE_SIZE), 0);
}

/* alloca() and variable-length arrays: red zones on both sides. */
void __asan_alloca_poison(unsigned long addr, size_t size);
void __asan_alloca_poison(unsigned long addr, size_t size)
{
	size_t rounded = round_up(size, KASAN_GRANULE_SIZE);
	size_t padded = round_up(size, KASAN_ALLOCA_REDZONE_SIZE);

	kasan_unpoison_range((void *)addr, size);
	kasan_poison((void *)(addr - KASAN_ALLOCA_REDZONE_SIZE),
		     KASAN_ALLOCA_REDZONE_SIZE, KASAN_ALLOCA_LEFT);
	kasan_poison((void *)(addr + rounded),
		     padded - rounded + KASAN_ALLOCA_REDZONE_SIZE,
		     KASAN_ALLOCA_RIGHT);
}
EXPORT_SYMBOL(__asan_alloca_poison);

/* The function that did the alloca()s returns: [top, bottom) is free again. */
void __asan_allocas_unpoison(unsigned long top, unsigned long bottom);
void __asan_allocas_unpoison(unsigned long top, unsigned long bottom)
{
	if (!top || top > bottom)
		return;
	kasan_poison((void *)round_down(top, KASAN_GRANULE_SIZE),
		     round_up(bottom - round_down(top, KASAN_GRANULE_SIZE),
			      KASAN_GRANULE_SIZE), 0);
}
EXPORT_SYMBOL(__asan_allocas_unpoison);

/* ---- the string functions, checked ---------------------------------------- */

void *memcpy(void *dest, const void *src, size_t len)
{
	if (!kasan_check_range((unsigned long)src, len, false, _RET_IP_) ||
	    !kasan_check_range((unsigned long)dest, len, true, _RET_IP_))
		return dest;	/* reported; do not corrupt memory on top */
	return __memcpy(dest, src, len);
}

void *memmove(void *dest, const void *src, size_t len)
{
	if (!kasan_check_range((unsigned long)src, len, false, _RET_IP_) ||
	    !kasan_check_range((unsigned long)dest, len, true, _RET_IP_))
		return dest;
	return __memmove(dest, src, len);
}

void *memset(void *s, int c, size_t len)
{
	if (!kasan_check_range((unsigned long)s, len, true, _RET_IP_))
		return s;
	return __memset(s, c, len);
}

/* What gcc may call instead of the plain names. */
void *__asan_memcpy(void *dest, const void *src, size_t len);
void *__asan_memcpy(void *dest, const void *src, size_t len)
{
	kasan_check_range((unsigned long)src, len, false, _RET_IP_);
	kasan_check_range((unsigned long)dest, len, true, _RET_IP_);
	return __memcpy(dest, src, len);
}
EXPORT_SYMBOL(__asan_memcpy);

void *__asan_memmove(void *dest, const void *src, size_t len);
void *__asan_memmove(void *dest, const void *src, size_t len)
{
	kasan_check_range((unsigned long)src, len, false, _RET_IP_);
	kasan_check_range((unsigned long)dest, len, true, _RET_IP_);
	return __memmove(dest, src, len);
}
EXPORT_SYMBOL(__asan_memmove);

void *__asan_memset(void *s, int c, size_t len);
void *__asan_memset(void *s, int c, size_t len)
{
	kasan_check_range((unsigned long)s, len, true, _RET_IP_);
	return __memset(s, c, len);
}
EXPORT_SYMBOL(__asan_memset);
