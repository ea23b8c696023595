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
  params        an unknown boot parameter and a malformed value are each
                named in a warning;
  wrong-loader  GRUB's multiboot (version 1) command: boot/head.asm must
                say it was not loaded by a multiboot2 loader;
  no-long-mode  a 32-bit CPU (-cpu qemu32): head.asm must say the CPU has
                no long mode, instead of triple-faulting.

Usage: scripts/boot_checks.py [--timeout SECONDS] [--only NAME]
Prints one line per check and last "N passed, N failed"; exit 1 on failure.
Logs: build/boot-checks/NAME.log.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time

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
    # name, grub command, kernel command line, cpu, expected lines
    ('banner', 'multiboot2', '', 'max', [
        'teachkernel x86_64',
        'BIOS-e820: [mem 0x0000000000000000-0x000000000009fbff] usable',
        'BIOS-e820: [mem 0x0000000000100000-',
        'Total RAM: 511 MiB',
        'Boot complete.',
    ]),
    ('params', 'multiboot2', 'no_such_param=1 loglevel=banana', 'max', [
        'Unknown kernel command line parameter "no_such_param=1", ignored',
        'Malformed boot parameter "loglevel=banana", ignored',
        'Boot complete.',
    ]),
    ('wrong-loader', 'multiboot', '', 'max', [
        'Boot failed: not loaded by a multiboot2 boot loader',
    ]),
    ('no-long-mode', 'multiboot2', '', 'qemu32', [
        'Boot failed: this CPU has no long mode (64-bit)',
    ]),
    # The test runner itself: a case that oopses, fails or leaks is
    # "not ok" and the next case still runs (tests/kernel/kunit_selftest.c).
    ('runner-survives', 'multiboot2', 'ktest=selftest_runner slab_debug=FZPU', 'max', [
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
    # atomic_sleep=panic turns the sleeping-in-atomic report into a panic
    # (for graders): msleep() under a spin lock, in tests/kernel/kunit_selftest.c
    ('atomic-sleep-panic', 'multiboot2',
     'ktest=selftest_atomic_sleep atomic_sleep=panic', 'max', [
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


def build_iso(name, command, cmdline):
    """An ISO whose GRUB boots build/kernel.elf with @command."""
    tree = os.path.join(OUT, name + '-iso')
    iso = os.path.join(OUT, name + '.iso')
    shutil.rmtree(tree, ignore_errors=True)
    os.makedirs(os.path.join(tree, 'boot', 'grub'))
    subprocess.run(['objcopy', '--strip-debug', KERNEL,
                    os.path.join(tree, 'boot', 'kernel.elf')], check=True)
    with open(os.path.join(tree, 'boot', 'grub', 'grub.cfg'), 'w') as f:
        f.write(GRUB_CFG.format(command=command, cmdline=cmdline))
    subprocess.run(['grub-mkrescue', '-o', iso, tree,
                    '--install-modules=' + GRUB_MODULES, '--locales=',
                    '--fonts=', '--themes='],
                   check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return iso


def boot_and_expect(iso, cpu, expected, log_path, timeout):
    """Boot @iso; return the expected lines that never appeared."""
    cmd = ['qemu-system-x86_64', '-m', '512M', '-cpu', cpu, '-no-reboot',
           '-display', 'none', '-monitor', 'none', '-serial', 'stdio',
           '-cdrom', iso]
    with open(log_path, 'wb') as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT,
                                start_new_session=True)
        os.set_blocking(proc.stdout.fileno(), False)
        text = b''
        deadline = time.monotonic() + timeout
        missing = list(expected)
        while missing and time.monotonic() < deadline:
            chunk = proc.stdout.read()
            if chunk:
                log.write(chunk)
                log.flush()
                text += chunk
                decoded = text.decode('utf-8', 'replace').replace('\r', '')
                missing = [e for e in expected if e not in decoded]
            elif proc.poll() is not None:
                break
            else:
                time.sleep(0.05)
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
    return missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--timeout', type=float, default=60)
    ap.add_argument('--only')
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
                                      args.timeout)
        except (OSError, subprocess.CalledProcessError) as e:
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
