#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
bench.py - collect the in-kernel benchmark rows from a ktest log.

    scripts/bench.py LOG TSV

`make bench` boots the kernel once with ktest=bench* (the suites of
<kunit/bench.h>); each benchmark prints a KTAP diagnostic line

    # bench page_order0_pair: 212 cycles/op

This script reads those lines from LOG (the serial log), prints them as a
table and writes TSV: one line "name<TAB>cycles_per_op" per row, in the
order the kernel ran them.  Exit status 1 when LOG has no row.
"""

import os
import re
import sys

ROW = re.compile(r'#\s+bench\s+(\S+):\s+(\d+)\s+cycles/op')


def parse(text):
    """[(name, cycles)] in log order; a name seen twice keeps the last."""
    rows = {}
    for line in text.splitlines():
        m = ROW.search(line)
        if m:
            rows.pop(m.group(1), None)
            rows[m.group(1)] = int(m.group(2))
    return list(rows.items())


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    log, tsv = argv[1], argv[2]
    with open(log, errors='replace') as f:
        rows = parse(f.read())
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
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
