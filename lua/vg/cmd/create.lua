-- vgrun create: one command from a document to a narrated MP4.
local as_shown = require("vg.shown")
local vg = require("vg")
local core = require("vg.core")
local create = require("vg.create")

-- every message through shown.lines (a path in an error cannot drive the terminal)
local function eprintf(fmt, ...) io.stderr:write(as_shown.lines(string.format(fmt, ...))) end

local args_ = require("vg.args")

local resolution = require("vg.create.options").resolution_arg
local captions = require("vg.create.options").captions_arg

-- a value checked by create.check_options, named as `label` says (an option
-- or a config file's key)
local function checked(key)
  return function(v, label)
    local ok, err = create.check_options({ [key] = v })
    if ok then return v end
    return nil, (err:gsub("^%-%-" .. key, label))
  end
end

local CACHE_ENV = { "VGRUN_CACHE_DIR", "the cache folder (else $XDG_CACHE_HOME/vgrun, else ~/.cache/vgrun)" }

-- The one description of `vgrun create`: its parser, --help, `vgrun help
-- create`, vgrun-create(1), completion and the config file all come from it.
local SPEC = {
  name = "create",
  summary = "make a narrated video (MP4) from a document (Markdown, reStructuredText, HTML), YAML, JSON, transcript or set",
  synopsis = { "--from [document:|text:|rst:|adoc:|yaml:|json:|transcript:|set:]PATH [-o OUT.mp4|DIR] [options]" },
  description = [[
Writes OUT.mp4 (H.264 + AAC, a chapter per scene), OUT.timing.json, a
thumbnail OUT.png, and OUT.srt / OUT.vtt with --captions, and prints every
file it wrote. The input type comes from the prefix, else from the
extension. When a document becomes several videos (--split h2, very long
documents) -o OUT.mp4 gives OUT-01-<title>.mp4, OUT-02-... in document
order, and -o DIR/ gives DIR/01-<title>.mp4 ... A set gives one MP4 per
video named by its id, into DIR (or OUT-<id>.mp4). Nothing is written over
an input (the document, a set's files, its images): that is a usage error.
A file already at an output path that vgrun did not make is not replaced
either, unless --overwrite is given.

Options are checked before any work: a bad one is a usage error (exit 2)
and starts no task. Values in the config file (`vgrun config`) count as if
given on the command line; the command line wins.]],
  options = {
    { "--from", arg = "PATH", complete = "from", default = "none: required (or PATH alone)",
      help = "the input: Markdown (.md), reStructuredText (.rst), plain text (.txt), HTML (.html), YAML, JSON, SRT/VTT transcript, or "
        .. "a set folder (set_config.yaml); a prefix (document: text: rst: adoc: yaml: json: transcript: set:) names the type. "
        .. "PATH alone, without --from, works too" },
    { "-o", "--output", arg = "OUT.mp4|DIR", complete = "output",
      default = "NAME.mp4 in the current folder (NAME: the input's)",
      help = "the MP4 to write, or a folder (a trailing / makes it)" },
    { "--voice", arg = "V", config = "voice", complete = "voices", check = checked("voice"), default = "the document's, else male",
      help = "male, male_warm, female, female_friendly, or an espeak-ng voice (en-gb, de, en-us+f3); "
        .. "`vgrun say --list-voices` lists them" },
    { "--color", alias = { "--colour" }, arg = "C", config = "color", complete = "colors", check = checked("color"),
      default = "the document's, else blue",
      help = "accent colour: blue purple orange green pink cyan, or #rrggbb" },
    { "--theme", arg = "light|dark", choices = { "light", "dark" }, config = "theme", complete = "themes",
      default = "the document's, else light", help = "light or dark" },
    { "--resolution", arg = "WxH", config = "resolution", check = resolution, key = "resolution",
      complete = "resolutions", default = "1920x1080",
      help = "even sizes, the short side 144 to 4320, the long side up to 7680, at most 4:1" },
    { "--fps", type = "int", min = 1, max = 120, config = "fps", default = "30",
      help = "frames per second of the video" },
    { "--anim-fps", type = "int", min = 1, max = 120, config = "anim_fps", default = "every frame",
      help = "how many new pictures per second are drawn while something moves" },
    { "--cfr", help = "constant frame rate (by default a still picture is held as one long frame)" },
    { "--preset", arg = "P", config = "preset", complete = "presets", default = "slides",
      help = "slides is x264's veryfast tuned for slides; any x264 preset name "
        .. "(ultrafast ... veryslow) is used as it is" },
    { "--crf", type = "int", min = 0, max = 51, config = "crf", default = "23",
      help = "x264 quality: lower is better and larger; with slides, the quantiser of every picture; 0 is lossless" },
    { "--captions", arg = "srt,vtt,burn", list = true, check = captions, config = "captions",
      complete = "captions", default = "none",
      help = "write OUT.srt and/or OUT.vtt, or burn the captions into the picture; may be repeated" },
    { "--split", arg = "h2", config = "split", complete = "split", default = "one video per document",
      help = "Markdown: one video per H2 section" },
    { "--duration", arg = "SECONDS", type = "number", min = 1, max = 3600,
      default = "about a minute per 600 words of prose",
      help = "make the video about SECONDS long: the least important sentences, then scenes, are left out "
        .. "(a warning says when it cannot be reached)" },
    { "--detail", arg = "summary|full", complete = "detail", check = require("vg.create.options").check_detail,
      default = "summary",
      help = "summary: each section in its key points; full: every sentence of the prose is said" },
    { "--language", arg = "BCP47", check = require("vg.create.options").check_language,
      default = "front matter lang:, else detected from the text",
      help = "the document's language (en, de, pt-BR ...): picks the voice and the words vgrun adds" },
    { "--task-id", arg = "ID", complete = "tasks", default = "create-<name>-<hash of input and output>",
      help = "the task's id in the state folder (letters, digits, . _ -)" },
    { "--resume", help = "go on with the task: stages that completed are not run again" },
    { "--allow-path", arg = "DIR", list = true, complete = "dirs", key = "allow_paths",
      check = function(d) return core.realpath(d) or d end, -- the loader compares real paths
      default = "only the document's folder", help = "let images come from DIR too; may be repeated" },
    { "--overwrite", help = "replace files at the output paths that vgrun has no record of making" },
    { "--no-cache", help = "neither read nor write the artifact cache" },
    { "--jobs", short = "-j", type = "int", min = 1, max = 64, config = "jobs", default = "the number of cores",
      help = "scenes encoded at once" },
    { "--ssml", help = "read narration as SSML in the safe subset of docs/tts.md (anything else is refused)" },
    { "--keep-timing", help = "a transcript (.srt, .vtt): each scene starts at its first cue and the captions keep "
        .. "the cue times, so the video lines up with the recording it came from" },
    { "--audio", arg = "FILE", complete = "files", default = "speech synthesis",
      help = "a recorded narration (WAV, FLAC, MP3, anything FFmpeg reads) instead of speech synthesis: with a "
        .. "transcript the slides follow its cues, with a document the scenes share the recording by their text" },
  },
  args = { name = "PATH", key = "from", max = 1, complete = "from" },
  env = { CACHE_ENV,
    { "VGRUN_STATE_DIR", "where task state lives (else $XDG_STATE_HOME/vgrun, else ~/.local/state/vgrun)" },
    { "ESPEAK_DATA_PATH", "espeak-ng's voice data" } },
  exit = { { 0, "every video was written" }, { 1, "failure (unreadable input, a failed stage: fix it and add --resume)" },
    { 2, "usage error (a bad option, an output over an input, a file vgrun did not make)" },
    { 130, "interrupted or cancelled (resumable)" } },
  examples = {
    { "vgrun create --from talk.md -o talk.mp4", "a video from a Markdown file" },
    { "vgrun create notes.md --split h2 -o out/ --captions srt,vtt", "one video per H2 section, with captions" },
    { "vgrun create --from set:course/ -o course/out/", "every video of a set" },
    { "vgrun create talk.srt --audio talk.flac --captions srt -o talk.mp4", "slides over a recorded talk, on its cue times" },
  },
}

-- A usage error: the reason and where to read more (the whole help would
-- bury the reason).
local function usage_error(msg)
  eprintf("vgrun create: %s\nusage: vgrun create %s\n", msg, SPEC.synopsis[1])
  eprintf("`vgrun create --help` tells more\n")
  return 2
end

local function parse(args)
  local o = args_.parse(SPEC, args)
  if o.help then return o end
  args_.defaults(SPEC, o, require("vg.config"))
  local caps = {}
  for _, s in ipairs(o.captions or {}) do
    for c in s:gmatch("[^,]+") do caps[c] = true end
  end
  o.captions = caps
  if o.resolution then o.width, o.height = o.resolution[1], o.resolution[2]; o.resolution = nil end
  return o
end

-- What a path is, without opening it (a FIFO would block in open()).
local function file_kind(path)
  local st = core.stat(path)
  if not st then return nil end
  if st.type == "dir" then return "directory" end
  return st.type
end

-- "warning:" once per line: diagnostics from the loader already read
-- "file:line:col: warning: ...".
local function warning_line(m)
  m = tostring(m):gsub("^vgrun: ", ""):gsub("^warning: ", "")
  if m:find("warning: ", 1, true) then return "vgrun: " .. m .. "\n" end
  return "vgrun: warning: " .. m .. "\n"
end

-- Loads the document once before the task to learn what the run will read
-- and write; returns the videos, or nil when it does not load (the load
-- stage then reports why, as it always has).
local function preload(path, o)
  local ok, model = pcall(require("vg.input").load, path, { format = o.format, split = o.split,
    duration = o.duration, detail = o.detail, language = o.language, allow_paths = #o.allow_paths > 0 and o.allow_paths or nil })
  if ok and type(model) == "table" and type(model.videos) == "table" and #model.videos > 0 then
    return model.videos, type(model.set) == "table" and type(model.set.id) == "string" and model.set.id or nil
  end
  return nil
end

-- A path made absolute through its folder (the file itself may not exist yet).
local function absolute(p)
  local dir, name = p:match("^(.*)/([^/]+)/*$")
  if not dir then dir, name = ".", p end
  local rdir = core.realpath(dir == "" and "/" or dir)
  return rdir and (rdir:gsub("/$", "") .. "/" .. name) or p
end

-- What the task is made from, as resume compares it: every option that
-- shapes the output (the content of the input files is checked by the load
-- stage, which records them). Keys name the options (create.DEPENDS).
local function fingerprint(o, path, abs, kind)
  local caps = {}
  for c in pairs(o.captions or {}) do caps[#caps + 1] = c end
  table.sort(caps)
  local fp = {
    ["--from"] = abs, ["--format"] = o.format, ["--split"] = o.split,
    ["--duration"] = o.duration and tostring(o.duration), ["--detail"] = o.detail, ["--language"] = o.language, ["--voice"] = o.voice, ["--color"] = o.color,
    ["--theme"] = o.theme, ["--resolution"] = o.width and (o.width .. "x" .. o.height),
    ["--fps"] = o.fps and tostring(o.fps), ["--anim-fps"] = o.anim_fps and tostring(o.anim_fps),
    ["--cfr"] = o.cfr and "yes" or nil, ["--ssml"] = o.ssml and "yes" or nil, ["--preset"] = o.preset, ["--crf"] = o.crf and tostring(o.crf),
    ["--captions"] = #caps > 0 and table.concat(caps, ",") or nil,
    ["--allow-path"] = o.allow_paths and #o.allow_paths > 0 and table.concat(o.allow_paths, ":") or nil,
    ["-o"] = o.output and absolute(o.output) or nil,
    ["--keep-timing"] = o.keep_timing and "yes" or nil,
    ["--audio"] = o.audio and absolute(o.audio) or nil,
    -- a new vgrun may read, speak or draw differently
    ["vgrun"] = core.version,
  }
  if kind == "directory" then
    -- a set's videos may be every YAML file in its folder: a new one counts
    local names = {}
    for _, e in ipairs(core.scandir(path) or {}) do
      local name = type(e) == "table" and e.name or e
      if type(name) == "string" and not name:match("^%.") and name:match("%.ya?ml$") then names[#names + 1] = name end
    end
    table.sort(names)
    fp["set files"] = core.sha256(table.concat(names, "\n"))
  end
  return fp
end

return {
  spec = SPEC,
  summary = SPEC.summary,
  -- for the server's tasks (lua/vg/serve/tasks): the same parse and the
  -- same fingerprint as the command, so a task is this command's run
  parse = parse,
  fingerprint = fingerprint,
  opens_events = true,   -- after checking that the events file is not an input
  run = function(args)
    local ok, o = pcall(parse, args)
    if not ok then
      if type(o) == "table" and o.usage then return usage_error(o.usage) end
      error(o, 0)
    end
    if o.help then io.write(require("vg.help").text("create")); return 0 end
    if not o.from then return usage_error("--from PATH is needed") end
    -- every option that shapes the output, before a task exists
    local cok, cerr = create.check_options(o)
    if not cok then return usage_error(cerr) end
    local path, format, prefixed = require("vg.create.options").input_spec(o.from)
    if prefixed then o.format = format end
    local kind, why = file_kind(path)
    if not kind then eprintf("vgrun create: %s: no such file or directory\n", as_shown.name(path)); return 1 end
    -- the one wording of vg.core.open_regular (which refuses without opening)
    local function refused(p)
      local f, err = core.open_regular(p)
      if f then f:close(); return false end
      eprintf("vgrun create: %s\n", err); return true
    end
    if kind ~= "file" and kind ~= "directory" then
      if kind == "link" then eprintf("vgrun create: %s: a broken link\n", as_shown.name(path)); return 1 end
      refused(path); return 1
    end
    if kind == "directory" and o.format ~= "set" then
      local ckind = file_kind(path .. "/set_config.yaml")
      if ckind == "file" then o.format = "set"
      elseif ckind and ckind ~= "directory" and refused(path .. "/set_config.yaml") then return 1
      else eprintf("vgrun create: %s is a directory without set_config.yaml\n", as_shown.name(path)); return 1 end
    end
    -- pictures from the document's own repository are its project's
    o.allow_paths = require("vg.repository").with_root(path, o.allow_paths) or {}
    -- the output: a .mp4 file in a folder that exists, or a folder
    if o.output == "" then
      return usage_error("-o wants a name: give NAME.mp4 or a folder")
    elseif o.output == "-" then
      -- not standard output: an MP4 is finished in place (its index written
      -- after the video), and a folder named "-" is more likely a slip
      return usage_error("-o -: an MP4 is not written to standard output: give NAME.mp4 or a folder "
        .. "(./- for a folder named -)")
    end
    if o.output then
      local mp4 = create.is_mp4(o.output)
      if mp4 and (o.output:match("([^/]*)$")):lower() == ".mp4" then
        return usage_error(string.format("-o %s: give the file a name (NAME.mp4)", as_shown.name(o.output)))
      end
      -- a file name of another kind ("x.mkv", "README.md") is a mistake of the command line
      local leaf = o.output:match("([^/]*)$")
      if not mp4 and leaf:match("^[^.].*%.%a[%w]*$") and file_kind(o.output) ~= "directory" then
        return usage_error(string.format("-o %s: vgrun writes MP4 files: give NAME.mp4 or a folder", as_shown.name(o.output)))
      end
      local dir = mp4 and (o.output:match("^(.*)/[^/]*$") or ".") or o.output
      if dir == "" then dir = "/" end
      -- a trailing slash names a folder: it is made (after every check)
      o.make_dir = not mp4 and o.output:match("/$") and not file_kind(dir) and dir or nil
      local dkind = file_kind(dir)
      if dkind and dkind ~= "directory" then
        -- -o names a file, a device (/dev/null) or a pipe (/dev/stdout): a
        -- mistake of the command line; -o takes a folder or NAME.mp4
        local what = dkind == "file" and "a file" or dkind == "fifo" and "a pipe" or "a device, not a folder"
        return usage_error(string.format("-o %s: %s is %s: -o takes a folder (the videos are written there) "
          .. "or a NAME.mp4 file in a folder", as_shown.name(o.output), as_shown.name(dir), what))
      end
      if dkind ~= "directory" and not o.make_dir then
        -- like a missing input: the file system, not the command line, is wrong
        eprintf("vgrun create: -o %s: the output directory %s %s\n", as_shown.name(o.output), as_shown.name(dir),
          dkind and "is not a directory" or "does not exist")
        return 1
      end
      if not mp4 and file_kind(o.output) ~= "directory" and not o.make_dir then
        eprintf("vgrun create: -o %s: give a .mp4 file or a directory\n", as_shown.name(o.output)); return 1
      end
      if mp4 and file_kind(o.output) == "directory" then
        -- as every output path that holds what vgrun will not replace (exit 2)
        return usage_error(string.format("-o %s: is a folder, not a video: give another NAME.mp4", as_shown.name(o.output)))
      end
    end
    -- a copy of vg/timing.lua or vg/i18n.lua that cannot be used
    -- (VGRUN_LUA_DIR) stops the run before any task, saying where and why
    local icore_ok, icore = pcall(require, "vg.input_core")
    local merr = icore_ok and icore.modules_error and icore.modules_error()
    if merr then eprintf("vgrun create: %s\n", merr); return 1 end
    local abs = core.realpath(path) or path
    local task_id = o.task_id or ("create-" .. (abs:match("([^/]+)/*$") or "input"):gsub("[^%w._-]", "_"):sub(1, 60)
      .. "-" .. core.sha256(abs, o.output or ""):sub(1, 10))
    local id_ok, id_err = vg.state.check_id(task_id)
    if not id_ok then eprintf("vgrun create: --task-id: %s\n", id_err); return 2 end
    -- `vgrun tasks resume ID` runs the command line its state file keeps: one
    -- that makes another task (another input or -o: a state file edited)
    -- is refused before anything is written, not run as a new task
    local launch = require("vg.pipeline").current_launch()
    local pending = launch and launch.resume
    if pending and pending.pipeline == "create" and pending.task_id ~= task_id then
      eprintf("vgrun create: the command line recorded for task '%s' makes another task ('%s'): "
        .. "its state file was changed; nothing was run\n", pending.task_id, task_id)
      return 1
    end
    -- the same id (--task-id) from another input or output: the command line
    -- was changed and what the task was made from was not
    local made_from = pending and pending.pipeline == "create" and pending.made_from or {}
    local now_from = { ["--from"] = abs, ["-o"] = o.output and absolute(o.output) or nil }
    for _, k in ipairs({ "--from", "-o" }) do
      if made_from[k] and made_from[k] ~= now_from[k] then
        eprintf("vgrun create: the command line recorded for task '%s' has %s %s, but the task was "
          .. "made with %s %s: its state file was changed; nothing was run\n", pending.task_id, k,
          tostring(now_from[k]), k, made_from[k])
        return 1
      end
    end
    -- nothing vgrun writes may be something it reads
    local claims
    local videos, set_id = preload(path, o)
    o.set_id = set_id
    if videos and o.audio then
      -- a recording narrates one video, from a transcript on its cue times
      if #videos > 1 then
        return usage_error(string.format("--audio %s: the input makes %d videos; a recording narrates one",
          as_shown.name(o.audio), #videos))
      end
      if not o.keep_timing and create.has_timing(videos) then o.keep_timing = true end
    end
    if videos and o.keep_timing and not create.has_timing(videos) then
      return usage_error(string.format("--keep-timing: %s has no cue times (only a transcript, .srt or .vtt, has them)", as_shown.name(path)))
    end
    if o.audio then
      -- decoded once now: what cannot be decoded is refused before any work
      local rec, rerr = create.probe_audio(o)
      if not rec then return usage_error(rerr) end
    end
    if videos then
      local outs, nerr = create.output_paths(o, videos, path)
      if not outs then return usage_error(nerr) end
      local inputs = create.input_files(path, videos, o)
      local written = create.all_written(o, outs)
      local clash = create.find_clash(written, inputs)
      -- the events file is opened in place (links followed)
      local events = require("vg.cli").events_path
      if not clash and events and events ~= "-" then
        written[#written + 1] = events
        clash = create.find_clash({ events }, inputs, true) or create.find_clash(written, {})
      end
      if clash then return usage_error(clash) end
      -- a file at an output path that vgrun never made stays (--overwrite)
      local own = create.all_written(o, outs)
      local from, derived = create.source_of(o, path)
      local theirs = create.refuse_unclaimed(own, o.overwrite, nil, o.resume, from, derived)
      if theirs then return usage_error(theirs) end
      claims = own
    end
    local events = require("vg.cli").events_path
    if events then
      local eok, eerr = core.events_to_file(events)
      if not eok then eprintf("vgrun create: --events: %s\n", eerr); return 2 end
      create.claim_events(events)
    end
    if o.make_dir then
      local mok, merr = core.mkdirs(o.make_dir)
      if not mok then eprintf("vgrun create: -o %s: %s\n", as_shown.name(o.output), merr); return 1 end
    end
    -- every output is vgrun's from now on (its folder exists: the record
    -- names its real path)
    if claims then
      local cok2, cerr2 = create.claim(claims, nil, (create.source_of(o, path)))
      if not cok2 then eprintf("vgrun create: %s\n", cerr2); return 1 end
    end
    -- warnings (text shrunk or cut, narration too long...) are shown once each
    local shown = {}
    local say, said = require("vg.cli").warnings(50, "`vgrun check` lists them all")
    local wid = vg.on("validation.warning", function(ev)
      if type(ev.data) == "table" and ev.data.printed then return end  -- already shown
      local m = ev.message or ""
      if m ~= "" and not shown[m] then shown[m] = true; say(as_shown.lines(warning_line(m))) end
    end)
    local t0 = core.hrtime()
    local p = create.pipeline(o)
    local started, r = pcall(p.run, p, path, { task_id = task_id, resume = o.resume,
      fingerprint = fingerprint(o, path, abs, kind) })
    vg.off(wid)
    said()
    if not started then
      -- "already running", a state folder that cannot be written: the
      -- message alone, no traceback
      if type(r) == "table" and r.user then eprintf("vgrun create: %s\n", r.message); return 1 end
      error(r, 0)
    end
    if not r.success then
      if r.status == "cancelled" then eprintf("vgrun create: cancelled (resume with --resume or `vgrun tasks resume %s`)\n", r.task_id); return 130 end
      for _, e in ipairs(r.errors) do eprintf("vgrun create: %s\n", e.message) end
      eprintf("vgrun create: failed (task %s; fix the cause and add --resume to go on)\n", r.task_id)
      return 1
    end
    -- Ctrl-C after the last stage's work was done and recorded: the task is
    -- completed, so said, and the exit code is its own (0), not 130
    if core.interrupted() then
      core.finish_on_interrupt()
      eprintf("vgrun create: interrupted after the work was done: task %s is completed, every output written\n",
        r.task_id)
    end
    -- "wrote X" only for an X that is there: made in this run, or checked
    -- by the resume (size and hash) in this run
    for _, out in ipairs(r.context.outputs or {}) do
      if not core.file_digest(out.path) then
        eprintf("vgrun create: %s is missing after the run (task %s)\n", as_shown.name(tostring(out.path)), r.task_id)
        return 1
      end
    end
    -- every file written, the MP4 first with its figures
    for _, out in ipairs(r.context.outputs or {}) do
      local e = out.encoded or {}
      print(string.format("wrote %s (%.1f s, %d scenes: %d made, %d from cache%s) in %.2f s",
        as_shown.name(out.path), out.timing.duration, #out.timing.scenes, e.scenes_made or 0, e.scenes_cached or 0,
        (e.transitions_made or 0) > 0 and string.format("; %d transition%s", e.transitions_made,
          e.transitions_made == 1 and "" or "s") or "",
        core.hrtime() - t0))
      local also = create.all_written(o, { out.path })
      local list = {}
      for k = 2, #also do
        if file_kind(also[k]) == "file" then list[#list + 1] = as_shown.name(also[k]) end
      end
      if #list > 0 then print("wrote " .. table.concat(list, ", ")) end
    end
    -- parts an earlier run made from this input and this one did not
    local mp4s = {}
    for i, out in ipairs(r.context.outputs or {}) do mp4s[i] = out.path end
    for _, p in ipairs(create.stale_parts(mp4s, (create.source_of(o, path)))) do
      eprintf("vgrun create: warning: %s was made from this input by an earlier run, not by this one "
        .. "(its part is gone or renamed); remove it if it is not wanted\n", p)
    end
    return 0
  end,
}
