#!/usr/bin/env bash
# vgrun say writes a WAV (and its --timings as JSON): an -o name with
# another extension ("x.png", "x.wav.tmp") or a --timings name with another
# than .json is refused with exit 2 and a message naming the option, before
# any work and without a file written, as create refuses -o x.png. A name
# without an extension, .WAV in capitals and - are taken.
#   VGRUN=build/vgrun tests/cli/say_output_ext.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch say-output-ext
cd "$T" || exit 1
printf '# Doc\n\nText.\n' >doc.md
for o in x.png x.wav.tmp clip.mp3 sub/y.txt; do
  mkdir -p sub
  "$VGRUN" say doc.md -o "$o" >out.txt 2>err.txt; rc=$?
  expect_rc 2 "say -o $o"
  check "say -o $o: says why" has err.txt "^vgrun say: -o $o: vgrun say writes WAV audio: give NAME.wav"
  [ ! -e "$o" ] && ok || bad "say -o $o wrote $o"
done
"$VGRUN" say hello -o s.wav --timings s.txt >out.txt 2>err.txt; rc=$?
expect_rc 2 "say --timings s.txt"
check "say --timings s.txt: says why" has err.txt "^vgrun say: --timings s.txt: the timings are JSON: give NAME.json"
[ ! -e s.wav ] && [ ! -e s.txt ] && ok || bad "say --timings s.txt wrote a file"

for o in ok.wav OK.WAV noext; do
  "$VGRUN" say hello -o "$o" >out.txt 2>err.txt; rc=$?
  expect_rc 0 "say -o $o"
  check "say -o $o: a WAV" has "$o" "RIFF"
done
"$VGRUN" say hello -o t.wav --timings t.json >out.txt 2>err.txt; rc=$?
expect_rc 0 "say --timings t.json"
"$VGRUN" say hello -o - >out.wav 2>err.txt; rc=$?
expect_rc 0 "say -o -"
check "say -o -: a WAV on standard output" has out.wav "RIFF"
vg_done
