-- vg.serve.tasks.stream: a task's events, kept in memory (the last few
-- thousand) and appended to events.jsonl in its folder, so a client that
-- comes back with Last-Event-ID after a restart gets what it missed. Each
-- event has an id that increases per task and a global id (gid) that
-- increases over every task; subscribers get a replay, then live events,
-- each once and in order.
local core = require("vg.core")
local shown = require("vg.shown")

local M = {}

M.MAX_EVENTS = 2000      -- per task, in memory
M.MAX_GLOBAL = 5000      -- the all-tasks stream, in memory
M.MAX_LOG_LINES = 50000  -- past this, progress events are no longer logged

-- Reads a task's log: every well-formed event, in order of id. A torn
-- last line (the process was killed while writing it) is skipped.
function M.read_log(path, after)
  local f = io.open(path, "rb")
  if not f then return {}, 0 end
  local list, last = {}, 0
  for line in f:lines() do
    local ok, ev = pcall(core.json_decode, line)
    if ok and type(ev) == "table" and math.type(ev.id) == "integer" and ev.id > last
        and type(ev.type) == "string" then
      last = ev.id
      if not after or ev.id > after then list[#list + 1] = ev end
    end
  end
  f:close()
  return list, last
end

-- Keeps a list to its last `max` entries (halving, so the cost is spread).
function M.trim(list, max)
  if #list > max then
    local drop = #list - max // 2
    table.move(list, drop + 1, #list, 1)
    for i = #list, #list - drop + 1, -1 do list[i] = nil end
  end
end

-- Appends one line, flushed (a kill -9 loses nothing that was written);
-- a log whose last line was torn gets its newline first.
function M.append(t, path, ev)
  if not t.log then
    local f = io.open(path, "rb")
    local torn = false
    if f then
      local size = f:seek("end")
      if size and size > 0 then
        f:seek("set", size - 1)
        torn = f:read(1) ~= "\n"
      end
      f:close()
    end
    t.log = io.open(path, "ab")
    if not t.log then return end
    if torn then t.log:write("\n") end
    t.log_lines = t.log_lines or 0
  end
  if ev.type == "stage.progress" and t.log_lines > M.MAX_LOG_LINES then return end
  local ok, line = pcall(core.json_encode, ev)
  if ok then
    t.log:write(line, "\n")
    t.log:flush()
    t.log_lines = t.log_lines + 1
  end
end

function M.close(t)
  if t.log then t.log:close(); t.log = nil end
end

-- Calls every subscriber of a list (over a snapshot, each under pcall; one
-- that fails is dropped, and said so once).
function M.deliver(subs, ev)
  if not subs or #subs == 0 then return end
  local snap = table.move(subs, 1, #subs, 1, {})
  for _, s in ipairs(snap) do
    if not s.removed then
      local ok, err = pcall(s.fn, ev)
      -- Ctrl-C stopped a busy subscriber: not its fault, it stays
      if not ok and not (core.interrupted() and core.is_interrupt(err)) then
        s.removed = true
        for i, x in ipairs(subs) do if x == s then table.remove(subs, i); break end end
        io.stderr:write(shown.lines("vgrun serve: an event subscriber failed and was removed: " .. tostring(err)), "\n")
      end
    end
  end
end

function M.add(subs, fn)
  local s = { fn = fn }
  subs[#subs + 1] = s
  return function()
    if s.removed then return end
    s.removed = true
    for i, x in ipairs(subs) do if x == s then table.remove(subs, i); break end end
  end
end

return M
