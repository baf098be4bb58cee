#!/usr/bin/env bash
# -o - names standard output, never a file named "-":
# - vgrun frame -o - writes the PNG to standard output (a pipe or a file),
#   prints no path, and leaves no file behind (before: a PNG named "-");
#   a terminal there, --events - beside it, or a sheet of several pages
#   (standard output takes one picture) is a usage error (exit 2);
# - vgrun create -o - and vgrun batch -o - are usage errors (exit 2): an MP4
#   is not streamed, and batch writes into a folder (before: create said
#   "the output directory - does not exist", exit 1; batch made a folder
#   named "-"); so is an empty -o (before: exit 1, batch "File name too long").
#   VGRUN=build/vgrun tests/cli/stdout_outputs.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch stdout-outputs
cd "$T" || exit 1
printf '# Doc\n\nText of the document.\n\n## Part\n\n- one\n- two\n' >doc.md

# frame -o -: the PNG on standard output, nothing named "-"
"$VGRUN" frame doc.md --scene 1 --resolution 320x180 -o - >out.png 2>err.txt; rc=$?
expect_rc 0 "frame -o -"
check "frame -o -: a PNG on standard output" has out.png "PNG"
[ ! -e ./- ] && ok || bad "frame -o - wrote a file named -"
"$VGRUN" frame doc.md --scene 1 --resolution 320x180 -o f.png >/dev/null 2>&1
cmp -s out.png f.png && ok || bad "frame -o -: not the PNG frame -o f.png writes"
"$VGRUN" frame doc.md --sheet --resolution 320x180 -o - >sheet.png 2>err.txt; rc=$?
expect_rc 0 "frame --sheet -o -"
check "frame --sheet -o -: a PNG on standard output" has sheet.png "PNG"
[ ! -e ./- ] && ok || bad "frame --sheet -o - wrote a file named -"
# a sheet of several pages cannot be one picture on standard output
{ printf 'video:\n  id: many\n  title: Many scenes\n\nscenes:\n'
  for i in $(seq 1 60); do printf '  - type: title\n    id: s%02d\n    title: Scene number %d\n\n' "$i" "$i"; done
} >many.yaml
"$VGRUN" frame many.yaml --sheet --resolution 1080x1920 -o - >many.out 2>err.txt; rc=$?
expect_rc 2 "frame --sheet -o - of several pages"
check "several pages: says why" has err.txt "^vgrun frame: -o -: the sheet of 60 scenes is [0-9]* pictures"
[ ! -s many.out ] && ok || bad "several pages: something written on standard output"

# --events - and -o - both on standard output
"$VGRUN" --events - frame doc.md --scene 1 --resolution 320x180 -o - >mixed.out 2>err.txt; rc=$?
expect_rc 2 "--events - frame -o -"
check "--events - with -o -: says why" has err.txt "cannot both go to standard output"

# a terminal on standard output
if command -v script >/dev/null 2>&1; then
  script -qec "'$VGRUN' frame doc.md --scene 1 --resolution 320x180 -o -" /dev/null >tty.txt 2>&1; rc=$?
  expect_rc 2 "frame -o - to a terminal"
  check "frame -o - to a terminal: says why" has tty.txt "not writing a PNG picture to a terminal"
  [ ! -e ./- ] && ok || bad "frame -o - to a terminal wrote a file named -"
fi

# create and batch: -o - and an empty -o are usage errors, nothing made
for cmd in create batch; do
  for o in - ""; do
    if [ "$cmd" = create ]; then
      "$VGRUN" create --from doc.md -o "$o" >out.txt 2>err.txt; rc=$?
    else
      "$VGRUN" batch doc.md -o "$o" >out.txt 2>err.txt; rc=$?
    fi
    expect_rc 2 "$cmd -o '$o'"
    check "$cmd -o '$o': says why" has err.txt "^vgrun $cmd: -o "
    [ ! -e ./- ] && ok || bad "$cmd -o '$o' made -"
    ls ./*.mp4 >/dev/null 2>&1 && bad "$cmd -o '$o' made a video" || ok
  done
done
# a folder named - is still taken when named so
mkdir ./-
"$VGRUN" create --from doc.md -o ./-/ --resolution 320x180 -q >out.txt 2>err.txt; rc=$?
expect_rc 0 "create -o ./-/"
[ -s ./-/doc.mp4 ] && ok || bad "create -o ./-/ did not write ./-/doc.mp4"

vg_done
