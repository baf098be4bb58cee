-- vg.serve.api: every /api route of `vgrun serve` (docs/serve.md). JSON in
-- and out; errors are {"error": message, "diagnostics": [...]}. Task routes
-- go to the task manager (vg.serve.tasks); the preview routes (check,
-- scenes, frame) load the document in this process with what `vgrun check`,
-- `vgrun scenes` and `vgrun frame` use.
local vg = require("vg")
local core = require("vg.core")
local upload = require("vg.serve.upload")
local json = vg.json
local M = {}

local JSON = "application/json"

function M.send_json(ctx, status, t)
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
  ctx.req:respond(status, ctx.headers(h), json.encode { error = message })
end

local function arr(t) return json.array(t or {}) end

--- Documents for the preview routes -----------------------------------------

local EXT = { md = "md", rst = "rst", adoc = "adoc", txt = "txt", html = "html", yaml = "yaml", json = "json", srt = "srt", vtt = "vtt" }
local seq = 0

local function tmp_path(S, ext)
  seq = seq + 1
  return string.format("%s/tmp/preview-%d-%d-%s.%s", S.data, core.getpid(), seq,
    core.sha256(tostring(core.hrtime()) .. seq):sub(1, 12), ext)
end

-- Diagnostics name the client's document, never the server's file.
local function rename_diags(diags, path, name)
  local out = {}
  for _, d in ipairs(diags or {}) do
    local c = {}
    for k, v in pairs(d) do
      if type(v) == "string" then
        local i, j = v:find(path, 1, true)
        if i then v = v:sub(1, i - 1) .. name .. v:sub(j + 1) end
      end
      c[k] = v
    end
    out[#out + 1] = c
  end
  return out
end

-- Options of the preview routes that shape the plan, checked as the
-- commands check them.
local function load_options(options)
  if type(options) ~= "table" then return nil, "options: an object expected" end
  local lopts = { split = options.split }
  if options.duration ~= nil then
    local d = tonumber(options.duration)
    if not d or d ~= d or d < 1 or d > 3600 then return nil, "options.duration: seconds from 1 to 3600" end
    lopts.duration = d
  end
  if options.detail ~= nil then
    if options.detail ~= "summary" and options.detail ~= "full" then
      return nil, "options.detail: summary or full"
    end
    lopts.detail = options.detail
  end
  if lopts.split ~= nil and lopts.split ~= "h2" then return nil, "options.split: h2" end
  if options.keep_timing ~= nil and type(options.keep_timing) ~= "boolean" then
    return nil, "options.keep_timing: true or false expected"
  end
  return lopts
end

-- -> model, diags, fields, options | nil (answered)
local function load_document(ctx)
  local doc, options, fields = upload.document(ctx.info)
  if not doc then M.send_error(ctx, options, fields); return nil end
  options = options or {}
  local lopts, oerr = load_options(options)
  if not lopts then M.send_error(ctx, 400, oerr); return nil end
  local tinput = require("vg.serve.tasks.input")
  local path, name, cleanup
  if doc.archive then
    -- a set is extracted as a task's is (listed and screened first, by
    -- bsdtar in a child process), into a folder of its own under tmp/
    local dir = tmp_path(ctx.S, "d")
    local ok, err = core.mkdirs(dir, 448) -- 0700
    if not ok then M.send_error(ctx, 500, "cannot store the set: " .. tostring(err)); return nil end
    local stored, serr = tinput.store(dir, { archive = doc.archive, bytes = doc.bytes, name = doc.name })
    if not stored then
      tinput.remove_tree(dir)
      if ctx.S.stopped or core.interrupted() then M.send_error(ctx, 503, "the server is shutting down"); return nil end
      M.send_error(ctx, 422, tostring(serr)); return nil
    end
    path, name = stored.path, stored.name
    cleanup = function() tinput.remove_tree(dir) end
  else
    local ext = EXT[doc.format]
    name = doc.name and doc.name:match("[^/\\]*$") or ("document." .. ext)
    if name == "" then name = "document." .. ext end
    path = tmp_path(ctx.S, ext)
    local ok, err = core.write_atomic(path, doc.bytes or doc.text)
    if not ok then M.send_error(ctx, 500, "cannot store the document: " .. tostring(err)); return nil end
    cleanup = function() os.remove(path) end
  end
  local lok, model, diags = pcall(require("vg.input").load, path, lopts)
  cleanup()
  -- SIGINT/SIGTERM cancels the load: say so, not "bad document"
  if ctx.S.stopped or core.interrupted() then M.send_error(ctx, 503, "the server is shutting down"); return nil end
  if not lok then M.send_error(ctx, 400, tostring(model)); return nil end
  local dir = doc.archive and path:match("^(.*)/[^/]*$")
  diags = rename_diags(diags, path, name)
  if dir then diags = rename_diags(diags, dir .. "/", "") end
  -- keep_timing: the transcript's scenes as on its cue timeline (a title
  -- with no room before the first cue left out, as a task leaves it out),
  -- so scene N of every preview is the video's; a document without cue
  -- times is refused, as a task with it is
  if model and options.keep_timing then
    local ok, err, code = require("vg.create.kept").prepare(model.videos, name)
    if not ok then
      M.send_error(ctx, code == "no_cues" and 400 or 422, (tostring(err):gsub("^%-%-keep%-timing", "options.keep_timing")))
      return nil
    end
  end
  return model, diags, fields or {}, options, name
end

-- Previews load the whole document in this process (a 10 MB one takes
-- hundreds of MB while it is planned): at most max_previews at once; a few
-- more wait their turn, in order; past those, 503 with Retry-After. When the
-- last preview of a large document ends, its garbage is collected and the
-- C heap's free pages go back to the system (http.trim), so the server does
-- not stay at its peak.
local BIG = 256 * 1024

local function gate(S)
  local g = S.previews
  if not g then
    g = { running = 0, waiting = {}, max = S.max_previews or 2, queue = S.preview_queue or 8 }
    S.previews = g
  end
  return g
end

local function preview_done(S, big)
  local g = gate(S)
  if big then g.big = true end
  local nxt = table.remove(g.waiting, 1)
  if nxt then
    -- the slot goes to the next in line
    nxt.go = true
    core.wake(nxt.co)
    return
  end
  g.running = g.running - 1
  if g.running == 0 and g.big then
    g.big = false
    collectgarbage("collect")
    require("vg.http").trim()
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
        if me.go then preview_done(ctx.S, false) end
        for i, w in ipairs(g.waiting) do if w == me then table.remove(g.waiting, i); break end end
        error(err, 0)
      end
      -- it left while it waited: nothing to make
      if ctx.req:gone() or ctx.S.stopped then return preview_done(ctx.S, false) end
    else
      g.running = g.running + 1
    end
    local body = ctx.info.body
    local big = body ~= nil and #body >= BIG
    local ok, err = pcall(route, ctx)
    -- the request's body and the model are garbage once answered
    ctx.info.body = nil
    preview_done(ctx.S, big)
    if not ok then error(err, 0) end
  end
end

local function field(fields, options, query, k)
  local v = query[k]
  if v == nil and options[k] ~= nil then v = options[k] end
  if v == nil and fields[k] then v = fields[k].data end
  return v
end

local function counts(diags) return require("vg.input").count(diags) end

-- the plan of `vgrun scenes` (vg.input.plan: headlines, narration, the
-- same length estimate), each scene naming its video by id
-- With keep_timing each scene's length and start are those of the kept
-- timeline (vg.create.kept, as `vgrun scenes --keep-timing`).
local function scene_list(model, keep_timing)
  local plan = require("vg.input").plan(model)
  if keep_timing then require("vg.create.kept").seconds(plan, model) end
  for _, sc in ipairs(plan.scenes) do
    local v = model.videos[sc.video]
    sc.video = v and v.id or sc.video
    sc.bullets = arr(sc.bullets)
  end
  return plan.scenes, plan.seconds
end

local function check_route(ctx)
  local model, diags = load_document(ctx)
  if not model and not diags then return end
  local e, w = counts(diags)
  local nv, ns = 0, 0
  for _, v in ipairs(model and model.videos or {}) do nv = nv + 1; ns = ns + #(v.scenes or {}) end
  local t = { ok = model ~= nil and e == 0, errors = e, warnings = w, videos = nv, scenes = ns,
    diagnostics = arr(diags) }
  if not t.ok then
    t.error = model and string.format("the document has %d error%s", e, e == 1 and "" or "s")
      or "the document cannot be read"
  end
  M.send_json(ctx, t.ok and 200 or 422, t)
end

local function bad_document(ctx, model, diags)
  local e = counts(diags)
  if model and e == 0 then return false end
  M.send_error(ctx, 422, model and string.format("the document has %d error%s", e, e == 1 and "" or "s")
    or "the document cannot be read", diags)
  return true
end

-- The frame a preview is for (resolution, theme, burnt captions, from the
-- query, the options or the form) -> w, h, theme | nil, error
local function frame_of(fields, options, q)
  local w, h = 1920, 1080
  local res = field(fields, options, q, "resolution")
  if res then
    w, h = tostring(res):match("^(%d+)[xX](%d+)$")
    w, h = tonumber(w), tonumber(h)
    if not w or w < 16 or h < 16 or w > 3840 or h > 2160 then
      return nil, "resolution: WxH up to 3840x2160, e.g. 1280x720"
    end
  end
  local theme_name = field(fields, options, q, "theme")
  if theme_name ~= nil and theme_name ~= "light" and theme_name ~= "dark" then
    return nil, "theme: light or dark"
  end
  return w, h, theme_name
end

-- The scenes as `vgrun create` makes them for that frame: a scene too full
-- for it is split (vg.create.fit), so scene N of a preview is the video's.
local function fit_to(model, w, h, theme_name, fields, options, q)
  local caps = field(fields, options, q, "captions")
  local burn = false
  for _, c in ipairs(type(caps) == "table" and caps or { caps }) do
    for x in tostring(c):gmatch("[^,]+") do if x == "burn" then burn = true end end
  end
  pcall(require("vg.create.fit").videos, model.videos,
    { width = w, height = h, theme = theme_name, captions = burn or nil })
end

local function scenes_route(ctx)
  local model, diags, fields, options = load_document(ctx)
  if not model and not diags then return end
  if bad_document(ctx, model, diags) then return end
  local w, h, theme_name = frame_of(fields, options, ctx.query)
  if not w then return M.send_error(ctx, 400, h) end
  fit_to(model, w, h, theme_name, fields, options, ctx.query)
  local list, total = scene_list(model, options.keep_timing)
  M.send_json(ctx, 200, { scenes = arr(list), seconds = total, diagnostics = arr(diags) })
end

local function frame_route(ctx)
  local model, diags, fields, options = load_document(ctx)
  if not model and not diags then return end
  if bad_document(ctx, model, diags) then return end
  local q = ctx.query
  local n = math.tointeger(tonumber(field(fields, options, q, "scene") or 1))
  local t = field(fields, options, q, "time")
  if t ~= nil then
    local n = tonumber(t)
    if not n then return M.send_error(ctx, 400, "time: seconds (>= 0)") end
    t = n
  end
  local w, h, theme_name = frame_of(fields, options, q)
  if not w then return M.send_error(ctx, 400, h) end
  if t ~= nil and (t ~= t or t < 0 or t == math.huge) then return M.send_error(ctx, 400, "time: seconds (>= 0)") end
  fit_to(model, w, h, theme_name, fields, options, q)
  local render = require("vg.render")
  local scenes = render.scenes_of(model)
  local scene = n and scenes[n]
  if not scene then
    return M.send_error(ctx, 400, string.format("scene: 1 to %d", #scenes))
  end
  local color = field(fields, options, q, "color")
  if color ~= nil then
    local acc, err = require("vg.theme").accent(color)
    if not acc then return M.send_error(ctx, 400, "color: " .. tostring(err)) end
  end
  local out = tmp_path(ctx.S, "png")
  -- the display list is made here (Lua, on the loop: a few ms); the
  -- drawing and the PNG, tens of ms, on the thread pool, so other requests
  -- and event streams go on meanwhile
  local ok, r, warn = pcall(function()
    local dl = render.display_list(scene, { theme = theme_name, accent = color, t = t, width = w, height = h })
    return require("vg.render_core").render_png_async(dl, w, h, out)
  end)
  if not ok or not r then
    os.remove(out)
    if ctx.S.stopped or core.interrupted() then return M.send_error(ctx, 503, "the server is shutting down") end
    return M.send_error(ctx, 422, tostring(ok and warn or r))
  end
  local f = io.open(out, "rb")
  local png = f and f:read("a")
  if f then f:close() end
  os.remove(out)
  if not png then return M.send_error(ctx, 500, "the frame was not written") end
  ctx.req:respond(200, ctx.headers { ["content-type"] = "image/png", ["cache-control"] = "no-store" }, png)
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
  if not t then M.send_error(ctx, 404, "no task " .. tostring(id)); return end
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
    return M.send_error(ctx, 404, "no file " .. name .. " in task " .. id)
  end
  local path = mgr:file(id, name)
  if not path then return M.send_error(ctx, 404, "no file " .. name .. " in task " .. id) end
  local ext = name:match("%.(%w+)$")
  local ok, err = ctx.req:file(path, MIME[ext or ""] or "application/octet-stream",
    ctx.headers { ["cache-control"] = "no-cache" })
  if not ok then M.send_error(ctx, 404, "no file " .. name .. " in task " .. id .. ": " .. tostring(err)) end
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
  r:add("POST", "/api/check", preview(check_route))
  r:add("POST", "/api/scenes", preview(scenes_route))
  r:add("POST", "/api/frame", preview(frame_route))
  r:add("GET", "/api/voices", voices_route)
  r:add("GET", "/api/colors", colors_route)
  r:add("GET", "/api/themes", themes_route)
  r:add("GET", "/api/scene-types", scene_types_route)
  r:add("GET", "/api/languages", languages_route)
  r:add("GET", "/api/health", health_route)
  r:add("GET", "/api/version", version_route)
end

return M
