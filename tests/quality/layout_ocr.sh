#!/usr/bin/env bash
# tests/quality/layout_ocr.sh: layouts read back by OCR (issue 13). A
# table's every column header is in the frame at 16:9, 9:16 and 1:1; with
# --captions burn the caption and the last list item are both readable in
# the same frame (no caption covers content); code wrapped in a tall frame
# keeps its tokens whole.
set -u
: "${VGRUN:?VGRUN must point at the vgrun binary}"
command -v tesseract >/dev/null || { echo "skip: tesseract not installed"; exit 77; }
command -v ffmpeg >/dev/null || { echo "skip: ffmpeg not installed"; exit 77; }
T=$(mktemp -d "${TMPDIR:-/tmp}/vgrun-layout.XXXXXX")
trap 'rm -rf "$T"' EXIT
export VGRUN_STATE_DIR="$T/state" VGRUN_CACHE_DIR="$T/cache"
fail=0
ocr() { tesseract "$1" - 2>/dev/null | tr '\n' ' ' | tr -s ' '; }

cat >"$T/table.md" <<'MD'
# Release Matrix

## Platforms

| Platform | Compiler | Status | Maintainer | Remarks |
| --- | --- | --- | --- | --- |
| Linux | GCC | Supported | Alice | Tested on every commit of the main branch |
| Windows | MSVC | Supported | Bob | Needs Visual Studio |
| Haiku | Clang | Experimental | Carol | Builds only |
| macOS | Clang | Supported | Dave | Universal binaries |
MD
for res in 1920x1080 1080x1920 1080x1080; do
  "$VGRUN" frame "$T/table.md" --scene 2 --resolution "$res" -o "$T/t-$res.png" >"$T/t.log" 2>&1 \
    || { echo "FAIL table frame $res: $(cat "$T/t.log")"; fail=1; continue; }
  grep -q "was cut" "$T/t.log" && { echo "FAIL table $res: $(cat "$T/t.log")"; fail=1; }
  text=$(ocr "$T/t-$res.png")
  for col in Platform Compiler Status Maintainer Remarks; do
    echo "$text" | grep -qi "$col" || { echo "FAIL table $res: column '$col' not read in: $text"; fail=1; }
  done
  # every cell of the last column too
  echo "$text" | grep -qi "Universal" || { echo "FAIL table $res: last row's last cell not read"; fail=1; }
done

cat >"$T/code.md" <<'MD'
# Code

## Options

The make function builds a greeting from a table of options.

```lua
local msg = greet.make({ name = "world", punctuation = "!", instead_of_hello = "Good morning" })
```
MD
"$VGRUN" frame "$T/code.md" --scene 2 --resolution 1080x1920 -o "$T/code.png" >"$T/c.log" 2>&1 \
  || { echo "FAIL code frame: $(cat "$T/c.log")"; fail=1; }
text=$(ocr "$T/code.png")
echo "$text" | grep -qE "instead.?of.?hello" || { echo "FAIL code: instead_of_hello not whole in: $text"; fail=1; }
echo "$text" | grep -q "inste-" && { echo "FAIL code: a token was hyphenated: $text"; fail=1; }

cat >"$T/list.md" <<'MD'
# Caption Check

## Steps

First we prepare the workspace carefully, then we copy the sources over, we build everything and finally we check the results of the whole run.

- Install the compiler
- Fetch the dependencies
- Prepare the workspace
- Copy the sources
- Configure the build
- Build everything
- Run the test suite
- Verify the results
MD
if "$VGRUN" create "$T/list.md" -o "$T/list.mp4" --resolution 1280x720 --fps 12 --captions burn -q \
    >"$T/l.log" 2>&1; then
  cat >"$T/at.lua" <<'LUA'
local vg = require("vg")
local f = assert(io.open(arg[1])); local j = vg.json.decode(f:read("a")); f:close()
local s = j.scenes[2]
print(string.format("%.2f", s["end"] - 0.4))
LUA
  at=$("$VGRUN" "$T/at.lua" "$T/list.timing.json" 2>"$T/at.err") || { echo "FAIL timing: $(cat "$T/at.err")"; fail=1; }
  ffmpeg -v error -y -ss "${at:-5}" -i "$T/list.mp4" -frames:v 1 "$T/cap.png"
  text=$(ocr "$T/cap.png")
  echo "$text" | grep -qi "Verify the results" || { echo "FAIL captions: last item not read (covered?): $text"; fail=1; }
  echo "$text" | grep -qiE "check|results of|whole run|build" || { echo "FAIL captions: no caption read: $text"; fail=1; }
else
  echo "FAIL create --captions burn: $(cat "$T/l.log")"; fail=1
fi

[ "$fail" = 0 ] && echo "ok: table columns, code tokens and burnt-in captions read back"
exit "$fail"
