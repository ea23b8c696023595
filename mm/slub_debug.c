// SPDX-License-Identifier: GPL-2.0
/*
 * mm/slub_debug.c - slab debugging: poison, red zones, call sites, and
 * the reports Linux prints when an object is misused.
 *
 * Turned on per cache by its flags, or for every cache (or one) by the
 * boot parameter slab_debug=FZPU[,cache]:
 *
 *   F  SLAB_CONSISTENCY_CHECKS  pointers checked against the slab layout,
 *                               freelists walked to catch double frees
 *   Z  SLAB_RED_ZONE            guard bytes left and right of each object:
 *                               0xbb while free, 0xcc while allocated
 *   P  SLAB_POISON              a free object is filled with 0x6b, its last
 *                               byte 0xa5: any other byte means someone wrote
 *                               to it after it was freed
 *   U  SLAB_STORE_USER          who allocated and who freed each object,
 *                               and from which stack (in the stack depot,
 *                               <linux/stackdepot.h>)
 *
 * Checks happen when an object is handed out (its poison and red zones
 * must be intact), when it is freed (a valid object, not already free,
 * red zones intact), and for every free object when the cache is shrunk
 * or destroyed.  Each problem is reported once, in Linux's format:
 *
 *   BUG kmalloc-64 (Not tainted): Right Redzone overwritten
 *   -----------------------------------------------------------------------------
 *
 *   0xffff888001a3c048-0xffff888001a3c048 @offset=72. First byte 0x0 instead of 0xcc
 *   Allocated in my_function+0x1c/0x60 age=12 cpu=0 pid=0
 *    slab_alloc_slow+0x50/0x122
 *    my_function+0x1c/0x60
 *    ...
 *   Slab 0xffff88800... objects=42 used=3 fp=0x... flags=...
 *   Object 0x...: 00 00 ...
 *   ...
 *   FIX kmalloc-64: Restoring Right Redzone 0x...-0x...=0xcc
 *
 * ("Not tainted" is print_tainted(): after an out-of-tree module was
 * loaded it reads "Tainted: G           O      ", as on Linux), then a
 * backtrace; the damage is repaired so the cache stays usable.
 * A double free or an invalid pointer is refused: nothing is freed.
 *
 * None of this is on the fast path: a debug cache always takes the slow
 * path of mm/slub.c, which calls in here.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/slab.h>
#include <linux/stackdepot.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <kernel/oops.h>
#include "slab.h"

#define HEXDUMP_MAX	64	/* object bytes shown in a report */

slab_flags_t slab_debug_flags;
const char *slab_debug_cache;
static char slab_debug_cache_name[64];

/* ---- boot parameter -------------------------------------------------------- */

/**
 * slab_debug_parse - read the value of slab_debug=FLAGS[,CACHE]
 * @val: the value ("FZPU", "F,kmalloc-64", ",kmalloc-64", "-"), or NULL
 *       for a bare "slab_debug"
 * @flags: the debug flags it asks for
 * @cache: the cache it names, or "" for every cache
 * @cache_len: room in @cache
 *
 * As Linux: the letters F, Z, P, U in either case, "-" for none; no
 * letters at all (a bare slab_debug, an empty value, or ",CACHE") mean
 * every option.  An unknown letter is skipped with a warning naming it.
 *
 * Return: 0, or -EINVAL when the cache name does not fit in @cache.
 * Context: Boot (and host tests).
 */
int slab_debug_parse(const char *val, slab_flags_t *flags, char *cache,
		     size_t cache_len)
{
	const char *comma;

	*flags = SLAB_DEBUG_FLAGS;
	cache[0] = '\0';
	if (!val)
		return 0;
	comma = strchr(val, ',');
	if (*val && val != comma)
		*flags = 0;
	for (; *val && val != comma; val++) {
		switch (*val) {
		case 'F': case 'f': *flags |= SLAB_CONSISTENCY_CHECKS; break;
		case 'Z': case 'z': *flags |= SLAB_RED_ZONE; break;
		case 'P': case 'p': *flags |= SLAB_POISON; break;
		case 'U': case 'u': *flags |= SLAB_STORE_USER; break;
		case '-': *flags = 0; break;
		default:
			pr_warn("slab_debug option '%c' unknown. skipped\n", *val);
		}
	}
	if (comma && comma[1] &&
	    strscpy(cache, comma + 1, cache_len) < 0) {
		pr_warn("slab_debug: cache name '%s' too long: ignored\n", comma + 1);
		cache[0] = '\0';
		return -EINVAL;
	}
	return 0;
}

static bool slab_debug_cache_seen;	/* a cache of that name was created */

/* slab_debug=FZPU[,cache] (also the old name slub_debug) */
static int __init setup_slab_debug_param(char *val)
{
	slab_flags_t flags;
	int err;

	err = slab_debug_parse(val, &flags, slab_debug_cache_name,
			       sizeof(slab_debug_cache_name));
	slab_debug_flags = flags;
	slab_debug_cache = slab_debug_cache_name[0] ? slab_debug_cache_name : NULL;
	return err;
}
__setup("slab_debug=", setup_slab_debug_param);

static int __init setup_slub_debug_param(char *val)
{
	return setup_slab_debug_param(val);
}
__setup("slub_debug=", setup_slub_debug_param);

static int __init setup_slab_debug_all(char *val)
{
	return setup_slab_debug_param(NULL);
}
__setup("slab_debug", setup_slab_debug_all);

/* The flags a cache called @name gets, given its own @flags. */
slab_flags_t slab_debug_flags_for(const char *name, slab_flags_t flags)
{
	if (!slab_debug_cache)
		return flags | slab_debug_flags;
	if (strcmp(slab_debug_cache, name))
		return flags;
	slab_debug_cache_seen = true;
	return flags | slab_debug_flags;
}

/**
 * slab_debug_check_cache_name - warn when slab_debug= named a cache that
 * does not exist when the boot caches have been made
 *
 * A cache of that name created later still gets the flags, so the
 * warning says "yet": a typo is seen, a later cache still works.
 *
 * Context: Boot, at the end of kmem_cache_init().
 */
void slab_debug_check_cache_name(void)
{
	if (slab_debug_cache && !slab_debug_cache_seen)
		pr_warn("slab_debug: no cache named '%s' (yet): its debug flags wait for a cache of that name\n",
			slab_debug_cache);
}

/* ---- tracks ----------------------------------------------------------------- */

struct track *get_track(struct kmem_cache *s, void *object, enum track_item t)
{
	struct track *p = (struct track *)((char *)object + s->offset + sizeof(void *));

	return p + t;
}

/* Frames saved before the allocator's own are cut off (the depot keeps 16). */
#define TRACK_WALK_FRAMES	(2 * STACK_DEPOT_MAX_FRAMES)

/*
 * The stack of an allocation or free, in the stack depot.  It starts in
 * the allocator, at the frame that called into the debug path (as
 * Linux's do: "___slab_alloc", here slab_alloc_slow or __slab_free), then
 * @caller's: the frames of the debug code itself are left out.
 */
static depot_stack_handle_t save_track_stack(unsigned long caller)
{
	unsigned long entries[TRACK_WALK_FRAMES];
	unsigned int nr, i;

	nr = stack_trace_save(entries, ARRAY_SIZE(entries), 0);
	for (i = 0; i < nr && entries[i] != caller; i++)
		;
	if (i == nr)		/* @caller not on this stack: keep it all */
		i = 0;
	else if (i)
		i--;
	return stack_depot_save(entries + i, nr - i, GFP_NOWAIT);
}

static void set_track(struct kmem_cache *s, void *object, enum track_item t,
		      unsigned long addr)
{
	struct track *p;

	if (!(s->flags & SLAB_STORE_USER))
		return;
	p = get_track(s, object, t);
	p->addr = addr;
	p->pid = current->pid;
	p->when_ms = local_clock() / 1000000;
	p->seq = t == TRACK_ALLOC ?
		 __atomic_add_fetch(&slab_alloc_seq, 1, __ATOMIC_RELAXED) : 0;	/* any CPU */
	p->handle = save_track_stack(addr);
}

/*
 * "Allocated in FUNC+0xOFF/0xSIZE age=N cpu=0 pid=P", then the stack it
 * was allocated from, a " FUNC+0xOFF/0xSIZE" line per frame, as Linux
 * SLUB prints it; the same for "Freed in".
 */
static void print_track(const char *what, const struct track *t)
{
	if (!t->addr)
		return;
	pr_err("%s in %pS age=%lu cpu=0 pid=%d\n", what, (void *)t->addr,
	       (unsigned long)(local_clock() / 1000000 - t->when_ms), t->pid);
	if (t->handle)
		stack_depot_print(t->handle);
	else
		pr_err("object allocation/free stack trace missing\n");
}

static void print_tracks(struct kmem_cache *s, void *object)
{
	if (!(s->flags & SLAB_STORE_USER))
		return;
	print_track("Allocated", get_track(s, object, TRACK_ALLOC));
	print_track("Freed", get_track(s, object, TRACK_FREE));
}

/* ---- reports ----------------------------------------------------------------- */

static void slab_bug(struct kmem_cache *s, const char *fmt, ...)
{
	char msg[128];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	/* the taint as Linux prints it: "(Tainted: G           O      )" */
	pr_err("BUG %s (%s): %s\n", s ? s->name : "kmalloc", print_tainted(), msg);
	pr_err("-----------------------------------------------------------------------------\n\n");
}

static void slab_fix(struct kmem_cache *s, const char *fmt, ...)
{
	char msg[128];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_err("FIX %s: %s\n", s->name, msg);
}

static void print_bytes(const char *label, const u8 *p, size_t len)
{
	size_t i, n;

	for (i = 0; i < len; i += 16) {
		char line[64];
		size_t used = 0;

		n = min(len - i, (size_t)16);
		for (size_t j = 0; j < n; j++)
			used += scnprintf(line + used, sizeof(line) - used,
					  "%s%02x", j ? " " : "", p[i + j]);
		pr_err("%-8s%px: %s\n", label, p + i, line);
	}
}

static void print_slab_info(struct kmem_cache *s, struct page *slab)
{
	unsigned int idx = slab_free_idx(slab);

	if (PageFrozen(slab)) {	/* its free objects are on a cpu freelist */
		struct kmem_cache_cpu *c = this_cpu_slab(s);

		pr_err("Slab 0x%px objects=%u active cpu_freelist=0x%px flags=%#x\n",
		       slab, s->objects, c->slab == slab ? c->freelist : NULL,
		       slab->flags);
		return;
	}
	pr_err("Slab 0x%px objects=%u used=%u fp=0x%px flags=%#x\n", slab, s->objects,
	       slab_inuse(slab), idx == SLAB_FREELIST_NONE ? NULL :
	       slab_object(s, slab, idx), slab->flags);
}

static void print_trailer(struct kmem_cache *s, struct page *slab, u8 *object)
{
	print_tracks(s, object);
	print_slab_info(s, slab);
	if (s->red_left_pad)
		print_bytes("Redzone ", object - s->red_left_pad, s->red_left_pad);
	print_bytes("Object ", object, min(s->object_size, (unsigned int)HEXDUMP_MAX));
	if (s->flags & SLAB_RED_ZONE)
		print_bytes("Redzone ", object + s->object_size,
			    s->inuse - s->object_size);
}

static void object_err(struct kmem_cache *s, struct page *slab, u8 *object,
		       const char *reason)
{
	slab_bug(s, "%s", reason);
	print_trailer(s, slab, object);
	dump_stack();
}

/*
 * Check that [start, start + len) of @object holds @value everywhere; if
 * not, report @what, with the first bad byte, and restore the bytes.
 */
static bool check_bytes_and_report(struct kmem_cache *s, struct page *slab,
				   u8 *object, const char *what, u8 *start,
				   u8 value, size_t len)
{
	u8 *fault = NULL, *end = start + len, *last;

	for (u8 *p = start; p < end; p++) {
		if (*p != value) {
			fault = p;
			break;
		}
	}
	if (!fault)
		return true;
	for (last = end; last > fault && last[-1] == value; last--)
		;
	slab_bug(s, "%s overwritten", what);
	pr_err("0x%px-0x%px @offset=%ld. First byte 0x%x instead of 0x%x\n", fault,
	       last - 1, (long)(fault - (u8 *)slab_base(slab)), *fault, value);
	print_trailer(s, slab, object);
	dump_stack();
	memset(fault, value, last - fault);
	slab_fix(s, "Restoring %s 0x%px-0x%px=0x%x", what, fault, last - 1, value);
	return false;
}

/* Red zones and poison of an object in state @val (active or inactive). */
static bool check_object(struct kmem_cache *s, struct page *slab, u8 *object,
			 u8 val)
{
	bool ok = true;

	if (s->flags & SLAB_RED_ZONE) {
		ok &= check_bytes_and_report(s, slab, object, "Left Redzone",
					     object - s->red_left_pad, val,
					     s->red_left_pad);
		ok &= check_bytes_and_report(s, slab, object, "Right Redzone",
					     object + s->object_size, val,
					     s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && val == SLUB_RED_INACTIVE && !s->ctor) {
		ok &= check_bytes_and_report(s, slab, object, "Poison", object,
					     POISON_FREE, s->object_size - 1);
		ok &= check_bytes_and_report(s, slab, object, "Poison",
					     object + s->object_size - 1,
					     POISON_END, 1);
	}
	return ok;
}

/* Fill red zones (and poison, for a free object) for state @val. */
static void init_object(struct kmem_cache *s, u8 *object, u8 val)
{
	if (s->flags & SLAB_RED_ZONE) {
		memset(object - s->red_left_pad, val, s->red_left_pad);
		memset(object + s->object_size, val, s->inuse - s->object_size);
	}
	if ((s->flags & SLAB_POISON) && val == SLUB_RED_INACTIVE && !s->ctor) {
		memset(object, POISON_FREE, s->object_size - 1);
		object[s->object_size - 1] = POISON_END;
	}
}

void setup_slab_debug(struct kmem_cache *s, struct page *slab)
{
	if (s->flags & SLAB_POISON)
		memset(slab_base(slab), POISON_INUSE, PAGE_SIZE << s->order);
}

void setup_object_debug(struct kmem_cache *s, void *object)
{
	init_object(s, object, SLUB_RED_INACTIVE);
	if (s->flags & SLAB_STORE_USER)
		memset(get_track(s, object, TRACK_ALLOC), 0, 2 * sizeof(struct track));
}

/* Is @object on @slab's freelist?  (Walks it: consistency checks only.) */
bool slab_object_is_free(struct kmem_cache *s, struct page *slab, void *object)
{
	unsigned int idx = slab_free_idx(slab), n = 0;
	void *p = idx == SLAB_FREELIST_NONE ? NULL : slab_object(s, slab, idx);

	for (; p && n <= s->objects; p = get_freepointer(s, p), n++)
		if (p == object)
			return true;
	return false;
}

/*
 * An object of a debug cache is about to be handed out: check its red
 * zones and poison (any damage is reported and repaired).  With
 * consistency checks (F) a damaged object is refused, as Linux refuses it: false, and the
 * caller marks the slab full and tries another, so no object whose
 * memory someone else may still be writing is handed out.
 */
bool alloc_debug_processing(struct kmem_cache *s, struct page *slab,
			    void *object, unsigned long caller)
{
	bool ok = check_object(s, slab, object, SLUB_RED_INACTIVE);

	if (!ok && (s->flags & SLAB_CONSISTENCY_CHECKS)) {
		slab_fix(s, "Marking all objects used");
		return false;
	}
	init_object(s, object, SLUB_RED_ACTIVE);
	set_track(s, object, TRACK_ALLOC, caller);
	return true;
}

bool free_debug_processing(struct kmem_cache *s, struct page *slab,
			   void *object, unsigned long caller)
{
	u8 *p = object;

	if (!slab_valid_object(s, slab, object)) {
		slab_report_invalid(s, object, caller,
				    "not the start of an object in its slab");
		return false;
	}
	if (((s->flags & SLAB_RED_ZONE) && s->red_left_pad &&
	     p[-1] == SLUB_RED_INACTIVE && p[-(int)s->red_left_pad] == SLUB_RED_INACTIVE) ||
	    ((s->flags & SLAB_CONSISTENCY_CHECKS) &&
	     slab_object_is_free(s, slab, object))) {
		object_err(s, slab, object, "Object already free");
		pr_err("Freed again by %pS\n", (void *)caller);
		slab_fix(s, "Object at 0x%px not freed", object);
		return false;
	}
	check_object(s, slab, object, SLUB_RED_ACTIVE);	/* repairs damage */
	set_track(s, object, TRACK_FREE, caller);
	init_object(s, object, SLUB_RED_INACTIVE);
	return true;
}

/**
 * slab_report_invalid - "Invalid object pointer": a free of something
 * that is not an object of the cache
 */
void slab_report_invalid(struct kmem_cache *s, const void *x,
			 unsigned long caller, const char *why)
{
	slab_bug(s, "Invalid object pointer 0x%px", x);
	pr_err("0x%px: %s, freed by %pS\n", x, why, (void *)caller);
	dump_stack();
	if (s)
		slab_fix(s, "Object at 0x%px not freed", x);
}

/* Verify the poison and red zones of every free object of @slab. */
void check_free_objects(struct kmem_cache *s, struct page *slab)
{
	unsigned int idx = slab_free_idx(slab), n = 0;
	void *p = idx == SLAB_FREELIST_NONE ? NULL : slab_object(s, slab, idx);

	if (!kmem_cache_debug(s))
		return;
	for (; p && n < s->objects; p = get_freepointer(s, p), n++)
		check_object(s, slab, p, SLUB_RED_INACTIVE);
}

/*
 * list_slab_objects - print the live objects of @slab allocated after
 * sequence number @min_seq, with their call sites (one line each, for
 * the test runner's leak check); or, with @min_seq 0, every live object
 * as Linux lists them at kmem_cache_destroy(): "Object 0x... @offset=N",
 * then its "Allocated in" (and "Freed in") lines.
 */
void list_slab_objects(struct kmem_cache *s, struct page *slab,
		       unsigned long min_seq, const char *title)
{
	unsigned int i;

	for (i = 0; i < s->objects; i++) {
		void *object = slab_object(s, slab, i);
		struct track *t;

		if (slab_object_is_free(s, slab, object))
			continue;
		if (!min_seq) {
			pr_err("%s 0x%px @offset=%lu\n", title, object,
			       (unsigned long)((char *)object - (char *)slab_base(slab)));
			print_tracks(s, object);
		} else if (s->flags & SLAB_STORE_USER) {
			t = get_track(s, object, TRACK_ALLOC);
			if (t->seq < min_seq)
				continue;
			pr_err("%s %px @offset=%lu allocated in %pS age=%lu pid=%d\n",
			       title, object,
			       (unsigned long)((char *)object - (char *)slab_base(slab)),
			       (void *)t->addr,
			       (unsigned long)(local_clock() / 1000000 - t->when_ms),
			       t->pid);
		}
	}
}

/*
 * slab_list_objects - list_slab_objects() for every slab on @s's
 * partial and full lists (the walk bounded by nr_slabs).  Irqs are off.
 */
void slab_list_objects(struct kmem_cache *s, unsigned long min_seq,
		       const char *title)
{
	struct list_head *lists[] = { &s->partial, &s->full };
	unsigned long walked = 0;
	struct page *slab;
	unsigned int i;

	spin_lock(&s->list_lock);
	for (i = 0; i < ARRAY_SIZE(lists); i++) {
		list_for_each_entry(slab, lists[i], lru) {
			if (!slab_list_walk_ok(s, &walked, s->nr_slabs))
				goto out;
			list_slab_objects(s, slab, min_seq, title);
		}
	}
out:
	spin_unlock(&s->list_lock);
}

/*
 * report_objects_remaining - kmem_cache_destroy() found live objects:
 * the Linux report, each live object with its allocation site, and a
 * warning naming the caller of kmem_cache_destroy().
 */
void report_objects_remaining(struct kmem_cache *s, unsigned long caller)
{
	unsigned long flags;

	slab_bug(s, "Objects remaining on __kmem_cache_shutdown()");
	local_irq_save(flags);
	slab_list_objects(s, 0, "Object");
	local_irq_restore(flags);
	pr_err("kmem_cache_destroy %s: Slab cache still has objects when called from %pS\n",
	       s->name, (void *)caller);
	dump_stack();
}

/**
 * slab_report_double_free - the naive double-free check failed: @x is
 * already the first free object of its slab (or of the cpu freelist)
 * @s: the cache
 * @slab: its slab
 * @x: the object freed again
 * @caller: who freed it again
 * @file: where the check is (Linux's BUG_ON in set_freepointer() names
 *        mm/slub.c too)
 * @line: its line
 *
 * Linux oopses here; this kernel prints the same first line, then the
 * slab report, refuses the free and goes on, so the cache stays sound.
 *
 * Context: Interrupts off (the slab slow paths).
 */
void slab_report_double_free(struct kmem_cache *s, struct page *slab, void *x,
			     unsigned long caller, const char *file, int line)
{
	pr_alert("kernel BUG at %s:%d!\n", file, line);
	object_err(s, slab, x, "Object already free");
	pr_err("Freed again by %pS\n", (void *)caller);
	slab_fix(s, "Object at 0x%px not freed", x);
}

/**
 * slab_report_freechain - a walk of a freelist met a loop or a pointer
 * that is no object of the slab
 * @s: the cache
 * @slab: the slab whose chain it is
 * @head: where the walk started
 * @bad: the pointer the walk refused to follow
 * @nr_good: free objects walked before it
 *
 * The caller drops the chain from there ("Isolate corrupted freechain",
 * Linux's words): its objects are leaked rather than handed out twice.
 *
 * Context: Interrupts off.
 */
void slab_report_freechain(struct kmem_cache *s, struct page *slab, void *head,
			   void *bad, unsigned int nr_good)
{
	slab_bug(s, "Freechain corrupt");
	pr_err("Freelist 0x%px: after %u objects, 0x%px is %s\n", head, nr_good,
	       bad, nr_good >= s->objects ?
	       "one object more than the slab holds (a loop: an object freed twice?)" :
	       "not an object of the slab (written after it was freed?)");
	print_slab_info(s, slab);
	dump_stack();
	slab_fix(s, "Isolate corrupted freechain");
}

/**
 * slab_report_list_corrupt - a walk of a cache's partial or full list
 * met more slabs than the cache has, and stopped
 * @s: the cache
 *
 * Context: Interrupts off.
 */
void slab_report_list_corrupt(struct kmem_cache *s)
{
	slab_bug(s, "Slab list corrupt");
	pr_err("a walk of the partial or full list met more than the %lu slabs of the cache: stopped\n",
	       s->nr_slabs);
	dump_stack();
}

/**
 * slab_out_of_memory - no memory for a new slab: Linux's report
 * @s: the cache
 * @gfp: the flags of the allocation that failed
 *
 * Printed after the page allocator's own "page allocation failure"
 * report, unless the caller passed __GFP_NOWARN:
 *
 *   SLUB: Unable to allocate memory on node -1, gfp=0xcc0(GFP_KERNEL)
 *     cache: kmalloc-256, object size: 256, buffer size: 256, default order: 0, min order: 0
 *     node 0: slabs: 3, objs: 48, free: 0
 *
 * Context: Any context (interrupts as the allocating caller had them).
 */
void slab_out_of_memory(struct kmem_cache *s, gfp_t gfp)
{
	unsigned long objs = s->nr_slabs * s->objects;
	unsigned long live = slab_cache_live(s);

	pr_warn("SLUB: Unable to allocate memory on node -1, gfp=%#x(%pGg)\n",
		gfp, &gfp);
	pr_warn("  cache: %s, object size: %u, buffer size: %u, default order: %u, min order: %u\n",
		s->name, s->object_size, s->size, s->order, s->order);
	pr_warn("  node 0: slabs: %lu, objs: %lu, free: %lu\n", s->nr_slabs,
		objs, objs > live ? objs - live : 0);
}
