-- vg.create.report: what a run leaves beside each video (the timing
-- report, the thumbnail) and, per scene, whether it was made or came from
-- the cache and why it was made again.
local vg = require("vg")
local core = require("vg.core")
local timeline = require("vg.create.timeline")
local outputs = require("vg.create.outputs")

local M = {}
local render -- loaded lazily: vg.render needs the renderer part

function M.write(path, text)
  local ok, err = core.write_atomic(path, text)
  if not ok then error(err, 0) end
end

--- stage(o): the report stage of the create pipeline
function M.stage(o)
  return function(ctx, task)
    render = render or require("vg.render")
    for vi, out in ipairs(ctx.outputs) do
      local video = ctx.videos[vi]
      local base = outputs.strip_ext(out.path)
      -- language: BCP 47 tag of the document; voice: the one that spoke it
      local timing = { duration = out.timing.duration, scenes = M.with_words(video, out.timing),
                       language = video.language or "en", voice = video.voice }
      M.write(base .. ".timing.json", vg.json.encode(timing, { pretty = true }) .. "\n")
      task:produced(base .. ".timing.json")
      local first = video.scenes[1]
      if first then
        local thumb = base .. ".png"
        local tw, th = 640, math.max(2, math.floor(640 * o.height / o.width / 2 + 0.5) * 2)
        -- a temp name of our own, then rename: a link or file already at
        -- the temp name is removed, never written through
        local tmp = outputs.thumb_tmp(thumb)
        os.remove(tmp)
        local ok, err = render.frame(timeline.render_scene(first, o.lead_in), { width = tw, height = th,
          theme = video.theme, accent = video.accent_color, t = "end", out = tmp, task = task })
        if ok then
          -- durably, as every output: fsync, rename, fsync of the folder
          -- (the crash points of VGRUN_CRASH_AT); tmp is gone on failure
          local cok, cerr = core.commit_file(tmp, thumb)
          if cok then task:produced(thumb)
          else os.remove(tmp); task:warn(string.format("thumbnail %s", tostring(cerr))) end
        else
          os.remove(tmp)
          task:warn(string.format("thumbnail %s: %s", thumb, tostring(err)))
        end
      end
    end
  end
end

local function ms(t) return math.floor(t * 1000 + 0.5) / 1000 end

--- with_words(video, timing) -> the timeline's scenes, each with the words
--- said in it: { word, start, end }, in seconds of the video, as the
--- captions and the reveals time them (espeak-ng's word events; under a
--- recording nobody timed, its words spread over its cues: `spread` is
--- true). A word past the end of the scene's narration (speech cut at the
--- next cue) is not said and is left out.
function M.with_words(video, timing)
  local out = {}
  for i, seg in ipairs(timing.scenes or {}) do
    local e = {}
    for k, v in pairs(seg) do e[k] = v end
    local s = (video.scenes or {})[i]
    local au = type(s) == "table" and s.audio
    if type(au) == "table" and type(au.words) == "table" and #au.words > 0 then
      local base = tonumber(seg.narration_start) or tonumber(seg.start) or 0
      local stop = tonumber(seg.narration_end) or math.huge
      local words = {}
      for _, w in ipairs(au.words) do
        local a, b = tonumber(w.start), tonumber(w["end"])
        if type(w.word) == "string" and a and base + a < stop then
          b = math.min(stop, base + math.max(a, b or a))
          words[#words + 1] = { word = w.word, start = ms(base + a), ["end"] = ms(b) }
        end
      end
      e.words = words
      if au.recorded then e.spread = true end
    end
    out[i] = e
  end
  return out
end

--- scenes(segments, records, encoded, previous, no_cache): per scene, made
-- or from the cache, and why it was made again (the parts of its key that
-- differ from the previous run's). Returns scenes made, transitions made.
function M.scenes(segments, records, encoded, previous, no_cache)
  local cached_parts = encoded.segment_cached or {}
  local before = {}
  for _, r in ipairs(previous and previous.scenes or {}) do before[r.id] = r end
  local made, transitions = 0, 0
  for k, e in ipairs(segments) do
    -- a scene's last segment is its body; one before it is its transition
    local is_transition = segments[k + 1] and segments[k + 1].scene == e.scene
    if is_transition then
      if not cached_parts[k] then transitions = transitions + 1 end
    else
      local r = records[e.scene]
      r.cached = cached_parts[k] == true
      if not r.cached then
        made = made + 1
        local old = before[r.id]
        if no_cache then r.reason = "--no-cache"
        elseif not old or not old.why then r.reason = "new scene"
        else
          local changed = {}
          for _, part in ipairs({ "content", "images", "narration", "look", "length", "captions" }) do
            if old.why[part] ~= r.why[part] then changed[#changed + 1] = part end
          end
          r.reason = #changed > 0 and ("changed: " .. table.concat(changed, ", ")) or "not in the cache"
        end
      end
    end
  end
  return made, transitions
end

return M
