#!/usr/bin/env bash
# A command never writes one of its outputs over another, over its --events
# file or over a file it read, --overwrite or not: `frame -o` over its own
# document or a picture the document shows, `say -o X --timings X`, `frame`
# or `say` writing where --events goes (exit 2, every file intact). Before,
# each of these exited 0 with the document, the WAV or the events replaced.
#   VGRUN=build/vgrun tests/cli/outputs_apart.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch outputs-apart
cd "$T" || exit 1
printf '# Talk\n\nA short talk about files.\n\n## First\n\nThe first part.\n' >doc.md
sum() { sha256sum "$1" | cut -d' ' -f1; }
doc_sum=$(sum doc.md)
intact() { [ "$(sum doc.md)" = "$doc_sum" ]; }

# frame over the document it draws, with --overwrite, by name, by a link, by a hard link
for out in doc.md ./doc.md; do
  "$VGRUN" frame doc.md --scene 1 --resolution 320x180 -o "$out" --overwrite >out.txt 2>err.txt; rc=$?
  expect_rc 2 "frame doc.md -o $out --overwrite"
  check "frame -o $out: says why" has err.txt "would overwrite the input doc.md"
  check "frame -o $out: the document is intact" intact
done
ln doc.md hard.md
"$VGRUN" frame doc.md --sheet --resolution 320x180 -o hard.md --overwrite >out.txt 2>err.txt; rc=$?
expect_rc 2 "frame --sheet -o a hard link to the document"
check "the hard link's file is intact" intact
# a picture the document shows
python3 - <<'PY'
import struct, zlib
raw = b''.join(b'\x00' + b'\x20\x60\xc0' * 8 for _ in range(8))
def ch(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
open('pic.png', 'wb').write(b'\x89PNG\r\n\x1a\n' + ch(b'IHDR', struct.pack('>IIBBBBB', 8, 8, 8, 2, 0, 0, 0))
                           + ch(b'IDAT', zlib.compress(raw)) + ch(b'IEND', b''))
PY
pic_sum=$(sum pic.png)
printf '# Pictures\n\nWords.\n\n## A picture\n\n![the picture](pic.png)\n\nAbout it.\n' >pics.md
"$VGRUN" frame pics.md --scene 2 --resolution 320x180 -o pic.png --overwrite >out.txt 2>err.txt; rc=$?
expect_rc 2 "frame -o the picture the document shows"
check "the picture is intact" test "$(sum pic.png)" = "$pic_sum"
# a new output is still written
"$VGRUN" frame pics.md --scene 2 --resolution 320x180 -o f.png >out.txt 2>err.txt; rc=$?
expect_rc 0 "frame -o a new file"
check "the frame is a PNG" has f.png "PNG"

# frame and say where --events goes: the events are kept
"$VGRUN" --events ev.jsonl frame doc.md --scene 1 --resolution 320x180 -o ev.jsonl >out.txt 2>err.txt; rc=$?
expect_rc 2 "frame -o the --events file"
check "frame: says why" has err.txt "ev.jsonl is the --events file of this run"
check "the events file is not a PNG" hasnt ev.jsonl "PNG"
"$VGRUN" --events ev2.jsonl say hello -o ev2.jsonl >out.txt 2>err.txt; rc=$?
expect_rc 2 "say -o the --events file"
check "the events file is not a WAV" hasnt ev2.jsonl "RIFF"
"$VGRUN" --events ev3.jsonl say hello -o s3.wav --timings ev3.jsonl >out.txt 2>err.txt; rc=$?
expect_rc 2 "say --timings the --events file"
check "say --timings: says why" has err.txt "ev3.jsonl is the --events file of this run"

# say's WAV and its timings in one file
"$VGRUN" say hello -o s.wav --timings s.wav >out.txt 2>err.txt; rc=$?
expect_rc 2 "say -o s.wav --timings s.wav"
check "say: says why" has err.txt "s.wav and s.wav are one file"
check "say: nothing written" test ! -e s.wav
ln -s s1.wav s-link.json
"$VGRUN" say hello -o s1.wav --timings s-link.json >out.txt 2>err.txt; rc=$?
check "say: a link to the WAV as --timings is written beside, not through" test "$rc" -ne 0 -o "$(head -c 4 s1.wav)" = "RIFF"
"$VGRUN" say hello -o s2.wav --timings s2.json >out.txt 2>err.txt; rc=$?
expect_rc 0 "say -o s2.wav --timings s2.json"
check "the WAV is a WAV" test "$(head -c 4 s2.wav)" = "RIFF"
check "the timings are JSON" has s2.json '"words"'

# a path with a NUL byte is refused by the file functions, never cut short
printf 'victim\n' >victim
cat >nul.lua <<'LUA'
local vg = require("vg")
local function try(name, f, ...)
  local ok, err = pcall(f, ...)
  print(name, ok and "accepted" or ("refused: " .. tostring(err)))
end
try("remove_tree", vg.core.remove_tree, "victim\0/../x")
try("open_regular", vg.core.open_regular, "victim\0.png")
try("write_atomic", vg.core.write_atomic, "victim\0.new", "x")
try("task_lock", vg.core.task_lock, "t1\0x")
try("state.load", vg.state.load, "t1\0x")
print("id_valid", vg.core.task_id_valid("t1\0x"))
print("id_check", vg.core.task_id_check("t1\0x"))
LUA
"$VGRUN" nul.lua >out.txt 2>err.txt; rc=$?
expect_rc 0 "nul.lua"
for f in remove_tree open_regular write_atomic task_lock state.load; do
  check "$f: a NUL in the path is refused" has out.txt "^$f	refused: .*NUL"
done
check "task_id_valid: false" has out.txt "^id_valid	false"
check "task_id_check: says NUL" has out.txt "^id_check	nil	.*NUL byte"
check "the file is intact" has victim "^victim$"
vg_done
