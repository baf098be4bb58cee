-- vg.create.captions: cues from the narration's word times (two lines of
-- at most 42 columns, cut between grapheme clusters), as SRT and WebVTT,
-- and as the display-list item burnt into the picture. On a kept timeline
-- (--keep-timing) a transcript's own cues are the captions, at their times.
local text_ = require("vg.text")
local timeline = require("vg.create.timeline")
local direction = require("vg.scenes.direction")
local i18n = require("vg.i18n")

local M = {}

local MAX_LINE = 42
local unspaced_middle, inside_latin   -- (below)
-- the clause and sentence marks of CJK text, where a cue may well end
local CJK_CLAUSE = { ["、"] = true, ["。"] = true, ["，"] = true, ["；"] = true, ["："] = true,
  ["！"] = true, ["？"] = true, ["．"] = true, ["｡"] = true, ["‼"] = true, ["⁇"] = true, ["⁈"] = true,
  ["⁉"] = true }

-- the comma and semicolon of Arabic script (Arabic, Persian, Urdu) and
-- Greek's semicolon (ano teleia), which a space follows as ", " and "; "
local CLAUSE_MARK = { ["،"] = true, ["؛"] = true, ["\u{0387}"] = true }

-- The clusters of g after which a word of a script written without spaces
-- ends (a set of indexes; empty without such a script or without the
-- loader's binding)
local function word_ends(g)
  local ok, core = pcall(require, "vg.input_core")
  local set = {}
  if not (ok and type(core) == "table" and core.word_ends) then return set end
  local text = table.concat(g)
  local byte_end = {}   -- the last byte of each word -> true
  for _, b in ipairs(core.word_ends(text)) do byte_end[b] = true end
  local pos = 0
  for k, c in ipairs(g) do
    pos = pos + #c
    if byte_end[pos] and k < #g then set[k] = true end
  end
  return set
end

-- In text of a script written without spaces between words (Chinese,
-- Japanese, Thai, Lao, Khmer, Burmese) a space sets off a Latin name or
-- command, and the space inside one ("Open Source", "Bash on Ubuntu",
-- "python -m") parts no phrase: a cue or a line that ends there stops on
-- half a name ("…ร่วมพัฒนา Open" / "Source แต่…"). The set of indexes of
-- g holding such a space (a Latin character on both sides); nil when the
-- text has none of those scripts.
local function unspaced_script(cp)
  return (cp >= 0x0E00 and cp <= 0x0EFF) or (cp >= 0x1780 and cp <= 0x17FF) or (cp >= 0x1000 and cp <= 0x109F)
    or (cp >= 0x3040 and cp <= 0x30FF) or (cp >= 0x3400 and cp <= 0x9FFF) or (cp >= 0xF900 and cp <= 0xFAFF)
end
inside_latin = function(g)
  local found = false
  for _, c in ipairs(g) do
    if unspaced_script(utf8.codepoint(c, 1, 1, true) or 0) then found = true; break end
  end
  if not found then return nil end
  local set = {}
  for k = 2, #g - 1 do
    if g[k]:match("^%s+$") and g[k - 1]:match("^[%w%p]$") and g[k + 1]:match("^[%w%p]$")
        and (g[k - 1]:match("^[%w]$") or g[k + 1]:match("^[%w]$")) then
      set[k] = true
    end
  end
  return set
end

-- The depth of brackets at each cluster of g: 1 and more inside "( )" or
-- "[ ]" (the fullwidth ones too) that close later; a cue or a line that
-- ends inside a short pair splits it ("… (in" / "english) …"), and in
-- right-to-left text the lone bracket is drawn at the wrong end.
local OPEN = { ["("] = ")", ["["] = "]", ["（"] = "）", ["［"] = "］" }
local function bracket_depth(g)
  local depth, open = {}, {}
  for k, c in ipairs(g) do
    if OPEN[c] then open[#open + 1] = { k, OPEN[c] } end
    depth[k] = #open
    if #open > 0 and c == open[#open][2] then open[#open] = nil end
  end
  -- (a bracket never closed holds nothing: it opened an aside to the end)
  for _, o in ipairs(open) do
    for k = o[1], #g do depth[k] = depth[k] - 1 end
  end
  return depth
end

-- Splits text into pieces at most `limit` columns wide (a CJK character or
-- an emoji takes two; cuts only between grapheme clusters): at clause
-- punctuation (, ; : Arabic ، ؛ or CJK 、。，！？．) when one falls in the second half,
-- else at the last space, else between two words of Thai, Lao, Khmer or
-- Burmese, else after the last cluster that fits where the
-- kinsoku rules let a line break (vg.text.may_break).
local function split_text(text, limit)
  local out = {}
  local g = text_.split(text)
  local wd = {}
  for k, c in ipairs(g) do wd[k] = text_.cluster_width(c) end
  local i, n = 1, #g           -- g[i..n] is what is left
  local latin_space = inside_latin(g)
  local depth = bracket_depth(g)
  while i <= n do
    local last, w = i - 1, 0   -- g[i..last] fits in `limit` columns
    while last < n and w + wd[last + 1] <= limit do last = last + 1; w = w + wd[last] end
    if last == n then break end
    local cut
    local cw = 0
    for k = i, last - 1 do
      cw = cw + wd[k]
      if cw > limit / 2 and ((g[k]:match("^[,;:]$") or CLAUSE_MARK[g[k]]) and g[k + 1]:match("^%s") or CJK_CLAUSE[g[k]]
          and text_.may_break(g[k], g[k + 1])) then cut = k end
    end
    if not cut then
      -- (the last outside brackets, when the piece is then at least
      -- half as wide as it may be)
      local aw, out_cut = 0, nil
      for k = i, last + 1 do
        if g[k]:match("^%s") and not (latin_space and latin_space[k]) then
          cut = k - 1
          if depth[k] == 0 and aw >= limit / 2 then out_cut = cut end
        end
        aw = aw + wd[k]
      end
      if out_cut then cut = out_cut end
    end
    -- Thai, Lao, Khmer, Burmese: no space between words, so between two
    -- words their dictionaries find (vg.input_core.word_ends)
    if not cut or cut < i then
      local ends = word_ends(g)
      for k = i, last - 1 do if ends[k] then cut = k end end
    end
    -- (a space inside a Latin name is the last resort before a cut
    -- between two clusters)
    if (not cut or cut < i) and latin_space then
      for k = i, last + 1 do if g[k]:match("^%s") then cut = k - 1 end end
    end
    if not cut or cut < i then
      cut = math.max(last, i)
      -- never before 。、」 or a small kana, nor after 「 (kinsoku): a
      -- cluster or two earlier, as a Japanese typesetter pushes the line
      local k = cut
      while k > i and k > cut - 4 and not text_.may_break(g[k], g[k + 1]) do k = k - 1 end
      if text_.may_break(g[k], g[k + 1]) then cut = k end
      -- and, among those scripts, never inside a Latin word ("SimpleHTTP" /
      -- "Server"): back to where the word starts when it is not too long
      if latin_space then
        k = cut
        while k > i and k > cut - 24 and g[k]:match("^[%w%p]$") and g[k + 1] and g[k + 1]:match("^[%w%p]$") do
          k = k - 1
        end
        if k > i and not (g[k]:match("^[%w%p]$") and g[k + 1]:match("^[%w%p]$")) and text_.may_break(g[k], g[k + 1]) then
          cut = k
        end
      end
    end
    out[#out + 1] = table.concat(g, "", i, cut):gsub("%s+$", "")
    i = cut + 1
    while i <= n and g[i]:match("^%s+$") do i = i + 1 end
  end
  if i <= n then out[#out + 1] = table.concat(g, "", i, n) end
  -- a short last piece ("können.") would be a cue of its own for a blink:
  -- the last two pieces are cut again at the space nearest their middle
  if #out >= 2 and text_.width(out[#out]) < limit / 3 then
    local both = out[#out - 1] .. " " .. out[#out]
    local bg = text_.split(both)
    local total = text_.width(both)
    local best, best_d, left = nil, nil, 0
    for k = 1, #bg do
      if bg[k] == " " and left <= limit and total - left - 1 <= limit then
        local d = math.abs(left - (total - left - 1))
        if not best_d or d < best_d then best, best_d = k, d end
      end
      left = left + text_.cluster_width(bg[k])
    end
    if best then
      out[#out - 1] = table.concat(bg, "", 1, best - 1)
      out[#out] = table.concat(bg, "", best + 1)
    end
  end
  return out
end

-- Thai, Lao, Khmer and Myanmar put no space between words (a space ends a
-- phrase, if any): a cue with no space near its middle is one line too wide
-- for the frame, and its end was lost. Where such a script is written, the
-- line may break between two of its words nearest the middle, else two of
-- its clusters (never after a Khmer or Myanmar sign that joins the next
-- consonant below).
local function unspaced(c)
  local cp = utf8.codepoint(c, 1, 1, true) or 0
  return (cp >= 0x0E00 and cp <= 0x0EFF) or (cp >= 0x1780 and cp <= 0x17FF) or (cp >= 0x1000 and cp <= 0x109F)
end
local JOINS_NEXT = { ["\u{17D2}"] = true, ["\u{1039}"] = true }
unspaced_middle = function(g, wd, total)
  -- between two words their dictionaries find (word_ends), else between
  -- any two clusters
  local ends = word_ends(g)
  local function pick(words_only)
    local best, best_d, left = nil, nil, 0
    for k = 1, #g do
      if k > 1 and unspaced(g[k - 1]) and unspaced(g[k]) and not JOINS_NEXT[g[k - 1]:sub(-3)]
          and (not words_only or ends[k - 1])
          and left <= MAX_LINE + 6 and total - left <= MAX_LINE + 6 then
        local d = math.abs(left - total / 2)
        if not best_d or d < best_d then best, best_d = k, d end
      end
      left = left + wd[k]
    end
    return best
  end
  return pick(true) or pick(false)
end

-- Hangul: Korean puts spaces between its words, so a line never breaks
-- between two of its syllables ("이용" / "하여" was one word cut in two)
local function hangul(c)
  local cp = utf8.codepoint(c, 1, 1, true) or 0
  return (cp >= 0xAC00 and cp <= 0xD7A3) or (cp >= 0x1100 and cp <= 0x11FF) or (cp >= 0x3130 and cp <= 0x318F)
end

-- Two lines for a cue wider than MAX_LINE columns: at the space (or, in
-- Chinese and Japanese text, between two wide characters where kinsoku allows) nearest the middle, with both
-- lines at most MAX_LINE + 6 columns; nil when there is no such place.
local function two_lines(s)
  local g = text_.split(s)
  local wd, total = {}, 0
  for k, c in ipairs(g) do wd[k] = text_.cluster_width(c); total = total + wd[k] end
  if total <= MAX_LINE then return nil end
  local best, best_d, drop
  local latin_space = inside_latin(g)
  local depth = bracket_depth(g)
  local left = 0                 -- width of g[1..k-1]
  for k = 1, #g do
    local cand, d, skip
    if g[k] == " " and not (latin_space and latin_space[k]) then
      cand, skip = left + 1, true
      d = math.abs(cand - total / 2)
      if left > MAX_LINE + 6 or total - left - 1 > MAX_LINE + 6 then d = nil end
    elseif k > 1 and wd[k - 1] == 2 and wd[k] == 2 and text_.may_break(g[k - 1], g[k])
        and not (hangul(g[k - 1]) and hangul(g[k])) then
      cand, skip = left, false
      d = math.abs(cand - total / 2)
      if left > MAX_LINE + 6 or total - left > MAX_LINE + 6 then d = nil end
    end
    -- (inside brackets only when no place outside fits)
    if d and depth[k] > 0 then d = d + total end
    if d and (not best_d or d < best_d) then best, best_d, drop = k, d, skip end
    left = left + wd[k]
  end
  if not best then best, drop = unspaced_middle(g, wd, total), false end
  -- (a space inside a Latin name only when nothing else is near the middle)
  if not best and latin_space then
    left = 0
    for k = 1, #g do
      if latin_space[k] and left <= MAX_LINE + 6 and total - left - 1 <= MAX_LINE + 6 then
        local d = math.abs(left + 1 - total / 2)
        if not best_d or d < best_d then best, best_d, drop = k, d, true end
      end
      left = left + wd[k]
    end
  end
  if not best then return nil end
  return { table.concat(g, "", 1, best - 1), table.concat(g, "", drop and best + 1 or best) }
end

-- Cues from the narration's sentence timings: a sentence per cue, long ones
-- cut at clauses into pieces of at most two lines of about 42 characters,
-- each timed by its share of the sentence.
function M.cues(video, timing)
  local cues = {}
  for i, s in ipairs(video.scenes or {}) do
    local au = s.audio or {}
    local base = timing.scenes[i].narration_start
    local first = #cues + 1

    local kept = timing.kept and timeline.cues_of(s)
    for _, c in ipairs(kept or {}) do
      local text = c.text:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
      if text ~= "" then
        -- the cue as it was: its times, its text (lines made to fit)
        cues[#cues + 1] = { start = c.start, ["end"] = c["end"], text = text, exact = true }
      end
    end
    -- under a recording on its cue times, a scene without cues says nothing
    -- of its own (the title's welcome is not in the recording)
    if timing.kept and video.recording and not kept then kept = {} end
    local sentences = not kept and au.sentences
    if type(sentences) ~= "table" or #sentences == 0 then
      -- no sentence timings: the whole narration over the speech
      local text = type(s.narration) == "string" and s.narration or ""
      sentences = not kept and text:match("%S") and { { text = text, start = 0, ["end"] = au.duration or 0 } } or {}
    end
    for _, sen in ipairs(sentences) do
      local text = tostring(sen.text or ""):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", "")
      if text ~= "" then
        local pieces = split_text(text, 2 * MAX_LINE)
        local total = 0
        for _, p in ipairs(pieces) do total = total + text_.width(p) end
        local t, span = sen.start or 0, (sen["end"] or 0) - (sen.start or 0)
        for _, p in ipairs(pieces) do
          local d = total > 0 and span * text_.width(p) / total or 0
          cues[#cues + 1] = { start = base + t, ["end"] = base + t + d, text = p }
          t = t + d
        end
      end
    end
    -- (the language the scene is laid out in, as vg.render lays it out,
    -- when it reads right to left: its narration's sentences are in it)
    local sl = direction.language(s)
    if sl and i18n.rtl(sl) then
      for k = first, #cues do cues[k].rtl = sl end
    end
  end
  for _, c in ipairs(cues) do
    c.lines = two_lines(c.text)
    -- (and a cue whose spaces are all far from its middle: a Khmer sentence
    -- around a long Latin name was one line twice too wide)
    if not c.lines and text_.width(c.text) > MAX_LINE then c.lines = split_text(c.text, MAX_LINE) end
    c.lines = c.lines or { c.text }
    if not c.exact and c["end"] - c.start < 0.7 then c["end"] = c.start + 0.7 end
  end
  for k = 1, #cues - 1 do
    if not cues[k].exact and cues[k]["end"] > cues[k + 1].start then cues[k]["end"] = cues[k + 1].start end
  end
  for _, c in ipairs(cues) do c.exact = nil end
  return cues
end

local function stamp(t, sep)
  local ms = math.floor(t * 1000 + 0.5)
  return string.format("%02d:%02d:%02d%s%03d", ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, sep, ms % 1000)
end

-- A caption line as SRT text. SRT has no escapes, and players read its
-- lines as they come: a line holding "-->" that looks like a timing line
-- starts a cue of its own ("00:00:00,000 --> 00:59:00,000 Injected" would
-- stay up for an hour), and "<" opens a tag even with spaces in it
-- (FFmpeg reads "< b >" as bold and drops "<y and z>"). So a run of dashes
-- before ">" is written "->" (ASCII, in every player's font, and no longer
-- the timing arrow), and a WORD JOINER (U+2060, drawn as nothing) follows
-- each "<" so that no tag name can start there.
local function srt_line(s)
  return (s:gsub("%-%-+>", "->"):gsub("<", "<\u{2060}"))
end

-- A caption line as WebVTT cue text: &, < and > as character references
-- (W3C WebVTT), so no text is read as a cue tag and "-->", which cue text
-- may not hold, cannot appear.
local VTT_REFS = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;" }
local function vtt_line(s)
  return (s:gsub("[&<>]", VTT_REFS))
end

-- The language a cue is laid out in: that of its scene when the scene reads
-- right to left and the cue holds a letter of its script; else "ar" or "he"
-- when most of its letters are Arabic or Hebrew (the renderer then sets each
-- of its lines right to left), else nil (each line by its first letter). A cue that
-- opens with a Latin name ("JS وخرائط sourcemap …") had been laid out left
-- to right, its Arabic words read from the wrong end.
local function cue_lang(lines, rtl)
  local n = direction.count(table.concat(lines, " "))
  if n.rtl == 0 then return nil end
  -- a cue said in a right-to-left language is one of its sentences, read
  -- from the right however many Latin names it holds ("(in english)،
  -- «سلام دنیا» در GitHub" had each line laid out by its first letter)
  if rtl then return rtl end
  if n.rtl <= n.slanted + n.upright then return nil end
  return n.hebrew * 2 > n.rtl and "he" or "ar"
end

-- A cue's lines as caption text. A player sets each line in the
-- direction of its first strong letter: a right-to-left cue's line that
-- opens with a Latin name or a number ("GitHub على …") was laid out left to
-- right, and one that ends in a full stop or a bracket had it at the wrong
-- end. Each line of a cue laid out right to left (cue_lang) opens with a
-- RIGHT-TO-LEFT MARK (U+200F, drawn as nothing), as the burnt-in captions
-- are set.
local function cue_text(c, line)
  local mark = cue_lang(c.lines, c.rtl) and "\u{200F}" or ""
  local out = {}
  for k, l in ipairs(c.lines) do out[k] = mark .. line(l) end
  return table.concat(out, "\n")
end

function M.srt(cues)
  local out = {}
  for i, c in ipairs(cues) do
    out[#out + 1] = string.format("%d\n%s --> %s\n%s\n", i, stamp(c.start, ","), stamp(c["end"], ","),
      cue_text(c, srt_line))
  end
  return table.concat(out, "\n")
end

function M.vtt(cues)
  local out = { "WEBVTT\n" }
  for _, c in ipairs(cues) do
    out[#out + 1] = string.format("%s --> %s\n%s\n", stamp(c.start, "."), stamp(c["end"], "."),
      cue_text(c, vtt_line))
  end
  return table.concat(out, "\n")
end

-- The caption box over the bottom of the picture, in design units.
function M.item(cue, width, height)
  local s = math.min(width, height) / 1080
  local W, H = width / s, height / s
  return { type = "group", items = {
    { type = "rect", x = W * 0.12, y = H - 190, w = W * 0.76, h = 130, radius = 16, fill = "#000000b8" },
    { type = "text", id = "caption", x = W * 0.14, y = H - 178, w = W * 0.72, h = 106,
      text = table.concat(cue.lines, "\n"), size = 40, color = "#ffffff", align = "center",
      valign = "middle", min_size = 24, lang = cue_lang(cue.lines, cue.rtl) },
  } }
end

return M
