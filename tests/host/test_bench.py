# SPDX-License-Identifier: GPL-2.0
"""
Host tests for scripts/bench.py: the rows of a `make bench` log become a
table on stdout and name<TAB>cycles_per_op lines in the TSV; the per-CPU
rows of tests/kernel/slab_smp_bench.c (the kernel's format string, read
from the source, is what the parser reads) go to kernel_smp.tsv, and
`make bench-smp` compares the boots at SMP=1 and SMP=2.  And for
scripts/bench-host.py (make bench-host): the rows comparing kmalloc with
its peers are named as SPEC section 2 says, both benchmark programs
have them, and the comparison table shows them side by side.

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_*.py'
"""

import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(ROOT, 'scripts', 'bench.py')
sys.path.insert(0, os.path.join(ROOT, 'scripts'))

import bench  # noqa: E402
import importlib.util  # noqa: E402

_spec = importlib.util.spec_from_file_location(
    "bench_host", os.path.join(ROOT, "scripts", "bench-host.py"))
bench_host = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_host)

# SPEC section 2: rows ALLOC_CASE.
SPEC_ALLOCS = ["kmalloc", "glibc", "jemalloc", "mimalloc", "tcmalloc"]
SPEC_CASES = ["64_pair", "64var_pair", "mix_pair", "4k_pair", "64_batch100"]

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


SMP_LOG = """\
[    0.100000]     # bench kmalloc64_pair_percpu: 116 cycles/op
[    0.100001]     # bench_smp kmalloc64_pair_percpu: 2 CPUs, 22000000 pairs/s per CPU, alone 23000000, ratio 0.96, 51 rounds, 40 together (21000000 pairs/s per CPU), CPU0 22100000 (alone 1), CPU1 21900000 (alone 2)
[    0.100002]     ok 1 kmalloc64_pair_percpu
[    0.200000]     # bench kmalloc_mixed_pair_percpu: 190 cycles/op
[    0.200001]     # bench_smp kmalloc_mixed_pair_percpu: 2 CPUs, 13000000 pairs/s per CPU, alone 14000000, ratio 0.93, 51 rounds, 7 together (12000000 pairs/s per CPU), CPU0 13100000 (alone 1), CPU1 12900000 (alone 2)
"""


def smp_rows(rate64, rate_mix, cpus=2):
    return {"kmalloc64_pair_percpu": (cpus, rate64, rate64, 51, rate64),
            "kmalloc_mixed_pair_percpu": (cpus, rate_mix, rate_mix, 51, rate_mix)}


class BenchSmp(unittest.TestCase):
    def test_kernel_format_is_what_the_parser_reads(self):
        """The bench_smp line as slab_smp_bench.c prints it parses back."""
        with open(os.path.join(ROOT, "tests", "kernel", "slab_smp_bench.c")) as f:
            src = f.read()
        m = re.search(r'"(bench_smp %s: [^"]*)"', src)
        self.assertIsNotNone(m, "no bench_smp format in slab_smp_bench.c")
        fmt = re.sub(r"%0?2llu", "%02d", m.group(1))
        fmt = re.sub(r"%(llu|u)", "%d", fmt)
        line = "    # " + fmt % ("kmalloc64_pair_percpu", 2, 22000000, 23000000,
                                  0, 96, 51, 40, 21000000, ", CPU0 1 (alone 2)")
        self.assertEqual(bench.parse_smp(line),
                         [("kmalloc64_pair_percpu", 2, 22000000, 23000000, 51, 40,
                           21000000)])
        m = re.search(r'"(bench %s: %llu cycles/op)"', src)
        self.assertIsNotNone(m, "no cycles/op line in slab_smp_bench.c")
        self.assertEqual(bench.parse("# " + m.group(1).replace("%llu", "7")
                                     % "x_percpu"), [("x_percpu", 7)])

    def test_parse_smp(self):
        self.assertEqual(bench.parse_smp(SMP_LOG), [
            ("kmalloc64_pair_percpu", 2, 22000000, 23000000, 51, 40, 21000000),
            ("kmalloc_mixed_pair_percpu", 2, 13000000, 14000000, 51, 7, 12000000)])
        # the cycles/op lines are ordinary rows
        self.assertEqual(bench.parse(SMP_LOG), [("kmalloc64_pair_percpu", 116),
                                                ("kmalloc_mixed_pair_percpu", 190)])

    def test_smp_tsv_beside_the_tsv(self):
        self.assertEqual(bench.smp_tsv_path("build/bench/kernel.tsv"),
                         "build/bench/kernel_smp.tsv")
        with tempfile.TemporaryDirectory() as tmp:
            log = os.path.join(tmp, "bench.log")
            tsv = os.path.join(tmp, "kernel.tsv")
            with open(log, "w") as f:
                f.write(LOG + SMP_LOG)
            proc = subprocess.run([sys.executable, BENCH, log, tsv],
                                  capture_output=True, text=True)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            self.assertIn("one alone", proc.stdout)
            self.assertIn("0.96", proc.stdout)
            smp = os.path.join(tmp, "kernel_smp.tsv")
            self.assertEqual(bench.read_smp(smp), {
                "kmalloc64_pair_percpu": (2, 22000000, 23000000, 40, 21000000),
                "kmalloc_mixed_pair_percpu": (2, 13000000, 14000000, 7, 12000000)})
            # a run without per-CPU rows leaves no stale file behind
            with open(log, "w") as f:
                f.write(LOG)
            proc = subprocess.run([sys.executable, BENCH, log, tsv],
                                  capture_output=True, text=True)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            self.assertFalse(os.path.exists(smp))

    def test_compare_best_boots_and_ratio(self):
        one = [smp_rows(20000000, 10000000), smp_rows(22000000, 12000000),
               smp_rows(30000000, 11000000)]
        two = [smp_rows(19000000, 8000000), smp_rows(21000000, 8500000),
               smp_rows(5000000, 9000000)]
        lines = bench.compare_smp(one, two)
        # the best boot of each: the host only ever slows a boot down
        self.assertEqual(lines[0], "per-CPU kmalloc pairs/s: SMP=1 30000000, "
                         "SMP=2 21000000, ratio 0.70 (kmalloc64_pair_percpu)")
        self.assertIn("BELOW 0.90", lines[1])
        self.assertIn("medians SMP=1 22000000, SMP=2 19000000 (ratio 0.86)", lines[1])
        self.assertIn("all/alone 1.00", lines[1])
        self.assertEqual(lines[2], "per-CPU kmalloc pairs/s: SMP=1 12000000, "
                         "SMP=2 9000000, ratio 0.75 (kmalloc_mixed_pair_percpu)")
        ok = bench.compare_smp([smp_rows(100, 100)], [smp_rows(95, 90)])
        self.assertIn("ratio 0.95", ok[0])
        self.assertIn("within 10%", ok[1])

    def test_compare_command_line(self):
        with tempfile.TemporaryDirectory() as tmp:
            paths = []
            for name, rows in (("smp1-run1.tsv", smp_rows(100, 50)),
                               ("smp2-run1.tsv", smp_rows(91, 40)),
                               ("empty.tsv", {})):
                path = os.path.join(tmp, name)
                with open(path, "w") as f:
                    for row, fields in rows.items():
                        f.write("\t".join([row] + [str(x) for x in fields]) + "\n")
                paths.append(path)
            proc = subprocess.run([sys.executable, BENCH, "--smp", paths[0], "--", paths[1]],
                                  capture_output=True, text=True)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            self.assertIn("SMP=1 100, SMP=2 91, ratio 0.91 (kmalloc64_pair_percpu)",
                          proc.stdout)
            self.assertIn("SMP=1 50, SMP=2 40, ratio 0.80 (kmalloc_mixed_pair_percpu)",
                          proc.stdout)
            proc = subprocess.run([sys.executable, BENCH, "--smp", paths[0], "--", paths[2]],
                                  capture_output=True, text=True)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("empty.tsv", proc.stdout)


class BenchHostPeers(unittest.TestCase):
    def read(self, path):
        with open(os.path.join(ROOT, path)) as f:
            return f.read()

    def test_names_are_specs(self):
        self.assertEqual(bench_host.ALLOCS, SPEC_ALLOCS)
        self.assertEqual(bench_host.CASES, SPEC_CASES)

    def test_kernel_program_has_the_kmalloc_rows(self):
        src = self.read("tests/bench/host_bench.c")
        for case in SPEC_CASES:
            self.assertRegex(src, r"BENCH_ROW(_WITH)?\(kmalloc_%s[,)]" % case)
            self.assertIn("bench_kmalloc_%s(unsigned long n)" % case, src)
        # the rows that were there before stay (docs/performance.md)
        for old in ("kmalloc64_pair", "kmem_cache64_pair", "page_order0_pair",
                    "glibc_malloc64_pair", "kmalloc_mixed_pair"):
            self.assertRegex(src, r"BENCH_ROW(_WITH)?\(%s[,)]" % old)

    def test_peer_program_has_every_case(self):
        src = self.read("tests/bench/peer_bench.c")
        for case in SPEC_CASES:
            self.assertIn('{ "%s", bench_%s }' % (case, case), src)
        self.assertIn('"bench %s_%s %lu", PEER_NAME, row->name', src)
        mk = self.read("tests/host/host.mk")
        for peer in SPEC_ALLOCS[1:]:
            self.assertRegex(mk, r"HBENCH_PEERS :=[^\n]*(\\\n[^\n]*)*\b%s:" % peer)

    def results(self, skip=()):
        r = {}
        for i, a in enumerate(SPEC_ALLOCS):
            if a in skip:
                continue
            for j, c in enumerate(SPEC_CASES):
                r["%s_%s" % (a, c)] = 50.0 + 10 * i - j
        return r

    def test_comparison_side_by_side(self):
        r = self.results()
        r["mimalloc_64var_pair"] = 40.0		# the best peer of that line
        r["kmalloc_64var_pair"] = 45.0		# and kmalloc above it
        lines = bench_host.comparison(r, [])
        self.assertEqual(lines[0].split()[:6], ["case"] + SPEC_ALLOCS)
        rows = {l.split()[0]: l for l in lines[1:1 + len(SPEC_CASES)]}
        self.assertEqual(sorted(rows), sorted(SPEC_CASES))
        self.assertIn("40.0*", rows["64var_pair"])
        self.assertIn("ABOVE (+5.0)", rows["64var_pair"])
        # elsewhere glibc (60 - j) is the best peer, kmalloc (50 - j) below it
        self.assertIn("60.0*", rows["64_pair"])
        self.assertIn("at or below (-10.0)", rows["64_pair"])
        self.assertEqual(rows["64_pair"].count("*"), 1)

    def test_missing_peer_says_so(self):
        lines = bench_host.comparison(self.results(skip=("jemalloc",)),
                                      ["jemalloc"])
        for l in lines[1:1 + len(SPEC_CASES)]:
            self.assertEqual(l.split()[3], "missing")
        self.assertIn("jemalloc: not installed, its rows are missing "
                      "(make deps installs it)", lines)

    def test_per_op(self):
        self.assertEqual(bench_host.per_op({"x": {100: 1000, 200: 1500}}, ["x"]),
                         [("x", 5.0)])
        with self.assertRaises(SystemExit):
            bench_host.per_op({"x": {100: 1000}}, ["x"])


if __name__ == '__main__':
    unittest.main()
