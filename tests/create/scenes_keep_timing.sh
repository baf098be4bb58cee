#!/usr/bin/env bash
# tests/create/scenes_keep_timing.sh: `vgrun scenes --keep-timing` shows a
# transcript's plan on its cue timeline, as `vgrun create --keep-timing`
# makes the video: the same scenes (a title with no room before the first
# cue left out), each starting and lasting where the made video has it. A
# document without cue times is a usage error, as for create.
. "$(dirname "$0")/../lib.sh"
vg_scratch scenes-kept --own-cache

# the talk of transcript_audio.sh (gaps between the cues: held pictures) and a
# cue long after the others
cp "$HERE/talk.srt" "$T/talk.srt"
printf '\n5\n00:00:31,000 --> 00:00:33,000\nThat was all.\n' >>"$T/talk.srt"
# the first cue at once: no room for a title
sed -e 's/^00:00:02,500/00:00:00,500/' "$T/talk.srt" >"$T/early.srt"

for doc in talk early; do
  "$VGRUN" scenes "$T/$doc.srt" --keep-timing --json >"$T/$doc.plan.json" 2>"$T/$doc.err" \
    || bad "$doc: scenes --keep-timing: $(cat "$T/$doc.err")"
  "$VGRUN" create "$T/$doc.srt" --keep-timing -o "$T/$doc.mp4" --resolution 320x180 --fps 10 -q \
    >"$T/$doc.log" 2>&1 || bad "$doc: create: $(tail -3 "$T/$doc.log")"
  "$VGRUN" -e '
local J = require("vg").json
local function rd(p) local f = assert(io.open(p)); local d = J.decode(f:read("a")); f:close(); return d end
local plan, made = rd(arg[1]), rd(arg[2])
assert(#plan.scenes == #made.scenes, "the plan has " .. #plan.scenes .. " scenes, the video " .. #made.scenes)
for i, ps in ipairs(plan.scenes) do
  local ms = made.scenes[i]
  assert(ps.id == ms.id, "scene " .. i .. ": " .. tostring(ps.id) .. " planned, " .. tostring(ms.id) .. " made")
  assert(math.abs(ps.start - ms.start) < 0.01, string.format("%s starts at %.2f s in the plan, %.2f s in the video", ps.id, ps.start, ms.start))
  -- the last scene lasts its speech: the estimate, not the voice
  local tol = i < #plan.scenes and 0.01 or 0.6
  assert(math.abs(ps.seconds - (ms["end"] - ms.start)) <= tol,
    string.format("%s: planned %.2f s, held %.2f s", ps.id, ps.seconds, ms["end"] - ms.start))
end
assert(math.abs(plan.seconds - made.duration) <= 0.6, string.format("planned %.2f s, made %.2f s", plan.seconds, made.duration))
' "$T/$doc.plan.json" "$T/$doc.timing.json" || bad "$doc: the plan is not the video's timeline"
done
# the title is left out when the talk starts at once, kept when it has room
grep -q '"type":"title"' "$T/talk.plan.json" || bad "talk: the title is not planned"
grep -q '"type":"title"' "$T/early.plan.json" && bad "early: a title is planned with no room before the first cue"
# the third scene holds through the gap to the cue at 31 s
grep -q '"start":12' "$T/talk.plan.json" || bad "talk: no scene planned at the cue at 12 s"

# a document has no cue times: a usage error naming the option
printf '# Notes\n\nA paragraph.\n' >"$T/notes.md"
"$VGRUN" scenes "$T/notes.md" --keep-timing >/dev/null 2>"$T/notes.err"
rc=$?
[ "$rc" -eq 2 ] || bad "a document with --keep-timing exits $rc, not 2"
grep -q -- "--keep-timing: .*no cue times" "$T/notes.err" || bad "no reason given: $(cat "$T/notes.err")"

vg_done
