#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Measure boot time from QEMU start to the kernel's first serial line.

Usage (normally through `make bench-boot`):

    scripts/boottime.py --iso build/kernel.iso --kernel build/kernel.elf \
        --grub-modules "multiboot2 normal ..." [--runs 7] [--mem 512M]

Three ISOs are booted in turn, each the same way (the command line of
scripts/qemu_driver.py: `-serial stdio -display none -monitor none
-no-reboot -m MEM -cdrom ISO`, TCG with -cpu max unless --kvm), and the host's monotonic clock is read from just before
QEMU is spawned to the arrival of a marker on QEMU's stdout:

  kernel      the ISO that `make iso` builds; marker: the first byte of
              the kernel's first printk line "[    0.0xxxxx] teachkernel".
              Its timestamp is the kernel's own share (first C
              instruction to first line).
  grub-only   an ISO built with the same grub-mkrescue options and
              modules, plus serial, terminal and halt, whose grub.cfg
              prints GRUB-READY on COM1 and halts: what GRUB alone costs.
  firmware    no boot loader at all: a 2 KiB El Torito boot sector that
              writes BIOS-READY to COM1 and halts.  QEMU and SeaBIOS's
              share, the floor under everything else.
  grub-trace  the kernel ISO with grub.cfg instrumented: GRUB-READY on
              COM1, then `multiboot2` (loading the ELF), then
              KERNEL-LOADED, then `boot`.  It splits the gap between
              the two above into GRUB loading the kernel and the rest.

The GRUB-only and traced ISOs are built under build/boottime/.  The
first round is a warm-up (page cache, QEMU's own start) and is not
counted.  Results: a table on stdout and build/boottime/results.tsv
(`config<TAB>event<TAB>run<TAB>seconds`).  Exit status 1 when a boot
does not reach its marker within --timeout seconds.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

import qemu_driver

KERNEL_LINE = re.compile(rb"\[\s*(\d+\.\d+)\] teachkernel")

# GRUB's serial terminal needs serial (the port), terminal
# (terminal_output) and halt (stop once the marker is out).
EXTRA_MODULES = "serial terminal halt"

GRUB_SERIAL = "serial --unit=0 --speed=115200\nterminal_output serial\n"

GRUB_ONLY_CFG = ("# boottime.py: what GRUB alone costs\n" + GRUB_SERIAL +
                 "echo GRUB-READY\nhalt\n")

# Real mode, loaded at 0:7c00 by SeaBIOS (El Torito, no emulation).
BOOT_SECTOR_ASM = """\
bits 16
org 0x7c00
start:	cli
	xor ax, ax
	mov ds, ax
	mov si, msg
.next:	lodsb
	test al, al
	jz .done
	mov bl, al
	mov dx, 0x3fd		; COM1 line status: wait for THR empty
.wait:	in al, dx
	test al, 0x20
	jz .wait
	mov al, bl
	mov dx, 0x3f8
	out dx, al
	jmp .next
.done:	hlt
	jmp .done
msg:	db "BIOS-READY", 13, 10, 0
	times 2048-($-$$) db 0
"""

GRUB_TRACE_CFG = ("# boottime.py: GRUB loading the kernel, instrumented\n"
                  "set timeout=0\nset default=0\n" + GRUB_SERIAL +
                  "menuentry \"teachkernel\" {\n"
                  "\techo GRUB-READY\n"
                  "\tmultiboot2 /boot/kernel.elf\n"
                  "\techo KERNEL-LOADED\n"
                  "\tboot\n"
                  "}\n")


def die(msg):
    print("boottime: " + msg, file=sys.stderr)
    sys.exit(2)


def build_iso(iso, tree, cfg, modules, kernel=None, objcopy="objcopy"):
    """Build ISO from a tree holding grub.cfg (and a stripped kernel)."""
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(os.path.join(tree, "boot", "grub"))
    with open(os.path.join(tree, "boot", "grub", "grub.cfg"), "w") as f:
        f.write(cfg)
    if kernel:
        # As the Makefile's make-iso: the ISO carries no debug info.
        if subprocess.run([objcopy, "--strip-debug", kernel,
                           os.path.join(tree, "boot", "kernel.elf")]
                          ).returncode != 0:
            die("objcopy failed on %s" % kernel)
    log = tree + ".log"
    with open(log, "w") as f:
        r = subprocess.run(["grub-mkrescue", "-o", iso, tree,
                            "--install-modules=" + modules,
                            "--locales=", "--fonts=", "--themes="],
                           stdout=f, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        sys.stderr.write(open(log).read())
        die("grub-mkrescue failed for %s (log: %s)" % (iso, log))


def build_firmware_iso(iso, tree, nasm):
    """Build an ISO whose boot image is BOOT_SECTOR_ASM, no GRUB."""
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(tree)
    asm = tree + ".asm"
    with open(asm, "w") as f:
        f.write(BOOT_SECTOR_ASM)
    if subprocess.run([nasm, "-f", "bin", asm, "-o",
                       os.path.join(tree, "boot.bin")]).returncode != 0:
        die("nasm failed for %s" % asm)
    r = subprocess.run(["xorriso", "-as", "mkisofs", "-quiet", "-o", iso,
                        "-b", "boot.bin", "-no-emul-boot",
                        "-boot-load-size", "4", tree],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode != 0:
        sys.stderr.write(r.stdout.decode())
        die("xorriso failed for %s" % iso)


def boot_once(qemu_cmd, markers, timeout):
    """Boot once and time each marker on QEMU's stdout.

    markers: list of (name, compiled bytes regex), in the order they are
    expected.  Returns ({name: seconds}, kernel_timestamp or None).
    The time of a marker is when the chunk holding its first byte
    arrived.  QEMU is killed as soon as the last marker's line is
    complete, or at the timeout.
    """
    t0 = time.monotonic()
    qemu = qemu_driver.Qemu(qemu_cmd).start()
    buf = bytearray()
    chunks = []                 # (offset of chunk start, arrival time)
    found = {}
    kstamp = None
    deadline = t0 + qemu_driver.scaled(timeout)
    try:
        while len(found) < len(markers):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            data = qemu.read(left)
            now = time.monotonic()
            if data is None:
                continue
            if not data:
                break           # QEMU exited
            chunks.append((len(buf), now))
            buf += data
            for name, rx in markers:
                if name in found:
                    continue
                m = rx.search(buf)
                if not m:
                    continue
                # arrival of the chunk that holds the match's first byte
                at = max(t for off, t in chunks if off <= m.start())
                found[name] = at - t0
                if m.re is KERNEL_LINE:
                    kstamp = float(m.group(1))
    finally:
        qemu.stop()
    err = qemu.stderr_text
    if len(found) < len(markers):
        missing = [n for n, _ in markers if n not in found]
        tail = bytes(buf[-400:]).decode("ascii", "replace")
        raise RuntimeError("no %s within %.0f s; QEMU stderr: %s; "
                           "serial tail: %r" % (", ".join(missing), timeout,
                                                err, tail))
    return found, kstamp


def fmt(xs):
    return "%7.3f %7.3f %7.3f" % (statistics.median(xs), min(xs), max(xs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso", default="build/kernel.iso")
    ap.add_argument("--kernel", default="build/kernel.elf")
    ap.add_argument("--grub-modules", required=True,
                    help="the Makefile's GRUB_MODULES")
    ap.add_argument("--workdir", default="build/boottime")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--mem", default="512M")
    ap.add_argument("--timeout", type=float, default=20)
    ap.add_argument("--objcopy", default="objcopy")
    ap.add_argument("--nasm", default="nasm")
    qemu_driver.add_arguments(ap)
    args = ap.parse_args()
    kvm = qemu_driver.use_kvm(args.kvm)

    for tool in (args.qemu, "grub-mkrescue", "xorriso", args.objcopy,
                 args.nasm):
        if not shutil.which(tool):
            die("%s not found (make deps installs it)" % tool)
    for f in (args.iso, args.kernel):
        if not os.path.isfile(f):
            die("%s missing: run make iso first" % f)
    if args.runs < 1:
        die("--runs must be at least 1")

    os.makedirs(args.workdir, exist_ok=True)
    modules = args.grub_modules + " " + EXTRA_MODULES
    w = args.workdir
    grub_only = os.path.join(w, "grub-only.iso")
    grub_trace = os.path.join(w, "grub-trace.iso")
    firmware = os.path.join(w, "firmware.iso")
    build_firmware_iso(firmware, os.path.join(w, "firmware"), args.nasm)
    build_iso(grub_only, os.path.join(w, "grub-only"), GRUB_ONLY_CFG,
              modules)
    build_iso(grub_trace, os.path.join(w, "grub-trace"), GRUB_TRACE_CFG,
              modules, kernel=args.kernel, objcopy=args.objcopy)

    ready = ("GRUB-READY", re.compile(rb"GRUB-READY"))
    loaded = ("KERNEL-LOADED", re.compile(rb"KERNEL-LOADED"))
    kline = ("kernel line", KERNEL_LINE)
    configs = [
        ("kernel", args.iso, [kline]),
        ("grub-only", grub_only, [ready]),
        ("grub-trace", grub_trace, [ready, loaded, kline]),
        ("firmware", firmware, [("BIOS-READY", re.compile(rb"BIOS-READY"))]),
    ]

    # results[config][event] = [seconds per run]
    results = {c: {n: [] for n, _ in m} for c, _, m in configs}
    kstamps = []
    failed = 0
    for run in range(args.runs + 1):       # run 0 is the warm-up
        for cname, iso, markers in configs:
            cmd = qemu_driver.command(iso=iso, qemu=args.qemu, mem=args.mem,
                                      smp=args.smp,
                                      kvm="1" if kvm else "0")
            try:
                found, kstamp = boot_once(cmd, markers, args.timeout)
            except RuntimeError as e:
                print("boottime: %s run %d: %s" % (cname, run, e),
                      file=sys.stderr)
                failed += 1
                continue
            if run == 0:
                continue
            for name, secs in found.items():
                results[cname][name].append(secs)
            if cname == "kernel" and kstamp is not None:
                kstamps.append(kstamp)

    with open(os.path.join(w, "results.tsv"), "w") as f:
        for cname, events in results.items():
            for name, xs in events.items():
                for i, x in enumerate(xs):
                    f.write("%s\t%s\t%d\t%.6f\n" % (cname, name, i + 1, x))

    k = results["kernel"]["kernel line"]
    g = results["grub-only"]["GRUB-READY"]
    if not k or not g:
        die("no successful runs")
    n = min(len(k), len(g))
    diff = [a - b for a, b in zip(k[:n], g[:n])]
    tr = results["grub-trace"]
    print("boot time, %d runs after a warm-up (%s, -m %s), seconds from "
          "spawning QEMU" % (args.runs, "KVM" if kvm else "TCG",
                             args.mem))
    print("%-48s %7s %7s %7s" % ("", "median", "min", "max"))
    print("%-48s %s" % ("(a) kernel ISO: first kernel line", fmt(k)))
    print("%-48s %s" % ("(b) GRUB alone: GRUB-READY", fmt(g)))
    print("%-48s %s" % ("(a) - (b), same round", fmt(diff)))
    if kstamps:
        print("%-48s %s" % ("    kernel's own first timestamp", fmt(kstamps)))
    fw = results["firmware"]["BIOS-READY"]
    if fw:
        print("%-48s %s" % ("(0) no boot loader: BIOS-READY", fmt(fw)))
        m = min(len(fw), len(g))
        print("%-48s %s" % ("(b) - (0): GRUB itself",
                            fmt([b - a for a, b in zip(fw[:m], g[:m])])))
    if all(tr.values()):
        r, l, kl = tr["GRUB-READY"], tr["KERNEL-LOADED"], tr["kernel line"]
        print("(c) traced kernel ISO (serial GRUB terminal):")
        print("%-48s %s" % ("    GRUB-READY", fmt(r)))
        print("%-48s %s" % ("    KERNEL-LOADED", fmt(l)))
        print("%-48s %s" % ("    first kernel line", fmt(kl)))
        print("%-48s %s" % ("    multiboot2 (GRUB loads the ELF)",
                            fmt([b - a for a, b in zip(r, l)])))
        print("%-48s %s" % ("    boot + kernel up to its first line",
                            fmt([b - a for a, b in zip(l, kl)])))
    print("raw figures: %s" % os.path.join(w, "results.tsv"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
