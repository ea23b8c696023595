#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/lab_checks.sh - the labs' step of `make test`.
#
# For every lab (labs/NAME/lab.conf), four checks:
#   reference   `grade.py NAME` on this tree scores 100/100;
#   handout     `lab_handout.py NAME build/labs/NAME` writes the student tree;
#   boots       that tree builds, boots and runs the lab's suites to the
#               end (no crash, no timeout: every case has a result);
#   below-full  and it scores less than 100 (the stubs really are stubs).
# Each grade is one QEMU boot of a few seconds; the handout builds from
# scratch.  Logs: build/test-logs/labs/NAME-{reference,handout}.log and the
# grade logs under each tree's build/.
#
# Usage: scripts/lab_checks.sh [LAB...]   (default: every lab)
# Ends with "N passed, N failed"; exit status 0 only if all passed.
set -u
cd "$(dirname "$0")/.."

LOGS=build/test-logs/labs
mkdir -p "$LOGS"
pass=0
fail=0

check() {	# check NAME OK(0|1) DETAIL
	if [[ $2 == 1 ]]; then
		echo "  PASS lab $1"
		pass=$((pass + 1))
	else
		echo "  FAIL lab $1"
		fail=$((fail + 1))
	fi
}

score_of() {	# the N of the last "Score: N/100" line of a log, or -1
	local s
	s=$(sed -n 's/^Score: \([0-9]*\)\/100$/\1/p' "$1" | tail -1)
	echo "${s:--1}"
}

if (($# > 0)); then
	labs=("$@")
else
	labs=()
	for conf in labs/*/lab.conf; do
		[[ -f $conf ]] && labs+=("$(basename "$(dirname "$conf")")")
	done
fi
if ((${#labs[@]} == 0)); then
	echo "lab_checks: no labs found (labs/*/lab.conf)"
	echo "0 passed, 1 failed"
	exit 1
fi

for lab in "${labs[@]}"; do
	ref_log=$LOGS/$lab-reference.log
	out_log=$LOGS/$lab-handout.log
	tree=build/labs/$lab

	python3 scripts/grade.py "$lab" >"$ref_log" 2>&1
	score=$(score_of "$ref_log")
	check "$lab: reference scores $score/100 (want 100)" $((score == 100))
	((score == 100)) || grep -E '^\s+\[ *0/|^\s{14}' "$ref_log" | head -20

	if ! python3 scripts/lab_handout.py "$lab" "$tree" >"$out_log" 2>&1; then
		check "$lab: handout written" 0
		tail -5 "$out_log"
		continue
	fi
	check "$lab: handout written ($tree)" 1

	python3 scripts/grade.py "$lab" --tree "$tree" >>"$out_log" 2>&1
	score=$(score_of "$out_log")
	ran=1
	if grep -q 'does not build\|the run ended early\|not run:\|did not finish' \
		"$out_log" || ((score < 0)); then
		ran=0
	fi
	check "$lab: handout builds, boots, runs every case" $ran
	((ran)) || grep -E 'does not build|ended early|not run:|did not finish|^  \|' \
		"$out_log" | head -10
	check "$lab: handout scores $score/100 (want less than 100)" \
		$((score >= 0 && score < 100))
done

echo "lab_checks: ${#labs[@]} labs; logs in $LOGS/"
echo "$pass passed, $fail failed"
((fail == 0))
