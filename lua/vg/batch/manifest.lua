-- vg.batch.manifest: what a batch did, as JSON lines under OUTDIR. Each
-- shard appends to a file of its own (manifest-I-of-N.jsonl), so shards on
-- many machines never write the same file; `batch status` reads them all.
-- A line is written whole with one write(2) and synced; a reader skips a
-- torn or foreign line. The plan (plan.json, written atomically) is the
-- list of documents and their shards, so status knows what is pending.
local core = require("vg.core")

local M = {}

M.DIR = ".vgrun-batch"   -- hidden: no document's output can be named so

function M.dir(outdir) return outdir .. "/" .. M.DIR end
function M.path(outdir, i, n) return string.format("%s/manifest-%d-of-%d.jsonl", M.dir(outdir), i, n) end
function M.plan_path(outdir) return M.dir(outdir) .. "/plan.json" end

local opened = {}   -- path -> true once checked for a torn last line

-- The last byte of a file, nil when empty or missing.
local function last_byte(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local size = f:seek("end")
  local b
  if size and size > 0 then f:seek("set", size - 1); b = f:read(1) end
  f:close()
  return b
end

--- append(path, record) -> true | nil, message. In a fiber the file is
--- then synced (fdatasync through coreutils' sync: Lua has no fsync).
function M.append(path, rec)
  local line = core.json_encode(rec):gsub("\n", " ") .. "\n"
  if not opened[path] then
    -- a line torn by a crash is left as it is, and ours starts on a new line
    local b = last_byte(path)
    if b and b ~= "\n" then line = "\n" .. line end
    opened[path] = true
  end
  local f, err = io.open(path, "ab")
  if not f then return nil, err end
  f:setvbuf("no")   -- one write(2) per line: whole lines even beside other writers
  local ok, werr = f:write(line)
  f:close()
  if not ok then return nil, werr end
  if core.in_fiber() then pcall(core.spawn, "sync", { "--data", path }) end
  return true
end

local STATUSES = { done = true, failed = true }

-- A record read from a file is untrusted: only the shape a reader uses.
local function valid(r)
  if type(r) ~= "table" or type(r.input) ~= "string" or not STATUSES[r.status] then return false end
  for _, k in ipairs({ "seconds", "made_scenes", "cached_scenes", "time" }) do
    if r[k] ~= nil and r[k] ~= core.null and (type(r[k]) ~= "number" or r[k] ~= r[k]) then return false end
  end
  if r.error ~= nil and r.error ~= core.null and type(r.error) ~= "string" then return false end
  for _, k in ipairs({ "outputs", "inputs" }) do
    local l = r[k]
    if l ~= nil and l ~= core.null then
      if type(l) ~= "table" then return false end
      for _, f in ipairs(l) do
        if type(f) ~= "table" or type(f.path) ~= "string" or math.type(f.size) ~= "integer" then return false end
        if f.sha256 ~= nil and type(f.sha256) ~= "string" then return false end
      end
    end
  end
  if r.error == core.null then r.error = nil end
  return true
end

--- read_all(outdir) -> latest record per input (rel), files read, lines
--- skipped, and the message of the first manifest that cannot be read (a
--- FIFO, a device, a link, unreadable): nil when each was read
function M.read_all(outdir)
  local latest, files, skipped, bad = {}, 0, 0, nil
  local dir = M.dir(outdir)
  local entries = core.scandir(dir) or {}
  table.sort(entries, function(a, b) return a.name < b.name end)
  for _, e in ipairs(entries) do
    if e.name:match("^manifest%-%d+%-of%-%d+%.jsonl$") then
      local f, err = core.open_regular(dir .. "/" .. e.name)
      if not f then bad = bad or err end
      if f then
        files = files + 1
        for line in f:lines() do
          if line:match("%S") then
            local r = core.json_decode(line)
            if valid(r) then
              local old = latest[r.input]
              if not old or (tonumber(r.time) or 0) >= (tonumber(old.time) or 0) then latest[r.input] = r end
            else
              skipped = skipped + 1
            end
          end
        end
        f:close()
      end
    end
  end
  return latest, files, skipped, bad
end

--- write_plan(outdir, docs, n, options)
function M.write_plan(outdir, docs, n, options)
  local list = {}
  for k, d in ipairs(docs) do list[k] = { input = d.rel, path = d.path, kind = d.kind, size = d.size, shard = d.shard } end
  local text = core.json_encode({ version = 1, shards = n, options = options, documents = require("vg").json.array(list) })
  return core.write_atomic(M.plan_path(outdir), text .. "\n")
end

--- read_plan(outdir) -> plan | nil (absent or not valid) | nil, message
--- (there but not a regular file, or unreadable)
function M.read_plan(outdir)
  local f, err, kind = core.open_regular(M.plan_path(outdir))
  if not f then return nil, kind ~= "missing" and err or nil end
  local text = f:read("a")
  f:close()
  local p = core.json_decode(text or "")
  if type(p) ~= "table" or type(p.documents) ~= "table" or math.type(p.shards) ~= "integer" then return nil end
  for _, d in ipairs(p.documents) do
    if type(d) ~= "table" or type(d.input) ~= "string" or math.type(d.shard) ~= "integer" then return nil end
  end
  return p
end

return M
