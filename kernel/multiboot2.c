// SPDX-License-Identifier: GPL-2.0
/*
 * Reading the multiboot2 boot information.
 *
 * The information is the first thing the kernel trusts after the jump
 * to long mode, and a wrong size in it would otherwise send every later
 * read into the weeds.  So the parser is deliberately paranoid:
 *
 *  - Before reading any field it checks that the field lies inside the
 *    tag, the tag inside total_size, and total_size inside the bytes the
 *    caller said are readable (@avail).  A violation stops the parse with
 *    a sentence naming the tag, its offset and the sizes involved.
 *  - Fields are read byte by byte (get_u32/get_u64, little endian), so
 *    the parser makes no alignment assumptions and runs unchanged in the
 *    host unit tests on crafted buffers.
 *  - Strings (command line, loader name) must have their NUL inside
 *    their tag; the boot_info then points at them in place.
 *
 * The walk, with offsets relative to the start of the information:
 *
 *	0        8                         8+ALIGN(size,8)
 *	| total  | type | size | payload.. pad | type | size | ... | 0 | 8 |
 *	| rsvd   |<---- size ---->|
 *
 * What is kept goes into struct boot_info (see the header); unknown tags
 * are skipped.  Only a missing memory map is treated as fatal besides
 * malformed structure: without it the page allocator has nothing to
 * manage.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/errno.h>
#include <kernel/multiboot2.h>

#define MB2_FIXED_SIZE		8	/* u32 total_size, u32 reserved */
#define MB2_TAG_HDR_SIZE	8	/* u32 type, u32 size */
#define MB2_TAG_ALIGN		8

/* Smallest tag sizes that hold the fields read from each tag. */
#define MB2_BASIC_MEMINFO_SIZE	16	/* header, mem_lower, mem_upper */
#define MB2_MMAP_HDR_SIZE	16	/* header, entry_size, entry_version */
#define MB2_MMAP_ENTRY_MIN	24	/* base_addr, length, type, reserved */
#define MB2_FB_MIN_SIZE		30	/* header .. framebuffer_type */
#define MB2_MODULE_MIN_SIZE	17	/* header, mod_start, mod_end, a NUL */
#define ACPI_RSDP_V1_LEN	20
#define ACPI_RSDP_V2_LEN	36

/* One tag as found in the walk: where it is and what its header says. */
struct mb2_tag {
	const u8 *p;		/* start of the tag header */
	u32 offset;		/* from the start of the information */
	u32 type;
	u32 size;
};

static u32 get_u32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static u64 get_u64(const u8 *p)
{
	return (u64)get_u32(p) | (u64)get_u32(p + 4) << 32;
}

/* Record why the information is rejected; returns @err for "return fail()". */
static __printf(3, 4) int fail(struct boot_info *bi, int err, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(bi->err, sizeof(bi->err), fmt, args);
	va_end(args);
	return err;
}

/* Check that @tag is large enough for the @need bytes its decoder reads. */
static int need_size(struct boot_info *bi, const struct mb2_tag *tag, u32 need)
{
	if (tag->size >= need)
		return 0;
	return fail(bi, -EINVAL,
		    "tag %u at offset %u has size %u, too small for its fields (needs %u)",
		    tag->type, tag->offset, tag->size, need);
}

/* The NUL-terminated string filling the payload of @tag, or NULL on error. */
static const char *tag_string(struct boot_info *bi, const struct mb2_tag *tag)
{
	const char *s = (const char *)tag->p + MB2_TAG_HDR_SIZE;
	u32 len = tag->size - MB2_TAG_HDR_SIZE;

	if (memchr(s, '\0', len))
		return s;
	fail(bi, -EINVAL, "tag %u at offset %u: string not NUL-terminated within its %u bytes",
	     tag->type, tag->offset, len);
	return NULL;
}

/* Tag 6: copy the entries, dropping empty ones, refusing ones that wrap. */
static int parse_mmap(struct boot_info *bi, const struct mb2_tag *tag)
{
	u32 entry_size, nr, i;
	const u8 *e;
	int ret;

	ret = need_size(bi, tag, MB2_MMAP_HDR_SIZE);
	if (ret)
		return ret;
	entry_size = get_u32(tag->p + 8);
	if (entry_size < MB2_MMAP_ENTRY_MIN)
		return fail(bi, -EINVAL, "memory map entry_size %u too small (needs %u)",
			    entry_size, MB2_MMAP_ENTRY_MIN);

	/* A partial entry at the end (none in practice) is ignored. */
	nr = (tag->size - MB2_MMAP_HDR_SIZE) / entry_size;
	bi->nr_mmap = 0;
	bi->nr_mmap_dropped = 0;
	for (i = 0, e = tag->p + MB2_MMAP_HDR_SIZE; i < nr; i++, e += entry_size) {
		u64 addr = get_u64(e), len = get_u64(e + 8);

		if (len == 0)
			continue;
		if (len - 1 > U64_MAX - addr)
			return fail(bi, -EINVAL,
				    "memory map entry %u wraps around (addr %#llx, len %#llx)",
				    i, (unsigned long long)addr, (unsigned long long)len);
		if (bi->nr_mmap == MB2_MAX_MMAP_ENTRIES) {
			bi->nr_mmap_dropped++;
			continue;
		}
		bi->mmap[bi->nr_mmap].addr = addr;
		bi->mmap[bi->nr_mmap].len = len;
		bi->mmap[bi->nr_mmap].type = get_u32(e + 16);
		bi->nr_mmap++;
	}
	bi->have_mmap = true;
	return 0;
}

/* Tag 3: one file GRUB loaded; its range must not run backwards. */
static int parse_module(struct boot_info *bi, const struct mb2_tag *tag)
{
	struct mb2_tag string_tag = *tag;
	const char *string;
	u32 start, end;
	int ret;

	ret = need_size(bi, tag, MB2_MODULE_MIN_SIZE);
	if (ret)
		return ret;
	start = get_u32(tag->p + 8);
	end = get_u32(tag->p + 12);
	if (end < start)
		return fail(bi, -EINVAL,
			    "module tag at offset %u ends before it starts (start %#x, end %#x)",
			    tag->offset, start, end);
	/* the string follows the two addresses */
	string_tag.p = tag->p + 8;
	string_tag.size = tag->size - 8;
	string = tag_string(bi, &string_tag);
	if (!string)
		return -EINVAL;
	if (bi->nr_modules == MB2_MAX_MODULES) {
		bi->nr_modules_dropped++;
		return 0;
	}
	bi->modules[bi->nr_modules].start = start;
	bi->modules[bi->nr_modules].end = end;
	bi->modules[bi->nr_modules].string = string;
	bi->nr_modules++;
	return 0;
}

/* Decode one tag the kernel cares about; others are skipped. */
static int parse_tag(struct boot_info *bi, const struct mb2_tag *tag)
{
	const u8 *p = tag->p;
	int ret = 0;

	switch (tag->type) {
	case MB2_TAG_CMDLINE:
		bi->cmdline = tag_string(bi, tag);
		return bi->cmdline ? 0 : -EINVAL;
	case MB2_TAG_BOOT_LOADER_NAME:
		bi->loader_name = tag_string(bi, tag);
		return bi->loader_name ? 0 : -EINVAL;
	case MB2_TAG_MODULE:
		return parse_module(bi, tag);
	case MB2_TAG_BASIC_MEMINFO:
		ret = need_size(bi, tag, MB2_BASIC_MEMINFO_SIZE);
		if (ret)
			return ret;
		bi->mem_lower_kb = get_u32(p + 8);
		bi->mem_upper_kb = get_u32(p + 12);
		bi->have_basic_meminfo = true;
		return 0;
	case MB2_TAG_MMAP:
		return parse_mmap(bi, tag);
	case MB2_TAG_FRAMEBUFFER:
		ret = need_size(bi, tag, MB2_FB_MIN_SIZE);
		if (ret)
			return ret;
		bi->fb.addr = get_u64(p + 8);
		bi->fb.pitch = get_u32(p + 16);
		bi->fb.width = get_u32(p + 20);
		bi->fb.height = get_u32(p + 24);
		bi->fb.bpp = p[28];
		bi->fb.type = p[29];
		bi->fb.present = true;
		return 0;
	case MB2_TAG_ACPI_OLD:
		ret = need_size(bi, tag, MB2_TAG_HDR_SIZE + ACPI_RSDP_V1_LEN);
		if (!ret)
			bi->acpi_rsdp_v1 = p + MB2_TAG_HDR_SIZE;
		return ret;
	case MB2_TAG_ACPI_NEW:
		ret = need_size(bi, tag, MB2_TAG_HDR_SIZE + ACPI_RSDP_V2_LEN);
		if (!ret)
			bi->acpi_rsdp_v2 = p + MB2_TAG_HDR_SIZE;
		return ret;
	}
	return 0;
}

/**
 * mb2_parse - check and decode the multiboot2 boot information
 * @info: the information (GRUB's %ebx, as a pointer)
 * @avail: how many bytes from @info may be read at all; the kernel
 *         passes a large bound, tests pass the exact buffer size
 * @bi: filled in; zeroed first, and on failure bi->err says why
 *
 * Walks the tags up to the end tag, refusing any size that would reach
 * past total_size or @avail.
 *
 * Context: Early boot, or any context (only reads @info).
 * Return: 0 on success; -EINVAL if the information is malformed,
 * -ENOENT if it has no memory map.  mb2_strerror() gives the reason.
 */
int mb2_parse(const void *info, size_t avail, struct boot_info *bi)
{
	const u8 *base = info;
	u32 total, offset;
	int ret;

	memset(bi, 0, sizeof(*bi));
	if (!info)
		return fail(bi, -EINVAL, "no boot information (NULL pointer)");
	if (avail < MB2_FIXED_SIZE)
		return fail(bi, -EINVAL, "only %zu bytes readable, the fixed part needs %u",
			    avail, MB2_FIXED_SIZE);
	total = get_u32(base);
	if (total < MB2_FIXED_SIZE)
		return fail(bi, -EINVAL, "total_size %u smaller than the fixed part", total);
	if (total > avail)
		return fail(bi, -EINVAL, "total_size %u larger than the %zu readable bytes",
			    total, avail);

	bi->info = info;
	bi->total_size = total;
	for (offset = MB2_FIXED_SIZE;; ) {
		struct mb2_tag tag;

		if (total - offset < MB2_TAG_HDR_SIZE)
			return fail(bi, -EINVAL,
				    "no end tag (tag list stops at offset %u, total_size %u)",
				    offset, total);
		tag.p = base + offset;
		tag.offset = offset;
		tag.type = get_u32(tag.p);
		tag.size = get_u32(tag.p + 4);
		if (tag.size < MB2_TAG_HDR_SIZE)
			return fail(bi, -EINVAL,
				    "tag %u at offset %u has size %u, less than its 8-byte header",
				    tag.type, offset, tag.size);
		if (tag.size > total - offset)
			return fail(bi, -EINVAL,
				    "tag %u at offset %u runs past the end of the information (size %u, %u left)",
				    tag.type, offset, tag.size, total - offset);
		if (tag.type == MB2_TAG_END) {
			if (tag.size != MB2_TAG_HDR_SIZE)
				return fail(bi, -EINVAL,
					    "end tag at offset %u has size %u, not %u",
					    offset, tag.size, MB2_TAG_HDR_SIZE);
			break;
		}
		ret = parse_tag(bi, &tag);
		if (ret)
			return ret;
		/* Next tag; the padding may reach total_size, caught above. */
		if (ALIGN((u64)tag.size, MB2_TAG_ALIGN) > total - offset)
			return fail(bi, -EINVAL,
				    "no end tag (tag list stops at offset %u, total_size %u)",
				    offset + tag.size, total);
		offset += ALIGN(tag.size, MB2_TAG_ALIGN);
	}

	if (!bi->have_mmap)
		return fail(bi, -ENOENT, "no memory map tag");
	return 0;
}

/**
 * mb2_strerror - why mb2_parse() rejected the information
 * @bi: the boot_info mb2_parse() filled
 *
 * Context: Any context.
 * Return: a one-line reason, or "no error" after a successful parse.
 */
const char *mb2_strerror(const struct boot_info *bi)
{
	return bi->err[0] ? bi->err : "no error";
}

/**
 * mb2_mmap_type_name - the name Linux prints for a memory map type
 * @type: an MB2_MEMORY_* value
 *
 * Context: Any context.
 * Return: "usable", "reserved", "ACPI data", "ACPI NVS" or "unusable";
 * types the specification does not define are "reserved".
 */
const char *mb2_mmap_type_name(u32 type)
{
	switch (type) {
	case MB2_MEMORY_AVAILABLE:
		return "usable";
	case MB2_MEMORY_ACPI_RECLAIMABLE:
		return "ACPI data";
	case MB2_MEMORY_NVS:
		return "ACPI NVS";
	case MB2_MEMORY_BADRAM:
		return "unusable";
	default:
		return "reserved";
	}
}

/**
 * mb2_usable_bytes - total size of the usable RAM in the memory map
 * @bi: a successfully parsed boot_info
 *
 * Ranges are summed as given; overlapping ranges (which a sane firmware
 * does not report) would be counted twice.
 *
 * Context: Any context.
 * Return: the sum of the lengths of the "usable" ranges, saturating at
 * U64_MAX.
 */
u64 mb2_usable_bytes(const struct boot_info *bi)
{
	u64 sum = 0;
	unsigned int i;

	for (i = 0; i < bi->nr_mmap; i++) {
		if (bi->mmap[i].type != MB2_MEMORY_AVAILABLE)
			continue;
		if (bi->mmap[i].len > U64_MAX - sum)
			return U64_MAX;
		sum += bi->mmap[i].len;
	}
	return sum;
}

/**
 * mb2_print_mmap - print the memory map the way Linux prints the e820 map
 * @bi: a successfully parsed boot_info
 *
 * One line per range, end address inclusive:
 * "BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable".
 *
 * Context: Any context where printk() may be called.
 */
void mb2_print_mmap(const struct boot_info *bi)
{
	unsigned int i;

	for (i = 0; i < bi->nr_mmap; i++) {
		const struct mb2_mmap_entry *e = &bi->mmap[i];

		pr_info("BIOS-e820: [mem %#018llx-%#018llx] %s\n",
			(unsigned long long)e->addr,
			(unsigned long long)(e->addr + e->len - 1),
			mb2_mmap_type_name(e->type));
	}
	if (bi->nr_mmap_dropped)
		pr_warn("BIOS-e820: %u more ranges ignored (table holds %u)\n",
			bi->nr_mmap_dropped, MB2_MAX_MMAP_ENTRIES);
}
