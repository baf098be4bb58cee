-- quote: a centred quotation with attribution. A long quote (more than
-- PAGE_WORDS) is shown a page of sentences at a time, each page when the
-- narration reaches it, never as a wall of text.
local c = require("vg.scenes.common")
local T = require("vg.theme")

local PAGE_WORDS = 45

local function words(s) return select(2, s:gsub("%S+", "")) end

-- Pages of whole sentences, about PAGE_WORDS each (a sentence ends at . ! ?
-- before a space and a capital letter, a digit or a quotation mark; text
-- with no such end stays one page and the renderer fits it).
local function pages(q)
  if words(q) <= PAGE_WORDS + PAGE_WORDS // 2 then return { q } end
  local sentences, start = {}, 1
  for e in q:gmatch("()[%.!?]+[\"']?%s+[%u%d\"]") do
    local stop = q:find("%s", e) - 1
    sentences[#sentences + 1] = q:sub(start, stop)
    start = stop + 2
  end
  sentences[#sentences + 1] = q:sub(start)
  local total = words(q)
  local n = math.max(1, math.floor(total / PAGE_WORDS + 0.5))
  local per = total / n
  local out, cur, w = {}, {}, 0
  for _, st in ipairs(sentences) do
    local sw = words(st)
    if w > 0 and w + sw / 2 > per then
      out[#out + 1] = table.concat(cur, " ")
      cur, w = {}, 0
    end
    cur[#cur + 1] = st
    w = w + sw
  end
  if #cur > 0 then out[#out + 1] = table.concat(cur, " ") end
  return out
end

return {
  name = "quote",
  animated = true,
  fills = true,   -- places its content in the middle itself
  steps = function(scene)
    local v = scene.visual_content or scene
    local q = c.str(v.quote_text or v.quote)
    local ps = q and pages(q) or {}
    return #ps > 1 and ps or {}
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local q, who = c.str(v.quote_text or v.quote), c.str(v.attribution or v.author)
    local page_no, npages = 1, 1
    if q then
      local ps = pages(q)
      npages = #ps
      if npages > 1 then
        for i = 2, npages do if a:step(i) > 0 then page_no = i end end
        q = ps[page_no]
      end
    end
    local cw = math.min(box.w, 1500)
    local portrait = box.h > box.w * 1.2
    local ch = math.min(box.h, (portrait and 1200 or 640) + (words(q or "") > 40 and 240 or 0))
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
    if npages > 1 then
      items[#items + 1] = c.text(theme, x + cw - 200, y + 40, 140, 40, string.format("%d / %d", page_no, npages),
        { size = 26, color = theme.muted, align = "right", max_lines = 1 })
    end
    return items
  end,
}
