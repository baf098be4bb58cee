-- vg.create.plan: what the video stage asks the encoder for. Each scene's
-- cache key (from what it shows, says, looks like and lasts, kept part by
-- part so a later run can say what changed), its segments (a transition
-- from the previous scene apart from the body, so an edit re-makes only that
-- scene), and its keyframes with the frames the eye cannot tell apart
-- thinned out.
local vg = require("vg")
local core = require("vg.core")
local timeline = require("vg.create.timeline")
local cap = require("vg.create.captions")

local M = {}
local render -- loaded lazily: vg.render needs the renderer part

-- Is display list b the same picture as a, to the eye? Same structure and
-- text; positions within `px` pixels and opacities within 1.5 %. Frames in
-- the slow tail of an ease-out (sub-pixel steps) are dropped this way; the
-- end of every animation is always shown exactly (when it looks like the
-- frame kept last, that frame takes the end's picture), so the settled
-- picture is exact.
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

-- Does frame b show what frame a shows, to the eye? Their pictures only:
-- the times they are shown at are no part of it (comparing t as if it
-- were a position kept every frame after a hold longer than 0.75 s).
local function looks_alike(a, b, scale)
  if not rawequal(a.under, b.under) then return false end
  if a.under ~= nil and math.abs((a.alpha or 1) - (b.alpha or 1)) > 0.015 then return false end
  return close_enough(a.list, b.list, 0.75, scale) and close_enough(a.over, b.over, 0.75, scale) and true
end
M.looks_alike = looks_alike

-- Keyframes of one scene: while it animates, one per frame; then one frame
-- that holds. With burnt-in captions, a keyframe at each cue change. While
-- the crossfade from prev_final lasts, a frame is { list, under = prev_final,
-- alpha, over = captions }: the video stage draws prev_final once and blends.
-- Returns the frames and the scene's final display list.
local function scene_frames(scene, seg, o, prev_final, cues)
  render = render or require("vg.render")
  local fps = o.fps
  local dur = seg["end"] - seg.start
  local rs = timeline.render_scene(scene, seg.lead_in or o.lead_in)
  local ropts = { width = o.width, height = o.height, theme = scene.theme, accent = scene.accent_color,
    captions = o.captions.burn or nil }
  local times = {}
  -- While the crossfade lasts, a picture every `fade_every` frames of the
  -- grid (fade_fps: 15 a second at 30 fps), whatever moves in the scene
  -- fading in: every picture of a fade changes the whole frame, the dearest
  -- kind to draw, blend and encode, and half-seen motion under a quarter-
  -- second dissolve needs no more. A time in the fade is taken back to the
  -- picture shown then (at most fade_every - 1 frames earlier).
  local fade_frames = (prev_final and o.crossfade > 0) and math.floor(o.crossfade * fps + 0.5) or 0
  local fade_every = o.thin == false and 1
    or math.max(1, math.floor(fps / math.min(fps, o.anim_fps or fps, o.fade_fps or fps) + 0.5))
  local function add(t)
    if t >= 0 and t < dur then
      local k = math.floor(t * fps + 0.5)
      if k < fade_frames then k = k - k % fade_every end
      times[#times + 1] = k / fps
    end
  end
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
    -- a cue's start and end: the first frame of the grid at or after it, the
    -- first that shows the change (the nearest frame could fall just before
    -- it: the cue before was held over the whole cue, which was never seen)
    local function add_change(t) add(math.ceil(t * fps - 1e-9) / fps) end
    for _, c in ipairs(cues) do
      if c["end"] > seg.start and c.start < seg["end"] then
        add_change(c.start - seg.start); add_change(c["end"] - seg.start)
        active[#active + 1] = c
      end
    end
  end
  add(0)
  table.sort(times)
  -- the frame of an animation's end shows its exact end, even when the end
  -- falls between two frames of the grid (else its last picture would hold
  -- a step short of settled, e.g. at 0.99996 opacity)
  local ends = {}
  for _, iv in ipairs(render.keyframes(rs, dur)) do
    local k = math.floor(iv[2] * fps + 0.5)
    ends[k] = math.max(type(ends[k]) == "number" and ends[k] or 0, iv[2])
  end
  if prev_final and o.crossfade > 0 then
    local k = math.floor(o.crossfade * fps + 0.5)
    ends[k] = ends[k] or true
  end
  local scale = math.min(o.width, o.height) / 1080
  local frames, last, kept = {}, nil, nil
  for _, t in ipairs(times) do
    if t ~= last then
      local must = ends[math.floor(t * fps + 0.5)]
      ropts.t = render.frame_time(rs, type(must) == "number" and math.max(t, must) or t)
      local dl = render.display_list(rs, ropts)
      local abs = seg.start + t
      local captions = {}
      for _, c in ipairs(active) do
        if abs >= c.start - 1e-9 and abs < c["end"] - 1e-9 then
          captions[#captions + 1] = cap.item(c, o.width, o.height)
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
      if o.thin == false or not kept or not looks_alike(kept, frame, scale) then
        frames[#frames + 1] = frame
        kept = frame
      elseif must then
        -- the end of an animation the eye cannot tell from the frame kept
        -- last: that frame shows the end's exact picture, one picture fewer
        kept.list, kept.alpha, kept.over = frame.list, frame.alpha, frame.over
      end
      last = t
    end
  end
  ropts.t = "end"
  return frames, render.display_list(rs, ropts)
end

M.scene_frames = scene_frames

-- The pictures a display list shows, by their bytes: an image edited in
-- place under the same name is a new look. "" when it shows none. A list is
-- read once (its scene's key, then the next scene's transition).
local images_of = setmetatable({}, { __mode = "k" })
local function images_digest(list)
  if type(list) == "table" and images_of[list] then return images_of[list] end
  local paths, seen, visited = {}, {}, {}
  local function walk(t, depth)
    -- each table once: a plug-in's layout may share or loop its tables
    if depth > 64 or visited[t] then return end
    visited[t] = true
    if t.type == "image" and type(t.path) == "string" and not seen[t.path] then
      seen[t.path] = true
      paths[#paths + 1] = t.path
    end
    for _, v in pairs(t) do
      if type(v) == "table" then walk(v, depth + 1) end
    end
  end
  if type(list) ~= "table" then return "" end
  walk(list, 0)
  local digest = ""
  if #paths > 0 then
    table.sort(paths)
    local parts = {}
    for i, p in ipairs(paths) do
      local ok, d = pcall(core.file_digest, p)
      parts[i] = p .. "\n" .. (ok and d and d.sha256 or "unreadable")
    end
    digest = core.sha256(table.unpack(parts))
  end
  images_of[list] = digest
  return digest
end

--- scene_key(scene, seg, o, cues, final) -> key, why: the cache key of a
-- scene and its parts (why), so a later run can say what changed. `final`
-- is the scene's display list at its end: the images it shows join the key
-- by their bytes. `o.crossfade` is taken on the frame grid, as the video is
-- cut. The fonts pictures are drawn with (vg.render_core.fonts_id) are part
-- of the look, as the code is.
function M.scene_key(scene, seg, o, cues, final)
  local rs = timeline.render_scene(scene, seg.lead_in or o.lead_in)
  local cf = M.crossfade(o)
  local why = {
    content = core.sha256(vg.json.encode({ rs.scene_type, rs.visual_content or vg.null })),
    narration = core.sha256(vg.json.encode(rs.audio or vg.null)),
    look = core.sha256(tostring(scene.theme), tostring(scene.accent_color), tostring(o.width),
      tostring(o.height), tostring(o.lead_in), tostring(cf), core.code_id,
      require("vg.plugins").digest(), require("vg.render_core").fonts_id()),
    images = images_digest(final),
    length = string.format("%.6f", seg["end"] - seg.start),
    captions = o.captions.burn and core.sha256(vg.json.encode(cues)) or "",
  }
  return core.sha256("vgrun scene v5", why.content, why.narration, why.look, why.length, why.captions,
    why.images), why
end

--- crossfade(o) -> seconds: the crossfade on the frame grid (0: none)
function M.crossfade(o)
  return o.crossfade > 0 and math.floor(o.crossfade * o.fps + 0.5) / o.fps or 0
end

--- parts(key, seg, o, prev_final) -> { {from=, to=, key=}, ... }
-- The crossfade from the previous scene is a segment of its own, so the
-- body of a scene never depends on its neighbours: an edit re-makes that
-- scene (and the short transitions beside it) only.
function M.parts(key, seg, o, prev_final)
  local dur, cf = seg["end"] - seg.start, M.crossfade(o)
  -- the picture faded from, with the bytes of the images it shows
  local prev_hash = prev_final and core.sha256(vg.json.encode(prev_final), images_digest(prev_final)) or ""
  if prev_final and cf > 0 and dur > cf + 2 / o.fps then
    return {
      { from = 0, to = cf, key = core.sha256(key, "transition", prev_hash) },
      { from = cf, to = dur, key = core.sha256(key, "body") },
    }
  end
  return { { from = 0, to = dur, key = core.sha256(key, "whole", prev_hash) } }
end

--- part_frames(frames, part) -> a part's keyframes, timed from its start;
-- it opens with the picture shown at its first instant.
function M.part_frames(frames, part)
  local out, opening = vg.json.array(), nil
  local function at(f, t) return { t = t, list = f.list, under = f.under, alpha = f.alpha, over = f.over } end
  for _, f in ipairs(frames) do
    if f.t <= part.from + 1e-9 then opening = f end
    if f.t > part.from + 1e-9 and f.t < part.to - 1e-9 then out[#out + 1] = at(f, f.t - part.from) end
  end
  table.insert(out, 1, at(opening, 0))
  return out
end

return M
