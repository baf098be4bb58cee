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

local function compile(src)
  local fn, err = load("return " .. src, "=stdin")
  if fn then return fn end
  return load(src, "=stdin")
end

function M.run()
  local vg = require("vg")
  _G.vg = vg
  io.write("vgrun " .. core.version .. " (" .. _VERSION .. ")  vg is loaded; Ctrl-D to leave\n")
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
