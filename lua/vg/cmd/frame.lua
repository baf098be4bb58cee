-- vgrun frame INPUT: renders one frame of a scene (or a contact sheet of
-- all scenes) to PNG, for a quick look without encoding a video. Issue 5.
local USAGE = [[
usage: vgrun frame INPUT --scene N [options] [-o OUT.png]
       vgrun frame INPUT --sheet [options] [-o OUT.png]

Renders scene N (1-based, across all videos of INPUT) as it looks at
--at SECONDS (default: the moment it is fully revealed), or a contact sheet
of every scene. INPUT is anything `vgrun scenes` reads.

options:
  --scene N            which scene (1-based)
  --at SECONDS         time within the scene (default: fully revealed)
  --sheet              every scene, fully revealed, in a grid
  --theme light|dark   theme (default: the video's, else light)
  --color NAME         accent: blue purple orange green pink cyan, or #rrggbb
  --resolution WxH     output size (default 1920x1080; sheet: 2560 wide)
  --types FILE.lua     run FILE first (it may register vg.render.scene_type{...})
  -o, --output PATH    PNG to write (default: frame-N.png / sheet.png)
  -h, --help           this help

Text that had to be shrunk or cut is reported on standard error (and as
validation.warning events).
exit codes: 0 written, 1 error (unreadable input, unknown scene type, ...),
            2 usage error
]]

local function eprintf(fmt, ...) io.stderr:write(string.format(fmt, ...)) end

-- Input files are data: read by the input adapters only (a Lua file is a
-- script, not an input; scene types written in Lua come with --types).
local function load_model(path)
  local ok, input = pcall(require, "vg.input")
  if not ok then return nil, "reading " .. path .. " needs the input adapters: " .. tostring(input) end
  local model, diags = input.load(path)
  local errors = {}
  for _, d in ipairs(diags or {}) do
    -- Unknown scene types are reported below, naming the scene; other errors
    -- are the document's and are shown as they are.
    if d.severity == "error" then errors[#errors + 1] = d.text or d.message end
  end
  if not model then
    return nil, #errors > 0 and table.concat(errors, "\n") or ("cannot read " .. path)
  end
  return model, nil, errors
end

local function run(args)
  local o = {}
  for a, next_value in require("vg.args").each(args) do
    local function value()
      local v = next_value()
      if v == nil then
        eprintf("vgrun frame: %s needs a value\n", a)
        os.exit(2)
      end
      return v
    end
    if a == "-h" or a == "--help" then io.write(USAGE); return 0
    elseif a == "--scene" then o.scene = math.tointeger(tonumber(value()))
      if not o.scene or o.scene < 1 then eprintf("vgrun frame: --scene takes a number from 1\n"); return 2 end
    elseif a == "--at" then o.at = tonumber(value())
      if not o.at or o.at < 0 then eprintf("vgrun frame: --at takes seconds (>= 0)\n"); return 2 end
    elseif a == "--sheet" then o.sheet = true
    elseif a == "--theme" then o.theme = value()
      if o.theme ~= "light" and o.theme ~= "dark" then
        eprintf("vgrun frame: --theme takes light or dark\n"); return 2
      end
    elseif a == "--color" or a == "--colour" or a == "--accent" then o.color = value()
    elseif a == "--resolution" or a == "--size" then
      local w, h = value():match("^(%d+)[xX](%d+)$")
      o.width, o.height = tonumber(w), tonumber(h)
      if not o.width or o.width < 16 or o.height < 16 or o.width > 8192 or o.height > 8192 then
        eprintf("vgrun frame: --resolution takes WxH, e.g. 1920x1080\n"); return 2
      end
    elseif a == "--types" then o.types = value()
    elseif a == "-o" or a == "--output" then o.out = value()
    elseif a:sub(1, 1) == "-" and #a > 1 then
      eprintf("vgrun frame: unknown option '%s'\n%s", a, USAGE); return 2
    elseif o.input then eprintf("vgrun frame: one INPUT at a time\n"); return 2
    else o.input = a end
  end
  if not o.input then eprintf("vgrun frame: no INPUT given\n%s", USAGE); return 2 end
  if not o.scene and not o.sheet then eprintf("vgrun frame: give --scene N or --sheet\n"); return 2 end

  local theme = require("vg.theme")
  if o.color then
    local acc, err = theme.accent(o.color)
    if not acc then eprintf("vgrun frame: %s\n", err); return 2 end
  end
  local render = require("vg.render")
  if o.types then
    -- the file sees `vg` as scripts run by vgrun do
    local env = setmetatable({ vg = rawget(_G, "vg") or require("vg") }, { __index = _G })
    local chunk, err = loadfile(o.types, "t", env)
    local ok = chunk ~= nil
    if ok then ok, err = pcall(chunk) end
    if not ok then eprintf("vgrun frame: %s\n", tostring(err)); return 1 end
  end

  local model, err, doc_errors = load_model(o.input)
  if not model then eprintf("vgrun frame: %s\n", err); return 1 end
  local scenes = render.scenes_of(model)
  if #scenes == 0 then eprintf("vgrun frame: %s has no scenes\n", o.input); return 1 end

  if o.sheet then
    local out = o.out or "sheet.png"
    local ok, werr = render.sheet(scenes, { theme = o.theme, accent = o.color, out = out,
      width = o.width })
    if not ok then eprintf("vgrun frame: %s\n", tostring(werr)); return 1 end
    print(out)
    return 0
  end

  local scene = scenes[o.scene]
  if not scene then
    eprintf("vgrun frame: %s has %d scene%s; no scene %d\n", o.input, #scenes,
      #scenes == 1 and "" or "s", o.scene)
    return 1
  end
  if not render.get_type(scene.scene_type or scene.type) then
    -- the error names the type and file:line
    local ok, e = pcall(render.display_list, scene, {})
    eprintf("vgrun frame: %s\n", ok and "unknown scene type" or tostring(e))
    return 1
  end
  for _, e in ipairs(doc_errors or {}) do
    if not e:find("scene type", 1, true) and not e:find("scene_type", 1, true) then
      eprintf("%s\n", e)
    end
  end
  local out = o.out or string.format("frame-%d.png", o.scene)
  local ok, res, warnings = pcall(render.frame, scene, { theme = o.theme, accent = o.color,
    t = o.at, width = o.width or 1920, height = o.height or 1080, out = out })
  if not ok then eprintf("vgrun frame: %s\n", tostring(res)); return 1 end
  if not res then eprintf("vgrun frame: %s\n", tostring(warnings)); return 1 end
  for _, w in ipairs(warnings or {}) do
    eprintf("warning: %s\n", w.message or (tostring(w.id) .. " " .. tostring(w.status)))
  end
  print(out)
  return 0
end

-- For --help, `vgrun help frame`, vgrun-frame(1) and completion.
local SPEC = {
  name = "frame",
  summary = "render one frame of a scene (or a contact sheet) to PNG",
  synopsis = { "INPUT --scene N [options] [-o OUT.png]", "INPUT --sheet [options] [-o OUT.png]" },
  description = [[
Renders scene N (1-based, across all videos of INPUT) as it looks at
--at SECONDS, or a contact sheet of every scene. INPUT is anything
`vgrun scenes` reads. Text that had to be shrunk or cut is reported on
standard error (and as validation.warning events).]],
  options = {
    { "--scene", arg = "N", type = "int", min = 1, help = "which scene (1-based)" },
    { "--at", arg = "SECONDS", type = "number", min = 0, default = "the moment it is fully revealed",
      help = "time within the scene" },
    { "--sheet", help = "every scene, fully revealed, in a grid" },
    { "--theme", arg = "light|dark", complete = "themes", default = "the video's, else light", help = "theme" },
    { "--color", alias = { "--colour", "--accent" }, arg = "NAME", complete = "colors",
      default = "the video's, else blue", help = "accent: blue purple orange green pink cyan, or #rrggbb" },
    { "--resolution", alias = { "--size" }, arg = "WxH", complete = "resolutions",
      default = "1920x1080; a sheet is 2560 wide", help = "output size" },
    { "--types", arg = "FILE.lua", complete = "lua",
      help = "run FILE first (it may register vg.render.scene_type{...})" },
    { "-o", "--output", arg = "PATH", complete = "file", default = "frame-N.png / sheet.png", help = "PNG to write" },
  },
  args = { name = "INPUT", complete = "from" },
  exit = { { 0, "written" }, { 1, "error (unreadable input, unknown scene type, ...)" }, { 2, "usage error" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  usage = USAGE,
  run = run,
}
