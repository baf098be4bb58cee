-- vg.scenes.common: helpers shared by the built-in scene layouts (and
-- available to user layouts). Everything returns display-list items (plain
-- tables, see docs/scenes.md); nothing here draws or keeps state.
local core = require("vg.render_core")
local i18n = require("vg.i18n")

local M = {}

--- Values from scene files --------------------------------------------------

-- A field as display text: strings as they are, numbers printed, lists
-- joined; nil for nothing.
-- Every text item (in groups too) gets the scene's language, unless a
-- layout gave it one: the renderer tells Pango (fonts, shaping, line breaks).
function M.set_lang(items, lang)
  for _, it in ipairs(items) do
    if type(it) == "table" then
      if (it.type == "text" or it.type == "code") and it.lang == nil then it.lang = lang end
      if type(it.items) == "table" then M.set_lang(it.items, lang) end
      if type(it.children) == "table" then M.set_lang(it.children, lang) end
    end
  end
end

function M.str(v)
  if v == nil or v == false then return nil end
  local tv = type(v)
  if tv == "string" then
    v = v:gsub("%s+$", "")
    return v ~= "" and v or nil
  end
  if tv == "number" then
    if math.type(v) == "float" and v % 1 == 0 and math.abs(v) < 1e15 then
      return string.format("%d", math.floor(v))
    end
    return tostring(v)
  end
  if tv == "boolean" then return tostring(v) end
  if tv == "table" then
    if v.title or v.text then
      return M.str(v.title or v.text)
    end
    local parts = {}
    for _, x in ipairs(v) do parts[#parts + 1] = M.str(x) end
    return #parts > 0 and table.concat(parts, ", ") or nil
  end
  return tostring(v)
end

-- A field as a list: a list stays a list, a string becomes its lines.
function M.list(v)
  if v == nil then return {} end
  if type(v) == "table" then
    local out = {}
    for _, x in ipairs(v) do
      if x ~= nil then out[#out + 1] = x end
    end
    return out
  end
  local out = {}
  for line in tostring(v):gmatch("[^\n]+") do
    if line:match("%S") then out[#out + 1] = line end
  end
  return out
end

-- How long a slide of n code lines stays up, to be read: about 1.5 s a line,
-- at least 4 s (0: no code), from vg.timing, which the length estimate
-- (stages/input/narrate.c, read_seconds) reads too.
function M.code_read_time(n)
  local t = require("vg.timing")
  return n > 0 and math.max(t.code_min, t.code_line * n) or 0
end

-- A field's lines: every entry of the list, each split at its newlines (a
-- command or a code block given as one string or as a list of them).
function M.lines(v)
  local out = {}
  for _, x in ipairs(M.list(v)) do
    for line in ((M.str(x) or "") .. "\n"):gmatch("(.-)\n") do out[#out + 1] = line end
  end
  return out
end

-- Lines of code as shown: the indent every non-blank line shares is
-- dropped (a block indented inside its fence, or cut from a nested
-- function, spent a tenth of a narrow frame's width on spaces and wrapped
-- for it); the indent of a line within the block is kept.
function M.dedent(lines)
  local common
  for _, l in ipairs(lines) do
    if l:find("%S") then
      local lead = l:match("^[ \t]*")
      if not common then
        common = lead
      else
        local k = 0
        while k < #common and k < #lead and common:byte(k + 1) == lead:byte(k + 1) do k = k + 1 end
        common = common:sub(1, k)
      end
      if common == "" then return lines end
    end
  end
  if not common then return lines end
  local out = {}
  for i, l in ipairs(lines) do out[i] = l:find("%S") and l:sub(#common + 1) or "" end
  return out
end

function M.code_lines(v) return M.dedent(M.lines(v)) end

-- Escapes text for Pango markup.
function M.esc(s)
  return (tostring(s):gsub("[&<>'\"]", { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;",
    ["'"] = "&#39;", ['"'] = "&quot;" }))
end

local function hex(c, a)
  local s = string.format("#%02x%02x%02x", math.floor(c[1] + 0.5), math.floor(c[2] + 0.5),
    math.floor(c[3] + 0.5))
  if a then s = s .. string.format("%02x", math.floor(a * 255 + 0.5)) end
  return s
end
M.hex = hex

-- Guesses the language of a code snippet (for colouring only).
function M.guess_language(code)
  code = code or ""
  if code:match("^%s*%$ ") or code:match("\n%s*%$ ") then return "shell" end
  if code:match("#include") or code:match("int%s+main%s*%(") or code:match("printf%s*%(") then return "c" end
  -- a block opened by a colon is Python only after a keyword of its own
  -- ("ARGUMENTS:" over indented lines is a help listing)
  local opened = false
  for _, kw in ipairs({ "if", "for", "while", "def", "class", "with", "try", "else", "except" }) do
    if ("\n" .. code):match("\n%s*" .. kw .. "%f[%W][^\n]*:%s*\n%s+") then opened = true break end
  end
  if code:match("%f[%w]def%s+[%w_]+%s*%(") or code:match("%f[%w]import%s+[%w_]+%s*\n")
    or code:match("%f[%w]elif%f[%W]") or code:match("print%(") and not code:match(";%s*\n")
    or opened and not code:match("[{;]") then
    return "python"
  end
  if code:match("%f[%w]local%s") or code:match("%f[%w]then%f[%W]") or code:match("%f[%w]end%s*$") then
    return "lua"
  end
  if code:match("%f[%w]function%f[%W]") or code:match("%f[%w]const%s") or code:match("=>")
    or code:match("console%.log") then
    return "javascript"
  end
  if code:match("^%s*[%w_%-]+:%s") then return "yaml" end
  return "shell"
end

--- Animation ----------------------------------------------------------------

function M.ease(p)
  if p <= 0 then return 0 end
  if p >= 1 then return 1 end
  local q = 1 - p
  return 1 - q * q * q
end

-- Wraps items so they fade in and slide by (1-p)*dy (or dx).
function M.appear(p, items, dy, dx)
  if p >= 1 then return { type = "group", items = items } end
  return { type = "group", opacity = p, dy = (1 - p) * (dy or 30), dx = (1 - p) * (dx or 0),
    items = items }
end

--- Primitives -----------------------------------------------------------------

function M.card(theme, x, y, w, h, opts)
  opts = opts or {}
  return {
    type = "rect", x = x, y = y, w = w, h = h, radius = opts.radius or 20,
    fill = opts.fill or theme.card,
    stroke = opts.stroke ~= false and (opts.stroke or (theme.dark and theme.card_border or nil)) or nil,
    stroke_width = opts.stroke_width or 1.5,
    shadow = opts.shadow ~= false and theme.shadow or nil,
  }
end

function M.text(theme, x, y, w, h, text, o)
  o = o or {}
  local it = {
    type = "text", x = x, y = y, w = w, h = h,
    size = o.size or 34, min_size = o.min_size, weight = o.weight, italic = o.italic,
    color = o.color or theme.text, align = o.align, valign = o.valign or "top",
    font = o.font or theme.fonts.sans, line_height = o.line_height, max_lines = o.max_lines,
    id = o.id, letter_spacing = o.letter_spacing, warn_below = o.warn_below,
    lang = o.lang or theme.lang, hang = o.hang, tab = o.tab,
  }
  if o.markup then it.markup = text else it.text = text end
  return it
end

function M.code(theme, x, y, w, h, text, o)
  o = o or {}
  return {
    type = "code", x = x, y = y, w = w, h = h, text = text,
    size = o.size or 30, min_size = o.min_size or 14, language = o.language,
    font = theme.fonts.mono, palette = theme.code, color = theme.code.text,
    line_height = o.line_height or 1.35, id = o.id,
  }
end

-- Measures a text item as the renderer will fit it.
function M.measure(item) return core.measure(item) end

-- True in a square or tall frame: a phone shows it small, and it has the
-- height a wide frame spends on width, so sparse text may be set larger.
function M.roomy(theme) return theme.frame == "tall" or theme.frame == "square" end

-- The largest type size from big down to base (steps of 2) at which a
-- text or code item fits its box as it is: not shrunk, not cut, and code
-- not wrapped. base when none does (the renderer fits it as before).
-- Remembered by the item's text, box and font (layouts run every frame).
local fit_memo, fit_count = {}, 0
function M.fit_size(item, big, base)
  if big <= base then return base end
  local key = table.concat({ item.type, item.text or item.markup or "", item.w, item.h, item.font or "",
    item.line_height or "", item.weight or "", item.lang or "", big, base }, "\0")
  if fit_memo[key] then return fit_memo[key] end
  local probe = {}
  for k, v in pairs(item) do probe[k] = v end
  local lines = item.type == "code" and select(2, (item.text or ""):gsub("\n", "")) + 1 or nil
  local size = base
  for sz = big, base + 1, -2 do
    probe.size, probe.min_size = sz, sz
    local m = core.measure(probe)
    if not m.shrunk and not m.cut and (not lines or m.lines <= lines) then size = sz break end
  end
  if fit_count >= 256 then fit_memo, fit_count = {}, 0 end
  fit_memo[key], fit_count = size, fit_count + 1
  return size
end

-- A pill's type size: a square or tall frame (a phone shows it small)
-- sets it a quarter larger, up to 32 (its 80-unit row keeps room).
function M.pill_size(theme, size)
  if M.roomy(theme) then return math.max(size, math.min(32, math.floor(size * 1.25))) end
  return size
end

-- A pill with text; returns items and its width. o.h: a height of the
-- caller's (its size is then taken as it is).
function M.pill(theme, x, y, text, o)
  o = o or {}
  local size = o.size or 24
  if not o.h then size = M.pill_size(theme, size) end
  local h = o.h or size * 1.9
  local probe = M.text(theme, 0, 0, 2000, h, text, { size = size, weight = "bold" })
  local m = core.measure(probe)
  local w = math.min(o.max_w or 900, m.width + size * 1.6)
  local fill = o.fill or theme.accent_soft
  local items = {
    { type = "rect", x = x, y = y, w = w, h = h, radius = h / 2, fill = fill },
    M.text(theme, x, y, w, h, text, { size = size, weight = "bold", align = "center",
      valign = "middle", color = o.color or theme.accent_text, id = o.id, min_size = size * 0.6 }),
  }
  return items, w
end

-- Numbered (or symbol) disc.
function M.disc(theme, cx, cy, r, label, o)
  o = o or {}
  return {
    { type = "circle", cx = cx, cy = cy, r = r, fill = o.fill or theme.accent },
    M.text(theme, cx - r, cy - r, 2 * r, 2 * r, label, { size = o.size or r * 0.95, weight = "bold",
      align = "center", valign = "middle", color = o.color or { 255, 255, 255 }, min_size = r * 0.4 }),
  }
end

-- Header block: title (+ optional description) at the top of the box, with
-- the accent underline. Returns items and the y where content may start.
function M.header(theme, box, title, desc, a, o)
  o = o or {}
  local items = {}
  local y = box.y
  -- a square frame has the least height under its title (burnt captions
  -- take its bottom): a smaller title band leaves the content more
  local square = theme.frame == "square"
  local size = o.size or (square and 58 or 66)
  local hh = math.floor((o.title_h or (square and 80 or 100)) * (theme.line_scale or 1))
  local lines = 2
  if title and not o.title_h then
    -- a title that needs two lines gets their height instead of shrinking
    local m = core.measure({ type = "text", text = title, w = box.w, h = 100000, size = size,
      min_size = size, weight = "bold", font = theme.fonts.sans, lang = theme.lang })
    if m.lines > 1 then hh = math.floor((square and 136 or 150) * (theme.line_scale or 1)) end
    -- ... a tall frame has the height for both lines at the full size: a
    -- band of 150 set them at 55 over a one-point slide's text grown to 66,
    -- a heading smaller than what it heads (a title that the band sets on
    -- one line, a little smaller, keeps it)
    if m.lines == 2 and theme.frame == "tall" then
      local banded = core.measure({ type = "text", text = title, w = box.w, h = hh, size = size,
        min_size = 34, max_lines = 2, weight = "bold", font = theme.fonts.sans, lang = theme.lang })
      if banded.lines > 1 then hh = math.max(hh, math.ceil(m.height)) end
    end
    -- ... and for a third line: a long heading ("Example: Extracting the
    -- version from a package.json file with a mounted volume") was squeezed
    -- into two lines at 44, smaller than the text it heads, over a frame
    -- mostly empty: three lines' height, the type shrunk only as far as
    -- three lines need (one that two lines hold at four fifths of the size
    -- keeps its two)
    if m.lines >= 3 and theme.frame == "tall" then
      local two = core.measure({ type = "text", text = title, w = box.w, h = hh, size = size,
        min_size = 34, max_lines = 2, weight = "bold", font = theme.fonts.sans, lang = theme.lang })
      if two.cut or two.final_size < 0.8 * size then
        hh, lines = math.max(hh, math.ceil(3 * m.height / m.lines)), 3
      end
    end
  end
  if title then
    local p = a and a:enter(0) or 1
    items[#items + 1] = M.appear(p, {
      M.text(theme, box.x, y, box.w, hh, title, { size = size, weight = "bold",
        valign = "bottom", id = o.field or "header", min_size = 34, max_lines = lines,
        align = M.rtl_align(theme, title) }),
      { type = "rect", x = M.rtl(theme) and box.x + box.w - 120 * p or box.x, y = y + hh + 14, w = 120 * p, h = 7,
        radius = 3.5, fill = theme.accent },
    }, 24)
    y = y + hh + (square and 32 or 40)
  end
  if desc then
    local p = a and a:enter(1) or 1
    -- a description that needs two lines gets them (cut only past two)
    local m = core.measure({ type = "text", text = desc, w = box.w, h = 100000, size = 34, min_size = 34,
      font = theme.fonts.sans, lang = theme.lang })
    local two = m.lines > 1
    items[#items + 1] = M.appear(p, {
      M.text(theme, box.x, y, box.w, two and 100 or 56, desc, { size = 34, color = theme.muted,
        id = o.desc_field or "description", min_size = 22, max_lines = two and 2 or 1, line_height = 1.0,
        align = M.rtl_align(theme, desc) }),
    }, 24)
    y = y + (two and 120 or 76)
  end
  return items, y + 10
end

-- The dark code card with window dots, and its inner box.
function M.code_card(theme, x, y, w, h, o)
  o = o or {}
  local bar = o.bar or 52
  local items = {
    M.card(theme, x, y, w, h, { fill = theme.code_bg, radius = 18, stroke = false }),
    { type = "rect", x = x, y = y, w = w, h = bar, radius = 18, fill = theme.code_bar },
    { type = "rect", x = x, y = y + bar - 18, w = w, h = 18, fill = theme.code_bar },
  }
  local colors = { { 255, 95, 87 }, { 254, 188, 46 }, { 40, 200, 64 } }
  for i, c in ipairs(colors) do
    items[#items + 1] = { type = "circle", cx = x + 14 + 24 * i, cy = y + bar / 2, r = 8, fill = c }
  end
  if o.title then
    items[#items + 1] = M.text(theme, x + 120, y, w - 240, bar, o.title, { size = 22,
      color = theme.code.output, align = "center", valign = "middle", font = theme.fonts.mono,
      min_size = 14, max_lines = 1 })
  end
  return items, { x = x + 32, y = y + bar + 24, w = w - 64, h = h - bar - 48 }
end

-- A code box revealed line by line: progress[i] (0..1) for line i. Draws
-- the box fitted for the whole text once; unrevealed lines are clipped away.
function M.code_reveal(item, progress)
  local all = true
  for _, p in ipairs(progress) do if p < 1 then all = false break end end
  if all then return { item } end
  local m = core.measure(item)
  local nl = select(2, item.text:gsub("\n", "")) + 1
  local lh = m.height / math.max(m.lines, 1)
  local out = {}
  if m.lines ~= nl then
    -- wrapped lines: reveal by height fraction instead
    for i, p in ipairs(progress) do
      if p > 0 then
        local y0 = item.y + (i - 1) / #progress * m.height
        local y1 = item.y + i / #progress * m.height
        out[#out + 1] = { type = "group", opacity = p, dx = (1 - p) * -24,
          clip = { x = item.x - 30, y = y0, w = item.w + 30, h = y1 - y0 }, items = { item } }
      end
    end
    return out
  end
  for i, p in ipairs(progress) do
    if p > 0 then
      local y0 = item.y + (i - 1) * lh
      out[#out + 1] = { type = "group", opacity = p, dx = (1 - p) * -24,
        clip = { x = item.x - 30, y = y0, w = item.w + 30, h = lh + 0.5 }, items = { item } }
    end
  end
  return out
end

-- Lays n cells out in rows x cols inside box with gaps; returns the cells.
function M.grid(box, n, cols, gap)
  gap = gap or 28
  cols = math.max(1, math.min(cols, n))
  local rows = math.ceil(n / cols)
  local cw = (box.w - gap * (cols - 1)) / cols
  local ch = (box.h - gap * (rows - 1)) / rows
  local cells = {}
  for i = 1, n do
    local r = (i - 1) // cols   -- row-major: reading order left to right
    local c = (i - 1) % cols
    cells[i] = { x = box.x + c * (cw + gap), y = box.y + r * (ch + gap), w = cw, h = ch }
  end
  return cells
end

--- Right to left ---------------------------------------------------------------

-- True when the theme's language is written right to left (Arabic, Hebrew,
-- Persian, Urdu): list layouts mirror, badges on the right.
function M.rtl(theme) return i18n.rtl(theme and theme.lang) end

-- The alignment that puts a text on the right of an RTL slide: the
-- renderer lays an RTL language's text out right to left (aligned right by
-- default), except a text typed in visual order for a left-to-right page (it
-- opens a bracket first and leaves brackets open), which is laid out left to
-- right: that one is aligned right explicitly (stages/render/text.c).
function M.rtl_align(theme, text)
  if not M.rtl(theme) or type(text) ~= "string" or text:sub(1, 1) ~= "(" then return nil end
  local _, opens = text:gsub("%(", "")
  local _, closes = text:gsub("%)", "")
  return opens > closes and "right" or nil
end

-- Mirrors items left to right inside [x0, x0 + w0] (in place): rectangles,
-- texts and groups move to the other side, circles too, slides reverse.
function M.mirror(items, x0, w0)
  for _, it in ipairs(items) do
    if type(it) == "table" then
      if it.type == "circle" and it.cx then
        it.cx = 2 * x0 + w0 - it.cx
      elseif it.x and it.w then
        it.x = 2 * x0 + w0 - it.x - it.w
      end
      if it.type == "group" and it.dx then it.dx = -it.dx end
      if type(it.items) == "table" then M.mirror(it.items, x0, w0) end
    end
  end
  return items
end

-- Where a card's badge stands: beside the middle of its text's first line
-- when the text runs to three lines or more (a manual page's option: its
-- number beside the option's name, not halfway down a paragraph of
-- description, where it read as belonging to neither), else the middle of
-- the text (one or two lines: the card's middle). Never above the card's
-- rounded corner (r from the text's top). first: beside the first line
-- however many lines the text takes (a slide where another card's text
-- runs to three: vg.scenes.common.rows).
function M.badge_y(item, r, first)
  local mid = item.y + item.h / 2
  -- (cheap exit: a box too low for three lines at the given size)
  if not first and item.h < 2.5 * item.size then return mid end
  local m = core.measure(item)
  if m.lines < (first and 2 or 3) then return mid end
  local top = item.y + math.max(0, (item.h - m.height) / 2)
  local line = core.measure({ type = "text", text = "Hg", w = item.w, h = 100000, size = m.final_size,
    min_size = m.final_size, font = item.font, line_height = item.line_height, lang = item.lang }).height
  return math.min(mid, math.max(item.y + r, top + line / 2))
end

-- Rows of entries, each a card with a disc (number or symbol) and text,
-- revealed one by one: entries = {{markup=, label=, id=, disc_fill=, indent=}}.
-- o: cols (default 1 up to 4 entries, else 2), size, max_row_h, step_offset.
-- room between an item's text and its card's right edge (the text
-- must not touch the card)
local RIGHT_PAD = 36
-- the text's left edge in its card: the accent bar, the badge (a disc of
-- radius up to 30) and a gap
local TEXT_X = 28 + 2 * 30 + 24
-- ... and of an entry without a badge (label = false: a list's one point,
-- shown as a statement): the bar and the gap
local BARE_X = 28 + 24
local function text_x(e) return e.label == false and BARE_X or TEXT_X end
-- How much larger than in a wide frame a square or tall frame may set the
-- type of a slide with room to spare, and never past this size (the title's
-- is 66: items stay below it).
M.GROW = 1.6
M.ROW_SIZE_MAX = 60
-- ... up to STATEMENT_MAX in a tall frame for at most this many points
-- that each stay one line; in a square frame, and in a tall one for up to
-- SHORT_LIST_MAX such points (an agenda's topics: "Testing", "Support",
-- "Contact", ...), up to SHORT_LIST_SIZE
local SHORT_MAX = 4
local SHORT_LIST_MAX, SHORT_LIST_SIZE = 8, 64
-- A wide frame's four or more one-line points (an agenda) in two columns,
-- each point one line, up to this size
local SHORT_WIDE = 64
local grown_memo, grown_count = {}, 0
-- A tall frame's list spreads over up to this share of its box's height:
-- gaps up to TALL_GAP, each card's room around its text up to TALL_PAD
local TALL_FILL, TALL_GAP, TALL_PAD = 0.8, 48, 80
-- A card whose text holds a piece of a long token (a path, a URL, a hash)
-- wider than the card at the slide's size has that text set smaller, down
-- to this share of the size (the renderer's own bar for a warning), before
-- the whole slide is set smaller for it.
M.PIECE_SHRINK = 0.75

-- A wide frame does not set a list's items below this: the size a full
-- two-column slide has always had (vg.scenes.list splits a list that fits
-- only smaller).
M.WIDE_MIN = 30

-- A tree's two columns: the first column's share of the width, equal
-- first, then by how far from equal; and how close the columns' heights
-- must come (the shorter over the taller) before equal widths give way.
local TREE_SHARES = { 0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65 }
local TREE_EVEN = 0.8

-- A wide frame's list set as large as it fits: one column of n entries,
-- or two (row by row; a tree column by column, split before a top-level
-- entry where the columns come out most even), each card as tall as its
-- text at one size, the largest from the cap down to WIDE_MIN. Two
-- columns only where they set the type at least 6 larger than one.
-- heights(size, pad, width) -> the cards' heights, their sum. Returns
-- { size, cells }, or false when nothing fits (the items shrink in equal
-- cells as before, and the list is split).
local function spread_of(entries, box, n, tree, heights, most, one_line)
  local base = n == 1 and 48 or n <= 2 and 44 or n <= 4 and 38 or 34
  local cap = math.min(M.ROW_SIZE_MAX, math.floor(base * M.GROW), most or math.huge)
  -- (the usual cards first; tighter ones, as in a square or tall frame,
  -- where three or more items fit only so)
  local function one(sz, tight)
    local gap = tight and 12 or n > 4 and 18 or 24
    local hs, sum, over = heights(sz, tight and 22 or 40, box.w)
    if over then return nil end
    if sum + (n - 1) * gap > box.h then
      if not tight and n > 2 then return one(sz, true) end
      return nil
    end
    local extra = math.min(24, (box.h - (n - 1) * gap - sum) / n)
    local cells, y = {}, box.y
    for i = 1, n do
      cells[i] = { x = box.x, y = y, w = box.w, h = hs[i] + extra }
      y = y + cells[i].h + gap
    end
    return cells
  end
  local function two(sz, tight)
    if n < 4 then return nil end
    local rows = math.ceil(n / 2)
    local gap = tight and 12 or rows > 4 and 18 or 24
    local pad = tight and 22 or 40
    local w = (box.w - gap) / 2
    local function again()
      if not tight and rows > 2 then return two(sz, true) end
      return nil
    end
    local cells = {}
    if tree then
      -- a top-level entry and its children stay one unit, in order: the
      -- columns split before a top-level entry, where the taller column is
      -- shortest. Where that leaves one column far shorter (a parent with
      -- many children beside one with a few: units too unequal to balance),
      -- the columns take unequal widths, the taller one wider (its lines
      -- wrap less), the nearest to equal at which their heights come close
      -- (TREE_EVEN); none: equal widths as they come
      local pick
      local by_width = {}   -- (0.45 and 0.55 measure the same two widths)
      local function at(width)
        if not by_width[width] then by_width[width] = { heights(sz, pad, width) } end
        return by_width[width][1], by_width[width][3]
      end
      for _, share in ipairs(TREE_SHARES) do
        local w1 = math.floor((box.w - gap) * share + 0.5)
        local w2 = box.w - gap - w1
        local h1, o1 = at(w1)
        local h2, o2 = at(w2)
        if o1 or o2 then
          if share == 0.5 then break end
        else
          -- (at one width: the shorter taller column)
          local best
          for k = 1, n - 1 do
            if (entries[k + 1].indent or 0) == 0 then
              local ha, hb = (k - 1) * gap, (n - k - 1) * gap
              for i = 1, k do ha = ha + h1[i] end
              for i = k + 1, n do hb = hb + h2[i] end
              local top = math.max(ha, hb)
              if not best or top < best.top then
                best = { k = k, top = top, even = math.min(ha, hb) / top, w1 = w1, w2 = w2, h1 = h1, h2 = h2 }
              end
            end
          end
          if not best then break end
          local fits = best.top <= box.h
          -- (equal widths where their heights come close, or where nothing
          -- else does; else the nearest to equal that brings them close.
          -- Columns close already at equal widths gain nothing from others)
          if share == 0.5 and fits then pick = best end
          if best.even >= TREE_EVEN then
            if fits then pick = best end
            if fits or share == 0.5 then break end
          end
          -- (far too tall at equal widths: a wider column does not take
          -- off that much, its cards' padding stays)
          if share == 0.5 and best.top * 0.6 > box.h then break end
        end
      end
      if not pick then return again() end
      local y = { box.y, box.y }
      for i = 1, n do
        local col = i <= pick.k and 1 or 2
        local h = col == 1 and pick.h1[i] or pick.h2[i]
        cells[i] = { x = col == 1 and box.x or box.x + pick.w1 + gap, y = y[col], w = col == 1 and pick.w1 or pick.w2, h = h }
        y[col] = y[col] + h + gap
      end
      return cells
    end
    local hs, _, over = heights(sz, pad, w)
    if over then return nil end
    -- row by row: a row as tall as its taller card
    local y = box.y
    for r = 1, rows do
      local h = math.max(hs[2 * r - 1], hs[2 * r] or 0)
      for c = 0, 1 do
        local i = 2 * r - 1 + c
        if i <= n then cells[i] = { x = box.x + c * (w + gap), y = y, w = w, h = h } end
      end
      y = y + h + gap
    end
    if y - gap > box.y + box.h then return again() end
    return cells
  end
  -- the largest of cap, cap - 2, ... down to WIDE_MIN at which fn fits:
  -- a smaller size never needs more room, so halving the range finds it
  -- in four or five tries where stepping down took up to sixteen, each
  -- measuring every item (a long API page spent seconds here)
  local function largest(fn)
    local lo, hi, found = 0, math.floor((cap - M.WIDE_MIN) / 2), nil
    while lo <= hi do
      local mid = (lo + hi) // 2
      local c = fn(cap - 2 * mid)
      if c then found, hi = { size = cap - 2 * mid, cells = c }, mid - 1 else lo = mid + 1 end
    end
    return found
  end
  local best2 = n >= 4 and largest(two) or nil
  local best1 = largest(one)
  -- four or more points of a line each (an agenda's topics, a list of
  -- platforms) were one column of narrow cards at the frame's left, its
  -- right half empty (bats' table of contents: five words at 54 over a
  -- third of the width): two columns, as large as every point stays one
  -- line in its column (up to SHORT_WIDE), where not smaller than one
  if n >= 4 and not tree and best1 and one_line(best1.size, box.w) then
    local half = (box.w - 24) / 2
    for sz = math.min(SHORT_WIDE, most or math.huge), best1.size, -2 do
      if one_line(sz, half) then
        local cells = two(sz)
        if cells then return { size = sz, cells = cells } end
      end
    end
  end
  if best2 and (not best1 or best2.size >= best1.size + 6) then return best2 end
  return best1 or false
end

-- A statement's size, up to this (a slide's header is 50, a title 66)
M.STATEMENT_MAX = 72
-- ... and its card no narrower than this (a word alone is still a card)
local STATEMENT_MIN_W = 420
-- A statement's type size and card ({size, w, h}): the largest size up to
-- STATEMENT_MAX at which its text takes no more lines than at size and
-- fits the box; the card as wide as the text's widest line.
local statement_memo, statement_count = {}, 0
local function statement_fit(theme, box, e, cell, size, most)
  local key = table.concat({ e.markup, box.w, box.h, cell.w, cell.h, size, most or "", theme.frame or "",
    theme.lang or "", theme.fonts.sans }, "\0")
  local hit = statement_memo[key]
  if hit then return hit end
  local tw = cell.w - BARE_X - RIGHT_PAD
  local function at(sz)
    return core.measure({ type = "text", markup = e.markup, w = tw, h = 100000, size = sz,
      line_height = 1.05, font = theme.fonts.sans, lang = theme.lang })
  end
  local base = at(size)
  local best, m = size, base
  for sz = math.min(M.STATEMENT_MAX, most or math.huge), size + 2, -2 do
    local t = at(sz)
    if t.lines <= base.lines and not t.shrunk and t.height + 40 <= box.h then best, m = sz, t break end
  end
  local extra = math.max(0, math.min(24, cell.h - (base.height + 40)))
  local fit = { size = best, h = m.height + 40 + extra,
    w = math.min(cell.w, math.max(STATEMENT_MIN_W, math.ceil(m.width) + 4 + BARE_X + RIGHT_PAD)) }
  if statement_count >= 128 then statement_memo, statement_count = {}, 0 end
  statement_memo[key], statement_count = fit, statement_count + 1
  return fit
end

-- The width of one column's cards when every point takes one line at
-- size and the longest leaves a quarter of the width or more: the longest
-- text's, with the card's margins; else nil.
local function short_width(theme, entries, width, size)
  local parts = { width, size, theme.lang or "", theme.fonts.sans }
  for _, e in ipairs(entries) do parts[#parts + 1] = (e.label == false and "-" or "") .. e.markup end
  local key = table.concat(parts, "\0")
  local hit = statement_memo[key]
  if hit ~= nil then return hit or nil end
  local widest = 0
  for _, e in ipairs(entries) do
    local m = core.measure({ type = "text", markup = e.markup, w = width - text_x(e) - RIGHT_PAD, h = 100000,
      size = size, line_height = 1.05, font = theme.fonts.sans, lang = theme.lang })
    if m.lines > 1 or m.shrunk then widest = math.huge break end
    widest = math.max(widest, m.width + 4 + text_x(e) + RIGHT_PAD)
  end
  local w = math.max(STATEMENT_MIN_W, math.ceil(widest))
  local out = w <= width * 0.75 and w or false
  if statement_count >= 128 then statement_memo, statement_count = {}, 0 end
  statement_memo[key], statement_count = out, statement_count + 1
  return out or nil
end

-- The smallest size the texts of entries take in their cells at size,
-- each as wide as its card lets it (a long token's piece wider than that
-- sets it smaller; the height is the card's own, measured to fit).
-- Remembered per slide: rows runs at every frame.
local least_memo, least_count = {}, 0
local function shared_least(theme, entries, cells, size)
  local parts = { size, theme.lang or "", theme.fonts.sans }
  for i, e in ipairs(entries) do
    parts[#parts + 1] = cells[i].w .. (e.indent or 0) .. (e.label == false and "-" or "") .. e.markup
  end
  local key = table.concat(parts, "\0")
  local hit = least_memo[key]
  if hit then return hit end
  local least = size
  for i, e in ipairs(entries) do
    local w = cells[i].w - (e.indent or 0) * 56 - text_x(e) - RIGHT_PAD
    local m = core.measure({ type = "text", markup = e.markup, w = w, h = 100000, size = size,
      line_height = 1.05, font = theme.fonts.sans, lang = theme.lang })
    least = math.min(least, m.final_size or size)
  end
  if least_count >= 256 then least_memo, least_count = {}, 0 end
  least_memo[key], least_count = least, least_count + 1
  return least
end

function M.rows(theme, box, entries, a, o)
  o = o or {}
  local rtl = M.rtl(theme)
  local n = #entries
  if n == 0 then return {} end
  local tree = false
  for _, e in ipairs(entries) do if (e.indent or 0) > 0 then tree = true end end
  -- a tall frame stacks everything in one column; a nested list keeps its
  -- tree: children under their parent, a column breaks only between
  -- top-level items (column-major), never beside their parent
  local narrow = box.w < 1100
  local cols = o.cols or ((narrow or n <= 4 or (tree and n <= 6)) and 1 or 2)
  local split   -- tree in two columns: the first column's last entry
  if cols == 2 and tree then
    local best
    for i = 1, n - 1 do
      if (entries[i + 1].indent or 0) == 0 then
        if not best or math.abs(i - n / 2) < math.abs(best - n / 2) then best = i end
      end
    end
    if best then split = best else cols = 1 end
  end
  local rows = split and math.max(split, n - split) or math.ceil(n / cols)
  local gap = o.gap or (rows > 4 and 18 or 24)
  local max_h = o.max_row_h or (narrow and 220 or 150)
  -- little on the slide: larger type
  -- (a tall frame has the height for larger type too)
  -- (one or two items in a square or tall frame: larger still, the frame
  -- has the room and a phone shows it small)
  local size = o.size or (cols == 1 and (n == 1 and (narrow and 54 or 48) or n <= 2 and (narrow and 48 or 44)
    or n <= 4 and (narrow and 42 or 38) or (narrow and n <= 7) and 38 or 34) or 30)
  -- o.max_size: no larger than this (the parts of one split list, each
  -- set no larger than its smallest part allows: vg.scenes.list)
  local most = tonumber(o.max_size)
  if most and not o.size then size = math.min(size, most) end
  -- long entries may take more height, up to the whole box
  local cw = (box.w - gap * (cols - 1)) / cols
  -- a card's padding around its text, and the gap between cards: tighter
  -- when three or more share a square or tall frame's one column, only
  -- where that lets the type grow (below): a phone shows the frame small,
  -- and larger type is worth more than the cards' margins (three long items
  -- in a square frame with burnt captions: 44 with the usual cards, 50 with
  -- tight ones); a full slide keeps them (and is split)
  local pad, tight_pad, tight_gap = 40, 40, gap
  if (theme.frame == "square" or theme.frame == "tall") and cols == 1 and n > 2 then
    tight_pad, tight_gap = 22, o.gap or 12
  end
  -- (third result: some text does not fit the width at sz even at
  -- M.PIECE_SHRINK of it: a long token's piece far wider than its card. A
  -- piece a little wider sets only its own card's text smaller, as the
  -- renderer does, and the card is as tall as that text: the rest of the
  -- slide keeps sz)
  local function heights(sz, p, width)
    p, width = p or pad, width or cw
    local hs, sum, wider = {}, 0, false
    for i, e in ipairs(entries) do
      -- the text's width in its card: badge, padding (see below)
      local m = core.measure({ type = "text", markup = e.markup, w = width - (e.indent or 0) * 56 - text_x(e) - RIGHT_PAD,
        h = 100000, size = sz, line_height = 1.05, font = theme.fonts.sans, lang = theme.lang })
      hs[i] = m.height + p
      sum = sum + hs[i]
      wider = wider or m.final_size < M.PIECE_SHRINK * sz - 0.01
    end
    return hs, sum, wider
  end
  -- a square or tall frame has the height a wide one spends on a second
  -- column: one column of items takes the largest type that fits the box,
  -- from today's size up to GROW times the wide frame's (a phone shows the
  -- frame small), so a sparse slide grows and a full one stays as it was.
  -- The same fit the renderer checks: every text at its own height, none
  -- shrunk or cut.
  -- every entry one line at sz (a word or a short phrase)
  local function one_line(sz, width)
    width = width or cw
    for _, e in ipairs(entries) do
      local m = core.measure({ type = "text", markup = e.markup, w = width - (e.indent or 0) * 56 - text_x(e) - RIGHT_PAD,
        h = 100000, size = sz, line_height = 1.05, font = theme.fonts.sans, lang = theme.lang })
      if m.lines > 1 or m.shrunk then return false end
    end
    return true
  end
  local grown
  if (theme.frame == "tall" or theme.frame == "square") and cols == 1 and not split and not o.size then
    -- (chosen once per slide and frame: layout runs for every frame)
    local parts = { box.w, box.h, gap, size, most or "", theme.frame, theme.lang or "", theme.fonts.sans }
    for _, e in ipairs(entries) do parts[#parts + 1] = (e.indent or 0) .. (e.label == false and "-" or "") .. e.markup end
    local key = table.concat(parts, "\0")
    grown = grown_memo[key]
    if grown == nil then
      local wide = n == 1 and 48 or n <= 2 and 44 or n <= 4 and 38 or 34
      local cap = math.min(M.ROW_SIZE_MAX, math.floor(wide * M.GROW))
      -- a tall frame's few short points ("Linux", "macOS", "Windows") take
      -- the size of a statement where each stays one line: the frame's
      -- height is theirs (three words at 60 filled a quarter of it)
      local short_cap = theme.frame == "tall" and n <= SHORT_MAX and M.STATEMENT_MAX
        or n <= SHORT_LIST_MAX and math.max(cap, SHORT_LIST_SIZE) or cap
      grown = false
      -- (the usual padding and gap first: tighter cards only where they buy
      -- a size)
      for sz = math.min(math.max(cap, short_cap), most or math.huge), size + 1, -2 do
        local g = gap
        local hs, sum, over = heights(sz)
        -- (past the usual cap only while every point stays one line)
        local long = sz > cap and not one_line(sz)
        if sum > box.h - (n - 1) * g and (tight_pad < pad or tight_gap < gap) then
          g = tight_gap
          hs, sum, over = heights(sz, tight_pad)
        end
        if sum <= box.h - (n - 1) * g and not over and not long then
          grown = { size = sz, hs = hs, sum = sum, gap = g, short = sz > cap }
          break
        end
      end
      if grown_count >= 256 then grown_memo, grown_count = {}, 0 end
      grown_memo[key], grown_count = grown, grown_count + 1
    end
  end
  -- a wide frame's list takes the largest type at which every item fits
  -- at its own height (up to the same cap, down to WIDE_MIN), in one
  -- column or two (spread_of), so a slide with room grows and a full one
  -- keeps 30 with cards as tall as their text; past that, today's layout.
  local spread
  if theme.frame == "wide" and not narrow and not o.size and not o.cols then
    local parts = { "wide", box.w, box.h, most or "", theme.lang or "", theme.fonts.sans }
    for _, e in ipairs(entries) do parts[#parts + 1] = (e.indent or 0) .. (e.label == false and "-" or "") .. e.markup end
    local key = table.concat(parts, "\0")
    spread = grown_memo[key]
    if spread == nil then
      spread = spread_of(entries, box, n, tree, heights, most, one_line)
      if grown_count >= 256 then grown_memo, grown_count = {}, 0 end
      grown_memo[key], grown_count = spread, grown_count + 1
    end
  end
  local cells, measured
  if spread then
    cells, size, measured = spread.cells, spread.size, true
  else
    if grown then size, gap = grown.size, grown.gap end
    local hs = grown and grown.hs or heights(size)
    for _, h in ipairs(hs) do max_h = math.max(max_h, h) end
    local gbox = { x = box.x, y = box.y, w = box.w, h = box.h }
    local need = rows * max_h + (rows - 1) * gap
    if need < gbox.h then gbox.h = need end
    local avail = box.h - (n - 1) * gap
    local shared, sum = size, nil
    if need > box.h and cols == 1 and not split then
      -- one column that does not fit at equal heights: every item gets the
      -- height its text needs at one size, the largest that fits the box, so
      -- the items of a slide share a type size (equal cells shrank only the
      -- long ones, which looked like a mistake). Not below a readable share of
      -- the size (the renderer's warn_below): past it, each text shrinks in
      -- its cell as before, and the renderer says so (vg.create.fit splits).
      local floor = math.max(o.min_size or 14, math.ceil(0.75 * size))
      local over
      hs, sum, over = heights(shared)
      while (sum > avail or over) and shared > floor do
        shared = math.max(floor, shared - 1)
        hs, sum, over = heights(shared)
      end
    end
    if grown then
      -- grown cards stay about as tall as their text (the room left over is
      -- not shared out into empty cards: the slide is balanced as a whole)
      shared, sum, hs = grown.size, grown.sum, grown.hs
    end
    measured = false
    if sum and sum <= avail then
      measured = true
      size = shared
      local extra = math.max(0, (avail - sum) / n)
      -- (a statement's card: as much room around its line as a statement's)
      if grown then extra = math.min(extra, grown.short and 40 or 24) end
      -- a tall frame's few cards were a band across its middle (a phone's
      -- screen half empty above and below): the room left goes to the gaps
      -- between the cards and their padding, up to TALL_FILL of the box
      if grown and theme.frame == "tall" and not o.gap then
        local more = TALL_FILL * box.h - (sum + n * extra + (n - 1) * gap)
        if more > 0 then
          local g = n > 1 and math.min(TALL_GAP, gap + more * 0.3 / (n - 1)) or gap
          more = more - (g - gap) * (n - 1)
          -- (one or two cards: more room each, there is no third to share it)
          local pad = n <= 2 and TALL_PAD * 1.5 or TALL_PAD
          extra = extra + math.max(0, math.min(more / n, pad - extra))
          gap = g
        end
      end
      cells = {}
      local y = box.y
      for i = 1, n do
        cells[i] = { x = box.x, y = y, w = box.w, h = hs[i] + extra }
        y = y + cells[i].h + gap
      end
    elseif split then
      local half = M.grid(gbox, rows * 2, 2, gap)   -- row-major cells of a rows x 2 grid
      cells = {}
      for i = 1, n do
        local col, r = i <= split and 0 or 1, i <= split and i - 1 or i - split - 1
        cells[i] = half[r * 2 + col + 1]
      end
    else
      cells = M.grid(gbox, n, cols, gap)
    end
  end
  -- one point alone (a statement, no badge) was a card of the box's width
  -- with a short sentence in it: its type grows while it wraps into no more
  -- lines (up to STATEMENT_MAX), and its card is as wide as its text
  if n == 1 and entries[1].label == false and (entries[1].indent or 0) == 0 and measured and not o.size then
    local fitted = statement_fit(theme, box, entries[1], cells[1], size, most)
    size = fitted.size
    cells[1] = { x = cells[1].x, y = cells[1].y, w = fitted.w, h = fitted.h }
  end
  -- points of a line each in one column ("Linux", "macOS", "Windows") were
  -- cards of the box's width with a word at their left: the cards take the
  -- width of the longest (all one width), where that is under three quarters
  local one_column = true
  for i = 2, n do if cells[i].x ~= cells[1].x then one_column = false end end
  -- (a tall frame's cards keep the box's width: a column of narrow cards
  -- flush left left the frame's right half empty)
  -- (nor a square frame's points grown past the usual cap: the same column
  -- of narrow cards at its left)
  if n >= 2 and one_column and not tree and measured and not o.size and not o.full_width and theme.frame ~= "tall"
      and not (grown and grown.short) then
    local w = short_width(theme, entries, cells[1].w, size)
    if w then for i = 1, n do cells[i] = { x = cells[i].x, y = cells[i].y, w = w, h = cells[i].h } end end
  end
  -- one type size on a slide: a card whose text holds a long token's piece
  -- a little wider than the card (up to PIECE_SHRINK) had its text set
  -- smaller alone, its neighbours larger ("fastapi[standard-no-fastapi-
  -- cloud-cli]" at 40 under a card at 50 in a square frame read as a
  -- mistake). The slide is laid out again at the size that piece fits
  -- (every card as tall as its text at it); its texts keep the size the
  -- slide had (unshared), which is what a split would reach for them.
  if measured and n >= 2 and not o.unshared then
    local least = shared_least(theme, entries, cells, size)
    if least < size - 0.5 then
      local again = {}
      for k, v in pairs(o) do again[k] = v end
      again.unshared = size
      if o.size then again.size = math.floor(least) else again.max_size = math.floor(least) end
      return M.rows(theme, box, entries, a, again)
    end
  end
  -- one badge size on a slide, so its texts start at one edge (cards of
  -- one line and of several lines side by side)
  local low = math.huge
  for i = 1, n do low = math.min(low, cells[i].h) end
  local r = math.min(30, low * 0.3)
  -- an entry's card and its text
  local function text_of(i, e)
    local cell = cells[i]
    local ind = (e.indent or 0) * 56
    local x, w = cell.x + ind, cell.w - ind
    local tx = e.label ~= false and x + 28 + 2 * r + 24 or x + BARE_X
    -- (cards as tall as their text: the text as wide as it was measured,
    -- so its lines break where the card's height expects; a smaller badge
    -- leaves more room at the right)
    local tw = measured and w - text_x(e) - RIGHT_PAD or x + w - tx - RIGHT_PAD
    local text = M.text(theme, tx, cell.y + 10, tw, cell.h - 20, e.markup,
      { markup = true, size = size, min_size = o.min_size or 14, valign = "middle", id = e.id,
        line_height = 1.05 })
    text.unshared = o.unshared
    return text, x, w
  end
  -- one place for the badges of a slide: beside each text's first line
  -- where any card's text runs to three lines or more (badge_y), else in
  -- the middle of each ("5" beside the first of three lines over a "6"
  -- halfway down two in one column read as two rules)
  local first_line = false
  do
    local parts = { size, r, theme.lang or "", theme.fonts.sans }
    for i, e in ipairs(entries) do
      local c = cells[i]
      parts[#parts + 1] = table.concat({ c.w, c.h, e.indent or 0, e.label == false and "-" or "+", e.markup }, "\1")
    end
    local key = "badge\0" .. table.concat(parts, "\0")
    first_line = grown_memo[key]
    if first_line == nil then
      first_line = false
      for i, e in ipairs(entries) do
        local text = text_of(i, e)
        if e.label ~= false and text.h >= 2.5 * text.size and core.measure(text).lines >= 3 then
          first_line = true
          break
        end
      end
      if grown_count >= 256 then grown_memo, grown_count = {}, 0 end
      grown_memo[key], grown_count = first_line, grown_count + 1
    end
  end
  local items = {}
  for i, e in ipairs(entries) do
    local cell = cells[i]
    -- (an entry with step = false enters with the header: shown as context)
    local p = 1
    if a and e.step == false then p = a:enter(1)
    elseif a then p = a:step((e.step or i) + (o.step_offset or 0)) end
    if p > 0 then
      local text, x, w = text_of(i, e)
      local group = {
        M.card(theme, x, cell.y, w, cell.h, { radius = 16 }),
        { type = "rect", x = x, y = cell.y + 14, w = 6, h = cell.h - 28, radius = 3,
          fill = e.disc_fill or theme.accent },
      }
      if e.label ~= false then
        -- numbered in the slide's own digits (Arabic-Indic on an Arabic slide)
        local label = require("vg.text").digits(e.label or tostring(i), theme.lang)
        for _, it in ipairs(M.disc(theme, x + 28 + r, M.badge_y(text, r, first_line), r, label,
            { fill = e.disc_fill })) do
          group[#group + 1] = it
        end
      end
      group[#group + 1] = text
      local ap = M.appear(p, group, 0, -40)
      -- right to left: the card mirrored, its badge on the right (the
      -- renderer lays the text out right to left, aligned right)
      if rtl then M.mirror({ ap }, box.x, box.w) end
      items[#items + 1] = ap
    end
  end
  return items
end

-- "<b>title</b>\ndescription" for an item that is a string or {title, description}.
-- run_in: the term starts its definition's line (a glossary) instead of
-- standing on a line of its own
function M.item_markup(theme, item, run_in)
  if type(item) == "table" then
    local t, d = M.str(item.title or item.text or item.name), M.str(item.description or item.desc)
    if t and d and run_in then
      return string.format("<b>%s</b>  <span size='82%%' foreground='%s'>%s</span>", M.esc(t), hex(theme.muted), M.esc(d)), t
    end
    if t and d then
      return string.format("<b>%s</b>\n<span size='82%%' foreground='%s'>%s</span>", M.esc(t),
        hex(theme.muted), M.esc(d)), t
    end
    local s = t or d or M.str(item) or ""
    return M.esc(s), s
  end
  local s = M.str(item) or ""
  return M.esc(s), s
end

-- Difficulty colour: easy/beginner green, medium/intermediate orange, hard red.
function M.difficulty_color(theme, d)
  d = (M.str(d) or ""):lower()
  if d:match("easy") or d:match("begin") then return theme.good end
  if d:match("hard") or d:match("adv") or d:match("expert") then return theme.bad end
  return theme.warn
end

return M
