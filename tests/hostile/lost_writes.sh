#!/usr/bin/env bash
# Writes that fail are never a silent success.
# --events is an output the user asked for: when its writes fail (a full
# disk, /dev/full, a reader that went away) the run says so, naming the
# file and the reason, and exits 1 instead of 0; the events file holds the
# lines written before, whole (none torn, none left out in the middle).
# Standard output too (`say -o -`, `scenes --json > FILE` on a full disk):
# "standard output: cannot write", exit 1; but a reader that stopped
# reading (`| head`) chose to: nothing said, the exit code unchanged.
#   VGRUN=build/vgrun tests/hostile/lost_writes.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch lost-writes
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

# standard output on a full disk: what each command prints is an output
for cmd in "scenes doc.md" "scenes doc.md --json" "check doc.md --json" "say Hello -o -" \
           "frame doc.md --scene 1 --size 320x180 -o -" "--version"; do
  # shellcheck disable=SC2086
  "$VGRUN" $cmd >/dev/full 2>err.txt; rc=$?
  expect_rc 1 "$cmd >/dev/full"
  check "$cmd >/dev/full: said" has err.txt "standard output: cannot write"
done
# a reader that stops reading: no complaint, exit 0 as before
"$VGRUN" -e 'for i = 1, 200000 do print(i) end' 2>err.txt | head -1 >/dev/null
rc=${PIPESTATUS[0]}
expect_rc 0 "print into | head"
check "print into | head: nothing said" hasnt err.txt "cannot write"
vg_done
