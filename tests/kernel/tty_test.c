// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/tty.c, the console's input ring: it takes a burst of
 * its whole size, refuses (never overwrites) the character after, calls a
 * throttled driver back once half of it has been read, and the reader
 * says how many characters drivers had to drop.
 *
 * The ring is the shell's input: whatever is queued when a case starts
 * (typed ahead at the shell running "test") is taken out first and put
 * back, in order, at the end; interrupts are off meanwhile, so the serial
 * driver adds nothing in between.
 */
#include <kunit/test.h>
#include <linux/irqflags.h>
#include <kernel/log.h>
#include <kernel/tty.h>

static char saved[TTY_BUF_SIZE];
static unsigned int nr_saved, unthrottled;

static void save_input(void)
{
	int c;

	nr_saved = 0;
	while (nr_saved < TTY_BUF_SIZE && (c = tty_getc_nowait()) >= 0)
		saved[nr_saved++] = c;
}

static void restore_input(void)
{
	unsigned int i;

	while (tty_getc_nowait() >= 0)
		;
	for (i = 0; i < nr_saved; i++)
		tty_receive_char(saved[i]);
}

static void test_unthrottle(void)
{
	unthrottled++;
}

static void ring_takes_a_full_burst_and_refuses_the_next(struct kunit *test)
{
	unsigned long flags;
	unsigned int i, n_ok = 0, bad_order = 0;
	bool refused;

	local_irq_save(flags);
	save_input();
	for (i = 0; i < TTY_BUF_SIZE; i++)
		n_ok += tty_receive_char('a' + i % 26);
	refused = !tty_receive_char('!');
	for (i = 0; i < TTY_BUF_SIZE; i++)
		bad_order += tty_getc_nowait() != (int)('a' + i % 26);
	KUNIT_EXPECT_EQ(test, tty_getc_nowait(), -1);
	restore_input();
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, n_ok, TTY_BUF_SIZE);
	KUNIT_EXPECT_TRUE(test, refused);
	KUNIT_EXPECT_EQ(test, bad_order, 0U);
}

static void throttled_driver_is_called_back_at_half(struct kunit *test)
{
	unsigned long flags;
	unsigned int i, at_full, before_half, at_half, after;
	bool not_full_refused, throttled;

	unthrottled = 0;
	local_irq_save(flags);
	save_input();
	not_full_refused = !tty_throttle(test_unthrottle);	/* room: no */
	for (i = 0; i < TTY_BUF_SIZE; i++)
		tty_receive_char('x');
	throttled = tty_throttle(test_unthrottle);
	at_full = tty_room();
	for (i = 0; i < TTY_BUF_SIZE / 2 - 1; i++)
		tty_getc_nowait();
	before_half = unthrottled;
	tty_getc_nowait();
	at_half = unthrottled;
	while (tty_getc_nowait() >= 0)
		;
	after = unthrottled;
	restore_input();
	local_irq_restore(flags);

	KUNIT_EXPECT_TRUE(test, not_full_refused);
	KUNIT_EXPECT_TRUE(test, throttled);
	KUNIT_EXPECT_EQ(test, at_full, 0U);
	KUNIT_EXPECT_EQ(test, before_half, 0U);
	KUNIT_EXPECT_EQ(test, at_half, 1U);
	KUNIT_EXPECT_EQ(test, after, 1U);		/* once */
}

static void lost_input_is_reported(struct kunit *test)
{
	u64 seq = log_seq();
	unsigned long flags;
	int c;

	local_irq_save(flags);
	save_input();
	local_irq_restore(flags);
	tty_lost_chars(3);
	tty_overruns(2);
	tty_receive_char('z');
	c = tty_getc();			/* the reader reports, then reads */
	local_irq_save(flags);
	restore_input();
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, c, 'z');
	KUNIT_EXPECT_NE(test, log_search(seq, "tty: input buffer full, 3 character(s) lost"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "ttyS0: 2 input overrun(s)"), 0ULL);

	/* said once: the next read has nothing to report */
	seq = log_seq();
	tty_receive_char('z');
	c = tty_getc();
	KUNIT_EXPECT_EQ(test, c, 'z');
	KUNIT_EXPECT_EQ(test, log_search(seq, "lost"), 0ULL);
	KUNIT_EXPECT_EQ(test, log_search(seq, "overrun"), 0ULL);
}

static struct kunit_case tty_cases[] = {
	KUNIT_CASE(ring_takes_a_full_burst_and_refuses_the_next),
	KUNIT_CASE(throttled_driver_is_called_back_at_half),
	KUNIT_CASE(lost_input_is_reported),
	{}
};

static struct kunit_suite tty_suite = {
	.name = "tty",
	.test_cases = tty_cases,
};
kunit_test_suite(tty_suite);
