-- vgrun tests/serve/fit_stopped.lua [SECONDS]: fits a 40-item scene of a
-- plug-in's scene type whose layout is slow (0.3 s a call), under the run
-- limit `vgrun serve --lua-timeout` sets (SECONDS; none: no limit).
-- Prints "split N" (the scenes the fit made) or "stopped MESSAGE".
local vg = require("vg")
local core = require("vg.core")
local list = require("vg.scenes.list")
local fit = require("vg.create.fit")
local def = {}
for k, v in pairs(list) do def[k] = v end
def.name = "slowlist"
def.layout = function(...)
  local t = core.hrtime()
  while core.hrtime() - t < 0.3 do end
  return list.layout(...)
end
vg.scene_type(def)
local items = {}
for i = 1, 40 do items[i] = "item number " .. i .. " with a few more words to make it longer" end
local video = { id = "v", language = "en", scenes = {
  { id = "s1", scene_type = "slowlist", visual_content = { header = "Many", items = items },
    narration = "Here are many items. " .. table.concat(items, ". ") } } }
if arg[1] then core.set_run_limit(tonumber(arg[1])) end
local ok, err = pcall(fit.video, video, { width = 1280, height = 720 })
core.set_run_limit(0)
if ok then print("split " .. #video.scenes) else print("stopped " .. tostring(err)) end
