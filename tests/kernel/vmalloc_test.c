// SPDX-License-Identifier: GPL-2.0
/*
 * Tests for vmalloc (mm/vmalloc.c, mm/pgtable.c) and the kvmalloc family
 * (mm/util.c).
 *
 * Three suites:
 *
 *   vmalloc         the API of <linux/vmalloc.h>: sizes, zeroing, the frames
 *                   behind an area (vmalloc_to_page, the direct-map alias),
 *                   alignment, guard pages, vmap/vunmap, lazy freeing, the
 *                   page-fault notes, wrong vfree() calls (reported, and
 *                   nothing changes), failures, and the vmallocinfo report;
 *   vmalloc_stress  the scenarios of Linux's lib/test_vmalloc.c (fixed
 *                   size, full fit, long busy list of 15000 areas, random
 *                   sizes, alignments) with the contents of every area
 *                   checked, and the trees' heights against the AVL bound;
 *   kvmalloc        the 5.4 book's rules: kmalloc for a page or less,
 *                   kmalloc-then-vmalloc above, kmalloc only for flags
 *                   that may not sleep; overflow, kvrealloc, kvfree.
 *
 * Every case frees what it made, even when an ASSERT ends it early: the
 * suites' exit hook frees what the case left in the `held` slots and the
 * filler.  The test runner purges lazily freed areas before each case,
 * so each case starts with an empty lazy list.
 */
#include <kunit/test.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/kallsyms.h>
#include <linux/kstrtox.h>
#include <linux/kthread.h>
#include <linux/limits.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <kernel/log.h>
#include <kernel/oops.h>
#include <kernel/pgtable.h>
#include <kernel/vmalloc_stats.h>
#include "vmalloc_kunit.h"

#define VMALLOC_ERROR_TEXT	"vmalloc error: size "
#define NONEXISTENT_TEXT	"nonexistent vm area"
#define ALLOC_FAIL_TEXT		"page allocation failure"
#define BUSY_LIST_AREAS		15000UL

/* ---- helpers ---------------------------------------------------------------- */

/* Allocations a case still holds; the exit hook frees them (kvfree). */
#define NR_HELD	4096
static void *held[NR_HELD];
static struct page *held_pages[16];
static struct vmalloc_filler filler;

static void vmalloc_case_exit(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < NR_HELD; i++) {
		struct vm_struct *vm = is_vmalloc_addr(held[i]) ?
				       find_vm_area(held[i]) : NULL;

		/* kmalloc or vmalloc: kvfree; vmap: vunmap (vfree refuses it) */
		if (vm && (vm->flags & VM_MAP))
			vunmap(held[i]);
		else
			kvfree(held[i]);
		held[i] = NULL;
	}
	for (i = 0; i < ARRAY_SIZE(held_pages); i++) {
		if (held_pages[i])
			__free_page(held_pages[i]);
		held_pages[i] = NULL;
	}
	filler_release(&filler);
}

/* Drop a pointer from the held slots (the case freed it itself). */
static void unhold(unsigned int i)
{
	held[i] = NULL;
}

/* The call sites that vmallocinfo and the fault notes must name. */
static noinline void *vmalloc_here(unsigned long size)
{
	void *p = vmalloc(size);

	barrier();	/* no tail call: the caller must be this function */
	return p;
}

static noinline void *kvmalloc_here(size_t size, gfp_t gfp)
{
	void *p = kvmalloc(size, gfp);

	barrier();
	return p;
}

static noinline void *vmap_here(struct page **pages, unsigned int count,
				pgprot_t prot)
{
	void *p = vmap(pages, count, VM_MAP, prot);

	barrier();
	return p;
}

static void expect_log(struct kunit *test, u64 seq, const char *text)
{
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) != 0,
			      "the log lacks \"%s\"", text);
}

static void expect_no_log(struct kunit *test, u64 seq, const char *text)
{
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) == 0,
			      "the log has \"%s\"", text);
}

/*
 * Does the symbol of @addr read "@name+0x..."?  GCC may have cloned the
 * function ("@name.constprop.0+0x..."): that is the same function.
 */
static bool symbol_is(const void *addr, const char *name)
{
	char buf[KSYM_SYMBOL_LEN];
	size_t len = strlen(name);

	sprint_symbol(buf, (unsigned long)addr);
	return strncmp(buf, name, len) == 0 &&
	       (strncmp(buf + len, "+0x", 3) == 0 || buf[len] == '.');
}

static bool mem_is(const void *p, u8 byte, size_t size)
{
	const u8 *b = p;
	size_t i;

	for (i = 0; i < size; i++)
		if (b[i] != byte)
			return false;
	return true;
}

/* Fill @size bytes with a pattern that depends on @seed and the offset. */
static void fill_pattern(void *p, size_t size, u32 seed)
{
	u32 *w = p;
	size_t i;

	for (i = 0; i < size / 4; i++)
		w[i] = seed ^ (u32)(i * 2654435761u);
}

static bool pattern_ok(const void *p, size_t size, u32 seed)
{
	const u32 *w = p;
	size_t i;

	for (i = 0; i < size / 4; i++)
		if (w[i] != (seed ^ (u32)(i * 2654435761u)))
			return false;
	return true;
}

/* Is @va mapped in the kernel's page tables? */
static bool mapped(unsigned long va)
{
	return pgtable_virt_to_phys(va) != (phys_addr_t)-1;
}

/* xorshift32: the same "random" sequence on every run. */
static u32 rnd_state;

static u32 rnd(void)
{
	u32 x = rnd_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return rnd_state = x;
}

/* Oops catching: touch fault_addr, expect exactly one oops. */
static unsigned long fault_addr;

static noinline void read_fault_addr(void)
{
	(void)*(volatile u8 *)fault_addr;
}

static noinline void write_fault_addr(void)
{
	*(volatile u8 *)fault_addr = 0x5a;
}

static noinline u64 expect_oops_at(struct kunit *test, void (*fn)(void),
				   unsigned long addr)
{
	struct oops_catcher c;
	unsigned int before = oops_count;
	u64 seq = log_seq();
	char text[80];

	fault_addr = addr;
	if (oops_catch(&c) == 0) {
		fn();
		oops_uncatch(&c);
		KUNIT_FAIL(test, "no oops at %lx", addr);
	}
	KUNIT_EXPECT_EQ(test, oops_count, before + 1);
	snprintf(text, sizeof(text), "BUG: unable to handle page fault for address: %016lx",
		 addr);
	expect_log(test, seq, text);
	return seq;
}

/* ---- vmallocinfo parsing ------------------------------------------------------ */

/* One line of vmallocinfo, as Linux prints it. */
struct vi_line {
	unsigned long start, end, size;
	char caller[KSYM_SYMBOL_LEN];	/* "name+0xoff/0xsize" */
	unsigned long pages;
	char kind[16];			/* "vmalloc", "vmap", "ioremap" */
};

static bool parse_hex16(const char *s, unsigned long *val)
{
	char *end;
	int i;

	for (i = 0; i < 16; i++)
		if (!isxdigit(s[i]) || isupper(s[i]))
			return false;
	*val = simple_strtoul(s, &end, 16);
	return end == s + 16;
}

/* "name+0xhex/0xhex" */
static bool caller_well_formed(const char *c)
{
	const char *plus = strstr(c, "+0x"), *slash = strstr(c, "/0x"), *p;

	if (!plus || !slash || plus == c || slash < plus)
		return false;
	for (p = c; p < plus; p++)
		if (!isalnum(*p) && *p != '_' && *p != '.')
			return false;
	for (p = plus + 3; p < slash; p++)
		if (!isxdigit(*p))
			return false;
	for (p = slash + 3; *p; p++)
		if (!isxdigit(*p))
			return false;
	return slash + 3 < p && plus + 3 < slash;
}

/*
 * parse_vi_line - read "0x%016lx-0x%016lx %7lu CALLER pages=N vmalloc"
 * @line: the line (up to '\n' or NUL)
 *
 * Return: true when the line has exactly that format.
 */
static bool parse_vi_line(const char *line, struct vi_line *v)
{
	const char *p = line, *tok;
	char *end;
	size_t len;

	memset(v, 0, sizeof(*v));
	if (strncmp(p, "0x", 2) || !parse_hex16(p + 2, &v->start) ||
	    strncmp(p + 18, "-0x", 3) || !parse_hex16(p + 21, &v->end) ||
	    p[37] != ' ')
		return false;
	p += 38;			/* the size, right-aligned in 7 columns */
	tok = p;
	while (*p == ' ')
		p++;
	if (!isdigit(*p))
		return false;
	v->size = simple_strtoul(p, &end, 10);
	if (end - tok != 7 && !(p == tok && end - tok > 7))
		return false;
	p = end;
	if (*p++ != ' ')
		return false;
	tok = p;			/* the caller */
	while (*p && *p != ' ' && *p != '\n')
		p++;
	len = p - tok;
	if (!len || len >= sizeof(v->caller) || *p != ' ')
		return false;
	memcpy(v->caller, tok, len);
	if (!caller_well_formed(v->caller))
		return false;
	p++;
	if (strncmp(p, "pages=", 6) || !isdigit(p[6]))
		return false;
	v->pages = simple_strtoul(p + 6, &end, 10);
	p = end;
	if (*p++ != ' ')
		return false;
	tok = p;
	while (*p && *p != '\n')
		p++;
	len = p - tok;
	if (!len || len >= sizeof(v->kind))
		return false;
	memcpy(v->kind, tok, len);
	return !strcmp(v->kind, "vmalloc") || !strcmp(v->kind, "vmap") ||
	       !strcmp(v->kind, "ioremap");
}

#define VI_BUF_SIZE	(64 * 1024)

/* vmallocinfo into a buffer the exit hook frees (held slot @slot). */
static char *vmallocinfo_text(struct kunit *test, unsigned int slot)
{
	struct seq_buf s;
	char *buf = held[slot];

	if (!buf)
		buf = held[slot] = kvmalloc(VI_BUF_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	seq_buf_init(&s, buf, VI_BUF_SIZE);
	vmallocinfo_show(&s);
	KUNIT_EXPECT_FALSE(test, s.overflow);
	return buf;
}

/* The vmallocinfo line of the area at @start, parsed; false if none. */
static bool vmallocinfo_find(struct kunit *test, const char *text,
			     const void *start, struct vi_line *v)
{
	char prefix[24];
	const char *line;

	snprintf(prefix, sizeof(prefix), "0x%016lx-", (unsigned long)start);
	line = strstr(text, prefix);
	if (!line)
		return false;
	KUNIT_EXPECT_TRUE_MSG(test, line == text || line[-1] == '\n',
			      "%s is not at the start of a line", prefix);
	KUNIT_EXPECT_TRUE_MSG(test, parse_vi_line(line, v),
			      "malformed vmallocinfo line: %.120s", line);
	return true;
}

/* ---- suite vmalloc: the API --------------------------------------------------- */

static void vmalloc_zero_is_null(struct kunit *test)
{
	unsigned long areas = vmalloc_nr_areas();

	KUNIT_EXPECT_NULL(test, vmalloc(0));
	KUNIT_EXPECT_NULL(test, vzalloc(0));
	KUNIT_EXPECT_NULL(test, __vmalloc(0, GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
	vfree(NULL);		/* nothing, and no report */
	vunmap(NULL);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

static void vfree_null_is_silent(struct kunit *test)
{
	u64 seq = log_seq();

	vfree(NULL);
	kvfree(NULL);
	expect_no_log(test, seq, "WARNING");
	expect_no_log(test, seq, NONEXISTENT_TEXT);
}

/* Sizes in bytes, not page multiples among them: all of it is usable. */
static void sizes_are_usable_and_counted(struct kunit *test)
{
	static const unsigned long sizes[] = {
		1, 100, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, 3 * PAGE_SIZE,
		16 * 1024, 100 * 1024, 1024 * 1024 + 7, 5 * 1024 * 1024,
	};
	unsigned long areas = vmalloc_nr_areas(), pages = vmalloc_nr_pages();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long size = sizes[i], nr = PAGE_ALIGN(size) >> PAGE_SHIFT;
		struct vm_struct *vm;
		u8 *p = vmalloc_here(size);

		KUNIT_ASSERT_TRUE_MSG(test, p != NULL, "vmalloc(%lu)", size);
		held[i] = p;
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, PAGE_SIZE));
		KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas + i + 1);
		memset(p, 0x5a, size);
		KUNIT_EXPECT_EQ(test, p[0], 0x5a);
		KUNIT_EXPECT_EQ(test, p[size - 1], 0x5a);

		vm = find_vm_area(p);
		KUNIT_ASSERT_NOT_NULL(test, vm);
		KUNIT_EXPECT_PTR_EQ(test, vm->addr, (void *)p);
		KUNIT_EXPECT_EQ(test, vm->size, (nr + 1) * PAGE_SIZE);	/* + guard */
		KUNIT_EXPECT_EQ(test, (unsigned long)vm->nr_pages, nr);
		KUNIT_EXPECT_TRUE(test, vm->flags & VM_ALLOC);
		KUNIT_EXPECT_TRUE(test, symbol_is(vm->caller, "vmalloc_here"));
		/* any address inside, the guard page too, finds the area */
		KUNIT_EXPECT_PTR_EQ(test, find_vm_area(p + size - 1), vm);
		KUNIT_EXPECT_PTR_EQ(test, find_vm_area(p + nr * PAGE_SIZE), vm);
		pages += nr;
		KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), pages);
	}
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		pages -= PAGE_ALIGN(sizes[i]) >> PAGE_SHIFT;
		vfree(held[i]);
		unhold(i);
		KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), pages);
	}
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

static void vzalloc_and_gfp_zero_give_zeroes(struct kunit *test)
{
	const unsigned long size = 16 * PAGE_SIZE + 123;
	u8 *p;
	int round;

	for (round = 0; round < 3; round++) {
		/* dirty frames first, so zeroes are not luck */
		p = vmalloc(size);
		KUNIT_ASSERT_NOT_NULL(test, p);
		memset(p, 0xa5, PAGE_ALIGN(size));
		vfree(p);
		purge_vmap_area_lazy();

		p = round == 0 ? vzalloc(size) :
		    round == 1 ? __vmalloc(size, GFP_KERNEL | __GFP_ZERO) :
				 vmalloc_node_caller(size, 4 * PAGE_SIZE,
						     GFP_KERNEL | __GFP_ZERO,
						     __builtin_return_address(0));
		KUNIT_ASSERT_NOT_NULL(test, p);
		/* the whole last page is zero, past the size asked for too */
		KUNIT_EXPECT_TRUE_MSG(test, mem_is(p, 0, PAGE_ALIGN(size)),
				      "round %d", round);
		vfree(p);
	}
}

/*
 * What is written through the vmalloc address is in the frame behind it,
 * seen through the direct map, and the other way round.
 */
static void vmalloc_to_page_aliases_the_direct_map(struct kunit *test)
{
	const unsigned int nr = 8;
	struct page *seen[8];
	unsigned int i, j;
	u8 *p = vmalloc(nr * PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, p);
	held[0] = p;
	for (i = 0; i < nr; i++) {
		u8 *v = p + i * PAGE_SIZE, *d;
		struct page *page = vmalloc_to_page(v);

		KUNIT_ASSERT_NOT_NULL(test, page);
		seen[i] = page;
		KUNIT_EXPECT_PTR_EQ(test, page, find_vm_area(p)->pages[i]);
		KUNIT_EXPECT_TRUE(test, PageVmalloc(page));
		KUNIT_EXPECT_EQ(test, vmalloc_to_pfn(v), page_to_pfn(page));
		/* any offset inside the page gives the same frame */
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(v + 1234), page);
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(v + PAGE_SIZE - 1), page);
		KUNIT_EXPECT_EQ(test, (unsigned long)pgtable_virt_to_phys((unsigned long)v + 77),
				(unsigned long)page_to_phys(page) + 77);

		d = page_address(page);
		KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(d));
		fill_pattern(v, PAGE_SIZE, 0x1000 + i);
		KUNIT_EXPECT_TRUE_MSG(test, pattern_ok(d, PAGE_SIZE, 0x1000 + i),
				      "page %u: the direct map does not see the write", i);
		d[17] = 0xee;
		KUNIT_EXPECT_EQ(test, v[17], 0xee);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_PTR_NE(test, seen[j], page);
	}
	/* the guard page has no frame, nor has an address outside vmalloc */
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(p + nr * PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, vmalloc_to_pfn(p + nr * PAGE_SIZE), 0UL);
	KUNIT_EXPECT_NULL(test, vmalloc_to_page(page_address(seen[0])));
	KUNIT_EXPECT_NULL(test, vmalloc_to_page((void *)vmalloc_to_page_aliases_the_direct_map));

	/* after vfree() the addresses map nothing */
	vfree(p);
	unhold(0);
	for (i = 0; i < nr; i++) {
		KUNIT_EXPECT_NULL(test, vmalloc_to_page(p + i * PAGE_SIZE));
		KUNIT_EXPECT_FALSE(test, mapped((unsigned long)p + i * PAGE_SIZE));
	}
}

/* Each area is followed by an unmapped page before the next area. */
static void guard_page_follows_every_area(struct kunit *test)
{
	unsigned long i, n = 16;

	for (i = 0; i < n; i++) {
		held[i] = vmalloc((i % 4 + 1) * PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, held[i]);
	}
	for (i = 0; i < n; i++) {
		unsigned long start = (unsigned long)held[i];
		unsigned long end = start + (i % 4 + 1) * PAGE_SIZE, j;

		KUNIT_EXPECT_TRUE(test, mapped(start));
		KUNIT_EXPECT_TRUE(test, mapped(end - 1));
		KUNIT_EXPECT_FALSE_MSG(test, mapped(end), "area %lu: guard page mapped", i);
		for (j = 0; j < n; j++) {
			unsigned long s = (unsigned long)held[j];

			if (j == i)
				continue;
			/* no other area starts inside this one or its guard */
			KUNIT_EXPECT_TRUE(test, s < start || s >= end + PAGE_SIZE);
		}
	}
	for (i = 0; i < n; i++) {
		vfree(held[i]);
		unhold(i);
	}
}

/* vmalloc_node_caller(): aligned starts for 4 KiB .. 2 MiB. */
static void aligned_allocations_are_aligned(struct kunit *test)
{
	unsigned int shift, k, slot = 0;
	unsigned long areas = vmalloc_nr_areas();

	for (shift = PAGE_SHIFT; shift <= 21; shift++) {
		unsigned long align = 1UL << shift;

		/* a few live at once, of sizes that push the next one off */
		for (k = 0; k < 3; k++) {
			unsigned long size = (k * 2 + 1) * PAGE_SIZE + 5;
			u8 *p = vmalloc_node_caller(size, align, GFP_KERNEL,
						    __builtin_return_address(0));

			KUNIT_ASSERT_TRUE_MSG(test, p != NULL, "align %lu", align);
			held[slot++] = p;
			KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED((unsigned long)p, align),
					      "%px is not aligned to %lu", p, align);
			KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
			fill_pattern(p, size, shift * 8 + k);
			KUNIT_EXPECT_FALSE(test, mapped((unsigned long)p + PAGE_ALIGN(size)));
		}
	}
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas + slot);
	for (k = 0; k < slot; k++) {
		shift = PAGE_SHIFT + k / 3;
		KUNIT_EXPECT_TRUE_MSG(test, pattern_ok(held[k], ((k % 3) * 2 + 1) * PAGE_SIZE + 5,
						       shift * 8 + k % 3),
				      "area %u was overwritten", k);
	}
	for (k = 0; k < slot; k++) {
		vfree(held[k]);
		unhold(k);
	}
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

static void vmap_maps_the_callers_pages(struct kunit *test)
{
	const unsigned int nr = 4;
	struct page *pages[5];
	unsigned long areas = vmalloc_nr_areas(), vpages = vmalloc_nr_pages();
	unsigned int i;
	struct vm_struct *vm;
	u8 *v;

	for (i = 0; i < nr; i++) {
		held_pages[i] = pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	pages[nr] = pages[0];	/* the same frame twice: two aliases */
	v = vmap_here(pages, nr + 1, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	held[0] = v;
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(v));
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas + 1);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vpages);	/* not vmalloc's frames */
	vm = find_vm_area(v);
	KUNIT_ASSERT_NOT_NULL(test, vm);
	KUNIT_EXPECT_TRUE(test, vm->flags & VM_MAP);
	KUNIT_EXPECT_FALSE(test, vm->flags & VM_ALLOC);
	KUNIT_EXPECT_EQ(test, vm->nr_pages, nr + 1);
	KUNIT_EXPECT_TRUE(test, symbol_is(vm->caller, "vmap_here"));

	for (i = 0; i < nr; i++) {
		fill_pattern(v + i * PAGE_SIZE, PAGE_SIZE, 0x77 + i);
		KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(v + i * PAGE_SIZE), pages[i]);
		KUNIT_EXPECT_FALSE(test, PageVmalloc(pages[i]));
	}
	for (i = 0; i < nr; i++)
		KUNIT_EXPECT_TRUE_MSG(test, pattern_ok(page_address(pages[i]), PAGE_SIZE,
						       0x77 + i), "page %u", i);
	/* the fifth page of the mapping is the first frame again */
	KUNIT_EXPECT_PTR_EQ(test, vmalloc_to_page(v + nr * PAGE_SIZE), pages[0]);
	KUNIT_EXPECT_TRUE(test, pattern_ok(v + nr * PAGE_SIZE, PAGE_SIZE, 0x77));
	KUNIT_EXPECT_FALSE(test, mapped((unsigned long)v + (nr + 1) * PAGE_SIZE));

	/* vunmap: the mapping goes, the frames and their contents stay */
	vunmap(v);
	unhold(0);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
	KUNIT_EXPECT_FALSE(test, mapped((unsigned long)v));
	for (i = 0; i < nr; i++) {
		KUNIT_EXPECT_TRUE(test, pattern_ok(page_address(pages[i]), PAGE_SIZE,
						   0x77 + i));
		KUNIT_EXPECT_EQ(test, page_ref_count(pages[i]), 1);
	}
	KUNIT_EXPECT_NULL(test, vmap(pages, 0, VM_MAP, PAGE_KERNEL));
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

/* A read-only vmap() is read-only: a write faults, naming the area. */
static void vmap_read_only_write_faults(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	char text[160];
	u8 *v;
	u64 seq;

	kunit_expect_reports(test, "BUG: unable to handle page fault");
	KUNIT_ASSERT_NOT_NULL(test, page);
	held_pages[0] = page;
	v = vmap_here(&page, 1, PAGE_KERNEL_RO);
	KUNIT_ASSERT_NOT_NULL(test, v);
	held[0] = v;
	KUNIT_EXPECT_EQ(test, v[100], 0);
	seq = expect_oops_at(test, write_fault_addr, (unsigned long)v + 100);
	expect_log(test, seq, "#PF: error_code(0x0003) - permissions violation");
	snprintf(text, sizeof(text),
		 "address is in vmalloc area %#lx-%#lx (4096 bytes) allocated at vmap_here+0x",
		 (unsigned long)v, (unsigned long)v + PAGE_SIZE);
	expect_log(test, seq, text);
	expect_no_log(test, seq, "guard page");
	KUNIT_EXPECT_EQ(test, ((u8 *)page_address(page))[100], 0);
}

/* The report of a fault in a guard page names the area and its caller. */
static void guard_page_fault_names_the_area(struct kunit *test)
{
	const unsigned long size = 2 * PAGE_SIZE;
	unsigned long start;
	char text[160];
	u8 *p;
	u64 seq;

	kunit_expect_reports(test, "BUG: unable to handle page fault");
	p = vmalloc_here(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	held[0] = p;
	start = (unsigned long)p;
	p[size - 1] = 1;		/* the last byte is fine */

	/* one byte past the end: a write, then a read, at the far end too */
	seq = expect_oops_at(test, write_fault_addr, start + size);
	snprintf(text, sizeof(text),
		 "vmalloc guard page of area %#lx-%#lx (%lu bytes) allocated at vmalloc_here+0x",
		 start, start + size, size);
	expect_log(test, seq, text);
	expect_log(test, seq, "#PF: supervisor write access in kernel mode");
	expect_log(test, seq, "#PF: error_code(0x0002) - not-present page");
	expect_log(test, seq, "RIP: 0010:write_fault_addr+0x");

	seq = expect_oops_at(test, read_fault_addr, start + size + PAGE_SIZE - 1);
	expect_log(test, seq, text);
	expect_log(test, seq, "#PF: supervisor read access in kernel mode");

	/* the area itself is intact and still frees */
	KUNIT_EXPECT_EQ(test, p[size - 1], 1);
	KUNIT_EXPECT_TRUE(test, mapped(start));
}

/* A use after vfree() faults, and says so; so does an address in no area. */
static void fault_after_vfree_and_in_no_area(struct kunit *test)
{
	unsigned long start;
	char text[160];
	u8 *p;
	u64 seq;

	kunit_expect_reports(test, "BUG: unable to handle page fault");
	purge_vmap_area_lazy();
	p = vmalloc_here(3 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	start = (unsigned long)p;
	p[PAGE_SIZE] = 3;
	vfree(p);

	/* lazily freed: the range is not reused yet, and the note says why */
	seq = expect_oops_at(test, read_fault_addr, start + PAGE_SIZE);
	snprintf(text, sizeof(text),
		 "address is in vmalloc area %#lx-%#lx, freed by vfree(): use after free? (allocated at vmalloc_here+0x",
		 start, start + 3 * PAGE_SIZE);
	expect_log(test, seq, text);
	expect_no_log(test, seq, "guard page");

	/* purged: no area at all */
	KUNIT_EXPECT_EQ(test, purge_vmap_area_lazy(), 1UL);
	seq = expect_oops_at(test, write_fault_addr, start + PAGE_SIZE);
	snprintf(text, sizeof(text),
		 "address %#lx is in the vmalloc region but in no vmalloc area",
		 start + PAGE_SIZE);
	expect_log(test, seq, text);
	expect_no_log(test, seq, "freed by vfree()");

	/* far from every area, near the end of the region */
	seq = expect_oops_at(test, read_fault_addr, VMALLOC_END - 0xfffff);
	snprintf(text, sizeof(text),
		 "address %#lx is in the vmalloc region but in no vmalloc area",
		 VMALLOC_END - 0xfffff);
	expect_log(test, seq, text);

	/* outside the region: no vmalloc note */
	seq = expect_oops_at(test, read_fault_addr, PAGE_OFFSET - 0x10000000UL);
	expect_no_log(test, seq, "vmalloc area");
	expect_no_log(test, seq, "vmalloc region");
}

/*
 * vfree() of an address that is not the start of a live area: the
 * warning, and nothing changes (counts, free space, report, contents).
 */
static void expect_refused(struct kunit *test, const void *addr, bool vunmap_it,
			   const void *live, unsigned long live_size, u32 seed)
{
	unsigned long areas = vmalloc_nr_areas(), pages = vmalloc_nr_pages();
	unsigned long largest = vmalloc_largest_free();
	int busy_h = vmalloc_busy_tree_height(), free_h = vmalloc_free_tree_height();
	char text[96];
	u64 seq = log_seq();

	if (vunmap_it)
		vunmap(addr);
	else
		vfree(addr);
	snprintf(text, sizeof(text), "Trying to %s() nonexistent vm area (%px)",
		 vunmap_it ? "vunmap" : "vfree", addr);
	expect_log(test, seq, "------------[ cut here ]------------");
	expect_log(test, seq, "WARNING: CPU: ");
	expect_log(test, seq, text);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), pages);
	KUNIT_EXPECT_EQ(test, vmalloc_largest_free(), largest);
	KUNIT_EXPECT_EQ(test, vmalloc_busy_tree_height(), busy_h);
	KUNIT_EXPECT_EQ(test, vmalloc_free_tree_height(), free_h);
	if (live) {
		KUNIT_EXPECT_TRUE(test, mapped((unsigned long)live));
		KUNIT_EXPECT_TRUE_MSG(test, pattern_ok(live, live_size, seed),
				      "the live area changed");
	}
}

static void bad_vfree_is_reported_and_harmless(struct kunit *test)
{
	const unsigned long size = 4 * PAGE_SIZE;
	char *before, *after;
	u8 *p, *q;
	void *k;

	kunit_expect_reports(test, "WARNING:");
	p = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, p);
	held[0] = p;
	fill_pattern(p, size, 0xbad);
	before = vmallocinfo_text(test, 10);

	expect_refused(test, p + PAGE_SIZE, false, p, size, 0xbad);	/* middle */
	expect_refused(test, p + 1, false, p, size, 0xbad);
	expect_refused(test, p + size, false, p, size, 0xbad);	/* its guard */
	expect_refused(test, (void *)(VMALLOC_START + 0x123456789000UL), false,
		       p, size, 0xbad);			/* no area there */
	expect_refused(test, p + PAGE_SIZE, true, p, size, 0xbad);	/* vunmap */

	k = kmalloc(64, GFP_KERNEL);	/* not a vmalloc address at all */
	KUNIT_ASSERT_NOT_NULL(test, k);
	held[1] = k;
	expect_refused(test, k, false, p, size, 0xbad);

	after = vmallocinfo_text(test, 11);
	KUNIT_EXPECT_STREQ(test, after, before);

	/* the area still works, and frees once */
	p[0] ^= 0xff;
	p[0] ^= 0xff;
	KUNIT_EXPECT_TRUE(test, pattern_ok(p, size, 0xbad));
	vfree(p);
	unhold(0);

	/* double vfree: lazily freed, then purged */
	expect_refused(test, p, false, NULL, 0, 0);
	purge_vmap_area_lazy();
	expect_refused(test, p, false, NULL, 0, 0);

	/* and a new area at the same address is not disturbed by a stale vfree */
	q = vmalloc(size);
	KUNIT_ASSERT_NOT_NULL(test, q);
	held[0] = q;
	fill_pattern(q, size, 0x9);
	if (q == p)
		kunit_info(test, "the new area reuses the freed address");
	expect_refused(test, q + PAGE_SIZE, false, q, size, 0x9);
}

/* Bigger than the region, or than its free space: NULL and the report. */
static void too_big_fails_with_report(struct kunit *test)
{
	unsigned long areas = vmalloc_nr_areas(), largest;
	char text[64];
	u64 seq;

	seq = log_seq();
	KUNIT_EXPECT_NULL(test, vmalloc(64UL << 40));	/* 64 TiB: twice the region */
	snprintf(text, sizeof(text), VMALLOC_ERROR_TEXT "%lu", 64UL << 40);
	expect_log(test, seq, text);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);

	seq = log_seq();
	KUNIT_EXPECT_NULL(test, __vmalloc(64UL << 40, GFP_KERNEL | __GFP_NOWARN));
	KUNIT_EXPECT_NULL(test, __vmalloc(ULONG_MAX, GFP_KERNEL | __GFP_NOWARN));
	expect_no_log(test, seq, VMALLOC_ERROR_TEXT);
	seq = log_seq();
	KUNIT_EXPECT_NULL(test, vmalloc(ULONG_MAX));	/* PAGE_ALIGN would wrap */
	expect_log(test, seq, VMALLOC_ERROR_TEXT);

	/* fits in the region, but not in its largest free range (guard page) */
	largest = vmalloc_largest_free();
	kunit_info(test, "largest free range: %lu bytes", largest);
	seq = log_seq();
	KUNIT_EXPECT_NULL(test, vmalloc(largest));
	snprintf(text, sizeof(text), VMALLOC_ERROR_TEXT "%lu", largest);
	expect_log(test, seq, text);
	seq = log_seq();
	KUNIT_EXPECT_NULL(test, __vmalloc(largest, GFP_KERNEL | __GFP_NOWARN));
	expect_no_log(test, seq, VMALLOC_ERROR_TEXT);
	KUNIT_EXPECT_EQ(test, vmalloc_largest_free(), largest);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

/* More frames than are free: NULL, the report, and every frame comes back. */
static void more_than_ram_fails_and_gives_back(struct kunit *test)
{
	unsigned long areas = vmalloc_nr_areas(), vpages = vmalloc_nr_pages();
	unsigned long size = (nr_free_pages() + 1024) * PAGE_SIZE;
	unsigned long largest;
	char text[64];
	u64 seq;

	seq = log_seq();
	KUNIT_EXPECT_NULL(test, vmalloc(size));
	snprintf(text, sizeof(text), VMALLOC_ERROR_TEXT "%lu", size);
	expect_log(test, seq, text);
	expect_no_log(test, seq, ALLOC_FAIL_TEXT);	/* frames asked with NOWARN */
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vpages);

	seq = log_seq();
	KUNIT_EXPECT_NULL(test, __vmalloc(size, GFP_KERNEL | __GFP_NOWARN));
	expect_no_log(test, seq, VMALLOC_ERROR_TEXT);

	/* the address range came back too (after the purge) */
	purge_vmap_area_lazy();
	largest = vmalloc_largest_free();
	KUNIT_EXPECT_GE(test, largest, size);
	/* and memory is usable again */
	held[0] = vmalloc(64 * PAGE_SIZE);
	KUNIT_EXPECT_NOT_NULL(test, held[0]);
}

/* Freed ranges wait on the lazy list; purging gives them back. */
static void lazy_free_and_purge(struct kunit *test)
{
	unsigned long largest, first, i;
	void *p, *q;

	purge_vmap_area_lazy();
	largest = vmalloc_largest_free();
	p = vmalloc(2 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	first = (unsigned long)p;
	vfree(p);
	/* not reused while lazy: the next area goes elsewhere */
	q = vmalloc(2 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_PTR_NE(test, q, p);
	vfree(q);
	KUNIT_EXPECT_EQ(test, purge_vmap_area_lazy(), 2UL);
	KUNIT_EXPECT_EQ(test, purge_vmap_area_lazy(), 0UL);
	KUNIT_EXPECT_EQ(test, vmalloc_largest_free(), largest);
	/* purged: the lowest fit is the first address again */
	p = vmalloc(2 * PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, (unsigned long)p, first);
	vfree(p);
	purge_vmap_area_lazy();

	/* 255 wait; the 256th vfree purges them all by itself */
	for (i = 0; i < 256; i++) {
		held[i] = vmalloc(PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, held[i]);
	}
	for (i = 0; i < 255; i++) {
		vfree(held[i]);
		unhold(i);
	}
	vfree(held[255]);
	unhold(255);
	KUNIT_EXPECT_EQ(test, purge_vmap_area_lazy(), 0UL);
	KUNIT_EXPECT_EQ(test, vmalloc_largest_free(), largest);
}

static void vmallocinfo_has_linux_format(struct kunit *test)
{
	struct page *page;
	struct vi_line v;
	unsigned long prev = 0, lines = 0, live = 0;
	const char *text, *line;
	void *lazy;
	unsigned int i;
	static const unsigned long nr[] = { 1, 3, 300 };

	for (i = 0; i < ARRAY_SIZE(nr); i++) {
		held[i] = vmalloc_here(nr[i] * PAGE_SIZE - 10);
		KUNIT_ASSERT_NOT_NULL(test, held[i]);
	}
	page = held_pages[0] = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	held[3] = vmap_here(&page, 1, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, held[3]);
	lazy = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, lazy);
	vfree(lazy);

	text = vmallocinfo_text(test, 10);
	for (i = 0; i < ARRAY_SIZE(nr); i++) {
		KUNIT_ASSERT_TRUE_MSG(test, vmallocinfo_find(test, text, held[i], &v),
				      "no line for %px", held[i]);
		KUNIT_EXPECT_EQ(test, v.start, (unsigned long)held[i]);
		KUNIT_EXPECT_EQ(test, v.end, v.start + (nr[i] + 1) * PAGE_SIZE);
		KUNIT_EXPECT_EQ(test, v.size, (nr[i] + 1) * PAGE_SIZE);
		KUNIT_EXPECT_EQ(test, v.pages, nr[i]);
		KUNIT_EXPECT_STREQ(test, v.kind, "vmalloc");
		KUNIT_EXPECT_EQ_MSG(test, strncmp(v.caller, "vmalloc_here+0x", 15), 0,
				    "caller %s", v.caller);
	}
	KUNIT_ASSERT_TRUE(test, vmallocinfo_find(test, text, held[3], &v));
	KUNIT_EXPECT_STREQ(test, v.kind, "vmap");
	KUNIT_EXPECT_EQ(test, v.pages, 1UL);
	KUNIT_EXPECT_EQ(test, v.size, 2 * PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, strncmp(v.caller, "vmap_here+0x", 12), 0);

	/* every line: the format, in address order; the lazy one unpurged */
	for (line = text; *line; line = strchr(line, '\n') + 1) {
		char want[64];

		KUNIT_ASSERT_NOT_NULL(test, strchr(line, '\n'));
		lines++;
		snprintf(want, sizeof(want), "0x%016lx-0x%016lx %7lu unpurged vm_area\n",
			 (unsigned long)lazy, (unsigned long)lazy + 2 * PAGE_SIZE,
			 2 * PAGE_SIZE);
		if (!strncmp(line, want, strlen(want)))
			continue;
		if (!parse_vi_line(line, &v)) {
			KUNIT_FAIL(test, "malformed line: %.120s", line);
			continue;
		}
		KUNIT_EXPECT_GT(test, v.start, prev);
		KUNIT_EXPECT_EQ(test, v.size, v.end - v.start);
		prev = v.start;
		live++;
	}
	KUNIT_EXPECT_EQ(test, live, vmalloc_nr_areas());
	KUNIT_EXPECT_EQ(test, lines, live + 1);
	KUNIT_EXPECT_NOT_NULL(test, strstr(text, " unpurged vm_area\n"));
	/* and after the purge, no unpurged line */
	purge_vmap_area_lazy();
	text = vmallocinfo_text(test, 10);
	KUNIT_EXPECT_NULL(test, strstr(text, "unpurged"));
}

/* The parser itself, on lines known good and bad. */
static void vmallocinfo_parser_rejects_bad_lines(struct kunit *test)
{
	struct vi_line v;

	KUNIT_EXPECT_TRUE(test, parse_vi_line(
		"0xffffc90000000000-0xffffc90000002000    8192 foo+0x1a/0x40 pages=1 vmalloc\n", &v));
	KUNIT_EXPECT_EQ(test, v.size, 8192UL);
	KUNIT_EXPECT_STREQ(test, v.caller, "foo+0x1a/0x40");
	KUNIT_EXPECT_TRUE(test, parse_vi_line(
		"0xffffc90000000000-0xffffc90001002000 16785408 foo+0x1a/0x40 pages=4097 vmalloc\n", &v));
	KUNIT_EXPECT_FALSE(test, parse_vi_line(	/* size not in 7 columns */
		"0xffffc90000000000-0xffffc90000002000 8192 foo+0x1a/0x40 pages=1 vmalloc\n", &v));
	KUNIT_EXPECT_FALSE(test, parse_vi_line(	/* short address */
		"0xffffc9000000000-0xffffc90000002000    8192 foo+0x1a/0x40 pages=1 vmalloc\n", &v));
	KUNIT_EXPECT_FALSE(test, parse_vi_line(	/* caller without offset */
		"0xffffc90000000000-0xffffc90000002000    8192 foo pages=1 vmalloc\n", &v));
	KUNIT_EXPECT_FALSE(test, parse_vi_line(
		"0xffffc90000000000-0xffffc90000002000    8192 foo+0x1a/0x40 pages=1 vmallok\n", &v));
}

/*
 * The release of the area at @addr by @release (vfree, vunmap, iounmap)
 * is refused with a WARN containing @why, and nothing changes: the area
 * is still listed, each of its @nr_pages pages still maps the same frame.
 */
static void expect_wrong_release(struct kunit *test, void (*release)(const void *),
				 const void *addr, unsigned long nr_pages,
				 const char *why)
{
	unsigned long areas = vmalloc_nr_areas(), pages = vmalloc_nr_pages();
	phys_addr_t phys[8];
	unsigned long i;
	u64 seq;

	nr_pages = min(nr_pages, ARRAY_SIZE(phys));
	for (i = 0; i < nr_pages; i++)
		phys[i] = pgtable_virt_to_phys((unsigned long)addr + i * PAGE_SIZE);
	seq = log_seq();
	release(addr);
	expect_log(test, seq, "WARNING: CPU: ");
	expect_log(test, seq, why);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), pages);
	KUNIT_EXPECT_PTR_EQ(test, find_vm_area(addr) ? find_vm_area(addr)->addr : NULL,
			    (void *)addr);
	for (i = 0; i < nr_pages; i++) {
		KUNIT_EXPECT_NE(test, (u64)phys[i], (u64)(phys_addr_t)-1);
		KUNIT_EXPECT_EQ(test, (u64)pgtable_virt_to_phys((unsigned long)addr +
								i * PAGE_SIZE),
				(u64)phys[i]);
	}
}

static void do_vfree(const void *addr)
{
	vfree(addr);
}

static void do_vunmap(const void *addr)
{
	vunmap(addr);
}

static void do_iounmap(const void *addr)
{
	iounmap((void __iomem *)addr);
}

static int stack_owner_fn(void *data)
{
	return 0;
}

/*
 * vfree() of a kernel stack a task still owns is refused: another task's
 * (created, not yet run), and the caller's own, which the shell's
 * `vfree 0xffffc90000002000` did (it double-faulted in vunmap_range()).
 */
static void vfree_of_a_live_task_stack_is_refused(struct kunit *test)
{
	struct task_struct *t;
	char why[96];

	kunit_expect_reports(test, "WARNING:");
	t = kthread_create(stack_owner_fn, NULL, "stackowner");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	snprintf(why, sizeof(why), "Trying to vfree() the stack of live task stackowner/%d (%px-",
		 t->pid, t->stack);
	expect_wrong_release(test, do_vfree, t->stack, THREAD_SIZE / PAGE_SIZE, why);
	KUNIT_EXPECT_EQ(test, kthread_stop(t), -EINTR);	/* frees it, once */

	KUNIT_ASSERT_TRUE(test, is_vmalloc_addr(current->stack));
	snprintf(why, sizeof(why), "Trying to vfree() the stack of live task %s/%d (%px-",
		 current->comm, current->pid, current->stack);
	expect_wrong_release(test, do_vfree, current->stack, THREAD_SIZE / PAGE_SIZE, why);
}

/*
 * vfree() or vunmap() of an ioremap area is refused (it holds no frames
 * of its own; `vfree 0xffffc90000000000` unmapped the local APIC and the
 * next tick panicked), and iounmap() of the other kinds too.
 */
static void vfree_of_an_ioremap_area_is_refused(struct kunit *test)
{
	struct vm_struct *apic = find_vm_area((void *)VMALLOC_START);
	struct page *page = alloc_page(GFP_KERNEL);
	void __iomem *io;
	u64 seq0 = log_seq();
	char why[96];

	kunit_expect_reports(test, "WARNING:");
	KUNIT_ASSERT_NOT_NULL(test, page);
	held_pages[0] = page;
	io = ioremap(page_to_phys(page) + 0x10, 64);
	KUNIT_ASSERT_NOT_NULL(test, io);
	io = (void __iomem *)((unsigned long)io & PAGE_MASK);
	snprintf(why, sizeof(why), "Trying to vfree() ioremap area %px-", io);
	expect_wrong_release(test, do_vfree, (const void *)io, 1, why);
	expect_log(test, seq0, "(allocated at vfree_of_an_ioremap_area_is_refused+0x");
	expect_log(test, seq0, "): use iounmap()");
	snprintf(why, sizeof(why), "Trying to vunmap() ioremap area %px-", io);
	expect_wrong_release(test, do_vunmap, (const void *)io, 1, why);
	iounmap(io);
	KUNIT_EXPECT_NULL(test, find_vm_area((const void *)io));

	/* the shell's case: the first area of the region, the local APIC's */
	if (apic && (apic->flags & VM_IOREMAP) && apic->addr == (void *)VMALLOC_START) {
		snprintf(why, sizeof(why), "Trying to vfree() ioremap area %px-", apic->addr);
		expect_wrong_release(test, do_vfree, apic->addr, 1, why);
	}
}

/* vfree() of a vmap area is refused: its frames are the caller's. */
static void vfree_of_a_vmap_area_is_refused(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	void *v, *p;
	u64 seq0 = log_seq();
	char why[96];

	kunit_expect_reports(test, "WARNING:");
	KUNIT_ASSERT_NOT_NULL(test, page);
	held_pages[0] = page;
	v = vmap_here(&page, 1, PAGE_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v);
	held[0] = v;
	snprintf(why, sizeof(why), "Trying to vfree() vmap area %px-", v);
	expect_wrong_release(test, do_vfree, v, 1, why);
	expect_log(test, seq0, "): use vunmap()");
	snprintf(why, sizeof(why), "Trying to iounmap() vmap area %px-", v);
	expect_wrong_release(test, do_iounmap, v, 1, why);
	KUNIT_EXPECT_EQ(test, page_ref_count(page), 1);

	/* and the other way round: a vmalloc area is vfree()'s alone */
	p = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	held[1] = p;
	snprintf(why, sizeof(why), "Trying to vunmap() vmalloc area %px-", p);
	expect_wrong_release(test, do_vunmap, p, 1, why);
	expect_log(test, seq0, "): use vfree()");
}

static struct kunit_case vmalloc_cases[] = {
	KUNIT_CASE(vmalloc_zero_is_null),
	KUNIT_CASE(vfree_null_is_silent),
	KUNIT_CASE(sizes_are_usable_and_counted),
	KUNIT_CASE(vzalloc_and_gfp_zero_give_zeroes),
	KUNIT_CASE(vmalloc_to_page_aliases_the_direct_map),
	KUNIT_CASE(guard_page_follows_every_area),
	KUNIT_CASE(aligned_allocations_are_aligned),
	KUNIT_CASE(vmap_maps_the_callers_pages),
	KUNIT_CASE(vmap_read_only_write_faults),
	KUNIT_CASE(guard_page_fault_names_the_area),
	KUNIT_CASE(fault_after_vfree_and_in_no_area),
	KUNIT_CASE(bad_vfree_is_reported_and_harmless),
	KUNIT_CASE(vfree_of_a_live_task_stack_is_refused),
	KUNIT_CASE(vfree_of_an_ioremap_area_is_refused),
	KUNIT_CASE(vfree_of_a_vmap_area_is_refused),
	KUNIT_CASE(too_big_fails_with_report),
	KUNIT_CASE(more_than_ram_fails_and_gives_back),
	KUNIT_CASE(lazy_free_and_purge),
	KUNIT_CASE(vmallocinfo_has_linux_format),
	KUNIT_CASE(vmallocinfo_parser_rejects_bad_lines),
	{}
};

static struct kunit_suite vmalloc_suite = {
	.name = "vmalloc",
	.exit = vmalloc_case_exit,
	.test_cases = vmalloc_cases,
};

/* ---- suite vmalloc_stress: Linux's lib/test_vmalloc.c scenarios -------------- */

/* Both trees are within the AVL bound for their node counts. */
static void expect_trees_balanced(struct kunit *test)
{
	unsigned long busy = vmalloc_nr_areas();
	int busy_h = vmalloc_busy_tree_height(), free_h = vmalloc_free_tree_height();

	/* free ranges lie between busy or lazy areas: at most one more */
	purge_vmap_area_lazy();
	free_h = vmalloc_free_tree_height();
	KUNIT_EXPECT_LE_MSG(test, busy_h, avl_max_height(busy),
			    "busy tree of %lu areas", busy);
	KUNIT_EXPECT_LE_MSG(test, free_h, avl_max_height(busy + 1),
			    "free tree of at most %lu ranges", busy + 1);
	kunit_info(test, "%lu areas: busy tree height %d, free tree height %d (AVL bound %d)",
		   busy, busy_h, free_h, avl_max_height(busy + 1));
}

/* fix_size_alloc_test: the same three pages, again and again. */
static void fix_size_alloc(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < 3000; i++) {
		u8 *p = vmalloc(3 * PAGE_SIZE);

		KUNIT_ASSERT_NOT_NULL(test, p);
		p[0] = p[3 * PAGE_SIZE - 1] = (u8)i;
		KUNIT_EXPECT_EQ(test, p[0], (u8)i);
		vfree(p);
	}
}

/* fix_align_alloc_test: five pages aligned to 16 KiB (THREAD_ALIGN). */
static void fix_align_alloc(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < 2000; i++) {
		u8 *p = vmalloc_node_caller(5 * PAGE_SIZE, 16384, GFP_KERNEL | __GFP_ZERO,
					    __builtin_return_address(0));

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 16384));
		KUNIT_EXPECT_EQ(test, p[5 * PAGE_SIZE - 1], 0);
		p[5 * PAGE_SIZE - 1] = 1;
		vfree(p);
	}
}

/* Is @p in the sorted array @a[0..n)? */
static bool in_sorted(void *const *a, unsigned long n, const void *p)
{
	unsigned long lo = 0, hi = n;

	while (lo < hi) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (a[mid] == p)
			return true;
		if ((unsigned long)a[mid] < (unsigned long)p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/*
 * full_fit_alloc_test: interleave kept and junk one-page areas, free the
 * junk; each hole is then exactly one page plus its guard, and every new
 * one-page area must fill a hole exactly (the lowest fit).
 */
#define FULL_FIT_PAIRS	1024
static void *junk[FULL_FIT_PAIRS];

static void full_fit_alloc(struct kunit *test)
{
	const unsigned long n = FULL_FIT_PAIRS;	/* held[0..n) kept */
	unsigned long i, holes_h;

	for (i = 0; i < n; i++) {
		held[i] = vmalloc(PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, held[i]);
		held[n + i] = junk[i] = vmalloc(PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, junk[i]);
		*(u32 *)held[i] = i;
	}
	for (i = 0; i < n; i++) {
		vfree(junk[i]);		/* the addresses stay, as the list of holes */
		unhold(n + i);
	}
	for (i = 1; i < n; i++)
		KUNIT_ASSERT_TRUE_MSG(test, junk[i] > junk[i - 1],
				      "junk areas not in address order");
	purge_vmap_area_lazy();
	expect_trees_balanced(test);
	holes_h = vmalloc_free_tree_height();

	/* every hole is filled exactly, lowest first */
	for (i = 0; i < n; i++) {
		void *p = vmalloc(PAGE_SIZE);

		KUNIT_ASSERT_NOT_NULL(test, p);
		held[n + i] = p;
		KUNIT_EXPECT_TRUE_MSG(test, in_sorted(junk, n, p),
				      "area %lu at %px is not in a hole", i, p);
		KUNIT_EXPECT_PTR_EQ(test, p, junk[i]);
	}
	kunit_info(test, "free tree height with %lu holes %lu, with none %d",
		   n, holes_h, vmalloc_free_tree_height());
	/* Linux's loop: one page, used and freed, again and again */
	for (i = 0; i < 2000; i++) {
		u8 *tmp = vmalloc(PAGE_SIZE);

		KUNIT_ASSERT_NOT_NULL(test, tmp);
		*tmp = 1;
		vfree(tmp);
	}
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, *(u32 *)held[i], (u32)i);
		vfree(held[i]);
		vfree(held[n + i]);
		held[i] = held[n + i] = NULL;
	}
}

/*
 * long_busy_list_alloc_test: 15000 areas live, then big and small
 * allocations around them; the trees stay logarithmic, also with the
 * busy list riddled with holes.
 */
static void long_busy_list_alloc(struct kunit *test)
{
	unsigned long n, i, t0_busy_h;

	n = filler_fill(&filler, BUSY_LIST_AREAS);
	KUNIT_ASSERT_EQ_MSG(test, n, BUSY_LIST_AREAS, "only %lu areas", n);
	kunit_info(test, "%lu busy areas (%s)", n,
		   filler.vmapped ? "vmap of one frame: memory is short" : "vmalloc");
	KUNIT_EXPECT_GE(test, vmalloc_nr_areas(), n);
	expect_trees_balanced(test);
	t0_busy_h = vmalloc_busy_tree_height();

	for (i = 0; i < 500; i++) {
		u8 *big = vmalloc(100 * PAGE_SIZE), *small = vmalloc(PAGE_SIZE);

		KUNIT_ASSERT_NOT_NULL(test, big);
		held[0] = big;
		KUNIT_ASSERT_NOT_NULL(test, small);
		held[1] = small;
		big[0] = big[100 * PAGE_SIZE - 1] = small[0] = (u8)i;
		vfree(big);
		vfree(small);
		unhold(0);
		unhold(1);
	}
	KUNIT_EXPECT_LE(test, vmalloc_busy_tree_height(), (int)t0_busy_h + 1);

	/* every other area freed: 7500 holes in the free tree */
	for (i = 0; i < n; i += 2) {
		filler_free_area(&filler, filler.areas[i]);
		filler.areas[i] = NULL;
	}
	expect_trees_balanced(test);
	for (i = 0; i < n; i += 2) {	/* and filled again, exactly */
		filler.areas[i] = filler.vmapped ?
			vmap(&filler.frame, 1, VM_MAP, PAGE_KERNEL) : vmalloc(PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, filler.areas[i]);
	}
	for (i = 1; i < n; i++)
		KUNIT_EXPECT_TRUE(test, filler.areas[i] > filler.areas[i - 1]);
	expect_trees_balanced(test);
	filler_release(&filler);
	KUNIT_EXPECT_LE(test, vmalloc_busy_tree_height(), avl_max_height(vmalloc_nr_areas()));
}

/*
 * random_size_alloc_test, and random_size_align_alloc_test: random sizes
 * (and alignments), with up to 64 areas live at a time, each filled with
 * its own pattern that must survive until it is freed.
 */
#define RANDOM_SLOTS	64

static void random_sizes(struct kunit *test, bool aligned, unsigned int rounds)
{
	unsigned long size[RANDOM_SLOTS], align;
	u32 seed[RANDOM_SLOTS];
	unsigned long areas = vmalloc_nr_areas();
	unsigned int i, s, max_pages = nr_free_pages() > 32768 ? 100 : 16;

	rnd_state = aligned ? 0xa11a : 0x5eed;
	for (i = 0; i < rounds; i++) {
		s = rnd() % RANDOM_SLOTS;
		if (held[s]) {
			KUNIT_EXPECT_TRUE_MSG(test, pattern_ok(held[s], size[s], seed[s]),
					      "round %u: area of %lu bytes corrupted", i, size[s]);
			vfree(held[s]);
			held[s] = NULL;
			continue;
		}
		size[s] = (rnd() % max_pages) * PAGE_SIZE + rnd() % PAGE_SIZE + 4;
		size[s] &= ~3UL;
		seed[s] = rnd();
		if (aligned) {
			align = 1UL << (PAGE_SHIFT + rnd() % 11);	/* to 4 MiB */
			held[s] = vmalloc_node_caller(size[s], align, GFP_KERNEL | __GFP_ZERO,
						      __builtin_return_address(0));
			KUNIT_ASSERT_NOT_NULL(test, held[s]);
			KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)held[s], align));
			KUNIT_EXPECT_TRUE(test, mem_is(held[s], 0, size[s]));
		} else {
			held[s] = vmalloc(size[s]);
			KUNIT_ASSERT_NOT_NULL(test, held[s]);
		}
		fill_pattern(held[s], size[s], seed[s]);
	}
	for (s = 0; s < RANDOM_SLOTS; s++) {
		if (!held[s])
			continue;
		KUNIT_EXPECT_TRUE(test, pattern_ok(held[s], size[s], seed[s]));
		vfree(held[s]);
		held[s] = NULL;
	}
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

static void random_size_alloc(struct kunit *test)
{
	random_sizes(test, false, 3000);
}

static void random_size_align_alloc(struct kunit *test)
{
	random_sizes(test, true, 3000);
}

/*
 * align_shift_alloc_test: one page at every alignment from 4 KiB up.
 * Alignments up to 1 TiB must work; beyond the region's 32 TiB they
 * cannot, and must fail cleanly (NULL, no crash, no report with NOWARN).
 */
static void align_shift_alloc(struct kunit *test)
{
	unsigned long areas = vmalloc_nr_areas();
	unsigned int shift;
	u64 seq = log_seq();

	for (shift = PAGE_SHIFT; shift < BITS_PER_LONG; shift++) {
		unsigned long align = 1UL << shift;
		u8 *p = vmalloc_node_caller(PAGE_SIZE, align,
					    GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN,
					    __builtin_return_address(0));

		if (shift <= 40)
			KUNIT_EXPECT_TRUE_MSG(test, p != NULL, "align 2^%u", shift);
		if (shift >= 46)
			KUNIT_EXPECT_TRUE_MSG(test, p == NULL, "align 2^%u", shift);
		if (!p)
			continue;
		KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED((unsigned long)p, align),
				      "%px, align 2^%u", p, shift);
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
		KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p + PAGE_SIZE - 1));
		KUNIT_EXPECT_EQ(test, p[PAGE_SIZE - 1], 0);
		p[0] = 1;
		vfree(p);
	}
	expect_no_log(test, seq, VMALLOC_ERROR_TEXT);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

static struct kunit_case vmalloc_stress_cases[] = {
	KUNIT_CASE(fix_size_alloc),
	KUNIT_CASE(fix_align_alloc),
	KUNIT_CASE(full_fit_alloc),
	KUNIT_CASE(long_busy_list_alloc),
	KUNIT_CASE(random_size_alloc),
	KUNIT_CASE(random_size_align_alloc),
	KUNIT_CASE(align_shift_alloc),
	{}
};

static struct kunit_suite vmalloc_stress_suite = {
	.name = "vmalloc_stress",
	.exit = vmalloc_case_exit,
	.test_cases = vmalloc_stress_cases,
};

/* ---- suite kvmalloc --------------------------------------------------------- */

/* A page or less: kmalloc, whatever the flags. */
static void kvmalloc_small_is_kmalloc(struct kunit *test)
{
	static const size_t sizes[] = { 1, 64, 100, 2048, PAGE_SIZE - 1, PAGE_SIZE };
	unsigned long areas = vmalloc_nr_areas();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = kvmalloc(sizes[i], GFP_KERNEL), *q = kvmalloc(sizes[i], GFP_ATOMIC);

		KUNIT_ASSERT_NOT_NULL(test, p);
		held[0] = p;
		KUNIT_ASSERT_NOT_NULL(test, q);
		held[1] = q;
		KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(p));
		KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(q));
		KUNIT_EXPECT_GE(test, ksize(p), sizes[i]);
		memset(p, 0x11, sizes[i]);
		memset(q, 0x22, sizes[i]);
		kvfree(p);
		kvfree(q);
		unhold(0);
		unhold(1);
	}
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

/* Above a page: kmalloc when it can, quietly; vmalloc when it cannot. */
static void kvmalloc_big_falls_back_to_vmalloc(struct kunit *test)
{
	const size_t big = 5 * 1024 * 1024;	/* > KMALLOC_MAX_SIZE */
	unsigned long areas = vmalloc_nr_areas();
	struct vm_struct *vm;
	u8 *p;
	u64 seq;

	p = kvmalloc(64 * 1024, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	held[0] = p;
	KUNIT_EXPECT_FALSE_MSG(test, is_vmalloc_addr(p), "64 KiB: kmalloc can");
	memset(p, 0x33, 64 * 1024);
	kvfree(p);
	unhold(0);

	p = kvmalloc(KMALLOC_MAX_SIZE, GFP_KERNEL);	/* order 10: still kmalloc here */
	KUNIT_ASSERT_NOT_NULL(test, p);
	held[0] = p;
	if (is_vmalloc_addr(p))
		kunit_info(test, "4 MiB: no free order-10 block, vmalloc");
	memset(p, 0x44, KMALLOC_MAX_SIZE);
	kvfree(p);
	unhold(0);

	seq = log_seq();
	p = kvmalloc_here(big, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	held[0] = p;
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	/* the kmalloc attempt was quiet */
	expect_no_log(test, seq, ALLOC_FAIL_TEXT);
	expect_no_log(test, seq, "WARNING");
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas + 1);
	vm = find_vm_area(p);
	KUNIT_ASSERT_NOT_NULL(test, vm);
	KUNIT_EXPECT_EQ(test, (unsigned long)vm->nr_pages, big / PAGE_SIZE);
	KUNIT_EXPECT_TRUE_MSG(test, symbol_is(vm->caller, "kvmalloc_here"),
			      "vmallocinfo must name kvmalloc's caller, not %pS",
			      vm->caller);
	fill_pattern(p, big, 0x5);
	KUNIT_EXPECT_TRUE(test, pattern_ok(p, big, 0x5));
	kvfree(p);
	unhold(0);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

/* Flags that may not sleep (or not do I/O): kmalloc only. */
static void kvmalloc_atomic_is_kmalloc_only(struct kunit *test)
{
	const size_t big = 5 * 1024 * 1024;
	static const gfp_t flags[] = { GFP_ATOMIC, GFP_NOWAIT, GFP_NOIO, GFP_NOFS };
	unsigned long areas = vmalloc_nr_areas();
	unsigned int i;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(flags); i++) {
		KUNIT_EXPECT_TRUE_MSG(test, !kvmalloc(big, flags[i] | __GFP_NOWARN),
				      "flags %#x", flags[i]);
		p = kvmalloc(64 * 1024, flags[i]);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(p));
		kvfree(p);
	}
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
}

static void kvzalloc_and_kvcalloc_zero_both_kinds(struct kunit *test)
{
	static const size_t sizes[] = { 100, PAGE_SIZE, 64 * 1024, 5 * 1024 * 1024 };
	unsigned int i;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = kvmalloc(sizes[i], GFP_KERNEL);	/* dirty what comes back */
		KUNIT_ASSERT_NOT_NULL(test, p);
		memset(p, 0xdd, sizes[i]);
		kvfree(p);
		purge_vmap_area_lazy();

		p = kvzalloc(sizes[i], GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		held[0] = p;
		KUNIT_EXPECT_TRUE_MSG(test, mem_is(p, 0, sizes[i]), "kvzalloc(%zu)", sizes[i]);
		kvfree(p);
		p = kvcalloc(sizes[i] / 4, 4, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		held[0] = p;
		KUNIT_EXPECT_TRUE_MSG(test, mem_is(p, 0, sizes[i]), "kvcalloc(%zu)", sizes[i]);
		kvfree(p);
		unhold(0);
	}
}

static void kvmalloc_array_overflow_is_null(struct kunit *test)
{
	unsigned long areas = vmalloc_nr_areas();
	u64 seq = log_seq();
	u32 *a;

	KUNIT_EXPECT_NULL(test, kvmalloc_array(SIZE_MAX / 2, 4, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kvmalloc_array(1UL << 33, 1UL << 31, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kvcalloc(SIZE_MAX, 2, GFP_KERNEL));
	KUNIT_EXPECT_NULL(test, kvmalloc_array(3, SIZE_MAX / 2, GFP_KERNEL));
	expect_no_log(test, seq, VMALLOC_ERROR_TEXT);	/* refused before trying */
	expect_no_log(test, seq, ALLOC_FAIL_TEXT);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);

	a = kvmalloc_array(1000, sizeof(u32), GFP_KERNEL);	/* 4000 bytes: kmalloc */
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(a));
	a[999] = 7;
	kvfree(a);
	a = kvmalloc_array(2 * 1024 * 1024, sizeof(u32), GFP_KERNEL);	/* 8 MiB */
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(a));
	a[2 * 1024 * 1024 - 1] = 7;
	kvfree(a);
}

/* kvrealloc, both forms: the contents survive every move. */
static void kvrealloc_keeps_contents(struct kunit *test)
{
	static const size_t steps[] = {
		100, 200, 3000, 64 * 1024, 5 * 1024 * 1024, 6 * 1024 * 1024, 4096, 10,
	};
	int form;

	for (form = 3; form <= 4; form++) {
		size_t old = 0, i;
		u8 *p = NULL;

		for (i = 0; i < ARRAY_SIZE(steps); i++) {
			size_t new = steps[i], keep = min(old, new);
			u8 *q = form == 4 ? kvrealloc(p, old, new, GFP_KERNEL) :
					    kvrealloc(p, new, GFP_KERNEL);

			KUNIT_ASSERT_TRUE_MSG(test, q != NULL, "form %d, %zu -> %zu", form, old, new);
			held[0] = q;
			KUNIT_EXPECT_TRUE_MSG(test, pattern_ok(q, keep & ~3UL, 0xc0de),
					      "form %d, %zu -> %zu: contents lost", form, old, new);
			if (new > 5 * 1024 * 1024 - 1)
				KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(q));
			fill_pattern(q, new, 0xc0de);
			p = q;
			old = new;
		}
		kvfree(p);
		unhold(0);
	}
}

/* kvrealloc with __GFP_ZERO: what grows is zero, as krealloc promises. */
static void kvrealloc_gfp_zero_zeroes_growth(struct kunit *test)
{
	u8 *p = kvzalloc(10, GFP_KERNEL), *q;
	size_t room;

	KUNIT_ASSERT_NOT_NULL(test, p);
	held[0] = p;
	memset(p, 0x99, 10);
	/* growing within the slot: the same pointer, the new bytes zero */
	room = ksize(p);
	q = kvrealloc(p, 10, room, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, q);
	held[0] = q;
	KUNIT_EXPECT_TRUE(test, mem_is(q, 0x99, 10));
	KUNIT_EXPECT_TRUE_MSG(test, mem_is(q + 10, 0, room - 10),
			      "kvrealloc(p, 10, %zu, __GFP_ZERO) in place", room);
	p = q;
	q = kvrealloc(p, 10, 5000, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, q);
	held[0] = q;
	KUNIT_EXPECT_TRUE(test, mem_is(q, 0x99, 10));
	KUNIT_EXPECT_TRUE(test, mem_is(q + 10, 0, 5000 - 10));
	p = kvrealloc(q, 5000, 5 * 1024 * 1024, GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, p);
	held[0] = p;
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KUNIT_EXPECT_TRUE(test, mem_is(p, 0x99, 10));
	KUNIT_EXPECT_TRUE(test, mem_is(p + 10, 0, 5 * 1024 * 1024 - 10));
}

/* kvfree: either kind, decided by the address. */
static void kvfree_frees_both_kinds(struct kunit *test)
{
	unsigned long areas = vmalloc_nr_areas(), vpages = vmalloc_nr_pages();
	void *v = vmalloc(10 * PAGE_SIZE), *k = kmalloc(10 * PAGE_SIZE, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, v);
	held[0] = v;
	KUNIT_ASSERT_NOT_NULL(test, k);
	held[1] = k;
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vpages + 10);
	kvfree(v);
	unhold(0);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_areas(), areas);
	KUNIT_EXPECT_EQ(test, vmalloc_nr_pages(), vpages);
	kvfree(k);
	unhold(1);
	kvfree(NULL);
}

static struct kunit_case kvmalloc_cases[] = {
	KUNIT_CASE(kvmalloc_small_is_kmalloc),
	KUNIT_CASE(kvmalloc_big_falls_back_to_vmalloc),
	KUNIT_CASE(kvmalloc_atomic_is_kmalloc_only),
	KUNIT_CASE(kvzalloc_and_kvcalloc_zero_both_kinds),
	KUNIT_CASE(kvmalloc_array_overflow_is_null),
	KUNIT_CASE(kvrealloc_keeps_contents),
	KUNIT_CASE(kvrealloc_gfp_zero_zeroes_growth),
	KUNIT_CASE(kvfree_frees_both_kinds),
	{}
};

static struct kunit_suite kvmalloc_suite = {
	.name = "kvmalloc",
	.exit = vmalloc_case_exit,
	.test_cases = kvmalloc_cases,
};

kunit_test_suites(&vmalloc_suite, &vmalloc_stress_suite, &kvmalloc_suite);
