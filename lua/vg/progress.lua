-- vg.progress: a progress bar on stderr for people at a terminal: stage
-- name, overall percentage and an ETA from the time spent so far.
local core = require("vg.core")
local events = require("vg.events")
local text = require("vg.text")

local M = {}

local tasks = {}        -- task id -> { started, index, count, progress, stage }
local last_draw = 0
local drawn = false

local function fmt_time(s)
  if s == nil or s ~= s or s == math.huge then return "--:--" end
  s = math.floor(s + 0.5)
  if s >= 3600 then return string.format("%d:%02d:%02d", s // 3600, s % 3600 // 60, s % 60) end
  return string.format("%d:%02d", s // 60, s % 60)
end

local function overall(t)
  if not t.count or t.count == 0 then return 0 end
  local done = math.max(0, (t.index or 0) - 1)
  return math.max(0, math.min(1, (done + (t.progress or 0)) / t.count))
end

local function draw(force)
  local now = core.hrtime()
  if not force and now - last_draw < 0.1 then return end
  last_draw = now
  local line
  for _, t in pairs(tasks) do
    local p = overall(t)
    local elapsed = now - t.started
    local eta = p > 0.02 and elapsed * (1 - p) / p or nil
    local width = 24
    local fill = math.floor(p * width + 0.5)
    line = string.format("[%s%s] %3d%% %s %s%s ETA %s", string.rep("#", fill), string.rep(".", width - fill),
      math.floor(p * 100 + 0.5), t.count and string.format("%d/%d", t.index or 0, t.count) or "",
      t.stage or "", t.message and (": " .. text.cut(t.message, 30)) or "", fmt_time(eta))
    break
  end
  if line then
    io.stderr:write("\r\27[K", line)
    drawn = true
  end
end

local function clear()
  if drawn then io.stderr:write("\r\27[K") end
  drawn = false
end

local function on_event(ev)
  local id = ev.task_id
  if not id then return end
  local t = tasks[id]
  local d = ev.data or {}
  if ev.type == "pipeline.started" then
    tasks[id] = { started = core.hrtime(), count = d.stages, index = 0, progress = 0 }
    draw(true)
  elseif not t then
    return
  elseif ev.type == "stage.started" or ev.type == "stage.skipped" then
    t.index, t.count, t.stage, t.progress, t.message = d.index or t.index, d.count or t.count, ev.stage, ev.type == "stage.skipped" and 1 or 0, nil
    draw(true)
  elseif ev.type == "stage.progress" then
    t.progress, t.message = ev.progress or t.progress, ev.message
    draw(false)
  elseif ev.type == "stage.completed" then
    t.progress = 1
    draw(true)
  elseif ev.type:match("^pipeline%.") then
    tasks[id] = nil
    clear()
  end
end

function M.attach()
  if M.id then return end
  M.id = events.on("*", on_event)
end

function M.detach()
  if M.id then events.off(M.id); M.id = nil; clear() end
end

return M
