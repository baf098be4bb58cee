-- A plug-in for tests/serve/test_plugin_paths.py: a reader of plain text
-- that fails, its error raised where it is (Lua names this file's path).
local vg = require("vg")
require("vg.input").register("txt", function(path)
  error("this reader cannot read it")
end)
return vg
