# SPDX-License-Identifier: GPL-2.0
"""
Host tests for the symbol table generator (scripts/kallsyms.py) and the
lookups in kernel/kallsyms.c.

The generator is fed made-up nm output and its table checked: only code
symbols in the kernel image, sorted, aliases folded, sizes filled in.  If
a host C compiler is present, the generated assembly is also assembled and
linked with kernel/kallsyms.c and a small driver, so the binary search and
the "name+0xoff/0xsize" format are checked on the real code (the kernel's
snprintf is replaced by the C library's, which formats the same).

Run from the repository root:
    python3 -m unittest discover -s tests/host -p 'test_*.py'
"""

import io
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, 'scripts'))

import kallsyms  # noqa: E402

NM = '''\
0000000000100000 T _start32
0000000000100040 t long_mode_trampoline
ffffffff80100000 T _stext
ffffffff80100000 0000000000000030 T kernel_main
ffffffff80100030 0000000000000010 t helper
ffffffff80100040 T isr_common
ffffffff80100080 0000000000000020 W weak_hook
ffffffff801000a0 0000000000000008 T kmalloc
ffffffff80200000 0000000000000100 R some_table
ffffffff80300000 0000000000000008 D some_data
ffffffff80400000 B __bss_start
                 U undefined_thing
ffffffff80100100 T _etext
'''


def generate(text, *args):
    """Run the generator's main() on text; return the assembly."""
    with tempfile.NamedTemporaryFile('w', suffix='.nm', delete=False) as f:
        f.write(text)
    out = io.StringIO()
    old = sys.stdout
    sys.stdout = out
    try:
        kallsyms.main(list(args) + [f.name])
    finally:
        sys.stdout = old
        os.unlink(f.name)
    return out.getvalue()


class GeneratorTest(unittest.TestCase):
    """scripts/kallsyms.py on fake nm output."""

    def entries(self, text=NM):
        syms = kallsyms.parse_nm(text.splitlines())
        return kallsyms.table(kallsyms.dedup_aliases(syms))

    def test_filter_and_sort(self):
        names = [e[2] for e in self.entries()]
        self.assertEqual(names, ['kernel_main', 'helper', 'isr_common',
                                 'weak_hook', 'kmalloc', '_etext'])
        addrs = [e[0] for e in self.entries()]
        self.assertEqual(addrs, sorted(addrs))

    def test_sizes(self):
        sizes = {name: size for _, size, name in self.entries()}
        self.assertEqual(sizes['kernel_main'], 0x30)    # from nm -S
        self.assertEqual(sizes['isr_common'], 0x40)     # to next symbol
        self.assertEqual(sizes['_etext'], 0)            # last, unsized

    def test_unsorted_input_without_sizes(self):
        text = ('ffffffff80100020 T b\n'
                'ffffffff80100000 T a\n'
                'ffffffff80100030 t c\n')
        self.assertEqual(self.entries(text),
                         [(0xffffffff80100000, 0x20, 'a'),
                          (0xffffffff80100020, 0x10, 'b'),
                          (0xffffffff80100030, 0, 'c')])

    def test_assembly(self):
        asm = generate(NM)
        self.assertIn('kallsyms_num_syms:\n\t.quad 6\n', asm)
        self.assertIn('.quad 0xffffffff80100000\t/* kernel_main */', asm)
        self.assertIn('.asciz "weak_hook"', asm)
        self.assertNotIn('_start32', asm)
        self.assertNotIn('some_table', asm)
        # Deterministic: the link passes compare tables with cmp.
        self.assertEqual(asm, generate(NM))

    def test_empty(self):
        asm = generate('', '--empty')
        self.assertIn('kallsyms_num_syms:\n\t.quad 0\n', asm)
        self.assertEqual(asm, generate(''))


DRIVER = r'''
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <linux/kallsyms.h>

/* The kernel's helpers that glibc lacks. */
ssize_t strscpy(char *d, const char *s, size_t n)
{
	size_t len = strnlen(s, n - 1);

	memcpy(d, s, len);
	d[len] = 0;
	return len;
}

int printk(const char *fmt, ...) { (void)fmt; return 0; }

int main(void)
{
	static const unsigned long probe[] = {
		0xffffffff80100000, 0xffffffff80100012, 0xffffffff80100030,
		0xffffffff8010007f, 0xffffffff801000a7, 0xffffffff801000a8,
		0xffffffff80100100, 0xffffffff80100101, 0x1000,
	};
	char buf[KSYM_SYMBOL_LEN], name[KSYM_NAME_LEN];
	unsigned long size, off;
	unsigned int i;

	for (i = 0; i < sizeof(probe) / sizeof(probe[0]); i++) {
		sprint_symbol(buf, probe[i]);
		printf("%s\n", buf);
	}
	sprint_symbol_no_offset(buf, 0xffffffff80100031);
	printf("%s\n", buf);
	sprint_backtrace(buf, 0xffffffff801000a8);
	printf("%s\n", buf);
	if (kallsyms_lookup(0xffffffff80100034, &size, &off, NULL, name))
		printf("%s %lu %lu\n", name, size, off);
	printf("%lx %lx\n", kallsyms_lookup_name("kmalloc"),
	       kallsyms_lookup_name("nope"));
	return 0;
}
'''

EXPECTED = '''\
kernel_main+0x0/0x30
kernel_main+0x12/0x30
helper+0x0/0x10
isr_common+0x3f/0x40
kmalloc+0x7/0x8
0xffffffff801000a8
_etext+0x0/0x0
0xffffffff80100101
0x1000
helper
kmalloc+0x8/0x8
helper 16 4
ffffffff801000a0 0
'''


@unittest.skipUnless(shutil.which('cc') or shutil.which('gcc'),
                     'no host C compiler')
class LookupTest(unittest.TestCase):
    """kernel/kallsyms.c linked with a generated table, run on the host."""

    def test_lookups(self):
        cc = shutil.which('cc') or shutil.which('gcc')
        with tempfile.TemporaryDirectory() as tmp:
            with open(os.path.join(tmp, 'table.S'), 'w') as f:
                f.write(generate(NM))
            with open(os.path.join(tmp, 'driver.c'), 'w') as f:
                f.write(DRIVER)
            exe = os.path.join(tmp, 'lookup')
            # The driver sees only the kallsyms header; kernel/kallsyms.c
            # gets the kernel's include path as in the real build.
            inc = os.path.join(ROOT, 'include')
            arch_inc = os.path.join(ROOT, 'arch', 'x86_64', 'include')
            objs = []
            for src, flags in (('driver.c', ['-idirafter', inc]),
                               (os.path.join(ROOT, 'kernel', 'kallsyms.c'),
                                ['-fno-builtin', '-I' + inc, '-I' + arch_inc]),
                               ('table.S', [])):
                obj = os.path.join(tmp, os.path.basename(src) + '.o')
                r = subprocess.run([cc, '-c', '-O2', '-Wall'] + flags +
                                   [os.path.join(tmp, src), '-o', obj],
                                   stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT,
                                   universal_newlines=True)
                self.assertEqual(r.returncode, 0, r.stdout)
                objs.append(obj)
            subprocess.run([cc, '-no-pie', '-o', exe] + objs, check=True)
            out = subprocess.run([exe], stdout=subprocess.PIPE, check=True,
                                 universal_newlines=True).stdout
        self.assertEqual(out, EXPECTED)


if __name__ == '__main__':
    unittest.main()
