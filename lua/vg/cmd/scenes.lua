-- vgrun scenes INPUT: prints the scene model the input adapters produce, so
-- users can see and debug what a document turns into. Issue 3.

local SPEC

local resolution = require("vg.create.options").resolution_arg
local captions = require("vg.create.options").captions_arg
local shown = require("vg.shown")

-- The scenes split for the frame, as `vgrun create` splits them
-- (vg.create.fit); nothing when the renderer is not there.
-- With --duration, a split that makes the video longer than asked loads the
-- document again for a shorter length, as `vgrun create` does.
local function fit(model, o, path, opts)
  local ok, f = pcall(require, "vg.create.fit")
  if not ok or not pcall(require, "vg.render_core") then return end
  local burn = false
  for _, c in ipairs(o.captions or {}) do
    for x in c:gmatch("[^,]+") do if x == "burn" then burn = true end end
  end
  local res = o.resolution or { 1920, 1080 }
  local fopts = { width = res[1], height = res[2], captions = burn or nil, theme = o.theme }
  -- (on a kept timeline the cues set the length, not --duration, as in create)
  if not o.duration or o.keep_timing then f.videos(model.videos, fopts) return f end
  local ratio
  model.videos, _, ratio = f.with_duration(model.videos, o.duration, function(seconds)
    local lo = {}
    for k, v in pairs(opts) do lo[k] = v end
    lo.duration = seconds
    lo.duration_asked = o.duration
    local m = require("vg.input").load(path, lo)
    return m and m.videos
  end, fopts)
  return f, f.band_warning(ratio, o.duration)
end

-- Each scene's length as the timeline of `vgrun create` places it
-- (vg.create.fit.scene_seconds: the layout's settle time, a split part's
-- reading time), for the frame the scenes were fitted to.
local function timeline_seconds(plan, model, f)
  local copts = require("vg.create.options").with_defaults({})
  plan.seconds = 0
  for vi, pv in ipairs(plan.videos) do
    local v = model.videos[vi]
    pv.seconds = 0
    for si, ps in ipairs(pv.scenes) do
      local ok, sec = pcall(f.scene_seconds, v.scenes[si], v.language, copts)
      if ok and tonumber(sec) then ps.seconds = math.floor(sec * 100 + 0.5) / 100 end
      pv.seconds = pv.seconds + ps.seconds
    end
    plan.seconds = plan.seconds + pv.seconds
  end
end

local function run(args)
  local args_ = require("vg.args")
  local o, operands = args_.command(SPEC, args)
  if not o then return operands end
  if o.from and operands[1] then return args_.usage_error(SPEC, "INPUT or --from, not both") end
  local spec = o.from or operands[1]
  if not spec then return args_.usage_error(SPEC, "no INPUT given") end
  local path, format = require("vg.create.options").input_spec(spec)
  local opts = { split = o.split, duration = o.duration, detail = o.detail, language = o.language, format = format,
    allow_paths = require("vg.repository").with_root(path, nil) }
  if o.no_narration then opts.narrate = false end

  local input = require("vg.input")
  local out, diags, ok
  if o.model then
    -- the model itself: the text comes from C, so keys keep the documented order
    opts.as_json = true
    out, diags = input.load(path, opts)
    ok = out ~= nil
  else
    local model, plan
    model, diags = input.load(path, opts)
    if model and o.keep_timing then
      -- as `vgrun create --keep-timing`: a document without cue times is a
      -- usage error; a title with no room before the first cue is dropped
      local kok, kerr, kcode = require("vg.create.kept").prepare(model.videos, path)
      if not kok then
        for _, d in ipairs(diags) do io.stderr:write(shown.lines(d.text), "\n") end
        if kcode == "no_cues" then return args_.usage_error(SPEC, kerr) end
        io.stderr:write("vgrun scenes: ", shown.lines(kerr), "\n")
        return 1
      end
    end
    if model then
      local f, band = fit(model, o, path, opts)
      if band then
        diags[#diags + 1] = { severity = "warning", code = "duration", file = path, message = band,
          text = require("vg.shown").name(path) .. ": duration: warning: " .. band }
      end
      plan = input.plan(model)
      if plan and f then timeline_seconds(plan, model, f) end
      if plan and o.keep_timing then require("vg.create.kept").seconds(plan, model) end
    end
    ok = plan ~= nil
    -- a plan of a document with errors leaves out what they name: it says
    -- so itself, for a reader or a tool that looks at standard output only
    local errors = input.count(diags)
    if plan and errors > 0 then plan.errors = errors end
    if plan then
      out = o.json and require("vg").json.encode(plan) or input.show(plan)
      if errors > 0 and not o.json then
        out = string.format("INCOMPLETE: the document has %d error%s (on standard error); what %s left out\n",
          errors, errors == 1 and "" or "s", errors == 1 and "it names is" or "they name is") .. out
      end
    end
  end
  -- every error; warnings up to 50 (`vgrun check` lists them all)
  local say, said = require("vg.cli").warnings(50, "`vgrun check` lists them all")
  for _, d in ipairs(diags) do
    local line = shown.lines(d.text) .. "\n"
    if d.severity == "error" then io.stderr:write(line) else say(line) end
  end
  said()
  if out and out ~= "" then io.stdout:write(out, "\n") end
  local errors = input.count(diags)
  return (ok and errors == 0) and 0 or 1
end

-- Its parser, --help, `vgrun help scenes`, vgrun-scenes(1) and completion.
SPEC = {
  name = "scenes",
  summary = "show the plan of a document before rendering: each scene, what it shows and says, how long",
  synopsis = { "[options] INPUT" },
  description = [[
Shows what INPUT (.yaml/.yml, .json, .md, .rst, .txt, .srt, .vtt, or a set
directory; a prefix names the type as for `vgrun create --from`:
document:README) turns into, as `vgrun create` would make it: each video with its
language, voice and length; each scene with its number, type, estimated
length and title, its headline bullets (•) and what is said (») in full.

--json prints the same plan for tools:

  {"seconds": total, "scenes": [{"index", "video", "id", "type", "title",
    "bullets", "narration", "seconds", "lines", "language"}],
   "videos": [{"id", "title", "language", "voice", "seconds", "scenes"}]}

With --keep-timing (a transcript only, as for `vgrun create`) each scene's
length is its slot on the transcript's timeline, from its first cue to the
next scene's first cue, and --json gives each scene its "start" too.

A scene whose list, table or code does not fit the frame at a readable
size is shown split, as `vgrun create` splits it: for --resolution (default
1920x1080), with room kept for --captions burn.

--model prints the scene model itself, as the loader makes it (before any
split for the frame):

  {"videos": [{"id", "title", "voice", "accent_color", "theme", "source",
               "scenes": [{"id", "scene_type", "visual_content", "narration",
                           "voice", "min_duration", "max_duration", "source"}]}]}

Lengths are estimates: the narration at espeak-ng's pace for the language
(measured per language), the pause around it, at least the scene's
min_duration. Problems go to standard error as `vgrun check` prints them.]],
  options = {
    { "--from", arg = "[TYPE:]PATH", complete = "from", default = "INPUT",
      help = "the input, as `vgrun create --from` takes it (document:, text:, rst:, adoc:, yaml:, json:, transcript:, set:); "
        .. "INPUT alone works too" },
    { "--json", help = "print the plan as JSON" },
    { "--model", help = "print the scene model as JSON" },
    { "--detail", arg = "summary|full", complete = "detail", check = require("vg.create.options").check_detail,
      default = "summary", help = "summary: each section in its key points; full: every sentence of the prose" },
    { "--language", arg = "BCP47", check = require("vg.create.options").check_language,
      default = "front matter lang:, else detected from the text",
      help = "the document's language (en, de, pt-BR ...): picks the voice and the words vgrun adds" },
    { "--split", arg = "h2", complete = "split", choices = { "h2" }, default = "one video per document", help = "Markdown: one video per H2 section" },
    { "--duration", arg = "SEC", type = "number", min = 1, max = 3600, default = "about a minute per 600 words of prose",
      help = "make the video about SEC seconds long (the least important content is left out)" },
    { "--no-narration", help = "do not write narration where the document has none" },
    { "--keep-timing", help = "a transcript (.srt, .vtt): each scene on the cue times, as `vgrun create "
        .. "--keep-timing` places it (from its first cue to the next scene's)" },
    { "--resolution", alias = { "--size" }, arg = "WxH", check = resolution, complete = "resolutions",
      default = "1920x1080", help = "the frame the scenes are fitted to, as for `vgrun create`" },
    { "--captions", arg = "srt,vtt,burn", list = true, check = captions, complete = "captions", default = "none",
      help = "with burn, the layouts keep the captions' band free (as for `vgrun create`)" },
    { "--theme", arg = "light|dark", choices = { "light", "dark" }, complete = "themes",
      default = "the document's, else light", help = "the theme the scenes are fitted with" },
  },
  args = { name = "INPUT", max = 1, complete = "from", too_many = "one INPUT at a time" },
  exit = { { 0, "valid" }, { 1, "the document has errors (the plan is still printed when it could be read, marked INCOMPLETE, or with \"errors\": N in --json)" },
    { 2, "usage error" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  run = run,
}
