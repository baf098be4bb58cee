-- vg: the Lua API of vgrun. C offers small primitives (vg.core); the
-- friendly API is written here on top of them, as mpv does.
local core = require("vg.core")
local events = require("vg.events")

local vg = {
  version = core.version,
  null = core.null,          -- JSON null
  object_mt = core.object_mt,
  array_mt = core.array_mt,
  core = core,
}

--- Events -------------------------------------------------------------------
vg.on = events.on
vg.off = events.off
vg.emit = events.emit
vg.event_types = events.types

--- Waiting without blocking (inside stages and tasks) ------------------------
-- vg.sleep(seconds): other tasks go on meanwhile.
vg.sleep = core.sleep
-- vg.spawn(cmd, args, {cwd=, stdin=}) -> {code=, stdout=, stderr=} | nil, err, code
vg.spawn = core.spawn
-- vg.go(fn, ...): runs fn in a new fiber (a coroutine the engine resumes).
vg.go = core.go

--- JSON -------------------------------------------------------------------
vg.json = {
  encode = function(v, opts) return core.json_encode(v, opts and opts.pretty) end,
  decode = core.json_decode,
  null = core.null,
  -- vg.json.array{} / vg.json.object{} mark empty tables unambiguously
  array = function(t) return setmetatable(t or {}, core.array_mt) end,
  object = function(t) return setmetatable(t or {}, core.object_mt) end,
}

--- Pipelines ----------------------------------------------------------------
local pipeline = require("vg.pipeline")
vg.pipeline = pipeline.pipeline
vg.stage = pipeline.stage
vg.native = pipeline.native
vg.wait = pipeline.wait
vg.tasks = pipeline.running
vg.stages = core.stages
vg.state = require("vg.state")

--- vg.scene_type{ name=, layout=function(scene, theme, box, anim) ... end }:
--- a scene type of your own, drawn like the built-in ones (docs/scenes.md).
--- Documents may then use it (`type: NAME`, any fields): input validation
--- accepts it, and `vgrun create` draws it.
function vg.scene_type(def)
  if type(def) ~= "table" then error("vg.scene_type: table expected", 2) end
  if type(def.name) ~= "string" or not def.name:match("^[%w_%-]+$") then
    error("vg.scene_type: name (identifier) expected", 2)
  end
  if type(def.layout) ~= "function" then error("vg.scene_type: layout function expected", 2) end
  local r = require("vg.render").scene_type(def)
  local ok, input_core = pcall(require, "vg.input_core")
  if ok then input_core.add_scene_type(def.name) end
  return r
end

--- vg.video{...}: a video as a Lua table, checked like any input (raises
--- with every problem when invalid). Needs the inputs part.
function vg.video(t, opts) return require("vg.input").video(t, opts) end

-- Modules of other parts (vg.tts, vg.input, vg.render, ...) load on first use.
return setmetatable(vg, {
  __index = function(t, k)
    if type(k) ~= "string" then return nil end
    local ok, mod = pcall(require, "vg." .. k)
    if ok then rawset(t, k, mod); return mod end
    if type(mod) == "string" and not mod:find("module 'vg%." .. k .. "' not found", 1, false) then
      error(mod, 2)
    end
    return nil
  end,
})
