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

-- A path in the validator's message (a cycle makes one of any length) is
-- cut in its middle; the message is the validator's own, not its wrapper.
local function plain(why)
  why = tostring(why)
  why = why:match("^bad argument #1 to '[^']*' %((.*)%)$") or why
  if #why > 300 then why = why:sub(1, 140) .. " ... " .. why:sub(-140) end
  return why
end

--- problems(videos, limits) -> nil, or what makes the scene model one vgrun
--- cannot use (a message): the counts above, then the loader's validator
--- as a document read from a file meets it (types, NaN and infinite
--- numbers, cycles, functions, depth; plug-ins' scene types known). A
--- metatable whose methods raise is an error here, not in a native stage.
--- limits: the task's, or nil for vg.core.limits().
function M.problems(videos, limits)
  local lim = limits or require("vg.core").limits()
  if type(videos) ~= "table" then return fmt("videos: a list expected, got %s", type(videos)) end
  if rawlen(videos) == 0 then return "videos: no videos" end
  local over = M.over(videos, lim)
  if over then return over end
  local has, input_core = pcall(require, "vg.input_core")
  if not has then return nil end   -- vg.so without the inputs part: the counts only
  local ok, why, diags = pcall(input_core.from_table, { videos = videos }, { limits = limits, narrate = false })
  if not ok then return plain(why) end
  local errors = {}
  for _, d in ipairs(diags) do
    -- (a scene without a type is one a pipeline may leave for stages that
    -- draw nothing, speech alone: the stage that draws it says so)
    if d.severity == "error" and not tostring(d.text):find("missing scene type", 1, true) then
      errors[#errors + 1] = plain(d.text)
      if #errors == 5 then break end
    end
  end
  if #errors > 0 then return table.concat(errors, "; ") end
  return M.odd_metatable(videos)
end

-- A scene model is plain data: a table with a metatable (other than the
-- JSON marks vg.json.array/object) would run its methods (__index,
-- __tostring, __gc, __len...) in whatever reads it later; the validator
-- reads raw. Walked after the validator, which refused cycles and depth.
function M.odd_metatable(videos)
  local core = require("vg.core")
  local plain_mt = { [core.array_mt] = true, [core.object_mt] = true }
  local function walk(t, path, depth)
    local mt = debug.getmetatable(t)
    if mt ~= nil and not plain_mt[mt] then return path .. ": a table with a metatable (plain data expected)" end
    if depth > 200 then return nil end
    for k, v in next, t do
      if type(v) == "table" then
        local sub = math.type(k) == "integer" and fmt("%s[%d]", path, k - 1) or (path .. "." .. tostring(k))
        local why = walk(v, #sub > 200 and path or sub, depth + 1)
        if why then return why end
      end
    end
    return nil
  end
  return walk(videos, "videos", 0)
end

return M
