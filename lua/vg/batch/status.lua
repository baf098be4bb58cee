-- vg.batch.status: every shard's manifest added up against the plan.
local as_shown = require("vg.shown")
local core = require("vg.core")
local manifest = require("vg.batch.manifest")

local M = {}

--- collect(outdir) -> { total, done, failed, pending, made_scenes,
--- cached_scenes, seconds, shards, failures = {{input, error, shard}},
--- missing = {{input, shard}}, skipped_lines }; or nil, message when the
--- plan or a manifest is there but cannot be read (not a regular file)
function M.collect(outdir)
  local latest, files, skipped, bad = manifest.read_all(outdir)
  local plan, perr = manifest.read_plan(outdir)
  if perr or bad then return nil, perr or bad end
  local s = { total = 0, done = 0, failed = 0, pending = 0, made_scenes = 0, cached_scenes = 0,
    seconds = 0, manifests = files, skipped_lines = skipped, failures = {}, missing = {},
    shards = plan and plan.shards or nil }
  local list = {}
  if plan then
    for _, d in ipairs(plan.documents) do list[#list + 1] = { input = d.input, shard = d.shard } end
  else
    for rel in pairs(latest) do list[#list + 1] = { input = rel } end
    table.sort(list, function(a, b) return a.input < b.input end)
  end
  for _, d in ipairs(list) do
    s.total = s.total + 1
    local r = latest[d.input]
    if r then
      s.seconds = s.seconds + (tonumber(r.seconds) or 0)
      s.made_scenes = s.made_scenes + (math.tointeger(r.made_scenes) or 0)
      s.cached_scenes = s.cached_scenes + (math.tointeger(r.cached_scenes) or 0)
    end
    if r and r.status == "done" then
      s.done = s.done + 1
    elseif r then
      s.failed = s.failed + 1
      s.failures[#s.failures + 1] = { input = d.input, error = r.error or "failed", shard = d.shard }
    else
      s.pending = s.pending + 1
      s.missing[#s.missing + 1] = { input = d.input, shard = d.shard }
    end
  end
  s.seconds = math.floor(s.seconds * 1000 + 0.5) / 1000
  return s
end

function M.text(s)
  local out = { string.format("%d documents: %d done, %d failed, %d pending; scenes %d made, %d from cache; %.1f s of work%s\n",
    s.total, s.done, s.failed, s.pending, s.made_scenes, s.cached_scenes, s.seconds,
    s.shards and string.format(" (%d shard%s)", s.shards, s.shards == 1 and "" or "s") or "") }
  for _, f in ipairs(s.failures) do
    out[#out + 1] = string.format("failed: %s%s: %s\n", as_shown.name(f.input), f.shard and (" (shard " .. f.shard .. ")") or "",
      (as_shown.lines(f.error):gsub("\n", "\n    ")))
  end
  for _, m in ipairs(s.missing) do
    out[#out + 1] = string.format("pending: %s%s\n", as_shown.name(m.input), m.shard and (" (shard " .. m.shard .. ")") or "")
  end
  if s.skipped_lines > 0 then
    out[#out + 1] = string.format("(%d manifest line%s not readable, skipped)\n", s.skipped_lines,
      s.skipped_lines == 1 and "" or "s")
  end
  return table.concat(out)
end

--- `vgrun batch status OUTDIR [--json]`
function M.command(args)
  local outdir, json
  for _, a in ipairs(args) do
    if a == "--json" then json = true
    elseif a == "-h" or a == "--help" then io.write("usage: vgrun batch status OUTDIR [--json]\n"); return 0
    elseif a:sub(1, 1) == "-" then io.stderr:write("vgrun batch status: unknown argument '" .. as_shown.name(a) .. "'\n"); return 2
    elseif outdir then io.stderr:write("vgrun batch status: one OUTDIR\n"); return 2
    else outdir = a end
  end
  if not outdir then io.stderr:write("usage: vgrun batch status OUTDIR [--json]\n"); return 2 end
  local st = core.stat(manifest.dir(outdir))
  if not st or st.type ~= "dir" then
    io.stderr:write(string.format("vgrun batch status: %s holds no batch (no %s)\n", as_shown.name(outdir), manifest.DIR))
    return 1
  end
  local s, err = M.collect(outdir)
  if not s then
    io.stderr:write("vgrun batch status: " .. as_shown.lines(tostring(err)) .. "; the batch's state cannot be read\n")
    return 1
  end
  if json then
    local vg = require("vg")
    s.failures = vg.json.array(s.failures)
    s.missing = vg.json.array(s.missing)
    print(vg.json.encode(s))
  else
    io.write(M.text(s))
  end
  return 0
end

return M
