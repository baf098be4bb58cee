-- vg.shown: file names, and messages that hold them, as vgrun prints them
-- to a terminal. Names come from folders and lists someone else made; a
-- name holding ESC ] 0 ; ... BEL would retitle or clear the terminal. So
-- control characters (C0, DEL, C1), bidi overrides and bytes that are not
-- UTF-8 are shown as \xNN, and a backslash as \\ (vg_shown_name in C,
-- which the input stage's "FILE:LINE:COL: ..." lines use too). JSON outputs
-- keep names exact.
local core = require("vg.core")

local M = {}

--- name(s) -> s with its control characters as \xNN, "\" as "\\"
M.name = core.shown_name

--- cut(s, max) -> a name a client gave, as an error message may echo it:
-- shown as name() does, and when longer than max bytes (default 80) its
-- start and its end (where an extension is) around "…", each cut where a
-- character starts (a 4 KB upload name was echoed whole by vgrun serve)
local function char_start(s, i)   -- the index of the character holding byte i
  while i > 1 and (s:byte(i) & 0xC0) == 0x80 do i = i - 1 end
  return i
end
function M.cut(s, max)
  s = tostring(s)
  max = max or 80
  if #s <= max then return core.shown_name(s) end
  local tail = math.min(16, max // 4)
  local head_end = char_start(s, max - tail + 1) - 1
  local tail_start = char_start(s, #s - tail + 1)
  return core.shown_name(s:sub(1, head_end)) .. "…" .. core.shown_name(s:sub(tail_start))
end

--- lines(s) -> a message as it may be printed: its control characters as
-- \xNN, its line breaks, tabs and backslashes kept, so the names it holds,
-- already shown by name(), read the same (vg_shown_text)
function M.lines(s)
  return core.shown_text(tostring(s))
end

return M
