// SPDX-License-Identifier: GPL-2.0
/*
 * arch/x86_64/acpi.c - the CPUs, from the ACPI MADT.
 *
 *   RSDP (copy in the multiboot2 tag)
 *     "RSD PTR ", checksum of 20 bytes, revision, RSDT address,
 *     from revision 2: length, XSDT address, checksum of all 36
 *   XSDT / RSDT: a 36-byte table header, then 64- / 32-bit table addresses
 *   MADT ("APIC"): the header, the local APIC address, flags, then
 *     entries [type, length, ...]: type 0 a local APIC (ACPI processor
 *     ID, APIC ID, flags: bit 0 enabled, bit 1 online-capable), type 5
 *     a 64-bit local APIC address, type 9 a local x2APIC
 *
 * Every table is mapped header first, its length checked (at least a
 * header, at most ACPI_TABLE_MAX_LEN), then mapped whole and its bytes
 * summed (a valid table sums to 0 mod 256); every entry must fit in its
 * table.  The first thing wrong is reported in one sentence and the
 * kernel goes on with the boot CPU alone, as Linux does without a MADT.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/smp.h>
#include <linux/vmalloc.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <kernel/acpi.h>
#include <kernel/boot.h>
#include <kernel/multiboot2.h>

#define MADT_FIXED_LEN		(ACPI_SDT_HDR_LEN + 8)
#define MADT_LOCAL_APIC		0
#define MADT_LAPIC_OVERRIDE	5
#define MADT_LOCAL_X2APIC	9
#define MADT_ENABLED		(1U << 0)

/* What boot found, kept for the shell and the tests. */
struct acpi_cpus acpi_boot_cpus;

static u32 get_u32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static u64 get_u64(const u8 *p)
{
	return get_u32(p) | (u64)get_u32(p + 4) << 32;
}

/**
 * acpi_checksum - the byte sum of @len bytes at @buf, mod 256
 * @buf: a table
 * @len: its length
 *
 * Return: 0 for a valid table.
 * Context: Any context.
 */
u8 acpi_checksum(const void *buf, u32 len)
{
	const u8 *p = buf;
	u8 sum = 0;

	while (len--)
		sum += *p++;
	return sum;
}

static int fail(struct acpi_cpus *out, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vscnprintf(out->err, sizeof(out->err), fmt, args);
	va_end(args);
	return -EINVAL;
}

/* Linux's one line per table: "ACPI: APIC 0x... 000078 (v01 BOCHS  BXPC ...)". */
static void print_table(const u8 *t, u64 phys)
{
	pr_info("ACPI: %.4s 0x%016llX %06X (v%02u %-6.6s %-8.8s %08X %-4.4s %08X)\n",
		t, (unsigned long long)phys, get_u32(t + 4), t[8], t + 10, t + 16,
		get_u32(t + 24), t + 28, get_u32(t + 32));
}

/*
 * Map the table at @phys, checking its length and checksum; @sig, if
 * given, must be its signature.  Returns the mapping or NULL (and the
 * reason in @out).
 */
static const u8 *map_table(u64 phys, const char *sig, const struct acpi_access *acc,
			   struct acpi_cpus *out, u32 *lenp)
{
	const u8 *hdr, *t;
	char name[5];
	u32 len;
	u8 sum;

	if (!phys)
		return fail(out, "table address 0"), NULL;
	hdr = acc->map(phys, ACPI_SDT_HDR_LEN);
	if (!hdr)
		return fail(out, "cannot map the table header at %#llx",
			    (unsigned long long)phys), NULL;
	memcpy(name, hdr, 4);
	name[4] = '\0';
	len = get_u32(hdr + 4);
	acc->unmap(hdr, ACPI_SDT_HDR_LEN);
	if (sig && memcmp(name, sig, 4))
		return fail(out, "table at %#llx has signature \"%.4s\", expected %s",
			    (unsigned long long)phys, name, sig), NULL;
	if (len < ACPI_SDT_HDR_LEN || len > ACPI_TABLE_MAX_LEN)
		return fail(out, "[%.4s] at %#llx: length %u outside %u..%u",
			    name, (unsigned long long)phys, len,
			    ACPI_SDT_HDR_LEN, ACPI_TABLE_MAX_LEN), NULL;
	t = acc->map(phys, len);
	if (!t)
		return fail(out, "cannot map [%.4s] at %#llx (%u bytes)", name,
			    (unsigned long long)phys, len), NULL;
	sum = acpi_checksum(t, len);
	if (sum) {
		acc->unmap(t, len);
		return fail(out, "[%.4s] at %#llx: bad checksum (bytes sum to %#x, not 0)",
			    name, (unsigned long long)phys, sum), NULL;
	}
	if (acc->print)
		print_table(t, phys);
	*lenp = len;
	return t;
}

/* Record one enabled CPU's APIC ID; the boot CPU's goes first. */
static void add_cpu(struct acpi_cpus *out, u32 apic_id, u32 flags)
{
	/* not enabled: absent, or (online-capable) hot-pluggable, not here */
	if (!(flags & MADT_ENABLED)) {
		out->nr_disabled++;
		return;
	}
	if (out->nr_cpus >= NR_CPUS) {
		out->nr_ignored++;
		return;
	}
	out->apic_ids[out->nr_cpus++] = apic_id;
}

/* Walk the MADT's entries (already checked as a whole table). */
static int parse_madt(const u8 *t, u32 len, struct acpi_cpus *out)
{
	u32 off;

	if (len < MADT_FIXED_LEN)
		return fail(out, "[APIC]: length %u shorter than its fixed part (%u)",
			    len, MADT_FIXED_LEN);
	out->lapic_phys = get_u32(t + ACPI_SDT_HDR_LEN);
	for (off = MADT_FIXED_LEN; off < len; off += t[off + 1]) {
		const u8 *e = t + off;

		if (len - off < 2 || e[1] < 2 || e[1] > len - off)
			return fail(out, "[APIC]: entry at offset %u (type %u, length %u) overruns the table (%u bytes) or is empty",
				    off, e[0], len - off < 2 ? 0 : e[1], len);
		switch (e[0]) {
		case MADT_LOCAL_APIC:
			if (e[1] < 8)
				return fail(out, "[APIC]: local APIC entry at offset %u has length %u, needs 8",
					    off, e[1]);
			add_cpu(out, e[3], get_u32(e + 4));
			break;
		case MADT_LOCAL_X2APIC:
			if (e[1] < 16)
				return fail(out, "[APIC]: x2APIC entry at offset %u has length %u, needs 16",
					    off, e[1]);
			add_cpu(out, get_u32(e + 4), get_u32(e + 8));
			break;
		case MADT_LAPIC_OVERRIDE:
			if (e[1] < 12)
				return fail(out, "[APIC]: APIC address override at offset %u has length %u, needs 12",
					    off, e[1]);
			out->lapic_phys = get_u64(e + 4);
			break;
		}
	}
	if (!out->nr_cpus)
		return fail(out, "[APIC]: no enabled local APIC listed");
	return 0;
}

/**
 * acpi_find_cpus - the enabled CPUs listed in the MADT
 * @rsdp: the RSDP (a copy is fine: only its fields are read)
 * @rsdp_len: bytes readable at @rsdp (20 or 36)
 * @acc: how to map a physical table
 * @out: filled in; on failure, @out->err says what was wrong
 *
 * Return: 0, or -EINVAL for a missing or malformed table.
 * Context: Boot (ioremap), or any context with a test's @acc.
 */
int acpi_find_cpus(const void *rsdp, u32 rsdp_len,
		   const struct acpi_access *acc, struct acpi_cpus *out)
{
	const u8 *r = rsdp, *root;
	u32 root_len, entry_size, i, len;
	u64 root_phys;
	int ret = -EINVAL;

	memset(out, 0, sizeof(*out));
	if (!r || rsdp_len < ACPI_RSDP_V1_LEN)
		return fail(out, "no RSDP from the boot loader");
	if (memcmp(r, "RSD PTR ", 8))
		return fail(out, "RSDP: bad signature");
	if (acpi_checksum(r, ACPI_RSDP_V1_LEN))
		return fail(out, "RSDP: bad checksum (first 20 bytes sum to %#x)",
			    acpi_checksum(r, ACPI_RSDP_V1_LEN));
	if (r[15] >= 2 && rsdp_len >= ACPI_RSDP_V2_LEN) {
		if (get_u32(r + 20) < ACPI_RSDP_V2_LEN || get_u32(r + 20) > rsdp_len)
			return fail(out, "RSDP: length %u outside %u..%u",
				    get_u32(r + 20), ACPI_RSDP_V2_LEN, rsdp_len);
		if (acpi_checksum(r, get_u32(r + 20)))
			return fail(out, "RSDP: bad extended checksum");
	}
	if (acc->print)
		pr_info("ACPI: RSDP 0x%016llX %06X (v%02u %-6.6s)\n",
			(unsigned long long)__pa(r),
			r[15] >= 2 ? get_u32(r + 20) : ACPI_RSDP_V1_LEN, r[15], r + 9);

	if (r[15] >= 2 && rsdp_len >= ACPI_RSDP_V2_LEN && get_u64(r + 24)) {
		root_phys = get_u64(r + 24);
		root = map_table(root_phys, "XSDT", acc, out, &root_len);
		entry_size = 8;
	} else {
		root_phys = get_u32(r + 16);
		root = map_table(root_phys, "RSDT", acc, out, &root_len);
		entry_size = 4;
	}
	if (!root)
		return -EINVAL;
	for (i = ACPI_SDT_HDR_LEN; i + entry_size <= root_len; i += entry_size) {
		u64 phys = entry_size == 8 ? get_u64(root + i) : get_u32(root + i);
		const u8 *hdr, *madt;

		if (!phys)
			continue;
		hdr = acc->map(phys, ACPI_SDT_HDR_LEN);
		if (!hdr)
			continue;
		ret = memcmp(hdr, "APIC", 4);
		acc->unmap(hdr, ACPI_SDT_HDR_LEN);
		if (ret) {
			ret = -EINVAL;
			continue;
		}
		madt = map_table(phys, "APIC", acc, out, &len);
		if (!madt) {
			ret = -EINVAL;
			break;
		}
		ret = parse_madt(madt, len, out);
		acc->unmap(madt, len);
		break;
	}
	if (ret && !out->err[0])
		fail(out, "no MADT (\"APIC\" table) in the %s", entry_size == 8 ? "XSDT" : "RSDT");
	acc->unmap(root, root_len);
	return ret;
}

/* The kernel's table access: a short-lived uncached mapping per table. */
static const void *acpi_ioremap(u64 phys, u32 len)
{
	unsigned long off = phys & ~PAGE_MASK;
	void __iomem *base = ioremap(phys - off, PAGE_ALIGN(off + len));

	return base ? (const u8 *)base + off : NULL;
}

static void acpi_iounmap(const void *virt, u32 len)
{
	iounmap((void __iomem *)((unsigned long)virt & PAGE_MASK));
}

/* This CPU's initial APIC ID (CPUID 1, EBX bits 31..24). */
static u32 boot_cpu_apic_id(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return b >> 24;
}

/**
 * acpi_boot_init - find the CPUs: the possible mask and their APIC IDs
 *
 * CPU 0 is the boot CPU; the others are numbered in MADT order.  With no
 * usable MADT the boot CPU runs alone, and the reason is printed.
 *
 * Context: Boot, after apic_init() (whose ioremap stays the first vmalloc
 * area), before the first kernel thread (it copies the possible mask).
 */
void __init acpi_boot_init(void)
{
	static const struct acpi_access acc = {
		.map = acpi_ioremap, .unmap = acpi_iounmap, .print = true,
	};
	const void *rsdp = boot_info.acpi_rsdp_v2 ?: boot_info.acpi_rsdp_v1;
	u32 rsdp_len = boot_info.acpi_rsdp_v2 ? ACPI_RSDP_V2_LEN : ACPI_RSDP_V1_LEN;
	u32 boot_id = boot_cpu_apic_id();
	struct acpi_cpus *cpus = &acpi_boot_cpus;
	unsigned int i, cpu = 1;

	x86_cpu_to_apicid[0] = boot_id;
	if (acpi_find_cpus(rsdp, rsdp_len, &acc, cpus)) {
		pr_warn("ACPI: %s: booting with the boot CPU only\n", cpus->err);
		return;
	}
	pr_info("ACPI: Using ACPI (MADT) for SMP configuration information\n");
	for (i = 0; i < cpus->nr_cpus; i++) {
		if (cpus->apic_ids[i] == boot_id)
			continue;
		if (cpu >= NR_CPUS) {
			cpus->nr_ignored++;
			continue;
		}
		x86_cpu_to_apicid[cpu] = cpus->apic_ids[i];
		set_cpu_possible(cpu++, true);
	}
	if (cpus->nr_ignored)
		pr_warn("APIC: NR_CPUS/possible_cpus limit of %u reached: %u CPU(s) ignored\n",
			NR_CPUS, cpus->nr_ignored);
	pr_info("smpboot: Allowing %u CPUs, 0 hotplug CPUs\n", num_possible_cpus());
}
