#!/usr/bin/env bash
# tests/quality/layout_ocr.sh: layouts read back by OCR (issue 13). A
# table's every column header is in the frame at 16:9, 9:16 and 1:1; with
# --captions burn the caption and the last list item are both readable in
# the same frame (no caption covers content); code wrapped in a tall frame
# keeps its tokens whole.
. "$(dirname "$0")/../lib.sh"
vg_need tesseract ffmpeg
vg_scratch layout --own-cache
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
  # every cell of the last column too, on the table's scenes (a square or
  # tall frame splits it into scenes of fewer rows, each at 44 or more)
  parts=$("$VGRUN" scenes --json --resolution "$res" "$T/table.md" 2>/dev/null | "$VGRUN" -e '
    local p = require("vg").json.decode(io.read("a"))
    for _, s in ipairs(p.scenes) do if s.type == "table" and s.index > 2 then print(s.index) end end')
  for k in $parts; do
    "$VGRUN" frame "$T/table.md" --scene "$k" --resolution "$res" -o "$T/t$k-$res.png" >"$T/t.log" 2>&1 \
      && text="$text $(ocr "$T/t$k-$res.png")"
  done
  echo "$text" | grep -qi "Universal" || { echo "FAIL table $res: last row's last cell not read"; fail=1; }
done

# A real document's table (zstd's README as Debian ships it, 4 columns): the
# first table scene of its plan shows every column header and the last
# column's values, landscape and portrait.
ZSTD="$(cd "$(dirname "$0")" && pwd)/corpus/en-zstd-README.md"
"$VGRUN" scenes --json "$ZSTD" >"$T/z.json" 2>/dev/null
tscene=$("$VGRUN" -e 'local f = io.open(arg[1]); local p = require("vg").json.decode(f:read("a")); f:close()
  for _, s in ipairs(p.scenes) do if s.type == "table" then print(s.index) return end end' "$T/z.json")
[ -n "$tscene" ] || { echo "FAIL zstd README: no table scene in its plan"; fail=1; }
for res in 1920x1080 1080x1920; do
  [ -n "$tscene" ] || break
  "$VGRUN" frame "$ZSTD" --scene "$tscene" --resolution "$res" -o "$T/z-$res.png" >"$T/z.log" 2>&1 \
    || { echo "FAIL zstd table frame $res: $(cat "$T/z.log")"; fail=1; continue; }
  text=$(ocr "$T/z-$res.png")
  if [ "$res" = 1080x1920 ]; then
    # a tall frame splits the stacked table into scenes of fewer rows at a
    # larger size: the rows of 2250 go on in the next scene
    "$VGRUN" frame "$ZSTD" --scene "$((tscene + 1))" --resolution "$res" -o "$T/z2-$res.png" >"$T/z.log" 2>&1 \
      && text="$text $(ocr "$T/z2-$res.png")"
  fi
  for col in "Compressor name" Ratio Compression Decompress 1700 2250; do
    echo "$text" | grep -qi -- "$col" || { echo "FAIL zstd table $res: '$col' not read in: $text"; fail=1; }
  done
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

# Burnt-in captions and a list that fills the slide: the caption's box (a
# frame while the last cue of the list scene is on screen: the widest run of
# dark pixels) and the box of the lowest list item's words (OCR of the
# settled frame, tesseract's TSV) must not intersect. Without the caption
# band (render.lua's display_list) the last row sits under the caption.
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
- Package the release
- Publish the archive
- Verify the results
MD
cat >"$T/geom.lua" <<'LUA'
-- geom.lua timing.json | geom.lua box RAW W H TSV: the times of the frames,
-- then the caption box and the lowest item's word box, and whether they meet
local vg = require("vg")
if arg[1] ~= "box" then
  local f = assert(io.open(arg[1])); local j = vg.json.decode(f:read("a")); f:close()
  local s = j.scenes[2]
  print(string.format("%.2f %.2f", s.narration_end - 0.8, s["end"] - 0.4))
  return
end
local raw, W, H = assert(io.open(arg[2], "rb")):read("a"), tonumber(arg[3]), tonumber(arg[4])
-- the caption box: rows in the lower half with a dark run wider than 40 % of the frame
local top, x0, x1
for y = H // 2, H - 1 do
  local run, best, bs = 0, 0, 0
  for x = 0, W - 1 do
    if raw:byte(y * W + x + 1) < 110 then run = run + 1 else run = 0 end
    if run > best then best, bs = run, x - run + 1 end
  end
  if best > W * 0.4 then top, x0, x1 = top or y, bs, bs + best - 1; break end
end
if not top then print("no caption box found in the caption frame"); os.exit(1) end
-- the lowest item: the words of "Verify the results"
local ib, il, ir
for line in assert(io.open(arg[5])):lines() do
  local c = {}
  for v in (line .. "\t"):gmatch("([^\t]*)\t") do c[#c + 1] = v end
  if c[12] == "Verify" or c[12] == "results" then
    local l, t, w, h = tonumber(c[7]), tonumber(c[8]), tonumber(c[9]), tonumber(c[10])
    ib = math.max(ib or 0, t + h); il = math.min(il or W, l); ir = math.max(ir or 0, l + w)
  end
end
if not ib then print("the last list item was not read"); os.exit(1) end
local meet = ib > top and il <= x1 and ir >= x0
print(string.format("caption box from y=%d (x %d-%d), last item's words to y=%d (x %d-%d)", top, x0, x1, ib, il, ir))
os.exit(meet and 1 or 0)
LUA
if "$VGRUN" create "$T/list.md" -o "$T/list.mp4" --resolution 1280x720 --fps 12 --captions burn -q \
    >"$T/l.log" 2>&1; then
  read -r capt settled < <("$VGRUN" "$T/geom.lua" "$T/list.timing.json" 2>"$T/at.err") ||
    { echo "FAIL timing: $(cat "$T/at.err")"; fail=1; }
  ffmpeg -v error -y -ss "${capt:-10}" -i "$T/list.mp4" -frames:v 1 -f rawvideo -pix_fmt gray "$T/cap.gray"
  ffmpeg -v error -y -ss "${settled:-13}" -i "$T/list.mp4" -frames:v 1 "$T/end.png"
  tesseract "$T/end.png" "$T/end" tsv >/dev/null 2>&1
  if ! msg=$("$VGRUN" "$T/geom.lua" box "$T/cap.gray" 1280 720 "$T/end.tsv" 2>&1); then
    echo "FAIL captions: a caption covers the last list item: $msg"; fail=1
  fi
  ocr "$T/end.png" | grep -qi "Verify the results" || { echo "FAIL captions: last item not read"; fail=1; }
else
  echo "FAIL create --captions burn: $(cat "$T/l.log")"; fail=1
fi

[ "$fail" = 0 ] && echo "ok: table columns, code tokens and burnt-in captions read back"
exit $((fail > 0))
