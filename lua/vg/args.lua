-- vg.args: command-line options. A command declares its options once, as a
-- spec (below); the parser, `--help`, `vgrun help`, the man pages, shell
-- completion and the config file all read that one table, so they never
-- disagree.
--
--   spec = {
--     name = "create", summary = "one line",
--     synopsis = { "--from PATH [-o OUT] [options]" },   -- after "vgrun create "
--     description = "paragraphs of text",
--     options = {
--       { "--voice", arg = "V", help = "...", default = "male", config = "voice",
--         complete = "voices", check = function(v) return v | nil, message end },
--       { "-o", "--output", arg = "OUT", key = "output" },  -- short and long names
--       { "--jobs", short = "-j", type = "int", min = 1, max = 64 },
--       { "--allow-path", arg = "DIR", list = true },         -- repeatable
--       { "--cfr" },                                         -- no arg: a flag (true)
--     },
--     args = { name = "PATH", key = "from", max = 1 },       -- operands
--     env = { { "VGRUN_CACHE_DIR", "where ..." } },
--     exit = { { 0, "..." }, { 2, "usage error" } },
--     subcommands = { { name = "list", synopsis = "...", summary = "..." } },
--   }
--
-- A usage error raises { usage = message }; commands turn it into exit 2.
-- vg.args.each remains for commands that walk their arguments themselves.
local M = {}

function M.each(list)
  local i, inline = 0, nil
  local function value()
    if inline ~= nil then
      local v = inline
      inline = nil
      return v
    end
    i = i + 1
    return list[i]
  end
  local function rest()
    local r = table.move(list, i + 1, #list, 1, {})
    i = #list
    return r
  end
  return function()
    i = i + 1
    local a = list[i]
    if a == nil then return nil end
    local name, v = a:match("^(%-%-[%w-]+)=(.*)$")
    inline = v
    return name or a, value, rest
  end
end

local function usage(msg) error({ usage = msg }, 0) end

-- Normalises one option entry: names (short first), key, kind.
local function norm(opt)
  if opt._norm then return opt end
  local names = {}
  for _, n in ipairs(opt) do names[#names + 1] = n end
  if opt.short then table.insert(names, 1, opt.short) end
  for _, n in ipairs(opt.alias or {}) do names[#names + 1] = n end
  opt.names = names
  local long
  for _, n in ipairs(names) do if n:sub(1, 2) == "--" then long = long or n end end
  opt.long = long or names[1]
  opt.shortname = names[1]:sub(1, 2) ~= "--" and names[1] or nil
  opt.key = opt.key or opt.long:gsub("^%-+", ""):gsub("-", "_")
  if opt.type == nil then opt.type = (opt.arg or opt.min) and "string" or "flag" end
  if opt.type ~= "flag" and not opt.arg then opt.arg = (opt.type == "int" or opt.type == "number") and "N" or "VALUE" end
  opt._norm = true
  return opt
end
M.norm = norm

--- option(spec, name) -> the entry whose names include `name`
function M.option(spec, name)
  for _, o in ipairs(spec.options or {}) do
    norm(o)
    for _, n in ipairs(o.names) do if n == name then return o end end
  end
end

-- Converts and checks one value as the command line would take it; `label`
-- is how a message names it (the option, or a config file's key).
local function convert(opt, s, label)
  local v = s
  if opt.type == "int" or opt.type == "number" then
    local n = tonumber(s)
    local int = opt.type == "int"
    local lo, hi = opt.min or -math.huge, opt.max or math.huge
    if not n or n ~= n or n < lo or n > hi or (int and n ~= math.floor(n)) then
      return nil, string.format("%s %s: wants a %s from %s to %s", label, tostring(s),
        int and "whole number" or "number", opt.min, opt.max)
    end
    v = int and math.tointeger(n) or n
  elseif opt.choices then
    local ok = false
    for _, c in ipairs(opt.choices) do if c == s then ok = true end end
    if not ok then
      return nil, string.format("%s %s: %s%s", label, tostring(s), #opt.choices == 1 and "takes only " or "",
        table.concat(opt.choices, " or "))
    end
  end
  if opt.check then
    local r, err = opt.check(v, label)
    -- a check that gives no reason still refuses with a message naming the
    -- value (a nil message would reach the user as "error object is a table")
    if r == nil then return nil, err or string.format("%s %s: not a value it takes", label, tostring(s)) end
    v = r
  end
  return v
end
M.convert = convert

--- parse(spec, argv) -> opts, operands. Every option that carries a value
-- is taken as "--name value" or "--name=value"; flags take no value.
-- opts.help is true for -h/--help (nothing else is checked then).
-- opts._given[key] is true for what the command line set.
function M.parse(spec, argv)
  local o, given, operands = {}, {}, {}
  local a_spec = spec.args
  for _, opt in ipairs(spec.options or {}) do
    norm(opt)
    if opt.list then o[opt.key] = {} end
  end
  local i = 1
  while i <= #argv do
    local a = argv[i]
    local name, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    name = name or a
    local opt = (a:sub(1, 1) == "-" and #a > 1) and M.option(spec, name) or nil
    if a == "-h" or a == "--help" then
      o.help = true
      return o, operands
    elseif opt and opt.type == "flag" then
      if inline then usage(name .. " takes no value") end
      o[opt.key] = true
      given[opt.key] = true
      i = i + 1
    elseif opt then
      local s = inline
      if s == nil then
        s = argv[i + 1]
        if s == nil then usage(name .. " needs a value") end
        i = i + 2
      else
        i = i + 1
      end
      local v, err = convert(opt, s, opt.label or name)
      if v == nil then usage(err) end
      if opt.list then o[opt.key][#o[opt.key] + 1] = v else o[opt.key] = v end
      given[opt.key] = true
    elseif a == "--" and not (spec.dashdash == false) then
      table.move(argv, i + 1, #argv, #operands + 1, operands)
      break
    elseif a_spec and (a == "-" or a:sub(1, 1) ~= "-") and (not a_spec.max or #operands < a_spec.max)
        and not (a_spec.key and o[a_spec.key] ~= nil) then
      operands[#operands + 1] = a
      i = i + 1
    elseif a_spec and a_spec.too_many and (a == "-" or a:sub(1, 1) ~= "-") then
      -- right after a flag, the extra operand was most likely meant as its
      -- value ("--sheet out.png")
      local prev = i > 1 and M.option(spec, argv[i - 1]) or nil
      if prev and prev.type == "flag" then
        usage(string.format("%s takes no value, so %s is a second %s (%s)", argv[i - 1], require("vg.shown").name(a),
          a_spec.name or "argument", a_spec.too_many))
      end
      usage(a_spec.too_many)
    else
      usage(string.format(spec.unknown or (a:sub(1, 1) == "-" and #a > 1 and "unknown option '%s'"
        or "unknown argument '%s'"), require("vg.shown").name(a)))
    end
  end
  if a_spec and a_spec.key and #operands > 0 and o[a_spec.key] == nil then
    o[a_spec.key] = operands[1]
    given[a_spec.key] = true
  end
  o._given = given
  return o, operands
end

--- command(spec, argv) -> opts, operands; or nil, exit code after printing
-- the help (0) or a usage error (2: the reason, the synopsis, where to read
-- more). The config file's values are filled in (vg.config).
function M.command(spec, argv)
  local ok, o, operands = pcall(M.parse, spec, argv)
  if ok and o.help then
    io.write(require("vg.help").text(spec.name))
    return nil, 0
  end
  if ok then ok, o = pcall(M.defaults, spec, o, require("vg.config")) end
  if not ok then
    if type(o) ~= "table" or not o.usage then error(o, 0) end
    return nil, M.usage_error(spec, o.usage)
  end
  return o, operands
end

--- usage_error(spec, message) -> 2, after saying why on standard error
function M.usage_error(spec, msg)
  -- a value the user gave may be in msg: its control characters as \xNN
  io.stderr:write(require("vg.shown").lines(string.format("vgrun %s: %s\nusage: vgrun %s %s\n`vgrun %s --help` tells more\n",
    spec.name, msg, spec.name, (spec.synopsis or { "[options]" })[1], spec.name)))
  return 2
end

--- defaults(spec, o, config): fills options the command line did not set
-- from the user's config file (vg.config), checked as the command line
-- would check them; a bad value raises { usage = "file:line: key: ..." }.
-- Records where each value came from in o._source.
function M.defaults(spec, o, config)
  o._source = o._source or {}
  for _, opt in ipairs(spec.options or {}) do
    norm(opt)
    if o._given and o._given[opt.key] then
      o._source[opt.key] = "command line"
    elseif opt.config and config then
      local v, where = config.get(opt.config)
      if v ~= nil then
        local values = type(v) == "table" and opt.list and v or { v }
        for _, one in ipairs(values) do
          local cv, err = convert(opt, tostring(one), opt.config)
          if cv == nil then usage((where or "config") .. ": " .. err) end
          if opt.list then o[opt.key][#o[opt.key] + 1] = cv else o[opt.key] = cv end
        end
        o._source[opt.key] = where
      end
    end
  end
  return o
end

return M
