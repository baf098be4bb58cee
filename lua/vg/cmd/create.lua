-- vgrun create: one command from a document to a narrated MP4.
local vg = require("vg")
local core = require("vg.core")
local create = require("vg.create")

local USAGE = [[
usage: vgrun create --from [document:|yaml:|json:|transcript:|set:]PATH [-o OUT.mp4|DIR]
                    [--voice V] [--color C] [--theme light|dark] [--resolution WxH]
                    [--fps N] [--anim-fps N] [--cfr] [--preset P] [--crf N] [--captions srt,vtt,burn]
                    [--split h2] [--duration SECONDS] [--task-id ID] [--resume]
                    [--no-cache] [-j N] [--events PATH]

Writes OUT.mp4 (H.264 + AAC, a chapter per scene), OUT.timing.json, a
thumbnail OUT.png, and OUT.srt / OUT.vtt with --captions. The input type
comes from the prefix, else from the extension. A set gives one MP4 per
video, into DIR (or beside OUT). --anim-fps sets how many new pictures per
second are drawn while something moves (default: every frame). --preset
slides (the default) is x264's veryfast tuned for slides; any x264 preset
name is used as it is.
]]

local function eprintf(fmt, ...) io.stderr:write(string.format(fmt, ...)) end

local function usage_error(msg)
  eprintf("vgrun create: %s\n%s", msg, USAGE)
  return 2
end

local function parse(args)
  local o, i = { captions = {} }, 1
  local function value(name)
    local v = args[i + 1]
    if v == nil then error({ usage = name .. " needs a value" }) end
    i = i + 2
    return v
  end
  local function number(name, lo, hi, int)
    local s = value(name)
    local v = tonumber(s)
    if not v or v < lo or v > hi or (int and v ~= math.floor(v)) then
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
      local w, h = s:match("^(%d+)[xX](%d+)$")
      w, h = tonumber(w), tonumber(h)
      if not w or w < 16 or h < 16 or w > 7680 or h > 4320 or w % 2 == 1 or h % 2 == 1 then
        error({ usage = "--resolution " .. s .. ": wants WxH, even numbers, up to 7680x4320" })
      end
      o.width, o.height = w, h
    elseif a == "--fps" then o.fps = number(a, 1, 120, true)
    elseif a == "--anim-fps" then o.anim_fps = number(a, 1, 120, true)
    elseif a == "--cfr" then o.cfr = true; i = i + 1
    elseif a == "--preset" then
      o.preset = value(a)
      local ok = { slides = 1, ultrafast = 1, superfast = 1, veryfast = 1, faster = 1, fast = 1, medium = 1, slow = 1, slower = 1, veryslow = 1 }
      if not ok[o.preset] then error({ usage = "--preset " .. o.preset .. ": slides (the default) or an x264 preset: ultrafast superfast veryfast faster fast medium slow slower veryslow" }) end
    elseif a == "--crf" then o.crf = number(a, 0, 51, true)
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
    elseif a == "-j" or a == "--jobs" then o.jobs = number(a, 1, 64, true)
    elseif a == "--events" then o.events = value(a)
    elseif a == "-h" or a == "--help" then o.help = true; i = i + 1
    elseif not o.from and not a:match("^%-") then o.from = a; i = i + 1
    else error({ usage = "unknown argument '" .. a .. "'" }) end
  end
  return o
end

-- "file", "directory", "special" (FIFO, socket, device: never opened, a
-- FIFO would block forever) or nil; then the reason.
local function file_kind(path)
  local f, err, kind = core.open_regular(path)
  if f then f:close(); return "file" end
  if kind == "directory" or kind == "special" then return kind, err end
  return nil, err
end

return {
  summary = "make a narrated video (MP4) from a document, YAML, JSON, transcript or set",
  usage = USAGE,
  run = function(args)
    local ok, o = pcall(parse, args)
    if not ok then
      if type(o) == "table" and o.usage then return usage_error(o.usage) end
      error(o, 0)
    end
    if o.help then io.write(USAGE); return 0 end
    if not o.from then return usage_error("--from PATH is needed") end
    local prefix, rest = o.from:match("^(%a+):(.+)$")
    local path = o.from
    if prefix and create.FORMATS[prefix] ~= nil then
      path = rest
      o.format = create.FORMATS[prefix] or nil
    end
    local kind, why = file_kind(path)
    if not kind then eprintf("vgrun create: %s: no such file or directory\n", path); return 1 end
    if kind == "special" then eprintf("vgrun create: %s\n", why); return 1 end
    if kind == "directory" and o.format ~= "set" then
      local ckind, cwhy = file_kind(path .. "/set_config.yaml")
      if ckind == "file" then o.format = "set"
      elseif ckind == "special" then eprintf("vgrun create: %s\n", cwhy); return 1
      else eprintf("vgrun create: %s is a directory without set_config.yaml\n", path); return 1 end
    end
    -- the output: a file or a directory that exists and is not the input
    if o.output then
      local dir = o.output:match("%.mp4$") and (o.output:match("^(.*)/[^/]*$") or ".") or o.output
      if file_kind(dir) ~= "directory" then
        eprintf("vgrun create: output directory %s does not exist\n", dir); return 1
      end
      local a, b = core.realpath(path), core.realpath(o.output)
      if a and b and a == b then eprintf("vgrun create: the output %s is the input\n", o.output); return 1 end
      if not o.output:match("%.mp4$") and file_kind(o.output) == "file" then
        eprintf("vgrun create: -o %s: give a .mp4 file or a directory\n", o.output); return 1
      end
    end
    if o.events then
      local eok, err = core.events_to_file(o.events)
      if not eok then eprintf("vgrun create: --events: %s\n", err); return 2 end
    end
    local abs = core.realpath(path) or path
    local task_id = o.task_id or ("create-" .. (abs:match("([^/]+)/*$") or "input"):gsub("[^%w._-]", "_"):sub(1, 60)
      .. "-" .. core.sha256(abs, o.output or ""):sub(1, 10))
    if not vg.state.valid_id(task_id) then
      eprintf("vgrun create: invalid task id '%s': use 1 to 128 of A-Z a-z 0-9 . _ -\n", task_id); return 2
    end
    -- warnings (text shrunk or cut, narration too long...) are shown once each
    local shown = {}
    local wid = vg.on("validation.warning", function(ev)
      local m = ev.message or ""
      if m ~= "" and not shown[m] then shown[m] = true; io.stderr:write("vgrun: warning: ", m, "\n") end
    end)
    local t0 = core.hrtime()
    local p = create.pipeline(o)
    local r = p:run(path, { task_id = task_id, resume = o.resume })
    vg.off(wid)
    if not r.success then
      if r.status == "cancelled" then eprintf("vgrun create: cancelled (resume with --resume or `vgrun tasks resume %s`)\n", r.task_id); return 130 end
      for _, e in ipairs(r.errors) do eprintf("vgrun create: %s\n", e.message) end
      eprintf("vgrun create: failed (task %s; fix the cause and add --resume to go on)\n", r.task_id)
      return 1
    end
    for _, out in ipairs(r.context.outputs or {}) do
      local e = out.encoded or {}
      print(string.format("wrote %s (%.1f s, %d scenes: %d made, %d from cache%s) in %.2f s",
        out.path, out.timing.duration, #out.timing.scenes, e.scenes_made or 0, e.scenes_cached or 0,
        (e.transitions_made or 0) > 0 and string.format("; %d transition%s", e.transitions_made,
          e.transitions_made == 1 and "" or "s") or "",
        core.hrtime() - t0))
    end
    return 0
  end,
}
