/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the host tests get besides the kernel code under test: a fake
 * printk() that captures text (fake_kernel.c), a fake kallsyms with a
 * fixed symbol table, and glibc's snprintf() as a reference
 * (host_libc.c).
 */
#ifndef _HOST_SUPPORT_H
#define _HOST_SUPPORT_H

#include <stddef.h>

/*
 * glibc's <sys/cdefs.h> (pulled in by <setjmp.h>) defines __always_inline
 * too; drop it so the kernel's <linux/compiler.h> can define its own
 * without a redefinition warning.  Include this file before kernel headers.
 */
#undef __always_inline

/* Symbols known to the fake sprint_symbol(): name, address, size. */
#define FAKE_SYM_START_KERNEL	0xffffffff81000000UL	/* size 0x120 */
#define FAKE_SYM_KMALLOC	0xffffffff81002000UL	/* size 0x80 */

/*
 * Everything printk() printed since the last reset, with the KERN_*
 * level prefixes removed; the level of the last message is kept apart.
 */
void host_printk_reset(void);
const char *host_printk_text(void);
int host_printk_last_level(void);

/* Backtraces requested so far (dump_stack() calls). */
extern unsigned long host_dump_stack_count;

/* Run the registered page-fault note (vmalloc's) for @address. */
void host_page_fault_note(unsigned long address);

/* Print the captured printk text on stderr and abort (BUG, panic). */
void host_dump_printk_and_abort(void) __attribute__((__noreturn__));

int ref_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void host_test_init(void);
void host_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void *host_malloc(size_t size);		/* aborts instead of returning NULL */
void host_free(void *p);

/* Inaccessible address space; open parts read-write; give it all back. */
void *host_mem_reserve(size_t size);
void host_mem_open(void *addr, size_t size);
void host_mem_release(void *addr, size_t size);

#endif /* _HOST_SUPPORT_H */
