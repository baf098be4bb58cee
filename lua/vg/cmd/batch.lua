-- vgrun batch: many documents, on one machine or a Slurm array, one cache.
local as_shown = require("vg.shown")
local core = require("vg.core")
local create = require("vg.create")
local discover = require("vg.batch.discover")
local shard = require("vg.batch.shard")
local manifest = require("vg.batch.manifest")
local runner = require("vg.batch.run")
local status = require("vg.batch.status")

local USAGE = [==[
usage: vgrun batch INPUT... -o OUTDIR [-j N] [--shard I/N] [--list] [--retry-failed] [--timeout S]
                   [--slurm --shards N [--wait]] [create options...] [-- SBATCH-ARGS...]
       vgrun batch status OUTDIR [--json]

Runs `vgrun create` for every document. INPUTs are files, folders (searched
recursively for .md .markdown .rst .adoc .txt .yaml .yml .json .srt .vtt, not
CMakeLists.txt or requirements*.txt; a folder with set_config.yaml is one set) and @LIST files (one path a line, read from the
list's folder; a line that is absolute or leads out of that folder is
skipped unless it lies in an --allow-path DIR). Outputs mirror the inputs' relative paths under OUTDIR:
docs/guide/intro.md gives OUTDIR/guide/intro.mp4 with its timing, thumbnail
and captions; a set gives the folder OUTDIR/<set>/. -j N documents run at
once, each in a `vgrun create` process of its own; --timeout S stops one
that runs longer than S seconds (it is recorded as failed).

Every result is appended to OUTDIR/.vgrun-batch/manifest-I-of-N.jsonl.
Running the same command again skips documents already done whose inputs,
options and outputs did not change, and makes changed ones again;
--retry-failed runs only documents that failed or never finished.
--shard I/N takes share I (1..N) of the documents: the same list gives the
same shares on every machine, balanced by size; --list prints the share.
--slurm --shards N writes OUTDIR/batch.sbatch (an array job, one task per
share), submits it with sbatch and prints the job id; --wait waits for the
array and exits 1 if any document failed or did not finish. With
--retry-failed only the shares that still have work are submitted.
Arguments after -- go to sbatch. Set VGRUN_CACHE_DIR to a folder every
machine sees to share the cache (docs/batch.md).

create options, given to every document: --voice --color --theme
--resolution --fps --anim-fps --cfr --preset --crf --captions --split
--duration --detail --language --keep-timing (transcripts only)
--ssml --no-cache --allow-path --overwrite, and --plugin FILE
--no-plugins after the command name (see vgrun create --help). A file named
as an INPUT or in a list may be of a type only a plug-in reads.
`vgrun batch status OUTDIR` adds up every share's manifest.
]==]

local CREATE_VALUE = { ["--voice"] = "voice", ["--color"] = "color", ["--colour"] = "color", ["--theme"] = "theme",
  ["--resolution"] = "resolution", ["--fps"] = "fps", ["--anim-fps"] = "anim_fps", ["--preset"] = "preset",
  ["--crf"] = "crf", ["--captions"] = "captions", ["--split"] = "split", ["--duration"] = "duration",
  ["--allow-path"] = "allow_path", ["--detail"] = "detail", ["--language"] = "language" }
local CREATE_FLAG = { ["--cfr"] = "cfr", ["--ssml"] = "ssml", ["--no-cache"] = "no_cache", ["--overwrite"] = "overwrite",
  ["--keep-timing"] = "keep_timing" }

-- every message through shown.lines: a folder's or a list's names are in
-- them, and a name may hold an escape sequence
local function eprintf(fmt, ...) io.stderr:write(as_shown.lines(string.format(fmt, ...))) end

local function usage_error(msg)
  eprintf("vgrun batch: %s\n`vgrun batch --help` tells more\n", msg)
  return 2
end

local function parse(args)
  local o = { inputs = {}, create_args = {}, check = { captions = {}, allow_paths = {} }, sbatch = {} }
  -- plug-ins given before the command name (`vgrun --plugin p.lua batch ...`)
  -- reach every document's create process too, as absolute paths
  local global = require("vg.cli").options or {}
  for _, f in ipairs(global.plugins or {}) do
    o.create_args[#o.create_args + 1] = "--plugin"
    o.create_args[#o.create_args + 1] = core.realpath(f) or f
  end
  if global.no_plugins then o.create_args[#o.create_args + 1] = "--no-plugins" end
  local i = 1
  local function value(name)
    local v = args[i + 1]
    if v == nil then error({ usage = name .. " needs a value" }) end
    i = i + 2
    return v
  end
  local function int(name, lo, hi)
    local s = value(name)
    local v = math.tointeger(tonumber(s))
    if not v or v < lo or v > hi then
      error({ usage = string.format("%s %s: wants a whole number from %d to %d", name, s, lo, hi) })
    end
    return v
  end
  while i <= #args do
    local a = args[i]
    local k, inline = a:match("^(%-%-[%w-]+)=(.*)$")
    if k then table.insert(args, i + 1, inline); a = k; args[i] = k end
    if a == "--" then
      o.sbatch = table.move(args, i + 1, #args, 1, {})
      break
    elseif a == "-o" or a == "--output" then o.outdir = value(a)
    elseif a == "-j" or a == "--jobs" then o.jobs = int(a, 1, 256)
    elseif a == "--shard" then
      local s = value(a)
      local si, sn = shard.parse(s)
      if not si then error({ usage = sn }) end
      o.shard_i, o.shard_n = si, sn
    elseif a == "--shards" then o.shards = int(a, 1, 100000)
    elseif a == "--timeout" then
      local v = value(a)
      o.timeout = tonumber(v)
      if not o.timeout or o.timeout ~= o.timeout or o.timeout <= 0 or o.timeout > 86400 * 7 then
        error({ usage = "--timeout " .. v .. ": wants seconds (more than 0)" })
      end
    elseif a == "--list" then o.list = true; i = i + 1
    elseif a == "--retry-failed" then o.retry_failed = true; i = i + 1
    elseif a == "--slurm" then o.slurm = true; i = i + 1
    elseif a == "--wait" then o.wait = true; i = i + 1
    elseif a == "-h" or a == "--help" then o.help = true; i = i + 1
    elseif a == "--plugin" then
      -- given to every document's create process (the batch itself reads none)
      local v = value(a)
      local st = core.stat(v)
      if not st or st.type ~= "file" then error({ usage = "--plugin " .. v .. ": not a file" }) end
      o.create_args[#o.create_args + 1] = a
      o.create_args[#o.create_args + 1] = core.realpath(v) or v
    elseif a == "--no-plugins" then
      o.create_args[#o.create_args + 1] = a
      i = i + 1
    elseif a == "--audio" then
      -- one recording belongs to one document, not to every document of a batch
      error({ usage = "--audio: a recorded narration belongs to one document; use vgrun create --audio FILE" })
    elseif CREATE_FLAG[a] then
      o.check[CREATE_FLAG[a]] = true
      o.create_args[#o.create_args + 1] = a
      i = i + 1
    elseif CREATE_VALUE[a] then
      local key, v = CREATE_VALUE[a], value(a)
      if key == "resolution" then
        local w, h = v:match("^(%d%d?%d?%d?%d?)[xX](%d%d?%d?%d?%d?)$")
        o.check.width, o.check.height = math.tointeger(tonumber(w)), math.tointeger(tonumber(h))
        if not o.check.width then error({ usage = "--resolution " .. v .. ": wants WxH, like 1920x1080" }) end
      elseif key == "captions" then
        for c in v:gmatch("[^,]+") do o.check.captions[c] = true end
      elseif key == "allow_path" then
        v = core.realpath(v) or v
        o.check.allow_paths[#o.check.allow_paths + 1] = v
      elseif key == "fps" or key == "anim_fps" or key == "crf" or key == "duration" then
        o.check[key] = tonumber(v)
        if o.check[key] == nil then error({ usage = a .. " " .. v .. ": wants a number" }) end
      else
        o.check[key] = v
      end
      o.create_args[#o.create_args + 1] = a
      o.create_args[#o.create_args + 1] = v
    elseif a:sub(1, 1) == "-" then
      error({ usage = "unknown argument '" .. a .. "'" })
    else
      o.inputs[#o.inputs + 1] = a
      i = i + 1
    end
  end
  return o
end

-- A progress line for people at a terminal.
local function progress_bar()
  local drawn = false
  local last = 0
  return function(s, final)
    local now = core.hrtime()
    if not final and now - last < 0.1 and s.running > 0 then return end
    last = now
    if final then
      if drawn then io.stderr:write("\r\27[K") end
      return
    end
    local finished = s.done + s.failed
    local p = s.queued > 0 and finished / s.queued or 1
    local elapsed = now - s.started
    local eta = finished > 0 and elapsed * (s.queued - finished) / finished or nil
    local width = 24
    local fill = math.floor(p * width + 0.5)
    io.stderr:write(string.format("\r\27[K[%s%s] %d/%d done, %d failed, %d running, ETA %s",
      string.rep("#", fill), string.rep(".", width - fill), s.done, s.queued, s.failed, s.running,
      eta and string.format("%d:%02d", math.floor(eta + 0.5) // 60, math.floor(eta + 0.5) % 60) or "--:--"))
    drawn = true
  end
end

-- The batch's own arguments as an array task runs them: absolute paths.
local function task_argv(o, outdir_real)
  local argv = {}
  for _, a in ipairs(o.inputs) do
    if a:sub(1, 1) == "@" then argv[#argv + 1] = "@" .. (core.realpath(a:sub(2)) or a:sub(2))
    else argv[#argv + 1] = core.realpath(a) or a end
  end
  argv[#argv + 1] = "-o"
  argv[#argv + 1] = outdir_real
  if o.jobs then argv[#argv + 1] = "-j"; argv[#argv + 1] = tostring(o.jobs) end
  if o.timeout then argv[#argv + 1] = "--timeout"; argv[#argv + 1] = string.format("%g", o.timeout) end
  for _, a in ipairs(o.create_args) do argv[#argv + 1] = a end
  return argv
end

local function run_slurm(o, docs, outdir_real, options)
  local slurm = require("vg.batch.slurm")
  local n = o.shards
  local logs = manifest.dir(outdir_real) .. "/logs"
  local ok, err = core.mkdirs(logs)
  if not ok then eprintf("vgrun batch: %s\n", tostring(err)); return 1 end
  local exe = core.realpath("/proc/self/exe") or "vgrun"
  local path = outdir_real .. "/batch.sbatch"
  local cfg = { exe = exe, argv = task_argv(o, outdir_real), shards = n, logs = logs, cwd = core.cwd() }
  local placed, perr = slurm.placed(cfg)
  if not placed then eprintf("vgrun batch: %s\n", perr); return 1 end
  local text = slurm.script(cfg)
  ok, err = core.write_atomic(path, text)
  if not ok then eprintf("vgrun batch: %s: %s\n", path, tostring(err)); return 1 end
  local array, script_args
  if o.retry_failed then
    local latest = manifest.read_all(outdir_real)
    local want, list = {}, {}
    for _, d in ipairs(docs) do
      local r = latest[d.rel]
      if not (r and r.status == "done") and not want[d.shard] then want[d.shard] = true; list[#list + 1] = d.shard end
    end
    table.sort(list)
    if #list == 0 then print("vgrun batch: nothing to retry: every document is done"); return 0 end
    local parts = {}
    for k, s in ipairs(list) do parts[k] = tostring(s) end
    array, script_args = table.concat(parts, ","), { "--retry-failed" }
  end
  local job, serr = slurm.submit(path, array, o.sbatch, script_args, placed)
  if not job then eprintf("vgrun batch: %s\n", serr); return 1 end
  print(string.format("submitted job %s (%s of %d shards; script %s)", job, array and ("shards " .. array) or "all", n, path))
  io.stdout:flush()
  if not o.wait then return 0 end
  local states = slurm.wait(job)
  local bad = {}
  for t, st in pairs(states or {}) do
    if st ~= "COMPLETED" then bad[#bad + 1] = string.format("task %d %s", t, st) end
  end
  table.sort(bad)
  if #bad > 0 then eprintf("vgrun batch: job %s: %s\n", job, table.concat(bad, ", ")) end
  -- what counts is what the manifests say, not the exit codes
  local s, serr = status.collect(outdir_real)
  if not s then eprintf("vgrun batch: %s\n", as_shown.lines(tostring(serr))); return 1 end
  io.write(status.text(s))
  if s.failed > 0 or s.pending > 0 then return 1 end
  return 0
end

local function run(args)
  if args[1] == "status" then return status.command(table.move(args, 2, #args, 1, {})) end
  local ok, o = pcall(parse, args)
  if not ok then
    if type(o) == "table" and o.usage then return usage_error(o.usage) end
    error(o, 0)
  end
  if o.help then io.write(require("vg.help").text("batch")); return 0 end
  if #o.inputs == 0 then return usage_error("no INPUT (files, folders or @LIST)") end
  if not o.outdir then return usage_error("-o OUTDIR is needed") end
  if o.outdir == "" then return usage_error("-o wants a folder's name") end
  -- "-" is standard output elsewhere; a folder named "-" is more likely a slip
  if o.outdir == "-" then return usage_error("-o -: batch writes into a folder, not to standard output (./- for a folder named -)") end
  local cok, cerr = create.check_options(o.check)
  if not cok then return usage_error(cerr) end
  if o.slurm and not o.shards then return usage_error("--slurm needs --shards N") end
  if o.shards and not o.slurm then return usage_error("--shards N goes with --slurm (use --shard I/N for one share)") end
  if o.slurm and o.shard_i then return usage_error("--slurm submits every share: leave out --shard") end
  if o.wait and not o.slurm then return usage_error("--wait goes with --slurm") end
  if #o.sbatch > 0 and not o.slurm then return usage_error("arguments after -- go to sbatch: add --slurm") end
  local st = core.stat(o.outdir)
  if st and st.type ~= "dir" then return usage_error("-o " .. o.outdir .. ": not a folder") end
  -- the inputs first: a mistake there makes no folder
  local docs, derr, skipped = discover.list(o.inputs, { exclude = core.realpath(o.outdir),
    allow_paths = o.check.allow_paths })
  if not docs then eprintf("vgrun batch: %s\n", derr); return 1 end
  for _, w in ipairs(skipped or {}) do eprintf("vgrun batch: warning: %s\n", as_shown.lines(w)) end
  if #docs == 0 then eprintf("vgrun batch: no documents found in %s\n", table.concat(o.inputs, " ")); return 1 end
  if not st and not o.list then
    local mok, merr = core.mkdirs(o.outdir)
    if not mok then eprintf("vgrun batch: -o %s: %s\n", o.outdir, tostring(merr)); return 1 end
  end
  local outdir_real = core.realpath(o.outdir) or o.outdir
  for _, d in ipairs(docs) do
    if outdir_real:sub(1, #d.path + 1) == d.path .. "/" then
      return usage_error(string.format("-o %s is inside the set %s", o.outdir, d.path))
    end
  end
  local n = o.slurm and o.shards or o.shard_n or 1
  local i = o.shard_i or 1
  shard.assign(docs, n)
  if o.list then
    for _, d in ipairs(docs) do if d.shard == i then print(as_shown.name(d.rel)) end end
    return 0
  end
  local options = core.sha256(table.concat(o.create_args, "\0") .. "\0" .. core.version)
  local pok, perr = manifest.write_plan(outdir_real, docs, n, options)
  if not pok then eprintf("vgrun batch: %s\n", tostring(perr)); return 1 end
  if o.slurm then return run_slurm(o, docs, outdir_real, options) end

  local state_dir = manifest.dir(outdir_real) .. "/state"
  core.state_dir(state_dir)
  local mine = {}
  for _, d in ipairs(docs) do if d.shard == i then mine[#mine + 1] = d end end
  local previous, _, _, mbad = manifest.read_all(outdir_real)
  -- a manifest that is not a regular file (a FIFO would block the appends)
  if mbad then eprintf("vgrun batch: %s; nothing run\n", as_shown.lines(tostring(mbad))); return 1 end
  local quiet = require("vg.cli").quiet
  require("vg.progress").detach()
  local bar = (not quiet and core.isatty(2)) and progress_bar() or nil
  local host = (io.open("/proc/sys/kernel/hostname") or { read = function() end, close = function() end })
  local hostname = host:read("l"); host:close()
  local s = runner.run(mine, {
    outdir = outdir_real, outdir_real = outdir_real, exe = core.realpath("/proc/self/exe") or "vgrun",
    state_dir = state_dir, create_args = o.create_args, options = options, jobs = o.jobs or 1,
    manifest = manifest.path(outdir_real, i, n), shard = i .. "/" .. n, previous = previous,
    retry_failed = o.retry_failed, host = hostname, progress = bar, timeout = o.timeout,
  })
  if bar then bar(s, true) end
  if core.interrupted() then eprintf("vgrun batch: interrupted (run it again to go on)\n"); return 130 end
  print(string.format("batch%s: %d documents: %d made, %d unchanged, %d failed; scenes %d made, %d from cache; %.1f s",
    n > 1 and (" shard " .. i .. "/" .. n) or "", s.total, s.done, s.skipped, s.failed,
    s.made_scenes, s.cached_scenes, s.wall))
  for _, f in ipairs(s.failures) do
    eprintf("vgrun batch: %s failed: %s\n", as_shown.name(f.input), (as_shown.lines(f.error or "?"):gsub("\n", "\n    ")))
  end
  return s.failed > 0 and 1 or 0
end

return {
  summary = "run create for many documents (folders, lists; locally or as a Slurm array)",
  usage = USAGE,
  -- after the command name these are the documents' (passed on to create)
  own_options = { ["--plugin"] = true, ["--no-plugins"] = true },
  run = run,
}
