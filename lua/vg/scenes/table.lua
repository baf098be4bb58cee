-- table: a header row and body rows, revealed as the narration reaches them.
-- Every column is on screen: columns get the width their text needs, long
-- cells wrap, the type shrinks (down to a readable size), and a table still
-- too long pages through its rows as they are spoken. In a tall frame a
-- table of four or more columns stacks: one card per row, each cell under
-- its column's name, wrapped values under the value.
local c = require("vg.scenes.common")
local core = require("vg.render_core")

local PAD_X, PAD_Y = 22, 14   -- inside a cell
local MIN_SIZE = 20           -- below this a cell is not read at a glance: page instead
local READABLE = 24           -- below this (70 % of 34) a scene split by rows reads better (vg.create.fit)
-- A tall frame has the height for fewer rows at a larger size: a table that
-- fits only below this pages instead (and vg.create.fit splits it by rows),
-- as a list there takes up to 60
local TALL_MIN = 34
-- A square or tall frame splits a table set below this into scenes of fewer
-- rows (vg.scenes.list's ROOMY_MIN: 16 points on a phone)
local ROOMY_MIN = 44
-- ... but only into parts of at least this many rows (a table is read by
-- comparing its rows: one row a slide is not a table)
local MIN_ROWS = 3
-- ... or of this many where the table is cards (one row a card)
local MIN_CARDS = 2
-- (vg.create.fit's MAX_PARTS: the most slides a split makes)
local PARTS_MAX = 8
-- A square frame stacks a table of four or more columns (a card a row, as
-- a tall frame does) where that sets it at least this many times larger
-- than its grid
local SQUARE_STACK = 1.25
-- A table with room to spare is set larger than its usual size (44, 38 or
-- 34 by its rows; 1.3 times that in a square or tall frame), up to GROW
-- times that and never past GROW_MAX (a list's items go to 60, a title is 66)
local GROW, GROW_MAX = 1.6, 56
-- A table narrower than the box widens its columns, each up to this many
-- times what it needs; no further (the card is then narrower than the box)
local STRETCH = 1.5
-- A cell's text may be set this much smaller in its cell (a long token's
-- piece wider than its column) before the whole table is
local CELL_SHRINK = 0.8

local function cells_of(v)
  local cols = {}
  for i, x in ipairs(c.list(v.columns)) do cols[i] = c.str(x) or "" end
  local rows = {}
  for _, r in ipairs(c.list(v.rows)) do
    local row = {}
    if type(r) == "table" then
      for i = 1, math.max(#cols, #r) do row[i] = c.str(r[i]) or "" end
    else
      row[1] = c.str(r) or ""
    end
    rows[#rows + 1] = row
  end
  local n = #cols
  for _, r in ipairs(rows) do n = math.max(n, #r) end
  for i = 1, n do cols[i] = cols[i] or "" end
  for _, r in ipairs(rows) do for i = 1, n do r[i] = r[i] or "" end end
  return cols, rows, n
end

-- A row whose only text is its first cell (a group's label, "Related
-- links" over the rows it names; a note under a key) spans the whole row:
-- it sets no column's width (a sentence in the first column of a table of
-- short keys made that column half the table, its keys beside empty space)
-- and is drawn across the table.
local function spans(r, n)
  if n < 2 or r[1] == "" then return false end
  for j = 2, n do if r[j] ~= "" then return false end end
  return true
end

-- A table without a header row (every column name empty) draws no header
-- band: an empty coloured strip read as a row left blank.
local function headless(cols, n)
  for j = 1, n do if cols[j] ~= "" then return false end end
  return true
end

-- bold: true (header), "semibold" (the first column) or nil; min: the
-- smallest size it may be set at (size)
-- The sizes of a text, remembered: a table's search for its size measures
-- the same cells at the same size again (each widths pass, each part a
-- split tries), and a 200-row table of 40 columns spent most of its
-- planning there. Cleared when it grows past MEMO_MAX entries.
local MEMO_MAX = 200000
local memo, memo_n, memo_sans, memo_lang = {}, 0, nil, nil
local function remembered(theme, key, f)
  -- (the font and language compared as they are: making a key of them at
  -- every lookup was a tenth of a large table's planning)
  local sans, lang = theme.fonts.sans, theme.lang
  if sans ~= memo_sans or lang ~= memo_lang or memo_n > MEMO_MAX then
    memo, memo_n, memo_sans, memo_lang = {}, 0, sans, lang
  end
  local hit = memo[key]
  if hit then return hit[1], hit[2] end
  local w, h = f()
  memo[key] = { w, h }
  memo_n = memo_n + 1
  return w, h
end

-- how many texts were measured (not remembered): the layout's work, for tests
local M_count = { measured = 0 }

local function core_measure(spec)
  M_count.measured = M_count.measured + 1
  return core.measure(spec)
end

-- A text on one line (no width to wrap in) is measured once, at REF_SIZE,
-- and scaled: without hinting its width and height scale with the size, and
-- the search for a table's size asked for every word of every cell again at
-- each size it tried (a 109-row API table measured 18,000 texts). Glyph
-- positions are rounded at each size, so a scaled width can fall short of
-- the text's by a hundredth of a pixel: it is rounded up to an eighth, or a
-- column made exactly as wide would wrap its word ("Statu-s").
local NO_WRAP, REF_SIZE = 100000, 100
local function scaled(v, size) return math.ceil((v * size / REF_SIZE + 0.02) * 8) / 8 end

local function measure(theme, text, w, size, bold, min)
  if text == "" then return 0, 0 end
  if w >= NO_WRAP and (min == nil or min == size) and size ~= REF_SIZE then
    local rw, rh = measure(theme, text, NO_WRAP, REF_SIZE, bold)
    return scaled(rw, size), scaled(rh, size)
  end
  return remembered(theme, table.concat({ "t", text, w, size, tostring(bold), min or size }, "\0"), function()
    local m = core_measure({ type = "text", text = text, w = w, h = 100000, size = size,
      min_size = min or size, weight = bold == true and "bold" or bold or nil, font = theme.fonts.sans,
      line_height = 1.05, lang = theme.lang })
    return m.width, m.height
  end)
end

-- The widest single word of a text, so no column is narrower than a word;
-- split: the widest piece of a word, so no column is narrower than the text
-- can be broken to; split == "shrink": that piece set CELL_SHRINK smaller,
-- as the renderer sets a cell whose piece is wider than its column.
local function longest_word_of(theme, text, size, bold, split)
  local best = 0
  for wd in text:gmatch("%S+") do
    local widest = 0
    -- (a long token in the pieces the renderer breaks it into)
    for _, piece in ipairs(split and core.token_pieces(wd) or { wd }) do
      widest = math.max(widest, (measure(theme, piece, 100000, size, bold)))
    end
    if split == "shrink" and widest > 0 then
      -- (no hinting: a text's width scales with its size) only a token the
      -- renderer sets smaller in that width, not one it breaks anywhere (a
      -- word the token rule leaves to Pango keeps its width)
      local smaller = remembered(theme, table.concat({ "s", wd, widest, size, tostring(bold) }, "\0"), function()
        local m = core_measure({ type = "text", text = wd, w = widest * CELL_SHRINK + 0.5, h = 100000, size = size,
          min_size = size * CELL_SHRINK, weight = bold == true and "bold" or bold or nil, font = theme.fonts.sans,
          line_height = 1.05, lang = theme.lang })
        return m.shrunk and not m.cut, 0
      end)
      if smaller then widest = widest * CELL_SHRINK end
    end
    best = math.max(best, widest)
  end
  return best
end

local function longest_word(theme, text, size, bold, split)
  if text == "" then return 0 end
  -- (a cell's widest word remembered whole: each widths pass asks again)
  return (remembered(theme, table.concat({ "w", text, size, tostring(bold), tostring(split) }, "\0"), function()
    return longest_word_of(theme, text, size, bold, split), 0
  end))
end

-- Column widths for the grid: what each column needs on one line when that
-- fits; else every column gets a fair share and the rest goes to the
-- columns that need more, never less than the column's longest word (or,
-- where the words do not fit so, its widest piece: split).
local function widths(theme, cols, rows, n, W, size, split, head_wraps)
  local nat, minw = {}, {}
  -- (every column is at least its padding and its longest word wide: once
  -- the columns measured so far need more than W, the rest need not be
  -- measured to know the words do not fit side by side; sum >= summin)
  local sum, summin = 0, n * 2 * PAD_X
  for j = 1, n do
    if summin > W then break end
    -- (a column's name is never set smaller than the names beside it, a
    -- row read across: "m1.25" over a column of numbers widens its column,
    -- or the whole table is set smaller; cogs(5)'s names were at 0.8 of
    -- "Teeth" beside them)
    minw[j] = longest_word(theme, cols[j], size, true, split and true) + 2 * PAD_X
    nat[j] = head_wraps and minw[j] or measure(theme, cols[j], 100000, size, true) + 2 * PAD_X
    local wt = j == 1 and "semibold" or nil
    for _, r in ipairs(rows) do
      if not spans(r, n) then
        nat[j] = math.max(nat[j], measure(theme, r[j], 100000, size, wt) + 2 * PAD_X)
        minw[j] = math.max(minw[j], longest_word(theme, r[j], size, wt, split) + 2 * PAD_X)
      end
    end
    sum, summin = sum + nat[j], summin + minw[j] - 2 * PAD_X
  end
  if summin > W then sum = summin end
  local out = {}
  if sum <= W then
    -- the room left over in proportion to what each column needs: shared
    -- out evenly, a column of one-letter keys beside one of sentences took
    -- a fifth of the table for its letters (ps(1)'s process state codes);
    -- and no column more than STRETCH times as wide as it needs: a table of
    -- short cells is a card as wide as they are, not cells far apart
    -- across the frame ("style:" a third of the width from "an XSLT
    -- stylesheet")
    local k = sum > 0 and math.min(W / sum, STRETCH) or 1
    for j = 1, n do out[j] = sum > 0 and nat[j] * k or W / n end
    -- a record card (no header, names beside their values: prettier's
    -- "Default | CLI Override | API Override" of one option) keeps its
    -- names' column as wide as its widest name: stretched, a gap as wide
    -- as a word stood between "Default" and "80"; the room goes to the values
    if n == 2 and sum > 0 and k > 1 and headless(cols, n) then
      out[1], out[2] = nat[1], nat[2] * k + nat[1] * (k - 1)
    end
    -- ... but as wide as a row across it needs (up to the box): the rest to
    -- the last column
    local across = 0
    for _, r in ipairs(rows) do
      if spans(r, n) then across = math.max(across, measure(theme, r[1], 100000, size, "semibold") + 2 * PAD_X) end
    end
    if sum > 0 and across > sum * k then out[n] = out[n] + math.min(W, across) - sum * k end
    return out
  end
  -- whole words that do not fit side by side: a long token (an address, a
  -- path) is broken at its separators, as the renderer breaks it, before
  -- the type is made smaller; pieces that still do not fit set their own
  -- cells smaller (down to CELL_SHRINK) before the whole table is
  if summin > W then
    -- (a cell set smaller stays readable; else the whole table is set
    -- smaller, or stacked)
    if split == "shrink" or (split and size * CELL_SHRINK < READABLE) then return nil end
    return widths(theme, cols, rows, n, W, size, split and "shrink" or true, head_wraps)
  end
  -- water-filling: columns that need less than the fair share keep their need
  local left, open = W, {}
  for j = 1, n do open[j] = true end
  local changed = true
  while changed do
    changed = false
    local k = 0
    for j = 1, n do if open[j] then k = k + 1 end end
    if k == 0 then break end
    local fair = left / k
    for j = 1, n do
      if open[j] and math.max(nat[j], minw[j]) <= fair then
        out[j] = nat[j]; left = left - nat[j]; open[j] = false; changed = true
      end
    end
  end
  local k, need = 0, 0
  for j = 1, n do if open[j] then k = k + 1; need = need + nat[j] end end
  -- the rest in proportion to need, each at least its longest word
  local floor_sum = 0
  for j = 1, n do if open[j] then floor_sum = floor_sum + minw[j] end end
  local extra = left - floor_sum
  if extra < 0 then
    -- the columns kept whole leave the others less than their longest word
    -- (a short header set on one line, "Line count", beside a column of
    -- long commands): every column its longest word, the rest in
    -- proportion to what each needs more (the header wraps instead; the
    -- type was set smaller, ripgrep's benchmark at 32 in a square frame)
    local more = 0
    for j = 1, n do more = more + nat[j] - minw[j] end
    for j = 1, n do
      out[j] = minw[j] + (more > 0 and (W - summin) * (nat[j] - minw[j]) / more or (W - summin) / n)
    end
    return out
  end
  local extra_need = need - floor_sum
  for j = 1, n do
    if open[j] then
      out[j] = minw[j] + (extra_need > 0 and extra * (nat[j] - minw[j]) / extra_need or extra / k)
    end
  end
  return out
end

-- Grid plan at one size: column widths, header and row heights; nil when a
-- word does not fit its column.
-- Widths given out by what each column needs on one line leave a column of
-- short words wider than it needs and one of long cells wrapped over five
-- lines (Node.js' platform list: "Architectures" over "x64" beside notes
-- of "e.g. Ubuntu 20.04, Debian 10, RHEL 8" a word a line): width moves, a
-- step at a time, to the column that sets the most rows' heights from a
-- column that loses no line for it, while the table gets shorter. (Small
-- tables only: each step measures two columns again.)
local REFINE_CELLS = 240
local REFINE_STEPS = 10
local function refine(theme, cols, rows, n, ws, size)
  if n < 2 or (#rows + 1) * n > REFINE_CELLS then return ws end
  local W = 0
  for j = 1, n do W = W + ws[j] end
  local step = W / 24
  local function cell_h(j, r, w)
    -- (a row across the table is as tall at any widths)
    if r > 0 and spans(rows[r], n) then return 0 end
    local text = r == 0 and cols[j] or rows[r][j]
    local bold = r == 0 and true or (j == 1 and "semibold" or nil)
    local _, th = measure(theme, text, w - 2 * PAD_X, size, bold, size * CELL_SHRINK)
    return th
  end
  local floor = {}
  for j = 1, n do
    floor[j] = longest_word(theme, cols[j], size, true, true)
    for _, r in ipairs(rows) do
      if not spans(r, n) then
        floor[j] = math.max(floor[j], longest_word(theme, r[j], size, j == 1 and "semibold" or nil, true))
      end
    end
    floor[j] = floor[j] + 2 * PAD_X
  end
  local function col(j, w)
    local h = {}
    for r = 0, #rows do h[r] = cell_h(j, r, w) end
    return h
  end
  local hs = {}
  for j = 1, n do hs[j] = col(j, ws[j]) end
  local function height(over)
    local t = 0
    for r = 0, #rows do
      local m = 0
      for j = 1, n do m = math.max(m, (over[j] or hs[j])[r]) end
      t = t + m
    end
    return t
  end
  ws = { table.unpack(ws) }
  local now = height({})
  for _ = 1, REFINE_STEPS do
    -- the column that sets the most height above the next tallest cell
    local gain, to = {}, nil
    for r = 0, #rows do
      local top, second, at = 0, 0, nil
      for j = 1, n do
        local h = hs[j][r]
        if h > top then top, second, at = h, top, j elseif h > second then second = h end
      end
      if at then gain[at] = (gain[at] or 0) + top - second end
    end
    for j = 1, n do if (gain[j] or 0) > 0.5 and (not to or gain[j] > gain[to]) then to = j end end
    if not to then break end
    -- (one step may save no line where two or four do)
    local best, from, by, bh_from, bh_to
    for _, k in ipairs({ 1, 2, 4 }) do
      local grown = col(to, ws[to] + k * step)
      for i = 1, n do
        if i ~= to and ws[i] - k * step >= floor[i] then
          local shrunk = col(i, ws[i] - k * step)
          local t = height({ [i] = shrunk, [to] = grown })
          if t < now - 0.5 and (not best or t < best - 0.5) then best, from, by, bh_from, bh_to = t, i, k * step, shrunk, grown end
        end
      end
    end
    if not best then break end
    ws[from], ws[to] = ws[from] - by, ws[to] + by
    hs[from], hs[to], now = bh_from, bh_to, best
  end
  return ws
end

local total, transposed_plan, pages_at
-- a plan's mode: "grid", "stack" (a card a row) or "turn" (a few rows
-- turned on their side, a column each)
local function mode_of(p) return p.t and "turn" or p.mode end
local function grid_plan(theme, cols, rows, n, W, size, head_wraps)
  local ws = widths(theme, cols, rows, n, W, size, nil, head_wraps)
  if not ws then return nil end
  ws = refine(theme, cols, rows, n, ws, size)
  local tw = 0
  for j = 1, n do tw = tw + ws[j] end
  local function row_h(r, bold)
    local h = 0
    if not bold and spans(r, n) then
      -- across the table: its text as wide as the table's
      local _, th = measure(theme, r[1], math.min(W, tw) - 2 * PAD_X, size, "semibold", size * CELL_SHRINK)
      return math.max(th, size * 1.2) + 2 * PAD_Y
    end
    for j = 1, n do
      -- (a cell whose piece is wider than its column is set smaller)
      local _, th = measure(theme, r[j], ws[j] - 2 * PAD_X, size, bold or (j == 1 and "semibold" or nil),
        size * CELL_SHRINK)
      h = math.max(h, th)
    end
    return math.max(h, size * 1.2) + 2 * PAD_Y
  end
  local plan = { mode = "grid", size = size, widths = ws, head_h = headless(cols, n) and 0 or row_h(cols, true),
    row_h = {} }
  for i, r in ipairs(rows) do plan.row_h[i] = row_h(r) end
  if head_wraps then return plan end
  -- a column's header on one line may take the width a column of long
  -- cells needs ("Line count" over "447" beside commands wrapped over four
  -- lines): the headers wrapped at their words, when that makes the table
  -- shorter
  local other = grid_plan(theme, cols, rows, n, W, size, true)
  if other and total(other, 1, #rows) < total(plan, 1, #rows) then return other end
  return plan
end

-- A cell's text that never breaks after a hyphen inside a token (an option
-- such as "--fast=1" stays whole; a WORD JOINER after the hyphen): a stacked
-- card's lines wrap between words only.
local function whole_tokens(s)
  s = s:gsub("%-", "-\u{2060}")
  return (s:gsub("\u{2060}(%s)", "%1"):gsub("\u{2060}$", ""))
end

-- A cell's text escaped for markup, a ZERO WIDTH SPACE where the renderer
-- may break its first token (never after a hyphen): Pango takes a line
-- break only where a space or such a mark allows it, and moved a value
-- whose first token is longer than the rest of its line under it, its name
-- left alone on a line ("Command" over "LC_ALL=en_US.UTF-8 egrep ...").
-- Later tokens move to a line of their own whole, as in prose.
local function esc_pieces(s)
  local lead, rest = s:match("^(%S+)(.*)$")
  if not lead then return c.esc(s) end
  local out = {}
  for k, piece in ipairs(core.token_pieces(lead)) do
    if k > 1 and not out[#out]:match("%-$") and not out[#out]:match("%s$") then out[#out + 1] = "\u{200B}" end
    out[#out + 1] = c.esc(piece)
  end
  return table.concat(out) .. c.esc(rest)
end

-- A stacked card's lines are "name<TAB>value": the names stand in a column
-- (a tab stop, in ems) and a value that wraps goes on under the value, not
-- under its column's name (a hanging indent as far in). Where a name would
-- take more than KEY_MAX of the line at the smallest stacked size (a whole
-- phrase for a name), or the names' column more than KEY_WIDE of it at this
-- size, every name stands on a line of its own over its value (as a form's
-- labels), which then starts, and wraps, at the card's edge: one layout for
-- all the card's lines, never a mix.
local KEY_GAP = 0.6   -- ems between the names' column and the values
local KEY_MAX = 0.45  -- of the line's width, at TALL_MIN
local KEY_WIDE = 0.6  -- of the line's width, at the size set

-- a column name's width in ems (measured once, at 100)
local function name_ems(theme, name)
  if name == "" then return 0 end
  local w = remembered(theme, "n\0" .. name, function()
    local m = core_measure({ type = "text", text = name, w = 100000, h = 100000, size = 100, min_size = 100,
      font = theme.fonts.sans, lang = theme.lang, wrap = "none" })
    return m.width, m.height
  end)
  return w / 100
end

-- The names' column at one size and line width: its stop in ems, or 0
-- where the names stand over their values
local function key_column(theme, cols, n, size, line_w)
  local tab = 0
  -- (no names, no column for them: a table without a header row)
  for j = 1, n do if cols[j] ~= "" then tab = math.max(tab, name_ems(theme, cols[j]) + KEY_GAP) end end
  if tab * TALL_MIN > KEY_MAX * line_w or tab * size > KEY_WIDE * line_w then return 0 end
  return tab
end

-- Stacked plan at one size: one card per row, "Column  value" lines.
local function stack_lines(theme, cols, r, n, tab)
  local parts = {}
  local function line(j, value)
    -- a column without a name: its value alone (at the values' stop), not
    -- under an empty line
    if cols[j] == "" then return (tab > 0 and "\t" or "") .. value end
    return string.format("<span foreground='%s'>%s</span>%s%s", c.hex(theme.muted), c.esc(cols[j]),
      tab > 0 and "\t" or "\n", value)
  end
  -- every column keeps its name: the first cell is the card's bold title,
  -- after its column's name
  local first = r[1] ~= "" and r[1] or nil
  if first then parts[#parts + 1] = line(1, "<b>" .. whole_tokens(esc_pieces(first)) .. "</b>") end
  for j = first and 2 or 1, n do
    if r[j] ~= "" then parts[#parts + 1] = line(j, whole_tokens(esc_pieces(r[j]))) end
  end
  return parts
end

local STACK_GAP = 40    -- between a card's columns of lines
local STACK_SPLIT = 4   -- at most this many columns of lines in a card

-- H: the body's height. A card of many columns (a 40-column row) taller
-- than that sets its lines in two to four columns, the same number in every
-- card, rather than run off the frame.
-- upto: measure only the first rows (a search for a size needs no more)
-- (a card's lines are made once a table: the search for a size asks again)
local lines_of = setmetatable({}, { __mode = "k" })

-- A card of many short lines (a 20-column table of numbers: "m1.25  15")
-- set as one column of lines filled the card's left third and left the
-- rest empty: its lines go in two or three columns side by side, as many as
-- keep every line of every card whole on one line in its column, the
-- names' column as it was, and at least SIDE_MIN lines in a column (a card
-- of three lines is not three columns of one).
local SIDE_MAX, SIDE_MIN = 3, 3
local function side_by_side(theme, cols, rows, n, size, width, upto)
  local filled = 0
  for i = 1, math.min(#rows, upto or #rows) do
    local k = 0
    for j = 1, n do if rows[i][j] ~= "" then k = k + 1 end end
    filled = math.max(filled, k)
  end
  local tab = key_column(theme, cols, n, size, width(1))
  -- the widest line of any card: its name's column and its value
  local widest = 0
  for i = 1, math.min(#rows, upto or #rows) do
    local r = rows[i]
    for j = 1, n do
      if r[j] ~= "" then
        local vw = measure(theme, r[j], NO_WRAP, size, j == 1 and true or nil)
        local nw = name_ems(theme, cols[j]) * size
        widest = math.max(widest, tab > 0 and tab * size + vw or math.max(nw, vw))
      end
    end
  end
  local best = 1
  for k = 2, SIDE_MAX do
    if math.ceil(filled / k) >= SIDE_MIN and widest <= width(k) then best = k end
  end
  return best, tab
end

local function stack_plan(theme, cols, rows, n, W, size, H, upto)
  local function width(k) return (W - 2 * PAD_X - 16 - (k - 1) * STACK_GAP) / k end
  -- the lines of every card for a names' column (made once a table and
  -- column: the search for a size asks again)
  local function lines_for(tab)
    local by = lines_of[rows]
    if not by or by.cols ~= cols then by = { cols = cols }; lines_of[rows] = by end
    local sig = tab > 0 and "tab" or "over"
    local made = by[sig]
    if not made then
      made = { lines = {}, most = 1 }
      for i, r in ipairs(rows) do
        made.lines[i] = stack_lines(theme, cols, r, n, tab)
        if #made.lines[i] > #made.lines[made.most] then made.most = i end
      end
      by[sig] = made
    end
    return made.lines, made.most
  end
  local function card(ls, k, line_w, tab)
    local per = math.max(1, math.ceil(#ls / k))
    local chunks, h = {}, 0
    for q = 1, k do
      chunks[q] = table.concat(ls, "\n", (q - 1) * per + 1, math.min(#ls, q * per))
      if chunks[q] ~= "" then
        local _, mh = remembered(theme, table.concat({ "m", chunks[q], line_w, size, tab }, "\0"), function()
          local m = core_measure({ type = "text", markup = chunks[q], w = line_w, h = 100000, size = size,
            min_size = size, font = theme.fonts.sans, line_height = 1.1, lang = theme.lang, tab = tab, hang = tab })
          return m.width, m.height
        end)
        h = math.max(h, mh)
      end
    end
    return chunks, h + 2 * PAD_Y + 8
  end
  -- (the card of most lines picks the count; every card is then measured,
  -- and one taller still, of long cells, asks for one more)
  local k = 1
  -- (side by side, every line is whole in its column: the names keep the
  -- column they have in one)
  local sides, side_tab = side_by_side(theme, cols, rows, n, size, width, upto)
  local function at(k2)
    local tab = k2 <= sides and side_tab or key_column(theme, cols, n, size, width(k2))
    local lines, most = lines_for(tab)
    return tab, lines, most
  end
  if H then
    local tab, lines, most = at(k)
    while lines[most] and k < STACK_SPLIT and select(2, card(lines[most], k, width(k), tab)) > H do
      k = k + 1
      tab, lines, most = at(k)
    end
  end
  k = math.max(k, sides)
  local plan
  repeat
    local tab, lines = at(k)
    plan = { mode = "stack", size = size, row_h = {}, markup = {}, split = k, head_h = 0, line_w = width(k),
      tab = tab }
    local tallest = 0
    for i = 1, math.min(#lines, upto or #lines) do
      plan.markup[i], plan.row_h[i] = card(lines[i], k, plan.line_w, tab)
      tallest = math.max(tallest, plan.row_h[i])
    end
    k = k + 1
  until not H or tallest <= H or k > STACK_SPLIT
  return plan
end

function total(plan, from, to, gap)
  local h = plan.head_h
  for i = from, to do h = h + plan.row_h[i] + (gap or 0) end
  return h
end

-- Pages: runs of rows whose height fits H.
local function paginate(plan, H, gap)
  local pages, start = {}, 1
  local n = #plan.row_h
  while start <= n do
    local stop = start
    while stop < n and total(plan, start, stop + 1, gap) <= H do stop = stop + 1 end
    pages[#pages + 1] = { start, stop }
    start = stop + 1
  end
  return pages
end

local cache = setmetatable({}, { __mode = "k" })

-- A number and its unit stay on one line ("510 MB/s", "12 MB", "3 ms"): a
-- NO-BREAK SPACE between them, so a column is never narrower than both and
-- a cell never wraps as "510" over "MB/s". (As drawn only: the row's text
-- for the narration's steps is the document's.)
local UNIT_MAX = 5   -- characters in a unit
local function whole_quantities(rows)
  local out = {}
  for i, r in ipairs(rows) do
    local row = {}
    for j, x in ipairs(r) do
      row[j] = x:gsub("(%d) ([%a/%%\194-\244][%a/%%\128-\191]*)%f[%s%p%z]", function(d, u)
        if utf8.len(u) and utf8.len(u) <= UNIT_MAX and not u:match("/$") then return d .. "\u{00A0}" .. u end
      end)
    end
    out[i] = row
  end
  return out
end

-- At most this many rows are turned on their side (a column each): more
-- are split into scenes of fewer rows (vg.create.fit)
local TURN_MAX = 4

-- The grid of a few rows turned on their side: its header the first
-- column's name over each row's first cell, then a line per other column,
-- its name first. The plan keeps the table's own cols and rows (what a
-- split counts) and draws t.cols and t.rows; nil where it does not fit.
function transposed_plan(theme, cols, rows, n, box, top, floor)
  if #rows < 1 or #rows > TURN_MAX or n < 3 then return nil end
  -- (a row across the table would be a column of one cell)
  for _, r in ipairs(rows) do if spans(r, n) then return nil end end
  -- (turned, a line is named by its column's name: a column without one
  -- would be a line of values nobody can tell apart)
  for j = 2, n do if not cols[j]:match("%S") then return nil end end
  local tc, tr = { cols[1] }, {}
  for i, r in ipairs(rows) do tc[i + 1] = r[1] end
  for j = 2, n do
    local line = { cols[j] }
    for i, r in ipairs(rows) do line[i + 1] = r[j] end
    tr[#tr + 1] = line
  end
  for size = top, floor, -2 do
    local p = grid_plan(theme, tc, tr, #tc, box.w, size)
    if p and total(p, 1, #tr) <= box.h then
      p.t = { cols = tc, rows = tr, n = #tc }
      return p
    end
  end
  return nil
end

-- A grid that pages: the largest size from top down at which every run of
-- MIN_ROWS rows fits a page with the header (a page of a few rows, not the
-- floor's size for all: the libxslt API table's last page was two rows at
-- 20 in a frame with room for five at 38). A row that takes more than half
-- a page even at the floor (a paragraph in one cell) is left out of the
-- runs: it has a page of its own, where its text is set smaller in its cell
-- as it must (the layout), and does not set every other row's size.
-- at_floor: the plan at the floor.
function pages_at(theme, cols, rows, n, box, top, floor, at_floor)
  local long = {}
  for i = 1, #rows do long[i] = at_floor.head_h + at_floor.row_h[i] > box.h / 2 end
  for size = top, floor + 2, -2 do
    local p = grid_plan(theme, cols, rows, n, box.w, size)
    local ok = p ~= nil
    -- (each run of rows between long ones, MIN_ROWS at a time)
    local i = 1
    while ok and i <= #rows do
      if long[i] then i = i + 1 else
        local stop = i
        while stop < #rows and not long[stop + 1] do stop = stop + 1 end
        local k = math.min(MIN_ROWS, stop - i + 1)
        for r = i, stop - k + 1 do
          if total(p, r, r + k - 1) > box.h then ok = false break end
        end
        i = stop + 1
      end
    end
    if ok then return p end
  end
  return at_floor
end

-- A grid whose rows take WRAPPED_LINES lines or more on average: cells
-- of prose in columns too narrow for them
local WRAPPED_LINES = 2.5
local function wrapped(plan)
  local lines = 0
  for _, h in ipairs(plan.row_h) do lines = lines + (h - 2 * PAD_Y) / (plan.size * 1.36) end
  return #plan.row_h > 0 and lines / #plan.row_h >= WRAPPED_LINES
end

-- The largest size at which the whole table fits (grid first; stacked in a
-- tall frame with four or more columns); else pages at a readable size.
-- fixed: no growth past the usual size (a split's test of its runs of rows
-- asks only whether they reach a size below it)
local plan_for
-- The size and the mode the parts of one table share (vg.create.fit's
-- `share`): the smallest size each part reaches alone. A part set larger
-- than the next one of the same table read as another table (cogs(5) in a
-- tall frame: three cards at 30, then two at 40). One mode too: where the
-- parts alone would mix a grid, stacked cards and rows turned on their
-- side (cogs(5)'s two column groups in a square frame: turned, then
-- cards), all take the mode whose smallest part is largest. nil where the
-- scene is no such part; else { size = , mode = } (mode nil: as alone).
-- A part whose cells are far wider than the others' (the size its rows
-- take in the frame's width, of any height, below SHARE_LOW of the largest
-- such: units(7)'s eight prefixes of 30-digit values at 28 in a square
-- frame beside parts at 56) is set at its own size and does not drag the
-- others down with it: they share the smallest size of the rest. (A part
-- smaller for its count of rows, cogs(5)'s three cards beside two, still
-- sets the size of all.) Still, the rest are set no larger than
-- SHARE_RATIO times such a part: consecutive slides of one table that jump
-- from 28 to 56 read as two tables (units(7) in a square frame).
local SHARE_LOW = 0.7
local SHARE_RATIO = 1.5
-- the smallest of sizes, the parts whose width-bound size (wide) is far
-- below the largest left out (each such part bounds the rest at
-- SHARE_RATIO times its own)
local function least_of(sizes, wide)
  local most, least = 0, nil
  for k in ipairs(sizes) do most = math.max(most, wide[k]) end
  for k, z in ipairs(sizes) do
    if wide[k] >= SHARE_LOW * most then least = math.min(least or z, z)
    else least = math.min(least or math.huge, math.floor(z * SHARE_RATIO / 2) * 2) end
  end
  return least
end
-- The size the parts beside part `own` allow it however it is split: each
-- part whose width holds it small (as least_of tells them) bounds the rest
-- at SHARE_RATIO times its size; the others may be split too, and bound
-- nothing. (math.huge: none)
local function bound_of(sizes, wide, own)
  local most, bound = 0, math.huge
  for k in ipairs(wide) do most = math.max(most, wide[k]) end
  for k, z in ipairs(sizes) do
    if k ~= own and wide[k] < SHARE_LOW * most then bound = math.min(bound, math.floor(z * SHARE_RATIO / 2) * 2) end
  end
  return bound
end
-- (remembered by the set of parts and the box: plan_for is asked again at
-- every frame and by every split test, and each time measured every part's
-- header before its own memo could answer)
local shared_memo = setmetatable({}, { __mode = "k" })
local function shared_size(theme, v, box)
  local set = type(v.table_parts) == "table" and v.table_parts or nil
  if not set or #set < 2 then return nil end
  local key = table.concat({ box.x, box.y, box.w, box.h, theme.frame or "", theme.lang or "",
    tostring(theme.fonts.sans), theme.line_scale or 1, c.str(v.header or v.title) or "",
    c.str(v.description) or "" }, "\0")
  local known = shared_memo[set]
  if known and known[key] then return known[key] end
  -- (each part in the body its own header leaves: a part "continued"
  -- under its header has less height than the first)
  local function head_h(x)
    local _, y = c.header(theme, box, c.str(x.header or x.title), c.str(x.description), nil)
    return y - box.y
  end
  local own, sizes, wide, modes, boxes = head_h(v), {}, {}, {}, {}
  for k, part in ipairs(set) do
    boxes[k] = { x = box.x, y = box.y, w = box.w, h = box.h + own - head_h(part) }
    local p = plan_for(theme, part, boxes[k])
    sizes[k] = p.size
    modes[mode_of(p)] = true
    -- (as the frame's width holds it, in its mode, of any height)
    wide[k] = plan_for(theme, part, { x = box.x, y = box.y, w = box.w, h = NO_WRAP }, nil, mode_of(p)).size
  end
  -- (each part's bound_of, by its rows: what a split of it can be set at
  -- once its pieces share with the rest)
  local others = setmetatable({}, { __mode = "k" })
  for k, part in ipairs(set) do
    if type(part.rows) == "table" then others[part.rows] = bound_of(sizes, wide, k) end
  end
  local least = least_of(sizes, wide)
  local out = { size = least, others = others }
  if next(modes, next(modes)) then
    -- (each mode the parts took, tried on every part: the one whose
    -- smallest part is largest; a grid before cards before turned rows)
    for _, mode in ipairs({ "grid", "stack", "turn" }) do
      if modes[mode] then
        local at, small = {}, nil
        for k, part in ipairs(set) do
          local p = plan_for(theme, part, boxes[k], nil, mode)
          -- (a part that cannot take the mode: not this one)
          if mode_of(p) ~= mode then at = nil break end
          at[k] = p.size
        end
        small = at and least_of(at, wide)
        if small and (not out.mode or small > out.size) then out = { size = small, mode = mode, others = others } end
      end
    end
    if not out.mode then out = { size = least, others = others } end
  end
  known = known or {}
  shared_memo[set] = known
  known[key] = out
  return out
end

-- alone: as if the table had no other parts
function plan_for(theme, v, box, fixed, force, alone)
  local shared = not fixed and not force and not alone and shared_size(theme, v, box) or nil
  local cap = shared and shared.size
  force = force or (shared and shared.mode)
  local key = table.concat({ box.w, box.h, theme.frame or "", theme.lang or "", theme.fonts.sans, fixed and "fixed" or "",
    cap or "", force or "" }, "|")
  local memo = cache[v]
  if memo and memo.key == key then return memo.plan end
  local cols, rows, n = cells_of(v)
  rows = whole_quantities(rows)
  local tall = box.h > box.w * 1.2
  -- (force: the mode the table's other parts take)
  local stack = force == "stack" or (not force and tall and n >= 4)
  local gap = stack and 18 or 0
  local top = #rows <= 3 and 44 or #rows <= 6 and 38 or 34
  -- a square or tall frame has the height: a table that fits larger is set
  -- larger, up to 1.3x (its cells wrap in the narrow width sooner than a
  -- list's text: less growth than a list's)
  if theme.frame == "tall" or theme.frame == "square" then top = math.floor(top * 1.3 / 2) * 2 end
  -- (a part of a table: no larger than its other parts)
  if cap then top = math.min(top, cap) end
  local plan
  local floor = tall and TALL_MIN or MIN_SIZE
  -- the plan at one size where the whole table fits the box, else nil
  local function whole_at(size)
    -- (stacked cards of one line each at least: more rows than that cannot
    -- all fit, and are not measured)
    local p
    if stack then
      if #rows * (size + 2 * PAD_Y + 8 + gap) <= box.h then p = stack_plan(theme, cols, rows, n, box.w, size, box.h) end
    else
      p = grid_plan(theme, cols, rows, n, box.w, size)
    end
    if p and total(p, 1, #rows, gap) <= box.h then return p end
  end
  if force == "turn" then plan = transposed_plan(theme, cols, rows, n, box, top, floor) end
  for size = top, floor, -2 do
    if plan then break end
    plan = whole_at(size)
  end
  -- (a tall frame stacks a table of fewer columns too where its grid
  -- fits only below a list's size with its cells wrapped into lines of a
  -- word or two, when cards set it as large or larger: Node.js' current
  -- initiatives, three columns of names and links, at 36 in cells of
  -- three and four lines. A grid of short cells, units(7)'s prefixes,
  -- stays one)
  local tall_grid = tall and theme.frame == "tall" and n >= 2 and plan and not plan.t and plan.size < ROOMY_MIN
    and wrapped(plan)
  if not force and not stack and (n >= 4 and theme.frame == "square" and (not plan or plan.size < ROOMY_MIN) or tall_grid) then
    -- a square frame whose grid holds the columns only small (cogs(5)'s
    -- eleven columns at 20, most of the frame empty under them): a card a
    -- row, its lines side by side, where that is much larger
    -- (than the grid, or a few rows turned on their side)
    local other = plan or transposed_plan(theme, cols, rows, n, box, top, floor)
    stack, gap, plan = true, 18, nil
    for size = top, READABLE, -2 do
      plan = whole_at(size)
      if plan then break end
    end
    -- (or reaches the size the table's other parts allow: cogs(5)'s parts
    -- at 24 beside one whose grid was at 20)
    -- (a tall frame's wrapped grid: cards at its size or larger, its cells
    -- no longer a word a line)
    local worse = other and (tall_grid and plan and plan.size < other.size
      or not tall_grid and plan and (plan.size <= other.size or plan.size < math.min(other.size * SQUARE_STACK, top)))
    if not plan or worse then
      stack, gap, plan = false, 0, other and not other.t and other or nil
    end
  end
  if plan and plan.size == top and not fixed and not plan.t then
    -- room to spare at the usual size: the largest that fits, up to GROW_MAX
    -- (ps(1)'s five process state codes sat at 38 in the top half of a wide
    -- frame). A bisection: a few plans, not one a size.
    local lo, hi = top, math.max(top, math.min(cap or GROW_MAX, GROW_MAX, math.floor(top * GROW / 2) * 2))
    -- (text grows at least with its size, the padding does not: no size
    -- past the one this bounds can fit, and none is measured)
    local fixed = 2 * PAD_Y * (#rows + 1) + (stack and gap * #rows or 0)
    local used = total(plan, 1, #rows, gap)
    if used > fixed then hi = math.min(hi, math.floor(top * (box.h - fixed) / (used - fixed) / 2) * 2) end
    while hi > lo do
      local mid = lo + math.ceil((hi - lo) / 4) * 2
      local p = whole_at(mid)
      if p then plan, lo = p, mid else hi = mid - 2 end
    end
  end
  if not plan and not stack then
    -- the grid cannot hold every column at a readable size: stack the rows
    local p = grid_plan(theme, cols, rows, n, box.w, floor)
    if p then plan = pages_at(theme, cols, rows, n, box, top, floor, p)
    else
      -- too wide for its columns side by side (seven columns in a square
      -- frame): a few rows turned on their side, a column each, the
      -- column names down the first column, so every cell is on screen at
      -- a readable size (stacked cards of seven short lines had left most
      -- of each card empty at 26); else stacked
      plan = force ~= "grid" and transposed_plan(theme, cols, rows, n, box, top, floor) or nil
      if not plan then stack = true; gap = 18 end
    end
  end
  if not plan then
    -- pages of a few rows each, at the largest size that holds them
    local at = MIN_SIZE
    for size = top, MIN_SIZE, -2 do
      local p = stack_plan(theme, cols, rows, n, box.w, size, box.h, 3)
      if total(p, 1, math.min(#rows, 3), gap) <= box.h then at = size break end
    end
    plan = stack_plan(theme, cols, rows, n, box.w, at, box.h)
  end
  plan.cols, plan.rows, plan.n, plan.gap = cols, rows, n, gap
  -- (turned: every row is on screen, one page)
  plan.pages = plan.t and { { 1, #rows } } or paginate(plan, box.h, gap)
  cache[v] = { key = key, plan = plan }
  return plan
end

local function row_step_text(r)
  for _, x in ipairs(r) do if x ~= "" then return x end end
  return ""
end

-- The box under the header, as the layout gets it.
local function body_of(theme, v, box)
  local _, y = c.header(theme, box, c.str(v.header or v.title), c.str(v.description), nil)
  return { x = box.x, y = y + 6, w = box.w, h = box.y + box.h - y - 6 }
end

return {
  name = "table",
  animated = true,
  work = M_count,   -- texts measured so far (tests check the planning's work)
  -- long enough to read: about half a second a cell, at least code's 4 s (a
  -- page of ripgrep's benchmark split in a tall frame, three rows of four
  -- cells said as "And 7 more rows.", was up 3 s)
  read_time = function(scene)
    local _, rows = cells_of(scene.visual_content or scene)
    local n = 0
    for _, r in ipairs(rows) do
      for _, x in ipairs(r) do if x ~= "" then n = n + 1 end end
    end
    if n == 0 then return 0 end
    local timing = require("vg.timing")
    return math.max(timing.code_min, timing.read_cell * n)
  end,
  -- a table that would page through its rows becomes several scenes, each
  -- with the header row (vg.create.fit)
  split = {
    field = "rows", warn = "^rows%[", min_size = MIN_SIZE,
    -- (parts alike: seven rows are three, two and two, not three, three
    -- and one; a part of one row is no table)
    even = true,
    -- parts balanced by their count of rows (whether a part fits is
    -- measured anyway): weighed by its first cell's text, a row with a long
    -- name made parts of four, three and one rows
    shown = function() return "" end,
    -- the parts of one table share one type size: each learns the columns
    -- and rows of all (plan_for takes the smallest any part reaches alone)
    share = function(parts)
      local set = {}
      for k, p in ipairs(parts) do
        local v = type(p.visual_content) == "table" and p.visual_content or p
        set[k] = { columns = v.columns, rows = v.rows, header = v.header, title = v.title, description = v.description }
      end
      for _, p in ipairs(parts) do
        if type(p.visual_content) == "table" then p.visual_content.table_parts = set end
      end
    end,
    -- a part knows how many rows its table has (overflows: parts of two
    -- cards only where the whole allows so few a slide)
    -- (and is no longer the reader's part it was cut from: the split's
    -- parts share among themselves, then with the reader's other parts)
    carry = function(vc, list) vc.table_rows = #list; vc.table_parts = nil end,
    -- the parts the reader made know each other before any is split
    share_early = true,
    -- a sentence that names every column (two or more) by its words is the
    -- table's opener: it stays with the first part (vg.create.fit)
    opener = function(vc, words)
      local cols = type(vc.columns) == "table" and vc.columns or {}
      if #cols < 2 then return false end
      local have = {}
      for _, w in ipairs(words) do have[w] = true end
      for _, c in ipairs(cols) do
        local any = false
        for w in tostring(c):lower():gmatch("[%w\128-\255]+") do
          if not have[w] then return false end
          any = true
        end
        if not any then return false end
      end
      return true
    end,
    text = function(r)
      local _, rows = cells_of({ columns = {}, rows = { r } })
      return row_step_text(rows[1] or {})
    end,
    -- it pages, or its type had to go below a readable size (70 % of the
    -- bullets' 34) to hold every row at once; in a square or tall frame (a
    -- phone shows it small) below a list's ROOMY_MIN: zstd's five benchmark
    -- rows at 34 followed two slides of three rows at 57
    -- (where every row alone reaches that size: else scenes of fewer rows
    -- would not be larger, and READABLE holds)
    overflows = function(scene, theme, box)
      local v = scene.visual_content or scene
      local body = body_of(theme, v, box)
      -- (judged alone, as before its neighbours were known: they only
      -- bound what its parts can reach, below)
      local plan = plan_for(theme, v, body, nil, nil, true)
      if #plan.pages > 1 or plan.size < READABLE then return true end
      -- (a table set far below that, ps.1's eight long rows at 24 in a
      -- square frame, splits where its runs of rows reach 1.4 times its size;
      -- a wide frame's below a list's WIDE_MIN, as ps.1's eight format
      -- specifiers at 26 there)
      local bar = c.roomy(theme) and ROOMY_MIN or c.WIDE_MIN
      local need = math.min(bar, plan.size * 1.4)
      if plan.size >= bar or #plan.rows < 2 then return false end
      -- (a part keeps MIN_ROWS rows: where a run of that many does not reach
      -- the size, a page of many rows reads better than slides of one;
      -- ripgrep's benchmark in a square frame was eight slides of a row)
      local rs = c.list(v.rows)
      -- (cards are read one by one, not compared down a column: in a
      -- square or tall frame a table of cards, or of four columns or more,
      -- which stacks there, may be parts of MIN_CARDS rows; cogs(5)'s
      -- three cards at 28 in a square frame, two a slide at 46)
      -- (only where parts of that many make no more slides than a split
      -- may: cogs(5) of thirty rows stays parts of three or more; a part
      -- knows the rows of the table it is cut from, `table_rows`)
      local cards = c.roomy(theme) and (plan.mode == "stack" or #c.list(v.columns) >= 4)
        and (tonumber(v.table_rows) or #rs) <= MIN_CARDS * PARTS_MAX
      local k = math.min(cards and MIN_CARDS or MIN_ROWS, #rs)
      if k == #rs then return false end
      -- (a part of a table the reader cut, beside a part whose long cells
      -- set it small, is set no larger than that part allows, split or
      -- not: units(7)'s second eight prefixes in a square frame were two
      -- slides of four rows at 42, the size one slide of eight takes)
      local shared = shared_size(theme, v, body)
      local bound = shared and shared.others[v.rows] or math.huge
      if bound < need then return false end
      for i = 1, #rs - k + 1 do
        if plan_for(theme, { columns = v.columns, rows = table.move(rs, i, i + k - 1, 1, {}) }, body, true).size < need then
          return false
        end
      end
      return true
    end,
  },
  steps = function(scene)
    local v = scene.visual_content or scene
    local _, rows = cells_of(v)
    local out = {}
    for i, r in ipairs(rows) do out[i] = row_step_text(r) end
    return out
  end,
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items, y = c.header(theme, box, c.str(v.header or v.title), c.str(v.description), a)
    local body = { x = box.x, y = y + 6, w = box.w, h = box.y + box.h - y - 6 }
    local plan = plan_for(theme, v, body)
    local nrows = #plan.rows
    if nrows == 0 and plan.n == 0 then return items end
    -- the page that holds the row spoken last
    local page = plan.pages[1] or { 1, 0 }
    for _, pg in ipairs(plan.pages) do
      if a:step(pg[1]) > 0 then page = pg end
    end
    local size = plan.size
    local x0, yy = body.x, body.y
    -- a row taller than the body alone (a page of text in one cell) is cut
    -- at the body's foot, never drawn past the frame
    local function row_h(i) return math.min(plan.row_h[i], body.h - plan.head_h - (plan.gap or 0)) end
    -- (a grid of short cells is narrower than the box: widths)
    local tw = body.w
    if plan.mode == "grid" then
      tw = 0
      for j = 1, #plan.widths do tw = tw + plan.widths[j] end
      tw = math.min(body.w, tw)
    end
    local th = total(plan, page[1], page[2], plan.gap)
    local first = #items + 1   -- what a right-to-left language mirrors
    if plan.t then
      -- turned on its side: row i is the grid's column i + 1, revealed as
      -- it is spoken; the column names (the first column) come with the header
      local t = plan.t
      th = total(plan, 1, #t.rows)
      local ws = plan.widths
      local function id_of(r, j)
        if j == 1 then return string.format("columns[%d]", r + 1) end
        return string.format("rows[%d][%d]", j - 1, r + 1)
      end
      local card = { c.card(theme, x0, yy, tw, th, { radius = 16 }),
        { type = "rect", x = x0, y = yy, w = tw, h = plan.head_h, radius = 16, fill = theme.accent_soft },
        { type = "rect", x = x0, y = yy + plan.head_h - 16, w = tw, h = 16, fill = theme.accent_soft } }
      local ry = yy + plan.head_h
      for r = 1, #t.rows do
        local rh = plan.row_h[r]
        if r % 2 == 0 then
          card[#card + 1] = { type = "rect", x = x0 + 2, y = ry, w = tw - 4, h = rh, fill = theme.bg, opacity = 0.6 }
        end
        card[#card + 1] = { type = "line", x1 = x0 + 12, y1 = ry, x2 = x0 + tw - 12, y2 = ry,
          width = 1.5, color = theme.card_border or theme.bg }
        card[#card + 1] = c.text(theme, x0 + PAD_X, ry + PAD_Y, ws[1] - 2 * PAD_X, rh - 2 * PAD_Y, t.rows[r][1],
          { size = size, min_size = size * CELL_SHRINK, color = theme.muted, line_height = 1.05, id = id_of(r, 1) })
        ry = ry + rh
      end
      card[#card + 1] = c.text(theme, x0 + PAD_X, yy + PAD_Y, ws[1] - 2 * PAD_X, plan.head_h - 2 * PAD_Y, t.cols[1],
        { size = size, weight = "bold", color = theme.accent_text, min_size = size * CELL_SHRINK,
          valign = "middle", id = "columns[1]", line_height = 1.05 })
      items[#items + 1] = c.appear(a:enter(1), card, 24)
      local cx = x0 + ws[1]
      for j = 2, t.n do
        local p = a:step(j - 1)
        if p > 0 then
          local g = { c.text(theme, cx + PAD_X, yy + PAD_Y, ws[j] - 2 * PAD_X, plan.head_h - 2 * PAD_Y, t.cols[j],
            { size = size, weight = "bold", color = theme.accent_text, min_size = size * CELL_SHRINK,
              valign = "middle", id = string.format("rows[%d][1]", j - 1), line_height = 1.05 }) }
          local ry2 = yy + plan.head_h
          for r = 1, #t.rows do
            g[#g + 1] = c.text(theme, cx + PAD_X, ry2 + PAD_Y, ws[j] - 2 * PAD_X, plan.row_h[r] - 2 * PAD_Y,
              t.rows[r][j], { size = size, min_size = size * CELL_SHRINK, line_height = 1.05, id = id_of(r, j) })
            ry2 = ry2 + plan.row_h[r]
          end
          items[#items + 1] = c.appear(p, g, 0, -30)
        end
        cx = cx + ws[j]
      end
    elseif plan.mode == "grid" then
      th = plan.head_h
      for i = page[1], page[2] do th = th + row_h(i) end
      local card = { c.card(theme, x0, yy, tw, th, { radius = 16 }) }
      -- (no header row: no band)
      if plan.head_h > 0 then
        card[#card + 1] = { type = "rect", x = x0, y = yy, w = tw, h = plan.head_h, radius = 16, fill = theme.accent_soft }
        card[#card + 1] = { type = "rect", x = x0, y = yy + plan.head_h - 16, w = tw, h = 16, fill = theme.accent_soft }
        local cx = x0
        for j = 1, plan.n do
          card[#card + 1] = c.text(theme, cx + PAD_X, yy + PAD_Y, plan.widths[j] - 2 * PAD_X,
            plan.head_h - 2 * PAD_Y, plan.cols[j], { size = size, weight = "bold", color = theme.accent_text,
              min_size = size * CELL_SHRINK, valign = "middle", id = string.format("columns[%d]", j), line_height = 1.05 })
          cx = cx + plan.widths[j]
        end
      end
      items[#items + 1] = c.appear(a:enter(1), card, 24)
      local ry = yy + plan.head_h
      for i = page[1], page[2] do
        local rh = row_h(i)
        -- (a row cut to the body: its text set smaller in it, as it must)
        local least = rh < plan.row_h[i] and MIN_SIZE or size * CELL_SHRINK
        local p = a:step(i)
        if p > 0 then
          local g = {}
          if (i - page[1]) % 2 == 1 then
            g[#g + 1] = { type = "rect", x = x0 + 2, y = ry, w = tw - 4, h = rh, fill = theme.bg, opacity = 0.6 }
          end
          if spans(plan.rows[i], plan.n) then
            -- across the table
            g[#g + 1] = c.text(theme, x0 + PAD_X, ry + PAD_Y, tw - 2 * PAD_X, rh - 2 * PAD_Y, plan.rows[i][1],
              { size = size, min_size = least, weight = "semibold", line_height = 1.05,
                id = string.format("rows[%d][1]", i) })
          else
            local cx2 = x0
            for j = 1, plan.n do
              g[#g + 1] = c.text(theme, cx2 + PAD_X, ry + PAD_Y, plan.widths[j] - 2 * PAD_X, rh - 2 * PAD_Y,
                plan.rows[i][j], { size = size, min_size = least, weight = j == 1 and "semibold" or nil,
                  line_height = 1.05, id = string.format("rows[%d][%d]", i, j) })
              cx2 = cx2 + plan.widths[j]
            end
          end
          items[#items + 1] = c.appear(p, g, 0, -30)
        end
        -- (a rule between rows; none over the first where no header is)
        if ry > yy then
          items[#items + 1] = { type = "line", x1 = x0 + 12, y1 = ry, x2 = x0 + tw - 12, y2 = ry,
            width = 1.5, color = theme.card_border or theme.bg }
        end
        ry = ry + rh
      end
    else
      local ry = yy
      for i = page[1], page[2] do
        local rh = row_h(i)
        local p = a:step(i)
        if p > 0 then
          local g = {
            c.card(theme, x0, ry, tw, rh, { radius = 16 }),
            { type = "rect", x = x0, y = ry + 12, w = 6, h = rh - 24, radius = 3, fill = theme.accent },
          }
          for q, mk in ipairs(plan.markup[i]) do
            if mk ~= "" then
              g[#g + 1] = c.text(theme, x0 + PAD_X + 16 + (q - 1) * (plan.line_w + STACK_GAP), ry + PAD_Y,
                plan.line_w, rh - 2 * PAD_Y, mk, { markup = true, size = size, min_size = size * 0.8,
                  line_height = 1.1, id = string.format("rows[%d]", i), tab = plan.tab, hang = plan.tab })
            end
          end
          items[#items + 1] = c.appear(p, g, 0, -30)
        end
        ry = ry + rh + plan.gap
      end
    end
    -- the first column at the right, as the document's own table reads
    if c.rtl(theme) then c.mirror(table.move(items, first, #items, 1, {}), x0, tw) end
    if #plan.pages > 1 then
      local idx = 1
      for k, pg in ipairs(plan.pages) do if pg == page then idx = k end end
      items[#items + 1] = c.text(theme, box.x, box.y, box.w, 40, string.format("%d / %d", idx, #plan.pages),
        { size = 26, color = theme.muted, align = "right", max_lines = 1 })
    end
    return items
  end,
}
