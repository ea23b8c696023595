// SPDX-License-Identifier: GPL-2.0
/*
 * printk: formatted kernel messages, a log ring and the consoles.
 *
 * A call formats its message into a small buffer, then, for each line:
 *   - if it starts a new line, writes KERN_SOH, the level digit and a
 *     Linux-style "[    0.001234] " timestamp into the ring;
 *   - appends the text to the ring (log_buf, a byte array indexed by the
 *     ever-growing log_head modulo its size, so old text is overwritten);
 *   - writes the timestamped text to every registered console when the
 *     message's level is below console_loglevel (boot parameter loglevel=).
 *
 * KERN_CONT, or a previous message that did not end with a newline,
 * continues the current line without a new timestamp, as in Linux.
 *
 * The ring layout is deliberately plain so that `dmesg` in the shell and
 * `lx-dmesg` in gdb read it the same way (scripts/gdb reads log_buf and
 * log_head).  Interrupts are off while a message is written, so messages
 * from interrupt handlers do not tear each other.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/console.h>
#include <linux/irqflags.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <linux/sched/clock.h>
#include <kernel/log.h>

#define PRINTK_MSG_MAX	1024

char log_buf[LOG_BUF_LEN];
u64 log_head;			/* bytes ever written; next byte's seq */
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static struct console *console_list;
static bool line_open;		/* last message did not end in '\n' */
static int line_level;

/**
 * register_console - start sending printk output to @con
 * @con: a console whose .write works in any context
 *
 * Context: Boot.
 */
void register_console(struct console *con)
{
	con->next = console_list;
	console_list = con;
}

/**
 * unregister_console - stop sending printk output to @con
 * @con: a registered console
 *
 * Context: Any context.
 */
void unregister_console(struct console *con)
{
	struct console **p;

	for (p = &console_list; *p; p = &(*p)->next) {
		if (*p == con) {
			*p = con->next;
			return;
		}
	}
}

/*
 * printk_lock: one CPU at a time writes the log and the consoles, so two
 * CPUs' lines do not mix character by character.  A raw lock, outside
 * lockdep (whose reports print), taken with interrupts off; a CPU that
 * already holds it (a report from inside printk) goes on without it.
 */
static int printk_lock_owner = -1;

static bool printk_lock(void)
{
	int cpu = (int)raw_smp_processor_id();

	if (READ_ONCE(printk_lock_owner) == cpu)
		return false;
	while (!__atomic_compare_exchange_n(&printk_lock_owner, &(int){ -1 }, cpu,
					    false, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		cpu_relax();
	return true;
}

static void printk_unlock(bool locked)
{
	if (locked)
		__atomic_store_n(&printk_lock_owner, -1, __ATOMIC_RELEASE);
}

/**
 * console_write - write text straight to the consoles, not to the log
 * @s: the text
 * @len: its length
 *
 * For interactive output (the shell): no timestamp, no log record.
 *
 * Context: Any context.
 */
void console_write(const char *s, size_t len)
{
	struct console *con;
	unsigned long flags;
	bool locked;

	local_irq_save(flags);
	locked = printk_lock();
	for (con = console_list; con; con = con->next)
		con->write(con, s, len);
	printk_unlock(locked);
	local_irq_restore(flags);
}

static void log_store(const char *s, size_t len)
{
	while (len--)
		log_buf[log_head++ % LOG_BUF_LEN] = *s++;
}

static void console_emit(int level, const char *s, size_t len)
{
	struct console *con;

	if (level >= console_loglevel || !len)
		return;
	for (con = console_list; con; con = con->next)
		con->write(con, s, len);
}

/* Split off a KERN_* prefix: returns the level (or -1 / 'c'), advances *text. */
static int printk_get_level(const char **text)
{
	const char *s = *text;

	if (s[0] == KERN_SOH[0] && s[1]) {
		*text = s + 2;
		if (s[1] >= '0' && s[1] <= '7')
			return s[1] - '0';
		if (s[1] == 'c')
			return 'c';
	}
	return LOGLEVEL_DEFAULT;
}

static void start_line(int level)
{
	char prefix[32];
	u64 ns = local_clock();
	int n;

	n = snprintf(prefix, sizeof(prefix), "%s%c[%5llu.%06llu] ",
		     KERN_SOH, '0' + level, ns / 1000000000ULL,
		     (ns % 1000000000ULL) / 1000);
	log_store(prefix, n);
	console_emit(level, prefix + 2, n - 2);
	line_level = level;
	line_open = true;
}

/**
 * vprintk - print a message with a va_list
 * @fmt: format, optionally starting with a KERN_* level
 * @args: arguments
 *
 * Return: the number of characters of the formatted message.
 * Context: Any context.
 */
int vprintk(const char *fmt, va_list args)
{
	char msg[PRINTK_MSG_MAX];
	const char *text = msg, *nl;
	unsigned long flags;
	int level, len;
	bool locked;

	len = vscnprintf(msg, sizeof(msg), fmt, args);
	level = printk_get_level(&text);
	len -= text - msg;

	local_irq_save(flags);
	locked = printk_lock();
	if (level == 'c' && line_open) {
		level = line_level;
	} else {
		if (level == 'c' || level == LOGLEVEL_DEFAULT)
			level = MESSAGE_LOGLEVEL_DEFAULT;
		if (line_open) {	/* a previous message was cut short */
			log_store("\n", 1);
			console_emit(line_level, "\n", 1);
			line_open = false;
		}
	}

	while (len > 0) {
		size_t chunk;

		if (!line_open)
			start_line(level);
		nl = memchr(text, '\n', len);
		chunk = nl ? (size_t)(nl - text) + 1 : (size_t)len;
		log_store(text, chunk);
		console_emit(level, text, chunk);
		if (nl)
			line_open = false;
		text += chunk;
		len -= chunk;
	}
	printk_unlock(locked);
	local_irq_restore(flags);
	return text - msg;
}
EXPORT_SYMBOL(vprintk);

/**
 * printk - print a kernel message
 * @fmt: format, optionally starting with a KERN_* level
 *
 * Return: the number of characters printed.
 * Context: Any context.
 */
int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(printk);

/* Linux 6.x's printk() is a macro around _printk(): the same function. */
int _printk(const char *fmt, ...) __attribute__((alias("printk")));
EXPORT_SYMBOL(_printk);

u64 log_seq(void)
{
	return log_head;
}

u64 log_first_seq(void)
{
	return log_head > LOG_BUF_LEN ? log_head - LOG_BUF_LEN : 0;
}

static char log_byte(u64 seq)
{
	return log_buf[seq % LOG_BUF_LEN];
}

/*
 * The next console byte at or after *seq, skipping KERN_SOH level
 * markers; returns 0 at the end of the log.
 */
static char log_next_text(u64 *seq)
{
	while (*seq < log_head) {
		char c = log_byte(*seq);

		if (c == KERN_SOH[0]) {
			*seq += 2;
			continue;
		}
		(*seq)++;
		return c;
	}
	return 0;
}

u64 log_search(u64 from, const char *needle)
{
	u64 start = max(from, log_first_seq());

	if (!*needle)
		return start;
	for (; start < log_head; start++) {
		u64 pos = start;
		const char *p = needle;

		if (log_byte(start) == KERN_SOH[0])
			continue;
		while (*p && log_next_text(&pos) == *p)
			p++;
		if (!*p)
			return pos;
	}
	return 0;
}

size_t log_read(u64 *seq, char *buf, size_t size)
{
	size_t n = 0;
	char c;

	if (!size)
		return 0;
	if (*seq < log_first_seq())
		*seq = log_first_seq();
	while (n + 1 < size && (c = log_next_text(seq)))
		buf[n++] = c;
	buf[n] = '\0';
	return n;
}

static int __init loglevel_setup(char *val)
{
	int level;

	if (!val || kstrtoint(val, 10, &level) || level < 0 || level > 15)
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
__setup("loglevel=", loglevel_setup);
