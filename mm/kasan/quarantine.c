// SPDX-License-Identifier: GPL-2.0
/*
 * mm/kasan/quarantine.c - freed slab objects wait here before the slab
 * allocator gets them back.
 *
 * Without it a freed object is handed out again by the next allocation of
 * its size, and a use after free then reads the new owner's data: no
 * shadow says "freed" any more.  So a freed object is poisoned and put at
 * the tail of one FIFO list (linked through its KASAN metadata); once the
 * objects in the list take more than 1/32 of RAM (Linux's bound), the
 * oldest go back to their slabs (__slab_free()) until it is under 3/4 of
 * that again.  The shadow of an object that left the quarantine stays
 * KASAN_SLAB_FREE until the slab hands it out again.
 *
 * The quarantine is emptied when memory runs short (a reclaim hook of the
 * page allocator), for one cache when the cache is destroyed or shrunk,
 * and wholly by kasan_quarantine_drain() (the KUnit runner's leak check
 * counts live objects, and quarantined ones are freed ones).
 *
 * Locking: the list and its byte count change under quarantine_lock
 * (interrupts off; any CPU frees), which nests outside a cache's list_lock.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <kernel/page_alloc.h>
#include "../slab.h"
#include "kasan.h"

#define QUARANTINE_FRACTION	32	/* of RAM, at most */

struct quarantine {
	void *head, *tail;		/* objects, oldest first */
	unsigned long bytes;		/* their slots' sizes, summed */
	unsigned long objects;
};

static struct quarantine q;
static DEFINE_SPINLOCK(quarantine_lock);
static unsigned long quarantine_max;

/*
 * Objects of each cache in the quarantine: freed by their owner, so
 * slabinfo's active objects and the leak checks do not count them
 * (kasan_quarantined()).  A small table, searched linearly: there are a
 * few dozen caches.  A cache that finds no free row counts in the last.
 */
#define QUARANTINE_CACHE_ROWS	128
static struct {
	struct kmem_cache *cache;
	unsigned long objects;
} per_cache[QUARANTINE_CACHE_ROWS];

static unsigned long *cache_count(struct kmem_cache *s)
{
	int i, free_row = -1;

	for (i = 0; i < QUARANTINE_CACHE_ROWS; i++) {
		if (per_cache[i].cache == s)
			return &per_cache[i].objects;
		if (free_row < 0 && !per_cache[i].objects)
			free_row = i;
	}
	if (free_row < 0)
		free_row = QUARANTINE_CACHE_ROWS - 1;
	per_cache[free_row].cache = s;
	return &per_cache[free_row].objects;
}

/**
 * kasan_quarantined - objects of @s freed but held in the quarantine
 * @s: the cache
 *
 * Context: Interrupts off (the caller reads the cache's counts).
 */
unsigned long kasan_quarantined(struct kmem_cache *s)
{
	int i;

	for (i = 0; i < QUARANTINE_CACHE_ROWS; i++)
		if (per_cache[i].cache == s)
			return per_cache[i].objects;
	return 0;
}

static struct kmem_cache *object_cache(void *object)
{
	return slab_head(virt_to_page(object))->slab_cache;
}

/* Take the oldest object off the list and give it back to its slab. */
static void release_oldest(void)
{
	void *object = q.head;
	struct kmem_cache *s = object_cache(object);
	struct kasan_obj_meta *meta = kasan_get_meta(s, object);

	q.head = meta->quarantine_next;
	if (!q.head)
		q.tail = NULL;
	meta->quarantine_next = NULL;
	q.bytes -= s->size;
	q.objects--;
	(*cache_count(s))--;
	spin_lock(&s->list_lock);	/* __slab_free()'s rule (mm/slub.c) */
	__slab_free(s, slab_head(virt_to_page(object)), object, _RET_IP_);
	spin_unlock(&s->list_lock);
}

unsigned long kasan_quarantine_max_bytes(void)
{
	if (!quarantine_max)
		quarantine_max = (totalram_pages() << PAGE_SHIFT) / QUARANTINE_FRACTION;
	return quarantine_max;
}

/* Interrupts are off (the slow path of slab_free()), on any CPU. */
void kasan_quarantine_put(struct kmem_cache *s, void *object)
{
	struct kasan_obj_meta *meta = kasan_get_meta(s, object);

	spin_lock(&quarantine_lock);
	meta->quarantine_next = NULL;
	if (q.tail)
		kasan_get_meta(object_cache(q.tail), q.tail)->quarantine_next = object;
	else
		q.head = object;
	q.tail = object;
	q.bytes += s->size;
	q.objects++;
	(*cache_count(s))++;
	if (q.bytes > kasan_quarantine_max_bytes())
		while (q.head && q.bytes > kasan_quarantine_max_bytes() / 4 * 3)
			release_oldest();
	spin_unlock(&quarantine_lock);
}

/**
 * kasan_quarantine_drain - give every quarantined object back to its slab
 *
 * Context: Any context.
 */
void kasan_quarantine_drain(void)
{
	unsigned long flags;

	spin_lock_irqsave(&quarantine_lock, flags);
	while (q.head)
		release_oldest();
	spin_unlock_irqrestore(&quarantine_lock, flags);
}
EXPORT_SYMBOL(kasan_quarantine_drain);

/* The page allocator's reclaim hook: returns the objects released. */
static unsigned long quarantine_reclaim(void)
{
	unsigned long n = q.objects;

	kasan_quarantine_drain();
	return n;
}

/*
 * kasan_cache_shutdown - release @s's objects from the quarantine, before
 * the cache is shrunk or destroyed (its objects were freed: they must not
 * count as remaining).
 *
 * Context: Process context.
 */
void kasan_cache_shutdown(struct kmem_cache *s)
{
	void *object, *prev = NULL, *next;
	unsigned long flags;

	spin_lock_irqsave(&quarantine_lock, flags);
	for (object = q.head; object; object = next) {
		struct kmem_cache *c = object_cache(object);
		struct kasan_obj_meta *meta = kasan_get_meta(c, object);

		next = meta->quarantine_next;
		if (c != s) {
			prev = object;
			continue;
		}
		if (prev)
			kasan_get_meta(object_cache(prev), prev)->quarantine_next = next;
		else
			q.head = next;
		if (q.tail == object)
			q.tail = prev;
		meta->quarantine_next = NULL;
		q.bytes -= s->size;
		q.objects--;
		(*cache_count(s))--;
		spin_lock(&s->list_lock);
		__slab_free(s, slab_head(virt_to_page(object)), object, _RET_IP_);
		spin_unlock(&s->list_lock);
	}
	spin_unlock_irqrestore(&quarantine_lock, flags);
}

unsigned long kasan_quarantine_bytes(void)
{
	return q.bytes;
}

static int __init kasan_quarantine_init(void)
{
	register_reclaim_hook(quarantine_reclaim);
	return 0;
}
__initcall(kasan_quarantine_init);
