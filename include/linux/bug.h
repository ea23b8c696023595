/* SPDX-License-Identifier: GPL-2.0 */
/*
 * BUG_ON, WARN_ON and friends.
 *
 * WARN_ON(cond) prints the Linux warning report when cond is true:
 *   ------------[ cut here ]------------
 *   WARNING: CPU: 0 PID: 0 at kernel/foo.c:12 func+0x12/0x40
 * then registers and a backtrace, and execution goes on.  BUG_ON(cond)
 * prints "kernel BUG at FILE:LINE!" and oopses.  All of them evaluate to
 * cond, so they can sit inside an if ().
 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

void __warn_printk(const char *file, int line, unsigned long caller,
		   const char *fmt, ...) __printf(4, 5) __cold;
void __noreturn __bug(const char *file, int line, unsigned long caller) __cold;

#define __WARN_printf(fmt, ...)						\
	__warn_printk(__FILE__, __LINE__, _THIS_IP_, fmt, ##__VA_ARGS__)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf(NULL);					\
	unlikely(__ret_warn_on);					\
})

#define WARN(condition, fmt, ...) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN_printf(fmt, ##__VA_ARGS__);			\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition) ({					\
	static bool __warned;						\
	int __ret_warn_once = !!(condition);				\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__WARN_printf(NULL);					\
	}								\
	unlikely(__ret_warn_once);					\
})

#define WARN_ONCE(condition, fmt, ...) ({				\
	static bool __warned;						\
	int __ret_warn_once = !!(condition);				\
	if (unlikely(__ret_warn_once && !__warned)) {			\
		__warned = true;					\
		__WARN_printf(fmt, ##__VA_ARGS__);			\
	}								\
	unlikely(__ret_warn_once);					\
})

#define BUG()		__bug(__FILE__, __LINE__, _THIS_IP_)
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON: " #cond)
#define static_assert(expr, ...) _Static_assert(expr, #expr)

#endif /* _LINUX_BUG_H */
