-- bench/serve/tasks_overhead.lua: what running a document as a server task
-- costs over `vgrun create` on the same document with the same options.
--   vgrun bench/serve/tasks_overhead.lua [DOC] [WxH]
-- Cold: a fresh cache for each side; warm: the same cache again. Prints
-- seconds per run (wall clock, from submit to the final event for the
-- task; the whole process for vgrun create), and the events kept per task.
local vg = require("vg")
local core = require("vg.core")
local Tasks = require("vg.serve.tasks")

local doc = arg[1] or "tests/create/small.yaml"
local res = arg[2] or "640x360"
local vgrun = (os.getenv("VGRUN_BUILD_DIR") or "build") .. "/vgrun"
local ext = doc:match("%.(%w+)$")
local bytes = assert(io.open(doc, "rb")):read("a")
local tmp = os.tmpname(); os.remove(tmp); assert(core.mkdirs(tmp))

local function create_run(cache, n)
  local out = string.format("%s/create-%d", tmp, n)
  assert(core.mkdirs(out))
  assert(core.write_atomic(out .. "/doc." .. ext, bytes))
  local t0 = core.hrtime()
  local r = assert(vg.spawn("env", { "VGRUN_CACHE_DIR=" .. cache, vgrun, "create", "--from", out .. "/doc." .. ext,
    "-o", out .. "/v.mp4", "--resolution", res, "--captions", "srt,vtt", "-q" }))
  assert(r.code == 0, r.stderr)
  return core.hrtime() - t0
end

-- the manager in this process; the cache folder is this process's, so
-- the cold run points the engine at a fresh one first
local function task_run(mgr)
  local t0 = core.hrtime()
  local id = assert(mgr:submit{ document = { name = "doc." .. ext, bytes = bytes }, options = { resolution = res } })
  local final
  mgr:subscribe(id, nil, function(ev) if ev.final then final = ev end end)
  while not final do core.run_once() end
  assert(final.type == "pipeline.completed", final.data.message)
  return core.hrtime() - t0, mgr:get(id)
end

local cache_c = tmp .. "/cache-create"
local cold_c = create_run(cache_c, 1)
local warm_c = create_run(cache_c, 2)
local mgr = assert(Tasks.new{ data = tmp .. "/data", jobs = 1 })
local cold_t, t = task_run(mgr)   -- the engine's cache: VGRUN_CACHE_DIR of this process
local warm_t = task_run(mgr)
print(string.format("document %s at %s, %d scenes", doc, res, #t.scenes))
print(string.format("vgrun create      cold %.2f s  warm %.2f s", cold_c, warm_c))
print(string.format("server task       first %.2f s  again %.2f s  (%d events kept)", cold_t, warm_t, t.events))
mgr:shutdown()
vg.spawn("rm", { "-rf", tmp })
