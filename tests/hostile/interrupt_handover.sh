#!/usr/bin/env bash
# Ctrl-C while a native stage's options are turned into JSON (for `vgrun
# create` the whole plan of a long video: seconds on a busy machine, on the
# loop's own thread, where no Lua hook runs) stops the conversion there: the
# stage is not prepared and the run ends interrupted (exit 130). The
# conversion used to run to its end first; Ctrl-C then took 2-3 s to stop
# `vgrun create` at the hand-over to the encoder.
# The signal is sent from inside the conversion (a metatable's __index, in a
# coroutine of its own, looked up when the first value is converted); a
# second one, on the last value, notes whether the conversion reached it.
#   VGRUN=build/vgrun tests/hostile/interrupt_handover.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch interrupt-handover --own-config
cd "$T" || exit 1
cat >handover.lua <<'LUA'
local core = require("vg.core")
-- io.popen():close() waits for kill(1): the signal has come when it returns
-- (a tail call: no instruction of that coroutine runs after the signal, so
-- the interrupt hook armed on it never fires and the conversion goes on in C)
local send = coroutine.wrap(function()
  local p = io.popen("kill -INT $PPID")
  return p:close()
end)
local note = coroutine.wrap(function()
  io.open("reached", "w"):close()
  while true do coroutine.yield(nil) end
end)
local list = { setmetatable({}, setmetatable({}, { __index = send })) }
for i = 2, 4999 do list[i] = { i } end
list[5000] = setmetatable({}, setmetatable({}, { __index = note }))
local ok, err = pcall(core.run_native, "input.load", {}, { items = list })
io.stderr:write("after: ", tostring(ok), " ", tostring(err), "\n")
LUA
"$VGRUN" handover.lua >run.out 2>run.err; rc=$?
expect_rc 130 "the run ends interrupted"
check "the signal came during the conversion" has run.err 'interrupted'
check "the conversion stopped at the signal" test ! -e reached
vg_done
