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
# Targets:
#	htest-build	build every test binary into build/host/
#	htest		build, run every binary (and tests/host/test_*.py if
#			any), print "htest: N passed, N failed", fail if N > 0
#
# To test more kernel code on the host, add its sources to
# HTEST_KERNEL_SRCS before this file is included.  All names here start
# with HTEST_ so they cannot collide with the kernel build's variables.

HOSTCC ?= gcc

# Keep the includer's default goal: this fragment must not become "make".
HTEST_SAVED_GOAL := $(.DEFAULT_GOAL)

HTEST_ROOT := $(CURDIR)
HTEST_DIR := $(HTEST_ROOT)/tests/host
HTEST_OUT := $(HTEST_ROOT)/build/host

HTEST_KERNEL_SRCS += lib/string.c lib/kstrtox.c lib/vsprintf.c lib/cmdline.c \
		     kernel/multiboot2.c
HTEST_SUPPORT_SRCS := tests/host/fake_kernel.c tests/host/host_libc.c

HTEST_CFLAGS := -std=gnu11 -ffreestanding -fno-builtin -g -O1 -Wall -Wextra \
		-fsanitize=address,undefined -fno-sanitize-recover=all \
		-fno-omit-frame-pointer \
		-I$(HTEST_ROOT)/include -I$(HTEST_ROOT)/arch/x86_64/include \
		-include $(HTEST_DIR)/host_rename.h $(HTEST_EXTRA_CFLAGS)
HTEST_LDFLAGS := -fsanitize=address,undefined
HTEST_LDLIBS := -lcmocka

HTEST_LIB_OBJS := $(patsubst %.c,$(HTEST_OUT)/obj/%.o,$(HTEST_KERNEL_SRCS) $(HTEST_SUPPORT_SRCS))
HTEST_NAMES := $(sort $(basename $(notdir $(wildcard $(HTEST_DIR)/test_*.c))))
HTEST_TEST_OBJS := $(HTEST_NAMES:%=$(HTEST_OUT)/obj/tests/host/%.o)
HTEST_BINS := $(HTEST_NAMES:%=$(HTEST_OUT)/%)

HTEST_Q := $(if $(filter 1,$(V)),,@)

.PHONY: htest htest-build

htest-build: $(HTEST_BINS)

htest: htest-build
	$(HTEST_Q)sh $(HTEST_DIR)/run-htest.sh $(HTEST_ROOT) $(HTEST_BINS)

$(HTEST_LIB_OBJS) $(HTEST_TEST_OBJS): $(HTEST_OUT)/obj/%.o: $(HTEST_ROOT)/%.c
	@mkdir -p $(dir $@)
	$(if $(HTEST_Q),@echo "  HOSTCC  $*.c")
	$(HTEST_Q)$(HOSTCC) $(HTEST_CFLAGS) -MMD -MP -c $< -o $@

$(HTEST_BINS): $(HTEST_OUT)/%: $(HTEST_OUT)/obj/tests/host/%.o $(HTEST_LIB_OBJS)
	$(if $(HTEST_Q),@echo "  HOSTLD  build/host/$*")
	$(HTEST_Q)$(HOSTCC) $(HTEST_LDFLAGS) $^ $(HTEST_LDLIBS) -o $@

-include $(HTEST_LIB_OBJS:.o=.d) $(HTEST_TEST_OBJS:.o=.d)

.DEFAULT_GOAL := $(HTEST_SAVED_GOAL)
