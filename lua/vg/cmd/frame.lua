-- vgrun frame INPUT: renders one frame of a scene (or a contact sheet of
-- all scenes) to PNG, for a quick look without encoding a video. Issue 5.

-- every message through shown.lines: a path in an error cannot drive the terminal
local function eprintf(fmt, ...) io.stderr:write(require("vg.shown").lines(string.format(fmt, ...))) end

-- Input files are data: read by the input adapters only (a Lua file is a
-- script, not an input; scene types written in Lua come with --types).
local function load_model(spec)
  local ok, input = pcall(require, "vg.input")
  if not ok then return nil, "reading " .. spec .. " needs the input adapters: " .. tostring(input) end
  local path, format = require("vg.create.options").input_spec(spec)
  local model, diags = input.load(path, { format = format, allow_paths = require("vg.repository").with_root(path, nil) })
  local errors, told = {}, {}
  for _, d in ipairs(diags or {}) do
    -- Unknown scene types are reported below, naming the scene; other errors
    -- are the document's and are shown as they are.
    if d.severity == "error" then errors[#errors + 1] = d.text or d.message end
    -- its warnings too, as `vgrun check` tells them (a damaged picture,
    -- drawn as a placeholder)
    told[#told + 1] = { text = d.text or d.message, error = d.severity == "error" }
  end
  if not model then
    return nil, #errors > 0 and table.concat(errors, "\n") or ("cannot read " .. path)
  end
  return model, nil, told
end

local SPEC
local function SCENE(v, name)
  local n = math.tointeger(tonumber(v))
  if not n or n < 1 then return nil, name .. " takes a number from 1" end
  return n
end
local function AT(v, name)
  local n = tonumber(v)
  if not n or n ~= n or n < 0 then return nil, name .. " takes seconds (>= 0)" end
  return n
end
local function THEME(v, name)
  if v ~= "light" and v ~= "dark" then return nil, name .. " takes light or dark" end
  return v
end
local function COLOR(v, name)
  local acc, err = require("vg.theme").accent(v)
  if not acc then return nil, name .. ": " .. tostring(err) end
  return v
end
-- as `vgrun create --captions` takes them; only burn matters to a frame
local function CAPTIONS(v, name)
  local ok, err = require("vg.create.options").captions_arg(v, name)
  if not ok then return nil, err end
  return (("," .. v .. ","):find(",burn,", 1, true)) ~= nil
end
local function SIZE(v, name)
  local w, h = v:match("^(%d+)[xX](%d+)$")
  w, h = tonumber(w), tonumber(h)
  if not w or w < 16 or h < 16 or w > 8192 or h > 8192 then return nil, name .. " takes WxH, e.g. 1920x1080" end
  return { w, h }
end

local function run(args)
  local args_ = require("vg.args")
  local o, operands = args_.command(SPEC, args)
  if not o then return operands end
  if o.from and operands[1] then return args_.usage_error(SPEC, "INPUT or --from, not both") end
  o.input, o.out = o.from or operands[1], o.output
  if o.resolution then o.width, o.height = o.resolution[1], o.resolution[2] end
  if not o.input then return args_.usage_error(SPEC, "no INPUT given") end
  if not o.scene and not o.sheet then return args_.usage_error(SPEC, "give --scene N or --sheet") end

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
  -- the scenes as `vgrun create` makes them for this frame: one too full for
  -- it is split (vg.create.fit), so --scene N is the video's Nth scene
  local fw, fh = o.width or 1920, o.height or 1080
  pcall(require("vg.create.fit").videos, model.videos, { width = fw, height = fh, theme = o.theme, accent = o.color,
    captions = o.captions or nil })
  local scenes = render.scenes_of(model)
  if #scenes == 0 then eprintf("vgrun frame: %s has no scenes\n", o.input); return 1 end
  -- the document's errors and warnings are told, and the picture is drawn without what
  -- they refused (a preview); the exit is 1 as for `vgrun scenes`
  local function tell_errors()
    local n = 0
    for _, e in ipairs(doc_errors or {}) do
      if not e.error then
        eprintf("%s\n", e.text)
      elseif not e.text:find("scene type", 1, true) and not e.text:find("scene_type", 1, true) then
        eprintf("%s\n", e.text)
        n = n + 1
      end
    end
    return n
  end

  -- never over a file vgrun did not make (a link, a file of the user's),
  -- and never over one it read, --overwrite or not: the document, its
  -- pictures, the --types file
  local outputs = require("vg.create.outputs")
  local inputs = outputs.input_files(require("vg.create.options").input_spec(o.input), model.videos)
  if o.types then inputs[#inputs + 1] = o.types end
  -- a PNG is never written as x.mp4 or into a folder that is not there (an
  -- -o that names an input is said as that)
  local why = outputs.named_output(o.out, "-o", "png", "vgrun frame writes PNG pictures")
  if why then
    eprintf("vgrun frame: %s\n", tostring(outputs.own_refused(o.out, o.overwrite, inputs) or why)); return 2
  end
  -- -o - : the PNG on standard output (a pipe or a file), never a file named "-"
  local to_stdout = o.out == "-"
  if to_stdout then
    local refused = outputs.stdout_refused("a PNG picture")
    if refused then eprintf("vgrun frame: %s\n", refused); return 2 end
  end
  local function write_out(path, write)
    if to_stdout then return outputs.write_stdout(write) end
    return outputs.write_own(path, o.overwrite, write, inputs)
  end
  if o.sheet then
    local out = o.out or "sheet.png"
    -- a sheet too tall for one picture is several: sheet-01.png, sheet-02.png, ...
    local pages = render.sheet_pages(#scenes, { frame = { fw, fh } })
    if to_stdout and #pages > 1 then
      eprintf("vgrun frame: -o -: the sheet of %d scenes is %d pictures, and standard output takes one "
        .. "(name a file: -o sheet.png writes sheet-01.png, sheet-02.png, ...)\n", #scenes, #pages)
      return 2
    end
    local paths = {}
    for k = 1, #pages do
      local path = out
      if #pages > 1 then
        local stem, ext = out:match("^(.*)(%.[^./]*)$")
        path = string.format("%s-%02d%s", stem or out, k, ext or ".png")
      end
      -- every page's name is checked before the first is written: a refused
      -- page 2 left page 1 behind, from a command that failed
      local why = not to_stdout and outputs.own_refused(path, o.overwrite, inputs)
      if why then eprintf("vgrun frame: %s\n", tostring(why)); return 2 end
      paths[k] = path
    end
    for k, p in ipairs(pages) do
      local path = paths[k]
      local slice = table.move(scenes, p[1], p[2], 1, {})
      -- each cell is the video's frame, with its captions' band
      local ok, werr, code = write_out(path, function(tmp)
        return render.sheet(slice, { theme = o.theme, accent = o.color, out = tmp, cols = pages.cols,
          first = p[1], frame = { fw, fh }, captions = o.captions or nil })
      end)
      if not ok then eprintf("vgrun frame: %s\n", tostring(werr)); return code end
      if not to_stdout then print(path) end
    end
    return tell_errors() > 0 and 1 or 0
  end

  local scene = scenes[o.scene]
  if not scene then
    eprintf("vgrun frame: %s has %d scene%s; no scene %d\n", o.input, #scenes,
      #scenes == 1 and "" or "s", o.scene)
    return 1
  end
  local stype = scene.scene_type or scene.type
  if stype ~= nil and type(stype) ~= "string" then
    -- a list or a mapping as the type: the document's error names it
    for _, e in ipairs(doc_errors or {}) do eprintf("%s\n", e.text) end
    eprintf("vgrun frame: scene %d cannot be drawn: its scene_type is not a name\n", o.scene)
    return 1
  end
  if not render.get_type(stype) then
    -- the error names the type and file:line
    local ok, e = pcall(render.display_list, scene, {})
    eprintf("vgrun frame: %s\n", ok and "unknown scene type" or tostring(e))
    return 1
  end
  local nerr = tell_errors()
  local out = o.out or string.format("frame-%d.png", o.scene)
  local ok, res, warnings
  local wok, werr, code = write_out(out, function(tmp)
    ok, res, warnings = pcall(render.frame, scene, { theme = o.theme, accent = o.color,
      t = o.at, width = o.width or 1920, height = o.height or 1080, out = tmp, captions = o.captions or nil })
    if not ok then return nil, tostring(res) end
    if not res then return nil, tostring(warnings) end
    return true
  end)
  if not wok and ok == false and nerr > 0 then
    -- a layout that failed on a field the document's errors (said above)
    -- name: those say why, not the layout's Lua error
    eprintf("vgrun frame: scene %d cannot be drawn: the document's error%s above say%s why\n", o.scene,
      nerr == 1 and "" or "s", nerr == 1 and "s" or "")
    return 1
  end
  if not wok then eprintf("vgrun frame: %s\n", tostring(werr)); return code end
  for _, w in ipairs(warnings or {}) do
    eprintf("warning: %s\n", w.message or (tostring(w.id) .. " " .. tostring(w.status)))
  end
  if not to_stdout then print(out) end
  return nerr > 0 and 1 or 0
end

-- Its parser, --help, `vgrun help frame`, vgrun-frame(1) and completion.
SPEC = {
  name = "frame",
  summary = "render one frame of a scene (or a contact sheet) to PNG",
  synopsis = { "INPUT --scene N [options] [-o OUT.png]", "INPUT --sheet [options] [-o OUT.png]" },
  description = [[
Renders scene N (1-based, across all videos of INPUT) as it looks at
--at SECONDS, or a contact sheet of every scene. A sheet taller than
8192 pixels (a long document: about 80 wide scenes) is written as pages,
sheet-01.png, sheet-02.png, ..., each path printed. INPUT is anything
`vgrun scenes` reads. Text that had to be shrunk or cut is reported on
standard error (and as validation.warning events).]],
  options = {
    { "--from", arg = "[TYPE:]PATH", complete = "from", default = "INPUT",
      help = "the input, as `vgrun create --from` takes it (document:, rst:, adoc:, yaml:, json:, transcript:, set:); "
        .. "INPUT alone works too" },
    { "--scene", arg = "N", check = SCENE, default = "none: give --scene or --sheet", help = "which scene (1-based)" },
    { "--at", arg = "SECONDS", check = AT, default = "the moment it is fully revealed",
      help = "time within the scene" },
    { "--sheet", help = "every scene, fully revealed, in a grid (a long document: several pages, OUT-01.png, OUT-02.png, ..., each file printed)" },
    { "--theme", arg = "light|dark", complete = "themes", check = THEME, config = "theme", default = "the video's, else light", help = "theme" },
    { "--color", alias = { "--colour", "--accent" }, arg = "NAME", complete = "colors", check = COLOR, config = "color",
      default = "the video's, else blue", help = "accent: blue purple orange green pink cyan, or #rrggbb" },
    { "--resolution", alias = { "--size" }, arg = "WxH", complete = "resolutions", check = SIZE, config = "resolution",
      default = "1920x1080", help = "output size (with --sheet: the frame of each scene in the sheet)" },
    { "--captions", arg = "LIST", check = CAPTIONS, default = "none burnt: srt, vtt or burn, as vgrun create takes them",
      help = "with burn, laid out and split as `vgrun create --captions burn` makes the scene (the band at the bottom kept for the captions)" },
    { "--types", arg = "FILE.lua", complete = "lua", default = "the built-in scene types only",
      help = "run FILE first (it may register vg.render.scene_type{...})" },
    { "-o", "--output", arg = "PATH", complete = "file", default = "frame-N.png / sheet.png", help = "PNG to write, in a folder that exists (NAME.png or a name without an extension; a sheet of several pages: its name with -01, -02, ... before .png); - writes the PNG to standard output (a pipe or a file, not a terminal; a sheet of one page)" },
    { "--overwrite", help = "replace a file at the output path that vgrun has no record of making" },
  },
  args = { name = "INPUT", max = 1, complete = "from", too_many = "one INPUT at a time" },
  exit = { { 0, "written" }, { 1, "error (unreadable input, unknown scene type, ...)" }, { 2, "usage error" } },
}

return {
  spec = SPEC,
  summary = SPEC.summary,
  run = run,
}
