# SPDX-License-Identifier: GPL-2.0
"""
Host test: make gdbtest runs its gdb session on one CPU and on four.

The gdb helpers add up per-CPU parts (each CPU's sheaf and cpu freelist
in lx-slabinfo, each CPU's page list in lx-meminfo, lx-cpus), which only
a boot with several CPUs can check; scripts/gdb_session.py runs one
session per --smp it is given.  This checks the make rule hands it 1 and
4 by default and only the count asked for with SMP=N, and that the
script takes several --smp (without booting anything: make -n, --help).
"""

import os
import re
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def session_command(*make_args):
    """The gdb_session.py command line make gdbtest would run."""
    env = dict(os.environ)
    env.pop("SMP", None)
    r = subprocess.run(["make", "-n", "--no-print-directory", "gdbtest"] + list(make_args),
                       cwd=ROOT, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True, timeout=120)
    lines = [l for l in r.stdout.replace("\\\n", " ").splitlines()
             if "gdb_session.py" in l]
    return lines[-1] if lines else r.stdout


class GdbSessionTest(unittest.TestCase):
    def test_default_is_one_and_four_cpus(self):
        cmd = session_command()
        self.assertEqual(re.findall(r"--smp (\d+)", cmd), ["1", "4"], cmd)

    def test_smp_given_is_the_only_session(self):
        cmd = session_command("SMP=2")
        self.assertEqual(re.findall(r"--smp (\d+)", cmd), ["2"], cmd)

    def test_script_takes_several_counts(self):
        r = subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "gdb_session.py"),
                            "--help"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=30)
        self.assertEqual(r.returncode, 0, r.stdout)
        self.assertIn("once per session", r.stdout)


if __name__ == "__main__":
    unittest.main()
