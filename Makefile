# SPDX-License-Identifier: GPL-2.0
#
# teachkernel: build, boot, test.  `make help` lists the targets and
# variables, from the "## " comments below (a target's description is the
# "## " line just above its rule; a variable's is on the line above it).
#
# The kernel is built with the host's GNU toolchain used as a cross
# toolchain (CROSS_COMPILE=x86_64-elf- picks another), NASM for the
# assembly, and linked three times so that it carries its own symbol
# table for backtraces (scripts/kallsyms.py explains why).

## CROSS_COMPILE=PREFIX  tool prefix, e.g. x86_64-elf- (default: the host's gcc)
CROSS_COMPILE ?=
CC	:= $(CROSS_COMPILE)gcc
LD	:= $(CROSS_COMPILE)ld
NM	:= $(CROSS_COMPILE)nm
OBJCOPY	:= $(CROSS_COMPILE)objcopy
NASM	?= nasm
PYTHON	?= python3
QEMU	?= qemu-system-x86_64
GDB	?= gdb

## MEM=SIZE  guest RAM (QEMU -m), default 512M
MEM	?= 512M
## SMP=N  guest CPUs (QEMU -smp), 1..8, default 1 (make run: 2)
ifeq ($(MAKECMDGOALS),run)
SMP	?= 2
endif
SMP	?= 1
ifeq ($(filter $(SMP),1 2 3 4 5 6 7 8),)
$(error SMP=$(SMP): give a CPU count from 1 to 8)
endif
## T=GLOB  the in-kernel suites make ktest runs, default * (all)
T	?= *
## CMDLINE="WORDS"  extra kernel command line (make run, qemu*, ktest)
CMDLINE	?=
## KTEST_TIMEOUT=SECONDS  make ktest kills QEMU after this long, default 300
KTEST_TIMEOUT ?= 300
## GDBPORT=N  QEMU's gdb stub port, default derived from your user id
# xv6's trick: a per-user port, so students on one machine do not collide
GDBPORT	?= $(shell expr `id -u` % 5000 + 25000)
# KVM when /dev/kvm is usable and we are not ourselves inside a virtual
# machine: nested KVM makes every port I/O (each serial byte) a trip
# through two hypervisors, and measured here it ran the tests 25 times
# slower than TCG.  KVM=1 forces it.
## KVM=0|1  use KVM, default 1 when /dev/kvm works and this is no VM
KVM	?= $(shell [ -w /dev/kvm ] && ! grep -qw hypervisor /proc/cpuinfo && echo 1 || echo 0)

## V=1  show the commands
ifeq ($(V),1)
Q :=
else
Q := @
endif

## KASAN=1  build with the Kernel Address Sanitizer (in build/kasan), for every target
KASAN	?= 0
ifeq ($(KASAN),1)
B ?= build/kasan
else
B ?= build
endif
O := $(B)/obj

CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -nostdlib -nostdinc \
	  -isystem $(shell $(CC) -print-file-name=include) \
	  -mno-red-zone -mcmodel=kernel -mno-sse -mno-mmx -mno-sse2 -mno-avx \
	  -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	  -mno-omit-leaf-frame-pointer -fno-asynchronous-unwind-tables \
	  -fno-tree-loop-distribute-patterns -fno-common -fno-delete-null-pointer-checks \
	  -g -O2 -Wall -Wextra -Wno-unused-parameter -Wno-pointer-sign \
	  -Werror=implicit-function-declaration -Werror=implicit-int \
	  -D__KERNEL__ -include include/linux/kconfig.h \
	  -Iinclude -Iarch/x86_64/include $(EXTRA_CFLAGS)
NASMFLAGS := -f elf64 -g -F dwarf
# make KASAN=1: gcc's generic KASAN, with Linux's flags (scripts/Makefile.kasan):
# inline shadow checks before every access (Linux's KASAN_INLINE: 2.7 times
# slower code here, against 9.6 with outline calls, docs/performance.md),
# red zones around stack arrays, alloca()s and globals.  Modules built against this tree get them too
# (they take CFLAGS).  The files below are not instrumented: KASAN itself,
# the boot code that runs before the shadow exists, the stack walkers
# (they read other frames' red zones), and the allocators' insides, which
# write free pointers and debug patterns into poisoned memory, as Linux
# exempts them (KASAN_SANITIZE_slub.o := n ...).
ifeq ($(KASAN),1)
CFLAGS_KASAN := -fsanitize=kernel-address -fasan-shadow-offset=0xdffffc0000000000 \
	--param asan-globals=1 --param asan-stack=1 --param asan-instrument-allocas=1 \
	--param asan-instrumentation-with-call-threshold=10000
CFLAGS += -DCONFIG_KASAN=1 -DCONFIG_KASAN_GENERIC=1 $(CFLAGS_KASAN)
NASMFLAGS += -DBOOT_STACK_SIZE=32768	# THREAD_SIZE: red zones double the frames
endif
KASAN_SANITIZE_NO := mm/kasan/%.c arch/x86_64/kasan_init.c arch/x86_64/setup.c \
	arch/x86_64/stacktrace.c arch/x86_64/dumpstack.c lib/stackdepot.c lib/string.c \
	mm/slub.c mm/slab_common.c mm/slub_debug.c mm/page_alloc.c mm/kmemleak.c
LDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack -T linker.ld

C_SRCS := $(sort $(wildcard arch/x86_64/*.c kernel/*.c kernel/*/*.c lib/*.c mm/*.c) \
	  $(shell find tests/kernel -name '*.c' 2>/dev/null))
ifeq ($(KASAN),1)
C_SRCS += $(sort $(wildcard mm/kasan/*.c))
else
C_SRCS := $(filter-out arch/x86_64/kasan_init.c,$(C_SRCS))
endif
ASM_SRCS := $(sort $(wildcard boot/*.asm arch/x86_64/*.asm))
OBJS := $(C_SRCS:%.c=$(O)/%.o) $(ASM_SRCS:%.asm=$(O)/%.o)
DEPS := $(OBJS:.o=.d) $(B)/gdb/constants.d

.PHONY: all iso run qemu qemu-nox qemu-gdb gdb test ktest htest bench bench-kasan bench-smp \
	bench-host deps grade grade-all lab-handout clean help compile_commands.json \
	check-tools boot-checks bench-boot screenshot gdbtest fuzz
.DEFAULT_GOAL := all

# ---- What the build depends on besides its sources ------------------
# Kbuild keeps the command that built each object in a .cmd file and
# rebuilds when it changes.  Here one stamp holds the tools and flags of
# the whole build and one the command line of build/kernel.iso; each is
# rewritten only when its text changes, and what was built with it
# depends on it.  So CROSS_COMPILE=, EXTRA_CFLAGS= or CMDLINE= take
# effect on the next make, and an unchanged make rebuilds nothing.
#
# $(call streq,A,B): non-empty when A and B are the same text.
streq = $(if $(subst x$(1),,x$(2))$(subst x$(2),,x$(1)),,1)
# $(call update-stamp,FILE,TEXT): write TEXT to FILE unless it is there.
update-stamp = $(if $(and $(wildcard $(1)),$(call streq,$(file <$(1)),$(2))),,$(shell mkdir -p $(dir $(1)))$(file >$(1),$(2)))

BUILD_STAMP := $(B)/.build-flags
GDB_CONSTANTS := $(B)/gdb/constants.py
CMDLINE_STAMP := $(B)/.cmdline
BUILD_FLAGS = CC=$(CC) CFLAGS=$(CFLAGS) NASM=$(NASM) NASMFLAGS=$(NASMFLAGS) \
	LD=$(LD) LDFLAGS=$(LDFLAGS) NM=$(NM) OBJCOPY=$(OBJCOPY)
# make strips CMDLINE's words and joins them with one space, as GRUB does
RUN_CMDLINE = $(strip $(CMDLINE))

ifneq ($(filter-out clean help deps check-tools modules modules_install,$(or $(MAKECMDGOALS),all)),)
$(call update-stamp,$(BUILD_STAMP),$(BUILD_FLAGS))
$(call update-stamp,$(CMDLINE_STAMP),$(RUN_CMDLINE))
endif
# Written again if removed after make read this file (make clean all).
$(BUILD_STAMP):
	@mkdir -p $(dir $@)
	$(file >$@,$(BUILD_FLAGS))
$(CMDLINE_STAMP):
	@mkdir -p $(dir $@)
	$(file >$@,$(RUN_CMDLINE))

# Modules: make M=DIR modules, make run MODULES="a.ko ..." (SPEC section 8)
include scripts/Makefile.modules

# As Kbuild: code built in gets KBUILD_MODNAME, its file's base name.
modname_flag = -DKBUILD_MODNAME='"$(subst -,_,$(basename $(notdir $(1))))"'

## build build/kernel.elf (with debug info) and the gdb helpers' constants
all: $(B)/kernel.elf $(GDB_CONSTANTS)

ifeq ($(KASAN),1)
$(patsubst %.c,$(O)/%.o,$(filter $(KASAN_SANITIZE_NO),$(C_SRCS))) $(B)/gdb/constants.s: \
	CFLAGS := $(filter-out $(CFLAGS_KASAN),$(CFLAGS))
endif

$(O)/%.o: %.c $(BUILD_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) $(call modname_flag,$<) -MMD -MP -c $< -o $@

$(O)/%.o: %.asm $(BUILD_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  NASM    $<")
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

# $(call link-kallsyms,OUT.elf,OBJECTS): link, generate the symbol table
# from the result, link again with it; repeat once if it moved anything.
define link-kallsyms
	$(Q)$(PYTHON) scripts/kallsyms.py --empty > $(1).ks0.S
	$(Q)$(CC) -c $(1).ks0.S -o $(1).ks0.o
	$(Q)$(LD) $(LDFLAGS) -o $(1).tmp1 $(2) $(1).ks0.o
	$(Q)$(NM) -n -S --defined-only $(1).tmp1 | $(PYTHON) scripts/kallsyms.py > $(1).ks1.S
	$(Q)$(CC) -c $(1).ks1.S -o $(1).ks1.o
	$(Q)$(LD) $(LDFLAGS) -o $(1).tmp2 $(2) $(1).ks1.o
	$(Q)$(NM) -n -S --defined-only $(1).tmp2 | $(PYTHON) scripts/kallsyms.py > $(1).ks2.S
	$(Q)if ! cmp -s $(1).ks1.S $(1).ks2.S; then \
		$(CC) -c $(1).ks2.S -o $(1).ks2.o && \
		$(LD) $(LDFLAGS) -o $(1).tmp2 $(2) $(1).ks2.o && \
		$(NM) -n -S --defined-only $(1).tmp2 | $(PYTHON) scripts/kallsyms.py > $(1).ks3.S && \
		cmp $(1).ks2.S $(1).ks3.S || { echo "kallsyms: table does not converge" >&2; exit 1; }; \
	fi
	$(Q)mv $(1).tmp2 $(1)
	$(Q)rm -f $(1).tmp1
endef

# Small modules for the loader's suite (tests/modules/), built as an
# out-of-tree module is, and included as bytes by module_loader_test.c.
TESTMODS := $(patsubst tests/modules/%.c,$(B)/testmod/%.ko,$(wildcard tests/modules/*.c))
$(B)/testmod/%.ko: tests/modules/%.c $(BUILD_STAMP) $(B)/testmod/%.d
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  MOD     $@")
	$(Q)$(CC) $(CFLAGS) -DMODULE -DKBUILD_MODNAME='"$*"' -MMD -MP -MT $@ -c $< -o $(@:.ko=.o)
	$(Q)$(LD) -r -o $@ $(@:.ko=.o)
TESTMOD_USERS := $(O)/tests/kernel/module_loader_test.o $(O)/tests/kernel/kmemleak_test.o
$(TESTMOD_USERS): $(TESTMODS)
$(TESTMOD_USERS): CFLAGS += -DTESTMOD_DIR='"$(B)/testmod"'

# The labs' modules (labs/NAME/*.c with a Kbuild file), built the same way
# and included as bytes by their grading suites (tests/kernel/lab_NAME_test.c).
LABMODS := $(patsubst labs/%.c,$(B)/labmod/%.ko,$(filter-out %.mod.c,$(wildcard $(patsubst %/Kbuild,%/*.c,$(wildcard labs/*/Kbuild)))))
$(B)/labmod/%.ko: labs/%.c $(wildcard labs/*/*.h) $(BUILD_STAMP) $(B)/labmod/%.d
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  MOD     $@")
	$(Q)$(CC) $(CFLAGS) -DMODULE -DKBUILD_MODNAME='"$(notdir $*)"' -MMD -MP -MT $@ -c $< -o $(@:.ko=.o)
	$(Q)$(LD) -r -o $@ $(@:.ko=.o)
$(O)/tests/kernel/lab_modules_test.o: $(filter $(B)/labmod/modules/%,$(LABMODS))
$(O)/tests/kernel/lab_modules_test.o: CFLAGS += -DLABMOD_DIR='"$(B)/labmod/modules"'

$(B)/kernel.elf: $(OBJS) linker.ld scripts/kallsyms.py $(BUILD_STAMP)
	@$(if $(Q),echo "  LD      $@")
	$(call link-kallsyms,$@,$(OBJS))

# A grub.cfg from iso/grub.cfg.in whose multiboot2 line passes a command
# line to the kernel unchanged, or fails with the reason
# (scripts/grub_cfg.py: GRUB's quoting).  The text goes through a file,
# never through the shell or sed.
# $(call make-grub-cfg,OUT,CMDLINE_FILE)
define make-grub-cfg
	$(Q)$(PYTHON) scripts/grub_cfg.py iso/grub.cfg.in $(2) $(boot-modules) > $(1).tmp \
		|| { rm -f $(1).tmp; exit 1; }
	$(Q)mv $(1).tmp $(1)
endef

# The gdb helpers' constants (scripts/gdb/teachkernel.py loads them), from
# the headers: scripts/gdb/constants.c compiled to assembly with the
# kernel's flags, its "@@gdb-const" lines turned into Python.
$(B)/gdb/constants.s: scripts/gdb/constants.c $(BUILD_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $(GDB_CONSTANTS)")
	$(Q)$(CC) $(CFLAGS) -MMD -MP -S $< -o $@

$(GDB_CONSTANTS): $(B)/gdb/constants.s scripts/gdb/gen_constants.py
	$(Q)$(PYTHON) scripts/gdb/gen_constants.py $< > $@.tmp \
		|| { rm -f $@.tmp; exit 1; }
	$(Q)mv $@.tmp $@

# The ISO carries a copy without debug info: GRUB loads it faster.
# $(call make-iso,ISO,DIR,GRUB_CFG)
define make-iso
	@rm -rf $(2) && mkdir -p $(2)/boot/grub
	$(Q)$(OBJCOPY) --strip-debug $(B)/kernel.elf $(2)/boot/kernel.elf
	$(Q)cp $(3) $(2)/boot/grub/grub.cfg
	$(Q)$(call copy-boot-modules,$(2))
	$(Q)grub-mkrescue -o $(1) $(2) --install-modules="$(GRUB_MODULES)" \
		--locales= --fonts= --themes= >$(2).log 2>&1 \
		|| { cat $(2).log; exit 1; }
endef
GRUB_MODULES := multiboot2 multiboot normal iso9660 biosdisk configfile echo

# An ISO for one run with its own command line (make ktest, gdbtest):
# $(call make-run-iso,NAME,CMDLINE) builds $(B)/NAME.iso
define make-run-iso
	$(file >$(B)/$(1).cmdline,$(strip $(2)))
	$(call make-grub-cfg,$(B)/$(1).grub.cfg,$(B)/$(1).cmdline)
	$(call make-iso,$(B)/$(1).iso,$(B)/$(1)-iso,$(B)/$(1).grub.cfg)
endef

$(B)/grub.cfg: iso/grub.cfg.in scripts/grub_cfg.py $(CMDLINE_STAMP) $(MODULES_STAMP) \
		$(BOOT_MODULE_DEPS)
	$(call make-grub-cfg,$@,$(CMDLINE_STAMP))

## build build/kernel.iso (GRUB, multiboot2; CMDLINE= goes in its grub.cfg)
iso: $(B)/kernel.iso
$(B)/kernel.iso: $(B)/kernel.elf $(B)/grub.cfg $(BOOT_MODULE_DEPS)
	@$(if $(Q),echo "  ISO     $@")
	$(call make-iso,$@,$(B)/iso,$(B)/grub.cfg)

QEMU_BASE := $(QEMU) -m $(MEM) -smp $(SMP) -no-reboot \
	$(if $(filter 1,$(KVM)),-enable-kvm -cpu host,-cpu max)
HAVE_DISPLAY := $(if $(DISPLAY)$(WAYLAND_DISPLAY),1,)

## install the missing tools if any (run, test do it first)
check-tools:
	$(Q)scripts/deps.sh --check-or-install

## install missing tools, build, boot in QEMU (serial here; VGA window with a display)
run: check-tools
	$(Q)$(MAKE) --no-print-directory $(B)/kernel.iso
	$(QEMU_BASE) -cdrom $(B)/kernel.iso -serial mon:stdio \
		$(if $(HAVE_DISPLAY),,-display none)

## boot the ISO with a VGA window, serial on this terminal
qemu: $(B)/kernel.iso
	$(QEMU_BASE) -cdrom $< -serial mon:stdio

## boot the ISO without a window, serial on this terminal
qemu-nox: $(B)/kernel.iso
	$(QEMU_BASE) -cdrom $< -serial mon:stdio -display none

## boot paused with QEMU's gdb stub on GDBPORT; write .gdbinit
qemu-gdb: $(B)/kernel.iso $(GDB_CONSTANTS)
	$(Q)sed -e 's|@GDBPORT@|$(GDBPORT)|' scripts/gdbinit.in > .gdbinit
	$(file >$(B)/gdb/module-dirs,$(sort $(abspath $(dir $(boot-modules)))))
	@echo "*** QEMU is paused with its gdb stub on localhost:$(GDBPORT)."
	@echo "*** In another terminal, in this folder: make gdb"
	$(QEMU_BASE) -cdrom $< -serial mon:stdio -display none -S -gdb tcp::$(GDBPORT)

# gdb reads ./.gdbinit by itself once this folder is on its auto-load
# safe-path (passing it with -x as well would run it twice: two "target
# remote", and the second one drops the first connection).
## start gdb attached to make qemu-gdb (symbols, lx- helpers)
gdb: $(GDB_CONSTANTS)
	$(Q)sed -e 's|@GDBPORT@|$(GDBPORT)|' scripts/gdbinit.in > .gdbinit
	$(GDB) -q -iex "add-auto-load-safe-path $(CURDIR)"

# One boot that runs the suites matching T at memory size MEM.
# KTEST_NAME names the ISO and the log (make test runs several at once).
# The test kernel runs with slab debugging on for every cache.
KTEST_SLAB_DEBUG ?= slab_debug=FZPU
# kmemleak is on unless the command line says kmemleak=off (make bench does)
KTEST_KMEMLEAK ?=
KTEST_CMDLINE = ktest=$(T) ktest_mem=$(MEM) ktest_smp=$(SMP) $(KTEST_SLAB_DEBUG) $(KTEST_KMEMLEAK) $(CMDLINE)
KTEST_NAME ?= ktest
## one boot running the in-kernel suites matching T at MEM; KTAP, log in build/ktest.log
ktest: $(B)/kernel.elf iso/grub.cfg.in scripts/grub_cfg.py $(BOOT_MODULE_DEPS)
	@echo "  ISO     $(B)/$(KTEST_NAME).iso (ktest=$(T))"
	$(call make-run-iso,$(KTEST_NAME),$(KTEST_CMDLINE))
	$(Q)$(PYTHON) scripts/ktest.py --iso $(B)/$(KTEST_NAME).iso --mem $(MEM) \
		--smp $(SMP) --timeout $(KTEST_TIMEOUT) --log $(B)/$(KTEST_NAME).log \
		--kvm $(KVM) $(KTEST_ARGS)

# In-kernel benchmarks: one boot running the suites named bench*
# (<kunit/bench.h>), without slab debugging, kmemleak or the lock
# validator, then a table and build/bench/kernel.tsv.
## BENCH_T=GLOB  the benchmark suites make bench runs, default bench*
BENCH_T ?= bench*
## in-kernel benchmarks, cycles per operation (build/bench/kernel.tsv)
bench: $(B)/kernel.elf
	$(Q)$(MAKE) --no-print-directory ktest T='$(BENCH_T)' KTEST_NAME=bench \
		KTEST_SLAB_DEBUG= KTEST_KMEMLEAK=kmemleak=off KTEST_ARGS="--echo none" \
		CMDLINE="lockdep=off $(CMDLINE)"
	$(Q)$(PYTHON) scripts/bench.py $(B)/bench.log $(B)/bench/kernel.tsv

# kmalloc on every CPU at once (tests/kernel/slab_smp_bench.c): boots at
# SMP=1 and SMP=2 in turn, BENCH_SMP_RUNS times, then the median per-CPU
# rate of each and their ratio (docs/performance.md).  Each boot's table
# goes to $(B)/bench/smp.log.
## BENCH_SMP_RUNS=N  make bench-smp's boots at each CPU count, default 3
BENCH_SMP_RUNS ?= 3
## per-CPU kmalloc pairs/s at SMP=1 and SMP=2 (boots in turn) and their ratio
bench-smp: $(B)/kernel.elf
	$(Q)mkdir -p $(B)/bench && rm -f $(B)/bench/smp*-run*.tsv $(B)/bench/smp.log
	$(Q)for i in $$(seq $(BENCH_SMP_RUNS)); do for n in 1 2; do \
		echo "  BENCH   SMP=$$n, boot $$i of $(BENCH_SMP_RUNS)"; \
		$(MAKE) --no-print-directory bench SMP=$$n BENCH_T='bench_slab*' \
			>>$(B)/bench/smp.log 2>&1 && \
		cp $(B)/bench/kernel_smp.tsv $(B)/bench/smp$$n-run$$i.tsv || \
		{ tail -20 $(B)/bench/smp.log; exit 1; }; \
	done; done
	$(Q)$(PYTHON) scripts/bench.py --smp $(B)/bench/smp1-run*.tsv -- $(B)/bench/smp2-run*.tsv

# KASAN's cost: make bench, then make KASAN=1 bench (build/kasan), one
# after the other on the same machine, and the rows side by side with
# their ratios (docs/performance.md).
## make bench and make KASAN=1 bench in one go: cycles per op side by side
bench-kasan:
	$(Q)$(MAKE) --no-print-directory bench KASAN=0
	$(Q)$(MAKE) --no-print-directory bench KASAN=1 B=$(B)/kasan
	$(Q)$(PYTHON) scripts/bench_kasan.py $(B)/bench/kernel.tsv $(B)/kasan/bench/kernel.tsv

# The README's picture of memmap, taken from the running kernel.
## SCREENSHOT=FILE  where make screenshot writes its PNG, default docs/memmap.png
SCREENSHOT ?= docs/memmap.png
## retake docs/memmap.png from the running kernel (SCREENSHOT=FILE elsewhere)
screenshot: $(B)/kernel.iso
	$(Q)$(PYTHON) scripts/screenshot.py --iso $(B)/kernel.iso --out $(SCREENSHOT) \
		--kvm $(KVM) --smp $(SMP) --qemu $(QEMU)

# Boot time: QEMU start to the kernel's first line, beside GRUB alone
# (docs/performance.md).  BOOT_RUNS boots of each after a warm-up.
## BOOT_RUNS=N  make bench-boot's boots of each kind, default 10
BOOT_RUNS ?= 10
## boot time against GRUB alone, BOOT_RUNS boots each
bench-boot: $(B)/kernel.iso
	$(Q)$(PYTHON) scripts/boottime.py --iso $(B)/kernel.iso \
		--kernel $(B)/kernel.elf --grub-modules "$(GRUB_MODULES)" \
		--objcopy $(OBJCOPY) --nasm $(NASM) --qemu $(QEMU) \
		--mem $(MEM) --smp $(SMP) --runs $(BOOT_RUNS) --kvm $(KVM) \
		--workdir $(B)/boottime

# The scripted gdb session (scripts/gdb_session.py): boots the suite
# selftest_gdb paused under gdb, steps through a kmalloc and checks that
# every lx- helper prints what the kernel printed for the same state.
GDBTEST_TIMEOUT ?= 120
## GDBTEST_SMP="N ..."  make gdbtest's sessions, one per CPU count: default 1 and 4 (SMP= given: that one)
GDBTEST_SMP ?= $(if $(filter command line environment,$(origin SMP)),$(SMP),1 4)
# It boots with an example module, built out of tree, which the case loads
# (gdb stops in its init through lx-symbols).
GDBTEST_MODULE := examples/modules/kmalloc_param.ko
gdbtest: override MODULES = $(GDBTEST_MODULE)
## the scripted gdb session: steps through kmalloc and into a module's init, checks every lx- helper
gdbtest: $(B)/kernel.elf $(GDB_CONSTANTS) iso/grub.cfg.in scripts/grub_cfg.py
	$(Q)$(MAKE) --no-print-directory M=examples/modules modules
	@echo "  ISO     $(B)/gdbtest.iso (ktest=selftest_gdb, $(GDBTEST_MODULE))"
	$(call make-run-iso,gdbtest,ktest=selftest_gdb)
	$(Q)$(PYTHON) scripts/gdb_session.py --iso $(B)/gdbtest.iso \
		--elf $(B)/kernel.elf --iso-elf $(B)/gdbtest-iso/boot/kernel.elf \
		--gdb $(GDB) --qemu $(QEMU) $(foreach n,$(GDBTEST_SMP),--smp $(n)) \
		--timeout $(GDBTEST_TIMEOUT) \
		--prefix $(B)/gdbtest

# Labs (labs/NAME/): grade one in this tree, or write its student tree.
# SUBMISSION= (a student tree or a patch against the handout) grades only
# that lab's regions of it, in a pristine copy of this tree; grade-all
# grades every tree or patch of the folder SUBMISSIONS= and writes a CSV
# (CSV=, default build/grade/LAB/grades.csv).
## LAB=NAME  the lab of make grade / grade-all / lab-handout (labs/NAME/)
LAB	?=
## OUT=DIR  where make lab-handout writes the student tree
OUT	?=
## SUBMISSION=PATH  make grade: a student tree or patch, graded in a pristine copy of this tree
SUBMISSION ?=
## SUBMISSIONS=DIR  make grade-all: a folder of student trees or patches
SUBMISSIONS ?=
## CSV=FILE  make grade-all: where the grades go (build/grade/LAB/grades.csv)
CSV	?=
## build, boot once and score a lab out of 100 (LAB=name; SUBMISSION= grades a student's work)
grade:
	$(Q)$(PYTHON) scripts/grade.py $(LAB) $(if $(SUBMISSION),--submission "$(SUBMISSION)")

## grade every submission in SUBMISSIONS=dir for LAB=name: a CSV and a summary
grade-all:
	$(Q)$(PYTHON) scripts/grade.py $(LAB) --all "$(SUBMISSIONS)" $(if $(CSV),--csv "$(CSV)")

## write a student tree for LAB=name into OUT=dir, solutions replaced by stubs
lab-handout:
	$(Q)$(PYTHON) scripts/lab_handout.py $(LAB) $(OUT)

include tests/host/host.mk
include tests/fuzz/fuzz.mk

## every test: host, in-kernel at each memory size, boot checks, shell, labs, gdb; ends "N passed, N failed"
test: check-tools
	$(Q)scripts/run-tests.sh

## boots with a wrong loader, a 32-bit CPU, bad parameters; checks the messages
boot-checks: $(B)/kernel.elf
	$(Q)$(PYTHON) scripts/boot_checks.py --qemu $(QEMU) --kvm $(KVM) --smp $(SMP)

## install the toolchain from the distribution's packages
deps:
	$(Q)scripts/deps.sh --install

## write compile_commands.json for clangd
compile_commands.json:
	$(Q)$(PYTHON) scripts/gen_compile_commands.py "$(CC)" "$(CFLAGS)" $(C_SRCS) > $@
	@echo "  GEN     $@ ($(words $(C_SRCS)) files)"

ifeq ($(M),)
## remove build/ (with M=DIR: what make M=DIR modules made)
clean:
	rm -rf $(B) .gdbinit
endif

## this list
help:
	@echo "make TARGET [VARIABLE=VALUE ...]   (README.md: Quick start, Make targets)"
	@echo
	@echo "Targets:"
	@awk '/^## /{d=substr($$0,4);next} d!="" && /^[a-z][a-zA-Z0-9_.-]*:/{sub(/:.*/,"");printf "  %-22s %s\n",$$0,d} {d=""}' $(MAKEFILE_LIST)
	@echo
	@echo "Variables:"
	@awk '/^## [A-Z_]+=/{d=substr($$0,4);n=index(d,"  ");printf "  %-22s %s\n",substr(d,1,n-1),substr(d,n+2)}' $(MAKEFILE_LIST)

# The test and lab modules' header dependencies too: a struct changed in
# a kernel header must rebuild them, as they are loaded into the new
# kernel.  A module without its .d file (built before there were any) is
# rebuilt once.
-include $(DEPS) $(TESTMODS:.ko=.d) $(LABMODS:.ko=.d)
$(TESTMODS:.ko=.d) $(LABMODS:.ko=.d): ;
