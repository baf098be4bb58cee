-- vg.state: what a task's state document holds. Storage (atomic JSON files
-- under <state_dir>/tasks) is C's (engine/core/state.c); the shape is here.
--
-- { task_id, pipeline, status = pending|running|completed|failed|cancelled,
--   version (bumped at every save), created, updated, pid, resumes,
--   fingerprint = { name = string }            -- what it was made from (resume compares)
--   invocation = { argv = {...}, cwd = ... }   -- how to resume it
--   stages = { {name, status, started, ended, duration, attempts, error,
--              files = { {path, role = in|out, size, sha256} }} },
--   context = {...}                            -- after the last completed stage
--   context_mac = hex                          -- its signature (vg.pipeline): a resume takes
--                                              -- only a context this user's vgrun saved
--   errors = {...} }
local core = require("vg.core")

local M = {}

M.STATUSES = { pending = true, running = true, completed = true, failed = true, cancelled = true }

function M.dir(set) return core.state_dir(set) end
function M.path(id, dir) return core.state_path(id, dir) end
function M.valid_id(id) return type(id) == "string" and core.task_id_valid(id) end
--- The one check of a task id (create, tasks, Pipeline:start): true | nil, message
function M.check_id(id) return core.task_id_check(id) end

--- The schema of a task document. A state file is untrusted data: every
--- field a reader uses is checked here, so what load returns can be used
--- without further checks. Optional fields may be absent or null (read as
--- absent); unknown fields are kept and not used.
local null = core.null
local STAGE_STATUSES = { pending = true, running = true, retrying = true, completed = true,
  failed = true, cancelled = true }

local function is_int(v) return math.type(v) == "integer" or (type(v) == "number" and v == math.floor(v) and v == v and v ~= math.huge and v ~= -math.huge) end
local function is_num(v) return type(v) == "number" and v == v and v ~= math.huge and v ~= -math.huge end
local function is_list(t)
  if type(t) ~= "table" then return false end
  local n = #t
  for k in pairs(t) do if math.type(k) ~= "integer" or k < 1 or k > n then return false end end
  return true
end

-- Drops the null-valued optional fields of t (they read as absent).
local function drop_nulls(t, optional)
  for _, k in ipairs(optional) do if t[k] == null then t[k] = nil end end
end

local function check_error(e, where)
  if type(e) ~= "table" then return where .. ": an object expected" end
  drop_nulls(e, { "message", "code", "stage", "file", "line", "attempt", "traceback" })
  if e.message ~= nil and type(e.message) ~= "string" then return where .. ".message: a string expected" end
  if e.code ~= nil and type(e.code) ~= "string" and not is_int(e.code) then return where .. ".code: a string expected" end
  for _, k in ipairs({ "stage", "file", "traceback" }) do
    if e[k] ~= nil and type(e[k]) ~= "string" then return where .. "." .. k .. ": a string expected" end
  end
  for _, k in ipairs({ "line", "attempt" }) do
    if e[k] ~= nil and not is_int(e[k]) then return where .. "." .. k .. ": a whole number expected" end
  end
end

--- Checks a document read from tasks/<id>.json: nil, or what is wrong.
function M.check(doc, id)
  if type(doc) ~= "table" then return "not a JSON object" end
  if doc.task_id ~= id then
    if type(doc.task_id) ~= "string" then return "task_id: the string '" .. id .. "' expected" end
    return "task_id: '" .. doc.task_id .. "' is not this file's task ('" .. id .. "')"
  end
  if type(doc.pipeline) ~= "string" then return "pipeline: a string expected" end
  if not M.STATUSES[doc.status] then return "status: one of pending, running, completed, failed, cancelled expected" end
  if not is_int(doc.version) or doc.version < 0 then return "version: a whole number >= 0 expected" end
  drop_nulls(doc, { "created", "updated", "ended", "pid", "resumes", "invocation", "stages", "context",
    "errors", "fingerprint", "context_mac" })
  for _, k in ipairs({ "created", "updated", "ended" }) do
    if doc[k] ~= nil and not is_num(doc[k]) then return k .. ": a time (number) expected" end
  end
  for _, k in ipairs({ "pid", "resumes" }) do
    if doc[k] ~= nil and (not is_int(doc[k]) or doc[k] < 0) then return k .. ": a whole number >= 0 expected" end
  end
  local inv = doc.invocation
  if inv ~= nil then
    if type(inv) ~= "table" then return "invocation: an object expected" end
    drop_nulls(inv, { "cwd" })
    if not is_list(inv.argv) then return "invocation.argv: a list of strings expected" end
    for i, a in ipairs(inv.argv) do
      if type(a) ~= "string" then return "invocation.argv[" .. i .. "]: a string expected" end
    end
    if inv.cwd ~= nil and type(inv.cwd) ~= "string" then return "invocation.cwd: a string expected" end
  end
  if doc.stages ~= nil then
    if not is_list(doc.stages) then return "stages: a list expected" end
    for i, s in ipairs(doc.stages) do
      local w = "stages[" .. i .. "]"
      if type(s) ~= "table" then return w .. ": an object expected" end
      drop_nulls(s, { "started", "ended", "duration", "attempts", "error", "files" })
      if type(s.name) ~= "string" then return w .. ".name: a string expected" end
      if not STAGE_STATUSES[s.status] then return w .. ".status: a stage status expected" end
      for _, k in ipairs({ "started", "ended", "duration" }) do
        if s[k] ~= nil and not is_num(s[k]) then return w .. "." .. k .. ": a number expected" end
      end
      if s.attempts ~= nil and (not is_int(s.attempts) or s.attempts < 0) then
        return w .. ".attempts: a whole number >= 0 expected"
      end
      if s.error ~= nil then
        local err = check_error(s.error, w .. ".error")
        if err then return err end
      end
      if s.files ~= nil then
        if not is_list(s.files) then return w .. ".files: a list expected" end
        for j, f in ipairs(s.files) do
          local fw = w .. ".files[" .. j .. "]"
          if type(f) ~= "table" or type(f.path) ~= "string" or (f.role ~= "in" and f.role ~= "out")
            or not is_int(f.size) or type(f.sha256) ~= "string" then
            return fw .. ": { path, role = in|out, size, sha256 } expected"
          end
        end
      end
    end
  end
  if doc.context ~= nil and type(doc.context) ~= "table" then return "context: an object expected" end
  if doc.errors ~= nil then
    if not is_list(doc.errors) then return "errors: a list expected" end
    for i, e in ipairs(doc.errors) do
      local err = check_error(e, "errors[" .. i .. "]")
      if err then return err end
    end
  end
  if doc.context_mac ~= nil and type(doc.context_mac) ~= "string" then return "context_mac: a string expected" end
  if doc.fingerprint ~= nil then
    if type(doc.fingerprint) ~= "table" then return "fingerprint: an object expected" end
    for k, v in pairs(doc.fingerprint) do
      if type(k) ~= "string" or type(v) ~= "string" then return "fingerprint: names to strings expected" end
    end
  end
  return nil
end

--- Loads a task document: doc | nil (absent) | nil, err (corrupt, unreadable,
--- or not a task document: err says which file and what is wrong)
function M.load(id, dir)
  local doc, err = core.state_load(id, dir)
  if not doc then return nil, err end
  local bad = M.check(doc, id)
  if bad then return nil, string.format("%s: not a valid task state: %s", M.path(id, dir), bad) end
  return doc
end

--- Saves a document as task `id` atomically; bumps its version. The file is
--- always tasks/<id>.json: the id given, never one read from the document.
--- dir: a task's own state folder (nil: the engine's). -> true | nil, err
function M.save(id, doc, dir)
  if type(id) == "table" and doc == nil then id, doc = id.task_id, id end  -- older M.save(doc)
  local ok, err = M.check_id(id)
  if not ok then return nil, err end
  doc.task_id = id
  doc.version = (is_int(doc.version) and doc.version or 0) + 1
  doc.updated = core.now()
  return core.state_save(id, doc, dir)
end

function M.remove(id, dir) return core.state_remove(id, dir) end

--- Every task id in the state directory, sorted.
function M.list(dir) return core.state_list(dir) end

-- Whether a file that does not load was a task's state file: it still
-- names its task and pipeline where vgrun writes them.
-- Only a regular file is read, never through a link: opening a FIFO put
-- there would wait for a writer for ever (and a link's target is not the
-- folder's file).
local function was_state(id)
  local f = core.open_regular(M.path(id), true)
  if not f then return false end
  local head = f:read(65536) or ""
  f:close()
  return head:find('"task_id"%s*:%s*"' .. id:gsub("%p", "%%%0") .. '"') ~= nil and head:find('"pipeline"', 1, true) ~= nil
end

--- Removes finished tasks last updated more than `age` seconds ago.
-- Returns the ids removed, and the problems met.
function M.clean(age, opts)
  opts = opts or {}
  local removed, problems = {}, {}
  local cutoff = core.now() - age
  for _, id in ipairs(M.list()) do
    local doc, err = M.load(id)
    if doc then
      -- a task whose lock is held is running, whatever its file says
      local held = core.task_lock_probe(id)
      local finished = doc.status ~= "running" and doc.status ~= "pending"
      if held ~= true and (finished or opts.all) and (doc.updated or 0) < cutoff then
        M.remove(id)
        removed[#removed + 1] = id
      end
    elseif err then
      -- only a file that was a task's state goes: a JSON file of the
      -- user's (a --state-dir given by mistake) names no task and stays
      if opts.corrupt and was_state(id) then
        M.remove(id); removed[#removed + 1] = id
      elseif opts.corrupt then
        problems[#problems + 1] = string.format("%s: names no vgrun task; left as it is", M.path(id))
      else
        problems[#problems + 1] = err
      end
    end
  end
  return removed, problems
end

--- "7d", "12h", "30m", "45s", "3600" -> seconds
function M.parse_age(s)
  local n, unit = tostring(s):match("^(%d+%.?%d*)([smhdw]?)$")
  if not n then return nil end
  local mult = ({ s = 1, m = 60, h = 3600, d = 86400, w = 604800 })[unit] or 1
  -- in floating point: an integer product wraps past 2^63 ("999999999999999d"
  -- became a negative age, older than which every task and cache entry is)
  local age = tonumber(n) * 1.0 * mult
  if age == math.huge then return nil end
  return math.tointeger(age) or age
end

return M
