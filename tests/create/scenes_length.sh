#!/usr/bin/env bash
# tests/create/scenes_length.sh: `vgrun scenes` shows the length `vgrun
# create` makes (issue 13, item 12) on a document whose lists the frame
# splits: the plan's total, less what the speech estimate's pace misses
# (espeak-ng's real pace is the voice's, not the layout's business), lands
# within 3 % of the made video's duration (ffprobe); every part nothing is
# said in is shown as long as the video holds it.
. "$(dirname "$0")/../lib.sh"
vg_need ffprobe
vg_scratch length --own-cache

# four groups of ten long items: each list is split in a square frame with
# the captions' band, its later parts silent (items of words too long to
# name; a part of addresses or options would say "Group 1, continued.")
{
  printf '# Team\n\nThe people who keep the project going.\n\n'
  for g in 1 2 3 4; do
    printf '## Group %s\n\nMembers of group %s, who review changes in their area.\n\n' "$g" "$g"
    for n in anna ben carla dario emil fatima goran hana ivan julia; do
      printf -- '- %s%s Larsen reviews the build part of the project and its tests every week\n' "$n" "$g"
    done
    printf '\n'
  done
} >"$T/team.md"

"$VGRUN" scenes "$T/team.md" --resolution 288x288 --captions burn --json >"$T/plan.json" 2>"$T/plan.err" \
  || bad "scenes: $(cat "$T/plan.err")"
"$VGRUN" create "$T/team.md" -o "$T/team.mp4" --resolution 288x288 --fps 12 --captions burn \
  >"$T/create.log" 2>&1 || bad "create: $(tail -3 "$T/create.log")"
len=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$T/team.mp4" 2>/dev/null)
[ -n "$len" ] || bad "no video made"

"$VGRUN" -e '
local J = require("vg").json
local core = require("vg.input_core")
local function rd(p) local f = assert(io.open(p)); local d = J.decode(f:read("a")); f:close(); return d end
local plan, made, len = rd(arg[1]), rd(arg[2]), tonumber(arg[3])
assert(#plan.scenes == #made.scenes, "the plan has " .. #plan.scenes .. " scenes, the video " .. #made.scenes)
local pace, parts = 0, 0
for i, ps in ipairs(plan.scenes) do
  local ms = made.scenes[i]
  assert(ps.id == ms.id, "scene " .. i .. ": " .. tostring(ps.id) .. " planned, " .. tostring(ms.id) .. " made")
  local held = ms["end"] - ms.start
  if ps.narration == "" then
    parts = parts + 1
    assert(math.abs(ps.seconds - held) <= 0.3,
      string.format("%s: shown as %.2f s, held %.2f s", ps.id, ps.seconds, held))
  elseif math.abs(ps.seconds - held) > 0.3 then
    -- (a scene its items hold longer than its speech is shown as long as
    -- it is held: it owes nothing to the pace)
    pace = pace + core.speech_seconds(ps.narration, ps.language or made.language)
      - (ms.narration_end - ms.narration_start)
  end
end
assert(parts > 0, "nothing was split (the test lost its point)")
local shown = plan.seconds - pace
assert(math.abs(shown - len) <= 0.03 * len,
  string.format("the plan shows %.1f s (%.1f s less the speech pace), the video is %.1f s", plan.seconds, shown, len))
' "$T/plan.json" "$T/team.timing.json" "${len:-0}" || bad "the plan's lengths are not the video's"

# a list the Markdown reader splits numbers on (visual_content.start): the
# checker knows that field, so an ordinary document warns about nothing
HERE=$(cd "$(dirname "$0")" && pwd)
"$VGRUN" scenes "$HERE/../quality/corpus/aocl-de.md" >/dev/null 2>"$T/de.err"
grep -q "unknown field" "$T/de.err" && bad "a field the reader wrote is unknown: $(grep -m1 "unknown field" "$T/de.err")"

vg_done
