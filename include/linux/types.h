/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fixed-size integer types and the small kernel typedefs (Linux names).
 *
 * The kernel is freestanding: it may use only the compiler's own headers
 * (<stddef.h>, <stdint.h>, <stdbool.h>, <stdarg.h>), never the C library.
 * The same header also serves the host build of lib/ and mm/ under test.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <stddef.h>
#include <stdint.h>

/*
 * bool is a type, as in Linux, not <stdbool.h>'s macro: a macro would be
 * expanded inside other macros' arguments, so module_param(x, bool, 0)
 * would paste param_ops__Bool.  (A host test may have had <stdbool.h>
 * first: its macros give way.)
 */
#ifdef bool
#undef bool
#endif
typedef _Bool bool;
#ifndef true
enum { false = 0, true = 1 };
#endif

typedef int8_t s8;
typedef uint8_t u8;
typedef int16_t s16;
typedef uint16_t u16;
typedef int32_t s32;
typedef uint32_t u32;
typedef long long s64;
typedef unsigned long long u64;

typedef u8 __u8;
typedef u16 __u16;
typedef u32 __u32;
typedef u64 __u64;
typedef s32 __s32;
typedef s64 __s64;

#ifndef __ssize_t_defined
typedef long ssize_t;
#define __ssize_t_defined
#endif
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef unsigned int gfp_t;
typedef unsigned int slab_flags_t;
typedef long long loff_t;
typedef int pid_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif /* _LINUX_TYPES_H */
