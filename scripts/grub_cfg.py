#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
grub_cfg.py - write a grub.cfg whose multiboot2 line passes a kernel
command line to the kernel unchanged, or refuse it with a message.

    scripts/grub_cfg.py TEMPLATE CMDLINE_FILE > grub.cfg

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

Exit status: 0, or 1 with a message on stderr when the command line
cannot be passed.
"""

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


def render(template, text):
    """@template with @CMDLINE@ replaced by the quoted words of @text."""
    if template.count('@CMDLINE@') != 1:
        raise ValueError('template must hold @CMDLINE@ once')
    return template.replace('@CMDLINE@', grub_args(text))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write('usage: grub_cfg.py TEMPLATE CMDLINE_FILE\n')
        return 2
    with open(argv[1]) as f:
        template = f.read()
    with open(argv[2], encoding='latin-1') as f:
        text = f.read()
    if text.endswith('\n'):
        text = text[:-1]		# written by make's $(file >...)
    try:
        sys.stdout.write(render(template, text))
    except ValueError as e:
        sys.stderr.write('CMDLINE: %s\n  in: %s\n' % (e, text))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
