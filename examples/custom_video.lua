-- examples/custom_video.lua: your own video pipeline. It takes the stages of
-- `vgrun create` (lua/vg/create/init.lua) and adds a Lua stage of yours after the
-- document is read: here, every title and header in upper case.
--   build/vgrun examples/custom_video.lua [INPUT] [OUT.mp4]
local vg = require("vg")
local create = require("vg.create")

local input = arg[1] or "examples/demo.md"
local out = arg[2] or "custom.mp4"

local shout = vg.stage{ name = "shout", run = function(ctx, task)
  for _, video in ipairs(ctx.videos) do
    for _, scene in ipairs(video.scenes) do
      local vc = scene.visual_content or {}
      for _, field in ipairs({ "title", "header", "main_text" }) do
        if type(vc[field]) == "string" then vc[field] = vc[field]:upper() end
      end
    end
  end
  task:progress(1, "titles in upper case")
end }

local stages = {}
for _, st in ipairs(create.pipeline{ output = out, width = 1280, height = 720 }.stages) do
  stages[#stages + 1] = st
  if st.name == "load" then stages[#stages + 1] = shout end
end

vg.on("video.rendered", function(ev) print("rendered " .. ev.message) end)
local r = vg.pipeline{ name = "custom-video", stages = stages }:run(input, { task_id = "custom-video" })
if not r.success then
  for _, e in ipairs(r.errors) do io.stderr:write(e.message, "\n") end
  return 1
end
print("chapters: " .. #r.context.outputs[1].timing.scenes)
