#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
ktest.py - boot the test kernel in QEMU once and judge its KTAP output.

    scripts/ktest.py --iso build/ktest.iso --mem 512M [--smp 1]
                     [--timeout 300] [--log build/ktest.log] [--label NAME]
                     [--kvm auto|0|1] [--cpu MODEL] [--qemu BINARY]
                     [--extra-qemu-arg ARG ...] [--echo none|ktap|all]
                     [--result-file FILE] [-v]

How a run goes:

  1. QEMU starts through scripts/qemu_driver.py: headless in its own
     process group, stdin from /dev/null, the kernel's COM1 on QEMU's
     stdout, and an isa-debug-exit device at port 0xf4.  With KVM (--kvm
     1, or auto: /dev/kvm usable and no VM) the CPU is "host", else
     --cpu (default "max") under TCG.
  2. Every byte of serial output goes to the log file as it arrives,
     flushed, so a hung or crashed run still leaves its whole log.  Each
     complete line also goes to the KTAP parser (scripts/ktap.py), and
     with --echo to our stdout.
  3. When the tests are done the kernel writes 0 (all passed) or 1 to port
     0xf4 and QEMU exits with (value << 1) | 1: 1 means the kernel says
     pass, 3 that it says fail.  Exit 0 means the guest reset (a triple
     fault under -no-reboot); anything else is QEMU's own trouble.  If
     the run takes more than --timeout seconds (times TK_TIMEOUT_SCALE),
     the QEMU process group is killed.
  4. The run passes only if QEMU exited 1, every plan is complete (N
     suites, M cases in each) and no case failed.  The output is one line
     per suite, the failed cases with their diagnostics, the reason for a
     failure, and last the line "N passed, N failed" (test cases; skipped
     cases are reported on the line before).  A run that fails without any
     failed case (no output, QEMU missing, results missing) counts one
     failure, so an aggregated total never hides it.

Oops and panic text can be a deliberate test's expected output, so it never
fails a run by itself; but when the kernel dies, the last 40 log lines and
the test that was running (from the "# RUN suite.case" lines) are shown.

With --label every line is prefixed by "[LABEL] ", so the aggregated output
of "make test" (one boot per memory size) stays readable.  --result-file
writes "PASSED FAILED SKIPPED STATUS" (STATUS 0 or 1) for the aggregator.

Exit status: 0 pass, 1 fail, 2 usage error.
"""

import argparse
import os
import sys
import time
from collections import deque

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap  # noqa: E402
import qemu_driver  # noqa: E402
from qemu_driver import QEMU_EXIT_PASS, QEMU_EXIT_FAIL  # noqa: E402

TAIL_LINES = 40
MAX_DIAG_LINES = 25


class Reporter:
    """Prints our messages, each prefixed with the run's label."""

    def __init__(self, label, out=sys.stdout):
        self.prefix = '[%s] ' % label if label else ''
        self.out = out

    def say(self, text=''):
        for line in text.split('\n'):
            self.out.write(self.prefix + line + '\n')
        self.out.flush()


def qemu_command(args):
    """The QEMU command line for this run, as a list (scripts/qemu_driver.py)."""
    return qemu_driver.command(iso=args.iso, qemu=args.qemu, mem=args.mem,
                               smp=args.smp, kvm=args.kvm, cpu=args.cpu,
                               extra=args.extra_qemu_arg)


class Run:
    """One QEMU boot: the process, the log and the parser fed as we go."""

    def __init__(self, args, rep):
        self.args = args
        self.rep = rep
        self.parser = ktap.KtapParser()
        self.tail = deque(maxlen=TAIL_LINES)
        self.partial = b''
        self.exit_code = None
        self.timed_out = False
        self.start_error = None
        self.stderr_text = ''

    def _line(self, raw):
        text = raw.decode('utf-8', errors='replace')
        self.tail.append(ktap.strip_console_prefix(text))
        self.parser.feed_line(text)
        echo = self.args.echo
        if echo == 'all' or (echo == 'ktap' and self.parser.root is not None):
            self.rep.out.write(ktap.strip_console_prefix(text) + '\n')
            self.rep.out.flush()

    def _data(self, data):
        data = self.partial + data
        *lines, self.partial = data.split(b'\n')
        for raw in lines:
            self._line(raw)

    def execute(self):
        """Start QEMU, stream its output until exit or timeout."""
        cmd = qemu_command(self.args)
        if self.args.verbose:
            self.rep.say('ktest: ' + ' '.join(cmd))
        if not os.path.exists(self.args.iso):
            self.start_error = 'ISO %s not found (build it first)' % \
                self.args.iso
            return
        qemu = qemu_driver.Qemu(cmd, log_path=self.args.log)
        try:
            qemu.start()
        except qemu_driver.QemuError as e:
            self.start_error = str(e)
            return
        try:
            self._stream(qemu)
        finally:
            qemu.stop()
            self.stderr_text = qemu.stderr_text
        if self.partial:
            self._line(self.partial)
            self.partial = b''

    def _stream(self, qemu):
        deadline = time.monotonic() + qemu_driver.scaled(self.args.timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.timed_out = True
                return
            data = qemu.read(min(left, 1.0))
            if data is None:
                continue
            if not data:
                break
            self._data(data)
        self.exit_code = qemu.wait(max(0.1, deadline - time.monotonic()))
        if self.exit_code is None:
            self.timed_out = True


def death_reason(run):
    """Why the kernel did not finish normally, or None if it did."""
    p = run.parser
    where = p.running_test()
    panic = p.last_panic is not None and p.last_panic[1] == where
    if run.timed_out:
        if panic:
            return 'kernel panic while running %s (no exit after %g s)' % \
                (where, run.args.timeout)
        return 'timeout after %g s while running %s' % \
            (run.args.timeout, where)
    if run.exit_code in (QEMU_EXIT_PASS, QEMU_EXIT_FAIL):
        return None
    if panic:
        return 'kernel panic while running %s (QEMU exit %d)' % \
            (where, run.exit_code)
    if run.exit_code == 0:
        return 'kernel crashed/rebooted while running %s (QEMU exit 0)' % \
            where
    if run.exit_code is not None and run.exit_code < 0:
        return 'QEMU killed by signal %d while running %s' % \
            (-run.exit_code, where)
    return 'QEMU exited with status %s while running %s' % \
        (run.exit_code, where)


def report_suite(rep, suite):
    """One line per suite; failed cases with their diagnostic lines."""
    cases = len(suite.children)
    leaves = suite.leaves() if suite.children else []
    skipped = sum(1 for c in leaves if c.finished and c.skipped)
    failed = [c for c in leaves if not c.finished or
              (c.ok is False and not c.skipped)]
    name = suite.name or '?'
    if not suite.children and suite.finished and suite.skipped:
        rep.say('  SKIP %s: %s' % (name, suite.skip_reason or 'skipped'))
        return
    if suite.ok and not failed:
        extra = ', %d skipped' % skipped if skipped else ''
        rep.say('  PASS %s (%d case%s%s)' %
                (name, cases, '' if cases == 1 else 's', extra))
        return
    names = []
    for c in failed:
        label = c.path().split('.', 1)[-1]
        names.append(label if c.finished else label + ' (unfinished)')
    if not suite.finished:
        names.append('(suite has no result)')
    elif not failed:
        names.append('(suite reported not ok)')
    rep.say('  FAIL %s: %s' % (name, ', '.join(names)))
    for c in failed + ([] if failed else [suite]):
        diags = c.diagnostics()
        if not diags:
            continue
        rep.say('    %s:' % c.path())
        for d in diags[:MAX_DIAG_LINES]:
            rep.say('      ' + d)
        if len(diags) > MAX_DIAG_LINES:
            rep.say('      ... (%d more lines in the log)' %
                    (len(diags) - MAX_DIAG_LINES))


def judge(run, rep):
    """Print the results and return (passed, failed, skipped, status)."""
    if run.start_error:
        rep.say('ktest: FAIL: ' + run.start_error)
        return 0, 1, 0, 1

    summary = run.parser.finish()
    for suite in summary.suites:
        report_suite(rep, suite)

    died = death_reason(run)
    reasons = []
    if died:
        reasons.append(died)
    if not summary.has_ktap:
        reasons.append('no KTAP output')
    else:
        reasons.extend(summary.problems)
        if summary.failed:
            reasons.append('%d test case%s failed' %
                           (summary.failed, '' if summary.failed == 1 else 's'))
    if not died and run.exit_code == QEMU_EXIT_FAIL and not reasons:
        reasons.append('kernel reported failure (QEMU exit 3) although '
                       'every parsed case passed')
    if run.parser.restarts:
        reasons.append('kernel restarted its KTAP output %d time(s)' %
                       run.parser.restarts)

    if died or not summary.has_ktap:
        rep.say('ktest: ---- last %d lines of %s ----' %
                (len(run.tail), run.args.log))
        for line in run.tail:
            rep.say('ktest: | ' + line)
        if run.stderr_text:
            rep.say('ktest: ---- QEMU stderr ----')
            for line in run.stderr_text.splitlines()[-10:]:
                rep.say('ktest: | ' + line)

    failed = summary.failed
    if reasons and failed == 0:
        failed = 1          # the run itself failed: never report 0 failed
    if summary.skipped:
        rep.say('ktest: %d skipped' % summary.skipped)
    for reason in reasons:
        rep.say('ktest: FAIL: ' + reason)
    return summary.passed, failed, summary.skipped, 1 if reasons else 0


def parse_args(argv):
    """Command line; see the comment at the top of the file."""
    ap = argparse.ArgumentParser(
        description='Boot the test kernel in QEMU and check its KTAP output.')
    ap.add_argument('--iso', required=True, help='bootable test ISO')
    ap.add_argument('--mem', default='512M', help='guest RAM (QEMU -m)')
    ap.add_argument('--timeout', type=float, default=300,
                    help='seconds before QEMU is killed (default 300)')
    ap.add_argument('--log', default='build/ktest.log',
                    help='where the whole serial log goes')
    ap.add_argument('--label', default='', help='prefix for every message')
    qemu_driver.add_arguments(ap)
    ap.add_argument('--cpu', default=None,
                    help='CPU model (default: host under KVM, else max)')
    ap.add_argument('--extra-qemu-arg', action='append', default=[],
                    metavar='ARG', help='one more QEMU argument (repeatable)')
    ap.add_argument('--echo', choices=('none', 'ktap', 'all'), default='ktap',
                    help='copy serial lines to stdout: none, from the first '
                    'KTAP line on (default), or all')
    ap.add_argument('--result-file', help='write "PASSED FAILED SKIPPED '
                    'STATUS" here')
    ap.add_argument('-v', '--verbose', action='store_true',
                    help='print the QEMU command line')
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    rep = Reporter(args.label)
    run = Run(args, rep)
    try:
        run.execute()
    except KeyboardInterrupt:
        rep.say('ktest: interrupted')
        return 1
    passed, failed, skipped, status = judge(run, rep)
    if args.result_file:
        with open(args.result_file, 'w') as f:
            f.write('%d %d %d %d\n' % (passed, failed, skipped, status))
    rep.say('%d passed, %d failed' % (passed, failed))
    return status


if __name__ == '__main__':
    sys.exit(main())
