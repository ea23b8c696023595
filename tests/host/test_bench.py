# SPDX-License-Identifier: GPL-2.0
"""
Host tests for scripts/bench.py: the rows of a `make bench` log become a
table on stdout and name<TAB>cycles_per_op lines in the TSV.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_*.py'
"""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(ROOT, 'scripts', 'bench.py')
sys.path.insert(0, os.path.join(ROOT, 'scripts'))

import bench  # noqa: E402

LOG = '''\
[    0.050000] KTAP version 1
[    0.050001] 1..1
[    0.050002]     # Subtest: bench_page_alloc
[    0.050003]     # RUN bench_page_alloc.page_order0_pair
[    0.060000]     # bench page_order0_pair: 147 cycles/op
[    0.060001]     ok 1 page_order0_pair
[    0.070000]     # bench page_order3_pair: 364 cycles/op
[    0.070001]     ok 2 page_order3_pair
'''


class BenchScript(unittest.TestCase):
    def test_parse_keeps_log_order(self):
        self.assertEqual(bench.parse(LOG), [('page_order0_pair', 147),
                                            ('page_order3_pair', 364)])

    def test_ignores_other_lines(self):
        self.assertEqual(bench.parse('# benchmark: 3 cycles\nok 1 x\n'), [])

    def run_script(self, text):
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, 'bench.log')
            tsv = os.path.join(tmp, 'out', 'kernel.tsv')
            with open(log, 'w') as f:
                f.write(text)
            proc = subprocess.run([sys.executable, BENCH, log, tsv],
                                  capture_output=True, text=True)
            content = open(tsv).read() if os.path.exists(tsv) else None
        return proc, content

    def test_writes_table_and_tsv(self):
        proc, tsv = self.run_script(LOG)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn('page_order3_pair', proc.stdout)
        self.assertIn('cycles/op', proc.stdout)
        self.assertEqual(tsv, 'page_order0_pair\t147\npage_order3_pair\t364\n')

    def test_no_rows_fails(self):
        proc, tsv = self.run_script('KTAP version 1\n1..0\n')
        self.assertEqual(proc.returncode, 1)
        self.assertIsNone(tsv)


if __name__ == '__main__':
    unittest.main()
