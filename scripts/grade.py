#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
grade.py - build a tree, run one lab's test suites in QEMU, print a score.

    scripts/grade.py LAB [--tree DIR] [--timeout SECONDS] [--mem SIZE]

What `make grade LAB=name` runs.  The lab's labs/LAB/lab.conf says what
to run and what each test case is worth:

	suites  = lab_buddy*            # the ktest= glob
	mem     = 512M                  # guest RAM
	timeout = 150                   # seconds for the whole boot
	lab_buddy.split_gives_back_one_block_per_order = 15
	...                             # suite.case = points, summing to 100

Steps:
  1. `make all` in the tree (a build that fails scores 0, with its errors);
  2. `make ktest T=<suites> MEM=<mem>`: one QEMU boot, serial log in
     build/grade-LAB.log; scripts/ktest.py kills QEMU after <timeout>
     seconds, and this script kills the whole make after a margin more,
     so a grade never hangs;
  3. the log is parsed with scripts/ktap.py.  A case scores its points
     when it printed "ok"; a case that failed an expectation, oopsed,
     timed out, or failed the runner's leak check (every case is checked
     for slab objects, pages and vmalloc areas left behind) scores 0, and
     the first lines of its diagnostics say why.  If the kernel died or
     hung, the cases that never ran score 0 and the test that was running
     is named.

Output: one line per case, "[points/max] suite.case", the reason under
each failed one, and last "Score: N/100".

Exit status: 0 for full marks, 1 for less, 2 when the lab or its
configuration is wrong.
"""

import argparse
import os
import signal
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap  # noqa: E402

BUILD_TIMEOUT = 900       # seconds for `make all` (a fresh tree)
ISO_MARGIN = 120          # `make ktest` builds the ISO before booting
MAX_REASON_LINES = 6


class ConfError(Exception):
    pass


class LabConf:
    """labs/LAB/lab.conf: settings and {suite.case: points}, in order."""

    def __init__(self, path):
        self.path = path
        self.settings = {'suites': None, 'mem': '512M', 'timeout': '150',
                         'title': ''}
        self.points = []
        with open(path, encoding='utf-8') as f:
            for number, raw in enumerate(f, 1):
                line = raw.split('#', 1)[0].strip()
                if not line:
                    continue
                key, sep, value = line.partition('=')
                key, value = key.strip(), value.strip()
                if not sep or not key or not value:
                    raise ConfError('%s:%d: expected "key = value"' %
                                    (path, number))
                if '.' in key:
                    try:
                        pts = int(value)
                    except ValueError:
                        raise ConfError('%s:%d: points must be a whole number'
                                        % (path, number))
                    if any(k == key for k, _ in self.points):
                        raise ConfError('%s:%d: %s listed twice' %
                                        (path, number, key))
                    self.points.append((key, pts))
                elif key in self.settings:
                    self.settings[key] = value
                else:
                    raise ConfError('%s:%d: unknown setting %r' %
                                    (path, number, key))
        if not self.settings['suites']:
            raise ConfError('%s: no "suites = GLOB"' % path)
        total = sum(p for _, p in self.points)
        if total != 100:
            raise ConfError('%s: the points add up to %d, not 100' %
                            (path, total))
        try:
            self.timeout = float(self.settings['timeout'])
        except ValueError:
            raise ConfError('%s: timeout must be a number of seconds' % path)

    def __getattr__(self, name):
        try:
            return self.settings[name]
        except KeyError:
            raise AttributeError(name)


def run(cmd, cwd, timeout, log_path):
    """Run @cmd in its own process group, output to @log_path.

    Returns (status, timed_out).  On timeout the whole group is killed.
    """
    with open(log_path, 'wb') as log:
        proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            return proc.wait(timeout=timeout), False
        except subprocess.TimeoutExpired:
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.killpg(proc.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    proc.wait(timeout=5)
                    break
                except subprocess.TimeoutExpired:
                    pass
            return None, True


def tail(path, n):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            return f.read().splitlines()[-n:]
    except OSError:
        return []


def case_reason(test):
    """Why a case that ran failed, in a few lines."""
    diags = [d.lstrip('# ').strip() for d in test.diagnostics()]
    lines = []
    for key, say in (('leak check', 'leak check failed: the case left '
                      'memory behind'),
                     ('timed out', 'timed out (the runner gave up on it)'),
                     ('oopsed', 'the case oopsed (see the serial log)')):
        if any(key in d for d in diags):
            lines.append(say)
    for d in diags:             # the first diagnostics, in their order
        if d and d not in lines and len(lines) < MAX_REASON_LINES:
            lines.append(d)
    return lines or ['reported "not ok"']


def grade(conf, log_path, died):
    """Score the parsed log; returns (score, rows)."""
    with open(log_path, encoding='utf-8', errors='replace') as f:
        parser, summary = ktap.parse(f.read())
    cases = {}
    for suite in summary.suites:
        for leaf in (suite.leaves() if suite.children else []):
            cases[leaf.path()] = leaf
    running = parser.running_test()
    rows = []
    score = 0
    for name, pts in conf.points:
        test = cases.get(name)
        if test is None:
            if died:
                why = ['not run: %s' % died]
            elif not summary.has_ktap:
                why = ['not run: no test output (see the log)']
            else:
                why = ['not run: no such case in the run (lab.conf and the '
                       'suites disagree?)']
            rows.append((name, 0, pts, why))
        elif not test.finished:
            rows.append((name, 0, pts, ['did not finish: %s' %
                                        (died or 'the kernel stopped')]))
        elif test.skipped:
            rows.append((name, 0, pts, ['skipped: %s' %
                                        (test.skip_reason or 'no reason')]))
        elif test.ok:
            rows.append((name, pts, pts, []))
            score += pts
        else:
            rows.append((name, 0, pts, case_reason(test)))
    extra = sorted(set(cases) - set(n for n, _ in conf.points))
    return score, rows, extra, running


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Grade one lab.")
    ap.add_argument('lab', nargs='?', default='')
    ap.add_argument('--tree', default=os.path.join(here, '..'),
                    help='the kernel tree to build and grade (default: '
                    'this script\'s tree)')
    ap.add_argument('--timeout', type=float,
                    help='seconds for the boot (default: lab.conf)')
    ap.add_argument('--mem', help='guest RAM (default: lab.conf)')
    ap.add_argument('--make', default=os.environ.get('MAKE', 'make'))
    ap.add_argument('--kvm', help='KVM=0|1 for make ktest')
    args = ap.parse_args(argv)
    tree = os.path.abspath(args.tree)
    labs_root = os.path.join(tree, 'labs')
    labs = sorted(d for d in os.listdir(labs_root)
                  if os.path.isfile(os.path.join(labs_root, d, 'lab.conf'))) \
        if os.path.isdir(labs_root) else []
    if not args.lab:
        print('usage: make grade LAB=name  (labs: %s)' % ', '.join(labs),
              file=sys.stderr)
        return 2
    if args.lab not in labs:
        print('grade: no lab "%s" in %s (labs: %s)' %
              (args.lab, labs_root, ', '.join(labs) or 'none'),
              file=sys.stderr)
        return 2
    try:
        conf = LabConf(os.path.join(labs_root, args.lab, 'lab.conf'))
    except (ConfError, OSError) as e:
        print('grade: %s' % e, file=sys.stderr)
        return 2
    timeout = args.timeout or conf.timeout
    mem = args.mem or conf.mem
    build_dir = os.path.join(tree, 'build')
    os.makedirs(build_dir, exist_ok=True)
    name = 'grade-' + args.lab
    make = [args.make, '--no-print-directory']

    print('Grading lab %s%s' % (args.lab, ': ' + conf.title if conf.title
                                else ''))
    print('  building %s ...' % tree)
    sys.stdout.flush()
    build_log = os.path.join(build_dir, name + '-build.log')
    jobs = '-j%d' % (os.cpu_count() or 1)
    status, timed_out = run(make + [jobs, 'all'], tree, BUILD_TIMEOUT,
                            build_log)
    if status != 0:
        print('  the kernel does not build%s; the errors (whole log: %s):' %
              (' (timed out)' if timed_out else '', build_log))
        errors = [l for l in tail(build_log, 200)
                  if 'error' in l or 'Error' in l] or tail(build_log, 20)
        for line in errors[-20:]:
            print('  | ' + line)
        for case, pts in conf.points:
            print('  [%3d/%3d] %s' % (0, pts, case))
        print('Score: 0/100')
        return 1

    ktest_log = os.path.join(build_dir, name + '.log')
    run_log = os.path.join(build_dir, name + '-run.log')
    if os.path.exists(ktest_log):
        os.remove(ktest_log)
    cmd = make + ['ktest', 'T=' + conf.suites, 'MEM=' + mem,
                  'KTEST_NAME=' + name, 'KTEST_TIMEOUT=%g' % timeout,
                  'KTEST_ARGS=--echo none']
    if args.kvm is not None:
        cmd.append('KVM=' + args.kvm)
    print('  running %s (MEM=%s, at most %g s) ...' % (conf.suites, mem,
                                                       timeout))
    sys.stdout.flush()
    status, timed_out = run(cmd, tree, timeout + ISO_MARGIN, run_log)

    # Why the run ended early, as ktest.py worked it out (it names the
    # test that was running), or our own kill.
    died = None
    for line in tail(run_log, 80):
        if 'ktest: FAIL: ' in line and ('timeout' in line or 'crash' in line
                                        or 'panic' in line or 'killed' in line
                                        or 'QEMU exited' in line):
            died = line.split('ktest: FAIL: ', 1)[1]
    if timed_out:
        died = 'the run was killed after %g s' % (timeout + ISO_MARGIN)
    if not os.path.exists(ktest_log):
        print('  no test log: the run did not start; its output (%s):' %
              run_log)
        for line in tail(run_log, 20):
            print('  | ' + line)
        open(ktest_log, 'w').close()

    score, rows, extra, running = grade(conf, ktest_log, died)
    for case, got, pts, why in rows:
        print('  [%3d/%3d] %s' % (got, pts, case))
        for line in why:
            print('              ' + line)
    if died:
        print('  the run ended early: %s' % died)
    for case in extra:
        print('  (note: %s ran but is worth no points in lab.conf)' % case)
    print('  serial log: %s' % ktest_log)
    print('Score: %d/100' % score)
    return 0 if score == 100 else 1


if __name__ == '__main__':
    sys.exit(main())
