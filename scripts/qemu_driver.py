# SPDX-License-Identifier: GPL-2.0
"""
qemu_driver.py - the one place where the project's scripts start QEMU.

Every script that boots the kernel (ktest.py, gdb_session.py,
boot_checks.py, shell_test.py, screenshot.py, boottime.py) goes through
this module, as Linux's kunit tooling goes through kunit_kernel.py and
its qemu_configs/.  It knows:

  - the command line: headless (-display none), no monitor unless asked,
    -no-reboot (a triple fault or a reboot ends QEMU instead of looping
    back into the BIOS), the ISO on -cdrom, COM1 where the caller wants
    it (our stdout by default), and the isa-debug-exit device at
    DEBUG_EXIT_PORT through which the test kernel powers off with a
    status;
  - KVM: "1" uses it, "0" does not, "auto" uses it when /dev/kvm can be
    opened and this machine is not itself a virtual machine (nested KVM
    made every serial byte two hypervisor exits: 25 times slower than
    TCG here, the Makefile's rule);
  - timeouts: every wait takes a deadline, and TK_TIMEOUT_SCALE (a
    number, default 1) stretches them all on a slow or loaded machine;
  - stopping: QEMU runs in its own process group, which is killed
    (SIGTERM, then SIGKILL) on the way out, whatever happened.

The scripts' own options come from add_arguments(): --qemu (default
$QEMU or qemu-system-x86_64), --kvm (default $KVM or auto) and --smp
(guest CPUs, 1..8, default $SMP or 1).
"""

import argparse
import os
import re
import select
import signal
import subprocess
import threading
import time

# The test kernel writes its status to this port (isa-debug-exit), and
# QEMU exits with (status << 1) | 1.  QEMU_DEBUG_EXIT_PORT in
# arch/x86_64/setup.c is the same number (tests/host/test_qemu_driver.py
# checks it).
DEBUG_EXIT_PORT = 0xf4
QEMU_EXIT_PASS = (0 << 1) | 1
QEMU_EXIT_FAIL = (1 << 1) | 1

DEFAULT_QEMU = 'qemu-system-x86_64'
DEFAULT_MEM = '512M'


class QemuError(Exception):
    """QEMU could not be started, exited early or did not answer in time."""


class QemuTimeout(QemuError):
    pass


class QemuExited(QemuError):
    pass


def timeout_scale():
    """The factor from TK_TIMEOUT_SCALE applied to every timeout."""
    try:
        scale = float(os.environ.get('TK_TIMEOUT_SCALE', '1'))
    except ValueError:
        return 1.0
    return scale if scale > 0 else 1.0


def scaled(seconds):
    """@seconds stretched by TK_TIMEOUT_SCALE."""
    return seconds * timeout_scale()


def running_in_vm(cpuinfo='/proc/cpuinfo'):
    """True if the CPU flags say we are a guest ourselves."""
    try:
        with open(cpuinfo) as f:
            return re.search(r'^flags\s*:.*\bhypervisor\b', f.read(), re.M) \
                is not None
    except OSError:
        return False


def kvm_usable(dev='/dev/kvm'):
    """True if @dev exists and we may open it read-write."""
    try:
        fd = os.open(dev, os.O_RDWR | os.O_CLOEXEC)
    except OSError:
        return False
    os.close(fd)
    return True


def use_kvm(kvm):
    """Resolve a --kvm value ('0', '1', 'auto') to True or False."""
    kvm = str(kvm)
    if kvm == '1':
        return True
    if kvm == 'auto':
        return kvm_usable() and not running_in_vm()
    return False


def command(iso=None, qemu=DEFAULT_QEMU, mem=DEFAULT_MEM, smp=1, kvm='0',
            cpu=None, serial='stdio', monitor='none', debug_exit=True,
            gdb_port=None, paused=False, extra=()):
    """The QEMU command line, as a list.

    @cpu is the CPU model; None means "host" under KVM and "max" under
    TCG.  @serial and @monitor are QEMU's character-device specs.
    @gdb_port opens the gdb stub on 127.0.0.1; @paused starts with the
    CPU stopped (-S).
    """
    kvm_on = use_kvm(kvm)
    cmd = [qemu, '-m', str(mem), '-smp', str(smp), '-no-reboot',
           '-display', 'none', '-serial', serial, '-monitor', monitor]
    if kvm_on:
        cmd += ['-enable-kvm', '-cpu', cpu or 'host']
    else:
        cmd += ['-accel', 'tcg', '-cpu', cpu or 'max']
    if debug_exit:
        cmd += ['-device', 'isa-debug-exit,iobase=%#x,iosize=0x04'
                % DEBUG_EXIT_PORT]
    if gdb_port is not None:
        cmd += ['-gdb', 'tcp:127.0.0.1:%d' % gdb_port]
    if paused:
        cmd += ['-S']
    if iso:
        cmd += ['-cdrom', iso]
    cmd += list(extra)
    return cmd


def kill_group(proc, grace=3.0):
    """Stop @proc and everything it started; never wait forever."""
    if proc is None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except (ProcessLookupError, PermissionError):
            break
        try:
            proc.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            pass
    try:
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        pass


MAX_SMP = 8


def smp_count(text):
    """argparse type of --smp: a CPU count from 1 to MAX_SMP."""
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_SMP:
        raise argparse.ArgumentTypeError('SMP=%s: give a CPU count from 1 to %d'
                         % (text, MAX_SMP))
    return n


def add_arguments(ap):
    """The options every launcher shares: --qemu, --kvm and --smp."""
    ap.add_argument('--qemu', default=os.environ.get('QEMU', DEFAULT_QEMU),
                    help='QEMU binary (default $QEMU or %s)' % DEFAULT_QEMU)
    ap.add_argument('--kvm', choices=('auto', '0', '1'),
                    default=os.environ.get('KVM', 'auto'),
                    help='use KVM: 0, 1, or auto (default $KVM or auto)')
    ap.add_argument('--smp', type=smp_count,
                    default=os.environ.get('SMP') or '1',
                    help='guest CPUs, 1..%d (default $SMP or 1)' % MAX_SMP)


def spawn(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
          stderr=subprocess.PIPE, **kw):
    """Popen for any helper process (QEMU, gdb): its own process group.

    Raises QemuError when it cannot be started, naming the binary.
    """
    try:
        return subprocess.Popen(cmd, stdin=stdin, stdout=stdout,
                                stderr=stderr, start_new_session=True, **kw)
    except OSError as e:
        raise QemuError('cannot run %s: %s (try "make deps")'
                        % (cmd[0], e.strerror or e))


class Qemu:
    """One running QEMU whose COM1 is on a pipe.

    Use as a context manager: QEMU is killed on the way out.  Serial
    output is read with read() (one chunk, bounded wait) or
    read_until() (up to a marker), every byte copied to @log_path as it
    arrives.  With @stdin true, type() sends keys to COM1.
    QEMU's stderr is kept apart (stderr_text) unless @stderr_to_serial.
    """

    def __init__(self, cmd, log_path=None, stdin=False,
                 stderr_to_serial=False):
        self.cmd = cmd
        self.log_path = log_path
        self.want_stdin = stdin
        self.stderr_to_serial = stderr_to_serial
        self.proc = None
        self.log = None
        self.buf = b''
        self.eof = False
        self.exit_code = None
        self._stderr = []
        self._stderr_thread = None

    def start(self):
        if self.log_path:
            d = os.path.dirname(self.log_path)
            if d:
                os.makedirs(d, exist_ok=True)
            self.log = open(self.log_path, 'wb')
        self.started = time.monotonic()
        self.proc = spawn(self.cmd,
                          stdin=subprocess.PIPE if self.want_stdin
                          else subprocess.DEVNULL,
                          stderr=subprocess.STDOUT if self.stderr_to_serial
                          else subprocess.PIPE)
        if not self.stderr_to_serial:
            self._stderr_thread = threading.Thread(
                target=self._drain, args=(self.proc.stderr,), daemon=True)
            self._stderr_thread.start()
        return self

    def _drain(self, pipe):
        for chunk in iter(lambda: pipe.read(4096), b''):
            self._stderr.append(chunk)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    @property
    def stderr_text(self):
        return b''.join(self._stderr).decode('utf-8', 'replace').strip()

    def read(self, timeout):
        """The next chunk of serial output; b'' at end, None on timeout."""
        if self.eof:
            return b''
        fd = self.proc.stdout.fileno()
        ready, _, _ = select.select([fd], [], [], max(0.0, timeout))
        if not ready:
            return None
        data = os.read(fd, 65536)
        if not data:
            self.eof = True
            return b''
        if self.log:
            self.log.write(data)
            self.log.flush()
        return data

    def read_until(self, marker, timeout, what='output'):
        """The serial text up to @marker (bytes), which is consumed.

        Raises QemuTimeout after @timeout seconds (scaled), QemuExited if
        QEMU ends first; @what names the wait in the message.
        """
        deadline = time.monotonic() + scaled(timeout)
        while marker not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise QemuTimeout('no %r after %s within %g s'
                                  % (marker.decode(errors='replace'), what,
                                     scaled(timeout)))
            data = self.read(min(left, 1.0))
            if data is None:
                continue
            if data == b'':
                raise QemuExited('QEMU exited (status %s) during %s'
                                 % (self.wait(2), what))
            self.buf += data
        before, _, self.buf = self.buf.partition(marker)
        return before

    def collect(self, done, timeout):
        """Read until done(all text so far) is true, QEMU ends or time is up.

        Returns the whole serial text (bytes) read by this call.
        """
        deadline = time.monotonic() + scaled(timeout)
        text = self.buf
        self.buf = b''
        while not done(text):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            data = self.read(min(left, 1.0))
            if data is None:
                continue
            if data == b'':
                break
            text += data
        return text

    def type(self, line, delay=0.002):
        """Send @line and a carriage return to COM1, one key at a time
        (the guest UART's FIFO is small, and a person types slowly)."""
        for ch in (line + '\r').encode():
            self.proc.stdin.write(bytes([ch]))
            self.proc.stdin.flush()
            time.sleep(delay)

    def wait(self, timeout):
        """QEMU's exit status, or None if it is still running after
        @timeout seconds (not scaled: callers pass what is left)."""
        try:
            self.exit_code = self.proc.wait(timeout=max(0.0, timeout))
        except subprocess.TimeoutExpired:
            return None
        return self.exit_code

    def stop(self):
        """Kill QEMU's process group; close the log."""
        if self.proc is not None:
            if self.proc.poll() is None:
                kill_group(self.proc)
            else:
                self.exit_code = self.proc.returncode
            if self._stderr_thread:
                self._stderr_thread.join(timeout=2)
            for pipe in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                if pipe:
                    try:
                        pipe.close()
                    except OSError:
                        pass
        if self.log:
            self.log.close()
            self.log = None
