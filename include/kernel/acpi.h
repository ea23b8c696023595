/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <kernel/acpi.h> - the little of ACPI this kernel reads: the CPUs.
 *
 * The boot loader hands over a copy of the RSDP (multiboot2 tags 14 and
 * 15).  It points at the RSDT (32-bit pointers) or, from ACPI 2.0, the
 * XSDT (64-bit pointers) to the other tables; one of them, signature
 * "APIC", is the MADT, which lists a local APIC per CPU.
 * acpi_find_cpus() walks that chain, checking every checksum and length
 * before it reads a field, and returns the enabled CPUs' APIC IDs.
 */
#ifndef _KERNEL_ACPI_H
#define _KERNEL_ACPI_H

#include <linux/types.h>
#include <linux/cpumask.h>

#define ACPI_RSDP_V1_LEN	20
#define ACPI_RSDP_V2_LEN	36
#define ACPI_SDT_HDR_LEN	36
#define ACPI_TABLE_MAX_LEN	(64 * 1024)	/* larger is taken as corrupt */

/* How acpi_find_cpus() reaches a table: kernel ioremap, or a test's buffer. */
struct acpi_access {
	const void *(*map)(u64 phys, u32 len);
	void (*unmap)(const void *virt, u32 len);
	bool print;			/* Linux's "ACPI: XSDT 0x..." lines */
};

struct acpi_cpus {
	u64 lapic_phys;			/* the local APICs' MMIO address */
	u32 apic_ids[NR_CPUS];		/* enabled CPUs, in MADT order */
	unsigned int nr_cpus;
	unsigned int nr_disabled;	/* listed but not enabled */
	unsigned int nr_ignored;	/* beyond NR_CPUS */
	char err[128];			/* why acpi_find_cpus() failed */
};

int acpi_find_cpus(const void *rsdp, u32 rsdp_len,
		   const struct acpi_access *acc, struct acpi_cpus *out);
u8 acpi_checksum(const void *buf, u32 len);

#endif /* _KERNEL_ACPI_H */
