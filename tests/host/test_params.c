// SPDX-License-Identifier: GPL-2.0
/*
 * Host tests for the module parameters of kernel/params.c: the set and
 * get of every standard type with Linux's rules (bases, ranges, bool
 * spellings, charp copies), arrays, and module_parse_args() with the
 * messages insmod's user sees.  The parameters are declared with
 * module_param() as a module declares them (this file is built as module
 * code, -DMODULE style), and found where the loader finds them: in the
 * "__param" section, between the linker's __start___param and
 * __stop___param.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "host_support.h"
#include "slab_model.h"

#define MODULE
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/stat.h>
#include <linux/string.h>
#include <asm/page.h>

/* kernel/params.c's boot-parameter half wants a table: an empty one. */
static const struct obs_kernel_param no_setup[1];
extern const struct obs_kernel_param __setup_start[1] __attribute__((alias("no_setup")));
extern const struct obs_kernel_param __setup_end[1] __attribute__((alias("no_setup")));

static unsigned char mp_byte = 1;
static short mp_short;
static unsigned short mp_ushort;
static int mp_int = 10;
static unsigned int mp_uint;
static long mp_long;
static unsigned long mp_ulong;
static unsigned long long mp_ullong;
static unsigned int mp_hexint;
static bool mp_bool, mp_invbool;
static char *mp_charp = "literal";
static int mp_array[4];
static unsigned int mp_array_n;
static int renamed_var;

module_param(mp_byte, byte, S_IRUGO);
module_param(mp_short, short, S_IRUGO);
module_param(mp_ushort, ushort, S_IRUGO);
module_param(mp_int, int, S_IRUGO | S_IWUSR);
MODULE_PARM_DESC(mp_int, "an int");
module_param(mp_uint, uint, 0);
module_param(mp_long, long, 0);
module_param(mp_ulong, ulong, 0);
module_param(mp_ullong, ullong, 0);
module_param(mp_hexint, hexint, 0);
module_param(mp_bool, bool, 0);
module_param(mp_invbool, invbool, 0);
module_param(mp_charp, charp, 0);
module_param_array(mp_array, int, &mp_array_n, 0);
module_param_named(alias_name, renamed_var, int, 0644);

extern const struct kernel_param __start___param[], __stop___param[];

static int parse(const char *line)
{
	char args[256];

	strscpy(args, line, sizeof(args));
	return module_parse_args("testmod", args, __start___param,
				 __stop___param - __start___param);
}

static const struct kernel_param *find(const char *name)
{
	const struct kernel_param *kp;

	for (kp = __start___param; kp < __stop___param; kp++)
		if (!strcmp(kp->name, name))
			return kp;
	fail_msg("no parameter %s", name);
	return NULL;
}

/* ops->get of @name, into a page-sized buffer as sysfs gives. */
static const char *get(const char *name)
{
	static char buf[4096];
	const struct kernel_param *kp = find(name);

	assert_true(kp->ops->get(buf, kp) >= 0);
	return buf;
}

static int boot(void **state)
{
	(void)state;
	slab_model_boot(0);
	return 0;
}

static int setup(void **state)
{
	(void)state;
	host_printk_reset();
	return 0;
}

static void test_table_as_the_loader_sees_it(void **state)
{
	(void)state;
	assert_int_equal(__stop___param - __start___param, 14);
	assert_ptr_equal(find("mp_int")->ops, &param_ops_int);
	assert_int_equal(find("mp_int")->perm, 0644);
	assert_ptr_equal(find("mp_int")->arg, &mp_int);
	assert_ptr_equal(find("alias_name")->arg, &renamed_var);
	assert_ptr_equal(find("mp_array")->ops, &param_array_ops);
	assert_int_equal(find("mp_array")->arr->max, 4);
}

static void test_integers(void **state)
{
	(void)state;
	assert_int_equal(parse("mp_byte=255 mp_short=-32768 mp_ushort=0xffff "
			       "mp_int=-0x10 mp_uint=017 mp_long=-9 mp_ulong=9 "
			       "mp_ullong=18446744073709551615 mp_hexint=0x1F"), 0);
	assert_int_equal(mp_byte, 255);
	assert_int_equal(mp_short, -32768);
	assert_int_equal(mp_ushort, 65535);
	assert_int_equal(mp_int, -16);
	assert_int_equal(mp_uint, 15);		/* base 0: a leading 0 is octal */
	assert_int_equal(mp_long, -9);
	assert_true(mp_ullong == ~0ULL);
	assert_string_equal(get("mp_byte"), "255\n");
	assert_string_equal(get("mp_short"), "-32768\n");
	assert_string_equal(get("mp_int"), "-16\n");
	assert_string_equal(get("mp_ullong"), "18446744073709551615\n");
	assert_string_equal(get("mp_hexint"), "0x00001f\n");
	assert_string_equal(host_printk_text(), "");

	/* out of range: -ERANGE, the variable untouched */
	assert_int_equal(parse("mp_byte=256"), -ERANGE);
	assert_int_equal(mp_byte, 255);
	assert_int_equal(parse("mp_short=32768"), -ERANGE);
	assert_int_equal(parse("mp_uint=-1"), -EINVAL);
	assert_int_equal(parse("mp_int=12abc"), -EINVAL);
	assert_int_equal(parse("mp_int="), -EINVAL);
	assert_int_equal(mp_int, -16);
}

static void test_bools(void **state)
{
	static const char *const yes[] = { "y", "Y", "1", "on", "true", "yes" };
	static const char *const no[] = { "n", "N", "0", "off", "false", "no" };
	char line[32];
	unsigned int i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(yes); i++) {
		snprintf(line, sizeof(line), "mp_bool=%s mp_invbool=%s", yes[i], yes[i]);
		mp_bool = false;
		mp_invbool = true;
		assert_int_equal(parse(line), 0);
		assert_true(mp_bool);
		assert_false(mp_invbool);
	}
	for (i = 0; i < ARRAY_SIZE(no); i++) {
		snprintf(line, sizeof(line), "mp_bool=%s mp_invbool=%s", no[i], no[i]);
		assert_int_equal(parse(line), 0);
		assert_false(mp_bool);
		assert_true(mp_invbool);
	}
	assert_string_equal(get("mp_bool"), "N\n");
	assert_string_equal(get("mp_invbool"), "N\n");	/* shown as written */
	/* a bare name is true */
	assert_int_equal(parse("mp_bool mp_invbool"), 0);
	assert_true(mp_bool);
	assert_false(mp_invbool);
	assert_string_equal(get("mp_bool"), "Y\n");
	assert_int_equal(parse("mp_bool=maybe"), -EINVAL);
	assert_string_equal(host_printk_text(),
			    "testmod: `maybe' invalid for parameter `mp_bool'\n");
}

static void test_charp(void **state)
{
	char *first;

	(void)state;
	assert_int_equal(parse("mp_charp=\"hello world\""), 0);
	assert_string_equal(mp_charp, "hello world");
	assert_string_equal(get("mp_charp"), "hello world\n");
	first = mp_charp;
	/* a copy, in the direct map (kmalloc), not the insmod line */
	assert_true((unsigned long)first >= PAGE_OFFSET);
	assert_int_equal(parse("mp_charp=second"), 0);	/* the first is freed */
	assert_string_equal(mp_charp, "second");
	module_destroy_params(__start___param, __stop___param - __start___param);
	mp_charp = "literal";	/* never freed: destroy leaves it alone */
	module_destroy_params(__start___param, __stop___param - __start___param);
	slab_model_expect_all_returned();
	assert_int_equal(parse("mp_charp"), -EINVAL);
}

static void test_arrays(void **state)
{
	(void)state;
	assert_int_equal(parse("mp_array=1,-2,0x3"), 0);
	assert_int_equal(mp_array_n, 3);
	assert_int_equal(mp_array[2], 3);
	assert_string_equal(get("mp_array"), "1,-2,3\n");
	assert_int_equal(parse("mp_array=7"), 0);
	assert_int_equal(mp_array_n, 1);
	assert_int_equal(parse("mp_array=1,2,3,4,5"), -EINVAL);
	assert_string_equal(host_printk_text(),
			    "mp_array: can only take 4 arguments\n"
			    "testmod: `1,2,3,4,5' invalid for parameter `mp_array'\n");
	host_printk_reset();
	assert_int_equal(parse("mp_array=1,x"), -EINVAL);
	assert_string_equal(host_printk_text(),
			    "testmod: `1,x' invalid for parameter `mp_array'\n");
	slab_model_expect_all_returned();
}

/* Unknown names are reported and skipped; a bad value stops the parse. */
static void test_parse_messages(void **state)
{
	(void)state;
	mp_int = 1;
	renamed_var = 0;
	assert_int_equal(parse("nosuch=3 mp-int=2 alias_name=5"), 0);
	assert_string_equal(host_printk_text(),
			    "testmod: unknown parameter 'nosuch' ignored\n");
	assert_int_equal(mp_int, 2);		/* '-' and '_' alike */
	assert_int_equal(renamed_var, 5);
	host_printk_reset();
	assert_int_equal(parse("mp_int=x alias_name=6"), -EINVAL);
	assert_string_equal(host_printk_text(),
			    "testmod: `x' invalid for parameter `mp_int'\n");
	assert_int_equal(renamed_var, 5);
	host_printk_reset();
	assert_int_equal(parse("mp_int"), -EINVAL);
	assert_string_equal(host_printk_text(),
			    "testmod: `' invalid for parameter `mp_int'\n");
	assert_int_equal(parse(""), 0);
	assert_int_equal(parse("-- mp_int=x"), 0);	/* "--" ends the list */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_table_as_the_loader_sees_it, setup),
		cmocka_unit_test_setup(test_integers, setup),
		cmocka_unit_test_setup(test_bools, setup),
		cmocka_unit_test_setup(test_charp, setup),
		cmocka_unit_test_setup(test_arrays, setup),
		cmocka_unit_test_setup(test_parse_messages, setup),
	};

	host_test_init();
	return cmocka_run_group_tests_name("params", tests, boot, NULL);
}
