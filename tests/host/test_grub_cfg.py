# SPDX-License-Identifier: GPL-2.0
"""
Host tests for scripts/grub_cfg.py: a kernel command line reaches the
kernel unchanged through GRUB, or is refused with a message.

GrubModel below follows GRUB's behaviour as far as this project needs it:
its script lexer reads the multiboot2 line into words (single quotes
literal; unquoted '$' expands a variable, ';' '|' '&' end the command,
'#' starts a comment), then its loader rebuilds the command line from the
words (joined by one space; '\\', '\'' and '"' escaped with a backslash; a
word with a space put in double quotes).  The boot check "cmdline" in
scripts/boot_checks.py boots the real GRUB with such a line.
"""

import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, 'scripts'))
import grub_cfg  # noqa: E402


def grub_lex(line):
    """GRUB's words of a script line (the subset: quotes, $, ; | & #)."""
    words, cur, have, i = [], '', False, 0
    while i < len(line):
        ch = line[i]
        if ch == "'":
            j = line.index("'", i + 1)
            cur += line[i + 1:j]
            have = True
            i = j + 1
            continue
        if ch == '"':
            j = line.index('"', i + 1)
            cur += line[i + 1:j]
            have = True
            i = j + 1
            continue
        if ch in ' \t':
            if have:
                words.append(cur)
            cur, have = '', False
        elif ch in ';|&\n' or (ch == '#' and not have):
            break
        elif ch == '$':
            i += 1
            while i < len(line) and (line[i].isalnum() or line[i] == '_'):
                i += 1
            have = True
            continue
        else:
            cur += ch
            have = True
        i += 1
    if have:
        words.append(cur)
    return words


def grub_loader_cmdline(words):
    """The command line GRUB hands the kernel for these words."""
    out = []
    for w in words:
        esc = ''.join('\\' + c if c in '\\\'"' else c for c in w)
        out.append('"%s"' % esc if ' ' in w else esc)
    return ' '.join(out)


def kernel_sees(cmdline):
    """What the kernel receives for CMDLINE through grub_cfg.py and GRUB."""
    line = grub_cfg.render('multiboot2 /boot/kernel.elf @CMDLINE@', cmdline)
    words = grub_lex(line)
    assert words[:2] == ['multiboot2', '/boot/kernel.elf'], words
    return grub_loader_cmdline(words[2:])


class QuotingTest(unittest.TestCase):
    def test_plain_words(self):
        self.assertEqual(kernel_sees('loglevel=4 slab_debug'),
                         'loglevel=4 slab_debug')

    def test_empty(self):
        self.assertEqual(grub_cfg.grub_args(''), '')
        self.assertEqual(kernel_sees(''), '')

    def test_grub_syntax_passes_unchanged(self):
        # the cases: 'a|b' broke sed, 'a&b' came out a@CMDLINE@b
        for text in ('a|b', 'a&b', 'x=$y', 'a;b', '#c', '{d}', '<e>',
                     'ktest=slab* slab_debug=FZPU,kmalloc-64',
                     'p=1@0x100000'):
            self.assertEqual(kernel_sees(text), text)

    def test_without_quoting_grub_would_change_them(self):
        # the model is not trivially the identity: unquoted, GRUB alters
        self.assertEqual(grub_loader_cmdline(grub_lex('a|b')), 'a')
        self.assertEqual(grub_loader_cmdline(grub_lex('x=$y z')), 'x= z')
        self.assertEqual(grub_loader_cmdline(grub_lex('"a b"')), '"a b"')

    def test_runs_of_space_become_one(self):
        self.assertEqual(kernel_sees('  a \t b  '), 'a b')

    def test_refused_with_a_message(self):
        for text in ('a"b', 'name="x y"', "it's", 'a\\b', 'unbalanced"'):
            with self.assertRaises(ValueError) as cm:
                grub_cfg.cmdline_words(text)
            self.assertIn('cannot be passed through GRUB', str(cm.exception))
            # and GRUB itself would indeed have changed it
            self.assertNotEqual(grub_loader_cmdline(text.split()), text)

    def test_control_characters_refused(self):
        for text in ('a\nb', 'a\x01', 'caf\xe9'):
            with self.assertRaises(ValueError):
                grub_cfg.cmdline_words(text)

    def test_template_needs_one_placeholder(self):
        with self.assertRaises(ValueError):
            grub_cfg.render('no placeholder', 'a')

    def test_module_lines_follow_the_multiboot2_line(self):
        template = 'menuentry "x" {\n\tmultiboot2 /k @CMDLINE@\n\tboot\n}\n'
        out = grub_cfg.render(template, 'a', ['dir/one.ko', '/abs/two_2.ko'])
        self.assertEqual(out, 'menuentry "x" {\n\tmultiboot2 /k \'a\'\n'
                         '\tmodule2 /boot/modules/one.ko one.ko\n'
                         '\tmodule2 /boot/modules/two_2.ko two_2.ko\n'
                         '\tboot\n}\n')
        self.assertEqual(grub_cfg.render(template, 'a'),
                         template.replace('@CMDLINE@', "'a'"))

    def test_module_names_refused(self):
        for paths in (['a b.ko'], ["it's.ko"], ['x/$y.ko'], ['dir/'],
                      ['x/.hidden'], ['a/m.ko', 'b/m.ko']):
            with self.assertRaises(ValueError, msg=paths):
                grub_cfg.module_names(paths)
        self.assertEqual(grub_cfg.module_names(['a/m-1.ko', 'n+2.bin']),
                         ['m-1.ko', 'n+2.bin'])

    def test_script(self):
        with tempfile.TemporaryDirectory() as tmp:
            f = os.path.join(tmp, 'cmdline')
            with open(f, 'w') as out:
                out.write('a|b a&b\n')
            r = subprocess.run([sys.executable,
                                os.path.join(ROOT, 'scripts/grub_cfg.py'),
                                os.path.join(ROOT, 'iso/grub.cfg.in'), f],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, timeout=30)
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertIn("multiboot2 /boot/kernel.elf 'a|b' 'a&b'\n",
                          r.stdout)
            with open(f, 'w') as out:
                out.write('a"b\n')
            r = subprocess.run([sys.executable,
                                os.path.join(ROOT, 'scripts/grub_cfg.py'),
                                os.path.join(ROOT, 'iso/grub.cfg.in'), f],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True, timeout=30)
            self.assertEqual(r.returncode, 1)
            self.assertIn('CMDLINE:', r.stderr)
            self.assertEqual(r.stdout, '')


if __name__ == '__main__':
    unittest.main()
