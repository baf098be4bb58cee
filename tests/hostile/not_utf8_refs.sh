#!/usr/bin/env bash
# A character reference to a noncharacter (&#xFFFE; &#xFFFF;) is written by
# cmark as the lone byte FE or FF, which is not UTF-8: it went into the
# scene model as it was, and from there into `vgrun scenes --json`, the
# slides, the captions and the timing JSON (a JSON file no reader takes).
# Every string of a loaded model is UTF-8: such bytes are taken out, with a
# warning naming the file; the text around them stays.
#   VGRUN=build/vgrun tests/hostile/not_utf8_refs.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch not-utf8-refs
utf8() { python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$1" 2>/dev/null; }
R='one&#xFFFE;two &#xFFFF; three&#xFDD0;four caf&#233;'
printf '# Refs %s\n\nBody %s end.\n\n## Second\n\n<p>html %s</p>\n\nText `code %s`.\n' "$R" "$R" "$R" "$R" >"$T/refs.md"
printf '= Refs\n\nBody %s end.\n\n== Second\n\nMore %s text.\n' "$R" "$R" >"$T/refs.adoc"
for f in refs.md refs.adoc; do
  "$VGRUN" scenes --json "$T/$f" >"$T/$f.json" 2>"$T/$f.err"; rc=$?
  expect_rc 0 "$f: read"
  check "$f: the plan is UTF-8" utf8 "$T/$f.json"
  check "$f: a warning names the file" has "$T/$f.err" "$f:[0-9]*:[0-9]*: warning: bytes that are not UTF-8"
  check "$f: the text around the reference stays" has "$T/$f.json" "onetwo"
  check "$f: a valid reference is decoded" has "$T/$f.json" "café"
done
# the outputs of a video: captions and timing
"$VGRUN" create --from "$T/refs.md" -o "$T/refs.mp4" --resolution 320x180 --captions srt,vtt \
  --no-cache >"$T/create.out" 2>&1; rc=$?
expect_rc 0 "refs.md: a video"
for o in refs.srt refs.vtt refs.timing.json; do check "$o is UTF-8" utf8 "$T/$o"; done
vg_done
