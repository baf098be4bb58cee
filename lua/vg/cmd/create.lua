-- vgrun create: one command from a document to a narrated MP4.
local vg = require("vg")
local core = require("vg.core")
local create = require("vg.create")

local USAGE = [[
usage: vgrun create --from [document:|yaml:|json:|transcript:|set:]PATH [-o OUT.mp4|DIR]
                    [--voice V] [--color C] [--theme light|dark] [--resolution WxH]
                    [--fps N] [--anim-fps N] [--cfr] [--preset P] [--crf N] [--captions srt,vtt,burn]
                    [--split h2] [--duration SECONDS] [--task-id ID] [--resume]
                    [--allow-path DIR]... [--overwrite] [--no-cache] [-j N]
                    [--events PATH] [-q] [--ssml]

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
--resolution: even sizes, the short side 144 to 4320, the long side up to
7680, at most 4:1. --allow-path DIR lets images come from DIR too (by
default only from the document's folder). --anim-fps sets how many new
pictures per second are drawn while something moves (default: every
frame). --preset slides (the default) is x264's veryfast tuned for slides;
any x264 preset name is used as it is. Options are checked before any work:
a bad one is a usage error (exit 2) and starts no task. Narration is plain
text; --ssml reads it as SSML in the safe subset of docs/tts.md (anything
else is refused).
]]

local function eprintf(fmt, ...) io.stderr:write(string.format(fmt, ...)) end

-- A usage error: the reason and where to read more (the whole usage would
-- bury the reason).
local function usage_error(msg)
  eprintf("vgrun create: %s\n%s\n", msg, USAGE:match("^(.-)\n\n"):match("^[^\n]*"))
  eprintf("`vgrun create --help` tells more\n")
  return 2
end

local function parse(args)
  local o, i = { captions = {}, allow_paths = {} }, 1
  local function value(name)
    local v = args[i + 1]
    if v == nil then error({ usage = name .. " needs a value" }) end
    i = i + 2
    return v
  end
  local function number(name, lo, hi, int)
    local s = value(name)
    local v = tonumber(s)
    if not v or v ~= v or v < lo or v > hi or (int and v ~= math.floor(v)) then
      error({ usage = string.format("%s %s: wants a %s from %s to %s", name, s, int and "whole number" or "number", lo, hi) })
    end
    return v
  end
  while i <= #args do
    local a = args[i]
    local k, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    if k then table.insert(args, i + 1, inline); a = k; args[i] = k end
    if a == "--from" then o.from = value(a)
    elseif a == "-o" or a == "--output" then o.output = value(a)
    elseif a == "--voice" then o.voice = value(a)
    elseif a == "--color" or a == "--colour" then o.color = value(a)
    elseif a == "--theme" then o.theme = value(a)
    elseif a == "--resolution" then
      local s = value(a)
      local w, h = s:match("^(%d%d?%d?%d?%d?)[xX](%d%d?%d?%d?%d?)$")
      w, h = math.tointeger(tonumber(w)), math.tointeger(tonumber(h))
      if not w then error({ usage = "--resolution " .. s .. ": wants WxH, like 1920x1080" }) end
      local ok, err = create.check_resolution(w, h)
      if not ok then error({ usage = "--resolution " .. s .. ": " .. err }) end
      o.width, o.height = w, h
    elseif a == "--fps" then o.fps = math.tointeger(number(a, 1, 120, true))
    elseif a == "--anim-fps" then o.anim_fps = math.tointeger(number(a, 1, 120, true))
    elseif a == "--cfr" then o.cfr = true; i = i + 1
    elseif a == "--preset" then o.preset = value(a)
    elseif a == "--crf" then o.crf = math.tointeger(number(a, 0, 51, true))
    elseif a == "--captions" then
      for c in value(a):gmatch("[^,]+") do
        if c ~= "srt" and c ~= "vtt" and c ~= "burn" then error({ usage = "--captions: srt, vtt or burn, not '" .. c .. "'" }) end
        o.captions[c] = true
      end
    elseif a == "--split" then o.split = value(a)
    elseif a == "--duration" then o.duration = number(a, 1, 3600, false)
    elseif a == "--task-id" then o.task_id = value(a)
    elseif a == "--resume" then o.resume = true; i = i + 1
    elseif a == "--no-cache" then o.no_cache = true; i = i + 1
    elseif a == "--ssml" then o.ssml = true; i = i + 1
    elseif a == "--overwrite" then o.overwrite = true; i = i + 1
    elseif a == "-j" or a == "--jobs" then o.jobs = math.tointeger(number(a, 1, 64, true))
    elseif a == "--allow-path" then
      -- the loader compares real paths; a resumed run may start elsewhere
      local d = value(a)
      o.allow_paths[#o.allow_paths + 1] = core.realpath(d) or d
    elseif a == "-h" or a == "--help" then o.help = true; i = i + 1
    elseif not o.from and not a:match("^%-") then o.from = a; i = i + 1
    else error({ usage = "unknown argument '" .. a .. "'" }) end
  end
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
    duration = o.duration, allow_paths = #o.allow_paths > 0 and o.allow_paths or nil })
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
    ["--duration"] = o.duration and tostring(o.duration), ["--voice"] = o.voice, ["--color"] = o.color,
    ["--theme"] = o.theme, ["--resolution"] = o.width and (o.width .. "x" .. o.height),
    ["--fps"] = o.fps and tostring(o.fps), ["--anim-fps"] = o.anim_fps and tostring(o.anim_fps),
    ["--cfr"] = o.cfr and "yes" or nil, ["--ssml"] = o.ssml and "yes" or nil, ["--preset"] = o.preset, ["--crf"] = o.crf and tostring(o.crf),
    ["--captions"] = #caps > 0 and table.concat(caps, ",") or nil,
    ["--allow-path"] = o.allow_paths and #o.allow_paths > 0 and table.concat(o.allow_paths, ":") or nil,
    ["-o"] = o.output and absolute(o.output) or nil,
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
  summary = "make a narrated video (MP4) from a document, YAML, JSON, transcript or set",
  usage = USAGE,
  opens_events = true,   -- after checking that the events file is not an input
  run = function(args)
    local ok, o = pcall(parse, args)
    if not ok then
      if type(o) == "table" and o.usage then return usage_error(o.usage) end
      error(o, 0)
    end
    if o.help then io.write(USAGE); return 0 end
    if not o.from then return usage_error("--from PATH is needed") end
    -- every option that shapes the output, before a task exists
    local cok, cerr = create.check_options(o)
    if not cok then return usage_error(cerr) end
    local prefix, rest = o.from:match("^(%a+):(.+)$")
    local path = o.from
    if prefix and create.FORMATS[prefix] ~= nil then
      path = rest
      o.format = create.FORMATS[prefix] or nil
    end
    local kind, why = file_kind(path)
    if not kind then eprintf("vgrun create: %s: no such file or directory\n", path); return 1 end
    -- the one wording of vg.core.open_regular (which refuses without opening)
    local function refused(p)
      local f, err = core.open_regular(p)
      if f then f:close(); return false end
      eprintf("vgrun create: %s\n", err); return true
    end
    if kind ~= "file" and kind ~= "directory" then
      if kind == "link" then eprintf("vgrun create: %s: a broken link\n", path); return 1 end
      refused(path); return 1
    end
    if kind == "directory" and o.format ~= "set" then
      local ckind = file_kind(path .. "/set_config.yaml")
      if ckind == "file" then o.format = "set"
      elseif ckind and ckind ~= "directory" and refused(path .. "/set_config.yaml") then return 1
      else eprintf("vgrun create: %s is a directory without set_config.yaml\n", path); return 1 end
    end
    -- the output: a .mp4 file in a folder that exists, or a folder
    if o.output then
      local mp4 = create.is_mp4(o.output)
      if mp4 and (o.output:match("([^/]*)$")):lower() == ".mp4" then
        return usage_error(string.format("-o %s: give the file a name (NAME.mp4)", o.output))
      end
      local dir = mp4 and (o.output:match("^(.*)/[^/]*$") or ".") or o.output
      if dir == "" then dir = "/" end
      -- a trailing slash names a folder: it is made (after every check)
      o.make_dir = not mp4 and o.output:match("/$") and not file_kind(dir) and dir or nil
      local dkind = file_kind(dir)
      if dkind ~= "directory" and not o.make_dir then
        -- like a missing input: the file system, not the command line, is wrong
        eprintf("vgrun create: -o %s: the output directory %s %s\n", o.output, dir,
          dkind and "is not a directory" or "does not exist")
        return 1
      end
      if not mp4 and file_kind(o.output) ~= "directory" and not o.make_dir then
        eprintf("vgrun create: -o %s: give a .mp4 file or a directory\n", o.output); return 1
      end
      if mp4 and file_kind(o.output) == "directory" then
        eprintf("vgrun create: -o %s: is a directory\n", o.output); return 1
      end
    end
    local abs = core.realpath(path) or path
    local task_id = o.task_id or ("create-" .. (abs:match("([^/]+)/*$") or "input"):gsub("[^%w._-]", "_"):sub(1, 60)
      .. "-" .. core.sha256(abs, o.output or ""):sub(1, 10))
    local id_ok, id_err = vg.state.check_id(task_id)
    if not id_ok then eprintf("vgrun create: --task-id: %s\n", id_err); return 2 end
    -- nothing vgrun writes may be something it reads
    local claims
    local videos, set_id = preload(path, o)
    o.set_id = set_id
    if videos then
      local outs, nerr = create.output_paths(o, videos, path)
      if not outs then return usage_error(nerr) end
      local inputs = create.input_files(path, videos)
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
      local theirs = not o.overwrite and create.unclaimed(own) or {}
      if #theirs > 0 then
        return usage_error(string.format("the output %s exists and vgrun has no record of making it "
          .. "(move it away, or add --overwrite to replace it%s)", theirs[1],
          #theirs > 1 and string.format("; %d more such files", #theirs - 1) or ""))
      end
      claims = own
    end
    local events = require("vg.cli").events_path
    if events then
      local eok, eerr = core.events_to_file(events)
      if not eok then eprintf("vgrun create: --events: %s\n", eerr); return 2 end
    end
    if o.make_dir then
      local mok, merr = core.mkdirs(o.make_dir)
      if not mok then eprintf("vgrun create: -o %s: %s\n", o.output, merr); return 1 end
    end
    -- every output is vgrun's from now on (its folder exists: the record
    -- names its real path)
    if claims then
      local cok2, cerr2 = create.claim(claims)
      if not cok2 then eprintf("vgrun create: %s\n", cerr2); return 1 end
    end
    -- warnings (text shrunk or cut, narration too long...) are shown once each
    local shown = {}
    local wid = vg.on("validation.warning", function(ev)
      if type(ev.data) == "table" and ev.data.printed then return end  -- already shown
      local m = ev.message or ""
      if m ~= "" and not shown[m] then shown[m] = true; io.stderr:write(warning_line(m)) end
    end)
    local t0 = core.hrtime()
    local p = create.pipeline(o)
    local started, r = pcall(p.run, p, path, { task_id = task_id, resume = o.resume,
      fingerprint = fingerprint(o, path, abs, kind) })
    vg.off(wid)
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
    -- "wrote X" only for an X that is there: made in this run, or checked
    -- by the resume (size and hash) in this run
    for _, out in ipairs(r.context.outputs or {}) do
      if not core.file_digest(out.path) then
        eprintf("vgrun create: %s is missing after the run (task %s)\n", tostring(out.path), r.task_id)
        return 1
      end
    end
    -- every file written, the MP4 first with its figures
    for _, out in ipairs(r.context.outputs or {}) do
      local e = out.encoded or {}
      print(string.format("wrote %s (%.1f s, %d scenes: %d made, %d from cache%s) in %.2f s",
        out.path, out.timing.duration, #out.timing.scenes, e.scenes_made or 0, e.scenes_cached or 0,
        (e.transitions_made or 0) > 0 and string.format("; %d transition%s", e.transitions_made,
          e.transitions_made == 1 and "" or "s") or "",
        core.hrtime() - t0))
      local also = create.all_written(o, { out.path })
      local list = {}
      for k = 2, #also do
        if file_kind(also[k]) == "file" then list[#list + 1] = also[k] end
      end
      if #list > 0 then print("wrote " .. table.concat(list, ", ")) end
    end
    return 0
  end,
}
