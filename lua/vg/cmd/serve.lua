-- vgrun serve: the studio in the browser and an HTTP API for scripts, on
-- the engine's loop (issue 14, docs/serve.md).
local SPEC

-- every message through shown.lines: a path in an error cannot drive the terminal
local function eprintf(fmt, ...) io.stderr:write(require("vg.shown").lines(string.format(fmt, ...))) end

local function LISTEN(v, name)
  local host, port = require("vg.serve.doors").parse_listen(v)
  if not host then return nil, name .. ": " .. port end
  return { host = host, port = port }
end
local function JOBS(v, name)
  local n = math.tointeger(tonumber(v))
  if not n or n < 1 or n > 64 then return nil, name .. " takes a number from 1 to 64" end
  return n
end
-- bytes of a size written "10M", "512K", "1G", "1T" (binary units), or nil
local function bytes_of(v)
  local n, unit = tostring(v):match("^(%d+%.?%d*)%s*([kKmMgGtT]?)[iI]?[bB]?$")
  n = tonumber(n)
  local mult = ({ [""] = 1, k = 1024, m = 1024 ^ 2, g = 1024 ^ 3, t = 1024 ^ 4 })[(unit or ""):lower()]
  return n and mult and n * mult or nil
end
local function SIZE(v, name)
  local b = bytes_of(v)
  if not b or b < 1024 or b > 4 * 1024 ^ 3 then
    return nil, name .. " takes a size from 1K to 4G (10M, 512K, 1G)"
  end
  return math.floor(b)
end
-- SIZE for --min-free: 0 (no floor) or 1K up to 1T
local function FLOOR(v, name)
  if tostring(v) == "0" then return 0 end
  local b = bytes_of(v)
  if not b or b < 1024 or b > 1024 ^ 4 then
    return nil, name .. " takes 0 or a size from 1K to 1T (1G, 500M)"
  end
  return math.floor(b)
end
-- a cap on tasks: 0 (none) to 100000
local function COUNT(v, name)
  local n = math.tointeger(tonumber(v))
  if not n or n < 0 or n > 100000 then return nil, name .. " takes a number from 0 (no cap) to 100000" end
  return n
end
-- --preview-child: 0 (every preview) or a size
local function CHILD(v, name)
  if tostring(v) == "0" then return 0 end
  local b = bytes_of(v)
  if not b or b < 1 or b > 4 * 1024 ^ 3 then return nil, name .. " takes 0 or a size up to 4G (64K, 1M)" end
  return math.floor(b)
end
local function SECONDS(v, name)
  local n = tonumber(v)
  if not n or n ~= n or n < 0.1 or n > 3600 then return nil, name .. " takes seconds from 0.1 to 3600" end
  return n
end
local function TOKEN(v, name)
  if v == "auto" then return v end
  if #v < 16 or not v:match("^[%w%-_.~]+$") then
    return nil, name .. " takes auto, or at least 16 characters of A-Z a-z 0-9 - _ . ~"
  end
  return v
end

local function run(args)
  local args_ = require("vg.args")
  local o, operands = args_.command(SPEC, args)
  if not o then return operands end
  if #operands > 0 then return args_.usage_error(SPEC, "unexpected argument " .. operands[1]) end
  local core = require("vg.core")
  local doors = require("vg.serve.doors")
  local listen = o.listen or { host = "127.0.0.1", port = 8080 }
  local token = o.token
  if not doors.is_loopback(listen.host) and not token then
    return args_.usage_error(SPEC, "listening on " .. listen.host
      .. " (not loopback) needs --token TOKEN or --token auto")
  end
  if token == "auto" then token = doors.new_token() end
  local data = o.data or (core.state_dir() .. "/serve")

  -- a large document is previewed by this vgrun in a child process, with
  -- the plug-ins this one loaded
  local gopts = require("vg.cli").options or {}
  local pargs = {}
  for _, f in ipairs(gopts.plugins or {}) do
    pargs[#pargs + 1] = "--plugin"; pargs[#pargs + 1] = core.realpath(f) or f
  end
  if gopts.no_plugins then pargs[#pargs + 1] = "--no-plugins" end
  local serve = require("vg.serve")
  local S, err = serve.start { preview_exe = core.realpath("/proc/self/exe"), preview_args = pargs, host = listen.host, port = listen.port, data = data, token = token,
    jobs = o.jobs or 1, max_upload = o.max_upload or 10 * 1024 * 1024,
    max_queued = o.max_queued or 100, max_queued_per_client = o.max_queued_per_client or 25,
    min_free = o.min_free or (1 << 30), preview_child_bytes = o.preview_child or 64 * 1024,
    preview_seconds = o.preview_timeout or 120, lua_timeout = o.lua_timeout or 30 }
  if not S then eprintf("vgrun serve: %s\n", tostring(err)); return 1 end
  -- SIGINT/SIGTERM: the engine cancels running tasks and flags the
  -- interrupt; the loop turn returns and the server stops cleanly. A
  -- second signal (systemd's, a second Ctrl-C) does not cut the saving of
  -- the tasks short; five do.
  core.finish_on_interrupt()
  -- From the URL on, a client may act on it and a signal may come at once:
  -- the interrupt's error is raised in whatever Lua runs at that moment, so
  -- everything up to the stop runs inside one pcall (an error there is the
  -- stop's cue, never the command's end with "interrupted", 130).
  local function announce()
    io.stdout:write("vgrun serve: ", S.doors:url(), "\n")
    if o.token == "auto" then io.stdout:write("login: ", S.doors:login_url(), "\n") end
    if not S.mgr then eprintf("vgrun serve: no task manager in this vgrun: only the preview routes work\n") end
    io.stdout:flush()
  end
  -- a turn is a Lua function: an interrupt hook armed while the loop ran
  -- fires on its return, inside the pcall, not in the lines after it
  local function turn() local more = core.run_once(); return more end
  local function serve_until_stopped()
    announce()
    while not S.stopped and not core.interrupted() do
      local ok, e = pcall(turn)
      if not ok and not core.is_interrupt(e) then eprintf("vgrun serve: %s\n", tostring(e)); return end
    end
  end
  local sok, serr = pcall(serve_until_stopped)
  if not sok and not core.is_interrupt(serr) then eprintf("vgrun serve: %s\n", tostring(serr)) end
  core.clear_interrupt()
  -- Closing goes on to the end whatever a turn raises: a task that ends
  -- cancelled, or a second signal, must not leave the server half closed
  -- for the engine to tear down under it.
  local ok, e = pcall(S.stop, S)
  if not ok then eprintf("vgrun serve: %s\n", tostring(e)) end
  local errors = 0
  local function closing() if S:closed() then return false end return turn() end
  while true do
    local turned, more = pcall(closing)
    if turned and not more then break end
    if not turned then
      if not core.is_interrupt(more) then eprintf("vgrun serve: %s\n", tostring(more)) end
      core.clear_interrupt()
      errors = errors + 1
      if errors > 100 then break end
    end
  end
  eprintf("vgrun serve: stopped\n")
  -- a signal that came during the stop was handled by it: the stop ran to
  -- its end, so the exit says so (0), not "interrupted" (130)
  core.clear_interrupt()
  return 0
end

-- Its parser, --help, `vgrun help serve`, vgrun-serve(1) and completion.
SPEC = {
  name = "serve",
  summary = "the studio in the browser and an HTTP API (tasks, live progress, previews)",
  synopsis = { "[--listen ADDR:PORT] [--data DIR] [--token TOKEN|auto] [-j N] [--max-upload SIZE] "
    .. "[--max-queued N] [--max-queued-per-client N] [--min-free SIZE] [--preview-child SIZE] "
    .. "[--preview-timeout SECONDS] [--lua-timeout SECONDS]" },
  description = [[
Serves the studio pages and the HTTP API (docs/serve.md) on the engine's
own loop: tasks made from uploaded documents run here, at most -j at once,
and their progress is pushed to the browser as Server-Sent Events. Prints
the URL to open.

Listening on anything but loopback needs a token: every request then
carries `Authorization: Bearer TOKEN`, or the cookie the login URL sets
(--token auto makes a token and prints that URL). Requests whose Host is
not this server's, or that come from another site's page, are refused.
Ctrl-C (SIGINT) or SIGTERM stops it; running tasks are saved as cancelled
and resume on the next start.]],
  options = {
    { "--listen", arg = "ADDR:PORT", check = LISTEN, default = "127.0.0.1:8080",
      help = "where to listen (port 0: any free port)" },
    { "--data", arg = "DIR", complete = "dirs", default = "STATE/serve (the state folder)",
      help = "the server's folder: tasks, uploads, outputs" },
    { "--token", arg = "TOKEN|auto", check = TOKEN, default = "none (loopback only)",
      help = "require this token on every request; auto makes one and prints a login URL" },
    { "-j", "--jobs", arg = "N", check = JOBS, default = "1", help = "tasks that run at once; the rest queue" },
    { "--max-upload", arg = "SIZE", check = SIZE, default = "10M", help = "largest document accepted (413 past it)" },
    { "--max-queued", arg = "N", check = COUNT, default = "100",
      help = "tasks waiting to run, from all clients (429 past it; 0: no cap)" },
    { "--max-queued-per-client", arg = "N", check = COUNT, default = "25",
      help = "tasks waiting to run from one client address (IPv6: one /64; 429 past it; 0: no cap)" },
    { "--min-free", arg = "SIZE", check = FLOOR, default = "1G",
      help = "free space kept on the data folder's disk: a task that would take it is refused (507; 0: none)" },
    { "--preview-child", arg = "SIZE", check = CHILD, default = "64K",
      help = "a preview (/api/check, /api/scenes, /api/frame) of a document this large or larger is made in a "
        .. "child process, so the server goes on meanwhile (0: every preview)" },
    { "--preview-timeout", arg = "SECONDS", check = SECONDS, default = "120",
      help = "a preview in a child process that takes longer is stopped (422)" },
    { "--lua-timeout", arg = "SECONDS", check = SECONDS, default = "30",
      help = "a plug-in's Lua (a task's stage, a listener, a reader) that runs this long without yielding is "
        .. "stopped: its task fails, a listener is removed, the server goes on" },
  },
  env = { { "VGRUN_STATE_DIR", "the state folder (the default --data is its serve/ folder)" } },
  exit = { { 0, "stopped by SIGINT or SIGTERM" }, { 1, "cannot listen or cannot open the data folder" },
    { 2, "usage error (a non-loopback address without --token)" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  run = run,
}
