#!/usr/bin/env bash
# tests/create/timing_source.sh: the seconds a scene's length is made of
# have one source, lua/vg/timing.lua. With a changed copy of it (the lua/
# tree loaded from disk), the length model in C (the plan, `vgrun scenes`,
# --duration), the layouts' reveal and the timeline all take the new values,
# and a scene is as long for each of them.
. "$(dirname "$0")/../lib.sh"
vg_scratch timing --own-cache
cp -r "$SRC/lua" "$T/lua"
# every value changed: an item nobody names read for 2 s, a longer entrance,
# a longer hold, slower code
sed -i -e 's/^  read_item = [0-9.]*/  read_item = 2.0/' -e 's/^  enter = [0-9.]*/  enter = 0.9/' \
  -e 's/^  hold = [0-9.]*/  hold = 1.25/' -e 's/^  code_line = [0-9.]*/  code_line = 3.0/' \
  -e 's/^  lead_in = [0-9.]*/  lead_in = 0.7/' "$T/lua/vg/timing.lua"

VGRUN_LUA_DIR="$T/lua" "$VGRUN" -e '
local timing = require("vg.timing")
local core = require("vg.input_core")
local input = require("vg.input")
local fit = require("vg.create.fit")
local create = require("vg.create")
local render = require("vg.render")
assert(timing.read_item == 2.0 and timing.code_line == 3.0, "the changed copy of vg.timing is not the one loaded")
-- the C model read the same table
local c = core.timing()
for k, v in pairs(timing) do
  assert(c[k] == v, string.format("vg.timing.%s is %s, the length model in C has %s", k, tostring(v), tostring(c[k])))
end
assert(render.ENTER == 0.9 and fit.READ_ITEM == 2.0 and create.options({}).lead_in == 0.7)
local O = create.options({ fps = 30 })
local function same(s, what)
  local est = input.seconds(s, "en")
  local plan = fit.scene_seconds(s, "en", O)
  local copy = {}
  for k, v in pairs(s) do copy[k] = v end
  copy.audio = { duration = core.speech_seconds(s.narration or "", "en"), words = {} }
  local t = create.timeline({ scenes = { copy } }, O)
  local len = t.scenes[1]["end"] - t.scenes[1].start
  assert(math.abs(est - plan) < 0.01, string.format("%s: the reader %.2f s, the plan %.2f s", what, est, plan))
  assert(math.abs(len - plan) < 0.1, string.format("%s: planned %.2f s, the timeline %.2f s", what, plan, len))
  return plan
end
-- a list of eight items the narration does not name: eight reading times
local items = {}
for i = 1, 8 do items[i] = "Item number " .. i end
local len = same({ id = "l", scene_type = "list", visual_content = { header = "Parts", items = items } }, "silent list")
assert(len >= 8 * 2.0, "a silent list of eight items lasts " .. len .. " s, not 8 x read_item")
-- a code slide of four lines: four lines at code_line, and the hold
len = same({ id = "c", scene_type = "command", visual_content = { header = "Run", commands = { "a", "b", "c", "d" } } }, "code")
assert(math.abs(len - (4 * 3.0 + 1.25)) < 0.01, "a code slide of four lines lasts " .. len .. " s")
print("ok")
' || { echo "FAIL: the length model does not follow lua/vg/timing.lua"; exit 1; }
