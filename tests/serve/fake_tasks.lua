-- A stand-in for vg.serve.tasks (the contract's interface, /docs/serve.md),
-- for the HTTP tests only: it renders nothing. A task's events are emitted
-- when the test asks (POST /api/tasks/ID/resume), so a test can connect its
-- clients first; each event carries the wall time it was emitted (for the
-- event-latency bench). The real manager's own tests live beside it.
local vg = require("vg")
local core = require("vg.core")

local Tasks = {}
Tasks.__index = Tasks

local EVENTS = tonumber(os.getenv("VGRUN_FAKE_EVENTS") or "") or 50

function Tasks.new(o)
  local self = setmetatable({ data = o.data, tasks = {}, order = {}, subs = {}, next_sub = 0,
    global = {}, global_id = 0, n = 0 }, Tasks)
  core.mkdirs(o.data .. "/tasks")
  return self
end

function Tasks:restore() end

local function publish(self, t, type_, data, final)
  t.last_id = t.last_id + 1
  local ev = { id = t.last_id, task = t.id, type = type_, data = data, final = final or nil }
  t.events[#t.events + 1] = ev
  self.global_id = self.global_id + 1
  local gev = { id = self.global_id, task = t.id, type = type_, data = data, final = final or nil }
  self.global[#self.global + 1] = gev
  -- a snapshot: a subscriber may unsubscribe while we deliver
  local list = {}
  for _, s in pairs(self.subs) do list[#list + 1] = s end
  table.sort(list, function(a, b) return a.n < b.n end)
  for _, s in ipairs(list) do
    if self.subs[s.n] then
      if s.task == t.id then s.fn(ev) elseif s.task == nil then s.fn(gev) end
    end
  end
end

function Tasks:submit(req)
  local doc = req.document
  if type(doc) ~= "table" then return nil, "document expected" end
  if doc.text and doc.text:find("BROKEN", 1, true) then
    return nil, "the document has 1 error", { { file = "document.md", line = 1, col = 1, severity = "error",
      message = "broken", text = "document.md:1:1: broken" } }
  end
  self.n = self.n + 1
  local id = string.format("t%04d", self.n)
  local t = { id = id, status = "queued", created = core.now(), name = doc.name or "text", options = req.options,
    stages = {}, progress = 0, scenes = {}, outputs = {}, warnings = {}, events = {}, last_id = 0 }
  self.tasks[id] = t
  table.insert(self.order, 1, id)
  local dir = self.data .. "/tasks/" .. id .. "/out"
  core.mkdirs(dir)
  -- a "video" of known bytes, for the files route
  local bytes = {}
  for i = 0, 99999 do bytes[#bytes + 1] = string.char(i % 251) end
  core.write_atomic(dir .. "/video.mp4", table.concat(bytes))
  -- a part named by a title in another script (stages/input/file_names.c)
  core.write_atomic(dir .. "/video-02-はじめに.mp4", "part two")
  t.outputs = { "video.mp4", "video-02-はじめに.mp4" }
  return id
end

local function summary(t)
  return { id = t.id, status = t.status, created = t.created, name = t.name, progress = t.progress }
end

function Tasks:list(status)
  local out = {}
  for _, id in ipairs(self.order) do
    local t = self.tasks[id]
    if not status or t.status == status then out[#out + 1] = summary(t) end
  end
  return out
end

function Tasks:get(id)
  local t = self.tasks[id]
  if not t then return nil end
  return { id = t.id, status = t.status, created = t.created, name = t.name, progress = t.progress,
    stages = vg.json.array(t.stages), scenes = vg.json.array(t.scenes), outputs = t.outputs,
    warnings = vg.json.array(t.warnings) }
end

function Tasks:cancel(id)
  local t = self.tasks[id]
  if not t then return nil, "no task " .. id end
  if t.status == "done" then return nil, "task " .. id .. " is done" end
  t.status = "cancelled"
  publish(self, t, "task.cancelled", {}, true)
  return true
end

-- resume: emits the task's events, one per loop turn, then the final one
function Tasks:resume(id)
  local t = self.tasks[id]
  if not t then return nil, "no task " .. id end
  if t.status == "running" or t.status == "done" then return nil, "task " .. id .. " is " .. t.status end
  t.status = "running"
  -- options.events, .pad (bytes of padding per event), .pace (seconds between
  -- events): for the
  -- tests of a slow client
  local n = math.tointeger(tonumber(t.options and t.options.events)) or EVENTS
  local pad = string.rep("x", math.tointeger(tonumber(t.options and t.options.pad)) or 0)
  local pace = tonumber(t.options and t.options.pace) or 0
  core.go(function()
    for i = 1, n - 1 do
      t.progress = i / n
      publish(self, t, "stage.progress", { stage = "video", progress = t.progress, emitted = core.now(),
        pad = #pad > 0 and pad or nil })
      vg.sleep(pace)
    end
    t.status = "done"
    t.progress = 1
    publish(self, t, "task.done", { emitted = core.now() }, true)
  end)
  return true
end

function Tasks:delete(id)
  if not self.tasks[id] then return nil, "no task " .. id end
  self.tasks[id] = nil
  for i, v in ipairs(self.order) do if v == id then table.remove(self.order, i) break end end
  os.remove(self.data .. "/tasks/" .. id .. "/out/video.mp4")
  return true
end

function Tasks:file(id, name)
  local t = self.tasks[id]
  if not t then return nil end
  for _, o in ipairs(t.outputs) do
    if o == name then return self.data .. "/tasks/" .. id .. "/out/" .. name end
  end
end

function Tasks:subscribe(id, last, fn)
  self.next_sub = self.next_sub + 1
  local n = self.next_sub
  local list = id and self.tasks[id].events or self.global
  for _, ev in ipairs(list) do
    if not last or ev.id > last then fn(ev) end
  end
  self.subs[n] = { n = n, task = id, fn = fn }
  return function() self.subs[n] = nil end
end

function Tasks:shutdown() self.stopped = true end

return Tasks
