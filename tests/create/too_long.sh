#!/usr/bin/env bash
# tests/create/too_long.sh: a small document cannot ask for hours of video.
# A transcript's cue past three hours is an error at its line (kept on its
# timeline it would make a 100-hour video of an 88-byte file); a document
# whose scenes add up to more than three hours (minimum durations, pauses)
# fails before a picture is encoded, and no output is written.
. "$(dirname "$0")/../lib.sh"
vg_scratch too-long --own-cache

printf '1\n00:00:01,000 --> 00:00:03,000\nHello there.\n\n2\n99:59:59,000 --> 99:59:59,999\nFar away.\n' >"$T/far.srt"
"$VGRUN" scenes "$T/far.srt" --keep-timing >/dev/null 2>"$T/far.err" && bad "a cue at 99:59:59 is planned"
grep -q "far.srt:6:1: a cue ends after 3 hours" "$T/far.err" || bad "no line for the late cue: $(cat "$T/far.err")"
"$VGRUN" check "$T/far.srt" >/dev/null 2>&1 && bad "check passes a cue at 99:59:59"

{
  printf 'title: Long\nscenes:\n'
  for i in $(seq 1 37); do
    printf '  - scene_type: list\n    narration: "Point %d."\n    min_duration: 300\n    max_duration: 300\n' "$i"
    printf '    visual_content: { header: "Part %d", items: ["Point %d"] }\n' "$i" "$i"
  done
} >"$T/long.yaml"
"$VGRUN" create --from "$T/long.yaml" -o "$T/long.mp4" --resolution 320x180 --fps 10 -q >"$T/long.log" 2>&1 \
  && bad "a 3.1-hour video was made"
grep -q "would last 3.1 hours, longer than the 3 hours" "$T/long.log" || bad "no reason given: $(cat "$T/long.log")"
[ -e "$T/long.mp4" ] && bad "an output was written"
vg_done
