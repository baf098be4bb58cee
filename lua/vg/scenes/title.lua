-- title: a large centred title and subtitle (openings and chapters).
local c = require("vg.scenes.common")

-- the smallest size a title is set at to keep its words whole
local WHOLE_MIN = 64

-- The size (at most it.size) at which the title's widest word fits w on
-- one line. Remembered: layout runs every frame.
local memo, memo_n = {}, 0
local function whole_size(theme, title, it, w)
  local key = table.concat({ title, w, it.size, tostring(it.font), tostring(theme.lang) }, "\0")
  if memo[key] then return memo[key] end
  local size = it.size
  for tok in title:gmatch("%S+") do
    local m = c.measure({ type = "text", text = tok, w = 100000, h = 100000, size = it.size,
      min_size = it.size, weight = "bold", font = it.font, lang = it.lang, wrap = "none" })
    local tw = tonumber(m.width) or 0
    -- (a little short of the width: the measure is of the glyphs' advance)
    if tw > 0 then size = math.min(size, math.floor(it.size * (w - 8) / tw)) end
  end
  if memo_n > 256 then memo, memo_n = {}, 0 end
  memo[key], memo_n = size, memo_n + 1
  return size
end

return {
  name = "title",
  animated = true,
  fills = true,   -- places its content in the middle itself
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local title, sub = c.str(v.title), c.str(v.subtitle)
    local cy = box.y + box.h * 0.5
    -- a long title wraps, then shrinks, before anything is cut: it may take
    -- the whole upper half of a narrow frame, in more lines (square: 5,
    -- tall: 6)
    local narrow = box.w < box.h * 1.4
    local portrait = box.h > box.w * 1.2
    -- (a wide frame has the width for two lines; a right-to-left title typed
    -- in visual order reads right only on the line it was typed on: wrapped,
    -- its second line would hold the start of the sentence; it shrinks instead)
    local visual = c.rtl_align(theme, title) ~= nil
    local top, lines = cy - 300, visual and 1 or 2
    if narrow and not visual then
      top, lines = math.max(box.y, cy - (portrait and 700 or 420)), portrait and 6 or 5
    end
    local items = {}
    if title then
      local function item(t)
        return c.text(theme, box.x, top, box.w, cy - 10 - top, t, { size = 108, weight = "bold",
          align = "center", valign = "bottom", id = "title", min_size = visual and narrow and 36 or 48,
          max_lines = lines, line_height = 1.0 })
      end
      local it = item(title)
      -- no word is broken inside (Pango hyphenated "conversi-" / "on" at
      -- 108 in a tall frame), nor a name at its hyphen ("double-" over
      -- "conversion": a WORD JOINER after it): the title is set at the size
      -- its widest word fits the width on one line, where that is WHOLE_MIN
      -- or more
      local size = whole_size(theme, title, it, box.w)
      if size >= WHOLE_MIN then
        it = item((title:gsub("(%w%-)(%w)", "%1\u{2060}%2")))
        it.size, it.min_size = math.min(it.size, size), math.min(it.min_size, size)
      end
      items[#items + 1] = c.appear(a:enter(0), { it }, 40)
    end
    local p = a:enter(1)
    local lw = 180 * p
    items[#items + 1] = { type = "rect", x = box.x + (box.w - lw) / 2, y = cy + 20, w = lw, h = 8,
      radius = 4, fill = theme.accent, opacity = p }
    if sub then
      local sh = math.max(150, math.min(portrait and 360 or 220, box.y + box.h - (cy + 64)))
      items[#items + 1] = c.appear(a:enter(2), {
        c.text(theme, box.x + box.w * 0.08, cy + 64, box.w * 0.84, sh, sub, { size = 48,
          color = theme.muted, align = "center", valign = "top", id = "subtitle", min_size = 24,
          max_lines = narrow and 4 or 2 }),
      }, 30)
    end
    return items
  end,
}
