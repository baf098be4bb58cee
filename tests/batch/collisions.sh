#!/bin/bash
# vgrun batch: outputs that would land on one another are refused before any
# work, however the documents are named. A set's videos take names of their
# own inside its folder, so a document written into that folder (`tour` and
# `tour/tour.md` in a @LIST: both wrote tour/tour.mp4, both recorded done)
# is refused, in either order. Names in the message are shown escaped.
. "$(dirname "$0")/lib.sh"
vg_scratch batch-collisions
cd "$T" || exit 1
mkdir -p in/tour/sub
printf 'set:\n  videos:\n    - file: intro.yaml\n' >in/tour/set_config.yaml
printf 'video:\n  id: intro\n  title: Intro\nscenes:\n  - type: title\n    title: Set intro\n    narration: The set intro.\n' >in/tour/intro.yaml
printf '# Doc\n\nA document in the set folder.\n' >in/tour/tour.md
cp in/tour/set_config.yaml in/tour/intro.yaml in/tour/sub/

for order in "tour tour/tour.md" "tour/tour.md tour"; do
  printf '%s\n' $order >in/list.txt
  rc=0; "$VGRUN" batch @in/list.txt -o out --list >out.txt 2>err.txt || rc=$?
  [ $rc -ne 0 ] || fail "a document in a set's folder ($order): exit 0: $(cat out.txt)"
  grep -q "tour/tour.md would be written into tour/, the folder of the set" err.txt || fail "($order) says why: $(cat err.txt)"
  rc=0; "$VGRUN" batch @in/list.txt -o out --resolution $RES >out.txt 2>err.txt || rc=$?
  [ $rc -ne 0 ] || fail "($order) ran"
  [ ! -e out/tour ] || fail "($order) made something: $(find out)"
done
# a set inside a set's folder has a folder of its own: no clash
printf 'tour\ntour/sub\n' >in/list.txt
"$VGRUN" batch @in/list.txt -o out --list >out.txt 2>err.txt || fail "a set in a set's folder: $(cat err.txt)"
grep -qx 'tour/sub' out.txt || fail "the inner set is listed: $(cat out.txt)"
# the same document twice is one document
printf 'tour/tour.md\n./tour/tour.md\ntour//tour.md\n' >in/list.txt
"$VGRUN" batch @in/list.txt in/tour/tour.md -o out --list >out.txt 2>err.txt || fail "one document named four times: $(cat err.txt)"
[ "$(wc -l <out.txt)" -eq 1 ] || fail "named by the list and by hand: one output expected, got: $(cat out.txt)"
# a clash between names with an escape sequence: shown escaped
mkdir -p esc
name=$(printf 'a\033]0;x\007')
printf '# A\n\nOne.\n' >"esc/$name.md"
printf '# A\n\nTwo.\n' >"esc/$name.markdown"
rc=0; "$VGRUN" batch esc -o out2 --list >out.txt 2>err.txt || rc=$?
[ $rc -ne 0 ] || fail "two documents with one output: exit 0"
grep -q 'would both be written to' err.txt || fail "the clash is told: $(cat err.txt)"
if grep -q "$(printf '\033')" err.txt; then fail "an escape sequence reached the terminal: $(od -c err.txt | head)"; fi
grep -qF 'a\x1b]0;x\x07' err.txt || fail "the name is shown escaped: $(cat err.txt)"
echo "all passed"
