# SPDX-License-Identifier: GPL-2.0
"""
Host tests for the Makefile's build stamps: the build depends on what it
is built with.  build/.build-flags holds the tools and flags, build/.cmdline
the ISO's kernel command line; each is rewritten only when its text
changes, and what was made with it is remade.  Each test runs make with
B= pointing at a temporary folder, so the real build/ is not touched.
"""

import os
import subprocess
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class MakeStampTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.b = os.path.join(self.tmp.name, 'b')

    def tearDown(self):
        self.tmp.cleanup()

    def make(self, *args, check=True):
        r = subprocess.run(['make', '--no-print-directory', '-s',
                            'B=' + self.b] + list(args), cwd=ROOT,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=120)
        if check:
            self.assertEqual(r.returncode, 0, r.stdout)
        return r

    def up_to_date(self, target, *args):
        """make -q: 0 when @target needs nothing."""
        return self.make('-q', target, *args, check=False).returncode == 0

    def read(self, name):
        with open(os.path.join(self.b, name)) as f:
            return f.read()

    def test_cmdline_reaches_grub_cfg(self):
        cfg = self.b + '/grub.cfg'
        self.make(cfg, 'CMDLINE=loglevel=4')
        self.assertIn("multiboot2 /boot/kernel.elf 'loglevel=4'\n",
                      self.read('grub.cfg'))
        self.assertTrue(self.up_to_date(cfg, 'CMDLINE=loglevel=4'))
        stamp = os.stat(self.b + '/.cmdline').st_mtime_ns
        # a new command line: the stamp and grub.cfg (so the ISO) change
        self.assertFalse(self.up_to_date(cfg, 'CMDLINE=a|b a&b'))
        self.make(cfg, 'CMDLINE=a|b a&b')
        self.assertIn("multiboot2 /boot/kernel.elf 'a|b' 'a&b'\n",
                      self.read('grub.cfg'))
        # no CMDLINE at all is a change too
        self.make(cfg)
        self.assertIn('multiboot2 /boot/kernel.elf \n', self.read('grub.cfg'))
        self.assertNotEqual(os.stat(self.b + '/.cmdline').st_mtime_ns, stamp)
        # the same one again: the stamp is not rewritten
        stamp = os.stat(self.b + '/.cmdline').st_mtime_ns
        time.sleep(0.05)
        self.make(cfg)
        self.assertEqual(os.stat(self.b + '/.cmdline').st_mtime_ns, stamp)

    def test_iso_depends_on_grub_cfg(self):
        r = self.make('-p', '-q', self.b + '/kernel.iso', check=False)
        rule = [line for line in r.stdout.splitlines()
                if line.startswith(self.b + '/kernel.iso:')]
        self.assertTrue(rule and self.b + '/grub.cfg' in rule[0], rule)

    def test_refused_cmdline_fails_with_message(self):
        r = self.make(self.b + '/grub.cfg', 'CMDLINE=a"b', check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn("CMDLINE: '\"' cannot be passed through GRUB", r.stdout)
        self.assertFalse(os.path.exists(self.b + '/grub.cfg'))

    def test_flags_change_rebuilds_objects(self):
        obj = self.b + '/obj/lib/string.o'
        self.make(obj)
        self.assertTrue(self.up_to_date(obj))
        self.assertNotIn('-DTK_STAMP_TEST', self.read('.build-flags'))
        # other flags (or another CROSS_COMPILE): the object is stale
        self.assertFalse(self.up_to_date(obj, 'EXTRA_CFLAGS=-DTK_STAMP_TEST'))
        self.assertIn('-DTK_STAMP_TEST', self.read('.build-flags'))
        self.make(obj, 'EXTRA_CFLAGS=-DTK_STAMP_TEST')
        self.assertTrue(self.up_to_date(obj, 'EXTRA_CFLAGS=-DTK_STAMP_TEST'))
        self.assertFalse(self.up_to_date(obj, 'CROSS_COMPILE=x86_64-linux-gnu-'))

    def test_header_change_rebuilds_modules(self):
        # the test and lab modules are loaded into the kernel built
        # beside them: a changed kernel header (a struct's layout) must
        # rebuild them, as it rebuilds the kernel's own objects
        for ko in ('/labmod/modules/alloc_lab.ko', '/testmod/modtest.ko'):
            ko = self.b + ko
            self.make(ko)
            self.assertTrue(self.up_to_date(ko))
            self.assertFalse(self.up_to_date(ko, '-W', 'include/linux/spinlock.h'))
            # built before modules had .d files: rebuilt once
            os.remove(ko[:-3] + '.d')
            self.assertFalse(self.up_to_date(ko))
            self.make(ko)
            self.assertTrue(self.up_to_date(ko))

    def test_help_describes_targets_and_variables(self):
        out = self.make('help').stdout
        self.assertFalse(out.startswith('Quick start'), out)
        described = {}
        for line in out.splitlines():
            parts = line.split(None, 1)
            if line.startswith('  ') and len(parts) == 2:
                described[parts[0]] = parts[1]
        for target in ('all', 'iso', 'run', 'qemu', 'qemu-nox', 'qemu-gdb',
                       'gdb', 'test', 'ktest', 'htest', 'gdbtest', 'bench',
                       'bench-host', 'bench-boot', 'boot-checks',
                       'screenshot', 'grade', 'lab-handout', 'deps',
                       'compile_commands.json', 'clean', 'help'):
            self.assertIn(target, described, out)
        for var in ('V=1', 'CROSS_COMPILE=PREFIX', 'MEM=SIZE', 'SMP=N',
                    'T=GLOB', 'CMDLINE="WORDS"', 'GDBPORT=N', 'KVM=0|1'):
            self.assertIn(var, described, out)


if __name__ == '__main__':
    unittest.main()
