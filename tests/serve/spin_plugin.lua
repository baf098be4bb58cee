-- A plug-in for tests/serve/test_previews.py: a plain-text document that
-- says SPIN is read forever (a reader that never ends, deterministically);
-- one that says CATCH too, catching every error raised in it; any other is
-- one scene.
local vg = require("vg")
require("vg.input").register("txt", function(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  if text:find("CATCH", 1, true) then
    while true do pcall(function() while true do end end) end
  end
  if text:find("SPIN", 1, true) then
    while true do end
  end
  return { title = "Plain", scenes = { { type = "list", header = "Plain", items = { text:sub(1, 60) } } } }
end)
return vg
