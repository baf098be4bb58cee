-- vg.tts and the tts.synth stage: timings, voices, the cache, errors.
local vg = require("vg")
local tts = require("vg.tts")

-- 150 words of narration (the same paragraph as tests/tts/test_tts.c)
local PARAGRAPH = table.concat({
  "Every good explainer video begins with a question that the audience already cares about.",
  "Instead of opening with definitions, we show a small puzzle and let the viewer wonder how",
  "it could possibly work. Then the narration walks through the idea one step at a time,",
  "while the pictures on the screen change exactly when the voice mentions them. This",
  "careful timing matters, because the eye and the ear compete for attention. When a",
  "diagram appears too early, viewers read ahead and stop listening.",
  "When it appears too late, they feel lost and the explanation loses its momentum. A",
  "narrator that knows the precise moment of every word lets the editor place each caption,",
  "highlight and animation where it belongs. The result feels calm and deliberate,",
  "not rushed. Short sentences help as well, since they give natural pauses where a new",
  "scene can start without cutting a thought in half.",
}, " ")

-- text nobody synthesized before, so the first call really synthesizes
local function fresh(s) return string.format("%s Take %d.", s, math.random(1, 1e9)) end

local function errmsg(fn)
  local ok, err = pcall(fn)
  assert.is_false(ok)
  return tostring(err)
end

describe("vg.tts.synth", function()
  it("is ready after warm(), which never waits and refuses nothing", function()
    local core = require("vg.tts_core")
    -- first thing, before anything else spoke: the worker starts here
    assert.is_nil(core.warm("female"))
    assert.is_nil(core.warm("no-such-voice"))   -- a later call changes nothing
    assert.is_nil(core.warm())
    local r = assert(tts.synth("Warm and ready " .. os.time() .. ".", { voice = "female" }))
    assert.is_true(r.duration > 0.5)
    assert.is_false(r.cached)
  end)

  it("times every word of a 150-word paragraph", function()
    local _, n = PARAGRAPH:gsub("%S+", "")
    assert.equals(150, n)
    local r = assert(tts.synth(PARAGRAPH, { voice = "male" }))
    assert.equals(22050, r.sample_rate)
    assert.is_true(#r.words >= 140 and #r.words <= 160)
    assert.is_true(r.duration > 35 and r.duration < 75)
    local prev = -1
    for _, w in ipairs(r.words) do
      assert.is_string(w.word)
      assert.is_true(w.start >= prev)
      assert.is_true(w["end"] >= w.start)
      prev = w.start
    end
    assert.equals("Every", r.words[1].word)
    assert.is_true(math.abs(r.words[#r.words]["end"] - r.duration) < 0.05)
    assert.equals(9, #r.sentences)
    -- the WAV in the cache says the same
    local info = assert(tts.wav_info(r.path))
    assert.equals(r.samples, info.frames)
    assert.equals(1, info.channels)
    assert.is_true(math.abs(info.duration - r.duration) < 0.05)
  end)

  it("does not synthesize the same narration twice", function()
    local text = fresh("The cache keeps this sentence.")
    local before = tts.info().syntheses
    local a = assert(tts.synth(text, { voice = "female", rate = 180 }))
    assert.is_false(a.cached)
    assert.equals(before + 1, tts.info().syntheses)
    local b = assert(tts.synth(text, { voice = "female", rate = 180 }))
    assert.is_true(b.cached)
    assert.equals(before + 1, tts.info().syntheses)
    assert.equals(a.path, b.path)
    assert.equals(a.duration, b.duration)
    assert.same(a.words, b.words)
    -- another pitch is another clip
    local c = assert(tts.synth(text, { voice = "female", rate = 180, pitch = 70 }))
    assert.is_false(c.cached)
    assert.equals(before + 2, tts.info().syntheses)
  end)

  it("gives a silent clip of zero length for empty text", function()
    local before = tts.info().syntheses
    local r = assert(tts.synth(""))
    assert.equals(0, r.duration)
    assert.equals(0, r.samples)
    assert.same({}, r.words)
    assert.equals(0, assert(tts.wav_info(r.path)).frames)
    assert.equals(before, tts.info().syntheses)
    assert.equals("[]", vg.json.encode(tts.timings(r).words))
  end)

  it("names the byte offset of invalid UTF-8", function()
    local before = tts.info().syntheses
    assert.matches("byte offset 5", errmsg(function() tts.synth("hello\255world") end), 1, true)
    assert.matches("byte offset 3", errmsg(function() tts.synth("caf\195") end), 1, true)
    assert.equals(before, tts.info().syntheses)
  end)

  it("refuses unknown voices, listing the available ones, before any work", function()
    local before = tts.info().syntheses
    local msg = errmsg(function() tts.synth("Hello.", { voice = "klingon" }) end)
    assert.matches("unknown voice 'klingon'", msg, 1, true)
    assert.matches("male, male_warm, female, female_friendly", msg, 1, true)
    assert.matches("en-us", msg, 1, true)
    assert.matches("rate", errmsg(function() tts.synth("Hello.", { rate = 5 }) end), 1, true)
    assert.matches("pitch", errmsg(function() tts.synth("Hello.", { pitch = 500 }) end), 1, true)
    assert.has_error(function() tts.synth(42) end)
    assert.has_error(function() tts.synth("x", "male") end)
    assert.equals(before, tts.info().syntheses)
  end)

  it("speaks the four named voices differently, and Spanish", function()
    local text = fresh("The quick brown fox jumps over the lazy dog.")
    local seen = {}
    for _, name in ipairs(tts.NAMED) do
      local r = assert(tts.synth(text, { voice = name }))
      local f = assert(io.open(r.path, "rb"))
      local data = f:read("a")
      f:close()
      assert.is_nil(seen[data], name .. " sounds like " .. tostring(seen[data]))
      seen[data] = name
    end
    local es = assert(tts.synth("Hola, ¿cómo estás? Muy bien.", { voice = "es" }))
    assert.equals("estás", es.words[3].word)
    assert.equals("es", tts.resolve("es").language)
  end)

  it("reads text as plain text unless ssml = true", function()
    local r = assert(tts.synth('<speak>One <mark name="a"/>two.</speak>'))
    assert.equals(0, #r.marks)
    local e = errmsg(function() tts.synth("<speak>x</speak>", { ssml = "yes" }) end)
    assert.matches("option 'ssml': expected a boolean", e, 1, true)
  end)

  it("refuses SSML outside the safe subset, with its place", function()
    local e = errmsg(function()
      tts.synth('<speak>\n<audio src="/etc/passwd"/>hi</speak>', { ssml = true })
    end)
    assert.matches("SSML line 2, column 1: <audio> is not allowed", e, 1, true)
    local out, err = tts.ssml_filter('<speak><p>Hi &amp; <break time="2s"/>bye</p></speak>')
    assert.equals('<speak><p>Hi &amp; <break time="2000ms"/>bye</p></speak>', out)
    assert.is_nil(err)
    out, err = tts.ssml_filter('<speak><voice name="x">x</voice></speak>')
    assert.is_nil(out)
    assert.matches("attribute name is not allowed", err, 1, true)
  end)

  it("reports SSML marks", function()
    local r = assert(tts.synth('<speak>One <mark name="a"/>two <mark name="b"/>three.</speak>', { ssml = true }))
    assert.equals(2, #r.marks)
    assert.equals("a", r.marks[1].name)
    assert.is_true(r.marks[2].time > r.marks[1].time)
    assert.same({ "One", "two", "three" }, { r.words[1].word, r.words[2].word, r.words[3].word })
  end)

  it("saves the WAV and its timings", function()
    local r = assert(tts.synth("Saving is easy."))
    local path = os.tmpname()
    assert.is_true(tts.save(r, path))
    assert.equals(r.samples, assert(tts.wav_info(path)).frames)
    os.remove(path)
    local t = vg.json.decode(vg.json.encode(tts.timings(r)))
    assert.equals(r.duration, t.duration)
    assert.equals(3, #t.words)
    assert.equals("easy", t.words[3].word)
    assert.is_number(t.words[3]["end"])
    local ok, err = tts.save(r, "/nonexistent-dir/\0/x.wav")
    assert.is_nil(ok)
    assert.is_string(err)
  end)

  it("waits inside tasks without blocking other tasks", function()
    local order = {}
    local p = vg.pipeline{ name = "tts-concurrent", stages = {
      function(ctx)
        local r = assert(tts.synth(fresh("A task that speaks.")))
        ctx.duration = r.duration
        order[#order + 1] = "speak"
      end,
    }}
    local q = vg.pipeline{ name = "tts-other", stages = {
      function() order[#order + 1] = "other" end,
    }}
    local a = p:start({}, { save_state = false })
    local b = q:start({}, { save_state = false })
    local ra, rb = vg.wait(a, b)
    assert.is_true(ra.success and rb.success)
    assert.is_true(ra.context.duration > 0.5)
    assert.equals("other", order[1])
  end)
end)

describe("vg.tts.voices", function()
  it("lists the named voices first, then espeak-ng's", function()
    local v = tts.voices()
    assert.same(tts.NAMED, { v[1].name, v[2].name, v[3].name, v[4].name })
    assert.is_true(v[1].named)
    assert.is_true(#v > 50)
    local codes = {}
    for _, x in ipairs(v) do codes[x.name] = true end
    for _, c in ipairs({ "en-gb", "en-us", "es", "fr-fr", "de", "cmn" }) do
      assert.is_true(codes[c], c)
    end
    assert.is_true(#tts.variants() > 10)
  end)
end)

describe("tts.synth stage", function()
  local function run(videos, options)
    local p = vg.pipeline{ name = "tts-stage", stages = {
      function(ctx) ctx.videos = videos end,
      vg.native("tts.synth", { options = options }),
    }}
    return p:run({}, { save_state = false })
  end

  it("writes scene.audio with timings and emits audio events", function()
    local got = {}
    local id = vg.on("*", function(ev)
      if ev.type:match("^audio%.") then got[#got + 1] = ev end
    end)
    local r = run({ {
      voice = "female",
      scenes = {
        { narration = fresh("The first scene.") },
        { narration = "The second scene.", voice = "male_warm" },
        { title = "no narration" },
      },
    } })
    vg.off(id)
    assert.is_true(r.success, r.errors and r.errors[1] and r.errors[1].message)
    local scenes = r.context.videos[1].scenes
    for i = 1, 3 do
      local a = scenes[i].audio
      assert.is_table(a)
      assert.equals(22050, a.sample_rate)
      assert.is_string(a.path)
      assert.is_table(a.words)
      assert.is_table(a.sentences)
    end
    assert.equals("female", scenes[1].audio.voice)
    assert.equals("male_warm", scenes[2].audio.voice)
    assert.equals(5, #scenes[1].audio.words)  -- "The first scene. Take N."
    assert.equals(0, scenes[3].audio.duration)
    assert.equals("no narration", scenes[3].title)  -- the rest of the scene stays
    local generating, generated = 0, 0
    for _, ev in ipairs(got) do
      if ev.type == "audio.generating" then generating = generating + 1 end
      if ev.type == "audio.generated" then generated = generated + 1 end
    end
    assert.equals(3, generating)
    assert.equals(3, generated)
  end)

  it("fails before any work on an unknown voice, naming the scene", function()
    local before = tts.info().syntheses
    local r = run({ { scenes = { { narration = "Fine." }, { narration = "Bad.", voice = "klingon" } } } })
    assert.is_false(r.success)
    local msg = r.errors[1].message or r.errors[1]
    -- (named by the check of the model the stage before left, or by tts.synth)
    assert.matches("videos%[0%]%.scenes%[1%][%.%w]*: unknown voice 'klingon'", tostring(msg))
    assert.equals(before, tts.info().syntheses)
  end)

  it("lets the voice option override every scene", function()
    local r = run({ { voice = "male", scenes = { { narration = "One.", voice = "female" } } } },
      { voice = "female_friendly" })
    assert.is_true(r.success)
    assert.equals("female_friendly", r.context.videos[1].scenes[1].audio.voice)
  end)

  it("speaks narration as plain text, and SSML only with the ssml option", function()
    local warned = {}
    local id = vg.on("validation.warning", function(ev) warned[#warned + 1] = ev.message end)
    local text = '<speak>One <mark name="m"/>two.</speak>'
    local plain = run({ { scenes = { { narration = text } } } })
    vg.off(id)
    assert.is_true(plain.success)
    assert.equals(0, #plain.context.videos[1].scenes[1].audio.marks)
    assert.matches("videos[0].scenes[0].narration looks like SSML", tostring(warned[1]), 1, true)
    local ssml = run({ { scenes = { { narration = text } } } }, { ssml = true })
    assert.is_true(ssml.success)
    assert.equals("m", ssml.context.videos[1].scenes[1].audio.marks[1].name)
    local before = tts.info().syntheses
    local bad = run({ { scenes = { { narration = "Fine." },
      { narration = '<speak><audio src="/etc/passwd"/>x</speak>' } } } }, { ssml = true })
    assert.is_false(bad.success)
    assert.matches("videos[0].scenes[1]: SSML line 1, column 8: <audio> is not allowed",
      tostring(bad.errors[1].message or bad.errors[1]), 1, true)
    assert.equals(before, tts.info().syntheses)
  end)

  it("takes rate and pitch options", function()
    local text = fresh("Options change the clip.")
    local slow = run({ { scenes = { { narration = text } } } }, { rate = 120 })
    local fast = run({ { scenes = { { narration = text } } } }, { rate = 300 })
    assert.is_true(slow.success and fast.success)
    assert.is_true(fast.context.videos[1].scenes[1].audio.duration <
      slow.context.videos[1].scenes[1].audio.duration)
  end)
end)
