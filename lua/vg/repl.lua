-- vg.repl: the interactive prompt, as lua.c does it: try `return <line>`
-- first, continue multi-line input while the chunk is incomplete (<eof>),
-- print every result, and let Ctrl-C stop the running chunk (a hook, not a
-- longjmp from the signal handler) and come back to the prompt.
local core = require("vg.core")

local M = {}

local ok_rl, rl = pcall(require, "vg.readline")
if not ok_rl then rl = nil end

local function readline(prompt)
  if rl then return rl.readline(prompt) end
  io.write(prompt)
  io.flush()
  return io.read("l")
end

local function add_history(line)
  if rl and line:match("%S") then rl.add_history(line) end
end

local function incomplete(err)
  return err and err:sub(-5) == "<eof>"
end

local function show(v)
  if type(v) == "table" and getmetatable(v) == nil then
    local ok, s = pcall(core.json_encode, v, false)
    if ok and #s < 2000 then return s end
  end
  return tostring(v)
end

local KEYWORDS = { "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto",
  "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while" }

-- The value a dotted name stands for, looked up without running any code:
-- raw fields, then __index tables (a __index function is never called on Tab).
local function field(v, k)
  for _ = 1, 16 do
    if type(v) == "table" then
      local r = rawget(v, k)
      if r ~= nil then return r end
    end
    local mt = (type(v) == "table" or type(v) == "userdata" or type(v) == "string") and getmetatable(v)
    local idx = type(mt) == "table" and rawget(mt, "__index")
    if type(idx) ~= "table" then return nil end
    v = idx
  end
end

-- vg.X loads the module vg.X on first use (lua/vg/init.lua): the same here,
-- for vgrun's own modules only.
local function vg_module(v, name)
  if v ~= nil and v == package.loaded["vg"] and package.preload["vg." .. name] then
    local ok, mod = pcall(require, "vg." .. name)
    if ok then return mod end
  end
end

local function resolve(chain, env)
  local v = env
  for piece in chain:gmatch("[^.:]+") do
    if not piece:match("^[%a_][%w_]*$") then return nil end  -- "f().x": nothing is called
  end
  for name in chain:gmatch("[^.:]+") do
    v = field(v, name) or vg_module(v, name)
    if v == nil then return nil end
  end
  return v
end

-- every key of v: its own, then its __index tables'
local function keys(v, want_fn)
  local seen, out = {}, {}
  for _ = 1, 16 do
    if type(v) == "table" then
      for k, x in next, v do
        if type(k) == "string" and not seen[k] and (not want_fn or type(x) == "function") then
          seen[k] = true
          out[#out + 1] = k
        end
      end
    end
    local mt = (type(v) == "table" or type(v) == "userdata" or type(v) == "string") and getmetatable(v)
    if not want_fn and v == package.loaded["vg"] then
      -- the modules vg loads on first use
      for name in pairs(package.preload) do
        local m = name:match("^vg%.([%a_][%w_]*)$")
        if m and not seen[m] then seen[m] = true; out[#out + 1] = m end
      end
    end
    local idx = type(mt) == "table" and rawget(mt, "__index")
    if type(idx) ~= "table" then break end
    v = idx
  end
  return out
end

--- complete(word [, env]) -> sorted candidates that replace word:
-- globals and keywords, fields after "." (methods after ":") of a name
-- like vg.render, and string keys in t["...
function M.complete(word, env)
  env = env or _G
  local out = {}
  local base, q, partial = word:match("^([%a_][%w_.:]*)%[([\"'])([^\"']*)$")
  if base then
    local t = resolve(base, env)
    for _, k in ipairs(type(t) == "table" and keys(t) or {}) do
      if k:sub(1, #partial) == partial then out[#out + 1] = base .. "[" .. q .. k .. q .. "]" end
    end
  else
    local chain, sep, last = word:match("^([%a_][%w_.:]-)([.:])([%w_]*)$")
    if chain then
      local v = resolve(chain, env)
      if v ~= nil then
        for _, k in ipairs(keys(v, sep == ":")) do
          if k:match("^[%a_][%w_]*$") and k:sub(1, #last) == last then out[#out + 1] = chain .. sep .. k end
        end
      end
    elseif word:match("^[%a_]?[%w_]*$") then
      for _, k in ipairs(keys(env)) do
        if k:match("^[%a_][%w_]*$") and k:sub(1, #word) == word then out[#out + 1] = k end
      end
      for _, k in ipairs(KEYWORDS) do
        if k:sub(1, #word) == word then out[#out + 1] = k end
      end
    end
  end
  table.sort(out)
  local limit = 1000
  if #out > limit then for i = #out, limit + 1, -1 do out[i] = nil end end
  return out
end

local function compile(src)
  local fn, err = load("return " .. src, "=stdin")
  if fn then return fn end
  return load(src, "=stdin")
end

function M.run()
  local vg = require("vg")
  _G.vg = vg
  io.write("vgrun " .. core.version .. " (" .. _VERSION .. ")  vg is loaded; Tab completes; Ctrl-D to leave\n")
  if rl and rl.set_completer then
    rl.set_completer(function(word) return M.complete(word, _G) end)
  end
  while true do
    local line = readline("> ")
    if line == nil then io.write("\n"); break end
    core.clear_interrupt()
    local src = line
    local fn, err = compile(src)
    while not fn and incomplete(err) do
      local more = readline(">> ")
      if more == nil then break end
      src = src .. "\n" .. more
      fn, err = compile(src)
    end
    add_history(src)
    if not fn then
      io.stderr:write(err, "\n")
    else
      local res = table.pack(core.interruptible_pcall(fn))
      core.run_pending()
      if not res[1] then
        io.stderr:write(require("vg.cli").format_error(res[2]), "\n")
      elseif res.n > 1 then
        local out = {}
        for i = 2, res.n do out[#out + 1] = show(res[i]) end
        print(table.concat(out, "\t"))
      end
    end
    core.clear_interrupt()
  end
  return 0
end

return M
