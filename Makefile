# SPDX-License-Identifier: GPL-2.0
#
# teachkernel: build, boot, test.  `make help` lists the targets; the
# contract for their names is ../shared/SPEC.md section 2.
#
# The kernel is built with the host's GNU toolchain used as a cross
# toolchain (CROSS_COMPILE=x86_64-elf- picks another), NASM for the
# assembly, and linked three times so that it carries its own symbol
# table for backtraces (scripts/kallsyms.py explains why).

CROSS_COMPILE ?=
CC	:= $(CROSS_COMPILE)gcc
LD	:= $(CROSS_COMPILE)ld
NM	:= $(CROSS_COMPILE)nm
OBJCOPY	:= $(CROSS_COMPILE)objcopy
NASM	?= nasm
PYTHON	?= python3
QEMU	?= qemu-system-x86_64
GDB	?= gdb

MEM	?= 512M
SMP	?= 1
T	?= *
CMDLINE	?=
KTEST_TIMEOUT ?= 300
# xv6's trick: a per-user port, so students on one machine do not collide
GDBPORT	?= $(shell expr `id -u` % 5000 + 25000)
# KVM when /dev/kvm is usable and we are not ourselves inside a virtual
# machine: nested KVM makes every port I/O (each serial byte) a trip
# through two hypervisors, and measured here it ran the tests 25 times
# slower than TCG.  KVM=1 forces it.
KVM	?= $(shell [ -w /dev/kvm ] && ! grep -qw hypervisor /proc/cpuinfo && echo 1 || echo 0)

ifeq ($(V),1)
Q :=
else
Q := @
endif

B := build
O := $(B)/obj

CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -nostdlib -nostdinc \
	  -isystem $(shell $(CC) -print-file-name=include) \
	  -mno-red-zone -mcmodel=kernel -mno-sse -mno-mmx -mno-sse2 -mno-avx \
	  -fno-pic -fno-pie -fno-stack-protector -fno-omit-frame-pointer \
	  -mno-omit-leaf-frame-pointer -fno-asynchronous-unwind-tables \
	  -fno-tree-loop-distribute-patterns -fno-common -fno-delete-null-pointer-checks \
	  -g -O2 -Wall -Wextra -Wno-unused-parameter \
	  -Iinclude -Iarch/x86_64/include $(EXTRA_CFLAGS)
NASMFLAGS := -f elf64 -g -F dwarf
LDFLAGS := -nostdlib -z max-page-size=0x1000 -z noexecstack -T linker.ld

C_SRCS := $(sort $(wildcard arch/x86_64/*.c kernel/*.c kernel/*/*.c lib/*.c mm/*.c) \
	  $(shell find tests/kernel -name '*.c' 2>/dev/null))
ASM_SRCS := $(sort $(wildcard boot/*.asm arch/x86_64/*.asm))
OBJS := $(C_SRCS:%.c=$(O)/%.o) $(ASM_SRCS:%.asm=$(O)/%.o)
DEPS := $(OBJS:.o=.d)

.PHONY: all iso run qemu qemu-nox qemu-gdb gdb test ktest htest bench \
	bench-host deps grade grade-all lab-handout clean help compile_commands.json \
	check-tools boot-checks bench-boot screenshot gdbtest
.DEFAULT_GOAL := all

all: $(B)/kernel.elf

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(O)/%.o: %.asm
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

$(B)/kernel.elf: $(OBJS) linker.ld scripts/kallsyms.py
	@$(if $(Q),echo "  LD      $@")
	$(call link-kallsyms,$@,$(OBJS))

# The ISO carries a copy without debug info: GRUB loads it faster.
# $(call make-iso,ISO,DIR,CMDLINE)
define make-iso
	@rm -rf $(2) && mkdir -p $(2)/boot/grub
	$(Q)$(OBJCOPY) --strip-debug $(B)/kernel.elf $(2)/boot/kernel.elf
	$(Q)sed -e 's|@CMDLINE@|$(3)|' iso/grub.cfg.in > $(2)/boot/grub/grub.cfg
	$(Q)grub-mkrescue -o $(1) $(2) --install-modules="$(GRUB_MODULES)" \
		--locales= --fonts= --themes= >$(2).log 2>&1 \
		|| { cat $(2).log; exit 1; }
endef
GRUB_MODULES := multiboot2 multiboot normal iso9660 biosdisk configfile echo

iso: $(B)/kernel.iso
$(B)/kernel.iso: $(B)/kernel.elf iso/grub.cfg.in
	@$(if $(Q),echo "  ISO     $@")
	$(call make-iso,$@,$(B)/iso,$(RUN_CMDLINE))

RUN_CMDLINE := $(CMDLINE)
QEMU_BASE := $(QEMU) -m $(MEM) -smp $(SMP) -no-reboot \
	$(if $(filter 1,$(KVM)),-enable-kvm -cpu host,-cpu max)
HAVE_DISPLAY := $(if $(DISPLAY)$(WAYLAND_DISPLAY),1,)

check-tools:
	$(Q)scripts/deps.sh --check-or-install

run: check-tools
	$(Q)$(MAKE) --no-print-directory $(B)/kernel.iso
	$(QEMU_BASE) -cdrom $(B)/kernel.iso -serial mon:stdio \
		$(if $(HAVE_DISPLAY),,-display none)

qemu: $(B)/kernel.iso
	$(QEMU_BASE) -cdrom $< -serial mon:stdio

qemu-nox: $(B)/kernel.iso
	$(QEMU_BASE) -cdrom $< -serial mon:stdio -display none

qemu-gdb: $(B)/kernel.iso
	$(Q)sed -e 's|@GDBPORT@|$(GDBPORT)|' scripts/gdbinit.in > .gdbinit
	@echo "*** QEMU is paused with its gdb stub on localhost:$(GDBPORT)."
	@echo "*** In another terminal, in this folder: make gdb"
	$(QEMU_BASE) -cdrom $< -serial mon:stdio -display none -S -gdb tcp::$(GDBPORT)

# gdb reads ./.gdbinit by itself once this folder is on its auto-load
# safe-path (passing it with -x as well would run it twice: two "target
# remote", and the second one drops the first connection).
gdb:
	$(Q)sed -e 's|@GDBPORT@|$(GDBPORT)|' scripts/gdbinit.in > .gdbinit
	$(GDB) -q -iex "add-auto-load-safe-path $(CURDIR)"

# One boot that runs the suites matching T at memory size MEM.
# KTEST_NAME names the ISO and the log (make test runs several at once).
# The test kernel runs with slab debugging on for every cache.
KTEST_SLAB_DEBUG ?= slab_debug=FZPU
KTEST_CMDLINE = ktest=$(T) ktest_mem=$(MEM) $(KTEST_SLAB_DEBUG) $(CMDLINE)
KTEST_NAME ?= ktest
ktest: $(B)/kernel.elf iso/grub.cfg.in
	@echo "  ISO     $(B)/$(KTEST_NAME).iso (ktest=$(T))"
	$(call make-iso,$(B)/$(KTEST_NAME).iso,$(B)/$(KTEST_NAME)-iso,$(KTEST_CMDLINE))
	$(Q)$(PYTHON) scripts/ktest.py --iso $(B)/$(KTEST_NAME).iso --mem $(MEM) \
		--smp $(SMP) --timeout $(KTEST_TIMEOUT) --log $(B)/$(KTEST_NAME).log \
		--kvm $(KVM) $(KTEST_ARGS)

# In-kernel benchmarks: one boot running the suites named bench*
# (<kunit/bench.h>), without slab debugging, then a table and
# build/bench/kernel.tsv.
bench: $(B)/kernel.elf
	$(Q)$(MAKE) --no-print-directory ktest T='bench*' KTEST_NAME=bench \
		KTEST_SLAB_DEBUG= KTEST_ARGS="--echo none"
	$(Q)$(PYTHON) scripts/bench.py $(B)/bench.log $(B)/bench/kernel.tsv

# The README's picture of memmap, taken from the running kernel.
screenshot: $(B)/kernel.iso
	$(Q)$(PYTHON) scripts/screenshot.py --iso $(B)/kernel.iso --out docs/memmap.png

# Boot time: QEMU start to the kernel's first line, beside GRUB alone
# (docs/performance.md).  BOOT_RUNS boots of each after a warm-up.
BOOT_RUNS ?= 10
bench-boot: $(B)/kernel.iso
	$(Q)$(PYTHON) scripts/boottime.py --iso $(B)/kernel.iso \
		--kernel $(B)/kernel.elf --grub-modules "$(GRUB_MODULES)" \
		--objcopy $(OBJCOPY) --nasm $(NASM) --qemu $(QEMU) \
		--mem $(MEM) --runs $(BOOT_RUNS) --kvm $(KVM) \
		--workdir $(B)/boottime

# The scripted gdb session (scripts/gdb_session.py): boots the suite
# selftest_gdb paused under gdb, steps through a kmalloc and checks that
# every lx- helper prints what the kernel printed for the same state.
GDBTEST_TIMEOUT ?= 120
gdbtest: $(B)/kernel.elf iso/grub.cfg.in
	@echo "  ISO     $(B)/gdbtest.iso (ktest=selftest_gdb)"
	$(call make-iso,$(B)/gdbtest.iso,$(B)/gdbtest-iso,ktest=selftest_gdb)
	$(Q)$(PYTHON) scripts/gdb_session.py --iso $(B)/gdbtest.iso \
		--elf $(B)/kernel.elf --iso-elf $(B)/gdbtest-iso/boot/kernel.elf \
		--gdb $(GDB) --qemu $(QEMU) --timeout $(GDBTEST_TIMEOUT) \
		--prefix $(B)/gdbtest

# Labs (labs/NAME/): grade one in this tree, or write its student tree.
# SUBMISSION= (a student tree or a patch against the handout) grades only
# that lab's regions of it, in a pristine copy of this tree; grade-all
# grades every tree or patch of the folder SUBMISSIONS= and writes a CSV
# (CSV=, default build/grade/LAB/grades.csv).
LAB	?=
OUT	?=
SUBMISSION ?=
SUBMISSIONS ?=
CSV	?=
grade:
	$(Q)$(PYTHON) scripts/grade.py $(LAB) $(if $(SUBMISSION),--submission "$(SUBMISSION)")

grade-all:
	$(Q)$(PYTHON) scripts/grade.py $(LAB) --all "$(SUBMISSIONS)" $(if $(CSV),--csv "$(CSV)")

lab-handout:
	$(Q)$(PYTHON) scripts/lab_handout.py $(LAB) $(OUT)

include tests/host/host.mk

test: check-tools
	$(Q)scripts/run-tests.sh

boot-checks: $(B)/kernel.elf
	$(Q)$(PYTHON) scripts/boot_checks.py

deps:
	$(Q)scripts/deps.sh --install

compile_commands.json:
	$(Q)$(PYTHON) scripts/gen_compile_commands.py "$(CC)" "$(CFLAGS)" $(C_SRCS) > $@
	@echo "  GEN     $@ ($(words $(C_SRCS)) files)"

clean:
	rm -rf $(B) .gdbinit

help:
	@sed -n '/^## /s/^## //p' README.md 2>/dev/null | head -1
	@echo "make [all|iso|run|qemu|qemu-nox|qemu-gdb|gdb|test|ktest|htest|gdbtest|bench|bench-host|bench-boot|boot-checks|screenshot|grade|lab-handout|deps|compile_commands.json|clean]"
	@echo "variables: V=1 CROSS_COMPILE= MEM= SMP= T= CMDLINE= GDBPORT= KVM=0|1"

-include $(DEPS)
