-- vgrun say: speak text with espeak-ng into a 16-bit PCM WAV (issue 4).
local core = require("vg.core")


-- every message through shown.lines: a path in an error cannot drive the terminal
local function eprintf(fmt, ...) io.stderr:write(require("vg.shown").lines(string.format(fmt, ...))) end

local function wrap(items, width, indent)
  local lines, line = {}, nil
  for _, it in ipairs(items) do
    if line and #line + #it + 2 > width then
      lines[#lines + 1] = line .. ","
      line = nil
    end
    line = line and (line .. ", " .. it) or (indent .. it)
  end
  if line then lines[#lines + 1] = line end
  return table.concat(lines, "\n")
end

local function voice_list(tts)
  local out = { "named voices:" }
  local codes = {}
  for _, v in ipairs(tts.voices()) do
    if v.named then
      out[#out + 1] = string.format("  %-16s %s", v.name, v.description)
    else
      codes[#codes + 1] = v.name
    end
  end
  out[#out + 1] = "espeak-ng voices (language codes):"
  out[#out + 1] = wrap(codes, 78, "  ")
  out[#out + 1] = "variants (append with +, e.g. en-us+f3):"
  out[#out + 1] = wrap(tts.variants(), 78, "  ")
  return table.concat(out, "\n") .. "\n"
end

local function exists(path)
  -- anything there counts, and nothing is opened that could block (a FIFO)
  local f, _, kind = core.open_regular(path)
  if f then f:close(); return true end
  return kind ~= "missing"
end

local function free_name()
  if not exists("say.wav") then return "say.wav" end
  for i = 2, 9999 do
    local p = string.format("say-%d.wav", i)
    if not exists(p) then return p end
  end
  return "say.wav"
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local data = f:read("a")
  f:close()
  return data
end

local SPEC
local function WHOLE(v, name)
  local n = tonumber(v)
  if not n or n ~= math.floor(n) then return nil, string.format("%s needs a whole number, got '%s'", name, tostring(v)) end
  -- 1e400 (inf) and 2^63 are whole but no integer: out of every range
  local i = math.tointeger(n)
  if not i then return nil, string.format("%s %s out of range", name, tostring(v)) end
  return i
end

local function run(args)
  local args_ = require("vg.args")
  local o, words = args_.command(SPEC, args)
  if not o then return words end
  if o.list_voices then io.write(voice_list(require("vg.tts"))); return 0 end
  local opts = { voice = o.voice, rate = o.rate, pitch = o.pitch, ssml = o.ssml }
  local out, timings, stdin_text = o.output, o.timings, false
  -- "-" (standard input) is not a word of the text
  for k = #words, 1, -1 do
    if words[k] == "-" then stdin_text = true; table.remove(words, k) end
  end

  local tts = require("vg.tts")
  local outputs = require("vg.create.outputs")
  -- everything that can be checked is checked before any work
  local named = {}
  if out and out ~= "-" then named[#named + 1] = out end
  if timings and timings ~= "-" then named[#named + 1] = timings end
  for _, f in ipairs(named) do
    local why = outputs.refuse_unclaimed({ f }, o.overwrite)
    if why then eprintf("vgrun say: %s\n", why); return 2 end
  end
  -- the WAV and the timings in one file: the second would replace the first
  local clash = outputs.find_clash(named, {})
  if clash then eprintf("vgrun say: %s\n", clash); return 2 end
  -- a name with another type's extension ("x.png"), an empty name or a
  -- folder that is not there is a mistake of the command line
  for _, f in ipairs({ { out, "-o", "wav", "vgrun say writes WAV audio", "(or - for standard output)" },
                       { timings, "--timings", "json", "the timings are JSON" } }) do
    local why = outputs.named_output(f[1], f[2], f[3], f[4], f[5])
    if why then eprintf("vgrun say: %s\n", why); return 2 end
  end
  if opts.rate and (opts.rate < 80 or opts.rate > 450) then
    eprintf("vgrun say: --rate %d out of range: words per minute between 80 and 450\n", opts.rate)
    return 2
  end
  if opts.pitch and (opts.pitch < 0 or opts.pitch > 100) then
    eprintf("vgrun say: --pitch %d out of range: between 0 and 100 (50 is normal)\n", opts.pitch)
    return 2
  end
  local ok, err = tts.resolve(opts.voice, opts.rate, opts.pitch)
  if not ok then
    -- the first clause of the message ("unknown voice 'x'", "unknown voice
    -- variant 'y' in 'en+y'"); the full list follows, readably
    local from = o._source.voice ~= "command line" and o._source.voice
    eprintf("vgrun say: %s%s\n%s", from and (from .. ": ") or "", tostring(err):match("^([^;]*)"), voice_list(tts))
    return 2
  end
  local to_stdout = out == "-" or (out == nil and not core.isatty(1))
  if to_stdout and core.isatty(1) then
    eprintf("vgrun say: not writing audio to a terminal; use -o FILE.wav\n")
    return 2
  end
  if to_stdout and timings == "-" then
    eprintf("vgrun say: audio and --timings cannot both go to standard output\n")
    return 2
  end
  if stdin_text and #words > 0 then
    eprintf("vgrun say: give TEXT or -, not both\n")
    return 2
  end

  local text
  if stdin_text or (#words == 0 and not core.isatty(0)) then
    text = io.read("a") or ""
  elseif #words > 0 then
    text = table.concat(words, " ")
  else
    return require("vg.args").usage_error(SPEC, "no text (give TEXT, or - to read standard input)")
  end

  if not opts.ssml and text:match("^%s*<speak[%s>/]") then
    eprintf("vgrun say: note: the text looks like SSML; it is spoken as plain text (add --ssml)\n")
  end
  if opts.ssml then
    -- refused markup is a usage error: said before any work, exit 2
    local sok, serr = tts.ssml_filter(text)
    if not sok then eprintf("vgrun say: %s\n", serr); return 2 end
  end

  local okc, res, serr = pcall(tts.synth, text, opts)
  if not okc then
    eprintf("vgrun say: %s\n", (tostring(res):gsub("^[^\n]-:%d+: ", "")))
    return 1
  end
  if not res then
    eprintf("vgrun say: %s\n", tostring(serr))
    return 1
  end

  local dest = out
  if to_stdout then
    local data, rerr = read_file(res.path)
    if not data then eprintf("vgrun say: %s\n", rerr); return 1 end
    io.stdout:write(data)
    io.stdout:flush()
  else
    dest = dest or free_name()
    local wok, werr, code = outputs.write_own(dest, o.overwrite, function(tmp) return tts.save(res, tmp) end)
    if not wok then eprintf("vgrun say: %s\n", werr); return code end
  end
  if timings then
    local json = core.json_encode(tts.timings(res), true)
    if timings == "-" then
      io.stdout:write(json, "\n")
    else
      local wok, werr, code = outputs.write_own(timings, o.overwrite, function(tmp)
        return core.write_atomic(tmp, json .. "\n")
      end)
      if not wok then eprintf("vgrun say: --timings %s: %s\n", timings, tostring(werr)); return code end
    end
  end
  if not to_stdout then
    eprintf("vgrun say: wrote %s (%.2f s, %d words, %d Hz%s)\n", dest, res.duration, #res.words,
      res.sample_rate, res.cached and ", cached" or "")
  end
  return 0
end

-- Its parser, --help, `vgrun help say`, vgrun-say(1) and completion.
SPEC = {
  name = "say",
  summary = "speak text with espeak-ng into a WAV (+ word timings)",
  synopsis = { "[options] [TEXT... | -]" },
  description = [[
Speaks TEXT (or standard input, with - or when input is piped) with espeak-ng
and writes a mono 16-bit PCM WAV at espeak-ng's native rate (22050 Hz).
Without -o the WAV goes to standard output when it is not a terminal, else
to ./say.wav (or say-2.wav, ...): audio never goes to a terminal. Clips are
cached (same text, voice, rate and pitch: no second synthesis).]],
  options = {
    { "--voice", arg = "V", complete = "voices", default = "male", config = "voice",
      help = "male, male_warm, female, female_friendly, or an espeak-ng language code / voice with "
        .. "an optional +variant (en-gb, es, fr, de, cmn, en-us+f3); see --list-voices" },
    { "--rate", arg = "WPM", check = WHOLE, default = "the voice's, about 170",
      help = "words per minute, 80 to 450" },
    { "--pitch", arg = "P", check = WHOLE, default = "the voice's; 50 is espeak's normal",
      help = "pitch, 0 to 100" },
    { "--ssml", help = "read the text as SSML, in the safe subset of docs/tts.md (speak p s voice prosody "
      .. "emphasis break say-as sub mark); anything else is refused with exit 2. Without it the text is "
      .. "plain, even when it looks like SSML" },
    { "-o", "--output", arg = "OUT", complete = "file", default = "standard output, or ./say.wav on a terminal",
      help = "write the WAV to OUT (NAME.wav, or a name without an extension; - = standard output)" },
    { "--timings", arg = "OUT", complete = "file", default = "not written",
      help = "write the timings as JSON: duration, sample_rate, words (word, start, end), sentences "
        .. "and marks (NAME.json; - = standard output)" },
    { "--overwrite", help = "replace a file at OUT (or --timings OUT) that vgrun has no record of making" },
    { "--list-voices", help = "print the voices and variants, then exit" },
  },
  args = { name = "TEXT" },   -- "-": read standard input; after "--" every word is text
  env = { { "VGRUN_CACHE_DIR", "the cache folder (else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun)" }, { "ESPEAK_DATA_PATH", "espeak-ng's voice data" } },
  exit = { { 0, "written" }, { 1, "failure" }, { 2, "usage error (unknown voice, bad option, refused SSML)" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  run = run,
}
