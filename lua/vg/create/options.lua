-- vg.create.options: the options of the create pipeline, their defaults
-- and the checks `vgrun create` runs before a task starts (a bad option is a
-- usage error) and the pipeline runs again for pipelines built in Lua.
local core = require("vg.core")
local shown = require("vg.shown")
local timing = require("vg.timing")

local M = {}

M.DEFAULTS = {
  width = 1920, height = 1080, fps = 30, preset = "slides", crf = 23, cfr = false,
  lead_in = timing.lead_in,     -- silence before a scene's narration
  tail = timing.tail,           -- silence after it
  min_scene = timing.min_scene, -- no scene is shorter
  crossfade = 0.25,     -- between scenes (vg.render.CROSSFADE)
  anim_fps = 30,        -- pictures per second while something moves (<= fps)
  fade_fps = 15,        -- pictures per second during the crossfade (<= anim_fps)
  thin = true,          -- skip animation frames the eye cannot tell apart
  captions = {},        -- { srt = true, vtt = true, burn = true }
  no_cache = false,
}

-- document: Markdown or plain text, by the file's name and content
-- (document_type in stages/input/load.c); text: always plain text
M.FORMATS = { document = "document", markdown = "markdown", md = "markdown", rst = "rst", adoc = "asciidoc", asciidoc = "asciidoc", text = "text",
  yaml = "yaml", json = "json", transcript = false, srt = "srt", vtt = "vtt", set = "set" }

--- input_spec("document:README") -> "README", "document", true: the path,
--- the input type its prefix names (nil: from the extension), and whether it
--- had one. Every command that reads an input takes what `vgrun create
--- --from` takes.
function M.input_spec(spec)
  local prefix, rest = spec:match("^(%a+):(.+)$")
  if prefix and M.FORMATS[prefix] ~= nil then return rest, M.FORMATS[prefix] or nil, true end
  return spec, nil, false
end

--- with_defaults(o) -> a copy of o with every default filled in
function M.with_defaults(o)
  local r = {}
  for k, v in pairs(M.DEFAULTS) do r[k] = v end
  for k, v in pairs(o or {}) do r[k] = v end
  return r
end

-- Sizes the layouts can draw. The layouts scale with the short side (1080 =
-- 1.0) and place content from the top; below 144 px (256x144, the smallest
-- common video size) the smallest text (min_size 24) is under 3 px, and past
-- 4:1 (either way) the layouts leave most of the picture empty and the
-- thumbnail (640 wide) degenerates. 7680x4320 is H.264 level 6.2.
M.RESOLUTION = { min_side = 144, max_long = 7680, max_short = 4320, max_ratio = 4 }

function M.check_resolution(w, h)
  local R = M.RESOLUTION
  if math.type(w) ~= "integer" or math.type(h) ~= "integer" then return nil, "wants WxH in whole pixels" end
  if w % 2 == 1 or h % 2 == 1 then return nil, "wants even numbers (H.264 4:2:0)" end
  local short, long = math.min(w, h), math.max(w, h)
  if short < R.min_side then
    return nil, string.format("too small: the short side must be at least %d", R.min_side)
  end
  if long > R.max_long or short > R.max_short then
    return nil, string.format("too large: at most %dx%d (or %dx%d)", R.max_long, R.max_short, R.max_short, R.max_long)
  end
  if long > short * R.max_ratio then
    return nil, string.format("aspect ratio too extreme: at most %d:1 either way", R.max_ratio)
  end
  return true
end

--- The command line's checks of --resolution and --captions (vgrun create,
--- scenes, frame): resolution_arg(s, label) -> {w, h} | nil, message;
--- captions_arg(s, label) -> s | nil, message.
function M.resolution_arg(s, label)
  local w, h = s:match("^(%d+)[xX](%d+)$")
  -- (long numbers are sizes too: told the limit, not the form)
  if w and (#w > 9 or #h > 9) then w, h = "999999998", "999999998" end
  w, h = math.tointeger(tonumber(w)), math.tointeger(tonumber(h))
  if not w then return nil, label .. " " .. s .. ": wants WxH, like 1920x1080" end
  local ok, err = M.check_resolution(w, h)
  if not ok then return nil, label .. " " .. s .. ": " .. err end
  return { w, h }
end

function M.captions_arg(s, label)
  for c in s:gmatch("[^,]+") do
    if c ~= "srt" and c ~= "vtt" and c ~= "burn" then return nil, label .. ": srt, vtt or burn, not '" .. c .. "'" end
  end
  return s
end

--- check_detail(v) -> v | nil, message: how much of the prose is said
-- (summary: each section's key points; full: every sentence)
function M.check_detail(v, name)
  if v ~= "summary" and v ~= "full" then
    return nil, (name or "--detail") .. " " .. tostring(v) .. ": summary or full"
  end
  return v
end

--- check_language(v) -> v | nil, message: a BCP 47 tag such as en, de or
-- pt-BR (the checks of the loader's vgi_lang_tag_ok: 2-3 letters, then
-- subtags of 1-8 letters or digits)
function M.check_language(v, name)
  local s = type(v) == "string" and v or ""
  -- a locale as $LANG writes it (de_DE.UTF-8, sr_RS@latin) is its language
  if s:match("^%a%a%a?_%a%a[.@]") or s:match("^%a%a%a?[.@]") then s = s:gsub("[.@].*$", "") end
  -- a primary tag of two or three letters, then subtags ("klingon" is none)
  local ok = #s < 64 and (s:match("^%a%a%a?$") or s:match("^%a%a%a?[-_][-_%w]+$")) ~= nil
  if ok then
    for sub in s:gsub("_", "-"):gmatch("%-([^-]*)") do
      if #sub < 1 or #sub > 8 or not sub:match("^%w+$") then ok = false end
    end
    if s:find("[-_]$") or s:find("[-_][-_]") then ok = false end
  end
  if not ok then
    return nil, (name or "--language") .. " " .. tostring(v) .. ": wants a language tag such as en, de or pt-BR"
  end
  -- in the case BCP 47 writes it: en, pt-BR, zh-Hant
  local parts = {}
  for part in s:gsub("_", "-"):gmatch("[^-]+") do
    if #parts == 0 then part = part:lower()
    elseif #part == 2 then part = part:upper()
    elseif #part == 4 and part:match("^%a+$") then part = part:sub(1, 1):upper() .. part:sub(2):lower()
    else part = part:lower() end
    parts[#parts + 1] = part
  end
  return table.concat(parts, "-")
end

local X264_PRESETS = { slides = 1, ultrafast = 1, superfast = 1, veryfast = 1, faster = 1, fast = 1,
  medium = 1, slow = 1, slower = 1, veryslow = 1 }

--- check_options(o) -> true | nil, message: every option that shapes the
-- output, checked before a task starts (`vgrun create` calls it at parse
-- time; the style stage calls it again for pipelines built in Lua).
-- Messages name the option as the command line spells it.
function M.check_options(o)
  local function num(v, lo, hi, int)
    return type(v) == "number" and v == v and v >= lo and v <= hi and (not int or math.type(v) == "integer"
      or v == math.floor(v))
  end
  if o.voice ~= nil then
    local input = require("vg.input")
    if type(o.voice) ~= "string" or not input.voice_known(o.voice) then
      return nil, string.format("--voice %s: unknown voice (male, male_warm, female, female_friendly, "
        .. "or an espeak-ng voice such as en-gb; `vgrun say --list-voices` lists them)", tostring(o.voice))
    end
  end
  if o.theme ~= nil and o.theme ~= "light" and o.theme ~= "dark" then
    return nil, string.format("--theme %s: light or dark", tostring(o.theme))
  end
  if o.color ~= nil then
    local ok, err = require("vg.theme").get(o.theme or "light", tostring(o.color))
    if not ok then return nil, string.format("--color %s: %s", tostring(o.color), tostring(err)) end
  end
  if o.width ~= nil or o.height ~= nil then
    local ok, err = M.check_resolution(o.width, o.height)
    if not ok then return nil, string.format("--resolution %sx%s: %s", tostring(o.width), tostring(o.height), err) end
  end
  if o.fps ~= nil and not num(o.fps, 1, 120, true) then return nil, "--fps: wants a whole number from 1 to 120" end
  if o.anim_fps ~= nil and not num(o.anim_fps, 1, 120, true) then
    return nil, "--anim-fps: wants a whole number from 1 to 120"
  end
  if o.crf ~= nil and not num(o.crf, 0, 51, true) then return nil, "--crf: wants a whole number from 0 to 51" end
  if o.preset ~= nil and not X264_PRESETS[o.preset] then
    return nil, "--preset " .. tostring(o.preset) .. ": slides (the default) or an x264 preset: "
      .. "ultrafast superfast veryfast faster fast medium slow slower veryslow"
  end
  if o.split ~= nil and o.split ~= "h2" then return nil, "--split " .. tostring(o.split) .. ": only h2" end
  if o.detail ~= nil and not M.check_detail(o.detail) then return nil, select(2, M.check_detail(o.detail)) end
  if o.language ~= nil and not M.check_language(o.language) then return nil, select(2, M.check_language(o.language)) end
  if o.duration ~= nil and not num(o.duration, 1, 3600) then
    return nil, "--duration: wants a number of seconds from 1 to 3600"
  end
  if o.jobs ~= nil and not num(o.jobs, 1, 64, true) then return nil, "-j: wants a whole number from 1 to 64" end
  if o.allow_paths ~= nil and type(o.allow_paths) ~= "table" then return nil, "--allow-path: a list of folders" end
  for _, d in ipairs(o.allow_paths or {}) do
    local st = type(d) == "string" and core.stat(d)
    if not st or st.type ~= "dir" then return nil, "--allow-path " .. tostring(d) .. ": not a folder" end
  end
  if o.audio ~= nil and (type(o.audio) ~= "string" or o.audio == "") then
    return nil, "--audio: a file name expected"
  end
  if o.keep_timing ~= nil and type(o.keep_timing) ~= "boolean" then return nil, "--keep-timing: true or false" end
  for c in pairs(o.captions or {}) do
    if c ~= "srt" and c ~= "vtt" and c ~= "burn" then return nil, "--captions: srt, vtt or burn, not '" .. tostring(c) .. "'" end
  end
  return true
end

-- The longest recording --audio takes. The mixer streams it (a window at a
-- time, stages/encode/audio.c), so this bounds the time to decode and encode
-- it, not memory.
M.MAX_RECORDING = 3 * 3600

--- probe_audio(o) -> {duration=, sha256=, codec=, ...} | nil, message: the
-- recorded narration o.audio decoded once (on the thread pool) to check it
-- and learn its length; kept in o.audio_info so it is decoded once a run.
function M.probe_audio(o)
  local info = o.audio_info
  if type(info) == "table" and info.path == o.audio then return info end
  local err
  info, err = require("vg.encode_core").probe_audio(o.audio, M.MAX_RECORDING)
  if not info then return nil, "--audio " .. tostring(err) end
  local d = core.file_digest(o.audio)
  if not d then return nil, "--audio " .. shown.name(o.audio) .. ": cannot be read" end
  info.sha256, info.path = d.sha256, o.audio
  o.audio_info = info
  return info
end

return M
