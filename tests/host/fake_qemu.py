#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
A stand-in for qemu-system-x86_64, for testing scripts/ktest.py without a
kernel.  ktest.py passes it the usual QEMU arguments; the test adds its own
through --extra-qemu-arg:

    --fake-log=FILE     print FILE on stdout (the "serial port"), slowly
                        enough that it arrives in several reads
    --fake-exit=N       then exit with status N (default 1: kernel passed)
    --fake-hang         then sleep forever, as a hung kernel would
    --fake-argv=FILE    write the arguments received to FILE, one a line

Anything else is ignored, as the real QEMU arguments are.
"""

import sys
import time


def main(argv):
    log, code, hang, argv_file = None, 1, False, None
    for arg in argv:
        if arg.startswith('--fake-log='):
            log = arg.split('=', 1)[1]
        elif arg.startswith('--fake-exit='):
            code = int(arg.split('=', 1)[1])
        elif arg == '--fake-hang':
            hang = True
        elif arg.startswith('--fake-argv='):
            argv_file = arg.split('=', 1)[1]
    if argv_file:
        with open(argv_file, 'w') as f:
            f.write('\n'.join(argv) + '\n')
    if log:
        with open(log, 'rb') as f:
            data = f.read()
        # Split in odd places to exercise the partial-line handling.
        for i in range(0, len(data), 37):
            sys.stdout.buffer.write(data[i:i + 37])
            sys.stdout.buffer.flush()
        sys.stderr.write('fake-qemu: done\n')
    if hang:
        while True:
            time.sleep(3600)
    return code


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
