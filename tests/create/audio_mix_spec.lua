-- The narration track is mixed a window at a time (stages/encode/audio.c):
-- clips land where they are placed, sum where they overlap, and a clip or a
-- recording that spans many windows comes out whole, with no sample lost or
-- repeated at a window's edge. Checked on the decoded track (ffmpeg).
local enc = require("vg.encode_core")

local RATE = 48000
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir))

local function have_ffmpeg() return os.execute("command -v ffmpeg >/dev/null 2>&1") == true end

local function sine(rate, secs, f, amp)
  local t = {}
  for i = 0, math.floor(rate * secs) - 1 do
    t[#t + 1] = string.pack("<i2", math.floor(amp * 32767 * math.sin(2 * math.pi * f * i / rate) + 0.5))
  end
  return table.concat(t)
end

-- a PCM WAV (mono or with the same samples in every channel)
local function wav(path, pcm, rate, channels)
  channels = channels or 1
  if channels > 1 then
    local t = {}
    for i = 1, #pcm, 2 do t[#t + 1] = string.rep(pcm:sub(i, i + 1), channels) end
    pcm = table.concat(t)
  end
  local f = assert(io.open(path, "wb"))
  f:write("RIFF", string.pack("<I4", 36 + #pcm), "WAVEfmt ",
    string.pack("<I4I2I2I4I4I2I2", 16, 1, channels, rate, rate * 2 * channels, 2 * channels, 16),
    "data", string.pack("<I4", #pcm), pcm)
  f:close()
end

-- the decoded track as 48 kHz mono floats (1-based)
local function decode(path)
  local p = assert(io.popen(("ffmpeg -v error -i '%s' -f f32le -ac 1 -ar 48000 -"):format(path)))
  local raw = p:read("a")
  p:close()
  local s, n = {}, #raw // 4
  for i = 1, n do s[i] = string.unpack("<f", raw, (i - 1) * 4 + 1) end
  return s
end

local function rms(s, t0, t1)
  local a, b, sum = math.floor(t0 * RATE) + 1, math.floor(t1 * RATE), 0
  for i = a, b do sum = sum + s[i] * s[i] end
  return math.sqrt(sum / (b - a + 1))
end

-- a tone of period P samples is periodic: the largest |s[i] - s[i + P]|
-- between t0 and t1 (a sample lost or repeated at a window's edge breaks it)
local function aperiodic(s, P, t0, t1)
  local worst = 0
  for i = math.floor(t0 * RATE) + 1, math.floor(t1 * RATE) - P do
    local d = math.abs(s[i] - s[i + P])
    if d > worst then worst = d end
  end
  return worst
end

local function encode(a, name)
  a.out = dir .. "/" .. name .. ".m4a"
  local r = assert(enc.audio(a))
  assert.is_true(math.abs(r.duration - a.duration) < 1e-6)
  local s = decode(a.out)
  -- the whole timeline (the decoder may add the last AAC frame's padding)
  assert.is_true(#s >= a.duration * RATE and #s < a.duration * RATE + 2048, "decoded " .. #s)
  return s
end

describe("the narration mixer", function()
  teardown(function() os.execute("rm -rf '" .. dir .. "'") end)

  it("places each clip at its time, sums overlaps, and keeps a long clip whole across windows", function()
    if not have_ffmpeg() then pending("ffmpeg is not installed") return end
    -- 60 s: 1 s tones every 3.7 s at four rates (window edges, 1.37 s apart,
    -- fall inside some of them), a 20 s 3 kHz tone under some, a cut one
    local clips, rates = {}, { 16000, 22050, 24000, 44100 }
    for i = 0, 12 do
      local rate = rates[i % 4 + 1]
      clips[#clips + 1] = { pcm = sine(rate, 1.0, 440, 0.2), rate = rate, at = 2 + i * 3.7 }
    end
    clips[#clips + 1] = { pcm = sine(22050, 20, 3000, 0.25), rate = 22050, at = 10.3 }
    clips[#clips + 1] = { pcm = sine(16000, 4, 500, 0.2), rate = 16000, at = 52, len = 1.5 }
    local s = encode({ duration = 60, clips = clips }, "placed")
    -- silence before the first clip, sound inside each, silence between
    assert.is_true(rms(s, 0.1, 1.95) < 1e-3)
    for i = 0, 12 do
      local at = 2 + i * 3.7
      if at + 1 <= 10.3 or at >= 30.3 then
        assert.is_true(math.abs(rms(s, at + 0.05, at + 0.95) - 0.2 / math.sqrt(2)) < 0.01, "clip at " .. at)
        if at + 3.7 < 10.3 or at >= 30.3 and at + 3.7 < 52 then
          assert.is_true(rms(s, at + 1.05, at + 3.65) < 1e-3, "silence after " .. at)
        end
      elseif at >= 10.3 and at + 1 <= 30.3 then
        -- over the long tone: the two add (uncorrelated sines: powers add)
        local want = math.sqrt(0.2 ^ 2 / 2 + 0.25 ^ 2 / 2)
        assert.is_true(math.abs(rms(s, at + 0.05, at + 0.95) - want) < 0.01, "overlap at " .. at)
      end
    end
    -- the long tone alone, across window edges: every 16 samples the same
    for _, w in ipairs({ { 10.45, 13.0 }, { 14.2, 16.7 }, { 17.9, 20.4 }, { 25.3, 27.8 }, { 29.0, 30.2 } }) do
      local d = aperiodic(s, 16, w[1], w[2])
      assert.is_true(d < 0.05, ("long tone %.1f-%.1f s: off by %.4f"):format(w[1], w[2], d))
    end
    -- the cut clip: sound until at + len, silence after
    assert.is_true(rms(s, 52.1, 53.4) > 0.1)
    assert.is_true(rms(s, 53.6, 59.9) < 1e-3)
  end)

  it("reads a recording as a stream, in step with clips and past the window edges", function()
    if not have_ffmpeg() then pending("ffmpeg is not installed") return end
    -- a 20 s stereo 44.1 kHz recording of a 3 kHz tone, from 2.5 s
    wav(dir .. "/rec.wav", sine(44100, 20, 3000, 0.3), 44100, 2)
    wav(dir .. "/clip.wav", sine(22050, 2, 700, 0.2), 22050)
    local s = encode({ duration = 30, clips = { { file = dir .. "/rec.wav", at = 2.5 },
      { wav = dir .. "/clip.wav", at = 25 } } }, "rec")
    assert.is_true(rms(s, 0.1, 2.4) < 1e-3)
    -- (the stereo file is mixed down to mono by libswresample: louder)
    assert.is_true(rms(s, 2.6, 22.4) > 0.15)
    local d = aperiodic(s, 16, 2.6, 22.4)
    assert.is_true(d < 0.05, ("the recording: off by %.4f"):format(d))
    assert.is_true(rms(s, 22.7, 24.9) < 1e-3)
    assert.is_true(math.abs(rms(s, 25.1, 26.9) - 0.2 / math.sqrt(2)) < 0.01)
    -- a recording longer than the track is cut at its end, not refused
    local short = encode({ duration = 6, clips = { { file = dir .. "/rec.wav", at = 0 } } }, "rec_cut")
    assert.is_true(aperiodic(short, 16, 0.1, 5.9) < 0.05)
    assert.is_true(rms(short, 0.1, 5.9) > 0.15)
  end)

  it("reports a missing clip or a bad recording as before", function()
    local ok, err = enc.audio({ duration = 5, out = dir .. "/x.m4a", clips = { { wav = dir .. "/none.wav", at = 1 } } })
    assert.is_nil(ok)
    assert.truthy(tostring(err):find("none.wav", 1, true))
    local f = assert(io.open(dir .. "/junk.flac", "wb"))
    f:write(string.rep("not audio ", 100))
    f:close()
    ok, err = enc.audio({ duration = 5, out = dir .. "/y.m4a", clips = { { file = dir .. "/junk.flac", at = 1 } } })
    assert.is_nil(ok)
    assert.truthy(tostring(err):find("junk.flac", 1, true))
    assert.is_nil(io.open(dir .. "/y.m4a", "rb"))
  end)
end)
