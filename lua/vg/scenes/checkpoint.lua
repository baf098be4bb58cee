-- checkpoint: what was covered, questions to review, what comes next;
-- the three columns are revealed in turn.
local c = require("vg.scenes.common")
local L = require("vg.i18n").t
local T = require("vg.theme")

local COLS = {
  { field = "completed_topics", title = "l_completed", sym = "✓", color = "good" },
  { field = "review_questions", title = "l_review", sym = "?", color = "accent" },
  { field = "next_topics", title = "l_up_next", sym = "→", color = "warn" },
}

local BULLET = "•\u{00A0}\u{00A0}"

-- The bullet's width in ems in the theme's face: the hanging indent that
-- puts a point's continuation lines under its first word.
local ems = {}
local function bullet_ems(theme)
  local font = theme.fonts.sans
  if not ems[font] then
    local probe = { type = "text", x = 0, y = 0, w = 100000, h = 1000, size = 100, min_size = 100, font = font }
    probe.text = BULLET .. "x"
    local with = c.measure(probe).width
    probe.text = "x"
    ems[font] = math.max(0, (with - c.measure(probe).width) / 100)
  end
  return ems[font]
end

local function present(v)
  local out = {}
  for _, col in ipairs(COLS) do
    local list = c.list(v[col.field])
    if #list > 0 then out[#out + 1] = { def = col, list = list } end
  end
  return out
end

return {
  name = "checkpoint",
  animated = true,
  steps = function(scene)
    local out = {}
    for _, p in ipairs(present(scene.visual_content or scene)) do
      out[#out + 1] = c.str(p.list[1]) or L(scene.language, p.def.title)
    end
    return out
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local num = c.str(v.checkpoint_number)
    local items, y = c.header(theme, box, num and (L(theme.lang, "l_checkpoint") .. " " .. num) or L(theme.lang, "l_checkpoint"),
      c.str(v.description) or L(theme.lang, "l_review_intro"), a, { field = "checkpoint_number" })
    local cols = present(v)
    if #cols == 0 then return items end
    local avail = box.y + box.h - y - 6
    local portrait = box.h > box.w
    -- (the bullet never ends a line alone: a non-breaking space after it)
    local function bullets(list)
      local lines = {}
      for _, t in ipairs(list) do lines[#lines + 1] = BULLET .. c.esc(c.str(t) or "") end
      return table.concat(lines, "\n")
    end
    -- a point that wraps goes on under its text, not under its bullet
    local hang = bullet_ems(theme)
    if theme.frame == "square" then
      -- a square frame: one row per part, its title on the left and its
      -- points beside it, as large as fits (three columns left 32-unit text
      -- in cards a quarter of the frame wide)
      local tw = math.floor(box.w * 0.36)
      local pw = box.w - tw - 36 - 36
      local gap = 24
      local size, hs
      for sz = 48, 32, -2 do
        hs = {}
        local sum = 0
        for i, col in ipairs(cols) do
          local m = c.measure(c.text(theme, 0, 0, pw, 100000, bullets(col.list), { markup = true,
            size = sz, min_size = sz, line_height = 1.25, hang = hang }))
          hs[i] = math.max(120, m.height + 56)
          sum = sum + hs[i]
        end
        size = sz
        if sum + gap * (#cols - 1) <= avail then break end
      end
      -- too much even at 32: the rows share the height by their text (each
      -- set smaller in its row) rather than run off the frame's bottom
      local sum = 0
      for i = 1, #hs do sum = sum + hs[i] end
      local room = avail - gap * (#cols - 1)
      if sum > room then
        for i = 1, #hs do hs[i] = math.floor(hs[i] * room / sum) end
      end
      local yy = y + 6
      for i, col in ipairs(cols) do
        local h = hs[i]
        local color = theme[col.def.color]
        local tint = T.mix(theme.card, color, theme.dark and 0.25 or 0.12)
        local g = {
          c.card(theme, box.x, yy, box.w, h, { radius = 20 }),
          { type = "rect", x = box.x, y = yy, w = tw, h = h, radius = 20, fill = tint },
          { type = "rect", x = box.x + tw - 20, y = yy, w = 20, h = h, fill = tint },
        }
        for _, it in ipairs(c.disc(theme, box.x + 52, yy + h / 2, 26, col.def.sym,
          { fill = color, size = 28 })) do g[#g + 1] = it end
        g[#g + 1] = c.text(theme, box.x + 92, yy, tw - 104, h, L(theme.lang, col.def.title), { size = 36,
          weight = "bold", valign = "middle", max_lines = 2, min_size = 20 })
        g[#g + 1] = c.text(theme, box.x + tw + 36, yy + 28, pw, h - 56, bullets(col.list),
          { markup = true, size = size, line_height = 1.25, id = col.def.field, min_size = 16, valign = "middle",
            hang = hang })
        items[#items + 1] = c.appear(a:step(i), g, 40)
        yy = yy + h + gap
      end
      return items
    end
    local ncol = portrait and 1 or #cols
    -- one column in a tall frame: the height for larger type
    local size = portrait and c.roomy(theme) and 42 or 32
    local texts, need = {}, 0
    for i, col in ipairs(cols) do
      texts[i] = bullets(col.list)
      local cw = (box.w - 36 * (ncol - 1)) / ncol
      local m = c.measure(c.text(theme, 0, 0, cw - 72, avail - 156, texts[i], { markup = true,
        size = size, line_height = 1.35, min_size = 16, hang = hang }))
      need = math.max(need, m.height + 170)
    end
    local rows = math.ceil(#cols / ncol)
    local cells = c.grid({ x = box.x, y = y + 6, w = box.w,
      h = math.min(avail, rows * math.max(need, portrait and 200 or 360) + (rows - 1) * 36) }, #cols, ncol, 36)
    for i, col in ipairs(cols) do
      local cell = cells[i]
      local color = theme[col.def.color]
      local g = {
        c.card(theme, cell.x, cell.y, cell.w, cell.h, { radius = 20 }),
        { type = "rect", x = cell.x, y = cell.y, w = cell.w, h = 96, radius = 20,
          fill = T.mix(theme.card, color, theme.dark and 0.25 or 0.12) },
        { type = "rect", x = cell.x, y = cell.y + 76, w = cell.w, h = 20,
          fill = T.mix(theme.card, color, theme.dark and 0.25 or 0.12) },
      }
      for _, it in ipairs(c.disc(theme, cell.x + 56, cell.y + 48, 26, col.def.sym,
        { fill = color, size = 28 })) do g[#g + 1] = it end
      g[#g + 1] = c.text(theme, cell.x + 96, cell.y, cell.w - 120, 96, L(theme.lang, col.def.title), { size = 36,
        weight = "bold", valign = "middle", max_lines = 1, min_size = 20 })
      g[#g + 1] = c.text(theme, cell.x + 36, cell.y + 126, cell.w - 72, cell.h - 156,
        texts[i], { markup = true, size = size, line_height = 1.35,
          id = col.def.field, min_size = 16, hang = hang })
      items[#items + 1] = c.appear(a:step(i), g, 40)
    end
    return items
  end,
}
