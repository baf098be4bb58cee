-- Resume never lies: a completed stage's recorded files are checked again,
-- the fingerprint (what a task is made from) is compared, and the stages
-- that depend on what changed run again; state files are checked against
-- the schema; stage errors keep a readable reason.
local vg = require("vg")

local files = require("files")
local tmp_dir, write, read = files.tmp_dir, files.write, files.read

local function quiet_stderr(fn)
  -- notices go to stderr; the spec looks at the events instead
  local got = {}
  local id = vg.on("validation.warning", function(ev) got[#got + 1] = ev.message end)
  local ok, err = pcall(fn)
  vg.off(id)
  assert(ok, err)
  return got
end

describe("resume", function()
  local dir
  before_each(function()
    dir = tmp_dir()
    vg.state.dir(dir .. "/state")
    assert(vg.core.write_atomic(dir .. "/in.txt", "one"))
  end)

  -- make (reads in.txt, writes out.txt) -> copy (writes copy.txt) -> last
  local runs
  local function pipeline()
    return vg.pipeline{ name = "files", stages = {
      vg.stage{ name = "make", depends = { "color" }, run = function(ctx, task)
        runs[#runs + 1] = "make"
        task:used(dir .. "/in.txt")
        assert(vg.core.write_atomic(dir .. "/out.txt", read(dir .. "/in.txt") .. "!"))
        task:produced(dir .. "/out.txt")
      end },
      vg.stage{ name = "copy", depends = { "size" }, run = function(ctx, task)
        runs[#runs + 1] = "copy"
        assert(vg.core.write_atomic(dir .. "/copy.txt", read(dir .. "/out.txt")))
        task:produced(dir .. "/copy.txt")
      end },
      vg.stage{ name = "last", run = function() runs[#runs + 1] = "last" end },
    }}
  end

  it("records what each stage made and read, with size and hash", function()
    runs = {}
    assert.is_true(pipeline():run(nil, { task_id = "rec" }).success)
    local doc = assert(vg.state.load("rec"))
    local f = doc.stages[1].files
    assert.equals(2, #f)
    local roles = {}
    for _, x in ipairs(f) do roles[x.role] = x end
    assert.equals(3, roles["in"].size)
    assert.equals(64, #roles.out.sha256)
  end)

  it("runs a stage again, and every later one, when what it made is gone", function()
    runs = {}
    assert.is_true(pipeline():run(nil, { task_id = "gone" }).success)
    os.remove(dir .. "/copy.txt")
    runs = {}
    local said = quiet_stderr(function()
      assert.is_true(pipeline():run(nil, { task_id = "gone", resume = true }).success)
    end)
    assert.same({ "copy", "last" }, runs)
    assert.equals("one!", read(dir .. "/copy.txt"))
    assert.truthy(said[1]:find("copy.txt is missing; running again from stage 'copy'", 1, true))
    -- nothing changed now: nothing runs, nothing is said
    runs = {}
    said = quiet_stderr(function()
      assert.is_true(pipeline():run(nil, { task_id = "gone", resume = true }).success)
    end)
    assert.same({}, runs)
    assert.same({}, said)
  end)

  it("runs a stage again when a file it read changed", function()
    runs = {}
    assert.is_true(pipeline():run(nil, { task_id = "edit" }).success)
    assert(vg.core.write_atomic(dir .. "/in.txt", "two"))
    runs = {}
    local said = quiet_stderr(function()
      assert.is_true(pipeline():run(nil, { task_id = "edit", resume = true }).success)
    end)
    assert.same({ "make", "copy", "last" }, runs)
    assert.equals("two!", read(dir .. "/copy.txt"))
    assert.truthy(said[1]:find("in.txt changed", 1, true))
  end)

  it("runs the stages that depend on a changed fingerprint entry, and says what changed", function()
    runs = {}
    local fp = { color = "red", size = "10" }
    assert.is_true(pipeline():run(nil, { task_id = "fp", fingerprint = fp }).success)
    runs = {}
    local said = quiet_stderr(function()
      assert.is_true(pipeline():run(nil, { task_id = "fp", resume = true,
        fingerprint = { color = "red", size = "12" } }).success)
    end)
    assert.same({ "copy", "last" }, runs)
    assert.truthy(said[1]:find("size changed (was '10', now '12'); running again from stage 'copy'", 1, true))
    runs = {}
    said = quiet_stderr(function()
      assert.is_true(pipeline():run(nil, { task_id = "fp", resume = true,
        fingerprint = { color = "blue", size = "12" } }).success)
    end)
    assert.same({ "make", "copy", "last" }, runs)
    -- an entry no stage names: from the first stage
    runs = {}
    quiet_stderr(function()
      assert.is_true(pipeline():run(nil, { task_id = "fp", resume = true,
        fingerprint = { color = "blue", size = "12", other = "x" } }).success)
    end)
    assert.same({ "make", "copy", "last" }, runs)
  end)

  it("fails a stage that says it made a file that is not there", function()
    local r = vg.pipeline{ name = "liar", stages = {
      function(ctx, task) task:produced(dir .. "/never.txt") end } }:run(nil, { task_id = "liar" })
    assert.is_false(r.success)
    assert.truthy(r.errors[1].message:find("never.txt", 1, true))
    assert.equals("failed", vg.state.load("liar").status)
  end)
end)

describe("state files", function()
  before_each(function() vg.state.dir(tmp_dir()) end)

  it("are checked against the schema when read", function()
    local p = vg.pipeline{ name = "s", stages = { function() end } }
    assert.is_true(p:run(nil, { task_id = "good" }).success)
    local path = vg.state.path("good")
    local text = read(path)
    for _, case in ipairs({
      { '"version":%s*%d+', '"version": "one"', "version" },
      { '"stages":%s*%b[]', '"stages": {"a": 1}', "stages" },
      { '"status":%s*"completed"', '"status": "weird"', "stages[1].status" },
      { '"task_id":%s*"good"', '"task_id": "bad"', "task_id" },
      { '"created":%s*[%d.e+]+', '"created": "yesterday"', "created" },
    }) do
      local changed, n = text:gsub(case[1], case[2], 1)
      assert.equals(1, n, case[1])
      write(path, changed)
      local doc, err = vg.state.load("good")
      assert.is_nil(doc)
      assert.truthy(err:find(path .. ": not a valid task state: " .. case[3], 1, true), err)
    end
    write(path, (text:gsub('"created":%s*[%d.e+]+', '"created": null', 1)))
    local doc = assert(vg.state.load("good"))
    assert.is_nil(doc.created)
  end)

  it("of another pipeline are not resumed", function()
    local seen
    assert.is_true(vg.pipeline{ name = "first", stages = { function(ctx) ctx.secret = 1 end } }
      :run(nil, { task_id = "shared" }).success)
    local said = quiet_stderr(function()
      assert.is_true(vg.pipeline{ name = "second", stages = { function(ctx) seen = ctx.secret end } }
        :run(nil, { task_id = "shared", resume = true }).success)
    end)
    assert.is_nil(seen)
    assert.truthy(said[1]:find("was made by pipeline 'first', not 'second'; starting task 'shared' over", 1, true))
  end)

  it("are written under the task's own id only", function()
    local doc = { task_id = "someone-else", pipeline = "x", status = "completed", version = 1 }
    assert(vg.state.save("mine", doc))
    assert.equals("mine", assert(vg.state.load("mine")).task_id)
    assert.is_nil(vg.state.load("someone-else"))
  end)
end)

describe("stage errors", function()
  before_each(function() vg.state.dir(tmp_dir()) end)

  -- a value that is not text has no place of Lua's own: the stage's file
  -- and line where it was raised are added, as Lua adds them to text
  it("keep a readable reason for any value raised, with the place it was raised", function()
    for _, case in ipairs({
      { { code = 42 }, 'error {"code":42}' },
      { { message = "said so", code = "E1" }, "said so" },
      { setmetatable({}, { __tostring = function() return "custom" end }), "custom" },
      { true, "error (true)" },
      { nil, "error (no reason given)" },
    }) do
      local r = vg.pipeline{ name = "e", stages = { function() error(case[1]) end } }
        :run(nil, { save_state = false })
      local e = r.errors[1]
      assert.truthy(e.file and e.file:find("resume_spec.lua", 1, true), tostring(e.file))
      assert.equals(e.file .. ":" .. e.line .. ": " .. case[2], e.message)
    end
    -- text keeps the place Lua gave it (none with level 0)
    local r = vg.pipeline{ name = "e", stages = { function() error("bare", 0) end } }:run(nil, { save_state = false })
    assert.equals("bare", r.errors[1].message)
    r = vg.pipeline{ name = "e", stages = { function() error({ code = 42 }) end } }:run(nil, { task_id = "e42" })
    assert.equals(42, r.errors[1].code)
    assert.truthy(vg.state.load("e42").stages[1].error.message:find('resume_spec.lua:%d+: error {"code":42}$'))
  end)
end)
