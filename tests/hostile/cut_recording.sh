#!/usr/bin/env bash
# A recording (--audio) cut short (a download that stopped) still decodes:
# its first minutes were laid under every slide as if they were the talk,
# and the video made with exit 0. When its header says how long it is, a
# recording holding less than half of that (and a second or more less) is
# a usage error naming the file and both lengths; whole ones are taken.
#   VGRUN=build/vgrun tests/hostile/cut_recording.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg
vg_scratch cut-recording
cd "$T" || exit 1
printf '# A talk\n\nHello there, this is what is said.\n\n## More\n\nAnd this is said after.\n' >doc.md
ffmpeg -loglevel error -f lavfi -i "sine=d=20" -b:a 128k long.mp3 || { echo "SKIP: no MP3 encoder"; exit 77; }
ffmpeg -loglevel error -f lavfi -i "sine=d=20" -c:a flac long.flac
for f in long.mp3 long.flac; do
  head -c $(( $(stat -c %s "$f") / 4 )) "$f" >"cut.${f#long.}"
done
for f in cut.mp3 cut.flac; do
  "$VGRUN" create --from document:doc.md --audio "$f" -o "out-$f.mp4" --resolution 320x180 --fps 10 >out.txt 2>err.txt; rc=$?
  expect_rc 2 "$f: a recording cut to a quarter"
  check "$f: said, with both lengths" has err.txt "^vgrun create: --audio $f: is cut short: its header says 20.0 s, it holds [0-9.]* s of audio"
  check "$f: no video" test ! -e "out-$f.mp4"
done
for f in long.mp3 long.flac; do
  "$VGRUN" create --from document:doc.md --audio "$f" -o "out-$f.mp4" --resolution 320x180 --fps 10 >out.txt 2>err.txt; rc=$?
  expect_rc 0 "$f: a whole recording"
  check "$f: made" test -s "out-$f.mp4"
done
vg_done
