#!/usr/bin/env bash
# tests/input/text_cli.sh: plain text as a user names it: a .txt file, a
# README with document: or text:, the plan `vgrun scenes` prints, and one
# video made from a plain-text README (its streams and length decoded).
. "$(dirname "$0")/../lib.sh"
vg_scratch text
D=$SRC/tests/input/data

cp "$D/plain.txt" "$T/README"
cp "$D/plain.txt" "$T/gadget"
# any other name without an extension says nothing: a prefix says what it is
"$VGRUN" scenes "$T/gadget" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 1 "a name without an extension"
check "says which prefixes" has "$T/err" "text:"
# README, NEWS, README.Debian, NEWS.gz: named as documentation by custom
cp "$D/plain.txt" "$T/README.Debian"
gzip -c "$D/plain.txt" >"$T/NEWS.gz"
for spec in "$T/README" "$T/README.Debian" "$T/NEWS.gz" "document:$T/README" "text:$T/README" "$D/plain.txt"; do
  "$VGRUN" scenes --detail full "$spec" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes $spec"
  check "$spec: title" has "$T/out" '^   1  title .*Gadget Toolkit'
  check "$spec: commands" has "$T/out" 'command .*Installation \[2 lines sh\]'
  check "$spec: questions" has "$T/out" '• Which part broke first?'
  check "$spec: option said" has "$T/out" 'option tells the build to include'
  check "$spec: no rule said" hasnt "$T/out" -- '----'
  check "$spec: no signature" hasnt "$T/out" 'jane@example.org'
  check "$spec: no modeline" hasnt "$T/out" 'vim'
done
"$VGRUN" check "$D/plain.txt" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "check plain.txt"
check "check counts the scenes" has "$T/out" "plain.txt: ok (1 video, 8 scenes)"
# document: of Markdown is Markdown: its "#" heading is the title
printf '# Widgets\n\nSee [the guide](guide.md). Run `make` first.\n' >"$T/NOTES"
"$VGRUN" scenes "document:$T/NOTES" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes document: Markdown"
check "Markdown title" has "$T/out" '^   1  title .*Widgets$'

# a sentence that points to an address is never the title (openssh's README
# was titled "See https://www.openssh.com/releasenotes.html#9.2p1 for the …")
printf 'See https://example.org/releasenotes.html#9.2p1 for the release notes.\n\nPlease read https://example.org/report.html for bug reporting\ninstructions.\n\nThis is the port of the gear tools to Linux and other systems.\nIt turns axles.\n' >"$T/POINTERS"
"$VGRUN" scenes --json "document:$T/POINTERS" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes POINTERS"
check "address sentence not the title" has "$T/out" '"title": *"This is the port of the gear tools to Linux'

# a batch folder takes .txt and .text documents, not build files or package lists
mkdir -p "$T/docs/sub"
cp "$D/plain.txt" "$T/docs/notes.txt"; cp "$D/plain.txt" "$T/docs/sub/intro.text"
printf 'cmake_minimum_required(VERSION 3.13)\n' >"$T/docs/CMakeLists.txt"
printf 'requests>=2\n' >"$T/docs/requirements-dev.txt"
"$VGRUN" batch "$T/docs" -o "$T/videos" --list >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "batch --list"
check "batch finds notes.txt" grep -qx 'notes.txt' "$T/out"
check "batch finds sub/intro.text" grep -qx 'sub/intro.text' "$T/out"
check "batch skips CMakeLists.txt" hasnt "$T/out" 'CMakeLists'
check "batch skips requirements" hasnt "$T/out" 'requirements'

# a numbered item whose text the filler wrapped under itself is an item,
# never a heading over its first line ("2. Amount … needed to read")
cat >"$T/wrap.txt" <<'TXT'
Ledger notes
============

The columns of the summary lines are these:

      2.  Amount of memory (in bytes) that the reader needed to read
          this ledger with this version of the program.
      3.  Whether every record header stores both the opening balance
          and the closing balance of its account.

The reader prints them in this order.
TXT
"$VGRUN" scenes "$T/wrap.txt" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes wrap.txt"
check "wrapped item: no heading of its first line" hasnt "$T/out" 'list .*2\. Amount of memory'
check "wrapped item: the next item whole" has "$T/out" 'Whether every record header stores both the opening balance'

# a stub left where a page moved (a meta refresh, "This page has moved"):
# a warning that there is nothing to present, and its title said as the
# sentence it is, never "Welcome to This page has moved"
printf ':orphan:\n\n.. meta::\n\n  :http-equiv=refresh: 3; url=../start/\n\nThis page has moved\n===================\n\nYou should be redirected in 3 seconds.\n' >"$T/moved.rst"
printf '# Gadget docs\n\nThe Gadget documentation has moved to the project site.\n' >"$T/moved.md"
for f in moved.rst moved.md; do
  "$VGRUN" scenes "$T/$f" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes $f"
  check "$f: a redirect stub warned" has "$T/err" 'warning: the document is a redirect stub'
done
"$VGRUN" scenes "$T/moved.rst" >"$T/out" 2>/dev/null
check "stub: its title is no name to welcome to" hasnt "$T/out" 'Welcome to This'
check "stub: its title said as a sentence" has "$T/out" '» This page has moved\.'
"$VGRUN" scenes "$SRC/tests/input/data/plain.txt" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes plain.txt"
check "a document with text is no stub" hasnt "$T/err" 'redirect stub'

if command -v ffprobe >/dev/null; then
  # a short README made into a video: H.264 and AAC, as long as the plan
  printf 'Gear notes\n\nGears turn the axle. Springs store the energy.\n\nBuilding:\n\n    $ make\n' >"$T/notes.txt"
  "$VGRUN" -q create --from "$T/notes.txt" --resolution 320x180 -o "$T/notes.mp4" >"$T/out" 2>"$T/err"; rc=$?
  expect_rc 0 "create from notes.txt"
  if [ -s "$T/notes.mp4" ]; then
    v=$(ffprobe -v error -select_streams v -show_entries stream=codec_name -of csv=p=0 "$T/notes.mp4")
    a=$(ffprobe -v error -select_streams a -show_entries stream=codec_name -of csv=p=0 "$T/notes.mp4")
    [ "$v $a" = "h264 aac" ] && ok || bad "streams: video $v, audio $a"
    dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$T/notes.mp4")
    awk -v d="$dur" 'BEGIN { exit !(d > 5 && d < 60) }' && ok || bad "duration $dur s"
    ffmpeg -v error -i "$T/notes.mp4" -f null - 2>"$T/dec" && [ ! -s "$T/dec" ] && ok || bad "decode: $(head -3 "$T/dec")"
  else
    bad "no notes.mp4: $(cat "$T/err")"
  fi
else
  echo "ffprobe not installed: the video is not made" >&2
fi
vg_done
