#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
r"""
kallsyms.py - turn "nm" output into the kernel's built-in symbol table.

A backtrace is a list of return addresses; to print "kmalloc+0x2a/0x90"
the kernel needs its own symbol table in memory.  This script reads the
output of

    nm -n -S --defined-only kernel.elf

(address, optional size, type, name per line) and writes an assembly file
with the table that kernel/kallsyms.c searches:

    kallsyms_num_syms      .quad  number of entries
    kallsyms_addresses[]   .quad  start address of each symbol, ascending
    kallsyms_sizes[]       .quad  its size in bytes
    kallsyms_offsets[]     .long  where its name starts in kallsyms_names
    kallsyms_names[]       the names, each NUL-terminated

all in .rodata.  Only code symbols are kept (nm types t, T, w, W) at or
above the kernel image base 0xffffffff80000000, so the 32-bit boot
trampoline and data never show up in a backtrace.  A symbol's size comes
from nm -S (the ELF st_size) when it has one, else it runs to the next
symbol; the last unsized symbol gets size 0 and matches only its own
address.  When several names share an address (aliases), one is kept:
the sized one, else a global one, else the first.

The table lives inside the kernel it describes, so the kernel is linked
more than once (as Linux does):

    pass 1: link with an empty table (kallsyms.py --empty);
    pass 2: table 1 from nm of the pass-1 kernel, link again with it;
    check:  table 2 from nm of the pass-2 kernel.  If it equals table 1,
            the pass-2 kernel is final: the table inside it describes it
            exactly.  If not, link a third time with table 2 and require
            that table 3, from that kernel, equals table 2.

The table adds only .rodata and no code symbols, so with .rodata after
.text (linker.ld) tables 1 and 2 agree at once; the check guards against
a layout where they would not.  The output is deterministic (same input,
byte-identical output), so "cmp" is the check.  The Makefile does it with:

    # $(call link-kallsyms,OUT.elf,OBJECTS)
    define link-kallsyms
    	$(Q)$(PYTHON) scripts/kallsyms.py --empty > $(1).ks0.S
    	$(Q)$(CC) -c $(1).ks0.S -o $(1).ks0.o
    	$(Q)$(LD) $(LDFLAGS) -o $(1).tmp1 $(2) $(1).ks0.o
    	$(Q)$(NM) -n -S --defined-only $(1).tmp1 | \
    		$(PYTHON) scripts/kallsyms.py > $(1).ks1.S
    	$(Q)$(CC) -c $(1).ks1.S -o $(1).ks1.o
    	$(Q)$(LD) $(LDFLAGS) -o $(1).tmp2 $(2) $(1).ks1.o
    	$(Q)$(NM) -n -S --defined-only $(1).tmp2 | \
    		$(PYTHON) scripts/kallsyms.py > $(1).ks2.S
    	$(Q)if ! cmp -s $(1).ks1.S $(1).ks2.S; then \
    		$(CC) -c $(1).ks2.S -o $(1).ks2.o && \
    		$(LD) $(LDFLAGS) -o $(1).tmp2 $(2) $(1).ks2.o && \
    		$(NM) -n -S --defined-only $(1).tmp2 | \
    			$(PYTHON) scripts/kallsyms.py > $(1).ks3.S && \
    		cmp $(1).ks2.S $(1).ks3.S || \
    		{ echo "kallsyms: table does not converge" >&2; exit 1; }; \
    	fi
    	$(Q)mv $(1).tmp2 $(1)
    endef

(LDFLAGS holding "-T linker.ld"; OBJECTS must not include a kallsyms
object of their own.)

Usage: kallsyms.py [--empty] [--base ADDR] [NM_OUTPUT]   (default stdin)
"""

import argparse
import sys

KERNEL_BASE = 0xffffffff80000000
TEXT_TYPES = 'tTwW'
# Preference among aliases at one address: global before weak before local.
TYPE_RANK = {'T': 0, 'W': 1, 't': 2, 'w': 3}


def parse_nm(lines, base=KERNEL_BASE):
    """Read nm lines; return [(addr, size or None, type, name)] for code
    symbols at or above base, sorted by address."""
    syms = []
    for line in lines:
        fields = line.split()
        if len(fields) == 4:
            addr, size, typ, name = fields
            size = int(size, 16)
        elif len(fields) == 3:
            addr, typ, name = fields
            size = None
        else:
            continue            # undefined symbols, blank lines
        if typ not in TEXT_TYPES:
            continue
        try:
            addr = int(addr, 16)
        except ValueError:
            continue
        if addr < base:
            continue
        syms.append((addr, size, typ, name))
    syms.sort(key=lambda s: s[0])
    return syms


def dedup_aliases(syms):
    """Keep one symbol per address (see the comment at the top)."""
    out = []
    for sym in syms:
        if out and out[-1][0] == sym[0]:
            prev = out[-1]
            if sort_key(sym) < sort_key(prev):
                out[-1] = sym
            continue
        out.append(sym)
    return out


def sort_key(sym):
    """Alias preference: sized first, then by type rank."""
    _, size, typ, _ = sym
    return (0 if size else 1, TYPE_RANK[typ])


def table(syms):
    """Return [(addr, size, name)] with every size filled in."""
    out = []
    for i, (addr, size, _, name) in enumerate(syms):
        if not size:
            size = syms[i + 1][0] - addr if i + 1 < len(syms) else 0
        out.append((addr, size, name))
    return out


def emit(entries, out):
    """Write the table as GNU assembler source."""
    w = out.write
    w('/* Generated by scripts/kallsyms.py: do not edit. */\n')
    w('\t.section .rodata, "a"\n')
    w('\t.balign 8\n')
    w('\t.globl kallsyms_num_syms\n')
    w('kallsyms_num_syms:\n')
    w('\t.quad %d\n\n' % len(entries))

    w('\t.globl kallsyms_addresses\n')
    w('kallsyms_addresses:\n')
    for addr, _, name in entries:
        w('\t.quad 0x%016x\t/* %s */\n' % (addr, name))
    w('\n\t.globl kallsyms_sizes\n')
    w('kallsyms_sizes:\n')
    for _, size, _ in entries:
        w('\t.quad 0x%x\n' % size)

    w('\n\t.globl kallsyms_offsets\n')
    w('kallsyms_offsets:\n')
    offset = 0
    for _, _, name in entries:
        w('\t.long %d\n' % offset)
        offset += len(name.encode()) + 1

    w('\n\t.globl kallsyms_names\n')
    w('kallsyms_names:\n')
    for _, _, name in entries:
        w('\t.asciz "%s"\n' % name.replace('\\', '\\\\').replace('"', '\\"'))
    # Keep the blob non-empty so the symbol always has storage.
    w('\t.byte 0\n')
    w('\n\t.section .note.GNU-stack, "", @progbits\n')


def main(argv=None):
    ap = argparse.ArgumentParser(
        description='Generate the kernel symbol table from nm output.')
    ap.add_argument('nm_output', nargs='?', help='nm output file (stdin)')
    ap.add_argument('--empty', action='store_true',
                    help='emit an empty table (first link pass)')
    ap.add_argument('--base', type=lambda s: int(s, 0), default=KERNEL_BASE,
                    help='lowest address kept (default %#x)' % KERNEL_BASE)
    args = ap.parse_args(argv)

    if args.empty:
        entries = []
    else:
        src = open(args.nm_output) if args.nm_output else sys.stdin
        with src:
            entries = table(dedup_aliases(parse_nm(src, args.base)))
    emit(entries, sys.stdout)
    return 0


if __name__ == '__main__':
    sys.exit(main())
