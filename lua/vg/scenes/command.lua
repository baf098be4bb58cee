-- command: a terminal card with commands revealed one by one; line prefixes
-- "$" (prompt), "→" (output), "✓" (success) and "#" (comment) are styled.
local c = require("vg.scenes.common")
local bands = require("vg.scenes.bands")
local comments = require("vg.scenes.comments")

local memo, count = {}, 0   -- the type size chosen for a block, by frame and text

local function commands(v) return c.code_lines(v.commands or v.code) end

-- A line's code, the column of its trailing comment, the comment and the
-- spaces before it ("./x build   # Build it", "f(x);  // why").
local function trailing_comment(line)
  for _, mark in ipairs({ "#", "//" }) do
    local code, gap, note = line:match("^(%s*[^%s#/].-)(%s+)(" .. mark .. ".*)$")
    if code then return code, #code + #gap, note, #gap end
  end
end

-- Code whose trailing comments stand in a column (three or more lines, at
-- least half of them, at one column): each comment on its own line above
-- its code, with the index of the line each shown line comes from. nil for
-- other code. A narrow frame wraps such lines inside their comments, the
-- rest of a comment landing under the commands; stacked, both read whole.
local function stack_comments(lines)
  local at, count, nonblank, best = {}, {}, 0, nil
  for i, l in ipairs(lines) do
    if l:match("%S") then nonblank = nonblank + 1 end
    local code, col, note, gap = trailing_comment(l)
    if code then
      at[i] = { code = code, col = col, note = note }
      -- (the column is set by comments set apart by two or more spaces;
      -- the longest command may reach it with one)
      if gap >= 2 then
        count[col] = (count[col] or 0) + 1
        if not best or count[col] > count[best] then best = col end
      end
    end
  end
  if not best or count[best] < 3 then return nil end
  local n = 0
  for _, t in pairs(at) do if t.col == best then n = n + 1 end end
  if n * 2 < nonblank then return nil end
  local shown, from = {}, {}
  for i, l in ipairs(lines) do
    local t = at[i]
    if t and t.col == best then
      shown[#shown + 1], from[#from + 1] = t.code:match("^%s*") .. t.note, i
      shown[#shown + 1], from[#from + 1] = t.code, i
    else
      shown[#shown + 1], from[#from + 1] = l, i
    end
  end
  return shown, from
end

-- A line's assignments of a quoted or substituted value (`export
-- FZF_DEFAULT_COMMAND='fd --type file'`, `X=$(pwd)`) may break after their
-- "=": a ZERO WIDTH SPACE there (invisible, a break opportunity to the
-- renderer), so a tall frame wraps `export NAME=` over its value under the
-- continuation mark rather than shrink the block (UAX #14 gives no break
-- between "=" and a quote or "$"). The renderer keeps such a run whole
-- where it fits a line.
local function assignment_breaks(lines)
  local out = {}
  for i, l in ipairs(lines) do
    out[i] = l:gsub("([%w_]=)([\"'%$])", "%1\u{200B}%2")
  end
  return out
end

-- A drawing made of characters (boxes of +--+ and |, or of ┌─┐ │): two or
-- more lines with a box's corner or edge and one with a side. Wrapped, its
-- lines would no longer line up: it only shrinks (and is split only at
-- blank lines).
local BOX_CHAR = "\226[\148\149][\128-\191]"   -- U+2500..U+257F
-- a side: a bar, or a light, heavy or double vertical (│ ┃ ║, also dashed)
local function has_side(l)
  return l:find("|", 1, true) or l:find("\226\148[\130\131\134\135\138\139]")
    or l:find("\226\149[\142\143\145]")
end
local function is_drawing(lines)
  local edges, sides = 0, 0
  for _, l in ipairs(lines) do
    l = tostring(l)
    if l:find("%+%-%-") or l:find("%-%-%+") or l:find(BOX_CHAR) then edges = edges + 1 end
    if has_side(l) then sides = sides + 1 end
  end
  return edges >= 2 and sides >= 1
end

-- A drawing's lines in runs between blank lines (a blank line goes with
-- the run after it): the only places a drawing may be split.
local function drawing_groups(_, list)
  if not is_drawing(list) then return nil end
  local groups, from = {}, 1
  for i = 2, #list do
    if not tostring(list[i - 1]):match("%S") and tostring(list[i]):match("%S") and i > from then
      groups[#groups + 1] = { from, i - 1 }
      from = i
    end
  end
  groups[#groups + 1] = { from, #list }
  return groups
end

-- A drawing's bands (bands.lua) when they set it larger than its whole
-- width allows, by a fifth at least, and its whole is below bands.READ: {lines, from, gaps,
-- size}, or nil. The fewest bands within a tenth of the largest size.
local band_memo, band_count = {}, 0
local function banded(code, lines, key)
  local memo_key = key .. "\0" .. code.size
  local hit = band_memo[memo_key]
  if hit ~= nil then return hit or nil end
  local whole = c.measure(code)
  local best = false
  if not whole.cut and whole.final_size < bands.READ then
    local top = math.max(code.size, 58)
    local found = {}
    for _, o in ipairs(bands.options(lines)) do
      local probe = {}
      for k, val in pairs(code) do probe[k] = val end
      probe.text = table.concat(o.lines, "\n")
      local sz = c.fit_size(probe, top, 10)
      if sz > 10 then found[#found + 1] = { o = o, size = sz } end
    end
    local most = 0
    for _, f in ipairs(found) do most = math.max(most, f.size) end
    for _, f in ipairs(found) do
      if f.size >= most * 0.9 and f.size >= whole.final_size * 1.2 then
        best = { lines = f.o.lines, from = f.o.from, gaps = f.o.gaps, size = f.size }
        break
      end
    end
  end
  if band_count >= 64 then band_memo, band_count = {}, 0 end
  band_memo[memo_key], band_count = best, band_count + 1
  return best or nil
end

-- The largest size from `top` down to `low` (even steps) at which code fits
-- wrapped between tokens (`ok` says how many rows may be), and whether a
-- token is broken there. One where every token stays whole is preferred: a
-- path broken after a "/" reads as two arguments ("~/.config/myapp/settings/"
-- / "default.toml"), so a size a little smaller (down to WHOLE_BELOW of the
-- broken one, even below `low`) where nothing is broken wins. nil: none fits.
local WHOLE_BELOW = 0.8
local function whole_first(code, top, low, ok)
  local broken
  local big, stop = top, low
  while big >= stop do
    code.size, code.min_size = big, big
    local mb = c.measure(code)
    if not (mb.shrunk or mb.cut) and ok(mb) then
      if (mb.broken or 0) == 0 then return big, false end
      if not broken then
        broken = big
        stop = math.min(low, math.ceil(big * WHOLE_BELOW))
      end
    end
    big = big - 2
  end
  if broken then return broken, true end
  return nil
end

-- A tall or square frame's command of a line or a few (a 70-column docker
-- line at 40 in two rows over a frame two-thirds empty), set at `chosen`:
-- up to `rows` rows more where that sets it a fifth larger at least, up to
-- 56 (a whole one kept over a larger broken one, as whole_first does;
-- `broke`: whether `chosen` breaks a token, `found`: whether it fits).
local function larger_in_rows(code, lines, chosen, rows, broke, found)
  if rows <= 0 or #lines > 4 then return chosen end
  local more, more_broke = whole_first(code, 56, math.floor(chosen * 1.2 + 1),
    function(mb) return mb.lines <= #lines + rows end)
  if more and not (more_broke and found and not broke and chosen >= more * WHOLE_BELOW) then return more end
  return chosen
end

-- A monospaced character's advance in ems, by font (measured once).
local advances = {}
local function advance(code)
  local font = code.font or ""
  if not advances[font] then
    local probe = {}
    for k, val in pairs(code) do probe[k] = val end
    probe.text, probe.w, probe.h = string.rep("0", 50), 100000, 10000
    probe.size, probe.min_size = 100, 100
    advances[font] = c.measure(probe).width / 5000
  end
  return advances[font]
end

-- The largest size from `top` down to REFLOW_FLOOR at which the block fits
-- its card with its long comment lines set as several comment lines, every
-- line whole: {size, lines, from}, or nil (no comment line is what holds it).
local REFLOW_FLOOR = 24

-- Whether a line with a trailing comment takes more than one row as
-- `probe` sets the block (its comment wrapped under the mark).
-- With `whole` the same for a line that is only a comment.
local function trails_wrapped(probe, lines, lang, whole)
  local p = {}
  for k, val in pairs(probe) do p[k] = val end
  p.h, p.min_size = 100000, probe.size
  for _, l in ipairs(lines) do
    if comments.trailing(l, lang) or (whole and comments.full_line(l, lang)) then
      p.text = l
      local m = c.measure(p)
      if m.lines > 1 or m.shrunk then return true end
    end
  end
  return false
end

-- The rows the lines of code (not comment lines) of `lines` take past one
-- each, set as `probe` sets them (wrapped between tokens where long).
local function code_rows(probe, lines, lang)
  local code = {}
  for _, l in ipairs(lines) do
    if not comments.full_line(l, lang) then code[#code + 1] = l end
  end
  if #code == 0 then return 0 end
  local p = {}
  for k, val in pairs(probe) do p[k] = val end
  p.text, p.h = table.concat(code, "\n"), 100000
  local m = c.measure(p)
  if m.shrunk or m.cut then return 0 end
  return math.max(0, m.lines - #code)
end
-- (no larger: past it comments break into lines of two or three words)
local REFLOW_TOP = 48
local reflow_memo, reflow_count = {}, 0
local function reflowed(code, lines, from, lang, top, key)
  local hit = reflow_memo[key]
  if hit ~= nil then return hit or nil end
  local best = false
  local probe = {}
  for k, val in pairs(code) do probe[k] = val end
  local adv = advance(code)
  -- every line whole at the largest size that holds so; else (a line of
  -- code too long for the card at any such size) every comment whole on
  -- its lines, a line of code wrapped between its tokens under its mark as
  -- it would be unreflowed
  for pass = 1, 2 do
    for sz = top, REFLOW_FLOOR, -2 do
      local shown, origin = comments.lift(lines, from, math.floor(code.w / (adv * sz)), lang)
      -- (from here down every comment fits its line as it is)
      if not shown and origin ~= "long" then break end
      if shown then
        probe.text, probe.size, probe.min_size = table.concat(shown, "\n"), sz, sz
        local m = c.measure(probe)
        if not (m.shrunk or m.cut) and m.lines <= #shown + (pass == 2 and code_rows(probe, shown, lang) or 0) then
          best = { size = sz, lines = shown, from = origin }
          break
        end
      end
    end
    if best then break end
  end
  if reflow_count >= 64 then reflow_memo, reflow_count = {}, 0 end
  reflow_memo[key], reflow_count = best, reflow_count + 1
  return best or nil
end

-- the smallest size a drawing is set at: below the renderer's bar it warns
-- that the text was shrunk (a wide frame shows it larger)
local DRAWING_MIN = 10
-- code set unwrapped on the card's width no smaller than this (a YAML line
-- of 52 columns is 26 in a tall frame's card; an 80-column address wraps)
local WIDE_FLOOR = 22

return {
  name = "command",
  animated = true,
  -- code too long for its frame (below about 60 % of its 36) becomes several
  -- scenes, split at blank lines where it can, else by line count
  split = {
    field = "commands", field_alt = "code", warn = "^commands$", min_size = 22, trim = true,
    prefer = function(list, i) return i == 1 or not tostring(list[i - 1]):match("%S") end,
    groups = drawing_groups,
    atomic = function(_, list) return is_drawing(list) end,
  },
  -- long enough to read: about 1.5 s a line, at least 4 s; a drawing is
  -- looked at rather than read line by line (a 60-line one held 90 s)
  read_time = function(scene)
    local lines = commands(scene.visual_content or scene)
    local t = c.code_read_time(#lines)
    if is_drawing(lines) then t = math.min(t, math.max(4, 6 + 0.5 * #lines)) end
    return t
  end,
  -- no reveal steps: the code is on screen from the entrance, with its card.
  -- The narration introduces a block ("To install the packages listed in
  -- that file, you can run:"), it does not read it line by line, so a line
  -- revealed when the voice said a word of it ("install") left the card
  -- empty while the sentences before were said (pip's requirements file: an
  -- empty terminal for ten seconds of a 16-second slide).
  layout = function(scene, theme, box, a)
    local v = scene.visual_content or scene
    local items, y = c.header(theme, box, c.str(v.header or v.title), c.str(v.description), a)
    local lines = commands(v)
    if #lines == 0 then return items end
    local text = table.concat(lines, "\n")
    local lang = c.str(v.language) or c.guess_language(text)
    if c.roomy(theme) and not is_drawing(lines) then
      lines = assignment_breaks(lines)
      text = table.concat(lines, "\n")
    end
    local avail = box.y + box.h - y
    local bar = 52
    local drawing = is_drawing(lines)
    -- a drawing in a square or tall frame takes the card's whole width
    -- (it cannot wrap: its width sets its size), a narrower inner margin
    local cx, cw, pad = box.x, box.w, 40
    -- ... and so does code whose longest line does not fit the box's card
    -- at 40 on its own line: in a narrow frame code is held by its width
    -- (a YAML line with a 41-character quoted name was wrapped at 31)
    local wide_code = false
    if c.roomy(theme) and not v.image and not drawing then
      local probe = c.code(theme, 0, 0, box.w - 80, 100000, text, { size = 40, min_size = 40, language = lang })
      local mp = c.measure(probe)
      wide_code = mp.shrunk or mp.cut or mp.lines > #lines
    end
    if (drawing or wide_code) and c.roomy(theme) and not v.image then
      -- (the card keeps the box's edges, in line with the header and every
      -- other scene's content: only its inner margin is narrower)
      pad = 24
    end
    local code = c.code(theme, cx + pad, y + bar + 28, cw - 2 * pad, avail - bar - 56, text,
      { size = 36, min_size = 16, language = lang, id = "commands" })
    code.keep_lines = drawing or nil
    -- a column of trailing comments too wide for a square or tall frame at
    -- 85 % of 36: each comment above its command rather than wrapped in two
    local from, stacked = {}, false
    for i = 1, #lines do from[i] = i end
    if c.roomy(theme) and not drawing then
      local shown, origin = stack_comments(lines)
      if shown then
        code.min_size = math.floor(code.size * 0.85)
        local mw = c.measure(code)
        if mw.lines > #lines or mw.cut then
          lines, from, stacked = shown, origin, true
          text = table.concat(lines, "\n")
          code.text = text
        end
        code.min_size = 16
      end
    end
    -- little code: larger type, when it fits at that size on its own lines;
    -- a square or tall frame (narrow, with the height) takes the largest
    -- size that fits so, up to 1.6x the 36 (a phone shows the frame small)
    local tall = box.h > box.w * 1.2
    local tries = {}
    if theme.frame == "tall" or theme.frame == "square" then
      for sz = 58, 38, -2 do tries[#tries + 1] = sz end
    else
      -- (a line or two of shell on a wide slide was a strip at the top of
      -- an empty frame at 46: as large as the longest line allows, in even
      -- steps: a 63-column hyperfine line too long for 46 fell to 36)
      if #lines <= 3 then
        for sz = 60, 38, -2 do tries[#tries + 1] = sz end
      elseif #lines <= 8 then
        tries = { 44, 40 }
      end
    end
    -- (chosen once per slide and frame: layout runs for every frame)
    local key = table.concat({ theme.frame or "", box.w, box.h, code.w, code.h, lang or "", text }, "\0")
    local chosen = memo[key]
    if not chosen then
      chosen = 36
      for _, big in ipairs(tries) do
        code.size, code.min_size = big, big
        local mb = c.measure(code)
        if not (mb.shrunk or mb.cut or mb.lines > #lines) then chosen = big break end
      end
      -- a long line in a tall or square frame: rather than the whole block at 36, the
      -- largest size (down to 40) at which it fits wrapped between tokens,
      -- a line taking at most two rows (a phone shows the frame small)
      -- (not stacked comments: wrapping them is what stacking avoids)
      if chosen == 36 and (tall or theme.frame == "square") and not stacked and not drawing then
        local sz, broke = whole_first(code, 48, 40, function(mb) return mb.lines <= 2 * #lines end)
        chosen = sz or 36
        chosen = larger_in_rows(code, lines, chosen, tall and 3 or 0, broke, sz ~= nil)
      elseif chosen < 48 and (tall or theme.frame == "square") and not stacked and not drawing then
        -- a line or a few held whole at a small size by the longest
        -- (hyperfine's 55-column zsh loop at 38 in a tall frame, the frame
        -- two-thirds empty): a row or a few more where that sets it a
        -- fifth larger
        chosen = larger_in_rows(code, lines, chosen, tall and 3 or 1, false, true)
      end
      -- a wide frame's block of a few lines held small by one or two long
      -- ones (an 83-column configure line set eight lines at 32): those
      -- lines wrap between tokens under their mark, the rest stay larger,
      -- where that gains a fifth at least
      -- code given the card's width for its long line keeps its lines: the
      -- largest size it fits at unwrapped (the renderer wraps a line rather
      -- than set it below about 85 % of the size asked), where that is
      -- readable (above WIDE_FLOOR); a longer line (an address) wraps at 36
      if chosen == 36 and wide_code then
        code.size, code.min_size = 36, 36
        local unwrapped = c.fit_size(code, 36, WIDE_FLOOR)
        if unwrapped > WIDE_FLOOR then
          chosen = unwrapped
        else
          -- (else the size the renderer reaches wrapping it, asked for as
          -- such: a C signature aligned 59 columns deep was set at 24 when
          -- 36 was asked, and the block was split into a slide a line)
          code.min_size = 16
          local fs = c.measure(code).final_size
          if fs < 0.75 * 36 then chosen = math.max(WIDE_FLOOR, math.floor(fs / 2) * 2) end
        end
      end
      if chosen == 36 and #tries > 0 and not drawing and not stacked and not wide_code then
        local long = 0
        for _, l in ipairs(lines) do
          code.size, code.min_size, code.text = 36, 36, l
          local ml = c.measure(code)
          if ml.shrunk or ml.cut or ml.lines > 1 then long = long + 1 end
        end
        code.text = text
        local unwrapped = c.fit_size(code, 36, 16)
        if long > 0 and long <= math.max(1, #lines // 4) then
          for big = tries[1], 36, -2 do
            code.size, code.min_size = big, big
            local mb = c.measure(code)
            if big >= unwrapped * 1.2 and not (mb.shrunk or mb.cut) and mb.lines <= #lines + 2 * long then
              chosen = big break
            end
          end
        end
      end
      if count >= 128 then memo, count = {}, 0 end
      memo[key], count = chosen, count + 1
    end
    code.size, code.min_size = chosen, drawing and DRAWING_MIN or 16
    -- stacked comments: the size (down to 24) at which every line fits
    -- unwrapped; the renderer would otherwise wrap them at 36 again
    local whole = stacked and c.fit_size(code, chosen, 24)
    if whole and whole > 24 then code.size, code.min_size = whole, whole end
    -- a square or tall frame: a comment line too long for the size the
    -- rest of the block allows is set as several comment lines where that
    -- sets the block a seventh larger (zoxide's 14 lines of commands under
    -- their comments at 24, held by a 55-column comment); where the
    -- renderer would wrap lines under a mark, down to 85 % of that size,
    -- the size a wrap is taken at rather than shrink: every line whole, a
    -- comment goes on as a comment, as an editor reflows it
    if c.roomy(theme) and not drawing then
      local mn = c.measure(code)
      local now = mn.final_size
      local rf = reflowed(code, lines, from, lang, REFLOW_TOP, key)
      -- (a trailing comment the renderer would wrap under the code's mark
      -- is lifted at down to 75 % of that size: jq's "# if building from
      -- git to" over "↪ get oniguruma")
      local lifted = rf and #rf.lines > #lines and mn.lines > #lines and trails_wrapped(code, lines, lang)
      if rf and (rf.size >= now * 1.15 or rf.size >= now * (lifted and 0.75 or 0.85) and mn.lines > #lines) then
        lines, from, text = rf.lines, rf.from, table.concat(rf.lines, "\n")
        code.text, code.size, code.min_size = text, rf.size, rf.size
      end
    end
    -- a long line wraps between tokens (under its mark) before the whole
    -- block shrinks far (a tall frame is narrow and has the height; a wide
    -- one shrank a block of one long line to 22); where the wrapped code
    -- would not fit either, it shrinks as before
    if code.min_size == 16 and not drawing then
      local floor = code.min_size
      code.min_size = math.floor(code.size * 0.85)
      -- (held at that floor: no wrap between tokens fits there either)
      local mt = c.measure(code)
      if mt.cut or mt.final_size <= code.min_size + 0.01 then code.min_size = floor end
    end
    -- a wide frame's comments each over its command, the block held small
    -- by its height (bat's twelve lines of "# On Fedora" over "dnf install
    -- bat" at 30 in a card whose right half was empty): each comment after
    -- its command, in a column, where that sets the block a fifth larger
    if not c.roomy(theme) and not drawing and not stacked then
      local beside, origin = comments.beside(lines, lang)
      if beside then
        local now = c.measure(code).final_size
        local probe = {}
        for k, val in pairs(code) do probe[k] = val end
        probe.text = table.concat(beside, "\n")
        local sz = c.fit_size(probe, math.max(44, code.size), 16)
        if sz >= now * 1.2 then
          local mapped = {}
          for i, o in ipairs(origin) do mapped[i] = from[o] end
          lines, from, text = beside, mapped, probe.text
          code.text, code.size, code.min_size = text, sz, sz
        end
      end
    end
    -- a wide frame too: a trailing comment the renderer would wrap under
    -- the code's continuation mark (jq's "# if building from git to get
    -- the generated configure" over "↪ script and its helper macros") goes
    -- on its own line above its command, and a comment line too long for
    -- the card goes on as a comment (starship's "# Add the following to the
    -- end of ~/.config/elvish/rc.elv" over "↪ (%AppData%…)"), at the size
    -- chosen, where the block still fits so (a square or tall frame whose
    -- reflow above set no size either: starship's comments wrapped there too)
    if not drawing and not stacked and trails_wrapped(code, lines, lang, true) then
      local m0 = c.measure(code)
      local sz = m0.final_size or code.size
      local cols = math.floor(code.w / (advance(code) * sz))
      local shown, origin = comments.lift(lines, from, cols, lang, 6)
      if shown then
        local probe = {}
        for k, val in pairs(code) do probe[k] = val end
        probe.text, probe.size, probe.min_size = table.concat(shown, "\n"), sz, sz
        local ml = c.measure(probe)
        if not (ml.shrunk or ml.cut) and ml.lines <= m0.lines + 1 then
          lines, from, text = shown, origin, probe.text
          code.text, code.size, code.min_size = text, sz, sz
        end
      end
    end
    -- a drawing too wide for a square or tall frame: bands of its columns
    -- stacked, each larger, rather than the whole at a size nobody reads
    local gaps = {}
    if drawing and c.roomy(theme) and not v.image then
      local b = banded(code, lines, key)
      if b then
        lines, from, gaps = b.lines, b.from, b.gaps
        code.text, code.size, code.min_size = table.concat(lines, "\n"), b.size, b.size
      end
    end
    local m = c.measure(code)
    local ch = math.min(avail, m.height + bar + 64)
    code.h = ch - bar - 56
    -- (the file a label named, "src/main.rs", else the language)
    local card = c.code_card(theme, cx, y, cw, ch, { title = c.str(v.file) or lang })
    local entered = a:enter(2)
    items[#items + 1] = c.appear(entered, card, 30)
    -- (the code enters with its card: every line at once)
    items[#items + 1] = entered >= 1 and code or c.appear(entered, { code }, 30)
    -- a dashed rule where a band goes on from the one above
    local lh = m.height / math.max(m.lines, 1)
    for _, g in ipairs(gaps) do
      local gy = code.y + (g - 0.5) * lh
      items[#items + 1] = { type = "line", x1 = code.x, y1 = gy, x2 = code.x + code.w, y2 = gy,
        width = 2, dash = { 10, 8 }, color = theme.code.comment, opacity = entered }
    end
    return items
  end,
}
