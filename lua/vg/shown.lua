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

--- lines(s) -> a message as it may be printed: its control characters as
-- \xNN, its line breaks, tabs and backslashes kept, so the names it holds,
-- already shown by name(), read the same (vg_shown_text)
function M.lines(s)
  return core.shown_text(tostring(s))
end

return M
