#!/usr/bin/env bash
# End-to-end checks of the vgrun program as a user runs it: exit codes,
# error messages, signals, tasks, events and the REPL.
#   VGRUN=build/vgrun tests/cli/cli.sh <case>
. "$(dirname "$0")/../lib.sh"
vg_scratch cli
check() { # check DESCRIPTION COMMAND...: the command must succeed
  local what=$1; shift
  if "$@"; then ok; else bad "$what"; fi
}
expect_rc() { # expect_rc WANT DESCRIPTION: compares $rc
  if [ "$rc" -eq "$1" ]; then ok; else bad "$2: exit $rc, wanted $1"; fi
}

case_exit_codes() {
  "$VGRUN" --version >"$T/out" 2>&1; rc=$?; expect_rc 0 "--version"
  check "version text" has "$T/out" "vgrun 0"
  "$VGRUN" --help >"$T/out" 2>&1; rc=$?; expect_rc 0 "--help"
  check "help lists tasks" has "$T/out" "tasks"
  "$VGRUN" --bogus >"$T/out" 2>&1; rc=$?; expect_rc 2 "unknown option"
  "$VGRUN" nosuchcommand >"$T/out" 2>&1; rc=$?; expect_rc 2 "unknown command"
  check "unknown command message" has "$T/out" "neither a command nor a file"
  "$VGRUN" "$T/missing.lua" >"$T/out" 2>&1; rc=$?; expect_rc 2 "missing script"
  check "missing script named" has "$T/out" "missing.lua"
  "$VGRUN" -e 'print(select("#", ...), arg[0])' a b >"$T/out" 2>&1; rc=$?; expect_rc 0 "-e"
  check "-e args" has "$T/out" "2	-e"
  echo 'print("from stdin", ...)' | "$VGRUN" - x >"$T/out" 2>&1; rc=$?; expect_rc 0 "stdin script"
  check "stdin args" has "$T/out" "from stdin	x"
  printf 'print(arg[0], arg[1], ...)\n' >"$T/args.lua"
  "$VGRUN" "$T/args.lua" one >"$T/out" 2>&1; rc=$?; expect_rc 0 "script args"
  check "arg table" has "$T/out" "args.lua	one	one"
  printf 'return 3\n' >"$T/ret.lua"
  "$VGRUN" "$T/ret.lua" >/dev/null 2>&1; rc=$?; expect_rc 3 "script returns its exit code"
  cat >"$T/fail.lua" <<'LUA'
local vg = require("vg")
vg.pipeline{ name = "f", stages = { function() error("stage broke") end } }:run(nil, { save_state = false })
LUA
  "$VGRUN" "$T/fail.lua" >"$T/out" 2>&1; rc=$?; expect_rc 1 "failed pipeline"
  # never silently: the failed task and its error, with the script's line
  check "a failed task is named with its error" has "$T/out" "task 'f-.*' failed in stage .*fail.lua:2: stage broke"
}

case_errors() {
  printf 'local x = 1\nlocal function f()\n  error("boom here")\nend\nf()\n' >"$T/err.lua"
  "$VGRUN" "$T/err.lua" >"$T/out" 2>&1; rc=$?; expect_rc 1 "script error"
  check "file:line: message" has "$T/out" "err.lua:3: boom here"
  check "short traceback" has "$T/out" "stack traceback"
  check "traceback names the caller" has "$T/out" "err.lua:5"
  printf 'local x = = 1\n' >"$T/syn.lua"
  "$VGRUN" "$T/syn.lua" >"$T/out" 2>&1; rc=$?; expect_rc 1 "syntax error"
  check "syntax error names the line" has "$T/out" "syn.lua:1:"
  "$VGRUN" -e 'require("vg").pipeline{ stages = { function() end } }:run(nil, { task_id = "../x" })' >"$T/out" 2>&1
  rc=$?; expect_rc 1 "bad task id"
  check "bad task id message" has "$T/out" "invalid task id '../x'"
  "$VGRUN" -e 'require("vg").sleep("soon")' >"$T/out" 2>&1; rc=$?; expect_rc 1 "bad argument"
  check "argument error" has "$T/out" "bad argument #1"
}

wait_for() { # wait_for FILE PATTERN: up to 10 s
  for _ in $(seq 100); do grep -q -- "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

case_signals() {
  cat >"$T/long.lua" <<'LUA'
local vg = require("vg")
local p = vg.pipeline{ name = "long", stages = {
  vg.stage{ name = "quick", run = function(ctx) ctx.q = true end },
  vg.stage{ name = "slow", run = function() print("waiting"); io.stdout:flush(); vg.sleep(30) end },
  vg.stage{ name = "never", run = function() error("must not run") end },
}}
local r = p:run(nil, { task_id = arg[1] })
print("status", r.status)
LUA
  for sig in INT TERM; do
    "$VGRUN" "$T/long.lua" "sig-$sig" >"$T/out.$sig" 2>&1 &
    pid=$!
    check "$sig: reaches the slow stage" wait_for "$T/out.$sig" waiting
    kill -"$sig" "$pid"
    wait "$pid"; rc=$?; expect_rc 130 "$sig exit code"
    check "$sig: state cancelled" has "$VGRUN_STATE_DIR/tasks/sig-$sig.json" '^."status":[[:space:]]*"cancelled"'
    check "$sig: the script saw the result" has "$T/out.$sig" "status	cancelled"
  done
  # one process at a time per task; a killed holder leaves no stale lock
  "$VGRUN" "$T/long.lua" locked >"$T/out.lock1" 2>&1 &
  pid=$!
  check "holder started" wait_for "$T/out.lock1" waiting
  "$VGRUN" "$T/long.lua" locked >"$T/out.lock2" 2>&1; rc=$?; expect_rc 1 "second process on a running task"
  check "names the task and the holder's pid" has "$T/out.lock2" "task 'locked' is already running in process $pid"
  kill -9 "$pid"; wait "$pid" 2>/dev/null
  "$VGRUN" tasks list >"$T/out.lock4" 2>&1; rc=$?; expect_rc 0 "tasks list after a kill -9"
  check "a killed run is listed as stopped" has "$T/out.lock4" "locked .*stopped"
  "$VGRUN" tasks show locked >"$T/out.lock5" 2>&1; rc=$?; expect_rc 0 "tasks show after a kill -9"
  check "show says its process is gone and how to go on" has "$T/out.lock5" "stopped (no process holds its lock; .vgrun tasks resume locked. goes on)"
  "$VGRUN" -e 'local vg = require("vg")
    local r = vg.pipeline{ name = "long", stages = { function() end } }:run(nil, { task_id = "locked", resume = true })
    assert(r.success, r.status)' >"$T/out.lock3" 2>&1; rc=$?; expect_rc 0 "lock of a killed process is taken over"
  # a busy Lua loop outside any pipeline is interrupted too
  "$VGRUN" -e 'print("busy"); io.stdout:flush(); while true do end' >"$T/busy" 2>&1 &
  pid=$!
  check "busy loop started" wait_for "$T/busy" busy
  kill -INT "$pid"; wait "$pid"; rc=$?; expect_rc 130 "busy loop interrupted"
}

case_tasks() {
  cat >"$T/resumable.lua" <<'LUA'
local vg = require("vg")
local p = vg.pipeline{ name = "resumable", stages = {
  vg.stage{ name = "one", run = function(ctx) ctx.one = (ctx.one or 0) + 1 end },
  vg.stage{ name = "two", run = function(ctx) if os.getenv("BREAK") then error("two is broken") end; ctx.two = true end },
}}
local r = p:run(arg[1], { task_id = "job-1" })
print("status", r.status, r.context.one)
LUA
  BREAK=1 "$VGRUN" --events "$T/ev1" "$T/resumable.lua" hello >"$T/out" 2>&1; rc=$?; expect_rc 1 "first run fails"
  "$VGRUN" tasks list >"$T/out" 2>&1; rc=$?; expect_rc 0 "tasks list"
  check "list shows the failed task" has "$T/out" "job-1 .*failed"
  "$VGRUN" tasks show job-1 >"$T/out" 2>&1; rc=$?; expect_rc 0 "tasks show"
  check "show has the stage error" has "$T/out" "two is broken"
  check "show says how to resume" has "$T/out" "resumable.lua hello"
  (cd / && "$VGRUN" --events "$T/ev2" tasks resume job-1 >"$T/out" 2>&1); rc=$?; expect_rc 0 "tasks resume"
  check "resumed run completes, stage one ran once" has "$T/out" "status	completed	1"
  check "stage one skipped" has "$T/ev2" '"type":"stage.skipped","task_id":"job-1","stage":"one"'
  check "state restored" has "$T/ev2" '"type":"state.restored"'
  "$VGRUN" tasks show nope >"$T/out" 2>&1; rc=$?; expect_rc 1 "show unknown task"
  "$VGRUN" tasks show ../etc >"$T/out" 2>&1; rc=$?; expect_rc 2 "show invalid id"
  "$VGRUN" tasks cancel job-1 >"$T/out" 2>&1; rc=$?; expect_rc 1 "cancel a finished task"
  "$VGRUN" tasks clean --older-than 1h >"$T/out" 2>&1; rc=$?; expect_rc 0 "clean keeps young tasks"
  check "nothing removed" has "$T/out" "removed 0 tasks"
  sleep 1.1
  "$VGRUN" tasks clean --older-than 1s >"$T/out" 2>&1; rc=$?; expect_rc 0 "clean"
  check "old task removed" has "$T/out" "removed 1 task"
  [ ! -e "$VGRUN_STATE_DIR/tasks/job-1.json" ] && ok || bad "state file still there"
  "$VGRUN" --state-dir "$T/other" -e 'print(require("vg").state.dir())' >"$T/out" 2>&1
  check "--state-dir" has "$T/out" "$T/other"
}

case_events() {
  cat >"$T/ev.lua" <<'LUA'
local vg = require("vg")
vg.pipeline{ name = "ev", stages = {
  vg.stage{ name = "s", run = function(ctx, task) task:progress(0.25, "quarter") end } } }:run(nil, { task_id = "ev-1" })
LUA
  "$VGRUN" --events "$T/events.jsonl" "$T/ev.lua" >"$T/out" 2>&1; rc=$?; expect_rc 0 "run with --events"
  "$VGRUN" -e '
    local vg = require("vg")
    local need = { type = true, task_id = true, stage = true, progress = true, message = true, time = true }
    local seen = {}
    for line in io.lines(arg[1]) do
      local ev = assert(vg.json.decode(line))
      for k in pairs(need) do assert(ev[k] ~= nil, "missing " .. k .. " in " .. line) end
      seen[ev.type] = ev
    end
    for _, t in ipairs({ "pipeline.started", "stage.started", "stage.progress", "stage.completed", "pipeline.completed", "state.saved" }) do
      assert(seen[t], "no " .. t)
    end
    assert(seen["stage.progress"].progress == 0.25 and seen["stage.progress"].message == "quarter")
  ' "$T/events.jsonl" >"$T/out" 2>&1; rc=$?; expect_rc 0 "events are JSON lines with every field"
  [ "$rc" -eq 0 ] || cat "$T/out" >&2
  "$VGRUN" --events - "$T/ev.lua" >"$T/stdout" 2>/dev/null
  check "--events - writes to stdout" has "$T/stdout" '"type":"pipeline.completed"'
}

case_repl() {
  command -v script >/dev/null || { echo "skip: no script(1) for a pty"; exit 77; }
  printf '1+2\nfunction f(x)\nreturn x*2\nend\nf(21)\nerror("boom")\nvg.version\n' |
    TERM=dumb timeout 10 script -qec "$VGRUN" /dev/null >"$T/out" 2>&1; rc=$?; expect_rc 0 "repl exits on EOF"
  tr -d '\r' <"$T/out" >"$T/clean"
  check "expression value" has "$T/clean" "^3$"
  check "multi-line function" has "$T/clean" "^42$"
  check "error reported, prompt goes on" has "$T/clean" "stdin:1: boom"
  check "vg preloaded" has "$T/clean" "^0\.1"
  if command -v tmux >/dev/null; then
    # a session of this run's own: two suites may run at once on one machine
    local sess="vgrepl-$$"
    tmux new-session -d -s "$sess" -x 120 -y 20 "$VGRUN"
    sleep 0.5
    tmux send-keys -t "$sess" 'while true do end' Enter
    sleep 0.5
    tmux send-keys -t "$sess" C-c
    sleep 0.5
    tmux send-keys -t "$sess" '6*7' Enter
    sleep 0.5
    tmux capture-pane -p -t "$sess" >"$T/pane"
    tmux send-keys -t "$sess" C-d
    check "Ctrl-C stops the running chunk" has "$T/pane" "interrupted"
    check "prompt works after Ctrl-C" has "$T/pane" "^42"
    tmux kill-session -t "$sess" 2>/dev/null
  fi
}

case_progress() {
  command -v script >/dev/null || { echo "skip: no script(1) for a pty"; exit 77; }
  cat >"$T/prog.lua" <<'LUA'
local vg = require("vg")
vg.pipeline{ name = "bar", stages = {
  vg.stage{ name = "first", run = function(ctx, task) for i = 1, 4 do task:progress(i / 4, "step " .. i); vg.sleep(0.12) end end },
  vg.stage{ name = "second", run = function() vg.sleep(0.2) end },
} }:run(nil, { save_state = false })
LUA
  TERM=dumb timeout 10 script -qec "$VGRUN $T/prog.lua" /dev/null >"$T/out" 2>&1
  check "bar with stage name" has "$T/out" "first"
  check "bar with ETA" has "$T/out" "ETA"
  check "bar with stage count" has "$T/out" "2/2"
  "$VGRUN" "$T/prog.lua" >"$T/out2" 2>&1
  if grep -q ETA "$T/out2"; then bad "no bar when stderr is not a terminal"; else ok; fi
}

case_cache() {
  export VGRUN_CACHE_DIR="$T/cache"
  "$VGRUN" -e '
    local vg = require("vg")
    local c = vg.core
    local key = c.sha256("cli cache test")
    assert(c.write_atomic(c.cache_dir() .. "/" .. key:sub(1, 2) .. "/" .. key .. ".mp4", string.rep("x", 2048)))' >"$T/out" 2>&1
  "$VGRUN" cache info >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache info"
  check "cache info names the directory" has "$T/out" "$T/cache"
  check "cache info counts entries" has "$T/out" "entries   1"
  "$VGRUN" cache clean --older-than 1h >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache clean keeps recent entries"
  check "nothing removed" has "$T/out" "removed 0 entries"
  "$VGRUN" cache clean --all >"$T/out" 2>&1; rc=$?; expect_rc 0 "cache clean --all"
  check "entry removed" has "$T/out" "removed 1 entry"
  "$VGRUN" cache frob >"$T/out" 2>&1; rc=$?; expect_rc 2 "cache usage error"
}

# `cache clean` removes only what the cache itself made, and refuses a folder
# that is not a vgrun cache (a mistyped VGRUN_CACHE_DIR must not cost files)
case_cache_clean() {
  local FIX=tests/create/small.yaml
  mkdir -p "$T/user/ab" "$T/user/tmp" "$T/user/12"
  echo photo >"$T/user/ab/photo.jpg"; echo draft >"$T/user/tmp/draft.txt"; echo notes >"$T/user/12/notes.md"
  for all in "" --all; do
    VGRUN_CACHE_DIR="$T/user" "$VGRUN" cache clean $all >"$T/out" 2>&1; rc=$?
    expect_rc 2 "clean $all of a folder that is not a cache"
    check "clean $all says why" has "$T/out" "not a vgrun cache"
    check "clean $all names the folder" has "$T/out" "$T/user"
  done
  [ "$(find "$T/user" -type f | wc -l)" -eq 3 ] && ok || bad "clean deleted a user's files: $(find "$T/user" -type f)"
  [ ! -e "$T/user/vgrun-cache" ] && ok || bad "a folder that is not a cache was marked"
  # a real cache, with a user's files put inside it: only entries go
  export VGRUN_CACHE_DIR="$T/real"
  "$VGRUN" create --from "$FIX" -o "$T/r.mp4" --resolution 320x180 --task-id clean-real >"$T/out" 2>&1; rc=$?
  expect_rc 0 "create into a new cache"
  check "the cache is marked" test -f "$T/real/vgrun-cache"
  check "backup tools are told to skip it" grep -q "^Signature: 8a477f597d28d172789f06886806bc55" "$T/real/CACHEDIR.TAG"
  mkdir -p "$T/real/tmp" "$T/real/ab"
  echo a >"$T/real/notes.txt"; echo b >"$T/real/tmp/keep.txt"; echo c >"$T/real/ab/photo.jpg"
  "$VGRUN" cache clean --all >"$T/out" 2>&1; rc=$?; expect_rc 0 "clean --all of a real cache"
  check "entries removed" grep -Eq "removed [1-9][0-9]* entr" "$T/out"
  left=$(find "$T/real" -type f ! -name notes.txt ! -name keep.txt ! -name photo.jpg ! -name vgrun-cache ! -name CACHEDIR.TAG)
  [ -z "$left" ] && ok || bad "clean --all left cache files: $left"
  for f in notes.txt tmp/keep.txt ab/photo.jpg; do
    [ -f "$T/real/$f" ] && ok || bad "clean --all removed the user's $f"
  done
  "$VGRUN" create --from "$FIX" -o "$T/r2.mp4" --resolution 320x180 --task-id clean-real-2 >"$T/out" 2>&1; rc=$?
  expect_rc 0 "create after clean"
  check "same video after clean" cmp -s "$T/r.mp4" "$T/r2.mp4"
  # a cache of an older vgrun (no marker, only its own files) is adopted
  local key=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  mkdir -p "$T/old/01" "$T/old/tmp"
  echo x >"$T/old/01/$key.mp4"; echo "2 $key" >"$T/old/01/$key.mp4.sum"; echo y >"$T/old/tmp/1234-7.mp4"
  VGRUN_CACHE_DIR="$T/old" "$VGRUN" cache clean --all >"$T/out" 2>&1; rc=$?; expect_rc 0 "clean of an older vgrun's cache"
  check "older entry removed" has "$T/out" "removed 1 entry"
  [ -z "$(find "$T/old" -type f ! -name vgrun-cache ! -name CACHEDIR.TAG)" ] && ok || bad "older cache files left: $(find "$T/old" -type f)"
  check "older cache adopted" test -f "$T/old/vgrun-cache"
}

# Many writers on one cold cache: every run succeeds, none deletes what
# another is writing, and all make the same bytes
case_cache_writers() {
  local FIX=tests/create/small.yaml
  for round in 1 2 3; do
    export VGRUN_CACHE_DIR="$T/shared$round"
    local pids=()
    for i in 1 2 3 4; do
      "$VGRUN" create --from "$FIX" -o "$T/w$round-$i.mp4" --resolution 320x180 --task-id "w$round-$i" \
        >"$T/w$round-$i.log" 2>&1 &
      pids+=($!)
    done
    for i in 1 2 3 4; do
      wait "${pids[$((i - 1))]}"; rc=$?
      expect_rc 0 "round $round writer $i ($(tail -2 "$T/w$round-$i.log"))"
      if grep -q "damaged" "$T/w$round-$i.log"; then bad "round $round writer $i saw a damaged entry"; else ok; fi
    done
    for i in 2 3 4; do check "round $round: writer $i made the same video" cmp -s "$T/w$round-1.mp4" "$T/w$round-$i.mp4"; done
  done
  [ -z "$(find "$T"/shared*/tmp -mindepth 1 2>/dev/null)" ] && ok || bad "temporary files left: $(find "$T"/shared*/tmp -mindepth 1)"
}

# --no-cache needs no cache: not an existing one, not a writable one; a
# VGRUN_CACHE_DIR that names a file is a usage error (exit 2) without it;
# a cache that cannot be written is a warning naming it, not a failed run
case_no_cache() {
  local FIX=tests/create/small.yaml
  export TMPDIR="$T/scratch"  # where work files go without a cache: all gone at the end
  mkdir -p "$TMPDIR"
  echo "not a folder" >"$T/cachefile"
  export VGRUN_CACHE_DIR="$T/cachefile"
  "$VGRUN" create --from "$FIX" -o "$T/n1.mp4" --resolution 320x180 --no-cache --task-id nc1 >"$T/out" 2>&1; rc=$?
  expect_rc 0 "--no-cache with a cache path that is a file"
  check "--no-cache made the video" test -s "$T/n1.mp4"
  if grep -q warning "$T/out"; then bad "--no-cache warned about the cache: $(cat "$T/out")"; else ok; fi
  check "the file is untouched" grep -qx "not a folder" "$T/cachefile"
  "$VGRUN" create --from "$FIX" -o "$T/n2.mp4" --resolution 320x180 --task-id nc2 >"$T/out" 2>&1; rc=$?
  expect_rc 2 "a cache path that is a file is a usage error"
  check "the error names the variable" has "$T/out" "VGRUN_CACHE_DIR=$T/cachefile: a file, not a folder"
  check "nothing made" test ! -e "$T/n2.mp4"
  # a cache that cannot be written: one warning naming the path, the run succeeds
  mkdir -p "$T/c1"; printf 'vgrun cache\nformat 2\n' >"$T/c1/vgrun-cache"; echo "in the way" >"$T/c1/tmp"
  VGRUN_CACHE_DIR="$T/c1" "$VGRUN" create --from "$FIX" -o "$T/n6.mp4" --resolution 320x180 --task-id nc6 >"$T/out" 2>&1; rc=$?
  expect_rc 0 "a cache that cannot be written is only a warning"
  check "the error names its path" has "$T/out" "$T/c1/tmp: Not a directory"
  [ "$(grep -c "warning" "$T/out")" -eq 1 ] && ok || bad "cache write failure reported more than once: $(cat "$T/out")"
  check "same video with a broken cache" cmp -s "$T/n1.mp4" "$T/n6.mp4"
  export VGRUN_CACHE_DIR="$T/nosuch/cache"
  "$VGRUN" create --from "$FIX" -o "$T/n3.mp4" --resolution 320x180 --no-cache --task-id nc3 >"$T/out" 2>&1; rc=$?
  expect_rc 0 "--no-cache with no cache folder"
  [ ! -e "$T/nosuch" ] && ok || bad "--no-cache made the cache folder"
  # a read-only cache (root ignores permissions: a read-only mount)
  if [ "$(id -u)" -eq 0 ] && mkdir -p "$T/ro" && mount -t tmpfs -o ro,size=64k tmpfs "$T/ro" 2>/dev/null; then
    export VGRUN_CACHE_DIR="$T/ro/cache"
    "$VGRUN" create --from "$FIX" -o "$T/n4.mp4" --resolution 320x180 --no-cache --task-id nc4 >"$T/out" 2>&1; rc=$?
    expect_rc 0 "--no-cache with a read-only cache"
    "$VGRUN" create --from "$FIX" -o "$T/n5.mp4" --resolution 320x180 --task-id nc5 >"$T/out" 2>&1; rc=$?
    expect_rc 0 "a read-only cache is only a warning"
    check "the warning names the folder" has "$T/out" "$T/ro/cache"
    umount "$T/ro"
  fi
  [ -z "$(ls -A "$TMPDIR")" ] && ok || bad "work files left in TMPDIR: $(ls -A "$TMPDIR")"
}

case_embed() {
  "$EMBED" "one two three four" >"$T/out" 2>&1; rc=$?; expect_rc 0 "embed example"
  check "native stage event" has "$T/out" "stage.completed    task=embed-example stage=embed.count"
  check "lua stage result" has "$T/out" "result	completed	4 words"
}

"case_$1"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
