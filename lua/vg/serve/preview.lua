-- vg.serve.preview: what the preview routes (/api/check, /api/scenes,
-- /api/frame) answer for a stored document, as a plain function of a request
-- table: no HTTP, no server state. The server runs it in its own process for
-- a small document (a few ms: the editor asks for a frame per pause in
-- typing) and in a child process for a large one (vg.serve.api), so reading
-- a 10 MB document never stops the loop, two previews use two cores, and the
-- memory a large plan takes goes back to the system when the child exits.
--
-- A request (JSON-able, so it crosses to the child on its standard input):
--   route      "check" | "scenes" | "frame"
--   path       the stored document (a server-made name under DATA/tmp/)
--   name       the client's name for it (diagnostics say this one)
--   dir        the folder a set was extracted to, or nil
--   options    the client's options object (detail, duration, split, keep_timing)
--   params     resolution, theme, captions, scene, time, color (query, then
--              options, then form fields: resolved by the server)
--   out        where /api/frame writes its PNG
--   max_file_bytes  the server's cap on a file a reader opens (--max-upload)
-- An answer: { status = n, body = table } or { status = 200, png = path }.
local core = require("vg.core")
local json = require("vg").json
local M = {}

local function arr(t) return json.array(t or {}) end
local function fail(status, message, diagnostics)
  return { status = status, body = { error = message, diagnostics = diagnostics and arr(diagnostics) or nil } }
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
M.rename_diags = rename_diags

-- Options that shape the plan, checked as the commands check them.
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

--- check_options(options) -> true | nil, message: the checks a request's
-- options get before anything is stored or started. A preview takes the
-- options a task takes, so they go through the task's own checker first
-- (vg.serve.tasks.options: unknown keys, wrong types, values `vgrun
-- create` refuses): what POST /api/tasks refuses with 400, a preview
-- refuses with the same message, never silently ignores.
function M.check_options(options)
  if options ~= nil and type(options) ~= "table" then return nil, "options: an object expected" end
  local topts = require("vg.serve.tasks.options")
  local args, err = topts.argv(options)
  if not args then return nil, err end
  -- (placeholders: the command line needs an input and an output; neither is opened)
  local argv = { "--from", "document", "-o", "video.mp4" }
  for _, a in ipairs(args) do argv[#argv + 1] = a end
  local o, perr = topts.parse(argv)
  if not o then return nil, perr end
  local ok, lerr = load_options(options or {})
  if not ok then return nil, lerr end
  return true
end

-- -> model, diags | nil, nil, answer (the load cannot go on)
local function load(req)
  local options = req.options or {}
  local lopts, oerr = load_options(options)
  if not lopts then return nil, nil, fail(400, oerr) end
  local lok, model, diags = pcall(require("vg.input").load, req.path, lopts)
  if core.interrupted() then return nil, nil, fail(503, "the server is shutting down") end
  if not lok then return nil, nil, fail(400, tostring(model)) end
  diags = rename_diags(diags, req.path, req.name)
  if req.dir then diags = rename_diags(diags, req.dir .. "/", "") end
  -- keep_timing: the transcript's scenes as on its cue timeline (a title
  -- with no room before the first cue left out, as a task leaves it out),
  -- so scene N of every preview is the video's; a document without cue
  -- times is refused, as a task with it is
  if model and options.keep_timing then
    local ok, err, code = require("vg.create.kept").prepare(model.videos, req.name)
    if not ok then
      return nil, nil, fail(code == "no_cues" and 400 or 422, (tostring(err):gsub("^%-%-keep%-timing", "options.keep_timing")))
    end
  end
  return model, diags
end

local function counts(diags) return require("vg.input").count(diags) end

local function bad_document(model, diags)
  local e = counts(diags)
  if model and e == 0 then return nil end
  return fail(422, model and string.format("the document has %d error%s", e, e == 1 and "" or "s")
    or "the document cannot be read", diags)
end

-- The frame a preview is for -> w, h, theme | nil, error
local function frame_of(p)
  local w, h = 1920, 1080
  if p.resolution then
    w, h = tostring(p.resolution):match("^(%d+)[xX](%d+)$")
    w, h = tonumber(w), tonumber(h)
    if not w or w < 16 or h < 16 or w > 3840 or h > 2160 then
      return nil, "resolution: WxH up to 3840x2160, e.g. 1280x720"
    end
  end
  local theme_name = p.theme
  if theme_name ~= nil and theme_name ~= "light" and theme_name ~= "dark" then
    return nil, "theme: light or dark"
  end
  return w, h, theme_name
end

-- The scenes as `vgrun create` makes them for that frame: a scene too full
-- for it is split (vg.create.fit), so scene N of a preview is the video's.
local function fit_to(model, w, h, theme_name, p)
  local burn = false
  for _, c in ipairs(type(p.captions) == "table" and p.captions or { p.captions }) do
    for x in tostring(c):gmatch("[^,]+") do if x == "burn" then burn = true end end
  end
  pcall(require("vg.create.fit").videos, model.videos,
    { width = w, height = h, theme = theme_name, captions = burn or nil })
end

-- the plan of `vgrun scenes` (vg.input.plan: headlines, narration, the
-- same length estimate), each scene naming its video by id; with
-- keep_timing each scene's length and start are those of the kept timeline
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

local routes = {}

function routes.check(req)
  local model, diags, stop = load(req)
  if stop then return stop end
  local e, w = counts(diags)
  local nv, ns = 0, 0
  for _, v in ipairs(model and model.videos or {}) do nv = nv + 1; ns = ns + #(v.scenes or {}) end
  local t = { ok = model ~= nil and e == 0, errors = e, warnings = w, videos = nv, scenes = ns,
    diagnostics = arr(diags) }
  if not t.ok then
    t.error = model and string.format("the document has %d error%s", e, e == 1 and "" or "s")
      or "the document cannot be read"
  end
  return { status = t.ok and 200 or 422, body = t }
end

-- The document read and its scenes fitted to the frame the request names
-- -> model, diags, w, h, theme | nil, answer
local function fitted(req)
  local model, diags, stop = load(req)
  if stop then return nil, stop end
  local bad = bad_document(model, diags)
  if bad then return nil, bad end
  local p = req.params or {}
  local w, h, theme_name = frame_of(p)
  if not w then return nil, fail(400, h) end
  fit_to(model, w, h, theme_name, p)
  return model, diags, w, h, theme_name
end

function routes.scenes(req)
  local model, diags = fitted(req)
  if not model then return diags end
  local list, total = scene_list(model, (req.options or {}).keep_timing)
  return { status = 200, body = { scenes = arr(list), seconds = total, diagnostics = arr(diags) } }
end

function routes.frame(req)
  local model, diags, w, h, theme_name = fitted(req)
  if not model then return diags end
  local p = req.params or {}
  local n = math.tointeger(tonumber(p.scene or 1))
  local t = p.time
  if t ~= nil then
    t = tonumber(t)
    if not t or t ~= t or t < 0 or t == math.huge then return fail(400, "time: seconds (>= 0)") end
  end
  local render = require("vg.render")
  local scenes = render.scenes_of(model)
  local scene = n and scenes[n]
  if not scene then return fail(400, string.format("scene: 1 to %d", #scenes)) end
  if p.color ~= nil then
    local acc, err = require("vg.theme").accent(p.color)
    if not acc then return fail(400, "color: " .. tostring(err)) end
  end
  -- in the server's process the drawing and the PNG (tens of ms) go to the
  -- thread pool, so other requests go on meanwhile; a child just draws
  local rc = require("vg.render_core")
  local draw = core.in_fiber() and rc.render_png_async or rc.render_png
  local ok, r, warn = pcall(function()
    local dl = render.display_list(scene, { theme = theme_name, accent = p.color, t = t, width = w, height = h })
    return draw(dl, w, h, req.out)
  end)
  if not ok or not r then
    os.remove(req.out)
    if core.interrupted() then return fail(503, "the server is shutting down") end
    return fail(422, tostring(ok and warn or r))
  end
  return { status = 200, png = req.out }
end

--- answer(req) -> answer (see above)
function M.answer(req)
  local route = routes[req.route]
  if not route then return fail(400, "no preview " .. tostring(req.route)) end
  return route(req)
end

--- child(): a preview in a child process (`vgrun -e ... ANSWER_PATH`): the
-- request is JSON on standard input; the answer is written to ANSWER_PATH
-- (standard output stays a plug-in's), exit 0 once written.
function M.child(answer_path)
  local req = json.decode(io.read("a"))
  if req.max_file_bytes then core.limits { max_file_bytes = req.max_file_bytes } end
  local a = M.answer(req)
  -- stopped (the server's stop, the time limit): no answer is wanted
  if core.interrupted() then return 130 end
  local ok, err = core.write_atomic(answer_path, json.encode(a))
  if not ok then error("cannot write the answer: " .. tostring(err)) end
  return 0
end

return M
