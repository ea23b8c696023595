#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
A stand-in for qemu-system-x86_64, for testing scripts/ktest.py and
scripts/qemu_driver.py without a kernel.  They pass it the usual QEMU
arguments; a test adds its own (ktest.py: through --extra-qemu-arg):

    --fake-log=FILE     print FILE on stdout (the "serial port"), slowly
                        enough that it arrives in several reads
    --fake-exit=N       then exit with status N (default 1: kernel passed)
    --fake-hang         then sleep forever, as a hung kernel would
    --fake-argv=FILE    write the arguments received to FILE, one a line
    --fake-shell        then act as the kernel shell: print "tk> ", read a
                        line ending in "\r" from stdin, answer
                        "you typed LINE", until "poweroff" or end of input

Anything else is ignored, as the real QEMU arguments are.
"""

import sys
import time


def fake_shell():
    out = sys.stdout.buffer
    while True:
        out.write(b'tk> ')
        out.flush()
        line = b''
        while not line.endswith(b'\r'):
            ch = sys.stdin.buffer.read(1)
            if not ch:
                return
            line += ch
        line = line[:-1]
        if line == b'poweroff':
            return
        out.write(b'\r\nyou typed ' + line + b'\r\n')


def main(argv):
    log, code, hang, argv_file, shell = None, 1, False, None, False
    for arg in argv:
        if arg.startswith('--fake-log='):
            log = arg.split('=', 1)[1]
        elif arg.startswith('--fake-exit='):
            code = int(arg.split('=', 1)[1])
        elif arg == '--fake-hang':
            hang = True
        elif arg == '--fake-shell':
            shell = True
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
    if shell:
        fake_shell()
    if hang:
        while True:
            time.sleep(3600)
    return code


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
