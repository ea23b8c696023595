// SPDX-License-Identifier: GPL-2.0
/*
 * mm/debug.c - names for the allocators' reports.
 *
 * A GFP mode is printed the way Linux prints it ("mode:0xcc0(GFP_KERNEL)"
 * in an allocation-failure report, through printk's %pGg): the table
 * below is walked in order, and every entry whose bits are all still set
 * is printed and its bits taken away.  The composite names (GFP_KERNEL,
 * GFP_ATOMIC ...) come first, biggest first, so a mode reads as the
 * constant the caller most likely wrote, with the extra modifiers after
 * it: GFP_KERNEL|__GFP_ZERO.  The order is Linux 5.4's
 * (include/trace/events/mmflags.h), so reports match the book's.
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mmdebug.h>

/* Composites Linux names that <linux/gfp_types.h> has no use for. */
#define GFP_TRANSHUGE_LIGHT	((GFP_HIGHUSER_MOVABLE | __GFP_COMP | \
				  __GFP_NOMEMALLOC | __GFP_NOWARN) & ~__GFP_RECLAIM)
#define GFP_TRANSHUGE		(GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM)

struct gfp_name {
	gfp_t mask;
	const char *name;
};

#define GFP_NAME(flag)	{ flag, #flag }

static const struct gfp_name gfp_names[] = {
	GFP_NAME(GFP_TRANSHUGE),
	GFP_NAME(GFP_TRANSHUGE_LIGHT),
	GFP_NAME(GFP_HIGHUSER_MOVABLE),
	GFP_NAME(GFP_HIGHUSER),
	GFP_NAME(GFP_USER),
	GFP_NAME(GFP_KERNEL_ACCOUNT),
	GFP_NAME(GFP_KERNEL),
	GFP_NAME(GFP_NOFS),
	GFP_NAME(GFP_ATOMIC),
	GFP_NAME(GFP_NOIO),
	GFP_NAME(GFP_NOWAIT),
	GFP_NAME(GFP_DMA),
	GFP_NAME(__GFP_HIGHMEM),
	GFP_NAME(GFP_DMA32),
	GFP_NAME(__GFP_HIGH),
	GFP_NAME(__GFP_ATOMIC),
	GFP_NAME(__GFP_IO),
	GFP_NAME(__GFP_FS),
	GFP_NAME(__GFP_NOWARN),
	GFP_NAME(__GFP_RETRY_MAYFAIL),
	GFP_NAME(__GFP_NOFAIL),
	GFP_NAME(__GFP_NORETRY),
	GFP_NAME(__GFP_COMP),
	GFP_NAME(__GFP_ZERO),
	GFP_NAME(__GFP_NOMEMALLOC),
	GFP_NAME(__GFP_MEMALLOC),
	GFP_NAME(__GFP_HARDWALL),
	GFP_NAME(__GFP_THISNODE),
	GFP_NAME(__GFP_RECLAIMABLE),
	GFP_NAME(__GFP_MOVABLE),
	GFP_NAME(__GFP_ACCOUNT),
	GFP_NAME(__GFP_WRITE),
	GFP_NAME(__GFP_RECLAIM),
	GFP_NAME(__GFP_DIRECT_RECLAIM),
	GFP_NAME(__GFP_KSWAPD_RECLAIM),
};

/* Append to @buf like snprintf() at offset @len, which may be past @size. */
static __printf(4, 5) int append(char *buf, size_t size, int len, const char *fmt, ...)
{
	size_t at = min((size_t)len, size);
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf + at, size - at, fmt, args);
	va_end(args);
	return len + n;
}

int format_gfp_flags(char *buf, size_t size, gfp_t gfp)
{
	const struct gfp_name *n;
	int len = 0;

	if (size)
		buf[0] = '\0';
	if (!gfp)
		return append(buf, size, 0, "0");
	for (n = gfp_names; n < gfp_names + ARRAY_SIZE(gfp_names) && gfp; n++) {
		if ((gfp & n->mask) != n->mask)
			continue;
		gfp &= ~n->mask;
		len = append(buf, size, len, "%s%s", n->name, gfp ? "|" : "");
	}
	if (gfp)
		len = append(buf, size, len, "%#x", gfp);
	return len;
}
