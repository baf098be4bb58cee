#!/usr/bin/env bash
# A task's state file is bounded: a stage that puts more in its context than
# a state file may hold (256 MB, or a task's own max_state_bytes) fails with
# a message that names the bound and the largest value, before anything is
# encoded, and the state file keeps the last context that could be saved; a
# stage's error message is kept to its first 4 KB (a 5 MB message made a
# 10 MB state file and 5 MB on the terminal).
#   VGRUN=build/vgrun tests/cli/state_bounded.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch state-bounded
cd "$T" || exit 1
size() { stat -c %s "$1" 2>/dev/null || echo 0; }

# a big string: the stage fails, the state stays small and true
cat >big.lua <<'LUA'
local vg = require("vg")
local r = vg.pipeline{ name = "big", stages = {
  function(ctx) ctx.small = "kept" end,
  function(ctx) ctx.big = string.rep("x", 3 * 1024 * 1024) end,
  function(ctx) error("must not run") end } }:run(nil, { task_id = "big", max_state_bytes = 1024 * 1024 })
print("status", r.status)
print("message", r.errors[1] and r.errors[1].message)
LUA
"$VGRUN" big.lua >out 2>&1; rc=$?
expect_rc 1 "a context over the bound fails the task"
check "the run is failed" has out "status	failed"
check "the message names the bound and the value" \
  has out "message	stage 'stage2': the context cannot be saved: it takes more than the 1 MB a task's state may hold (the largest value: context.big, a string of 3 MB)"
check "the state file is small ($(size "$VGRUN_STATE_DIR/tasks/big.json") bytes)" \
  test "$(size "$VGRUN_STATE_DIR/tasks/big.json")" -lt 65536
check "the state file says failed" has "$VGRUN_STATE_DIR/tasks/big.json" '"status":[[:space:]]*"failed"'
check "it keeps the last context that could be saved" has "$VGRUN_STATE_DIR/tasks/big.json" '"small":[[:space:]]*"kept"'
"$VGRUN" tasks show big >out 2>&1; rc=$?
expect_rc 0 "the state file can be read back"

# many small values: the bound, without a largest value that is no cause
"$VGRUN" -e '
  local vg = require("vg")
  local r = vg.pipeline{ name = "many", stages = { function(ctx)
    local b = {}; for i = 1, 200000 do b[i] = "item " .. i end; ctx.items = b end } }:run(nil,
    { task_id = "many", max_state_bytes = 1024 * 1024 })
  print("status", r.status, r.errors[1] and r.errors[1].message)' >out 2>&1
check "many values over the bound fail the stage" \
  has out "status	failed	stage 'stage1': the context cannot be saved: it takes more than the 1 MB a task's state may hold$"
check "the state file is small (many)" test "$(size "$VGRUN_STATE_DIR/tasks/many.json")" -lt 65536

# the bound is the one vg_state_load reads back; a task's own is at most that
"$VGRUN" -e '
  local vg = require("vg")
  print("max", vg.core.state_max_bytes)
  local p = vg.pipeline{ name = "opt", stages = { function() end } }
  for _, v in ipairs{ vg.core.state_max_bytes + 1, 5, 1.5, "1M" } do
    local ok, err = pcall(p.run, p, nil, { task_id = "opt", max_state_bytes = v })
    print("refused", tostring(v), not ok and err or "accepted")
  end' >out 2>&1
check "the bound is 256 MiB" has out "max	268435456"
check "a larger max_state_bytes is refused" has out "refused	268435457	.*max_state_bytes: a whole number of bytes from 1024 to 268435456"
check "a tiny one is refused" has out "refused	5	.*max_state_bytes"
check "a fraction is refused" has out "refused	1.5	.*max_state_bytes"
check "a string is refused" has out "refused	1M	.*max_state_bytes"

# a 5 MB error message: kept to 4 KB in the state, on the terminal and in the result
cat >err.lua <<'LUA'
local vg = require("vg")
local r = vg.pipeline{ name = "loud", stages = {
  function(ctx) error(string.rep("\u{e9}", 2500000)) end } }:run(nil, { task_id = "loud" })
print("length", #r.errors[1].message)
print("tail", r.errors[1].message:sub(-40))
LUA
"$VGRUN" err.lua >out 2>err; rc=$?
expect_rc 1 "a failing stage fails the script"
check "the message is cut to 4 KB" bash -c "[ \$(sed -n 's/^length\t//p' out) -lt 4200 ]"
check "it says how much was cut" has out "tail	.*\.\.\. ([0-9]* bytes more)$"
check "it is cut where a character starts" python3 -c "open('out', encoding='utf-8', errors='strict').read()"
check "the terminal gets 4 KB ($(size err) bytes)" test "$(size err)" -lt 8192
check "the state file is small ($(size "$VGRUN_STATE_DIR/tasks/loud.json") bytes)" \
  test "$(size "$VGRUN_STATE_DIR/tasks/loud.json")" -lt 65536
vg_done
