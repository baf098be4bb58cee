-- vg.serve: `vgrun serve` wired together. start{} opens the task manager,
-- the doors and the HTTP server (require "vg.http", server/ in C) on the
-- engine's loop; every request runs in a fiber of its own, so a route that
-- loads a document waits without blocking the others. stop() ends event
-- streams, saves running tasks (mgr:shutdown) and closes the server.
local vg = require("vg")
local core = require("vg.core")
local http = require("vg.http")
local router_m = require("vg.serve.router")
local api = require("vg.serve.api")
local doors_m = require("vg.serve.doors")
local sse = require("vg.serve.sse")
local shown = require("vg.shown")
local M = {}

-- No inline script or style anywhere: the pages load their modules from /.
M.CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
  .. "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
  .. "form-action 'self'; frame-ancestors 'none'"

local SECURITY = {
  ["content-security-policy"] = M.CSP,
  ["x-content-type-options"] = "nosniff",
  ["referrer-policy"] = "no-referrer",
  ["x-frame-options"] = "DENY",
}

-- What a browser gets from a --token server without the token (no script,
-- no style: the CSP allows neither inline).
M.TOKEN_PAGE = [[<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>vgrun serve: a token is needed</title></head>
<body><h1>A token is needed</h1>
<p>This vgrun server asks for a token. Open the login URL that <code>vgrun serve</code>
printed when it started (the line that begins with <code>login:</code>), or send the
token as <code>Authorization: Bearer TOKEN</code>.</p></body></html>
]]

-- every response's headers: the security headers plus the route's own
local function headers(t)
  local h = {}
  for k, v in pairs(SECURITY) do h[k] = v end
  for k, v in pairs(t or {}) do h[k] = v end
  return h
end

-- the pages (web/, compiled in as vg.web_files): lookup(path) -> body, content_type, etag
local static = require("vg.serve.static")
local function static_lookup(path) return static.lookup(path) end

local function handle(S, req, info)
  local ctx = { S = S, req = req, info = info, headers = headers }
  local status, msg, extra = S.doors:check(info)
  if status then
    if extra then
      ctx.headers = function(t)
        local h = headers(t)
        for k, v in pairs(extra) do h[k] = v end
        return h
      end
    end
    -- a browser that opens a page of a --token server: a page that says
    -- how to get in, not raw JSON (scripts and /api keep the JSON)
    local accept = info.headers.accept or ""
    if status == 401 and info.method == "GET" and accept:find("text/html", 1, true)
        and not (info.path or ""):match("^/api/") then
      return req:respond(401, ctx.headers { ["content-type"] = "text/html; charset=utf-8",
        ["cache-control"] = "no-store" }, M.TOKEN_PAGE)
    end
    return api.send_error(ctx, status, msg)
  end
  local segs, err = router_m.segments(info.path)
  if not segs then return api.send_error(ctx, 400, err) end   -- (its segment cut by the router)
  ctx.query = router_m.query(info.query)
  if info.path == "/login" and info.method == "GET" then
    local st, h, body = S.doors:login(ctx.query)
    return req:respond(st, headers(h), body)
  end
  if segs[1] == "api" then
    info.format = ctx.query.format
    local fn, params = S.router:match(info.method, segs)
    if not fn then
      -- a path a client sent is echoed as other echoes are: cut and shown
      local path = shown.cut(info.path)
      return api.send_error(ctx, params, params == 405 and ("method " .. shown.cut(info.method, 16) .. " not allowed on " .. path)
        or ("no route " .. path))
    end
    ctx.params = params
    return fn(ctx)
  end
  if info.method ~= "GET" and info.method ~= "HEAD" then return api.send_error(ctx, 405, "pages are read-only") end
  local body, ctype, etag = static_lookup(info.path)
  if not body then return api.send_error(ctx, 404, "no page " .. shown.cut(info.path)) end
  if etag and info.headers["if-none-match"] == etag then
    return req:respond(304, headers { etag = etag }, "")
  end
  req:respond(200, headers { ["content-type"] = ctype, etag = etag, ["cache-control"] = "no-cache" }, body)
end

-- an error's stack for the log; the interrupt (SIGINT/SIGTERM, raised in
-- whatever Lua ran when it came) is no fault and stays a bare message
local function traced(e)
  if core.is_interrupt(e) then return e end
  return debug.traceback(e, 2)
end

local function run_request(S, req, info)
  local ok, err = xpcall(handle, traced, S, req, info)
  if not ok and core.is_interrupt(err) then
    -- the server is stopping: this request is answered as those still
    -- waiting are (503), with nothing in the log
    pcall(req.respond, req, 503, headers { ["content-type"] = "application/json", ["cache-control"] = "no-store" },
      '{"error":"the server is shutting down"}')
    return
  end
  if not ok then
    -- the path is the client's: shown as a name, so it cannot drive the terminal
    io.stderr:write(shown.lines(string.format("vgrun serve: %s %s: %s\n", shown.name(info.method or "?"),
      shown.name(info.path or "?"), tostring(err))))
    req:respond(500, headers { ["content-type"] = "application/json" }, '{"error":"internal error"}')
  end
end

-- A preview's files (the document, a set's folder, the answer, the PNG)
-- are named preview-PID-...: those of a server that is gone (killed mid
-- preview) are removed at the start; a live one's are left alone.
local function sweep_previews(tmp)
  for _, e in ipairs(core.scandir(tmp) or {}) do
    local pid = math.tointeger(tonumber(e.name:match("^preview%-(%d+)%-")))
    if pid and pid ~= core.getpid() then
      local _, _, code = core.kill(pid, 0)
      if code == "ESRCH" then
        local path = tmp .. "/" .. e.name
        if e.dir then core.remove_tree(path) else os.remove(path) end
      end
    end
  end
end

--- start{host=, port=, data=, token=, jobs=, max_upload=, tasks=, max_conns=,
---       max_per_addr=, header_timeout=, max_previews=, preview_queue=, heartbeat=,
---       max_queued=, max_queued_per_client=, min_free=, preview_exe=, preview_args=,
---       preview_child_bytes=, preview_seconds=, lua_timeout=} -> server | nil, message
-- tasks: the task manager module (default vg.serve.tasks, if built in).
-- preview_exe: the vgrun that previews a large document in a child process
-- (`preview_args`: its global options, the plug-ins); without it every
-- preview is made in this process.
function M.start(o)
  local S = { data = o.data, stopped = false, max_previews = o.max_previews, preview_queue = o.preview_queue,
    preview_exe = o.preview_exe, preview_args = o.preview_args, preview_child_bytes = o.preview_child_bytes,
    preview_seconds = o.preview_seconds }
  -- a plug-in's stage, listener or reader that never ends would hold the
  -- loop, every request and the stop: plug-in Lua that runs this long
  -- without yielding is stopped ("ran N s without yielding"; docs/serve.md)
  core.set_run_limit(o.lua_timeout or 30)
  local ok, err = core.mkdirs(o.data .. "/tmp")
  if not ok then return nil, err end
  sweep_previews(o.data .. "/tmp")
  local max_upload = o.max_upload or 10 * 1024 * 1024
  -- no document read here is larger than a client may send: the readers
  -- open gzip (NEWS.gz, man pages), so a 78 KB upload named talk.md
  -- expanded to the 32 MiB a file may hold on disk (2.2 GB and minutes of
  -- CPU in a preview, past --max-upload); a set's files are held to it too
  local lim = core.limits()
  if max_upload > 0 and max_upload < lim.max_file_bytes then
    S.limits_before = { max_file_bytes = lim.max_file_bytes }
    core.limits { max_file_bytes = max_upload }
    S.max_file_bytes = max_upload   -- and a preview's child is held to it
  end
  local Tasks = o.tasks
  if Tasks == nil then
    local found, mod = pcall(require, "vg.serve.tasks")
    Tasks = found and mod or nil
  end
  if Tasks then
    local mgr, merr = Tasks.new { data = o.data, jobs = o.jobs or 1 }
    -- another server on this folder: its message, not a traceback
    if not mgr then
      if S.limits_before then core.limits(S.limits_before) end
      return nil, tostring(merr)
    end
    S.mgr = mgr
    local rok, rerr = pcall(S.mgr.restore, S.mgr)
    if not rok then
      if S.limits_before then core.limits(S.limits_before) end
      return nil, "restoring tasks: " .. tostring(rerr)
    end
  end
  -- the queue's and the disk's caps (0: none)
  S.quota = require("vg.serve.quota").new { data = o.data, max_queued = o.max_queued or 100,
    max_queued_per_client = o.max_queued_per_client or 25, min_free = o.min_free or (1 << 30) }
  S.hub = sse.hub { max_per_stream = o.max_streams or 200 }
  S.router = router_m.new()
  api.routes(S.router)
  local srv, lerr = http.listen {
    host = o.host, port = o.port,
    -- multipart framing and the other fields ride along with the document
    max_body = max_upload + 64 * 1024,
    max_header = o.max_header or 16 * 1024,
    max_conns = o.max_conns or 256,
    -- one address cannot hold every slot; at a cap a new connection takes
    -- the place of the oldest one still waiting for its headers
    max_per_addr = o.max_per_addr or 128,
    -- headers due 10 s after the connection waits for a request, however
    -- slowly they trickle; a body must bring 4 KiB every 10 s
    header_timeout = o.header_timeout or 10,
    min_body = o.min_body or 4096,
    read_timeout = o.read_timeout or 600,
    max_queue = o.max_queue or 256 * 1024,
    on_request = function(req, info) core.go(run_request, S, req, info) end,
    on_gone = function(id) S.hub:gone(id); api.preview_gone(S, id) end,
  }
  if not srv then
    if S.mgr then pcall(S.mgr.shutdown, S.mgr) end
    if S.limits_before then core.limits(S.limits_before) end
    return nil, lerr
  end
  S.srv = srv
  S.port = srv:port()
  S.doors = doors_m.new { host = o.host, port = S.port, token = o.token }
  local beat = o.heartbeat or 15
  core.go(function()
    S.beater = core.running_fiber()
    while not S.stopped do
      if not pcall(vg.sleep, beat) then break end
      if not S.stopped then S.hub:heartbeat() end
    end
  end)
  return setmetatable(S, { __index = M })
end

--- stop(): ends the event streams, saves the tasks, closes the server.
--- Returns at once; closed() is true when the last connection closed.
-- A second SIGINT/SIGTERM raises "interrupted!" in whatever Lua runs at that
-- moment: each step of the stop may run again, so a step cut that way runs
-- again (the signal said "stop", which is under way) and the tasks are saved.
local function steady(what, fn, ...)
  for _ = 1, 10 do
    local ok, err = pcall(fn, ...)
    if ok then return true end
    if not core.is_interrupt(err) then
      io.stderr:write(shown.lines("vgrun serve: " .. what .. ": " .. tostring(err) .. "\n"))
      return false
    end
    core.clear_interrupt()
  end
  io.stderr:write("vgrun serve: ", what, ": interrupted again and again\n")
  return false
end

function M:stop()
  if self.stopped then return end
  self.stopped = true
  if self.beater then pcall(core.cancel_fiber, self.beater) end
  steady("ending event streams", self.hub.close_all, self.hub)
  steady("stopping previews", api.stop_previews, self)
  if self.mgr then steady("saving tasks", self.mgr.shutdown, self.mgr) end
  steady("closing the server", self.srv.close, self.srv)
  if self.limits_before then core.limits(self.limits_before) end
end

function M:closed() return self.srv:closed() end

return M
