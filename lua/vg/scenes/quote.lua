-- quote: a centred quotation with attribution. A long quote (more than
-- PAGE_WORDS) is shown a page of sentences at a time, each page when the
-- narration reaches it, never as a wall of text.
local c = require("vg.scenes.common")
local QUOTE_SIZE = 56   -- a quote's type, before it shrinks to fit its card
local T = require("vg.theme")
local timing = require("vg.timing")

local PAGE_WORDS = 45

local function words(s) return select(2, s:gsub("%S+", "")) end

local kind_of = require("vg.scenes.direction").kind_of

-- -> rtl, upright: the text is mostly right-to-left letters; mostly letters
-- of scripts that have no italics (a slanted face would be synthesised)
local function script_of(text)
  local n = { rtl = 0, upright = 0, slanted = 0 }
  if type(text) ~= "string" or not utf8.len(text) then return false, false end
  for _, cp in utf8.codes(text) do
    local k = kind_of(cp)
    if k then n[k] = n[k] + 1 end
  end
  local other = n.rtl + n.upright
  return n.rtl > n.slanted, other > n.slanted
end

-- The sentences of q: each ends at . ! ? before a space and a capital
-- letter, a digit or a quotation mark (text with no such end is one).
local function split_sentences(q)
  local out, start = {}, 1
  for e in q:gmatch("()[%.!?]+[\"']?%s+[%u%d\"]") do
    local stop = q:find("%s", e) - 1
    out[#out + 1] = q:sub(start, stop)
    start = stop + 2
  end
  out[#out + 1] = q:sub(start)
  return out
end

-- The length model's pages (stages/input/narrate.c, vgi_quote_pages), so a
-- page is shown as long as the plan gives it; nil without the input part.
local core_ok, core = pcall(require, "vg.input_core")
local core_pages = core_ok and type(core) == "table" and core.quote_pages or nil

-- Pages of whole sentences, about PAGE_WORDS each (a text with one sentence
-- stays one page and the renderer fits it).
local function pages(q)
  if words(q) <= PAGE_WORDS + PAGE_WORDS // 2 then return { q } end
  if core_pages then
    local ps = core_pages(q)
    return #ps > 1 and ps or { q }
  end
  local sentences = split_sentences(q)
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

-- The sentences of a quote (the loader's splitter, with its abbreviations,
-- when it is there).
local function sentences(q, lang)
  local ok, core = pcall(require, "vg.input_core")
  if ok and core.sentences then return core.sentences(q, lang) end
  return split_sentences(q)
end

-- The alignment that sets a text at the right of a mirrored card. The
-- renderer lays out a paragraph in the direction of its first strong letter
-- (and an RTL language's text right to left), where the default alignment
-- is already its right: only a left-to-right paragraph of a slide in a
-- left-to-right language asks for "right". right_text: the text reads
-- left to right (or has no letters) and stands at the right.
local function right_of(right_text, theme)
  if right_text and not c.rtl(theme) then return "right" end
  return nil
end

-- The card of a quote: its width and height, and the height of the text
-- box in it. The card grows with the quote: a short one is not a tall empty
-- card, a long one takes the box's height before its type shrinks.
local MARK_H = 150   -- the mark's corner: the quote starts below its ink
local function card_of(theme, box, q, who)
  local cw = math.min(box.w, 1500)
  local portrait = box.h > box.w * 1.2
  local nw = words(q or "")
  local ch
  if portrait then ch = math.min(box.h, 1200, 560 + 16 * nw)
  elseif nw > 25 and box.h < box.w * 0.8 then ch = math.min(box.h, 640 + (nw > 40 and 240 or 0))
  else ch = nw > 25 and box.h or math.min(box.h, 640) end
  local who_h = who and 110 or 0
  -- ... and the card is as tall as the quote needs at its full size where
  -- the box has that height: a square frame's 23-word quote was shrunk to
  -- 44 in a card of 640 with a third of the frame empty
  if q then
    local need = c.measure(c.text(theme, 0, 0, cw - 190, 100000, q, { size = QUOTE_SIZE, min_size = QUOTE_SIZE,
      italic = true, font = theme.fonts.serif, line_height = 1.15 })).height
    ch = math.max(ch, math.min(box.h, math.ceil(need) + MARK_H + 50 + who_h))
  end
  return cw, ch, ch - MARK_H - 50 - who_h
end

-- The size a quote's text is set at in its card: the renderer's fit of it
-- (shrunk from QUOTE_SIZE where it must), remembered (layouts run every frame)
local QUOTE_MIN = 26
local fitted_memo, fitted_count = {}, 0
local function fitted(theme, box, q, who, upright)
  local key = table.concat({ q, box.w, box.h, who and "w" or "", upright and "u" or "", theme.fonts.serif,
    theme.lang or "" }, "\0")
  local hit = fitted_memo[key]
  if hit then return hit end
  local cw, _, th = card_of(theme, box, q, who)
  local m = c.measure(c.text(theme, 0, 0, cw - 190, th, q, { size = QUOTE_SIZE, italic = not upright,
    font = theme.fonts.serif, min_size = QUOTE_MIN, line_height = 1.15 }))
  if fitted_count >= 256 then fitted_memo, fitted_count = {}, 0 end
  fitted_memo[key], fitted_count = m.final_size, fitted_count + 1
  return m.final_size
end

-- One type size for every page of a quote and every part of one split
-- (a part set at 42 after one at 56 read as another quote): the smallest
-- any of them needs. set: the texts shown one after the other, each with
-- whether the attribution stands under it.
local function shared_size(theme, box, set, upright)
  local size = QUOTE_SIZE
  for _, e in ipairs(set) do size = math.min(size, fitted(theme, box, e.text, e.who, upright)) end
  return size
end

local function with_text(scene, q)
  local s, v = {}, {}
  for k, x in pairs(scene) do s[k] = x end
  for k, x in pairs(scene.visual_content or {}) do v[k] = x end
  v.quote_text, v.quote = q, nil
  s.visual_content = v
  return s
end

return {
  name = "quote",
  animated = true,
  -- a quote too long for the frame at a readable size (a square or tall
  -- video, the captions' band) becomes consecutive quote scenes, split
  -- between sentences; the attribution goes with the last (vg.create.fit)
  split = {
    field = "quote_text", field_alt = "quote", warn = "^quote_text$", min_size = 36,
    explode = function(q, lang)
      q = c.str(q)
      return q and sentences(q, lang) or {}
    end,
    join = function(list) return table.concat(list, " ") end,
    carry = function(vc, list, _, to)
      if to < #list then vc.attribution, vc.author = nil, nil end
    end,
    -- the parts share one type size: each learns the texts of all (and
    -- which keep the attribution)
    share = function(parts)
      local set = { texts = {}, who = {} }
      for k, p in ipairs(parts) do
        local v = type(p.visual_content) == "table" and p.visual_content or {}
        set.texts[k] = c.str(v.quote_text or v.quote) or ""
        set.who[k] = c.str(v.attribution or v.author) ~= nil
      end
      for _, p in ipairs(parts) do
        if type(p.visual_content) == "table" then p.visual_content.quote_parts = set end
      end
    end,
    -- a page of a long quote is on screen while it is said: each must fit
    pages = function(scene)
      local v = scene.visual_content or scene
      local q = c.str(v.quote_text or v.quote)
      local ps = q and pages(q) or {}
      local out = {}
      if #ps > 1 then for i, p in ipairs(ps) do out[i] = with_text(scene, p) end end
      return out
    end,
    -- read at about four words a second, as a part nothing is said in
    read = function(list)
      local w = 0
      for _, st in ipairs(list) do w = w + words(st) end
      return 1 + w / 4
    end,
  },
  fills = true,   -- places its content in the middle itself
  steps = function(scene)
    local v = scene.visual_content or scene
    local q = c.str(v.quote_text or v.quote)
    local ps = q and pages(q) or {}
    return #ps > 1 and ps or {}
  end,
  -- a page replaces the one before: it stays until it can be read, a
  -- moment to look and its words at the reading pace (vg.timing)
  step_read = function(_, steps)
    local out = {}
    for i, p in ipairs(steps) do out[i] = timing.read_look + words(p) / timing.read_wps end
    return out
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
    -- the mark has the card's top-left corner to itself: the quote starts
    -- below its ink, so a long (shrunk) quote never runs under it
    local mark_h = MARK_H
    local who_h = who and 110 or 0
    local cw, ch = card_of(theme, box, q, who)
    local x, y = box.x + (box.w - cw) / 2, box.y + (box.h - ch) / 2
    -- right to left (the slide's language, or the quote's own letters): the
    -- mark and the bar stand at the right, the mark turned to face the text;
    -- a script without italics is set upright, not slanted by the renderer
    local text_rtl, upright = script_of(q)
    -- the size every page and part shares
    local size = QUOTE_SIZE
    if q then
      local set = {}
      local parts = type(v.quote_parts) == "table" and type(v.quote_parts.texts) == "table" and v.quote_parts or nil
      if parts and #parts.texts > 1 then
        for k, t in ipairs(parts.texts) do
          set[k] = { text = t, who = type(parts.who) == "table" and parts.who[k] == true }
        end
      elseif npages > 1 then
        for k, t in ipairs(pages(c.str(v.quote_text or v.quote))) do set[k] = { text = t, who = who ~= nil } end
      end
      if #set > 1 then size = shared_size(theme, box, set, upright) end
    end
    local rtl = c.rtl(theme) or text_rtl
    local items = {
      c.appear(a:enter(0), {
        c.card(theme, x, y, cw, ch, { radius = 28 }),
        { type = "rect", x = x + 60, y = y + mark_h, w = 8, h = ch - mark_h - 60, radius = 4, fill = theme.accent },
        c.text(theme, x + 60, y - 30, 240, 260, rtl and "\u{201D}" or "\u{201C}", { size = 220, weight = "bold",
          color = T.alpha(theme.accent, 0.35), font = theme.fonts.serif, align = right_of(rtl, theme) }),
      }, 40),
    }
    if q then
      items[#items + 1] = c.appear(a:enter(1), {
        c.text(theme, x + 110, y + mark_h, cw - 190, ch - mark_h - 50 - who_h, q, { size = size,
          italic = not upright, font = theme.fonts.serif, valign = "middle", id = "quote_text",
          min_size = QUOTE_MIN, line_height = 1.15 }),
      }, 30)
    end
    if who then
      items[#items + 1] = c.appear(a:enter(2), {
        { type = "rect", x = x + 110, y = y + ch - 102, w = 60, h = 4, radius = 2, fill = theme.accent },
        c.text(theme, x + 190, y + ch - 130, cw - 270, 60, who, { size = 36, weight = "bold",
          color = theme.accent_text, valign = "middle", id = "attribution", min_size = 20, max_lines = 1,
          align = right_of(rtl and not script_of(who), theme) }),
      }, 20)
    end
    if npages > 1 then
      items[#items + 1] = c.text(theme, x + cw - 200, y + 40, 140, 40, string.format("%d / %d", page_no, npages),
        { size = 26, color = theme.muted, align = rtl and "left" or "right", max_lines = 1 })
    end
    if rtl then c.mirror(items, x, cw) end
    return items
  end,
}
