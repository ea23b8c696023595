// SPDX-License-Identifier: GPL-2.0
/*
 * mm/util.c - kvmalloc and friends: kmalloc when it can, vmalloc when it
 * must.
 *
 * The rules are the 5.4 kernel's (the book's):
 *   - a page or less: kmalloc only (vmalloc would waste a page-table walk
 *     and a guard page on something kmalloc does well);
 *   - larger: kmalloc first, told not to try hard or warn
 *     (__GFP_NORETRY | __GFP_NOWARN), since a physically contiguous block
 *     is a luxury here; if that fails, vmalloc;
 *   - flags that are not GFP_KERNEL-compatible (GFP_ATOMIC, GFP_NOWAIT,
 *     GFP_NOIO ...): kmalloc only, because vmalloc may sleep and
 *     allocates its own metadata with GFP_KERNEL.
 * kvfree() looks at the address to know which of the two to call.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>

/**
 * kvmalloc - allocate memory, physically contiguous if possible
 * @size: bytes
 * @flags: GFP flags; only GFP_KERNEL-compatible ones may fall back to vmalloc
 *
 * Return: the memory, or NULL.
 * Context: Process context with GFP_KERNEL; any context with GFP_ATOMIC
 * (kmalloc only, then).
 */
void *kvmalloc(size_t size, gfp_t flags)
{
	gfp_t kmalloc_flags = flags;
	void *ret;

	if ((flags & GFP_KERNEL) != GFP_KERNEL)
		return kmalloc(size, flags);
	if (size > PAGE_SIZE) {
		kmalloc_flags |= __GFP_NOWARN;
		if (!(kmalloc_flags & __GFP_RETRY_MAYFAIL))
			kmalloc_flags |= __GFP_NORETRY;
	}
	ret = kmalloc(size, kmalloc_flags);
	if (ret || size <= PAGE_SIZE)
		return ret;
	return vmalloc_node_caller(size, PAGE_SIZE, flags,
				   __builtin_return_address(0));
}
EXPORT_SYMBOL(kvmalloc);

/**
 * kvzalloc - kvmalloc() of zeroed memory
 * @size: bytes
 * @flags: GFP flags
 *
 * Return: the memory, or NULL.
 * Context: As kvmalloc().
 */
void *kvzalloc(size_t size, gfp_t flags)
{
	return kvmalloc(size, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(kvzalloc);

/**
 * kvmalloc_array - kvmalloc() of @n elements of @size bytes
 * @n: how many
 * @size: bytes each
 * @flags: GFP flags
 *
 * Return: the memory, or NULL (also when n * size overflows).
 * Context: As kvmalloc().
 */
void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kvmalloc(bytes, flags);
}
EXPORT_SYMBOL(kvmalloc_array);

/**
 * kvcalloc - kvmalloc_array() of zeroed memory
 * @n: how many
 * @size: bytes each
 * @flags: GFP flags
 *
 * Return: the memory, or NULL.
 * Context: As kvmalloc().
 */
void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(kvcalloc);

/**
 * kvfree - free memory from kvmalloc (kmalloc or vmalloc)
 * @addr: the memory; NULL is ignored
 *
 * Context: Process context when @addr may be a vmalloc address.
 */
void kvfree(const void *addr)
{
	if (is_vmalloc_addr(addr))
		vfree(addr);
	else
		kfree(addr);
}
EXPORT_SYMBOL(kvfree);

/**
 * __kvrealloc - resize kvmalloc memory
 * @p: the old memory, or NULL
 * @oldsize: its size in bytes (what the caller asked for)
 * @newsize: bytes wanted
 * @flags: GFP flags
 *
 * Contents are kept up to the smaller size.  Reached through kvrealloc(),
 * which takes both the 5.15-6.10 form (p, oldsize, newsize, flags) and
 * the newer (p, newsize, flags).
 *
 * Return: the memory, or NULL with @p untouched.
 * Context: As kvmalloc().
 */
void *__kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags)
{
	void *newp;

	if (p && !is_vmalloc_addr(p) && ksize(p) >= newsize)
		return (void *)p;		/* kmalloc memory with room */
	if (p && oldsize >= newsize)
		return (void *)p;
	newp = kvmalloc(newsize, flags & ~__GFP_ZERO);
	if (!newp)
		return NULL;
	if (p)
		memcpy(newp, p, min(oldsize, newsize));
	if ((flags & __GFP_ZERO) && newsize > oldsize)
		memset((char *)newp + oldsize, 0, newsize - oldsize);
	kvfree(p);
	return newp;
}
EXPORT_SYMBOL(__kvrealloc);

/* The newer form does not know the old size: find it out. */
void *__kvrealloc3(const void *p, size_t newsize, gfp_t flags)
{
	size_t oldsize = 0;

	if (p && is_vmalloc_addr(p)) {
		struct vm_struct *vm = find_vm_area(p);

		oldsize = vm ? vm->nr_pages << PAGE_SHIFT : 0;
	} else if (p) {
		oldsize = ksize(p);
	}
	return __kvrealloc(p, oldsize, newsize, flags);
}
EXPORT_SYMBOL(__kvrealloc3);
