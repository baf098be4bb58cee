-- vg.events: Lua listeners. C delivers every event here once (vg.core
-- set_dispatch); each listener runs under pcall over a snapshot, so one bad
-- listener cannot stop the others and listeners may (un)subscribe freely.
local core = require("vg.core")
local shown = require("vg.shown")

local M = {}

-- The event types every part may emit (the 15 of the system we replace,
-- plus cancellation, skipping and retrying).
M.types = {
  "pipeline.started", "pipeline.completed", "pipeline.failed", "pipeline.cancelled",
  "stage.started", "stage.progress", "stage.completed", "stage.failed",
  "stage.skipped", "stage.retrying",
  "validation.warning", "validation.error",
  "audio.generating", "audio.generated",
  "video.rendering", "video.rendered",
  "state.saved", "state.restored",
}

local listeners = {}   -- list of { id, type, fn }
local next_id = 1

-- One line per failure: where the listener broke, not the dispatch frames.
local function report(l, ev, err)
  l.failures = (l.failures or 0) + 1
  if l.failures > 3 then
    if l.failures == 4 then
      io.stderr:write(shown.lines(string.format("vgrun: listener for %s keeps failing; not reporting it again\n", l.type)))
    end
    return
  end
  io.stderr:write(shown.lines(string.format("vgrun: listener for %s failed on %s: %s\n",
    l.type, ev.type, tostring(err))))
end

local function dispatch(ev)
  local snap = table.move(listeners, 1, #listeners, 1, {})
  for _, l in ipairs(snap) do
    if not l.removed and (l.type == "*" or l.type == ev.type) then
      local ok, err = pcall(l.fn, ev)
      if not ok and core.is_overrun(err) then
        -- the server's watch stopped a listener that never returned: it
        -- would hold the loop again at the next event, so it goes
        M.off(l.id)
        io.stderr:write(shown.lines(string.format("vgrun: listener for %s stopped and removed: %s\n",
          l.type, tostring(err))))
      -- Ctrl-C stopped a busy listener: the user knows, no failure to report
      elseif not ok and not (core.interrupted() and core.is_interrupt(err)) then report(l, ev, err) end
    end
  end
end
core.set_dispatch(dispatch)

--- vg.on(type, fn) -> id. type "*" receives every event.
function M.on(etype, fn)
  assert(type(etype) == "string", "vg.on: event type (string) expected")
  assert(type(fn) == "function" or (getmetatable(fn) or {}).__call, "vg.on: function expected")
  local id = next_id
  next_id = next_id + 1
  listeners[#listeners + 1] = { id = id, type = etype, fn = fn }
  return id
end

--- vg.off(id)
function M.off(id)
  for i, l in ipairs(listeners) do
    if l.id == id then l.removed = true; table.remove(listeners, i); return true end
  end
  return false
end

--- vg.emit{type=, task_id=, stage=, progress=, message=, data=}
function M.emit(ev)
  assert(type(ev) == "table" and type(ev.type) == "string", "vg.emit: {type=...} expected")
  core.emit(ev)
end

return M
