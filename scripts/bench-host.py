#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
bench-host.py - instructions per operation of the allocators, on the host.

    scripts/bench-host.py BENCH_BINARY OUT_TSV

Runs BENCH_BINARY (tests/bench/host_bench.c, built by `make bench-host`)
once under `valgrind --tool=callgrind`.  The program dumps callgrind's
counters after each measured loop, with the label "bench NAME N"; every
row is measured at N and at 2N iterations.  Here, for each row:

    instructions_per_op = (Ir(2N) - Ir(N)) / N

which keeps exactly the cost of N more operations: what is paid once
(the call, the client requests, a warm-up) cancels out.  Callgrind counts
instructions, not time, so the figures are the same on every machine
and from run to run.

Prints a table and writes OUT_TSV, one "name<TAB>instructions_per_op"
line per row, in the program's order.  Exits non-zero if valgrind is
missing or a row did not produce both measurements.
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

LABEL = re.compile(r"^desc: Trigger: Client Request: bench (\S+) (\d+)$")
TOTAL = re.compile(r"^(?:summary|totals): (\d+)")


def read_dump(path):
    """(name, iterations, instructions) of one callgrind dump, or None."""
    label = total = None
    with open(path) as f:
        for line in f:
            m = LABEL.match(line.rstrip("\n"))
            if m:
                label = (m.group(1), int(m.group(2)))
                continue
            m = TOTAL.match(line)
            if m and total is None:	# summary comes first; totals repeats it
                total = int(m.group(1))
    if label is None or total is None:
        return None
    return label[0], label[1], total


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: " + __doc__.strip().splitlines()[2].strip())
    binary, out_tsv = sys.argv[1], sys.argv[2]
    if not shutil.which("valgrind"):
        sys.exit("bench-host: valgrind is not installed (make deps installs it)")

    with tempfile.TemporaryDirectory(prefix="bench-host.") as tmp:
        out = os.path.join(tmp, "callgrind.out")
        cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out,
               "--dump-instr=no", "--dump-line=no", binary]
        run = subprocess.run(cmd, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
        if run.returncode != 0:
            sys.stdout.write(run.stdout)
            sys.exit("bench-host: %s exited with %d" % (binary, run.returncode))
        rows = {}		# name -> {iterations: instructions}
        order = []
        for path in sorted(glob.glob(out + ".*"),
                           key=lambda p: int(p.rsplit(".", 1)[1])):
            d = read_dump(path)
            if d is None:
                continue
            name, n, total = d
            if name not in rows:
                rows[name] = {}
                order.append(name)
            rows[name][n] = total

    results = []
    for name in order:
        counts = rows[name]
        if len(counts) != 2:
            sys.exit("bench-host: row %s: want 2 measurements, got %d"
                     % (name, len(counts)))
        n1, n2 = sorted(counts)
        if n2 != 2 * n1:
            sys.exit("bench-host: row %s: iterations %d and %d" % (name, n1, n2))
        results.append((name, (counts[n2] - counts[n1]) / n1))
    if not results:
        sys.exit("bench-host: no measurements in the callgrind output")

    os.makedirs(os.path.dirname(os.path.abspath(out_tsv)), exist_ok=True)
    with open(out_tsv, "w") as f:
        for name, ipo in results:
            f.write("%s\t%.1f\n" % (name, ipo))

    width = max(len(name) for name, _ in results)
    print("%-*s  %s" % (width, "name", "instructions/op"))
    for name, ipo in results:
        print("%-*s  %15.1f" % (width, name, ipo))
    print("(callgrind, %s; written to %s)" % (os.path.basename(binary), out_tsv))


if __name__ == "__main__":
    main()
