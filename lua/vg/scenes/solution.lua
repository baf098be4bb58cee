-- solution: the solution's code and an explanation.
local c = require("vg.scenes.common")
local L = require("vg.i18n").t

local function code_lines(v) return c.code_lines(v.solution_code or v.code) end

return {
  name = "solution",
  animated = true,
  -- long enough to read its code: about 1.5 s a line, at least 4 s (as command)
  read_time = function(scene)
    local n = #code_lines(scene.visual_content or scene)
    return c.code_read_time(n)
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items, y = c.header(theme, box, c.str(v.title or v.header) or L(theme.lang, "l_solution"), nil, a,
      { field = "title" })
    local lines = code_lines(v)
    local code = table.concat(lines, "\n")
    local expl = c.str(v.explanation)
    local avail = box.y + box.h - y
    local eh = expl and 190 or 0
    -- a square or tall frame sets the explanation and the code larger when
    -- they fit as they are (the explanation's card as tall as it needs)
    local esize = 34
    if expl and c.roomy(theme) then
      local probe = c.text(theme, 0, 0, box.w - 170, 300, expl, { size = 34, line_height = 1.15 })
      esize = c.fit_size(probe, 44, 34)
      if esize > 34 then
        probe.size, probe.min_size, probe.h = esize, esize, 100000
        eh = math.max(190, math.min(300, c.measure(probe).height + 40))
      end
    end
    local ch = avail - (expl and eh + 30 or 0)
    if #lines > 0 then
      local lang = c.str(v.language) or c.guess_language(code)
      local probe = c.code(theme, 0, 0, box.w - 64, ch - 100, code, { size = 32, language = lang })
      local csize = c.roomy(theme) and c.fit_size(probe, 44, 32) or 32
      probe.size = csize
      local m = c.measure(probe)
      ch = math.min(ch, m.height + 52 + 64)
      local card, inner = c.code_card(theme, box.x, y, box.w, ch, { title = lang })
      card[#card + 1] = c.code(theme, inner.x, inner.y, inner.w, inner.h, code,
        { size = csize, language = lang, id = "solution_code" })
      items[#items + 1] = c.appear(a:enter(2), card, 30)
      y = y + ch + 30
    end
    if expl then
      local g = {
        c.card(theme, box.x, y, box.w, eh, { radius = 18, fill = theme.accent_soft, shadow = false,
          stroke = false }),
        { type = "rect", x = box.x, y = y, w = 8, h = eh, radius = 4, fill = theme.accent },
      }
      for _, it in ipairs(c.disc(theme, box.x + 70, y + eh / 2, 30, "i", { size = 32 })) do g[#g + 1] = it end
      g[#g + 1] = c.text(theme, box.x + 130, y + 20, box.w - 170, eh - 40, expl, { size = esize,
        valign = "middle", id = "explanation", min_size = 18, line_height = 1.15 })
      items[#items + 1] = c.appear(a:enter(3), g, 30)
    end
    return items
  end,
}
