-- A plug-in for tests/serve/test_held.py: a stage after `load` that never
-- ends for a document that says HOLD (HOLD CATCH: one that catches every
-- error raised in it), and a listener that never returns, for a document
-- that says LISTEN; any other document passes.
local vg = ...
local function says(ctx, word)
  local f = io.open(ctx.input, "rb")
  if not f then return false end
  local text = f:read("a")
  f:close()
  return text:find(word, 1, true) ~= nil
end
require("vg.create").add_stage(vg.stage { name = "held", run = function(ctx, task)
  if says(ctx, "CATCH") then
    while true do pcall(function() while true do end end) end
  end
  if says(ctx, "HOLD") then
    while true do end
  end
  if says(ctx, "LISTEN") then vg.emit { type = "held.listen", task_id = task.id } end
end }, { after = "load" })
vg.on("held.listen", function() while true do end end)
return vg
