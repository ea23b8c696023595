#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
shell_test.py - drive the kernel shell over the serial port, as a
student at the terminal would, and check its answers.

Boots build/kernel.iso (shell on by default) in QEMU with the serial
port on a pipe, waits for each "tk> " prompt, types a command, and checks
the text that came back before the next prompt.  Every wait has a
timeout; the running command is named when one fires.

Usage: scripts/shell_test.py [--iso build/kernel.iso] [--timeout 60]
Prints PASS/FAIL per command and last "N passed, N failed".
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROMPT = b'tk> '

# command, regexes the answer must match (all), regexes it must not match
CHECKS = [
    ('help', [r'kmalloc SIZE \[GFP_\.\.\.\]', r'memmap', r'pagewalk ADDR',
              r'poweroff'], []),
    ('meminfo', [r'MemTotal:\s+\d+ kB', r'MemFree:\s+\d+ kB', r'Slab:\s+\d+ kB',
                 r'VmallocTotal:\s+\d+ kB'], []),
    ('buddyinfo', [r'Node 0, zone\s+DMA(\s+\d+){11}'], []),
    ('slabinfo', [r'slabinfo - version: 2.1', r'kmalloc-96 '], []),
    ('kmalloc 100', [r'kmalloc\(100\) = (ffff888[0-9a-f]+) \(ksize 128\)'], []),
    ('kmalloc 64 GFP_ATOMIC', [r'kmalloc\(64\) = ffff888[0-9a-f]+ \(ksize 64\)'], []),
    ('kmalloc 0', [r'ZERO_SIZE_PTR'], []),
    ('kmalloc junk', [r"kmalloc: bad size 'junk'"], []),
    ('kmalloc 64 GFP_BOGUS', [r"kmalloc: unknown flags 'GFP_BOGUS'"], []),
    ('kmalloc 99999999', [r'above KMALLOC_MAX_SIZE'], []),
    ('kfree', [r'kfree: missing address'], []),
    ('kfree {kmalloc}', [r'kfree\(ffff888[0-9a-f]+\) done'], [r'BUG']),
    ('vmalloc 20000', [r'vmalloc\(20000\) = (ffffc9[0-9a-f]+)'], []),
    ('vmallocinfo', [r'0x[0-9a-f]{16}-0x[0-9a-f]{16}\s+24576 cmd_vmalloc\+0x[0-9a-f]+/0x[0-9a-f]+ pages=5 vmalloc'], []),
    ('pagewalk {vmalloc}', [r'PGD\[', r'PTE\[', r'-> physical [0-9a-f]+ \(4 KiB page\)'], []),
    ('vfree {vmalloc}', [r'vfree\(ffffc9[0-9a-f]+\) done'], [r'WARNING']),
    ('vfree 0x1000', [r'vfree: 0x1000 is not in the vmalloc region'], []),
    ('pages 3', [r'__get_free_pages\(order 3\) = (0xffff888[0-9a-f]+)'], []),
    ('freepages {pages} 3', [r'free_pages\(0xffff888[0-9a-f]+, 3\) done'], [r'Bad page']),
    ('pages 11', [r'pages: order must be 0..10'], []),
    ('freepages 0x1234', [r'freepages: missing order'], []),
    ('ps', [r'PID STATE\s+COMM', r'1 R \(running\)\s+init \(current\)',
            r'kworker/0:0', r'ksoftirqd/0'], []),
    ('ctx', [r'preempt_count: 0x0 \(preempt 0, softirq 0, hardirq 0, nmi 0\)',
             r'in_task: 1', r'current: init \(pid 1\)'], []),
    ('memmap', [r'\. free\s+\d+ frames', r'K kernel\s+\d+ frames',
                r'^[ .KRPSVA]{64}$'], []),
    ('dmesg', [r'teachkernel x86_64', r'Boot complete'], []),
    ('test kunit.glob*', [r'ok 1 glob_matches_like_a_shell', r'test: 0 failed'], []),
    # refused with a report, nothing unmapped: the local APIC's ioremap
    # area (the next tick panicked), the region's last byte (inclusive)
    ('vfree 0xffffc90000000000', [r'Trying to vfree\(\) ioremap area ffffc90000000000-',
                                  r'use iounmap\(\)'], []),
    ('vfree 0xffffe8ffffffffff', [r'Trying to vfree\(\) nonexistent vm area'],
     [r'not in the vmalloc region']),
    ('pagewalk 0x0000888000000000', [r'non-canonical address'], [r'physical']),
    ('pagewalk 0x7fffffff801047b0', [r'non-canonical address'], [r'physical']),
    ('nosuchcommand', [r"nosuchcommand: unknown command \(try 'help'\)"], []),
]


class Shell:
    def __init__(self, iso, timeout):
        self.timeout = timeout
        cmd = ['qemu-system-x86_64', '-m', '512M', '-cpu', 'max',
               '-no-reboot', '-display', 'none', '-monitor', 'none',
               '-serial', 'stdio', '-cdrom', iso]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT,
                                     start_new_session=True)
        os.set_blocking(self.proc.stdout.fileno(), False)
        self.buf = b''
        self.log = open(os.path.join(ROOT, 'build', 'shell-test.log'), 'wb')

    def read_until_prompt(self, what):
        deadline = time.monotonic() + self.timeout
        while PROMPT not in self.buf:
            if time.monotonic() > deadline:
                raise TimeoutError('no prompt after %r within %d s'
                                   % (what, self.timeout))
            if self.proc.poll() is not None:
                raise RuntimeError('QEMU exited while running %r' % what)
            chunk = self.proc.stdout.read()
            if chunk:
                self.log.write(chunk)
                self.log.flush()
                self.buf += chunk
            else:
                time.sleep(0.02)
        text, _, self.buf = self.buf.partition(PROMPT)
        return text.decode('utf-8', 'replace').replace('\r', '')

    def type(self, line):
        # one character at a time, as a person types: the UART FIFO is small
        for ch in (line + '\r').encode():
            self.proc.stdin.write(bytes([ch]))
            self.proc.stdin.flush()
            time.sleep(0.002)

    def close(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        self.log.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iso', default=os.path.join(ROOT, 'build', 'kernel.iso'))
    ap.add_argument('--timeout', type=int, default=60)
    args = ap.parse_args()
    passed = failed = 0
    saved = {}
    sh = Shell(args.iso, args.timeout)
    try:
        sh.read_until_prompt('boot')
        for cmd, musts, must_nots in CHECKS:
            if cmd == 'kfree':
                line = 'kfree'
            else:
                line = re.sub(r'\{(\w+)\}', lambda m: saved.get(m.group(1), '0'), cmd)
            sh.type(line)
            answer = sh.read_until_prompt(line)
            problems = [m for m in musts if not re.search(m, answer, re.M)]
            problems += ['unexpected ' + m for m in must_nots
                         if re.search(m, answer, re.M)]
            for name in ('kmalloc', 'vmalloc', 'pages'):
                if line.startswith(name + ' ') and not problems:
                    m = re.search(musts[0], answer, re.M)
                    if m and m.groups():
                        saved[name] = ('0x' + m.group(1)
                                       if not m.group(1).startswith('0x')
                                       else m.group(1))
            if problems:
                failed += 1
                print('  FAIL shell: %s: %s' % (line, problems[0]))
                print('    ' + answer.strip().replace('\n', '\n    ')[:1500])
            else:
                passed += 1
                print('  PASS shell: %s' % line)
        sh.type('poweroff')
        deadline = time.monotonic() + 20
        while sh.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        if sh.proc.poll() is None:
            failed += 1
            print('  FAIL shell: poweroff did not switch QEMU off')
        else:
            passed += 1
            print('  PASS shell: poweroff')
    except (TimeoutError, RuntimeError) as e:
        failed += 1
        print('  FAIL shell: %s (log: build/shell-test.log)' % e)
    finally:
        sh.close()
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
