#!/usr/bin/env bash
# Markdown front matter fields given a value of the wrong type (`subtitle:
# [a, b]`, `title: {a: 1}`, `target_duration: "abc"`, `voice: [x]`,
# `title: 1984`) are errors at the field's own file:line, each said once;
# they used to be dropped silently (title, subtitle, duration), or reported
# at the document's first heading as if the heading were wrong.
#   VGRUN=build/vgrun tests/hostile/front_matter_types.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch front-matter-types --own-config
cd "$T" || exit 1
printf -- '---\ntitle: {a: 1}\nsubtitle: [x, y]\nduration: "abc"\ntarget_duration: "2 min"\nvoice: [a]\nouthro: 1\noutro: 7\n---\n# Hello\n\nSome text here.\n' >fm.md
"$VGRUN" scenes fm.md >out.txt 2>err.txt; rc=$?
expect_rc 1 "vgrun scenes: the document has errors"
check "title at its line (err.txt)" has err.txt "^fm.md:2:[0-9]*: .*'title': expected text, got a mapping"
check "subtitle at its line" has err.txt "^fm.md:3:[0-9]*: .*'subtitle': expected text, got a list"
check "duration at its line" has err.txt "^fm.md:4:[0-9]*: .*'duration': expected a number of seconds, got text"
check "target_duration at its line" has err.txt "^fm.md:5:[0-9]*: .*'target_duration': expected a number of seconds, got text"
check "voice at its line" has err.txt "^fm.md:6:[0-9]*: .*'voice': expected text, got a list"
check "an unknown field at its line" has err.txt "^fm.md:7:[0-9]*: .*unknown front matter field"
check "a number where text goes: quote it" has err.txt "^fm.md:8:[0-9]*: .*'outro': expected text, got a number (quote it"
check "nothing said at the heading's line" hasnt err.txt '^fm.md:10:'
check "each said once" test "$(grep -c "'voice'" err.txt)" -eq 1
check "the plan is still shown, titled by the H1" has out.txt '"Hello"'
# create refuses it with the same messages, and writes no video
"$VGRUN" create --from fm.md -o fm.mp4 >c.out 2>c.err; rc=$?
check "create fails (exit $rc)" test "$rc" -ne 0
check "create names subtitle at its line (c.err)" has c.err "fm.md:3:[0-9]*: .*'subtitle'"
check "no video" test ! -e fm.mp4
# the right types are taken as before
printf -- '---\ntitle: "1984"\nsubtitle: A book\ntarget_duration: 30\n---\n\nSome text here.\n' >good.md
"$VGRUN" scenes good.md >good.out 2>good.err; rc=$?
expect_rc 0 "right types: no error"
check "the quoted number is the title" has good.out '"1984"'
vg_done
