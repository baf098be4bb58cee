-- Bands of a drawing: a drawing in code (boxes of ┌─┐ │ or +--+) is never
-- wrapped line by line, since its lines must stay lined up. In a square or
-- tall frame a wide one (a 100-column pipeline) shrank to a size nobody reads
-- on a phone; instead it is cut into bands of whole columns, stacked one
-- under the other (the frame has the height), each band at a readable size.
-- The cuts are where the fewest lines are crossed, never inside a word where
-- a gap or a line between boxes offers itself. Used by scenes/command.lua.
local M = {}

-- Below this size (design units) a drawing is cut into bands when that sets
-- it larger; code's own floor is 22, and a phone shows 1080 units as about
-- 390 points.
M.READ = 26
M.MAX_BANDS = 4

-- A line's characters (UTF-8 code points; a drawing is monospace, a
-- character a column). Tabs stand for the spaces they reach.
local function chars(line)
  local out = {}
  for ch in line:gmatch(utf8.charpattern) do
    if ch == "\t" then
      repeat out[#out + 1] = " " until #out % 8 == 0
    else
      out[#out + 1] = ch
    end
  end
  return out
end

local function blank(ch) return ch == nil or ch == " " end
-- a character of a word: a letter, a digit, punctuation, any script's
-- letter; not a line, a corner or an arrow (ASCII - + | = _ < >, U+2190..U+21FF
-- arrows, U+2500..U+25FF box drawing, blocks and shapes such as ▶)
local function wordy(ch)
  if ch == nil then return false end
  if #ch == 1 then return ch:match("[%w%p]") ~= nil and not ch:match("[%-%+|=_<>]") end
  local ok, cp = pcall(utf8.codepoint, ch)
  if not ok then return true end
  return not ((cp >= 0x2190 and cp <= 0x21FF) or (cp >= 0x2500 and cp <= 0x25FF))
end

-- a corner or a joint of a box (+ ┌ ┐ ┬ ╋ ╔ …): a cut beside it cuts a box
-- open, worse than cutting the line or arrow between two boxes
local RUN = {}
for ch in ("─━═╌╍┄┅┈┉│┃║╎╏┆┇┊┋"):gmatch(utf8.charpattern) do RUN[ch] = true end
local function corner(ch)
  if ch == "+" then return true end
  if ch == nil or #ch == 1 or RUN[ch] then return false end
  local ok, cp = pcall(utf8.codepoint, ch)
  return ok and cp >= 0x2500 and cp <= 0x257F
end

-- The price of a cut before column b (1-based: the band ends at b - 1): a
-- line whose characters on both sides are ink is crossed; a word (letters,
-- digits, punctuation) cut in two is worse than a line or an arrow.
local function cut_cost(rows, b)
  local cost = 0
  for _, r in ipairs(rows) do
    local l, rr = r[b - 1], r[b]
    if not blank(l) and not blank(rr) then
      cost = cost + ((wordy(l) and wordy(rr)) and 12 or (corner(l) or corner(rr)) and 4 or 1)
    elseif not blank(l) or not blank(rr) then
      -- (touching a word's end is fine; touching a box's edge a little less)
      cost = cost + 0.05
    end
  end
  return cost
end

-- The cut columns for n bands of at most width columns each, where the
-- crossed lines cost least (then the bands are most even): nil when none.
local function best_cuts(rows, cols, n, width)
  local cost = {}
  for b = 2, cols do cost[b] = cut_cost(rows, b) end
  -- best[k][b]: least price of k bands covering columns 1 .. b - 1
  local best, from = { [0] = { [1] = 0 } }, {}
  for k = 1, n do
    best[k], from[k] = {}, {}
    for b, v in pairs(best[k - 1]) do
      local last = k == n
      for e = b + 1, math.min(cols + 1, b + width) do
        if (e == cols + 1) == last then
          local w = e - b
          local p = v + (last and 0 or cost[e] * 100) + (w - cols / n) ^ 2 / cols
          if not best[k][e] or p < best[k][e] then best[k][e], from[k][e] = p, b end
        end
      end
    end
  end
  if not best[n][cols + 1] then return nil end
  local cuts, e = {}, cols + 1
  for k = n, 1, -1 do
    table.insert(cuts, 1, e)
    e = from[k][e]
  end
  return cuts   -- the end (exclusive) of each band
end

-- The text of a band: its columns of every line, without the indent all
-- its lines share nor trailing spaces.
local function band_lines(rows, a, b)
  local out, indent = {}, math.huge
  for i, r in ipairs(rows) do
    local s = table.concat(r, "", a, math.min(b - 1, #r)):gsub("%s+$", "")
    out[i] = s
    local lead = s:match("^ *()")
    if s ~= "" then indent = math.min(indent, lead - 1) end
  end
  if indent == math.huge then indent = 0 end
  for i, s in ipairs(out) do out[i] = s:sub(indent + 1) end
  return out
end

-- Ways to cut lines into 2 .. MAX_BANDS bands: { {n, lines = {band lines,
-- "", band lines, ...}, from = {index of the line each comes from or
-- false for the gap}, gaps = {shown line index of each gap}} }.
function M.options(lines)
  local rows, cols = {}, 0
  for i, l in ipairs(lines) do
    rows[i] = chars(l)
    while #rows[i] > 0 and rows[i][#rows[i]] == " " do rows[i][#rows[i]] = nil end
    cols = math.max(cols, #rows[i])
  end
  local out = {}
  for n = 2, M.MAX_BANDS do
    if cols < n * 12 then break end
    local cuts = best_cuts(rows, cols, n, math.ceil(cols / n * 1.5))
    if cuts then
      local o = { n = n, lines = {}, from = {}, gaps = {} }
      local a = 1
      for k, e in ipairs(cuts) do
        if k > 1 then
          o.lines[#o.lines + 1], o.from[#o.from + 1] = "", false
          o.gaps[#o.gaps + 1] = #o.lines
        end
        -- (a band's blank lines at its top and bottom are left out: the
        -- boxes of one band need not stand level with another's)
        local bl = band_lines(rows, a, e)
        local first, last = 1, #bl
        while first < last and bl[first] == "" do first = first + 1 end
        while last > first and bl[last] == "" do last = last - 1 end
        for i = first, last do
          o.lines[#o.lines + 1], o.from[#o.from + 1] = bl[i], i
        end
        a = e
      end
      out[#out + 1] = o
    end
  end
  return out
end

return M
