-- Waiting primitives and the engine's hold on the loop, inside one vgrun
-- process: a stage that yields, fibers that wake each other, counts that go
-- back to zero; coroutine.resume/wrap (which the vgrun program wraps to know
-- which coroutine runs, for Ctrl-C) behave exactly like Lua's; and
-- vg.core.open_regular opens regular files only.
local vg = require("vg")
local core = vg.core

local function tmp_dir()
  local dir = os.tmpname()
  os.remove(dir)
  assert(core.mkdirs(dir))
  return dir
end

describe("waiting", function()
  it("a stage may yield with coroutine.yield() and goes on", function()
    local order = {}
    local p = vg.pipeline{ stages = { function(ctx)
      order[#order + 1] = "before"; coroutine.yield(); order[#order + 1] = "after"; ctx.ok = true
    end } }
    local r = p:run(nil, { save_state = false })
    assert.is_true(r.success)
    assert.same({ "before", "after" }, order)
  end)

  it("two tasks that only yield take turns", function()
    local trace = {}
    local function stage(name)
      return function() for i = 1, 3 do trace[#trace + 1] = name .. i; coroutine.yield() end end
    end
    local a = vg.pipeline{ stages = { stage("a") } }:start(nil, { save_state = false })
    local b = vg.pipeline{ stages = { stage("b") } }:start(nil, { save_state = false })
    local ra, rb = vg.wait(a, b)
    assert.is_true(ra.success and rb.success)
    assert.same({ "a1", "b1", "a2", "b2", "a3", "b3" }, trace)
  end)

  it("a fiber that only yields lets the loop run timers (and I/O) between its turns", function()
    -- before, the loop ran every queued resume until none was left: a stage
    -- that yields scene after scene held it, and `vgrun serve` answered no
    -- request until the stage ended
    local fired, turns = false, 0
    local t = vg.pipeline{ stages = { function()
      coroutine.yield()   -- from the loop's queue from here on
      vg.go(function() vg.sleep(0); fired = true end)
      while not fired and turns < 1000000 do turns = turns + 1; coroutine.yield() end
    end } }:start(nil, { save_state = false })
    assert.is_true(vg.wait(t).success)
    assert.is_true(fired, "the timer fired only after the fiber's last turn")
    assert.is_true(turns < 1000000)
  end)

  it("vg.sleep(0) returns, and a done wait leaves nothing behind", function()
    vg.sleep(0)
    for i = 1, 1000 do vg.emit{ type = "my.event" } end
    vg.sleep(0.001)
    local c = core.counts()
    assert.equal(0, c.awaits)
    assert.equal(0, c.fibers)
    assert.equal(0, c.handles)
  end)

  it("a fiber suspended on a task is woken when it ends", function()
    local t = vg.pipeline{ stages = { function() coroutine.yield() end } }:start(nil, { save_state = false })
    local seen
    vg.go(function() seen = vg.wait(t).status end)
    while not seen do vg.sleep(0) end
    assert.equal("completed", seen)
  end)

  it("a sleep lasts its time even when the loop's clock is old", function()
    local t = os.clock()
    while os.clock() - t < 0.05 do end
    local t0 = core.hrtime()
    vg.sleep(0.02)
    assert.is_true(core.hrtime() - t0 >= 0.019)
  end)
end)

describe("coroutines keep Lua's behaviour", function()
  it("resume passes values both ways and reports errors", function()
    local co = coroutine.create(function(a, b)
      local c = coroutine.yield(a + b)
      return c * 2, "done"
    end)
    assert.same({ true, 3 }, { coroutine.resume(co, 1, 2) })
    assert.same({ true, 10, "done" }, { coroutine.resume(co, 5) })
    assert.equal("dead", coroutine.status(co))
    local ok, err = coroutine.resume(co)
    assert.is_false(ok)
    assert.matches("dead coroutine", err)
    local bad = coroutine.create(function() error({ code = 7 }) end)
    local ok2, obj = coroutine.resume(bad)
    assert.is_false(ok2)
    assert.same({ code = 7 }, obj)
    assert.has_error(function() coroutine.resume(42) end)
  end)

  it("wrap passes values, raises errors, and nests", function()
    local gen = coroutine.wrap(function(n)
      for i = 1, n do coroutine.yield(i) end
      return "end"
    end)
    assert.same({ 1, 2, 3, "end" }, { gen(3), gen(), gen(), gen() })
    local boom = coroutine.wrap(function() error("boom") end)
    local ok, err = pcall(boom)
    assert.is_false(ok)
    assert.matches("boom", err)
    local tbl = coroutine.wrap(function() error({ why = "t" }) end)
    local ok2, obj = pcall(tbl)
    assert.is_false(ok2)
    assert.same({ why = "t" }, obj)
    local outer = coroutine.wrap(function()
      local inner = coroutine.wrap(function() coroutine.yield("in") end)
      coroutine.yield(inner())
    end)
    assert.equal("in", outer())
    assert.has_error(function() coroutine.wrap(42) end)
  end)

  it("a wrapped generator inside a stage can wait in the stage", function()
    local r = vg.pipeline{ stages = { function(ctx)
      local sum = 0
      for v in coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end) do
        sum = sum + v
        vg.sleep(0)
      end
      ctx.sum = sum
    end } }:run(nil, { save_state = false })
    assert.is_true(r.success)
    assert.equal(6, r.context.sum)
  end)
end)

describe("vg.core.open_regular", function()
  it("opens a regular file as an io file", function()
    local dir = tmp_dir()
    assert(core.write_atomic(dir .. "/f.txt", "one\ntwo\n"))
    local f = assert(core.open_regular(dir .. "/f.txt"))
    assert.equal("one", f:read("l"))
    assert.equal("two\n", f:read("a"))
    assert.is_true(f:close())
    assert.has_error(function() f:read("a") end)
    os.remove(dir .. "/f.txt")
    os.remove(dir)
  end)

  it("refuses what is not a regular file, with the path and a kind", function()
    local dir = tmp_dir()
    local f, err, kind = core.open_regular(dir .. "/missing")
    assert.is_nil(f)
    assert.equal("missing", kind)
    assert.matches("missing", err)
    f, err, kind = core.open_regular(dir)
    assert.is_nil(f)
    assert.equal("directory", kind)
    f, err, kind = core.open_regular("/dev/null")
    assert.is_nil(f)
    assert.equal("special", kind)
    assert.equal("/dev/null: is a character device, not a regular file", err)
    if vg.spawn("mkfifo", { dir .. "/fifo" }).code == 0 then
      f, err, kind = core.open_regular(dir .. "/fifo")
      assert.is_nil(f)
      assert.equal("special", kind)
      assert.matches("fifo: is a named pipe %(FIFO%), not a regular file", err)
      os.remove(dir .. "/fifo")
    end
    os.remove(dir)
  end)

  it("is_interrupt knows the error Ctrl-C raises", function()
    assert.is_true(core.is_interrupt("x.lua:3: interrupted!"))
    assert.is_false(core.is_interrupt("cancelled"))
    assert.is_false(core.is_interrupt({}))
  end)
end)
