#!/usr/bin/env bash
# A scene model (ctx.videos) that a stage of any pipeline leaves is held to
# the counts a document is (limits.max_scenes, max_narration, max_keys), as
# vgrun create's plug-in stages are: a stage that made a million scenes
# wrote a 123 MB state file in 91 s and completed; now it fails at once, by
# name, and the next stage does not run.
#   VGRUN=build/vgrun tests/cli/pipeline_model.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch pipeline-model
cd "$T" || exit 1
cat >model.lua <<'LUA'
local vg = require("vg")
local n, narr = tonumber(arg[1]), tonumber(arg[2] or 1)
local r = vg.pipeline{ name = "model", stages = {
  vg.stage{ name = "plan", run = function(ctx)
    local scenes = {}
    for i = 1, n do scenes[i] = { type = "list", headline = "s" .. i, narration = string.rep("n", narr), visual_content = { items = { "a" } } } end
    ctx.videos = { { title = "t", scenes = scenes } }
  end },
  vg.stage{ name = "after", run = function() print("after ran") end },
} }:run(nil, { task_id = "model" })
print("status " .. r.status)
LUA
"$VGRUN" model.lua 200000 >out.txt 2>err.txt; rc=$?
expect_rc 1 "200000 scenes"
check "the task failed" has out.txt '^status failed$'
check "the next stage did not run" hasnt out.txt 'after ran'
check "the stage and the bound named" has err.txt \
  "failed in stage 'plan': left a scene model vgrun cannot use: videos\[0\]\.scenes: 200000 scenes: a video may have at most [0-9]* (limits.max_scenes)"
size=$(stat -c %s state/tasks/model.json 2>/dev/null || echo 0)
check "the state file stays small ($size bytes)" test "$size" -lt 100000
"$VGRUN" model.lua 3 2000000 >out.txt 2>err.txt; rc=$?
expect_rc 1 "2 MB of narration"
check "narration bound named" has err.txt "videos\[0\]\.scenes\[0\]\.narration: 2000000 bytes: at most"
"$VGRUN" model.lua 20 >out.txt 2>err.txt; rc=$?
expect_rc 0 "20 scenes"
check "a model within bounds completes" has out.txt '^status completed$'
# ... and to the loader's validator, as a create plug-in's stage is: a
# malformed model completed silently (or reached a native stage); now the
# stage that left it fails, named, with what is wrong, and the next stage
# does not run.
cat >bad.lua <<'LUA'
local vg = require("vg")
local function video(scene) return { { title = "t", scenes = { scene } } } end
local cyc = { type = "list", headline = "c", narration = "n", visual_content = { items = { "a" } } }
cyc.again = cyc
local cases = {
  nan = video{ type = "list", headline = "h", narration = "n", visual_content = { items = { "a" } }, duration = 0/0 },
  inf = video{ type = "list", headline = "h", narration = "n", visual_content = { items = { "a" } }, duration = math.huge },
  table_title = { { title = { "x" }, scenes = { { type = "list", headline = "h", narration = "n", visual_content = { items = { "a" } } } } } },
  scenes_text = { { title = "t", scenes = "many" } },
  cycle = video(cyc),
  fn = video{ type = "list", headline = "h", narration = "n", visual_content = { items = { "a" } }, extra = print },
  raises = video(setmetatable({ type = "list", headline = "h", narration = "n", visual_content = { items = { "a" } } },
    { __index = function() error("index raised") end, __pairs = function() error("pairs raised") end,
      __tostring = function() error("tostring raised") end })),
  not_list = "videos",
  empty = {},
}
local r = vg.pipeline{ name = "bad", stages = {
  vg.stage{ name = "plan", run = function(ctx) ctx.videos = cases[arg[1]] end },
  vg.stage{ name = "after", run = function() print("after ran") end },
} }:run(nil, { save_state = false })
print("status " .. r.status)
LUA
for c in nan:'duration: number is NaN or infinite' inf:'duration: number is NaN or infinite' \
    table_title:'videos\[0\]\.title: expected text' scenes_text:'scenes must be a list' \
    cycle:'videos\[1\]\.scenes\[1\]\.again\.again' fn:'cannot encode a function value' \
    raises:'videos\[0\]\.scenes\[0\]: a table with a metatable' not_list:'videos: a list expected, got string' empty:'videos: no videos'; do
  name=${c%%:*} want=${c#*:}
  timeout 60 "$VGRUN" bad.lua "$name" >out.txt 2>err.txt; rc=$?
  expect_rc 1 "$name: a malformed model"
  check "$name: the task failed" has out.txt '^status failed$'
  check "$name: the next stage did not run" hasnt out.txt 'after ran'
  check "$name: the stage and the fault named" has err.txt "failed in stage 'plan': left a scene model vgrun cannot use: .*$want"
  check "$name: one short line" test "$(wc -c <err.txt)" -lt 700
done
vg_done
