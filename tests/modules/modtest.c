// SPDX-License-Identifier: GPL-2.0
/*
 * modtest: a small module for the loader's KUnit suite
 * (tests/kernel/module_loader_test.c), built as an out-of-tree module is
 * (the kernel's flags, -DMODULE, ld -r) and linked into the test kernel
 * as bytes.  It reports to the suite through the suite's exports: what
 * init saw, that exit ran.  It exports a function of its own, which
 * modtest_user uses (a reference from module to module).
 */
#include <linux/module.h>
#include <linux/errno.h>

extern int modtest_init_ret;
extern int modtest_exit_oops;
void modtest_record(int event);
void modtest_this(struct module *mod);

static int count = 1;

/* Its own parameter type: digits only, so "count=abc" is refused. */
static int count_set(const char *val, const struct kernel_param *kp)
{
	int v = 0;

	if (!val || !*val)
		return -EINVAL;
	for (; *val; val++) {
		if (*val < '0' || *val > '9')
			return -EINVAL;
		v = v * 10 + (*val - '0');
	}
	*(int *)kp->arg = v;
	return 0;
}

static const struct kernel_param_ops count_ops = { .set = count_set };
module_param_cb(count, &count_ops, &count, 0644);
MODULE_PARM_DESC(count, "a number the init records");

/* Read-only data: its page is mapped read-only. */
const int modtest_ro[4] = { 1, 2, 3, 4 };
int modtest_data = 7;

int modtest_provided(int x)
{
	return x + count + modtest_ro[1];
}
EXPORT_SYMBOL(modtest_provided);

static int __init modtest_init(void)
{
	modtest_this(THIS_MODULE);	/* an R_X86_64_32S to __this_module */
	modtest_record(count);
	return modtest_init_ret;
}

static void __exit modtest_exit(void)
{
	modtest_record(-1);
	if (modtest_exit_oops)		/* a write to rodata: it oopses */
		*(volatile int *)&modtest_ro[0] = 0;
}

module_init(modtest_init);
module_exit(modtest_exit);
MODULE_LICENSE("GPL");
MODULE_AUTHOR("teachkernel");
MODULE_DESCRIPTION("module loader test");
MODULE_VERSION("1.0");
