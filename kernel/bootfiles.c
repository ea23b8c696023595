// SPDX-License-Identifier: GPL-2.0
/*
 * Boot files: what GRUB loaded beside the kernel.
 *
 * `make run MODULES="a.ko b.ko"` (or M=DIR) copies the files into the
 * ISO's /boot/modules/ and writes, after the multiboot2 line of grub.cfg,
 *
 *	module2 /boot/modules/a.ko a.ko
 *
 * GRUB loads each file into RAM, page aligned, and describes it in the
 * boot information by a module tag: physical start and end, and the
 * string after the file name ("a.ko").  kernel/multiboot2.c checks and
 * copies the tags into boot_info.modules[]; this file turns them into
 * the boot files of <kernel/bootfiles.h>, which insmod reads.
 *
 * The files lie in usable RAM, so before the first memblock allocation
 * (x86_init_memory() calls boot_files_reserve() right after it reserves
 * the kernel and the boot information) each one's pages are reserved:
 * neither memblock nor, later, the page allocator ever hands them out,
 * and they stay readable for the whole uptime through the direct map.
 * Their names point into the boot information, which is reserved too.
 * Nothing is ever freed: a few pages per module, the price of being able
 * to insmod the same file again.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/memblock.h>
#include <linux/string.h>
#include <asm/page.h>
#include <kernel/bootfiles.h>
#include <kernel/multiboot2.h>

#define UNNAMED_LEN	16	/* "module63" */

static struct boot_file boot_files[MB2_MAX_MODULES];
static unsigned int nr_boot_files;
/* A name for a module GRUB was given none ("module2 FILE" alone). */
static char unnamed[MB2_MAX_MODULES][UNNAMED_LEN];

/**
 * boot_files_reserve - take over the boot loader's module tags
 * @bi: the parsed boot information
 *
 * Records each module as a boot file, reserves its pages in memblock,
 * and prints one line per file.
 *
 * Context: Early boot, after memblock knows the RAM and before its first
 * allocation.  Single threaded.
 */
void __init boot_files_reserve(const struct boot_info *bi)
{
	unsigned int i;

	for (i = 0; i < bi->nr_modules; i++) {
		const struct mb2_module *m = &bi->modules[i];
		struct boot_file *f = &boot_files[nr_boot_files];
		phys_addr_t base = m->start & PAGE_MASK;
		phys_addr_t end = PAGE_ALIGN((phys_addr_t)m->end);

		if (end > base && memblock_reserve(base, end - base)) {
			pr_err("bootfiles: no room to reserve %s, ignored\n", m->string);
			continue;
		}
		f->name = m->string;
		if (!*f->name) {
			snprintf(unnamed[i], UNNAMED_LEN, "module%u", i);
			f->name = unnamed[i];
		}
		f->data = __va(m->start);
		f->size = m->end - m->start;
		nr_boot_files++;
	}
	if (!nr_boot_files)
		return;
	pr_info("bootfiles: %u file(s) from the boot loader\n", nr_boot_files);
	for (i = 0; i < nr_boot_files; i++)
		pr_info("bootfiles:   %s (%zu bytes) [mem %#010llx-%#010llx]\n",
			boot_files[i].name, boot_files[i].size,
			(unsigned long long)__pa(boot_files[i].data),
			(unsigned long long)__pa(boot_files[i].data) +
			boot_files[i].size - !!boot_files[i].size);
	if (bi->nr_modules_dropped)
		pr_warn("bootfiles: %u more module(s) ignored (at most %u)\n",
			bi->nr_modules_dropped, MB2_MAX_MODULES);
}

/**
 * boot_file_count - how many files the boot loader brought
 *
 * Context: Any context.
 * Return: the number of boot files.
 */
unsigned int boot_file_count(void)
{
	return nr_boot_files;
}

/**
 * boot_file_get - one boot file, by index
 * @i: 0 .. boot_file_count() - 1, in grub.cfg's order
 *
 * Context: Any context.
 * Return: the file, or NULL past the end.
 */
const struct boot_file *boot_file_get(unsigned int i)
{
	return i < nr_boot_files ? &boot_files[i] : NULL;
}

/* The last component of @path: "a.ko" for "/boot/modules/a.ko". */
static const char *last_component(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/**
 * boot_file_find - a boot file by name
 * @name: "a.ko"; a path ("/boot/modules/a.ko", "examples/modules/a.ko")
 *        finds the file by its last component
 *
 * An exact match wins; otherwise the last components are compared.
 *
 * Context: Any context.
 * Return: the file, or NULL if none is called @name.
 */
const struct boot_file *boot_file_find(const char *name)
{
	const char *base = last_component(name);
	unsigned int i;

	for (i = 0; i < nr_boot_files; i++)
		if (!strcmp(boot_files[i].name, name))
			return &boot_files[i];
	for (i = 0; i < nr_boot_files; i++)
		if (!strcmp(last_component(boot_files[i].name), base))
			return &boot_files[i];
	return NULL;
}
