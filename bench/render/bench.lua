-- Renderer benchmark: `build/vgrun bench/render/bench.lua [WxH] [N]`.
-- For each built-in scene type: time to build the display list (Lua), to
-- render it through the Lua API (table -> JSON -> pixels), and the C path
-- alone (as a native stage calls vg_render). Settled frames and frames in
-- the middle of the entrance animation. Goal: a typical 1080p frame < 10 ms.
local render = require("vg.render")
local core = require("vg.render_core")

local W, H = 1920, 1080
if arg[1] then W, H = arg[1]:match("^(%d+)x(%d+)$"); W, H = tonumber(W), tonumber(H) end
local N = tonumber(arg[2]) or 40

local function now()
  return os.clock()   -- CPU time of this process (single-threaded here)
end

local scenes = render.scenes_of(assert(require("vg.input").load("tests/render/fixtures/all_types.yaml")))
print(string.format("vgrun renderer benchmark: %dx%d, %d frames per figure", W, H, N))
print(string.format("%-22s %10s %10s %10s %10s %10s", "scene type", "layout ms", "lua ms",
  "C ms", "C anim ms", "cold ms"))
local c_settled = {}
for _, s in ipairs(scenes) do
  local settle = render.settle_time(s)
  -- cold: first render of a new scene (text shaped, fonts looked up)
  local t0 = now()
  local dl = render.display_list(s, { width = W, height = H, t = settle })
  local t1 = now()
  core.render(dl, W, H)
  local cold = (now() - t1) * 1000
  t0 = now()
  for _ = 1, N do dl = render.display_list(s, { width = W, height = H, t = settle }) end
  local layout = (now() - t0) / N * 1000
  t0 = now()
  for _ = 1, N do local b = core.render(dl, W, H); b:close() end
  local lua_ms = (now() - t0) / N * 1000
  local c_ms = core.bench(dl, W, H, N)
  local anim = render.display_list(s, { width = W, height = H, t = 0.5 })
  local c_anim = core.bench(anim, W, H, N)
  c_settled[#c_settled + 1] = c_ms
  print(string.format("%-22s %10.2f %10.2f %10.2f %10.2f %10.2f", s.scene_type, layout, lua_ms,
    c_ms, c_anim, cold))
end
table.sort(c_settled)
local median = c_settled[(#c_settled + 1) // 2]
print(string.format("median C render of a settled frame: %.2f ms (max %.2f ms) -> %s",
  median, c_settled[#c_settled], median < 10 and "under 10 ms" or "OVER 10 ms"))

-- Frames that do not change are not drawn again: count, for a 12 s scene at
-- 30 fps, how many distinct frames the keyframes ask for.
local s = scenes[3]
local fps, dur = 30, 12
local drawn, last = 0, nil
for f = 0, fps * dur - 1 do
  local t = render.frame_time(s, f / fps)
  if t ~= last then drawn = drawn + 1; last = t end
end
print(string.format("list scene, %d s at %d fps: %d of %d frames drawn (%.0f%% skipped as unchanged)",
  dur, fps, drawn, fps * dur, 100 * (1 - drawn / (fps * dur))))

-- The cost of each moving picture, drawn as the video stage draws it
-- (stages/video/video_stage.c): a crossfade draws the incoming picture whole
-- and blends it over the last picture of the scene before; an entrance
-- (slide-in) or a reveal redraws only the rectangle that changed.
local FPS = 30
local function frames(s, t0, t1)
  local out, ts = {}, {}
  for f = math.floor(t0 * FPS + 0.5), math.floor(t1 * FPS + 0.5) do
    out[#out + 1] = render.display_list(s, { width = W, height = H, t = f / FPS })
    ts[#ts + 1] = f / FPS
  end
  return out, ts
end
local by_type = {}
for _, s in ipairs(scenes) do by_type[s.scene_type] = by_type[s.scene_type] or s end
local list, prev = by_type.list, by_type.command
local reps = math.max(1, N // 8)
print(string.format("per moving picture at %dx%d (%d fps, median of 3 runs of %d passes):", W, H, FPS, reps))
local function med3(f)
  local r = {}
  for i = 1, 3 do local ms, area = f(); r[i] = { ms, area } end
  table.sort(r, function(a, b) return a[1] < b[1] end)
  return r[2][1], r[2][2]
end
do
  local lists, ts = frames(list, 0, render.CROSSFADE)
  local alphas = {}
  for i, t in ipairs(ts) do alphas[i] = math.min(1, t / render.CROSSFADE) end
  local under = render.display_list(prev, { width = W, height = H, t = "end" })
  local ms, area = med3(function() return core.bench_pictures(lists, W, H, reps, under, alphas) end)
  print(string.format("  %-34s %7.2f ms  (%d pictures, %3.0f%% of the frame drawn)", "crossfade (whole picture + blend)",
    ms, #lists, area * 100))
end
do
  local lists = frames(list, 0, render.ENTER)
  local ms, area = med3(function() return core.bench_pictures(lists, W, H, reps) end)
  print(string.format("  %-34s %7.2f ms  (%d pictures, %3.0f%% of the frame drawn)", "slide-in (entrance of a list)",
    ms, #lists - 1, area * 100))
end
do
  local iv = render.keyframes(list)
  local r = iv[2] or iv[1]
  local lists = frames(list, r[1], r[2])
  local ms, area = med3(function() return core.bench_pictures(lists, W, H, reps) end)
  print(string.format("  %-34s %7.2f ms  (%d pictures, %3.0f%% of the frame drawn)", "reveal (one list item)",
    ms, #lists - 1, area * 100))
end
