#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run the host test binaries named on the command line, then the Python
# tests in tests/host (test_*.py) if there are any, and print one summary
#
#	htest: N passed, N failed
#
# Exit status is 1 if any test failed or any program crashed.
#
# Counting: a cmocka binary announces "Running N test(s)" and prints
# "[       OK ]" per passing test; every announced test that did not print
# OK failed (this covers a sanitizer abort in the middle of a run).  A
# program that exits non-zero although all its tests passed counts as one
# more failure.  For Python, "Ran N tests" and "FAILED (failures=F,
# errors=E, ...)" are parsed the same way.
#
# Usage: run-htest.sh REPO_ROOT BINARY...

root=$1
shift
passed=0
failed=0

# Leak checking needs ptrace, which containers often forbid; opt in with
# ASAN_OPTIONS=detect_leaks=1.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export ASAN_OPTIONS UBSAN_OPTIONS
unset CMOCKA_MESSAGE_OUTPUT CMOCKA_TEST_ABORT

for bin in "$@"; do
	log=$bin.log
	"$bin" >"$log" 2>&1
	rc=$?
	cat "$log"
	total=$(sed -n 's/.*Running \([0-9][0-9]*\) test(s)\..*/\1/p' "$log" |
		awk '{ s += $1 } END { print s + 0 }')
	ok=$(grep -c '^\[       OK \]' "$log")
	bad=$((total - ok))
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		echo "htest: $(basename "$bin") exited with status $rc"
		bad=1
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
done

if ls "$root"/tests/host/test_*.py >/dev/null 2>&1; then
	log=$root/build/host/python.log
	mkdir -p "$root/build/host"
	(cd "$root" && python3 -m unittest discover -s tests/host -p 'test_*.py') \
		>"$log" 2>&1
	rc=$?
	cat "$log"
	ran=$(sed -n 's/^Ran \([0-9][0-9]*\) tests\{0,1\}.*/\1/p' "$log" | tail -n 1)
	ran=${ran:-0}
	# "FAILED (failures=1, errors=2, skipped=1)"; skipped tests did not pass.
	bad=$(sed -n 's/^FAILED (\(.*\)).*/\1/p;s/^OK (\(.*\)).*/\1/p' "$log" | tail -n 1 |
		tr ',' '\n' | awk -F= '
			/failures|errors|unexpected/ { bad += $2 }
			/skipped/ { skipped += $2 }
			END { print bad + 0, skipped + 0 }')
	set -- $bad
	bad=$1
	skipped=$2
	if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
		echo "htest: python unittest exited with status $rc"
		bad=1
	fi
	good=$((ran - bad - skipped))
	[ "$good" -lt 0 ] && good=0
	passed=$((passed + good))
	failed=$((failed + bad))
fi

echo "htest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
