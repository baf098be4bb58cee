#!/usr/bin/env bash
# tests/create/cue_speech.sh: with --keep-timing and speech synthesis, every
# cue of a transcript is said at its own time, also when one scene holds
# several cues: the voice starts where the captions show the cue (heard in
# the made MP4: where each silence ends), so the video lines up with the
# recording the transcript came from. Before, a scene's cues were said one
# after the other from its first cue, seconds ahead of their captions.
. "$(dirname "$0")/../lib.sh"
vg_scratch cue-speech
vg_need ffmpeg

# three cues with pauses: the first two share a scene
cat >"$T/talk.srt" <<'SRT'
1
00:00:01,000 --> 00:00:04,000
Welcome to the talk about caching.

2
00:00:05,500 --> 00:00:09,000
First, we look at why caches fail.

3
00:00:12,000 --> 00:00:15,000
Then we fix them with content addressing.
SRT
"$VGRUN" create "$T/talk.srt" --keep-timing --captions srt -o "$T/out.mp4" --resolution 320x180 --fps 10 -q \
  >"$T/log" 2>&1 || bad "create: $(tail -3 "$T/log")"
# the plan puts two cues in one scene (what this test is about)
"$VGRUN" scenes "$T/talk.srt" --keep-timing >"$T/plan" 2>&1
check "two cues share a scene" grep -q "First, we look" "$T/plan"
ffmpeg -nostats -i "$T/out.mp4" -af silencedetect=n=-40dB:d=0.4 -f null - 2>"$T/silence" || bad "ffmpeg"
# speech starts where a silence ends (the last silence ends with the video)
grep -o 'silence_end: [0-9.]*' "$T/silence" | awk '{print $2}' >"$T/onsets"
for cue in 1.0 5.5 12.0; do
  if awk -v c="$cue" 'BEGIN { hit = 0 } { if ($1 - c < 0.25 && c - $1 < 0.25) hit = 1 } END { exit !hit }' "$T/onsets"; then
    ok
  else
    bad "no speech starts at the cue at $cue s (speech starts at: $(tr '\n' ' ' <"$T/onsets"))"
  fi
done
# and the captions are the cues at their own times
check "the captions keep the cue times" grep -q '00:00:05,500 --> 00:00:09,000' "$T/out.srt"
vg_done
