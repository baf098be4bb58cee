-- vgrun cache info|clean: the artifact cache (narration clips, video
-- segments, audio tracks), keyed by the hash of what made them.
-- Clean removes only what matches the cache's own naming (engine/cache.c,
-- docs/cache.md), and only in a folder that is a vgrun cache: one with the
-- vgrun-cache marker, or one that holds nothing but what an older vgrun made
-- (it is then marked). Anything else in the folder is left alone.
local core = require("vg.core")
local state = require("vg.state")

local USAGE = [[
usage: vgrun cache info                         where the cache is, entries and size by kind
       vgrun cache clean [--older-than AGE] [--all]
                                                remove entries not used for AGE (default 30d;
                                                units s m h d w); --all empties the cache
The cache is $VGRUN_CACHE_DIR, else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun.
Only files vgrun made are removed; a folder that is not a vgrun cache is refused.
]]

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
local function tmp_name(name)
  local base = name:match("^vgrun%-(.-)%.stage$") or name:match("^vgrun%-(.-)%.%w+$") or name:match("^vgrun%-(.+)$")
  if base and is_tag(base) then return true end
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
  -- tmp/: files and stages being made (or left by a killed run)
  for _, f in ipairs(list(dir .. "/tmp")) do
    if tmp_name(f.name) then
      local path = dir .. "/tmp/" .. f.name
      if f.dir then
        local files, size = entry_files(path)
        if files then tmp[#tmp + 1] = { files = files, dir = path, size = size, mtime = f.mtime or 0 } end
      elseif f.size then
        tmp[#tmp + 1] = { files = { path }, size = f.size, mtime = f.mtime or 0 }
      end
    end
  end
  -- quarantine/: damaged entries moved aside, <key><suffix>-<tag>
  for _, f in ipairs(list(dir .. "/quarantine")) do
    local name, tag = f.name:match("^([0-9a-f]+%.?%w*)%-(.+)$")
    if name and split_name(name) and is_tag(tag) then
      local path = dir .. "/quarantine/" .. f.name
      if f.dir then
        local files, size = entry_files(path)
        if files then tmp[#tmp + 1] = { files = files, dir = path, size = size, mtime = f.mtime or 0 } end
      elseif f.size then
        tmp[#tmp + 1] = { files = { path }, size = f.size, mtime = f.mtime or 0 }
      end
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
      (cmd == "clean" and "removed" or "read") .. "\n")
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
  local what = { wav = "narration clips", json = "narration timings", mp4 = "video segments", m4a = "narration tracks" }
  for _, k in ipairs(names) do
    print(string.format("  %-6s %6d  %10s  %s", k, kinds[k].n, human(kinds[k].size), what[k] or ""))
  end
  if old > 0 then
    print(string.format("%d of them made by an older vgrun, not used by this one ('vgrun cache clean --all' removes them)", old))
  end
  return 0
end

-- a unique tmp/ name, so a removal in progress is never seen as an entry
local function trash_name(dir)
  local tag = core.sha256(tostring(core.hrtime()), tostring({}), tostring(math.random())):sub(1, 16)
  return string.format("%s/tmp/vgrun-clean-%d-%s.stage", dir, core.getpid(), tag)
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

local function clean(args)
  local age, all = 30 * 86400, false
  local i = 1
  while i <= #args do
    if args[i] == "--older-than" then
      age = state.parse_age(args[i + 1] or "")
      if not age then io.stderr:write("vgrun cache clean: --older-than wants an age like 30d, 12h\n"); return 2 end
      i = i + 2
    elseif args[i] == "--all" then all = true; i = i + 1
    else io.stderr:write("vgrun cache clean: unknown argument '" .. args[i] .. "'\n" .. USAGE); return 2 end
  end
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
    -- files of runs that were killed, and damaged entries moved aside: after
    -- an hour (a running writer may still be making them), or now with --all
    for _, t in ipairs(tmp) do
      if all or t.mtime < core.now() - 3600 then remove(t) end
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

-- For --help, `vgrun help cache`, vgrun-cache(1) and completion.
local SPEC = {
  name = "cache",
  summary = "show and prune the artifact cache",
  synopsis = { "info", "clean [--older-than AGE] [--all]" },
  description = [[
The cache holds narration clips, video segments and audio tracks, keyed by
the hash of what made them. Only files vgrun made are removed; a folder that
is not a vgrun cache is refused.]],
  subcommands = {
    { name = "info", summary = "where the cache is, entries and size by kind" },
    { name = "clean", synopsis = "[--older-than AGE] [--all]", summary = "remove entries not used for AGE",
      options = {
        { "--older-than", arg = "AGE", default = "30d", help = "units s m h d w" },
        { "--all", help = "empty the cache" } } },
  },
  options = {},
  env = { { "VGRUN_CACHE_DIR", "the cache folder (else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun)" } },
  exit = { { 0, "done" }, { 2, "usage error, or the folder is not a vgrun cache" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  usage = USAGE,
  run = function(args)
    local sub = args[1]
    if sub == "info" then return info() end
    if sub == "clean" then return clean(table.move(args, 2, #args, 1, {})) end
    if sub == "--help" or sub == "-h" then io.write(USAGE); return 0 end
    io.stderr:write(USAGE)
    return 2
  end,
}
