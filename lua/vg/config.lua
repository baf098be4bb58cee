-- vg.config: the user's defaults, from $XDG_CONFIG_HOME/vgrun/config.lua
-- (else ~/.config/vgrun/config.lua). The file is Lua run in an empty
-- environment (no functions, no io, no require) for a bounded number of
-- instructions; it sets globals or returns a table:
--
--   voice = "female"            -- or: return { voice = "female", fps = 25 }
--   resolution = "1280x720"
--   captions = { "srt", "vtt" }
--
-- Values are checked where a command uses them, as its options are (a bad
-- one is a usage error naming file:line); unknown names are refused when
-- the file is read. The command line always wins.
local core = require("vg.core")

local M = {}

-- name -> what it sets (the options with config = name say the rest)
M.KEYS = {
  voice = "--voice of create and say",
  color = "--color of create and frame",
  theme = "--theme of create and frame",
  resolution = "--resolution of create and frame",
  fps = "--fps of create",
  anim_fps = "--anim-fps of create",
  preset = "--preset of create",
  crf = "--crf of create",
  captions = "--captions of create (a string or a list)",
  split = "--split of create",
  jobs = "-j of create",
  plugins = "plug-ins loaded before every command (a list of files)",
  cache_max = "the cache size limit (like VGRUN_CACHE_MAX: bytes, or 500M, 4G)",
}

local loaded, values, lines, path_used

--- path() -> the config file's path (it may not exist)
function M.path()
  local xdg = os.getenv("XDG_CONFIG_HOME")
  if xdg and xdg:sub(1, 1) == "/" then return xdg .. "/vgrun/config.lua" end
  local home = os.getenv("HOME")
  if not home or home == "" then return nil end
  return home .. "/.config/vgrun/config.lua"
end

local function fail(msg) error({ usage = msg, config = true }, 0) end

-- A config file is a few lines: what is far larger is not one (a file put
-- in its place, a runaway generator) and is refused before it is read.
-- A value is a name, a number or a short list; a string or a list past
-- these sizes is no setting of vgrun's.
M.MAX_BYTES = 1024 * 1024
M.MAX_STRING = 4096
M.MAX_LIST = 256

-- a name or value as a message quotes it: its first bytes, on one line
local function quoted(v)
  local s = tostring(v)
  if #s > 60 then s = s:sub(1, 60) .. "... (" .. #s .. " bytes)" end
  return require("vg.shown").name(s)
end

-- nil, or why v is no value of a setting
local function bad_value(v)
  local t = type(v)
  if t == "string" then
    if #v > M.MAX_STRING then return string.format("a string of %d bytes (at most %d)", #v, M.MAX_STRING) end
    if v:find("%z") then return "a string holding a NUL byte" end
    return nil
  end
  if t == "number" or t == "boolean" then return nil end
  if t ~= "table" then return "a " .. t end
  local n = 0
  for k, x in pairs(v) do
    n = n + 1
    if n > M.MAX_LIST then return string.format("a list of more than %d values", M.MAX_LIST) end
    if math.type(k) ~= "integer" or (type(x) ~= "string" and type(x) ~= "number") then
      return "a table that is not a list of strings and numbers"
    end
    if type(x) == "string" then
      local why = bad_value(x)
      if why then return "a list holding " .. why end
    end
  end
  return nil
end

-- The line where a returned table sets `key` (the first "key =" in the
-- text). Only a name can be found so: another key is text, not a pattern.
local function line_of(src, key)
  if not key:match("^[%a_][%w_]*$") then return nil end
  local n = 1
  for line in (src .. "\n"):gmatch("([^\n]*)\n") do
    if line:match("^%s*" .. key .. "%s*=") or line:match("[{,;]%s*" .. key .. "%s*=") then return n end
    n = n + 1
  end
end

--- load() -> true; raises { usage = "file:line: message" } for a bad file.
-- Reads the file once per process.
function M.load()
  if loaded then return true end
  values, lines = {}, {}
  local path = M.path()
  path_used = path
  -- a FIFO or a device would block or never end: regular files only
  local f, oerr, kind
  if path then f, oerr, kind = core.open_regular(path) end
  if not f then
    loaded = true
    if path and kind ~= "missing" then fail(tostring(oerr)) end
    return true
  end
  local src = f:read(M.MAX_BYTES + 1) or ""
  f:close()
  local label = path
  if #src > M.MAX_BYTES then
    fail(string.format("%s: larger than %d bytes; a config file sets a few names (is this the file meant?)",
      label, M.MAX_BYTES))
  end
  local function set(k, v, line)
    if type(k) ~= "string" or not M.KEYS[k] then
      local names = {}
      for name in pairs(M.KEYS) do names[#names + 1] = name end
      table.sort(names)
      fail(string.format("%s:%s: unknown setting '%s' (known: %s)", label, line or "?", quoted(k),
        table.concat(names, ", ")))
    end
    local why = bad_value(v)
    if why then
      fail(string.format("%s:%s: %s: wants a string, a number or a list of them, not %s", label,
        line or "?", k, why))
    end
    values[k], lines[k] = v, line
  end
  local env = setmetatable({}, {
    __newindex = function(_, k, v)
      local info = debug.getinfo(2, "l")
      set(k, v, info and info.currentline)
    end,
    __index = function(_, k) return values[k] end,
  })
  local chunk, err = load(src, "@" .. label, "t", env)
  -- the parser's own limits ("C stack overflow" for values nested too
  -- deep) name no file: the message says which
  if not chunk then
    err = tostring(err)
    if err:sub(1, #label) ~= label then
      err = label .. ": " .. err .. (err:find("overflow") and " (values nested too deep)" or "")
    end
    fail(err)
  end
  -- a file that never ends is an error, not a hang
  local co = coroutine.create(chunk)
  debug.sethook(co, function() error("the config file runs too long", 2) end, "", 1000000)
  -- nor one that takes gigabytes in one call (a string's rep)
  local pok, ok, ret = core.with_memory_limit(64 * 1024 * 1024, coroutine.resume, co)
  if not pok then ok, ret = false, ok end
  if not ok and tostring(ret):find("not enough memory", 1, true) then
    fail(label .. ": the config file uses too much memory (more than 64 MB)")
  end
  if not ok then
    if type(ret) == "table" and ret.usage then error(ret, 0) end
    fail(tostring(ret))
  end
  if coroutine.status(co) ~= "dead" then fail(label .. ": the config file may not yield") end
  if ret ~= nil then
    if type(ret) ~= "table" then fail(string.format("%s: returns a %s; return a table or set names", label, type(ret))) end
    for k, v in pairs(ret) do set(k, v, type(k) == "string" and line_of(src, k) or nil) end
  end
  loaded = true
  return true
end

--- get(key) -> value, "file:line" (nil when the file does not set it)
function M.get(key)
  M.load()
  local v = values[key]
  if v == nil then return nil end
  return v, string.format("%s:%s", path_used, lines[key] or "?")
end

--- all() -> { key = { value =, where = } } for what the file sets
function M.all()
  M.load()
  local r = {}
  for k, v in pairs(values) do r[k] = { value = v, where = string.format("%s:%s", path_used, lines[k] or "?") } end
  return r
end

--- reset(): read the file again on the next get (tests)
function M.reset() loaded = nil end

return M
