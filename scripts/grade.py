#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
grade.py - build a tree, run one lab's test suites in QEMU, print a score;
or grade students' submissions in a pristine copy of the reference tree.

    scripts/grade.py LAB [--tree DIR]                 grade a tree as it is
    scripts/grade.py LAB --submission PATH            grade one submission
    scripts/grade.py LAB --all FOLDER [--csv FILE]    grade a whole class
    (and --timeout SECONDS, --mem SIZE, --kvm 0|1, --work DIR)

What `make grade LAB=name`, `make grade LAB=name SUBMISSION=PATH` and
`make grade-all LAB=name SUBMISSIONS=FOLDER` run.  The lab's
labs/LAB/lab.conf says what to run and what each test case is worth:

	suites  = lab_buddy*            # the ktest= glob
	mem     = 512M                  # guest RAM
	timeout = 150                   # seconds for the whole boot
	lab_buddy.split_gives_back_one_block_per_order = 15
	...                             # suite.case = points, summing to 100

Grading a tree (a student runs `make grade LAB=name` in the handout):
  1. `make all` in the tree (a build that fails scores 0, with its errors);
  2. `make ktest T=<suites> MEM=<mem>`: one QEMU boot, serial log in
     build/grade-LAB.log; scripts/ktest.py kills QEMU after <timeout>
     seconds, and this script kills the whole make after a margin more,
     so a grade never hangs;
  3. the log is parsed with scripts/ktap.py.  A case scores its points
     when it printed "ok"; a case that failed an expectation, oopsed,
     timed out, or failed the runner's leak check (every case is checked
     for slab objects, pages and vmalloc areas left behind) scores 0, and
     its diagnostics say why, each failed expectation whole (header,
     "Expected ...", both values).  If the kernel died or hung, the cases
     that never ran score 0 and the test that was running is named.
That trusts the tree: its tests, lab.conf, Makefile and scripts are its
own, so it is how students check their work, not how they are marked.

Grading a submission (an instructor, in the reference tree):
  - the submission is a student tree (a folder), or a patch against the
    handout (`git diff` output, or a `git format-patch` mbox: FILE.patch,
    .diff, .mbox or .eml), or a folder of such patches (a series, applied
    in name order).  A patch is applied to a fresh handout of the lab
    (scripts/lab_handout.py), which gives a student tree;
  - only the lab's solution regions are taken from that tree: for every
    file of the reference with LAB(name) regions, the lines between the
    BEGIN and END markers of each region, found by file and region name;
  - they are put into a pristine copy of the reference tree (the work
    folder's tree/, re-copied from the reference for every submission,
    its build/ kept so that only what changed is rebuilt), which is then
    graded as above with the reference's tests, lab.conf, Makefile and
    scripts.  Whatever else the submission changed is ignored, and the
    report lists those files;
  - a submission whose patch does not apply, or whose regions cannot be
    found or matched (a file or a marker missing, markers that do not pair
    up), or whose region text is not plain code (an unbalanced bracket
    that would reach outside the region, a preprocessor line, _Pragma or
    inline assembly) is rejected: score 0, with the reason.
  The region code still runs in the kernel: the grader keeps a submission
  from changing the tests and the build, it is no sandbox against code
  written to fool the tests.  Read what you grade.

Grading a class (--all FOLDER): every entry of FOLDER that is a tree, a
patch file or a folder of patches is graded as above, in name order, one
build and one boot each, each with its own time limits.  Each
submission's report goes to WORK/reports/NAME.txt; the grades go to a CSV
(default WORK/grades.csv: submission, kind, score, the points of every
case, the reasons) and a summary table, printed and saved in
WORK/summary.txt.  A submission that does not apply, is rejected or does
not build scores 0 with the reason.

The work folder (default build/grade/LAB) holds handout/ (the handout
patches apply to), applied/ (the last patched student tree), tree/ (the
grading tree), the reports, CSV and summary of --all, and a lock: one
grade at a time per work folder.

Output: one line per case, "[points/max] suite.case", the reason under
each failed one, and last "Score: N/100".

Exit status: 0 for full marks (--all: the CSV was written), 1 for less,
2 when the lab, its configuration or the command is wrong.
"""

import argparse
import csv
import fcntl
import hashlib
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ktap  # noqa: E402
import lab_handout  # noqa: E402

BUILD_TIMEOUT = 900       # seconds for `make all` (a fresh tree)
ISO_MARGIN = 120          # `make ktest` builds the ISO before booting
GIT_TIMEOUT = 120         # seconds for applying one patch
MAX_REASON_LINES = 10     # per case (the first block is shown whole)
REPORT_BLOCK_LINES = 3    # lines shown of a kernel report (BUG:, oops)
PATCH_SUFFIXES = ('.patch', '.diff', '.mbox', '.eml')


class ConfError(Exception):
    pass


class Reject(Exception):
    """A submission that cannot be graded: it scores 0, for this reason."""


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


# ---- why a case failed ----------------------------------------------

_FAILED_RE = re.compile(r' (EXPECTATION|ASSERTION) FAILED at ')


def reason_blocks(test):
    """A failed case's diagnostics, cut into blocks that belong together.

    The runner prints "# CASE: EXPECTATION FAILED at FILE:LINE", then
    "# Expected A == B, but" and one "#     A == value" line per side; and
    other messages ("# CASE: leak check: ...", "# CASE: timed out ...")
    with their own continuation lines.  A "#" line that starts with the
    case's name opens a block, the "#" lines after it belong to it; kernel
    reports (lines without "#": BUG:, oops text) make blocks of their own,
    cut to their first lines.  The "# " and the case's name are taken
    off, the indentation of value lines is kept.
    """
    blocks = []
    prefix = (test.name or '') + ': '
    kind = None                 # of the current block: '#' or 'report'
    for raw in test.log:
        line = raw.strip()
        if not line:
            continue
        if line.startswith('#'):
            text = line[2:] if line.startswith('# ') else line[1:]
            if kind != '#' or text.startswith(prefix) or \
                    _FAILED_RE.search(text):
                blocks.append([])
                kind = '#'
            if text.startswith(prefix):
                text = text[len(prefix):]
            blocks[-1].append(text.rstrip())
        else:
            if kind != 'report':
                blocks.append([])
                kind = 'report'
            if len(blocks[-1]) < REPORT_BLOCK_LINES:
                blocks[-1].append(line)
            elif len(blocks[-1]) == REPORT_BLOCK_LINES:
                blocks[-1].append('...')
    return blocks


def case_reason(test):
    """Why a case that ran failed, in a few lines.

    A headline first (leak check, timeout, oops), then the diagnostics
    block by block: a block is shown whole or not at all, so that a
    value line never loses the expectation it belongs to, and a block
    repeated (the same expectation failing in a loop) is shown once with
    its count.
    """
    blocks = reason_blocks(test)
    text = '\n'.join(l for b in blocks for l in b)
    lines = []
    for key, say in (('leak check', 'leak check failed: the case left '
                      'memory behind'),
                     ('timed out', 'timed out (the runner gave up on it)'),
                     ('oopsed', 'the case oopsed (see the serial log)')):
        if key in text:
            lines.append(say)
    shown = []                  # [block, times seen]
    for block in blocks:
        for entry in shown:
            if entry[0] == block:
                entry[1] += 1
                break
        else:
            shown.append([block, 1])
    left = 0
    for n, (block, times) in enumerate(shown):
        if left or (n and len(lines) + len(block) > MAX_REASON_LINES):
            left += times
            continue
        lines.extend(block)
        if times > 1:
            lines.append('(the same %d times)' % times)
    if left:
        lines.append('(%d more: see the serial log)' % left)
    return lines or ['reported "not ok"']


def grade(conf, log_path, died):
    """Score the parsed log; returns (score, rows, extra, running)."""
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


# ---- grading one tree -----------------------------------------------

class Options:
    """How to run: make, KVM, time limits (None: lab.conf's)."""

    def __init__(self, make='make', kvm=None, timeout=None, mem=None):
        self.make = make
        self.kvm = kvm
        self.timeout = timeout
        self.mem = mem


class Outcome:
    """What grading one tree or submission gave."""

    def __init__(self, conf):
        self.conf = conf
        self.score = 0
        self.rows = [(case, 0, pts, []) for case, pts in conf.points]
        self.status = 'graded'  # or 'rejected', 'does not build'
        self.reason = ''        # why it was rejected or did not build
        self.died = None
        self.notes = []

    def reasons(self):
        """One line for the CSV: why points were lost."""
        if self.status != 'graded':
            return '%s: %s' % (self.status, self.reason)
        out = []
        if self.died:
            out.append('the run ended early: %s' % self.died)
        for case, got, pts, why in self.rows:
            if got < pts:
                out.append('%s: %s' % (case.split('.', 1)[-1],
                                       ' / '.join(w.strip() for w in why)))
        return '; '.join(out)


def print_rows(outcome, say):
    for case, got, pts, why in outcome.rows:
        say('  [%3d/%3d] %s' % (got, pts, case))
        for line in why:
            say('              ' + line)


def grade_tree(tree, lab, conf, opts, say):
    """Build @tree, run @lab's suites in it, score; returns an Outcome.

    @say prints one line of the report.
    """
    out = Outcome(conf)
    timeout = opts.timeout or conf.timeout
    mem = opts.mem or conf.mem
    build_dir = os.path.join(tree, 'build')
    os.makedirs(build_dir, exist_ok=True)
    name = 'grade-' + lab
    make = [opts.make, '--no-print-directory']

    say('  building %s ...' % tree)
    build_log = os.path.join(build_dir, name + '-build.log')
    jobs = '-j%d' % (os.cpu_count() or 1)
    status, timed_out = run(make + [jobs, 'all'], tree, BUILD_TIMEOUT,
                            build_log)
    if status != 0:
        say('  the kernel does not build%s; the errors (whole log: %s):' %
            (' (timed out)' if timed_out else '', build_log))
        errors = [l for l in tail(build_log, 200)
                  if 'error' in l or 'Error' in l] or tail(build_log, 20)
        for line in errors[-20:]:
            say('  | ' + line)
        print_rows(out, say)
        out.status = 'does not build'
        first = [l for l in errors if 'error' in l] or errors or ['']
        out.reason = ('timed out after %d s' % BUILD_TIMEOUT if timed_out
                      else first[0].strip())
        say('Score: 0/100')
        return out

    ktest_log = os.path.join(build_dir, name + '.log')
    run_log = os.path.join(build_dir, name + '-run.log')
    if os.path.exists(ktest_log):
        os.remove(ktest_log)
    cmd = make + ['ktest', 'T=' + conf.suites, 'MEM=' + mem,
                  'KTEST_NAME=' + name, 'KTEST_TIMEOUT=%g' % timeout,
                  'KTEST_ARGS=--echo none']
    if opts.kvm is not None:
        cmd.append('KVM=' + opts.kvm)
    say('  running %s (MEM=%s, at most %g s) ...' % (conf.suites, mem,
                                                     timeout))
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
        say('  no test log: the run did not start; its output (%s):' %
            run_log)
        for line in tail(run_log, 20):
            say('  | ' + line)
        open(ktest_log, 'w').close()
        died = died or 'the run did not start'

    out.score, out.rows, extra, running = grade(conf, ktest_log, died)
    out.died = died
    print_rows(out, say)
    if died:
        say('  the run ended early: %s' % died)
    for case in extra:
        say('  (note: %s ran but is worth no points in lab.conf)' % case)
    say('  serial log: %s' % ktest_log)
    say('Score: %d/100' % out.score)
    return out


# ---- submissions ----------------------------------------------------

def code_only(text):
    """C text with comments, strings and character constants blanked.

    Lines joined by a backslash-newline are spliced first, as the
    preprocessor does; a comment becomes a space, a literal its quotes.
    """
    text = text.replace('\\\r\n', '').replace('\\\n', '')
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
            out.append(' ')
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            out.append(' ')
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


_DIGRAPHS = (('<%', '{'), ('%>', '}'), ('<:', '['), (':>', ']'),
             ('%:', '#'))
_FORBIDDEN_RE = re.compile(r'\b(_Pragma|asm|__asm|__asm__)\b')


def check_region(path, region, body):
    """Refuse region text that could reach outside its region.

    The grader puts the text between the reference's own markers, so it
    must be code that stays there: brackets that pair up and never close
    more than they opened (no closing the function to add code after it),
    no preprocessor line (no #define of what the tests use, no #include),
    no _Pragma and no inline assembly.
    """
    code = code_only(body)
    for digraph, char in _DIGRAPHS:
        code = code.replace(digraph, char)
    where = 'region %s of %s' % (region, path)
    for line in code.splitlines():
        if line.strip().startswith('#'):
            raise Reject('%s: a preprocessor line is not allowed in a '
                         'solution region: %s' % (where, line.strip()[:60]))
    m = _FORBIDDEN_RE.search(code)
    if m:
        raise Reject('%s: %s is not allowed in a solution region' %
                     (where, m.group(1)))
    pairs = {')': '(', ']': '[', '}': '{'}
    stack = []
    for c in code:
        if c in '([{':
            stack.append(c)
        elif c in pairs:
            if not stack or stack.pop() != pairs[c]:
                raise Reject('%s: "%s" closes more than the region opened '
                             '(the brackets must pair up inside it)' %
                             (where, c))
    if stack:
        raise Reject('%s: "%s" is never closed inside the region' %
                     (where, stack[-1]))


def reference_regions(ref, lab):
    """{relative path: [region names]} of @lab in the reference tree."""
    files = {}
    for rel in lab_handout.source_files(ref):
        if not rel.endswith(lab_handout.REGION_SUFFIXES):
            continue
        with open(os.path.join(ref, rel), encoding='utf-8') as f:
            text = f.read()
        names = [r for r, _, _ in lab_handout.lab_regions(rel, text, lab)]
        if names:
            files[rel] = names
    if not files:
        raise ConfError('the reference has no LAB(%s) regions' % lab)
    return files


def submission_kind(path, explicit=False):
    """'tree', 'patch' or 'series' (a folder of patches), or None."""
    if os.path.isfile(path):
        if path.endswith(PATCH_SUFFIXES) or explicit:
            return 'patch'
        return None
    if not os.path.isdir(path):
        return None
    if any(os.path.exists(os.path.join(path, m))
           for m in ('Makefile', 'labs', lab_handout.HANDOUT_MARK)):
        return 'tree'
    if patch_files(path):
        return 'series'
    return None


def patch_files(folder):
    return sorted(os.path.join(folder, p) for p in os.listdir(folder)
                  if p.endswith(PATCH_SUFFIXES) and
                  os.path.isfile(os.path.join(folder, p)))


def is_mbox(path):
    """A `git format-patch` file starts with "From <commit id> <date>"."""
    with open(path, 'rb') as f:
        head = f.read(200)
    return re.match(rb'From [0-9a-f]{40} ', head) is not None


def blank_regions(rel, text, lab):
    """@text with @lab's regions emptied: what is left outside them."""
    names = [r for r, _, _ in lab_handout.lab_regions(rel, text, lab)]
    return lab_handout.splice_regions(rel, text, lab,
                                      {n: '' for n in names})[0]


def read_text(path, rel):
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError:
        return None
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        raise Reject('%s is not UTF-8 text' % rel)


class Grader:
    """Grades submissions of one lab against the reference tree @ref.

    Keeps its folders under @work: the handout patches apply to (made
    once), the patched student tree, and the grading tree.
    """

    def __init__(self, ref, lab, conf, work, opts):
        self.ref = os.path.abspath(ref)
        self.lab = lab
        self.conf = conf
        self.work = os.path.abspath(work)
        self.opts = opts
        self.region_files = reference_regions(self.ref, lab)
        self.ref_files = lab_handout.source_files(self.ref)
        self._handout = None

    def handout(self):
        """The lab's handout, a git repository: what patches apply to."""
        if self._handout is None:
            path = os.path.join(self.work, 'handout')
            lab_handout.make_handout(self.ref, self.lab, path)
            self._handout = path
        return self._handout

    def git(self, args, cwd):
        try:
            r = lab_handout.git(args, cwd, timeout=GIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise Reject('git %s took more than %d s' %
                         (args[0], GIT_TIMEOUT))
        return r

    def apply_patches(self, patches):
        """A fresh clone of the handout with @patches applied, in order."""
        tree = os.path.join(self.work, 'applied')
        if os.path.exists(tree):
            shutil.rmtree(tree)
        r = self.git(['clone', '-q', self.handout(), tree], self.work)
        if r.returncode != 0:
            raise ConfError('cannot clone the handout: %s' % r.stderr.strip())
        for patch in patches:
            name = os.path.basename(patch)
            if os.path.getsize(patch) == 0:
                raise Reject('%s is empty: nothing to grade (`git diff HEAD` '
                             'includes staged changes)' % name)
            if is_mbox(patch):
                r = self.git(['am', '-q', '--whitespace=nowarn',
                              os.path.abspath(patch)], tree)
                # a cover letter (git format-patch --cover-letter) is a
                # mail with no patch in it: skip it
                while r.returncode != 0 and 'Patch is empty' in r.stdout + \
                        r.stderr:
                    r = self.git(['am', '-q', '--skip'], tree)
            else:
                r = self.git(['apply', '--whitespace=nowarn',
                              os.path.abspath(patch)], tree)
            if r.returncode != 0:
                why = [l for l in r.stderr.splitlines()
                       if l.startswith(('error', 'fatal', 'Patch failed'))]
                why = why or r.stderr.strip().splitlines() or ['?']
                raise Reject('%s does not apply to the handout: %s' %
                             (name, ' '.join(why[:2])))
        return tree

    def student_tree(self, path, kind):
        if kind == 'tree':
            return os.path.abspath(path)
        if kind == 'patch':
            return self.apply_patches([path])
        return self.apply_patches(patch_files(path))

    def take_regions(self, tree):
        """{relative path: {region: text}} from the student's tree."""
        bodies = {}
        real_tree = os.path.realpath(tree)
        for rel, names in sorted(self.region_files.items()):
            path = os.path.join(tree, rel)
            # A link could point at the reference's own solution (the
            # patched tree sits inside the reference's build/).
            if os.path.lexists(path) and (
                    os.path.realpath(path) != os.path.join(real_tree, rel)
                    or not os.path.isfile(path)):
                raise Reject('%s is not a plain file of the submission (a '
                             'symbolic link?)' % rel)
            text = read_text(path, rel)
            if text is None:
                raise Reject('%s is missing: its LAB(%s) regions %s cannot '
                             'be found' % (rel, self.lab, ', '.join(names)))
            try:
                found = lab_handout.region_bodies(rel, text, self.lab)
            except lab_handout.HandoutError as e:
                raise Reject('the LAB() markers do not pair up: %s' % e)
            for name in names:
                if name not in found:
                    raise Reject('region %s of %s not found: its '
                                 '"LAB(%s) BEGIN %s" and "END %s" lines '
                                 'must stay' % (name, rel, self.lab, name,
                                                name))
                check_region(rel, name, found[name])
            bodies[rel] = {n: found[n] for n in names}
        return bodies

    def ignored_changes(self, tree):
        """Files the student changed outside the lab's regions."""
        base = self.handout()
        changed = []
        for rel in lab_handout.source_files(base):
            if rel == lab_handout.HANDOUT_MARK:
                continue
            mine = os.path.join(tree, rel)
            theirs = os.path.join(base, rel)
            try:
                with open(mine, 'rb') as f:
                    a = f.read()
                with open(theirs, 'rb') as f:
                    b = f.read()
            except OSError:
                changed.append(rel)
                continue
            if a == b:
                continue
            if rel in self.region_files:
                try:
                    if blank_regions(rel, a.decode('utf-8'), self.lab) == \
                            blank_regions(rel, b.decode('utf-8'), self.lab):
                        continue
                except (UnicodeDecodeError, lab_handout.HandoutError):
                    pass
            changed.append(rel)
        return changed

    def grading_tree(self, bodies):
        """The reference, copied afresh, with the student's regions."""
        tree = os.path.join(self.work, 'tree')
        os.makedirs(tree, exist_ok=True)
        # The build is kept between submissions (make rebuilds what
        # changed: region files are written anew, the rest keeps the
        # reference's times); a change in the reference starts it over.
        stamp = hashlib.sha256()
        for rel in self.ref_files:
            st = os.stat(os.path.join(self.ref, rel))
            stamp.update(('%s %d %d\n' % (rel, st.st_size,
                                          st.st_mtime_ns)).encode())
        stamp_path = os.path.join(tree, 'build', '.grade-reference')
        old = read_text(stamp_path, stamp_path) if \
            os.path.exists(stamp_path) else None
        for entry in os.listdir(tree):
            path = os.path.join(tree, entry)
            if entry == 'build' and old == stamp.hexdigest():
                continue
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
        for rel in self.ref_files:
            dst = os.path.join(tree, rel)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if rel not in bodies:
                shutil.copy2(os.path.join(self.ref, rel), dst)
                continue
            with open(os.path.join(self.ref, rel), encoding='utf-8') as f:
                text = f.read()
            text, done = lab_handout.splice_regions(rel, text, self.lab,
                                                    bodies[rel])
            with open(dst, 'w', encoding='utf-8') as f:
                f.write(text)
            shutil.copymode(os.path.join(self.ref, rel), dst)
        os.makedirs(os.path.dirname(stamp_path), exist_ok=True)
        with open(stamp_path, 'w') as f:
            f.write(stamp.hexdigest())
        return tree

    def grade(self, path, say, kind=None):
        """Grade one submission; returns its Outcome."""
        out = Outcome(self.conf)
        kind = kind or submission_kind(path, explicit=True)
        try:
            if kind is None:
                raise Reject('%s is neither a kernel tree, a patch nor a '
                             'folder of patches' % path)
            tree = self.student_tree(path, kind)
            bodies = self.take_regions(tree)
            ignored = self.ignored_changes(tree)
        except Reject as e:
            out.status, out.reason = 'rejected', str(e)
            say('  rejected: %s' % e)
            print_rows(out, say)
            say('Score: 0/100')
            return out
        nregions = sum(len(b) for b in bodies.values())
        say('  took %d region(s) of %s from %s: %s' %
            (nregions, self.lab, kind,
             ', '.join('%s (%s)' % (n, rel) for rel in sorted(bodies)
                       for n in bodies[rel])))
        if ignored:
            note = 'changes outside the regions are ignored: %s' % \
                ', '.join(ignored[:8]) + \
                (' and %d more' % (len(ignored) - 8) if len(ignored) > 8
                 else '')
            out.notes.append(note)
            say('  ' + note)
        tree = self.grading_tree(bodies)
        result = grade_tree(tree, self.lab, self.conf, self.opts, say)
        result.notes = out.notes
        return result


class WorkLock:
    """One grade at a time in a work folder (a lock file, flock)."""

    def __init__(self, work):
        os.makedirs(work, exist_ok=True)
        self.path = os.path.join(work, '.lock')
        self.f = None

    def __enter__(self):
        self.f = open(self.path, 'w')
        try:
            fcntl.flock(self.f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.f.close()
            raise ConfError('another grade is using %s' %
                            os.path.dirname(self.path))
        return self

    def __exit__(self, *exc):
        self.f.close()


# ---- a class --------------------------------------------------------

def class_entries(folder):
    """(name, path, kind) of the submissions in @folder, and what is not."""
    entries, skipped = [], []
    for name in sorted(os.listdir(folder)):
        if name.startswith('.'):
            continue
        path = os.path.join(folder, name)
        kind = submission_kind(path)
        if kind:
            entries.append((name, path, kind))
        else:
            skipped.append(name)
    return entries, skipped


def grade_all(grader, folder, csv_path, say):
    """Grade every submission of @folder; write the CSV and a summary."""
    conf = grader.conf
    entries, skipped = class_entries(folder)
    reports = os.path.join(grader.work, 'reports')
    if os.path.isdir(reports):
        shutil.rmtree(reports)
    os.makedirs(reports)
    say('Grading lab %s%s: %d submission(s) in %s' %
        (grader.lab, ': ' + conf.title if conf.title else '', len(entries),
         folder))
    for name in skipped:
        say('  (skipped %s: not a tree, a patch (%s) or a folder of '
            'patches)' % (name, ', '.join(PATCH_SUFFIXES)))
    results = []
    start = time.time()
    for i, (name, path, kind) in enumerate(entries, 1):
        report = os.path.join(reports, name + '.txt')
        with open(report, 'w', encoding='utf-8') as rep:
            def note(line, rep=rep):
                rep.write(line + '\n')
                rep.flush()
            note('Grading lab %s: submission %s (%s)' % (grader.lab, name,
                                                         kind))
            began = time.time()
            try:
                out = grader.grade(path, note, kind)
            except Exception as e:     # one bad submission must not stop all
                out = Outcome(conf)
                out.status, out.reason = 'rejected', 'grader error: %r' % e
                note('  grader error: %r' % e)
                note('Score: 0/100')
        results.append((name, kind, out))
        say('  [%d/%d] %-24s %-6s %3d/100  %.0f s%s' %
            (i, len(entries), name, kind, out.score, time.time() - began,
             '  ' + out.status + ': ' + out.reason[:70]
             if out.status != 'graded' else ''))

    cases = [c for c, _ in conf.points]
    with open(csv_path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['submission', 'kind', 'score'] + cases + ['reasons'])
        for name, kind, out in results:
            pts = {c: got for c, got, _, _ in out.rows}
            w.writerow([name, kind, out.score] + [pts[c] for c in cases] +
                       [out.reasons()])

    lines = ['Lab %s: %d submission(s), graded in %.0f s' %
             (grader.lab, len(results), time.time() - start),
             '  %-24s %5s  %s' % ('submission', 'score', 'result')]
    for name, kind, out in results:
        failed = [c.split('.', 1)[-1] for c, got, pts, _ in out.rows
                  if got < pts]
        if out.status != 'graded':
            what = '%s: %s' % (out.status, out.reason)
        elif not failed:
            what = 'every case passed'
        else:
            what = '%d case(s) lost points: %s' % (len(failed),
                                                   ', '.join(failed))
            if out.died:
                what += ' (the run ended early)'
        lines.append('  %-24s %5d  %s' % (name, out.score,
                                          what if len(what) < 100
                                          else what[:97] + '...'))
    scores = [out.score for _, _, out in results]
    if scores:
        lines.append('  mean %.1f, median %g, full marks %d of %d, '
                     'scored 0: %d' %
                     (statistics.mean(scores), statistics.median(scores),
                      scores.count(100), len(scores), scores.count(0)))
    lines.append('  CSV: %s' % csv_path)
    lines.append('  reports: %s/' % reports)
    with open(os.path.join(grader.work, 'summary.txt'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    for line in lines:
        say(line)
    return results


# ---- command line ---------------------------------------------------

def say_now(line):
    print(line)
    sys.stdout.flush()


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Grade one lab.")
    ap.add_argument('lab', nargs='?', default='')
    ap.add_argument('--tree', default=os.path.join(here, '..'),
                    help='the kernel tree: the one graded, or the reference '
                    'for --submission and --all (default: this script\'s '
                    'tree)')
    ap.add_argument('--submission', help='a student tree, a patch against '
                    'the handout, or a folder of patches: graded in a '
                    'pristine copy of the reference tree')
    ap.add_argument('--all', metavar='FOLDER', help='grade every '
                    'submission in FOLDER (trees, patches, folders of '
                    'patches)')
    ap.add_argument('--csv', help='where --all writes its CSV (default: '
                    'WORK/grades.csv)')
    ap.add_argument('--work', help='work folder for --submission and --all '
                    '(default: build/grade/LAB of the tree)')
    ap.add_argument('--timeout', type=float,
                    help='seconds for the boot (default: lab.conf)')
    ap.add_argument('--mem', help='guest RAM (default: lab.conf)')
    ap.add_argument('--make', default=os.environ.get('MAKE', 'make'))
    ap.add_argument('--kvm', help='KVM=0|1 for make ktest')
    args = ap.parse_args(argv)
    tree = os.path.abspath(args.tree)
    labs = lab_handout.list_labs(tree)
    if not args.lab:
        print('usage: make grade LAB=name [SUBMISSION=tree|patch], or '
              'make grade-all LAB=name SUBMISSIONS=folder  (labs: %s)' %
              ', '.join(labs), file=sys.stderr)
        return 2
    if args.lab not in labs:
        print('grade: no lab "%s" in %s (labs: %s)' %
              (args.lab, os.path.join(tree, 'labs'),
               ', '.join(labs) or 'none'), file=sys.stderr)
        return 2
    if args.submission is not None and args.all is not None:
        print('grade: give SUBMISSION or SUBMISSIONS, not both',
              file=sys.stderr)
        return 2
    if args.submission == '' or args.all == '':
        print('usage: make grade LAB=%s SUBMISSION=tree|patch, or make '
              'grade-all LAB=%s SUBMISSIONS=folder' % (args.lab, args.lab),
              file=sys.stderr)
        return 2
    try:
        conf = LabConf(os.path.join(tree, 'labs', args.lab, 'lab.conf'))
    except (ConfError, OSError) as e:
        print('grade: %s' % e, file=sys.stderr)
        return 2
    opts = Options(args.make, args.kvm, args.timeout, args.mem)
    title = ': ' + conf.title if conf.title else ''

    if not args.submission and not args.all:
        say_now('Grading lab %s%s' % (args.lab, title))
        out = grade_tree(tree, args.lab, conf, opts, say_now)
        return 0 if out.score == 100 else 1

    for path in (args.submission, args.all):
        if path and not os.path.exists(path):
            print('grade: %s does not exist' % path, file=sys.stderr)
            return 2
    if args.all and not os.path.isdir(args.all):
        print('grade: SUBMISSIONS=%s is not a folder' % args.all,
              file=sys.stderr)
        return 2
    work = args.work or os.path.join(tree, 'build', 'grade', args.lab)
    try:
        with WorkLock(work):
            grader = Grader(tree, args.lab, conf, work, opts)
            if args.all:
                csv_path = os.path.abspath(args.csv or
                                           os.path.join(work, 'grades.csv'))
                grade_all(grader, args.all, csv_path, say_now)
                return 0
            say_now('Grading lab %s%s: submission %s, in a pristine copy '
                    'of %s' % (args.lab, title, args.submission, tree))
            out = grader.grade(args.submission, say_now)
    except (ConfError, lab_handout.HandoutError, OSError) as e:
        print('grade: %s' % e, file=sys.stderr)
        return 2
    return 0 if out.score == 100 else 1


if __name__ == '__main__':
    sys.exit(main())
