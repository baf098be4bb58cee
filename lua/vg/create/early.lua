-- vg.create.early: a scene's segments planned and encoded while later
-- scenes are still spoken. A scene's place and keyframes need only its own
-- clip and the clips before it (the timeline is placed from the start), so
-- once those are spoken (audio.generated) the loop thread plans the scene as
-- the video stage would and one pool thread encodes its missing segments
-- into the cache (video.encode with segments_only), while the speaking
-- children go on with later clips. The video stage then finds those
-- segments in the cache (or waits for the one under way: vge_flight_claim)
-- and takes the keyframes planned here for a part whose key is the one it
-- computes itself, so nothing here decides what the video shows: a scene
-- planned from other data has another key and is planned again.
-- Not with --no-cache (nowhere to put them), --jobs 1 (one encoder thread),
-- --audio, --keep-timing or --duration (scenes are placed, or spoken again,
-- once every clip is in), nor burnt-in captions (their cues need every
-- scene's place). VGRUN_EARLY_ENCODE=0 turns it off (to compare).
local vg = require("vg")
local core = require("vg.core")
local timeline = require("vg.create.timeline")
local plan = require("vg.create.plan")

local M = {}

local render -- vg.render, loaded by the fit stage before this runs

--- enabled(o) -> whether a create with these options encodes early
function M.enabled(o)
  return not (o.no_cache or o.jobs == 1 or o.audio or o.keep_timing or o.duration or o.captions.burn
    or os.getenv("VGRUN_EARLY_ENCODE") == "0")
end

-- The scene's audio as tts.synth leaves it (the timings of the clip's cache
-- entry), from an audio.generated event's data; nil when it cannot be told.
local function clip_audio(cache, d)
  local path = type(d.path) == "string" and d.path or ""
  if path == "" then
    -- nothing said (a blank narration): no clip, no timings
    if tonumber(d.duration) ~= 0 then return nil end
    return { duration = 0, words = vg.json.array(), sentences = vg.json.array(), marks = vg.json.array() }
  end
  local key = path:match("/%x%x/(%x+)%.wav/data%.wav$")
  local jpath = key and cache:lookup(key, ".json")
  local f = jpath and io.open(jpath, "rb")
  if not f then return nil end
  local text = f:read("a")
  f:close()
  local ok, au = pcall(vg.json.decode, text or "")
  if not ok or type(au) ~= "table" or tonumber(au.duration) ~= tonumber(d.duration) then return nil end
  au.path, au.key, au.cached = path, key, d.cached
  return au
end

--- start(ctx, o, cache, task) -> e or nil. e.heard(ev) takes each
--- audio.generated event of the task; e.close(cancel) starts nothing more
--- (cancel: stops the encode under way too); e.take(vi, i, parts) -> the
--- frames and the final display list planned for scene i of video vi when
--- every part's key is the one planned, else nil; e.report(segments, enc)
--- counts what was made here in video.encode's result.
function M.start(ctx, o, cache, task)
  if not M.enabled(o) or type(ctx.videos) ~= "table" then return nil end
  -- (nil: the engine's cache, for the native calls as for the video stage)
  local lookup = cache or core.cache()
  render = render or require("vg.render")
  local e, closed = {}, false
  local heard = {}      -- heard[vi][i]: scene i's audio
  local next_scene = {} -- next_scene[vi]: the first scene of video vi not planned
  local prev_final = {} -- prev_final[vi]: what the next scene fades from
  local planned = {}    -- planned[vi][i] = { keys, frames, final }
  local batches, made = {}, {}
  local frames_encoded, frames_drawn = 0, 0
  local planning, encoding = nil, nil
  local vopts = { width = o.width, height = o.height, fps = o.fps, preset = o.preset, crf = o.crf, cfr = o.cfr }

  local function encode_batches()
    while #batches > 0 and not closed do
      local batch = table.remove(batches, 1)
      local sub = {}
      local ok = pcall(core.run_native, "video.encode", sub, {
        width = o.width, height = o.height, fps = o.fps, cfr = o.cfr, preset = o.preset, crf = o.crf,
        jobs = 1, segments_only = true, segments = batch,
      }, task.id, task.stage, cache, task.limits)
      -- a failure is video.encode's to make again and report
      local enc = ok and sub.encoded
      for k, seg in ipairs(enc and batch or {}) do
        if enc.segment_cached[k] == false then made[seg.key] = true end
      end
      if enc then
        frames_encoded = frames_encoded + (tonumber(enc.frames_encoded) or 0)
        frames_drawn = frames_drawn + (tonumber(enc.frames_drawn) or 0)
      end
    end
    encoding = nil
  end

  -- plans scene i of video vi, its clip and every clip before it heard
  local function plan_scene(vi, i)
    local video = ctx.videos[vi]
    local scenes = {}
    for k = 1, i do
      local s = {}
      for f, v in pairs(video.scenes[k]) do s[f] = v end
      s.audio = heard[vi][k]
      scenes[k] = s
    end
    local v = {}
    for f, x in pairs(video) do v[f] = x end
    v.scenes = scenes
    local seg = timeline.timeline(v, o).scenes[i]
    local s = scenes[i]
    s.theme = s.theme or video.theme
    s.accent_color = s.accent_color or video.accent_color
    local rs = timeline.render_scene(s, seg.lead_in or o.lead_in)
    local final = render.display_list(rs, { width = o.width, height = o.height, theme = s.theme,
      accent = s.accent_color, t = "end", captions = nil })
    local key = plan.scene_key(s, seg, o, nil, final)
    local parts = plan.parts(key, seg, o, prev_final[vi])
    local frames, next_final = plan.scene_frames(s, seg, o, prev_final[vi], nil)
    local keys, batch = {}, {}
    for k, part in ipairs(parts) do
      keys[k] = part.key
      vopts.start, vopts["end"] = seg.start + part.from, seg.start + part.to
      if not require("vg.video_core").segment_cached(part.key, vopts, cache) then
        batch[#batch + 1] = { start = seg.start + part.from, ["end"] = seg.start + part.to, scene = i,
          key = part.key, frames = plan.part_frames(frames, part) }
      end
    end
    planned[vi][i] = { keys = keys, frames = frames, final = next_final }
    prev_final[vi] = next_final
    if #batch > 0 and os.getenv("VGRUN_EARLY_ENCODE") ~= "plan" then
      require("vg.encode_core").preload()
      batches[#batches + 1] = batch
      if not encoding then encoding = core.go(encode_batches) end
    end
  end

  local function plan_heard()
    local ok = pcall(function()
      local more = true
      while more and not closed do
        more = false
        for vi = 1, #ctx.videos do
          local i = next_scene[vi]
          if i and heard[vi][i] and not closed then
            next_scene[vi] = i + 1
            plan_scene(vi, i)
            more = true
            coroutine.yield()   -- the speech's events first
          end
        end
      end
    end)
    -- a scene that cannot be planned here (an error) is left to the video stage
    if not ok then closed = true end
    planning = nil
  end

  for vi, v in ipairs(ctx.videos) do
    if type(v) ~= "table" or type(v.scenes) ~= "table" or v.recording then return nil end
    heard[vi], planned[vi], next_scene[vi] = {}, {}, 1
  end

  function e.heard(ev)
    local d = ev.data
    if closed or type(d) ~= "table" then return end
    local vi, i = tonumber(d.video), tonumber(d.scene)
    if not vi or not i or not heard[vi + 1] then return end
    heard[vi + 1][i + 1] = clip_audio(lookup, d)
    if not planning then planning = core.go(plan_heard) end
  end

  function e.close(cancel)
    closed = true
    if cancel and encoding then core.cancel_fiber(encoding) end
  end

  function e.take(vi, i, parts)
    local p = planned[vi] and planned[vi][i]
    if not p or #p.keys ~= #parts then return nil end
    for k, part in ipairs(parts) do
      if part.key ~= p.keys[k] then return nil end
    end
    return p.frames, p.final
  end

  -- video.encode's counts, with the segments made here told as made (it
  -- found them in the cache) and the pictures encoded here added
  function e.report(segments, enc)
    local cached = type(enc.segment_cached) == "table" and enc.segment_cached or {}
    for k, seg in ipairs(segments) do
      if seg.key and made[seg.key] and cached[k] then
        cached[k] = false
        enc.segments_cached = enc.segments_cached - 1
        enc.segments_made = enc.segments_made + 1
      end
    end
    enc.frames_encoded = (tonumber(enc.frames_encoded) or 0) + frames_encoded
    enc.frames_drawn = (tonumber(enc.frames_drawn) or 0) + frames_drawn
    frames_encoded, frames_drawn = 0, 0
  end

  -- a `<close>` variable: an error or a cancel stops the encode under way
  return setmetatable(e, { __close = function(_, err) e.close(err ~= nil) end })
end

return M
