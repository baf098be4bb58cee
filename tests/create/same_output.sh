#!/usr/bin/env bash
# tests/create/same_output.sh: one run at a time writes an output. Two
# creates of different documents to one -o used to both report success
# while the first video was replaced; the second is now refused while the
# first runs (it names the output and the other run), the first's video is
# whole, and once it has ended the second may write there.
. "$(dirname "$0")/../lib.sh"
vg_scratch same-output --own-cache

{
  printf '# Boxes\n\nA long talk about boxes.\n\n'
  for i in $(seq 1 12); do printf '## Box %d\n\nBox %d holds things of many sizes and colours, stacked high.\n\n' "$i" "$i"; done
} >"$T/a.md"
printf '# Circles\n\nA short note about circles.\n' >"$T/b.md"

"$VGRUN" create --from "$T/a.md" -o "$T/same.mp4" -q >"$T/a.log" 2>&1 &
apid=$!
# the first run holds its output's lock once it has loaded the document
for _ in $(seq 1 200); do
  ls "$T/state/tasks/"output-*.lock >/dev/null 2>&1 && break
  sleep 0.05
done
ls "$T/state/tasks/"output-*.lock >/dev/null 2>&1 || bad "the first run took no lock on its output"
"$VGRUN" create --from "$T/b.md" -o "$T/same.mp4" -q >"$T/b.log" 2>&1
rc=$?
wait "$apid" || bad "the first run failed: $(tail -3 "$T/a.log")"
expect_rc 1 "a second create to the same output"
check "the refusal names the output and the other run" has "$T/b.log" "same.mp4 is being written by another vgrun"
# the first video is the boxes, whole (its duration is the first run's timing)
d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$T/same.mp4")
want=$("$VGRUN" -e 'local f = assert(io.open(arg[1])); local t = require("vg").json.decode(f:read("a")); print(t.duration)' "$T/same.timing.json")
awk -v a="$d" -v b="$want" 'BEGIN { exit !(a - b < 0.2 && b - a < 0.2 && b > 30) }' \
  || bad "the output lasts $d s, the first run's timing says $want s"
check "no lock is left" test -z "$(ls "$T/state/tasks/"output-*.lock 2>/dev/null)"
# then the second may write there
"$VGRUN" create --from "$T/b.md" -o "$T/same.mp4" -q >"$T/b2.log" 2>&1 || bad "after the first ended: $(tail -3 "$T/b2.log")"
vg_done
