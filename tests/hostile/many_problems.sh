#!/usr/bin/env bash
# A document with a problem on each of its many lines (an SRT of 100,000
# cues all past 3 hours) had each one kept and printed: 633,829 lines, 1.2 GB
# and 48 s for a 30 MB file. The first 1000 errors are kept and printed,
# then one line says the rest are not listed (and counts them, so a summary
# says the true number); the run still fails.
#   VGRUN=build/vgrun tests/hostile/many_problems.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch many-problems
cd "$T" || exit 1
python3 - <<'PY'
with open("late.srt", "w") as f:
    for i in range(100000):
        s = 4 * 3600 + i
        f.write("%d\n%02d:%02d:%02d,000 --> %02d:%02d:%02d,500\nword %d\n\n"
                % (i + 1, s // 3600, s // 60 % 60, s % 60, s // 3600, s // 60 % 60, s % 60, i))
PY
"$VGRUN" scenes late.srt >out.txt 2>err.txt; rc=$?
expect_rc 1 "100,000 cues past 3 hours"
n=$(grep -c '^late.srt' err.txt)
check "at most 1001 problems printed ($n)" test "$n" -le 1001
check "the first is said" has err.txt '^late.srt:2:1: a cue ends after 3 hours'
check "where the listing stops is said" has err.txt 'more than 1000 errors: the rest are not listed'
"$VGRUN" check --json late.srt >check.json 2>/dev/null; rc=$?
expect_rc 1 "check of it"
check "check --json lists 1001 at most" python3 -c "
import json, sys
j = json.load(open('check.json'))
d = j if isinstance(j, list) else j.get('diagnostics', [])
sys.exit(not (0 < len(d) <= 1001))"
# the summary counts them all: past the cap it said "1001 errors" (the
# entries listed), whatever the true number
"$VGRUN" check late.srt >check.txt 2>&1; rc=$?
expect_rc 1 "check of it (text)"
check "check says the true count" has check.txt '^late.srt: invalid (100000 errors, 0 warnings)$'
check "the last listed entry stands for the rest" python3 -c "
import json, sys
d = json.load(open('check.json'))
sys.exit(not (d[-1].get('count') == 99000 and 'not listed' in d[-1]['message']))"
# a plan still made (a README naming 1200 pictures outside its folder)
python3 -c "print('# T\n\nText.\n'); [print('![x](/etc/passwd)\n') for i in range(1200)]" >pics.md
"$VGRUN" scenes --json pics.md >plan.json 2>/dev/null
check "the plan's error count is the true one" python3 -c "
import json, sys; sys.exit(json.load(open('plan.json')).get('errors') != 1200)"
vg_done
