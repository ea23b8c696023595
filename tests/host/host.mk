# SPDX-License-Identifier: GPL-2.0
#
# Host unit tests: kernel code from lib/ and kernel/ compiled for the
# build machine with AddressSanitizer and UBSan, linked with cmocka test
# files (tests/host/test_*.c), one binary per test file.
#
# Included by the top-level Makefile; also works alone from the repo root:
#	make -f tests/host/host.mk htest
#
# How the kernel code can live in a host program: every kernel name that
# glibc also has (memcpy, snprintf, ...) is renamed to kern_NAME by the
# force-included tests/host/host_rename.h; see the comment there.
#
# mm/ needs more than renaming: it includes <asm/irqflags.h>,
# <asm/page.h> and (vmalloc, pgtable) <asm/tlbflush.h>.  tests/host/arch/ comes before arch/x86_64/include on the
# include path and holds the host's versions of those few arch headers
# (the interrupt flag is a variable; PAGE_OFFSET is the address of an
# mmap'ed region standing in for physical memory, tests/host/fake_ram.c;
# TLB flushes are no-ops).  vmalloc's page tables are ordinary pages of
# the fake RAM, walked in software; its addresses (VMALLOC_START..) are
# not mapped in the host process, so host code never dereferences them.
# Any other arch header is the kernel's own.
#
# Targets:
#	htest-build	build every test binary into build/host/
#	htest		build, run every binary (and tests/host/test_*.py if
#			any), print "htest: N passed, N failed", fail if N > 0
#	bench-host	the allocators built for the host (-O2, no
#			sanitizers), tests/bench/host_bench.c run under
#			callgrind by scripts/bench-host.py: a table, and
#			build/bench/host.tsv (name<TAB>instructions_per_op);
#			the peers (glibc, jemalloc, mimalloc, tcmalloc:
#			tests/bench/peer_bench.c, one binary each) in the
#			same run and table; then tests/bench/slab_frag.c:
#			kmalloc's bytes used per byte asked for a realistic
#			mix of sizes
#
# To test more kernel code on the host, add its sources to
# HTEST_KERNEL_SRCS before this file is included.  The kernel and support
# objects are linked through an archive, so a test binary pulls in only
# the files it uses (test_vsprintf does not need the page allocator, nor
# its fakes).  All names here start with HTEST_ or HBENCH_ so they cannot
# collide with the kernel build's variables.

HOSTCC ?= gcc

# Keep the includer's default goal: this fragment must not become "make".
HTEST_SAVED_GOAL := $(.DEFAULT_GOAL)

HTEST_ROOT := $(CURDIR)
HTEST_DIR := $(HTEST_ROOT)/tests/host
HTEST_OUT := $(HTEST_ROOT)/build/host

HOSTAR ?= ar

# The page and slab allocators and what they call: mm/ is portable C.
HTEST_MM_SRCS := mm/memblock.c mm/page_alloc.c mm/mm_init.c mm/debug.c \
		 mm/slub.c mm/slub_debug.c mm/slab_common.c lib/seq_buf.c \
		 mm/vmalloc.c mm/pgtable.c mm/util.c lib/avltree.c lib/stackdepot.c
HTEST_KERNEL_SRCS += lib/string.c lib/kstrtox.c lib/vsprintf.c lib/cmdline.c \
		     lib/hexdump.c kernel/params.c \
		     lib/random.c kernel/multiboot2.c kernel/fault-inject.c \
		     kernel/locking/spinlock.c kernel/sched/wait.c kernel/shell_parse.c \
		     kernel/module/elf.c kernel/module/taint.c \
		     $(HTEST_MM_SRCS)
HTEST_SUPPORT_SRCS := tests/host/fake_kernel.c tests/host/host_libc.c \
		      tests/host/fake_ram.c tests/host/fake_boot.c \
		      tests/host/slab_model.c

# Shared by the tests and the benchmark: freestanding kernel C, renamed.
HTEST_COMMON_CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -g -Wall -Wextra \
		-Wno-unused-parameter \
		-fno-omit-frame-pointer \
		-I$(HTEST_ROOT)/include -I$(HTEST_DIR)/arch \
		-I$(HTEST_ROOT)/arch/x86_64/include \
		-include $(HTEST_DIR)/host_rename.h
HTEST_CFLAGS := $(HTEST_COMMON_CFLAGS) -O1 \
		-fsanitize=address,undefined -fno-sanitize-recover=all \
		$(HTEST_EXTRA_CFLAGS)
HTEST_LDFLAGS := -fsanitize=address,undefined
HTEST_LDLIBS := -lcmocka

HTEST_LIB_OBJS := $(patsubst %.c,$(HTEST_OUT)/obj/%.o,$(HTEST_KERNEL_SRCS) $(HTEST_SUPPORT_SRCS))
HTEST_LIB := $(HTEST_OUT)/libkernel.a
HTEST_NAMES := $(sort $(basename $(notdir $(wildcard $(HTEST_DIR)/test_*.c))))
HTEST_TEST_OBJS := $(HTEST_NAMES:%=$(HTEST_OUT)/obj/tests/host/%.o)
HTEST_BINS := $(HTEST_NAMES:%=$(HTEST_OUT)/%)

HTEST_Q := $(if $(filter 1,$(V)),,@)

.PHONY: htest htest-build bench-host

htest-build: $(HTEST_BINS)

## host unit tests only (cmocka and Python, under ASan and UBSan)
htest: htest-build
	$(HTEST_Q)sh $(HTEST_DIR)/run-htest.sh $(HTEST_ROOT) $(HTEST_BINS)

$(HTEST_LIB_OBJS) $(HTEST_TEST_OBJS): $(HTEST_OUT)/obj/%.o: $(HTEST_ROOT)/%.c
	@mkdir -p $(dir $@)
	$(if $(HTEST_Q),@echo "  HOSTCC  $*.c")
	$(HTEST_Q)$(HOSTCC) $(HTEST_CFLAGS) -MMD -MP -c $< -o $@

$(HTEST_LIB): $(HTEST_LIB_OBJS)
	$(HTEST_Q)rm -f $@ && $(HOSTAR) rcs $@ $^

$(HTEST_BINS): $(HTEST_OUT)/%: $(HTEST_OUT)/obj/tests/host/%.o $(HTEST_LIB)
	$(if $(HTEST_Q),@echo "  HOSTLD  build/host/$*")
	$(HTEST_Q)$(HOSTCC) $(HTEST_LDFLAGS) $^ $(HTEST_LDLIBS) -o $@

-include $(HTEST_LIB_OBJS:.o=.d) $(HTEST_TEST_OBJS:.o=.d)

# ---- bench-host: instructions per operation under callgrind ----
#
# The same kernel sources as the tests, optimized as the kernel is (-O2)
# and without sanitizers; each benchmark row is a bench_NAME() function
# in tests/bench/host_bench.c (see the comment there to add one).

HBENCH_OUT := $(HTEST_ROOT)/build/bench
# Not position-independent, as the kernel is not (-mcmodel=kernel): a
# table is indexed with its absolute address, not a RIP-relative lea.
HBENCH_CFLAGS := $(HTEST_COMMON_CFLAGS) -O2 -mno-sse -mno-mmx -mno-sse2 -fno-pie
HBENCH_LDFLAGS := -no-pie
HBENCH_LIB_OBJS := $(patsubst %.c,$(HBENCH_OUT)/obj/%.o,$(HTEST_KERNEL_SRCS) $(HTEST_SUPPORT_SRCS))
HBENCH_LIB := $(HBENCH_OUT)/libkernel.a
HBENCH_MAIN_OBJ := $(HBENCH_OUT)/obj/tests/bench/host_bench.o
HBENCH_BIN := $(HBENCH_OUT)/host_bench
# kmalloc's memory efficiency (bytes used per byte asked), printed after
# the instruction counts: tests/bench/slab_frag.c.
HBENCH_FRAG_OBJ := $(HBENCH_OUT)/obj/tests/bench/slab_frag.o
HBENCH_FRAG_BIN := $(HBENCH_OUT)/slab_frag

# The peers: tests/bench/peer_bench.c linked with one malloc each, in
# its own binary, so no two interpose on each other.  NAME:LIBRARY; a
# peer whose library the compiler cannot find (make deps installs them)
# is passed as "--peer NAME=" and shown as missing.
HBENCH_PEERS := glibc: jemalloc:jemalloc mimalloc:mimalloc \
		tcmalloc:tcmalloc_minimal
hbench_peer_lib = $(word 2,$(subst :, ,$(1)))
hbench_have_lib = $(if $(1),$(filter /%,$(shell $(HOSTCC) -print-file-name=lib$(1).so)),ok)
HBENCH_PEER_NAMES := $(foreach p,$(HBENCH_PEERS),$(word 1,$(subst :, ,$(p))))
HBENCH_PEERS_FOUND := $(foreach p,$(HBENCH_PEERS),$(if $(call hbench_have_lib,$(call hbench_peer_lib,$(p))),$(word 1,$(subst :, ,$(p)))))
HBENCH_PEER_BINS := $(HBENCH_PEERS_FOUND:%=$(HBENCH_OUT)/peer_%)
HBENCH_PEER_ARGS := $(foreach p,$(HBENCH_PEER_NAMES),--peer $(p)=$(if $(filter $(p),$(HBENCH_PEERS_FOUND)),$(HBENCH_OUT)/peer_$(p)))

## the allocators on the host under callgrind, beside glibc, jemalloc, mimalloc, tcmalloc (build/bench/host.tsv)
bench-host: $(HBENCH_BIN) $(HBENCH_FRAG_BIN) $(HBENCH_PEER_BINS)
	$(HTEST_Q)python3 $(HTEST_ROOT)/scripts/bench-host.py $(HBENCH_BIN) \
		$(HBENCH_OUT)/host.tsv $(HBENCH_PEER_ARGS)
	$(HTEST_Q)$(HBENCH_FRAG_BIN)

# Ordinary host C at -O2, calls through the GOT (see peer_bench.c).
$(HBENCH_OUT)/peer_%: $(HTEST_ROOT)/tests/bench/peer_bench.c \
		      $(HTEST_ROOT)/include/kernel/kmalloc_mix.h
	@mkdir -p $(dir $@)
	$(if $(HTEST_Q),@echo "  HOSTCC  build/bench/peer_$*")
	$(HTEST_Q)$(HOSTCC) -O2 -fno-plt -Wall -Wextra -DPEER_NAME='"$*"' $< \
		-o $@ $(addprefix -l,$(call hbench_peer_lib,$(filter $*:%,$(HBENCH_PEERS))))

$(HBENCH_LIB_OBJS) $(HBENCH_MAIN_OBJ) $(HBENCH_FRAG_OBJ): $(HBENCH_OUT)/obj/%.o: $(HTEST_ROOT)/%.c
	@mkdir -p $(dir $@)
	$(if $(HTEST_Q),@echo "  HOSTCC  $*.c (bench)")
	$(HTEST_Q)$(HOSTCC) $(HBENCH_CFLAGS) -MMD -MP -c $< -o $@

$(HBENCH_LIB): $(HBENCH_LIB_OBJS)
	$(HTEST_Q)rm -f $@ && $(HOSTAR) rcs $@ $^

$(HBENCH_BIN): $(HBENCH_MAIN_OBJ) $(HBENCH_LIB)
	$(if $(HTEST_Q),@echo "  HOSTLD  build/bench/host_bench")
	$(HTEST_Q)$(HOSTCC) $(HBENCH_LDFLAGS) $^ -o $@

$(HBENCH_FRAG_BIN): $(HBENCH_FRAG_OBJ) $(HBENCH_LIB)
	$(if $(HTEST_Q),@echo "  HOSTLD  build/bench/slab_frag")
	$(HTEST_Q)$(HOSTCC) $(HBENCH_LDFLAGS) $^ -o $@

-include $(HBENCH_LIB_OBJS:.o=.d) $(HBENCH_MAIN_OBJ:.o=.d) $(HBENCH_FRAG_OBJ:.o=.d)

.DEFAULT_GOAL := $(HTEST_SAVED_GOAL)
