-- vg.create.timeline: where every scene sits in the video (frame-exact
-- boundaries, narration after a lead-in) and the scene as the renderer sees
-- it (word times moved by the lead-in).
local text_ = require("vg.text")

local M = {}

local function quantize(t, fps) return math.ceil(t * fps - 1e-6) / fps end

function M.scene_title(scene, i)
  local vc = scene.visual_content or {}
  local t = vc.title or vc.header or vc.lesson_title or vc.question or vc.main_text or vc.quote_text
    or vc.problem_text
  if type(t) ~= "string" or t == "" then t = (scene.scene_type or "scene") .. " " .. i end
  t = t:gsub("%s+", " ")
  return text_.shorten(t, 80) -- by grapheme clusters: a chapter title is never cut inside a character
end

--- Stages -----------------------------------------------------------------

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
    local render = package.loaded["vg.render"]  -- a layout's settle time, once it is loaded
    if render then len = math.max(len, render.settle_time(M.render_scene(s, o.lead_in)) + 0.5) end
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

return M
