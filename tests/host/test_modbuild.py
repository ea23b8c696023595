# SPDX-License-Identifier: GPL-2.0
"""
Host tests for the out-of-tree module build (scripts/Makefile.modules,
scripts/Makefile.modbuild, scripts/module.lds) and for booting with
module files (MODULES=, M=): SPEC section 8.

  - examples/modules builds with `make -C . M=examples/modules modules`
    into ELF64 x86-64 relocatable .ko files with .modinfo (license=,
    name=, vermagic=), init_module, a sorted __ksymtab; modpost's
    warnings (undefined, GPL-only) and Module.symvers; an unchanged
    rebuild compiles nothing, other flags recompile; `clean` removes
    everything it made; the kernel itself is not built.
  - a compiler error shows as usual and fails the make.
  - a folder laid out like the book's (a Makefile with its own targets,
    a composite module with ../../lib.o, EXTRA_CFLAGS, ccflags-y with
    $(PWD)) builds with `make KDIR=TREE`; so does the usual
    `ifneq ($(KERNELRELEASE),)` Makefile.
  - MODULES= and M= reach grub.cfg as module2 lines, and the ISOs depend
    on the files.

Every make gets B= a temporary folder, so the real build/ is untouched.
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(ROOT, 'examples', 'modules')


def readelf(*args):
    return subprocess.run(['readelf', '-W'] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, check=True).stdout


def modinfo(ko):
    """The .modinfo strings of @ko."""
    out = readelf('-p', '.modinfo', ko)
    return re.findall(r'^\s*\[\s*[0-9a-f]+\]\s+(.*)$', out, re.M)


def section_symbols(ko, section):
    """The names of the symbols in section @section of @ko, by address."""
    sections = {}
    for m in re.finditer(r'^\s*\[\s*(\d+)\]\s+(\S+)', readelf('-S', ko), re.M):
        sections[m.group(2)] = m.group(1)
    index = sections[section]
    syms = []
    for line in readelf('-s', ko).splitlines():
        f = line.split()
        if len(f) == 8 and f[6] == index and f[3] != 'SECTION':
            syms.append((int(f[1], 16), f[7]))
    return [name for _, name in sorted(syms)]


class ModBuildTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.b = os.path.join(self.tmp.name, 'b')

    def tearDown(self):
        self.tmp.cleanup()

    def make(self, *args, cwd=ROOT, check=True):
        # not the variables of a make that runs these tests (V=1 ...)
        env = {k: v for k, v in os.environ.items()
               if k not in ('MAKEFLAGS', 'MFLAGS', 'MAKELEVEL', 'MAKEOVERRIDES',
                            'V', 'W', 'M', 'MODULES', 'KDIR', 'EXTRA_CFLAGS',
                            'CMDLINE', 'KBUILD_EXTRA_SYMBOLS')}
        r = subprocess.run(['make', '--no-print-directory',
                            'B=' + self.b] + list(args), cwd=cwd, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True, timeout=300)
        if check:
            self.assertEqual(r.returncode, 0, r.stdout)
        return r

    def write(self, path, text):
        path = os.path.join(self.tmp.name, path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write(text)
        return path

    def check_ko(self, ko, name):
        hdr = readelf('-h', ko)
        self.assertRegex(hdr, r'Class:\s+ELF64')
        self.assertRegex(hdr, r'Type:\s+REL ')
        self.assertRegex(hdr, r'Machine:\s+Advanced Micro Devices X86-64')
        sections = readelf('-S', ko)
        self.assertIn(' .modinfo ', sections)
        for gone in ('.comment', '.eh_frame', '.note.GNU-stack'):
            self.assertNotIn(' %s ' % gone, sections, ko)
        info = modinfo(ko)
        self.assertIn('name=' + name, info)
        self.assertTrue([i for i in info if i.startswith('license=')], info)
        self.assertTrue([i for i in info if i.startswith('vermagic=')], info)
        syms = readelf('-s', ko)
        self.assertRegex(syms, r'FUNC\s+GLOBAL\s+DEFAULT\s+\d+\s+init_module\n')

    # ---- the project's examples --------------------------------------
    def test_examples_build_check_and_clean(self):
        tracked = set(subprocess.run(
            ['git', 'ls-files', '.'], cwd=EXAMPLES, stdout=subprocess.PIPE,
            universal_newlines=True, check=True).stdout.split())
        self.make('-C', '.', 'M=examples/modules', 'clean')
        out = self.make('-C', '.', 'M=examples/modules', 'modules').stdout
        self.assertIn('  CC [M]  examples/modules/kmalloc_param.o\n', out)
        self.assertIn('  LD [M]  examples/modules/exporter.ko\n', out)
        with open(os.path.join(EXAMPLES, 'modules.order')) as f:
            order = f.read().split()
        self.assertEqual(order, ['kmalloc_param.ko', 'page_order.ko',
                                 'init_fails.ko', 'exporter.ko',
                                 'exporter_user.ko', 'page_api.ko',
                                 'pages_exact.ko', 'kmalloc_classes.ko',
                                 'slab_cache.ko', 'vmalloc_api.ko',
                                 'kmalloc_max.ko', 'bug_leak.ko',
                                 'bug_double_free.ko', 'bug_atomic_sleep.ko',
                                 'bug_null_deref.ko', 'bug_gpl_only.ko',
                                 'bug_unknown_sym.ko', 'bug_kasan.ko'])
        for ko in order:
            self.check_ko(os.path.join(EXAMPLES, ko), ko[:-3])
        # parameters and their descriptions, as modinfo prints them
        info = modinfo(os.path.join(EXAMPLES, 'kmalloc_param.ko'))
        self.assertIn('parmtype=size:uint', info)
        self.assertIn('parm=size:bytes to kmalloc() at init (default 100)', info)
        # exports sorted by name whatever the source order, GPL apart;
        # exporter_main.o and exporter_util.o are both in exporter.ko
        exporter = os.path.join(EXAMPLES, 'exporter.ko')
        ksymtab = section_symbols(exporter, '__ksymtab')
        self.assertEqual(ksymtab, ['__ksymtab_exporter_add',
                                   '__ksymtab_exporter_twice'])
        self.assertEqual(section_symbols(exporter, '__ksymtab_gpl'),
                         ['__ksymtab_exporter_gpl_only'])
        # the module build neither builds the kernel nor writes in build/
        self.assertFalse(os.path.exists(self.b))

        # up to date: nothing is compiled again
        out = self.make('-C', '.', 'M=examples/modules', 'modules').stdout
        self.assertNotIn('[M]', out)
        # other flags: everything is; V=1 shows the commands
        out = self.make('-C', '.', 'M=examples/modules', 'modules', 'V=1',
                        'EXTRA_CFLAGS=-DTK_MODBUILD_TEST').stdout
        self.assertIn("-DKBUILD_MODNAME='\"exporter\"'", out)
        self.assertIn("-DKBUILD_BASENAME='\"exporter_util\"'", out)
        self.assertIn('-DMODULE', out)
        self.assertIn('-mcmodel=kernel', out)
        self.assertIn('-DTK_MODBUILD_TEST', out)
        self.assertIn('-T %s/scripts/module.lds' % ROOT, out)

        out = self.make('-C', '.', 'M=examples/modules', 'clean').stdout
        self.assertIn('  CLEAN   examples/modules', out)
        left = set(os.listdir(EXAMPLES)) - tracked
        self.assertEqual(left, set())

    def test_compile_error_fails_the_make(self):
        d = os.path.dirname(self.write('bad/Kbuild', 'obj-m += bad.o\n'))
        self.write('bad/bad.c', '#include <linux/module.h>\n'
                   'int broken(void) { return undeclared_thing; }\n')
        r = self.make('M=' + d, 'modules', check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('bad.c:2:', r.stdout)
        self.assertRegex(r.stdout, r'error: .undeclared_thing. undeclared')
        self.assertFalse(os.path.exists(os.path.join(d, 'bad.ko')))
        self.assertFalse(os.path.exists(os.path.join(d, 'bad.o')))

    # ---- folders written for Linux -----------------------------------
    BOOK_MAKEFILE = r"""# laid out like the book's Makefiles
ifeq ($(ARCH),arm)
  KDIR ?= ~/rpi/linux
else
  KDIR ?= /lib/modules/$(shell uname -r)/build
endif

PWD            := $(shell pwd)
obj-m          += demo_lkm.o
demo_lkm-objs  := demo.o ../../klib.o
EXTRA_CFLAGS   += -DDEBUG
ccflags-y      += -I$(PWD)/inc

all:
	@echo '--- Building : KDIR=${KDIR} ---'
	make -C $(KDIR) M=$(PWD) modules
install:
	make -C $(KDIR) M=$(PWD) modules_install
clean:
	make -C $(KDIR) M=$(PWD) clean
	rm -f *~
help:
	@echo 'this target must never run during the module build'
	@false
"""

    def make_book(self):
        self.write('book/klib.h', 'int klib_twice(int x);\n')
        self.write('book/klib.c', '#include <linux/module.h>\n'
                   '#include "klib.h"\n'
                   'MODULE_INFO(libwho, KBUILD_MODNAME);\n'
                   'int klib_twice(int x) { return 2 * x; }\n')
        self.write('book/ch8/demo/inc/demo_inc.h', '#define DEMO_ANSWER 21\n')
        self.write('book/ch8/demo/demo.c', '#include <linux/init.h>\n'
                   '#include <linux/module.h>\n'
                   '#include <demo_inc.h>\n'
                   '#include "../../klib.h"\n'
                   '#ifdef DEBUG\nMODULE_INFO(debug, "on");\n#endif\n'
                   'static int __init demo_init(void)\n'
                   '{\n\treturn klib_twice(DEMO_ANSWER) == 42 ? 0 : -1;\n}\n'
                   'static void __exit demo_exit(void) { }\n'
                   'module_init(demo_init);\nmodule_exit(demo_exit);\n'
                   'MODULE_LICENSE("Dual MIT/GPL");\n')
        return os.path.dirname(self.write('book/ch8/demo/Makefile',
                                          self.BOOK_MAKEFILE))

    def test_book_style_makefile(self):
        demo = self.make_book()
        out = self.make('KDIR=' + ROOT, cwd=demo).stdout
        self.assertIn('  CC [M]  %s/../../klib.o' % demo, out)
        self.assertIn('  LD [M]  %s/demo_lkm.ko' % demo, out)
        ko = os.path.join(demo, 'demo_lkm.ko')
        self.check_ko(ko, 'demo_lkm')
        info = modinfo(ko)
        self.assertIn('license=Dual MIT/GPL', info)
        self.assertIn('debug=on', info)			# EXTRA_CFLAGS
        self.assertIn('libwho=demo_lkm', info)		# ../../klib.o's modname
        self.assertRegex(readelf('-s', ko), r'FUNC\s+GLOBAL\s+DEFAULT\s+\d+\s+klib_twice\n')
        self.assertTrue(os.path.exists(os.path.join(self.tmp.name, 'book', 'klib.o')))
        # the book's install target: nothing to install, not an error
        self.assertIn('nothing to install', self.make('KDIR=' + ROOT, 'install',
                                                      cwd=demo).stdout)
        self.make('KDIR=' + ROOT, 'clean', cwd=demo)
        self.assertEqual(sorted(os.listdir(demo)), ['Makefile', 'demo.c', 'inc'])
        self.assertFalse(os.path.exists(os.path.join(self.tmp.name, 'book', 'klib.o')))

    def test_kernelrelease_makefile(self):
        d = os.path.dirname(self.write('kr/Makefile', r"""
ifneq ($(KERNELRELEASE),)
obj-m := hello-world.o
CFLAGS_hello-world.o := -DGREETING='"hi"'
else
KDIR ?= /lib/modules/$(shell uname -r)/build
default:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
endif
"""))
        self.write('kr/hello-world.c', '#include <linux/module.h>\n'
                   'MODULE_INFO(greeting, GREETING);\n'
                   'MODULE_INFO(modname, KBUILD_MODNAME);\n'
                   'MODULE_LICENSE("GPL");\n')
        self.make('KDIR=' + ROOT, cwd=d)
        info = modinfo(os.path.join(d, 'hello-world.ko'))
        self.assertIn('greeting=hi', info)		# CFLAGS_obj.o
        self.assertIn('modname=hello_world', info)	# '-' becomes '_'
        self.assertIn('name=hello_world', info)

    def test_modpost_warns_about_undefined_symbols(self):
        # a stand-in for build/kernel.elf: what modpost reads of it
        self.write('k.S', '.data\n'
                   '.globl __ksymtab_kfoo\n__ksymtab_kfoo: .quad 0, 0\n'
                   '.globl __start___ksymtab_gpl\n__start___ksymtab_gpl:\n'
                   '.globl __ksymtab_kbar\n__ksymtab_kbar: .quad 0, 0\n'
                   '.globl __stop___ksymtab_gpl\n__stop___ksymtab_gpl:\n')
        os.makedirs(self.b)
        subprocess.run(['gcc', '-c', '-o', self.b + '/kernel.elf',
                        os.path.join(self.tmp.name, 'k.S')], check=True)
        d = os.path.dirname(self.write('mp/Kbuild', 'obj-m += user.o lib.o\n'))
        self.write('mp/lib.c', '#include <linux/module.h>\n'
                   'int libfn(void) { return 1; }\nEXPORT_SYMBOL_GPL(libfn);\n'
                   'MODULE_LICENSE("GPL");\n')
        self.write('mp/user.c', '#include <linux/module.h>\n'
                   'extern int kfoo(void), kbar(void), nowhere(void), libfn(void);\n'
                   'int use(void) { return kfoo() + kbar() + nowhere() + libfn()'
                   ' + !!THIS_MODULE; }\n'
                   'MODULE_LICENSE("Proprietary");\n')
        out = self.make('M=' + d, 'modules').stdout
        self.assertIn('  MODPOST %s/Module.symvers' % d, out)
        warnings = sorted(l for l in out.splitlines() if 'modpost' in l)
        self.assertEqual(warnings, [
            'WARNING: modpost: "nowhere" [%s/user.ko] undefined!' % d,
            "WARNING: modpost: GPL-incompatible module user.ko uses GPL-only symbol 'kbar'",
            "WARNING: modpost: GPL-incompatible module user.ko uses GPL-only symbol 'libfn'",
        ])
        with open(os.path.join(d, 'Module.symvers')) as f:
            self.assertEqual(f.read(), '0x00000000\tlibfn\t%s/lib\tEXPORT_SYMBOL_GPL\t\n' % d)
        self.make('M=' + d, 'clean')
        self.assertFalse(os.path.exists(os.path.join(d, 'Module.symvers')))

    def test_kernelrelease_from_version_h(self):
        """KERNELRELEASE and vermagic follow <linux/version.h>'s forms."""
        for text, want in (
                ('#define LINUX_VERSION_CODE KERNEL_VERSION(6, 6, 12)\n', '6.6.12'),
                ('#define LINUX_VERSION_CODE 393728\n', '6.2.0'),
                ('#define LINUX_VERSION_MAJOR 6\n#define LINUX_VERSION_PATCHLEVEL 1\n'
                 '#define LINUX_VERSION_SUBLEVEL 55\n'
                 '#define LINUX_VERSION_CODE 393527\n', '6.1.55'),
                ('', '0.0.0')):
            path = self.write('version.h', text)
            out = subprocess.run(['awk', '-f', os.path.join(ROOT, 'scripts',
                                                            'kernelrelease.awk'), path],
                                 stdout=subprocess.PIPE, universal_newlines=True,
                                 check=True).stdout
            self.assertEqual(out, want + '\n', text)

    # ---- booting with modules ----------------------------------------
    def grub_cfg(self, *args, check=True):
        r = self.make(self.b + '/grub.cfg', *args, check=check)
        if not check:
            return r
        with open(self.b + '/grub.cfg') as f:
            return f.read()

    def test_modules_reach_grub_cfg_and_iso(self):
        a = self.write('m/a.ko', 'a')
        b = self.write('n/b.ko', 'b')
        cfg = self.grub_cfg('MODULES=%s %s' % (a, b), 'CMDLINE=x')
        self.assertIn("\tmultiboot2 /boot/kernel.elf 'x'\n"
                      "\tmodule2 /boot/modules/a.ko a.ko\n"
                      "\tmodule2 /boot/modules/b.ko b.ko\n", cfg)
        # another list: grub.cfg follows
        cfg = self.grub_cfg('MODULES=' + b)
        self.assertNotIn('a.ko', cfg)
        self.assertIn('module2 /boot/modules/b.ko b.ko\n', cfg)
        self.assertNotIn('module2', self.grub_cfg())
        # the ISOs depend on the files themselves
        r = self.make('-p', '-q', self.b + '/kernel.iso', 'ktest',
                      'MODULES=' + a, check=False)
        for target in (self.b + '/kernel.iso:', 'ktest:'):
            rule = [line for line in r.stdout.splitlines()
                    if line.startswith(target)]
            self.assertTrue(rule and a in rule[0].split(), (target, rule))
        # what cannot boot is refused with the reason
        r = self.grub_cfg('MODULES=%s/none.ko' % self.tmp.name, check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('MODULES: %s/none.ko: no such file' % self.tmp.name, r.stdout)
        r = self.grub_cfg('MODULES=%s %s' % (a, self.write('o/a.ko', '')),
                          check=False)
        self.assertNotEqual(r.returncode, 0)
        self.assertIn('MODULES: two files named a.ko', r.stdout)

    def test_m_builds_then_boots_with_its_modules(self):
        d = os.path.dirname(self.write('mods/Kbuild', 'obj-m += one.o two.o\n'))
        for name in ('one', 'two'):
            self.write('mods/%s.c' % name, '#include <linux/module.h>\n'
                       'MODULE_LICENSE("GPL");\n')
        out = self.grub_cfg('M=' + d)
        self.assertIn('\tmodule2 /boot/modules/one.ko one.ko\n'
                      '\tmodule2 /boot/modules/two.ko two.ko\n', out)
        self.assertTrue(os.path.exists(os.path.join(d, 'two.ko')))
        # the ISO's recipe copies exactly those files
        r = self.make('-n', self.b + '/kernel.iso', 'M=' + d, check=False)
        self.assertIn('cp %s/one.ko %s/two.ko %s/iso/boot/modules/'
                      % (d, d, self.b), r.stdout)


if __name__ == '__main__':
    unittest.main()
