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
