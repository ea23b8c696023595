// SPDX-License-Identifier: GPL-2.0
/*
 * mm/vmalloc.c - virtually contiguous memory from scattered frames.
 *
 * The page allocator gives physically contiguous blocks, and big ones
 * are hard to find once memory is fragmented.  vmalloc(size) instead
 * takes single frames from anywhere and maps them one after another in a
 * region of kernel address space that is set aside for this
 * (VMALLOC_START .. VMALLOC_END, 32 TiB), using the kernel's page tables
 * (mm/pgtable.c).  The price: a page-table walk per frame at allocation,
 * TLB entries per 4 KiB page when it is used, and page tables to keep.
 *
 * Address space is managed as "vmap areas", [va_start, va_end) ranges, in
 * two balanced trees (lib/avltree.c), both ordered by address:
 *
 *   busy tree  the live areas: find the area of an address in O(log n)
 *              (vfree, vmalloc_to_page, the page-fault report);
 *   free tree  the free ranges, each node also keeping the size of the
 *              largest free range in its subtree ("subtree_max_size").
 *              That augmentation finds the lowest free range that fits a
 *              request in O(log n): go left while the left subtree has a
 *              big enough range, else take this node if it fits, else go
 *              right.
 *
 * Every area gets one extra page at its end that is never mapped: the
 * guard page.  Running off the end of a vmalloc buffer faults there
 * instead of scribbling over the next area, and the page-fault report
 * names the area ("vmalloc guard page of area ...").
 *
 * vfree() unmaps the area (flushing this CPU's TLB) and frees its frames
 * at once, but its address range goes to a "lazy" list first and returns to
 * the free tree in batches (purge_vmap_area_lazy(), also called when
 * memory or address space runs short).  Besides batching the tree work,
 * this keeps a just-freed address unused for a while, so a use after
 * vfree() faults rather than landing in somebody else's new area.
 *
 * Each kind of area has its own undo: vfree() for vmalloc (VM_ALLOC),
 * iounmap() for ioremap (VM_IOREMAP), vunmap() or free_vm_area() for
 * vmap and get_vm_area; vfree() also refuses a live task's stack.  A
 * wrong call is reported (WARN) and changes nothing.
 *
 * Many CPUs, and the TLB.  vfree() clears the area's PTEs and flushes
 * only its own CPU's TLB.  Another CPU that read through the area still
 * holds the old translation, to a frame that is free now and may be
 * anyone's: harmless while the address means nothing (a use after
 * vfree() is a bug anyway), wrong once the range is handed out again.
 * So purge_vmap_area_lazy(), before it gives ranges back to the free
 * tree, asks every CPU by IPI to flush them (flush_tlb_kernel_range(),
 * the "TLB shootdown"); the lazy list makes that one round of IPIs per
 * batch of areas, not one per vfree():
 *
 *	CPU 0: vfree(p)   PTEs cleared, own TLB flushed, range -> lazy list
 *	CPU 1: TLB still maps p -> the old frame
 *	purge:            IPI: every CPU flushes [start, end) of the batch,
 *	                  then the ranges return to the free tree
 *	CPU 0: vmalloc()  may get p again: CPU 1 sees the new frame
 *
 * Locking:
 *
 *   vmap_area_lock     (a spinlock, interrupts off: vfree() may run in an
 *                       interrupt; Linux's vmap_area_lock,
 *                       free_vmap_area_lock and purge lock) protects the
 *                       busy tree, the free tree with its subtree_max_size
 *                       fields, the lazy list, nr_busy and nr_lazy.  A
 *                       lookup walks a tree only under it, or a rotation
 *                       could move nodes under it.  nr_vmalloc_pages is
 *                       changed atomically.  The purge takes its batch
 *                       off the lazy list, drops the lock for the IPIs,
 *                       and takes it again to free the ranges.
 *   the area's owner   a busy area's vm_struct and the PTEs of its range
 *                       belong to whoever vmalloc()ed (vmap()ed ...) it
 *                       until it is freed; they are zero until the owner
 *                       fills them in, just after the area goes in the
 *                       busy tree.  Its frames are allocated and mapped
 *                       with interrupts on (GFP_KERNEL may sleep).
 *   pgtable_lock       (mm/pgtable.c) the upper levels of the page tables:
 *                       two CPUs mapping areas in one 2 MiB range install
 *                       one PTE table, the loser frees its spare.
 *
 * Lock order: vmap_area_lock, then the slab allocator's list_lock
 * (vmap_area nodes: GFP_ATOMIC under it), then the page allocator's
 * zone->lock.  No tree is touched under pgtable_lock, and pgtable_lock is
 * never taken under vmap_area_lock: the mapping is done after it is
 * dropped.  No IPI is sent with vmap_area_lock held, nor from a context
 * that cannot wait for one (interrupts off, hard interrupt): a purge
 * there leaves the ranges on the lazy list for the next one.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/avltree.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/kasan.h>
#include <linux/kmemleak.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/tlbflush.h>
#include <asm/traps.h>
#include <kernel/page_alloc.h>
#include <kernel/pgtable.h>
#include <kernel/vmalloc_stats.h>

#define LAZY_MAX_AREAS	256	/* purge once this many wait */
#define GFP_META(gfp)	(((gfp) & (__GFP_RECLAIM | __GFP_IO | __GFP_FS | \
				   __GFP_NOWARN | __GFP_NORETRY)) | __GFP_NOWARN)

struct vmap_area {
	unsigned long va_start, va_end;	/* [start, end): guard page included */
	unsigned long subtree_max_size;	/* free tree: largest range below */
	struct avl_node node;		/* in the busy or the free tree */
	struct list_head lazy;		/* on the lazy list after vfree() */
	struct vm_struct vm;
};

static void free_tree_propagate(struct avl_node *n);

static struct avl_root busy_tree = AVL_ROOT_INIT(NULL);
static struct avl_root free_tree = AVL_ROOT_INIT(free_tree_propagate);
static LIST_HEAD(lazy_list);
static unsigned long nr_lazy, nr_busy, nr_vmalloc_pages;
static DEFINE_SPINLOCK(vmap_area_lock);
bool vmalloc_skip_tlb_shootdown;	/* test hook: purge without the IPIs */
static struct kmem_cache *vmap_area_cachep;

static inline struct vmap_area *va_of(struct avl_node *n)
{
	return n ? avl_entry(n, struct vmap_area, node) : NULL;
}

static inline unsigned long va_size(const struct vmap_area *va)
{
	return va->va_end - va->va_start;
}

static inline unsigned long subtree_max(struct avl_node *n)
{
	return n ? va_of(n)->subtree_max_size : 0;
}

static void free_tree_propagate(struct avl_node *n)
{
	struct vmap_area *va = va_of(n);

	va->subtree_max_size = max(va_size(va),
				   max(subtree_max(n->left), subtree_max(n->right)));
}

/* Insert @va into @root by address (ranges never overlap). */
static void tree_insert(struct avl_root *root, struct vmap_area *va)
{
	struct avl_node **link = &root->node, *parent = NULL;

	while (*link) {
		parent = *link;
		link = va->va_start < va_of(parent)->va_start ?
		       &parent->left : &parent->right;
	}
	avl_link_node(&va->node, parent, link);
	avl_insert_fixup(root, &va->node);
}

/*
 * The area of @root that contains @addr, or NULL.  The trees change only
 * with interrupts off (no interrupt, no preemption: nobody else runs), so
 * a lookup must run with interrupts off too, or a task preempted in the
 * middle of its walk may resume on a tree that was rotated under it.
 */
static struct vmap_area *tree_find(struct avl_root *root, unsigned long addr)
{
	struct avl_node *n = root->node;

	while (n) {
		struct vmap_area *va = va_of(n);

		if (addr < va->va_start)
			n = n->left;
		else if (addr >= va->va_end)
			n = n->right;
		else
			return va;
	}
	return NULL;
}

/* ---- the free tree ------------------------------------------------------------ */

/* The lowest free range that can hold @size bytes aligned to @align. */
static struct vmap_area *find_lowest_fit(unsigned long size, unsigned long align)
{
	unsigned long length = size + align - PAGE_SIZE;	/* fits any alignment */
	struct avl_node *n = free_tree.node;

	if (subtree_max(n) < length)
		return NULL;
	while (n) {
		struct vmap_area *va = va_of(n);

		if (subtree_max(n->left) >= length) {
			n = n->left;
		} else if (ALIGN(va->va_start, align) + size <= va->va_end) {
			return va;
		} else {
			n = n->right;
		}
	}
	return NULL;
}

/*
 * The lowest free range at or above @lo (in the subtree @n) that can hold
 * @size bytes aligned to @align.  A node below @lo has its whole left
 * subtree below @lo too, so only its right subtree is searched.  The
 * module area (MODULES_VADDR..) is the only caller: its free ranges sit
 * in the same tree as the vmalloc region's, above all of them.
 */
static struct vmap_area *find_fit_above(struct avl_node *n, unsigned long lo,
					unsigned long size, unsigned long align)
{
	struct vmap_area *va, *fit;

	if (!n || subtree_max(n) < size)
		return NULL;
	va = va_of(n);
	if (va->va_start >= lo) {
		fit = find_fit_above(n->left, lo, size, align);
		if (fit)
			return fit;
		if (ALIGN(va->va_start, align) + size <= va->va_end)
			return va;
	}
	return find_fit_above(n->right, lo, size, align);
}

/* Carve [addr, addr + size) out of the free range @va. */
static int clip_free_range(struct vmap_area *va, unsigned long addr,
			   unsigned long size)
{
	unsigned long end = addr + size;
	struct vmap_area *rest;

	if (addr == va->va_start && end == va->va_end) {
		avl_erase(&free_tree, &va->node);
		kmem_cache_free(vmap_area_cachep, va);
	} else if (addr == va->va_start) {
		va->va_start = end;
		avl_propagate_up(&free_tree, &va->node);
	} else if (end == va->va_end) {
		va->va_end = addr;
		avl_propagate_up(&free_tree, &va->node);
	} else {
		/* in the middle: split in two */
		rest = kmem_cache_alloc(vmap_area_cachep, GFP_ATOMIC | __GFP_NOWARN);
		if (!rest)
			return -ENOMEM;
		rest->va_start = end;
		rest->va_end = va->va_end;
		va->va_end = addr;
		avl_propagate_up(&free_tree, &va->node);
		tree_insert(&free_tree, rest);
	}
	return 0;
}

/* Give [va_start, va_end) of @va back to the free tree, merging neighbours. */
static void free_range_merge(struct vmap_area *va)
{
	/* LAB(vmalloc) BEGIN merge: insert, then merge with the next and previous ranges */
	struct vmap_area *prev, *next;

	tree_insert(&free_tree, va);
	next = va_of(avl_next(&va->node));
	if (next && next->va_start == va->va_end) {
		va->va_end = next->va_end;
		avl_erase(&free_tree, &next->node);
		kmem_cache_free(vmap_area_cachep, next);
		avl_propagate_up(&free_tree, &va->node);
	}
	prev = va_of(avl_prev(&va->node));
	if (prev && prev->va_end == va->va_start) {
		prev->va_end = va->va_end;
		avl_erase(&free_tree, &va->node);
		kmem_cache_free(vmap_area_cachep, va);
		avl_propagate_up(&free_tree, &prev->node);
	}
	/* LAB(vmalloc) END merge */
}

/**
 * purge_vmap_area_lazy - return lazily freed ranges to the free tree
 *
 * Every CPU first drops its TLB entries of the ranges (flush_tlb_kernel_range(),
 * an IPI to each): vfree() cleared the PTEs and flushed only its own
 * CPU, and another CPU that read through an address keeps its stale
 * translation, to the freed frame, until then.  A range handed out again
 * before that flush would show that CPU the old frame.  Where the IPIs
 * cannot be waited for (interrupts off, hard interrupt) nothing is
 * purged: the ranges wait for the next purge.
 *
 * Return: the ranges given back.
 * Context: Process context (memory reclaim calls it); any context does
 * nothing harmful.
 */
unsigned long purge_vmap_area_lazy(void)
{
	struct vmap_area *va, *n;
	unsigned long flags, purged = 0, start = ULONG_MAX, end = 0;
	LIST_HEAD(purge);

	/* no shootdown possible here: the ranges wait for a later purge */
	if (num_online_cpus() > 1 && (irqs_disabled() || in_hardirq()))
		return 0;
	spin_lock_irqsave(&vmap_area_lock, flags);
	list_for_each_entry_safe(va, n, &lazy_list, lazy)
		list_move_tail(&va->lazy, &purge);
	nr_lazy = 0;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (list_empty(&purge))
		return 0;

	/* every CPU forgets the old translations before the ranges are reused */
	list_for_each_entry(va, &purge, lazy) {
		start = min(start, va->va_start);
		end = max(end, va->va_end);
	}
	if (unlikely(vmalloc_skip_tlb_shootdown))
		local_flush_tlb_kernel_range(start, end);
	else
		flush_tlb_kernel_range(start, end);

	spin_lock_irqsave(&vmap_area_lock, flags);
	list_for_each_entry_safe(va, n, &purge, lazy) {
		list_del(&va->lazy);
		free_range_merge(va);
		purged++;
	}
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return purged;
}

/* ---- areas ------------------------------------------------------------------ */

/* Reserve @size bytes (guard included) of address space, aligned. */
static struct vmap_area *alloc_vmap_area(unsigned long size, unsigned long align,
					 gfp_t gfp, bool module)
{
	struct vmap_area *va, *free;
	unsigned long flags, addr;
	bool purged = false;

	va = kmem_cache_alloc(vmap_area_cachep, GFP_META(gfp));
	if (!va)
		return NULL;
	memset(&va->vm, 0, sizeof(va->vm));	/* until its owner fills it in */
retry:
	spin_lock_irqsave(&vmap_area_lock, flags);
	if (module)
		free = find_fit_above(free_tree.node, MODULES_VADDR, size, align);
	else
		free = find_lowest_fit(size, align);
	if (free && !module && free->va_start > VMALLOC_END)
		free = NULL;		/* only the module area is left */
	if (!free) {
		spin_unlock_irqrestore(&vmap_area_lock, flags);
		if (!purged && nr_lazy) {
			purge_vmap_area_lazy();
			purged = true;
			goto retry;
		}
		kmem_cache_free(vmap_area_cachep, va);
		return NULL;
	}
	addr = ALIGN(free->va_start, align);
	if (clip_free_range(free, addr, size)) {
		spin_unlock_irqrestore(&vmap_area_lock, flags);
		kmem_cache_free(vmap_area_cachep, va);
		return NULL;
	}
	va->va_start = addr;
	va->va_end = addr + size;
	tree_insert(&busy_tree, va);
	nr_busy++;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	return va;
}

/* Take @va out of the busy tree and put its range on the lazy list. */
static void free_vmap_area_lazy(struct vmap_area *va)
{
	unsigned long flags;
	bool purge;

	spin_lock_irqsave(&vmap_area_lock, flags);
	avl_erase(&busy_tree, &va->node);
	nr_busy--;
	list_add_tail(&va->lazy, &lazy_list);
	purge = ++nr_lazy >= LAZY_MAX_AREAS;
	spin_unlock_irqrestore(&vmap_area_lock, flags);
	if (purge)
		purge_vmap_area_lazy();
}

static unsigned long mapped_size(const struct vmap_area *va);

/* Describe the area @va covers (its size includes the guard page). */
static void init_vm(struct vmap_area *va, unsigned long flags,
		    struct page **pages, unsigned int nr_pages, const void *caller)
{
	va->vm.addr = (void *)va->va_start;
	va->vm.size = va_size(va);
	va->vm.flags = flags;
	va->vm.pages = pages;
	va->vm.nr_pages = nr_pages;
	va->vm.caller = caller;
	/* KASAN=1: valid to the guard page, which is not */
	kasan_unpoison_vmalloc(va->vm.addr, mapped_size(va), mapped_size(va));
}

/**
 * find_vm_area - the live area that contains @addr
 * @addr: an address in the vmalloc region
 *
 * Context: Any context.
 */
struct vm_struct *find_vm_area(const void *addr)
{
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = tree_find(&busy_tree, (unsigned long)addr);
	spin_unlock_irqrestore(&vmap_area_lock, flags);

	return va ? &va->vm : NULL;
}

static unsigned long mapped_size(const struct vmap_area *va)
{
	return va_size(va) - ((va->vm.flags & VM_NO_GUARD) ? 0 : PAGE_SIZE);
}

static void vmalloc_fail(gfp_t gfp, unsigned long size, const char *why)
{
	if (gfp & __GFP_NOWARN)
		return;
	pr_warn("%s: vmalloc error: size %lu, %s, mode:%#x(%pGg)\n",
		current->comm, size, why, gfp, &gfp);
	dump_stack();
}

/* nr_vmalloc_pages += @delta (a read-modify-write: not to be preempted). */
static void count_vmalloc_pages(long delta)
{
	__atomic_add_fetch(&nr_vmalloc_pages, delta, __ATOMIC_RELAXED);
}

/* Free the frames of a vmalloc area (and its pages array). */
static void free_area_pages(struct vm_struct *vm, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++) {
		__ClearPageVmalloc(vm->pages[i]);
		__free_page(vm->pages[i]);
	}
	count_vmalloc_pages(-(long)nr);
	kvfree(vm->pages);
	vm->pages = NULL;
}

/**
 * vmalloc_node_caller - the one vmalloc all the others call
 * @size: bytes (rounded up to whole pages)
 * @align: alignment of the start, a power of two >= PAGE_SIZE
 * @gfp_mask: for the frames (__GFP_ZERO zeroes them)
 * @caller: recorded for vmallocinfo and fault reports
 *
 * Return: the start of the area, or NULL.
 * Context: Process context (may sleep).
 */
static void *__vmalloc_area(unsigned long size, unsigned long align,
			    gfp_t gfp_mask, bool module, const void *caller);

void *vmalloc_node_caller(unsigned long size, unsigned long align,
			  gfp_t gfp_mask, const void *caller)
{
	return __vmalloc_area(size, align, gfp_mask, false, caller);
}

/* vmalloc_node_caller(), in the vmalloc region or (@module) the module area. */
static void *__vmalloc_area(unsigned long size, unsigned long align,
			    gfp_t gfp_mask, bool module, const void *caller)
{
	unsigned long nr_pages, i, requested = size;
	struct vmap_area *va;
	struct vm_struct *vm;

	might_sleep();
	if (!size || size > VMALLOC_END - VMALLOC_START)
		goto too_big;
	size = PAGE_ALIGN(size);
	nr_pages = size >> PAGE_SHIFT;
	align = max(align, PAGE_SIZE);

	va = alloc_vmap_area(size + PAGE_SIZE, align, gfp_mask, module);
	if (!va) {
		vmalloc_fail(gfp_mask, size, "vm_struct allocation failed");
		return NULL;
	}
	vm = &va->vm;
	init_vm(va, VM_ALLOC, NULL, 0, caller);
	vm->pages = kvmalloc_array(nr_pages, sizeof(struct page *),
				   GFP_META(gfp_mask));
	if (!vm->pages)
		goto fail;
	kmemleak_ignore(vm->pages);	/* only the vmap_area points to it */
	for (i = 0; i < nr_pages; i++) {
		struct page *page = alloc_page((gfp_mask & ~__GFP_DMA32) |
					       __GFP_NOWARN);

		if (!page)
			break;
		__SetPageVmalloc(page);
		vm->pages[i] = page;
	}
	count_vmalloc_pages(i);
	if (i < nr_pages) {
		free_area_pages(vm, i);
		vmalloc_fail(gfp_mask, size, "failed to allocate pages");
		goto release;
	}
	vm->nr_pages = nr_pages;
	if (vmap_pages_range(va->va_start, va->va_start + size,
			     PAGE_KERNEL_PROT, vm->pages)) {
		free_area_pages(vm, nr_pages);
		vmalloc_fail(gfp_mask, size, "failed to map pages");
		goto release;
	}
	kasan_unpoison_vmalloc(vm->addr, requested, size);	/* the tail is not */
	kmemleak_alloc(vm->addr, size, 1, gfp_mask);
	return vm->addr;

fail:
	vmalloc_fail(gfp_mask, size, "failed to allocate the page array");
release:
	free_vmap_area_lazy(va);
	return NULL;
too_big:
	vmalloc_fail(gfp_mask, size, size ? "larger than the vmalloc region" :
		     "zero size");
	return NULL;
}

/**
 * vmalloc - allocate virtually contiguous memory
 * @size: bytes
 *
 * Return: the memory (page aligned, followed by an unmapped guard page),
 * or NULL; vmalloc(0) is NULL.
 * Context: Process context (may sleep).
 */
void *vmalloc(unsigned long size)
{
	return vmalloc_node_caller(size, PAGE_SIZE, GFP_KERNEL,
				   __builtin_return_address(0));
}
EXPORT_SYMBOL(vmalloc);

/**
 * vzalloc - allocate zeroed virtually contiguous memory
 * @size: bytes
 *
 * Return: the memory, or NULL.
 * Context: Process context (may sleep).
 */
void *vzalloc(unsigned long size)
{
	return vmalloc_node_caller(size, PAGE_SIZE, GFP_KERNEL | __GFP_ZERO,
				   __builtin_return_address(0));
}
EXPORT_SYMBOL(vzalloc);

/**
 * __vmalloc - vmalloc with GFP flags for the frames
 * @size: bytes
 * @gfp_mask: e.g. GFP_KERNEL | __GFP_ZERO, or GFP_KERNEL | __GFP_NOWARN
 *
 * Return: the memory, or NULL.
 * Context: Process context (may sleep).
 */
void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
	return vmalloc_node_caller(size, PAGE_SIZE, gfp_mask,
				   __builtin_return_address(0));
}
EXPORT_SYMBOL(__vmalloc);

/* The live area that starts exactly at @addr, or a warning and NULL. */
static struct vmap_area *find_area_to_free(const void *addr, const char *who)
{
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);
	va = tree_find(&busy_tree, (unsigned long)addr);
	spin_unlock_irqrestore(&vmap_area_lock, flags);

	if (!va || va->va_start != (unsigned long)addr) {
		WARN(1, "Trying to %s() nonexistent vm area (%px)\n", who, addr);
		return NULL;
	}
	return va;
}

/*
 * Which undo an area takes: VM_ALLOC (vfree), VM_IOREMAP (iounmap), or
 * VM_MAP (vunmap, free_vm_area) for vmap and get_vm_area areas.
 */
static unsigned long area_class(unsigned long flags)
{
	return (flags & VM_ALLOC) ? VM_ALLOC :
	       (flags & VM_IOREMAP) ? VM_IOREMAP : VM_MAP;
}

/* What made an area, as vmallocinfo names it (get_vm_area: "vmap"). */
static const char *area_kind(unsigned long flags)
{
	return (flags & VM_ALLOC) ? "vmalloc" :
	       (flags & VM_IOREMAP) ? "ioremap" : "vmap";
}

static const char *area_release_fn(unsigned long flags)
{
	return (flags & VM_ALLOC) ? "vfree" :
	       (flags & VM_IOREMAP) ? "iounmap" : "vunmap";
}

/* The live task whose kernel stack is the area at @addr, or NULL. */
static struct task_struct *stack_owner(unsigned long addr)
{
	struct task_struct *t, *owner = NULL;
	unsigned long flags;

	local_irq_save(flags);
	list_for_each_entry(t, &task_list, tasks) {
		if ((unsigned long)t->stack == addr) {
			owner = t;
			break;
		}
	}
	local_irq_restore(flags);
	return owner;
}

/*
 * May @who release @va?  Each kind of area has its own undo (an ioremap
 * area holds no frames for vfree() to free, a vmap area's frames are its
 * caller's), and a task's stack is freed by whoever reaps the task, after
 * it is off the task list: unmapping a stack that a task still runs on
 * (maybe the caller's own) kills the kernel at its next push.  A refusal
 * is a WARN naming the area, and nothing changes.
 */
static bool may_release(struct vmap_area *va, const char *who,
			unsigned long kind)
{
	struct task_struct *owner;

	if (area_class(va->vm.flags) != kind) {
		WARN(1, "Trying to %s() %s area %px-%px (allocated at %pS): use %s()\n",
		     who, area_kind(va->vm.flags), (void *)va->va_start,
		     (void *)va->va_end, va->vm.caller,
		     area_release_fn(va->vm.flags));
		return false;
	}
	owner = stack_owner(va->va_start);
	if (owner) {
		WARN(1, "Trying to %s() the stack of live task %s/%d (%px-%px)\n",
		     who, owner->comm, owner->pid, (void *)va->va_start,
		     (void *)va->va_end);
		return false;
	}
	return true;
}

/*
 * Unmap the live area that starts at @addr, made by the function that
 * @kind stands for, and give its range back (lazily).  vfree() frees the
 * frames of a vmalloc area; the others leave frames alone, as Linux's do.
 */
static void release_area(const void *addr, const char *who, unsigned long kind)
{
	struct vmap_area *va;

	if (!addr)
		return;
	va = find_area_to_free(addr, who);
	if (!va || !may_release(va, who, kind))
		return;
	if (kind == VM_ALLOC)
		kmemleak_free(addr);	/* before the pages go */
	kasan_poison_vmalloc((void *)va->va_start, va_size(va));
	vunmap_range(va->va_start, va->va_start + mapped_size(va));
	if (kind == VM_ALLOC)
		free_area_pages(&va->vm, va->vm.nr_pages);
	free_vmap_area_lazy(va);
}

/**
 * vfree - free memory from vmalloc
 * @addr: what vmalloc() returned; NULL is ignored
 *
 * An address that is not the start of a live area is reported and
 * nothing changes.
 *
 * Context: Process context.
 */
void vfree(const void *addr)
{
	might_sleep_if(!in_interrupt());
	release_area(addr, "vfree", VM_ALLOC);
}
EXPORT_SYMBOL(vfree);

/**
 * vmap - map an array of frames into contiguous virtual space
 * @pages: the frames (they stay the caller's)
 * @count: how many
 * @flags: VM_MAP
 * @prot: PAGE_KERNEL, PAGE_KERNEL_RO ...
 *
 * Return: the address, or NULL.
 * Context: Process context (may sleep).
 */
void *vmap(struct page **pages, unsigned int count, unsigned long flags,
	   pgprot_t prot)
{
	struct vmap_area *va;
	unsigned long size = (unsigned long)count << PAGE_SHIFT;

	if (!count)
		return NULL;
	might_sleep();
	va = alloc_vmap_area(size + PAGE_SIZE, PAGE_SIZE, GFP_KERNEL, false);
	if (!va) {
		vmalloc_fail(GFP_KERNEL, size, "vm_struct allocation failed");
		return NULL;
	}
	init_vm(va, VM_MAP | (flags & ~VM_ALLOC), pages, count,
		__builtin_return_address(0));
	if (vmap_pages_range(va->va_start, va->va_start + size, prot, pages)) {
		free_vmap_area_lazy(va);
		return NULL;
	}
	return va->vm.addr;
}
EXPORT_SYMBOL(vmap);

/**
 * vunmap - undo vmap(): unmap, keep the frames
 * @addr: what vmap() returned
 *
 * Context: Process context.
 */
void vunmap(const void *addr)
{
	release_area(addr, "vunmap", VM_MAP);
}
EXPORT_SYMBOL(vunmap);

/**
 * ioremap - map device memory (MMIO) into the vmalloc region, uncached
 * @phys_addr: physical address of the device's registers
 * @size: bytes
 *
 * Return: the virtual address (with @phys_addr's offset in its page), or
 * NULL.
 * Context: Process context or boot (may sleep).
 */
void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	unsigned long offset = phys_addr & ~PAGE_MASK;
	struct vmap_area *va;

	size = PAGE_ALIGN(size + offset);
	phys_addr -= offset;
	va = alloc_vmap_area(size + PAGE_SIZE, PAGE_SIZE, GFP_KERNEL, false);
	if (!va)
		return NULL;
	init_vm(va, VM_IOREMAP, NULL, 0, __builtin_return_address(0));
	if (vmap_phys_range(va->va_start, va->va_start + size, phys_addr,
			    PAGE_KERNEL_PROT | _PAGE_PCD | _PAGE_PWT)) {
		free_vmap_area_lazy(va);
		return NULL;
	}
	return (void __iomem *)(va->va_start + offset);
}
EXPORT_SYMBOL(ioremap);

/**
 * iounmap - undo ioremap()
 * @addr: what ioremap() returned
 *
 * Context: Process context.
 */
void iounmap(volatile void __iomem *addr)
{
	release_area((void *)((unsigned long)addr & PAGE_MASK), "iounmap",
		     VM_IOREMAP);
}
EXPORT_SYMBOL(iounmap);

/**
 * get_vm_area - reserve address space in the vmalloc region, map nothing
 * @size: bytes (rounded up to whole pages; a guard page follows)
 * @flags: kept in the area (0, or VM_MAP for a caller that maps it itself)
 *
 * The caller maps what it wants in the range (vmap_pages_range()) and
 * gives it back with free_vm_area(), which unmaps whatever is mapped.
 *
 * Return: the area, or NULL.
 * Context: Process context (may sleep).
 */
struct vm_struct *get_vm_area(unsigned long size, unsigned long flags)
{
	struct vmap_area *va;

	might_sleep();
	if (!size || size > VMALLOC_END - VMALLOC_START)
		return NULL;
	size = PAGE_ALIGN(size);
	va = alloc_vmap_area(size + PAGE_SIZE, PAGE_SIZE, GFP_KERNEL, false);
	if (!va)
		return NULL;
	init_vm(va, flags & ~(VM_ALLOC | VM_IOREMAP), NULL, 0,
		__builtin_return_address(0));
	return &va->vm;
}
EXPORT_SYMBOL_GPL(get_vm_area);

/**
 * free_vm_area - undo get_vm_area(): unmap the range, give it back
 * @area: what get_vm_area() returned
 *
 * Context: Process context.
 */
void free_vm_area(struct vm_struct *area)
{
	if (area)
		release_area(area->addr, "free_vm_area", VM_MAP);
}
EXPORT_SYMBOL_GPL(free_vm_area);

/**
 * module_alloc - memory for a loadable module, in the module area
 * @size: bytes (rounded up to whole pages; a guard page follows)
 * @caller: recorded for vmallocinfo (the loader names the module)
 *
 * Like vmalloc(), but between MODULES_VADDR and MODULES_END, within 2 GiB
 * of the kernel image, so that the module's -mcmodel=kernel code reaches
 * the kernel with 32-bit relocations.  Mapped read-write and
 * non-executable; module_set_prot() gives each part its permissions.
 * Freed with vfree().
 *
 * Return: the memory, or NULL.
 * Context: Process context (may sleep).
 */
void *module_alloc(unsigned long size, const void *caller)
{
	static bool module_area_ready;
	unsigned long flags;

	if (size > MODULES_END - MODULES_VADDR)
		return NULL;
	/*
	 * The module area joins the free tree at the first module load (the
	 * vmalloc region alone until then: one free range, as its tests
	 * expect).  It is never adjacent to the vmalloc region's ranges, so
	 * the two never merge.
	 */
	if (!READ_ONCE(module_area_ready)) {
		struct vmap_area *va = kmem_cache_alloc(vmap_area_cachep,
							GFP_KERNEL);

		if (!va)
			return NULL;
		va->va_start = MODULES_VADDR;
		va->va_end = MODULES_END;
		spin_lock_irqsave(&vmap_area_lock, flags);
		if (!module_area_ready) {
			tree_insert(&free_tree, va);
			module_area_ready = true;
			va = NULL;
		}
		spin_unlock_irqrestore(&vmap_area_lock, flags);
		if (va)
			kmem_cache_free(vmap_area_cachep, va);
	}
	return __vmalloc_area(size, PAGE_SIZE, GFP_KERNEL | __GFP_NOWARN, true,
			      caller);
}

/**
 * module_set_prot - change the page permissions of part of a module area
 * @addr: page-aligned, inside an area from module_alloc()
 * @size: bytes (whole pages), inside the same area
 * @prot: PAGE_KERNEL_RO, PAGE_KERNEL_ROX, PAGE_KERNEL_PROT ...
 *
 * Rewrites the PTEs of the pages (the frames stay) and flushes the TLB.
 *
 * Return: 0, or -EINVAL when the range is not inside one module area.
 * Context: Process context.
 */
int module_set_prot(const void *addr, unsigned long size, pgprot_t prot)
{
	unsigned long start = (unsigned long)addr, first;
	struct vm_struct *vm = find_vm_area(addr);

	if (!vm || start < MODULES_VADDR || start % PAGE_SIZE ||
	    size % PAGE_SIZE || !(vm->flags & VM_ALLOC))
		return -EINVAL;
	first = (start - (unsigned long)vm->addr) >> PAGE_SHIFT;
	if (first + (size >> PAGE_SHIFT) > vm->nr_pages)
		return -EINVAL;
	if (!size)
		return 0;
	if (vmap_pages_range(start, start + size, prot, vm->pages + first))
		return -ENOMEM;	/* cannot happen: the tables are there */
	flush_tlb_kernel_range(start, start + size);
	return 0;
}

/**
 * vmalloc_to_page - the frame behind a vmalloc address
 * @addr: any address inside a vmalloc or vmap area
 *
 * Walks the live page tables.
 *
 * Return: its struct page, or NULL when nothing is mapped there.
 * Context: Any context.
 */
struct page *vmalloc_to_page(const void *addr)
{
	phys_addr_t pa;

	if (!is_vmalloc_addr(addr))
		return NULL;
	pa = pgtable_virt_to_phys((unsigned long)addr);
	if (pa == (phys_addr_t)-1 || PHYS_PFN(pa) >= max_pfn)
		return NULL;
	return pfn_to_page(PHYS_PFN(pa));
}
EXPORT_SYMBOL(vmalloc_to_page);

/**
 * vmalloc_to_pfn - the frame number behind a vmalloc address
 * @addr: an address inside a vmalloc or vmap area
 *
 * Context: Any context.
 */
unsigned long vmalloc_to_pfn(const void *addr)
{
	struct page *page = vmalloc_to_page(addr);

	return page ? page_to_pfn(page) : 0;
}
EXPORT_SYMBOL(vmalloc_to_pfn);

/* ---- reports ------------------------------------------------------------------- */

/*
 * The page-fault report's note for addresses in the vmalloc region: the
 * area the fault hit, its guard page, a freed area, or no area at all.
 */
static void vmalloc_fault_note(unsigned long address)
{
	struct vmap_area *va;

	if (!is_vmalloc_addr((void *)address))
		return;
	va = tree_find(&busy_tree, address);
	if (va && address >= va->va_start + mapped_size(va)) {
		pr_alert("vmalloc guard page of area %#lx-%#lx (%lu bytes) allocated at %pS\n",
			 va->va_start, va->va_start + mapped_size(va),
			 mapped_size(va), va->vm.caller);
		return;
	}
	if (va) {
		pr_alert("address is in vmalloc area %#lx-%#lx (%lu bytes) allocated at %pS\n",
			 va->va_start, va->va_start + mapped_size(va),
			 mapped_size(va), va->vm.caller);
		return;
	}
	list_for_each_entry(va, &lazy_list, lazy) {
		if (address >= va->va_start && address < va->va_end) {
			pr_alert("address is in vmalloc area %#lx-%#lx, freed by vfree(): use after free? (allocated at %pS)\n",
				 va->va_start, va->va_end - PAGE_SIZE, va->vm.caller);
			return;
		}
	}
	pr_alert("address %#lx is in the vmalloc region but in no vmalloc area\n",
		 address);
}

/**
 * vmallocinfo_show - /proc/vmallocinfo
 * @s: where the text goes
 *
 * "0xSTART-0xEND    SIZE CALLER pages=N vmalloc" per live area, in
 * address order (SIZE includes the guard page, as in Linux), then the
 * lazily freed ranges as "unpurged vm_area".
 *
 * Context: Any context.
 */
void vmallocinfo_show(struct seq_buf *s)
{
	struct avl_node *n;
	struct vmap_area *va;
	unsigned long flags;

	spin_lock_irqsave(&vmap_area_lock, flags);		/* a stable picture of both lists */
	for (n = avl_first(&busy_tree); n; n = avl_next(n)) {
		va = va_of(n);
		seq_buf_printf(s, "0x%016lx-0x%016lx %7lu %pS pages=%u %s\n",
			       va->va_start, va->va_end, va_size(va),
			       va->vm.caller, va->vm.nr_pages,
			       area_kind(va->vm.flags));
	}
	list_for_each_entry(va, &lazy_list, lazy)
		seq_buf_printf(s, "0x%016lx-0x%016lx %7lu unpurged vm_area\n",
			       va->va_start, va->va_end, va_size(va));
	spin_unlock_irqrestore(&vmap_area_lock, flags);
}

void show_vmallocinfo(void)
{
	static char buf[16384];
	struct seq_buf s;

	seq_buf_init(&s, buf, sizeof(buf));
	vmallocinfo_show(&s);
	seq_buf_print_lines(&s);
}

unsigned long vmalloc_nr_areas(void)
{
	return nr_busy;
}

unsigned long vmalloc_nr_pages(void)
{
	return nr_vmalloc_pages;
}

int vmalloc_free_tree_height(void)
{
	return avl_height(&free_tree);
}

int vmalloc_busy_tree_height(void)
{
	return avl_height(&busy_tree);
}

unsigned long vmalloc_largest_free(void)
{
	return subtree_max(free_tree.node);
}

/**
 * vmalloc_init - the whole vmalloc region becomes one free range
 *
 * Context: Boot, after kmem_cache_init().
 */
void vmalloc_init(void)
{
	struct vmap_area *va;

	/*
	 * The free tree's nodes come and go with fragmentation, not with
	 * anybody's allocation: keep them out of the leak check.
	 */
	vmap_area_cachep = kmem_cache_create("vmap_area", sizeof(struct vmap_area),
					     0, SLAB_PANIC | SLAB_NOLEAKTRACE, NULL);
	va = kmem_cache_alloc(vmap_area_cachep, GFP_KERNEL);
	if (!va)
		panic("vmalloc_init: no memory");
	va->va_start = VMALLOC_START;
	va->va_end = VMALLOC_END + 1;
	tree_insert(&free_tree, va);
	register_page_fault_note(vmalloc_fault_note);
	register_reclaim_hook(purge_vmap_area_lazy);
	pr_info("vmalloc: %#lx-%#lx (%lu GiB), one guard page per area\n",
		VMALLOC_START, VMALLOC_END, (VMALLOC_END - VMALLOC_START + 1) >> 30);
}
