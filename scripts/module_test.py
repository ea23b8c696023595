#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
module_test.py - the project's example modules (examples/modules/),
built out of tree and loaded in the shell as a student would.

  1. make -C . M=examples/modules clean, then modules: every NAME.ko is
     made, and modpost warns about the two buggy-on-purpose symbol uses;
  2. make iso MODULES="examples/modules/*.ko", copied to
     build/module-test.iso; build/kernel.iso is then remade without them
     (the shell step boots it), also when this script fails;
  3. boots that ISO (scripts/qemu_driver.py) and drives the shell over the
     serial port: ls, modinfo, insmod with parameters, lsmod, rmmod, and
     checks each answer: the modules' own messages, kmod's wording (SPEC
     section 8), the reports of the buggy ones, and that after each the
     shell still answers and lsmod lists what it should.

Usage: scripts/module_test.py [--timeout 90] [--qemu QEMU] [--kvm auto|0|1]
Prints PASS/FAIL per check and last "N passed, N failed".  Every wait has
a timeout that names the command running when it fires.
"""

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import time

import qemu_driver

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MDIR = 'examples/modules'
ISO = os.path.join(ROOT, 'build', 'module-test.iso')
PROMPT = b'tk> '

H = r'[0-9a-f]+'
# FUNC+0xOFF/0xSIZE [NAME], as Linux names module code
def site(func, mod):
    return r'%s\+0x%s/0x%s \[%s\]' % (func, H, H, mod)

def insmod_error(ko, reason):
    return r'^insmod: ERROR: could not insert module %s: %s$' % (
        re.escape(ko), re.escape(reason))

def lsmod_line(name, users=0, by=None):
    line = r'^%s\s+\d+\s+%d' % (name, users)
    return line + (r'\s+%s,?$' % by if by else r'$')

NOT_LOADED = lambda name: r'^%s\s+\d+\s' % name
# a kernel message's start: its [ seconds] stamp
LOG = r'^(\[[ \d.]+\] )?'
BAD = [r'Kernel panic', r'general protection', LOG + r'BUG', r'WARNING:',
       r'Oops', r'unknown command']
# never in any answer: a report names the allocator a module called, as
# Linux's do, not the loader's tracking entry point (mt___kmalloc ...)
NEVER = [r'Kernel panic', r'unknown command', r'\bmt_\w+\+0x']


class Buggy(list):
    """The must-nots of a buggy module's command: its report is expected."""

MODULES = ['kmalloc_param', 'page_order', 'init_fails', 'exporter',
           'exporter_user', 'page_api', 'pages_exact', 'kmalloc_classes',
           'slab_cache', 'vmalloc_api', 'kmalloc_max', 'bug_leak',
           'bug_double_free', 'bug_atomic_sleep', 'bug_null_deref',
           'bug_gpl_only', 'bug_unknown_sym', 'bug_kasan']

# (command line, regexes its answer must match, regexes it must not);
# BAD is added to the must-nots of every command but the buggy ones'.
CHECKS = [
    ('ls', [r'\b%s\.ko\b' % m for m in MODULES], []),
    ('lsmod', [r'^Module                  Size  Used by$'], [r'^\w+\s+\d+\s+\d']),
    ('modinfo kmalloc_param.ko',
     [r'^filename:\s+kmalloc_param\.ko$', r'^license:\s+GPL$',
      r'^author:\s+teachkernel$', r'^version:\s+1\.0$',
      r'^description:\s+kmalloc and kfree from a module, sized by a parameter$',
      r'^parm:\s+size:bytes to kmalloc\(\) at init \(default 100\) \(uint\)$',
      r'^parm:\s+fill:the byte to fill them with \(int\)$'], []),
    ('modinfo slab_cache.ko',
     [r'^parm:\s+count:objects to allocate from the cache \(1\.\.64, default 4\) \(uint\)$'], []),
    ('modinfo bug_gpl_only.ko', [r'^license:\s+Proprietary$'], []),
    # the page allocator
    ('insmod page_api.ko order=2',
     [r'page_api: loading out-of-tree module taints kernel\.',
      r'page_api: __get_free_page\(\) = ffff888%s$' % H,
      r'page_api: get_zeroed_page\(\) = ffff888%s \(first word 0, last word 0\)$' % H,
      r'page_api: __get_free_pages\(order 2\) = ffff888%s \(16384 bytes\)$' % H,
      r'page_api: alloc_page\(\) = struct page ffff%s, page_address ffff888%s$' % (H, H),
      r'page_api: alloc_pages\(order 2\): page_address ffff888%s, pfn \d+$' % H], []),
    ('lsmod', [lsmod_line('page_api')], []),
    ('rmmod page_api', [r'page_api: freed 2 pages and 2 blocks of order 2$'],
     [r'leaked', r'Bad page']),
    ('lsmod', [], [NOT_LOADED('page_api')]),
    ('insmod page_order.ko order=xyz',
     [r"page_order: `xyz' invalid for parameter `order'",
      insmod_error('page_order.ko', 'Invalid argument')], []),
    ('insmod pages_exact.ko size=20000',
     [r'pages_exact: alloc_pages_exact\(20000\) = ffff888%s$' % H,
      r'pages_exact: keeps 5 pages \(20480 bytes\); __get_free_pages\(order 3\) '
      r'would take 32768, wasting 12768$'], []),
    ('rmmod pages_exact', [r'pages_exact: free_pages_exact\(ffff888%s, 20000\) done$' % H],
     [r'leaked', r'Bad page']),
    # kmalloc's size classes; an unknown parameter is ignored
    ('insmod kmalloc_classes.ko step=100 max=1000 bogus=1',
     [r"kmalloc_classes: unknown parameter 'bogus' ignored",
      r'kmalloc_classes:\s+100\s+128\s+28$', r'kmalloc_classes:\s+200\s+256\s+56$',
      r'kmalloc_classes:\s+300\s+512\s+212$', r'kmalloc_classes:\s+700\s+1024\s+324$',
      r'kmalloc_classes:\s+1000\s+1024\s+24$',
      r'kmalloc_classes: kzalloc\(100\): ksize 128, bytes 0 and 99 are 0 and 0$'], []),
    ('rmmod kmalloc_classes', [r'kmalloc_classes: nothing to free$'], [r'leaked']),
    ('insmod kmalloc_param.ko size=3000 fill=0x5a',
     [r'kmalloc_param: kmalloc\(3000\) = ffff888%s, ksize 4096$' % H], []),
    ('insmod kmalloc_param.ko', [insmod_error('kmalloc_param.ko', 'File exists')], []),
    ('rmmod kmalloc_param', [r'kmalloc_param: freed 3000 bytes$'], [r'leaked']),
    # a cache of its own
    ('insmod slab_cache.ko count=8',
     [r'slab_cache: cache tk_record: object size \d+ \(struct is 56 bytes\)$',
      r"slab_cache: 8 objects, first ffff888%s tag 'constructed' magic 0x7ea5c0de; "
      r'constructor ran \d+ times$' % H], []),
    ('slabinfo', [r'^tk_record\s+8\s'], []),
    ('rmmod slab_cache', [r'slab_cache: freed 8 objects, cache destroyed$'], [r'leaked']),
    ('slabinfo', [r'kmalloc-64'], [r'^tk_record']),
    # vmalloc and kvmalloc
    ('insmod vmalloc_api.ko vsize=100000',
     [r'vmalloc_api: vmalloc\(100000\) = ffffc9%s$' % H,
      r'vmalloc_api: vzalloc\(100000\) = ffffc9%s, last byte 0$' % H,
      r'vmalloc_api: kvmalloc\(500\) = ffff888%s from kmalloc$' % H,
      r'vmalloc_api: kvmalloc\(5242880\) = ffffc9%s from vmalloc$' % H], []),
    # (kvmalloc's fallback is named by the kernel's kvmalloc, as on Linux)
    ('vmallocinfo', [r'\s106496 ' + site('vmalloc_api_init', 'vmalloc_api') + ' pages=25 vmalloc$',
                     r'\s5246976 kvmalloc\+0x%s/0x%s pages=1280 vmalloc$' % (H, H)], []),
    ('rmmod vmalloc_api', [r'vmalloc_api: vfree\(\) and kvfree\(\) done$'], [r'leaked']),
    ('vmallocinfo', [], [r'\[vmalloc_api\]']),
    # init fails on purpose: kmod's message, nothing stays
    ('insmod kmalloc_max.ko',
     [r'kmalloc_max: kmalloc\(8388608\) failed; largest was 4194304 '
      r'\(KMALLOC_MAX_SIZE 4194304\)$',
      insmod_error('kmalloc_max.ko', 'Cannot allocate memory')], [r'leaked']),
    ('insmod init_fails.ko', [insmod_error('init_fails.ko', 'Cannot allocate memory')],
     [r'leaked']),
    ('lsmod', [], [NOT_LOADED('kmalloc_max'), NOT_LOADED('init_fails')]),
    # modules using each other
    ('insmod exporter_user.ko',
     [r'exporter_user: Unknown symbol exporter_\w+ \(err -2\)$',
      insmod_error('exporter_user.ko', 'Unknown symbol in module')], []),
    ('insmod exporter.ko', [r'exporter: 2 \+ 3 = 5, twice 21 = 42$'], []),
    ('insmod exporter_user.ko',
     [r'exporter_user: exporter_twice\(50\) = 100, exporter_gpl_only\(\) = 42$'], []),
    ('lsmod', [lsmod_line('exporter', 1, 'exporter_user'), lsmod_line('exporter_user')], []),
    ('rmmod exporter', [r'^rmmod: ERROR: Module exporter is in use by: exporter_user$'], []),
    ('rmmod exporter_user', [r'exporter_user: done with exporter$'], []),
    ('rmmod exporter', [r'exporter: gone$'], []),
    # the buggy ones: each report, then the shell answers
    ('insmod bug_leak.ko', [r'bug_leak: took a 1000-byte object'], []),
    ('rmmod bug_leak',
     [r'bug_leak: freed the page only$',
      LOG + r'BUG: module bug_leak leaked 2 allocation\(s\) at unload$',
      # kmalloc(1000): the size asked for, not the cache's 1024
      r'kmalloc-1k object 0xffff888%s \(1000 bytes\) allocated at %s$'
      % (H, site('bug_leak_init', 'bug_leak')),
      r'vmalloc area 0xffffc9%s-0xffffc9%s \(12288 bytes\) allocated at %s$'
      % (H, H, site('bug_leak_init', 'bug_leak'))], None),
    ('lsmod', [], [NOT_LOADED('bug_leak')]),
    # without KASAN=1 the read past the object goes unnoticed (the kasan
    # suite and make KASAN=1 run show the report)
    ('insmod bug_kasan.ko bug=oob',
     [r'bug_kasan: read -?\d+ one byte past a 123-byte object$'], []),
    ('rmmod bug_kasan', [r'bug_kasan: unloaded$'], []),
    ('insmod bug_double_free.ko',
     [r'bug_double_free: and twice$', r'kernel BUG at mm/slub\.c:\d+!',
      # the taint as Linux prints it: a column per flag, O for out-of-tree
      r'^(\[[ \d.]+\] )?BUG kmalloc-256 \(Tainted: G {11}O {6}\): Object already free$',
      r'CPU: \d+ PID: \d+ Comm: \S+ Tainted: G {11}O {6}$'], None),
    ('rmmod bug_double_free', [r'bug_double_free: unloaded$'], [r'leaked']),
    # the trace names Linux 6.12's function for a constant-size kmalloc()
    ('insmod bug_atomic_sleep.ko',
     [r'BUG: sleeping function called from invalid context at ',
      LOG + r' __kmalloc_cache_noprof\+0x%s/0x%s\n(\[[ \d.]+\] )? %s$'
      % (H, H, site('bug_atomic_sleep_init', 'bug_atomic_sleep'))], None),
    ('rmmod bug_atomic_sleep', [r'bug_atomic_sleep: unloaded$'], [r'leaked']),
    ('insmod bug_null_deref.ko',
     [r'bug_null_deref: about to write through 0000000000000000$',
      r'BUG: kernel NULL pointer dereference, address: 0000000000000000',
      site('bug_null_deref_setup', 'bug_null_deref'),
      r'Modules linked in: .*bug_null_deref',
      r'bug_null_deref: init oopsed: insmod is killed',
      # as bash says of a process the oops killed; no insmod: ERROR line
      r'^Killed$'], Buggy([r'insmod:'])),
    ('meminfo', [r'MemTotal:'], []),
    # it stays, as on Linux; rmmod refuses it as kmod does (EBUSY)
    ('lsmod', [lsmod_line('bug_null_deref')], []),
    ('rmmod bug_null_deref',
     [r'^rmmod: ERROR: could not remove module bug_null_deref: Device or resource busy$'],
     [r'unloaded']),
    ('rmmod -f bug_null_deref', [], [r'ERROR', r'unloaded']),
    ('lsmod', [], [NOT_LOADED('bug_null_deref')]),
    ('insmod bug_gpl_only.ko',
     [r"bug_gpl_only: module license 'Proprietary' taints kernel\.",
      r'bug_gpl_only: Unknown symbol sprint_symbol \(err -2\)$',
      insmod_error('bug_gpl_only.ko', 'Unknown symbol in module')], []),
    ('insmod bug_unknown_sym.ko',
     [r'bug_unknown_sym: Unknown symbol tk_no_such_function \(err -2\)$',
      insmod_error('bug_unknown_sym.ko', 'Unknown symbol in module')], []),
    ('lsmod', [r'^Module                  Size  Used by$'], [r'^\w+\s+\d+\s+\d']),
    ('meminfo', [r'MemTotal:'], []),
]


def make(*args):
    """Run make in the tree; (ok, output)."""
    p = subprocess.run(['make', '--no-print-directory'] + list(args), cwd=ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=900)
    return p.returncode == 0, p.stdout.decode('utf-8', 'replace')


class Result:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, name, problems, text=''):
        if problems:
            self.failed += 1
            print('  FAIL modules: %s: %s' % (name, problems[0]))
            if text:
                print('    ' + text.strip().replace('\n', '\n    ')[:2500])
        else:
            self.passed += 1
            print('  PASS modules: %s' % name)


def build(res):
    """Steps 1 and 2; the list of .ko files, or None."""
    ok, out = make('-C', '.', 'M=' + MDIR, 'clean')
    res.check('make -C . M=%s clean' % MDIR, [] if ok else ['make failed'], out)
    ok, out = make('-C', '.', 'M=' + MDIR, 'modules')
    kos = [os.path.join(MDIR, m + '.ko') for m in MODULES]
    problems = [] if ok else ['make failed']
    problems += ['%s not made' % k for k in kos if not os.path.exists(os.path.join(ROOT, k))]
    for want in (r'WARNING: modpost: "tk_no_such_function" \[%s/bug_unknown_sym\.ko\] undefined!' % MDIR,
                 r"WARNING: modpost: GPL-incompatible module bug_gpl_only\.ko uses "
                 r"GPL-only symbol 'sprint_symbol'"):
        if not re.search(want, out):
            problems.append('no ' + want)
    res.check('make -C . M=%s modules' % MDIR, problems, out)
    if not ok:
        return None
    try:
        ok, out = make('iso', 'MODULES=' + ' '.join(kos))
        if ok:
            shutil.copyfile(os.path.join(ROOT, 'build', 'kernel.iso'), ISO)
    finally:
        # build/kernel.iso as the shell step boots it: no modules
        ok2, out2 = make('iso')
    res.check('make iso MODULES=(%d modules)' % len(kos), [] if ok else ['make failed'], out)
    res.check('make iso (kernel.iso without modules again)', [] if ok2 else ['make failed'], out2)
    return kos if ok else None


def shell(res, args):
    cmd = qemu_driver.command(iso=ISO, qemu=args.qemu, kvm=args.kvm,
                              smp=args.smp)
    q = qemu_driver.Qemu(cmd, log_path=os.path.join(ROOT, 'build', 'module-test.log'),
                         stdin=True, stderr_to_serial=True).start()

    def run(line):
        if line is not None:
            q.type(line)
        text = q.read_until(PROMPT, args.timeout, repr(line or 'boot'))
        return text.decode('utf-8', 'replace').replace('\r', '')

    try:
        run(None)
        for line, musts, must_nots in CHECKS:
            answer = run(line)
            if must_nots is None or isinstance(must_nots, Buggy):
                # a buggy one: its report is expected
                nots = NEVER + [r'never printed'] + (must_nots or [])
            else:
                nots = must_nots + BAD + NEVER
            problems = [m for m in musts if not re.search(m, answer, re.M)]
            problems += ['unexpected ' + m for m in nots if re.search(m, answer, re.M)]
            res.check(line, problems, answer)
        q.type('poweroff')
        deadline = time.monotonic() + 20
        while q.proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        res.check('poweroff', [] if q.proc.poll() is not None
                  else ['QEMU still running'])
    except qemu_driver.QemuError as e:
        res.check('shell', ['%s (log: build/module-test.log)' % e])
    finally:
        q.stop()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--timeout', type=int, default=90)
    qemu_driver.add_arguments(ap)
    args = ap.parse_args()
    res = Result()
    try:
        if build(res):
            shell(res, args)
    except subprocess.TimeoutExpired as e:
        res.check('build', ['timed out: %s' % ' '.join(e.cmd)])
    print('%d passed, %d failed' % (res.passed, res.failed))
    return 1 if res.failed else 0


if __name__ == '__main__':
    sys.exit(main())
