// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for KASAN (mm/kasan/, make KASAN=1): each case makes one bad
 * access of the kinds Linux's own KASAN test suite makes, and checks that
 * exactly one report came out, of the right type, for the right address,
 * size and direction (kasan_last_report: what the report printed), and
 * that the kernel went on.  The runner also checks that the report's
 * first line, "BUG: KASAN: TYPE in ...", was printed
 * (kunit_expect_reports()) and that no other report was.
 *
 * Suite "kasan".  In a kernel built without KASAN every case is skipped,
 * saying so.
 *
 * The bad accesses go through volatile pointers and OPTIMIZER_HIDE_VAR()
 * so that gcc neither drops them nor proves them out of bounds at compile
 * time; the functions are noinline so the report names them.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/kasan.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

#define KASAN_TEST_CASES(X)						\
	X(kmalloc_oob_right)						\
	X(kmalloc_oob_right_123)					\
	X(kmalloc_oob_left)						\
	X(kmalloc_big_oob_right)					\
	X(kmalloc_large_oob_right)					\
	X(kmalloc_large_uaf)						\
	X(page_alloc_uaf)						\
	X(free_pages_uaf)						\
	X(krealloc_more_oob)						\
	X(krealloc_less_oob)						\
	X(kmalloc_oob_memset)						\
	X(kmalloc_oob_memcpy)						\
	X(kmalloc_uaf)							\
	X(kmalloc_uaf_memset)						\
	X(kmalloc_uaf_after_quarantine_churn)				\
	X(kmem_cache_oob)						\
	X(kmem_cache_uaf)						\
	X(kmem_cache_double_free)					\
	X(kmem_cache_invalid_free)					\
	X(kmalloc_double_free)						\
	X(global_oob_right)						\
	X(stack_oob)							\
	X(alloca_oob_left)						\
	X(alloca_oob_right)						\
	X(vmalloc_oob)							\
	X(ksize_unpoisons_slack)					\
	X(null_ptr_deref)						\
	X(wild_memory_access)

#ifndef OPTIMIZER_HIDE_VAR
#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))
#endif

#ifdef CONFIG_KASAN

/*
 * EXPECT_KASAN_REPORT - run @expr; expect exactly one report of @type
 * for an access of @sz bytes (@wr: a write) at @ptr.  For a free, @sz
 * is 0 and @ptr the pointer freed.
 */
#define EXPECT_KASAN_REPORT(test, type, ptr, sz, wr, expr) do {		\
	unsigned long __before = kasan_report_count;			\
									\
	kunit_expect_reports(test, "BUG: KASAN: " type " in ");		\
	barrier();							\
	expr;								\
	barrier();							\
	KUNIT_EXPECT_EQ(test, kasan_report_count, __before + 1);	\
	if (kasan_report_count == __before + 1) {			\
		KUNIT_EXPECT_STREQ(test, kasan_last_report.bug_type, type); \
		KUNIT_EXPECT_EQ(test, kasan_last_report.addr,		\
				(unsigned long)(ptr));			\
		KUNIT_EXPECT_EQ(test, kasan_last_report.size, (size_t)(sz)); \
		KUNIT_EXPECT_EQ(test, kasan_last_report.is_write, (bool)(wr)); \
	}								\
} while (0)

/* An access that must not be reported. */
#define EXPECT_NO_KASAN_REPORT(test, expr) do {				\
	unsigned long __before = kasan_report_count;			\
									\
	barrier();							\
	expr;								\
	barrier();							\
	KUNIT_EXPECT_EQ(test, kasan_report_count, __before);		\
} while (0)

static bool multi_shot;

static int kasan_suite_init(struct kunit_suite *suite)
{
	multi_shot = kasan_save_enable_multi_shot();
	return 0;
}

static void kasan_suite_exit(struct kunit_suite *suite)
{
	kasan_restore_multi_shot(multi_shot);
}

static noinline void kmalloc_oob_right(struct kunit *test)
{
	size_t size = 128 - KASAN_GRANULE_SIZE - 5;
	char *ptr = kmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	/* inside the last granule, then in the next one, then past the class size */
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + size, 1, true,
			    ((volatile char *)ptr)[size] = 'x');
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + size + 5, 1, false,
			    (void)((volatile char *)ptr)[size + 5]);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + 128, 1, false,
			    (void)((volatile char *)ptr)[128]);
	EXPECT_NO_KASAN_REPORT(test, (void)((volatile char *)ptr)[size - 1]);
	kfree(ptr);
}

/* The case: one byte past a 123-byte object (kmalloc-128). */
static noinline void kmalloc_oob_right_123(struct kunit *test)
{
	char *ptr = kmalloc(123, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + 123, 1, false,
			    (void)((volatile char *)ptr)[123]);
	kfree(ptr);
}

static noinline void kmalloc_oob_left(struct kunit *test)
{
	char *ptr = kmalloc(15, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr - 1, 1, false,
			    (void)*((volatile char *)ptr - 1));
	kfree(ptr);
}

static noinline void kmalloc_big_oob_right(struct kunit *test)
{
	size_t size = KMALLOC_MAX_CACHE_SIZE - 256;
	char *ptr = kmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + size, 1, true,
			    ((volatile char *)ptr)[size] = 0);
	kfree(ptr);
}

/* Above KMALLOC_MAX_CACHE_SIZE: pages, red zone to their end. */
static noinline void kmalloc_large_oob_right(struct kunit *test)
{
	size_t size = KMALLOC_MAX_CACHE_SIZE + 10;
	char *ptr = kmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + size, 1, false,
			    (void)((volatile char *)ptr)[size]);
	kfree(ptr);
}

static noinline void kmalloc_large_uaf(struct kunit *test)
{
	size_t size = KMALLOC_MAX_CACHE_SIZE + 10;
	char *ptr = kmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	kfree(ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "use-after-free", ptr, 1, false,
			    (void)((volatile char *)ptr)[0]);
}

static noinline void page_alloc_uaf(struct kunit *test)
{
	struct page *pages = alloc_pages(GFP_KERNEL, 4);
	char *ptr;

	KUNIT_ASSERT_NOT_NULL(test, pages);
	ptr = page_address(pages);
	__free_pages(pages, 4);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "use-after-free", ptr + PAGE_SIZE * 3, 1, false,
			    (void)((volatile char *)ptr)[PAGE_SIZE * 3]);
}

/* The case: a read after free_pages(). */
static noinline void free_pages_uaf(struct kunit *test)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 1);
	char *ptr = (char *)addr;

	KUNIT_ASSERT_NE(test, addr, 0UL);
	free_pages(addr, 1);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "use-after-free", ptr + 16, 1, false,
			    (void)((volatile char *)ptr)[16]);
}

static noinline void krealloc_more_oob(struct kunit *test)
{
	char *ptr1 = kmalloc(201, GFP_KERNEL), *ptr2;

	KUNIT_ASSERT_NOT_NULL(test, ptr1);
	ptr2 = krealloc(ptr1, 235, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ptr2);
	OPTIMIZER_HIDE_VAR(ptr2);
	EXPECT_NO_KASAN_REPORT(test, ((volatile char *)ptr2)[234] = 'x');
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr2 + 235, 1, true,
			    ((volatile char *)ptr2)[235] = 'x');
	kfree(ptr2);
}

static noinline void krealloc_less_oob(struct kunit *test)
{
	char *ptr1 = kmalloc(235, GFP_KERNEL), *ptr2;

	KUNIT_ASSERT_NOT_NULL(test, ptr1);
	ptr2 = krealloc(ptr1, 201, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ptr2);
	OPTIMIZER_HIDE_VAR(ptr2);
	EXPECT_NO_KASAN_REPORT(test, ((volatile char *)ptr2)[200] = 'x');
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr2 + 201, 1, true,
			    ((volatile char *)ptr2)[201] = 'x');
	kfree(ptr2);
}

/* memset() two bytes that end one past the object: checked as one write of 2. */
static noinline void kmalloc_oob_memset(struct kunit *test)
{
	size_t size = 128 - KASAN_GRANULE_SIZE;
	char *ptr = kmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	OPTIMIZER_HIDE_VAR(size);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + size - 1, 2, true,
			    memset(ptr + size - 1, 0, 2));
	kfree(ptr);
}

/* memcpy() that reads one byte past its source. */
static noinline void kmalloc_oob_memcpy(struct kunit *test)
{
	size_t size = 64;
	char *src = kmalloc(size, GFP_KERNEL);
	char *dst = kmalloc(size + 8, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	OPTIMIZER_HIDE_VAR(size);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", src, size + 1, false,
			    memcpy(dst, src, size + 1));
	kfree(src);
	kfree(dst);
}

/* The case: a read of a freed kmalloc object. */
static noinline void kmalloc_uaf(struct kunit *test)
{
	char *ptr = kmalloc(10, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	kfree(ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "slab-use-after-free", ptr + 8, 1, false,
			    (void)((volatile char *)ptr)[8]);
}

static noinline void kmalloc_uaf_memset(struct kunit *test)
{
	size_t size = 33;
	char *ptr = kmalloc(size, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	kfree(ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	OPTIMIZER_HIDE_VAR(size);
	EXPECT_KASAN_REPORT(test, "slab-use-after-free", ptr, size, true,
			    memset(ptr, 0, size));
}

/*
 * The quarantine at work: after many more allocations of the same size,
 * the freed object has not been handed out again, and a read of it is
 * still a use after free.
 */
static noinline void kmalloc_uaf_after_quarantine_churn(struct kunit *test)
{
	char *ptr = kmalloc(64, GFP_KERNEL), *p;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	kfree(ptr);
	for (i = 0; i < 1000; i++) {
		p = kmalloc(64, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_PTR_NE(test, p, ptr);
		kfree(p);
	}
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "slab-use-after-free", ptr, 1, false,
			    (void)((volatile char *)ptr)[0]);
}

static noinline void kmem_cache_oob(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("kasan-test", 200, 0, 0, NULL);
	char *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	OPTIMIZER_HIDE_VAR(p);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", p + 200, 1, false,
			    (void)((volatile char *)p)[200]);
	kmem_cache_free(s, p);
	kmem_cache_destroy(s);
}

static noinline void kmem_cache_uaf(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("kasan-test", 200, 0, 0, NULL);
	char *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	OPTIMIZER_HIDE_VAR(p);
	EXPECT_KASAN_REPORT(test, "slab-use-after-free", p + 40, 1, true,
			    ((volatile char *)p)[40] = 1);
	kmem_cache_destroy(s);		/* no "Objects remaining": p was freed */
}

static noinline void kmem_cache_double_free(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("kasan-test", 200, 0, 0, NULL);
	char *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_cache_free(s, p);
	EXPECT_KASAN_REPORT(test, "double-free", p, 0, false,
			    kmem_cache_free(s, p));
	kmem_cache_destroy(s);
}

static noinline void kmem_cache_invalid_free(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("kasan-test", 200, 0, 0, NULL);
	char *p;

	KUNIT_ASSERT_NOT_NULL(test, s);
	p = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	EXPECT_KASAN_REPORT(test, "invalid-free", p + 1, 0, false,
			    kmem_cache_free(s, p + 1));
	kmem_cache_free(s, p);		/* the object itself is still fine */
	kmem_cache_destroy(s);
}

static noinline void kmalloc_double_free(struct kunit *test)
{
	char *ptr = kmalloc(16, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	kfree(ptr);
	EXPECT_KASAN_REPORT(test, "double-free", ptr, 0, false, kfree(ptr));
}

/* The case: a global array overrun. */
static char global_array[10];

static noinline void global_oob_right(struct kunit *test)
{
	char *p = global_array;

	OPTIMIZER_HIDE_VAR(p);
	p += ARRAY_SIZE(global_array) + 3;
	EXPECT_KASAN_REPORT(test, "global-out-of-bounds", p, 1, false,
			    (void)*(volatile char *)p);
}

static noinline void stack_oob(struct kunit *test)
{
	char stack_array[10];
	char *p = stack_array;

	OPTIMIZER_HIDE_VAR(p);
	p += ARRAY_SIZE(stack_array) + 3;
	EXPECT_KASAN_REPORT(test, "stack-out-of-bounds", p, 1, false,
			    (void)*(volatile char *)p);
}

static noinline void alloca_oob_left(struct kunit *test)
{
	volatile int i = 10;
	char alloca_array[i];
	char *p = alloca_array - 1;

	OPTIMIZER_HIDE_VAR(p);
	EXPECT_KASAN_REPORT(test, "alloca-out-of-bounds", p, 1, false,
			    (void)*(volatile char *)p);
}

static noinline void alloca_oob_right(struct kunit *test)
{
	volatile int i = 10;
	char alloca_array[i];
	char *p = alloca_array + i;

	OPTIMIZER_HIDE_VAR(p);
	EXPECT_KASAN_REPORT(test, "alloca-out-of-bounds", p, 1, false,
			    (void)*(volatile char *)p);
}

/* Past the bytes asked for, in the same page (the guard page would fault). */
static noinline void vmalloc_oob(struct kunit *test)
{
	size_t size = PAGE_SIZE / 2 - 5;
	char *v = vmalloc(size);

	KUNIT_ASSERT_NOT_NULL(test, v);
	OPTIMIZER_HIDE_VAR(v);
	EXPECT_NO_KASAN_REPORT(test, ((volatile char *)v)[size - 1] = 1);
	EXPECT_KASAN_REPORT(test, "vmalloc-out-of-bounds", v + size, 1, false,
			    (void)((volatile char *)v)[size]);
	EXPECT_KASAN_REPORT(test, "vmalloc-out-of-bounds", v + size + 1000, 1, true,
			    ((volatile char *)v)[size + 1000] = 1);
	vfree(v);
}

/* ksize() says the object has its class's size: all of it becomes valid. */
static noinline void ksize_unpoisons_slack(struct kunit *test)
{
	char *ptr = kmalloc(123, GFP_KERNEL);
	size_t real;

	KUNIT_ASSERT_NOT_NULL(test, ptr);
	OPTIMIZER_HIDE_VAR(ptr);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + 123, 1, false,
			    (void)((volatile char *)ptr)[123]);
	real = ksize(ptr);
	KUNIT_EXPECT_EQ(test, real, (size_t)128);
	EXPECT_NO_KASAN_REPORT(test, (void)((volatile char *)ptr)[123]);
	EXPECT_NO_KASAN_REPORT(test, (void)((volatile char *)ptr)[real - 1]);
	EXPECT_KASAN_REPORT(test, "slab-out-of-bounds", ptr + real, 1, false,
			    (void)((volatile char *)ptr)[real]);
	kfree(ptr);
}

/* An address with no shadow at all: checked as uninstrumented code would. */
static noinline void null_ptr_deref(struct kunit *test)
{
	EXPECT_KASAN_REPORT(test, "null-ptr-deref", 8, 8, false,
			    kasan_check_read((void *)8, 8));
}

static noinline void wild_memory_access(struct kunit *test)
{
	unsigned long bad = 0xdead000000000000UL;	/* not canonical */

	EXPECT_KASAN_REPORT(test, "wild-memory-access", bad, 4, true,
			    kasan_check_write((void *)bad, 4));
}

#else /* !CONFIG_KASAN */

#define DEFINE_SKIPPED_CASE(name)					\
	static void name(struct kunit *test)				\
	{								\
		kunit_skip(test, "not a KASAN kernel: build it with make KASAN=1"); \
	}
KASAN_TEST_CASES(DEFINE_SKIPPED_CASE)
#define kasan_suite_init	NULL
#define kasan_suite_exit	NULL

#endif /* CONFIG_KASAN */

#define KASAN_KUNIT_CASE(name)	KUNIT_CASE(name),
static struct kunit_case kasan_test_cases[] = {
	KASAN_TEST_CASES(KASAN_KUNIT_CASE)
	{}
};

static struct kunit_suite kasan_test_suite = {
	.name = "kasan",
	.suite_init = kasan_suite_init,
	.suite_exit = kasan_suite_exit,
	.test_cases = kasan_test_cases,
};
kunit_test_suite(kasan_test_suite);
