-- vg.serve.scrub: what an answer says without the server's own paths. A
-- plug-in's error carries where it was raised ("/srv/vgrun/plugins/
-- reader.lua:3: cannot read it", a traceback's "/usr/share/vgrun/lua/
-- vg/x.lua:12: in function ..."): a remote client is told the file and the
-- line ("reader.lua:3: cannot read it"), never the folders of the server.
local M = {}

-- a path of a Lua file before its line, at the start of the message or
-- after a space, a quote or a bracket (not an address's "https://…"): its
-- folders go
function M.text(s)
  if type(s) ~= "string" then return s end
  local r = (" " .. s):gsub("([%s\"'(])[%w%._%-~]*/[^%s:\"'()]*/([^%s:/\"'()]+%.lua:%d+)", "%1%2")
  return r:sub(2)
end

-- an answer's error and its diagnostics' messages, in place -> the answer
function M.answer(t)
  if type(t) ~= "table" then return t end
  t.error = M.text(t.error)
  if type(t.diagnostics) == "table" then
    for _, d in ipairs(t.diagnostics) do
      if type(d) == "table" then d.message, d.text = M.text(d.message), M.text(d.text) end
    end
  end
  return t
end

return M
