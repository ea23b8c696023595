# SPDX-License-Identifier: GPL-2.0
"""
Host tests for scripts/qemu_driver.py, the one module that starts QEMU,
run against tests/host/fake_qemu.py: the command line, KVM, the
isa-debug-exit port the kernel uses, waits that end at their deadline,
and QEMU's process group killed on the way out.  Last, that no launcher
script starts QEMU (or kills process groups) on its own any more.
"""

import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SCRIPTS = os.path.join(ROOT, 'scripts')
sys.path.insert(0, SCRIPTS)
import qemu_driver  # noqa: E402

FAKE = os.path.join(HERE, 'fake_qemu.py')
LAUNCHERS = ('ktest.py', 'gdb_session.py', 'boot_checks.py',
             'shell_test.py', 'screenshot.py', 'boottime.py')


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead for our purpose
    try:
        with open('/proc/%d/stat' % pid) as f:
            return f.read().split(') ')[1][0] != 'Z'
    except OSError:
        return False


class CommandTest(unittest.TestCase):
    def test_tcg(self):
        cmd = qemu_driver.command(iso='k.iso', kvm='0', mem='64M')
        self.assertEqual(cmd[0], 'qemu-system-x86_64')
        for a in ('-no-reboot', '-display', 'none', '-monitor'):
            self.assertIn(a, cmd)
        self.assertEqual(cmd[cmd.index('-cpu') + 1], 'max')
        self.assertEqual(cmd[cmd.index('-m') + 1], '64M')
        self.assertEqual(cmd[cmd.index('-cdrom') + 1], 'k.iso')
        self.assertNotIn('-enable-kvm', cmd)
        self.assertIn('isa-debug-exit,iobase=0xf4,iosize=0x04', cmd)

    def test_kvm(self):
        cmd = qemu_driver.command(iso='k.iso', kvm='1')
        self.assertIn('-enable-kvm', cmd)
        self.assertEqual(cmd[cmd.index('-cpu') + 1], 'host')
        cmd = qemu_driver.command(iso='k.iso', kvm='1', cpu='qemu32')
        self.assertEqual(cmd[cmd.index('-cpu') + 1], 'qemu32')

    def test_gdb_and_serial(self):
        cmd = qemu_driver.command(iso='k.iso', serial='file:x.log',
                                  gdb_port=1234, paused=True,
                                  debug_exit=False)
        self.assertEqual(cmd[cmd.index('-serial') + 1], 'file:x.log')
        self.assertEqual(cmd[cmd.index('-gdb') + 1], 'tcp:127.0.0.1:1234')
        self.assertIn('-S', cmd)
        self.assertNotIn('-device', cmd)

    def test_auto_kvm_not_in_a_vm(self):
        with tempfile.NamedTemporaryFile('w') as f:
            f.write('processor\t: 0\nflags\t\t: fpu vme hypervisor lahf_lm\n')
            f.flush()
            self.assertTrue(qemu_driver.running_in_vm(f.name))
        with tempfile.NamedTemporaryFile('w') as f:
            f.write('processor\t: 0\nflags\t\t: fpu vme lahf_lm\n')
            f.flush()
            self.assertFalse(qemu_driver.running_in_vm(f.name))
        self.assertFalse(qemu_driver.kvm_usable('/nonexistent/kvm'))
        self.assertFalse(qemu_driver.use_kvm('0'))
        self.assertTrue(qemu_driver.use_kvm('1'))

    def test_debug_exit_port_is_the_kernels(self):
        with open(os.path.join(ROOT, 'arch/x86_64/setup.c')) as f:
            m = re.search(r'#define\s+QEMU_DEBUG_EXIT_PORT\s+(0x[0-9a-f]+)',
                          f.read())
        self.assertIsNotNone(m)
        self.assertEqual(int(m.group(1), 16), qemu_driver.DEBUG_EXIT_PORT)

    def test_smp_option(self):
        """--smp takes 1..8 (default $SMP or 1) and reaches -smp."""
        import argparse
        ap = argparse.ArgumentParser()
        qemu_driver.add_arguments(ap)
        env = dict(os.environ)
        os.environ.pop('SMP', None)
        try:
            self.assertEqual(ap.parse_args([]).smp, 1)
            os.environ['SMP'] = '2'
            ap = argparse.ArgumentParser()
            qemu_driver.add_arguments(ap)
            self.assertEqual(ap.parse_args([]).smp, 2)
        finally:
            os.environ.clear()
            os.environ.update(env)
        self.assertEqual(ap.parse_args(['--smp', '8']).smp, 8)
        for bad in ('0', '9', 'two'):
            with self.assertRaises(argparse.ArgumentTypeError):
                qemu_driver.smp_count(bad)
        cmd = qemu_driver.command(iso='k.iso', smp=4)
        self.assertEqual(cmd[cmd.index('-smp') + 1], '4')

    def test_timeout_scale(self):
        old = os.environ.get('TK_TIMEOUT_SCALE')
        try:
            os.environ['TK_TIMEOUT_SCALE'] = '3'
            self.assertEqual(qemu_driver.scaled(10), 30)
            os.environ['TK_TIMEOUT_SCALE'] = 'junk'
            self.assertEqual(qemu_driver.scaled(10), 10)
        finally:
            if old is None:
                del os.environ['TK_TIMEOUT_SCALE']
            else:
                os.environ['TK_TIMEOUT_SCALE'] = old


class RunTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def fake(self, *args):
        return [sys.executable, FAKE, '-m', '64M'] + list(args)

    def test_log_and_exit_status(self):
        canned = os.path.join(self.tmp.name, 'canned')
        with open(canned, 'wb') as f:
            f.write(b'line one\r\nBoot complete.\r\n')
        log = os.path.join(self.tmp.name, 'sub', 'serial.log')
        with qemu_driver.Qemu(self.fake('--fake-log=' + canned,
                                        '--fake-exit=3'),
                              log_path=log) as q:
            self.assertEqual(q.read_until(b'Boot complete.', 20),
                             b'line one\r\n')
            self.assertEqual(q.wait(20), qemu_driver.QEMU_EXIT_FAIL)
            self.assertEqual(q.stderr_text, 'fake-qemu: done')
        with open(log, 'rb') as f:
            self.assertEqual(f.read(), b'line one\r\nBoot complete.\r\n')

    def test_hang_times_out_and_the_group_dies(self):
        q = qemu_driver.Qemu(self.fake('--fake-hang')).start()
        try:
            start = time.monotonic()
            with self.assertRaises(qemu_driver.QemuTimeout):
                q.read_until(b'never', 1.0, 'a hung boot')
            self.assertLess(time.monotonic() - start, 10)
        finally:
            q.stop()
        self.assertIsNotNone(q.proc.poll())
        self.assertFalse(alive(q.proc.pid))

    def test_exit_before_marker(self):
        with qemu_driver.Qemu(self.fake('--fake-exit=1')) as q:
            with self.assertRaises(qemu_driver.QemuExited):
                q.read_until(b'tk> ', 20, 'boot')

    def test_collect(self):
        canned = os.path.join(self.tmp.name, 'canned')
        with open(canned, 'wb') as f:
            f.write(b'a\nb\nc\n' * 100)
        with qemu_driver.Qemu(self.fake('--fake-log=' + canned,
                                        '--fake-hang')) as q:
            text = q.collect(lambda t: t.count(b'c\n') >= 50, 20)
        self.assertGreaterEqual(text.count(b'c\n'), 50)

    def test_type(self):
        with qemu_driver.Qemu(self.fake('--fake-shell'), stdin=True) as q:
            q.read_until(b'tk> ', 20, 'boot')
            q.type('kmalloc 64')
            self.assertIn(b'you typed kmalloc 64', q.read_until(b'tk> ', 20))
            q.type('poweroff')
            self.assertEqual(q.wait(20), 1)

    def test_missing_binary(self):
        with self.assertRaises(qemu_driver.QemuError) as cm:
            qemu_driver.Qemu(['/nonexistent/qemu']).start()
        self.assertIn('/nonexistent/qemu', str(cm.exception))


class OneDriverTest(unittest.TestCase):
    """Every launcher goes through qemu_driver.py."""

    def test_no_launcher_starts_qemu_itself(self):
        for name in LAUNCHERS:
            with open(os.path.join(SCRIPTS, name)) as f:
                src = f.read()
            self.assertIn('import qemu_driver', src, name)
            for own in ('Popen(', 'killpg', 'isa-debug-exit,iobase',
                        "'-no-reboot'",
                        '"-no-reboot"', 'DEBUG_EXIT_PORT =',
                        "'qemu-system-x86_64'", '"qemu-system-x86_64"'):
                self.assertFalse(own in src, '%s: %s' % (name, own))

    def test_launchers_take_qemu_and_kvm(self):
        for name in LAUNCHERS:
            r = subprocess.run([sys.executable, os.path.join(SCRIPTS, name),
                                '--help'], stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT,
                               universal_newlines=True, timeout=30)
            self.assertEqual(r.returncode, 0, r.stdout)
            self.assertIn('--qemu', r.stdout, name)
            if name != 'gdb_session.py':	# always TCG, see its comment
                self.assertIn('--kvm', r.stdout, name)


if __name__ == '__main__':
    unittest.main()
