/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk and its levels.  A message may start with a KERN_* level, the
 * two characters "\001" and a digit, as in Linux.  Every message goes to
 * the log ring (read by dmesg and lx-dmesg); messages more important
 * than the console loglevel (boot parameter loglevel=N) also go to the
 * consoles, prefixed with a "[    0.001234] " timestamp.
 */
#ifndef _LINUX_PRINTK_H
#define _LINUX_PRINTK_H

#include <stdarg.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/ratelimit_types.h>

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#define LOGLEVEL_DEFAULT	-1
#define CONSOLE_LOGLEVEL_DEFAULT 7
#define MESSAGE_LOGLEVEL_DEFAULT 4

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

__printf(1, 2) int printk(const char *fmt, ...);
__printf(1, 0) int vprintk(const char *fmt, va_list args);
/* Linux 6.x's name for the function behind printk() (exported as both). */
__printf(1, 2) int _printk(const char *fmt, ...);

/* Print a backtrace of the caller (arch/x86_64/dumpstack.c). */
void dump_stack(void);

/*
 * The pr_*() family: printk at a level, the format passed through
 * pr_fmt(), which a file may #define before its first #include to prefix
 * all its messages (#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt).
 * pr_cont() continues the previous line and takes no prefix.
 */
#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning		pr_warn
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_default(fmt, ...)	printk(KERN_DEFAULT pr_fmt(fmt), ##__VA_ARGS__)

/*
 * no_printk(): prints nothing, yet the compiler still checks the format
 * against the arguments (and the arguments still count as used).
 */
#define no_printk(fmt, ...) ({							if (0)										printk(fmt, ##__VA_ARGS__);					0;								})

/*
 * pr_debug() prints only in a file compiled with DEBUG defined (#define
 * DEBUG before the includes, or -DDEBUG as the book's Makefiles add);
 * elsewhere it compiles to nothing, format-checked.  Linux with
 * CONFIG_DYNAMIC_DEBUG can switch them on at run time; this kernel has no
 * dynamic debug, so it behaves as a Linux built without it.
 */
#ifdef DEBUG
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

#define printk_once(fmt, ...) ({						static bool __print_once;						if (!__print_once) {								__print_once = true;							printk(fmt, ##__VA_ARGS__);					}								})
#define pr_emerg_once(fmt, ...)	printk_once(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert_once(fmt, ...)	printk_once(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit_once(fmt, ...)	printk_once(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_once(fmt, ...)	printk_once(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...)	printk_once(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_once(fmt, ...) printk_once(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...)	printk_once(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

/*
 * printk_ratelimited(): at most 10 messages per 5 seconds from this call
 * site (Linux's defaults), the rest dropped (<linux/ratelimit.h>).
 */
#define printk_ratelimited(fmt, ...) ({						static struct ratelimit_state __rs =						RATELIMIT_STATE_INIT(__rs, DEFAULT_RATELIMIT_INTERVAL,					     DEFAULT_RATELIMIT_BURST);			if (__ratelimit(&__rs))								printk(fmt, ##__VA_ARGS__);				})
#define pr_emerg_ratelimited(fmt, ...)	printk_ratelimited(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert_ratelimited(fmt, ...)	printk_ratelimited(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit_ratelimited(fmt, ...)	printk_ratelimited(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...)	printk_ratelimited(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...)	printk_ratelimited(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice_ratelimited(fmt, ...)	printk_ratelimited(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...)	printk_ratelimited(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#ifdef DEBUG
#define pr_debug_ratelimited(fmt, ...)	printk_ratelimited(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#else
#define pr_debug_ratelimited(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#endif

/*
 * Hex dumps (lib/hexdump.c), in Linux's format:
 *	print_hex_dump(KERN_INFO, "buf: ", DUMP_PREFIX_OFFSET, 16, 1, p, 20, true)
 *	buf: 00000000: 41 42 43 44 ...  45 46 47 48 49 4a 4b  ABCDEFGHIJK.....
 * DUMP_PREFIX_ADDRESS prints each line's address with %p (hashed).
 */
enum {
	DUMP_PREFIX_NONE,
	DUMP_PREFIX_ADDRESS,
	DUMP_PREFIX_OFFSET
};

int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize,
		       char *linebuf, size_t linebuflen, bool ascii);
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len,
		    bool ascii);

/*
 * print_hex_dump_debug(): at KERN_DEBUG, and like pr_debug() only in a
 * file built with DEBUG.  print_hex_dump_bytes() is the common shorthand
 * (16 bytes a row, bytes one by one, ASCII column), a debug message too.
 */
#ifdef DEBUG
#define print_hex_dump_debug(prefix_str, prefix_type, rowsize, groupsize, \
			     buf, len, ascii)				\
	print_hex_dump(KERN_DEBUG, prefix_str, prefix_type, rowsize,	\
		       groupsize, buf, len, ascii)
#else
static inline void print_hex_dump_debug(const char *prefix_str, int prefix_type,
					int rowsize, int groupsize,
					const void *buf, size_t len, bool ascii)
{
}
#endif
#define print_hex_dump_bytes(prefix_str, prefix_type, buf, len)	\
	print_hex_dump_debug(prefix_str, prefix_type, 16, 1, buf, len, true)

/* Console loglevel: messages with a level number below it reach the consoles. */
extern int console_loglevel;

#endif /* _LINUX_PRINTK_H */
