/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <kernel/kmemleak.h> - the kernel's own side of kmemleak (mm/kmemleak.c):
 * boot, the shell's "kmemleak" command (what Linux's
 * /sys/kernel/debug/kmemleak offers), and what the tests look at.
 * Code that allocates wants <linux/kmemleak.h> instead.
 */
#ifndef _KERNEL_KMEMLEAK_H
#define _KERNEL_KMEMLEAK_H

#include <linux/types.h>
#include <linux/seq_buf.h>

/* Boot: once the slab allocator works (start_kernel). */
void kmemleak_init(void);

/**
 * kmemleak_scan_now - one scan, as the kmemleak thread does them
 *
 * Prints "kmemleak: N new suspected memory leaks (see ...)" when the
 * scan found unreferenced objects it had not reported before.
 *
 * Context: Process context (sleeps; one scan at a time).
 * Return: the number of new leaks, or -EPERM when kmemleak is off.
 */
int kmemleak_scan_now(void);

/**
 * kmemleak_show_next - the report of the next reported leak
 * @pos: start at 0; moved past the object shown
 * @s: where its report goes ("unreferenced object 0x...")
 *
 * Walks, in address order, the objects the last scans reported that are
 * still unreferenced: the text /sys/kernel/debug/kmemleak shows.
 *
 * Context: Any context.
 * Return: false when there is none left.
 */
bool kmemleak_show_next(unsigned long *pos, struct seq_buf *s);

/**
 * kmemleak_control - a command written to /sys/kernel/debug/kmemleak
 * @cmd: "scan", "clear", "off", "scan=on", "scan=off", "scan=SECS",
 *	 "dump=ADDR"
 *
 * Context: Process context (a scan sleeps).
 * Return: 0, -EINVAL for an unknown command, -EPERM when kmemleak is
 * off, -ENOENT for dump= of an address kmemleak does not track.
 */
int kmemleak_control(const char *cmd);

/* What kmemleak knows about one object (tests, the shell). */
struct kmemleak_object_info {
	unsigned long pointer;	/* its start */
	size_t size;
	int min_count;		/* 1, 0 (not a leak) or -1 (ignored) */
	int count;		/* references found by the last scan */
	bool reported;		/* counted as a new leak by a scan */
	bool unreferenced;	/* white, and old enough to be reported */
	u32 checksum;
	pid_t pid;
};

/**
 * kmemleak_object_info - look up the object holding @ptr
 * @ptr: any address inside a tracked object
 * @info: filled in when it is found
 *
 * While a scan runs, count and unreferenced may be half-done.
 *
 * Context: Any context.
 * Return: true when @ptr lies in a tracked object.
 */
bool kmemleak_object_info(const void *ptr, struct kmemleak_object_info *info);

/* Figures for the shell and the tests. */
struct kmemleak_stats {
	unsigned long objects;		/* tracked now */
	unsigned long meta_bytes;	/* their bookkeeping (struct size * objects) */
	unsigned long max_objects;	/* the most tracked at once since boot */
	unsigned long scans;		/* since boot */
	unsigned long last_scan_us;	/* how long the last scan took */
	unsigned long last_scanned_bytes; /* memory it read */
	unsigned long leaks;		/* reported and still unreferenced */
	unsigned int scan_period_s;	/* the thread's (0: it does not scan) */
	unsigned int min_age_ms;
	bool enabled;
};
void kmemleak_get_stats(struct kmemleak_stats *st);

/**
 * kmemleak_set_min_age - how old an object must be to be reported
 * @msecs: the new age (Linux's is 5000); tests use 0
 *
 * Context: Any context.
 * Return: the previous age.
 */
unsigned int kmemleak_set_min_age(unsigned int msecs);

/**
 * kmemleak_set_scan_period - how often the kmemleak thread scans
 * @secs: seconds between scans; 0 stops the automatic scans
 *
 * Context: Any context.
 * Return: the previous period.
 */
unsigned int kmemleak_set_scan_period(unsigned int secs);

#endif /* _KERNEL_KMEMLEAK_H */
