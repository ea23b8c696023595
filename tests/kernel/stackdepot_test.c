// SPDX-License-Identifier: GPL-2.0
/*
 * Suite stackdepot: call stacks are saved whole, stored once, and read
 * back by handle, from any context.
 */
#include <kunit/test.h>
#include <linux/irq_work.h>
#include <linux/kallsyms.h>
#include <linux/stackdepot.h>
#include <linux/stacktrace.h>

/* The function an entry (a return address) lies in. */
static bool entry_in(unsigned long entry, void *fn)
{
	unsigned long size, off;

	if (!kallsyms_lookup_size_offset(entry - 1, &size, &off))
		return false;
	return entry - 1 - off == (unsigned long)fn;
}

static noinline depot_stack_handle_t save_inner(unsigned int skip)
{
	depot_stack_handle_t h = stack_depot_save_here(skip);

	barrier();	/* keep the call a call, not a tail jump */
	return h;
}

static noinline depot_stack_handle_t save_outer(unsigned int skip)
{
	depot_stack_handle_t h = save_inner(skip);

	barrier();
	return h;
}

static void saves_the_whole_stack(struct kunit *test)
{
	depot_stack_handle_t h = save_outer(0);
	unsigned long *e;
	unsigned int nr = stack_depot_fetch(h, &e);

	KUNIT_ASSERT_NE(test, h, 0u);
	KUNIT_ASSERT_GE(test, nr, 3u);
	KUNIT_EXPECT_TRUE(test, entry_in(e[0], save_inner));
	KUNIT_EXPECT_TRUE(test, entry_in(e[1], save_outer));
	KUNIT_EXPECT_TRUE(test, entry_in(e[2], saves_the_whole_stack));
}

static void skip_leaves_out_inner_frames(struct kunit *test)
{
	unsigned long *e;
	unsigned int nr = stack_depot_fetch(save_outer(1), &e);

	KUNIT_ASSERT_GE(test, nr, 2u);
	KUNIT_EXPECT_TRUE(test, entry_in(e[0], save_outer));
	KUNIT_EXPECT_TRUE(test, entry_in(e[1], skip_leaves_out_inner_frames));
}

static void same_stack_stored_once(struct kunit *test)
{
	struct stack_depot_stats before, after;
	depot_stack_handle_t h[4];
	int i;

	stack_depot_get_stats(&before);
	for (i = 0; i < 4; i++)
		h[i] = save_outer(0);	/* one call site: one stack */
	stack_depot_get_stats(&after);
	KUNIT_EXPECT_NE(test, h[0], 0u);
	for (i = 1; i < 4; i++)
		KUNIT_EXPECT_EQ(test, h[i], h[0]);
	KUNIT_EXPECT_EQ(test, after.saves - before.saves, 4ul);
	KUNIT_EXPECT_LE(test, after.stacks - before.stacks, 1ul);
	/* another call site is another stack */
	KUNIT_EXPECT_NE(test, save_inner(0), h[0]);
}

static void bad_handles_fetch_nothing(struct kunit *test)
{
	struct stack_depot_stats st;
	unsigned long *e;

	stack_depot_get_stats(&st);
	KUNIT_EXPECT_EQ(test, stack_depot_fetch(0, &e), 0u);
	KUNIT_EXPECT_NULL(test, e);
	KUNIT_EXPECT_EQ(test, stack_depot_fetch(0xfffffff0u, &e), 0u);
	KUNIT_EXPECT_EQ(test, stack_depot_save(NULL, 0, GFP_KERNEL), 0u);
	KUNIT_EXPECT_GT(test, st.pool_bytes, 0ul);
	KUNIT_EXPECT_LE(test, st.used_bytes, st.pool_bytes);
}

static void deep_stacks_are_cut(struct kunit *test)
{
	unsigned long fake[STACK_DEPOT_MAX_FRAMES + 8];
	unsigned long *e;
	unsigned int i;
	depot_stack_handle_t h;

	for (i = 0; i < ARRAY_SIZE(fake); i++)
		fake[i] = (unsigned long)deep_stacks_are_cut + i + 1;
	h = stack_depot_save(fake, ARRAY_SIZE(fake), GFP_KERNEL);
	KUNIT_ASSERT_NE(test, h, 0u);
	KUNIT_EXPECT_EQ(test, stack_depot_fetch(h, &e), (unsigned int)STACK_DEPOT_MAX_FRAMES);
	KUNIT_EXPECT_MEMEQ(test, e, fake, STACK_DEPOT_MAX_FRAMES * sizeof(*e));
}

struct depot_irq_work {
	struct irq_work work;
	depot_stack_handle_t handle;
};

static void save_in_hardirq(struct irq_work *w)
{
	struct depot_irq_work *d = container_of(w, struct depot_irq_work, work);

	d->handle = stack_depot_save_here(0);
}

static void saves_in_hard_interrupts(struct kunit *test)
{
	struct depot_irq_work d = {};
	unsigned long *e;

	init_irq_work(&d.work, save_in_hardirq);
	KUNIT_ASSERT_TRUE(test, irq_work_queue(&d.work));
	irq_work_sync(&d.work);
	KUNIT_ASSERT_NE(test, d.handle, 0u);
	KUNIT_ASSERT_GE(test, stack_depot_fetch(d.handle, &e), 1u);
	KUNIT_EXPECT_TRUE(test, entry_in(e[0], save_in_hardirq));
}

static struct kunit_case stackdepot_cases[] = {
	KUNIT_CASE(saves_the_whole_stack),
	KUNIT_CASE(skip_leaves_out_inner_frames),
	KUNIT_CASE(same_stack_stored_once),
	KUNIT_CASE(bad_handles_fetch_nothing),
	KUNIT_CASE(deep_stacks_are_cut),
	KUNIT_CASE(saves_in_hard_interrupts),
	{}
};

static struct kunit_suite stackdepot_suite = {
	.name = "stackdepot",
	.test_cases = stackdepot_cases,
};
kunit_test_suite(stackdepot_suite);
