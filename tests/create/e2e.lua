-- vgrun create end to end (run by e2e.sh with a scratch directory): makes a
-- video of every scene type and checks what a viewer would get, by decoding
-- the file: streams, chapters, durations, A/V sync against the timing report,
-- silence at scene boundaries, the title on screen, captions, determinism,
-- the cache, and a one-scene edit that re-makes that scene only.
local vg = require("vg")
local T = assert(arg[1], "usage: e2e.lua SCRATCH_DIR")
local VGRUN = os.getenv("VGRUN") or "build/vgrun"
local FIXTURE = "tests/create/all_types.yaml"

local pass, fail = 0, 0
local function check(cond, what)
  if cond then pass = pass + 1 else fail = fail + 1; io.stderr:write("FAIL: ", what, "\n") end
  return cond
end

local function run(cmd, args, opts)
  local r = assert(vg.spawn(cmd, args, opts))
  return r
end

local function create(input, out, cache, extra)
  local args = { "create", "--from", input, "-o", out, "--captions", "srt,vtt", "--resolution", "1280x720" }
  for _, a in ipairs(extra or {}) do args[#args + 1] = a end
  local env_cmd = { "env", "VGRUN_CACHE_DIR=" .. cache, VGRUN }
  for _, a in ipairs(args) do env_cmd[#env_cmd + 1] = a end
  local t0 = vg.core.hrtime()
  local r = run("/usr/bin/env", { table.unpack(env_cmd, 2) }, {})
  r.seconds = vg.core.hrtime() - t0
  return r
end

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function probe(path)
  local r = run("ffprobe", { "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
    "-show_chapters", path })
  return assert(vg.json.decode(r.stdout))
end

-- 1. make the video -----------------------------------------------------------
local out = T .. "/all.mp4"
local cache = T .. "/cache"
local r = create(FIXTURE, out, cache)
check(r.code == 0, "create exits 0: " .. r.stderr)
if r.code ~= 0 then print(pass .. " passed, " .. fail .. " failed"); os.exit(1) end
print(string.format("cold run: %.2f s", r.seconds))
for _, ext in ipairs({ ".mp4", ".timing.json", ".png", ".srt", ".vtt" }) do
  check(read(T .. "/all" .. ext) ~= nil, "wrote all" .. ext)
end

-- 2. streams, chapters, durations ---------------------------------------------
local info = probe(out)
local timing = assert(vg.json.decode(read(T .. "/all.timing.json")))
local video, audio
for _, s in ipairs(info.streams) do
  if s.codec_type == "video" then video = s elseif s.codec_type == "audio" then audio = s end
end
check(video and video.codec_name == "h264" and video.pix_fmt == "yuv420p", "H.264 yuv420p video")
check(video and video.width == 1280 and video.height == 720, "1280x720")
check(audio and audio.codec_name == "aac" and tonumber(audio.sample_rate) == 24000, "AAC 24 kHz audio (espeak-ng speaks at 22.05)")
local vdur, adur = tonumber(video.duration), tonumber(audio.duration)
check(math.abs(vdur - adur) <= 1 / 30 + 1e-3, string.format("video %.3f and audio %.3f agree within a frame", vdur, adur))
check(math.abs(vdur - timing.duration) <= 1 / 30 + 1e-3, "video length matches the timing report")
check(#info.chapters == 12, "12 chapters, got " .. #info.chapters)
check(#timing.scenes == 12, "12 scenes in the timing report")
check(info.format.tags and info.format.tags.title == "Every Scene Type", "title in the metadata")
local prev_end = 0
for i, sc in ipairs(timing.scenes) do
  local ch = info.chapters[i] or {}
  check(math.abs(tonumber(ch.start_time or -1) - sc.start) < 0.002, "chapter " .. i .. " starts with its scene")
  check(ch.tags and ch.tags.title == sc.title, "chapter " .. i .. " is titled after its scene")
  check(math.abs(sc.start - prev_end) < 1e-6, "scenes tile the timeline (" .. i .. ")")
  check(sc.narration_start >= sc.start and sc.narration_end <= sc["end"] + 1e-6,
    "narration of scene " .. i .. " lies inside it")
  prev_end = sc["end"]
end

-- 3. audio: silence at every boundary, speech where the report says ---------
local pcm = run("ffmpeg", { "-v", "error", "-i", out, "-map", "0:a", "-f", "s16le", "-ac", "1", "-ar", "48000", "-" }).stdout
local function rms(t0, t1)
  local a, b = math.max(0, math.floor(t0 * 48000)), math.min(#pcm // 2 - 1, math.floor(t1 * 48000))
  local sum, n = 0, 0
  for k = a, b do
    local v = string.unpack("<i2", pcm, 2 * k + 1)
    sum, n = sum + v * v, n + 1
  end
  return n > 0 and math.sqrt(sum / n) or 0
end
for i, sc in ipairs(timing.scenes) do
  if i > 1 then
    check(rms(sc.start - 0.05, sc.start + 0.05) < 30, "silence at the start of scene " .. i)
  end
  check(rms(sc.narration_start + 0.1, math.min(sc.narration_end, sc.narration_start + 0.6)) > 300,
    "speech right after narration_start of scene " .. i)
  check(rms(sc.start + 0.02, sc.narration_start - 0.08) < 30, "silence before narration_start of scene " .. i)
end

-- 4. the picture: the title is readable at 2 s ---------------------------------
local has_tesseract = vg.spawn("tesseract", { "--version" })
if has_tesseract and has_tesseract.code == 0 then
  run("ffmpeg", { "-v", "error", "-ss", "2", "-i", out, "-frames:v", "1", "-y", T .. "/f2.png" })
  local ocr = run("tesseract", { T .. "/f2.png", "-" }).stdout
  check(ocr:find("Vgrun Scenes") ~= nil, "title readable at 2 s (OCR: " .. ocr:gsub("%s+", " "):sub(1, 80) .. ")")
else
  print("skip: tesseract not installed, no OCR check")
end
-- frames of different scenes differ, frames inside a settled scene do not.
-- The picture shown at t is the last frame at or before t (the video has a
-- frame per change and a repeat at least every second, so one lies in the
-- 1.2 s before t); `-ss t` alone would give the first frame after t.
local function frame_at(t)
  local f = T .. "/shown.pgm"
  run("ffmpeg", { "-v", "error", "-ss", tostring(t - 1.2), "-i", out, "-t", "1.2", "-vsync", "passthrough",
    "-pix_fmt", "gray", "-update", "1", "-y", f })
  return read(f) or ""
end
-- A repeat of a still picture may refine a few pixels (x264 spends the bits
-- a repeat frees on edges it coded coarsely: measured up to 11 levels on a
-- few dozen pixels); anything that moves changes thousands of pixels.
local function changed_pixels(a, b)
  if #a ~= #b or #a == 0 then return math.huge end
  local n = 0
  for i = 1, #a, 4096 do
    local x, y = { a:byte(i, math.min(#a, i + 4095)) }, { b:byte(i, math.min(#b, i + 4095)) }
    for k = 1, #x do if math.abs(x[k] - y[k]) > 6 then n = n + 1 end end
  end
  return n
end
local s3 = timing.scenes[3]
local held = changed_pixels(frame_at(s3["end"] - 0.6), frame_at(s3["end"] - 0.05))
check(held <= 200, "a settled scene holds still (" .. held .. " pixels changed by more than 6 levels)")
check(frame_at(timing.scenes[2]["end"] - 0.1) ~= frame_at(s3["end"] - 0.1), "scenes differ")

-- 5. captions: a cue per sentence at least --------------------------------------
local srt = read(T .. "/all.srt") or ""
local cues = 0
for _ in srt:gmatch("%d%d:%d%d:%d%d,%d%d%d %-%-> ") do cues = cues + 1 end
local sentences = 0
for line in io.lines(FIXTURE) do
  local n = line:match("^%s*narration: \"(.*)\"")
  if n then for _ in n:gmatch("[%.!?]") do sentences = sentences + 1 end end
end
check(cues >= sentences, string.format("%d cues for %d sentences", cues, sentences))
check((read(T .. "/all.vtt") or ""):sub(1, 6) == "WEBVTT", "VTT header")
for line in srt:gmatch("[^\n]+") do
  if not line:match("^%d+$") and not line:match("%-%->") then
    check(#line <= 48, "caption line of at most ~42 characters: " .. line)
  end
end

-- 6. determinism and the cache ------------------------------------------------
local first = read(out)
local r2 = create(FIXTURE, out, cache)
check(r2.code == 0 and r2.stdout:find("0 made, 12 from cache", 1, true), "re-run takes every scene from the cache: " .. r2.stdout)
print(string.format("cached re-run: %.2f s", r2.seconds))
check(read(out) == first, "a re-run gives identical bytes")
local r3 = create(FIXTURE, T .. "/fresh.mp4", T .. "/cache2", { "--no-cache" })
check(r3.code == 0, "--no-cache run: " .. r3.stderr)
check(read(T .. "/fresh.mp4") == first, "two cold runs give identical bytes")

-- 7. edit one scene's narration: only that scene is made again, and the
-- task's state says why
local yaml = read(FIXTURE)
local function write_file(path, text) local f = assert(io.open(path, "w")); f:write(text); f:close() end
write_file(T .. "/edited.yaml", yaml)
local r4a = create(T .. "/edited.yaml", T .. "/edited.mp4", cache)
check(r4a.code == 0 and r4a.stdout:find("0 made, 12 from cache", 1, true), "same content elsewhere: all from the cache: " .. r4a.stdout)
write_file(T .. "/edited.yaml", (yaml:gsub("Loop over items directly%. It reads better%.",
  "Loop over the items directly. It reads much better, and it is shorter.")))
local r4 = create(T .. "/edited.yaml", T .. "/edited.mp4", cache)
check(r4.code == 0 and r4.stdout:find("1 made, 11 from cache", 1, true), "an edited scene re-renders alone: " .. r4.stdout)
local reasons = {}
for _, f in ipairs(vg.core.scandir(os.getenv("VGRUN_STATE_DIR") .. "/tasks") or {}) do
  if f.name:match("%.json$") then
    local doc = vg.json.decode(read(os.getenv("VGRUN_STATE_DIR") .. "/tasks/" .. f.name))
    if doc and type(doc.context) == "table" and tostring(doc.context.input):find("edited.yaml", 1, true) then
      for _, sc in ipairs(doc.context.outputs[1].scenes) do
        if not sc.cached then reasons[#reasons + 1] = sc.id .. ": " .. tostring(sc.reason) end
      end
    end
  end
end
check(#reasons == 1 and reasons[1]:find("changed: narration", 1, true) ~= nil,
  "the state records which scene was made and why: " .. table.concat(reasons, "; "))

-- 8. errors a user can cause ------------------------------------------------------
local r5 = create(T .. "/missing.yaml", T .. "/x.mp4", cache)
check(r5.code == 1 and r5.stderr:find("missing.yaml", 1, true), "missing input named")
local r6 = create(FIXTURE, T .. "/no/such/dir/x.mp4", cache)
check(r6.code == 1 and r6.stderr:find("does not exist", 1, true), "missing output directory")
check(read(T .. "/no/such/dir/x.mp4") == nil, "no output file")
local r7 = create(FIXTURE, T .. "/v.mp4", cache, { "--voice", "klingon" })
check(r7.code ~= 0 and r7.stderr:lower():find("klingon", 1, true), "unknown voice refused: " .. r7.stderr)
check(read(T .. "/v.mp4") == nil, "no output after a refused voice")
local r8 = create(FIXTURE, T .. "/c.mp4", cache, { "--color", "mauve" })
check(r8.code ~= 0 and r8.stderr:find("mauve", 1, true), "unknown colour refused: " .. r8.stderr)

-- 9. burnt-in captions: the words are in the picture while they are spoken
if has_tesseract and has_tesseract.code == 0 then
  local rb = create("tests/create/small.yaml", T .. "/burn.mp4", cache, { "--captions", "srt,burn" })
  check(rb.code == 0, "create with --captions burn: " .. rb.stderr)
  local bsrt = read(T .. "/burn.srt") or ""
  local h1, m1, s1, ms1, h2, m2, s2, ms2, text = bsrt:match(
    "(%d+):(%d+):(%d+),(%d+) %-%-> (%d+):(%d+):(%d+),(%d+)\n([^\n]+)")
  if h1 then
    local t1 = h1 * 3600 + m1 * 60 + s1 + ms1 / 1000
    local t2 = h2 * 3600 + m2 * 60 + s2 + ms2 / 1000
    run("ffmpeg", { "-v", "error", "-ss", tostring((t1 + t2) / 2), "-i", T .. "/burn.mp4", "-frames:v", "1", "-y", T .. "/burn.png" })
    local ocr = run("tesseract", { T .. "/burn.png", "-" }).stdout:lower()
    local word = text:match("(%a%a%a%a+)") or text
    check(ocr:find(word:lower(), 1, true) ~= nil, "caption '" .. word .. "' burnt into the frame (OCR: " .. ocr:gsub("%s+", " "):sub(1, 100) .. ")")
  else
    check(false, "burn run wrote an SRT with cues")
  end
end

print(pass .. " passed, " .. fail .. " failed")
return fail == 0 and 0 or 1
