#!/usr/bin/env bash
# Transcripts on their own timeline and recorded narration (issue 13, item
# 11): `--keep-timing` starts each scene at its first cue and keeps the cue
# times in the captions; `--audio FILE` lays the slides over a recording
# (WAV, MP3...) whose sound is the video's sound; a recording that cannot be
# decoded is a usage error naming the file; it is an input for the clash
# check, nothing is written beside it, and the audio's cache key is its
# content.
#   VGRUN=build/vgrun tests/create/transcript_audio.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg ffprobe python3
vg_scratch transcript-audio --own-cache
FAST=(--resolution 320x180 --fps 10)

mkdir -p "$T/rec" "$T/out"
cd "$T" || exit 1
# the recording: 20 s of a rising tone with a beat (44.1 kHz stereo: it is
# resampled and mixed down), as WAV and MP3; a second one as different
ffmpeg -loglevel error -f lavfi -i "aevalsrc=0.4*sin(2*PI*(180+12*t)*t)*(0.6+0.4*sin(2*PI*1.3*t))|0.4*sin(2*PI*(180+12*t)*t)*(0.6+0.4*sin(2*PI*1.3*t)):s=44100:d=20" \
  rec/talk.wav || { echo "SKIP: ffmpeg cannot make a WAV"; exit 77; }
ffmpeg -loglevel error -f lavfi -i "aevalsrc=0.4*sin(2*PI*(520-9*t)*t):s=44100:d=20" rec/other.wav
have_mp3=1
ffmpeg -loglevel error -i rec/talk.wav -c:a libmp3lame -b:a 128k rec/talk.mp3 2>/dev/null || have_mp3=0
cp "$HERE/talk.srt" rec/talk.srt
printf '# Over a talk\n\nA short introduction.\n\n## First part\n\n- One point made here\n- Another one that follows\n\n## Second part\n\nClosing words about all that was said.\n' >rec/doc.md
before=$(ls -A rec)

dur() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1"; }
# the decoded sound of two files, 48 kHz mono: how alike (correlation at lag 0)
pcm() { ffmpeg -loglevel error -i "$1" -map 0:a:0 -ac 1 -ar 48000 -f s16le -; }
alike() {
  pcm "$1" >"$T/a.pcm"; pcm "$2" >"$T/b.pcm"
  python3 - "$T/a.pcm" "$T/b.pcm" "$3" <<'PY'
import array, math, sys
a, b = array.array('h'), array.array('h')
a.frombytes(open(sys.argv[1], 'rb').read()); b.frombytes(open(sys.argv[2], 'rb').read())
n = min(len(a), len(b))
sab = sum(a[i] * b[i] for i in range(0, n, 3)); saa = sum(a[i] * a[i] for i in range(0, n, 3))
sbb = sum(b[i] * b[i] for i in range(0, n, 3))
r = sab / math.sqrt(saa * sbb) if saa and sbb else 0
print("correlation %.3f" % r, file=sys.stderr)
sys.exit(0 if r >= float(sys.argv[3]) else 1)
PY
}
near() { python3 -c "import sys; sys.exit(0 if abs(float('$1') - float('$2')) <= float('$3') else 1)"; }
scene_start() { python3 -c "import json; print(json.load(open('$1'))['scenes'][$2]['start'])"; }

# 1. a transcript with its recording: the slides follow the cues, the sound is the recording
"$VGRUN" create rec/talk.srt --audio rec/talk.wav --captions srt,vtt -o out/talk.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "wav: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "wav: the video lasts the recording" near "$(dur out/talk.mp4)" 21.6 0.3
check "wav: scene 2 starts at the first cue (2.5 s)" near "$(scene_start out/talk.timing.json 1)" 2.5 0.1
check "wav: scene 3 starts at its first cue (12 s)" near "$(scene_start out/talk.timing.json 2)" 12.0 0.1
check "wav: cue 3 keeps its time in the SRT" has out/talk.srt "00:00:12,000 --> 00:00:15,500"
check "wav: cue 4 keeps its time in the VTT" has out/talk.vtt "00:00:15.600 --> 00:00:18.000"
check "wav: the captions are the cues (4), not the title's welcome" [ "$(grep -c -- '-->' out/talk.srt)" -eq 4 ]
check "wav: the sound is the recording" alike out/talk.mp4 rec/talk.wav 0.9
if alike out/talk.mp4 rec/other.wav 0.5 2>/dev/null; then bad "wav: sounds like another recording"; else ok; fi

check "wav: a recording as long as the cues gives no warning of its end" hasnt err.txt "ends before the transcript"

# 1b. a recording that ends before the last cue (10 s of a talk whose cues
# run to 18 s): the slides after its end are silent, and a warning says so
ffmpeg -loglevel error -i rec/talk.wav -t 10 short.wav
"$VGRUN" create rec/talk.srt --audio short.wav -o out/short.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "short: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "short: a warning that the recording ends before the last cue" \
  has err.txt "the recording (10.0 s) ends before the transcript's last cue (18.0 s)"

# 2. the same as MP3
if [ "$have_mp3" = 1 ]; then
  "$VGRUN" create rec/talk.srt --audio rec/talk.mp3 -o out/mp3.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
  check "mp3: exit $rc, wanted 0" [ "$rc" -eq 0 ]
  check "mp3: the video lasts the recording" near "$(dur out/mp3.mp4)" 21.6 0.3
  check "mp3: the sound is the recording" alike out/mp3.mp4 rec/talk.wav 0.9
else
  echo "note: no MP3 encoder in this ffmpeg; the MP3 case is not run" >&2
fi

# 3. the cache key is the recording's content: a new recording, the same name and length
cp rec/talk.wav rec/keep.wav
"$VGRUN" create rec/talk.srt --audio rec/talk.wav -o out/again.mp4 "${FAST[@]}" >out.txt 2>err.txt
check "again: every scene from the cache" has out.txt "0 made, 4 from cache"
cp rec/other.wav rec/talk.wav
"$VGRUN" create rec/talk.srt --audio rec/talk.wav -o out/again.mp4 --overwrite "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "changed: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "changed: the new recording is heard" alike out/again.mp4 rec/other.wav 0.9
cp rec/keep.wav rec/talk.wav; rm rec/keep.wav

# 4. --keep-timing with speech synthesis: scenes and captions on the cue times
"$VGRUN" create rec/talk.srt --keep-timing --captions srt -o out/tts.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "tts: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "tts: scene 3 starts at 12 s" near "$(scene_start out/tts.timing.json 2)" 12.0 0.1
check "tts: cue 3 keeps its time" has out/tts.srt "00:00:12,000 --> 00:00:15,500"
check "tts: cue 2 keeps its time" has out/tts.srt "00:00:05,200 --> 00:00:08,000"

# 5. a document and a recording: shared by the text, and the user is told so once
"$VGRUN" create rec/doc.md --audio rec/talk.wav -o out/doc.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "doc: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "doc: told that the recording is shared" has err.txt "shared by the scenes in proportion"
check "doc: told once" [ "$(grep -c 'shared by the scenes' err.txt)" -eq 1 ]
check "doc: the video lasts at least the recording" python3 -c "import sys; sys.exit(0 if float('$(dur out/doc.mp4)') >= 19.95 else 1)"
check "doc: the sound is the recording" alike out/doc.mp4 rec/talk.wav 0.9
in_order() { python3 - "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); prev = 0
for s in d["scenes"]:
    seq = [prev, s["start"], s["narration_start"], s["narration_end"], s["end"]]
    if seq != sorted(seq): sys.exit("not in order: %s" % seq)
    prev = s["end"]
PY
}
check "doc: each scene's times in order, its narration inside it" in_order out/doc.timing.json
# at 30 fps the recording's share points fall between grid frames, where
# the cuts are floored: a scene's narration still ends by its cut
mkdir -p say; ffmpeg -v error -f lavfi -i "sine=frequency=300:duration=8.322" -ar 22050 say/say.wav
cat >say/four.yaml <<'YAML'
video: {id: four, title: Four}
scenes:
  - {type: title, title: Feature Demo, narration: "Learn the essential features in 60 seconds"}
  - {type: list, title: Quick Start, items: [Install, Init, Run], narration: "Getting up and running quickly with three simple commands"}
  - {type: list, title: Key Features, items: [Fast, Easy], narration: "The main capabilities you need to know about this tool"}
  - {type: outro, main_text: Ready, narration: "Ready to get started? Try it today."}
YAML
"$VGRUN" create say/four.yaml --audio say/say.wav -o out/four.mp4 --resolution 320x180 --fps 30 >out.txt 2>err.txt; rc=$?
check "four: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "four: each scene's times in order, its narration inside it" in_order out/four.timing.json
check "wav: each scene's times in order, its narration inside it" in_order out/talk.timing.json

# 6. what cannot be a recording: exit 2, the file named, nothing written
head -c 5000 /dev/urandom >rec/junk.mp3
mkfifo rec/pipe.wav
for a in rec/junk.mp3 rec/pipe.wav rec/talk.srt rec/missing.wav rec; do
  "$VGRUN" create rec/talk.srt --audio "$a" -o out/bad.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
  check "bad $a: exit $rc, wanted 2" [ "$rc" -eq 2 ]
  check "bad $a: the message names it" has err.txt "--audio $a: "
  check "bad $a: no traceback" bash -c "! grep -q traceback err.txt"
  check "bad $a: nothing written" [ ! -e out/bad.mp4 ]
done
rm -f rec/pipe.wav rec/junk.mp3

# 7. the recording is an input: an output over it is refused
cp rec/talk.wav out/clash.mp4 2>/dev/null
"$VGRUN" create rec/talk.srt --audio out/clash.mp4 -o out/clash.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "clash: exit $rc, wanted 2" [ "$rc" -eq 2 ]
check "clash: says so" has err.txt "would overwrite the input"
ln -s ../rec/talk.wav out/link.srt
"$VGRUN" create rec/talk.srt --audio out/link.srt -o out/link.mp4 --captions srt "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "clash through a link: exit $rc, wanted 2" [ "$rc" -eq 2 ]
cmp -s out/link.srt rec/talk.wav || bad "the recording was written through a link"

# 8. --keep-timing needs cue times
"$VGRUN" create rec/doc.md --keep-timing -o out/kt.mp4 "${FAST[@]}" >out.txt 2>err.txt; rc=$?
check "keep-timing doc: exit $rc, wanted 2" [ "$rc" -eq 2 ]
check "keep-timing doc: says why" has err.txt "no cue times"

# 9. the same options for a pipeline built in Lua
cat >pipe.lua <<'LUA'
local create = require("vg.create")
local audio = ...
local p = create.pipeline{ audio = audio, width = 320, height = 180, fps = 10,
  output = "out/lua.mp4", captions = { srt = true } }
local r = p:run("rec/talk.srt", { task_id = "lua-recording" })
if not r.success then print("error: " .. r.errors[1].message) end
LUA
"$VGRUN" pipe.lua rec/talk.wav >out.txt 2>err.txt; rc=$?
check "lua: exit $rc, wanted 0" [ "$rc" -eq 0 ]
check "lua: cue 3 keeps its time" has out/lua.srt "00:00:12,000 --> 00:00:15,500"
check "lua: the sound is the recording" alike out/lua.mp4 rec/talk.wav 0.9
"$VGRUN" pipe.lua rec/talk.srt >out.txt 2>err.txt; rc=$?
check "lua bad: exit $rc, wanted 1" [ "$rc" -eq 1 ]
check "lua bad: the task fails, the file named" has out.txt "error: --audio rec/talk.srt: has no audio stream"

# nothing was written beside the recording
after=$(ls -A rec)
check "nothing new beside the recording" [ "$before" = "$after" ]

echo "transcript_audio: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
