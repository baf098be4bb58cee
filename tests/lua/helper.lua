-- busted helper: specs run inside vgrun, so require("vg") is the engine's.
-- Specs fail pipelines on purpose; the exit code is busted's, not vgrun's
-- "a pipeline failed" rule.
package.path = "./tests/lua/?.lua;" .. package.path
require("busted").subscribe({ "exit" }, function()
  local launch = require("vg.pipeline").current_launch()
  if launch then launch.failed = 0 end
  return nil, true
end)
