#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# scripts/deps.sh - install the tools this project needs from the
# distribution's packages (Debian or Ubuntu).
#
#   scripts/deps.sh --install           install every package (make deps)
#   scripts/deps.sh --check-or-install  install only if a tool is missing
#                                       (make run, make test)
#
# Needs root, or sudo.  Each tool is listed with the package that has it.
set -eu

# tool:package pairs
TOOLS="gcc:gcc ld:binutils make:make nasm:nasm python3:python3
grub-mkrescue:grub-common xorriso:xorriso mformat:mtools
qemu-system-x86_64:qemu-system-x86 gdb:gdb valgrind:valgrind clang:clang"
# packages that provide files, not commands (the last three: the
# peers of make bench-host)
PACKAGES_FILES="grub-pc-bin:/usr/lib/grub/i386-pc/multiboot2.mod
libcmocka-dev:/usr/include/cmocka.h
libjemalloc-dev:/usr/include/jemalloc/jemalloc.h
libmimalloc-dev:/usr/include/mimalloc.h
libgoogle-perftools-dev:/usr/include/gperftools/tcmalloc.h"

missing=""
for pair in $TOOLS; do
	tool=${pair%%:*}
	pkg=${pair#*:}
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $pkg"
done
for pair in $PACKAGES_FILES; do
	pkg=${pair%%:*}
	file=${pair#*:}
	[ -e "$file" ] || missing="$missing $pkg"
done
# libFuzzer (make fuzz): Debian 12 ships clang's runtimes apart from it.
FUZZER_RT_PKG=libclang-rt-dev
if ! command -v clang >/dev/null 2>&1 ||
   [ ! -e "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]; then
	missing="$missing $FUZZER_RT_PKG"
fi

all_packages() {
	for pair in $TOOLS $PACKAGES_FILES; do
		pkg=${pair%:*}
		case $pair in
		*:/*) echo "${pair%%:*}" ;;
		*) echo "${pair#*:}" ;;
		esac
	done | sort -u | tr '\n' ' '
	# older releases have it inside clang's own packages
	apt-cache show "$FUZZER_RT_PKG" >/dev/null 2>&1 && echo "$FUZZER_RT_PKG"
}

case "${1:---install}" in
--check-or-install)
	[ -z "$missing" ] && exit 0
	echo "deps: missing packages:$missing"
	packages=$missing
	;;
--install)
	packages=$(all_packages)
	;;
*)
	echo "usage: $0 [--install|--check-or-install]" >&2
	exit 2
	;;
esac

if [ "$(id -u)" -eq 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1; then
	SUDO=sudo
else
	echo "deps: need root or sudo to install:$packages" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "deps: no apt-get: install these packages by hand:$packages" >&2
	exit 1
fi

echo "deps: installing$packages"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $packages
