# SPDX-License-Identifier: GPL-2.0
"""
Host tests for the lab tools: scripts/lab_handout.py (regions replaced by
stubs, marker errors refused, the handout a git repository) and
scripts/grade.py (lab.conf parsing, scoring of a canned KTAP log, failure
reasons, and grading submissions and a class end to end in a fake tree
whose Makefile "builds" and "boots" with small Python scripts, so no
QEMU), plus a check that every real lab in labs/ has a well-formed
lab.conf and stubs that match its regions.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_*.py'
"""

import csv
import io
import os
import re
import shutil
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, 'scripts'))

import grade  # noqa: E402
import lab_handout  # noqa: E402


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(textwrap.dedent(text))


class FakeTree:
    """A small tree: one lab "demo" with a region in mm/a.c."""

    def __init__(self, tmp, stubs=None, source=None):
        self.src = os.path.join(tmp, 'src')
        write(os.path.join(self.src, 'labs/demo/lab.conf'), '''\
            suites = lab_demo
            lab_demo.one = 60
            lab_demo.two = 40
            ''')
        write(os.path.join(self.src, 'labs/demo/README.md'), '# Demo lab\n')
        write(os.path.join(self.src, 'labs/demo/stubs'), stubs or '''\
            # comment
            @@ body
            \treturn 0;	/* TODO */
            ''')
        write(os.path.join(self.src, 'mm/a.c'), source or '''\
            int f(void)
            {
            \t/* LAB(demo) BEGIN body: the answer */
            \treturn 42;
            \t/* LAB(demo) END body */
            }
            int g(void)
            {
            \t/* LAB(other) BEGIN x: not this lab */
            \treturn 7;
            \t/* LAB(other) END x */
            }
            ''')
        write(os.path.join(self.src, 'scripts/notes.py'),
              '# LAB(demo) BEGIN body  (quoted, not a region)\n')
        self.out = os.path.join(tmp, 'out')


class HandoutTest(unittest.TestCase):
    def test_region_replaced_others_kept(self):
        with tempfile.TemporaryDirectory() as tmp:
            t = FakeTree(tmp)
            n, regions = lab_handout.make_handout(t.src, 'demo', t.out)
            self.assertEqual(regions, [('body', 'mm/a.c')])
            with open(os.path.join(t.out, 'mm/a.c')) as f:
                text = f.read()
            self.assertIn('/* LAB(demo) BEGIN body: the answer */\n'
                          '\treturn 0;\t/* TODO */\n'
                          '\t/* LAB(demo) END body */', text)
            self.assertNotIn('return 42', text)
            self.assertIn('return 7;', text)       # the other lab's region
            self.assertTrue(os.path.isfile(os.path.join(t.out, 'demo.md')))
            self.assertTrue(os.path.isfile(os.path.join(t.out, 'scripts/notes.py')))
            # an earlier handout is replaced, anything else refused
            lab_handout.make_handout(t.src, 'demo', t.out)
            other = os.path.join(tmp, 'other')
            write(os.path.join(other, 'keep.txt'), 'mine\n')
            with self.assertRaises(lab_handout.HandoutError):
                lab_handout.make_handout(t.src, 'demo', other)

    def expect_error(self, text, **kw):
        with tempfile.TemporaryDirectory() as tmp:
            t = FakeTree(tmp, **kw)
            with self.assertRaises(lab_handout.HandoutError) as cm:
                lab_handout.make_handout(t.src, 'demo', t.out)
            self.assertIn(text, str(cm.exception))
            self.assertFalse(os.path.exists(t.out) and os.listdir(t.out),
                             'a failed handout must leave nothing behind')

    def test_missing_stub(self):
        self.expect_error('has no stub', stubs='@@ other\n\treturn 1;\n')

    def test_unused_stub(self):
        self.expect_error('no region for stub',
                          stubs='@@ body\n\treturn 0;\n@@ extra\n\tx;\n')

    def test_unpaired_markers(self):
        self.expect_error('has no END',
                          source='/* LAB(demo) BEGIN body */\nint x;\n')
        self.expect_error('without its BEGIN',
                          source='int x;\n/* LAB(demo) END body */\n')

    def test_unknown_lab(self):
        with tempfile.TemporaryDirectory() as tmp:
            t = FakeTree(tmp)
            with self.assertRaises(lab_handout.HandoutError):
                lab_handout.make_handout(t.src, 'nosuch', t.out)


class GradeTest(unittest.TestCase):
    LOG = textwrap.dedent('''\
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: lab_demo
            1..2
            # RUN lab_demo.one
            ok 1 one
            # RUN lab_demo.two
            # two: leak check: 3 pages allocated by the case were not freed
            not ok 2 two
        not ok 1 lab_demo
        ''')

    def test_conf_and_score(self):
        with tempfile.TemporaryDirectory() as tmp:
            t = FakeTree(tmp)
            conf = grade.LabConf(os.path.join(t.src, 'labs/demo/lab.conf'))
            self.assertEqual(conf.suites, 'lab_demo')
            log = os.path.join(tmp, 'log')
            with open(log, 'w') as f:
                f.write(self.LOG)
            score, rows, extra, _ = grade.grade(conf, log, None)
            self.assertEqual(score, 60)
            self.assertEqual(rows[1][1], 0)
            self.assertIn('leak check', rows[1][3][0])
            self.assertEqual(extra, [])

    def test_crash_scores_the_rest_zero(self):
        with tempfile.TemporaryDirectory() as tmp:
            t = FakeTree(tmp)
            conf = grade.LabConf(os.path.join(t.src, 'labs/demo/lab.conf'))
            log = os.path.join(tmp, 'log')
            with open(log, 'w') as f:
                f.write(self.LOG.split('    # RUN lab_demo.two')[0] +
                        '    # RUN lab_demo.two\nBUG: kernel NULL pointer\n')
            died = 'timeout after 9 s while running lab_demo.two'
            score, rows, _, running = grade.grade(conf, log, died)
            self.assertEqual(score, 60)
            self.assertEqual(running, 'lab_demo.two')
            self.assertIn(died, rows[1][3][0])

    def test_points_must_add_up(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, 'lab.conf')
            write(path, 'suites = x\nx.a = 50\n')
            with self.assertRaises(grade.ConfError):
                grade.LabConf(path)


class ReasonTest(unittest.TestCase):
    """Failure reasons keep each expectation's lines together."""

    LOG = textwrap.dedent('''\
        KTAP version 1
        1..1
            KTAP version 1
            # Subtest: lab_demo
            1..1
            # RUN lab_demo.one
            # one: EXPECTATION FAILED at tests/kernel/lab_demo_test.c:10
            # Expected change == 0, but
            #     change == 3 (0x3)
            #     0 == 0 (0x0)
            # one: EXPECTATION FAILED at tests/kernel/lab_demo_test.c:12
            # Expected change == 0, but
            #     change == 5 (0x5)
            #     0 == 0 (0x0)
            # one: EXPECTATION FAILED at tests/kernel/lab_demo_test.c:10
            # Expected change == 0, but
            #     change == 3 (0x3)
            #     0 == 0 (0x0)
            BUG: sleeping function called from invalid context at mm/a.c:3
            in_atomic(): 1, irqs_disabled(): 0, pid: 1, name: ktest
            Call Trace:
             dump_stack+0x10/0x20
             __might_sleep+0x30/0x40
            not ok 1 one
        not ok 1 lab_demo
        ''')

    def reason(self, log):
        with tempfile.TemporaryDirectory() as tmp:
            t = FakeTree(tmp)
            write(os.path.join(t.src, 'labs/demo/lab.conf'),
                  'suites = lab_demo\nlab_demo.one = 100\n')
            conf = grade.LabConf(os.path.join(t.src, 'labs/demo/lab.conf'))
            path = os.path.join(tmp, 'log')
            with open(path, 'w') as f:
                f.write(log)
            _, rows, _, _ = grade.grade(conf, path, None)
            return rows[0][3]

    def test_expectations_stay_whole(self):
        why = self.reason(self.LOG)
        # each expectation whole, in order, with its own values: the
        # second one keeps its "Expected" and "0 == 0" lines (they were
        # dropped as repeats, leaving "change == 5" under the first);
        # the first, failing twice, is shown once
        self.assertEqual(why, [
            'EXPECTATION FAILED at tests/kernel/lab_demo_test.c:10',
            'Expected change == 0, but',
            '    change == 3 (0x3)',
            '    0 == 0 (0x0)',
            '(the same 2 times)',
            'EXPECTATION FAILED at tests/kernel/lab_demo_test.c:12',
            'Expected change == 0, but',
            '    change == 5 (0x5)',
            '    0 == 0 (0x0)',
            '(1 more: see the serial log)'])   # the report did not fit

    def test_repeats_counted_and_reports_cut(self):
        log = self.LOG.replace(
            '    # one: EXPECTATION FAILED at tests/kernel/lab_demo_test.c:12\n'
            '    # Expected change == 0, but\n'
            '    #     change == 5 (0x5)\n'
            '    #     0 == 0 (0x0)\n', '')
        why = self.reason(log)
        self.assertEqual(why[4], '(the same 2 times)')
        self.assertEqual(why[5:], [
            'BUG: sleeping function called from invalid context at mm/a.c:3',
            'in_atomic(): 1, irqs_disabled(): 0, pid: 1, name: ktest',
            'Call Trace:', '...'])


class RegionCheckTest(unittest.TestCase):
    def ok(self, body):
        grade.check_region('mm/a.c', 'body', body)

    def bad(self, body, text):
        with self.assertRaises(grade.Reject) as cm:
            grade.check_region('mm/a.c', 'body', body)
        self.assertIn(text, str(cm.exception))

    def test_plain_code(self):
        self.ok('\tif (x) {\n\t\ty = f(a[1], "}");\t/* } */\n\t}\n'
                '\tc = \'{\';  // {\n\treturn 0;\n')
        self.ok('\t3, 4, 5,\t\t/* 8, 16 */\n')

    def test_refused(self):
        self.bad('\treturn 0;\n}\nint cheat(void)\n{\n\treturn 1;\n',
                 'closes more than the region opened')
        self.bad('\tif (x) {\n\t\treturn 0;\n', 'never closed')
        self.bad('#define KUNIT_EXPECT_EQ(t, a, b)\n', 'preprocessor')
        self.bad('  %:  include "x.h"\n', 'preprocessor')
        self.bad('\treturn 0; %>\nint y;\n<%\n', 'closes more')
        self.bad('\tx = 1; \\\n}\n', 'closes more')
        self.bad('\tasm volatile("outb %al, $0xe9");\n', 'asm')
        self.bad('\t_Pragma("GCC diagnostic ignored")\n', '_Pragma')


def git(args, cwd):
    r = lab_handout.git(args, cwd)
    if r.returncode:
        raise AssertionError('git %s: %s' % (args, r.stderr))
    return r.stdout


MAKEFILE = ('all:\n\t@python3 scripts/fake_cc.py\n'
            'ktest:\n\t@python3 scripts/fake_ktest.py $(KTEST_NAME) '
            '$(KTEST_TIMEOUT)\n')

FAKE_CC = '''\
import sys
for path in ('mm/a.c', 'mm/b.c'):
    for n, line in enumerate(open(path), 1):
        if 'SYNTAX ERROR' in line:
            print('%s:%d: error: expected expression' % (path, n))
            sys.exit(1)
'''

# A "boot": case NAME passes when the kernel sources hold the text that
# tests/kernel/lab_demo_test.txt gives it ("NAME: TEXT" lines).
FAKE_KTEST = '''\
import os, sys, time
src = open('mm/a.c').read() + open('mm/b.c').read()
if 'HANG' in src:
    time.sleep(600)
out = ['KTAP version 1', '1..1', '    KTAP version 1',
       '    # Subtest: lab_demo']
cases = [l.split(':', 1) for l in
         open('tests/kernel/lab_demo_test.txt').read().splitlines() if l]
out.append('    1..%d' % len(cases))
for i, (case, text) in enumerate(cases, 1):
    out.append('    # RUN lab_demo.%s' % case)
    if text.strip() in src:
        out.append('    ok %d %s' % (i, case))
    else:
        out += ['    # %s: EXPECTATION FAILED at lab_demo_test.c:%d' % (case, i),
                '    # Expected the code to hold %r' % text.strip(),
                '    not ok %d %s' % (i, case)]
out.append('not ok 1 lab_demo')
os.makedirs('build', exist_ok=True)
with open('build/%s.log' % sys.argv[1], 'w') as f:
    f.write('\\n'.join(out) + '\\n')
'''


class GradeTree:
    """A fake reference tree, lab "demo": regions in mm/a.c and mm/b.c.

    The solution holds "return 42" and "return 43"; the stubs do not.
    Case "one" needs the first, "two" the second, "three" text outside
    the regions (so a handout scores 20).
    """

    def __init__(self, tmp):
        self.tmp = tmp
        self.ref = os.path.join(tmp, 'ref')
        files = {
            'Makefile': MAKEFILE,
            'scripts/fake_cc.py': FAKE_CC,
            'scripts/fake_ktest.py': FAKE_KTEST,
            '.gitignore': '/build/\n',
            'labs/demo/lab.conf': 'suites = lab_demo\ntimeout = 20\n'
                                  'lab_demo.one = 50\nlab_demo.two = 30\n'
                                  'lab_demo.three = 20\n',
            'labs/demo/README.md': '# Demo\n',
            'labs/demo/stubs': '@@ body\n\treturn 0;\t/* TODO */\n'
                               '@@ more\n\treturn 0;\t/* TODO */\n',
            'tests/kernel/lab_demo_test.txt': 'one: return 42\n'
                                              'two: return 43\n'
                                              'three: int g(void)\n',
            'mm/a.c': 'int f(void)\n{\n'
                      '\t/* LAB(demo) BEGIN body: the answer */\n'
                      '\treturn 42;\n'
                      '\t/* LAB(demo) END body */\n}\n',
            'mm/b.c': 'int g(void)\n{\n'
                      '\t/* LAB(demo) BEGIN more: the next one */\n'
                      '\treturn 43;\n'
                      '\t/* LAB(demo) END more */\n}\n',
        }
        for rel, text in files.items():
            path = os.path.join(self.ref, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write(text)
        self.work = os.path.join(tmp, 'work')
        self.subs = os.path.join(tmp, 'subs')
        os.makedirs(self.subs)
        self.handout = os.path.join(tmp, 'handout')
        lab_handout.make_handout(self.ref, 'demo', self.handout)

    def student(self, name, solve=('body', 'more')):
        """A clone of the handout, with some regions solved."""
        path = os.path.join(self.subs, name)
        git(['clone', '-q', self.handout, path], self.tmp)
        for rel, region, answer in (('mm/a.c', 'body', 42),
                                    ('mm/b.c', 'more', 43)):
            if region in solve:
                self.edit(path, rel, '\treturn 0;\t/* TODO */',
                          '\treturn %d;' % answer)
        return path

    def edit(self, tree, rel, old, new):
        path = os.path.join(tree, rel)
        with open(path) as f:
            text = f.read()
        assert old in text, (old, text)
        with open(path, 'w') as f:
            f.write(text.replace(old, new))

    def main(self, *args):
        out = io.StringIO()
        old = sys.stdout
        sys.stdout = out
        try:
            status = grade.main(['demo', '--tree', self.ref,
                                 '--work', self.work] + list(args))
        finally:
            sys.stdout = old
        return status, out.getvalue()


def score_of(text):
    return int(text.rsplit('Score: ', 1)[1].split('/')[0])


class SubmissionTest(unittest.TestCase):
    def setUp(self):
        self.tmpdir = tempfile.TemporaryDirectory()
        self.t = GradeTree(self.tmpdir.name)

    def tearDown(self):
        self.tmpdir.cleanup()

    def test_handout_is_a_git_repository(self):
        self.assertEqual(git(['rev-list', '--count', 'HEAD'],
                             self.t.handout).strip(), '1')
        self.assertEqual(git(['status', '--porcelain'], self.t.handout), '')
        self.assertIn('labs/demo/lab.conf',
                      git(['ls-files'], self.t.handout).split())

    def test_cheating_tree_scores_its_regions(self):
        t = self.t
        cheat = t.student('cheat', solve=('more',))
        # The tests all pass, lab.conf gives everything to case three
        # and the Makefile "boots" nothing: graded as it is, 100.
        with open(os.path.join(cheat, 'tests/kernel/lab_demo_test.txt'),
                  'w') as f:
            f.write('one: \ntwo: \nthree: \n')
        t.edit(cheat, 'labs/demo/lab.conf', 'lab_demo.three = 20',
               'lab_demo.three = 100')
        t.edit(cheat, 'labs/demo/lab.conf', 'lab_demo.one = 50',
               'lab_demo.one = 0')
        t.edit(cheat, 'labs/demo/lab.conf', 'lab_demo.two = 30',
               'lab_demo.two = 0')
        t.edit(cheat, 'mm/a.c', '{\n', '{\n\t/* outside */\n')
        t.edit(cheat, 'scripts/fake_ktest.py', 'if text.strip() in src:',
               'if True:')
        t.edit(cheat, 'Makefile', 'all:\n', 'all:\n\t@echo cheat\n')
        status, text = t.main('--tree', cheat)
        self.assertEqual(score_of(text), 100, text)
        # As a submission: only its regions count (two: 30, three: 20).
        status, text = t.main('--submission', cheat)
        self.assertEqual(status, 1)
        self.assertEqual(score_of(text), 50, text)
        self.assertIn('[  0/ 50] lab_demo.one', text)
        self.assertIn('changes outside the regions are ignored: '
                      'Makefile, labs/demo/lab.conf, mm/a.c, '
                      'scripts/fake_ktest.py, '
                      'tests/kernel/lab_demo_test.txt', text)
        # the submission's own files were not used (ref's Makefile etc.)
        self.assertIn(os.path.join(t.work, 'tree'), text)

    def test_solved_tree_and_handout(self):
        status, text = self.t.main('--submission', self.t.student('good'))
        self.assertEqual((status, score_of(text)), (0, 100), text)
        self.assertNotIn('ignored', text)
        status, text = self.t.main('--submission', self.t.handout)
        self.assertEqual(score_of(text), 20, text)

    def test_patches(self):
        t = self.t
        good = t.student('good')
        patch = os.path.join(t.tmp, 'good.patch')
        with open(patch, 'w') as f:
            f.write(git(['diff'], good))
        status, text = t.main('--submission', patch)
        self.assertEqual(score_of(text), 100, text)
        self.assertIn('from patch', text)
        # a git format-patch series: one file (mbox), and a folder
        git(['commit', '-q', '-m', 'body', 'mm/a.c'], good)
        git(['commit', '-q', '-m', 'more', 'mm/b.c'], good)
        mbox = os.path.join(t.tmp, 'series.mbox')
        with open(mbox, 'w') as f:
            f.write(git(['format-patch', '-2', '--cover-letter',
                         '--stdout'], good))
        status, text = t.main('--submission', mbox)
        self.assertEqual(score_of(text), 100, text)
        series = os.path.join(t.tmp, 'series')
        git(['format-patch', '-q', '-2', '--cover-letter', '-o', series],
            good)
        self.assertEqual(len(os.listdir(series)), 3)
        status, text = t.main('--submission', series)
        self.assertEqual(score_of(text), 100, text)
        self.assertIn('from series', text)

    def rejected(self, sub, reason):
        status, text = self.t.main('--submission', sub)
        self.assertEqual((status, score_of(text)), (1, 0), text)
        self.assertIn('rejected: ', text)
        self.assertIn(reason, text)
        self.assertNotIn('building', text)
        return text

    def test_rejected(self):
        t = self.t
        sub = t.student('nomarker')
        t.edit(sub, 'mm/b.c', '\t/* LAB(demo) END more */\n', '')
        self.rejected(sub, 'LAB(demo) BEGIN more has no END')
        sub = t.student('renamed')
        t.edit(sub, 'mm/b.c', 'BEGIN more', 'BEGIN mine')
        t.edit(sub, 'mm/b.c', 'END more', 'END mine')
        self.rejected(sub, 'region more of mm/b.c not found')
        sub = t.student('nofile')
        os.remove(os.path.join(sub, 'mm/a.c'))
        self.rejected(sub, 'mm/a.c is missing')
        sub = t.student('link')      # to the reference's solution
        os.remove(os.path.join(sub, 'mm/a.c'))
        os.symlink(os.path.join(t.ref, 'mm/a.c'), os.path.join(sub, 'mm/a.c'))
        self.rejected(sub, 'mm/a.c is not a plain file of the submission')
        os.remove(os.path.join(sub, 'mm/a.c'))  # the same, as a patch
        os.symlink('../../../ref/mm/a.c', os.path.join(sub, 'mm/a.c'))
        patch = os.path.join(t.tmp, 'link.patch')
        with open(patch, 'w') as f:
            f.write(git(['diff'], sub))
        self.rejected(patch, 'mm/a.c is not a plain file of the submission')
        sub = t.student('dirlink')
        shutil.rmtree(os.path.join(sub, 'mm'))
        os.symlink(os.path.join(t.ref, 'mm'), os.path.join(sub, 'mm'))
        self.rejected(sub, 'is not a plain file of the submission')
        sub = t.student('escape')
        t.edit(sub, 'mm/a.c', '\treturn 42;',
               '\treturn 42;\n}\nint h(void)\n{')
        self.rejected(sub, 'closes more than the region opened')
        broken = os.path.join(t.tmp, 'broken.patch')
        with open(broken, 'w') as f:
            f.write('--- a/mm/a.c\n+++ b/mm/a.c\n@@ -1,3 +1,3 @@\n'
                    ' int nosuch(void)\n-{\n+{{\n \tx;\n')
        self.rejected(broken, 'broken.patch does not apply to the handout')
        self.rejected(os.path.join(t.tmp, 'work'),  # a folder, no patches
                      'neither a kernel tree, a patch nor a folder')

    def test_build_failure_and_hang(self):
        t = self.t
        sub = t.student('syntax')
        t.edit(sub, 'mm/a.c', '\treturn 42;', '\treturn SYNTAX ERROR;')
        status, text = t.main('--submission', sub)
        self.assertEqual(score_of(text), 0, text)
        self.assertIn('does not build', text)
        self.assertIn('mm/a.c:4: error: expected expression', text)
        # the next submission builds in the same grading tree
        status, text = t.main('--submission', t.student('good'))
        self.assertEqual(score_of(text), 100, text)
        sub = t.student('hang')
        t.edit(sub, 'mm/a.c', '\treturn 42;', '\treturn 42; /* HANG */')
        saved = grade.ISO_MARGIN
        grade.ISO_MARGIN = 1
        try:
            status, text = t.main('--submission', sub, '--timeout', '1')
        finally:
            grade.ISO_MARGIN = saved
        self.assertEqual(score_of(text), 0, text)
        self.assertIn('the run ended early: the run was killed after 2 s',
                      text)

    def test_grade_all(self):
        t = self.t
        good = t.student('alice')
        bob = os.path.join(t.subs, 'bob.patch')
        with open(bob, 'w') as f:
            f.write(git(['diff'], good))
        shutil.copytree(t.handout, os.path.join(t.subs, 'carol'),
                        symlinks=True)
        with open(os.path.join(t.subs, 'dave.diff'), 'w') as f:
            f.write(git(['diff'], good).replace('\treturn 0;', '\treturn 1;'))
        eve = t.student('eve', solve=('body',))
        git(['commit', '-q', '-am', 'body'], eve)
        git(['format-patch', '-q', '-1', '-o',
             os.path.join(t.subs, 'eve-series')], eve)
        shutil.rmtree(eve)
        frank = t.student('frank')
        t.edit(frank, 'mm/b.c', '\treturn 43;', '\treturn SYNTAX ERROR;')
        with open(os.path.join(t.subs, 'notes.txt'), 'w') as f:
            f.write('not a submission\n')
        csv_path = os.path.join(t.tmp, 'grades.csv')
        status, text = t.main('--all', t.subs, '--csv', csv_path)
        self.assertEqual(status, 0, text)
        self.assertIn('skipped notes.txt', text)
        with open(csv_path) as f:
            rows = list(csv.reader(f))
        self.assertEqual(rows[0], ['submission', 'kind', 'score',
                                   'lab_demo.one', 'lab_demo.two',
                                   'lab_demo.three', 'reasons'])
        got = {r[0]: r[1:] for r in rows[1:]}
        self.assertEqual(sorted(got), ['alice', 'bob.patch', 'carol',
                                       'dave.diff', 'eve-series', 'frank'])
        self.assertEqual(got['frank'], ['tree', '0', '0', '0', '0',
                                        'does not build: mm/b.c:4: error: '
                                        'expected expression'])
        self.assertEqual(got['alice'][:5], ['tree', '100', '50', '30', '20'])
        self.assertEqual(got['alice'][5], '')
        self.assertEqual(got['bob.patch'][:5],
                         ['patch', '100', '50', '30', '20'])
        self.assertEqual(got['carol'][:5], ['tree', '20', '0', '0', '20'])
        self.assertIn("one: EXPECTATION FAILED at lab_demo_test.c:1 / "
                      "Expected the code to hold 'return 42'",
                      got['carol'][5])
        self.assertEqual(got['dave.diff'][:5],
                         ['patch', '0', '0', '0', '0'])
        self.assertIn('rejected: dave.diff does not apply to the handout',
                      got['dave.diff'][5])
        self.assertEqual(got['eve-series'][:5],
                         ['series', '70', '50', '0', '20'])
        for name in ('alice', 'bob.patch', 'carol', 'dave.diff'):
            self.assertTrue(os.path.isfile(
                os.path.join(t.work, 'reports', name + '.txt')))
        with open(os.path.join(t.work, 'summary.txt')) as f:
            summary = f.read()
        self.assertIn('mean 48.3, median 45, full marks 2 of 6, scored 0: 2',
                      summary)
        self.assertIn('frank                        0  does not build: '
                      'mm/b.c:4: error: expected expression', summary)
        self.assertIn(summary, text)


class RealLabsTest(unittest.TestCase):
    """Every lab of this tree: a valid lab.conf, README, stubs that match,
    and regions and stubs that the grader takes from a submission."""

    def test_labs(self):
        labs = lab_handout.list_labs(ROOT)
        self.assertGreaterEqual(len(labs), 5)
        files = [p for p in lab_handout.source_files(ROOT)
                 if p.endswith(lab_handout.REGION_SUFFIXES)]
        regions = {}
        for rel in files:
            with open(os.path.join(ROOT, rel)) as f:
                lines = f.read().splitlines(keepends=True)
            for lab, region, begin, end in lab_handout.find_regions(rel,
                                                                    lines):
                regions.setdefault(lab, set()).add(region)
                # the grader would take the reference's own code
                grade.check_region(rel, region,
                                   ''.join(lines[begin + 1:end]))
        for lab in labs:
            with self.subTest(lab=lab):
                grade.LabConf(os.path.join(ROOT, 'labs', lab, 'lab.conf'))
                self.assertTrue(os.path.isfile(
                    os.path.join(ROOT, 'labs', lab, 'README.md')))
                stubs = lab_handout.read_stubs(
                    os.path.join(ROOT, 'labs', lab, 'stubs'))
                self.assertEqual(set(stubs), regions.get(lab, set()))
                for region, text in stubs.items():   # and a fresh handout
                    grade.check_region('labs/%s/stubs' % lab, region, text)

    def test_module_labs(self):
        """A lab with a Kbuild file (its student writes a module): each
        obj-m object has its source in the folder, with the lab's regions,
        and the lab's grading suite includes the module the Makefile
        builds from it (LABMODS)."""
        labs = [lab for lab in lab_handout.list_labs(ROOT) if os.path.isfile(
            os.path.join(ROOT, 'labs', lab, 'Kbuild'))]
        self.assertIn('modules', labs)
        for lab in labs:
            with self.subTest(lab=lab):
                folder = os.path.join(ROOT, 'labs', lab)
                with open(os.path.join(folder, 'Kbuild')) as f:
                    objs = re.findall(r'^obj-m\s*[:+]?=\s*(.+)$', f.read(),
                                      re.M)
                names = [o[:-2] for o in ' '.join(objs).split()
                         if o.endswith('.o')]
                self.assertTrue(names)
                with open(os.path.join(ROOT, 'tests/kernel',
                                       'lab_%s_test.c' % lab)) as f:
                    suite = f.read()
                for name in names:
                    src = os.path.join(folder, name + '.c')
                    with open(src) as f:
                        text = f.read()
                    self.assertTrue(lab_handout.lab_regions(src, text, lab))
                    self.assertIn('.incbin', suite)
                    self.assertIn('/%s.ko' % name, suite)


if __name__ == '__main__':
    unittest.main()
