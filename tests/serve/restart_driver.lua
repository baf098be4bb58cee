-- Driver of tests/serve/restart.sh: runs the task manager on a data folder.
--   vgrun restart_driver.lua first DATA DOC    submit DOC; SIGKILL itself once
--                                              the video stage has begun
--   vgrun restart_driver.lua sigint DATA DOC   submit DOC twice; SIGINT itself
--                                              in the first one's video stage
--   vgrun restart_driver.lua again DATA ID...  restore, and wait for the tasks
local core = require("vg.core")
local Tasks = require("vg.serve.tasks")

local mode, data = arg[1], arg[2]
local mgr = assert(Tasks.new{ data = data, jobs = 1 })
mgr:restore()
local function say(...) io.stdout:write(table.concat({ ... }, " "), "\n"); io.stdout:flush() end

local waiting, ids = {}, {}
if mode == "first" or mode == "sigint" then
  local doc = assert(io.open(arg[3], "rb")):read("a")
  for i = 1, mode == "first" and 1 or 2 do
    local id, err = mgr:submit{ document = { name = arg[3]:match("[^/]+$"), bytes = doc },
      options = { resolution = "256x144", fps = 10 } }
    if not id then say("error", err); os.exit(1) end
    say("id", id)
    ids[i] = id
  end
  local sig = mode == "first" and 9 or 2
  mgr:subscribe(ids[1], nil, function(ev)
    say("event", ev.id, ev.type, tostring(ev.data.stage))
    if ev.type == "stage.progress" and ev.data.stage == "video" then
      say("signal", sig)
      core.kill(core.getpid(), sig)
    end
  end)
  waiting[ids[1]] = true
else
  for i = 3, #arg do
    local t = mgr:get(arg[i])
    if not t then say("error", "no task " .. tostring(arg[i])); os.exit(1) end
    say("restored", arg[i], t.status)
    ids[#ids + 1] = arg[i]
    waiting[arg[i]] = true
    mgr:subscribe(arg[i], nil, function(ev)
      say("event", ev.id, ev.type, tostring(ev.data.stage))
      if ev.final then say("final", ev.task, ev.type); waiting[ev.task] = nil end
    end)
  end
end
while next(waiting) do
  if not core.run_once() and next(waiting) then
    -- SIGINT ended every task: exit as vgrun does when interrupted
    if core.interrupted() then say("interrupted"); os.exit(130) end
    say("error", "nothing left to run"); os.exit(1)
  end
end
if core.interrupted() then say("interrupted"); os.exit(130) end
local bad = 0
for _, id in ipairs(ids) do
  local t = mgr:get(id) or {}
  say("status", id, tostring(t.status), tostring(t.error))
  if t.status ~= "done" then bad = bad + 1 end
end
os.exit(bad == 0 and 0 or 1)
