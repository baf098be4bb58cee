-- problem: a numbered problem statement with its difficulty.
local c = require("vg.scenes.common")
local L = require("vg.i18n").t
local T = require("vg.theme")

return {
  name = "problem",
  animated = true,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items = {}
    local y = box.y
    local g = {}
    local num = c.str(v.problem_number)
    local x = box.x
    local pill, w = c.pill(theme, x, y, num and (L(theme.lang, "l_problem") .. " " .. num) or L(theme.lang, "l_problem"),
      { size = 26, id = "problem_number" })
    for _, it in ipairs(pill) do g[#g + 1] = it end
    local diff = c.str(v.difficulty)
    if diff then
      local col = c.difficulty_color(theme, diff)
      local dp = c.pill(theme, x + w + 20, y, require("vg.text").upper_first(diff, theme.lang), { size = 26,
        max_w = math.max(120, box.w - w - 20),
        fill = T.mix(theme.card, col, theme.dark and 0.3 or 0.16),
        color = theme.dark and col or T.mix(col, { 0, 0, 0 }, 0.25), id = "difficulty" })
      for _, it in ipairs(dp) do g[#g + 1] = it end
    end
    items[#items + 1] = c.appear(a:enter(0), g, 20)
    y = y + 80
    local hdr, y2 = c.header(theme, { x = box.x, y = y, w = box.w, h = box.h }, c.str(v.title), nil,
      setmetatable({ enter = function(_, k) return a:enter((k or 0) + 1) end }, { __index = a }),
      { field = "title", title_h = 90 })
    for _, it in ipairs(hdr) do items[#items + 1] = it end
    local text = c.str(v.problem_text or v.description)
    if text then
      local avail = box.y + box.h - y2
      local body = c.text(theme, box.x + 60, y2 + 44, box.w - 120, avail - 88, text, { size = 44,
        line_height = 1.25, id = "problem_text", min_size = 20, valign = "top" })
      -- a square or tall frame sets a statement that fits larger
      if c.roomy(theme) then body.size = c.fit_size(body, 56, 44) end
      local m = c.measure(body)
      local ch = math.min(avail, m.height + 88)
      body.h = ch - 88
      items[#items + 1] = c.appear(a:enter(2), {
        c.card(theme, box.x, y2, box.w, ch, { radius = 20 }),
        { type = "rect", x = box.x, y = y2 + 24, w = 8, h = ch - 48, radius = 4, fill = theme.accent },
        body,
      }, 30)
    end
    return items
  end,
}
