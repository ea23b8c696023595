// SPDX-License-Identifier: GPL-2.0
/*
 * lib/stackdepot.c - every distinct call stack stored once.
 *
 * The pool is one block of memory set aside from memblock at boot,
 * 1/64 of RAM between 128 KiB and 4 MiB: its size is the depot's whole
 * budget, and a kernel whose pool fills up keeps running, with handle 0
 * ("no stack") for the stacks it could not store.  Because the depot
 * never allocates after boot, the allocators may call it from inside
 * themselves, in any context, without recursion.
 *
 * The front of the pool is a hash table of buckets; the rest is filled
 * from the start with records, each a stack and the handle of the next
 * record of its bucket.  A handle is a record's offset in the record area
 * in 8-byte units, plus one, so that 0 is never a valid handle.
 *
 * Locking: depot_lock (interrupts off) guards the buckets and the fill
 * mark.  Records are written completely before they are linked in and
 * never change afterwards, so stack_depot_fetch() reads without the lock.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/stackdepot.h>
#include <linux/stacktrace.h>
#include <linux/string.h>

struct stack_record {
	u32 next;		/* handle of the next record in the bucket */
	u32 hash;
	u32 nr_entries;
	u32 pad;
	unsigned long entries[];
};

static DEFINE_SPINLOCK(depot_lock);
static u32 *buckets;			/* nr_buckets heads (handles) */
static unsigned long nr_buckets;	/* a power of two */
static char *records;			/* record area */
static unsigned long records_size, records_used;
static unsigned long pool_bytes, nr_stacks, nr_saves, nr_dropped;

void __init stack_depot_early_init(void)
{
	unsigned long size = memblock_phys_mem_size() / 64;
	void *pool;

	size = clamp(size, 128UL << 10, 4UL << 20) & PAGE_MASK;
	pool = memblock_alloc(size, PAGE_SIZE);
	if (!pool) {
		pr_warn("stackdepot: no memory for a %lu KiB pool: stacks not recorded\n",
			size >> 10);
		return;
	}
	/* about one bucket per 512 bytes of pool: short chains */
	nr_buckets = 1;
	while (nr_buckets * 2 <= size / 512)
		nr_buckets *= 2;
	memset(pool, 0, nr_buckets * sizeof(u32));
	buckets = pool;
	records = (char *)pool + nr_buckets * sizeof(u32);
	records_size = size - nr_buckets * sizeof(u32);
	pool_bytes = size;
}

static inline struct stack_record *handle_to_record(depot_stack_handle_t h)
{
	return (struct stack_record *)(records + ((unsigned long)(h - 1) << 3));
}

static u32 hash_stack(const unsigned long *entries, unsigned int nr)
{
	u64 h = 0x9e3779b97f4a7c15ULL ^ nr;
	unsigned int i;

	for (i = 0; i < nr; i++) {
		h ^= entries[i];
		h *= 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	return (u32)h ^ (u32)(h >> 32);
}

/* The record of @bucket holding this stack, or 0.  Caller holds the lock. */
static u32 find_stack(u32 head, u32 hash, const unsigned long *entries,
		      unsigned int nr)
{
	while (head) {
		struct stack_record *r = handle_to_record(head);

		if (r->hash == hash && r->nr_entries == nr &&
		    !memcmp(r->entries, entries, nr * sizeof(*entries)))
			return head;
		head = r->next;
	}
	return 0;
}

depot_stack_handle_t stack_depot_save(unsigned long *entries,
				      unsigned int nr_entries,
				      gfp_t alloc_flags)
{
	unsigned long flags, need;
	struct stack_record *r;
	u32 hash, *head, found;

	if (!buckets || !nr_entries)
		return 0;
	nr_entries = min_t(unsigned int, nr_entries, STACK_DEPOT_MAX_FRAMES);
	hash = hash_stack(entries, nr_entries);
	head = &buckets[hash & (nr_buckets - 1)];
	need = sizeof(*r) + nr_entries * sizeof(*entries);

	spin_lock_irqsave(&depot_lock, flags);
	nr_saves++;
	found = find_stack(*head, hash, entries, nr_entries);
	if (!found) {
		if (records_used + need > records_size) {
			nr_dropped++;
			spin_unlock_irqrestore(&depot_lock, flags);
			return 0;
		}
		found = (records_used >> 3) + 1;
		r = handle_to_record(found);
		r->next = *head;
		r->hash = hash;
		r->nr_entries = nr_entries;
		r->pad = 0;
		memcpy(r->entries, entries, nr_entries * sizeof(*entries));
		records_used += need;
		nr_stacks++;
		barrier();	/* the record is whole before it is linked */
		*head = found;
	}
	spin_unlock_irqrestore(&depot_lock, flags);
	return found;
}
EXPORT_SYMBOL_GPL(stack_depot_save);

unsigned int stack_depot_fetch(depot_stack_handle_t handle,
			       unsigned long **entries)
{
	struct stack_record *r;

	*entries = NULL;
	if (!handle || !records ||
	    ((unsigned long)(handle - 1) << 3) + sizeof(*r) > READ_ONCE(records_used))
		return 0;
	r = handle_to_record(handle);
	*entries = r->entries;
	return r->nr_entries;
}
EXPORT_SYMBOL_GPL(stack_depot_fetch);

void stack_depot_print(depot_stack_handle_t handle)
{
	unsigned long *entries;
	unsigned int nr = stack_depot_fetch(handle, &entries);

	if (nr)
		stack_trace_print(entries, nr, 0);
}
EXPORT_SYMBOL_GPL(stack_depot_print);

noinline depot_stack_handle_t stack_depot_save_here(unsigned int skipnr)
{
	unsigned long entries[STACK_DEPOT_MAX_FRAMES];
	unsigned int nr;

	if (!buckets)
		return 0;
	nr = stack_trace_save(entries, ARRAY_SIZE(entries), skipnr + 1);
	return stack_depot_save(entries, nr, GFP_NOWAIT);
}
EXPORT_SYMBOL_GPL(stack_depot_save_here);

void stack_depot_get_stats(struct stack_depot_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(&depot_lock, flags);
	st->pool_bytes = pool_bytes;
	st->used_bytes = records_used + (buckets ? nr_buckets * sizeof(u32) : 0);
	st->stacks = nr_stacks;
	st->saves = nr_saves;
	st->dropped = nr_dropped;
	spin_unlock_irqrestore(&depot_lock, flags);
}
EXPORT_SYMBOL_GPL(stack_depot_get_stats);
