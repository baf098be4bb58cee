#!/usr/bin/env bash
# A picture on screen for one frame (a step of a crossfade or an entrance) is
# coded without x264's loop filter, and a picture that stays is filtered
# (docs/encode.md, "No loop filter where nobody looks"). FFmpeg's decoder
# prints each slice's filter (-debug pict: "loop:1" on, "loop:0" off), in
# the order of the packets, whose durations ffprobe gives.
#   VGRUN=build/vgrun tests/create/fleeting_unfiltered.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg ffprobe
vg_scratch fleeting-unfiltered
cd "$T" || exit 1
"$VGRUN" create --from "$HERE/small.yaml" -o small.mp4 --resolution 320x180 -q >out.txt 2>&1; rc=$?
expect_rc 0 "create"
ffprobe -v error -select_streams v:0 -show_entries packet=duration_time -of csv=p=0 small.mp4 >dur.txt
# the stream's probe decodes the first picture(s) once more before the rest
ffmpeg -v debug -debug pict -i small.mp4 -f null - 2>&1 | grep -o 'slice:1 .*loop:[0-9]' |
  sed 's/.*loop://' | tail -n "$(wc -l <dur.txt)" >loop.txt
check "one slice per packet ($(wc -l <loop.txt) slices, $(wc -l <dur.txt) packets)" \
  [ "$(wc -l <loop.txt)" -eq "$(wc -l <dur.txt)" ]
paste -d' ' dur.txt loop.txt >pics.txt
one=$(awk '$1 < 0.04 && NR < n' n="$(wc -l <pics.txt)" pics.txt | wc -l)
one_filtered=$(awk '$1 < 0.04 && $2 == 1 && NR < n' n="$(wc -l <pics.txt)" pics.txt | wc -l)
held_filtered=$(awk '$1 > 0.2 && $2 == 1' pics.txt | wc -l)
check "pictures on screen for one frame: $one" [ "$one" -ge 10 ]
check "none of them filtered ($one_filtered)" [ "$one_filtered" -eq 0 ]
check "pictures that stay are filtered ($held_filtered)" [ "$held_filtered" -ge 2 ]
vg_done
