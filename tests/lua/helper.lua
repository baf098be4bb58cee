-- busted helper: specs run inside vgrun, so require("vg") is the engine's.
-- Specs fail pipelines on purpose; the exit code is busted's, not vgrun's
-- "a pipeline failed" rule.
package.path = "./tests/lua/?.lua;" .. package.path
require("busted").subscribe({ "exit" }, function()
  require("vg.pipeline").failed_tasks = 0
  return nil, true
end)
