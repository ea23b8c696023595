# SPDX-License-Identifier: GPL-2.0
"""
Host tests for the lab tools: scripts/lab_handout.py (regions replaced by
stubs, marker errors refused) and scripts/grade.py (lab.conf parsing and
scoring of a canned KTAP log), plus a check that every real lab in labs/
has a well-formed lab.conf and stubs that match its regions.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_*.py'
"""

import os
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


class RealLabsTest(unittest.TestCase):
    """Every lab of this tree: a valid lab.conf, README, stubs that match."""

    def test_labs(self):
        labs = lab_handout.list_labs(ROOT)
        self.assertGreaterEqual(len(labs), 4)
        files = [p for p in lab_handout.source_files(ROOT)
                 if p.endswith(lab_handout.REGION_SUFFIXES)]
        regions = {}
        for rel in files:
            with open(os.path.join(ROOT, rel)) as f:
                lines = f.read().splitlines(keepends=True)
            for lab, region, _, _ in lab_handout.find_regions(rel, lines):
                regions.setdefault(lab, set()).add(region)
        for lab in labs:
            with self.subTest(lab=lab):
                grade.LabConf(os.path.join(ROOT, 'labs', lab, 'lab.conf'))
                self.assertTrue(os.path.isfile(
                    os.path.join(ROOT, 'labs', lab, 'README.md')))
                stubs = lab_handout.read_stubs(
                    os.path.join(ROOT, 'labs', lab, 'stubs'))
                self.assertEqual(set(stubs), regions.get(lab, set()))


if __name__ == '__main__':
    unittest.main()
