#!/usr/bin/env bash
# vgrun say writes a WAV (and its --timings as JSON), vgrun frame a PNG: an
# -o name with another extension ("x.png" for say, "x.mp4" for frame) or a
# --timings name with another than .json, an empty name, or a name in a
# folder that is not there is refused with exit 2 and a message naming the
# option, without a file or folder written, as create refuses -o x.png or
# -o nodir/x.mp4 (before, say wrote a WAV named x.png and made the missing
# folders, frame wrote a PNG named x.mp4). A name without an extension,
# the extension in capitals and - are taken.
#   VGRUN=build/vgrun tests/cli/output_ext.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch output-ext
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

# an empty name, a folder that is not there, a file taken for a folder
for o in "" nodir/x.wav nodir/sub/x.wav doc.md/x.wav; do
  "$VGRUN" say hello -o "$o" >out.txt 2>err.txt; rc=$?
  expect_rc 2 "say -o '$o'"
  check "say -o '$o': says why" has err.txt "^vgrun say: -o .*\(wants a file name\|does not exist\|is not a folder\)"
done
"$VGRUN" say hello -o t2.wav --timings nodir/t.json >out.txt 2>err.txt; rc=$?
expect_rc 2 "say --timings nodir/t.json"
[ ! -e nodir ] && [ ! -e t2.wav ] && ok || bad "say made nodir or t2.wav"

# frame: a PNG
for o in x.mp4 x.wav "" nodir/x.png doc.md/x.png; do
  "$VGRUN" frame doc.md --sheet --resolution 320x180 -o "$o" >out.txt 2>err.txt; rc=$?
  expect_rc 2 "frame --sheet -o '$o'"
  check "frame -o '$o': says why" has err.txt "^vgrun frame: -o "
  [ -z "$o" ] || [ ! -e "$o" ] && ok || bad "frame -o $o wrote $o"
done
[ ! -e nodir ] && ok || bad "frame made nodir"
for o in f.png F.PNG; do
  "$VGRUN" frame doc.md --scene 1 --resolution 320x180 -o "$o" >out.txt 2>err.txt; rc=$?
  expect_rc 0 "frame -o $o"
  check "frame -o $o: a PNG" has "$o" "PNG"
done
vg_done
