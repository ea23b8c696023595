// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for arch/x86_64/traps.c, dumpstack.c and kernel/panic.c: every
 * report a student will meet is printed in Linux's format, names the
 * faulting function, and the kernel survives it (through an oops catcher,
 * the same mechanism that lets the test runner survive an oopsing case).
 */
#include <kunit/test.h>
#include <linux/bug.h>
#include <linux/kallsyms.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/page.h>
#include <kernel/log.h>
#include <kernel/oops.h>
#include <kernel/pgtable.h>

/*
 * An address in the vmalloc region that nothing maps: the guard page
 * after a live one-page area (a fixed address could be in use: at SMP=8
 * the stacks of the per-CPU threads fill the region's start).
 */
static unsigned long unmapped_addr;
#define UNMAPPED_ADDR	unmapped_addr

/* Make UNMAPPED_ADDR a guard page; returns its area, for vfree(). */
static void *take_guard_page(struct kunit *test)
{
	void *area = vmalloc(PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, area);
	unmapped_addr = (unsigned long)area + PAGE_SIZE;
	return area;
}

static noinline void trigger_ud(void)
{
	__asm__ __volatile__("ud2");
}

static noinline void trigger_read_fault(void)
{
	(void)*(volatile unsigned long *)UNMAPPED_ADDR;
}

static noinline void trigger_write_fault(void)
{
	*(volatile unsigned long *)UNMAPPED_ADDR = 1;
}

/*
 * __no_sanitize_address: with make KASAN=1 the compiler would check the
 * shadow of the NULL pointer first, at a non-canonical address: a general
 * protection fault instead of the page fault this test is about (as in
 * Linux with KASAN).
 */
static noinline __no_sanitize_address void trigger_null_deref(void)
{
	int *volatile ptr = (int *)16;

	(void)*(volatile int *)ptr;
}

static noinline void trigger_divide_error(void)
{
	volatile int zero = 0;
	volatile int x = 1;

	x = x / zero;
}

static noinline void trigger_bug(void)
{
	BUG_ON(1 + 1 == 2);
}

static noinline unsigned long recurse_forever(unsigned long depth)
{
	volatile char frame[512];

	frame[0] = (char)depth;
	if (depth == ~0UL)	/* never: but the compiler cannot know */
		return frame[0];
	return recurse_forever(depth + 1) + frame[0];
}

static noinline void trigger_stack_overflow(void)
{
	recurse_forever(0);
}

/*
 * Run @fn under a catcher; expect exactly one oops, and return the log
 * position from before it so the caller can check the report text.
 */
static noinline u64 expect_oops(struct kunit *test, void (*fn)(void))
{
	struct oops_catcher c;
	unsigned int before = oops_count;
	u64 seq = log_seq();

	if (oops_catch(&c) == 0) {
		fn();
		oops_uncatch(&c);
		KUNIT_FAIL(test, "no oops happened");
	}
	KUNIT_EXPECT_EQ(test, oops_count, before + 1);
	return seq;
}

static void expect_log(struct kunit *test, u64 seq, const char *text)
{
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) != 0,
			      "the log lacks \"%s\"", text);
}

static void invalid_opcode_is_reported(struct kunit *test)
{
	u64 seq = expect_oops(test, trigger_ud);

	kunit_expect_reports(test, "invalid opcode:");
	expect_log(test, seq, "invalid opcode: 0000 [#");
	expect_log(test, seq, "RIP: 0010:trigger_ud+0x");
	expect_log(test, seq, "Call Trace:");
	/* the backtrace goes through this test's caller */
	expect_log(test, seq, " expect_oops+0x");
}

static void page_fault_read_is_decoded(struct kunit *test)
{
	void *area = take_guard_page(test);
	u64 seq = expect_oops(test, trigger_read_fault);
	char line[80];

	vfree(area);
	kunit_expect_reports(test, "BUG: unable to handle page fault");
	snprintf(line, sizeof(line), "BUG: unable to handle page fault for address: %016lx",
		 unmapped_addr);
	expect_log(test, seq, line);
	expect_log(test, seq, "#PF: supervisor read access in kernel mode");
	expect_log(test, seq, "#PF: error_code(0x0000) - not-present page");
	expect_log(test, seq, "RIP: 0010:trigger_read_fault+0x");
	snprintf(line, sizeof(line), "CR2: %016lx", unmapped_addr);
	expect_log(test, seq, line);
}

static void page_fault_write_is_decoded(struct kunit *test)
{
	void *area = take_guard_page(test);
	u64 seq = expect_oops(test, trigger_write_fault);

	vfree(area);
	kunit_expect_reports(test, "BUG: unable to handle page fault");
	expect_log(test, seq, "#PF: supervisor write access in kernel mode");
	expect_log(test, seq, "#PF: error_code(0x0002) - not-present page");
	expect_log(test, seq, "Oops: 0002 [#");
}

static void null_pointer_is_named(struct kunit *test)
{
	u64 seq = expect_oops(test, trigger_null_deref);

	kunit_expect_reports(test, "BUG: kernel NULL pointer dereference");
	expect_log(test, seq, "BUG: kernel NULL pointer dereference, address: 0000000000000010");
	expect_log(test, seq, "RIP: 0010:trigger_null_deref+0x");
}

static void divide_error_is_reported(struct kunit *test)
{
	u64 seq = expect_oops(test, trigger_divide_error);

	kunit_expect_reports(test, "divide error:");
	expect_log(test, seq, "divide error: 0000 [#");
	expect_log(test, seq, "RIP: 0010:trigger_divide_error+0x");
}

static void bug_on_is_reported(struct kunit *test)
{
	u64 seq = expect_oops(test, trigger_bug);

	kunit_expect_reports(test, "kernel BUG at");
	expect_log(test, seq, "kernel BUG at tests/kernel/traps_test.c:");
	expect_log(test, seq, "trigger_bug+0x");
}

/* The guard page below the boot stack turns an overflow into a report. */
static void stack_overflow_hits_guard_page(struct kunit *test)
{
	u64 seq = expect_oops(test, trigger_stack_overflow);

	kunit_expect_reports(test, "BUG: stack guard page was hit");
	expect_log(test, seq, "BUG: stack guard page was hit at");
	expect_log(test, seq, "kernel stack overflow (double-fault)");
	expect_log(test, seq, "RIP: 0010:recurse_forever");
}

static void warn_on_reports_and_continues(struct kunit *test)
{
	/* the report names the CPU: stay on this one */
	int pinned = set_cpus_allowed_ptr(current, cpumask_of(raw_smp_processor_id()));
	u64 seq = log_seq();
	int line = __LINE__ + 1;
	bool fired = WARN_ON(seq != 0 || seq == 0);
	unsigned int cpu = task_cpu(current);
	char where[96];

	set_cpus_allowed_ptr(current, cpu_possible_mask);
	KUNIT_EXPECT_EQ(test, pinned, 0);
	kunit_expect_reports(test, "WARNING:");
	KUNIT_EXPECT_TRUE(test, fired);
	expect_log(test, seq, "------------[ cut here ]------------");
	snprintf(where, sizeof(where),
		 "WARNING: CPU: %u PID: %d at tests/kernel/traps_test.c:%d warn_on_reports_and_continues+0x",
		 cpu, current->pid, line);
	expect_log(test, seq, where);
	KUNIT_EXPECT_FALSE(test, WARN_ON(false));
}

static noinline void warn_once_helper(void)
{
	WARN_ON_ONCE(1);
}

static void warn_on_once_fires_once(struct kunit *test)
{
	u64 seq = log_seq(), after_first;

	kunit_expect_reports(test, "WARNING:");
	warn_once_helper();
	after_first = log_search(seq, "WARNING: CPU: ");
	KUNIT_ASSERT_NE(test, after_first, 0ULL);
	warn_once_helper();
	KUNIT_EXPECT_EQ(test, log_search(after_first, "WARNING: CPU: "), 0ULL);
}

/*
 * oops_end()'s way out: a task whose stack is (partly) unmapped cannot
 * resume at a catcher nor run do_exit() (each push faults, and the
 * oops/double-fault cycle never ended), so oops_end() panics for it.
 * Here the test of that condition, on real stacks and on a stand-in
 * task whose "stack" is address space with nothing, then one page,
 * then every page mapped.
 */
static void oops_end_sees_an_unmapped_stack(struct kunit *test)
{
	struct page *pages[THREAD_SIZE / PAGE_SIZE] = { NULL };
	struct task_struct *fake;
	struct vm_struct *vm;
	unsigned long base, i;

	KUNIT_EXPECT_FALSE(test, task_stack_gone(current));
	KUNIT_EXPECT_FALSE(test, task_stack_gone(&init_task));

	fake = kunit_kzalloc(test, sizeof(*fake), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fake);
	vm = get_vm_area(THREAD_SIZE, VM_MAP);
	KUNIT_ASSERT_NOT_NULL(test, vm);
	base = (unsigned long)vm->addr;
	fake->stack = vm->addr;
	fake->stack_lo = base;
	fake->stack_hi = base + THREAD_SIZE;
	KUNIT_EXPECT_TRUE(test, task_stack_gone(fake));

	for (i = 0; i < ARRAY_SIZE(pages); i++)
		pages[i] = alloc_page(GFP_KERNEL);
	for (i = 0; i < ARRAY_SIZE(pages) && pages[i]; i++)
		;
	if (i == ARRAY_SIZE(pages)) {
		KUNIT_EXPECT_EQ(test, vmap_pages_range(base + PAGE_SIZE, base + 2 * PAGE_SIZE,
						       PAGE_KERNEL_PROT, &pages[1]), 0);
		KUNIT_EXPECT_TRUE(test, task_stack_gone(fake));	/* one page of four */
		KUNIT_EXPECT_EQ(test, vmap_pages_range(base, base + THREAD_SIZE,
						       PAGE_KERNEL_PROT, pages), 0);
		KUNIT_EXPECT_FALSE(test, task_stack_gone(fake));
		vunmap_range(base + THREAD_SIZE - PAGE_SIZE, base + THREAD_SIZE);
		KUNIT_EXPECT_TRUE(test, task_stack_gone(fake));	/* the top one gone */
	}
	free_vm_area(vm);
	KUNIT_EXPECT_TRUE(test, task_stack_gone(fake));
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		if (pages[i])
			__free_page(pages[i]);
}

/* After all those oopses, ordinary work still works. */
static void kernel_survives(struct kunit *test)
{
	char buf[KSYM_SYMBOL_LEN];

	sprint_symbol(buf, (unsigned long)kernel_survives);
	KUNIT_EXPECT_STREQ(test, strnlen(buf, 64) > 0 ? "ok" : "empty", "ok");
	KUNIT_EXPECT_EQ(test, strncmp(buf, "kernel_survives+0x0/", 20), 0);
}

static struct kunit_case traps_cases[] = {
	KUNIT_CASE(invalid_opcode_is_reported),
	KUNIT_CASE(page_fault_read_is_decoded),
	KUNIT_CASE(page_fault_write_is_decoded),
	KUNIT_CASE(null_pointer_is_named),
	KUNIT_CASE(divide_error_is_reported),
	KUNIT_CASE(bug_on_is_reported),
	KUNIT_CASE(stack_overflow_hits_guard_page),
	KUNIT_CASE(warn_on_reports_and_continues),
	KUNIT_CASE(warn_on_once_fires_once),
	KUNIT_CASE(oops_end_sees_an_unmapped_stack),
	KUNIT_CASE(kernel_survives),
	{}
};

static struct kunit_suite traps_suite = {
	.name = "traps",
	.test_cases = traps_cases,
};
kunit_test_suite(traps_suite);

/*
 * Run only by scripts/boot_checks.py (ktest=selftest_stack_gone): the
 * case unmaps its own stack, as the shell's `vfree` of its own stack
 * did before vfree() refused it.  The next push double-faults; oops_end()
 * must see that the stack is gone and panic after that one report
 * (before, it resumed on the unmapped stack: an endless oops cycle).
 */
static void unmaps_its_own_stack(struct kunit *test)
{
	vunmap_range(current->stack_lo, current->stack_hi);
	KUNIT_FAIL(test, "still running on an unmapped stack");
}

static struct kunit_case selftest_stack_gone_cases[] = {
	KUNIT_CASE(unmaps_its_own_stack),
	{}
};

static struct kunit_suite selftest_stack_gone_suite = {
	.name = "selftest_stack_gone",
	.test_cases = selftest_stack_gone_cases,
};
kunit_test_suite(selftest_stack_gone_suite);
