// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/fault-inject.c - deciding which allocation to fail.
 *
 * should_fail() is called by the allocators only while
 * fault_injection_active is set, so the cost when nothing is injected is
 * one test of that flag.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fault-inject.h>
#include <linux/init.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct fault_attr failslab = { .name = "failslab", .times = 0 };
struct fault_attr fail_page_alloc = { .name = "fail_page_alloc", .times = 0 };
int fault_injection_active;

static void update_active(void)
{
	fault_injection_active = failslab.times != 0 || fail_page_alloc.times != 0;
	if (failslab.times)
		slab_slow_path |= SLAB_SLOW_FAILSLAB;
	else
		slab_slow_path &= ~SLAB_SLOW_FAILSLAB;
}

/**
 * fault_attr_set - start failing calls that @attr covers
 * @attr: &failslab or &fail_page_alloc
 * @interval: fail at most every interval-th call (0 or 1: any call)
 * @probability: percent chance, 0-100
 * @space: bytes that succeed first
 * @times: failures at most, -1 for no limit
 *
 * Context: Any context.
 */
void fault_attr_set(struct fault_attr *attr, unsigned long interval,
		    unsigned long probability, long space, long times)
{
	attr->interval = interval ? interval : 1;
	attr->probability = min(probability, 100UL);
	attr->space = space;
	attr->times = times;
	attr->count = 0;
	attr->injected = 0;
	update_active();
}

void fault_attr_clear(struct fault_attr *attr)
{
	attr->times = 0;
	update_active();
}

/**
 * should_fail - should this call of @size bytes fail?
 * @attr: the attribute that covers it
 * @size: bytes asked for
 *
 * Return: true to fail it (and it is counted).
 * Context: Any context.
 */
bool should_fail(struct fault_attr *attr, size_t size)
{
	long times = READ_ONCE(attr->times);

	if (!times)
		return false;
	/* every CPU may be here at once: the counts change atomically */
	if (READ_ONCE(attr->space) > 0 &&
	    __atomic_sub_fetch(&attr->space, (long)size, __ATOMIC_RELAXED) > 0)
		return false;
	if (attr->interval > 1 &&
	    __atomic_add_fetch(&attr->count, 1, __ATOMIC_RELAXED) % attr->interval)
		return false;
	if (attr->probability < 100 &&
	    get_random_u32_below(100) >= attr->probability)
		return false;
	/* a limited count: take one failure, unless another CPU took the last */
	while (times > 0 &&
	       !__atomic_compare_exchange_n(&attr->times, &times, times - 1, false,
					    __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
	if (!times)
		return false;
	if (times == 1)
		update_active();
	__atomic_add_fetch(&attr->injected, 1, __ATOMIC_RELAXED);
	if (attr->verbose) {
		pr_info("FAULT_INJECTION: forcing a failure.\n");
		pr_info("name %s, interval %lu, probability %lu, space %ld, times %ld\n",
			attr->name, attr->interval, attr->probability,
			attr->space, attr->times);
		dump_stack();
	}
	return true;
}

/*
 * One number of a fault_attr string, then @sep: digits are required (an
 * empty field is not a zero), a sign only where @is_signed.
 */
static bool parse_field(const char **p, long *val, bool is_signed, char sep)
{
	const char *s = *p, *digits = s;
	char *end;

	if (is_signed && *digits == '-')
		digits++;
	if (*digits < '0' || *digits > '9')
		return false;
	*val = is_signed ? simple_strtol(s, &end, 0) : (long)simple_strtoul(s, &end, 0);
	if (*end != sep)
		return false;
	*p = sep ? end + 1 : end;
	return true;
}

/**
 * setup_fault_attr - apply "<interval>,<probability>,<space>,<times>"
 * @attr: &failslab or &fail_page_alloc
 * @str: the boot parameter's value
 *
 * All four numbers are needed, as in Linux: "failslab=,,," or a missing
 * field is refused with "FAULT_INJECTION: failed to parse arguments"
 * and @attr is left alone.
 *
 * Return: 0, or -EINVAL.
 * Context: Boot (or tests).
 */
int setup_fault_attr(struct fault_attr *attr, char *str)
{
	long interval, probability, space, times;
	const char *p = str;

	if (!str || !parse_field(&p, &interval, false, ',') ||
	    !parse_field(&p, &probability, false, ',') ||
	    !parse_field(&p, &space, true, ',') ||
	    !parse_field(&p, &times, true, '\0')) {
		pr_warn("FAULT_INJECTION: failed to parse arguments\n");
		return -EINVAL;
	}
	fault_attr_set(attr, interval, probability, space, times);
	attr->verbose = true;
	pr_info("%s: interval %lu, probability %lu, space %ld, times %ld\n",
		attr->name, attr->interval, attr->probability, space, times);
	return 0;
}

static int __init setup_failslab(char *str)
{
	return setup_fault_attr(&failslab, str);
}
__setup("failslab=", setup_failslab);

static int __init setup_fail_page_alloc(char *str)
{
	return setup_fault_attr(&fail_page_alloc, str);
}
__setup("fail_page_alloc=", setup_fail_page_alloc);
