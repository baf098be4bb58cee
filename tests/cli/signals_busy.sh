#!/usr/bin/env bash
# The first SIGINT or SIGTERM always works: a busy Lua stage (in a fiber, in
# a coroutine it resumed, in a listener of the events it emits, or the first
# stage, which runs inside p:start) is
# stopped at once, its task ends "cancelled" (state file and result) and
# vgrun exits 130. Inputs and state files that are not regular files (a
# FIFO) are refused with a message instead of blocking forever in open().
# A hang is caught by timeout(1) and fails the check (a hang guard, not a
# speed bound).
#   VGRUN=build/vgrun tests/cli/signals_busy.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch busy
GUARD=${GUARD:-60}   # seconds before a run that ignored its signal is killed
wait_for() { # wait_for FILE PATTERN: up to 10 s
  for _ in $(seq 100); do grep -q -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

# busy OUT SIG ARGS...: runs vgrun ARGS until it prints "busy", sends one
# SIG to it, and leaves its exit code in rc (137: it ignored the signal)
busy() {
  local out=$1 sig=$2; shift 2
  timeout -s KILL "$GUARD" "$VGRUN" "$@" >"$out" 2>&1 &
  local tpid=$! vpid=""
  for _ in $(seq 100); do vpid=$(pgrep -P "$tpid"); [ -n "$vpid" ] && break; sleep 0.1; done
  if [ -n "$vpid" ] && wait_for "$out" busy; then
    kill -"$sig" "$vpid"
  else
    bad "$*: never got busy"
  fi
  wait "$tpid"; rc=$?
}

cat >"$T/busy.lua" <<'LUA'
local vg = require("vg")
local how = arg[2]
local spin = {
  loop = function() while true do end end,
  -- many C calls, each short: the hook fires between them (one call that
  -- never returns cannot be stopped by a hook; a second signal exits)
  find = function() local s = string.rep("a", 100000); while true do s:find("b", 1, true); s:find("a-b", 99000) end end,
  wrap = function() coroutine.wrap(function() while true do end end)() end,
  resume = function() coroutine.resume(coroutine.create(function() while true do end end)) end,
  -- short coroutines resumed in a loop that ignores their failure
  resumes = function()
    while true do coroutine.resume(coroutine.create(function() local x = 0; for i = 1, 1e5 do x = x + i end end)) end
  end,
  -- progress in a loop, and a listener that works on every event
  progress = function(task) while true do task:progress(0.5) end end,
  -- the same with a listener that does nothing: the signal mostly lands in
  -- the dispatch itself, and the script waiting for the task still sees it
  -- end "cancelled" (it was once interrupted on its next line)
  quiet = function(task) while true do task:progress(0.5) end end,
}
if arg[3] == "progress" then
  vg.on("stage.progress", function() local x = 0; for i = 1, 1e5 do x = x + i end end)
elseif arg[3] == "quiet" then
  vg.on("stage.progress", function() end)
end
local function busy(ctx, task) print("busy"); io.stdout:flush(); spin[arg[3] or "loop"](task) end
local stages = {
  vg.stage{ name = "quick", run = function(ctx) ctx.q = true end },
  vg.stage{ name = "spin", run = busy },
  vg.stage{ name = "never", run = function() error("must not run") end },
}
if how == "first" then table.remove(stages, 1) end         -- runs inside p:start
if how == "later" then stages[1].run = function() vg.sleep(0) end end  -- runs from the loop
local r = vg.pipeline{ name = "busy", stages = stages }:run(nil, { task_id = arg[1] })
print("status", r.status)
LUA

state_is() { # state_is ID STATUS
  grep -q "^.\"status\":[[:space:]]*\"$2\"" "$VGRUN_STATE_DIR/tasks/$1.json" 2>/dev/null ||
    { echo "--- state of $1:" >&2; cat "$VGRUN_STATE_DIR/tasks/$1.json" >&2; return 1; }
}

n=0
for sig in INT TERM; do
  for how in first later; do
    for spin in loop find wrap resume resumes progress quiet; do
      n=$((n + 1)); id="t$n-$sig-$how-$spin"
      busy "$T/out.$id" "$sig" "$T/busy.lua" "$id" "$how" "$spin"
      expect_rc 130 "SIG$sig to a busy $how stage ($spin)"
      check "SIG$sig $how $spin: the task is cancelled" state_is "$id" cancelled
      check "SIG$sig $how $spin: the script saw it" has "$T/out.$id" "status	cancelled"
      check "SIG$sig $how $spin: the next stage never ran" \
        bash -c "! grep -q 'must not run' '$T/out.$id'"
    done
  done
done

# a busy fiber started with vg.go, and a busy main chunk with a task waiting
busy "$T/out.go" INT -e 'local vg = require("vg")
  vg.go(function() vg.sleep(0); print("busy"); io.stdout:flush(); while true do end end)'
expect_rc 130 "SIGINT to a busy vg.go fiber"
check "no error report for the interrupt" bash -c "! grep -q 'uncaught error' '$T/out.go'"
busy "$T/out.main" TERM -e 'local vg = require("vg")
  vg.pipeline{ stages = { function() vg.sleep(600) end } }:start(nil, { task_id = "waiting" })
  print("busy"); io.stdout:flush(); while true do end'
expect_rc 130 "SIGTERM to a busy main chunk"
check "the task it started ends cancelled, not running" state_is waiting cancelled
# a busy event listener
busy "$T/out.listener" INT -e 'local vg = require("vg")
  vg.on("my.event", function() print("busy"); io.stdout:flush(); while true do end end)
  vg.pipeline{ stages = { function() vg.emit{ type = "my.event" } end } }:run(nil, { task_id = "listened" })'
expect_rc 130 "SIGINT to a busy listener"
check "the listener's task ends cancelled" state_is listened cancelled

# ---- FIFOs: refused before open() could block -------------------------------
mkfifo "$T/talk.md" "$T/talk.srt"
for f in talk.md talk.srt; do
  timeout -s KILL "$GUARD" "$VGRUN" check "$T/$f" >"$T/out" 2>&1; rc=$?
  expect_rc 1 "check $f (a FIFO)"
  check "check $f names it and why" has "$T/out" "$f: cannot open: is a named pipe (FIFO), not a regular file"
  timeout -s KILL "$GUARD" "$VGRUN" -q create --from "$T/$f" -o "$T/out.mp4" >"$T/out" 2>&1; rc=$?
  check "create --from $f fails (exit $rc)" test "$rc" -ne 0 -a "$rc" -ne 137
  check "create --from $f names it" has "$T/out" "$f: is a named pipe (FIFO), not a regular file"
done
mkdir -p "$T/set"
printf '# A\n\nHello.\n' >"$T/set/a.md"
mkfifo "$T/set/set_config.yaml"
timeout -s KILL "$GUARD" "$VGRUN" check "$T/set" >"$T/out" 2>&1; rc=$?
expect_rc 1 "check of a set whose set_config.yaml is a FIFO"
check "the set's config is named" has "$T/out" "set_config.yaml: cannot open: is a named pipe"
timeout -s KILL "$GUARD" "$VGRUN" -q create --from "$T/set" >"$T/out" 2>&1; rc=$?
check "create of that set fails (exit $rc)" test "$rc" -ne 0 -a "$rc" -ne 137
check "create names the set's config" has "$T/out" "set_config.yaml: is a named pipe"

mkdir -p "$VGRUN_STATE_DIR/tasks"
mkfifo "$VGRUN_STATE_DIR/tasks/piped.json"
timeout -s KILL "$GUARD" "$VGRUN" tasks show piped >"$T/out" 2>&1; rc=$?
expect_rc 1 "tasks show of a FIFO state file"
check "tasks show names it" has "$T/out" "piped.json: is a named pipe (FIFO), not a regular file"
timeout -s KILL "$GUARD" "$VGRUN" tasks list >"$T/out" 2>&1; rc=$?
expect_rc 0 "tasks list with a FIFO state file"
timeout -s KILL "$GUARD" "$VGRUN" -e 'local vg = require("vg")
  local r = vg.pipeline{ stages = { function() end } }:run(nil, { task_id = "piped", resume = true })
  print("resumed", r.status)' >"$T/out" 2>&1; rc=$?
expect_rc 0 "resume of a task whose state file is a FIFO starts over"
check "resume says why" has "$T/out" "piped.json: is a named pipe (FIFO), not a regular file"

# --events to a FIFO: fails at once when nothing reads it, works when a reader is there
mkfifo "$T/events.fifo"
timeout -s KILL "$GUARD" "$VGRUN" --events "$T/events.fifo" -e 'print(1)' >"$T/out" 2>&1; rc=$?
expect_rc 2 "--events to a FIFO nothing reads"
check "--events names the FIFO" has "$T/out" "events.fifo: a named pipe (FIFO) that nothing reads"
exec 3<>"$T/events.fifo"   # read-write: a reader is there for sure, and open never blocks
timeout -s KILL "$GUARD" cat "$T/events.fifo" >"$T/events.out" 3>&- &
reader=$!
timeout -s KILL "$GUARD" "$VGRUN" --events "$T/events.fifo" -e 'local vg = require("vg")
  vg.pipeline{ stages = { function() end } }:run(nil, { save_state = false })' >"$T/out" 2>&1 3>&-; rc=$?
expect_rc 0 "--events to a FIFO with a reader"
exec 3>&-                 # the last writer gone, cat sees the end
wait "$reader"
check "the reader got the events" has "$T/events.out" '"type":"pipeline.completed"'

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
