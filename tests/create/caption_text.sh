#!/usr/bin/env bash
# Caption text that players must not read as markup: WebVTT cue text holds
# &, < and > as &amp; &lt; &gt; (so "-->" never appears in it), and an SRT
# line is never a timing line nor holds a "<" that opens a tag. FFmpeg reads
# the SRT back: as many cues as written, each on its own times.
#   VGRUN=build/vgrun tests/create/caption_text.sh
. "$(dirname "$0")/../lib.sh"
vg_need ffmpeg
vg_scratch caption-text
cd "$T" || exit 1
cat >cap.yaml <<'YAML'
video: {id: cap, title: Cap}
scenes:
  - type: title
    title: Cap
    narration: "AT&T says that x < y & z. The pipeline goes parse --> render ---> encode. Hello. 00:00:00,000 --> 00:59:00,000 Injected for an hour. Use <b>bold</b> here."
YAML
"$VGRUN" create --from cap.yaml -o cap.mp4 --captions srt,vtt --resolution 320x180 --fps 10 -q >out.txt 2>&1; rc=$?
expect_rc 0 "create with captions"
check "vtt: & and < escaped" has cap.vtt "^AT&amp;T says that x &lt; y &amp; z\.$"
check "vtt: the arrow escaped" grep -qF -- "--&gt; render ---&gt; encode." cap.vtt
check "vtt: the tag escaped" has cap.vtt "^Use &lt;b&gt;bold&lt;/b&gt; here\.$"
cues=$(grep -c -- '-->' cap.srt)
check "vtt: --> only on the timing lines ($cues cues)" [ "$(grep -c -- '-->' cap.vtt)" -eq "$cues" ]
check "srt: the arrow written ->" grep -qF -- "-> render -> encode." cap.srt
check "srt: the timing-shaped sentence is text" grep -qxF -- "00:00:00,000 -> 00:59:00,000" cap.srt
check "srt: no < followed by a tag name" hasnt cap.srt "<[a-z/ ]"

ffmpeg -v error -y -i cap.srt cap.ass
check "ffmpeg reads back every cue ($cues)" [ "$(grep -c '^Dialogue:' cap.ass)" -eq "$cues" ]
check "no cue lasts a minute" hasnt cap.ass "^Dialogue: 0,[0-9:.]*,0:0[1-9]"
check "no cue starts at 0 (the first is after the lead-in)" hasnt cap.ass "^Dialogue: 0,0:00:00\.00,"
check "the injected sentence is a caption's text" has cap.ass "00:00:00,000 -> 00:59:00,000"
check "ffmpeg keeps the tag as text" has cap.ass "<.b>bold<./b>"
vg_done
