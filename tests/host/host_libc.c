// SPDX-License-Identifier: GPL-2.0
/*
 * The only host-test file that uses glibc directly: it undoes the
 * renaming of host_rename.h and offers glibc's own snprintf() as a
 * reference to compare lib/vsprintf.c against, heap buffers (tests
 * cannot include <stdlib.h>: its <sys/types.h> clashes with the kernel's
 * <linux/types.h>), stdio setup, and the address space behind the fake
 * physical memory of the mm/ tests (fake_ram.c).
 */
#undef sprintf
#undef vsprintf
#undef snprintf
#undef vsnprintf
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include "host_support.h"

int ref_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}

/* Unbuffered stdout keeps cmocka's stdout and stderr lines in order in a log. */
void host_test_init(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
}

/* Exact-size heap buffers: AddressSanitizer traps any access outside them. */
void *host_malloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		abort();
	return p;
}

void host_free(void *p)
{
	free(p);
}

/*
 * Address space for fake RAM: @size bytes reserved but inaccessible
 * (PROT_NONE) and never backed by swap or commit charge (MAP_NORESERVE),
 * so a 4+ GiB span costs nothing until pages are touched.  The RAM
 * ranges are then opened one by one with host_mem_open(); a stray access
 * to a hole in the fake memory map faults at once.
 */
/*
 * The region is aligned to HOST_MEM_ALIGN, as the kernel's direct map
 * is (PAGE_OFFSET): a buddy block is then aligned to its size in virtual
 * addresses too, which the slab free fast path relies on (mm/slab.h).
 * The unused head and tail of the mapping are unmapped again.
 */
#define HOST_MEM_ALIGN	(4UL << 20)	/* the largest buddy block */

void *host_mem_reserve(size_t size)
{
	char *p = mmap(NULL, size + HOST_MEM_ALIGN, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	char *aligned;

	if (p == MAP_FAILED) {
		perror("host_mem_reserve: mmap");
		abort();
	}
	aligned = (char *)(((unsigned long)p + HOST_MEM_ALIGN - 1) & ~(HOST_MEM_ALIGN - 1));
	if (aligned > p)
		munmap(p, aligned - p);
	munmap(aligned + size, p + HOST_MEM_ALIGN - aligned);
	return aligned;
}

void host_mem_open(void *addr, size_t size)
{
	if (mprotect(addr, size, PROT_READ | PROT_WRITE)) {
		perror("host_mem_open: mprotect");
		abort();
	}
}

void host_mem_release(void *addr, size_t size)
{
	munmap(addr, size);
}

/* Show what the kernel code printed (it never reached a console), then stop. */
void host_dump_printk_and_abort(void)
{
	fprintf(stderr, "--- printk output so far ---\n%s\n", host_printk_text());
	abort();
}

/* printf to stdout, for programs (the benchmark) that report to the user. */
void host_print(const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vprintf(fmt, args);
	va_end(args);
}
