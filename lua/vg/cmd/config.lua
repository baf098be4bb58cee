-- vgrun config: the defaults in effect and where each comes from: the
-- command line, the config file (file:line), the environment, or vgrun's own.
local SPEC = {
  name = "config",
  summary = "show the defaults in effect and where each comes from (config file, environment, command line)",
  synopsis = { "[--path] [OPTION VALUE...]" },
  description = [[
The config file is $XDG_CONFIG_HOME/vgrun/config.lua, else
~/.config/vgrun/config.lua: Lua run in an empty environment (no functions,
no io, no require), which sets names or returns a table, for example

  voice = "female"
  color = "green"
  resolution = "1280x720"
  captions = { "srt", "vtt" }
  plugins = { "/home/me/vgrun/shapes.lua" }


Each value is checked as the option it stands for; a bad file is a usage
error (exit 2) that names file:line. Options given to `vgrun config` are
shown as a command would take them (source: command line).]],
  options = {
    { "--path", help = "print only the config file's path" },
  },
  env = {
    { "XDG_CONFIG_HOME", "the config file is $XDG_CONFIG_HOME/vgrun/config.lua" },
    { "VGRUN_STATE_DIR", "where task state lives" },
    { "VGRUN_CACHE_DIR", "the artifact cache" },
    { "VGRUN_CACHE_MAX", "the cache size limit" },
  },
  exit = { { 0, "shown" }, { 2, "usage error, or a bad config file (file:line)" } },
}

-- the options the config file can set, from the commands that take them
local function configurable()
  local help, list, seen = require("vg.help"), {}, {}
  for _, name in ipairs(help.commands()) do
    local _, spec = help.command(name)
    for _, o in ipairs(spec and spec.options or {}) do
      if o.config and not seen[o.config] then seen[o.config] = true; list[#list + 1] = o end
    end
  end
  return list
end

local function show(v)
  if type(v) == "table" then
    local parts = {}
    for _, x in ipairs(v) do parts[#parts + 1] = tostring(x) end
    return table.concat(parts, ",")
  end
  return tostring(v)
end

return {
  spec = SPEC,
  summary = SPEC.summary,
  run = function(args)
    local args_, config, core = require("vg.args"), require("vg.config"), require("vg.core")
    local spec = { name = "config", options = { SPEC.options[1] } }
    for _, o in ipairs(configurable()) do spec.options[#spec.options + 1] = o end
    local ok, o = pcall(args_.parse, spec, args)
    if ok and not o.help then ok, o = pcall(args_.defaults, spec, o, config) end
    if not ok then
      io.stderr:write(require("vg.shown").lines("vgrun config: " .. (type(o) == "table" and o.usage or tostring(o)) .. "\n"))
      return 2
    end
    if o.help then io.write(require("vg.help").text("config")); return 0 end
    if o.path then print(config.path() or "(no HOME: no config file)"); return 0 end
    local path = config.path()
    local st = path and core.stat(path)
    print(string.format("config file  %s%s", path or "(none: HOME is not set)", st and "" or " (not there)"))
    local rows = {}
    for _, opt in ipairs(spec.options) do
      if opt.config then
        local src = o._source[opt.key]
        local v = o[opt.key]
        if type(v) == "table" and #v == 0 then v = nil end
        if opt.key == "resolution" and v then v = v[1] .. "x" .. v[2] end
        rows[#rows + 1] = { opt.config, v ~= nil and show(v) or tostring(opt.default or "-"),
          v ~= nil and src or "default" }
      end
    end
    -- what is not a command's option
    local function env_or(name, key, default)
      local fv, where = config.get(key)
      local ev = os.getenv(name)
      if ev and ev ~= "" then return { key, ev, "environment (" .. name .. ")" } end
      if fv ~= nil then return { key, show(fv), where } end
      return { key, default, "default" }
    end
    local plugins, pwhere = config.get("plugins")
    rows[#rows + 1] = { "plugins", plugins and show(plugins) or "none", plugins and pwhere or "default" }
    rows[#rows + 1] = env_or("VGRUN_CACHE_MAX", "cache_max", "vgrun's (see `vgrun cache info`)")
    local g = require("vg.cli").options or {}
    local sd = os.getenv("VGRUN_STATE_DIR")
    rows[#rows + 1] = { "state_dir", core.state_dir(), g["--state-dir"] and "command line (--state-dir)"
      or (sd and sd ~= "" and "environment (VGRUN_STATE_DIR)") or "default" }
    local cd = os.getenv("VGRUN_CACHE_DIR")
    rows[#rows + 1] = { "cache_dir", core.cache_dir(), (cd and cd ~= "" and "environment (VGRUN_CACHE_DIR)") or "default" }
    for _, r in ipairs(rows) do print(string.format("%-12s %-34s %s", r[1], r[2], r[3])) end
    return 0
  end,
}
