-- vg.pipeline: the orchestrator's policy. A task runs its pipeline's stages
-- in order in one fiber (a coroutine the engine resumes), so a stage that
-- waits (vg.sleep, vg.spawn, a native stage's work) lets other tasks go on.
-- Retries with backoff, abort/continue, cancellation, and state after every
-- step (resume skips completed stages) are decided here; the C engine
-- provides fibers, waiting, native stages, events and atomic state files.
local core = require("vg.core")
local events = require("vg.events")
local state = require("vg.state")

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

--- vg.stage{ name=, run=function(ctx, task) end | native="tts.synth",
---           options={...}, retries=0, backoff=0.5, on_error="abort"|"continue" }
function M.stage(def)
  check_type(def, "table", "vg.stage")
  check_type(def.name, "string", "vg.stage: name")
  if def.native then
    check_type(def.native, "string", "vg.stage: native")
    local found = false
    for _, s in ipairs(core.stages()) do if s.name == def.native then found = true end end
    if not found then
      local names = {}
      for _, s in ipairs(core.stages()) do names[#names + 1] = s.name end
      error(string.format("vg.stage '%s': no native stage '%s' (have: %s)", def.name, def.native,
        #names > 0 and table.concat(names, ", ") or "none"), 2)
    end
  else
    check_type(def.run, "function", "vg.stage '" .. def.name .. "': run")
  end
  local retries = def.retries or 0
  if type(retries) ~= "number" or retries < 0 or retries ~= math.floor(retries) then
    error("vg.stage '" .. def.name .. "': retries must be a whole number >= 0", 2)
  end
  local on_error = def.on_error or "abort"
  if on_error ~= "abort" and on_error ~= "continue" then
    error("vg.stage '" .. def.name .. "': on_error must be \"abort\" or \"continue\"", 2)
  end
  return setmetatable({
    name = def.name, run = def.run, native = def.native, options = def.options,
    retries = retries, backoff = def.backoff or 0.5, on_error = on_error,
    description = def.description,
  }, Stage)
end

--- vg.native(name, opts): a stage running the native stage `name`.
function M.native(name, opts)
  opts = opts or {}
  return M.stage({ name = opts.name or name, native = name, options = opts.options,
    retries = opts.retries, backoff = opts.backoff, on_error = opts.on_error })
end

--- vg.pipeline{ name=, stages={ vg.stage{...} | {name=, run=} | function, ... } }
function M.pipeline(def)
  check_type(def, "table", "vg.pipeline")
  local name = def.name or "pipeline"
  check_type(name, "string", "vg.pipeline: name")
  check_type(def.stages, "table", "vg.pipeline '" .. name .. "': stages")
  local stages, seen = {}, {}
  for i, s in ipairs(def.stages) do
    if type(s) == "function" then s = M.stage({ name = "stage" .. i, run = s })
    elseif getmetatable(s) ~= Stage then s = M.stage(s) end
    if seen[s.name] then error(string.format("vg.pipeline '%s': two stages named '%s'", name, s.name), 2) end
    seen[s.name] = true
    stages[i] = s
  end
  return setmetatable({ name = name, stages = stages }, Pipeline)
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

--- Orchestration ------------------------------------------------------------
local function split_error(e)
  if type(e) == "table" then return e end
  local msg = tostring(e)
  local file, line, rest = msg:match("^([^\n]-):(%d+): (.*)$")
  return { message = msg, file = file, line = tonumber(line), text = rest or msg }
end

local function on_stage_error(e)
  local err = split_error(e)
  err.traceback = debug.traceback(nil, 2)
  return err
end

local function now() return core.now() end

local function save(task)
  if not task.save_state then return end
  local ok, err = state.save(task.doc)
  if ok then
    task:emit("state.saved", nil, { path = state.path(task.id), version = task.doc.version })
  else
    -- the task goes on; the problem is reported, not hidden
    task:emit("validation.error", err)
    io.stderr:write("vgrun: ", err, "\n")
  end
end

local function run_stage(task, st)
  if st.native then
    return core.run_native(st.native, task.context, st.options, task.id, st.name)
  end
  return st.run(task.context, task)
end

local function backoff_delay(st, attempt)
  return math.min(30, st.backoff * 2 ^ (attempt - 1))
end

local function finish(task, status, message)
  local doc = task.doc
  if status == "failed" then M.failed_tasks = (M.failed_tasks or 0) + 1 end
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

local function body(task)
  local p = task.pipeline
  local n = #p.stages
  local doc = task.doc
  task:emit("pipeline.started", p.name, { pipeline = p.name, stages = n, resumed = task.resumed }, 0)
  if task.resumed then
    task:emit("state.restored", "resumed from " .. state.path(task.id), { version = doc.version })
  end
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
        rec.status, rec.started, rec.attempts, rec.error = "running", now(), (rec.attempts or 0) + 1, nil
        save(task)
        task:emit("stage.started", st.name, { index = i, count = n, attempt = attempt }, 0)
        local t0 = core.hrtime()
        local ok, err = xpcall(run_stage, on_stage_error, task, st)
        rec.ended = now()
        rec.duration = core.hrtime() - t0
        if ok then
          rec.status = "completed"
          doc.context = task.context
          save(task)
          task:emit("stage.completed", st.name, { index = i, count = n, duration = rec.duration }, 1)
          break
        end
        if task.cancelled then
          rec.status = "cancelled"
          rec.error = { code = "cancelled", message = "cancelled" }
          break
        end
        local structured = { code = "stage_failed", stage = st.name, message = err.message,
          file = err.file, line = err.line, attempt = attempt }
        if attempt <= st.retries then
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
          if st.on_error == "abort" then task.aborted = true end
          break
        end
      end
    end
    if task.cancelled or task.aborted then break end
    ::next_stage::
  end
  if task.cancelled then
    finish(task, "cancelled", "cancelled")
  elseif task.aborted then
    finish(task, "failed", task.errors[#task.errors].message)
  else
    finish(task, "completed")
  end
end

local function make_id(name)
  local base = name:gsub("[^%w._-]", "-"):sub(1, 80)
  return string.format("%s-%s-%04x", base, os.date("!%Y%m%d-%H%M%S"), math.random(0, 0xffff))
end

local function result_of(task)
  return {
    success = task.status == "completed",
    status = task.status,
    task_id = task.id,
    context = task.context,
    errors = task.errors,
    state_path = task.save_state and state.path(task.id) or nil,
  }
end

--- p:start(input, opts) -> task, at once. opts: task_id, resume, state_dir,
--- save_state (default true), invocation.
function Pipeline:start(input, opts)
  opts = opts or {}
  if opts.state_dir then state.dir(opts.state_dir) end
  local id = opts.task_id
  local resume = opts.resume
  local pending = M.resume_request
  if pending and (id == nil or id == pending) then
    -- `vgrun tasks resume ID` re-ran the script that made task ID
    id, resume = pending, true
    M.resume_request = nil
  end
  id = id or make_id(self.name)
  if not state.valid_id(id) then
    error(string.format("invalid task id '%s': use 1 to 128 of A-Z a-z 0-9 . _ -", tostring(id)), 2)
  end
  if running[id] then error("task '" .. id .. "' is already running", 2) end
  local lock
  if opts.save_state ~= false then
    local err
    lock, err = core.task_lock(id)
    if not lock then error(err, 2) end
  end
  local task = setmetatable({
    id = id, pipeline = self, status = "running", errors = {}, started = now(),
    save_state = opts.save_state ~= false, waiters = {}, lock = lock,
  }, Task)
  local doc
  if resume and task.save_state then
    local err
    doc, err = state.load(id)
    if err then
      -- a torn or damaged state file is never trusted: say so, start over
      -- (the artifact cache keeps what the lost stages had made)
      local msg = err .. "; starting task '" .. id .. "' over"
      io.stderr:write("vgrun: warning: ", msg, "\n")
      events.emit({ type = "validation.warning", task_id = id, message = msg })
      doc = nil
    end
  end
  if doc then
    task.resumed = true
    task.context = doc.context or { input = input }
    doc.stages = doc.stages or {}
    doc.errors = {}
    doc.resumes = (doc.resumes or 0) + 1
  else
    -- a fresh run of a known task: stages may compare with what it made last time
    if task.save_state then
      local old = state.load(id)
      if type(old) == "table" then task.previous = old.context end
    end
    task.context = { input = input }
    doc = { task_id = id, pipeline = self.name, status = "pending", version = 0,
      created = now(), stages = {}, context = task.context }
  end
  doc.invocation = opts.invocation or M.invocation or doc.invocation
  task.doc = doc
  running[id] = task
  task.co = core.go(function()
    local ok, err = xpcall(body, debug.traceback, task)
    if not ok then
      -- a bug in the orchestrator or a listener that escaped: never silent
      task.errors[#task.errors + 1] = { code = "internal", message = tostring(err) }
      pcall(finish, task, "failed", tostring(err))
    end
    task.done = true
    task.co = nil
    running[id] = nil
    if task.lock then core.task_unlock(task.lock, id); task.lock = nil end
    for _, co in ipairs(task.waiters) do core.wake(co) end
  end)
  return task
end

--- p:run(input, opts) -> result (waits; other tasks go on meanwhile)
function Pipeline:run(input, opts)
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

-- SIGINT/SIGTERM: C asks Lua to cancel every task before waking the waiters.
debug.getregistry()["vg.cancel_all"] = function()
  for _, t in pairs(running) do t.cancelled = true end
end

M.Task, M.Pipeline, M.Stage = Task, Pipeline, Stage
return M
