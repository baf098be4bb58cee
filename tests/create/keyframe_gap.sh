#!/usr/bin/env bash
# A long still scene in a VFR video is few encoded frames: the keyframes are
# still at most keyint (10 s) apart in time, so a player that seeks to
# keyframes lands near the time asked; and a seek into the middle of the
# still decodes the picture a decode from the start shows there.
#   VGRUN=build/vgrun tests/create/keyframe_gap.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg ffprobe
vg_scratch keyframe-gap
cd "$T" || exit 1
words="The same slide stays on screen while this long narration goes on and on."
cat >still.yaml <<YAML
video: {id: still, title: Still}
scenes:
  - type: title
    title: One long still
    narration: "$words $words $words $words $words $words $words $words"
YAML
"$VGRUN" create --from still.yaml -o still.mp4 --resolution 320x180 --fps 10 -q >out.txt 2>&1; rc=$?
expect_rc 0 "create"
dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 still.mp4)
check "the still lasts over 25 s ($dur)" awk -v d="$dur" 'BEGIN{exit !(d > 25)}'
ffprobe -v error -select_streams v:0 -show_entries packet=pts_time,flags -of csv=p=0 still.mp4 |
  awk -F, '$2 ~ /K/ {print $1}' >keys.txt
echo "$dur" >>keys.txt
gap=$(awk 'NR > 1 {g = $1 - p; if (g > m) m = g} {p = $1} END {print m + 0}' keys.txt)
check "keyframes at most 10 s apart (largest gap $gap s)" awk -v g="$gap" 'BEGIN{exit !(g <= 10.1)}'
check "a VFR still: fewer frames encoded than the grid's" \
  awk -v n="$(ffprobe -v error -select_streams v:0 -count_packets -show_entries stream=nb_read_packets -of csv=p=0 still.mp4)" \
      -v d="$dur" 'BEGIN{exit !(n < d * 10 / 2)}'
mid=$(awk -v d="$dur" 'BEGIN{printf "%.2f", d * 0.7}')
ffmpeg -v error -ss "$mid" -i still.mp4 -frames:v 1 -f rawvideo -pix_fmt gray fast.raw
ffmpeg -v error -i still.mp4 -ss "$mid" -frames:v 1 -f rawvideo -pix_fmt gray slow.raw
check "a seek to $mid decodes a picture" [ -s fast.raw ]
check "the seek's picture is the one shown there" cmp -s fast.raw slow.raw
vg_done
