// SPDX-License-Identifier: GPL-2.0
/*
 * The allocators on many CPUs (mm/page_alloc.c, mm/slub.c, mm/vmalloc.c):
 * GFP_ATOMIC allocations on every CPU at once (in the IPI callbacks of
 * on_each_cpu(), hard-interrupt context), each CPU's own sheaf and page
 * lists, remote frees, drain_all_pages(), and the TLB shootdown before a
 * freed vmalloc range is reused.
 *
 * Run them on several CPUs: make ktest SMP=4 T='mm_smp*' MEM=512M, and
 * with the fast paths on: KTEST_SLAB_DEBUG= KTEST_KMEMLEAK=kmemleak=off
 * (make test does both).  At SMP=1 the cases that need a second CPU skip
 * and say why.  Any report (a bad
 * page, a corrupted freelist, a double free) fails the case it came in.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/kasan.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/tlbflush.h>
#include <kernel/page_alloc.h>
#include <kernel/slab_stats.h>
#include <kernel/vmalloc_stats.h>
#include "../../mm/slab.h"

/*
 * The cases name CPU 0 (the test thread, kept there: the case's thread
 * ends with the case) and CPU 1 (reached by IPIs).
 */
#define NEED_TWO_CPUS(test) do {					\
	if (num_online_cpus() < 2)					\
		kunit_skip(test, "needs 2 CPUs or more (make ktest SMP=4): only CPU 0 is online, nothing runs elsewhere"); \
	set_cpus_allowed_ptr(current, cpumask_of(0));			\
} while (0)

#define STORM_ROUNDS	200	/* on_each_cpu() rounds */
#define STORM_OBJECTS	24	/* kmalloc objects per CPU per round */
#define STORM_PAGES	6	/* pages per CPU per round */
#define REMOTE_OBJECTS	300	/* more than a sheaf holds: flushes happen */

static const size_t storm_sizes[] = { 8, 64, 96, 192, 512, 2048 };

struct storm {
	struct kmem_cache *cache;
	unsigned long round;
	unsigned long allocs;		/* every CPU's, atomically */
	unsigned long failures;
	unsigned long corrupt;		/* a pattern read back wrong */
	unsigned long cpus_seen;	/* bit per CPU that ran a round */
};

static void fill(void *p, size_t size, unsigned long tag)
{
	unsigned long *w = p;
	size_t i;

	for (i = 0; i < size / sizeof(long); i++)
		w[i] = tag + i;
}

static bool check(const void *p, size_t size, unsigned long tag)
{
	const unsigned long *w = p;
	size_t i;

	for (i = 0; i < size / sizeof(long); i++)
		if (w[i] != tag + i)
			return false;
	return true;
}

/*
 * One CPU's part of a round, in hard-interrupt context: kmalloc objects
 * of several sizes, objects of a cache of our own and pages, all
 * GFP_ATOMIC, each written with a tag naming the CPU and checked again
 * after the others were allocated (an object handed to two CPUs at once
 * would fail the check), then all freed.
 */
static void storm_on_this_cpu(void *info)
{
	struct storm *st = info;
	unsigned int cpu = smp_processor_id();
	void *objs[STORM_OBJECTS];
	struct page *pages[STORM_PAGES];
	unsigned long tag = ((unsigned long)cpu << 56) | (st->round << 24);
	unsigned long corrupt = 0, failures = 0, allocs = 0;
	unsigned int i;

	for (i = 0; i < STORM_OBJECTS; i++) {
		size_t size = storm_sizes[i % ARRAY_SIZE(storm_sizes)];

		objs[i] = (i & 3) == 3 ? kmem_cache_alloc(st->cache, GFP_ATOMIC) :
					 kmalloc(size, GFP_ATOMIC);
		if (!objs[i]) {
			failures++;
			continue;
		}
		allocs++;
		fill(objs[i], (i & 3) == 3 ? 64 : size, tag + i * 4096);
	}
	for (i = 0; i < STORM_PAGES; i++) {
		pages[i] = alloc_page(GFP_ATOMIC);
		if (!pages[i]) {
			failures++;
			continue;
		}
		allocs++;
		fill(page_address(pages[i]), PAGE_SIZE, tag + (i + 100) * 4096);
	}
	for (i = 0; i < STORM_OBJECTS; i++) {
		size_t size = storm_sizes[i % ARRAY_SIZE(storm_sizes)];

		if (!objs[i])
			continue;
		if (!check(objs[i], (i & 3) == 3 ? 64 : size, tag + i * 4096))
			corrupt++;
		if ((i & 3) == 3)
			kmem_cache_free(st->cache, objs[i]);
		else
			kfree(objs[i]);
	}
	for (i = 0; i < STORM_PAGES; i++) {
		if (!pages[i])
			continue;
		if (!check(page_address(pages[i]), PAGE_SIZE, tag + (i + 100) * 4096))
			corrupt++;
		__free_page(pages[i]);
	}
	__atomic_add_fetch(&st->allocs, allocs, __ATOMIC_RELAXED);
	__atomic_add_fetch(&st->failures, failures, __ATOMIC_RELAXED);
	__atomic_add_fetch(&st->corrupt, corrupt, __ATOMIC_RELAXED);
	__atomic_or_fetch(&st->cpus_seen, 1UL << cpu, __ATOMIC_RELAXED);
}

/*
 * Everything given back: KASAN's quarantine, sheaves, active slabs,
 * empty slabs, page lists.
 */
static void give_everything_back(void)
{
	kasan_quarantine_drain();
	kmem_cache_shrink_all();
	drain_all_pages();
}

/*
 * Every CPU at once, STORM_ROUNDS times: no corruption, no failure, no
 * report, and at the end as many live objects and free frames as at the
 * start.
 */
static void atomic_storm_on_every_cpu(struct kunit *test)
{
	struct storm st = { };
	unsigned long live_before, free_before, live_after, free_after;
	unsigned long all_cpus = 0;
	unsigned int cpu;

	st.cache = kmem_cache_create("mm_smp_storm", 64, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, st.cache);
	give_everything_back();
	live_before = slab_objects_live();
	free_before = nr_free_pages();

	for (st.round = 0; st.round < STORM_ROUNDS; st.round++)
		on_each_cpu(storm_on_this_cpu, &st, 1);

	for_each_online_cpu(cpu)
		all_cpus |= 1UL << cpu;
	kunit_info(test, "%u CPUs x %u rounds: %lu allocations, %lu failed, %lu corrupt",
		   num_online_cpus(), STORM_ROUNDS, st.allocs, st.failures, st.corrupt);
	KUNIT_EXPECT_EQ(test, st.cpus_seen, all_cpus);
	KUNIT_EXPECT_EQ(test, st.corrupt, 0UL);
	KUNIT_EXPECT_EQ(test, st.failures, 0UL);
	KUNIT_EXPECT_EQ(test, st.allocs, (unsigned long)num_online_cpus() * STORM_ROUNDS *
			(STORM_OBJECTS + STORM_PAGES));
	KUNIT_EXPECT_EQ(test, slab_cache_live(st.cache), 0UL);

	give_everything_back();
	live_after = slab_objects_live();
	free_after = nr_free_pages();
	kunit_info(test, "live objects %lu -> %lu, free frames %lu -> %lu",
		   live_before, live_after, free_before, free_after);
	KUNIT_EXPECT_EQ(test, live_after, live_before);
	kmem_cache_destroy(st.cache);
	give_everything_back();
	/* the cache's own struct went back too: at most its slab differs */
	KUNIT_EXPECT_LE(test, free_before - min(free_before, nr_free_pages()), 4UL);
}

struct sheaf_probe {
	struct kmem_cache *cache;
	void *object[NR_CPUS];
	unsigned long nr[NR_CPUS];	/* this CPU's sheaf after the free */
	bool on_top[NR_CPUS];		/* the object is on top of its sheaf */
};

/*
 * On each CPU: allocate one object and free it; the free's fast path
 * (a restartable region, through %gs) must push it on this CPU's own
 * sheaf, found inside the region.
 */
static void free_onto_own_sheaf(void *info)
{
	struct sheaf_probe *sp = info;
	unsigned int cpu = smp_processor_id();
	struct slab_sheaf *sheaf = &sp->cache->cpu[cpu].sheaf;
	void *x = kmem_cache_alloc(sp->cache, GFP_ATOMIC);

	sp->object[cpu] = x;
	if (!x)
		return;
	kmem_cache_free(sp->cache, x);
	sp->nr[cpu] = sheaf->nr;
	sp->on_top[cpu] = sheaf->nr && sheaf->objects[sheaf->nr - 1] == x;
}

/* Each CPU's free lands on its own sheaf, and on no other. */
static void each_cpu_frees_onto_its_own_sheaf(struct kunit *test)
{
	struct sheaf_probe sp = { };
	unsigned int cpu;

	sp.cache = kmem_cache_create("mm_smp_sheaf", 128, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, sp.cache);
	if (!sp.cache->cpu[0].sheaf.capacity) {
		kmem_cache_destroy(sp.cache);
		kunit_skip(test, "slab_debug= or kmemleak is on for this cache: no sheaf, every free takes the slow path (boot with KTEST_SLAB_DEBUG= KTEST_KMEMLEAK=kmemleak=off)");
	}
	on_each_cpu(free_onto_own_sheaf, &sp, 1);
	for_each_online_cpu(cpu) {
		KUNIT_EXPECT_NOT_NULL(test, sp.object[cpu]);
		KUNIT_EXPECT_EQ_MSG(test, sp.nr[cpu], 1UL, "CPU %u", cpu);
		KUNIT_EXPECT_TRUE_MSG(test, sp.on_top[cpu], "CPU %u", cpu);
	}
	KUNIT_EXPECT_EQ(test, slab_cache_live(sp.cache), 0UL);
	kmem_cache_destroy(sp.cache);
}

struct remote {
	struct kmem_cache *cache;
	void *objs[REMOTE_OBJECTS];
	unsigned int n;
	unsigned long corrupt;
	int cpu;			/* where the callback ran */
};

static void remote_alloc(void *info)
{
	struct remote *r = info;
	unsigned int i;

	r->cpu = smp_processor_id();
	for (i = 0; i < r->n; i++) {
		r->objs[i] = kmem_cache_alloc(r->cache, GFP_ATOMIC);
		if (r->objs[i])
			fill(r->objs[i], 256, 0xa110c000UL + i);
	}
}

static void remote_free(void *info)
{
	struct remote *r = info;
	unsigned int i;

	r->cpu = smp_processor_id();
	for (i = 0; i < r->n; i++) {
		if (!check(r->objs[i], 256, 0xf00d0000UL + i))
			r->corrupt++;
		kmem_cache_free(r->cache, r->objs[i]);
	}
}

/*
 * Allocate on CPU 1, free on CPU 0; then allocate on CPU 0, free on
 * CPU 1.  More objects than a sheaf holds, so the freeing CPU's sheaf
 * overflows into the slabs, one of them the other CPU's active slab
 * (a remote free onto a frozen slab).  Then everything is counted free,
 * and shrinking the cache empties it: every slab's objects were found.
 */
static void remote_frees_both_ways(struct kunit *test)
{
	struct remote *r;
	unsigned int i;

	NEED_TWO_CPUS(test);
	r = kzalloc(sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->cache = kmem_cache_create("mm_smp_remote", 256, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, r->cache);
	r->n = REMOTE_OBJECTS;

	/* CPU 1 allocates, CPU 0 frees */
	KUNIT_ASSERT_EQ(test, smp_call_function_single(1, remote_alloc, r, 1), 0);
	KUNIT_EXPECT_EQ(test, r->cpu, 1);
	for (i = 0; i < r->n; i++) {
		KUNIT_ASSERT_NOT_NULL(test, r->objs[i]);
		KUNIT_EXPECT_TRUE(test, check(r->objs[i], 256, 0xa110c000UL + i));
	}
	KUNIT_EXPECT_EQ(test, slab_cache_live(r->cache), (unsigned long)r->n);
	for (i = 0; i < r->n; i++)
		kmem_cache_free(r->cache, r->objs[i]);
	KUNIT_EXPECT_EQ(test, slab_cache_live(r->cache), 0UL);

	/* CPU 0 allocates, CPU 1 frees */
	for (i = 0; i < r->n; i++) {
		r->objs[i] = kmem_cache_alloc(r->cache, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, r->objs[i]);
		fill(r->objs[i], 256, 0xf00d0000UL + i);
	}
	KUNIT_ASSERT_EQ(test, smp_call_function_single(1, remote_free, r, 1), 0);
	KUNIT_EXPECT_EQ(test, r->cpu, 1);
	KUNIT_EXPECT_EQ(test, r->corrupt, 0UL);
	KUNIT_EXPECT_EQ(test, slab_cache_live(r->cache), 0UL);

	kmem_cache_shrink(r->cache);
	KUNIT_EXPECT_EQ(test, r->cache->nr_slabs, 0UL);
	kmem_cache_destroy(r->cache);
	kfree(r);
}

#define FILL_PAGES	16

/* Allocate and free a few pages here: they stay on this CPU's lists. */
static void fill_own_page_lists(void *info)
{
	struct page *pages[FILL_PAGES];
	unsigned int i;

	for (i = 0; i < FILL_PAGES; i++)
		pages[i] = alloc_page(GFP_ATOMIC);
	for (i = 0; i < FILL_PAGES; i++)
		if (pages[i])
			__free_page(pages[i]);
}

static unsigned long cpu_pcp_frames(unsigned int cpu)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += READ_ONCE(zone->pcp[cpu].count);
	return sum;
}

static unsigned long buddy_free_frames(void)
{
	struct zone *zone;
	unsigned long sum = 0;

	for_each_zone(zone)
		sum += READ_ONCE(zone->free_pages);
	return sum;
}

/*
 * Every CPU parks frames on its own per-CPU lists; drain_all_pages()
 * asks each to give them back: every list empty, and the buddy lists
 * hold as many frames as before.
 */
static void drain_all_pages_empties_every_cpu(struct kunit *test)
{
	unsigned long buddy_before, buddy_after;
	unsigned int cpu;
	char line[160];
	size_t len = 0;

	NEED_TWO_CPUS(test);
	drain_all_pages();
	buddy_before = buddy_free_frames();
	on_each_cpu(fill_own_page_lists, NULL, 1);
	for_each_online_cpu(cpu) {
		len += scnprintf(line + len, sizeof(line) - len, " %u:%lu", cpu,
				 cpu_pcp_frames(cpu));
		KUNIT_EXPECT_GT_MSG(test, cpu_pcp_frames(cpu), 0UL, "CPU %u", cpu);
	}
	kunit_info(test, "per-CPU list frames before the drain (cpu:frames):%s", line);
	drain_all_pages();
	for_each_online_cpu(cpu)
		KUNIT_EXPECT_EQ_MSG(test, cpu_pcp_frames(cpu), 0UL, "CPU %u", cpu);
	buddy_after = buddy_free_frames();
	kunit_info(test, "buddy free frames %lu before, %lu after", buddy_before, buddy_after);
	KUNIT_EXPECT_EQ(test, buddy_after, buddy_before);
}

struct tlb_probe {
	const unsigned long *addr;
	unsigned long value;
};

/* On CPU 1: read through the vmalloc address (and so fill its TLB). */
static void read_through(void *info)
{
	struct tlb_probe *p = info;

	p->value = READ_ONCE(*p->addr);
}

#define TLB_OLD	0x01d01d01d01d01dUL
#define TLB_NEW	0x0e110e110e110e11UL
#define MAX_REUSE_TRIES	64

/*
 * The TLB scenario: CPU 1 reads a vmalloc page (its TLB now maps the
 * address to that frame); the area is freed (its frame held back with a
 * reference of ours, so it keeps TLB_OLD) and purged, and a new area at
 * the same address gets another frame holding TLB_NEW.  What does CPU 1
 * read now?  Returns it, or 0 with a skip when the address was not
 * handed out again.
 */
static unsigned long stale_tlb_scenario(struct kunit *test)
{
	void *held[MAX_REUSE_TRIES];
	unsigned int nr_held = 0, i;
	struct tlb_probe probe = { };
	struct page *old_page;
	unsigned long *p, *q = NULL;

	p = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, p);
	*p = TLB_OLD;
	old_page = vmalloc_to_page(p);
	get_page(old_page);		/* vfree() must not free (or reuse) it */
	probe.addr = p;
	KUNIT_ASSERT_EQ(test, smp_call_function_single(1, read_through, &probe, 1), 0);
	KUNIT_EXPECT_EQ(test, probe.value, TLB_OLD);

	vfree(p);
	purge_vmap_area_lazy();
	/* the lowest free range that fits: p's again, unless a lower one opened */
	while (nr_held < MAX_REUSE_TRIES) {
		q = vmalloc(PAGE_SIZE);
		KUNIT_ASSERT_NOT_NULL(test, q);
		if (q == p || (unsigned long)q > (unsigned long)p)
			break;
		held[nr_held++] = q;
		q = NULL;
	}
	for (i = 0; i < nr_held; i++)
		vfree(held[i]);
	__free_page(old_page);
	if (q != p) {
		vfree(q);
		kunit_skip(test, "vmalloc did not hand out the freed address again");
	}
	KUNIT_EXPECT_PTR_NE(test, vmalloc_to_page(q), old_page);
	*q = TLB_NEW;
	probe.addr = q;
	probe.value = 0;
	KUNIT_EXPECT_EQ(test, smp_call_function_single(1, read_through, &probe, 1), 0);
	vfree(q);
	/* whatever happened, no CPU keeps an entry for the range */
	flush_tlb_kernel_range((unsigned long)q, (unsigned long)q + PAGE_SIZE);
	return probe.value;
}

/* With the shootdown, CPU 1 sees the new page at the reused address. */
static void vmalloc_reuse_after_shootdown_reads_new_page(struct kunit *test)
{
	unsigned long seen;

	NEED_TWO_CPUS(test);
	seen = stale_tlb_scenario(test);
	kunit_info(test, "CPU 1 read %#lx (old page %#lx, new page %#lx)",
		   seen, TLB_OLD, TLB_NEW);
	KUNIT_EXPECT_EQ(test, seen, TLB_NEW);
}

/*
 * The same with the shootdown skipped (the test hook): CPU 1 still
 * translates through its stale TLB entry and reads the old frame.  This
 * is what the case above would see if the purge forgot the other CPUs.
 */
static void skipped_shootdown_leaves_stale_entry(struct kunit *test)
{
	unsigned long seen;

	NEED_TWO_CPUS(test);
	vmalloc_skip_tlb_shootdown = true;
	seen = stale_tlb_scenario(test);
	vmalloc_skip_tlb_shootdown = false;
	kunit_info(test, "without the shootdown CPU 1 read %#lx (old page %#lx, new page %#lx)",
		   seen, TLB_OLD, TLB_NEW);
	KUNIT_EXPECT_EQ(test, seen, TLB_OLD);
}

static struct kunit_case mm_smp_test_cases[] = {
	KUNIT_CASE(atomic_storm_on_every_cpu),
	KUNIT_CASE(each_cpu_frees_onto_its_own_sheaf),
	KUNIT_CASE(remote_frees_both_ways),
	KUNIT_CASE(drain_all_pages_empties_every_cpu),
	KUNIT_CASE(vmalloc_reuse_after_shootdown_reads_new_page),
	KUNIT_CASE(skipped_shootdown_leaves_stale_entry),
	{}
};

static struct kunit_suite mm_smp_test_suite = {
	.name = "mm_smp",
	.test_cases = mm_smp_test_cases,
};
kunit_test_suite(mm_smp_test_suite);
