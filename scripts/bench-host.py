#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
bench-host.py - instructions per operation of the allocators, on the host.

    scripts/bench-host.py BENCH_BINARY OUT_TSV [--peer NAME=BINARY ...]

Runs BENCH_BINARY (tests/bench/host_bench.c, built by `make bench-host`)
under `valgrind --tool=callgrind`, then each peer's binary
(tests/bench/peer_bench.c linked with one malloc: glibc, jemalloc,
mimalloc, tcmalloc) the same way.  `--peer NAME=` with no binary says
that the peer's library is not installed: its rows are shown as missing.

Each program dumps callgrind's counters after each measured loop, with
the label "bench NAME N"; every row is measured at N and at 2N
iterations.  Here, for each row:

    instructions_per_op = (Ir(2N) - Ir(N)) / N

which keeps exactly the cost of N more operations: what is paid once
(the call, the client requests, a warm-up) cancels out.  Callgrind counts
instructions, not time, so the figures are the same on every machine
and from run to run.

Prints the table of every row, then the peer comparison (one line per
case, one column per allocator, the best peer marked), and writes
OUT_TSV, one "name<TAB>instructions_per_op" line per row, in the
programs' order.  Exits non-zero if valgrind is missing, a program
fails, a row did not produce both measurements, or a kmalloc row of the
comparison is missing.
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

# The comparison (SPEC section 2): rows ALLOC_CASE.
ALLOCS = ["kmalloc", "glibc", "jemalloc", "mimalloc", "tcmalloc"]
PEERS = ALLOCS[1:]
CASES = ["64_pair", "64var_pair", "mix_pair", "4k_pair", "64_batch100"]
CASE_TEXT = {
    "64_pair": "64 bytes, size a constant",
    "64var_pair": "64 bytes, size unknown to the compiler",
    "mix_pair": "the kmalloc_mix.h sizes",
    "4k_pair": "4096 bytes",
    "64_batch100": "64 bytes: 100 allocations, then 100 frees",
}


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


def per_op(rows, order):
    """[(name, instructions_per_op)] from {name: {n: Ir}}; exits on a bad row."""
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
    return results


def run_binary(binary):
    """Run @binary under callgrind: its rows, [(name, instructions_per_op)]."""
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
    return per_op(rows, order)


def comparison(results, missing):
    """
    The peer table: lines of text.  @results: {name: instructions_per_op};
    @missing: the peers whose library is not installed.  Each line is one
    case, each column one allocator; '*' marks the best peer of the line,
    and the last column says whether kmalloc is at or below it.
    """
    width = max(len(c) for c in CASES)
    head = "%-*s" % (width, "case") + "".join("%11s" % a for a in ALLOCS)
    lines = [head + "  kmalloc vs best peer"]
    for case in CASES:
        peers = {p: results.get("%s_%s" % (p, case)) for p in PEERS}
        known = [v for v in peers.values() if v is not None]
        best = min(known) if known else None
        cells = []
        for a in ALLOCS:
            v = results.get("%s_%s" % (a, case))
            if v is None:
                cells.append("%11s" % ("missing" if a in missing else "-"))
            else:
                mark = "*" if a != "kmalloc" and v == best else " "
                cells.append("%10.1f%s" % (v, mark))
        k = results.get("kmalloc_" + case)
        if k is None or best is None:
            verdict = ""
        elif k <= best:
            verdict = "at or below (%+.1f)" % (k - best)
        else:
            verdict = "ABOVE (%+.1f)" % (k - best)
        lines.append("%-*s" % (width, case) + "".join(cells) + "  " + verdict)
    lines.append("(instructions per alloc+free pair; * = best peer; "
                 "64_batch100: per pair)")
    for p in missing:
        lines.append("%s: not installed, its rows are missing "
                     "(make deps installs it)" % p)
    return lines


def main():
    args = sys.argv[1:]
    peers = []		# (name, binary or "")
    while "--peer" in args:
        i = args.index("--peer")
        if i + 1 >= len(args) or "=" not in args[i + 1]:
            sys.exit("usage: " + __doc__.strip().splitlines()[2].strip())
        name, binary = args[i + 1].split("=", 1)
        peers.append((name, binary))
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit("usage: " + __doc__.strip().splitlines()[2].strip())
    binary, out_tsv = args
    if not shutil.which("valgrind"):
        sys.exit("bench-host: valgrind is not installed (make deps installs it)")

    results = run_binary(binary)
    if not results:
        sys.exit("bench-host: no measurements in the callgrind output")
    missing = []
    for name, peer_binary in peers:
        if not peer_binary:
            missing.append(name)
            continue
        results += run_binary(peer_binary)

    os.makedirs(os.path.dirname(os.path.abspath(out_tsv)), exist_ok=True)
    with open(out_tsv, "w") as f:
        for name, ipo in results:
            f.write("%s\t%.1f\n" % (name, ipo))

    width = max(len(name) for name, _ in results)
    print("%-*s  %s" % (width, "name", "instructions/op"))
    for name, ipo in results:
        print("%-*s  %15.1f" % (width, name, ipo))
    print("(callgrind, %s; written to %s)" % (
        " ".join(os.path.basename(b) for b in [binary] + [p for _, p in peers if p]),
        out_tsv))
    by_name = dict(results)
    if peers:
        print()
        print("\n".join(comparison(by_name, missing)))
    lost = [c for c in CASES if "kmalloc_" + c not in by_name]
    if lost:
        sys.exit("bench-host: rows missing: " +
                 " ".join("kmalloc_" + c for c in lost))


if __name__ == "__main__":
    main()
