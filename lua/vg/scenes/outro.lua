-- outro: the closing screen, a card with the main message and a call to action.
local c = require("vg.scenes.common")

return {
  name = "outro",
  animated = true,
  fills = true,   -- places its content in the middle itself
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local main, sub = c.str(v.main_text or v.title), c.str(v.sub_text or v.subtitle)
    local cw, ch = math.min(box.w, 1400), sub and 560 or 460
    local x, y = box.x + (box.w - cw) / 2, box.y + (box.h - ch) / 2
    local p = a:enter(0)
    local items = {
      c.appear(p, { c.card(theme, x, y, cw, ch, { radius = 28 }) }, 50),
    }
    local g = {}
    for _, it in ipairs(c.disc(theme, x + cw / 2, y + 120, 54, "✓", { size = 58 })) do g[#g + 1] = it end
    items[#items + 1] = c.appear(a:enter(1), g, 20)
    if main then
      items[#items + 1] = c.appear(a:enter(2), {
        c.text(theme, x + 70, y + 200, cw - 140, 200, main, { size = 80, weight = "bold",
          align = "center", valign = "middle", id = "main_text", min_size = 36, max_lines = 2,
          line_height = 1.0 }),
      }, 30)
    end
    if sub then
      items[#items + 1] = c.appear(a:enter(3), {
        c.text(theme, x + 70, y + 410, cw - 140, 110, sub, { size = 40, color = theme.muted,
          align = "center", valign = "top", id = "sub_text", min_size = 22, max_lines = 2 }),
      }, 30)
    end
    return items
  end,
}
