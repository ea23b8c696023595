#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
gen_constants.py - build/gdb/constants.py from the compiled
scripts/gdb/constants.c.

    scripts/gdb/gen_constants.py build/gdb/constants.s > build/gdb/constants.py

Reads the "# @@gdb-const NAME HIGH LOW" lines the compiler wrote into
the assembly (the value's high and low 32 bits, printed as signed ints)
and prints one "NAME = 0x..." line each.  Exit status 1 when there is none (the C file did not
produce what this script expects).
"""

import re
import sys

LINE = re.compile(r'@@gdb-const (\w+) (-?\d+) (-?\d+)\s*$')
WORD = 1 << 32


def constants(asm_text):
    """[(name, value)] in the order of the C file."""
    out = []
    for line in asm_text.splitlines():
        m = LINE.search(line)
        if m:
            high, low = int(m.group(2)) % WORD, int(m.group(3)) % WORD
            out.append((m.group(1), high * WORD + low))
    return out


def main(argv):
    if len(argv) != 2:
        sys.stderr.write('usage: gen_constants.py CONSTANTS.s\n')
        return 2
    with open(argv[1]) as f:
        found = constants(f.read())
    if not found:
        sys.stderr.write('gen_constants.py: no @@gdb-const lines in %s\n'
                         % argv[1])
        return 1
    print('# SPDX-License-Identifier: GPL-2.0')
    print('# Generated from scripts/gdb/constants.c by '
          'scripts/gdb/gen_constants.py: do not edit.')
    for name, value in found:
        print(('%s = %d' if value < 4096 else '%s = %#x') % (name, value))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
