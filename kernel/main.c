// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/main.c - the boot story, one step per line.
 *
 * GRUB loaded the kernel; boot/head.asm checked the CPU, turned on long
 * mode and paging and called x86_64_start_kernel(), which calls
 * start_kernel() here.  From now on:
 *
 *   1. consoles: COM1 and VGA, so every later step can speak;
 *   2. traps: GDT/TSS and IDT, so every CPU exception is reported, and
 *      the legacy PICs moved off the exception vectors and masked;
 *   3. the clock: TSC calibrated against the PIT, for timestamps; the
 *      key of %p's pointer hash;
 *   4. the boot information: multiboot2 tags (command line, memory map);
 *   5. boot parameters;
 *   6. memory: memblock from the memory map, then the direct map, then
 *      mem_map and the zones of the buddy page allocator (mem_init),
 *      then the slab caches and kmalloc (kmem_cache_init), then the
 *      vmalloc region (vmalloc_init);
 *   7. contexts: the scheduler, softirqs, timers, the local APIC and its
 *      HZ tick; the other CPUs found in the ACPI MADT; interrupts on;
 *   8. the first threads (init, ksoftirqd, kworker); the boot thread
 *      becomes the idle task, and init starts the other CPUs (smp_init:
 *      each idles with its own timer), runs the initcalls (the
 *      module_init() functions of code built in), then the in-kernel
 *      tests (ktest=).
 */
#include <linux/kernel.h>
#include <linux/cmdline.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/err.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/sched/clock.h>
#include <kunit/test.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <kernel/boot.h>
#include <kernel/kmemleak.h>
#include <kernel/multiboot2.h>
#include <linux/stackdepot.h>
#include <linux/kasan.h>
#include <kernel/oops.h>
#include <kernel/shell.h>
#include <kernel/tty.h>

#define EARLY_MAP_END	SZ_1G	/* head.asm maps this much at PAGE_OFFSET */
#define KTEST_EXIT_PASS	0
#define KTEST_EXIT_FAIL	1

struct boot_info boot_info;
u64 ktest_expected_mem;
static const char *ktest_glob;

static void __init print_banner(void)
{
	pr_notice("teachkernel x86_64 (gcc %s) - a kernel for learning memory allocation\n",
		  __VERSION__);
}

/* Parse the multiboot2 information, or stop with the reason. */
static u32 __init parse_boot_info(u32 magic, unsigned long mbi_phys)
{
	const u32 *mbi = __va(mbi_phys);

	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		panic("Not booted by a multiboot2 loader (magic %#x)", magic);
	if (mbi_phys >= EARLY_MAP_END - 8)
		panic("multiboot2: boot information at %#lx is beyond the first GiB",
		      mbi_phys);
	if (mb2_parse(mbi, EARLY_MAP_END - mbi_phys, &boot_info))
		panic("multiboot2: %s", mb2_strerror(&boot_info));
	if (!boot_info.have_mmap)
		panic("multiboot2: the boot loader gave no memory map");
	if (boot_info.loader_name)
		pr_info("Boot loader: %s\n", boot_info.loader_name);
	if (boot_info.fb.present)
		pr_info("Framebuffer: %ux%u, %u bpp, pitch %u, at %#llx\n",
			boot_info.fb.width, boot_info.fb.height, boot_info.fb.bpp,
			boot_info.fb.pitch, (unsigned long long)boot_info.fb.addr);
	return mbi[0];
}

static void __init print_memory_summary(void)
{
	unsigned long long total = memblock_phys_mem_size();
	unsigned long long avail = (unsigned long long)nr_free_pages() << PAGE_SHIFT;

	pr_info("Memory: %lluK/%lluK available (%lluK kernel code, %lluK rodata, %lluK rwdata, %lluK bss, %lluK reserved)\n",
		avail >> 10, total >> 10,
		(unsigned long long)(_etext - _text) >> 10,
		(unsigned long long)(_erodata - _rodata) >> 10,
		(unsigned long long)(_edata - _data) >> 10,
		(unsigned long long)(__bss_stop - __bss_start) >> 10,
		(total - avail) >> 10);
	pr_info("Total RAM: %llu MiB\n", total >> 20);
}

static int __init ktest_setup(char *val)
{
	ktest_glob = *val ? val : "*";
	panic_exits_qemu = true;
	return 0;
}
__setup("ktest=", ktest_setup);

static int __init ktest_mem_setup(char *val)
{
	ktest_expected_mem = memparse(val, NULL);
	return ktest_expected_mem ? 0 : -EINVAL;
}
__setup("ktest_mem=", ktest_mem_setup);

/* Run the in-kernel tests and end the (virtual) machine with the result. */
static void __noreturn run_ktest(const char *glob)
{
	int failed = kunit_run_all(glob);

	qemu_exit(failed ? KTEST_EXIT_FAIL : KTEST_EXIT_PASS);
}

static void __noreturn rest_init(void);

/*
 * Run each initcall (built-in module_init(), <linux/init.h>) once, in
 * link order, as Linux's do_initcalls() does.  A failure is reported
 * and boot goes on.
 */
static void __init do_initcalls(void)
{
	extern const initcall_t __initcall_start[], __initcall_end[];
	const initcall_t *fn;

	for (fn = __initcall_start; fn < __initcall_end; fn++) {
		int ret = (*fn)();

		if (ret)
			pr_warn("initcall %pS returned %d\n", *fn, ret);
	}
}

void __init start_kernel(u32 magic, unsigned long mbi_phys)
{
	u32 mbi_size;
	u64 mem_init_ns;

	serial_init();
	vga_init();
	gdt_init();
	idt_init();
	i8259_init();
	print_banner();		/* first line: before the 10 ms TSC calibration */
	tsc_init();
	hash_pointers_init(rdtsc());
	mbi_size = parse_boot_info(magic, mbi_phys);
	parse_boot_params(boot_info.cmdline);
	spin_lock_mode_init();
	mb2_print_mmap(&boot_info);

	mem_init_ns = local_clock();
	x86_init_memory(&boot_info, mbi_phys, mbi_size);
	kasan_init();
	stack_depot_early_init();
	mem_init();
	mem_init_ns = local_clock() - mem_init_ns;
	print_memory_summary();
	pr_info("Memory init took %llu us\n", mem_init_ns / 1000);
	kmem_cache_init();
	kmemleak_init();
	vmalloc_init();

	sched_init();
	softirq_init();
	init_timers();
	apic_init();
	acpi_boot_init();	/* the other CPUs, started by smp_init() */
	local_irq_enable();
	system_running = 1;
	rest_init();
}

/*
 * The first kernel thread, pid 1: everything that needs a task that can
 * sleep.  The boot thread meanwhile has become the idle task.
 */
static int kernel_init(void *unused)
{
	smp_init();
	do_initcalls();
	if (ktest_glob)
		run_ktest(ktest_glob);
	pr_info("Boot complete.\n");
	shell_main();
	/* no shell: init has nothing left to do, but init never exits */
	for (;;)
		schedule_timeout_interruptible(MAX_SCHEDULE_TIMEOUT);
	return 0;
}

/* Start the first threads, then become the idle task (as Linux's rest_init). */
static void __noreturn rest_init(void)
{
	struct task_struct *init = kthread_create(kernel_init, NULL, "init");

	if (IS_ERR(init))
		panic("cannot create the init thread");
	spawn_ksoftirqd();
	workqueue_init();
	keyboard_init();
	serial_irq_init();
	wake_up_process(init);
	cpu_idle_loop();
}
