-- vg.pipeline: the orchestrator's policy. A task runs its pipeline's stages
-- in order in one fiber (a coroutine the engine resumes), so a stage that
-- waits (vg.sleep, vg.spawn, a native stage's work) lets other tasks go on.
-- Retries with backoff, abort/continue, cancellation, and state after every
-- step (resume skips completed stages) are decided here; the C engine
-- provides fibers, waiting, native stages, events and atomic state files.
local core = require("vg.core")
local events = require("vg.events")
local state = require("vg.state")
local shown = require("vg.shown")

local M = {}

local Stage = {}
Stage.__index = Stage
Stage.__name = "vg.Stage"

local Pipeline = {}
Pipeline.__index = Pipeline
Pipeline.__name = "vg.Pipeline"

local Task = {}
Task.__index = Task
Task.__name = "vg.Task"

local running = {}   -- task id -> Task, while it runs

local function check_type(v, t, what, level)
  if type(v) ~= t then error(string.format("%s: %s expected, got %s", what, t, type(v)), level or 3) end
end

local STAGE_FIELDS = { name = "string", run = "function", native = "string", options = "table",
  retries = "number", backoff = "number", on_error = "string", description = "string", depends = "table" }
local MAX_RETRIES, MAX_BACKOFF = 1000, 3600

local function field_list(fields)
  local names = {}
  for k in pairs(fields) do names[#names + 1] = k end
  table.sort(names)
  return table.concat(names, ", ")
end

--- vg.stage{ name=, run=function(ctx, task) end | native="tts.synth",
---           options={...}, retries=0, backoff=0.5, on_error="abort"|"continue",
---           depends={"voice", ...} }
--- Every field is checked here, so a typo or an absurd value is a clear error
--- when the pipeline is built, not a surprise when it runs.
function M.stage(def)
  check_type(def, "table", "vg.stage")
  local label = type(def.name) == "string" and ("vg.stage '" .. def.name .. "'") or "vg.stage"
  for k, v in pairs(def) do
    local want = STAGE_FIELDS[k]
    if not want then
      error(string.format("%s: unknown field '%s' (fields: %s)", label, tostring(k), field_list(STAGE_FIELDS)), 2)
    end
    if type(v) ~= want then
      error(string.format("%s: %s: %s expected, got %s", label, k, want, type(v)), 2)
    end
  end
  if type(def.name) ~= "string" or def.name == "" or #def.name > 128 or def.name:find("[%c]") then
    error(label .. ": name: a non-empty string of at most 128 characters, without control characters, expected", 2)
  end
  if def.native then
    local found = false
    for _, s in ipairs(core.stages()) do if s.name == def.native then found = true end end
    if not found then
      local names = {}
      for _, s in ipairs(core.stages()) do names[#names + 1] = s.name end
      error(string.format("vg.stage '%s': no native stage '%s' (have: %s)", def.name, def.native,
        #names > 0 and table.concat(names, ", ") or "none"), 2)
    end
    if def.run then error(label .. ": give run or native, not both", 2) end
    local bad = def.options and core.check_options(def.native, def.options)
    if bad then error(string.format("%s: %s", label, bad), 2) end
  elseif not def.run then
    error(label .. ": run: function expected, got nil", 2)
  end
  local retries = def.retries or 0
  if retries ~= retries or retries < 0 or retries > MAX_RETRIES or retries ~= math.floor(retries) then
    error(string.format("%s: retries must be a whole number from 0 to %d, not %s", label, MAX_RETRIES, tostring(retries)), 2)
  end
  local backoff = def.backoff or 0.5
  if backoff ~= backoff or backoff < 0 or backoff > MAX_BACKOFF then
    error(string.format("%s: backoff must be a number of seconds from 0 to %d, not %s", label, MAX_BACKOFF, tostring(backoff)), 2)
  end
  local on_error = def.on_error or "abort"
  if on_error ~= "abort" and on_error ~= "continue" then
    error(label .. ": on_error must be \"abort\" or \"continue\"", 2)
  end
  local depends = {}
  for k, v in pairs(def.depends or {}) do
    if math.type(k) ~= "integer" or type(v) ~= "string" then
      error(label .. ": depends: a list of names (strings) expected", 2)
    end
    depends[k] = v
  end
  return setmetatable({
    name = def.name, run = def.run, native = def.native, options = def.options,
    retries = math.tointeger(retries) or retries, backoff = backoff, on_error = on_error,
    description = def.description, depends = depends,
  }, Stage)
end

--- vg.native(name, opts): a stage running the native stage `name`.
function M.native(name, opts)
  check_type(name, "string", "vg.native: name")
  opts = opts or {}
  check_type(opts, "table", "vg.native: options")
  local def = { native = name }
  for k, v in pairs(opts) do def[k] = v end
  def.name = opts.name or name
  return M.stage(def)
end

local PIPELINE_FIELDS = { name = "string", stages = "table", description = "string" }

--- vg.pipeline{ name=, stages={ vg.stage{...} | {name=, run=} | function, ... } }
function M.pipeline(def)
  check_type(def, "table", "vg.pipeline")
  local name = def.name or "pipeline"
  check_type(name, "string", "vg.pipeline: name")
  for k, v in pairs(def) do
    local want = PIPELINE_FIELDS[k]
    if not want then
      error(string.format("vg.pipeline '%s': unknown field '%s' (fields: %s)", name, tostring(k),
        field_list(PIPELINE_FIELDS)), 2)
    end
    if type(v) ~= want then error(string.format("vg.pipeline '%s': %s: %s expected, got %s", name, k, want, type(v)), 2) end
  end
  check_type(def.stages, "table", "vg.pipeline '" .. name .. "': stages")
  local n = #def.stages
  for k in pairs(def.stages) do
    if math.type(k) ~= "integer" or k < 1 or k > n then
      error(string.format("vg.pipeline '%s': stages: a list expected (key %s)", name, tostring(k)), 2)
    end
  end
  local stages, seen = {}, {}
  for i, s in ipairs(def.stages) do
    if type(s) == "function" then s = M.stage({ name = "stage" .. i, run = s })
    elseif getmetatable(s) ~= Stage then
      if type(s) ~= "table" then
        error(string.format("vg.pipeline '%s': stage %d: a stage, a table or a function expected, got %s",
          name, i, type(s)), 2)
      end
      local ok, err = pcall(M.stage, s)
      if not ok then error(err, 2) end
      s = err
    end
    if seen[s.name] then error(string.format("vg.pipeline '%s': two stages named '%s'", name, s.name), 2) end
    seen[s.name] = true
    stages[i] = s
  end
  return setmetatable({ name = name, stages = stages, description = def.description }, Pipeline)
end

--- Task methods, for stages ---------------------------------------------------
function Task:emit(etype, message, data, progress)
  events.emit({ type = etype, task_id = self.id, stage = self.stage, message = message,
    data = data, progress = progress })
end

--- task:progress(0..1, message): progress of the running stage.
function Task:progress(p, message)
  if type(p) ~= "number" then error("task:progress: number 0..1 expected", 2) end
  p = math.max(0, math.min(1, p))
  self:emit("stage.progress", message, { index = self.stage_index, count = #self.pipeline.stages }, p)
end

--- task:warn(message, data): a validation.warning for this task.
function Task:warn(message, data) self:emit("validation.warning", message, data) end

--- task:cancel(): the waiting stage sees "cancelled"; the task ends cancelled.
function Task:cancel()
  if self.done then return end
  self.cancelled = true
  if self.co then core.cancel_fiber(self.co) end
end

--- task:check(): raises "cancelled" if the task was cancelled (long Lua loops).
function Task:check()
  if self.cancelled then error("cancelled", 0) end
end

-- task:produced(path, ...) / task:used(path, ...): files the running stage
-- made / read. When the stage completes each is recorded with its size and
-- SHA-256; a resume checks them again and runs the stage (and every later
-- one) again when one is missing or changed.
local function note_files(task, role, ...)
  if not task.stage_files then error("task:" .. role .. ": only while a stage runs", 3) end
  for i = 1, select("#", ...) do
    local path = select(i, ...)
    if type(path) ~= "string" or path == "" then error("task:" .. role .. ": a path (string) expected", 3) end
    task.stage_files[#task.stage_files + 1] = { path = path, role = role == "produced" and "out" or "in" }
  end
end
--- task:hold(lock): a lock of vg.core.task_lock that the task releases when
--- it ends, however it ends (a stage's claim on a file it writes)
function Task:hold(lock)
  self.held = self.held or {}
  self.held[#self.held + 1] = lock
end

function Task:produced(...) note_files(self, "produced", ...) end

--- task:cache_of() -> the vg.Cache this task's native stages use: its own
--- (p:start{cache_dir=, no_cache=, cache=}), else the engine's.
function Task:cache_of() return self.cache or core.cache() end
function Task:used(...) note_files(self, "used", ...) end

--- Orchestration ------------------------------------------------------------

-- A readable reason for anything a stage raised: error("text"),
-- error({code = 42}), error(setmetatable({}, {__tostring = ...})), error(nil).
local function reason_of(e)
  if type(e) == "string" then return e end
  local mt = getmetatable(e)
  if mt and mt.__tostring then
    local ok, s = pcall(tostring, e)
    if ok and type(s) == "string" then return s end
  end
  if type(e) == "table" then
    if type(e.message) == "string" then return e.message end
    local ok, s = pcall(core.json_encode, e)
    if ok and type(s) == "string" then
      if #s > 300 then s = s:sub(1, 297) .. "..." end
      return "error " .. s
    end
  end
  if e == nil then return "error (no reason given)" end
  return "error (" .. tostring(e) .. ")"
end

-- A message is kept to its first 4 KB (cut where a character starts): it is
-- saved in the task's state, printed and sent to every listener, and
-- error(string.rep("y", 50e6)) made a state file of 100 MB.
local MAX_MESSAGE = 4096
local function cut_message(msg)
  if #msg <= MAX_MESSAGE then return msg end
  local n = MAX_MESSAGE
  while n > 0 and (msg:byte(n + 1) & 0xC0) == 0x80 do n = n - 1 end
  return msg:sub(1, n) .. string.format("... (%d bytes more)", #msg - n)
end

local function split_error(e)
  local msg = cut_message(reason_of(e))
  local file, line, rest = msg:match("^([^\n]-):(%d+): (.*)$")
  local err = { message = msg, file = file, line = tonumber(line), text = rest or msg }
  if type(e) == "table" then
    -- a structured error keeps its own code and place when they are plain
    local code = rawget(e, "code")
    if type(code) == "string" or math.type(code) == "integer" then err.code = code end
    if type(rawget(e, "file")) == "string" then err.file = e.file end
    if math.type(rawget(e, "line")) == "integer" then err.line = e.line end
    -- a stage that must not be tried again nor passed over (on_error =
    -- "continue"): what it left would break every later stage
    if rawget(e, "abort") == true then err.abort = true end
  end
  return err
end

-- vgrun's own Lua (built in, or from VGRUN_LUA_DIR), as the bridge tells it
local function own_source(source)
  if source:sub(1, 8) == "@lua/vg/" then return true end
  local dir = os.getenv("VGRUN_LUA_DIR")
  return dir ~= nil and dir ~= "" and source:sub(2, #dir + 5) == dir .. "/vg/"
end

-- Where a stage raised a value that is not text (error({code = 5}),
-- error(nil), an object): the first frame of Lua below the message handler,
-- when it is not vgrun's own, as FILE, LINE (Lua adds no place to such a value,
-- and the message would name neither the plug-in's file nor its line).
local function raised_at()
  for level = 3, 40 do
    local info = debug.getinfo(level, "Sl")
    if not info then return nil end
    if info.what ~= "C" and (info.currentline or 0) > 0 then
      if own_source(info.source or "") then return nil end
      return info.short_src, info.currentline
    end
  end
end

local function on_stage_error(e)
  local err = split_error(e)
  if type(e) ~= "string" and not err.file then
    local file, line = raised_at()
    if file then
      err.file, err.line = file, line
      err.message = string.format("%s:%d: %s", file, line, err.message)
    end
  end
  err.traceback = debug.traceback(nil, 2)
  return err
end

local function now() return core.now() end

-- A copy of the context as it is saved: plain data (functions and other
-- values JSON cannot hold are left out, as the state file leaves them out),
-- or nil and a short message naming where it cannot be saved: a cycle, too
-- deep, a NaN or an infinity. The saved context is this copy, so a stage
-- that breaks the live context cannot break the task's state file.
local MAX_DEPTH = 150
local function path_text(path)
  local s = table.concat(path, ".")
  if #s > 80 then s = s:sub(1, 36) .. "..." .. s:sub(-36) end
  return s
end
-- The bytes a saved context takes are counted as it is copied (a lower
-- bound of its JSON: each string and key with its quotes, each value's
-- indentation), so a context larger than a state file may hold is refused
-- before it is encoded, not after minutes and a few times its size in
-- memory. budget = { left =, max =, big =, big_path = }.
local function megabytes(n)
  if n % 1048576 == 0 then return string.format("%d MB", n // 1048576) end
  return n >= 1048576 and string.format("%.1f MB", n / 1048576) or string.format("%d KB", (n + 1023) // 1024)
end
local function over_budget(budget)
  local biggest = budget.big_path and budget.big * 10 >= budget.max and string.format(" (the largest value: %s, a string of %s)",
    budget.big_path, megabytes(budget.big)) or ""
  return nil, string.format("it takes more than the %s a task's state may hold%s", megabytes(budget.max), biggest)
end
local function spend(budget, n, v, path)
  budget.left = budget.left - n
  if type(v) == "string" and #v > budget.big then budget.big, budget.big_path = #v, path_text(path) end
  return budget.left >= 0
end
local function copy_data(v, path, on_path, depth, budget)
  local t = type(v)
  if t == "number" then
    if v ~= v or v == math.huge or v == -math.huge then
      return nil, path_text(path) .. ": a NaN or infinite number"
    end
    if not spend(budget, depth + 2) then return over_budget(budget) end
    return v
  elseif t == "string" then
    if not spend(budget, #v + depth + 3, v, path) then return over_budget(budget) end
    return v
  elseif t == "boolean" then
    if not spend(budget, depth + 5) then return over_budget(budget) end
    return v
  elseif v == core.null then
    return v
  elseif t ~= "table" then
    return nil
  end
  if on_path[v] then return nil, path_text(path) .. ": a cycle (a table that contains itself)" end
  if depth > MAX_DEPTH then return nil, path_text(path) .. ": nested deeper than " .. MAX_DEPTH .. " levels" end
  on_path[v] = true
  if not spend(budget, depth + 3) then on_path[v] = nil; return over_budget(budget) end
  local out = {}
  for k, x in next, v do
    if type(k) == "string" or (type(k) == "number" and k == k and k ~= math.huge and k ~= -math.huge) then
      if type(k) == "string" and not spend(budget, #k + 3) then on_path[v] = nil; return over_budget(budget) end
      path[#path + 1] = tostring(k)
      local c, err = copy_data(x, path, on_path, depth + 1, budget)
      path[#path] = nil
      if err then on_path[v] = nil; return nil, err end
      out[k] = c
    end
  end
  on_path[v] = nil
  local mt = getmetatable(v)
  if type(mt) == "table" and rawget(mt, "__jsontype") then setmetatable(out, mt) end
  return out
end

local function snapshot(ctx, max_bytes)
  max_bytes = max_bytes or core.state_max_bytes
  local copy, err = copy_data(ctx, { "context" }, {}, 0, { left = max_bytes, max = max_bytes, big = 0 })
  if err then return nil, "the context cannot be saved: " .. err end
  return copy
end

-- A saved context is signed with the user's own key (core.state_key, kept
-- apart from every state folder): a resume takes the context, which the
-- later stages use as it is (scene text, layout, clips), only from a state
-- file this user's vgrun wrote. An edited or copied one plans again from
-- the document. The signature is over the context's JSON (keys sorted), as
-- saved and as read back.
local state_key, state_key_err
local function context_mac(ctx)
  if state_key == nil then
    local k, err = core.state_key()
    state_key, state_key_err = k or false, err
  end
  if not state_key then return nil, state_key_err end
  local ok, text = pcall(core.json_encode, ctx)
  if not ok then return nil, tostring(text) end
  return core.sha256(state_key, "vgrun task context", core.sha256(state_key, text))
end

-- nil when a resumed state's context is the one this user's vgrun saved,
-- else why it is not taken
local function context_unsigned(doc, id, dir)
  if doc.context == nil then return nil end
  local mac, err = context_mac(doc.context)
  if not mac then return "its context cannot be checked (" .. tostring(err) .. ")" end
  if doc.context_mac ~= mac then
    return state.path(id, dir) .. " holds a context vgrun did not save there (edited, or from another "
      .. "user or machine)"
  end
end

local function save(task)
  if not task.save_state then return end
  local doc = task.doc
  if doc.context ~= task.signed then
    doc.context_mac, task.signed = context_mac(doc.context), doc.context
  end
  local ok, err = state.save(task.id, task.doc, task.state_dir)
  if ok then
    task.save_failures = 0
    task:emit("state.saved", nil, { path = state.path(task.id, task.state_dir), version = task.doc.version })
  else
    -- the task goes on; the problem is reported once, not at every step
    task.save_failures = (task.save_failures or 0) + 1
    if task.save_failures == 1 then
      task:emit("validation.error", err, { printed = true })
      io.stderr:write(shown.lines("vgrun: " .. err), "\n")
    end
  end
end

-- One line to the user, and the same as an event (marked printed, so a
-- listener that shows warnings does not show it again).
local function notice(task, msg)
  io.stderr:write(shown.lines("vgrun: " .. msg), "\n")
  task:emit("validation.warning", msg, { printed = true })
end

-- what the waits of a stage raise once a fiber it started (vg.go) failed
local FIBER_STOP = "stopped: a fiber this stage started (vg.go) failed"

local function run_stage(task, st)
  if st.native then
    return core.run_native(st.native, task.context, st.options, task.id, st.name, task.cache,
      task.limits)
  end
  return st.run(task.context, task)
end

local function backoff_delay(st, attempt)
  return math.min(30, st.backoff * 2 ^ (attempt - 1))
end

-- The files a completed stage declared, with size and SHA-256; nil, message
-- when one of them cannot be read.
local function record_files(list)
  local out, seen = {}, {}
  for _, f in ipairs(list) do
    local path = core.realpath(f.path) or f.path
    if not seen[f.role .. path] then
      seen[f.role .. path] = true
      local d, err = core.file_digest(path)
      if not d then
        return nil, (f.role == "out" and "a file this stage made is not there: " or "a file this stage read is not there: ") .. err
      end
      out[#out + 1] = { path = path, role = f.role, size = d.size, sha256 = d.sha256 }
    end
  end
  return out
end

-- Is every file a completed stage recorded still what it was? nil, or why not.
local function files_changed(rec)
  for _, f in ipairs(rec.files or {}) do
    local d = core.file_digest(f.path)
    if not d then return f.path .. " is missing" end
    if d.size ~= f.size or d.sha256 ~= f.sha256 then
      return f.path .. (f.role == "out" and " was changed or damaged" or " changed")
    end
  end
  return nil
end

-- The files of a list that are there (a stage stopped half-way noted some
-- it did not get to make).
local function files_there(list)
  local out = {}
  for _, f in ipairs(list or {}) do
    if core.file_digest(f.path) then out[#out + 1] = f end
  end
  return out
end

-- Did every stage complete? A cancel that came after the last stage's work
-- was done (and recorded) is too late: the task is completed.
local function all_completed(task)
  for i = 1, #task.pipeline.stages do
    local rec = task.doc.stages[i]
    if not rec or rec.status ~= "completed" then return false end
  end
  return true
end

local function finish(task, status, message)
  local doc = task.doc
  if status == "failed" and task.launch then
    task.launch.failed = task.launch.failed + 1
    local l = task.launch
    l.failed_tasks = l.failed_tasks or {}
    l.failed_tasks[#l.failed_tasks + 1] = task
  end
  task.status = status
  doc.status = status
  doc.ended = now()
  doc.errors = task.errors
  save(task)
  local etype = status == "completed" and "pipeline.completed"
    or status == "cancelled" and "pipeline.cancelled" or "pipeline.failed"
  task.stage, task.stage_index = nil, nil
  task:emit(etype, message or status, { pipeline = task.pipeline.name, duration = now() - task.started,
    errors = #task.errors }, status == "completed" and 1 or nil)
end

local function shown_value(v)
  if v == nil then return "the default" end
  v = tostring(v)
  if #v > 40 then return nil end
  return "'" .. v .. "'"
end

-- On resume: the first stage to run again, because what the task is made
-- from changed (the fingerprint: input hash, options) or because a file a
-- completed stage made or read is missing or changed. Says why, once.
local function restart_point(task)
  local p, doc = task.pipeline, task.doc
  local n = #p.stages
  local first, reasons = n + 1, {}
  local old, new = doc.fingerprint, task.fingerprint
  if task.unsigned then
    reasons[#reasons + 1] = task.unsigned
    first = 1
  elseif new and next(new) ~= nil and type(old) ~= "table" then
    -- a state from before fingerprints, or one that lost it: nothing to trust
    reasons[#reasons + 1] = "the state does not record what the task was made from"
    first = 1
  elseif new then
    old = type(old) == "table" and old or {}
    local keys = {}
    for k in pairs(new) do keys[#keys + 1] = k end
    for k in pairs(old) do if new[k] == nil then keys[#keys + 1] = k end end
    table.sort(keys)
    for _, k in ipairs(keys) do
      if old[k] ~= new[k] then
        local was, now_v = shown_value(old[k]), shown_value(new[k])
        reasons[#reasons + 1] = (was and now_v) and string.format("%s changed (was %s, now %s)", k, was, now_v)
          or (k .. " changed")
        -- the first stage that depends on it; a key no stage names: all of them
        local at = 1
        for i, st in ipairs(p.stages) do
          local hit = false
          for _, d in ipairs(st.depends) do if d == k then hit = true end end
          if hit then at = i; break end
        end
        if at < first then first = at end
      end
    end
  end
  for i = 1, math.min(first - 1, n) do
    local rec = doc.stages[i]
    if not rec or rec.name ~= p.stages[i].name or rec.status ~= "completed" then break end
    local why = files_changed(rec)
    if why then
      reasons[#reasons + 1] = why
      first = i
      break
    end
  end
  if first <= n and #reasons > 0 then
    notice(task, string.format("task '%s': %s; running again from stage '%s'", task.id,
      table.concat(reasons, "; "), p.stages[first].name))
  end
  return first
end

local function body(task)
  local p = task.pipeline
  local n = #p.stages
  local doc = task.doc
  task:emit("pipeline.started", p.name, { pipeline = p.name, stages = n, resumed = task.resumed }, 0)
  if task.resumed then
    task:emit("state.restored", "resumed from " .. state.path(task.id, task.state_dir), { version = doc.version })
    local first = restart_point(task)
    for i = first, n do
      local rec = doc.stages[i]
      if rec and rec.status == "completed" then rec.status, rec.files, rec.attempts = "pending", nil, 0 end
    end
    if first == 1 then
      -- from the first stage: a fresh context, as a new run has
      task.context = { input = task.input }
      doc.context = snapshot(task.context, task.max_state)
    end
  end
  doc.fingerprint = task.fingerprint or doc.fingerprint
  doc.status = "running"
  doc.pid = core.getpid()
  save(task)
  for i, st in ipairs(p.stages) do
    task.stage, task.stage_index = st.name, i
    local rec = doc.stages[i]
    if not rec or rec.name ~= st.name then
      rec = { name = st.name, status = "pending", attempts = 0 }
      doc.stages[i] = rec
    end
    if task.resumed and rec.status == "completed" then
      task:emit("stage.skipped", "completed in an earlier run", { index = i, count = n }, 1)
      goto next_stage
    end
    if task.cancelled then break end
    do
      local attempt = 0
      while true do
        attempt = attempt + 1
        rec.status, rec.started, rec.attempts, rec.error, rec.files = "running", now(), (rec.attempts or 0) + 1, nil, nil
        save(task)
        task:emit("stage.started", st.name, { index = i, count = n, attempt = attempt }, 0)
        local t0 = core.hrtime()
        task.stage_files = {}
        task.in_stage = true
        local ok, err = xpcall(run_stage, on_stage_error, task, st)
        task.in_stage = false
        core.cancel_fiber(task.fiber, false)
        local files = task.stage_files
        task.stage_files = nil
        local ferr = task.fiber_error
        task.fiber_error = nil
        -- the stage's own error, unless it is the stop the failed fiber caused
        if ferr and (ok or tostring(err.message):find(FIBER_STOP, 1, true)) then
          ok, err = false, split_error(ferr.message)
          err.message = "a fiber it started (vg.go) failed: " .. err.message
          err.traceback = ferr.traceback
        end
        -- a scene model a stage left (ctx.videos) is held to the counts a
        -- document is, before it is saved: a million scenes fail here, by
        -- name, not after minutes writing a state file of 100 MB
        -- A stage of the script's (Lua, not native) is then held to the
        -- loader's validator, as a create plug-in's is: a table where text
        -- goes, a NaN duration or a metatable that raises fails here, naming
        -- the stage, not in a native stage or as a silent wrong video.
        local videos = ok and type(task.context) == "table" and rawget(task.context, "videos")
        if videos ~= nil and videos ~= false then
          local mb = require("vg.model_bounds")
          local over
          if st.native or p.model_checked then
            over = type(videos) == "table" and mb.over(videos, task.limits or core.limits())
          else
            over = mb.problems(videos, task.limits)
          end
          if over then
            ok, err = false, { code = "invalid_model", abort = true,
              message = "stage '" .. st.name .. "' left a scene model vgrun cannot use: " .. over }
          end
        end
        rec.ended = now()
        rec.duration = core.hrtime() - t0
        if ok then
          -- a stage is completed when what it made can be saved and found again
          -- (a task that keeps no state has nothing to save or check again)
          local snap, serr, recorded, ferr = true, nil, {}, nil
          if task.save_state then snap, serr = snapshot(task.context, task.max_state) end
          if snap and task.save_state then recorded, ferr = record_files(files) end
          if not snap or not recorded then
            ok, err = false, { message = "stage '" .. st.name .. "': " .. (serr or ferr) }
          else
            rec.status, rec.files = "completed", #recorded > 0 and recorded or nil
            if task.save_state then doc.context = snap end
            save(task)
            task:emit("stage.completed", st.name, { index = i, count = n, duration = rec.duration }, 1)
            break
          end
        end
        -- (a wait the interrupt cancelled before the task heard of it
        -- ends the same way: "cancelled", never a failure to fix)
        if not task.cancelled and type(err) == "table" and err.message == "cancelled"
            and core.interrupted() then
          task.cancelled = true
        end
        if task.cancelled then
          rec.status = "cancelled"
          rec.error = { code = "cancelled", message = "cancelled" }
          -- what the stage made before the cancel stopped it (a video its
          -- native call committed too late to be stopped) is on record, so
          -- no file of the task's is on disk that its state does not name;
          -- a resume runs the stage again (it is not completed)
          if task.save_state then rec.files = record_files(files_there(files)) end
          break
        end
        -- the server's watch stopped a stage that held the loop: said as
        -- such, and not tried again (it would hold it as long again)
        local held = core.is_overrun(err.message) and err.message:match("ran ([%d.]+) s without yielding")
        if held then
          err.code = "held_loop"
          err.message = string.format("stage '%s' ran %s s without yielding%s: stopped", st.name, held,
            err.file and string.format(" (%s:%s)", err.file, tostring(err.line)) or "")
        end
        local structured = { code = err.code or "stage_failed", stage = st.name, message = err.message,
          file = err.file, line = err.line, attempt = attempt }
        if attempt <= st.retries and not held and not err.abort then
          local delay = backoff_delay(st, attempt)
          rec.status, rec.error = "retrying", structured
          save(task)
          task:emit("stage.retrying", string.format("%s (attempt %d of %d, again in %.2gs)",
            err.message, attempt, st.retries + 1, delay), { index = i, count = n, attempt = attempt, delay = delay })
          local slept = pcall(core.sleep, delay)
          if not slept or task.cancelled then
            rec.status = "cancelled"
            break
          end
        else
          rec.status, rec.error = "failed", structured
          structured.traceback = err.traceback
          task.errors[#task.errors + 1] = structured
          save(task)
          task:emit("stage.failed", err.message, { index = i, count = n, attempts = attempt,
            file = err.file, line = err.line, on_error = st.on_error })
          if st.on_error == "abort" or err.abort then task.aborted = true end
          break
        end
      end
    end
    if task.cancelled or task.aborted then break end
    ::next_stage::
  end
  if task.cancelled and not all_completed(task) then
    finish(task, "cancelled", "cancelled")
  elseif task.aborted then
    finish(task, "failed", task.errors[#task.errors].message)
  else
    finish(task, "completed")
  end
end

local function make_id(name)
  local base = name:gsub("[^%w._-]", "-"):gsub("^[.-]+", ""):sub(1, 80)
  if base == "" then base = "task" end
  return string.format("%s-%s-%04x", base, os.date("!%Y%m%d-%H%M%S"), math.random(0, 0xffff))
end

local function result_of(task)
  return {
    success = task.status == "completed",
    status = task.status,
    task_id = task.id,
    context = task.context,
    errors = task.errors,
    state_path = task.save_state and state.path(task.id, task.state_dir) or nil,
  }
end

-- Errors a user causes when starting a task (an id in use, a state folder
-- that cannot be written): raised as a table with usage = message, so a
-- command can print the message alone, without a traceback.
local UserError = { __tostring = function(e) return e.message end }
M.UserError = UserError
local function user_error(msg, level)
  error(setmetatable({ message = msg, user = true }, UserError), level)
end

--- Launches ---------------------------------------------------------------
-- What one run of vgrun (a command, a script) hands the tasks it starts: how
-- to run it again (invocation), a resume request from `vgrun tasks resume`
-- ({task_id=, pipeline=}), and its own count of failed tasks. vg.cli makes
-- one per run and enters it for the run's extent; a task keeps the launch
-- that was current when it started, so nothing carries over to the next
-- run, and a request is taken only by the pipeline it names.
local current_launch = nil
local via_run = 0   -- 1 while p:run calls p:start (its errors point one level further up)

function M.new_launch(t)
  t = t or {}
  return { invocation = t.invocation, resume = t.resume, failed = 0 }
end

--- enter_launch(launch|nil) -> the previous one (to restore afterwards)
function M.enter_launch(launch)
  local prev = current_launch
  current_launch = launch
  return prev
end

function M.current_launch() return current_launch end

--- p:start(input, opts) -> task, at once. opts: task_id, resume, state_dir,
--- save_state (default true), invocation, fingerprint (what the task is made
--- from: name -> string; on resume a changed entry runs again the stages
--- that depend on it), launch (default: the run's, see above); the task's
--- own cache: cache (a vg.Cache), or cache_dir, no_cache, cache_max (bytes;
--- see vg.core.cache_new); limits (a table: vg.core.limits names them) over
--- the engine's, for this task's native stages; max_state_bytes (at most
--- vg.core.state_max_bytes, 256 MiB, the default): a context that would
--- take more fails its stage. Without them the engine's state folder, cache
--- and limits.
function Pipeline:start(input, opts)
  -- errors name the script's line: the caller of p:start, or of p:run
  local up = via_run
  via_run = 0
  opts = opts or {}
  -- a task's own state folder; the engine's folder stays as it is
  local dir = opts.state_dir
  if dir ~= nil then check_type(dir, "string", "p:start: state_dir", 3 + up) end
  local cache = opts.cache
  if cache ~= nil and (getmetatable(cache) or {}).__name ~= "vg.Cache" then
    error("p:start: cache: a vg.Cache expected (vg.core.cache_new{...}), got " .. type(cache), 2 + up)
  end
  if cache == nil and (opts.cache_dir ~= nil or opts.no_cache ~= nil or opts.cache_max ~= nil) then
    if opts.cache_dir ~= nil then check_type(opts.cache_dir, "string", "p:start: cache_dir", 3 + up) end
    cache = core.cache_new{ dir = opts.cache_dir or core.cache():dir(), off = opts.no_cache == true,
      max = opts.cache_max }
  end
  local limits
  if opts.limits ~= nil then
    check_type(opts.limits, "table", "p:start: limits", 3 + up)
    local err
    limits, err = core.limits_over(opts.limits)
    if not limits then user_error("p:start: " .. err, 2 + up) end
  end
  local max_state = opts.max_state_bytes
  if max_state ~= nil and (math.type(max_state) ~= "integer" or max_state < 1024 or max_state > core.state_max_bytes) then
    user_error(string.format("p:start: max_state_bytes: a whole number of bytes from 1024 to %d expected",
      core.state_max_bytes), 2 + up)
  end
  local id = opts.task_id
  local resume = opts.resume
  local launch = opts.launch or current_launch
  local pending = launch and launch.resume
  if pending and pending.pipeline == self.name and (id == nil or id == pending.task_id) then
    -- `vgrun tasks resume ID` re-ran what made task ID: this pipeline is the
    -- one that made it, so it takes the task over (once)
    id, resume = pending.task_id, true
    launch.resume = nil
    launch.resumed = pending.task_id
  end
  id = id or make_id(self.name)
  local valid, why = state.check_id(id)
  if not valid then error(why, 2 + up) end
  if opts.fingerprint ~= nil then
    check_type(opts.fingerprint, "table", "p:start: fingerprint", 3 + up)
    for k, v in pairs(opts.fingerprint) do
      if type(k) ~= "string" or type(v) ~= "string" then
        error("p:start: fingerprint: names (strings) to values (strings) expected", 2 + up)
      end
    end
  end
  if running[id] then user_error("task '" .. id .. "' is already running", 2 + up) end
  local lock
  if opts.save_state ~= false then
    local err
    lock, err = core.task_lock(id, dir)
    if not lock then user_error(err, 2 + up) end
  end
  local task = setmetatable({
    id = id, pipeline = self, status = "running", errors = {}, started = now(), launch = launch,
    save_state = opts.save_state ~= false, waiters = {}, lock = lock, input = input,
    fingerprint = opts.fingerprint, state_dir = dir, cache = cache, limits = limits,
    max_state = max_state or core.state_max_bytes,
  }, Task)
  local doc
  if resume and task.save_state then
    local err
    doc, err = state.load(id, dir)
    if err then
      -- a torn, damaged or foreign state file is never trusted: say so once,
      -- start over (the artifact cache keeps what the lost stages had made)
      notice(task, err .. "; starting task '" .. id .. "' over")
      doc = nil
    elseif doc and doc.pipeline ~= self.name then
      notice(task, string.format("%s was made by pipeline '%s', not '%s'; starting task '%s' over",
        state.path(id, dir), doc.pipeline, self.name, id))
      doc = nil
    end
  end
  if doc then
    task.resumed = true
    task.unsigned = context_unsigned(doc, id, dir)
    -- a copy: the stages change theirs in place, while doc.context stays
    -- what was saved (and signed) after the last completed stage
    local copy, cerr = snapshot(doc.context or { input = input }, task.max_state)
    task.context = copy or { input = input }
    if not copy then task.unsigned = task.unsigned or cerr end
    doc.stages = doc.stages or {}
    doc.errors = {}
    doc.resumes = (doc.resumes or 0) + 1
  else
    -- a fresh run of a known task: stages may compare with what it made last time
    if task.save_state and not resume then
      local old = state.load(id, dir)
      if type(old) == "table" then task.previous = old.context end
    end
    task.context = { input = input }
    doc = { task_id = id, pipeline = self.name, status = "pending", version = 0,
      created = now(), stages = {} }
    local snap, err = snapshot(task.context, task.max_state)
    if not snap and task.save_state then
      if lock then core.task_unlock(lock) end
      error("p:start: the input " .. err:gsub("^the context ", ""), 2)
    end
    doc.context = snap
  end
  doc.task_id = id
  doc.pipeline = self.name
  doc.invocation = opts.invocation or (launch and launch.invocation) or doc.invocation
  task.doc = doc
  running[id] = task
  task.co = core.go(function()
    -- a fiber a stage starts (vg.go) that ends with an error fails the
    -- stage running then: the task's work failed, it must not complete
    -- (task.co is set only when core.go returns, after the first wait)
    task.fiber = core.running_fiber()
    core.fiber_sink(function(msg, traceback)
      if task.done or not task.stage then return false end
      task.fiber_error = task.fiber_error or { message = msg, traceback = traceback }
      -- the stage ends now: a wait for what the fiber should have delivered
      -- (vg.sleep polling, vg.wait, vg.core.suspend) would never end
      if task.in_stage then core.cancel_fiber(task.fiber, FIBER_STOP) end
      return true
    end)
    local ok, err = xpcall(body, debug.traceback, task)
    if not ok then
      -- a bug in the orchestrator or a listener that escaped: never silent
      task.errors[#task.errors + 1] = { code = "internal", message = tostring(err) }
      pcall(finish, task, "failed", tostring(err))
    end
    task.done = true
    task.co = nil
    running[id] = nil
    if task.lock then core.task_unlock(task.lock); task.lock = nil end
    for _, l in ipairs(task.held or {}) do core.task_unlock(l) end
    task.held = nil
    for _, co in ipairs(task.waiters) do core.wake(co) end
  end)
  return task
end

--- p:run(input, opts) -> result (waits; other tasks go on meanwhile)
function Pipeline:run(input, opts)
  via_run = 1
  local task = self:start(input, opts)
  return M.wait(task)
end

function Task:wait() return M.wait(self) end

--- vg.wait(task, ...) -> result, ... : until every task has ended.
function M.wait(...)
  local tasks = table.pack(...)
  for i = 1, tasks.n do
    if getmetatable(tasks[i]) ~= Task then error("vg.wait: argument " .. i .. " is not a task", 2) end
  end
  if core.in_fiber() then
    local me = core.running_fiber()
    for i = 1, tasks.n do
      local t = tasks[i]
      while not t.done do
        t.waiters[#t.waiters + 1] = me
        core.suspend()
      end
    end
  else
    for i = 1, tasks.n do
      while not tasks[i].done do
        if not core.run_once() and not tasks[i].done then
          error("vg.wait: task '" .. tasks[i].id .. "' can never finish (nothing left to run)", 2)
        end
      end
    end
  end
  local results = {}
  for i = 1, tasks.n do results[i] = result_of(tasks[i]) end
  return table.unpack(results, 1, tasks.n)
end

--- vg.tasks(): the tasks running in this process.
function M.running()
  local list = {}
  for _, t in pairs(running) do list[#list + 1] = t end
  table.sort(list, function(a, b) return a.id < b.id end)
  return list
end

-- SIGINT/SIGTERM: C asks Lua to cancel every task before waking the waiters
-- (the engine's cancel hook calls this function).
core.on_cancel_all(function()
  for _, t in pairs(running) do t.cancelled = true end
end)

M.Task, M.Pipeline, M.Stage = Task, Pipeline, Stage
return M
