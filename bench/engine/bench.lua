-- bench/engine/bench.lua: the orchestrator's timings that tests do not
-- assert (they check order, not the clock). Prints figures, no pass/fail.
--   build/vgrun bench/engine/bench.lua
local vg = require("vg")
local core = vg.core

local function secs(fn)
  local t0 = core.hrtime()
  fn()
  return core.hrtime() - t0
end

-- two tasks that each sleep 0.3 s overlap: about 0.3 s, not 0.6
local p = vg.pipeline{ name = "sleepy", stages = { function() vg.sleep(0.3) end } }
print(string.format("two 0.3 s sleeps in two tasks: %.3f s", secs(function()
  vg.wait(p:start(nil, { save_state = false }), p:start(nil, { save_state = false }))
end)))

-- a task's 0.05 s sleep while another waits on a 0.3 s child process
local t0 = core.hrtime()
local spawn = vg.pipeline{ name = "spawn", stages = { function() vg.spawn("/bin/sh", { "-c", "sleep 0.3" }) end } }
local tick = vg.pipeline{ name = "tick", stages = { function(ctx) vg.sleep(0.05); ctx.t = core.hrtime() end } }
local _, rt = vg.wait(spawn:start(nil, { save_state = false }), tick:start(nil, { save_state = false }))
print(string.format("a 0.05 s sleep beside a 0.3 s child: done after %.3f s", rt.context.t - t0))

-- per-stage cost of the orchestrator, with and without state files
local stages = {}
for i = 1, 200 do stages[i] = vg.stage{ name = "s" .. i, run = function(ctx) ctx.n = (ctx.n or 0) + 1 end } end
local many = vg.pipeline{ name = "many", stages = stages }
print(string.format("200 empty stages, no state: %.2f ms per stage",
  secs(function() many:run(nil, { save_state = false }) end) / 200 * 1000))
local dir = os.tmpname(); os.remove(dir)
vg.state.dir(dir)
print(string.format("200 empty stages, state saved after each: %.2f ms per stage",
  secs(function() many:run(nil, { task_id = "bench-many" }) end) / 200 * 1000))
vg.state.remove("bench-many")
os.execute("rm -rf '" .. dir .. "'")
