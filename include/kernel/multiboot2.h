/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The multiboot2 boot information: what GRUB tells the kernel about the
 * machine (implemented in kernel/multiboot2.c).
 *
 * GRUB leaves a pointer to the information in %ebx and the magic value
 * MULTIBOOT2_BOOTLOADER_MAGIC in %eax.  The information is a fixed part
 * (u32 total_size, u32 reserved) followed by tags, each starting on an
 * 8-byte boundary with a header { u32 type; u32 size; } where size
 * counts the header but not the padding; a tag of type 0 and size 8
 * ends the list.
 *
 * mb2_parse() checks every size against total_size and against the
 * bytes the caller says are readable before it looks at a field, and
 * copies what the kernel needs into a struct boot_info.  On failure it
 * writes a one-line reason into boot_info.err, e.g.
 *
 *	"tag 6 at offset 48 runs past the end of the information (size 40, 16 left)"
 *
 * so the boot code can panic with exactly that message.
 */
#ifndef _KERNEL_MULTIBOOT2_H
#define _KERNEL_MULTIBOOT2_H

#include <linux/types.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC	0x36d76289

/* Tag types decoded here (the multiboot2 specification's numbers). */
#define MB2_TAG_END			0
#define MB2_TAG_CMDLINE			1
#define MB2_TAG_BOOT_LOADER_NAME	2
#define MB2_TAG_MODULE			3
#define MB2_TAG_BASIC_MEMINFO		4
#define MB2_TAG_MMAP			6
#define MB2_TAG_FRAMEBUFFER		8
#define MB2_TAG_ACPI_OLD		14
#define MB2_TAG_ACPI_NEW		15

/* Memory map entry types (the same numbers as the BIOS e820 types). */
#define MB2_MEMORY_AVAILABLE		1
#define MB2_MEMORY_RESERVED		2
#define MB2_MEMORY_ACPI_RECLAIMABLE	3
#define MB2_MEMORY_NVS			4
#define MB2_MEMORY_BADRAM		5

#define MB2_MAX_MMAP_ENTRIES		128
#define MB2_MAX_MODULES			64
#define MB2_ERR_LEN			128

/* One memory map range: [addr, addr + len), len > 0. */
struct mb2_mmap_entry {
	u64 addr;
	u64 len;
	u32 type;		/* MB2_MEMORY_* */
};

/*
 * One module tag (type 3): a file GRUB loaded ("module2 FILE STRING" in
 * grub.cfg) at physical [start, end), and its string.
 */
struct mb2_module {
	u32 start;
	u32 end;		/* one past the last byte; end >= start */
	const char *string;	/* points into the info; "" if none */
};

/* Everything the kernel takes from the boot information. */
struct boot_info {
	const char *cmdline;		/* NULL if no tag 1; points into the info */
	const char *loader_name;	/* NULL if no tag 2; points into the info */

	struct mb2_mmap_entry mmap[MB2_MAX_MMAP_ENTRIES];
	unsigned int nr_mmap;
	unsigned int nr_mmap_dropped;	/* entries beyond MB2_MAX_MMAP_ENTRIES */
	bool have_mmap;

	u32 mem_lower_kb, mem_upper_kb;	/* tag 4: below 1 MiB / above 1 MiB */
	bool have_basic_meminfo;

	struct {
		bool present;
		u64 addr;		/* physical address of the pixels */
		u32 pitch, width, height;
		u8 bpp, type;
	} fb;

	/* ACPI RSDP copies inside the information (tags 14 and 15). */
	const void *acpi_rsdp_v1;	/* 20-byte RSDP, or NULL */
	const void *acpi_rsdp_v2;	/* 36-byte XSDP, or NULL */

	/* Module tags, in the order GRUB gave them (kernel/bootfiles.c). */
	struct mb2_module modules[MB2_MAX_MODULES];
	unsigned int nr_modules;
	unsigned int nr_modules_dropped;	/* beyond MB2_MAX_MODULES */

	const void *info;		/* the information itself, and its size */
	u32 total_size;

	char err[MB2_ERR_LEN];		/* why mb2_parse() failed; "" if it did not */
};

int mb2_parse(const void *info, size_t avail, struct boot_info *bi);
const char *mb2_strerror(const struct boot_info *bi);
const char *mb2_mmap_type_name(u32 type);
u64 mb2_usable_bytes(const struct boot_info *bi);
void mb2_print_mmap(const struct boot_info *bi);

#endif /* _KERNEL_MULTIBOOT2_H */
