// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for lib/hexdump.c under ASan: Linux's line layout for each
 * row and group size, the fallbacks for bad sizes, and that a line cut
 * by a small buffer never writes past it, is always terminated and
 * still returns the length the whole line has.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/errno.h>

static const u8 data[40] = "The quick brown fox\x00\x01\x7f\x80\xfe\xff jumps over";

static void test_layouts(void **state)
{
	char line[200];

	(void)state;
	assert_int_equal(hex_dump_to_buffer(data, 16, 16, 1, line, sizeof(line), true), 65);
	assert_string_equal(line,
		"54 68 65 20 71 75 69 63 6b 20 62 72 6f 77 6e 20  The quick brown ");
	hex_dump_to_buffer(data + 16, 10, 16, 1, line, sizeof(line), true);
	assert_string_equal(line,
		"66 6f 78 00 01 7f 80 fe ff 20                    fox...... ");
	hex_dump_to_buffer(data, 16, 16, 2, line, sizeof(line), false);
	assert_string_equal(line, "6854 2065 7571 6369 206b 7262 776f 206e");
	hex_dump_to_buffer(data, 8, 16, 4, line, sizeof(line), true);
	/* ASCII column at 16 * 2 + 16 / 4 + 1 = 37 */
	assert_string_equal(line, "20656854 63697571" "                    " "The quic");
	hex_dump_to_buffer(data, 32, 32, 8, line, sizeof(line), false);
	assert_string_equal(line, "6369757120656854 206e776f7262206b "
				  "fe807f0100786f66 2073706d756a20ff");
	/* groupsize 3 is not one: bytes; 6 bytes in 4s do not divide: bytes */
	hex_dump_to_buffer(data, 3, 16, 3, line, sizeof(line), false);
	assert_string_equal(line, "54 68 65");
	hex_dump_to_buffer(data, 6, 16, 4, line, sizeof(line), false);
	assert_string_equal(line, "54 68 65 20 71 75");
	/* more than a row: only the first row */
	hex_dump_to_buffer(data, 40, 16, 1, line, sizeof(line), false);
	assert_int_equal(strlen(line), 47);
	assert_int_equal(hex_dump_to_buffer(data, 0, 16, 1, line, sizeof(line), true), 0);
	assert_string_equal(line, "");
}

/* Every buffer size, for each layout: no overrun, terminated, same answer. */
static void test_every_buffer_size(void **state)
{
	static const int groups[] = { 1, 2, 4, 8 };
	unsigned int g, size;
	int ascii;

	(void)state;
	for (ascii = 0; ascii <= 1; ascii++) {
		for (g = 0; g < ARRAY_SIZE(groups); g++) {
			char full[200];
			int len = hex_dump_to_buffer(data, 32, 32, groups[g],
						     full, sizeof(full), ascii);

			assert_int_equal(len, strlen(full));
			for (size = 1; size <= (unsigned int)len + 1; size++) {
				char *buf = host_malloc(size);	/* ASan sees the end */
				int n = hex_dump_to_buffer(data, 32, 32, groups[g],
							   buf, size, ascii);

				assert_int_equal(n, len);
				assert_true(strlen(buf) < size);
				assert_memory_equal(buf, full, strlen(buf));
				host_free(buf);
			}
		}
	}
}

static void test_print_hex_dump(void **state)
{
	(void)state;
	host_printk_reset();
	print_hex_dump(KERN_ERR, "p: ", DUMP_PREFIX_OFFSET, 16, 1, data, 20, true);
	assert_string_equal(host_printk_text(),
		"p: 00000000: 54 68 65 20 71 75 69 63 6b 20 62 72 6f 77 6e 20  The quick brown \n"
		"p: 00000010: 66 6f 78 00                                      fox.\n");
	assert_int_equal(host_printk_last_level(), 3);
	host_printk_reset();
	print_hex_dump(KERN_INFO, "", DUMP_PREFIX_NONE, 32, 4, data, 8, false);
	assert_string_equal(host_printk_text(), "20656854 63697571\n");
}

static void test_hex_helpers(void **state)
{
	u8 bin[3];
	char hex[7];

	(void)state;
	assert_int_equal(hex_to_bin('a'), 10);
	assert_int_equal(hex_to_bin('F'), 15);
	assert_int_equal(hex_to_bin('9'), 9);
	assert_int_equal(hex_to_bin('g'), -1);
	assert_int_equal(hex2bin(bin, "00ff7A", 3), 0);
	assert_int_equal(bin[1], 0xff);
	assert_int_equal(bin[2], 0x7a);
	assert_int_equal(hex2bin(bin, "0x", 1), -EINVAL);
	*bin2hex(hex, bin, 3) = '\0';
	assert_string_equal(hex, "00ff7a");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layouts),
		cmocka_unit_test(test_every_buffer_size),
		cmocka_unit_test(test_print_hex_dump),
		cmocka_unit_test(test_hex_helpers),
	};

	host_test_init();
	return cmocka_run_group_tests_name("hexdump", tests, NULL, NULL);
}
