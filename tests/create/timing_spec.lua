-- Kept cue times and recorded narration (--keep-timing, --audio): the pure
-- functions of vg.create.timeline and vg.create.captions.
local create = require("vg.create")

local O = { fps = 30, lead_in = 0.4, tail = 0.6, min_scene = 2.0, keep_timing = true }
local function opts(extra)
  local o = {}
  for k, v in pairs(O) do o[k] = v end
  for k, v in pairs(extra or {}) do o[k] = v end
  return o
end

local function cue(s, e, text) return { start = s, ["end"] = e, text = text } end
local function talk()
  return { id = "talk", source = { file = "talk.srt" }, scenes = {
    { id = "title", scene_type = "title", visual_content = { title = "Talk" }, narration = "Welcome." },
    { id = "p1", scene_type = "list", visual_content = { header = "Part 1" }, narration = "One two. Three four.",
      source = { file = "talk.srt", line = 3, cues = { cue(2.5, 5, "One two."), cue(5.2, 8, "Three four.") } } },
    { id = "p2", scene_type = "list", visual_content = { header = "Part 2" }, narration = "Five six.",
      source = { file = "talk.srt", line = 11, cues = { cue(12.01, 15.5, "Five six.") } } },
    { id = "outro", scene_type = "outro", visual_content = { main_text = "Thanks" } },
  } }
end

describe("kept cue times", function()
  it("starts each scene at its first cue, on the frame grid and never after it", function()
    local t = create.timeline(talk(), opts())
    assert.are.equal(0, t.scenes[1].start)
    assert.are.equal(2.5, t.scenes[2].start)
    assert.is_true(t.scenes[3].start <= 12.01 and t.scenes[3].start > 12.01 - 1 / 30)
    assert.are.equal(t.scenes[2]["end"], t.scenes[3].start)        -- the gap is held
    assert.are.equal(12.01, t.scenes[3].narration_start)           -- the voice at the cue itself
    assert.is_true(t.scenes[4].start >= 15.5)                       -- the outro after the last cue
    assert.is_true(t.kept)
  end)

  it("drops a title that has no room before the first cue", function()
    local v = talk()
    v.scenes[2].source.cues[1].start = 0.3
    assert.is_true(create.keep_timing(v, opts()))
    assert.are.equal("p1", v.scenes[1].id)
    local v2 = talk()
    assert.is_true(create.keep_timing(v2, opts()))
    assert.are.equal("title", v2.scenes[1].id)
  end)

  it("refuses a video without cue times", function()
    local ok, err = create.keep_timing({ source = { file = "doc.md" }, scenes = { { narration = "x" } } }, opts())
    assert.is_nil(ok)
    assert.matches("doc.md has no cue times", err)
  end)

  it("leaves out cue times that are not times (a model is data)", function()
    local s = { source = { cues = { cue(0 / 0, 1, "nan"), cue(-1, 2, "negative"), cue("1", 2, "string"),
      cue(5, 4, "backwards"), cue(1e9, 1e9 + 1, "too late"), "not a table", cue(3, 4, "good") } } }
    local c = create.cues_of(s)
    assert.are.equal(1, #c)
    assert.are.equal("good", c[1].text)
    assert.is_nil(create.cues_of({ source = { cues = "no" } }))
  end)

  it("makes the transcript's cues the captions, at their own times", function()
    local v = talk()
    local t = create.timeline(v, opts())
    local cues = create.cues(v, t)
    local times = {}
    for _, c in ipairs(cues) do times[#times + 1] = { c.start, c["end"], c.text } end
    -- the title's welcome first (spoken by the voice), then cue by cue
    assert.are.same({ 2.5, 5, "One two." }, times[#times - 2])
    assert.are.same({ 5.2, 8, "Three four." }, times[#times - 1])
    assert.are.same({ 12.01, 15.5, "Five six." }, times[#times])
  end)
end)

describe("a recorded narration", function()
  it("on cue times: each scene said from its first cue, the captions only the cues", function()
    local v = talk()
    local o = opts()
    assert.are.equal("cues", create.recorded_narration(v, o, { duration = 40, sha256 = "x" }))
    assert.are.equal(2.5, v.scenes[2].audio.at)
    assert.are.equal(5.5, v.scenes[2].audio.duration)             -- to its last cue's end
    local t = create.timeline(v, o)
    assert.is_true(t.duration >= 40)                               -- as long as the recording
    local cues = create.cues(v, t)
    assert.are.equal(3, #cues)                                     -- no welcome: it is not in the recording
    -- words spread over the cue that says them, from the scene's narration start
    assert.are.equal("Three", v.scenes[2].audio.words[3].word)
    assert.is_true(math.abs(v.scenes[2].audio.words[3].start - 2.7) < 1e-9)
  end)

  it("for a document: scenes share it by their words, each at least min_scene, summing to it", function()
    local v = { scenes = {
      { narration = "Hi." },
      { narration = string.rep("word ", 60) },
      { narration = string.rep("word ", 30) },
      { narration = "Bye." },
    } }
    local o = opts({ keep_timing = false })
    assert.are.equal("shared", create.recorded_narration(v, o, { duration = 60, sha256 = "x" }))
    local sum, at = 0, 0
    for _, s in ipairs(v.scenes) do
      assert.are.equal(at, s.audio.at)
      assert.is_true(s.audio.duration >= 2 - 1e-9)
      sum, at = sum + s.audio.duration, at + s.audio.duration
    end
    assert.is_true(math.abs(sum - 60) < 1e-9)
    assert.is_true(math.abs(v.scenes[2].audio.duration - 2 * v.scenes[3].audio.duration) < 1e-9)
    local t = create.timeline(v, o)
    assert.is_true(t.duration >= 60)
    assert.is_true(math.abs(t.scenes[2].start - 2) < 1 / 30)
  end)

  it("a recording too short for min_scene each still covers every scene", function()
    local v = { scenes = { { narration = "a" }, { narration = "b" }, { narration = "c" } } }
    create.recorded_narration(v, opts({ keep_timing = false }), { duration = 3, sha256 = "x" })
    for _, s in ipairs(v.scenes) do assert.is_true(math.abs(s.audio.duration - 1) < 1e-9) end
  end)
end)

describe("speech longer than the time to the next cue", function()
  local function spoken(v, durs)
    for i, s in ipairs(v.scenes) do s.audio = { duration = durs[i], words = {}, voice = "male" } end
    return v
  end

  it("is said again faster so that it ends by the next cue; the slides keep the cue times", function()
    -- part 1 is given 2.5 .. 12.01 (9.5 s) and its voice takes 12 s
    local v = spoken(talk(), { 1.5, 12, 2, 1.5 })
    local asked = {}
    local n = create.fit_speech(v, opts(), function(s, factor)
      asked[#asked + 1] = { id = s.id, factor = factor }
      return { duration = s.audio.duration / factor, words = {}, voice = "male" }
    end)
    assert.are.equal(1, n)
    assert.are.equal("p1", asked[1].id)
    assert.is_true(asked[1].factor > 12 / 9.6 and asked[1].factor < 1.4, "sped up " .. asked[1].factor)
    local t = create.timeline(v, opts())
    assert.is_nil(t.scenes[2].cut)
    assert.is_true(t.scenes[2].narration_end <= t.scenes[3].start)
    assert.are.equal(2.5, t.scenes[2].start)
    assert.is_true(t.scenes[3].start <= 12.01 and t.scenes[3].start > 12.01 - 1 / 30)
  end)

  it("is cut at the cue only past the fastest pace a voice is given", function()
    local v = spoken(talk(), { 1.5, 40, 2, 1.5 })
    create.fit_speech(v, opts(), function(s, factor)
      assert.are.equal(create.MAX_SPEEDUP, factor)
      return { duration = s.audio.duration / factor, words = {}, voice = "male" }
    end)
    local t = create.timeline(v, opts())
    assert.is_true(t.scenes[2].cut ~= nil)
    assert.are.equal(t.scenes[3].start, t.scenes[2].narration_end)
  end)

  it("is never said again under a recording (--audio keeps every word as it was said)", function()
    local v = spoken(talk(), { 1.5, 12, 2, 1.5 })
    v.recording = { duration = 20 }
    assert.are.equal(0, create.fit_speech(v, opts(), function() error("said again") end))
  end)
end)

describe("a scene of several cues, said by speech synthesis", function()
  -- a voice that takes `per` seconds a word, words timed one after the other
  local function voice(per)
    local said = {}
    return said, function(s, factor, text)
      local words, t = {}, 0
      for w in text:gmatch("%S+") do
        words[#words + 1] = { word = w, start = t, ["end"] = t + per / factor }
        t = t + per / factor
      end
      said[#said + 1] = { id = s.id, text = text, factor = factor }
      return { path = "/tmp/" .. s.id .. "-" .. #said .. ".wav", duration = t + 0.1, words = words,
        sentences = { { text = text, start = 0, ["end"] = t } }, voice = "male" }
    end
  end
  local function spoken(v)
    for _, s in ipairs(v.scenes) do s.audio = { duration = 1, words = {}, voice = "male", path = "/tmp/x.wav" } end
    return v
  end

  it("says each cue at its own time, as the talk did", function()
    local v = spoken(talk())
    local said, say = voice(0.3)
    assert.are.equal(1, create.place_cues(v, opts(), say))   -- p2 has one cue: said as it is
    assert.are.same({ "One two.", "Three four." }, { said[1].text, said[2].text })
    local au = v.scenes[2].audio
    assert.are.equal(2, #au.parts)
    assert.are.equal(0, au.parts[1].at)
    assert.is_true(math.abs(au.parts[2].at - 2.7) < 1e-9, "the second cue 2.7 s after the first")
    assert.are.equal("Three", au.words[3].word)
    assert.is_true(math.abs(au.words[3].start - 2.7) < 1e-9)
    assert.is_nil(au.path)
    -- on the video's timeline the second cue is said at 5.2 s, where the captions show it
    local t = create.timeline(v, opts())
    assert.is_true(math.abs(t.scenes[2].narration_start + au.parts[2].at - 5.2) < 1e-9)
  end)

  it("a cue still being said pushes the next one back; then it is said faster to end by the next scene", function()
    local v = spoken(talk())
    v.scenes[2].narration = "One two three four five six seven eight nine ten. Eleven."
    v.scenes[2].source.cues = { cue(2.5, 3, "One two three four five six seven eight nine ten."), cue(3, 8, "Eleven.") }
    local _, say = voice(1.0)     -- ten words take 10 s: the second cue waits for them
    create.place_cues(v, opts(), say)
    local au = v.scenes[2].audio
    assert.is_true(au.parts[2].at >= 10, "after the first cue's speech: " .. au.parts[2].at)
    -- 2.5 + 11.15 runs past the next scene (12.01): both parts said faster
    local n = create.fit_speech(v, opts(), say)
    assert.are.equal(1, n)
    local t = create.timeline(v, opts())
    assert.is_nil(t.scenes[2].cut)
    assert.is_true(v.scenes[2].audio.factor > 1)
  end)

  it("cuts a narration that is not the cues' text in proportion to their words", function()
    local parts = create.cue_parts("a b c d e f", { cue(0, 1, "x y"), cue(1, 2, "z w v u q r") })
    assert.are.same({ "a b", "c d e f" }, parts)
    assert.are.same({ "a b c", "d e f" }, create.cue_parts("a b c d e f", { cue(0, 1, "x"), cue(1, 2, "y") }))
    assert.is_nil(create.cue_parts("a b", { cue(0, 1, "x") }))
  end)

  it("is left as one clip under a recording or SSML", function()
    local v = spoken(talk())
    v.recording = { duration = 20 }
    assert.are.equal(0, create.place_cues(v, opts(), function() error("said") end))
    assert.are.equal(0, create.place_cues(spoken(talk()), opts({ ssml = true }), function() error("said") end))
  end)
end)
