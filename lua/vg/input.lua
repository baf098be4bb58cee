-- vg.input: documents into the scene model (issue 3). The adapters are C
-- (stages/input, raw binding vg.input_core); this is the friendly API.
--
--   local model, diags = vg.input.load("talk.md", { split = "h2", duration = 90 })
--   local ok, diags = vg.input.check("inputs/example.yaml")
--   local ok, diags, model = vg.input.validate({ videos = { ... } })
--   local video = vg.input.video{ id = "intro", title = "Intro", scenes = { ... } }
--
-- Diagnostics are tables {severity = "error"|"warning", file, line, col,
-- field, message, text}; `text` is the "file:line:col: field: message" line.
-- Misuse (wrong argument types) raises; a document that cannot be read gives
-- model = nil and its reason in the diagnostics.
local core = require("vg.input_core")
local text = require("vg.text")
local shown = require("vg.shown")

local M = {
  wpm = core.wpm,                    -- words per minute used for timing estimates
  voice_known = core.voice_known,    -- voice_known("en-gb") -> true
  scene_types = core.scene_types,    -- () -> { title = { title = {kind=, required=} ... } }
}

local function count(diags)
  local errors, warnings = 0, 0
  for _, d in ipairs(diags) do
    -- past the cap one entry stands for the rest (d.count of them)
    local n = math.tointeger(d.count) or 1
    if d.severity == "error" then errors = errors + n else warnings = warnings + n end
  end
  return errors, warnings
end
M.count = count

local function check_opts(opts, level)
  if opts ~= nil and type(opts) ~= "table" then
    error("options must be a table", level + 1)
  end
  return opts
end

--- Adapters written in Lua --------------------------------------------------
-- register(ext, fn): files ending in .ext (or loaded with format = "ext")
-- are read by fn(path, opts), which returns a document table (any shape
-- validate() accepts) or nil, message [, line]. The adapter runs on the loop
-- thread, synchronously (it must not wait); its document then goes through
-- the C normalisation, narration and validation of the built-in formats, in
-- load() as in the input.load stage that `vgrun create` runs. An adapter
-- for a built-in extension replaces the built-in reader. There is
-- deliberately no ".lua" input: input files are data and never reach
-- `load`; a video written in Lua is a script (vg.video{...}) run with
-- `vgrun script.lua`.
function M.register(ext, fn)
  if type(ext) ~= "string" or not ext:match("^%.?[%w_]+$") then
    error("vg.input.register: extension expected, like \".rst\"", 2)
  end
  if ext:gsub("^%.", ""):lower() == "lua" then
    error("vg.input.register: .lua files are scripts, not documents", 2)
  end
  if type(fn) ~= "function" then error("vg.input.register: function expected", 2) end
  core.set_adapter((ext:gsub("^%.", "")), fn)
end

--- load(path [, opts]) -> model|nil, diagnostics
-- opts: split ("h2"), duration (seconds: fit generated narration), format
-- (yaml json markdown srt vtt set, or a registered adapter's extension:
-- overrides the extension), narrate (false: leave missing narration empty),
-- as_json (the model as JSON text, keys in the documented order). Parses on
-- the thread pool: inside a task other work goes on meanwhile.
function M.load(path, opts)
  if type(path) ~= "string" then error("vg.input.load: path must be a string", 2) end
  return core.load(path, check_opts(opts, 2))
end

--- check(path [, opts]) -> ok, diagnostics, model
-- ok is false when the document could not be read or has errors; warnings
-- alone keep it true (opts.strict = true makes them count too).
function M.check(path, opts)
  local model, diags = M.load(path, opts)
  local errors, warnings = count(diags)
  local ok = model ~= nil and errors == 0 and not (opts and opts.strict and warnings > 0)
  return ok, diags, model
end

--- validate(doc [, opts]) -> ok, diagnostics, model
-- doc is a Lua table in any accepted shape: the canonical model
-- {videos = {...}}, one video {id=, title=, scenes=}, or the YAML flavours
-- ({video = {...}, scenes = {...}}, flat scenes with type = ...). The model
-- returned is canonical, with narration written where it was missing.
function M.validate(doc, opts)
  if type(doc) ~= "table" then error("vg.input.validate: expected a table", 2) end
  local model, diags = core.from_table(doc, check_opts(opts, 2))
  local errors = count(diags)
  return errors == 0, diags, model
end

local function lines(diags, severity)
  local out = {}
  for _, d in ipairs(diags) do
    if not severity or d.severity == severity then out[#out + 1] = d.text end
  end
  return table.concat(out, "\n")
end
M.format = lines

--- video{...} -> the canonical video table; raises with every problem listed
-- when the table is not a valid video (a script's own data is misuse).
function M.video(t, opts)
  if type(t) ~= "table" then error("vg.video: expected a table", 2) end
  local doc = t.videos and t or { videos = { t } }
  local model, diags = core.from_table(doc, check_opts(opts, 2))
  if count(diags) > 0 then error("invalid video:\n" .. lines(diags, "error"), 2) end
  for _, d in ipairs(diags) do
    if d.severity == "warning" then io.stderr:write("warning: ", d.text, "\n") end
  end
  return model.videos[1]
end

-- an empty list stays a JSON array in --json
local function core_ok_array() return require("vg.core").array_mt end

-- What a scene shows as its headline bullets: list items (their titles),
-- a title's subtitle, a quote, the questions and steps of the teaching
-- types; code is counted, not listed.
local function bullets_of(vc)
  local out = {}
  local function add(x)
    if type(x) == "string" and x ~= "" then out[#out + 1] = x
    elseif type(x) == "table" and type(x.title) == "string" then
      local lvl = tonumber(x.level) or 0
      out[#out + 1] = (lvl > 0 and string.rep("  ", lvl) or "") .. x.title
    end
  end
  for _, k in ipairs({ "items", "objectives", "instructions", "completed_topics", "options", "review_questions" }) do
    if type(vc[k]) == "table" then for _, it in ipairs(vc[k]) do add(it) end end
  end
  if #out == 0 then add(vc.subtitle or vc.sub_text or vc.quote_text or vc.problem_text or vc.explanation) end
  return setmetatable(out, core_ok_array())
end

--- seconds(scene, language) -> how long the scene will run: its narration
-- at espeak-ng's measured pace for the language, the silence around it, the
-- list items shown after the narration, a code slide's reading time, at
-- least its min_duration (what `vgrun create` places on the timeline). The
-- estimate is the C one (stages/input/narrate.c) that summaries fit by.
function M.seconds(scene, language)
  return core.scene_seconds(scene, language)
end

--- plan(model | path [, opts]) -> plan | nil, diagnostics
-- The plan as a person reviews it before rendering: every scene with its
-- type, title, headline bullets, narration and estimated seconds, and the
-- total. A path is loaded first (opts as load(): split, duration, detail,
-- format, allow_paths), and the diagnostics are returned too.
--   { seconds = total, scenes = {{index, video, id, type, title, bullets,
--     narration, seconds, lines?, language?, image?}...},
--     videos = {{id, title, language, voice, seconds, scenes = {...}}...} }
function M.plan(src, opts)
  local diags = {}
  local model = src
  if type(src) == "string" then
    local o = {}
    for k, v in pairs(opts or {}) do o[k] = v end
    o.as_json = nil
    model, diags = M.load(src, o)
    if not model then return nil, diags end
  elseif type(src) ~= "table" then
    error("vg.input.plan: a model or a path expected", 2)
  end
  local timeline = require("vg.create.timeline")
  local plan = { seconds = 0, scenes = {}, videos = {} }
  for vi, v in ipairs(model.videos or {}) do
    -- text only: a document with errors may have a list or null there (its errors say so)
    local function str(x) return type(x) == "string" and x or nil end
    local pv = { id = str(v.id), title = str(v.title), language = str(v.language), voice = str(v.voice),
      seconds = 0, scenes = {} }
    for si, s in ipairs(v.scenes or {}) do
      local vc = type(s.visual_content) == "table" and s.visual_content or {}
      local ps = {
        index = #plan.scenes + 1, video = vi, id = str(s.id),
        type = type(s.scene_type) == "string" and s.scene_type or nil,   -- (an error says what it was)
        title = timeline.scene_title(s, si), bullets = bullets_of(vc),
        narration = type(s.narration) == "string" and s.narration or "",
        -- (a scene with errors, a number where text belongs: 0, the
        -- errors say why)
        seconds = select(2, pcall(M.seconds, s, s.language or v.language)),
      }
      if type(vc.commands) == "table" then
        ps.lines, ps.language = #vc.commands, type(vc.language) == "string" and vc.language or nil
      end
      if type(vc.solution_code) == "table" then ps.lines = #vc.solution_code end
      if type(vc.rows) == "table" and type(vc.columns) == "table" then ps.rows, ps.columns = #vc.rows, #vc.columns end
      if vc.image then ps.image = true end
      pv.scenes[#pv.scenes + 1] = ps
      plan.scenes[#plan.scenes + 1] = ps
      if type(ps.seconds) ~= "number" then ps.seconds = 0 end
      pv.seconds = pv.seconds + ps.seconds
    end
    plan.videos[#plan.videos + 1] = pv
    plan.seconds = plan.seconds + pv.seconds
  end
  return plan, diags
end

local function clock(s)
  -- (a document with errors may ask for 1e300 s: said as unknown)
  if type(s) ~= "number" or s ~= s or s < 0 or s >= 360000 then return "?:??" end
  s = math.floor(s + 0.5)
  return string.format("%d:%02d", s // 60, s % 60)
end

-- text wrapped at width columns (by words; a word longer than the line
-- stays whole), each line after `indent`
local function wrap(t, width, indent)
  local out, line, len = {}, {}, 0
  for w in tostring(t):gmatch("%S+") do
    local wl = text.len(w)
    if len > 0 and len + 1 + wl > width then
      out[#out + 1] = indent .. table.concat(line, " ")
      line, len = {}, 0
    end
    line[#line + 1] = w
    len = len + (len > 0 and 1 or 0) + wl
  end
  if #line > 0 then out[#out + 1] = indent .. table.concat(line, " ") end
  return out
end

--- show(plan) -> text: the plan as a person reads it. Each video: its
-- title, language, voice and length; each scene: number, type, estimated
-- length and title, its bullets, and what is said, in full.
function M.show(plan)
  local out = {}
  for vi, v in ipairs(plan.videos) do
    if vi > 1 then out[#out + 1] = "" end
    -- the id and voice as names: a document's invalid id may hold a line break
    out[#out + 1] = string.format("video %d/%d  %s  \"%s\"  %s, voice %s, %d scenes, about %s",
      vi, #plan.videos, shown.name(tostring(v.id or "?")), tostring(v.title or ""), tostring(v.language or "?"),
      shown.name(tostring(v.voice or "?")),
      #v.scenes, clock(v.seconds))
    for _, s in ipairs(v.scenes) do
      local extra = ""
      if s.lines then extra = string.format(" [%d line%s%s]", s.lines, s.lines == 1 and "" or "s",
        s.language and (" " .. s.language) or "") end
      if s.type == "list" and #s.bullets > 0 then
        extra = extra .. string.format(" [%d item%s]", #s.bullets, #s.bullets == 1 and "" or "s")
      end
      if s.rows then extra = extra .. string.format(" [%d rows x %d columns]", s.rows, s.columns)
      end
      if s.image then extra = extra .. " [image]" end
      out[#out + 1] = string.format("%4d  %-9s %5s  %s%s", s.index, tostring(s.type or "?"), clock(s.seconds),
        tostring(s.title), extra)
      if s.type ~= "title" then
        for _, b in ipairs(s.bullets) do
          local lead = b:match("^(%s*)") or ""
          for i, l in ipairs(wrap(b, 64 - #lead, "")) do
            out[#out + 1] = string.rep(" ", 23) .. lead .. (i == 1 and "• " or "  ") .. l
          end
        end
      end
      for i, l in ipairs(wrap(s.narration, 64, "")) do
        out[#out + 1] = string.rep(" ", 23) .. (i == 1 and "» " or "  ") .. l
      end
    end
  end
  if #plan.videos > 1 then
    out[#out + 1] = string.format("total: %d videos, about %s", #plan.videos, clock(plan.seconds))
  end
  return table.concat(out, "\n")
end

--- summary(model) -> text: the plan of a model, for people (show(plan(model))).
function M.summary(model)
  return M.show(M.plan(model))
end

return M
