# SPDX-License-Identifier: GPL-2.0
#
# Fuzzing: kernel parsers compiled for the build machine with clang's
# libFuzzer, AddressSanitizer and UBSan.  Included by the top-level
# Makefile after tests/host/host.mk, whose flags and fakes it reuses (the
# kern_NAME renaming, tests/host/arch, fake printk and kallsyms).
#
# A target is one file tests/fuzz/NAME_fuzz.c defining
# LLVMFuzzerTestOneInput().  The kernel sources it needs are named in a
# comment line of the form
#
#	// fuzz-srcs: lib/vsprintf.c lib/string.c
#
# (paths from the repository root).  Those objects are linked first; the
# rest comes from an archive of the host tests' kernel sources and fakes,
# so only what is used gets pulled in.  Its seed corpus lives in
# tests/fuzz/corpus/NAME/.  Nothing else needs registering: a new
# *_fuzz.c file is built and run by every target below.
#
# Targets:
#	fuzz-build	build every target into build/fuzz/NAME_fuzz
#	fuzz		run each for FUZZ_TIME seconds (default 60); new
#			inputs go to build/fuzz/corpus/NAME, the tree's
#			corpus is only read.  FUZZ=NAME runs one target.
#	fuzz-test	what `make test` runs: each for FUZZ_TEST_TIME
#			seconds (default 10) on a fresh directory; a crash
#			is a failure (its input and the command that
#			reproduces it are printed); "fuzz: N passed, N failed"
#	fuzz-merge	add the inputs of build/fuzz/corpus/NAME that reach
#			code no seed reaches to tests/fuzz/corpus/NAME
#			(then commit them)
#
# All names here start with FUZZ_ so they cannot collide with the kernel
# build's or host.mk's variables.

FUZZ_SAVED_GOAL := $(.DEFAULT_GOAL)

FUZZ_CC ?= clang
## FUZZ_TIME=SECONDS  how long make fuzz runs each target, default 60
FUZZ_TIME ?= 60
FUZZ_TEST_TIME ?= 10
## FUZZ=NAME  the one fuzz target to run (tests/fuzz/NAME_fuzz.c)
FUZZ ?=

FUZZ_DIR := $(HTEST_ROOT)/tests/fuzz
FUZZ_OUT := $(HTEST_ROOT)/build/fuzz

# The host tests' compiler flags, with coverage feedback for libFuzzer in
# every object; only the final link brings libFuzzer's main().
FUZZ_CFLAGS := $(HTEST_COMMON_CFLAGS) -I$(HTEST_DIR) -O1 \
	       -fsanitize=fuzzer-no-link,address,undefined \
	       -fno-sanitize-recover=all
FUZZ_LDFLAGS := -fsanitize=fuzzer,address,undefined

FUZZ_SRCS := $(sort $(wildcard $(FUZZ_DIR)/*_fuzz.c))
FUZZ_NAMES := $(patsubst $(FUZZ_DIR)/%_fuzz.c,%,$(FUZZ_SRCS))
FUZZ_BINS := $(FUZZ_NAMES:%=$(FUZZ_OUT)/%_fuzz)

# FUZZ_SRCS_NAME: the sources listed in NAME_fuzz.c's fuzz-srcs line (read
# once); $(call fuzz-srcs,NAME) gives them.
$(foreach n,$(FUZZ_NAMES),$(eval FUZZ_SRCS_$(n) := \
	$(shell sed -n 's|^// fuzz-srcs:||p' $(FUZZ_DIR)/$(n)_fuzz.c)))
fuzz-srcs = $(FUZZ_SRCS_$(1))

FUZZ_LIB_SRCS := $(HTEST_KERNEL_SRCS) $(HTEST_SUPPORT_SRCS)
FUZZ_LIB_OBJS := $(patsubst %.c,$(FUZZ_OUT)/obj/%.o,$(FUZZ_LIB_SRCS))
FUZZ_LIB := $(FUZZ_OUT)/libkernel.a
FUZZ_ALL_OBJS := $(sort $(FUZZ_LIB_OBJS) \
	$(foreach n,$(FUZZ_NAMES),$(FUZZ_OUT)/obj/tests/fuzz/$(n)_fuzz.o \
		$(patsubst %.c,$(FUZZ_OUT)/obj/%.o,$(call fuzz-srcs,$(n)))))

FUZZ_Q := $(if $(filter 1,$(V)),,@)
FUZZ_RUN := sh $(FUZZ_DIR)/run-fuzz.sh $(HTEST_ROOT)

.PHONY: fuzz fuzz-build fuzz-test fuzz-merge

fuzz-build: $(FUZZ_BINS)

## run each libFuzzer target FUZZ_TIME s (default 60; FUZZ=name picks one)
fuzz: fuzz-build
	$(FUZZ_Q)$(FUZZ_RUN) fuzz $(FUZZ_TIME) $(or $(FUZZ),$(FUZZ_NAMES))

## the short fixed-time fuzz run that make test does
fuzz-test: fuzz-build
	$(FUZZ_Q)$(FUZZ_RUN) test $(FUZZ_TEST_TIME) $(or $(FUZZ),$(FUZZ_NAMES))

## add new interesting fuzz inputs to the tree's corpora
fuzz-merge: fuzz-build
	$(FUZZ_Q)$(FUZZ_RUN) merge 0 $(or $(FUZZ),$(FUZZ_NAMES))

$(FUZZ_ALL_OBJS): $(FUZZ_OUT)/obj/%.o: $(HTEST_ROOT)/%.c
	@mkdir -p $(dir $@)
	$(if $(FUZZ_Q),@echo "  FUZZCC  $*.c")
	$(FUZZ_Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@

$(FUZZ_LIB): $(FUZZ_LIB_OBJS)
	$(FUZZ_Q)rm -f $@ && $(HOSTAR) rcs $@ $^

# One link rule per target: its own object, its fuzz-srcs, the archive.
define fuzz-link
$(FUZZ_OUT)/$(1)_fuzz: $(FUZZ_OUT)/obj/tests/fuzz/$(1)_fuzz.o \
		$(patsubst %.c,$(FUZZ_OUT)/obj/%.o,$(call fuzz-srcs,$(1))) $(FUZZ_LIB)
	$$(if $$(FUZZ_Q),@echo "  FUZZLD  build/fuzz/$(1)_fuzz")
	$$(FUZZ_Q)$$(FUZZ_CC) $$(FUZZ_LDFLAGS) $$^ -o $$@
endef
$(foreach n,$(FUZZ_NAMES),$(eval $(call fuzz-link,$(n))))

-include $(FUZZ_ALL_OBJS:.o=.d)

.DEFAULT_GOAL := $(FUZZ_SAVED_GOAL)
