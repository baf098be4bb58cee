-- The task manager of `vgrun serve` (lua/vg/serve/tasks.lua), driven
-- directly on the engine this spec runs in: real pipelines, real files.
-- Waits are on events (the loop runs until the awaited event came), never
-- on time.
local vg = require("vg")
local core = require("vg.core")
local Tasks = require("vg.serve.tasks")

local SMALL = assert(io.open("tests/create/small.yaml", "rb")):read("a")
local OPTS = { resolution = "256x144", fps = 10 }
local VGRUN = (os.getenv("VGRUN_BUILD_DIR") or "build") .. "/vgrun"

local function tmpdir()
  local p = os.tmpname()
  os.remove(p)
  assert(core.mkdirs(p))
  return p
end

local function run(cmd, args)
  local r = assert(vg.spawn(cmd, args))
  return r.code, r.stdout, r.stderr
end

local function exists(p) return core.stat(p, true) ~= nil end

-- The task folders under DATA/tasks (the manager's lock file lives there too).
local function task_dirs(data)
  local list = {}
  for _, e in ipairs(core.scandir(data .. "/tasks") or {}) do
    if e.dir then list[#list + 1] = e.name end
  end
  return list
end

-- Runs the loop until pred() holds.
local function wait_until(pred)
  while not pred() do
    if not core.run_once() and not pred() then error("nothing left to run, and still waiting", 2) end
  end
end

-- Subscribes to a task and collects its events until the final one.
local function watch(mgr, id, last)
  local w = { events = {} }
  w.off = assert(mgr:subscribe(id, last, function(ev)
    w.events[#w.events + 1] = ev
    if ev.final then w.final = ev end
  end))
  return w
end

local function finish(mgr, id, last)
  local w = watch(mgr, id, last)
  wait_until(function() return w.final ~= nil end)
  return w
end

local function read(p)
  local f = io.open(p, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- A tar archive written by hand, so that any entry (links, devices, `..`)
-- can be made: ustar headers, typeflag as given.
local function tar_entry(name, typeflag, data, linkname)
  data = data or ""
  local function oct(n, w) return string.format("%0" .. (w - 1) .. "o", n) .. "\0" end
  local function pad(s, n) return s .. string.rep("\0", n - #s) end
  local h = pad(name, 100) .. oct(420, 8) .. oct(0, 8) .. oct(0, 8) .. oct(#data, 12) .. oct(0, 12)
    .. "        " .. typeflag .. pad(linkname or "", 100) .. "ustar\0" .. "00"
    .. pad("", 32) .. pad("", 32) .. oct(0, 8) .. oct(0, 8) .. pad("", 155)
  h = pad(h, 512)
  local sum = 0
  for i = 1, 512 do sum = sum + h:byte(i) end
  h = h:sub(1, 148) .. string.format("%06o", sum) .. "\0 " .. h:sub(157)
  return h .. data .. string.rep("\0", (512 - #data % 512) % 512)
end
local function tar(entries)
  local parts = {}
  for _, e in ipairs(entries) do parts[#parts + 1] = tar_entry(table.unpack(e)) end
  return table.concat(parts) .. string.rep("\0", 1024)
end

local have_bsdtar = run("sh", { "-c", "command -v bsdtar" }) == 0

describe("vg.serve.tasks", function()
  local data, mgr
  before_each(function()
    data = tmpdir()
    mgr = assert(Tasks.new{ data = data, jobs = 1 })
  end)
  after_each(function()
    mgr:shutdown()
    wait_until(function() return mgr.running == 0 end)
    run("rm", { "-rf", data })
  end)

  it("makes a task's video with SRT and VTT, byte for byte what `vgrun create` makes", function()
    local id, err = mgr:submit{ document = { name = "Talk.YAML", bytes = SMALL }, options = OPTS }
    assert.is_nil(err)
    assert.truthy(id:match("^%d+%-%x+$"))
    local st = core.stat(data, true)
    assert.equals("dir", st.type)
    assert.equals("running", mgr:get(id).status)
    local w = finish(mgr, id)
    assert.equals("pipeline.completed", w.final.type)
    local t = mgr:get(id)
    assert.equals("done", t.status)
    assert.equals(1, t.progress)
    assert.same({ "video.mp4", "video.srt", "video.vtt", "video.timing.json", "video.png" }, t.outputs)
    assert.equals(3, #t.scenes)
    assert.equals("Crash Safety", t.scenes[1].title)
    for _, s in ipairs(t.scenes) do assert.is_boolean(s.from_cache); assert.is_string(s.why) end
    for _, s in ipairs(t.stages) do assert.equals("completed", s.status) end
    -- ids increase by one, the last one is final
    for i, ev in ipairs(w.events) do assert.equals(i, ev.id) end
    assert.is_true(w.events[#w.events].final)
    -- the document is stored under a name the server made
    assert.truthy(exists(data .. "/tasks/" .. id .. "/input/document.yaml"))
    assert.truthy(exists(data .. "/tasks/" .. id .. "/task.json"))
    local mp4 = assert(mgr:file(id, "video.mp4"))
    assert.is_nil(mgr:file(id, "../task.json"))
    assert.is_nil(mgr:file(id, "task.json"))
    assert.is_nil(mgr:file("nope", "video.mp4"))
    local code, out = run("ffprobe", { "-v", "error", "-show_entries", "stream=codec_name,width,height",
      "-of", "csv=p=0", mp4 })
    assert.equals(0, code)
    assert.truthy(out:find("h264,256,144", 1, true))
    assert.truthy(out:find("aac", 1, true))
    assert.equals(0, (run("ffmpeg", { "-v", "error", "-i", mp4, "-f", "null", "-" })))
    assert.truthy(read(mgr:file(id, "video.vtt")):match("^WEBVTT"))
    -- the same document through `vgrun create` with the same options
    local cdir = tmpdir()
    assert(core.write_atomic(cdir .. "/talk.yaml", SMALL))
    local ccode, _, cerr = run(VGRUN, { "create", "--from", cdir .. "/talk.yaml", "-o", cdir .. "/talk.mp4",
      "--resolution", "256x144", "--fps", "10", "--captions", "srt,vtt" })
    assert.equals(0, ccode, cerr)
    assert.equals(read(cdir .. "/talk.mp4"), read(mp4))
    assert.equals(read(cdir .. "/talk.srt"), read(mgr:file(id, "video.srt")))
    run("rm", { "-rf", cdir })
  end)

  it("runs one task at a time with jobs = 1, the rest queued in order", function()
    local started = {}
    local off = mgr:subscribe(nil, nil, function(ev)
      if ev.type == "pipeline.started" then started[#started + 1] = ev.task end
    end)
    local ids = {}
    for i = 1, 3 do
      ids[i] = assert(mgr:submit{ text = nil, document = { text = SMALL, format = "yaml" },
        options = { resolution = "256x144", fps = 10 + i } })
    end
    assert.equals("running", mgr:get(ids[1]).status)
    assert.equals("queued", mgr:get(ids[2]).status)
    assert.equals("queued", mgr:get(ids[3]).status)
    assert.equals(1, mgr:get(ids[2]).position)
    assert.equals(2, mgr:get(ids[3]).position)
    assert.same({ ids[3], ids[2], ids[1] }, { mgr:list()[1].id, mgr:list()[2].id, mgr:list()[3].id })
    assert.equals(2, #mgr:list("queued"))
    finish(mgr, ids[3])
    off()
    assert.same(ids, started)
    for _, id in ipairs(ids) do assert.equals("done", mgr:get(id).status) end
  end)

  it("runs two tasks at once on one engine with jobs = 2, each to its own video", function()
    -- three tasks queued (a first manager with jobs = 1 stops), then a
    -- manager with jobs = 2 starts two of them in one go
    local ids = {}
    for i = 1, 3 do ids[i] = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS }) end
    mgr:shutdown()
    wait_until(function() return mgr.running == 0 end)
    mgr = assert(Tasks.new{ data = data, jobs = 2 })
    mgr:restore()
    local running, queued = {}, {}
    for _, id in ipairs(ids) do
      local st = mgr:get(id).status
      if st == "running" then running[#running + 1] = id elseif st == "queued" then queued[#queued + 1] = id end
    end
    assert.equals(2, #running)
    local w1, w2 = watch(mgr, running[1]), watch(mgr, running[2])
    wait_until(function() return w1.final ~= nil and w2.final ~= nil end)
    -- each task's stream holds its own events only
    for _, ev in ipairs(w1.events) do assert.equals(running[1], ev.task) end
    for _, ev in ipairs(w2.events) do assert.equals(running[2], ev.task) end
    assert.equals("pipeline.completed", w1.final.type)
    assert.equals("pipeline.completed", w2.final.type)
    assert.equals(read(mgr:file(running[1], "video.mp4")), read(mgr:file(running[2], "video.mp4")))
    for _, id in ipairs(queued) do finish(mgr, id) end
    for _, id in ipairs(ids) do assert.equals("done", mgr:get(id).status) end
  end)

  it("numbers the all-tasks stream with increasing ids", function()
    local seen, last = {}, 0
    local off = mgr:subscribe(nil, nil, function(ev)
      assert.is_true(ev.id > last)
      last = ev.id
      seen[#seen + 1] = ev
    end)
    local id = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    finish(mgr, id)
    off()
    assert.is_true(#seen > 5)
    -- a late subscriber gets what came after the id it names
    local again = {}
    mgr:subscribe(nil, seen[3].id, function(ev) again[#again + 1] = ev.id end)()
    assert.equals(#seen - 3, #again)
    assert.equals(seen[4].id, again[1])
  end)

  it("cancels a queued task and a running one, and resumes it to the same video", function()
    local a = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    local b = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    assert.is_true(mgr:cancel(b))
    assert.equals("cancelled", mgr:get(b).status)
    assert.equals("user", mgr:get(b).cancelled_by)
    -- cancel the running one as its narration starts
    local w = watch(mgr, a)
    local off = mgr:subscribe(a, nil, function(ev)
      if ev.type == "stage.started" and ev.data.stage == "narrate" then assert(mgr:cancel(a)) end
    end)
    wait_until(function() return w.final ~= nil end)
    off()
    assert.equals("pipeline.cancelled", w.final.type)
    local t = mgr:get(a)
    assert.equals("cancelled", t.status)
    assert.equals("user", t.cancelled_by)
    assert.equals("completed", t.stages[1].status)
    local nil_ok, why = mgr:cancel(a)
    assert.is_nil(nil_ok)
    assert.truthy(why:find("cancelled"))
    -- resume: from the stages that completed, to the end
    local last = w.final.id
    assert.is_true(mgr:resume(a))
    local w2 = finish(mgr, a, last)
    assert.equals("pipeline.completed", w2.final.type)
    assert.equals(last + 1, w2.events[1].id)
    assert.equals("task.queued", w2.events[1].type)
    local skipped = false
    for _, ev in ipairs(w2.events) do if ev.type == "stage.skipped" then skipped = true end end
    assert.is_true(skipped)
    assert.equals("done", mgr:get(a).status)
    assert.is_nil((mgr:resume(a)))
    -- the cancelled queued task resumes too, and both videos are the same
    assert.is_true(mgr:resume(b))
    finish(mgr, b)
    assert.equals(read(mgr:file(a, "video.mp4")), read(mgr:file(b, "video.mp4")))
  end)

  it("replays the events after a given id, from memory and after a restart from the log", function()
    local id = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    local all = finish(mgr, id).events
    local part = finish(mgr, id, 5).events
    assert.equals(#all - 5, #part)
    for i, ev in ipairs(part) do assert.equals(all[i + 5].id, ev.id); assert.equals(all[i + 5].type, ev.type) end
    -- a second manager on the same folder: the task, its record and its log
    -- (memory keeps only the last few events here, so older ones come from the log)
    mgr:shutdown()
    local stream = require("vg.serve.tasks.stream")
    local max = stream.MAX_EVENTS
    stream.MAX_EVENTS = 4
    local mgr2 = assert(Tasks.new{ data = data, jobs = 1 })
    assert.equals(1, mgr2:restore())
    local t = mgr2:get(id)
    assert.equals("done", t.status)
    assert.same(mgr:get(id).outputs, t.outputs)
    local again = finish(mgr2, id, #all - 3).events
    assert.equals(3, #again)
    assert.equals(all[#all].id, again[3].id)
    assert.is_true(again[3].final)
    local older = finish(mgr2, id, 5).events
    stream.MAX_EVENTS = max
    assert.equals(#all - 5, #older)
    for i, ev in ipairs(older) do assert.equals(all[i + 5].type, ev.type); assert.equals(all[i + 5].gid, ev.gid) end
    -- nothing after the final event: the stream has ended
    local late = {}
    mgr2:subscribe(id, all[#all].id, function(ev) late[#late + 1] = ev end)
    assert.equals(0, #late)
    mgr2:shutdown()
  end)

  it("stops running tasks at shutdown, and the next start resumes them", function()
    local id = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    local queued = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    local w = watch(mgr, id)
    local off = mgr:subscribe(id, nil, function(ev)
      if ev.type == "stage.started" and ev.data.stage == "narrate" then mgr:shutdown() end
    end)
    wait_until(function() return w.final ~= nil end)
    off()
    assert.equals("cancelled", mgr:get(id).status)
    assert.equals("shutdown", mgr:get(id).cancelled_by)
    assert.equals("queued", mgr:get(queued).status)
    assert.is_nil((mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS }))
    local mgr2 = assert(Tasks.new{ data = data, jobs = 1 })
    assert.equals(2, mgr2:restore())
    -- resumed: running, or already done when every stage it had left was
    -- found in the cache while the restore waited
    -- (and the queued one then started: jobs = 1)
    local st, st2 = mgr2:get(id).status, mgr2:get(queued).status
    assert.is_true((st == "running" and st2 == "queued") or (st == "done" and st2 ~= "cancelled"),
      "after the restore: " .. tostring(st) .. ", " .. tostring(st2))
    finish(mgr2, queued)
    assert.equals("done", mgr2:get(id).status)
    assert.equals("done", mgr2:get(queued).status)
    assert.equals(read(mgr2:file(id, "video.mp4")), read(mgr2:file(queued, "video.mp4")))
    mgr2:shutdown()
  end)

  it("leaves a task whose record was tampered with as it is", function()
    local id = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    finish(mgr, id)
    mgr:shutdown()
    local path = data .. "/tasks/" .. id .. "/task.json"
    local rec = read(path)
    local outside = tmpdir()
    for _, bad in ipairs({
      (rec:gsub('"args":%s*%[', '"args": ["--output=' .. outside .. '/x.mp4", ')),
      (rec:gsub('"input":%s*"[^"]*"', '"input": "input/../../../etc/passwd"')),
      (rec:gsub('"status":%s*"done"', '"status": "running"'):gsub('"args":%s*%[', '"args": ["--allow-path=/", ')),
      "not json", (rec:gsub('"id":%s*"[^"]*"', '"id": "someone-else"')),
    }) do
      assert(core.write_atomic(path, bad))
      local m = assert(Tasks.new{ data = data, jobs = 1 })
      assert.equals(0, m:restore())
      assert.is_nil(m:get(id))
      m:shutdown()
      assert.equals(bad, read(path))
    end
    assert.same({}, core.scandir(outside))
    run("rm", { "-rf", outside })
  end)

  it("names why a record cannot be read: empty, too large, not JSON", function()
    local id = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    finish(mgr, id)
    mgr:shutdown()
    local path = data .. "/tasks/" .. id .. "/task.json"
    for _, case in ipairs({
      { "", "task.json is empty" },  -- was "too large"
      { string.rep(" ", Tasks.RECORD_MAX + 1), "task.json is too large" },
      { "{", "task.json is not JSON" },
    }) do
      assert(core.write_atomic(path, case[1]))
      local m = assert(Tasks.new{ data = data, jobs = 1 })
      local t, err = m:_load(id)
      assert.is_nil(t)
      assert.equals(case[2], err)
      m:shutdown()
    end
  end)

  it("deletes a task's folder and nothing it links to", function()
    local id = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    finish(mgr, id)
    local outside = tmpdir()
    assert(core.write_atomic(outside .. "/keep.txt", "mine"))
    local dir = data .. "/tasks/" .. id
    assert.equals(0, (run("ln", { "-s", outside, dir .. "/out/link" })))
    assert.equals(0, (run("ln", { "-s", outside .. "/keep.txt", dir .. "/keep-link" })))
    local events = {}
    mgr:subscribe(nil, nil, function(ev) events[#events + 1] = ev.type end)
    assert.is_true(mgr:delete(id))
    assert.is_nil(mgr:get(id))
    assert.is_false(exists(dir))
    assert.equals("mine", read(outside .. "/keep.txt"))
    assert.equals("task.deleted", events[#events])
    assert.is_nil((mgr:delete(id)))
    run("rm", { "-rf", outside })
  end)

  it("deletes a running task once it has stopped", function()
    local id = assert(mgr:submit{ document = { text = SMALL, format = "yaml" }, options = OPTS })
    local w = watch(mgr, id)
    assert.is_true(mgr:delete(id))
    wait_until(function() return w.final ~= nil end)
    assert.is_nil(mgr:get(id))
    assert.is_false(exists(data .. "/tasks/" .. id))
  end)

  it("returns the diagnostics of `vgrun check` for a bad document and queues nothing", function()
    local bad = "video:\n  id: x\n  title: T\nscenes:\n  - scene_type: nosuchtype\n    narration: hi\n"
    local id, err, diags = mgr:submit{ document = { name = "bad.yaml", bytes = bad }, options = OPTS }
    assert.is_nil(id)
    assert.truthy(err:find("error"))
    assert.is_true(#diags > 0)
    assert.equals("bad.yaml", diags[1].file)
    assert.equals(5, diags[1].line)
    assert.equals("error", diags[1].severity)
    assert.truthy(diags[1].text:find("^bad%.yaml:5:"))
    assert.equals(0, #mgr:list())
    assert.same({}, task_dirs(data))
  end)

  it("checks options as `vgrun create` does; unknown keys are errors", function()
    local doc = { text = SMALL, format = "yaml" }
    local cases = {
      { { fps = 500 }, "options.fps" }, { { colour_scheme = "x" }, "unknown option 'colour_scheme'" },
      { { resolution = "255x144" }, "even" }, { { voice = "nobody-here" }, "unknown voice" },
      { { captions = { "srt", "pdf" } }, "pdf" }, { { output = "/etc/x.mp4" }, "unknown option 'output'" },
      { { cfr = "yes" }, "true or false" }, { { theme = "grey" }, "light or dark" },
    }
    for _, c in ipairs(cases) do
      local id, err = mgr:submit{ document = doc, options = c[1] }
      assert.is_nil(id)
      assert.truthy(err:find(c[2], 1, true), err)
    end
    local id, err = mgr:submit{ document = { name = "run.sh", bytes = "echo" } }
    assert.is_nil(id)
    assert.truthy(err:find("not a document type"))
    id, err = mgr:submit{ document = { text = "x", format = "exe" } }
    assert.is_nil(id)
    assert.truthy(err:find("document.format"))
    assert.same({}, task_dirs(data))
  end)

  it("takes a task from outside a fiber with a callback", function()
    local got
    assert.is_nil(mgr:submit({ document = { text = SMALL, format = "yaml" }, options = OPTS },
      function(id, err, diags) got = { id = id, err = err, diags = diags } end))
    local bad
    mgr:submit({ document = { name = "x.yaml", bytes = "video: [" }, options = OPTS },
      function(id, err, diags) bad = { id = id, err = err, diags = diags } end)
    wait_until(function() return got ~= nil and bad ~= nil end)
    assert.is_string(got.id)
    assert.is_nil(bad.id)
    assert.equals("x.yaml", bad.diags[1].file)
    assert.equals("pipeline.completed", finish(mgr, got.id).final.type)
  end)

  it("keeps a second manager off the same data folder", function()
    local other, err = Tasks.new{ data = data, jobs = 1 }
    assert.is_nil(other)
    assert.truthy(err:find("another vgrun serve", 1, true), err)
    assert.has_error(function() Tasks.new{ data = data, jobs = 0 } end)
  end)

  it("makes no captions when told so", function()
    local id = assert(mgr:submit{ document = { text = SMALL, format = "yaml" },
      options = { resolution = "256x144", fps = 10, captions = false } })
    finish(mgr, id)
    assert.same({ "video.mp4", "video.timing.json", "video.png" }, mgr:get(id).outputs)
  end)

  describe("archives", function()
    if not have_bsdtar then
      pending("bsdtar (Debian package libarchive-tools) is not installed")
      return
    end
    local SET_CONFIG = "set:\n  videos:\n    - file: intro.yaml\n"

    it("extracts a set from a tar and makes its video", function()
      local bytes = tar{ { "course/", "5" }, { "course/set_config.yaml", "0", SET_CONFIG },
        { "course/intro.yaml", "0", SMALL } }
      local id, err = mgr:submit{ document = { archive = "tar", bytes = bytes }, options = OPTS }
      assert.is_nil(err)
      local w = finish(mgr, id)
      assert.equals("pipeline.completed", w.final.type)
      assert.same({ "video.mp4", "video.srt", "video.vtt", "video.timing.json", "video.png" }, mgr:get(id).outputs)
      assert.truthy(exists(data .. "/tasks/" .. id .. "/input/set/course/intro.yaml"))
    end)

    it("extracts one document with a zip", function()
      local src = tmpdir()
      assert(core.write_atomic(src .. "/talk.yaml", SMALL))
      assert.equals(0, (run("bsdtar", { "-a", "-cf", src .. "/x.zip", "-C", src, "talk.yaml" })))
      -- named like a zip, it is one
      local id, err = mgr:submit{ document = { name = "Talk.ZIP", bytes = read(src .. "/x.zip") }, options = OPTS }
      assert.is_nil(err)
      assert.equals("pipeline.completed", finish(mgr, id).final.type)
      assert.equals("archive", mgr:get(id).kind)
      assert.equals("talk.yaml", mgr:get(id).name)
      run("rm", { "-rf", src })
    end)

    it("refuses links, devices, absolute paths and .. whole, before extracting", function()
      local outside = tmpdir()
      local cases = {
        { tar{ { "a.yaml", "0", SMALL }, { "l", "2", "", "/etc/passwd" } }, "symbolic link" },
        { tar{ { "a.yaml", "0", SMALL }, { "h", "1", "", "a.yaml" } }, "hard link" },
        { tar{ { "a.yaml", "0", SMALL }, { "h", "1", "", "/etc/passwd" } }, "hard link" },
        { tar{ { "a.yaml", "0", SMALL }, { "dev", "3", "" } }, "char" },
        { tar{ { "a.yaml", "0", SMALL }, { "fifo", "6", "" } }, "fifo" },
        { tar{ { "../" .. outside:match("[^/]+$") .. "/evil.yaml", "0", SMALL } }, "leaves its folder" },
        { tar{ { outside .. "/evil.yaml", "0", SMALL } }, "leaves its folder" },
        { tar{ { "a/../../evil.yaml", "0", SMALL } }, "leaves its folder" },
        { "not an archive at all", "not a tar archive" },
      }
      for _, c in ipairs(cases) do
        local id, err = mgr:submit{ document = { archive = "tar", bytes = c[1] }, options = OPTS }
        assert.is_nil(id)
        assert.truthy(err:find(c[2], 1, true), err)
      end
      -- a zip with a link in it
      local src = tmpdir()
      assert(core.write_atomic(src .. "/talk.yaml", SMALL))
      run("ln", { "-s", "/etc/passwd", src .. "/pw" })
      assert.equals(0, (run("bsdtar", { "-a", "-cf", src .. "/x.zip", "-C", src, "talk.yaml", "pw" })))
      local id, err = mgr:submit{ document = { archive = "zip", bytes = read(src .. "/x.zip") }, options = OPTS }
      assert.is_nil(id)
      assert.truthy(err:find("link"), err)
      assert.same({}, core.scandir(outside))
      assert.same({}, task_dirs(data))
      run("rm", { "-rf", src, outside })
    end)

    it("refuses an archive past its limits", function()
      local input = require("vg.serve.tasks.input")
      local files = input.LIMITS.archive_files
      input.LIMITS.archive_files = 3
      local id, err = mgr:submit{ document = { archive = "tar", bytes = tar{ { "a", "0", "1" }, { "b", "0", "2" },
        { "c", "0", "3" }, { "d", "0", "4" } } }, options = OPTS }
      input.LIMITS.archive_files = files
      assert.is_nil(id)
      assert.truthy(err:find("more than 3 entries"), err)
    end)
  end)
end)
