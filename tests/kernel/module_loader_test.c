// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the module loader (kernel/module/): real modules built
 * from tests/modules/ as out-of-tree modules are (their .ko bytes are
 * included below), and crafted images (module_elf_image.h) broken one
 * field at a time.  Every refusal is checked for its error and its
 * message, and every case ends with nothing left behind: KUnit's leak
 * check fails a case that returns with more slab objects, pages or
 * vmalloc areas than it started with, and each case checks that no
 * module stays on the list.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/pgtable.h>
#include <kunit/test.h>
#include <linux/console.h>
#include <kernel/bootfiles.h>
#include <kernel/log.h>
#include <kernel/shell.h>
#include <kernel/module.h>
#include <kernel/pgtable.h>
#include "../../kernel/module/internal.h"

#define IMG_UNDEF_NAME	"modtest_record"
#include "module_elf_image.h"

/* The test modules' bytes (built by the Makefile from tests/modules/). */
#define INCBIN(sym, file)						\
	asm(".section .rodata\n.balign 8\n.global " #sym "\n" #sym ":\n"	\
	    ".incbin \"" TESTMOD_DIR "/" file "\"\n.global " #sym "_end\n"	\
	    #sym "_end:\n.previous\n")
INCBIN(modtest_ko, "modtest.ko");
INCBIN(modtest_user_ko, "modtest_user.ko");
INCBIN(modtest_prop_ko, "modtest_prop.ko");
INCBIN(modtest_leak_ko, "modtest_leak.ko");
INCBIN(modtest_oops_ko, "modtest_oops.ko");
extern const u8 modtest_ko[], modtest_ko_end[];
extern const u8 modtest_user_ko[], modtest_user_ko_end[];
extern const u8 modtest_prop_ko[], modtest_prop_ko_end[];
extern const u8 modtest_leak_ko[], modtest_leak_ko_end[];
extern const u8 modtest_oops_ko[], modtest_oops_ko_end[];

/* What the test modules call: their init's result, and a record. */
int modtest_init_ret;
EXPORT_SYMBOL(modtest_init_ret);
int modtest_exit_oops;
EXPORT_SYMBOL(modtest_exit_oops);
static int modtest_events[8], modtest_nr_events;
static unsigned long modtest_first_caller;	/* a return address in module code */

void modtest_record(int event)
{
	if (!modtest_nr_events)
		modtest_first_caller = _RET_IP_;
	if (modtest_nr_events < (int)ARRAY_SIZE(modtest_events))
		modtest_events[modtest_nr_events++] = event;
}
EXPORT_SYMBOL(modtest_record);

/* What THIS_MODULE was in modtest's init. */
static struct module *modtest_this_module;

void modtest_this(struct module *mod)
{
	modtest_this_module = mod;
}
EXPORT_SYMBOL(modtest_this);

/* modtest_leak's kept allocations, freed by the case after the report. */
static void *modtest_kept[3];
static int modtest_nr_kept;

void modtest_keep(void *p)
{
	if (modtest_nr_kept < (int)ARRAY_SIZE(modtest_kept))
		modtest_kept[modtest_nr_kept++] = p;
}
EXPORT_SYMBOL(modtest_keep);

void modtest_gpl_only(void)
{
}
EXPORT_SYMBOL_GPL(modtest_gpl_only);

static int load(const char *file, const u8 *start, const u8 *end,
		const char *args)
{
	return load_module_image(file, start, end - start, args);
}

static int suite_init(struct kunit *test)
{
	modtest_init_ret = 0;
	modtest_exit_oops = 0;
	modtest_nr_events = 0;
	modtest_nr_kept = 0;
	return 0;
}

/* The log since @seq contains @text. */
static void expect_log(struct kunit *test, u64 seq, const char *text)
{
	if (!log_search(seq, text))
		KUNIT_FAIL(test, "the log does not say '%s'", text);
}

/* Nothing of the test modules is left loaded. */
static void expect_none_loaded(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, find_module("modtest"));
	KUNIT_EXPECT_NULL(test, find_module("modtest_user"));
	KUNIT_EXPECT_NULL(test, find_module("modtest_prop"));
}

/* The PTE flags of @addr. */
static u64 pte_flags(unsigned long addr)
{
	enum pt_level level;
	u64 *pte = pgtable_lookup(init_pgd, addr, &level);

	return pte ? *pte : 0;
}

static void load_run_unload(struct kunit *test)
{
	struct module *mod;
	u64 seq = log_seq();
	char users[32];
	unsigned long core, text_end;
	char sym[KSYM_SYMBOL_LEN];
	/* the message comes once a boot, as Linux's: another suite may have said it */
	bool oot_before = test_taint(TAINT_OOT_MODULE);

	KUNIT_ASSERT_EQ(test, load("modtest.ko", modtest_ko, modtest_ko_end,
				   "count=42 bogus=1"), 0);
	mod = find_module("modtest");
	KUNIT_ASSERT_NOT_NULL(test, mod);
	KUNIT_EXPECT_EQ(test, (int)mod->state, (int)MODULE_STATE_LIVE);
	KUNIT_EXPECT_EQ(test, modtest_nr_events, 1);
	KUNIT_EXPECT_EQ(test, modtest_events[0], 42);
	/* THIS_MODULE is the module's own struct module, named */
	KUNIT_EXPECT_PTR_EQ(test, modtest_this_module, mod);
	KUNIT_EXPECT_STREQ(test, modtest_this_module->name, "modtest");
	expect_log(test, seq, "modtest: unknown parameter 'bogus' ignored");
	if (!oot_before)
		expect_log(test, seq, "modtest: loading out-of-tree module taints kernel.");
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_OOT_MODULE));
	/* Linux's columns: one per flag, all of them, 'O' in its own */
	KUNIT_EXPECT_EQ(test, strlen(print_tainted()),
			strlen("Tainted: ") + TAINT_FLAGS_COUNT);
	KUNIT_EXPECT_EQ(test, print_tainted()[strlen("Tainted: ") + TAINT_OOT_MODULE], 'O');

	/* in the module area, through the vmalloc machinery */
	core = (unsigned long)mod->core;
	KUNIT_EXPECT_GE(test, core, MODULES_VADDR);
	KUNIT_EXPECT_LT(test, core + mod->core_size, MODULES_END);
	KUNIT_EXPECT_NOT_NULL(test, find_vm_area(mod->core));
	KUNIT_EXPECT_NULL(test, mod->init_mem);		/* freed after init */
	/* its sections' addresses, for gdb's add-symbol-file */
	KUNIT_EXPECT_GE(test, mod->num_sects, 4U);
	KUNIT_EXPECT_STREQ(test, mod->sects[0].name, ".text");
	KUNIT_EXPECT_EQ(test, mod->sects[0].addr, core);
	/* text RO+X, rodata RO+NX, data RW+NX */
	text_end = core + PAGE_ALIGN(mod->core_text_size);
	KUNIT_EXPECT_FALSE(test, pte_flags(core) & _PAGE_RW);
	KUNIT_EXPECT_FALSE(test, pte_flags(core) & _PAGE_NX);
	KUNIT_EXPECT_FALSE(test, pte_flags(text_end) & _PAGE_RW);
	KUNIT_EXPECT_TRUE(test, pte_flags(text_end) & _PAGE_NX);
	KUNIT_EXPECT_TRUE(test, pte_flags(core + mod->core_size - 1) & _PAGE_RW);
	KUNIT_EXPECT_TRUE(test, pte_flags(core + mod->core_size - 1) & _PAGE_NX);

	/* its functions in backtraces: "func+0xOFF/0xSIZE [modtest]" */
	KUNIT_EXPECT_NOT_NULL(test, mod->exit);
	sprint_symbol(sym, (unsigned long)mod->exit + 1);
	KUNIT_EXPECT_STREQ(test, strstr(sym, " [modtest]") ?: sym, " [modtest]");
	KUNIT_EXPECT_EQ(test, strncmp(sym, "modtest_exit+0x1/0x", 19), 0);
	/* a backtrace's frame in its init, named after the init is gone */
	sprint_backtrace(sym, modtest_first_caller);
	KUNIT_EXPECT_EQ(test, strncmp(sym, "modtest_init+0x", 15), 0);
	KUNIT_EXPECT_STREQ(test, strstr(sym, " [modtest]") ?: sym, " [modtest]");

	/* a second load of the same name */
	KUNIT_EXPECT_EQ(test, load("modtest.ko", modtest_ko, modtest_ko_end, NULL),
			-EEXIST);

	KUNIT_EXPECT_EQ(test, delete_module("modtest", false, users, sizeof(users)), 0);
	KUNIT_EXPECT_EQ(test, modtest_nr_events, 2);
	KUNIT_EXPECT_EQ(test, modtest_events[1], -1);
	KUNIT_EXPECT_EQ(test, delete_module("modtest", false, users, sizeof(users)), -ENOENT);
	expect_none_loaded(test);
}

static void module_uses_module(struct kunit *test)
{
	char users[32] = "";
	u64 seq = log_seq();

	/* without modtest, its export is unknown */
	KUNIT_EXPECT_EQ(test, load("modtest_user.ko", modtest_user_ko,
				   modtest_user_ko_end, NULL), -ENOENT);
	expect_log(test, seq, "modtest_user: Unknown symbol modtest_provided (err -2)");
	expect_none_loaded(test);

	KUNIT_ASSERT_EQ(test, load("modtest.ko", modtest_ko, modtest_ko_end,
				   "count=3"), 0);
	KUNIT_ASSERT_EQ(test, load("modtest_user.ko", modtest_user_ko,
				   modtest_user_ko_end, NULL), 0);
	/* modtest_provided(0) = 0 + count + modtest_ro[1] */
	KUNIT_EXPECT_EQ(test, modtest_events[1], 1000 + 3 + 2);
	KUNIT_EXPECT_EQ(test, module_refcount(find_module("modtest")), 1U);
	KUNIT_EXPECT_EQ(test, delete_module("modtest", false, users, sizeof(users)),
			-EWOULDBLOCK);
	KUNIT_EXPECT_STREQ(test, users, "modtest_user");
	KUNIT_EXPECT_EQ(test, delete_module("modtest_user", false, users, sizeof(users)), 0);
	KUNIT_EXPECT_EQ(test, module_refcount(find_module("modtest")), 0U);
	KUNIT_EXPECT_EQ(test, delete_module("modtest", false, users, sizeof(users)), 0);
	expect_none_loaded(test);
}

static void init_failure_leaves_nothing(struct kunit *test)
{
	modtest_init_ret = -ENODEV;
	KUNIT_EXPECT_EQ(test, load("modtest.ko", modtest_ko, modtest_ko_end, NULL),
			-ENODEV);
	KUNIT_EXPECT_EQ(test, modtest_nr_events, 1);	/* init ran, exit not */
	expect_none_loaded(test);
	/* and it loads again afterwards: nothing of it was left */
	modtest_init_ret = 0;
	KUNIT_ASSERT_EQ(test, load("modtest.ko", modtest_ko, modtest_ko_end, NULL), 0);
	KUNIT_EXPECT_EQ(test, delete_module("modtest", false, NULL, 0), 0);
	expect_none_loaded(test);
}

static void bad_parameter(struct kunit *test)
{
	u64 seq = log_seq();

	KUNIT_EXPECT_EQ(test, load("modtest.ko", modtest_ko, modtest_ko_end,
				   "count=abc"), -EINVAL);
	expect_log(test, seq, "modtest: `abc' invalid for parameter `count'");
	KUNIT_EXPECT_EQ(test, modtest_nr_events, 0);	/* init never ran */
	expect_none_loaded(test);
}

static void gpl_export_refused_to_proprietary(struct kunit *test)
{
	u64 seq = log_seq();

	KUNIT_EXPECT_EQ(test, load("modtest_prop.ko", modtest_prop_ko,
				   modtest_prop_ko_end, NULL), -ENOENT);
	expect_log(test, seq, "modtest_prop: Unknown symbol modtest_gpl_only (err -2)");
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_PROPRIETARY_MODULE));
	KUNIT_EXPECT_EQ(test, strncmp(print_tainted(), "Tainted: P", 10), 0);
	expect_none_loaded(test);
}

/* A crafted image, broken by @breakit, must be refused with @err and @msg. */
static void expect_image_refused(struct kunit *test, u8 *img, size_t size,
				 int err, const char *msg)
{
	u64 seq = log_seq();

	KUNIT_EXPECT_EQ(test, load_module_image("crafted.ko", img, size, NULL), err);
	expect_log(test, seq, msg);
	KUNIT_EXPECT_NULL(test, find_module("crafted"));
}

static void crafted_images(struct kunit *test)
{
	u8 *img = kunit_kzalloc(test, IMG_MAX, GFP_KERNEL);
	size_t size;
	char users[8];

	KUNIT_ASSERT_NOT_NULL(test, img);
	size = img_standard(img);
	expect_image_refused(test, img, 20, -ENOEXEC, "crafted.ko: file too short");
	expect_image_refused(test, img, size - 1, -ENOEXEC,
			     "section headers outside the file");
	img[EI_CLASS] = 1;
	expect_image_refused(test, img, size, -ENOEXEC, "not ELFCLASS64");
	img_standard(img);
	img_ehdr(img)->e_machine = 3;
	expect_image_refused(test, img, size, -ENOEXEC, "not for x86_64 (machine 3)");
	img_standard(img);
	img_ehdr(img)->e_type = 3;
	expect_image_refused(test, img, size, -ENOEXEC, "not a relocatable object");
	img_standard(img);
	img_shdr(img, IMG_DATA)->sh_offset = size;
	expect_image_refused(test, img, size, -ENOEXEC, "section 3 (.data): offset");
	img_standard(img);
	img_rela(img, IMG_RELA_TEXT, 0)->r_info = ELF64_R_INFO(99, R_X86_64_PC32);
	expect_image_refused(test, img, size, -ENOEXEC, "symbol index 99 out of range");
	img_standard(img);
	img_rela(img, IMG_RELA_TEXT, 1)->r_info = ELF64_R_INFO(IMG_SYM_COUNTER, 9);
	expect_image_refused(test, img, size, -ENOEXEC,
			     "crafted: Unknown rela relocation: 9");
	img_standard(img);
	img[img_shdr(img, IMG_STRTAB)->sh_offset + IMG_STR_UNDEF] = 'x';
	expect_image_refused(test, img, size, -ENOENT,
			     "crafted: Unknown symbol xodtest_record (err -2)");

	/* the good one loads, and its init (xor eax,eax; ret) returns 0 */
	img_standard(img);
	KUNIT_ASSERT_EQ(test, load_module_image("crafted.ko", img, size, NULL), 0);
	KUNIT_EXPECT_EQ(test, (int)find_module("crafted")->state, (int)MODULE_STATE_LIVE);
	KUNIT_EXPECT_EQ(test, delete_module("crafted", false, users, sizeof(users)), 0);
}

/* Free what modtest_leak kept: kmalloc, vmalloc, order-1 pages. */
static void free_kept(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, modtest_nr_kept, 3);
	kfree(modtest_kept[0]);
	vfree(modtest_kept[1]);
	free_pages((unsigned long)modtest_kept[2], 1);
}

/* The report names each leak, with its call site in the module. */
static void expect_leak_report(struct kunit *test, u64 seq)
{
	char line[160];

	expect_log(test, seq, "BUG: module modtest_leak leaked 3 allocation(s) at unload");
	snprintf(line, sizeof(line), "  kmalloc-1k object 0x%px (1000 bytes) allocated at modtest_leak_init+0x",
		 modtest_kept[0]);
	expect_log(test, seq, line);
	snprintf(line, sizeof(line), "  vmalloc area 0x%px-0x%px (12288 bytes) allocated at modtest_leak_init+0x",
		 modtest_kept[1], (u8 *)modtest_kept[1] + 12288);
	expect_log(test, seq, line);
	snprintf(line, sizeof(line), "  page block 0x%px order 1 (8192 bytes) allocated at modtest_leak_init+0x",
		 modtest_kept[2]);
	expect_log(test, seq, line);
	expect_log(test, seq, " [modtest_leak]\n");
}

static void leaks_reported_at_unload(struct kunit *test)
{
	u64 seq;

	kunit_expect_reports(test, "BUG: module modtest_leak leaked");
	KUNIT_ASSERT_EQ(test, load("modtest_leak.ko", modtest_leak_ko,
				   modtest_leak_ko_end, NULL), 0);
	KUNIT_EXPECT_EQ(test, find_module("modtest_leak")->nr_allocs, 3U);
	/* its init was in the init part, freed by now */
	KUNIT_EXPECT_NULL(test, find_module("modtest_leak")->init_mem);
	KUNIT_EXPECT_NE(test, find_module("modtest_leak")->init_addr, 0UL);
	seq = log_seq();
	KUNIT_EXPECT_EQ(test, delete_module("modtest_leak", false, NULL, 0), 0);
	expect_leak_report(test, seq);
	free_kept(test);
	KUNIT_EXPECT_NULL(test, find_module("modtest_leak"));
}

static void leaks_reported_after_failed_init(struct kunit *test)
{
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: module modtest_leak leaked");
	modtest_init_ret = -ENOMEM;
	KUNIT_EXPECT_EQ(test, load("modtest_leak.ko", modtest_leak_ko,
				   modtest_leak_ko_end, NULL), -ENOMEM);
	expect_leak_report(test, seq);
	free_kept(test);
	KUNIT_EXPECT_NULL(test, find_module("modtest_leak"));
}

/*
 * An oops in init (a write to the module's rodata, mapped read-only) is
 * caught: the load fails with -EOOPSKILLED, this task goes on, the oops names
 * the module's function and lists the modules.  The module stays, as on
 * Linux: rmmod refuses it, rmmod -f removes it (without its exit).
 */
static void oops_in_init(struct kunit *test)
{
	u64 seq = log_seq();
	char users[8];

	kunit_expect_reports(test, "BUG: unable to handle page fault for address");
	KUNIT_EXPECT_EQ(test, load("modtest_oops.ko", modtest_oops_ko,
				   modtest_oops_ko_end, NULL), -EOOPSKILLED);
	expect_log(test, seq, "#PF: supervisor write access in kernel mode");
	expect_log(test, seq, "Modules linked in: modtest_oops");
	expect_log(test, seq, "RIP: 0010:modtest_oops_init+0x");
	expect_log(test, seq, "modtest_oops: init oopsed");
	expect_log(test, seq, " is in module modtest_oops: rodata (read-only, not executable)");
	KUNIT_ASSERT_NOT_NULL(test, find_module("modtest_oops"));
	KUNIT_EXPECT_EQ(test, delete_module("modtest_oops", false, users, sizeof(users)),
			-EBUSY);
	KUNIT_EXPECT_EQ(test, delete_module("modtest_oops", true, users, sizeof(users)), 0);
	KUNIT_EXPECT_NULL(test, find_module("modtest_oops"));
	KUNIT_EXPECT_TRUE(test, test_taint(TAINT_FORCED_RMMOD));
}

/* ---- the shell's commands, worded as kmod's (SPEC section 8) ---- */

static char shell_out[4096];	/* an oops report fits */
static unsigned int shell_out_len;

static void shell_capture(struct console *con, const char *s, unsigned int len)
{
	while (len-- && shell_out_len + 1 < sizeof(shell_out))
		shell_out[shell_out_len++] = *s++;
	shell_out[shell_out_len] = '\0';
}

static struct console shell_console = {
	.name = "module-test",
	.write = shell_capture,
};

/* Start capturing what the commands print on the console. */
static void capture(struct kunit *test)
{
	shell_out_len = 0;
	shell_out[0] = '\0';
	register_console(&shell_console);
}

static void uncapture(void)
{
	unregister_console(&shell_console);
}

/* Run a shell line, capturing its output. */
static const char *shell(struct kunit *test, const char *line)
{
	char buf[64];

	strscpy(buf, line, sizeof(buf));
	capture(test);
	shell_execute(buf);
	uncapture();
	return shell_out;
}

static const char *insmod(struct kunit *test, const struct boot_file *f,
			  const char *args)
{
	char *argv[] = { "insmod", (char *)f->name, (char *)args, NULL };

	capture(test);
	kmod_insmod(f, args ? 3 : 2, argv);
	uncapture();
	return shell_out;
}

/*
 * insmod of @f printed @want as its own last line (the kernel's messages
 * reach the console too and come before), or no "insmod:" line at all
 * when @want is NULL.
 */
static void expect_insmod(struct kunit *test, const struct boot_file *f,
			  const char *args, const char *want)
{
	const char *o = insmod(test, f, args);
	size_t lo = strlen(o), lw = want ? strlen(want) : 0;

	if (!want) {
		if (strstr(o, "insmod:"))
			KUNIT_FAIL(test, "insmod %s printed '%s'", f->name, o);
	} else if (lo < lw || strcmp(o + lo - lw, want) ||
		   (lo > lw && o[lo - lw - 1] != '\n')) {
		KUNIT_FAIL(test, "insmod %s printed '%s', not '%s'", f->name, o, want);
	}
}

#define EXPECT_HAS(test, text, needle) do {				\
	if (!strstr(text, needle))					\
		KUNIT_FAIL(test, "'%s' does not contain '%s'", text, needle); \
} while (0)

static void kmod_commands(struct kunit *test)
{
	const struct boot_file modtest = { "modtest.ko", modtest_ko,
					   modtest_ko_end - modtest_ko };
	const struct boot_file user = { "modtest_user.ko", modtest_user_ko,
					 modtest_user_ko_end - modtest_user_ko };
	struct boot_file bad = modtest;
	const char *o;

	/* insmod is silent on success; lsmod lists, newest first */
	expect_insmod(test, &user, NULL, "insmod: ERROR: could not insert module modtest_user.ko: Unknown symbol in module\n");
	expect_insmod(test, &modtest, "count=5", NULL);
	expect_insmod(test, &modtest, NULL, "insmod: ERROR: could not insert module modtest.ko: File exists\n");
	expect_insmod(test, &modtest, "count=x", "insmod: ERROR: could not insert module modtest.ko: File exists\n");
	expect_insmod(test, &user, NULL, NULL);
	o = shell(test, "lsmod");
	KUNIT_EXPECT_EQ(test, strncmp(o, "Module                  Size  Used by\nmodtest_user ", 51), 0);
	EXPECT_HAS(test, o, "  0\nmodtest ");
	EXPECT_HAS(test, o, "  1 modtest_user\n");
	KUNIT_EXPECT_STREQ(test, shell(test, "rmmod modtest"),
			   "rmmod: ERROR: Module modtest is in use by: modtest_user\n");
	KUNIT_EXPECT_STREQ(test, shell(test, "rmmod modtest_user.ko"), "");
	KUNIT_EXPECT_STREQ(test, shell(test, "rmmod modtest"), "");
	KUNIT_EXPECT_STREQ(test, shell(test, "rmmod modtest"),
			   "rmmod: ERROR: Module modtest is not currently loaded\n");
	KUNIT_EXPECT_STREQ(test, shell(test, "lsmod"), "Module                  Size  Used by\n");

	/* a bad parameter value, and init's own error */
	expect_insmod(test, &modtest, "count=x", "insmod: ERROR: could not insert module modtest.ko: Invalid argument\n");
	modtest_init_ret = -ENODEV;
	expect_insmod(test, &modtest, NULL, "insmod: ERROR: could not insert module modtest.ko: No such device\n");
	/* a file cut short */
	bad.size = 100;
	expect_insmod(test, &bad, NULL, "insmod: ERROR: could not insert module modtest.ko: Invalid module format\n");
	expect_none_loaded(test);

	/* modinfo: kmod's labels, 16 columns */
	capture(test);
	kmod_modinfo(&modtest);
	uncapture();
	KUNIT_EXPECT_STREQ(test, shell_out,
			   "filename:       modtest.ko\n"
			   "license:        GPL\n"
			   "author:         teachkernel\n"
			   "description:    module loader test\n"
			   "version:        1.0\n"
			   "parm:           count:a number the init records\n");
}

/*
 * The shell's side of an oops in init, as on Linux: the insmod is killed
 * (its shell says "Killed", no "insmod: ERROR"), the module stays listed,
 * and rmmod refuses it with kmod's message for EBUSY.
 */
static void oops_in_init_kills_insmod(struct kunit *test)
{
	const struct boot_file f = { "modtest_oops.ko", modtest_oops_ko,
				     modtest_oops_ko_end - modtest_oops_ko };
	const char *o;

	kunit_expect_reports(test, "BUG: unable to handle page fault for address");
	expect_insmod(test, &f, NULL, "Killed\n");
	o = shell(test, "lsmod");
	EXPECT_HAS(test, o, "\nmodtest_oops ");
	KUNIT_EXPECT_STREQ(test, shell(test, "rmmod modtest_oops"),
			   "rmmod: ERROR: could not remove module modtest_oops: Device or resource busy\n");
	KUNIT_EXPECT_STREQ(test, shell(test, "rmmod -f modtest_oops"), "");
	expect_none_loaded(test);
}

/* An oops in exit ends only the rmmod; the module stays until rmmod -f. */
static void oops_in_exit(struct kunit *test)
{
	u64 seq = log_seq();

	kunit_expect_reports(test, "BUG: unable to handle page fault for address");
	KUNIT_ASSERT_EQ(test, load("modtest.ko", modtest_ko, modtest_ko_end, NULL), 0);
	modtest_exit_oops = 1;
	KUNIT_EXPECT_EQ(test, delete_module("modtest", false, NULL, 0), -EOOPSKILLED);
	expect_log(test, seq, "RIP: 0010:modtest_exit+0x");
	expect_log(test, seq, "modtest: exit oopsed");
	KUNIT_ASSERT_NOT_NULL(test, find_module("modtest"));
	KUNIT_EXPECT_EQ(test, delete_module("modtest", false, NULL, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, delete_module("modtest", true, NULL, 0), 0);
	KUNIT_EXPECT_EQ(test, modtest_nr_events, 2);	/* init, one exit */
	expect_none_loaded(test);
}

/* Every allocator name is redirected (the table is sorted for its search). */
static void tracked_names_sorted(struct kunit *test)
{
	static const char *const names[] = {
		"__free_pages", "__get_free_pages", "__kmalloc", "__vmalloc",
		"alloc_pages", "free_pages", "get_zeroed_page", "kfree",
		"kfree_sensitive", "kmalloc_trace", "kmem_cache_alloc",
		"kmem_cache_free", "kmemdup", "krealloc", "kstrdup", "kvcalloc",
		"kvfree", "kvmalloc", "kvmalloc_array", "kvzalloc", "vfree",
		"vmalloc", "vzalloc",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		KUNIT_EXPECT_NOT_NULL(test, module_track_symbol(names[i]));
	KUNIT_EXPECT_NULL(test, module_track_symbol("printk"));
	KUNIT_EXPECT_NULL(test, module_track_symbol("kmalloc"));
}

/*
 * Reports name each tracking entry point as the allocator it stands for:
 * a module's call trace reads "__kmalloc+0x1c/0x50", as on Linux, not the
 * entry point's own name (mt___kmalloc).  It is another function than
 * the allocator (its own size), only named alike.
 */
static void tracked_names_in_reports(struct kunit *test)
{
	static const char *const names[] = {
		"__kmalloc", "kmalloc_trace", "kmem_cache_alloc", "kfree",
		"vmalloc", "kvmalloc", "alloc_pages", "__get_free_pages",
	};
	char buf[KSYM_SYMBOL_LEN], want[KSYM_NAME_LEN + 8];
	const struct kernel_symbol *ks;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++) {
		ks = module_track_symbol(names[i]);
		KUNIT_ASSERT_NOT_NULL(test, ks);
		KUNIT_EXPECT_NE(test, ks->value, kallsyms_lookup_name(names[i]));
		sprint_symbol(buf, ks->value + 1);
		snprintf(want, sizeof(want), "%s+0x1/0x", names[i]);
		KUNIT_EXPECT_EQ_MSG(test, strncmp(buf, want, strlen(want)), 0,
				    "%s is printed %s", names[i], buf);
		sprint_symbol_no_offset(buf, ks->value);
		KUNIT_EXPECT_STREQ(test, buf, names[i]);
	}
	/* a module's constant-size kmalloc() calls Linux 6.12's name */
	sprint_symbol_no_offset(buf, (unsigned long)__kmalloc_cache_noprof);
	KUNIT_EXPECT_STREQ(test, buf, "__kmalloc_cache_noprof");
}

static struct kunit_case module_loader_cases[] = {
	KUNIT_CASE(load_run_unload),
	KUNIT_CASE(module_uses_module),
	KUNIT_CASE(init_failure_leaves_nothing),
	KUNIT_CASE(bad_parameter),
	KUNIT_CASE(gpl_export_refused_to_proprietary),
	KUNIT_CASE(crafted_images),
	KUNIT_CASE(leaks_reported_at_unload),
	KUNIT_CASE(leaks_reported_after_failed_init),
	KUNIT_CASE(tracked_names_sorted),
	KUNIT_CASE(tracked_names_in_reports),
	KUNIT_CASE(oops_in_init),
	KUNIT_CASE(oops_in_exit),
	KUNIT_CASE(kmod_commands),
	KUNIT_CASE(oops_in_init_kills_insmod),
	{}
};

static struct kunit_suite module_loader_suite = {
	.name = "module_loader",
	.init = suite_init,
	.test_cases = module_loader_cases,
};
kunit_test_suite(module_loader_suite);
