-- vg.batch.run: a batch's documents on one engine loop. Each document is a
-- task whose one stage runs `vgrun create` for it as a child process:
-- documents are untrusted, so a crash or runaway memory in one ends that
-- child only, and no per-process state of the create pipeline (espeak-ng,
-- the renderer's caches) carries from one document to the next. -j
-- workers take documents from one queue.
local vg = require("vg")
local core = require("vg.core")
local manifest = require("vg.batch.manifest")
local discover = require("vg.batch.discover")

local M = {}

local function dirname(p) return p:match("^(.*)/[^/]*$") or "." end

-- The task id of a document's create run: readable, unique per OUTDIR.
function M.task_id(doc)
  local name = (doc.rel:match("([^/]+)$") or "doc"):gsub("[^%w._-]", "_"):gsub("^[._-]+", ""):sub(1, 40)
  if name == "" then name = "doc" end
  return "batch-" .. name .. "-" .. core.sha256(doc.rel):sub(1, 12)
end

-- Where create writes a document's videos: OUTDIR/<rel>.mp4, a set into
-- the folder OUTDIR/<rel>/.
function M.output_of(outdir, doc)
  if doc.kind == "set" then return outdir .. "/" .. doc.rel .. "/" end
  return outdir .. "/" .. discover.out_stem(doc) .. ".mp4"
end

-- A set's list of YAML files: a new one is a change (as create sees it).
local function set_listing(doc)
  if doc.kind ~= "set" then return nil end
  local names = {}
  for _, e in ipairs(core.scandir(doc.path) or {}) do
    if not e.name:match("^%.") and e.name:match("%.ya?ml$") then names[#names + 1] = e.name end
  end
  table.sort(names)
  return core.sha256(table.concat(names, "\n"))
end

--- unchanged(doc, rec, cfg) -> true when the last run made this document
--- with these options from these very files and its outputs are there.
function M.unchanged(doc, rec, cfg)
  if not rec or rec.status ~= "done" or rec.options ~= cfg.options then return false end
  if rec.path ~= doc.path then return false end
  if set_listing(doc) ~= rec.listing then return false end
  if type(rec.inputs) ~= "table" or #rec.inputs == 0 or type(rec.outputs) ~= "table" or #rec.outputs == 0 then
    return false
  end
  for _, f in ipairs(rec.inputs) do
    -- the size first: a changed file is seldom read whole
    local st = core.stat(f.path)
    if not st or st.type ~= "file" or st.size ~= f.size then return false end
    local d = core.file_digest(f.path)
    if not d or d.size ~= f.size or d.sha256 ~= f.sha256 then return false end
  end
  -- outputs by size: hashing every video again would cost more than a run
  for _, f in ipairs(rec.outputs) do
    local p = f.path:sub(1, 1) == "/" and f.path or (cfg.outdir .. "/" .. f.path)
    local st = core.stat(p, true)
    if not st or st.type ~= "file" or st.size ~= f.size then return false end
  end
  return true
end

-- What the child's task state says it read and made (the state folder is
-- the batch's own; the file is still checked by vg.state.load).
local function files_of(task_id, outdir_real)
  local doc = vg.state.load(task_id)
  local ins, outs, seen = {}, {}, {}
  if type(doc) ~= "table" then return ins, outs end
  local prefix = outdir_real .. "/"
  for _, st in ipairs(doc.stages or {}) do
    for _, f in ipairs(st.files or {}) do
      if not seen[f.role .. f.path] then
        seen[f.role .. f.path] = true
        if f.role == "in" then
          ins[#ins + 1] = { path = f.path, size = math.tointeger(f.size), sha256 = f.sha256 }
        else
          local real = core.realpath(f.path) or f.path
          if real:sub(1, #prefix) == prefix then
            outs[#outs + 1] = { path = real:sub(#prefix + 1), size = math.tointeger(f.size), sha256 = f.sha256 }
          end
        end
      end
    end
  end
  table.sort(outs, function(a, b) return a.path < b.path end)
  return ins, outs
end

-- The last lines of the child's stderr: the reason, without the usage hint.
local function reason(res)
  local lines = {}
  for line in (res.stderr or ""):gmatch("[^\n]+") do
    if not line:match("^`vgrun create %-%-help`") and not line:match("^usage: ")
      and not line:match("^vgrun create: failed %(task ") then lines[#lines + 1] = line end
  end
  local text = table.concat(lines, "\n", math.max(1, #lines - 5))
  if text == "" then
    text = res.signal and string.format("vgrun create was killed by signal %d", res.signal)
      or string.format("vgrun create exited with code %d", res.code or -1)
  elseif res.signal then
    text = text .. string.format(" (killed by signal %d)", res.signal)
  end
  if #text > 2000 then text = text:sub(1, 1997) .. "..." end
  return text
end

-- One document: the child, then its record.
local function run_one(doc, cfg)
  local out = M.output_of(cfg.outdir, doc)
  local od = doc.kind == "set" and nil or dirname(out)
  -- a folder under OUTDIR that is a link (elsewhere, or anywhere) is not
  -- made through nor written through
  local below = (od or out:gsub("/$", "")):sub(#cfg.outdir + 2)
  local at = cfg.outdir
  for part in below:gmatch("[^/]+") do
    at = at .. "/" .. part
    local lst = core.stat(at, true)
    if lst and lst.type == "link" then
      return { status = "failed", seconds = 0, made_scenes = 0, cached_scenes = 0, error = string.format(
        "%s is a link; the output folder's folders are not written through", at) }
    end
    if not lst then break end
  end
  if od then
    local ok, err = core.mkdirs(od)
    if not ok then return { status = "failed", error = tostring(err), seconds = 0 } end
  else
    local ok, err = core.mkdirs(dirname(out:gsub("/$", "")))
    if not ok then return { status = "failed", error = tostring(err), seconds = 0 } end
  end
  local id = M.task_id(doc)
  local args = { "create", "--from", (doc.kind == "set" and "set:" or "") .. doc.path, "-o", out,
    "--task-id", id, "--state-dir", cfg.state_dir, "--events", "-", "-q", "--resume" }
  -- --keep-timing is for transcripts: the other documents of a batch have no cue times
  local transcript = doc.kind ~= "set" and (doc.path:lower():match("%.srt$") or doc.path:lower():match("%.vtt$"))
  for _, a in ipairs(cfg.create_args) do
    if a ~= "--keep-timing" or transcript then args[#args + 1] = a end
  end
  local cmd = cfg.exe
  if cfg.timeout then
    -- coreutils' timeout: TERM at the limit, KILL 10 s later; it passes our
    -- own TERM (Ctrl-C, scancel) on to the child
    table.insert(args, 1, cfg.exe)
    for k, a in ipairs({ "--kill-after=10", string.format("%g", cfg.timeout) }) do table.insert(args, k, a) end
    cmd = "timeout"
  end
  local t0 = core.hrtime()
  -- the create dies with the batch (TERM, even when the batch is killed
  -- with SIGKILL; timeout passes it on): a batch killed is a batch stopped
  local res, err = vg.spawn(cmd, args, { die_with_parent = true })
  local secs = core.hrtime() - t0
  if not res then return { status = "failed", error = tostring(err), seconds = secs } end
  if cfg.timeout and (res.code == 124 or res.code == 137) then
    return { status = "failed", seconds = secs, made_scenes = 0, cached_scenes = 0, exit_code = res.code,
      error = string.format("timed out after %g s (--timeout)", cfg.timeout), inputs = {}, outputs = {} }
  end
  local made, cached = 0, 0
  for line in res.stdout:gmatch("[^\n]+") do
    if line:sub(1, 1) == "{" then
      local ev = core.json_decode(line)
      if type(ev) == "table" and ev.type == "video.rendered" and type(ev.data) == "table" then
        made = made + (math.tointeger(ev.data.scenes_made) or 0)
        cached = cached + (math.tointeger(ev.data.scenes_cached) or 0)
      end
    end
  end
  local rec = { status = res.code == 0 and "done" or "failed", seconds = secs, made_scenes = made,
    cached_scenes = cached, exit_code = res.code }
  if res.code ~= 0 then rec.error = reason(res) end
  rec.inputs, rec.outputs = files_of(id, cfg.outdir_real)
  if rec.status == "done" and #rec.outputs == 0 then
    rec.status, rec.error = "failed", "vgrun create reported success but no output is recorded"
  end
  return rec
end

--- run(docs, cfg) -> summary. cfg: outdir, outdir_real, exe, state_dir,
--- create_args, options, jobs, manifest (path), shard ("I/N"), previous
--- (latest record per rel), retry_failed, progress (function(summary)).
function M.run(docs, cfg)
  local summary = { total = #docs, done = 0, skipped = 0, failed = 0, running = 0, made_scenes = 0,
    cached_scenes = 0, seconds = 0, failures = {}, started = core.hrtime() }
  local queue = {}
  for _, d in ipairs(docs) do
    local prev = cfg.previous[d.rel]
    if cfg.retry_failed and prev and prev.status == "done" then
      summary.skipped = summary.skipped + 1
    elseif not cfg.retry_failed and M.unchanged(d, prev, cfg) then
      summary.skipped = summary.skipped + 1
    else
      queue[#queue + 1] = d
    end
  end
  summary.queued = #queue
  local p = vg.pipeline{ name = "batch", stages = { vg.stage{ name = "create", run = function(ctx, task)
    local doc = ctx.input
    task:progress(0, doc.rel)
    local rec = run_one(doc, cfg)
    rec.input, rec.path, rec.kind, rec.shard = doc.rel, doc.path, doc.kind, cfg.shard
    rec.options, rec.listing, rec.time, rec.host = cfg.options, set_listing(doc), core.now(), cfg.host
    local ok, err = manifest.append(cfg.manifest, rec)
    if not ok then io.stderr:write(require("vg.shown").lines(string.format("vgrun batch: %s: %s\n", cfg.manifest, tostring(err)))) end
    ctx.record = rec
    task:emit("batch.document", doc.rel, { input = doc.rel, status = rec.status, seconds = rec.seconds,
      made_scenes = rec.made_scenes, cached_scenes = rec.cached_scenes, error = rec.error })
  end } } }
  local next_i, workers = 1, 0
  local function worker()
    while next_i <= #queue and not core.interrupted() do
      local doc = queue[next_i]
      next_i = next_i + 1
      summary.running = summary.running + 1
      local ok, r = pcall(p.run, p, doc, { save_state = false, task_id = M.task_id(doc) })
      summary.running = summary.running - 1
      local rec = ok and r and r.context and r.context.record
      if rec then
        summary.seconds = summary.seconds + rec.seconds
        summary.made_scenes = summary.made_scenes + (rec.made_scenes or 0)
        summary.cached_scenes = summary.cached_scenes + (rec.cached_scenes or 0)
        if rec.status == "done" then summary.done = summary.done + 1
        else
          summary.failed = summary.failed + 1
          summary.failures[#summary.failures + 1] = { input = doc.rel, error = rec.error }
        end
      end
      if cfg.progress then cfg.progress(summary) end
    end
    workers = workers - 1
  end
  for _ = 1, math.min(cfg.jobs, #queue) do
    workers = workers + 1
    vg.go(worker)
  end
  if cfg.progress then cfg.progress(summary) end
  while workers > 0 do
    if not core.run_once() and workers > 0 then break end
  end
  summary.wall = core.hrtime() - summary.started
  return summary
end

return M
