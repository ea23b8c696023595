# SPDX-License-Identifier: GPL-2.0
"""
Host test: docs/gdb-walkthrough.md quotes only what exists.

The walkthrough shows gdb's output (frames "func (...) at file:NNN" and
the source lines gdb echoes) and names functions in the prose ("`f()` in
`file`").  Line numbers change whenever a file does, so it quotes none
(gdb's numbers are written NNN); function names and code lines are
checked here against the sources, so the text cannot drift silently.

Module code (section "Stepping into a module") is quoted as gdb prints
it: the module's own files relative to its folder (MODULE_DIRS), the
tree's headers with the tree's path in full, written /path/to/tree/.  At
a module init's first instruction gdb names the init at the line of an
inlined callee in a header: such a frame is checked as the function
defined in a module and the line as one of the header.
"""

import os
import re
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DOC = os.path.join(ROOT, 'docs', 'gdb-walkthrough.md')
SOURCE_DIRS = ('arch', 'boot', 'include', 'kernel', 'lib', 'mm', 'tests/kernel',
               'examples/modules')
MODULE_DIRS = ('examples/modules',)
TREE = '/path/to/tree/'

FRAME = re.compile(r'(?:^|\s)(\w+) \(.*?\) at ([\w/.-]+\.[ch]):(\S+)')
ECHO = re.compile(r'^NNN\t+(.*\S)\s*$')
PROSE = re.compile(r'`(\w+)\(\)` in `([\w/.-]+\.[ch])`')
BREAK = re.compile(r'^\s*\(gdb\) h?break (\w+)\s*$')


def read(path):
    with open(os.path.join(ROOT, path), errors='replace') as f:
        return f.read()


def function_body(path, name):
    """The lines of @name's definition in @path, or None if not there."""
    lines = read(path).split('\n')
    start = None
    for i, line in enumerate(lines):
        if re.match(r'^[A-Za-z_].*\b%s\s*\(' % re.escape(name), line) and \
                not line.rstrip().endswith(';'):
            start = i
            break
    if start is None:
        return None
    end = start
    while end < len(lines) and lines[end] != '}':
        end += 1
    return lines[start:end + 1]


def definition(name):
    """(path, lines) of @name's definition in the sources, or None."""
    for d in SOURCE_DIRS:
        for dirpath, _, files in os.walk(os.path.join(ROOT, d)):
            for f in files:
                if f.endswith(('.c', '.h')):
                    rel = os.path.relpath(os.path.join(dirpath, f), ROOT)
                    body = function_body(rel, name)
                    if body:
                        return rel, body
    return None


def defined_anywhere(name):
    return definition(name) is not None


def source_path(path):
    """A file name as gdb prints it, relative to the tree, or None."""
    if path.startswith(TREE):
        path = path[len(TREE):]
    for p in (path,) + tuple(os.path.join(d, path) for d in MODULE_DIRS):
        if os.path.exists(os.path.join(ROOT, p)):
            return p
    return None


class WalkthroughTest(unittest.TestCase):
    def setUp(self):
        with open(DOC) as f:
            self.text = f.read()
        self.blocks = [line[4:] for line in self.text.split('\n')
                       if line.startswith('    ')]

    def test_no_line_numbers(self):
        found = re.findall(r'[\w/.-]+\.[ch]:\d+', self.text)
        self.assertEqual(found, [], 'quote functions, not line numbers')
        self.assertEqual([l for l in self.blocks if re.match(r'^\d+\t', l)],
                         [], 'gdb echoes a source line as "NNN\\t..."')

    def test_frames_exist(self):
        frames = 0
        last = None
        for line in self.blocks:
            m = FRAME.search(line)
            if m:
                func, path, lineno = m.groups()
                self.assertEqual(lineno, 'NNN', line)
                path = source_path(path)
                self.assertIsNotNone(path, line)
                body = function_body(path, func)
                if body is None and path.endswith('.h'):
                    # a module's init stopped in an inlined callee's line
                    where = definition(func)
                    self.assertIsNotNone(where, '%s is not defined' % func)
                    self.assertTrue(where[0].startswith(MODULE_DIRS), line)
                    body = read(path).split('\n') + where[1]
                self.assertIsNotNone(body, '%s is not defined in %s'
                                     % (func, path))
                # a source line gdb echoes next is frame #0's, not a caller's
                if not re.match(r'#[1-9]', line):
                    last = (path, func, body)
                frames += 1
                continue
            m = ECHO.match(line)
            if m:
                self.assertIsNotNone(last, line)
                path, func, body = last
                code = m.group(1).strip()
                self.assertTrue(any(code == l.strip() for l in body),
                                '%r is not a line of %s() in %s'
                                % (code, func, path))
        self.assertGreater(frames, 10)

    def test_prose_functions_exist(self):
        quoted = PROSE.findall(self.text)
        self.assertTrue(quoted)
        for func, path in quoted:
            self.assertIsNotNone(function_body(path, func),
                                 '%s() is not in %s' % (func, path))

    def test_breakpoints_exist(self):
        names = {m.group(1) for l in self.text.split('\n')
                 for m in [BREAK.match(l)] if m}
        names |= set(re.findall(r'`h?break (\w+)`', self.text))
        self.assertIn('kmalloc', names)
        for name in names:
            self.assertTrue(defined_anywhere(name), name)

    def test_delete_does_not_ask(self):
        # a bare "delete" asks "Delete all breakpoints? (y or n)"
        for line in self.blocks:
            self.assertNotRegex(line, r'^\(gdb\) delete\s*$')


if __name__ == '__main__':
    unittest.main()
