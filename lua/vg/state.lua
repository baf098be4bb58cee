-- vg.state: what a task's state document holds. Storage (atomic JSON files
-- under <state_dir>/tasks) is C's (engine/state.c); the shape is here.
--
-- { task_id, pipeline, status = pending|running|completed|failed|cancelled,
--   version (bumped at every save), created, updated, pid,
--   invocation = { argv = {...}, cwd = ... }   -- how to resume it
--   stages = { {name, status, started, ended, duration, attempts, error} },
--   context = {...}                            -- after the last completed stage
--   errors = {...} }
local core = require("vg.core")

local M = {}

M.STATUSES = { pending = true, running = true, completed = true, failed = true, cancelled = true }

function M.dir(set) return core.state_dir(set) end
function M.path(id) return core.state_path(id) end
function M.valid_id(id) return type(id) == "string" and core.task_id_valid(id) end

--- Loads a task document: doc | nil (absent) | nil, err (corrupt/unreadable)
function M.load(id) return core.state_load(id) end

--- Saves a document atomically; bumps its version. -> true | nil, err
function M.save(doc)
  doc.version = (doc.version or 0) + 1
  doc.updated = core.now()
  return core.state_save(doc.task_id, doc)
end

function M.remove(id) return core.state_remove(id) end

--- Every task id in the state directory, sorted.
function M.list() return core.state_list() end

--- Removes finished tasks last updated more than `age` seconds ago.
-- Returns the ids removed, and the problems met.
function M.clean(age, opts)
  opts = opts or {}
  local removed, problems = {}, {}
  local cutoff = core.now() - age
  for _, id in ipairs(M.list()) do
    local doc, err = M.load(id)
    if doc then
      local finished = doc.status ~= "running" and doc.status ~= "pending"
      if (finished or opts.all) and (doc.updated or 0) < cutoff then
        M.remove(id)
        removed[#removed + 1] = id
      end
    elseif err then
      problems[#problems + 1] = err
      if opts.corrupt then M.remove(id); removed[#removed + 1] = id end
    end
  end
  return removed, problems
end

--- "7d", "12h", "30m", "45s", "3600" -> seconds
function M.parse_age(s)
  local n, unit = tostring(s):match("^(%d+%.?%d*)([smhdw]?)$")
  if not n then return nil end
  local mult = ({ s = 1, m = 60, h = 3600, d = 86400, w = 604800 })[unit] or 1
  return tonumber(n) * mult
end

return M
