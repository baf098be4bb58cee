#!/usr/bin/env bash
# tests/create/keep_timing_silent.sh: with --keep-timing the transcript is
# all that is said. The title shown over the recording's lead-in (the 4 s
# before the first cue) says nothing (it said "Welcome to talk.
# Transcript."), nor does the outro after the last cue; the cues are said.
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg
vg_scratch keep-timing-silent
cd "$T" || exit 1
printf '1\n00:00:04,000 --> 00:00:07,000\nHello everyone and welcome to this short demo.\n\n2\n00:00:07,500 --> 00:00:11,000\nToday we look at how the tool works.\n' >talk.srt

"$VGRUN" scenes --json --keep-timing talk.srt >plan.json 2>plan.err || bad "scenes: $(cat plan.err)"
"$VGRUN" -e '
local J = require("vg").json
local f = assert(io.open(arg[1])); local d = J.decode(f:read("a")); f:close()
assert(d.scenes[1].type == "title", "the title scene is kept over the lead-in")
for _, s in ipairs(d.scenes) do
  if s.type == "title" or s.type == "outro" then
    assert(s.narration == "", s.type .. " says " .. tostring(s.narration))
  else
    assert(s.narration:find("Hello everyone", 1, true) or s.narration:find("Today we look", 1, true),
      "a cue scene says its cues: " .. tostring(s.narration))
  end
end
' plan.json && ok || bad "the plan says something besides the transcript"

"$VGRUN" create --keep-timing talk.srt -o talk.mp4 --resolution 320x180 --fps 10 -q >create.log 2>&1 \
  || bad "create: $(tail -3 create.log)"
# the loudest sample before the first cue (0.2 s to 3.8 s): silence
lead=$(ffmpeg -hide_banner -nostats -ss 0.2 -t 3.6 -i talk.mp4 -map 0:a:0 -af volumedetect -f null - 2>&1 |
  sed -n 's/.*max_volume: \(-*[0-9.inf]*\) dB.*/\1/p')
cue=$(ffmpeg -hide_banner -nostats -ss 4.2 -t 3 -i talk.mp4 -map 0:a:0 -af volumedetect -f null - 2>&1 |
  sed -n 's/.*max_volume: \(-*[0-9.inf]*\) dB.*/\1/p')
echo "max volume before the first cue: $lead dB; during it: $cue dB"
if [ -z "$lead" ] || [ -z "$cue" ]; then bad "no audio measured"
else
  awk -v l="$lead" -v c="$cue" 'BEGIN { if (l == "-inf") l = -200; exit !(l < -50 && c > -30) }' \
    && ok || bad "before the first cue the video is not silent ($lead dB; the cue $cue dB)"
fi
vg_done
