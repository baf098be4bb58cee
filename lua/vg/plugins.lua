-- vg.plugins: Lua files that extend vgrun before a command runs.
--
-- A plug-in is a Lua file run once with the vg module as its argument
-- (`local vg = ...`). It may register input adapters (vg.input.register),
-- scene types (vg.scene_type), stages (vg.stage) and event listeners
-- (vg.on). Plug-ins come from the folder $XDG_CONFIG_HOME/vgrun/plugins
-- (else ~/.config/vgrun/plugins), in name order, then the config file's
-- `plugins` list (paths relative to the config file's folder), then each
-- `--plugin FILE.lua` in the order given; --no-plugins skips the first two. vg.cli loads them for every
-- command and script; an error in one stops vgrun before any work.
local core = require("vg.core")

local M = {}

--- dir() -> the plug-in folder of the user's config directory, or nil.
function M.dir()
  local xdg = os.getenv("XDG_CONFIG_HOME")
  if xdg and xdg:sub(1, 1) == "/" then return xdg .. "/vgrun/plugins" end
  local home = os.getenv("HOME")
  if home and home ~= "" then return home .. "/.config/vgrun/plugins" end
  return nil
end

--- folder(dir) -> list of paths: the *.lua files of dir in name order
--- (none when dir does not exist).
function M.folder(dir)
  local entries = dir and core.scandir(dir)
  local out = {}
  for _, e in ipairs(entries or {}) do
    if e.name:match("%.lua$") and e.name:sub(1, 1) ~= "." and not e.dir then
      out[#out + 1] = dir .. "/" .. e.name
    end
  end
  table.sort(out)
  return out
end

-- "path:line: message": errors raised without a position get the file's name.
local function located(path, msg)
  msg = tostring(msg)
  if msg:find(path, 1, true) == 1 then return msg end
  return path .. ": " .. msg
end

local digests = {} -- the SHA-256 of each plug-in loaded, in order

--- load(path) -> true | nil, message
-- Runs one plug-in. Only a regular file is read (a FIFO would block).
function M.load(path)
  local f, why = core.open_regular(path)
  if not f then return nil, "plug-in " .. why end
  local src = f:read("a")
  f:close()
  if not src then return nil, "plug-in " .. path .. ": cannot read" end
  local chunk, err = load(src, "@" .. path, "t")
  if not chunk then return nil, "plug-in " .. err end
  local ok, res = pcall(chunk, require("vg"), path)
  if not ok then return nil, "plug-in " .. located(path, res) end
  M.loaded[#M.loaded + 1] = path
  digests[#digests + 1] = core.sha256(src)
  return true
end

M.loaded = {}

--- digest() -> hex: what the plug-ins loaded so far hold, so pictures drawn
-- by a plug-in's scene type are not reused after the plug-in is edited
-- ("" when none is loaded)
function M.digest()
  if #digests == 0 then return "" end
  return core.sha256(table.concat(digests, " "))
end

--- configured() -> { {path=, where="file:line"}, ... } | nil, message:
-- the config file's `plugins` (a file or a list of files); a relative
-- path is taken from the config file's folder, not the current one.
function M.configured()
  local config = require("vg.config")
  -- a config file that does not load is reported by the command (or
  -- ignored by help/config, which show it): no plug-ins from it then
  local okc, v, where = pcall(config.get, "plugins")
  if not okc or v == nil then return {} end
  if type(v) == "string" then v = { v } end
  if type(v) ~= "table" then
    return nil, where .. ": plugins: wants a Lua file or a list of them, not a " .. type(v)
  end
  local base = (config.path() or ""):match("^(.*)/[^/]*$") or "."
  local out = {}
  for i, p in ipairs(v) do
    if type(p) ~= "string" or p == "" then
      return nil, string.format("%s: plugins[%d]: wants the path of a Lua file, not %s", where, i,
        type(p) == "string" and "an empty string" or "a " .. type(p))
    end
    if p:sub(1, 1) ~= "/" then p = base .. "/" .. p end
    out[#out + 1] = { path = p, where = where }
  end
  return out
end

--- load_all{files = {...}, folder = true|false} -> true | nil, message
-- The folder's plug-ins and the config file's list first (unless
-- folder == false), then files.
function M.load_all(opts)
  local list = {}
  if opts.folder ~= false then
    for _, p in ipairs(M.folder(M.dir())) do list[#list + 1] = { path = p } end
    local conf, cerr = M.configured()
    if not conf then return nil, cerr end
    for _, c in ipairs(conf) do list[#list + 1] = c end
  end
  for _, p in ipairs(opts.files or {}) do list[#list + 1] = { path = p } end
  local seen = {}
  for _, e in ipairs(list) do
    -- a file given twice (in the folder, the config or with --plugin) runs once
    local real = core.realpath(e.path) or e.path
    if not seen[real] then
      seen[real] = true
      local ok, err = M.load(e.path)
      -- a config entry's error names the line of the config that asked for it
      if not ok then return nil, e.where and (e.where .. ": " .. err) or err end
    end
  end
  return true
end

--- recorded(files) -> { {path=, sha256=}, ... } | nil: the --plugin files
-- as a task's invocation keeps them; `vgrun tasks resume` loads one again
-- only while its content is the same (check_recorded).
function M.recorded(files)
  if not files or #files == 0 then return nil end
  local out = {}
  for _, p in ipairs(files) do
    local abs = core.realpath(p) or p
    local d = core.file_digest(abs)
    out[#out + 1] = { path = abs, sha256 = d and d.sha256 or "" }
  end
  return out
end

--- check_recorded(list) -> paths | nil, message: the recorded plug-ins,
-- each still the file it was (same path, same SHA-256).
function M.check_recorded(list)
  if list == nil then return {} end
  if type(list) ~= "table" then return nil, "invocation.plugins: a list expected" end
  local out = {}
  for i, p in ipairs(list) do
    if type(p) ~= "table" or type(p.path) ~= "string" or type(p.sha256) ~= "string" then
      return nil, "invocation.plugins[" .. i .. "]: {path=, sha256=} expected"
    end
    local d = core.file_digest(p.path)
    if not d or d.sha256 ~= p.sha256 then
      return nil, "the plug-in " .. p.path .. (d and " changed" or " is gone") .. " since the task started"
    end
    out[#out + 1] = p.path
  end
  return out
end

--- Options of the command line: --plugin FILE (repeatable), --no-plugins.
-- take(argv, i, opts) -> how many arguments it used (0: none), or nil, message
function M.option(argv, i, opts)
  local a = argv[i]
  if a == "--plugin" then
    local v = argv[i + 1]
    if not v or v == "" then return nil, "--plugin needs a Lua file" end
    opts.plugins = opts.plugins or {}
    opts.plugins[#opts.plugins + 1] = v
    return 2
  elseif a:match("^%-%-plugin=") then
    local v = a:sub(10)
    if v == "" then return nil, "--plugin needs a Lua file" end
    opts.plugins = opts.plugins or {}
    opts.plugins[#opts.plugins + 1] = v
    return 1
  elseif a == "--no-plugins" then
    opts.no_plugins = true
    return 1
  end
  return 0
end

return M
