-- Two `vg.create` pipelines at the same time on ONE engine (as a server
-- runs them), each with its own state and cache folder: each folder holds
-- only its own task's files, both videos are right, and every event of a
-- task (render warnings included) carries that task's id.
local vg = require("vg")
local core = require("vg.core")
local create = require("vg.create")

local write = require("files").write

-- the entries of a cache folder: { ["<key><suffix>"] = true }
local function entries(dir)
  local found = {}
  local tops = core.scandir(dir .. "/v2") or {}
  for _, k2 in ipairs(tops) do
    for _, e in ipairs(core.scandir(dir .. "/v2/" .. k2.name) or {}) do found[e.name] = true end
  end
  return found
end

local function files(dir)
  local list = {}
  for _, e in ipairs(core.scandir(dir) or {}) do list[#list + 1] = e.name end
  table.sort(list)
  return list
end

local function probe(path)
  local r = assert(vg.spawn("ffprobe", { "-v", "error", "-show_entries",
    "stream=codec_type,width,height:format=duration", "-show_chapters", "-of", "json", path }))
  assert.equals(0, r.code, r.stderr)
  return vg.json.decode(r.stdout)
end

-- the cache entry a WAV path names: <cache>/v2/xx/<key>.wav/data.wav
local function entry_of(path, cache)
  return path:match("^" .. cache:gsub("%p", "%%%0") .. "/v2/%x%x/([^/]+)/data%.wav$")
end

describe("two create tasks on one engine", function()
  local T = require("files").tmp_dir()
  assert(core.mkdirs(T))
  -- the same first scene in both (so both caches must hold it, each its
  -- own), with a title long enough to be shrunk (a render warning each)
  local shared = [[
  - scene_type: title
    visual_content: { title: "A title that is far too long to fit on one line of a small picture, so it shrinks and shrinks" }
    narration: "Both documents start with this scene."
]]
  write(T .. "/a.yaml", "video:\n  id: alpha\n  title: Alpha\nscenes:\n" .. shared .. [[
  - scene_type: list
    visual_content: { header: "Alpha", items: ["One", "Two"] }
    narration: "This scene is only in the first document."
]])
  write(T .. "/b.yaml", "video:\n  id: beta\n  title: Beta\nscenes:\n" .. shared .. [[
  - scene_type: outro
    visual_content: { main_text: "Beta", sub_text: "the end" }
    narration: "And this one only in the second, which is longer than the other one."
  - scene_type: title
    visual_content: { title: "Three" }
    narration: "A third scene."
]])

  local seen = {}
  local order = {}
  local id = vg.on("*", function(ev)
    if ev.task_id == "conc-a" or ev.task_id == "conc-b" then
      seen[#seen + 1] = ev
      order[#order + 1] = ev.task_id .. " " .. ev.type .. " " .. tostring(ev.message)
    end
  end)
  -- the engine's own cache, fresh, so that nothing of the tasks' can hide
  -- among what other tests left there
  local was_cache = core.cache()
  core.set_cache(core.cache_new{ dir = T .. "/engine-cache" })
  local engine_state, engine_cache = core.state_dir(), core.cache():dir()
  local function opts(out) return { width = 320, height = 180, captions = { srt = true }, output = out } end
  local pa = create.pipeline(opts(T .. "/a.mp4"))
  local pb = create.pipeline(opts(T .. "/b.mp4"))
  local ta = pa:start(T .. "/a.yaml", { task_id = "conc-a", state_dir = T .. "/state-a", cache_dir = T .. "/cache-a" })
  local tb = pb:start(T .. "/b.yaml", { task_id = "conc-b", state_dir = T .. "/state-b", cache_dir = T .. "/cache-b" })
  local ra, rb = vg.wait(ta, tb)
  vg.off(id)
  core.set_cache(was_cache)

  teardown(function() vg.spawn("rm", { "-rf", T }) end)

  it("both succeed, and they ran at the same time", function()
    assert.is_true(ra.success, vg.json.encode(ra.errors))
    assert.is_true(rb.success, vg.json.encode(rb.errors))
    local first_b, last_a
    for i, ev in ipairs(seen) do
      if ev.task_id == "conc-b" and ev.type == "stage.started" and not first_b then first_b = i end
      if ev.task_id == "conc-a" and ev.type == "stage.completed" then last_a = i end
    end
    assert.is_true(first_b < last_a, "B started before A ended:\n" .. table.concat(order, "\n"))
  end)

  it("keeps each task's state in its own folder, none in the engine's", function()
    assert.are.same({ "conc-a.json" }, files(T .. "/state-a/tasks"))
    assert.are.same({ "conc-b.json" }, files(T .. "/state-b/tasks"))
    assert.equals(engine_state, core.state_dir())
    for _, name in ipairs(files(engine_state .. "/tasks")) do
      assert.is_nil(name:match("^conc%-"), name .. " in the engine's state folder")
    end
  end)

  it("keeps each task's artefacts in its own cache, none in the engine's", function()
    local ca, cb = entries(T .. "/cache-a"), entries(T .. "/cache-b")
    local engine = entries(engine_cache)
    local function mine(r, cache)
      local keys = {}
      for _, sc in ipairs(r.context.videos[1].scenes) do
        local e = entry_of(sc.audio.path, cache)
        assert.is_string(e, sc.audio.path .. " is not in " .. cache)
        keys[e] = true
        keys[e:gsub("%.wav$", ".json")] = true
      end
      -- segments are stored under hash(content key, encoder settings):
      -- counted, not named
      local segs = {}
      for _, k in ipairs(r.context.outputs[1].encoded.segment_keys) do segs[k] = true end
      keys.segments = 0
      for _ in pairs(segs) do keys.segments = keys.segments + 1 end
      return keys
    end
    local ka, kb = mine(ra, T .. "/cache-a"), mine(rb, T .. "/cache-b")
    for k, v in pairs(ka) do if v == true then assert.is_true(ca[k], k .. " missing from A's cache") end end
    for k, v in pairs(kb) do if v == true then assert.is_true(cb[k], k .. " missing from B's cache") end end
    -- nothing else but each one's segments, its one narration track and
    -- the record of its one join (stages/encode/join_reuse.c)
    local function only(found, keys, who)
      local tracks, segments, joins = 0, 0, 0
      for name in pairs(found) do
        if name:match("%.m4a$") then tracks = tracks + 1
        elseif name:match("%.mp4$") then segments = segments + 1
        elseif name:match("%.join$") then joins = joins + 1
        else assert.is_true(keys[name] == true, name .. " in " .. who .. "'s cache is not " .. who .. "'s") end
      end
      assert.equals(1, tracks)
      assert.equals(1, joins)
      assert.equals(keys.segments, segments)
    end
    only(ca, ka, "A")
    only(cb, kb, "B")
    -- the shared first scene is in both, made by each; B's own scenes are not in A's
    local shared_a = entry_of(ra.context.videos[1].scenes[1].audio.path, T .. "/cache-a")
    assert.is_true(cb[shared_a] == true)
    for k, v in pairs(kb) do
      if v == true and not ka[k] then assert.is_nil(ca[k], k .. " of B in A's cache") end
    end
    assert.is_nil(next(engine), "the engine's cache holds " .. tostring(next(engine)))
  end)

  it("makes both videos right", function()
    for _, c in ipairs({ { r = ra, path = T .. "/a.mp4", scenes = 2 }, { r = rb, path = T .. "/b.mp4", scenes = 3 } }) do
      local p = probe(c.path)
      local kinds = {}
      for _, s in ipairs(p.streams) do
        kinds[s.codec_type] = true
        if s.codec_type == "video" then
          assert.equals(320, s.width)
          assert.equals(180, s.height)
        end
      end
      assert.is_true(kinds.video and kinds.audio)
      assert.equals(c.scenes, #p.chapters)
      assert.near(c.r.context.outputs[1].timing.duration, tonumber(p.format.duration), 0.1)
      assert.is_truthy(core.stat(c.path:gsub("%.mp4$", ".srt")))
      assert.is_truthy(core.stat(c.path:gsub("%.mp4$", ".png")))
    end
    assert.is_true(rb.context.outputs[1].timing.duration > ra.context.outputs[1].timing.duration)
  end)

  it("gives every event its task's id, render warnings too (once per task)", function()
    local warned = { ["conc-a"] = 0, ["conc-b"] = 0 }
    for _, ev in ipairs(seen) do
      if ev.type == "video.rendered" then
        assert.equals(ev.task_id == "conc-a" and T .. "/a.mp4" or T .. "/b.mp4", ev.message)
      end
      if ev.type == "validation.warning" and type(ev.data) == "table" and ev.data.renderer then
        warned[ev.task_id] = warned[ev.task_id] + 1
        assert.equals("video", ev.stage)
      end
    end
    -- the shared title is shrunk in both: each task hears of it once
    assert.equals(1, warned["conc-a"])
    assert.equals(1, warned["conc-b"])
  end)
end)

describe("p:start's cache options", function()
  local seen
  local p = vg.pipeline{ name = "cache-opts", stages = { vg.stage{ name = "look", run = function(_, task)
    local c = task:cache_of()
    seen = { dir = c:dir(), off = c:off(), max = c:max() }
  end } } }

  it("gives a task its own cache; the engine's stays", function()
    local engine = core.cache():dir()
    assert.is_true(p:run(nil, { save_state = false, cache_dir = "/tmp/some-cache", cache_max = 1024 }).success)
    assert.are.same({ dir = "/tmp/some-cache", off = false, max = 1024 }, seen)
    assert.equals(engine, core.cache():dir())
    assert.is_true(p:run(nil, { save_state = false, no_cache = true }).success)
    assert.are.same({ dir = engine, off = true }, seen)
    assert.is_false(core.cache():off())
    assert.is_true(p:run(nil, { save_state = false }).success)
    assert.are.same({ dir = engine, off = false }, seen)
  end)

  it("refuses what is not a cache", function()
    local ok, err = pcall(p.start, p, nil, { save_state = false, cache = "/tmp" })
    assert.is_false(ok)
    assert.truthy(tostring(err):find("p:start: cache: a vg.Cache expected", 1, true), err)
    assert.has_error(function() core.cache_new{ max = -5 } end)
  end)
end)
