// SPDX-License-Identifier: GPL-2.0
/*
 * Suite kmemleak: mm/kmemleak.c reports memory nobody points to, and
 * nothing else.
 *
 * A case cannot simply drop a pointer: a copy could stay in its
 * registers or in its stack frame, and kmemleak reads the stack.  So
 * objects meant to be lost are allocated by small noinline helpers that
 * return the address disguised (XOR-ed with HIDE_KEY, which is not a
 * pointer to anything), the stack below the case is cleared before each
 * scan (scrub_stack()), and the real address is made again only inside
 * helpers.  Objects meant to be kept are kept the ways a kernel keeps
 * them: in a global, a list, another object, a module's bss.
 *
 * The suite stops the kmemleak thread's scans and sets the minimum age
 * to 0 (suite_init), then scans on demand.  A leak is reported by the
 * second scan after it happened: the first finds its contents changed
 * (from the checksum 0 of a new object) and gives it one more round, as
 * Linux's kmemleak does.
 *
 * kmemleak is conservative: a stale pointer anywhere it scans (a static
 * array of an earlier suite, still holding the addresses of objects it
 * freed) keeps whatever now lives at that address from a report, as on
 * Linux.  So an object a case loses on purpose is taken at an address
 * no such pointer reaches: pick_unreferenced() allocates candidates until
 * a scan finds one unreferenced (only then does kmemleak record its
 * checksum), and frees the others.
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/kmemleak.h>
#include <linux/kthread.h>
#include <linux/list.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <kernel/kmemleak.h>
#include <kernel/log.h>
#include <kernel/module.h>

#define HIDE_KEY	0x5a5a5a5a5a5a5a5aUL
#define REPORT_MAX	2048

static inline unsigned long hide(const void *p)
{
	return (unsigned long)p ^ HIDE_KEY;
}

static inline void *unhide(unsigned long h)
{
	return (void *)(h ^ HIDE_KEY);
}

/*
 * Clear the stack below the caller, where the helpers' frames were: the
 * frames of the scan that comes next are laid over it, and whatever they
 * leave uninitialized must not look like the address of a lost object.
 */
static noinline void scrub_stack(void)
{
	volatile unsigned long buf[512];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(buf); i++)
		buf[i] = 0;
}

/* @n scans; the total of new leaks they reported goes in @new. */
#define SCAN(test, n, new) do {						\
	int __i, __r;							\
	(new) = 0;							\
	for (__i = 0; __i < (n); __i++) {				\
		scrub_stack();						\
		__r = kmemleak_scan_now();				\
		KUNIT_ASSERT_GE(test, __r, 0);				\
		(new) += __r;						\
	}								\
} while (0)

/* @size bytes of @fill (not 0), nowhere kept: the address comes back disguised. */
static noinline unsigned long alloc_lost(size_t size, u8 fill)
{
	void *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return 0;
	memset(p, fill, size);
	return hide(p);
}

static noinline void free_hidden(unsigned long h)
{
	kfree(unhide(h));
}

static noinline bool info_of(unsigned long h, struct kmemleak_object_info *info)
{
	return kmemleak_object_info(unhide(h), info);
}

/*
 * Did the last scan find @h unreferenced?  kmemleak computes the
 * checksum of white objects only, and a new object's is 0, so a nonzero
 * one means it was found white (its contents must not be all zero).
 */
static noinline bool found_unreferenced(unsigned long h)
{
	struct kmemleak_object_info info;

	return info_of(h, &info) && info.checksum != 0;
}

#define PICK_BATCH	32		/* candidates per scan */
#define PICK_MAX	1024		/* candidates at most */
#define PICK_BYTES	(1UL << 20)	/* and at most this much memory */

/*
 * An object from @alloc(@arg) (@size bytes) that a scan found
 * unreferenced, or 0.  Candidates are allocated a batch at a time and
 * kept until the end, so each batch comes from slots the earlier ones
 * did not use; the candidates some stale pointer reached are given to
 * @release.
 */
static unsigned long __pick_unreferenced(unsigned long (*alloc)(unsigned long arg),
					 void (*release)(unsigned long h),
					 unsigned long arg, size_t size)
{
	unsigned long *tried, picked = 0;
	int n = 0, i, first, max;

	max = clamp(PICK_BYTES / max_t(size_t, size, 1), 1UL, (unsigned long)PICK_MAX);
	tried = kcalloc(max, sizeof(*tried), GFP_KERNEL);	/* disguised values */
	if (!tried)
		return 0;
	while (!picked && n < max) {
		for (first = n; n < max && n - first < PICK_BATCH; n++) {
			tried[n] = alloc(arg);
			if (!tried[n])
				goto out;
		}
		scrub_stack();
		if (kmemleak_scan_now() < 0)
			goto out;
		for (i = first; i < n && !picked; i++)
			if (found_unreferenced(tried[i]))
				picked = tried[i];
	}
out:
	for (i = 0; i < n; i++)
		if (tried[i] && tried[i] != picked)
			release(tried[i]);
	kfree(tried);
	return picked;
}

static unsigned long pick_unreferenced(struct kunit *test,
				       unsigned long (*alloc)(unsigned long arg),
				       void (*release)(unsigned long h),
				       unsigned long arg, size_t size)
{
	unsigned long picked = __pick_unreferenced(alloc, release, arg, size);

	KUNIT_ASSERT_NE_MSG(test, picked, 0UL,
			    "no candidate free of stale pointers (or out of memory)");
	return picked;
}

static noinline unsigned long alloc_lost_bytes(unsigned long size)
{
	return alloc_lost(size, 0xa5);
}

/* A kmalloc object of @size bytes of 0xa5 that nothing points to. */
static unsigned long lost_kmalloc(struct kunit *test, size_t size)
{
	return pick_unreferenced(test, alloc_lost_bytes, free_hidden, size, size);
}

/* Reported by a scan, and still unreferenced: what the debugfs file lists. */
static noinline bool leaked(unsigned long h)
{
	struct kmemleak_object_info info;

	return info_of(h, &info) && info.reported && info.unreferenced;
}

static noinline bool tracked(unsigned long h)
{
	struct kmemleak_object_info info;

	return info_of(h, &info) && info.pointer == (unsigned long)unhide(h);
}

/*
 * The report of the object at @h as "kmemleak" lists it, into @buf;
 * false when it is not listed.  *@times counts how often it is.
 */
static noinline bool report_of(unsigned long h, char *buf, int *times)
{
	static char one[REPORT_MAX];
	char head[64];
	unsigned long pos = 0;
	struct seq_buf s;

	snprintf(head, sizeof(head), "unreferenced object 0x%08lx ",
		 (unsigned long)unhide(h));
	*times = 0;
	buf[0] = '\0';
	for (;;) {
		seq_buf_init(&s, one, sizeof(one));
		if (!kmemleak_show_next(&pos, &s))
			break;
		if (!strncmp(one, head, strlen(head))) {
			strscpy(buf, one, REPORT_MAX);
			(*times)++;
		}
	}
	return *times > 0;
}

/* The reports "kmemleak" lists now, into the case's log (a failure's evidence). */
static void log_listed_leaks(struct kunit *test)
{
	static char one[REPORT_MAX];
	unsigned long pos = 0;
	struct seq_buf s;

	for (;;) {
		seq_buf_init(&s, one, sizeof(one));
		if (!kmemleak_show_next(&pos, &s))
			break;
		kunit_info(test, "listed:\n%s", one);
	}
}

static bool kmemleak_is_on(void)
{
	struct kmemleak_stats st;

	kmemleak_get_stats(&st);
	return st.enabled;
}

static unsigned int saved_period, saved_min_age;

static int kmemleak_suite_init(struct kunit_suite *suite)
{
	saved_period = kmemleak_set_scan_period(0);
	saved_min_age = kmemleak_set_min_age(0);
	return 0;
}

static void kmemleak_suite_exit(struct kunit_suite *suite)
{
	kmemleak_set_min_age(saved_min_age);
	kmemleak_set_scan_period(saved_period);
}

/* Each case starts with the leaks of the code before it already reported. */
static int kmemleak_case_init(struct kunit *test)
{
	int new;

	if (!kmemleak_is_on())
		kunit_skip(test, "kmemleak is off (kmemleak=off)");
	SCAN(test, 2, new);
	return 0;
}

/* ---- what is reported -------------------------------------------------------------- */

static void lost_pointer_is_reported(struct kunit *test)
{
	static char report[REPORT_MAX];
	struct kmemleak_object_info info;
	unsigned long h = lost_kmalloc(test, 100);
	char line[128];
	int new, times;

	KUNIT_EXPECT_TRUE(test, tracked(h));
	KUNIT_EXPECT_FALSE(test, leaked(h));	/* one more round first */
	SCAN(test, 1, new);
	KUNIT_EXPECT_GE(test, new, 1);
	KUNIT_ASSERT_TRUE(test, leaked(h));
	KUNIT_ASSERT_TRUE(test, info_of(h, &info));
	KUNIT_EXPECT_EQ(test, info.size, (size_t)128);	/* kmalloc-128's object */
	KUNIT_EXPECT_EQ(test, info.pid, current->pid);

	/* Linux's format, line by line */
	KUNIT_ASSERT_TRUE(test, report_of(h, report, &times));
	KUNIT_EXPECT_EQ(test, times, 1);
	snprintf(line, sizeof(line), "unreferenced object 0x%08lx (size 128):\n",
		 info.pointer);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(report, line) == report, "%s", report);
	snprintf(line, sizeof(line), "\n  comm \"%s\", pid %d, jiffies ",
		 current->comm, current->pid);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(report, line), "%s", report);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(report, "\n  hex dump (first 32 bytes):\n"
					   "    a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5  ................\n"
					   "    a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5 a5  ................\n"),
			      "%s", report);
	snprintf(line, sizeof(line), "\n  backtrace (crc %x):\n    [<ffffffff",
		 info.checksum);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(report, line), "%s", report);
	/* the function that allocated it, as FUNC+0xOFF/0xSIZE */
	KUNIT_EXPECT_TRUE_MSG(test, strstr(report, "] alloc_lost+0x"), "%s", report);
	KUNIT_EXPECT_TRUE_MSG(test, strstr(report, "] lost_pointer_is_reported+0x"),
			      "%s", report);

	free_hidden(h);
	KUNIT_EXPECT_FALSE(test, tracked(h));
	KUNIT_EXPECT_FALSE(test, report_of(h, report, &times));
}

/*
 * kmemleak_alloc() registers any block, as a custom allocator would.
 * This one lies below every slab object (the first bytes of the direct
 * map), so it is the lowest object kmemleak knows: nothing of kmemleak's
 * own (its record of the lowest address) may keep it from a report.
 */
static void lowest_object_is_reported_too(struct kunit *test)
{
	void *block = (void *)(PAGE_OFFSET + 0x100);
	unsigned long h = hide(block);
	int new;

	kmemleak_alloc(block, 0x100, 1, GFP_KERNEL);
	KUNIT_ASSERT_TRUE(test, tracked(h));
	SCAN(test, 2, new);
	KUNIT_EXPECT_TRUE(test, leaked(h));
	kmemleak_free(block);
	KUNIT_EXPECT_FALSE(test, tracked(h));
}

static noinline unsigned long vmalloc_lost(unsigned long size)
{
	void *p = vmalloc(size);

	if (!p)
		return 0;
	memset(p, 0x77, size);
	return hide(p);
}

static noinline void vfree_hidden(unsigned long h)
{
	vfree(unhide(h));
}

static void large_kmalloc_and_vmalloc_are_reported(struct kunit *test)
{
	unsigned long big = lost_kmalloc(test, 3 * PAGE_SIZE + 100);
	unsigned long area = pick_unreferenced(test, vmalloc_lost, vfree_hidden,
					       10000, 3 * PAGE_SIZE);
	struct kmemleak_object_info info;
	int new;

	SCAN(test, 1, new);
	KUNIT_EXPECT_GE(test, new, 1);
	KUNIT_EXPECT_TRUE(test, leaked(big));
	KUNIT_EXPECT_TRUE(test, leaked(area));
	KUNIT_EXPECT_TRUE(test, info_of(big, &info) && info.size == 3 * PAGE_SIZE + 100);
	KUNIT_EXPECT_TRUE(test, info_of(area, &info) && info.size == 3 * PAGE_SIZE);
	free_hidden(big);
	vfree_hidden(area);
	KUNIT_EXPECT_FALSE(test, tracked(big));
	KUNIT_EXPECT_FALSE(test, tracked(area));
}

static noinline unsigned long cache_alloc_lost(unsigned long arg)
{
	struct kmem_cache *s = (struct kmem_cache *)arg;
	void *p = kmem_cache_alloc(s, GFP_KERNEL);

	if (!p)
		return 0;
	memset(p, 0x66, kmem_cache_size(s));
	return hide(p);
}

static struct kmem_cache *test_cache;

static noinline void cache_free_hidden(unsigned long h)
{
	kmem_cache_free(test_cache, unhide(h));
}

static void kmem_cache_objects_are_reported(struct kunit *test)
{
	struct kmem_cache *untracked = kmem_cache_create("kmemleak_test-nt", 56, 0,
							 SLAB_NOLEAKTRACE, NULL);
	unsigned long h, u;
	int new;

	test_cache = kmem_cache_create("kmemleak_test-56", 56, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, test_cache);
	KUNIT_ASSERT_NOT_NULL(test, untracked);
	u = cache_alloc_lost((unsigned long)untracked);
	KUNIT_ASSERT_NE(test, u, 0UL);
	KUNIT_EXPECT_FALSE(test, tracked(u));	/* SLAB_NOLEAKTRACE: not recorded */
	h = pick_unreferenced(test, cache_alloc_lost, cache_free_hidden,
			      (unsigned long)test_cache, 56);
	SCAN(test, 1, new);
	KUNIT_EXPECT_TRUE(test, leaked(h));
	cache_free_hidden(h);
	kmem_cache_free(untracked, unhide(u));
	kmem_cache_destroy(test_cache);
	kmem_cache_destroy(untracked);
}

/*
 * A free object's first word links it to the next free one; once handed
 * out, the link must be gone, or kmemleak takes it for a reference to
 * the object after it (which would then never be reported).
 */
static void allocated_object_holds_no_freelist_link(struct kunit *test)
{
	struct kmem_cache *s = kmem_cache_create("kmemleak_test-link", 64, 0, 0, NULL);
	void *a, *b;

	KUNIT_ASSERT_NOT_NULL(test, s);
	a = kmem_cache_alloc(s, GFP_KERNEL);
	b = kmem_cache_alloc(s, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	/* (a KASAN kernel keeps its own metadata there: not a link) */
	KUNIT_EXPECT_PTR_NE(test, *(void **)a, b);
	KUNIT_EXPECT_NE(test, (*(unsigned long *)b ^ (unsigned long)b) >> PAGE_SHIFT, 0UL);
	kmem_cache_free(s, a);
	kmem_cache_free(s, b);
	kmem_cache_destroy(s);
}

/* Three objects, each holding the next. */
struct chain_node {
	u64 payload[3];
	struct chain_node *next;
};

static noinline unsigned long alloc_chain_node(unsigned long i)
{
	struct chain_node *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (!n)
		return 0;
	memset(n->payload, 0x40 + i, sizeof(n->payload));
	return hide(n);
}

static noinline void link_chain(unsigned long h[3])
{
	struct chain_node *n0 = unhide(h[0]), *n1 = unhide(h[1]);

	n0->next = n1;
	n1->next = unhide(h[2]);
}

static struct chain_node *volatile kept_chain;

static noinline void keep_chain(unsigned long h)
{
	kept_chain = h ? unhide(h) : NULL;
}

/*
 * Everything reachable only from a leaked object is reported too: while
 * the first is kept in a global, none is; once it is lost, all three
 * (each after the round its last change earns it).
 */
static void chain_only_reachable_from_a_leak_is_reported_whole(struct kunit *test)
{
	unsigned long h[3];
	int new, i;

	for (i = 0; i < 3; i++)
		h[i] = pick_unreferenced(test, alloc_chain_node, free_hidden, i,
					 sizeof(struct chain_node));
	link_chain(h);
	keep_chain(h[0]);
	SCAN(test, 3, new);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_FALSE_MSG(test, leaked(h[i]), "object %d", i);
	keep_chain(0);
	SCAN(test, 4, new);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_TRUE_MSG(test, leaked(h[i]), "object %d", i);
	for (i = 0; i < 3; i++)
		free_hidden(h[i]);
}

/* ---- what is not reported -------------------------------------------------------- */

static void *volatile kept_in_global;

static void pointer_in_a_global_is_not_reported(struct kunit *test)
{
	struct kmemleak_object_info info;
	int new;

	kept_in_global = kmalloc(64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, kept_in_global);
	memset(kept_in_global, 0x12, 64);
	SCAN(test, 3, new);
	KUNIT_EXPECT_TRUE(test, kmemleak_object_info(kept_in_global, &info));
	KUNIT_EXPECT_FALSE(test, info.reported);
	KUNIT_EXPECT_GE(test, info.count, 1);
	kfree(kept_in_global);
	kept_in_global = NULL;
}

struct list_node {
	char before[40];
	struct list_head link;		/* the list points into the middle */
	char after[40];
};

static LIST_HEAD(kept_list);

static noinline bool fill_list(unsigned long h[4])
{
	int i;

	for (i = 0; i < 4; i++) {
		struct list_node *n = kmalloc(sizeof(*n), GFP_KERNEL);

		if (!n)
			return false;
		memset(n->before, i, sizeof(n->before));
		list_add_tail(&n->link, &kept_list);
		h[i] = hide(n);
	}
	return true;
}

static noinline void empty_list(void)
{
	struct list_node *n, *tmp;

	list_for_each_entry_safe(n, tmp, &kept_list, link) {
		list_del(&n->link);
		kfree(n);
	}
}

static void objects_on_a_list_are_not_reported(struct kunit *test)
{
	unsigned long h[4] = {};
	int new, i;

	KUNIT_ASSERT_TRUE(test, fill_list(h));
	SCAN(test, 3, new);
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_TRUE(test, tracked(h[i]));
		KUNIT_EXPECT_FALSE_MSG(test, leaked(h[i]), "node %d", i);
	}
	empty_list();
}

struct holder {
	u64 magic;
	void *child;
};

static struct holder *volatile kept_holder;

static noinline unsigned long alloc_held_child(void)
{
	void *child = kmalloc(48, GFP_KERNEL);

	if (!child)
		return 0;
	memset(child, 0x33, 48);
	kept_holder->child = child;
	return hide(child);
}

static void pointer_in_a_live_object_is_not_reported(struct kunit *test)
{
	unsigned long child;
	int new;

	kept_holder = kzalloc(sizeof(*kept_holder), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, kept_holder);
	child = alloc_held_child();
	KUNIT_ASSERT_NE(test, child, 0UL);
	SCAN(test, 3, new);
	KUNIT_EXPECT_TRUE(test, tracked(child));
	KUNIT_EXPECT_FALSE(test, leaked(child));
	kfree(kept_holder->child);
	kfree(kept_holder);
	kept_holder = NULL;
}

static char *volatile kept_inside;

static noinline void keep_inside(unsigned long h, unsigned long offset)
{
	kept_inside = (char *)unhide(h) + offset;
}

/* Only a pointer into the middle (or the last byte) is left: still referenced. */
static void pointer_into_the_middle_keeps_it(struct kunit *test)
{
	unsigned long h = lost_kmalloc(test, 256);
	int new;

	keep_inside(h, 100);
	SCAN(test, 3, new);
	KUNIT_EXPECT_FALSE(test, leaked(h));
	keep_inside(h, 255);
	SCAN(test, 3, new);
	KUNIT_EXPECT_FALSE(test, leaked(h));
	/* one past the end is the next object's, not this one's */
	keep_inside(h, 256);
	SCAN(test, 2, new);
	KUNIT_EXPECT_TRUE(test, leaked(h));
	kept_inside = NULL;
	free_hidden(h);
}

/* ---- kmemleak_not_leak(), kmemleak_ignore() --------------------------------------------- */

/* A parent object holding @child (a lost one), the parent's address disguised. */
static noinline unsigned long adopt(unsigned long child)
{
	struct holder *parent = kzalloc(sizeof(*parent), GFP_KERNEL);

	if (!parent)
		return 0;
	parent->magic = 0x1234;
	parent->child = unhide(child);
	return hide(parent);
}

static noinline void free_parent(unsigned long h)
{
	struct holder *parent = unhide(h);

	kfree(parent->child);
	kfree(parent);
}

static noinline void not_leak_hidden(unsigned long h)
{
	kmemleak_not_leak(unhide(h));
}

static noinline void ignore_hidden(unsigned long h)
{
	kmemleak_ignore(unhide(h));
}

/* not_leak: never reported, still scanned (what it points to is kept). */
static void not_leak_is_not_reported_but_scanned(struct kunit *test)
{
	unsigned long child = lost_kmalloc(test, 40), parent = adopt(child);
	int new;

	KUNIT_ASSERT_NE(test, parent, 0UL);
	not_leak_hidden(parent);
	SCAN(test, 3, new);
	KUNIT_EXPECT_FALSE(test, leaked(parent));
	KUNIT_EXPECT_FALSE(test, leaked(child));
	free_parent(parent);
}

/* ignore: neither reported nor scanned (what only it points to is a leak). */
static void ignored_object_is_not_reported_nor_scanned(struct kunit *test)
{
	unsigned long child = lost_kmalloc(test, 40), parent = adopt(child);
	int new;

	KUNIT_ASSERT_NE(test, parent, 0UL);
	ignore_hidden(parent);
	SCAN(test, 3, new);
	KUNIT_EXPECT_FALSE(test, leaked(parent));
	KUNIT_EXPECT_TRUE(test, leaked(child));
	free_parent(parent);
}

/* ---- reported once; clear ----------------------------------------------------------- */

static void each_leak_is_reported_once(struct kunit *test)
{
	static char report[REPORT_MAX];
	unsigned long h = lost_kmalloc(test, 72);
	u64 seq = log_seq(), at;
	int new, times;

	SCAN(test, 1, new);
	KUNIT_EXPECT_EQ(test, new, 1);		/* this one, nothing else */
	KUNIT_EXPECT_TRUE(test, leaked(h));
	at = log_search(seq, "kmemleak: 1 new suspected memory leaks (see /sys/kernel/debug/kmemleak)");
	KUNIT_EXPECT_NE(test, at, 0ULL);
	SCAN(test, 3, new);
	KUNIT_EXPECT_EQ(test, new, 0);		/* still a leak, not new */
	KUNIT_EXPECT_TRUE(test, leaked(h));
	KUNIT_EXPECT_EQ(test, log_search(at + 1, "new suspected memory leaks"), 0ULL);
	KUNIT_EXPECT_TRUE(test, report_of(h, report, &times));
	KUNIT_EXPECT_EQ(test, times, 1);

	/* "clear": what was reported is no longer a leak, for good */
	KUNIT_EXPECT_EQ(test, kmemleak_control("clear"), 0);
	KUNIT_EXPECT_FALSE(test, report_of(h, report, &times));
	SCAN(test, 2, new);
	KUNIT_EXPECT_EQ(test, new, 0);
	KUNIT_EXPECT_FALSE(test, leaked(h));
	free_hidden(h);
}

static void control_commands(struct kunit *test)
{
	unsigned long h = alloc_lost(32, 0x01);
	char cmd[40];
	u64 seq;

	KUNIT_ASSERT_NE(test, h, 0UL);
	KUNIT_EXPECT_EQ(test, kmemleak_control("scan"), 0);
	KUNIT_EXPECT_EQ(test, kmemleak_control("bogus"), -EINVAL);
	KUNIT_EXPECT_EQ(test, kmemleak_control("scan=x"), -EINVAL);
	seq = log_seq();
	snprintf(cmd, sizeof(cmd), "dump=0x%lx", (unsigned long)unhide(h) + 8);
	KUNIT_EXPECT_EQ(test, kmemleak_control(cmd), 0);
	snprintf(cmd, sizeof(cmd), "kmemleak: Object 0x%08lx (size 32):",
		 (unsigned long)unhide(h));
	KUNIT_EXPECT_NE(test, log_search(seq, cmd), 0ULL);
	KUNIT_EXPECT_NE(test, log_search(seq, "kmemleak:   min_count = 1"), 0ULL);
	KUNIT_EXPECT_EQ(test, kmemleak_control("dump=0x10"), -ENOENT);
	free_hidden(h);
}

/* ---- modules ----------------------------------------------------------------------------- */

#define INCBIN(sym, file)						\
	asm(".section .rodata\n.balign 8\n.global " #sym "\n" #sym ":\n"	\
	    ".incbin \"" TESTMOD_DIR "/" file "\"\n.global " #sym "_end\n"	\
	    #sym "_end:\n.previous\n")
INCBIN(modtest_kmemleak_ko, "modtest_kmemleak.ko");
extern const u8 modtest_kmemleak_ko[], modtest_kmemleak_ko_end[];

static unsigned long module_kept, module_lost;

/*
 * Called by modtest_kmemleak's init: an object of @size bytes that a
 * scan found unreferenced (its stack goes through the module's init).
 */
unsigned long modtest_kmemleak_lost(size_t size)
{
	return __pick_unreferenced(alloc_lost_bytes, free_hidden, size, size);
}
EXPORT_SYMBOL(modtest_kmemleak_lost);

/* Called by modtest_kmemleak's init with its objects, disguised. */
void modtest_kmemleak_objects(unsigned long kept_hidden, unsigned long lost_hidden)
{
	module_kept = kept_hidden;
	module_lost = lost_hidden;
}
EXPORT_SYMBOL(modtest_kmemleak_objects);

/*
 * A loaded module's data and bss are scanned: what it keeps in a global
 * is not a leak; what it lost is, with the module's function in the
 * backtrace.
 */
static void module_global_keeps_its_object(struct kunit *test)
{
	static char report[REPORT_MAX];
	int new, times;

	module_kept = module_lost = 0;
	KUNIT_ASSERT_EQ(test, load_module_image("modtest_kmemleak.ko", modtest_kmemleak_ko,
						modtest_kmemleak_ko_end - modtest_kmemleak_ko,
						NULL), 0);
	KUNIT_ASSERT_NE(test, module_kept, 0UL);
	KUNIT_ASSERT_NE(test, module_lost, 0UL);
	SCAN(test, 3, new);
	KUNIT_EXPECT_TRUE(test, tracked(module_kept));
	KUNIT_EXPECT_FALSE(test, leaked(module_kept));
	KUNIT_EXPECT_TRUE(test, leaked(module_lost));
	KUNIT_EXPECT_TRUE(test, report_of(module_lost, report, &times));
	KUNIT_EXPECT_TRUE_MSG(test, strstr(report, "] modtest_kmemleak_init+0x") &&
			      strstr(report, " [modtest_kmemleak]\n"), "%s", report);
	KUNIT_EXPECT_EQ(test, delete_module("modtest_kmemleak", false, NULL, 0), 0);
	KUNIT_EXPECT_FALSE(test, tracked(module_kept));
	KUNIT_EXPECT_FALSE(test, tracked(module_lost));
}

/* ---- a scan while others allocate and free ------------------------------------------------ */

#define LOAD_THREADS	3
#define LOAD_SLOTS	32
#define LOAD_LIST_MAX	16
#define LOAD_TIMER_OPS	8
#define LOAD_SCANS	12

struct load_slot {
	void *ptr;
	enum { L_KMALLOC, L_CACHE, L_LARGE, L_VMALLOC } kind;
};

struct load_node {
	u64 pattern;
	struct list_head link;
};

struct load_worker {
	struct load_slot slots[LOAD_SLOTS];
	struct list_head list;		/* nodes move: added at the head, taken anywhere */
	unsigned int list_len;
	unsigned long ops, false_reports;
	struct task_struct *task;
};

static struct kmem_cache *load_cache;
static struct load_slot timer_slots[LOAD_SLOTS];
static unsigned long timer_false_reports, timer_ops;
static struct timer_list load_timer;
static bool load_timer_stop;

/* Was @p ever reported?  It is in use: that would be a false report. */
static bool falsely_reported(const void *p)
{
	struct kmemleak_object_info info;

	return kmemleak_object_info(p, &info) && info.reported;
}

static void load_free(struct load_slot *sl, unsigned long *false_reports)
{
	if (falsely_reported(sl->ptr))
		(*false_reports)++;
	if (sl->kind == L_VMALLOC)
		vfree(sl->ptr);
	else if (sl->kind == L_CACHE)
		kmem_cache_free(load_cache, sl->ptr);
	else
		kfree(sl->ptr);
	sl->ptr = NULL;
}

static void load_alloc(struct load_slot *sl, gfp_t gfp, bool may_vmalloc)
{
	u32 r = get_random_u32();
	size_t size = 8 + r % 1000;

	switch ((r >> 16) % (may_vmalloc ? 8 : 6)) {
	case 0: case 1: case 2:
		sl->kind = L_KMALLOC;
		sl->ptr = kmalloc(size, gfp);
		break;
	case 3: case 4:
		sl->kind = L_CACHE;
		size = 96;
		sl->ptr = kmem_cache_alloc(load_cache, gfp);
		break;
	case 5:
		sl->kind = L_LARGE;
		size = 2 * PAGE_SIZE + size;
		sl->ptr = kmalloc(size, gfp);
		break;
	default:
		sl->kind = L_VMALLOC;
		size = PAGE_SIZE + size;
		sl->ptr = vmalloc(size);
		break;
	}
	if (sl->ptr)
		memset(sl->ptr, r, min_t(size_t, size, 128));
}

static void load_slot_step(struct load_slot *slots, gfp_t gfp, bool may_vmalloc,
			   unsigned long *false_reports)
{
	struct load_slot *sl = &slots[get_random_u32_below(LOAD_SLOTS)];

	if (sl->ptr)
		load_free(sl, false_reports);
	else
		load_alloc(sl, gfp, may_vmalloc);
}

static void load_list_step(struct load_worker *w)
{
	struct load_node *n;
	unsigned int i, pick;

	if (w->list_len < LOAD_LIST_MAX && get_random_u32_below(2)) {
		n = kmalloc(sizeof(*n), GFP_KERNEL);
		if (n) {
			n->pattern = get_random_u32() | 1;
			list_add(&n->link, &w->list);
			w->list_len++;
		}
		return;
	}
	if (!w->list_len)
		return;
	pick = get_random_u32_below(w->list_len);
	i = 0;
	list_for_each_entry(n, &w->list, link)
		if (i++ == pick)
			break;
	list_del(&n->link);
	w->list_len--;
	if (falsely_reported(n))
		w->false_reports++;
	kfree(n);
}

static int load_thread(void *data)
{
	struct load_worker *w = data;

	while (!kthread_should_stop()) {
		load_slot_step(w->slots, GFP_KERNEL, true, &w->false_reports);
		load_list_step(w);
		w->ops++;
		if (!(w->ops % 64))
			cond_resched();
	}
	return 0;
}

static void load_timer_fn(struct timer_list *t)
{
	int i;

	for (i = 0; i < LOAD_TIMER_OPS; i++)
		load_slot_step(timer_slots, GFP_ATOMIC, false, &timer_false_reports);
	timer_ops += LOAD_TIMER_OPS;
	if (!READ_ONCE(load_timer_stop))
		mod_timer(&load_timer, jiffies + 1);
}

static void load_worker_free_all(struct load_worker *w)
{
	struct load_node *n, *tmp;
	int i;

	for (i = 0; i < LOAD_SLOTS; i++)
		if (w->slots[i].ptr)
			load_free(&w->slots[i], &w->false_reports);
	list_for_each_entry_safe(n, tmp, &w->list, link) {
		list_del(&n->link);
		if (falsely_reported(n))
			w->false_reports++;
		kfree(n);
	}
}

/*
 * Threads allocate and free (kmalloc, a cache, large kmalloc, vmalloc,
 * nodes moving on lists) and a timer does too, every tick, while scans
 * run with the minimum age at 0: no object in use is ever reported, and
 * the scans find no new leak at all.
 */
static void scan_under_load_reports_nothing_false(struct kunit *test)
{
	struct load_worker *w = kcalloc(LOAD_THREADS, sizeof(*w), GFP_KERNEL);
	unsigned long false_reports = 0, ops = 0, flags;
	int i, new, total_new = 0;
	struct kmemleak_stats st;

	KUNIT_ASSERT_NOT_NULL(test, w);
	load_cache = kmem_cache_create("kmemleak_test-load", 96, 0, 0, NULL);
	KUNIT_ASSERT_NOT_NULL(test, load_cache);
	memset(timer_slots, 0, sizeof(timer_slots));
	timer_false_reports = timer_ops = 0;
	load_timer_stop = false;
	for (i = 0; i < LOAD_THREADS; i++) {
		INIT_LIST_HEAD(&w[i].list);
		w[i].task = kthread_run(load_thread, &w[i], "kmemleak_load/%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(w[i].task));
	}
	timer_setup(&load_timer, load_timer_fn, 0);
	mod_timer(&load_timer, jiffies + 1);

	for (i = 0; i < LOAD_SCANS; i++) {
		SCAN(test, 1, new);
		total_new += new;
		msleep(20);
	}
	kmemleak_get_stats(&st);

	WRITE_ONCE(load_timer_stop, true);
	del_timer_sync(&load_timer);
	for (i = 0; i < LOAD_THREADS; i++)
		kthread_stop(w[i].task);
	local_irq_save(flags);	/* the timer's slots, as the timer left them */
	for (i = 0; i < LOAD_SLOTS; i++)
		if (timer_slots[i].ptr)
			load_free(&timer_slots[i], &timer_false_reports);
	local_irq_restore(flags);
	for (i = 0; i < LOAD_THREADS; i++) {
		load_worker_free_all(&w[i]);
		false_reports += w[i].false_reports;
		ops += w[i].ops;
	}
	kunit_info(test, "%d scans under load: %lu thread ops, %lu timer ops; last scan %lu us, %lu KiB read, %lu objects tracked (at most %lu since boot, %zu bytes each)",
		   LOAD_SCANS, ops, timer_ops, st.last_scan_us,
		   st.last_scanned_bytes >> 10, st.objects, st.max_objects,
		   st.objects ? st.meta_bytes / st.objects : 0);
	KUNIT_EXPECT_GT(test, ops, 0UL);
	KUNIT_EXPECT_GT(test, timer_ops, 0UL);
	KUNIT_EXPECT_EQ(test, false_reports + timer_false_reports, 0UL);
	KUNIT_EXPECT_EQ(test, total_new, 0);
	if (total_new)
		log_listed_leaks(test);
	kfree(w);
	kmem_cache_destroy(load_cache);
}

static struct kunit_case kmemleak_cases[] = {
	KUNIT_CASE(lost_pointer_is_reported),
	KUNIT_CASE(lowest_object_is_reported_too),
	KUNIT_CASE(large_kmalloc_and_vmalloc_are_reported),
	KUNIT_CASE(kmem_cache_objects_are_reported),
	KUNIT_CASE(allocated_object_holds_no_freelist_link),
	KUNIT_CASE(chain_only_reachable_from_a_leak_is_reported_whole),
	KUNIT_CASE(pointer_in_a_global_is_not_reported),
	KUNIT_CASE(objects_on_a_list_are_not_reported),
	KUNIT_CASE(pointer_in_a_live_object_is_not_reported),
	KUNIT_CASE(pointer_into_the_middle_keeps_it),
	KUNIT_CASE(not_leak_is_not_reported_but_scanned),
	KUNIT_CASE(ignored_object_is_not_reported_nor_scanned),
	KUNIT_CASE(each_leak_is_reported_once),
	KUNIT_CASE(control_commands),
	KUNIT_CASE(module_global_keeps_its_object),
	KUNIT_CASE(scan_under_load_reports_nothing_false),
	{}
};

static struct kunit_suite kmemleak_suite = {
	.name = "kmemleak",
	.suite_init = kmemleak_suite_init,
	.suite_exit = kmemleak_suite_exit,
	.init = kmemleak_case_init,
	.test_cases = kmemleak_cases,
};
kunit_test_suite(kmemleak_suite);
