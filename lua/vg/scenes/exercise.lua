-- exercise: a hands-on task: numbered instructions, difficulty, time.
local c = require("vg.scenes.common")
local L = require("vg.i18n").t
local T = require("vg.theme")

return {
  name = "exercise",
  animated = true,
  -- too many steps for the frame: several scenes, numbered on (vg.create.fit)
  split = {
    field = "instructions", warn = "^instructions%[", min_size = 24,
    carry = function(vc, _, from) vc.start = (math.tointeger(tonumber(vc.start)) or 1) + from - 1 end,
  },
  steps = function(scene)
    local v = scene.visual_content or scene
    local out = {}
    for _, o in ipairs(c.list(v.instructions)) do out[#out + 1] = c.str(o) or "" end
    return out
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items = {}
    local g = {}
    local pill, w = c.pill(theme, box.x, box.y, L(theme.lang, "l_exercise"), { size = 26 })
    for _, it in ipairs(pill) do g[#g + 1] = it end
    local x = box.x + w + 20
    local diff = c.str(v.difficulty)
    if diff then
      local col = c.difficulty_color(theme, diff)
      local dp, dw = c.pill(theme, x, box.y, require("vg.text").upper_first(diff, theme.lang), { size = 26,
        max_w = math.max(120, (box.x + box.w - x) / 2),
        fill = T.mix(theme.card, col, theme.dark and 0.3 or 0.16),
        color = theme.dark and col or T.mix(col, { 0, 0, 0 }, 0.25), id = "difficulty" })
      for _, it in ipairs(dp) do g[#g + 1] = it end
      x = x + dw + 20
    end
    local est = c.str(v.estimated_time)
    if est then
      local tp = c.pill(theme, x, box.y, "⏱ " .. est, { size = 26, fill = theme.card,
        max_w = math.max(120, box.x + box.w - x),
        color = theme.muted, id = "estimated_time" })
      for _, it in ipairs(tp) do g[#g + 1] = it end
    end
    items[#items + 1] = c.appear(a:enter(0), g, 20)
    local hdr, y = c.header(theme, { x = box.x, y = box.y + 80, w = box.w, h = box.h - 80 },
      c.str(v.title), c.str(v.description),
      setmetatable({ enter = function(_, k) return a:enter((k or 0) + 1) end }, { __index = a }),
      { field = "title", title_h = 90 })
    for _, it in ipairs(hdr) do items[#items + 1] = it end
    local entries = {}
    for i, o in ipairs(c.list(v.instructions)) do
      -- start: the first step's number (steps split over scenes)
      entries[i] = { markup = c.esc(c.str(o) or ""), id = string.format("instructions[%d]", i),
        label = tostring((math.tointeger(tonumber(v.start)) or 1) + i - 1) }
    end
    local body = { x = box.x, y = y + 6, w = box.w, h = box.y + box.h - y - 6 }
    for _, it in ipairs(c.rows(theme, body, entries, a, { max_row_h = 120 })) do items[#items + 1] = it end
    return items
  end,
}
