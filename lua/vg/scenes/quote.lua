-- quote: a centred quotation with attribution.
local c = require("vg.scenes.common")
local T = require("vg.theme")

return {
  name = "quote",
  animated = true,
  fills = true,   -- places its content in the middle itself
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local q, who = c.str(v.quote_text or v.quote), c.str(v.attribution or v.author)
    local cw = math.min(box.w, 1500)
    local portrait = box.h > box.w * 1.2
    local words = select(2, (q or ""):gsub("%S+", ""))
    local ch = math.min(box.h, (portrait and 1200 or 640) + (words > 40 and 240 or 0))
    local x, y = box.x + (box.w - cw) / 2, box.y + (box.h - ch) / 2
    -- the mark has the card's top-left corner to itself: the quote starts
    -- below its ink, so a long (shrunk) quote never runs under it
    local mark_h = 150
    local items = {
      c.appear(a:enter(0), {
        c.card(theme, x, y, cw, ch, { radius = 28 }),
        { type = "rect", x = x + 60, y = y + mark_h, w = 8, h = ch - mark_h - 60, radius = 4, fill = theme.accent },
        c.text(theme, x + 60, y - 30, 240, 260, "\u{201C}", { size = 220, weight = "bold",
          color = T.alpha(theme.accent, 0.35), font = theme.fonts.serif }),
      }, 40),
    }
    local who_h = who and 110 or 0
    if q then
      items[#items + 1] = c.appear(a:enter(1), {
        c.text(theme, x + 110, y + mark_h, cw - 190, ch - mark_h - 50 - who_h, q, { size = 56,
          italic = true, font = theme.fonts.serif, valign = "middle", id = "quote_text",
          min_size = 26, line_height = 1.15 }),
      }, 30)
    end
    if who then
      items[#items + 1] = c.appear(a:enter(2), {
        { type = "rect", x = x + 110, y = y + ch - 102, w = 60, h = 4, radius = 2, fill = theme.accent },
        c.text(theme, x + 190, y + ch - 130, cw - 270, 60, who, { size = 36, weight = "bold",
          color = theme.accent_text, valign = "middle", id = "attribution", min_size = 20, max_lines = 1 }),
      }, 20)
    end
    return items
  end,
}
