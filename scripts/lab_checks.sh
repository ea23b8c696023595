#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# scripts/lab_checks.sh - the labs' step of `make test`.
#
# For every lab (labs/NAME/lab.conf), four checks:
#   reference   `grade.py NAME` on this tree scores 100/100;
#   handout     `lab_handout.py NAME build/labs/NAME` writes the student
#               tree, a git repository with one clean commit;
#   boots       that tree builds, boots and runs the lab's suites to the
#               end (no crash, no timeout: every case has a result);
#   below-full  and it scores less than 100 (the stubs really are stubs).
# For the modules lab, one more:
#   gfp-atomic  the reference solution with GFP_ATOMIC for every request,
#               tasks' too, scores less than 100, and the grade says why:
#               the grader sees each allocation's flags and context.
# Then, for one lab (GRADE_LAB, default buddy; or the first one named),
# the instructor's side, with submissions made from the handout under
# build/labs-grading/NAME/:
#   cheat       a handout whose test cases all return at once and whose
#               lab.conf gives every point to one case scores 100 graded
#               as it is, but `make grade SUBMISSION=` scores it what its
#               regions deserve: the handout's score;
#   grade-all   `make grade-all` over a folder with a solved tree, the
#               handout, a patch (`git diff` of the solved tree) and a
#               patch that does not apply writes a CSV with 100, the
#               handout's score, 100 and 0 ("does not apply").
# Each grade is one QEMU boot of a few seconds; the handout and the
# grading trees build from scratch.  Logs: build/test-logs/labs/ and the
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

# grade_checks LAB HANDOUT_SCORE: the cheat and grade-all checks above.
grade_checks() {
	local lab=$1 want=$2 dir=build/labs-grading/$1 log score f
	local handout=build/labs/$1 cheat subs csv
	log=$LOGS/$lab-grading.log
	rm -rf "$dir"
	mkdir -p "$dir/subs"
	cheat=$dir/cheat
	subs=$dir/subs
	csv=$dir/grades.csv
	: >"$log"

	# A handout whose tests all pass at once, lab.conf rewritten.
	git clone -q "$handout" "$cheat" >>"$log" 2>&1
	python3 - "$cheat/tests/kernel/lab_${lab}_test.c" \
		"$cheat/labs/$lab/lab.conf" >>"$log" 2>&1 <<-'EOF'
		import re, sys
		test, conf = sys.argv[1:3]
		s = open(test).read()
		for name in re.findall(r'KUNIT_CASE\((\w+)\)', s):
		    s = re.sub(r'(static void %s\(struct kunit \*test\)\n\{\n)'
		               % name, r'\1\treturn;\t/* cheat */\n', s)
		open(test, 'w').write(s)
		lines, first = [], True
		for line in open(conf):
		    m = re.match(r'(\w+\.\w+\s*=\s*)\d+', line)
		    if m:
		        line = m.group(1) + ('100' if first else '0') + '\n'
		        first = False
		    lines.append(line)
		open(conf, 'w').write(''.join(lines))
		EOF
	python3 scripts/grade.py "$lab" --tree "$cheat" >>"$log" 2>&1
	score=$(score_of "$log")
	check "$lab: a cheating handout graded as it is scores $score/100 (want 100)" \
		$((score == 100))
	make --no-print-directory grade LAB="$lab" SUBMISSION="$cheat" \
		>"$log.sub" 2>&1
	score=$(score_of "$log.sub")
	cat "$log.sub" >>"$log"
	check "$lab: graded with SUBMISSION= it scores $score/100 (want the handout's $want)" \
		$((score == want))
	grep -q 'changes outside the regions are ignored: .*lab.conf' "$log.sub"
	check "$lab: the report names the ignored changes" $((! $?))

	# A class: a solved tree, the handout, a patch, a broken patch.
	git clone -q "$handout" "$subs/solved" >>"$log" 2>&1
	git clone -q "$handout" "$subs/handout" >>"$log" 2>&1
	for f in $(python3 -c "import sys; sys.path.insert(0, 'scripts')
import grade; print(' '.join(grade.reference_regions('.', '$lab')))"); do
		cp "$f" "$subs/solved/$f"
	done
	git -C "$subs/solved" diff >"$subs/solved.patch"
	sed 's/^ \(.\)/ x\1/' "$subs/solved.patch" >"$subs/broken.patch"
	make --no-print-directory grade-all LAB="$lab" SUBMISSIONS="$subs" \
		CSV="$csv" >>"$log" 2>&1
	local got
	got=$(python3 - "$csv" 2>&1 <<-'EOF'
		import csv, sys
		rows = {r['submission']: r for r in csv.DictReader(open(sys.argv[1]))}
		for name in ('solved', 'handout', 'solved.patch', 'broken.patch'):
		    r = rows.get(name, {})
		    why = 'does-not-apply' if 'does not apply' in r.get('reasons', '') else '-'
		    print('%s=%s/%s' % (name, r.get('score', 'none'), why), end=' ')
		print(len(rows))
		EOF
	)
	local want_csv="solved=100/- handout=$want/- solved.patch=100/- broken.patch=0/does-not-apply 4"
	check "$lab: grade-all CSV: $got" "$([[ $got == "$want_csv" ]] && echo 1 || echo 0)"
	[[ $got == "$want_csv" ]] || { echo "   want: $want_csv"; tail -12 "$log"; }
}

# gfp_atomic_check: the modules lab's reference, GFP_ATOMIC where a task
# may sleep (GFP_KERNEL belongs there), graded from the handout's tree.
gfp_atomic_check() {
	local tree=build/labs-grading/modules-gfp-atomic score f
	local log=$LOGS/modules-gfp-atomic.log src
	rm -rf "$tree"
	mkdir -p "$(dirname "$tree")"
	git clone -q build/labs/modules "$tree" >"$log" 2>&1
	for f in $(python3 -c "import sys; sys.path.insert(0, 'scripts')
import grade; print(' '.join(grade.reference_regions('.', 'modules')))"); do
		cp "$f" "$tree/$f"
	done
	src=$tree/labs/modules/alloc_lab.c
	sed -i 's/gfp_t gfp = atomic ? GFP_ATOMIC : GFP_KERNEL;/gfp_t gfp = GFP_ATOMIC;/' "$src"
	grep -q 'gfp_t gfp = GFP_ATOMIC;' "$src"
	check "modules: a solution with GFP_ATOMIC in tasks too made" $((! $?))
	python3 scripts/grade.py modules --tree "$tree" >>"$log" 2>&1
	score=$(score_of "$log")
	check "modules: GFP_ATOMIC in a task scores $score/100 (want 0..99)" \
		$((score >= 0 && score < 100))
	grep -q 'in process context were asked with GFP_ATOMIC' "$log"
	check "modules: its grade says why (asked with GFP_ATOMIC)" $((! $?))
}

declare -A handout_score
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
	commits=$(git -C "$tree" rev-list --count HEAD 2>/dev/null)
	dirty=$(git -C "$tree" status --porcelain 2>&1 | head -3)
	check "$lab: handout is a git repository, ${commits:-no} commit(s), clean" \
		$((${commits:-0} == 1 && ${#dirty} == 0))
	[[ -z $dirty ]] || echo "$dirty"

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
	handout_score[$lab]=$score
	[[ $lab == modules ]] && gfp_atomic_check
done

# The instructor's side, for one lab.
glab=${GRADE_LAB:-buddy}
(($# > 0)) && glab=$1
if [[ -n ${handout_score[$glab]:-} ]]; then
	grade_checks "$glab" "${handout_score[$glab]}"
fi

echo "lab_checks: ${#labs[@]} labs; logs in $LOGS/"
echo "$pass passed, $fail failed"
((fail == 0))
