-- title: a large centred title and subtitle (openings and chapters).
local c = require("vg.scenes.common")

return {
  name = "title",
  animated = true,
  fills = true,   -- places its content in the middle itself
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local title, sub = c.str(v.title), c.str(v.subtitle)
    local cy = box.y + box.h * 0.5
    local items = {}
    if title then
      items[#items + 1] = c.appear(a:enter(0), {
        c.text(theme, box.x, cy - 300, box.w, 290, title, { size = 108, weight = "bold",
          align = "center", valign = "bottom", id = "title", min_size = 48, max_lines = 2,
          line_height = 1.0 }),
      }, 40)
    end
    local p = a:enter(1)
    local lw = 180 * p
    items[#items + 1] = { type = "rect", x = box.x + (box.w - lw) / 2, y = cy + 20, w = lw, h = 8,
      radius = 4, fill = theme.accent, opacity = p }
    if sub then
      items[#items + 1] = c.appear(a:enter(2), {
        c.text(theme, box.x + box.w * 0.08, cy + 64, box.w * 0.84, 150, sub, { size = 48,
          color = theme.muted, align = "center", id = "subtitle", min_size = 24, max_lines = 2 }),
      }, 30)
    end
    return items
  end,
}
