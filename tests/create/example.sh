#!/usr/bin/env bash
# examples/custom_video.lua runs as documented and its Lua stage shows.
. "$(dirname "$0")/../lib.sh"
vg_scratch example
"$VGRUN" examples/custom_video.lua tests/create/small.yaml "$T/custom.mp4" >"$T/out" 2>&1 || { cat "$T/out"; echo "0 passed, 1 failed"; exit 1; }
grep -q "rendered $T/custom.mp4" "$T/out" || { echo "FAIL: no video.rendered event"; fail=1; }
ffprobe -v error -show_chapters -of csv "$T/custom.mp4" | grep -q "CRASH SAFETY" || { echo "FAIL: titles are not upper case"; fail=1; }
w=$(ffprobe -v error -select_streams v -show_entries stream=width -of csv=p=0 "$T/custom.mp4")
[ "$w" = "1280" ] || { echo "FAIL: width $w"; fail=1; }
[ $fail -eq 0 ] && echo "3 passed, 0 failed" || echo "failed"
exit $((fail > 0))
