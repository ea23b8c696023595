#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
gen_compile_commands.py - write compile_commands.json for clangd.

Usage (from the Makefile): gen_compile_commands.py CC "CFLAGS" FILE.c ...
Each kernel C file gets the exact command the Makefile compiles it with,
so clangd resolves <linux/...> to include/linux and sees the same macros.
"""

import json
import os
import shlex
import sys


def main():
    cc, cflags, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    root = os.getcwd()
    entries = []
    for f in files:
        obj = os.path.join('build', 'obj', f[:-2] + '.o')
        args = [cc] + shlex.split(cflags) + ['-c', f, '-o', obj]
        entries.append({'directory': root, 'file': f, 'arguments': args})
    json.dump(entries, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main()
