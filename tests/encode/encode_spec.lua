-- vg.encode_core: the Lua binding of stages/encode (segments, audio, join).
-- Output is checked with ffprobe when it is installed.
local enc = require("vg.encode_core")

local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir))

local function have_ffprobe()
  return os.execute("command -v ffprobe >/dev/null 2>&1") == true
end

local function ffprobe(path, entries)
  local p = io.popen(("ffprobe -v error -show_entries %s -of default=nw=1 '%s'"):format(entries, path))
  local out = p:read("a")
  p:close()
  return out
end

local function exists(p)
  local f = io.open(p, "rb")
  if f then f:close() return true end
  return false
end

local function errmsg(fn, ...)
  local ok, err = pcall(fn, ...)
  assert.is_false(ok)
  return tostring(err)
end

-- a fresh key, so the first run really encodes
local function fresh(s) return ("%s-%d-%d"):format(s, os.time(), math.random(1, 1e9)) end

local W, H = 160, 120

-- raw RGBA pixels of one colour
local function solid(r, g, b)
  return string.rep(string.char(r, g, b, 255), W * H)
end

-- s16le mono sine
local function tone(rate, secs)
  local t = {}
  for i = 0, math.floor(rate * secs) - 1 do
    local v = math.floor(8000 * math.sin(2 * math.pi * 440 * i / rate))
    t[#t + 1] = string.pack("<i2", v)
  end
  return table.concat(t)
end

describe("vg.encode_core", function()
  it("encodes segments, audio, and joins them with chapters", function()
    local key = fresh("spec")
    local segs = assert(enc.segments({
      { width = W, height = H, fps = 30, start = 0, ["end"] = 1.5, key = key .. "a",
        frames = { { t = 0, color = 0xff0000 }, { t = 0.5, rgba = solid(0, 0, 255) } } },
      { width = W, height = H, fps = 30, start = 1.5, ["end"] = 3, key = key .. "b",
        frames = { { t = 0, color = "#00ff00" } } },
    }, { jobs = 2 }))
    assert.equals(2, #segs)
    assert.is_false(segs[1].cached)
    assert.equals(45, segs[1].frames)
    assert.is_true(segs[1].encoded < 45)
    assert.equals(64, #segs[1].key)
    local audio = assert(enc.audio({ duration = 3, clips = { { pcm = tone(22050, 1), rate = 22050, at = 0.2 } } }))
    assert.is_true(math.abs(audio.duration - 3) < 1e-6)
    local out = dir .. "/spec.mp4"
    local r = assert(enc.join({
      segments = { segs[1].path, segs[2] },
      audio = audio.path,
      chapters = { { title = "One", start = 0, ["end"] = 1.5 }, { title = "Two", start = 1.5, ["end"] = 3 } },
      title = "Spec video",
      out = out,
    }))
    assert.equals(out, r.path)
    assert.is_true(math.abs(r.duration - 3) < 1e-6)
    if have_ffprobe() then
      local info = ffprobe(out, "stream=codec_name,pix_fmt,sample_rate:format_tags=title")
      assert.truthy(info:find("codec_name=h264", 1, true))
      assert.truthy(info:find("pix_fmt=yuv420p", 1, true))
      assert.truthy(info:find("codec_name=aac", 1, true))
      assert.truthy(info:find("sample_rate=24000", 1, true))   -- a 22.05 kHz clip: a 24 kHz track
      assert.truthy(info:find("Spec video", 1, true))
      local ch = ffprobe(out, "chapter=start_time:chapter_tags=title")
      assert.truthy(ch:find("One", 1, true))
      assert.truthy(ch:find("start_time=1.500000", 1, true))
    end
    -- the same again comes from the cache
    local again = assert(enc.segment({ width = W, height = H, fps = 30, start = 1.5, ["end"] = 3,
      key = key .. "b", frames = { { t = 0, color = "#00ff00" } } }))
    assert.is_true(again.cached)
    assert.equals(segs[2].path, again.path)
  end)

  it("encodes the audio beside the segments", function()
    local key = fresh("beside")
    local res = assert(enc.segments({
      { width = W, height = H, start = 0, ["end"] = 1, key = key, frames = { { t = 0, color = 0x808080 } } },
    }, { audio = { duration = 1, clips = { { pcm = tone(16000, 0.5), rate = 16000, at = 0.25 } } } }))
    assert.equals(1, #res)
    assert.is_string(res.audio.path)
    assert.is_true(math.abs(res.audio.duration - 1) < 1e-6)
    local _, err = enc.segments({
      { width = W, height = H, start = 0, ["end"] = 1, key = key, frames = { { t = 0, color = 0x808080 } } },
    }, { audio = { duration = 1, clips = { { wav = dir .. "/none.wav" } } } })
    assert.truthy(err:find("none.wav", 1, true))
  end)

  it("keys segments by their frames when no key is given", function()
    local seg = { width = W, height = H, duration = 0.5, frames = { { t = 0, rgba = solid(1, 2, 3) } } }
    local a = assert(enc.segment(seg))
    local b = assert(enc.segment(seg))
    assert.is_true(b.cached)
    assert.equals(a.path, b.path)
    seg.frames[1].rgba = solid(3, 2, 1)
    local c = assert(enc.segment(seg))
    assert.are_not.equal(a.path, c.path)
  end)

  it("writes a segment to an explicit path, in cfr", function()
    local out = dir .. "/cfr.mp4"
    local r = assert(enc.segment({ width = W, height = H, fps = { 30, 1 }, duration = 1, cfr = true,
      out = out, frames = { { t = 0, color = 0x123456 } } }))
    assert.equals(out, r.path)
    assert.equals(30, r.encoded)
  end)

  it("returns nil, message on failures and leaves no file", function()
    local out = dir .. "/missing.mp4"
    local r, err = enc.join({ segments = { dir .. "/nope.mp4" }, out = out })
    assert.is_nil(r)
    assert.truthy(err:find("nope.mp4", 1, true))
    assert.is_false(exists(out))
    local r2, err2 = enc.segment({ width = W, height = H, duration = 1, out = dir .. "/x.mp4",
      frames = { { t = 0, file = dir .. "/no-such.png" } } })
    assert.is_nil(r2)
    assert.truthy(err2:find("no-such.png", 1, true))
    assert.is_false(exists(dir .. "/x.mp4"))
  end)

  it("stops a running encode when its fiber is cancelled", function()
    local vg = require("vg")
    local out = dir .. "/cancelled.mp4"
    local outcome
    -- (a picture that changes every frame: a repeated one is written
    -- without x264 and 600 s of it would be done before the cancel)
    local frames = {}
    for i = 0, 600 * 30 - 1 do frames[#frames + 1] = { t = i / 30, color = i % 2 == 0 and 0x336699 or 0x996633 } end
    local co = vg.go(function()
      outcome = { pcall(enc.segment, { width = 640, height = 360, duration = 600, cfr = true,
        out = out, frames = frames }) }
    end)
    local t0 = os.time()
    vg.sleep(0.2)
    vg.core.cancel_fiber(co)
    while not outcome and os.time() - t0 < 20 do vg.sleep(0.02) end
    assert.is_table(outcome)
    assert.is_false(outcome[1])
    assert.truthy(tostring(outcome[2]):find("cancel"))
    assert.is_true(os.time() - t0 < 10)  -- 18,000 frames would take far longer
    vg.sleep(0.3)                         -- the worker notices between frames
    assert.is_false(exists(out))
  end)

  it("raises on misuse", function()
    assert.truthy(errmsg(enc.segment, { height = H, frames = {} }):find("width"))
    assert.truthy(errmsg(enc.segment, { width = W, height = H, duration = 1, frames = {} }):find("empty"))
    assert.truthy(errmsg(enc.segment, { width = W, height = H, duration = 1,
      frames = { { t = 0, rgba = "short" } } }):find("bytes"))
    assert.truthy(errmsg(enc.segment, { width = W, height = H, duration = 1,
      frames = { { t = 0, color = "#zz" } } }):find("color"))
    assert.truthy(errmsg(enc.join, { segments = {} }):find("out"))
    assert.truthy(errmsg(enc.audio, {}):find("duration"))
  end)
end)
