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
    for i = 1, n do scenes[i] = { type = "bullet_list", headline = "s" .. i, narration = string.rep("n", narr) } end
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
vg_done
