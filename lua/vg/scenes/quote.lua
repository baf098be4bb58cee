-- quote: a centred quotation with attribution.
local c = require("vg.scenes.common")
local T = require("vg.theme")

return {
  name = "quote",
  animated = true,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local q, who = c.str(v.quote_text or v.quote), c.str(v.attribution or v.author)
    local cw = math.min(box.w, 1500)
    local ch = math.min(box.h, 640)
    local x, y = box.x + (box.w - cw) / 2, box.y + (box.h - ch) / 2
    local items = {
      c.appear(a:enter(0), {
        c.card(theme, x, y, cw, ch, { radius = 28 }),
        { type = "rect", x = x + 60, y = y + 60, w = 8, h = ch - 120, radius = 4, fill = theme.accent },
        c.text(theme, x + 84, y - 10, 300, 320, "\u{201C}", { size = 240, weight = "bold",
          color = T.alpha(theme.accent, 0.25), font = theme.fonts.serif }),
      }, 40),
    }
    if q then
      items[#items + 1] = c.appear(a:enter(1), {
        c.text(theme, x + 140, y + 90, cw - 240, ch - (who and 250 or 180), q, { size = 56,
          italic = true, font = theme.fonts.serif, valign = "middle", id = "quote_text",
          min_size = 26, line_height = 1.15 }),
      }, 30)
    end
    if who then
      items[#items + 1] = c.appear(a:enter(2), {
        { type = "rect", x = x + 140, y = y + ch - 122, w = 60, h = 4, radius = 2, fill = theme.accent },
        c.text(theme, x + 220, y + ch - 150, cw - 320, 60, who, { size = 36, weight = "bold",
          color = theme.accent_text, valign = "middle", id = "attribution", min_size = 20, max_lines = 1 }),
      }, 20)
    end
    return items
  end,
}
