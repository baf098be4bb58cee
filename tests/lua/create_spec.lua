-- Pieces of the create pipeline that are pure functions.
local create = require("vg.create")

describe("vg.create", function()
  describe("close_enough (frames the eye cannot tell apart)", function()
    local function group(o, dy, text) return { type = "group", opacity = o, dy = dy, items = { { type = "text", text = text or "a" } } } end
    it("keeps what moves visibly and drops sub-pixel steps", function()
      assert.is_true(create.close_enough(group(0.5, 10), group(0.5, 10), 0.75, 1))
      assert.is_true(create.close_enough(group(0.99, 0.2), group(0.995, 0.1), 0.75, 1))
      assert.is_false(create.close_enough(group(0.5, 10), group(0.55, 10), 0.75, 1))
      assert.is_false(create.close_enough(group(0.9, 10), group(0.9, 8), 0.75, 1))
      assert.is_false(create.close_enough(group(1, 0, "a"), group(1, 0, "b"), 0.75, 1))
    end)
    it("treats a missing opacity as 1 and a missing offset as 0", function()
      local settled = { type = "group", items = { { type = "text", text = "a" } } }
      assert.is_true(create.close_enough(group(0.995, 0.3), settled, 0.75, 1))
      assert.is_false(create.close_enough(group(0.9, 0.3), settled, 0.75, 1))
    end)
    it("measures positions in output pixels", function()
      assert.is_true(create.close_enough(group(1, 1.0), group(1, 0), 0.75, 0.5))   -- 0.5 px at 540p
      assert.is_false(create.close_enough(group(1, 1.0), group(1, 0), 0.75, 2))    -- 2 px at 2160p
    end)
  end)

  describe("captions", function()
    local video = { scenes = { { audio = { duration = 4, sentences = {
      { text = "A short sentence.", start = 0, ["end"] = 1.2 },
      { text = "This one is much longer, and it goes on for a while, so that it cannot fit on two lines of captions at all.", start = 1.2, ["end"] = 4 },
    } } } } }
    local timing = { scenes = { { narration_start = 0.5 } } }
    local cues = create.cues(video, timing)
    it("gives a cue per sentence at least, inside the narration", function()
      assert.is_true(#cues >= 3)
      assert.equals("A short sentence.", cues[1].text)
      assert.near(0.5, cues[1].start, 1e-9)
      for _, c in ipairs(cues) do
        assert.is_true(c["end"] > c.start)
        assert.is_true(#c.lines <= 2)
        for _, l in ipairs(c.lines) do assert.is_true(#l <= 48, l) end
      end
    end)
    it("never leaves a word or two of a sentence as a cue of its own", function()
      local long = "Vieles davon erschien ursprünglich auf Quora, aber angesichts des Interesses scheint es "
        .. "vielversprechend, Github zu nutzen, wo talentiertere Menschen als ich es bin kontinuierlich "
        .. "Verbesserungen vorschlagen können."
      local v = { scenes = { { audio = { duration = 12, sentences = { { text = long, start = 0, ["end"] = 12 } } } } } }
      local cs = create.cues(v, { scenes = { { narration_start = 0 } } })
      assert.is_true(#cs >= 2)
      local joined = {}
      for _, c in ipairs(cs) do
        joined[#joined + 1] = c.text
        local words = select(2, c.text:gsub("%S+", ""))
        assert.is_true(words >= 4, c.text)
        assert.is_true(#c.lines <= 2)
      end
      assert.equals(long, table.concat(joined, " "))
    end)
    it("writes SRT and VTT", function()
      local srt, vtt = create.srt(cues), create.vtt(cues)
      assert.truthy(srt:find("^1\n00:00:00,500 %-%-> 00:00:01,700\nA short sentence%.\n"))
      assert.truthy(vtt:find("^WEBVTT\n\n00:00:00%.500 %-%-> 00:00:01%.700\n"))
    end)
    it("writes no text a player reads as a tag or a timing line", function()
      local function cue(text) return { start = 0, ["end"] = 1, text = text, lines = { text } } end
      local cs = { cue("AT&T: x < y & z > w"), cue("parse --> render ---> encode"),
        cue("00:00:00,000 --> 00:59:00,000"), cue("Use <b>bold</b>") }
      local vtt = create.vtt(cs)
      assert.truthy(vtt:find("\nAT&amp;T: x &lt; y &amp; z &gt; w\n", 1, true))
      assert.truthy(vtt:find("\nparse --&gt; render ---&gt; encode\n", 1, true))
      assert.truthy(vtt:find("\nUse &lt;b&gt;bold&lt;/b&gt;\n", 1, true))
      local _, arrows = vtt:gsub("%-%->", "")
      assert.equals(4, arrows)           -- the four timing lines only
      local srt = create.srt(cs)
      assert.truthy(srt:find("\nparse -> render -> encode\n", 1, true))
      assert.truthy(srt:find("\n00:00:00,000 -> 00:59:00,000\n", 1, true))
      assert.truthy(srt:find("\nUse <\u{2060}b>bold<\u{2060}/b>\n", 1, true))
      assert.truthy(srt:find("\nAT&T: x <\u{2060} y & z > w\n", 1, true))
      _, arrows = srt:gsub("%-%->", "")
      assert.equals(4, arrows)
    end)
  end)
end)

describe("vg.create.scene_frames", function()
  local render = require("vg.render")
  local model = assert(require("vg.input").load("tests/render/fixtures/all_types.yaml"))
  local scenes = render.scenes_of(model)
  local o = create.options({ width = 640, height = 360, lead_in = 0.1 })
  local seg = { start = 10, ["end"] = 14 }
  local prev_final = render.display_list(scenes[1], { width = 640, height = 360, t = "end" })
  -- a caption that is on screen from 0.05 s into the scene, during the crossfade
  local cue = { start = 10.05, ["end"] = 11, text = "Hello there", lines = { "Hello there" } }
  local frames, final = create.scene_frames(scenes[2], seg, o, prev_final, { cue })

  it("blends from the previous picture during the crossfade, captions on top", function()
    assert.equals(0, frames[1].t)
    assert.equals(prev_final, frames[1].under)
    assert.equals(0, frames[1].alpha)
    local fading, after = 0, 0
    for _, f in ipairs(frames) do
      if f.t < o.crossfade then
        fading = fading + 1
        assert.equals(prev_final, f.under)
        assert.near(f.t / o.crossfade, f.alpha, 1e-9)
        if f.t >= 0.05 then
          assert.is_table(f.over, "the caption is drawn over the blend at t=" .. f.t)
          assert.equals(1, #f.over.items)
        end
      else
        after = after + 1
        assert.is_nil(f.under)
        assert.is_nil(f.over)
      end
    end
    -- a picture every fade_every frames while fading (fade_fps, 15 a second at 30)
    local every = math.max(1, math.floor(o.fps / math.min(o.fps, o.anim_fps or o.fps, o.fade_fps or o.fps) + 0.5))
    assert.is_true(fading >= math.floor(o.crossfade * o.fps / every + 0.5) - 1, "a picture every other frame while fading")
    assert.is_true(after > 0)
    assert.is_table(final.items)
  end)

  it("keeps the caption inside the picture once the crossfade is over", function()
    local function has_caption(list)
      for _, it in ipairs(list.items) do
        for _, sub in ipairs(it.items or {}) do
          if sub.id == "caption" and sub.text == "Hello there" then return true end
        end
      end
      return false
    end
    local checked = 0
    for _, f in ipairs(frames) do
      if f.t >= o.crossfade and f.t < 0.95 then
        assert.is_true(has_caption(f.list), "caption in the frame at t=" .. f.t)
        checked = checked + 1
      end
    end
    assert.is_true(checked > 0)
  end)
end)
