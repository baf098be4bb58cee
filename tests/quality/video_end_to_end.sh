#!/usr/bin/env bash
# A made video checked from its outputs alone (video_check.py): streams,
# audio/video ends, chapters vs. scenes, timing.json order, narration heard,
# a picture change at each cut, keyframe gaps, a seek, caption cues. Once
# in VFR with captions and once in CFR vertical.
#   VGRUN=build/vgrun tests/quality/video_end_to_end.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg ffprobe python3
vg_scratch video-e2e
cd "$T" || exit 1
"$VGRUN" create --from "$SRC/tests/create/small.yaml" -o vfr.mp4 --captions srt,vtt --resolution 320x180 --fps 10 -q >out.txt 2>&1; rc=$?
expect_rc 0 "create vfr"
check "vfr video checks" python3 "$HERE/video_check.py" vfr.mp4
"$VGRUN" create --from "$SRC/tests/create/small.yaml" -o cfr.mp4 --cfr --resolution 180x320 --fps 10 -q >out.txt 2>&1; rc=$?
expect_rc 0 "create cfr"
check "cfr video checks" python3 "$HERE/video_check.py" cfr.mp4
vg_done
