-- learning_objectives: what the lesson teaches (revealed one by one), and a
-- card with the lesson's duration, difficulty and prerequisites.
local c = require("vg.scenes.common")

return {
  name = "learning_objectives",
  animated = true,
  steps = function(scene)
    local v = scene.visual_content or scene
    local out = {}
    for _, o in ipairs(c.list(v.objectives)) do out[#out + 1] = c.str(o) or "" end
    return out
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items, y = c.header(theme, box, c.str(v.lesson_title or v.title), "Learning objectives", a,
      { field = "lesson_title" })
    local info = type(v.lesson_info) == "table" and v.lesson_info or {}
    local facts = {}
    local function add(label, val)
      val = c.str(val)
      if val then facts[#facts + 1] = { label, val } end
    end
    add("Duration", info.duration)
    add("Difficulty", info.difficulty)
    add("Prerequisites", info.prerequisites)
    local body = { x = box.x, y = y + 6, w = box.w, h = box.y + box.h - y - 6 }
    if #facts > 0 then
      local iw = math.floor(box.w * 0.32)
      body.w = box.w - iw - 40
      local ix = box.x + box.w - iw
      local lines = {}
      for _, f in ipairs(facts) do
        lines[#lines + 1] = string.format("<span size='75%%' foreground='%s'>%s</span>\n<b>%s</b>",
          c.hex(theme.muted), c.esc(f[1]:upper()), c.esc(f[2]))
      end
      local txt = c.text(theme, ix + 44, body.y + 50, iw - 88, body.h - 90, table.concat(lines, "\n\n"),
        { markup = true, size = 34, id = "lesson_info", min_size = 16, line_height = 1.1 })
      local ih = math.min(body.h, c.measure(txt).height + 100)
      txt.h = ih - 90
      items[#items + 1] = c.appear(a:enter(2), {
        c.card(theme, ix, body.y, iw, ih, { radius = 20 }),
        { type = "rect", x = ix + 20, y = body.y, w = iw - 40, h = 8, radius = 4, fill = theme.accent },
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
