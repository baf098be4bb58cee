-- vg.cli: the policy of the vgrun program. C's main() creates the engine
-- and calls main(argv); everything the user types is interpreted here.
-- Commands are modules lua/vg/cmd/<name>.lua returning
--   { summary = "...", usage = "...", run = function(args) return exit_code end }
-- so other parts add `create`, `say`, `frame`, `check`, `scenes` without
-- touching this file.
local core = require("vg.core")

local M = {}

-- The full text lives in vg.help, made from the same specs as the man pages;
-- after a usage error only the synopsis and where to read more.
local function usage_text()
  return require("vg.help").main_text():match("^(.-\n)\n") .. "`vgrun --help` tells more\n"
end

-- Every message reaches the terminal through shown.lines: a name in it
-- (a path, a Lua error's chunk name) cannot send the terminal a command.
-- Names are put in through shown.name too, so a line break or a backslash
-- in one reads as \x0a or \\.
local shown = require("vg.shown")
local function eprintf(fmt, ...) io.stderr:write(shown.lines(string.format(fmt, ...))) end

function M.commands()
  local list = {}
  for name in pairs(package.preload) do
    local cmd = name:match("^vg%.cmd%.([%w_-]+)$")
    if cmd then list[#list + 1] = cmd end
  end
  table.sort(list)
  return list
end

local function load_command(name)
  if not name:match("^[%w_-]+$") then return nil end
  if not package.preload["vg.cmd." .. name] then return nil end
  return require("vg.cmd." .. name)
end

function M.help() return require("vg.help").main_text() end

--- warnings(limit, hint) -> say(text), done(): a document's warnings on
-- standard error, at most `limit` of them; the rest are counted and said in
-- one line at done() with `hint` (where to read them all). A README with
-- 20,000 missing pictures would otherwise bury the one line that matters.
function M.warnings(limit, hint)
  local n, cut = 0, 0
  local function say(text)
    n = n + 1
    if n <= limit then io.stderr:write(text) else cut = cut + 1 end
  end
  local function done()
    if cut > 0 then
      io.stderr:write(string.format("vgrun: warning: and %d more warning%s (%s)\n", cut, cut == 1 and "" or "s", hint))
      cut = 0
    end
  end
  return say, done
end

-- Keeps "file:line: message" and the frames of the user's code.
function M.format_error(msg)
  msg = tostring(msg)
  local head, tb = msg:match("^(.-)\nstack traceback:\n(.*)$")
  if not head then return msg end
  local lines = {}
  for line in tb:gmatch("[^\n]+") do
    if not line:find("^%s*%[C%]: in ") and not line:find("^%s*lua/vg/")
      and not line:find("in function 'xpcall'") and not line:find("in function 'pcall'")
      and not line:find("in function 'vg%.core%.interruptible_pcall'")
      and not line:find("%(...tail calls...%)") then
      lines[#lines + 1] = line
    end
  end
  if #lines == 0 then return head end
  return head .. "\nstack traceback:\n" .. table.concat(lines, "\n")
end

-- Exit code after the user's code ran: interruption wins, then the tasks
-- this run started that failed. A script that let a task fail without
-- saying so exits 1 with each failed task's errors, never silently.
local function final_code(code)
  core.run_pending()
  -- a program that finishes its own stop (serve) says how it ended
  if core.interrupted() and not core.finish_on_interrupt("ask") then return 130 end
  if code ~= 0 then return code end
  local launch = require("vg.pipeline").current_launch()
  if launch and launch.failed > 0 then
    for _, t in ipairs(launch.failed_tasks or {}) do
      local errs = t.errors or {}
      local first = tostring(errs[1] and errs[1].message or "no reason recorded")
      local stage = errs[1] and type(errs[1].stage) == "string" and errs[1].stage
      if stage then
        -- a message that names its stage itself ("stage 'a': the context
        -- cannot be saved", "stage 'a' ran 3 s without yielding") is said
        -- after "in stage 'a'" without naming it twice
        local named = "stage '" .. stage .. "'"
        if first:sub(1, #named) == named then
          local rest = first:sub(#named + 1):gsub("^:? ", "", 1)
          if rest ~= "" then first = rest end
        end
      end
      eprintf("vgrun: task '%s' failed%s: %s\n", t.id, stage and (" in stage '" .. stage .. "'") or "",
        M.format_error(first))
      for i = 2, math.min(#errs, 5) do eprintf("  %s\n", tostring(errs[i].message)) end
      if #errs > 5 then eprintf("  (%d more)\n", #errs - 5) end
    end
    return 1
  end
  -- a fiber (vg.go) outside any task's stage that ended with an error was
  -- printed when it ended; the run did not do what it was asked
  local uncaught = core.uncaught_errors()
  if uncaught > 0 then
    eprintf("vgrun: %d fiber%s (vg.go) ended with an error (above)\n", uncaught, uncaught == 1 and "" or "s")
    return 1
  end
  return 0
end

local function run_function(fn, ...)
  local res = table.pack(core.interruptible_pcall(fn, ...))
  if not res[1] then
    if core.interrupted() then
      eprintf("vgrun: interrupted\n")
      return 130
    end
    eprintf("vgrun: %s\n", M.format_error(res[2]))
    return 1
  end
  if math.type(res[2]) == "integer" then return final_code(res[2]) end
  return final_code(0)
end

local function run_script(path, args)
  local fn, err
  if path == "-" then
    fn, err = load(io.read("a"), "=stdin", "t")
  else
    local f = io.open(path, "r")
    if not f then
      eprintf("vgrun: cannot open %s\n", shown.name(path))
      return 1
    end
    f:close()
    -- text only: Lua 5.4 does not verify precompiled chunks
    fn, err = loadfile(path, "t")
  end
  if not fn then
    eprintf("vgrun: %s\n", err)
    return 1
  end
  local argt = { [0] = path }
  for i, a in ipairs(args) do argt[i] = a end
  _G.arg = argt
  return run_function(fn, table.unpack(args))
end

-- The global options: --events PATH, --state-dir DIR, -q. Returns how many
-- arguments one takes at argv[i] (0: not a global option), or nil and a
-- message when its value is missing.
local function global_option(argv, i, opts)
  local a = argv[i]
  if a == "--events" or a == "--state-dir" then
    local v = argv[i + 1]
    if not v then return nil, a .. " needs a value" end
    opts[a] = v
    return 2
  elseif a:match("^%-%-events=") then opts["--events"] = a:sub(10); return 1
  elseif a:match("^%-%-state%-dir=") then opts["--state-dir"] = a:sub(13); return 1
  elseif a == "-q" or a == "--quiet" then opts.quiet = true; return 1
  end
  return require("vg.plugins").option(argv, i, opts)
end
M.global_option = global_option

--- global_option_names() -> { ["--name"] = true } for the global options
-- this vgrun takes (help lists only those)
function M.global_option_names()
  local r = {}
  for _, o in ipairs(require("vg.help").GLOBAL) do
    for _, n in ipairs(o) do
      -- a probe: a value no file can have, into a table nobody reads
      local ok, k = pcall(global_option, { n, "/nonexistent/vgrun-probe" }, 1, {})
      if ok and k and k > 0 then r[n] = true end
    end
  end
  return r
end

-- The config file is read before any command or script runs: a bad one is
-- a usage error that names file:line.
local function config_ok()
  local ok, err = pcall(require("vg.config").load)
  if ok then return true end
  eprintf("vgrun: config: %s\n", type(err) == "table" and err.usage or tostring(err))
  return false
end

-- A folder vgrun keeps its state or cache in, named by the environment or
-- --state-dir: nil when it is a folder or can be made, else why not. A
-- file there (VGRUN_STATE_DIR=/dev/null) would fail later, mid-run, as a
-- runtime error; it is a usage error instead.
local function folder_problem(dir)
  local p = dir
  while true do
    local st = core.stat(p)
    if st then
      if st.type == "dir" then return nil end
      local what = st.type == "file" and "a file" or st.type == "fifo" and "a FIFO" or "a device or a socket"
      if p == dir then return what .. ", not a folder" end
      return "cannot be made: " .. shown.name(p) .. " is " .. what
    end
    local parent = p:match("^(.*)/[^/]*$")
    if not parent then return nil end            -- relative, under the working directory
    if parent == "" then return nil end          -- under /
    p = parent
  end
end

--- settings_problem(opts, args) -> nil, or the usage error a folder
-- setting makes (the one in force: --state-dir over VGRUN_STATE_DIR;
-- VGRUN_CACHE_DIR, unless the command's args say --no-cache: then the
-- cache is never touched, and its setting does not matter)
function M.settings_problem(opts, args)
  local list = {}
  if opts["--state-dir"] then list[1] = { "--state-dir", opts["--state-dir"] }
  else list[1] = { "VGRUN_STATE_DIR", os.getenv("VGRUN_STATE_DIR") } end
  local no_cache = false
  for _, a in ipairs(args or {}) do
    if a == "--" then break end
    if a == "--no-cache" then no_cache = true end
  end
  if not no_cache then list[2] = { "VGRUN_CACHE_DIR", os.getenv("VGRUN_CACHE_DIR") } end
  for _, s in ipairs(list) do
    local why = s[2] and s[2] ~= "" and folder_problem(s[2])
    if why then
      return string.format("%s%s%s: %s (name a folder, or %s)", s[1], s[1]:match("^%-%-") and " " or "=",
        shown.name(s[2]), why,
        s[1]:match("^%-%-") and "leave the option out" or "unset " .. s[1])
    end
  end
end

-- Global options work after a command's name too (`vgrun create ... -q`):
-- they are taken out of its arguments, up to a "--". A command that gives
-- one of them a meaning of its own lists it in cmd.own_options.
local function take_globals(args, opts, own)
  local out, i = {}, 1
  while i <= #args do
    local a = args[i]
    if a == "--" then table.move(args, i, #args, #out + 1, out); break end
    local name = a:match("^(%-%-[%w-]+)=") or a
    local n, err = 0, nil
    if not (own and own[name]) then n, err = global_option(args, i, opts) end
    if not n then return nil, err end
    if n == 0 then out[#out + 1] = a; i = i + 1 else i = i + n end
  end
  return out
end

--- version_text(): vgrun's version and those of the libraries it runs
-- with, as they answer at run time (cli/version.c, in the vgrun program).
function M.version_text()
  local out = { "vgrun " .. core.version }
  local ok, v = pcall(require, "vg.versions")
  local list = ok and type(v) == "table" and v.list and v.list() or {}
  for _, e in ipairs(list) do out[#out + 1] = string.format("  %-14s %s", e[1], e[2]) end
  if #list == 0 then out[#out + 1] = "  " .. _VERSION end
  return table.concat(out, "\n") .. "\n"
end

local function main(argv, launch)
  -- shell completion (completion/vgrun.bash, completion/_vgrun)
  if argv[1] == "__complete" then
    local ok, list = pcall(require("vg.help").complete, table.move(argv, 2, #argv, 1, {}))
    if ok then for _, c in ipairs(list) do io.write(c, "\n") end end
    return 0
  end
  local i = 1
  local opts = {}
  while i <= #argv do
    local a = argv[i]
    local n, err = global_option(argv, i, opts)
    if not n then eprintf("vgrun: %s\n%s", err, usage_text()); return 2 end
    if n > 0 then i = i + n
    elseif a == "-v" or a == "--version" then
      io.write(M.version_text())
      return 0
    elseif a == "-h" or a == "--help" then
      io.write(M.help())
      return 0
    else
      break
    end
  end
  local rest = table.move(argv, i, #argv, 1, {})
  local first = rest[1]
  -- a command: its arguments may carry global options too
  local cmd
  if first and first:sub(1, 1) ~= "-" and not first:find("[/.]") then
    -- a module the command needs that cannot be loaded (a broken copy in
    -- VGRUN_LUA_DIR): its file, line and reason, not a traceback
    local lok, c = pcall(load_command, first)
    if not lok then eprintf("vgrun %s: %s\n", first, M.format_error(c)); return 1 end
    cmd = c
  end
  local args = table.move(rest, 2, #rest, 1, {})
  if cmd then
    local err
    args, err = take_globals(args, opts, cmd.own_options)
    if not args then eprintf("vgrun %s: %s\n", first, err); return 2 end
    -- a command described by a spec: its help comes from the spec
    if cmd.spec and (args[1] == "--help" or args[1] == "-h") then
      io.write(require("vg.help").text(first))
      return 0
    end
  end
  if first ~= nil and first ~= "help" and first ~= "config" and not config_ok() then return 2 end
  if first ~= "help" and first ~= "config" then
    local bad = M.settings_problem(opts, args)
    if bad then eprintf("vgrun: %s\n", bad); return 2 end
  end
  M.options = opts   -- the global options given (`vgrun config` shows them)
  local quiet = opts.quiet or false
  if opts["--state-dir"] then core.state_dir(opts["--state-dir"]) end
  -- a command that writes files checks the events file with them and opens
  -- it itself (cmd.opens_events), so --events can never truncate an input
  M.events_path = nil
  local outputs = require("vg.create.outputs")
  if opts["--events"] then
    local why = outputs.events_file_refused(opts["--events"])
    if why then eprintf("vgrun: --events %s\n", why); return 2 end
  end
  if opts["--events"] and cmd and cmd.opens_events then
    M.events_path = opts["--events"]
  elseif opts["--events"] then
    local ok, err = core.events_to_file(opts["--events"])
    if not ok then eprintf("vgrun: --events: %s\n", err); return 2 end
    outputs.claim_events(opts["--events"])
  end
  M.quiet = quiet
  if not quiet and core.isatty(2) then require("vg.progress").attach() end
  -- plug-ins (--plugin, the config folder) before any work; a broken one is a usage error
  local plugins = require("vg.plugins")
  local ok, perr = plugins.load_all{ files = opts.plugins, folder = not opts.no_plugins }
  if not ok then eprintf("vgrun: %s\n", M.format_error(perr)); return 2 end

  local cwd = core.cwd()

  if first == nil then
    if core.isatty(0) then return require("vg.repl").run() end
    return run_script("-", {})
  end
  if first == "-e" then
    local chunk = rest[2]
    if not chunk then eprintf("vgrun: -e needs a chunk of Lua\n"); return 2 end
    local fn, err = load(chunk, "=(command line)")
    if not fn then eprintf("vgrun: %s\n", err); return 1 end
    _G.arg = { [0] = "-e", table.unpack(rest, 3) }
    return run_function(fn, table.unpack(rest, 3))
  end
  if first == "-" then
    return run_script("-", table.move(rest, 2, #rest, 1, {}))
  end
  if first:sub(1, 1) == "-" then
    eprintf("vgrun: unknown option '%s'\n%s", shown.name(first), usage_text())
    return 2
  end

  if cmd then
    -- what resuming runs again: the command and its own arguments (global
    -- options are given again by whoever resumes)
    launch.invocation = { argv = { first, table.unpack(args) }, cwd = cwd,
                          plugins = plugins.recorded(opts.plugins) }
    local res = table.pack(core.interruptible_pcall(cmd.run, args))
    if not res[1] then
      if core.interrupted() then eprintf("vgrun: interrupted\n"); return 130 end
      eprintf("vgrun %s: %s\n", first, M.format_error(res[2]))
      return 1
    end
    local code = math.type(res[2]) == "integer" and res[2] or 0
    core.run_pending()
    -- a command that finishes its own stop (serve) says how it ended, even
    -- when a last signal comes after it cleared the first
    if core.interrupted() and not core.finish_on_interrupt("ask") then return 130 end
    return code
  end
  local f = io.open(first, "r")
  if not f then
    if first:match("^[%w_-]+$") then
      eprintf("vgrun: '%s' is neither a command nor a file (commands: %s)\n", shown.name(first),
        table.concat(M.commands(), ", "))
    else
      eprintf("vgrun: cannot open %s\n", shown.name(first))
    end
    return 2
  end
  -- a script is a .lua file or one whose first line runs vgrun (#!): a
  -- document named by mistake (`vgrun README.md`) is never run as code
  local head = first:lower():match("%.lua$") and "" or (f:read("l") or "")
  f:close()
  if not (first:lower():match("%.lua$") or (head:match("^#!") and head:find("vgrun", 1, true))) then
    eprintf("vgrun: %s is not a Lua script (a script's name ends in .lua, or its first line is "
      .. "#!/usr/bin/env vgrun); nothing was run.\n  To make a video of a document: vgrun create "
      .. "--from %s -o NAME.mp4\n  To see its plan first: vgrun scenes %s\n", shown.name(first),
      shown.name(first), shown.name(first))
    return 2
  end
  local abs = core.realpath(first) or first
  -- the script is re-run by `tasks resume` only while it is this same file
  local digest = core.file_digest(abs)
  launch.invocation = { argv = { abs, table.unpack(args) }, cwd = cwd,
                        script = digest and { path = abs, sha256 = digest.sha256 } or nil,
                        plugins = plugins.recorded(opts.plugins) }
  return run_script(first, args)
end

--- main(argv [, how]): argv without the program name. how.resume =
--- {task_id=, pipeline=}: the first task of that pipeline this run starts
--- resumes that task (`vgrun tasks resume`). Returns the exit code and the
--- run's launch (launch.resume is still set when nothing took the request).
function M.main(argv, how)
  local pipeline = require("vg.pipeline")
  local launch = pipeline.new_launch{ resume = how and how.resume }
  local prev = pipeline.enter_launch(launch)
  local ok, code = pcall(main, argv, launch)
  pipeline.enter_launch(prev)
  if not ok then error(code, 0) end
  return code, launch
end

return M
