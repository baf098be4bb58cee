-- learning_objectives: what the lesson teaches (revealed one by one), and a
-- card with the lesson's duration, difficulty and prerequisites.
local c = require("vg.scenes.common")
local L = require("vg.i18n").t

return {
  name = "learning_objectives",
  animated = true,
  -- too many objectives for the frame: several scenes (vg.create.fit)
  split = { field = "objectives", warn = "^objectives%[", min_size = 24 },
  steps = function(scene)
    local v = scene.visual_content or scene
    local out = {}
    for _, o in ipairs(c.list(v.objectives)) do out[#out + 1] = c.str(o) or "" end
    return out
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    -- a later part of a split says it goes on ("Learning objectives · continued")
    local desc = L(theme.lang, "l_objectives")
    if c.str(v.description) then desc = desc .. " · " .. c.str(v.description) end
    local items, y = c.header(theme, box, c.str(v.lesson_title or v.title), desc, a,
      { field = "lesson_title" })
    local info = type(v.lesson_info) == "table" and v.lesson_info or {}
    local facts = {}
    local function add(label, val)
      val = c.str(val)
      if val then facts[#facts + 1] = { label, val } end
    end
    add(L(theme.lang, "l_duration"), info.duration)
    add(L(theme.lang, "l_difficulty"), info.difficulty)
    add(L(theme.lang, "l_prerequisites"), info.prerequisites)
    local body = { x = box.x, y = y + 6, w = box.w, h = box.y + box.h - y - 6 }
    if #facts > 0 and theme.frame == "square" then
      -- a square frame: the facts side by side in one strip above the
      -- objectives (a card beside them left the objectives a narrow column
      -- that wrapped two-word lines)
      local ih, cw = 124, box.w / #facts
      local strip = {
        c.card(theme, box.x, body.y, box.w, ih, { radius = 20 }),
        { type = "rect", x = box.x + 20, y = body.y, w = box.w - 40, h = 8, radius = 4, fill = theme.accent },
      }
      for i, f in ipairs(facts) do
        strip[#strip + 1] = c.text(theme, box.x + (i - 1) * cw + 36, body.y + 22, cw - 56, ih - 36,
          string.format("<span size='75%%' foreground='%s'>%s</span>\n<b>%s</b>", c.hex(theme.muted),
            c.esc(f[1]:upper()), c.esc(f[2])),
          { markup = true, size = 32, id = i == 1 and "lesson_info" or "lesson_info_" .. i, min_size = 16,
            line_height = 1.1, valign = "middle", max_lines = 2 })
      end
      items[#items + 1] = c.appear(a:enter(2), strip, 30)
      body.y = body.y + ih + 32
      body.h = body.h - ih - 32
    elseif #facts > 0 then
      local portrait = box.h > box.w
      local lines = {}
      for _, f in ipairs(facts) do
        lines[#lines + 1] = string.format("<span size='75%%' foreground='%s'>%s</span>\n<b>%s</b>",
          c.hex(theme.muted), c.esc(f[1]:upper()), c.esc(f[2]))
      end
      local ix, iy, iw, maxh
      if portrait then
        ix, iw = box.x, box.w
        maxh = math.floor(body.h * 0.4)
      else
        iw = math.floor(box.w * 0.32)
        ix, iy, maxh = box.x + box.w - iw, body.y, body.h
        body.w = box.w - iw - 40
      end
      local txt = c.text(theme, ix + 44, 0, iw - 88, maxh - 90, table.concat(lines, "\n\n"),
        { markup = true, size = 34, id = "lesson_info", min_size = 16, line_height = 1.1 })
      local ih = math.min(maxh, c.measure(txt).height + 100)
      if portrait then   -- the facts first, the objectives below them
        iy = body.y
        body.y = body.y + ih + 40
        body.h = body.h - ih - 40
      end
      txt.y, txt.h = iy + 50, ih - 90
      items[#items + 1] = c.appear(a:enter(2), {
        c.card(theme, ix, iy, iw, ih, { radius = 20 }),
        { type = "rect", x = ix + 20, y = iy, w = iw - 40, h = 8, radius = 4, fill = theme.accent },
        txt,
      }, 30)
    end
    local entries = {}
    for i, o in ipairs(c.list(v.objectives)) do
      entries[i] = { markup = c.esc(c.str(o) or ""), id = string.format("objectives[%d]", i),
        label = "✓", disc_fill = theme.good }
    end
    for _, it in ipairs(c.rows(theme, body, entries, a, { cols = 1, max_row_h = 130 })) do
      items[#items + 1] = it
    end
    return items
  end,
}
