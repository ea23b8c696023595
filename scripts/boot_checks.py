#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
boot_checks.py - boot the kernel in ways the KUnit suites cannot, and
check what it prints on the serial port.

Each check builds (or reuses) an ISO, boots it in QEMU headless, waits
until every expected line has appeared on COM1 (or the timeout passes),
then kills QEMU.  The checks:

  banner        a plain boot shows the banner, the BIOS-e820 memory map
                and the total RAM (what `make run` shows);
  params        an unknown boot parameter and malformed values (failslab=,,,
                too) are each named in a warning; spinlock=ticket is obeyed
                (test-and-set under QEMU otherwise, as banner shows);
  long-cmdline  a command line over 2047 characters is cut with a warning
                naming the limit;
  stack-gone    a task whose stack is unmapped oopses once, then panics;
  wrong-loader  GRUB's multiboot (version 1) command: boot/head.asm must
                say it was not loaded by a multiboot2 loader;
  no-long-mode  a 32-bit CPU (-cpu qemu32): head.asm must say the CPU has
                no long mode, instead of triple-faulting;
  cmdline       words that are syntax to GRUB's script ('|', '&', '$',
                ';', '#', braces) reach the kernel unchanged, quoted by
                scripts/grub_cfg.py as the Makefile's ISOs are;
  readme-log    the sample boot log in README.md shows the lines of a
                real boot in their order;
  smp4          four CPUs (QEMU -smp 4, whatever SMP= says): the MADT
                lists them, Linux's "smp:" lines say all four came up,
                in order, and the suite "smp" passes on them;
  bootfiles     files on the ISO as make MODULES= puts them there (GRUB
                module2 lines from scripts/grub_cfg.py, /boot/modules/):
                the kernel lists them and the suite "bootfiles" finds
                them reserved, by name, with their bytes intact;
and the test runner's own checks (runner-survives, atomic-sleep-panic).
QEMU is started through scripts/qemu_driver.py (--qemu, --kvm).

Usage: scripts/boot_checks.py [--timeout SECONDS] [--only NAME]
                              [--qemu QEMU] [--kvm auto|0|1]
Prints one line per check and last "N passed, N failed"; exit 1 on failure.
Logs: build/boot-checks/NAME.log.
"""

import argparse
import os
import shutil
import subprocess
import sys

import grub_cfg
import qemu_driver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'build', 'boot-checks')
KERNEL = os.path.join(ROOT, 'build', 'kernel.elf')
GRUB_MODULES = 'multiboot2 multiboot normal iso9660 biosdisk configfile echo'

GRUB_CFG = """set timeout=0
set default=0
menuentry "check" {{
	{command} /boot/kernel.elf {cmdline}
	boot
}}
"""

CHECKS = [
    # name, grub command, kernel command line, cpu (None: the driver's
    # default), expected lines
    ('banner', 'multiboot2', '', None, [
        'teachkernel x86_64',
        'BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable',
        'BIOS-e820: [mem 0x0000000000100000-',
        'Total RAM: 511 MiB',
        'spinlock: test-and-set locks (running under a hypervisor)',
        'Boot complete.',
    ]),
    ('params', 'multiboot2',
     'no_such_param=1 loglevel=banana failslab=,,, spinlock=fair spinlock=ticket', None, [
        'Unknown kernel command line parameter "no_such_param=1", ignored',
        'Malformed boot parameter "loglevel=banana", ignored',
        'FAULT_INJECTION: failed to parse arguments',
        'Malformed boot parameter "failslab=,,,", ignored',
        'Malformed boot parameter "spinlock=fair", ignored',
        'spinlock: ticket locks (spinlock=)',
        'Boot complete.',
    ]),
    # a command line over COMMAND_LINE_SIZE - 1 (2047) characters is cut
    # with a warning that names the limit
    ('long-cmdline', 'multiboot2', 'loglevel=7 long=' + 'x' * 2100, None, [
        'characters is too long: the limit is 2047 (COMMAND_LINE_SIZE - 1), the rest is ignored',
        'Boot complete.',
    ]),
    ('wrong-loader', 'multiboot', '', None, [
        'Boot failed: not loaded by a multiboot2 boot loader',
    ]),
    ('no-long-mode', 'multiboot2', '', 'qemu32', [
        'Boot failed: this CPU has no long mode (64-bit)',
    ]),
    ('cmdline', 'multiboot2', 'a|b a&b x=$y c;d #e {f}', None, [
        'Command line: a|b a&b x=$y c;d #e {f}\n',
        'Boot complete.',
    ]),
    # The test runner itself: a case that oopses, fails or leaks is
    # "not ok" and the next case still runs (tests/kernel/kunit_selftest.c).
    ('runner-survives', 'multiboot2', 'ktest=selftest_runner slab_debug=FZPU', None, [
        'BUG: kernel NULL pointer dereference',
        'not ok 1 oopses',
        'ok 2 runs_after_the_oops',
        'not ok 3 fails_an_expectation',
        'leak check: 1 slab objects',
        'allocated in leaks_an_object+0x',
        'not ok 4 leaks_an_object',
        'ok 5 runs_last',
        '# Totals: pass:2 fail:3 skip:0 total:5',
    ]),
    # oops_end()'s way out: a case unmaps its own stack (what the shell's
    # vfree of its own stack did); one report, then a panic, not an endless
    # oops/double-fault cycle (tests/kernel/traps_test.c)
    ('stack-gone', 'multiboot2', 'ktest=selftest_stack_gone', None, [
        'double fault: 0000 [#1] PREEMPT',
        'Kernel panic - not syncing: Fatal exception: the kernel stack of kunit_try_catch',
    ]),
    # atomic_sleep=panic turns the sleeping-in-atomic report into a panic
    # (for graders): msleep() under a spin lock, in tests/kernel/kunit_selftest.c
    ('atomic-sleep-panic', 'multiboot2',
     'ktest=selftest_atomic_sleep atomic_sleep=panic', None, [
        'BUG: sleeping function called from invalid context at',
        'Kernel panic - not syncing: atomic_sleep=panic',
    ]),
    # KTAP as KUnit prints it (tests/kernel/kunit_selftest.c): a failed
    # suite_init, a skip reason; and a glob that matches nothing fails.
    ('ktap-details', 'multiboot2', 'ktest=selftest_ktap*', 'max', [
        '    # failed to initialize (-12)',
        'not ok 1 selftest_ktap_init',
        'ok 1 skips_with_a_reason # SKIP the reason given to kunit_skip()',
    ]),
    ('ktest-no-match', 'multiboot2', 'ktest=nosuch', 'max', [
        '# no test suite matches "nosuch"',
    ]),
]


# Files some checks boot with, as make MODULES= passes them: name and
# contents.  bootfiles-pattern.bin is what tests/kernel/bootfiles_test.c
# reads back: byte i is (i * 7 + 3) & 0xff, over three pages.
PATTERN_SIZE = 3 * 4096 + 123
CHECK_FILES = {
    'bootfiles': [
        ('bootfiles-pattern.bin', bytes((i * 7 + 3) & 0xff for i in range(PATTERN_SIZE))),
        ('tiny.ko', b'x'),
    ],
}
CHECKS.append(('bootfiles', 'multiboot2', 'ktest=bootfiles', None, [
    'bootfiles: 2 file(s) from the boot loader',
    'bootfiles:   bootfiles-pattern.bin (%d bytes) [mem ' % PATTERN_SIZE,
    'bootfiles:   tiny.ko (1 bytes) [mem ',
    '# Totals: pass:4 fail:0 skip:0 total:4',
]))

# Four CPUs, whatever SMP= the run has (make ktest SMP=4's boot).
CHECKS.append(('smp4', 'multiboot2', 'ktest=smp ktest_smp=4', None, [
    'ACPI: Using ACPI (MADT) for SMP configuration information',
    'smpboot: Allowing 4 CPUs, 0 hotplug CPUs',
    'smp: Bringing up secondary CPUs ...',
    'x86: Booting SMP configuration:',
    '.... node  #0, CPUs:      #1  #2  #3',
    'smp: Brought up 1 node, 4 CPUs',
    'ok 1 all_cpus_online',
    'ok 1 smp',
]))
SMP_OF = {'smp4': 4}

# Checks whose expected lines must also come in the given order.
ORDERED = ('readme-log', 'smp4')


def readme_sample():
    """The start of each line of README.md's sample boot log.

    The sample follows "The log looks like this:"; each line is reduced to
    its first word, and the second when that holds no digit (numbers
    differ from boot to boot).
    """
    with open(os.path.join(ROOT, 'README.md')) as f:
        text = f.read()
    sample = text.split('The log looks like this:', 1)[1].lstrip('\n')
    keys = []
    for line in sample.split('\n\n', 1)[0].splitlines():
        words = line.split('] ', 1)[-1].split()
        if not line.startswith('    [') or not words:
            continue
        key = words[0]
        if len(words) > 1 and not any(c.isdigit() for c in words[1]):
            key += ' ' + words[1]
        keys.append(key)
    return keys


def in_order(text, keys):
    """The keys that are not found, each after the line of the previous."""
    pos = 0
    for i, key in enumerate(keys):
        at = text.find(key, pos)
        if at < 0:
            return ['%s (in order, after %r)' % (key, keys[i - 1] if i else '')]
        pos = text.find('\n', at) + 1 or len(text)
    return []


CHECKS.append(('readme-log', 'multiboot2', '', None, readme_sample()))


def build_iso(name, command, cmdline):
    """An ISO whose GRUB boots build/kernel.elf with @command, and the
    check's CHECK_FILES as the Makefile's MODULES= would add them."""
    tree = os.path.join(OUT, name + '-iso')
    iso = os.path.join(OUT, name + '.iso')
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(os.path.join(tree, 'boot', 'grub'))
    files = []
    for fname, data in CHECK_FILES.get(name, []):
        path = os.path.join(OUT, name + '-files', fname)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'wb') as f:
            f.write(data)
        files.append(path)
    if files:
        os.makedirs(os.path.join(tree, 'boot', 'modules'))
        for path in files:
            shutil.copy(path, os.path.join(tree, 'boot', 'modules'))
    subprocess.run(['objcopy', '--strip-debug', KERNEL,
                    os.path.join(tree, 'boot', 'kernel.elf')], check=True)
    with open(os.path.join(tree, 'boot', 'grub', 'grub.cfg'), 'w') as f:
        cfg = GRUB_CFG.format(command=command,
                              cmdline=grub_cfg.grub_args(cmdline))
        # the Makefile's way: scripts/grub_cfg.py's module2 lines
        cfg = cfg.replace('\tboot\n', grub_cfg.module_lines('\t', files) +
                          '\tboot\n')
        f.write(cfg)
    subprocess.run(['grub-mkrescue', '-o', iso, tree,
                    '--install-modules=' + GRUB_MODULES, '--locales=',
                    '--fonts=', '--themes='],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return iso


def boot_and_expect(iso, cpu, expected, log_path, timeout, args,
                    ordered=False, smp=None):
    """Boot @iso (with @smp CPUs, default --smp); return the expected
    lines that never appeared (or, with @ordered, not in their order)."""
    cmd = qemu_driver.command(iso=iso, qemu=args.qemu, kvm=args.kvm,
                              smp=smp or args.smp,
                              cpu=cpu)

    def all_seen(text):
        decoded = text.decode('utf-8', 'replace').replace('\r', '')
        return not [e for e in expected if e not in decoded]

    with qemu_driver.Qemu(cmd, log_path=log_path,
                          stderr_to_serial=True) as qemu:
        text = qemu.collect(all_seen, timeout)
    decoded = text.decode('utf-8', 'replace').replace('\r', '')
    missing = [e for e in expected if e not in decoded]
    if ordered and not missing:
        missing = in_order(decoded, expected)
    return missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('--only')
    qemu_driver.add_arguments(ap)
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    if not os.path.exists(KERNEL):
        print('boot-checks: build/kernel.elf missing: run make first')
        print('0 passed, 1 failed')
        return 1

    passed = failed = 0
    for name, command, cmdline, cpu, expected in CHECKS:
        if args.only and args.only != name:
            continue
        log_path = os.path.join(OUT, name + '.log')
        try:
            iso = build_iso(name, command, cmdline)
            missing = boot_and_expect(iso, cpu, expected, log_path,
                                      args.timeout, args,
                                      ordered=name in ORDERED,
                                      smp=SMP_OF.get(name))
        except (OSError, subprocess.CalledProcessError,
                qemu_driver.QemuError) as e:
            missing = ['(could not run: %s)' % e]
        if missing:
            failed += 1
            print('  FAIL boot-check %s: never printed %r (log: %s)'
                  % (name, missing[0], os.path.relpath(log_path, ROOT)))
        else:
            passed += 1
            print('  PASS boot-check %s' % name)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
