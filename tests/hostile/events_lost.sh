#!/usr/bin/env bash
# --events is an output the user asked for: when its writes fail (a full
# disk, /dev/full, a reader that went away) the run says so, naming the
# file and the reason, and exits 1 instead of 0; the events file holds the
# lines written before, whole (none torn, none left out in the middle).
#   VGRUN=build/vgrun tests/hostile/events_lost.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch events-lost
cd "$T" || exit 1
printf '# Talk\n\nA short talk about events.\n' >doc.md
SMALL=(--resolution 320x180 -q)

# /dev/full: every write fails with ENOSPC
"$VGRUN" --events /dev/full create doc.md -o full.mp4 "${SMALL[@]}" >out.txt 2>err.txt; rc=$?
expect_rc 1 "--events /dev/full"
check "/dev/full: named, with the reason" has err.txt "--events /dev/full: cannot write: No space left on device"

# standard output read by a reader that leaves after the first bytes
"$VGRUN" --events - create doc.md -o pipe.mp4 "${SMALL[@]}" 2>err.txt | head -c 10 >/dev/null
rc=${PIPESTATUS[0]}
expect_rc 1 "--events - into a reader that left"
check "reader gone: named" has err.txt "--events -: cannot write"

# the same run with a file that takes every event: exit 0, nothing said
"$VGRUN" --events ev.jsonl create doc.md -o ok.mp4 "${SMALL[@]}" >out.txt 2>err.txt; rc=$?
expect_rc 0 "--events to a file"
check "no complaint" hasnt err.txt "cannot write"
check "every line whole" python3 -c 'import json, sys
n = 0
for line in open("ev.jsonl"):
    json.loads(line); n += 1
sys.exit(0 if n > 5 else 1)'
vg_done
