#!/usr/bin/env bash
# Ctrl-C while a long document is read (a transcript of 300,000 cues takes
# seconds) cancelled the read, but the task heard of it only from the read's
# error: `vgrun create` said "cancelled", then "failed (… fix the cause and
# add --resume to go on)", exit 1, as if the document were at fault. An
# interrupt during the read now ends the task as cancelled: exit 130, the
# resume hint, no "failed", no video.
#   VGRUN=build/vgrun tests/hostile/interrupt_during_load.sh
. "$(dirname "$0")/../lib.sh"
vg_need python3
vg_scratch interrupt-during-load
cd "$T" || exit 1
python3 - <<'PY'
f = lambda ms: '%02d:%02d:%02d.%03d' % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)
with open('talk.vtt', 'w') as o:
    o.write('WEBVTT\n\n')
    for i in range(300000):
        o.write('%s --> %s\nCue number %d says something.\n\n' % (f(i * 30), f(i * 30 + 25), i))
PY
# (the signal at 1 s lands in the read, which takes several seconds; one
# landing before the task started is an interrupt too, and passes the same)
"$VGRUN" create --from transcript:talk.vtt -o talk.mp4 --resolution 320x180 >run.out 2>run.err &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"; rc=$?
expect_rc 130 "an interrupt during the read is an interrupt"
check "it is not called a failure" hasnt run.err 'failed'
check "no video" test ! -e talk.mp4
vg_done
