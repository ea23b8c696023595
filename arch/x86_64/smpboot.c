// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86_64/smpboot.c - per-CPU areas and starting the other CPUs.
 *
 * Per-CPU areas (<linux/percpu.h>).  The boot CPU uses the per-CPU
 * section as linked, with GS base 0, from its first C instruction;
 * setup_boot_cpu_gs() keeps a copy of the section's initial contents
 * (__per_cpu_template) for the others.  Each AP gets pages holding a copy
 * of that template, and its GS base is the distance from the section to
 * its copy.
 *
 * Starting an AP (Intel's "INIT-SIPI-SIPI" sequence, as Linux's
 * do_boot_cpu()):
 *
 *   boot CPU                                  AP (held in reset so far)
 *   prepares: per-CPU area, idle task and
 *   stack, IST stacks, the trampoline page
 *   INIT IPI, 10 ms, start-up IPI  ------->   16-bit real mode at the
 *   (vector = the trampoline's page), 200 us, trampoline page
 *   start-up IPI again                        trampoline.asm: long mode
 *                                             start_secondary(): GS base,
 *                                             GDT/TSS, IDT, local APIC
 *   waits (up to 5 s) for the online bit <--  set_cpu_online(); idle
 *
 * One AP starts at a time: they share the trampoline page and its
 * parameters.  The trampoline's page table is the kernel's with the
 * trampoline page mapped at its own address too (a 2 MiB identity page),
 * so the instruction after paging is switched on can be fetched.
 *
 * An AP's idle task ("swapper/N", pid 0, as Linux's) runs cpu_idle_loop()
 * as CPU 0's does: the AP runs tasks from its own run queue
 * (kernel/sched/core.c).  Its timer ends slices (scheduler_tick()) and
 * counts (irq_stat.apic_timer_irqs); jiffies and the timers advance on
 * CPU 0.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/irq_vectors.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>
#include <kernel/boot.h>
#include <kernel/multiboot2.h>

#define MSR_GS_BASE		0xc0000101
#define EFER_LME		(1UL << 8)

#define APIC_DM_FIXED		0x00000
#define APIC_DM_INIT		0x00500
#define APIC_DM_STARTUP		0x00600
#define APIC_INT_ASSERT		0x04000
#define APIC_INT_LEVELTRIG	0x08000

#define TRAMPOLINE_LOW		0x1000UL	/* the real-mode page: below 640 KiB */
#define TRAMPOLINE_HIGH		0x9f000UL
#define AP_CALLIN_TIMEOUT_MS	5000

extern char __per_cpu_start[], __per_cpu_end[], __per_cpu_template[];
extern const u8 trampoline_start[], trampoline_end[];
extern u8 tr_gdt_ptr[], tr_far[], tr_cr3[], tr_efer[], tr_stack[], tr_entry[],
	tr_kernel_cr3[], tr_cpu[];
extern char secondary_startup_64[];

u32 x86_cpu_to_apicid[NR_CPUS];
DEFINE_PER_CPU(struct irq_cpustat, irq_stat);

/* The trampoline's page table: the kernel's, plus the low 2 MiB identity. */
static u64 tramp_pml4[512] __aligned(PAGE_SIZE);
static u64 tramp_pdpt[512] __aligned(PAGE_SIZE);
static u64 tramp_pd[512] __aligned(PAGE_SIZE);
static unsigned long trampoline_phys;
static unsigned long secondary_cr4;

/* Each CPU's idle task (CPU 0's is init_task). */
struct task_struct *idle_tasks[NR_CPUS] = { &init_task };

/**
 * setup_boot_cpu_gs - the boot CPU's per-CPU area is the linked section
 *
 * Keeps the section's initial contents for the APs, and sets GS base 0.
 *
 * Context: The first C code, before any per-CPU variable is touched.
 */
void setup_boot_cpu_gs(void)
{
	memcpy(__per_cpu_template, __per_cpu_start, __per_cpu_end - __per_cpu_start);
	wrmsr(MSR_GS_BASE, 0);
}

/* A copy of the template for @cpu; sets its offset.  0 or -ENOMEM. */
static int alloc_per_cpu_area(unsigned int cpu)
{
	unsigned long size = __per_cpu_end - __per_cpu_start;
	void *area;

	if (per_cpu_offset(cpu))
		return 0;		/* a second try: keep the first area */
	area = (void *)__get_free_pages(GFP_KERNEL, get_order(size));
	if (!area)
		return -ENOMEM;
	memcpy(area, __per_cpu_template, size);
	__per_cpu_offset[cpu] = (unsigned long)area - (unsigned long)__per_cpu_start;
	per_cpu(this_cpu_off, cpu) = __per_cpu_offset[cpu];
	per_cpu(cpu_number, cpu) = cpu;
	slab_prepare_cpu(cpu);
	return 0;
}

/*
 * The AP's idle task, its stack and its IST stacks.  The stacks are
 * whole pages from the direct map, never vmalloc: no other CPU's TLB
 * holds a stale mapping of them, and they are never freed.
 */
static struct task_struct *alloc_idle_task(unsigned int cpu)
{
	struct task_struct *idle = idle_tasks[cpu];
	unsigned int ist_order = get_order(NR_IST_STACKS * IST_STACK_SIZE);
	unsigned long stack, ist;

	if (idle)
		return idle;
	idle = kzalloc(sizeof(*idle), GFP_KERNEL);
	stack = __get_free_pages(GFP_KERNEL, get_order(THREAD_SIZE));
	ist = __get_free_pages(GFP_KERNEL, ist_order);
	if (!idle || !stack || !ist) {
		kfree(idle);
		if (stack)
			free_pages(stack, get_order(THREAD_SIZE));
		if (ist)
			free_pages(ist, ist_order);
		return NULL;
	}
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
	idle->pid = 0;
	idle->flags = PF_KTHREAD | PF_IDLE;
	idle->__state = TASK_RUNNING;
	cpumask_copy(&idle->cpus_mask, cpumask_of(cpu));
	idle->stack = (void *)stack;
	idle->stack_lo = stack;
	idle->stack_hi = stack + THREAD_SIZE;
	INIT_LIST_HEAD(&idle->run_list);
	INIT_LIST_HEAD(&idle->tasks);
	per_cpu(ist_stacks, cpu) = (u8 *)ist;
	idle_tasks[cpu] = idle;
	return idle;
}

/* Is the page at @pa usable RAM, clear of the boot information? */
static bool trampoline_page_ok(unsigned long pa)
{
	unsigned long mbi = __pa(boot_info.info);
	unsigned int i;

	if (pa < mbi + boot_info.total_size && mbi < pa + PAGE_SIZE)
		return false;
	for (i = 0; i < boot_info.nr_mmap; i++) {
		const struct mb2_mmap_entry *e = &boot_info.mmap[i];

		if (e->type == MB2_MEMORY_AVAILABLE && e->addr <= pa &&
		    pa + PAGE_SIZE <= e->addr + e->len)
			return true;
	}
	return false;
}

/*
 * Choose the real-mode page (inside the first MiB, which memblock keeps
 * for itself), copy the trampoline there and build its page table.
 */
static int setup_trampoline(void)
{
	unsigned long pa, size = trampoline_end - trampoline_start;
	u64 *kernel_pml4 = __va(read_cr3() & PAGE_MASK);
	u8 *page;

	for (pa = TRAMPOLINE_LOW; pa < TRAMPOLINE_HIGH; pa += PAGE_SIZE)
		if (trampoline_page_ok(pa))
			break;
	if (pa >= TRAMPOLINE_HIGH || size > PAGE_SIZE) {
		pr_err("smpboot: no free page below 640 KiB for the AP trampoline\n");
		return -ENOMEM;
	}
	trampoline_phys = pa;
	page = __va(pa);
	memcpy(page, trampoline_start, size);

#define TR_FIELD(type, sym)	(*(type *)(page + ((sym) - (const u8 *)trampoline_start)))
	TR_FIELD(u32, tr_gdt_ptr + 2) += pa;
	TR_FIELD(u32, tr_far) += pa;
	TR_FIELD(u32, tr_cr3) = __pa(tramp_pml4);
	TR_FIELD(u32, tr_efer) = (rdmsr(MSR_EFER) & EFER_NX) | EFER_LME;
	TR_FIELD(u64, tr_entry) = (unsigned long)secondary_startup_64;
	TR_FIELD(u64, tr_kernel_cr3) = read_cr3();

	memcpy(tramp_pml4, kernel_pml4, PAGE_SIZE);
	tramp_pml4[0] = __pa(tramp_pdpt) | _PAGE_PRESENT | _PAGE_RW;
	tramp_pdpt[0] = __pa(tramp_pd) | _PAGE_PRESENT | _PAGE_RW;
	tramp_pd[0] = 0 | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
	secondary_cr4 = read_cr4();
	return 0;
}

/* INIT, then two start-up IPIs naming the trampoline's page. */
static void wakeup_secondary_cpu(u32 apicid)
{
	u32 vector = trampoline_phys >> PAGE_SHIFT;

	apic_send_ipi(apicid, APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT);
	mdelay(10);
	apic_send_ipi(apicid, APIC_INT_LEVELTRIG | APIC_DM_INIT);	/* deassert */
	apic_send_ipi(apicid, APIC_DM_STARTUP | vector);
	udelay(200);
	apic_send_ipi(apicid, APIC_DM_STARTUP | vector);
	udelay(200);
}

/**
 * __cpu_up - start CPU @cpu and wait until it is online
 * @cpu: a possible CPU, not yet online
 *
 * Return: 0, or a negative error (reported) if it could not be prepared
 * or did not come up within 5 seconds.
 * Context: Process context (the init thread); may sleep.
 */
int __cpu_up(unsigned int cpu)
{
	struct task_struct *idle;
	u8 *page;
	unsigned long deadline;

	if (!trampoline_phys && setup_trampoline())
		return -ENOMEM;
	if (alloc_per_cpu_area(cpu) || !(idle = alloc_idle_task(cpu))) {
		pr_err("smpboot: CPU %u: no memory for its per-CPU area or idle task\n", cpu);
		return -ENOMEM;
	}
	per_cpu(current_task, cpu) = idle;
	sched_init_idle(idle, cpu);
	per_cpu(__preempt_count, cpu) = PREEMPT_OFFSET;	/* the idle task's */

	page = __va(trampoline_phys);
	TR_FIELD(u64, tr_stack) = idle->stack_hi;
	TR_FIELD(u32, tr_cpu) = cpu;
	barrier();

	wakeup_secondary_cpu(cpu_physical_id(cpu));
	deadline = jiffies + msecs_to_jiffies(AP_CALLIN_TIMEOUT_MS);
	while (!cpu_online(cpu)) {
		if (time_after(jiffies, deadline)) {
			pr_err("smpboot: do_boot_cpu failed(-1) to wakeup CPU#%u (APIC %#x)\n",
			       cpu, cpu_physical_id(cpu));
			return -EIO;
		}
		msleep(1);
	}
	return 0;
}
#undef TR_FIELD

/**
 * start_secondary - an AP's first C code
 * @cpu: its CPU number
 *
 * Context: The AP, on its idle stack, interrupts off.  Does not return.
 */
void __noreturn start_secondary(unsigned int cpu)
{
	wrmsr(MSR_GS_BASE, per_cpu_offset(cpu));
	write_cr4(secondary_cr4);
	gdt_load_this_cpu();
	idt_load();
	apic_init_secondary();
	preempt_count_set(0);	/* the idle task schedules (cpu_idle_loop()) */
	set_cpu_online(cpu, true);
	cpu_idle_loop();
}

/**
 * arch_send_call_function_single_ipi - interrupt @cpu for a cross-CPU call
 * @cpu: an online CPU
 *
 * Context: Any context.
 */
void arch_send_call_function_single_ipi(int cpu)
{
	apic_send_ipi(cpu_physical_id(cpu), APIC_DM_FIXED | CALL_FUNCTION_SINGLE_VECTOR);
}

/**
 * arch_smp_send_reschedule - send the reschedule IPI to @cpu
 * @cpu: an online CPU
 *
 * Context: Any context.
 */
void arch_smp_send_reschedule(int cpu)
{
	apic_send_ipi(cpu_physical_id(cpu), APIC_DM_FIXED | RESCHEDULE_VECTOR);
}
