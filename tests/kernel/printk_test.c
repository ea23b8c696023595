// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for kernel/printk.c and the freestanding lib/vsprintf.c as built
 * into the kernel: levels and the console loglevel, timestamps, KERN_CONT,
 * the log ring that dmesg reads.  (lib/vsprintf.c has its full suite on
 * the host, tests/host/test_vsprintf.c; here we check the kernel build.)
 */
#include <kunit/test.h>
#include <linux/console.h>
#include <kernel/log.h>

static char captured[512];
static unsigned int captured_len;

static void capture_write(struct console *con, const char *s, unsigned int len)
{
	while (len-- && captured_len + 1 < sizeof(captured))
		captured[captured_len++] = *s++;
	captured[captured_len] = '\0';
}

static struct console capture_console = {
	.name = "ktest-capture",
	.write = capture_write,
};

static int printk_test_init(struct kunit *test)
{
	captured_len = 0;
	captured[0] = '\0';
	register_console(&capture_console);
	return 0;
}

static void printk_test_exit(struct kunit *test)
{
	unregister_console(&capture_console);
}

static void console_gets_timestamped_line(struct kunit *test)
{
	pr_info("hello from %s\n", "printk_test");
	/* "[    0.123456] hello from printk_test\n" */
	KUNIT_ASSERT_GT(test, captured_len, 15U);
	KUNIT_EXPECT_EQ(test, captured[0], '[');
	KUNIT_EXPECT_EQ(test, captured[6], '.');
	KUNIT_EXPECT_EQ(test, captured[13], ']');
	KUNIT_EXPECT_STREQ(test, captured + 14, " hello from printk_test\n");
}

static void loglevel_filters_console_not_log(struct kunit *test)
{
	int saved = console_loglevel;
	u64 seq = log_seq();

	console_loglevel = 5;		/* levels 0-4: KERN_WARNING and more urgent */
	pr_info("quiet info line\n");
	pr_warn("loud warning line\n");
	console_loglevel = saved;

	KUNIT_EXPECT_NULL(test, strstr(captured, "quiet info line"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "loud warning line"));
	/* the ring keeps everything */
	KUNIT_EXPECT_NE(test, log_search(seq, "quiet info line"), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "loud warning line"), 0ULL);
}

static void kern_cont_continues_the_line(struct kunit *test)
{
	u64 seq = log_seq();

	printk(KERN_INFO "first half,");
	pr_cont(" second half\n");
	KUNIT_EXPECT_NE(test, log_search(seq, "first half, second half\n"), 0ULL);
	/* one timestamp only */
	KUNIT_EXPECT_EQ(test, captured[0], '[');
	KUNIT_EXPECT_NULL(test, strchr(captured + 1, '['));
}

static void timestamps_do_not_go_back(struct kunit *test)
{
	char a[32], b[32];
	u64 seq = log_seq();

	pr_info("tick\n");
	pr_info("tock\n");
	log_read(&seq, captured, sizeof(captured));
	/* "[    s.uuuuuu] tick\n[    s.uuuuuu] tock\n": compare as strings */
	memcpy(a, captured, 14);
	a[14] = '\0';
	memcpy(b, strstr(captured, "tick\n") + 5, 14);
	b[14] = '\0';
	KUNIT_EXPECT_LE(test, strcmp(a, b), 0);
}

static void log_read_strips_level_markers(struct kunit *test)
{
	char buf[128];
	u64 seq = log_seq();

	pr_err("an error\n");
	KUNIT_EXPECT_GT(test, log_read(&seq, buf, sizeof(buf)), 0UL);
	KUNIT_EXPECT_NULL(test, strchr(buf, KERN_SOH[0]));
	KUNIT_EXPECT_STREQ(test, buf + 14, " an error\n");
	KUNIT_EXPECT_EQ(test, seq, log_seq());
}

static void kernel_snprintf_formats(struct kunit *test)
{
	char buf[128];

	snprintf(buf, sizeof(buf), "%d|%u|%x|%lx|%s|%c", -42, 42U, 0xbeefU,
		 0xffff888000000000UL, "str", 'c');
	KUNIT_EXPECT_STREQ(test, buf, "-42|42|beef|ffff888000000000|str|c");
	snprintf(buf, sizeof(buf), "[%5d|%-5d|%05d|%#x|%8.3s]", 7, 7, 7, 255U, "abcdef");
	KUNIT_EXPECT_STREQ(test, buf, "[    7|7    |00007|0xff|     abc]");
	snprintf(buf, sizeof(buf), "%px", (void *)0xffffffff80100000UL);
	KUNIT_EXPECT_STREQ(test, buf, "ffffffff80100000");
	/* %pa takes the address of a phys_addr_t and prints it unhashed */
	{
		phys_addr_t pa = 0x1fba8000;
		dma_addr_t da = 0x1234;

		snprintf(buf, sizeof(buf), "%pa|%pap|%pad|%pa", &pa, &pa, &da, NULL);
		KUNIT_EXPECT_STREQ(test, buf, "0x000000001fba8000|0x000000001fba8000|"
				   "0x0000000000001234|(null)");
	}
	KUNIT_EXPECT_EQ(test, snprintf(buf, 4, "%s", "truncated"), 9);
	KUNIT_EXPECT_STREQ(test, buf, "tru");
	snprintf(buf, sizeof(buf), "%pS", kernel_snprintf_formats);
	KUNIT_EXPECT_EQ(test, strncmp(buf, "kernel_snprintf_formats+0x0/0x", 30), 0);
}

static struct kunit_case printk_cases[] = {
	KUNIT_CASE(console_gets_timestamped_line),
	KUNIT_CASE(loglevel_filters_console_not_log),
	KUNIT_CASE(kern_cont_continues_the_line),
	KUNIT_CASE(timestamps_do_not_go_back),
	KUNIT_CASE(log_read_strips_level_markers),
	KUNIT_CASE(kernel_snprintf_formats),
	{}
};

static struct kunit_suite printk_suite = {
	.name = "printk",
	.init = printk_test_init,
	.exit = printk_test_exit,
	.test_cases = printk_cases,
};
kunit_test_suite(printk_suite);
