#!/usr/bin/env bash
# A recording (--audio) of 1 Hz (a WAV header saying so, ten samples) was
# taken by the check before any work, as 10 s of audio; the encode then
# failed after every slide was made ("holds no audio samples", exit 1, a
# failed task): the resampler gives nothing for it. A sample rate below
# 4000 Hz is now refused before any work, exit 2, naming the file and its
# rate; 8000 Hz (a telephone recording) is still taken.
#   VGRUN=build/vgrun tests/hostile/recording_rate.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg python3
vg_scratch recording-rate
cd "$T" || exit 1
printf '# A talk\n\nHello there, this is what is said.\n\n## More\n\nAnd this is said after.\n' >doc.md
python3 - <<'PY'
import struct
rate, nbytes = 1, 20
fmt = struct.pack('<IHHIIHH', 16, 1, 1, rate, rate * 2, 2, 16)
open('slow.wav', 'wb').write(b'RIFF' + struct.pack('<I', 36 + nbytes) + b'WAVEfmt ' + fmt
                             + b'data' + struct.pack('<I', nbytes) + bytes(nbytes))
PY
ffmpeg -loglevel error -f lavfi -i "sine=d=4" -ar 8000 phone.wav
"$VGRUN" create --from doc.md --audio slow.wav -o slow.mp4 --resolution 320x180 >slow.out 2>slow.err; rc=$?
expect_rc 2 "a 1 Hz recording is a usage error"
check "the message names the file and its rate" has slow.err \
  '--audio slow.wav: has a sample rate of 1 Hz, below the 4000 Hz a recording needs'
check "no task was started" test ! -e "$T/state/tasks" -o -z "$(ls "$T/state/tasks" 2>/dev/null)"
check "no video" test ! -e slow.mp4
"$VGRUN" create --from doc.md --audio phone.wav -o phone.mp4 --resolution 320x180 >phone.out 2>&1; rc=$?
expect_rc 0 "an 8000 Hz recording is taken"
check "its video is made" test -s phone.mp4
vg_done
