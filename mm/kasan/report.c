// SPDX-License-Identifier: GPL-2.0
/*
 * mm/kasan/report.c - the report of a bad access, in Linux's words.
 *
 *   ==================================================================
 *   BUG: KASAN: slab-out-of-bounds in kasan_oob_right+0x6e/0x140
 *   Read of size 1 at addr ffff888002a4c07b by task kunit_try_catch/60
 *
 *   CPU: 0 PID: 60 Comm: kunit_try_catch Not tainted
 *   Call Trace:
 *    ...
 *
 *   Allocated by task 60:
 *    ...
 *
 *   The buggy address belongs to the object at ffff888002a4c000
 *    which belongs to the cache kmalloc-128 of size 128
 *   The buggy address is located 0 bytes to the right of
 *    allocated 123-byte region [ffff888002a4c000, ffff888002a4c07b)
 *
 *   The buggy address belongs to the physical page:
 *   page:ffffea00000a9300 refcount:1 mapcount:0 mapping:0000000000000000 index:0x0 pfn:0x2a4c
 *   flags: 0x200(slab)
 *
 *   Memory state around the buggy address:
 *    ffff888002a4bf00: fc fc fc ...
 *   >ffff888002a4c000: 00 00 ... 00 03
 *                                    ^
 *   ==================================================================
 *
 * The bug type comes from the shadow byte of the first bad byte (which
 * poison it holds), or from the address alone when it has no shadow
 * (null-ptr-deref, user-memory-access, wild-memory-access).
 *
 * Only the first report is printed unless multi-shot is on (the boot
 * parameter kasan_multi_shot, or a test), as in Linux: one bug tends to
 * cause a flood.  kasan.fault=panic panics after the report.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kallsyms.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/stackdepot.h>
#include <kernel/oops.h>
#include <asm/setup.h>
#include "../slab.h"
#include "kasan.h"

#define REPORT_RULE \
	"=================================================================="
#define META_BYTES_PER_ROW	16
#define META_ROWS_AROUND	2
#define STACK_FRAME_MAGIC	0x41b58ab3	/* gcc's ASan frame marker */
#define USER_ADDR_END		0x00007ffffffff000UL	/* Linux's TASK_SIZE_MAX */

unsigned long kasan_report_count;
struct kasan_report_info kasan_last_report;
EXPORT_SYMBOL(kasan_last_report);
EXPORT_SYMBOL(kasan_report_count);
static bool multi_shot;
static bool reported_once;
static bool fault_panic;
static bool in_report;

static int __init kasan_multi_shot_setup(char *val)
{
	multi_shot = true;
	return 0;
}
__setup("kasan_multi_shot", kasan_multi_shot_setup);

static int __init kasan_fault_setup(char *val)
{
	if (!strcmp(val, "report"))
		fault_panic = false;
	else if (!strcmp(val, "panic"))
		fault_panic = true;
	else
		return -EINVAL;
	return 0;
}
__setup("kasan.fault=", kasan_fault_setup);

/**
 * kasan_save_enable_multi_shot - print every report from now on
 *
 * Context: Any context.
 * Return: the old setting, for kasan_restore_multi_shot().
 */
bool kasan_save_enable_multi_shot(void)
{
	bool old = multi_shot;

	multi_shot = true;
	return old;
}
EXPORT_SYMBOL(kasan_save_enable_multi_shot);

void kasan_restore_multi_shot(bool enabled)
{
	multi_shot = enabled;
}
EXPORT_SYMBOL(kasan_restore_multi_shot);

void kasan_disable_current(void)
{
	current->kasan_depth++;
}
EXPORT_SYMBOL(kasan_disable_current);

void kasan_enable_current(void)
{
	current->kasan_depth--;
}
EXPORT_SYMBOL(kasan_enable_current);

/*
 * Note the bad access; may its report be printed now?  Not inside
 * another, not while the task said so, and once unless multi-shot.
 */
static bool report_begin(unsigned long *flags, const char *type,
			 unsigned long addr, size_t size, bool write,
			 unsigned long ip)
{
	if (in_report || current->kasan_depth)
		return false;
	kasan_report_count++;
	kasan_last_report = (struct kasan_report_info){
		.bug_type = type, .addr = addr, .size = size,
		.is_write = write, .ip = ip,
	};
	if (!multi_shot && reported_once)
		return false;
	reported_once = true;
	local_irq_save(*flags);
	in_report = true;
	pr_err("%s\n", REPORT_RULE);
	return true;
}

static void report_end(unsigned long flags)
{
	pr_err("%s\n", REPORT_RULE);
	in_report = false;
	local_irq_restore(flags);
	if (fault_panic)
		panic("kasan.fault=panic set ...\n");
}

/* The bug type of a bad byte at @addr, from its shadow. */
static const char *shadow_bug_type(unsigned long addr)
{
	u8 *shadow = shadow_of(addr);

	/* a partly valid granule: the poison that follows says why */
	if (*shadow > 0 && *shadow < KASAN_GRANULE_SIZE)
		shadow++;
	switch (*shadow) {
	case KASAN_SLAB_REDZONE:
	case KASAN_PAGE_REDZONE:
		return "slab-out-of-bounds";
	case KASAN_SLAB_FREE:
		return "slab-use-after-free";
	case KASAN_PAGE_FREE:
		return "use-after-free";
	case KASAN_GLOBAL_REDZONE:
		return "global-out-of-bounds";
	case KASAN_STACK_LEFT:
	case KASAN_STACK_MID:
	case KASAN_STACK_RIGHT:
	case KASAN_STACK_PARTIAL:
		return "stack-out-of-bounds";
	case KASAN_ALLOCA_LEFT:
	case KASAN_ALLOCA_RIGHT:
		return "alloca-out-of-bounds";
	case KASAN_VMALLOC_INVALID:
		return "vmalloc-out-of-bounds";
	}
	return "out-of-bounds";
}

static bool addr_has_shadow(unsigned long addr)
{
	return addr >= shadow_to_mem((void *)KASAN_SHADOW_START);
}

/* The first byte of the access that is not valid (the access's own address if none). */
static unsigned long first_bad(unsigned long addr, size_t size)
{
	unsigned long a;

	for (a = addr; a < addr + size; a++) {
		s8 v = *(s8 *)shadow_of(a);

		if (v && (v < 0 || (s8)(a & (KASAN_GRANULE_SIZE - 1)) >= v))
			return a;
	}
	return addr;
}

static void print_track(const char *what, int pid, depot_stack_handle_t stack)
{
	pr_err("%s by task %d:\n", what, pid);
	if (stack)
		stack_depot_print(stack);
	else
		pr_err("(stack is not available)\n");
	pr_err("\n");
}

/* "The buggy address belongs to the object at ..." for a slab address. */
static void describe_object(struct kmem_cache *s, void *object,
			    unsigned long addr, bool print_tracks)
{
	struct kasan_obj_meta *meta = kasan_get_meta(s, object);
	unsigned long start = (unsigned long)object;
	bool freed = *(s8 *)shadow_of(start) == (s8)KASAN_SLAB_FREE;
	size_t size = freed ? s->object_size :
			      kasan_object_valid_size(object, s->object_size);

	if (print_tracks) {
		if (meta->alloc_stack || meta->alloc_pid)
			print_track("Allocated", meta->alloc_pid, meta->alloc_stack);
		if (freed || meta->free_stack)
			print_track("Freed", meta->free_pid, meta->free_stack);
	}
	pr_err("The buggy address belongs to the object at %px\n", object);
	pr_err(" which belongs to the cache %s of size %u\n", s->name,
	       s->object_size);
	if (addr < start)
		pr_err("The buggy address is located %lu bytes to the left of\n",
		       start - addr);
	else if (addr >= start + size)
		pr_err("The buggy address is located %lu bytes to the right of\n",
		       addr - (start + size));
	else
		pr_err("The buggy address is located %lu bytes inside of\n",
		       addr - start);
	pr_err(" %s %zu-byte region [%px, %px)\n", freed ? "freed" : "allocated",
	       size, object, (void *)(start + size));
	pr_err("\n");
}

static void describe_page(unsigned long addr)
{
	struct page *page = virt_to_page((void *)addr);

	pr_err("The buggy address belongs to the physical page:\n");
	/* a slab's frames reuse the count's field: the slab holds one reference */
	pr_err("page:%px refcount:%d mapcount:0 mapping:0000000000000000 index:0x0 pfn:%#lx\n",
	       page, PageSlab(page) ? 1 : page_ref_count(page), page_to_pfn(page));
	pr_err("flags: %#lx(%s)\n", (unsigned long)page->flags,
	       PageSlab(page) ? "slab" : PageVmalloc(page) ? "vmalloc" :
	       page_ref_count(page) ? "" : "free");
	pr_err("page dumped because: kasan: bad access detected\n");
	pr_err("\n");
}

/* The next number of a frame description, after any spaces. */
static unsigned long next_number(const char **p)
{
	char *end;
	unsigned long n;

	while (**p == ' ')
		(*p)++;
	n = simple_strtoul(*p, &end, 10);
	*p = end;
	return n;
}

/*
 * A stack address: the compiler put a frame marker at the bottom of the
 * frame's left red zone: the magic, a description of the frame's arrays
 * ("N off size len name ...") and the function.  Found by walking the
 * shadow down to the left red zone.
 */
static void describe_stack(unsigned long addr, struct task_struct *t)
{
	u8 *shadow = shadow_of(addr), *lowest = shadow_of(t->stack_lo);
	const unsigned long *frame;
	const char *p;
	unsigned long n, i;

	pr_err("The buggy address belongs to stack of task %s/%d\n", t->comm, t->pid);
	while (shadow > lowest && *shadow != KASAN_STACK_LEFT)
		shadow--;
	while (shadow > lowest && shadow[-1] == KASAN_STACK_LEFT)
		shadow--;
	frame = (const unsigned long *)shadow_to_mem(shadow);
	if (*shadow != KASAN_STACK_LEFT || frame[0] != STACK_FRAME_MAGIC) {
		pr_err("\n");
		return;
	}
	pr_err(" and is located at offset %lu in frame:\n",
	       addr - (unsigned long)frame);
	pr_err(" %pS\n", (void *)frame[2]);
	p = (const char *)frame[1];
	n = next_number(&p);
	pr_err("\n");
	pr_err("This frame has %lu %s:\n", n, n == 1 ? "object" : "objects");
	for (i = 0; i < n && *p; i++) {
		unsigned long off = next_number(&p);
		unsigned long size = next_number(&p);
		unsigned long len = next_number(&p);

		if (*p == ' ')
			p++;
		if (strnlen(p, len) < len)
			break;
		pr_err(" [%lu, %lu) '%.*s'\n", off, off + size, (int)len, p);
		p += len;
	}
	pr_err("\n");
}

/* Which object, variable, stack or mapping @addr belongs to. */
static void describe_address(unsigned long addr, bool print_tracks)
{
	struct kmem_cache *s;
	struct vm_struct *vm;
	void *object;

	if (current->stack_hi && addr >= current->stack_lo &&
	    addr < current->stack_hi) {
		describe_stack(addr, current);
		return;
	}
	if ((addr >= __START_KERNEL_map && addr < (unsigned long)_end) ||
	    (addr >= MODULES_VADDR && addr < MODULES_END &&
	     kasan_describe_global(addr, NULL, 0))) {
		char name[KSYM_NAME_LEN + 32];

		pr_err("The buggy address belongs to the variable:\n");
		if (kasan_describe_global(addr, name, sizeof(name)) && name[0])
			pr_err(" %s\n", name);
		else
			pr_err(" %pS\n", (void *)addr);
		pr_err("\n");
		return;
	}
	if (is_vmalloc_addr((void *)addr)) {
		vm = find_vm_area((void *)addr);
		if (vm) {
			pr_err("The buggy address belongs to the virtual mapping at\n");
			pr_err(" [%px, %px) created by:\n", vm->addr,
			       (char *)vm->addr + vm->size);
			pr_err(" %pS\n", vm->caller);
			pr_err("\n");
		}
		return;
	}
	if (addr < PAGE_OFFSET || addr - PAGE_OFFSET >= (max_pfn << PAGE_SHIFT))
		return;
	object = kasan_find_object((void *)addr, &s);
	if (object)
		describe_object(s, object, addr, print_tracks);
	describe_page(addr);
}

/* The shadow rows around @addr, Linux's "Memory state" dump. */
static void print_memory_state(unsigned long addr)
{
	u8 *shadow = shadow_of(addr);
	u8 *row = (u8 *)round_down((unsigned long)shadow, META_BYTES_PER_ROW) -
		  META_ROWS_AROUND * META_BYTES_PER_ROW;
	char line[3 * META_BYTES_PER_ROW + 1];
	int i, j;

	pr_err("Memory state around the buggy address:\n");
	for (i = -META_ROWS_AROUND; i <= META_ROWS_AROUND; i++) {
		int n = 0;

		for (j = 0; j < META_BYTES_PER_ROW; j++)
			n += snprintf(line + n, sizeof(line) - n,
				      j ? " %02x" : "%02x", row[j]);
		pr_err("%c%px: %s\n", i ? ' ' : '>', (void *)shadow_to_mem(row), line);
		/* under the shadow byte: past ">ADDRESS: " and 3 columns a byte */
		if (!i)
			pr_err("%*c\n", (int)(1 + 16 + 2 + 3 * (shadow - row) + 1), '^');
		row += META_BYTES_PER_ROW;
	}
}

/**
 * kasan_report - print the report of a bad access
 * @addr: the access's address
 * @size: its size
 * @write: a store
 * @ip: where it happened
 *
 * Context: Any context.
 */
void kasan_report(unsigned long addr, size_t size, bool write, unsigned long ip)
{
	unsigned long flags;
	bool shadow = addr_has_shadow(addr) && addr + size >= addr;
	const char *type;

	if (!shadow)
		type = addr < PAGE_SIZE ? "null-ptr-deref" :
		       addr < USER_ADDR_END ? "user-memory-access" :
					     "wild-memory-access";
	else
		type = shadow_bug_type(first_bad(addr, size));
	if (!report_begin(&flags, type, addr, size, write, ip))
		return;
	if (!shadow) {
		pr_err("BUG: KASAN: %s in %pS\n", type, (void *)ip);
		pr_err("%s of size %zu at addr %px by task %s/%d\n",
		       write ? "Write" : "Read", size, (void *)addr,
		       current->comm, current->pid);
		pr_err("\n");
		dump_stack();
		report_end(flags);
		return;
	}
	pr_err("BUG: KASAN: %s in %pS\n", type, (void *)ip);
	pr_err("%s of size %zu at addr %px by task %s/%d\n",
	       write ? "Write" : "Read", size, (void *)addr, current->comm,
	       current->pid);
	pr_err("\n");
	dump_stack();
	pr_err("\n");
	describe_address(addr, true);
	print_memory_state(addr);
	report_end(flags);
}

/*
 * kasan_report_invalid_free - a kfree() or kmem_cache_free() of @object,
 * which is no object's start (@type "invalid-free") or already free
 * ("double-free").
 */
void kasan_report_invalid_free(const void *object, unsigned long ip,
			       const char *type)
{
	unsigned long flags;

	if (!report_begin(&flags, type, (unsigned long)object, 0, false, ip))
		return;
	pr_err("BUG: KASAN: %s in %pS\n", type, (void *)ip);
	pr_err("Free of addr %px by task %s/%d\n", object, current->comm,
	       current->pid);
	pr_err("\n");
	dump_stack();
	pr_err("\n");
	describe_address((unsigned long)object, true);
	print_memory_state((unsigned long)object);
	report_end(flags);
}
