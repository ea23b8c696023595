// SPDX-License-Identifier: GPL-2.0
/*
 * The API a Linux 6.x module's source sees, exercised from kernel code
 * the way a module uses it: the version and configuration macros, pr_fmt
 * and pr_debug, the hex dump format, module parameters parsed as insmod
 * passes them, alloc_pages_exact(), %p hashing, the task_struct fields,
 * and the kernel's export table the module loader searches (sorted, no
 * duplicates, with every SPEC section 4 function in it).
 *
 * Messages are read back from a console registered for each case; the
 * "[    0.123456] " timestamp of each line is dropped before comparing.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <kunit/test.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/version.h>
#include <linux/stat.h>
#include <linux/init.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/ratelimit.h>
#include <linux/console.h>
#include <linux/ktime.h>

#if LINUX_VERSION_CODE != KERNEL_VERSION(6, 12, 0)
#error "<linux/version.h> must claim 6.12.0"
#endif
#if !defined(CONFIG_X86) || !defined(CONFIG_X86_64) || !defined(CONFIG_64BIT)
#error "CONFIG_X86, CONFIG_X86_64 and CONFIG_64BIT must be defined as on x86_64 Linux"
#endif
#if BITS_PER_LONG != 64 || !defined(__LITTLE_ENDIAN) || defined(__BIG_ENDIAN)
#error "x86_64 is a 64-bit little-endian machine"
#endif
#if !IS_ENABLED(CONFIG_X86_64) || IS_ENABLED(CONFIG_ARM64)
#error "IS_ENABLED() must see the configuration"
#endif
#if S_IRUGO != 0444 || (S_IRUGO | S_IWUSR) != 0644
#error "<linux/stat.h> modes must be Linux's"
#endif

void module_api_debug_print(int n);
void module_api_debug_hexdump(const void *buf, size_t len);

/* ---- capturing what the kernel prints -------------------------------- */

static char captured[2048];
static unsigned int captured_len;

/* Keep each line without its "[    0.123456] " timestamp. */
static void capture_write(struct console *con, const char *s, unsigned int len)
{
	static bool at_line_start = true;

	while (len--) {
		char c = *s++;

		if (at_line_start && c == '[') {
			while (len && *s != ']') {
				s++;
				len--;
			}
			if (len) {		/* the ']' and the space after it */
				s++;
				len--;
			}
			if (len && *s == ' ') {
				s++;
				len--;
			}
			at_line_start = false;
			continue;
		}
		if (captured_len + 1 < sizeof(captured))
			captured[captured_len++] = c;
		at_line_start = c == '\n';
	}
	captured[captured_len] = '\0';
}

static struct console capture_console = {
	.name = "module_api-capture",
	.write = capture_write,
};

static int saved_loglevel;

static int module_api_init(struct kunit *test)
{
	captured_len = 0;
	captured[0] = '\0';
	saved_loglevel = console_loglevel;
	console_loglevel = 8;		/* every level, KERN_DEBUG too */
	register_console(&capture_console);
	return 0;
}

static void module_api_exit(struct kunit *test)
{
	unregister_console(&capture_console);
	console_loglevel = saved_loglevel;
}

/* ---- the built-in module_init() ran once, at boot --------------------- */

static int initcall_runs;

static int __init module_api_boot_init(void)
{
	initcall_runs++;
	return 0;
}
module_init(module_api_boot_init);

static void initcall_ran_once_at_boot(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, initcall_runs, 1);
}

/* ---- printing ----------------------------------------------------------- */

/*
 * pr_fmt: this file's messages get its prefix (KBUILD_MODNAME is the
 * file's base name, as Kbuild gives built-in code); pr_cont does not.
 * pr_debug prints only in a file built with DEBUG (module_api_debug.c),
 * and here compiles to nothing.
 */
static void pr_fmt_and_pr_debug(struct kunit *test)
{
	pr_info("answer %d", 42);
	pr_cont(" and more\n");
	pr_debug("not printed %d\n", 1);
	module_api_debug_print(7);
	pr_notice("n\n");
	KUNIT_EXPECT_STREQ(test, captured,
			   "module_api_test: answer 42 and more\n"
			   "api_debug: debug line 7\n"
			   "module_api_test: n\n");
}

/* Linux's hex_dump_to_buffer() layout, one case per rule. */
static void hex_dump_line_format(struct kunit *test)
{
	static const u8 bytes[32] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ\x01\x7f\x80\xff z";
	char line[200];
	int n;

	/* the ASCII column starts at 16 * 2 + 16 / 1 + 1 = 49 */
	n = hex_dump_to_buffer(bytes, 16, 16, 1, line, sizeof(line), true);
	KUNIT_EXPECT_STREQ(test, line,
		"41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50  ABCDEFGHIJKLMNOP");
	KUNIT_EXPECT_EQ(test, n, 49 + 16);
	/* a short line: the ASCII column stays where a full row puts it */
	hex_dump_to_buffer(bytes + 24, 5, 16, 1, line, sizeof(line), true);
	KUNIT_EXPECT_STREQ(test, line,
		"59 5a 01 7f 80" "                                   " "YZ...");
	/* groups are little-endian numbers */
	hex_dump_to_buffer(bytes, 16, 16, 4, line, sizeof(line), false);
	KUNIT_EXPECT_STREQ(test, line, "44434241 48474645 4c4b4a49 504f4e4d");
	hex_dump_to_buffer(bytes, 16, 16, 8, line, sizeof(line), true);
	KUNIT_EXPECT_STREQ(test, line,
		"4847464544434241 504f4e4d4c4b4a49  ABCDEFGHIJKLMNOP");
	hex_dump_to_buffer(bytes, 4, 16, 2, line, sizeof(line), true);
	KUNIT_EXPECT_STREQ(test, line, "4241 4443                                ABCD");
	/* a length the group does not divide falls back to bytes */
	hex_dump_to_buffer(bytes, 3, 16, 2, line, sizeof(line), false);
	KUNIT_EXPECT_STREQ(test, line, "41 42 43");
	/* 32 bytes a row; a bad rowsize means 16 */
	hex_dump_to_buffer(bytes, 32, 32, 1, line, sizeof(line), false);
	KUNIT_EXPECT_EQ(test, strlen(line), 32 * 3 - 1UL);
	hex_dump_to_buffer(bytes, 32, 20, 1, line, sizeof(line), false);
	KUNIT_EXPECT_EQ(test, strlen(line), 16 * 3 - 1UL);
	/* too small a buffer: cut, terminated, and the full length returned */
	n = hex_dump_to_buffer(bytes, 16, 16, 1, line, 10, true);
	KUNIT_EXPECT_STREQ(test, line, "41 42 43 ");
	KUNIT_EXPECT_EQ(test, n, 49 + 16);
}

static void print_hex_dump_lines(struct kunit *test)
{
	static const u8 bytes[20] = "0123456789abcdefXYZ";
	char expect[128];

	print_hex_dump(KERN_INFO, "dump: ", DUMP_PREFIX_OFFSET, 16, 1,
		       bytes, sizeof(bytes), true);
	KUNIT_EXPECT_STREQ(test, captured,
		"dump: 00000000: 30 31 32 33 34 35 36 37 38 39 61 62 63 64 65 66  0123456789abcdef\n"
		"dump: 00000010: 58 59 5a 00                                      XYZ.\n");
	captured_len = 0;
	print_hex_dump(KERN_INFO, "", DUMP_PREFIX_NONE, 16, 4, bytes, 8, false);
	KUNIT_EXPECT_STREQ(test, captured, "33323130 37363534\n");
	/* the address prefix is %p: hashed, as in Linux */
	captured_len = 0;
	print_hex_dump(KERN_INFO, "a ", DUMP_PREFIX_ADDRESS, 16, 1, bytes, 1, false);
	snprintf(expect, sizeof(expect), "a %p: 30\n", bytes);
	KUNIT_EXPECT_STREQ(test, captured, expect);
	/* print_hex_dump_bytes() is a debug message: only with DEBUG */
	captured_len = 0;
	print_hex_dump_bytes("none: ", DUMP_PREFIX_OFFSET, bytes, 4);
	module_api_debug_hexdump(bytes, 4);
	KUNIT_EXPECT_STREQ(test, captured,
		"hx: 00000000: 30 31 32 33                                      0123\n");
}

/* %p is a keyed hash, %px the address; ptr_to_hashval() says which hash. */
static void pointer_hashing(struct kunit *test)
{
	void *obj = kmalloc(64, GFP_KERNEL);
	unsigned long hash;
	char p[32], px[32], pk[32], expect[32];

	KUNIT_ASSERT_NOT_NULL(test, obj);
	snprintf(p, sizeof(p), "%p", obj);
	snprintf(pk, sizeof(pk), "%pK", obj);
	snprintf(px, sizeof(px), "%px", obj);
	KUNIT_ASSERT_EQ(test, ptr_to_hashval(obj, &hash), 0);
	snprintf(expect, sizeof(expect), "%016lx", hash);
	KUNIT_EXPECT_STREQ(test, p, expect);
	KUNIT_EXPECT_STREQ(test, pk, p);
	KUNIT_EXPECT_EQ(test, strncmp(p, "00000000", 8), 0);	/* 32 bits shown */
	snprintf(expect, sizeof(expect), "%016lx", (unsigned long)obj);
	KUNIT_EXPECT_STREQ(test, px, expect);
	KUNIT_EXPECT_STRNEQ(test, p, px);
	kfree(obj);
}

/*
 * no_hash_pointers on the command line: found in the boot parameter
 * table, it prints Linux's notice and %p shows real addresses.
 */
static void no_hash_pointers_parameter(struct kunit *test)
{
	extern const struct obs_kernel_param __setup_start[], __setup_end[];
	const struct obs_kernel_param *p;
	void *obj = &initcall_runs;
	char buf[32], expect[32];

	for (p = __setup_start; p < __setup_end; p++)
		if (!strcmp(p->str, "no_hash_pointers"))
			break;
	KUNIT_ASSERT_TRUE(test, p < __setup_end);
	KUNIT_EXPECT_FALSE(test, no_hash_pointers);
	p->setup_func(NULL);
	snprintf(buf, sizeof(buf), "%p", obj);
	no_hash_pointers = false;
	snprintf(expect, sizeof(expect), "%px", obj);
	KUNIT_EXPECT_STREQ(test, buf, expect);
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured,
		"** This system shows unhashed kernel memory addresses   **\n"));
	snprintf(buf, sizeof(buf), "%p", obj);
	KUNIT_EXPECT_STRNEQ(test, buf, expect);
}

/* WARN_ONCE reports the first time only, and still returns the condition. */
static void warn_once_warns_once(struct kunit *test)
{
	int i, warned = 0;
	unsigned int cpu;
	char line[32];

	/* the report names the CPU: stay on one */
	set_cpus_allowed_ptr(current, cpumask_of(raw_smp_processor_id()));
	cpu = task_cpu(current);
	kunit_expect_reports(test, "WARNING: CPU: ");
	for (i = 0; i < 3; i++)
		if (WARN_ONCE(i >= 1, "module_api: warning %d\n", i))
			warned++;
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	KUNIT_EXPECT_EQ(test, warned, 2);
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, "module_api: warning 1"));
	KUNIT_EXPECT_NULL(test, strstr(captured, "module_api: warning 2"));
	snprintf(line, sizeof(line), "WARNING: CPU: %u PID:", cpu);
	KUNIT_EXPECT_NOT_NULL(test, strstr(captured, line));
}

static void ratelimit_allows_burst(struct kunit *test)
{
	DEFINE_RATELIMIT_STATE(rs, 60 * HZ, 3);
	int i, passed = 0;

	for (i = 0; i < 5; i++)
		passed += __ratelimit(&rs);
	KUNIT_EXPECT_EQ(test, passed, 3);
	KUNIT_EXPECT_EQ(test, rs.missed, 2);
}

/* ---- parameters ------------------------------------------------------- */

static int p_int = 5;
static unsigned int p_uint;
static unsigned char p_byte;
static short p_short;
static bool p_bool, p_inv = true;
static char *p_str = "default";
static unsigned int p_hex;
static int p_arr[3];
static unsigned int p_arr_n;
static const struct kparam_array p_arr_desc = {
	.max = ARRAY_SIZE(p_arr), .num = &p_arr_n, .ops = &param_ops_int,
	.elemsize = sizeof(int), .elem = p_arr,
};

/* A module's __param table, as the loader finds it. */
static const struct kernel_param api_params[] = {
	{ .name = "count", .ops = &param_ops_int, .perm = 0644, { .arg = &p_int } },
	{ .name = "size", .ops = &param_ops_uint, .perm = 0444, { .arg = &p_uint } },
	{ .name = "small", .ops = &param_ops_byte, .perm = 0444, { .arg = &p_byte } },
	{ .name = "delta", .ops = &param_ops_short, .perm = 0444, { .arg = &p_short } },
	{ .name = "verbose", .ops = &param_ops_bool, .perm = 0444, { .arg = &p_bool } },
	{ .name = "quiet", .ops = &param_ops_invbool, .perm = 0444, { .arg = &p_inv } },
	{ .name = "name", .ops = &param_ops_charp, .perm = 0444, { .arg = &p_str } },
	{ .name = "mask", .ops = &param_ops_hexint, .perm = 0444, { .arg = &p_hex } },
	{ .name = "list", .ops = &param_array_ops, .perm = 0444, { .arr = &p_arr_desc } },
};

static int parse(const char *line)
{
	char args[128];

	strscpy(args, line, sizeof(args));
	return module_parse_args("apimod", args, api_params, ARRAY_SIZE(api_params));
}

static void params_parse_and_get(struct kunit *test)
{
	char *buf = kmalloc(PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, parse("count=0x10 size=7 small=255 delta=-3 verbose "
				    "quiet=n name=\"two words\" mask=255 list=1,-2,3"), 0);
	KUNIT_EXPECT_EQ(test, p_int, 16);
	KUNIT_EXPECT_EQ(test, p_uint, 7U);
	KUNIT_EXPECT_EQ(test, p_byte, 255);
	KUNIT_EXPECT_EQ(test, p_short, -3);
	KUNIT_EXPECT_TRUE(test, p_bool);	/* a bare name is true */
	KUNIT_EXPECT_TRUE(test, p_inv);		/* quiet=n stored inverted */
	KUNIT_EXPECT_STREQ(test, p_str, "two words");
	KUNIT_EXPECT_EQ(test, p_arr_n, 3U);
	KUNIT_EXPECT_EQ(test, p_arr[1], -2);
	KUNIT_EXPECT_STREQ(test, captured, "");

	api_params[0].ops->get(buf, &api_params[0]);
	KUNIT_EXPECT_STREQ(test, buf, "16\n");
	api_params[4].ops->get(buf, &api_params[4]);
	KUNIT_EXPECT_STREQ(test, buf, "Y\n");
	api_params[5].ops->get(buf, &api_params[5]);
	KUNIT_EXPECT_STREQ(test, buf, "N\n");
	api_params[7].ops->get(buf, &api_params[7]);
	KUNIT_EXPECT_STREQ(test, buf, "0x0000ff\n");	/* Linux's "%#08x" */
	api_params[8].ops->get(buf, &api_params[8]);
	KUNIT_EXPECT_STREQ(test, buf, "1,-2,3\n");
	api_params[6].ops->get(buf, &api_params[6]);
	KUNIT_EXPECT_STREQ(test, buf, "two words\n");

	/* the kmalloc'ed copy is freed at unload; the literal never is */
	module_destroy_params(api_params, ARRAY_SIZE(api_params));
	p_str = "default";
	module_destroy_params(api_params, ARRAY_SIZE(api_params));
	kfree(buf);
}

static void params_errors_with_linux_messages(struct kunit *test)
{
	p_int = 5;
	KUNIT_EXPECT_EQ(test, parse("bogus=1 count=3"), 0);
	KUNIT_EXPECT_EQ(test, p_int, 3);
	KUNIT_EXPECT_STREQ(test, captured, "apimod: unknown parameter 'bogus' ignored\n");

	captured_len = 0;
	KUNIT_EXPECT_EQ(test, parse("count=abc size=9"), -EINVAL);
	KUNIT_EXPECT_STREQ(test, captured, "apimod: `abc' invalid for parameter `count'\n");
	KUNIT_EXPECT_EQ(test, p_int, 3);	/* untouched, and the parse stopped */

	captured_len = 0;
	KUNIT_EXPECT_EQ(test, parse("small=256"), -ERANGE);
	KUNIT_EXPECT_STREQ(test, captured, "apimod: `256' invalid for parameter `small'\n");

	captured_len = 0;
	KUNIT_EXPECT_EQ(test, parse("count"), -EINVAL);	/* needs a value */
	KUNIT_EXPECT_STREQ(test, captured, "apimod: `' invalid for parameter `count'\n");

	captured_len = 0;
	KUNIT_EXPECT_EQ(test, parse("list=1,2,3,4"), -EINVAL);
	KUNIT_EXPECT_STREQ(test, captured,
			   "list: can only take 3 arguments\n"
			   "apimod: `1,2,3,4' invalid for parameter `list'\n");
	KUNIT_EXPECT_EQ(test, parse("verbose=maybe"), -EINVAL);
}

/* ---- memory -------------------------------------------------------- */

/*
 * alloc_pages_exact(5 pages) takes an order-3 block and gives the last
 * 3 frames straight back: 5 frames in use, each freeable on its own.
 */
static void alloc_pages_exact_keeps_what_it_needs(struct kunit *test)
{
	unsigned long before, during, after, i;
	struct page *page;
	void *p;

	drain_all_pages();
	before = nr_free_pages();
	p = alloc_pages_exact(5 * PAGE_SIZE - 100, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	drain_all_pages();
	during = nr_free_pages();
	page = virt_to_page(p);
	for (i = 0; i < 5; i++)
		KUNIT_EXPECT_EQ(test, page_ref_count(page + i), 1);
	KUNIT_EXPECT_EQ(test, page_ref_count(page + 5), 0);
	memset(p, 0x5a, 5 * PAGE_SIZE);
	free_pages_exact(p, 5 * PAGE_SIZE - 100);
	drain_all_pages();
	after = nr_free_pages();
	KUNIT_EXPECT_EQ(test, before - during, 5UL);
	KUNIT_EXPECT_EQ(test, after, before);
	KUNIT_EXPECT_NULL(test, alloc_pages_exact(0, GFP_KERNEL));
}

static void cache_size_and_helpers(struct kunit *test)
{
	struct kmem_cache *c = kmem_cache_create("module_api_100", 100, 0,
						 SLAB_HWCACHE_ALIGN, NULL);
	char buf[8] = "ab";
	void *v;

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, kmem_cache_size(c), 100U);
	kmem_cache_destroy(c);

	KUNIT_EXPECT_EQ(test, strlcat(buf, "cdef", sizeof(buf)), 6UL);
	KUNIT_EXPECT_EQ(test, strlcat(buf, "ghij", sizeof(buf)), 10UL);
	KUNIT_EXPECT_STREQ(test, buf, "abcdefg");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "0123456789", sizeof(buf)), (ssize_t)-E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "0123456");
	KUNIT_EXPECT_EQ(test, PHYS_PFN(0x5000UL), 5UL);

	v = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_FALSE(test, virt_addr_valid(v));
	KUNIT_EXPECT_FALSE(test, virt_addr_valid(buf));	/* a vmalloc'ed stack */
	vfree(v);
	v = kmalloc(8, GFP_KERNEL);
	KUNIT_EXPECT_TRUE(test, virt_addr_valid(v));
	KUNIT_EXPECT_TRUE(test, virt_addr_valid(&initcall_runs));	/* image */
	kfree(v);
}

/* ---- the task and the CPU ----------------------------------------------- */

static int spin_a_while(void *data)
{
	while (!kthread_should_stop())
		cond_resched();
	return 0;
}

/*
 * nvcsw counts the times the task gave the CPU up by sleeping, nivcsw
 * the times it lost it while still runnable; kernel threads take no page
 * faults and have no mm.
 */
static void task_fields_and_switch_counts(struct kunit *test)
{
	struct task_struct *other;
	unsigned long nv, niv;
	unsigned long j0;

	KUNIT_EXPECT_EQ(test, current->tgid, current->pid);
	KUNIT_EXPECT_NULL(test, current->mm);
	KUNIT_EXPECT_EQ(test, current->min_flt, 0UL);
	KUNIT_EXPECT_EQ(test, current->maj_flt, 0UL);
	/* kept on one CPU: the yield below is to a thread on the same one */
	set_cpus_allowed_ptr(current, cpumask_of(raw_smp_processor_id()));
	KUNIT_EXPECT_EQ(test, get_cpu(), task_cpu(current));
	put_cpu();
	KUNIT_EXPECT_EQ(test, raw_smp_processor_id(), task_cpu(current));
	KUNIT_EXPECT_TRUE(test, in_task());
	KUNIT_EXPECT_FALSE(test, need_resched());

	nv = current->nvcsw;
	niv = current->nivcsw;
	j0 = jiffies;
	msleep(20);
	/*
	 * msleep() promises at least the time in jiffies (the tick); the TSC
	 * clock of ktime_get() may read a little less under an emulator.
	 */
	KUNIT_EXPECT_GE(test, jiffies - j0, msecs_to_jiffies(20));
	KUNIT_EXPECT_EQ(test, current->nvcsw, nv + 1);
	KUNIT_EXPECT_EQ(test, current->nivcsw, niv);

	other = kthread_create(spin_a_while, NULL, "module_api_spin");
	KUNIT_ASSERT_FALSE(test, IS_ERR(other));
	kthread_bind(other, task_cpu(current));
	wake_up_process(other);
	nv = current->nvcsw;
	yield();			/* runnable: an involuntary switch */
	KUNIT_EXPECT_EQ(test, current->nivcsw, niv + 1);
	KUNIT_EXPECT_EQ(test, current->nvcsw, nv);
	KUNIT_EXPECT_EQ(test, kthread_stop(other), 0);
	set_cpus_allowed_ptr(current, cpu_possible_mask);
}

/* ---- the export table ----------------------------------------------- */

extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];
extern const struct kernel_symbol __start___ksymtab_gpl[], __stop___ksymtab_gpl[];

static const struct kernel_symbol *lookup(const struct kernel_symbol *start,
					  const struct kernel_symbol *stop,
					  const char *name)
{
	while (start < stop) {
		const struct kernel_symbol *mid = start + (stop - start) / 2;
		int cmp = strcmp(name, mid->name);

		if (!cmp)
			return mid;
		if (cmp < 0)
			stop = mid;
		else
			start = mid + 1;
	}
	return NULL;
}

static void check_sorted(struct kunit *test, const struct kernel_symbol *start,
			 const struct kernel_symbol *stop)
{
	const struct kernel_symbol *s;

	KUNIT_EXPECT_GT(test, stop - start, 0);
	for (s = start + 1; s < stop; s++)
		KUNIT_EXPECT_LT_MSG(test, strcmp(s[-1].name, s->name), 0,
				    "%s before %s", s[-1].name, s->name);
}

/* What SPEC section 4 names, by the function or variable behind it. */
static const char *const spec_exports[] = {
	"printk", "_printk", "vprintk", "__warn_printk", "__bug", "dump_stack",
	"alloc_pages", "__get_free_pages", "get_zeroed_page", "__free_pages",
	"free_pages", "alloc_pages_exact", "free_pages_exact", "__virt_addr_valid",
	"mem_map", "kvmalloc", "kvzalloc", "kvmalloc_array", "kvcalloc", "kvfree",
	"kmem_cache_create", "kmem_cache_alloc", "kmem_cache_free",
	"kmem_cache_shrink", "kmem_cache_destroy", "kmem_cache_size", "__kmalloc",
	"kmalloc_trace", "kmalloc_caches", "kfree", "kfree_sensitive", "ksize",
	"kmalloc_size_roundup", "krealloc", "kstrdup", "kmemdup",
	"vmalloc", "vzalloc", "__vmalloc", "vfree", "vmalloc_to_page",
	"vmalloc_to_pfn", "vmap", "vunmap", "__preempt_count", "__need_resched",
	"local_bh_disable", "local_bh_enable", "do_raw_spin_lock",
	"do_raw_spin_unlock", "__mutex_init", "mutex_lock", "mutex_unlock",
	"mutex_trylock", "init_waitqueue_head", "prepare_to_wait", "finish_wait",
	"__wake_up", "complete", "wait_for_completion",
	"wait_for_completion_timeout", "msleep", "udelay", "current_task",
	"schedule", "schedule_timeout", "__cond_resched", "kthread_create",
	"kthread_stop", "kthread_should_stop", "wake_up_process", "jiffies",
	"timer_setup", "mod_timer", "del_timer_sync", "request_irq", "free_irq",
	"tasklet_init", "tasklet_setup", "tasklet_schedule", "tasklet_kill",
	"schedule_work", "flush_work", "cancel_work_sync", "memcpy", "memset",
	"strlen", "strscpy", "strlcat", "snprintf", "scnprintf", "sprintf",
	"kstrtoint", "print_hex_dump", "hex_dump_to_buffer", "param_ops_int",
	"param_ops_charp", "param_ops_bool", "param_array_ops",
	"module_parse_args", "___ratelimit",
};
static const char *const spec_exports_gpl[] = {
	"irq_work_queue", "irq_work_sync", "split_page", "sprint_symbol",
};

static void export_table_sorted_and_complete(struct kunit *test)
{
	const struct kernel_symbol *s;
	unsigned int i;

	check_sorted(test, __start___ksymtab, __stop___ksymtab);
	check_sorted(test, __start___ksymtab_gpl, __stop___ksymtab_gpl);
	for (s = __start___ksymtab_gpl; s < __stop___ksymtab_gpl; s++)
		KUNIT_EXPECT_NULL_MSG(test, lookup(__start___ksymtab, __stop___ksymtab,
						   s->name), "%s in both tables", s->name);
	for (i = 0; i < ARRAY_SIZE(spec_exports); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, lookup(__start___ksymtab, __stop___ksymtab,
						       spec_exports[i]),
					  "%s not exported", spec_exports[i]);
	for (i = 0; i < ARRAY_SIZE(spec_exports_gpl); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, lookup(__start___ksymtab_gpl,
						       __stop___ksymtab_gpl,
						       spec_exports_gpl[i]),
					  "%s not exported GPL", spec_exports_gpl[i]);
	/* the value is the symbol's address */
	s = lookup(__start___ksymtab, __stop___ksymtab, "kfree");
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, s->value, (unsigned long)kfree);
	s = lookup(__start___ksymtab, __stop___ksymtab, "jiffies");
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, s->value, (unsigned long)&jiffies);
}

static struct kunit_case module_api_cases[] = {
	KUNIT_CASE(initcall_ran_once_at_boot),
	KUNIT_CASE(pr_fmt_and_pr_debug),
	KUNIT_CASE(hex_dump_line_format),
	KUNIT_CASE(print_hex_dump_lines),
	KUNIT_CASE(pointer_hashing),
	KUNIT_CASE(no_hash_pointers_parameter),
	KUNIT_CASE(warn_once_warns_once),
	KUNIT_CASE(ratelimit_allows_burst),
	KUNIT_CASE(params_parse_and_get),
	KUNIT_CASE(params_errors_with_linux_messages),
	KUNIT_CASE(alloc_pages_exact_keeps_what_it_needs),
	KUNIT_CASE(cache_size_and_helpers),
	KUNIT_CASE(task_fields_and_switch_counts),
	KUNIT_CASE(export_table_sorted_and_complete),
	{}
};

static struct kunit_suite module_api_suite = {
	.name = "module_api",
	.init = module_api_init,
	.exit = module_api_exit,
	.test_cases = module_api_cases,
};
kunit_test_suite(module_api_suite);
