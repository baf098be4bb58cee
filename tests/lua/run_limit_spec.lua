-- vg.core.set_run_limit: the watch a server puts on the Lua it runs. A
-- stage, a catching loop or a listener that never yields is stopped once a
-- run passes the limit; the pipeline records the stage as failed (not
-- retried), the dispatch removes the listener, and what follows runs.
local vg = require("vg")
local core = require("vg.core")

local function tmp_state()
  local dir = os.tmpname()
  os.remove(dir)
  vg.state.dir(dir)
end

describe("vg.core.set_run_limit", function()
  before_each(function() tmp_state() end)
  after_each(function() core.set_run_limit(0) end)

  it("is off unless set", function()
    assert.equals(0, core.set_run_limit().limit)
    assert.equals(0.25, core.set_run_limit(0.25).limit)
    assert.has_error(function() core.set_run_limit(-1) end)
  end)

  it("stops a stage that never yields, once, without retrying it", function()
    core.set_run_limit(0.3)
    local after = false
    local p = vg.pipeline { name = "held", stages = {
      vg.stage { name = "spin", retries = 3, run = function() while true do end end },
    } }
    local r = p:run(nil, { save_state = false })
    after = true
    assert.equals("failed", r.status)
    assert.equals(1, r.errors[1].attempt)
    assert.equals("held_loop", r.errors[1].code)
    assert.matches("stage 'spin' ran [%d.]+ s without yielding %(.*run_limit_spec.lua:%d+%): stopped", r.errors[1].message)
    assert.is_true(after)
    assert.is_true(core.set_run_limit().overruns >= 1)
  end)

  it("stops a stage that catches every error in its loop", function()
    core.set_run_limit(0.3)
    local p = vg.pipeline { name = "catch", stages = {
      vg.stage { name = "catch", run = function() while true do pcall(function() while true do end end) end end },
      vg.stage { name = "next", run = function(ctx) ctx.next_ran = true end },
    } }
    local r = p:run(nil, { save_state = false })
    assert.equals("failed", r.status)
    assert.matches("stage 'catch' ran", r.errors[1].message)
  end)

  it("removes a listener that never returns; the stage that emitted goes on", function()
    core.set_run_limit(0.3)
    local calls = 0
    vg.on("held.spin", function() calls = calls + 1; while true do end end)
    local p = vg.pipeline { name = "emit", stages = {
      vg.stage { name = "emit", run = function(ctx, task)
        vg.emit { type = "held.spin", task_id = task.id }
        vg.emit { type = "held.spin", task_id = task.id }
        ctx.went_on = true
      end },
    } }
    local r = p:run(nil, { save_state = false })
    assert.equals("completed", r.status)
    assert.equals(1, calls)
  end)

  it("leaves a run under the limit alone", function()
    local before = core.set_run_limit(5).overruns
    local p = vg.pipeline { name = "quick", stages = {
      vg.stage { name = "count", run = function(ctx)
        local x = 0
        for i = 1, 3e6 do x = x + i end
        ctx.x = x
      end },
    } }
    local r = p:run(nil, { save_state = false })
    assert.equals("completed", r.status)
    assert.equals(before, core.set_run_limit().overruns)
    assert.is_true(core.set_run_limit().checks > 0)
  end)
end)
