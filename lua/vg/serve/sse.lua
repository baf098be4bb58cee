-- vg.serve.sse: Server-Sent Events from the task manager's event streams.
-- Every event has an increasing `id:` (the manager's), so a client that
-- reconnects with Last-Event-ID gets what it missed, each event once; a
-- comment line every few seconds keeps proxies and the client awake and
-- finds clients that went away; a task's stream ends after its final event.
local json = require("vg").json
local M = {}

--- frame(ev) -> the bytes of one event
function M.frame(ev)
  -- compact JSON has no line breaks, so the data is one `data:` line
  local data = json.encode({ id = ev.id, task = ev.task, type = ev.type, data = ev.data,
    final = ev.final or nil })
  return string.format("id: %d\nevent: %s\ndata: %s\n\n", ev.id, ev.type or "message", data)
end

M.HEARTBEAT = ": keep-alive\n\n"

local Hub = {}
Hub.__index = Hub

--- hub{max_per_stream=} -> the set of open streams of one server
function M.hub(o)
  return setmetatable({ streams = {}, per_key = {}, max_per_stream = o.max_per_stream or 200, count = 0 }, Hub)
end

local function close(hub, s)
  if s.closed then return end
  s.closed = true
  if s.unsubscribe then pcall(s.unsubscribe) end
  hub.streams[s.id] = nil
  hub.per_key[s.key] = (hub.per_key[s.key] or 1) - 1
  hub.count = hub.count - 1
end

--- open(req, mgr, task_id|nil, last_id|nil) -> true | nil, status, message
function Hub:open(req, mgr, task_id, last_id)
  local key = task_id or "*"
  if (self.per_key[key] or 0) >= self.max_per_stream then
    return nil, 429, "too many event streams on " .. (task_id and ("task " .. task_id) or "/api/events")
  end
  local s = { id = req:id(), key = key, req = req }
  self.streams[s.id] = s
  self.per_key[key] = (self.per_key[key] or 0) + 1
  self.count = self.count + 1
  req:stream(200, { ["content-type"] = "text/event-stream", ["cache-control"] = "no-store",
    ["x-accel-buffering"] = "no" })
  -- sends the headers at once, and tells EventSource how soon to come back
  req:write("retry: 2000\n\n")
  local ok, unsub, ended = pcall(mgr.subscribe, mgr, task_id, last_id, function(ev)
    if s.closed then return end
    if not req:write(M.frame(ev)) then close(self, s); return end
    if ev.final and task_id then
      req:finish()
      close(self, s)
    end
  end)
  if not ok then
    req:write(M.frame({ id = 0, type = "error", data = { error = tostring(unsub) } }))
    req:finish()
    close(self, s)
    return true
  end
  if s.closed then pcall(unsub) else s.unsubscribe = unsub end
  -- the task has ended and the client already has its final event
  if ended and task_id and not s.closed then
    req:finish()
    close(self, s)
  end
  return true
end

--- gone(req_id): the client of that request went away
function Hub:gone(id)
  local s = self.streams[id]
  if s then close(self, s) end
end

function Hub:heartbeat()
  local list = {}
  for _, s in pairs(self.streams) do list[#list + 1] = s end
  for _, s in ipairs(list) do
    if not s.req:write(M.HEARTBEAT) then close(self, s) end
  end
end

function Hub:close_all()
  local list = {}
  for _, s in pairs(self.streams) do list[#list + 1] = s end
  for _, s in ipairs(list) do s.req:finish(); close(self, s) end
end

return M
