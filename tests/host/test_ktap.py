# SPDX-License-Identifier: GPL-2.0
"""
Host tests for the KTAP parser (scripts/ktap.py) and the QEMU driver
(scripts/ktest.py).

The parser tests feed canned serial logs, written the way the kernel's
runner prints them, and check counts, failures and plan problems.  The
driver tests run ktest.py with tests/host/fake_qemu.py in place of QEMU:
it prints a canned log and exits with a chosen status, or hangs.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_*.py'
"""

import os
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCRIPTS = os.path.join(ROOT, 'scripts')
sys.path.insert(0, SCRIPTS)

import ktap  # noqa: E402


def log(text):
    """Dedent a canned log written inside the test."""
    return textwrap.dedent(text).lstrip('\n')


ALL_PASS = log('''
    Booting the test kernel
    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: buddy
        # module: buddy_test
        1..2
        # RUN buddy.alloc_free
        ok 1 alloc_free
        # RUN buddy.split_merge
        ok 2 split_merge
        # buddy: pass:2 fail:0 skip:0 total:2
    ok 1 buddy
        KTAP version 1
        # Subtest: slab
        1..1
        # RUN slab.kmalloc_sizes
        ok 1 kmalloc_sizes
    ok 2 slab
    # Totals: pass:3 fail:0 skip:0 total:3
    # ktest: 3 passed, 0 failed, 0 skipped
''')

ONE_FAIL = log('''
    KTAP version 1
    1..1
        KTAP version 1
        # Subtest: slab
        1..3
        # RUN slab.a
        ok 1 a
        # RUN slab.poison
        # poison: EXPECTATION FAILED at tests/kernel/mm/slab.c:12
        Expected p[0] == 0x6b, but
            p[0] == 0 (0x0)
        not ok 2 poison
        # RUN slab.c
        ok 3 c
    not ok 1 slab
''')

CRASH = log('''
    KTAP version 1
    1..2
        KTAP version 1
        # Subtest: vmalloc
        1..3
        # RUN vmalloc.basic
        ok 1 basic
        # RUN vmalloc.guard_page
        BUG: unable to handle page fault for address: ffffc90000005000
        invalid opcode: 0000 [#1]
''')


class ParserTest(unittest.TestCase):
    """KTAP parsing on canned logs."""

    def test_all_pass(self):
        p, s = ktap.parse(ALL_PASS)
        self.assertEqual((s.passed, s.failed, s.skipped), (3, 0, 0))
        self.assertEqual(s.problems, [])
        self.assertTrue(s.ok)
        self.assertEqual([t.name for t in s.suites], ['buddy', 'slab'])
        self.assertEqual(len(s.suites[0].children), 2)
        self.assertIsNone(p.run_name)

    def test_one_failed_case(self):
        _, s = ktap.parse(ONE_FAIL)
        self.assertEqual((s.passed, s.failed), (2, 1))
        self.assertEqual([f.path() for f in s.failures], ['slab.poison'])
        diags = s.failures[0].diagnostics()
        self.assertIn('# poison: EXPECTATION FAILED at '
                      'tests/kernel/mm/slab.c:12', diags)
        self.assertIn('p[0] == 0 (0x0)', diags)
        self.assertEqual(s.problems, [])
        self.assertFalse(s.ok)

    def test_skipped_case(self):
        _, s = ktap.parse(log('''
            KTAP version 1
            1..2
                KTAP version 1
                # Subtest: irq
                1..2
                ok 1 nmi # SKIP no NMI source in QEMU
                ok 2 timer
            ok 1 irq
                KTAP version 1
                # Subtest: numa
                1..0
            ok 2 numa # SKIP single node
        '''))
        self.assertEqual((s.passed, s.failed, s.skipped), (1, 0, 2))
        self.assertEqual(s.suites[0].children[0].skip_reason,
                         'no NMI source in QEMU')
        self.assertTrue(s.ok)

    def test_timestamps_and_cr(self):
        stamped = ''.join('[%5d.%06d] %s\r\n' % (i, i * 7, line)
                          for i, line in enumerate(ALL_PASS.splitlines()))
        _, s = ktap.parse(stamped)
        self.assertEqual((s.passed, s.failed), (3, 0))
        self.assertEqual(s.problems, [])

    def test_nested_params(self):
        _, s = ktap.parse(log('''
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: kmalloc
                1..2
                # RUN kmalloc.sizes
                    KTAP version 1
                    # Subtest: sizes
                    ok 1 8 bytes
                    not ok 2 4096 bytes
                    # sizes: EXPECTATION FAILED at tests/kernel/mm/kmalloc.c:3
                    ok 3 huge # SKIP too big
                # sizes: pass:1 fail:1 skip:1 total:3
                not ok 1 sizes
                # RUN kmalloc.zero
                ok 2 zero
            not ok 1 kmalloc
        '''))
        self.assertEqual((s.passed, s.failed, s.skipped), (2, 1, 1))
        self.assertEqual([f.path() for f in s.failures],
                         ['kmalloc.sizes.4096 bytes'])
        self.assertEqual(s.problems, [])

    def test_old_subtest_order(self):
        # Older KUnit printed "# Subtest:" before the version line.
        _, s = ktap.parse(log('''
            KTAP version 1
            1..1
                # Subtest: list
                KTAP version 1
                1..1
                ok 1 add
            ok 1 list
        '''))
        self.assertEqual([t.name for t in s.suites], ['list'])
        self.assertEqual((s.passed, s.failed), (1, 0))
        self.assertEqual(s.problems, [])

    def test_truncated_output(self):
        text = ALL_PASS.split('\nok 1 buddy')[0]
        p, s = ktap.parse(text)
        self.assertIn('missing results: expected 2 suites, got 1',
                      s.problems)
        self.assertIn('no result for buddy', s.problems)
        self.assertFalse(s.ok)
        self.assertEqual(s.passed, 2)

    def test_missing_case_results(self):
        _, s = ktap.parse(log('''
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: wq
                1..3
                ok 1 a
            ok 1 wq
        '''))
        self.assertIn('missing results: wq expected 3 cases, got 1',
                      s.problems)
        self.assertFalse(s.ok)

    def test_crash_names_running_test(self):
        p = ktap.KtapParser()
        p.feed(CRASH)
        self.assertEqual(p.running_test(), 'vmalloc.guard_page')
        s = p.finish()
        self.assertEqual([f.path() for f in s.failures],
                         ['vmalloc.guard_page'])
        self.assertFalse(s.failures[0].finished)
        self.assertIn('BUG: unable to handle page fault for address: '
                      'ffffc90000005000', s.failures[0].diagnostics())
        self.assertIn('missing results: expected 2 suites, got 1', s.problems)

    def test_running_test_between_cases(self):
        p = ktap.KtapParser()
        self.assertIn('before any KTAP', p.running_test())
        p.feed(CRASH.split('    # RUN vmalloc.guard_page')[0])
        self.assertEqual(p.running_test(), 'suite vmalloc (between cases)')

    def test_noise_and_oops_inside_passing_test(self):
        _, s = ktap.parse(log('''
            [    0.1] acpi: no RSDP found
            KTAP version 1
            [    0.2] 1..1
                KTAP version 1
            timer: tick 100
                # Subtest: fault
            [    0.3] random noise line
                1..2
                # RUN fault.expected_oops
            BUG: unable to handle page fault for address: 0000000000000000
            Kernel panic - not syncing: this is only a test
            RIP: 0010:fault_test+0x12/0x40
                ok 1 expected_oops
                # RUN fault.after
            [    0.4] slab: kmalloc-64 shrunk
                ok 2 after
            ok 1 fault
        '''))
        self.assertEqual(s.failed, 0)
        self.assertEqual(s.problems, [])
        self.assertEqual(s.passed, 2)

    def test_no_ktap(self):
        _, s = ktap.parse('Booting\nKernel panic - not syncing: no memory\n')
        self.assertFalse(s.has_ktap)
        self.assertFalse(s.ok)

    def test_suite_failure_without_failed_case(self):
        _, s = ktap.parse(log('''
            KTAP version 1
            1..1
                KTAP version 1
                # Subtest: leak
                1..1
                ok 1 a
                # leak: 1 slab object leaked, allocated at leak_test+0x10
            not ok 1 leak
        '''))
        self.assertEqual((s.passed, s.failed), (1, 1))
        self.assertEqual(s.failures[0].name, 'leak')

    def test_suite_init_failure(self):
        # As KUnit prints it: no header, the reason, the suite's result.
        _, s = ktap.parse(log('''
            KTAP version 1
            1..2
                KTAP version 1
                # Subtest: good
                1..1
                ok 1 a
            ok 1 good
                # failed to initialize (-12)
            not ok 2 broken
            # Totals: pass:1 fail:1 skip:0 total:2
        '''))
        self.assertEqual((s.passed, s.failed), (1, 1))
        self.assertEqual(s.problems, [])
        self.assertEqual(s.failures[0].name, 'broken')
        self.assertIn('# failed to initialize (-12)',
                      s.failures[0].diagnostics())

    def test_no_suite_matched(self):
        _, s = ktap.parse(NO_MATCH)
        self.assertEqual((s.passed, s.failed), (0, 0))
        self.assertEqual(s.problems, [
            'no test suite matched (the kernel says: '
            'no test suite matches "nosuch")'])
        self.assertFalse(s.ok)

    def test_empty_plan_without_message(self):
        _, s = ktap.parse('KTAP version 1\n1..0\n')
        self.assertEqual(s.problems, ['no test suite matched (plan "1..0")'])


NO_MATCH = log('''
    KTAP version 1
    1..0
    # no test suite matches "nosuch"
''')


class DriverTest(unittest.TestCase):
    """ktest.py driving tests/host/fake_qemu.py instead of QEMU."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.iso = os.path.join(self.tmp.name, 'ktest.iso')
        with open(self.iso, 'w') as f:
            f.write('not really an ISO\n')
        self.logfile = os.path.join(self.tmp.name, 'out', 'ktest.log')

    def tearDown(self):
        self.tmp.cleanup()

    def ktest(self, text, *extra, timeout=30, qemu=None):
        canned = os.path.join(self.tmp.name, 'canned.log')
        with open(canned, 'w') as f:
            f.write(text)
        cmd = [sys.executable, os.path.join(SCRIPTS, 'ktest.py'),
               '--iso', self.iso, '--mem', '64M', '--log', self.logfile,
               '--kvm', '0', '--echo', 'none', '--timeout', str(timeout),
               '--qemu', qemu or os.path.join(HERE, 'fake_qemu.py'),
               '--extra-qemu-arg=--fake-log=' + canned]
        cmd += ['--extra-qemu-arg=' + a if a.startswith('--fake') else a
                for a in extra]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           stdin=subprocess.DEVNULL, timeout=120,
                           universal_newlines=True)
        return r.returncode, r.stdout

    def test_pass(self):
        argv = os.path.join(self.tmp.name, 'argv')
        code, out = self.ktest(ALL_PASS, '--fake-exit=1',
                               '--fake-argv=' + argv)
        self.assertEqual(code, 0, out)
        self.assertEqual(out.splitlines()[-1], '3 passed, 0 failed')
        self.assertIn('  PASS buddy (2 cases)', out)
        with open(self.logfile) as f:
            self.assertEqual(f.read(), ALL_PASS)
        with open(argv) as f:
            args = f.read().split('\n')
        for a in ('-no-reboot', '-cdrom', self.iso, '64M', 'max',
                  'isa-debug-exit,iobase=0xf4,iosize=0x04'):
            self.assertIn(a, args)

    def test_label_and_result_file(self):
        res = os.path.join(self.tmp.name, 'result')
        code, out = self.ktest(ALL_PASS, '--fake-exit=1', '--label',
                               'MEM=64M', '--result-file', res)
        self.assertEqual(code, 0, out)
        self.assertEqual(out.splitlines()[-1], '[MEM=64M] 3 passed, 0 failed')
        with open(res) as f:
            self.assertEqual(f.read(), '3 0 0 0\n')

    def test_failed_case(self):
        code, out = self.ktest(ONE_FAIL, '--fake-exit=3')
        self.assertEqual(code, 1)
        self.assertIn('  FAIL slab: poison', out)
        self.assertIn('EXPECTATION FAILED at tests/kernel/mm/slab.c:12', out)
        self.assertEqual(out.splitlines()[-1], '2 passed, 1 failed')

    def test_pass_exit_but_missing_results(self):
        code, out = self.ktest(ALL_PASS.split('\nok 1 buddy')[0],
                               '--fake-exit=1')
        self.assertEqual(code, 1)
        self.assertIn('missing results: expected 2 suites, got 1', out)
        self.assertEqual(out.splitlines()[-1], '2 passed, 1 failed')

    def test_no_suite_matched(self):
        code, out = self.ktest(NO_MATCH, '--fake-exit=3')
        self.assertEqual(code, 1)
        self.assertIn('ktest: FAIL: no test suite matched', out)
        self.assertEqual(out.splitlines()[-1], '0 passed, 1 failed')

    def test_kernel_says_fail(self):
        code, out = self.ktest(ALL_PASS, '--fake-exit=3')
        self.assertEqual(code, 1)
        self.assertIn('kernel reported failure (QEMU exit 3)', out)

    def test_crash_reboot(self):
        code, out = self.ktest(CRASH, '--fake-exit=0')
        self.assertEqual(code, 1)
        self.assertIn('kernel crashed/rebooted while running '
                      'vmalloc.guard_page (QEMU exit 0)', out)
        self.assertIn('ktest: |     invalid opcode: 0000 [#1]', out)
        self.assertEqual(out.splitlines()[-1], '1 passed, 1 failed')

    def test_panic(self):
        code, out = self.ktest(CRASH + 'Kernel panic - not syncing: Fatal\n',
                               '--fake-exit=0')
        self.assertEqual(code, 1)
        self.assertIn('kernel panic while running vmalloc.guard_page', out)

    def test_timeout_kills_qemu(self):
        start = time.monotonic()
        code, out = self.ktest(CRASH, '--fake-hang', timeout=2)
        self.assertLess(time.monotonic() - start, 30)
        self.assertEqual(code, 1)
        self.assertIn('timeout after 2 s while running vmalloc.guard_page',
                      out)
        with open(self.logfile) as f:
            self.assertEqual(f.read(), CRASH)

    def test_no_output(self):
        code, out = self.ktest('', '--fake-exit=1')
        self.assertEqual(code, 1)
        self.assertIn('no KTAP output', out)
        self.assertEqual(out.splitlines()[-1], '0 passed, 1 failed')

    def test_qemu_missing(self):
        code, out = self.ktest(ALL_PASS, qemu='/nonexistent/qemu-system-x86_64')
        self.assertEqual(code, 1)
        self.assertIn('cannot run /nonexistent/qemu-system-x86_64', out)
        self.assertEqual(out.splitlines()[-1], '0 passed, 1 failed')


if __name__ == '__main__':
    unittest.main()
