#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
r"""
gdb_session.py - the scripted gdb session of `make test` (`make gdbtest`).

It checks that a student can debug this kernel with gdb, and that the gdb
helpers (scripts/gdb/teachkernel.py) print exactly what the kernel's own
reports print:

  1. QEMU starts paused (-S) with its gdb stub on a free local port, the
     test kernel booting with ktest=selftest_gdb (tests/kernel/gdb_selftest.c),
     TCG, serial output to build/gdbtest-serial.log (the command line is
     scripts/qemu_driver.py's).
  2. gdb runs in batch mode with the .gdbinit that `make qemu-gdb` would
     write (scripts/gdbinit.in, for this port), then
     scripts/gdb/session_steps.py: break in kmalloc, step, finish, check
     that lx-slabinfo counts the new object; stop at gdb_checkpoint(),
     where the kernel has just printed every report with interrupts off,
     and run every lx- helper.  On the way: lx-symbols, a breakpoint in
     the init of the module the case loads (the ISO boots with
     examples/modules/kmalloc_param.ko), set before it is loaded.
  3. The kernel then finishes its case and powers off; QEMU's exit status
     says whether the case passed.
  4. Each helper's text is compared with the report the kernel printed
     just before the checkpoint (serial "\r\n" read as "\n").  A
     difference is shown as a diff.

Many CPUs.  Each --smp N given is one session with N vCPUs (make gdbtest
runs 1 and 4).  On 4, the kernel holds its other CPUs and leaves objects
in each one's own sheaf (see tests/kernel/gdb_selftest.c), and the
session checks that gdb sees one thread per CPU, each CPU's sheaf and
task, and that every helper that adds up per-CPU parts (slabinfo, meminfo,
cpus) still prints the kernel's figures.

Every wait has a deadline (--timeout for each session); QEMU and gdb run
in their own process groups and are killed on the way out, whatever
happens.  Output: one "ok"/"FAIL" line per check ("[SMP=N]" before each
when there are several sessions), then "gdbtest: N passed, N failed" for
all of them; exit status 0 only if all passed.

Usage: gdb_session.py --iso build/gdbtest.iso --elf build/kernel.elf
                      [--iso-elf build/gdbtest-iso/boot/kernel.elf]
                      [--gdb gdb] [--qemu qemu-system-x86_64] [--mem 512M]
                      [--smp N ...] [--timeout 120] [--prefix build/gdbtest]
"""

import argparse
import difflib
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import time

import ktap
import qemu_driver
from qemu_driver import QEMU_EXIT_PASS, kill_group

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUOTE = "| "			# before each line of a quoted report
QUOTED_REPORTS = ("dmesg",)


def elf_section(path, wanted):
    """The bytes of section @wanted of an ELF64 little-endian file, or None."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2:
        return None
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3a)

    def header(i):
        # name, type, flags, addr, offset, size
        return struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize)

    strtab = header(shstrndx)
    for i in range(shnum):
        name, _, _, _, offset, size = header(i)
        start = strtab[4] + name
        if data[start:data.index(b"\0", start)].decode() == wanted:
            return data[offset:offset + size]
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Session:
    def __init__(self, args, label=""):
        self.args = args
        self.label = label		# "[SMP=N] " when there are several
        self.qemu = self.gdb = None
        self.hung = None		# why gdb was killed, if it was
        self.checks = []		# (ok, name, detail)
        base = args.prefix
        self.serial_log = base + "-serial.log"
        self.gdb_log = base + "-gdb.log"
        self.result_file = base + "-result.json"
        self.elf = base + ".elf"
        self.gdbinit = base + ".gdbinit"
        self.deadline = time.monotonic() + qemu_driver.scaled(args.timeout)

    def check(self, ok, name, detail=""):
        self.checks.append((ok, name, detail))
        print("%s%s %s%s" % (self.label, "ok  " if ok else "FAIL", name,
                           " (%s)" % detail if detail else ""), flush=True)
        return ok

    def left(self):
        return max(1.0, self.deadline - time.monotonic())

    # ---- setting up --------------------------------------------------------

    def prepare(self):
        """A private copy of the ELF, checked against the ISO's kernel."""
        shutil.copyfile(self.args.elf, self.elf)
        if self.args.iso_elf:
            mine = elf_section(self.elf, ".text")
            booted = elf_section(self.args.iso_elf, ".text")
            if mine is None or mine != booted:
                return self.check(False, "kernel.elf is the kernel on the ISO",
                                  "%s was rebuilt after the ISO was made; run again"
                                  % self.args.elf)
        with open(os.path.join(ROOT, "scripts/gdbinit.in")) as f:
            template = f.read()
        if "file build/kernel.elf" not in template or "@GDBPORT@" not in template:
            return self.check(False, "scripts/gdbinit.in",
                              "no 'file build/kernel.elf' or @GDBPORT@ line")
        self.template = template.replace("file build/kernel.elf",
                                         "file " + os.path.relpath(self.elf, ROOT))
        return True

    def start_qemu(self):
        """QEMU paused with its gdb stub; a few ports tried if one is taken."""
        for _ in range(5):
            port = free_port()
            if os.path.exists(self.serial_log):
                os.unlink(self.serial_log)
            # Always TCG: the session sets software breakpoints before the
            # kernel is loaded, which only QEMU's own breakpoints survive
            # (scripts/gdbinit.in explains "hbreak" under KVM).
            cmd = qemu_driver.command(iso=self.args.iso, qemu=self.args.qemu,
                                      mem=self.args.mem, smp=self.args.smp,
                                      kvm="0",
                                      serial="file:" + self.serial_log,
                                      gdb_port=port, paused=True)
            try:
                self.qemu = qemu_driver.spawn(cmd, stderr=subprocess.STDOUT)
            except qemu_driver.QemuError as e:
                return self.check(False, "start QEMU", str(e))
            try:
                out, _ = self.qemu.communicate(timeout=0.5)
            except subprocess.TimeoutExpired:
                self.port = port
                return True		# still running: listening
            self.qemu = None
            if b"in use" not in out and b"Address" not in out:
                return self.check(False, "start QEMU", out.decode(errors="replace").strip())
        return self.check(False, "start QEMU", "no free port for the gdb stub")

    def run_gdb(self):
        with open(self.gdbinit, "w") as f:
            f.write(self.template.replace("@GDBPORT@", str(self.port)))
        if os.path.exists(self.result_file):
            os.unlink(self.result_file)
        env = dict(os.environ, GDB_SESSION_RESULT=self.result_file,
                   GDB_SESSION_SERIAL=self.serial_log,
                   GDB_SESSION_SMP=str(self.args.smp))
        cmd = [self.args.gdb, "-q", "-nx", "-batch",
               "-x", os.path.relpath(self.gdbinit, ROOT),
               "-x", "scripts/gdb/session_steps.py"]
        with open(self.gdb_log, "w") as log:
            try:
                self.gdb = qemu_driver.spawn(cmd, cwd=ROOT, env=env, stdout=log,
                                             stderr=subprocess.STDOUT)
            except qemu_driver.QemuError as e:
                return self.check(False, "start gdb", str(e))
            try:
                self.gdb.wait(timeout=self.left())
            except subprocess.TimeoutExpired:
                kill_group(self.gdb)
                log.flush()
                with open(self.gdb_log, errors="replace") as f:
                    lines = [l for l in f.read().splitlines() if l.strip()]
                self.hung = "killed after %d s, last: %r" % (
                    self.args.timeout, lines[-1] if lines else "")
        return True

    # ---- judging -----------------------------------------------------------

    def judge(self):
        try:
            with open(self.result_file) as f:
                result = json.load(f)
        except (OSError, ValueError):
            return self.check(False, "gdb session ran", self.hung or
                              "no result; transcript: %s" % self.gdb_log)
        for step in result["steps"]:
            self.check(step["ok"], "gdb: " + step["name"], step["detail"])
        if self.hung:
            self.check(False, "gdb session ends in time", self.hung)

        with open(self.serial_log, "rb") as f:
            serial = f.read().decode("latin-1").replace("\r\n", "\n")
        reports = self.split_reports(serial)
        self.check_one_ktap_stream(serial)
        for cmd, expected in reports.items():
            got = result["helpers"].get(cmd)
            if cmd == "lsmod" and got is not None:
                got = self.without_address(got)
            name = "lx-%s matches the kernel's %s" % (cmd, cmd.split()[0])
            if got is None:
                self.check(False, name, "helper not run")
            elif got == expected:
                self.check(True, name, "%d lines" % expected.count("\n"))
            else:
                self.check(False, name, "differs, see below")
                diff = difflib.unified_diff(expected.splitlines(), got.splitlines(),
                                            "kernel: " + cmd, "gdb: lx-" + cmd,
                                            lineterm="", n=1)
                for line in list(diff)[:40]:
                    print("    " + line)
        if result["object"] is not None and reports:
            walks = [c for c in reports if c.startswith("pagewalk ")]
            first = int(walks[0].split()[1], 16) if walks else None
            self.check(first == result["object"],
                       "finish returned the object the kernel used",
                       "%#x" % result["object"])

        # the case freed its memory and passed; QEMU exited on its own
        try:
            status = self.qemu.wait(timeout=min(10.0, self.left()))
        except subprocess.TimeoutExpired:
            status = None
        passed = re.search(r"^(\[[ 0-9.]+\] )?ok \d+ selftest_gdb$", serial, re.M) is not None
        self.check(passed and status == QEMU_EXIT_PASS,
                   "kernel case selftest_gdb.reports_match_gdb passed",
                   "QEMU exit status %s" % status)
        return True

    def without_address(self, lsmod):
        """lx-lsmod's text less its Address column (Linux's lx-lsmod has it,
        the shell's lsmod, as Linux's, has not); each address must be in the
        module area."""
        lines = lsmod.splitlines(True)
        bad = [l for l in lines[1:] if not re.match(r"0xffffffff[a-f][0-9a-f]{7} ", l)]
        header = lines[0].startswith("Address            Module")
        self.check(header and not bad and len(lines) > 1,
                   "lx-lsmod: Address column, modules at MODULES_VADDR",
                   "%d module(s)%s" % (len(lines) - 1, "; bad: %r" % bad[0] if bad else ""))
        return "".join(l[19:] for l in lines)

    @staticmethod
    def split_reports(serial):
        """{command: text} from the "@@gdb-report COMMAND" sections.

        The kernel quotes its dmesg report with "| " before each line
        (gdb_report_dmesg() in tests/kernel/gdb_selftest.c), so that the
        log's own KTAP lines, replayed, do not read as a second KTAP
        stream; the quote is taken off here.
        """
        reports = {}
        parts = re.split(r"^@@gdb-(?:report (.*)|end)\n", serial, flags=re.M)
        # parts: [before, cmd1, text1, cmd2, text2, ..., None, after]
        for i in range(1, len(parts) - 1, 2):
            if parts[i] is None:
                continue
            text = parts[i + 1]
            if parts[i] in QUOTED_REPORTS:
                text = "".join(l[len(QUOTE):] if l.startswith(QUOTE) else "!" + l
                               for l in text.splitlines(True))
            reports[parts[i]] = text
        return reports

    def check_one_ktap_stream(self, serial):
        """The serial log parses as one KTAP run: selftest_gdb, one case."""
        parser = ktap.KtapParser()
        for line in serial.split("\n"):
            parser.feed_line(line)
        summary = parser.finish()
        problems = list(summary.problems)
        if parser.restarts:
            problems.insert(0, "%d more KTAP stream(s)" % parser.restarts)
        names = [s.name for s in summary.suites]
        if names != ["selftest_gdb"]:
            problems.append("suites %s" % names)
        self.check(not problems, "the serial log is one KTAP stream",
                   "; ".join(problems) or "selftest_gdb, %d case" % summary.passed)

    def run(self):
        try:
            if self.prepare() and self.start_qemu() and self.run_gdb():
                self.judge()
        finally:
            kill_group(self.gdb)
            kill_group(self.qemu)
        failed = sum(1 for ok, _, _ in self.checks if not ok)
        if failed:
            print("%slogs: %s (gdb), %s (kernel)" % (self.label, self.gdb_log,
                                                   self.serial_log))
        return len(self.checks) - failed, failed


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    p.add_argument("--iso", required=True)
    p.add_argument("--elf", required=True, help="the kernel with debug info")
    p.add_argument("--iso-elf", help="the kernel inside the ISO, to check it is --elf")
    p.add_argument("--gdb", default="gdb")
    p.add_argument("--qemu", default=os.environ.get("QEMU", qemu_driver.DEFAULT_QEMU))
    p.add_argument("--mem", default="512M")
    p.add_argument("--smp", type=qemu_driver.smp_count, action="append",
                   help="guest CPUs, 1..%d; once per session (default $SMP or 1)"
                   % qemu_driver.MAX_SMP)
    p.add_argument("--timeout", type=float, default=120,
                   help="seconds for the whole session (times TK_TIMEOUT_SCALE)")
    p.add_argument("--prefix", default="build/gdbtest",
                   help="where its files go: PREFIX-gdb.log (the gdb transcript), "
                   "PREFIX-serial.log, PREFIX-result.json, PREFIX.elf, PREFIX.gdbinit")
    args = p.parse_args()

    def on_signal(signum, frame):
        raise SystemExit(128 + signum)	# runs the finally: kills QEMU and gdb

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    os.makedirs(os.path.dirname(os.path.abspath(args.prefix)), exist_ok=True)
    counts = args.smp or [qemu_driver.smp_count(os.environ.get("SMP") or "1")]
    passed = failed = 0
    for smp in counts:
        one = argparse.Namespace(**vars(args))
        one.smp = smp
        label = ""
        if len(counts) > 1:
            # each session's files apart: PREFIX-smpN-gdb.log ...
            one.prefix = "%s-smp%d" % (args.prefix, smp)
            label = "[SMP=%d] " % smp
        p, f = Session(one, label).run()
        passed += p
        failed += f
    print("gdbtest: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
