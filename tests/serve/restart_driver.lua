-- Driver of tests/serve/restart.sh: runs the task manager on a data folder.
--   vgrun restart_driver.lua first DATA DOC   submit DOC; SIGKILL itself once
--                                             the video stage has begun
--   vgrun restart_driver.lua again DATA ID    restore, and wait for task ID
local vg = require("vg")
local core = require("vg.core")
local Tasks = require("vg.serve.tasks")

local mode, data, what = arg[1], arg[2], arg[3]
local mgr = assert(Tasks.new{ data = data, jobs = 1 })
mgr:restore()
local done = false
local function say(...) io.stdout:write(table.concat({ ... }, " "), "\n"); io.stdout:flush() end

if mode == "first" then
  local doc = assert(io.open(what, "rb")):read("a")
  local id, err = mgr:submit{ document = { name = what:match("[^/]+$"), bytes = doc },
    options = { resolution = "256x144", fps = 10 } }
  if not id then say("error", err); os.exit(1) end
  say("id", id)
  mgr:subscribe(id, nil, function(ev)
    say("event", ev.id, ev.type, tostring(ev.data.stage))
    if ev.type == "stage.progress" and ev.data.stage == "video" then
      say("killing")
      core.kill(core.getpid(), 9)
    end
    if ev.final then done = true end
  end)
else
  local t = mgr:get(what)
  if not t then say("error", "no task " .. tostring(what)); os.exit(1) end
  say("restored", t.status)
  mgr:subscribe(what, nil, function(ev)
    say("event", ev.id, ev.type, tostring(ev.data.stage))
    if ev.final then say("final", ev.type); done = true end
  end)
end
while not done do
  if not core.run_once() and not done then say("error", "nothing left to run"); os.exit(1) end
end
local t = mgr:get(what) or {}
say("status", tostring(t.status), tostring(t.error))
os.exit(t.status == "done" and 0 or 1)
