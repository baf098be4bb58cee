#!/usr/bin/env bash
# A recording (--audio) that is no talk made a video with exit 0:
#  - a WAV whose header claims two hours over 1 KB of samples (libavformat
#    takes a data size past the file's end for a streamed file's placeholder
#    and estimates the length from the file's size: "recording (0.0 s)");
#  - a WAV of 0.1 s (the slides shared out over a click);
#  - a cut .m4a (no moov atom) printed libav's raw "[mov,mp4,...] moov atom
#    not found" line before vgrun's own message.
# Each is now one vgrun message naming the file, exit 2, no video; a WAV
# streamed with placeholder sizes (ffmpeg -f wav -) is still taken.
#   VGRUN=build/vgrun tests/hostile/recording_lies.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg python3
vg_scratch recording-lies
cd "$T" || exit 1
printf '# A talk\n\nHello there, this is what is said.\n\n## More\n\nAnd this is said after.\n' >doc.md
python3 - <<'PY'
import struct
def wav(name, claim, hold):
    rate = 44100
    fmt = struct.pack('<IHHIIHH', 16, 1, 1, rate, rate * 2, 2, 16)
    open(name, 'wb').write(b'RIFF' + struct.pack('<I', 36 + claim) + b'WAVEfmt ' + fmt
                           + b'data' + struct.pack('<I', claim) + bytes(hold))
wav('liar.wav', 44100 * 2 * 7200, 1024)
wav('tiny.wav', 8820, 8820)
PY
ffmpeg -loglevel error -f lavfi -i "sine=d=20" -c:a aac long.m4a || { echo "SKIP: no AAC encoder"; exit 77; }
head -c 20000 long.m4a >cut.m4a
ffmpeg -loglevel error -f lavfi -i "sine=d=3" -f wav - >streamed.wav

run() { "$VGRUN" create --from document:doc.md --audio "$1" -o "out-$1.mp4" --resolution 320x180 --fps 10 >out.txt 2>err.txt; rc=$?; }
run liar.wav
expect_rc 2 "a header claiming hours over 1 KB"
check "liar: both lengths said" has err.txt "^vgrun create: --audio liar.wav: is cut short: its header says 7200.0 s, it holds 0.0 s of audio"
check "liar: no video" test ! -e out-liar.wav.mp4
run tiny.wav
expect_rc 2 "a recording of 0.1 s"
check "tiny: said" has err.txt "^vgrun create: --audio tiny.wav: is too short: it holds 0.10 s of audio"
check "tiny: no video" test ! -e out-tiny.wav.mp4
run cut.m4a
expect_rc 2 "a cut .m4a"
check "cut: vgrun's message" has err.txt "^vgrun create: --audio cut.m4a: not audio that vgrun can read"
check "cut: said once, no libav line" hasnt err.txt "moov atom"
check "cut: no bracketed libav prefix" hasnt err.txt '^\[mov'
VGRUN_AV_LOG=warning "$VGRUN" create --from document:doc.md --audio cut.m4a -o out-log.mp4 >out.txt 2>err.txt; rc=$?
expect_rc 2 "a cut .m4a with VGRUN_AV_LOG=warning"
check "VGRUN_AV_LOG=warning still shows FFmpeg's own line" has err.txt "moov atom not found"
run streamed.wav
expect_rc 0 "a streamed WAV (placeholder sizes)"
check "streamed: made" test -s out-streamed.wav.mp4
vg_done
