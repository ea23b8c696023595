#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run the fuzz targets built by tests/fuzz/fuzz.mk.
#
#	run-fuzz.sh ROOT test SECONDS NAME...
#		each target for SECONDS on its seed corpus and a fresh,
#		empty work directory; prints PASS/FAIL per target and
#		"fuzz: N passed, N failed"; exit 1 if any failed
#	run-fuzz.sh ROOT fuzz SECONDS NAME...
#		the same, but the work directory build/fuzz/corpus/NAME
#		is kept from one run to the next
#	run-fuzz.sh ROOT merge 0 NAME...
#		add the work directory's inputs that reach new code (an
#		edge no seed reaches) to the seed corpus tests/fuzz/corpus/NAME
#
# The seed corpus in the tree is only read (libFuzzer writes new inputs
# to the first directory it is given, the work directory).  A crash, a
# failed property, a sanitizer report, an input running over 10 s or a
# target that cannot start is a failure; its input is kept in
# build/fuzz/crashes/NAME/ and the command that reproduces it printed.

root=$1
mode=$2
seconds=$3
shift 3
cd "$root" || exit 1
out=build/fuzz
passed=0
failed=0

# Leak checking needs ptrace, which containers often forbid.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS

for name in "$@"; do
	bin=$out/${name}_fuzz
	seeds=tests/fuzz/corpus/$name
	work=$out/corpus/$name
	crashes=$out/crashes/$name
	log=$out/$name.log
	mkdir -p "$crashes"
	if [ "$mode" = merge ]; then
		mkdir -p "$work" "$seeds"
		before=$(ls "$seeds" | wc -l)
		# new edges only (not new hit counts): keeps the tree's corpus small
		"$bin" -merge=1 -use_counters=0 "$seeds" "$work" >"$log" 2>&1
		echo "fuzz-merge $name: $(($(ls "$seeds" | wc -l) - before)) new inputs in tests/fuzz/corpus/$name"
		merged=1
		continue
	fi
	[ "$mode" = test ] && rm -rf "$work"
	mkdir -p "$work"
	"$bin" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
		-artifact_prefix="$crashes/" "$work" $(ls -d "$seeds" 2>/dev/null) \
		>"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	if [ "$rc" -eq 0 ]; then
		echo "PASS fuzz $name: ${runs:-?} inputs in ${seconds} s, no failure"
		passed=$((passed + 1))
		continue
	fi
	failed=$((failed + 1))
	input=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
	echo "FAIL fuzz $name (exit status $rc, log $log)"
	grep -aE 'FUZZ FAIL|ERROR: |runtime error|SUMMARY' "$log" |
		head -n 8 | sed 's/^/    /'
	if [ -n "$input" ]; then
		echo "    input: $input"
		echo "    reproduce: $bin $input"
	fi
done

[ -n "${merged:-}" ] && exit 0
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
