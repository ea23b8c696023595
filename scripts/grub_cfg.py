#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
grub_cfg.py - write a grub.cfg whose multiboot2 line passes a kernel
command line to the kernel unchanged, or refuse it with a message.

    scripts/grub_cfg.py TEMPLATE CMDLINE_FILE [MODULE_FILE...] > grub.cfg

TEMPLATE is iso/grub.cfg.in; its @CMDLINE@ becomes the command line read
from CMDLINE_FILE (the Makefile writes it there, so no shell or sed ever
sees the text: '|', '&', '$' and the like are plain characters).

Why the quoting is what it is.  GRUB reads "multiboot2 FILE ARGS..." as a
script line: unquoted, '$' expands a variable, ';' '|' '&' '<' '>' '{' '}'
are syntax and '#' starts a comment.  Inside single quotes every
character is literal, so each word is written as 'word'.  GRUB then
rebuilds the kernel's command line from the words (grub_create_loader_
cmdline): it joins them with one space, puts a backslash before every
'\\', '\'' and '"', and wraps a word holding a space in double quotes.  So
what the kernel can receive unchanged is a list of words separated by one
space, none holding a quote or a backslash; anything else is refused
here, with the reason, rather than reaching the kernel altered (an
unbalanced '"' used to give a boot with no output at all).  Whitespace
between words may be any run of spaces: the kernel's parser splits on it
the same way.

Each MODULE_FILE (make MODULES="a.ko ..." or M=DIR) adds a line

	module2 /boot/modules/a.ko a.ko

after the multiboot2 line: GRUB loads the file and gives the kernel a
multiboot2 module tag whose string, "a.ko", is the name the kernel knows
it by (include/kernel/bootfiles.h).  The Makefile copies the files into
the ISO's /boot/modules/.  Names are kept to letters, digits and "._+-"
(so they need no quoting anywhere) and must differ from one another.

Exit status: 0, or 1 with a message on stderr when the command line
cannot be passed.
"""

import os
import sys

# Characters GRUB's command-line builder escapes with a backslash.
GRUB_ESCAPED = '"\'\\'


def cmdline_words(text):
    """The words of @text, or ValueError saying why GRUB cannot pass it."""
    for ch in text:
        if ch in GRUB_ESCAPED:
            raise ValueError(
                "%r cannot be passed through GRUB: it would reach the "
                "kernel as \\%s (GRUB escapes quotes and backslashes, and "
                "a value cannot hold a space)" % (ch, ch))
        if ch not in ' \t' and not (0x21 <= ord(ch) <= 0x7e):
            raise ValueError("character %r: only printable ASCII and "
                             "spaces can be passed" % ch)
    return text.split()


def grub_args(text):
    """@text as GRUB script words: each one single-quoted."""
    return ' '.join("'%s'" % w for w in cmdline_words(text))


# What a boot file's name may hold: it appears unquoted in grub.cfg.
MODULE_NAME_CHARS = frozenset('abcdefghijklmnopqrstuvwxyz'
                              'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._+-')


def module_names(paths):
    """The file names of @paths, or ValueError saying why one cannot boot."""
    names = {}
    for path in paths:
        name = os.path.basename(path)
        if not name or name.startswith('.') or \
                not set(name) <= MODULE_NAME_CHARS:
            raise ValueError('%r: a boot file name may hold only letters, '
                             'digits and "._+-"' % path)
        if name in names:
            raise ValueError('two files named %s: %s and %s'
                             % (name, names[name], path))
        names[name] = path
    return list(names)


def module_lines(indent, paths):
    """The module2 lines for @paths, each starting with @indent."""
    return ''.join('%smodule2 /boot/modules/%s %s\n' % (indent, n, n)
                   for n in module_names(paths))


def render(template, text, modules=()):
    """@template with @CMDLINE@ replaced by the quoted words of @text,
    and a module2 line per file of @modules after that line."""
    if template.count('@CMDLINE@') != 1:
        raise ValueError('template must hold @CMDLINE@ once')
    at = template.index('@CMDLINE@')
    start = template.rfind('\n', 0, at) + 1
    end = template.find('\n', at) + 1 or len(template)
    line = template[start:end]
    indent = line[:len(line) - len(line.lstrip())]
    if not line.endswith('\n'):
        line += '\n'
    return (template[:start] + line.replace('@CMDLINE@', grub_args(text)) +
            module_lines(indent, modules) + template[end:])


def main(argv):
    if len(argv) < 3:
        sys.stderr.write('usage: grub_cfg.py TEMPLATE CMDLINE_FILE '
                         '[MODULE_FILE...]\n')
        return 2
    with open(argv[1]) as f:
        template = f.read()
    with open(argv[2], encoding='latin-1') as f:
        text = f.read()
    if text.endswith('\n'):
        text = text[:-1]		# written by make's $(file >...)
    try:
        module_names(argv[3:])
    except ValueError as e:
        sys.stderr.write('MODULES: %s\n' % e)
        return 1
    try:
        sys.stdout.write(render(template, text, argv[3:]))
    except ValueError as e:
        sys.stderr.write('CMDLINE: %s\n  in: %s\n' % (e, text))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
