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

local M = {
  wpm = core.wpm,                    -- words per minute used for timing estimates
  voice_known = core.voice_known,    -- voice_known("en-gb") -> true
  scene_types = core.scene_types,    -- () -> { title = { title = {kind=, required=} ... } }
}

local function count(diags)
  local errors, warnings = 0, 0
  for _, d in ipairs(diags) do
    if d.severity == "error" then errors = errors + 1 else warnings = warnings + 1 end
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

--- summary(model) -> text: one line per video and per scene, for people.
function M.summary(model)
  local out = {}
  local videos = model and model.videos or {}
  for vi, v in ipairs(videos) do
    local total = 0
    for _, s in ipairs(v.scenes or {}) do
      local words = 0
      for _ in tostring(s.narration or ""):gmatch("%S+") do words = words + 1 end
      local est = words * 60 / M.wpm
      local min = tonumber(s.min_duration) or 0
      local max = tonumber(s.max_duration) or est
      total = total + math.min(math.max(est, min), math.max(max, min))
    end
    out[#out + 1] = string.format("video %d/%d  %s  \"%s\"  voice %s, accent %s, theme %s, %d scenes, ~%.0f s",
      vi, #videos, tostring(v.id), tostring(v.title), tostring(v.voice), tostring(v.accent_color),
      tostring(v.theme), #(v.scenes or {}), total)
    for _, s in ipairs(v.scenes or {}) do
      local vc = type(s.visual_content) == "table" and s.visual_content or {}
      local label = vc.title or vc.header or vc.main_text or vc.quote_text or vc.question
        or vc.lesson_title or ""
      local extra = ""
      if type(vc.items) == "table" then extra = string.format(" [%d item%s]", #vc.items, #vc.items == 1 and "" or "s")
      elseif type(vc.rows) == "table" and type(vc.columns) == "table" then
        extra = string.format(" [%d rows x %d columns]", #vc.rows, #vc.columns)
      elseif type(vc.commands) == "table" then
        extra = string.format(" [%d lines%s]", #vc.commands, vc.language and (" " .. vc.language) or "")
      end
      if vc.image then extra = extra .. " [image]" end
      label = tostring(label):gsub("%s+", " ")
      label = text.shorten(label, 50)
      out[#out + 1] = string.format("  %-9s %-19s %-5s %4.1f-%-5.1f %s%s", tostring(s.id),
        tostring(s.scene_type), tostring(s.voice), tonumber(s.min_duration) or 0,
        tonumber(s.max_duration) or 0, label, extra)
      local n = tostring(s.narration or ""):gsub("%s+", " ")
      if #n > 0 then
        n = text.shorten(n, 100)
        out[#out + 1] = "            \"" .. n .. "\""
      end
    end
  end
  return table.concat(out, "\n")
end

return M
