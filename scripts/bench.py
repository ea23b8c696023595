#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
bench.py - collect the in-kernel benchmark rows from a ktest log.

    scripts/bench.py LOG TSV
    scripts/bench.py --smp SMP1_TSV... -- SMP2_TSV...

`make bench` boots the kernel once with ktest=bench* (the suites of
<kunit/bench.h>); each benchmark prints a KTAP diagnostic line

    # bench page_order0_pair: 212 cycles/op

This script reads those lines from LOG (the serial log), prints them as a
table and writes TSV: one line "name<TAB>cycles_per_op" per row, in the
order the kernel ran them.  Exit status 1 when LOG has no row.

The rows run on every CPU at once (tests/kernel/slab_smp_bench.c) print
a second line,

    # bench_smp kmalloc64_pair_percpu: 2 CPUs, 22345678 pairs/s per CPU, alone 22901234, ratio 0.98, 51 rounds, 47 together (22300000 pairs/s per CPU), CPU0 ...

which goes to a second table and to TSV_smp.tsv beside TSV (kernel.tsv:
kernel_smp.tsv), one line per row: "name<TAB>cpus<TAB>pairs_per_s_per_cpu
<TAB>alone_pairs_per_s<TAB>rounds_together<TAB>together_pairs_per_s".

`make bench-smp` boots SMP=1 and SMP=2 in turn, a few times, keeps each
boot's _smp.tsv, and calls the second form: for each row, the best
per-CPU rate of the SMP=1 boots and of the SMP=2 boots and their ratio,

    per-CPU kmalloc pairs/s: SMP=1 23500000, SMP=2 22400000, ratio 0.95 (kmalloc64_pair_percpu)

then whether the ratio reaches TARGET (0.90: within 10% of one CPU's
rate).  Exit status 1 when a file has no row.
"""

import os
import re
import statistics
import sys

ROW = re.compile(r'#\s+bench\s+(\S+):\s+(\d+)\s+cycles/op')
SMP_ROW = re.compile(r'#\s+bench_smp\s+(\S+):\s+(\d+)\s+CPUs,\s+(\d+)\s+pairs/s per CPU,'
                     r'\s+alone\s+(\d+),\s+ratio\s+[\d.]+,\s+(\d+)\s+rounds,'
                     r'\s+(\d+)\s+together\s+\((\d+)\s+pairs/s per CPU\)')
TARGET = 0.90		# SMP=2 per CPU at least 90% of SMP=1


def parse(text):
    """[(name, cycles)] in log order; a name seen twice keeps the last."""
    rows = {}
    for line in text.splitlines():
        m = ROW.search(line)
        if m:
            rows.pop(m.group(1), None)
            rows[m.group(1)] = int(m.group(2))
    return list(rows.items())


def parse_smp(text):
    """[(name, cpus, rate, alone, rounds, together, together_rate)] in log order."""
    rows = {}
    for line in text.splitlines():
        m = SMP_ROW.search(line)
        if m:
            rows.pop(m.group(1), None)
            rows[m.group(1)] = (m.group(1),) + tuple(int(g) for g in m.groups()[1:])
    return list(rows.values())


def smp_tsv_path(tsv):
    """kernel.tsv -> kernel_smp.tsv, in the same folder."""
    base, ext = os.path.splitext(tsv)
    return base + '_smp' + (ext or '.tsv')


def ratio(a, b):
    return a / b if b else 0.0


def write_smp(rows, path):
    with open(path, 'w') as f:
        for name, cpus, rate, alone, _rounds, together, together_rate in rows:
            f.write('%s\t%d\t%d\t%d\t%d\t%d\n'
                    % (name, cpus, rate, alone, together, together_rate))


def read_smp(path):
    """{name: (cpus, rate, alone, together, together_rate)} from a _smp.tsv file."""
    rows = {}
    with open(path) as f:
        for line in f:
            parts = line.rstrip('\n').split('\t')
            if len(parts) == 6:
                rows[parts[0]] = tuple(int(p) for p in parts[1:])
    return rows


def compare_smp(one, two):
    """
    Lines comparing the per-CPU rates of the SMP=1 boots (@one, a list of
    read_smp() results) with those of the SMP=2 boots (@two).  The
    headline takes each row's best boot at each CPU count: the host's
    other work only ever slows a boot down (as kunit_bench() takes the
    best round); the medians over the boots, the in-boot ratio all/alone
    and the rounds together follow on the second line.
    """
    lines = []
    names = [n for n in one[0] if all(n in r for r in one + two)] if one else []
    for name in names:
        r1 = max(r[name][1] for r in one)
        r2 = max(r[name][1] for r in two)
        m1 = statistics.median(r[name][1] for r in one)
        m2 = statistics.median(r[name][1] for r in two)
        inboot = statistics.median(ratio(r[name][1], r[name][2]) for r in two)
        together = statistics.median(r[name][3] for r in two)
        q = ratio(r2, r1)
        lines.append('per-CPU kmalloc pairs/s: SMP=1 %d, SMP=2 %d, ratio %.2f (%s)'
                     % (r1, r2, q, name))
        lines.append('    %s; best of %d and %d boots; medians SMP=1 %d, SMP=2 %d '
                     '(ratio %.2f); in the SMP=2 boots: all/alone %.2f, %d of 51 '
                     'rounds together'
                     % ('within 10%' if q >= TARGET else 'BELOW %.2f' % TARGET,
                        len(one), len(two), m1, m2, ratio(m2, m1), inboot, together))
    return lines


def main_smp(argv):
    if '--' not in argv:
        sys.stderr.write(__doc__)
        return 2
    cut = argv.index('--')
    files1, files2 = argv[:cut], argv[cut + 1:]
    if not files1 or not files2:
        sys.stderr.write(__doc__)
        return 2
    one = [read_smp(p) for p in files1]
    two = [read_smp(p) for p in files2]
    if not all(one + two):
        print('bench: a file has no per-CPU row: %s'
              % ' '.join(p for p, r in zip(files1 + files2, one + two) if not r))
        return 1
    lines = compare_smp(one, two)
    if not lines:
        print('bench: no per-CPU row in common')
        return 1
    print('\n'.join(lines))
    return 0


def main(argv):
    if len(argv) >= 2 and argv[1] == '--smp':
        return main_smp(argv[2:])
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    log, tsv = argv[1], argv[2]
    with open(log, errors='replace') as f:
        text = f.read()
    rows, smp_rows = parse(text), parse_smp(text)
    if not rows:
        print('bench: no "# bench NAME: N cycles/op" line in %s' % log)
        return 1
    width = max(len('benchmark'), *(len(name) for name, _ in rows))
    print('%-*s  %10s' % (width, 'benchmark', 'cycles/op'))
    for name, cycles in rows:
        print('%-*s  %10d' % (width, name, cycles))
    os.makedirs(os.path.dirname(tsv) or '.', exist_ok=True)
    with open(tsv, 'w') as f:
        for name, cycles in rows:
            f.write('%s\t%d\n' % (name, cycles))
    print('bench: %d rows written to %s' % (len(rows), tsv))
    if smp_rows:
        width = max(len('on every CPU at once'), *(len(r[0]) for r in smp_rows))
        print('%-*s  %4s  %12s  %12s  %5s  %s' % (width, 'on every CPU at once', 'CPUs',
                                                  'pairs/s/CPU', 'one alone',
                                                  'ratio', 'rounds together'))
        for name, cpus, rate, alone, rounds, together, together_rate in smp_rows:
            print('%-*s  %4d  %12d  %12d  %5.2f  %d of %d (%d pairs/s/CPU)'
                  % (width, name, cpus, rate, alone, ratio(rate, alone), together, rounds,
                     together_rate))
        write_smp(smp_rows, smp_tsv_path(tsv))
        print('bench: %d per-CPU rows written to %s' % (len(smp_rows), smp_tsv_path(tsv)))
    elif os.path.exists(smp_tsv_path(tsv)):
        os.remove(smp_tsv_path(tsv))	# an earlier run's: not this one's
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
