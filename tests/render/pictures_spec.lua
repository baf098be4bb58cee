-- How many pictures a scene needs (vg.create.scene_frames): every keyframe
-- the planner keeps is a picture the eye can tell from the one before, and
-- the end of every animation is shown exactly.
local create = require("vg.create")
local render = require("vg.render")
local rcore = require("vg.render_core")
local vg = require("vg")

local model = assert(require("vg.input").load("tests/render/fixtures/all_types.yaml"))
local scenes = render.scenes_of(model)
local W, H = 640, 360
local o = create.options({ width = W, height = H, lead_in = 0.1 })

-- a scene lasting 8 s reveals its items about 2 s apart: holds longer than
-- the 0.75 the thinning once mistook a frame's time for a position against
local function frames_of(s, opts)
  s.duration = 8
  return create.scene_frames(s, { start = 0, ["end"] = 8 }, opts or o, nil, nil)
end

describe("pictures per scene", function()
  for _, s in ipairs(scenes) do
    describe(s.scene_type, function()
      local frames, final = frames_of(s)

      it("keeps no frame that looks like the one before", function()
        for i = 2, #frames do
          assert.is_false(create.looks_alike(frames[i - 1], frames[i], H / 1080),
            "frame " .. i .. " at t=" .. frames[i].t)
          assert.are_not.equal(vg.json.encode(frames[i - 1].list), vg.json.encode(frames[i].list),
            "frame " .. i .. " repeats the list of the one before")
        end
      end)

      it("draws a different picture at every keyframe", function()
        local prev = assert(rcore.render(frames[1].list, W, H))
        for i = 2, #frames do
          local b = assert(rcore.render(frames[i].list, W, H))
          local maxd = b:diff(prev, 8)
          assert.is_true(maxd > 0, "frame " .. i .. " at t=" .. frames[i].t .. " is the picture before it")
          prev:close()
          prev = b
        end
        prev:close()
      end)

      it("ends on the settled picture exactly", function()
        assert.equal(vg.json.encode(final), vg.json.encode(frames[#frames].list))
      end)
    end)
  end

  it("thins only what the eye cannot see: without thinning there are more frames, never fewer", function()
    local all = 0
    for _, s in ipairs(scenes) do
      local thin = #frames_of(s)
      local full = #frames_of(s, create.options({ width = W, height = H, lead_in = 0.1, thin = false }))
      assert.is_true(full >= thin, s.scene_type)
      all = all + full - thin
    end
    assert.is_true(all > 0)
  end)

  it("a crossfade has a picture every other frame at 30 fps (fade_fps), and every frame without thinning", function()
    local prev = render.display_list(scenes[1], { width = W, height = H, t = "end" })
    local cf_frames = math.floor(o.crossfade * o.fps + 0.5)
    for _, s in ipairs(scenes) do
      s.duration = 8
      local seg = { start = 0, ["end"] = 8 }
      local in_fade = {}
      for _, f in ipairs(create.scene_frames(s, seg, o, prev, nil)) do
        local k = math.floor(f.t * o.fps + 0.5)
        if f.under then
          assert.equal(0, k % 2, s.scene_type .. ": a blend on frame " .. k)
          in_fade[#in_fade + 1] = k
        end
      end
      -- frames 0, 2, 4, 6 of the eight the quarter second lasts
      assert.same({ 0, 2, 4, 6 }, in_fade, s.scene_type)
      local full = create.options({ width = W, height = H, lead_in = 0.1, thin = false })
      local blends = 0
      for _, f in ipairs(create.scene_frames(s, seg, full, prev, nil)) do
        if f.under then blends = blends + 1 end
      end
      assert.equal(cf_frames, blends, s.scene_type)
    end
  end)

  it("a frame's time is no part of its picture: a hold of any length is one picture", function()
    local s = scenes[3]
    local dl = render.display_list(s, { width = W, height = H, t = "end" })
    local scale = H / 1080
    assert.is_true(create.looks_alike({ t = 0.5, list = dl }, { t = 2.9, list = dl }, scale))
    -- a crossfade's steps differ; the same step over the same picture does not
    local under = render.display_list(scenes[2], { width = W, height = H, t = "end" })
    assert.is_false(create.looks_alike({ t = 0, list = dl, under = under, alpha = 0 },
      { t = 1 / 30, list = dl, under = under, alpha = 0.13 }, scale))
    assert.is_true(create.looks_alike({ t = 0, list = dl, under = under, alpha = 0.5 },
      { t = 3, list = dl, under = under, alpha = 0.5 }, scale))
    assert.is_false(create.looks_alike({ t = 0, list = dl, under = under, alpha = 1 }, { t = 0, list = dl }, scale))
  end)
end)
