#!/usr/bin/env bash
# tests/serve/stop_interrupted.sh: a second SIGINT/SIGTERM that comes while
# `vgrun serve` stops raises "interrupted!" in whatever Lua runs then; the
# task manager's shutdown (saving the running tasks) must still run to its
# end. Before, `timeout 1.5 vgrun serve` printed "vgrun serve: saving tasks:
# ...: interrupted!" now and then and left the manager half shut down. Here
# the second signal is made to land in the manager's shutdown every time.
. "$(dirname "$0")/../lib.sh"
vg_scratch stopint
cd "$T"
cat >stop.lua <<'LUA'
local core = require("vg.core")
local cut = 0
local Tasks = {}
Tasks.__index = Tasks
function Tasks.new() return setmetatable({ closed = false }, Tasks) end
function Tasks:restore() end
function Tasks:shutdown()
  -- the first call is cut where a second signal would cut it
  if cut == 0 then cut = 1; error("interrupted!") end
  self.closed = true
end
local S = assert(require("vg.serve").start { host = "127.0.0.1", port = 0, data = arg[1], tasks = Tasks })
S:stop()
while not S:closed() do if not core.run_once() then break end end
print("saved " .. tostring(S.mgr.closed) .. " cut " .. cut)
LUA
"$VGRUN" stop.lua "$T/data" >out.txt 2>err.txt
rc=$?
expect_rc 0 "a stop cut by a second signal"
check "the manager's shutdown ran to its end" has out.txt "^saved true cut 1$"
check "the stop does not report the interrupt" hasnt err.txt "interrupted"
vg_done
