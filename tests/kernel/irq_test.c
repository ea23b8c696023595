// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/irq.c's unhandled-interrupt accounting: an interrupt
 * that its handler finds nothing to do for, now and then (a UART whose
 * bytes the previous interrupt already took), is normal and says nothing;
 * a line that nobody handles at all is reported "irq N: nobody cared" and
 * switched off at the PIC, as Linux does.
 *
 * The interrupts are raised in software (int $vector), which enters the
 * kernel exactly as the PIC's would, on a line no device uses.
 */
#include <kunit/test.h>
#include <linux/interrupt.h>
#include <asm/io.h>
#include <asm/irq_vectors.h>
#include <kernel/log.h>

#define TEST_IRQ		3	/* COM2: no device in our QEMU */
#define PIC_MASTER_IMR		0x21	/* bit n set: IRQ n masked */
#define SPURIOUS_WINDOW		100000U	/* kernel/irq.c's verdict window */

static unsigned int calls;

/* Handles three interrupts of four: the fourth found nothing to do. */
static irqreturn_t mostly_handled(int irq, void *dev_id)
{
	return ++calls % 4 ? IRQ_HANDLED : IRQ_NONE;
}

static irqreturn_t never_handled(int irq, void *dev_id)
{
	calls++;
	return IRQ_NONE;
}

static void raise_test_irq(void)
{
	__asm__ __volatile__("int %0" : : "i"(ISA_IRQ_VECTOR(TEST_IRQ)) : "memory");
}

static bool test_irq_masked(void)
{
	return inb(PIC_MASTER_IMR) & (1U << TEST_IRQ);
}

static void occasional_unhandled_interrupts_are_normal(struct kunit *test)
{
	u64 seq = log_seq();
	unsigned int i;

	calls = 0;
	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, mostly_handled, 0,
					  "irq_test", &calls), 0);
	for (i = 0; i < SPURIOUS_WINDOW + 1000; i++)
		raise_test_irq();
	KUNIT_EXPECT_FALSE(test, test_irq_masked());
	free_irq(TEST_IRQ, &calls);
	KUNIT_EXPECT_EQ(test, calls, SPURIOUS_WINDOW + 1000);
	KUNIT_EXPECT_EQ(test, log_search(seq, "nobody cared"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "Disabling IRQ"), 0ULL);
}

static void a_line_nobody_handles_is_disabled(struct kunit *test)
{
	u64 seq = log_seq();
	unsigned int i;

	calls = 0;
	KUNIT_ASSERT_EQ(test, request_irq(TEST_IRQ, never_handled, 0,
					  "irq_test", &calls), 0);
	for (i = 0; i < SPURIOUS_WINDOW - 1; i++)
		raise_test_irq();
	KUNIT_EXPECT_FALSE(test, test_irq_masked());	/* not yet */
	KUNIT_EXPECT_EQ(test, log_search(seq, "nobody cared"), 0ULL);
	raise_test_irq();
	KUNIT_EXPECT_TRUE(test, test_irq_masked());
	KUNIT_EXPECT_NE(test, log_search(seq, "irq 3: nobody cared"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "never_handled (irq_test)"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "Disabling IRQ #3"), 0ULL);
	free_irq(TEST_IRQ, &calls);
}

static struct kunit_case irq_cases[] = {
	KUNIT_CASE(occasional_unhandled_interrupts_are_normal),
	KUNIT_CASE(a_line_nobody_handles_is_disabled),
	{}
};

static struct kunit_suite irq_suite = {
	.name = "irq",
	.test_cases = irq_cases,
};
kunit_test_suite(irq_suite);
