-- vgrun cache info|clean|prune: the artifact cache (narration clips, video
-- segments, audio tracks), keyed by the hash of what made them.
-- Clean removes only what matches the cache's own naming (engine/cache.c,
-- docs/cache.md), and only in a folder that is a vgrun cache: one with the
-- vgrun-cache marker, or one that holds nothing but what an older vgrun made
-- (it is then marked). Anything else in the folder is left alone.
local core = require("vg.core")
local state = require("vg.state")

local USAGE = [[
usage: vgrun cache info                         where the cache is, entries and size by kind, limit
       vgrun cache clean [--older-than AGE] [--all]
                                                remove entries not used for AGE (default 30d;
                                                units s m h d w); --all empties the cache
       vgrun cache prune [--max SIZE] [--grace AGE]
                                                remove the least recently used entries until the
                                                cache is under SIZE (default: the limit), sparing
                                                entries used in the last AGE (default 10m)
The cache is $VGRUN_CACHE_DIR, else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun.
Its limit is $VGRUN_CACHE_MAX, else cache_max in the config file, else 4G
(bytes, or with K M G T; 0 = no limit); `vgrun create` prunes to it after a run.
Only files vgrun made are removed; a folder that is not a vgrun cache is refused.
]]

local DEFAULT_MAX = 4 * 1024 ^ 3
local GRACE = 600  -- another process may be using an entry it found this recently

--- parse_size("500M") -> bytes, or nil. Bytes, or K M G T (powers of 1024,
-- "500M", "500MB", "500MiB" alike); 0 means no limit.
local function parse_size(v)
  if math.type(v) == "integer" and v >= 0 then return v end
  if type(v) ~= "string" then return nil end
  local n, unit = v:lower():match("^%s*(%d+%.?%d*)%s*([kmgt]?)i?b?%s*$")
  if not n then return nil end
  local mult = ({ [""] = 1, k = 1024, m = 1024 ^ 2, g = 1024 ^ 3, t = 1024 ^ 4 })[unit]
  local bytes = math.floor(tonumber(n) * mult)
  if bytes ~= bytes or bytes >= 2 ^ 62 then return nil end
  return math.tointeger(bytes)
end

--- limit() -> bytes (0 = none), "where it came from"; or nil, message.
-- VGRUN_CACHE_MAX wins over the config file's cache_max.
local function limit()
  local env = os.getenv("VGRUN_CACHE_MAX")
  if env and env ~= "" then
    local n = parse_size(env)
    if not n then return nil, "VGRUN_CACHE_MAX=" .. env .. ": wants bytes or a size like 500M, 4G (0 = no limit)" end
    return n, "VGRUN_CACHE_MAX"
  end
  local ok, v, where = pcall(function() return require("vg.config").get("cache_max") end)
  if not ok then return nil, type(v) == "table" and tostring(v.usage) or tostring(v) end
  if v ~= nil then
    local n = parse_size(v)
    if not n then return nil, string.format("%s: cache_max = %s: wants bytes or a size like 500M, 4G (0 = no limit)", where, tostring(v)) end
    return n, where
  end
  return DEFAULT_MAX, "default"
end

local function human(n)
  local units = { "B", "KiB", "MiB", "GiB", "TiB" }
  local i = 1
  while n >= 1024 and i < #units do n = n / 1024; i = i + 1 end
  return i == 1 and string.format("%d %s", n, units[i]) or string.format("%.1f %s", n, units[i])
end

local HEX2 = "^%x%x$"
local function is_key(s) return #s >= 8 and #s <= 128 and s:match("^[0-9a-f]+$") ~= nil end
-- "<key><suffix>": a hex key, then nothing or "." and 1 to 8 letters or digits
local function split_name(name)
  local key, suffix = name:match("^([0-9a-f]+)(%.%w+)$")
  if not key then key, suffix = name, "" end
  if not is_key(key) or #suffix > 9 then return nil end
  return key, suffix
end
-- tmp names: vgrun-<host>-<pid>-<16 hex>, then a suffix or ".stage"
local function is_tag(s) return s:match("^[%w%-]+%-%d+%-%x+$") ~= nil and #s:match("(%x+)$") == 16 end
-- -> true, its tag (nil for an older vgrun's name); or false
local function tmp_name(name)
  local base = name:match("^vgrun%-(.-)%.stage$") or name:match("^vgrun%-(.-)%.%w+$") or name:match("^vgrun%-(.+)$")
  if base and is_tag(base) then return true, base end
  return name:match("^%d+%-%d+%.%w+$") ~= nil  -- an older vgrun's: <pid>-<n><suffix>
end

local function list(dir)
  local t = core.scandir(dir)
  return t or {}
end

-- An entry folder (or a stage, or a quarantined entry) holds data<suffix>
-- and sum, nothing else: returns its files, or nil when anything else is there.
local function entry_files(path)
  local files, size, mtime = {}, 0, 0
  for _, f in ipairs(list(path)) do
    if f.dir or not (f.name == "sum" or f.name:match("^data%.%w+$") or f.name == "data") then return nil end
    files[#files + 1] = path .. "/" .. f.name
    size = size + (f.size or 0)
    if f.name ~= "sum" then mtime = f.mtime or 0 end
  end
  return files, size, mtime
end

-- Everything vgrun made in the cache: { entries = {...}, tmp = {...} }.
-- An entry: { files = {...}, dir = folder to remove after them or nil,
-- size, mtime, kind, old = format 1 }.
local function scan(dir)
  local entries, tmp = {}, {}
  -- format 2: v2/<k2>/<key><suffix>/{data<suffix>, sum}
  for _, sub in ipairs(list(dir .. "/v2")) do
    if sub.dir and sub.name:match(HEX2) then
      local subdir = dir .. "/v2/" .. sub.name
      for _, e in ipairs(list(subdir)) do
        local key, suffix = split_name(e.name)
        if e.dir and key and key:sub(1, 2) == sub.name then
          local files, size, mtime = entry_files(subdir .. "/" .. e.name)
          if files then
            entries[#entries + 1] = { files = files, dir = subdir .. "/" .. e.name, size = size,
              mtime = mtime, kind = suffix:sub(2) ~= "" and suffix:sub(2) or "other" }
          end
        end
      end
    end
  end
  -- format 1 (an older vgrun): <k2>/<key><suffix> with <key><suffix>.sum beside it
  for _, sub in ipairs(list(dir)) do
    if sub.dir and sub.name:match(HEX2) then
      local subdir, sums, old = dir .. "/" .. sub.name, {}, {}
      for _, f in ipairs(list(subdir)) do
        if not f.dir and f.size then
          -- <key><suffix>, then ".sum" (its checksum), then ".tmp.<pid>.<n>" (half written)
          local plain = f.name:match("^(.-)%.tmp%.%d+%.%d+$") or f.name
          local base = plain:match("^(.-)%.sum$") or (plain ~= f.name and plain or nil)
          local key = split_name(base or f.name)
          if key and key:sub(1, 2) == sub.name then
            if base then sums[#sums + 1] = { path = subdir .. "/" .. f.name, base = base, size = f.size, mtime = f.mtime }
            else old[f.name] = { files = { subdir .. "/" .. f.name }, size = f.size, mtime = f.mtime or 0,
              kind = f.name:match("%.(%w+)$") or "other", old = true } end
          end
        end
      end
      for _, s in ipairs(sums) do
        local e = old[s.base]
        if e then e.files[#e.files + 1] = s.path; e.size = e.size + s.size
        else tmp[#tmp + 1] = { files = { s.path }, mtime = s.mtime or 0, size = s.size } end
      end
      for _, e in pairs(old) do entries[#entries + 1] = e end
    end
  end
  -- a file or an entry folder in tmp/ or quarantine/
  local function aside(path, f, writer)
    if f.dir then
      local files, size = entry_files(path)
      if files then tmp[#tmp + 1] = { files = files, dir = path, size = size, mtime = f.mtime or 0, writer = writer } end
    elseif f.size then
      tmp[#tmp + 1] = { files = { path }, size = f.size, mtime = f.mtime or 0, writer = writer }
    end
  end
  -- tmp/: files and stages being made (or left by a killed run); writer:
  -- the tag (host, pid) of the process making it
  for _, f in ipairs(list(dir .. "/tmp")) do
    local ok, tag = tmp_name(f.name)
    if ok then
      local path = dir .. "/tmp/" .. f.name
      aside(path, f, tag)
    end
  end
  -- quarantine/: damaged entries moved aside, <key><suffix>-<tag>
  for _, f in ipairs(list(dir .. "/quarantine")) do
    local name, tag = f.name:match("^([0-9a-f]+%.?%w*)%-(.+)$")
    if name and split_name(name) and is_tag(tag) then
      local path = dir .. "/quarantine/" .. f.name
      aside(path, f)
    end
  end
  return entries, tmp
end

-- 0 when the folder may be read as a cache; else prints why and returns 2
local function check(cmd, dir)
  local found, err = core.scandir(dir)
  if not found then
    if tostring(err):match("no such file or directory$") then return 0, true end  -- nothing there yet
    io.stderr:write("vgrun cache " .. cmd .. ": " .. tostring(err) .. "\n")
    return 2
  end
  local ok, err = core.cache_ready()
  if not ok then
    io.stderr:write("vgrun cache " .. cmd .. ": " .. err .. "; nothing " ..
      (cmd == "info" and "read" or "removed") .. "\n")
    return 2
  end
  return 0
end

local function info()
  local dir = core.cache_dir()
  local rc, missing = check("info", dir)
  if rc ~= 0 then return rc end
  local list_, kinds, total, old = missing and {} or scan(dir), {}, 0, 0
  for _, e in ipairs(list_) do
    local k = kinds[e.kind] or { n = 0, size = 0 }
    k.n, k.size = k.n + 1, k.size + e.size
    kinds[e.kind] = k
    total = total + e.size
    if e.old then old = old + 1 end
  end
  print("cache     " .. dir .. (missing and " (not made yet)" or ""))
  print(string.format("entries   %d, %s", #list_, human(total)))
  local names = {}
  for k in pairs(kinds) do names[#names + 1] = k end
  table.sort(names)
  local what = { wav = "narration clips", json = "narration timings", mp4 = "video segments", m4a = "narration tracks",
    join = "videos joined (their digests)" }
  for _, k in ipairs(names) do
    print(string.format("  %-6s %6d  %10s  %s", k, kinds[k].n, human(kinds[k].size), what[k] or ""))
  end
  local max, where = limit()
  if max then
    print(string.format("limit     %s (%s)", max == 0 and "none" or human(max), where == "default" and "default" or "from " .. where))
  end
  if old > 0 then
    print(string.format("%d of them made by an older vgrun, not used by this one ('vgrun cache clean --all' removes them)", old))
  end
  if not max then io.stderr:write("vgrun cache info: " .. where .. "\n"); return 2 end
  return 0
end

-- a unique tmp/ name, so a removal in progress is never seen as an entry
-- (host, pid, random, as the engine's: another clean leaves it alone while
-- this process lives)
local function trash_name(dir)
  return string.format("%s/tmp/vgrun-%s.stage", dir, core.cache_tag())
end

local function remove(item, root)
  if item.dir and root then
    -- out of readers' sight first, whole (one rename), then emptied
    local to = trash_name(root)
    if core.mkdirs(root .. "/tmp") and os.rename(item.dir, to) then
      for k, f in ipairs(item.files) do item.files[k] = to .. f:sub(#item.dir + 1) end
      item.dir = to
    end
  end
  local ok = true
  for _, f in ipairs(item.files) do
    if not os.remove(f) then ok = false end
  end
  if item.dir then os.remove(item.dir) end  -- empty now; a folder still holding something stays
  return ok
end

-- Evicts the least recently used entries until the entries together take
-- at most max bytes. Only entries last used before `cutoff` go: one used
-- later may be in use by this or another process (a lookup touches
-- data<suffix>'s mtime). Each goes out of readers' sight by one rename into
-- tmp/ first; if its mtime changed meanwhile (a reader found it just now) it
-- is renamed back. -> { removed, freed, total, fresh } or nil, message.
local function prune(max, cutoff, cache)
  cache = cache or core.cache()
  local dir = cache:dir()
  local r = { removed = 0, freed = 0, total = 0, fresh = 0 }
  if not core.scandir(dir) then return r end  -- nothing there yet
  local ok, err = cache:ready()
  if not ok then return nil, err end
  local entries = scan(dir)
  for _, e in ipairs(entries) do r.total = r.total + e.size end
  if max == 0 or r.total <= max then return r end
  table.sort(entries, function(a, b) return a.mtime < b.mtime end)
  for _, e in ipairs(entries) do
    if r.total <= max then break end
    if e.mtime >= cutoff then r.fresh = r.fresh + 1
    elseif not e.dir then
      -- format 1: never read by this vgrun, so nobody is using it
      if remove(e) then r.removed, r.freed, r.total = r.removed + 1, r.freed + e.size, r.total - e.size end
    elseif core.mkdirs(dir .. "/tmp") then
      local to = trash_name(dir)
      if os.rename(e.dir, to) then
        local files, _, mtime = entry_files(to)
        if not files or mtime >= cutoff then
          -- found (or changed) since the scan: put back; if a fresh entry
          -- was published there meanwhile, ours is the same bytes and goes
          if os.rename(to, e.dir) then files = nil end
        end
        if files then
          for _, f in ipairs(files) do os.remove(f) end
          os.remove(to)
          r.removed, r.freed, r.total = r.removed + 1, r.freed + e.size, r.total - e.size
        end
      end
    end
  end
  return r
end

local function clean(o)
  local age, all = o.older_than or 30 * 86400, o.all or false
  local dir = core.cache_dir()
  local rc, missing = check("clean", dir)
  if rc ~= 0 then return rc end
  local removed, freed = 0, 0
  if not missing then
    local entries, tmp = scan(dir)
    local cutoff = core.now() - age
    for _, e in ipairs(entries) do
      -- the checksum first: an entry without it is never trusted
      table.sort(e.files, function(a, b) return (a:match("sum$") and 0 or 1) < (b:match("sum$") and 0 or 1) end)
      if (all or e.mtime < cutoff) and remove(e, dir) then removed, freed = removed + 1, freed + e.size end
    end
    -- files of runs that were killed, and damaged entries moved aside. A
    -- tmp/ item whose writer (host and pid in its name) runs on this machine
    -- is being made: never removed; one whose writer is gone goes now. One of
    -- another machine (its writer cannot be asked) goes after an hour, as
    -- does an older vgrun's (without a writer's tag), or that now with --all.
    local hour_ago = core.now() - 3600
    for _, t in ipairs(tmp) do
      local live = t.writer and core.cache_tag_live(t.writer)
      if live == true then -- being made
      elseif live == false or t.mtime < hour_ago or (all and not t.writer) then remove(t) end
    end
    -- folders left empty (one still holding something stays)
    for _, top in ipairs({ dir .. "/v2", dir }) do
      for _, sub in ipairs(list(top)) do
        if sub.dir and sub.name:match(HEX2) then os.remove(top .. "/" .. sub.name) end
      end
    end
  end
  print(string.format("removed %d entr%s, %s", removed, removed == 1 and "y" or "ies", human(freed)))
  return 0
end

local function prune_cmd(o)
  local max, grace, where = o.max, o.grace or GRACE, o.max and "--max" or nil
  if not max then
    max, where = limit()
    if not max then io.stderr:write("vgrun cache prune: " .. where .. "\n"); return 2 end
  end
  local dir = core.cache_dir()
  local rc = check("prune", dir)
  if rc ~= 0 then return rc end
  local r, err = prune(max, core.now() - grace)
  if not r then io.stderr:write("vgrun cache prune: " .. err .. "; nothing removed\n"); return 2 end
  print(string.format("removed %d entr%s, %s; the cache holds %s (limit %s)", r.removed,
    r.removed == 1 and "y" or "ies", human(r.freed), human(r.total), max == 0 and "none" or human(max)))
  if max > 0 and r.total > max then
    print(string.format("still over the limit: entries used in the last %.0fs are kept", math.floor(grace)))
  end
  return 0
end

--- after_run(started, cache): prune the cache (a vg.Cache; default: the
-- engine's) to its limit (its own, else the configured one) after `vgrun
-- create`, sparing what this run (it began at `started`) or any process in
-- the grace period used. Never fails the run: a bad limit or an unusable
-- cache is a warning at most.
local function after_run(started, cache)
  cache = cache or core.cache()
  local max, where = cache:max(), nil
  if not max then max, where = limit() end
  if not max then io.stderr:write("vgrun: warning: " .. where .. "; the cache is not pruned\n"); return end
  if max == 0 then return end
  local ok, r = pcall(prune, max, math.min(started, core.now() - GRACE), cache)
  if not ok then io.stderr:write("vgrun: warning: cache prune: " .. tostring(r) .. "\n") end
end

-- Value checks of the options: the message names the option as typed.
local function AGE(example)
  return function(v, name)
    local age = state.parse_age(v)
    if not age then return nil, name .. " wants an age like " .. example end
    return age
  end
end
local function SIZE(v, name)
  local n = parse_size(v)
  if not n then return nil, name .. " wants bytes or a size like 500M, 4G" end
  return n
end

-- For the parser, --help, `vgrun help cache`, vgrun-cache(1) and completion.
local SPEC = {
  name = "cache",
  summary = "show and prune the artifact cache",
  synopsis = { "info", "clean [--older-than AGE] [--all]", "prune [--max SIZE] [--grace AGE]" },
  description = [[
The cache holds narration clips, video segments and audio tracks, keyed by
the hash of what made them. Only files vgrun made are removed; a folder that
is not a vgrun cache is refused. The cache is kept under a size limit
($VGRUN_CACHE_MAX, else cache_max in the config file, else 4G; bytes or
K M G T, 0 = no limit): after each `vgrun create`, and on `vgrun cache prune`,
the least recently used entries are removed until it is under the limit.
Entries used in the last 10 minutes, or by the running create, are never
removed.]],
  subcommands = {
    { name = "info", summary = "where the cache is, entries and size by kind" },
    { name = "clean", synopsis = "[--older-than AGE] [--all]", summary = "remove entries not used for AGE",
      options = {
        { "--older-than", arg = "AGE", check = AGE("30d, 12h"), default = "30d", help = "units s m h d w" },
        { "--all", help = "empty the cache" } } },
    { name = "prune", synopsis = "[--max SIZE] [--grace AGE]",
      summary = "remove the least recently used entries until the cache is under SIZE",
      options = {
        { "--max", arg = "SIZE", check = SIZE, default = "the limit", help = "bytes, or with K M G T; 0 = no limit" },
        { "--grace", arg = "AGE", check = AGE("10m, 1h"), default = "10m", help = "entries used this recently stay" } } },
  },
  options = {},
  env = { { "VGRUN_CACHE_DIR", "the cache folder (else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun)" },
    { "VGRUN_CACHE_MAX", "the cache size limit (else cache_max in the config file, else 4G; 0 = no limit)" } },
  exit = { { 0, "done" }, { 2, "usage error, a bad limit, or the folder is not a vgrun cache" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  usage = USAGE,
  limit = limit,
  parse_size = parse_size,
  prune = prune,
  after_run = after_run,
  run = function(args)
    local name = args[1]
    if name == "--help" or name == "-h" then io.write(USAGE); return 0 end
    local fn = ({ info = info, clean = clean, prune = prune_cmd })[name]
    local sub
    for _, s in ipairs(SPEC.subcommands) do if s.name == name then sub = s end end
    if not fn or not sub then io.stderr:write(USAGE); return 2 end
    -- the subcommand's options, parsed from its spec; a usage error says
    -- "vgrun cache SUB: why", then the usage
    local spec = { name = "cache " .. name, options = sub.options or {},
      unknown = "unknown argument '%s'" }
    local argv = table.move(args, 2, #args, 1, {})
    local ok, o = pcall(require("vg.args").parse, spec, argv)
    if ok and o.help then io.write(USAGE); return 0 end
    if not ok then
      if type(o) ~= "table" or not o.usage then error(o, 0) end
      local msg = o.usage
      -- "--max" with nothing after it: the value's own message
      local opt_name = msg:match("^(%-%-[%w-]+) needs a value$")
      local opt = opt_name and require("vg.args").option(spec, opt_name)
      if opt and opt.check then msg = select(2, opt.check("", opt_name)) or msg end
      io.stderr:write(require("vg.shown").lines("vgrun " .. spec.name .. ": " .. msg .. "\n"))
      if msg:match("^unknown argument") then io.stderr:write(USAGE) end
      return 2
    end
    return fn(o)
  end,
}
