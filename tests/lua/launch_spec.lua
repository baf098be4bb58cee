-- Launches: what one run of vgrun hands the tasks it starts (invocation, a
-- resume request, its count of failed tasks) is an explicit object, not
-- module state that carries over from one call to the next.
local vg = require("vg")
local pipeline = require("vg.pipeline")

local function tmp_dir()
  local dir = os.tmpname()
  os.remove(dir)
  return dir
end

local function in_launch(launch, fn)
  local prev = pipeline.enter_launch(launch)
  local ok, err = pcall(fn)
  pipeline.enter_launch(prev)
  assert(ok, err)
end

describe("launches", function()
  local dir
  before_each(function() dir = tmp_dir(); vg.state.dir(dir) end)

  local function two(name)
    return vg.pipeline{ name = name, stages = {
      vg.stage{ name = "one", run = function(ctx) ctx.one = (ctx.one or 0) + 1 end },
      vg.stage{ name = "two", run = function(ctx) if ctx.input == "break" then error("broken") end end },
    } }
  end

  it("counts failed tasks per run", function()
    local a, b = pipeline.new_launch(), pipeline.new_launch()
    in_launch(a, function() two("cnt"):run("break", { save_state = false }) end)
    in_launch(b, function() two("cnt"):run("ok", { save_state = false }) end)
    assert.equals(1, a.failed)
    assert.equals(0, b.failed)
  end)

  it("a resume request is taken only by the pipeline it names, once", function()
    local r = two("maker"):run("break", { task_id = "made-1" })
    assert.equals("failed", r.status)
    local launch = pipeline.new_launch{ resume = { task_id = "made-1", pipeline = "maker" } }
    local other, again, third
    in_launch(launch, function()
      other = two("stranger"):run("ok")     -- another pipeline: a task of its own
      again = two("maker"):run("ok")        -- the one named: takes the task over
      third = two("maker"):run("ok")        -- taken once only
    end)
    assert.are_not.equals("made-1", other.task_id)
    assert.equals("made-1", again.task_id)
    assert.equals(1, again.context.one)     -- stage one was not run again
    assert.are_not.equals("made-1", third.task_id)
    assert.is_nil(launch.resume)
    assert.equals("made-1", launch.resumed)
  end)

  it("a request for another id is not taken by a start with an id", function()
    two("maker"):run("break", { task_id = "made-2" })
    local launch = pipeline.new_launch{ resume = { task_id = "made-2", pipeline = "maker" } }
    local r
    in_launch(launch, function() r = two("maker"):run("ok", { task_id = "elsewhere" }) end)
    assert.equals("elsewhere", r.task_id)
    assert.is_table(launch.resume)
  end)

  it("a task records the invocation of its own run", function()
    local a = pipeline.new_launch{ invocation = { argv = { "create", "--from", "a.md" }, cwd = "/" } }
    in_launch(a, function() two("inv"):run("ok", { task_id = "inv-a" }) end)
    in_launch(nil, function() two("inv"):run("ok", { task_id = "inv-none" }) end)  -- no launch
    assert.same({ "create", "--from", "a.md" }, vg.state.load("inv-a").invocation.argv)
    assert.is_nil(vg.state.load("inv-none").invocation)
  end)
end)
