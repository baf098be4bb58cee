-- vgrun cache info|clean: the artifact cache (narration clips, video
-- segments, audio tracks), keyed by the hash of what made them.
local core = require("vg.core")
local state = require("vg.state")

local USAGE = [[
usage: vgrun cache info                         where the cache is, entries and size by kind
       vgrun cache clean [--older-than AGE] [--all]
                                                remove entries not used for AGE (default 30d;
                                                units s m h d w); --all empties the cache
The cache is $VGRUN_CACHE_DIR, else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun.
]]

local function human(n)
  local units = { "B", "KiB", "MiB", "GiB", "TiB" }
  local i = 1
  while n >= 1024 and i < #units do n = n / 1024; i = i + 1 end
  return i == 1 and string.format("%d %s", n, units[i]) or string.format("%.1f %s", n, units[i])
end

-- every entry: { path, name, size, mtime, kind } (its .sum sidecar counted with it)
local function entries(dir)
  local list, sums = {}, {}
  for _, sub in ipairs(core.scandir(dir) or {}) do
    if sub.dir and sub.name:match("^%x%x$") then
      for _, f in ipairs(core.scandir(dir .. "/" .. sub.name) or {}) do
        if f.name:match("%.sum$") then
          sums[dir .. "/" .. sub.name .. "/" .. f.name:gsub("%.sum$", "")] = f.size or 0
        else
          list[#list + 1] = { path = dir .. "/" .. sub.name .. "/" .. f.name, name = f.name,
            size = f.size or 0, mtime = f.mtime or 0, kind = f.name:match("%.([%w]+)$") or "other" }
        end
      end
    end
  end
  for _, e in ipairs(list) do e.size = e.size + (sums[e.path] or 0) end
  return list
end

local function info()
  local dir = core.cache_dir()
  local list = entries(dir)
  local kinds, total = {}, 0
  for _, e in ipairs(list) do
    local k = kinds[e.kind] or { n = 0, size = 0 }
    k.n, k.size = k.n + 1, k.size + e.size
    kinds[e.kind] = k
    total = total + e.size
  end
  print("cache     " .. dir)
  print(string.format("entries   %d, %s", #list, human(total)))
  local names = {}
  for k in pairs(kinds) do names[#names + 1] = k end
  table.sort(names)
  local what = { wav = "narration clips", json = "narration timings", mp4 = "video segments", m4a = "narration tracks" }
  for _, k in ipairs(names) do
    print(string.format("  %-6s %6d  %10s  %s", k, kinds[k].n, human(kinds[k].size), what[k] or ""))
  end
  return 0
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
  local cutoff = core.now() - age
  local removed, freed = 0, 0
  for _, e in ipairs(entries(core.cache_dir())) do
    if all or e.mtime < cutoff then
      os.remove(e.path .. ".sum")  -- the sidecar first: an entry without it is never trusted
      if os.remove(e.path) then removed, freed = removed + 1, freed + e.size end
    end
  end
  -- temporary files left by killed runs
  for _, f in ipairs(core.scandir(core.cache_dir() .. "/tmp") or {}) do
    if all or (f.mtime or 0) < core.now() - 3600 then os.remove(core.cache_dir() .. "/tmp/" .. f.name) end
  end
  print(string.format("removed %d entr%s, %s", removed, removed == 1 and "y" or "ies", human(freed)))
  return 0
end

return {
  summary = "show and prune the artifact cache",
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
