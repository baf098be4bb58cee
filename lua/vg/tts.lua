-- vg.tts: narration audio with espeak-ng (issue 4). The C primitives are in
-- vg.tts_core (stages/tts/tts_lua.c); this is the friendly layer.
--
--   local r = vg.tts.synth("Hello there.", { voice = "female", rate = 170 })
--   r.duration, r.sample_rate, r.words[1].word, r.words[1].start, r.words[1]["end"]
--   vg.tts.save(r, "hello.wav")
--
-- synth() waits without blocking other tasks (inside a task or stage it
-- yields). The clip lives in the artifact cache: the same text, voice, rate
-- and pitch are never synthesized twice (r.cached tells).
-- Misuse raises (bad types, unknown voice, non-UTF-8 text, rate out of
-- range); runtime failures return nil, message.
local core = require("vg.tts_core")

local M = {}

M.NAMED = { "male", "male_warm", "female", "female_friendly" }

--- synth(text, {voice=, rate=, pitch=, ssml=}) -> result | nil, err
-- text is plain text, even when it looks like markup; with ssml = true it is
-- SSML, filtered to the safe subset of docs/tts.md (anything else raises).
-- result = { duration = s, sample_rate = hz, samples = n, path = WAV in the
--   cache, cached = bool, voice = name, key = cache key,
--   words = {{word=, start=, ["end"]=}...}, sentences = {{text=, start=, ["end"]=}...},
--   marks = {{name=, time=}...} }  (times in seconds)
function M.synth(text, opts)
  if type(text) ~= "string" then
    error(string.format("bad argument #1 to 'synth' (string expected, got %s)", type(text)), 2)
  end
  if opts ~= nil and type(opts) ~= "table" then
    error(string.format("bad argument #2 to 'synth' (table expected, got %s)", type(opts)), 2)
  end
  -- pcall yields in Lua 5.4, so the caller still waits without blocking
  local ok, res, err = pcall(core.synth, text, opts)
  if not ok then error(res, 2) end
  return res, err
end

--- save(result, path) -> true | nil, err: writes the clip's WAV to path.
function M.save(result, path)
  if type(result) ~= "table" or type(result.path) ~= "string" then
    error("bad argument #1 to 'save' (a result of vg.tts.synth expected)", 2)
  end
  if type(path) ~= "string" then
    error(string.format("bad argument #2 to 'save' (string expected, got %s)", type(path)), 2)
  end
  return core.copy(result.path, path)
end

local function array(t)
  local ok, vg_core = pcall(require, "vg.core")
  if ok and vg_core.array_mt then return setmetatable(t, vg_core.array_mt) end
  return t
end

--- timings(result) -> the table written by `vgrun say --timings`:
-- {duration, sample_rate, words = {{word, start, end}}, sentences = {...}, marks = {...}}
function M.timings(result)
  local words, sentences, marks = array({}), array({}), array({})
  for i, w in ipairs(result.words or {}) do
    words[i] = { word = w.word, start = w.start, ["end"] = w["end"] }
  end
  for i, s in ipairs(result.sentences or {}) do
    sentences[i] = { text = s.text, start = s.start, ["end"] = s["end"] }
  end
  for i, m in ipairs(result.marks or {}) do marks[i] = { name = m.name, time = m.time } end
  return {
    duration = result.duration,
    sample_rate = result.sample_rate,
    words = words,
    sentences = sentences,
    marks = marks,
  }
end

--- voices() -> list of {name, description, language, gender, named, identifier}:
-- the four named voices first, then every espeak-ng voice by language code.
function M.voices() return core.voices() end

--- variants() -> names usable after "+" in an espeak-ng voice ("en-us+f3").
function M.variants() return core.variants() end

--- resolve(voice[, rate, pitch]) -> {name, spec, language, rate, pitch} | nil, err
function M.resolve(voice, rate, pitch) return core.resolve(voice, rate, pitch) end

--- info() -> {espeak_version, sample_rate, syntheses, cache_hits, format, cache_dir}
-- syntheses counts the clips espeak-ng actually spoke in this process.
function M.info() return core.info() end

--- ssml_filter(text) -> the SSML espeak-ng would be given | nil, err
-- The safe subset (docs/tts.md); err names the line and column of what is
-- refused ("SSML line 1, column 8: <audio> is not allowed: ...").
M.ssml_filter = core.ssml_filter

--- wav_info(path) -> {sample_rate, channels, frames, duration} | nil, err
M.wav_info = core.wav_info

return M
