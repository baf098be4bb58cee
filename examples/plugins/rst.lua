-- rst.lua: a vgrun plug-in that reads a small part of reStructuredText.
-- vgrun reads .rst itself (docs/inputs.md); an adapter registered for an
-- extension replaces the built-in reader, which is what this example shows.
--
--   vgrun create --plugin examples/plugins/rst.lua --from talk.rst -o talk.mp4
--
-- Copy it into ~/.config/vgrun/plugins/ to have it for every command.
-- The document title (a heading over- and underlined with =) becomes the
-- title scene; each section (a heading underlined with - or ~) one list
-- scene of its paragraphs and "- " / "* " items, or a command scene when it
-- holds a "::" literal block. The adapter returns the YAML flavour of the
-- scene model; vgrun checks it like any document.
local vg = ...

local function read(path)
  local f, err = io.open(path, "r")
  if not f then return nil, err end
  local text = f:read("a")
  f:close()
  return text
end

local function adapter(path)
  local text, err = read(path)
  if not text then return nil, err end
  local lines = {}
  for l in (text:gsub("\r\n", "\n") .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = l end

  local title, scenes, cur = nil, {}, nil
  local i = 1
  local function underline(l, ch) return l and #l >= 3 and l:match("^" .. ch .. "+$") ~= nil end
  while i <= #lines do
    local l = lines[i]
    if underline(l, "=") and lines[i + 1] and underline(lines[i + 2], "=") then
      title = lines[i + 1]:match("^%s*(.-)%s*$")                      -- overlined title
      i = i + 3
    elseif l:match("%S") and (underline(lines[i + 1], "%-") or underline(lines[i + 1], "~")) then
      cur = { type = "list", header = l:match("^%s*(.-)%s*$"), items = {}, line = i }
      scenes[#scenes + 1] = cur
      i = i + 2
    elseif cur and l:match("::%s*$") then                              -- literal block
      cur.type, cur.description = "command", l:gsub("::%s*$", ":"):match("^%s*(.-)%s*$")
      cur.commands, cur.items = {}, nil
      i = i + 1
      while i <= #lines and (lines[i] == "" or lines[i]:match("^%s")) do
        if lines[i] ~= "" then cur.commands[#cur.commands + 1] = lines[i]:gsub("^%s+", "") end
        i = i + 1
      end
    elseif cur and cur.items and l:match("^%s*[-*]%s+%S") then
      cur.items[#cur.items + 1] = l:match("^%s*[-*]%s+(.-)%s*$")
      i = i + 1
    elseif cur and cur.items and l:match("%S") and not cur.description then
      cur.description = l:match("^%s*(.-)%s*$")
      i = i + 1
    else
      i = i + 1
    end
  end
  if not title and #scenes == 0 then return nil, "no title and no section found", 1 end
  local out = { video = { id = path:match("([^/]-)%.%w+$"), title = title or scenes[1].header },
                scenes = {} }
  if title then out.scenes[1] = { type = "title", title = title } end
  for _, s in ipairs(scenes) do
    if s.items and #s.items == 0 then
      return nil, "section '" .. s.header .. "' has no items", s.line
    end
    s.line = nil
    out.scenes[#out.scenes + 1] = s
  end
  return out
end

vg.input.register(".rst", adapter)

-- A scene type of its own: one large line of text on a card. Documents may
-- use it once the plug-in is loaded (`- type: banner` with `text: ...`).
vg.scene_type{
  name = "banner",
  layout = function(scene, theme, box)
    local c = require("vg.scenes.common")
    local v = scene.visual_content
    return {
      c.card(theme, box.x, box.y + box.h / 2 - 150, box.w, 300),
      c.text(theme, box.x + 40, box.y + box.h / 2 - 110, box.w - 80, 220, v.text,
        { size = 72, weight = "bold", id = "text" }),
    }
  end,
}

-- An event listener: one line on stderr per rendered video (VGRUN_RST_VERBOSE=1).
vg.on("video.rendered", function(ev)
  if os.getenv("VGRUN_RST_VERBOSE") then io.stderr:write("rst plug-in: rendered ", tostring(ev.message), "\n") end
end)

-- A stage of its own in `vgrun create`: after the document is loaded, every
-- scene of an .rst document gets its title from the section (VGRUN_RST_UPPER=1
-- shouts them, to show the stage ran).
require("vg.create").add_stage(vg.stage{ name = "rst-titles", run = function(ctx)
  if not os.getenv("VGRUN_RST_UPPER") then return end
  for _, video in ipairs(ctx.videos) do
    for _, scene in ipairs(video.scenes) do
      local vc = scene.visual_content or {}
      if type(vc.header) == "string" then vc.header = vc.header:upper() end
    end
  end
end }, { after = "load" })
