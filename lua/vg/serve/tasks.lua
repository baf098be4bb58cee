-- vg.serve.tasks: the task manager of `vgrun serve` (no HTTP here; the API
-- in lua/vg/serve/api.lua calls it). Tasks run in this process, on the
-- server's engine and loop, through the pipeline of `vgrun create`
-- (lua/vg/create), at most `jobs` at once, the rest queued in order. Each
-- task has a folder DATA/tasks/<id>/ (input/, out/, state/, task.json,
-- events.jsonl: docs/serve.md, "Tasks"); its events come from the engine's
-- bus and are kept, numbered, for replay. A restart resumes what a kill or
-- a shutdown interrupted.
--
--   local mgr = require("vg.serve.tasks").new{ data = DIR, jobs = 2 }
--   mgr:restore()
--   local id, err, diags = mgr:submit{ document = { name = "talk.md", bytes = s }, options = { fps = 25 } }
--   local off = mgr:subscribe(id, nil, function(ev) ... end)
local vg = require("vg")
local core = require("vg.core")
local events = require("vg.events")
local pipeline = require("vg.pipeline")
local stream = require("vg.serve.tasks.stream")
local topts = require("vg.serve.tasks.options")
local tinput = require("vg.serve.tasks.input")
local shown = require("vg.shown")

local M = {}

local Manager = {}
Manager.__index = Manager
Manager.__name = "vg.serve.Tasks"

M.MAX_WARNINGS = 200      -- per task
M.PROGRESS_GAP = 0.1      -- seconds: progress of one stage closer than this is folded
M.RECORD_MAX = 4 * 1024 * 1024

-- How much of a task each stage of the create pipeline is (for the overall
-- progress and the ETA); a stage a plug-in adds counts as a small one.
local WEIGHTS = { load = 0.04, style = 0.01, narrate = 0.30, video = 0.60, captions = 0.01, report = 0.04 }
local TERMINAL = { ["pipeline.completed"] = "done", ["pipeline.failed"] = "failed", ["pipeline.cancelled"] = "cancelled" }
local STATUSES = { queued = true, running = true, done = true, failed = true, cancelled = true }

-- What task.json holds (the rest of a task table lives only in memory).
local SAVED = { "id", "seq", "status", "created", "started", "finished", "name", "kind", "input", "format",
  "set_id", "args", "options", "stages", "progress", "scenes", "outputs", "error", "warnings", "cancelled_by",
  "resumes", "final_id", "display" }

local function now() return core.now() end

-- 48 random bits from the kernel, after the date: ids sort by day and
-- cannot be guessed from one another.
local function new_id()
  local f = io.open("/dev/urandom", "rb")
  local bytes = f and f:read(6)
  if f then f:close() end
  if not bytes or #bytes ~= 6 then
    bytes = core.sha256(tostring(core.hrtime()) .. tostring(core.getpid()) .. tostring({})):sub(1, 12)
    return os.date("!%Y%m%d-") .. bytes
  end
  return os.date("!%Y%m%d-") .. (bytes:gsub(".", function(c) return string.format("%02x", c:byte()) end))
end

local remove_tree = tinput.remove_tree

local function copy(v, depth)
  if type(v) ~= "table" then return v end
  depth = depth or 0
  if depth > 20 then return nil end
  local r = {}
  for k, x in pairs(v) do r[k] = copy(x, depth + 1) end
  local mt = getmetatable(v)
  if type(mt) == "table" and rawget(mt, "__jsontype") then setmetatable(r, mt) end
  return r
end

local function array(t) return setmetatable(t or {}, core.array_mt) end

--- Tasks.new{ engine =, data = DIR, jobs = N } -> manager
function M.new(opts)
  if type(opts) ~= "table" then error("vg.serve.tasks.new: {data = DIR, jobs = N} expected", 2) end
  if type(opts.data) ~= "string" or opts.data == "" then error("vg.serve.tasks.new: data: a folder expected", 2) end
  local jobs = opts.jobs or 1
  if math.type(jobs) ~= "integer" or jobs < 1 or jobs > 64 then
    error("vg.serve.tasks.new: jobs: a whole number from 1 to 64 expected", 2)
  end
  local ok, err = core.mkdirs(opts.data, 448) -- 0700: uploads and outputs are the server's
  if ok then ok, err = core.mkdirs(opts.data .. "/tasks", 448) end
  if not ok then return nil, err end
  -- one manager per data folder: a second server would run the same tasks
  -- (the lock is the kernel's, freed when this process ends however it ends)
  local lock, lerr, holder = core.task_lock("vgrun-serve", opts.data)
  if not lock then
    return nil, holder and string.format("%s is used by another vgrun serve (pid %d)", opts.data, holder)
      or tostring(lerr)
  end
  local self = setmetatable({
    engine = opts.engine, data = core.realpath(opts.data), jobs = jobs, lock = lock,
    tasks = {}, queue = {}, running = 0, seq = 0,
    global = {}, gsubs = {}, last_gid = 0,
    launch = pipeline.new_launch({}),
  }, Manager)
  self.listener = events.on("*", function(ev) self:_on_event(ev) end)
  return self
end

function Manager:_dir(id) return self.data .. "/tasks/" .. id end

--- Records and display ----------------------------------------------------

function Manager:_save(t)
  local rec = {}
  for _, k in ipairs(SAVED) do rec[k] = t[k] end
  local ok, text = pcall(core.json_encode, rec, true)
  if not ok then
    io.stderr:write(shown.lines("vgrun serve: task " .. t.id .. ": its record cannot be written: " .. tostring(text) .. "\n"))
    return
  end
  local wok, werr = core.write_atomic(self:_dir(t.id) .. "/task.json", text .. "\n")
  if not wok then io.stderr:write(shown.lines("vgrun serve: " .. tostring(werr) .. "\n")) end
end

-- Paths inside the task folder are shown as the client knows them: the
-- document by the name it was sent with, a set's files from the set's top.
function Manager:_show(t, s)
  if type(s) ~= "string" then return s end
  local dir = self:_dir(t.id)
  for _, m in ipairs(t.display or {}) do
    local from = dir .. "/" .. m[1]
    local i, j = s:find(from, 1, true)
    while i do
      s = s:sub(1, i - 1) .. m[2] .. s:sub(j + 1)
      i, j = s:find(from, i + #m[2], true)
    end
  end
  return s
end

local function shown_name(name)
  name = tostring(name or "document"):gsub("[%c]", "?")
  return name:sub(1, 120)
end

function Manager:_diagnostics(t, diags)
  local out = array()
  for _, d in ipairs(diags or {}) do
    out[#out + 1] = { file = self:_show(t, d.file), line = d.line, col = d.col, severity = d.severity,
      field = d.field, message = self:_show(t, d.message), text = self:_show(t, d.text) }
  end
  return out
end

--- Events -----------------------------------------------------------------

function Manager:_gid()
  local g = math.max(self.last_gid + 1, math.floor(now() * 1e6))
  self.last_gid = g
  return g
end

-- The task's events in memory, read from its log the first time.
function Manager:_events(t)
  if not t.events then
    local list, last = stream.read_log(self:_dir(t.id) .. "/events.jsonl")
    stream.trim(list, stream.MAX_EVENTS)
    t.events = list
    t.next_id = math.max(t.next_id or 1, last + 1, (t.final_id or 0) + 1)
    for _, ev in ipairs(list) do
      if math.type(ev.gid) == "integer" and ev.gid > self.last_gid then self.last_gid = ev.gid end
    end
  end
  return t.events
end

function Manager:_overall(t)
  local total, done = 0, 0
  for _, st in ipairs(t.stages or {}) do
    local w = WEIGHTS[st.name] or 0.02
    total = total + w
    local p = (st.status == "completed" or st.status == "skipped") and 1 or (st.progress or 0)
    done = done + w * p
  end
  t.progress = total > 0 and math.min(1, done / total) or 0
  if t.status == "running" and t.run_started and t.progress > 0.02 and t.progress < 1 then
    local elapsed = now() - t.run_started
    t.eta = math.floor(elapsed * (1 - t.progress) / t.progress + 0.5)
  else
    t.eta = nil
  end
end

-- Publishes one event of task t: numbered, kept, logged, delivered.
function Manager:_publish(t, etype, f, final)
  self:_events(t)
  local data = {}
  if type(f.data) == "table" then
    -- a path in the task folder as the client knows it (data.file of a warning)
    if #f.data > 0 then data.items = f.data else for k, v in pairs(f.data) do data[k] = self:_show(t, v) end end
  end
  data.stage, data.message, data.progress = f.stage, f.message, f.progress
  data.task_status, data.task_progress, data.eta = t.status, t.progress, t.eta
  local ev = { id = t.next_id, gid = self:_gid(), task = t.id, type = etype, time = f.time or now(),
    data = data, final = final or nil }
  t.next_id = t.next_id + 1
  if final then t.final_id = ev.id end
  t.events[#t.events + 1] = ev
  stream.trim(t.events, stream.MAX_EVENTS)
  stream.append(t, self:_dir(t.id) .. "/events.jsonl", ev)
  local g = {}
  for k, v in pairs(ev) do g[k] = v end
  g.id = ev.gid
  self.global[#self.global + 1] = g
  stream.trim(self.global, stream.MAX_GLOBAL)
  stream.deliver(t.subs, ev)
  stream.deliver(self.gsubs, g)
  if final then
    -- the stream of this task ends: its subscribers are let go
    t.subs = {}
  end
end

local function stage_of(t, name)
  for _, st in ipairs(t.stages or {}) do if st.name == name then return st end end
end

function Manager:_warning(t, ev)
  t.warnings = t.warnings or array()
  if #t.warnings >= M.MAX_WARNINGS then return end
  local text = self:_show(t, tostring(ev.message or "")):gsub("^vgrun: ", ""):gsub("^warning: ", "")
  local d = type(ev.data) == "table" and ev.data or {}
  local file, line = text:match("^([^:\n]+):(%d+):")
  if type(d.file) == "string" then file = self:_show(t, d.file) end
  if math.type(d.line) == "integer" or (type(d.line) == "number" and d.line == math.floor(d.line)) then line = d.line end
  for _, w in ipairs(t.warnings) do if w.text == text then return end end
  t.warnings[#t.warnings + 1] = { text = text, file = file, line = tonumber(line), stage = ev.stage }
end

function Manager:_on_event(ev)
  local t = ev.task_id and self.tasks[ev.task_id]
  if not t or t.status ~= "running" or ev.type == "state.saved" then return end
  if TERMINAL[ev.type] then t.held = ev; return end
  local st = ev.stage and stage_of(t, ev.stage)
  local ty = ev.type
  if ty == "stage.started" and st then st.status, st.progress = "running", 0
  elseif ty == "stage.progress" and st then
    local p = tonumber(ev.progress)
    if p then st.progress = math.max(0, math.min(1, p)) end
    -- fold progress that comes faster than anyone can see
    local tnow = core.hrtime()
    if t.last_progress and t.last_progress.stage == ev.stage and tnow - t.last_progress.at < M.PROGRESS_GAP
        and (p or 0) < 1 then
      self:_overall(t)
      return
    end
    t.last_progress = { stage = ev.stage, at = tnow }
  elseif ty == "stage.completed" and st then st.status, st.progress = "completed", 1
  elseif ty == "stage.skipped" and st then st.status, st.progress = "skipped", 1
  elseif ty == "stage.failed" and st then st.status = "failed"
  elseif ty == "stage.retrying" and st then st.status = "retrying"
  elseif ty == "validation.warning" then self:_warning(t, ev)
  end
  self:_overall(t)
  if ty == "stage.completed" and ev.stage == "video" and t.ptask then self:_scenes(t, t.ptask.context) end
  -- the record is written when the task's status changes, not at every
  -- stage (each write is fsynced; what resume trusts is the pipeline's own
  -- state, and the log has every stage's events)
  self:_publish(t, ty, { stage = ev.stage, message = self:_show(t, ev.message), progress = ev.progress,
    time = ev.time, data = ev.data })
end

--- Running ----------------------------------------------------------------

-- The command line of `vgrun create` this task is: its input and output in
-- the task folder, then the options (the same parser reads both).
function Manager:_argv(t)
  local dir = self:_dir(t.id)
  local argv = { "--from", dir .. "/" .. t.input, "-o", dir .. "/out/video.mp4", "--task-id", t.id }
  for _, a in ipairs(t.args or {}) do argv[#argv + 1] = a end
  return argv
end

function Manager:_options(t)
  local o, err = topts.parse(self:_argv(t))
  if not o then return nil, err end
  if t.format == "set" then o.format = "set" end
  o.set_id = t.set_id
  return o
end

-- The scenes of every video: made or from the cache, and why made.
function Manager:_scenes(t, ctx)
  local list = array()
  for vi, out in ipairs(type(ctx) == "table" and type(ctx.outputs) == "table" and ctx.outputs or {}) do
    local timing = type(out.timing) == "table" and out.timing.scenes or {}
    for i, r in ipairs(type(out.scenes) == "table" and out.scenes or {}) do
      local sc = timing[i] or {}
      list[#list + 1] = { index = i, video = vi, id = r.id, title = sc.title, from_cache = r.cached == true,
        why = r.cached and "in the cache" or r.reason }
    end
  end
  t.scenes = list
end

function Manager:_outputs(t, ctx, o)
  local create = require("vg.create")
  local names = array()
  local out_dir = self:_dir(t.id) .. "/out/"
  for _, out in ipairs(type(ctx) == "table" and type(ctx.outputs) == "table" and ctx.outputs or {}) do
    if type(out.path) == "string" then
      for _, p in ipairs(create.all_written(o, { out.path })) do
        local st = core.stat(p, true)
        if st and st.type == "file" and p:sub(1, #out_dir) == out_dir then names[#names + 1] = p:sub(#out_dir + 1) end
      end
    end
  end
  t.outputs = names
end

function Manager:_start(t)
  local o, err = self:_options(t)
  local p, fp
  if o then
    local create = require("vg.create")
    p = create.pipeline(o)
    local path = self:_dir(t.id) .. "/" .. t.input
    local st = core.stat(path)
    fp = require("vg.cmd.create").fingerprint(o, path, core.realpath(path) or path,
      st and st.type == "dir" and "directory" or "file")
    local stages = array()
    for _, s in ipairs(p.stages) do stages[#stages + 1] = { name = s.name, status = "pending", progress = 0 } end
    t.stages = stages
  end
  t.status = "running"
  t.started = t.started or now()
  t.run_started = now()
  t.held, t.cancel_requested, t.last_progress = nil, nil, nil
  self.running = self.running + 1
  self:_overall(t)
  self:_save(t)
  local ok, ptask = false, err
  if o then
    ok, ptask = pcall(p.start, p, self:_dir(t.id) .. "/" .. t.input, { task_id = t.id, resume = true,
      state_dir = self:_dir(t.id) .. "/state", fingerprint = fp, launch = self.launch })
  end
  if not ok then
    local msg = type(ptask) == "table" and ptask.message or tostring(ptask)
    self:_finished(t, { status = "failed", errors = { { message = msg } } }, o)
    return
  end
  t.ptask = ptask
  if t.cancel_requested or self.closing then ptask:cancel() end
  vg.go(function()
    local r = ptask:wait()
    self:_finished(t, r, o)
  end)
end

function Manager:_finished(t, r, o)
  if t.status == "running" then self.running = self.running - 1 end
  t.ptask = nil
  local status = r.status == "completed" and "done" or r.status == "cancelled" and "cancelled" or "failed"
  t.status = status
  t.finished = now()
  t.run_started = nil
  if status == "cancelled" then
    -- cancelled by a client stays so; by a shutdown or a signal, it goes on at the next start
    t.cancelled_by = t.cancel_requested and "user" or "shutdown"
  else
    t.cancelled_by = nil
  end
  local errs = r.errors or {}
  t.error = status == "failed" and self:_show(t, errs[#errs] and errs[#errs].message or "failed") or nil
  if r.context and o then
    self:_scenes(t, r.context)
    self:_outputs(t, r.context, o)
  end
  if status == "done" then
    for _, st in ipairs(t.stages or {}) do if st.status ~= "skipped" then st.status = "completed" end; st.progress = 1 end
  end
  for _, st in ipairs(t.stages or {}) do
    if st.status == "running" or st.status == "retrying" then st.status = status == "cancelled" and "cancelled" or "failed" end
  end
  self:_overall(t)
  if status == "done" then t.progress = 1 end
  local held = t.held or { type = status == "done" and "pipeline.completed" or "pipeline." .. status,
    message = t.error or status }
  t.held = nil
  -- the final event after the record: whoever sees it finds the outputs
  self:_events(t)
  t.final_id = t.next_id
  self:_save(t)
  self:_publish(t, held.type, { message = self:_show(t, held.message), time = held.time,
    data = { status = status, outputs = t.outputs or array(), error = t.error, cancelled_by = t.cancelled_by } }, true)
  stream.close(t)
  -- an ended task's events are read from its log when someone asks again
  t.events = nil
  if t.deleting then self:_remove(t) end
  if self.closing and self.running == 0 then self:_close() end
  self:_pump()
end

-- Starts queued tasks while fewer than `jobs` run.
function Manager:_pump()
  -- after SIGINT/SIGTERM the engine cancels every task and every wait: a
  -- task started now would fail at once; it stays queued for the next start
  if core.interrupted() then self.closing = true end
  while not self.closing and self.running < self.jobs and #self.queue > 0 do
    local id = table.remove(self.queue, 1)
    local t = self.tasks[id]
    if t and t.status == "queued" then self:_start(t) end
  end
end

function Manager:_enqueue(t, resumed)
  t.status = "queued"
  t.final_id, t.error, t.finished, t.cancelled_by = nil, nil, nil, nil
  self.queue[#self.queue + 1] = t.id
  self:_overall(t)
  self:_save(t)
  self:_publish(t, "task.queued", { message = resumed and "queued again" or "queued",
    data = { position = #self.queue, resumed = resumed or false } })
end

--- The API ----------------------------------------------------------------

--- submit{ document = {name=, bytes=} | {archive="zip"|"tar", bytes=} |
---   {text=, format=}, options = {...} } -> id | nil, message, diagnostics
--- Waits (the document is read as `vgrun check` reads it; an archive is
--- listed and extracted by a child process): call it from a fiber or the
--- main chunk. submit(req, fn) may be called anywhere (a request handler
--- that libuv called): it returns at once and calls fn(id, message,
--- diagnostics) from a fiber of its own when the task is queued or refused.
function Manager:submit(req, fn)
  if type(req) ~= "table" then error("submit: {document =, options =} expected", 2) end
  if fn ~= nil then
    if type(fn) ~= "function" then error("submit: the second argument must be a function", 2) end
    vg.go(function()
      local ok, id, err, diags = pcall(self.submit, self, req)
      if not ok then id, err, diags = nil, tostring(id), nil end
      fn(id, err, diags)
    end)
    return
  end
  if self.closing then return nil, "the server is stopping" end
  local args, given = topts.argv(req.options)
  if not args then return nil, given end
  local id = new_id()
  while self.tasks[id] or core.stat(self:_dir(id), true) do id = new_id() end
  local dir = self:_dir(id)
  local ok, err = core.mkdirs(dir .. "/input", 448)
  if not ok then return nil, err end
  local function fail(msg, diags)
    remove_tree(dir)
    return nil, msg, diags
  end
  local stored, serr = tinput.store(dir .. "/input", req.document)
  if not stored then return fail(serr) end
  local t = { id = id, status = "queued", created = now(), kind = stored.archive and "archive"
    or req.document.text and "text" or "document", name = shown_name(stored.name),
    input = stored.path:sub(#dir + 2), format = stored.format, args = args,
    options = given or {}, warnings = array(), outputs = array(), scenes = array(), stages = array() }
  -- the document is shown by the name the client gave it
  if t.kind == "archive" then t.display = { { "input/set/", "" }, { "out/", "" } }
  else t.display = { { t.input, t.name }, { "input/", "" }, { "out/", "" } } end
  local o, perr = self:_options(t)
  if not o then return fail(perr) end
  local model, diags = tinput.check(dir .. "/" .. t.input, o)
  if not model then
    local n = 0
    for _, d in ipairs(diags) do if d.severity == "error" then n = n + (math.tointeger(d.count) or 1) end end
    return fail(n > 0 and string.format("the document has %d error%s", n, n == 1 and "" or "s")
      or "the document cannot be read", self:_diagnostics(t, diags))
  end
  if t.format == "set" and type(model.set) == "table" and type(model.set.id) == "string" then
    t.set_id = model.set.id
    o.set_id = t.set_id
  end
  local create = require("vg.create")
  -- as `vgrun create` refuses it before any work (a usage error there)
  if o.keep_timing and not create.has_timing(model.videos) then
    return fail(string.format("options.keep_timing: %s has no cue times (only a transcript, .srt or .vtt, has them)",
      tostring(t.name)))
  end
  local outs, oerr = create.output_paths(o, model.videos, dir .. "/" .. t.input)
  if not outs then return fail(oerr) end
  ok, err = core.mkdirs(dir .. "/out", 448)
  if not ok then return fail(err) end
  self.seq = self.seq + 1
  t.seq = self.seq
  t.next_id, t.events = 1, {}
  self.tasks[id] = t
  self:_enqueue(t, false)
  self:_pump()
  return id
end

local function summary(self, t)
  local pos
  if t.status == "queued" then
    for i, q in ipairs(self.queue) do if q == t.id then pos = i end end
  end
  return { id = t.id, status = t.status, name = t.name, created = t.created, started = t.started,
    finished = t.finished, progress = t.progress or 0, eta = t.eta, position = pos, error = t.error,
    outputs = t.outputs or array() }
end

--- list(status|nil) -> { summary, ... } newest first
function Manager:list(status)
  local list = {}
  for _, t in pairs(self.tasks) do
    if status == nil or t.status == status then list[#list + 1] = t end
  end
  table.sort(list, function(a, b) return (a.seq or 0) > (b.seq or 0) end)
  local out = array()
  for i, t in ipairs(list) do out[i] = summary(self, t) end
  return out
end

--- get(id) -> a copy of the task's status, or nil
function Manager:get(id)
  local t = type(id) == "string" and self.tasks[id]
  if not t then return nil end
  local r = summary(self, t)
  r.kind, r.options = t.kind, copy(t.options)
  r.stages = copy(t.stages) or array()
  r.scenes = copy(t.scenes) or array()
  r.warnings = copy(t.warnings) or array()
  r.cancelled_by = t.cancelled_by
  r.events = t.next_id and t.next_id - 1 or nil
  return r
end

--- cancel(id) -> true | nil, message
function Manager:cancel(id)
  local t = type(id) == "string" and self.tasks[id]
  if not t then return nil, "no task " .. tostring(id) end
  if t.status == "queued" then
    for i, q in ipairs(self.queue) do if q == id then table.remove(self.queue, i); break end end
    t.status, t.cancelled_by, t.finished = "cancelled", "user", now()
    self:_save(t)
    self:_publish(t, "pipeline.cancelled", { message = "cancelled before it started",
      data = { status = "cancelled", outputs = t.outputs or array(), cancelled_by = "user" } }, true)
    stream.close(t)
    return true
  elseif t.status == "running" then
    t.cancel_requested = true
    if t.ptask then t.ptask:cancel() end
    return true
  end
  return nil, string.format("task %s is %s", id, t.status)
end

--- resume(id) -> true | nil, message: a failed or cancelled task is queued
--- again; the pipeline goes on from the stages that completed.
function Manager:resume(id)
  local t = type(id) == "string" and self.tasks[id]
  if not t then return nil, "no task " .. tostring(id) end
  if t.status ~= "failed" and t.status ~= "cancelled" then
    return nil, string.format("task %s is %s", id, t.status)
  end
  if self.closing then return nil, "the server is stopping" end
  t.resumes = (t.resumes or 0) + 1
  self:_enqueue(t, true)
  self:_pump()
  return true
end

function Manager:_remove(t)
  if self.tasks[t.id] ~= t then return end
  if not t.final_id or t.final_id ~= (t.next_id or 1) - 1 then
    self:_publish(t, "task.deleted", { message = "deleted" }, true)
  else
    -- its subscribers had the final event already; the task list hears it
    local g = { id = self:_gid(), task = t.id, type = "task.deleted", time = now(), data = { message = "deleted" } }
    self.global[#self.global + 1] = g
    stream.deliver(self.gsubs, g)
  end
  stream.close(t)
  self.tasks[t.id] = nil
  remove_tree(self:_dir(t.id))
end

--- delete(id) -> true | nil, message: removes the task and its folder (a
--- running task is cancelled first and removed when it has stopped).
function Manager:delete(id)
  local t = type(id) == "string" and self.tasks[id]
  if not t then return nil, "no task " .. tostring(id) end
  if t.status == "running" then
    t.deleting = true
    t.cancel_requested = true
    if t.ptask then t.ptask:cancel() end
    return true
  end
  for i, q in ipairs(self.queue) do if q == id then table.remove(self.queue, i); break end end
  self:_remove(t)
  return true
end

--- file(id, name) -> absolute path | nil: only a file this task made
function Manager:file(id, name)
  local t = type(id) == "string" and self.tasks[id]
  if not t or type(name) ~= "string" then return nil end
  for _, n in ipairs(t.outputs or {}) do
    if n == name and not name:find("/", 1, true) and not name:match("^%.") then
      local path = self:_dir(id) .. "/out/" .. name
      local st = core.stat(path, true)
      if st and st.type == "file" then return path end
    end
  end
  return nil
end

--- subscribe(id|nil, last_event_id|nil, fn) -> unsubscribe, ended | nil, message
--- Replays the events after last_event_id, then live ones, each once and
--- in order. id nil: every task's events, numbered by the global id. An id
--- past the last event made so far counts as that one (live events only).
--- ended: the task has ended and the client has its final event (sent now
--- or named by last_event_id): nothing more will come.
function Manager:subscribe(id, last, fn)
  if type(fn) ~= "function" then error("subscribe: a function expected", 2) end
  last = math.tointeger(tonumber(last)) or 0
  if id == nil then
    local top = #self.global > 0 and self.global[#self.global].id or self.last_gid
    if last > top then last = top end
    for _, g in ipairs(self.global) do
      if g.id > last then fn(g) end
    end
    return stream.add(self.gsubs, fn), false
  end
  local t = type(id) == "string" and self.tasks[id]
  if not t then return nil, "no task " .. tostring(id) end
  local mem = self:_events(t)
  local top = (t.next_id or 1) - 1
  if last > top then last = top end
  local over = t.status ~= "queued" and t.status ~= "running"
  if over and t.final_id and last >= t.final_id then return function() end, true end
  local list = mem
  if last > 0 and (#mem == 0 or mem[1].id > last + 1) then
    -- older than what is kept in memory: from the log
    list = stream.read_log(self:_dir(t.id) .. "/events.jsonl", last)
  end
  local ended = false
  for _, ev in ipairs(list) do
    if ev.id > last then
      local final = ev.id == t.final_id
      if (ev.final == true) ~= final then
        -- a final event of an earlier run, before the task was resumed
        local c = {}
        for k, v in pairs(ev) do c[k] = v end
        c.final = final or nil
        ev = c
      end
      fn(ev)
      if final then ended = true end
    end
  end
  if ended and over then return function() end, true end
  t.subs = t.subs or {}
  return stream.add(t.subs, fn), false
end

--- restore(): reads every task folder; tasks that were queued or running
--- (a kill, a crash) or stopped by a shutdown are queued again, in their
--- order, and resume. A record that cannot be read is left as it is.
function Manager:restore()
  local dir = self.data .. "/tasks"
  local found = {}
  for _, e in ipairs(core.scandir(dir) or {}) do
    local id = e.name
    local st = core.stat(dir .. "/" .. id, true)
    if st and st.type == "dir" and core.task_id_valid(id) and not self.tasks[id] then
      local t, err = self:_load(id)
      if t then found[#found + 1] = t
      elseif err then io.stderr:write(shown.lines("vgrun serve: task " .. id .. ": " .. err .. "; left as it is\n")) end
    end
  end
  table.sort(found, function(a, b) return a.seq < b.seq end)
  for _, t in ipairs(found) do
    self.tasks[t.id] = t
    if t.seq > self.seq then self.seq = t.seq end
  end
  -- the all-tasks stream starts with what the latest tasks said
  local recent = {}
  for i = #found, math.max(1, #found - 19), -1 do recent[#recent + 1] = found[i] end
  for _, t in ipairs(found) do
    if t.status == "queued" or t.status == "running" or (t.status == "cancelled" and t.cancelled_by == "shutdown") then
      local seen = false
      for _, r in ipairs(recent) do if r == t then seen = true end end
      if not seen then recent[#recent + 1] = t end
    end
  end
  local merged = {}
  for _, t in ipairs(recent) do
    for _, ev in ipairs(self:_events(t)) do
      if math.type(ev.gid) == "integer" then
        local g = {}
        for k, v in pairs(ev) do g[k] = v end
        g.id = ev.gid
        merged[#merged + 1] = g
      end
    end
  end
  table.sort(merged, function(a, b) return a.id < b.id end)
  stream.trim(merged, stream.MAX_GLOBAL)
  self.global = merged
  for _, t in ipairs(found) do
    if t.status == "queued" or t.status == "running" or (t.status == "cancelled" and t.cancelled_by == "shutdown") then
      t.resumes = (t.resumes or 0) + (t.status == "queued" and 0 or 1)
      if t.status == "running" then
        for _, st in ipairs(t.stages or {}) do if st.status == "running" then st.status = "pending" end end
      end
      self:_enqueue(t, t.status ~= "queued")
    end
  end
  self:_pump()
  return #found
end

-- One task record, checked: it is data from the disk.
function Manager:_load(id)
  local path = self:_dir(id) .. "/task.json"
  local f, err, kind = core.open_regular(path, true)
  if not f then return nil, kind ~= "missing" and err or nil end
  local text = f:read(M.RECORD_MAX + 1)
  f:close()
  -- read() gives nil for an empty file (a crash between create and write)
  if not text then return nil, "task.json is empty" end
  if #text > M.RECORD_MAX then return nil, "task.json is too large" end
  local ok, rec = pcall(core.json_decode, text)
  if not ok or type(rec) ~= "table" then return nil, "task.json is not JSON" end
  if rec.id ~= id then return nil, "task.json names another task" end
  if not STATUSES[rec.status] then return nil, "task.json: status is not one a task has" end
  if math.type(rec.seq) ~= "integer" then return nil, "task.json: seq: a whole number expected" end
  if type(rec.input) ~= "string" or not rec.input:match("^input/") or rec.input:find("%.%.") then
    return nil, "task.json: input: a path in the task's input folder expected"
  end
  if rec.format ~= nil and rec.format ~= "set" then return nil, "task.json: format: set or nothing expected" end
  local aok, aerr = topts.check_args(rec.args)
  if not aok then return nil, "task.json: " .. aerr end
  local t = {}
  for _, k in ipairs(SAVED) do
    local v = rec[k]
    if v ~= core.null then t[k] = v end
  end
  for _, k in ipairs({ "stages", "scenes", "outputs", "warnings" }) do
    if type(t[k]) ~= "table" then t[k] = array() end
  end
  for i = #t.outputs, 1, -1 do
    local n = t.outputs[i]
    if type(n) ~= "string" or n:find("/", 1, true) or n:match("^%.") then table.remove(t.outputs, i) end
  end
  if type(t.display) ~= "table" then t.display = {} end
  for i = #t.display, 1, -1 do
    local m = t.display[i]
    if type(m) ~= "table" or type(m[1]) ~= "string" or type(m[2]) ~= "string" then table.remove(t.display, i) end
  end
  if math.type(t.final_id) ~= "integer" then t.final_id = nil end
  return t
end

--- shutdown(): running tasks are cancelled and recorded as stopped by the
--- shutdown (restore resumes them); nothing new starts. Inside a fiber it
--- waits until they have stopped.
function Manager:shutdown()
  self.closing = true
  local waiting = {}
  for _, t in pairs(self.tasks) do
    if t.status == "running" and t.ptask then
      waiting[#waiting + 1] = t.ptask
      t.ptask:cancel()
    end
  end
  if #waiting > 0 and core.in_fiber() then vg.wait(table.unpack(waiting)) end
  -- the records of queued tasks already say so; restore queues them again
  if self.running == 0 then self:_close() end
  return true
end

-- After the shutdown, once nothing runs: no more events, the folder free.
function Manager:_close()
  if self.listener then events.off(self.listener); self.listener = nil end
  if self.lock then core.task_unlock(self.lock); self.lock = nil end
end

return M
