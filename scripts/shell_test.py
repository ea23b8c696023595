#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
shell_test.py - drive the kernel shell over the serial port, as a
student at the terminal would, and check its answers.

Boots build/kernel.iso (shell on by default) in QEMU, started by
scripts/qemu_driver.py, with the serial port on a pipe, waits for each
"tk> " prompt, types a command, and checks the text that came back
before the next prompt.  Every wait has a
timeout; the running command is named when one fires.

Usage: scripts/shell_test.py [--iso build/kernel.iso] [--timeout 60]
                             [--qemu QEMU] [--kvm auto|0|1]
Prints PASS/FAIL per command and last "N passed, N failed".
"""

import argparse
import os
import re
import sys
import time

import qemu_driver

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
    ('kmalloc 64 GFP_ATOMIC', [r'kmalloc\(64, GFP_ATOMIC\) = ffff888[0-9a-f]+ \(ksize 64\)'], []),
    ('kmalloc 0', [r'ZERO_SIZE_PTR'], []),
    ('kmalloc junk', [r"kmalloc: bad size 'junk'"], []),
    ('kmalloc 64 GFP_BOGUS', [r"kmalloc: unknown flag 'GFP_BOGUS' \(GFP_KERNEL GFP_ATOMIC "], []),
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
    # a CPU column; the per-CPU threads of CPU 0 at least
    ('ps', [r'PID CPU STATE\s+COMM', r'1\s+\d+ R \(running\)\s+init \(current\)',
            r'kworker/0:0', r'ksoftirqd/0'], []),
    ('ctx', [r'preempt_count: 0x0 \(preempt 0, softirq 0, hardirq 0, nmi 0\)',
             r'in_task: 1', r'current: init \(pid 1\) on CPU \d+'], []),
    # every CPU QEMU has is online, CPU 0's timer ticks, each has its
    # timer base (timers waiting, functions run) and its idle task
    ('cpus', [r'online: (\d) of \1 CPUs', r'CPU  APIC  STATE\s+TIMER_TICKS',
              r'^\s+0\s+\d+\s+online\s+[1-9]\d*\s+\d+\s+\d+\s+\d+\s+\d+\s+swapper/0$',
              # and each CPU's page lists: a row per CPU, a column per zone
              r'Per-CPU page lists', r'^\s+0\s+\d+\s+\d+\s+(\d+|-)$'],
     [r'offline']),
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
    # modules (kmod's wording, SPEC section 8), with no module loaded
    ('lsmod', [r'^Module                  Size  Used by$'], [r'^\w+\s+\d+\s+\d']),
    ('insmod', [r'insmod: ERROR: missing filename\.'], []),
    ('insmod nosuch.ko', [r'insmod: ERROR: could not insert module nosuch\.ko: No such file or directory'], []),
    ('rmmod nosuch', [r'rmmod: ERROR: Module nosuch is not currently loaded'], []),
    ('rmmod -f nosuch.ko', [r'rmmod: ERROR: Module nosuch is not currently loaded'], []),
    ('modinfo nosuch.ko', [r'modinfo: ERROR: Module nosuch\.ko not found\.'], []),
    ('ls', [], [r'unknown command']),
    # Input is taken as typed, and parsed as the messages say (issue 13.6):
    # numbers decimal or 0x hex, tabs separate words, flags as in C, extra
    # arguments and over-long lines refused, never cut or dropped.
    ('kmalloc 010', [r'kmalloc\(10\) = ffff888[0-9a-f]+ '], []),
    ('kmalloc 0x40', [r'kmalloc\(64\) = ffff888[0-9a-f]+ \(ksize 64\)'], []),
    ('kmalloc 6x\b4', [r'kmalloc\(64\) = ffff888[0-9a-f]+ \(ksize 64\)'], []),
    ('kmalloc\t64\tGFP_ATOMIC',
     [r'kmalloc\(64, GFP_ATOMIC\) = ffff888[0-9a-f]+ \(ksize 64\)'], []),
    ('kmalloc 100 GFP_KERNEL|__GFP_ZERO',
     [r'kmalloc\(100, GFP_KERNEL\|__GFP_ZERO\) = ffff888[0-9a-f]+ \(ksize 128\)'], []),
    ('kmalloc 100 GFP_ATOMIC GFP_ZERO',
     [r'kmalloc\(100, GFP_ATOMIC\|__GFP_ZERO\) = ffff888[0-9a-f]+'], []),
    ('kmalloc 100 GFP_KERNEL|', [r"kmalloc: bad flags 'GFP_KERNEL\|'"],
     [r'kmalloc\(']),
    ('kmalloc -1', [r"kmalloc: bad size '-1' \(a number: decimal, or hex with 0x\)"], []),
    ('kmalloc 1e3', [r"kmalloc: bad size '1e3'"], []),
    ('kmalloc 99999999999999999999', [r"kmalloc: size '99999999999999999999' is too big"],
     [r'kmalloc\(']),
    ('kfree 0x1000 0x2000', [r'kfree: too many arguments \(usage: kfree ADDR\)'],
     [r'kfree\(']),
    ('meminfo now', [r'meminfo: too many arguments \(usage: meminfo\)'],
     [r'MemTotal']),
    ('kmalloc ' + '0' * 115 + '4096', [r'kmalloc\(4096\) = ffff888'], []),
    ('kmalloc ' + '0' * 200 + '64 GFP_ATOMIC',
     [r'shell: line too long \(221 characters, at most 127\), not run'],
     [r'kmalloc\(']),
]


class Shell:
    def __init__(self, iso, timeout, args):
        self.timeout = timeout
        cmd = qemu_driver.command(iso=iso, qemu=args.qemu, kvm=args.kvm,
                                  smp=args.smp)
        self.qemu = qemu_driver.Qemu(
            cmd, log_path=os.path.join(ROOT, 'build', 'shell-test.log'),
            stdin=True, stderr_to_serial=True).start()
        self.proc = self.qemu.proc

    def read_until_prompt(self, what):
        try:
            text = self.qemu.read_until(PROMPT, self.timeout, repr(what))
        except qemu_driver.QemuTimeout as e:
            raise TimeoutError(str(e))
        except qemu_driver.QemuExited as e:
            raise RuntimeError(str(e))
        return text.decode('utf-8', 'replace').replace('\r', '')

    def type(self, line):
        self.qemu.type(line)

    def close(self):
        self.qemu.stop()


def send_at_once(sh, data):
    """Write @data to the serial port in one go, as a paste does."""
    sh.proc.stdin.write(data)
    sh.proc.stdin.flush()


def read_prompts(sh, n, what, quiet=20):
    """The text before each of up to @n prompts; stops after @quiet s of
    silence (input lost: fewer prompts come)."""
    answers = []
    saved, sh.timeout = sh.timeout, quiet
    try:
        while len(answers) < n:
            answers.append(sh.read_until_prompt(what))
    except TimeoutError:
        pass
    finally:
        sh.timeout = saved
    return answers


def burst_checks(sh):
    """Pasted and typed-ahead input: every command of a burst runs, also
    when the burst is bigger than the kernel's receive buffer; no
    'nobody cared' report comes of it.  Returns (passed, failed)."""
    passed = failed = 0
    bursts = [
        # the case: 100 x meminfo sent at once ran 33
        ('100 x meminfo at once', b'meminfo\r' * 100, 100, r'MemTotal:'),
        # 9 KB, more than the receive ring holds: the UART is throttled
        ('200 x meminfo, 9 KB at once', (b' ' * 40 + b'meminfo\r') * 200, 200,
         r'MemTotal:'),
    ]
    for name, data, n, want in bursts:
        send_at_once(sh, data)
        answers = read_prompts(sh, n, name)
        text = ''.join(answers)
        ran = len(re.findall(want, text))
        problems = []
        if ran != n:
            problems.append('%d of %d commands ran' % (ran, n))
        for bad in (r'unknown command', r'nobody cared', r'too long'):
            if re.search(bad, text):
                problems.append('unexpected ' + bad)
        if problems:
            failed += 1
            print('  FAIL shell: %s: %s' % (name, ', '.join(problems)))
            lines = [l for l in text.split('\n') if 'unknown' in l or 'cared' in l]
            print('    ' + '\n    '.join(lines[:10]))
            sh.type('')        # resynchronize on a fresh prompt
            read_prompts(sh, 1000, 'resync', quiet=3)
        else:
            passed += 1
            print('  PASS shell: %s (%d commands ran)' % (name, ran))
    sh.type('dmesg')
    text = sh.read_until_prompt('dmesg')
    if re.search(r'nobody cared', text):
        failed += 1
        print('  FAIL shell: dmesg after the bursts: irq ... nobody cared')
    else:
        passed += 1
        print('  PASS shell: no "nobody cared" after the bursts')
    return passed, failed


def judge_steps(steps):
    """Print PASS/FAIL for each (name, answer, musts, must_nots) step:
    every must regex found in the answer, no must_not one.  Returns
    (passed, failed)."""
    passed = failed = 0
    for name, answer, musts, must_nots in steps:
        problems = [m for m in musts if not re.search(m, answer, re.M)]
        problems += ['unexpected ' + m for m in must_nots
                     if re.search(m, answer, re.M)]
        if problems:
            failed += 1
            print('  FAIL shell: %s: %s' % (name, problems[0]))
            print('    ' + answer.strip().replace('\n', '\n    ')[:1500])
        else:
            passed += 1
            print('  PASS shell: %s' % name)
    return passed, failed


def double_free_checks(sh):
    """The seed's rule "never free twice", in a default boot (no
    slab_debug): a second kfree of an object and a kfree of a pointer
    into one are refused with Linux's reports, the cache stays sound
    (two allocations give two objects) and slabinfo still answers.
    Returns (passed, failed)."""

    def run(line):
        sh.type(line)
        return sh.read_until_prompt(line)

    def addr(answer):
        m = re.search(r'kmalloc\(200\) = (ffff888[0-9a-f]+)', answer)
        return int(m.group(1), 16) if m else None

    x = addr(run('kmalloc 200'))
    steps = []
    if x is not None:
        steps.append(('kfree X', run('kfree %#x' % x),
                      [r'kfree\(ffff888[0-9a-f]+\) done'], [r'BUG']))
        steps.append(('kfree X again', run('kfree %#x' % x),
                      [r'kernel BUG at mm/slub\.c:\d+!',
                       r'BUG kmalloc-256 \((Not tainted|Tainted: [A-Z ]{19})\): Object already free',
                       r'kfree\(ffff888[0-9a-f]+\): refused, see the report above'],
                      [r' done']))
        a, b = addr(run('kmalloc 200')), addr(run('kmalloc 200'))
        same = a is None or a == b
        steps.append(('two kmalloc 200 after it', 'a=%s b=%s' % (a, b),
                      [] if not same else [r'^two different objects$'], []))
        if a is not None:
            steps.append(('kfree X+8', run('kfree %#x' % (a + 8)),
                          [r'BUG kmalloc-256 \((Not tainted|Tainted: [A-Z ]{19})\): Invalid object pointer',
                           r'refused, see the report above'], [r' done']))
            steps.append(('kfree X', run('kfree %#x' % a), [r' done'], [r'BUG']))
        if b is not None:
            run('kfree %#x' % b)
    else:
        steps.append(('kmalloc 200', '', [r'^an address$'], []))
    steps.append(('slabinfo after the double free', run('slabinfo'),
                  [r'slabinfo - version: 2.1', r'kmalloc-256 '], []))
    return judge_steps(steps)


def kmemleak_checks(sh):
    """kmemleak in a running kernel (on by default): an object the shell
    allocated and kept no pointer to is reported in Linux's format once it
    is 5 s old and two scans saw it unreferenced (the first records its
    checksum); freed, it is no longer listed; the commands answer.
    Returns (passed, failed)."""

    def run(line):
        sh.type(line)
        return sh.read_until_prompt(line)

    steps = [('kmemleak stats', run('kmemleak stats'),
              [r'kmemleak: on, \d+ objects tracked \(\d+ KiB of metadata, at most \d+ objects\)',
               r'every 10 s, min age 5000 ms'], [])]
    m = re.search(r'kmalloc\(300\) = (ffff888[0-9a-f]+)', run('kmalloc 300'))
    born = time.monotonic()
    if m:
        x = m.group(1)
        run('meminfo')          # lay other frames over cmd_kmalloc's
        run('slabinfo')
        time.sleep(max(0.0, born + 6 - time.monotonic()))  # min age 5 s
        # the age is the guest's (jiffies): on a loaded host its ticks
        # fall behind ours, so scan again until it is old enough (30 s)
        listing = ''
        while True:
            run('kmemleak scan')
            run('kmemleak scan')
            listing = run('kmemleak')
            if ('unreferenced object 0x' + x) in listing or \
               time.monotonic() > born + 36:
                break
            time.sleep(2)
        steps.append(('kmemleak lists the lost kmalloc 300', listing,
                      [r'^unreferenced object 0x%s \(size 512\):$' % x,
                       r'^  comm "init", pid 1, jiffies \d+$',
                       r'^  hex dump \(first 32 bytes\):$',
                       r'^    ([0-9a-f]{2} ){15}[0-9a-f]{2}  .{16}$',
                       r'^  backtrace \(crc [0-9a-f]+\):$',
                       r'^    \[<ffffffff[0-9a-f]{8}>\] cmd_kmalloc\+0x[0-9a-f]+/0x[0-9a-f]+$'],
                      []))
        run('kfree 0x' + x)
        run('kmemleak scan')
        steps.append(('kmemleak after kfree', run('kmemleak'), [],
                      [r'unreferenced object 0x%s ' % x]))
    else:
        steps.append(('kmalloc 300', '', [r'^an address$'], []))
    steps.append(('kmemleak clear', run('kmemleak clear'), [], [r'kmemleak:']))
    steps.append(('kmemleak after clear', run('kmemleak'), [],
                  [r'unreferenced object']))
    steps.append(('kmemleak bogus', run('kmemleak bogus'),
                  [r"kmemleak: unknown command 'bogus' \(scan, clear, off"], []))
    return judge_steps(steps)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--iso', default=os.path.join(ROOT, 'build', 'kernel.iso'))
    ap.add_argument('--timeout', type=int, default=60)
    qemu_driver.add_arguments(ap)
    args = ap.parse_args()
    passed = failed = 0
    saved = {}
    try:
        sh = Shell(args.iso, args.timeout, args)
    except qemu_driver.QemuError as e:
        print('  FAIL shell: %s' % e)
        print('0 passed, 1 failed')
        return 1
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
        for more in (double_free_checks, kmemleak_checks, burst_checks):
            p, f = more(sh)
            passed += p
            failed += f
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
