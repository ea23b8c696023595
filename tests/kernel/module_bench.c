// SPDX-License-Identifier: GPL-2.0
/*
 * make bench: one insmod + rmmod cycle of a small real module (modtest,
 * built from tests/modules/modtest.c; its bytes are in
 * module_loader_test.c): check, allocate in the module area, copy,
 * resolve, relocate, permissions, parameters, init; then exit and free.
 */
#include <linux/kernel.h>
#include <kunit/bench.h>
#include <kernel/module.h>

extern const u8 modtest_ko[], modtest_ko_end[];

BENCH(module_insmod_rmmod_cycle)
{
	if (load_module_image("modtest.ko", modtest_ko, modtest_ko_end - modtest_ko,
			      "count=2") ||
	    delete_module("modtest", false, NULL, 0))
		pr_err("bench: modtest did not load and unload\n");
}

static struct kunit_case bench_module_cases[] = {
	KUNIT_CASE(module_insmod_rmmod_cycle),
	{}
};

static struct kunit_suite bench_module_suite = {
	.name = "bench_module",
	.test_cases = bench_module_cases,
};
kunit_test_suite(bench_module_suite);
