#!/usr/bin/env bash
# Every command writes only files it makes: --events, `frame -o`, `say -o`
# and `say --timings` never truncate or replace a document, a file of the
# user's or a link's target (exit 2, --overwrite for a file); a file they
# made before is theirs to write again. `vgrun batch` reads no link that
# leads out of the folder it searches, and writes through no link under its
# output folder.
#   VGRUN=build/vgrun tests/cli/not_ours.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch not-ours
cd "$T" || exit 1
printf '# Talk\n\nA short talk about files.\n\n## First\n\nThe first part.\n' >doc.md
sum() { sha256sum "$1" | cut -d' ' -f1; }
doc_sum=$(sum doc.md)
intact() { [ "$(sum doc.md)" = "$doc_sum" ]; }

# --events over the document a command reads, or any file of the user's
for cmd in "scenes doc.md" "check doc.md" "frame doc.md --scene 1 --resolution 320x180 -o f.png"; do
  "$VGRUN" --events doc.md $cmd >out.txt 2>err.txt; rc=$?
  expect_rc 2 "--events doc.md $cmd"
  check "--events doc.md $cmd: says why" has err.txt "doc.md exists and is not an events file vgrun made"
  check "--events doc.md $cmd: the document is intact" intact
done
echo "notes of mine" >notes.jsonl
"$VGRUN" --events notes.jsonl scenes doc.md >out.txt 2>err.txt; rc=$?
expect_rc 2 "--events over a file of the user's"
check "the user's file is intact" has notes.jsonl "^notes of mine$"
ln -s doc.md ev-link
"$VGRUN" --events ev-link scenes doc.md >out.txt 2>err.txt; rc=$?
expect_rc 2 "--events through a link to the document"
check "the link's target is intact" intact
# a new file, then the same file again (vgrun's), an empty one, /dev/null
"$VGRUN" --events ev.jsonl scenes doc.md >out.txt 2>err.txt; rc=$?
expect_rc 0 "--events to a new file"
check "events written" test -f ev.jsonl
"$VGRUN" --events ev.jsonl scenes doc.md >out.txt 2>err.txt; rc=$?
expect_rc 0 "--events to the file vgrun made before"
: >empty.jsonl
"$VGRUN" --events empty.jsonl scenes doc.md >out.txt 2>err.txt; rc=$?
expect_rc 0 "--events to an empty file"
"$VGRUN" --events /dev/null scenes doc.md >out.txt 2>err.txt; rc=$?
expect_rc 0 "--events to /dev/null"

# vgrun frame -o
"$VGRUN" frame doc.md --scene 1 --resolution 320x180 -o doc.md >out.txt 2>err.txt; rc=$?
expect_rc 2 "frame -o the document"
check "frame -o the document: the document is intact" intact
check "frame -o the document: says why" has err.txt "the output doc.md would overwrite the input doc.md"
echo precious >victim.txt
ln -s victim.txt pic.png
"$VGRUN" frame doc.md --scene 1 --resolution 320x180 -o pic.png >out.txt 2>err.txt; rc=$?
expect_rc 2 "frame -o a link"
check "frame -o a link: its target is intact" has victim.txt "^precious$"
"$VGRUN" frame doc.md --scene 1 --resolution 320x180 -o pic.png --overwrite >out.txt 2>err.txt; rc=$?
expect_rc 0 "frame -o a link --overwrite"
check "the link is replaced, its target never written" has victim.txt "^precious$"
[ ! -L pic.png ] && [ "$(head -c 4 pic.png | tail -c 3)" = PNG ] && ok || bad "pic.png is not a PNG of its own"
"$VGRUN" frame doc.md --scene 1 --resolution 320x180 -o pic.png >out.txt 2>err.txt; rc=$?
expect_rc 0 "frame -o the PNG it made before"
"$VGRUN" frame doc.md --sheet --resolution 320x180 -o doc.md >out.txt 2>err.txt; rc=$?
expect_rc 2 "frame --sheet -o the document"
check "frame --sheet -o the document: intact" intact

# vgrun say -o, --timings
"$VGRUN" say -o doc.md hello >out.txt 2>err.txt; rc=$?
expect_rc 2 "say -o the document"
check "say -o the document: intact" intact
"$VGRUN" say -o s.wav --timings doc.md hello >out.txt 2>err.txt; rc=$?
expect_rc 2 "say --timings the document"
check "say --timings the document: intact" intact
[ ! -e s.wav ] && ok || bad "say wrote s.wav though its --timings was refused"
"$VGRUN" say -o s.wav --timings s.json hello >out.txt 2>err.txt; rc=$?
expect_rc 0 "say -o a new file"
"$VGRUN" say -o s.wav --timings s.json hello again >out.txt 2>err.txt; rc=$?
expect_rc 0 "say -o the WAV it made before"

# vgrun batch: a link that leads out of the folder is not read
mkdir -p in out secret
echo "The secret password is swordfish." >secret/key.txt
printf '# Page\n\nA page of the folder.\n' >in/page.md
ln -s ../secret/key.txt in/notes.md
"$VGRUN" batch in -o out --list >out.txt 2>err.txt; rc=$?
expect_rc 0 "batch --list"
check "batch reads the folder's page" has out.txt "^page.md$"
check "batch does not read a link out of the folder" hasnt out.txt "notes.md"
check "batch says it skipped the link" has err.txt "notes.md: a link that leads out of"
# a folder under OUTDIR that is a link: not written through
mkdir -p in/sub elsewhere out2
printf '# Sub\n\nA page in a subfolder.\n' >in/sub/deep.md
rm in/notes.md
ln -s ../elsewhere out2/sub
"$VGRUN" batch in -o out2 --resolution 320x180 >out.txt 2>err.txt; rc=$?
expect_rc 1 "batch with a linked folder under -o"
check "nothing written through the link" test -z "$(ls elsewhere)"
check "the failure names the link" has err.txt "out2/sub is a link"
check "the other page is made" test -s out2/page.mp4

# tasks clean --corrupt removes damaged task state files only: a JSON file of
# the user's in a folder given as --state-dir by mistake stays
mkdir -p mine/tasks
printf 'local vg = require("vg")\nvg.pipeline{ name = "p", stages = { function() end } }:run(nil, { task_id = "t1" })\n' >t1.lua
"$VGRUN" --state-dir mine t1.lua >out.txt 2>err.txt || bad "t1.lua: $(cat err.txt)"
sed -i 's/"status":[[:space:]]*"completed"/"status": "exploded"/' mine/tasks/t1.json
grep -q exploded mine/tasks/t1.json || bad "the task file was not damaged as planned: $(head -c 300 mine/tasks/t1.json)"
echo '{"my": "settings"}' >mine/tasks/settings.json
"$VGRUN" --state-dir mine tasks clean --corrupt >out.txt 2>err.txt; rc=$?
expect_rc 0 "tasks clean --corrupt"
[ ! -e mine/tasks/t1.json ] && ok || bad "a damaged task state file was not removed: $(cat out.txt err.txt)"
check "a JSON file of the user's stays" has mine/tasks/settings.json "settings"
check "and is named" has err.txt "settings.json: names no vgrun task"
# a FIFO or a link among the state files: never opened (a FIFO waited for a
# writer for ever), never removed, and the clean ends
mkfifo mine/tasks/pipe.json
printf '{"task_id":"lnk","pipeline":"p","status":"exploded"}' >elsewhere.json
ln -s ../../elsewhere.json mine/tasks/lnk.json
timeout 20 "$VGRUN" --state-dir mine tasks clean --corrupt >out.txt 2>err.txt; rc=$?
expect_rc 0 "tasks clean --corrupt with a FIFO and a link among the state files"
check "the FIFO stays" test -p mine/tasks/pipe.json
check "the link stays" test -L mine/tasks/lnk.json
check "its target stays" has elsewhere.json "exploded"
# a state file that is a link is not read through (it leads out of the folder)
mkdir -p linked/tasks
echo '{"task_id":"x","pipeline":"p","status":"completed","secret":"swordfish"}' >secret.json
ln -s ../../secret.json linked/tasks/x.json
"$VGRUN" --state-dir linked tasks show x >out.txt 2>err.txt; rc=$?
expect_rc 1 "tasks show of a linked state file"
check "the link is named" has err.txt "x.json: is a symbolic link"
check "nothing of its target is shown" hasnt out.txt "swordfish"

# Nor over one of its outputs, its --events file or a file it read,
# --overwrite or not: `frame -o` over its own document or a picture the
# document shows, `say -o X --timings X`, `frame` or `say` writing where
# --events goes (exit 2, every file intact); before, each exited 0 with the
# document, the WAV or the events replaced.

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
"$VGRUN" --events ev.png frame doc.md --scene 1 --resolution 320x180 -o ev.png >out.txt 2>err.txt; rc=$?
expect_rc 2 "frame -o the --events file"
check "frame: says why" has err.txt "ev.png is the --events file of this run"
check "the events file is not a PNG" hasnt ev.png "PNG"
"$VGRUN" --events ev2.wav say hello -o ev2.wav >out.txt 2>err.txt; rc=$?
expect_rc 2 "say -o the --events file"
check "say -o: says why" has err.txt "ev2.wav is the --events file of this run"
check "the events file is not a WAV" hasnt ev2.wav "RIFF"
"$VGRUN" --events ev3.json say hello -o s3.wav --timings ev3.json >out.txt 2>err.txt; rc=$?
expect_rc 2 "say --timings the --events file"
check "say --timings: says why" has err.txt "ev3.json is the --events file of this run"

# say's WAV and its timings in one file
"$VGRUN" say hello -o one.wav --timings one.wav >out.txt 2>err.txt; rc=$?
expect_rc 2 "say -o one.wav --timings one.wav"
check "say: says why" has err.txt "one.wav and one.wav are one file"
check "say: nothing written" test ! -e one.wav
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

# a sheet of several pages whose second page's name is a file of the user's:
# refused before any page is written (before, sheet-01.png was written, then
# the command failed at page 2 and left it)
awk 'BEGIN { print "video:\n  id: many\n  title: Many\nscenes:"
  for (i = 1; i <= 100; i++) printf "  - scene_type: title\n    visual_content: { title: \"S%d\" }\n    narration: \"Scene %d.\"\n", i, i }' >many.yaml
echo "page of mine" >sheet-02.png
"$VGRUN" frame many.yaml --sheet --resolution 320x180 -o sheet.png >out.txt 2>err.txt; rc=$?
expect_rc 2 "frame --sheet with a user's file at page 2"
check "frame --sheet: says which page" has err.txt "sheet-02.png exists and vgrun has no record of making it"
check "frame --sheet: no page written" test ! -e sheet-01.png
check "frame --sheet: the user's page is intact" has sheet-02.png "^page of mine$"
rm sheet-02.png
"$VGRUN" frame many.yaml --sheet --resolution 320x180 -o sheet.png >out.txt 2>err.txt; rc=$?
expect_rc 0 "frame --sheet of two pages"
check "frame --sheet: both pages" test -s sheet-01.png -a -s sheet-02.png
"$VGRUN" frame many.yaml --sheet --resolution 320x180 -o sheet.png >out.txt 2>err.txt; rc=$?
expect_rc 0 "frame --sheet again over its own pages"
vg_done
