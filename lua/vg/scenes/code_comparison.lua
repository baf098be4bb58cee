-- code_comparison: before and after code side by side.
local c = require("vg.scenes.common")
local L = require("vg.i18n").t
local T = require("vg.theme")

local function code_text(v)
  if type(v) == "table" then
    local out = {}
    for _, l in ipairs(v) do out[#out + 1] = c.str(l) or "" end
    return table.concat(out, "\n")
  end
  return ((c.str(v) or ""):gsub("\n+$", ""))
end

-- Lines of a code text ("" has none).
local function line_count(s)
  if s == "" then return 0 end
  local _, n = s:gsub("\n", "")
  return n + 1
end

return {
  name = "code_comparison",
  animated = true,
  -- long enough to read both sides: about 1.5 s a line of either, at least 4 s
  read_time = function(scene)
    local v = scene.visual_content or scene
    local n = line_count(code_text(v.before_code)) + line_count(code_text(v.after_code))
    return c.code_read_time(n)
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items, y = c.header(theme, box, c.str(v.header or v.title), c.str(v.description), a)
    local before, after = code_text(v.before_code), code_text(v.after_code)
    local lang = c.str(v.language) or c.guess_language(before .. "\n" .. after)
    local portrait = box.h > box.w
    local gap = portrait and 90 or 110
    local cw = portrait and box.w or (box.w - gap) / 2
    local ph = 48
    local avail = box.y + box.h - y - ph - 20
    if portrait then avail = (box.y + box.h - y - gap) / 2 - ph - 20 end
    -- both cards as tall as the taller code needs, same font size
    local probe_b = c.code(theme, 0, 0, cw - 64, avail - 100, before, { size = 30, language = lang })
    local probe_a = c.code(theme, 0, 0, cw - 64, avail - 100, after, { size = 30, language = lang })
    local mb, ma = c.measure(probe_b), c.measure(probe_a)
    local size = math.min(mb.final_size, ma.final_size)
    probe_b.size, probe_a.size = size, size
    mb, ma = c.measure(probe_b), c.measure(probe_a)
    local ch = math.min(avail, math.max(mb.height, ma.height) + 52 + 64)
    local sides = {
      { label = c.str(v.before_label) or L(theme.lang, "l_before"), code = before, color = theme.bad, field = "before_code", k = 2 },
      { label = c.str(v.after_label) or L(theme.lang, "l_after"), code = after, color = theme.good, field = "after_code", k = 4 },
    }
    for i, s in ipairs(sides) do
      local x, sy = box.x, y
      if portrait then sy = y + (i - 1) * (ph + 20 + ch + gap) else x = box.x + (i - 1) * (cw + gap) end
      local g = {}
      local pill = c.pill(theme, x, sy, s.label, { size = 24, h = ph,
        fill = T.mix(theme.card, s.color, theme.dark and 0.3 or 0.16),
        color = theme.dark and s.color or T.mix(s.color, { 0, 0, 0 }, 0.25),
        id = (s.field:gsub("code", "label")) })
      for _, it in ipairs(pill) do g[#g + 1] = it end
      local card, inner = c.code_card(theme, x, sy + ph + 20, cw, ch, {})
      for _, it in ipairs(card) do g[#g + 1] = it end
      g[#g + 1] = c.code(theme, inner.x, inner.y, inner.w, inner.h, s.code,
        { size = size, language = lang, id = s.field })
      items[#items + 1] = c.appear(a:enter(s.k), g, 30)
    end
    -- the arrow between the cards
    local ax, ay, sym
    if portrait then
      ax, ay, sym = box.x + box.w / 2, y + ph + 20 + ch + gap / 2, "↓"
    else
      ax, ay, sym = box.x + cw + gap / 2, y + ph + 20 + ch / 2, "→"
    end
    items[#items + 1] = c.appear(a:enter(3), c.disc(theme, ax, ay, 34, sym, { size = 36 }), 0, -20)
    return items
  end,
}
