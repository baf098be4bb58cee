-- vg.serve.tasks.options: a task's options (JSON from a client) become the
-- command line of `vgrun create` and go through its own parser and checks
-- (lua/vg/cmd/create.lua), so a task and `vgrun create` with the same
-- options are the same run. Only options that shape the video are taken;
-- paths, task ids and cache switches are the server's.
local M = {}

-- The create options a client may set (by the spec's key). An option the
-- create command gains later (--detail, --language) is taken once it is in
-- its spec and named here.
M.ALLOWED = { "voice", "color", "theme", "resolution", "fps", "anim_fps", "cfr", "preset", "crf",
  "captions", "split", "duration", "ssml", "detail", "keep_timing", "language" }

local function spec_options()
  local args = require("vg.args")
  local spec = require("vg.cmd.create").spec
  local by_key = {}
  for _, opt in ipairs(spec.options) do
    args.norm(opt)
    by_key[opt.key] = opt
  end
  return by_key
end

-- How a message names a JSON value's type.
local function json_type(v)
  local t = type(v)
  if t == "table" then return getmetatable(v) == require("vg.core").array_mt and "a list" or "an object" end
  if t == "string" then return "a string" end
  if t == "boolean" then return "true or false" end
  if t == "number" then return "a number" end
  return t
end

-- A JSON value as the command line spells it; nil, message for a wrong type.
local function spelled(key, v, opt)
  local t = type(v)
  if opt.type == "flag" then
    if t ~= "boolean" then return nil, string.format("options.%s: true or false expected", key) end
    return v
  end
  if opt.list then
    if t == "string" then return { v } end
    if t ~= "table" then return nil, string.format("options.%s: a string or a list of strings expected", key) end
    -- an empty JSON object is not an empty list ([]: the decoder marks
    -- lists): refused as any other object
    if next(v) == nil and getmetatable(v) ~= require("vg.core").array_mt then
      return nil, string.format("options.%s: a string or a list of strings expected", key)
    end
    local list = {}
    for i = 1, #v do
      if type(v[i]) ~= "string" then return nil, string.format("options.%s: a list of strings expected", key) end
      list[i] = v[i]
    end
    for k in pairs(v) do
      if math.type(k) ~= "integer" then return nil, string.format("options.%s: a list of strings expected", key) end
    end
    return list
  end
  -- the JSON type is the option's: a number for a number (`"30"` is a
  -- string, as a client that sent it would learn only from the video),
  -- a string for the rest (`theme: 1`, `voice: 5`)
  local numeric = opt.type == "int" or opt.type == "number"
  if numeric then
    if t ~= "number" then return nil, string.format("options.%s: a number expected, got %s", key, json_type(v)) end
    if v ~= v or v == math.huge or v == -math.huge then return nil, "options." .. key .. ": a finite number expected" end
    return math.type(v) == "integer" and string.format("%d", v) or (math.tointeger(v) and string.format("%d", v))
      or string.format("%.17g", v)
  end
  if t ~= "string" then return nil, string.format("options.%s: a string expected, got %s", key, json_type(v)) end
  if #v > 200 then return nil, "options." .. key .. ": too long" end
  return v
end

--- accepts(key) -> bool: whether a task takes this option now (it is named
--- here and `vgrun create` has it).
function M.accepts(key)
  for _, k in ipairs(M.ALLOWED) do
    if k == key then return spec_options()[key] ~= nil end
  end
  return false
end

--- argv(options) -> the create arguments (without --from, -o, --task-id) |
--- nil, message. Unknown keys are errors; "anim-fps" and "anim_fps" are one
--- key. captions: nil means SRT and VTT (the server's default), false none,
--- a string or a list as --captions takes it.
function M.argv(options)
  if options ~= nil and type(options) ~= "table" then return nil, "options: an object expected" end
  options = options or {}
  local by_key = spec_options()
  local allowed = {}
  for _, k in ipairs(M.ALLOWED) do if by_key[k] then allowed[k] = by_key[k] end end
  local given, keys = {}, {}
  for k, v in pairs(options) do
    if type(k) ~= "string" then return nil, "options: an object with names expected" end
    local key = k:gsub("-", "_")
    if not allowed[key] then
      local names = {}
      for name in pairs(allowed) do names[#names + 1] = name end
      table.sort(names)
      return nil, string.format("options: unknown option '%s' (options: %s)", k, table.concat(names, ", "))
    end
    if given[key] ~= nil then return nil, string.format("options: '%s' given twice", key) end
    if v ~= require("vg.core").null then given[key] = v; keys[#keys + 1] = key end
  end
  if given.captions == nil then given.captions = { "srt", "vtt" }; keys[#keys + 1] = "captions" end
  table.sort(keys)
  local argv = {}
  for _, key in ipairs(keys) do
    local opt, v = allowed[key], given[key]
    if key == "captions" and v == false then
      -- none: nothing on the command line (and no config value either)
    else
      local s, err = spelled(key, v, opt)
      if s == nil then return nil, err end
      if opt.type == "flag" then
        if s then argv[#argv + 1] = opt.long end
      elseif type(s) == "table" then
        if #s > 0 then argv[#argv + 1] = opt.long .. "=" .. table.concat(s, ",") end
      else
        argv[#argv + 1] = opt.long .. "=" .. s
      end
    end
  end
  -- the user's config file counts as for `vgrun create`; it is written
  -- into the task's arguments now, so a later edit of the file does not
  -- change a task that was already accepted
  local config = require("vg.config")
  for _, key in ipairs(M.ALLOWED) do
    local opt = allowed[key]
    if opt and opt.config and given[key] == nil and key ~= "captions" then
      local ok, v = pcall(config.get, opt.config)
      if not ok then return nil, type(v) == "table" and tostring(v.usage) or tostring(v) end
      if v ~= nil then
        if type(v) == "table" then v = table.concat(v, ",") end
        argv[#argv + 1] = opt.long .. "=" .. tostring(v)
      end
    end
  end
  return argv, given
end

--- check_args(args) -> true | nil, message: arguments read back from a
--- task record (untrusted: a record may have been edited) are only the
--- options a client may set, never --from, -o or another path.
function M.check_args(args)
  if type(args) ~= "table" then return nil, "args: a list expected" end
  local by_key = spec_options()
  local long = {}
  for _, k in ipairs(M.ALLOWED) do if by_key[k] then long[by_key[k].long] = by_key[k] end end
  for _, a in ipairs(args) do
    local name = type(a) == "string" and (a:match("^(%-%-[%w-]+)=") or a:match("^(%-%-[%w-]+)$"))
    local opt = name and long[name]
    if not opt or (opt.type == "flag") ~= (a == name) then
      return nil, "args: " .. tostring(a):sub(1, 60) .. " is not an option a task may have"
    end
  end
  return true
end

--- parse(argv) -> o (as `vgrun create` has it) | nil, message. Messages
--- name options as the client spells them (options.fps, not --fps).
function M.parse(argv)
  local ok, o = pcall(require("vg.cmd.create").parse, argv)
  if not ok then
    if type(o) == "table" and o.usage then
      -- only the options a client sets are renamed (`vgrun say --list-voices` stays)
      local mine = {}
      for _, k in ipairs(M.ALLOWED) do mine[k] = true end
      return nil, (tostring(o.usage):gsub("%-%-([%w-]+)", function(n)
        local key = n:gsub("-", "_")
        if mine[key] then return "options." .. key end
      end))
    end
    error(o, 0)
  end
  local create = require("vg.create")
  local cok, cerr = create.check_options(o)
  if not cok then
    return nil, (tostring(cerr):gsub("^%-%-([%w-]+)", function(n) return "options." .. n:gsub("-", "_") end))
  end
  return o
end

return M
