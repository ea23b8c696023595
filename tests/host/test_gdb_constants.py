# SPDX-License-Identifier: GPL-2.0
"""
Host tests for the gdb helpers' constants: generated from the kernel's
headers at build time (scripts/gdb/constants.c, gen_constants.py,
build/gdb/constants.py), none copied by hand into teachkernel.py.
"""

import io
import os
import re
import subprocess
import sys
import tempfile
import tokenize
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GDB_DIR = os.path.join(ROOT, 'scripts', 'gdb')
sys.path.insert(0, GDB_DIR)
import gen_constants  # noqa: E402


def read(path):
    with open(os.path.join(ROOT, path)) as f:
        return f.read()


def c_names():
    return re.findall(r'^\s*GDB_CONSTANT\((\w+),', read('scripts/gdb/constants.c'),
                      re.M)


class GdbConstantsTest(unittest.TestCase):
    def test_halves(self):
        asm = ('\t# @@gdb-const PAGE_OFFSET -30592 -2147483648\n'
               '\t# @@gdb-const PAGE_NX -2147483648 0\n'
               '\t# @@gdb-const PAGE_SHIFT 0 12\n')
        self.assertEqual(gen_constants.constants(asm),
                         [('PAGE_OFFSET', 0xffff888080000000),
                          ('PAGE_NX', 1 << 63), ('PAGE_SHIFT', 12)])

    def test_generated_from_the_headers(self):
        with tempfile.TemporaryDirectory() as tmp:
            b = os.path.join(tmp, 'b')
            r = subprocess.run(['make', '-s', '--no-print-directory',
                                'B=' + b, b + '/gdb/constants.py'], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               universal_newlines=True, timeout=120)
            self.assertEqual(r.returncode, 0, r.stdout)
            names = {}
            with open(b + '/gdb/constants.py') as f:
                exec(f.read(), names)
        self.assertEqual(sorted(c_names()),
                         sorted(k for k in names if k.isupper()))
        # facts of the project contract (SPEC section 3) and of x86-64
        self.assertEqual(names['PAGE_SHIFT'], 12)
        self.assertEqual(names['PAGE_OFFSET'], 0xffff888000000000)
        self.assertEqual(names['VMALLOC_START'], 0xffffc90000000000)
        self.assertEqual(names['VMALLOC_END'], 0xffffe8ffffffffff)
        self.assertEqual(names['START_KERNEL_MAP'], 0xffffffff80000000)
        self.assertEqual(names['PAGE_NX'], 1 << 63)
        self.assertEqual(names['PTE_ADDR_MASK'], 0x000ffffffffff000)
        self.assertEqual(names['X86_EFLAGS_IF'], 1 << 9)
        self.assertEqual(names['KERN_SOH'], 1)

    def test_no_constant_copied_by_hand(self):
        src = read('scripts/gdb/teachkernel.py')
        generated = set(c_names())
        for name in generated:
            self.assertIsNone(re.search(r'^%s\s*=' % name, src, re.M),
                              '%s is assigned in teachkernel.py' % name)
        # every constant-looking name its code uses (its strings and
        # comments aside: report headers such as "TIMER_TICKS", prose) is
        # defined there or generated
        defined = set(re.findall(r'^([A-Z][A-Z0-9_]+)\s*=', src, re.M))
        used = set()
        prev = None
        for tok in tokenize.generate_tokens(io.StringIO(src).readline):
            if (tok.type == tokenize.NAME and prev != '.' and
                    re.fullmatch(r'[A-Z][A-Z0-9]*_[A-Z0-9_]+', tok.string)):
                used.add(tok.string)
            prev = tok.string
        missing = sorted(used - defined - generated - {'TK_GDB_CONSTANTS'})
        self.assertEqual(missing, [])


if __name__ == '__main__':
    unittest.main()
