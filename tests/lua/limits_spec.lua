-- Limits per engine, overridable per task: a task started with
-- limits={max_scenes=3} refuses a 5-scene document while another task on
-- the same engine accepts it; the engine's limits (vg.core.limits) apply
-- to tasks without their own; a bad limit is refused and named. And output
-- claims kept by the create pipeline in the task's own state folder.
local vg = require("vg")
local core = require("vg.core")
local files = require("files")

local function scenes_doc(n)
  local t = { "video:\n  id: five\n  title: Five\nscenes:\n" }
  for i = 1, n do
    t[#t + 1] = string.format("  - scene_type: title\n    visual_content: { title: \"Scene %d\" }\n"
      .. "    narration: \"Scene number %d.\"\n", i, i)
  end
  return table.concat(t)
end

local function load_pipeline(name, options)
  return vg.pipeline{ name = name, stages = {
    vg.stage{ name = "load", native = "input.load", options = options },
  } }
end

local function message_of(r)
  local m = {}
  for _, e in ipairs(r.errors or {}) do m[#m + 1] = tostring(e.message) end
  return table.concat(m, "\n")
end

describe("limits", function()
  local T = files.tmp_dir()
  assert(core.mkdirs(T))
  files.write(T .. "/five.yaml", scenes_doc(5))
  teardown(function() vg.spawn("rm", { "-rf", T }) end)

  it("has the built-in values as the engine's defaults", function()
    local l = core.limits()
    assert.equals(100, l.max_scenes)
    assert.equals(50000, l.max_narration)
    assert.equals(32 * 1024 * 1024, l.max_file_bytes)
    assert.equals(1024, l.max_keys)
  end)

  it("holds one task to its own limits while another task on the engine runs with the engine's", function()
    local p = load_pipeline("limits-two")
    local strict = p:start(T .. "/five.yaml", { task_id = "lim-strict", save_state = false,
      limits = { max_scenes = 3 } })
    local plain = p:start(T .. "/five.yaml", { task_id = "lim-plain", save_state = false })
    local rs, rp = vg.wait(strict, plain)
    assert.is_false(rs.success)
    assert.truthy(message_of(rs):find("5 scenes: a video may have at most 3 (limits.max_scenes)", 1, true),
      message_of(rs))
    assert.is_true(rp.success, message_of(rp))
    assert.equals(5, #rp.context.videos[1].scenes)
    -- the task's override left the engine's limits as they were
    assert.equals(100, core.limits().max_scenes)
  end)

  it("applies the engine's limits (vg.core.limits{}) to tasks without their own", function()
    local was = core.limits()
    assert.equals(4, core.limits{ max_scenes = 4 }.max_scenes)
    local ok, r = pcall(function() return load_pipeline("limits-engine"):run(T .. "/five.yaml",
      { task_id = "lim-engine", save_state = false }) end)
    local r2 = load_pipeline("limits-engine"):run(T .. "/five.yaml",
      { task_id = "lim-engine-over", save_state = false, limits = { max_scenes = 10 } })
    core.limits(was)
    assert.is_true(ok, tostring(r))
    assert.is_false(r.success)
    assert.truthy(message_of(r):find("at most 4 (limits.max_scenes)", 1, true), message_of(r))
    -- a task may loosen them too: its owner sets them
    assert.is_true(r2.success, message_of(r2))
    assert.equals(100, core.limits().max_scenes)
  end)

  it("takes a limits option of input.load over the task's", function()
    local r = load_pipeline("limits-option", { limits = { max_scenes = 3 } }):run(T .. "/five.yaml",
      { task_id = "lim-option", save_state = false })
    assert.is_false(r.success)
    assert.truthy(message_of(r):find("at most 3", 1, true), message_of(r))
    -- a bad one is refused where the stage is built, at the script's line
    local ok, err = pcall(load_pipeline, "limits-option-bad", { limits = { max_scenes = 0 } })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("limits.max_scenes must be a whole number", 1, true), tostring(err))
  end)

  it("refuses a bad limit and names it", function()
    local p = load_pipeline("limits-bad")
    for _, case in ipairs({
      { { max_scenes = 2 }, "limits.max_scenes must be a whole number from 3" },
      { { max_scenes = 3.5 }, "limits.max_scenes must be a whole number" },
      { { max_keys = "many" }, "limits.max_keys must be a whole number" },
      { { max_sceens = 3 }, "limits.max_sceens: no such limit" },
    }) do
      local ok, err = pcall(p.start, p, T .. "/five.yaml", { task_id = "lim-bad", save_state = false,
        limits = case[1] })
      assert.is_false(ok)
      assert.truthy(tostring(err):find(case[2], 1, true), tostring(err))
    end
    local l, err = core.limits{ max_narration = -1 }
    assert.is_nil(l)
    assert.truthy(err:find("limits.max_narration", 1, true), err)
    assert.equals(50000, core.limits().max_narration)
  end)

  it("holds a task's pictures to its limits", function()
    -- a PNG header of 40x30 pixels: all the input stage reads of a picture
    local function be32(n) return string.char(n >> 24 & 255, n >> 16 & 255, n >> 8 & 255, n & 255) end
    files.write(T .. "/pic.png", "\137PNG\r\n\26\n" .. be32(13) .. "IHDR" .. be32(40) .. be32(30)
      .. string.rep("\0", 40))
    files.write(T .. "/pic.yaml", "video: {id: p, title: P}\nscenes:\n"
      .. "  - scene_type: title\n    visual_content: {title: A, image: pic.png}\n    narration: \"A.\"\n")
    local p = load_pipeline("limits-picture")
    local small = p:start(T .. "/pic.yaml", { task_id = "lim-pic-small", save_state = false,
      limits = { max_picture_side = 32 } })
    local few = p:start(T .. "/pic.yaml", { task_id = "lim-pic-bytes", save_state = false,
      limits = { max_picture_bytes = 16 } })
    local plain = p:start(T .. "/pic.yaml", { task_id = "lim-pic-plain", save_state = false })
    local rs, rb, rp = vg.wait(small, few, plain)
    assert.is_false(rs.success)
    assert.truthy(message_of(rs):find("40x30 pixels: too large to draw (at most 32 a side", 1, true), message_of(rs))
    assert.is_false(rb.success)
    assert.truthy(message_of(rb):find("larger than limits.max_picture_bytes (16)", 1, true), message_of(rb))
    assert.is_true(rp.success, message_of(rp))
    -- the renderer draws nothing larger than the defaults: a task cannot ask for more
    local ok, err = pcall(p.start, p, T .. "/pic.yaml", { task_id = "lim-pic-big", save_state = false,
      limits = { max_picture_side = 20000 } })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("limits.max_picture_side must be a whole number from 1 to 16384", 1, true),
      tostring(err))
  end)

  it("holds a task's pictures together to its max_total_picture_pixels", function()
    local function be32(n) return string.char(n >> 24 & 255, n >> 16 & 255, n >> 8 & 255, n & 255) end
    files.write(T .. "/budget.png", "\137PNG\r\n\26\n" .. be32(13) .. "IHDR" .. be32(40) .. be32(30)
      .. string.rep("\0", 40))
    files.write(T .. "/budget.yaml", "video: {id: p, title: P}\nscenes:\n"
      .. "  - scene_type: title\n    visual_content: {title: A, image: budget.png}\n    narration: \"A.\"\n")
    local p = load_pipeline("limits-budget")
    local few = p:start(T .. "/budget.yaml", { task_id = "lim-budget", save_state = false,
      limits = { max_total_picture_pixels = 1000 } })
    local plain = p:start(T .. "/budget.yaml", { task_id = "lim-budget-plain", save_state = false })
    local rf, rp = vg.wait(few, plain)
    assert.is_true(rf.success, message_of(rf))
    assert.is_true(rp.success, message_of(rp))
    -- 40x30 is 1200 pixels: past the budget, the picture is skipped, the scene stays
    assert.is_nil(rf.context.videos[1].scenes[1].visual_content.image)
    assert.is_string(rp.context.videos[1].scenes[1].visual_content.image)
  end)

  it("splits a Markdown video into parts of the task's max_scenes", function()
    local t = { "# A guide\n\nAn introduction to the guide, in a sentence or two.\n\n" }
    for i = 1, 8 do
      -- (two points each: sections of one point would share a slide)
      t[#t + 1] = string.format("## Part %d\n\nSection %d says one thing, plainly, in a sentence.\n\nIt says a second one too.\n\n", i, i)
    end
    files.write(T .. "/guide.md", table.concat(t))
    local p = load_pipeline("limits-parts")
    local few = p:start(T .. "/guide.md", { task_id = "lim-parts", save_state = false, limits = { max_scenes = 5 } })
    local plain = p:start(T .. "/guide.md", { task_id = "lim-parts-plain", save_state = false })
    local rf, rp = vg.wait(few, plain)
    assert.is_true(rf.success, message_of(rf))
    assert.is_true(rp.success, message_of(rp))
    assert.equals(1, #rp.context.videos)
    assert.is_true(#rf.context.videos > 1)
    for _, v in ipairs(rf.context.videos) do assert.is_true(#v.scenes <= 5, v.id .. ": " .. #v.scenes) end
  end)

  it("holds the Lua loader (vg.input.load) to the engine's limits", function()
    local was = core.limits()
    core.limits{ max_scenes = 4 }
    local _, diags = require("vg.input").load(T .. "/five.yaml")
    core.limits(was)
    local text = {}
    for _, d in ipairs(diags or {}) do text[#text + 1] = d.text or d.message end
    assert.truthy(table.concat(text, "\n"):find("at most 4", 1, true), table.concat(text, "\n"))
  end)
end)

describe("output claims of the create pipeline", function()
  local create = require("vg.create")
  local T = files.tmp_dir()
  assert(core.mkdirs(T .. "/out"))
  files.write(T .. "/doc.yaml", scenes_doc(1))
  teardown(function() vg.spawn("rm", { "-rf", T }) end)
  local function opts(extra)
    local o = { width = 320, height = 180, output = T .. "/out/doc.mp4" }
    for k, v in pairs(extra or {}) do o[k] = v end
    return o
  end
  local function claims(dir)
    local n = 0
    for _, e in ipairs(core.scandir(dir .. "/outputs") or {}) do
      if e.name:match("%.json$") then n = n + 1 end
    end
    return n
  end

  it("records what it makes in the task's state folder and makes it again", function()
    local before = claims(core.state_dir())
    local r = create.pipeline(opts()):run(T .. "/doc.yaml", { task_id = "claim-a", state_dir = T .. "/state" })
    assert.is_true(r.success, message_of(r))
    assert.truthy(core.stat(T .. "/out/doc.mp4"))
    assert.is_true(claims(T .. "/state") >= 1)
    assert.equals(before, claims(core.state_dir()))
    -- its own file: a second run replaces it
    local again = create.pipeline(opts()):run(T .. "/doc.yaml", { task_id = "claim-a", state_dir = T .. "/state" })
    assert.is_true(again.success, message_of(again))
  end)

  it("refuses to replace a file it has no record of, and says how to", function()
    files.write(T .. "/out/mine.mp4", "the user's own file")
    local r = create.pipeline(opts{ output = T .. "/out/mine.mp4" }):run(T .. "/doc.yaml",
      { task_id = "claim-b", state_dir = T .. "/state" })
    assert.is_false(r.success)
    assert.truthy(message_of(r):find("the output " .. T .. "/out/mine.mp4 exists and vgrun has no record of making it",
      1, true), message_of(r))
    assert.equals("the user's own file", files.read(T .. "/out/mine.mp4"))
    -- a record in another state folder is not this task's
    local other = create.pipeline(opts()):run(T .. "/doc.yaml", { task_id = "claim-c", state_dir = T .. "/state-2" })
    assert.is_false(other.success)
    assert.truthy(message_of(other):find("no record of making it", 1, true), message_of(other))
    -- overwrite: the owner says it may go
    local ok = create.pipeline(opts{ output = T .. "/out/mine.mp4", overwrite = true }):run(T .. "/doc.yaml",
      { task_id = "claim-d", state_dir = T .. "/state" })
    assert.is_true(ok.success, message_of(ok))
    assert.is_true(claims(T .. "/state") >= 2)
  end)
end)
