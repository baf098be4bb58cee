#!/usr/bin/env bash
# A fiber a stage starts (vg.go) that ends with an error fails that stage
# with the error and its file and line: the task fails, the run exits 1
# (it printed "uncaught error in a task", ran the next stage and exited 0).
# A fiber outside any stage that ends with an error is printed and the run
# exits 1 at the end.
#   VGRUN=build/vgrun tests/cli/fiber_errors.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch fiber-errors
cd "$T" || exit 1

cat >bg.lua <<'LUA'
local vg = require("vg")
local r = vg.pipeline{ name = "bg", stages = {
  vg.stage{ name = "work", run = function(ctx)
    vg.go(function() vg.sleep(0.01); error("background broke") end)
    vg.sleep(0.1)
  end },
  vg.stage{ name = "after", run = function() print("after ran") end },
} }:run(nil, { task_id = "bg" })
print("status " .. r.status)
LUA
"$VGRUN" bg.lua >out.txt 2>err.txt; rc=$?
expect_rc 1 "a stage whose fiber failed"
check "the task failed" has out.txt '^status failed$'
check "the next stage did not run" hasnt out.txt 'after ran'
check "the stage is named, with the script's line" has err.txt \
  "task 'bg' failed in stage 'work': a fiber it started (vg.go) failed: bg.lua:4: background broke"
check "not reported as uncaught" hasnt err.txt 'uncaught error'
check "the state names the line" python3 -c "import json,sys; e=json.load(open(\"state/tasks/bg.json\"))[\"errors\"][0]; sys.exit(not (e[\"file\"] == \"bg.lua\" and e[\"line\"] == 4))"

# a fiber the stage started that fails later (while the next stage runs) fails that one
cat >late.lua <<'LUA'
local vg = require("vg")
local r = vg.pipeline{ name = "late", stages = {
  vg.stage{ name = "one", run = function() vg.go(function() vg.sleep(0.05); error("late") end) end },
  vg.stage{ name = "two", run = function() vg.sleep(0.2) end },
} }:run(nil, { save_state = false })
print("status " .. r.status)
LUA
"$VGRUN" late.lua >out.txt 2>err.txt; rc=$?
expect_rc 1 "a fiber failing during the next stage"
check "late: the task failed" has out.txt '^status failed$'
check "late: in the stage running then" has err.txt "in stage 'two': a fiber it started (vg.go) failed: late.lua:3: late"

# outside any task: printed when it ends, exit 1 at the end
"$VGRUN" -e 'local vg = require("vg"); vg.go(function() error("lonely", 0) end); print("main done")' >out.txt 2>err.txt; rc=$?
expect_rc 1 "a lone fiber that failed"
check "lone: printed" has err.txt 'uncaught error in a task (2): lonely'
check "lone: counted" has err.txt '^vgrun: 1 fiber (vg.go) ended with an error (above)$'
check "lone: the script went on" has out.txt 'main done'

# a fiber that ends well changes nothing
"$VGRUN" -e 'local vg = require("vg"); vg.go(function() vg.sleep(0) end)' >out.txt 2>err.txt; rc=$?
expect_rc 0 "a fiber that ended well"
# A stage waiting for what its failed fiber was to deliver ends at once (it
# waited forever: the fiber's error was applied only when the stage returned):
# polling with vg.sleep or a bare coroutine.yield(), an hour's sleep it catches, vg.core.suspend for a
# wake that never comes, vg.wait for a task, a child process. A stage tried
# again after that waits as any does.
cat >stuck.lua <<'LUA'
local vg = require("vg")
local core = vg.core
local waits = {
  poll = function() local done; vg.go(function() vg.sleep(0.01); error("poll broke"); done = true end)
    while not done do vg.sleep(0.05) end end,
  caught = function() vg.go(function() vg.sleep(0.01); error("caught broke") end)
    pcall(vg.sleep, 3600); vg.sleep(3600) end,
  suspend = function() local me = core.running_fiber()
    vg.go(function() vg.sleep(0.01); error("suspend broke"); core.wake(me) end); core.suspend() end,
  task = function() local other = vg.pipeline{ name = "other", stages = { vg.stage{ name = "s",
      run = function() while not released do vg.sleep(0.05) end end } } }:start(nil, { save_state = false })
    vg.go(function() vg.sleep(0.01); error("task broke") end); vg.wait(other) end,
  spawn = function() vg.go(function() vg.sleep(0.01); error("spawn broke") end); vg.spawn("sleep", { "3600" }) end,
  yield = function() local done; vg.go(function() vg.sleep(0.01); error("yield broke"); done = true end)
    while not done do coroutine.yield() end end,
  pyield = function() local done; vg.go(function() vg.sleep(0.01); error("pyield broke"); done = true end)
    while not done do pcall(coroutine.yield) end end,
}
local which = arg[1]
local r = vg.pipeline{ name = which, stages = {
  vg.stage{ name = "wait", run = waits[which] },
  vg.stage{ name = "after", run = function() print("after ran") end },
} }:run(nil, { save_state = false })
released = true -- the other task (vg.wait) ends once this one has
print("status " .. r.status)
LUA
for w in poll caught suspend task spawn yield pyield; do
  start=$(date +%s)
  timeout -k 5 30 "$VGRUN" stuck.lua "$w" >out.txt 2>err.txt; rc=$?
  took=$(( $(date +%s) - start ))
  expect_rc 1 "$w: the stage whose fiber failed"
  check "$w: ended promptly (took ${took} s)" test "$took" -lt 10
  check "$w: the task failed" has out.txt '^status failed$'
  check "$w: the next stage did not run" hasnt out.txt 'after ran'
  check "$w: the fiber's error is said" has err.txt "in stage 'wait': a fiber it started (vg.go) failed: stuck.lua:[0-9]*: $w broke"
done

# SIGTERM (or Ctrl-C) stops a stage that polls with a bare coroutine.yield()
# for what never comes: it ends as a wait does, "cancelled", exit 130 (the
# signal was not seen and the loop turned on)
cat >forever.lua <<'LUA'
local vg = require("vg")
local r = vg.pipeline{ name = "forever", stages = {
  vg.stage{ name = "poll", run = function() print("polling"); io.stdout:flush()
    while true do coroutine.yield() end end },
} }:run(nil, { save_state = false })
print("status " .. r.status)
LUA
wait_for() { local i; for i in $(seq 100); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done; return 1; }
for sig in TERM INT; do
  # not under timeout(1): it passes the signal on twice (to vgrun and to its
  # group), and a second signal is "exit at once"
  "$VGRUN" forever.lua >out.txt 2>err.txt &
  pid=$!
  (sleep 30; kill -KILL "$pid" 2>/dev/null) & guard=$!
  check "$sig: the poll started" wait_for out.txt polling
  kill -"$sig" "$pid"; wait "$pid"; rc=$?
  kill "$guard" 2>/dev/null; wait "$guard" 2>/dev/null
  expect_rc 130 "$sig: a stage polling with coroutine.yield()"
  check "$sig: the task was cancelled" has out.txt '^status cancelled$'
done

cat >retry.lua <<'LUA'
local vg = require("vg")
local n = 0
local r = vg.pipeline{ name = "retry", stages = {
  vg.stage{ name = "wait", retries = 1, backoff = 0.01, run = function()
    n = n + 1
    if n == 1 then vg.go(function() error("first broke") end) end
    vg.sleep(0.2)
    print("attempt " .. n .. " slept")
  end },
} }:run(nil, { save_state = false })
print("status " .. r.status)
LUA
timeout 30 "$VGRUN" retry.lua >out.txt 2>err.txt; rc=$?
expect_rc 0 "a stage tried again after its fiber failed"
check "retry: the second attempt waited" has out.txt '^attempt 2 slept$'
check "retry: the first one was stopped" hasnt out.txt '^attempt 1 slept$'
check "retry: completed" has out.txt '^status completed$'
vg_done
