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

-- CLI overrides (voice, colour, theme) and checks of them before any work.
local function style_stage(o)
  return function(ctx, task)
    local videos = ctx.videos
    if type(videos) ~= "table" or #videos == 0 then error("the input has no videos", 0) end
    if o.color then
      local theme = require("vg.theme")
      local ok, err = theme.get(o.theme or "light", o.color)
      if not ok then error(err, 0) end
    end
    if o.theme and o.theme ~= "light" and o.theme ~= "dark" then
      error("unknown theme '" .. o.theme .. "' (light, dark)", 0)
    end
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

function M.output_path(o, video, n_videos, input)
  if o.output and n_videos == 1 and o.output:match("%.mp4$") then return o.output end
  local dir = (o.output or "."):gsub("(.)/+$", "%1")
  if o.output and o.output:match("%.mp4$") then dir = dirname(o.output) end
  local name = n_videos == 1 and strip_ext(basename(input or video.id or "video")) or (video.id or "video")
  name = name:gsub("[^%w._-]", "_")
  return dir .. "/" .. name .. ".mp4"
end

local function video_stage(o)
  return function(ctx, task)
    render = render or require("vg.render")
    local vcore = require("vg.video_core")
    ctx.outputs = {}
    local n = #ctx.videos
    for vi, video in ipairs(ctx.videos) do
      local timing = M.timeline(video, o)
      local out = M.output_path(o, video, n, type(ctx.input) == "string" and ctx.input or nil)
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
  return function(ctx)
    for _, out in ipairs(ctx.outputs) do
      local base = strip_ext(out.path)
      if o.captions.srt then write(base .. ".srt", M.srt(out.cues or {})) end
      if o.captions.vtt then write(base .. ".vtt", M.vtt(out.cues or {})) end
    end
  end
end

local function report_stage(o)
  return function(ctx, task)
    render = render or require("vg.render")
    for vi, out in ipairs(ctx.outputs) do
      local video = ctx.videos[vi]
      local base = strip_ext(out.path)
      local timing = { duration = out.timing.duration, scenes = out.timing.scenes }
      write(base .. ".timing.json", vg.json.encode(timing, { pretty = true }) .. "\n")
      local first = video.scenes[1]
      if first then
        local thumb = base .. ".png"
        local tw, th = 640, math.floor(640 * o.height / o.width / 2 + 0.5) * 2
        local ok, err = render.frame(M.render_scene(first, o.lead_in), { width = tw, height = th,
          theme = video.theme, accent = video.accent_color, t = "end", out = thumb .. ".tmp.png" })
        if ok then os.rename(thumb .. ".tmp.png", thumb) else task:warn("thumbnail: " .. tostring(err)) end
      end
    end
  end
end

--- The pipeline --------------------------------------------------------------

function M.pipeline(opts)
  local o = opts_with_defaults(opts)
  return vg.pipeline{ name = "create", stages = {
    vg.native("input.load", { name = "load", options = { format = o.format, split = o.split,
      duration = o.duration } }),
    vg.stage{ name = "style", run = style_stage(o) },
    vg.native("tts.synth", { name = "narrate", options = { voice = o.voice, rate = o.rate, pitch = o.pitch } }),
    vg.stage{ name = "video", run = video_stage(o) },
    vg.stage{ name = "captions", run = captions_stage(o) },
    vg.stage{ name = "report", run = report_stage(o) },
  }}
end

M.options = opts_with_defaults
return M
