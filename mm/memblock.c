// SPDX-License-Identifier: GPL-2.0
/*
 * mm/memblock.c - the boot-time physical memory allocator.
 *
 * Two sorted arrays of [base, base + size) ranges, kept merged:
 *
 *   memory:   0x0000_1000 ---- 0x0009_f000    0x0010_0000 ------------ 0x1fff_0000
 *   reserved:                                 [kernel]  [mbi]    [pt]
 *
 * A free stretch is memory minus reserved.  memblock_phys_alloc_range()
 * walks the free stretches from the top down (as Linux does, so the low
 * memory that DMA devices need stays free the longest), takes the highest
 * aligned fit below the limit, and reserves it.  Arrays are static: this
 * runs before any other allocator exists.  Nothing here is fast; nothing
 * here needs to be: memblock serves a few dozen allocations at boot.
 *
 * The code is portable: the host tests run it on made-up memory maps.
 *
 * Errors are never dropped: the arrays are fixed, so an add that needs a
 * slot the full array lacks, or a free that would split a region in a
 * full array, fails with -ENOSPC and changes nothing.
 *
 * Locking: none, by design.  memblock is used during early boot, before
 * interrupts are enabled and before a second task exists, so nothing
 * can run between two of its steps.  memblock_retire() marks the end:
 * after it, allocations are refused (the page allocator owns the free
 * frames) and the arrays are only read, by the queries
 * (memblock_is_reserved(), memblock_dump_all() ...).  Lock order:
 * memblock takes no lock and calls nothing that does.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <asm/page.h>

static struct memblock_region memory_regions[INIT_MEMBLOCK_REGIONS];
static struct memblock_region reserved_regions[INIT_MEMBLOCK_REGIONS];

static bool memblock_retired;

struct memblock memblock = {
	.current_limit = MEMBLOCK_ALLOC_ANYWHERE,
	.memory = { .max = INIT_MEMBLOCK_REGIONS, .regions = memory_regions,
		    .name = "memory" },
	.reserved = { .max = INIT_MEMBLOCK_REGIONS,
		      .regions = reserved_regions, .name = "reserved" },
};

static void remove_region(struct memblock_type *type, unsigned long i)
{
	type->total_size -= type->regions[i].size;
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->cnt - i - 1) * sizeof(type->regions[0]));
	type->cnt--;
}

/*
 * Add [base, base + size) to @type, keeping the array sorted and merging
 * with overlapping or touching neighbours.
 */
static int memblock_add_range(struct memblock_type *type, phys_addr_t base,
			      phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i;

	if (!size)
		return 0;
	if (end < base)		/* wrapped around: clamp to the top */
		end = MEMBLOCK_ALLOC_ANYWHERE;

	/* Swallow every region that overlaps or touches [base, end). */
	for (i = 0; i < type->cnt;) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rend = r->base + r->size;

		if (rend < base || r->base > end) {
			i++;
			continue;
		}
		base = min(base, r->base);
		end = max(end, rend);
		remove_region(type, i);
	}

	if (type->cnt == type->max)
		return -ENOSPC;
	for (i = 0; i < type->cnt && type->regions[i].base < base; i++)
		;
	memmove(&type->regions[i + 1], &type->regions[i],
		(type->cnt - i) * sizeof(type->regions[0]));
	type->regions[i].base = base;
	type->regions[i].size = end - base;
	type->total_size += end - base;
	type->cnt++;
	return 0;
}

/*
 * Take [base, base + size) out of @type, splitting a region if needed.
 *
 * A region that strictly contains the range becomes two, which needs one
 * free slot.  That is checked before anything changes: with a full array
 * the call fails with -ENOSPC and @type is left exactly as it was (a
 * piece of the region dropped on the floor would be RAM or a reservation
 * silently forgotten).
 */
static int memblock_remove_range(struct memblock_type *type, phys_addr_t base,
				 phys_addr_t size)
{
	phys_addr_t end = base + size;
	unsigned long i;
	int err;

	if (!size)
		return 0;
	if (end < base)		/* wrapped around: clamp to the top */
		end = MEMBLOCK_ALLOC_ANYWHERE;
	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		if (r->base < base && r->base + r->size > end &&
		    type->cnt == type->max)
			return -ENOSPC;
	}
	for (i = 0; i < type->cnt;) {
		struct memblock_region *r = &type->regions[i];
		phys_addr_t rbase = r->base, rend = r->base + r->size;

		if (rend <= base || rbase >= end) {
			i++;
			continue;
		}
		remove_region(type, i);
		/* each piece goes into a slot just freed: cannot fail */
		if (rbase < base) {
			err = memblock_add_range(type, rbase, base - rbase);
			if (WARN_ON(err))
				return err;
		}
		if (rend > end) {
			err = memblock_add_range(type, end, rend - end);
			if (WARN_ON(err))
				return err;
		}
		/* the pieces were inserted in order; rescan from here */
	}
	return 0;
}

/**
 * memblock_add - tell memblock about a range of RAM
 * @base: physical start
 * @size: bytes
 *
 * Return: 0, or -ENOSPC when the region array is full.
 * Context: Early boot.
 */
int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.memory, base, size);
}

/**
 * memblock_reserve - mark a range as in use
 * @base: physical start
 * @size: bytes
 *
 * Return: 0, or -ENOSPC when the region array is full.
 * Context: Early boot.
 */
int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	return memblock_add_range(&memblock.reserved, base, size);
}

/**
 * memblock_phys_free - give back a range that was reserved
 * @base: physical start
 * @size: bytes
 *
 * Freeing the middle of a reservation splits it in two; with the region
 * array full that is refused and nothing changes.
 *
 * Return: 0, or -ENOSPC when a split needs a slot the full array lacks.
 * Context: Early boot.
 */
int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	return memblock_remove_range(&memblock.reserved, base, size);
}

/*
 * Free stretches are produced by walking memory regions in order and,
 * inside each, the gaps between reserved regions.  The cursor packs the
 * memory index (high 32 bits) and the reserved index (low 32 bits).
 */
bool __next_free_mem_range(u64 *idx, phys_addr_t *out_start,
			   phys_addr_t *out_end)
{
	struct memblock_type *mem = &memblock.memory, *res = &memblock.reserved;
	u32 mi = *idx >> 32, ri = (u32)*idx;

	for (; mi < mem->cnt; mi++, ri = 0) {
		phys_addr_t mbase = mem->regions[mi].base;
		phys_addr_t mend = mbase + mem->regions[mi].size;

		for (; ri <= res->cnt; ri++) {
			/* gap before reserved[ri] (or after the last one) */
			phys_addr_t gstart = ri ? res->regions[ri - 1].base +
						  res->regions[ri - 1].size : 0;
			phys_addr_t gend = ri < res->cnt ? res->regions[ri].base :
				MEMBLOCK_ALLOC_ANYWHERE;
			phys_addr_t s = max(gstart, mbase), e = min(gend, mend);

			if (gstart >= mend)
				break;
			if (s < e) {
				*out_start = s;
				*out_end = e;
				*idx = ((u64)mi << 32) | (ri + 1);
				return true;
			}
		}
	}
	*idx = ~0ULL;
	return false;
}

/**
 * memblock_phys_alloc_range - allocate and reserve physical memory
 * @size: bytes
 * @align: power-of-two alignment
 * @start: lowest acceptable address
 * @end: allocation must end at or below this (and the current limit)
 *
 * Takes the highest fit.  The memory is not zeroed.
 *
 * Return: the physical address, or 0 when nothing fits.
 * Context: Early boot.
 */
phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end)
{
	phys_addr_t best = 0, s, e;
	u64 i;

	if (!size || !align || (align & (align - 1)))
		return 0;
	if (WARN_ON(memblock_retired))	/* the page allocator owns RAM now */
		return 0;
	end = min(end, memblock.current_limit);
	for_each_free_mem_range(i, &s, &e) {
		phys_addr_t cand;

		s = max(s, start);
		e = min(e, end);
		if (e <= s || e - s < size)
			continue;
		cand = ALIGN_DOWN(e - size, align);
		if (cand >= s && cand > best)
			best = cand;
	}
	if (!best || memblock_reserve(best, size))
		return 0;
	return best;
}

/**
 * memblock_phys_alloc - allocate and reserve physical memory anywhere
 * @size: bytes
 * @align: power-of-two alignment
 *
 * Return: the physical address, or 0 when nothing fits.
 * Context: Early boot.
 */
phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, SZ_1M,
					 MEMBLOCK_ALLOC_ANYWHERE);
}

/**
 * memblock_alloc - allocate zeroed memory, returning its direct-map address
 * @size: bytes
 * @align: power-of-two alignment
 *
 * Return: a pointer into the direct map, or NULL.
 * Context: Early boot, once the direct map covers current_limit.
 */
void *memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	phys_addr_t pa = memblock_phys_alloc(size, align);
	void *p;

	if (!pa)
		return NULL;
	p = __va(pa);
	memset(p, 0, size);
	return p;
}

/**
 * memblock_retire - memblock's job is done: refuse further allocations
 *
 * Called once the page allocator has taken over the free memory; an
 * allocation after that would hand out frames the buddy lists own.
 *
 * Context: Boot.
 */
void memblock_retire(void)
{
	memblock_retired = true;
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.cnt ? memblock.memory.regions[0].base : 0;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	struct memblock_type *m = &memblock.memory;

	if (!m->cnt)
		return 0;
	return m->regions[m->cnt - 1].base + m->regions[m->cnt - 1].size;
}

static bool type_contains(struct memblock_type *type, phys_addr_t addr)
{
	unsigned long i;

	for (i = 0; i < type->cnt; i++)
		if (addr >= type->regions[i].base &&
		    addr - type->regions[i].base < type->regions[i].size)
			return true;
	return false;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return type_contains(&memblock.reserved, addr);
}

bool memblock_is_memory(phys_addr_t addr)
{
	return type_contains(&memblock.memory, addr);
}

static void memblock_dump(struct memblock_type *type)
{
	unsigned long i;

	pr_info(" %s.cnt  = 0x%lx\n", type->name, type->cnt);
	for (i = 0; i < type->cnt; i++) {
		struct memblock_region *r = &type->regions[i];

		pr_info(" %s[0x%lx]\t[0x%016llx-0x%016llx], 0x%016llx bytes\n",
			type->name, i, (unsigned long long)r->base,
			(unsigned long long)(r->base + r->size - 1),
			(unsigned long long)r->size);
	}
}

/**
 * memblock_dump_all - print both region lists (Linux's memblock=debug format)
 *
 * Context: Any context.
 */
void memblock_dump_all(void)
{
	pr_info("MEMBLOCK configuration:\n");
	pr_info(" memory size = 0x%016llx reserved size = 0x%016llx\n",
		(unsigned long long)memblock.memory.total_size,
		(unsigned long long)memblock.reserved.total_size);
	memblock_dump(&memblock.memory);
	memblock_dump(&memblock.reserved);
}
