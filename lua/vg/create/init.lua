-- vg.create: the default pipeline behind `vgrun create`: a document becomes
-- a narrated, chaptered, captioned MP4. Copy this file and change it:
--
--   local create = require("vg.create")
--   local p = create.pipeline{ width = 1280, height = 720, captions = { srt = true } }
--   p:run("README.md", { task_id = "readme" })
--
-- Stages: load (native input.load) → style (CLI overrides) → fit (scenes
-- too full for the frame split, vg.create.fit) → narrate (native
-- tts.synth) → video (timeline, plan, native video.encode: one MP4 per
-- video) → captions → report (timing.json, thumbnail).
--
-- Beside it, each a module of its own: options (defaults and checks),
-- timeline (where scenes sit), captions (cues, SRT, VTT), plan (cache keys,
-- segments, thinned keyframes), outputs (names, clash checks, claims) and
-- report. Their functions are also fields of this module, as they always
-- were (create.timeline, create.output_paths, ...).
local vg = require("vg")
local core = require("vg.core")
local shown = require("vg.shown")

local M = {}
for _, part in ipairs({ "options", "timeline", "captions", "plan", "outputs", "report" }) do
  for k, v in pairs(require("vg.create." .. part)) do M[k] = v end
end
M.options = M.with_defaults
M.item, M.stage, M.write, M.scenes = nil, nil, nil, nil   -- internal to their modules
local report = require("vg.create.report")
local plan = require("vg.create.plan")

local render -- loaded lazily: vg.render needs the renderer part

-- The loader's options. allow_paths: folders besides the document's own
-- that images may come from (--allow-path); nil when none, as the loader
-- wants a list or nothing.
local function load_options(o)
  return { format = o.format, split = o.split, duration = o.duration, detail = o.detail,
    language = o.language, allow_paths = o.allow_paths and #o.allow_paths > 0 and o.allow_paths or nil }
end

-- --voice, --color and --theme over what the document says.
local function restyle(videos, o)
  for _, v in ipairs(videos) do
    if o.voice then v.voice = o.voice end
    if o.color then v.accent_color = o.color end
    if o.theme then v.theme = o.theme end
    for _, s in ipairs(v.scenes or {}) do
      if o.voice then s.voice = o.voice end
    end
  end
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
          shown.name(tostring(src.file or ctx.input)), tostring(src.line or 0), shown.name(tostring(v.id))), 0)
      end
    end
    restyle(videos, o)
    -- a recording narrates one video; a transcript's recording keeps its cue times
    if o.audio then
      if #videos > 1 then
        error(string.format("--audio %s: the input makes %d videos; a recording narrates one", shown.name(o.audio),
          #videos), 0)
      end
      if not o.keep_timing and M.has_timing(videos) then o.keep_timing = true end
    end
    if o.keep_timing then
      for _, v in ipairs(videos) do
        local kok, kerr = M.keep_timing(v, o)
        if not kok then error(kerr, 0) end
      end
    end
    -- what will be written must not be what was read (checked before the
    -- task by `vgrun create`; again here, on the videos this run loaded)
    local outs, oerr = M.output_paths(o, videos, ctx.input)
    if not outs then error(oerr, 0) end
    local written = M.all_written(o, outs)
    local clash = M.find_clash(written, M.input_files(ctx.input, videos, o))
    if clash then error(clash, 0) end
    -- a file there that vgrun did not make stays (o.overwrite); the rest are
    -- claimed in the task's state folder before anything is written
    local from, derived = M.source_of(o, ctx.input)
    local ok, cerr = M.check_and_claim(written, o.overwrite, task.state_dir, task.resumed, from, derived)
    if not ok then error(cerr, 0) end
    -- held by the task until it ends
    local locks, lerr = M.lock_outputs(written, task.state_dir)
    if not locks then error(lerr, 0) end
    for _, l in ipairs(locks) do task:hold(l) end
  end
end

-- The narration track needs only the timeline, not the pictures: it is
-- encoded into the cache on a pool thread while the scenes are planned (Lua,
-- on this thread). video.encode asks for the same track; its call waits for
-- this one (vge_encode_audio encodes a track once at a time) and takes it
-- from the cache. On two cores that takes the track (0.2-0.4 s a minute of
-- speech) off the time before the first picture. A failure here is left
-- for video.encode, which makes the track again and reports it.
local function start_narration(timing, clips, cache, o)
  if o.no_cache or #clips == 0 then return end
  core.go(function()
    pcall(require("vg.encode_core").audio, { duration = timing.duration, clips = clips, cache = cache })
  end)
end

-- The WAV a narration clip is mixed from: the cache's entry for its key,
-- checked, rather than the path the context names. A resumed context comes
-- from a state file, which is data: edited, it could name any file (a
-- recording of someone else's, a file that is not the cache's) and the
-- video would speak it. A clip this cache does not hold (a resume with
-- another cache folder) is taken from the path only when that is the
-- same key's entry of a cache folder (.../<k2>/<key>.wav/data.wav, a
-- file, not a link); a clip without a key (a plug-in's own, made in this
-- run) is taken as named, from a resumed context only when it is an entry
-- of a cache folder.
local function clip_wav(cache, au, task, scene_id)
  -- (a clip tts.synth found in the cache may carry an empty key)
  local key = type(au.key) == "string" and au.key:match("^%x+$") and au.key or nil
  if key then
    local path = cache:lookup(key, ".wav")
    if path then return path end
  elseif not task.resumed then
    return au.path
  end
  local at = type(au.path) == "string" and core.realpath(au.path)
  local st, err = core.stat(tostring(au.path), true)
  -- removed since it was made (a `cache clean` beside the run): --resume
  -- speaks it again, as the narrate stage's record of it is gone too
  if not st then error(string.format("%s: its narration clip %s", scene_id, shown.name(tostring(err))), 0) end
  local k2, name = (at or ""):match("/(%x%x)/(%x+)%.wav/data%.wav$")
  if st and st.type == "file" and name and name:sub(1, 2) == k2 and (not key or name == key) then return at end
  error(string.format("%s: its narration clip %s is not a clip of the cache; run the command again "
    .. "without --resume", scene_id, shown.name(tostring(au.path))), 0)
end

-- One MP4 per video: place the scenes, plan each one (its cache key, its
-- segments, its keyframes when a segment is not in the cache), then hand
-- the plan to the native encoder.
local function video_stage(o, off)
  return function(ctx, task)
    local cache = off or task.cache
    local clips_from = cache or core.cache()
    render = render or require("vg.render")
    local vcore = require("vg.video_core")
    ctx.outputs = {}
    local n = #ctx.videos
    local paths = assert(M.output_paths(o, ctx.videos, ctx.input))
    for vi, video in ipairs(ctx.videos) do
      local timing = M.timeline(video, o)
      if timing.duration > M.MAX_VIDEO_SECONDS then
        -- (a document's pauses and minimum durations, or a transcript's
        -- times, could otherwise ask for days of video)
        error(string.format("%s would last %.1f hours, longer than the %d hours a video may last",
          video.id or ("video " .. vi), timing.duration / 3600, M.MAX_VIDEO_SECONDS // 3600), 0)
      end
      local out = paths[vi]
      local cues = (o.captions.burn or o.captions.srt or o.captions.vtt) and M.cues(video, timing) or nil
      local clips, chapters = {}, {}
      if video.recording then
        -- a recorded narration: the one file, from the start, as it was said
        if type(o.audio) ~= "string" then error("the videos carry a recording but no --audio was given", 0) end
        clips[1] = { file = o.audio, at = 0 }
      end
      for i, s in ipairs(video.scenes) do
        local seg = timing.scenes[i]
        if not video.recording and s.audio and type(s.audio.parts) == "table" and (s.audio.duration or 0) > 0 then
          -- cues said at their own times: a clip each, all ending by the cut
          for _, p in ipairs(s.audio.parts) do
            local len = seg.cut and seg.cut - p.at or nil
            if not len or len > 0 then
              clips[#clips + 1] = { wav = clip_wav(clips_from, p, task, seg.id), key = p.key,
                at = seg.narration_start + p.at, len = len }
            end
          end
          if seg.cut then
            task:warn(string.format("%s: the spoken narration (%.1f s) is longer than the time to the next cue "
              .. "(%.1f s): cut there (with --audio, a recording keeps every word)", seg.id, s.audio.duration, seg.cut))
          end
        elseif not video.recording and s.audio and s.audio.path and (s.audio.duration or 0) > 0 then
          clips[#clips + 1] = { wav = clip_wav(clips_from, s.audio, task, seg.id), key = s.audio.key,
            at = seg.narration_start, len = seg.cut }
          if seg.cut then
            task:warn(string.format("%s: the spoken narration (%.1f s) is longer than the time to the next cue "
              .. "(%.1f s): cut there (with --audio, a recording keeps every word)", seg.id, s.audio.duration, seg.cut))
          end
        end
      end
      start_narration(timing, clips, cache, o)
      local t_plan = core.hrtime()
      local segments, prev_final, records = {}, nil, {}
      local vopts = { width = o.width, height = o.height, fps = o.fps, preset = o.preset, crf = o.crf, cfr = o.cfr }
      for i, s in ipairs(video.scenes) do
        local seg = timing.scenes[i]
        s.theme = s.theme or video.theme
        s.accent_color = s.accent_color or video.accent_color
        local rs = M.render_scene(s, seg.lead_in or o.lead_in)
        -- the scene as it ends: what the next scene fades from, and the
        -- images its key holds by their bytes
        local final = render.display_list(rs, { width = o.width, height = o.height, theme = s.theme,
          accent = s.accent_color, t = "end", captions = o.captions.burn or nil })
        local key, why = plan.scene_key(s, seg, o, cues, final)
        records[i] = { id = seg.id, key = key, why = why }
        local parts = plan.parts(key, seg, o, prev_final)
        -- text that had to shrink or be cut is reported (validation.warning)
        pcall(render.check, rs, { width = o.width, height = o.height, theme = s.theme, accent = s.accent_color,
          task = task, captions = o.captions.burn or nil })
        local missing = o.no_cache
        for _, part in ipairs(parts) do
          vopts.start, vopts["end"] = seg.start + part.from, seg.start + part.to
          part.cached = not o.no_cache and vcore.segment_cached(part.key, vopts, cache)
          if not part.cached then
            -- something to encode: the encoder's libraries load on a thread
            -- of their own while the rest is planned (once; an unchanged
            -- video never loads them: stages/encode/media.h)
            require("vg.encode_core").preload()
            missing = true
          end
        end
        local frames
        if missing then
          frames, prev_final = M.scene_frames(s, seg, o, prev_final, o.captions.burn and cues or nil)
        else
          prev_final = final
        end
        for _, part in ipairs(parts) do
          segments[#segments + 1] = { start = seg.start + part.from, ["end"] = seg.start + part.to, scene = i,
            key = not o.no_cache and part.key or nil,
            frames = part.cached and vg.json.array() or plan.part_frames(frames, part) }
        end
        task:progress((vi - 1 + i / #video.scenes * 0.3) / n, "planned " .. seg.id)
        -- a scene per turn of the loop: in `vgrun serve` other requests and
        -- tasks go on while a long video is planned
        if core.in_fiber() then coroutine.yield() end
      end
      for i, sc in ipairs(timing.scenes) do chapters[i] = { title = sc.title, start = sc.start, ["end"] = sc["end"] } end
      task:emit("video.rendering", out, { video = video.id, scenes = #segments, duration = timing.duration })
      local sub = {}
      local t_encode = core.hrtime()
      core.run_native("video.encode", sub, {
        width = o.width, height = o.height, fps = o.fps, cfr = o.cfr, preset = o.preset, crf = o.crf,
        jobs = o.jobs, no_cache = o.no_cache, title = video.title, out = out,
        segments = segments, chapters = chapters,
        audio = { duration = timing.duration, clips = clips },
      }, task.id, task.stage, cache, task.limits)
      local enc = sub.encoded
      enc.plan_seconds = t_encode - t_plan
      enc.encode_seconds = core.hrtime() - t_encode
      local prev_out = task.previous and task.previous.outputs and task.previous.outputs[vi]
      enc.scenes_made, enc.transitions_made = report.scenes(segments, records, enc, prev_out, o.no_cache)
      enc.scenes_cached = #video.scenes - enc.scenes_made
      task:produced(out)
      task:emit("video.rendered", out, enc)
      ctx.outputs[vi] = { video = video.id, path = out, timing = timing, cues = cues, encoded = enc,
        scenes = records }
      -- a cancel that came too late to stop this video's join stops the
      -- next one (this one is recorded: task:produced above)
      if vi < #ctx.videos then task:check() end
      -- a long document is several videos, planned one after the other: this
      -- one's keyframes are garbage now, and go before the next plan is built
      segments = nil
      collectgarbage("collect")
    end
  end
end

-- The document loaded again for another length (--duration): the loader's
-- options with duration = seconds (its messages name the length asked, not
-- this one), styled as the style stage did. quiet: through the Lua API,
-- whose warnings are not the task's (what was left out was said when the
-- document was loaded). -> videos, or nil.
local function load_again(o, ctx, task, seconds, quiet)
  if type(ctx.input) ~= "string" then return nil end
  local lo = load_options(o)
  lo.duration = seconds
  lo.duration_asked = o.duration
  local videos
  if task.limits == nil or quiet then
    -- the Lua API: what the loader says was said by the load stage already
    local ok, model = pcall(require("vg.input").load, ctx.input, lo)
    videos = ok and type(model) == "table" and model.videos or nil
  else
    local sub = { input = ctx.input }
    if pcall(core.run_native, "input.load", sub, lo, task.id, task.stage, task.cache, task.limits) then
      videos = sub.videos
    end
  end
  if type(videos) ~= "table" then return nil end
  restyle(videos, o)
  return videos
end

local function fit_options(o)
  return { width = o.width, height = o.height, captions = o.captions.burn or nil, create = o }
end

-- Lay out first, then split: a scene whose list, table or code does not
-- fit the frame at a readable size becomes several (vg.create.fit), before
-- narration, so each part is spoken and timed on its own.
local function fit_stage(o)
  return function(ctx, task)
    local fit = require("vg.create.fit")
    local fopts = fit_options(o)
    -- with --duration, a split that makes the video longer than asked loads
    -- the document again for a shorter length (the style's overrides again)
    local function reload(seconds) return load_again(o, ctx, task, seconds) end
    local n
    if o.duration and not o.keep_timing and not o.audio then
      local ratio, asked
      ctx.videos, n, ratio, asked = fit.with_duration(ctx.videos, o.duration, reload, fopts)
      -- the length the kept plan was loaded for: the narrate stage corrects
      -- it by what the speech really takes
      ctx.duration_loaded = asked or o.duration
      local w = fit.band_warning(ratio, o.duration)
      if w then task:warn(w); ctx.duration_warned = true end
    else
      n = fit.videos(ctx.videos, fopts)
    end
    task:progress(1, n > 0 and string.format("%d scene%s added to fit the frame", n, n == 1 and "" or "s") or "fits")
  end
end

local function captions_stage(o)
  return function(ctx, task)
    for _, out in ipairs(ctx.outputs) do
      local base = M.strip_ext(out.path)
      for _, kind in ipairs({ "srt", "vtt" }) do
        if o.captions[kind] then
          report.write(base .. "." .. kind, M[kind](out.cues or {}))
          task:produced(base .. "." .. kind)
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
  local options = load_options(o)
  return function(ctx, task)
    -- the speech engine starts while the input is read: its children are
    -- ready to speak when the narrate stage begins
    if not o.audio then
      local ok, tcore = pcall(require, "vg.tts_core")
      if ok then tcore.warm(o.voice) end
    end
    -- the loader's own word that --duration cannot be reached: said once
    -- (vg.create.length does not say it again by the speech's length)
    local heard = o.duration and vg.on("validation.warning", function(ev)
      if ev.task_id == task.id and type(ev.message) == "string" and ev.message:find("--duration", 1, true)
          and (ev.message:find("cannot be that short", 1, true) or ev.message:find("says too little", 1, true)) then
        ctx.duration_warned = true
      end
    end)
    local ok, err = pcall(core.run_native, "input.load", ctx, options, task.id, task.stage, task.cache, task.limits)
    if heard then vg.off(heard) end
    if not ok then error(err, 0) end
    used_files(ctx, task, ctx.input)
  end
end

-- Narration: the native stage, then the WAVs it made or found in the cache
-- are recorded (task:produced), so a resume after they were cleaned from
-- the cache speaks them again instead of mixing files that are gone.
-- While the speech children speak, the loop thread fits each scene's text
-- as the video stage will check it (vg.render.check_list remembers the
-- result by the display list): most of that work is loading each font family
-- on this thread, and the loop thread is otherwise idle until the clips are
-- in. Stops when stop() says the speech is done; any error is the video
-- stage's to report, when it checks again.
local function fit_while_speaking(ctx, o, stop)
  pcall(function()
    render = render or require("vg.render")
    for _, v in ipairs(type(ctx.videos) == "table" and ctx.videos or {}) do
      for _, s in ipairs(type(v) == "table" and type(v.scenes) == "table" and v.scenes or {}) do
        coroutine.yield()   -- the speech first; then a scene per turn of the loop
        if stop() then return end
        local dl = render.display_list(M.render_scene(s, o.lead_in), { width = o.width, height = o.height,
          theme = s.theme or v.theme, accent = s.accent_color or v.accent_color,
          captions = o.captions.burn or nil, t = "end" })
        render.check_list(dl)
      end
    end
  end)
end

local function narrate_stage(o, off)
  local options = { voice = o.voice, rate = o.rate, pitch = o.pitch, ssml = o.ssml == true }
  return function(ctx, task)
    if o.audio then
      -- a recorded narration instead of speech synthesis (--audio)
      local rec, err = M.probe_audio(o)
      if not rec then error(err, 0) end
      task:used(o.audio)
      for _, v in ipairs(ctx.videos) do
        local how, last = M.recorded_narration(v, o, rec)
        -- a recording that ends before the transcript does: the slides of
        -- the cues after its end would be silent, and nobody told
        if how == "cues" and last and last > rec.duration + M.RECORDING_SHORT then
          task:warn(string.format("--audio %s: the recording (%.1f s) ends before the transcript's last cue (%.1f s): "
            .. "the slides after %.1f s are silent", shown.name(o.audio), rec.duration, last, rec.duration),
            { recording = true })
        end
        if how == "shared" then
          task:warn(string.format("--audio %s: the recording (%.1f s) is shared by the scenes in proportion "
            .. "to their text, so slides change about when their part is said; a transcript (.srt, .vtt) "
            .. "with --keep-timing places them exactly", shown.name(o.audio), rec.duration), { recording = true })
        end
      end
      return
    end
    local spoken = false
    core.go(fit_while_speaking, ctx, o, function() return spoken end)
    -- a clip just spoken (not found in the cache) is a scene to encode: the
    -- encoder's libraries load on a thread of their own while the rest is
    -- spoken, when the cores are not yet busy (an unchanged video speaks
    -- nothing and never loads them)
    local speaking = vg.on("audio.generated", function(ev)
      if ev.task_id == task.id and type(ev.data) == "table" and ev.data.cached == false then
        require("vg.encode_core").preload()
      end
    end)
    local ok, err = pcall(core.run_native, "tts.synth", ctx, options, task.id, task.stage, off or task.cache,
      task.limits)
    vg.off(speaking)
    spoken = true
    if not ok then error(err, 0) end
    if o.keep_timing then
      -- speech longer than the time to the next cue is said again faster
      local tts, tcore = require("vg.tts"), require("vg.tts_core")
      -- say(scene, factor[, text]): the scene's narration (or text) in its
      -- voice, factor times its pace
      local function say(s, factor, text)
        local voice = s.audio.voice or o.voice or "male"
        local vo = tcore.resolve(voice, o.rate)
        if type(vo) ~= "table" or not tonumber(vo.rate) then return nil end
        return tts.synth(text or s.narration, { voice = voice,
          rate = math.min(450, math.floor(vo.rate * factor + 0.5)),
          pitch = o.pitch, ssml = o.ssml == true, cache = off or task.cache })
      end
      for _, v in ipairs(type(ctx.videos) == "table" and ctx.videos or {}) do
        -- each cue at its own time, then what still runs into the next cue faster
        M.place_cues(v, o, say)
        M.fit_speech(v, o, say)
      end
    end
    if o.duration and not o.keep_timing and type(ctx.input) == "string" then
      -- the length the speech really takes, held to --duration
      local length = require("vg.create.length")
      local function again(seconds)
        local videos = load_again(o, ctx, task, seconds, true)
        if not videos then return nil end
        require("vg.create.fit").videos(videos, fit_options(o))
        local sub = { input = ctx.input, videos = videos }
        if not pcall(core.run_native, "tts.synth", sub, options, task.id, task.stage, off or task.cache,
            task.limits) then return nil end
        return sub.videos
      end
      local ratio, tries, reach
      ctx.videos, ratio, tries, reach = length.correct(ctx.videos, o.duration, ctx.duration_loaded or o.duration,
        again, o)
      -- (short of it by a sentence: the slides held a little longer, up to
      -- it; a document that says too little was held by the loader, which
      -- said so)
      if ratio < 1 and reach ~= "under" then ratio = length.hold(ctx.videos, o.duration, o) end
      ctx.duration_ratio = ratio
      local w = not ctx.duration_warned and length.warning(ratio, o.duration, reach)
      if w then task:warn(w) end
      if tries > 0 then
        task:progress(1, string.format("held to --duration %g: %d s", o.duration, math.floor(ratio * o.duration + 0.5)))
      end
    end
    -- (hashed once, when the stage completes: vg.pipeline)
    local function is_file(path)
      local st = type(path) == "string" and core.stat(path)
      return st and st.type == "file"
    end
    for _, v in ipairs(type(ctx.videos) == "table" and ctx.videos or {}) do
      for _, sc in ipairs(type(v) == "table" and type(v.scenes) == "table" and v.scenes or {}) do
        local au = type(sc) == "table" and sc.audio
        if type(au) == "table" and is_file(au.path) then task:produced(au.path) end
        for _, p in ipairs(type(au) == "table" and type(au.parts) == "table" and au.parts or {}) do
          if is_file(p.path) then task:produced(p.path) end
        end
      end
    end
  end
end

-- Which option (a key of the fingerprint `vgrun create` records) makes
-- which stage run again on resume. The voice, colour and theme are applied
-- to the loaded model in place, so a change of them loads it again rather
-- than restyling a model that already carries the old ones.
--- how much of the transcript may run past the end of its recording (--audio
--- with cue times) before a warning says so
M.RECORDING_SHORT = 1.0

--- the longest video vgrun makes (as long as the longest recording it takes)
M.MAX_VIDEO_SECONDS = 3 * 3600

M.DEPENDS = {
  load = { "--from", "--format", "--split", "--duration", "--detail", "--language", "--voice", "--color", "--theme", "--ssml",
    "--allow-path", "set files", "--keep-timing", "--audio",
    -- the fit stage splits the loaded scenes for the frame: a new frame loads again
    "--resolution", "--captions" },
  video = { "--resolution", "--fps", "--anim-fps", "--cfr", "--preset", "--crf", "--captions", "-o" },
}

-- Stages plug-ins add to every create pipeline of this engine, in the order
-- they were added: { stage, after = name } or { stage, before = name }.
local added = {}

--- add_stage(stage, {after = "load"} | {before = "video"}): a stage of a
--- plug-in's (vg.stage{...} or its definition) runs in `vgrun create` too.
function M.add_stage(stage, where)
  if getmetatable(stage) ~= require("vg.pipeline").Stage then stage = vg.stage(stage) end
  if type(where) ~= "table" or (type(where.after) ~= "string") == (type(where.before) ~= "string") then
    error("create.add_stage: {after = name} or {before = name} expected", 2)
  end
  local anchor = where.after or where.before
  local known = { load = true, style = true, fit = true, narrate = true, video = true, captions = true, report = true }
  for _, a in ipairs(added) do known[a.stage.name] = true end
  if not known[anchor] then error("create.add_stage: no stage '" .. anchor .. "' in the create pipeline", 2) end
  if known[stage.name] then error("create.add_stage: a stage '" .. stage.name .. "' is already there", 2) end
  added[#added + 1] = { stage = stage, after = where.after, before = where.before }
end

-- The report stage, then the task's cache pruned to its limit
-- (docs/cache.md): what this run used is spared, as it was used after
-- `started`.
-- The claim records then learn which files this run made (outputs.lua).
local function report_then_prune(o, started)
  local run = report.stage(o)
  return function(ctx, task)
    local r = table.pack(run(ctx, task))
    local mp4s = {}
    for i, out in ipairs(ctx.outputs or {}) do mp4s[i] = out.path end
    M.record_made(M.all_written(o, mp4s), task.state_dir)
    if o.no_cache then return table.unpack(r, 1, r.n) end
    local cache = task:cache_of()
    if not cache:off() then require("vg.cmd.cache").after_run(started, cache) end
    return table.unpack(r, 1, r.n)
  end
end

-- A plug-in's stage may rewrite the scene model (ctx.videos): what it
-- leaves is held to the limits a document read from a file is held to
-- (vg.core.limits: scenes per video, narration bytes per scene, items per
-- list as keys per mapping; as many videos as keys) and then to the
-- loader's own validator, so a stage that makes a million bullets or
-- megabytes of narration fails at once, by name, instead of the fit and
-- the speech taking minutes over it. Counting uses the tables' raw lengths
-- and stops at the first excess: bounded whatever the stage made.
function M.check_model(ctx, name, limits)
  local why = require("vg.model_bounds").problems(ctx.videos, limits)
  if why then
    error(setmetatable({ code = "invalid_model", abort = true,
      message = string.format("stage '%s' left a scene model vgrun cannot use: %s", name, why) },
      { __tostring = function(e) return e.message end }), 0)
  end
end

-- A plug-in's stage that runs Lua, with the scene model checked after it.
local function checked(stage)
  if not stage.run then return stage end
  local run = stage.run
  return vg.stage{ name = stage.name, description = stage.description, retries = stage.retries,
    backoff = stage.backoff, on_error = stage.on_error, depends = stage.depends,
    run = function(ctx, task)
      local r = table.pack(run(ctx, task))
      M.check_model(ctx, stage.name, task.limits)
      return table.unpack(r, 1, r.n)
    end }
end

function M.pipeline(opts)
  local o = M.with_defaults(opts)
  -- --no-cache: this pipeline's tasks touch no cache folder, narration
  -- included; the engine's cache and other pipelines' stay as they are
  local off = o.no_cache and core.cache_new{ off = true } or nil
  local started = core.now()
  local stages = {
    vg.stage{ name = "load", run = load_stage(o), depends = M.DEPENDS.load },
    vg.stage{ name = "style", run = style_stage(o) },
    vg.stage{ name = "fit", run = fit_stage(o) },
    vg.stage{ name = "narrate", run = narrate_stage(o, off) },
    vg.stage{ name = "video", run = video_stage(o, off), depends = M.DEPENDS.video },
    vg.stage{ name = "captions", run = captions_stage(o) },
    vg.stage{ name = "report", run = report_then_prune(o, started) },
  }
  for _, a in ipairs(added) do
    -- the fit lays out the text narration will say: a stage added before
    -- narrate (one that rewrites headlines and narration) runs before it
    local anchor = a.before == "narrate" and "fit" or a.after or a.before
    for i, st in ipairs(stages) do
      if st.name == anchor then
        table.insert(stages, a.after and i + 1 or i, checked(a.stage))
        break
      end
    end
  end
  local p = vg.pipeline{ name = "create", stages = stages }
  -- its own stages are vgrun's; a plug-in's is checked by checked() above
  p.model_checked = true
  return p
end

return M
