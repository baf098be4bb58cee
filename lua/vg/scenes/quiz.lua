-- quiz: a question with four options (A-D); with show_answer the correct
-- option is highlighted after the options are revealed.
local c = require("vg.scenes.common")
local L = require("vg.i18n").t
local T = require("vg.theme")

local LETTERS = { "A", "B", "C", "D", "E", "F" }

-- correct_answer may be a letter ("B", "b)"), an index (2) or the option's text.
local function correct_index(v, options)
  local ans = v.correct_answer
  if ans == nil then return nil end
  if type(ans) == "number" then return (ans >= 1 and ans <= #options) and math.floor(ans) or nil end
  local s = c.str(ans) or ""
  local letter = s:match("^%s*([A-Fa-f])%s*[%).:]?%s*$") or s:match("^%s*([A-Fa-f])[%).:]%s")
  if letter then
    local i = letter:upper():byte() - 64
    if i <= #options then return i end
  end
  for i, o in ipairs(options) do
    if (c.str(o) or ""):lower() == s:lower() then return i end
  end
  return nil
end

local function options_of(v) return c.list(v.options or v.choices) end

return {
  name = "quiz",
  animated = true,
  steps = function(scene)
    local v = scene.visual_content or scene
    local out = {}
    for _, o in ipairs(options_of(v)) do out[#out + 1] = c.str(o) or "" end
    if v.show_answer and correct_index(v, options_of(v)) then out[#out + 1] = "answer" end
    return out
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items = {}
    local pill = c.pill(theme, box.x, box.y, L(theme.lang, "l_quiz"), { size = 26 })
    items[#items + 1] = c.appear(a:enter(0), pill, 20)
    local q = c.str(v.question)
    local y = box.y + 80
    -- a square frame has the least height: the question takes the lines it
    -- needs (up to three), the options the rest
    local qh = 190
    if q and theme.frame == "square" then
      local m = c.measure(c.text(theme, 0, 0, box.w, 100000, q, { size = 56, min_size = 56, weight = "bold",
        line_height = 1.1 }))
      qh = math.max(90, math.min(190, m.height + 20))
    end
    if q then
      items[#items + 1] = c.appear(a:enter(1), {
        c.text(theme, box.x, y, box.w, qh, q, { size = 56, weight = "bold", valign = "middle",
          id = "question", min_size = 28, max_lines = 3, line_height = 1.1 }),
      }, 24)
    end
    y = y + qh + 30
    local options = options_of(v)
    if #options == 0 then return items end
    local correct = v.show_answer and correct_index(v, options)
    local reveal = correct and a:step(#options + 1) or 0
    local cells = c.grid({ x = box.x, y = y, w = box.w, h = box.y + box.h - y }, #options,
      #options > 2 and 2 or 1, 32)
    local osize = 40
    if c.roomy(theme) then
      -- a tall or square frame: one column of cards as tall as their text,
      -- set larger (two columns of tall cards left the text small in empty
      -- cards); the largest size down to 44 (or the size every option fits its
      -- line at, when smaller) at which the column fits, else
      -- the grid
      local square = theme.frame == "square"
      local h, gap, low = box.y + box.h - y, square and 20 or 28, square and 100 or 140
      local top = 52
      for _, o in ipairs(options) do
        local probe = c.text(theme, 0, 0, box.w - 170, h, c.str(o) or "", { size = top, line_height = 1.05 })
        top = math.min(top, c.fit_size(probe, top, 40))
      end
      for sz = top, math.min(top, 44), -2 do
        local stack, sum = {}, 0
        for i, o in ipairs(options) do
          local m = c.measure(c.text(theme, 0, 0, box.w - 170, 100000, c.str(o) or "",
            { size = sz, min_size = sz, line_height = 1.05 }))
          stack[i] = math.max(low, m.height + (square and 48 or 64))
          sum = sum + stack[i] + gap
        end
        if sum - gap <= h then
          osize = sz
          local yy = y
          for i = 1, #options do
            cells[i] = { x = box.x, y = yy, w = box.w, h = stack[i] }
            yy = yy + stack[i] + gap
          end
          break
        end
      end
    end
    for i, o in ipairs(options) do
      local cell = cells[i]
      local is = correct == i
      local good = theme.good
      local g = {}
      local card = c.card(theme, cell.x, cell.y, cell.w, cell.h, { radius = 20 })
      if is and reveal > 0 then
        card.fill = T.mix(theme.card, good, (theme.dark and 0.3 or 0.15) * reveal)
        card.stroke = T.alpha(good, reveal)
        card.stroke_width = 4
      elseif correct and reveal > 0 then
        card.opacity = 1 - 0.45 * reveal
      end
      g[#g + 1] = card
      local disc_fill = is and reveal > 0 and T.mix(theme.accent, good, reveal) or theme.accent
      local label = (is and reveal >= 0.5) and "✓" or LETTERS[i] or tostring(i)
      for _, it in ipairs(c.disc(theme, cell.x + 70, cell.y + cell.h / 2, 36, label,
        { fill = disc_fill, size = 36 })) do g[#g + 1] = it end
      local txt = c.text(theme, cell.x + 136, cell.y + 16, cell.w - 170, cell.h - 32, c.str(o) or "",
        { size = osize, valign = "middle", id = string.format("options[%d]", i), min_size = 18,
          weight = (is and reveal > 0) and "bold" or nil })
      if correct and not is and reveal > 0 then txt.opacity = 1 - 0.45 * reveal end
      g[#g + 1] = txt
      items[#items + 1] = c.appear(a:step(i), g, 30)
    end
    return items
  end,
}
