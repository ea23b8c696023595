#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/run-tests.sh - what `make test` runs: every test, one summary.
#
# Steps, each with its own log under build/test-logs/:
#   build        the kernel (a build failure stops everything)
#   htest        host unit tests (cmocka + python, ASan/UBSan)
#   fuzz         each libFuzzer target for FUZZ_TEST_TIME s (tests/fuzz/)
#   ktest-MEM    every in-kernel suite, one QEMU boot per memory size of
#                the boot matrix (KTEST_MATRIX, default "32M 64M 512M:4 4G":
#                MEM:N boots N CPUs, so 512M runs on 4 CPUs, the others on
#                one; step ktest-512M-smp4), with slab_debug=FZPU and
#                kmemleak as make ktest boots
#   ktest-default  every suite again, booted as make run boots (no
#                slab_debug, no ktest_mem=: what the shell's "test" sees),
#                at 16M (KTEST_DEFAULT_MEM), the smallest size they fit
#   ktest-mm-smp the many-CPU suites (mm_smp, smp, sched_smp) and the
#                stress case at 10 million operations (ktest_stress_ops=)
#                at SMP=4, 512M, without slab_debug and kmemleak (so the
#                per-CPU sheaves are in use)
#   ktest-kasan  the KASAN kernel (make KASAN=1, built once in build/kasan):
#                the kasan suite, the allocators' and the contexts' suites,
#                at 256M (KTEST_KASAN_MEM)
#   kasan-panic  the KASAN kernel booted with kasan.fault=panic: the first
#                report (one case's out-of-bounds read) must panic it
#   boot-checks  boots that test the boot path itself
#   shell        the kernel shell, driven over the serial port
#   modules      examples/modules built out of tree (make -C . M=...),
#                booted from build/module-test.iso and loaded in the shell
#
# Each step ends with a line "N passed, N failed"; the totals are added
# up and printed last in the same form.  A step that ends without that
# line (a crash, a hang killed by its timeout) counts as one failure.
# Exit status: 0 only if nothing failed.
set -u
cd "$(dirname "$0")/.."

MATRIX=${KTEST_MATRIX:-32M 64M 512M:4 4G}
DEFAULT_MEM=${KTEST_DEFAULT_MEM:-16M}
KASAN_MEM=${KTEST_KASAN_MEM:-256M}
# the KASAN step's suites: KASAN's own, the allocators', the contexts'
KASAN_SUITES='kasan,slab*,kmalloc,page_alloc*,gfp_*,vmalloc*,kvmalloc,contexts,stackdepot'
LOGS=build/test-logs
mkdir -p "$LOGS"
total_pass=0
total_fail=0
failed_steps=()

# run_step NAME COMMAND...: run, show its result lines, add its counts.
run_step() {
	local name=$1 log="$LOGS/$1.log" summary pass fail start
	shift
	start=$(date +%s)
	echo "== $name"
	"$@" >"$log" 2>&1
	local status=$?
	# the step's result lines (PASS/FAIL per suite, reasons)
	grep -E '(PASS|FAIL|ktest: |htest: )' "$log" | grep -v '^ *#' | tail -40
	summary=$(grep -E '(^|[] :])[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	if [[ $summary =~ ([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
		pass=${BASH_REMATCH[1]}
		fail=${BASH_REMATCH[2]}
	else
		pass=0
		fail=1
		echo "   $name: no result line (see $log)"
		tail -15 "$log" | sed 's/^/   | /'
	fi
	if ((status != 0 && fail == 0)); then
		fail=1
		echo "   $name: exited with status $status (see $log)"
	fi
	echo "   $name: $pass passed, $fail failed ($(($(date +%s) - start)) s)"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	((fail)) && failed_steps+=("$name")
	return 0
}

if ! make -j2 --no-print-directory all >"$LOGS/build.log" 2>&1; then
	echo "== build failed:"
	tail -30 "$LOGS/build.log"
	echo "0 passed, 1 failed"
	exit 1
fi

run_step htest make --no-print-directory htest
run_step fuzz make -j2 --no-print-directory fuzz-test
for entry in $MATRIX; do
	mem=${entry%%:*}
	smp=1
	[[ $entry == *:* ]] && smp=${entry#*:}
	name=ktest-$mem
	((smp > 1)) && name=$name-smp$smp
	run_step "$name" make --no-print-directory ktest MEM="$mem" SMP="$smp" \
		KTEST_NAME="$name" KTEST_ARGS="--echo none --label MEM=$mem,SMP=$smp"
done
# the command line of a default boot, plus the ktest= that runs the tests
run_step ktest-default make --no-print-directory ktest MEM="$DEFAULT_MEM" \
	KTEST_NAME=ktest-default "KTEST_CMDLINE=ktest=*" \
	KTEST_ARGS="--echo none --label default-$DEFAULT_MEM"
# the allocators on 4 CPUs with their fast paths on (no slab_debug: the
# sheaves), the scheduler's many-CPU suites, and the stress case at 10
# million operations (about 10 s on 4 vCPUs of a 2-core host)
run_step ktest-mm-smp make --no-print-directory ktest SMP=4 MEM=512M \
	T='mm_smp*,smp*,sched_smp*,stress.threads_and_timer_million_ops' \
	KTEST_NAME=ktest-mm-smp KTEST_SLAB_DEBUG= KTEST_KMEMLEAK=kmemleak=off \
	CMDLINE=ktest_stress_ops=10000000 KTEST_ARGS="--echo none --label mm_smp-SMP=4"
# kasan.fault=panic (for graders): the report of one bad access panics
kasan_panic_check() {
	local log=build/kasan/ktest-kasan-panic.log

	make --no-print-directory KASAN=1 ktest MEM="$KASAN_MEM" \
		T=kasan.kmalloc_oob_right_123 CMDLINE=kasan.fault=panic \
		KTEST_NAME=ktest-kasan-panic KTEST_TIMEOUT=120 KTEST_ARGS="--echo none" \
		>"$LOGS/kasan-panic-boot.log" 2>&1	# it fails on purpose: the panic
	if grep -q 'BUG: KASAN: slab-out-of-bounds' "$log" &&
	   grep -q 'Kernel panic - not syncing: kasan.fault=panic' "$log"; then
		echo "kasan-panic: PASS the report panicked the kernel"
		echo "1 passed, 0 failed"
	else
		echo "kasan-panic: FAIL no KASAN report and panic in $log"
		echo "0 passed, 1 failed"
	fi
	return 0
}

# built here, not in the step: a build failure is then one failure with its log
if make -j2 --no-print-directory KASAN=1 all >"$LOGS/build-kasan.log" 2>&1; then
	run_step ktest-kasan make --no-print-directory KASAN=1 ktest MEM="$KASAN_MEM" \
		T="$KASAN_SUITES" KTEST_NAME=ktest-kasan KTEST_TIMEOUT=600 \
		KTEST_ARGS="--echo none --label KASAN-$KASAN_MEM"
	run_step kasan-panic kasan_panic_check
else
	echo "== ktest-kasan: the KASAN kernel did not build:"
	tail -30 "$LOGS/build-kasan.log"
	total_fail=$((total_fail + 1))
	failed_steps+=(build-kasan)
fi
run_step boot-checks python3 scripts/boot_checks.py
make --no-print-directory -s iso >/dev/null 2>&1
run_step shell python3 scripts/shell_test.py
run_step modules python3 scripts/module_test.py
run_step labs scripts/lab_checks.sh
run_step gdbtest make --no-print-directory gdbtest

echo
if ((total_fail)); then
	echo "Failed steps: ${failed_steps[*]} (logs in $LOGS/)"
fi
echo "$total_pass passed, $total_fail failed"
((total_fail == 0))
