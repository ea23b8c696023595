#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""
modpost.py - the checks Linux's modpost makes once a folder's modules are
linked, and its Module.symvers.

    scripts/modpost.py [--kernel ELF] [--extra-symbols FILE...]
                       [--display DIR] --symvers OUT KO...

For each module it lists the symbols the module uses but does not define
(`nm -u`), and looks each one up among the exports it can know:

  - the kernel's: every __ksymtab_NAME symbol of ELF (build/kernel.elf;
    <linux/export.h> names each export's entry so), _GPL ones being those
    between __start___ksymtab_gpl and __stop___ksymtab_gpl;
  - the other modules of the same build, and any Module.symvers given with
    --extra-symbols (Kbuild's KBUILD_EXTRA_SYMBOLS);

and prints, as Linux's modpost does (as a warning, as with Linux's
KBUILD_MODPOST_WARN=1: the loader then refuses the module with its own
"Unknown symbol" message, which is worth seeing too):

    WARNING: modpost: "foo" [DIR/x.ko] undefined!
    WARNING: modpost: GPL-incompatible module x.ko uses GPL-only symbol 'bar'

__this_module is the loader's (THIS_MODULE) and is never reported.
Without ELF only the modules' own exports are known, and one line says
so.  OUT receives the modules' exports in Linux's Module.symvers format:
"0x00000000<TAB>SYMBOL<TAB>DIR/NAME<TAB>EXPORT_SYMBOL[_GPL]<TAB>".

Exit status 0 (the checks only warn); 2 on a usage or tool error.
"""

import argparse
import os
import struct
import subprocess
import sys

# A module license that may use _GPL exports (Linux's license_is_gpl_compatible).
GPL_COMPATIBLE = ('GPL', 'GPL v2', 'GPL and additional rights',
                  'Dual BSD/GPL', 'Dual MIT/GPL', 'Dual MPL/GPL')
LOADER_SYMBOLS = ('__this_module',)


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, check=True,
                          universal_newlines=True).stdout


def kernel_exports(nm, elf):
    """{name: gpl?} of the kernel's exports."""
    addrs, start, stop = {}, None, None
    for line in run([nm, '-n', elf]).splitlines():
        f = line.split()
        if len(f) != 3:
            continue
        addr, name = int(f[0], 16), f[2]
        if name == '__start___ksymtab_gpl':
            start = addr
        elif name == '__stop___ksymtab_gpl':
            stop = addr
        elif name.startswith('__ksymtab_') and \
                name not in ('__ksymtab_gpl', '__ksymtab_strings'):
            addrs[name[len('__ksymtab_'):]] = addr
    return {name: start is not None and stop is not None and start <= a < stop
            for name, a in addrs.items()}


def module_exports(objdump, ko):
    """{name: gpl?} of @ko's exports, from its __ksymtab sections."""
    exports = {}
    for line in run([objdump, '-t', ko]).splitlines():
        f = line.split()
        if len(f) < 5 or not f[-1].startswith('__ksymtab_') or \
                f[-1] in ('__ksymtab_gpl', '__ksymtab_strings'):
            continue		# a section's own symbol
        section = f[-3]
        if section in ('__ksymtab', '__ksymtab_gpl'):
            exports[f[-1][len('__ksymtab_'):]] = section == '__ksymtab_gpl'
    return exports


def elf_section(data, wanted):
    """The bytes of section @wanted of the ELF64 little-endian @data."""
    shoff, = struct.unpack_from('<Q', data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)

    def header(i):
        # sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size
        return struct.unpack_from('<IIQQQQ', data, shoff + i * shentsize)

    strtab = header(shstrndx)
    for i in range(shnum):
        h = header(i)
        name_at = strtab[4] + h[0]
        name = data[name_at:data.index(b'\0', name_at)].decode('latin-1')
        if name == wanted:
            return data[h[4]:h[4] + h[5]]
    return b''


def module_license(ko):
    """The license= of @ko's .modinfo, or None."""
    with open(ko, 'rb') as f:
        data = f.read()
    for line in elf_section(data, '.modinfo').split(b'\0'):
        if line.startswith(b'license='):
            return line[len(b'license='):].decode('latin-1')
    return None


def read_symvers(path):
    exports = {}
    with open(path) as f:
        for line in f:
            f = line.rstrip('\n').split('\t')
            if len(f) >= 4:
                exports[f[1]] = f[3] == 'EXPORT_SYMBOL_GPL'
    return exports


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[1])
    ap.add_argument('--kernel')
    ap.add_argument('--extra-symbols', action='append', default=[])
    ap.add_argument('--display', default='')
    ap.add_argument('--symvers', required=True)
    ap.add_argument('--nm', default='nm')
    ap.add_argument('--objdump', default='objdump')
    ap.add_argument('kos', nargs='+')
    args = ap.parse_args(argv)

    def shown(ko):
        return os.path.join(args.display, ko) if args.display else ko

    try:
        known = {}
        if args.kernel and os.path.exists(args.kernel):
            known.update(kernel_exports(args.nm, args.kernel))
        else:
            print('WARNING: modpost: %s missing: the kernel\'s exports are not '
                  'checked (build the kernel first)' % (args.kernel or 'the kernel'))
        for path in args.extra_symbols:
            known.update(read_symvers(path))
        own = {ko: module_exports(args.objdump, ko) for ko in args.kos}
        for exports in own.values():
            known.update(exports)

        for ko in args.kos:
            license = module_license(ko)
            if license is None:
                print('WARNING: modpost: missing MODULE_LICENSE() in %s' % shown(ko))
            gpl_ok = license in GPL_COMPATIBLE
            for line in run([args.nm, '-u', ko]).splitlines():
                sym = line.split()[-1]
                if sym in LOADER_SYMBOLS or sym in own[ko]:
                    continue
                if sym not in known:
                    if args.kernel and os.path.exists(args.kernel):
                        print('WARNING: modpost: "%s" [%s] undefined!' % (sym, shown(ko)))
                elif known[sym] and not gpl_ok:
                    print("WARNING: modpost: GPL-incompatible module %s uses "
                          "GPL-only symbol '%s'" % (os.path.basename(ko), sym))
    except (OSError, subprocess.CalledProcessError) as e:
        sys.stderr.write('modpost: %s\n' % e)
        return 2

    lines = []
    for ko in args.kos:
        for sym, gpl in sorted(own[ko].items()):
            lines.append('0x00000000\t%s\t%s\t%s\t\n' % (
                sym, shown(ko)[:-3], 'EXPORT_SYMBOL_GPL' if gpl else 'EXPORT_SYMBOL'))
    with open(args.symvers + '.tmp', 'w') as f:
        f.writelines(lines)
    os.replace(args.symvers + '.tmp', args.symvers)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
