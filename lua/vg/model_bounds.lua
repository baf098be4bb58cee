-- vg.model_bounds: the counts a scene model (ctx.videos) is held to, as a
-- document read from a file is (vg.core.limits: scenes per video,
-- narration bytes per scene, items per list and videos as keys per
-- mapping). vg.create checks a plug-in's stage with it, vg.pipeline every
-- stage that leaves ctx.videos: a stage that made a million scenes fails
-- at once, by name, instead of a state file of 100 MB written in minutes.
-- Counting uses raw lengths and stops at the first excess: bounded
-- whatever the stage made.
local M = {}

local fmt = string.format

--- over(videos, limits) -> nil, or what exceeds a limit (a message)
function M.over(videos, lim)
  local nv = rawlen(videos)
  if nv > lim.max_keys then return fmt("%d videos: at most %d (limits.max_keys)", nv, lim.max_keys) end
  for vi = 1, nv do
    local v = rawget(videos, vi)
    local scenes = type(v) == "table" and rawget(v, "scenes")
    if type(scenes) == "table" then
      local ns = rawlen(scenes)
      if ns > lim.max_scenes then
        return fmt("videos[%d].scenes: %d scenes: a video may have at most %d (limits.max_scenes)", vi - 1, ns, lim.max_scenes)
      end
      for si = 1, ns do
        local s = rawget(scenes, si)
        local narr = type(s) == "table" and rawget(s, "narration")
        if type(narr) == "string" and #narr > lim.max_narration then
          return fmt("videos[%d].scenes[%d].narration: %d bytes: at most %d (limits.max_narration)", vi - 1, si - 1,
            #narr, lim.max_narration)
        end
        local vc = type(s) == "table" and rawget(s, "visual_content")
        if type(vc) == "table" then
          for k, list in next, vc do
            if type(list) == "table" and rawlen(list) > lim.max_keys then
              return fmt("videos[%d].scenes[%d].visual_content.%s: %d items: at most %d (limits.max_keys)", vi - 1, si - 1,
                tostring(k), rawlen(list), lim.max_keys)
            end
          end
        end
      end
    end
  end
  return nil
end

return M
