#!/usr/bin/env bash
# Tasks and their state files are trusted only as far as they are checked:
# liveness is the lock (never a pid), a state file is checked against a
# schema and never reaches into another task, task ids are plain names, the
# Lua API keeps its promises, and errors a user causes carry no traceback.
#   VGRUN=build/vgrun tests/cli/trust.sh <case>
. "$(dirname "$0")/../lib.sh"
vg_scratch trust
pids=()
at_exit() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; }
mkdir -p "$T/state/tasks"
count_is() { # count_is FILE PATTERN N
  local n; n=$(grep -c -- "$2" "$1"); [ "$n" -eq "$3" ] || { echo "--- $1 ($n times '$2', wanted $3):" >&2; cat "$1" >&2; return 1; }
}
wait_for() { # wait_for FILE PATTERN: until the pattern shows (the run is killed by ctest's timeout otherwise)
  until grep -q -- "$2" "$1" 2>/dev/null; do sleep 0.05; done
}

# A pipeline with two stages that a test can resume; arg[1] is the task id.
cat >"$T/two.lua" <<'LUA'
local vg = require("vg")
local p = vg.pipeline{ name = "two", stages = {
  vg.stage{ name = "one", run = function(ctx) ctx.one = (ctx.one or 0) + 1 end },
  vg.stage{ name = "two", run = function(ctx) ctx.two = true end },
}}
local r = p:run(nil, { task_id = arg[1], resume = arg[2] == "resume" })
print("status", r.status, r.context.one)
LUA

# A state file of a task that was "running" when its process was killed,
# with the pid of a process that is alive but is not vgrun.
stale_state() { # stale_state ID PID
  cat >"$T/state/tasks/$1.json" <<JSON
{ "task_id": "$1", "pipeline": "two", "status": "running", "version": 3,
  "created": 1700000000, "updated": 1700000000, "pid": $2, "stages": [], "context": {} }
JSON
}

case_liveness() {
  # an unrelated process that got the pid a killed run had
  sleep 300 & victim=$!; pids+=("$victim")
  stale_state stale "$victim"
  "$VGRUN" tasks list >"$T/out" 2>&1; rc=$?; expect_rc 0 "tasks list"
  check "a task whose lock nobody holds is stopped, whatever pid is alive" has "$T/out" "stale .*stopped"
  "$VGRUN" tasks show stale >"$T/out" 2>&1; rc=$?; expect_rc 0 "tasks show"
  check "show says it is stopped" has "$T/out" "status    stopped"
  "$VGRUN" tasks cancel stale >"$T/out" 2>&1; rc=$?; expect_rc 0 "cancel a stopped task"
  check "it is marked cancelled" has "$T/out" "marked cancelled"
  check "the unrelated process was not signalled" kill -0 "$victim"
  check "the state says cancelled" has "$T/state/tasks/stale.json" '"status":[[:space:]]*"cancelled"'
  # resume is not refused because some process has the recorded pid
  stale_state stale2 "$victim"
  "$VGRUN" -e '
    local vg = require("vg")
    local doc = assert(vg.state.load("stale2"))
    doc.invocation = { argv = { arg[1], "stale2", "resume" }, cwd = arg[2],
                       script = { path = arg[1], sha256 = vg.core.file_digest(arg[1]).sha256 } }
    assert(vg.state.save("stale2", doc))' "$T/two.lua" "$T" >"$T/out" 2>&1
  "$VGRUN" tasks resume stale2 >"$T/out" 2>&1; rc=$?; expect_rc 0 "resume a stopped task whose pid is alive"
  check "resumed run completes" has "$T/out" "status	completed"
  check "the unrelated process is still alive" kill -0 "$victim"

  # a task whose lock is held is running, and cancel signals the holder
  cat >"$T/hold.lua" <<'LUA'
local vg = require("vg")
vg.pipeline{ name = "hold", stages = { function() print("holding"); io.stdout:flush(); vg.sleep(300) end } }
  :run(nil, { task_id = "held" })
LUA
  "$VGRUN" "$T/hold.lua" >"$T/hold.out" 2>&1 & holder=$!; pids+=("$holder")
  wait_for "$T/hold.out" holding
  "$VGRUN" tasks list >"$T/out" 2>&1
  check "a held lock is running" has "$T/out" "held .*running"
  # the pid in the state file is not what is signalled
  "$VGRUN" -e '
    local vg = require("vg")
    local doc = assert(vg.state.load("held"))
    doc.pid = tonumber(arg[1])
    assert(vg.state.save("held", doc))' "$victim" >"$T/out" 2>&1
  "$VGRUN" tasks cancel held >"$T/out" 2>&1; rc=$?; expect_rc 0 "cancel a running task"
  check "the lock holder is named" has "$T/out" "SIGTERM to process $holder "
  wait "$holder"; rc=$?; expect_rc 130 "the holder was cancelled"
  check "the process named in the state file lives on" kill -0 "$victim"
  # a lock file that names another process: that process is never signalled
  "$VGRUN" "$T/hold.lua" >"$T/hold2.out" 2>&1 & holder=$!; pids+=("$holder")
  wait_for "$T/hold2.out" holding
  printf '%s\n' "$victim" >"$T/state/tasks/held.lock"
  "$VGRUN" tasks cancel held >"$T/out" 2>&1; rc=$?; expect_rc 1 "cancel when the holder cannot be identified"
  check "says nothing was signalled" has "$T/out" "nothing was signalled"
  check "the named process lives on" kill -0 "$victim"
  kill "$holder"; wait "$holder" 2>/dev/null
}

case_schema() {
  # valid JSON of the wrong shape: reported once, the task starts over
  printf '{"task_id":"shape","pipeline":"two","status":"failed","version":1,"stages":"no"}' >"$T/state/tasks/shape.json"
  "$VGRUN" "$T/two.lua" shape resume >"$T/out" 2>&1; rc=$?; expect_rc 0 "resume over a wrongly shaped state"
  check "what is wrong is named" has "$T/out" "shape.json: not a valid task state: stages"
  check "starting over, once" count_is "$T/out" "over" 1
  check "no traceback" hasnt "$T/out" "traceback"
  check "the run completed" has "$T/out" "status	completed	1"
  "$VGRUN" "$T/two.lua" shape resume >"$T/out" 2>&1; rc=$?; expect_rc 0 "the next resume"
  check "the file is sound again: stage one is skipped" has "$T/out" "status	completed	1"
  check "no warning once the file is sound" hasnt "$T/out" "warning"
  # a missing task_id: the save does not crash, the file gets its own id
  printf '{"pipeline":"two","status":"failed","version":1,"stages":[]}' >"$T/state/tasks/noid.json"
  "$VGRUN" "$T/two.lua" noid resume >"$T/out" 2>&1; rc=$?; expect_rc 0 "resume without task_id"
  check "no traceback (noid)" hasnt "$T/out" "traceback"
  check "the file has its id" has "$T/state/tasks/noid.json" '"task_id":[[:space:]]*"noid"'
  # created: null does not break show
  "$VGRUN" "$T/two.lua" nulls >/dev/null 2>&1
  sed -i 's/"created":[^,]*/"created": null/' "$T/state/tasks/nulls.json"
  "$VGRUN" tasks show nulls >"$T/out" 2>&1; rc=$?; expect_rc 0 "show with created null"
  check "no traceback (show)" hasnt "$T/out" "traceback"
  # other types of the fields show uses: reported, not a traceback
  printf '{"task_id":"typed","pipeline":"two","status":"failed","version":1,"stages":[{"name":"one","status":"failed","error":"x"}]}' \
    >"$T/state/tasks/typed.json"
  "$VGRUN" tasks show typed >"$T/out" 2>&1; rc=$?; expect_rc 1 "show a wrongly typed state"
  check "path and field named" has "$T/out" "typed.json: not a valid task state: stages\[1\].error"
  check "no traceback (typed)" hasnt "$T/out" "traceback"
  "$VGRUN" tasks list >"$T/out" 2>&1; rc=$?; expect_rc 0 "list with invalid states"
  check "list names the invalid one" has "$T/out" "typed .*invalid"
  # a state file that claims another task's id: resuming it never writes there
  "$VGRUN" "$T/two.lua" victim >/dev/null 2>&1
  cp "$T/state/tasks/victim.json" "$T/victim.before"
  sed 's/"task_id":[[:space:]]*"victim"/"task_id": "victim"/' "$T/state/tasks/victim.json" >"$T/state/tasks/other.json"
  "$VGRUN" "$T/two.lua" other resume >"$T/out" 2>&1; rc=$?; expect_rc 0 "resume other"
  check "victim.json untouched" cmp -s "$T/victim.before" "$T/state/tasks/victim.json"
  check "other.json is other's" has "$T/state/tasks/other.json" '"task_id":[[:space:]]*"other"'
  check "the foreign content was reported" has "$T/out" "is not this file's task"
  # a FIFO as a state file does not hang
  mkfifo "$T/state/tasks/fifo.json"
  "$VGRUN" tasks show fifo >"$T/out" 2>&1; rc=$?; expect_rc 1 "a FIFO state file"
  check "the FIFO is named" has "$T/out" "fifo.json: is a named pipe (FIFO), not a regular file"
}

case_task_ids() {
  printf '# T\n\nHello.\n' >"$T/doc.md"
  for id in . .. a/b "" "$(printf 'a\tb')" "$(printf 'a\nb')" "$(head -c 129 /dev/zero | tr '\0' a)" .hidden -opt; do
    "$VGRUN" create --from "$T/doc.md" -o "$T/x.mp4" --task-id "$id" >"$T/out" 2>&1; rc=$?
    expect_rc 2 "create --task-id '$id'"
    check "message for '$id'" has "$T/out" "invalid task id"
    check "no traceback for '$id'" hasnt "$T/out" "traceback"
    "$VGRUN" tasks show "$id" >"$T/out" 2>&1; rc=$?; expect_rc 2 "tasks show '$id'"
    "$VGRUN" -e 'local ok, err = pcall(function() require("vg").pipeline{ stages = { function() end } }:run(nil, { task_id = arg[1] }) end)
      assert(not ok and tostring(err):find("invalid task id", 1, true), tostring(err))' "$id" >"$T/out" 2>&1
    rc=$?; expect_rc 0 "Pipeline:start refuses '$id'"
  done
  check "nothing written for a bad id" bash -c "! ls -A '$T/state/tasks' | grep -q ."
  [ ! -e "$T/x.mp4" ] && ok || bad "no output for a bad id"
  "$VGRUN" tasks show fine-1.x_Y >"$T/out" 2>&1; rc=$?; expect_rc 1 "a plain id is valid (no such task)"
}

case_lua_api() {
  # error({code = 42}): a readable reason, kept in the state and shown
  cat >"$T/code.lua" <<'LUA'
local vg = require("vg")
local r = vg.pipeline{ name = "code", stages = { function() error({ code = 42 }) end } }:run(nil, { task_id = "code" })
print("message", r.errors[1].message, r.errors[1].code)
local r2 = vg.pipeline{ name = "ts", stages = { function()
  error(setmetatable({}, { __tostring = function() return "my own reason" end })) end } }:run(nil, { task_id = "ts" })
print("message", r2.errors[1].message)
LUA
  "$VGRUN" "$T/code.lua" >"$T/out" 2>&1
  check "a table error has a readable message, with its place" has "$T/out" 'message	[^	]*code.lua:2: error {"code":42}	42'
  check "__tostring is used" has "$T/out" "message	[^	]*code.lua:5: my own reason"
  "$VGRUN" tasks show code >"$T/out" 2>&1
  check "show has the reason" has "$T/out" 'error: [^ ]*code.lua:2: error {"code":42}'
  check "show never says nil" hasnt "$T/out" "error: nil"
  # a context that cannot be saved fails the stage, briefly; the state stays true
  cat >"$T/cycle.lua" <<'LUA'
local vg = require("vg")
local r = vg.pipeline{ name = "cycle", stages = {
  function(ctx) ctx.ok = 1 end,
  function(ctx) ctx.self = ctx end,
  function(ctx) error("must not run") end } }:run(nil, { task_id = "cycle" })
print("status", r.status)
print("message", r.errors[1].message)
LUA
  "$VGRUN" "$T/cycle.lua" >"$T/out" 2>&1
  check "the run is failed" has "$T/out" "status	failed"
  check "the message names the cycle" has "$T/out" "message	stage 'stage2': the context cannot be saved: context.self: a cycle"
  check "no long path is printed" bash -c "[ \$(wc -L <'$T/out') -lt 200 ]"
  check "the state file says failed" has "$T/state/tasks/cycle.json" '"status":[[:space:]]*"failed"'
  "$VGRUN" -e '
    local vg = require("vg")
    local r = vg.pipeline{ name = "deep", stages = { function(ctx)
      local t = ctx; for i = 1, 400 do t.a = {}; t = t.a end end } }:run(nil, { task_id = "deep" })
    print("status", r.status, r.errors[1].message)' >"$T/out" 2>&1
  check "too deep fails the stage" has "$T/out" "status	failed	stage 'stage1': the context cannot be saved: .*nested deeper"
  check "the state file says failed (deep)" has "$T/state/tasks/deep.json" '"status":[[:space:]]*"failed"'
  # stage fields are checked
  for def in 'retries = 1/0' 'retries = 0/0' 'retries = 2.5' 'backoff = "soon"' 'backoff = 1/0' 'backoff = -1' \
             'on_error = "maybe"' 'retry = 3' 'name = ""' 'depends = "x"'; do
    "$VGRUN" -e "local vg = require('vg'); local ok, err = pcall(vg.stage, { name = 's', run = print, $def })
      assert(not ok, 'accepted'); print(err)" >"$T/out" 2>&1; rc=$?
    expect_rc 0 "vg.stage refuses $def"
    check "the message names the stage ($def)" has "$T/out" "vg.stage"
  done
  "$VGRUN" -e "local vg = require('vg'); local ok, err = pcall(vg.pipeline, { name = 'p', stages = {}, stage = {} })
    assert(not ok); print(err)" >"$T/out" 2>&1; rc=$?; expect_rc 0 "vg.pipeline refuses an unknown field"
  check "unknown pipeline field named" has "$T/out" "unknown field 'stage'"
  # raw lock primitives close only what they own
  "$VGRUN" -e '
    local core = require("vg").core
    local ok, err = pcall(core.task_unlock, 1)
    print("refused", not ok)
    io.stdout:flush()
    local lock = assert(core.task_lock("mine"))
    print("held", core.task_lock_probe("mine"))
    core.task_unlock(lock); core.task_unlock(lock)
    print("after", core.task_lock_probe("mine"))' >"$T/out" 2>&1
  check "task_unlock(1) is refused" has "$T/out" "refused	true"
  check "stdout still works after it" has "$T/out" "held	true"
  check "unlocking twice is harmless" has "$T/out" "after	false"
}

case_messages() {
  printf '# T\n\nHello.\n' >"$T/doc.md"
  # "already running": the message, no traceback
  cat >"$T/holdc.lua" <<'LUA'
local core = require("vg").core
local lock = assert(core.task_lock("busy"))
print("holding"); io.stdout:flush()
require("vg").sleep(300)
LUA
  "$VGRUN" "$T/holdc.lua" >"$T/hold.out" 2>&1 & holder=$!; pids+=("$holder")
  wait_for "$T/hold.out" holding
  "$VGRUN" create --from "$T/doc.md" -o "$T/x.mp4" --task-id busy >"$T/out" 2>&1; rc=$?; expect_rc 1 "create on a running task"
  check "already running" has "$T/out" "task 'busy' is already running in process $holder"
  check "no traceback (busy)" hasnt "$T/out" "traceback"
  kill "$holder"; wait "$holder" 2>/dev/null
  # a state folder whose tasks/ cannot be made
  mkdir -p "$T/ro" && touch "$T/ro/tasks"
  VGRUN_STATE_DIR="$T/ro" "$VGRUN" create --from "$T/doc.md" -o "$T/x.mp4" --task-id t >"$T/out" 2>&1; rc=$?
  expect_rc 1 "unusable state folder"
  check "the folder is named" has "$T/out" "$T/ro/tasks"
  check "no traceback (state folder)" hasnt "$T/out" "traceback"
  # a damaged state file: "starting over" once
  printf '{"task_id": "torn", "sta' >"$T/state/tasks/torn.json"
  "$VGRUN" "$T/two.lua" torn resume >"$T/out" 2>&1; rc=$?; expect_rc 0 "resume over a torn state"
  check "starting over once" count_is "$T/out" "over" 1
  printf '{"task_id": "torn2", "sta' >"$T/state/tasks/torn2.json"
  "$VGRUN" create --from "$T/doc.md" -o "$T/torn.mp4" --task-id torn2 --resume >"$T/out" 2>&1; rc=$?
  expect_rc 0 "create --resume over a torn state"
  check "create says starting over once" count_is "$T/out" "over" 1
}

"case_$1"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
