-- vg.create: the default pipeline behind `vgrun create`: a document becomes
-- a narrated, chaptered, captioned MP4. Copy it and change it:
--
--   local create = require("vg.create")
--   local p = create.pipeline{ width = 1280, height = 720, captions = { srt = true } }
--   p:run("README.md", { task_id = "readme" })
--
-- Stages: load (native input.load) → style (CLI overrides) → narrate (native
-- tts.synth) → timeline → video (native video.encode, one MP4 per video) →
-- captions → report (timing.json, thumbnail).
local vg = require("vg")
local core = require("vg.core")
local text_ = require("vg.text")

local M = {}

M.DEFAULTS = {
  width = 1920, height = 1080, fps = 30, preset = "slides", crf = 23, cfr = false,
  lead_in = 0.4,        -- silence before a scene's narration
  tail = 0.6,           -- silence after it
  min_scene = 2.0,      -- no scene is shorter
  crossfade = 0.25,     -- between scenes (vg.render.CROSSFADE)
  anim_fps = 30,        -- pictures per second while something moves (<= fps)
  thin = true,          -- skip animation frames the eye cannot tell apart
  captions = {},        -- { srt = true, vtt = true, burn = true }
  no_cache = false,
}

M.FORMATS = { document = "markdown", markdown = "markdown", md = "markdown", yaml = "yaml",
  json = "json", transcript = false, srt = "srt", vtt = "vtt", set = "set" }

local render -- loaded lazily: vg.render needs the renderer part

local function opts_with_defaults(o)
  local r = {}
  for k, v in pairs(M.DEFAULTS) do r[k] = v end
  for k, v in pairs(o or {}) do r[k] = v end
  return r
end

local function basename(path) return (path:gsub("/+$", ""):match("([^/]+)$") or path) end
local function dirname(path) return path:match("^(.*)/[^/]*$") or "." end
local function strip_ext(path) return (path:gsub("%.[^./]*$", "")) end

local function quantize(t, fps) return math.ceil(t * fps - 1e-6) / fps end

local function scene_title(scene, i)
  local vc = scene.visual_content or {}
  local t = vc.title or vc.header or vc.lesson_title or vc.question or vc.main_text or vc.quote_text
    or vc.problem_text
  if type(t) ~= "string" or t == "" then t = (scene.scene_type or "scene") .. " " .. i end
  t = t:gsub("%s+", " ")
  return text_.shorten(t, 80) -- by grapheme clusters: a chapter title is never cut inside a character
end

--- Stages -----------------------------------------------------------------

--- Options -------------------------------------------------------------------

-- Sizes the layouts can draw. The layouts scale with the short side (1080 =
-- 1.0) and place content from the top; below 144 px (256x144, the smallest
-- common video size) the smallest text (min_size 24) is under 3 px, and past
-- 4:1 (either way) the layouts leave most of the picture empty and the
-- thumbnail (640 wide) degenerates. 7680x4320 is H.264 level 6.2.
M.RESOLUTION = { min_side = 144, max_long = 7680, max_short = 4320, max_ratio = 4 }

function M.check_resolution(w, h)
  local R = M.RESOLUTION
  if math.type(w) ~= "integer" or math.type(h) ~= "integer" then return nil, "wants WxH in whole pixels" end
  if w % 2 == 1 or h % 2 == 1 then return nil, "wants even numbers (H.264 4:2:0)" end
  local short, long = math.min(w, h), math.max(w, h)
  if short < R.min_side then
    return nil, string.format("too small: the short side must be at least %d", R.min_side)
  end
  if long > R.max_long or short > R.max_short then
    return nil, string.format("too large: at most %dx%d (or %dx%d)", R.max_long, R.max_short, R.max_short, R.max_long)
  end
  if long > short * R.max_ratio then
    return nil, string.format("aspect ratio too extreme: at most %d:1 either way", R.max_ratio)
  end
  return true
end

local X264_PRESETS = { slides = 1, ultrafast = 1, superfast = 1, veryfast = 1, faster = 1, fast = 1,
  medium = 1, slow = 1, slower = 1, veryslow = 1 }

--- check_options(o) -> true | nil, message: every option that shapes the
-- output, checked before a task starts (`vgrun create` calls it at parse
-- time; the style stage calls it again for pipelines built in Lua).
-- Messages name the option as the command line spells it.
function M.check_options(o)
  local function num(v, lo, hi, int)
    return type(v) == "number" and v == v and v >= lo and v <= hi and (not int or math.type(v) == "integer"
      or v == math.floor(v))
  end
  if o.voice ~= nil then
    local input = require("vg.input")
    if type(o.voice) ~= "string" or not input.voice_known(o.voice) then
      return nil, string.format("--voice %s: unknown voice (male, male_warm, female, female_friendly, "
        .. "or an espeak-ng voice such as en-gb; `vgrun say --list-voices` lists them)", tostring(o.voice))
    end
  end
  if o.theme ~= nil and o.theme ~= "light" and o.theme ~= "dark" then
    return nil, string.format("--theme %s: light or dark", tostring(o.theme))
  end
  if o.color ~= nil then
    local ok, err = require("vg.theme").get(o.theme or "light", tostring(o.color))
    if not ok then return nil, string.format("--color %s: %s", tostring(o.color), tostring(err)) end
  end
  if o.width ~= nil or o.height ~= nil then
    local ok, err = M.check_resolution(o.width, o.height)
    if not ok then return nil, string.format("--resolution %sx%s: %s", tostring(o.width), tostring(o.height), err) end
  end
  if o.fps ~= nil and not num(o.fps, 1, 120, true) then return nil, "--fps: wants a whole number from 1 to 120" end
  if o.anim_fps ~= nil and not num(o.anim_fps, 1, 120, true) then
    return nil, "--anim-fps: wants a whole number from 1 to 120"
  end
  if o.crf ~= nil and not num(o.crf, 0, 51, true) then return nil, "--crf: wants a whole number from 0 to 51" end
  if o.preset ~= nil and not X264_PRESETS[o.preset] then
    return nil, "--preset " .. tostring(o.preset) .. ": slides (the default) or an x264 preset: "
      .. "ultrafast superfast veryfast faster fast medium slow slower veryslow"
  end
  if o.split ~= nil and o.split ~= "h2" then return nil, "--split " .. tostring(o.split) .. ": only h2" end
  if o.duration ~= nil and not num(o.duration, 1, 3600) then
    return nil, "--duration: wants a number of seconds from 1 to 3600"
  end
  if o.jobs ~= nil and not num(o.jobs, 1, 64, true) then return nil, "-j: wants a whole number from 1 to 64" end
  if o.allow_paths ~= nil and type(o.allow_paths) ~= "table" then return nil, "--allow-path: a list of folders" end
  for _, d in ipairs(o.allow_paths or {}) do
    local st = type(d) == "string" and core.stat(d)
    if not st or st.type ~= "dir" then return nil, "--allow-path " .. tostring(d) .. ": not a folder" end
  end
  for c in pairs(o.captions or {}) do
    if c ~= "srt" and c ~= "vtt" and c ~= "burn" then return nil, "--captions: srt, vtt or burn, not '" .. tostring(c) .. "'" end
  end
  return true
end

-- CLI overrides (voice, colour, theme). The options were checked before the
-- task started; they are checked again here for pipelines built in Lua.
local function style_stage(o)
  return function(ctx, task)
    local videos = ctx.videos
    if type(videos) ~= "table" or #videos == 0 then error("the input has no videos", 0) end
    local ok, err = M.check_options(o)
    if not ok then error(err, 0) end
    for _, v in ipairs(videos) do
      -- video ids name output files: no path tricks
      if v.id ~= nil and (type(v.id) ~= "string" or not v.id:match("^[%w._-]+$") or v.id:match("^%.+$")) then
        local src = v.source or {}
        error(string.format("%s:%s: video.id: '%s' is not a valid id (use 1 to 128 of A-Z a-z 0-9 . _ -)",
          tostring(src.file or ctx.input), tostring(src.line or 0), tostring(v.id)), 0)
      end
      if o.voice then v.voice = o.voice end
      if o.color then v.accent_color = o.color end
      if o.theme then v.theme = o.theme end
      for _, s in ipairs(v.scenes or {}) do
        if o.voice then s.voice = o.voice end
      end
    end
    -- what will be written must not be what was read (checked before the
    -- task by `vgrun create`; again here, on the videos this run loaded)
    local outs, oerr = M.output_paths(o, videos, ctx.input)
    if not outs then error(oerr, 0) end
    local clash = M.find_clash(M.all_written(o, outs), M.input_files(ctx.input, videos))
    if clash then error(clash, 0) end
  end
end

-- Places every scene on the timeline: scene = max(min_duration, lead-in +
-- narration + tail), boundaries on the frame grid so nothing drifts.
function M.timeline(video, o)
  local t = 0
  local out = {}
  for i, s in ipairs(video.scenes or {}) do
    local au = s.audio or {}
    local speech = tonumber(au.duration) or 0
    local min = math.max(tonumber(s.min_duration) or 0, o.min_scene)
    local len = math.max(min, o.lead_in + speech + o.tail)
    if render then len = math.max(len, render.settle_time(M.render_scene(s, o.lead_in)) + 0.5) end
    local start = t
    local stop = quantize(start + len, o.fps)
    out[i] = {
      id = s.id or string.format("scene_%02d", i), type = s.scene_type, title = scene_title(s, i),
      start = start, ["end"] = stop,
      narration_start = start + o.lead_in, narration_end = start + o.lead_in + speech,
    }
    t = stop
  end
  return { duration = t, scenes = out }
end

-- The scene as the renderer sees it: word times moved by the lead-in.
function M.render_scene(scene, lead_in)
  local au = scene.audio
  if type(au) ~= "table" then return scene end
  local copy = {}
  for k, v in pairs(scene) do copy[k] = v end
  local words = {}
  for i, w in ipairs(au.words or {}) do
    words[i] = { word = w.word, start = (w.start or 0) + lead_in, ["end"] = (w["end"] or 0) + lead_in }
  end
  copy.audio = { duration = (au.duration or 0) + lead_in, words = words }
  return copy
end

--- Captions ------------------------------------------------------------------

local MAX_LINE = 42

-- Splits text into pieces at most `limit` columns wide (a CJK character or
-- an emoji takes two; cuts only between grapheme clusters): at clause
-- punctuation when one falls in the second half, else at the last space,
-- else after the last cluster that fits.
local function split_text(text, limit)
  local out = {}
  local g = text_.split(text)
  local wd = {}
  for k, c in ipairs(g) do wd[k] = text_.cluster_width(c) end
  local i, n = 1, #g           -- g[i..n] is what is left
  while i <= n do
    local last, w = i - 1, 0   -- g[i..last] fits in `limit` columns
    while last < n and w + wd[last + 1] <= limit do last = last + 1; w = w + wd[last] end
    if last == n then break end
    local cut
    local cw = 0
    for k = i, last - 1 do
      cw = cw + wd[k]
      if cw > limit / 2 and g[k]:match("^[,;:]$") and g[k + 1]:match("^%s") then cut = k end
    end
    if not cut then
      for k = i, last + 1 do if g[k]:match("^%s") then cut = k - 1 end end
    end
    if not cut or cut < i then cut = math.max(last, i) end
    out[#out + 1] = table.concat(g, "", i, cut):gsub("%s+$", "")
    i = cut + 1
    while i <= n and g[i]:match("^%s+$") do i = i + 1 end
  end
  if i <= n then out[#out + 1] = table.concat(g, "", i, n) end
  return out
end

-- Two lines for a cue wider than MAX_LINE columns: at the space (or, in
-- CJK text, between two wide characters) nearest the middle, with both
-- lines at most MAX_LINE + 6 columns; nil when there is no such place.
local function two_lines(s)
  local g = text_.split(s)
  local wd, total = {}, 0
  for k, c in ipairs(g) do wd[k] = text_.cluster_width(c); total = total + wd[k] end
  if total <= MAX_LINE then return nil end
  local best, best_d, drop
  local left = 0                 -- width of g[1..k-1]
  for k = 1, #g do
    local cand, d, skip
    if g[k] == " " then
      cand, skip = left + 1, true
      d = math.abs(cand - total / 2)
      if left > MAX_LINE + 6 or total - left - 1 > MAX_LINE + 6 then d = nil end
    elseif k > 1 and wd[k - 1] == 2 and wd[k] == 2 then
      cand, skip = left, false
      d = math.abs(cand - total / 2)
      if left > MAX_LINE + 6 or total - left > MAX_LINE + 6 then d = nil end
    end
    if d and (not best_d or d < best_d) then best, best_d, drop = k, d, skip end
    left = left + wd[k]
  end
  if not best then return nil end
  return { table.concat(g, "", 1, best - 1), table.concat(g, "", drop and best + 1 or best) }
end

-- Cues from the narration's sentence timings: a sentence per cue, long ones
-- cut at clauses into pieces of at most two lines of about 42 characters,
-- each timed by its share of the sentence.
function M.cues(video, timing)
  local cues = {}
  for i, s in ipairs(video.scenes or {}) do
    local au = s.audio or {}
    local base = timing.scenes[i].narration_start
    local sentences = au.sentences
    if type(sentences) ~= "table" or #sentences == 0 then
      -- no sentence timings: the whole narration over the speech
      local text = type(s.narration) == "string" and s.narration or ""
      sentences = text:match("%S") and { { text = text, start = 0, ["end"] = au.duration or 0 } } or {}
    end
    for _, sen in ipairs(sentences) do
      local text = tostring(sen.text or ""):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
      if text ~= "" then
        local pieces = split_text(text, 2 * MAX_LINE)
        local total = 0
        for _, p in ipairs(pieces) do total = total + text_.width(p) end
        local t, span = sen.start or 0, (sen["end"] or 0) - (sen.start or 0)
        for _, p in ipairs(pieces) do
          local d = total > 0 and span * text_.width(p) / total or 0
          cues[#cues + 1] = { start = base + t, ["end"] = base + t + d, text = p }
          t = t + d
        end
      end
    end
  end
  for _, c in ipairs(cues) do
    c.lines = two_lines(c.text)
    c.lines = c.lines or { c.text }
    if c["end"] - c.start < 0.7 then c["end"] = c.start + 0.7 end
  end
  for k = 1, #cues - 1 do
    if cues[k]["end"] > cues[k + 1].start then cues[k]["end"] = cues[k + 1].start end
  end
  return cues
end

local function stamp(t, sep)
  local ms = math.floor(t * 1000 + 0.5)
  return string.format("%02d:%02d:%02d%s%03d", ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, sep, ms % 1000)
end

function M.srt(cues)
  local out = {}
  for i, c in ipairs(cues) do
    out[#out + 1] = string.format("%d\n%s --> %s\n%s\n", i, stamp(c.start, ","), stamp(c["end"], ","),
      table.concat(c.lines, "\n"))
  end
  return table.concat(out, "\n")
end

function M.vtt(cues)
  local out = { "WEBVTT\n" }
  for _, c in ipairs(cues) do
    out[#out + 1] = string.format("%s --> %s\n%s\n", stamp(c.start, "."), stamp(c["end"], "."),
      table.concat(c.lines, "\n"))
  end
  return table.concat(out, "\n")
end

--- Frames -------------------------------------------------------------------

local function caption_item(cue, width, height)
  local s = math.min(width, height) / 1080
  local W, H = width / s, height / s
  return { type = "group", items = {
    { type = "rect", x = W * 0.12, y = H - 190, w = W * 0.76, h = 130, radius = 16, fill = "#000000b8" },
    { type = "text", id = "caption", x = W * 0.14, y = H - 178, w = W * 0.72, h = 106,
      text = table.concat(cue.lines, "\n"), size = 40, color = "#ffffff", align = "center",
      valign = "middle", min_size = 24 },
  } }
end

-- Is display list b the same picture as a, to the eye? Same structure and
-- text; positions within `px` pixels and opacities within 1.5 %. Frames in
-- the slow tail of an ease-out (sub-pixel steps) are dropped this way; the
-- end of every animation is always kept, so the settled picture is exact.
local OPACITY_KEYS = { opacity = true, alpha = true }
local function close_enough(a, b, px, scale)
  if rawequal(a, b) then return true end
  if type(a) ~= type(b) then
    -- a key present on one side only: numbers compare with their default
    if type(a) == "number" and b == nil or type(b) == "number" and a == nil then return nil end
    return false
  end
  if type(a) ~= "table" then return a == b end
  for k, va in pairs(a) do
    local vb = b[k]
    if type(va) == "number" or type(vb) == "number" then
      local default = OPACITY_KEYS[k] and 1 or 0
      local x, y = tonumber(va) or default, tonumber(vb) or default
      if type(va) ~= type(vb) and va ~= nil and vb ~= nil then return false end
      local limit = OPACITY_KEYS[k] and 0.015 or px / scale
      if math.abs(x - y) > limit then return false end
    elseif not close_enough(va, vb, px, scale) then
      return false
    end
  end
  for k, vb in pairs(b) do
    if a[k] == nil and type(vb) ~= "number" then return false end
    if a[k] == nil and type(vb) == "number" then
      local default = OPACITY_KEYS[k] and 1 or 0
      local limit = OPACITY_KEYS[k] and 0.015 or px / scale
      if math.abs(vb - default) > limit then return false end
    end
  end
  return true
end
M.close_enough = close_enough

-- Keyframes of one scene: while it animates, one per frame; then one frame
-- that holds. With burnt-in captions, a keyframe at each cue change. While
-- the crossfade from prev_final lasts, a frame is { list, under = prev_final,
-- alpha, over = captions }: the video stage draws prev_final once and blends.
-- Returns the frames and the scene's final display list.
local function scene_frames(scene, seg, o, prev_final, cues)
  render = render or require("vg.render")
  local fps = o.fps
  local dur = seg["end"] - seg.start
  local rs = M.render_scene(scene, o.lead_in)
  local ropts = { width = o.width, height = o.height, theme = scene.theme, accent = scene.accent_color }
  local times = {}
  local function add(t) if t >= 0 and t < dur then times[#times + 1] = math.floor(t * fps + 0.5) / fps end end
  local step = 1 / math.min(fps, o.anim_fps or fps)
  for _, iv in ipairs(render.keyframes(rs, dur)) do
    for t = iv[1], iv[2] + 1e-9, step do add(t) end
    add(iv[2])
  end
  if prev_final and o.crossfade > 0 then
    for t = 0, o.crossfade, step do add(t) end
    add(o.crossfade)
  end
  local active = {}
  if cues then
    for _, c in ipairs(cues) do
      if c["end"] > seg.start and c.start < seg["end"] then
        add(c.start - seg.start); add(c["end"] - seg.start)
        active[#active + 1] = c
      end
    end
  end
  add(0)
  table.sort(times)
  local ends = {}
  for _, iv in ipairs(render.keyframes(rs, dur)) do ends[math.floor(iv[2] * fps + 0.5)] = true end
  if prev_final and o.crossfade > 0 then ends[math.floor(o.crossfade * fps + 0.5)] = true end
  local scale = math.min(o.width, o.height) / 1080
  local frames, last, kept = {}, nil, nil
  for _, t in ipairs(times) do
    if t ~= last then
      ropts.t = render.frame_time(rs, t)
      local dl = render.display_list(rs, ropts)
      local abs = seg.start + t
      local captions = {}
      for _, c in ipairs(active) do
        if abs >= c.start - 1e-9 and abs < c["end"] - 1e-9 then
          captions[#captions + 1] = caption_item(c, o.width, o.height)
        end
      end
      local frame = { t = t, list = dl }
      if prev_final and t < o.crossfade then
        -- drawn as vg.render.crossfade(prev_final, dl, alpha) would be, but
        -- the video stage draws prev_final once and blends in C
        frame.under, frame.alpha = prev_final, math.min(1, t / o.crossfade)
        if #captions > 0 then
          frame.over = { width = dl.width, height = dl.height, items = captions }
        end
      else
        table.move(captions, 1, #captions, #dl.items + 1, dl.items)
      end
      local must = ends[math.floor(t * fps + 0.5)] or #frames == 0 or o.thin == false
      if must or not (kept and close_enough(kept, frame, 0.75, scale)) then
        frames[#frames + 1] = frame
        kept = frame
      end
      last = t
    end
  end
  ropts.t = "end"
  return frames, render.display_list(rs, ropts)
end

M.scene_frames = scene_frames

--- The video stage ---------------------------------------------------------

-- Output names. A name made from a document (a title, an id, the input's
-- name) is ASCII letters, digits, '.', '_' and '-', never empty, never
-- starting with '.', so it cannot leave the output folder or hide.
local function safe_name(s, fallback)
  s = tostring(s or ""):gsub("[^%w._-]+", "_"):gsub("^[._-]+", ""):sub(1, 100):gsub("[._-]+$", "")
  if s == "" then return fallback end
  return s
end
M.safe_name = safe_name

-- "Getting Started: the CLI" -> "getting-started-the-cli"
function M.slug(s, fallback)
  s = tostring(s or ""):lower():gsub("[^%w]+", "-"):sub(1, 60):gsub("^%-+", ""):gsub("%-+$", "")
  if s == "" then return fallback or "part" end
  return s
end

local function is_mp4(p) return type(p) == "string" and p:lower():match("%.mp4$") ~= nil end
M.is_mp4 = is_mp4

-- The input's own name: a file's name without its extension, a folder's
-- real name (`--from .` is named after the folder it means).
local function input_stem(input)
  if type(input) == "table" then input = input.path end
  if type(input) ~= "string" then return "video" end
  local real = core.realpath(input) or input
  local st = core.stat(input)
  -- a set given by its set_config.yaml is named like its folder
  if st and st.type ~= "dir" and basename(real) == "set_config.yaml" then real, st = dirname(real), { type = "dir" } end
  local name = basename(real)
  if not (st and st.type == "dir") then name = strip_ext(name) end
  return safe_name(name, "video")
end

--- output_paths(o, videos, input) -> { path per video } | nil, message
-- -o FILE.mp4 names the result: one video is FILE.mp4; several are
-- FILE-01-<slug>.mp4, FILE-02-... in document order. -o DIR gives
-- DIR/01-<slug>.mp4 ... (DIR/<input name>.mp4 for one). A set's videos keep
-- their ids (its naming: prefix, numbers): DIR/<id>.mp4, or FILE-<id>.mp4;
-- a set of one video is DIR/<set id>.mp4 (o.set_id), else its folder's name.
function M.output_paths(o, videos, input)
  local n = #videos
  local path = type(input) == "table" and input.path or input
  local is_set = o.format == "set" or o.set_id ~= nil
  if not is_set and type(path) == "string" then
    local st = core.stat(path)
    is_set = st ~= nil and st.type == "dir" or basename(path) == "set_config.yaml"
  end
  local dir, stem
  if is_mp4(o.output) then
    dir, stem = dirname(o.output), strip_ext(basename(o.output))
    if n == 1 then return { o.output } end
  else
    dir = o.output and o.output:gsub("(.)/+$", "%1") or "."
    if n == 1 then
      -- a set of one video is named after the set (its id, else its folder)
      local name = is_set and o.set_id and safe_name(o.set_id, nil) or input_stem(input)
      return { dir .. "/" .. name .. ".mp4" }
    end
    -- without -o several videos go to the current folder as <input>-NN-<slug>
    if not o.output and not is_set then stem = input_stem(input) end
  end
  local out, seen = {}, {}
  for i, v in ipairs(videos) do
    local name
    if is_set then
      name = safe_name(v.id, string.format("video-%02d", i))
      if stem then name = stem .. "-" .. name end
    else
      local num = string.format(n >= 100 and "%03d" or "%02d", i)
      name = num .. "-" .. M.slug(v.title or v.id, "part")
      if stem then name = stem .. "-" .. name end
    end
    local path = dir .. "/" .. name .. ".mp4"
    if seen[path] then
      return nil, string.format("videos %d and %d would both be written to %s (give them different ids)",
        seen[path], i, path)
    end
    seen[path] = i
    out[i] = path
  end
  return out
end

local function thumb_tmp(thumb)
  return dirname(thumb) .. "/." .. basename(thumb) .. ".tmp-" .. core.getpid() .. ".png"
end

--- all_written(o, mp4s) -> every path a run writes for these outputs: the
-- MP4s, captions, timing reports, thumbnails.
function M.all_written(o, mp4s)
  local all = {}
  for _, p in ipairs(mp4s) do
    local base = strip_ext(p)
    all[#all + 1] = p
    if o.captions and o.captions.srt then all[#all + 1] = base .. ".srt" end
    if o.captions and o.captions.vtt then all[#all + 1] = base .. ".vtt" end
    all[#all + 1] = base .. ".timing.json"
    all[#all + 1] = base .. ".png"
  end
  return all
end

--- input_files(input, videos) -> every file the run reads: the input (for
-- a set: set_config.yaml and each video's file) and every image.
function M.input_files(input, videos)
  if type(input) == "table" then input = input.path end
  local list = {}
  if type(input) == "string" then
    list[#list + 1] = input
    local st = core.stat(input)
    if st and st.type == "dir" then list[#list + 1] = input .. "/set_config.yaml" end
  end
  local function add_source(x)
    if type(x) == "table" and type(x.file) == "string" then list[#list + 1] = x.file end
  end
  for _, v in ipairs(videos or {}) do
    add_source(v.source)
    for _, sc in ipairs(v.scenes or {}) do
      add_source(sc.source)
      local vc = sc.visual_content
      if type(vc) == "table" then
        for _, k in ipairs({ "image", "image_path", "src" }) do
          if type(vc[k]) == "string" then list[#list + 1] = vc[k] end
        end
      end
    end
  end
  return list
end

-- The real path of a file that may not exist yet: its folder resolved.
-- `through`: the writer opens the path itself (fopen), so a link there is
-- written through and its target is what counts.
local function real_target(p, through)
  local r = core.realpath(p)
  local st = core.stat(p, true)
  if r and (through or not (st and st.type == "link")) then return r end
  -- a link at an output path is replaced (temp + rename), never written
  -- through: compare the link's own name, not its target
  local d = core.realpath(dirname(p))
  return d and (d .. "/" .. basename(p)) or p
end

--- find_clash(outputs, inputs [, through]) -> nil | message naming both.
-- Same file: the same real path (links resolved) or, for files that exist,
-- the same device and inode (hard links). Two outputs that are one file
-- clash too. `through`: the outputs are opened in place, not renamed over,
-- so links at them count as their targets.
function M.find_clash(outputs, inputs, through)
  local by_path, by_inode = {}, {}
  for _, p in ipairs(inputs) do
    local r = core.realpath(p)
    if r then by_path[r] = by_path[r] or p end
    local st = core.stat(p)
    if st then
      local k = st.dev .. ":" .. st.ino
      by_inode[k] = by_inode[k] or p
    end
  end
  local seen = {}
  for _, out in ipairs(outputs) do
    local real = real_target(out, through)
    local hit = by_path[real]
    if not hit then
      local st = core.stat(out, not through)
      if st and st.type ~= "link" then hit = by_inode[st.dev .. ":" .. st.ino] end
    end
    if hit then
      return string.format("the output %s would overwrite the input %s", out, hit)
    end
    if seen[real] then return string.format("%s and %s are one file: it would be written twice", seen[real], out) end
    seen[real] = out
  end
  return nil
end

--- Files vgrun made. An output path is claimed (a small record under
-- <state dir>/outputs/, named by the hash of its real path) before the
-- first run writes it; a file that is already at an output path and was
-- never claimed is someone else's and is not replaced (--overwrite claims
-- it). A link at an output path counts as a file of the user's too: with
-- --overwrite it is replaced (temp file + rename), its target never written.
function M.claim_path(out)
  return require("vg.state").dir() .. "/outputs/" .. core.sha256(real_target(out)):sub(1, 40) .. ".json"
end

-- unclaimed(outputs) -> the outputs that hold a file vgrun has no record of
function M.unclaimed(outputs)
  local list = {}
  for _, out in ipairs(outputs) do
    if core.stat(out, true) then
      local c = core.stat(M.claim_path(out))
      if not (c and c.type == "file") then list[#list + 1] = out end
    end
  end
  return list
end

-- claim(outputs) -> true | nil, message: records every output as vgrun's
function M.claim(outputs)
  local dir = require("vg.state").dir() .. "/outputs"
  for _, out in ipairs(outputs) do
    local path = M.claim_path(out)
    local c = core.stat(path)
    if not (c and c.type == "file") then
      local ok, err = core.mkdirs(dir)
      if ok then ok, err = core.write_atomic(path, vg.json.encode({ path = real_target(out) }) .. "\n") end
      if not ok then return nil, err end
    end
  end
  return true
end

local function video_stage(o)
  return function(ctx, task)
    render = render or require("vg.render")
    local vcore = require("vg.video_core")
    ctx.outputs = {}
    local n = #ctx.videos
    local paths = assert(M.output_paths(o, ctx.videos, ctx.input))
    for vi, video in ipairs(ctx.videos) do
      local timing = M.timeline(video, o)
      local out = paths[vi]
      local cues = (o.captions.burn or o.captions.srt or o.captions.vtt) and M.cues(video, timing) or nil
      local t_plan = core.hrtime()
      local segments, prev_final, records = {}, nil, {}
      local vopts = { width = o.width, height = o.height, fps = o.fps, preset = o.preset, crf = o.crf, cfr = o.cfr }
      local cf = o.crossfade > 0 and math.floor(o.crossfade * o.fps + 0.5) / o.fps or 0
      for i, s in ipairs(video.scenes) do
        local seg = timing.scenes[i]
        local dur = seg["end"] - seg.start
        s.theme = s.theme or video.theme
        s.accent_color = s.accent_color or video.accent_color
        -- what the scene shows, cheaply: the scene, its length, the look, captions
        local rs = M.render_scene(s, o.lead_in)
        -- the parts of the key, kept so a later run can say what changed
        local why = {
          content = core.sha256(vg.json.encode({ rs.scene_type, rs.visual_content or vg.null })),
          narration = core.sha256(vg.json.encode(rs.audio or vg.null)),
          look = core.sha256(tostring(s.theme), tostring(s.accent_color), tostring(o.width),
            tostring(o.height), tostring(o.lead_in), tostring(cf), core.version),
          length = string.format("%.6f", dur),
          captions = o.captions.burn and core.sha256(vg.json.encode(cues)) or "",
        }
        local key = core.sha256("vgrun scene v4", why.content, why.narration, why.look, why.length, why.captions)
        records[i] = { id = timing.scenes[i].id, key = key, why = why }
        -- The crossfade from the previous scene is a segment of its own, so
        -- the body of a scene never depends on its neighbours: an edit
        -- re-makes that scene (and the short transitions beside it) only.
        local parts
        local prev_hash = prev_final and core.sha256(vg.json.encode(prev_final)) or ""
        if prev_final and cf > 0 and dur > cf + 2 / o.fps then
          parts = {
            { from = 0, to = cf, key = core.sha256(key, "transition", prev_hash) },
            { from = cf, to = dur, key = core.sha256(key, "body") },
          }
        else
          parts = { { from = 0, to = dur, key = core.sha256(key, "whole", prev_hash) } }
        end
        -- text that had to shrink or be cut is reported (validation.warning)
        pcall(render.check, rs, { width = o.width, height = o.height, theme = s.theme, accent = s.accent_color })
        local missing = o.no_cache
        for _, part in ipairs(parts) do
          vopts.start, vopts["end"] = seg.start + part.from, seg.start + part.to
          part.cached = not o.no_cache and vcore.segment_cached(part.key, vopts)
          if not part.cached then missing = true end
        end
        local frames
        if missing then
          frames, prev_final = scene_frames(s, seg, o, prev_final, o.captions.burn and cues or nil)
        else
          prev_final = render.display_list(rs, { width = o.width, height = o.height, theme = s.theme,
            accent = s.accent_color, t = "end" })
        end
        for _, part in ipairs(parts) do
          local entry = { start = seg.start + part.from, ["end"] = seg.start + part.to, scene = i,
            key = not o.no_cache and part.key or nil, frames = vg.json.array() }
          if not part.cached then
            -- this part's keyframes, timed from its start; it opens with the
            -- picture shown at its first instant
            local opening
            local function at(f, t)
              return { t = t, list = f.list, under = f.under, alpha = f.alpha, over = f.over }
            end
            for _, f in ipairs(frames) do
              if f.t <= part.from + 1e-9 then opening = f end
              if f.t > part.from + 1e-9 and f.t < part.to - 1e-9 then
                entry.frames[#entry.frames + 1] = at(f, f.t - part.from)
              end
            end
            table.insert(entry.frames, 1, at(opening, 0))
          end
          segments[#segments + 1] = entry
        end
        task:progress((vi - 1 + i / #video.scenes * 0.3) / n, "planned " .. timing.scenes[i].id)
      end
      local clips = {}
      for i, s in ipairs(video.scenes) do
        if s.audio and s.audio.path and (s.audio.duration or 0) > 0 then
          clips[#clips + 1] = { wav = s.audio.path, at = timing.scenes[i].narration_start }
        end
      end
      local chapters = {}
      for i, sc in ipairs(timing.scenes) do chapters[i] = { title = sc.title, start = sc.start, ["end"] = sc["end"] } end
      task:emit("video.rendering", out, { video = video.id, scenes = #segments, duration = timing.duration })
      local plan = {
        width = o.width, height = o.height, fps = o.fps, cfr = o.cfr, preset = o.preset, crf = o.crf,
        jobs = o.jobs, no_cache = o.no_cache, title = video.title, out = out,
        segments = segments, chapters = chapters,
        audio = { duration = timing.duration, clips = clips },
      }
      local sub = { }
      local t_encode = core.hrtime()
      core.run_native("video.encode", sub, plan, task.id, task.stage)
      sub.encoded.plan_seconds = t_encode - t_plan
      sub.encoded.encode_seconds = core.hrtime() - t_encode
      -- per scene: made when its body was made; transitions are counted apart
      local n_made, n_trans = 0, 0
      for k, e in ipairs(segments) do
        local cached = (sub.encoded.segment_cached or {})[k]
        local is_transition = segments[k + 1] and segments[k + 1].scene == e.scene
        if not cached then
          if is_transition then n_trans = n_trans + 1 else n_made = n_made + 1 end
        end
      end
      sub.encoded.scenes_made = n_made
      sub.encoded.scenes_cached = #video.scenes - n_made
      sub.encoded.transitions_made = n_trans
      -- per scene: cached or made, and why it was made again
      local before = {}
      local prev_out = task.previous and task.previous.outputs and task.previous.outputs[vi]
      for _, r in ipairs(prev_out and prev_out.scenes or {}) do before[r.id] = r end
      for k, e in ipairs(segments) do
        local is_transition = segments[k + 1] and segments[k + 1].scene == e.scene
        if not is_transition then
          local r = records[e.scene]
          r.cached = (sub.encoded.segment_cached or {})[k] == true
          if not r.cached then
            local old = before[r.id]
            if o.no_cache then r.reason = "--no-cache"
            elseif not old or not old.why then r.reason = "new scene"
            else
              local changed = {}
              for _, part in ipairs({ "content", "narration", "look", "length", "captions" }) do
                if old.why[part] ~= r.why[part] then changed[#changed + 1] = part end
              end
              r.reason = #changed > 0 and ("changed: " .. table.concat(changed, ", ")) or "not in the cache"
            end
          end
        end
      end
      task:produced(out)
      task:emit("video.rendered", out, sub.encoded)
      ctx.outputs[vi] = { video = video.id, path = out, timing = timing, cues = cues, encoded = sub.encoded,
        scenes = records }
    end
  end
end

--- Captions and report -------------------------------------------------------

local function write(path, text)
  local ok, err = core.write_atomic(path, text)
  if not ok then error(err, 0) end
end

local function captions_stage(o)
  return function(ctx, task)
    for _, out in ipairs(ctx.outputs) do
      local base = strip_ext(out.path)
      if o.captions.srt then write(base .. ".srt", M.srt(out.cues or {})); task:produced(base .. ".srt") end
      if o.captions.vtt then write(base .. ".vtt", M.vtt(out.cues or {})); task:produced(base .. ".vtt") end
    end
  end
end

local function report_stage(o)
  return function(ctx, task)
    render = render or require("vg.render")
    for vi, out in ipairs(ctx.outputs) do
      local video = ctx.videos[vi]
      local base = strip_ext(out.path)
      -- language: BCP 47 tag of the document; voice: the one that spoke it
      local timing = { duration = out.timing.duration, scenes = out.timing.scenes,
                       language = video.language or "en", voice = video.voice }
      write(base .. ".timing.json", vg.json.encode(timing, { pretty = true }) .. "\n")
      task:produced(base .. ".timing.json")
      local first = video.scenes[1]
      if first then
        local thumb = base .. ".png"
        local tw, th = 640, math.max(2, math.floor(640 * o.height / o.width / 2 + 0.5) * 2)
        -- a temp name of our own, then rename: a link or file already at
        -- the temp name is removed, never written through
        local tmp = thumb_tmp(thumb)
        os.remove(tmp)
        local ok, err = render.frame(M.render_scene(first, o.lead_in), { width = tw, height = th,
          theme = video.theme, accent = video.accent_color, t = "end", out = tmp })
        if ok then
          local rok, rerr = os.rename(tmp, thumb)
          if rok then task:produced(thumb)
          else os.remove(tmp); task:warn(string.format("thumbnail %s: %s", thumb, tostring(rerr))) end
        else
          os.remove(tmp)
          task:warn(string.format("thumbnail %s: %s", thumb, tostring(err)))
        end
      end
    end
  end
end

--- The pipeline --------------------------------------------------------------

-- The files the document was read from: the input (a set's config), every
-- video's and scene's source file and every image. Recorded with the load
-- stage (task:used), so a resume sees an edit and loads again.
local function used_files(ctx, task, input)
  local seen = {}
  local function use(path)
    if type(path) ~= "string" or path == "" or seen[path] then return end
    seen[path] = true
    if core.file_digest(path) then task:used(path) end
  end
  if type(input) == "string" then
    use(input)
    use(input .. "/set_config.yaml")
  end
  for _, v in ipairs(type(ctx.videos) == "table" and ctx.videos or {}) do
    if type(v) == "table" then
      use(type(v.source) == "table" and v.source.file or nil)
      for _, sc in ipairs(type(v.scenes) == "table" and v.scenes or {}) do
        if type(sc) == "table" then
          use(type(sc.source) == "table" and sc.source.file or nil)
          use(type(sc.visual_content) == "table" and sc.visual_content.image or nil)
        end
      end
    end
  end
end

local function load_stage(o)
  -- allow_paths: folders besides the document's own that images may come
  -- from (--allow-path); nil when none, as the loader wants a list or nothing
  local options = { format = o.format, split = o.split, duration = o.duration,
    allow_paths = o.allow_paths and #o.allow_paths > 0 and o.allow_paths or nil }
  return function(ctx, task)
    core.run_native("input.load", ctx, options, task.id, task.stage)
    used_files(ctx, task, ctx.input)
  end
end

-- Narration: the native stage, then the WAVs it made or found in the cache
-- are recorded (task:produced), so a resume after they were cleaned from
-- the cache speaks them again instead of mixing files that are gone.
local function narrate_stage(o)
  local options = { voice = o.voice, rate = o.rate, pitch = o.pitch, ssml = o.ssml == true }
  return function(ctx, task)
    core.run_native("tts.synth", ctx, options, task.id, task.stage)
    for _, v in ipairs(type(ctx.videos) == "table" and ctx.videos or {}) do
      for _, sc in ipairs(type(v) == "table" and type(v.scenes) == "table" and v.scenes or {}) do
        local au = type(sc) == "table" and sc.audio
        if type(au) == "table" and type(au.path) == "string" and core.file_digest(au.path) then
          task:produced(au.path)
        end
      end
    end
  end
end

-- Which option (a key of the fingerprint `vgrun create` records) makes
-- which stage run again on resume. The voice, colour and theme are applied
-- to the loaded model in place, so a change of them loads it again rather
-- than restyling a model that already carries the old ones.
M.DEPENDS = {
  load = { "--from", "--format", "--split", "--duration", "--voice", "--color", "--theme", "--ssml", "--allow-path", "set files" },
  video = { "--resolution", "--fps", "--anim-fps", "--cfr", "--preset", "--crf", "--captions", "-o" },
}

function M.pipeline(opts)
  local o = opts_with_defaults(opts)
  if o.no_cache then core.cache_off() end  -- narration too: the cache folder is not touched
  return vg.pipeline{ name = "create", stages = {
    vg.stage{ name = "load", run = load_stage(o), depends = M.DEPENDS.load },
    vg.stage{ name = "style", run = style_stage(o) },
    vg.stage{ name = "narrate", run = narrate_stage(o) },
    vg.stage{ name = "video", run = video_stage(o), depends = M.DEPENDS.video },
    vg.stage{ name = "captions", run = captions_stage(o) },
    vg.stage{ name = "report", run = report_stage(o) },
  }}
end

M.options = opts_with_defaults
return M
