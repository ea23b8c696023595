/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the slab suites (slab_test.c, kmalloc_test.c,
 * slab_debug_test.c): a cache's counters as slabinfo shows them, log
 * checks, and "this cache still works" after a misuse.
 *
 * The counters are read from slabinfo_show(), the same text the shell
 * and the gdb helper print, so every check of a count is also a check
 * of the report.
 */
#ifndef _TESTS_KERNEL_SLAB_KUNIT_H
#define _TESTS_KERNEL_SLAB_KUNIT_H

#include <kunit/test.h>
#include <linux/kstrtox.h>
#include <linux/mm.h>
#include <linux/seq_buf.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kernel/log.h>
#include <kernel/slab_stats.h>

/* Every debug option: what slab_debug=FZPU gives every cache. */
#define SLAB_TEST_DEBUG	(SLAB_CONSISTENCY_CHECKS | SLAB_RED_ZONE | \
			 SLAB_POISON | SLAB_STORE_USER)

/* One line of slabinfo, version 2.1. */
struct slabinfo_row {
	unsigned long active_objs, num_objs, objsize, objperslab;
	unsigned long pagesperslab, active_slabs, num_slabs;
};

static char slab_kunit_buf[16384];

/* The slabinfo line of the cache called @name, or NULL. */
static inline const char *slabinfo_line(const char *name)
{
	struct seq_buf m;
	size_t len = strlen(name);
	const char *line;

	seq_buf_init(&m, slab_kunit_buf, sizeof(slab_kunit_buf));
	slabinfo_show(&m);
	for (line = seq_buf_str(&m); *line; line = strchr(line, '\n') + 1) {
		if (!strncmp(line, name, len) && line[len] == ' ')
			return line;
		if (!strchr(line, '\n'))
			break;
	}
	return NULL;
}

/* Read the counters of cache @name from slabinfo; false if not listed. */
static inline bool slabinfo_read(const char *name, struct slabinfo_row *r)
{
	unsigned long *field[] = {
		&r->active_objs, &r->num_objs, &r->objsize, &r->objperslab,
		&r->pagesperslab,
	};
	const char *line = slabinfo_line(name);
	char *p;
	unsigned int i;

	memset(r, 0, sizeof(*r));
	if (!line)
		return false;
	p = (char *)line + strlen(name);
	for (i = 0; i < ARRAY_SIZE(field); i++)
		*field[i] = simple_strtoul(skip_spaces(p), &p, 10);
	p = strstr(p, ": slabdata ");
	if (!p)
		return false;
	p += strlen(": slabdata ");
	r->active_slabs = simple_strtoul(skip_spaces(p), &p, 10);
	r->num_slabs = simple_strtoul(skip_spaces(p), &p, 10);
	return true;
}

/* The cache's slabinfo row; the case fails if it is not listed. */
#define SLABINFO(test, s, row)						\
	KUNIT_ASSERT_TRUE_MSG(test, slabinfo_read(kmem_cache_name(s), row), \
			      "%s is not in slabinfo", kmem_cache_name(s))

static inline void expect_log(struct kunit *test, u64 seq, const char *text)
{
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) != 0,
			      "the log lacks \"%s\"", text);
}

static inline void expect_no_log(struct kunit *test, u64 seq, const char *text)
{
	KUNIT_EXPECT_TRUE_MSG(test, log_search(seq, text) == 0,
			      "the log has \"%s\"", text);
}

/* Like expect_log(), the text made with printf formats (%px ...). */
static inline __printf(3, 4) void expect_logf(struct kunit *test, u64 seq,
					       const char *fmt, ...)
{
	char text[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(text, sizeof(text), fmt, args);
	va_end(args);
	expect_log(test, seq, text);
}

/* Do all @len bytes at @p hold @value? */
static inline bool mem_is(const void *p, u8 value, size_t len)
{
	const u8 *b = p;

	while (len--)
		if (*b++ != value)
			return false;
	return true;
}

/* The cache of the slab object @p, as kfree() finds it. */
static inline struct kmem_cache *cache_of(const void *p)
{
	struct page *page = virt_to_page(p);

	return PageSlab(page) ? page->slab_cache : NULL;
}

#define CHECK_OBJECTS	40	/* objects a health check juggles */

/*
 * The cache still works after a misuse: @s hands out CHECK_OBJECTS
 * distinct, aligned objects that keep what is written to them, without
 * a report, takes them all back, and its count of live objects is
 * @live (what the test still holds) before and after.
 */
static inline void expect_cache_works(struct kunit *test, struct kmem_cache *s,
				      unsigned long live)
{
	static u8 *obj[CHECK_OBJECTS];
	struct slabinfo_row row;
	unsigned int size, i, j;
	u64 seq = log_seq();

	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, live);
	for (i = 0; i < CHECK_OBJECTS; i++) {
		obj[i] = kmem_cache_alloc(s, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, obj[i]);
		KUNIT_EXPECT_EQ(test, (unsigned long)obj[i] % 8, 0UL);
		size = ksize(obj[i]);
		memset(obj[i], i, size);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_PTR_NE(test, obj[i], obj[j]);
	}
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, live + CHECK_OBJECTS);
	for (i = 0; i < CHECK_OBJECTS; i++) {
		KUNIT_EXPECT_TRUE_MSG(test, mem_is(obj[i], i, size),
				      "object %u changed under its owner", i);
		kmem_cache_free(s, obj[i]);
	}
	SLABINFO(test, s, &row);
	KUNIT_EXPECT_EQ(test, row.active_objs, live);
	expect_no_log(test, seq, "BUG ");
}

#endif /* _TESTS_KERNEL_SLAB_KUNIT_H */
