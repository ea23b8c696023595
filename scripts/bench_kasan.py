#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
bench_kasan.py - make bench beside make KASAN=1 bench, row by row.

    scripts/bench_kasan.py NORMAL.tsv KASAN.tsv

Reads the two TSV files scripts/bench.py writes (name<TAB>cycles_per_op),
prints each row of both with the ratio KASAN / normal, and the geometric
mean of the ratios of the code rows (bench_code: ordinary code) and of
the allocator rows apart.  Exit status 1 when a file has no row or the
two have no row in common.
"""

import math
import sys


def read(path):
    rows = {}
    with open(path) as f:
        for line in f:
            parts = line.split('\t')
            if len(parts) == 2:
                rows[parts[0]] = int(parts[1])
    return rows


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else 0.0


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    normal, kasan = read(argv[1]), read(argv[2])
    names = [n for n in normal if n in kasan]
    if not names:
        sys.stderr.write('bench_kasan: no rows in common\n')
        return 1
    print('%-28s %10s %10s %7s' % ('benchmark', 'normal', 'KASAN=1', 'ratio'))
    code, alloc = [], []
    for n in names:
        ratio = kasan[n] / max(normal[n], 1)
        (code if n.startswith('code_') else alloc).append(ratio)
        print('%-28s %10d %10d %6.1fx' % (n, normal[n], kasan[n], ratio))
    if code:
        print('ordinary code (code_*), geometric mean: %.1fx' % geomean(code))
    if alloc:
        print('allocator rows, geometric mean: %.1fx' % geomean(alloc))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
