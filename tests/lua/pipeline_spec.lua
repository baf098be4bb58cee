-- The Lua API of pipelines: stages, results, retries, continue, resume,
-- concurrency, cancellation, events and state documents.
local vg = require("vg")

local function tmp_state()
  local dir = os.tmpname()
  os.remove(dir)
  vg.state.dir(dir)
  return dir
end

local function collect(types)
  local got = {}
  local id = vg.on("*", function(ev)
    if not types or types[ev.type] then got[#got + 1] = ev end
  end)
  return got, id
end

describe("vg.pipeline", function()
  before_each(function() tmp_state() end)

  it("runs stages in order with a shared context", function()
    local order = {}
    local p = vg.pipeline{ name = "order", stages = {
      vg.stage{ name = "a", run = function(ctx) order[#order + 1] = "a"; ctx.x = 1 end },
      vg.stage{ name = "b", run = function(ctx) order[#order + 1] = "b"; ctx.y = ctx.x + 1 end },
      function(ctx) order[#order + 1] = "c" end,
    }}
    local r = p:run("input", { task_id = "order-1" })
    assert.is_true(r.success)
    assert.equals("completed", r.status)
    assert.equals("order-1", r.task_id)
    assert.same({ "a", "b", "c" }, order)
    assert.equals(2, r.context.y)
    assert.equals("input", r.context.input)
  end)

  it("refuses bad definitions with clear errors", function()
    assert.has_error(function() vg.pipeline{ stages = { { name = "x" } } } end,
      "vg.stage 'x': run: function expected, got nil")
    assert.has_error(function() vg.stage{ name = "x", run = print, retries = -1 } end)
    assert.has_error(function()
      vg.pipeline{ stages = { { name = "d", run = print }, { name = "d", run = print } } }
    end)
    local ok, err = pcall(vg.native, "no.such.stage")
    assert.is_false(ok)
    assert.truthy(err:find("no native stage 'no.such.stage'", 1, true))
    ok, err = pcall(vg.stage, { name = "x", run = print, on_error = "maybe" })
    assert.is_false(ok)
    assert.truthy(err:find("on_error", 1, true))
  end)

  it("checks a native stage's options where the stage is built, at the script's line", function()
    local here = "pipeline_spec.lua:"
    for _, case in ipairs({
      { "input.load", { splt = "h2" }, "unknown option 'splt' (options: " },
      { "input.load", { split = 3 }, "split must be a string" },
      { "input.load", { split = "h3" }, "unknown split 'h3'" },
      { "input.load", { detail = "brief" }, "detail must be \"summary\" or \"full\"" },
      { "input.load", { duration = -1 }, "duration must be a number of seconds" },
      { "tts.synth", { rate = "fast" }, "option rate must be a number" },
      { "render.frames", { width = "wide" }, "option width must be a number" },
    }) do
      local ok, err = pcall(function() local s = vg.native(case[1], { options = case[2] }); return s end)
      assert.is_false(ok, case[3])
      assert.truthy(tostring(err):find(case[3], 1, true), tostring(err))
      assert.truthy(tostring(err):find(here, 1, true), tostring(err))
    end
    -- the same through vg.stage{native=}, and good options still build
    local ok, err = pcall(function() local s = vg.stage{ name = "l", native = "input.load", options = { strict = 1 } }; return s end)
    assert.is_false(ok)
    assert.truthy(tostring(err):find("strict must be a boolean", 1, true), tostring(err))
    assert.truthy(vg.native("input.load", { options = { split = "h2", allow_paths = "/tmp", limits = { max_depth = 10 } } }))
    assert.truthy(vg.native("render.frames", { options = { width = 320, height = 180 } }))
  end)

  it("refuses task ids outside [A-Za-z0-9._-]{1,128}", function()
    local p = vg.pipeline{ stages = { function() end } }
    for _, bad in ipairs({ "../x", "a/b", "", string.rep("a", 129), "sp ace" }) do
      local ok, err = pcall(p.run, p, nil, { task_id = bad })
      assert.is_false(ok)
      assert.truthy(tostring(err):find("invalid task id", 1, true))
    end
    assert.is_true(p:run(nil, { task_id = string.rep("a", 128) }).success)
  end)

  it("retries with backoff and reports each retry", function()
    local got, id = collect({ ["stage.retrying"] = true })
    local n = 0
    local p = vg.pipeline{ name = "retry", stages = {
      vg.stage{ name = "flaky", retries = 3, backoff = 0.01, run = function() n = n + 1; if n < 3 then error("nope") end end },
    }}
    local r = p:run(nil, { save_state = false })
    vg.off(id)
    assert.is_true(r.success)
    assert.equals(3, n)
    assert.equals(2, #got)
    assert.truthy(got[1].message:find("nope", 1, true))
  end)

  it("gives up after its retries and runs nothing after", function()
    local got, id = collect({ ["stage.retrying"] = true, ["stage.failed"] = true })
    local q = vg.pipeline{ name = "gives-up", stages = {
      vg.stage{ name = "bad", retries = 1, backoff = 0.01, run = function() error("always") end },
      vg.stage{ name = "never", run = function() error("must not run") end },
    }}
    local r = q:run(nil, { save_state = false })
    vg.off(id)
    assert.equals("failed", r.status)
    assert.equals(1, #r.errors)
    assert.equals(2, r.errors[1].attempt)
    assert.same({ "stage.retrying", "stage.failed" }, { got[1].type, got[2].type })
    assert.equals(2, #got)
  end)

  it("continues past a stage whose on_error is continue, and aborts otherwise", function()
    local ran = {}
    local p = vg.pipeline{ name = "policy", stages = {
      vg.stage{ name = "soft", on_error = "continue", run = function() error("soft failure") end },
      vg.stage{ name = "hard", run = function() ran.hard = true; error("hard failure") end },
      vg.stage{ name = "never", run = function() ran.never = true end },
    }}
    local r = p:run(nil, { save_state = false })
    assert.is_false(r.success)
    assert.equals("failed", r.status)
    assert.is_true(ran.hard)
    assert.is_nil(ran.never)
    assert.equals(2, #r.errors)
    assert.equals("soft", r.errors[1].stage)
    assert.equals("hard", r.errors[2].stage)
    assert.truthy(r.errors[2].file:find("pipeline_spec.lua", 1, true))
    assert.is_number(r.errors[2].line)
  end)

  it("resumes after a failure, skipping completed stages", function()
    local runs = { first = 0, second = 0 }
    local broken = true
    local p = vg.pipeline{ name = "resume", stages = {
      vg.stage{ name = "first", run = function(ctx) runs.first = runs.first + 1; ctx.a = "kept" end },
      vg.stage{ name = "second", run = function(ctx) runs.second = runs.second + 1; if broken then error("later") end end },
    }}
    assert.equals("failed", p:run(nil, { task_id = "res" }).status)
    local doc = vg.state.load("res")
    assert.equals("failed", doc.status)
    assert.equals("completed", doc.stages[1].status)
    assert.equals("failed", doc.stages[2].status)
    broken = false
    local got, id = collect({ ["stage.skipped"] = true, ["state.restored"] = true })
    local r = p:run(nil, { task_id = "res", resume = true })
    vg.off(id)
    assert.is_true(r.success)
    assert.same({ first = 1, second = 2 }, runs)
    assert.equals("kept", r.context.a)
    assert.equals(2, #got)
    local doc2 = vg.state.load("res")
    assert.equals("completed", doc2.status)
    assert.is_true(doc2.version > doc.version)
  end)

  it("skips a completed native stage on resume and restores what it wrote", function()
    local doc = os.tmpname()
    local f = assert(io.open(doc, "w"))
    f:write("video:\n  id: v\n  title: T\nscenes:\n  - type: title\n    title: Hello\n")
    f:close()
    local broken = true
    local p = vg.pipeline{ name = "resume-native", stages = {
      vg.stage{ name = "load", native = "input.load", options = { format = "yaml" } },
      vg.stage{ name = "after", run = function(ctx) if broken then error("broken") end; ctx.ok = true end },
    }}
    local r = p:run(doc, { task_id = "resume-native" })
    assert.equals("failed", r.status)
    assert.equals("after", r.errors[1].stage)
    broken = false
    local got, id = collect({ ["stage.skipped"] = true, ["state.restored"] = true, ["stage.started"] = true })
    r = p:run(doc, { task_id = "resume-native", resume = true })
    vg.off(id)
    os.remove(doc)
    assert.equals("completed", r.status)
    assert.equals("Hello", r.context.videos[1].scenes[1].visual_content.title)
    local seen = {}
    for _, ev in ipairs(got) do seen[#seen + 1] = ev.type .. (ev.stage and (" " .. ev.stage) or "") end
    assert.same({ "state.restored", "stage.skipped load", "stage.started after" }, seen)
  end)

  it("runs two tasks at once on one loop", function()
    -- Both sleeps must be under way before either ends: an order, not a clock.
    local log = {}
    local p = vg.pipeline{ name = "sleepy", stages = { function(ctx, task)
      log[#log + 1] = "start " .. task.id
      vg.sleep(0.3)
      log[#log + 1] = "end " .. task.id
    end } }
    local t0 = vg.core.hrtime()
    local a = p:start(nil, { task_id = "sa", save_state = false })
    local b = p:start(nil, { task_id = "sb", save_state = false })
    local ra, rb = vg.wait(a, b)
    assert.is_true(ra.success and rb.success)
    assert.same({ "start sa", "start sb" }, { log[1], log[2] })
    -- a sleep never ends early, even when the loop's clock was stale
    assert.is_true(vg.core.hrtime() - t0 >= 0.29)
  end)

  it("lets a task cancel while a stage waits", function()
    -- the canceller waits for the stage to be under way: a handshake, not a sleep
    local saw, started, waiter
    local p = vg.pipeline{ name = "cancel", stages = {
      vg.stage{ name = "wait", run = function()
        started = true
        if waiter then vg.core.wake(waiter) end   -- runs once this stage waits
        local ok, err = pcall(vg.sleep, 30); saw = err; error(err, 0)
      end },
    }}
    local t = p:start(nil, { task_id = "cx" })
    vg.go(function()
      if not started then waiter = vg.core.running_fiber(); vg.core.suspend() end
      t:cancel()
    end)
    local r = vg.wait(t)
    assert.equals("cancelled", r.status)
    assert.equals("cancelled", saw)
    assert.equals("cancelled", vg.state.load("cx").status)
  end)

  it("waits for child processes without blocking other tasks", function()
    -- The child goes on only once the other task has run while it was alive:
    -- if spawn blocked the loop, the child gives up (exit 9) instead.
    local dir = os.tmpname()
    os.remove(dir)
    assert(vg.core.mkdirs(dir))
    local script = [[
      : >"$0/started"
      i=0; while [ ! -e "$0/go" ]; do i=$((i+1)); [ $i -gt 3000 ] && exit 9; sleep 0.01; done
      echo out; echo err >&2; exit 3]]
    local p = vg.pipeline{ name = "spawn", stages = {
      function(ctx) ctx.r = vg.spawn("/bin/sh", { "-c", script, dir }) end,
    }}
    local q = vg.pipeline{ name = "other", stages = { function(ctx)
      while not vg.core.stat(dir .. "/started") do vg.sleep(0.01) end   -- waits on a file
      io.open(dir .. "/go", "w"):close()
      ctx.ran = true
    end } }
    local ra, rb = vg.wait(p:start(nil, { save_state = false }), q:start(nil, { save_state = false }))
    assert.is_true(rb.context.ran)
    assert.equals(3, ra.context.r.code, "the other task did not run while the child was alive")
    assert.equals("out\n", ra.context.r.stdout)
    assert.equals("err\n", ra.context.r.stderr)
    os.remove(dir .. "/started"); os.remove(dir .. "/go"); os.remove(dir)
    local r, err = vg.spawn("/no/such/program", {})
    assert.is_nil(r)
    assert.truthy(err:find("no such file", 1, true))
  end)

  it("emits the event types with their fields, in order", function()
    local got, id = collect()
    local p = vg.pipeline{ name = "ev", stages = {
      vg.stage{ name = "one", run = function(ctx, task) task:progress(0.5, "half"); task:warn("careful") end },
    }}
    p:run(nil, { task_id = "ev-1" })
    vg.off(id)
    local types = {}
    for _, ev in ipairs(got) do
      if ev.type ~= "state.saved" then types[#types + 1] = ev.type end
      assert.equals("ev-1", ev.task_id)
      assert.is_number(ev.time)
    end
    assert.same({ "pipeline.started", "stage.started", "stage.progress", "validation.warning",
      "stage.completed", "pipeline.completed" }, types)
    for _, ev in ipairs(got) do
      if ev.type == "stage.progress" then
        assert.equals(0.5, ev.progress); assert.equals("one", ev.stage); assert.equals("half", ev.message)
      end
    end
  end)

  it("keeps dispatching when a listener raises", function()
    local n = 0
    local bad = vg.on("*", function() error("listener bug") end)
    local good = vg.on("*", function() n = n + 1 end)
    local r = vg.pipeline{ stages = { function() end } }:run(nil, { save_state = false })
    vg.off(bad); vg.off(good)
    assert.is_true(r.success)
    assert.is_true(n >= 4)
  end)

  it("leaves no refs, handles or fibers behind", function()
    local p = vg.pipeline{ stages = { function() vg.sleep(0.01) end, function() vg.spawn("/bin/true", {}) end } }
    vg.wait(p:start(nil, { save_state = false }), p:start(nil, { save_state = false }))
    collectgarbage()
    local c = vg.core.counts()
    assert.same({ refs = 0, handles = 0, fibers = 0, awaits = 0 }, c)
  end)
end)

describe("vg.json", function()
  it("round-trips null, empty arrays and objects", function()
    local s = '{"a":null,"b":[],"c":{},"d":[1,2.5,"x"],"e":true}'
    local v = vg.json.decode(s)
    assert.equals(vg.null, v.a)
    assert.equals('[]', vg.json.encode(v.b))
    assert.equals('{}', vg.json.encode(v.c))
    assert.same({ 1, 2.5, "x" }, { v.d[1], v.d[2], v.d[3] })
    assert.same(v, vg.json.decode(vg.json.encode(v)))
  end)

  it("reports bad JSON and values it cannot encode", function()
    local v, err = vg.json.decode('{"a": 1} trailing')
    assert.is_nil(v)
    assert.truthy(err:find("invalid JSON", 1, true))
    assert.has_error(function() vg.json.encode({ f = print }) end)
    local t = {}; t.self = t
    assert.has_error(function() vg.json.encode(t) end)
  end)
end)
