-- vg.create.timeline: where every scene sits in the video (frame-exact
-- boundaries, narration after a lead-in) and the scene as the renderer sees
-- it (word times moved by the lead-in). Two more ways to place scenes:
-- on the transcript's own timeline (--keep-timing: a scene starts at its
-- first cue, gaps stay as held pictures) and under a recorded narration
-- (--audio: the recording's times, from the cues or shared by the text).
local timing = require("vg.timing")
local text_ = require("vg.text")

local M = {}

local function quantize(t, fps) return math.ceil(t * fps - 1e-6) / fps end
local function floor_frame(t, fps) return math.floor(t * fps + 1e-6) / fps end

-- A transcript's times are data: numbers, finite, from 0 to 1000 hours.
local function time_ok(t) return type(t) == "number" and t == t and t >= 0 and t < 3.6e6 end

--- cues_of(scene) -> the scene's transcript cues ({start, end, text}, in
-- order) from its source (the SRT/VTT loader keeps them), or nil. Cues with
-- a bad time are left out.
function M.cues_of(scene)
  local src = type(scene) == "table" and type(scene.source) == "table" and scene.source or nil
  local list = src and src.cues
  if type(list) ~= "table" then return nil end
  local out, n, sorted, last = {}, 0, true, -1
  for _, c in ipairs(list) do
    local a, b = c, type(c) == "table" and c["end"]
    a = b and c.start
    if b and time_ok(a) and time_ok(b) and b >= a then
      n = n + 1
      out[n] = { start = a, ["end"] = b, text = type(c.text) == "string" and c.text or "" }
      if a < last then sorted = false end
      last = a
    end
  end
  if n == 0 then return nil end
  -- a transcript's cues are in order already: sorted only when they are not
  -- (a talk of 300,000 cues asks for its cues several times a plan)
  if not sorted then table.sort(out, function(x, y) return x.start < y.start end) end
  return out
end

--- has_timing(videos) -> true when any scene has cue times to keep
function M.has_timing(videos)
  for _, v in ipairs(type(videos) == "table" and videos or {}) do
    for _, s in ipairs(type(v) == "table" and type(v.scenes) == "table" and v.scenes or {}) do
      if M.cues_of(s) then return true end
    end
  end
  return false
end

-- A title before the first cue needs this much room; with less, the first
-- slide of the talk opens the video instead.
M.MIN_TITLE = 1.5

--- keep_timing(video, o) -> true | nil, message: readies a video for its
-- cue times (--keep-timing): scenes before the first cue that have no room
-- there are dropped; a video without cue times is an error.
function M.keep_timing(video, o)
  local first
  for i, s in ipairs(video.scenes or {}) do
    local c = M.cues_of(s)
    if c then first = first or { i = i, t = c[1].start } end
  end
  if not first then
    local src = type(video.source) == "table" and video.source.file or video.id or "the input"
    return nil, string.format("--keep-timing: %s has no cue times (only a transcript, .srt or .vtt, has them)",
      tostring(src))
  end
  if first.i > 1 and first.t < M.MIN_TITLE then
    for _ = 1, first.i - 1 do table.remove(video.scenes, 1) end
  end
  M.only_cues_said(video)
  return true
end

--- only_cues_said(video): on a kept timeline the transcript is all that is
-- said. A scene without cues (the title over the recording's lead-in, the
-- outro after its last cue) is shown silently: no "Welcome to talk.
-- Transcript." over the first seconds of a talk.
function M.only_cues_said(video)
  for _, s in ipairs(video.scenes or {}) do
    if type(s) == "table" and not M.cues_of(s) and type(s.narration) == "string" and s.narration ~= "" then
      s.narration = ""
    end
  end
end

local function words_of(text)
  local w = {}
  for x in tostring(text or ""):gmatch("%S+") do w[#w + 1] = x end
  return w
end

-- Word times spread evenly over [from, to] (seconds from the narration's
-- start): for a recording, whose words nobody timed, the layouts still
-- reveal each point about when it is said.
local function spread(out, text, from, to)
  local w = words_of(text)
  local step = #w > 0 and math.max(0, to - from) / #w or 0
  for k, x in ipairs(w) do
    out[#out + 1] = { word = x, start = from + (k - 1) * step, ["end"] = from + k * step }
  end
end

-- Where each scene starts on a kept timeline: a scene with cues at its
-- first cue; scenes before the first cue share the time before it; a scene
-- after the last cue (the outro) follows the one before it.
function M.anchors(video, o)
  local scenes = video.scenes or {}
  local an, cues = {}, {}
  for i, s in ipairs(scenes) do
    cues[i] = M.cues_of(s)
    an[i] = cues[i] and cues[i][1].start or nil
  end
  local first
  for i = 1, #scenes do if an[i] then first = i; break end end
  if not first then return nil end
  for i = 1, first - 1 do an[i] = an[first] * (i - 1) / (first - 1) end
  for i = first + 1, #scenes do
    if not an[i] then
      local p, pc = scenes[i - 1], cues[i - 1]
      local speech = type(p.audio) == "table" and tonumber(p.audio.duration) or 0
      -- after the last cue, the voice may still be speaking: its whole speech
      local natural = pc and math.max(pc[#pc]["end"] - an[i - 1], speech) + o.tail
        or math.max(tonumber(p.min_duration) or 0, o.min_scene, o.lead_in + speech + o.tail)
      an[i] = an[i - 1] + natural
      for k = i + 1, #scenes do
        if cues[k] then an[i] = math.min(an[i], cues[k][1].start); break end
      end
    end
  end
  return an
end

--- recorded_narration(video, o, rec): a recorded narration (--audio) as the
-- scenes' audio. rec = {duration=, sha256=}. With cue times each scene is
-- said from its first cue; without, the scenes share the recording in
-- proportion to their narration's words (each at least min_scene when the
-- recording is long enough). Sets scene.audio = {duration, words, at,
-- recorded} and video.recording. Returns "cues" (and the time the last cue
-- ends) or "shared".
function M.recorded_narration(video, o, rec)
  local scenes = video.scenes or {}
  local n, L = #scenes, rec.duration
  video.recording = { duration = L, sha256 = rec.sha256 }
  local an = o.keep_timing and M.anchors(video, o)
  if an then
    local last = 0
    for i, s in ipairs(scenes) do
      local c = M.cues_of(s)
      local words = {}
      local stop = an[i + 1] or L
      if c then
        for _, cue in ipairs(c) do spread(words, cue.text, cue.start - an[i], cue["end"] - an[i]) end
        stop = c[#c]["end"]
        last = math.max(last, stop)
      end
      s.audio = { duration = math.max(0, stop - an[i]), words = words, at = an[i], recorded = true }
    end
    return "cues", last
  end
  local w, total = {}, 0
  for i, s in ipairs(scenes) do
    w[i] = math.max(1, #words_of(s.narration)); total = total + w[i]
  end
  -- shares of L by words; a scene below min_scene gets min_scene and the
  -- others share the rest (when L leaves room for that)
  local floor_, fixed, d = math.min(o.min_scene, L / math.max(n, 1)), {}, {}
  for _ = 1, n do
    local rest, wsum = L, 0
    for i = 1, n do if fixed[i] then rest = rest - floor_ else wsum = wsum + w[i] end end
    local changed = false
    for i = 1, n do
      d[i] = fixed[i] and floor_ or (wsum > 0 and rest * w[i] / wsum or 0)
      if not fixed[i] and d[i] < floor_ then fixed[i] = true; changed = true end
    end
    if not changed then break end
  end
  local at = 0
  for i, s in ipairs(scenes) do
    local words = {}
    spread(words, s.narration, 0, d[i])
    s.audio = { duration = d[i], words = words, at = at, recorded = true }
    at = at + d[i]
  end
  return "shared"
end

function M.scene_title(scene, i)
  -- (a scene with errors may have a list, a number or null there)
  local vc = type(scene.visual_content) == "table" and scene.visual_content or {}
  local t = vc.title or vc.header or vc.lesson_title or vc.question or vc.main_text or vc.quote_text
    or vc.problem_text
  if (type(t) ~= "string" or t == "") and scene.scene_type == "checkpoint" then
    -- as its slide says it ("Checkpoint 1"), not by its place in the video
    local n = require("vg.scenes.common").str(vc.checkpoint_number)
    t = require("vg.i18n").t(scene.language, "l_checkpoint") .. (n and (" " .. n) or "")
  end
  if type(t) ~= "string" or t == "" then
    t = (type(scene.scene_type) == "string" and scene.scene_type or "scene") .. " " .. i
  end
  t = t:gsub("%s+", " ")
  return text_.shorten(t, 80) -- by grapheme clusters: a chapter title is never cut inside a character
end

--- Stages -----------------------------------------------------------------

-- A timeline of fixed starts (kept cue times, or a recording's): scene i
-- holds from its start (on the frame grid, never after its first cue) to the
-- next one's, so gaps in the talk are held pictures; the last one lasts its
-- natural length and at least to the end of the recording. Speech that a
-- voice made longer than its slot is cut there (seg.cut_at, warned once).
local function timed(video, o, an)
  local scenes, fps = video.scenes or {}, o.fps
  local rec = type(video.recording) == "table" and tonumber(video.recording.duration) or nil
  local render = package.loaded["vg.render"]
  local starts, out = {}, {}
  for i = 1, #scenes do
    local s = i == 1 and 0 or floor_frame(an[i], fps)
    if i > 1 and s <= starts[i - 1] then s = starts[i - 1] + 1 / fps end
    starts[i] = s
  end
  for i, s in ipairs(scenes) do
    local au = s.audio or {}
    local speech = tonumber(au.duration) or 0
    local start = starts[i]
    local cued = au.recorded or M.cues_of(s) ~= nil
    local stop, nstart
    if i < #scenes then
      stop = starts[i + 1]
      -- a scene of no cue (a title) gives up its lead-in before it cuts speech
      nstart = cued and math.max(an[i], start) or start + math.max(0, math.min(o.lead_in, stop - start - speech))
    else
      nstart = cued and math.max(an[i], start) or start + o.lead_in
      local len = math.max(tonumber(s.min_duration) or 0, o.min_scene, nstart - start + speech + o.tail)
      if render then len = math.max(len, render.settle_time(M.render_scene(s, nstart - start)) + timing.hold) end
      stop = quantize(math.max(start + len, rec or 0), fps)
    end
    local nend = nstart + speech
    local cut
    if not au.recorded and speech > 0 and nend > stop + 1e-6 then cut, nend = stop - nstart, stop end
    -- a recording runs on over the cut, which is floored to the frame grid:
    -- what this scene holds of it ends at the cut (timing.json stays in order)
    if au.recorded and nend > stop then nend = math.max(nstart, stop) end
    out[i] = {
      id = s.id or string.format("scene_%02d", i), type = s.scene_type, title = M.scene_title(s, i),
      start = start, ["end"] = stop, narration_start = nstart, narration_end = nend,
      lead_in = nstart - start, cut = cut,
    }
  end
  return { duration = out[#out] and out[#out]["end"] or 0, scenes = out, kept = true }
end

-- With --keep-timing and speech synthesis, a scene of several cues says
-- each cue at its own time, as the talk did: a voice that says them one
-- after the other would run ahead of the captions and the recording it is
-- laid over. Each cue's part of the narration is spoken on its own and
-- placed at its cue (or just after the part before, when that one is still
-- being said); the parts are the scene's clips (audio.parts, each `at`
-- seconds after its narration starts) and their words one timeline.
M.CUE_GAP = 0.15

--- cue_parts(narration, cues) -> the narration cut into one text per cue:
--- by each cue's words when the narration is the cues' text (a transcript's
--- is), else in proportion to them. nil when there is nothing to cut.
function M.cue_parts(narration, cues)
  local words = words_of(narration)
  if #words == 0 or #cues < 2 then return nil end
  local counts, sum = {}, 0
  for k, c in ipairs(cues) do counts[k] = #words_of(c.text); sum = sum + counts[k] end
  if sum == 0 then return nil end
  local parts, from, cum = {}, 1, 0
  for k = 1, #cues do
    cum = cum + counts[k]
    local to = k == #cues and #words or (sum == #words and cum or math.floor(#words * cum / sum + 0.5))
    parts[k] = table.concat(words, " ", from, math.max(from - 1, to))
    from = math.max(from, to + 1)
  end
  return parts
end

-- Speaks the parts (say(text, factor) -> vg.tts.synth's result) and places
-- them: the scene's audio, or nil when a part could not be said.
local function placed_parts(parts, cues, say, factor, base)
  local words, sentences, out = {}, {}, {}
  local t0, free_at, stop = cues[1].start, 0, 0
  for k, text in ipairs(parts) do
    if text ~= "" then
      local ok, a = pcall(say, text, factor)
      if not ok or type(a) ~= "table" or type(a.path) ~= "string" or not tonumber(a.duration) then return nil end
      local at = math.max(cues[k].start - t0, free_at)
      local spoken = a.duration
      local last = type(a.words) == "table" and a.words[#a.words]
      if last and tonumber(last["end"]) then spoken = math.min(spoken, last["end"]) end
      for _, w in ipairs(a.words or {}) do
        words[#words + 1] = { word = w.word, start = (w.start or 0) + at, ["end"] = (w["end"] or 0) + at }
      end
      for _, x in ipairs(a.sentences or {}) do
        sentences[#sentences + 1] = { text = x.text, start = (x.start or 0) + at, ["end"] = (x["end"] or 0) + at }
      end
      out[#out + 1] = { path = a.path, key = a.key, at = at, duration = a.duration }
      free_at = at + spoken + M.CUE_GAP
      stop = math.max(stop, at + a.duration)
    end
  end
  if #out == 0 then return nil end
  local au = {}
  for key, v in pairs(base) do au[key] = v end
  au.path, au.key, au.samples, au.cached = nil, nil, nil, nil
  au.duration, au.words, au.sentences, au.parts, au.factor = stop, words, sentences, out, factor
  return au
end

--- place_cues(video, o, say) -> n: says each cue of a scene at its own
--- time (--keep-timing, speech synthesis); say(scene, factor, text) speaks
--- a text in the scene's voice. n scenes were placed so.
function M.place_cues(video, o, say, factor)
  if not o.keep_timing or video.recording or o.ssml then return 0 end
  local n = 0
  for _, s in ipairs(video.scenes or {}) do
    local cues = type(s) == "table" and M.cues_of(s)
    local parts = cues and type(s.audio) == "table" and M.cue_parts(s.narration, cues)
    if parts then
      local au = placed_parts(parts, cues, function(text, f) return say(s, f, text) end, factor or 1, s.audio)
      if au then s.audio = au; n = n + 1 end
    end
  end
  return n
end

-- With --keep-timing and speech synthesis, a voice may take longer than the
-- talk did: the slides keep the cue times (they are what lines up with the
-- recording), so the speech is what gives way. A scene whose speech runs
-- past the next scene's first cue is said again faster, up to MAX_SPEEDUP
-- times the voice's pace, so that it ends there (and a little before);
-- what is still too long is cut at the cue (timed) with a warning.
M.MAX_SPEEDUP = 1.6

--- fit_speech(video, o, say) -> n: say(scene, factor) -> a new audio table
--- (vg.tts.synth's result) spoken `factor` times faster, or nil. Returns how
--- many scenes were said again.
function M.fit_speech(video, o, say)
  if not o.keep_timing or video.recording then return 0 end
  local t = M.timeline(video, o)
  local n = 0
  for i, seg in ipairs(t.scenes) do
    local s = video.scenes[i]
    local au = type(s) == "table" and s.audio
    if seg.cut and type(au) == "table" and tonumber(au.duration) and seg.cut > 0 then
      -- 3 % to spare: espeak-ng's pace is not exactly proportional to its rate
      local factor = math.min(M.MAX_SPEEDUP, au.duration / seg.cut * 1.03)
      local ok, faster
      if au.parts then
        -- cues said at their times: each part faster, placed again
        local cues = M.cues_of(s)
        local parts = cues and M.cue_parts(s.narration, cues)
        -- only the speech gives way, not the pauses between cues
        local speech = 0
        for _, p in ipairs(au.parts) do speech = speech + p.duration end
        local left = math.max(speech - (au.duration - seg.cut), speech / M.MAX_SPEEDUP)
        factor = math.min(M.MAX_SPEEDUP, (au.factor or 1) * speech / left * 1.03)
        faster = parts and placed_parts(parts, cues, function(text, f) return say(s, f, text) end, factor, au)
        ok = faster ~= nil
      else
        ok, faster = pcall(say, s, factor)
      end
      if ok and type(faster) == "table" and tonumber(faster.duration) and faster.duration < au.duration then
        s.audio = faster
        n = n + 1
      end
    end
  end
  return n
end

-- Places every scene on the timeline: scene = max(min_duration, lead-in +
-- narration + tail), boundaries on the frame grid so nothing drifts. With
-- kept cue times or a recording, scenes start where those say (timed).
function M.timeline(video, o)
  local scenes = video.scenes or {}
  if #scenes > 0 and (o.keep_timing or video.recording) then
    -- a recording's starts (set by recorded_narration), else the cues'
    local an = {}
    for i, s in ipairs(scenes) do
      local au = s.audio
      an[i] = type(au) == "table" and au.recorded and tonumber(au.at) or nil
      if not an[i] then an = nil; break end
    end
    an = an or (o.keep_timing and M.anchors(video, o))
    if an then return timed(video, o, an) end
  end
  local t = 0
  local out = {}
  for i, s in ipairs(video.scenes or {}) do
    local au = s.audio or {}
    local speech = tonumber(au.duration) or 0
    local min = math.max(tonumber(s.min_duration) or 0, o.min_scene)
    local len = math.max(min, o.lead_in + speech + o.tail)
    if speech <= 0 then len = math.max(len, M.silent_seconds(s, video.language)) end
    local render = package.loaded["vg.render"]  -- a layout's settle time, once it is loaded
    if render then len = math.max(len, render.settle_time(M.render_scene(s, o.lead_in)) + timing.hold) end
    local start = t
    local stop = quantize(start + len, o.fps)
    out[i] = {
      id = s.id or string.format("scene_%02d", i), type = s.scene_type, title = M.scene_title(s, i),
      start = start, ["end"] = stop,
      narration_start = start + o.lead_in, narration_end = start + o.lead_in + speech,
    }
    t = stop
  end
  return { duration = t, scenes = out }
end

--- silent_seconds(scene, lang) -> how long a scene nothing is said in stays
--- to be read (the reader's rule, vg.input_core; 0 without the input part)
local core_ok, core = pcall(require, "vg.input_core")
function M.silent_seconds(scene, lang)
  if not (core_ok and type(core) == "table" and core.silent_seconds) then return 0 end
  local ok, t = pcall(core.silent_seconds, { scene_type = scene.scene_type or scene.type,
    visual_content = scene.visual_content, narration = scene.narration }, lang)
  return ok and tonumber(t) or 0
end

-- The scene as the renderer sees it: word times moved by the lead-in, and
-- whether they are a recording's words spread over its cues (nobody timed
-- them: a quote's pages then keep their reading time).
function M.render_scene(scene, lead_in)
  local au = scene.audio
  if type(au) ~= "table" then return scene end
  local copy = {}
  for k, v in pairs(scene) do copy[k] = v end
  local words = {}
  for i, w in ipairs(au.words or {}) do
    words[i] = { word = w.word, start = (w.start or 0) + lead_in, ["end"] = (w["end"] or 0) + lead_in }
  end
  copy.audio = { duration = (au.duration or 0) + lead_in, words = words, recorded = au.recorded or nil }
  return copy
end

return M
