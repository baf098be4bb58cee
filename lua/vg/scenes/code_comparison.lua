-- code_comparison: before and after code side by side.
local c = require("vg.scenes.common")
local L = require("vg.i18n").t
local T = require("vg.theme")

local function code_text(v)
  if type(v) == "table" then
    local out = {}
    for _, l in ipairs(v) do out[#out + 1] = c.str(l) or "" end
    return table.concat(c.dedent(out), "\n")
  end
  return table.concat(c.code_lines(((c.str(v) or ""):gsub("\n+$", ""))), "\n")
end

local fitting_size   -- (below)

-- Lines of a code text ("" has none).
local function line_count(s)
  if s == "" then return 0 end
  local _, n = s:gsub("\n", "")
  return n + 1
end

local memo = setmetatable({}, { __mode = "k" })

-- The code's type size for cards cw wide, the before side's code avail[1]
-- high and the after side's avail[2]: the largest from cap down at which
-- both sides fit as they are (no line shrunk or wrapped); else (as in a
-- wide frame) what the renderer fits from 30.
function fitting_size(theme, cw, avail, before, after, lang, cap)
  local pb = c.code(theme, 0, 0, cw - 64, avail[1] - 100, before, { size = 30, language = lang })
  local pa = c.code(theme, 0, 0, cw - 64, avail[2] - 100, after, { size = 30, language = lang })
  for sz = cap, 32, -2 do
    pb.size, pa.size = sz, sz
    local mb, ma = c.measure(pb), c.measure(pa)
    if mb.final_size >= sz and ma.final_size >= sz and mb.lines <= math.max(1, line_count(before))
        and ma.lines <= math.max(1, line_count(after)) then
      return sz
    end
  end
  pb.size, pa.size = 30, 30
  return math.min(c.measure(pb).final_size, c.measure(pa).final_size)
end

-- Stacked cards carry their "Before"/"After" pill in the card's bar, the
-- bar the pill's height and 16 (a pill above each card, and the gap under
-- it, took two rows of a square frame's height from the code)
local function stack_bar(ph) return ph + 16 end
local STACK_GAP = 76   -- between the stacked cards: the arrow's disc and a margin

-- The height each stacked side gets of h: shared by their lines (a side
-- of two lines under one of twelve takes no half of the height), each at
-- least a third.
local function stacked_heights(h, before, after)
  local nb, na = math.max(1, line_count(before)), math.max(1, line_count(after))
  local hb = math.floor(h * nb / (nb + na))
  hb = math.max(math.floor(h / 3), math.min(h - math.floor(h / 3), hb))
  return { hb, h - hb }
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
    local top = y
    -- the "Before"/"After" pills: as large as every other pill in the frame
    -- (26; 32 in a square or tall one), their height taken from the code
    local psize = c.pill_size(theme, 26)
    local ph = math.floor(psize * 1.9)
    -- (layout runs for every frame: the plan is chosen once per scene and box)
    local key = table.concat({ box.w, box.h, y, theme.frame or "", theme.lang or "", before, after, lang }, "\0")
    local plan = memo[v]
    if not plan or plan.key ~= key then
      plan = { key = key }
      -- a wide frame sets the sides side by side; a tall one stacks them
      -- (before above after); a square one takes whichever gives the code
      -- larger type. Code grows past the wide frame's 30 in a square or
      -- tall frame when both sides fit unshrunk and unwrapped.
      local cap = theme.frame == "tall" and 44 or theme.frame == "square" and 40 or 30
      local options = {}
      if box.h <= box.w then options[#options + 1] = false end
      if theme.frame == "square" or box.h > box.w then options[#options + 1] = true end
      for _, portrait in ipairs(options) do
        local gap = portrait and STACK_GAP or 110
        local cw = portrait and box.w or (box.w - gap) / 2
        local avail = box.y + box.h - top - ph - 20
        avail = { avail, avail }
        if portrait then
          avail = stacked_heights(box.y + box.h - top - gap, before, after)
          -- (the taller bar: its height less a code card's 52)
          avail[1], avail[2] = avail[1] - (stack_bar(ph) - 52), avail[2] - (stack_bar(ph) - 52)
        end
        local size = fitting_size(theme, cw, avail, before, after, lang, cap)
        if not plan.size or size > plan.size then
          plan.size, plan.portrait, plan.gap, plan.cw, plan.avail = size, portrait, gap, cw, avail
        end
      end
      memo[v] = plan
    end
    local portrait, gap, cw, avail, size = plan.portrait, plan.gap, plan.cw, plan.avail, plan.size
    local probe_b = c.code(theme, 0, 0, cw - 64, avail[1] - 100, before, { size = size, language = lang })
    local probe_a = c.code(theme, 0, 0, cw - 64, avail[2] - 100, after, { size = size, language = lang })
    local mb, ma = c.measure(probe_b), c.measure(probe_a)
    local ch = math.min(avail[1], math.max(mb.height, ma.height) + 52 + 64)
    -- stacked, each card is as tall as its own code (a one-line "after"
    -- under a long "before" was a card of empty rows); side by side, one
    -- height for both
    local chs = { ch, ch }
    local bar = portrait and stack_bar(ph) or 52
    if portrait then
      chs = { math.min(avail[1], mb.height + 52 + 64) + bar - 52, math.min(avail[2], ma.height + 52 + 64) + bar - 52 }
    end
    local sides = {
      { label = c.str(v.before_label) or L(theme.lang, "l_before"), code = before, color = theme.bad, field = "before_code", k = 2 },
      { label = c.str(v.after_label) or L(theme.lang, "l_after"), code = after, color = theme.good, field = "after_code", k = 4 },
    }
    for i, s in ipairs(sides) do
      local x, sy = box.x, y
      if portrait then sy = y + (i - 1) * (chs[1] + gap) else x = box.x + (i - 1) * (cw + gap) end
      local g = {}
      -- side by side, the pill above its card; stacked, in the card's bar
      -- after the window dots (on the dark bar: the side's colour on its tint)
      local card, inner = c.code_card(theme, x, portrait and sy or sy + ph + 20, cw, chs[i], { bar = bar })
      local pill = portrait
        and c.pill(theme, x + 116, sy + 8, s.label, { size = psize, h = ph,
          fill = T.mix(theme.code_bar, s.color, 0.3), color = s.color, id = (s.field:gsub("code", "label")) })
        or c.pill(theme, x, sy, s.label, { size = psize, h = ph,
          fill = T.mix(theme.card, s.color, theme.dark and 0.3 or 0.16),
          color = theme.dark and s.color or T.mix(s.color, { 0, 0, 0 }, 0.25),
          id = (s.field:gsub("code", "label")) })
      for _, it in ipairs(card) do g[#g + 1] = it end
      for _, it in ipairs(pill) do g[#g + 1] = it end
      g[#g + 1] = c.code(theme, inner.x, inner.y, inner.w, inner.h, s.code,
        { size = size, language = lang, id = s.field })
      items[#items + 1] = c.appear(a:enter(s.k), g, 30)
    end
    -- the arrow between the cards
    local ax, ay, sym
    if portrait then
      ax, ay, sym = box.x + box.w / 2, y + chs[1] + gap / 2, "↓"
    else
      ax, ay, sym = box.x + cw + gap / 2, y + ph + 20 + ch / 2, "→"
    end
    items[#items + 1] = c.appear(a:enter(3), c.disc(theme, ax, ay, 34, sym, { size = 36 }), 0, -20)
    return items
  end,
}
