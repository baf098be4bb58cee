-- vg.serve.api: every /api route of `vgrun serve` (docs/serve.md). JSON in
-- and out; errors are {"error": message, "diagnostics": [...]}. Task routes
-- go to the task manager (vg.serve.tasks); the preview routes (check,
-- scenes, frame) store the document and ask vg.serve.preview, in this
-- process for a small document and in a child process for a large one.
local vg = require("vg")
local core = require("vg.core")
local upload = require("vg.serve.upload")
local preview_m = require("vg.serve.preview")
local scrub = require("vg.serve.scrub")
local shown = require("vg.shown")
local json = vg.json
local M = {}

local JSON = "application/json"

-- (every answer's error and diagnostics without the server's paths: a
-- plug-in's error names its file and line only, vg.serve.scrub)
function M.send_json(ctx, status, t)
  scrub.answer(t)
  ctx.req:respond(status, ctx.headers { ["content-type"] = JSON, ["cache-control"] = "no-store" }, json.encode(t))
end

function M.send_error(ctx, status, message, diagnostics, extra)
  local t = { error = message, diagnostics = diagnostics and json.array(diagnostics) or nil }
  for k, v in pairs(extra or {}) do t[k] = v end
  M.send_json(ctx, status, t)
end

-- an error with headers of its own (Retry-After)
function M.send_error_with(ctx, status, message, headers)
  local h = { ["content-type"] = JSON, ["cache-control"] = "no-store" }
  for k, v in pairs(headers or {}) do h[k] = v end
  ctx.req:respond(status, ctx.headers(h), json.encode { error = scrub.text(message) })
end

local function arr(t) return json.array(t or {}) end

--- The preview routes -------------------------------------------------------

local EXT = { md = "md", rst = "rst", adoc = "adoc", txt = "txt", html = "html", yaml = "yaml", json = "json", srt = "srt", vtt = "vtt" }
local seq = 0

local function tmp_path(S, ext)
  seq = seq + 1
  return string.format("%s/tmp/preview-%d-%d-%s.%s", S.data, core.getpid(), seq,
    core.sha256(tostring(core.hrtime()) .. seq):sub(1, 12), ext)
end

-- The document under a server-made name in DATA/tmp/ (a set extracted as
-- a task's is: listed and screened first, by bsdtar in a child process, into
-- a folder of its own) -> {path=, name=, dir=}, cleanup, what cleanup
-- removes | nil (answered)
local function store(ctx, doc)
  local tinput = require("vg.serve.tasks.input")
  if doc.archive then
    local dir = tmp_path(ctx.S, "d")
    local ok, err = core.mkdirs(dir, 448) -- 0700
    if not ok then M.send_error(ctx, 500, "cannot store the set: " .. tostring(err)); return nil end
    local stored, serr = tinput.store(dir, { archive = doc.archive, bytes = doc.bytes, name = doc.name })
    if not stored then
      tinput.remove_tree(dir)
      if ctx.S.stopped or core.interrupted() then M.send_error(ctx, 503, "the server is shutting down"); return nil end
      M.send_error(ctx, 422, tostring(serr)); return nil
    end
    return { path = stored.path, name = stored.name, dir = stored.path:match("^(.*)/[^/]*$") },
      function() tinput.remove_tree(dir) end, dir
  end
  local ext = EXT[doc.format]
  local name = doc.name and doc.name:match("[^/\\]*$") or ("document." .. ext)
  if name == "" then name = "document." .. ext end
  local path = tmp_path(ctx.S, ext)
  local ok, err = core.write_atomic(path, doc.bytes or doc.text)
  if not ok then M.send_error(ctx, 500, "cannot store the document: " .. tostring(err)); return nil end
  return { path = path, name = name }, function() os.remove(path) end, path
end

-- a frame's settings: the query's, else the options', else the form's
local PARAMS = { "resolution", "theme", "captions", "scene", "time", "color" }
local function params_of(fields, options, query)
  local p = {}
  for _, k in ipairs(PARAMS) do
    local v = query[k]
    if v == nil and options[k] ~= nil then v = options[k] end
    if v == nil and fields[k] then v = fields[k].data end
    local t = type(v)
    if t == "string" or t == "number" or t == "boolean" then p[k] = v
    elseif t == "table" then
      local list = {}
      for _, x in ipairs(v) do if type(x) == "string" then list[#list + 1] = x end end
      p[k] = json.array(list)
    end
  end
  return p
end

-- A document this large or larger is previewed in a child process (about
-- 1.5 ms of reading per KB: 100 ms here); a smaller one in this process,
-- where a frame costs no start of a process and of its fonts (50-150 ms).
local CHILD_BYTES = 64 * 1024
-- a child that has not answered by then is stopped: its preview is 422
local CHILD_SECONDS = 120

-- a line of a child's standard error, with the server's names of the
-- document replaced by the client's
local function child_said(stderr, req)
  local last
  for line in tostring(stderr or ""):gmatch("[^\n]+") do last = line end
  if not last then return nil end
  last = preview_m.rename_diags({ { m = last } }, req.path, req.name)[1].m
  if req.dir then last = preview_m.rename_diags({ { m = last } }, req.dir .. "/", "")[1].m end
  return last:sub(1, 300)
end

local function in_child(S, req, files)
  local answer = tmp_path(S, "json")
  local argv = { "-k", "5", tostring(S.preview_seconds or CHILD_SECONDS), S.preview_exe }
  for _, a in ipairs(S.preview_args or {}) do argv[#argv + 1] = a end
  for _, a in ipairs { "-q", "-e", "return require('vg.serve.preview').child(...)", answer } do argv[#argv + 1] = a end
  req.max_file_bytes = S.max_file_bytes
  -- the server's stop cancels this wait (M.stop_previews): the child is
  -- sent SIGTERM, and SIGKILL 5 s later if it has not ended
  local g, co = S.previews, core.running_fiber()
  files[#files + 1] = answer
  g.children[co] = files
  local ok, res, err = pcall(core.spawn, "timeout", argv, { stdin = json.encode(req) })
  g.children[co] = nil
  local f = io.open(answer, "rb")
  local text = f and f:read("a")
  if f then f:close() end
  os.remove(answer)
  if not ok then error(res, 0) end   -- cancelled: the server stops
  local dok, a = pcall(json.decode, text or "")
  if text and dok and type(a) == "table" and math.type(a.status) == "integer" then return a end
  if S.stopped or core.interrupted() then return { status = 503, body = { error = "the server is shutting down" } } end
  if not res then return { status = 500, body = { error = "cannot start a preview: " .. tostring(err) } } end
  if res.code == 124 or res.code == 128 + 9 then
    return { status = 422, body = { error = string.format(
      "the document took more than %g s to preview: a preview stops there", S.preview_seconds or CHILD_SECONDS) } }
  end
  local said = child_said(res.stderr, req)
  return { status = 500, body = { error = string.format("the preview stopped (exit code %d)%s", res.code,
    said and ": " .. said or "") } }
end

-- (the PNG is read from the path this server chose, whatever the answer says)
local function answer(ctx, a, req)
  if a.png and req.out then
    local f = io.open(req.out, "rb")
    local png = f and f:read("a")
    if f then f:close() end
    os.remove(req.out)
    if not png then return M.send_error(ctx, 500, "the frame was not written") end
    return ctx.req:respond(200, ctx.headers { ["content-type"] = "image/png", ["cache-control"] = "no-store" }, png)
  end
  M.send_json(ctx, a.status, a.body or {})
end

-- A preview reads the whole document: at most max_previews at once; a few
-- more wait their turn, in order; past those, 503 with Retry-After.
local function gate(S)
  local g = S.previews
  if not g then
    g = { running = 0, waiting = {}, max = S.max_previews or 2, queue = S.preview_queue or 8, children = {},
      by_request = {} }
    S.previews = g
  end
  return g
end

local function run_preview(ctx, route)
  local doc, options, fields = upload.document(ctx.info)
  if not doc then return M.send_error(ctx, options, fields) end
  options = options or {}
  local okopt, oerr = preview_m.check_options(options)
  if not okopt then return M.send_error(ctx, 400, oerr) end
  local req, cleanup, top = store(ctx, doc)
  if not req then return end
  req.route, req.options = route, options
  req.params = params_of(fields or {}, options, ctx.query)
  if route == "frame" then req.out = tmp_path(ctx.S, "png") end
  -- a large document, or any document once plug-ins are loaded: their Lua
  -- (a reader, a scene type) is the user's, and one that never ends would
  -- hold the loop and every other request; in a child it is held to
  -- --preview-timeout like the rest
  local child = ctx.S.preview_exe and (#(ctx.info.body or "") >= (ctx.S.preview_child_bytes or CHILD_BYTES)
    or #require("vg.plugins").loaded > 0)
  -- the request's body is garbage once stored
  ctx.info.body = nil
  -- what a stop removes if this fiber does not run again: the document
  -- (or the set's folder), the PNG, the child's answer
  local files = { top, req.out }
  local g, id = gate(ctx.S), ctx.info.id
  if child and id then g.by_request[id] = core.running_fiber() end
  local ok, a = pcall(child and in_child or function(_, r) return preview_m.answer(r) end, ctx.S, req, files)
  if id then g.by_request[id] = nil end
  cleanup()
  -- the client left (M.preview_gone stopped the child): nobody to answer
  if not ok and ctx.req:gone() and not ctx.S.stopped then
    if req.out then os.remove(req.out) end
    return
  end
  if not ok or ctx.S.stopped or core.interrupted() then
    if req.out then os.remove(req.out) end
    if ok or core.is_interrupt(a) or ctx.S.stopped then return M.send_error(ctx, 503, "the server is shutting down") end
    error(a, 0)
  end
  answer(ctx, a, req)
end

local function preview_done(S)
  local g = gate(S)
  local nxt = table.remove(g.waiting, 1)
  if nxt then
    -- the slot goes to the next in line
    nxt.go = true
    core.wake(nxt.co)
    return
  end
  g.running = g.running - 1
end

--- preview_gone(S, id): the client of request id left: a preview made for
-- it in a child process is stopped (the editor aborts the frame it no longer
-- wants at every pause in typing)
function M.preview_gone(S, id)
  local co = S.previews and S.previews.by_request[id]
  if co then pcall(core.cancel_fiber, co) end
end

--- stop_previews(S): the previews made in child processes are stopped
function M.stop_previews(S)
  local g = S.previews
  if not g then return end
  for co, files in pairs(g.children) do
    pcall(core.cancel_fiber, co)
    -- the fiber may not run again before the process ends: its files go now
    for _, f in ipairs(files) do pcall(core.remove_tree, f) end
  end
end

local function preview(route)
  return function(ctx)
    local g = gate(ctx.S)
    if g.running >= g.max then
      if #g.waiting >= g.queue or not core.in_fiber() then
        return ctx.req:respond(503, ctx.headers { ["content-type"] = JSON, ["cache-control"] = "no-store",
          ["retry-after"] = "5" }, json.encode { error = string.format(
            "%d previews are being made and %d wait their turn: try again in a few seconds", g.running, #g.waiting) })
      end
      local me = { co = core.running_fiber() }
      g.waiting[#g.waiting + 1] = me
      local ok, err = pcall(function() while not me.go do core.suspend() end end)
      if not ok then
        -- the wait was cancelled: out of the line, or the slot goes on
        if me.go then preview_done(ctx.S) end
        for i, w in ipairs(g.waiting) do if w == me then table.remove(g.waiting, i); break end end
        error(err, 0)
      end
      -- it left while it waited: nothing to make
      if ctx.req:gone() or ctx.S.stopped then return preview_done(ctx.S) end
    else
      g.running = g.running + 1
    end
    local ok, err = pcall(run_preview, ctx, route)
    preview_done(ctx.S)
    if not ok then error(err, 0) end
  end
end

--- Catalogues ---------------------------------------------------------------

local function voices_route(ctx)
  local tts = require("vg.tts")
  local list = {}
  for _, v in ipairs(tts.voices()) do
    list[#list + 1] = { name = v.name, description = v.description, named = v.named and true or false,
      language = v.language }
  end
  M.send_json(ctx, 200, { voices = arr(list), variants = arr(tts.variants()) })
end

local function colors_route(ctx)
  local theme = require("vg.theme")
  local list = {}
  for _, n in ipairs(theme.accent_names) do
    local c = theme.accents[n]
    list[#list + 1] = { name = n, hex = string.format("#%02x%02x%02x", c[1], c[2], c[3]) }
  end
  M.send_json(ctx, 200, { colors = arr(list), custom = "#rrggbb" })
end

local function themes_route(ctx)
  M.send_json(ctx, 200, { themes = arr(require("vg.theme").names) })
end

local function scene_types_route(ctx)
  M.send_json(ctx, 200, { scene_types = arr(require("vg.render").types()) })
end

local function languages_route(ctx)
  local i18n = require("vg.i18n")
  local list = {}
  for code in pairs(i18n.phrases) do list[#list + 1] = { code = code, voice = i18n.voice(code) } end
  table.sort(list, function(a, b) return a.code < b.code end)
  -- task_option: whether tasks take `language` (once `vgrun create` has
  -- --language); the page shows its menu only then
  local okm, topts = pcall(require, "vg.serve.tasks.options")
  M.send_json(ctx, 200, { languages = arr(list), task_option = okm and topts.accepts("language") or false })
end

local function health_route(ctx)
  M.send_json(ctx, 200, { ok = true, tasks = ctx.S.mgr ~= nil, streams = ctx.S.hub.count,
    connections = ctx.S.srv:connections() })
end

local function version_route(ctx)
  M.send_json(ctx, 200, { version = core.version, http = require("vg.http").library })
end

--- Tasks ----------------------------------------------------------------------

local function mgr_of(ctx)
  if ctx.S.mgr then return ctx.S.mgr end
  M.send_error(ctx, 503, "this vgrun has no task manager (vg.serve.tasks)")
end

local function valid_id(id) return type(id) == "string" and #id <= 80 and id:match("^[%w][%w%-_.]*$") ~= nil end

local function task_of(ctx)
  local mgr = mgr_of(ctx)
  if not mgr then return end
  local id = ctx.params.id
  local t = valid_id(id) and mgr:get(id)
  if not t then
    -- an id no task can have is not echoed: it may be 16 KB long
    M.send_error(ctx, 404, valid_id(id) and "no task " .. shown.cut(id)
      or "no task: a task id is at most 80 letters, digits, '-', '_' and '.'")
    return
  end
  return mgr, t, id
end

local function submit_route(ctx)
  local mgr = mgr_of(ctx)
  if not mgr then return end
  -- the caps before the body is even parsed
  local quota = ctx.S.quota
  if quota then
    local status, msg, extra = quota:admit(mgr, ctx.info.remote, #(ctx.info.body or ""))
    if status then return M.send_error_with(ctx, status, msg, extra) end
  end
  local doc, options, fields = upload.document(ctx.info)
  if not doc then return M.send_error(ctx, options, fields) end
  local d
  if doc.archive then d = { archive = doc.archive, bytes = doc.bytes }
  elseif doc.name then d = { name = doc.name, bytes = doc.bytes }
  else d = { text = doc.text, format = doc.format } end
  local key = quota and quota:enter(ctx.info.remote)
  local ok, id, err, diags = pcall(mgr.submit, mgr, { document = d, options = options or {} })
  if quota then quota:leave(key, ok and id or nil) end
  if not ok then return M.send_error(ctx, 500, tostring(id)) end
  if not id then
    return M.send_error(ctx, (diags and #diags > 0) and 422 or 400, tostring(err), diags or {})
  end
  ctx.req:respond(202, ctx.headers { ["content-type"] = JSON, location = "/api/tasks/" .. id },
    json.encode({ id = id }))
end

local STATUSES = { queued = true, running = true, done = true, failed = true, cancelled = true }

local function list_route(ctx)
  local mgr = mgr_of(ctx)
  if not mgr then return end
  local st = ctx.query.status
  if st and not STATUSES[st] then
    return M.send_error(ctx, 400, "status: queued, running, done, failed or cancelled")
  end
  M.send_json(ctx, 200, { tasks = arr(mgr:list(st)) })
end

local function get_route(ctx)
  local _, t = task_of(ctx)
  if t then M.send_json(ctx, 200, t) end
end

local function action(name)
  return function(ctx)
    local mgr, t, id = task_of(ctx)
    if not mgr then return end
    -- a task resumed goes back to the queue: the queue's caps hold for it
    local quota = ctx.S.quota
    if name == "resume" and quota and t.status ~= "queued" then
      local status, msg, extra = quota:admit(mgr, ctx.info.remote, 0)
      if status then return M.send_error_with(ctx, status, msg, extra) end
    end
    local ok, err = mgr[name](mgr, id)
    if ok and name == "resume" and quota then quota:own(ctx.info.remote, id) end
    if not ok then return M.send_error(ctx, 409, tostring(err)) end
    if name == "delete" then return M.send_json(ctx, 200, { ok = true, id = id }) end
    M.send_json(ctx, 200, mgr:get(id) or { ok = true, id = id })
  end
end

local MIME = { mp4 = "video/mp4", srt = "application/x-subrip; charset=utf-8", vtt = "text/vtt; charset=utf-8",
  png = "image/png", json = "application/json", txt = "text/plain; charset=utf-8" }

local function file_route(ctx)
  local mgr, _, id = task_of(ctx)
  if not mgr then return end
  local name = ctx.params.name
  -- names the task made are plain names (a title in another script keeps
  -- its letters: stages/input/file_names.c); anything else is nobody's file
  if not name:match("^[%w\128-\255][%w\128-\255%._%-]*$") or #name > 200 then
    return M.send_error(ctx, 404, "no file " .. shown.cut(name) .. " in task " .. shown.cut(id))
  end
  local path = mgr:file(id, name)
  if not path then return M.send_error(ctx, 404, "no file " .. shown.cut(name) .. " in task " .. shown.cut(id)) end
  local ext = name:match("%.(%w+)$")
  local ok, err = ctx.req:file(path, MIME[ext or ""] or "application/octet-stream",
    ctx.headers { ["cache-control"] = "no-cache" })
  if not ok then M.send_error(ctx, 404, "no file " .. shown.cut(name) .. " in task " .. shown.cut(id) .. ": " .. tostring(err)) end
end

-- Last-Event-ID as the server sends them: decimal digits. Digits too many
-- for an integer are past any event (the manager takes them as its last);
-- anything else (a sign, a fraction, 1e3, a word) is no id: the whole replay.
local function last_event_id(ctx)
  local v = ctx.info.headers["last-event-id"] or ctx.query.last_event_id
  local digits = type(v) == "string" and v:match("^%s*(%d+)%s*$")
  if not digits then return nil end
  return math.tointeger(tonumber(digits)) or math.maxinteger
end

local function task_events_route(ctx)
  local mgr, _, id = task_of(ctx)
  if not mgr then return end
  local ok, status, msg = ctx.S.hub:open(ctx.req, mgr, id, last_event_id(ctx))
  if not ok then M.send_error(ctx, status, msg) end
end

local function events_route(ctx)
  local mgr = mgr_of(ctx)
  if not mgr then return end
  local ok, status, msg = ctx.S.hub:open(ctx.req, mgr, nil, last_event_id(ctx))
  if not ok then M.send_error(ctx, status, msg) end
end

--- routes(router): adds every /api route
function M.routes(r)
  r:add("POST", "/api/tasks", submit_route)
  r:add("GET", "/api/tasks", list_route)
  r:add("GET", "/api/tasks/:id", get_route)
  r:add("POST", "/api/tasks/:id/cancel", action("cancel"))
  r:add("POST", "/api/tasks/:id/resume", action("resume"))
  r:add("DELETE", "/api/tasks/:id", action("delete"))
  r:add("GET", "/api/tasks/:id/events", task_events_route)
  r:add("GET", "/api/events", events_route)
  r:add("GET", "/api/tasks/:id/files/:name", file_route)
  r:add("POST", "/api/check", preview("check"))
  r:add("POST", "/api/scenes", preview("scenes"))
  r:add("POST", "/api/frame", preview("frame"))
  r:add("GET", "/api/voices", voices_route)
  r:add("GET", "/api/colors", colors_route)
  r:add("GET", "/api/themes", themes_route)
  r:add("GET", "/api/scene-types", scene_types_route)
  r:add("GET", "/api/languages", languages_route)
  r:add("GET", "/api/health", health_route)
  r:add("GET", "/api/version", version_route)
end

return M
